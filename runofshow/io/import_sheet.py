"""A running order from a spreadsheet (CSV or XLSX) -> an import draft.

A sheet has a header row: the first row naming a title column (Title, Item, Session …) and a time or
length column (Start, Time, End, Duration …). Rows above it may hold the event: its title on a line of
its own, or `Date`, `Time zone`, `Venue`, `Address`, `Organiser`, `Description`, `Topic` with the value
beside the word (or after a colon in the same cell). The recognised columns are listed in `_FIELDS`;
every other column with a header is a crew column (Audio, Video, Lights …), in the sheet's order.

A row is a slot; an empty row is skipped; a row holding only a date is a day heading for the rows after
it. A row with a title and no time it can read, and every cell it cannot read, is reported with the row's
number (rows are numbered as the spreadsheet numbers them: the first row is 1).

How each cell is read (times, lengths, dates, people, cues) is in `import_cells`. Over 400 lines and not
split further: it is one reader walking one sheet from the top (the event's rows, the header, the slots),
each step reporting at its own row.
"""

from __future__ import annotations

import csv
import io
import re
import zoneinfo
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from runofshow.core.agenda import Cue, SlotKind
from runofshow.io.import_cells import (
    Cell,
    as_date,
    cell_text,
    clock_or_range,
    cue_in,
    is_empty,
    only_a_date,
    parse_day,
    parse_length,
    people_in,
    read_flag,
    workbook_cell,
)
from runofshow.io.import_draft import DraftSlot, ImportDraft

__all__ = ["MAX_ROWS", "SheetReadError", "read_csv", "read_rows", "read_xlsx"]


MAX_ROWS = 20_000  # a running order is a few hundred rows; more is not one (and would only be slow)
MAX_COLUMN_NAME = 40


class SheetReadError(ValueError):
    """The file cannot be read as a spreadsheet at all (not CSV text, not an XLSX workbook)."""


# Each field the importer understands, and the header names it is known by (compared in lower case,
# without punctuation or a bracketed unit: "Speaker(s)", "Duration (min)", "Start time:").
_FIELDS: dict[str, tuple[str, ...]] = {
    "start": ("start", "start time", "starts", "starting", "from", "begin", "begins", "begin time", "time",
              "time slot", "timeslot", "when"),
    "end": ("end", "end time", "ends", "until", "till", "to", "finish", "finish time", "finishes", "stop"),
    "duration": ("duration", "length", "mins", "minutes", "min", "dur", "running time", "runtime"),
    "title": ("title", "item", "session", "segment", "topic", "what", "session title", "programme item",
              "program item", "agenda item", "activity", "description of item"),
    "speakers": ("speaker", "speakers", "presenter", "presenters", "who", "presented by", "speaker s"),
    "moderator": ("moderator", "chair", "moderated by", "chaired by", "chairperson"),
    "panellists": ("panellists", "panelists", "panellist", "panelist", "panel members"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "remark"),
    "kind": ("kind", "type", "slot type"),
    "date": ("date", "day"),
    "id": ("id", "slot id"),
    "warning": ("warning", "warn"),
    "hard": ("hard", "hard start", "fixed"),
    "skip": ("skip", "skipped"),
    "cues": ("cues", "cue list", "segments"),
}
_HEADER_NAMES = {name: field for field, names in _FIELDS.items() for name in names}
_TITLE_FIELDS = {"title"}
_TIME_FIELDS = {"start", "end", "duration"}

# The words that, above the header, name a part of the event.
_EVENT_KEYS: dict[str, str] = {
    "event": "title", "title": "title", "event title": "title", "name": "title", "programme": "title",
    "program": "title", "date": "date", "day": "date", "event date": "date", "time zone": "timezone",
    "timezone": "timezone", "tz": "timezone", "zone": "timezone", "venue": "venue", "where": "venue",
    "location": "venue", "place": "venue", "address": "address", "venue address": "address",
    "organiser": "organiser", "organizer": "organiser", "organised by": "organiser", "organized by": "organiser",
    "host": "organiser", "description": "description", "about": "description", "topic": "topic",
    "topics": "topic",
}


# -- the two file kinds ---------------------------------------------------------------------------


def read_csv(path: Path) -> ImportDraft:
    """A CSV (or tab-separated) running order: `,`, `;` or tab, UTF-8 with or without BOM, else cp1252."""
    text = _decode(path.read_bytes())
    if "\x00" in text:
        raise SheetReadError(f"{path}: is not a CSV text file (it holds binary data)")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return read_rows(list(rows[:MAX_ROWS]), path)


