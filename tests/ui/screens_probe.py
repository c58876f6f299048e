"""Run in its own process with two offscreen screens (see test_screens.py); prints what it saw as JSON.

Qt reads the screen layout once, when the application starts, so this cannot share the test
process's QApplication.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from runofshow.app import AppController
from runofshow.core.clock import FakeClock
from runofshow.paths import bundled_agenda
from tests.conftest import FakePrompts
from tests.core.helpers import at


def where(window) -> dict[str, object]:  # type: ignore[no-untyped-def]
    geometry = window.geometry()
    return {"screen": window.screen().name(), "full": window.isFullScreen(), "visible": window.isVisible(),
            "rect": [geometry.x(), geometry.y(), geometry.width(), geometry.height()]}


def main() -> None:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    agenda = folder / "agenda.yaml"
    shutil.copy(bundled_agenda(), agenda)
    settings_path = folder / "settings.ini"
    report: dict[str, object] = {"screens": [s.name() for s in QGuiApplication.screens()]}

    def controller() -> AppController:
        made = AppController(QSettings(str(settings_path), QSettings.Format.IniFormat), FakePrompts(),
                             FakeClock(at(13, 30).t), folder / "state")
        assert made.start(agenda)
        laptop = next(s for s in QGuiApplication.screens() if s.name() == "LAPTOP")
        assert made.window is not None
        made.window.setScreen(laptop)
        made.window.move(laptop.geometry().topLeft())
        app.processEvents()
        return made

    first = controller()
    displays = first.displays
    assert displays is not None
    notices: list[str] = []
    displays.notice.connect(notices.append)
    displays.choose("projector", screen="HDMI-1", fullscreen=True, visible=True)
    displays.choose("stage", screen="LAPTOP", fullscreen=False, visible=True)
    app.processEvents()
    report["assigned"] = where(displays.windows["projector"])
    report["stage"] = where(displays.windows["stage"])
    menu_titles = []
    displays.fill_menu(first.window.displays_menu)  # type: ignore[union-attr]
    for action in first.window.displays_menu.actions():  # type: ignore[union-attr]
        menu_titles.append(action.text())
        if action.menu() is not None:
            menu_titles.extend(f"  {a.text()}" for a in action.menu().actions())
    report["menu"] = menu_titles
    # Unplug HDMI-1: the projector comes to the operator's screen as a window.
    laptop_only = [s for s in displays.screens() if s.name != "HDMI-1"]
    displays.apply(laptop_only)
    app.processEvents()
    report["unplugged"] = where(displays.windows["projector"])
    # Plug it back: the projector returns, full screen.
    displays.apply()
    app.processEvents()
    report["replugged"] = where(displays.windows["projector"])
    report["notices"] = notices
    first.shutdown()
    # The choices persist: a new start puts the projector straight back on HDMI-1.
    second = controller()
    app.processEvents()
    report["restarted"] = where(second.displays.windows["projector"])  # type: ignore[union-attr]
    second.shutdown()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
