"""File > New agenda…: the questions, their defaults, and what keeps "Create and open" off."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from runofshow.io.agenda_save import new_agenda_text
from runofshow.io.agenda_yaml import parse_agenda
from runofshow.ui.new_agenda import NewAgendaDialog, system_zone, zone_names


def test_the_dialog_names_the_file_after_the_event_and_answers_a_valid_agenda(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewAgendaDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.zone.currentText() == system_zone() and system_zone() in zone_names()
    assert not dialog.create_button.isEnabled()  # no title yet
    dialog.title.setText("Spring meeting: day one")
    dialog.day.setDate(QDate(2026, 4, 18))
    dialog.zone.setCurrentText("Europe/Brussels")
    dialog.venue.setText("Norway House")
    dialog.start.setTime(QTime(13, 30))
    assert dialog.create_button.isEnabled()
    details = dialog.details()
    assert details.path == tmp_path / "spring-meeting-day-one.yaml"
    assert (details.day, details.start, details.timezone) == (date(2026, 4, 18), time(13, 30), "Europe/Brussels")
    agenda = parse_agenda(new_agenda_text(details)).agenda
    assert agenda is not None and agenda.event.title == "Spring meeting: day one"
    assert [(s.title, s.start.strftime("%H:%M"), s.duration) for s in agenda.slots] == [("Opening", "13:30", 900)]


def test_an_existing_file_an_unknown_zone_or_a_missing_folder_keep_create_off(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewAgendaDialog(tmp_path)
    qtbot.addWidget(dialog)
    (tmp_path / "show.yaml").write_text("x", encoding="utf-8")
    dialog.title.setText("Show")
    assert not dialog.create_button.isEnabled() and "already exists" in dialog.problem.text()
    dialog.path.setText(str(tmp_path / "other.yaml"))
    assert dialog.create_button.isEnabled()
    dialog.zone.setCurrentText("Europe/Brusels")
    assert not dialog.create_button.isEnabled() and "time zone" in dialog.problem.text()
    dialog.zone.setCurrentText("UTC")
    dialog.path.setText(str(tmp_path / "missing" / "x.yaml"))
    assert not dialog.create_button.isEnabled() and "does not exist" in dialog.problem.text()
