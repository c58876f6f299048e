"""The projector alone: Shift+B blacks out only the projector, H puts the holding slide on it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from runofshow.core.agenda import Agenda
from runofshow.core.clock import FakeClock
from runofshow.core.show import ShowEngine, ShowState
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.displays import WINDOW_CLASSES
from runofshow.ui.moderator_view import moderator_scene
from runofshow.ui.projector_view import projector_scene
from runofshow.ui.stage_view import stage_scene
from tests.core.helpers import at, seed
from tests.ui.conftest import Rig
from tests.ui.test_operator_keyboard import press, state


def with_slide(picture: str) -> Agenda:
    agenda = seed()
    return replace(agenda, event=replace(agenda.event, holding_slide=picture))


def holding_state(agenda: Agenda, *, holding: bool = True) -> ShowState:
    engine = ShowEngine(agenda)
    engine.execute("go", at(13, 30))
    if holding:
        engine.execute("holding", at(13, 36), {"on": True})
    return engine.state(at(13, 36))


def picture_file(folder: Path, width: int, height: int, colour: str = "#d62828") -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = folder / f"slide-{width}x{height}.png"
    assert image.save(str(path))
    return str(path)


def projector_image(qtbot: QtBot, agenda: Agenda, width: int, height: int, *commands: tuple[str, dict]) -> QImage:
    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(agenda, Path("agenda.yaml"), None), clock)
    bridge.run("go")
    for name, args in commands:
        assert bridge.run(name, args).accepted, name
    window = WINDOW_CLASSES["projector"](bridge)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    return window.grab().toImage()


def colour_at(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name()


# -- the keys --------------------------------------------------------------------------------------


def test_shift_b_blacks_out_the_projector_alone_and_brings_it_back(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    bridge = rig.controller.bridge
    assert bridge is not None
    projector, stage = WINDOW_CLASSES["projector"](bridge), WINDOW_CLASSES["stage"](bridge)
    press(rig, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    assert state(rig).blackout == {"projector"}
    assert rig.window.actions_by_key["blackout_projector"].isChecked()
    assert projector.current_scene().texts == [] and projector.current_scene().background == "#000000"
    assert "15:00" in [item.text for item in stage.current_scene().texts]  # the speaker keeps the countdown
    press(rig, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    assert state(rig).blackout == frozenset()
    assert not rig.window.actions_by_key["blackout_projector"].isChecked()
    assert "Welcoming remarks" in [item.text for item in projector.current_scene().texts]
    projector.deleteLater()
    stage.deleteLater()


def test_the_blackout_button_says_what_b_will_do_with_the_projector_alone_black(rig: Rig) -> None:
    rig.window.blackout_actions["projector"].trigger()  # Show > Blackout one display > Projector, as Shift+B
    assert rig.window.actions_by_key["blackout"].text() == "Blackout"  # B now blacks out all of them
    press(rig, Qt.Key.Key_B)
    assert state(rig).blackout == {"projector", "stage", "moderator"}
    assert rig.window.actions_by_key["blackout"].text() == "Unblack"


def test_h_puts_the_holding_slide_on_the_projector_and_the_operator_is_told(rig: Rig) -> None:
    rig.at(at(13, 30))
    press(rig, Qt.Key.Key_Space)
    press(rig, Qt.Key.Key_H)
    assert state(rig).holding
    assert rig.window.actions_by_key["holding"].isChecked()
    assert "PROJECTOR: HOLDING SLIDE" in rig.window.now_panel.banner.text()
    assert rig.window.last_command.text() == "Last: holding slide on the projector"
    press(rig, Qt.Key.Key_H)
    assert not state(rig).holding and not rig.window.actions_by_key["holding"].isChecked()
    assert "HOLDING" not in rig.window.now_panel.banner.text()
    press(rig, Qt.Key.Key_Backspace)  # undo brings it back
    assert state(rig).holding


def test_both_are_in_the_show_menu(rig: Rig) -> None:
    entries = [action.text() for action in rig.window.show_menu.actions()]
    assert "Black out the projector only" in entries and "Holding slide" in entries


# -- what the projector shows ----------------------------------------------------------------------


def test_without_a_picture_the_holding_slide_is_the_logo_and_the_event_title() -> None:
    scene = projector_scene(holding_state(seed()))
    assert [Path(p.path).name for p in scene.pictures] == ["logo.svg"]
    assert scene.pictures[0].centred
    shown = [item.text for item in scene.texts if item.text]
    assert shown[0] == seed().event.title
    assert "Welcoming remarks" not in shown  # not the session


def test_the_agendas_picture_fills_the_projector_on_black(tmp_path: Path) -> None:
    picture = picture_file(tmp_path, 400, 100)
    scene = projector_scene(holding_state(with_slide(picture)))
    assert scene.background == "#000000" and scene.texts == []
    assert [(p.path, p.centred) for p in scene.pictures] == [(picture, True)]


def test_a_picture_gone_from_disk_falls_back_to_the_logo_slide(tmp_path: Path) -> None:
    scene = projector_scene(holding_state(with_slide(str(tmp_path / "deleted.png"))))
    assert [Path(p.path).name for p in scene.pictures] == ["logo.svg"]


def test_a_wide_picture_is_letterboxed_never_stretched(qtbot: QtBot, tmp_path: Path) -> None:
    agenda = with_slide(picture_file(tmp_path, 400, 100))  # 4:1 on 16:9: bands above and below
    image = projector_image(qtbot, agenda, 1280, 720, ("holding", {"on": True}))
    # 1280 wide makes it 320 high, from y = 200 to 520.
    assert colour_at(image, 640, 360) == "#d62828"
    assert colour_at(image, 2, 360) == "#d62828" and colour_at(image, 1277, 360) == "#d62828"
    assert colour_at(image, 640, 190) == "#000000" and colour_at(image, 640, 530) == "#000000"
    assert colour_at(image, 640, 210) == "#d62828" and colour_at(image, 640, 510) == "#d62828"


def test_a_tall_picture_has_black_bars_at_the_sides(qtbot: QtBot, tmp_path: Path) -> None:
    agenda = with_slide(picture_file(tmp_path, 300, 600, "#2a9d8f"))  # 1:2 on 16:9: 360 wide, x 460 to 820
    image = projector_image(qtbot, agenda, 1280, 720, ("holding", {"on": True}))
    assert colour_at(image, 640, 5) == "#2a9d8f" and colour_at(image, 640, 715) == "#2a9d8f"
    assert colour_at(image, 450, 360) == "#000000" and colour_at(image, 830, 360) == "#000000"
    assert colour_at(image, 470, 360) == "#2a9d8f" and colour_at(image, 810, 360) == "#2a9d8f"


def test_blackout_wins_over_the_holding_slide(qtbot: QtBot, tmp_path: Path) -> None:
    agenda = with_slide(picture_file(tmp_path, 400, 100))
    image = projector_image(qtbot, agenda, 640, 360, ("holding", {"on": True}),
                            ("blackout", {"display": "projector", "on": True}))
    assert {colour_at(image, x, y) for x in range(0, 640, 16) for y in range(0, 360, 16)} == {"#000000"}


def test_the_stage_and_the_moderator_never_show_the_holding_slide() -> None:
    held, shown = holding_state(seed()), holding_state(seed(), holding=False)
    assert held.holding and not shown.holding
    assert stage_scene(held, False) == stage_scene(shown, False)
    assert moderator_scene(held) == moderator_scene(shown)
