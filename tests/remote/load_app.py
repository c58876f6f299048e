"""The real app (runofshow.app.run_app) in a child process of its own, watched for the load test.

    python -m tests.remote.load_app FLIPS_JSON SOFT:HARD [runofshow's arguments: --state-dir DIR --listen ... --osc ...]

Starts `runofshow` exactly as a stage manager does (its logging, its state folder, its network server), with
its open-file limit first set to SOFT:HARD (as a desktop session starts it), and one addition: every paint of
the operator window's countdown digits that puts a new text on screen is noted (the text, the wall-clock
instant of the paint, and the slot's start and length it was drawn from).
On SIGTERM it writes them to FLIPS_JSON and exits at once. Run from tests/remote/test_load.py.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    soft, hard = (int(part) for part in argv[1].split(":"))
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    import runofshow.app as app_module
    from runofshow.qt.bridge import ShowBridge
    from runofshow.ui.widgets import DigitsLabel

    out = Path(argv[0])
    app = QApplication([sys.argv[0]])
    flips: list[dict[str, Any]] = []
    bridges: list[ShowBridge] = []
    last = [""]
    found: list[QObject | None] = [None]

    class CountdownPaints(QObject):
        """The operator window's big digits: each paint that shows a text other than the one before.

        Watches the whole app until it meets them, then them alone (a filter on every event of the app
        would cost the Qt thread time the measurement is about)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (event.type() == QEvent.Type.Paint and isinstance(watched, DigitsLabel) and bridges
                    and isinstance(watched.window(), QMainWindow)):
                if watched is not found[0]:
                    found[0] = watched
                    app.removeEventFilter(self)
                    watched.installEventFilter(self)
                text = watched.text()
                if text != last[0]:
                    last[0] = text
                    state = bridges[0].state  # the snapshot this paint draws
                    started = state.current_started
                    flips.append({"text": text, "at": time.time(), "phase": state.phase.value,
                                  "started": started.timestamp() if started is not None else None,
                                  "duration": state.duration})
            return False

    paints = CountdownPaints()
    app.installEventFilter(paints)
    started_remote = app_module.start_remote

    def start_remote(bridge: ShowBridge, *args: Any, **kwargs: Any) -> Any:
        bridges.append(bridge)
        return started_remote(bridge, *args, **kwargs)

    app_module.start_remote = start_remote
    stop = [False]
    signal.signal(signal.SIGTERM, lambda _n, _f: stop.__setitem__(0, True))

    def poll() -> None:  # Python runs a signal handler only when it has the hand: give it one often
        if stop[0]:
            out.write_text(json.dumps(flips))
            os._exit(0)

    poller = QTimer()
    poller.timeout.connect(poll)
    poller.start(100)
    return app_module.run_app(argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
