"""The real app's WebSocket, from a client's side (the app runs in bench/app_probe.py serve).

    python bench/ws_latency.py latency CLIENTS COMMANDS [AGENDA]
        with CLIENTS browser displays connected, how long from a POSTed command until each one has it
        -> one JSON line (milliseconds)
    python bench/ws_latency.py sizes AGENDA SECONDS
        every message one display gets during a running slot for SECONDS, then after one command
        -> one JSON line (bytes per message)

A message is recognised by the text it carries, whatever its format (the format is the server's to change).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.report import percentile  # noqa: E402

# The app runs on the four offscreen screens, as in every other row (its displays shown full screen).
ENV = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={HERE / 'four_screens.json'}",
       "PYTHONPATH": str(HERE.parent)}


def body(message: aiohttp.WSMessage) -> bytes:
    """A message as the bytes that went over the wire (text or binary alike); b"" for a control frame."""
    if message.type == aiohttp.WSMsgType.TEXT:
        return str(message.data).encode("utf-8")
    if message.type == aiohttp.WSMsgType.BINARY:
        return bytes(message.data)
    if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
        raise ConnectionError(f"the WebSocket closed ({message.type})")
    return b""


async def measure(port: int, token: str, clients: int, commands: int) -> list[float]:
    headers = {"Authorization": f"Bearer {token}"}
    latencies: list[float] = []
    # No connection limit on the client's side (aiohttp's default pool holds 100: the 101st would wait forever).
    async with aiohttp.ClientSession(headers=headers, connector=aiohttp.TCPConnector(limit=0),
                                     timeout=aiohttp.ClientTimeout(total=120)) as session:
        sockets = [await session.ws_connect(f"http://127.0.0.1:{port}/ws", max_msg_size=0) for _ in range(clients)]
        for ws in sockets:
            await ws.receive(timeout=10)  # the snapshot sent on connect

        sent = {"at": 0.0}

        async def wait_for(ws: aiohttp.ClientWebSocketResponse, marker: bytes) -> None:
            while True:
                if marker in body(await ws.receive(timeout=10)):
                    latencies.append((time.perf_counter() - sent["at"]) * 1000)
                    return

        for number in range(commands):
            text = f"latency probe #{number}#"
            waiters = [asyncio.create_task(wait_for(ws, text.encode())) for ws in sockets]
            await asyncio.sleep(0)  # every client is listening before the command goes
            sent["at"] = time.perf_counter()
            async with session.post(f"http://127.0.0.1:{port}/api/command/message", json={"text": text}) as reply:
                assert reply.status == 200, await reply.text()
            await asyncio.gather(*waiters)
            await asyncio.sleep(0.05)
        for ws in sockets:
            await ws.close()
    return latencies


async def collect(port: int, token: str, seconds: float) -> list[bytes]:
    """Every message one display gets for `seconds`, then for a second and a half after one command."""
    headers = {"Authorization": f"Bearer {token}"}
    sizes: list[bytes] = []
    async with aiohttp.ClientSession(headers=headers) as session:
        ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws", max_msg_size=0)

        async def gather(until: float) -> None:
            while (left := until - time.monotonic()) > 0:
                try:
                    data = body(await ws.receive(timeout=left))
                except TimeoutError:
                    return
                if data:
                    sizes.append(data)

        await gather(time.monotonic() + seconds)
        async with session.post(f"http://127.0.0.1:{port}/api/command/message", json={"text": "size probe"}) as reply:
            assert reply.status == 200, await reply.text()
        await gather(time.monotonic() + 1.5)
        await ws.close()
    return sizes


def serving(agenda: str | None, seconds: float) -> tuple[subprocess.Popen[str], int, str]:
    """The app serving (app_probe.py serve), its port and its token."""
    args = [sys.executable, str(HERE / "app_probe.py"), "serve", str(seconds)] + ([agenda] if agenda else [])
    proc = subprocess.Popen(args, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    if len(line) != 3 or line[0] != "serving":
        proc.kill()
        raise SystemExit(f"app_probe.py serve did not start: {line}")
    return proc, int(line[1]), line[2]


def stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()  # the probe writes its profile (when asked for one) on SIGTERM
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdout:
        proc.stdout.close()


def latency(clients: int, commands: int, agenda: str | None) -> dict[str, float]:
    proc, port, token = serving(agenda, 600)
    try:
        latencies = sorted(asyncio.run(measure(port, token, clients, commands)))
    finally:
        stop(proc)
    return {"clients": clients, "samples": len(latencies), "p50": statistics.median(latencies),
            "p99": percentile(latencies, 99), "max": latencies[-1]}


def sizes(agenda: str, seconds: float) -> dict[str, object]:
    proc, port, token = serving(agenda, 600)
    try:
        found = asyncio.run(collect(port, token, seconds))
    finally:
        stop(proc)
    lengths = [len(message) for message in found]
    middle = sorted(found, key=len)[len(found) // 2]
    return {"sizes": lengths, "median": statistics.median(lengths), "max": max(lengths),
            "median_keys": key_sizes(middle)}


def key_sizes(message: bytes, count: int = 8) -> list[str]:
    """What a message is made of: the bytes of each of its JSON keys, two levels deep, the largest first."""
    try:
        document = json.loads(message)
    except ValueError:
        return [f"not JSON ({len(message)} bytes)"]
    if not isinstance(document, dict):
        return [f"a JSON {type(document).__name__} of {len(message)} bytes"]
    sizes: list[tuple[int, str]] = []
    for key, value in document.items():
        sizes.append((len(json.dumps(value, separators=(",", ":"))), key))
        if isinstance(value, dict):
            sizes += [(len(json.dumps(inner, separators=(",", ":"))), f"{key}.{name}") for name, inner in value.items()]
    sizes.sort(reverse=True)
    return [f"a median message ({len(message)} bytes): " + ", ".join(f"{name} {size}" for size, name in sizes[:count])]


def main() -> None:
    if sys.argv[1] == "latency":
        agenda = sys.argv[4] if len(sys.argv) > 4 else None
        print(json.dumps(latency(int(sys.argv[2]), int(sys.argv[3]), agenda)), flush=True)
    elif sys.argv[1] == "sizes":
        print(json.dumps(sizes(sys.argv[2], float(sys.argv[3]))), flush=True)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
