"""The display windows draw the bridge's snapshots: pixels, blackout, flash, and the render command."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from runofshow.cli import main
from runofshow.core.clock import FakeClock
from runofshow.core.phase_style import PHASE_COLOURS
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.display_base import DisplayOptions
from runofshow.ui.displays import WINDOW_CLASSES
from tests.core.helpers import at, seed


def bridge_at(hour: int, minute: int) -> tuple[ShowBridge, FakeClock]:
    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), None), clock)
    bridge.run("go")
    clock._now = at(hour, minute)
    bridge.tick()
    return bridge, clock


def count_colour(image: QImage, colour: str) -> int:
    wanted = QColor(colour).rgb()
    step = 4
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if image.pixel(x, y) == wanted)


@pytest.mark.parametrize("kind", list(WINDOW_CLASSES))
def test_a_blacked_out_display_is_pure_black(qtbot: QtBot, kind: str) -> None:
    bridge, _clock = bridge_at(13, 36)
    window = WINDOW_CLASSES[kind](bridge)
    qtbot.addWidget(window)
    window.resize(640, 360)
    window.show()
    bridge.run("blackout", {"display": kind, "on": True})
    image = window.grab().toImage()
    assert count_colour(image, "#000000") == len(range(0, 640, 4)) * len(range(0, 360, 4))
    bridge.run("blackout", {"display": kind, "on": False})
    assert count_colour(window.grab().toImage(), "#000000") < len(range(0, 640, 4)) * len(range(0, 360, 4))


def test_the_stage_window_paints_the_phase_colour(qtbot: QtBot) -> None:
    bridge, clock = bridge_at(13, 36)
    window = WINDOW_CLASSES["stage"](bridge)
    qtbot.addWidget(window)
    window.resize(960, 540)
    window.show()
    assert count_colour(window.grab().toImage(), PHASE_COLOURS["normal"]) > 200
    clock._now = at(13, 47)
    bridge.tick()
    image = window.grab().toImage()
    assert count_colour(image, PHASE_COLOURS["overrun"]) > 200
    assert count_colour(image, PHASE_COLOURS["normal"]) == 0


def test_a_flash_blinks_and_stops_by_itself(qtbot: QtBot) -> None:
    bridge, clock = bridge_at(13, 36)
    window = WINDOW_CLASSES["stage"](bridge, DisplayOptions(flash_at_zero=False))
    qtbot.addWidget(window)
    window.resize(480, 270)
    window.show()
    bridge.run("flash")
    assert window._blink.isActive()
    bright = window.current_scene().background
    window._toggle_blink()
    dark = window.current_scene().background
    assert {bright, dark} == {"#ffffff", "#000000"}
    clock.advance(6)
    bridge.tick()
    assert not window._blink.isActive() and window.current_scene().background == "#000000"


@pytest.mark.parametrize("view", ["projector", "stage", "moderator"])
@pytest.mark.parametrize("when", ["13:20", "13:44", "14:55", "15:51", "16:20", "17:05"])
def test_render_draws_each_display_at_any_time_of_the_day(qtbot: QtBot, tmp_path: Path, view: str,
                                                          when: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{view}.png"
    assert main(["render", "--view", view, "--at", when, "--size", "800x480", "--out", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 480)
    assert len({image.pixel(x, y) for x in range(0, 800, 20) for y in range(0, 480, 20)}) > 3  # not blank
    capsys.readouterr()
