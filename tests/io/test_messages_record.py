"""Messages in the show record and in the agenda: replayed, checkpointed, and preset in the file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from runofshow.core import words
from runofshow.core.agenda_diff import describe_changes
from runofshow.core.live import Live
from runofshow.core.show import ShowEngine
from runofshow.io.agenda_yaml import parse_agenda
from runofshow.io.journal import latest_journal, read_journal, replay
from runofshow.io.live_codec import LiveDecodeError, checkpoint_from_json, checkpoint_to_json
from runofshow.io.plan_codec import plan_from_json, plan_to_json
from runofshow.io.problems import Severity
from runofshow.io.session import ShowSession
from tests.core.helpers import at, seed
from tests.io.test_journal import AGENDA_PATH

SLOTS = "slots:\n  - {id: one, title: One, start: '10:00', end: '10:30'}\n"
EVENT = "event: {title: Test, date: 2023-11-30, timezone: Europe/Brussels}\n"


def messages_shown(engine: ShowEngine, minute: int) -> tuple[str, bool, str, bool]:
    state = engine.state(at(14, minute))
    return state.message, state.message_pinned, state.moderator_message, state.moderator_message_pinned


def a_show_with_messages(session: ShowSession) -> None:
    session.run("go", at(13, 30))
    session.run("message", at(13, 40), {"text": "Fire exit on the left", "pin": True})
    session.run("message", at(13, 41), {"text": "Panel runs late", "to": "moderator"})
    session.run("go", at(13, 45))  # the moderator message leaves, the pinned stage message stays
    session.run("message", at(13, 50), {"text": "Ask the last question", "to": "moderator"})
    session.run("pin_message", at(13, 51), {"on": True, "to": "moderator"})
    session.run("pin_message", at(13, 52), {"on": False})


def test_a_replayed_record_rebuilds_both_messages_and_their_pins(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    a_show_with_messages(session)
    journal = latest_journal(tmp_path, AGENDA_PATH)
    assert journal is not None
    replayed = replay(seed(), read_journal(journal)).engine
    assert messages_shown(replayed, 0) == ("Fire exit on the left", False, "Ask the last question", True)
    assert replayed.live == session.engine.live
    assert replayed.undo_stack == session.engine.undo_stack
    replayed.execute("go", at(14, 1))  # unpinned, the stage message goes at the next slot; pinned, not
    assert messages_shown(replayed, 1) == ("", False, "Ask the last question", True)


def test_a_checkpoint_keeps_both_messages_their_pins_and_their_places(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    a_show_with_messages(session)
    engine = session.engine
    live, undo = checkpoint_from_json(checkpoint_to_json(engine.live, engine.undo_stack), len(seed().slots))
    assert (live, undo) == (engine.live, engine.undo_stack)
    restored = ShowEngine.restored(seed(), live, undo)
    assert messages_shown(restored, 0) == messages_shown(engine, 0)
    for _ in range(3):
        restored.execute("undo", at(14, 0))
    assert messages_shown(restored, 0) == ("Fire exit on the left", True, "", False)


def test_an_old_checkpoint_without_places_loads_and_keeps_its_message_until_cleared() -> None:
    old = checkpoint_to_json(Live(index=0, running_since=at(13, 30).t, message="Mic 3 is dead"), ())
    for key in ("message_pinned", "message_at", "moderator_message", "moderator_pinned", "moderator_at"):
        del old["live"][key]
    live, _undo = checkpoint_from_json(old, len(seed().slots))
    assert live.message == "Mic 3 is dead" and live.moderator_message == ""
    engine = ShowEngine.restored(seed(), live)
    assert engine.execute("go", at(13, 45)).accepted
    assert engine.state(at(13, 45)).message == "Mic 3 is dead", "written before messages left with their slot"


@pytest.mark.parametrize("place", [[None, -1, False], ["one", 1], "one", [None, 0, "no"], [3, 0, False]])
def test_a_damaged_message_place_is_refused_not_trusted(place: object) -> None:
    data = checkpoint_to_json(Live(message="Hi"), ())
    data["live"]["message_at"] = place
    with pytest.raises(LiveDecodeError):
        checkpoint_from_json(data, len(seed().slots))


# -- preset messages in the agenda -----------------------------------------------------------------------


def test_the_agenda_s_messages_are_presets_in_order_with_white_space_collapsed() -> None:
    text = EVENT + "messages:\n  - Please wrap up\n  - 'Mic 3 is dead,   use 4'\n" + SLOTS
    result = parse_agenda(text, "show.yaml")
    assert result.agenda is not None, [str(p) for p in result.problems]
    assert result.agenda.messages == ("Please wrap up", "Mic 3 is dead, use 4")
    assert ShowEngine(result.agenda).state(at(9, 0)).message_presets == result.agenda.messages


@pytest.mark.parametrize(("messages", "line", "column", "words"), [
    ("messages: Please wrap up\n", 2, 11, "`messages` must be a list"),
    ("messages:\n  - ''\n", 3, 5, "a message is empty"),
    ("messages:\n  - {text: Hi}\n", 3, 5, "a message must be text"),
    ("messages:\n  - " + "x" * 281 + "\n", 3, 5, "has 281 characters; the stage shows at most 280"),
    ('messages:\n  - "Bell \\a"\n', 3, 5, "cannot be sent"),
])
def test_a_bad_preset_message_is_an_error_at_its_line_and_column(messages: str, line: int, column: int,
                                                                  words: str) -> None:
    result = parse_agenda(EVENT + messages + SLOTS, "show.yaml")
    assert result.agenda is None
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert any((p.line, p.column) == (line, column) and words in p.message for p in errors), \
        [str(p) for p in result.problems]
    assert any(str(p).startswith(f"show.yaml:{line}:{column}:") for p in errors)


def test_more_than_nine_presets_keep_the_first_nine_with_a_note_and_a_repeat_gets_one_key() -> None:
    items = "".join(f"  - Message {n}\n" for n in range(1, 12))
    result = parse_agenda(EVENT + "messages:\n  - Message 1\n" + items + SLOTS, "show.yaml")
    assert result.agenda is not None
    assert result.agenda.messages == tuple(f"Message {n}" for n in range(1, 10))
    notes = [p for p in result.problems if p.severity is Severity.NOTE]
    assert [(p.line, "twice" in p.message, "first 9" in p.message) for p in notes] == [
        (4, True, False), (13, False, True)]


def test_the_recorded_plan_keeps_the_presets_and_an_old_plan_without_them_loads() -> None:
    with_presets = replace(seed(), messages=("Please wrap up", "Mic check"))
    assert plan_from_json(plan_to_json(with_presets)).messages == ("Please wrap up", "Mic check")
    old = plan_to_json(seed())
    del old["messages"]
    assert plan_from_json(old).messages == ()


def test_an_agenda_edited_only_in_its_messages_counts_as_changed_so_the_watcher_reloads_it() -> None:
    assert describe_changes(seed(), replace(seed(), messages=("Mic check",))) == [words.PRESET_MESSAGES_CHANGED]
    assert describe_changes(seed(), seed()) == []
