"""A backup laptop's side: copy the primary's record as it is written, acknowledge it, notice when it goes silent.

Runs on a thread of its own with its own event loop (a backup's server and its displays must never wait
for it). Every line goes to the durable copy (io/record_copy.py) and is fsync'd before it is
acknowledged; the parsed entries then go to the Qt thread (`FollowSink.entries`), which applies them to
the show the backup displays. A lost connection is retried every half second, from where the copy ends.

The protocol is in remote/feed.py. `fence` is the other direction: a laptop that has taken over tells
the one it followed, until that laptop answers, so that a primary that comes back steps down.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import aiohttp

from runofshow.core.standing import BEAT_EVERY_S, LOST_AFTER_S, Epoch
from runofshow.io.journal_format import Entry, entry_of
from runofshow.io.record_copy import CopyError, RecordCopy
from runofshow.remote.options import is_loopback

log = logging.getLogger(__name__)

RETRY_S = 0.5
CONNECT_TIMEOUT_S = 3.0
MAX_MESSAGE = 8 * 1024 * 1024  # a chunk of record (256 KiB) or a journal message with its agenda file
# Connecting and the WebSocket handshake: a stopped laptop accepts the connection (its kernel does) but never answers.
_CONNECT = aiohttp.ClientTimeout(total=None, connect=CONNECT_TIMEOUT_S, sock_connect=CONNECT_TIMEOUT_S)


class FollowSink(Protocol):
    """Where the follower's news goes. Called on the follower's thread: each must hand over to the Qt thread."""

    def welcomed(self, node: str, epoch: Epoch, view_token: str) -> None: ...

    def journal(self, name: str, agenda_name: str, agenda_text: str, fresh: bool) -> None: ...

    def agenda(self, agenda_name: str, agenda_text: str) -> None: ...

    def entries(self, entries: list[Entry], problems: list[str]) -> None: ...

    def link(self, link: Link) -> None: ...

    def outranked(self, epoch: Epoch, address: str) -> None: ...


@dataclass(frozen=True)
class Link:
    """How the copy stands against the primary, for the operator window."""

    connected: bool
    behind_entries: int
    behind_ms: float | None
    lost_since: float | None  # the wall clock of the primary's last word, once it has been silent LOST_AFTER_S
    error: str = ""
    clock_offset: float = 0.0  # the primary's wall clock minus this laptop's, from its last beat


@dataclass(frozen=True)
class Identity:
    node: str
    listen: str  # this laptop's own server, "host:port" ('' without one)
    epoch: Callable[[], Epoch]


def follow_url(address: str) -> str:
    """`http://host:port/api/follow` from what the operator typed: host:port, or an http(s) address."""
    text = address.strip().rstrip("/")
    if "://" not in text:
        text = f"http://{text}"
    scheme, _, rest = text.partition("://")
    scheme = {"http": "ws", "https": "wss"}.get(scheme, scheme)
    host = address_of(rest)
    return f"{scheme}://{host}/api/follow"


def _host_of(address: str) -> str:
    host = address_of(address).rpartition(":")[0] or address_of(address)
    return host.strip("[]")


def address_of(url: str) -> str:
    """host:port of an address, for the operator's eyes ("following 192.168.1.20:8765")."""
    text = url.split("://", 1)[-1]
    for mark in "/?#":  # a view's address pasted whole: its path, its ?token=… and #… are not the host
        text = text.split(mark, 1)[0]
    return text


