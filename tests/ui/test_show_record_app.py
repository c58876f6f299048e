"""The show record through the real app: agenda edits, restarts on a changed file, a finished show."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from runofshow.core.show import ShowPhase
from runofshow.io.journal import journal_dir, read_journal
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import Rig, make_rig


def remove_slot(path: Path, slot_id: str, next_id: str) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.index(f"  - id: {slot_id}\n"), text.index(f"  - id: {next_id}\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def kill(rig: Rig) -> None:
    """The process dies: no shutdown, nothing saved on the way out."""
    assert rig.controller.bridge is not None
    rig.controller.bridge.stop()


def test_an_agenda_edit_during_the_show_is_in_the_record_and_a_restart_shows_what_the_operator_saw(
        qtbot: QtBot, tmp_path: Path) -> None:
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 30))
    bridge = first.controller.bridge
    assert bridge is not None
    bridge.run("go")
    first.at(at(13, 46))
    bridge.run("next")
    first.at(at(13, 55))
    bridge.run("next")  # ec-objectives runs
    remove_slot(first.agenda_path, "ec-objectives", "belgian-presidency")
    first.controller.watcher.check_now()
    first.at(at(13, 57))
    seen = bridge.state
    assert seen.phase is ShowPhase.BETWEEN and seen.current is not None and seen.current.id == "belgian-presidency"
    kill(first)
    prompts = FakePrompts()
    second = make_rig(qtbot, tmp_path, prompts, at(13, 58))
    state = second.controller.bridge.state  # type: ignore[union-attr]
    assert (state.phase, state.current, state.runs) == (seen.phase, seen.current, seen.runs)
    assert prompts.plan_offers == []  # the file is the plan in the record: nothing to ask
    second.controller.shutdown()


def test_a_file_edited_while_the_app_was_down_is_offered_and_kept_out_until_the_operator_applies_it(
        qtbot: QtBot, tmp_path: Path) -> None:
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(14, 20))
    assert first.controller.bridge is not None
    first.controller.bridge.run("goto", {"slot": "whitepaper"})
    kill(first)
    remove_slot(first.agenda_path, "agder", "policy-panel")
    keep = FakePrompts()
    second = make_rig(qtbot, tmp_path, keep, at(14, 25))
    assert len(keep.plan_offers) == 1 and keep.plan_offers[0][0].startswith("removed 'Delivering better health")
    bridge = second.controller.bridge
    assert bridge is not None
    assert "agder" in [slot.id for slot in bridge.state.slots]  # the recorded plan runs
    assert "kept the plan from the record" in second.window.last_command.text()
    kill(second)
    apply = FakePrompts()
    apply.plan_answer = True
    third = make_rig(qtbot, tmp_path, apply, at(14, 26))
    assert third.controller.bridge is not None
    state = third.controller.bridge.state
    assert "agder" not in [slot.id for slot in state.slots]
    assert state.current is not None and state.current.id == "whitepaper" and state.elapsed == 6 * 60
    assert "applied the edited agenda.yaml" in third.window.last_command.text()
    kill(third)
    # the applied file is now the recorded plan: the next restart asks nothing
    again = FakePrompts()
    fourth = make_rig(qtbot, tmp_path, again, at(14, 27))
    assert again.plan_offers == []
    fourth.controller.shutdown()


def test_a_show_killed_after_it_finished_restores_finished_with_its_message_and_blackout(
        qtbot: QtBot, tmp_path: Path) -> None:
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(16, 15))
    bridge = first.controller.bridge
    assert bridge is not None
    bridge.run("goto", {"slot": "reception"})
    bridge.run("message", {"text": "Thank you, safe home", "pin": True})  # pinned: it stays past the end
    bridge.run("blackout", {"display": "stage", "on": True})
    first.at(at(17, 0))
    bridge.run("next")
    assert bridge.state.phase is ShowPhase.FINISHED
    kill(first)
    prompts = FakePrompts()
    second = make_rig(qtbot, tmp_path, prompts, at(17, 5))
    assert prompts.resume_offers and prompts.resume_offers[0].summary().startswith("finished: the show ended at 17:00")
    state = second.controller.bridge.state  # type: ignore[union-attr]
    assert state.phase is ShowPhase.FINISHED
    assert state.message == "Thank you, safe home" and state.blackout == {"stage"}
    second.controller.shutdown()


def test_journals_passed_over_at_start_are_named_to_the_operator(qtbot: QtBot, tmp_path: Path) -> None:
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 30))
    assert first.controller.bridge is not None
    first.controller.bridge.run("go")
    kill(first)
    folder = journal_dir(tmp_path / "state", first.agenda_path)
    (folder / "show-20991231T000000.jsonl").mkdir()
    second = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 31))
    text = second.window.last_command.text()
    assert "Show record:" in text and "show-20991231T000000.jsonl" in text and "not a regular file" in text
    assert second.controller.bridge is not None and second.controller.bridge.state.phase is ShowPhase.RUNNING
    second.controller.shutdown()


def test_a_reload_is_written_to_the_journal_with_the_whole_plan(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    bridge.run("go")
    remove_slot(rig.agenda_path, "agder", "policy-panel")
    rig.controller.watcher.check_now()
    assert bridge.session.journal is not None
    names = [entry.name for entry in read_journal(bridge.session.journal.path).entries]
    assert names == ["@plan", "@checkpoint", "go", "@plan", "@checkpoint"]
