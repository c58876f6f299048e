"""Time at the edges (issue 11, items 4-6): clock corrections, roll mode's edges, words and rounding.

Each test is a list of instants: a `FakeClock` whose wall clock jumps as NTP would, or plain `at(...)`.
"""

from __future__ import annotations

import itertools

from runofshow.core.clock import FakeClock, Instant
from runofshow.core.runs import merge_runs
from runofshow.core.show import ShowEngine, ShowPhase
from runofshow.core.timing import format_drift, local_datetime
from tests.core.helpers import BRUSSELS, at, hms, seed

# -- 4. a clock correction after launch reaches the plan ------------------------------------------------


def slow_clock(real: Instant, slow_by: float) -> FakeClock:
    """A laptop whose clock read `slow_by` seconds behind the real time when the show was launched."""
    return FakeClock(real.t - slow_by)


def test_after_a_correction_the_countdown_to_the_start_agrees_with_the_time_of_day() -> None:
    clock = slow_clock(at(13, 29, 10), 120)
    engine = ShowEngine(seed())
    clock.jump_wall(120)  # NTP corrects the wall clock; the timeline stays where it was
    state = engine.state(clock.now())
    assert hms(state.time_of_day) == "13:29:10"
    assert state.target is not None and hms(state.target) == "13:30:00"
    assert state.target_remaining == 50  # "00:50 to 13:30", not "02:50"


def test_an_on_time_show_reads_on_time_once_the_clock_is_corrected_and_its_countdown_is_untouched() -> None:
    clock = slow_clock(at(13, 30), 120)  # GO at the real 13:30, the laptop reads 13:28
    engine = ShowEngine(seed())
    engine.execute("go", clock.now())
    clock.advance(60)
    before = engine.state(clock.now())
    assert format_drift(before.drift) == "2:00 ahead"
    clock.jump_wall(120)
    after = engine.state(clock.now())
    assert after.countdown == before.countdown == "14:00" and after.elapsed == before.elapsed
    assert format_drift(after.drift) == "on time"
    assert hms(after.projected_end) == "17:00:00"


def test_a_wobble_of_under_a_second_does_not_move_the_plan() -> None:
    clock = FakeClock(at(13, 30).t)
    engine = ShowEngine(seed())
    engine.execute("go", clock.now())
    clock.advance(60)
    before = engine.state(clock.now())
    clock.jump_wall(0.4)
    after = engine.state(clock.now())
    assert after.drift == before.drift and after.projected_end == before.projected_end


def test_roll_mode_plays_the_plan_on_the_corrected_clock() -> None:
    clock = slow_clock(at(13, 31), 120)  # the real time is 13:31, the laptop reads 13:29
    engine = ShowEngine(seed())
    engine.execute("roll", clock.now(), {"on": True})
    assert engine.state(clock.now()).phase is ShowPhase.PRE_SHOW  # the plan can only go by the clock it has
    clock.jump_wall(120)
    state = engine.state(clock.now())
    assert state.current is not None and state.current.id == "welcome" and state.elapsed == 60
    clock.advance(14 * 60)  # the real 13:45: the next slot is on
    state = engine.state(clock.now())
    assert state.current is not None and state.current.id == "status-norway" and state.elapsed == 0
    assert [r.slot_id for r in state.runs] == ["welcome"]
    assert state.runs[0].end - state.runs[0].start == 15 * 60


def test_roll_mode_lands_in_the_same_place_ticking_through_a_correction_or_asked_once() -> None:
    """Replay asks only at the journal's moments: the show on screen must not depend on its ticks."""
    ticking, asked_once = ShowEngine(seed()), ShowEngine(seed())
    clock = slow_clock(at(13, 40), 120)
    for engine in (ticking, asked_once):
        engine.execute("roll", clock.now(), {"on": True})
    for _ in range(10):  # ticks across the end of 'welcome' (13:45 real, 13:43 on the slow clock)
        clock.advance(30)
        ticking.state(clock.now())
    clock.jump_wall(120)
    clock.advance(30)
    assert ticking.execute("message", clock.now(), {"text": "Mics"}).accepted
    assert asked_once.execute("message", clock.now(), {"text": "Mics"}).accepted
    assert ticking.live == asked_once.live


# -- 5. roll mode's edges --------------------------------------------------------------------------------


