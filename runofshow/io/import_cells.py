"""The cells of a running order, read: times, lengths, dates, people, cues, yes/no (for `import_sheet`).

A cell is what a CSV gives (text) or what a workbook gives (a number, a date, a time, a duration). People
in one cell: one per line or per `;` part, each read by `Person.from_line`; a part written
`Name | Role | Organisation` is read whole, commas and all (the CSV export writes a person so when one line
would not read back the same). A cue: `3m Opening statement — Ståle Moe, Tellu AS` (the length, the title,
and after ` — ` the speaker).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from runofshow.core.agenda import Cue, Person
from runofshow.core.timeparse import parse_clock_time, parse_duration
from runofshow.io.import_when import find_date, read_slot_times

__all__ = [
    "CUE_SPEAKER",
    "PERSON_PARTS",
    "Cell",
    "as_date",
    "cell_text",
    "clock_or_range",
    "cue_in",
    "day_fraction_length",
    "is_empty",
    "only_a_date",
    "parse_day",
    "parse_length",
    "people_in",
    "person_in",
    "read_flag",
    "workbook_cell",
]

Cell = str | int | float | bool | datetime | date | time | timedelta | None
CUE_SPEAKER = " — "  # between a cue's title and its speaker in a Cues cell
PERSON_PARTS = " | "  # Name | Role | Organisation: a person read whole, commas and all
_TRUE = {"yes", "y", "true", "x", "1", "✓", "✔", "hard", "skip", "skipped"}
_FALSE = {"", "no", "n", "false", "0", "-"}
_CLOCK_LENGTH = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_MINUTES = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:m|min|mins|minute|minutes|')?$", re.IGNORECASE)
_HOURS = re.compile(r"^(\d+)\s*h(?:ours?|rs?)?\s*(\d{1,2})?\s*(?:m|min|mins|minutes)?$", re.IGNORECASE)
_SPREADSHEET_EPOCH_YEARS = (1899, 1900)  # a time cell that Excel stored with its day zero: no real date


def people_in(text: str) -> list[Person]:
    """The people in one cell: one per line or per `;` part (`Name | Role | Organisation` read whole)."""
    return [person for person in (person_in(part) for part in re.split(r"[;\n]", text)) if person is not None]


def person_in(text: str) -> Person | None:
    """One person: `Name, role, organisation` as `Person.from_line` reads it, or `Name | Role | Organisation`."""
    text = " ".join(text.split())
    if "|" in text:
        name, role, organisation = ([piece.strip() for piece in text.split("|")] + ["", ""])[:3]
        return Person(name, role, organisation) if name else None
    return Person.from_line(text) if text else None


def cue_in(line: str) -> Cue | None:
    """`3m Opening statement — Ståle Moe, Tellu AS`: the length, the title, and the speaker after ` — `."""
    length_text, _, rest = line.strip().partition(" ")
    seconds = parse_length(length_text)
    title, _, speaker_text = rest.partition(CUE_SPEAKER)
    if seconds is None or seconds <= 0 or not title.strip():
        return None
    return Cue(" ".join(title.split()), seconds, person_in(speaker_text))


def parse_length(cell: Cell) -> int | None:
    """Seconds from a length cell: 15 (minutes), 15m, 15 min, 1h30m, 1h 30, 0:15 or 00:15:00 (h:mm[:ss]),
    or a time or duration cell; None when it is not a length."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, timedelta):
        return round(cell.total_seconds())
    if isinstance(cell, datetime):
        return None
    if isinstance(cell, time):
        return cell.hour * 3600 + cell.minute * 60 + cell.second
    if isinstance(cell, (int, float)):
        return round(cell * 60)
    if not isinstance(cell, str):
        return None
    text = cell.strip()
    clock = _CLOCK_LENGTH.match(text)
    if clock:
        hours, minutes, seconds = clock.groups()
        if int(minutes) > 59 or int(seconds or 0) > 59:
            return None
        return int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0)
    minutes_only = _MINUTES.match(text)
    if minutes_only:
        return round(float(minutes_only.group(1).replace(",", ".")) * 60)
    hours_form = _HOURS.match(text)
    if hours_form:
        return int(hours_form.group(1)) * 3600 + int(hours_form.group(2) or 0) * 60
    try:
        return parse_duration(text.lower().replace("mins", "m").replace("minutes", "m").replace("min", "m"))
    except ValueError:
        return None


_FRACTION = re.compile(r"^0?[.,]\d+$")


def day_fraction_length(cell: Cell) -> int | None:
    """A length cell holding a plain number below 1 (0.0208): Excel's fraction of a day shown without a time
    format, in seconds to the minute (0.0208 -> 1800); None for anything else (15 is 15 minutes)."""
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        return None
    if isinstance(cell, str):
        if not _FRACTION.match(cell.strip()):
            return None
        cell = float(cell.strip().replace(",", "."))
    if not 0 < cell < 1:
        return None
    return round(cell * 24 * 60) * 60 or None


def parse_day(text: str) -> date | None:
    """A date as a programme writes one (2023-11-30, 30/11/2023, Thursday 30 November 2023, November 30,
    2023: `import_when.find_date`, the programme-text reader's); None when the text holds none with a year."""
    found = find_date(text)
    return found.day if found is not None else None


def only_a_date(text: str) -> bool:
    """Whether the text is a date and nothing more ("Thursday 30 November 2023", "Day 2 – 1 May 2025")."""
    found = find_date(text)
    if found is None or found.day is None:
        return False
    rest = text[:found.start] + text[found.end:]
    return not re.sub(r"\bday\s*\d*\b", "", rest, flags=re.IGNORECASE).strip(" ,.:-–—()\t")


def clock_or_range(cell: Cell) -> tuple[time | None, time | None, date | None]:
    """A start cell: a time, a date and time, or a range "9:30-10:00" (its start and end)."""
    if isinstance(cell, datetime):
        day = None if cell.year in _SPREADSHEET_EPOCH_YEARS else cell.date()
        return cell.time().replace(microsecond=0), None, day
    if isinstance(cell, time):
        return cell.replace(microsecond=0), None, None
    if isinstance(cell, float) and 0 <= cell < 1:  # a time stored as a fraction of a day, without a format
        seconds = round(cell * 86400)
        return time(seconds // 3600, seconds % 3600 // 60, seconds % 60), None, None
    text = cell_text(cell).strip()
    single = parse_clock_time(text)
    if single is not None:
        return single, None, None
    times = read_slot_times(text)  # a range, "9:30-10:00", "9.30 am – 10.15 am", as programme text writes it
    if times is not None and times.end is not None and not times.rest:
        return times.start, times.end, None
    return None, None, None


def workbook_cell(value: object) -> Cell:
    """A workbook value as a cell: numbers, text, dates and times kept; rich text and the like as their text."""
    if value is None or isinstance(value, (str, bool, int, float, datetime, date, time, timedelta)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def read_flag(cell: Cell) -> bool | None:
    if isinstance(cell, bool):
        return cell
    text = cell_text(cell).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ", timespec="minutes")
    if isinstance(cell, time):
        return cell.strftime("%H:%M")
    return str(cell)


def is_empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def as_date(cell: datetime | date) -> date:
    return cell.date() if isinstance(cell, datetime) else cell
