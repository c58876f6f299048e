"""A second copy on a running show: plain words, and on this computer a button bringing the running window forward."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from runofshow.io.state_lock import StateFolderBusy
from runofshow.qt.single_instance import RaiseListener, ask_running_copy_to_raise, channel_name
from runofshow.ui.folder_lock import busy_words, tell_busy, what_to_do
from tests.ui.conftest import Rig

HERE = socket.gethostname()
AT_1402 = datetime(2026, 11, 27, 14, 2, 30).timestamp()
THAT_DAY = datetime(2026, 11, 27, 16, 0)


def when_box_shown(answer: Callable[[QMessageBox], None]) -> None:
    def look() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(5, look)
            return
        try:
            answer(box)
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(0, look)


def test_the_words_say_which_copy_runs_this_show_since_when_and_that_only_one_can(tmp_path: Path) -> None:
    busy = StateFolderBusy(tmp_path, 1234, HERE, AT_1402)
    assert busy_words(busy, today=THAT_DAY) == (
        f"runofshow is already running this show's record folder {tmp_path}: process 1234 on this laptop "
        "since 14:02. Only one copy can drive a show.")
    assert what_to_do(busy, in_a_box=True).startswith("Bring its window to the front")
    assert "--state-dir" in what_to_do(busy, in_a_box=False)


def test_a_copy_started_another_day_says_the_day_too(tmp_path: Path) -> None:
    busy = StateFolderBusy(tmp_path, 1234, HERE, AT_1402)
    assert "since 2026-11-27 14:02." in busy_words(busy, today=datetime(2026, 11, 28, 9, 0))


def test_from_another_computer_the_words_name_it_and_offer_no_button(qtbot: QtBot, tmp_path: Path) -> None:
    busy = StateFolderBusy(tmp_path, 99, "foh-laptop", AT_1402)
    words = busy_words(busy, this_host="booth-pc", today=THAT_DAY)
    assert words == (f"runofshow on foh-laptop (process 99) is already running this show's record folder {tmp_path} "
                     "since 14:02. Only one copy can drive a show.")
    assert what_to_do(busy, in_a_box=True, this_host="booth-pc").startswith("Run the show from foh-laptop")
    buttons: list[str] = []

    def look(box: QMessageBox) -> None:
        buttons.extend(button.text() for button in box.buttons())

    when_box_shown(look)
    tell_busy(busy, tmp_path)
    assert buttons == ["Quit"]


def test_the_bring_to_front_button_raises_the_running_copys_window(rig: Rig) -> None:
    listener = rig.controller.listener
    assert listener is not None and listener.listening
    other = QWidget()  # another application's window in front of the operator's
    rig.qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    rig.qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    rig.window.showMinimized()
    facts: dict[str, object] = {}

    def press_bring(box: QMessageBox) -> None:
        facts["text"] = box.text()
        facts["buttons"] = [button.text() for button in box.buttons()]
        facts["default"] = box.defaultButton().text()
        box.defaultButton().click()

    when_box_shown(press_bring)
    with rig.qtbot.waitSignal(listener.raise_requested, timeout=3000):
        tell_busy(StateFolderBusy(rig.state_dir, 4321, HERE, AT_1402), rig.state_dir)
    assert facts["buttons"] == ["Bring the running show to the front", "Quit"]
    assert facts["default"] == "Bring the running show to the front"
    assert "Only one copy can drive a show." in str(facts["text"])
    rig.qtbot.waitUntil(lambda: QApplication.activeWindow() is rig.window)
    assert not rig.window.isMinimized() and rig.window.isVisible()
    assert "Another copy of runofshow was started on this show" in rig.window.last_command.text()


def test_a_raise_request_reaches_only_the_copy_on_that_state_folder(qtbot: QtBot, tmp_path: Path) -> None:
    ours = RaiseListener(tmp_path / "show-a")
    theirs = RaiseListener(tmp_path / "show-b")
    try:
        heard: list[str] = []
        theirs.raise_requested.connect(lambda: heard.append("b"))
        with qtbot.waitSignal(ours.raise_requested, timeout=3000):
            assert ask_running_copy_to_raise(tmp_path / "show-a")
        qtbot.wait(50)  # let any stray delivery to the other show arrive (there must be none)
        assert heard == []
    finally:
        ours.close()
        theirs.close()
    assert not ask_running_copy_to_raise(tmp_path / "show-a", timeout_ms=200), "nobody listens any more"


@pytest.mark.skipif(sys.platform == "win32", reason="a Unix socket file left by a crash")
def test_a_socket_left_by_a_crashed_copy_does_not_stop_the_next_from_listening(qtbot: QtBot, tmp_path: Path) -> None:
    path = QLocalServer().fullServerName() or ""  # unused server: only to learn where sockets go
    name = channel_name(tmp_path)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    folder = Path(path).parent if path else Path("/tmp")
    stale_path = folder / name
    stale.bind(str(stale_path))
    stale.close()  # the file stays, nobody listens: what a SIGKILL leaves
    listener = RaiseListener(tmp_path)
    try:
        assert listener.listening
        with qtbot.waitSignal(listener.raise_requested, timeout=3000):
            assert ask_running_copy_to_raise(tmp_path)
    finally:
        listener.close()
