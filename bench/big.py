"""A 5,000-slot, multi-day agenda against the bundled one: load, open the window, and one tick.

python bench/big.py AGENDA  -> prints one JSON line with the medians (seconds)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from bench.app_probe import build
from runofshow.io.agenda_yaml import load_agenda

TICKS = 3000


def generate(path: Path, slots: int = 5000) -> Path:
    """Slots of 10 minutes from 08:00 to 20:00, day after day: 5,000 of them span 70 days."""
    lines = ["event:", "  title: Benchmark festival", "  date: 2024-01-01", "  timezone: Europe/Brussels",
             "  venue: {name: Hall, address: Somewhere 1}", "slots:"]
    per_day = 72
    for index in range(slots):
        day, position = divmod(index, per_day)
        minutes = 8 * 60 + position * 10
        start = f"{minutes // 60:02d}:{minutes % 60:02d}"
        lines.append(f"  - id: s{index}")
        if position == 0:
            lines.append(f"    date: 2024-{1 + (day // 28):02d}-{1 + day % 28:02d}")
        lines.append(f"    start: {start}")
        lines.append("    duration: 10m")
        lines.append(f"    title: Session {index} on day {day + 1}")
        lines.append(f"    speakers: [\"Speaker {index}, Role {index % 7}\"]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def measure(agenda: Path) -> dict[str, float]:
    loads = []
    for _ in range(5):
        began = time.perf_counter()
        result = load_agenda(agenda)
        loads.append(time.perf_counter() - began)
        assert result.agenda is not None, [str(p) for p in result.problems[:3]]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    began = time.perf_counter()
    controller = build(app, agenda)  # type: ignore[arg-type]
    app.processEvents()
    opened = time.perf_counter() - began
    bridge = controller.bridge
    bridge.run("go")
    ticks = []
    for _ in range(TICKS):
        began = time.perf_counter()
        bridge.tick()
        ticks.append(time.perf_counter() - began)
    return {"load": statistics.median(loads), "open": opened, "tick": statistics.median(ticks),
            "slots": len(bridge.state.slots)}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))), flush=True)
    os._exit(0)