class FollowClient:
    """Copies the record of the primary at `address`. `start()` and `stop()` from the Qt thread."""

    def __init__(self, address: str, token: str, copy: RecordCopy, me: Identity, sink: FollowSink) -> None:
        self.address = address
        self._url = follow_url(address)
        self._token = token
        self._copy = copy
        self._me = me
        self._sink = sink
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._heard = 0.0  # monotonic: the primary's last word
        self._heard_wall: float | None = None
        self._primary_seq = 0
        self._my_seq = 0
        self._behind_since: float | None = None
        self._connected = False
        self._lost_told = False
        self._last_error = ""
        self._clock_offset = 0.0
        self._synced = ("", 0)  # the journal and the bytes of the copy known to be on disk: all an ack may claim
        # The folder a journal on this agenda is copied into (called on this client's thread: it must be pure).
        self.folder_for: Callable[[str], Path] | None = None

    def start(self) -> None:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._main, args=(ready,), name="runofshow-follow", daemon=True)
        self._thread.start()
        ready.wait(5.0)

    def stop(self) -> None:
        """Stop copying: once this returns, every line received is in the copy, on disk (a take-over reads it)."""
        loop, stopping, thread = self._loop, self._stopping, self._thread
        if loop is not None and stopping is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stopping.set)
        if thread is not None:
            thread.join(10.0)
        self._thread = None
        with contextlib.suppress(CopyError):
            self._copy.sync()

    # -- the follower's thread ----------------------------------------------------------------------

    def _main(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._stopping = asyncio.Event()
        ready.set()
        try:
            loop.run_until_complete(self._run())
        except Exception:
            log.exception("pair: the follower stopped on an error")
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._loop = None

    async def _run(self) -> None:
        assert self._stopping is not None
        watchdog = asyncio.create_task(self._watch())
        token = self._token
        try:
            async with aiohttp.ClientSession(timeout=_CONNECT) as session:
                while not self._stopping.is_set():
                    error = ""
                    try:
                        await self._session(session, token)
                    except aiohttp.WSServerHandshakeError as exc:
                        error = f"{type(exc).__name__}: {exc}"
                        if exc.status in (401, 403) and token and is_loopback(_host_of(self.address)):
                            token = ""  # a laptop that stepped down has its own token: loopback needs none
                    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
                        error = f"{type(exc).__name__}: {exc}"
                    except CopyError as exc:
                        error = str(exc)
                        log.warning("pair: %s; the copy starts again from the primary", exc)
                    except (ValueError, RecursionError) as exc:  # not the protocol (JSON, text): connect again
                        error = f"the primary sent what this laptop cannot read ({type(exc).__name__})"
                    except Exception as exc:  # a defect here must not end the copy: logged, then connect again
                        log.exception("pair: following %s failed", self.address)
                        error = f"internal error (logged): {type(exc).__name__}"
                    if self._connected or error != self._last_error:
                        log.warning("pair: the primary at %s is not reachable: %s", self.address, error or "closed")
                    self._connected, self._last_error = False, error
                    self._tell(error)
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._stopping.wait(), RETRY_S)
        finally:
            watchdog.cancel()

    async def _session(self, session: aiohttp.ClientSession, token: str) -> None:
        assert self._stopping is not None
        timeout = aiohttp.ClientWSTimeout(ws_close=0.5)  # a stopped primary never answers the close
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        connecting = asyncio.ensure_future(asyncio.wait_for(
            session.ws_connect(self._url, timeout=timeout, max_msg_size=MAX_MESSAGE, compress=0, headers=headers),
            CONNECT_TIMEOUT_S))
        stop_connecting = asyncio.ensure_future(self._stopping.wait())
        await asyncio.wait({connecting, stop_connecting}, return_when=asyncio.FIRST_COMPLETED)
        stop_connecting.cancel()
        if not connecting.done():
            # A take-over stops this follower on the Qt thread: a laptop that vanished is not waited out (seconds).
            connecting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await connecting
            return
        async with connecting.result() as ws:
            log.info("pair: following the primary at %s", self.address)
            name, length, crc = self._copy.have()
            epoch = self._me.epoch()
            await ws.send_str(json.dumps({"type": "hello", "role": "following", "node": self._me.node,
                                          "epoch": epoch.to_json(), "listen": self._me.listen,
                                          "journal": name, "bytes": length, "tail_crc": crc}))
            stop = asyncio.create_task(self._stopping.wait())
            acker = asyncio.create_task(self._ack_every_beat(ws))
            try:
                while not self._stopping.is_set():
                    receive = asyncio.create_task(ws.receive())
                    done, _pending = await asyncio.wait({receive, stop}, return_when=asyncio.FIRST_COMPLETED)
                    if receive not in done:
                        receive.cancel()
                        break
                    message = receive.result()
                    if message.type is not aiohttp.WSMsgType.TEXT:
                        break
                    await self._handle(ws, message.data)
            finally:
                stop.cancel()
                acker.cancel()

    async def _handle(self, ws: aiohttp.ClientWebSocketResponse, text: str) -> None:
        data = json.loads(text)
        if not isinstance(data, dict):
            return
        kind = data.get("type")
        self._heard, self._heard_wall = time.monotonic(), time.time()
        if not self._connected or self._lost_told:
            self._connected, self._lost_told = True, False
            self._tell()
        if kind == "welcome":
            epoch = Epoch.from_json(data.get("epoch")) or Epoch()
            self._sink.welcomed(str(data.get("node", "")), epoch, str(data.get("view_token", "")))
            self._sink.agenda(str(data.get("agenda_name", "")), str(data.get("agenda_text", "")))
        elif kind == "journal":
            await self._journal(data)
        elif kind == "lines":
            await self._lines(ws, data)
        elif kind == "beat":
            self._beat(data)
        elif kind == "check":
            check = data.get("n")
            if isinstance(check, int) and not isinstance(check, bool):
                await self._ack(ws, check)  # still following: the primary may drive again
        elif kind == "stepped_down":
            # The laptop this one followed stepped down for another: follow that one (if it said where).
            newer, primary = Epoch.from_json(data.get("epoch")), data.get("primary")
            if newer is not None and isinstance(primary, str) and primary:
                self._sink.outranked(newer, primary)

    async def _journal(self, data: dict[str, object]) -> None:
        name, start = str(data.get("name", "")), data.get("from", 0)
        fresh = start == 0
        if self.folder_for is not None:
            folder = self.folder_for(str(data.get("agenda_name", "")))
            if folder != self._copy.folder:
                self._copy.close()
                self._copy.folder = folder
        if fresh:
            self._copy.start(name)
            self._my_seq = 0
        else:
            self._copy.resume(name)
            if self._copy.length != start:
                raise CopyError(f"the copy of {name} has {self._copy.length} bytes, the primary goes on from {start}")
        self._synced = (name, self._copy.length)
        self._sink.journal(name, str(data.get("agenda_name", "")), str(data.get("agenda_text", "")), fresh)

    async def _lines(self, ws: aiohttp.ClientWebSocketResponse, data: dict[str, object]) -> None:
        offset, text = data.get("from"), data.get("data")
        if isinstance(offset, bool) or not isinstance(offset, int) or not isinstance(text, str):
            return
        raw = text.encode("utf-8", "surrogateescape")  # a damaged byte of the primary's file comes as it is
        self._copy.append(offset, raw)
        await asyncio.to_thread(self._copy.sync)  # on this laptop's disk before it is acknowledged
        # Only now may an ack claim it (the beat's acks run meanwhile, and must not count a line not yet synced).
        self._synced = (self._copy.path.name if self._copy.path else "", self._copy.length)
        await self._ack(ws)
        entries: list[Entry] = []
        problems: list[str] = []
        for line in raw.splitlines():
            try:
                entry = entry_of(line)
            except (ValueError, KeyError, TypeError, RecursionError) as exc:
                problems.append(f"an unreadable line of the primary's record was kept but not applied ({exc})")
                continue
            if entry is not None:
                entries.append(entry)
                self._my_seq = max(self._my_seq, entry.seq)
        self._sink.entries(entries, problems)
        self._tell()

    def _beat(self, data: dict[str, object]) -> None:
        seq, length, wall = data.get("seq"), data.get("bytes"), data.get("wall")
        if isinstance(wall, float | int) and not isinstance(wall, bool) and abs(wall - time.time()) < 366 * 86400:
            # Sent the moment it was stamped, over a LAN: a difference of more than a few ms is the clocks'.
            self._clock_offset = float(wall) - time.time()
        if isinstance(seq, int) and not isinstance(seq, bool):
            self._primary_seq = seq
        behind = isinstance(length, int) and length > self._copy.length
        if behind and self._behind_since is None:
            self._behind_since = time.monotonic()
        elif not behind:
            self._behind_since = None
        self._tell()

    async def _ack(self, ws: aiohttp.ClientWebSocketResponse, check: int | None = None) -> None:
        name, length = self._synced
        message: dict[str, object] = {"type": "ack", "journal": name, "bytes": length}
        if check is not None:
            message["check"] = check
        with contextlib.suppress(ConnectionResetError, RuntimeError):
            await ws.send_str(json.dumps(message))

    async def _ack_every_beat(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        """The primary hears from its backup even when nothing is written (it shows BACKUP LOST otherwise)."""
        while not ws.closed:
            await asyncio.sleep(BEAT_EVERY_S)
            await self._ack(ws)

    async def _watch(self) -> None:
        """PRIMARY LOST once it has been silent LOST_AFTER_S (a stopped laptop keeps its socket open)."""
        while True:
            await asyncio.sleep(BEAT_EVERY_S / 2)
            silent = time.monotonic() - self._heard
            if self._heard and silent >= LOST_AFTER_S and not self._lost_told:
                self._lost_told = True
                self._tell()

    def _tell(self, error: str = "") -> None:
        behind_ms = 0.0 if self._behind_since is None else (time.monotonic() - self._behind_since) * 1000
        lost = self._heard_wall if self._lost_told else None  # silent LOST_AFTER_S: a dropped link is not enough
        link = Link(self._connected and not self._lost_told, max(0, self._primary_seq - self._my_seq),
                    behind_ms if self._heard else None, lost, error, self._clock_offset)
        try:
            self._sink.link(link)
        except Exception:
            log.exception("pair: telling the window about the link failed")


async def fence(address: str, token: str, me: Identity, stopping: asyncio.Event) -> tuple[str, Epoch | None]:
    """Tell the laptop at `address` (the primary this one took over from) that the show runs here now.

    Tries every RETRY_S until it answers: ("stepped_down", None) when it steps down, ("outranked", its
    epoch) when it has a higher one (then this laptop must step down), ("stopped", None) if asked to stop."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    hello = json.dumps({"type": "hello", "role": "primary", "node": me.node, "epoch": me.epoch().to_json(),
                        "listen": me.listen})
    async with aiohttp.ClientSession(headers=headers, timeout=_CONNECT) as session:
        while not stopping.is_set():
            with contextlib.suppress(aiohttp.ClientError, OSError, TimeoutError, ValueError):
                connecting = session.ws_connect(follow_url(address), timeout=aiohttp.ClientWSTimeout(ws_close=0.5))
                async with await asyncio.wait_for(connecting, CONNECT_TIMEOUT_S) as ws:
                    await ws.send_str(hello)
                    message = await ws.receive(timeout=CONNECT_TIMEOUT_S * 2)
                    if message.type is aiohttp.WSMsgType.TEXT:
                        data = json.loads(message.data)
                        if isinstance(data, dict) and data.get("type") == "stepped_down":
                            return "stepped_down", None
                        if isinstance(data, dict) and data.get("type") == "outranked":
                            return "outranked", Epoch.from_json(data.get("epoch"))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), RETRY_S)
    return "stopped", None


@dataclass(frozen=True)
class FirstContact:
    """What a backup needs before its window opens: the primary's agenda file and its view token."""

    agenda_name: str
    agenda_text: str
    view_token: str
    epoch: Epoch


async def _first_contact(address: str, token: str, me: Identity) -> FirstContact:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with aiohttp.ClientSession(headers=headers, timeout=_CONNECT) as session:
        connecting = session.ws_connect(follow_url(address), max_msg_size=MAX_MESSAGE,
                                        timeout=aiohttp.ClientWSTimeout(ws_close=0.5))
        async with await asyncio.wait_for(connecting, CONNECT_TIMEOUT_S) as ws:
            await ws.send_str(json.dumps({"type": "hello", "role": "following", "node": me.node,
                                          "epoch": me.epoch().to_json(), "listen": me.listen}))
            while True:
                message = await ws.receive(timeout=CONNECT_TIMEOUT_S * 2)
                if message.type is not aiohttp.WSMsgType.TEXT:
                    raise ConnectionError(f"the primary closed the connection ({message.extra or message.type.name})")
                data = json.loads(message.data)
                if isinstance(data, dict) and data.get("type") == "welcome":
                    return FirstContact(str(data.get("agenda_name", "")), str(data.get("agenda_text", "")),
                                        str(data.get("view_token", "")), Epoch.from_json(data.get("epoch")) or Epoch())


def first_contact(address: str, token: str, me: Identity, wait_s: float,
                  waiting: Callable[[str], None]) -> FirstContact | str:
    """The primary's agenda and view token, trying for up to `wait_s` seconds; or why it could not be reached."""
    deadline = time.monotonic() + wait_s
    told = ""
    while True:
        try:
            return asyncio.run(_first_contact(address, token, me))
        except (aiohttp.WSServerHandshakeError) as exc:
            reason = ("the primary refused the token (give its control token with --token)" if exc.status in (401, 403)
                      else f"the primary refused the connection ({exc.status} {exc.message})")
            if exc.status in (401, 403):
                return reason
        except (aiohttp.ClientError, OSError, TimeoutError, ConnectionError, ValueError) as exc:
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if time.monotonic() >= deadline:
            return reason
        if reason != told:
            waiting(reason)
            told = reason
        time.sleep(RETRY_S * 2)
