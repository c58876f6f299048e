"""`state(now)` only reads: drawing snapshots, however often and at whatever moment, never changes the show.

In roll mode the plan moves the show along as time passes; that movement is worked out on reading (and
kept as a memo, so a tick costs the same after a thousand slots as after one) and becomes part of the
show only when a command runs.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runofshow.core import plan
from runofshow.core.agenda import Agenda
from runofshow.core.live import Live
from runofshow.core.plan import rolled
from runofshow.core.show import ShowEngine, ShowPhase
from tests.core.helpers import agenda_from, at, seed
from tests.core.test_show_properties import command

SEED = seed()


def minute_slots(count: int) -> Agenda:
    """`count` one-minute slots from midnight on the show's day."""
    lines = [f"  - {{id: s{i}, title: Slot {i}, start: '{i // 60:02d}:{i % 60:02d}', duration: 1m}}"
             for i in range(count)]
    return agenda_from("\n".join(lines) + "\n")


def test_snapshots_drawn_in_roll_mode_leave_the_live_state_untouched() -> None:
    engine = ShowEngine(SEED)
    assert engine.execute("roll", at(13, 0), {"on": True}).accepted
    live = engine.live
    for second in range(0, 4 * 3600, 45):  # 13:00 to 17:00, past every slot of the plan
        engine.state(at(13, 0, second))
        assert engine.live is live
    assert engine.execute("message", at(15, 0), {"text": "Mic 2 is live"}).accepted
    live = engine.live
    moved_on = engine.state(at(17, 0))
    assert moved_on.phase is ShowPhase.FINISHED and len(moved_on.runs) == len(SEED.slots)
    assert engine.live is live and engine.live.runs != moved_on.runs  # only the reading moved on

    blind = ShowEngine(SEED)  # the same commands, never looked at
    blind.execute("roll", at(13, 0), {"on": True})
    blind.execute("message", at(15, 0), {"text": "Mic 2 is live"})
    assert blind.live == engine.live
    assert blind.state(at(17, 0)) == moved_on


def test_a_snapshot_drawn_later_than_the_next_command_does_not_change_what_the_command_meets() -> None:
    engine, blind = ShowEngine(SEED), ShowEngine(SEED)
    for each in (engine, blind):
        each.execute("roll", at(13, 0), {"on": True})
    engine.state(at(16, 0))  # a look ahead (a report, a preview) must not move the show to 16:00
    for each in (engine, blind):
        assert each.execute("roll", at(14, 0), {"on": False}).accepted
    assert engine.live == blind.live
    assert engine.state(at(14, 1)) == blind.state(at(14, 1))


def test_the_memo_gives_the_same_snapshot_as_working_it_out_afresh_at_any_moment() -> None:
    engine = ShowEngine(SEED)
    engine.execute("roll", at(13, 0), {"on": True})
    moments = [*range(0, 4 * 3600, 97), 3 * 3600, 600, 0, 2 * 3600 + 5, 4 * 3600]  # forward, then back and forth
    for second in moments:
        fresh = ShowEngine.restored(SEED, engine.live, engine.undo_stack)
        assert engine.state(at(13, 0, second)) == fresh.state(at(13, 0, second))


def test_a_tick_in_roll_mode_costs_one_step_after_a_thousand_finished_slots(monkeypatch: pytest.MonkeyPatch) -> None:
    agenda = minute_slots(1200)
    engine = ShowEngine(agenda)
    engine.execute("roll", at(0, 0, day=30), {"on": True})
    late = at(16, 40, 30)  # 1,000 slots have run to plan
    assert len(engine.state(late).runs) == 1000
    calls = 0
    real = plan.planned

    def counted(*args: object) -> float:
        nonlocal calls
        calls += 1
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(plan, "planned", counted)
    state = engine.state(late.later(1))
    assert state.current is not None and state.current.id == "s1000" and len(state.runs) == 1000
    assert calls == 2  # moving on from the memo: the current slot's start and end, not 1,000 slots
    calls = 0
    assert len(engine.state(late.later(61)).runs) == 1001  # a slot ends: one step more
    assert calls == 4


