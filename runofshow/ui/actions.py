"""The operator's actions: one table of names, keys and the bridge command each one runs.

The toolbar, the Show menu, the tooltips and the Help > Shortcuts sheet are all made from this
table, so a key can never be documented in one place and bound differently in another. The texts and
tips are marked for Qt's translation tools here and translated where they are shown (`label`, `tooltip`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from runofshow.core.commands import DISPLAYS
from runofshow.core.show import ShowPhase, ShowState
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate

CONTEXT = "ShowActions"  # the table's translation context (lupdate reads it as a literal in each call)


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcuts: tuple[str, ...]
    tip: str
    # The bridge command and its arguments, chosen from the current snapshot (toggles look at it).
    command: Callable[[ShowState], tuple[str, dict[str, object]]] | None = None
    toolbar: bool = True

    def label(self) -> str:
        """The button's and menu entry's text, in the operator's language."""
        return translate(CONTEXT, self.text)

    def tooltip(self) -> str:
        """What it does, in the operator's language."""
        return translate(CONTEXT, self.tip)


def _fixed(name: str, **args: object) -> Callable[[ShowState], tuple[str, dict[str, object]]]:
    return lambda _state: (name, dict(args))


def _pause_or_resume(state: ShowState) -> tuple[str, dict[str, object]]:
    return ("resume", {}) if state.phase is ShowPhase.PAUSED else ("pause", {})


def _toggle_blackout(state: ShowState) -> tuple[str, dict[str, object]]:
    # B blacks out every display; pressed again it brings them all back.
    return "blackout", {"display": "all", "on": len(state.blackout) < len(DISPLAYS)}


def _toggle_projector_blackout(state: ShowState) -> tuple[str, dict[str, object]]:
    # Shift+B: the projector alone goes black (a slide to hide, a camera feed gone); the speaker keeps the countdown.
    return "blackout", {"display": "projector", "on": "projector" not in state.blackout}


def _toggle_holding(state: ShowState) -> tuple[str, dict[str, object]]:
    return "holding", {"on": not state.holding}


def _toggle_roll(state: ShowState) -> tuple[str, dict[str, object]]:
    return "roll", {"on": not state.roll}


