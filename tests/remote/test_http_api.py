"""The HTTP API on a real server: every command, refusals, malformed input, limits, files, origins."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from runofshow.core.commands import COMMANDS
from runofshow.core.show import ShowPhase
from runofshow.remote.relay import serialise
from tests.core.helpers import at
from tests.remote.conftest import Remote

# Every command in the table, in an order where each one is accepted, and what it shows after.
SCENARIO: list[tuple[str, dict[str, Any] | None, Callable[[dict[str, Any]], bool]]] = [
    ("roll", {"on": True}, lambda s: s["roll"] is True),
    ("roll", {"on": False}, lambda s: s["roll"] is False),
    ("go", None, lambda s: s["phase"] == "running" and s["current"]["id"] == "welcome"),
    ("pause", None, lambda s: s["phase"] == "paused"),
    ("resume", None, lambda s: s["phase"] == "running"),
    ("add_time", {"seconds": 60}, lambda s: s["timer"]["added"] == 60 and s["timer"]["duration"] == 960),
    ("next", None, lambda s: s["current"]["id"] == "status-norway"),
    ("previous", None, lambda s: s["current"]["id"] == "welcome"),
    ("goto", {"slot": "policy-panel"}, lambda s: s["current"]["id"] == "policy-panel" and s["cue"]["index"] == 0),
    ("next_cue", None, lambda s: s["cue"]["index"] == 1 and s["cue"]["speaker"]["name"] == "András G. Inotai"),
    ("previous_cue", None, lambda s: s["cue"]["index"] == 0),
    ("message", {"text": "Please  wrap up", "flash": True}, lambda s: s["message"] == "Please wrap up"
     and s["flashing"]),
    ("clear_message", None, lambda s: s["message"] == ""),
    ("message", {"text": "Last question", "to": "moderator", "pin": True},
     lambda s: s["moderator_message"] == "Last question" and s["moderator_message_pinned"] and s["message"] == ""),
    ("pin_message", {"on": False, "to": "moderator"}, lambda s: not s["moderator_message_pinned"]),
    ("clear_message", {"to": "moderator"}, lambda s: s["moderator_message"] == ""),
    ("flash", None, lambda s: s["flashing"] and s["flash_remaining"] == 5.0),
    ("blackout", {"display": "stage", "on": True}, lambda s: s["blackout"] == ["stage"]),
    ("holding", {"on": True}, lambda s: s["holding"] is True and s["holding_slide"] == "logo"),
    ("reset", None, lambda s: s["phase"] == "between"),
    ("undo", None, lambda s: s["phase"] == "running" and s["last_command"].startswith("undid reset")),
    # The plan commands, while the policy panel runs: the show stays on it whatever moves around it.
    ("insert_slot", {"after": "welcome", "title": "Surprise guest", "duration": 300, "id": "guest",
                     "speakers": ["Kari Nordmann, Mayor, Oslo"]},
     lambda s: [r["id"] for r in s["rundown"]][1] == "guest" and s["current"]["id"] == "policy-panel"
     and s["index"] == 8 and s["rundown"][1]["start"] == "2023-11-30T13:45:00+01:00"),
    ("edit_slot", {"slot": "policy-panel", "duration": 1200}, lambda s: s["timer"]["duration"] == 1200 + 0),
    ("shift", {"minutes": 5, "from": "closing"}, lambda s: s["next"]["start"] == "2023-11-30T16:05:00+01:00"),
    ("skip_slot", {"slot": "closing", "on": True}, lambda s: s["next"]["id"] == "reception"
     and s["expected"][-2]["start"] is None),
    ("move_slot", {"slot": "closing", "after": "reception"}, lambda s: s["rundown"][-1]["id"] == "closing"),
    ("delete_slot", {"slot": "closing"}, lambda s: "closing" not in [r["id"] for r in s["rundown"]]),
]


def test_the_scenario_covers_every_command_in_the_table() -> None:
    # take_over runs on a backup laptop only: tests/remote/test_take_over_remote.py sends it over HTTP there.
    assert {name for name, _args, _check in SCENARIO} == set(COMMANDS) - {"take_over"}


def test_every_command_runs_over_http_and_answers_with_the_new_state(remote: Remote) -> None:
    for name, args, shows in SCENARIO:
        reply = remote.command(name, args)
        assert reply.status == 200, (name, reply.body)
        assert reply.body["ok"] is True and reply.body["message"]
        assert shows(reply.body["state"]), (name, reply.body["state"])
        # The state the API answered with is the bridge's own, and GET /api/state agrees.
        assert reply.body["state"]["last_command"] == remote.bridge.state.last_command
        remote.qtbot.waitUntil(lambda: json.loads(remote.server.hub.latest.text)["last_command"]  # type: ignore[union-attr]
                               == remote.bridge.state.last_command)
        assert remote.get("/api/state").body["last_command"] == remote.bridge.state.last_command


def test_a_refused_command_is_409_with_the_engines_reason_and_changes_nothing(remote: Remote) -> None:
    before = serialise(remote.bridge.state, 1.0).key
    reply = remote.command("pause")
    assert reply.status == 409
    assert reply.body["error"] == "nothing is running" and reply.body["refused"] is True
    assert reply.body["state"]["phase"] == "pre-show"
    assert serialise(remote.bridge.state, 1.0).key == before


def test_get_state_is_the_snapshot_with_times_in_iso_and_seconds(remote: Remote) -> None:
    remote.command("go")
    state = remote.get("/api/state").body
    assert state["schema"] == 1
    assert state["server_time"] == remote.clock.now().wall
    assert state["time_of_day"] == "2023-11-30T13:29:00+01:00"
    assert state["current"]["start"] == "2023-11-30T13:30:00+01:00"
    assert state["timer"]["remaining"] == 900.0 and state["timer"]["countdown"] == "15:00"
    assert state["phase_word"] == "ON TIME" and state["colour"] == "#34d27b"
    assert state["theme"]["words"] == {"normal": "ON TIME", "warning": "WRAP UP", "overrun": "OVER TIME"}


def test_the_command_list_is_the_engines_table(remote: Remote) -> None:
    listed = remote.get("/api/commands").body["commands"]
    assert [c["name"] for c in listed] == list(COMMANDS)
    add_time = next(c for c in listed if c["name"] == "add_time")
    assert add_time["params"] == [{"name": "seconds", "type": "int", "required": True,
                                   "help": "seconds, e.g. 60 or -60"}]


@pytest.mark.parametrize(("path", "body", "headers", "expected"), [
    ("/api/command/dance", None, {}, (400, "unknown command 'dance'")),
    ("/api/command/add_time", b'{"seconds": 60', {"Content-Type": "application/json"}, (400, "not valid JSON")),
    ("/api/command/add_time", b'[60]', {"Content-Type": "application/json"}, (400, "must be a JSON object")),
    ("/api/command/add_time", b'{"seconds": "60"}', {"Content-Type": "application/json"}, (400, "whole number")),
    ("/api/command/add_time", b'{"seconds": true}', {"Content-Type": "application/json"}, (400, "whole number")),
    ("/api/command/add_time", b'{}', {"Content-Type": "application/json"}, (400, "needs 'seconds'")),
    ("/api/command/go", b'{"now": 1}', {"Content-Type": "application/json"}, (400, "takes no argument 'now'")),
    ("/api/command/go", b'\xff\xfe', {"Content-Type": "application/json"}, (400, "not valid JSON")),
    ("/api/command/go", b'[' * 5000 + b']' * 5000, {"Content-Type": "application/json"}, (400, "not valid JSON")),
    ("/api/command/message", b'text=hi', {"Content-Type": "application/x-www-form-urlencoded"}, (415,
     "application/json")),
])
def test_malformed_commands_are_400_and_never_reach_the_show(
        remote: Remote, path: str, body: bytes | None, headers: dict[str, str], expected: tuple[int, str]) -> None:
    status, says = expected
    reply = remote.post(path, data=body, headers=headers)
    assert reply.status == status, reply.body
    assert says in reply.body["error"]
    assert remote.server._app is not None and remote.server._app.commands_run == 0
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


def test_an_empty_body_means_no_arguments(remote: Remote) -> None:
    assert remote.post("/api/command/go", data=b"", headers={"Content-Type": "text/plain"}).status == 200


def test_a_body_over_the_limit_is_413(remote: Remote) -> None:
    reply = remote.command("message", {"text": "x" * 20000})
    assert reply.status == 413
    assert remote.bridge.state.message == ""


def test_a_message_longer_than_the_engine_takes_is_refused_with_its_reason(remote: Remote) -> None:
    reply = remote.command("message", {"text": "x" * 281})
    assert reply.status == 409 and "longer than 280" in reply.body["error"]


def test_wrong_methods_and_unknown_paths(remote: Remote) -> None:
    assert remote.get("/api/command/go").status == 405
    assert remote.post("/api/state").status == 405
    assert remote.get("/api/nothing").status == 404
    assert remote.get("/nothing").status == 404


@pytest.mark.parametrize("path", [
    "/web/../runofshow/app.py", "/web/%2e%2e/%2e%2e/pyproject.toml", "/web/..%2f..%2fpyproject.toml",
    "/web/.hidden.js", "/web//etc/passwd", "/web/%2Fetc%2Fpasswd", "/web/common.js%00.html",
    "/web/..\\..\\pyproject.toml", "/web/stage.html/../../../agenda.yaml", "/web/nothing.js",
])
def test_no_file_outside_resources_web_is_served(remote: Remote, path: str) -> None:
    reply = remote.raw(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    status = reply.split(b" ", 2)[1]
    assert status in (b"400", b"404"), reply[:200]
    assert b"[project]" not in reply and b"root:" not in reply and b"import" not in reply


def test_a_symlink_out_of_the_web_root_is_not_followed(remote_factory: Callable[..., Remote],
                                                       tmp_path: Path) -> None:
    root = tmp_path / "web"
    root.mkdir()
    (root / "ok.js").write_text("// fine")
    secret = tmp_path / "secret.js"
    secret.write_text("// secret")
    os.symlink(secret, root / "leak.js")
    remote = remote_factory(web_root=root)
    assert remote.get("/web/ok.js").status == 200
    assert remote.get("/web/leak.js").status == 404


def test_pages_are_served_with_a_strict_content_policy(remote: Remote) -> None:
    for view in ("stage", "projector", "moderator", "backstage"):
        reply = remote.get(f"/{view}")
        assert reply.status == 200 and "<main" in reply.body
        assert "script-src 'self'" in reply.headers["Content-Security-Policy"]
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert remote.get("/web/common.js").headers["Content-Type"].startswith("text/javascript")


def test_no_cors_unless_configured(remote: Remote) -> None:
    elsewhere = {"Origin": "http://evil.example"}
    assert remote.command("go", headers=elsewhere).status == 403
    assert remote.get("/api/state", headers=elsewhere).status == 403
    assert remote.wait(remote.client.request("OPTIONS", remote.base + "/api/command/go",
                                             headers=elsewhere)).status == 403
    same = remote.get("/api/state", headers={"Origin": remote.base})
    assert same.status == 200 and "Access-Control-Allow-Origin" not in same.headers
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


def test_a_configured_origin_may_call_the_api(remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(cors=("http://tools.venue:8000",))
    origin = {"Origin": "http://tools.venue:8000"}
    preflight = remote.wait(remote.client.request("OPTIONS", remote.base + "/api/command/go", headers=origin))
    assert preflight.status == 204 and preflight.headers["Access-Control-Allow-Origin"] == origin["Origin"]
    reply = remote.command("go", headers=origin)
    assert reply.status == 200 and reply.headers["Access-Control-Allow-Origin"] == origin["Origin"]


def test_a_dns_rebinding_host_name_cannot_reach_the_loopback_server(remote: Remote) -> None:
    reply = remote.command("go", headers={"Host": "attacker.example:4790"})
    assert reply.status == 403 and "localhost" in reply.body["error"]
    assert remote.get("/api/state", headers={"Host": f"localhost:{remote.server.port}"}).status == 200


def test_a_body_that_never_arrives_is_408(remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(body_timeout=0.3)
    reply = remote.raw(b"POST /api/command/go HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       b"Content-Length: 100\r\n\r\n{\"a\"")
    assert reply.startswith(b"HTTP/1.1 408"), reply[:100]
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


def test_a_request_that_never_completes_is_closed(remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(idle_timeout=0.3)
    # Slowloris: half a request line, then nothing. The server closes; the test's own limit is 5 s.
    assert remote.raw(b"GET /api/sta", read_timeout=5.0) == b""


def test_oversized_headers_are_refused(remote: Remote) -> None:
    reply = remote.raw(b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 10000 + b"\r\n\r\n")
    assert re.match(rb"HTTP/1\.[01] (400|431) ", reply), reply[:100]


def test_abrupt_disconnects_leave_the_server_answering(remote: Remote) -> None:
    for partial in (b"POST /api/command/go HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50\r\n\r\n{",
                    b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
                    b"GET /api/state HTTP/1.1\r\n"):
        remote.raw(partial, read_timeout=0.2)  # then the connection is dropped mid-way
    assert remote.get("/api/state").status == 200
    assert remote.command("go").status == 200


def test_a_command_the_qt_thread_cannot_take_in_time_is_503_and_never_runs_late(
        remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(command_timeout=0.2)
    # The test holds the Qt thread (no event processing) while the server waits for it.
    future = remote.client.request("POST", remote.base + "/api/command/go")
    reply = future.result(5)
    assert reply.status == 503
    QCoreApplication.processEvents()  # now the queued command is delivered: it sees it was cancelled
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


def test_the_state_keeps_coming_after_a_command_at_another_moment(remote: Remote) -> None:
    remote.command("go")
    remote.set_time(at(13, 43, 30))
    remote.qtbot.waitUntil(lambda: json.loads(remote.server.hub.latest.text)["timer"]["countdown"]  # type: ignore[union-attr]
                           == "00:30")
    state = remote.get("/api/state").body
    assert state["slot_phase"] == "warning" and state["phase_word"] == "WRAP UP"