def test_live_at_is_the_live_state_outside_roll_mode_and_the_plan_on_now_in_it() -> None:
    engine = ShowEngine(SEED)
    engine.execute("go", at(13, 30))
    assert engine.live_at(at(16, 0)) is engine.live
    engine.execute("roll", at(13, 40), {"on": True})
    now = engine.live_at(at(15, 45))
    assert now.index == SEED.index_of("policy-panel") and engine.live.index != now.index


def test_a_command_in_roll_mode_keeps_what_the_plan_did_up_to_its_moment() -> None:
    engine = ShowEngine(SEED)
    engine.execute("roll", at(13, 0), {"on": True})
    engine.execute("blackout", at(14, 0), {"display": "stage", "on": True})
    assert engine.live.runs == engine.state(at(14, 0)).runs != ()
    assert engine.live.index == SEED.index_of("ec-objectives") and engine.live.running_since == at(14, 0).t


def test_replacing_the_agenda_in_roll_mode_keeps_the_slot_the_plan_is_on() -> None:
    engine = ShowEngine(SEED)
    engine.execute("roll", at(13, 0), {"on": True})
    panel = SEED.index_of("policy-panel")
    assert panel is not None
    assert engine.replace_agenda(SEED, at(15, 45)) == f"agenda reloaded; still on '{SEED.slots[panel].title}'"
    assert engine.live.index == panel

    looked_at = ShowEngine(SEED)  # without a moment: where the operator last looked, as before
    looked_at.execute("roll", at(13, 0), {"on": True})
    looked_at.state(at(15, 45))
    looked_at.replace_agenda(SEED)
    assert looked_at.live == engine.live


# -- rolling in steps lands where rolling at once does ------------------------------------------------

ANCHOR = SEED.event.date
seconds = st.floats(0, 5 * 3600, allow_nan=False)
roll_states = st.builds(
    Live,
    index=st.none() | st.integers(0, len(SEED.slots) - 1),
    running_since=st.none() | seconds.map(lambda s: at(13, 0).t + s),
    paused_at=st.none() | seconds.map(lambda s: at(13, 0).t + s),
    paused_total=st.floats(0, 600),
    added=st.floats(-60, 600),
    cue_index=st.integers(0, 3),
    cue_from=st.floats(0, 600),
    roll=st.just(True),
    anchor=st.sampled_from([ANCHOR, date(2023, 11, 29)]),
)


@settings(max_examples=300, deadline=None)
@given(roll_states, seconds, seconds)
def test_rolling_in_two_steps_equals_rolling_in_one(live: Live, first: float, second: float) -> None:
    early, late = sorted((at(12, 0, first), at(12, 0, second)))
    assert rolled(SEED, rolled(SEED, live, early), late) == rolled(SEED, live, late)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(command, st.floats(0, 900, allow_nan=False),
                          st.lists(st.floats(0, 1, allow_nan=False), max_size=4), st.floats(0, 7200)), max_size=30))
def test_drawing_snapshots_between_commands_changes_nothing(sequence: list) -> None:  # type: ignore[type-arg]
    watched, blind = ShowEngine(SEED), ShowEngine(SEED)
    watched.execute("roll", at(13, 0), {"on": True})
    blind.execute("roll", at(13, 0), {"on": True})
    now = at(13, 0)
    for (name, args), pause, ticks, ahead in sequence:
        live = watched.live
        for fraction in sorted(ticks):
            watched.state(now.later(pause * fraction))
        watched.state(now.later(ahead))  # a look ahead, past the next command
        assert watched.live is live
        now = now.later(pause)
        assert watched.execute(name, now, args) == blind.execute(name, now, args)
        assert watched.live == blind.live
    final = now.later(600)
    assert watched.state(final) == blind.state(final)
