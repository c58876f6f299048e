"""The app, measured in a child process by bench/__main__.py.

    python bench/app_probe.py launch [--exit-at-paint] [runofshow's arguments]
        the real entry point (runofshow.app.run_app), printing `painted_at` (wall clock) at its first paint
    python bench/app_probe.py run SECONDS [AGENDA]     the four-screen set-up, a slot running, every window
        painted: CPU over SECONDS, then the peak memory and the resident memory by mapping
    python bench/app_probe.py align SECONDS            the displays' paints of a changed digit (bench/lateness.py)
    python bench/app_probe.py serve SECONDS [AGENDA]   the real app and its network server, a slot running
    python bench/app_probe.py soak SECONDS SPEED AGENDA

The four-screen set-up (QT_QPA_PLATFORM=offscreen:configfile=bench/four_screens.json): the operator window
on LAPTOP, the projector, stage and moderator displays full screen on HDMI-1, HDMI-2 and HDMI-3.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

# The bench's own tools (bench.profiling) are imported inside each mode, never before a cold start's first paint.

if TYPE_CHECKING:
    from bench.profiling import Profile
    from runofshow.app import AppController
    from runofshow.core.clock import Clock, Instant
    from runofshow.io.session import Resumable
    from runofshow.qt.bridge import ShowBridge
    from runofshow.ui.displays import DisplayManager


class NoPrompts:
    """Nobody is at the keyboard: never resume, never pick another file."""

    def attach(self, window: QWidget) -> None:
        """No dialog ever opens, so there is no window to open it over."""

    def problems(self, title: str, intro: str, lines: Sequence[str], offer_other_file: bool = False) -> bool:
        print("\n".join(lines), file=sys.stderr)
        return False

    def resume(self, found: Resumable) -> bool:
        return False

    def confirm(self, title: str, text: str) -> bool:
        return True

    def open_agenda(self, start: Path) -> Path | None:
        return None

    def save_report(self, suggested: Path) -> Path | None:
        return None

    def changed_on_disk(self, path: Path) -> bool:
        return True  # keep the plan edited in the app; the file on disk is kept beside it

    def new_agenda(self, folder: Path) -> None:
        return None

    def plan_changed(self, changes: Sequence[str]) -> bool:
        return False  # keep the recorded plan

    def confirm_quit(self, parent: QWidget | None) -> bool:
        return True

    def open_during_show(self, running: Path, other: Path) -> bool:
        return False  # the show goes on

    def save_pdf(self, suggested: Path) -> Path | None:
        return None

    def open_import(self, start: Path) -> Path | None:
        return None

    def save_import(self, suggested: Path) -> Path | None:
        return None

    def save_csv(self, suggested: Path) -> Path | None:
        return None


def rss_kib() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def build(app: QApplication, agenda: Path | None = None, clock: Clock | None = None,
          defer: bool = True) -> AppController:
    from runofshow.app import AppController
    from runofshow.core.clock import SystemClock
    from runofshow.paths import bundled_agenda

    folder = Path(tempfile.mkdtemp(prefix="runofshow-bench-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    seed_operator_screen(settings)
    controller = AppController(settings, NoPrompts(), clock or SystemClock(), folder / "state")
    controller.remote_args = remote_args()  # as run_app: the network server too, on a free loopback port
    if not controller.start(agenda or bundled_agenda(), defer_extras=defer):
        raise SystemExit("could not start")
    if not defer:
        return controller
    while controller.displays is None:  # as run_app does: the displays follow the first paint
        app.processEvents()
    return controller


def remote_args() -> argparse.Namespace:
    from runofshow.app import build_parser

    return build_parser().parse_args(["--listen", "127.0.0.1:0"])


OPERATOR_SCREEN = "LAPTOP"
SETTLE_MS = 2000  # CPU is measured from this long after every window's first paint (the floors do the same)
DISPLAY_SCREENS = {"projector": "HDMI-1", "stage": "HDMI-2", "moderator": "HDMI-3"}


def seed_operator_screen(settings: QSettings) -> None:
    """The operator window opens on LAPTOP (when that screen exists), as the app restores a saved geometry."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    from runofshow.qt.operator_screen import OPERATOR_GEOMETRY

    screen = next((s for s in QGuiApplication.screens() if s.name() == OPERATOR_SCREEN), None)
    if screen is None:
        return
    probe = QWidget()
    probe.setScreen(screen)
    probe.setGeometry(screen.availableGeometry().adjusted(20, 20, -20, -20))
    settings.setValue(OPERATOR_GEOMETRY, probe.saveGeometry())
    probe.deleteLater()


def bridge_of(controller: AppController) -> ShowBridge:
    assert controller.bridge is not None, "the controller has started"
    return controller.bridge


def displays_of(controller: AppController) -> DisplayManager:
    assert controller.displays is not None, "the displays start after the first paint"
    return controller.displays


