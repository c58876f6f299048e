"""Wiring: the only place where the agenda, the session, the bridge, the windows and the server meet.

Each concern has a module of its own; this one builds the parts and connects them:

    ui/agenda_files.py    the agenda file: open, switch, reload, watch, recent files
    ui/show_record.py     which show runs (resumed or new) and what its record had to say
    ui/report_export.py   File > Export report
    ui/print_export.py    File > Print… and Export PDF…: the rundown (with the actual times once the show ran)
    ui/import_dialog.py   File > Import…: the preview of a programme or spreadsheet, saved and opened
    ui/sound_menu.py      the chimes and their menu entry
    ui/displays.py        the display windows and the Displays menu
    ui/remote_panel.py    the Remote menu, handed the server by `start_remote` below
    ui/folder_lock.py     one controller per state folder, and what a second copy says and offers
    ui/problems_panel.py  a broken agenda during the show, listed in the operator window (never a box)
    ui/dialogs.py         every question, over the operator window, none of them blocking GO mid-show
    qt/single_instance.py a second copy on this show brings the running operator window to the front
    qt/settings.py        window geometry and the other values kept between runs
"""

from __future__ import annotations

import argparse
import errno
import linecache
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Clock, SystemClock
from runofshow.core.show import ShowPhase
from runofshow.core.standing import Epoch
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.journal import default_state_dir
from runofshow.io.logsetup import configure_logging
from runofshow.memory import release_start_up_memory
from runofshow.paths import bundled_agenda
from runofshow.qt.agenda_watch import AgendaWatcher
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.first_paint import FirstPaint
from runofshow.qt.operator_screen import OPERATOR_GEOMETRY, operator_screen
from runofshow.qt.settings import restore_geometry, save_geometry
from runofshow.qt.translation import translate
from runofshow.remote.options import RemoteOptions
from runofshow.remote.options import add_arguments as add_remote_arguments
from runofshow.ui.agenda_files import AgendaFiles
from runofshow.ui.dialogs import DialogPrompts, Prompts
from runofshow.ui.folder_lock import can_show_dialogs, lock_state_folder
from runofshow.ui.message_presets import MessagePresets
from runofshow.ui.operator import OperatorWindow
from runofshow.ui.show_record import ShowRecords

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog

    from runofshow.qt.single_instance import RaiseListener
    from runofshow.qt.sound import Chimes
    from runofshow.remote.pairing import Pairing
    from runofshow.remote.server import RemoteServer
    from runofshow.ui.displays import DisplayManager
    from runofshow.ui.import_dialog import ImportPreviewDialog
    from runofshow.ui.sound_menu import SoundSwitch

# What the first paint of the operator window does not need (the displays, the sound, the second-copy listener,
# the network server, the importers, the report, the agenda writer) is imported where it is first used, after
# that paint: a cold start loads and draws the operator window first.

__all__ = ["AppController", "build_parser", "can_show_dialogs", "dialog_prompts", "install_excepthook",
           "lock_state_folder", "run_app", "run_follow", "start_remote"]

