"""Random command sequences keep the engine's invariants."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runofshow.core.clock import Instant
from runofshow.core.show import ShowEngine, ShowState
from runofshow.io.journal import read_journal, replay
from runofshow.io.session import ShowSession
from tests.core.helpers import at, seed

SEED = seed()
SLOT_IDS = [s.id for s in SEED.slots]

command = st.one_of(
    st.sampled_from(["go", "next", "previous", "pause", "resume", "reset", "undo", "clear_message", "flash",
                     "next_cue", "previous_cue"]).map(lambda n: (n, {})),
    st.sampled_from([*SLOT_IDS, "nope"]).map(lambda s: ("goto", {"slot": s})),
    st.integers(-1200, 1200).map(lambda s: ("add_time", {"seconds": s})),
    st.text(max_size=20).map(lambda t: ("message", {"text": t})),
    st.tuples(st.sampled_from(["projector", "stage", "moderator", "all"]), st.booleans()).map(
        lambda d: ("blackout", {"display": d[0], "on": d[1]})),
    st.booleans().map(lambda on: ("roll", {"on": on})),
)
steps = st.lists(st.tuples(command, st.floats(0, 900, allow_nan=False)), max_size=40)


def without_bookkeeping(state: ShowState) -> ShowState:
    return replace(state, last_command="", can_undo=False)


@settings(max_examples=150, deadline=None)
@given(steps)
def test_no_sequence_of_commands_breaks_the_invariants(sequence: list) -> None:  # type: ignore[type-arg]
    engine = ShowEngine(SEED)
    now = at(13, 0)
    for (name, args), pause in sequence:
        now = now.later(pause)
        before = engine.state(now)
        outcome = engine.execute(name, now, args)
        after = engine.state(now)
        assert after.elapsed >= 0
        assert after.remaining == after.duration - after.elapsed
        assert after.countdown != "-00:00"
        if not outcome.accepted:
            assert without_bookkeeping(after) == without_bookkeeping(before)
        elif name != "undo":
            # undo brings back the snapshot from before the command exactly
            probe = ShowEngine(SEED)
            probe._live, probe._undo = engine._live, list(engine._undo)
            probe.execute("undo", now)
            assert without_bookkeeping(probe.state(now)) == without_bookkeeping(before)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps)
def test_replaying_the_journal_gives_the_live_state(tmp_path: Path, sequence: list) -> None:  # type: ignore[type-arg]
    state_dir = tmp_path / str(abs(hash(str(sequence))))
    session = ShowSession(SEED, Path("agenda.yaml"), state_dir)
    now = at(13, 0)
    for (name, args), pause in sequence:
        now = now.later(pause)
        session.run(name, now, args)
    session.close()
    final = now.later(30)
    live = session.state(final)
    if session.journal is None:
        return  # nothing was accepted
    replayed = replay(SEED, read_journal(session.journal.path)).engine.state(final)
    assert replayed == live


def test_instants_compare_by_timeline_first() -> None:
    assert Instant(1.0, 5.0) < Instant(2.0, 0.0)
