"""Nobody on the network can flood the log or forge a line in it (issue 16, items 1, 3 and 5).

A flood of refused OSC packets, and asyncio's accept errors when the open files run out, are counted:
the first is logged at once, then one summary every ten seconds. Each test is bounded in time and stays
on loopback.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import select
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pythonosc.osc_message_builder import OscMessageBuilder

from runofshow.remote import osc as osc_module
from runofshow.remote.refusals import (
    ACCEPT_MESSAGE,
    ACCEPT_OUT_OF_FILES,
    MAX_ADDRESSES,
    OSC_MALFORMED,
    OSC_WITHOUT_TOKEN,
    OTHERS,
    Refusals,
)
from tests.remote.conftest import LOOPBACK, Remote

FLOOD_SECONDS = 1.0
ROOT = Path(__file__).resolve().parents[2]


class Lines(logging.Handler):
    """Every record at INFO and above, as the app's log would get it."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def lines() -> Iterator[Lines]:
    handler = Lines()
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)


def osc_packet(address: str, *args: object) -> bytes:
    builder = OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg)  # type: ignore[arg-type]
    return builder.build().dgram


def flood(port: int, packets: list[bytes], seconds: float = FLOOD_SECONDS) -> int:
    """Send the packets round and round to the OSC port for `seconds`; how many were sent."""
    sent = 0
    ends = time.monotonic() + seconds
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        while time.monotonic() < ends:
            for packet in packets:
                sock.sendto(packet, (LOOPBACK, port))
                sent += 1
    return sent


def test_a_flood_of_osc_without_the_token_writes_a_line_not_one_per_packet(guarded: Remote, lines: Lines) -> None:
    assert guarded.server.bound is not None and guarded.server.bound.osc_port
    counters = guarded.server.osc_counters
    assert counters is not None
    garbage = [osc_packet("/runofshow/go"), osc_packet("/runofshow/add_time", "not-the-token", 60),
               b"\x00\x01\x02", osc_packet("/elsewhere/x", 1)]
    sent = flood(guarded.server.bound.osc_port, garbage)
    guarded.qtbot.waitUntil(lambda: counters.refused_token + counters.malformed >= min(sent, 2000), timeout=10000)
    refused = counters.refused_token + counters.malformed
    assert refused >= 2000, f"only {refused} of {sent} packets arrived: the flood is too small to prove anything"
    written = [r for r in lines.records if r.name.startswith("runofshow") or r.name in ("root", "asyncio")]
    # The first of each kind of refusal at once (without the token, malformed): nothing per packet.
    assert len(written) <= 3, f"{len(written)} lines for {refused} refused packets: {written[:5]}"


def test_the_first_refusal_says_what_was_refused_and_from_where(guarded: Remote, lines: Lines) -> None:
    assert guarded.server.bound is not None and guarded.server.bound.osc_port
    counters = guarded.server.osc_counters
    assert counters is not None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(osc_packet("/runofshow/go"), (LOOPBACK, guarded.server.bound.osc_port))
    guarded.qtbot.waitUntil(lambda: counters.refused_token == 1)
    said = [r.getMessage() for r in lines.records]
    assert any("/runofshow/go" in text and LOOPBACK in text and "control token" in text for text in said), said


# -- the open files run out: asyncio's accept errors ----------------------------------------------------------

OPEN_FILES = 160  # the child's limit: Qt, aiohttp and the journal need a few dozen; the rest are for clients
CONNECTIONS = 400
HOLD_SECONDS = 3.0
START_SECONDS = 60.0


