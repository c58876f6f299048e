"""Thousands of malformed HTTP requests and OSC packets, to 127.0.0.1 only: the show runs on untouched.

Seeded, bounded in count and time. Every request is malformed by construction (garbage bytes, broken
request lines, bad JSON, wrong types, unknown names, extra arguments), so none of it may change the
show; a few valid reads in between check that the server keeps answering while it is shaken.
"""

from __future__ import annotations

import asyncio
import json
import random
import socket
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from pythonosc.osc_message_builder import OscMessageBuilder

from runofshow.core.commands import COMMANDS
from runofshow.remote.relay import serialise
from tests.remote.conftest import LOOPBACK, Remote

HTTP_REQUESTS = 2000
RAW_CONNECTIONS = 300
OSC_PACKETS = 3000
BUDGET_S = 30.0
rng = random.Random(20231130)


def junk(n: int) -> bytes:
    return bytes(rng.randrange(256) for _ in range(n))


def bad_body(name: str) -> tuple[bytes, str]:
    """A body the table must refuse for this command."""
    choice = rng.randrange(6)
    if choice == 0:
        return junk(rng.randrange(1, 200)), "application/json"
    if choice == 1:
        return b"{" * rng.randrange(1, 3000), "application/json"
    if choice == 2:
        return json.dumps({f"x{rng.randrange(99)}": rng.random()}).encode(), "application/json"  # unknown argument
    if choice == 3:
        return json.dumps([rng.random(), None, "go"]).encode(), "application/json"
    if choice == 4:
        spec = COMMANDS[name]
        wrong: dict[str, Any] = {p.name: {"nested": [1, 2]} for p in spec.params} or {"extra": 1}
        return json.dumps(wrong).encode(), "application/json"
    return b"seconds=60", rng.choice(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])


async def http_storm(base: str) -> dict[str, int]:
    statuses: dict[str, int] = {}  # 'METHOD status'
    names = [*COMMANDS, "dance", "", "..", "go%00", "__init__", "a" * 300]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        semaphore = asyncio.Semaphore(40)

        async def one(i: int) -> None:
            async with semaphore:
                if i % 50 == 0:
                    method, path, body, kind = "GET", "/api/state", b"", "text/plain"
                else:
                    name = rng.choice(names)
                    body, kind = (bad_body(name) if name in COMMANDS
                                  else (junk(rng.randrange(0, 64)), "application/json"))
                    method = rng.choice(["POST", "POST", "POST", "PUT", "DELETE", "PATCH", "GET"])
                    path = f"/api/command/{name}" if method == "POST" else rng.choice(
                        [f"/api/command/{name}", "/api/state", "/web/../../etc/passwd", "/ws", "/api/%ff"])
                    if method == "POST" and name in COMMANDS and not body.strip():
                        body = b"{"  # an empty body is a valid "no arguments": never send one
                try:
                    async with session.request(method, base + path, data=body,
                                               headers={"Content-Type": kind}) as response:
                        await response.read()
                        key = f"{method} {response.status}"
                except (aiohttp.ClientError, TimeoutError):
                    key = f"{method} failed"
                statuses[key] = statuses.get(key, 0) + 1

        await asyncio.gather(*(one(i) for i in range(HTTP_REQUESTS)))
    return statuses


async def raw_storm(port: int) -> int:
    """Garbage on the socket itself: broken request lines, bad headers, half requests, then a hang-up."""
    samples = [
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS hello on the plain port
        b"GET / HTTP/9.9\r\n\r\n", b"GARBAGE\r\n\r\n", b"POST /api/command/go HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        b"POST /api/command/go HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"POST /api/command/go HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}",
        b"GET /api/state HTTP/1.1\r\n" + b"X: y\r\n" * 200 + b"\r\n",
        b"GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n\r\n",
    ]
    answered = 0
    semaphore = asyncio.Semaphore(30)

    async def one(i: int) -> None:
        nonlocal answered
        async with semaphore:
            data = samples[i % len(samples)] if i % 3 else junk(rng.randrange(1, 2000))
            try:
                reader, writer = await asyncio.open_connection(LOOPBACK, port)
            except OSError:
                return
            try:
                writer.write(data)
                await writer.drain()
                if i % 4 == 0:
                    return  # hang up at once
                async with asyncio.timeout(2):
                    if await reader.read(100):
                        answered += 1
            except (OSError, TimeoutError):
                pass
            finally:
                writer.close()

    await asyncio.gather(*(one(i) for i in range(RAW_CONNECTIONS)))
    return answered


