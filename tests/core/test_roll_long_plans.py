"""Roll mode over a long plan: the same show as rolling slot by slot, at a cost that does not grow with it.

`rolled` once copied the whole live state (and the tuple of every run so far) for each slot it moved
past, so playing 5,000 slots on plan (`runofshow render` late in a long show) took seconds. The reference
below is that slot-by-slot walk, kept here as the definition of what roll mode does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runofshow.core import plan
from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.live import Live, SlotRun
from runofshow.core.plan import planned, rolled
from runofshow.core.timing import planned_epoch
from tests.core.helpers import agenda_from

FIRST_DAY = date(2023, 11, 30)


def reference_rolled(agenda: Agenda, live: Live, now: Instant) -> Live:
    """Roll mode one slot at a time, each step a new live state: the walk `rolled` must agree with."""
    if not live.roll or live.anchor is None or live.finished:
        return live
    slots, anchor, moved = agenda.slots, live.anchor, now.correction

    def loaded(state: Live, index: int | None) -> Live:
        return replace(state, index=index, running_since=None, paused_at=None, paused_total=0.0, added=0.0,
                       cue_index=0, cue_from=0.0)

    while True:
        if live.index is None:
            if now.plan < planned(agenda, anchor, slots[0].start):
                return live
            live = loaded(live, 0)
            continue
        index = live.index
        slot = slots[index]
        if slot.skipped and live.running_since is None:
            if index + 1 >= len(slots):
                return replace(loaded(live, None), finished=True)
            live = loaded(live, index + 1)
            continue
        start, end = planned(agenda, anchor, slot.start), planned(agenda, anchor, slot.end)
        if live.running_since is None and now.plan < start:
            return live
        since = live.running_since
        if since is None:
            since = max(start - moved, live.runs[-1].end) if live.runs else start - moved
            live = replace(loaded(live, index), running_since=since)
        if now.plan < end:
            return live
        ended = end - moved
        began = min(since, ended)
        paused = live.paused_total + (max(0.0, ended - live.paused_at) if live.paused_at is not None else 0.0)
        live = replace(live, runs=(*live.runs, SlotRun(slot.id, began, ended, paused, live.added)))
        if index + 1 >= len(slots):
            return replace(loaded(live, None), finished=True)
        live = loaded(live, index + 1)


def plan_of(lengths: list[int], gaps: list[int], skipped: list[bool]) -> Agenda:
    """Slots of these lengths (minutes) from 09:00, each after a gap (minutes), some of them skipped."""
    lines, minute = [], 9 * 60
    for number, (length, gap, skip) in enumerate(zip(lengths, gaps, skipped, strict=True)):
        minute += gap
        day, clock = divmod(minute, 24 * 60)
        on = (FIRST_DAY + timedelta(days=day)).isoformat()
        lines.append(f"  - {{id: s{number}, title: S{number}, date: {on}, start: '{clock // 60:02d}:{clock % 60:02d}', "
                     f"duration: {length}m, skip: {str(skip).lower()}}}")
        minute += length
    return agenda_from("\n".join(lines) + "\n")


slot_counts = st.integers(1, 8)


@st.composite
def rolls(draw: st.DrawFn) -> tuple[Agenda, Live, list[Instant]]:
    count = draw(slot_counts)
    agenda = plan_of(draw(st.lists(st.integers(1, 30), min_size=count, max_size=count)),
                     draw(st.lists(st.sampled_from([0, 0, 0, 5, 90]), min_size=count, max_size=count)),
                     draw(st.lists(st.booleans(), min_size=count, max_size=count)))
    anchor = FIRST_DAY
    first = planned(agenda, anchor, agenda.slots[0].start)
    index = draw(st.one_of(st.none(), st.integers(0, count - 1)))
    running = index is not None and draw(st.booleans())
    since = first + draw(st.integers(-600, 3600)) if running else None
    paused_at = since + draw(st.integers(0, 600)) if since is not None and draw(st.booleans()) else None
    earlier = (SlotRun("before", first - 900, first - draw(st.sampled_from([0, 300, -300])), 0.0, 0.0),) \
        if draw(st.booleans()) else ()
    live = Live(index=index, running_since=since, paused_at=paused_at,
                paused_total=float(draw(st.integers(0, 120))) if running else 0.0,
                added=float(draw(st.integers(-60, 600))) if running else 0.0, cue_index=1 if running else 0,
                cue_from=10.0 if running else 0.0, runs=earlier, roll=True, anchor=anchor, last_command="roll on")
    correction = draw(st.sampled_from([0.0, 0.0, 120.0, -3600.0]))
    moments = sorted(draw(st.lists(st.integers(-1800, 40 * 3600), min_size=1, max_size=4)))
    return agenda, live, [Instant(first + m - correction, first + m) for m in moments]


@settings(max_examples=300, deadline=None)
@given(rolls())
def test_rolling_is_the_slot_by_slot_walk(case: tuple[Agenda, Live, list[Instant]]) -> None:
    agenda, live, moments = case
    for now in moments:
        assert rolled(agenda, live, now) == reference_rolled(agenda, live, now)


@settings(max_examples=150, deadline=None)
@given(rolls())
def test_rolling_on_from_the_last_roll_lands_where_one_roll_does(case: tuple[Agenda, Live, list[Instant]]) -> None:
    agenda, live, moments = case
    stepped = live
    for now in moments:
        stepped = rolled(agenda, stepped, now)
    assert stepped == reference_rolled(agenda, live, moments[-1])


def test_a_roll_that_moves_nothing_returns_the_very_same_state() -> None:
    agenda = plan_of([10, 10], [0, 0], [False, False])
    first = planned(agenda, FIRST_DAY, agenda.slots[0].start)
    live = Live(roll=True, anchor=FIRST_DAY)
    early = Instant(first - 60, first - 60)
    assert rolled(agenda, live, early) is live
    running = rolled(agenda, live, Instant(first + 60, first + 60))
    assert rolled(agenda, running, Instant(first + 120, first + 120)) is running


def test_rolling_past_thousands_of_slots_makes_one_live_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cost of a roll is its slots, not a copy of the whole show per slot: one new live state at the end."""
    agenda = plan_of([10] * 3000, [0] * 3000, [False] * 3000)
    first = planned(agenda, FIRST_DAY, agenda.slots[0].start)
    made: list[int] = []

    def counting(live: Live, **changes: Any) -> Live:
        made.append(1)
        return replace(live, **changes)

    monkeypatch.setattr(plan, "replace", counting)
    last = first + 3000 * 600 - 30
    live = rolled(agenda, Live(roll=True, anchor=FIRST_DAY), Instant(last, last))
    assert len(live.runs) == 2999 and live.index == 2999 and live.running_since is not None
    assert len(made) <= 2, f"{len(made)} live states made to roll past 2,999 slots"


@pytest.mark.parametrize("written", ["02:30", "01:59:59", "03:00", "02:00", "12:00"])
@pytest.mark.parametrize("day", ["2023-03-26", "2023-10-29", "2023-11-30"])
def test_a_plan_on_its_own_dates_is_at_the_moments_written(day: str, written: str) -> None:
    """The shortcut for a plan played on its own dates gives the moment the general rule gives, on the
    nights the clocks go forward (a time read forward) and back (the first of two), and on an ordinary day."""
    agenda = agenda_from(f"  - {{title: A, start: '{written}', duration: 90m}}\n", date=day)
    slot, tz = agenda.slots[0], agenda.event.tz
    for moment in (slot.start, slot.end, slot.end.replace(fold=1)):
        general = datetime.combine(moment.date(), time(moment.hour, moment.minute, moment.second, fold=moment.fold),
                                   tzinfo=tz).timestamp()
        assert planned_epoch(agenda.event.date, agenda.event.date, moment, tz) == general
