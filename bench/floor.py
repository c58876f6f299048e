"""The floor: a bare PySide6 program that paints one label (and, for CPU, updates it once a second).

Run as a child process by bench/__main__.py:  python bench/floor.py start|memory|cpu SECONDS
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from runofshow.qt.first_paint import FirstPaint  # PySide6 only: the floor stays a bare Qt program


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    label = QLabel("13:30:00")
    label.resize(400, 120)

    def report_and_exit() -> None:
        print(f"painted {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        os._exit(0)

    if mode in ("start", "memory"):
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
        print(f"cpu {time.process_time() - began}", flush=True)
        os._exit(0)

    QTimer.singleShot(int(seconds * 1000), finish)
    began = time.process_time()
    app.exec()


if __name__ == "__main__":
    main()
