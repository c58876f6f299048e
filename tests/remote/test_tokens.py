"""Who may do what: loopback without a token, anything beyond loopback only with it."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from runofshow.app import build_parser
from runofshow.core.show import ShowPhase
from runofshow.remote import http_app
from runofshow.remote.options import (
    DEFAULT_PORT,
    RemoteOptions,
    is_loopback,
    load_or_create_token,
    options_from_args,
    parse_listen,
)
from tests.remote.conftest import Remote


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.4.5.6", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("10.0.0.5", False), ("venue-laptop.local", False),
])
def test_only_loopback_addresses_go_without_a_token(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
    assert RemoteOptions(host=host).require_token is not loopback


@pytest.mark.parametrize(("text", "parsed"), [
    ("127.0.0.1:4790", ("127.0.0.1", 4790)), ("0.0.0.0:8080", ("0.0.0.0", 8080)), ("4791", ("127.0.0.1", 4791)),
    (":4792", ("127.0.0.1", 4792)), ("192.168.1.20", ("192.168.1.20", DEFAULT_PORT)), ("[::1]:4793", ("::1", 4793)),
])
def test_listen_addresses(text: str, parsed: tuple[str, int]) -> None:
    assert parse_listen(text) == parsed


@pytest.mark.parametrize("text", ["", "host:port", "1.2.3.4:70000", "::1:4790", "[::1", "[::1]x"])
def test_bad_listen_addresses_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_listen(text)


def test_the_command_line_options(tmp_path: Path) -> None:
    default = options_from_args(build_parser().parse_args([]))
    assert (default.host, default.port, default.osc_port, default.enabled) == ("127.0.0.1", DEFAULT_PORT, None, True)
    assert not default.require_token
    args = build_parser().parse_args(["show.yaml", "--listen", "0.0.0.0:5000", "--osc", "9000", "--public-views",
                                      "--cors", "http://tools.venue:8000"])
    options = options_from_args(args)
    assert (options.host, options.port, options.osc_port) == ("0.0.0.0", 5000, 9000)
    assert options.require_token and options.public_views and options.cors == ("http://tools.venue:8000",)
    assert not options_from_args(build_parser().parse_args(["--no-remote"])).enabled
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--osc", "0"])


def test_the_token_is_made_once_private_and_kept(tmp_path: Path) -> None:
    token = load_or_create_token(tmp_path / "state")
    path = tmp_path / "state" / "remote-token"
    assert len(token) >= 40
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_token(tmp_path / "state") == token
    os.chmod(path, 0o644)
    assert load_or_create_token(tmp_path / "state") == token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text("short\n")
    with pytest.raises(ValueError):
        load_or_create_token(tmp_path / "state")


def test_on_loopback_commands_need_no_token(remote: Remote) -> None:
    assert remote.command("go").status == 200


def test_on_loopback_a_wrong_token_is_still_refused(remote: Remote) -> None:
    assert remote.command("go", headers={"X-Runofshow-Token": "nope"}).status == 403


def test_beyond_loopback_a_command_without_the_token_is_401(guarded: Remote) -> None:
    reply = guarded.command("go")
    assert reply.status == 401 and reply.headers["WWW-Authenticate"].startswith("Bearer")
    assert guarded.bridge.state.phase is ShowPhase.PRE_SHOW


@pytest.mark.parametrize("how", ["bearer", "header"])
def test_beyond_loopback_the_token_works_in_either_header(guarded: Remote, how: str) -> None:
    token = guarded.token
    if how == "bearer":
        reply = guarded.command("go", headers={"Authorization": f"Bearer {token}"})
    else:
        reply = guarded.command("go", headers={"X-Runofshow-Token": token})
    assert reply.status == 200


def test_a_command_with_the_control_token_in_the_address_is_refused(guarded: Remote) -> None:
    """Issue 16, item 7: the control token never appears in a URL, so an address can never run a command
    (addresses are copied, photographed and kept in browser histories). It still opens the read-only state."""
    reply = guarded.post(f"/api/command/go?token={guarded.token}")
    assert reply.status == 403 and "header" in reply.body["error"]
    assert guarded.bridge.state.phase is ShowPhase.PRE_SHOW
    assert guarded.get(f"/api/state?token={guarded.token}").status == 200
    assert guarded.command("go", headers={"Authorization": f"Bearer {guarded.token}"}).status == 200


@pytest.mark.parametrize("wrong", ["x", "", "TOKEN", "a" * 43])
def test_a_wrong_token_is_403(guarded: Remote, wrong: str) -> None:
    reply = guarded.command("go", headers={"Authorization": f"Bearer {wrong or guarded.token[:-1]}"})
    assert reply.status == 403
    assert guarded.command("go", headers={"X-Runofshow-Token": guarded.token + "x"}).status == 403
    assert guarded.bridge.state.phase is ShowPhase.PRE_SHOW


def test_the_token_is_compared_in_constant_time(guarded: Remote, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bytes, bytes]] = []
    real = http_app.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(http_app.hmac, "compare_digest", spy)
    assert guarded.command("go", headers={"X-Runofshow-Token": "guess"}).status == 403
    # Compared with both tokens, always: the timing tells neither how close a guess was nor to which token.
    assert seen == [(b"guess", guarded.token.encode()), (b"guess", guarded.server.view_token.encode())]


def test_beyond_loopback_views_need_the_token_too(guarded: Remote) -> None:
    assert guarded.get("/api/state").status == 401
    assert guarded.get("/api/commands").status == 401
    assert guarded.get("/ws").status == 401
    assert guarded.get(f"/api/state?token={guarded.token}").status == 200
    # The page code itself carries no show data: it loads, and then asks for the token.
    assert guarded.get("/stage").status == 200


def test_public_views_open_without_the_token_but_commands_do_not(remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(force_token=True, public_views=True)
    assert remote.get("/api/state").status == 200
    assert remote.command("go").status == 401
    assert remote.get("/api/state", headers={"X-Runofshow-Token": "wrong"}).status == 403


def test_view_urls_carry_the_view_token_only_when_a_display_needs_it(remote_factory: Callable[..., Remote]) -> None:
    open_views = remote_factory()
    assert "token" not in open_views.server.view_urls()["stage"]
    guarded = remote_factory(force_token=True)
    assert guarded.server.view_urls()["stage"].endswith(f"/stage?token={guarded.server.view_token}")
    public = remote_factory(force_token=True, public_views=True)
    assert "token" not in public.server.view_urls()["stage"]

