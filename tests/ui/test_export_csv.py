"""File > Export CSV…: the plan as it runs, every crew column, where the operator says; a failure said in a box."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from runofshow.io.import_finish import ImportOptions, finish_import
from runofshow.io.import_sheet import read_csv
from runofshow.io.plan_csv import plan_to_csv
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import Rig, make_rig
from tests.ui.crew_agenda import write_crew_agenda


class CsvPrompts(FakePrompts):
    """The fake prompts, answering File > Export CSV…'s picker too."""

    def __init__(self) -> None:
        super().__init__()
        self.csv_target: Path | None = None
        self.csv_suggestions: list[Path] = []

    def open_import(self, start: Path) -> Path | None:
        return None

    def save_import(self, suggested: Path) -> Path | None:
        return None

    def save_csv(self, suggested: Path) -> Path | None:
        self.csv_suggestions.append(suggested)
        return self.csv_target


@pytest.fixture
def prompts() -> CsvPrompts:
    return CsvPrompts()


def test_export_csv_writes_the_plan_where_the_operator_says(rig: Rig, tmp_path: Path, prompts: CsvPrompts) -> None:
    prompts.csv_target = tmp_path / "out" / "plan.csv"
    prompts.csv_target.parent.mkdir()
    rig.controller.export_csv()
    assert prompts.csv_suggestions == [rig.agenda_path.with_suffix(".csv")]
    assert rig.controller.bridge is not None
    agenda = rig.controller.bridge.session.engine.agenda
    assert prompts.csv_target.read_bytes().decode("utf-8") == plan_to_csv(agenda)
    assert rig.window.last_command.text() == f"Plan exported to {prompts.csv_target}"
    assert prompts.problem_calls == []


def test_export_csv_is_in_the_file_menu(rig: Rig, tmp_path: Path, prompts: CsvPrompts) -> None:
    file_menu = rig.window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    prompts.csv_target = tmp_path / "plan.csv"
    next(action for action in file_menu.actions() if action.text() == "Export CSV…").trigger()
    assert prompts.csv_target.exists()


def test_the_exported_plan_imports_back_to_the_same_agenda(rig: Rig, tmp_path: Path, prompts: CsvPrompts) -> None:
    prompts.csv_target = tmp_path / "plan.csv"
    rig.controller.export_csv()
    outcome = finish_import(read_csv(prompts.csv_target), ImportOptions())
    assert rig.controller.bridge is not None
    running = rig.controller.bridge.session.engine.agenda
    # A plan CSV is the running order: the operator's preset messages stay in the agenda file (io/plan_csv.py).
    assert outcome.problems == () and outcome.agenda == replace(running, messages=())


def test_the_export_has_the_plan_edited_in_the_app(rig: Rig, tmp_path: Path, prompts: CsvPrompts) -> None:
    assert rig.controller.bridge is not None
    first = rig.controller.bridge.session.engine.agenda.slots[0]
    outcome = rig.controller.bridge.run("edit_slot", {"slot": first.id, "title": "Welcome, everyone"})
    assert outcome.accepted, outcome.message
    prompts.csv_target = tmp_path / "plan.csv"
    rig.controller.export_csv()
    assert "Welcome, everyone" in prompts.csv_target.read_text(encoding="utf-8")


def test_the_crew_columns_are_exported(qtbot: QtBot, tmp_path: Path, prompts: CsvPrompts) -> None:
    agenda_path = write_crew_agenda(tmp_path / "crew.yaml")
    rig = make_rig(qtbot, tmp_path, prompts, at(13, 20), agenda_path=agenda_path)
    try:
        prompts.csv_target = tmp_path / "crew.csv"
        rig.controller.export_csv()
        header = next(line for line in prompts.csv_target.read_text(encoding="utf-8").splitlines()
                      if line.startswith("ID,"))
        assert header.endswith("Audio,Video,Lighting,Stage")
    finally:
        rig.controller.shutdown()


def test_a_write_error_is_said_in_a_box_and_the_show_goes_on(rig: Rig, tmp_path: Path, prompts: CsvPrompts) -> None:
    prompts.csv_target = tmp_path / "no such folder" / "plan.csv"
    rig.controller.export_csv()
    assert [(title, intro.startswith(str(prompts.csv_target))) for title, intro, _lines in prompts.problem_calls] \
        == [("The plan was not exported", True)]
    assert not prompts.csv_target.exists()
    assert rig.controller.agenda_path == rig.agenda_path


def test_cancelling_the_picker_writes_nothing(rig: Rig, tmp_path: Path, prompts: CsvPrompts) -> None:
    rig.controller.export_csv()
    assert len(prompts.csv_suggestions) == 1
    assert list(tmp_path.glob("*.csv")) == [] and prompts.problem_calls == []
