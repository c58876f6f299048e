"""The plan exported as CSV imports back to the same agenda (issue 14, Export)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from runofshow.core.agenda import Agenda
from runofshow.io.agenda_yaml import load_agenda
from runofshow.io.import_finish import ImportOptions, finish_import
from runofshow.io.import_sheet import read_csv
from runofshow.io.plan_csv import PLAN_COLUMNS, plan_to_csv
from runofshow.paths import bundled_agenda

DATA = Path(__file__).resolve().parent.parent / "data"


def _loading_agendas() -> list[Path]:
    """Every agenda in tests/data that loads, and the bundled one."""
    found = [path for path in sorted(DATA.rglob("*.yaml")) if load_agenda(path).agenda is not None]
    return [*found, bundled_agenda()]


def _round_trip(agenda: Agenda, tmp_path: Path) -> tuple[Agenda | None, tuple[str, ...], tuple[str, ...]]:
    path = tmp_path / "plan.csv"
    path.write_text(plan_to_csv(agenda), encoding="utf-8")
    outcome = finish_import(read_csv(path), ImportOptions())
    return outcome.agenda, outcome.problems, outcome.notes


def _what_a_plan_csv_carries(agenda: Agenda) -> Agenda:
    """The preset messages, the default warning and the holding slide are the operator's setup, not the plan."""
    event = dataclasses.replace(agenda.event, warning=120, holding_slide="")
    return dataclasses.replace(agenda, event=event, messages=())


def test_the_test_data_holds_the_agendas_the_round_trip_is_about() -> None:
    names = {path.name for path in _loading_agendas()}
    assert {"agenda.yaml", "commented.yaml", "multi-day.yaml", "dst-night.yaml"} <= names


@pytest.mark.parametrize("path", _loading_agendas(), ids=lambda path: path.name)
def test_an_agenda_exported_and_imported_back_is_the_same_agenda(path: Path, tmp_path: Path) -> None:
    agenda = load_agenda(path).agenda
    assert agenda is not None
    expected = _what_a_plan_csv_carries(agenda)
    back, problems, notes = _round_trip(expected, tmp_path)
    assert problems == ()
    assert not [note for note in notes if "not understood" in note or "disagree" in note]
    assert back is not None
    assert back.event == expected.event
    assert back.columns == expected.columns
    for before, after in zip(expected.slots, back.slots, strict=True):
        assert after == before
    assert back == expected


def test_the_csv_has_every_column_then_the_crew_columns_and_the_event_above(tmp_path: Path) -> None:
    agenda = load_agenda(DATA / "import" / "multi-day.yaml").agenda
    assert agenda is not None
    lines = plan_to_csv(agenda).splitlines()
    assert lines[:3] == ["Event,Nordic Sound Days", "Date,2025-09-05", "Time zone,Europe/Stockholm"]
    header = next(line for line in lines if line.startswith("ID,"))
    assert header.split(",") == [*PLAN_COLUMNS, "Audio", "Stage"]
    assert "late-set,2025-09-05,23:30,00:30,1h,Late set,talk" in plan_to_csv(agenda)


def test_an_end_the_clock_lives_twice_is_left_to_the_length(tmp_path: Path) -> None:
    agenda = load_agenda(DATA / "import" / "dst-night.yaml").agenda
    assert agenda is not None
    row = next(line for line in plan_to_csv(agenda).splitlines() if line.startswith("fold,"))
    assert row.startswith("fold,2024-10-27,01:30,,2h,")


def test_a_person_one_line_would_not_read_back_is_written_whole(tmp_path: Path) -> None:
    agenda = load_agenda(bundled_agenda()).agenda
    assert agenda is not None
    text = plan_to_csv(agenda)
    assert ("András G. Inotai | Head of Unit, Innovation Policy and Access to Finance | "
            "DG Research&Innovation, European Commission") in text
    assert "Anders H. Eide, Norwegian ambassador to the EU" in text
