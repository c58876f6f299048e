"""The slot dialog: everything about one slot that the rundown's cells do not hold, for a new slot or an old one.

It opens over the operator window and never takes GO away: it is not modal, so a click back on the
operator window and Space run the show while it is open (the operator window's keys do not fire while
the dialog itself is the active window: its fields keep their letters and spaces). OK runs one plan
command (`edit_slot` with the fields that changed, or `insert_slot`); a refusal keeps the dialog open
with its reason, so nothing typed is lost.

A panel's moderator, panellists and cues are edited here too (the moderator and panellist rows show for a
panel, or a slot that has them); a cue's speaker is one "Name, role, organisation" text, as a programme
prints it. The cues go to `edit_slot` as "Title | 3m | Name, role, organisation" lines, in their order.

The crew's cues (the agenda's crew columns: Audio, Video…) are one line each; they go to `edit_slot` or
`insert_slot` as `crew`, "Column: cue" texts, the whole list at once (a column left empty has no cue).

Over 400 lines, not split: every field turns into the one command OK runs, and `command` compares them all
with the slot as it is; the fields and that comparison read best side by side.
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
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runofshow.core.agenda import Cue, Person, Slot, SlotKind
from runofshow.core.show import Outcome
from runofshow.core.timeparse import format_duration
from runofshow.core.timing import format_short
from runofshow.ui.plan_entry import parse_length, parse_time_of_day, person_line
from runofshow.ui.theme import CAUTION, PANEL, TEXT

RunCommand = Callable[[str, Mapping[str, object]], Outcome]
CREW_CUE_MOST = 200  # characters in one crew cue, as the agenda allows
TITLE_BAR_ALLOWANCE = 60  # px of the screen's height the window manager's title bar and frame take

# Over the operator window it inherits its style sheet's light text: the dark panel goes behind it too.
SLOT_DIALOG_STYLE = f"""
QDialog#slotDialog {{ background: {PANEL}; }}
QDialog#slotDialog QLabel, QDialog#slotDialog QCheckBox {{ color: {TEXT}; font-size: 14px; }}
QDialog#slotDialog QHeaderView::section {{ background: #1a2233; color: {TEXT}; border: 0; padding: 3px; }}
QDialog#slotDialog QComboBox {{ background: #0b0f18; color: {TEXT}; border: 1px solid #2c3857; padding: 4px; }}
"""


class SlotDialog(QDialog):
    """Edit `slot`, or (slot None) make a new slot after the slot id `after` ('' for the top)."""

    def __init__(self, run: RunCommand, slot: Slot | None, after: str = "", parent: QWidget | None = None, *,
                 crew_columns: tuple[str, ...] = ()) -> None:
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

        self.speakers = self._table([self.tr("Name"), self.tr("Role"), self.tr("Organisation")])
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

        # A panel: its moderator on one line, its panellists in rows like the speakers, its cues in order.
        self.moderator = QLineEdit(_line(slot.moderator) if slot and slot.moderator else "")
        self.moderator.setPlaceholderText(self.tr("Name, role, organisation"))
        self.panellists = self._table([self.tr("Name"), self.tr("Role"), self.tr("Organisation")])
        for person in slot.panellists if slot else ():
            self._add_person(self.panellists, person)
        panellist_buttons = self._buttons(
            (self.tr("Add panellist"), lambda: self.add_panellist(None)),
            (self.tr("Remove panellist"), lambda: self._remove_row(self.panellists)))
        self.cues = self._table([self.tr("Cue"), self.tr("Length"), self.tr("Speaker")])
        self.cues.horizontalHeaderItem(2).setToolTip(self.tr("Name, role, organisation"))  # type: ignore[union-attr]
        self.cues.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.cues.setMinimumHeight(170)  # a panel's turns: several rows without scrolling
        for cue in slot.cues if slot else ():
            self.add_cue(cue)
        cue_buttons = self._buttons(
            (self.tr("Add cue"), lambda: self.add_cue(None)),
            (self.tr("Remove cue"), lambda: self._remove_row(self.cues)),
            (self.tr("Move up"), lambda: self.move_cue(-1)),
            (self.tr("Move down"), lambda: self.move_cue(1)))

        self.notes = QPlainTextEdit(slot.notes if slot else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.warning = QLineEdit(format_short(slot.warning) if slot and slot.warning is not None else "")
        self.warning.setPlaceholderText(self.tr("the event's default"))
        # One line per crew column: the slot's cue for that department (insert_slot takes them too).
        self.crew: dict[str, QLineEdit] = {}
        for column in crew_columns:
            cue_field = QLineEdit(slot.crew_cue(column) if slot else "")
            cue_field.setMaxLength(CREW_CUE_MOST)
            cue_field.setCursorPosition(0)
            cue_field.setPlaceholderText(self.tr("{column} cue for this slot").format(column=column))
            self.crew[column] = cue_field
        if slot is None:  # insert_slot takes none of these: one command per OK, so they wait for the slot to exist
            for field in (self.notes, self.warning, self.moderator, self.panellists, self.cues):
                field.setEnabled(False)
            for button_row in (panellist_buttons, cue_buttons):
                for index in range(button_row.count()):
                    item = button_row.itemAt(index)
                    widget = item.widget() if item is not None else None
                    if widget is not None:
                        widget.setEnabled(False)
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
        form.addRow(self.tr("Moderator"), self.moderator)
        self.panellists_box = QVBoxLayout()
        self.panellists_box.addWidget(self.panellists)
        self.panellists_box.addLayout(panellist_buttons)
        form.addRow(self.tr("Panellists"), self.panellists_box)
        cues_box = QVBoxLayout()
        cues_box.addWidget(self.cues)
        cues_box.addLayout(cue_buttons)
        form.addRow(self.tr("Cues"), cues_box)
        self.form = form
        self._show_panel_rows()
        self.kind.currentIndexChanged.connect(lambda _index: self._show_panel_rows())
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Warning before the end"), self.warning)
        if self.crew:  # a whole row per department: a cue of a sentence is read whole while it is typed
            crew_grid = QGridLayout()
            crew_grid.setColumnStretch(1, 1)
            for place, (column, cue_field) in enumerate(self.crew.items()):
                name = QLabel(column)
                name.setBuddy(cue_field)
                crew_grid.addWidget(name, place, 0)
                crew_grid.addWidget(cue_field, place, 1)
            form.addRow(self.tr("Crew cues"), crew_grid)

        self.problem = QLabel()
        self.problem.setObjectName("slotProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {CAUTION}; font-weight: bold;")
        self.problem.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # The fields scroll when the screen is too short for them (1024×600): OK and Cancel stay on it.
        fields = QWidget()
        fields.setObjectName("slotFields")
        fields.setLayout(form)
        self.fields_area = QScrollArea()
        self.fields_area.setObjectName("slotFieldsArea")
        self.fields_area.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_area.setWidgetResizable(True)
        self.fields_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_area.setWidget(fields)
        fields.setAutoFillBackground(False)  # setWidget fills it with the system's grey: the dialog's panel shows
        self.fields_area.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_area, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        screen = parent.screen() if parent is not None else self.screen()
        self.fit_height(screen.availableGeometry().height() - TITLE_BAR_ALLOWANCE)

    def fit_height(self, room: int) -> None:
        """As tall as every field needs, but at most `room` pixels (the screen's, less the title bar)."""
        fields = self.fields_area.widget()
        layout = self.layout()
        if fields is None or layout is None:
            return
        margins = layout.contentsMargins()
        buttons = self.ok_button.sizeHint().height() if self.ok_button is not None else 0
        wanted = fields.sizeHint().height() + margins.top() + margins.bottom() + buttons + 2 * layout.spacing() + 2
        width = max(self.width(), self.minimumWidth(), fields.sizeHint().width() + 24)
        self.resize(width, max(200, min(wanted, room)))

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setMinimumHeight(120)
        return table

    def _buttons(self, *actions: tuple[str, Callable[[], None]]) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, action in actions:
            button = QPushButton(text)
            button.clicked.connect(action)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _show_panel_rows(self) -> None:
        """Moderator and panellist rows for a panel, or a slot that has them; a talk's dialog stays short."""
        slot = self.slot
        shown = self.kind.currentData() is SlotKind.PANEL or (
            slot is not None and (slot.moderator is not None or bool(slot.panellists)))
        self.form.setRowVisible(self.moderator, shown)
        self.form.setRowVisible(self.panellists_box, shown)

    def _add_row(self, table: QTableWidget, texts: tuple[str, ...], new: bool) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(texts):
            table.setItem(row, column, QTableWidgetItem(text))
        first = table.item(row, 0)
        if new and first is not None:  # a new row: type straight away
            table.setCurrentCell(row, 0)
            table.editItem(first)

    def _add_person(self, table: QTableWidget, person: Person | None) -> None:
        texts = (person.name, person.role, person.organisation) if person else ("", "", "")
        self._add_row(table, texts, person is None)

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)

    def add_speaker(self, person: Person | None) -> None:
        self._add_person(self.speakers, person)

    def remove_speaker(self) -> None:
        self._remove_row(self.speakers)

    def add_panellist(self, person: Person | None) -> None:
        self._add_person(self.panellists, person)

    def add_cue(self, cue: Cue | None) -> None:
        texts = (cue.title, format_short(cue.duration), _line(cue.speaker) if cue.speaker else "") if cue \
            else ("", "", "")
        self._add_row(self.cues, texts, cue is None)

    def remove_cue(self) -> None:
        self._remove_row(self.cues)

    def move_cue(self, step: int) -> None:
        """The selected cue one place up (-1) or down (1); it stays selected, to move it again."""
        row = self.cues.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.cues.rowCount():
            return
        for column in range(self.cues.columnCount()):
            here, there = self.cues.takeItem(row, column), self.cues.takeItem(target, column)
            self.cues.setItem(target, column, here)
            self.cues.setItem(row, column, there)
        self.cues.setCurrentCell(target, self.cues.currentColumn())

    def cue_cell(self, row: int, column: int) -> str:
        item = self.cues.item(row, column)
        return item.text().strip() if item is not None else ""

    def _people_lines(self, table: QTableWidget, no_name: str) -> tuple[list[str], str]:
        """('Name, role, organisation' per filled row, '') or ([], what is wrong); `no_name` takes {row}."""
        lines = []
        for row in range(table.rowCount()):
            parts = []
            for column in range(3):
                item = table.item(row, column)
                parts.append(item.text().strip() if item is not None else "")
            name, role, organisation = parts
            if not any(parts):
                continue
            if not name:
                return [], no_name.format(row=row + 1)
            if "," in name:
                return [], self.tr("A name cannot hold a comma: {name}").format(name=name)
            lines.append(person_line(name, role, organisation))
        return lines, ""

    def speaker_lines(self) -> tuple[list[str], str]:
        return self._people_lines(self.speakers, self.tr("Speaker {row} has no name."))

    def cue_lines(self) -> tuple[list[str], str]:
        """'Title | 3m | Name, role, organisation' per filled cue row, in order, or ([], what is wrong)."""
        lines = []
        for row in range(self.cues.rowCount()):
            title, length_text, speaker = (self.cue_cell(row, column) for column in range(3))
            if not (title or length_text or speaker):
                continue
            if not title:
                return [], self.tr("Cue {row} has no title.").format(row=row + 1)
            if "|" in title + speaker:
                return [], self.tr("Cue {row}: a title or speaker cannot hold |.").format(row=row + 1)
            length = parse_length(length_text)
            if length is None:
                return [], self.tr("Cue {row}: type its length in minutes (3) or minutes and seconds (3:00).").format(
                    row=row + 1)
            lines.append(f"{title} | {format_duration(length)}" + (f" | {speaker}" if speaker else ""))
        return lines, ""

    def crew_lines(self) -> list[str]:
        """'Column: cue' for each crew column with a cue, in the agenda's column order."""
        lines = []
        for column, field in self.crew.items():
            cue = " ".join(field.text().split())  # one line: a pasted line break or tab is a space
            if cue:
                lines.append(f"{column}: {cue}")
        return lines

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
        panellists, problem = self._people_lines(self.panellists, self.tr("Panellist {row} has no name."))
        if problem:
            return "", {}, problem
        cues, problem = self.cue_lines()
        if problem:
            return "", {}, problem
        moderator = self.moderator.text().strip()
        crew = self.crew_lines()
        kind = str(self.kind.currentText())
        notes = self.notes.toPlainText()
        slot = self.slot
        if slot is None:
            args: dict[str, object] = {"after": self.after, "title": title, "duration": duration, "kind": kind}
            if speakers:
                args["speakers"] = speakers
            if start:
                args["start"] = start
            if crew:
                args["crew"] = crew
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
        if moderator != (_line(slot.moderator) if slot.moderator else ""):
            args["moderator"] = moderator
        if panellists != [_line(p) for p in slot.panellists]:
            args["panellists"] = panellists
        if cues != [f"{c.title} | {format_duration(c.duration)}" + (f" | {_line(c.speaker)}" if c.speaker else "")
                    for c in slot.cues]:
            args["cues"] = cues
        if self.crew and crew != [f"{column}: {cue}" for column, cue in slot.crew if column in self.crew]:
            args["crew"] = crew
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


def _line(person: Person) -> str:
    """A person as one 'Name, role, organisation' text that reads back into the same three parts."""
    return person_line(person.name, person.role, person.organisation)
