"""The rundown shows the running slot's actual start, and the bundled agenda whole on a 1920×1080 screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from runofshow.ui.rundown import COLUMNS
from tests.core.helpers import at
from tests.ui.conftest import Rig


def cell(rig: Rig, row: int, column: str) -> str:
    model = rig.window.rundown_model
    return str(model.data(model.index(row, COLUMNS.index(column)), Qt.ItemDataRole.DisplayRole))


def test_the_running_slot_shows_its_actual_start(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 31, 12))
    bridge.run("go")
    rig.at(at(13, 33))
    assert cell(rig, 0, "Status") == "▶ NOW"
    assert cell(rig, 0, "Actual start") == "13:31:12"
    assert cell(rig, 0, "Actual end") == ""
    rig.at(at(13, 47))
    bridge.run("next")
    rig.at(at(13, 50))
    assert cell(rig, 1, "Actual start") == "13:47:00"
    bridge.run("pause")
    rig.at(at(13, 52))
    assert cell(rig, 1, "Actual start") == "13:47:00"  # a pause does not move the start
    assert cell(rig, 2, "Actual start") == ""  # the next slot has not started


def test_before_the_show_no_slot_has_an_actual_start(rig: Rig) -> None:
    rig.at(at(13, 25))
    assert [cell(rig, row, "Actual start") for row in range(10)] == [""] * 10


def fully_visible_rows(rig: Rig) -> int:
    view = rig.window.rundown
    viewport = view.viewport().rect()
    rows = view.model().rowCount()
    return sum(1 for row in range(rows) if viewport.contains(view.visualRect(view.model().index(row, 0))))


def test_the_bundled_agenda_fits_on_a_maximised_1920x1080_window(rig: Rig) -> None:
    window = rig.window
    window.resize(1920, 1040)
    QApplication.processEvents()
    assert window.rundown.model().rowCount() == 10
    assert fully_visible_rows(rig) == 10, (window.rundown.viewport().height(), window.rundown.rowHeight(0))
    assert not window.rundown.verticalScrollBar().isVisible()
