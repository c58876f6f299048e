"""`runofshow check`: a summary and exit 0, or every problem on stderr and exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from runofshow.cli import main

BAD = Path(__file__).parent / "data" / "bad"


def test_check_passes_on_the_bundled_agenda(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(": ok: 10 slots, 2023-11-30 13:30 to 2023-11-30 17:00 (3h30m), time zone Europe/Brussels\n")


def test_check_reports_every_problem_and_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("event:\n  title: x\n  date: 2023-11-30\n  timezone: Nowhere\nslots:\n"
                   "  - {title: A, start: 25:00, end: 10:00}\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{bad}:4:13: unknown time zone 'Nowhere' (use an IANA name like Europe/Brussels)",
        f"{bad}:6:23: start: '25:00' is not a time of day (hours 0-23, minutes and seconds 0-59)",
        f"{bad}: 2 problems; the agenda was not loaded",
    ]


def test_check_prints_notes_but_still_passes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gap = tmp_path / "gap.yaml"
    gap.write_text("event: {title: x, date: 2023-11-30, timezone: UTC}\nslots:\n"
                   "  - {title: A, start: 10:00, end: 10:10}\n  - {title: B, start: 10:20, end: 10:30}\n",
                   encoding="utf-8")
    assert main(["check", str(gap)]) == 0
    captured = capsys.readouterr()
    assert "note: a gap of 10m between 'A' and 'B'" in captured.err
    assert "ok: 2 slots" in captured.out


@pytest.mark.parametrize("path", sorted(BAD.iterdir()), ids=lambda p: p.name)
def test_no_bad_file_produces_a_traceback(path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "runofshow", "check", str(path)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{path}:")
