"""The network side of the show record (issue 10): no snapshot content, no broken display, no slow
command and no retry may freeze the show, silence a display or lie to a controller.

Each test drives the real server against the real bridge (see conftest.py); where the command table
would refuse the input first, the snapshot is handed to the publisher directly, so what is proved is
the network side alone. Nothing sleeps: a slow Qt thread or a slow disk is a callback held back until
the server has given up waiting (the tiny `command_timeout` is the only time that passes).
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from PySide6.QtCore import QCoreApplication
from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message_builder import OscMessageBuilder

from runofshow.core.show import Outcome, ShowPhase
from runofshow.io.session import JournalHealth
from runofshow.qt.bridge import ShowBridge
from runofshow.remote import osc as osc_module
from runofshow.remote import relay as relay_module
from runofshow.remote.hub import Hub
from runofshow.remote.relay import SnapshotPublisher, serialise
from tests.core.helpers import at
from tests.remote.browser import CHROMIUM
from tests.remote.conftest import LOOPBACK, Remote
from tests.remote.test_browser_views import View, view  # noqa: F401  (fixtures)

RED = "rgb(255, 59, 48)"


# -- helpers ------------------------------------------------------------------------------------------


def strict_json(text: str) -> Any:
    """json.loads without Python's leniency: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def get_text(remote: Remote, path: str) -> tuple[int, str]:
    """Status and body of a GET, the body decoded as strict UTF-8 (as a browser's JSON.parse needs)."""

    async def go() -> tuple[int, str]:
        async with remote.client.session.get(remote.base + path) as response:
            return response.status, (await response.read()).decode("utf-8")

    return remote.wait(remote.client.run_soon(go()))


def publisher(remote: Remote) -> SnapshotPublisher:
    published = remote.server._publisher
    assert published is not None
    return published


async def _next_state(ws: aiohttp.ClientWebSocketResponse, wanted: Callable[[dict[str, Any]], bool],
                      timeout: float) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            message = await ws.receive()
            assert message.type is aiohttp.WSMsgType.TEXT, message
            envelope = strict_json(message.data)
            if wanted(envelope["state"]):
                return envelope["state"]  # type: ignore[no-any-return]


def receive(remote: Remote, ws: aiohttp.ClientWebSocketResponse, wanted: Callable[[dict[str, Any]], bool],
            timeout: float = 5.0) -> dict[str, Any]:
    return remote.wait(remote.client.run_soon(_next_state(ws, wanted, timeout)), int(timeout * 1000) + 2000)


def open_displays(remote: Remote, count: int) -> list[aiohttp.ClientWebSocketResponse]:
    """Displays connected to /ws, each past its first snapshot."""

    async def connect() -> aiohttp.ClientWebSocketResponse:
        ws = await remote.client.session.ws_connect(f"{remote.base}/ws")
        await _next_state(ws, lambda s: True, 5.0)
        return ws

    return [remote.wait(remote.client.run_soon(connect())) for _ in range(count)]


def close_displays(remote: Remote, sockets: list[aiohttp.ClientWebSocketResponse]) -> None:
    async def close() -> None:
        for ws in sockets:
            await ws.close()

    remote.wait(remote.client.run_soon(close()))


def count_commands(remote: Remote) -> list[Outcome]:
    done: list[Outcome] = []
    remote.bridge.command_done.connect(done.append)
    return done


def defer_durable(remote: Remote, monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], None]]:
    """A disk that is slow to confirm: `when_durable` callbacks wait in the list until the test calls them."""
    waiting: list[Callable[[], None]] = []
    monkeypatch.setattr(remote.bridge, "when_durable", waiting.append)
    return waiting


def release(waiting: list[Callable[[], None]]) -> None:
    while waiting:
        waiting.pop(0)()


