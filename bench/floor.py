"""The one-label floor: a bare PySide6 program that paints one small label (and updates it once a second).

Run as a child process by bench/__main__.py:
    python bench/floor.py start          -> `painted_at` (wall clock) at its first paint, then exits
    python bench/floor.py cpu SECONDS    -> once painted: CPU over SECONDS, and the peak memory
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from runofshow.qt.first_paint import FirstPaint  # PySide6 only: the floor stays a bare Qt program


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    label = QLabel("13:30:00")
    label.resize(400, 120)

    def report_and_exit() -> None:
        print(f"painted_at {painted_at[0]}", flush=True)
        print(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        os._exit(0)

    painted_at: list[float] = []
    if mode == "start":
        # FirstPaint calls back from the event loop, just after the paint: stamp the paint itself.
        stamp = PaintStamp(painted_at)
        label.installEventFilter(stamp)
        _first_paint = FirstPaint(label, report_and_exit)  # held until the label has been painted
        label.show()
        app.exec()
        return
    seconds = float(sys.argv[2])
    label.show()
    timer = QTimer()
    timer.timeout.connect(lambda: label.setText(time.strftime("%H:%M:%S")))
    timer.start(1000)

    def finish() -> None:
        print(f"cpu {time.process_time() - began[0]}", flush=True)
        print(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        os._exit(0)

    began: list[float] = []

    def start_measuring() -> None:
        began.append(time.process_time())
        QTimer.singleShot(int(seconds * 1000), finish)

    # Measured from 2 s after the first paint, as the app and the fair floor are.
    _painted = FirstPaint(label, lambda: QTimer.singleShot(2000, start_measuring))
    app.exec()


class PaintStamp(QObject):
    """Notes the wall-clock instant of the first paint event."""

    def __init__(self, into: list[float]) -> None:
        super().__init__()
        self.into = into

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.into:
            self.into.append(time.time())
        return False


if __name__ == "__main__":
    main()
