"""The WebSocket's parts: the rundown and the runs go with a version, only to a display that lacks that version.

A display gets every part it asked for on connect; a change of the plan (or a slot that ends) bumps the
part's version and the new part arrives in the same message as the first state that names it; a push
with nothing new in a part carries none of it; each push is encoded once and the same bytes go to every
display; and a push during a slot is as small on a 2,000-slot plan as on a 20-slot one.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from bench.big import generate
from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.io.agenda_yaml import load_agenda
from tests.remote.conftest import Remote

Message = dict[str, Any]


async def _messages(ws: aiohttp.ClientWebSocketResponse, until: Callable[[Message], bool],
                    timeout: float = 5.0) -> list[Message]:
    """Every message up to and with the first one `until` accepts."""
    got: list[Message] = []
    async with asyncio.timeout(timeout):
        while True:
            message = await ws.receive()
            assert message.type is aiohttp.WSMsgType.TEXT, message
            envelope: Message = json.loads(message.data)
            envelope["size"] = len(message.data.encode("utf-8"))
            got.append(envelope)
            if until(envelope):
                return got


def connect(remote: Remote, query: str = "") -> tuple[aiohttp.ClientWebSocketResponse, Message]:
    async def go() -> tuple[aiohttp.ClientWebSocketResponse, Message]:
        ws = await remote.client.session.ws_connect(f"{remote.base}/ws{query}")
        return ws, (await _messages(ws, lambda m: True))[0]

    return remote.wait(remote.client.run_soon(go()))


def messages(remote: Remote, ws: aiohttp.ClientWebSocketResponse, until: Callable[[Message], bool]) -> list[Message]:
    return remote.wait(remote.client.run_soon(_messages(ws, until)), 8000)


def close(remote: Remote, *sockets: aiohttp.ClientWebSocketResponse) -> None:
    async def go() -> None:
        for ws in sockets:
            await ws.close()

    remote.wait(remote.client.run_soon(go()))


def test_a_display_gets_the_rundown_and_the_runs_on_connect_with_the_versions_its_state_names(remote: Remote) -> None:
    assert remote.command("go").status == 200
    assert remote.command("next").status == 200  # one run ended
    ws, first = connect(remote)
    try:
        state, parts = first["state"], first["parts"]
        assert parts["rundown"]["version"] == state["versions"]["rundown"]
        assert parts["runs"]["version"] == state["versions"]["runs"]
        assert [slot["id"] for slot in parts["rundown"]["data"]] == [s.id for s in remote.bridge.state.slots]
        assert [run["slot_id"] for run in parts["runs"]["data"]] == ["welcome"]
        assert "rundown" not in state and "runs" not in state and "expected" not in state  # the live state only
    finally:
        close(remote, ws)


def test_a_plan_change_reaches_the_display_with_the_first_state_that_names_it_and_other_pushes_carry_none(
        remote: Remote) -> None:
    assert remote.command("go").status == 200
    ws, first = connect(remote)
    try:
        version = first["state"]["versions"]["rundown"]
        assert remote.command("message", {"text": "Mic check"}).status == 200
        pushed = messages(remote, ws, lambda m: m["state"]["message"] == "Mic check")
        assert all("parts" not in m for m in pushed)  # nothing in the rundown or the runs changed
        assert pushed[-1]["state"]["versions"] == first["state"]["versions"]

        assert remote.command("edit_slot", {"slot": "policy-panel", "title": "The panel, renamed"}).status == 200
        pushed = messages(remote, ws, lambda m: m["state"]["versions"]["rundown"] != version)
        named = pushed[-1]  # the first state that names another rundown: that rundown came with it
        assert named["parts"]["rundown"]["version"] == named["state"]["versions"]["rundown"]
        titles = [slot["title"] for slot in named["parts"]["rundown"]["data"]]
        assert "The panel, renamed" in titles
        assert "runs" not in named["parts"]  # the runs did not change

        assert remote.command("next").status == 200  # a run ended: the runs, not the rundown
        pushed = messages(remote, ws, lambda m: m["state"]["versions"]["runs"] != first["state"]["versions"]["runs"])
        assert set(pushed[-1]["parts"]) == {"runs"}
        assert [run["slot_id"] for run in pushed[-1]["parts"]["runs"]["data"]] == ["welcome"]
    finally:
        close(remote, ws)


def test_a_display_that_lacks_a_part_asks_again_and_gets_every_part(remote: Remote) -> None:
    ws, first = connect(remote)
    try:
        remote.wait(remote.client.run_soon(ws.send_str(json.dumps({"type": "resync"}))))
        again = messages(remote, ws, lambda m: "parts" in m)[-1]
        assert again["parts"]["rundown"] == first["parts"]["rundown"]
        assert again["parts"]["runs"] == first["parts"]["runs"]
    finally:
        close(remote, ws)


def test_a_display_gets_only_the_parts_it_asks_for(remote: Remote) -> None:
    stage, first = connect(remote, "?parts=")
    projector, other = connect(remote, "?parts=rundown")
    try:
        assert "parts" not in first
        assert set(other["parts"]) == {"rundown"}
        assert remote.command("go").status == 200
        assert remote.command("next").status == 200
        assert all("parts" not in m for m in messages(remote, stage, lambda m: m["state"]["index"] == 1))
        got = messages(remote, projector, lambda m: m["state"]["index"] == 1)
        assert all("runs" not in m.get("parts", {}) for m in got)
    finally:
        close(remote, stage, projector)


def test_each_push_is_encoded_once_and_the_same_bytes_go_to_every_display(remote: Remote) -> None:
    sockets = [connect(remote)[0] for _ in range(5)]
    remote.qtbot.waitUntil(lambda: len(remote.server.hub.clients) == 5)
    sent: list[tuple[object, bytes]] = []
    for client in remote.server.hub.clients:
        # Whichever way the push goes out: straight into the socket, or through the display's writer task.
        assert client.transport is not None
        write, send_frame = client.transport.write, client.ws.send_frame

        def spy_write(data: bytes, _write: Any = write, _client: object = client) -> None:
            sent.append((_client, data))
            _write(data)

        async def spy_send(message: bytes, *args: Any, _send: Any = send_frame, _client: object = client,
                           **kwargs: Any) -> None:
            sent.append((_client, message))
            await _send(message, *args, **kwargs)

        client.transport.write = spy_write  # type: ignore[method-assign,assignment]
        client.ws.send_frame = spy_send  # type: ignore[method-assign]
    try:
        hub = remote.server.hub
        assert remote.command("message", {"text": "Mic check"}).status == 200
        for ws in sockets:
            messages(remote, ws, lambda m: m["state"]["message"] == "Mic check")
        pushed = [(client, data) for client, data in sent if b"Mic check" in data]
        assert len({client for client, _data in pushed}) == 5
        assert all(data is pushed[0][1] for _client, data in pushed)  # one bytes object, not five encodings
        assert hub.encodes == hub.encodes_at_push + 1  # encoded once for the five
    finally:
        close(remote, *sockets)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Agenda]:
    folder = tmp_path_factory.mktemp("plans")
    made = {}
    for slots in (20, 2000):
        agenda = load_agenda(generate(folder / f"plan{slots}.yaml", slots)).agenda
        assert agenda is not None
        made[slots] = agenda
    return made


def test_a_push_during_a_slot_is_as_small_on_a_long_plan_as_on_a_short_one(
        remote_factory: Callable[..., Remote], plans: dict[int, Agenda]) -> None:
    sizes: dict[int, list[int]] = {}
    for slots, agenda in plans.items():
        first = agenda.slots[1].start.timestamp()
        remote = remote_factory(start=Instant(first - 10, first - 10), agenda=agenda)
        assert remote.command("goto", {"slot": agenda.slots[1].id}).status == 200
        ws, _connected = connect(remote)
        try:
            got = []
            for second in range(1, 4):
                moment = first + second
                remote.set_time(Instant(moment, moment))

                def reached(m: Message, moment: float = moment) -> bool:
                    return bool(m["state"]["server_time"] >= moment - 0.5)

                got += messages(remote, ws, reached)
            assert remote.command("message", {"text": "Mic check"}).status == 200
            got += messages(remote, ws, lambda m: m["state"]["message"] == "Mic check")
            sizes[slots] = [m["size"] for m in got]
        finally:
            close(remote, ws)
    assert max(sizes[2000]) < 8 * 1024, sizes
    # The same live state apart from a few digits in the ids and titles: never the plan's size.
    assert max(sizes[2000]) <= max(sizes[20]) + 64, sizes
