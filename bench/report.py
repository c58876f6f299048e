"""The bench's table: one Row per figure, each with a target it can miss, and the arithmetic they share."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Row:
    """One figure: what was measured, against what, and whether it met its target."""

    figure: str
    value: str
    baseline: str
    ratio: float | None
    target: str
    met: bool
    also: str = ""  # a second baseline beside the first (e.g. the one-label floor), for information
    breakdown: list[str] = field(default_factory=list)  # where the time or memory goes, printed on a miss
    closing: str = ""  # what would close a miss (the team's reading of such breakdowns), printed under it


def ratio_row(figure: str, value: float, baseline: float, unit: str, limit: float, *, target: str = "",
              also: str = "") -> Row:
    """A figure as a ratio to its baseline from the same run: met when the ratio is at most `limit`."""
    ratio = value / baseline if baseline > 0 else math.inf
    return Row(figure, fmt(value, unit), fmt(baseline, unit), ratio, target or f"≤ {limit:g}x",
               ratio <= limit, also)


def fmt(value: float, unit: str) -> str:
    """A measured value in its unit: seconds as ms, KiB as MiB, bytes as KiB."""
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value >= 0.01 else f"{value * 1000:.2f} ms"
    if unit == "KiB":
        return f"{value / 1024:.1f} MiB"
    if unit == "B":
        return f"{value / 1024:.1f} KiB"
    return f"{value:g} {unit}"


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100): a value that was measured, never one interpolated."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = math.ceil(q / 100 * len(ordered))
    return ordered[min(len(ordered), max(rank, 1)) - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def table(rows: Sequence[Row]) -> str:
    header = ("figure", "measured", "baseline", "ratio", "target", "met", "also")
    with_also = any(row.also for row in rows)
    cells = [header if with_also else header[:-1]]
    for r in rows:
        line = (r.figure, r.value, r.baseline, _ratio(r.ratio), r.target, "yes" if r.met else "NO", r.also)
        cells.append(line if with_also else line[:-1])
    widths = [max(len(c[i]) for c in cells) for i in range(len(cells[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _ratio(ratio: float | None) -> str:
    if ratio is None:
        return ""
    return "inf" if math.isinf(ratio) else f"{ratio:.2f}x"


def misses(rows: Sequence[Row]) -> str:
    """Under the table: for each row that missed, what its time or memory is made of."""
    parts = []
    for row in rows:
        if not row.met:
            lines = row.breakdown or ["(no breakdown measured)"]
            if row.closing:
                lines = [*lines, f"what would close it: {row.closing}"]
            parts.append(f"{row.figure}: missed ({row.value}, target {row.target})\n"
                         + "\n".join("    " + line for line in lines))
    return "\n".join(parts)