def osc_storm(port: int, settled: Callable[[int], None]) -> None:
    """Junk in batches; after each, a marker packet, and `settled(k)` waits until the server has seen it
    (UDP drops what a full socket buffer cannot hold, and a dropped packet would prove nothing)."""
    addresses = [f"/runofshow/{name}" for name in COMMANDS] + ["/runofshow/dance", "/runofshow/", "/x", "/runofshow"]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for i in range(OSC_PACKETS):
            kind = i % 4
            if kind == 0:
                data = junk(rng.randrange(1, 600))
            elif kind == 1:
                data = b"#bundle\x00" + junk(rng.randrange(0, 200))
            else:
                address = rng.choice(addresses)
                name = address.removeprefix("/runofshow/")
                builder = OscMessageBuilder(address)
                spec = COMMANDS.get(name)
                # Always one argument too many, or a blob where the table wants a value: never valid.
                count = len(spec.params) + 1 if spec is not None else rng.randrange(3)
                for _ in range(count):
                    builder.add_arg(rng.choice([rng.random() * 1e6, "zz", b"\x00\x01", 2**31 - 1]))
                data = builder.build().dgram
                if kind == 3:
                    data = data[: rng.randrange(1, max(2, len(data)))]  # truncated mid-way
            sock.sendto(data, (LOOPBACK, port))
            if i % 100 == 99:
                sock.sendto(OscMessageBuilder(f"/runofshow/marker{i}").build().dgram, (LOOPBACK, port))
                settled(i)


def test_malformed_traffic_changes_nothing_and_the_server_keeps_answering(remote_factory: Any) -> None:
    remote: Remote = remote_factory(osc_port=0, body_timeout=1.0, idle_timeout=2.0)
    remote.command("go")  # a running show: the fuzz must not pause, skip or message it
    before = serialise(remote.bridge.state, 1.0).key
    run_before = remote.server._app.commands_run  # type: ignore[union-attr]
    started = time.monotonic()

    statuses = remote.wait(remote.client.run_soon(http_storm(remote.base)), timeout_ms=int(BUDGET_S * 1000))
    answered = remote.wait(remote.client.run_soon(raw_storm(remote.server.port)), timeout_ms=int(BUDGET_S * 1000))
    assert remote.server.bound is not None and remote.server.bound.osc_port
    counters = remote.server.osc_counters
    assert counters is not None

    def settled(i: int) -> None:
        remote.qtbot.waitUntil(lambda: f"'marker{i}'" in counters.last_problem, timeout=5000)

    osc_storm(remote.server.bound.osc_port, settled)
    elapsed = time.monotonic() - started

    assert sum(statuses.values()) == HTTP_REQUESTS
    # Only reads succeeded (the interleaved ones, and random GETs that hit /api/state); no write did.
    assert statuses.get("GET 200", 0) >= HTTP_REQUESTS // 50
    assert not [key for key in statuses if key.endswith((" 500", " failed")) or key in ("POST 200", "PUT 200")]
    assert answered > 0
    assert counters.queued == 0  # not one OSC packet reached the Qt thread
    assert remote.server._app.commands_run == run_before  # type: ignore[union-attr]
    assert serialise(remote.bridge.state, 1.0).key == before
    # And it still works, over both.
    assert remote.get("/api/state").status == 200
    assert remote.command("pause").status == 200
    assert elapsed < BUDGET_S
    print(f"fuzz: {HTTP_REQUESTS} HTTP, {RAW_CONNECTIONS} raw, {OSC_PACKETS} OSC in {elapsed:.1f} s; "
          f"statuses {dict(sorted(statuses.items()))}; OSC malformed {counters.malformed}")
