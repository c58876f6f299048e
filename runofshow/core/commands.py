"""The one command table. Buttons, keys, menus, HTTP and OSC all name commands from here.

Each command lists its parameters with their types, so a caller from the network can be told
exactly what is malformed before the engine sees anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DISPLAYS = ("projector", "stage", "moderator")  # the display kinds that can be blacked out


@dataclass(frozen=True)
class Param:
    name: str
    kind: type  # str, int, float or bool
    required: bool = True
    help: str = ""


@dataclass(frozen=True)
class CommandSpec:
    name: str
    help: str
    params: tuple[Param, ...] = ()


def _spec(name: str, help_text: str, *params: Param) -> tuple[str, CommandSpec]:
    return name, CommandSpec(name, help_text, params)


COMMANDS: dict[str, CommandSpec] = dict(
    [
        _spec("go", "Start the show, start the loaded slot, or go to the next slot"),
        _spec("next", "End the current slot and start the next one (the last one ends the show)"),
        _spec("previous", "Go back to the previous slot and start it again"),
        _spec("goto", "Start the slot with this id now", Param("slot", str, help="slot id")),
        _spec("pause", "Pause the current slot's timer"),
        _spec("resume", "Resume the paused timer"),
        _spec("add_time", "Add (or with a negative number remove) seconds to the current slot",
              Param("seconds", int, help="seconds, e.g. 60 or -60")),
        _spec("reset", "Put the current slot back to its start, waiting for GO"),
        _spec("undo", "Undo the last command"),
        _spec("message", "Show a message to the stage",
              Param("text", str, help="the message"), Param("flash", bool, required=False, help="flash it")),
        _spec("clear_message", "Remove the stage message"),
        _spec("flash", "Flash the stage display for a few seconds"),
        _spec("blackout", "Black out a display (projector, stage, moderator or all)",
              Param("display", str, help="projector, stage, moderator or all"),
              Param("on", bool, help="true to black out, false to show again")),
        _spec("next_cue", "Move to the next cue inside the slot (e.g. the next panellist)"),
        _spec("previous_cue", "Move back to the previous cue inside the slot"),
        _spec("roll", "Turn roll mode on or off: the plan and the clock drive the show",
              Param("on", bool, help="true or false")),
    ]
)


def check_arguments(name: str, args: Mapping[str, object]) -> tuple[dict[str, object], str]:
    """Validate arguments against the table: (clean arguments, '') or ({}, what is malformed)."""
    spec = COMMANDS.get(name)
    if spec is None:
        return {}, f"unknown command '{name}'; known: {', '.join(COMMANDS)}"
    known = {p.name for p in spec.params}
    extra = sorted(set(args) - known)
    if extra:
        return {}, f"'{name}' takes no argument '{extra[0]}'" + (f" (it takes {', '.join(sorted(known))})"
                                                                  if known else "")
    clean: dict[str, object] = {}
    for param in spec.params:
        if param.name not in args:
            if param.required:
                return {}, f"'{name}' needs '{param.name}' ({param.help})"
            continue
        value = args[param.name]
        # bool is a subclass of int: refuse True where a number is wanted, and 1 where a bool is.
        if param.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            return {}, f"'{param.name}' must be a whole number"
        if param.kind is bool and not isinstance(value, bool):
            return {}, f"'{param.name}' must be true or false"
        if param.kind is str and not isinstance(value, str):
            return {}, f"'{param.name}' must be text"
        clean[param.name] = value
    return clean, ""
