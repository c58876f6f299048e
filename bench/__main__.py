"""`python -m bench`: every figure of issue 15 against a baseline measured in the same run, each with a target.

    python -m bench            # the full set (about 10 minutes on 2 cores)
    python -m bench --quick    # fewer and shorter runs (about 3 minutes)
    python -m bench --only 4,9 # some rows only

Exits 0 only when every row met its target. Under the table, each row that missed says where its time or
memory goes (bench/rows.py, bench/profiling.py).
"""

from __future__ import annotations

import argparse
import compileall
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import rows as r
from bench.big import generate
from bench.report import Row, misses, table


def plan(quick: bool, big: Path) -> list[tuple[str, Callable[[], list[Row]]]]:
    """The rows by number, with the runs and seconds of a full or a quick bench."""
    q = quick
    return [
        ("1", lambda: [r.cold_start(3 if q else 7)]),
        ("2", lambda: r.four_screens(1 if q else 3, 8 if q else 20)),  # rows 2 and 3 share their runs
        ("4", lambda: r.lateness(15 if q else 60)),
        ("5", lambda: [r.check(big, 3 if q else 5)]),
        ("6", lambda: [r.first_answer(big, 2 if q else 3)]),
        ("7", lambda: [r.render_late(big, 1 if q else 3)]),
        ("8", lambda: [r.push_sizes(big, 6 if q else 10)]),
        ("9", lambda: [r.ticks(big, 15 if q else 30, 2 if q else 3)]),
        ("10", lambda: [r.ws_latency(50, 10 if q else 40, 25), r.ws_latency(200, 5 if q else 20, 50)]),
        ("11", lambda: [r.browser_cost(10 if q else 20, 2 if q else 3)]),  # issue 19: the browser views
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer and shorter runs")
    parser.add_argument("--only", default="", help="the rows to run, e.g. 1,4,9 (2 runs 3 too)")
    args = parser.parse_args()
    wanted = {part.strip() for part in args.only.split(",") if part.strip()}
    # Every fresh process below runs from compiled bytecode, as an installed app does after its first run.
    compileall.compile_dir(str(r.ROOT / "runofshow"), quiet=1)
    big = generate(Path(tempfile.mkdtemp(prefix="runofshow-big-")) / "big.yaml")
    rows: list[Row] = []
    began = time.perf_counter()
    for number, measure in plan(args.quick, big):
        if wanted and number not in wanted and not (number == "2" and "3" in wanted):
            continue
        try:
            found = measure()
        except Exception as exc:  # a probe that breaks is a row that failed, and the others still run
            found = [Row(f"{number}. (the probe failed)", f"{type(exc).__name__}", "", None, "runs", False,
                         breakdown=str(exc).splitlines()[-12:])]
        for row in found:
            if not row.met and not row.closing:
                row.closing = r.CLOSING.get(row.figure.split(".", 1)[0], "")  # its own number: 2 runs 3 too
        rows.extend(found)
        print(f"[{time.perf_counter() - began:5.0f} s] row {number}: "
              + "; ".join(f"{row.value} ({'met' if row.met else 'MISSED'})" for row in found), file=sys.stderr,
              flush=True)
    print(table(rows))
    if not all(row.met for row in rows):
        print("\nWhere the time or memory goes, for each row that missed:\n" + misses(rows))
    print(f"\n({time.perf_counter() - began:.0f} s)")
    sys.exit(0 if rows and all(row.met for row in rows) else 1)


if __name__ == "__main__":
    main()
