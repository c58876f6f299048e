"""One controller per state folder: a lock the operating system drops when its holder dies.

Two copies of the app on one state folder would both append to the same journal (two entries with
one sequence number) and both put full-screen displays on the same screens. So the app locks
`runofshow.lock` in the state folder before it reads any journal, and a second copy stops there,
naming the process that holds the show.

The lock itself is an OS lock on an open file (`flock` on POSIX, `msvcrt.locking` on Windows), never
the file's existence: a holder killed with SIGKILL or a power cut leaves no lock behind, so the next
start is never blocked by a stale file. What the file *contains* (process id, host name, start time)
is only there so the second copy can say who holds it; an empty or garbled file still locks.

Qt-free, so the command line and the tests use it as they are.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import socket
import stat
import sys
from datetime import datetime
from pathlib import Path
from types import TracebackType

from runofshow.core.clock import SystemClock

log = logging.getLogger(__name__)

LOCK_NAME = "runofshow.lock"
MAX_DETAILS = 4096  # the lock file holds one short line of JSON; never read more than this
# Windows locks byte ranges and a locked range cannot be read by others: lock one byte far past the
# details so the second copy can still read who holds the show.
_WINDOWS_LOCK_OFFSET = 1 << 30


class StateLockError(Exception):
    """The state folder could not be locked: the app must not run on it."""

    def __init__(self, state_dir: Path) -> None:
        super().__init__()
        self.state_dir = state_dir


class StateFolderBusy(StateLockError):  # noqa: N818 (the name says what the operator meets)
    """Another copy of runofshow holds the state folder. pid, host and since are None when unknown."""

    def __init__(self, state_dir: Path, pid: int | None = None, host: str | None = None,
                 since: float | None = None, *, this_host: str = "", now: float | None = None) -> None:
        super().__init__(state_dir)
        self.pid = pid
        self.host = host
        self.since = since  # epoch seconds
        self._this_host = this_host
        self._now = now

    def _who(self) -> str:
        parts: list[str] = []
        if self.pid is not None:
            where = ""
            if self.host:
                where = " on this laptop" if self.host == self._this_host else f" on {self.host}"
            parts.append(f"process {self.pid}{where}")
        elif self.host:
            parts.append("on this laptop" if self.host == self._this_host else f"on {self.host}")
        if self.since is not None:
            started = datetime.fromtimestamp(self.since)
            today = datetime.fromtimestamp(self._now).date() if self._now is not None else None
            shown = f"{started:%H:%M:%S}" if started.date() == today else f"{started:%Y-%m-%d %H:%M:%S}"
            parts.append(f"since {shown}")
        return ", ".join(parts) if parts else "another process holds its lock"

    def __str__(self) -> str:
        return (f"runofshow is already running a show from {self.state_dir} ({self._who()}). "
                "Use that window, or start this copy with --state-dir for another show.")


class StateFolderUnusable(StateLockError):  # noqa: N818
    """The state folder cannot be created or its lock file opened (read-only disk, permissions)."""

    def __init__(self, state_dir: Path, reason: str) -> None:
        super().__init__(state_dir)
        self.reason = reason

    def __str__(self) -> str:
        return (f"runofshow cannot use the state folder {self.state_dir}: {self.reason}. The show's journal "
                "is kept there, so the show does not start without it; start with --state-dir and a "
                "folder you can write to.")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _try_lock(fd: int) -> bool:
    """Takes the lock without waiting: True if taken, False if another open file holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)):
                return False  # someone else holds the byte
            raise
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_details(fd: int) -> dict[str, object]:
    """What the holder wrote about itself, or {} when the file is empty, garbled or unreadable."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, MAX_DETAILS)
        details = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return details if isinstance(details, dict) else {}


def _busy(state_dir: Path, details: dict[str, object], this_host: str, now: float) -> StateFolderBusy:
    """The refusal, with whatever the holder's details tell that can be trusted to print."""
    raw_pid, raw_host, raw_since = details.get("pid"), details.get("host"), details.get("since")
    pid = raw_pid if isinstance(raw_pid, int) and not isinstance(raw_pid, bool) and 0 < raw_pid < 2**31 else None
    host = raw_host if isinstance(raw_host, str) and 0 < len(raw_host) <= 255 and raw_host.isprintable() else None
    since: float | None = None
    if isinstance(raw_since, str):
        with contextlib.suppress(ValueError, OverflowError, OSError):
            parsed = datetime.fromisoformat(raw_since).timestamp()
            datetime.fromtimestamp(parsed)  # a time the sentence can show
            since = parsed
    return StateFolderBusy(state_dir, pid, host, since, this_host=this_host, now=now)


class StateLock:
    """The held lock on one state folder. Take it with `StateLock.acquire(state_dir)`."""

    def __init__(self, state_dir: Path, path: Path, fd: int) -> None:
        self.state_dir = state_dir
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, state_dir: Path, *, now: float | None = None) -> StateLock:
        """Locks `state_dir` (made if missing) for this process, or raises.

        Raises StateFolderBusy when another copy holds it, and StateFolderUnusable when the folder
        cannot be made or the lock file opened: the app must not run without the lock.
        """
        state_dir = Path(state_dir)
        now = SystemClock().now().wall if now is None else now
        this_host = socket.gethostname()
        try:
            state_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateFolderUnusable(state_dir, f"the folder cannot be created ({_reason(exc)})") from exc
        path = state_dir / LOCK_NAME
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(path, flags, 0o644)  # not inherited by child processes (PEP 446)
        except OSError as exc:
            raise StateFolderUnusable(state_dir, f"its lock file {LOCK_NAME} cannot be opened "
                                                 f"({_reason(exc)})") from exc
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise StateFolderUnusable(state_dir, f"{LOCK_NAME} there is not a regular file")
            try:
                taken = _try_lock(fd)
            except OSError as exc:
                raise StateFolderUnusable(state_dir, f"its lock file {LOCK_NAME} cannot be locked "
                                                     f"({_reason(exc)})") from exc
            if not taken:
                raise _busy(state_dir, _read_details(fd), this_host, now)
        except BaseException:
            os.close(fd)
            raise
        lock = cls(state_dir, path, fd)
        lock._write_details(this_host, now)
        return lock

    def _write_details(self, host: str, now: float) -> None:
        """Who holds the lock, for the second copy's sentence. The lock holds even if this fails."""
        assert self._fd is not None
        since = datetime.fromtimestamp(now).astimezone().isoformat(timespec="seconds")
        data = json.dumps({"pid": os.getpid(), "host": host, "since": since}).encode("utf-8") + b"\n"
        try:
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, data)
            os.fsync(self._fd)
        except OSError as exc:
            log.warning("%s: cannot record who holds the lock (%s); the lock holds anyway", self.path, _reason(exc))

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Clears the details and drops the lock. Safe to call twice; the file stays (deleting it would race)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)  # still locked: nobody else can be writing their details yet
            with contextlib.suppress(OSError):
                _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> StateLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    def __del__(self) -> None:
        if getattr(self, "_fd", None) is not None:
            self.release()
