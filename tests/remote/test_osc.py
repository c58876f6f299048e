"""OSC on a real UDP port: every command, positional arguments, loose OSC types, the token rule."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pytest
from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message_builder import OscMessageBuilder

from runofshow.core.commands import COMMANDS
from runofshow.core.show import ShowPhase
from runofshow.remote.osc import coerce, osc_arguments
from runofshow.remote.relay import serialise
from tests.remote.conftest import LOOPBACK, Remote

# Every command, as a lighting desk or Companion would send it: positional, in the table's order.
SCENARIO: list[tuple[str, list[Any], Callable[[Remote], bool]]] = [
    ("roll", [1], lambda r: r.bridge.state.roll),
    ("roll", ["off"], lambda r: not r.bridge.state.roll),
    ("go", [], lambda r: r.bridge.state.phase is ShowPhase.RUNNING),
    ("pause", [], lambda r: r.bridge.state.phase is ShowPhase.PAUSED),
    ("resume", [], lambda r: r.bridge.state.phase is ShowPhase.RUNNING),
    ("add_time", [60.0], lambda r: r.bridge.state.added == 60),
    ("next", [], lambda r: r.bridge.state.current is not None and r.bridge.state.current.id == "status-norway"),
    ("previous", [], lambda r: r.bridge.state.current is not None and r.bridge.state.current.id == "welcome"),
    ("goto", ["policy-panel"], lambda r: r.bridge.state.current is not None
     and r.bridge.state.current.id == "policy-panel"),
    ("next_cue", [], lambda r: r.bridge.state.cue is not None and r.bridge.state.cue.index == 1),
    ("previous_cue", [], lambda r: r.bridge.state.cue is not None and r.bridge.state.cue.index == 0),
    ("message", ["Two minutes", True], lambda r: r.bridge.state.message == "Two minutes" and r.bridge.state.flashing),
    ("clear_message", [], lambda r: r.bridge.state.message == ""),
    ("message", ["Last question", False, False, "moderator"],
     lambda r: r.bridge.state.moderator_message == "Last question" and not r.bridge.state.moderator_message_pinned),
    ("pin_message", [True, "moderator"], lambda r: r.bridge.state.moderator_message_pinned),
    ("clear_message", ["moderator"], lambda r: r.bridge.state.moderator_message == ""),
    ("flash", [], lambda r: r.bridge.state.flashing),
    ("blackout", ["all", "true"], lambda r: r.bridge.state.blackout == {"projector", "stage", "moderator"}),
    ("holding", [1], lambda r: r.bridge.state.holding),
    ("holding", ["off"], lambda r: not r.bridge.state.holding),
    ("reset", [], lambda r: r.bridge.state.phase is ShowPhase.BETWEEN),
    ("undo", [], lambda r: r.bridge.state.phase is ShowPhase.RUNNING),
    # The plan commands: positional in the table's order; speakers as one text split at ';'.
    ("insert_slot", ["welcome", "Surprise guest", 300, "guest", "talk", "Kari Nordmann, Mayor, Oslo; Ola, Host"],
     lambda r: [p.name for p in r.bridge.state.slots[1].speakers] == ["Kari Nordmann", "Ola"]),
    ("edit_slot", ["policy-panel", "", 1200.0], lambda r: r.bridge.state.duration == 1200),
    ("shift", [5, "closing"], lambda r: r.bridge.state.next is not None
     and f"{r.bridge.state.next.start:%H:%M}" == "16:05"),
    ("skip_slot", ["closing", 1], lambda r: r.bridge.state.next is not None and r.bridge.state.next.id == "reception"),
    ("move_slot", ["closing", "reception"], lambda r: r.bridge.state.slots[-1].id == "closing"),
    ("delete_slot", ["closing"], lambda r: r.bridge.state.slots[-1].id == "reception"),
]


def send_datagram(remote: Remote, data: bytes) -> None:
    assert remote.server.bound is not None and remote.server.bound.osc_port
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(data, (LOOPBACK, remote.server.bound.osc_port))


def send(remote: Remote, address: str, *args: Any) -> None:
    builder = OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg)
    send_datagram(remote, builder.build().dgram)


def run_osc(remote: Remote, name: str, *args: Any) -> None:
    with remote.qtbot.wait_signal(remote.bridge.command_done, timeout=5000) as done:
        send(remote, f"/runofshow/{name}", *args)
    assert done.args is not None
    assert done.args[0].accepted, (name, done.args[0].message)


@pytest.fixture
def osc(remote_factory: Callable[..., Remote]) -> Remote:
    return remote_factory(osc_port=0)


def test_the_scenario_covers_every_command_in_the_table() -> None:
    # take_over runs on a backup laptop only: tests/remote/test_take_over_remote.py sends it over OSC there.
    assert {name for name, _args, _check in SCENARIO} == set(COMMANDS) - {"take_over"}


def test_every_command_runs_over_osc(osc: Remote) -> None:
    for name, args, shows in SCENARIO:
        run_osc(osc, name, *args)
        assert shows(osc), name


def test_a_bundle_runs_its_messages_in_order_at_once(osc: Remote) -> None:
    bundle = OscBundleBuilder(IMMEDIATELY)
    for name in ("go", "pause"):
        bundle.add_content(OscMessageBuilder(f"/runofshow/{name}").build())  # type: ignore[arg-type]
    with osc.qtbot.wait_signals([osc.bridge.command_done, osc.bridge.command_done], timeout=5000):
        send_datagram(osc, bundle.build().dgram)
    osc.qtbot.waitUntil(lambda: osc.bridge.state.phase is ShowPhase.PAUSED)


def test_beyond_loopback_osc_needs_the_token_as_first_argument(guarded: Remote) -> None:
    before = serialise(guarded.bridge.state, 1.0).key
    counters = guarded.server.osc_counters
    assert counters is not None
    send(guarded, "/runofshow/go")
    send(guarded, "/runofshow/go", "not-the-token")
    guarded.qtbot.waitUntil(lambda: counters.refused_token == 2)
    assert serialise(guarded.bridge.state, 1.0).key == before
    with guarded.qtbot.wait_signal(guarded.bridge.command_done, timeout=5000) as done:
        send(guarded, "/runofshow/go", guarded.token)
    assert done.args is not None and done.args[0].accepted
    run_osc(guarded, "add_time", guarded.token, -60)
    assert guarded.bridge.state.added == -60


def test_on_loopback_a_token_first_argument_is_accepted_too(osc: Remote) -> None:
    run_osc(osc, "go", osc.token)
    run_osc(osc, "message", osc.token, "hello")
    assert osc.bridge.state.message == "hello"


@pytest.mark.parametrize(("name", "values", "problem"), [
    ("add_time", ["soon"], "whole number"), ("add_time", [1.5], "whole number"), ("add_time", [], "needs"),
    ("go", [1], "at most 0"), ("blackout", ["stage", 2], "true or false"), ("goto", [3], "text"),
    ("dance", [], "unknown command"),
])
def test_osc_arguments_that_the_table_refuses(name: str, values: list[object], problem: str) -> None:
    clean, said = osc_arguments(name, values)
    assert clean == {} and problem in said


@pytest.mark.parametrize(("value", "kind", "coerced"), [
    (1, bool, True), (0.0, bool, False), ("On", bool, True), ("no", bool, False), (True, bool, True),
    (60.0, int, 60), ("-30", int, -30), (2, int, 2), (True, int, True), (1.5, int, 1.5), ("x", str, "x"),
])
def test_loose_osc_types_are_coerced_only_when_unambiguous(value: object, kind: type, coerced: object) -> None:
    result = coerce(value, kind)
    assert result == coerced and type(result) is type(coerced)


def test_refused_and_malformed_osc_leave_the_show_as_it_was(osc: Remote) -> None:
    counters = osc.server.osc_counters
    assert counters is not None
    before = serialise(osc.bridge.state, 1.0).key
    send(osc, "/runofshow/add_time", "soon")
    send(osc, "/other/go")
    send(osc, "/runofshow/dance")
    osc.qtbot.waitUntil(lambda: counters.malformed == 3)
    assert serialise(osc.bridge.state, 1.0).key == before
    with osc.qtbot.wait_signal(osc.bridge.command_done, timeout=5000) as done:
        send(osc, "/runofshow/pause")  # well formed, refused by the engine: logged, nothing changes
    assert done.args is not None and not done.args[0].accepted
    assert serialise(osc.bridge.state, 1.0).key == before


def test_an_empty_text_or_nil_passes_an_optional_argument_by_and_a_dash_empties_it() -> None:
    # A desk reaches `crew` (the 13th argument) only past start, notes, moderator, speakers, panellists and
    # cues: "" there must leave them as they are, not make the slot soft, wipe its notes or the panel.
    args, problem = osc_arguments("edit_slot", ["policy-panel", "", 1800, "", "", "", "", "", 300, "", "", "",
                                                "Audio: handhelds 1-5"])
    assert problem == ""
    assert args == {"slot": "policy-panel", "duration": 1800, "warning": 300, "crew": ("Audio: handhelds 1-5",)}
    args, problem = osc_arguments("edit_slot", ["policy-panel", None, 1800, None, None, None, None, None])
    assert problem == "" and args == {"slot": "policy-panel", "duration": 1800}
    args, problem = osc_arguments("edit_slot", ["agder", "", None, "-", "", "", "-", "-", None, "-"])
    assert problem == ""
    assert args == {"slot": "agder", "start": "", "speakers": (), "notes": "", "moderator": ""}
    # A required argument keeps its "": insert_slot's `after` "" is the top of the rundown.
    args, problem = osc_arguments("insert_slot", ["", "Doors", 600])
    assert problem == "" and args["after"] == ""
