"""The one command table. Buttons, keys, menus, HTTP and OSC all name commands from here.

Each command lists its parameters with their types and bounds, so a caller from the network can be
told exactly what is malformed before the engine sees anything: numbers are finite and within range,
text is valid Unicode (no lone surrogates), without control characters, and of a bounded length.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from runofshow.core import words

DISPLAYS = ("projector", "stage", "moderator")  # the display kinds that can be blacked out

# One add_time moves a slot's end by at most a day either way: more than any real adjustment on a
# show day, so a bigger number is a slip of the keyboard (the engine bounds the total, see live.py).
MAX_TIME_CHANGE = 24 * 3600
MAX_MESSAGE_INPUT = 1000  # the stage shows 280 characters once white space is collapsed (live.py)
MAX_SLOT_ID = 200  # agenda ids are short slugs
MAX_DISPLAY_NAME = 20  # projector, stage, moderator or all
MAX_TITLE = 300  # a slot's title: a programme line, not a page
MAX_NOTES = 4000  # a slot's notes for the operator
MAX_SPEAKERS = 30  # people on one slot
MAX_PERSON_LINE = 300  # "Name, role, organisation"
MAX_CUES = 30  # cues in one slot
MAX_CUE_LINE = MAX_TITLE + MAX_PERSON_LINE + 20  # "Title | 3m | Name, role, organisation"
MAX_SLOT_LENGTH = 24 * 3600  # one slot lasts at most a day
MAX_SHIFT_MINUTES = 24 * 60  # a delay announced to the room: at most a day either way
MAX_TIME_TEXT = 12  # "HH:MM", "HH:MM:SS +1d"
MAX_CREW_COLUMN = 40  # a crew column's name: a department (Audio, Video, Lighting, Stage)
MAX_CREW_CUE = 200  # one crew cue: one line in the rundown's column
MAX_CREW_LINE = 250  # "Column: cue" (40 + ": " + 200, and some room for spaces)
MAX_CREW_ITEMS = 20  # crew cues in one slot: one per column

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # C0, DEL and C1
_CONTROL_BUT_LAYOUT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # the same; tab, CR and LF allowed


@dataclass(frozen=True)
class Param:
    name: str
    kind: type  # str, int, float, bool, or list (a list of texts, each checked like a str)
    required: bool = True
    help: str = ""
    minimum: float | None = None  # numbers: the smallest value accepted
    maximum: float | None = None  # numbers: the largest value accepted
    max_length: int | None = None  # text: the most characters accepted
    multiline: bool = False  # text: line breaks (LF or CR LF) and tabs allowed
    max_items: int | None = None  # a list: the most items accepted


@dataclass(frozen=True)
class CommandSpec:
    name: str
    help: str
    params: tuple[Param, ...] = ()
    # Moves or times the show by hand: refused while roll mode lets the plan and the clock drive it
    # (the engine checks this in one place, before the command's own checks).
    refused_in_roll: bool = False


# Where a message goes: the stage display (and every view that shows it) or the moderator's views only.
_MESSAGE_TO = Param("to", str, required=False, help="stage (the default) or moderator", max_length=MAX_DISPLAY_NAME)


# A slot's crew cues: the list given replaces them all (a column left out has no cue).
_CREW = Param("crew", list, required=False,
              help="'Column: cue' per crew column, e.g. 'Audio: handhelds 3-5' (the list replaces the slot's cues)",
              max_length=MAX_CREW_LINE, max_items=MAX_CREW_ITEMS)


def _spec(name: str, help_text: str, *params: Param, refused_in_roll: bool = False) -> tuple[str, CommandSpec]:
    return name, CommandSpec(name, help_text, params, refused_in_roll)


COMMANDS: dict[str, CommandSpec] = dict(
    [
        _spec("go", "Start the show, start the loaded slot, or go to the next slot", refused_in_roll=True),
        _spec("next", "End the current slot and start the next one (the last one ends the show)",
              refused_in_roll=True),
        _spec("previous", "Go back to the previous slot and start it again", refused_in_roll=True),
        _spec("goto", "Start the slot with this id now", Param("slot", str, help="slot id", max_length=MAX_SLOT_ID),
              refused_in_roll=True),
        _spec("pause", "Pause the current slot's timer", refused_in_roll=True),
        _spec("resume", "Resume the paused timer"),
        _spec("add_time", "Add (or with a negative number remove) seconds to the current slot",
              Param("seconds", int, help="seconds, e.g. 60 or -60", minimum=-MAX_TIME_CHANGE, maximum=MAX_TIME_CHANGE),
              refused_in_roll=True),
        _spec("reset", "Put the current slot back to its start, waiting for GO", refused_in_roll=True),
        _spec("undo", "Undo the last command"),
        _spec("message", "Show a message to the stage (or the moderator) until the show moves to another slot",
              Param("text", str, help="the message", max_length=MAX_MESSAGE_INPUT, multiline=True),
              Param("flash", bool, required=False, help="flash it (stage only)"),
              Param("pin", bool, required=False, help="true to keep it on through slot changes"),
              _MESSAGE_TO),
        _spec("clear_message", "Remove the stage (or the moderator) message", _MESSAGE_TO),
        _spec("pin_message", "Pin the message shown (it stays through slot changes) or unpin it",
              Param("on", bool, help="true to pin, false to unpin"), _MESSAGE_TO),
        _spec("flash", "Flash the stage display for a few seconds"),
        _spec("blackout", "Black out a display (projector, stage, moderator or all)",
              Param("display", str, help="projector, stage, moderator or all", max_length=MAX_DISPLAY_NAME),
              Param("on", bool, help="true to black out, false to show again")),
        _spec("next_cue", "Move to the next cue inside the slot (e.g. the next panellist)", refused_in_roll=True),
        _spec("previous_cue", "Move back to the previous cue inside the slot", refused_in_roll=True),
        _spec("roll", "Turn roll mode on or off: the plan and the clock drive the show",
              Param("on", bool, help="true or false")),
        _spec("holding", "Show the holding slide on the projector (the agenda's picture or the logo), or the show",
              Param("on", bool, help="true for the holding slide, false for the show")),
        # A backup laptop's (`runofshow follow`): carry on the show from its copy of the primary's record.
        _spec("take_over", "On a backup laptop: become the primary and carry on the show from its copy of the record"),
        # -- the plan: each returns a new plan (an undo brings the old one back); refused in roll mode, where
        # the plan drives the show and an edit would move the show under the operator's feet.
        _spec("insert_slot", "Add a slot after another one (it starts at that slot's planned end)",
              Param("after", str, help="the slot id it follows ('' for the top)", max_length=MAX_SLOT_ID),
              Param("title", str, help="the title", max_length=MAX_TITLE),
              Param("duration", int, help="length in seconds", minimum=1, maximum=MAX_SLOT_LENGTH),
              Param("id", str, required=False, help="its id (made from the title if left out)",
                    max_length=MAX_SLOT_ID),
              Param("kind", str, required=False, help="talk, remarks, break, panel, reception or other",
                    max_length=20),
              Param("speakers", list, required=False, help="'Name, role, organisation' per speaker",
                    max_length=MAX_PERSON_LINE, max_items=MAX_SPEAKERS),
              Param("start", str, required=False, help="HH:MM: a hard start at this time of day",
                    max_length=MAX_TIME_TEXT),
              _CREW,
              refused_in_roll=True),
        _spec("edit_slot", "Change a slot: its title, length, start (HH:MM, a hard start), end, kind, speakers, "
                           "notes, warning, a panel's moderator, panellists and cues, or the crew's cues",
              Param("slot", str, help="slot id", max_length=MAX_SLOT_ID),
              Param("title", str, required=False, help="the title", max_length=MAX_TITLE),
              Param("duration", int, required=False, help="length in seconds", minimum=1, maximum=MAX_SLOT_LENGTH),
              Param("start", str, required=False, help="HH:MM: a hard start at this time ('' makes it soft)",
                    max_length=MAX_TIME_TEXT),
              Param("end", str, required=False, help="HH:MM (or HH:MM +1d): when it ends", max_length=MAX_TIME_TEXT),
              Param("kind", str, required=False, help="talk, remarks, break, panel, reception or other",
                    max_length=20),
              Param("speakers", list, required=False, help="'Name, role, organisation' per speaker",
                    max_length=MAX_PERSON_LINE, max_items=MAX_SPEAKERS),
              Param("notes", str, required=False, help="notes for the operator", max_length=MAX_NOTES,
                    multiline=True),
              Param("warning", int, required=False, help="seconds before the end the timer turns amber",
                    minimum=0, maximum=MAX_SLOT_LENGTH),
              Param("moderator", str, required=False, help="'Name, role, organisation' ('' removes the moderator)",
                    max_length=MAX_PERSON_LINE),
              Param("panellists", list, required=False, help="'Name, role, organisation' per panellist",
                    max_length=MAX_PERSON_LINE, max_items=MAX_SPEAKERS),
              Param("cues", list, required=False,
                    help="'Title | 3m | Name, role, organisation' per cue, in order (the speaker may be left out)",
                    max_length=MAX_CUE_LINE, max_items=MAX_CUES),
              _CREW,
              refused_in_roll=True),
        _spec("delete_slot", "Remove a slot from the plan (not the one on: end it first)",
              Param("slot", str, help="slot id", max_length=MAX_SLOT_ID), refused_in_roll=True),
        _spec("move_slot", "Move a slot to just after another one (not the one on: end it first)",
              Param("slot", str, help="slot id", max_length=MAX_SLOT_ID),
              Param("after", str, help="the slot id it follows ('' for the top)", max_length=MAX_SLOT_ID),
              refused_in_roll=True),
        _spec("skip_slot", "Skip a slot (GO and next pass over it) or take it back",
              Param("slot", str, help="slot id", max_length=MAX_SLOT_ID),
              Param("on", bool, help="true to skip, false to take it back"), refused_in_roll=True),
        _spec("shift", "Move the planned time of every slot still to come (or from one slot on) by minutes",
              Param("minutes", int, help="minutes, e.g. 5 or -5", minimum=-MAX_SHIFT_MINUTES,
                    maximum=MAX_SHIFT_MINUTES),
              Param("from", str, required=False, help="the first slot id to move (default: the next one)",
                    max_length=MAX_SLOT_ID),
              refused_in_roll=True),
    ]
)

# The commands that change the plan rather than the show's place in it.
PLAN_COMMANDS: frozenset[str] = frozenset({"insert_slot", "edit_slot", "delete_slot", "move_slot", "skip_slot",
                                           "shift"})


def check_arguments(name: str, args: Mapping[str, object]) -> tuple[dict[str, object], str]:
    """Validate arguments against the table: (clean arguments, '') or ({}, what is malformed).

    The one place every caller's arguments are checked: the engine, HTTP and OSC all come here.
    """
    spec = COMMANDS.get(name)
    if spec is None:
        return {}, words.unknown_command(_shown(name), COMMANDS)
    known = {p.name for p in spec.params}
    extra = sorted((key for key in args if key not in known), key=str)
    if extra:
        return {}, words.no_such_argument(name, _shown(extra[0]), sorted(known))
    clean: dict[str, object] = {}
    for param in spec.params:
        if param.name not in args:
            if param.required:
                return {}, words.argument_needed(name, param.name, param.help)
            continue
        value, problem = _checked(param, args[param.name])
        if problem:
            return {}, problem
        clean[param.name] = value
    return clean, ""


def _checked(param: Param, value: object) -> tuple[object, str]:
    """One argument against its parameter: (the value, '') or (None, what is wrong with it)."""
    # bool is a subclass of int: refuse True where a number is wanted, and 1 where a bool is.
    if param.kind is bool:
        return (value, "") if isinstance(value, bool) else (None, words.must_be_bool(param.name))
    if param.kind is str:
        if not isinstance(value, str):
            return None, words.must_be_text(param.name)
        return value, _text_problem(param, value)
    if param.kind is list:
        return _checked_texts(param, value)
    if param.kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            return None, words.must_be_whole(param.name)
        number: float = value
    else:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, words.must_be_number(param.name)
        try:
            number = value = float(value)
        except OverflowError:  # an int too large for a float
            return None, words.must_be_finite(param.name)
        if not math.isfinite(number):
            return None, words.must_be_finite(param.name)
    return value, _range_problem(param, number)


def _checked_texts(param: Param, value: object) -> tuple[object, str]:
    """A list of texts: bounded in count, each text checked like a one-line text parameter."""
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        return None, words.must_be_texts(param.name)
    if param.max_items is not None and len(value) > param.max_items:
        return None, words.too_many_items(param.name, param.max_items)
    for item in value:
        if problem := _text_problem(param, item):
            return None, problem
    return tuple(value), ""


def _range_problem(param: Param, number: float) -> str:
    low, high = param.minimum, param.maximum
    if (low is None or number >= low) and (high is None or number <= high):
        return ""
    if high is None:
        return words.at_least(param.name, _number(low))
    if low is None:
        return words.at_most(param.name, _number(high))
    return words.between(param.name, _number(low), _number(high))


def _text_problem(param: Param, text: str) -> str:
    if param.max_length is not None and len(text) > param.max_length:
        return words.too_long(param.name, param.max_length)
    if found := _SURROGATE.search(text):
        return words.lone_surrogate(param.name, ord(found.group()))
    if found := (_CONTROL_BUT_LAYOUT if param.multiline else _CONTROL).search(text):
        return words.control_character(param.name, ord(found.group()))
    return ""


def _number(value: float | None) -> str:
    return str(int(value)) if value is not None and float(value).is_integer() else str(value)


def _shown(text: object, limit: int = 40) -> str:
    """A name the caller sent, fit to quote back: cut short, anything unprintable escaped."""
    text = str(text)
    return repr(text[:limit])[1:-1] + ("..." if len(text) > limit else "")
