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
table) and the colours of each phase and the choice of which display words below fit a state (in
`phase_style.py`).
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
PRESET_MESSAGES_CHANGED = "the preset messages (keys 1-9) changed"
FLASH_STAGE_ONLY = "only the stage display flashes; send the moderator message without flash"
LAST_CUE = "this is the last cue"
FIRST_CUE = "this is the first cue"
ALREADY_PRIMARY = "this laptop drives the show; take_over is for a backup laptop (runofshow follow)"
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


def holding_already(on: bool) -> str:
    return f"the holding slide is already {'on' if on else 'off'}"


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


def message_shown(text: str, to: str = "stage", pinned: bool = False) -> str:
    """`message: Please wrap up`, `moderator message: … (pinned)`."""
    return f"{'moderator message' if to == 'moderator' else 'message'}: {text}{' (pinned)' if pinned else ''}"


def message_pinned(to: str, on: bool) -> str:
    return f"{to} message {'pinned: it stays until cleared' if on else 'unpinned: it goes at the next slot'}"


def message_cleared(to: str) -> str:
    return f"{to} message cleared"


def no_message_to_clear(to: str) -> str:
    return NO_MESSAGE_TO_CLEAR if to == "stage" else f"there is no {to} message to clear"


def no_message_to_pin(to: str, on: bool) -> str:
    return f"there is no {to} message to {'pin' if on else 'unpin'}"


def message_already_pinned(to: str, on: bool) -> str:
    return f"the {to} message is already {'pinned' if on else 'not pinned'}"


def unknown_message_target(to: str, targets: Iterable[str]) -> str:
    return f"unknown message target '{to}' (one of {', '.join(targets)})"


def blackout_set(display: str, on: bool) -> str:
    return f"blackout {display} {'on' if on else 'off'}"


def roll_set(on: bool) -> str:
    return f"roll mode {'on' if on else 'off'}"


def holding_set(on: bool) -> str:
    return "holding slide on the projector" if on else "holding slide off: the projector shows the show"


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


# -- what the displays say (phase_style.display_words chooses; docs/display-words.md is the table) -------
# Speaker-facing (the stage, the moderator, backstage; the operator reads the same): capitals, blunt.

UNTIL_THE_PLANNED_START = "UNTIL THE PLANNED START"
PAST_THE_PLANNED_START = "PAST THE PLANNED START"
STANDBY = "STANDBY"
BREAK_OVER_TIME = "BREAK OVER TIME"
THE_SHOW_IS_OVER = "THE SHOW IS OVER"
READY_PRESS_GO = "READY: PRESS GO"  # the operator's: an instruction the stage never reads
WAITING_FOR_THE_PLAN = "WAITING"  # the operator's, in roll mode: the plan starts the slot


def break_back_at(time: str) -> str:
    return f"BREAK · BACK AT {time}"


def starts_at(time: str, day: str = "") -> str:
    """`STARTS AT 14:00`, `STARTS TOMORROW AT 09:00`; `day` is from `phase_style.later_day_words`."""
    return f"STARTS {day.upper()} AT {time}" if day else f"STARTS AT {time}"


def ended_at(time: str) -> str:
    """After the show, for the operator: the time of day it ended, labelled (never bare digits)."""
    return f"ENDED AT {time}"


# Audience-facing (the projector): sentence case; never a time already past, never a negative time.

PROGRAMME_STARTS_SHORTLY = "The programme starts shortly"
BREAK_RESUMING_SHORTLY = "Break — we resume shortly"
BREAK = "Break"
UP_NEXT = "Up next"


def programme_starts_at(time: str) -> str:
    return f"The programme starts at {time}"


def break_back_at_for_the_room(time: str) -> str:
    return f"Break — back at {time}"


def starting_on(day: str, time: str) -> str:
    return f"Starting {day} at {time}"


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


# -- editing the plan (core/plan_edits.py) ---------------------------------------------------------------


def must_be_texts(param: str) -> str:
    return f"'{param}' must be a list of texts"


def too_many_items(param: str, limit: int) -> str:
    return f"'{param}' holds more than {limit} items"


