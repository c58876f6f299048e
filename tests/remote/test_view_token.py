"""The read-only view token: what the browser views' addresses carry. It opens the views and nothing else; the
control token never goes in an address we make; either token can be renewed, and renewing shuts out whoever
held the old one at once (HTTP, WebSocket, OSC)."""

from __future__ import annotations

import asyncio
import json
import stat
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from multidict import CIMultiDict
from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock
from runofshow.core.show import ShowPhase
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.http_app import TOKEN_KIND, RemoteApp
from runofshow.remote.hub import Hub
from runofshow.remote.options import (
    TOKEN_FILE,
    VIEW_TOKEN_FILE,
    RemoteOptions,
    load_or_create_token,
)
from runofshow.remote.server import RemoteServer, start_server
from tests.core.helpers import at, seed
from tests.remote.conftest import LOOPBACK, Client, Remote
from tests.remote.test_osc import send


def token_in(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


@pytest.fixture
def kept(qtbot: QtBot, tmp_path: Path) -> Iterator[Remote]:
    """A guarded server started as the app starts it: both tokens kept in the state folder, OSC on."""
    clock = FakeClock(at(13, 29).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), tmp_path / "state"), clock)
    server = start_server(bridge, RemoteOptions(host=LOOPBACK, port=0, osc_port=0, force_token=True),
                          tmp_path / "state")
    assert server is not None and server.running, server and server.error
    remote = Remote(bridge, clock, server, Client(), qtbot)
    yield remote
    remote.client.close()
    server.stop()
    bridge.stop()
    bridge.session.close()


def guarded_app(**changes: object) -> RemoteApp:
    hub = Hub(asyncio.new_event_loop())
    hub._loop.close()  # not run: the guard alone is called, with made-up requests
    options = replace(RemoteOptions(force_token=True), **changes)
    return RemoteApp(options, CONTROL, None, hub, Path("."), view_token=VIEW)  # type: ignore[arg-type]


def through_guard(app: RemoteApp, path: str, headers: list[tuple[str, str]],
                  method: str = "GET") -> tuple[int, web.Request]:
    request = make_mocked_request(method, path, headers=CIMultiDict(headers))

    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(text="ok")

    return asyncio.run(app._guard(request, handler)).status, request


CONTROL, VIEW = "c" * 43, "v" * 43
HOST = ("Host", "127.0.0.1:4790")


@pytest.mark.parametrize(("token", "kind"), [(CONTROL, "control"), (VIEW, "view"), (None, None)])
def test_the_guard_records_which_token_a_request_presented(token: str | None, kind: str | None) -> None:
    headers = [HOST] if token is None else [HOST, ("X-Runofshow-Token", token)]
    status, request = through_guard(guarded_app(public_views=True), "/api/state", headers)
    assert status == 200 and request.get(TOKEN_KIND) == kind  # the WebSocket slots read it (NET_CONTRACT.md)


@pytest.mark.parametrize("path", ["/", "/stage", "/api/state", "/ws"])
def test_the_guard_itself_refuses_two_host_or_origin_headers(path: str) -> None:
    """Whatever the HTTP parser lets through (aiohttp's lax mode and older ones keep both)."""
    token = ("X-Runofshow-Token", CONTROL)
    assert through_guard(guarded_app(), path, [HOST, token])[0] == 200
    assert through_guard(guarded_app(), path, [HOST, ("Host", "attacker.example"), token])[0] == 400
    assert through_guard(guarded_app(), path, [HOST, ("Origin", "http://127.0.0.1:4790"),
                                               ("Origin", "http://attacker.example"), token])[0] == 400


def test_a_view_address_opens_the_views_but_runs_no_command(guarded: Remote) -> None:
    stage = guarded.server.view_urls()["stage"]
    view_token = token_in(stage)
    assert view_token != guarded.token
    assert guarded.get(f"/api/state?token={view_token}").status == 200
    assert guarded.get("/api/state", headers={"X-Runofshow-Token": view_token}).status == 200
    for headers in ({"Authorization": f"Bearer {view_token}"}, {"X-Runofshow-Token": view_token}):
        reply = guarded.command("go", headers=headers)
        assert reply.status == 403 and "control token" in reply.body["error"], reply.body
    assert guarded.post(f"/api/command/go?token={view_token}").status == 403
    assert guarded.bridge.state.phase is ShowPhase.PRE_SHOW
    assert guarded.command("go", headers={"X-Runofshow-Token": guarded.token}).status == 200


def test_on_loopback_the_view_token_runs_no_command_either(remote: Remote) -> None:
    reply = remote.command("go", headers={"X-Runofshow-Token": remote.server.view_token})
    assert reply.status == 403
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


def test_no_address_we_make_carries_the_control_token(remote_factory: Callable[..., Remote]) -> None:
    for changes in ({}, {"force_token": True}, {"force_token": True, "public_views": True}):
        remote = remote_factory(**changes)
        urls = [*remote.server.view_urls().values(), *remote.server.view_urls("192.168.1.20").values(),
                remote.server.url("/"), remote.server.url("/api/state", with_view_token=True)]
        assert all(remote.token not in url for url in urls), urls
    guarded = remote_factory(force_token=True)
    assert guarded.server.view_urls()["stage"].endswith(f"/stage?token={guarded.server.view_token}")


def test_the_view_token_is_kept_in_the_state_folder_like_the_control_token(tmp_path: Path) -> None:
    state = tmp_path / "state"
    control = load_or_create_token(state)
    view = load_or_create_token(state, VIEW_TOKEN_FILE)
    assert len(view) >= 40 and view != control
    assert stat.S_IMODE((state / VIEW_TOKEN_FILE).stat().st_mode) == 0o600
    assert load_or_create_token(state, VIEW_TOKEN_FILE) == view
    assert load_or_create_token(state, TOKEN_FILE) == control


