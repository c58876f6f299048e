"""What each command does to the live state: one function per command of the table in `commands.py`.

A handler takes the agenda, the live state (already moved along the plan in roll mode), the moment and
the command's checked arguments, and returns the new live state, or the reason (words for the operator)
it refuses. It changes nothing itself: the engine (`show.py`) keeps the result, the undo history and the
status line, and decides before any handler runs which commands roll mode refuses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from runofshow.core import messages, words
from runofshow.core.agenda import Agenda, Slot
from runofshow.core.clock import Instant
from runofshow.core.commands import DISPLAYS
from runofshow.core.live import FLASH_SECONDS, MAX_ADDED, MAX_MESSAGE, Live, SlotRun
from runofshow.core.plan import nearest_anchor, plan_position, planned, roll_anchor, rolled, starts_a_new_day
from runofshow.core.snapshot import CueState, current_cue
from runofshow.core.timing import local_datetime

Handler = Callable[..., Live | str]


def _slot(agenda: Agenda, index: int | None) -> Slot | None:
    return agenda.slots[index] if index is not None else None


def _following(agenda: Agenda, index: int, step: int = 1) -> int | None:
    """The next (or with step -1 the previous) slot GO and next play: a skipped slot is passed over."""
    index += step
    while 0 <= index < len(agenda.slots) and agenda.slots[index].skipped:
        index += step
    return index if 0 <= index < len(agenda.slots) else None


def _go(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    if live.finished:
        return words.SHOW_IS_OVER_RUN_AGAIN
    if live.index is None:
        return _start(agenda, live, _following(agenda, -1) or 0, now)
    if live.running_since is None:
        return _start(agenda, live, live.index, now)
    return _next(agenda, live, now)


def _next(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    if live.finished:
        return words.SHOW_IS_OVER
    if live.index is None:
        return words.NOT_STARTED_PRESS_GO
    following = _following(agenda, live.index)
    if following is None:
        ended = _end_run(agenda, live, now)
        return replace(ended, index=None, finished=True)
    if starts_a_new_day(agenda, following):
        # The day is over: the next day's first slot waits for GO, with a countdown to its planned start.
        return replace(_end_run(agenda, live, now), index=following, running_since=None, paused_at=None,
                       paused_total=0.0, added=0.0, cue_index=0, cue_from=0.0)
    return _start(agenda, _end_run(agenda, live, now), following, now)


def _previous(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    if live.finished:
        return _start(agenda, replace(live, finished=False), len(agenda.slots) - 1, now)
    if live.index is None:
        return words.NOT_STARTED
    if live.index == 0:
        return words.FIRST_SLOT
    return _start(agenda, _end_run(agenda, live, now), live.index - 1, now)


def _goto(agenda: Agenda, live: Live, now: Instant, slot: str) -> Live | str:
    index = agenda.index_of(slot)
    if index is None:
        return words.no_such_slot(slot)
    if index == live.index and live.running_since is not None:
        return words.already_running(agenda.slots[index].title)
    return _start(agenda, replace(_end_run(agenda, live, now), finished=False), index, now)


def _pause(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    if live.running_since is None:
        return words.NOTHING_RUNNING
    if live.paused_at is not None:
        return words.ALREADY_PAUSED
    return replace(live, paused_at=now.t)


def _resume(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    if live.paused_at is None:
        return words.NOTHING_PAUSED
    return replace(live, paused_at=None, paused_total=live.paused_total + (now.t - live.paused_at))


def _add_time(agenda: Agenda, live: Live, now: Instant, seconds: int) -> Live | str:
    slot = _slot(agenda, live.index)
    if slot is None:
        return words.NO_SLOT_LOADED
    if seconds == 0:
        return words.ADD_TIME_ZERO
    added = live.added + seconds
    if slot.duration + added <= 0:
        return words.cannot_shorten(slot.title)
    if added > MAX_ADDED:
        return words.cannot_lengthen(slot.title, MAX_ADDED // 86400)
    return replace(live, added=added)


def _reset(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    if live.index is None:
        return words.NO_SLOT_LOADED
    if live.running_since is None and live.added == 0:
        return words.SLOT_AT_ITS_START
    return replace(live, running_since=None, paused_at=None, paused_total=0.0, added=0.0, cue_index=0, cue_from=0.0)


def _message(agenda: Agenda, live: Live, now: Instant, text: str, *, flash: bool = False, pin: bool = False,
             to: str = "stage") -> Live | str:
    if to not in messages.TARGETS:
        return words.unknown_message_target(to, messages.TARGETS)
    text = " ".join(text.split())
    if not text:
        return words.MESSAGE_EMPTY
    if len(text) > MAX_MESSAGE:
        return words.message_too_long(MAX_MESSAGE)
    if flash and to != "stage":
        return words.FLASH_STAGE_ONLY
    sent = messages.with_message(agenda, live, to, text, pin)
    return replace(sent, flash_until=now.t + FLASH_SECONDS if flash else live.flash_until)


def _clear_message(agenda: Agenda, live: Live, now: Instant, to: str = "stage") -> Live | str:
    if to not in messages.TARGETS:
        return words.unknown_message_target(to, messages.TARGETS)
    if not messages.shown(agenda, live, to):
        return words.no_message_to_clear(to)
    return messages.with_message(agenda, live, to, "", pin=False)


def _pin_message(agenda: Agenda, live: Live, now: Instant, on: bool, to: str = "stage") -> Live | str:
    if to not in messages.TARGETS:
        return words.unknown_message_target(to, messages.TARGETS)
    text = messages.shown(agenda, live, to)
    if not text:
        return words.no_message_to_pin(to, on)
    if messages.pinned(agenda, live, to) == on:
        return words.message_already_pinned(to, on)
    # Sent again from here: unpinned, it goes at the next slot change, not at once for a slot long gone.
    return messages.with_message(agenda, live, to, text, pin=on)


def _flash(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    return replace(live, flash_until=now.t + FLASH_SECONDS)


def _blackout(agenda: Agenda, live: Live, now: Instant, display: str, on: bool) -> Live | str:
    if display != "all" and display not in DISPLAYS:
        return words.unknown_display(display, DISPLAYS)
    chosen = frozenset(DISPLAYS) if display == "all" else frozenset({display})
    blackout = live.blackout | chosen if on else live.blackout - chosen
    if blackout == live.blackout:
        return words.display_already(display, on)
    return replace(live, blackout=blackout)


def _next_cue(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    found = _cue_now(agenda, live, now)
    if isinstance(found, str):
        return found
    slot_cues = agenda.slots[live.index].cues  # type: ignore[index]
    if found.index + 1 >= len(slot_cues):
        return words.LAST_CUE
    return replace(live, cue_index=found.index + 1, cue_from=live.elapsed(now.t))


def _previous_cue(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    found = _cue_now(agenda, live, now)
    if isinstance(found, str):
        return found
    if found.index == 0:
        return words.FIRST_CUE
    return replace(live, cue_index=found.index - 1, cue_from=live.elapsed(now.t))


def _cue_now(agenda: Agenda, live: Live, now: Instant) -> CueState | str:
    slot = _slot(agenda, live.index)
    if slot is None or live.running_since is None:
        return words.NO_SLOT_RUNNING
    if not slot.cues:
        return words.no_cues(slot.title)
    cue = current_cue(slot, live, live.elapsed(now.t))
    assert cue is not None  # a running slot with cues always has a current cue
    return cue


def _roll(agenda: Agenda, live: Live, now: Instant, on: bool) -> Live | str:
    if on == live.roll:
        return words.roll_already(on)
    if not on:
        return replace(live, roll=False)
    anchor = live.anchor if live.anchor is not None else roll_anchor(agenda, now)
    index = plan_position(agenda, anchor, now)
    if index is not None and index == live.index and live.running_since is not None and not live.finished:
        # The plan's slot is the one running (started late by hand): it keeps its actual start, its
        # elapsed time and added time, and a pause ends now (roll mode refuses pause); no run is cut in two.
        resumed = live.paused_total + (now.t - live.paused_at if live.paused_at is not None else 0.0)
        return rolled(agenda, replace(live, roll=True, anchor=anchor, paused_at=None, paused_total=resumed), now)
    ended = _end_run(agenda, live, now)
    turned_on = replace(ended, roll=True, anchor=anchor, index=index, finished=False, running_since=None,
                        paused_at=None, paused_total=0.0, added=0.0, cue_index=0, cue_from=0.0)
    if index is None and now.plan >= planned(agenda, anchor, agenda.slots[-1].end):
        # After the plan's end: finished, claiming no runs for slots roll mode never played (as mid-plan),
        # so the report stays what really ran; the drift is then 0, not the clock's distance from the end.
        turned_on = replace(turned_on, finished=True)
    return rolled(agenda, turned_on, now)


def _holding(agenda: Agenda, live: Live, now: Instant, on: bool) -> Live | str:
    if on == live.holding:
        return words.holding_already(on)
    return replace(live, holding=on)


def _take_over(agenda: Agenda, live: Live, now: Instant) -> Live | str:
    # A backup laptop's pairing answers take_over before the engine is asked (qt/bridge.py): here it is a primary.
    return words.ALREADY_PRIMARY


HANDLERS: Mapping[str, Handler] = {
    "go": _go, "next": _next, "previous": _previous, "goto": _goto, "pause": _pause, "resume": _resume,
    "add_time": _add_time, "reset": _reset, "message": _message, "clear_message": _clear_message,
    "pin_message": _pin_message,
    "flash": _flash, "blackout": _blackout, "next_cue": _next_cue, "previous_cue": _previous_cue, "roll": _roll,
    "holding": _holding, "take_over": _take_over,
}  # every command of the table but undo, which the engine answers from its history


# -- moving the cursor -----------------------------------------------------------------------------------


def _start(agenda: Agenda, live: Live, index: int, now: Instant) -> Live:
    anchor = live.anchor if live.anchor is not None else nearest_anchor(agenda, agenda.slots[index], now)
    return replace(live, index=index, finished=False, running_since=now.t, paused_at=None, paused_total=0.0,
                   added=0.0, cue_index=0, cue_from=0.0, anchor=anchor)


def _end_run(agenda: Agenda, live: Live, now: Instant) -> Live:
    """Record the loaded slot's run (if it ran) in the show's history."""
    slot = _slot(agenda, live.index)
    if slot is None or live.running_since is None:
        return live
    paused = live.paused_total + (now.t - live.paused_at if live.paused_at is not None else 0.0)
    run = SlotRun(slot.id, live.running_since, now.t, paused, live.added)
    return replace(live, runs=(*live.runs, run), running_since=None, paused_at=None, paused_total=0.0)


# -- the status line ---------------------------------------------------------------------------------------


def describe(agenda: Agenda, name: str, args: Mapping[str, object], after: Live) -> str:
    """A short line for the status bar saying what the command did."""
    if name in ("go", "next", "previous", "goto", "reset"):
        slot = _slot(agenda, after.index)
        if after.finished:
            return words.moved_past_the_end(name)
        if slot is not None and name in ("go", "next") and after.running_since is None and after.anchor is not None:
            begins = local_datetime(planned(agenda, after.anchor, slot.start), agenda.event.tz)
            return words.next_day_waits(slot.title, f"{begins:%a %d %b %H:%M}")
        return words.moved_to(name, slot.title) if slot else name
    if name == "add_time":
        return words.time_changed(int(args["seconds"]))  # type: ignore[call-overload]
    if name == "message":
        to = str(args.get("to", "stage"))
        return words.message_shown(messages.shown(agenda, after, to), to, bool(args.get("pin", False)))
    if name == "clear_message":
        return words.message_cleared(str(args.get("to", "stage")))
    if name == "pin_message":
        return words.message_pinned(str(args.get("to", "stage")), bool(args["on"]))
    if name == "blackout":
        return words.blackout_set(str(args["display"]), bool(args["on"]))
    if name == "roll":
        return words.roll_set(bool(args["on"]))
    if name == "holding":
        return words.holding_set(bool(args["on"]))
    return words.command_done(name)