def running_slot_not_deleted(title: str) -> str:
    return f"'{title}' is on now: end it first (next or goto), then delete it"


def running_slot_not_moved(title: str) -> str:
    return f"'{title}' is on now: end it first (next or goto), then move it"


def running_slot_not_skipped(title: str) -> str:
    return f"'{title}' is on now: end it first (next or goto), then skip it"


def slot_id_taken(slot_id: str) -> str:
    return f"a slot with id '{slot_id}' is already in the plan"


def bad_slot_id(slot_id: str) -> str:
    return f"id '{slot_id}' may hold only letters, digits, '-', '_' and '.'"


def unknown_kind(kind: str, kinds: list[str]) -> str:
    return f"unknown kind '{kind}' (one of {', '.join(kinds)})"


def empty_title() -> str:
    return "a slot needs a title"


def speaker_without_name(line: str) -> str:
    return f"the speaker '{line}' has no name (write 'Name, role, organisation')"


def last_slot_not_deleted() -> str:
    return "the plan's only slot cannot be deleted"


def move_after_itself(title: str) -> str:
    return f"'{title}' cannot follow itself"


def already_skipped(title: str, on: bool) -> str:
    return f"'{title}' is already skipped" if on else f"'{title}' is not skipped"


def nothing_to_shift() -> str:
    return "no slot is still to come: nothing to shift"


def shift_zero() -> str:
    return "a shift of 0 minutes changes nothing"


def nothing_changed(title: str) -> str:
    return f"nothing to change in '{title}'"


def end_not_after_start(end: str, start: str) -> str:
    return f"end {end} is not after start {start}; for a slot past midnight write '{end} +1d'"


def slots_overlap(title: str, starts: str, previous: str, ends: str) -> str:
    return (f"'{title}' would start at {starts}, before '{previous}' ends at {ends}; slots must not overlap "
            "(a hard start keeps its time: change it or make it soft)")


def outside_the_event(title: str) -> str:
    return f"'{title}' would leave the event's days"


def cues_longer(title: str, cues: str, length: str) -> str:
    return f"the cues of '{title}' add up to {cues}, longer than the slot's {length}"


def too_short_for_added_time(title: str) -> str:
    return f"'{title}' would end before now with the time already taken off: add time back first"


def slot_inserted(title: str, starts: str) -> str:
    return f"plan: added '{title}' at {starts}"


def slot_deleted(title: str) -> str:
    return f"plan: removed '{title}'"


def plan_shifted(minutes: int) -> str:
    return f"plan: moved later by {minutes} min" if minutes > 0 else f"plan: moved earlier by {-minutes} min"


def slot_skipped(title: str, on: bool) -> str:
    return f"plan: skipped '{title}'" if on else f"plan: took back '{title}'"


def slot_edited(title: str, starts: str, length: str, *, moved: bool) -> str:
    return f"plan: {'moved' if moved else 'changed'} '{title}' ({starts}, {length})"


def cue_unreadable(line: str) -> str:
    return (f"the cue '{line}' cannot be read: write 'Title | 3m | Name, role, organisation' "
            "(the speaker may be left out)")


def cue_without_title(line: str) -> str:
    return f"the cue '{line}' has no title"


def no_crew_columns() -> str:
    return "the agenda has no crew columns: add `columns: [Audio, Video]` at the top of the agenda file first"


def crew_line_unreadable(line: str) -> str:
    return f"the crew cue '{line}' cannot be read: write 'Column: cue', e.g. 'Audio: handhelds 3-5'"


def unknown_crew_column(column: str, columns: Iterable[str], hint: str) -> str:
    guess = f"; did you mean '{hint}'?" if hint else ""
    return f"no crew column '{column}' (the columns are {', '.join(columns)}){guess}"


def crew_column_twice(column: str) -> str:
    return f"the crew column '{column}' is given twice: one cue per column"


def crew_cue_too_long(column: str, length: int, limit: int) -> str:
    return f"the {column} cue has {length} characters; a crew cue is one line of at most {limit}"


# -- crew columns in what changed between two versions of an agenda (agenda_diff.py) ------------------------

CREW_COLUMNS_CHANGED = "crew columns changed"
CHANGED_CREW = "crew cues"
