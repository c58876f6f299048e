"""Clocks. SystemClock is the only code in runofshow that reads the operating system's clock.

An `Instant` carries two readings. `t` is the show's timeline: seconds since the epoch, set from
the wall clock once when the clock is made and advanced by the monotonic clock after that, so a
wall-clock jump (NTP, a manual change, DST) never moves a running countdown. Across a restart `t`
is re-anchored to the wall clock, which is what lets a show replayed from its journal carry on
"as if it had kept running". `wall` is the plain wall clock, used for the time of day.

A clock corrected after launch (NTP, a manual change) moves `wall` against `t`. Countdowns keep going by
`t` alone; the plan (planned starts, drift, targets, roll mode) goes by `plan`, which is `t` moved by that
correction once it passes `CORRECTION_THRESHOLD`. Both come from the two readings an `Instant` carries,
so an instant rebuilt from the journal's `t` and `wall` gives the very same plan maths on replay.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

# How far the wall clock may wander from the show timeline before the plan follows it (seconds): the
# monotonic and wall clocks drift apart by milliseconds over a show; a correction is a step of seconds.
CORRECTION_THRESHOLD = 1.0


@dataclass(frozen=True, order=True)
class Instant:
    t: float  # the show timeline (epoch seconds, monotonic within a run)
    wall: float  # the operating system's wall clock (epoch seconds), for the time of day only

    @property
    def correction(self) -> float:
        """How far the wall clock has been corrected against the timeline: `wall - t` past the threshold."""
        moved = self.wall - self.t
        return moved if abs(moved) > CORRECTION_THRESHOLD else 0.0

    @property
    def plan(self) -> float:
        """The moment to hold against the plan's epochs: the timeline on the corrected wall clock.

        A timeline value `v` (a start, an end) is `v + correction` on the plan; a planned epoch `p` is
        `p - correction` on the timeline.
        """
        return self.t + self.correction

    def later(self, seconds: float) -> Instant:
        """The instant `seconds` further on, on both clocks."""
        return Instant(self.t + seconds, self.wall + seconds)


class Clock(Protocol):
    """Where `now` comes from. `speed` is show seconds per real second (1, or more in a rehearsal)."""

    speed: float

    def now(self) -> Instant: ...


class SystemClock:
    """The real clock: `t` from the monotonic clock, anchored to the wall clock at creation."""

    speed = 1.0

    def __init__(self) -> None:
        self._anchor_wall = time.time()
        self._anchor_mono = time.monotonic()

    def now(self) -> Instant:
        return Instant(self._anchor_wall + (time.monotonic() - self._anchor_mono), time.time())


class FakeClock:
    """A clock that moves only when told to: for tests, and the base of rehearsal clocks."""

    speed = 1.0

    def __init__(self, start: float) -> None:
        self._now = Instant(start, start)

    def now(self) -> Instant:
        return self._now

    def advance(self, seconds: float) -> Instant:
        """Let time pass on both clocks."""
        self._now = self._now.later(seconds)
        return self._now

    def jump_wall(self, seconds: float) -> Instant:
        """Move only the wall clock, as NTP or a manual change would."""
        self._now = Instant(self._now.t, self._now.wall + seconds)
        return self._now


class ScaledClock:
    """Time running `speed` times faster than `base`, from the moment the clock is made (rehearsals)."""

    def __init__(self, base: Clock, speed: float, start: float | None = None, origin: float | None = None) -> None:
        """`start` is the show time at `origin` (a reading of the base clock's `t`; default: now).

        Passing the origin of an earlier run lets a restarted rehearsal carry on where it would be.
        """
        self._base = base
        self.speed = speed
        self.origin = base.now().t if origin is None else origin
        self.start = self.origin if start is None else start

    def restart(self, start: float) -> None:
        """Show `start` now, and run on from there."""
        self.origin = self._base.now().t
        self.start = start

    def now(self) -> Instant:
        real = self._base.now()
        shown = self.start + (real.t - self.origin) * self.speed
        return Instant(shown, shown)
