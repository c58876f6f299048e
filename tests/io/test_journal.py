"""The journal survives a crash: replay rebuilds the show, torn tails are cut, changed agendas reported."""

from __future__ import annotations

import json
from pathlib import Path

from runofshow.core.clock import Instant
from runofshow.core.show import ShowPhase
from runofshow.io.journal import Journal, journal_dir, latest_journal, read_journal, replay
from runofshow.io.session import ShowSession, find_resumable
from tests.core.helpers import at, seed

AGENDA_PATH = Path("agenda.yaml")


def run_a_show(state_dir: Path) -> ShowSession:
    """A realistic afternoon up to the break, with a pause, added time, a message, blackout and a mis-key."""
    session = ShowSession(seed(), AGENDA_PATH, state_dir)
    commands: list[tuple[str, Instant, dict[str, object]]] = [
        ("go", at(13, 31), {}),
        ("next", at(13, 47), {}),
        ("add_time", at(13, 55), {"seconds": 120}),
        ("next", at(14, 4), {}),
        ("next", at(14, 5), {}),  # mis-key
        ("undo", at(14, 5, 3), {}),
        ("pause", at(14, 10), {}),
        ("resume", at(14, 12), {}),
        ("message", at(14, 20), {"text": "Speaker 5 is in the green room", "flash": True, "pin": True}),
        ("blackout", at(14, 21), {"display": "projector", "on": True}),
        ("next", at(14, 24), {}),
        ("next", at(14, 38), {}),
        ("next", at(14, 52), {}),  # the break
    ]
    for name, now, args in commands:
        assert session.run(name, now, args).accepted, name
    return session


def comparable(state):  # type: ignore[no-untyped-def]
    return (state.phase, state.current, state.elapsed, state.remaining, state.message, state.blackout, state.runs,
            state.drift, state.roll, state.added, state.last_command)


def test_replay_rebuilds_the_show_exactly(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    later = at(14, 58)
    contents = read_journal(latest_journal(tmp_path, AGENDA_PATH))  # type: ignore[arg-type]
    assert contents.problems == ()
    assert len(contents.commands) == 13
    replayed = replay(seed(), contents)
    assert replayed.problems == []
    assert comparable(replayed.engine.state(later)) == comparable(session.state(later))


def test_after_a_crash_the_show_carries_on_as_if_it_had_kept_running(tmp_path: Path) -> None:
    run_a_show(tmp_path)  # the process dies here, without closing anything
    restarted_at = at(15, 0)  # eight minutes of the break passed while the app was down
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), restarted_at)
    assert found is not None
    state = found.state
    assert state.current is not None and state.current.id == "break"
    assert state.elapsed == 8 * 60
    assert state.message == "Speaker 5 is in the green room" and state.blackout == {"projector"}
    assert [r.slot_id for r in state.runs] == ["welcome", "status-norway", "ec-objectives", "belgian-presidency",
                                              "whitepaper"]
    assert found.summary() == "running: 'Break', 8:00 in, 12:00 left (13 commands in the journal)"


def test_a_resumed_session_keeps_appending_to_the_same_journal(tmp_path: Path) -> None:
    first = run_a_show(tmp_path)
    path = first.journal.path  # type: ignore[union-attr]
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 0))
    assert found is not None
    second = ShowSession(seed(), AGENDA_PATH, tmp_path)
    second.resume(found.contents)
    assert second.run("next", at(15, 11)).accepted
    assert second.journal is not None and second.journal.path == path
    contents = read_journal(path)
    assert [e.seq for e in contents.entries] == list(range(1, len(contents.entries) + 1))
    assert [e.name for e in contents.entries][-3:] == ["@plan", "@checkpoint", "next"]  # the resume's checkpoint


def test_a_finished_show_is_offered_as_finished(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("goto", at(16, 15), {"slot": "reception"})
    session.run("next", at(17, 0))
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(17, 5))
    assert found is not None and found.state.phase is ShowPhase.FINISHED
    assert found.summary() == "finished: the show ended at 17:00 (2 commands in the journal)"