def show_all_displays(controller: AppController) -> None:
    """Each display full screen on its HDMI screen; where the screens are missing (plain offscreen), windowed."""
    from PySide6.QtGui import QGuiApplication

    names = {screen.name() for screen in QGuiApplication.screens()}
    displays = displays_of(controller)
    for kind in displays.windows:
        screen = DISPLAY_SCREENS.get(kind, "")
        if screen in names:
            displays.choose(kind, screen=screen, visible=True, fullscreen=True)
        else:
            displays.choose(kind, visible=True, fullscreen=False)


class Painted(QObject):
    """Waits until each of the given windows has been painted at least once, then calls back (once)."""

    def __init__(self, app: QApplication, windows: Sequence[QWidget], then: Callable[[], None]) -> None:
        super().__init__()
        self.app, self.windows, self.then = app, list(windows), then
        self.seen: set[int] = set()
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            top = watched.window()
            if any(top is window for window in self.windows):
                self.seen.add(id(top))
                if len(self.seen) == len(self.windows):
                    self.app.removeEventFilter(self)  # no filter on every event while measuring
                    QTimer.singleShot(0, self.then)
        return False


def all_windows(controller: AppController) -> list[QWidget]:
    assert controller.window is not None
    return [controller.window, *[w for w in displays_of(controller).windows.values() if w.isVisible()]]


def screens_line(controller: AppController) -> str:
    assert controller.window is not None
    windows: list[tuple[str, QWidget]] = [("operator", controller.window), *displays_of(controller).windows.items()]
    return "screens " + json.dumps({name: (window.screen().name(), window.isFullScreen()) for name, window in windows})


class PaintStamp(QObject):
    """The wall-clock instant of the first paint of the operator window (any widget in a main window); then
    `then`, from the event loop."""

    def __init__(self, app: QApplication, then: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.at: float | None = None
        self.app = app
        self.then = then
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.Paint and self.at is None and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)):
            self.at = time.time()
            print(f"painted_at {self.at}", flush=True)
            self.app.removeEventFilter(self)
            if self.then is not None:
                QTimer.singleShot(0, self.then)
        return False


def launch(app: QApplication, argv: list[str]) -> None:
    """runofshow.app.run_app as `runofshow` runs it, with the first paint stamped (and maybe the end there)."""
    exit_at_paint = "--exit-at-paint" in argv
    args = [a for a in argv if a != "--exit-at-paint"]
    profile: Profile | None = None
    if os.environ.get("BENCH_PROFILE"):  # bench.profiling.PROFILE_ENV, not imported for a plain cold start
        from bench.profiling import Profile

        profile = Profile()
        profile.start()
    def done() -> None:
        if profile is not None:
            profile.stop()
        os._exit(0)

    stamp = PaintStamp(app, done if exit_at_paint else None)
    if profile is not None and not exit_at_paint:
        # The breakdown of the first answer: profiled until the window is painted and the server started.
        import runofshow.app as app_module

        started = app_module.start_remote

        def start_remote(*a: Any, **k: Any) -> Any:
            server = started(*a, **k)
            QTimer.singleShot(0, finish_profile)
            return server

        def finish_profile() -> None:
            assert profile is not None
            if stamp.at is None:
                QTimer.singleShot(10, finish_profile)
                return
            profile.stop()
            print("profiled", flush=True)

        app_module.start_remote = start_remote
    from runofshow.app import run_app

    sys.exit(run_app(args))