log = logging.getLogger("runofshow")
GEOMETRY = OPERATOR_GEOMETRY
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
        self.listener: RaiseListener | None = None  # a second copy on this show asks for the window here
        self.pairing: Pairing | None = None  # primary or backup laptop (remote/pairing.py), with the server
        self.follow_address = ""  # `runofshow follow`: the primary this laptop copies
        self.follow_token = ""
        # The displays wait for both the first paint and the show's decision (the resume question).
        self._painted = False
        self._decided = False
        self.fsync = FsyncWorker()  # the journal's fsync runs here, never on the Qt thread
        self.records = ShowRecords(prompts, clock, state_dir, self.fsync, resume_policy)
        self.files = AgendaFiles(settings, prompts, self)
        self.print_dialog: QPrintDialog | None = None  # File > Print…'s dialog while it is open
        self.import_preview: ImportPreviewDialog | None = None  # File > Import…'s preview while it is open
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
        linecache.clearcache()  # the sources PySide's import hook read while the app's modules were imported
        loaded = self.files.load_asking(path)
        if loaded is None:
            return False
        path, agenda = loaded
        session, found = self.records.new_session(path, agenda)
        self.bridge = ShowBridge(session, self.clock, self)
        self.fsync.set_listener(self.bridge.on_synced_callback())
        # Every plan edit goes to the agenda file at once, just after the command (queued: a question about
        # the file must not open in the middle of running a command).
        self.bridge.plan_edited.connect(self.save_plan, Qt.ConnectionType.QueuedConnection)
        self.window = window = OperatorWindow(self.bridge, self, may_quit=self.may_quit, settings=self.settings)
        window.closing.connect(self.shutdown)
        self.bridge.clock_corrected.connect(window.show_notice)
        window.set_mode_banner(self.mode_banner)
        # The app's own preset messages (keys 1-9 after the agenda's), with Show > Message presets…
        self.message_presets = MessagePresets(self.settings, window.show_menu, window)
        self.message_presets.changed.connect(window.message_panel.set_settings_presets)
        window.message_panel.set_settings_presets(self.message_presets.presets)
        self.files.problems_found.connect(window.problems_panel.show_problems)
        self.files.problems_gone.connect(window.problems_panel.dismiss)
        restore_geometry(window, self.settings, GEOMETRY, DEFAULT_SIZE)
        self.prompts.attach(window)  # from now on every question opens over the operator window
        window.pair_banner.confirm = self.prompts.confirm  # "take over from a live primary?": one question at a time
        if not defer_extras:
            self._listen_for_second_copies()
        if defer_extras:
            # The operator window is what the stage manager waits for: the displays and the sound
            # come a moment after it has been painted (and once the show to play is decided).
            self._after_first_paint = FirstPaint(window, self._on_first_paint)
            window.thumbnails.draw_after_first_paint()
        window.show()
        # Placed and shown first, so that the question about a show found in the record opens over
        # it, on the operator's screen; the displays come only once the answer decides what they show.
        if self.records.settle(session, found, path, agenda):
            self.bridge.set_session(session)
            window.show_notice(self.tr("Show resumed: {summary}").format(summary=found.summary() if found else ""))
        self._decided = True
        self.files.adopt(path)
        if self.records.file_behind:
            self.files.save(self.bridge.session.engine.agenda, self.bridge, window.show_notice)
        self.bridge.start()
        if defer_extras:
            self._extras_if_ready()
        else:
            self._start_extras()
        self.records.tell(session, window.show_notice)
        return True

    def _on_first_paint(self) -> None:
        self._painted = True
        if self.listener is None and not self.shut_down:
            self._listen_for_second_copies()  # (QtNetwork, a local socket: once the window is on screen)
        self._extras_if_ready()

    def _listen_for_second_copies(self) -> None:
        from runofshow.qt.single_instance import RaiseListener

        self.listener = RaiseListener(self.state_dir, self)
        self.listener.raise_requested.connect(self.bring_to_front)

    def _extras_if_ready(self) -> None:
        """The displays, once the window is painted and the show decided, in either order (a question may
        be open at the first paint: the displays must not show a new show that is then resumed)."""
        if self._painted and self._decided and self.displays is None:
            self._start_extras()

    def bring_to_front(self) -> None:
        """A second copy was started on this show: the operator window comes to the front, where it is."""
        window = self.window
        if window is None:
            return
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        QApplication.alert(window)  # where the window manager refuses to activate it, the taskbar flashes
        window.show_notice(self.tr("Another copy of runofshow was started on this show and stopped: this window "
                                   "runs the show"))

    def _start_extras(self) -> None:
        from runofshow.ui.displays import DisplayManager
        from runofshow.ui.sound_menu import SoundSwitch

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
        self._pair()
        release_start_up_memory()
        self.extras_started.emit()

    def _pair(self) -> None:
        """This laptop in a pair: a primary offers its record to a backup; `runofshow follow` copies one."""
        from runofshow.remote.pairing import Pairing

        bridge, remote = self.bridge, self.remote
        assert bridge is not None
        running = remote is not None and remote.running
        listen = f"{remote.host}:{remote.port}" if remote is not None and running else ""
        # A backup speaks to its primary with the primary's token (none on loopback); after a take-over the same
        # token tells the old primary, which shares it.
        token = self.follow_token if self.follow_address else (remote.token if remote is not None else "")
        self.pairing = pairing = Pairing(bridge, self, token=token, listen=listen)
        if self.follow_address:
            pairing.follow(self.follow_address)  # first: a backup offers no record of its own until it takes over
        else:
            pairing.read_epoch()
        if remote is not None and running:
            pairing.serve(lambda feed: setattr(remote.app, "feed", feed), remote.loop, lambda: remote.view_token)

    def adopt_taken_over(self, path: Path, session: object) -> None:
        """A backup took over: its copy of the agenda is the show's agenda file now, with the record's plan in it."""
        assert self.bridge is not None
        self.files.adopt(path)
        self.files.save(self.bridge.session.engine.agenda, self.bridge, self._notice)

    def notice(self, text: str) -> None:
        self._notice(text)

    def _refused_on_a_backup(self) -> bool:
        """A backup laptop shows the primary's show: it opens, reloads and restarts nothing of its own."""
        if self.bridge is None or not self.bridge.standing.following:
            return False
        self._notice(self.tr("This laptop follows {primary}: take over first").format(
            primary=self.bridge.standing.primary))
        return True

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
        if self._refused_on_a_backup():
            return
        agenda = self.files.load_instead(path)
        if agenda is None:
            return
        assert self.bridge is not None and self.window is not None
        running = self.agenda_path
        if (self.bridge.state.phase in UNDER_WAY and running is not None and path.resolve() != running.resolve()
                and not self.prompts.open_during_show(running, path)):
            # The displays keep this show; the other file stays where it is, for File > Open later.
            self.window.show_notice(self.tr("Not opened: {path}. The show on {name} goes on.")
                                    .format(path=path, name=running.name))
            return
        self.bridge.session.close()
        session = self.records.session_for(path, agenda)
        self.bridge.set_session(session)
        self.files.adopt(path)
        self.window.show_notice(self.tr("Opened {path}").format(path=path))
        if self.records.file_behind:
            self.files.save(session.engine.agenda, self.bridge, self.window.show_notice)
        self.records.tell(session, self.window.show_notice)

    def reload_agenda(self, from_disk_watch: bool = False) -> None:
        """Read the agenda again; keep the current slot by id; keep the last good agenda on errors."""
        if self.bridge is None or self.window is None:
            return
        if self.bridge.standing.following:
            if not from_disk_watch:  # the primary's saves rewrite the copy of the file: nothing to say then
                self._refused_on_a_backup()
            return
        self.files.reload(self.bridge, self.window.show_notice, from_disk_watch)

    def save_plan(self, agenda: Agenda) -> None:
        """The plan was edited in the app: into the agenda file, comments kept (the status line says how it went)."""
        if self.bridge is None or self.window is None or self.shut_down:
            return
        said: list[str] = []
        saved = self.files.save(agenda, self.bridge, said.append)
        if saved and len(said) == 1:  # "Saved to agenda.yaml", beside the command's own line, which it confirms
            self.window.show_notice(f"{self.window.last_command.text()} — {said[0]}")
        elif said:
            self.window.show_notice(" — ".join(said))

    def new_agenda(self) -> None:
        """File > New agenda…: the operator fills in the event, the file is written and opened."""
        folder = self.agenda_path.parent if self.agenda_path is not None else Path.home()
        details = self.prompts.new_agenda(folder)
        if details is None:
            return
        from runofshow.io.agenda_save import AgendaSaveError, new_agenda_text, write_atomically

        try:
            text = new_agenda_text(details)
            if details.path.exists():
                raise FileExistsError(errno.EEXIST, self.tr("the file already exists"))
            write_atomically(details.path, text.encode("utf-8"))
        except (OSError, AgendaSaveError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._notice(self.tr("New agenda not written to {path}: {reason}").format(path=details.path,
                                                                                     reason=reason))
            return
        self.open_recent(details.path)

    def export_report(self) -> None:
        if self.bridge is None or self.agenda_path is None:
            return
        from runofshow.ui.report_export import export_report

        export_report(self.prompts, self.bridge, self.agenda_path, self.clock, self._notice)

    def print_rundown(self) -> None:
        """File > Print…: the print dialog, not modal (the show goes on); asked again, the open one comes forward."""
        if self.bridge is None or self.window is None or self.agenda_path is None:
            return
        if self.print_dialog is not None:
            self.print_dialog.raise_()
            self.print_dialog.activateWindow()
            return
        from runofshow.ui.print_export import open_print_dialog  # Qt's printing is loaded only when asked for

        self.print_dialog = open_print_dialog(self.window, self.bridge, self.agenda_path, self.clock, self._notice)
        self.print_dialog.finished.connect(self._print_dialog_closed)

    def _print_dialog_closed(self, _result: int) -> None:
        self.print_dialog = None

    def export_pdf(self) -> None:
        """File > Export PDF…: the same document as File > Print…, as a file."""
        if self.bridge is None or self.agenda_path is None:
            return
        from runofshow.ui.print_export import export_pdf

        export_pdf(self.prompts, self.bridge, self.agenda_path, self.clock, self._notice)

    def import_programme(self) -> None:
        """File > Import…: a programme or spreadsheet, previewed (not modal: the show goes on) before it is
        saved as an agenda and opened as File > Open opens one. One preview at a time: asked again, it comes
        to the front."""
        if self.window is None:
            return
        if self.import_preview is not None:
            self.import_preview.raise_()
            self.import_preview.activateWindow()
            return
        source = self.files.choose_import()
        if source is None:
            return
        from runofshow.ui.import_dialog import preview_import

        preview = preview_import(source, self.prompts, self.open_recent, lambda: self.agenda_path, self.window)
        if preview is not None:
            self.import_preview = preview
            preview.finished.connect(self._import_preview_closed)

    def _import_preview_closed(self, _result: int) -> None:
        self.import_preview = None

    def export_csv(self) -> None:
        """File > Export CSV…: the plan as it runs now (in-app edits included), with every crew column."""
        if self.bridge is None:
            return
        self.files.export_csv(self.bridge.session.engine.agenda, self._notice)

    def new_show(self) -> None:
        if self.bridge is None or self._refused_on_a_backup():
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
        if self.listener is not None:
            self.listener.close()
        self.files.watcher.stop()
        if self.pairing is not None:
            self.pairing.stop()
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
    parser.add_argument("--follow-if-running", action="store_true",
                        help="if another runofshow on this computer already runs this state folder, follow it "
                             "as a backup (runofshow follow, its copy in STATE_DIR/backup) instead of exiting")
    add_remote_arguments(parser)
    return parser


def build_follow_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runofshow follow",
        description="Run this laptop as the backup of another runofshow: it copies the show's record as it is "
                    "written, shows the same show, and takes over (Show > Take over, Ctrl+Shift+T, or the "
                    "take_over command) if the primary dies.")
    parser.add_argument("primary", help="the primary's address, e.g. 192.168.1.20:8765 (its --listen address)")
    parser.add_argument("--token", default="", help="the primary's control token (its Remote menu shows it); "
                                                    "needed unless the primary is on this laptop")
    parser.add_argument("--state-dir", type=Path, default=None,
                        help="where this backup keeps its copy (default: the user's data directory/backup)")
    parser.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                        help="how long to wait for the primary at start (default 60)")
    add_remote_arguments(parser)
    return parser