@pytest.mark.slow
def test_running_out_of_open_files_does_not_flood_the_log(tmp_path: Path) -> None:
    state = tmp_path / "state"
    # The child sets its soft and hard limit alike (so the server cannot raise it) before the server starts.
    child = subprocess.Popen([sys.executable, "-m", "tests.remote.server_child", f"{OPEN_FILES}:{OPEN_FILES}",
                              str(state), "--listen", f"{LOOPBACK}:0"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    sockets: list[socket.socket] = []
    try:
        assert child.stdout is not None
        ready, _w, _x = select.select([child.stdout], [], [], START_SECONDS)
        first = child.stdout.readline().split() if ready else ["no answer in", f"{START_SECONDS} s"]
        assert first[:1] == ["serving"], first
        port = int(first[1])
        for _ in range(CONNECTIONS):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            with contextlib.suppress(BlockingIOError):  # connecting goes on in the kernel
                sock.connect((LOOPBACK, port))
            sockets.append(sock)
        time.sleep(HOLD_SECONDS)  # a bounded siege, not timing logic: the child runs on its own clock
    finally:
        child.terminate()
        _out, err = child.communicate(timeout=20)
        for sock in sockets:
            sock.close()
    err_lines = err.splitlines()
    accept_errors = [line for line in err_lines if "accept" in line]
    assert len(err_lines) <= 40, f"{len(err_lines)} lines on stderr in {HOLD_SECONDS} s: {err_lines[:12]}"
    assert len(accept_errors) <= 2, accept_errors[:6]
    log_files = list((state / "logs").glob("runofshow.log*"))
    assert log_files, "the log file is in the state folder"
    assert sum(path.stat().st_size for path in log_files) < 20_000


# -- the counting itself, on an injected clock -----------------------------------------------------------------


class Ticks:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def counted(lines: Lines) -> tuple[Refusals, Ticks, Lines]:
    ticks = Ticks()
    return Refusals(logging.getLogger("runofshow.remote.refusals"), ticks), ticks, lines


def test_the_first_refusal_of_a_kind_is_logged_at_once_and_the_rest_summarised_every_ten_seconds(
        counted: tuple[Refusals, Ticks, Lines]) -> None:
    refusals, ticks, lines = counted
    for n in range(10_000):  # a second of flood, from two machines
        ticks.now = 1000.0 + n / 10_000
        refusals.refuse(OSC_WITHOUT_TOKEN, "10.0.0.7" if n % 100 else "10.0.0.9", f"OSC /runofshow/go {n} refused")
    refusals.refuse(OSC_MALFORMED, "10.0.0.8", "OSC from 10.0.0.8 refused: not an OSC packet")
    assert [r.getMessage() for r in lines.records] == [
        "OSC /runofshow/go 0 refused (more like this are counted: a summary every 10 s)",
        "OSC from 10.0.0.8 refused: not an OSC packet (more like this are counted: a summary every 10 s)"]
    ticks.now = 1009.0  # still within the first ten seconds
    refusals.summarise_if_due()
    assert len(lines.records) == 2
    ticks.now = 1010.0
    refusals.summarise_if_due()
    assert lines.records[-1].getMessage() == (
        "refused in the last 10 s: 9,999 OSC without the control token; most from 10.0.0.7 (9,900), 10.0.0.9 (99)")
    assert refusals.totals[OSC_WITHOUT_TOKEN] == 10_000
    refusals.summarise_if_due()  # nothing new: no line
    ticks.now += 10.0
    refusals.summarise_if_due()
    assert len(lines.records) == 3


def test_a_kind_quiet_for_a_whole_period_is_logged_at_once_again(counted: tuple[Refusals, Ticks, Lines]) -> None:
    refusals, ticks, lines = counted
    refusals.refuse(OSC_WITHOUT_TOKEN, "10.0.0.7", "first")
    ticks.now += 10.0
    refusals.summarise_if_due()  # only the first came: it was logged, nothing to summarise
    refusals.refuse(OSC_WITHOUT_TOKEN, "10.0.0.7", "second")
    assert [r.getMessage().split(" (")[0] for r in lines.records] == ["first", "second"]


def test_forged_source_addresses_cannot_grow_the_counts_without_bound(counted: tuple[Refusals, Ticks, Lines]) -> None:
    refusals, ticks, lines = counted
    for n in range(MAX_ADDRESSES * 3):
        refusals.refuse(OSC_MALFORMED, f"10.{n // 65536}.{n // 256 % 256}.{n % 256}", "x")
    ticks.now += 10.0
    refusals.summarise_if_due()
    # The first was logged at once; the next MAX_ADDRESSES addresses are counted each, the rest together.
    assert f"most from {OTHERS} ({MAX_ADDRESSES * 2 - 1:,})" in lines.records[-1].getMessage()


def test_what_was_counted_is_written_when_the_server_stops(counted: tuple[Refusals, Ticks, Lines]) -> None:
    refusals, ticks, lines = counted
    loop = asyncio.new_event_loop()
    try:
        refusals.attach(loop)
        for _ in range(3):
            refusals.refuse(OSC_MALFORMED, "10.0.0.8", "x")
        ticks.now += 2.0
        refusals.detach()
    finally:
        loop.close()
    assert lines.records[-1].getMessage() == "refused in the last 2 s: 2 malformed OSC; most from 10.0.0.8 (2)"


def test_asyncio_accept_errors_are_counted_not_logged_each(counted: tuple[Refusals, Ticks, Lines]) -> None:
    """What asyncio does thousands of times a second once the open files run out (it retries at once)."""
    refusals, ticks, lines = counted
    loop = asyncio.new_event_loop()
    try:
        refusals.attach(loop)
        with socket.socket() as listening:
            for _ in range(5_000):
                loop.call_exception_handler({"message": ACCEPT_MESSAGE, "socket": listening,
                                             "exception": OSError(errno.EMFILE, "Too many open files")})
        ticks.now += 10.0
        refusals.summarise_if_due()
        loop.call_exception_handler({"message": "something else", "exception": RuntimeError("kept")})
    finally:
        refusals.detach()
        loop.close()
    said = [r.getMessage() for r in lines.records]
    assert said[0].startswith("a connection could not be accepted: Too many open files")
    assert said[1] == f"refused in the last 10 s: 4,999 {ACCEPT_OUT_OF_FILES}"
    assert said[2] == "something else" and lines.records[2].exc_info is not None  # asyncio's own handler
    assert len(said) == 3


def test_a_packet_that_fails_inside_the_server_cannot_flood_the_log_either(
        remote_factory: Callable[..., Remote], lines: Lines, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug one packet can reach, hit by a flood whose every packet differs (each one a new message)."""
    def broken(name: str, values: list[object]) -> tuple[dict[str, object], str]:
        raise RuntimeError(f"broken for {name}")

    monkeypatch.setattr(osc_module, "osc_arguments", broken)
    remote = remote_factory(osc_port=0)
    assert remote.server.bound is not None and remote.server.bound.osc_port
    counters = remote.server.osc_counters
    assert counters is not None
    started = len(lines.records)
    packets = [osc_packet(f"/runofshow/x{n}") for n in range(500)]
    flood(remote.server.bound.osc_port, packets, seconds=0.2)
    remote.qtbot.waitUntil(lambda: counters.malformed >= 200, timeout=10000)  # UDP may drop some of a flood
    written = [r for r in lines.records[started:] if r.name.startswith("runofshow")]
    assert len(written) <= 1, f"{len(written)} lines for {counters.malformed} failed packets"
    assert written[0].exc_info is not None, "the first keeps its traceback, for the bug report"
