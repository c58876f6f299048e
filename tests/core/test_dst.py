"""Daylight-saving nights (issue 11, item 1): every planned length, gap and span is in real seconds.

On 2024-03-31 Brussels skips 02:00-03:00 (a slot 01:30-04:00 lasts 1h30); on 2024-10-27 it lives
02:00-03:00 twice (the same slot lasts 3h30). The countdown, the drift and the projected end must
follow the real clock, and a planned moment keeps its time of day on whatever day the plan is played.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from runofshow.core.clock import Instant
from runofshow.core.plan import planned
from runofshow.core.show import ShowEngine
from runofshow.core.timing import format_countdown, format_drift
from runofshow.io.agenda_yaml import parse_agenda
from runofshow.render import on_plan
from tests.core.helpers import agenda_from

BRUSSELS = ZoneInfo("Europe/Brussels")
SPRING = agenda_from("  - {id: night, title: Night shift, start: 01:30, end: '04:00'}\n", date="2024-03-31")
AUTUMN = agenda_from("  - {id: night, title: Night shift, start: 01:30, end: '04:00'}\n", date="2024-10-27")


def instant(moment: datetime) -> Instant:
    epoch = moment.timestamp()
    return Instant(epoch, epoch)


def plus(moment: Instant, seconds: float) -> Instant:
    return Instant(moment.t + seconds, moment.wall + seconds)


SPRING_START = instant(datetime(2024, 3, 31, 1, 30, tzinfo=BRUSSELS))
AUTUMN_START = instant(datetime(2024, 10, 27, 1, 30, tzinfo=BRUSSELS))


# -- spring forward: 2024-03-31, 01:30-04:00 lasts 1h30 ------------------------------------------------


def test_a_slot_across_the_spring_gap_lasts_its_real_hour_and_a_half() -> None:
    assert SPRING.slots[0].duration == 5400


def test_the_countdown_starts_from_1_30_00_on_the_spring_night() -> None:
    engine = ShowEngine(SPRING)
    assert engine.execute("go", SPRING_START).accepted
    state = engine.state(SPRING_START)
    assert state.remaining == 5400
    assert format_countdown(state.remaining) == "1:30:00"


def test_an_on_time_start_on_the_spring_night_is_on_time() -> None:
    engine = ShowEngine(SPRING)
    engine.execute("go", SPRING_START)
    state = engine.state(SPRING_START)
    assert state.drift == 0
    assert format_drift(state.drift) == "on time"
    assert state.projected_end == datetime(2024, 3, 31, 4, 0, tzinfo=BRUSSELS)
    assert state.projected_end.strftime("%H:%M") == "04:00"


def test_a_show_on_plan_across_the_spring_gap_is_on_plan_and_ends_at_04_00() -> None:
    moment = plus(SPRING_START, 1800)  # 03:00 CEST: half an hour in
    state = on_plan(SPRING, Path("night.yaml"), moment).engine.state(moment)
    assert state.current is not None and state.current.id == "night"
    assert state.drift == 0
    assert state.remaining == 3600
    assert state.projected_end.strftime("%H:%M") == "04:00"


# -- fall back: 2024-10-27, 01:30-04:00 lasts 3h30 -----------------------------------------------------


def test_a_slot_across_the_autumn_fold_lasts_its_real_three_and_a_half_hours() -> None:
    assert AUTUMN.slots[0].duration == 12600


def test_the_autumn_countdown_reaches_00_00_at_the_real_end_not_an_hour_early() -> None:
    engine = ShowEngine(AUTUMN)
    engine.execute("go", AUTUMN_START)
    assert format_countdown(engine.state(AUTUMN_START).remaining) == "3:30:00"
    an_hour_early = plus(AUTUMN_START, 9000)
    assert engine.state(an_hour_early).remaining == 3600
    real_end = plus(AUTUMN_START, 12600)
    assert real_end.t == datetime(2024, 10, 27, 4, 0, tzinfo=BRUSSELS).timestamp()
    assert format_countdown(engine.state(real_end).remaining) == "00:00"
    assert engine.state(plus(real_end, -0.5)).remaining == 0.5
    state = engine.state(real_end)
    assert state.drift == 0 and state.projected_end.strftime("%H:%M") == "04:00"


def test_an_end_given_as_a_duration_into_the_repeated_hour_keeps_its_fold_on_the_timeline() -> None:
    # 01:30 CEST + 1h30 = 02:00 CET, the second 02:00 of the night.
    agenda = agenda_from("  - {id: a, title: A, start: 01:30, duration: 1h30m}\n", date="2024-10-27")
    slot = agenda.slots[0]
    assert slot.duration == 5400
    assert planned(agenda, agenda.event.date, slot.end) - planned(agenda, agenda.event.date, slot.start) == 5400


def test_the_plan_played_on_an_ordinary_day_keeps_its_times_of_day() -> None:
    # A rehearsal the night before: no DST change, so 01:30-04:00 is two and a half hours then.
    anchor = date(2024, 10, 26)
    slot = AUTUMN.slots[0]
    start, end = planned(AUTUMN, anchor, slot.start), planned(AUTUMN, anchor, slot.end)
    assert start == datetime(2024, 10, 26, 1, 30, tzinfo=BRUSSELS).timestamp()
    assert end - start == 9000


# -- any agenda across a DST change, in zones with whole- and half-hour shifts -------------------------

TRANSITIONS = [
    ("Europe/Brussels", date(2024, 3, 31)), ("Europe/Brussels", date(2024, 10, 27)),
    ("America/New_York", date(2024, 3, 10)), ("America/New_York", date(2024, 11, 3)),
    ("Australia/Lord_Howe", date(2024, 4, 7)), ("Australia/Lord_Howe", date(2024, 10, 6)),
]


def _hhmm(minutes: int) -> str:
    return f"'{minutes // 60:02d}:{minutes % 60:02d}'"


def _real(day: date, minutes: int, tz: ZoneInfo) -> float:
    """Epoch of a written time of day, read the way the format documents (the first one, fold=0)."""
    return datetime.combine(day, datetime.min.time(), tzinfo=tz).replace(
        hour=minutes // 60, minute=minutes % 60).timestamp()


@st.composite
def night_agendas(draw: st.DrawFn) -> tuple[str, date, list[tuple[int, int | None, int | None]]]:
    """A zone, its DST day, and slots as (start minute, end minute or None, duration or None)."""
    zone, day = draw(st.sampled_from(TRANSITIONS))
    # Quarter-hour times from midnight to 05:45 wall clock, across every change above (at 02:00 or 03:00).
    times = sorted(draw(st.sets(st.integers(0, 23).map(lambda q: q * 15), min_size=2, max_size=8)))
    slots: list[tuple[int, int | None, int | None]] = []
    for start, following in itertools.pairwise(times):
        if draw(st.booleans()):
            slots.append((start, following, None))
        else:
            slots.append((start, None, draw(st.integers(1, 12)) * 5 * 60))
    return zone, day, slots


@settings(max_examples=200, deadline=None)
@given(night_agendas(), st.floats(0.001, 0.999))
def test_every_slot_lasts_its_real_seconds_and_roll_mode_finds_it_anywhere_inside(
        case: tuple[str, date, list[tuple[int, int | None, int | None]]], fraction: float) -> None:
    zone, day, rows = case
    tz = ZoneInfo(zone)
    lines = []
    for number, (start, end, seconds) in enumerate(rows):
        length = f"end: {_hhmm(end)}" if end is not None else f"duration: {seconds}s"
        lines.append(f"  - {{id: s{number}, title: S{number}, start: {_hhmm(start)}, {length}}}\n")
    text = f"event: {{title: Night, date: {day}, timezone: {zone}}}\nslots:\n{''.join(lines)}"
    result = parse_agenda(text, "night.yaml")
    assume(result.agenda is not None)  # a random plan may overlap once the clock change is counted
    agenda = result.agenda
    assert agenda is not None

    for (start, end, seconds), slot in zip(rows, agenda.slots, strict=True):
        # A time that does not exist is read forward by the size of the gap, as `_real` reads it.
        expected = _real(day, end, tz) - _real(day, start, tz) if end is not None else seconds
        assert slot.duration == expected
        begins = planned(agenda, day, slot.start)
        assert planned(agenda, day, slot.end) - begins == expected
        assert begins == slot.start.timestamp()

    engine = ShowEngine(agenda)
    first = planned(agenda, day, agenda.slots[0].start)
    engine.execute("roll", Instant(first - 60, first - 60), {"on": True})
    for slot in agenda.slots:
        begins, ends = slot.start.timestamp(), slot.end.timestamp()
        inside = begins + fraction * (ends - begins)
        assume(begins < inside < ends)
        current = engine.state(Instant(inside, inside)).current
        assert current is not None and current.id == slot.id, (datetime.fromtimestamp(inside, tz), slot)


def test_the_random_agendas_do_cross_each_change() -> None:
    # Between 00:00 and 05:45 each of these nights is longer or shorter than the clock face says.
    for zone, day in TRANSITIONS:
        before = datetime.combine(day, datetime.min.time(), tzinfo=ZoneInfo(zone))
        after = before.replace(hour=5, minute=45)
        assert after - before == timedelta(hours=5, minutes=45)  # the clock-face arithmetic the code must not use
        assert after.timestamp() - before.timestamp() != 5 * 3600 + 45 * 60, (zone, day)

