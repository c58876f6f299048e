"""Every command in every phase: accepted with a status line, or refused with a reason."""

from __future__ import annotations

import pytest

from runofshow.core import words
from runofshow.core.clock import Instant
from runofshow.core.commands import COMMANDS, PLAN_COMMANDS
from runofshow.core.handlers import HANDLERS
from runofshow.core.plan_edits import PLAN_HANDLERS
from runofshow.core.show import FLASH_SECONDS, ShowEngine, ShowPhase
from tests.core.helpers import at, seed


def in_phase(phase: str) -> ShowEngine:
    """An engine on the seed programme in the named phase, at 13:40."""
    engine = ShowEngine(seed())
    if phase == "pre-show":
        return engine
    engine.execute("go", at(13, 30))
    if phase == "paused":
        engine.execute("pause", at(13, 35))
    elif phase == "between":
        engine.execute("reset", at(13, 35))
    elif phase == "finished":
        engine.execute("goto", at(13, 35), {"slot": "reception"})
        engine.execute("next", at(13, 36))
    elif phase == "roll":
        engine.execute("roll", at(13, 36), {"on": True})
    return engine


ARGS: dict[str, dict[str, object]] = {
    "goto": {"slot": "break"}, "add_time": {"seconds": 60}, "message": {"text": "Wrap up"},
    "blackout": {"display": "stage", "on": True}, "roll": {"on": True},
    "pin_message": {"on": True},  # refused everywhere here: no message is shown
    "holding": {"on": True},
    # the plan commands (core/plan_edits.py): each on a slot that is not on, so every phase but roll accepts
    "insert_slot": {"after": "welcome", "title": "Surprise guest", "duration": 300},
    "edit_slot": {"slot": "closing", "duration": 600}, "delete_slot": {"slot": "closing"},
    "move_slot": {"slot": "closing", "after": "reception"}, "skip_slot": {"slot": "closing", "on": True},
    "shift": {"minutes": 5},
}

# Which commands each phase accepts. Everything else must be refused with a reason.
ACCEPTED = {
    "pre-show": {"go", "goto", "message", "flash", "blackout", "roll"},
    "running": {"go", "next", "goto", "pause", "add_time", "reset", "undo", "message", "flash", "blackout", "roll"},
    "paused": {"go", "next", "goto", "resume", "add_time", "reset", "undo", "message", "flash", "blackout", "roll"},
    "between": {"go", "next", "goto", "add_time", "undo", "message", "flash", "blackout", "roll"},
    "finished": {"previous", "goto", "undo", "message", "flash", "blackout", "roll"},
    "roll": {"undo", "message", "flash", "blackout"},
}
for _accepted in ACCEPTED.values():
    _accepted.add("holding")  # the projector's holding slide goes on in any phase, in roll mode too
for _phase, _accepted in ACCEPTED.items():
    if _phase != "roll":  # roll mode refuses plan edits: the plan drives the show there
        # After the show no slot is still to come, so a shift without `from` has nothing to move.
        _accepted |= PLAN_COMMANDS - ({"shift"} if _phase == "finished" else set())


@pytest.mark.parametrize("phase", list(ACCEPTED))
@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_is_accepted_or_refused_with_a_reason_in_each_phase(phase: str, name: str) -> None:
    engine = in_phase(phase)
    before = engine.state(at(13, 40))
    outcome = engine.execute(name, at(13, 40), ARGS.get(name, {}))
    assert outcome.message, "every outcome says something the operator can read"
    assert not outcome.invalid
    expected = name in ACCEPTED[phase] or (name == "previous" and phase in ("running", "paused", "between"))
    if name == "previous" and phase in ("running", "paused", "between"):
        expected = False  # on the first slot there is nothing before it
    assert outcome.accepted is expected, (phase, name, outcome.message)
    if not outcome.accepted:
        assert engine.state(at(13, 40)) == before  # a refusal changes nothing


def test_previous_goes_back_and_starts_the_earlier_slot_again() -> None:
    engine = in_phase("running")
    engine.execute("next", at(13, 45))
    assert engine.execute("previous", at(13, 46)).accepted
    state = engine.state(at(13, 47))
    assert state.current is not None and state.current.id == "welcome" and state.elapsed == 60
    assert [r.slot_id for r in state.runs] == ["welcome", "status-norway"]


def test_reset_waits_for_go_and_go_starts_the_slot_from_zero() -> None:
    engine = in_phase("running")
    engine.execute("add_time", at(13, 31), {"seconds": 120})
    engine.execute("reset", at(13, 32))
    state = engine.state(at(13, 33))
    assert state.phase is ShowPhase.BETWEEN and state.elapsed == 0 and state.added == 0
    assert state.countdown == "15:00"
    engine.execute("go", at(13, 34))
    assert engine.state(at(13, 35)).countdown == "14:00"


