"""The journal: an append-only, fsync'd record of every accepted command.

One JSON object a line. The first line is a header; every other line is a command with the
show-timeline second it ran at (`t`), the wall clock in UTC (`wall`, ISO 8601, for people) and its
arguments. Replaying the lines through a fresh engine rebuilds the show exactly; that is how the
app restores after a crash and where the report comes from.

A power cut can leave the last line half written. Reading stops at the first line that is not a
whole, valid entry and says so; opening the journal to append cuts that torn tail off first.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.show import ShowEngine

JOURNAL_VERSION = 1
SUFFIX = ".jsonl"


class JournalWriteError(Exception):
    """The journal could not be written (disk full, removed, read-only). The show itself goes on."""


@dataclass(frozen=True)
class Entry:
    seq: int
    name: str
    args: dict[str, object]
    now: Instant


@dataclass(frozen=True)
class JournalContents:
    """What a journal holds: its whole entries, where they end, and any problem reading it."""

    path: Path
    entries: tuple[Entry, ...]
    good_length: int  # bytes up to the end of the last good line
    problems: tuple[str, ...] = ()
    agenda: str = ""


@dataclass
class Replay:
    """A show rebuilt from a journal, with what could not be replayed."""

    engine: ShowEngine
    entries: int
    problems: list[str] = field(default_factory=list)


def default_state_dir() -> Path:
    """The user's data directory for runofshow (journals live here unless --state-dir says otherwise)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "runofshow"


def journal_dir(state_dir: Path, agenda_path: Path) -> Path:
    """One folder per agenda file: its name plus a short hash of its full path."""
    resolved = str(Path(agenda_path).resolve())
    # crc32 is enough to tell two agenda paths apart, and avoids loading OpenSSL (4 MB) for hashlib.
    digest = f"{zlib.crc32(resolved.encode('utf-8')):08x}"
    return state_dir / "journals" / f"{Path(agenda_path).stem}-{digest}"


def latest_journal(state_dir: Path, agenda_path: Path) -> Path | None:
    """The newest journal of this agenda, if a show on it was ever started."""
    folder = journal_dir(state_dir, agenda_path)
    journals = sorted(folder.glob(f"show-*{SUFFIX}")) if folder.is_dir() else []
    return journals[-1] if journals else None


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def read_journal(path: Path) -> JournalContents:
    """Read every whole entry; stop at a torn or corrupt line and say where."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return JournalContents(path, (), 0, (f"{path}: cannot read the journal: {exc.strerror or exc}",))
    entries: list[Entry] = []
    problems: list[str] = []
    agenda = ""
    position = 0
    line_number = 0
    while position < len(data):
        end = data.find(b"\n", position)
        line_number += 1
        if end < 0:
            problems.append(f"{path}:{line_number}: the last entry was cut short (a crash or power loss while "
                            f"writing); replayed the {len(entries)} entries before it")
            break
        try:
            record = json.loads(data[position:end].decode("utf-8"))
            if line_number == 1:
                if record.get("journal") != "runofshow":
                    raise ValueError("not a runofshow journal")
                agenda = str(record.get("agenda", ""))
            else:
                entries.append(_entry(record))
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"{path}:{line_number}: unreadable entry ({exc}); replayed the {len(entries)} "
                            f"entries before it")
            break
        position = end + 1
    return JournalContents(path, tuple(entries), position, tuple(problems), agenda)


def _entry(record: Mapping[str, object]) -> Entry:
    args = record["args"]
    if not isinstance(args, dict):
        raise TypeError("args is not an object")
    t, wall, seq, name = record["t"], record["wall_epoch"], record["seq"], record["cmd"]
    if not isinstance(t, int | float) or not isinstance(wall, int | float) or not isinstance(seq, int):
        raise TypeError("t, wall_epoch and seq must be numbers")
    return Entry(seq, str(name), dict(args), Instant(float(t), float(wall)))


def replay(agenda: Agenda, contents: JournalContents) -> Replay:
    """Run every entry through a fresh engine. Entries that no longer apply are reported, not fatal."""
    engine = ShowEngine(agenda)
    result = Replay(engine, len(contents.entries), list(contents.problems))
    for entry in contents.entries:
        outcome = engine.execute(entry.name, entry.now, entry.args)
        if not outcome.accepted:
            result.problems.append(f"entry {entry.seq} ({entry.name} at {_iso(entry.now.wall)}) no longer applies "
                                   f"to this agenda: {outcome.message}")
    return result


class Journal:
    """Appends entries durably: each `append` returns only after the line is on disk (fsync)."""

    def __init__(self, path: Path, fd: int, next_seq: int) -> None:
        self.path = path
        self._fd = fd
        self._seq = next_seq

    @classmethod
    def create(cls, state_dir: Path, agenda_path: Path, now: Instant) -> Journal:
        """Start a new journal for a new show; earlier journals are kept as they are."""
        folder = journal_dir(state_dir, agenda_path)
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
        journal = cls(path, fd, 1)
        header = {"journal": "runofshow", "version": JOURNAL_VERSION, "agenda": str(Path(agenda_path).resolve()),
                  "created": _iso(now.wall)}
        journal._write(header)
        _fsync_dir(folder)
        return journal

    @classmethod
    def reopen(cls, contents: JournalContents) -> Journal:
        """Go on appending to a journal after a restart, first cutting off a torn last line."""
        try:
            fd = os.open(contents.path, os.O_WRONLY | os.O_APPEND)
            if os.fstat(fd).st_size != contents.good_length:
                os.ftruncate(fd, contents.good_length)
                os.fsync(fd)
        except OSError as exc:
            raise JournalWriteError(f"cannot reopen {contents.path}: {exc.strerror or exc}") from exc
        last = contents.entries[-1].seq if contents.entries else 0
        return cls(contents.path, fd, last + 1)

    def append(self, name: str, now: Instant, args: Mapping[str, object]) -> None:
        """Record one accepted command durably. Raises JournalWriteError when the disk refuses."""
        record = {"seq": self._seq, "wall": _iso(now.wall), "wall_epoch": now.wall, "t": now.t, "cmd": name,
                  "args": dict(args)}
        self._write(record)
        self._seq += 1

    def _write(self, record: Mapping[str, object]) -> None:
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        size = -1
        try:
            size = os.fstat(self._fd).st_size
            written = os.write(self._fd, line)
            if written != len(line):
                raise OSError(28, "short write (disk full?)")
            os.fsync(self._fd)
        except OSError as exc:
            self._cut_back(size)
            raise JournalWriteError(f"cannot write the journal {self.path}: {exc.strerror or exc}") from exc

    def _cut_back(self, size: int) -> None:
        # A half-written line would stop every later replay there: take it back if the disk lets us.
        if size < 0:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, size)

    def close(self) -> None:
        if self._fd >= 0:
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
