"""Connections: nobody on the venue network can take the server's sockets away from the displays.

Issue 16, items 1 and 2. Every address here is loopback: 127.0.0.2, 127.0.0.3 ... stand for the other
machines on the venue network (Linux routes all of 127.0.0.0/8 to lo), 127.0.0.1 for the operator's own.
The file-limit cases run the server in a child process of its own (tests/remote/server_child.py), so
that its RLIMIT_NOFILE can be the common 1,024 whatever this process has.
"""

from __future__ import annotations

import asyncio
import errno
import resource
import select
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from runofshow.app import build_parser
from runofshow.remote.limits import (
    FD_RESERVE,
    UNKNOWN_ADDRESS,
    ConnectionCaps,
    ConnectionGate,
    DisplaySlots,
    GatedListener,
    Rank,
    address_key,
    listening_sockets,
)
from runofshow.remote.options import RemoteOptions, options_from_args
from tests.remote.attackers import IdleFlood
from tests.remote.conftest import LOOPBACK, Remote

ROOT = Path(__file__).resolve().parents[2]
ATTACKER = "127.0.0.2"
IDLE_SOCKETS = 1500
COMMON_LIMIT = 1024  # the usual soft (and often hard) RLIMIT_NOFILE of a desktop session
START_BUDGET = 30.0  # seconds for the child to import Qt and listen
ANSWER_BUDGET = 1.0  # seconds: "fast" for the operator's own request while the attack goes on


# -- a server in a child process, with the file limit we give it -------------------------------------------


@dataclass
class Child:
    process: subprocess.Popen[str]
    port: int
    stderr: Path

    @property
    def base(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def soft_file_limit(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/limits").read_text().splitlines():
            if line.startswith("Max open files"):
                return int(line.split()[3])
        raise AssertionError("no 'Max open files' in /proc/PID/limits")


def start_child(tmp_path: Path, soft: int, hard: int, *options: str) -> Child:
    tmp_path.mkdir(parents=True, exist_ok=True)
    stderr = tmp_path / "child.stderr"
    with stderr.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.remote.server_child", f"{soft}:{hard}", str(tmp_path / "state"),
             "--listen", f"{LOOPBACK}:0", *options], cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], START_BUDGET)
    line = process.stdout.readline() if ready else ""
    if not line.startswith("serving "):
        process.kill()
        raise AssertionError(f"the child did not start: {line!r} {stderr.read_text()[-2000:]}")
    return Child(process, int(line.split()[1]), stderr)


@pytest.fixture
def child_factory(tmp_path: Path) -> Iterator[Callable[..., Child]]:
    children: list[Child] = []

    def factory(soft: int, hard: int, *options: str) -> Child:
        child = start_child(tmp_path / str(len(children)), soft, hard, *options)
        children.append(child)
        return child

    yield factory
    for child in children:
        child.process.terminate()
        try:
            child.process.wait(5)
        except subprocess.TimeoutExpired:
            child.process.kill()
            child.process.wait(5)
        if child.process.stdout is not None:
            child.process.stdout.close()


async def timed_get(url: str, local: str = LOOPBACK, **kwargs: Any) -> tuple[int, float]:
    """Status and seconds of one GET from `local`; status 0 when it did not answer within 5 s."""
    started = time.monotonic()
    connector = aiohttp.TCPConnector(local_addr=(local, 0), limit=0)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=5)) as session:
        try:
            async with session.get(url, **kwargs) as reply:
                await reply.read()
                return reply.status, time.monotonic() - started
        except (aiohttp.ClientError, TimeoutError):
            return 0, time.monotonic() - started


async def first_push(url: str, local: str = LOOPBACK, **kwargs: Any) -> tuple[int, float]:
    """Opens a WebSocket from `local`: (101 and seconds until its first snapshot) or (the refusal's status, s)."""
    started = time.monotonic()
    connector = aiohttp.TCPConnector(local_addr=(local, 0), limit=0)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=5)) as session:
        try:
            async with session.ws_connect(url, **kwargs) as ws:
                message = await ws.receive(timeout=5)
                assert message.type is aiohttp.WSMsgType.TEXT, message
                return 101, time.monotonic() - started
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status, time.monotonic() - started
        except (aiohttp.ClientError, TimeoutError):
            return 0, time.monotonic() - started


