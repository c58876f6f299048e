"""The show engine, driven with instants as plain numbers: no sleeps, no patched clock."""

from __future__ import annotations

import pytest

from runofshow.core.clock import FakeClock, Instant
from runofshow.core.show import ShowEngine, ShowPhase, SlotPhase
from runofshow.core.timing import format_drift
from tests.core.helpers import agenda_from, at, hms, seed


def started(now: Instant | None = None) -> ShowEngine:
    engine = ShowEngine(seed())
    assert engine.execute("go", now or at(13, 30)).accepted
    return engine


# -- the phases of a show ---------------------------------------------------------------------------


def test_before_the_start_the_show_counts_down_to_the_first_planned_start() -> None:
    state = ShowEngine(seed()).state(at(13, 20))
    assert state.phase is ShowPhase.PRE_SHOW
    assert state.current is None
    assert state.next is not None and state.next.id == "welcome"
    assert state.target is not None and hms(state.target) == "13:30:00"
    assert state.target_remaining == 600
    assert state.slot_phase is SlotPhase.NONE
    assert state.countdown == ""


def test_go_starts_the_first_slot_and_next_walks_the_programme_to_the_end() -> None:
    engine = started()
    state = engine.state(at(13, 30))
    assert state.phase is ShowPhase.RUNNING
    assert state.current is not None and state.current.id == "welcome"
    assert state.next is not None and state.next.id == "status-norway"
    assert state.countdown == "15:00"
    visited = ["welcome"]
    for minute in range(1, 10):
        assert engine.execute("go", at(13, 30 + minute)).accepted
        current = engine.state(at(13, 30 + minute)).current
        if current is not None:
            visited.append(current.id)
    assert visited == [s.id for s in seed().slots]
    assert engine.execute("next", at(13, 40)).accepted
    final = engine.state(at(13, 40))
    assert final.phase is ShowPhase.FINISHED
    assert final.current is None and final.next is None
    assert [run.slot_id for run in final.runs] == visited


def test_the_last_slot_has_no_next() -> None:
    engine = started()
    assert engine.execute("goto", at(16, 15), {"slot": "reception"}).accepted
    assert engine.state(at(16, 16)).next is None


# -- the countdown rule -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds_in", "shown"),
    [(0, "15:00"), (0.5, "15:00"), (1, "14:59"), (899, "00:01"), (899.5, "00:01"), (900, "00:00"),
     (900.5, "00:00"), (901, "+00:01"), (960, "+01:00"), (4500, "+1:00:00")],
)
def test_the_countdown_rounds_up_while_time_remains_then_counts_up(seconds_in: float, shown: str) -> None:
    engine = started()
    assert engine.state(at(13, 30, seconds_in)).countdown == shown


def test_each_second_is_shown_for_one_second_and_zero_exactly_once() -> None:
    engine = started()
    shown: list[str] = []
    for quarter in range(4 * 905):  # every quarter second through the end of the slot and beyond
        shown.append(engine.state(at(13, 30, quarter / 4)).countdown)
    runs: list[tuple[str, int]] = []
    for text in shown:
        if runs and runs[-1][0] == text:
            runs[-1] = (text, runs[-1][1] + 1)
        else:
            runs.append((text, 1))
    texts = [text for text, _ in runs]
    assert "-00:00" not in texts
    assert texts.count("00:00") == 1
    assert len(texts) == len(set(texts))  # nothing shown twice
    assert all(count == 4 for _, count in runs[:-1])  # every value lasts exactly one second
    assert texts[:2] == ["15:00", "14:59"] and texts[-6:-3] == ["00:01", "00:00", "+00:01"]


def test_the_slot_phase_turns_to_warning_at_the_threshold_and_overrun_at_zero() -> None:
    engine = started()  # the event's warning is 2 minutes
    assert engine.state(at(13, 42, 59.5)).slot_phase is SlotPhase.NORMAL
    assert engine.state(at(13, 43)).slot_phase is SlotPhase.WARNING
    assert engine.state(at(13, 43)).countdown == "02:00"
    assert engine.state(at(13, 44, 59.5)).slot_phase is SlotPhase.WARNING
    assert engine.state(at(13, 45)).slot_phase is SlotPhase.OVERRUN
    state = engine.state(at(13, 46, 30))
    assert state.overtime == 90 and state.countdown == "+01:30"


def test_a_slot_warning_overrides_the_events() -> None:
    engine = started()
    assert engine.execute("goto", at(15, 40), {"slot": "policy-panel"}).accepted  # warning: 5m
    assert engine.state(at(16, 4, 59)).slot_phase is SlotPhase.NORMAL
    assert engine.state(at(16, 5)).slot_phase is SlotPhase.WARNING


