"""All three displays through a whole rehearsed show: an accelerated clock, the keyboard, every window open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from runofshow.app import AppController
from runofshow.core.clock import FakeClock, ScaledClock
from runofshow.paths import bundled_agenda
from runofshow.ui.canvas import Scene
from tests.conftest import FakePrompts
from tests.core.helpers import at


def texts(scene: Scene) -> str:
    return "\n".join(item.text for item in scene.texts)


def test_a_whole_afternoon_rehearsed_at_100x_with_every_display(qtbot: QtBot, tmp_path: Path) -> None:
    base = FakeClock(0.0)
    clock = ScaledClock(base, 100.0, start=at(13, 29).t)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    controller = AppController(settings, FakePrompts(), clock, tmp_path / "state", mode_banner="REHEARSAL ×100")
    assert controller.start(bundled_agenda())
    window, displays, bridge = controller.window, controller.displays, controller.bridge
    assert window is not None and displays is not None and bridge is not None
    qtbot.addWidget(window)
    for kind in displays.windows:
        displays.choose(kind, visible=True, fullscreen=False)
    assert all(w.isVisible() for w in displays.windows.values())
    # The offscreen platform activates every window it shows (real ones honour WA_ShowWithoutActivating).
    window.activateWindow()
    assert window.mode_banner.text() == "REHEARSAL ×100" and window.mode_banner.isVisibleTo(window)

    seen: dict[str, set[str]] = {"projector": set(), "stage": set(), "moderator": set()}
    for slot in bridge.state.slots:
        # Real seconds to the slot's planned start, at 100x; then GO from the keyboard.
        base.advance((slot.start.timestamp() - clock.now().t) / 100.0)
        bridge.tick()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_Space)
        assert bridge.state.current is not None and bridge.state.current.id == slot.id
        base.advance(slot.duration / 2 / 100.0)  # halfway through the slot
        bridge.tick()
        for kind, display in displays.windows.items():
            seen[kind].add(texts(display.current_scene()))
    base.advance((at(17, 0).t - clock.now().t) / 100.0)  # the planned end of the reception
    bridge.tick()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert bridge.state.phase.value == "finished"
    assert "Thank you" in texts(displays.windows["projector"].current_scene())
    everything = {kind: "\n".join(values) for kind, values in seen.items()}
    assert "Break — back at 15:10" in everything["projector"]
    assert "Moderated by Ingebjørg Harto, LUP" in everything["projector"]
    assert "WRAP UP" not in everything["stage"] and "ON TIME" in everything["stage"]
    assert "Questions and answers" in everything["moderator"]
    assert round(bridge.state.drift) == 0
    controller.shutdown()
