"""The bridge tells the operator, once, when the computer's clock is corrected during the show (issue 11, item 4)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock
from runofshow.core.timing import format_drift
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from tests.core.helpers import at, seed


def make(tmp_path: Path, slow_by: float) -> tuple[ShowBridge, FakeClock]:
    clock = FakeClock(at(13, 30).t - slow_by)
    return ShowBridge(ShowSession(seed(), Path("agenda.yaml"), tmp_path), clock), clock


def test_a_clock_correction_is_logged_and_told_once_and_the_plan_follows_it(
        qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bridge, clock = make(tmp_path, 120)  # GO at the real 13:30 on a laptop two minutes slow
    bridge.run("go")
    clock.advance(60)
    assert format_drift(bridge.tick().drift) == "2:00 ahead"
    clock.jump_wall(120)
    with caplog.at_level(logging.WARNING), qtbot.wait_signal(bridge.clock_corrected) as told:
        state = bridge.tick()
    assert told.args[0].startswith("the computer's clock was set 2:00 later")
    assert "wall clock moved +120.000 s" in caplog.text
    assert format_drift(state.drift) == "on time" and state.countdown == "14:00"
    clock.advance(1)
    with qtbot.assert_not_emitted(bridge.clock_corrected):
        bridge.tick()


def test_a_wobble_under_a_second_is_not_told(qtbot: QtBot, tmp_path: Path) -> None:
    bridge, clock = make(tmp_path, 0)
    bridge.run("go")
    clock.jump_wall(0.6)
    with qtbot.assert_not_emitted(bridge.clock_corrected):
        bridge.tick()
    clock.jump_wall(-3.6)  # 3 s earlier than the clock last told
    with qtbot.wait_signal(bridge.clock_corrected) as told:
        bridge.tick()
    assert told.args[0].startswith("the computer's clock was set 0:03 earlier")