def watch_cancel(remote: Remote, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Set (on the network thread) the moment the server gives up waiting and tries to cancel a command."""
    tried = threading.Event()
    relay = remote.server._relay
    submit = relay.submit

    def submit_and_watch(name: str, args: Any) -> Future[Any]:
        future = submit(name, args)
        cancel = future.cancel

        def watched_cancel() -> bool:
            tried.set()
            return cancel()

        future.cancel = watched_cancel  # type: ignore[method-assign]
        return future

    monkeypatch.setattr(relay, "submit", submit_and_watch)
    return tried


@pytest.fixture
def journal_health(monkeypatch: pytest.MonkeyPatch) -> list[JournalHealth]:
    """Append a JournalHealth to make every bridge report it (the disk-full case without filling a disk)."""
    forced: list[JournalHealth] = []
    original = ShowBridge.journal_health
    assert isinstance(original, property) and original.fget is not None
    real = original.fget
    monkeypatch.setattr(ShowBridge, "journal_health", property(lambda self: forced[-1] if forced else real(self)))
    return forced


def latest(remote: Remote) -> dict[str, Any]:
    snapshot = remote.server.hub.latest
    assert snapshot is not None
    return strict_json(snapshot.text)  # type: ignore[no-any-return]


# -- case 2: what a snapshot contains can never break the state, the displays or the Qt signal ---------


def test_a_lone_surrogate_reaches_the_state_and_every_display_as_a_replacement_character(remote: Remote) -> None:
    sockets = open_displays(remote, 3)
    try:
        publisher(remote).publish(replace(remote.bridge.state, message="x\ud800"))
        status, text = get_text(remote, "/api/state")
        assert status == 200, text
        assert strict_json(text)["message"] == "x\ufffd"
        for ws in sockets:
            assert receive(remote, ws, lambda s: s["message"] == "x\ufffd")["message"] == "x\ufffd"
        # And they all still hear what comes next: no writer died on the way.
        assert remote.command("message", {"text": "Mic check"}).status == 200
        for ws in sockets:
            receive(remote, ws, lambda s: s["message"] == "Mic check")
        assert remote.get("/api/state").body["message"] == "Mic check"
    finally:
        close_displays(remote, sockets)


def test_a_snapshot_that_cannot_be_serialised_is_logged_once_and_the_last_good_one_stays(
        remote: Remote, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    assert remote.command("go").status == 200
    remote.qtbot.waitUntil(lambda: latest(remote)["phase"] == "running")
    good = remote.get("/api/state").body

    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ValueError("this snapshot cannot be serialised")

    monkeypatch.setattr(relay_module, "live_to_json", broken)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            publisher(remote).publish(remote.bridge.state)  # a Qt slot: it must not raise
        said = [r for r in caplog.records if "this snapshot cannot be serialised" in r.getMessage()]
        assert len(said) == 1  # once per distinct error, not once a second for the rest of the show
        reply = remote.get("/api/state")
        assert reply.status == 200 and reply.body == good  # the last good snapshot

        def other(*args: Any, **kwargs: Any) -> dict[str, Any]:
            raise TypeError("another problem")

        monkeypatch.setattr(relay_module, "live_to_json", other)
        publisher(remote).publish(remote.bridge.state)
        assert len([r for r in caplog.records if "another problem" in r.getMessage()]) == 1
    monkeypatch.undo()
    assert remote.command("pause").status == 200
    remote.qtbot.waitUntil(lambda: latest(remote)["phase"] == "paused")  # publishing works again


def test_non_finite_numbers_go_out_as_null_never_as_nan(remote: Remote) -> None:
    sockets = open_displays(remote, 1)
    try:
        odd = replace(remote.bridge.state, elapsed=float("nan"), remaining=float("inf"),
                      target_remaining=float("-inf"), message="odd numbers")
        publisher(remote).publish(odd)
        status, text = get_text(remote, "/api/state")
        assert status == 200
        state = strict_json(text)
        assert state["message"] == "odd numbers"
        assert state["timer"]["elapsed"] is None and state["timer"]["remaining"] is None
        assert state["target_remaining"] is None
        pushed = receive(remote, sockets[0], lambda s: s["message"] == "odd numbers")  # parsed strictly too
        assert pushed["timer"]["remaining"] is None
    finally:
        close_displays(remote, sockets)


class BrokenSocket:
    """A display's socket that fails every write (everything else as the real one)."""

    def __init__(self, real: object) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def write(self, data: bytes) -> None:
        raise ValueError("this display's socket broke")


def test_a_display_whose_socket_fails_is_closed_and_logged_and_the_others_keep_receiving(
        remote: Remote, caplog: pytest.LogCaptureFixture) -> None:
    first = open_displays(remote, 1)
    remote.qtbot.waitUntil(lambda: len(remote.server.hub.clients) == 1)
    broken = next(iter(remote.server.hub.clients))
    others = open_displays(remote, 2)

    async def fail(*args: Any, **kwargs: Any) -> None:
        raise ValueError("this display's socket broke")

    broken.ws.send_frame = fail  # type: ignore[method-assign]
    # The push's direct write fails too.
    broken.transport = BrokenSocket(broken.transport)  # type: ignore[assignment]
    try:
        with caplog.at_level(logging.WARNING):
            assert remote.command("message", {"text": "Mic check"}).status == 200
            for ws in others:
                receive(remote, ws, lambda s: s["message"] == "Mic check")

            async def closed(ws: aiohttp.ClientWebSocketResponse) -> aiohttp.WSMsgType:
                async with asyncio.timeout(5):
                    while (message := await ws.receive()).type is aiohttp.WSMsgType.TEXT:
                        pass
                return message.type

            # The broken display is closed, so it reconnects, rather than left open and silent forever.
            assert remote.wait(remote.client.run_soon(closed(first[0]))) in (aiohttp.WSMsgType.CLOSE,
                                                                            aiohttp.WSMsgType.CLOSED)
            remote.qtbot.waitUntil(lambda: broken not in remote.server.hub.clients)
            assert any("this display's socket broke" in (r.getMessage() + str(r.exc_info)) for r in caplog.records)
        # The others still hear the next change.
        assert remote.command("clear_message").status == 200
        for ws in others:
            receive(remote, ws, lambda s: s["message"] == "")
    finally:
        close_displays(remote, first + others)


def test_a_client_that_breaks_the_push_never_stops_it_for_the_others(
        remote: Remote, caplog: pytest.LogCaptureFixture) -> None:
    loop = asyncio.new_event_loop()
    try:
        hub = Hub(loop)

        def explode() -> None:
            raise RuntimeError("a broken client")

        class FakeClient:
            def __init__(self, wake: Any) -> None:
                self.wake, self.ws = wake, None

        broken = FakeClient(SimpleNamespace(set=explode))
        good = FakeClient(asyncio.Event())
        hub.clients = {broken, good}  # type: ignore[arg-type]
        with caplog.at_level(logging.WARNING):
            hub.publish(serialise(remote.bridge.state, 1.0))  # called on the loop: it must not raise
        assert good.wake.is_set()
        assert broken not in hub.clients  # dropped, so it does not fail every second
        assert any("a broken client" in (r.getMessage() + str(r.exc_info)) for r in caplog.records)
        hub.close()
    finally:
        loop.close()


# -- case 9: 503 only when the command certainly did not run -----------------------------------------


def test_a_command_still_running_at_the_timeout_answers_its_real_result_not_503(
        remote_factory: Callable[..., Remote], monkeypatch: pytest.MonkeyPatch) -> None:
    remote = remote_factory(command_timeout=0.1)
    tried = watch_cancel(remote, monkeypatch)
    run = remote.bridge.run

    def busy_run(name: str, args: Any = None) -> Outcome:
        assert tried.wait(5)  # the Qt thread is busy until the server has given up waiting
        return run(name, args)

    monkeypatch.setattr(remote.bridge, "run", busy_run)
    done = count_commands(remote)
    reply = remote.command("go")
    assert tried.is_set()
    assert reply.status == 200, reply.body  # it ran: the controller must not be told "not run"
    assert reply.body["ok"] is True and reply.body["state"]["phase"] == "running"
    assert len(done) == 1 and remote.bridge.state.phase is ShowPhase.RUNNING


def test_a_command_whose_entry_is_still_being_written_at_the_timeout_answers_its_real_result(
        remote_factory: Callable[..., Remote], monkeypatch: pytest.MonkeyPatch) -> None:
    remote = remote_factory(command_timeout=0.1)
    tried = watch_cancel(remote, monkeypatch)
    waiting = defer_durable(remote, monkeypatch)
    reply = remote.client.request("POST", remote.base + "/api/command/go")
    remote.qtbot.waitUntil(lambda: len(waiting) == 1)  # it ran; its entry is not on disk yet
    remote.qtbot.waitUntil(tried.is_set)  # the server's timeout has passed meanwhile
    assert remote.get("/api/state").status == 200  # a round trip: the server is answering
    assert not reply.done()  # ... but not this one, since it waits for the real result
    release(waiting)
    answered = remote.wait(reply)
    assert answered.status == 200 and answered.body["ok"] is True, answered.body
    assert remote.bridge.state.phase is ShowPhase.RUNNING


def test_a_command_the_qt_thread_never_took_is_still_503_and_never_runs(
        remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(command_timeout=0.1)
    reply = remote.client.request("POST", remote.base + "/api/command/go").result(5)  # Qt thread held
    assert reply.status == 503 and "not run" in reply.body["error"]
    QCoreApplication.processEvents()
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW


# -- the reply waits for the record, and says how the record is --------------------------------------


def test_the_reply_goes_out_only_once_the_entry_is_durable(remote: Remote, monkeypatch: pytest.MonkeyPatch) -> None:
    waiting = defer_durable(remote, monkeypatch)
    reply = remote.client.request("POST", remote.base + "/api/command/go")
    remote.qtbot.waitUntil(lambda: len(waiting) == 1)
    assert remote.bridge.state.phase is ShowPhase.RUNNING  # the command ran...
    assert remote.get("/api/state").status == 200
    assert not reply.done()  # ... but the controller hears "ok" only for what a crash cannot lose
    release(waiting)
    answered = remote.wait(reply)
    assert answered.status == 200 and answered.body["journal_ok"] is True


def test_every_command_reply_and_snapshot_says_whether_the_record_is_saved(
        remote: Remote, journal_health: list[JournalHealth]) -> None:
    healthy = {"ok": True, "error": "", "unsaved": 0}
    assert remote.get("/api/state").body["journal"] == healthy
    reply = remote.command("go")
    assert reply.status == 200 and reply.body["journal_ok"] is True
    assert "journal_error" not in reply.body and "unsaved" not in reply.body
    assert reply.body["state"]["journal"] == healthy

    journal_health.append(JournalHealth(False, "No space left on device", 3))
    sick = {"ok": False, "error": "No space left on device", "unsaved": 3}
    reply = remote.command("next")
    assert reply.status == 200 and reply.body["ok"] is True  # the show goes on...
    assert reply.body["journal_ok"] is False  # ... and the controller is told the record is not whole
    assert reply.body["journal_error"] == "No space left on device" and reply.body["unsaved"] == 3
    assert reply.body["state"]["journal"] == sick
    refused = remote.command("resume")
    assert refused.status == 409 and refused.body["refused"] is True
    assert refused.body["journal_ok"] is False and refused.body["journal_error"] == "No space left on device"
    assert refused.body["unsaved"] == 3 and refused.body["state"]["journal"] == sick
    remote.qtbot.waitUntil(lambda: latest(remote)["journal"] == sick)
    assert remote.get("/api/state").body["journal"] == sick


def test_a_change_of_the_records_health_is_pushed_to_the_displays_at_once(
        remote: Remote, journal_health: list[JournalHealth], monkeypatch: pytest.MonkeyPatch) -> None:
    state = remote.bridge.state
    assert serialise(state, 1.0, JournalHealth(True)).key != serialise(
        state, 1.0, JournalHealth(False, "disk full", 1)).key
    sockets = open_displays(remote, 1)
    try:
        remote.bridge.stop()  # no wake-ups: only the news itself may bring the push
        journal_health.append(JournalHealth(False, "disk full", 1))
        remote.bridge.journal_trouble.emit("disk full")
        assert receive(remote, sockets[0], lambda s: not s["journal"]["ok"])["journal"] == {
            "ok": False, "error": "disk full", "unsaved": 1}

        # The health a command's write ends with is pushed when that write ends, not at the next second.
        waiting = defer_durable(remote, monkeypatch)
        reply = remote.client.request("POST", remote.base + "/api/command/go")
        remote.qtbot.waitUntil(lambda: len(waiting) == 1)
        remote.bridge.stop()  # the command's own tick scheduled a wake-up again
        receive(remote, sockets[0], lambda s: s["phase"] == "running")
        journal_health.append(JournalHealth(False, "disk full", 2))
        release(waiting)
        assert remote.wait(reply).body["unsaved"] == 2
        assert receive(remote, sockets[0], lambda s: s["journal"]["unsaved"] == 2)
    finally:
        close_displays(remote, sockets)


# -- Idempotency-Key: a retried command runs once ------------------------------------------------------


def test_a_retry_with_the_same_idempotency_key_runs_once_and_gets_the_first_reply(remote: Remote) -> None:
    assert remote.command("go").status == 200
    done = count_commands(remote)
    key = {"Idempotency-Key": "companion-7f3a-0001"}
    first = remote.command("add_time", {"seconds": 60}, headers=key)
    again = remote.command("add_time", {"seconds": 60}, headers=key)
    assert first.status == again.status == 200
    assert again.body == first.body
    assert remote.bridge.state.added == 60 and len(done) == 1
    # A refusal is a reply like any other: the retry gets it again without asking the show twice.
    refusal = {"Idempotency-Key": "companion-7f3a-0002"}
    refused = [remote.command("resume", headers=refusal) for _ in range(2)]
    assert refused[0].status == refused[1].status == 409 and refused[0].body == refused[1].body
    assert len(done) == 2
    # Another key is another command.
    assert remote.command("add_time", {"seconds": 60}, headers={"Idempotency-Key": "companion-7f3a-0003"}
                          ).status == 200
    assert remote.bridge.state.added == 120


def test_the_same_idempotency_key_with_another_command_or_other_arguments_is_422(remote: Remote) -> None:
    assert remote.command("go").status == 200
    key = {"Idempotency-Key": "k-1"}
    assert remote.command("add_time", {"seconds": 60}, headers=key).status == 200
    for name, args in (("add_time", {"seconds": 30}), ("next", None), ("goto", {"slot": "break"})):
        reply = remote.command(name, args, headers=key)
        assert reply.status == 422, (name, reply.body)
        assert "Idempotency-Key" in reply.body["error"]
    assert remote.bridge.state.added == 60
    assert remote.bridge.state.current is not None and remote.bridge.state.current.id == "welcome"


@pytest.mark.parametrize("key", [b"", b"a" * 201, b"caf\xc3\xa9", b"tab\there"])
def test_an_idempotency_key_that_is_not_short_printable_ascii_is_400(remote: Remote, key: bytes) -> None:
    answer = remote.raw(b"POST /api/command/go HTTP/1.1\r\nHost: 127.0.0.1\r\nIdempotency-Key: " + key
                        + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    assert b"Idempotency-Key" in answer
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW
    assert remote.command("go", headers={"Idempotency-Key": "a" * 200}).status == 200  # 200 characters is fine


def test_a_retry_that_arrives_while_the_first_is_running_waits_for_the_same_result(
        remote: Remote, monkeypatch: pytest.MonkeyPatch) -> None:
    waiting = defer_durable(remote, monkeypatch)
    done = count_commands(remote)
    key = {"Idempotency-Key": "retry-while-running"}
    first = remote.client.request("POST", remote.base + "/api/command/go", headers=key)
    remote.qtbot.waitUntil(lambda: len(waiting) == 1)
    second = remote.client.request("POST", remote.base + "/api/command/go", headers=key)
    remote.qtbot.waitUntil(lambda: remote.server.app.idempotency.joined == 1)  # the retry is waiting
    assert not first.done() and not second.done()
    release(waiting)
    one, two = remote.wait(first), remote.wait(second)
    assert one.status == two.status == 200 and one.body == two.body
    assert len(done) == 1 and not waiting


def test_a_retry_after_a_503_runs_the_command_once(remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(command_timeout=0.1)
    key = {"Idempotency-Key": "after-503"}
    refused = remote.client.request("POST", remote.base + "/api/command/go", headers=key).result(5)
    assert refused.status == 503  # the Qt thread was held: certainly not run...
    QCoreApplication.processEvents()
    assert remote.bridge.state.phase is ShowPhase.PRE_SHOW
    done = count_commands(remote)
    retried = remote.command("go", headers=key)  # ... so the retry runs it
    assert retried.status == 200 and remote.bridge.state.phase is ShowPhase.RUNNING
    again = remote.command("go", headers=key)
    assert again.status == 200 and again.body == retried.body and len(done) == 1


# -- the show loop never stops on the network side -----------------------------------------------------


def test_an_exception_in_the_osc_handler_is_logged_and_the_rest_of_the_packet_still_runs(
        remote_factory: Callable[..., Remote], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    remote = remote_factory(osc_port=0)
    arguments = osc_module.osc_arguments

    def fragile(name: str, values: list[object]) -> tuple[dict[str, object], str]:
        if name == "flash":
            raise RuntimeError("the OSC handler broke")
        return arguments(name, values)

    monkeypatch.setattr(osc_module, "osc_arguments", fragile)
    bundle = OscBundleBuilder(IMMEDIATELY)
    for name in ("flash", "go"):
        bundle.add_content(OscMessageBuilder(f"/runofshow/{name}").build())  # type: ignore[arg-type]
    assert remote.server.bound is not None and remote.server.bound.osc_port
    with caplog.at_level(logging.WARNING), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, \
            remote.qtbot.wait_signal(remote.bridge.command_done, timeout=5000) as done:
        sock.sendto(bundle.build().dgram, (LOOPBACK, remote.server.bound.osc_port))
    assert done.args is not None and done.args[0].accepted
    assert remote.bridge.state.phase is ShowPhase.RUNNING
    counters = remote.server.osc_counters
    assert counters is not None and "RuntimeError" in counters.last_problem
    assert any("the OSC handler broke" in (r.getMessage() + str(r.exc_info)) for r in caplog.records)


# -- what a person backstage sees --------------------------------------------------------------------------


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_backstage_says_in_red_that_the_record_is_not_saved(
        view: Callable[..., View], journal_health: list[JournalHealth], tmp_path: Path) -> None:  # noqa: F811
    backstage = view("backstage", at(13, 32), [("go", None)], at(13, 40))
    assert backstage.js("document.getElementById('journal').hidden") is True
    backstage.shot(tmp_path, "web-backstage-record-saved.png")
    journal_health.append(JournalHealth(False, "No space left on device", 2))
    backstage.remote.bridge.journal_trouble.emit("No space left on device")
    backstage.wait_for("!document.getElementById('journal').hidden", 5000)
    assert backstage.texts("journal")["journal"] == "RECORD NOT SAVED: No space left on device"
    assert backstage.js("getComputedStyle(document.getElementById('journal')).backgroundColor") == RED
    shot = backstage.shot(tmp_path, "web-backstage-record-not-saved.png")
    print(f"backstage with the record not saved: {shot}")
    # Once the record is whole again the line goes away.
    journal_health.append(JournalHealth(True))
    backstage.remote.bridge.journal_trouble.emit("")
    backstage.wait_for("document.getElementById('journal').hidden", 5000)

