"""A backup laptop's durable copy of the primary's journal: the very bytes, in order, on disk before acknowledged.

The copy has the primary's file name, in the journal folder of the backup's agenda, so that after a
take-over it is an ordinary journal: the session resumes it as it would after a restart. A copy that
no longer matches the primary (a laptop that stepped down, whose journal went on alone) is moved
aside, never overwritten: it is kept as evidence of what that laptop did.
"""

from __future__ import annotations

import contextlib
import os
import re
import zlib
from datetime import UTC, datetime
from pathlib import Path

from runofshow.io.journal_format import MAX_JOURNAL_BYTES, SUFFIX

JOURNAL_NAME = re.compile(r"show-[0-9]{8}T[0-9]{6}(-[0-9]{1,6})?" + re.escape(SUFFIX))
TAIL_BYTES = 64 * 1024  # the end of a copy that is compared with the primary's file before carrying on from it


class CopyError(Exception):
    """The copy cannot be written (disk) or the bytes do not continue it (a gap): it starts again."""


def tail_crc(data: bytes) -> str:
    return f"{zlib.crc32(data[-TAIL_BYTES:]):08x}"


def read_tail(path: Path, length: int) -> bytes:
    """The last TAIL_BYTES of the first `length` bytes of `path` (b'' if it cannot be read)."""
    start = max(0, length - TAIL_BYTES)
    try:
        with path.open("rb") as file:
            file.seek(start)
            return file.read(length - start)
    except OSError:
        return b""


def read_range(path: Path, start: int, end: int) -> bytes:
    """Bytes [start, end) of `path`, cut after the last whole line (b'' if none, or unreadable)."""
    try:
        with path.open("rb") as file:
            file.seek(start)
            data = file.read(max(0, end - start))
    except OSError:
        return b""
    cut = data.rfind(b"\n")
    return data[:cut + 1] if cut >= 0 else b""


class RecordCopy:
    """The copy of one journal at a time, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None
        self.length = 0
        self._fd = -1

    def have(self) -> tuple[str, int, str]:
        """What this copy holds: the journal's name, its length, and the CRC of its tail ('', 0, '' for nothing)."""
        if self.path is None:
            return "", 0, ""
        return self.path.name, self.length, tail_crc(read_tail(self.path, self.length))

    def resume(self, name: str) -> None:
        """Carry on the copy of `name` already in the folder (after a reconnection or a restart of this laptop)."""
        self._check_name(name)
        path = self.folder / name
        if self.path == path and self._fd >= 0:
            return
        self.close()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND)
            size = os.fstat(fd).st_size
            whole = size - len(_after_last_line(path, size))
            if whole != size:
                os.ftruncate(fd, whole)  # a line cut short by a crash of this laptop: the primary sends it again
        except OSError as exc:
            raise CopyError(f"cannot carry on the copy {path}: {exc.strerror or exc}") from exc
        self._fd, self.path, self.length = fd, path, whole

    def start(self, name: str) -> None:
        """A new copy of `name` from its first byte; a file of that name already here is moved aside first."""
        self._check_name(name)
        self.close()
        path = self.folder / name
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if path.exists():
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                aside, counter = path.with_name(f"{name}.replaced-{stamp}"), 1
                while aside.exists():  # two starts within a second: rename would overwrite the first one aside
                    counter += 1
                    aside = path.with_name(f"{name}.replaced-{stamp}-{counter}")
                path.rename(aside)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        except OSError as exc:
            raise CopyError(f"cannot start the copy {path}: {exc.strerror or exc}") from exc
        self._fd, self.path, self.length = fd, path, 0

    def append(self, offset: int, data: bytes) -> None:
        """Whole lines that continue the copy at `offset`; CopyError on a gap, a cut line or a refusing disk."""
        if self._fd < 0:
            raise CopyError("no copy is open")
        if offset != self.length:
            raise CopyError(f"the primary sent bytes from {offset}, the copy has {self.length}")
        if data and not data.endswith(b"\n"):
            raise CopyError("the primary sent a line cut short")
        if self.length + len(data) > MAX_JOURNAL_BYTES:
            raise CopyError("the record is larger than a journal can be")
        try:
            written = os.write(self._fd, data)
            if written != len(data):
                raise OSError(28, "short write (disk full?)")
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self.length)
            raise CopyError(f"cannot write the copy {self.path}: {exc.strerror or exc}") from exc
        self.length += len(data)

    def sync(self) -> None:
        """On disk, so that what is acknowledged survives a power cut of this laptop too."""
        if self._fd >= 0:
            try:
                os.fsync(self._fd)
            except OSError as exc:
                raise CopyError(f"cannot write the copy {self.path}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
            os.close(self._fd)
        self._fd = -1

    @staticmethod
    def _check_name(name: str) -> None:
        # The name comes from the network: only a journal's own name, never a path.
        if not JOURNAL_NAME.fullmatch(name):
            raise CopyError(f"{name[:80]!r} is not a journal's name")


def _after_last_line(path: Path, size: int) -> bytes:
    tail = read_tail(path, size)
    if b"\n" not in tail and size > len(tail):
        tail = path.read_bytes()[:size]  # one line longer than the tail (a long plan): look at the whole file
    cut = tail.rfind(b"\n")
    return tail[cut + 1:] if cut >= 0 else tail