def read_xlsx(path: Path) -> ImportDraft:
    """An XLSX running order: the first sheet with a header row (else the first sheet), values as last computed."""
    import openpyxl  # only for this command: the app does not pay for it at start

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheets = [_sheet_rows(sheet) for sheet in book.worksheets]
        finally:
            book.close()
    except OSError:
        raise  # not there, not readable: said as such by the caller
    except Exception as exc:  # not a zip, a damaged zip or XML inside: openpyxl lets many kinds through
        raise SheetReadError(f"{path}: cannot be read as an XLSX workbook ({type(exc).__name__}: {exc})") from exc
    if not sheets:
        raise SheetReadError(f"{path}: the workbook has no sheet")
    chosen = next((rows for rows in sheets if _header_row(rows) is not None), sheets[0])
    return read_rows(chosen, path)


def _sheet_rows(sheet: Any) -> list[list[Cell]]:
    """A read-only sheet's values, row by row (cells are read lazily: a damaged sheet raises here)."""
    rows: list[list[Cell]] = []
    for row in sheet.iter_rows(values_only=True):
        rows.append([workbook_cell(value) for value in row])
        if len(rows) >= MAX_ROWS:
            break
    return rows


def read_rows(rows: Sequence[Sequence[Cell]], source: Path) -> ImportDraft:
    """The draft a sheet's rows make (the CSV and XLSX readers' common part)."""
    return _SheetReader(source).read(rows)


# -- reading the rows -----------------------------------------------------------------------------


