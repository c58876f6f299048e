"""The show record's line format, and reading a record back: every readable entry, the rest reported.

One JSON object a line. The first line is a header; every other line is an entry with a rising
sequence number, the show-timeline second it happened at (`t`), the wall clock (`wall_epoch`, and
`wall` in UTC for people) and either a command (`cmd`, `args`) or a record:
- `@plan`: the whole plan in force from then on (each load, reload and in-app edit), so a replay
  uses the plan the operator had, not today's file;
- `@checkpoint`: the whole live state with its undo history, so a resume replays only the tail and
  damage before a checkpoint costs nothing;
- `@epoch`: a backup laptop took over the show here (core/standing.py).
Each line ends with a CRC of its content (`"crc":"…"`), so a flipped bit is found, not replayed.

Reading never crashes and never deletes: a line that cannot be read is skipped, counted and
reported with its line number, and a torn last line is noted (only the writer cuts it).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from runofshow.core.clock import Instant
from runofshow.io.live_codec import plausible_time

JOURNAL_VERSION = 2
SUFFIX = ".jsonl"
PLAN = "@plan"
CHECKPOINT = "@checkpoint"
EPOCH = "@epoch"  # a take-over: the epoch (core/standing.py) from here on, and the laptop that took it
MAX_JOURNAL_BYTES = 256 * 1024 * 1024  # a 12-hour show with checkpoints is a few MiB
MAX_HEADER_BYTES = 64 * 1024
_BOM = b"\xef\xbb\xbf"
_CRC = re.compile(rb',"crc":"([0-9a-f]{8})"\}\s*$')


@dataclass(frozen=True)
class Entry:
    seq: int
    name: str  # the command, or PLAN / CHECKPOINT
    args: dict[str, object]  # the command's arguments, or the record's body
    now: Instant
    line: int = 0  # where it stands in the file, for reports

    @property
    def is_command(self) -> bool:
        return not self.name.startswith("@")  # records are named @...; commands never are


@dataclass(frozen=True)
class JournalContents:
    """What a journal holds: its readable entries, where the whole lines end, and what could not be read."""

    path: Path
    entries: tuple[Entry, ...]
    good_length: int  # bytes up to the end of the last whole line
    problems: tuple[str, ...] = ()
    agenda: str = ""  # the agenda file the show was started on
    created: float | None = None  # the header's wall clock
    skipped: tuple[int, ...] = ()  # line numbers that could not be read
    torn: bool = False  # the last line was cut short

    @property
    def commands(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.is_command)

    @property
    def damaged(self) -> bool:
        return bool(self.skipped)



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


def iso_utc(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# -- reading -------------------------------------------------------------------------------------


def read_regular(path: Path, limit: int) -> tuple[bytes, str]:
    """The file's bytes (at most `limit`), or why it cannot be a journal. Never blocks on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return b"", str(exc.strerror or exc)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return b"", "it is not a regular file"
        if info.st_size > MAX_JOURNAL_BYTES:
            return b"", f"it is {info.st_size // (1024 * 1024)} MiB, more than a journal can be"
        chunks: list[bytes] = []
        size = 0
        while size < limit:
            chunk = os.read(fd, min(1024 * 1024, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks), ""
    except OSError as exc:
        return b"", str(exc.strerror or exc)
    finally:
        os.close(fd)


def read_journal(path: Path) -> JournalContents:
    """Every readable entry; unreadable lines are skipped and reported, a torn last line noted."""
    data, refusal = read_regular(path, MAX_JOURNAL_BYTES)
    if refusal:
        return JournalContents(path, (), 0, (f"{path}: cannot read the journal: {refusal}",))
    offset = len(_BOM) if data.startswith(_BOM) else 0  # an editor's byte-order mark is harmless
    entries: list[Entry] = []
    problems: list[str] = []
    skipped: list[int] = []
    agenda, created, torn = "", None, False
    position, line_number, last_seq = offset, 0, 0
    while position < len(data):
        end = data.find(b"\n", position)
        line_number += 1
        if end < 0:
            torn = True
            problems.append(f"{path}:{line_number}: the last entry was cut short (a crash or power loss while "
                            "writing); it was not replayed")
            break
        raw = data[position:end]
        position = end + 1
        if not raw.strip():
            continue
        try:
            record = parse_line(raw)
            if line_number == 1 and "journal" in record:
                agenda, created = _header(record)
                continue
            entry = _entry(record, line_number)
            if entry.seq <= last_seq:
                raise ValueError(f"sequence number {entry.seq} after {last_seq} (two writers?)")
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            skipped.append(line_number)
            problems.append(f"{path}:{line_number}: unreadable entry skipped ({str(exc)[:160]})")
            continue
        last_seq = entry.seq
        entries.append(entry)
    # `position` stops at the start of a torn line: everything before it is whole lines.
    return JournalContents(path, tuple(entries), position, tuple(problems), agenda, created,
                           tuple(skipped), torn)


def parse_line(raw: bytes) -> dict[str, object]:
    """One line's JSON object, its CRC checked. Raises ValueError, TypeError or RecursionError."""
    record = json.loads(_unseal(raw).decode("utf-8"), parse_constant=_refuse_constant)
    if not isinstance(record, dict):
        raise TypeError("not a JSON object")
    return record


def entry_of(raw: bytes, line: int = 0) -> Entry | None:
    """The entry on one line, or None for the header. Raises ValueError, KeyError, TypeError or RecursionError."""
    record = parse_line(raw)
    if "journal" in record and "seq" not in record:
        return None
    return _entry(record, line)


def seal(body: bytes) -> bytes:
    """The line with a CRC of its content: a flipped bit anywhere in it is found, not replayed."""
    return body[:-1] + b',"crc":"%08x"}\n' % zlib.crc32(body)


def _unseal(raw: bytes) -> bytes:
    """The line's JSON without its CRC, after checking it (lines of version 1 have none)."""
    match = _CRC.search(raw)
    if match is None:
        return raw
    body = raw[:match.start()] + b"}"
    if int(match.group(1), 16) != zlib.crc32(body):
        raise ValueError("its checksum does not match (a damaged disk or a hand edit)")
    return body


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a journal can hold")


def _header(record: Mapping[str, object]) -> tuple[str, float | None]:
    if record.get("journal") != "runofshow":
        raise ValueError("not a runofshow journal")
    created = record.get("created_epoch")
    return str(record.get("agenda", "")), float(created) if plausible_time(created) else None  # type: ignore[arg-type]


def _entry(record: Mapping[str, object], line: int) -> Entry:
    args = record["args"]
    if not isinstance(args, dict):
        raise TypeError("args is not an object")
    t, wall, seq, name = record["t"], record["wall_epoch"], record["seq"], record["cmd"]
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise TypeError("seq must be a positive whole number")
    if not plausible_time(t) or not plausible_time(wall):
        raise ValueError(f"time {t!r} / {wall!r} is not a plausible moment of a show")
    if not isinstance(name, str) or not 0 < len(name) <= 64:
        raise TypeError("cmd must be a short text")
    return Entry(seq, name, dict(args), Instant(float(t), float(wall)), line)  # type: ignore[arg-type]


def read_created(path: Path) -> tuple[float | None, str]:
    """The wall clock the header says the show was started at, and why the file cannot be read ('' if it can).

    Reads only the first line (at most MAX_HEADER_BYTES): choosing among many journals must not
    read every one whole. None with no refusal: the header is damaged or old (version 1), or says nothing.
    """
    head, refusal = read_regular(path, MAX_HEADER_BYTES)
    if refusal:
        return None, refusal
    head = head.removeprefix(_BOM)
    first = head.split(b"\n", 1)[0]
    with contextlib.suppress(ValueError, TypeError, KeyError, RecursionError):
        record = json.loads(_unseal(first).decode("utf-8"), parse_constant=_refuse_constant)
        if isinstance(record, dict):
            _agenda, created = _header(record)
            return created, ""
    return None, ""
