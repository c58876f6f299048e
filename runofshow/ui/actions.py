"""The operator's actions: one table of names, keys and the bridge command each one runs.

The toolbar, the Show menu, the tooltips and the Help > Shortcuts sheet are all made from this
table, so a key can never be documented in one place and bound differently in another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from runofshow.core.commands import DISPLAYS
from runofshow.core.show import ShowPhase, ShowState


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcuts: tuple[str, ...]
    tip: str
    # The bridge command and its arguments, chosen from the current snapshot (toggles look at it).
    command: Callable[[ShowState], tuple[str, dict[str, object]]] | None = None
    toolbar: bool = True


def _fixed(name: str, **args: object) -> Callable[[ShowState], tuple[str, dict[str, object]]]:
    return lambda _state: (name, dict(args))


def _pause_or_resume(state: ShowState) -> tuple[str, dict[str, object]]:
    return ("resume", {}) if state.phase is ShowPhase.PAUSED else ("pause", {})


def _toggle_blackout(state: ShowState) -> tuple[str, dict[str, object]]:
    # B blacks out every display; pressed again it brings them all back.
    return "blackout", {"display": "all", "on": len(state.blackout) < len(DISPLAYS)}


def _toggle_roll(state: ShowState) -> tuple[str, dict[str, object]]:
    return "roll", {"on": not state.roll}


SHOW_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("go", "GO ▶", ("Space", "PgDown"), "Start the show / start the loaded slot / go to the next slot",
               _fixed("go")),
    ActionSpec("previous", "◀ Previous", ("PgUp",), "Go back to the previous slot (undoable)", _fixed("previous")),
    ActionSpec("pause", "Pause / Resume", ("P",), "Pause or resume the timer", _pause_or_resume),
    ActionSpec("minus", "−1 min", ("-",), "Remove one minute from the current slot", _fixed("add_time", seconds=-60)),
    ActionSpec("plus", "+1 min", ("+", "="), "Add one minute to the current slot", _fixed("add_time", seconds=60)),
    ActionSpec("reset", "Reset", ("R",), "Put the current slot back to its start, waiting for GO (undoable)",
               _fixed("reset")),
    ActionSpec("undo", "Undo", ("Backspace", "Ctrl+Z"), "Undo the last command", _fixed("undo")),
    ActionSpec("message", "Message…", ("M",), "Type a message for the stage"),
    ActionSpec("clear_message", "Clear message", ("Shift+M",), "Remove the stage message", _fixed("clear_message"),
               toolbar=False),
    ActionSpec("flash", "Flash", ("F",), "Flash the stage display", _fixed("flash")),
    ActionSpec("blackout", "Blackout", ("B",), "Black out every display, or bring them back", _toggle_blackout),
    ActionSpec("previous_cue", "◀ Cue", ("Shift+C",), "Back to the previous cue (panel turn)", _fixed("previous_cue")),
    ActionSpec("next_cue", "Cue ▶", ("C",), "On to the next cue (panel turn)", _fixed("next_cue")),
    ActionSpec("goto", "Go to selected", ("G",), "Start the slot selected in the rundown now (undoable)",
               toolbar=False),
    ActionSpec("roll", "Roll", ("L",), "Roll mode: the plan and the clock drive the show", _toggle_roll),
)


def shortcut_text(spec: ActionSpec) -> str:
    return " or ".join(spec.shortcuts)
