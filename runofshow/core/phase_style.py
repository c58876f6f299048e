"""The colour and the words of each phase, so a phase looks and reads the same on every screen.

`display_words` decides, for a snapshot, what every display says (the sentences are in `words.py`);
docs/display-words.md is the table of it, case by display.

Plain Python (colours as "#rrggbb" text): the Qt views (through `ui/theme.py`), the browser views
(through `remote/snapshot_json.py`) and anything else that shows a phase read this one table, so
neither the Qt side nor the network side has to import the other to agree on what amber means.
"""

from __future__ import annotations

from dataclasses import dataclass

from runofshow.core import words
from runofshow.core.show import ShowPhase, ShowState, SlotPhase
from runofshow.core.timing import format_time_of_day, local_datetime

ON_TIME = "#34d27b"
WRAP_UP = "#ffb000"
OVER_TIME = "#ff3b30"
NO_SLOT = "#9aa4b8"
PAUSED_COLOUR = "#5aa9ff"

PHASE_COLOURS: dict[SlotPhase, str] = {
    SlotPhase.NONE: NO_SLOT,
    SlotPhase.NORMAL: ON_TIME,
    SlotPhase.WARNING: WRAP_UP,
    SlotPhase.OVERRUN: OVER_TIME,
}


def colour_of(state: ShowState) -> str:
    """The phase colour of a snapshot: the slot's phase, or the paused blue."""
    if state.phase is ShowPhase.PAUSED:
        return PAUSED_COLOUR
    return PHASE_COLOURS[state.slot_phase]


# A panellist's turn (a cue) turns amber in its last half minute: time to thank the speaker. One rule for
# the Qt moderator view and /moderator, which is sent it in the snapshot (`cue_timer.warning`).
CUE_WARNING_SECONDS = 30


def cue_phase(remaining: float) -> SlotPhase:
    """Where a turn's countdown stands; it changes on the instant its shown second does, as a slot's does."""
    if remaining <= 0:
        return SlotPhase.OVERRUN
    if remaining <= CUE_WARNING_SECONDS:
        return SlotPhase.WARNING
    return SlotPhase.NORMAL


def cue_colour(remaining: float) -> str:
    """The colour of a turn's digits on the moderator's views: green, amber, red."""
    return PHASE_COLOURS[cue_phase(remaining)]


def zone_of(state: ShowState) -> SlotPhase:
    """Where the countdown the words follow stands: the running (or paused) slot's phase; before a planned
    start (the show's, or a waiting slot's) NORMAL, and OVERRUN from the second it reads 00:00; else NONE."""
    if state.phase in (ShowPhase.RUNNING, ShowPhase.PAUSED):
        return state.slot_phase
    if state.phase in (ShowPhase.PRE_SHOW, ShowPhase.BETWEEN) and state.target_remaining is not None:
        return SlotPhase.OVERRUN if state.target_remaining <= 0 else SlotPhase.NORMAL
    return SlotPhase.NONE


def words_clock(state: ShowState) -> str:
    """Which countdown moves a state from one zone to the next: 'slot', 'target' or 'none'.

    A browser view counts down by itself between two snapshots and picks the words of the zone it is in."""
    if state.phase in (ShowPhase.RUNNING, ShowPhase.PAUSED):
        return "slot"
    if state.phase in (ShowPhase.PRE_SHOW, ShowPhase.BETWEEN) and state.target_remaining is not None:
        return "target"
    return "none"


def _break_running(state: ShowState) -> bool:
    return state.is_break and state.phase is ShowPhase.RUNNING and state.target is not None


def _slot_word(zone: SlotPhase) -> str:
    return {SlotPhase.NORMAL: "ON TIME", SlotPhase.WARNING: "WRAP UP", SlotPhase.OVERRUN: "OVER TIME",
            SlotPhase.NONE: ""}[zone]


def display_word(state: ShowState, zone: SlotPhase | None = None) -> str:
    """The word under the speaker's big digits (the stage, the moderator, backstage): what they count.

    "READY: PRESS GO" is an instruction for the stage manager; a speaker reads "STANDBY". Before a planned
    start the digits count to it, then past it; in a break they count to "back at", then over it.
    """
    zone = zone_of(state) if zone is None else zone
    if state.phase is ShowPhase.PAUSED:
        return "PAUSED"
    if state.phase is ShowPhase.PRE_SHOW:
        return words.PAST_THE_PLANNED_START if zone is SlotPhase.OVERRUN else words.UNTIL_THE_PLANNED_START
    if state.phase is ShowPhase.BETWEEN:
        if state.target is None:
            return words.STANDBY
        if zone is SlotPhase.OVERRUN:
            return words.PAST_THE_PLANNED_START
        return words.starts_at(format_time_of_day(state.target), later_day_words(state))
    if state.phase is ShowPhase.FINISHED:
        return words.THE_SHOW_IS_OVER
    if _break_running(state):
        return words.BREAK_OVER_TIME if zone is SlotPhase.OVERRUN else words.break_back_at(_back_at(state))
    return _slot_word(zone)


