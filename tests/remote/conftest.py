"""A real remote server on an ephemeral loopback port, the real bridge on a FakeClock, and a client.

The client runs its own asyncio loop in its own thread, as a display or Companion would be another
process: while a test waits for an answer, `qtbot.waitUntil` keeps the Qt thread running, so the
queued command is executed there exactly as in the app. Nothing ever leaves 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest
from pytestqt.qtbot import QtBot

from runofshow.core.agenda import Agenda
from runofshow.core.clock import FakeClock, Instant
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.options import RemoteOptions, load_or_create_token
from runofshow.remote.server import RemoteServer
from tests.core.helpers import at, seed
from tests.remote.browser import Browser

T = TypeVar("T")
LOOPBACK = "127.0.0.1"
WAIT_MS = 5000


@dataclass
class Reply:
    status: int
    body: Any  # parsed JSON, or text when the body is not JSON
    headers: dict[str, str]


class Client:
    """HTTP and WebSocket calls from another thread; each returns a concurrent Future."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="test-client", daemon=True)
        self._thread.start()
        self.session: aiohttp.ClientSession = self.run_soon(self._open()).result(5)

    async def _open(self) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))

    def run_soon(self, coro: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def request(self, method: str, url: str, **kwargs: Any) -> Future[Reply]:
        async def go() -> Reply:
            async with self.session.request(method, url, **kwargs) as response:
                text = await response.text()
                try:
                    body: Any = json.loads(text)
                except ValueError:
                    body = text
                return Reply(response.status, body, dict(response.headers))

        return self.run_soon(go())

    def close(self) -> None:
        self.run_soon(self.session.close()).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


@dataclass
class Remote:
    bridge: ShowBridge
    clock: FakeClock
    server: RemoteServer
    client: Client
    qtbot: QtBot

    @property
    def base(self) -> str:
        return f"http://{LOOPBACK}:{self.server.port}"

    def wait(self, future: Future[T], timeout_ms: int = WAIT_MS) -> T:
        """The future's result, with the Qt event loop running meanwhile (it runs the commands)."""
        self.qtbot.waitUntil(future.done, timeout=timeout_ms)
        return future.result()

    def get(self, path: str, **kwargs: Any) -> Reply:
        return self.wait(self.client.request("GET", self.base + path, **kwargs))

    def post(self, path: str, body: Any = None, **kwargs: Any) -> Reply:
        if body is not None:
            kwargs["json"] = body
        return self.wait(self.client.request("POST", self.base + path, **kwargs))

    def command(self, name: str, body: Any = None, **kwargs: Any) -> Reply:
        return self.post(f"/api/command/{name}", body, **kwargs)

    @property
    def token(self) -> str:
        return self.server.token

    def raw(self, data: bytes, read_timeout: float = 5.0) -> bytes:
        """Send raw bytes on a fresh connection; what the server answered before it closed (or the timeout)."""
        return self.wait(self.client.run_soon(raw_exchange(self.server.port, data, read_timeout)),
                         timeout_ms=int(read_timeout * 1000) + WAIT_MS)

    def set_time(self, moment: Instant) -> None:
        self.clock._now = moment
        self.bridge.tick()


async def raw_exchange(port: int, data: bytes, read_timeout: float) -> bytes:
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    try:
        writer.write(data)
        await writer.drain()
        chunks = []
        try:
            async with asyncio.timeout(read_timeout):
                while chunk := await reader.read(65536):
                    chunks.append(chunk)
        except TimeoutError:
            chunks.append(b"<open>")  # the server kept the connection open
        return b"".join(chunks)
    except ConnectionResetError:
        return b"<reset>"
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


def make_remote(qtbot: QtBot, tmp_path: Path, options: RemoteOptions, start: Instant,
                web_root: Path | None = None, *, agenda: Agenda | None = None) -> Remote:
    clock = FakeClock(start.t)
    bridge = ShowBridge(ShowSession(agenda or seed(), Path("agenda.yaml"), tmp_path / "state"), clock)
    token = load_or_create_token(tmp_path / "state")
    server = RemoteServer(bridge, options, token, web_root)
    assert server.start(), server.error
    return Remote(bridge, clock, server, Client(), qtbot)


@pytest.fixture
def remote_factory(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., Remote]]:
    made: list[Remote] = []

    def factory(start: Instant | None = None, web_root: Path | None = None, agenda: Agenda | None = None,
                **changes: Any) -> Remote:
        options = replace(RemoteOptions(host=LOOPBACK, port=0), **changes)
        remote = make_remote(qtbot, tmp_path / str(len(made)), options, start or at(13, 29), web_root,
                             agenda=agenda)
        made.append(remote)
        return remote

    yield factory
    for remote in made:
        remote.client.close()
        remote.server.stop()
        remote.bridge.stop()
        remote.bridge.session.close()


@pytest.fixture
def remote(remote_factory: Callable[..., Remote]) -> Remote:
    return remote_factory()


@pytest.fixture
def guarded(remote_factory: Callable[..., Remote]) -> Remote:
    """A server whose rules are those of one listening beyond loopback (the token is required)."""
    return remote_factory(force_token=True, osc_port=0)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium for one test module's browser-view tests (they skip without it)."""
    chromium = Browser()
    chromium.run(chromium.connect()).result(30)
    yield chromium
    chromium.close()
