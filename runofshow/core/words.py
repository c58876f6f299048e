"""Where the engine's words live: every sentence the core says to a person.

The show engine's refusals and status-bar lines, the command table's answers to malformed arguments,
the agenda notations' parse errors, the lines that describe an agenda reload and the words for drift
are gathered here, so they can be read and reviewed together and, later, translated, without hunting
through the logic.

To add one: write it here, as a constant when the sentence is fixed or as a small typed function when
values go into it, named for the situation (`NOTHING_RUNNING`, `no_such_slot(slot_id)`), then use it
where the logic decides that this is the thing to say. Keep decisions out of this module: a function
here fills values into words, it never chooses between situations. Tests assert on these texts and
operators have learnt them: change a wording on purpose, in its own commit.

Not here: each command's and parameter's help text (beside its command in `commands.py`, the one command
table) and the words and colours of each phase (in `phase_style.py`).
"""

from __future__ import annotations

from collections.abc import Iterable

# -- refusals: the show engine -------------------------------------------------------------------------

NOTHING_TO_UNDO = "nothing to undo"
SHOW_IS_OVER = "the show is over"
SHOW_IS_OVER_RUN_AGAIN = "the show is over; use previous or goto to run a slot again"
NOT_STARTED = "the show has not started"
NOT_STARTED_PRESS_GO = "the show has not started; press GO to start it"
FIRST_SLOT = "this is the first slot; use reset to start it again"
NOTHING_RUNNING = "nothing is running"
ALREADY_PAUSED = "already paused"
NOTHING_PAUSED = "nothing is paused"
NO_SLOT_LOADED = "no slot is loaded"
NO_SLOT_RUNNING = "no slot is running"
ADD_TIME_ZERO = "add_time needs a number of seconds other than zero"
SLOT_AT_ITS_START = "the slot is already at its start"
MESSAGE_EMPTY = "the message is empty; use clear_message to remove one"
NO_MESSAGE_TO_CLEAR = "there is no message to clear"
LAST_CUE = "this is the last cue"
FIRST_CUE = "this is the first cue"
ROLL_REFUSAL = "roll mode is on: the plan and the clock drive the show; turn roll mode off to take over"


def no_such_slot(slot_id: str) -> str:
    return f"there is no slot with id '{slot_id}'"


def already_running(title: str) -> str:
    return f"'{title}' is already running; use reset to start it again"


def cannot_shorten(title: str) -> str:
    return f"'{title}' cannot be shortened below zero"


def cannot_lengthen(title: str, days: int) -> str:
    return f"'{title}' cannot be longer than planned plus {days} days"


def message_too_long(limit: int) -> str:
    return f"the message is longer than {limit} characters"


def unknown_display(display: str, displays: Iterable[str]) -> str:
    return f"unknown display '{display}' (one of {', '.join(displays)} or all)"


def display_already(display: str, blacked_out: bool) -> str:
    return f"{display} is already {'blacked out' if blacked_out else 'showing'}"


def no_cues(title: str) -> str:
    return f"'{title}' has no cues"


def roll_already(on: bool) -> str:
    return f"roll mode is already {'on' if on else 'off'}"


# -- the status bar: what a command did ----------------------------------------------------------------


def undid(what: str) -> str:
    return f"undid {what}"


def moved_to(command: str, title: str) -> str:
    """After go, next, previous, goto or reset: the command and the slot now loaded."""
    return f"{command}: {title}"


def next_day_waits(title: str, begins: str) -> str:
    """After a day's last slot: the next day's first slot is loaded and waits for GO."""
    return f"the day is over; '{title}' waits for GO (planned {begins})"


def moved_past_the_end(command: str) -> str:
    return f"{command}: the show is over"


def time_changed(seconds: int) -> str:
    """`added 1:30` or `removed 0:45`."""
    return f"{'added' if seconds > 0 else 'removed'} {abs(seconds) // 60}:{abs(seconds) % 60:02d}"


def message_shown(text: str) -> str:
    return f"message: {text}"


def blackout_set(display: str, on: bool) -> str:
    return f"blackout {display} {'on' if on else 'off'}"


def roll_set(on: bool) -> str:
    return f"roll mode {'on' if on else 'off'}"


