"""File > New agenda…: the event's title, date, time zone and venue, the first slot, and where to save.

A stage manager starts a show here and never writes YAML: the file is written for them (one first slot,
since a rundown needs one to edit and insert after) and opened, and every edit after that is saved to it.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, time
from functools import cache
from pathlib import Path

from PySide6.QtCore import QDate, QTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from runofshow.io.agenda_save import NewAgenda
from runofshow.io.agenda_yaml import slugify
from runofshow.ui.theme import ACCENT, CAUTION, MUTED, ON_ACCENT, PANEL, TEXT

# Over the operator window it inherits the window's light text: the dark panel behind it, like the slot dialog.
NEW_AGENDA_STYLE = f"""
QDialog#newAgenda {{ background: {PANEL}; }}
QDialog#newAgenda QLabel {{ color: {TEXT}; font-size: 14px; }}
QDialog#newAgenda QLabel#problem {{ color: {CAUTION}; font-weight: bold; }}
QDialog#newAgenda QComboBox, QDialog#newAgenda QDateEdit, QDialog#newAgenda QTimeEdit {{
    background: #0b0f18; color: {TEXT}; border: 1px solid #2c3857; padding: 4px; }}
QDialog#newAgenda QPushButton:default {{ background: {ACCENT}; color: {ON_ACCENT}; }}
QDialog#newAgenda QPushButton:disabled {{ background: #1c2233; color: {MUTED}; }}
"""


@cache
def zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def system_zone() -> str:
    """The computer's own IANA zone (`Europe/Brussels`), or UTC when it has none we know."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "ignore")
    return name if name in zone_names() else "UTC"


class NewAgendaDialog(QDialog):
    """The questions of File > New agenda. `details()` is the answer once accepted."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New agenda"))
        self.setObjectName("newAgenda")
        self.setStyleSheet(NEW_AGENDA_STYLE)
        self.setMinimumWidth(560)
        self.folder = folder
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The event, its first slot, and where to keep the agenda. Add the other slots in the "
                               "rundown: every change is saved to this file."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Spring meeting 2026"))
        form.addRow(self.tr("Event title"), self.title)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Date"), self.day)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(list(zone_names()))
        self.zone.setCurrentText(system_zone())
        completer = QCompleter(list(zone_names()), self.zone)
        completer.setFilterMode(completer.filterMode().MatchContains)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.zone.setCompleter(completer)
        form.addRow(self.tr("Time zone"), self.zone)
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("optional"))
        form.addRow(self.tr("Venue"), self.venue)
        self.start = QTimeEdit(QTime(9, 0))
        self.start.setDisplayFormat("HH:mm")
        form.addRow(self.tr("First slot starts at"), self.start)
        self.first_slot = QLineEdit(self.tr("Opening"))
        form.addRow(self.tr("First slot (15 minutes)"), self.first_slot)
        where = QHBoxLayout()
        self.path = QLineEdit()
        where.addWidget(self.path, 1)
        choose = QPushButton(self.tr("Choose…"))
        choose.setAutoDefault(False)  # Enter creates the agenda; it never opens the file picker
        choose.clicked.connect(self._choose)
        where.addWidget(choose)
        form.addRow(self.tr("Save as"), where)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(self.tr("Create and open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._path_follows_title = True
        self.title.textChanged.connect(self._title_changed)
        self.path.textEdited.connect(self._path_edited)
        for signal in (self.title.textChanged, self.zone.currentTextChanged, self.path.textChanged,
                       self.first_slot.textChanged):
            signal.connect(self._check)
        self._title_changed("")

    def _title_changed(self, title: str) -> None:
        # The file is named after the event until the operator names it: one thing less to type.
        if self._path_follows_title:
            name = slugify(title) if title.strip() else "agenda"
            self.path.setText(str(self.folder / f"{name}.yaml"))

    def _path_edited(self, _text: str) -> None:
        self._path_follows_title = False

    def _choose(self) -> None:
        picker = QFileDialog(self, self.tr("Save the new agenda as"), self.path.text(),
                             self.tr("Agendas (*.yaml *.yml)"))
        picker.setOption(QFileDialog.Option.DontUseNativeDialog)
        picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        picker.setDefaultSuffix("yaml")
        if picker.exec() == QDialog.DialogCode.Accepted and picker.selectedFiles():
            self._path_follows_title = False
            self.path.setText(picker.selectedFiles()[0])

    def problem_text(self) -> str:
        """Why the agenda cannot be created yet ("" when it can)."""
        if not self.title.text().strip():
            return self.tr("Give the event a title.")
        if self.zone.currentText() not in zone_names():
            return self.tr("Choose a time zone from the list (e.g. Europe/Brussels).")
        if not self.first_slot.text().strip():
            return self.tr("Give the first slot a title.")
        path = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip() or path.is_dir():
            return self.tr("Say where to save the agenda.")
        if path.exists():
            return self.tr("{name} already exists: choose another name (an agenda is never overwritten here).") \
                .format(name=path.name)
        if not path.parent.is_dir():
            return self.tr("The folder {folder} does not exist.").format(folder=path.parent)
        return ""

    def _check(self) -> None:
        problem = self.problem_text() if self.title.text().strip() else ""
        self.problem.setText(problem)
        self.create_button.setEnabled(not self.problem_text())

    def accept(self) -> None:
        # Looked at again on the click: the file may have appeared since the name was typed.
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            return
        super().accept()

    def details(self) -> NewAgenda:
        day = self.day.date()
        start = self.start.time()
        return NewAgenda(
            title=self.title.text().strip(), day=date(day.year(), day.month(), day.day()),
            timezone=self.zone.currentText(), venue=self.venue.text().strip(),
            start=time(start.hour(), start.minute()), first_slot=self.first_slot.text().strip(),
            path=Path(self.path.text().strip()).expanduser())
