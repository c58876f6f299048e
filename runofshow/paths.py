"""Where the shipped resources and the bundled agenda live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """`resources/`: inside the package in a wheel, at the repository root in a checkout."""
    installed = _PACKAGE / "resources"
    return installed if installed.is_dir() else _PACKAGE.parent / "resources"


def bundled_agenda() -> Path:
    """The programme that ships with the app, opened when no agenda is named."""
    installed = _PACKAGE / "resources" / "agenda.yaml"
    return installed if installed.is_file() else _PACKAGE.parent / "agenda.yaml"
