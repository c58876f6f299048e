"""Small pure helpers about time: display rounding, formatting, and when the display next changes."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo

from runofshow.core import words


def countdown_seconds(remaining: float) -> tuple[int, bool]:
    """Whole seconds to show for `remaining`, and whether they count up (over time).

    Rounded up while time remains, so `00:00` appears exactly when time is up and lasts one
    second; then `+00:01` counts up. Never `-00:00`, never `00:00` twice.
    """
    if remaining > 0:
        return math.ceil(remaining), False
    over = math.floor(-remaining)
    return over, over > 0


def format_clock(seconds: int) -> str:
    """`MM:SS`, or `H:MM:SS` from an hour up."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def format_countdown(remaining: float) -> str:
    """What a countdown shows: `12:34` while time remains, `00:00` once, then `+00:01`, `+00:02`..."""
    seconds, over = countdown_seconds(remaining)
    return ("+" if over else "") + format_clock(seconds)


def whole_seconds(value: float) -> int:
    """The one rounding of every figure shown beside another (drift, projected end, a target's time):
    to the nearest second, a half second away from zero, so `+0.5` and `-0.5` both show as one second
    and a figure and the time of day it moves (drift, projected end) never disagree by one."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def format_drift(drift: float) -> str:
    """`4:30 behind`, `2:00 ahead`, or `on time` (drift in seconds, positive = behind plan)."""
    seconds = whole_seconds(drift)
    if seconds == 0:
        return words.ON_TIME
    return words.drift_words(format_short(abs(seconds)), behind=seconds > 0)


def format_short(seconds: int) -> str:
    """`4:30`, `12:05` or `1:02:03`: like format_clock without a leading zero."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_time_of_day(moment: datetime) -> str:
    """A time a show announces ('back at', 'starts at'): `15:10` on the minute, else `15:11:30`.

    Never cut to the minute: a countdown ending at 15:11:30 must not be announced as 15:11 (early) or
    15:12 (the countdown would already be over). Snapshots hold such times in whole seconds already.
    """
    return f"{moment:%H:%M}" if moment.second == 0 else f"{moment:%H:%M:%S}"


def until_next_whole_second(value: float) -> float:
    """Seconds until `value` (which grows or shrinks one per second) next crosses a whole number."""
    fraction = value - math.floor(value)
    return 1.0 if fraction == 0 else fraction


def until_next_wall_second(wall: float) -> float:
    """Seconds until the wall clock's next second boundary."""
    fraction = wall - math.floor(wall)
    return 1.0 - fraction if fraction else 1.0


def earliest(candidates: Iterable[float | None], fallback: float) -> float:
    """The smallest positive candidate, or the fallback when there is none."""
    positive = [c for c in candidates if c is not None and c > 0]
    return min(positive) if positive else fallback


def until_display_changes(
    wall: float, remaining: float | None, cue_remaining: float | None, target_remaining: float | None,
    flash_left: float | None,
) -> float:
    """Show seconds until anything a display shows changes: the clock's second, a countdown's second
    (slot, cue, or the countdown to the next start), or the end of a flash. Pass None for what is
    not counting (nothing running, paused)."""
    candidates = [until_next_wall_second(wall), flash_left]
    candidates += [until_next_whole_second(v) for v in (remaining, cue_remaining, target_remaining) if v is not None]
    return earliest(candidates, 1.0)


def local_datetime(epoch: float, tz: tzinfo) -> datetime:
    """An epoch second as an aware datetime in the event's zone."""
    return datetime.fromtimestamp(epoch, tz)


def planned_epoch(anchor: date, event_date: date, planned: datetime, tz: tzinfo) -> float:
    """Epoch seconds of a planned moment, moved onto the day the show runs.

    The agenda's calendar dates count only as days after the event's first day: a plan written for
    30 November and rehearsed on 29 November keeps its times of day on the 29th. The time of day is
    resolved in the zone on *that* day, as the loader reads one: a time the day skips (spring forward)
    is read forward by the size of the gap, and a time the day lives twice (fall back) keeps the
    planned moment's `fold` (0, the first, unless the plan's own time was the second one).
    """
    if anchor == event_date and planned.tzinfo is tz and not planned.microsecond:
        return planned.timestamp()  # played on its own dates: the very moment written (the first draw of a
        # 5,000-slot plan asks 10,000 times, and this is a third of the cost of the general case below)
    day = anchor + (planned.date() - event_date)
    local = time(planned.hour, planned.minute, planned.second, fold=planned.fold)
    return datetime.combine(day, local, tzinfo=tz).timestamp()



def shift_date(day: date, days: int) -> date:
    return day + timedelta(days=days)
