"""fsync on its own thread: a slow disk never freezes the timer, the displays or the server.

The journal writes each line on the show's thread (the kernel holds it from then on, so a crash of
the app loses nothing) and asks this worker to make it durable against a power cut. Whoever must
wait for that (a network reply) asks `synced()` or registers through the session; the show does not.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class FsyncWorker:
    """Makes written lines durable, in order. Tokens are the writer's own rising line counter."""

    def __init__(self, on_synced: Callable[[], None] | None = None,
                 fsync: Callable[[int], None] = os.fsync) -> None:
        """`fsync` is the disk's; tests pass a slow one."""
        self._on_synced = on_synced
        self._fsync = fsync
        self._lock = threading.Condition()
        self._wanted: dict[int, int] = {}  # fd -> highest token written to it
        self._requested = 0
        self._synced = 0
        self._in_progress: set[int] = set()
        self.last_error = ""
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="runofshow-fsync", daemon=True)
        self._thread.start()

    def set_listener(self, on_synced: Callable[[], None] | None) -> None:
        """Who is told (from the worker's thread) that more lines are durable."""
        self._on_synced = on_synced

    def request(self, fd: int, token: int) -> None:
        """The line with this token was written to `fd`: make it durable soon."""
        with self._lock:
            self._wanted[fd] = max(token, self._wanted.get(fd, 0))
            self._requested = max(self._requested, token)
            self._lock.notify_all()

    def synced(self) -> int:
        """The highest token known durable (or whose fsync failed: see last_error)."""
        with self._lock:
            return self._synced

    def wait(self, token: int, timeout: float) -> bool:
        """Block until `token` is durable; for closing a file and for tests, never on the show's thread."""
        with self._lock:
            return self._lock.wait_for(lambda: self._synced >= token, timeout)

    def forget(self, fd: int, timeout: float = 5.0) -> None:
        """Before closing `fd`: let its pending fsync finish, so no fsync runs on a reused descriptor."""
        with self._lock:
            self._lock.wait_for(lambda: fd not in self._wanted and fd not in self._in_progress, timeout)
            self._wanted.pop(fd, None)

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        self._thread.join(timeout=5.0)

    def _loop(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._wanted or self._stopping)
                if not self._wanted and self._stopping:
                    return
                batch, self._wanted = self._wanted, {}
                self._in_progress = set(batch)
            error = ""
            for fd in batch:
                try:
                    self._fsync(fd)
                except OSError as exc:  # the line is written but may not survive a power cut
                    error = f"the disk did not confirm the record (fsync: {exc.strerror or exc})"
                    log.warning("journal: %s", error)
            with self._lock:
                self.last_error = error
                self._synced = max(self._synced, *batch.values())
                self._in_progress = set()
                self._lock.notify_all()
            listener = self._on_synced
            if listener is not None:
                try:
                    listener()
                except Exception:  # the listener is the app's; the worker must go on
                    log.exception("journal: fsync listener failed")
