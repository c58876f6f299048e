"""The primary's side of a backup laptop: its record streamed as it is written, and the backups' acknowledgements.

Runs on the network thread. The protocol, JSON text frames over the WebSocket `/api/follow` (the control
token beyond loopback, as for commands):

  backup → primary   hello    {"type": "hello", "role": "following", "node", "epoch", "listen": "host:port",
                               "journal": name, "bytes": n, "tail_crc": "…"}   (what its copy already holds)
  primary → backup   welcome  {"type": "welcome", "node", "epoch", "view_token", "agenda_name", "agenda_text"}
                     journal  {"type": "journal", "name", "from", "agenda_name", "agenda_text"}  the journal
                              whose lines follow: "from" 0 starts a new copy, more carries the backup's on
                     lines    {"type": "lines", "from": offset, "data": "…"}  whole lines, the file's own bytes
                     beat     {"type": "beat", "bytes", "seq", "wall"}  every 0.5 s, lines or not
                     check    {"type": "check", "n"}  after this laptop stood still: the backup echoes n at once
  backup → primary   ack      {"type": "ack", "journal", "bytes", "check"?}  once the lines are on its disk; every 0.5 s

A laptop that took over says hello with "role": "primary". If its epoch outranks ours this laptop steps
down (`on_outranked`) and answers {"type": "stepped_down"}; if ours outranks it, {"type": "outranked",
"epoch", "listen"} tells it to step down instead.

A command's reply waits (`acked`) until every backup in step holds its entry on disk, so a controller
is told `ok` only for what a take-over keeps. A backup that does not confirm within ACK_TIMEOUT is no
longer waited for (the show must not hang on a dead backup) until it has caught up again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import WSMsgType, web

from runofshow.core.standing import BEAT_EVERY_S, LOST_AFTER_S, Epoch, outranks
from runofshow.io.record_copy import read_range, read_tail, tail_crc
from runofshow.io.record_tap import RecordPosition, RecordTap

log = logging.getLogger(__name__)

ACK_TIMEOUT = 2.0  # seconds a reply waits for the backups' acknowledgement before going on without them
HELLO_TIMEOUT = 5.0
CHUNK = 256 * 1024  # bytes of record in one message (a backup joining late reads the file in steps)
MAX_MESSAGE = 64 * 1024  # what a backup may send: hellos and acks are a few hundred bytes
MAX_AGENDA_TEXT = 4 * 1024 * 1024
MAX_BACKUPS = 4  # backups streaming at once: a pair needs one; each reads the whole record when it joins
WATCH_EVERY_S = 0.25
DOUBT_S = 2.5  # after a freeze, how long to wait for the backup's answer before taking it for gone


@dataclass(frozen=True)
class Hello:
    role: str
    node: str
    epoch: Epoch
    listen: str
    journal: str = ""
    bytes: int = 0
    tail_crc: str = ""


def parse_hello(text: str, address: str) -> Hello | None:
    """A backup's (or a new primary's) hello, bounded and checked; None when it is not one."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("type") != "hello" or data.get("role") not in ("following", "primary"):
        return None
    epoch = Epoch.from_json(data.get("epoch"))
    node, listen, journal = data.get("node"), data.get("listen", ""), data.get("journal", "")
    length, crc = data.get("bytes", 0), data.get("tail_crc", "")
    texts = (node, listen, journal, crc)
    if epoch is None or not all(isinstance(t, str) and len(t) <= 200 for t in texts):
        return None
    if isinstance(length, bool) or not isinstance(length, int) or length < 0:
        return None
    return Hello(str(data["role"]), str(node), epoch, _listen_address(str(listen), address), str(journal), length,
                 str(crc))


def _listen_address(listen: str, address: str) -> str:
    """The backup's own server as this laptop reaches it: a wildcard host is the address it came from."""
    host, _, port = listen.rpartition(":")
    if not port.isdigit():
        return ""
    if host in ("", "0.0.0.0", "[::]", "::"):
        host = f"[{address}]" if ":" in address else address
    return f"{host}:{port}"


@dataclass(frozen=True)
class FeedDetails:
    """What a backup needs besides the record: the view token (both laptops open the same view addresses)
    and the agenda file the journal is on (the backup keeps a copy; the record holds the plan itself)."""

    view_token: str
    agenda_path: Path | None


