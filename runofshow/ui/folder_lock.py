"""The lock on the state folder at startup: one controller per folder, and the operator told why not."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from runofshow.io.state_lock import StateFolderBusy, StateLock, StateLockError
from runofshow.qt.translation import translate


def can_show_dialogs() -> bool:
    """Whether a message box would reach a person: not under tests or CI, nor without a screen.

    `RUNOFSHOW_NO_DIALOGS` (any non-empty value) or the offscreen platform keeps boxes away; on Linux a
    window system must be there too, or Qt would abort before the box could say anything.
    """
    if os.environ.get("RUNOFSHOW_NO_DIALOGS"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal")):
        return False
    if sys.platform in ("win32", "darwin") or (platform and not platform.startswith(("xcb", "wayland"))):
        return True  # eglfs, linuxfb...: a screen without a window system
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def lock_state_folder(state_dir: Path) -> StateLock | None:
    """The lock on the state folder (one controller per folder), or None once the operator has been told why not.

    Taken before any journal is read and before any window shows: a second copy stops here, naming
    the process that runs the show, so there are never two writers on one journal.
    """
    try:
        return StateLock.acquire(state_dir)
    except StateLockError as refused:
        print(refused, file=sys.stderr)
        if can_show_dialogs():
            app = QApplication.instance() or QApplication([sys.argv[0]])
            app.setApplicationName("runofshow")
            title = (translate("FolderLock", "runofshow is already running") if isinstance(refused, StateFolderBusy)
                     else translate("FolderLock", "runofshow cannot start"))
            QMessageBox.warning(None, title, str(refused))
        return None