def command_done(command: str) -> str:
    """Any other command: its name, in words (`clear_message` -> `clear message`)."""
    return command.replace("_", " ")


# -- the computer's clock corrected during the show (the bridge tells the operator) ----------------------


def clock_corrected(amount: str, later: bool) -> str:
    """`amount` is already written out (`2:00`)."""
    return (f"the computer's clock was set {amount} {'later' if later else 'earlier'}: the time of day and "
            "the plan follow it; running countdowns are unchanged")


# -- an agenda swapped in during the show --------------------------------------------------------------

AGENDA_RELOADED = "agenda reloaded"


def still_on(title: str) -> str:
    return f"agenda reloaded; still on '{title}'"


def loaded_slot_gone(gone: str, loaded: str) -> str:
    return f"'{gone}' is no longer in the agenda; loaded '{loaded}', press GO to start it"


# -- what changed between two versions of an agenda (agenda_diff.py) -----------------------------------

EVENT_DETAILS_CHANGED = "event details changed"
SLOTS_REORDERED = "slots reordered"
CHANGED_TITLE = "title"
CHANGED_SPEAKERS = "speakers"
CHANGED_CUES = "cues"
CHANGED_NOTES = "notes"
CHANGED_KIND = "kind or warning"


def slot_added(title: str, when: str) -> str:
    return f"added '{title}' ({when})"


def slot_removed(title: str) -> str:
    return f"removed '{title}'"


def slot_changed(title: str, what: Iterable[str]) -> str:
    return f"changed '{title}': {', '.join(what)}"


def changed_time(before: str, after: str) -> str:
    return f"time {before} → {after}"


# -- drift -----------------------------------------------------------------------------------------------

ON_TIME = "on time"


def drift_words(amount: str, behind: bool) -> str:
    """`4:30 behind` or `2:00 ahead`; `amount` is already written out."""
    return f"{amount} {'behind' if behind else 'ahead'}"


# -- the command table: malformed commands (commands.py) -------------------------------------------------


def unknown_command(shown: str, known: Iterable[str]) -> str:
    return f"unknown command '{shown}'; known: {', '.join(known)}"


def no_such_argument(command: str, shown: str, known: Iterable[str]) -> str:
    takes = ", ".join(known)
    return f"'{command}' takes no argument '{shown}'" + (f" (it takes {takes})" if takes else "")


def argument_needed(command: str, param: str, help_text: str) -> str:
    return f"'{command}' needs '{param}' ({help_text})"


def must_be_bool(param: str) -> str:
    return f"'{param}' must be true or false"


def must_be_text(param: str) -> str:
    return f"'{param}' must be text"


def must_be_whole(param: str) -> str:
    return f"'{param}' must be a whole number"


def must_be_number(param: str) -> str:
    return f"'{param}' must be a number"


def must_be_finite(param: str) -> str:
    return f"'{param}' must be a finite number"


def at_least(param: str, low: str) -> str:
    return f"'{param}' must be at least {low}"


def at_most(param: str, high: str) -> str:
    return f"'{param}' must be at most {high}"


def between(param: str, low: str, high: str) -> str:
    return f"'{param}' must be between {low} and {high}"


def too_long(param: str, limit: int) -> str:
    return f"'{param}' is longer than {limit} characters"


def lone_surrogate(param: str, codepoint: int) -> str:
    return f"'{param}' is not valid Unicode (a lone surrogate, U+{codepoint:04X})"


def control_character(param: str, codepoint: int) -> str:
    return f"'{param}' contains a control character (U+{codepoint:04X})"


# -- the agenda's notations (timeparse.py) ----------------------------------------------------------------


def not_a_time(text: str) -> str:
    return f"'{text}' is not a time of day; write it as HH:MM, e.g. 13:30"


def time_out_of_range(text: str) -> str:
    return f"'{text}' is not a time of day (hours 0-23, minutes and seconds 0-59)"


def not_a_duration(text: str) -> str:
    return f"'{text}' is not a duration; write it like 15m, 1h30m or 90s"


def not_a_date(text: str) -> str:
    return f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2023-11-30"


def impossible_date(text: str, reason: str) -> str:
    return f"'{text}' is not a date: {reason}"
