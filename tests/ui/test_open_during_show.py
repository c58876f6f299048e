"""Opening another agenda while the show is under way asks first: the displays would switch to the other event.

File > Open agenda…, File > Recent agendas, File > New agenda… and File > Import…'s "Save and open…" all
switch the show; before the show (nothing on the displays yet) none of them asks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from runofshow.core.show import ShowPhase
from runofshow.core.snapshot import ShowState
from tests.core.helpers import at
from tests.ui.conftest import Rig
from tests.ui.test_dialog_parents import real_rig, when_shown  # noqa: F401 (real_rig: a fixture)
from tests.ui.test_import_dialog import SEED, ImportPrompts, choose_zone, start_import

OTHER = ("event: {title: Other show, date: 2023-11-30, timezone: UTC}\nslots:\n"
         "  - {title: Only talk, start: 15:00, end: 15:30}\n")


@pytest.fixture
def prompts() -> ImportPrompts:
    return ImportPrompts()


def other_agenda(folder: Path) -> Path:
    other = folder / "other.yaml"
    other.write_text(OTHER, encoding="utf-8")
    return other


def state(rig: Rig) -> ShowState:
    assert rig.controller.bridge is not None
    return rig.controller.bridge.state


def start_show(rig: Rig) -> None:
    rig.at(at(13, 30))
    assert rig.controller.bridge is not None
    rig.controller.bridge.run("go")
    assert state(rig).phase is ShowPhase.RUNNING


def test_before_the_show_another_agenda_opens_without_a_question(rig: Rig, tmp_path: Path,
                                                                  prompts: ImportPrompts) -> None:
    prompts.other_files = [other_agenda(tmp_path)]
    rig.controller.open_agenda()
    assert prompts.open_during_show_asks == []
    assert state(rig).event.title == "Other show"


def test_mid_show_open_agenda_asks_and_no_keeps_the_show(rig: Rig, tmp_path: Path, prompts: ImportPrompts) -> None:
    start_show(rig)
    running_title = state(rig).event.title
    other = other_agenda(tmp_path)
    prompts.other_files = [other]
    prompts.open_during_show_answer = False
    rig.controller.open_agenda()
    assert prompts.open_during_show_asks == [(rig.agenda_path, other)]
    assert state(rig).event.title == running_title and state(rig).phase is ShowPhase.RUNNING
    assert rig.controller.agenda_path == rig.agenda_path
    assert "other.yaml" in rig.window.last_command.text()  # the status line says it was not opened


def test_mid_show_yes_opens_the_other_agenda(rig: Rig, tmp_path: Path, prompts: ImportPrompts) -> None:
    start_show(rig)
    prompts.open_during_show_answer = True
    rig.controller.open_recent(other_agenda(tmp_path))  # File > Recent agendas
    assert len(prompts.open_during_show_asks) == 1
    assert state(rig).event.title == "Other show"


def test_paused_mid_slot_asks_too(rig: Rig, tmp_path: Path, prompts: ImportPrompts) -> None:
    start_show(rig)
    assert rig.controller.bridge is not None
    rig.controller.bridge.run("pause")
    assert state(rig).phase is ShowPhase.PAUSED
    prompts.open_during_show_answer = False
    rig.controller.open_recent(other_agenda(tmp_path))
    assert len(prompts.open_during_show_asks) == 1
    assert state(rig).phase is ShowPhase.PAUSED and rig.controller.agenda_path == rig.agenda_path


def test_mid_show_import_save_and_open_asks_and_no_keeps_the_show(rig: Rig, tmp_path: Path,
                                                                   prompts: ImportPrompts) -> None:
    start_show(rig)
    running_title = state(rig).event.title
    dialog = start_import(rig, prompts, SEED)
    choose_zone(dialog, "Europe/Brussels")
    target = tmp_path / "imported.yaml"
    prompts.import_target = target
    prompts.open_during_show_answer = False
    dialog.save_button.click()
    assert prompts.open_during_show_asks == [(rig.agenda_path, target)]
    assert target.is_file()  # saved, for later
    assert rig.controller.agenda_path == rig.agenda_path
    assert state(rig).event.title == running_title and state(rig).phase is ShowPhase.RUNNING


def test_reopening_the_running_agenda_does_not_ask(rig: Rig, prompts: ImportPrompts) -> None:
    start_show(rig)
    rig.controller.open_recent(rig.agenda_path)
    assert prompts.open_during_show_asks == []


def test_the_real_question_is_not_modal_and_a_stray_enter_keeps_the_show(
        real_rig: Rig, tmp_path: Path) -> None:  # noqa: F811 (real_rig: the fixture imported above)
    rig = real_rig
    start_show(rig)
    running_title = state(rig).event.title
    facts: dict[str, object] = {}

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        facts["parent"] = box.parentWidget()
        facts["modal"] = box.isModal()
        facts["text"] = box.text()
        rig.qtbot.keyClick(box, Qt.Key.Key_Return)

    when_shown(QMessageBox, answer)
    rig.controller.open_recent(other_agenda(tmp_path))
    assert facts == {"parent": rig.window, "modal": False,
                     "text": "A show is running on agenda.yaml: open other.yaml now?"}
    assert state(rig).event.title == running_title and state(rig).phase is ShowPhase.RUNNING
