"""The lock on the state folder at startup: one controller per folder, and the operator told why not.

A second copy started on a show already running says so in plain words, on stderr and (where someone
can see it) in a box on the operator's screen. On the same computer the box offers to bring the
running copy's operator window to the front and, when that copy's network server answers, to follow it
as a backup (`runofshow follow`, in this process: `FollowInstead`); from another computer (a network
folder) it can only say where the show runs. Otherwise this copy exits with status 2 and writes nothing.
"""

from __future__ import annotations

import json
import os
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from runofshow.io.server_address import address_text, host_of, on_loopback, reachable_here, read_address
from runofshow.io.state_lock import StateFolderBusy, StateLock, StateLockError
from runofshow.qt.operator_screen import centre_on_screen, operator_screen
from runofshow.qt.translation import translate

ROLE_TIMEOUT_S = 1.0  # a runofshow on this computer answers /api/role at once; silence means nobody serves there
# --follow-if-running started together with the show: its server comes up after the operator window's first paint.
FOLLOW_WAIT_S = 20.0
FOLLOW_POLL_S = 0.2
BACKUP_FOLDER = "backup"  # <state folder>/backup: the following copy's own record, beside the show it follows


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


@dataclass(frozen=True)
class FollowInstead:
    """The operator (or --follow-if-running) chose to follow the running copy as a backup instead of exiting.

    `lock_or_follow` returns it in place of the lock; run_app then runs `runofshow follow` with `arguments()`
    in this process, its record kept in <state folder>/backup (the show's own record is the running copy's).
    """

    address: str  # where the running copy's server listens, as it wrote it (host:port)
    state_dir: Path  # the show's state folder
    port: int  # this copy's own server, on the running copy's host (a free port, chosen once)

    @property
    def backup_dir(self) -> Path:
        return self.state_dir / BACKUP_FOLDER

    @property
    def needs_token(self) -> bool:
        """Beyond loopback the running copy's server takes the control token (kept in its state folder)."""
        return not on_loopback(host_of(self.address))

    def arguments(self, token: str = "") -> list[str]:
        """`runofshow follow`'s arguments: this copy's record in the backup folder, its server beside the other's."""
        arguments = [reachable_here(self.address), "--state-dir", str(self.backup_dir),
                     "--listen", address_text(host_of(self.address), self.port)]
        return [*arguments, "--token", token] if token else arguments

    def command(self) -> str:
        """The command line to type for the same thing (the token, where needed, as a word to fill in)."""
        words = ["runofshow", "follow", *self.arguments()]
        line = subprocess.list2cmdline(words) if sys.platform == "win32" else shlex.join(words)
        return f"{line} --token TOKEN" if self.needs_token else line


def free_port(host: str) -> int:
    """A port nobody listens on at `host` now (the backup's own server, beside the running copy's)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def answers_as_primary(address: str, timeout_s: float = ROLE_TIMEOUT_S) -> bool:
    """Whether a runofshow driving a show answers at `address` (its /api/role): an address left by a crash, or
    taken since by something else, does not. A copy that is itself a backup offers nothing to follow."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # this computer: never through a proxy
    try:
        with opener.open(f"http://{reachable_here(address)}/api/role", timeout=timeout_s) as reply:
            data = json.loads(reply.read(4096))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("role") == "primary"


def running_copy_to_follow(busy: StateFolderBusy, state_dir: Path, wait_s: float = 0.0) -> FollowInstead | str:
    """The running copy as something to follow, or why it cannot be: it must run on this computer, and its
    server must answer where it said it listens. Tries for up to `wait_s` seconds (a copy still starting)."""
    if not runs_here(busy):
        return translate("FolderLock", "it runs on another computer (follow it with runofshow follow and that "
                                       "computer's address)")
    deadline = time.monotonic() + wait_s
    while True:
        address = read_address(state_dir)
        if address is not None and answers_as_primary(address):
            try:
                return FollowInstead(address, state_dir, free_port(host_of(address)))
            except OSError as exc:
                return translate("FolderLock", "no port is free beside it on {host}: {error}").format(
                    host=host_of(address), error=exc.strerror or exc)
        if time.monotonic() >= deadline:
            break
        _pause(FOLLOW_POLL_S)
    if address is None:
        return translate("FolderLock", "its network server is off (started with --no-remote) or not started yet")
    return translate("FolderLock", "its network server at {address} does not answer as the show's primary").format(
        address=address)