# -- time rules --------------------------------------------------------------------------------------


def test_a_wall_clock_jump_moves_the_time_of_day_and_the_plan_never_the_countdown() -> None:
    # Issue 11, item 4: the plan follows a corrected wall clock (tests/core/test_time_corrections.py).
    clock = FakeClock(at(13, 30).t)
    engine = ShowEngine(seed())
    engine.execute("go", clock.now())
    clock.advance(300)
    before = engine.state(clock.now())
    moved = 0
    for jump in (3600, -7200):
        clock.jump_wall(jump)
        moved += jump
        after = engine.state(clock.now())
        assert after.countdown == before.countdown == "10:00"
        assert after.elapsed == before.elapsed and after.drift == before.drift + moved
        assert (after.projected_end - before.projected_end).total_seconds() == moved
        assert after.time_of_day != before.time_of_day
    assert hms(engine.state(clock.now()).time_of_day) == "12:35:00"


def test_pause_then_resume_neither_loses_nor_gains_time() -> None:
    engine = started()
    assert engine.execute("pause", at(13, 35)).accepted
    paused = engine.state(at(13, 50))
    assert paused.phase is ShowPhase.PAUSED
    assert paused.elapsed == 300 and paused.countdown == "10:00"
    assert engine.execute("resume", at(13, 50)).accepted
    assert engine.state(at(13, 50)).elapsed == 300
    assert engine.state(at(13, 51)).countdown == "09:00"


def test_pause_and_resume_across_midnight() -> None:
    agenda = agenda_from("  - {title: Late set, start: 23:50, end: 00:20 +1d}\n")
    engine = ShowEngine(agenda)
    engine.execute("go", at(23, 50))
    engine.execute("pause", at(23, 59, 50))
    engine.execute("resume", at(0, 0, 20, day=1, month=12))
    state = engine.state(at(0, 1, 20, day=1, month=12))
    assert state.elapsed == 9 * 60 + 50 + 60
    assert state.remaining == 30 * 60 - state.elapsed


def test_added_time_moves_the_slots_end_not_its_start() -> None:
    engine = started()
    engine.execute("add_time", at(13, 35), {"seconds": 60})
    state = engine.state(at(13, 35))
    assert state.elapsed == 300 and state.remaining == 660 and state.duration == 960
    assert state.drift == 60
    engine.execute("add_time", at(13, 35), {"seconds": -120})
    assert engine.state(at(13, 35)).remaining == 540


def test_drift_and_projected_end_in_the_seeds_hand_worked_case() -> None:
    # The second talk started at 13:49:30 and is 6 minutes in: 4:30 behind, ending at 17:04:30.
    engine = started()
    engine.execute("next", at(13, 49, 30))
    state = engine.state(at(13, 55, 30))
    assert state.current is not None and state.current.id == "status-norway"
    assert state.drift == 270
    assert format_drift(state.drift) == "4:30 behind"
    assert hms(state.projected_end) == "17:04:30"


@pytest.mark.parametrize(
    ("events", "now", "drift", "end"),
    [
        ([("go", (13, 30, 0))], (13, 31, 0), 0, "17:00:00"),  # on time
        ([("go", (13, 30, 0)), ("next", (13, 40, 0))], (13, 41, 0), -300, "16:55:00"),  # 5 minutes ahead
        ([("go", (13, 30, 0))], (13, 47, 0), 120, "17:02:00"),  # welcome overrunning by 2 minutes
        ([], (13, 35, 0), 300, "17:05:00"),  # not started yet, 5 minutes late
        ([("go", (13, 35, 0))], (13, 36, 0), 300, "17:05:00"),  # started 5 minutes late
        ([("go", (13, 30, 0)), ("goto", (14, 50, 0))], (14, 55, 0), 0, "17:00:00"),  # break on time
    ],
)
def test_drift_and_projected_end_in_more_hand_worked_cases(
    events: list[tuple[str, tuple[int, int, int]]], now: tuple[int, int, int], drift: float, end: str
) -> None:
    engine = ShowEngine(seed())
    for name, when in events:
        args = {"slot": "break"} if name == "goto" else {}
        assert engine.execute(name, at(*when), args).accepted
    state = engine.state(at(*now))
    assert state.drift == drift
    assert hms(state.projected_end) == end


def test_a_show_finished_late_reports_its_final_drift() -> None:
    engine = ShowEngine(seed())
    engine.execute("goto", at(16, 15), {"slot": "reception"})
    engine.execute("next", at(17, 3))
    state = engine.state(at(17, 10))
    assert state.phase is ShowPhase.FINISHED and state.drift == 180


