"""The pairing on the Qt thread, without a network: a backup refuses every command and takes over from its
copy; a primary that stood still runs nothing until its backup answers; a higher epoch makes it step down."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock
from runofshow.core.standing import LOST_AFTER_S, Epoch, Role, Standing
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.journal import read_journal
from runofshow.io.journal_format import EPOCH
from runofshow.io.record_copy import RecordCopy
from runofshow.io.replay import record_epoch
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.feed import FeedDetails, RecordFeed
from runofshow.remote.pairing import Pairing, backup_agenda_path
from tests.core.helpers import at, seed

HOSTS: list[Host] = []


@pytest.fixture(autouse=True)
def freed_on_the_qt_thread() -> Iterator[None]:
    """A bridge and its pairing hold each other (a cycle): freed here, on the Qt thread, and not by a garbage
    collection that happens to run on a later test's network thread (Qt: "Timers cannot be stopped from another
    thread")."""
    yield
    while HOSTS:
        HOSTS.pop().fsync.stop()
    gc.collect()


class Host:
    def __init__(self, state_dir: Path, agenda_path: Path) -> None:
        HOSTS.append(self)
        self.state_dir = state_dir
        self.fsync = FsyncWorker()
        self.agenda_path: Path | None = agenda_path
        self.notices: list[str] = []
        self.adopted: list[Path] = []

    def adopt_taken_over(self, path: Path, session: ShowSession) -> None:
        self.adopted.append(path)
        self.agenda_path = path

    def notice(self, text: str) -> None:
        self.notices.append(text)


def primary_with_a_show(tmp_path: Path, clock: FakeClock) -> tuple[ShowBridge, Path]:
    """A primary's record: go and a message, written as the primary writes them."""
    session = ShowSession(seed(), tmp_path / "agenda.yaml", tmp_path / "primary")
    bridge = ShowBridge(session, clock)
    assert bridge.run("go").accepted
    clock.advance(95)
    assert bridge.run("message", {"text": "Five minutes"}).accepted
    assert bridge.run("add_time", {"seconds": 60}).accepted
    assert session.journal is not None
    return bridge, session.journal.path


def backup(tmp_path: Path, clock: FakeClock) -> tuple[ShowBridge, Pairing, Host]:
    state = tmp_path / "backup"
    agenda_path = backup_agenda_path(state, "agenda.yaml")
    host = Host(state, agenda_path)
    bridge = ShowBridge(ShowSession(seed(), agenda_path, state), clock)
    host.fsync.set_listener(bridge.on_synced_callback())
    pairing = Pairing(bridge, host)
    bridge.set_standing(Standing(Role.FOLLOWING, primary="192.168.1.20:8765", connected=True))
    return bridge, pairing, host


def copy_into(pairing: Pairing, source: Path, state: Path) -> None:
    """What the follower's client does with the primary's bytes: into the copy, then applied."""
    from runofshow.io.journal_format import entry_of
    from runofshow.io.replay import Mirror

    copy = RecordCopy(pairing._copy_folder("agenda.yaml"))
    copy.start(source.name)
    data = source.read_bytes()
    copy.append(0, data)
    pairing.copy = copy
    pairing.mirror = Mirror(pairing.bridge.session.engine.agenda, copy.folder)
    entries = [e for e in (entry_of(line) for line in data.splitlines()) if e is not None]
    pairing._entries(entries, [])


