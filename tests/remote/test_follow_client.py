"""A backup laptop's follower (remote/follow.py) against a real record feed on loopback: it copies the record
byte for byte, acknowledges only what is on its disk, says when the primary went silent (and since when), and
stops with every line it received on disk. Also the addresses an operator types, and the first contact.

The primary's server runs on its own thread and loop, as it does in the app; the follower on its own.
Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiohttp import WSMsgType, web

from runofshow.core.standing import Epoch
from runofshow.io.journal import read_journal
from runofshow.io.journal_format import Entry
from runofshow.io.record_copy import RecordCopy
from runofshow.remote import follow as follow_module
from runofshow.remote.follow import FirstContact, FollowClient, Identity, Link, address_of, first_contact, follow_url
from tests.remote.test_record_feed import LOOPBACK, Primary

T = TypeVar("T")


def wait_until(done: Callable[[], bool], timeout: float = 5.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.01)


class LoopThread:
    """An event loop on a thread of its own (the primary's network thread)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="test-primary", daemon=True)
        self._thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def soon(self, coro: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def freeze(self, seconds: float) -> None:
        """The primary stands still (as under SIGSTOP): its loop runs nothing for `seconds`."""
        self.loop.call_soon_threadsafe(time.sleep, seconds)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


@dataclass
class Sink:
    """The follower's news, kept (it is called on the follower's thread)."""

    welcomes: list[tuple[str, Epoch, str]] = field(default_factory=list)
    journals: list[tuple[str, str, bool]] = field(default_factory=list)
    agendas: list[tuple[str, str]] = field(default_factory=list)
    received: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    outranks: list[tuple[Epoch, str]] = field(default_factory=list)

    def welcomed(self, node: str, epoch: Epoch, view_token: str) -> None:
        self.welcomes.append((node, epoch, view_token))

    def journal(self, name: str, agenda_name: str, agenda_text: str, fresh: bool) -> None:
        self.journals.append((name, agenda_name, fresh))

    def agenda(self, agenda_name: str, agenda_text: str) -> None:
        self.agendas.append((agenda_name, agenda_text))

    def entries(self, entries: list[Entry], problems: list[str]) -> None:
        self.received.extend(entries)
        self.problems.extend(problems)

    def link(self, link: Link) -> None:
        self.links.append(link)

    def outranked(self, epoch: Epoch, address: str) -> None:
        self.outranks.append((epoch, address))


@dataclass
class Pair:
    primary: Primary
    net: LoopThread
    client: FollowClient
    sink: Sink
    copy: RecordCopy

    @property
    def address(self) -> str:
        return self.primary.url.split("://")[1].split("/")[0]

    def write(self, count: int = 1, text: str = "Wrap up ✓") -> None:
        self.primary.write(count, text=text)

    def caught_up(self, timeout: float = 5.0) -> None:
        journal = self.primary.journal
        assert journal is not None
        wait_until(lambda: self.copy.path is not None and self.copy.path.name == journal.path.name
                   and self.copy.length == journal.length, timeout, "the copy holds the journal")

    def in_step(self) -> None:
        feed = self.primary.feed
        assert feed is not None
        wait_until(lambda: any(b.in_step for b in feed._backups), 5, "the backup is in step")


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    net = LoopThread()
    primary = Primary(tmp_path / "primary", tmp_path / "agenda.yaml")
    net.run(primary.start())
    primary.new_journal()
    primary.write(3)
    sink = Sink()
    copy = RecordCopy(tmp_path / "backup")
    client = FollowClient(f"http://{primary.url.split('://')[1].split('/')[0]}", "", copy,
                          Identity("backup", "127.0.0.1:8766", Epoch), sink)
    try:
        yield Pair(primary, net, client, sink, copy)
    finally:
        client.stop()
        net.run(primary.stop())
        net.close()
        copy.close()


def test_the_follower_copies_parses_and_acknowledges(pair: Pair) -> None:
    pair.client.start()
    pair.caught_up()
    for count in (1, 5, 30):
        pair.write(count)
        pair.caught_up()
    journal = pair.primary.journal
    assert journal is not None
    assert pair.copy.path is not None and pair.copy.path.read_bytes() == journal.path.read_bytes()
    wait_until(lambda: bool(pair.sink.received) and pair.sink.received[-1].seq == journal.last_seq)
    assert [e.seq for e in pair.sink.received] == [e.seq for e in read_journal(journal.path).entries]
    assert pair.sink.problems == []
    assert pair.sink.welcomes[0] == ("primary", Epoch(1, "primary"), "view-token")
    assert pair.sink.journals[0] == (journal.path.name, "agenda.yaml", True)
    pair.in_step()
    pair.write(1)
    feed = pair.primary.feed
    assert feed is not None
    assert pair.net.run(feed.acked(pair.primary.tap.position, timeout=3)) is True
    assert any(b.acked == journal.length for b in feed._backups)
    wait_until(lambda: (pair.sink.links[-1].connected, pair.sink.links[-1].behind_entries,
                        pair.sink.links[-1].lost_since) == (True, 0, None), 3, "connected and not behind")


def test_a_new_journal_on_the_primary_is_copied_beside_the_first(pair: Pair) -> None:
    pair.client.start()
    pair.caught_up()
    first = pair.primary.journals[0]
    pair.primary.new_journal()
    pair.write(4)
    pair.caught_up()
    second = pair.primary.journals[1]
    assert (pair.copy.folder / first.name).read_bytes() == first.read_bytes()
    assert (pair.copy.folder / second.name).read_bytes() == second.read_bytes()
    assert [fresh for _name, _agenda, fresh in pair.sink.journals] == [True, True]


def test_acknowledged_bytes_are_on_the_backups_disk(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    """The beat's acknowledgement must not count a line whose fsync has not returned yet."""
    monkeypatch.setattr(follow_module, "BEAT_EVERY_S", 0.05)
    pair.client.start()
    pair.caught_up()
    pair.in_step()
    release = threading.Event()
    syncing = threading.Event()
    real_sync = pair.copy.sync

    def slow_sync() -> None:
        syncing.set()
        release.wait(5)  # a slow disk
        real_sync()

    monkeypatch.setattr(pair.copy, "sync", slow_sync)
    feed = pair.primary.feed
    assert feed is not None
    pair.write(1)
    position = pair.primary.tap.position
    waiting = pair.net.soon(feed.acked(position, timeout=5))
    wait_until(syncing.is_set, 3, "the line is being synced")
    time.sleep(0.5)  # ten beats of the follower: none may acknowledge the line before its fsync returned
    try:
        assert not waiting.done(), "acknowledged before it was on the backup's disk"
    finally:
        release.set()
    assert waiting.result(3) is True


def test_the_primary_silent_for_lost_after_s_is_lost_since_its_last_word(
        pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(follow_module, "LOST_AFTER_S", 0.8)
    pair.client.start()
    pair.caught_up()
    wait_until(lambda: bool(pair.sink.links) and pair.sink.links[-1].connected, 3, "connected")
    before_freeze = time.time()
    pair.net.freeze(2.0)  # beats stop; the socket stays open
    wait_until(lambda: pair.sink.links[-1].lost_since is not None, 3, "PRIMARY LOST")
    lost = pair.sink.links[-1]
    assert lost.connected is False
    assert lost.lost_since is not None
    assert before_freeze - 0.6 <= lost.lost_since <= before_freeze + 0.1  # the last beat before the freeze
    assert time.time() - before_freeze >= 0.8
    # Once the primary speaks again, it is connected and no longer lost.
    wait_until(lambda: pair.sink.links[-1].connected and pair.sink.links[-1].lost_since is None, 5, "back")


def test_a_dropped_connection_is_not_lost_before_lost_after_s(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    """A blip of the venue's network must not flash PRIMARY LOST: only silence of LOST_AFTER_S does."""
    monkeypatch.setattr(follow_module, "LOST_AFTER_S", 2.0)
    pair.client.start()
    pair.caught_up()
    wait_until(lambda: bool(pair.sink.links) and pair.sink.links[-1].connected, 3, "connected")
    feed = pair.primary.feed
    assert feed is not None
    told = len(pair.sink.links)
    pair.net.run(feed.close())  # the stream ends (the primary restarts its server, a switch drops the link)
    wait_until(lambda: any(not link.connected for link in pair.sink.links[told:]), 3, "disconnected")
    dropped = time.monotonic()
    wait_until(lambda: pair.sink.links[-1].connected, 3, "reconnected")
    assert time.monotonic() - dropped < 2.0
    assert all(link.lost_since is None for link in pair.sink.links[told:]), \
        [link for link in pair.sink.links[told:] if link.lost_since is not None]


def test_stop_returns_with_every_received_line_on_disk(pair: Pair) -> None:
    pair.client.start()
    pair.caught_up()
    journal = pair.primary.journal
    assert journal is not None
    pair.write(200)
    time.sleep(0.05)
    started = time.monotonic()
    pair.client.stop()
    assert time.monotonic() - started < 3
    copied = pair.copy.path
    assert copied is not None
    data = copied.read_bytes()
    source = journal.path.read_bytes()
    assert source.startswith(data) and data.endswith(b"\n")
    seqs = [e.seq for e in read_journal(copied).entries]
    assert [e.seq for e in pair.sink.received] == seqs  # every line handed on is in the copy, and no other
    assert len(data) == pair.copy.length


def test_a_line_that_is_not_utf8_reaches_the_followers_copy_as_it_is(pair: Pair) -> None:
    journal = pair.primary.journal
    assert journal is not None
    with journal.path.open("ab") as file:
        file.write(b'{"seq":99,"cmd":"message","args":{"text":"\xff damaged"}}\n')
    journal.length = journal.path.stat().st_size
    pair.write(2)
    pair.client.start()
    pair.caught_up()
    assert pair.copy.path is not None and pair.copy.path.read_bytes() == journal.path.read_bytes()
    wait_until(lambda: bool(pair.sink.received) and pair.sink.received[-1].seq == journal.last_seq)
    assert len(pair.sink.problems) == 1  # the damaged line: kept in the copy, not applied


# -- a primary that sends nonsense --------------------------------------------------------------------------


@pytest.mark.parametrize("nonsense", ["not json", "[[[[" * 30_000, '{"type": "lines", "from": 0, "data": "\\ud800x"}',
                                      '{"type": "journal", "name": "../x", "from": 0}'])
def test_a_primary_that_sends_nonsense_does_not_stop_the_follower(tmp_path: Path, nonsense: str) -> None:
    net = LoopThread()
    hellos: list[dict[str, Any]] = []

    async def follow(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        message = await ws.receive()
        if message.type is WSMsgType.TEXT:
            hellos.append(json.loads(message.data))
            await ws.send_str(json.dumps({"type": "welcome", "node": "p", "epoch": {"number": 1, "node": ""}}))
            await ws.send_str(nonsense)
            await ws.receive(timeout=5)
        return ws

    runner, port = net.run(serve_app(follow))
    sink = Sink()
    copy = RecordCopy(tmp_path / "backup")
    client = FollowClient(f"{LOOPBACK}:{port}", "", copy, Identity("b", "", Epoch), sink)
    try:
        client.start()
        wait_until(lambda: len(hellos) >= 2, 5, "the follower says hello again after the nonsense")
    finally:
        client.stop()
        net.run(runner.cleanup())
        net.close()


async def serve_app(handler: Callable[[web.Request], Coroutine[Any, Any, web.StreamResponse]]) \
        -> tuple[web.AppRunner, int]:
    app = web.Application()
    app.router.add_get("/api/follow", handler)
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, LOOPBACK, 0)
    await site.start()
    server = site._server
    assert server is not None
    return runner, server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]


# -- first contact ------------------------------------------------------------------------------------------


def test_first_contact_says_at_once_that_the_token_was_refused() -> None:
    net = LoopThread()
    seen: list[str] = []

    async def refuse(request: web.Request) -> web.StreamResponse:
        seen.append(request.headers.get("Authorization", ""))
        raise web.HTTPForbidden(text="wrong token")

    runner, port = net.run(serve_app(refuse))
    waited: list[str] = []
    try:
        started = time.monotonic()
        answer = first_contact(f"{LOOPBACK}:{port}", "wrong-token-0123456789", Identity("b", "", Epoch), 30,
                               waited.append)
        assert time.monotonic() - started < 5
        assert isinstance(answer, str) and "refused the token" in answer and "--token" in answer
        assert seen == ["Bearer wrong-token-0123456789"]
    finally:
        net.run(runner.cleanup())
        net.close()


def test_first_contact_with_nobody_there_gives_up_after_wait_s_and_says_why_once() -> None:
    net = LoopThread()
    runner, port = net.run(serve_app(_not_found))
    net.run(runner.cleanup())  # the port is free again: nobody answers there
    net.close()
    waited: list[str] = []
    started = time.monotonic()
    answer = first_contact(f"{LOOPBACK}:{port}", "", Identity("b", "", Epoch), 1.0, waited.append)
    assert isinstance(answer, str) and answer
    assert time.monotonic() - started < 4
    assert len(waited) <= 1


async def _not_found(request: web.Request) -> web.StreamResponse:
    raise web.HTTPNotFound()


def test_first_contact_brings_the_agenda_and_view_token(pair: Pair) -> None:
    answer = first_contact(pair.address, "", Identity("b", "", Epoch), 5, lambda _why: None)
    assert answer == FirstContact("agenda.yaml", "event: {title: Test}\n", "view-token", Epoch(1, "primary"))


# -- what the operator types ----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed, url, shown", [
    ("192.168.1.20:8765", "ws://192.168.1.20:8765/api/follow", "192.168.1.20:8765"),
    ("  http://192.168.1.20:8765/  ", "ws://192.168.1.20:8765/api/follow", "192.168.1.20:8765"),
    ("https://show.example:443/stage?token=V", "wss://show.example:443/api/follow", "show.example:443"),
    ("[::1]:8765", "ws://[::1]:8765/api/follow", "[::1]:8765"),
    ("http://[fe80::1]:8765/x/y", "ws://[fe80::1]:8765/api/follow", "[fe80::1]:8765"),
    ("192.168.1.20:8765?token=secret", "ws://192.168.1.20:8765/api/follow", "192.168.1.20:8765"),
    ("http://192.168.1.20:8765#top", "ws://192.168.1.20:8765/api/follow", "192.168.1.20:8765"),
    ("laptop.local", "ws://laptop.local/api/follow", "laptop.local"),
])
def test_follow_url_and_address_of_odd_inputs(typed: str, url: str, shown: str) -> None:
    assert follow_url(typed) == url
    assert address_of(typed.strip()) == shown
    assert "secret" not in address_of(typed.strip())  # a token typed in an address is never shown


def test_stop_during_a_connection_to_a_frozen_primary_returns_at_once(pair: Pair) -> None:
    """A take-over stops the follower on the Qt thread: it must not wait out the connect timeout."""
    pair.net.freeze(follow_module.CONNECT_TIMEOUT_S + 2)  # its kernel accepts, it never answers the handshake
    time.sleep(0.05)
    pair.client.start()
    time.sleep(0.3)  # the follower is inside its handshake now
    started = time.monotonic()
    pair.client.stop()
    assert time.monotonic() - started < 1.0
    # The primary wakes, and its server answers the connection the follower left, before it is stopped.
    pair.net.run(asyncio.sleep(0.3), timeout=follow_module.CONNECT_TIMEOUT_S + 5)