@dataclass(eq=False)
class _Backup:
    ws: web.WebSocketResponse
    address: str
    generation: int = -1  # the journal generation being sent
    acked_generation: int = -1
    acked: int = 0  # bytes of that journal on the backup's disk
    in_step: bool = False  # replies wait for it (it has caught up, and has not failed to confirm since)
    # Where a send of this generation first left nothing more to send: an ack that far is an ack of all there was
    # a round trip ago (in a busy show the tap moves on before every ack, and it would never catch up otherwise).
    caught_up: int = -1
    checked: int = 0  # the last freeze check sent to it
    heard: float = field(default_factory=time.monotonic)
    wake: asyncio.Event = field(default_factory=asyncio.Event)

    def holds(self, position: RecordPosition) -> bool:
        return self.acked_generation > position.generation or (
            self.acked_generation == position.generation and self.acked >= position.length)


class RecordFeed:
    """The `/api/follow` endpoint and the acknowledgements the replies wait for. On the network thread."""

    def __init__(self, tap: RecordTap, node: str, epoch: Callable[[], Epoch], details: Callable[[], FeedDetails], *,
                 on_outranked: Callable[[Epoch, str], None], on_backups: Callable[[tuple[str, ...]], None]) -> None:
        self._tap = tap
        self.node = node
        self._epoch = epoch  # read on the network thread: a frozen value the Qt thread replaces
        self._details = details
        self._on_outranked = on_outranked  # called on the network thread: it must hand over to the Qt thread
        self._on_backups = on_backups
        self._backups: set[_Backup] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed: asyncio.Event | None = None
        self.stepped_down: Epoch | None = None  # set the moment a laptop that outranks this one said so
        self.stepped_down_to = ""  # that laptop's address
        self.heard_since: float = 0.0  # monotonic: the last word from any backup
        self.had_backup = False  # a backup has followed this laptop: after a freeze, it may have taken over
        # After this laptop stood still (a freeze, SIGSTOP, a suspended laptop) its backup may have taken over:
        # nothing is confirmed until the backup answers a check sent after the freeze, or says it took over.
        self._doubt_since: float | None = None
        self._check = 0  # the number of the check the backup must echo
        self._checked = 0
        self._watched = time.monotonic()  # the network thread's own watch: a gap in it is a freeze here
        self._watch_task: asyncio.Task[None] | None = None
        tap.listen(self._moved)

    # -- the endpoint --------------------------------------------------------------------------------

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Start watching for freezes on the network thread's loop (from any thread)."""
        self._loop = loop
        loop.call_soon_threadsafe(self._start_watch)

    def _start_watch(self) -> None:
        if self._changed is None:
            self._changed = asyncio.Event()
        if self._watch_task is None:
            self._watch_task = asyncio.get_running_loop().create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            self.notice_freeze(time.monotonic(), self._watched)
            self._watched = time.monotonic()
            await asyncio.sleep(WATCH_EVERY_S)

    # -- after a freeze ------------------------------------------------------------------------------

    def notice_freeze(self, now: float, last_seen: float) -> None:
        """This laptop stood still from `last_seen` to `now` (monotonic): if that is long enough for a backup to
        have taken over, doubt until it answers. Thread-safe (plain assignments), called by both threads."""
        if now - last_seen >= LOST_AFTER_S and self.had_backup and self.stepped_down is None:
            log.warning("pair: this laptop stood still for %.1f s; checking that its backup has not taken over",
                        now - last_seen)
            self._doubt_since = now
            self._check += 1
            for backup in list(self._backups):
                backup.heard = max(backup.heard, now)  # their silence was this laptop's: not a lost backup
            self._moved()  # the streams send the check at once

    def in_doubt(self, now: float | None = None) -> bool:
        """True while a check after a freeze is unanswered (at most DOUBT_S: then the backup is taken for gone)."""
        since = self._doubt_since
        if since is None:
            return False
        if self._checked >= self._check or (now or time.monotonic()) - since > DOUBT_S:
            self._doubt_since = None
            return False
        return True

    async def serve(self, request: web.Request) -> web.StreamResponse:
        if self._loop is None:
            self.attach(asyncio.get_running_loop())
        if self._changed is None:
            self._changed = asyncio.Event()
        address = request.remote or ""
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, compress=False)
        await ws.prepare(request)
        try:
            return await self._answer(ws, address)
        except ConnectionResetError:
            return ws  # it went away before an answer could be sent (aiohttp's ClientConnectionResetError is one)

    async def _answer(self, ws: web.WebSocketResponse, address: str) -> web.WebSocketResponse:
        try:
            message = await ws.receive(timeout=HELLO_TIMEOUT)
        except TimeoutError:
            await ws.close()
            return ws
        hello = parse_hello(message.data, address) if message.type is WSMsgType.TEXT else None
        if hello is None:
            await ws.close(code=1008, message=b"not a hello")
            return ws
        ours = self._epoch()
        if hello.role == "primary" and outranks(hello.epoch, ours):
            await self._step_down(hello)  # a laptop that took over after this one: this one steps down
        if self.stepped_down is not None:
            await _send(ws, {"type": "stepped_down", "epoch": self.stepped_down.to_json(),
                             "primary": self.stepped_down_to})
            await ws.close()
            return ws
        if hello.role == "primary" or outranks(hello.epoch, ours):
            # A laptop that took over from an older epoch (this one outranks it), or a backup of a later one.
            await _send(ws, {"type": "outranked", "epoch": ours.to_json(), "node": self.node})
            await ws.close()
            return ws
        if len(self._backups) >= MAX_BACKUPS:
            await ws.close(code=1013, message=b"too many backups")
            return ws
        return await self._stream(ws, hello)

    async def _step_down(self, hello: Hello) -> None:
        if self.stepped_down is None or outranks(hello.epoch, self.stepped_down):
            log.warning("pair: %s (%s) took over the show with epoch %d; this laptop steps down", hello.listen,
                        hello.node, hello.epoch.number)
            self.stepped_down, self.stepped_down_to = hello.epoch, hello.listen
            self._on_outranked(hello.epoch, hello.listen)
        self._wake_waiters()

    async def _stream(self, ws: web.WebSocketResponse, hello: Hello) -> web.WebSocketResponse:
        backup = _Backup(ws, hello.listen)
        self._backups.add(backup)  # counted before the first await: hellos that come together stay within MAX_BACKUPS
        writer: asyncio.Task[None] | None = None
        try:
            details = self._details()
            await _send(ws, {"type": "welcome", "node": self.node, "epoch": self._epoch().to_json(),
                             "view_token": details.view_token, **await self._agenda()})
            start = await self._start_offset(hello)
            self.had_backup = True
            self._tell_backups()
            log.info("pair: backup %s follows this laptop (its copy from byte %d)", hello.listen, start)
            writer = asyncio.create_task(self._write(backup, start, hello.journal))
            async for message in ws:
                if message.type is not WSMsgType.TEXT:
                    break
                self._ack(backup, message.data)
        finally:
            if writer is not None:
                writer.cancel()
            self._backups.discard(backup)
            self._tell_backups()
            self._wake_waiters()
            log.info("pair: backup %s went away", hello.listen)
        return ws

    async def _start_offset(self, hello: Hello) -> int:
        """Where a backup's copy goes on from: its end, when it is this very journal's beginning; else 0."""
        position = self._tap.position
        if position.path is None or hello.journal != position.path.name or not 0 < hello.bytes <= position.length:
            return 0
        tail = await asyncio.to_thread(read_tail, position.path, hello.bytes)
        return hello.bytes if tail_crc(tail) == hello.tail_crc else 0

    async def _write(self, backup: _Backup, offset: int, journal: str = "") -> None:
        ws = backup.ws
        carry_on = offset > 0
        last_beat = 0.0
        try:
            while not ws.closed:
                backup.wake.clear()  # before reading the position: a move after this read wakes the wait below
                position = self._tap.position
                if position.path is not None and position.generation != backup.generation:
                    backup.generation = position.generation
                    if not carry_on or position.path.name != journal:
                        offset = 0  # (a new journal since the hello was checked: its copy starts from 0 too)
                    carry_on = False
                    backup.caught_up = -1
                    message = await self._journal_message(position.path)
                    await _send(ws, {**message, "from": offset})  # 0: a new copy; more: its copy goes on there
                if position.path is not None and offset < position.length:
                    end = min(position.length, offset + CHUNK)
                    data = await asyncio.to_thread(read_range, position.path, offset, end)
                    if not data and end < position.length:  # one line longer than a chunk: send it whole
                        data = await asyncio.to_thread(read_range, position.path, offset, position.length)
                    if data:
                        try:
                            text, escaped = data.decode("utf-8"), False
                        except UnicodeDecodeError:  # a damaged byte: sent as an escaped surrogate, copied as it is
                            text, escaped = data.decode("utf-8", "surrogateescape"), True
                        await _send(ws, {"type": "lines", "from": offset, "data": text}, ascii_only=escaped)
                        offset += len(data)
                        if backup.caught_up < 0 and offset >= position.length:
                            backup.caught_up = offset
                        continue
                if backup.caught_up < 0 and position.path is not None and offset >= position.length:
                    backup.caught_up = offset
                if backup.checked < self._check:
                    backup.checked = self._check
                    await _send(ws, {"type": "check", "n": self._check})
                now = time.monotonic()
                if now - backup.heard >= LOST_AFTER_S and now - self._watched < LOST_AFTER_S:
                    # It acknowledges every beat: a frozen laptop keeps its socket open, and would be counted forever.
                    log.warning("pair: backup %s has been silent for %.1f s; taken for lost", backup.address,
                                now - backup.heard)
                    break
                if now - last_beat >= BEAT_EVERY_S:
                    last_beat = now
                    await _send(ws, {"type": "beat", "bytes": position.length, "seq": position.seq,
                                     "wall": time.time()})
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(backup.wake.wait(), BEAT_EVERY_S)
        except (ConnectionResetError, RuntimeError):
            pass  # it went away; the reader ends too
        except Exception:
            log.exception("pair: streaming the record to %s failed; it will reconnect", backup.address)
        finally:
            with contextlib.suppress(Exception):
                await ws.close()

    async def _journal_message(self, path: Path) -> dict[str, object]:
        return {"type": "journal", "name": path.name, **await self._agenda()}

    async def _agenda(self) -> dict[str, object]:
        """The agenda file the show runs on: its name and text (the backup keeps a copy to carry on with)."""
        agenda = self._details().agenda_path
        text = ""
        if agenda is not None:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                data = await asyncio.to_thread(_read_bounded, agenda, MAX_AGENDA_TEXT)
                text = data.decode("utf-8")
        return {"agenda_name": agenda.name if agenda else "", "agenda_text": text}

    def _ack(self, backup: _Backup, text: str) -> None:
        backup.heard = self.heard_since = time.monotonic()
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return
        if not isinstance(data, dict) or data.get("type") != "ack":
            return
        length, journal = data.get("bytes"), data.get("journal")
        if isinstance(length, bool) or not isinstance(length, int) or not isinstance(journal, str):
            return
        check = data.get("check")
        if isinstance(check, int) and not isinstance(check, bool) and check == self._check:
            self._checked = check  # it still follows this laptop: it has not taken over
        position = self._tap.position
        if position.path is None or journal != position.path.name:
            self._wake_waiters()
            return  # an acknowledgement of a journal this laptop has moved on from
        backup.acked_generation, backup.acked = position.generation, min(length, position.length)
        caught_up = backup.generation == position.generation and 0 <= backup.caught_up <= backup.acked
        if not backup.in_step and (backup.holds(position) or caught_up):
            backup.in_step = True
            log.info("pair: backup %s is in step; replies wait for its copy", backup.address)
        self._wake_waiters()

    # -- the replies wait here --------------------------------------------------------------------------

    async def acked(self, position: RecordPosition, timeout: float = ACK_TIMEOUT) -> bool:
        """True once every backup in step holds `position` on disk; False (and those are no longer waited for)
        after `timeout` seconds, or when this laptop stepped down."""
        if self._changed is None:
            self._changed = asyncio.Event()
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            self.notice_freeze(time.monotonic(), self._watched)
            if self.stepped_down is not None:
                return False
            if self.in_doubt():
                await self._changed_or(0.1)
                deadline = max(deadline, asyncio.get_running_loop().time() + 0.1)
                continue
            waiting = [b for b in self._backups if b.in_step and not b.holds(position)]
            if not waiting:
                return True
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                for backup in waiting:
                    backup.in_step, backup.caught_up = False, -1
                    log.warning("pair: backup %s did not confirm the record within %.1f s; replies go on without "
                                "waiting for it until it has caught up", backup.address, timeout)
                return False
            await self._changed_or(remaining)

    async def _changed_or(self, seconds: float) -> None:
        assert self._changed is not None
        self._changed.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), seconds)

    @property
    def backups(self) -> tuple[str, ...]:
        return tuple(sorted(b.address for b in self._backups))

    def _wake_waiters(self) -> None:
        if self._changed is not None:
            self._changed.set()

    def _moved(self) -> None:
        """The tap moved (on the Qt thread): wake every stream on the loop."""
        loop = self._loop
        if loop is None or not self._backups:
            return
        with contextlib.suppress(RuntimeError):  # the loop is closing
            loop.call_soon_threadsafe(self._wake_streams)

    def _wake_streams(self) -> None:
        for backup in self._backups:
            backup.wake.set()

    def _tell_backups(self) -> None:
        try:
            self._on_backups(self.backups)
        except Exception:
            log.exception("pair: telling the window about the backups failed")

    async def close(self) -> None:
        self._tap.forget(self._moved)
        if self._watch_task is not None:
            self._watch_task.cancel()
        for backup in list(self._backups):
            with contextlib.suppress(Exception):
                await backup.ws.close()


async def _send(ws: web.WebSocketResponse, message: dict[str, object], ascii_only: bool = False) -> None:
    await ws.send_str(json.dumps(message, ensure_ascii=ascii_only, separators=(",", ":")))


def _read_bounded(path: Path, limit: int) -> bytes:
    with path.open("rb") as file:
        return file.read(limit)
