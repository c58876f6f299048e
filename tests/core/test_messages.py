"""Messages that leave with their slot: cleared when the show moves on, unless pinned; one for the moderator."""

from __future__ import annotations

import pytest

from runofshow.core import words
from runofshow.core.clock import Instant
from runofshow.core.show import ShowEngine, ShowPhase
from tests.core.helpers import at, seed


def running_welcome() -> ShowEngine:
    engine = ShowEngine(seed())
    assert engine.execute("go", at(13, 30)).accepted
    return engine


def send(engine: ShowEngine, now: Instant, text: str, **args: object) -> None:
    outcome = engine.execute("message", now, {"text": text, **args})
    assert outcome.accepted, outcome.message


# -- cleared when the show moves to another slot -------------------------------------------------------


@pytest.mark.parametrize(("command", "args"), [
    ("go", {}), ("next", {}), ("goto", {"slot": "break"}),
])
def test_a_message_leaves_when_the_show_moves_on(command: str, args: dict[str, object]) -> None:
    engine = running_welcome()
    send(engine, at(13, 40), "Mic 3 is dead, use 4")
    assert engine.state(at(13, 41)).message == "Mic 3 is dead, use 4"
    assert engine.execute(command, at(13, 45), args).accepted
    assert engine.state(at(13, 45)).message == ""


def test_a_message_leaves_when_the_show_goes_back_to_the_previous_slot() -> None:
    engine = running_welcome()
    assert engine.execute("next", at(13, 45)).accepted
    send(engine, at(13, 46), "Slides frozen, talk on")
    assert engine.execute("previous", at(13, 47)).accepted
    assert engine.state(at(13, 47)).message == ""


def test_a_message_sent_before_the_show_leaves_on_the_first_go() -> None:
    engine = ShowEngine(seed())
    send(engine, at(13, 20), "Doors open")
    assert engine.state(at(13, 25)).message == "Doors open"
    assert engine.execute("go", at(13, 30)).accepted
    assert engine.state(at(13, 30)).message == ""


def test_a_message_on_the_last_slot_is_not_left_on_the_show_is_over() -> None:
    engine = running_welcome()
    assert engine.execute("goto", at(16, 15), {"slot": "reception"}).accepted
    send(engine, at(16, 50), "Mic 3 is dead, use 4")
    assert engine.execute("next", at(17, 0)).accepted
    state = engine.state(at(17, 0))
    assert state.phase is ShowPhase.FINISHED
    assert state.message == ""


def test_in_roll_mode_the_plan_s_slot_change_takes_the_message_away() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("roll", at(13, 35), {"on": True}).accepted
    send(engine, at(13, 40), "Wrap up in 3")
    assert engine.state(at(13, 44, 59)).message == "Wrap up in 3"
    assert engine.state(at(13, 45)).message == ""
    assert engine.state(at(13, 44)).message == "Wrap up in 3", "state() only reads: an earlier moment still shows it"


def test_at_the_plan_s_end_in_roll_mode_the_message_goes_with_the_show() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("roll", at(16, 30), {"on": True}).accepted
    send(engine, at(16, 50), "Bar closes at 17:00")
    assert engine.state(at(16, 59)).message == "Bar closes at 17:00"
    final = engine.state(at(17, 1))
    assert final.phase is ShowPhase.FINISHED and final.message == ""


def test_reset_and_go_again_keep_the_message_the_slot_is_the_same() -> None:
    engine = running_welcome()
    send(engine, at(13, 31), "Mic 3 is dead, use 4")
    assert engine.execute("reset", at(13, 32)).accepted
    assert engine.state(at(13, 32)).message == "Mic 3 is dead, use 4"
    assert engine.execute("go", at(13, 33)).accepted
    assert engine.state(at(13, 33)).message == "Mic 3 is dead, use 4"
    assert engine.execute("go", at(13, 45)).accepted
    assert engine.state(at(13, 45)).message == ""


def test_a_slot_visited_again_does_not_bring_its_old_message_back() -> None:
    engine = running_welcome()
    send(engine, at(13, 40), "Mic 3 is dead, use 4")
    assert engine.execute("next", at(13, 45)).accepted
    assert engine.execute("previous", at(13, 46)).accepted
    assert engine.state(at(13, 46)).current.id == "welcome"  # type: ignore[union-attr]
    assert engine.state(at(13, 46)).message == ""


def test_a_message_gone_with_its_slot_cannot_be_cleared_or_pinned() -> None:
    engine = running_welcome()
    send(engine, at(13, 40), "Wrap up")
    assert engine.execute("next", at(13, 45)).accepted
    cleared = engine.execute("clear_message", at(13, 46))
    assert not cleared.accepted and cleared.message == words.NO_MESSAGE_TO_CLEAR
    assert not engine.execute("pin_message", at(13, 46), {"on": True}).accepted


# -- pinned ------------------------------------------------------------------------------------------------


def test_a_pinned_message_stays_through_slot_changes_until_cleared() -> None:
    engine = running_welcome()
    send(engine, at(13, 40), "Fire exit is on the left", pin=True)
    for minute, command in ((45, "go"), (50, "next"), (55, "previous")):
        assert engine.execute(command, at(13, minute)).accepted
        state = engine.state(at(13, minute))
        assert state.message == "Fire exit is on the left" and state.message_pinned
    assert engine.execute("clear_message", at(13, 56)).accepted
    assert engine.state(at(13, 56)).message == ""


