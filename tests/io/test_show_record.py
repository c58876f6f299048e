"""The show record (issue 10): no damaged line, agenda edit or disk failure may freeze the show or lose it.

Each test is one of the cases found on main at 1f044c6, reproduced without the GUI.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runofshow.cli import main
from runofshow.core.agenda import Agenda
from runofshow.core.show import Live, ShowPhase
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.journal import Journal, JournalWriteError, journal_dir, latest_journal, read_journal, replay
from runofshow.io.session import ShowSession, find_resumable, search_record
from tests.core.helpers import at, seed
from tests.io.test_journal import AGENDA_PATH, run_a_show


def append_line(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text + "\n")


def next_seq(path: Path) -> int:
    return max(e.seq for e in read_journal(path).entries) + 1


def break_state_is_whole(state) -> None:  # type: ignore[no-untyped-def]
    """What run_a_show left: the break running, the message and blackout up, five talks behind it."""
    assert state.current is not None and state.current.id == "break"
    assert state.message == "Speaker 5 is in the green room" and state.blackout == {"projector"}
    assert [r.slot_id for r in state.runs] == ["welcome", "status-norway", "ec-objectives", "belgian-presidency",
                                              "whitepaper"]


# -- case 1: an absurd time change in the record ---------------------------------------------------------


def test_a_journaled_absurd_time_change_stops_neither_a_restart_nor_the_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    moment = at(14, 53).t
    append_line(path, json.dumps({"seq": next_seq(path), "t": moment, "wall_epoch": moment, "cmd": "add_time",
                                  "args": {"seconds": 300_000_000_000}}))
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 0))
    assert found is not None
    break_state_is_whole(found.state)
    assert found.state.remaining == 12 * 60
    assert any("add_time" in problem for problem in found.problems)
    assert main(["report", str(AGENDA_PATH), "--state-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Break" in out and "Traceback" not in out


def test_a_journaled_message_with_a_lone_surrogate_is_skipped_not_shown(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    moment = at(14, 53).t
    append_line(path, f'{{"seq": {next_seq(path)}, "t": {moment!r}, "wall_epoch": {moment!r}, "cmd": "message", '
                      '"args": {"text": "x\\ud800"}}')
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 0))
    assert found is not None
    break_state_is_whole(found.state)
    assert any("message" in problem for problem in found.problems)


# -- case 3: agenda edits during the show are in the record ------------------------------------------------


def without(agenda: Agenda, slot_id: str) -> Agenda:
    return Agenda(agenda.event, tuple(slot for slot in agenda.slots if slot.id != slot_id))


def test_deleting_the_running_slot_from_the_file_restores_as_the_operator_saw_it(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 31))
    session.run("next", at(13, 47))
    session.run("next", at(13, 55))  # ec-objectives is running
    session.replace_plan(without(seed(), "ec-objectives"), at(14, 0))
    live = session.state(at(14, 2))
    assert live.phase is ShowPhase.BETWEEN and live.current is not None and live.current.id == "belgian-presidency"
    # kill -9, restart on the file as it now is
    found = find_resumable(tmp_path, AGENDA_PATH, without(seed(), "ec-objectives"), at(14, 2))
    assert found is not None
    assert (found.state.phase, found.state.current, found.state.runs) == (live.phase, live.current, live.runs)
    assert found.plan_changes == ()


def test_reordered_slots_replay_next_onto_the_slots_the_operator_had(tmp_path: Path) -> None:
    agenda = seed()
    slots = list(agenda.slots)
    slots[2], slots[3] = slots[3], slots[2]  # belgian-presidency before ec-objectives
    reordered = Agenda(agenda.event, tuple(slots))
    session = ShowSession(agenda, AGENDA_PATH, tmp_path)
    session.run("go", at(13, 31))
    session.replace_plan(reordered, at(13, 40))
    session.run("next", at(13, 47))
    session.run("next", at(13, 55))
    live = session.state(at(14, 0))
    assert live.current is not None and live.current.id == "belgian-presidency"  # on the file's order: ec-objectives
    # restart with the file put back the way it was: the record's plan is what ran
    found = find_resumable(tmp_path, AGENDA_PATH, agenda, at(14, 0))
    assert found is not None
    assert found.state.current == live.current and found.state.runs == live.runs
    assert found.plan_changes  # and the operator is told that the file differs


# -- case 4: one damaged line costs that line only ----------------------------------------------------------


def test_a_damaged_line_costs_only_itself_and_nothing_after_it_is_cut(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    lines = path.read_bytes().split(b"\n")
    target = next(i for i, line in enumerate(lines) if b'"cmd":"pause"' in line)
    lines[target] = lines[target].replace(b'"cmd":"pause"', b'"cmd":"pausf"')  # a flipped bit
    damaged = b"\n".join(lines)
    path.write_bytes(damaged)
    contents = read_journal(path)
    assert contents.skipped == (target + 1,)
    assert len(contents.commands) == 12  # every later entry is still there
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 0))
    assert found is not None
    break_state_is_whole(found.state)
    assert any(f":{target + 1}: unreadable entry skipped" in p and "checksum" in p for p in found.problems)
    resumed = ShowSession(seed(), AGENDA_PATH, tmp_path)
    resumed.resume(found, at(15, 0))
    assert resumed.run("next", at(15, 11)).accepted
    assert path.read_bytes().startswith(damaged)  # nothing was cut
    copies = list(path.parent.glob(f"{path.name}.damaged-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == damaged
    assert any("copied to" in p for p in resumed.restore_problems)


def test_damage_before_a_checkpoint_costs_nothing(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    session.replace_plan(seed(), at(14, 55))  # a reload: the plan again and a checkpoint
    live = session.state(at(15, 0))
    lines = path.read_bytes().split(b"\n")
    for index in range(1, 8):  # wreck the plan, the first checkpoint and five commands
        lines[index] = b"\x00garbage" + lines[index][9:]
    path.write_bytes(b"\n".join(lines))
    replayed = replay(seed(), read_journal(path))
    assert replayed.from_checkpoint is not None
    assert replayed.engine.state(at(15, 0)) == live


# -- case 5: a journal that cannot be reopened ------------------------------------------------------------


def test_a_journal_that_cannot_be_reopened_is_continued_by_one_that_holds_the_whole_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_a_show(tmp_path)
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 0))
    assert found is not None

    def refuse(*_args: object) -> Journal:
        raise JournalWriteError("cannot reopen the journal: Read-only file system")

    monkeypatch.setattr(Journal, "reopen", refuse)
    resumed = ShowSession(seed(), AGENDA_PATH, tmp_path)
    resumed.resume(found.contents)
    assert resumed.journal_error and "continues in a new journal" in resumed.journal_error
    assert resumed.run("next", at(15, 11)).accepted  # the break ends
    assert resumed.health().ok
    # kill -9 and restart: the show is where it was, not back at pre-show
    again = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 12))
    assert again is not None and again.state.current is not None and again.state.current.id == "agder"
    assert again.state.message == "Speaker 5 is in the green room" and again.state.blackout == {"projector"}
    assert [r.slot_id for r in again.state.runs][-1] == "break"


# -- case 6: a disk that fills up and recovers ---------------------------------------------------------------


def test_commands_while_the_disk_is_full_are_written_in_order_once_it_has_room(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = run_a_show(tmp_path)
    disk_full = True
    put = Journal._put

    def full_disk(journal: Journal, line: bytes) -> None:
        if disk_full:
            raise OSError(errno.ENOSPC, "No space left on device")
        put(journal, line)

    monkeypatch.setattr(Journal, "_put", full_disk)
    assert session.run("next", at(15, 10)).accepted  # the break ends: Agder starts
    health = session.health()
    assert not health.ok and "No space left" in health.error and health.unsaved == 1
    assert session.run("message", at(15, 12), {"text": "Coffee is outside"}).accepted
    assert session.health().unsaved == 2
    session.retry(at(15, 13))  # still full
    assert not session.health().ok
    disk_full = False
    session.retry(at(15, 20))
    assert session.health().ok and session.journal_error is None
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 21))
    assert found is not None and found.state.current is not None and found.state.current.id == "agder"
    assert found.state.elapsed == 11 * 60 and found.state.message == "Coffee is outside"
    assert len(list(journal_dir(tmp_path, AGENDA_PATH).glob("show-*.jsonl"))) == 1  # never a new journal mid-show


def test_a_journal_file_that_refuses_while_its_folder_works_continues_in_a_new_journal(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    journal = session.journal
    assert journal is not None
    os.close(journal._fd)
    journal._fd = os.open(os.devnull, os.O_RDONLY)  # this one file refuses every write (EBADF)
    assert session.run("next", at(15, 10)).accepted
    assert session.health().ok and session.journal is not None and session.journal.path != journal.path
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 11))
    assert found is not None and found.state.current is not None and found.state.current.id == "agder"
    assert found.contents.path == session.journal.path


# -- case 7: a finished show --------------------------------------------------------------------------------


def test_a_finished_show_restores_as_finished_with_its_message_and_blackout(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("goto", at(16, 15), {"slot": "reception"})
    session.run("message", at(16, 50), {"text": "Thank you, safe home", "pin": True})  # pinned: past the end
    session.run("blackout", at(16, 55), {"display": "stage", "on": True})
    session.run("next", at(17, 0))
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(17, 5))
    assert found is not None
    state = found.state
    assert state.phase is ShowPhase.FINISHED
    assert state.message == "Thank you, safe home" and state.blackout == {"stage"}


# -- case 9: the disk's fsync never blocks the show ----------------------------------------------------------


def test_a_slow_disk_never_holds_up_a_command_and_durability_is_waited_for_apart(tmp_path: Path) -> None:
    release = threading.Event()

    def slow_fsync(fd: int) -> None:
        release.wait(10)
        os.fsync(fd)

    worker = FsyncWorker(fsync=slow_fsync)
    try:
        session = ShowSession(seed(), AGENDA_PATH, tmp_path, worker)
        started = time.monotonic()
        assert session.run("go", at(13, 31)).accepted
        assert time.monotonic() - started < 2.0  # the disk sleeps for up to 10 s; the command does not wait
        assert read_journal(session.journal.path).commands[-1].name == "go"  # type: ignore[union-attr]
        durable: list[str] = []
        session.when_durable(lambda: durable.append("go"))
        session.deliver_durable()
        assert durable == []
        release.set()
        assert worker.wait(session.journal.written, 5.0)  # type: ignore[union-attr]
        session.deliver_durable()
        assert durable == ["go"]
        session.close()
    finally:
        release.set()
        worker.stop()


# -- case 10: careful opening -------------------------------------------------------------------------------


def test_entries_with_impossible_times_are_skipped_and_reported(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    seq = next_seq(path)
    append_line(path, f'{{"seq": {seq}, "t": NaN, "wall_epoch": 1701349000.0, "cmd": "flash", "args": {{}}}}')
    append_line(path, f'{{"seq": {seq + 1}, "t": 1e300, "wall_epoch": 1e300, "cmd": "flash", "args": {{}}}}')
    contents = read_journal(path)
    assert len(contents.skipped) == 2
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(15, 0))
    assert found is not None and not found.state.flashing
    break_state_is_whole(found.state)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_the_place_of_a_journal_is_passed_over_without_hanging(tmp_path: Path) -> None:
    run_a_show(tmp_path)
    folder = journal_dir(tmp_path, AGENDA_PATH)
    os.mkfifo(folder / "show-20991231T000000.jsonl")
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(search_record(tmp_path, AGENDA_PATH, seed(), at(15, 0))),
                              daemon=True)
    worker.start()
    worker.join(10)
    assert results, "looking for the show hung on the FIFO"
    search = results[0]
    assert search.resumable is not None  # type: ignore[attr-defined]
    break_state_is_whole(search.resumable.state)  # type: ignore[attr-defined]
    assert any("not a regular file" in notice for notice in search.notices)  # type: ignore[attr-defined]


def test_the_latest_show_is_the_one_the_journals_say_started_last(tmp_path: Path) -> None:
    first = ShowSession(seed(), AGENDA_PATH, tmp_path)
    first.run("go", at(13, 30))
    first.new_show()
    first.run("goto", at(13, 30, 0.5), {"slot": "agder"})  # same second: show-X.jsonl, then show-X-2.jsonl
    names = sorted(p.name for p in journal_dir(tmp_path, AGENDA_PATH).glob("show-*.jsonl"))
    assert len(names) == 2 and names[0].endswith("-2.jsonl")  # by name, the newer one sorts first
    assert latest_journal(tmp_path, AGENDA_PATH) == first.journal.path  # type: ignore[union-attr]
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(13, 31))
    assert found is not None and found.state.current is not None and found.state.current.id == "agder"


def test_a_byte_order_mark_is_read_and_a_folder_or_an_unreadable_journal_is_reported(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    path = session.journal.path  # type: ignore[union-attr]
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # an editor saved it with a BOM
    folder = journal_dir(tmp_path, AGENDA_PATH)
    (folder / "show-20991231T000000.jsonl").mkdir()
    (folder / "show-20991231T000001.jsonl").write_bytes(b"\xff\xfe not a journal\n")
    search = search_record(tmp_path, AGENDA_PATH, seed(), at(15, 0))
    assert search.resumable is not None
    break_state_is_whole(search.resumable.state)
    assert len(search.notices) == 2
    assert any("show-20991231T000000.jsonl" in n and "not a regular file" in n for n in search.notices)
    assert any("show-20991231T000001.jsonl" in n for n in search.notices)


def test_a_journal_larger_than_any_show_is_refused_without_reading_it(tmp_path: Path) -> None:
    folder = journal_dir(tmp_path, AGENDA_PATH)
    folder.mkdir(parents=True)
    huge = folder / "show-20231130T120000.jsonl"
    with huge.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: costs no disk
    contents = read_journal(huge)
    assert contents.entries == () and "MiB" in contents.problems[0]


# -- the whole record, at random ------------------------------------------------------------------------------

SEED = seed()
PLANS = {
    "as-is": SEED,
    "no-whitepaper": without(SEED, "whitepaper"),
    "swapped": Agenda(SEED.event, (SEED.slots[0], SEED.slots[2], SEED.slots[1], *SEED.slots[3:])),
    "short": Agenda(SEED.event, SEED.slots[:4]),
}
show_command = st.one_of(
    st.sampled_from(["go", "next", "previous", "pause", "resume", "reset", "undo", "flash", "next_cue"]).map(
        lambda name: (name, {})),
    st.sampled_from([slot.id for slot in SEED.slots]).map(lambda slot: ("goto", {"slot": slot})),
    st.integers(-600, 600).map(lambda seconds: ("add_time", {"seconds": seconds})),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=12).map(
        lambda text: ("message", {"text": text})),
    st.tuples(st.sampled_from(["projector", "stage", "all"]), st.booleans()).map(
        lambda d: ("blackout", {"display": d[0], "on": d[1]})),
)
step = st.one_of(show_command, st.sampled_from(sorted(PLANS)).map(lambda name: ("@reload", {"plan": name})))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(step, st.floats(1, 600)), min_size=1, max_size=30), st.integers(0, 10_000))
def test_replay_equals_the_live_show_up_to_a_damaged_line_and_keeps_everything_after_it(
        steps: list[tuple[tuple[str, dict[str, object]], float]], pick: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = ShowSession(SEED, AGENDA_PATH, Path(folder))
        now = at(13, 25)
        lives_by_line: dict[int, object] = {}  # the live state once the journal had this many lines
        for (name, args), pause in steps:
            now = now.later(pause)
            if name == "@reload":
                session.replace_plan(PLANS[str(args["plan"])], now)
            else:
                session.run(name, now, args)
            if session.journal is not None:
                lines = session.journal.path.read_bytes().count(b"\n")
                lives_by_line[lines] = (session.engine.agenda, session.engine.live)
        if session.journal is None:
            return  # nothing was accepted
        path = session.journal.path
        session.close()
        final = now.later(30)
        whole = replay(SEED, read_journal(path))
        assert whole.problems == []
        assert whole.engine.state(final) == session.state(final)

        # Damage one command line: replay still reads every other line, and up to the damage it is the live show.
        lines = path.read_bytes().split(b"\n")
        commands = [i for i, line in enumerate(lines) if line and b'"cmd":"@' not in line and i > 0]
        if not commands:
            return
        damaged_at = commands[pick % len(commands)]
        lines[damaged_at] = lines[damaged_at][:-12] + b"#" + lines[damaged_at][-11:]
        path.write_bytes(b"\n".join(lines))
        contents = read_journal(path)
        assert contents.skipped == (damaged_at + 1,)
        assert len(contents.entries) == sum(1 for line in lines[1:] if line) - 1  # all but the damaged line
        if any(b'"cmd":"@checkpoint"' in line for line in lines[damaged_at:]):
            assert replay(SEED, contents).engine.state(final) == session.state(final)  # a later checkpoint heals it
        path.write_bytes(b"\n".join(lines[:damaged_at]) + b"\n")
        earlier = [n for n in lives_by_line if n <= damaged_at]
        partial = replay(SEED, read_journal(path)).engine
        assert (partial.agenda, partial.live) == (lives_by_line[max(earlier)] if earlier else (SEED, Live()))


def test_a_defect_while_restoring_starts_a_new_show_and_says_so_instead_of_crashing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_a_show(tmp_path)

    def broken(*_args: object) -> object:
        raise RuntimeError("a bug in replay")

    monkeypatch.setattr("runofshow.io.session.replay", broken)
    search = search_record(tmp_path, AGENDA_PATH, seed(), at(15, 0))
    assert search.resumable is None
    assert any("could not be restored (RuntimeError: a bug in replay)" in notice for notice in search.notices)
