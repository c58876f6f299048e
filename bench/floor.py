"""The floor: a bare PySide6 program that paints one label (and, for CPU, updates it once a second).

Run as a child process by bench/__main__.py:  python bench/floor.py start|memory|cpu SECONDS
"""

from __future__ import annotations

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class FirstPaint(QObject):
    def __init__(self, then: object) -> None:
        super().__init__()
        self.then = then
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.then)  # type: ignore[arg-type]
        return False


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    label = QLabel("13:30:00")
    label.resize(400, 120)

    def report_and_exit() -> None:
        print(f"painted {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        os._exit(0)

    if mode in ("start", "memory"):
        watcher = FirstPaint(report_and_exit)
        label.installEventFilter(watcher)
        label.show()
        app.exec()
        return
    seconds = float(sys.argv[2])
    label.show()
    timer = QTimer()
    timer.timeout.connect(lambda: label.setText(time.strftime("%H:%M:%S")))
    timer.start(1000)

    def finish() -> None:
        print(f"cpu {time.process_time() - began}", flush=True)
        os._exit(0)

    QTimer.singleShot(int(seconds * 1000), finish)
    began = time.process_time()
    app.exec()


if __name__ == "__main__":
    main()