def test_a_pinned_message_stays_through_roll_mode_s_slot_changes() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("roll", at(13, 35), {"on": True}).accepted
    send(engine, at(13, 40), "Fire exit is on the left", pin=True)
    assert engine.state(at(14, 30)).message == "Fire exit is on the left"


def test_pin_and_unpin_the_message_shown_unpinned_it_goes_at_the_next_slot_not_at_once() -> None:
    engine = running_welcome()
    send(engine, at(13, 40), "Mic 3 is dead, use 4")
    pinned = engine.execute("pin_message", at(13, 41), {"on": True})
    assert pinned.accepted and pinned.message == words.message_pinned("stage", True)
    assert engine.execute("go", at(13, 45)).accepted
    assert engine.state(at(13, 45)).message_pinned
    assert engine.execute("pin_message", at(13, 46), {"on": False}).accepted
    state = engine.state(at(13, 46))
    assert state.message == "Mic 3 is dead, use 4" and not state.message_pinned
    assert engine.execute("go", at(14, 0)).accepted
    assert engine.state(at(14, 0)).message == ""


def test_pinning_twice_and_pinning_nothing_are_refused_with_a_reason() -> None:
    engine = running_welcome()
    nothing = engine.execute("pin_message", at(13, 40), {"on": True})
    assert not nothing.accepted and nothing.message == words.no_message_to_pin("stage", True)
    send(engine, at(13, 40), "Wrap up", pin=True)
    again = engine.execute("pin_message", at(13, 41), {"on": True})
    assert not again.accepted and again.message == words.message_already_pinned("stage", True)


# -- undo ----------------------------------------------------------------------------------------------------


def test_undo_of_the_go_that_took_a_message_away_brings_it_back_exactly() -> None:
    engine = running_welcome()
    send(engine, at(13, 40), "Mic 3 is dead, use 4")
    assert engine.execute("go", at(13, 45)).accepted
    assert engine.execute("undo", at(13, 45, 5)).accepted
    state = engine.state(at(13, 46))
    assert state.message == "Mic 3 is dead, use 4" and not state.message_pinned
    assert engine.execute("go", at(13, 47)).accepted  # and it still leaves with the slot
    assert engine.state(at(13, 47)).message == ""


def test_undo_of_a_clear_and_of_a_pin_restores_each() -> None:
    engine = running_welcome()
    send(engine, at(13, 40), "Wrap up")
    assert engine.execute("pin_message", at(13, 41), {"on": True}).accepted
    assert engine.execute("clear_message", at(13, 42)).accepted
    assert engine.execute("undo", at(13, 43)).accepted
    assert engine.state(at(13, 43)).message == "Wrap up" and engine.state(at(13, 43)).message_pinned
    assert engine.execute("undo", at(13, 44)).accepted
    assert engine.state(at(13, 44)).message == "Wrap up" and not engine.state(at(13, 44)).message_pinned


# -- the moderator's message -----------------------------------------------------------------------------


def test_a_moderator_message_is_its_own_and_leaves_with_its_slot_too() -> None:
    engine = running_welcome()
    send(engine, at(13, 40), "Mic 3 is dead, use 4")
    send(engine, at(13, 41), "Take one more question", to="moderator")
    state = engine.state(at(13, 41))
    assert state.message == "Mic 3 is dead, use 4"
    assert state.moderator_message == "Take one more question"
    assert engine.execute("clear_message", at(13, 42), {"to": "moderator"}).accepted
    state = engine.state(at(13, 42))
    assert state.moderator_message == "" and state.message == "Mic 3 is dead, use 4"
    send(engine, at(13, 43), "Panel runs 5 min late", to="moderator", pin=True)
    assert engine.execute("go", at(13, 45)).accepted
    state = engine.state(at(13, 45))
    assert state.moderator_message == "Panel runs 5 min late" and state.moderator_message_pinned
    assert state.message == ""


def test_message_targets_are_bounded_and_only_the_stage_flashes() -> None:
    engine = running_welcome()
    wrong = engine.execute("message", at(13, 40), {"text": "Hi", "to": "audience"})
    assert not wrong.accepted and "stage, moderator" in wrong.message
    too_long = engine.execute("message", at(13, 40), {"text": "Hi", "to": "x" * 21})
    assert too_long.invalid
    flash = engine.execute("message", at(13, 40), {"text": "Hi", "to": "moderator", "flash": True})
    assert not flash.accepted and flash.message == words.FLASH_STAGE_ONLY
    pin = engine.execute("message", at(13, 40), {"text": "Hi", "pin": "yes"})
    assert pin.invalid
    nothing = engine.execute("clear_message", at(13, 40), {"to": "moderator"})
    assert not nothing.accepted and nothing.message == words.no_message_to_clear("moderator")


def test_the_last_line_says_where_a_message_went_and_whether_it_is_pinned() -> None:
    engine = running_welcome()
    to_stage = engine.execute("message", at(13, 40), {"text": "Wrap  up"})
    assert to_stage.message == "message: Wrap up"
    to_moderator = engine.execute("message", at(13, 40), {"text": "Last question", "to": "moderator", "pin": True})
    assert to_moderator.message == "moderator message: Last question (pinned)"
    assert engine.execute("clear_message", at(13, 41), {"to": "moderator"}).message == "moderator message cleared"