def phase_word(state: ShowState, zone: SlotPhase | None = None) -> str:
    """The operator's word beside the timer: the speakers' word, but for the two states where the
    operator has something to do (press GO) or to know (when the show ended)."""
    if state.phase is ShowPhase.BETWEEN:
        return words.READY_PRESS_GO if not state.roll else words.WAITING_FOR_THE_PLAN
    if state.phase is ShowPhase.FINISHED:
        ended = state.runs[-1].end if state.runs else None
        return words.ended_at(f"{local_datetime(ended, state.event.tz):%H:%M}") if ended is not None else ""
    return display_word(state, zone)


def _back_at(state: ShowState) -> str:
    """When a running break ends by its countdown (whole seconds: `snapshot.draw` rounds the target)."""
    return format_time_of_day(state.target) if state.target is not None else ""


def audience_line(state: ShowState, zone: SlotPhase | None = None) -> str:
    """The projector's line that says when: the start, the end of a break, the next day; '' for none.

    The room is never told a time already past: once a countdown is over it reads "shortly"."""
    zone = zone_of(state) if zone is None else zone
    if state.phase is ShowPhase.PRE_SHOW:
        if state.target is None:
            return ""
        if zone is SlotPhase.OVERRUN:
            return words.PROGRAMME_STARTS_SHORTLY
        return words.programme_starts_at(format_time_of_day(state.target))
    if state.phase is ShowPhase.BETWEEN:
        day = later_day_words(state)
        if day and state.target is not None and zone is not SlotPhase.OVERRUN:
            return words.starting_on(day, format_time_of_day(state.target))
        return words.UP_NEXT
    if state.is_break and state.phase is ShowPhase.PAUSED:
        return words.BREAK  # a paused break has no "back at" that holds
    if _break_running(state):
        return words.BREAK_RESUMING_SHORTLY if zone is SlotPhase.OVERRUN else words.break_back_at_for_the_room(
            _back_at(state))
    return ""


def audience_countdown(state: ShowState, zone: SlotPhase | None = None) -> bool:
    """Whether the projector shows the break's countdown: only while it runs down, never 00:00 held."""
    zone = zone_of(state) if zone is None else zone
    return _break_running(state) and zone is not SlotPhase.OVERRUN


def next_at(state: ShowState, zone: SlotPhase | None = None) -> str:
    """The time beside "Next" on the stage and the moderator: in a break the one it says it is back at
    (none once over it, or paused: the next session starts at GO); else the next slot's planned start."""
    zone = zone_of(state) if zone is None else zone
    if state.next is None:
        return ""
    if state.is_break and state.phase in (ShowPhase.RUNNING, ShowPhase.PAUSED):
        return _back_at(state) if _break_running(state) and zone is not SlotPhase.OVERRUN else ""
    return f"{state.next.start:%H:%M}"


@dataclass(frozen=True)
class DisplayWords:
    """Every display's words for one state, decided once (docs/display-words.md is the table)."""

    operator: str  # beside the operator's timer
    speaker: str  # under the big digits on the stage, the moderator and backstage
    audience: str  # the projector's line that says when
    audience_countdown: bool  # the projector shows the break's countdown
    next_at: str  # the time beside "Next" on the speakers' displays ("" for none)


def display_words(state: ShowState, zone: SlotPhase | None = None) -> DisplayWords:
    """The words of every display for `state`, or for it in another `zone` (for a browser's own countdown)."""
    zone = zone_of(state) if zone is None else zone
    return DisplayWords(operator=phase_word(state, zone), speaker=display_word(state, zone),
                        audience=audience_line(state, zone), audience_countdown=audience_countdown(state, zone),
                        next_at=next_at(state, zone))


def later_day_words(state: ShowState) -> str:
    """'tomorrow', or the weekday and date, when what the show waits for starts on a later day; else ''.

    Overnight in a multi-day show the countdown runs past midnight: the time alone would read as today.
    """
    if state.target is None or state.target.date() <= state.time_of_day.date():
        return ""
    if (state.target.date() - state.time_of_day.date()).days == 1:
        return "tomorrow"
    return f"{state.target:%a} {state.target.day} {state.target:%b}"
