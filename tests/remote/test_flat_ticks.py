"""A tick serialises as much late in a long show as at its start: the rundown and the runs are made once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from runofshow.core.agenda import Agenda
from runofshow.remote import relay as relay_module
from runofshow.remote import snapshot_json
from runofshow.remote.relay import serialise
from runofshow.remote.snapshot_json import state_to_json
from tests.long_show import after, later, long_plan

TICKS = 5


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Agenda, Path]:
    return long_plan(tmp_path_factory.mktemp("long"), 1100)


def test_a_tick_after_1000_finished_slots_serialises_no_more_than_after_10(
        plan: tuple[Agenda, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[int] = []
    real = snapshot_json.dumps

    def counting(value: Any) -> str:
        text = real(value)
        written.append(len(text))
        return text

    monkeypatch.setattr(snapshot_json, "dumps", counting)
    monkeypatch.setattr(relay_module, "dumps", counting)
    per_tick: dict[int, float] = {}
    for finished in (10, 1000):
        session, now = after(*plan, finished)
        serialise(session.state(now), 1.0)  # the first: the rundown and the runs are made here
        written.clear()
        for second in range(1, TICKS + 1):
            serialise(session.state(later(now, second)), 1.0)
        per_tick[finished] = sum(written) / TICKS
        session.close()
    assert per_tick[1000] <= per_tick[10] + 64, per_tick  # a few digits more in the ids and titles
    assert per_tick[1000] < 8 * 1024, per_tick


def test_a_slot_that_ends_late_in_a_long_show_adds_its_run_to_the_runs_made_before(plan: tuple[Agenda, Path]) -> None:
    session, now = after(*plan, 1000)
    before = serialise(session.state(now), 1.0).runs
    made = snapshot_json.RUNS.made
    assert session.run("next", later(now, 60)).accepted
    runs = serialise(session.state(later(now, 61)), 1.0).runs
    assert runs.version != before.version and snapshot_json.RUNS.made == made + 1
    assert runs.text.startswith(before.text[:-1]) and runs.text.count('"slot_id"') == 1001
    session.close()


def test_the_expected_starts_of_api_state_are_written_anew_only_where_they_moved(
        plan: tuple[Agenda, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    session, now = after(*plan, 1000)
    first = serialise(session.state(now), 1.0)
    assert json.loads(first.text)["expected"] == state_to_json(session.state(now))["expected"]
    written: list[str] = []
    real = snapshot_json.dumps

    def counting(value: Any) -> str:
        text = real(value)
        written.append(text)
        return text

    monkeypatch.setattr(snapshot_json, "dumps", counting)
    state = session.state(later(now, 1))
    text = serialise(state, 1.0).text
    assert json.loads(text)["expected"] == state_to_json(state)["expected"]
    entries = [w for w in written if w.startswith('{"start"')]
    assert len(entries) <= state.expected_settled - (state.index or 0) + 1 < 8, entries
    session.close()
