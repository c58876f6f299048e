"""Parsing the time and duration notations of the agenda format.

Pure string functions, so the loader, the command line and the engine's callers share one
notion of what `13:30`, `00:30 +1d` or `1h30m` mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from runofshow.core import words

_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:\+\s*(\d+)\s*d)?\s*$")
_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$")
_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
# A clock time as people write it: 9:30, 09.30, 9h30, 0930, 9.30 am, 9 pm, 9:30:15, 12 noon.
_CLOCK = re.compile(
    r"^(\d{1,2})(?:\s*[:.hH]\s*(\d{2})(?:[:.](\d{2}))?|(\d{2}))?\s*(?:([aApP])\.?\s*[mM]\.?|((?i:noon|midnight)))?$"
)
_NOON_OR_MIDNIGHT = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}  # `Noon – 1 p.m.`


@dataclass(frozen=True)
class TimeOfDay:
    """A planned time as written: a time of day and how many days after the slot's day."""

    time: time
    days_later: int = 0


def parse_time_of_day(text: str) -> TimeOfDay:
    """Parse `HH:MM`, `HH:MM:SS`, optionally followed by `+1d` (the next day).

    Raises ValueError with a message fit for the user.
    """
    match = _TIME.match(text)
    if not match:
        raise ValueError(words.not_a_time(text))
    hours, minutes, seconds, days = match.groups()
    hour, minute, second = int(hours), int(minutes), int(seconds or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(words.time_out_of_range(text))
    return TimeOfDay(time(hour, minute, second), int(days or 0))


def parse_clock_time(text: str) -> time | None:
    """A time of day from the ways programmes and spreadsheets write one, None if it is not one.

    `9:30`, `09:30`, `09.30`, `9h30`, `0930`, `9.30 am`, `9:30 p.m.`, `9 pm`, `9:30:15`, `12 noon`, `Noon`,
    `Midday`, `midnight`. A bare number without minutes needs am/pm (`9` alone is a count, not a time);
    `12 am` is midnight.
    """
    text = text.strip().replace("\u202f", " ").replace("\xa0", " ")
    if text.lower() in _NOON_OR_MIDNIGHT:
        return _NOON_OR_MIDNIGHT[text.lower()]
    match = _CLOCK.match(text)
    if match is None:
        return None
    hours, minutes, seconds, packed, half, word = match.groups()
    hour = int(hours)
    minute = int(minutes or packed or 0)
    second = int(seconds or 0)
    if minutes is None and packed is None and half is None and word is None:
        return None
    if packed is not None and len(hours) != 2:  # 0930 and 2145, not 930 (read "9:30" only with a separator)
        return None
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    elif word is not None:
        if hour != 12 or minute or second:
            return None
        hour = 12 if word.lower() == "noon" else 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def parse_duration(text: str) -> int:
    """Parse `15m`, `1h30m`, `90s`, `1h 5m 30s` into whole seconds.

    Raises ValueError with a message fit for the user.
    """
    match = _DURATION.match(text)
    if not text.strip() or not match or not any(match.groups()):
        raise ValueError(words.not_a_duration(text))
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def parse_date(text: str) -> date:
    """Parse an ISO date `YYYY-MM-DD`. Raises ValueError with a message fit for the user."""
    match = _DATE.match(text)
    if not match:
        raise ValueError(words.not_a_date(text))
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        raise ValueError(words.impossible_date(text, str(exc))) from None


def format_duration(seconds: int) -> str:
    """The compact form the agenda format uses: 15m, 1h30m, 90s -> 1m30s."""
    seconds = int(seconds)
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{value}{unit}" for value, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if value]
    return sign + ("".join(parts) or "0m")
