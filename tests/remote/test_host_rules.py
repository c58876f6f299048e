"""Which Host headers the server answers to: its own listen address and loopback literals on loopback, only a
plain host[:port], and exactly one Host and at most one Origin header, on every route."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from runofshow.core.show import ShowPhase
from tests.remote.conftest import Remote

ROUTES = [b"GET / ", b"GET /stage ", b"GET /api/state ", b"POST /api/command/go ", b"GET /ws "]


def status_of(answer: bytes) -> int:
    found = re.match(rb"HTTP/1\.[01] (\d{3}) ", answer)
    assert found, answer[:200]
    return int(found.group(1))


def request(start: bytes, *headers: bytes) -> bytes:
    return start + b"HTTP/1.1\r\n" + b"".join(h + b"\r\n" for h in headers) + b"Connection: close\r\n\r\n"


def test_listening_on_127_0_0_2_serves_the_views_and_commands(remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(host="127.0.0.2")
    base = f"http://127.0.0.2:{remote.server.port}"  # the client's Host header is 127.0.0.2:PORT
    state = remote.wait(remote.client.request("GET", base + "/api/state"))
    assert state.status == 200, state.body
    assert remote.wait(remote.client.request("POST", base + "/api/command/go")).status == 200
    assert remote.bridge.state.phase is ShowPhase.RUNNING


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.9", "127.255.255.254", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_literals_are_host_names_on_loopback(remote: Remote, host: str) -> None:
    for with_port in (False, True):
        name = f"{host}:{remote.server.port}" if with_port else host
        assert remote.get("/api/state", headers={"Host": name}).status == 200, name


@pytest.mark.parametrize("host", ["attacker.example", "127.0.0.1.attacker.example", "localhost.attacker.example",
                                  "2130706433", "0x7f000001", "192.168.1.20", "[::ffff:8.8.8.8]"])
def test_other_names_stay_refused_on_loopback(remote: Remote, host: str) -> None:
    reply = remote.get("/api/state", headers={"Host": host})
    assert reply.status in (400, 403), (host, reply.status)


@pytest.mark.parametrize("host", [b"evil.example#@localhost", b"evil.example#@127.0.0.1", b"localhost@evil.example",
                                  b"evil.example?@localhost", b"evil.example/@localhost", b"localhost:80:80",
                                  b"localhost:port", b"local host", b"localhost\\@x", b"user@localhost",
                                  b"[::1", b"localhost:99999", b""])
@pytest.mark.parametrize("route", ROUTES)
def test_a_host_that_is_not_a_plain_host_and_port_is_refused(remote: Remote, host: bytes, route: bytes) -> None:
    answer = remote.raw(request(route, b"Host: " + host))
    assert status_of(answer) in (400, 403), answer[:200]
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


def test_the_fragment_trick_is_refused_even_beyond_loopback(remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(force_token=True, public_views=True)
    answer = remote.raw(request(b"GET /api/state ", b"Host: evil.example#@localhost"))
    assert status_of(answer) == 400, answer[:200]


@pytest.mark.parametrize("route", ROUTES)
def test_two_host_headers_are_refused(remote: Remote, route: bytes) -> None:
    answer = remote.raw(request(route, b"Host: 127.0.0.1", b"Host: attacker.example"))
    assert status_of(answer) == 400, answer[:200]
    answer = remote.raw(request(route, b"Host: localhost", b"Host: localhost"))
    assert status_of(answer) == 400, answer[:200]
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


@pytest.mark.parametrize("route", ROUTES)
def test_two_origin_headers_are_refused(remote: Remote, route: bytes) -> None:
    port = remote.server.port
    own = f"Origin: http://127.0.0.1:{port}".encode()
    answer = remote.raw(request(route, f"Host: 127.0.0.1:{port}".encode(), own, b"Origin: http://attacker.example"))
    assert status_of(answer) == 400, answer[:200]
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


def test_one_plain_host_and_origin_still_work(remote: Remote) -> None:
    port = remote.server.port
    answer = remote.raw(request(b"POST /api/command/go ", f"Host: 127.0.0.1:{port}".encode(),
                                f"Origin: http://127.0.0.1:{port}".encode()))
    assert status_of(answer) == 200, answer[:300]
    assert remote.bridge.state.phase is ShowPhase.RUNNING
