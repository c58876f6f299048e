"""File > Import…: what was understood of an organiser's programme, shown before it becomes the agenda.

The preview opens over the operator window and is not modal: the show goes on while it is open. It
shows the event, a table of the slots and every note and line not understood, with fields for what the
source did not say (the date, the time zone, the length of a last slot that has only a start); each
change runs the import's last step (`finish_import`) again. "Save and open…" asks where to keep the
agenda, writes it atomically and opens it the way File > Open does. It stays disabled while the import
has problems, which are listed in red: a broken import never reaches the running show.

Not split although over 400 lines: one dialog with its style sheet and the two small functions that make its
table's rows (from the finished agenda, or from the draft while it has problems); nothing else uses them.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runofshow.core.agenda import Agenda, Person
from runofshow.io.agenda_save import write_atomically
from runofshow.io.import_draft import DraftSlot, ImportDraft, guess_kind
from runofshow.io.import_finish import ImportOptions, ImportOutcome, finish_import
from runofshow.io.import_read import ImportReadError, read_import
from runofshow.qt.translation import translate
from runofshow.ui.dialogs import Prompts
from runofshow.ui.new_agenda import zone_names
from runofshow.ui.theme import ACCENT, ALERT, CAUTION, MUTED, ON_ACCENT, PANEL, TEXT

FinishImport = Callable[[ImportDraft, ImportOptions], ImportOutcome]

# Over the operator window it inherits the window's light text: the dark panel behind it, like the slot dialog.
IMPORT_STYLE = f"""
QDialog#importPreview {{ background: {PANEL}; }}
QDialog#importPreview QLabel {{ color: {TEXT}; font-size: 14px; }}
QDialog#importPreview QLabel#heading {{ font-weight: bold; }}
QDialog#importPreview QLabel#problems {{ color: {ALERT}; font-weight: bold; }}
QDialog#importPreview QLabel#fromFile {{ color: {MUTED}; }}
QDialog#importPreview QComboBox, QDialog#importPreview QDateEdit, QDialog#importPreview QSpinBox {{
    background: #0b0f18; color: {TEXT}; border: 1px solid #2c3857; padding: 4px; }}
QDialog#importPreview QSpinBox {{ padding-right: 20px; }}
QDialog#importPreview QSpinBox::up-button, QDialog#importPreview QSpinBox::down-button {{
    subcontrol-origin: border; width: 18px; background: #24304a; border: 0; }}
QDialog#importPreview QSpinBox::up-button {{ subcontrol-position: top right; }}
QDialog#importPreview QSpinBox::down-button {{ subcontrol-position: bottom right; }}
QDialog#importPreview QSpinBox::up-arrow {{ width: 0; height: 0; border-left: 4px solid #24304a;
    border-right: 4px solid #24304a; border-bottom: 5px solid {TEXT}; }}
QDialog#importPreview QSpinBox::down-arrow {{ width: 0; height: 0; border-left: 4px solid #24304a;
    border-right: 4px solid #24304a; border-top: 5px solid {TEXT}; }}
QDialog#importPreview QTableWidget, QDialog#importPreview QListWidget {{
    background: #0b0f18; color: {TEXT}; alternate-background-color: #121a2a; border: 1px solid #2c3857; }}
QDialog#importPreview QHeaderView {{ background: #1a2233; }}
QDialog#importPreview QHeaderView::section {{ background: #1a2233; color: {TEXT}; border: 0; padding: 3px; }}
QDialog#importPreview QPushButton {{ background: #24304a; color: {TEXT}; border-radius: 4px; padding: 7px 16px; }}
QDialog#importPreview QPushButton:default {{ background: {ACCENT}; color: {ON_ACCENT}; }}
QDialog#importPreview QPushButton:disabled {{ background: #1c2233; color: {MUTED}; }}
"""
SPREADSHEETS = frozenset({".csv", ".tsv", ".xlsx"})  # their notes name a row, not a line
NOTE_PLACE = re.compile(r":(?P<line>\d+): (?P<text>.*)", re.DOTALL)  # after FILE; `FILE: text` is line 0
NOT_UNDERSTOOD = re.compile(r"not understood", re.IGNORECASE)
SHOWN_PROBLEMS = 3  # in the red line above the buttons; every one of them is in the list too
FIELD_WIDTH = 360  # the date and zone fields: wide enough for America/Argentina/Buenos_Aires, no wider
WIDEST_COLUMN = {2: 440}  # the title may take more room than the other columns (320), which show the rest


class _TodayFirstCalendar(QCalendarWidget):
    """A date not chosen yet is the edit's minimum ("choose a date"): its calendar opens on this month."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.selectedDate() == self.minimumDate():
            today = QDate.currentDate()
            self.setCurrentPage(today.year(), today.month())


