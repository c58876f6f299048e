"""Repaint lateness: each changed digit against its own second, never folded back into [0, 1)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bench.lateness import Flip, clock_boundary, countdown_boundary, countdown_value, judge, step_of

BRUSSELS = ZoneInfo("Europe/Brussels")
STARTED = 1_700_000_000.25  # the engine's start of the slot, between two wall seconds


def wall(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=BRUSSELS).timestamp()


def test_countdown_texts_are_signed_seconds() -> None:
    assert countdown_value("15:00") == 900
    assert countdown_value("1:00:05") == 3605
    assert countdown_value("00:00") == 0
    assert countdown_value("+00:03") == -3
    with pytest.raises(ValueError):
        countdown_value("soon")


def test_a_countdowns_boundaries_count_from_the_engines_start() -> None:
    # A 15-minute slot: 15:00 from the start, 14:59 one second later, 00:00 at its end, +00:01 after.
    assert countdown_boundary("15:00", STARTED, 900) == STARTED
    assert countdown_boundary("14:59", STARTED, 900) == STARTED + 1
    assert countdown_boundary("00:00", STARTED, 900) == STARTED + 900
    assert countdown_boundary("+00:01", STARTED, 900) == STARTED + 901


def test_an_early_flip_is_negative_and_a_failure_not_999_ms() -> None:
    # 14:58 painted 1 ms before its second: the old bench took the fraction of the offset and printed 999 ms.
    early = Flip("stage", "countdown", "14:58", STARTED + 2 - 0.001, countdown_boundary("14:58", STARTED, 900),
                 STARTED + 1.999)
    on_time = Flip("stage", "countdown", "14:59", STARTED + 1.004, countdown_boundary("14:59", STARTED, 900),
                   STARTED + 1.002)
    assert early.lateness == pytest.approx(-0.001, abs=1e-6)
    verdict = judge([on_time, early])
    assert verdict.early == 1
    assert verdict.p99_ms == pytest.approx(4.0, abs=1e-3)  # the early flip is counted as a failure, not as a lateness
    assert not verdict.on_time


def test_a_clock_flip_belongs_to_its_own_second_across_the_wrap() -> None:
    # Painted 5 ms into the second it shows.
    at = wall("2024-03-01T13:30:45.005")
    assert clock_boundary("13:30:45", at, BRUSSELS) == pytest.approx(wall("2024-03-01T13:30:45"))
    # A digit painted just before its second wraps to 0.999 s in fraction arithmetic; here it is -1 ms.
    before = wall("2024-03-01T13:30:44.999")
    assert before - clock_boundary("13:30:45", before, BRUSSELS) == pytest.approx(-0.001, abs=1e-6)
    # Across midnight both ways: 23:59:59 painted just after midnight is a second late, 00:00:00 just before
    # midnight is early, neither a day off.
    after_midnight = wall("2024-03-02T00:00:00.001")
    assert after_midnight - clock_boundary("23:59:59", after_midnight, BRUSSELS) == pytest.approx(1.001, abs=1e-6)
    before_midnight = wall("2024-03-01T23:59:59.998")
    assert before_midnight - clock_boundary("00:00:00", before_midnight, BRUSSELS) == pytest.approx(-0.002, abs=1e-6)


def test_a_digit_shown_a_second_late_is_stale() -> None:
    stale = Flip("moderator", "clock", "13:30:45", wall("2024-03-01T13:30:46.2"), wall("2024-03-01T13:30:45"),
                 wall("2024-03-01T13:30:46.1"))
    verdict = judge([stale])
    assert verdict.stale == 1 and verdict.early == 0
    assert verdict.p99_ms == pytest.approx(1200.0, abs=1e-3)
    assert not verdict.on_time


def test_steps_find_a_skipped_and_a_repeated_second_on_each_display() -> None:
    assert step_of("countdown", "00:01", "00:00") == 1
    assert step_of("countdown", "00:00", "+00:01") == 1
    assert step_of("clock", "23:59:59", "00:00:00") == 1
    flips = [Flip("stage", "countdown", text, STARTED + i, STARTED + i, STARTED + i)
             for i, text in enumerate(["14:59", "14:58", "14:56", "14:56"])]  # one skipped, one shown twice
    flips += [Flip("moderator", "countdown", text, STARTED + i, STARTED + i, STARTED + i)
              for i, text in enumerate(["14:59", "14:58", "14:57"])]
    verdict = judge(flips)
    assert verdict.steps[("stage", "countdown")] == (4, 2)
    assert verdict.steps[("moderator", "countdown")] == (3, 0)
    assert verdict.bad_steps == 2


def test_no_paint_is_no_verdict_of_on_time() -> None:
    verdict = judge([])
    assert verdict.p99_ms is None
    assert not verdict.on_time
