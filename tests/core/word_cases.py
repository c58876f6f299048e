"""The show-day cases whose words every display must agree on (docs/display-words.md), as snapshots.

Each case is the seed show (or a three-day conference) at one moment, built with the engine and
instants written as times of day: no clock is read. Shared by the core, Qt and browser word tests
and by the pictures in docs/images/words-*.png.
"""

from __future__ import annotations

from collections.abc import Callable

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.show import ShowEngine, ShowState
from tests.core.helpers import agenda_from, at, seed

CONFERENCE_TEXT = """  - {id: k1, title: Day one keynote, start: 09:00, end: 10:00}
  - {id: t1, title: Day one talks, start: 10:00, end: 17:00}
  - {id: k2, title: Day two keynote, date: 2023-12-01, start: 09:00, end: 10:00}
  - {id: t2, title: Day two talks, start: 10:00, end: 17:00}
"""


def conference() -> Agenda:
    """Two days: day one ends at 17:00, day two begins at 09:00 the next morning."""
    return agenda_from(CONFERENCE_TEXT, date="2023-11-30")


def on_plan_until(agenda: Agenda, moment: Instant) -> ShowEngine:
    """The show run exactly on plan (roll mode from before the first start) up to `moment`, then by hand."""
    engine = ShowEngine(agenda)
    first = agenda.slots[0].start.timestamp() - 60
    engine.execute("roll", Instant(first, first), {"on": True})
    engine.execute("roll", moment, {"on": False})
    return engine


def _run(engine: ShowEngine, moment: Instant, *commands: str) -> ShowEngine:
    for name in commands:
        assert engine.execute(name, moment).accepted, name
    return engine


def pre_show() -> ShowState:
    """Ten minutes before the planned start."""
    return ShowEngine(seed()).state(at(13, 20))


def pre_show_late() -> ShowState:
    """2:47 past the planned start (13:30) and nobody has pressed GO."""
    return ShowEngine(seed()).state(at(13, 32, 47))


def running() -> ShowState:
    """The first talk, 9:00 left."""
    return on_plan_until(seed(), at(13, 36)).state(at(13, 36))


def warning() -> ShowState:
    """The first talk, 1:00 left (its warning starts at 2:00)."""
    return on_plan_until(seed(), at(13, 44)).state(at(13, 44))


def overrun() -> ShowState:
    """The first talk, 1:00 over."""
    engine = on_plan_until(seed(), at(13, 44))
    assert engine.execute("add_time", at(13, 44), {"seconds": -120}).accepted
    return engine.state(at(13, 44))


def break_early() -> ShowState:
    """GO on the break at 14:37, 13 minutes before its planned start: 20 minutes, so back at 14:57."""
    return _run(on_plan_until(seed(), at(14, 37)), at(14, 37), "next").state(at(14, 40))


def break_over() -> ShowState:
    """The break (planned back at 15:10) still running at 15:13:21: 3:21 over."""
    return on_plan_until(seed(), at(14, 55)).state(at(15, 13, 21))


def between() -> ShowState:
    """A talk loaded and waiting for GO (the operator reset it)."""
    return _run(on_plan_until(seed(), at(14, 5)), at(14, 5), "reset").state(at(14, 5))


def later_day() -> ShowState:
    """Day one is over (at 17:05); day two's keynote waits for 09:00 tomorrow."""
    agenda = conference()
    evening = Instant(at(17, 5).t, at(17, 5).wall)
    engine = _run(on_plan_until(agenda, at(16, 59)), evening, "next")
    return engine.state(evening)


def paused() -> ShowState:
    """A talk paused with 15:00 left."""
    return _run(on_plan_until(seed(), at(14, 5)), at(14, 5), "pause").state(at(14, 5))


def finished() -> ShowState:
    """After the reception (the show ended on plan at 17:00), at 17:05."""
    return on_plan_until(seed(), at(17, 5)).state(at(17, 5))


CASES: dict[str, Callable[[], ShowState]] = {
    "pre-show": pre_show,
    "pre-show-late": pre_show_late,
    "running": running,
    "warning": warning,
    "overrun": overrun,
    "break-early": break_early,
    "break-over": break_over,
    "between": between,
    "later-day": later_day,
    "paused": paused,
    "finished": finished,
}
