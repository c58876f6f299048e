"""The fair floor: a bare PySide6 program doing the least the app's four screens could do.

Four full-screen windows, one on each screen, each showing one big label (the time, HH:MM:SS) that it redraws
once a second, on the second. What a show with an operator window and three displays cannot do with less.

    python bench/fair_floor.py run SECONDS   -> after every window is painted: CPU over SECONDS, peak memory

Imports nothing of runofshow: it stays a bare Qt program.
"""

from __future__ import annotations

import math
import os
import resource
import sys
import time

MARGIN_MS = 2  # wake a little after the second, never before it (as the app does)
SETTLE_MS = 2000  # CPU is measured from this long after every window's first paint (as for the app)


def ms_until_next_second(wall: float) -> int:
    """Milliseconds from `wall` until just after the next whole wall second (a whole second: the next one)."""
    following = math.floor(wall) + 1
    return max(1, math.ceil(round((following - wall) * 1000, 6)) + MARGIN_MS)  # round: float noise at epoch scale


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication, QLabel

    seconds = float(sys.argv[2])
    app = QApplication(sys.argv[:1])
    labels: list[QLabel] = []
    for screen in QGuiApplication.screens():
        label = QLabel(time.strftime("%H:%M:%S"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        label.setPalette(palette)
        label.setAutoFillBackground(True)
        font = QFont()
        font.setPixelSize(screen.geometry().height() // 4)
        label.setFont(font)
        label.setScreen(screen)
        label.setGeometry(screen.geometry())
        label.showFullScreen()
        labels.append(label)

    class Painted(QObject):
        """Counts the windows painted at least once: the measurement starts when all are."""

        def __init__(self) -> None:
            super().__init__()
            self.seen: set[int] = set()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.seen.add(id(watched))
            return False

    painted = Painted()
    for label in labels:
        label.installEventFilter(painted)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)

    def redraw() -> None:
        text = time.strftime("%H:%M:%S")
        for label in labels:
            label.setText(text)
        timer.start(ms_until_next_second(time.time()))

    timer.timeout.connect(redraw)
    timer.start(ms_until_next_second(time.time()))
    began: dict[str, float] = {}

    def finish() -> None:
        print(f"cpu {time.process_time() - began['cpu']}", flush=True)
        print(f"maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        print(f"windows {len(labels)}", flush=True)
        os._exit(0)

    def start_when_painted() -> None:
        if len(painted.seen) < len(labels):
            QTimer.singleShot(20, start_when_painted)
            return
        QTimer.singleShot(SETTLE_MS, begin)

    def begin() -> None:
        began["cpu"] = time.process_time()
        QTimer.singleShot(int(seconds * 1000), finish)

    QTimer.singleShot(0, start_when_painted)
    app.exec()


if __name__ == "__main__":
    main()