class _SheetReader:
    def __init__(self, source: Path) -> None:
        self.draft = ImportDraft(source)
        self.day: date | None = None

    def read(self, rows: Sequence[Sequence[Cell]]) -> ImportDraft:
        header_at = _header_row(rows)
        if header_at is None:
            self.draft.not_understood(0, "no header row: the sheet needs a row naming its columns, with a title "
                                         "column (Title, Item, Session …) and a time column (Start, Time, End "
                                         "or Duration)")
            return self.draft
        for index in range(header_at):
            self.event_row(rows[index], index + 1)
        fields = self.header(rows[header_at], header_at + 1)
        for index in range(header_at + 1, len(rows)):
            self.slot_row(rows[index], fields, index + 1)
        return self.draft

    # -- above the header: the event ----------------------------------------------------------

    def event_row(self, row: Sequence[Cell], number: int) -> None:
        cells = [cell for cell in row if not is_empty(cell)]
        if not cells:
            return
        first = cells[0]
        if isinstance(first, (datetime, date)) and len(cells) == 1:
            self.set_event_date(as_date(first), number)
            return
        text = cell_text(first)
        key, _, rest = text.partition(":")
        field = _EVENT_KEYS.get(_normal(key)) if (rest.strip() or len(cells) > 1 or text.endswith(":")) else None
        if field is None and len(cells) > 1:
            field = _EVENT_KEYS.get(_normal(text))
        if field is not None:
            value: Cell = rest.strip() if rest.strip() else (cells[1] if len(cells) > 1 else "")
            self.event_value(field, value, number)
            return
        if len(cells) > 1:
            self.draft.not_understood(number, " | ".join(cell_text(cell) for cell in cells))
            return
        self.unnamed_event_line(text, number)

    def unnamed_event_line(self, text: str, number: int) -> None:
        """A line above the header with no word naming it: the title first, then a date, a zone or the venue."""
        event = self.draft.event
        day = parse_day(text)
        if only_a_date(text) and event.date is None:
            event.date = day
        elif not event.title:
            event.title = text
            if day is not None and event.date is None:
                event.date = day
                self.draft.note(number, f"the event's date, {day.isoformat()}, read from its title")
        elif _is_zone(text) and not event.timezone:
            event.timezone = text.strip()
        elif not event.venue_name:
            event.venue_name = text
            self.draft.note(number, f"'{text}' read as the venue")
        else:
            self.draft.not_understood(number, text)

    def event_value(self, field: str, value: Cell, number: int) -> None:
        event = self.draft.event
        text = cell_text(value)
        if field == "date":
            day = as_date(value) if isinstance(value, (datetime, date)) else parse_day(text)
            if day is None:
                self.draft.not_understood(number, f"the date '{text}' could not be read")
            else:
                self.set_event_date(day, number)
        elif field == "timezone":
            if _is_zone(text):
                event.timezone = text.strip()
            else:
                self.draft.not_understood(number, f"the time zone '{text}' is not one (use an IANA name such as "
                                                  "Europe/Brussels)")
        elif field == "title":
            event.title = text
        elif field == "venue":
            event.venue_name = text
        elif field == "address":
            event.venue_address = text
        elif field == "organiser":
            event.organiser = text
        elif field == "description":
            event.description = text
        elif field == "topic" and text:
            event.topics.append(text)

    def set_event_date(self, day: date, number: int) -> None:
        if self.draft.event.date is not None and self.draft.event.date != day:
            self.draft.note(number, f"a second date ({day.isoformat()}) above the header; the event's date stays "
                                    f"{self.draft.event.date.isoformat()}")
            return
        self.draft.event.date = day

    # -- the header ---------------------------------------------------------------------------

    def header(self, row: Sequence[Cell], number: int) -> dict[int, str]:
        """Each column's field, or `crew:NAME` for a crew column; columns without a header are left out."""
        fields: dict[int, str] = {}
        taken: set[str] = set()
        crew_names: set[str] = set()
        for index, cell in enumerate(row):
            heading = " ".join(cell_text(cell).split())
            if not heading:
                continue
            field = _HEADER_NAMES.get(_normal(heading))
            if field is not None and field not in taken:
                fields[index] = field
                taken.add(field)
                continue
            name = heading.replace(":", " ").strip()
            name = " ".join(name.split())[:MAX_COLUMN_NAME].strip()
            base, counter = name, 2
            while name.lower() in crew_names:
                name, counter = f"{base[:MAX_COLUMN_NAME - 3]} {counter}", counter + 1
            if name != heading:
                self.draft.note(number, f"the column '{heading}' is the crew column '{name}'")
            crew_names.add(name.lower())
            fields[index] = f"crew:{name}"
            self.draft.columns.append(name)
        return fields

    # -- below it: the slots ------------------------------------------------------------------

    def slot_row(self, row: Sequence[Cell], fields: dict[int, str], number: int) -> None:
        values: dict[str, Cell] = {}
        unnamed: list[Cell] = []
        for index, cell in enumerate(row):
            if not is_empty(cell):
                if index in fields:
                    values[fields[index]] = cell
                else:
                    unnamed.append(cell)
        if unnamed:
            self.draft.not_understood(number, " | ".join(cell_text(cell) for cell in unnamed) +
                                      " (in a column without a header)")
        if not values:
            return
        if self.day_heading(values, number):
            return
        slot = DraftSlot(line=number, start=None)
        slot.title = " ".join(cell_text(values.get("title")).split())
        readable_time = self.times(slot, values, number)
        if "date" in values:
            day = self.cell_day(values["date"], number)
            if day is not None:
                self.day = day
        slot.day = slot.day or self.day
        if not slot.title:
            self.draft.not_understood(number, f"a row without a title: {_rowcell_text(values)}")
            return
        if not readable_time and not (self.draft.slots and slot.duration is not None):
            self.draft.not_understood(number, f"'{slot.title}': no start, end or length that could be read")
            return
        if slot.start is None and not self.draft.slots:
            self.draft.not_understood(number, f"'{slot.title}': the first slot needs a start time")
            return
        self.people(slot, values, number)
        self.extras(slot, values, number)
        self.draft.slots.append(slot)

    def day_heading(self, values: dict[str, Cell], number: int) -> bool:
        """A row with one cell that is a date ("Day 2 – Friday 1 March 2024"): the day of the rows after it."""
        if len(values) != 1:
            return False
        (cell,) = values.values()
        if isinstance(cell, (datetime, date)):
            day: date | None = as_date(cell)
        else:
            day = parse_day(cell_text(cell)) if only_a_date(cell_text(cell)) else None
        if day is None:
            return False
        self.day = day
        return True

    def cell_day(self, cell: Cell, number: int) -> date | None:
        day = as_date(cell) if isinstance(cell, (datetime, date)) else parse_day(cell_text(cell))
        if day is None:
            self.draft.not_understood(number, f"the date '{cell_text(cell)}' could not be read")
        return day

    def times(self, slot: DraftSlot, values: dict[str, Cell], number: int) -> bool:
        """Start, end and length from their cells; whether any of them could be read."""
        readable = False
        if "start" in values:
            cell = values["start"]
            start, end, day = clock_or_range(cell)
            if start is None:
                self.draft.not_understood(number, f"the start '{cell_text(cell)}' is not a time of day")
            else:
                slot.start, readable = start, True
                slot.end = end
                slot.day = day
        if "end" in values:
            end, _, day = clock_or_range(values["end"])
            if end is None:
                self.draft.not_understood(number, f"the end '{cell_text(values['end'])}' is not a time of day")
            else:
                slot.end, readable = end, True
        if "duration" in values:
            seconds = parse_length(values["duration"])
            if seconds is None or seconds <= 0:
                self.draft.not_understood(number, f"the length '{cell_text(values['duration'])}' could not be read "
                                                  "(write 15, 15m, 1h30m or 0:15)")
            else:
                slot.duration, readable = seconds, True
        return readable

    def people(self, slot: DraftSlot, values: dict[str, Cell], number: int) -> None:
        slot.speakers = people_in(cell_text(values.get("speakers")))
        slot.panellists = people_in(cell_text(values.get("panellists")))
        moderators = people_in(cell_text(values.get("moderator")))
        if moderators:
            slot.moderator = moderators[0]
            if len(moderators) > 1:
                self.draft.note(number, f"two moderators for '{slot.title}'; the others are speakers: "
                                        + "; ".join(p.name for p in moderators[1:]))
                slot.speakers.extend(moderators[1:])

    def extras(self, slot: DraftSlot, values: dict[str, Cell], number: int) -> None:
        slot.notes = cell_text(values.get("notes")).strip()
        slot.id = cell_text(values.get("id")).strip()
        if "kind" in values:
            kind_text = _normal(cell_text(values["kind"]))
            try:
                slot.kind = SlotKind(kind_text)
            except ValueError:
                self.draft.not_understood(number, f"the kind '{cell_text(values['kind'])}' is not one of "
                                                  f"{', '.join(k.value for k in SlotKind)}; guessed from the title")
        if "warning" in values:
            warning = parse_length(values["warning"])
            if warning is None:
                self.draft.not_understood(number, f"the warning '{cell_text(values['warning'])}' could not be read")
            else:
                slot.warning = warning
        for field in ("hard", "skip"):
            if field in values:
                flag = read_flag(values[field])
                if flag is None:
                    self.draft.not_understood(number, f"{field} '{cell_text(values[field])}': write yes or no")
                elif field == "hard":
                    slot.hard = flag
                else:
                    slot.skipped = flag
        if "cues" in values:
            slot.cues = self.cues(cell_text(values["cues"]), number)
        for key, cell in values.items():
            if key.startswith("crew:"):
                slot.crew[key.removeprefix("crew:")] = " ".join(cell_text(cell).split())

    def cues(self, text: str, number: int) -> list[Cue]:
        cues: list[Cue] = []
        for line in text.splitlines():
            if not line.strip():
                continue
            cue = cue_in(line)
            if cue is None:
                self.draft.not_understood(number, f"the cue '{line.strip()}' (write its length first: "
                                                  "'3m Opening statement — Name, Organisation')")
            else:
                cues.append(cue)
        return cues


