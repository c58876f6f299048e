"""`runofshow rehearse` runs the show on an accelerated clock."""

from __future__ import annotations

import pytest

from runofshow.cli import main
from runofshow.core.clock import FakeClock, ScaledClock
from runofshow.rehearse import LEAD_IN_SECONDS, start_epoch
from tests.core.helpers import at, seed


def test_the_rehearsal_clock_runs_n_times_faster_from_its_start() -> None:
    base = FakeClock(1000.0)
    clock = ScaledClock(base, 60.0, start=at(13, 29).t)
    base.advance(1.0)
    assert clock.now().t == at(13, 30).t
    assert clock.speed == 60.0


def test_it_starts_before_the_first_slot_or_at_the_chosen_one() -> None:
    agenda = seed()
    assert start_epoch(agenda, None) == at(13, 30).t - LEAD_IN_SECONDS
    assert start_epoch(agenda, "policy-panel") == at(15, 40).t


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "keynote"], "no slot 'keynote'"),
    (["--speed", "0"], "--speed must be between"),
])
def test_bad_arguments_are_refused_before_any_window(args: list[str], message: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rehearse", *args]) == 1
    assert message in capsys.readouterr().err


def test_the_real_app_rehearses_without_an_error(tmp_path: pytest.TempPathFactory) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "runofshow", "rehearse", "--speed", "600", "--from", "break",
                             "--state-dir", str(tmp_path)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        proc.wait(timeout=4)
    except subprocess.TimeoutExpired:
        proc.terminate()
    _out, err = proc.communicate(timeout=10)
    assert proc.returncode in (-15, 0), err  # still running when stopped: it did not fall over
    assert "Traceback" not in err
    journals = list((tmp_path / "journals").rglob("show-*.jsonl"))  # type: ignore[operator]
    assert journals and '"cmd":"goto"' in journals[0].read_text(encoding="utf-8")


def test_a_restarted_rehearsal_clock_shows_its_start_from_that_moment() -> None:
    base = FakeClock(1000.0)
    clock = ScaledClock(base, 60.0, start=at(13, 29).t)
    base.advance(3.0)  # the app took three real seconds to start: three show minutes gone
    clock.restart(at(13, 29).t)
    assert clock.now().t == at(13, 29).t
    base.advance(1.0)
    assert clock.now().t == at(13, 30).t
