"""The speaker display keeps its huge countdown under a message (issue 12, item 9) and shows a progress bar
with the warning zone marked (item 14)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from pytestqt.qtbot import QtBot

from runofshow.core.phase_style import PAUSED_COLOUR, PHASE_COLOURS
from runofshow.core.show import ShowEngine, ShowState
from runofshow.core.snapshot import SlotPhase
from runofshow.ui.canvas import Fitted, Scene, changed_area, fitted, paint
from runofshow.ui.stage_view import PROGRESS_BOX, PROGRESS_TRACK, progress, stage_scene
from runofshow.ui.theme import digits_font
from tests.core.helpers import at, seed
from tests.ui.test_display_scenes import PHASES, SIZES, state_at

SHORT = "Two minutes please"
LONGEST = ("Mic 3 is dead, use 4. " * 13)[:280]  # the longest message the command table allows
LANDSCAPE = [size for size in SIZES if size[0] > size[1]]


def with_message(text: str) -> ShowState:
    return state_at(13, 36, commands=(("message", {"text": text}),))


def countdown(scene: Scene, width: int, height: int) -> Fitted:
    return next(p for p in fitted(scene, width, height) if p.item.digits and p.item.box.h > 0.2)


def ink_height(placed: Fitted) -> float:
    """How tall the digits really are on the screen: their ink, not the font's line."""
    return QFontMetricsF(digits_font(placed.pixel_size)).tightBoundingRect(placed.item.text).height()


def test_the_longest_message_is_the_longest_allowed() -> None:
    assert len(LONGEST) == 280


@pytest.mark.parametrize("text", [SHORT, LONGEST], ids=["short", "longest"])
@pytest.mark.parametrize("size", LANDSCAPE, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_countdown_keeps_three_tenths_of_the_height_under_a_message(
        qtbot: QtBot, size: tuple[int, int], text: str) -> None:
    width, height = size
    scene = stage_scene(with_message(text), False)
    digits = countdown(scene, width, height)
    assert digits.item.text == "09:00"
    assert ink_height(digits) >= 0.3 * height, ink_height(digits) / height
    for placed in fitted(scene, width, height):  # and the message still reads: all of it fits
        assert placed.fits and placed.pixel_size >= 10, (placed.item.text, placed.pixel_size)


@pytest.mark.parametrize("text", [SHORT, LONGEST], ids=["short", "longest"])
def test_in_portrait_the_countdown_is_as_wide_as_the_screen_with_or_without_a_message(
        qtbot: QtBot, text: str) -> None:
    # 1080x1920: five digits 0.3 of the height high would be wider than the screen; the width is the limit,
    # and a message must not take any of it away.
    width, height = 1080, 1920
    plain = countdown(stage_scene(PHASES["talk"](), False), width, height)
    scene = stage_scene(with_message(text), False)
    digits = countdown(scene, width, height)
    assert digits.pixel_size == plain.pixel_size
    assert digits.used.width() >= 0.9 * width
    for placed in fitted(scene, width, height):
        assert placed.fits and placed.pixel_size >= 10, (placed.item.text, placed.pixel_size)


# -- the progress bar --------------------------------------------------------------------------------


def bar(scene: Scene) -> list[tuple[float, float, str]]:
    """The bar's parts as (start, end) fractions of its width, with their colours."""
    parts = []
    for fill in scene.fills:
        if fill.box.y + fill.box.h >= PROGRESS_BOX.y and fill.box.y <= PROGRESS_BOX.y + PROGRESS_BOX.h:
            start = (fill.box.x - PROGRESS_BOX.x) / PROGRESS_BOX.w
            parts.append((round(start, 3), round(start + fill.box.w / PROGRESS_BOX.w, 3), fill.colour))
    return parts


def running(minutes: float, *commands: tuple[str, dict]) -> ShowState:
    """The 15-minute first slot (2-minute warning), `minutes` in."""
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    moment = at(13, 30).later(minutes * 60)
    for name, args in commands:
        assert engine.execute(name, moment, args).accepted
    return engine.state(moment)


def test_the_bar_shows_a_third_done_and_the_warning_zone_from_13_of_15_minutes(qtbot: QtBot) -> None:
    state = running(5)
    assert (state.duration, state.warning) == (900, 120)
    assert progress(state) == (0.333, round(13 / 15, 3))
    parts = bar(stage_scene(state, False))
    assert parts[0] == (0.0, 1.0, PROGRESS_TRACK)
    zone = parts[1]
    assert zone[:2] == (round(13 / 15, 3), 1.0) and zone[2] != PROGRESS_TRACK
    assert (0.0, 0.333, PHASE_COLOURS[SlotPhase.NORMAL]) in parts
    mark = parts[-1]  # a bright mark in the warning colour where the zone begins
    assert mark[2] == PHASE_COLOURS[SlotPhase.WARNING] and abs((mark[0] + mark[1]) / 2 - 13 / 15) < 0.002


def test_the_bar_turns_amber_in_the_warning_and_full_red_over_time(qtbot: QtBot) -> None:
    warning = bar(stage_scene(running(14), False))
    assert (0.0, round(14 / 15, 3), PHASE_COLOURS[SlotPhase.WARNING]) in warning
    over = bar(stage_scene(running(17), False))
    assert (0.0, 1.0, PHASE_COLOURS[SlotPhase.OVERRUN]) in over


def test_the_bar_is_blue_while_paused_and_shown_in_a_break(qtbot: QtBot) -> None:
    paused = bar(stage_scene(running(5, ("pause", {})), False))
    assert (0.0, 0.333, PAUSED_COLOUR) in paused
    assert bar(stage_scene(PHASES["break"](), False))  # a break is timed: 5 of its 20 minutes
    assert progress(PHASES["break"]()) == (0.25, 0.9)


@pytest.mark.parametrize("phase", ["pre-show", "between", "finished"])
def test_no_bar_when_nothing_is_timed(qtbot: QtBot, phase: str) -> None:
    state = PHASES[phase]()
    assert progress(state) is None and bar(stage_scene(state, False)) == []


def test_the_bar_redraws_when_its_fill_moves(qtbot: QtBot) -> None:
    before, after = stage_scene(running(5), False), stage_scene(running(5.5), False)
    area = changed_area(before, after, 1280, 720)
    assert area is not None and area.intersects(PROGRESS_BOX.rect(1280, 720))
    assert changed_area(after, stage_scene(running(5.5), False), 1280, 720) is None


# -- pictures ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["normal", "warning", "overrun"])
def test_render_the_stage_with_a_message(qtbot: QtBot, tmp_path: Path, name: str) -> None:
    minutes = {"normal": 5, "warning": 14, "overrun": 16.5}[name]
    state = running(minutes, ("message", {"text": "Please wrap up, Q&A after the break"}))
    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint(painter, stage_scene(state, False), 1280, 720)
    painter.end()
    folder = Path(os.environ.get("RUNOFSHOW_PICTURES", tmp_path))
    target = folder / f"stage-progress-{name}.png"
    assert image.save(str(target))
    bar_rect = PROGRESS_BOX.rect(1280, 720)
    middle = QRectF(bar_rect.left() + 2, bar_rect.center().y(), 1, 1).toAlignedRect()
    assert image.pixelColor(middle.topLeft()).name() == stage_scene(state, False).fills[-2].colour
