"""The slot dialog: everything about one slot that the rundown's cells do not hold, for a new slot or an old one.

It opens over the operator window and never takes GO away: it is not modal, so a click back on the
operator window and Space run the show while it is open (the operator window's keys do not fire while
the dialog itself is the active window: its fields keep their letters and spaces). OK runs one plan
command (`edit_slot` with the fields that changed, or `insert_slot`); a refusal keeps the dialog open
with its reason, so nothing typed is lost.

The plan commands cannot change a panel's moderator or cues: they are shown read-only, and changed in
the agenda file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runofshow.core.agenda import Person, Slot, SlotKind
from runofshow.core.show import Outcome
from runofshow.core.timing import format_short
from runofshow.ui.plan_entry import parse_length, parse_time_of_day, person_line
from runofshow.ui.theme import CAUTION, MUTED, PANEL, TEXT

RunCommand = Callable[[str, Mapping[str, object]], Outcome]

# Over the operator window it inherits its style sheet's light text: the dark panel goes behind it too.
SLOT_DIALOG_STYLE = f"""
QDialog#slotDialog {{ background: {PANEL}; }}
QDialog#slotDialog QLabel, QDialog#slotDialog QCheckBox {{ color: {TEXT}; font-size: 14px; }}
QDialog#slotDialog QComboBox {{ background: #0b0f18; color: {TEXT}; border: 1px solid #2c3857; padding: 4px; }}
"""


class SlotDialog(QDialog):
    """Edit `slot`, or (slot None) make a new slot after the slot id `after` ('' for the top)."""

    def __init__(self, run: RunCommand, slot: Slot | None, after: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.slot = slot
        self.after = after
        self.inserted: Outcome | None = None  # the accepted insert's outcome (the caller selects the new slot)
        self.setObjectName("slotDialog")
        self.setStyleSheet(SLOT_DIALOG_STYLE)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Edit slot: {title}").format(title=slot.title) if slot is not None
                            else self.tr("New slot"))
        self.setMinimumWidth(680)

        self.title = QLineEdit(slot.title if slot else "")
        self.title.setCursorPosition(0)  # a long title reads from its start
        self.kind = QComboBox()
        for kind in SlotKind:
            self.kind.addItem(kind.value, kind)
        self.kind.setCurrentIndex(list(SlotKind).index(slot.kind if slot else SlotKind.TALK))
        self.length = QLineEdit(format_short(slot.duration) if slot else "15:00")
        self.length.setPlaceholderText(self.tr("15:00 or 15 (minutes)"))
        self.start = QLineEdit(f"{slot.start:%H:%M}" if slot else "")
        self.start.setPlaceholderText(self.tr("HH:MM"))
        self.start.setMaximumWidth(90)
        self.start.setMinimumWidth(self.start.fontMetrics().horizontalAdvance("00:00") + 24)
        self.hard = QCheckBox(self.tr("Hard start (keeps this time of day)"))
        self.hard.setToolTip(self.tr("A hard start keeps its time whatever runs before it (the end of a break, "
                                     "a live link). A soft start follows the slot before it."))
        self.hard.setChecked(slot.hard if slot else False)
        self.start.textEdited.connect(lambda _text: self.hard.setChecked(True))  # a start typed in is kept
        start_row = QHBoxLayout()
        start_row.addWidget(self.start)
        start_row.addWidget(self.hard, 1)

        self.speakers = QTableWidget(0, 3)
        self.speakers.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Organisation")])
        self.speakers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.speakers.verticalHeader().setVisible(False)
        self.speakers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.speakers.setMinimumHeight(120)
        for person in slot.speakers if slot else ():
            self.add_speaker(person)
        self.add_button = QPushButton(self.tr("Add speaker"))
        self.add_button.clicked.connect(lambda: self.add_speaker(None))
        self.remove_button = QPushButton(self.tr("Remove speaker"))
        self.remove_button.clicked.connect(self.remove_speaker)
        speaker_buttons = QHBoxLayout()
        speaker_buttons.addWidget(self.add_button)
        speaker_buttons.addWidget(self.remove_button)
        speaker_buttons.addStretch(1)

        self.notes = QPlainTextEdit(slot.notes if slot else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.warning = QLineEdit(format_short(slot.warning) if slot and slot.warning is not None else "")
        self.warning.setPlaceholderText(self.tr("the event's default"))
        if slot is None:  # insert_slot takes neither: one command per OK, so they wait for the slot to exist
            for field in (self.notes, self.warning):
                field.setEnabled(False)
            self.notes.setPlaceholderText(self.tr("Add notes once the slot is in the rundown (select it, press E)."))

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Length"), self.length)
        form.addRow(self.tr("Start"), start_row)
        speakers_box = QVBoxLayout()
        speakers_box.addWidget(self.speakers)
        speakers_box.addLayout(speaker_buttons)
        form.addRow(self.tr("Speakers"), speakers_box)
        # Read-only (the plan commands do not change them), in a box that scrolls a long panel.
        self.panel_info = QPlainTextEdit(self._panel_text(slot))
        self.panel_info.setObjectName("panelInfo")
        self.panel_info.setReadOnly(True)
        self.panel_info.setStyleSheet(f"color: {MUTED};")
        self.panel_info.setMaximumHeight(8 * self.panel_info.fontMetrics().lineSpacing() + 12)
        if self.panel_info.toPlainText():
            form.addRow(self.tr("Panel"), self.panel_info)
        else:
            self.panel_info.setVisible(False)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Warning before the end"), self.warning)

        self.problem = QLabel()
        self.problem.setObjectName("slotProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {CAUTION}; font-weight: bold;")
        self.problem.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _panel_text(self, slot: Slot | None) -> str:
        """A panel's moderator, panellists and cues, read-only: the plan commands do not change them."""
        if slot is None or (slot.moderator is None and not slot.panellists and not slot.cues):
            return ""
        lines = []
        if slot.moderator is not None:
            lines.append(self.tr("Moderator: {person}").format(person=slot.moderator.label()))
        if slot.panellists:
            lines.append(self.tr("Panellists: {people}").format(
                people="; ".join(person.label() for person in slot.panellists)))
        for cue in slot.cues:
            lines.append(self.tr("Cue: {title} ({length})").format(title=cue.title,
                                                                  length=format_short(cue.duration)))
        lines.append(self.tr("(Moderator, panellists and cues are changed in the agenda file.)"))
        return "\n".join(lines)

    def add_speaker(self, person: Person | None) -> None:
        row = self.speakers.rowCount()
        self.speakers.insertRow(row)
        for column, text in enumerate((person.name, person.role, person.organisation) if person else ("", "", "")):
            self.speakers.setItem(row, column, QTableWidgetItem(text))
        first = self.speakers.item(row, 0)
        if person is None and first is not None:  # a new row: type the name straight away
            self.speakers.setCurrentCell(row, 0)
            self.speakers.editItem(first)

    def remove_speaker(self) -> None:
        row = self.speakers.currentRow()
        if row >= 0:
            self.speakers.removeRow(row)

    def speaker_lines(self) -> tuple[list[str], str]:
        """('Name, role, organisation' per filled row, '') or ([], what is wrong)."""
        lines = []
        for row in range(self.speakers.rowCount()):
            parts = []
            for column in range(3):
                item = self.speakers.item(row, column)
                parts.append(item.text().strip() if item is not None else "")
            name, role, organisation = parts
            if not any(parts):
                continue
            if not name:
                return [], self.tr("Speaker {row} has no name.").format(row=row + 1)
            if "," in name:
                return [], self.tr("A name cannot hold a comma: {name}").format(name=name)
            lines.append(person_line(name, role, organisation))
        return lines, ""

    def command(self) -> tuple[str, dict[str, object], str]:
        """The plan command OK runs: (name, arguments, '') or ('', {}, what is wrong with the fields)."""
        title = self.title.text().strip()
        if not title:
            return "", {}, self.tr("The slot needs a title.")
        duration = parse_length(self.length.text())
        if duration is None:
            return "", {}, self.tr("Length: type minutes (15) or minutes and seconds (15:00).")
        start = ""
        if self.hard.isChecked():
            start = parse_time_of_day(self.start.text()) or ""
            if not start:
                return "", {}, self.tr("Start: type a time of day such as 15:10 (or untick Hard start).")
        warning_text = self.warning.text().strip()
        warning = parse_length(warning_text, zero=True) if warning_text else None
        if warning_text and warning is None:
            return "", {}, self.tr("Warning: type minutes (2) or minutes and seconds (2:00), or leave it empty.")
        speakers, problem = self.speaker_lines()
        if problem:
            return "", {}, problem
        kind = str(self.kind.currentText())
        notes = self.notes.toPlainText()
        slot = self.slot
        if slot is None:
            args: dict[str, object] = {"after": self.after, "title": title, "duration": duration, "kind": kind}
            if speakers:
                args["speakers"] = speakers
            if start:
                args["start"] = start
            return "insert_slot", args, ""
        args = {"slot": slot.id}
        if title != slot.title:
            args["title"] = title
        if kind != slot.kind.value:
            args["kind"] = kind
        if duration != slot.duration:
            args["duration"] = duration
        if start and (not slot.hard or start != f"{slot.start:%H:%M}"):
            args["start"] = start
        elif not start and slot.hard:
            args["start"] = ""  # untick: the slot follows its predecessor again
        if speakers != [person_line(p.name, p.role, p.organisation) for p in slot.speakers]:
            args["speakers"] = speakers
        if notes != slot.notes:
            args["notes"] = notes
        if warning != slot.warning and not (warning is None and slot.warning is None):
            if warning is None:
                return "", {}, self.tr("Warning: type a time; the plan keeps a slot's own warning once set.")
            args["warning"] = warning
        return "edit_slot", args, ""

    def accept(self) -> None:
        name, args, problem = self.command()
        if problem:
            self._refuse(problem)
            return
        if name == "edit_slot" and len(args) == 1:
            super().accept()  # nothing changed: nothing to run
            return
        outcome = self.run(name, args)
        if not outcome.accepted:
            self._refuse(outcome.message)  # the fields stay as typed: fix one and press OK again
            return
        if name == "insert_slot":
            self.inserted = outcome
        super().accept()

    def _refuse(self, reason: str) -> None:
        self.problem.setText(self.tr("Not done: {reason}").format(reason=reason))
        self.problem.setVisible(True)