# -- item 1: file descriptors ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_1500_idle_sockets_from_one_address_leave_the_operator_served_at_the_common_file_limit(
        child_factory: Callable[..., Child]) -> None:
    # Soft and hard 1,024: the server cannot raise it, so only its caps can keep sockets for the others.
    child = child_factory(COMMON_LIMIT, COMMON_LIMIT)
    with IdleFlood(child.port, IDLE_SOCKETS, ATTACKER) as flood:
        flood.wait_until_opened(IDLE_SOCKETS)
        state = asyncio.run(timed_get(f"{child.base}/api/state"))
        display = asyncio.run(first_push(f"{child.base}/ws"))
        status, seconds = asyncio.run(_post(f"{child.base}/api/command/message", {"text": "still here"}))
    print(f"under {flood.opened} idle connects ({flood.dropped} dropped): /api/state {state}, WebSocket {display}, "
          f"command {(status, seconds)}")
    assert flood.opened >= IDLE_SOCKETS
    assert state[0] == 200 and state[1] < ANSWER_BUDGET, state
    assert display[0] == 101 and display[1] < ANSWER_BUDGET, display
    assert status == 200 and seconds < ANSWER_BUDGET
    log = child.stderr.read_text()
    assert "out of system resource" not in log  # it never ran out of descriptors
    # Thousands refused: the first said at once, the rest counted in a summary (every 10 s), never a line each.
    assert 1 <= log.count("refused") <= 5, log[-2000:]


async def _post(url: str, body: dict[str, Any]) -> tuple[int, float]:
    started = time.monotonic()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
        try:
            async with session.post(url, json=body) as reply:
                await reply.read()
                return reply.status, time.monotonic() - started
        except (aiohttp.ClientError, TimeoutError):
            return 0, time.monotonic() - started


@pytest.mark.slow
def test_the_server_raises_its_soft_file_limit_towards_the_hard_one_and_says_so(
        child_factory: Callable[..., Child]) -> None:
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard != resource.RLIM_INFINITY and hard <= COMMON_LIMIT:
        pytest.skip(f"this machine's hard limit is {hard}: nothing to raise it to")
    child = child_factory(COMMON_LIMIT, hard)
    raised = child.soft_file_limit()
    assert raised > COMMON_LIMIT
    assert f"open files: {raised}" in child.stderr.read_text()


# -- item 2: WebSocket slots ----------------------------------------------------------------------------------


class Displays:
    """WebSockets opened from one address, kept open until `close`; `refused` counts the statuses of the others."""

    def __init__(self, base: str, source: str, headers: dict[str, str] | None = None) -> None:
        self.url = f"{base}/ws"
        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(source, 0), limit=0),
                                             headers=headers or {}, timeout=aiohttp.ClientTimeout(total=5))
        self.open: list[aiohttp.ClientWebSocketResponse] = []
        self.refused: dict[int, int] = {}

    async def connect(self, count: int) -> Displays:
        for _ in range(count):
            try:
                ws = await self.session.ws_connect(self.url)
            except aiohttp.WSServerHandshakeError as exc:
                self.refused[exc.status] = self.refused.get(exc.status, 0) + 1
                continue
            message = await ws.receive(timeout=5)  # the snapshot on connect: it is really served
            assert message.type is aiohttp.WSMsgType.TEXT, message
            self.open.append(ws)
        return self

    async def close(self) -> None:
        for ws in self.open:
            await ws.close()
        await self.session.close()


def test_one_address_holding_every_websocket_slot_does_not_lock_out_a_token_holder(remote: Remote) -> None:
    slots = remote.server.options.max_clients

    async def scenario() -> tuple[int, int, tuple[int, float]]:
        hog = await Displays(remote.base, ATTACKER).connect(slots)
        try:
            holder = await first_push(f"{remote.base}/ws", headers={"Authorization": f"Bearer {remote.token}"})
            return len(hog.open), hog.refused.get(503, 0), holder
        finally:
            await hog.close()

    held, refused, holder = remote.wait(remote.client.run_soon(scenario()), timeout_ms=60_000)
    print(f"one address asked for {slots} displays: {held} open, {refused} refused; the token holder {holder}")
    assert holder[0] == 101, holder
    assert held < slots and held + refused == slots