def test_roll_mode_turned_on_after_the_show_is_finished_on_plan_without_claiming_runs() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("roll", at(18, 0), {"on": True}).accepted
    for later in (at(18, 0), at(19, 0)):
        state = engine.state(later)
        assert state.phase is ShowPhase.FINISHED and state.runs == ()
        assert state.drift == 0 and format_drift(state.drift) == "on time"
        assert hms(state.projected_end) == "17:00:00"


def test_roll_mode_turned_on_after_a_late_manual_start_keeps_the_actual_start() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 35))  # 'welcome' starts five minutes late
    assert engine.execute("roll", at(13, 40), {"on": True}).accepted
    state = engine.state(at(13, 40))
    assert state.current is not None and state.current.id == "welcome" and state.elapsed == 300
    assert state.runs == () and state.drift == 0  # roll mode ends 'welcome' at 13:45, as planned
    state = engine.state(at(13, 46))
    assert [(r.slot_id, hms_t(r.start), hms_t(r.end)) for r in state.runs] == [("welcome", "13:35:00", "13:45:00")]
    assert merge_runs(state.runs)["welcome"][2] == 600  # every second on stage counted once


def test_roll_mode_turned_on_after_an_overrun_starts_the_plans_slot_when_the_overrun_ends() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    assert engine.execute("roll", at(13, 50), {"on": True}).accepted  # 'welcome' ran 5 min into 'status-norway'
    state = engine.state(at(14, 1))
    runs = state.runs
    assert [(r.slot_id, hms_t(r.start), hms_t(r.end)) for r in runs] == [
        ("welcome", "13:30:00", "13:50:00"), ("status-norway", "13:50:00", "14:00:00")]
    assert all(a.end <= b.start for a, b in itertools.pairwise(runs))  # no overlap


def test_roll_mode_turned_on_during_a_pause_counts_the_pause_once() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 35))
    engine.execute("pause", at(13, 37))
    assert engine.execute("roll", at(13, 40), {"on": True}).accepted
    state = engine.state(at(13, 41))
    assert state.phase is ShowPhase.RUNNING and state.elapsed == 180  # 2 min before the pause, 1 after
    runs = engine.state(at(13, 46)).runs
    assert [(r.slot_id, r.paused) for r in runs] == [("welcome", 180)]
    assert merge_runs(runs)["welcome"][2] == 420


# -- 6. words and rounding -----------------------------------------------------------------------------


def test_two_undos_in_a_row_name_what_each_undid() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    engine.execute("pause", at(13, 31))
    engine.execute("resume", at(13, 32))
    assert engine.execute("undo", at(13, 33)).message == "undid resume"
    assert engine.execute("undo", at(13, 33)).message == "undid pause"
    assert engine.execute("undo", at(13, 33)).message == "undid go: Welcoming remarks"
    assert engine.execute("undo", at(13, 33)).message == "nothing to undo"


def test_drift_and_projected_end_round_the_same_way() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 31, 10.6))
    state = engine.state(at(13, 31, 11))
    assert format_drift(state.drift) == "1:11 behind"
    assert hms(state.projected_end) == "17:01:11"


def test_a_half_second_rounds_up_in_drift_as_in_the_projected_end() -> None:
    assert format_drift(0.5) == "0:01 behind" and format_drift(-0.5) == "0:01 ahead"
    assert format_drift(90.5) == "1:31 behind" and format_drift(0.49) == "on time"
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30, 0.5))
    assert hms(engine.state(at(13, 30, 1)).projected_end) == "17:00:01"


def test_the_breaks_back_at_time_is_when_its_countdown_ends() -> None:
    engine = ShowEngine(seed())
    engine.execute("goto", at(14, 56, 29.6), {"slot": "break"})  # a 20-minute break from 14:56:29.6
    state = engine.state(at(14, 57))
    assert state.countdown == "19:30"  # 14:57:00 + 19:30 = 15:16:30
    assert state.target is not None and hms(state.target) == "15:16:30"
    assert state.target_text == "15:16:30"  # never a minute that comes before the countdown's end


def test_a_time_of_day_on_the_minute_is_written_without_seconds() -> None:
    engine = ShowEngine(seed())
    engine.execute("goto", at(14, 50), {"slot": "break"})
    state = engine.state(at(14, 51))
    assert state.target_text == "15:10"
    assert ShowEngine(seed()).state(at(13, 0)).target_text == "13:30"


def hms_t(t: float) -> str:
    """A timeline second as a time of day in Brussels."""
    return hms(local_datetime(t, BRUSSELS))