class ImportPreviewDialog(QDialog):
    """The preview of one import. `outcome` is the import as it stands with the fields filled here.

    `open_agenda(path)` opens the saved agenda as File > Open does; `running_agenda()` is the agenda file
    the show runs on now, which an import never overwrites.
    """

    def __init__(self, draft: ImportDraft, prompts: Prompts, open_agenda: Callable[[Path], None],
                 running_agenda: Callable[[], Path | None], parent: QWidget | None = None, *,
                 finish: FinishImport = finish_import) -> None:
        super().__init__(parent)
        # A zone the file names that is not one ("Central European Time") is asked here like a missing one:
        # the import would otherwise take the file's word over the field's.
        self.unknown_zone = ""
        self.draft = self._without_unknown_zone(draft)
        self.read_year: int | None = None  # the year a workbook was last read with (sheets named "14 Oct")
        self.prompts = prompts
        self.open_agenda = open_agenda
        self.running_agenda = running_agenda
        self.finish = finish
        self.setObjectName("importPreview")
        self.setStyleSheet(IMPORT_STYLE)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowTitle(self.tr("Import {name}").format(name=draft.source.name))
        self.setMinimumSize(560, 420)
        self.resize(1000, 700)
        self.outcome: ImportOutcome  # set by `refresh`, once the fields exist
        # What the source says itself (a spreadsheet's Date column dates the first slot): not asked here.
        self.given_date = draft.event.date or (draft.slots[0].day if draft.slots else None)
        self.given_zone = draft.event.timezone.strip()

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("What was understood of {name}. Check it and fill in what the file does not say; "
                               "nothing changes in the show until you save and open it.")
                       .format(name=draft.source.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._event_form())

        self.slots_heading = QLabel()
        self.slots_heading.setObjectName("heading")
        self.slots_table = QTableWidget()
        self.slots_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.slots_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.slots_table.setAlternatingRowColors(True)
        self.slots_table.setWordWrap(False)
        self.slots_table.verticalHeader().setVisible(False)
        self.notes_heading = QLabel()
        self.notes_heading.setObjectName("heading")
        self.notes_list = QListWidget()
        self.notes_list.setWordWrap(True)
        # The slots above, the notes below; the operator drags the line between them to read either.
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        for heading, view in ((self.slots_heading, self.slots_table), (self.notes_heading, self.notes_list)):
            part = QWidget()
            part_layout = QVBoxLayout(part)
            part_layout.setContentsMargins(0, 4, 0, 0)
            part_layout.addWidget(heading)
            part_layout.addWidget(view, 1)
            split.addWidget(part)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problems_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button: QPushButton = self.buttons.addButton(self.tr("Save and open…"),
                                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save_and_open)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.day.dateChanged.connect(self.refresh)
        self.zone.currentTextChanged.connect(self.refresh)
        self.length.valueChanged.connect(self.refresh)
        self.refresh()

    # -- the event, and what the source did not say ---------------------------------------------

    def _event_form(self) -> QFormLayout:
        event = self.draft.event
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.event_title = QLabel(event.title or self.tr("(none: the file's name is used)"))
        self.event_title.setWordWrap(True)
        form.addRow(self.tr("Event"), self.event_title)

        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setCalendarWidget(_TodayFirstCalendar())
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumDate(QDate(2000, 1, 1))  # the minimum means "not chosen yet"
        self.day.setSpecialValueText(self.tr("choose a date"))
        self.day.setDate(self.day.minimumDate())
        self.day_from_file = QLabel()
        self.day_from_file.setObjectName("fromFile")
        form.addRow(self.tr("Date"), self._given_or_asked(self.given_date.isoformat() if self.given_date else "",
                                                          self.day_from_file, self.day))

        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(list(zone_names()))
        self.zone.setCurrentIndex(-1)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.zone.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("choose a time zone, e.g. Europe/Brussels"))
        completer = QCompleter(list(zone_names()), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)
        self.zone_from_file = QLabel()
        self.zone_from_file.setObjectName("fromFile")
        form.addRow(self.tr("Time zone"), self._given_or_asked(self.given_zone, self.zone_from_file, self.zone))
        if self.unknown_zone:
            self.zone_from_file.setText(self.tr("the file says “{zone}”, which is not a time zone's name: choose the "
                                                "one it means").format(zone=self.unknown_zone))
            self.zone_from_file.setVisible(True)

        venue = ", ".join(part for part in (event.venue_name, event.venue_address) if part)
        self.venue = QLabel(venue or self.tr("(not in the file)"))
        self.venue.setWordWrap(True)
        form.addRow(self.tr("Venue"), self.venue)

        self.length = QSpinBox()
        self.length.setRange(1, 24 * 60)
        self.length.setValue(ImportOptions().default_length // 60)
        self.length.setSuffix(self.tr(" min"))
        self.length.setToolTip(self.tr("The length of a last slot that has only a start time."))
        self.length.setMaximumWidth(140)
        self.day.setMaximumWidth(FIELD_WIDTH)
        self.zone.setMaximumWidth(FIELD_WIDTH)
        form.addRow(self.tr("Last slot's length"), self.length)
        return form

    def _given_or_asked(self, given: str, label: QLabel, editor: QWidget) -> QWidget:
        """What the file says, as a line of text, and the field where the operator says it or changes it.

        The field stays: a zone the importer guessed from a city, or a date from a running header, may be
        wrong, and what is chosen here wins over the file.
        """
        box = QWidget()
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(editor)
        label.setText(self.tr("{value} (from the file; choose another below to change it)").format(value=given))
        label.setVisible(bool(given))
        return box

    def _without_unknown_zone(self, draft: ImportDraft) -> ImportDraft:
        """A zone the file names that is not one ("Central European Time") is asked here like a missing one:
        the import would otherwise take the file's word over the field's."""
        file_zone = draft.event.timezone.strip()
        if file_zone and file_zone not in zone_names():
            self.unknown_zone = file_zone
            return replace(draft, event=replace(draft.event, timezone=""))
        return draft

    def _read_again_for_the_year(self, chosen: date | None) -> None:
        """A workbook whose sheets are named by a day without a year ("Day 2 – 15 Oct") is read again with
        the year of the date chosen here, as `runofshow import --date` does."""
        source = self.draft.source
        if chosen is None or chosen.year == self.read_year or source.suffix.lower() not in SPREADSHEETS:
            return
        self.read_year = chosen.year
        with contextlib.suppress(ImportReadError):  # the file changed or went away since: keep what was read
            self.draft = self._without_unknown_zone(read_import(source, year=chosen.year))

    def options(self) -> ImportOptions:
        """The fields as the import's options: a field not filled in (or not a known zone) is left out."""
        chosen = self.day.date()
        day = None if chosen == self.day.minimumDate() else date(chosen.year(), chosen.month(), chosen.day())
        zone = self.zone.currentText().strip()
        return ImportOptions(date=day, timezone=zone if zone in zone_names() else "",
                             default_length=self.length.value() * 60)

    # -- what the import gives with these options -----------------------------------------------

    def problems(self) -> list[str]:
        """Why there is nothing to save yet: the fields here not filled in first, then the import's own problems.

        The import names its command line's options for a missing date or zone (`--date`): here the
        operator reads the field to fill instead.
        """
        own: list[str] = []
        options = self.options()
        about_field: list[str] = []
        if self.given_date is None and options.date is None:
            own.append(self.tr("Choose the date above: the file does not give one."))
            about_field.append("--date")
        zone = self.zone.currentText().strip()
        if not self.given_zone and not options.timezone:
            own.append(self.tr("{zone} is not a time zone: choose one from the list above.").format(zone=zone) if zone
                       else self.tr("Choose the time zone above: the file does not say it."))
            about_field.append("--timezone")
        source_wide = f"{self.draft.source}: "  # the import's problems about the whole file, not one line
        return own + [problem for problem in self.outcome.problems
                      if not (problem.startswith(source_wide) and any(flag in problem for flag in about_field))]

    def refresh(self) -> None:
        """Run the import's last step again with the fields as they are, and show what it gives."""
        options = self.options()
        self._read_again_for_the_year(options.date)
        self.outcome = self.finish(self.draft, options)
        agenda = self.outcome.agenda
        if agenda is not None:
            self._fill_table(agenda_rows(agenda), list(agenda.columns))
            self.slots_heading.setText(self.tr("{count} slot(s), as they will be saved").format(
                count=len(agenda.slots)))
        else:
            self._fill_table([draft_row(slot, self.draft.columns) for slot in self.draft.slots],
                             list(self.draft.columns))
            self.slots_heading.setText(self.tr("{count} slot(s) as read; their ends and days are worked out once "
                                               "the problems below are solved").format(count=len(self.draft.slots)))
        problems = self.problems()
        self._fill_notes(problems)
        if problems:
            shown = "\n".join(self._place_of(problem) for problem in problems[:SHOWN_PROBLEMS])
            more = len(problems) - SHOWN_PROBLEMS
            self.problems_label.setText(
                self.tr("Not ready to save:\n{problems}").format(problems=shown) if more <= 0 else
                self.tr("Not ready to save:\n{problems}\n…and {count} more in the list above")
                .format(problems=shown, count=more))
        self.problems_label.setVisible(bool(problems))
        self.save_button.setEnabled(not problems and self.outcome.yaml_text is not None)

    def _fill_table(self, rows: list[list[str]], columns: list[str]) -> None:
        headers = [self.tr("Start"), self.tr("End"), self.tr("Title"), self.tr("Kind"), self.tr("People"),
                   self.tr("Notes"), *columns]
        table = self.slots_table
        table.horizontalHeader().setStretchLastSection(False)  # the widths below first, then the last one fills
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(headers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):  # a long title or list of names never pushes the rest away
            table.setColumnWidth(column, min(table.columnWidth(column), WIDEST_COLUMN.get(column, 320)))
        header.setStretchLastSection(True)

    def _fill_notes(self, problems: list[str]) -> None:
        self.notes_list.clear()
        for problem in problems:
            item = QListWidgetItem(self._place_of(problem))
            item.setForeground(QBrush(QColor(ALERT)))
            self.notes_list.addItem(item)
        for note in self.outcome.notes:
            # The import names its command's option; here it is the field above.
            text = self._place_of(note).replace("(--default-length)", self.tr("(the last slot's length above)"))
            item = QListWidgetItem(text)
            if NOT_UNDERSTOOD.search(text):
                item.setForeground(QBrush(QColor(CAUTION)))
            self.notes_list.addItem(item)
        understood = len(self.outcome.notes)
        self.notes_heading.setText(
            self.tr("Problems ({problems}) and notes ({notes}): every line that was not understood is here")
            .format(problems=len(problems), notes=understood) if problems else
            self.tr("Notes ({notes}): every line that was not understood is here").format(notes=understood))

    def _place_of(self, note: str) -> str:
        """`FILE:48: text` as the operator reads it beside the file they have: `line 48: text` (a sheet's: row);
        `FILE: text` (about the whole file): the text."""
        source = str(self.draft.source)
        if not note.startswith(source + ":"):
            return note
        rest = note[len(source):]
        place = NOTE_PLACE.fullmatch(rest)
        if place is None:
            return rest.removeprefix(":").strip()
        number, text = int(place["line"]), place["text"]
        if self.draft.source.suffix.lower() in SPREADSHEETS:
            return self.tr("row {number}: {text}").format(number=number, text=text)
        return self.tr("line {number}: {text}").format(number=number, text=text)

    # -- saving and opening ---------------------------------------------------------------------

    def suggested_path(self) -> Path:
        """Next to the source, named after it: programme.txt -> programme.yaml (never the source itself)."""
        source = self.draft.source
        suggested = source.with_suffix(".yaml")
        if suggested == source or suggested == self.running_agenda():
            suggested = source.with_name(f"{source.stem}-agenda.yaml")
        return suggested

    def save_and_open(self) -> None:
        """Where to keep it (the picker asks before replacing a file), write it, open it; the preview closes."""
        if not self.save_button.isEnabled():
            return
        target = self.prompts.save_import(self.suggested_path())
        if target is None:
            return
        # The fields may have changed while the picker was open: what is saved is what the preview shows now.
        yaml_text = self.outcome.yaml_text
        if self.problems() or yaml_text is None:
            return
        running = self.running_agenda()
        if running is not None and target.resolve() == running.resolve():
            self.prompts.problems(self.tr("The import was not saved"),
                                  self.tr("{path} is the agenda the show is running on: save the import under "
                                          "another name.").format(path=target), [])
            return
        try:
            write_atomically(target, yaml_text.encode("utf-8"))
        except OSError as exc:
            self.prompts.problems(self.tr("The import was not saved"),
                                  self.tr("{path}: {reason}").format(path=target, reason=exc.strerror or exc), [])
            return
        self.accept()
        self.open_agenda(target)


def preview_import(source: Path, prompts: Prompts, open_agenda: Callable[[Path], None],
                   running_agenda: Callable[[], Path | None], parent: QWidget | None) -> ImportPreviewDialog | None:
    """Read `source` and show its preview (not modal); a file that cannot be read at all is said in a box."""
    try:
        draft = read_import(source)
    except ImportReadError as exc:
        prompts.problems(translate("ImportPreview", "This file cannot be imported"), str(exc), [])
        return None
    dialog = ImportPreviewDialog(draft, prompts, open_agenda, running_agenda, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


# -- the table's rows ---------------------------------------------------------------------------

def _names(people: list[Person] | tuple[Person, ...], moderator: Person | None) -> str:
    names = [translate("ImportPreview", "{name} (moderator)").format(name=moderator.name)] if moderator else []
    return ", ".join(names + [person.name for person in people])


def _one_line(notes: str) -> str:
    """Notes of several lines in one table row (the tooltip shows the same)."""
    return " / ".join(line.strip() for line in notes.splitlines() if line.strip())


def agenda_rows(agenda: Agenda) -> list[list[str]]:
    """One row per slot of the finished agenda: start, end, title, kind, people, notes, a cell per crew column."""
    first_day = agenda.event.date

    def when(moment: datetime) -> str:
        # A slot on another day than the event's first says which: a two-day programme reads right.
        return f"{moment:%H:%M}" if moment.date() == first_day else f"{moment:%a %d %b %H:%M}"

    return [[when(slot.start), when(slot.end), slot.title, slot.kind.value,
             _names(slot.panellists + slot.speakers, slot.moderator), _one_line(slot.notes),
             *(slot.crew_cue(column) for column in agenda.columns)] for slot in agenda.slots]


def draft_row(slot: DraftSlot, columns: list[str]) -> list[str]:
    """A slot as read, before the import worked out what the source left implicit (blank: not known yet)."""
    day = f"{slot.day:%a %d %b} " if slot.day is not None else ""
    start = f"{day}{slot.start:%H:%M}" if slot.start is not None else ""
    if slot.end is not None:
        end = f"{slot.end:%H:%M}"
    elif slot.duration is not None:
        end = translate("ImportPreview", "+{minutes} min").format(minutes=round(slot.duration / 60))
    else:
        end = ""
    kind = slot.kind or guess_kind(slot.title)
    return [start, end, slot.title, kind.value, _names(slot.panellists + slot.speakers, slot.moderator),
            _one_line(slot.notes), *(slot.crew.get(column, "") for column in columns)]
