"""The rundown: every slot with its plan, its status and what actually happened."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from runofshow.core.agenda import Slot
from runofshow.core.runs import merge_runs
from runofshow.core.show import ShowPhase, ShowState
from runofshow.core.timing import format_short
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate
from runofshow.ui.theme import ACCENT, MUTED

# The headers and status words as written (tests find a column by its header); shown through translate().
COLUMNS = (QT_TRANSLATE_NOOP("RundownModel", "Status"), QT_TRANSLATE_NOOP("RundownModel", "Start"),
           QT_TRANSLATE_NOOP("RundownModel", "End"), QT_TRANSLATE_NOOP("RundownModel", "Length"),
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
NARROW_HIDDEN = ((1100, COLUMNS.index("Kind")), (900, COLUMNS.index("Actual end")), (820, COLUMNS.index("Length")),
                 (820, COLUMNS.index("End")))


def slot_status(state: ShowState, row: int, ran: bool) -> str:
    """done, current, next, upcoming or skipped: the word for a rundown row."""
    if state.index == row:
        return "current"
    if state.next is not None and state.slots[row] is state.next and state.phase is not ShowPhase.FINISHED:
        return "next"
    if ran:
        return "done"
    if state.phase is ShowPhase.FINISHED or (state.index is not None and row < state.index):
        return "skipped"
    return "upcoming"


def speakers_text(slot: Slot) -> str:
    return ", ".join(person.name for person in slot.people)


class RundownModel(QAbstractTableModel):
    """A table model over the snapshot's slots. Redraws only when the show moves, not every second."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: ShowState | None = None
        self._actual: dict[str, tuple[float, float, float]] = {}
        self._key: tuple[object, ...] = ()

    def update(self, state: ShowState) -> None:
        key = (id(state.slots), state.index, len(state.runs), state.phase, state.next, state.current_started)
        if key == self._key:
            self._state = state
            return
        reset = self._state is None or state.slots is not self._state.slots
        if reset:
            self.beginResetModel()
        self._state = state
        self._actual = merge_runs(state.runs)
        self._key = key
        if reset:
            self.endResetModel()
        elif state.slots:
            self.dataChanged.emit(self.index(0, 0), self.index(len(state.slots) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._state is None else len(self._state.slots)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("RundownModel", COLUMNS[section])
        return None

    def slot_at(self, row: int) -> Slot | None:
        if self._state is None or not 0 <= row < len(self._state.slots):
            return None
        return self._state.slots[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        state = self._state
        if state is None or not index.isValid():
            return None
        slot = state.slots[index.row()]
        actual = self._actual.get(slot.id)
        status = slot_status(state, index.row(), actual is not None)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(slot, index.column(), status, actual, state)
        if role == Qt.ItemDataRole.BackgroundRole and status == "current":
            return QBrush(QColor("#3a2a05"))
        if role == Qt.ItemDataRole.ForegroundRole:
            if status == "current":
                return QBrush(QColor(ACCENT))
            if status in ("done", "skipped"):
                return QBrush(QColor(MUTED))
            if index.column() == 9 and actual is not None:
                return None
        if role == Qt.ItemDataRole.FontRole and status in ("current", "next"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return slot.notes or slot.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return translate("RundownModel", SPOKEN_STATUS[status]) + " " + slot.title
        return None

    @staticmethod
    def _text(slot: Slot, column: int, status: str, actual: tuple[float, float, float] | None,
              state: ShowState) -> str:
        tz = state.event.tz
        if column == 0:
            return translate("RundownModel", STATUS_WORDS[status]) if STATUS_WORDS[status] else ""
        if column == 1:
            return f"{slot.start:%H:%M}"
        if column == 2:
            return f"{slot.end:%H:%M}"
        if column == 3:
            return format_short(slot.duration)
        if column == 4:
            return slot.title
        if column == 5:
            return speakers_text(slot)
        if column == 6:
            return slot.kind.value
        if column == 7 and status == "current" and state.current_started is not None:
            # Running now: its first start (an earlier stretch, as the report counts it) or this one's.
            began = datetime.fromtimestamp(actual[0], tz) if actual is not None else state.current_started
            return f"{began:%H:%M:%S}"
        if actual is None:
            return ""
        start, end, seconds = actual
        if column == 7:
            return datetime.fromtimestamp(start, tz).strftime("%H:%M:%S")
        if column == 8:
            return datetime.fromtimestamp(end, tz).strftime("%H:%M:%S")
        over = round(seconds - slot.duration)
        if over == 0:
            return translate("RundownModel", "on time")
        return f"{'+' if over > 0 else '-'}{format_short(abs(over))}"


class RundownView(QTableView):
    """The rundown table, keeping the current slot in view."""

    def __init__(self, model: RundownModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        # Compact rows, so that a day's programme (ten slots) shows whole on a 1920×1080 screen.
        self.verticalHeader().setMinimumSectionSize(1)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((80, 56, 56, 60, 420, 190, 80, 96, 96, 90)):
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._followed: int | None = None
        model.modelReset.connect(self.updateGeometry)

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

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        for narrower_than, column in NARROW_HIDDEN:
            self.setColumnHidden(column, self.width() < narrower_than)
        # The first layout (and every resize) can push the followed row out of view: bring it back.
        if self._followed is not None:
            self.scrollTo(self.model().index(self._followed, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_slot(self) -> Slot | None:
        rows = self.selectionModel().selectedRows()
        model = self.model()
        return model.slot_at(rows[0].row()) if rows and isinstance(model, RundownModel) else None
