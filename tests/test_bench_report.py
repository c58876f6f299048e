"""The bench's own arithmetic: percentiles, rows that can fail, the table, and the breakdown parsers."""

from __future__ import annotations

import math

import pytest

from bench.fair_floor import ms_until_next_second
from bench.profiling import import_times, short, smaps_by_mapping
from bench.report import Row, misses, percentile, ratio_row, table


def test_percentile_is_a_measured_value_by_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]  # 1 … 100
    assert percentile(values, 99) == 99.0
    assert percentile(values, 50) == 50.0
    assert percentile(values, 100) == 100.0
    assert percentile([7.0], 99) == 7.0
    assert percentile([3.0, 1.0, 2.0], 0) == 1.0  # sorted first; never below the smallest
    with pytest.raises(ValueError):
        percentile([], 99)


def test_a_row_over_its_target_is_not_met_and_one_at_it_is() -> None:
    over = ratio_row("memory", 141.0, 100.0, "KiB", 1.4)
    assert not over.met
    assert over.ratio == pytest.approx(1.41)
    assert over.target == "≤ 1.4x"
    assert ratio_row("memory", 140.0, 100.0, "KiB", 1.4).met
    nothing = ratio_row("cpu", 1.0, 0.0, "s", 1.5)  # a baseline of nothing: an infinite ratio, a miss
    assert math.isinf(nothing.ratio or 0.0)
    assert not nothing.met


def test_the_table_lines_up_and_says_which_rows_missed() -> None:
    rows = [Row("1. cold start", "900 ms", "300 ms", 3.0, "≤ 1.5x", False, breakdown=["imports: 600 ms"]),
            Row("8. push", "2.3 KiB", "", None, "≤ 8 KiB", True, also="max 1.0 MiB")]
    text = table(rows)
    lines = text.splitlines()
    assert len(lines) == 4  # header, rule, two rows
    assert len({len(line) for line in lines}) == 1  # every line as wide: the columns line up
    assert "| NO " in lines[2] and "| yes " in lines[3]
    assert "3.00x" in lines[2] and "max 1.0 MiB" in lines[3]
    under = misses(rows)
    assert "1. cold start: missed" in under and "imports: 600 ms" in under
    assert "8. push" not in under


def test_a_miss_says_what_would_close_it_and_every_row_has_such_a_line() -> None:
    from bench.rows import CLOSING

    missed = Row("2. memory", "140 MiB", "80 MiB", 1.75, "≤ 1.4x", False, breakdown=["[anon] 60 MiB"],
                 closing=CLOSING["2"])
    under = misses([missed])
    assert under.splitlines()[-1] == f"    what would close it: {CLOSING['2']}"
    assert sorted(CLOSING, key=int) == [str(n) for n in range(1, 12)]  # rows 1 to 11, none forgotten


def test_the_fair_floor_wakes_just_after_the_next_wall_second() -> None:
    assert ms_until_next_second(100.0) == 1002  # on a whole second: the next one
    assert ms_until_next_second(100.25) == 752
    assert ms_until_next_second(100.999) == 3
    assert ms_until_next_second(1_795_782_471.9995) >= 1  # never zero, never negative


def test_import_times_are_summed_by_package() -> None:
    stderr = "\n".join([
        "import time: self [us] | cumulative | imported package",
        "import time:      1000 |       1000 |   yaml.reader",
        "import time:      2000 |       3000 | yaml",
        "import time:     40000 |      40000 |     runofshow.ui.operator",
        "import time:      5000 |      45000 |   runofshow.app",
        "not an import line",
    ])
    lines = import_times(stderr)
    assert lines[0].startswith("imports: 48 ms in all")
    assert "runofshow 45 ms" in lines[0] and "yaml 3 ms" in lines[0]
    assert lines[1].startswith("slowest runofshow modules: runofshow.ui.operator 40 ms")


def test_smaps_are_grouped_by_library() -> None:
    text = "\n".join([
        "7f00-7f10 r-xp 00000000 08:01 123 /usr/lib/libQt6Gui.so.6.7.0",
        "Rss:                 100 kB",
        "7f10-7f20 r--p 00000000 08:01 123 /usr/lib/libQt6Gui.so.6.7.0",
        "Rss:                  50 kB",
        "5500-5600 rw-p 00000000 00:00 0 [heap]",
        "Rss:                 400 kB",
        "7f30-7f40 rw-p 00000000 00:00 0",
        "Rss:                  30 kB",
    ])
    assert smaps_by_mapping(text) == [("[heap]", 400), ("libQt6Gui.so", 150), ("[anon]", 30)]


def test_paths_are_shortened_for_the_report() -> None:
    assert short("/x/.venv/lib/python3.11/site-packages/aiohttp/web_ws.py") == "aiohttp/web_ws.py"
    assert short("/usr/lib/python3.11/json/encoder.py") == "json/encoder.py"


def test_the_venv_inside_the_project_is_shortened_to_the_package() -> None:
    from bench.profiling import ROOT

    assert short(f"{ROOT}/.venv/lib/python3.11/site-packages/PySide6/__init__.py") == "PySide6/__init__.py"
    assert short(f"{ROOT}/runofshow/ui/canvas.py") == "runofshow/ui/canvas.py"
