"""A long show for the tests of flat ticks: the benchmark's big plan, played on plan up to a slot."""

from __future__ import annotations

from pathlib import Path

from bench.big import generate
from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.io.agenda_yaml import load_agenda
from runofshow.io.session import ShowSession
from runofshow.render import on_plan


def long_plan(folder: Path, slots: int) -> tuple[Agenda, Path]:
    path = generate(folder / f"plan{slots}.yaml", slots)
    agenda = load_agenda(path).agenda
    assert agenda is not None
    return agenda, path


def after(agenda: Agenda, path: Path, finished: int, seconds: float = 30.0) -> tuple[ShowSession, Instant]:
    """The show with `finished` slots run on plan, `seconds` into the next one (which is running)."""
    t = agenda.slots[finished].start.timestamp() + seconds
    now = Instant(t, t)
    session = on_plan(agenda, path, now)
    state = session.state(now)
    assert len(state.runs) == finished and state.index == finished, (len(state.runs), state.index)
    return session, now


def later(moment: Instant, seconds: float) -> Instant:
    return Instant(moment.t + seconds, moment.wall + seconds)
