"""A stage manager runs the seed programme from the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from runofshow.core.show import ShowPhase
from tests.core.helpers import at
from tests.ui.conftest import Rig


def press(rig: Rig, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget() or rig.window
    rig.qtbot.keyClick(target, key, modifier)


def state(rig: Rig):  # type: ignore[no-untyped-def]
    assert rig.controller.bridge is not None
    return rig.controller.bridge.state


def test_the_whole_programme_runs_with_the_space_bar(rig: Rig) -> None:
    for slot in state(rig).slots:
        rig.at(at(slot.start.hour, slot.start.minute))
        press(rig, Qt.Key.Key_Space)
        assert state(rig).current is not None and state(rig).current.id == slot.id
    rig.at(at(17, 0))
    press(rig, Qt.Key.Key_Space)
    assert state(rig).phase is ShowPhase.FINISHED
    assert len(state(rig).runs) == 10
    assert rig.window.now_panel.heading.text() == "THE SHOW IS OVER"
    assert rig.window.last_command.text() == "Last: go: the show is over"


def test_a_mis_keyed_next_is_undone_with_backspace_or_ctrl_z(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    rig.at(at(13, 38))
    press(rig, Qt.Key.Key_Space)  # too early
    assert state(rig).current.id == "status-norway"
    press(rig, Qt.Key.Key_Backspace)
    rig.at(at(13, 39))
    assert state(rig).current.id == "welcome" and state(rig).elapsed == 9 * 60
    press(rig, Qt.Key.Key_PageDown)
    press(rig, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state(rig).current.id == "welcome"
    assert rig.window.last_command.text().startswith("Last: undid go: Innovation procurement")


def test_pause_resume_and_minutes_from_the_keyboard(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    rig.at(at(13, 31))
    press(rig, Qt.Key.Key_P)
    assert state(rig).phase is ShowPhase.PAUSED
    assert rig.window.now_panel.phase.text() == "PAUSED"
    rig.at(at(13, 35))
    press(rig, Qt.Key.Key_P)
    assert state(rig).phase is ShowPhase.RUNNING and state(rig).elapsed == 60
    press(rig, Qt.Key.Key_Plus)
    press(rig, Qt.Key.Key_Equal)
    press(rig, Qt.Key.Key_Minus)
    assert state(rig).added == 60
    assert rig.window.now_panel.detail.text() == "1:00 of 16:00 · +1:00 added"


def test_blackout_flash_reset_and_previous_keys(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    press(rig, Qt.Key.Key_B)
    assert state(rig).blackout == {"projector", "stage", "moderator"}
    assert "BLACKOUT" in rig.window.now_panel.banner.text()
    press(rig, Qt.Key.Key_B)
    assert state(rig).blackout == frozenset()
    press(rig, Qt.Key.Key_F)
    assert state(rig).flashing
    rig.at(at(13, 33))
    press(rig, Qt.Key.Key_R)
    assert state(rig).phase is ShowPhase.BETWEEN
    assert rig.window.now_panel.phase.text() == "READY: PRESS GO"
    press(rig, Qt.Key.Key_Space)
    press(rig, Qt.Key.Key_PageDown)
    press(rig, Qt.Key.Key_PageUp)
    assert state(rig).current.id == "welcome"


def test_cue_keys_move_through_the_panel(rig: Rig) -> None:
    rig.at(at(15, 40))
    rig.window.rundown.selectRow(7)
    press(rig, Qt.Key.Key_G)
    assert state(rig).current.id == "policy-panel"
    press(rig, Qt.Key.Key_C)
    assert state(rig).cue.index == 1
    assert rig.window.now_panel.cue.text().startswith("Cue 2/7: Opening statement — András G. Inotai")
    press(rig, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    assert state(rig).cue.index == 0


def test_no_show_key_fires_while_typing_a_message(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    press(rig, Qt.Key.Key_M)
    assert QApplication.focusWidget() is rig.window.message_edit
    before = state(rig)
    rig.qtbot.keyClicks(rig.window.message_edit, "Please wrap up + be brief")
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Backspace, Qt.Key.Key_P, Qt.Key.Key_B, Qt.Key.Key_PageDown,
                Qt.Key.Key_F, Qt.Key.Key_Minus):
        press(rig, key)
    after = state(rig)
    assert (after.current, after.phase, after.added, after.blackout, after.runs) == (
        before.current, before.phase, before.added, before.blackout, before.runs)
    assert not after.flashing
    # Space typed a space and Backspace took it out; the letters and the dash were typed as text.
    assert rig.window.message_edit.text() == "Please wrap up + be briefpbf-"
    press(rig, Qt.Key.Key_Return)
    assert state(rig).message == "Please wrap up + be briefpbf-"
    assert QApplication.focusWidget() is not rig.window.message_edit
    press(rig, Qt.Key.Key_Space)  # keys work again once the message is sent
    assert state(rig).current.id == "status-norway"


def test_escape_leaves_the_message_field_without_sending(rig: Rig) -> None:
    press(rig, Qt.Key.Key_M)
    rig.qtbot.keyClicks(rig.window.message_edit, "draft")
    press(rig, Qt.Key.Key_Escape)
    assert state(rig).message == ""
    press(rig, Qt.Key.Key_Space)
    assert state(rig).phase is ShowPhase.RUNNING


def test_every_show_action_has_a_shortcut_in_its_tooltip_and_in_the_help_sheet(rig: Rig) -> None:
    from runofshow.ui.actions import SHOW_ACTIONS
    from runofshow.ui.dialogs import ShortcutsDialog

    sheet = ShortcutsDialog(rig.window)
    keys = [sheet.table.item(row, 0).text() for row in range(sheet.table.rowCount())]
    for spec in SHOW_ACTIONS:
        action = rig.window.actions_by_key[spec.key]
        assert spec.shortcuts[0] in action.toolTip()
        assert [s.toString() for s in action.shortcuts()]
    assert "Space or PgDown" in keys and "Backspace or Ctrl+Z" in keys and "M" in keys


def test_a_refused_command_is_shown_in_the_status_bar(rig: Rig) -> None:
    press(rig, Qt.Key.Key_P)  # nothing to pause before the show
    assert rig.window.last_command.text() == "Not done: nothing is running"


def test_one_display_can_be_blacked_out_from_the_show_menu(rig: Rig) -> None:
    rig.window.blackout_actions["projector"].trigger()
    assert state(rig).blackout == {"projector"}
    assert rig.window.blackout_actions["projector"].isChecked()
    assert not rig.window.blackout_actions["stage"].isChecked()
    rig.window.blackout_actions["projector"].trigger()
    assert state(rig).blackout == frozenset()
