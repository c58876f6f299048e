"""Where the show record stands, for a backup laptop: the journal being written, its length and last entry.

The session tells the tap after each batch of lines is in the file (on the Qt thread); the network
thread reads the position and streams the file's bytes up to it (remote/feed.py). Nothing is kept in
memory but the position: a backup that falls behind reads the file, however far behind it is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class RecordPosition:
    """A point in the record: the journal's generation (it rises at each new journal), its bytes, its last entry."""

    generation: int = 0
    length: int = 0
    seq: int = 0
    path: Path | None = None  # the journal file; None before the first one


class RecordTap:
    """The record's position, written by the session and read from any thread; listeners hear of each move."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._position = RecordPosition()
        self._listeners: list[Callable[[], None]] = []

    @property
    def position(self) -> RecordPosition:
        with self._lock:
            return self._position

    def wrote(self, path: Path, length: int, seq: int) -> None:
        """Lines up to `length` bytes (the last one entry `seq`) are in `path` (the kernel's, not yet fsync'd)."""
        with self._lock:
            old = self._position
            generation = old.generation if old.path == path else old.generation + 1
            self._position = RecordPosition(generation, length, seq, path)
            listeners = list(self._listeners)
        for listener in listeners:
            listener()

    def listen(self, listener: Callable[[], None]) -> None:
        """`listener` is called (on the writer's thread) after every move: it must only hand over, never block."""
        with self._lock:
            self._listeners.append(listener)

    def forget(self, listener: Callable[[], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)
