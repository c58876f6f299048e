"""The show's history read per slot: what the report and the rundown's "actual" column are made of."""

from __future__ import annotations

from runofshow.core.live import SlotRun


def merge_runs(runs: tuple[SlotRun, ...], into: dict[str, tuple[float, float, float]] | None = None
               ) -> dict[str, tuple[float, float, float]]:
    """Per slot id: first start, last end, and seconds on stage (a slot can run more than once).

    `into`: the merge of the runs before these, added to in place (a slot that ends late in a long show
    costs its own run, not the whole history again)."""
    merged: dict[str, tuple[float, float, float]] = {} if into is None else into
    for run in runs:
        length = max(0.0, run.end - run.start - run.paused)
        if run.slot_id in merged:
            start, _, seconds = merged[run.slot_id]
            merged[run.slot_id] = (start, run.end, seconds + length)
        else:
            merged[run.slot_id] = (run.start, run.end, length)
    return merged
