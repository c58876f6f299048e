"""Displays on two screens (two offscreen QScreens), including unplugging and plugging one back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from runofshow.qt.placement import DisplayChoice, Placement, ScreenInfo, place

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = ScreenInfo("LAPTOP", 0, 0, 1366, 768)
HDMI = ScreenInfo("HDMI-1", 1366, 0, 1920, 1080)


def test_a_display_goes_to_its_chosen_screen() -> None:
    choice = DisplayChoice("HDMI-1", fullscreen=True, visible=True)
    assert place(choice, [LAPTOP, HDMI], "LAPTOP") == Placement("HDMI-1", True, fallback=False)


def test_a_hidden_display_goes_nowhere() -> None:
    assert place(DisplayChoice("HDMI-1", visible=False), [LAPTOP, HDMI], "LAPTOP") is None


def test_a_missing_screen_brings_the_display_to_the_operator_as_a_window() -> None:
    choice = DisplayChoice("HDMI-1", fullscreen=True, visible=True)
    assert place(choice, [LAPTOP], "LAPTOP") == Placement("LAPTOP", False, fallback=True)


def test_an_unassigned_display_prefers_a_screen_other_than_the_operators() -> None:
    assert place(DisplayChoice(None, visible=True), [LAPTOP, HDMI], "LAPTOP") == Placement("HDMI-1", True, False)
    assert place(DisplayChoice(None, visible=True), [LAPTOP], "LAPTOP") == Placement("LAPTOP", False, False)


@pytest.fixture(scope="module")
def two_screens(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("screens")
    config = folder / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "LAPTOP", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "HDMI-1", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "ui" / "screens_probe.py")], env=env,
                          capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_qt_sees_both_screens(two_screens: dict[str, object]) -> None:
    assert sorted(two_screens["screens"]) == ["HDMI-1", "LAPTOP"]  # type: ignore[arg-type]


def test_the_projector_is_full_screen_on_the_screen_chosen_for_it(two_screens: dict[str, object]) -> None:
    assert two_screens["assigned"] == {"screen": "HDMI-1", "full": True, "visible": True,
                                       "rect": [1366, 0, 1920, 1080]}
    stage = two_screens["stage"]
    # A window on the operator's screen: half its size, in the lower right, clear of the operator's timer.
    assert stage["screen"] == "LAPTOP" and not stage["full"]  # type: ignore[index]
    assert stage["rect"] == [1366 - 683 - 48 - 1, 768 - 384 - 48 - 1, 683, 384]  # type: ignore[index]


def test_the_displays_menu_lists_screens_by_name_and_size(two_screens: dict[str, object]) -> None:
    menu = two_screens["menu"]
    assert "Projector — on HDMI-1" in menu  # type: ignore[operator]
    assert "  HDMI-1 (1920x1080)" in menu and "  LAPTOP (1366x768)" in menu  # type: ignore[operator]
    assert "Flash the stage display at zero" in menu  # type: ignore[operator]


def test_unplugging_its_screen_brings_the_display_to_the_operator_and_back(two_screens: dict[str, object]) -> None:
    unplugged = two_screens["unplugged"]
    assert unplugged["screen"] == "LAPTOP" and not unplugged["full"] and unplugged["visible"]  # type: ignore[index]
    x, y, width, height = unplugged["rect"]  # type: ignore[index]
    assert x >= 0 and x + width <= 1366 and y >= 0 and y + height <= 768  # wholly on the laptop's screen
    assert two_screens["replugged"] == two_screens["assigned"]
    assert two_screens["notices"] == [
        "The projector screen 'HDMI-1' is missing: the projector display is now a window on this screen",
        "The projector display is back on 'HDMI-1'",
    ]


def test_the_choice_survives_a_restart(two_screens: dict[str, object]) -> None:
    assert two_screens["restarted"] == two_screens["assigned"]
