"""The primary's record stream (remote/feed.py) on a real loopback server: the file's bytes exactly, in order,
across journals and reconnections; the acknowledgements a reply waits for; stepping down for a higher epoch;
and nothing a stranger sends on /api/follow raises in the server or stops the stream to a good backup.

A RecordTap moved by hand over a real journal file stands for the session; a backup is played by hand here
(tests/remote/test_follow_client.py plays the real FollowClient). Every test runs in one event loop, bounded.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import os
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest
from aiohttp import web

from runofshow.core.standing import LOST_AFTER_S, Epoch
from runofshow.io.journal import Journal, read_journal
from runofshow.io.record_copy import RecordCopy, read_tail
from runofshow.io.record_tap import RecordPosition, RecordTap
from runofshow.remote import feed as feed_module
from runofshow.remote.feed import FeedDetails, RecordFeed
from tests.core.helpers import at

T = TypeVar("T")
LOOPBACK = "127.0.0.1"
AGENDA_PATH = Path("agenda.yaml")
BOUND_S = 20.0  # no test here may run longer than this


def run(coro: Coroutine[Any, Any, T], bound: float = BOUND_S) -> T:
    return asyncio.run(asyncio.wait_for(coro, bound))


@pytest.fixture(autouse=True)
def nothing_raises_in_the_server(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """An exception in a handler or a task is logged by aiohttp or asyncio at ERROR: none may be."""
    caplog.set_level(logging.INFO)
    yield
    errors = [r for when in ("setup", "call") for r in caplog.get_records(when) if r.levelno >= logging.ERROR]
    assert not errors, [f"{r.name}: {r.getMessage()}\n{r.exc_text or ''}" for r in errors]


# -- the primary: a journal, a tap moved by hand, the feed on a loopback server ----------------------------------


@dataclass
class Primary:
    folder: Path
    agenda: Path
    tap: RecordTap = field(default_factory=RecordTap)
    epoch: Epoch = field(default_factory=lambda: Epoch(1, "primary"))
    outranked: list[tuple[Epoch, str]] = field(default_factory=list)
    told_backups: list[tuple[str, ...]] = field(default_factory=list)
    journal: Journal | None = None
    feed: RecordFeed | None = None
    runner: web.AppRunner | None = None
    url: str = ""
    moment: float = at(13, 30).t
    journals: list[Path] = field(default_factory=list)

    async def start(self) -> None:
        self.agenda.write_text("event: {title: Test}\n", encoding="utf-8")
        self.feed = RecordFeed(self.tap, "primary", lambda: self.epoch, lambda: FeedDetails("view-token", self.agenda),
                               on_outranked=lambda epoch, address: self.outranked.append((epoch, address)),
                               on_backups=self.told_backups.append)
        app = web.Application()
        app.router.add_get("/api/follow", self.feed.serve)
        self.runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=1.0)
        await self.runner.setup()
        site = web.TCPSite(self.runner, LOOPBACK, 0)
        await site.start()
        server = site._server
        assert server is not None
        port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        self.url = f"ws://{LOOPBACK}:{port}/api/follow"

    async def stop(self) -> None:
        if self.feed is not None:
            await self.feed.close()
        if self.runner is not None:
            await self.runner.cleanup()
        if self.journal is not None:
            self.journal.close()

    def new_journal(self) -> Path:
        if self.journal is not None:
            self.journal.close()
        self.moment += 1
        self.journal = Journal.create(self.folder, AGENDA_PATH, at(13, 0).later(self.moment - at(13, 0).t))
        self.journals.append(self.journal.path)
        self.write(1, "@plan")
        return self.journal.path

    def write(self, count: int = 1, name: str = "message", text: str = "Wrap up ✓") -> RecordPosition:
        """`count` entries written into the journal, then the tap moved, as the session does after each batch."""
        assert self.journal is not None
        for _ in range(count):
            self.moment += 1
            moment = at(13, 0).later(self.moment - at(13, 0).t)
            self.journal.append(name, moment, {"text": text})
        self.tap.wrote(self.journal.path, self.journal.length, self.journal.last_seq)
        return self.tap.position

    def bytes_of(self, path: Path | None = None) -> bytes:
        target = path or (self.journal.path if self.journal is not None else None)
        assert target is not None
        return target.read_bytes()


# -- a backup played by hand --------------------------------------------------------------------------------


class Backup:
    """Says hello with what its copy holds, writes what arrives into a RecordCopy, acknowledges (or not)."""

    def __init__(self, http: aiohttp.ClientSession, url: str, folder: Path, acking: bool = True) -> None:
        self.http = http
        self.url = url
        self.copy = RecordCopy(folder)
        self.acking = acking
        self.messages: list[dict[str, Any]] = []
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.closed = False
        self.echo_checks = True

    async def connect(self, **hello: object) -> None:
        self.ws = await self.http.ws_connect(self.url, max_msg_size=16 * 1024 * 1024)
        name, length, crc = self.copy.have()
        message: dict[str, object] = {"type": "hello", "role": "following", "node": "backup",
                                      "epoch": {"number": 1, "node": "primary"}, "listen": "0.0.0.0:8766",
                                      "journal": name, "bytes": length, "tail_crc": crc}
        message.update(hello)
        await self.ws.send_str(json.dumps(message))
        self.messages.clear()
        self.closed = False

    async def receive(self, timeout: float = 5.0) -> dict[str, Any] | None:
        """One message, handled as a follower would; None once the primary closed the connection."""
        assert self.ws is not None
        message = await self.ws.receive(timeout=timeout)
        if message.type is not aiohttp.WSMsgType.TEXT:
            self.closed = True
            return None
        data = json.loads(message.data)
        assert isinstance(data, dict)
        self.messages.append(data)
        if data["type"] == "journal":
            if data["from"] == 0:
                self.copy.start(data["name"])
            else:
                self.copy.resume(data["name"])
                assert self.copy.length == data["from"]
        elif data["type"] == "lines":
            self.copy.append(data["from"], data["data"].encode("utf-8", "surrogateescape"))  # damaged bytes too
            self.copy.sync()
            if self.acking:
                await self.ack()
        elif data["type"] == "check" and self.echo_checks:
            await self.ack(check=data["n"])
        return data

    async def ack(self, **extra: object) -> None:
        assert self.ws is not None and self.copy.path is not None
        await self.ws.send_str(json.dumps({"type": "ack", "journal": self.copy.path.name, "bytes": self.copy.length,
                                           **extra}))

    async def until(self, done: Callable[[], bool], timeout: float = 5.0) -> None:
        async def pump() -> None:
            while not done():
                if await self.receive() is None:
                    raise AssertionError(f"the primary closed the stream: {self.messages[-3:]}")

        await asyncio.wait_for(pump(), timeout)

    async def holds(self, primary: Primary, timeout: float = 5.0) -> None:
        """Until the copy is the primary's current journal, byte for byte."""
        assert primary.journal is not None
        path = primary.journal.path
        await self.until(lambda: self.copy.path is not None and self.copy.path.name == path.name
                         and self.copy.length == len(path.read_bytes()), timeout)

    def pump_forever(self) -> asyncio.Task[None]:
        async def forever() -> None:
            with contextlib.suppress(AssertionError, ConnectionError, asyncio.CancelledError):
                while await self.receive(timeout=30) is not None:
                    pass

        return asyncio.get_running_loop().create_task(forever())

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


