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
import itertools
import re
import zoneinfo
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from runofshow.core.agenda import Cue, Person, SlotKind
from runofshow.core.timeparse import format_duration
from runofshow.io.import_cells import (
    Cell,
    as_date,
    cell_text,
    clock_or_range,
    cue_in,
    day_fraction_length,
    is_empty,
    only_a_date,
    parse_day,
    parse_length,
    people_in,
    read_flag,
    workbook_cell,
)
from runofshow.io.import_draft import DraftSlot, ImportDraft
from runofshow.io.import_programme import BY_MARKS, INLINE_MARKER, NOUN_MARKS, alternation, mark_role
from runofshow.io.import_when import FoundDate, find_date

__all__ = ["MAX_ROWS", "SheetReadError", "read_csv", "read_rows", "read_xlsx"]


MAX_ROWS = 20_000  # a running order is a few hundred rows; more is not one (and would only be slow)
MAX_COLUMN_NAME = 40
# Below this a workbook is loaded whole, which is what shows its hidden rows (read-only sheets do not say).
FULL_LOAD_BYTES = 5 * 1024 * 1024
_TOO_MANY_ROWS = (f"has more than {MAX_ROWS:,} rows; a programme is far shorter — is this the right file?")
# A label before people in a Speakers, Moderator or Panellists cell: "Moderator: Johan Ek", "Host: Nina Holm",
# "Modérateur : Jean Martin", "Moderated by …" (the programme-text reader's words; one-word "by"/"with"/"par"
# without a colon are left out: in a cell of names they are more likely a name, "Par Larsson").
_PEOPLE_LABEL = re.compile(
    rf"^(?:(?P<by>{alternation({mark: role for mark, role in BY_MARKS.items() if ' ' in mark})})\s*:?\s+(?=\S)|"
    rf"(?P<noun>{alternation(NOUN_MARKS)})\s*:\s*)(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)


class SheetReadError(ValueError):
    """The file cannot be read as a spreadsheet at all (not CSV text, not an XLSX workbook), or is far too long."""


@dataclass(frozen=True)
class _Sheet:
    """One sheet of a workbook (a CSV is one sheet without a name)."""

    name: str
    rows: list[list[Cell]]
    hidden_rows: frozenset[int] = frozenset()  # spreadsheet row numbers (1 = the first row)
    hidden: bool = False


# Each field the importer understands, and the header names it is known by (compared in lower case,
# without punctuation or a bracketed unit: "Speaker(s)", "Duration (min)", "Start time:").
_FIELDS: dict[str, tuple[str, ...]] = {
    "start": ("start", "start time", "starts", "starting", "from", "begin", "begins", "begin time", "time",
              "time slot", "timeslot", "when",
              # French and Dutch running orders: Heure, Début, Horaire; Begin, Aanvang
              "heure", "horaire", "début", "debut", "heure de début", "aanvang", "starttijd"),
    "end": ("end", "end time", "ends", "until", "till", "to", "finish", "finish time", "finishes", "stop",
            "fin", "heure de fin", "einde", "eindtijd"),
    "duration": ("duration", "length", "mins", "minutes", "min", "dur", "running time", "runtime",
                 "durée", "duree", "duur"),
    "title": ("title", "item", "session", "segment", "topic", "what", "session title", "programme item",
              "program item", "agenda item", "activity", "description of item",
              "titre", "intitulé", "intitule", "sujet", "thème", "theme", "onderwerp"),
    "speakers": ("speaker", "speakers", "presenter", "presenters", "who", "presented by", "speaker s",
                 "talent",  # a US run of show: the people on air
                 "intervenant", "intervenants", "orateur", "orateurs", "oratrice", "spreker", "sprekers"),
    "moderator": ("moderator", "chair", "moderated by", "chaired by", "chairperson", "modérateur", "moderateur",
                  "modératrice", "animateur", "animatrice", "moderatie"),
    "panellists": ("panellists", "panelists", "panellist", "panelist", "panel members"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "remark", "remarques", "remarque",
              "opmerkingen"),
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
    if sum(1 for row in rows if any(cell.strip() for cell in row)) > MAX_ROWS:
        raise SheetReadError(f"{path}: the file {_TOO_MANY_ROWS}")
    return read_rows(rows, path)


def read_xlsx(path: Path, *, year: int | None = None) -> ImportDraft:
    """An XLSX running order: every sheet with a header row, in order, values as last computed; hidden rows
    and hidden sheets left out. `year`: for a sheet named by a day without a year, when the workbook has none."""
    import openpyxl  # only for this command: the app does not pay for it at start

    whole = path.stat().st_size < FULL_LOAD_BYTES
    try:
        book = openpyxl.load_workbook(path, read_only=not whole, data_only=True)
        try:
            sheets = [_workbook_sheet(sheet, path, whole=whole) for sheet in book.worksheets]
        finally:
            book.close()
    except (OSError, SheetReadError):
        raise  # not there, not readable: said as such by the caller
    except Exception as exc:  # not a zip, a damaged zip or XML inside: openpyxl lets many kinds through
        raise SheetReadError(f"{path}: cannot be read as an XLSX workbook ({type(exc).__name__}: {exc})") from exc
    if not sheets:
        raise SheetReadError(f"{path}: the workbook has no sheet")
    reader = _SheetReader(path)
    if not whole:
        reader.draft.note(0, f"the workbook is over {FULL_LOAD_BYTES // (1024 * 1024)} MB, so it is read without "
                             "seeing which rows are hidden: hidden rows, if any, are read as slots")
    return reader.read_sheets(sheets, year)


def _workbook_sheet(sheet: Any, path: Path, *, whole: bool) -> _Sheet:
    """A sheet's values, row by row (cells are read lazily: a damaged sheet raises here), and its hidden rows."""
    rows: list[list[Cell]] = []
    filled = 0
    for row in sheet.iter_rows(values_only=True):
        cells = [workbook_cell(value) for value in row]
        rows.append(cells)
        filled += any(not is_empty(cell) for cell in cells)
        if filled > MAX_ROWS:
            raise SheetReadError(f"{path}: the sheet '{sheet.title}' {_TOO_MANY_ROWS}")
    hidden_rows = frozenset(number for number, size in sheet.row_dimensions.items() if size.hidden) if whole \
        else frozenset()
    return _Sheet(sheet.title, rows, hidden_rows, getattr(sheet, "sheet_state", "visible") != "visible")


def read_rows(rows: Sequence[Sequence[Cell]], source: Path) -> ImportDraft:
    """The draft a sheet's rows make (the CSV and XLSX readers' common part)."""
    return _SheetReader(source).read_sheets([_Sheet("", [list(row) for row in rows])], None)


# -- reading the rows -----------------------------------------------------------------------------


class _SheetReader:
    def __init__(self, source: Path) -> None:
        self.draft = ImportDraft(source)
        self.day: date | None = None
        self.sheet = ""  # the sheet being read, named in its notes when the workbook has several
        self.first_sheet = True  # the first sheet read: the rows above its header are the event's
        self.sheet_slots = 0  # where the current sheet's slots start in the draft
        self.year: int | None = None  # for a sheet named by a day without a year
        self.undated_name = False  # the current sheet's name gives a day without a year (said already)

    def note(self, line: int, text: str) -> None:
        self.draft.note(line, f"sheet '{self.sheet}': {text}" if self.sheet else text)

    def not_understood(self, line: int, text: str) -> None:
        self.draft.not_understood(line, f"sheet '{self.sheet}': {text}" if self.sheet else text)

    def read_sheets(self, sheets: Sequence[_Sheet], year: int | None) -> ImportDraft:
        """Every sheet with a header row, in order; a sheet's name or a date above its header is its day."""
        named_years = [found.day.year for found in (_name_date(sheet.name, None) for sheet in sheets)
                       if found is not None and found.day is not None]
        self.year = named_years[0] if named_years else year
        several = len(sheets) > 1
        for sheet in sheets:
            if sheet.hidden:
                self.draft.note(0, f"sheet '{sheet.name}' is hidden: left out")
                continue
            header_at = _header_row(sheet.rows)
            if header_at is None:
                if several:
                    self.draft.note(0, f"sheet '{sheet.name}' has no header row: left out")
                continue
            self.sheet = sheet.name if several else ""
            self.read_sheet(sheet, header_at)
            self.first_sheet = False
        if self.first_sheet:
            self.draft.not_understood(0, "no header row: the sheet needs a row naming its columns, with a title "
                                         "column (Title, Item, Session …) and a time column (Start, Time, End "
                                         "or Duration)")
        return self.draft

    def read_sheet(self, sheet: _Sheet, header_at: int) -> None:
        rows = sheet.rows
        last_before = self.draft.slots[-1] if self.draft.slots else None
        self.day, self.sheet_slots, self.undated_name = None, len(self.draft.slots), False
        for index in range(header_at):
            if not self.hidden_row(sheet, rows[index], index + 1, None):
                self.event_row(rows[index], index + 1)
        self.sheet_day(sheet.name)
        fields = self.header(rows[header_at], header_at + 1)
        for index in range(header_at + 1, len(rows)):
            if not self.hidden_row(sheet, rows[index], index + 1, fields):
                self.slot_row(rows[index], fields, index + 1)
        self.undated_sheet(last_before)

    def sheet_day(self, name: str) -> None:
        """The day a sheet's name gives ("Day 2 – 15 Oct"), unless a date above its header gave one."""
        if self.day is not None or not name:
            return
        event_date = self.draft.event.date
        found = _name_date(name, event_date.year if event_date is not None else self.year)
        if found is None:
            return
        if found.day is None:
            self.undated_name = True
            self.not_understood(0, "its name gives a day but no year, and the workbook has none: give the first "
                                   "day with --date YYYY-MM-DD")
            return
        self.day = found.day
        self.note(0, f"its slots are on {found.day.isoformat()} (from the sheet's name)")

    def undated_sheet(self, last_before: DraftSlot | None) -> None:
        """A later sheet without a date of its own that starts before the sheet above ends: not silently merged."""
        added = self.draft.slots[self.sheet_slots:]
        if self.first_sheet or self.undated_name or last_before is None or not added or any(
                slot.day for slot in added):
            return
        first, previous = added[0].start, last_before.start
        if first is not None and previous is not None and first <= previous:
            self.not_understood(0, f"the sheet gives no date (in its name or above its header), and its first slot "
                                   f"({first:%H:%M}) starts before the last slot of the sheet before it "
                                   f"({previous:%H:%M}): give each sheet its day, e.g. name it 'Day 2 – 15 Oct'")

    def hidden_row(self, sheet: _Sheet, row: Sequence[Cell], number: int, fields: dict[int, str] | None) -> bool:
        """Whether the row is hidden in the workbook (and left out, with a note when it holds anything)."""
        if number not in sheet.hidden_rows:
            return False
        cells = [cell for cell in row if not is_empty(cell)]
        if cells:
            titles = [cell_text(cell) for index, cell in enumerate(row)
                      if fields is not None and fields.get(index) == "title" and not is_empty(cell)]
            shown = titles[0] if titles else " | ".join(cell_text(cell) for cell in cells)
            self.note(number, f"row {number} is hidden in the workbook: '{' '.join(shown.split())}' left out")
        return True

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
            self.not_understood(number, " | ".join(cell_text(cell) for cell in cells))
            return
        self.unnamed_event_line(text, number)

    def unnamed_event_line(self, text: str, number: int) -> None:
        """A line above the header with no word naming it: the title first, then a date, a zone or the venue."""
        event = self.draft.event
        day = parse_day(text)
        if not self.first_sheet:  # the event is the first sheet's; a later one may repeat it, or give its day
            if only_a_date(text) and day is not None:
                self.day = day
            elif text not in (event.title, event.venue_name, event.timezone):
                self.not_understood(number, text)
            return
        if only_a_date(text) and event.date is None:
            event.date = day
        elif not event.title:
            event.title = text
            if day is not None and event.date is None:
                event.date = day
                self.note(number, f"the event's date, {day.isoformat()}, read from its title")
        elif _is_zone(text) and not event.timezone:
            event.timezone = text.strip()
        elif not event.venue_name:
            event.venue_name = text
            self.note(number, f"'{text}' read as the venue")
        else:
            self.not_understood(number, text)

    def event_value(self, field: str, value: Cell, number: int) -> None:
        event = self.draft.event
        text = cell_text(value)
        if field == "date":
            day = as_date(value) if isinstance(value, (datetime, date)) else parse_day(text)
            if day is None:
                self.not_understood(number, f"the date '{text}' could not be read")
            else:
                self.set_event_date(day, number)
        elif field == "timezone":
            if _is_zone(text):
                event.timezone = text.strip()
            else:
                self.not_understood(number, f"the time zone '{text}' is not one (use an IANA name such as "
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
        if not self.first_sheet:  # a date above a later sheet's header: that sheet's day
            self.day = day
            return
        if self.draft.event.date is not None and self.draft.event.date != day:
            self.note(number, f"a second date ({day.isoformat()}) above the header; the event's date stays "
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
                self.note(number, f"the column '{heading}' is the crew column '{name}'")
            crew_names.add(name.lower())
            known = {column.lower(): column for column in self.draft.columns}  # a later sheet's same columns
            if name.lower() not in known:
                self.draft.columns.append(name)
            fields[index] = f"crew:{known.get(name.lower(), name)}"
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
            self.not_understood(number, " | ".join(cell_text(cell) for cell in unnamed) +
                                      " (in a column without a header)")
        if not values:
            return
        if self.day_heading(values, number) or self.continuation(values, number):
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
            self.not_understood(number, f"a row without a title: {_rowcell_text(values)}")
            return
        if not readable_time and not (self.draft.slots and slot.duration is not None):
            self.not_understood(number, f"'{slot.title}': no start, end or length that could be read")
            return
        if slot.start is None and not self.draft.slots:
            self.not_understood(number, f"'{slot.title}': the first slot needs a start time")
            return
        self.people(slot, values, number)
        self.extras(slot, values, number)
        self.draft.slots.append(slot)

    def continuation(self, values: dict[str, Cell], number: int) -> bool:
        """A row with only crew cues and notes (no time, no title): more of the slot above, added to it."""
        if len(self.draft.slots) <= self.sheet_slots or not all(
                key == "notes" or key.startswith("crew:") for key in values):
            return False
        above = self.draft.slots[-1]
        note = " ".join(cell_text(values.get("notes")).split())
        if note:
            above.notes = f"{above.notes}\n{note}" if above.notes else note
        for key, cell in values.items():
            if key.startswith("crew:"):
                column, cue = key.removeprefix("crew:"), " ".join(cell_text(cell).split())
                above.crew[column] = f"{above.crew[column]}; {cue}" if above.crew.get(column) else cue
        parts = [part for part, there in (("crew cues", len(values) > ("notes" in values)), ("note", bool(note)))
                 if there]
        self.note(number, f"a row with no time and no title: its {' and '.join(parts)} added to '{above.title}' "
                          f"(row {above.line}) above")
        return True

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
            self.not_understood(number, f"the date '{cell_text(cell)}' could not be read")
        return day

    def times(self, slot: DraftSlot, values: dict[str, Cell], number: int) -> bool:
        """Start, end and length from their cells; whether any of them could be read."""
        readable = False
        if "start" in values:
            cell = values["start"]
            start, end, day = clock_or_range(cell)
            if start is None:
                self.not_understood(number, f"the start '{cell_text(cell)}' is not a time of day")
            else:
                slot.start, readable = start, True
                slot.end = end
                slot.day = day
        if "end" in values:
            end, _, day = clock_or_range(values["end"])
            if end is None:
                self.not_understood(number, f"the end '{cell_text(values['end'])}' is not a time of day")
            else:
                slot.end, readable = end, True
        if "duration" in values:
            seconds = day_fraction_length(values["duration"])
            if seconds is not None:  # Excel keeps a length as a fraction of a day; unformatted, it shows 0.0208
                self.note(number, f"the length {cell_text(values['duration']).strip()} is read as a fraction of a "
                                  f"day: {format_duration(seconds)}")
            else:
                seconds = parse_length(values["duration"])
            if seconds is None or seconds <= 0:
                self.not_understood(number, f"the length '{cell_text(values['duration'])}' could not be read "
                                                  "(write 15, 15m, 1h30m or 0:15)")
            else:
                slot.duration, readable = seconds, True
        return readable

    def people(self, slot: DraftSlot, values: dict[str, Cell], number: int) -> None:
        found: dict[str, list[Person]] = {"speakers": [], "moderator": [], "panellists": []}
        for field in found:
            for role, people in _labelled_people(cell_text(values.get(field)), field):
                found[role].extend(people)
        slot.speakers, slot.panellists, moderators = found["speakers"], found["panellists"], found["moderator"]
        if moderators:
            slot.moderator = moderators[0]
            if len(moderators) > 1:
                self.note(number, f"two moderators for '{slot.title}'; the others are speakers: "
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
                self.not_understood(number, f"the kind '{cell_text(values['kind'])}' is not one of "
                                                  f"{', '.join(k.value for k in SlotKind)}; guessed from the title")
        if "warning" in values:
            warning = parse_length(values["warning"])
            if warning is None:
                self.not_understood(number, f"the warning '{cell_text(values['warning'])}' could not be read")
            else:
                slot.warning = warning
        for field in ("hard", "skip"):
            if field in values:
                flag = read_flag(values[field])
                if flag is None:
                    self.not_understood(number, f"{field} '{cell_text(values[field])}': write yes or no")
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
                self.not_understood(number, f"the cue '{line.strip()}' (write its length first: "
                                                  "'3m Opening statement — Name, Organisation')")
            else:
                cues.append(cue)
        return cues


_DAY_NUMBER = re.compile(r"^\s*(?:day|jour|dag|tag)\s*\d{1,2}\b\s*[:.,–—-]?\s*", re.IGNORECASE)


def _name_date(name: str, year: int | None) -> FoundDate | None:
    """The date in a sheet's name, after a day number ("Day 2 – 15 Oct": not "2 – 15 Oct", a range)."""
    return find_date(_DAY_NUMBER.sub("", name), year)


def _labelled_people(text: str, role: str) -> list[tuple[str, list[Person]]]:
    """The people of a Speakers, Moderator or Panellists cell, by role: a label at a line's start
    ("Moderator: Johan Ek", "Panellists: A; B") or inside it ("Ana Ruiz; Moderator: Johan Ek") gives the role
    of the names after it, up to the end of the line; names without one have the column's role."""
    found: list[tuple[str, list[Person]]] = []
    for line in text.splitlines():
        marks = list(INLINE_MARKER.finditer(line))
        pieces = [line[:marks[0].start()] if marks else line]
        pieces += [line[mark.start():next_mark.start()] for mark, next_mark in itertools.pairwise(marks)]
        pieces += [line[marks[-1].start():]] if marks else []
        for piece in pieces:
            names = piece.strip().strip(";").strip()  # not a trailing comma: `Name, Role,` has one meaning
            label = _PEOPLE_LABEL.match(names)
            piece_role = role
            if label is not None:
                piece_role = mark_role(label.group("by") or label.group("noun"))
                piece_role = {"moderator": "moderator", "panellists": "panellists"}.get(piece_role, "speakers")
                names = label.group("rest")
            people = people_in(names)
            if people:
                found.append((piece_role, people))
    return found


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