def test_a_journal_cut_at_every_byte_of_its_last_line_replays_up_to_the_last_good_line(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    data = path.read_bytes()
    last_line_start = data.rstrip(b"\n").rfind(b"\n") + 1
    full = replay(seed(), read_journal(path)).engine.state(at(15, 0))
    before_last = None
    for cut in range(last_line_start, len(data)):
        torn = tmp_path / "torn.jsonl"
        torn.write_bytes(data[:cut])
        contents = read_journal(torn)
        assert len(contents.commands) == 12
        assert contents.good_length == last_line_start
        if cut > last_line_start:
            assert len(contents.problems) == 1 and "cut short" in contents.problems[0]
        state = replay(seed(), contents).engine.state(at(15, 0))
        before_last = before_last or comparable(state)
        assert comparable(state) == before_last  # every cut gives the same show: the one before the last line
    assert comparable(full) != before_last


def test_reopening_a_torn_journal_cuts_the_torn_tail_before_appending(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    data = path.read_bytes()
    path.write_bytes(data[:-7])  # power cut in the middle of the last line
    contents = read_journal(path)
    resumed = ShowSession(seed(), AGENDA_PATH, tmp_path)
    resumed.resume(contents)
    assert resumed.restore_problems and "cut short" in resumed.restore_problems[0]
    assert resumed.run("go", at(14, 53)).accepted
    again = read_journal(path)
    assert again.problems == ()
    assert [e.name for e in again.entries][-4:] == ["next", "@plan", "@checkpoint", "go"]


def test_a_corrupt_line_in_the_middle_is_skipped_and_every_later_entry_is_kept(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    lines = path.read_bytes().split(b"\n")
    lines[5] = b'{"seq": 5, "cmd": "next"'  # garbage
    path.write_bytes(b"\n".join(lines))
    contents = read_journal(path)
    assert len(contents.commands) == 12 and contents.skipped == (6,)
    assert contents.problems and ":6: unreadable entry skipped" in contents.problems[0]


def test_a_journal_replays_on_its_recorded_plan_even_when_the_file_changed(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    session.run("goto", at(13, 40), {"slot": "whitepaper"})
    session.run("goto", at(13, 50), {"slot": "agder"})
    agenda = seed()
    edited = agenda.__class__(agenda.event, tuple(s for s in agenda.slots if s.id != "whitepaper"), agenda.messages,
                              agenda.columns)
    replayed = replay(edited, read_journal(session.journal.path))  # type: ignore[union-attr]
    assert replayed.problems == [] and replayed.recorded_plan
    state = replayed.engine.state(at(13, 55))
    assert state.current is not None and state.current.id == "agder"
    assert [r.slot_id for r in state.runs] == ["welcome", "whitepaper"]
    found = find_resumable(tmp_path, AGENDA_PATH, edited, at(13, 55))
    assert found is not None and found.plan_changes == ("removed 'New whitepaper on Innovation Partnerships in "
                                                         "Norway'",)


def test_each_agenda_has_its_own_journals_and_a_new_show_never_overwrites_the_old(tmp_path: Path) -> None:
    first = run_a_show(tmp_path)
    first_path = first.journal.path  # type: ignore[union-attr]
    first_bytes = first_path.read_bytes()
    first.new_show()
    first.run("go", at(13, 30, day=1, month=12))
    second_path = first.journal.path  # type: ignore[union-attr]
    assert second_path != first_path and second_path.parent == first_path.parent
    assert first_path.read_bytes() == first_bytes
    assert latest_journal(tmp_path, AGENDA_PATH) == second_path
    assert journal_dir(tmp_path, Path("other.yaml")) != journal_dir(tmp_path, AGENDA_PATH)


def test_every_line_is_one_json_object_with_utc_wall_time(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    lines = session.journal.path.read_text(encoding="utf-8").splitlines()  # type: ignore[union-attr]
    header = json.loads(lines[0])
    assert header["journal"] == "runofshow" and header["version"] == 2
    assert [json.loads(line)["cmd"] for line in lines[1:4]] == ["@plan", "@checkpoint", "go"]
    entry = json.loads(lines[3])
    assert entry["cmd"] == "go" and entry["wall"] == "2023-11-30T12:31:00.000Z"


def test_an_unwritable_state_directory_is_reported_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    session = ShowSession(seed(), AGENDA_PATH, blocker)
    assert session.run("go", at(13, 30)).accepted
    assert session.journal_error is not None and "cannot create a journal" in session.journal_error


def test_journal_create_keeps_names_unique_within_one_second(tmp_path: Path) -> None:
    one = Journal.create(tmp_path, AGENDA_PATH, at(13, 0))
    two = Journal.create(tmp_path, AGENDA_PATH, at(13, 0))
    assert one.path != two.path
