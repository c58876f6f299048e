"""What strangers on the venue network can no longer take from the operator (issue 16, the attack review).

- The caps on connections count other machines only up to the total: a connection from the laptop itself
  (its source address is the address it connects to) is let in above them, so eight machines that fill the
  total cannot lock the operator's own Companion or browser out.
- The view token is in every QR code handed to phones: its holders are not the operator. The last display
  slots are kept for the control token and for the laptop itself.
- A token that is not UTF-8 is a wrong token (403), not a failure of the guard (500).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable

import pytest

from runofshow.app import build_parser
from runofshow.remote.limits import DisplaySlots, Rank
from runofshow.remote.options import RemoteOptions, options_from_args
from tests.remote.conftest import LOOPBACK, Remote
from tests.remote.test_connection_limits import Displays, connect, first_push, timed_get, wait_for


def test_machines_that_fill_the_connection_caps_leave_the_laptop_itself_served(
        remote_factory: Callable[..., Remote]) -> None:
    remote: Remote = remote_factory(max_connections=6, max_connections_per_address=3)
    gate = remote.server.gate
    assert gate is not None
    port = remote.server.port
    held = [connect(port, f"127.0.0.{n}") for n in (3, 3, 3, 4, 4, 4)]
    try:
        assert wait_for(lambda: gate.open == 6)
        status, _seconds = remote.wait(remote.client.run_soon(timed_get(f"{remote.base}/api/state", LOOPBACK)))
        assert status == 200
    finally:
        for sock in held:
            sock.close()


def test_view_token_holders_from_many_addresses_leave_slots_for_the_control_token(
        remote_factory: Callable[..., Remote]) -> None:
    remote: Remote = remote_factory(force_token=True, max_clients=12, reserved_clients=2)
    view = {"Authorization": f"Bearer {remote.server.view_token}"}
    control = {"Authorization": f"Bearer {remote.token}"}

    async def scenario() -> tuple[int, tuple[int, float], tuple[int, float]]:
        phones = [Displays(remote.base, f"127.0.0.{n}", view) for n in (10, 11, 12, 13)]
        try:
            for phone in phones:
                await phone.connect(5)  # 20 asked for: 12 slots, and the operator's 8 kept
            operator = await first_push(f"{remote.base}/ws", local="127.0.0.2", headers=control)
            laptop = await first_push(f"{remote.base}/ws", local=LOOPBACK, headers=view)
            return sum(len(phone.open) for phone in phones), operator, laptop
        finally:
            for phone in phones:
                await phone.close()

    phones, operator, laptop = remote.wait(remote.client.run_soon(scenario()), timeout_ms=60_000)
    assert phones == 12  # --max-displays: the operator's slots come on top
    assert operator[0] == 101, operator
    assert laptop[0] == 101, laptop


def test_display_slots_keep_the_last_ones_for_the_operator() -> None:
    slots = DisplaySlots(total=10, per_address=8, reserved=3, operator=2)
    phones = [("a", Rank.VIEW)] * 4 + [("b", Rank.VIEW)] * 4
    assert "kept for the operator" in slots.refusal(phones, "c", Rank.VIEW)
    assert slots.refusal(phones, "c", Rank.OPERATOR) == ""
    strangers = [("a", Rank.TOKENLESS)] * 5
    assert "kept for displays that have a token" in slots.refusal(strangers, "c", Rank.TOKENLESS)
    assert slots.refusal(strangers, "c", Rank.VIEW) == ""
    assert "too many displays" in slots.refusal(phones + [("d", Rank.OPERATOR)] * 2, "e", Rank.OPERATOR)
    assert DisplaySlots.of(RemoteOptions(max_clients=200)).operator == 8


def test_a_token_that_is_not_utf8_is_a_wrong_token(remote_factory: Callable[..., Remote]) -> None:
    remote: Remote = remote_factory(force_token=True)
    for header in (b"Authorization: Bearer \xff\xfe", b"X-Runofshow-Token: \xff"):
        with socket.create_connection((LOOPBACK, remote.server.port), timeout=5) as sock:
            sock.sendall(b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + b"\r\nConnection: close\r\n\r\n")
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        assert reply.startswith(b"HTTP/1.1 403"), reply[:200]


def test_counts_and_ports_take_plain_digits_only() -> None:
    parser = build_parser()
    for wrong in (["--max-displays", "²"], ["--max-connections", "０１"], ["--listen", "127.0.0.1:²"]):
        with pytest.raises(SystemExit):
            options_from_args(parser.parse_args(wrong))


def test_a_connection_cap_below_the_displays_is_raised_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="runofshow.remote.options"):
        options = options_from_args(build_parser().parse_args(["--max-connections", "100"]))
    assert options.max_connections == 4 * options.max_clients
    assert "--max-connections 100 is below 4 per display" in caplog.text
