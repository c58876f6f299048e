"""Wiring: the only place where the agenda, the session, the bridge and the windows meet."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from runofshow.core.agenda import Agenda
from runofshow.core.agenda_diff import describe_changes
from runofshow.core.clock import Clock, SystemClock
from runofshow.io.agenda_yaml import load_agenda
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.journal import default_state_dir
from runofshow.io.report import build_report, to_csv
from runofshow.io.session import ShowSession, search_record
from runofshow.io.state_lock import StateFolderBusy, StateLock, StateLockError
from runofshow.paths import bundled_agenda
from runofshow.qt.agenda_watch import AgendaWatcher
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.sound import Chimes
from runofshow.remote.options import add_arguments as add_remote_arguments
from runofshow.ui.dialogs import DialogPrompts, Prompts
from runofshow.ui.displays import DisplayManager
from runofshow.ui.operator import OperatorWindow

if TYPE_CHECKING:
    from runofshow.remote.server import RemoteServer

log = logging.getLogger("runofshow")
MAX_RECENT = 8


class FirstPaint(QObject):
    """Calls back once, after a widget's first paint."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)
        return False


class AppController(QObject):
    """Opens agendas, resumes or starts shows, reloads edits, exports reports."""

    extras_started = Signal()  # the displays and the sound are up

    def __init__(self, settings: QSettings, prompts: Prompts, clock: Clock, state_dir: Path, *,
                 mode_banner: str = "", resume_policy: str = "ask") -> None:
        super().__init__()
        self.mode_banner = mode_banner
        self.resume_policy = resume_policy  # ask, always or never: what to do with a show found in the journal
        self.settings = settings
        self.prompts = prompts
        self.clock = clock
        self.state_dir = state_dir
        self.agenda_path: Path | None = None
        self.bridge: ShowBridge | None = None
        self.window: OperatorWindow | None = None
        self.displays: DisplayManager | None = None
        self.chimes: Chimes | None = None
        self.remote: RemoteServer | None = None  # the network server, when run_app asks for one
        self.remote_args: argparse.Namespace | None = None
        self.fsync = FsyncWorker()  # the journal's fsync runs here, never on the Qt thread
        self.record_notices: list[str] = []  # what the last look at the show record had to say
        self.watcher = AgendaWatcher(self)
        self.watcher.changed.connect(lambda _path: self.reload_agenda(from_disk_watch=True))

    # -- starting -------------------------------------------------------------------------------

    def start(self, path: Path, *, defer_extras: bool = False) -> bool:
        """Open the first agenda (asking for another while it is broken) and show the window.

        `defer_extras` starts the displays and the sound only once the operator window is painted.
        """
        loaded = self._load_asking(path)
        if loaded is None:
            return False
        path, agenda = loaded
        session = self._session_for(path, agenda)
        self.bridge = ShowBridge(session, self.clock, self)
        self.fsync.set_listener(self.bridge.on_synced_callback())
        self.window = OperatorWindow(self.bridge, self)
        self.window.closing.connect(self.shutdown)
        self.window.set_mode_banner(self.mode_banner)
        self._restore_geometry()
        self._adopt(path)
        self.window.show()
        self.bridge.start()
        if defer_extras:
            # The operator window is what the stage manager waits for: the displays and the sound
            # come a moment after it has been painted.
            self._after_first_paint = FirstPaint(self.window, self._start_extras)
        else:
            self._start_extras()
        self._tell_about_record(session)
        return True

    def _tell_about_record(self, session: ShowSession) -> None:
        """Everything the show record had to say at opening: skipped lines, passed-over journals, plan choice."""
        assert self.window is not None
        lines = session.restore_problems + self.record_notices
        if lines:
            self.window.show_notice("Show record: " + "; ".join(lines))
            log.warning("show record:\n%s", "\n".join(lines))

    def _start_extras(self) -> None:
        assert self.bridge is not None and self.window is not None
        self._start_displays_and_sound(self.bridge, self.window)
        if self.remote_args is not None:
            from runofshow.remote.server import start_remote

            self.remote = start_remote(self.bridge, self.window, self.remote_args, self.state_dir)
        self.extras_started.emit()

    def _start_displays_and_sound(self, bridge: ShowBridge, window: OperatorWindow) -> None:
        self.displays = displays = DisplayManager(bridge, window, self.settings, self)
        displays.notice.connect(window.show_notice)
        window.displays_menu.aboutToShow.connect(lambda: displays.fill_menu(window.displays_menu))
        displays.fill_menu(window.displays_menu)
        displays.apply()
        sound_on = self.settings.value("sound_on", True) in (True, "true", "1", 1)
        self.chimes = Chimes(enabled=sound_on, parent=self)
        bridge.changed.connect(self.chimes.show_state)
        window.show_menu.addSeparator()
        self.sound_action = window.show_menu.addAction("Sound: chime at the warning and at zero")
        self.sound_action.setCheckable(True)
        self.sound_action.setChecked(sound_on)
        self.sound_action.toggled.connect(self.set_sound)

    def set_sound(self, on: bool) -> None:
        assert self.chimes is not None
        self.chimes.enabled = on
        self.settings.setValue("sound_on", on)

    def _load_asking(self, path: Path) -> tuple[Path, Agenda] | None:
        while True:
            result = load_agenda(path)
            if result.agenda is not None:
                return path, result.agenda
            lines = [str(p) for p in result.problems]
            for line in lines:
                print(line, file=sys.stderr)
            wants_other = self.prompts.problems(
                "This agenda cannot be opened",
                f"{path} has {len(result.errors)} problem(s). Fix them and open it again, or choose another file.",
                lines, offer_other_file=True)
            if not wants_other:
                return None
            chosen = self.prompts.open_agenda(path.parent)
            if chosen is None:
                return None
            path = chosen

    def _session_for(self, path: Path, agenda: Agenda) -> ShowSession:
        """A session on this agenda: the show found in its journal if the operator resumes it, else a new one."""
        session = ShowSession(agenda, path, self.state_dir, self.fsync)
        search = search_record(self.state_dir, path, agenda, self.clock.now())
        self.record_notices = list(search.notices)
        found = search.resumable
        if found is None or not (self.resume_policy == "always" or
                                 (self.resume_policy == "ask" and self.prompts.resume(found))):
            return session
        session.resume(found, self.clock.now())
        if found.plan_changes:
            # The file was edited while the app was down: the operator decides which plan runs.
            if self.resume_policy == "ask" and self.prompts.plan_changed(found.plan_changes):
                session.replace_plan(agenda, self.clock.now())
                self.record_notices.append(f"applied the edited {path.name}: " + "; ".join(found.plan_changes))
            else:
                self.record_notices.append(f"kept the plan from the record; {path.name} differs ("
                                           + "; ".join(found.plan_changes) + "): File > Reload agenda applies it")
        return session

    def _adopt(self, path: Path) -> None:
        self.agenda_path = path
        self.watcher.watch(path)
        self.settings.setValue("last_agenda", str(path.resolve()))
        recent = [str(path.resolve())] + [p for p in self._recent_strings() if p != str(path.resolve())]
        self.settings.setValue("recent_agendas", recent[:MAX_RECENT])

    def _recent_strings(self) -> list[str]:
        value = self.settings.value("recent_agendas", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    # -- the File menu --------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        return [Path(p) for p in self._recent_strings()]

    def open_agenda(self) -> None:
        start = self.agenda_path.parent if self.agenda_path else Path.home()
        chosen = self.prompts.open_agenda(start)
        if chosen is not None:
            self.open_recent(chosen)

    def open_recent(self, path: Path) -> None:
        """Switch to another agenda. A broken one is refused and the running show stays as it is."""
        result = load_agenda(path)
        if result.agenda is None:
            self.prompts.problems("This agenda cannot be opened",
                                  f"{path} has {len(result.errors)} problem(s); the current show keeps running.",
                                  [str(p) for p in result.problems])
            return
        assert self.bridge is not None and self.window is not None
        self.bridge.session.close()
        session = self._session_for(path, result.agenda)
        self.bridge.set_session(session)
        self._adopt(path)
        self.window.show_notice(f"Opened {path}")
        self._tell_about_record(session)

    def reload_agenda(self, from_disk_watch: bool = False) -> None:
        """Read the agenda again; keep the current slot by id; keep the last good agenda on errors."""
        if self.agenda_path is None or self.bridge is None or self.window is None:
            return
        result = load_agenda(self.agenda_path)
        if result.agenda is None:
            how = "was changed on disk and now" if from_disk_watch else ""
            self.prompts.problems(
                "The agenda has errors",
                f"{self.agenda_path} {how} has {len(result.errors)} problem(s). The show goes on with the "
                "last good agenda; fix the file and save it again.".replace("  ", " "),
                [str(p) for p in result.problems])
            self.window.show_notice(f"Agenda not reloaded: {len(result.errors)} problem(s); the last good agenda "
                                    "is still running")
            log.warning("agenda not reloaded, the last good one keeps running:\n%s",
                        "\n".join(str(p) for p in result.errors))
            return
        changes = describe_changes(self.bridge.session.engine.agenda, result.agenda)
        if not changes and from_disk_watch:
            return
        message = self.bridge.replace_agenda(result.agenda)
        summary = "; ".join(changes) if changes else "no changes"
        self.window.show_notice(f"{message} — {summary}")
        log.info("%s — %s", message, summary)

    def export_report(self) -> None:
        if self.bridge is None or self.agenda_path is None:
            return
        target = self.prompts.save_report(Path.home() / f"{self.agenda_path.stem}-report.csv")
        if target is None:
            return
        report = build_report(self.bridge.session.engine, self.clock.now().t)
        try:
            target.write_text(to_csv(report), encoding="utf-8")
        except OSError as exc:
            self.prompts.problems("The report was not saved", f"{target}: {exc.strerror or exc}", [])
            return
        if self.window is not None:
            self.window.show_notice(f"Report saved to {target}")

    def new_show(self) -> None:
        if self.bridge is None:
            return
        if not self.prompts.confirm("Start a new show?",
                                    "The show so far stays in its journal (and its report can still be "
                                    "exported). Start a new show on this agenda from the beginning?"):
            return
        self.bridge.session.new_show()
        self.bridge.tick()
        if self.window is not None:
            self.window.show_notice("New show: press GO to start")

    # -- closing --------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        assert self.window is not None
        geometry = self.settings.value("operator_geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.window.restoreGeometry(geometry)
        else:
            self.window.resize(1400, 860)

    def shutdown(self) -> None:
        if self.window is not None:
            self.settings.setValue("operator_geometry", self.window.saveGeometry())
        if self.displays is not None:
            self.displays.close_all()
        if self.remote is not None:
            self.remote.stop()
        if self.bridge is not None:
            self.bridge.stop()
            self.bridge.session.close()
        self.fsync.stop()
        self.settings.sync()


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
            controller.window.show_notice(f"Internal error (logged): {value}; the show goes on")

    sys.excepthook = hook


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
            title = ("runofshow is already running" if isinstance(refused, StateFolderBusy)
                     else "runofshow cannot start")
            QMessageBox.warning(None, title, str(refused))
        return None


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
