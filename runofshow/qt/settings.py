"""Reading what the app keeps between runs in QSettings, whatever form the value comes back in.

QSettings gives back what it stored only on some platforms: from an INI file a boolean comes back
as the text "true", a one-item list as a plain string. These helpers turn a value into the type the
app asked for, so no caller compares against `(True, "true", "1", 1)` on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value if isinstance(value, bool) else value in ("true", "1", 1)


def read_strings(settings: QSettings, key: str) -> list[str]:
    value = settings.value(key, [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


FRAME_ALLOWANCE = 48  # pixels a window manager's title bar and borders may add around the window


def restore_geometry(window: QWidget, settings: QSettings, key: str, default_size: tuple[int, int]) -> None:
    """The window where it was last time; the first time, whole and centred on the primary screen.

    Left to the window manager, a first window on two monitors can land across both: half of the
    operator's timer on the projector, in front of the audience.
    """
    geometry = settings.value(key)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
        return
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    if area is None or area.isEmpty():
        window.resize(*default_size)
        return
    width = min(default_size[0], area.width() - FRAME_ALLOWANCE)
    height = min(default_size[1], area.height() - FRAME_ALLOWANCE)
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)


def save_geometry(window: QWidget, settings: QSettings, key: str) -> None:
    settings.setValue(key, window.saveGeometry())
