"""The operator's thumbnails: what the projector, stage and moderator show, small, and only redrawn on change."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from runofshow.core.commands import DISPLAYS
from runofshow.ui.canvas import Scene
from runofshow.ui.thumbnails import DisplayThumbnail, ThumbnailStrip
from tests.core.helpers import at
from tests.ui.conftest import Rig


def strip(rig: Rig) -> ThumbnailStrip:
    return rig.window.thumbnails


def thumbnail(rig: Rig, kind: str) -> DisplayThumbnail:
    return strip(rig).thumbnails[kind]


def texts(scene: Scene | None) -> list[str]:
    assert scene is not None
    return [item.text for item in scene.texts if item.text]


def settle() -> None:
    for _ in range(5):  # a layout pass can lead to another (the thumbnails' height follows their width)
        QApplication.processEvents()


def display_scene(rig: Rig, kind: str) -> Scene:
    displays = rig.controller.displays
    assert displays is not None
    return displays.windows[kind].current_scene()


@pytest.mark.parametrize("when", [(13, 20), (13, 36), (13, 47), (14, 55), (15, 52), (17, 5)])
def test_each_thumbnail_shows_what_its_display_shows(rig: Rig, when: tuple[int, int]) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    if when > (13, 20):
        rig.at(at(13, 30))
        bridge.run("go")
        bridge.run("roll", {"on": True})  # the plan drives the show: each moment in its own slot
    rig.at(at(*when))
    bridge.run("message", {"text": "Two minutes please", "flash": False})
    for kind in DISPLAYS:
        assert thumbnail(rig, kind).scene == display_scene(rig, kind), kind
    assert "Two minutes please" in texts(thumbnail(rig, "stage").scene)


def test_a_blacked_out_display_has_a_black_thumbnail(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 30))
    bridge.run("go")
    bridge.run("blackout", {"display": "stage", "on": True})
    settle()
    stage = thumbnail(rig, "stage")
    assert texts(stage.scene) == [] and stage.scene is not None and stage.scene.background == "#000000"
    image = stage.grab().toImage()
    black = QColor("#000000").rgb()
    inside = [(x, y) for x in range(1, image.width() - 1, 3) for y in range(1, image.height() - 1, 3)]  # not its edge
    assert all(image.pixel(x, y) == black for x, y in inside)
    assert texts(thumbnail(rig, "projector").scene)  # the others go on
    assert "blacked out" in strip(rig).labels["stage"].full_text


def test_a_flash_blinks_on_the_stage_thumbnail(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 30))
    bridge.run("go")
    rig.at(at(13, 36))
    bridge.run("flash")
    seen = {thumbnail(rig, "stage").scene.background}  # type: ignore[union-attr]
    strip(rig).blink()
    seen.add(thumbnail(rig, "stage").scene.background)  # type: ignore[union-attr]
    assert seen == {"#ffffff", "#000000"}
    rig.at(at(13, 36, 10))  # a flash lasts a few seconds
    assert not strip(rig).blinking
    assert thumbnail(rig, "stage").scene.background == "#000000"  # type: ignore[union-attr]


def test_a_change_on_the_bridge_repaints_only_the_thumbnails_it_changes(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 30))
    bridge.run("go")
    settle()
    before = {kind: thumbnail(rig, kind).paints for kind in DISPLAYS}
    bridge.run("message", {"text": "Mic check", "flash": False})
    settle()
    assert "Mic check" in texts(thumbnail(rig, "stage").scene)
    assert thumbnail(rig, "stage").paints > before["stage"]
    assert thumbnail(rig, "projector").paints == before["projector"]  # the room's screen has no message


def test_nothing_is_repainted_when_nothing_changed(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 30))
    bridge.run("go")
    rig.at(at(13, 31))
    settle()
    before = [thumbnail(rig, kind).paints for kind in DISPLAYS]
    for _ in range(5):
        bridge.tick()  # the same moment again: the same scenes
        settle()
    assert [thumbnail(rig, kind).paints for kind in DISPLAYS] == before
    rig.at(at(13, 31, 1))  # a second later the digits move
    settle()
    assert [thumbnail(rig, kind).paints for kind in DISPLAYS] > before


def test_each_label_says_where_the_display_is(rig: Rig) -> None:
    displays = rig.controller.displays
    assert displays is not None
    labels = strip(rig).labels
    assert labels["stage"].full_text == "Stage — not shown"
    screen = displays.operator_screen()
    displays.choose("stage", screen=screen, fullscreen=False, visible=True)
    assert labels["stage"].full_text == f"Stage — window on {screen}"
    assert labels["projector"].full_text == "Projector — not shown"


def test_the_thumbnails_fold_away_from_the_displays_menu_and_stay_so(rig: Rig) -> None:
    window = rig.window
    displays = rig.controller.displays
    assert displays is not None
    displays.fill_menu(window.displays_menu)
    toggle = next(action for action in window.displays_menu.actions() if action.text() == "Thumbnails in this window")
    assert toggle.isChecked() and strip(rig).isVisible()
    toggle.trigger()
    assert not strip(rig).isVisible()
    assert rig.controller.settings.value("displays/thumbnails") in (False, "false")
    bridge = rig.controller.bridge
    assert bridge is not None
    paints = thumbnail(rig, "stage").paints
    bridge.run("message", {"text": "Hidden", "flash": False})
    settle()
    assert thumbnail(rig, "stage").paints == paints  # folded away: no drawing at all
    toggle.trigger()
    settle()
    assert strip(rig).isVisible() and "Hidden" in texts(thumbnail(rig, "stage").scene)
