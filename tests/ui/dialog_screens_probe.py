"""Run in its own process with two offscreen screens (see test_dialog_screens.py); prints where dialogs opened.

The mouse pointer is put on the other screen each time: a dialog that followed it (Qt's default for a
window without a parent) would open there, in front of the audience.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from runofshow.app import AppController, dialog_prompts
from runofshow.core.clock import FakeClock
from runofshow.paths import bundled_agenda
from tests.core.helpers import at


def screen(name: str) -> QScreen:
    return next(s for s in QGuiApplication.screens() if s.name() == name)


def where(widget: QWidget) -> dict[str, object]:
    """The screen that holds the whole window (None if it straddles or is off every screen)."""
    frame = widget.frameGeometry()
    inside = [s.name() for s in QGuiApplication.screens() if s.geometry().contains(frame)]
    return {"screen": inside[0] if len(inside) == 1 else None, "rect": [frame.x(), frame.y(), frame.width(),
                                                                         frame.height()]}


def on_next_dialog(report: dict[str, object], key: str, answer: str | None = None) -> None:
    """When the next dialog shows, note where it is and answer it (with the button named, else reject)."""

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(5, look)
            return
        dialog = shown[0]
        report[key] = where(dialog)
        if answer is not None and isinstance(dialog, QMessageBox):
            next(b for b in dialog.buttons() if b.text().replace("&", "") == answer).click()
        else:
            dialog.reject()

    QTimer.singleShot(0, look)


def main() -> None:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    good = folder / "agenda.yaml"
    shutil.copy(bundled_agenda(), good)
    broken = folder / "broken.yaml"
    broken.write_text("slots: 3\n", encoding="utf-8")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    primary = QGuiApplication.primaryScreen().name()
    other = next(s.name() for s in QGuiApplication.screens() if s.name() != primary)
    report: dict[str, object] = {"primary": primary, "other": other}

    def controller(minute: int) -> AppController:
        return AppController(settings, dialog_prompts(settings), FakeClock(at(13, minute).t), folder / "state")

    # 1. The very first start, the pointer on the other screen: a broken agenda is said on the primary screen.
    QCursor.setPos(screen(other).geometry().center())
    report["pointer"] = QGuiApplication.screenAt(QCursor.pos()).name()
    on_next_dialog(report, "first start, broken agenda")
    assert not controller(30).start(broken)

    # 2. A show runs on the other screen and is killed mid-show; the restart asks over the window there,
    #    with the pointer on the primary screen.
    first = controller(30)
    assert first.start(good) and first.window is not None and first.bridge is not None
    first.window.setGeometry(screen(other).availableGeometry().adjusted(40, 40, -40, -40))
    app.processEvents()
    first.bridge.run("go")
    first.bridge.stop()
    first.watcher.blockSignals(True)
    settings.setValue("operator_geometry", first.window.saveGeometry())
    first.window.hide()
    QCursor.setPos(screen(primary).geometry().center())
    on_next_dialog(report, "resume question", answer="Resume the show")
    second = controller(35)
    assert second.start(good) and second.window is not None and second.bridge is not None
    report["operator window"] = where(second.window)
    on_next_dialog(report, "new show question", answer="No")
    second.new_show()
    second.shutdown()
    second.window.hide()

    # 3. The window was on the other screen last time, the pointer is on the primary: a broken agenda is
    #    said where the window will open.
    QCursor.setPos(screen(primary).geometry().center())
    on_next_dialog(report, "broken agenda, window saved on the other screen")
    assert not controller(40).start(broken)
    print(json.dumps(report))
    app.quit()


if __name__ == "__main__":
    main()
