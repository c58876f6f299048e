"""Run in its own process with two offscreen screens (see test_identify_screens.py); prints the signs as JSON.

Qt reads the screen layout once, when the application starts, so this cannot share the test
process's QApplication. With a path argument, it also saves a picture of each sign there
(`<path>-<screen>.png`), to look at.
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


def main() -> None:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    agenda = folder / "agenda.yaml"
    shutil.copy(bundled_agenda(), agenda)
    controller = AppController(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), FakePrompts(),
                               FakeClock(at(13, 30).t), folder / "state")
    assert controller.start(agenda)
    window, displays = controller.window, controller.displays
    assert window is not None and displays is not None
    laptop = next(s for s in QGuiApplication.screens() if s.name() == "LAPTOP")
    window.setScreen(laptop)
    window.move(laptop.geometry().topLeft())
    app.processEvents()
    displays.choose("projector", screen="HDMI-1", fullscreen=True, visible=True)
    displays.choose("stage", fullscreen=False, visible=True)  # no screen of its own left: a window on LAPTOP
    app.processEvents()
    signs = displays.identify_screens()
    app.processEvents()
    report = []
    for sign in signs:
        geometry, screen = sign.geometry(), sign.screen()
        report.append({"screen": screen.name(), "title": sign.windowTitle(), "name": sign.screen_name,
                       "size": sign.size_text, "lines": sign.lines, "visible": sign.isVisible(),
                       "inside": screen.geometry().contains(geometry),
                       "rect": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
                       "interval": sign.timer.interval(), "running": sign.timer.isActive()})
        if len(sys.argv) > 1:
            sign.grab().save(f"{sys.argv[1]}-{sign.screen_name}.png")
    controller.shutdown()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