def test_undo_of_a_mis_keyed_next_brings_the_slot_and_its_elapsed_time_back_exactly() -> None:
    engine = in_phase("running")
    engine.execute("next", at(13, 36))
    assert engine.execute("undo", at(13, 37)).accepted
    state = engine.state(at(13, 38))
    assert state.current is not None and state.current.id == "welcome"
    assert state.elapsed == 8 * 60  # as if it had never stopped
    assert state.runs == ()
    assert state.last_command == "undid next: Innovation procurement, challenges and possibilities for Europe; " \
                                 "what's the status in Norway?"


def test_undo_of_previous_and_goto() -> None:
    engine = in_phase("running")
    engine.execute("next", at(13, 45))
    reference = engine.state(at(13, 50))
    engine.execute("previous", at(13, 47))
    engine.execute("undo", at(13, 48))
    restored = engine.state(at(13, 50))
    assert (restored.current, restored.elapsed, restored.runs) == (reference.current, 300, reference.runs)
    engine.execute("goto", at(13, 49), {"slot": "policy-panel"})
    engine.execute("undo", at(13, 49))
    restored = engine.state(at(13, 50))
    assert (restored.current, restored.elapsed, restored.runs) == (reference.current, 300, reference.runs)


def test_undo_walks_back_several_commands_and_then_refuses() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    engine.execute("message", at(13, 31), {"text": "Five minutes"})
    engine.execute("pause", at(13, 32))
    assert engine.execute("undo", at(13, 33)).accepted
    assert engine.execute("undo", at(13, 33)).accepted
    assert engine.execute("undo", at(13, 33)).accepted
    assert engine.state(at(13, 33)).phase is ShowPhase.PRE_SHOW
    outcome = engine.execute("undo", at(13, 33))
    assert not outcome.accepted and outcome.message == "nothing to undo"


def test_a_message_can_flash_and_the_flash_ends_by_itself() -> None:
    engine = in_phase("running")
    engine.execute("message", at(13, 40), {"text": "  Please   wrap up ", "flash": True})
    state = engine.state(at(13, 40, 1))
    assert state.message == "Please wrap up" and state.flashing
    assert not engine.state(at(13, 40, FLASH_SECONDS)).flashing
    assert engine.execute("clear_message", at(13, 41)).accepted
    assert engine.state(at(13, 41)).message == ""
    assert not engine.execute("message", at(13, 41), {"text": "x" * 281}).accepted
    assert engine.execute("flash", at(13, 42)).accepted and engine.state(at(13, 42, 2)).flashing


def test_blackout_per_display_and_for_all() -> None:
    engine = in_phase("running")
    engine.execute("blackout", at(13, 40), {"display": "projector", "on": True})
    assert engine.state(at(13, 40)).blackout == {"projector"}
    engine.execute("blackout", at(13, 40), {"display": "all", "on": True})
    assert engine.state(at(13, 40)).blackout == {"projector", "stage", "moderator"}
    engine.execute("blackout", at(13, 40), {"display": "stage", "on": False})
    assert engine.state(at(13, 40)).blackout == {"projector", "moderator"}
    outcome = engine.execute("blackout", at(13, 40), {"display": "lobby", "on": True})
    assert not outcome.accepted and "unknown display 'lobby'" in outcome.message


def test_cues_follow_their_lengths_and_can_be_nudged() -> None:
    engine = ShowEngine(seed())
    engine.execute("goto", at(15, 40), {"slot": "policy-panel"})
    state = engine.state(at(15, 41))
    assert state.cue is not None and state.cue.index == 0 and state.cue.remaining == 120
    assert state.next_cue is not None and state.next_cue.speaker.name == "András G. Inotai"  # type: ignore[union-attr]
    state = engine.state(at(15, 43))  # the 3-minute introduction is over
    assert state.cue is not None and state.cue.index == 1 and state.cue.remaining == 240
    assert engine.execute("next_cue", at(15, 45)).accepted  # Inotai finished early
    state = engine.state(at(15, 45))
    assert state.cue is not None and state.cue.index == 2 and state.cue.remaining == 240
    assert engine.execute("previous_cue", at(15, 46)).accepted
    assert engine.state(at(15, 46)).cue.index == 1  # type: ignore[union-attr]
    late = engine.state(at(16, 20))  # long past the plan: the last cue runs over
    assert late.cue is not None and late.cue.index == 6 and late.cue.remaining < 0 and late.next_cue is None
    outcome = engine.execute("next_cue", at(16, 20))
    assert not outcome.accepted and outcome.message == "this is the last cue"


