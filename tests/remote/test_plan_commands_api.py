"""The plan commands over HTTP: each one and its undo, the snapshot's expected starts, bounded speakers."""

from __future__ import annotations

from typing import Any

import pytest

from runofshow.core.commands import MAX_SPEAKERS
from runofshow.remote.osc import osc_arguments
from tests.remote.conftest import Remote

EDITS: list[tuple[str, dict[str, Any]]] = [
    ("insert_slot", {"after": "welcome", "title": "Surprise guest", "duration": 300, "id": "guest",
                     "speakers": ["Kari Nordmann, Mayor, Oslo"], "kind": "remarks"}),
    ("edit_slot", {"slot": "policy-panel", "duration": 1200, "notes": "Cut to Q&A at 15:55"}),
    ("shift", {"minutes": 5, "from": "agder"}),
    ("skip_slot", {"slot": "closing", "on": True}),
    ("move_slot", {"slot": "closing", "after": "reception"}),
    ("delete_slot", {"slot": "closing"}),
]


def rundown_ids(state: dict[str, Any]) -> list[str]:
    return [slot["id"] for slot in state["rundown"]]


@pytest.mark.parametrize(("name", "args"), EDITS, ids=[name for name, _ in EDITS])
def test_each_plan_command_over_http_and_its_undo(remote: Remote, name: str, args: dict[str, Any]) -> None:
    assert remote.command("go").status == 200
    before = remote.get("/api/state").body
    edited: list[object] = []
    remote.bridge.plan_edited.connect(edited.append)
    reply = remote.command(name, args)
    assert reply.status == 200 and reply.body["ok"], reply.body
    after = reply.body["state"]
    assert (rundown_ids(after), after["rundown"]) != (rundown_ids(before), before["rundown"])
    assert len(after["expected"]) == len(after["rundown"])
    assert after["current"]["id"] == "welcome" and after["phase"] == "running"  # the show stays where it was
    assert edited == [remote.bridge.session.engine.agenda]  # the file helper saves on this signal
    undone = remote.command("undo")
    assert undone.status == 200 and undone.body["message"].startswith("undid plan:")
    assert undone.body["state"]["rundown"] == before["rundown"]
    assert len(edited) == 2  # the undo of a plan command is a plan change too


def test_the_snapshot_says_when_each_slot_is_expected_and_marks_a_missed_hard_start(remote: Remote) -> None:
    remote.command("go")  # at 13:29, a minute early: the soft slots follow a minute early, a gap before 15:10
    state = remote.get("/api/state").body
    agder = rundown_ids(state).index("agder")
    assert state["rundown"][agder]["hard"] is True
    assert state["expected"][agder] == {"start": "2023-11-30T15:10:00+01:00", "late_hard": False, "gap": 60}
    assert state["expected"][1]["start"] == "2023-11-30T13:44:00+01:00"
    remote.command("skip_slot", {"slot": "whitepaper", "on": True})
    state = remote.get("/api/state").body
    assert state["expected"][rundown_ids(state).index("whitepaper")]["start"] is None
    assert state["rundown"][rundown_ids(state).index("whitepaper")]["skipped"] is True


@pytest.mark.parametrize(("speakers", "says"), [
    ("Kari Nordmann", "must be a list of texts"),
    ([1, 2], "must be a list of texts"),
    (["Kari\x07"], "control character"),
    (["x" * 301], "longer than 300"),
    (["Jo"] * (MAX_SPEAKERS + 1), f"more than {MAX_SPEAKERS} items"),
])
def test_malformed_speakers_are_400_and_change_nothing(remote: Remote, speakers: object, says: str) -> None:
    before = remote.get("/api/state").body["rundown"]
    reply = remote.command("insert_slot", {"after": "welcome", "title": "Guest", "duration": 60,
                                           "speakers": speakers})
    assert reply.status == 400 and says in reply.body["error"]
    assert remote.get("/api/state").body["rundown"] == before


def test_a_refused_plan_command_is_409_with_the_reason(remote: Remote) -> None:
    remote.command("go")
    reply = remote.command("delete_slot", {"slot": "welcome"})
    assert reply.status == 409 and "end it first" in reply.body["error"]


def test_osc_takes_speakers_as_one_text_split_at_semicolons() -> None:
    args, problem = osc_arguments("insert_slot", ["welcome", "Guest", 300.0, "", "talk", "Jo, Host, LUP; Ann;"])
    assert problem == "" and args["speakers"] == ("Jo, Host, LUP", "Ann") and args["duration"] == 300


def test_a_panels_moderator_panellists_and_cues_over_http_and_osc_refused_when_the_cues_do_not_fit(
        remote: Remote) -> None:
    reply = remote.command("edit_slot", {"slot": "policy-panel", "moderator": "Jo Host, Chair, LUP",
                                         "panellists": ["Ann, Mayor, Oslo"],
                                         "cues": ["Opening | 5m | Ann, Mayor, Oslo", "Q&A | 25m"]})
    assert reply.status == 200 and reply.body["ok"], reply.body
    rundown = reply.body["state"]["rundown"]
    assert rundown[rundown_ids(reply.body["state"]).index("policy-panel")]["people"] == ["Jo Host", "Ann"]
    agenda = remote.bridge.session.engine.agenda
    panel = agenda.slots[agenda.index_of("policy-panel") or 0]
    assert [(cue.title, cue.duration) for cue in panel.cues] == [("Opening", 300), ("Q&A", 1500)]
    refused = remote.command("edit_slot", {"slot": "policy-panel", "cues": ["Q&A | 31m"]})
    assert refused.status == 409 and "longer than the slot" in refused.body["error"]
    # OSC appends them after the older arguments, the cues as one text split at semicolons.
    args, problem = osc_arguments("edit_slot", ["policy-panel", "", 1800, "", "", "", "", "", 300, "Jo, Chair, LUP",
                                                "Ann, KS", "Opening | 5m | Ann, KS; Q&A | 25m"])
    assert problem == "" and args["moderator"] == "Jo, Chair, LUP" and args["panellists"] == ("Ann, KS",)
    assert args["cues"] == ("Opening | 5m | Ann, KS", "Q&A | 25m")


def test_crew_cues_over_http_in_the_snapshot_undone_and_over_osc(remote: Remote) -> None:
    before = remote.get("/api/state").body
    assert before["columns"] == ["Audio", "Video", "Lighting", "Stage"]
    reply = remote.command("edit_slot", {"slot": "closing", "crew": ["Audio: lectern mic, then outro", "Video: wide"]})
    assert reply.status == 200 and reply.body["ok"], reply.body
    rundown = reply.body["state"]["rundown"]
    assert rundown[rundown_ids(reply.body["state"]).index("closing")]["crew"] == {
        "Audio": "lectern mic, then outro", "Video": "wide"}
    refused = remote.command("edit_slot", {"slot": "closing", "crew": ["Catering: coffee"]})
    assert refused.status == 409 and "no crew column 'Catering'" in refused.body["error"]
    undone = remote.command("undo")
    assert undone.status == 200 and undone.body["state"]["rundown"] == before["rundown"]
    # OSC: after the older arguments, the cues as one text split at semicolons.
    args, problem = osc_arguments("edit_slot", ["closing", "", 300, "", "", "", "", "", 60, "", "", "",
                                                "Audio: lectern mic; Stage: strike the chairs"])
    assert problem == "" and args["crew"] == ("Audio: lectern mic", "Stage: strike the chairs")
    args, problem = osc_arguments("insert_slot", ["welcome", "Guest", 300, "", "talk", "", "", "Video: camera 2"])
    assert problem == "" and args["crew"] == ("Video: camera 2",)
