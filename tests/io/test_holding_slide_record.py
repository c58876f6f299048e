"""The holding slide in the show record: journaled, replayed after a crash, and kept in the recorded plan."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from runofshow.io.journal import latest_journal, read_journal, replay
from runofshow.io.plan_codec import plan_from_json, plan_to_json
from runofshow.io.session import ShowSession, find_resumable
from tests.core.helpers import at, seed
from tests.io.test_journal import AGENDA_PATH


def test_the_holding_slide_is_journaled_and_comes_back_after_a_crash(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    session.run("holding", at(13, 45), {"on": True})
    journal = latest_journal(tmp_path, AGENDA_PATH)
    assert journal is not None
    names = [entry.name for entry in read_journal(journal).entries]
    assert names[-1] == "holding"
    replayed = replay(seed(), read_journal(journal)).engine
    assert replayed.state(at(13, 46)).holding
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(13, 50))
    assert found is not None and found.state.holding


def test_an_undone_holding_slide_stays_undone_after_a_crash(tmp_path: Path) -> None:
    session = ShowSession(seed(), AGENDA_PATH, tmp_path)
    session.run("go", at(13, 30))
    session.run("holding", at(13, 31), {"on": True})
    session.run("undo", at(13, 32))
    found = find_resumable(tmp_path, AGENDA_PATH, seed(), at(13, 33))
    assert found is not None and not found.state.holding


def test_the_recorded_plan_keeps_the_holding_slide_and_an_old_plan_without_it_loads() -> None:
    agenda = seed()
    with_slide = replace(agenda, event=replace(agenda.event, holding_slide="/shows/brussels/holding.png"))
    assert plan_from_json(plan_to_json(with_slide)).event.holding_slide == "/shows/brussels/holding.png"
    old = plan_to_json(agenda)
    del old["event"]["holding_slide"]
    assert plan_from_json(old).event.holding_slide == ""
