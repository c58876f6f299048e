"""A panellist's turn turns amber in its last half minute and red over, by one rule in core (issue 19, item 6):
the Qt moderator view colours by it, and the snapshot sends its threshold to the browser's /moderator."""

from __future__ import annotations

from runofshow.core.phase_style import CUE_WARNING_SECONDS, ON_TIME, OVER_TIME, WRAP_UP, cue_colour, cue_phase
from runofshow.core.show import ShowEngine, SlotPhase
from runofshow.core.timing import format_countdown
from runofshow.remote.snapshot_json import live_to_json
from tests.core.helpers import at, seed


def test_a_turn_is_amber_from_the_second_its_digits_read_the_warning_and_red_from_00_00() -> None:
    assert CUE_WARNING_SECONDS == 30
    # The colour changes on the very instant the shown second does: 30.01 s left reads 00:31.
    assert format_countdown(30.01) == "00:31" and cue_colour(30.01) == ON_TIME
    assert format_countdown(30.0) == "00:30" and cue_colour(30.0) == WRAP_UP
    assert cue_colour(0.01) == WRAP_UP and cue_phase(0.01) is SlotPhase.WARNING
    assert cue_colour(0.0) == OVER_TIME and cue_phase(-75.0) is SlotPhase.OVERRUN
    assert cue_phase(240.0) is SlotPhase.NORMAL


def test_the_snapshot_sends_the_turn_s_warning_with_its_timer() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("goto", at(15, 40), {"slot": "policy-panel"}).accepted
    assert engine.execute("next_cue", at(15, 40)).accepted
    state = engine.state(at(15, 43, 30))  # András G. Inotai's four minutes from 15:40: 30 s left
    assert state.cue is not None and state.cue.remaining == 30.0
    snapshot = live_to_json(state)
    assert snapshot["cue_timer"] == {"elapsed": 210.0, "remaining": 30.0, "warning": CUE_WARNING_SECONDS}
    # The browser colours by the snapshot's own colours, named as the slot's phases are.
    assert snapshot["theme"]["colours"][cue_phase(state.cue.remaining).value] == cue_colour(30.0) == WRAP_UP
    # No turn, no turn timer.
    assert live_to_json(engine.state(at(16, 20)))["cue_timer"] is not None  # the last turn runs over
    assert live_to_json(ShowEngine(seed()).state(at(13, 0)))["cue_timer"] is None