def run_follow(argv: Sequence[str]) -> int:
    """`runofshow follow PRIMARY`: a backup laptop."""
    from runofshow.remote.follow import Identity, first_contact
    from runofshow.remote.options import TOKEN_FILE, VIEW_TOKEN_FILE, keep_token
    from runofshow.remote.pairing import backup_agenda_path, this_laptop

    args = build_follow_parser().parse_args(list(argv))
    configure_logging(None)
    state_dir: Path = args.state_dir or default_state_dir() / "backup"
    if args.token and not re.fullmatch(r"[A-Za-z0-9_-]{16,128}", args.token):
        print("runofshow follow: --token is the primary's control token (letters, digits, - and _)", file=sys.stderr)
        return 1
    lock = lock_state_folder(state_dir)
    if lock is None:
        return 2
    with lock:
        configure_logging(state_dir)
        host, port = args.listen
        me = Identity(this_laptop(port), f"{host}:{port}", Epoch)
        print(f"runofshow follow: connecting to the primary at {args.primary}…", file=sys.stderr)
        def waiting(why: str) -> None:
            print(f"runofshow follow: waiting for the primary ({why})", file=sys.stderr)

        contact = first_contact(args.primary, args.token, me, args.wait, waiting)
        if isinstance(contact, str):
            kept = sorted((state_dir / "following").glob("*.y*ml"), key=lambda path: path.stat().st_mtime)
            # A copy this laptop kept earlier can carry the show on its own (it resumes the copied record).
            hint = (f" The copy kept here earlier can be run as the show: runofshow {kept[-1]} --state-dir "
                    f"{state_dir} --resume always" if kept else "")
            print(f"runofshow follow: cannot reach the primary at {args.primary}: {contact}.{hint}", file=sys.stderr)
            return 2
        agenda_path = backup_agenda_path(state_dir, contact.agenda_name or "agenda.yaml")
        try:
            from runofshow.io.agenda_save import write_atomically

            agenda_path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(agenda_path, contact.agenda_text.encode("utf-8"))
            # Both laptops open the same addresses: the backup takes the primary's tokens for its own server.
            if args.token:
                keep_token(state_dir, TOKEN_FILE, args.token)
            if contact.view_token:
                keep_token(state_dir, VIEW_TOKEN_FILE, contact.view_token)
        except (OSError, ValueError) as exc:
            print(f"runofshow follow: cannot keep the copy in {state_dir}: {exc}", file=sys.stderr)
            return 2
        app = QApplication.instance() or QApplication([sys.argv[0]])
        app.setApplicationName("runofshow")
        app.setOrganizationName("runofshow")
        settings = QSettings()
        controller = AppController(settings, dialog_prompts(settings), SystemClock(), state_dir, resume_policy="never")
        install_excepthook(controller)
        controller.remote_args = args
        controller.follow_address, controller.follow_token = args.primary, args.token
        if not controller.start(agenda_path, defer_extras=True):
            return 2
        return int(app.exec())


