"""Offscreen pictures of the views, for `runofshow render` and the README."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from runofshow.core.clock import Clock
from runofshow.core.standing import Standing
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.displays import WINDOW_CLASSES


class _NoFiles:
    """A File menu for a picture: nothing to open or save."""

    def open_agenda(self) -> None: ...
    def reload_agenda(self) -> None: ...
    def open_recent(self, path: Path) -> None: ...
    def recent_files(self) -> list[Path]:
        return []
    def export_report(self) -> None: ...
    def print_rundown(self) -> None: ...
    def export_pdf(self) -> None: ...
    def new_show(self) -> None: ...
    def new_agenda(self) -> None: ...
    def import_programme(self) -> None: ...
    def export_csv(self) -> None: ...


def grab_view(view: str, session: ShowSession, clock: Clock, size: tuple[int, int], caption: str = "", *,
              standing: Standing | None = None) -> QImage:
    """`standing`: drawn as that laptop of a pair (a backup following a primary), else as a primary alone."""
    app = QApplication.instance() or QApplication([])
    bridge = ShowBridge(session, clock)
    if standing is not None:
        bridge.set_standing(standing)
    widget: QWidget
    if view == "operator":
        from runofshow.ui.operator import OperatorWindow

        operator = OperatorWindow(bridge, _NoFiles())
        if caption:
            operator.show_notice(caption)
        widget = operator
    elif view in WINDOW_CLASSES:
        widget = WINDOW_CLASSES[view](bridge)
    else:
        raise ValueError(f"unknown view '{view}'")
    widget.resize(*size)
    widget.show()
    bridge.tick()
    bridge.stop()
    app.processEvents()
    image = widget.grab().toImage()
    widget.close()
    return image
