"""Plan commands in the show record: journaled, replayed to the same show, and restored after a crash."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.show import ShowEngine
from runofshow.io.journal import latest_journal, read_journal, replay
from runofshow.io.plan_codec import PlanDecodeError, plan_from_json, plan_to_json
from runofshow.io.report import build_report
from runofshow.io.session import ShowSession, find_resumable
from tests.core.helpers import at, seed
from tests.io.test_journal import AGENDA_PATH, comparable

EDITS: list[tuple[str, Instant, dict[str, object]]] = [
    ("insert_slot", at(13, 40), {"after": "welcome", "title": "Surprise guest", "duration": 300, "id": "guest",
                                 "speakers": ["Kari Nordmann, Mayor, Oslo"]}),
    ("edit_slot", at(13, 41), {"slot": "policy-panel", "duration": 1200}),
    ("shift", at(13, 42), {"minutes": 5, "from": "agder"}),
    ("move_slot", at(13, 43), {"slot": "closing", "after": "reception"}),
    ("skip_slot", at(13, 44), {"slot": "whitepaper", "on": True}),
    ("delete_slot", at(13, 45), {"slot": "belgian-presidency"}),
    ("undo", at(13, 46), {}),
]


def same_show(engine: ShowEngine, other: ShowEngine, now: Instant) -> None:
    assert other.agenda == engine.agenda
    assert other.live == engine.live
    assert other.undo_stack == engine.undo_stack and other.undo_plans == engine.undo_plans
    assert comparable(other.state(now)) == comparable(engine.state(now))
    assert other.state(now).expected == engine.state(now).expected


def test_replay_after_each_plan_command_equals_the_live_show(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    assert session.run("go", at(13, 30)).accepted
    for name, now, args in EDITS:
        assert session.run(name, now, args).accepted, name
        contents = read_journal(latest_journal(tmp_path, AGENDA_PATH))  # type: ignore[arg-type]
        assert contents.commands[-1].name == name  # journaled like every command
        same_show(session.engine, replay(seed(), contents).engine, now)


def test_a_replay_from_the_first_checkpoint_runs_the_plan_commands_and_agrees(tmp_path: Path) -> None:
    """Every checkpoint after the first is damaged: the plan commands themselves rebuild the plan."""
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    for name, now, args in EDITS:
        session.run(name, now, args)
    path = latest_journal(tmp_path, AGENDA_PATH)
    assert path is not None
    lines = path.read_text(encoding="utf-8").splitlines()
    checkpoints = [i for i, line in enumerate(lines) if '"@checkpoint"' in line]
    assert len(checkpoints) > 2  # one at the start, and one after each accepted plan change
    for index in checkpoints[1:]:
        record = json.loads(lines[index])
        record["args"]["state"] = "damaged"
        lines[index] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    replayed = replay(seed(), read_journal(path))
    same_show(session.engine, replayed.engine, at(13, 47))


def test_a_crash_after_edits_restores_the_edited_plan_and_its_undo(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    for name, now, args in EDITS[:3]:
        session.run(name, now, args)
    # kill -9: nothing closed; a restart on the agenda file as it was
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(13, 50))
    assert found is not None and found.engine is not None
    same_show(session.engine, found.engine, at(13, 50))
    resumed = ShowSession(seed(), AGENDA_PATH, tmp_path)
    resumed.resume(found, at(13, 50))
    # the same undo undoes the last edit after the restart, and a second restart agrees
    assert resumed.run("undo", at(13, 51)).accepted
    assert resumed.engine.agenda.index_of("guest") is not None
    assert resumed.engine.agenda.slots[resumed.engine.agenda.index_of("agder") or 0].start.minute == 10
    again = find_resumable(tmp_path, AGENDA_PATH, seed(), at(13, 52))
    assert again is not None and again.engine is not None
    same_show(resumed.engine, again.engine, at(13, 52))


def test_the_report_lists_a_slot_that_ran_and_was_deleted_afterwards(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    session.run("next", at(13, 45))
    assert session.run("delete_slot", at(13, 46), {"slot": "welcome"}).accepted
    state = session.state(at(13, 47))
    assert [run.slot_id for run in state.runs] == ["welcome"]
    report = build_report(session.engine)
    gone = [row for row in report.rows if row.slot_id == "welcome"]
    assert len(gone) == 1 and gone[0].status == "done" and gone[0].actual_seconds == 15 * 60


@pytest.mark.parametrize("name", ["insert_slot", "edit_slot", "delete_slot"])
def test_a_refused_plan_command_writes_nothing(tmp_path: Path, name: str) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    args: dict[str, object] = {"slot": "welcome"} if name == "delete_slot" else (
        {"slot": "nope", "title": "x"} if name == "edit_slot" else {"after": "nope", "title": "x", "duration": 60})
    assert not session.run(name, at(13, 31), args).accepted
    contents = read_journal(latest_journal(tmp_path, AGENDA_PATH))  # type: ignore[arg-type]
    assert [c.name for c in contents.commands] == ["go"]


def test_a_checkpoint_after_a_deletion_keeps_an_undo_that_points_past_the_shorter_plan(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("goto", at(16, 15), {"slot": "reception"})  # the last slot, index 9
    session.run("message", at(16, 16), {"text": "Coats in the hall"})  # an undo entry on index 9
    assert session.run("delete_slot", at(16, 17), {"slot": "closing"}).accepted
    assert session.engine.live.index == 8
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(16, 18))
    assert found is not None and found.engine is not None and not found.problems
    same_show(session.engine, found.engine, at(16, 18))
    assert found.engine.execute("undo", at(16, 19)).accepted
    assert found.engine.agenda == seed() and found.engine.live.index == 9


# -- the agenda file and the recorded plan know hard and skipped slots ---------------------------------------


def test_the_loader_reads_hard_and_skip_and_says_where_a_wrong_value_is() -> None:
    from runofshow.io.agenda_yaml import parse_agenda

    text = ("event: {title: T, date: 2023-11-30, timezone: Europe/Brussels}\nslots:\n"
            "  - {id: a, title: A, start: '10:00', duration: 30m, hard: true}\n"
            "  - {id: b, title: B, start: '10:30', duration: 30m, skip: true}\n"
            "  - {id: c, title: C, start: '11:00', duration: 30m, hard: sometimes}\n")
    result = parse_agenda(text, "t.yaml")
    assert [str(p) for p in result.errors] == ["t.yaml:5:60: `hard` must be true or false, found 'sometimes'"]
    fixed = parse_agenda(text.replace("hard: sometimes", "hard: false"), "t.yaml").agenda
    assert fixed is not None
    assert [(s.hard, s.skipped) for s in fixed.slots] == [(True, False), (False, True), (False, False)]


def test_the_seed_marks_the_return_from_the_break_hard() -> None:
    plan = seed()
    assert [s.id for s in plan.slots if s.hard] == ["agder"]


def test_a_recorded_plan_keeps_hard_and_skipped_and_an_older_record_without_them_loads() -> None:
    from dataclasses import replace

    from runofshow.io.plan_codec import plan_from_json, plan_to_json

    plan = seed()
    skipped = replace(plan, slots=(replace(plan.slots[0], skipped=True), *plan.slots[1:]))
    assert plan_from_json(plan_to_json(skipped)) == skipped
    old = plan_to_json(plan)
    for slot in old["slots"]:
        del slot["hard"], slot["skipped"]
    assert all(not s.hard and not s.skipped for s in plan_from_json(old).slots)


@pytest.mark.parametrize("damage", [{"plans": 7}, {"plans": ["x"]}, {"undo_plans": [99]}, {"undo_plans": "x"},
                                    {"undo_plans": [None]}])
def test_a_checkpoint_with_damaged_undo_plans_is_passed_over_and_the_commands_replayed(
        tmp_path: Path, damage: dict[str, object]) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    session.run("insert_slot", at(13, 31), {"after": "welcome", "title": "Guest", "duration": 60})
    session.run("edit_slot", at(13, 32), {"slot": "closing", "duration": 600})
    path = latest_journal(tmp_path, AGENDA_PATH)
    assert path is not None
    lines = path.read_text(encoding="utf-8").splitlines()
    last = max(i for i, line in enumerate(lines) if '"@checkpoint"' in line)
    record = json.loads(lines[last])
    assert "undo_plans" in record["args"]
    record["args"].update(damage)
    lines[last] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    replayed = replay(seed(), read_journal(path))
    assert any("checkpoint passed over" in p for p in replayed.problems)
    same_show(session.engine, replayed.engine, at(13, 33))


# -- the crew's columns and cues ----------------------------------------------------------------------------

CREW_COLUMNS = ("Audio", "Video", "Lighting", "Stage")


def crew_seed() -> Agenda:
    plan = replace(seed(), columns=CREW_COLUMNS)
    return replace(plan, slots=(replace(plan.slots[0], crew=(("Audio", "lectern mic"), ("Video", "camera 1"))),
                                *plan.slots[1:]))


def test_a_recorded_plan_keeps_columns_and_crew_cues_and_an_older_record_without_them_loads() -> None:
    plan = crew_seed()
    decoded = plan_from_json(json.loads(json.dumps(plan_to_json(plan))))
    assert decoded == plan and decoded.columns == CREW_COLUMNS
    # A plan made in code may hold cues of a column it does not list: it is recorded and replayed as it was.
    odd = replace(plan, columns=())
    assert plan_from_json(plan_to_json(odd)) == odd
    assert decoded.slots[0].crew == (("Audio", "lectern mic"), ("Video", "camera 1"))
    old = plan_to_json(plan)
    del old["columns"]
    for slot in old["slots"]:
        del slot["crew"]
    older = plan_from_json(old)
    assert older.columns == () and all(s.crew == () for s in older.slots)


@pytest.mark.parametrize("damage", [
    {"columns": "Audio"}, {"columns": [1]}, {"columns": ["Audio", "audio"]},
    {"crew": [["Audio"]]}, {"crew": [["Audio", 3]]}, {"crew": {"Audio": "x"}}, {"crew": [["", "x"]]},
    {"crew": [["Audio", "x" * 201]]}, {"crew": [["Audio", "x"]] * 21}, {"crew": "Audio: x"},
])
def test_a_recorded_plan_with_damaged_columns_or_crew_cues_is_refused(damage: dict[str, object]) -> None:
    recorded = plan_to_json(crew_seed())
    if "columns" in damage:
        recorded["columns"] = damage["columns"]
    else:
        recorded["slots"][0]["crew"] = damage["crew"]
    with pytest.raises(PlanDecodeError):
        plan_from_json(recorded)


def test_crew_edits_survive_a_checkpoint_a_replay_and_a_restart_with_their_undo(tmp_path: Path) -> None:
    session = ShowSession(crew_seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    assert session.run("edit_slot", at(13, 31), {"slot": "policy-panel",
                                                 "crew": ["Audio: handhelds 3-5", "Stage: four chairs"]}).accepted
    assert session.run("insert_slot", at(13, 32), {"after": "welcome", "title": "Guest", "duration": 60,
                                                   "id": "guest", "crew": ["Video: camera 2 on the guest"]}).accepted
    contents = read_journal(latest_journal(tmp_path, AGENDA_PATH))  # type: ignore[arg-type]
    same_show(session.engine, replay(crew_seed(), contents).engine, at(13, 33))
    found = find_resumable(tmp_path, AGENDA_PATH, crew_seed(), at(13, 33))  # kill -9, then a restart
    assert found is not None and found.engine is not None
    same_show(session.engine, found.engine, at(13, 33))
    plan = found.engine.agenda
    assert plan.columns == CREW_COLUMNS
    assert plan.slots[plan.index_of("policy-panel") or 0].crew == (("Audio", "handhelds 3-5"),
                                                                   ("Stage", "four chairs"))
    assert plan.slots[plan.index_of("guest") or 0].crew == (("Video", "camera 2 on the guest"),)
    resumed = ShowSession(crew_seed(), AGENDA_PATH, tmp_path)
    resumed.resume(found, at(13, 34))
    assert resumed.run("undo", at(13, 35)).accepted and resumed.run("undo", at(13, 35)).accepted
    assert resumed.engine.agenda == crew_seed()
