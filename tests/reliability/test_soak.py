"""A 12-hour show at 1000x with every window open: memory stays flat, nothing is logged as an error."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOURS = 12
SPEED = 1000.0


def twelve_hour_agenda(path: Path) -> Path:
    lines = ["event: {title: Soak, date: 2024-06-01, timezone: Europe/Brussels, warning: 2m}", "slots:"]
    for index in range(HOURS * 4):  # 48 slots of 15 minutes from 08:00 to 20:00
        minutes = 8 * 60 + index * 15
        kind = "break" if index % 8 == 7 else "talk"
        lines.append(f"  - {{id: s{index}, title: Session {index}, kind: {kind}, start: "
                     f"\"{minutes // 60:02d}:{minutes % 60:02d}\", duration: 15m, speakers: [\"Speaker {index}\"]}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_twelve_hour_show_at_1000x_does_not_grow_or_log_errors(tmp_path: Path) -> None:
    agenda = twelve_hour_agenda(tmp_path / "soak.yaml")
    seconds = HOURS * 3600 / SPEED + 3  # the whole show, and a little after
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "app_probe.py"), "soak", str(seconds), str(SPEED),
                           str(agenda)], env=env, capture_output=True, text=True, timeout=seconds + 120,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    report = json.loads(next(line for line in proc.stdout.splitlines() if line.startswith("soak "))[5:])
    assert report["errors"] == []
    assert report["phase"] == "finished"
    assert report["expected_runs"] >= HOURS * 4 - 2 and report["runs"] >= report["expected_runs"]
    samples = report["samples"]  # resident memory (KiB) every half second
    warm = statistics.median(samples[8:14])  # after the first few seconds: imports, fonts, caches filled
    end = statistics.median(samples[-6:])
    growth_mib = (end - warm) / 1024
    print(f"soak: resident memory {warm / 1024:.1f} MiB -> {end / 1024:.1f} MiB ({growth_mib:+.2f} MiB)")
    assert growth_mib < 5.0
