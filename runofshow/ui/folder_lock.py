"""The lock on the state folder at startup: one controller per folder, and the operator told why not.

A second copy started on a show already running says so in plain words, on stderr and (where someone
can see it) in a box on the operator's screen. On the same computer the box offers to bring the
running copy's operator window to the front; from another computer (a network folder) it can only
say where the show runs. Either way this copy exits with status 2 and writes nothing.
"""

from __future__ import annotations

import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from runofshow.io.state_lock import StateFolderBusy, StateLock, StateLockError
from runofshow.qt.operator_screen import centre_on_screen, operator_screen
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


def _since(busy: StateFolderBusy, today: datetime) -> str:
    """When the running copy started: the time of day, or the day too when it was not today."""
    if busy.since is None:
        return ""
    started = datetime.fromtimestamp(busy.since)
    if started.date() == today.date():
        return translate("FolderLock", " since {time}").format(time=f"{started:%H:%M}")
    return translate("FolderLock", " since {day} {time}").format(day=f"{started:%Y-%m-%d}", time=f"{started:%H:%M}")


def runs_here(busy: StateFolderBusy, this_host: str | None = None) -> bool:
    """Whether the copy that holds the show runs on this computer (so its window can be brought forward)."""
    return busy.host is not None and busy.host == (this_host or socket.gethostname())


def busy_words(busy: StateFolderBusy, *, this_host: str | None = None, today: datetime | None = None) -> str:
    """What is going on, in the operator's words: which copy holds this show's record folder, since when."""
    since = _since(busy, today or datetime.now())
    folder = str(busy.state_dir)
    if busy.host is not None and not runs_here(busy, this_host):
        who = (translate("FolderLock", "runofshow on {host} (process {pid})").format(host=busy.host, pid=busy.pid)
               if busy.pid is not None else translate("FolderLock", "runofshow on {host}").format(host=busy.host))
        return translate("FolderLock", "{who} is already running this show's record folder {folder}{since}. Only one "
                                       "copy can drive a show.").format(who=who, folder=folder, since=since)
    if busy.pid is not None and busy.host is not None:
        return translate("FolderLock", "runofshow is already running this show's record folder {folder}: process "
                                       "{pid} on this laptop{since}. Only one copy can drive a show.").format(
            folder=folder, pid=busy.pid, since=since)
    return translate("FolderLock", "runofshow is already running this show's record folder {folder}{since}. Only "
                                   "one copy can drive a show.").format(folder=folder, since=since)


def what_to_do(busy: StateFolderBusy, *, in_a_box: bool, this_host: str | None = None) -> str:
    """The way out: the running window (brought forward by the box's button), or another show's folder."""
    other_show = translate("FolderLock", "To run a different show at the same time, start runofshow with "
                                         "--state-dir and another folder.")
    if busy.host is not None and not runs_here(busy, this_host):
        first = translate("FolderLock", "Run the show from {host}, or quit runofshow there first.").format(
            host=busy.host)
    elif in_a_box:
        first = translate("FolderLock", "Bring its window to the front to carry on with the show there.")
    else:
        first = translate("FolderLock", "Carry on in that copy's window.")
    return f"{first} {other_show}"


def tell_busy(busy: StateFolderBusy, state_dir: Path) -> None:
    """The box of a second copy: the words, and on this computer a button to bring the running window forward."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("FolderLock", "runofshow is already running"),
                      busy_words(busy))
    box.setInformativeText(what_to_do(busy, in_a_box=True))
    bring = None
    if runs_here(busy):
        bring = box.addButton(translate("FolderLock", "Bring the running show to the front"),
                              QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(bring)
    quit_button = box.addButton(translate("FolderLock", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(quit_button)
    if bring is None:
        box.setDefaultButton(quit_button)
    centre_on_screen(box, operator_screen(QSettings()))  # where the operator window opens, not under the mouse
    box.exec()
    from runofshow.qt.single_instance import ask_running_copy_to_raise  # QtNetwork: only for this question

    if bring is not None and box.clickedButton() is bring and not ask_running_copy_to_raise(state_dir):
        print(translate("FolderLock", "The running copy did not answer; find its window on the operator's screen."),
              file=sys.stderr)


def lock_state_folder(state_dir: Path) -> StateLock | None:
    """The lock on the state folder (one controller per folder), or None once the operator has been told why not.

    Taken before any journal is read and before any window shows: a second copy stops here, naming
    the process that runs the show, so there are never two writers on one journal.
    """
    try:
        return StateLock.acquire(state_dir)
    except StateFolderBusy as busy:
        print(f"{busy_words(busy)} {what_to_do(busy, in_a_box=False)}", file=sys.stderr)
        if can_show_dialogs():
            _application()
            tell_busy(busy, state_dir)
        return None
    except StateLockError as refused:
        print(refused, file=sys.stderr)
        if can_show_dialogs():
            _application()
            box = QMessageBox(QMessageBox.Icon.Warning, translate("FolderLock", "runofshow cannot start"), str(refused))
            centre_on_screen(box, operator_screen(QSettings()))
            box.exec()
        return None


def _application() -> None:
    """The Qt application a box needs, named as the app so that QSettings() reads the app's own settings."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("runofshow")
    app.setOrganizationName("runofshow")
