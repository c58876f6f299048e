"""Offscreen pictures of the views, for `runofshow render` and the README."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from runofshow.core.clock import Clock
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.display_base import DisplayWindow
from runofshow.ui.moderator_view import ModeratorWindow
from runofshow.ui.projector_view import ProjectorWindow
from runofshow.ui.stage_view import StageWindow

DISPLAY_CLASSES: dict[str, type[DisplayWindow]] = {
    "projector": ProjectorWindow, "stage": StageWindow, "moderator": ModeratorWindow,
}


class _NoFiles:
    """A File menu for a picture: nothing to open or save."""

    def open_agenda(self) -> None: ...
    def reload_agenda(self) -> None: ...
    def open_recent(self, path: object) -> None: ...
    def recent_files(self) -> list[object]:
        return []
    def export_report(self) -> None: ...
    def new_show(self) -> None: ...


def grab_view(view: str, session: ShowSession, clock: Clock, size: tuple[int, int], caption: str = "") -> QImage:
    app = QApplication.instance() or QApplication([])
    bridge = ShowBridge(session, clock)
    if view == "operator":
        from runofshow.ui.operator import OperatorWindow

        widget = OperatorWindow(bridge, _NoFiles())  # type: ignore[arg-type]
        if caption:
            widget.show_notice(caption)
    elif view in DISPLAY_CLASSES:
        widget = DISPLAY_CLASSES[view](bridge)
    else:
        raise ValueError(f"unknown view '{view}'")
    widget.resize(*size)  # type: ignore[union-attr]
    widget.show()
    bridge.tick()
    bridge.stop()
    app.processEvents()
    image = widget.grab().toImage()
    widget.close()
    return image
