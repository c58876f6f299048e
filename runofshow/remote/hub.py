"""The Hub: the newest snapshot, the open WebSockets, and when to push.

Runs on the network thread's event loop. A snapshot whose content changed is pushed at once; one
that only moved the clock at most once a second (the browsers count down by themselves). Nothing
one display does may keep the others from their snapshot.
"""

from __future__ import annotations

import asyncio
import logging
import time

from aiohttp import web

from runofshow.remote.relay import LogOnce, Snapshot

log = logging.getLogger(__name__)

PUSH_INTERVAL = 1.0  # seconds: a snapshot that only moved the clock is pushed at most this often


class Hub:
    """The latest snapshot and the open WebSockets; decides when to push."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._log_once = LogOnce(log)
        self.latest: Snapshot | None = None
        self.clients: set[Client] = set()
        self._pushed_key = ""
        self._pushed_at = -PUSH_INTERVAL
        self._deferred: asyncio.TimerHandle | None = None
        self.pushes = 0

    def publish(self, snapshot: Snapshot) -> None:
        """A new snapshot from the Qt thread (called on the loop through call_soon_threadsafe). Never raises."""
        try:
            self.latest = snapshot
            now = self._loop.time()
            if snapshot.key != self._pushed_key or now - self._pushed_at >= PUSH_INTERVAL:
                self._push()
            elif self._deferred is None:
                # Only the clock moved, and we pushed less than a second ago: send the newest one later.
                self._deferred = self._loop.call_at(self._pushed_at + PUSH_INTERVAL, self._push)
        except Exception as exc:
            self._log_once("remote: pushing a snapshot failed", exc)

    def _push(self) -> None:
        try:
            if self._deferred is not None:
                self._deferred.cancel()
                self._deferred = None
            if self.latest is None:
                return
            self._pushed_key = self.latest.key
            self._pushed_at = self._loop.time()
            self.pushes += 1
        except Exception as exc:
            self._log_once("remote: pushing a snapshot failed", exc)
        for client in list(self.clients):
            try:
                client.wake.set()
            except Exception as exc:  # one broken client must not keep the others from their snapshot
                self._log_once("remote: a display could not be woken; it is dropped", exc)
                self.clients.discard(client)

    def envelope(self) -> str:
        """The WebSocket message: the snapshot and how long ago it was made (for the clock offset)."""
        assert self.latest is not None
        age = max(0.0, time.monotonic() - self.latest.made)
        return f'{{"type":"state","age":{age:.4f},"state":{self.latest.text}}}'

    def close(self) -> None:
        if self._deferred is not None:
            self._deferred.cancel()
            self._deferred = None


class Client:
    """One open WebSocket, and the event that wakes its writer when there is something to send."""

    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.wake = asyncio.Event()
