"""A display redraws only what changed: usually just the digits, once a second."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.canvas import Box, changed_area, changed_rects
from runofshow.ui.moderator_view import moderator_scene
from runofshow.ui.projector_view import projector_scene
from runofshow.ui.stage_view import PROGRESS_BOX, stage_scene
from tests.core.helpers import at, seed


def states() -> tuple[object, object, object]:
    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), None), clock)
    bridge.run("go")
    clock.advance(300)
    first = bridge.tick()
    clock.advance(1)
    second = bridge.tick()
    clock.advance(0.25)
    same = bridge.tick()
    return first, second, same


def test_a_second_later_the_stage_redraws_only_the_clock_the_digits_and_the_bar(qtbot: QtBot) -> None:
    first, second, _ = states()
    rects = changed_rects(stage_scene(first, False), stage_scene(second, False), 1920, 1080)  # type: ignore[arg-type]
    clock = Box(0.72, 0.02, 0.25, 0.10).rect(1920, 1080)
    digits = Box(0.02, 0.20, 0.96, 0.50).rect(1920, 1080)
    assert clock in rects and digits in rects
    bar = PROGRESS_BOX.rect(1920, 1080)
    others = [rect for rect in rects if rect not in (clock, digits)]
    assert others and all(bar.contains(rect) for rect in others)  # the progress bar's fill, moving on
    assert sum(rect.height() for rect in rects) < 0.75 * 1080


def test_the_projector_does_not_redraw_at_all_while_a_talk_runs(qtbot: QtBot) -> None:
    first, second, _ = states()
    assert changed_area(projector_scene(first), projector_scene(second), 1920, 1080) is None  # type: ignore[arg-type]


def test_nothing_is_redrawn_between_two_digit_changes(qtbot: QtBot) -> None:
    _, second, same = states()
    assert changed_area(moderator_scene(second), moderator_scene(same), 1280, 800) is None  # type: ignore[arg-type]


def test_a_new_slot_redraws_the_title_and_the_speakers_not_the_frame(qtbot: QtBot) -> None:
    first, _, _ = states()
    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), None), clock)
    bridge.run("go")
    bridge.run("next")
    other = bridge.state
    area = changed_area(projector_scene(first), projector_scene(other), 800, 480)  # type: ignore[arg-type]
    assert area is not None
    assert area.contains(Box(0.05, 0.18, 0.9, 0.40).rect(800, 480))  # the title
    assert area.contains(Box(0.09, 0.66, 0.84, 0.21 * 0.55).rect(800, 480))  # the speaker's name
    assert not area.intersects(QRectF(0, 0, 800, 0.12 * 480))  # the event header stays
