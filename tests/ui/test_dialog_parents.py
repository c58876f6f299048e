"""Show-day safety: every dialog over the operator window, and nothing ever standing between the operator and GO."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from runofshow.app import AppController
from runofshow.core.clock import FakeClock
from runofshow.core.show import ShowPhase, ShowState
from runofshow.io.session import Resumable
from runofshow.paths import bundled_agenda
from runofshow.ui.dialogs import DialogPrompts, ProblemsDialog, ShortcutsDialog
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import Rig, make_rig

POLL_MS = 5  # how often the test looks for the dialog it waits for (not timing logic: only finding a window)


def when_shown(kind: type[QWidget], answer: Callable[[QWidget], None], seen: list[QWidget] | None = None) -> None:
    """Once a visible `kind` top-level window appears (inside whatever loop shows it), hand it to `answer`."""
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()}

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible() and id(widget) not in before:
                if seen is not None:
                    seen.append(widget)
                try:
                    answer(widget)
                finally:
                    if widget.isVisible() and isinstance(widget, QDialog) and not isinstance(widget, ShortcutsDialog):
                        widget.reject()  # a failed answer must not leave the test waiting on the dialog
                return
        QTimer.singleShot(POLL_MS, look)

    QTimer.singleShot(0, look)


def state(rig: Rig) -> ShowState:
    assert rig.controller.bridge is not None
    return rig.controller.bridge.state


def activate(rig: Rig, window: QWidget) -> None:
    window.activateWindow()
    rig.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


@pytest.fixture
def real_rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    """The app with the real dialogs (DialogPrompts), answered by the test as a person would."""
    agenda = tmp_path / "agenda.yaml"
    shutil.copy(bundled_agenda(), agenda)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    clock = FakeClock(at(13, 20).t)
    controller = AppController(settings, DialogPrompts(), clock, tmp_path / "state")
    assert controller.start(agenda)
    rig = Rig(controller, clock, FakePrompts(), agenda, tmp_path / "state", qtbot)
    qtbot.waitExposed(rig.window)
    activate(rig, rig.window)
    yield rig
    controller.shutdown()  # first: closing the window mid-show would ask (a real box) whether to quit
    rig.window.close()
    rig.window.deleteLater()


# -- at startup: the window first, then the question over it ------------------------------------

class WindowWatchingPrompts(FakePrompts):
    """Remembers, at the moment of each startup question, what the operator window looked like."""

    def __init__(self, controller_box: list[AppController]) -> None:
        super().__init__()
        self.controller_box = controller_box
        self.window_at_question: list[tuple[object, bool, object]] = []

    def _look(self) -> None:
        window = self.controller_box[0].window if self.controller_box else None
        self.window_at_question.append((window, window is not None and window.isVisible(), self.window))

    def resume(self, found: Resumable) -> bool:
        self._look()
        return super().resume(found)

    def plan_changed(self, changes: list[str]) -> bool:  # type: ignore[override]
        self._look()
        return super().plan_changed(changes)


def test_the_resume_question_is_asked_only_once_the_operator_window_is_placed_and_shown(
        qtbot: QtBot, tmp_path: Path) -> None:
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 30))
    assert first.controller.bridge is not None
    first.controller.bridge.run("go")
    first.controller.bridge.stop()  # killed mid-show
    first.controller.watcher.blockSignals(True)  # and its file watcher with it
    # Edited while the app was down: the restart asks which plan runs, after asking whether to resume.
    first.agenda_path.write_text(first.agenda_path.read_text(encoding="utf-8").replace(
        "title: Welcoming remarks", "title: Welcome and opening remarks", 1), encoding="utf-8")

    box: list[AppController] = []
    prompts = WindowWatchingPrompts(box)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = AppController(settings, prompts, FakeClock(at(13, 35).t), tmp_path / "state")
    box.append(controller)
    assert controller.start(first.agenda_path)
    qtbot.addWidget(controller.window)
    assert len(prompts.window_at_question) == 2  # resume, then which plan
    for window, visible, attached in prompts.window_at_question:
        assert window is controller.window and visible, "asked before the operator window was on screen"
        assert attached is controller.window, "the question would have no parent"
    assert controller.bridge is not None and controller.bridge.state.phase is ShowPhase.RUNNING
    controller.shutdown()


class PaintingPrompts(FakePrompts):
    """Lets the event loop run while it is asked, as a real dialog does, and notes whether displays were up."""

    def __init__(self, controller_box: list[AppController], qtbot: QtBot) -> None:
        super().__init__()
        self.controller_box = controller_box
        self.qtbot = qtbot
        self.displays_while_asked: list[object] = []

    def resume(self, found: Resumable) -> bool:
        controller = self.controller_box[0]
        assert controller.window is not None
        self.qtbot.waitExposed(controller.window)
        self.qtbot.wait(50)  # the window's first paint happens while the question is open
        self.displays_while_asked.append(controller.displays)
        return super().resume(found)


def test_the_displays_wait_for_the_answer_so_they_never_show_a_new_show_that_is_then_resumed(
        qtbot: QtBot, tmp_path: Path) -> None:
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 30))
    assert first.controller.bridge is not None
    first.controller.bridge.run("go")
    first.controller.bridge.stop()
    first.controller.watcher.blockSignals(True)
    box: list[AppController] = []
    prompts = PaintingPrompts(box, qtbot)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = AppController(settings, prompts, FakeClock(at(13, 35).t), tmp_path / "state")
    box.append(controller)
    assert controller.start(first.agenda_path, defer_extras=True)
    qtbot.addWidget(controller.window)
    assert prompts.displays_while_asked == [None]
    qtbot.waitUntil(lambda: controller.displays is not None, timeout=3000)  # and then they come
    controller.shutdown()


def test_the_real_resume_box_opens_over_the_operator_window_and_keeps_resume_always_and_never(
        qtbot: QtBot, tmp_path: Path) -> None:
    first = make_rig(qtbot, tmp_path, FakePrompts(), at(13, 30))
    assert first.controller.bridge is not None
    first.controller.bridge.run("go")
    first.controller.bridge.stop()
    first.controller.watcher.blockSignals(True)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    controller = AppController(settings, DialogPrompts(), FakeClock(at(13, 35).t), tmp_path / "state")
    seen: list[QWidget] = []
    facts: dict[str, object] = {}

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        facts["parent"] = widget.parentWidget()
        facts["window shown"] = controller.window is not None and controller.window.isVisible()
        facts["modality"] = widget.windowModality()
        resume = next(b for b in widget.buttons() if b.text() == "Resume the show")
        resume.click()

    when_shown(QMessageBox, answer, seen)
    assert controller.start(first.agenda_path)
    qtbot.addWidget(controller.window)
    assert seen, "no resume box"
    assert facts == {"parent": controller.window, "window shown": True,
                     "modality": Qt.WindowModality.WindowModal}
    assert controller.bridge is not None and controller.bridge.state.elapsed == 5 * 60
    assert controller.window is not None and "Show resumed: running" in controller.window.last_command.text()
    controller.shutdown()

    for policy, phase in (("always", ShowPhase.RUNNING), ("never", ShowPhase.PRE_SHOW)):
        again = AppController(settings, DialogPrompts(), FakeClock(at(13, 36).t), tmp_path / "state",
                              resume_policy=policy)
        assert again.start(first.agenda_path)  # no box: this would wait forever if one opened
        qtbot.addWidget(again.window)
        assert again.bridge is not None and again.bridge.state.phase is phase, policy
        again.shutdown()


# -- during the show: questions and pickers over the window, and GO still works ------------------

def test_the_new_show_question_is_over_the_operator_window_and_go_works_while_it_is_open(real_rig: Rig) -> None:
    rig = real_rig
    rig.at(at(13, 30))
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    assert state(rig).current is not None and state(rig).current.id == "welcome"
    facts: dict[str, object] = {}

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        facts["parent"] = widget.parentWidget()
        facts["modal"] = QApplication.activeModalWidget()
        rig.qtbot.keyClick(widget, Qt.Key.Key_Space)  # Space on the box itself is GO, not "press the button"
        facts["after space on the box"] = state(rig).current.id  # type: ignore[union-attr]
        activate(rig, rig.window)  # the operator clicks back into the window: its keys work
        rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
        facts["after space in the window"] = state(rig).current.id  # type: ignore[union-attr]
        facts["still open"] = widget.isVisible()
        widget.button(QMessageBox.StandardButton.No).click()

    when_shown(QMessageBox, answer)
    rig.controller.new_show()
    assert facts == {"parent": rig.window, "modal": None, "after space on the box": "status-norway",
                     "after space in the window": "ec-objectives", "still open": True}
    assert state(rig).phase is ShowPhase.RUNNING  # "No": the show goes on


def test_a_stray_enter_on_the_new_show_question_answers_no(real_rig: Rig) -> None:
    rig = real_rig
    rig.at(at(13, 30))
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    when_shown(QMessageBox, lambda box: rig.qtbot.keyClick(box, Qt.Key.Key_Return))
    rig.controller.new_show()
    assert state(rig).phase is ShowPhase.RUNNING


@pytest.mark.parametrize("ask", ["open", "export"])
def test_file_pickers_during_the_show_are_over_the_window_and_leave_its_keys_working(real_rig: Rig, ask: str) -> None:
    rig = real_rig
    rig.at(at(13, 30))
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    facts: dict[str, object] = {}

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        facts["parent"] = widget.parentWidget()
        facts["modal"] = QApplication.activeModalWidget()
        activate(rig, rig.window)
        rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
        facts["after space"] = state(rig).current.id  # type: ignore[union-attr]
        widget.reject()

    when_shown(QFileDialog, answer)
    rig.controller.open_agenda() if ask == "open" else rig.controller.export_report()
    assert facts == {"parent": rig.window, "modal": None, "after space": "status-norway"}
    assert rig.controller.agenda_path == rig.agenda_path


def test_one_question_at_a_time_a_second_brings_the_first_to_the_front(real_rig: Rig) -> None:
    rig = real_rig
    prompts = rig.controller.prompts
    assert isinstance(prompts, DialogPrompts)
    answers: list[bool] = []

    def answer(widget: QWidget) -> None:
        answers.append(prompts.confirm("Again?", "A second question while the first is open"))
        assert isinstance(widget, QMessageBox)
        widget.button(QMessageBox.StandardButton.Yes).click()

    when_shown(QMessageBox, answer)
    assert prompts.confirm("First?", "The first question") is True
    assert answers == [False]


# -- a broken agenda during the show: the panel, never a box --------------------------------------

def break_the_agenda(rig: Rig) -> None:
    text = rig.agenda_path.read_text(encoding="utf-8")
    text = text.replace("    start: 14:00\n", "    start: 14:61\n", 1)
    text = text.replace("    kind: break\n", "    kind: brake\n", 1)
    rig.agenda_path.write_text(text, encoding="utf-8")


def test_a_reload_with_errors_shows_the_panel_in_the_window_and_go_keeps_working(real_rig: Rig) -> None:
    rig = real_rig
    rig.at(at(13, 30))
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    break_the_agenda(rig)
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # File > Reload agenda

    panel = rig.window.problems_panel
    assert panel.isVisible() and panel.window() is rig.window
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert QApplication.activeModalWidget() is None
    lines = panel.lines()
    assert len(lines) == 2
    assert re.match(rf"{re.escape(str(rig.agenda_path.resolve()))}:\d+:12: start: '14:61'", lines[0]), lines
    assert re.match(rf"{re.escape(str(rig.agenda_path.resolve()))}:\d+:11: unknown kind 'brake'", lines[1]), lines
    assert "The show goes on with the last good agenda" in panel.intro.text()

    rig.at(at(13, 40))
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)  # GO while the panel is open
    assert state(rig).current is not None and state(rig).current.id == "status-norway"
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_P)
    assert state(rig).phase is ShowPhase.PAUSED
    assert QApplication.focusWidget() not in (panel.list, panel.dismiss_button)

    rig.qtbot.waitUntil(lambda: panel.dismiss_button.height() > 0)  # laid out, as the operator sees it
    rig.qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible() and panel.lines() == []
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_P)
    assert state(rig).phase is ShowPhase.RUNNING


def test_an_edit_saved_on_disk_that_breaks_the_agenda_shows_the_panel_and_a_good_save_clears_it(rig: Rig) -> None:
    good = rig.agenda_path.read_text(encoding="utf-8")
    break_the_agenda(rig)
    rig.controller.watcher.check_now()
    panel = rig.window.problems_panel
    assert panel.isVisible() and "was changed on disk" in panel.intro.text()
    assert rig.prompts.problem_calls == []
    rig.agenda_path.write_text(good.replace("title: Welcome", "title: Welcome all", 1), encoding="utf-8")
    rig.controller.watcher.check_now()
    assert not panel.isVisible()


def test_opening_a_broken_file_during_the_show_lists_it_in_the_panel(rig: Rig, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("slots: 3\n", encoding="utf-8")
    rig.prompts.other_files = [broken]
    rig.controller.open_agenda()
    panel = rig.window.problems_panel
    assert panel.isVisible() and "the current show keeps running" in panel.intro.text()
    assert panel.lines() and all(line.startswith(f"{broken}:") for line in panel.lines())
    assert rig.prompts.problem_calls == []


# -- Help > Shortcuts ---------------------------------------------------------------------------

def test_the_shortcuts_sheet_is_not_modal_and_the_show_keys_work_on_it(rig: Rig) -> None:
    rig.at(at(13, 30))
    facts: dict[str, object] = {}

    def look(widget: QWidget) -> None:
        facts["modal"] = QApplication.activeModalWidget()
        facts["parent"] = widget.parentWidget()
        if QApplication.activeModalWidget() is widget:
            widget.close()  # today's modal sheet: close it so the test ends (and fails)

    when_shown(ShortcutsDialog, look)
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_F1)
    rig.qtbot.waitUntil(lambda: "modal" in facts, timeout=2000)
    assert facts == {"modal": None, "parent": rig.window}
    sheet = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    assert sheet.isVisible() and sheet.windowModality() is Qt.WindowModality.NonModal
    activate(rig, sheet)
    rig.qtbot.keyClick(sheet.table, Qt.Key.Key_Space)  # GO, even with the sheet in front
    assert state(rig).current is not None and state(rig).current.id == "welcome"
    sheet.close()


def test_a_problem_box_with_nothing_to_list_is_the_sentence_alone(qtbot: QtBot) -> None:
    empty = ProblemsDialog("This file cannot be imported", "x.xlsx: cannot be read as an XLSX workbook", [], False)
    listed = ProblemsDialog("Agenda problems", "2 problems", ["a.yaml:3:1: x", "a.yaml:4:1: y"], False)
    qtbot.addWidget(empty)
    qtbot.addWidget(listed)
    empty.show()
    listed.show()
    assert not empty.list.isVisible() and listed.list.isVisible()
    assert empty.sizeHint().height() < listed.minimumHeight()
