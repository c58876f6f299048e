"""Repaint lateness, from the paints of the displays: each changed digit against the second it belongs to.

Pure arithmetic, so that it can be tested alone. A flip is one paint that put a new countdown or clock text on
a display. Its boundary is worked out from the text itself:

- a countdown text `v` (`12:34`, `00:00`, `+00:05`) is right from the instant the remaining time reaches it,
  counted from the engine's start of the slot: `started + duration - v` (`+` counts as negative), until a
  second later;
- a clock text `HH:MM:SS` is right from that wall second, in the event's zone, until a second later.

A flip's lateness is its paint instant minus its boundary. It must lie in [0, 1) s: a negative one is an
early flip (the new digit shown before its second), one of a second or more shows a digit already wrong.
Neither is ever folded back into [0, 1): that is how the old bench printed 999 ms for a flip 1 ms early.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from bench.report import percentile

DAY = 86400
_COUNTDOWN = re.compile(r"^(\+?)(?:(\d+):)?(\d{1,2}):(\d{2})$")
_CLOCK = re.compile(r"^(\d{2}):(\d{2}):(\d{2})$")


def countdown_value(text: str) -> int:
    """The signed seconds a countdown text shows: `01:05` is 65, `00:00` is 0, `+00:03` is -3."""
    match = _COUNTDOWN.match(text)
    if match is None:
        raise ValueError(f"not a countdown: {text!r}")
    over, hours, minutes, seconds = match.groups()
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return -value if over else value


def countdown_boundary(text: str, started: float, duration: float) -> float:
    """The timeline instant from which a slot started at `started` (engine) shows `text`."""
    return started + duration - countdown_value(text)


def clock_boundary(text: str, wall: float, tz: tzinfo) -> float:
    """The wall instant that starts the second `text` (HH:MM:SS in `tz`) nearest to `wall` (across midnight too)."""
    match = _CLOCK.match(text)
    if match is None:
        raise ValueError(f"not a clock: {text!r}")
    hour, minute, second = (int(part) for part in match.groups())
    local = datetime.fromtimestamp(wall, tz)
    boundary = local.replace(hour=hour, minute=minute, second=second, microsecond=0).timestamp()
    if boundary - wall > DAY / 2:
        boundary -= DAY
    elif wall - boundary > DAY / 2:
        boundary += DAY
    return boundary


def step_of(kind: str, before: str, after: str) -> int:
    """How many seconds a display moved from one text to the next (1 when none was skipped or repeated)."""
    if kind == "countdown":
        return countdown_value(before) - countdown_value(after)
    b, a = (int(h) * 3600 + int(m) * 60 + int(s) for h, m, s in (before.split(":"), after.split(":")))
    return (a - b) % DAY


@dataclass(frozen=True)
class Flip:
    """A paint that put a new text on a display: `at` is the paint's instant on the clock the text counts by
    (the timeline for a countdown, the wall clock for the clock), `snapshot` that of the snapshot painted."""

    display: str
    kind: str  # "countdown" or "clock"
    text: str
    at: float
    boundary: float
    snapshot: float

    @property
    def lateness(self) -> float:
        return self.at - self.boundary


@dataclass(frozen=True)
class Judgement:
    flips: int
    p99_ms: float | None  # over every flip not early (None when there is none)
    early: int  # painted before their second: each one a failure
    stale: int  # painted a second or more after their second: each one a failure
    steps: dict[tuple[str, str], tuple[int, int]]  # (display, kind) -> (changes, skipped or repeated)

    @property
    def on_time(self) -> bool:
        return self.flips > 0 and self.early == 0 and self.stale == 0 and (self.p99_ms or 0.0) < 20.0

    @property
    def bad_steps(self) -> int:
        return sum(bad for _changes, bad in self.steps.values())


def judge(flips: Sequence[Flip]) -> Judgement:
    late = [f.lateness for f in flips if f.lateness >= 0]
    early = sum(1 for f in flips if f.lateness < 0)
    stale = sum(1 for f in flips if f.lateness >= 1.0)
    steps: dict[tuple[str, str], tuple[int, int]] = {}
    for key, group in itertools.groupby(sorted(flips, key=lambda f: (f.display, f.kind, f.at)),
                                        key=lambda f: (f.display, f.kind)):
        texts = [f.text for f in group]
        bad = sum(1 for a, b in itertools.pairwise(texts) if step_of(key[1], a, b) != 1)
        steps[key] = (len(texts), bad)
    return Judgement(len(flips), percentile(late, 99) * 1000 if late else None, early, stale, steps)


def worst(flips: Sequence[Flip], count: int = 5) -> list[str]:
    """The latest (and any early) flips, each split into the wake-up (snapshot after the boundary) and the
    paint (after the snapshot): where a late digit lost its time."""
    chosen = sorted(flips, key=lambda f: -abs(f.lateness))[:count]
    return [f"{f.display} {f.kind} {f.text}: {f.lateness * 1000:+.1f} ms = snapshot "
            f"{(f.snapshot - f.boundary) * 1000:+.1f} ms after the boundary + paint "
            f"{(f.at - f.snapshot) * 1000:+.1f} ms after the snapshot" for f in chosen]
