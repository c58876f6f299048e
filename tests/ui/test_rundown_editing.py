"""The plan is edited in the rundown during the show: cells in place, the slot dialog, keys and drag and drop."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from runofshow.core.show import ShowPhase, ShowState
from runofshow.ui.canvas import Scene
from runofshow.ui.rundown import COLUMNS
from runofshow.ui.slot_dialog import SlotDialog
from tests.core.helpers import at
from tests.ui.conftest import Rig


def state(rig: Rig) -> ShowState:
    assert rig.controller.bridge is not None
    return rig.controller.bridge.state


def ids(rig: Rig) -> list[str]:
    return [slot.id for slot in state(rig).slots]


def cell(rig: Rig, row: int, column: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    model = rig.window.rundown_model
    return model.data(model.index(row, COLUMNS.index(column)), role)


def texts(scene: Scene) -> list[str]:
    return [item.text for item in scene.texts if item.text]


def projector(rig: Rig) -> Scene:
    displays = rig.controller.displays
    assert displays is not None
    return displays.windows["projector"].current_scene()


def press(rig: Rig, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget() or rig.window
    rig.qtbot.keyClick(target, key, modifier)


def start_editing(rig: Rig, row: int, column: str) -> QLineEdit:
    """Select the row and open its cell's editor as F2 does."""
    view = rig.window.rundown
    view.setFocus()
    view.selectRow(row)
    index = view.model().index(row, COLUMNS.index(column))
    view.setCurrentIndex(index)
    rig.qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    return editor


def type_into(rig: Rig, editor: QWidget, text: str) -> None:
    editor.selectAll()  # type: ignore[attr-defined]
    rig.qtbot.keyClick(editor, Qt.Key.Key_Delete)
    rig.qtbot.keyClicks(editor, text)
    rig.qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # Qt commits the edit on Enter through a queued call


def test_a_title_edited_in_place_is_on_the_projector_at_once(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)  # the welcome is on
    editor = start_editing(rig, 0, "Title")
    type_into(rig, editor, "Welcome to Oslo")
    assert state(rig).slots[0].title == "Welcome to Oslo", rig.window.last_command.text()
    assert cell(rig, 0, "Title") == "Welcome to Oslo"
    assert "Welcome to Oslo" in texts(projector(rig))
    assert rig.window.last_command.text().startswith("Last: ")


def test_space_in_the_title_editor_types_a_space_and_go_does_not_run(rig: Rig) -> None:
    rig.at(at(13, 30))
    editor = start_editing(rig, 1, "Title")
    editor.setText("Status")
    editor.end(False)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_P, Qt.Key.Key_K, Qt.Key.Key_Delete, Qt.Key.Key_PageDown):
        rig.qtbot.keyClick(editor, key)
    assert editor.text() == "Status pk"  # Space, P and K typed; Delete had nothing after the cursor
    assert state(rig).phase is ShowPhase.PRE_SHOW and state(rig).current is None  # no GO, no pause
    assert ids(rig)[1] == "status-norway" and not state(rig).slots[1].skipped