async def in_step(feed: RecordFeed, count: int = 1) -> None:
    """Until `count` backups are in step (their acknowledgement of the whole record has been read)."""
    async def poll() -> None:
        while sum(b.in_step for b in feed._backups) < count:
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), 5)


async def attached(primary: Primary, http: aiohttp.ClientSession, folder: Path, lines: int,
                   echo_checks: bool = True) -> Backup:
    """A backup following a primary that has just started a journal of `lines` lines, its copy in step."""
    primary.new_journal()
    primary.write(lines)
    backup = Backup(http, primary.url, folder)
    backup.echo_checks = echo_checks
    await backup.connect()
    await backup.holds(primary)
    return backup


async def with_primary(tmp_path: Path, body: Callable[[Primary, aiohttp.ClientSession], Awaitable[None]]) -> None:
    primary = Primary(tmp_path / "primary", tmp_path / "agenda.yaml")
    await primary.start()
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
            await body(primary, http)
    finally:
        await primary.stop()


# -- the stream: the file's bytes exactly --------------------------------------------------------------------


def test_the_copy_is_the_journal_byte_for_byte_across_several_journals(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        first = primary.new_journal()
        primary.write(5)
        backup = Backup(http, primary.url, tmp_path / "backup")
        await backup.connect()
        await backup.holds(primary)
        welcome = backup.messages[0]
        assert welcome["type"] == "welcome" and welcome["view_token"] == "view-token"
        assert welcome["agenda_name"] == "agenda.yaml" and welcome["agenda_text"] == "event: {title: Test}\n"
        for count in (1, 3, 40):
            primary.write(count, text="ü" * count)  # multi-byte text: offsets are bytes, not characters
            await backup.holds(primary)
        second = primary.new_journal()
        primary.write(7)
        await backup.holds(primary)
        assert [m["from"] for m in backup.messages if m["type"] == "journal"] == [0, 0]
        third = primary.new_journal()
        primary.write(2)
        await backup.holds(primary)
        for path in (first, second, third):
            assert (tmp_path / "backup" / path.name).read_bytes() == path.read_bytes()
        assert primary.feed is not None and primary.feed.backups == ("127.0.0.1:8766",)
        await backup.close()

    run(with_primary(tmp_path, body))


def test_a_backup_behind_by_many_chunks_and_a_line_longer_than_a_chunk_gets_them_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_module, "CHUNK", 1000)

    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        primary.new_journal()
        primary.write(30)
        primary.write(1, text="L" * 5000)  # one line longer than a chunk
        primary.write(3)
        backup = Backup(http, primary.url, tmp_path / "backup")
        await backup.connect()
        await backup.holds(primary)
        lines = [m for m in backup.messages if m["type"] == "lines"]
        assert len(lines) > 5 and all(m["data"].endswith("\n") for m in lines)
        assert any(len(m["data"]) > 5000 for m in lines)
        assert backup.copy.path is not None and backup.copy.path.read_bytes() == primary.bytes_of()

    run(with_primary(tmp_path, body))


