"""What the operator types for a slot's length, start and people, read into a plan command's arguments."""

from __future__ import annotations

import re

from runofshow.core.timeparse import parse_clock_time

_LENGTH = re.compile(r"^(?:(\d{1,2}):)?(\d{1,4})(?::(\d{2}))?$")
_THREE_DIGITS = re.compile(r"^\d{3}$")


def parse_length(text: str, *, zero: bool = False) -> int | None:
    """Seconds from '15' (minutes), '15:00' (minutes:seconds), '1:30:00' or '90 min'; None if unreadable.

    A length is never zero (a warning may be, with `zero`). One number is minutes, as a running order says.
    """
    cleaned = text.strip().lower().removesuffix("min").removesuffix("m").strip()
    match = _LENGTH.match(cleaned)
    if match is None:
        return None
    first, second, third = match.groups()
    if third is None:
        seconds = int(second) * 60 if first is None else int(first) * 60 + int(second)
        if first is not None and int(second) >= 60:
            return None
    else:
        if first is None or int(second) >= 60 or int(third) >= 60:
            return None
        seconds = int(first) * 3600 + int(second) * 60 + int(third)
    return seconds if seconds > 0 or zero else None


def parse_time_of_day(text: str) -> str | None:
    """'HH:MM' from '9:05', '09:05', '9.05', '0905', '905', '9h05' or '9.05 pm'; None if it is not a time of day.

    The one reader of clock times (`parse_clock_time`, as programmes write them); in a time field three
    digits are a time too ('905' is 09:05), where a programme's text would read them as a number.
    """
    typed = text.strip()
    when = parse_clock_time("0" + typed if _THREE_DIGITS.match(typed) else typed)
    if when is None:
        return None
    return when.strftime("%H:%M:%S" if when.second else "%H:%M")


def person_line(name: str, role: str, organisation: str) -> str:
    """One person as the plan commands take it, read back by Person.from_line into the same three parts."""
    if role and organisation:
        return f"{name}, {role}, {organisation}"
    if role:
        return f"{name}, {role},"  # the empty last part keeps the role a role
    if organisation:
        return f"{name}, {organisation}"
    return name
