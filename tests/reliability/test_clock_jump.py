"""A wall-clock jump of an hour either way during a slot leaves the countdown as it was."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from runofshow.core import clock as clock_module
from runofshow.core.clock import SystemClock
from runofshow.io.session import ShowSession
from tests.core.helpers import seed


@pytest.mark.parametrize("jump", [3600.0, -3600.0])
def test_the_system_clock_ignores_a_wall_clock_jump_for_the_countdown(monkeypatch: pytest.MonkeyPatch,
                                                                      jump: float) -> None:
    real_time = time.time
    offset = {"wall": 0.0}
    monkeypatch.setattr(clock_module.time, "time", lambda: real_time() + offset["wall"])
    clock = SystemClock()
    session = ShowSession(seed(), Path("agenda.yaml"), None)
    # Play the plan on today: the countdown is what matters here, not the date.
    session.run("go", clock.now())
    before = session.state(clock.now())
    offset["wall"] = jump  # NTP or a stage manager changes the laptop's clock by an hour
    after = session.state(clock.now())
    assert after.countdown == before.countdown or abs(after.remaining - before.remaining) < 1.0
    assert abs(after.elapsed - before.elapsed) < 1.0
    assert abs((after.time_of_day - before.time_of_day).total_seconds() - jump) < 1.0