def test_a_rehearsal_the_day_before_plays_the_plan_on_that_day() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 31, day=29))
    state = engine.state(at(13, 32, day=29))
    assert state.drift == 60
    assert state.planned_start is not None and state.planned_start.day == 29
    assert state.projected_end.day == 29 and hms(state.projected_end) == "17:01:00"


def test_a_template_reused_a_year_later_drifts_by_minutes_not_days() -> None:
    engine = ShowEngine(seed())
    epoch = at(13, 28).t + 366 * 86400  # 30 November 2024, 13:28
    engine.execute("go", Instant(epoch, epoch))
    assert engine.state(Instant(epoch, epoch)).drift == -120


def test_a_late_night_show_started_just_after_midnight_is_minutes_late() -> None:
    agenda = agenda_from("  - {title: Late set, start: 23:50, end: 00:50 +1d}\n")
    engine = ShowEngine(agenda)
    engine.execute("go", at(0, 5, day=1, month=12))
    assert engine.state(at(0, 5, day=1, month=12)).drift == 15 * 60


def test_before_the_start_a_future_show_counts_down_to_its_own_date() -> None:
    state = ShowEngine(seed()).state(at(20, 0, day=29))
    assert state.target is not None and state.target.day == 30 and state.target_remaining == 17.5 * 3600


# -- roll mode ---------------------------------------------------------------------------------------


def test_roll_mode_follows_the_plan_and_the_clock() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("roll", at(13, 20), {"on": True}).accepted
    assert engine.state(at(13, 25)).phase is ShowPhase.PRE_SHOW
    state = engine.state(at(13, 31))
    assert state.current is not None and state.current.id == "welcome" and state.elapsed == 60
    state = engine.state(at(14, 55))
    assert state.current is not None and state.current.id == "break"
    assert state.target is not None and hms(state.target) == "15:10:00"
    assert state.countdown == "15:00"
    assert engine.state(at(17, 0)).phase is ShowPhase.FINISHED
    runs = engine.state(at(17, 1)).runs
    assert [r.slot_id for r in runs] == [s.id for s in seed().slots]
    assert all(r.end - r.start == s.duration for r, s in zip(runs, seed().slots, strict=True))


def test_roll_mode_refuses_manual_moves_until_it_is_turned_off() -> None:
    engine = ShowEngine(seed())
    engine.execute("roll", at(13, 40), {"on": True})
    outcome = engine.execute("next", at(13, 41))
    assert not outcome.accepted and "roll mode is on" in outcome.message
    assert engine.execute("message", at(13, 41), {"text": "Mic 2 is live"}).accepted
    assert engine.execute("roll", at(13, 42), {"on": False}).accepted
    assert engine.execute("next", at(13, 43)).accepted
    state = engine.state(at(13, 44))
    assert state.current is not None and state.current.id == "status-norway" and state.elapsed == 60


def test_roll_mode_across_midnight_and_over_several_days() -> None:
    agenda = agenda_from("""  - {title: Late set, start: 23:30, end: 00:30 +1d}
  - {title: Encore, start: 00:30, duration: 30m}
  - {title: Day two, date: 2023-12-01, start: 10:00, end: 11:00}
""")
    engine = ShowEngine(agenda)
    engine.execute("roll", at(23, 0), {"on": True})
    assert engine.state(at(23, 45)).current.title == "Late set"  # type: ignore[union-attr]
    state = engine.state(at(0, 40, day=1, month=12))
    assert state.current is not None and state.current.title == "Encore" and state.elapsed == 600
    gap = engine.state(at(9, 0, day=1, month=12))
    assert gap.phase is ShowPhase.BETWEEN and gap.current is not None and gap.current.title == "Day two"
    assert gap.target_remaining == 3600
    assert engine.state(at(10, 30, day=1, month=12)).elapsed == 1800
    assert engine.state(at(11, 0, day=1, month=12)).phase is ShowPhase.FINISHED


def test_roll_mode_turned_on_in_the_middle_of_the_plan_picks_up_the_slot_on_now() -> None:
    engine = ShowEngine(seed())
    engine.execute("roll", at(15, 45), {"on": True})
    state = engine.state(at(15, 45))
    assert state.current is not None and state.current.id == "policy-panel" and state.elapsed == 300
    assert state.runs == ()  # slots that passed before roll mode are not claimed as run


def test_roll_mode_turned_on_after_the_plan_ends_is_finished() -> None:
    engine = ShowEngine(seed())
    engine.execute("roll", at(18, 0), {"on": True})
    assert engine.state(at(18, 0)).phase is ShowPhase.FINISHED
