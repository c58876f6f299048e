"""Command to WebSocket: with 50 browser displays connected, how long from a POST until each one has it.

python bench/ws_latency.py [CLIENTS] [COMMANDS]  -> prints one JSON line (milliseconds)
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
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}


async def measure(port: int, token: str, clients: int, commands: int) -> list[float]:
    headers = {"Authorization": f"Bearer {token}"}
    latencies: list[float] = []
    async with aiohttp.ClientSession(headers=headers) as session:
        sockets = [await session.ws_connect(f"http://127.0.0.1:{port}/ws") for _ in range(clients)]
        for ws in sockets:
            await ws.receive_str(timeout=10)  # the snapshot sent on connect

        sent = {"at": 0.0}

        async def wait_for(ws: aiohttp.ClientWebSocketResponse, text: str) -> None:
            while True:
                envelope = json.loads(await ws.receive_str(timeout=10))
                if envelope["state"]["message"] == text:
                    latencies.append((time.perf_counter() - sent["at"]) * 1000)
                    return

        for number in range(commands):
            text = f"latency probe {number}"
            waiters = [asyncio.create_task(wait_for(ws, text)) for ws in sockets]
            await asyncio.sleep(0)  # every client is listening before the command goes
            sent["at"] = time.perf_counter()
            async with session.post(f"http://127.0.0.1:{port}/api/command/message", json={"text": text}) as reply:
                assert reply.status == 200, await reply.text()
            await asyncio.gather(*waiters)
            await asyncio.sleep(0.05)
        for ws in sockets:
            await ws.close()
    return latencies


def main() -> None:
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    commands = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    proc = subprocess.Popen([sys.executable, str(HERE / "app_probe.py"), "serve", "120"], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().split()
        port, token = int(line[1]), line[2]
        latencies = sorted(asyncio.run(measure(port, token, clients, commands)))
    finally:
        proc.kill()
        proc.wait()
        if proc.stdout:
            proc.stdout.close()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(json.dumps({"clients": clients, "samples": len(latencies), "p50": statistics.median(latencies),
                      "p99": p99, "max": latencies[-1]}))


if __name__ == "__main__":
    main()