def test_a_backup_refuses_every_show_command_with_the_reason(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(at(13, 30).t)
    bridge, _pairing, _host = backup(tmp_path, clock)
    for name, args in (("go", {}), ("message", {"text": "hi"}), ("undo", {}), ("insert_slot", {"after": "welcome",
                                                                                               "title": "X"})):
        outcome = bridge.run(name, args)
        assert not outcome.accepted and outcome.message == "following 192.168.1.20:8765; take over first", name
    assert bridge.replace_agenda(seed()) == "following 192.168.1.20:8765; take over first"
    assert bridge.session.journal is None  # it wrote nothing of its own


def test_a_backup_mirrors_and_takes_over_the_same_show(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(at(13, 30).t)
    primary, source = primary_with_a_show(tmp_path, clock)
    bridge, pairing, host = backup(tmp_path, clock)
    copy_into(pairing, source, host.state_dir)
    clock.advance(30)
    mirrored, original = bridge.tick(), primary.tick()
    assert (mirrored.current, mirrored.message, mirrored.added, mirrored.elapsed) == (
        original.current, original.message, original.added, original.elapsed)
    outcome = bridge.run("take_over")
    assert outcome.accepted, outcome.message
    assert bridge.standing.role is Role.PRIMARY and bridge.standing.epoch.number == 2
    assert "took over" in bridge.standing.note and host.notices
    taken = bridge.tick()
    assert (taken.current, taken.message, taken.added, round(taken.elapsed)) == (
        original.current, original.message, original.added, round(original.elapsed))
    # The record goes on in the copy: a restart of this laptop resumes the taken-over show on epoch 2.
    assert bridge.run("next").accepted
    journal = bridge.session.journal
    assert journal is not None and journal.path.parent == pairing._copy_folder("agenda.yaml")
    contents = read_journal(journal.path)
    assert [e.name for e in contents.entries].count(EPOCH) == 1
    assert record_epoch(contents.entries) == Epoch(2, pairing.node)
    assert host.adopted == [backup_agenda_path(host.state_dir, "agenda.yaml")]
    # A primary answers take_over with a refusal: it drives the show already.
    assert not bridge.run("take_over").accepted


def test_taking_over_before_the_primary_wrote_anything_starts_the_same_show(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(at(13, 30).t)
    bridge, _pairing, _host = backup(tmp_path, clock)
    outcome = bridge.run("take_over")
    assert outcome.accepted, outcome.message
    assert bridge.run("go").accepted
    journal = bridge.session.journal
    assert journal is not None and record_epoch(read_journal(journal.path).entries).number == 2


def test_a_primary_that_stood_still_waits_for_its_backups_answer(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(at(13, 30).t)
    host = Host(tmp_path, tmp_path / "agenda.yaml")
    bridge = ShowBridge(ShowSession(seed(), tmp_path / "agenda.yaml", tmp_path), clock)
    pairing = Pairing(bridge, host)
    feed = RecordFeed(pairing.tap, "me", Epoch, lambda: FeedDetails("", None),
                      on_outranked=lambda _e, _a: None, on_backups=lambda _b: None)
    pairing.feed = feed
    bridge.tick()
    assert bridge.run("go").accepted  # no backup has ever followed: a pause means nothing
    feed.had_backup = True
    clock.advance(LOST_AFTER_S - 1)
    assert bridge.run("pause").accepted  # a short gap between ticks is not a freeze
    clock.advance(LOST_AFTER_S + 5)  # the laptop stood still: the backup may have taken over meanwhile
    refused = bridge.run("resume")
    assert not refused.accepted and "stood still" in refused.message
    feed._checked = feed._check  # the backup echoed the check: it still follows this laptop
    assert bridge.run("resume").accepted


def test_a_higher_epoch_makes_a_primary_step_down(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(at(13, 30).t)
    host = Host(tmp_path, tmp_path / "agenda.yaml")
    session = ShowSession(seed(), tmp_path / "agenda.yaml", tmp_path)
    bridge = ShowBridge(session, clock)
    pairing = Pairing(bridge, host)
    assert bridge.run("go").accepted
    assert session.journal is not None
    pairing.follow = lambda address, folder=None: None  # type: ignore[method-assign]  # no network here
    pairing.step_down(Epoch(2, "other:8765"), "192.168.1.21:8765")
    assert bridge.standing.following and bridge.standing.primary == "192.168.1.21:8765"
    assert "stepped down" in bridge.standing.note
    assert not bridge.run("next").accepted
