"""The colour and the word of each phase, so a phase looks and reads the same on every screen.

Plain Python (colours as "#rrggbb" text): the Qt views (through `ui/theme.py`), the browser views
(through `remote/snapshot_json.py`) and anything else that shows a phase read this one table, so
neither the Qt side nor the network side has to import the other to agree on what amber means.
"""

from __future__ import annotations

from runofshow.core.show import ShowPhase, ShowState, SlotPhase

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


def phase_word(state: ShowState) -> str:
    """The phase in a word, so it is never told by colour alone."""
    if state.phase is ShowPhase.PAUSED:
        return "PAUSED"
    if state.phase is ShowPhase.PRE_SHOW:
        return "BEFORE THE SHOW"
    if state.phase is ShowPhase.FINISHED:
        return "SHOW OVER"
    if state.phase is ShowPhase.BETWEEN:
        return "READY: PRESS GO" if not state.roll else "WAITING"
    return {
        SlotPhase.NORMAL: "ON TIME",
        SlotPhase.WARNING: "WRAP UP",
        SlotPhase.OVERRUN: "OVER TIME",
        SlotPhase.NONE: "",
    }[state.slot_phase]


def display_word(state: ShowState) -> str:
    """The phase word for the people on stage and at the lectern, not for the operator.

    "READY: PRESS GO" is an instruction for the stage manager; a speaker reads "STANDBY". In a break
    the word says when the show is back, on every display alike.
    """
    if state.phase is ShowPhase.BETWEEN:
        if state.target is None:
            return "STANDBY"
        day = later_day_words(state)
        return f"STARTS {day.upper()} AT {state.target_text}" if day else f"STARTS AT {state.target_text}"
    if state.is_break and state.phase is ShowPhase.RUNNING and state.target is not None:
        return f"BREAK · BACK AT {state.target_text}"
    if state.phase is ShowPhase.FINISHED:
        return "THE SHOW IS OVER"
    if state.phase is ShowPhase.PRE_SHOW:
        return "UNTIL THE START"
    return phase_word(state)


def later_day_words(state: ShowState) -> str:
    """'tomorrow', or the weekday and date, when what the show waits for starts on a later day; else ''.

    Overnight in a multi-day show the countdown runs past midnight: the time alone would read as today.
    """
    if state.target is None or state.target.date() <= state.time_of_day.date():
        return ""
    if (state.target.date() - state.time_of_day.date()).days == 1:
        return "tomorrow"
    return f"{state.target:%a} {state.target.day} {state.target:%b}"
