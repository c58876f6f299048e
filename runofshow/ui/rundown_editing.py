"""Editing the plan from the rundown: cells in place, the slot dialog, insert, delete, move and skip.

Every change is one plan command through the bridge (journaled, undone by Backspace like any other);
the rundown and the displays redraw from the snapshot that follows. A refusal says why in the status
line, and the edited cell goes back to what the plan holds.

While a cell is edited its editor keeps every key (`TypingLineEdit`): Space types a space, Backspace
deletes a letter, and no show key fires until Enter or Esc ends the edit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from runofshow.core.agenda import Slot
from runofshow.core.show import Outcome
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.plan_entry import parse_length, parse_time_of_day
from runofshow.ui.rundown import COLUMNS, EDITABLE, RundownModel, RundownView
from runofshow.ui.slot_dialog import SlotDialog
from runofshow.ui.widgets import TypingLineEdit


class CellEditor(QStyledItemDelegate):
    """The in-place editor of a title, a length or a start: a text field that keeps every key."""

    def __init__(self, hints: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hints = hints  # column → what to type, shown while the field is empty

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = TypingLineEdit(parent)
        editor.setObjectName("rundownCellEditor")
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        editor.setPlaceholderText(self.hints.get(str(header), ""))
        editor.setFrame(False)
        return editor

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if not isinstance(editor, TypingLineEdit):
            return
        # Unchanged text runs nothing, except a soft start typed as it is: that makes it hard.
        unchanged = editor.text() == index.data(Qt.ItemDataRole.EditRole)
        soft_start = index.column() == COLUMNS.index("Start") and \
            str(index.data(Qt.ItemDataRole.DisplayRole)) == index.data(Qt.ItemDataRole.EditRole)  # no hard mark
        if not unchanged or soft_start:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


# D / Shift+D: the step of a delay announced to the room ("we start 5 minutes later"); pressed again, 10.
SHIFT_STEP_MINUTES = 5


class RundownEditing(QObject):
    """The rundown's plan actions, for the operator window: `run(key)` for the keys in actions.RUNDOWN_KEYS.

    `say(text, refused)` puts a line in the status bar (a wrong length, no slot selected, how to undo).
    """

    def __init__(self, bridge: ShowBridge, model: RundownModel, view: RundownView, say: Callable[[str, bool], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.model = model
        self.view = view
        self.say = say
        self.window = parent
        self.dialog: SlotDialog | None = None  # the open slot dialog (one at a time)
        model.on_edit = self.edit_cell
        view.setItemDelegate(CellEditor({"Length": self.tr("15:00 or 15"), "Start": self.tr("HH:MM (hard start)"),
                                         "Title": self.tr("Title")}, view))
        view.dropped.connect(self.drop)

    def run(self, key: str) -> None:
        if key == "insert_slot":
            self.insert()
            return
        slot = self.view.selected_slot()
        if slot is None:
            self.say(self.tr("Select a slot in the rundown first"), True)
            return
        if key == "edit_slot":
            self.open_dialog(slot)
        elif key == "edit_cell":
            self.edit_in_place()
        elif key == "delete_slot":
            self.delete(slot)
        elif key == "move_up":
            self.move(slot, -1)
        elif key == "move_down":
            self.move(slot, +1)
        elif key == "skip_slot":
            self.command("skip_slot", {"slot": slot.id, "on": not slot.skipped})
        elif key in ("delay_from", "advance_from"):
            minutes = SHIFT_STEP_MINUTES if key == "delay_from" else -SHIFT_STEP_MINUTES
            self.command("shift", {"minutes": minutes, "from": slot.id})

    def command(self, name: str, args: Mapping[str, object]) -> Outcome:
        """One plan command; the window's status line shows its outcome (show_outcome)."""
        return self.bridge.run(name, dict(args))

    # -- in place -------------------------------------------------------------------------------

    def edit_in_place(self) -> None:
        """F2: the clicked title, length or start cell of the selected row, else its title."""
        view = self.view
        rows = view.selectionModel().selectedRows()
        if not rows:
            return
        current = view.currentIndex()
        if not current.isValid() or current.row() != rows[0].row() or current.column() not in EDITABLE:
            current = self.model.index(rows[0].row(), COLUMNS.index("Title"))
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        view.setCurrentIndex(current)
        view.edit(current)

    def edit_cell(self, slot: Slot, column: str, text: str) -> bool:
        """An edited title, length or start: True when the plan took it."""
        args: dict[str, object] = {"slot": slot.id}
        if column == "Title":
            if not text.strip():
                self.say(self.tr("Not done: a slot needs a title"), True)
                return False
            if text.strip() == slot.title:
                return True  # only spaces added around it: nothing to change
            args["title"] = text.strip()
        elif column == "Length":
            duration = parse_length(text)
            if duration is None:
                self.say(self.tr("Not done: type a length as 15:00 or 15 (minutes), not “{text}”").format(text=text),
                         True)
                return False
            args["duration"] = duration
        elif column == "Start":
            start = parse_time_of_day(text) if text.strip() else ""
            if start is None:
                self.say(self.tr("Not done: type a start as HH:MM (a hard start), or clear it for a soft one, "
                                 "not “{text}”").format(text=text), True)
                return False
            args["start"] = start
        else:
            return False
        return self.command("edit_slot", args).accepted

    # -- the dialog -----------------------------------------------------------------------------

    def open_dialog(self, slot: Slot | None, after: str = "") -> SlotDialog:
        """The slot dialog over the operator window, not modal: GO stays one click and one key away."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = SlotDialog(self.command, slot, after, self.window, crew_columns=self.model.crew_columns)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _closed(self, dialog: SlotDialog) -> None:
        if dialog.inserted is not None:
            self._select_after(dialog.after)
        if self.dialog is dialog:
            self.dialog = None

    def insert(self) -> SlotDialog:
        """A new slot after the selected one (none selected: after the one on now, else at the end)."""
        state = self.bridge.state
        slot = self.view.selected_slot() or state.current or (state.slots[-1] if state.slots else None)
        return self.open_dialog(None, slot.id if slot is not None else "")

    def _select_after(self, after: str) -> None:
        slots = self.bridge.state.slots
        position = next((row for row, slot in enumerate(slots) if slot.id == after), -1) + 1
        if position < len(slots):
            self.view.select_slot(slots[position].id)

    # -- delete, move, skip ---------------------------------------------------------------------

    def delete(self, slot: Slot) -> None:
        slots = self.bridge.state.slots
        row = next(row for row, s in enumerate(slots) if s.id == slot.id)
        if self.command("delete_slot", {"slot": slot.id}).accepted:
            remaining = self.bridge.state.slots
            if remaining:
                self.view.select_slot(remaining[min(row, len(remaining) - 1)].id)
            # No question first: the delete is one Backspace from undone, and the status line says so.
            self.say(self.tr("Last: deleted “{title}” (Backspace or Ctrl+Z undoes it)").format(title=slot.title),
                     False)

    def move(self, slot: Slot, step: int) -> None:
        slots = self.bridge.state.slots
        row = next(row for row, s in enumerate(slots) if s.id == slot.id)
        target = row + step
        if not 0 <= target < len(slots):
            self.say(self.tr("Not done: “{title}” is already the first slot").format(title=slot.title) if step < 0
                     else self.tr("Not done: “{title}” is already the last slot").format(title=slot.title), True)
            return
        self.move_to(row, target + 1 if step > 0 else target)

    def drop(self, row: int, before: int) -> None:
        self.move_to(row, before)

    def move_to(self, row: int, before: int) -> None:
        """Put the slot at `row` just before row `before` (the row count: at the end)."""
        slots = self.bridge.state.slots
        if before in (row, row + 1):
            return  # dropped where it already is
        others = [slot for position, slot in enumerate(slots) if position != row]
        place = before - 1 if before > row else before  # its index once it is out of the list
        after = others[place - 1].id if place > 0 else ""
        moved = slots[row]
        if self.command("move_slot", {"slot": moved.id, "after": after}).accepted:
            self.view.select_slot(moved.id)
