"""The plan on the show's day, and roll mode, which lets the plan and the clock drive the show.

An agenda's dates only say on which day of the event a slot falls. The *anchor* is the calendar day the
event's first day is played on: a rehearsal the day before plays the plan on that day, a template reused
next year on its new day. `planned` turns a planned time into a moment on the show's timeline.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date, datetime, timedelta

from runofshow.core.agenda import Agenda, Slot
from runofshow.core.clock import Instant
from runofshow.core.live import Live, SlotRun
from runofshow.core.timing import local_datetime, planned_epoch


def planned(agenda: Agenda, anchor: date, moment: datetime) -> float:
    """The timeline second of a planned moment when the plan is played with its first day on `anchor`."""
    return planned_epoch(anchor, agenda.event.date, moment, agenda.event.tz)


def _today(agenda: Agenda, now: Instant) -> date:
    return local_datetime(now.plan, agenda.event.tz).date()


def nearest_anchor(agenda: Agenda, slot: Slot, now: Instant) -> date:
    """The day to play the plan on so that this slot's planned start is nearest to now.

    A rehearsal the day before, a reused template, or a start just after midnight all give a
    drift of minutes, never of days.
    """
    offset = slot.start.date() - agenda.event.date
    base = _today(agenda, now) - offset
    candidates = [base + timedelta(days=k) for k in (-1, 0, 1)]
    return min(candidates, key=lambda day: abs(planned(agenda, day, slot.start) - now.plan))


def _preshow_anchor(agenda: Agenda, now: Instant) -> date:
    """Before the start: the agenda's own date while it is still to come, else the nearest day."""
    if _today(agenda, now) <= agenda.event.date:
        return agenda.event.date
    return nearest_anchor(agenda, agenda.slots[0], now)


def starts_a_new_day(agenda: Agenda, index: int) -> bool:
    """Whether the slot at `index` opens a later day of the plan than the one the slot before it ended on."""
    return index > 0 and agenda.slots[index].start.date() > agenda.slots[index - 1].end.date()


def on_own_dates(agenda: Agenda, now: Instant) -> bool:
    """Whether now falls on one of the days the agenda itself is dated for: then those dates decide the day."""
    last_day = local_datetime(agenda.slots[-1].end.timestamp(), agenda.event.tz).date()
    return agenda.event.date <= _today(agenda, now) <= last_day


def roll_anchor(agenda: Agenda, now: Instant) -> date:
    """The agenda's own first day during its own dates; on another day (a rehearsal, a template reused),
    the day whose plan contains now, or else the one whose first start is nearest."""
    if on_own_dates(agenda, now):
        return agenda.event.date
    slots = agenda.slots
    first = nearest_anchor(agenda, slots[0], now)
    for day in (first - timedelta(days=1), first, first + timedelta(days=1)):
        if planned(agenda, day, slots[0].start) <= now.plan < planned(agenda, day, slots[-1].end):
            return day
    return first


def anchor_of(agenda: Agenda, live: Live, now: Instant) -> date:
    """The day the plan is played on: fixed once the show has started, else chosen for now."""
    return live.anchor if live.anchor is not None else _preshow_anchor(agenda, now)


# -- roll mode ------------------------------------------------------------------------------------------


def plan_position(agenda: Agenda, anchor: date, now: Instant) -> int | None:
    """The slot the plan has on at `now`, or the next one in a gap; None before or after the plan."""
    slots = agenda.slots
    ends = [planned(agenda, anchor, slot.end) for slot in slots]
    index = bisect.bisect_right(ends, now.plan)
    return index if index < len(slots) and now.plan >= planned(agenda, anchor, slots[0].start) else None


def rolled(agenda: Agenda, live: Live, now: Instant) -> Live:
    """In roll mode, move along the plan up to `now`, recording each slot as run to plan.

    Rolling in two steps lands where rolling in one does: `rolled(rolled(live, t1), t2) == rolled(live, t2)`
    for `t1 <= t2` at one clock correction (every slot change starts the next slot from nothing). That
    is what lets the engine keep the last rolled state as a memo and move on from it, tick after tick, at
    the cost of one step. The plan is held against `now.plan`; what is stored (starts, ends) is on the
    timeline, a planned epoch moved back by the clock's correction (`clock.Instant`).

    A slot starts at its planned start, but never before the last recorded run ended: turned on while
    a slot overran into the next, the plan's slot starts when the overrun was ended, so no two runs
    overlap and the report counts every second once. A slot ends at its planned end, with whatever
    pause and added time it carried (a slot the operator started and roll mode took over).
    """
    if not live.roll or live.anchor is None or live.finished:
        return live
    # The walk keeps only what changes from slot to slot and makes one live state at the end, so its
    # cost is the slots it passes, never a copy of the show's history per slot. `fresh`: the slot at
    # `index` was loaded by this walk (nothing carried: no pause, added time or cue of the slot before).
    slots, anchor, moved, t = agenda.slots, live.anchor, now.correction, now.plan
    index, since, finished, fresh = live.index, live.running_since, False, False
    last_end = live.runs[-1].end if live.runs else None
    runs: list[SlotRun] = []
    while True:
        if index is None:  # before the plan's first slot
            if t < planned(agenda, anchor, slots[0].start):
                break
            index, fresh = 0, True
            continue
        slot = slots[index]
        if since is None and slot.skipped:  # passed over, as GO and next pass over it
            if index + 1 >= len(slots):
                index, finished, fresh = None, True, True
                break
            index, fresh = index + 1, True
            continue
        start, end = planned(agenda, anchor, slot.start), planned(agenda, anchor, slot.end)
        if since is None:
            if t < start:
                break  # a gap in the plan: loaded, waiting for its start
            since = start - moved if last_end is None else max(start - moved, last_end)
            fresh = True
        if t < end:
            break
        ended = end - moved
        if fresh:
            paused, added = 0.0, 0.0
        else:  # the slot the walk began on, started by hand: its pause and added time go into its run
            paused = live.paused_total + (max(0.0, ended - live.paused_at) if live.paused_at is not None else 0.0)
            added = live.added
        runs.append(SlotRun(slot.id, min(since, ended), ended, paused, added))
        last_end, since, fresh = ended, None, True
        if index + 1 >= len(slots):
            index, finished = None, True
            break
        index += 1
    if not fresh:
        return live  # nothing moved: the very same state, as a memo keyed by it expects
    return replace(live, index=index, finished=finished, running_since=since, paused_at=None, paused_total=0.0,
                   added=0.0, cue_index=0, cue_from=0.0, runs=live.runs + tuple(runs) if runs else live.runs)
