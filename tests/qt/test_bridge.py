"""The bridge runs every command and wakes exactly when a displayed digit changes."""

from __future__ import annotations

import itertools
from pathlib import Path

from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock, Instant, ScaledClock
from runofshow.core.show import ShowPhase
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import LANDING_MARGIN_S, ShowBridge
from tests.core.helpers import at, seed


def make(tmp_path: Path, start: Instant) -> tuple[ShowBridge, FakeClock]:
    clock = FakeClock(start.t)
    session = ShowSession(seed(), Path("agenda.yaml"), tmp_path)
    return ShowBridge(session, clock), clock


def expected_ms(seconds: float) -> int:
    return round((seconds + LANDING_MARGIN_S) * 1000)


def test_a_command_emits_the_new_snapshot_and_its_outcome(qtbot: QtBot, tmp_path: Path) -> None:
    bridge, _clock = make(tmp_path, at(13, 30))
    with qtbot.wait_signal(bridge.command_done) as done, qtbot.wait_signal(bridge.changed) as changed:
        bridge.run("go")
    assert done.args[0].accepted and done.args[0].message == "go: Welcoming remarks"
    assert changed.args[0].phase is ShowPhase.RUNNING


def test_a_refused_command_reports_why_and_draws_nothing_new(qtbot: QtBot, tmp_path: Path) -> None:
    bridge, _clock = make(tmp_path, at(13, 30))
    with qtbot.assert_not_emitted(bridge.changed), qtbot.wait_signal(bridge.command_done) as done:
        bridge.run("pause")
    assert not done.args[0].accepted and done.args[0].message == "nothing is running"


def test_it_wakes_at_the_next_second_boundary_of_the_countdown(qtbot: QtBot, tmp_path: Path) -> None:
    bridge, clock = make(tmp_path, at(13, 30))
    bridge.run("go")
    clock.advance(0.3)  # 899.7 s remain: "15:00" until 899.0, 0.7 s from now
    bridge.tick()
    assert abs(bridge.next_wake_ms - expected_ms(0.7)) <= 1


def test_the_clock_and_the_countdown_are_not_aligned_the_earlier_boundary_wins(qtbot: QtBot, tmp_path: Path) -> None:
    start = at(13, 30, 0.25)  # the show starts a quarter second past a wall-clock second
    bridge, clock = make(tmp_path, start)
    bridge.run("go")
    clock.advance(0.5)  # countdown changes in 0.5 s; the clock's next second is 0.25 s away
    bridge.tick()
    assert abs(bridge.next_wake_ms - expected_ms(0.25)) <= 1


def test_when_paused_only_the_clock_wakes_it(qtbot: QtBot, tmp_path: Path) -> None:
    bridge, clock = make(tmp_path, at(13, 30, 0.4))
    bridge.run("go")
    bridge.run("pause")
    clock.advance(0.1)  # wall at .5: next clock second in 0.5 s
    bridge.tick()
    assert abs(bridge.next_wake_ms - expected_ms(0.5)) <= 1


def test_a_whole_minute_of_ticks_shows_every_second_once(qtbot: QtBot, tmp_path: Path) -> None:
    bridge, clock = make(tmp_path, at(13, 30, 0.37))
    bridge.run("go")
    shown = []
    for _ in range(200):
        # Sleep exactly as long as the bridge asked, then tick: what a real timer would do.
        clock.advance(bridge.next_wake_ms / 1000)
        shown.append(bridge.tick().countdown)
        if len(set(shown)) > 60:
            break
    distinct = list(dict.fromkeys(shown))
    assert distinct[:3] == ["15:00", "14:59", "14:58"]
    assert len(distinct) == len(set(distinct))  # no value came back after it changed
    numbers = [int(s[:2]) * 60 + int(s[3:]) for s in distinct]
    assert all(a - b == 1 for a, b in itertools.pairwise(numbers))  # no second skipped


def test_a_rehearsal_clock_wakes_it_faster(qtbot: QtBot, tmp_path: Path) -> None:
    base = FakeClock(at(13, 30).t)
    clock = ScaledClock(base, speed=10.0)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), tmp_path), clock)
    bridge.run("go")
    base.advance(0.05)  # 0.5 show seconds in: the next digit is 0.5 show seconds = 0.05 real seconds away
    bridge.tick()
    assert abs(bridge.next_wake_ms - round((0.05 + LANDING_MARGIN_S) * 1000)) <= 1


def test_a_journal_that_cannot_be_written_is_reported_once(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), blocker), clock)
    with qtbot.wait_signal(bridge.journal_trouble) as trouble:
        bridge.run("go")
    assert "cannot create a journal" in trouble.args[0]
    assert bridge.state.phase is ShowPhase.RUNNING
    with qtbot.assert_not_emitted(bridge.journal_trouble):
        bridge.run("pause")
