"""Reading what the app keeps between runs in QSettings, whatever form the value comes back in.

QSettings gives back what it stored only on some platforms: from an INI file a boolean comes back
as the text "true", a one-item list as a plain string. These helpers turn a value into the type the
app asked for, so no caller compares against `(True, "true", "1", 1)` on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value if isinstance(value, bool) else value in ("true", "1", 1)


def read_strings(settings: QSettings, key: str) -> list[str]:
    value = settings.value(key, [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def restore_geometry(window: QWidget, settings: QSettings, key: str, default_size: tuple[int, int]) -> None:
    """The window where it was last time, or at its default size the first time."""
    geometry = settings.value(key)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*default_size)


def save_geometry(window: QWidget, settings: QSettings, key: str) -> None:
    settings.setValue(key, window.saveGeometry())
