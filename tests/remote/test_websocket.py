"""The WebSocket: the snapshot at once on connect, every change pushed, clock-only ticks at most once a second."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import aiohttp
import pytest

from runofshow.remote.hub import PUSH_INTERVAL, Hub
from runofshow.remote.relay import Snapshot, serialise
from runofshow.remote.snapshot_json import content_key
from tests.remote.conftest import Remote


async def receive_until(ws: aiohttp.ClientWebSocketResponse, wanted: Callable[[dict[str, Any]], bool],
                        timeout: float = 5.0) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            message = await ws.receive()
            assert message.type is aiohttp.WSMsgType.TEXT, message
            envelope = json.loads(message.data)
            assert envelope["type"] == "state" and envelope["age"] >= 0
            if wanted(envelope["state"]):
                return envelope  # type: ignore[no-any-return]


def test_the_snapshot_comes_at_once_on_connect_and_again_on_every_change(remote: Remote) -> None:
    async def scenario() -> tuple[dict[str, Any], dict[str, Any], float]:
        async with remote.client.session.ws_connect(f"{remote.base}/ws") as ws:
            first = await receive_until(ws, lambda s: True, timeout=2.0)
            sent = time.monotonic()
            reply = asyncio.ensure_future(remote.client.session.post(f"{remote.base}/api/command/go"))
            changed = await receive_until(ws, lambda s: s["phase"] == "running")
            latency = time.monotonic() - sent
            (await reply).release()
            return first, changed, latency

    first, changed, latency = remote.wait(remote.client.run_soon(scenario()))
    assert first["state"]["phase"] == "pre-show"
    assert changed["state"]["current"]["id"] == "welcome"
    assert latency < 1.0  # measured about 5-20 ms on loopback; the bound only catches a push left for the beat
    print(f"command-to-WebSocket latency: {latency * 1000:.1f} ms")


def test_a_change_reaches_every_connected_display(remote: Remote) -> None:
    async def scenario() -> list[str]:
        sockets = [await remote.client.session.ws_connect(f"{remote.base}/ws") for _ in range(5)]
        try:
            for ws in sockets:
                await receive_until(ws, lambda s: True)
            async with remote.client.session.post(f"{remote.base}/api/command/message",
                                                  json={"text": "Mic check"}) as response:
                assert response.status == 200
            got = [await receive_until(ws, lambda s: s["message"] != "") for ws in sockets]
            return [g["state"]["message"] for g in got]
        finally:
            for ws in sockets:
                await ws.close()

    assert remote.wait(remote.client.run_soon(scenario())) == ["Mic check"] * 5


def test_the_next_second_of_a_running_slot_is_pushed(remote: Remote) -> None:
    remote.command("go")

    async def connect() -> aiohttp.ClientWebSocketResponse:
        ws = await remote.client.session.ws_connect(f"{remote.base}/ws")
        await receive_until(ws, lambda s: s["timer"]["countdown"] == "15:00")
        return ws

    ws = remote.wait(remote.client.run_soon(connect()))
    remote.clock.advance(1.0)  # the bridge's own timer wakes and emits; the hub pushes within a second
    got = remote.wait(remote.client.run_soon(receive_until(ws, lambda s: s["timer"]["countdown"] == "14:59")))
    remote.wait(remote.client.run_soon(ws.close()))
    assert got["state"]["timer"]["remaining"] == 899.0


def test_a_display_that_sends_binary_is_closed_and_the_server_goes_on(remote: Remote) -> None:
    async def scenario() -> int | None:
        async with remote.client.session.ws_connect(f"{remote.base}/ws") as ws:
            await receive_until(ws, lambda s: True)
            await ws.send_bytes(b"\x00" * 100)
            while (await ws.receive()).type not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                pass
            return ws.close_code

    assert remote.wait(remote.client.run_soon(scenario())) == 1003
    assert remote.get("/api/state").status == 200
    remote.qtbot.waitUntil(lambda: not remote.server.hub.clients)


def _snapshot(remote: Remote, **changes: Any) -> Snapshot:
    base = serialise(remote.bridge.state, 1.0)
    data = json.loads(base.live) | changes
    return replace(base, live=json.dumps(data), key=content_key(data))


@pytest.mark.parametrize("clock_field", ["server_time", "timer", "time_of_day", "drift"])
def test_a_tick_that_only_moves_the_clock_waits_for_the_beat_and_news_goes_at_once(
        remote: Remote, clock_field: str) -> None:
    loop = asyncio.new_event_loop()
    try:
        hub = Hub(loop)
        hub.publish(_snapshot(remote))
        assert hub.pushes == 1
        hub.publish(_snapshot(remote, **{clock_field: 12345}))
        assert hub.pushes == 1 and hub._deferred is not None  # left for the once-a-second beat
        assert hub._deferred.when() == pytest.approx(hub._pushed_at + PUSH_INTERVAL)
        hub.publish(_snapshot(remote, message="Wrap up"))
        assert hub.pushes == 2 and hub._deferred is None  # news: pushed at once, the beat is not needed
        hub.close()
    finally:
        loop.close()



def test_a_display_outlives_the_idle_timeout_of_plain_requests(remote_factory: Callable[..., Any]) -> None:
    remote: Remote = remote_factory(idle_timeout=0.3)
    remote.command("go")

    async def scenario() -> float:
        async with remote.client.session.ws_connect(f"{remote.base}/ws") as ws:
            first = time.monotonic()
            for _ in range(3):  # the once-a-second beat: well past the 0.3 s idle limit
                await receive_until(ws, lambda s: True, timeout=3.0)
            assert not ws.closed
            return time.monotonic() - first

    assert remote.wait(remote.client.run_soon(scenario()), timeout_ms=10000) > 0.9
