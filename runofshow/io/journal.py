"""The show record: an append-only journal of every accepted command, every plan version and checkpoints.

One JSON object a line. The first line is a header; every other line is an entry with a rising
sequence number, the show-timeline second it happened at (`t`), the wall clock (`wall_epoch`, and
`wall` in UTC for people) and either a command (`cmd`, `args`) or a record:
- `@plan`: the whole plan in force from then on (each load, reload and in-app edit), so a replay
  uses the plan the operator had, not today's file;
- `@checkpoint`: the whole live state with its undo history, so a resume replays only the tail and
  damage before a checkpoint costs nothing.

Reading never crashes and never deletes: a line that cannot be read is skipped, counted and
reported with its line number; only an unterminated last line (a power cut mid-write) is cut, and a
damaged journal is copied aside before anything is appended to it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.show import ShowEngine
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.live_codec import LiveDecodeError, checkpoint_from_json, plausible_time
from runofshow.io.plan_codec import PlanDecodeError, plan_from_json

JOURNAL_VERSION = 2
SUFFIX = ".jsonl"
PLAN = "@plan"
CHECKPOINT = "@checkpoint"
MAX_JOURNAL_BYTES = 256 * 1024 * 1024  # a 12-hour show with checkpoints is a few MiB
MAX_HEADER_BYTES = 64 * 1024
_BOM = b"\xef\xbb\xbf"
_COUNTER = re.compile(r"-(\d+)$")
_CRC = re.compile(rb',"crc":"([0-9a-f]{8})"\}\s*$')


class JournalWriteError(Exception):
    """The journal could not be written (disk full, removed, read-only). The show itself goes on."""


@dataclass(frozen=True)
class Entry:
    seq: int
    name: str  # the command, or PLAN / CHECKPOINT
    args: dict[str, object]  # the command's arguments, or the record's body
    now: Instant
    line: int = 0  # where it stands in the file, for reports

    @property
    def is_command(self) -> bool:
        return self.name not in (PLAN, CHECKPOINT)


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


@dataclass
class Replay:
    """A show rebuilt from a journal, with what could not be replayed."""

    engine: ShowEngine
    entries: int  # commands in the journal
    problems: list[str] = field(default_factory=list)
    recorded_plan: bool = False  # the plan came from the record (not from today's file)
    from_checkpoint: int | None = None  # the line of the checkpoint the replay started from


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


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# -- reading -------------------------------------------------------------------------------------


def _read_regular(path: Path, limit: int) -> tuple[bytes, str]:
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
    data, refusal = _read_regular(path, MAX_JOURNAL_BYTES)
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
            record = json.loads(_unseal(raw).decode("utf-8"), parse_constant=_refuse_constant)
            if not isinstance(record, dict):
                raise TypeError("not a JSON object")
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


def _seal(body: bytes) -> bytes:
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


# -- choosing the latest show --------------------------------------------------------------------


@dataclass(frozen=True)
class JournalSearch:
    """The newest readable journal of an agenda, by what the journals record, and those passed over."""

    path: Path | None
    skipped: tuple[str, ...] = ()


def find_latest_journal(state_dir: Path, agenda_path: Path) -> JournalSearch:
    """The journal whose header (or first entry) says it was started last; file names only break ties."""
    folder = journal_dir(state_dir, agenda_path)
    try:
        names = sorted(p for p in folder.glob(f"show-*{SUFFIX}")) if folder.is_dir() else []
    except OSError as exc:
        return JournalSearch(None, (f"{folder}: cannot list the journals: {exc.strerror or exc}",))
    best: tuple[float, int, str] | None = None
    best_path: Path | None = None
    skipped: list[str] = []
    for path in names:
        started, problem = _started(path)
        if started is None:
            skipped.append(f"{path}: passed over: {problem}")
            continue
        counter = _COUNTER.search(path.stem)
        key = (started, int(counter.group(1)) if counter else 1, path.name)
        if best is None or key > best:
            best, best_path = key, path
    return JournalSearch(best_path, tuple(skipped))


def latest_journal(state_dir: Path, agenda_path: Path) -> Path | None:
    """The newest journal of this agenda, if a show on it was ever started."""
    return find_latest_journal(state_dir, agenda_path).path


def _started(path: Path) -> tuple[float | None, str]:
    """When the show in this journal started, read from its header, else from its first entry."""
    head, refusal = _read_regular(path, MAX_HEADER_BYTES)
    if refusal:
        return None, refusal
    head = head.removeprefix(_BOM)
    first = head.split(b"\n", 1)[0]
    with contextlib.suppress(ValueError, TypeError, KeyError, RecursionError):
        record = json.loads(_unseal(first).decode("utf-8"), parse_constant=_refuse_constant)
        if isinstance(record, dict):
            _agenda, created = _header(record)
            if created is not None:
                return created, ""
    contents = read_journal(path)  # a damaged or old (version 1) header: the entries tell
    if contents.entries:
        return contents.entries[0].now.wall, ""
    return None, contents.problems[0] if contents.problems else "it holds no entries"


# -- replaying -----------------------------------------------------------------------------------


def replay(agenda: Agenda, contents: JournalContents) -> Replay:
    """Rebuild the show: from the last good checkpoint (with the plan it was taken on), then the tail.

    `agenda` is used only where the record holds no plan (journals of version 1). Entries that cannot
    be applied are skipped and reported; nothing here raises for anything in the file.
    """
    entries = contents.entries
    result = Replay(ShowEngine(agenda), sum(1 for e in entries if e.is_command), list(contents.problems))
    plans: dict[int, Entry] = {e.seq: e for e in entries if e.name == PLAN}
    decoded: dict[int, Agenda | None] = {}

    def plan_at(seq: int) -> Agenda | None:
        if seq not in decoded:
            entry = plans.get(seq)
            decoded[seq] = _decode_plan(entry, contents.path, result.problems) if entry else None
        return decoded[seq]

    start = 0
    for position in range(len(entries) - 1, -1, -1):
        entry = entries[position]
        if entry.name != CHECKPOINT:
            continue
        plan_seq = entry.args.get("plan_seq")
        plan = plan_at(plan_seq) if isinstance(plan_seq, int) and plan_seq > 0 else None
        if plan is None and plan_seq:
            result.problems.append(f"{contents.path}:{entry.line}: checkpoint passed over: the plan it was taken "
                                   "on is not readable")
            continue
        try:
            live, undo = checkpoint_from_json(entry.args.get("state"), len((plan or agenda).slots))
        except LiveDecodeError as exc:
            result.problems.append(f"{contents.path}:{entry.line}: checkpoint passed over: {exc}")
            continue
        result.engine = ShowEngine.restored(plan or agenda, live, undo)
        result.recorded_plan = plan is not None
        result.from_checkpoint = entry.line
        start = position + 1
        break
    for entry in entries[start:]:
        if entry.name == CHECKPOINT:
            continue
        if entry.name == PLAN:
            plan = plan_at(entry.seq)
            if plan is not None:
                result.engine.replace_agenda(plan)
                result.recorded_plan = True
            continue
        try:
            outcome = result.engine.execute(entry.name, entry.now, entry.args)
        except Exception as exc:  # a record from another version must never stop a restore
            result.problems.append(f"{contents.path}:{entry.line}: entry {entry.seq} ({entry.name}) could not be "
                                   f"replayed: {type(exc).__name__}: {exc}")
            continue
        if not outcome.accepted:
            result.problems.append(f"entry {entry.seq} ({entry.name} at {_iso(entry.now.wall)}) no longer applies "
                                   f"to this agenda: {outcome.message}")
    return result


def _decode_plan(entry: Entry, path: Path, problems: list[str]) -> Agenda | None:
    try:
        return plan_from_json(entry.args.get("plan"))
    except PlanDecodeError as exc:
        problems.append(f"{path}:{entry.line}: plan version passed over: {exc}")
        return None


# -- writing -------------------------------------------------------------------------------------


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
                                     "agenda": str(Path(agenda_path).resolve()), "created": _iso(now.wall),
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
        plans = [e.seq for e in contents.entries if e.name == PLAN]
        journal.last_plan_seq = plans[-1] if plans else 0
        return journal

    def append(self, name: str, now: Instant, args: Mapping[str, object]) -> int:
        """Write one entry; returns its sequence number. Raises JournalWriteError when the disk refuses."""
        body = dict(args)
        if name == CHECKPOINT:
            body["plan_seq"] = self.last_plan_seq
        record = {"seq": self._seq, "wall": _iso(now.wall), "wall_epoch": now.wall, "t": now.t, "cmd": name,
                  "args": body}
        self._write(record)
        seq = self._seq
        if name == PLAN:
            self.last_plan_seq = seq
        self._seq += 1
        return seq

    def _write(self, record: Mapping[str, object], sync_now: bool = False) -> None:
        try:
            text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            line = _seal(text.encode("utf-8"))
        except (ValueError, TypeError, UnicodeEncodeError) as exc:  # bounded at the command table; never here
            raise JournalWriteError(f"an entry could not be written as JSON: {exc}") from exc
        size = -1
        try:
            size = os.fstat(self._fd).st_size
            self._put(line)
            Journal.written_lines += 1
            self.written = Journal.written_lines
            if self._fsync is None or sync_now:
                os.fsync(self._fd)
            else:
                self._fsync.request(self._fd, self.written)
        except OSError as exc:
            self._cut_back(size)
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