def test_cue_commands_on_a_slot_without_cues_are_refused() -> None:
    outcome = in_phase("running").execute("next_cue", at(13, 40))
    assert not outcome.accepted and "has no cues" in outcome.message


@pytest.mark.parametrize(
    ("name", "args", "reason"),
    [
        ("launch", {}, "unknown command 'launch'"),
        ("goto", {}, "'goto' needs 'slot'"),
        ("goto", {"slot": 3}, "'slot' must be text"),
        ("add_time", {"seconds": "60"}, "'seconds' must be a whole number"),
        ("add_time", {"seconds": True}, "'seconds' must be a whole number"),
        ("roll", {"on": 1}, "'on' must be true or false"),
        ("next", {"slot": "x"}, "'next' takes no argument 'slot'"),
    ],
)
def test_malformed_commands_are_invalid_not_exceptions(name: str, args: dict[str, object], reason: str) -> None:
    outcome = ShowEngine(seed()).execute(name, at(13, 0), args)
    assert not outcome.accepted and outcome.invalid
    assert outcome.message.startswith(reason)


def test_goto_an_unknown_slot_is_refused() -> None:
    outcome = in_phase("running").execute("goto", at(13, 40), {"slot": "keynote"})
    assert not outcome.accepted and outcome.message == "there is no slot with id 'keynote'"


def test_removing_time_below_zero_is_refused() -> None:
    outcome = in_phase("running").execute("add_time", at(13, 40), {"seconds": -900})
    assert not outcome.accepted and "cannot be shortened below zero" in outcome.message


def test_an_edited_agenda_keeps_the_current_slot_by_id() -> None:
    engine = in_phase("running")
    engine.execute("next", at(13, 45))
    agenda = seed()
    edited = agenda.__class__(agenda.event, agenda.slots[:1] + agenda.slots[2:3] + agenda.slots[1:2] + agenda.slots[3:])
    message = engine.replace_agenda(edited)
    state = engine.state(at(13, 50))
    assert state.current is not None and state.current.id == "status-norway" and state.index == 2
    assert state.elapsed == 300 and "still on" in message


def test_an_edited_agenda_without_the_current_slot_loads_a_neighbour_and_says_so() -> None:
    engine = in_phase("running")
    engine.execute("next", at(13, 45))
    agenda = seed()
    edited = agenda.__class__(agenda.event, agenda.slots[:1] + agenda.slots[2:])
    message = engine.replace_agenda(edited)
    state = engine.state(at(13, 50))
    assert state.phase is ShowPhase.BETWEEN and state.current is not None and state.current.id == "ec-objectives"
    assert "is no longer in the agenda" in message


# -- roll mode refuses the commands that move or time the show by hand ---------------------------------

BY_HAND = {"go", "next", "previous", "goto", "pause", "add_time", "reset", "next_cue", "previous_cue",
           *PLAN_COMMANDS}


def test_the_command_table_alone_says_which_commands_roll_mode_refuses() -> None:
    assert {name for name, spec in COMMANDS.items() if spec.refused_in_roll} == BY_HAND


@pytest.mark.parametrize("name", sorted(BY_HAND))
def test_roll_mode_refuses_each_manual_command_with_one_reason(name: str) -> None:
    engine = in_phase("roll")
    before = engine.live
    outcome = engine.execute(name, at(13, 40), ARGS.get(name, {}))
    assert (outcome.accepted, outcome.message) == (False, words.ROLL_REFUSAL)
    assert engine.live == before


@pytest.mark.parametrize("moment", [at(13, 0), at(18, 0)])
def test_add_time_in_roll_mode_with_no_slot_loaded_says_so_first(moment: Instant) -> None:
    engine = ShowEngine(seed())
    engine.execute("roll", moment, {"on": True})  # before the plan, or after it
    outcome = engine.execute("add_time", moment, {"seconds": 60})
    assert (outcome.accepted, outcome.message) == (False, "no slot is loaded")
    assert engine.execute("reset", moment).message == words.ROLL_REFUSAL  # reset says roll mode first


def test_every_command_but_undo_has_a_handler() -> None:
    assert set(HANDLERS) == set(COMMANDS) - {"undo"} - PLAN_COMMANDS
    assert set(PLAN_HANDLERS) == PLAN_COMMANDS  # the plan commands return a new plan: core/plan_edits.py
