"""A backup laptop's copy of the primary's journal (io/record_copy.py): only a journal's name, only whole lines
that continue it, nothing half-written when the disk refuses, and an earlier copy never overwritten."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from runofshow.io import record_copy
from runofshow.io.record_copy import TAIL_BYTES, CopyError, RecordCopy, read_range, read_tail, tail_crc

NAME = "show-20231130T122500.jsonl"
LINES = b'{"journal":"runofshow"}\n{"seq":1}\n{"seq":2}\n'


def started(folder: Path, name: str = NAME, data: bytes = LINES) -> RecordCopy:
    copy = RecordCopy(folder)
    copy.start(name)
    copy.append(0, data)
    return copy


# -- names from the network --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [
    "", ".", "..", "../" + NAME, "/etc/" + NAME, "sub/" + NAME, "sub\\" + NAME, NAME + "/..", NAME + "\n",
    NAME + "\x00", "show-2023113T122500.jsonl", "show-20231130T122500.json", "show-20231130T122500-1234567.jsonl",
    "show-20231130T122500.jsonl.replaced-20231130T122500", "x" * 5000, "show-２０２３１１３０T122500.jsonl",
    "show-20231130T122500-.jsonl", "agenda.yaml",
])
def test_a_name_that_is_not_a_journals_is_refused_and_nothing_is_created(tmp_path: Path, name: str) -> None:
    copy = RecordCopy(tmp_path / "copies")
    with pytest.raises(CopyError) as refused:
        copy.start(name)
    assert len(str(refused.value)) < 200  # a long name is not echoed whole into the log
    with pytest.raises(CopyError):
        copy.resume(name)
    assert not (tmp_path / "copies").exists()
    assert copy.have() == ("", 0, "")


@pytest.mark.parametrize("name", [NAME, "show-20231130T122500-2.jsonl", "show-20231130T122500-999999.jsonl"])
def test_a_journals_own_names_are_taken(tmp_path: Path, name: str) -> None:
    copy = started(tmp_path, name)
    assert copy.path == tmp_path / name and (tmp_path / name).read_bytes() == LINES


# -- bytes that do not continue the copy -------------------------------------------------------------------


def test_a_gap_or_an_overlap_is_refused_and_the_copy_is_left_as_it_was(tmp_path: Path) -> None:
    copy = started(tmp_path)
    for offset in (0, len(LINES) - 1, len(LINES) + 1, -1, 10**12):
        with pytest.raises(CopyError, match="from"):
            copy.append(offset, b'{"seq":3}\n')
    assert (tmp_path / NAME).read_bytes() == LINES and copy.length == len(LINES)
    copy.append(len(LINES), b'{"seq":3}\n')
    assert (tmp_path / NAME).read_bytes() == LINES + b'{"seq":3}\n'


def test_a_line_cut_short_is_refused_whole(tmp_path: Path) -> None:
    copy = started(tmp_path)
    with pytest.raises(CopyError, match="cut short"):
        copy.append(len(LINES), b'{"seq":3}\n{"seq":4')
    assert (tmp_path / NAME).read_bytes() == LINES and copy.length == len(LINES)


def test_appending_before_any_copy_is_opened_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CopyError, match="no copy"):
        RecordCopy(tmp_path).append(0, b"{}\n")


@pytest.mark.parametrize("failure", ["raises", "short"])
def test_a_refusing_disk_cuts_the_copy_back_and_the_next_try_carries_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    copy = started(tmp_path)
    real_write = os.write

    def refusing(fd: int, data: bytes) -> int:
        if failure == "raises":
            real_write(fd, bytes(data)[:7])  # part of it reached the file before the disk refused
            raise OSError(28, "No space left on device")
        return real_write(fd, bytes(data)[:5])

    monkeypatch.setattr(os, "write", refusing)
    with pytest.raises(CopyError, match="cannot write"):
        copy.append(len(LINES), b'{"seq":3}\n{"seq":4}\n')
    monkeypatch.setattr(os, "write", real_write)
    assert (tmp_path / NAME).read_bytes() == LINES and copy.length == len(LINES)
    copy.append(len(LINES), b'{"seq":3}\n')
    assert (tmp_path / NAME).read_bytes() == LINES + b'{"seq":3}\n'


def test_a_record_beyond_a_journals_size_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_copy, "MAX_JOURNAL_BYTES", len(LINES) + 5)
    copy = started(tmp_path)
    with pytest.raises(CopyError, match="larger"):
        copy.append(len(LINES), b'{"seq":3}\n')
    assert (tmp_path / NAME).read_bytes() == LINES


# -- carrying on after a reconnection or a restart ---------------------------------------------------------


def test_resume_carries_on_where_the_copy_ends(tmp_path: Path) -> None:
    started(tmp_path).close()
    copy = RecordCopy(tmp_path)
    copy.resume(NAME)
    assert copy.length == len(LINES) and copy.have()[:2] == (NAME, len(LINES))
    copy.append(len(LINES), b'{"seq":3}\n')
    assert (tmp_path / NAME).read_bytes() == LINES + b'{"seq":3}\n'


@pytest.mark.parametrize("torn", [b'{"seq":3,"args":{"te', b"x" * (TAIL_BYTES + 10), b"y" * (3 * TAIL_BYTES)])
def test_resume_cuts_a_torn_last_line_even_one_longer_than_the_tail(tmp_path: Path, torn: bytes) -> None:
    (tmp_path / NAME).write_bytes(LINES + torn)
    copy = RecordCopy(tmp_path)
    copy.resume(NAME)
    assert copy.length == len(LINES) and (tmp_path / NAME).read_bytes() == LINES
    copy.append(len(LINES), b'{"seq":3}\n')
    assert (tmp_path / NAME).read_bytes() == LINES + b'{"seq":3}\n'


def test_resume_of_a_file_without_one_whole_line_empties_it(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b"z" * (TAIL_BYTES * 2))
    copy = RecordCopy(tmp_path)
    copy.resume(NAME)
    assert copy.length == 0 and (tmp_path / NAME).read_bytes() == b""


def test_resume_keeps_a_long_last_line_that_is_whole(tmp_path: Path) -> None:
    long_line = b'{"plan":"' + b"p" * (TAIL_BYTES * 2) + b'"}\n'
    (tmp_path / NAME).write_bytes(LINES + long_line)
    copy = RecordCopy(tmp_path)
    copy.resume(NAME)
    assert copy.length == len(LINES) + len(long_line)


def test_resume_of_a_copy_that_is_not_there_is_a_copy_error(tmp_path: Path) -> None:
    with pytest.raises(CopyError, match="carry on"):
        RecordCopy(tmp_path).resume(NAME)


# -- starting again ---------------------------------------------------------------------------------------


def test_start_moves_an_existing_copy_aside(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b"what that laptop wrote alone\n")
    copy = started(tmp_path)
    aside = [p for p in tmp_path.iterdir() if p.name.startswith(NAME + ".replaced-")]
    assert len(aside) == 1 and aside[0].read_bytes() == b"what that laptop wrote alone\n"
    assert (tmp_path / NAME).read_bytes() == LINES and copy.length == len(LINES)


class _StillClock:
    """`datetime` whose now() does not move: every start within one second of the last."""

    @staticmethod
    def now(tz: object = None) -> datetime:
        return datetime(2023, 11, 30, 12, 25, 0, tzinfo=UTC)


def test_two_starts_within_one_second_keep_both_earlier_copies(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_copy, "datetime", _StillClock)
    firsts = [b"first copy\n", b"second copy\n", b"third copy\n"]
    for data in firsts:
        started(tmp_path, data=data)
    kept = sorted(p.read_bytes() for p in tmp_path.iterdir() if p.name != NAME)
    assert kept == sorted(firsts[:2])  # never overwritten: each earlier copy is evidence
    assert (tmp_path / NAME).read_bytes() == firsts[2]


def test_start_of_the_open_copy_itself_moves_it_aside(tmp_path: Path) -> None:
    copy = started(tmp_path)
    copy.start(NAME)
    assert copy.length == 0 and (tmp_path / NAME).read_bytes() == b""
    assert [p.read_bytes() for p in tmp_path.iterdir() if p.name != NAME] == [LINES]


# -- what the copy holds, as the hello tells the primary --------------------------------------------------


def test_have_tells_the_name_length_and_a_tail_crc_that_follows_the_tail(tmp_path: Path) -> None:
    copy = started(tmp_path)
    name, length, crc = copy.have()
    assert (name, length) == (NAME, len(LINES)) and crc == tail_crc(LINES)
    copy.append(length, b'{"seq":3}\n')
    assert copy.have()[2] != crc
    # The same length with other bytes (another laptop's journal of that name) has another CRC.
    other = RecordCopy(tmp_path / "other")
    other.start(NAME)
    other.append(0, LINES.replace(b"2", b"7"))
    assert other.have()[1] == len(LINES) and other.have()[2] != crc


def test_the_tail_crc_covers_only_the_last_tail_bytes(tmp_path: Path) -> None:
    first = b"a" * 100 + b"\n"
    rest = b"b" * TAIL_BYTES + b"\n"
    one = started(tmp_path / "one", data=first + rest)
    two = started(tmp_path / "two", data=first.replace(b"a", b"c") + rest)
    assert one.have()[2] == two.have()[2]  # the difference is before the tail: compared by length only
    assert read_tail(tmp_path / "one" / NAME, one.length) == (first + rest)[-TAIL_BYTES:]


def test_read_range_gives_whole_lines_only(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_bytes(LINES)
    assert read_range(path, 0, len(LINES)) == LINES
    assert read_range(path, 0, len(LINES) - 1) == LINES[:LINES.rfind(b"\n", 0, len(LINES) - 1) + 1]
    assert read_range(path, 0, 3) == b""
    assert read_range(tmp_path / "missing", 0, 10) == b""
    assert read_tail(tmp_path / "missing", 10) == b""