def test_f2_from_the_window_edits_the_selected_slots_title(rig: Rig) -> None:
    rig.window.rundown.selectRow(3)
    rig.window.setFocus()
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == state(rig).slots[3].title
    type_into(rig, editor, "Belgian presidency")
    assert state(rig).slots[3].title == "Belgian presidency"
    rig.qtbot.keyClick(rig.window.rundown, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state(rig).slots[3].title.startswith("The Belgian presidency")  # one undo brings it back


def test_the_running_slots_length_edited_in_place_changes_its_countdown(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    rig.at(at(13, 35))
    editor = start_editing(rig, 0, "Length")
    type_into(rig, editor, "20")
    assert state(rig).slots[0].duration == 20 * 60
    assert state(rig).remaining == 15 * 60
    assert cell(rig, 0, "Length") == "20:00"
    stage = rig.controller.displays.windows["stage"].current_scene()  # type: ignore[union-attr]
    assert "15:00" in texts(stage)


def test_a_start_typed_in_place_becomes_a_hard_start(rig: Rig) -> None:
    assert not state(rig).slots[9].hard and cell(rig, 9, "Start") == "16:15"
    editor = start_editing(rig, 9, "Start")
    type_into(rig, editor, "16:20")
    slot = state(rig).slots[9]
    assert slot.hard and f"{slot.start:%H:%M}" == "16:20"
    assert cell(rig, 9, "Start") == "16:20 ⚓"
    editor = start_editing(rig, 8, "Start")
    type_into(rig, editor, "16:10")  # the same time typed again: the closing keeps it from now on
    assert state(rig).slots[8].hard and cell(rig, 8, "Start") == "16:10 ⚓"
    editor = start_editing(rig, 9, "Start")
    type_into(rig, editor, "")  # cleared: soft again, following the closing
    assert not state(rig).slots[9].hard


def test_a_refused_edit_says_why_and_the_cell_goes_back(rig: Rig) -> None:
    editor = start_editing(rig, 2, "Length")
    type_into(rig, editor, "twenty")
    assert rig.window.last_command.text().startswith("Not done: type a length")
    assert cell(rig, 2, "Length") == "20:00" and state(rig).slots[2].duration == 20 * 60
    editor = start_editing(rig, 2, "Title")
    type_into(rig, editor, "   ")
    assert rig.window.last_command.text() == "Not done: a slot needs a title"
    assert cell(rig, 2, "Title") == state(rig).slots[2].title


def test_an_edit_the_plan_refuses_says_why_and_the_cell_goes_back(rig: Rig) -> None:
    editor = start_editing(rig, 5, "Start")
    type_into(rig, editor, "15:00")  # the break to 15:00-15:20 would run into the hard 15:10 after it
    assert rig.window.last_command.text().startswith("Not done: ")
    assert cell(rig, 5, "Start") == "14:50" and not state(rig).slots[5].hard


def test_the_rundown_keys_are_in_the_rundown_menu_and_the_shortcuts_sheet(rig: Rig) -> None:
    menu = [action.text() for action in rig.window.rundown_menu.actions()]
    assert menu == ["Edit slot…", "Edit in place", "Insert slot…", "Delete slot", "Move slot up", "Move slot down",
                    "Skip slot", "Delay from here +5 min", "Earlier from here −5 min", "", "Crew columns"]
    rig.window.show_shortcuts()
    sheet = rig.window._shortcuts
    assert sheet is not None
    keys = [sheet.table.item(row, 0).text() for row in range(sheet.table.rowCount())]  # type: ignore[union-attr]
    for key in ("E", "F2", "Insert or Ctrl+Shift+N", "Delete", "Alt+Up", "Alt+Down", "K"):
        assert key in keys


def open_dialog(rig: Rig, row: int) -> SlotDialog:
    rig.window.rundown.selectRow(row)
    press(rig, Qt.Key.Key_E)
    dialog = rig.window.rundown_editing.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.isModal()  # the operator window and GO stay usable
    return dialog


def test_the_slot_dialog_edits_speakers_and_notes(rig: Rig) -> None:
    dialog = open_dialog(rig, 1)
    assert dialog.speakers.rowCount() == len(state(rig).slots[1].speakers)
    dialog.speakers.setRowCount(0)
    dialog.add_speaker(None)
    for column, text in enumerate(("Kari Nordmann", "Director", "DFØ")):
        dialog.speakers.item(0, column).setText(text)  # type: ignore[union-attr]
    dialog.notes.setPlainText("Bring the clicker.\nMic 2.")
    dialog.ok_button.click()
    slot = state(rig).slots[1]
    assert [(p.name, p.role, p.organisation) for p in slot.speakers] == [("Kari Nordmann", "Director", "DFØ")]
    assert slot.notes == "Bring the clicker.\nMic 2."
    assert cell(rig, 1, "Speakers") == "Kari Nordmann"
    assert rig.window.rundown_editing.dialog is None


def test_a_refused_dialog_stays_open_with_its_reason(rig: Rig) -> None:
    dialog = open_dialog(rig, 2)
    dialog.length.setText("a while")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.problem.text().startswith("Not done: Length")
    assert state(rig).slots[2].duration == 20 * 60


def test_go_still_runs_from_the_operator_window_while_the_dialog_is_open(rig: Rig) -> None:
    rig.at(at(13, 30))
    dialog = open_dialog(rig, 3)
    rig.window.activateWindow()
    rig.window.setFocus()
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    assert state(rig).current is not None and state(rig).current.id == "welcome"
    assert dialog.isVisible()


def test_no_show_key_fires_while_typing_in_the_slot_dialog(rig: Rig) -> None:
    rig.at(at(13, 30))
    dialog = open_dialog(rig, 2)
    dialog.activateWindow()
    dialog.title.setFocus()
    dialog.title.setText("EC")
    for key in (Qt.Key.Key_Space, Qt.Key.Key_P, Qt.Key.Key_K, Qt.Key.Key_B, Qt.Key.Key_Backspace):
        rig.qtbot.keyClick(dialog.title, key)
    assert dialog.title.text() == "EC pk"
    assert state(rig).phase is ShowPhase.PRE_SHOW and not state(rig).blackout
    assert not state(rig).slots[2].skipped


def moderator_view(rig: Rig) -> list[str]:
    displays = rig.controller.displays
    assert displays is not None
    return texts(displays.windows["moderator"].current_scene())


def test_the_slot_dialog_edits_a_panels_moderator_and_cues_and_the_moderator_view_follows(rig: Rig) -> None:
    rig.at(at(15, 40))
    assert rig.controller.bridge is not None
    assert rig.controller.bridge.run("goto", {"slot": "policy-panel"}).accepted
    assert state(rig).current is not None and state(rig).current.id == "policy-panel"
    assert state(rig).phase is ShowPhase.RUNNING and state(rig).slots[7].id == "policy-panel"
    dialog = open_dialog(rig, 7)
    assert dialog.moderator.text() == "Ingebjørg Harto, LUP"
    assert dialog.panellists.rowCount() == 4 and dialog.cues.rowCount() == len(state(rig).slots[7].cues)
    assert dialog.cue_cell(0, 0) == "Introduction by the moderator" and dialog.cue_cell(0, 1) == "3:00"
    dialog.moderator.setText("Kari Nordmann, Chair, DFØ")
    dialog.cues.item(0, 0).setText("Welcome to the panel")  # type: ignore[union-attr]
    dialog.cues.item(0, 2).setText("Kari Nordmann, Chair, DFØ")  # type: ignore[union-attr]
    dialog.cues.setCurrentCell(1, 0)
    dialog.move_cue(-1)  # the second cue first, the edited one second
    assert dialog.cue_cell(1, 0) == "Welcome to the panel"
    dialog.move_cue(1)  # and back
    name, args, problem = dialog.command()
    assert (name, problem) == ("edit_slot", "") and set(args) == {"slot", "moderator", "cues"}  # only the changes
    dialog.ok_button.click()
    panel = state(rig).slots[7]
    assert panel.moderator is not None and panel.moderator.label() == "Kari Nordmann, Chair, DFØ"
    assert panel.cues[0].title == "Welcome to the panel" and panel.cues[0].duration == 180
    seen = moderator_view(rig)
    assert any("Kari Nordmann, Chair, DFØ" in text for text in seen), seen
    assert any("Now: Kari Nordmann: Welcome to the panel" in text for text in seen), seen


def test_cues_that_do_not_fit_keep_the_dialog_open_with_the_reason(rig: Rig) -> None:
    dialog = open_dialog(rig, 7)
    dialog.add_cue(None)
    for column, text in enumerate(("Extra round", "10", "")):
        dialog.cues.item(dialog.cues.rowCount() - 1, column).setText(text)  # type: ignore[union-attr]
    dialog.ok_button.click()
    assert dialog.isVisible() and "longer than the slot" in dialog.problem.text()
    dialog.cues.setCurrentCell(dialog.cues.rowCount() - 1, 0)
    dialog.remove_cue()
    dialog.add_panellist(None)
    dialog.panellists.item(4, 0).setText("Ola Nordmann")  # type: ignore[union-attr]
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert [p.name for p in state(rig).slots[7].panellists][-1] == "Ola Nordmann"


def test_insert_after_the_selected_slot_from_the_keyboard(rig: Rig) -> None:
    rig.window.rundown.selectRow(0)
    press(rig, Qt.Key.Key_Insert)
    dialog = rig.window.rundown_editing.dialog
    assert dialog is not None and dialog.windowTitle() == "New slot"
    dialog.title.setText("Surprise guest")
    dialog.length.setText("5")
    dialog.add_speaker(None)
    dialog.speakers.item(0, 0).setText("Ola Nordmann")  # type: ignore[union-attr]
    dialog.ok_button.click()
    assert state(rig).slots[1].title == "Surprise guest" and state(rig).slots[1].duration == 300
    assert state(rig).slots[1].speakers[0].name == "Ola Nordmann"
    assert rig.window.rundown.selected_slot() is state(rig).slots[1]
    assert "Surprise guest" in str(cell(rig, 1, "Title"))
    rig.window.rundown.selectRow(3)
    press(rig, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert rig.window.rundown_editing.dialog is not None


def test_delete_is_one_key_and_one_undo(rig: Rig) -> None:
    rig.window.rundown.selectRow(4)
    press(rig, Qt.Key.Key_Delete)
    assert "whitepaper" not in ids(rig)
    assert rig.window.last_command.text() == ("Last: deleted “New whitepaper on Innovation Partnerships in Norway” "
                                              "(Backspace or Ctrl+Z undoes it)")
    assert rig.window.rundown.selected_slot() is state(rig).slots[4]  # the break took its place
    press(rig, Qt.Key.Key_Backspace)
    assert ids(rig)[4] == "whitepaper"


def test_deleting_the_running_slot_is_refused_with_a_reason(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    rig.window.rundown.selectRow(0)
    press(rig, Qt.Key.Key_Delete)
    assert ids(rig)[0] == "welcome"
    assert rig.window.last_command.text().startswith("Not done: ")


def test_alt_up_and_alt_down_move_the_selected_slot(rig: Rig) -> None:
    rig.window.rundown.selectRow(4)
    press(rig, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ids(rig)[3:5] == ["whitepaper", "belgian-presidency"]
    assert rig.window.rundown.selected_slot().id == "whitepaper"  # type: ignore[union-attr]
    press(rig, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    press(rig, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    press(rig, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ids(rig)[0] == "whitepaper"
    press(rig, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert rig.window.last_command.text().endswith("is already the first slot")
    press(rig, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert ids(rig)[:2] == ["welcome", "whitepaper"]


def drop(rig: Rig, source: int, target: int, below: bool) -> None:
    """Drop the selected row `source` on row `target`'s lower or upper half, as a mouse drag ends.

    The drop event is made here (offscreen, a real drag would wait for a mouse): Qt lets only the
    rundown's own rows enter it, and the drop itself is what this tests.
    """
    view = rig.window.rundown
    view.selectRow(source)
    view.scrollTo(view.model().index(target, 0))
    rect = view.visualRect(view.model().index(target, COLUMNS.index("Title")))
    point = QPoint(rect.center().x(), rect.bottom() - 1 if below else rect.top() + 1)
    mime = QMimeData()
    mime.setData("application/x-qabstractitemmodeldatalist", b"")
    event = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.IgnoreAction  # Qt removes no row itself


def test_drag_and_drop_moves_a_slot(rig: Rig) -> None:
    assert rig.window.rundown.dragDropMode() is QAbstractItemView.DragDropMode.InternalMove
    before = ids(rig)
    drop(rig, 4, 0, below=True)  # the whitepaper on the lower half of the welcome: just after it
    assert ids(rig)[:3] == ["welcome", "whitepaper", "status-norway"], rig.window.last_command.text()
    assert rig.window.rundown.selected_slot().id == "whitepaper"  # type: ignore[union-attr]
    drop(rig, 1, 4, below=True)  # back below the Belgian presidency
    assert ids(rig) == before
    drop(rig, 2, 1, below=False)  # onto the upper half of the row above: before it
    assert ids(rig)[1:3] == ["ec-objectives", "status-norway"]


def test_k_skips_the_selected_slot_and_greys_it_out(rig: Rig) -> None:
    rig.window.rundown.selectRow(3)
    press(rig, Qt.Key.Key_K)
    assert state(rig).slots[3].skipped
    assert cell(rig, 3, "Status") == "skipped"
    font = cell(rig, 3, "Title", Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()  # type: ignore[attr-defined]
    assert cell(rig, 3, "Expected") == ""
    press(rig, Qt.Key.Key_K)
    assert not state(rig).slots[3].skipped and cell(rig, 3, "Status") == ""


def test_the_expected_column_follows_the_pace(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    assert cell(rig, 1, "Expected") == "13:45"
    rig.at(at(13, 52))  # the welcome runs 7 minutes over
    assert cell(rig, 1, "Expected") == "13:52"
    assert cell(rig, 2, "Expected") == "14:07"


def test_a_late_hard_start_is_red_with_its_reason(rig: Rig) -> None:
    editor = start_editing(rig, 6, "Start")
    type_into(rig, editor, "15:10")  # the return from the break keeps 15:10
    assert cell(rig, 6, "Start") == "15:10 ⚓"
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    assert state(rig).expected[6].late_hard is False
    assert cell(rig, 6, "Expected", Qt.ItemDataRole.ForegroundRole) is None
    rig.at(at(14, 0))  # the welcome runs 15 minutes over: the break cannot end at 15:10
    assert state(rig).expected[6].late_hard
    colour = cell(rig, 6, "Expected", Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.color().name() == "#ff6b5e"  # type: ignore[attr-defined]
    assert "will be missed" in str(cell(rig, 6, "Expected", Qt.ItemDataRole.ToolTipRole))


def test_a_gap_before_a_hard_start_is_shown(rig: Rig) -> None:
    editor = start_editing(rig, 8, "Start")
    type_into(rig, editor, "16:10")  # the closing remarks keep 16:10
    editor = start_editing(rig, 7, "Length")
    type_into(rig, editor, "20")  # the panel is cut by ten minutes
    assert state(rig).expected[8].gap == 10 * 60
    assert cell(rig, 8, "Expected") == "16:10 · gap 10:00"
    assert "gap of 10:00" in str(cell(rig, 8, "Expected", Qt.ItemDataRole.ToolTipRole))


def test_d_delays_the_selected_slot_and_everything_after_it_by_five_minutes(rig: Rig) -> None:
    # "Everything after the break starts 5 minutes later", announced to the room: one key, one undo.
    before = [(slot.start, slot.end) for slot in state(rig).slots]
    row = ids(rig).index("agder")
    rig.window.rundown.selectRow(row)
    press(rig, Qt.Key.Key_D)
    after = [(slot.start, slot.end) for slot in state(rig).slots]
    assert after[:row] == before[:row]
    assert all(new[0] - old[0] == timedelta(minutes=5) and new[1] - old[1] == timedelta(minutes=5)
               for old, new in zip(before[row:], after[row:], strict=True))
    assert "Not done" not in rig.window.last_command.text()
    press(rig, Qt.Key.Key_D, Qt.KeyboardModifier.ShiftModifier)
    assert [(slot.start, slot.end) for slot in state(rig).slots] == before
    press(rig, Qt.Key.Key_D)
    press(rig, Qt.Key.Key_Backspace)  # the same undo as every command
    assert [(slot.start, slot.end) for slot in state(rig).slots] == before
