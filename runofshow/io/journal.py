"""The show record: an append-only journal of every accepted command, every plan version and checkpoints.

This module writes it: each line is written before `append` returns and fsync'd (inline, or on an
FsyncWorker's thread); a new show gets a new file by exclusive create; an unfinished last line is the
only thing ever cut, and a damaged journal is copied aside before anything is appended to it.
The rest of the record lives beside it, and every name is importable from here too:
- `journal_format`: the line format (header, entries, `@plan`, `@checkpoint`, CRCs) and reading it back;
- `journal_search`: choosing the latest show of an agenda;
- `replay`: rebuilding the show from the last good checkpoint.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from runofshow.core.clock import Instant
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.journal_format import (
    CHECKPOINT,
    EPOCH,
    JOURNAL_VERSION,
    MAX_HEADER_BYTES,
    MAX_JOURNAL_BYTES,
    PLAN,
    SUFFIX,
    Entry,
    JournalContents,
    default_state_dir,
    iso_utc,
    journal_dir,
    read_journal,
    seal,
)
from runofshow.io.journal_search import JournalSearch, find_latest_journal, latest_journal
from runofshow.io.replay import Replay, replay

__all__ = [
    "CHECKPOINT", "EPOCH", "JOURNAL_VERSION", "MAX_HEADER_BYTES", "MAX_JOURNAL_BYTES", "PLAN", "SUFFIX",
    "Entry", "Journal", "JournalContents", "JournalSearch", "JournalWriteError", "Replay",
    "copy_aside", "default_state_dir", "find_latest_journal", "journal_dir", "latest_journal",
    "read_journal", "replay",
]


class JournalWriteError(Exception):
    """The journal could not be written (disk full, removed, read-only). The show itself goes on."""


def copy_aside(path: Path, now: Instant) -> Path | None:
    """Keep a damaged journal as it is, before anything is appended to it. Returns the copy."""
    stamp = datetime.fromtimestamp(now.wall, UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        shutil.copy2(path, target)
    except OSError:
        return None
    return target


class Journal:
    """Appends entries: each line is written before `append` returns (a crash of the app loses none of it);
    the fsync that makes it survive a power cut runs inline or on an FsyncWorker's thread."""

    written_lines = 0  # shared by every journal of this process, so the fsync worker's tokens only rise

    def __init__(self, path: Path, fd: int, next_seq: int, fsync: FsyncWorker | None = None) -> None:
        self.path = path
        self._fd = fd
        self._seq = next_seq
        self._fsync = fsync
        self.last_plan_seq = 0
        self.written = 0  # a rising count of lines written by this process, across journals (tokens)
        self.length = 0  # bytes of whole lines in the file: where a backup laptop's copy must reach
        self.last_seq = next_seq - 1

    @classmethod
    def create(cls, state_dir: Path, agenda_path: Path, now: Instant, fsync: FsyncWorker | None = None,
               continues: Path | None = None) -> Journal:
        """Start a new journal; earlier journals are kept as they are. `continues`: the one it carries on."""
        folder = journal_dir(state_dir, agenda_path)
        path = folder / "show.jsonl"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.fromtimestamp(now.wall, UTC).strftime("%Y%m%dT%H%M%S")
            path = folder / f"show-{stamp}{SUFFIX}"
            counter = 1
            while path.exists():
                counter += 1
                path = folder / f"show-{stamp}-{counter}{SUFFIX}"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        except OSError as exc:
            raise JournalWriteError(f"cannot create a journal in {folder}: {exc.strerror or exc}") from exc
        journal = cls(path, fd, 1, fsync)
        header: dict[str, object] = {"journal": "runofshow", "version": JOURNAL_VERSION,
                                     "agenda": str(Path(agenda_path).resolve()), "created": iso_utc(now.wall),
                                     "created_epoch": now.wall}
        if continues is not None:
            header["continues"] = str(continues)
        try:
            journal._write(header, sync_now=True)
        except JournalWriteError:
            journal.close()
            with contextlib.suppress(OSError):
                path.unlink()  # an empty file would only be passed over later
            raise
        _fsync_dir(folder)
        return journal

    @classmethod
    def reopen(cls, contents: JournalContents, fsync: FsyncWorker | None = None) -> Journal:
        """Go on appending to a journal after a restart. Only an unterminated last line is cut."""
        try:
            fd = os.open(contents.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise JournalWriteError(f"cannot reopen {contents.path}: {exc.strerror or exc}") from exc
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise OSError(21, "not a regular file")
            if contents.torn and info.st_size > contents.good_length:
                os.ftruncate(fd, contents.good_length)
                os.fsync(fd)
            elif info.st_size != contents.good_length:
                # Someone else wrote to it since it was read: never cut another writer's lines.
                raise OSError(16, "the journal changed since it was read")
        except OSError as exc:
            os.close(fd)
            raise JournalWriteError(f"cannot reopen {contents.path}: {exc.strerror or exc}") from exc
        last = contents.entries[-1].seq if contents.entries else 0
        journal = cls(contents.path, fd, last + 1, fsync)
        journal.length = contents.good_length
        plans = [e.seq for e in contents.entries if e.name == PLAN]
        journal.last_plan_seq = plans[-1] if plans else 0
        return journal

    def append(self, name: str, now: Instant, args: Mapping[str, object]) -> int:
        """Write one entry; returns its sequence number. Raises JournalWriteError when the disk refuses."""
        body = dict(args)
        if name == CHECKPOINT:
            body["plan_seq"] = self.last_plan_seq
        record = {"seq": self._seq, "wall": iso_utc(now.wall), "wall_epoch": now.wall, "t": now.t, "cmd": name,
                  "args": body}
        self._write(record)
        seq = self.last_seq = self._seq
        if name == PLAN:
            self.last_plan_seq = seq
        self._seq += 1
        return seq

    def _write(self, record: Mapping[str, object], sync_now: bool = False) -> None:
        try:
            text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            line = seal(text.encode("utf-8"))
        except (ValueError, TypeError, UnicodeEncodeError) as exc:  # bounded at the command table; never here
            raise JournalWriteError(f"an entry could not be written as JSON: {exc}") from exc
        size = -1
        try:
            size = os.fstat(self._fd).st_size
            self._put(line)
            self.length = size + len(line)
            Journal.written_lines += 1
            self.written = Journal.written_lines
            if self._fsync is None or sync_now:
                os.fsync(self._fd)
            else:
                self._fsync.request(self._fd, self.written)
        except OSError as exc:
            self._cut_back(size)
            if size >= 0:
                self.length = size  # the line was taken back: a backup must not wait for it
            raise JournalWriteError(f"cannot write the journal {self.path}: {exc.strerror or exc}") from exc

    def _put(self, line: bytes) -> None:
        """One line to the file (the kernel's from here on). Tests replace it to play a full disk."""
        written = os.write(self._fd, line)
        if written != len(line):
            raise OSError(28, "short write (disk full?)")

    def _cut_back(self, size: int) -> None:
        # A half-written line would stand in the middle of the record: take it back if the disk lets us.
        if size < 0:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, size)

    def close(self) -> None:
        if self._fd >= 0:
            if self._fsync is not None:
                self._fsync.forget(self._fd)
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1


def _fsync_dir(folder: Path) -> None:
    # Makes the new file's name durable too; not possible (nor needed) on every platform.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
