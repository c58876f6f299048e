"""Wiring: the only place where the agenda, the session, the bridge, the windows and the server meet.

Each concern has a module of its own; this one builds the parts and connects them:

    ui/agenda_files.py    the agenda file: open, switch, reload, watch, recent files
    ui/show_record.py     which show runs (resumed or new) and what its record had to say
    ui/report_export.py   File > Export report
    ui/sound_menu.py      the chimes and their menu entry
    ui/displays.py        the display windows and the Displays menu
    ui/remote_panel.py    the Remote menu, handed the server by `start_remote` below
    ui/folder_lock.py     one controller per state folder
    qt/settings.py        window geometry and the other values kept between runs
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from runofshow.core.clock import Clock, SystemClock
from runofshow.core.show import ShowPhase
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.journal import default_state_dir
from runofshow.paths import bundled_agenda
from runofshow.qt.agenda_watch import AgendaWatcher
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.first_paint import FirstPaint
from runofshow.qt.settings import restore_geometry, save_geometry
from runofshow.qt.sound import Chimes
from runofshow.qt.translation import translate
from runofshow.remote.options import RemoteOptions
from runofshow.remote.options import add_arguments as add_remote_arguments
from runofshow.ui.agenda_files import AgendaFiles
from runofshow.ui.dialogs import DialogPrompts, Prompts
from runofshow.ui.displays import DisplayManager
from runofshow.ui.folder_lock import can_show_dialogs, lock_state_folder
from runofshow.ui.operator import OperatorWindow
from runofshow.ui.report_export import export_report
from runofshow.ui.show_record import ShowRecords
from runofshow.ui.sound_menu import SoundSwitch

if TYPE_CHECKING:
    from runofshow.remote.server import RemoteServer

__all__ = ["AppController", "build_parser", "can_show_dialogs", "install_excepthook", "lock_state_folder",
           "run_app", "start_remote"]

log = logging.getLogger("runofshow")
GEOMETRY = "operator_geometry"
DEFAULT_SIZE = (1400, 860)
# A show started and not finished: quitting now would take every display dark, so the app asks first.
UNDER_WAY = frozenset({ShowPhase.RUNNING, ShowPhase.PAUSED, ShowPhase.BETWEEN})


class AppController(QObject):
    """Opens agendas, resumes or starts shows, reloads edits, exports reports: by handing each to its part.

    It is also the operator window's File menu (`ui.operator.FileActions`).
    """

    extras_started = Signal()  # the displays and the sound are up

    def __init__(self, settings: QSettings, prompts: Prompts, clock: Clock, state_dir: Path, *,
                 mode_banner: str = "", resume_policy: str = "ask") -> None:
        super().__init__()
        self.mode_banner = mode_banner
        self.settings = settings
        self.prompts = prompts
        self.clock = clock
        self.state_dir = state_dir
        self.bridge: ShowBridge | None = None
        self.window: OperatorWindow | None = None
        self.shut_down = False
        self.displays: DisplayManager | None = None
        self.sound: SoundSwitch | None = None
        self.chimes: Chimes | None = None
        self.remote: RemoteServer | None = None  # the network server, when run_app asks for one
        self.remote_args: argparse.Namespace | None = None
        self.fsync = FsyncWorker()  # the journal's fsync runs here, never on the Qt thread
        self.records = ShowRecords(prompts, clock, state_dir, self.fsync, resume_policy)
        self.files = AgendaFiles(settings, prompts, self)
        self.files.watcher.changed.connect(lambda _path: self.reload_agenda(from_disk_watch=True))

    # -- the parts' state, under the names the rest of the app and the tests know ------------------

    @property
    def agenda_path(self) -> Path | None:
        return self.files.path

    @property
    def watcher(self) -> AgendaWatcher:
        return self.files.watcher

    @property
    def record_notices(self) -> list[str]:
        """What the last look at the show record had to say."""
        return self.records.notices

    @property
    def resume_policy(self) -> str:
        return self.records.resume_policy

    @resume_policy.setter
    def resume_policy(self, policy: str) -> None:
        self.records.resume_policy = policy

    def _notice(self, text: str) -> None:
        if self.window is not None:
            self.window.show_notice(text)

    # -- starting -------------------------------------------------------------------------------

    def start(self, path: Path, *, defer_extras: bool = False) -> bool:
        """Open the first agenda (asking for another while it is broken) and show the window.

        `defer_extras` starts the displays and the sound only once the operator window is painted.
        """
        loaded = self.files.load_asking(path)
        if loaded is None:
            return False
        path, agenda = loaded
        session = self.records.session_for(path, agenda)
        self.bridge = ShowBridge(session, self.clock, self)
        self.fsync.set_listener(self.bridge.on_synced_callback())
        self.window = OperatorWindow(self.bridge, self, may_quit=self.may_quit)
        self.window.closing.connect(self.shutdown)
        self.bridge.clock_corrected.connect(self.window.show_notice)
        self.window.set_mode_banner(self.mode_banner)
        restore_geometry(self.window, self.settings, GEOMETRY, DEFAULT_SIZE)
        self.files.adopt(path)
        self.window.show()
        self.bridge.start()
        if defer_extras:
            # The operator window is what the stage manager waits for: the displays and the sound
            # come a moment after it has been painted.
            self._after_first_paint = FirstPaint(self.window, self._start_extras)
        else:
            self._start_extras()
        self.records.tell(session, self.window.show_notice)
        return True

    def _start_extras(self) -> None:
        bridge, window = self.bridge, self.window
        assert bridge is not None and window is not None
        self.displays = displays = DisplayManager(bridge, window, self.settings, self)
        displays.notice.connect(window.show_notice)
        window.displays_menu.aboutToShow.connect(lambda: displays.fill_menu(window.displays_menu))
        displays.fill_menu(window.displays_menu)
        displays.apply()
        self.sound = SoundSwitch(bridge, window.show_menu, self.settings, self)
        self.chimes = self.sound.chimes
        if self.remote_args is not None:
            self.remote = start_remote(bridge, window, self.remote_args, self.state_dir)
        self.extras_started.emit()

    def set_sound(self, on: bool) -> None:
        assert self.sound is not None
        self.sound.set(on)

    # -- the File menu --------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        return self.files.recent_files()

    def open_agenda(self) -> None:
        chosen = self.files.choose()
        if chosen is not None:
            self.open_recent(chosen)

    def open_recent(self, path: Path) -> None:
        """Switch to another agenda. A broken one is refused and the running show stays as it is."""
        agenda = self.files.load_instead(path)
        if agenda is None:
            return
        assert self.bridge is not None and self.window is not None
        self.bridge.session.close()
        session = self.records.session_for(path, agenda)
        self.bridge.set_session(session)
        self.files.adopt(path)
        self.window.show_notice(self.tr("Opened {path}").format(path=path))
        self.records.tell(session, self.window.show_notice)

    def reload_agenda(self, from_disk_watch: bool = False) -> None:
        """Read the agenda again; keep the current slot by id; keep the last good agenda on errors."""
        if self.bridge is None or self.window is None:
            return
        self.files.reload(self.bridge, self.window.show_notice, from_disk_watch)

    def export_report(self) -> None:
        if self.bridge is None or self.agenda_path is None:
            return
        export_report(self.prompts, self.bridge, self.agenda_path, self.clock, self._notice)

    def new_show(self) -> None:
        if self.bridge is None:
            return
        self.records.new_show(self.bridge, self._notice)

    # -- closing --------------------------------------------------------------------------------

    def may_quit(self) -> bool:
        """Before the operator window closes: mid-show, ask (the default answer keeps the show running)."""
        if self.shut_down or self.bridge is None or self.window is None:
            return True
        if self.bridge.state.phase not in UNDER_WAY:
            return True
        return self.prompts.confirm_quit(self.window)

    def shutdown(self) -> None:
        self.shut_down = True
        if self.window is not None:
            save_geometry(self.window, self.settings, GEOMETRY)
        if self.displays is not None:
            self.displays.close_all()
        if self.remote is not None:
            self.remote.stop()
        if self.bridge is not None:
            self.bridge.stop()
            self.bridge.session.close()
        self.fsync.stop()
        self.settings.sync()


def start_remote(bridge: ShowBridge, window: QMainWindow | None, args: argparse.Namespace | RemoteOptions,
                 state_dir: Path) -> RemoteServer | None:
    """The network server from the parsed options (or RemoteOptions), and its Remote menu in the window.

    Returns None when `--no-remote` was given. A server that could not bind is returned anyway (not
    running, with `error` set), so the Remote window can say why. aiohttp is imported only here: the
    server, and its libraries, come once the operator window is on screen.
    """
    from runofshow.remote.server import start_server
    from runofshow.ui.remote_panel import install_remote_menu

    server = start_server(bridge, args, state_dir)
    if server is not None and window is not None:
        install_remote_menu(window, server)
    return server


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runofshow",
        description="Run a live show from an agenda. Other commands: runofshow check, report, render and "
                    "rehearse (each with --help).")
    parser.add_argument("agenda", nargs="?", type=Path, default=None,
                        help="the agenda file (default: the bundled programme)")
    parser.add_argument("--state-dir", type=Path, default=None,
                        help="where journals are kept (default: the user's data directory)")
    parser.add_argument("--resume", choices=("ask", "always", "never"), default="ask",
                        help="a show in progress found in the journal: ask (default), resume it without "
                             "asking (for a restart script), or start a new show")
    add_remote_arguments(parser)
    return parser


def install_excepthook(controller: AppController) -> None:
    """An unexpected error is logged and shown in one line; the show keeps running, no traceback pops up."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error: %s", "".join(traceback.format_exception(kind, value, tb)))
        if controller.window is not None:
            notice = translate("AppController", "Internal error (logged): {error}; the show goes on")
            controller.window.show_notice(notice.format(error=value))

    sys.excepthook = hook


def run_app(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    state_dir: Path = args.state_dir or default_state_dir()
    lock = lock_state_folder(state_dir)
    if lock is None:
        return 2
    with lock:  # held until the app is done: released (or dropped by the OS on a crash) only then
        app = QApplication.instance() or QApplication([sys.argv[0]])
        app.setApplicationName("runofshow")
        app.setOrganizationName("runofshow")
        controller = AppController(QSettings(), DialogPrompts(), SystemClock(), state_dir,
                                   resume_policy=args.resume)
        install_excepthook(controller)
        controller.remote_args = args  # the network server starts with the displays, after the first paint
        if not controller.start(args.agenda or bundled_agenda(), defer_extras=True):
            return 2
        return int(app.exec())
