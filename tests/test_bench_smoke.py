"""The bench's probes must not rot: the paint-lateness probe, run for a moment on the four offscreen screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.lateness import Flip, judge

ROOT = Path(__file__).resolve().parent.parent


def test_the_align_probe_times_real_paints_of_both_displays_on_their_screens() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={ROOT / 'bench' / 'four_screens.json'}",
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "app_probe.py"), "align", "1.5"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in proc.stdout.splitlines()}
    screens = json.loads(lines["screens"])
    assert screens["operator"] == ["LAPTOP", False]
    assert screens["projector"] == ["HDMI-1", True]
    assert screens["stage"] == ["HDMI-2", True]
    assert screens["moderator"] == ["HDMI-3", True]
    flips = [Flip(**item) for item in json.loads(lines["flips"])]
    seen = {(flip.display, flip.kind) for flip in flips}
    assert {("stage", "countdown"), ("stage", "clock"), ("moderator", "countdown"), ("moderator", "clock")} <= seen
    # Each paint was matched to the second its text belongs to (a wrong boundary would be seconds or days off).
    assert all(-1.0 < flip.lateness < 1.0 for flip in flips), [flip.lateness for flip in flips]
    assert judge(flips).flips == len(flips)
    go_paints = json.loads(lines["go_paints"])
    assert len(go_paints) == 2 and all(0 <= late < 5 for late in go_paints)  # GO to paint, on stage and moderator
