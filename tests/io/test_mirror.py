"""A backup laptop's show (io/replay.py's Mirror): the primary's journal applied entry by entry, as the lines
arrive, ends in the very show `replay` rebuilds from that journal, whatever the show did on the primary."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pytest

from runofshow.core.agenda import Agenda
from runofshow.core.clock import FakeClock, Instant
from runofshow.core.show import ShowEngine
from runofshow.core.standing import Epoch
from runofshow.io import session as session_module
from runofshow.io.journal import read_journal, replay
from runofshow.io.journal_format import CHECKPOINT, EPOCH, PLAN, Entry, entry_of
from runofshow.io.plan_codec import plan_from_json
from runofshow.io.replay import Mirror, record_epoch
from runofshow.io.session import ShowSession
from tests.core.helpers import at, seed
from tests.io.test_journal import AGENDA_PATH, run_a_show

SEED = seed()
SLOT_IDS = [slot.id for slot in SEED.slots] + ["guest", "nope"]


def random_command(rng: random.Random) -> tuple[str, dict[str, object]]:
    """A command an operator might give, any moment of the show: most are accepted, some refused."""
    slot = rng.choice(SLOT_IDS)
    choices: list[tuple[str, dict[str, object]]] = [
        ("go", {}), ("next", {}), ("next", {}), ("previous", {}), ("pause", {}), ("resume", {}), ("reset", {}),
        ("undo", {}), ("undo", {}), ("flash", {}), ("next_cue", {}), ("previous_cue", {}),
        ("goto", {"slot": slot}),
        ("add_time", {"seconds": rng.randint(-300, 600)}),
        ("message", {"text": rng.choice(["Wrap up", "Mic 3 is dead", "ünïcode ✓", ""]), "flash": rng.random() < .5,
                     "pin": rng.random() < .5}),
        ("message", {"text": "to the moderator", "to": "moderator"}),
        ("clear_message", {}), ("pin_message", {"on": rng.random() < .5}),
        ("blackout", {"display": rng.choice(["projector", "stage", "moderator", "all"]), "on": rng.random() < .5}),
        ("holding", {"on": rng.random() < .5}),
        ("roll", {"on": rng.random() < .3}),
        ("insert_slot", {"after": slot, "title": "Guest", "duration": rng.randint(60, 1800), "id": "guest"}),
        ("edit_slot", {"slot": slot, "duration": rng.randint(60, 3600)}),
        ("edit_slot", {"slot": slot, "title": "Renamed"}),
        ("delete_slot", {"slot": slot}),
        ("move_slot", {"slot": slot, "after": rng.choice(SLOT_IDS)}),
        ("skip_slot", {"slot": slot, "on": rng.random() < .6}),
        ("shift", {"minutes": rng.randint(-15, 15)}),
    ]
    return rng.choice(choices)


RELOADS = {
    "as-is": SEED,
    "short": Agenda(SEED.event, SEED.slots[:4]),
    "swapped": Agenda(SEED.event, (SEED.slots[0], SEED.slots[2], SEED.slots[1], *SEED.slots[3:])),
}


@dataclass
class Show:
    path: Path
    session: ShowSession
    end: Instant
    accepted: int


def drive_a_show(folder: Path, rng_seed: int, commands: int) -> Show:
    """A ShowSession on a FakeClock given random commands (and now and then a reload of the agenda file)."""
    rng = random.Random(rng_seed)
    clock = FakeClock(at(13, 20).t)
    session = ShowSession(SEED, AGENDA_PATH, folder)
    accepted = 0
    for _ in range(commands):
        clock.advance(rng.choice([0.2, 3, 45, 240, 900]))
        if rng.random() < 0.03:
            session.replace_plan(RELOADS[rng.choice(sorted(RELOADS))], clock.now())
            continue
        name, args = random_command(rng)
        accepted += session.run(name, clock.now(), args).accepted
    assert session.journal is not None
    path = session.journal.path
    session.close()
    return Show(path, session, clock.advance(120), accepted)


def journal_lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def entries_of(path: Path) -> list[Entry]:
    found = [entry_of(line, number) for number, line in enumerate(journal_lines(path), 1)]
    return [entry for entry in found if entry is not None]


def mirrored(entries: list[Entry], agenda: Agenda = SEED) -> Mirror:
    mirror = Mirror(agenda, Path("copy"))
    for entry in entries:
        mirror.apply(entry)
    return mirror


def same_show(one: ShowEngine, other: ShowEngine, now: Instant) -> None:
    assert one.agenda == other.agenda
    assert one.live == other.live
    assert one.undo_stack == other.undo_stack and one.undo_plans == other.undo_plans
    assert one.state(now) == other.state(now)


# -- the whole record, entry by entry ------------------------------------------------------------------------


@pytest.mark.parametrize("rng_seed", [1, 2, 3, 4, 5, 6])
def test_a_mirror_fed_entry_by_entry_ends_in_the_replayed_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rng_seed: int) -> None:
    monkeypatch.setattr(session_module, "CHECKPOINT_EVERY", 7)  # many periodic checkpoints among the commands
    show = drive_a_show(tmp_path, rng_seed, 160)
    assert show.accepted > 40
    contents = read_journal(show.path)
    names = [e.name for e in contents.entries]
    assert names.count(CHECKPOINT) > 5 and names.count(PLAN) > 2, "the show must exercise checkpoints and plans"
    replayed = replay(SEED, contents)
    assert replayed.problems == []
    mirror = mirrored(entries_of(show.path))
    assert mirror.problems == []
    same_show(mirror.engine, replayed.engine, show.end)
    same_show(mirror.engine, show.session.engine, show.end)
    assert mirror.last_seq == contents.entries[-1].seq


def test_a_long_show_with_the_real_checkpoint_interval(tmp_path: Path) -> None:
    show = drive_a_show(tmp_path, 11, 2 * session_module.CHECKPOINT_EVERY + 30)
    entries = entries_of(show.path)
    assert sum(e.name == CHECKPOINT for e in entries) >= 3
    same_show(mirrored(entries).engine, replay(SEED, read_journal(show.path)).engine, show.end)


def test_the_afternoon_of_the_journal_tests(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    assert session.journal is not None
    mirror = mirrored(entries_of(session.journal.path))
    same_show(mirror.engine, session.engine, at(14, 58))


@pytest.mark.parametrize("rng_seed", [21, 22, 23])
def test_a_mirror_that_joins_at_a_plan_and_its_checkpoint_ends_in_the_replayed_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rng_seed: int) -> None:
    monkeypatch.setattr(session_module, "CHECKPOINT_EVERY", 5)
    show = drive_a_show(tmp_path, rng_seed, 120)
    entries = entries_of(show.path)
    replayed = replay(SEED, read_journal(show.path)).engine
    joins = [i for i, e in enumerate(entries[:-1]) if e.name == PLAN and entries[i + 1].name == CHECKPOINT]
    assert len(joins) >= 3
    for join in joins:
        # A mirror that knew nothing before (another agenda even): the plan and the checkpoint make it whole.
        mirror = mirrored(entries[join:], Agenda(SEED.event, SEED.slots[:2]))
        same_show(mirror.engine, replayed, show.end)


@pytest.mark.parametrize("rng_seed", [31, 32, 33])
def test_a_mirror_that_joins_at_any_checkpoint_ends_in_the_replayed_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rng_seed: int) -> None:
    monkeypatch.setattr(session_module, "CHECKPOINT_EVERY", 5)
    show = drive_a_show(tmp_path, rng_seed, 120)
    entries = entries_of(show.path)
    replayed = replay(SEED, read_journal(show.path)).engine
    plans = {e.seq: e for e in entries if e.name == PLAN}
    # A checkpoint holds no plan: one taken on the plan the mirror joined on (the agenda file) makes it whole.
    joins = [i for i, e in enumerate(entries) if e.name == CHECKPOINT
             and plan_from_json(plans[int(str(e.args["plan_seq"]))].args["plan"]) == SEED]
    assert joins
    for join in joins:
        mirror = mirrored(entries[join:])  # joined on the agenda file, the first entries never seen
        same_show(mirror.engine, replayed, show.end)


# -- lines sent twice, damaged lines, epochs -----------------------------------------------------------------


def test_a_line_applied_twice_is_applied_once(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    assert session.journal is not None
    entries = entries_of(session.journal.path)
    mirror = Mirror(SEED, Path("copy"))
    for position, entry in enumerate(entries):
        mirror.apply(entry)
        for earlier in entries[max(0, position - 3):position + 1]:
            mirror.apply(earlier)  # a reconnection sends the last lines again
    same_show(mirror.engine, session.engine, at(14, 58))
    assert mirror.problems == []


def test_a_new_journal_starts_its_numbers_again_after_restart(tmp_path: Path) -> None:
    first = run_a_show(tmp_path / "one")
    assert first.journal is not None
    mirror = mirrored(entries_of(first.journal.path))
    other = ShowSession(SEED, AGENDA_PATH, tmp_path / "two")
    other.run("go", at(13, 30))
    other.run("message", at(13, 31), {"text": "second journal"})
    assert other.journal is not None
    second = entries_of(other.journal.path)
    for entry in second:
        mirror.apply(entry)  # without restart() its numbers are taken for lines already applied
    assert mirror.engine.live != other.engine.live
    mirror.restart()
    for entry in second:
        mirror.apply(entry)
    same_show(mirror.engine, other.engine, at(13, 40))


def test_a_damaged_line_is_not_applied_and_the_next_checkpoint_makes_the_mirror_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "CHECKPOINT_EVERY", 4)
    session = run_a_show(tmp_path)
    assert session.journal is not None
    path = session.journal.path
    lines = journal_lines(path)
    damaged = next(i for i, line in enumerate(lines) if b'"cmd":"add_time"' in line)
    lines[damaged] = lines[damaged].replace(b'"seconds":120', b'"seconds":920')  # the CRC no longer matches
    path.write_bytes(b"".join(lines))
    mirror = Mirror(SEED, Path("copy"))
    skipped = 0
    for number, line in enumerate(lines, 1):
        try:
            entry = entry_of(line, number)
        except ValueError:
            skipped += 1
            continue
        if entry is not None:
            mirror.apply(entry)
        if number == damaged + 1:
            assert mirror.engine.live.added == 0  # neither 120 nor the damaged 920 seconds
    assert skipped == 1
    replayed = replay(SEED, read_journal(path))
    same_show(mirror.engine, replayed.engine, at(14, 58))
    same_show(mirror.engine, session.engine, at(14, 58))  # a checkpoint after the damage carried the 120 s


def test_a_checkpoint_on_a_plan_that_came_damaged_is_passed_over_as_replay_does(tmp_path: Path) -> None:
    session = ShowSession(SEED, AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    session.run("next", at(13, 46))  # the second slot
    swapped = RELOADS["swapped"]
    session.replace_plan(swapped, at(13, 50))  # the second slot is third in the reloaded plan
    session.run("next", at(14, 1))
    assert session.journal is not None
    path = session.journal.path
    lines = journal_lines(path)
    reload_line = max(i for i, line in enumerate(lines) if b'"cmd":"@plan"' in line)
    lines[reload_line] = lines[reload_line].replace(b'"title":"', b'"title":"#', 1)  # its CRC fails now
    path.write_bytes(b"".join(lines))
    contents = read_journal(path)
    assert contents.skipped == (reload_line + 1,)
    replayed = replay(SEED, contents)
    assert any("checkpoint passed over" in problem for problem in replayed.problems)
    mirror = Mirror(SEED, Path("copy"))
    for number, line in enumerate(lines, 1):
        try:
            entry = entry_of(line, number)
        except ValueError:
            continue  # what the follower does with a damaged line: kept in the copy, not applied
        if entry is not None:
            mirror.apply(entry)
    same_show(mirror.engine, replayed.engine, at(14, 10))  # not the reload's live state on the plan before it
    assert any("passed over" in problem for problem in mirror.problems)


def test_an_epoch_entry_sets_the_mirrors_epoch_and_replay_passes_over_it(tmp_path: Path) -> None:
    session = run_a_show(tmp_path)
    assert session.journal is not None
    taken = Epoch(3, "backup:8766")
    session.record_epoch(taken, "127.0.0.1:8766", at(14, 53))
    session.run("add_time", at(14, 54), {"seconds": 60})
    path = session.journal.path
    entries = entries_of(path)
    assert [e.name for e in entries].count(EPOCH) == 1
    mirror = mirrored(entries)
    assert mirror.epoch == taken and mirror.problems == []
    assert record_epoch(entries) == taken == record_epoch(read_journal(path).entries)
    session.close()
    replayed = replay(SEED, read_journal(path))
    assert replayed.problems == []  # no "no longer applies" for the epoch
    same_show(replayed.engine, session.engine, at(14, 58))
    same_show(mirror.engine, session.engine, at(14, 58))
    resumed = ShowSession(SEED, AGENDA_PATH, tmp_path)
    resumed.resume(read_journal(path), at(14, 59))
    assert resumed.restore_problems == []
    resumed.close()


def test_a_damaged_or_strange_epoch_leaves_the_epoch_as_it_was() -> None:
    now = at(14, 0)
    entries = [Entry(1, EPOCH, {"epoch": {"number": 2, "node": "a"}}, now),
               Entry(2, EPOCH, {"epoch": {"number": "9", "node": "b"}}, now),
               Entry(3, EPOCH, {"epoch": None}, now),
               Entry(4, EPOCH, {"epoch": {"number": 2**60, "node": "c"}}, now)]
    mirror = mirrored(entries)
    assert mirror.epoch == Epoch(2, "a") == record_epoch(entries) and mirror.problems == []
    assert record_epoch([]) == Epoch()


def test_entries_a_mirror_cannot_apply_are_reported_not_raised() -> None:
    now = at(14, 0)
    entries = [Entry(1, PLAN, {"plan": "not a plan"}, now),
               Entry(2, CHECKPOINT, {"state": {"index": 999}, "plan_seq": 1}, now),
               Entry(3, CHECKPOINT, {"state": [1, 2]}, now),
               Entry(4, "go", {"unknown": object()}, now),
               Entry(5, "no_such_command", {}, now),
               Entry(6, "@a_later_record", {"x": 1}, now),
               Entry(7, "go", {}, now)]
    mirror = mirrored(entries)
    assert len(mirror.problems) >= 4 and mirror.last_seq == 7
    assert mirror.engine.live.index == 0  # the last "go" still ran
