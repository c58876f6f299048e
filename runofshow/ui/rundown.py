"""The rundown: every slot with its plan, when it is now expected, its status and what actually happened.

Title, length and start are edited in place (`ui/rundown_editing.py` parses the text and runs the
plan command); rows are moved by drag and drop. The model never changes the plan itself: it asks
`on_edit`/`on_move`, and the next snapshot redraws the table (a refused edit simply goes back).

After the fixed COLUMNS come the agenda's crew columns (Audio, Video…), one per department, each slot's
cue elided with the whole cue in its tooltip; the operator hides the ones not needed (`ui/crew_columns.py`).

Over 400 lines, not split: the model and its view share the column table (COLUMNS, NARROW_HIDDEN, the crew
columns' room), and which columns the view has room for is read against what the model holds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from runofshow.core.agenda import Slot
from runofshow.core.live import SlotRun
from runofshow.core.runs import merge_runs
from runofshow.core.show import ShowPhase, ShowState
from runofshow.core.snapshot import ExpectedStart
from runofshow.core.timing import format_short
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate
from runofshow.ui.crew_columns import CrewColumnChoice
from runofshow.ui.theme import ACCENT, ALERT, MUTED

# The headers and status words as written (tests find a column by its header); shown through translate().
COLUMNS = (QT_TRANSLATE_NOOP("RundownModel", "Status"), QT_TRANSLATE_NOOP("RundownModel", "Start"),
           QT_TRANSLATE_NOOP("RundownModel", "Expected"), QT_TRANSLATE_NOOP("RundownModel", "End"),
           QT_TRANSLATE_NOOP("RundownModel", "Length"),
           QT_TRANSLATE_NOOP("RundownModel", "Title"), QT_TRANSLATE_NOOP("RundownModel", "Speakers"),
           QT_TRANSLATE_NOOP("RundownModel", "Kind"), QT_TRANSLATE_NOOP("RundownModel", "Actual start"),
           QT_TRANSLATE_NOOP("RundownModel", "Actual end"), QT_TRANSLATE_NOOP("RundownModel", "Over/under"))
STATUS_WORDS = {"done": QT_TRANSLATE_NOOP("RundownModel", "✓ done"),
                "current": QT_TRANSLATE_NOOP("RundownModel", "▶ NOW"),
                "next": QT_TRANSLATE_NOOP("RundownModel", "next"),
                "upcoming": "",
                "skipped": QT_TRANSLATE_NOOP("RundownModel", "skipped")}
# What a screen reader says before a row's title.
SPOKEN_STATUS = {"done": QT_TRANSLATE_NOOP("RundownModel", "done"),
                 "current": QT_TRANSLATE_NOOP("RundownModel", "current"),
                 "next": QT_TRANSLATE_NOOP("RundownModel", "next"),
                 "upcoming": QT_TRANSLATE_NOOP("RundownModel", "upcoming"),
                 "skipped": QT_TRANSLATE_NOOP("RundownModel", "skipped")}

ModelIndex = QModelIndex | QPersistentModelIndex
HINTED_ROWS = 12  # the rundown asks for room for this many rows; a longer agenda scrolls
# On a small screen the least needed columns give their room to the titles: (below this width, column).
# The planned end goes before the expected start: it is the start plus the length, both still shown.
NARROW_HIDDEN = ((1100, COLUMNS.index("Kind")), (1100, COLUMNS.index("End")), (1050, COLUMNS.index("Actual end")),
                 (900, COLUMNS.index("Over/under")), (820, COLUMNS.index("Length")), (760, COLUMNS.index("Expected")))
# Edited in place: title, length and start (a start typed in becomes a hard start).
EDITABLE = frozenset({COLUMNS.index("Title"), COLUMNS.index("Length"), COLUMNS.index("Start")})
HARD_MARK = "⚓"  # after a hard start's time: anchored to its time of day whatever comes before it
SKIPPED_COLOUR = "#5d667a"  # a skipped slot: greyer than a done one, and struck through
CURRENT_BACKGROUND = "#3a2a05"  # the row of the slot on now
# Crew columns: each at least CREW_LEAST wide (its cue elided, whole in the tooltip), the title at least
# TITLE_LEAST; of the room the fixed columns leave, the title takes about three crew columns' width.
# The timing columns of NARROW_HIDDEN give way (all but these) until the crew columns shown get
# CREW_ROOMY each beside a title of TITLE_ROOMY: looking ahead matters more than what already ran.
CREW_LEAST = 90
CREW_ROOMY = 110
CREW_MOST = 260
TITLE_LEAST = 200
TITLE_ROOMY = 240
TITLE_SHARE = 3  # the title's width in crew columns
KEPT_BEFORE_CREW = frozenset({COLUMNS.index("Expected"), COLUMNS.index("Length")})


def slot_status(state: ShowState, row: int, ran: bool) -> str:
    """done, current, next, upcoming or skipped: the word for a rundown row."""
    if state.index == row:
        return "current"
    if state.slots[row].skipped and not ran:
        return "skipped"
    if state.next is not None and state.slots[row] is state.next and state.phase is not ShowPhase.FINISHED:
        return "next"
    if ran:
        return "done"
    if state.phase is ShowPhase.FINISHED or (state.index is not None and row < state.index):
        return "skipped"
    return "upcoming"


def speakers_text(slot: Slot) -> str:
    return ", ".join(person.name for person in slot.people)


def expected_key(state: ShowState) -> tuple[tuple[int, bool, int], ...]:
    """What the Expected column shows, to the minute: it changes while a slot overruns, not every second."""
    return tuple(_shown_expected(e) for e in state.expected)


def _shown_expected(expected: ExpectedStart) -> tuple[int, bool, int]:
    start = expected.start
    return (start.hour * 60 + start.minute if start is not None else -1), expected.late_hard, expected.gap


def _spans(rows: set[int]) -> list[tuple[int, int]]:
    """The rows as runs of neighbours, first and last of each."""
    spans: list[tuple[int, int]] = []
    for row in sorted(rows):
        if spans and row == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    return spans


class RundownModel(QAbstractTableModel):
    """A table model over the snapshot's slots. Redraws only when the show moves, not every second.

    `on_edit(slot, column, text)` is asked for an edited cell (True: the plan command was accepted).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: ShowState | None = None
        self._actual: dict[str, tuple[float, float, float]] = {}
        self._rows: dict[str, list[int]] = {}  # each slot id's rows (an id is one row in a valid plan)
        self.crew_columns: tuple[str, ...] = ()  # the agenda's crew columns, after the fixed COLUMNS
        self.on_edit: Callable[[Slot, str, str], bool] | None = None
        self.rows_changed = 0  # rows the last update said changed (every row at a reset): for the tests

    def update(self, state: ShowState) -> None:
        """Redraw the rows whose cells the new snapshot changes, and only those: a tick late in a long show
        looks at the rows around the current slot, never at the whole plan or the whole history."""
        old = self._state
        crew_columns = state.columns  # the agenda's: a reload or an edit may bring others
        # Rows added, removed or moved, or other crew columns: a reset. A title, length, start or cue edited
        # keeps the rows (and an open cell editor, the selection and the scroll position): their cells redraw.
        reset = old is None or crew_columns != self.crew_columns or (
            state.slots is not old.slots and [s.id for s in state.slots] != [s.id for s in old.slots])
        if reset or old is None:
            self.beginResetModel()
            self._state = state
            self.crew_columns = crew_columns
            self._actual = merge_runs(state.runs)
            self._rows = {}
            for row, slot in enumerate(state.slots):
                self._rows.setdefault(slot.id, []).append(row)
            self.endResetModel()
            self.rows_changed = len(state.slots)
            return
        rows = self._changed_rows(old, state)
        if state.runs is not old.runs:
            self._actual = self._merged(old.runs, state.runs)
        self._state = state
        self.rows_changed = len(rows)
        last = self.columnCount() - 1
        for first_row, last_row in _spans(rows):
            self.dataChanged.emit(self.index(first_row, 0), self.index(last_row, last))

    def _changed_rows(self, old: ShowState, new: ShowState) -> set[int]:
        """The rows whose cells differ between two snapshots of the same rows, found without visiting the others."""
        if (new.slots is not old.slots or new.played_on != old.played_on
                or (new.phase is not old.phase and ShowPhase.FINISHED in (new.phase, old.phase))):
            return set(range(len(new.slots)))  # a plan edited, another day played, the show over or back: once
        rows: set[int] = set()
        if new.index != old.index:
            # Every row the current slot moved over: their status (current, done, skipped, upcoming).
            ends = [row for row in (old.index, new.index) if row is not None]
            rows.update(range(0 if None in (old.index, new.index) else min(ends), max(ends) + 1))
        for state in (old, new):
            if state.next is not None and (new.next is not old.next or new.phase is not old.phase):
                rows.update(self._rows.get(state.next.id, ()))
        if new.index is not None and (new.current_started != old.current_started or new.phase is not old.phase):
            rows.add(new.index)
        if new.runs is not old.runs:
            before = len(old.runs)
            added = new.runs[before:] if new.runs[:before] == old.runs else set(old.runs) ^ set(new.runs)
            for run in added:
                rows.update(self._rows.get(run.slot_id, ()))
        # Expected starts: only those before the settled part (the same objects in both) can differ.
        low = min(old.index, new.index) if old.index is not None and new.index is not None else 0
        high = min(len(new.slots), max(old.expected_settled, new.expected_settled))
        if len(old.expected) == len(new.expected) == len(new.slots):
            rows.update(row for row in range(low, high)
                        if _shown_expected(old.expected[row]) != _shown_expected(new.expected[row]))
        else:
            rows.update(range(low, len(new.slots)))
        return rows

    def _merged(self, before: tuple[SlotRun, ...], runs: tuple[SlotRun, ...]) -> dict[str, tuple[float, float, float]]:
        """The actual times per slot: the new runs merged into the last ones when runs were only added."""
        if len(runs) > len(before) and runs[:len(before)] == before:
            return merge_runs(runs[len(before):], into=self._actual)  # the model's own dict: no copy
        return merge_runs(runs)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._state is None else len(self._state.slots)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS) + len(self.crew_columns)

    def crew_column(self, section: int) -> str | None:
        """The crew column's name at this section, None for a fixed column."""
        crew = section - len(COLUMNS)
        return self.crew_columns[crew] if 0 <= crew < len(self.crew_columns) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        crew = self.crew_column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return crew if crew is not None else translate("RundownModel", COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and crew is not None:
            return translate("RundownModel", "The {column} crew's cue for each slot. Right-click the header to hide "
                                             "or show crew columns.").format(column=crew)
        return None

    def slot_at(self, row: int) -> Slot | None:
        if self._state is None or not 0 <= row < len(self._state.slots):
            return None
        return self._state.slots[row]

    def expected_at(self, row: int) -> ExpectedStart | None:
        state = self._state
        if state is None or not 0 <= row < len(state.expected):
            return None
        return state.expected[row]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled  # a row dropped below the last one
        flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() in EDITABLE and self.on_edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """An edited cell runs its plan command; the table shows the result with the next snapshot."""
        slot = self.slot_at(index.row()) if index.isValid() else None
        if slot is None or role != Qt.ItemDataRole.EditRole or self.on_edit is None or index.column() >= len(COLUMNS):
            return False
        return self.on_edit(slot, COLUMNS[index.column()], str(value))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        state = self._state
        if state is None or not index.isValid():
            return None
        slot = state.slots[index.row()]
        actual = self._actual.get(slot.id)
        status = slot_status(state, index.row(), actual is not None)
        crew = self.crew_column(index.column())
        if crew is not None:
            return self._crew_data(slot, status, crew, role)
        column = COLUMNS[index.column()]
        expected = self.expected_at(index.row()) if status in ("current", "next", "upcoming") else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(slot, column, status, actual, state, expected=expected)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(slot, column)
        if role == Qt.ItemDataRole.BackgroundRole and status == "current":
            return QBrush(QColor(CURRENT_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "Expected" and expected is not None and expected.late_hard:
                return QBrush(QColor(ALERT))
            if slot.skipped:
                return QBrush(QColor(SKIPPED_COLOUR))
            if status == "current":
                return QBrush(QColor(ACCENT))
            if status in ("done", "skipped"):
                return QBrush(QColor(MUTED))
            if column == "Over/under" and actual is not None:
                return None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(slot, status, column, expected)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(slot, column, expected)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return translate("RundownModel", SPOKEN_STATUS[status]) + " " + slot.title
        return None

    def _crew_data(self, slot: Slot, status: str, column: str, role: int) -> Any:
        """A crew cell: the cue (the view elides it), the whole cue in the tooltip, the row's colours."""
        cue = slot.crew_cue(column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cue
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{column}: {cue}" if cue else None
        if role == Qt.ItemDataRole.BackgroundRole and status == "current":
            return QBrush(QColor(CURRENT_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            if slot.skipped:
                return QBrush(QColor(SKIPPED_COLOUR))
            if status == "current":
                return QBrush(QColor(ACCENT))
            if status in ("done", "skipped"):
                return QBrush(QColor(MUTED))
        if role == Qt.ItemDataRole.FontRole:
            return self._font(slot, status, column, None)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column}: {cue}" if cue else column
        return None

    @staticmethod
    def _font(slot: Slot, status: str, column: str, expected: ExpectedStart | None) -> QFont | None:
        bold = status in ("current", "next") or (column == "Expected" and expected is not None
                                                 and expected.late_hard)
        if not bold and not slot.skipped:
            return None
        font = QFont()
        font.setBold(bold)
        font.setStrikeOut(slot.skipped)
        return font

    @staticmethod
    def _tooltip(slot: Slot, column: str, expected: ExpectedStart | None) -> str:
        if column == "Expected" and expected is not None and expected.start is not None:
            if expected.late_hard:
                return translate("RundownModel", "Hard start {planned} will be missed: at the current pace this "
                                                 "slot starts at {expected}.").format(
                    planned=f"{slot.start:%H:%M}", expected=f"{expected.start:%H:%M}")
            if expected.gap > 0:
                return translate("RundownModel", "A gap of {gap} opens before this hard start at {planned}.").format(
                    gap=format_short(expected.gap), planned=f"{slot.start:%H:%M}")
            return translate("RundownModel", "Expected to start at {expected} at the current pace.").format(
                expected=f"{expected.start:%H:%M}")
        if column == "Start" and slot.hard:
            return translate("RundownModel", "Hard start: this slot keeps {planned} whatever runs before it.").format(
                planned=f"{slot.start:%H:%M}")
        if slot.skipped:
            return translate("RundownModel", "Skipped: GO passes over it (K brings it back).")
        return slot.notes or slot.title

    @staticmethod
    def _edit_text(slot: Slot, column: str) -> str:
        """What an inline editor starts from: the plain value, without marks."""
        if column == "Start":
            return f"{slot.start:%H:%M}"
        if column == "Length":
            return format_short(slot.duration)
        return slot.title

    @staticmethod
    def _text(slot: Slot, column: str, status: str, actual: tuple[float, float, float] | None,
              state: ShowState, *, expected: ExpectedStart | None) -> str:
        tz = state.event.tz
        if column == "Status":
            return translate("RundownModel", STATUS_WORDS[status]) if STATUS_WORDS[status] else ""
        if column == "Start":
            return f"{slot.start:%H:%M} {HARD_MARK}" if slot.hard else f"{slot.start:%H:%M}"
        if column == "Expected":
            if expected is None or expected.start is None:
                return ""
            if expected.gap > 0:
                return translate("RundownModel", "{expected} · gap {gap}").format(
                    expected=f"{expected.start:%H:%M}", gap=format_short(expected.gap))
            return f"{expected.start:%H:%M}"
        if column == "End":
            return f"{slot.end:%H:%M}"
        if column == "Length":
            return format_short(slot.duration)
        if column == "Title":
            return slot.title
        if column == "Speakers":
            return speakers_text(slot)
        if column == "Kind":
            return slot.kind.value
        if column == "Actual start" and status == "current" and state.current_started is not None:
            # Running now: its first start (an earlier stretch, as the report counts it) or this one's.
            began = datetime.fromtimestamp(actual[0], tz) if actual is not None else state.current_started
            return f"{began:%H:%M:%S}"
        if actual is None:
            return ""
        start, end, seconds = actual
        if column == "Actual start":
            return datetime.fromtimestamp(start, tz).strftime("%H:%M:%S")
        if column == "Actual end":
            return datetime.fromtimestamp(end, tz).strftime("%H:%M:%S")
        over = round(seconds - slot.duration)
        if over == 0:
            return translate("RundownModel", "on time")
        return f"{'+' if over > 0 else '-'}{format_short(abs(over))}"


class RundownView(QTableView):
    """The rundown table, keeping the current slot in view and the selected slot selected across plan edits.

    A row dragged onto another emits `dropped(row, before)`: put `row` before row `before` (the row
    count: at the end). The plan command moves it; Qt never moves rows in the model itself.
    """

    dropped = Signal(int, int)

    def __init__(self, model: RundownModel, parent: QWidget | None = None, *,
                 crew: CrewColumnChoice | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.crew = crew if crew is not None else CrewColumnChoice(None, self)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # F2 edits a cell in place (the window's action, ui/rundown_editing.py). Never a click: a field opened
        # by a stray click would take the next Space from GO. Double-click stays "go to this slot".
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        # Compact rows, so that a day's programme (ten slots) shows whole on a 1920×1080 screen.
        self.verticalHeader().setMinimumSectionSize(1)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((80, 64, 112, 56, 60, 420, 190, 80, 96, 96, 90)):
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(COLUMNS.index("Title"), QHeaderView.ResizeMode.Stretch)
        # Right-click the header: the crew columns to show or hide (also in Rundown > Crew columns).
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.crew.changed.connect(lambda _hidden: self.fit_columns())
        model.modelReset.connect(self.fit_columns)
        self._followed: int | None = None
        self._kept: str | None = None  # the selected slot's id while the plan is replaced
        model.modelReset.connect(self.updateGeometry)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)

    def _remember_selection(self) -> None:
        slot = self.selected_slot()
        self._kept = slot.id if slot is not None else None

    def _restore_selection(self) -> None:
        if self._kept is not None:
            self.select_slot(self._kept)

    def select_slot(self, slot_id: str) -> bool:
        """Select the slot with this id (after an edit the plan is new: its row may have moved)."""
        model = self.model()
        for row in range(model.rowCount()):
            slot = model.slot_at(row) if isinstance(model, RundownModel) else None
            if slot is not None and slot.id == slot_id:
                self.selectRow(row)
                self.scrollTo(model.index(row, 0))
                return True
        return False

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """A row dropped between two others: ask for the move, and leave the model's rows to the snapshot.

        Only the rundown's own rows get here: in InternalMove mode Qt refuses any other drag on entering.
        """
        rows = self.selectionModel().selectedRows()
        if not rows:
            event.ignore()
            return
        point = event.position().toPoint()
        target = self.indexAt(point)
        if not target.isValid():
            before = self.model().rowCount()  # below the last row
        else:  # the upper half of a row: before it; the lower half: after it
            before = target.row() + (1 if point.y() > self.visualRect(target).center().y() else 0)
        event.setDropAction(Qt.DropAction.IgnoreAction)  # nothing for Qt to remove afterwards
        event.accept()
        self.dropped.emit(rows[0].row(), before)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Tall enough for every row (up to HINTED_ROWS): the operator window's splitter starts from it."""
        hint = super().sizeHint()
        rows = min(self.model().rowCount(), HINTED_ROWS)
        frame = 2 * self.frameWidth()
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        return QSize(hint.width(), max(hint.height(), height + frame))

    def follow(self, state: ShowState) -> None:
        """Scroll the current (or next) slot into view when it changes."""
        row = state.index if state.index is not None else (0 if state.phase is ShowPhase.PRE_SHOW else None)
        if row is not None and row != self._followed:
            self._followed = row
            self.scrollTo(self.model().index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def _header_menu(self, at: QPoint) -> None:
        self.crew.popup(self.horizontalHeader(), at)

    def fit_columns(self) -> None:
        """Which columns the width has room for, and how wide the crew columns are.

        First the fixed columns the width has room for (NARROW_HIDDEN); then the crew columns the operator
        chose take the room of the least needed timing columns, one after the other in NARROW_HIDDEN's
        order (Expected and Length never give way to them), until they all have CREW_ROOMY each beside a
        title of TITLE_ROOMY; then as many as fit at CREW_LEAST beside TITLE_LEAST, in their order. The
        title stretches over the rest, so the rundown never scrolls sideways.
        """
        model = self.model()
        crew = model.crew_columns if isinstance(model, RundownModel) else ()
        self.crew.set_columns(crew)
        chosen = [place for place, name in enumerate(crew) if self.crew.is_shown(name)]
        width = self.width()
        for narrower_than, column in NARROW_HIDDEN:
            self.setColumnHidden(column, width < narrower_than)
        usable = width - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        title = COLUMNS.index("Title")

        def fixed() -> int:
            return sum(self.columnWidth(column) for column in range(len(COLUMNS))
                       if column != title and not self.isColumnHidden(column))

        giving_way = [column for _width, column in NARROW_HIDDEN if column not in KEPT_BEFORE_CREW]
        while chosen and usable - fixed() - TITLE_ROOMY < len(chosen) * CREW_ROOMY and giving_way:
            self.setColumnHidden(giving_way.pop(0), True)
        room = usable - fixed() - TITLE_LEAST
        fitting = max(0, min(len(chosen), room // CREW_LEAST))
        each = min(CREW_MOST, max(CREW_LEAST, (usable - fixed()) // (fitting + TITLE_SHARE)),
                   room // fitting) if fitting else 0
        shown = set(chosen[:fitting])
        for place in range(len(crew)):
            self.setColumnHidden(len(COLUMNS) + place, place not in shown)
            if place in shown:
                self.setColumnWidth(len(COLUMNS) + place, each)
        self.crew.no_room = tuple(crew[place] for place in chosen[fitting:])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_columns()
        # The first layout (and every resize) can push the followed row out of view: bring it back.
        if self._followed is not None:
            self.scrollTo(self.model().index(self._followed, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_slot(self) -> Slot | None:
        rows = self.selectionModel().selectedRows()
        model = self.model()
        return model.slot_at(rows[0].row()) if rows and isinstance(model, RundownModel) else None
