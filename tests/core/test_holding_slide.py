"""The projector's holding slide: one command, journaled and undoable, shown only by the projector."""

from __future__ import annotations

from runofshow.core.show import ShowEngine, ShowPhase
from runofshow.io.live_codec import checkpoint_from_json, checkpoint_to_json
from tests.core.helpers import at, seed


def test_holding_turns_on_and_off_and_says_so() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    outcome = engine.execute("holding", at(13, 31), {"on": True})
    assert outcome.accepted and outcome.message == "holding slide on the projector"
    state = engine.state(at(13, 31))
    assert state.holding and state.phase is ShowPhase.RUNNING  # the show itself goes on
    outcome = engine.execute("holding", at(13, 32), {"on": False})
    assert outcome.accepted and outcome.message == "holding slide off: the projector shows the show"
    assert not engine.state(at(13, 32)).holding


def test_holding_twice_the_same_way_is_refused_with_a_reason() -> None:
    engine = ShowEngine(seed())
    refused = engine.execute("holding", at(13, 20), {"on": False})
    assert not refused.accepted and refused.message == "the holding slide is already off"
    engine.execute("holding", at(13, 20), {"on": True})
    refused = engine.execute("holding", at(13, 21), {"on": True})
    assert not refused.accepted and refused.message == "the holding slide is already on"


def test_holding_needs_a_true_or_false() -> None:
    engine = ShowEngine(seed())
    for args in ({}, {"on": 1}, {"on": "yes"}, {"on": True, "display": "projector"}):
        outcome = engine.execute("holding", at(13, 20), args)
        assert outcome.invalid and not outcome.accepted, args
    assert not engine.state(at(13, 20)).holding


def test_undo_takes_the_holding_slide_away_again() -> None:
    engine = ShowEngine(seed())
    engine.execute("holding", at(13, 20), {"on": True})
    outcome = engine.execute("undo", at(13, 21))
    assert outcome.accepted and outcome.message == "undid holding slide on the projector"
    assert not engine.state(at(13, 21)).holding


def test_holding_and_blackout_are_kept_apart() -> None:
    """Blackout wins on the screen, but each keeps its own state: lifting the blackout brings the slide back."""
    engine = ShowEngine(seed())
    engine.execute("holding", at(13, 20), {"on": True})
    engine.execute("blackout", at(13, 20), {"display": "projector", "on": True})
    state = engine.state(at(13, 20))
    assert state.holding and state.blackout == {"projector"}
    engine.execute("blackout", at(13, 21), {"display": "projector", "on": False})
    assert engine.state(at(13, 21)).holding


def test_a_checkpoint_keeps_the_holding_slide() -> None:
    engine = ShowEngine(seed())
    engine.execute("holding", at(13, 20), {"on": True})
    live, undo = checkpoint_from_json(checkpoint_to_json(engine.live, engine.undo_stack), len(seed().slots))
    assert live.holding and not undo[0].holding


def test_a_checkpoint_written_before_the_holding_slide_still_loads() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    data = checkpoint_to_json(engine.live, engine.undo_stack)
    for state in (data["live"], *data["undo"]):
        del state["holding"]
    live, undo = checkpoint_from_json(data, len(seed().slots))
    assert not live.holding and live.index == 0 and len(undo) == 1