# Each text and tip in QT_TRANSLATE_NOOP("ShowActions", ...): gathered by lupdate, translated where shown.
SHOW_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("go", QT_TRANSLATE_NOOP("ShowActions", "GO ▶"), ("Space", "PgDown"),
               QT_TRANSLATE_NOOP("ShowActions", "Start the show / start the loaded slot / go to the next slot"),
               _fixed("go")),
    ActionSpec("previous", QT_TRANSLATE_NOOP("ShowActions", "◀ Previous"), ("PgUp",),
               QT_TRANSLATE_NOOP("ShowActions", "Go back to the previous slot (undoable)"), _fixed("previous")),
    ActionSpec("pause", QT_TRANSLATE_NOOP("ShowActions", "Pause / Resume"), ("P",),
               QT_TRANSLATE_NOOP("ShowActions", "Pause or resume the timer"), _pause_or_resume),
    ActionSpec("minus", QT_TRANSLATE_NOOP("ShowActions", "−1 min"), ("-",),
               QT_TRANSLATE_NOOP("ShowActions", "Remove one minute from the current slot"),
               _fixed("add_time", seconds=-60)),
    ActionSpec("plus", QT_TRANSLATE_NOOP("ShowActions", "+1 min"), ("+", "="),
               QT_TRANSLATE_NOOP("ShowActions", "Add one minute to the current slot"), _fixed("add_time", seconds=60)),
    ActionSpec("reset", QT_TRANSLATE_NOOP("ShowActions", "Reset"), ("R",),
               QT_TRANSLATE_NOOP("ShowActions", "Put the current slot back to its start, waiting for GO (undoable)"),
               _fixed("reset")),
    ActionSpec("undo", QT_TRANSLATE_NOOP("ShowActions", "Undo"), ("Backspace", "Ctrl+Z"),
               QT_TRANSLATE_NOOP("ShowActions", "Undo the last command"), _fixed("undo")),
    ActionSpec("message", QT_TRANSLATE_NOOP("ShowActions", "Message…"), ("M",),
               QT_TRANSLATE_NOOP("ShowActions", "Type a message for the stage")),
    ActionSpec("clear_message", QT_TRANSLATE_NOOP("ShowActions", "Clear message"), ("Shift+M",),
               QT_TRANSLATE_NOOP("ShowActions", "Remove the stage message"), _fixed("clear_message"), toolbar=False),
    # Keys 1-9 send the preset messages (the agenda's `messages:`, then Show > Message presets…). The
    # operator window looks the text up when the key is pressed: the presets are not in the snapshot alone.
    ActionSpec("preset_1", QT_TRANSLATE_NOOP("ShowActions", "Preset message 1"), ("1",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 1 to the stage"), toolbar=False),
    ActionSpec("preset_2", QT_TRANSLATE_NOOP("ShowActions", "Preset message 2"), ("2",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 2 to the stage"), toolbar=False),
    ActionSpec("preset_3", QT_TRANSLATE_NOOP("ShowActions", "Preset message 3"), ("3",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 3 to the stage"), toolbar=False),
    ActionSpec("preset_4", QT_TRANSLATE_NOOP("ShowActions", "Preset message 4"), ("4",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 4 to the stage"), toolbar=False),
    ActionSpec("preset_5", QT_TRANSLATE_NOOP("ShowActions", "Preset message 5"), ("5",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 5 to the stage"), toolbar=False),
    ActionSpec("preset_6", QT_TRANSLATE_NOOP("ShowActions", "Preset message 6"), ("6",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 6 to the stage"), toolbar=False),
    ActionSpec("preset_7", QT_TRANSLATE_NOOP("ShowActions", "Preset message 7"), ("7",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 7 to the stage"), toolbar=False),
    ActionSpec("preset_8", QT_TRANSLATE_NOOP("ShowActions", "Preset message 8"), ("8",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 8 to the stage"), toolbar=False),
    ActionSpec("preset_9", QT_TRANSLATE_NOOP("ShowActions", "Preset message 9"), ("9",),
               QT_TRANSLATE_NOOP("ShowActions", "Send preset message 9 to the stage"), toolbar=False),
    ActionSpec("flash", QT_TRANSLATE_NOOP("ShowActions", "Flash"), ("F",),
               QT_TRANSLATE_NOOP("ShowActions", "Flash the stage display"), _fixed("flash")),
    ActionSpec("blackout", QT_TRANSLATE_NOOP("ShowActions", "Blackout"), ("B",),
               QT_TRANSLATE_NOOP("ShowActions", "Black out every display, or bring them back"), _toggle_blackout),
    ActionSpec("blackout_projector", QT_TRANSLATE_NOOP("ShowActions", "Black out the projector only"), ("Shift+B",),
               QT_TRANSLATE_NOOP("ShowActions", "Black out the projector or bring it back; the stage keeps its timer"),
               _toggle_projector_blackout, toolbar=False),
    ActionSpec("holding", QT_TRANSLATE_NOOP("ShowActions", "Holding slide"), ("H",),
               QT_TRANSLATE_NOOP("ShowActions", "The holding slide on the projector (picture or logo), or the show"),
               _toggle_holding, toolbar=False),
    ActionSpec("previous_cue", QT_TRANSLATE_NOOP("ShowActions", "◀ Cue"), ("Shift+C",),
               QT_TRANSLATE_NOOP("ShowActions", "Back to the previous cue (panel turn)"), _fixed("previous_cue")),
    ActionSpec("next_cue", QT_TRANSLATE_NOOP("ShowActions", "Cue ▶"), ("C",),
               QT_TRANSLATE_NOOP("ShowActions", "On to the next cue (panel turn)"), _fixed("next_cue")),
    ActionSpec("goto", QT_TRANSLATE_NOOP("ShowActions", "Go to selected"), ("G",),
               QT_TRANSLATE_NOOP("ShowActions", "Start the slot selected in the rundown now (undoable)"),
               toolbar=False),
    ActionSpec("roll", QT_TRANSLATE_NOOP("ShowActions", "Roll"), ("L",),
               QT_TRANSLATE_NOOP("ShowActions", "Roll mode: the plan and the clock drive the show"), _toggle_roll),
    # A backup laptop becomes the primary (the operator window asks first while the primary still answers).
    ActionSpec("take_over", QT_TRANSLATE_NOOP("ShowActions", "Take over"), ("Ctrl+Shift+T",),
               QT_TRANSLATE_NOOP("ShowActions", "On a backup laptop: drive the show from here, from its copy of "
                                                "the record (the primary steps down)"),
               _fixed("take_over"), toolbar=False),
    # The plan, on the slot selected in the rundown (ui/rundown_editing.py runs them; all undoable).
    ActionSpec("edit_slot", QT_TRANSLATE_NOOP("ShowActions", "Edit slot…"), ("E",),
               QT_TRANSLATE_NOOP("ShowActions", "Edit the selected slot: title, length, start, speakers, notes"),
               toolbar=False),
    ActionSpec("edit_cell", QT_TRANSLATE_NOOP("ShowActions", "Edit in place"), ("F2",),
               QT_TRANSLATE_NOOP("ShowActions", "Edit the selected slot's title, or the length or start cell you "
                                                "clicked, in the rundown (Enter keeps it, Esc drops it)"),
               toolbar=False),
    ActionSpec("insert_slot", QT_TRANSLATE_NOOP("ShowActions", "Insert slot…"), ("Insert", "Ctrl+Shift+N"),
               QT_TRANSLATE_NOOP("ShowActions", "Add a slot after the selected one"), toolbar=False),
    ActionSpec("delete_slot", QT_TRANSLATE_NOOP("ShowActions", "Delete slot"), ("Delete",),
               QT_TRANSLATE_NOOP("ShowActions", "Remove the selected slot from the plan (Backspace undoes it)"),
               toolbar=False),
    ActionSpec("move_up", QT_TRANSLATE_NOOP("ShowActions", "Move slot up"), ("Alt+Up",),
               QT_TRANSLATE_NOOP("ShowActions", "Move the selected slot one place earlier (or drag it)"),
               toolbar=False),
    ActionSpec("move_down", QT_TRANSLATE_NOOP("ShowActions", "Move slot down"), ("Alt+Down",),
               QT_TRANSLATE_NOOP("ShowActions", "Move the selected slot one place later (or drag it)"),
               toolbar=False),
    ActionSpec("skip_slot", QT_TRANSLATE_NOOP("ShowActions", "Skip slot"), ("K",),
               QT_TRANSLATE_NOOP("ShowActions", "Skip the selected slot (GO passes over it), or take it back"),
               toolbar=False),
    ActionSpec("delay_from", QT_TRANSLATE_NOOP("ShowActions", "Delay from here +5 min"), ("D",),
               QT_TRANSLATE_NOOP("ShowActions", "The selected slot and every slot after it start 5 minutes later, "
                                                "hard starts too (a delay announced to the room)"),
               toolbar=False),
    ActionSpec("advance_from", QT_TRANSLATE_NOOP("ShowActions", "Earlier from here −5 min"), ("Shift+D",),
               QT_TRANSLATE_NOOP("ShowActions", "The selected slot and every slot after it start 5 minutes earlier"),
               toolbar=False),
)

# The keys above that change the plan at the rundown's selection: the Rundown menu lists them.
RUNDOWN_KEYS: tuple[str, ...] = ("edit_slot", "edit_cell", "insert_slot", "delete_slot", "move_up", "move_down",
                                  "skip_slot", "delay_from", "advance_from")


def shortcut_text(spec: ActionSpec) -> str:
    return translate("ShowActions", " or ").join(spec.shortcuts)
