"""What the operator window's thumbnails of the displays cost: 600 bridge wake-ups with them and without.

python bench/thumbnail_cost.py [TICKS]

Each wake-up is one second of a running show (the digits move every time, the worst case), handled as
the app handles it: the bridge emits, every view takes the snapshot, Qt paints what was marked dirty.
Prints the milliseconds per wake-up with the thumbnails shown and folded away, and the thumbnails'
paint events. The two runs alternate in blocks, so a noisy moment hurts both alike.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from runofshow.core.clock import FakeClock
from runofshow.io.agenda_yaml import load_agenda
from runofshow.paths import bundled_agenda
from runofshow.qt.bridge import ShowBridge
from runofshow.render import moment_of, on_plan
from runofshow.ui.operator import OperatorWindow
from runofshow.ui.snapshots import _NoFiles

BLOCK = 50


def main(ticks: int) -> None:
    app = QApplication.instance() or QApplication([])
    agenda = load_agenda(bundled_agenda()).agenda
    assert agenda is not None
    moment = moment_of(agenda, "15:41")  # the panel: every display busy, the stage's cue clock counting too
    clock = FakeClock(moment.t)
    bridge = ShowBridge(on_plan(agenda, bundled_agenda(), moment), clock)
    window = OperatorWindow(bridge, _NoFiles())
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    per_tick: dict[bool, list[float]] = {True: [], False: []}
    paints = 0
    for block in range(2 * ticks // BLOCK):
        shown = block % 2 == 0
        window.thumbnails.setVisible(shown)
        app.processEvents()
        before = sum(thumbnail.paints for thumbnail in window.thumbnails.thumbnails.values())
        for _ in range(BLOCK):
            clock.advance(1.0)
            began = time.perf_counter()
            bridge.tick()
            app.processEvents()
            per_tick[shown].append(time.perf_counter() - began)
        paints += sum(thumbnail.paints for thumbnail in window.thumbnails.thumbnails.values()) - before
    bridge.stop()
    with_ms = statistics.median(per_tick[True]) * 1000
    without_ms = statistics.median(per_tick[False]) * 1000
    print(f"ticks {ticks} each way (blocks of {BLOCK}, alternating)")
    print(f"with_thumbnails_ms_per_tick {with_ms:.2f}")
    print(f"without_thumbnails_ms_per_tick {without_ms:.2f}")
    print(f"thumbnail_cost_ms_per_tick {with_ms - without_ms:.2f}")
    print(f"thumbnail_paint_events {paints} for {ticks} ticks of 3 thumbnails")
    window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600)
