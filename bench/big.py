"""A 5,000-slot, 70-day agenda (`generate`), and one tick late in a long show on it.

    python bench/big.py ticks AGENDA 10,1000,2000,4000 BLOCK ROUNDS
        -> one JSON line: per number of finished slots, the median CPU seconds of one tick

The app runs as on show day (bench/app_probe.py's four-screen set-up: the operator window and the three
displays shown, so Qt really paints). For each count N the show is the one that ran on plan until a minute
into slot N (`runofshow.render.on_plan`): N slots finished. A tick is one second of that show: the clock
moves a second (the digits change), the bridge takes its snapshot and every view and the network take it,
and Qt paints what changed. The counts take turns in blocks, so a noisy moment hurts all alike.
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

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from bench.app_probe import bridge_of, build, displays_of, show_all_displays
from bench.profiling import Profile
from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.io.agenda_yaml import load_agenda


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


class SettableClock:
    """The show's clock, moved only by the bench: a second per tick, or to another show's moment."""

    speed = 1.0

    def __init__(self, start: float) -> None:
        self._now = Instant(start, start)

    def now(self) -> Instant:
        return self._now

    def set(self, t: float) -> None:
        self._now = Instant(t, t)

    def advance(self, seconds: float) -> None:
        self._now = self._now.later(seconds)


def moment_after(agenda: Agenda, finished: int) -> float:
    """A minute into slot `finished`: that many slots have run before it."""
    return agenda.slots[finished].start.timestamp() + 60


def ticks(path: Path, counts: list[int], block: int, rounds: int) -> dict[str, object]:
    from runofshow.render import on_plan

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    loaded = load_agenda(path).agenda
    assert loaded is not None
    clock = SettableClock(moment_after(loaded, counts[0]))
    controller = build(app, path, clock)
    show_all_displays(controller)
    bridge = bridge_of(controller)
    agenda = bridge.session.engine.agenda
    positions = {n: moment_after(agenda, n) for n in counts}
    began = time.perf_counter()
    sessions = {n: on_plan(agenda, path, Instant(positions[n], positions[n])) for n in counts}
    built = time.perf_counter() - began
    per_tick: dict[int, list[float]] = {n: [] for n in counts}
    paints = PaintCount()
    for window in displays_of(controller).windows.values():
        window.installEventFilter(paints)  # proof that the ticks are painted, not only computed
    runs: dict[int, int] = {}
    profile = Profile()
    for round_number in range(rounds + 1):  # the first round warms up (caches, fonts) and is not counted
        for n in counts:
            clock.set(positions[n])
            bridge.set_session(sessions[n])
            for _ in range(3):  # the new show drawn whole once (not a tick), the rundown rebuilt
                app.processEvents()
            runs[n] = len(bridge.state.runs)
            if n == max(counts) and round_number:
                profile.start()
            paints.on = round_number > 0
            for _ in range(block):
                clock.advance(1.0)
                cpu = time.process_time()
                bridge.tick()
                app.processEvents()
                if round_number:
                    per_tick[n].append(time.process_time() - cpu)
            paints.on = False
            if n == max(counts):
                profile.pause()
            positions[n] = clock.now().t
    profile.stop()
    windows = [w for w in displays_of(controller).windows.values() if w.isVisible()]
    return {"tick": {str(n): statistics.median(v) for n, v in per_tick.items()},
            "runs": {str(n): r for n, r in runs.items()}, "slots": len(agenda.slots), "displays": len(windows),
            "ticks_each": block * rounds, "on_plan_s": built,
            "paints_per_tick": paints.count / (block * rounds * len(counts))}


class PaintCount(QObject):
    """Counts the displays' paint events while `on`."""

    def __init__(self) -> None:
        super().__init__()
        self.on = False
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.on and event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


if __name__ == "__main__":
    if sys.argv[1] != "ticks":
        raise SystemExit(__doc__)
    result = ticks(Path(sys.argv[2]), [int(n) for n in sys.argv[3].split(",")], int(sys.argv[4]), int(sys.argv[5]))
    print(json.dumps(result), flush=True)
    os._exit(0)
