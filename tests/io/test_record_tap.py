"""Where the record stands for a backup laptop (io/record_tap.py): the session moves the tap after each write,
and the tap says exactly how many bytes of whole lines are in the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from runofshow.io.record_tap import RecordTap
from runofshow.io.session import ShowSession
from tests.core.helpers import at, seed
from tests.io.test_journal import AGENDA_PATH


def test_the_tap_follows_every_write_and_a_new_journal_is_a_new_generation(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    tap = RecordTap()
    moves: list[int] = []
    tap.listen(lambda: moves.append(tap.position.length))
    session.tap = tap
    session.run("go", at(13, 30))
    assert session.journal is not None
    first = session.journal.path
    assert tap.position.path == first and tap.position.generation == 1
    assert tap.position.length == first.stat().st_size and tap.position.seq == session.journal.last_seq
    session.run("message", at(13, 31), {"text": "Wrap up"})
    assert tap.position.length == first.stat().st_size and len(moves) == 2
    session.new_show()
    session.run("go", at(13, 40))
    assert session.journal is not None and session.journal.path != first
    assert tap.position.generation == 2 and tap.position.length == session.journal.path.stat().st_size
    session.close()


def test_a_listener_forgotten_hears_no_more() -> None:
    tap = RecordTap()
    heard: list[int] = []

    def listener() -> None:
        heard.append(1)

    tap.listen(listener)
    tap.wrote(Path("a.jsonl"), 10, 1)
    tap.forget(listener)
    tap.forget(listener)  # twice: no error
    tap.wrote(Path("a.jsonl"), 20, 2)
    assert heard == [1] and tap.position.length == 20 and tap.position.generation == 1


def test_after_a_refused_fsync_the_tap_says_what_is_in_the_file(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    tap = RecordTap()
    session.tap = tap
    session.run("go", at(13, 30))
    assert session.journal is not None
    path = session.journal.path
    real_fsync = os.fsync

    def refusing(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", refusing)
    session.run("next", at(13, 45))  # accepted; its line is cut back, kept in memory to write again
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert not session.health().ok
    assert tap.position.length == path.stat().st_size  # a backup must never be asked for bytes that are not there
    session.close()