def test_a_journal_moved_on_while_the_backup_was_behind_gives_it_the_new_one_whole(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        backup = await attached(primary, http, tmp_path / "backup", 3)
        primary.write(50)
        newer = primary.new_journal()  # before the backup read the 50 lines
        primary.write(4)
        await backup.holds(primary)
        assert (tmp_path / "backup" / newer.name).read_bytes() == newer.read_bytes()

    run(with_primary(tmp_path, body))


def test_a_line_that_is_not_utf8_in_the_journal_reaches_the_copy_as_it_is(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        path = primary.new_journal()
        primary.write(2)
        assert primary.journal is not None
        with path.open("ab") as file:  # a damaged sector: a line the primary's own replay skips
            file.write(b'{"seq":99,"cmd":"message","args":{"text":"\xff\xfe damaged"}}\n')
        primary.journal.length = path.stat().st_size
        primary.write(2)
        backup = Backup(http, primary.url, tmp_path / "backup")
        await backup.connect()
        await backup.holds(primary, timeout=3)
        assert backup.copy.path is not None and backup.copy.path.read_bytes() == path.read_bytes()
        assert len(read_journal(backup.copy.path).entries) == len(read_journal(path).entries)

    run(with_primary(tmp_path, body))


# -- reconnections -------------------------------------------------------------------------------------------


def test_a_reconnection_carries_on_from_the_end_of_the_copy_when_its_tail_matches(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        backup = await attached(primary, http, tmp_path / "backup", 10)
        await backup.close()
        held = backup.copy.length
        primary.write(6)
        await backup.connect()
        await backup.holds(primary)
        journal = next(m for m in backup.messages if m["type"] == "journal")
        assert journal["from"] == held
        assert next(m for m in backup.messages if m["type"] == "lines")["from"] == held
        assert backup.copy.path is not None and backup.copy.path.read_bytes() == primary.bytes_of()
        assert not [p for p in (tmp_path / "backup").iterdir() if ".replaced-" in p.name]

    run(with_primary(tmp_path, body))


def test_a_reconnection_whose_tail_differs_starts_again_and_keeps_the_old_copy_aside(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        backup = await attached(primary, http, tmp_path / "backup", 10)
        await backup.close()
        assert backup.copy.path is not None
        copy_path = backup.copy.path
        backup.copy.close()
        data = bytearray(copy_path.read_bytes())
        data[-20] = ord("#")  # the same length, another tail: that laptop's journal went on alone
        copy_path.write_bytes(bytes(data))
        backup.copy = RecordCopy(tmp_path / "backup")
        backup.copy.resume(copy_path.name)
        primary.write(2)
        await backup.connect()
        await backup.holds(primary)
        assert next(m for m in backup.messages if m["type"] == "journal")["from"] == 0
        assert copy_path.read_bytes() == primary.bytes_of()
        aside = [p for p in (tmp_path / "backup").iterdir() if ".replaced-" in p.name]
        assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)

    run(with_primary(tmp_path, body))


@pytest.mark.parametrize("hello", [
    {"bytes": 10**15}, {"bytes": -5}, {"journal": "show-20231130T000000.jsonl"}, {"tail_crc": "00000000"},
    {"journal": "../../etc/passwd"},
])
def test_a_hello_that_does_not_match_the_journal_starts_the_copy_from_zero(tmp_path: Path,
                                                                            hello: dict[str, object]) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        primary.new_journal()
        primary.write(4)
        backup = Backup(http, primary.url, tmp_path / "backup")
        assert primary.journal is not None
        await backup.connect(**{"journal": primary.journal.path.name, "bytes": 30, "tail_crc": "", **hello})
        if hello.get("bytes") == -5:
            assert await backup.receive() is None  # not a hello at all
            return
        await backup.holds(primary)
        assert next(m for m in backup.messages if m["type"] == "journal")["from"] == 0

    run(with_primary(tmp_path, body))


def test_a_journal_that_moves_on_while_the_primary_checks_the_hello_is_sent_from_zero(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hello matched the old journal; the tap moved to a new one before the stream began."""

    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        backup = await attached(primary, http, tmp_path / "backup", 6)
        await backup.close()

        def read_tail_then_move(path: Path, length: int) -> bytes:
            tail = read_tail(path, length)
            primary.new_journal()  # the operator started a new show just then (on the Qt thread)
            primary.write(3)
            return tail

        monkeypatch.setattr(feed_module, "read_tail", read_tail_then_move)
        await backup.connect()
        await backup.until(lambda: any(m["type"] == "journal" for m in backup.messages))
        newer = primary.journals[-1]
        journal = next(m for m in backup.messages if m["type"] == "journal")
        assert (journal["name"], journal["from"]) == (newer.name, 0)
        await backup.holds(primary)
        assert (tmp_path / "backup" / newer.name).read_bytes() == newer.read_bytes()

    run(with_primary(tmp_path, body))


# -- acknowledgements --------------------------------------------------------------------------------------


def test_a_reply_waits_for_the_backups_acknowledgement(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        primary.new_journal()
        primary.write(3)
        backup = Backup(http, primary.url, tmp_path / "backup", acking=False)
        await backup.connect()
        await backup.holds(primary)
        await backup.ack()  # in step from here on
        await in_step(feed)
        position = primary.write(1)
        waiting = asyncio.get_running_loop().create_task(feed.acked(position, timeout=5))
        await backup.holds(primary)
        await asyncio.sleep(0.05)
        assert not waiting.done()  # the line is on the backup's disk, not yet acknowledged
        await backup.ack(bytes=position.length - 1)
        await asyncio.sleep(0.05)
        assert not waiting.done()  # an acknowledgement short of the entry
        await backup.ack()
        assert await asyncio.wait_for(waiting, 2) is True

    run(with_primary(tmp_path, body))


def test_a_silent_backup_is_waited_for_once_then_not_until_it_catches_up(tmp_path: Path) -> None:
    timeout = 0.3  # ACK_TIMEOUT, small (it is acked()'s default argument: passed here)

    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        backup = await attached(primary, http, tmp_path / "backup", 3)
        pump = backup.pump_forever()
        await in_step(feed)
        assert await asyncio.wait_for(feed.acked(primary.write(1), timeout), 3) is True
        backup.acking = False  # alive, but its disk stopped confirming
        loop = asyncio.get_running_loop()
        started = loop.time()
        assert await feed.acked(primary.write(1), timeout) is False
        assert timeout - 0.05 <= loop.time() - started < timeout + 1
        started = loop.time()
        assert await feed.acked(primary.write(1), timeout) is True  # no longer waited for
        assert loop.time() - started < 0.2
        backup.acking = True
        primary.write(1)  # it catches up, acknowledges, and is waited for again
        await in_step(feed)
        backup.acking = False
        started = loop.time()
        assert await feed.acked(primary.write(1), timeout) is False
        assert loop.time() - started >= timeout - 0.05
        pump.cancel()

    run(with_primary(tmp_path, body))


def test_a_backup_that_keeps_up_with_a_busy_show_is_waited_for(tmp_path: Path) -> None:
    """Commands one round trip apart: each acknowledgement arrives after the next entry moved the tap."""

    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        primary.new_journal()
        primary.write(3)
        backup = Backup(http, primary.url, tmp_path / "backup", acking=False)
        await backup.connect()
        await backup.holds(primary)
        for _ in range(6):
            primary.write(1)
            await backup.holds(primary)  # on its disk
            primary.write(1)  # the next command, before its acknowledgement is read
            await backup.ack()
            held = backup.copy.length

            async def read(held: int = held) -> None:
                while not any(b.acked == held for b in feed._backups):
                    await asyncio.sleep(0.005)

            await asyncio.wait_for(read(), 2)
        await backup.holds(primary)
        await backup.ack()
        waiting = asyncio.get_running_loop().create_task(feed.acked(primary.write(1), timeout=5))
        await asyncio.sleep(0.2)
        assert not waiting.done(), "a backup that confirmed every entry within a round trip is not waited for"
        await backup.holds(primary)
        await backup.ack()
        assert await asyncio.wait_for(waiting, 2) is True

    run(with_primary(tmp_path, body))


def test_a_backup_that_goes_away_is_not_waited_for(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        backup = await attached(primary, http, tmp_path / "backup", 3)
        await in_step(feed)
        backup.acking = False
        waiting = asyncio.get_running_loop().create_task(feed.acked(primary.write(1), timeout=10))
        await asyncio.sleep(0.1)
        assert not waiting.done()
        await backup.close()
        assert await asyncio.wait_for(waiting, 2) is True
        assert primary.told_backups[-1] == ()

    run(with_primary(tmp_path, body))


# -- strangers on /api/follow --------------------------------------------------------------------------------


BAD_HELLOS: list[str | bytes] = [
    "not json", "[1, 2]", "null", '"hello"', json.dumps({"type": "hello"}),
    json.dumps({"type": "hello", "role": "leader", "node": "x", "epoch": {"number": 1}}),
    json.dumps({"type": "hello", "role": "following", "node": "x", "epoch": {"number": 0}}),
    json.dumps({"type": "hello", "role": "following", "node": "x", "epoch": {"number": True}}),
    json.dumps({"type": "hello", "role": "following", "node": "x" * 300, "epoch": {"number": 1}}),
    json.dumps({"type": "hello", "role": ["following"], "node": "x", "epoch": {"number": 1}}),
    json.dumps({"type": "hello", "role": "following", "node": 5, "epoch": {"number": 1}}),
    json.dumps({"type": "hello", "role": "following", "node": "x", "epoch": {"number": 1}, "bytes": 1.5}),
    json.dumps({"type": "hello", "role": "following", "node": "x", "epoch": {"number": 1}, "bytes": True}),
    json.dumps({"type": "hello", "role": "following", "node": "x", "epoch": {"number": 1}, "listen": {"a": 1}}),
    json.dumps({"type": "hello", "role": "following", "node": "x", "epoch": {"number": 10**30}}),
    "[" * 50_000 + "]" * 10_000,
    "x" * (feed_module.MAX_MESSAGE + 10),
    b"\x00binary hello",
]


def test_malformed_hellos_are_closed_and_a_good_backup_streams_on(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        primary.new_journal()
        primary.write(3)
        good = Backup(http, primary.url, tmp_path / "good")
        await good.connect()
        await good.holds(primary)
        pump = good.pump_forever()
        for hello in BAD_HELLOS:
            ws = await http.ws_connect(primary.url)
            if isinstance(hello, bytes):
                await ws.send_bytes(hello)
            else:
                await ws.send_str(hello)
            message = await ws.receive(timeout=5)
            assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING,
                                    aiohttp.WSMsgType.ERROR), (hello[:80], message)
            await ws.close()
        primary.write(5)
        await asyncio.sleep(0.3)
        assert good.copy.length == len(primary.bytes_of()) and not pump.done()
        assert primary.feed is not None and primary.feed.backups == ("127.0.0.1:8766",)
        pump.cancel()

    run(with_primary(tmp_path, body))


def test_a_hello_that_never_comes_is_closed_after_a_while(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_module, "HELLO_TIMEOUT", 0.3)

    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        primary.new_journal()
        primary.write(1)
        ws = await http.ws_connect(primary.url)
        loop = asyncio.get_running_loop()
        started = loop.time()
        message = await ws.receive(timeout=5)
        assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert loop.time() - started < 3
        assert primary.feed is not None and primary.feed.backups == ()

    run(with_primary(tmp_path, body))


async def hello_then_gone(port: int, hello: dict[str, object]) -> None:
    """A raw WebSocket client that says hello and closes its socket at once, before any answer."""
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(f"GET /api/follow HTTP/1.1\r\nHost: {LOOPBACK}:{port}\r\nUpgrade: websocket\r\n"
                 f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    await reader.readuntil(b"\r\n\r\n")
    payload = json.dumps(hello).encode()
    assert len(payload) < 126
    mask = os.urandom(4)
    writer.write(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    await writer.drain()
    writer.transport.abort()


def test_a_backup_gone_before_its_welcome_raises_nothing_in_the_server(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real_read = feed_module._read_bounded

    def slow_read(path: Path, limit: int) -> bytes:
        release.wait(5)  # the agenda is read while the backup goes away
        return real_read(path, limit)

    monkeypatch.setattr(feed_module, "_read_bounded", slow_read)

    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        primary.new_journal()
        primary.write(2)
        port = int(primary.url.split(":")[2].split("/")[0])
        hello: dict[str, object] = {"type": "hello", "role": "following", "node": "b",
                                    "epoch": {"number": 1, "node": "primary"}, "listen": "0.0.0.0:1"}
        await hello_then_gone(port, hello)
        await asyncio.sleep(0.3)
        release.set()
        await asyncio.sleep(0.3)
        for number in (1, 5):  # the answers to a laptop that took over: outranked, then stepped_down
            for _ in range(10):
                await hello_then_gone(port, {**hello, "role": "primary", "epoch": {"number": number, "node": "a"}})
        await asyncio.sleep(0.3)
        assert primary.feed.backups == ()

    run(with_primary(tmp_path, body))


BAD_ACKS: list[str] = [
    "not json", "[]", "null", "{}", json.dumps({"type": "ack"}),
    json.dumps({"type": "ack", "journal": 5, "bytes": 10}),
    json.dumps({"type": "ack", "journal": "x", "bytes": "10"}),
    json.dumps({"type": "ack", "journal": "x", "bytes": 10**400}),
    json.dumps({"type": "ack", "journal": "x", "bytes": 1e308}),
    json.dumps({"type": "ack", "journal": "x", "bytes": -10**20}),
    json.dumps({"type": "ack", "journal": "x", "bytes": True}),
    json.dumps({"type": "ack", "journal": "x", "bytes": 1, "check": 10**400}),
    json.dumps({"type": "ack", "journal": "x", "bytes": 1, "check": True}),
    "[" * 60_000,
    '{"type": "ack", "journal": "x", "bytes": NaN}',
    '{"type": "ack", "journal": "x", "bytes": Infinity}',
]


def test_strange_acks_neither_raise_nor_stop_the_stream(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        primary.new_journal()
        primary.write(3)
        good = Backup(http, primary.url, tmp_path / "good")
        await good.connect()
        await good.holds(primary)
        pump = good.pump_forever()
        strange = Backup(http, primary.url, tmp_path / "strange", acking=False)
        await strange.connect()
        await strange.holds(primary)
        assert strange.ws is not None and strange.copy.path is not None
        name = strange.copy.path.name
        for ack in [*BAD_ACKS, *(a.replace('"journal": "x"', f'"journal": "{name}"') for a in BAD_ACKS)]:
            await strange.ws.send_str(ack)
        for length in (10**30, -1, -10**30, 0):
            await strange.ack(bytes=length)
        await asyncio.sleep(0.2)
        # The strange one claimed huge lengths: it may be taken at its word up to what was written, no further.
        position = primary.write(2)
        assert await asyncio.wait_for(feed.acked(position, timeout=0.5), 3) in (True, False)
        await asyncio.sleep(0.2)
        assert good.copy.length == len(primary.bytes_of()) and not pump.done()
        pump.cancel()

    run(with_primary(tmp_path, body))


def test_no_more_than_max_backups_stream_at_once_even_when_they_come_together(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        primary.new_journal()
        primary.write(3)
        crowd = [Backup(http, primary.url, tmp_path / f"b{i}") for i in range(feed_module.MAX_BACKUPS * 3)]
        await asyncio.gather(*(b.connect(listen=f"0.0.0.0:{9000 + i}") for i, b in enumerate(crowd)))
        firsts = await asyncio.gather(*(b.receive() for b in crowd))
        welcomed = [b for b, first in zip(crowd, firsts, strict=True) if first is not None]
        assert len(welcomed) <= feed_module.MAX_BACKUPS
        assert len(primary.feed.backups) <= feed_module.MAX_BACKUPS
        for backup in welcomed:
            await backup.holds(primary)
        for backup in crowd:
            await backup.close()

    run(with_primary(tmp_path, body))


def test_a_fifth_backup_is_refused_and_the_four_stream_on(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        primary.new_journal()
        primary.write(3)
        four = [Backup(http, primary.url, tmp_path / f"b{i}") for i in range(feed_module.MAX_BACKUPS)]
        for i, backup in enumerate(four):
            await backup.connect(listen=f"0.0.0.0:{9000 + i}")
            await backup.holds(primary)
        fifth = Backup(http, primary.url, tmp_path / "fifth")
        await fifth.connect()
        assert await fifth.receive() is None
        primary.write(2)
        for backup in four:
            await backup.holds(primary)
        assert len(primary.feed.backups) == feed_module.MAX_BACKUPS

    run(with_primary(tmp_path, body))


# -- a laptop that took over ------------------------------------------------------------------------------------


def primary_hello(number: int, node: str = "backup") -> dict[str, object]:
    return {"role": "primary", "epoch": {"number": number, "node": node}, "listen": "0.0.0.0:8766"}


def test_a_higher_epoch_makes_this_laptop_step_down_once_and_replies_stop_waiting(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        primary.new_journal()
        primary.write(3)
        backup = Backup(http, primary.url, tmp_path / "backup", acking=False)
        await backup.connect()
        await backup.holds(primary)
        await backup.ack()
        await in_step(feed)
        waiting = asyncio.get_running_loop().create_task(feed.acked(primary.write(1), timeout=10))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        for _ in range(2):
            taker = Backup(http, primary.url, tmp_path / "taker")
            await taker.connect(**primary_hello(2))
            answer = await taker.receive()
            assert answer is not None and answer["type"] == "stepped_down"
            assert answer["epoch"] == {"number": 2, "node": "backup"} and answer["primary"] == "127.0.0.1:8766"
        assert await asyncio.wait_for(waiting, 2) is False
        assert primary.outranked == [(Epoch(2, "backup"), "127.0.0.1:8766")]
        assert feed.stepped_down == Epoch(2, "backup")
        assert await feed.acked(primary.write(1)) is False
        follower = Backup(http, primary.url, tmp_path / "late")
        await follower.connect()
        answer = await follower.receive()
        assert answer is not None and answer["type"] == "stepped_down"

    run(with_primary(tmp_path, body))


@pytest.mark.parametrize("number, node", [(1, "primary"), (1, "a"), (0, "z")])
def test_a_primary_with_a_lower_or_equal_epoch_is_told_it_is_outranked(tmp_path: Path, number: int,
                                                                       node: str) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        primary.new_journal()
        primary.write(1)
        other = Backup(http, primary.url, tmp_path / "other")
        await other.connect(**primary_hello(number, node))
        answer = await other.receive()
        if number == 0:
            assert answer is None  # not an epoch at all: not a hello
            return
        assert answer is not None and answer["type"] == "outranked"
        assert answer["epoch"] == {"number": 1, "node": "primary"}
        assert primary.outranked == [] and primary.feed.stepped_down is None

    run(with_primary(tmp_path, body))


def test_a_backup_from_a_later_epoch_is_told_it_is_outranked_without_a_stream(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        primary.new_journal()
        primary.write(1)
        other = Backup(http, primary.url, tmp_path / "other")
        await other.connect(epoch={"number": 5, "node": "x"})
        answer = await other.receive()
        assert answer is not None and answer["type"] == "outranked"
        assert primary.outranked == [] and primary.feed.stepped_down is None

    run(with_primary(tmp_path, body))


# -- after a freeze of this laptop ---------------------------------------------------------------------------------


def test_after_a_freeze_replies_are_in_doubt_until_the_backup_echoes_the_check(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        backup = await attached(primary, http, tmp_path / "backup", 2, echo_checks=False)
        now = asyncio.get_running_loop().time()
        import time as time_module

        mono = time_module.monotonic()
        feed.notice_freeze(mono, mono - (LOST_AFTER_S - 0.5))
        assert not feed.in_doubt(mono)  # a short stall is no freeze
        feed.notice_freeze(mono, mono - LOST_AFTER_S)
        assert feed.in_doubt(mono)
        await backup.until(lambda: any(m["type"] == "check" for m in backup.messages))
        check = next(m for m in backup.messages if m["type"] == "check")["n"]
        await backup.ack()  # an acknowledgement without the check: it says nothing about a take-over
        await backup.ack(check=check - 1)
        await asyncio.sleep(0.1)
        assert feed.in_doubt(mono + 0.1)
        await backup.ack(check=check)
        await asyncio.sleep(0.1)
        assert not feed.in_doubt(mono + 0.2)
        assert asyncio.get_running_loop().time() - now < 5

    run(with_primary(tmp_path, body))


def test_the_doubt_ends_after_doubt_s_without_an_answer(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        await attached(primary, http, tmp_path / "backup", 2, echo_checks=False)
        feed.notice_freeze(1000.0, 1000.0 - LOST_AFTER_S - 1)
        assert feed.in_doubt(1000.0 + feed_module.DOUBT_S - 0.1)
        assert not feed.in_doubt(1000.0 + feed_module.DOUBT_S + 0.1)
        assert not feed.in_doubt(1000.0)  # once ended, it stays ended

    run(with_primary(tmp_path, body))


def test_a_freeze_without_a_backup_ever_is_no_doubt(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        primary.feed.notice_freeze(1000.0, 0.0)
        assert not primary.feed.in_doubt(1000.0)

    run(with_primary(tmp_path, body))


def test_a_reply_after_a_freeze_waits_for_the_echo(tmp_path: Path) -> None:
    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        backup = await attached(primary, http, tmp_path / "backup", 2, echo_checks=False)
        pump = backup.pump_forever()
        import time as time_module

        mono = time_module.monotonic()
        feed.notice_freeze(mono, mono - LOST_AFTER_S - 1)
        waiting = asyncio.get_running_loop().create_task(feed.acked(primary.write(1), timeout=0.2))
        await asyncio.sleep(0.5)
        assert not waiting.done()  # in doubt: not even the timeout answers it
        backup.echo_checks = True
        await backup.until(lambda: any(m["type"] == "check" for m in backup.messages), timeout=2)
        check = next(m for m in backup.messages if m["type"] == "check")["n"]
        await backup.ack(check=check)
        assert await asyncio.wait_for(waiting, 2) is True
        pump.cancel()

    run(with_primary(tmp_path, body))


def test_a_backup_silent_for_lost_after_s_is_no_longer_counted_as_following(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A frozen backup (SIGSTOP, a dropped Wi-Fi) keeps its socket open: its silence must show as BACKUP LOST."""
    monkeypatch.setattr(feed_module, "LOST_AFTER_S", 0.6)

    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        primary.new_journal()
        primary.write(2)
        talking = Backup(http, primary.url, tmp_path / "talking")
        await talking.connect(listen="0.0.0.0:9001")
        silent = Backup(http, primary.url, tmp_path / "silent")
        await silent.connect(listen="0.0.0.0:9002")
        await talking.holds(primary)
        await silent.holds(primary)
        assert list(feed.backups) == ["127.0.0.1:9001", "127.0.0.1:9002"]

        async def beats() -> None:  # the real follower acknowledges at every beat
            while True:
                await talking.ack()
                await asyncio.sleep(0.1)

        beating = asyncio.get_running_loop().create_task(beats())
        pump = talking.pump_forever()
        loop = asyncio.get_running_loop()
        started = loop.time()
        while feed.backups != ("127.0.0.1:9001",) and loop.time() - started < 4:
            await asyncio.sleep(0.05)
        assert feed.backups == ("127.0.0.1:9001",), "a backup silent for seconds is still counted as following"
        assert primary.told_backups[-1] == ("127.0.0.1:9001",)
        beating.cancel()
        pump.cancel()

    run(with_primary(tmp_path, body))


def test_after_this_laptop_stood_still_its_backups_silence_is_not_taken_for_a_loss(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unfrozen, the streams may run before the acks that waited in the socket are read: the backup stays."""
    monkeypatch.setattr(feed_module, "LOST_AFTER_S", 0.6)

    async def body(primary: Primary, http: aiohttp.ClientSession) -> None:
        assert primary.feed is not None
        feed = primary.feed
        backup = await attached(primary, http, tmp_path / "backup", 2)
        pump = backup.pump_forever()
        time.sleep(1.0)  # this laptop stands still (the whole loop: SIGSTOP); the backup sent nothing meanwhile
        await asyncio.sleep(0.3)
        assert feed.backups == ("127.0.0.1:8766",)
        assert any(m["type"] == "check" for m in backup.messages)  # the freeze was seen, and checked
        pump.cancel()

    run(with_primary(tmp_path, body))
