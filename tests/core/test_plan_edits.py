"""The plan commands on the engine: each edit, its undo, the slot on, hard and soft starts, valid plans only."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runofshow.core import words
from runofshow.core.agenda import Agenda, Slot
from runofshow.core.commands import PLAN_COMMANDS
from runofshow.core.plan_edits import plan_problem
from runofshow.core.show import ShowEngine, ShowPhase
from runofshow.io.plan_codec import plan_from_json, plan_to_json
from tests.core.helpers import agenda_from, at, seed


def hhmm(moment: datetime | None) -> str:
    assert moment is not None
    return f"{moment:%H:%M}"


def starts(agenda: Agenda) -> dict[str, str]:
    return {slot.id: hhmm(slot.start) for slot in agenda.slots}


def running_panel() -> ShowEngine:
    engine = ShowEngine(seed())
    assert engine.execute("goto", at(15, 40), {"slot": "policy-panel"}).accepted
    return engine


# -- each command -------------------------------------------------------------------------------------


def test_insert_after_a_slot_starts_at_its_end_and_soft_slots_follow_up_to_the_hard_return() -> None:
    engine = ShowEngine(seed())
    outcome = engine.execute("insert_slot", at(13, 0), {"after": "welcome", "title": "Surprise guest",
                                                        "duration": 300, "speakers": ["Kari Nordmann, Mayor, Oslo"]})
    assert outcome.accepted, outcome.message
    plan = engine.agenda
    assert [s.id for s in plan.slots][:3] == ["welcome", "surprise-guest", "status-norway"]
    guest = plan.slots[1]
    assert (hhmm(guest.start), hhmm(guest.end), guest.hard) == ("13:45", "13:50", False)
    assert guest.speakers[0].role == "Mayor" and guest.speakers[0].organisation == "Oslo"
    times = starts(plan)
    assert times["status-norway"] == "13:50" and times["break"] == "14:55"
    # The break absorbs the five minutes: the hard return after it keeps 15:10, and everything after it too.
    brk = plan.slots[plan.index_of("break") or 0]
    assert hhmm(brk.end) == "15:10" and brk.duration == 15 * 60
    assert times["agder"] == "15:10" and times["policy-panel"] == "15:40"
    assert "Surprise guest" in outcome.message


def test_insert_with_a_start_is_a_hard_slot_and_an_overlap_is_refused_with_the_reason() -> None:
    engine = ShowEngine(seed())
    refused = engine.execute("insert_slot", at(13, 0), {"after": "welcome", "title": "Live link", "duration": 600,
                                                        "start": "13:40"})
    assert not refused.accepted and "overlap" in refused.message
    assert engine.agenda == seed()
    assert engine.execute("insert_slot", at(13, 0), {"after": "reception", "title": "Live link", "duration": 600,
                                                     "start": "17:30", "id": "link"}).accepted
    link = engine.agenda.slots[-1]
    assert (link.id, hhmm(link.start), link.hard) == ("link", "17:30", True)


def test_edit_changes_title_length_start_end_kind_notes_warning_and_speakers() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("edit_slot", at(13, 0), {"slot": "closing", "title": "Thanks", "kind": "remarks",
                                                   "notes": "Mic 2", "warning": 60,
                                                   "speakers": ["Jo, Host, LUP", "Ann"]}).accepted
    closing = engine.agenda.slots[engine.agenda.index_of("closing") or 0]
    assert (closing.title, closing.kind.value, closing.notes, closing.warning) == ("Thanks", "remarks", "Mic 2", 60)
    assert [p.label() for p in closing.speakers] == ["Jo, Host, LUP", "Ann"]
    assert engine.execute("edit_slot", at(13, 0), {"slot": "closing", "start": "16:20"}).accepted
    closing = engine.agenda.slots[engine.agenda.index_of("closing") or 0]
    assert (hhmm(closing.start), hhmm(closing.end), closing.hard) == ("16:20", "16:25", True)
    assert starts(engine.agenda)["reception"] == "16:25"  # soft: follows the moved end
    assert engine.execute("edit_slot", at(13, 0), {"slot": "closing", "end": "16:30"}).accepted
    assert starts(engine.agenda)["reception"] == "16:30"
    bad = engine.execute("edit_slot", at(13, 0), {"slot": "closing", "end": "16:00"})
    assert not bad.accepted and "not after start" in bad.message
    bad = engine.execute("edit_slot", at(13, 0), {"slot": "closing", "kind": "dance"})
    assert not bad.accepted and "unknown kind" in bad.message
    bad = engine.execute("edit_slot", at(13, 0), {"slot": "closing", "speakers": [", Host"]})
    assert not bad.accepted and "no name" in bad.message


def test_delete_move_and_skip() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("delete_slot", at(13, 0), {"slot": "status-norway"}).accepted
    assert engine.agenda.index_of("status-norway") is None
    assert starts(engine.agenda)["ec-objectives"] == "13:45"  # the slots after it close up
    assert engine.execute("move_slot", at(13, 0), {"slot": "closing", "after": "reception"}).accepted
    assert [s.id for s in engine.agenda.slots][-2:] == ["reception", "closing"]
    assert plan_problem(engine.agenda) == ""
    assert engine.execute("skip_slot", at(13, 0), {"slot": "ec-objectives", "on": True}).accepted
    again = engine.execute("skip_slot", at(13, 0), {"slot": "ec-objectives", "on": True})
    assert not again.accepted and "already skipped" in again.message
    engine.execute("go", at(13, 30))
    engine.execute("next", at(13, 45))  # passes over the skipped slot
    state = engine.state(at(13, 46))
    assert state.current is not None and state.current.id == "belgian-presidency"
    assert engine.execute("delete_slot", at(13, 46), {"slot": "nope"}).message == words.no_such_slot("nope")


def test_shift_moves_every_later_slot_hard_ones_too_and_refuses_an_overlap() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("shift", at(13, 0), {"minutes": 5, "from": "agder"}).accepted
    times = starts(engine.agenda)
    assert (times["break"], times["agder"], times["policy-panel"], times["reception"]) == \
        ("14:50", "15:15", "15:45", "16:20")
    refused = engine.execute("shift", at(13, 0), {"minutes": -10, "from": "agder"})
    assert not refused.accepted and "overlap" in refused.message
    # Without `from`, every slot still to come: here the running slot stays, the rest move.
    engine.execute("go", at(13, 30))
    assert engine.execute("shift", at(13, 31), {"minutes": 2}).accepted
    assert starts(engine.agenda)["welcome"] == "13:30" and starts(engine.agenda)["status-norway"] == "13:47"


# -- the slot on ---------------------------------------------------------------------------------------


def test_editing_the_running_slots_length_changes_its_countdown_at_once() -> None:
    engine = running_panel()
    before = engine.state(at(15, 50))
    assert before.remaining == 20 * 60
    assert engine.execute("edit_slot", at(15, 50), {"slot": "policy-panel", "duration": 20 * 60}).accepted
    after = engine.state(at(15, 50))
    assert after.remaining == 10 * 60 and after.countdown == "10:00" and after.duration == 20 * 60
    # The cues are cut from the end to fit twenty minutes, and the closing follows the new end.
    panel = after.current
    assert panel is not None and sum(c.duration for c in panel.cues) == 20 * 60
    assert starts(engine.agenda)["closing"] == "16:00"


def test_the_running_slot_cannot_be_deleted_moved_or_skipped_end_it_first() -> None:
    engine = running_panel()
    for name, args in (("delete_slot", {"slot": "policy-panel"}),
                       ("move_slot", {"slot": "policy-panel", "after": "reception"}),
                       ("skip_slot", {"slot": "policy-panel", "on": True})):
        outcome = engine.execute(name, at(15, 45), args)
        assert not outcome.accepted and "end it first" in outcome.message, name
    assert engine.agenda == seed()


def test_edits_before_the_running_slot_keep_it_running_and_past_runs_keep_their_ids() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    engine.execute("next", at(13, 45))
    assert engine.execute("insert_slot", at(13, 50), {"after": "welcome", "title": "Guest", "duration": 60}).accepted
    state = engine.state(at(13, 50))
    assert state.current is not None and state.current.id == "status-norway" and state.index == 2
    assert state.elapsed == 5 * 60
    assert engine.execute("delete_slot", at(13, 51), {"slot": "guest"}).accepted
    assert engine.execute("move_slot", at(13, 51), {"slot": "welcome", "after": "ec-objectives"}).accepted
    state = engine.state(at(13, 52))
    assert state.current is not None and state.current.id == "status-norway" and state.index == 0
    assert [run.slot_id for run in state.runs] == ["welcome"]  # the past run keeps its slot id


def test_roll_mode_refuses_plan_edits() -> None:
    engine = ShowEngine(seed())
    engine.execute("roll", at(13, 35), {"on": True})
    for name in PLAN_COMMANDS:
        outcome = engine.execute(name, at(13, 36), {"slot": "closing", "minutes": 5} if name == "shift" else
                                 {"slot": "closing", "on": True} if name == "skip_slot" else
                                 {"slot": "closing"} if name == "delete_slot" else
                                 {"slot": "closing", "after": "reception"} if name == "move_slot" else
                                 {"slot": "closing", "title": "x"} if name == "edit_slot" else
                                 {"after": "closing", "title": "x", "duration": 60})
        assert outcome.message == words.ROLL_REFUSAL or outcome.invalid, name
    assert engine.agenda == seed()


# -- undo --------------------------------------------------------------------------------------------


def test_the_same_undo_undoes_each_plan_edit_with_the_live_state() -> None:
    engine = running_panel()
    plans = [engine.agenda]
    edits = [("insert_slot", {"after": "welcome", "title": "Guest", "duration": 300}),
             ("edit_slot", {"slot": "policy-panel", "duration": 1200}),
             ("shift", {"minutes": 5, "from": "closing"}),
             ("skip_slot", {"slot": "closing", "on": True}),
             ("move_slot", {"slot": "closing", "after": "reception"}),
             ("delete_slot", {"slot": "closing"})]
    states = [engine.state(at(15, 50))]
    for name, args in edits:
        assert engine.execute(name, at(15, 50), args).accepted, name
        plans.append(engine.agenda)
        states.append(engine.state(at(15, 50)))
    for index in range(len(edits), 0, -1):
        outcome = engine.execute("undo", at(15, 50))
        assert outcome.accepted and outcome.message.startswith("undid plan:")
        assert engine.agenda == plans[index - 1]
        state = engine.state(at(15, 50))
        assert state.remaining == states[index - 1].remaining and state.index == states[index - 1].index


# -- expected starts -----------------------------------------------------------------------------------


def test_expected_starts_follow_the_projected_end_and_mark_a_missed_hard_start() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    state = engine.state(at(13, 40))
    assert len(state.expected) == len(state.slots)
    assert hhmm(state.expected[0].start) == "13:30" and hhmm(state.expected[1].start) == "13:45"
    agder = state.slots.index(next(s for s in state.slots if s.id == "agder"))
    assert hhmm(state.expected[agder].start) == "15:10" and not state.expected[agder].late_hard
    # Twenty-five minutes over in the welcome: the break would end at 15:35, past the hard 15:10 return.
    late = engine.state(at(14, 10))
    assert late.expected[agder].late_hard and late.expected[agder].gap == 0
    # A cut panel: a gap would open before a hard start after it.
    engine.execute("edit_slot", at(14, 10), {"slot": "closing", "start": "16:20"})
    closing = engine.agenda.index_of("closing") or 0
    assert engine.state(at(13, 40)).expected[closing].gap == 10 * 60
    engine.execute("skip_slot", at(14, 10), {"slot": "whitepaper", "on": True})
    skipped = engine.agenda.index_of("whitepaper") or 0
    assert engine.state(at(14, 10)).expected[skipped].start is None


def test_the_projected_end_follows_the_edited_plan() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    assert hhmm(engine.state(at(13, 31)).projected_end) == "17:00"
    engine.execute("shift", at(13, 31), {"minutes": 5, "from": "reception"})
    assert hhmm(engine.state(at(13, 31)).projected_end) == "17:05"


# -- daylight saving and several days --------------------------------------------------------------------


def test_an_edit_across_the_dst_night_keeps_real_lengths() -> None:
    night = agenda_from("  - {id: late, title: Late, start: '01:00', end: '01:30', date: 2024-10-27}\n"
                        "  - {id: over, title: Over, start: '01:30', duration: 2h}\n"
                        "  - {id: after, title: After, start: '03:00', duration: 30m}\n", date="2024-10-27")
    engine = ShowEngine(night)
    # Over runs 01:30 CEST to 02:30 CET (two real hours); After starts half an hour later, at 03:00.
    assert engine.execute("edit_slot", at(0, 30, day=27, month=10), {"slot": "late", "duration": 3600}).accepted
    over, after = engine.agenda.slots[1], engine.agenda.slots[2]
    assert over.duration == 2 * 3600  # still two real hours, across the hour the clocks go back
    assert (f"{over.start:%H:%M %Z}", f"{over.end:%H:%M %Z}") == ("02:00 CEST", "03:00 CET")
    assert round(after.start.timestamp() - over.end.timestamp()) == 30 * 60  # soft: keeps its distance
    assert hhmm(after.start) == "03:30" and after.duration == 30 * 60
    assert plan_problem(engine.agenda) == ""
    assert plan_from_json(plan_to_json(engine.agenda)) == engine.agenda


def test_a_later_days_first_slot_is_not_pushed_by_the_day_before() -> None:
    two_days = agenda_from("  - {id: a, title: A, start: '16:00', end: '17:00'}\n"
                           "  - {id: b, title: B, start: '09:00', end: '10:00', date: 2023-12-01}\n")
    engine = ShowEngine(two_days)
    assert engine.execute("edit_slot", at(9, 0), {"slot": "a", "duration": 7200}).accepted
    assert hhmm(engine.agenda.slots[1].start) == "09:00"
    refused = engine.execute("shift", at(9, 0), {"minutes": -24 * 60, "from": "a"})
    assert not refused.accepted and "event's days" in refused.message


# -- the acceptance story ------------------------------------------------------------------------------


def test_the_issues_story_guest_cut_panel_delay_after_break_and_undo_each() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    assert engine.execute("insert_slot", at(13, 40), {"after": "welcome", "title": "Surprise guest",
                                                      "duration": 300, "id": "guest"}).accepted
    assert engine.execute("edit_slot", at(13, 41), {"slot": "policy-panel", "duration": 20 * 60}).accepted
    assert engine.execute("shift", at(13, 42), {"minutes": 5, "from": "agder"}).accepted
    times = starts(engine.agenda)
    assert (times["guest"], times["break"], times["agder"], times["policy-panel"], times["closing"]) == \
        ("13:45", "14:55", "15:15", "15:45", "16:05")
    assert plan_problem(engine.agenda) == ""
    for expected in ("shift", "panel", "guest"):
        assert engine.execute("undo", at(13, 43)).accepted, expected
    assert engine.agenda == seed()
    state = engine.state(at(13, 43))
    assert state.phase is ShowPhase.RUNNING and state.current is not None and state.current.id == "welcome"


# -- random edits: every plan is valid, or the edit was refused with a reason -------------------------------

SLOT_IDS = [s.id for s in seed().slots] + ["guest", "nope", ""]
edit = st.one_of(
    st.builds(lambda after, d, start: ("insert_slot", {"after": after, "title": "Guest", "duration": d,
                                                       **({"start": start} if start else {})}),
              st.sampled_from(SLOT_IDS), st.integers(1, 4 * 3600), st.sampled_from(["", "13:00", "16:30", "23:59"])),
    st.builds(lambda slot, d: ("edit_slot", {"slot": slot, "duration": d}), st.sampled_from(SLOT_IDS),
              st.integers(1, 6 * 3600)),
    st.builds(lambda slot, start: ("edit_slot", {"slot": slot, "start": start}), st.sampled_from(SLOT_IDS),
              st.sampled_from(["", "14:00", "15:10", "00:00", "23:00"])),
    st.builds(lambda slot: ("delete_slot", {"slot": slot}), st.sampled_from(SLOT_IDS)),
    st.builds(lambda slot, after: ("move_slot", {"slot": slot, "after": after}), st.sampled_from(SLOT_IDS),
              st.sampled_from(SLOT_IDS)),
    st.builds(lambda slot, on: ("skip_slot", {"slot": slot, "on": on}), st.sampled_from(SLOT_IDS), st.booleans()),
    st.builds(lambda m, slot: ("shift", {"minutes": m, **({"from": slot} if slot else {})}),
              st.integers(-600, 600), st.sampled_from(SLOT_IDS)),
    st.sampled_from([("undo", {}), ("go", {}), ("next", {})]),
    st.builds(lambda slot, crew: ("edit_slot", {"slot": slot, "crew": crew}), st.sampled_from(SLOT_IDS),
              st.lists(st.sampled_from(["Audio: lectern mic", "video: camera 2", "Stage:", "Catering: coffee",
                                        "handhelds"]), max_size=3)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit, max_size=12))
def test_random_edit_sequences_leave_a_valid_plan_or_a_reason(edits: list[tuple[str, dict[str, object]]]) -> None:
    engine = ShowEngine(seed())
    first_day = seed().event.date
    for name, args in edits:
        before = engine.agenda
        outcome = engine.execute(name, at(13, 35), args)
        assert outcome.message
        if not outcome.accepted:
            assert engine.agenda is before
            continue
        plan = engine.agenda
        assert plan_problem(plan, first_day) == ""
        assert plan_from_json(plan_to_json(plan)) == plan
        state = engine.state(at(13, 36))
        assert len(state.expected) == len(plan.slots)
        if state.current is not None:
            assert state.current == plan.slots[state.index or 0]


def test_a_plan_check_finds_an_overlap() -> None:
    plan = seed()
    slots = list(plan.slots)
    slots[1] = replace(slots[1], start=slots[0].start)
    assert "overlap" in plan_problem(replace(plan, slots=tuple(slots)))


def test_roll_mode_passes_over_a_skipped_slot() -> None:
    engine = ShowEngine(seed())
    assert engine.execute("skip_slot", at(13, 0), {"slot": "status-norway", "on": True}).accepted
    engine.execute("roll", at(13, 35), {"on": True})
    state = engine.state(at(13, 50))
    assert state.current is not None and state.current.id == "ec-objectives" and state.phase is ShowPhase.BETWEEN
    assert engine.state(at(14, 1)).current.id == "ec-objectives"  # type: ignore[union-attr]
    assert [run.slot_id for run in engine.state(at(14, 1)).runs] == ["welcome"]


# -- a panel's moderator, panellists and cues ---------------------------------------------------------


def panel_of(engine: ShowEngine) -> Slot:
    return engine.agenda.slots[engine.agenda.index_of("policy-panel") or 0]


def test_edit_changes_a_panels_moderator_panellists_and_cues_and_undo_brings_them_back() -> None:
    engine = ShowEngine(seed())
    before = engine.agenda
    outcome = engine.execute("edit_slot", at(13, 0), {
        "slot": "policy-panel", "moderator": "Jo Host, Chair, LUP", "panellists": ["Ann, Mayor, Oslo", "Bo, KS"],
        "cues": ["Opening | 3m | Ann, Mayor, Oslo", "Q&A | 20m", "Close|90s"]})
    assert outcome.accepted, outcome.message
    panel = panel_of(engine)
    assert panel.moderator is not None and panel.moderator.label() == "Jo Host, Chair, LUP"
    assert [p.label() for p in panel.panellists] == ["Ann, Mayor, Oslo", "Bo, KS"]
    assert [(c.title, c.duration, c.speaker.label() if c.speaker else "") for c in panel.cues] == [
        ("Opening", 180, "Ann, Mayor, Oslo"), ("Q&A", 1200, ""), ("Close", 90, "")]
    assert engine.execute("undo", at(13, 0), {}).accepted
    assert engine.agenda == before
    assert engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "moderator": ""}).accepted
    assert panel_of(engine).moderator is None


def test_the_running_panels_cues_can_be_replaced_or_cleared() -> None:
    engine = running_panel()
    assert engine.execute("edit_slot", at(15, 41), {"slot": "policy-panel",
                                                    "cues": ["Opening | 10m | Ann, Mayor, Oslo", "Q&A | 20m"]}).accepted
    panel = panel_of(engine)
    assert [(c.title, c.duration) for c in panel.cues] == [("Opening", 600), ("Q&A", 1200)]
    assert panel.cues[0].speaker is not None and panel.cues[0].speaker.organisation == "Oslo"
    assert engine.execute("edit_slot", at(15, 41), {"slot": "policy-panel", "cues": []}).accepted
    assert panel_of(engine).cues == ()


def test_cues_that_do_not_fit_the_slot_or_cannot_be_read_are_refused_with_the_reason() -> None:
    engine = ShowEngine(seed())
    before = engine.agenda
    too_long = engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "cues": ["Opening | 20m",
                                                                                         "Q&A | 11m"]})
    assert not too_long.accepted and "longer than the slot" in too_long.message
    # A shorter slot in the same edit: the cues must fit the new length.
    cut = engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "duration": 1200,
                                                  "cues": ["Opening | 20m", "Q&A | 1m"]})
    assert not cut.accepted and "longer than the slot" in cut.message
    for line, reason in (("Opening", "Title | 3m"), ("Opening | soon", "soon"), (" | 3m", "no title"),
                         ("Opening | 3m | , Chair", "no name"), ("Opening | 0m", "Title | 3m")):
        bad = engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "cues": [line]})
        assert not bad.accepted and reason in bad.message, (line, bad.message)
    bad = engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "moderator": ", Chair, LUP"})
    assert not bad.accepted and "no name" in bad.message
    assert engine.agenda == before


# -- the crew's cues ------------------------------------------------------------------------------------

CREW_COLUMNS = ("Audio", "Video", "Lighting", "Stage")


def with_crew_columns() -> Agenda:
    return replace(seed(), columns=CREW_COLUMNS)


def crew_of(engine: ShowEngine, slot_id: str) -> tuple[tuple[str, str], ...]:
    return engine.agenda.slots[engine.agenda.index_of(slot_id) or 0].crew


def test_every_plan_edit_keeps_the_agendas_crew_columns() -> None:
    engine = ShowEngine(with_crew_columns())
    for name, args in [("edit_slot", {"slot": "closing", "duration": 600}),
                       ("skip_slot", {"slot": "break", "on": True}),
                       ("insert_slot", {"after": "welcome", "title": "Guest", "duration": 300}),
                       ("move_slot", {"slot": "closing", "after": "reception"}), ("delete_slot", {"slot": "guest"}),
                       ("shift", {"minutes": 5})]:
        outcome = engine.execute(name, at(13, 0), args)
        assert outcome.accepted, (name, outcome.message)
        assert engine.agenda.columns == CREW_COLUMNS, name


def test_edit_sets_replaces_and_clears_a_slots_crew_cues_in_column_order_and_undo_brings_them_back() -> None:
    engine = ShowEngine(with_crew_columns())
    before = engine.agenda
    outcome = engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "crew": [
        "Stage: four chairs, a side table", " video :  camera 2 wide ", "Audio: handhelds 3-5", "Lighting:"]})
    assert outcome.accepted, outcome.message
    # In the agenda's column order, the column as the agenda spells it, an empty cue is no cue.
    assert crew_of(engine, "policy-panel") == (("Audio", "handhelds 3-5"), ("Video", "camera 2 wide"),
                                               ("Stage", "four chairs, a side table"))
    panel = panel_of(engine)
    assert (panel.crew_cue("Video"), panel.crew_cue("Lighting")) == ("camera 2 wide", "")
    # The list replaces the slot's cues: a column left out has none.
    assert engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "crew": ["Video: camera 1"]}).accepted
    assert crew_of(engine, "policy-panel") == (("Video", "camera 1"),)
    assert engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "crew": []}).accepted
    assert crew_of(engine, "policy-panel") == ()
    refused = engine.execute("edit_slot", at(13, 0), {"slot": "policy-panel", "crew": []})
    assert not refused.accepted and refused.message == words.nothing_changed(panel.title)
    for _ in range(3):
        assert engine.execute("undo", at(13, 0), {}).accepted
    assert engine.agenda == before


def test_insert_slot_takes_crew_cues() -> None:
    engine = ShowEngine(with_crew_columns())
    outcome = engine.execute("insert_slot", at(13, 0), {"after": "welcome", "title": "Live link", "duration": 300,
                                                        "id": "link", "crew": ["Video: live feed on screen 1"]})
    assert outcome.accepted, outcome.message
    assert crew_of(engine, "link") == (("Video", "live feed on screen 1"),)


def test_crew_cues_that_cannot_be_used_are_refused_with_the_reason() -> None:
    engine = ShowEngine(with_crew_columns())
    cases = [
        (["Audoi: handhelds"], "no crew column 'Audoi' (the columns are Audio, Video, Lighting, Stage); "
                               "did you mean 'Audio'?"),
        (["Catering: coffee"], "no crew column 'Catering' (the columns are Audio, Video, Lighting, Stage)"),
        (["handhelds 3-5"], words.crew_line_unreadable("handhelds 3-5")),
        ([": handhelds"], words.crew_line_unreadable(": handhelds")),
        (["Audio: one", "audio: two"], words.crew_column_twice("Audio")),
        (["Audio: " + "x" * 201], words.crew_cue_too_long("Audio", 201, 200)),
    ]
    for crew, says in cases:
        outcome = engine.execute("edit_slot", at(13, 0), {"slot": "welcome", "crew": crew})
        assert (outcome.accepted, outcome.message) == (False, says), crew
    assert engine.agenda == with_crew_columns()
    # Without columns in the agenda, no crew cue can be given.
    bare = ShowEngine(replace(seed(), columns=()))
    outcome = bare.execute("edit_slot", at(13, 0), {"slot": "welcome", "crew": ["Audio: lectern mic"]})
    assert (outcome.accepted, outcome.message) == (False, words.no_crew_columns())


def test_the_command_table_bounds_the_crew_list() -> None:
    engine = ShowEngine(with_crew_columns())
    many = engine.execute("edit_slot", at(13, 0), {"slot": "welcome", "crew": ["Audio: x"] * 21})
    assert not many.accepted and many.message == words.too_many_items("crew", 20)
    long = engine.execute("edit_slot", at(13, 0), {"slot": "welcome", "crew": ["Audio: " + "x" * 244]})
    assert not long.accepted and long.message == words.too_long("crew", 250)
    tab = engine.execute("edit_slot", at(13, 0), {"slot": "welcome", "crew": ["Audio:\tmic"]})
    assert not tab.accepted and tab.message == words.control_character("crew", 9)
