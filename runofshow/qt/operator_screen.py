"""The operator's screen before the operator window exists, and putting a window whole on it.

A window without a parent is placed by Qt on the screen under the mouse pointer, which at a venue is
often the projector. Anything shown before the operator window (a broken first agenda, the second
copy's box) goes where the operator window goes: the screen of its saved geometry, else the primary.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

OPERATOR_GEOMETRY = "operator_geometry"  # the settings key of the operator window's saved geometry


def operator_screen(settings: QSettings | None = None, key: str = OPERATOR_GEOMETRY) -> QScreen | None:
    """The screen the operator window opens on: where its saved geometry's centre is, else the primary."""
    saved = settings.value(key) if settings is not None else None
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        probe = QWidget()  # never shown: it only reads back where the saved geometry puts a window
        try:
            if probe.restoreGeometry(saved):
                screen = QGuiApplication.screenAt(probe.geometry().center())
                if screen is not None:
                    return screen
        finally:
            probe.deleteLater()
    return QGuiApplication.primaryScreen()


def centre_on_screen(window: QWidget, screen: QScreen | None) -> None:
    """Puts a top-level window (not yet shown) whole and centred on `screen`.

    Moving it before it is shown also tells Qt not to place it itself (under the mouse pointer).
    """
    if screen is None:
        return
    window.setScreen(screen)
    area = screen.availableGeometry()
    window.adjustSize()
    width, height = min(window.width(), area.width()), min(window.height(), area.height())
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
