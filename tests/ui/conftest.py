"""An operator window on a copy of the bundled agenda, a fake clock and fake prompts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from runofshow.app import AppController
from runofshow.core.clock import FakeClock, Instant
from runofshow.paths import bundled_agenda
from runofshow.ui.operator import OperatorWindow
from tests.conftest import FakePrompts
from tests.core.helpers import at


@dataclass
class Rig:
    controller: AppController
    clock: FakeClock
    prompts: FakePrompts
    agenda_path: Path
    state_dir: Path
    qtbot: QtBot

    @property
    def window(self) -> OperatorWindow:
        assert self.controller.window is not None
        return self.controller.window

    def at(self, moment: Instant) -> None:
        """Let the fake clock reach this moment and wake the bridge, as its timer would."""
        self.clock._now = moment
        assert self.controller.bridge is not None
        self.controller.bridge.tick()


def make_rig(qtbot: QtBot, tmp_path: Path, prompts: FakePrompts, start: Instant, *, agenda_path: Path | None = None,
             state_dir: Path | None = None) -> Rig:
    if agenda_path is None:
        agenda_path = tmp_path / "agenda.yaml"
        if not agenda_path.exists():
            shutil.copy(bundled_agenda(), agenda_path)
    state_dir = state_dir or tmp_path / "state"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    clock = FakeClock(start.t)
    controller = AppController(settings, prompts, clock, state_dir)
    started = controller.start(agenda_path)
    rig = Rig(controller, clock, prompts, agenda_path, state_dir, qtbot)
    if started:
        qtbot.addWidget(rig.window)
        qtbot.waitExposed(rig.window)
        rig.window.activateWindow()
        rig.window.setFocus()
    return rig


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path, prompts: FakePrompts) -> Iterator[Rig]:
    made = make_rig(qtbot, tmp_path, prompts, at(13, 20))
    yield made
    made.controller.shutdown()
