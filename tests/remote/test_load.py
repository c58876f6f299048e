"""The load test of issue 16: the show keeps time while the venue network does its worst, for a minute.

The real app runs in a child process (tests/remote/load_app.py: `runofshow` as a stage manager starts it,
with the common soft limit of 1,024 open files), a slot running. This process is the venue network, all of
it on loopback and all of it at once for LOAD_SECONDS:

- 200 browser displays on WebSockets, from four machines (127.0.0.10-13), each with the view token;
- 1,500 idle sockets from one machine (127.0.0.2), each reopened as soon as the server drops it (at most
  1,600 connects a second: the server holds its cap from that address and resets the rest);
- an OSC garbage flood from another (127.0.0.3), OSC_RATE datagrams a second;
- the operator's Companion (127.0.0.1) sending a message command every COMMAND_EVERY seconds.

Passes when the operator's countdown repainted every second on time, each command reached every display
(p99 under 100 ms), and the log (stderr and `<state>/logs/`) grew less than 1 MB.

The attackers run in processes of their own at the lowest priority (they stand for other machines: their
own work is not the show laptop's), the displays in this one. The numbers are absolute, as the issue asks:
on a machine busy with other work the latencies measure that work too (the line printed says the load).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import resource
import select
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bench.lateness import countdown_value
from bench.report import percentile
from tests.remote.attackers import AttackProcess, raise_own_file_limit

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"
LOAD_SECONDS = 60.0
DISPLAYS = 200
DISPLAY_MACHINES = ("127.0.0.10", "127.0.0.11", "127.0.0.12", "127.0.0.13")
IDLE_SOCKETS = 1500
IDLE_MACHINE = "127.0.0.2"
OSC_RATE = 5000.0  # datagrams a second (the flood was 10,000/s from a faster sender than this test)
OSC_MACHINE = "127.0.0.3"
COMMAND_EVERY = 0.5  # seconds between the operator's commands
COMMON_LIMIT = 1024
START_BUDGET = 60.0  # seconds for the child to paint its window and start the server
LATENCY_P99_MS = 100.0
LOG_GROWTH_LIMIT = 1_000_000  # bytes
REPAINT_LATE_LIMIT = 0.25  # seconds after its second at most, for any new digit the operator sees
EARLY_TOLERANCE = 0.005  # seconds: the paint's wall clock against the engine's (anchored once at start)
_SERVING = re.compile(r"remote control on http://127\.0\.0\.1:(\d+)/")
_MARKER = re.compile(rb"load#(\d+)#")


@dataclass
class Measured:
    latencies_ms: list[float] = field(default_factory=list)  # command sent -> each display has it
    command_ms: list[float] = field(default_factory=list)  # command sent -> its reply
    failed_commands: list[str] = field(default_factory=list)
    displays: int = 0
    displays_lost: int = 0
    missed: int = 0  # (display, command) pairs never seen by the end
    started_at: float = 0.0  # wall clock, the load window
    ended_at: float = 0.0


@dataclass
class App:
    process: subprocess.Popen[bytes]
    port: int
    state_dir: Path
    stderr: Path
    flips: Path

    def log_bytes(self) -> int:
        logs = self.state_dir / "logs"
        kept = sum(path.stat().st_size for path in logs.iterdir() if path.is_file()) if logs.is_dir() else 0
        return kept + self.stderr.stat().st_size

    def token(self, name: str) -> str:
        path = self.state_dir / name
        return path.read_text(encoding="ascii").strip() if path.exists() else ""


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def start_app(tmp_path: Path, osc_port: int) -> App:
    state_dir, stderr, flips = tmp_path / "state", tmp_path / "app.stderr", tmp_path / "flips.json"
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONPATH": str(ROOT)}
    with stderr.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.remote.load_app", str(flips), f"{COMMON_LIMIT}:{hard}",
             "--state-dir", str(state_dir), "--listen", f"{LOOPBACK}:0", "--osc", str(osc_port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + START_BUDGET
    while time.monotonic() < deadline and process.poll() is None:
        found = _SERVING.search(stderr.read_text(errors="replace"))
        if found:
            return App(process, int(found.group(1)), state_dir, stderr, flips)
        select.select([], [], [], 0.1)
    process.kill()
    process.wait(10)
    raise AssertionError(f"the app did not start serving: {stderr.read_text(errors='replace')[-3000:]}")


def stop_app(app: App) -> list[dict[str, Any]]:
    """SIGTERM: the child writes its countdown paints and exits."""
    app.process.send_signal(signal.SIGTERM)
    try:
        app.process.wait(20)
    except subprocess.TimeoutExpired:
        app.process.kill()
        app.process.wait(10)
        raise AssertionError("the app did not stop on SIGTERM") from None
    flips: list[dict[str, Any]] = json.loads(app.flips.read_text())
    return flips


async def run_load(app: App, seconds: float) -> Measured:
    """Displays connected, then a command every COMMAND_EVERY seconds for `seconds`; what each display saw."""
    measured = Measured()
    token = app.token("remote-view-token") or app.token("remote-token")
    control = app.token("remote-token")
    sent_at: dict[int, float] = {}
    base = f"http://{LOOPBACK}:{app.port}"
    sessions = [aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(machine, 0), limit=0),
                                      headers={"Authorization": f"Bearer {token}"},
                                      timeout=aiohttp.ClientTimeout(total=30)) for machine in DISPLAY_MACHINES]
    operator = aiohttp.ClientSession(headers={"Authorization": f"Bearer {control}"},
                                     timeout=aiohttp.ClientTimeout(total=10))
    sockets: list[aiohttp.ClientWebSocketResponse] = []
    readers: list[asyncio.Task[int]] = []
    try:
        for number in range(DISPLAYS):
            ws = await sessions[number % len(sessions)].ws_connect(f"{base}/ws", max_msg_size=0)
            first = await ws.receive(timeout=10)
            assert first.type is aiohttp.WSMsgType.TEXT, first
            sockets.append(ws)
        measured.displays = len(sockets)
        readers = [asyncio.create_task(_read(ws, sent_at, measured)) for ws in sockets]
        measured.started_at = time.time()
        loop = asyncio.get_running_loop()
        began = loop.time()
        number = 0
        while loop.time() - began < seconds:
            number += 1
            sent_at[number] = time.perf_counter()
            try:
                async with operator.post(f"{base}/api/command/message", json={"text": f"load#{number}#"}) as reply:
                    await reply.read()
                    if reply.status != 200:
                        measured.failed_commands.append(f"#{number}: {reply.status}")
            except (aiohttp.ClientError, TimeoutError) as exc:
                measured.failed_commands.append(f"#{number}: {type(exc).__name__}")
            measured.command_ms.append((time.perf_counter() - sent_at[number]) * 1000)
            await asyncio.sleep(max(0.0, began + number * COMMAND_EVERY - loop.time()))
        await asyncio.sleep(1.0)  # the last command's pushes
        measured.ended_at = time.time()
        for reader in readers:
            reader.cancel()
        seen = await asyncio.gather(*readers, return_exceptions=True)
        measured.missed = sum(number - last for last in seen if isinstance(last, int))
        measured.displays_lost = sum(1 for ws in sockets if ws.closed)
        return measured
    finally:
        for ws in sockets:
            await ws.close()
        for session in [*sessions, operator]:
            await session.close()


async def _read(ws: aiohttp.ClientWebSocketResponse, sent_at: dict[int, float], measured: Measured) -> int:
    """Every message of one display: the latency of each command it carries first. Returns the last one seen."""
    last = 0
    try:
        while True:
            message = await ws.receive()
            if message.type is not aiohttp.WSMsgType.TEXT:
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    return last
                continue
            found = _MARKER.search(message.data.encode() if isinstance(message.data, str) else message.data)
            if found is None:
                continue
            number = int(found.group(1))
            now = time.perf_counter()
            # A display that skipped a state (the server sends the newest) had the skipped command this late too.
            for skipped in range(last + 1, number + 1):
                if skipped in sent_at:
                    measured.latencies_ms.append((now - sent_at[skipped]) * 1000)
            last = max(last, number)
    except asyncio.CancelledError:
        return last


def countdown_lateness(flips: list[dict[str, Any]], start: float, end: float) -> tuple[list[float], list[str]]:
    """Each countdown flip's lateness (paint instant minus the instant its text became right) within the load
    window, and what was wrong: a digit painted early, or a second skipped."""
    running = [flip for flip in flips if flip["started"] is not None and start <= flip["at"] <= end
               and re.fullmatch(r"\+?(\d+:)?\d{1,2}:\d{2}", flip["text"])]
    lateness: list[float] = []
    problems: list[str] = []
    previous: int | None = None
    for flip in running:
        value = countdown_value(flip["text"])
        late = flip["at"] - (flip["started"] + flip["duration"] - value)
        lateness.append(late)
        if late < -EARLY_TOLERANCE:
            problems.append(f"{flip['text']} painted {-late * 1000:.0f} ms early")
        if previous is not None and value != previous - 1:
            problems.append(f"{flip['text']} after {previous}: a second skipped or shown twice")
        previous = value
    return lateness, problems


@pytest.mark.slow
def test_the_show_keeps_time_under_200_displays_1500_idle_sockets_and_an_osc_flood(tmp_path: Path) -> None:
    raise_own_file_limit(IDLE_SOCKETS + DISPLAYS + 1024)
    osc_port = free_udp_port()
    app = start_app(tmp_path, osc_port)
    try:
        operator = {"Authorization": f"Bearer {app.token('remote-token')}"}
        go = asyncio.run(_post(f"http://{LOOPBACK}:{app.port}/api/command/go", operator))
        assert go == 200, go
        log_before = app.log_bytes()
        most = LOAD_SECONDS + 60  # the attacks end by themselves even if this process cannot stop them
        with (AttackProcess("idle", app.port, IDLE_SOCKETS, IDLE_MACHINE, most) as idle,
              AttackProcess("osc", osc_port, OSC_RATE, OSC_MACHINE, most) as osc):
            idle.wait_until("opened", IDLE_SOCKETS)
            measured = asyncio.run(run_load(app, LOAD_SECONDS))
        log_growth = app.log_bytes() - log_before
        assert app.process.poll() is None, "the app died under load"
    finally:
        flips = stop_app(app) if app.process.poll() is None else []
    lateness, problems = countdown_lateness(flips, measured.started_at, measured.ended_at)
    p50, p99 = _percentile(measured.latencies_ms, 50), _percentile(measured.latencies_ms, 99)
    late = sorted(lateness)
    print(f"\nload {LOAD_SECONDS:.0f} s (machine load average {os.getloadavg()[0]:.1f} at the end, "
          f"{os.cpu_count()} CPUs): {measured.displays} displays ({measured.displays_lost} lost), "
          f"{len(measured.command_ms)} commands ({len(measured.failed_commands)} failed, reply p99 "
          f"{_percentile(measured.command_ms, 99):.1f} ms); command -> display p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
          f"max {_percentile(measured.latencies_ms, 100):.1f} ms over {len(measured.latencies_ms)} deliveries, "
          f"{measured.missed} missed; idle connects {idle.stats}; OSC {osc.stats}; "
          f"countdown flips {len(late)}, lateness p50 {_percentile(late, 50) * 1000:.1f} ms, p99 "
          f"{_percentile(late, 99) * 1000:.1f} ms, max {_percentile(late, 100) * 1000:.1f} ms; "
          f"log grew {log_growth} bytes")
    assert measured.displays == DISPLAYS and measured.displays_lost == 0
    assert not measured.failed_commands, measured.failed_commands
    assert measured.missed == 0
    assert p99 < LATENCY_P99_MS
    assert idle.stats["opened"] >= IDLE_SOCKETS and osc.stats["sent"] >= OSC_RATE * LOAD_SECONDS * 0.5
    # Every second of the minute painted once, none early, none late by more than REPAINT_LATE_LIMIT.
    assert len(late) >= LOAD_SECONDS - 2, f"only {len(late)} countdown flips in {LOAD_SECONDS} s"
    assert not problems, problems
    assert late[-1] < REPAINT_LATE_LIMIT
    assert log_growth < LOG_GROWTH_LIMIT


def _percentile(values: list[float], q: float) -> float:
    return percentile(values, q) if values else float("nan")


async def _post(url: str, headers: dict[str, str]) -> int:
    async with (aiohttp.ClientSession(headers=headers, timeout=aiohttp.ClientTimeout(total=10)) as session,
                session.post(url) as reply):
        await reply.read()
        return reply.status
