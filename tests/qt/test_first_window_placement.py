"""The operator window's first placement: whole and centred on the primary screen, never across two."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from runofshow.qt.settings import FRAME_ALLOWANCE, restore_geometry


def test_a_first_window_is_centred_inside_the_primary_screen_and_fits_it(qtbot: QtBot, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    area = QGuiApplication.primaryScreen().availableGeometry()
    restore_geometry(window, settings, "geometry", (area.width() * 2, area.height() * 2))  # larger than the screen
    placed = window.geometry()
    assert area.contains(placed), (area, placed)
    assert placed.width() == area.width() - FRAME_ALLOWANCE and placed.height() == area.height() - FRAME_ALLOWANCE
    assert abs(placed.center().x() - area.center().x()) <= 1 and abs(placed.center().y() - area.center().y()) <= 1


def test_a_saved_place_is_restored_as_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = QWidget()
    qtbot.addWidget(first)
    first.setGeometry(10, 20, 300, 200)
    settings.setValue("geometry", first.saveGeometry())
    second = QWidget()
    qtbot.addWidget(second)
    restore_geometry(second, settings, "geometry", (1400, 860))
    assert (second.width(), second.height()) == (300, 200)
