"""The operator window's message section: where a message goes, its pin, and the presets on keys 1-9."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from runofshow.paths import bundled_agenda
from runofshow.ui.message_presets import SETTING
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import Rig, make_rig

AGENDA_PRESETS = ("Please wrap up", "One more question, then we close", "Please speak closer to the microphone")


def press(rig: Rig, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    rig.qtbot.keyClick(QApplication.focusWidget() or rig.window, key, modifier)


def state(rig: Rig):  # type: ignore[no-untyped-def]
    assert rig.controller.bridge is not None
    return rig.controller.bridge.state


def running(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)


def test_keys_1_to_9_send_the_agenda_s_presets_then_the_app_s_to_the_stage(rig: Rig) -> None:
    running(rig)
    assert rig.window.message_panel.presets == AGENDA_PRESETS
    press(rig, Qt.Key.Key_2)
    assert state(rig).message == "One more question, then we close"
    assert rig.window.last_command.text() == "Last: message: One more question, then we close"
    rig.controller.message_presets.set(["Mic check", "Please wrap up", "  5 minutes   left "])
    assert rig.window.message_panel.presets == (*AGENDA_PRESETS, "Mic check", "5 minutes left")
    press(rig, Qt.Key.Key_5)
    assert state(rig).message == "5 minutes left"
    assert rig.window.actions_by_key["preset_4"].text() == "4: Mic check"


def test_a_key_without_a_preset_says_so_and_sends_nothing(rig: Rig) -> None:
    running(rig)
    press(rig, Qt.Key.Key_7)
    assert state(rig).message == ""
    assert rig.window.last_command.text().startswith("No preset 7")


def test_number_keys_type_digits_while_the_message_field_has_the_keyboard(rig: Rig) -> None:
    running(rig)
    press(rig, Qt.Key.Key_M)
    assert QApplication.focusWidget() is rig.window.message_edit
    rig.qtbot.keyClicks(rig.window.message_edit, "Back in 10")
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_9):
        press(rig, key)
    assert state(rig).message == ""
    press(rig, Qt.Key.Key_Return)
    assert state(rig).message == "Back in 10129"


def test_the_panel_shows_both_messages_and_the_pin_toggle_pins_the_one_shown(rig: Rig) -> None:
    running(rig)
    panel = rig.window.message_panel
    assert not panel.stage.pin.isEnabled() and panel.stage.text.full_text == "Stage: no message"
    press(rig, Qt.Key.Key_1)
    panel.to_moderator.click()
    assert not panel.send_flash.isEnabled(), "only the stage flashes"
    rig.qtbot.keyClicks(panel.edit, "Take one more question")
    panel.send.click()
    assert (state(rig).message, state(rig).moderator_message) == ("Please wrap up", "Take one more question")
    assert panel.stage.text.full_text == "Stage: Please wrap up"
    assert panel.moderator.text.full_text == "Moderator: Take one more question"
    panel.stage.pin.click()
    assert state(rig).message_pinned and panel.stage.pin.isChecked()
    assert panel.stage.text.full_text == "Stage (pinned): Please wrap up"
    rig.at(at(13, 45))
    press(rig, Qt.Key.Key_Space)  # the next slot: the pinned stage message stays, the moderator's goes
    assert panel.stage.text.full_text == "Stage (pinned): Please wrap up"
    assert panel.moderator.text.full_text == "Moderator: no message" and not panel.moderator.pin.isEnabled()
    panel.stage.pin.click()
    assert not state(rig).message_pinned
    panel.stage.clear.click()
    assert state(rig).message == ""


def test_send_pinned_sends_to_the_chosen_display_pinned(rig: Rig) -> None:
    running(rig)
    panel = rig.window.message_panel
    panel.to_moderator.click()
    rig.qtbot.keyClicks(panel.edit, "Panel runs 5 min late")
    panel.send_pinned.click()
    assert state(rig).moderator_message == "Panel runs 5 min late" and state(rig).moderator_message_pinned
    assert panel.moderator.pin.isChecked() and panel.edit.text() == ""


def test_the_presets_editor_is_not_modal_and_keeps_its_lines_in_the_settings(rig: Rig) -> None:
    presets = rig.controller.message_presets
    presets.edit()
    editor = presets.editor
    assert isinstance(editor, QDialog) and editor.isVisible() and not editor.isModal()
    editor.edit.setPlainText("Mic check\n\n  Mic check \nLights down, please")
    editor.save()
    assert rig.controller.settings.value(SETTING) == ["Mic check", "Lights down, please"]
    assert rig.window.message_panel.presets == (*AGENDA_PRESETS, "Mic check", "Lights down, please")
    editor.close()


def test_the_app_s_presets_come_back_on_the_next_start(qtbot: QtBot, tmp_path: Path, prompts: FakePrompts) -> None:
    agenda = tmp_path / "agenda.yaml"
    seed_text = bundled_agenda().read_text(encoding="utf-8")
    agenda.write_text(re.sub(r"^messages:\n(?:  - .*\n)+", "", seed_text, flags=re.MULTILINE), encoding="utf-8")
    first = make_rig(qtbot, tmp_path, prompts, at(13, 20), agenda_path=agenda)
    assert first.window.message_panel.presets == ()
    first.controller.message_presets.set(["Mic check"])
    first.controller.shutdown()
    second = make_rig(qtbot, tmp_path, prompts, at(13, 21), agenda_path=agenda, state_dir=tmp_path / "other")
    assert second.window.message_panel.presets == ("Mic check",)
    second.controller.shutdown()