def test_public_views_from_many_addresses_leave_slots_for_token_holders(
        remote_factory: Callable[..., Remote]) -> None:
    # Beyond loopback with --public-views: anyone may open a view without the token (forced on loopback here).
    remote: Remote = remote_factory(force_token=True, public_views=True)
    slots = remote.server.options.max_clients
    crowd = [f"127.0.0.{n}" for n in range(10, 20)]  # ten machines, each asking for every slot

    async def scenario() -> tuple[int, list[tuple[int, float]]]:
        hogs = [Displays(remote.base, address) for address in crowd]
        try:
            for hog in hogs:
                await hog.connect(slots // 4)
            token = {"Authorization": f"Bearer {remote.token}"}
            holders = [await first_push(f"{remote.base}/ws", local="127.0.0.2", headers=token) for _ in range(3)]
            return sum(len(hog.open) for hog in hogs), holders
        finally:
            for hog in hogs:
                await hog.close()

    tokenless, holders = remote.wait(remote.client.run_soon(scenario()), timeout_ms=60_000)
    print(f"{len(crowd)} addresses without the token hold {tokenless} of {slots} slots; token holders {holders}")
    assert tokenless < slots
    assert [status for status, _seconds in holders] == [101, 101, 101]


# -- the caps at accept, in this process ----------------------------------------------------------------------


def connect(port: int, source: str) -> socket.socket:
    sock = socket.create_connection((LOOPBACK, port), timeout=2, source_address=(source, 0))
    sock.settimeout(2)
    return sock


def refused_from(port: int, source: str) -> bool:
    """A new connection from `source` is reset (or closed) at once: as it is made, or on its first read."""
    try:
        sock = connect(port, source)
    except ConnectionResetError:
        return True  # reset before connect() even returned here
    with sock:
        return refused_at_once(sock)


def refused_at_once(sock: socket.socket) -> bool:
    """True if the server reset (or closed) this connection without a word, within the socket's timeout."""
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False  # still open: it was let in


def wait_for(condition: Callable[[], bool], budget: float = 5.0) -> bool:
    deadline = time.monotonic() + budget
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


def test_connections_over_the_caps_are_reset_at_accept_and_freed_ones_count_again(
        remote_factory: Callable[..., Remote]) -> None:
    remote: Remote = remote_factory(max_connections=6, max_connections_per_address=3)
    gate = remote.server.gate
    assert gate is not None and (gate.caps.total, gate.caps.per_address) == (6, 3)
    port = remote.server.port
    held = [connect(port, ATTACKER) for _ in range(3)]
    assert wait_for(lambda: gate.held_by(ATTACKER) == 3)
    assert refused_from(port, ATTACKER)  # one address: three at most
    others = [connect(port, f"127.0.0.{n}") for n in (3, 3, 4)]
    assert wait_for(lambda: gate.open == 6)
    assert refused_from(port, "127.0.0.5")  # six in total
    assert gate.refused == 2
    for sock in [*held, *others]:
        sock.close()
    assert wait_for(lambda: gate.open == 0)  # every one that ended was released: nothing leaks
    # Many more than the caps, one after the other: each is let in, as each went before it.
    for _ in range(50):
        status, _seconds = remote.wait(remote.client.run_soon(timed_get(f"{remote.base}/api/state", ATTACKER)))
        assert status == 200
    assert wait_for(lambda: gate.open == 0) and gate.refused == 2


def test_websockets_count_against_the_caps_and_are_released_when_they_close(remote: Remote) -> None:
    gate = remote.server.gate
    assert gate is not None

    async def scenario() -> int:
        displays = await Displays(remote.base, ATTACKER).connect(5)
        try:
            return gate.held_by(ATTACKER)
        finally:
            await displays.close()

    assert remote.wait(remote.client.run_soon(scenario())) == 5
    assert wait_for(lambda: gate.held_by(ATTACKER) == 0 and not remote.server.hub.clients)


def test_a_silent_or_dribbling_connection_is_closed_at_the_idle_timeout(remote_factory: Callable[..., Remote]) -> None:
    remote: Remote = remote_factory(idle_timeout=0.5)
    with connect(remote.server.port, ATTACKER) as silent, connect(remote.server.port, ATTACKER) as dribbling:
        dribbled, silent_for = _dribble(silent, dribbling)
    print(f"closed after: dribbling {dribbled:.2f} s, silent {silent_for:.2f} s (idle timeout 0.5 s)")
    assert dribbled < 2.0 and silent_for < 2.0
    gate = remote.server.gate
    assert gate is not None and wait_for(lambda: gate.held_by(ATTACKER) == 0)


def _dribble(silent: socket.socket, dribbling: socket.socket) -> tuple[float, float]:
    """Seconds until the server closed each: the one that sends a byte every 50 ms, and the silent one."""
    started = time.monotonic()
    closed = False
    # A slow client: one byte of headers every 50 ms (4 s in all), each of which must not reset the timer.
    for byte in b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 40:
        if select.select([dribbling], [], [], 0.05)[0]:  # readable: the server closed it
            closed = True
            break
        try:
            dribbling.send(bytes([byte]))
        except OSError:
            closed = True
            break
    dribbled = time.monotonic() - started
    assert closed and refused_at_once(dribbling)
    assert refused_at_once(silent)
    return dribbled, time.monotonic() - started


# -- the numbers ----------------------------------------------------------------------------------------------


def test_the_caps_fit_the_open_file_limit_and_no_address_takes_them_all() -> None:
    assert ConnectionCaps.within(2048, 256, 16384) == ConnectionCaps(2048, 256)
    # The common 1,024: FD_RESERVE kept for the app, and one address at most half of the rest.
    assert ConnectionCaps.within(2048, 256, 1024) == ConnectionCaps(1024 - FD_RESERVE, 256)
    assert ConnectionCaps.within(2048, 600, 1024) == ConnectionCaps(768, 384)
    assert ConnectionCaps.within(2048, 256, 256) == ConnectionCaps(128, 64)


def test_an_address_counts_as_itself_an_ipv4_mapped_one_as_ipv4_and_an_ipv6_one_by_its_64() -> None:
    assert address_key("192.168.1.20") == "192.168.1.20"
    assert address_key("::ffff:192.168.1.20") == "192.168.1.20"
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::7") == "2001:db8:1:2::/64"
    assert address_key("fe80::1%eth0") == "fe80::/64"
    assert address_key("") == UNKNOWN_ADDRESS


def test_display_slots_per_address_and_those_kept_for_token_holders() -> None:
    slots = DisplaySlots(total=10, per_address=4, reserved=3)
    crowd = [("a", Rank.TOKENLESS)] * 4 + [("b", Rank.TOKENLESS)] * 3
    assert "one address" in slots.refusal(crowd, "a", Rank.VIEW)
    assert "kept for displays that have a token" in slots.refusal(crowd, "c", Rank.TOKENLESS)
    assert slots.refusal(crowd, "c", Rank.VIEW) == ""
    assert "too many displays" in slots.refusal([*crowd, ("c", Rank.VIEW)] * 2, "d", Rank.VIEW)
    assert DisplaySlots.of(RemoteOptions(max_clients=10, reserved_clients=40)).reserved == 5  # tokenless keep half


def test_the_operator_raises_the_caps_from_the_command_line() -> None:
    default = options_from_args(build_parser().parse_args([]))
    assert (default.max_clients, default.max_clients_per_address, default.reserved_clients) == (200, 64, 40)
    assert (default.max_connections, default.max_connections_per_address) == (2048, 256)
    nat = options_from_args(build_parser().parse_args(["--displays-per-address", "150", "--max-displays", "600"]))
    assert (nat.max_clients, nat.max_clients_per_address) == (600, 150)
    # Their pages' connections follow: four per display.
    assert (nat.max_connections, nat.max_connections_per_address) == (2400, 600)
    for wrong in ("0", "-3", "lots", "100001"):
        with pytest.raises(SystemExit):
            build_parser().parse_args(["--displays-per-address", wrong])


def test_out_of_descriptors_the_listener_pauses_and_says_so_instead_of_spinning() -> None:
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        gate = ConnectionGate(ConnectionCaps(10, 5))
        failures: list[OSError] = []
        gate.on_accept_failed = failures.append
        listener = GatedListener(loop, listening_sockets(LOOPBACK, 0, 8), gate, asyncio.Protocol)
        await listener.start_serving()

        class OutOfFiles:
            def accept(self) -> tuple[socket.socket, Any]:
                raise OSError(errno.EMFILE, "Too many open files")

        try:
            listener._accept(OutOfFiles())  # type: ignore[arg-type]
            assert [failure.errno for failure in failures] == [errno.EMFILE]
            assert not listener.is_serving()  # no busy loop of failing accepts: it waits ACCEPT_PAUSE
            listener._resume_listening()  # what the timer does
            assert listener.is_serving()
        finally:
            listener.close()

    asyncio.run(scenario())


def test_displays_opened_all_at_once_from_one_address_still_stop_at_the_cap(remote: Remote) -> None:
    cap = remote.server.options.max_clients_per_address
    asked = cap + 40

    async def scenario() -> int:
        displays = Displays(remote.base, ATTACKER)

        async def one() -> aiohttp.ClientWebSocketResponse | None:
            try:
                ws = await displays.session.ws_connect(displays.url)
            except aiohttp.WSServerHandshakeError:
                return None
            message = await ws.receive(timeout=5)  # its snapshot, or its close if it was one too many
            return ws if message.type is aiohttp.WSMsgType.TEXT else None

        try:
            opened = await asyncio.gather(*(one() for _ in range(asked)))  # every handshake in flight at once
            displays.open = [ws for ws in opened if ws is not None]
            return len(displays.open)
        finally:
            await displays.close()

    held = remote.wait(remote.client.run_soon(scenario()), timeout_ms=60_000)
    print(f"{asked} displays asked for at once from one address: {held} open (cap {cap})")
    assert held == cap
