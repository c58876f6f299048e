"""Idempotency-Key: a controller's retry of a command gets the first reply, and the command runs once.

A reply is kept as bytes, so a retry gets the very same answer. The cache is bounded (in keys and
in time) and used on the network thread only; a key is forgotten again when its command certainly
did not run (busy, or cancelled in time), so a retry may run it then.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from runofshow.remote.snapshot_json import dumps

IDEMPOTENCY_KEYS = 1000  # replies kept for retries
IDEMPOTENCY_TTL = 600.0  # seconds a reply is kept for a retry
IDEMPOTENCY_KEY = re.compile(r"[\x20-\x7e]{1,200}")  # what a key may be: printable ASCII


@dataclass(frozen=True)
class Reply:
    """A command's reply, kept as bytes so a retry with the same Idempotency-Key gets the very same one."""

    status: int
    body: bytes
    ran: bool = True  # False only when the command certainly did not run (busy, cancelled in time)

    @classmethod
    def of(cls, status: int, body: dict[str, Any], ran: bool = True) -> Reply:
        return cls(status, dumps(body).encode("utf-8"), ran)

    @classmethod
    def with_state(cls, status: int, body: dict[str, Any], state: str) -> Reply:
        """`body` with `"state"` the snapshot's JSON text, spliced in as it is."""
        return cls(status, f'{dumps(body)[:-1]},"state":{state}}}'.encode("utf-8", "replace"))


@dataclass
class Remembered:
    """One key: the command it was used for, and that command's reply (once it has come)."""

    fingerprint: tuple[str, str]  # the command's name and the canonical JSON of its arguments
    reply: asyncio.Future[Reply]
    made: float


class IdempotencyCache:
    """Replies to commands sent with an `Idempotency-Key`, so a controller's retry runs a command once.

    Bounded: at most `size` keys, each for `ttl` seconds. Used on the network thread only."""

    def __init__(self, size: int = IDEMPOTENCY_KEYS, ttl: float = IDEMPOTENCY_TTL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._entries: OrderedDict[str, Remembered] = OrderedDict()
        self._size = size
        self._ttl = ttl
        self._clock = clock
        self.joined = 0  # retries that found their key (for the tests and the log)

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, key: str) -> Remembered | None:
        self._expire()
        return self._entries.get(key)

    def remember(self, key: str, fingerprint: tuple[str, str], reply: asyncio.Future[Reply]) -> Remembered:
        entry = Remembered(fingerprint, reply, self._clock())
        self._entries[key] = entry
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)  # the oldest; anyone waiting on it still gets its reply
        return entry

    def forget(self, key: str, entry: Remembered) -> None:
        if self._entries.get(key) is entry:
            del self._entries[key]

    def _expire(self) -> None:
        limit = self._clock() - self._ttl
        while self._entries:
            entry = next(iter(self._entries.values()))
            if entry.made > limit:
                break
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()


def fingerprint_of(name: str, args: dict[str, object]) -> tuple[str, str]:
    """What a key stands for: the same key with another command or other arguments is refused."""
    return name, json.dumps(args, sort_keys=True, separators=(",", ":"))
