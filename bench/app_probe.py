"""The app, measured in a child process by bench/__main__.py.

python bench/app_probe.py start | memory | cpu SECONDS | align SECONDS | soak SECONDS SPEED
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication


class NoPrompts:
    """Nobody is at the keyboard: never resume, never pick another file."""

    def attach(self, window: object) -> None:
        """No dialog ever opens, so there is no window to open it over."""

    def problems(self, title: str, intro: str, lines: Sequence[str], offer_other_file: bool = False) -> bool:
        print("\n".join(lines), file=sys.stderr)
        return False

    def resume(self, found: object) -> bool:
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


def rss_kib() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def build(app: QApplication, agenda: Path | None = None, clock: object = None,  # type: ignore[no-untyped-def]
          defer: bool = True):
    from runofshow.app import AppController
    from runofshow.core.clock import SystemClock
    from runofshow.paths import bundled_agenda

    folder = Path(tempfile.mkdtemp(prefix="runofshow-bench-"))
    controller = AppController(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), NoPrompts(),
                               clock or SystemClock(), folder / "state")  # type: ignore[arg-type]
    controller.remote_args = remote_args()  # as run_app: the network server too, on a free loopback port
    if not controller.start(agenda or bundled_agenda(), defer_extras=defer):
        raise SystemExit("could not start")
    if not defer:
        return controller
    while controller.displays is None:  # as run_app does: the displays follow the first paint
        app.processEvents()
    return controller


def remote_args():  # type: ignore[no-untyped-def]
    from runofshow.app import build_parser

    return build_parser().parse_args(["--listen", "127.0.0.1:0"])


def show_all_displays(controller) -> None:  # type: ignore[no-untyped-def]
    for kind in controller.displays.windows:
        controller.displays.choose(kind, visible=True, fullscreen=False)


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    if mode == "start":
        from runofshow.app import AppController  # noqa: F401  (imports are part of a cold start)

        holder: dict[str, object] = {}

        def painted() -> None:
            print(f"painted {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
            os._exit(0)

        from runofshow.qt.first_paint import FirstPaint

        _first_paint = FirstPaint(app, painted)  # the first paint of any widget of the operator window
        from runofshow.app import AppController as Controller
        from runofshow.core.clock import SystemClock
        from runofshow.paths import bundled_agenda

        folder = Path(tempfile.mkdtemp(prefix="runofshow-bench-"))
        controller = Controller(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), NoPrompts(),
                                SystemClock(), folder / "state")  # type: ignore[arg-type]
        holder["controller"] = controller
        controller.remote_args = remote_args()
        controller.start(bundled_agenda(), defer_extras=True)
        app.exec()
        return
    if mode == "memory":
        controller = build(app)
        show_all_displays(controller)
        controller.bridge.run("go")

        def report() -> None:
            for window in [controller.window, *controller.displays.windows.values()]:
                window.repaint()
            print(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
            os._exit(0)

        QTimer.singleShot(300, report)
        app.exec()
        return
    seconds = float(sys.argv[2])
    if mode == "cpu":
        controller = build(app)
        show_all_displays(controller)
        controller.bridge.run("go")

        def finish_cpu() -> None:
            print(f"cpu {time.process_time() - began}", flush=True)
            os._exit(0)

        QTimer.singleShot(int(seconds * 1000), finish_cpu)
        began = time.process_time()
        app.exec()
        return
    if mode == "align":
        controller = build(app)
        show_all_displays(controller)
        # Start the slot half-way between two wall seconds, so clock and countdown wake-ups interleave.
        wait = (1.5 - (time.time() % 1.0)) % 1.0
        time.sleep(wait)
        controller.bridge.run("go")
        start_t = controller.bridge.state.at.t
        events: list[tuple[str, float, str]] = []
        last = {"countdown": controller.bridge.state.countdown, "clock": ""}

        def on_change(state) -> None:  # type: ignore[no-untyped-def]
            clock_text = state.time_of_day.strftime("%H:%M:%S")
            if state.countdown != last["countdown"]:
                offset = state.at.t - start_t
                events.append(("countdown", offset - math.floor(offset), state.countdown))
                last["countdown"] = state.countdown
            if clock_text != last["clock"]:
                events.append(("clock", state.at.wall - math.floor(state.at.wall), clock_text))
                last["clock"] = clock_text

        controller.bridge.changed.connect(on_change)

        def finish_align() -> None:
            print("events " + json.dumps(events), flush=True)
            os._exit(0)

        QTimer.singleShot(int(seconds * 1000), finish_align)
        app.exec()
        return
    if mode == "soak":
        speed = float(sys.argv[3])
        agenda = Path(sys.argv[4])
        from runofshow.core.clock import ScaledClock, SystemClock
        from runofshow.io.agenda_yaml import load_agenda

        loaded = load_agenda(agenda).agenda
        assert loaded is not None
        clock = ScaledClock(SystemClock(), speed, start=loaded.slots[0].start.timestamp() - 5)
        controller = build(app, agenda, clock)
        show_all_displays(controller)
        controller.bridge.run("roll", {"on": True})
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
            state = controller.bridge.state
            print("soak " + json.dumps({"samples": samples, "errors": errors, "phase": state.phase.value,
                                        "runs": len(state.runs), "expected_runs": expected}), flush=True)
            os._exit(0)

        QTimer.singleShot(int(seconds * 1000), finish_soak)
        app.exec()
        return
    if mode == "serve":
        # For the WebSocket benchmark: the real app with its server on a free port, for SECONDS.
        controller = build(app)
        show_all_displays(controller)
        controller.bridge.run("go")
        server = controller.remote
        assert server is not None and server.port, "the network server did not start"
        token = (controller.state_dir / "remote-token").read_text(encoding="ascii").strip()
        print(f"serving {server.port} {token}", flush=True)
        QTimer.singleShot(int(seconds * 1000), lambda: os._exit(0))
        app.exec()
        return
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
