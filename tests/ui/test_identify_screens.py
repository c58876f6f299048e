"""Displays > Identify screens: each screen's name, size and display, large on that screen, for three seconds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from runofshow.core.show import ShowPhase
from runofshow.qt.placement import Placement
from runofshow.ui.displays import DisplayManager
from runofshow.ui.identify import IDENTIFY_MS, what_it_shows
from tests.ui.conftest import Rig

ROOT = Path(__file__).resolve().parents[2]
TITLES = {"projector": "Projector", "stage": "Speaker countdown", "moderator": "Moderator"}


def displays_of(rig: Rig) -> DisplayManager:
    assert rig.controller.displays is not None
    return rig.controller.displays


def test_each_screen_says_what_it_shows() -> None:
    placements: dict[str, Placement | None] = {
        "projector": Placement("HDMI-1", True, fallback=False),
        "stage": Placement("LAPTOP", False, fallback=False, displaced=True),
        "moderator": Placement("LAPTOP", False, fallback=True),
    }
    assert what_it_shows("HDMI-1", "LAPTOP", placements, TITLES) == ["Projector, full screen"]
    assert what_it_shows("LAPTOP", "LAPTOP", placements, TITLES) == [
        "Operator window", "Speaker countdown, as a window", "Moderator (stand-in window: its screen is missing)"]
    assert what_it_shows("DP-2", "LAPTOP", placements, TITLES) == ["No display on this screen"]


def test_the_displays_menu_begins_with_identify_screens(rig: Rig) -> None:
    displays_of(rig).fill_menu(rig.window.displays_menu)
    assert rig.window.displays_menu.actions()[0].text() == "&Identify screens"


def test_identify_signs_every_screen_for_three_seconds_and_keeps_the_keyboard_on_the_operator(rig: Rig) -> None:
    displays = displays_of(rig)
    displays.fill_menu(rig.window.displays_menu)
    assert QApplication.activeWindow() is rig.window

    rig.window.displays_menu.actions()[0].trigger()

    signs = displays.identifier.signs
    assert [sign.screen_name for sign in signs] == [screen.name() for screen in QGuiApplication.screens()]
    for sign in signs:
        assert sign.isVisible()
        assert sign.screen().geometry().contains(sign.geometry())
        assert sign.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        assert sign.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
        assert sign.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert sign.timer.isSingleShot() and sign.timer.isActive() and sign.timer.interval() == IDENTIFY_MS == 3000
    assert signs[0].lines == ["Operator window"]  # one screen, and every display still hidden
    # The show keys keep working while the signs are up: Space is GO.
    assert QApplication.activeWindow() is rig.window
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    assert rig.controller.bridge is not None and rig.controller.bridge.state.phase is ShowPhase.RUNNING


def test_the_signs_go_by_themselves_when_their_timer_fires(rig: Rig) -> None:
    displays = displays_of(rig)
    displays.identifier.duration_ms = 20  # a short stand-in for three seconds
    signs = displays.identify_screens()
    assert signs and all(sign.isVisible() for sign in signs)

    rig.qtbot.waitUntil(lambda: not displays.identifier.signs, timeout=2000)
    assert not any(widget.isVisible() for widget in QApplication.topLevelWidgets()
                   if widget.windowTitle().startswith("Identify screen"))


def test_asked_again_the_signs_are_replaced_not_piled_up(rig: Rig) -> None:
    displays = displays_of(rig)
    first = displays.identify_screens()
    second = displays.identify_screens()
    assert len(second) == len(first) == len(QGuiApplication.screens())
    assert displays.identifier.signs == second
    rig.controller.shutdown()
    assert not displays.identifier.signs  # quitting takes them away too


@pytest.fixture(scope="module")
def two_screens(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    folder = tmp_path_factory.mktemp("identify")
    config = folder / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "LAPTOP", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "HDMI-1", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "identify_probe.py"), str(folder / "sign")],
                          env=env, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert (folder / "sign-HDMI-1.png").stat().st_size > 0
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_with_two_screens_each_sign_is_on_its_own_screen(two_screens: list[dict[str, object]]) -> None:
    by_screen = {sign["screen"]: sign for sign in two_screens}
    assert sorted(str(name) for name in by_screen) == ["HDMI-1", "LAPTOP"]
    for name, sign in by_screen.items():
        assert sign["name"] == name and sign["title"] == f"Identify screen {name}"
        assert sign["visible"] and sign["inside"] and sign["running"] and sign["interval"] == 3000
    assert by_screen["HDMI-1"]["size"] == "1920 × 1080"
    assert by_screen["HDMI-1"]["lines"] == ["Projector, full screen"]
    assert by_screen["LAPTOP"]["lines"] == ["Operator window", "Speaker countdown, as a window"]
    # Large: most of its screen, so it reads from the back of the room.
    assert by_screen["HDMI-1"]["rect"] == [1366 + 288, 216, 1344, 648]
