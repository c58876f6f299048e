"""Multi-day shows (issue 11, item 2): the agenda's own dates decide the day.

A three-day conference: roll mode and `render` find the slot the plan has on, on the plan's own day;
`next` after a day's last slot does not start the next day's first slot at once, it waits for GO with
a countdown to it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from runofshow.core.clock import Instant
from runofshow.core.show import ShowEngine, ShowPhase
from runofshow.render import on_plan
from tests.core.helpers import agenda_from

TZ = ZoneInfo("Europe/Brussels")
CONFERENCE = agenda_from("""  - {id: k1, title: Day one keynote, start: 09:00, end: 10:00}
  - {id: t1, title: Day one talks, start: 10:00, end: 17:00}
  - {id: k2, title: Day two keynote, date: 2023-12-01, start: 09:00, end: 10:00}
  - {id: t2, title: Day two talks, start: 10:00, end: 17:00}
  - {id: k3, title: Day three keynote, date: 2023-12-02, start: 09:00, end: 10:00}
  - {id: bye, title: Thank you, start: 10:00, end: 11:00}
""", date="2023-11-30")


def on(day: int, hour: int, minute: int) -> Instant:
    """A moment of the conference: day 1 is 30 November 2023."""
    moment = datetime(2023, 11, 30, hour, minute, tzinfo=TZ).timestamp() + (day - 1) * 86400
    return Instant(moment, moment)


def test_roll_mode_switched_on_during_day_three_runs_day_threes_slot() -> None:
    engine = ShowEngine(CONFERENCE)
    assert engine.execute("roll", on(3, 9, 10), {"on": True}).accepted
    state = engine.state(on(3, 9, 10))
    assert state.current is not None and state.current.id == "k3"
    assert state.elapsed == 10 * 60 and state.drift == 0


def test_roll_mode_switched_on_during_day_two_runs_day_twos_slot() -> None:
    engine = ShowEngine(CONFERENCE)
    engine.execute("roll", on(2, 14, 0), {"on": True})
    state = engine.state(on(2, 14, 0))
    assert state.current is not None and state.current.id == "t2"


def test_a_picture_of_the_plan_on_day_two_and_three_shows_those_days_slots() -> None:
    for moment, expected in ((on(2, 9, 10), "k2"), (on(3, 9, 10), "k3"), (on(3, 10, 30), "bye")):
        state = on_plan(CONFERENCE, Path("conference.yaml"), moment).state(moment)
        assert state.phase is ShowPhase.RUNNING, moment
        assert state.current is not None and state.current.id == expected
        assert state.drift == 0


def test_next_after_a_days_last_slot_waits_for_go_with_a_countdown_to_the_next_day() -> None:
    engine = ShowEngine(CONFERENCE)
    engine.execute("go", on(1, 9, 0))
    engine.execute("next", on(1, 10, 0))
    outcome = engine.execute("next", on(1, 17, 5))  # day one is over
    assert outcome.accepted
    evening = engine.state(on(1, 17, 5))
    assert evening.phase is ShowPhase.BETWEEN
    assert evening.current is not None and evening.current.id == "k2"
    assert evening.target is not None and evening.target.isoformat() == "2023-12-01T09:00:00+01:00"
    assert evening.target_remaining == 15 * 3600 + 55 * 60
    assert [run.slot_id for run in evening.runs] == ["k1", "t1"]
    assert "tomorrow" in outcome.message or "GO" in outcome.message
    assert engine.execute("go", on(2, 9, 1)).accepted  # GO the next morning starts it
    morning = engine.state(on(2, 9, 2))
    assert morning.phase is ShowPhase.RUNNING and morning.current is not None and morning.current.id == "k2"
    assert morning.drift == 60  # a minute late against day two's plan, not hours


def test_a_single_day_show_still_starts_the_next_slot_at_once() -> None:
    agenda = agenda_from("""  - {id: a, title: A, start: 09:00, end: 10:00}
  - {id: b, title: B, start: 10:00, end: 11:00}
""")
    engine = ShowEngine(agenda)
    engine.execute("go", Instant(on(1, 9, 0).t, on(1, 9, 0).t))
    engine.execute("next", on(1, 10, 0))
    assert engine.state(on(1, 10, 0)).phase is ShowPhase.RUNNING


def test_the_long_agenda_rolls_onto_the_slot_of_its_own_day() -> None:
    lines = []
    for day in range(70):
        date = datetime(2023, 11, 30, tzinfo=TZ).date().toordinal() + day
        iso = datetime.fromordinal(date).date().isoformat()
        lines.append(f"  - {{id: d{day}a, title: Day {day} morning, date: {iso}, start: 09:00, end: 12:00}}")
        lines.append(f"  - {{id: d{day}b, title: Day {day} afternoon, start: 13:00, end: 17:00}}")
    agenda = agenda_from("\n".join(lines) + "\n", date="2023-11-30")
    engine = ShowEngine(agenda)
    moment = on(62, 14, 0)
    engine.execute("roll", moment, {"on": True})
    state = engine.state(moment)
    assert state.current is not None and state.current.id == "d61b"