def test_the_app_starts_with_both_kept_tokens(kept: Remote, tmp_path: Path) -> None:
    state = tmp_path / "state"
    assert kept.server.token == (state / TOKEN_FILE).read_text().strip()
    assert kept.server.view_token == (state / VIEW_TOKEN_FILE).read_text().strip()


def test_views_without_a_token_are_asked_for_the_view_token(guarded: Remote) -> None:
    reply = guarded.get("/api/state")
    assert reply.status == 401 and "view token" in reply.body["error"]


def test_osc_takes_only_the_control_token(kept: Remote) -> None:
    counters = kept.server.osc_counters
    assert counters is not None
    send(kept, "/runofshow/go", kept.server.view_token)
    kept.qtbot.waitUntil(lambda: counters.refused_token == 1)
    assert kept.bridge.state.phase is ShowPhase.PRE_SHOW


async def open_ws(remote: Remote, token: str) -> aiohttp.ClientWebSocketResponse:
    ws = await remote.client.session.ws_connect(f"{remote.base}/ws?token={token}")
    message = await ws.receive(timeout=5)
    assert message.type is aiohttp.WSMsgType.TEXT
    return ws


async def closed(ws: aiohttp.ClientWebSocketResponse) -> bool:
    """True once the server closes it; False if a state push comes instead (it is still open)."""
    async with asyncio.timeout(5):
        while True:
            message = await ws.receive()
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
                return True
            if message.type is aiohttp.WSMsgType.TEXT and json.loads(message.data)["state"]["phase"] == "running":
                return False


async def close_all(*sockets: aiohttp.ClientWebSocketResponse) -> None:
    for ws in sockets:
        await ws.close()


def test_websockets_remember_which_token_they_came_with(kept: Remote) -> None:
    view_ws = kept.wait(kept.client.run_soon(open_ws(kept, kept.server.view_token)))
    control_ws = kept.wait(kept.client.run_soon(open_ws(kept, kept.token)))
    kept.qtbot.waitUntil(lambda: len(kept.server.hub.clients) == 2)
    assert sorted(str(c.token_kind) for c in kept.server.hub.clients) == ["control", "view"]
    kept.wait(kept.client.run_soon(close_all(view_ws, control_ws)))


@pytest.mark.parametrize("kind", ["view", "control"])
def test_renewing_a_token_shuts_out_its_holders_at_once(kept: Remote, tmp_path: Path, kind: str) -> None:
    old_view, old_control = kept.server.view_token, kept.token
    view_ws = kept.wait(kept.client.run_soon(open_ws(kept, old_view)))
    control_ws = kept.wait(kept.client.run_soon(open_ws(kept, old_control)))
    kept.qtbot.waitUntil(lambda: len(kept.server.hub.clients) == 2)

    kept.server.renew_token(kind)

    new_view, new_control = kept.server.view_token, kept.token
    file = VIEW_TOKEN_FILE if kind == "view" else TOKEN_FILE
    assert (tmp_path / "state" / file).read_text().strip() == (new_view if kind == "view" else new_control)
    assert (new_view != old_view) == (kind == "view") and (new_control != old_control) == (kind == "control")
    old = old_view if kind == "view" else old_control
    assert kept.get(f"/api/state?token={old}").status == 403
    assert kept.get(f"/api/state?token={new_view}").status == 200
    # The other holders go on: a command with the (current) control token reaches the WebSocket left open.
    assert kept.command("go", headers={"X-Runofshow-Token": new_control}).status == 200
    renewed_ws, other_ws = (view_ws, control_ws) if kind == "view" else (control_ws, view_ws)
    assert kept.wait(kept.client.run_soon(closed(renewed_ws)))
    assert not kept.wait(kept.client.run_soon(closed(other_ws)))
    assert [c.token_kind for c in kept.server.hub.clients] == ["control" if kind == "view" else "view"]
    # Coming back with the old token is refused.
    with pytest.raises(aiohttp.WSServerHandshakeError):
        kept.wait(kept.client.run_soon(open_ws(kept, old)))
    kept.wait(kept.client.run_soon(close_all(view_ws, control_ws)))


def test_renewing_the_control_token_shuts_out_old_osc_and_commands(kept: Remote) -> None:
    old = kept.token
    kept.server.renew_token("control")
    assert kept.command("go", headers={"Authorization": f"Bearer {old}"}).status == 403
    counters = kept.server.osc_counters
    assert counters is not None
    send(kept, "/runofshow/go", old)
    kept.qtbot.waitUntil(lambda: counters.refused_token == 1)
    assert kept.bridge.state.phase is ShowPhase.PRE_SHOW
    with kept.qtbot.wait_signal(kept.bridge.command_done, timeout=5000):
        send(kept, "/runofshow/go", kept.token)
    assert kept.bridge.state.phase is ShowPhase.RUNNING


def test_a_token_that_cannot_be_kept_is_not_renewed(kept: Remote, tmp_path: Path) -> None:
    state = tmp_path / "state"
    old = kept.server.view_token
    kept.server.state_dir = state / TOKEN_FILE / "not-a-folder"  # a file where the folder should be
    with pytest.raises(OSError):
        kept.server.renew_token("view")
    assert kept.server.view_token == old
    assert kept.get(f"/api/state?token={old}").status == 200


def test_a_server_made_without_a_view_token_still_has_one(qtbot: QtBot, tmp_path: Path) -> None:
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), tmp_path / "state"), FakeClock(at(13, 29).t))
    server = RemoteServer(bridge, RemoteOptions(), "c" * 43)
    assert len(server.view_token) >= 40 and server.view_token != server.token
    bridge.stop()
    bridge.session.close()