def run_for(app: QApplication, seconds: float, agenda: Path | None) -> None:
    """The four-screen set-up with a slot running: CPU over `seconds` once every window is painted."""
    from bench.profiling import Profile, linecache_held, own_smaps, start_tracemalloc, tracemalloc_top

    tracing = start_tracemalloc()
    controller = build(app, agenda)
    show_all_displays(controller)
    bridge_of(controller).run("go")
    profile = Profile()
    began: list[float] = []

    def finish() -> None:
        cpu = time.process_time() - began[0]
        profile.stop()
        print(f"cpu {cpu}", flush=True)
        print(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        print("smaps " + json.dumps(own_smaps()), flush=True)
        if tracing:
            print("tracemalloc " + json.dumps([*tracemalloc_top(), linecache_held()]), flush=True)
        print(screens_line(controller), flush=True)
        os._exit(0)

    def measure() -> None:
        began.append(time.process_time())
        profile.start()
        QTimer.singleShot(int(seconds * 1000), finish)

    # Measured from a moment after every window's first paint, as the floors are: start-up work is row 1's.
    _painted = Painted(app, all_windows(controller), lambda: QTimer.singleShot(SETTLE_MS, measure))
    app.exec()


def align(app: QApplication, seconds: float) -> None:
    """Every paint that puts a new countdown or clock text on a display, as bench/lateness.py flips."""
    from bench.lateness import Flip, clock_boundary, countdown_boundary
    from runofshow.ui.display_base import DisplayWindow

    controller = build(app)
    show_all_displays(controller)
    clock = controller.clock
    flips: list[Flip] = []
    go_paints: list[float] = []  # GO to the first countdown painted: a command's latency, not a second's
    last: dict[tuple[str, str], str] = {}
    going = [False]

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                now = clock.now()  # the paint's instant, on the clocks the show counts by
                try:
                    if isinstance(watched, DisplayWindow):
                        note(watched, now)
                except Exception as exc:  # a probe that breaks must say so, not hang the bench
                    print(f"error {exc!r}", file=sys.stderr, flush=True)
                    os._exit(3)
            return False

    def note(window: DisplayWindow, now: Instant) -> None:
        state = window.state  # the snapshot this paint draws
        texts = {item.text for item in window.current_scene().texts}
        clock_text = state.time_of_day.strftime("%H:%M:%S")
        started = state.current_started.timestamp() if state.current_started is not None else None
        shown = []
        if started is not None and state.countdown in texts:
            shown.append(("countdown", state.countdown))
        if clock_text in texts:
            shown.append(("clock", clock_text))
        for kind, text in shown:
            key = (window.kind, kind)
            if going[0] and kind == "countdown" and key not in last and started is not None:
                go_paints.append(now.t - started)
            elif going[0] and last.get(key) != text:
                if kind == "countdown" and started is not None:  # from the engine's start of the slot
                    flips.append(Flip(window.kind, kind, text, now.t,
                                      countdown_boundary(text, started, state.duration), state.at.t))
                else:
                    flips.append(Flip(window.kind, kind, text, now.wall,
                                      clock_boundary(text, now.wall, state.event.tz), state.at.wall))
            last[key] = text

    paints = Paints()
    for window in displays_of(controller).windows.values():
        window.installEventFilter(paints)

    def begin() -> None:
        # GO half-way between two wall seconds, so that the clock's and the countdown's seconds interleave.
        wait = (1.5 - (time.time() % 1.0)) % 1.0
        QTimer.singleShot(int(wait * 1000), go)

    def go() -> None:
        going[0] = True
        bridge_of(controller).run("go")
        QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        print(screens_line(controller), flush=True)
        print("flips " + json.dumps([asdict(flip) for flip in flips]), flush=True)
        print("go_paints " + json.dumps(go_paints), flush=True)
        os._exit(0)

    _painted = Painted(app, all_windows(controller), begin)
    app.exec()


def serve(app: QApplication, seconds: float, agenda: Path | None) -> None:
    """The real app with its server on a free port for `seconds` (or until SIGTERM), a slot running."""
    from bench.profiling import Profile

    controller = build(app, agenda)
    show_all_displays(controller)
    bridge_of(controller).run("go")
    server = controller.remote
    assert server is not None and server.port, "the network server did not start"
    token = (controller.state_dir / "remote-token").read_text(encoding="ascii").strip()
    profile = Profile()
    profile.start()
    stop = [False]
    signal.signal(signal.SIGTERM, lambda _n, _f: stop.__setitem__(0, True))

    def finish() -> None:
        profile.stop()
        os._exit(0)

    def poll() -> None:  # Python runs a signal handler only when it has the hand: give it one often
        if stop[0]:
            finish()

    poller = QTimer()
    poller.timeout.connect(poll)
    poller.start(100)
    print(f"serving {server.port} {token}", flush=True)
    QTimer.singleShot(int(seconds * 1000), finish)
    app.exec()


def soak(app: QApplication, seconds: float, speed: float, agenda: Path) -> None:
    from runofshow.core.clock import ScaledClock, SystemClock
    from runofshow.io.agenda_yaml import load_agenda

    loaded = load_agenda(agenda).agenda
    assert loaded is not None
    clock = ScaledClock(SystemClock(), speed, start=loaded.slots[0].start.timestamp() - 5)
    controller = build(app, agenda, clock)
    show_all_displays(controller)
    bridge_of(controller).run("roll", {"on": True})
    rolled_at = clock.now().t
    # Slots already under way when roll mode came on are not claimed as run (building took a moment).
    expected = sum(1 for slot in loaded.slots if slot.start.timestamp() >= rolled_at)
    errors: list[str] = []

    import logging

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                errors.append(record.getMessage())

    logging.getLogger().addHandler(Collect())
    samples: list[int] = []
    sampler = QTimer()
    sampler.timeout.connect(lambda: samples.append(rss_kib()))
    sampler.start(500)

    def finish_soak() -> None:
        state = bridge_of(controller).state
        print("soak " + json.dumps({"samples": samples, "errors": errors, "phase": state.phase.value,
                                    "runs": len(state.runs), "expected_runs": expected}), flush=True)
        os._exit(0)

    QTimer.singleShot(int(seconds * 1000), finish_soak)
    app.exec()


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    if mode == "launch":
        launch(app, sys.argv[2:])
        return
    seconds = float(sys.argv[2])
    agenda = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    if mode == "run":
        run_for(app, seconds, agenda)
    elif mode == "align":
        align(app, seconds)
    elif mode == "serve":
        serve(app, seconds, agenda)
    elif mode == "soak":
        soak(app, seconds, float(sys.argv[3]), Path(sys.argv[4]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
