"""In a wake-up the displays the room sees are painted first, then the operator window and its thumbnails;
and the next wake-up is set before anything is drawn, so drawing never delays the next second."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock
from runofshow.core.commands import DISPLAYS
from runofshow.core.show import ShowState
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import LANDING_MARGIN_S, ShowBridge
from tests.core.helpers import at, seed
from tests.ui.conftest import Rig


class PaintOrder(QObject):
    """The name of each window, in the order its widgets receive paint events (one entry per window a run)."""

    def __init__(self, windows: dict[str, QWidget]) -> None:
        super().__init__()
        self.windows = windows
        self.order: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            top = watched.window()
            name = next((name for name, window in self.windows.items() if window is top), None)
            if name is not None and (not self.order or self.order[-1] != name):
                self.order.append(name)
        return False


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def shown_displays(rig: Rig) -> dict[str, QWidget]:
    displays = rig.controller.displays
    assert displays is not None
    for kind in DISPLAYS:
        displays.choose(kind, visible=True, fullscreen=False)
    for window in displays.windows.values():
        rig.qtbot.waitExposed(window)
    return dict(displays.windows)


def test_every_display_paints_its_new_second_before_the_operator_window(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 30))
    bridge.run("go")
    windows: dict[str, QWidget] = {**shown_displays(rig), "operator": rig.window}
    settle()
    order = PaintOrder(windows)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(order)
    try:
        for second in range(1, 4):
            order.order.clear()
            rig.at(at(13, 30, second))  # a new second: every display's countdown and the operator's timer move
            settle()
            painted = order.order
            assert "operator" in painted, painted
            first_operator = painted.index("operator")
            # The stage and the moderator count down (the projector shows a talk's title: nothing moves there).
            assert {"stage", "moderator"} <= set(painted[:first_operator]), painted
            assert set(painted[first_operator:]) == {"operator"}, painted  # no display waits for the operator
    finally:
        app.removeEventFilter(order)


def test_the_next_wake_up_is_set_before_the_views_draw(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), tmp_path), clock)
    bridge.run("go")
    clock.advance(0.3)  # 899.7 s remain: "15:00" until 899.0, 0.7 s from now
    seen: list[int] = []

    def drawing(_state: ShowState) -> None:
        seen.append(bridge.next_wake_ms)  # the time the views take to draw is already counted in

    bridge.changed.connect(drawing)
    bridge.tick()
    bridge.stop()
    assert len(seen) == 1 and abs(seen[0] - round((0.7 + LANDING_MARGIN_S) * 1000)) <= 2