def install_excepthook(controller: AppController) -> None:
    """An unexpected error is logged and shown in one line; the show keeps running, no traceback pops up."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error: %s", value, exc_info=(kind, value, tb))  # the traceback on lines of its own
        if controller.window is not None:
            notice = translate("AppController", "Internal error (logged): {error}; the show goes on")
            controller.window.show_notice(notice.format(error=value))

    sys.excepthook = hook


def dialog_prompts(settings: QSettings) -> DialogPrompts:
    """The real dialogs: until the operator window exists (a broken first agenda), on the screen it opens on."""
    return DialogPrompts(home_screen=operator_screen(settings, GEOMETRY))


def run_app(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    configure_logging(None)  # stderr until this copy holds the state folder (the log file is the folder's)
    state_dir: Path = args.state_dir or default_state_dir()
    from runofshow.ui.folder_lock import FollowInstead, lock_or_follow

    lock = lock_or_follow(state_dir, follow_if_running=args.follow_if_running)
    if isinstance(lock, FollowInstead):  # another copy here runs this show: this one becomes its backup
        from runofshow.remote.options import TOKEN_FILE, load_or_create_token

        try:  # beyond loopback its server takes the control token, kept in the show's state folder
            token = load_or_create_token(state_dir, TOKEN_FILE) if lock.needs_token else ""
        except (OSError, ValueError) as exc:
            print(f"runofshow: cannot read the running copy's control token: {exc}", file=sys.stderr)
            return 2
        return run_follow(lock.arguments(token))
    if lock is None:
        return 2
    with lock:  # held until the app is done: released (or dropped by the OS on a crash) only then
        configure_logging(state_dir)  # and <state folder>/logs/runofshow.log, rotating, capped
        app = QApplication.instance() or QApplication([sys.argv[0]])
        app.setApplicationName("runofshow")
        app.setOrganizationName("runofshow")
        settings = QSettings()
        controller = AppController(settings, dialog_prompts(settings), SystemClock(), state_dir,
                                   resume_policy=args.resume)
        install_excepthook(controller)
        controller.remote_args = args  # the network server starts with the displays, after the first paint
        if not controller.start(args.agenda or bundled_agenda(), defer_extras=True):
            return 2
        return int(app.exec())
