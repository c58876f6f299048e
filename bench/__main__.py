"""`python -m bench`: every figure against a baseline measured in the same run, as a ratio.

    python -m bench            # the full set (about 6 minutes)
    python -m bench --quick    # fewer and shorter runs, for a first look
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


@dataclass
class Row:
    figure: str
    value: str
    baseline: str
    ratio: float | None
    target: str
    met: bool


def child(script: str, *args: str, timeout: float = 300) -> tuple[float, list[str]]:
    """Run a probe; return the wall time until its last line and its output lines."""
    began = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / script), *args], env=ENV, capture_output=True, text=True,
                          timeout=timeout, check=False)
    elapsed = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"{script} {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    return elapsed, proc.stdout.strip().splitlines()


def value_of(lines: list[str], key: str) -> str:
    return next(line.split(" ", 1)[1] for line in lines if line.startswith(key + " "))


def cold_start(runs: int) -> Row:
    # Alternate the two so that a noisy moment hurts both alike.
    app, floor = [], []
    for _ in range(runs):
        app.append(child("app_probe.py", "start")[0])
        floor.append(child("floor.py", "start")[0])
    a, f = statistics.median(app), statistics.median(floor)
    return Row("1. cold start to first painted window", f"{a * 1000:.0f} ms", f"{f * 1000:.0f} ms", a / f,
               "≤ 1.5x", a / f <= 1.5)


def memory(runs: int) -> Row:
    app = [int(value_of(child("app_probe.py", "memory")[1], "maxrss")) for _ in range(runs)]
    floor = [int(value_of(child("floor.py", "memory")[1], "painted")) for _ in range(runs)]
    a, f = statistics.median(app) / 1024, statistics.median(floor) / 1024
    return Row("2. peak memory, operator + 3 displays", f"{a:.1f} MiB", f"{f:.1f} MiB", a / f, "≤ 1.6x",
               a / f <= 1.6)


def cpu(runs: int, seconds: float) -> Row:
    app = [float(value_of(child("app_probe.py", "cpu", str(seconds))[1], "cpu")) for _ in range(runs)]
    floor = [float(value_of(child("floor.py", "cpu", str(seconds))[1], "cpu")) for _ in range(runs)]
    a, f = statistics.median(app), statistics.median(floor)
    return Row(f"3. CPU over {seconds:g} s, show running, all windows", f"{a * 1000:.0f} ms",
               f"{f * 1000:.0f} ms", a / f, "≤ 1.5x", a / f <= 1.5)


def alignment(seconds: float) -> list[Row]:
    lines = child("app_probe.py", "align", str(seconds), timeout=seconds + 120)[1]
    events = json.loads(value_of(lines, "events"))
    lateness = sorted(late for _kind, late, _text in events)
    p99 = lateness[min(len(lateness) - 1, int(len(lateness) * 0.99))] * 1000
    problems = []
    for kind in ("countdown", "clock"):
        texts = [text for k, _late, text in events if k == kind]
        seconds_shown = [_seconds(text) for text in texts]
        step = -1 if kind == "countdown" else 1
        bad = sum(1 for a, b in itertools.pairwise(seconds_shown) if b - a != step)
        problems.append(f"{kind}: {len(texts)} changes, {bad} skipped or repeated")
    skipped = sum(int(p.split(", ")[1].split()[0]) for p in problems)
    return [Row(f"4. repaint lateness after the second, p99 ({len(lateness)} repaints)", f"{p99:.1f} ms",
                "0 ms (the boundary)", None, "< 20 ms", p99 < 20),
            Row("4. seconds skipped or shown twice", "; ".join(problems), "", None, "none", skipped == 0)]


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("+") else 1
    parts = [int(p) for p in text.lstrip("+").split(":")]
    value = 0
    for part in parts:
        value = value * 60 + part
    return value * sign if text.startswith("+") is False else -value


def big_agenda() -> list[Row]:
    from bench.big import generate

    folder = Path(tempfile.mkdtemp(prefix="runofshow-big-"))
    big = generate(folder / "big.yaml")
    small = ROOT / "agenda.yaml"
    b = json.loads(child("big.py", str(big))[1][-1])
    s = json.loads(child("big.py", str(small))[1][-1])
    tick_ratio = b["tick"] / s["tick"]
    return [
        Row(f"5. load + validate {b['slots']} slots", f"{b['load'] * 1000:.0f} ms",
            f"{s['load'] * 1000:.1f} ms ({s['slots']} slots)", b["load"] / s["load"], "(reported)", True),
        Row("5. open the operator window", f"{b['open'] * 1000:.0f} ms", f"{s['open'] * 1000:.0f} ms",
            b["open"] / s["open"], "(reported)", True),
        Row("5. one tick (snapshot + redraw)", f"{b['tick'] * 1e6:.0f} µs", f"{s['tick'] * 1e6:.0f} µs",
            tick_ratio, "≈ 1x (≤ 1.3x)", tick_ratio <= 1.3),
    ]


def websocket_latency(commands: int) -> Row:
    result = json.loads(child("ws_latency.py", "50", str(commands), timeout=300)[1][-1])
    return Row(f"6. command to WebSocket, {result['clients']} clients, p99 ({result['samples']} deliveries)",
               f"{result['p99']:.1f} ms", f"p50 {result['p50']:.1f} ms", None, "< 50 ms", result["p99"] < 50)


def table(rows: list[Row]) -> str:
    header = ("figure", "measured", "baseline", "ratio", "target", "met")
    cells = [header] + [(r.figure, r.value, r.baseline, f"{r.ratio:.2f}x" if r.ratio is not None else "",
                         r.target, "yes" if r.met else "NO") for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer and shorter runs")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    rows = [cold_start(runs), memory(3 if args.quick else 5)]
    rows.append(cpu(1 if args.quick else 3, 10 if args.quick else 30))
    rows.extend(alignment(15 if args.quick else 60))
    rows.extend(big_agenda())
    rows.append(websocket_latency(10 if args.quick else 40))
    print(table(rows))
    sys.exit(0 if all(r.met for r in rows) else 1)


if __name__ == "__main__":
    main()