def _rowcell_text(values: dict[str, Cell]) -> str:
    return " | ".join(cell_text(cell) for cell in values.values())


def _normal(heading: str) -> str:
    """A header as compared: lower case, no bracketed unit, punctuation as spaces ("Speaker(s):" -> "speaker")."""
    text = re.sub(r"\(s\)", "", heading.lower())
    text = re.sub(r"\([^)]*\)", " ", text)
    return " ".join(re.sub(r"[^\w&]+", " ", text).split())


def _is_zone(text: str) -> bool:
    name = text.strip()
    if "/" not in name and name.upper() != "UTC":
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _header_row(rows: Sequence[Sequence[Cell]]) -> int | None:
    """The first row naming a title column and a time or length column, within the sheet's first 30 rows."""
    for index, row in enumerate(rows[:30]):
        fields = {_HEADER_NAMES.get(_normal(cell_text(cell))) for cell in row if isinstance(cell, str)}
        if fields & _TITLE_FIELDS and fields & _TIME_FIELDS:
            return index
    return None


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    """`,`, `;` or tab: the one that splits the first lines into the same number of cells most often."""
    sample = text[:20_000]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        rows = [row for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
                if any(cell.strip() for cell in row)][:40]
        counts = Counter(len(row) for row in rows if len(row) > 1)
        if not counts:
            continue
        width, often = counts.most_common(1)[0]
        score = (often, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best