def _pause(seconds: float) -> None:
    """Between two looks at a running copy still starting (tests let its server start here instead)."""
    time.sleep(seconds)


def follow_words(offer: FollowInstead, *, in_a_box: bool) -> str:
    """The third way: follow the running copy as a backup, by the box's button or by a command line."""
    if in_a_box:
        return translate("FolderLock", "Or follow it as a backup: this copy keeps its own copy of the show, "
                                       "marked FOLLOWING, and can take over if that one stops.")
    return translate("FolderLock", "To follow it as a backup instead (a copy that can take over if it stops), "
                                   "type: {command} (or start this copy again with --follow-if-running).").format(
        command=offer.command())


def tell_busy(busy: StateFolderBusy, state_dir: Path, follow: FollowInstead | None = None) -> bool:
    """The box of a second copy: the words, and on this computer a button to bring the running window forward
    and, with `follow`, one to follow it as a backup. True when the operator chose to follow it."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("FolderLock", "runofshow is already running"),
                      busy_words(busy))
    informative = what_to_do(busy, in_a_box=True)
    box.setInformativeText(f"{informative} {follow_words(follow, in_a_box=True)}" if follow else informative)
    bring = follow_button = None
    if runs_here(busy):
        bring = box.addButton(translate("FolderLock", "Bring the running show to the front"),
                              QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(bring)
    if follow is not None:
        follow_button = box.addButton(translate("FolderLock", "Follow it as a backup"),
                                      QMessageBox.ButtonRole.ActionRole)
    quit_button = box.addButton(translate("FolderLock", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(quit_button)
    if bring is None:
        box.setDefaultButton(quit_button)
    centre_on_screen(box, operator_screen(QSettings()))  # where the operator window opens, not under the mouse
    box.exec()
    if follow_button is not None and box.clickedButton() is follow_button:
        return True
    from runofshow.qt.single_instance import ask_running_copy_to_raise  # QtNetwork: only for this question

    if bring is not None and box.clickedButton() is bring and not ask_running_copy_to_raise(state_dir):
        print(translate("FolderLock", "The running copy did not answer; find its window on the operator's screen."),
              file=sys.stderr)
    return False


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
        _cannot_start(refused)
        return None


def lock_or_follow(state_dir: Path, *, follow_if_running: bool = False,
                   wait_s: float = FOLLOW_WAIT_S) -> StateLock | FollowInstead | None:
    """The main command's start: the lock on the state folder; or, when another copy on this computer runs the
    show and the operator chooses it (the box's button, or `follow_if_running` without asking), `FollowInstead`;
    or None once the operator has been told why not. `wait_s`: how long `follow_if_running` waits for the running
    copy's server (the two may have been started together)."""
    try:
        return StateLock.acquire(state_dir)
    except StateFolderBusy as busy:
        offer = running_copy_to_follow(busy, state_dir, wait_s if follow_if_running else 0.0)
        if isinstance(offer, FollowInstead) and follow_if_running:
            print(f"{busy_words(busy)} " + translate("FolderLock", "Following it as a backup, as {command} "
                                                                   "would.").format(command=offer.command()),
                  file=sys.stderr)
            return offer
        follow = offer if isinstance(offer, FollowInstead) else None
        if follow is not None:
            print(f"{busy_words(busy)} {what_to_do(busy, in_a_box=False)} {follow_words(follow, in_a_box=False)}",
                  file=sys.stderr)
        elif follow_if_running:
            print(f"{busy_words(busy)} " + translate("FolderLock", "--follow-if-running: it cannot be followed: "
                                                                   "{why}.").format(why=offer), file=sys.stderr)
        else:
            print(f"{busy_words(busy)} {what_to_do(busy, in_a_box=False)}", file=sys.stderr)
        if can_show_dialogs():
            _application()
            if tell_busy(busy, state_dir, follow):
                return follow
        return None
    except StateLockError as refused:
        _cannot_start(refused)
        return None


def _cannot_start(refused: StateLockError) -> None:
    print(refused, file=sys.stderr)
    if can_show_dialogs():
        _application()
        box = QMessageBox(QMessageBox.Icon.Warning, translate("FolderLock", "runofshow cannot start"), str(refused))
        centre_on_screen(box, operator_screen(QSettings()))
        box.exec()


def _application() -> None:
    """The Qt application a box needs, named as the app so that QSettings() reads the app's own settings."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("runofshow")
    app.setOrganizationName("runofshow")
