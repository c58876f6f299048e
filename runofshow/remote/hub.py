"""The Hub: the newest snapshot, the open WebSockets, and when to push.

Runs on the network thread's event loop. A snapshot whose content changed is pushed at once; one
that only moved the clock at most once a second (the browsers count down by themselves). Nothing
one display does may keep the others from their snapshot.

Each push is encoded once and the same bytes go to every display: a push carries the live state, and
the large parts (the rundown, the runs) only to a display that has not got their current version yet
(docs/architecture.md, "The WebSocket"). So a display never holds a state whose parts it lacks.
"""

from __future__ import annotations

import asyncio
import logging
import struct
import time
from collections.abc import Iterable

from aiohttp import web

from runofshow.remote.relay import LogOnce, Snapshot
from runofshow.remote.snapshot_json import Part

log = logging.getLogger(__name__)

PUSH_INTERVAL = 1.0  # seconds: a snapshot that only moved the clock is pushed at most this often
PARTS = ("rundown", "runs")  # the parts sent only when they change, each with its version
RESYNC_INTERVAL = 1.0  # seconds: a display asking for every part again is answered at most this often


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
        # This push's messages, by the parts they carry: encoded once, the same bytes for every display.
        self._messages: dict[tuple[str, ...], bytes] = {}
        self._messages_of: Snapshot | None = None
        self._frames: dict[int, tuple[bytes, bytes]] = {}  # message id -> (message, its frame), for this push
        self.encodes = 0  # messages encoded (for the tests: one per push and set of parts, not one per display)
        self.encodes_at_push = 0  # `encodes` when the last push began

    @property
    def pushed_key(self) -> str:
        """The content key of the last push (read from the Qt thread too: a str, replaced whole)."""
        return self._pushed_key

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
            self.encodes_at_push = self.encodes
            self._messages = {}
            self._frames = {}
            self._messages_of = self.latest
        except Exception as exc:
            self._log_once("remote: pushing a snapshot failed", exc)
        for client in list(self.clients):
            try:
                if client.write_now(self):
                    continue
            except Exception as exc:  # its writer task meets the same fault, closes the display and logs it
                self._log_once("remote: a display could not be sent its snapshot; its writer takes over", exc)
            try:
                client.wake.set()  # it has something waiting (or is new): its writer task sends, or skips on
            except Exception as exc:  # one broken client must not keep the others from their snapshot
                self._log_once("remote: a display could not be woken; it is dropped", exc)
                self.clients.discard(client)

    def message_for(self, client: Client) -> tuple[bytes, Snapshot]:
        """The message to send this display now, and the snapshot it carries.

        Woken by a push: the push's message (encoded by the first display that asks, shared by the others).
        Just connected, or asking again: one of its own, so its `age` is true when it is sent."""
        latest = self.latest
        assert latest is not None
        missing = tuple(name for name in PARTS
                        if name in client.wants and client.have.get(name) != part_of(latest, name).version)
        if client.fresh or self._messages_of is not latest:
            client.fresh = False
            self.encodes += 1
            return envelope(latest, missing), latest
        message = self._messages.get(missing)
        if message is None:
            message = self._messages[missing] = envelope(latest, missing)
            self.encodes += 1
        return message, latest

    def frame_for(self, client: Client) -> tuple[bytes, Snapshot]:
        """The push's message as a whole WebSocket frame (a server's frames are never masked: the same bytes
        for every display), made once per push and set of parts, for `Client.write_now`."""
        message, snapshot = self.message_for(client)
        kept = self._frames.get(id(message))
        if kept is None or kept[0] is not message:
            kept = self._frames[id(message)] = (message, frame_of(message))
        return kept[1], snapshot

    def close(self) -> None:
        if self._deferred is not None:
            self._deferred.cancel()
            self._deferred = None


def frame_of(message: bytes) -> bytes:
    """One unfragmented, unmasked text frame (RFC 6455 5.2) carrying `message`."""
    size = len(message)
    if size < 126:
        header = struct.pack("!BB", 0x81, size)
    elif size < 65536:
        header = struct.pack("!BBH", 0x81, 126, size)
    else:
        header = struct.pack("!BBQ", 0x81, 127, size)
    return header + message


def part_of(snapshot: Snapshot, name: str) -> Part:
    return snapshot.rundown if name == "rundown" else snapshot.runs


def envelope(snapshot: Snapshot, parts: Iterable[str] = ()) -> bytes:
    """The WebSocket message: the live state, how long ago it was made (for the clock offset), and the parts
    named (each with its version), which the state's `versions` refer to."""
    age = max(0.0, time.monotonic() - snapshot.made)
    carried = ",".join(f'"{name}":{{"version":{part_of(snapshot, name).version},"data":{part_of(snapshot, name).text}}}'
                       for name in parts)
    extra = f',"parts":{{{carried}}}' if carried else ""
    return f'{{"type":"state","age":{age:.4f},"state":{snapshot.live}{extra}}}'.encode("utf-8", "replace")


def wanted_parts(query: str | None) -> frozenset[str]:
    """The parts a display asks for (`/ws?parts=rundown,runs`); all of them when it does not say."""
    if query is None:
        return frozenset(PARTS)
    return frozenset(name for name in query.split(",") if name in PARTS)


class Client:
    """One open WebSocket, the parts it wants and the versions it has, and the event that wakes its writer."""

    def __init__(self, ws: web.WebSocketResponse, wants: frozenset[str] = frozenset(PARTS),
                 transport: asyncio.BaseTransport | None = None, *, token_kind: str | None = None,
                 address: str = "", rank: int = 0) -> None:
        self.ws = ws
        self.token_kind = token_kind  # the token it came with ("control", "view", None): renewing it drops this
        self.address = address  # where it connects from, as the slots count it (remote/limits.address_key)
        self.rank = rank  # who it is for the slots (remote/limits.Rank: tokenless, view token, operator)
        self.wake = asyncio.Event()
        self.transport = transport if isinstance(transport, asyncio.WriteTransport) else None
        self.busy = False  # its writer task is sending: a push must not go past it
        self.wants = wants
        self.have: dict[str, int] = {}  # each part's version this display was sent
        self.fresh = True  # nothing sent yet (or it asked again): the next message is made for it alone
        self._resynced = -RESYNC_INTERVAL

    def write_now(self, hub: Hub) -> bool:
        """Write the push straight into this display's socket, if nothing of its own is waiting there.

        The usual case, and the cheap one: no task to wake, no copy, one write of the push's shared frame.
        False when its writer task must do it (just connected, sending, or its socket still has unsent data,
        so a slow display skips to the newest snapshot instead of piling them up)."""
        transport = self.transport
        if (transport is None or self.fresh or self.busy or self.ws.closed or transport.is_closing()
                or transport.get_write_buffer_size() > 0):
            return False
        frame, snapshot = hub.frame_for(self)
        transport.write(frame)
        self.sent(snapshot)
        return True

    def sent(self, snapshot: Snapshot) -> None:
        """The message with `snapshot` went out: the display now has every part it wants at its version."""
        for name in self.wants:
            self.have[name] = part_of(snapshot, name).version

    def resync(self, now: float) -> None:
        """The display says it lacks a part: send every part again (at most once a RESYNC_INTERVAL)."""
        if now - self._resynced < RESYNC_INTERVAL:
            return
        self._resynced = now
        self.have.clear()
        self.fresh = True
        self.wake.set()
