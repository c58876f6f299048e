"""Programme text as conferences publish it (a web page, a Word or PDF text pasted) -> an import draft.

The text has two parts. Before the programme: the event's title (the first line), its date, venue and
address (a line such as `30 November 2023, 13:30 - 17:00 Norway House, Rue Archimède 17, 1000 Brussels`, or
`Date:`/`Venue:` lines), paragraphs that become the description and a bullet list that becomes the topics;
the time zone from an IANA name, else the city of the venue (Brussels -> Europe/Brussels), else an
abbreviation that means one zone. The programme starts at its heading (`Programme`, `Agenda`), a day heading
or the first line that starts with a time; `import_programme` reads it. Every line neither part can place
is reported with its number, never dropped.

Dates, times and zones are read by `import_when`, people by `import_people`, a web page's lines come from
`import_html`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from runofshow.core.agenda import Person
from runofshow.io.import_draft import ImportDraft
from runofshow.io.import_html import html_lines
from runofshow.io.import_programme import (
    BULLET,
    HEADING,
    LEFTOVER_EDGES,
    PROGRAMME_HEADING,
    SLOT_BULLET,
    ProgrammeReader,
    clean,
    day_heading,
)
from runofshow.io.import_when import (
    abbreviation_in,
    abbreviation_zone,
    city_zone_in,
    find_date,
    iana_zone_in,
    read_slot_times,
    remove_time_range,
    time_range_end,
    zone_phrase_in,
)

__all__ = ["read_programme_file", "read_programme_text"]

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_TOPICS_HEADING = re.compile(r"^(?:issues we will address|issues|topics|key topics|themes|key themes|key questions|"
                             r"questions we will address|we will discuss|thèmes|sujets|topics of the day)\b.*$",
                             re.IGNORECASE)
_NOUN_LABEL = re.compile(r"^(?P<label>venue|location|where|place|lieu|address|adresse|organi[sz]ers?|"
                         r"time ?zone|fuseau horaire|date|when|quand)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_BY_LABEL = re.compile(r"^(?P<label>organi[sz]ed by|hosted by|organisée? par|in collaboration with)\s+"
                       r"(?P<value>.+)$", re.IGNORECASE)
_ADDRESS_WORDS = re.compile(r"\b(?:rue|street|st\.|avenue|ave\.?|road|rd\.?|boulevard|blvd|square|place|plein|"
                            r"straat|laan|chaussée|steenweg|gate|gata|gaten|vei|veien|straße|strasse|platz|"
                            r"via|calle|lane|drive|\d{4,5})\b", re.IGNORECASE)
# A line about the times (`Central Time`, `Times in EST`, `all times CET`): never the venue, which the projector shows.
_ABOUT_TIMES = re.compile(r"\b(?:times?|time\s*zone|timezone|fuseau horaire|heure locale|local)\b|"
                          r"\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/", re.IGNORECASE)
_ZONE_ABBREVIATIONS = re.compile(r"\b(?:UTC|GMT|CET|CEST|EET|EEST|WET|WEST|BST|IST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|"
                                 r"JST|KST|HKT|SGT|MSK|HST|AKST|AKDT|AEST|AEDT|NZST|NZDT)(?:[+\-−]\d{1,2})?\b")
# A part of a venue's line after its name that is a postcode and its city (`0185 Oslo`, `1000 Brussels`) or
# a US state and ZIP code (`IL 60605`).
_POSTCODE = re.compile(r"^(?P<code>\d{4,5})\s+(?P<city>[^\W\d_][\w' -]*)$|^[A-Z]{2}\s+\d{5}(?:-\d{4})?$")


def _numbered(text: str) -> list[tuple[int, str]]:
    # Only real line breaks count, so the numbers are the ones an editor shows.
    return list(enumerate(re.split(r"\r\n|\r|\n", text), start=1))


def _is_about_times(text: str) -> bool:
    return bool(_ABOUT_TIMES.search(text) or _ZONE_ABBREVIATIONS.search(text))


def _reads_as_venue(text: str) -> bool:
    """`Oslo Spektrum, Sonja Henies plass 2, 0185 Oslo`, `Hotel Bristol, Oslo`: a name, then parts of which
    one is a postcode with its city, or a city that names a time zone (a year is no postcode, unless a known
    city follows it: `2030 goals` is not an address, `2000 Antwerpen` is)."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2 or not all(parts) or len(text.split()) > 14 or text.endswith((".", ":")):
        return False
    if _is_about_times(text) or find_date(text) is not None or read_slot_times(text) is not None:
        return False
    return any(_is_postcode(part) or city_zone_in(part)[1] == part for part in parts[1:])


def _is_postcode(part: str) -> bool:
    match = _POSTCODE.match(part)
    if match is None or match.group("code") is None:
        return match is not None
    year_like = 1900 <= int(match.group("code")) <= 2099
    return not year_like or city_zone_in(match.group("city"))[1] == match.group("city").strip()


def _is_heading(text: str) -> bool:
    """`About the summit`: a short line without a sentence's end, over a paragraph of the description."""
    return len(text.split()) <= 6 and text[-1:] not in ".!?,;"


@dataclass
class _EventReader:
    draft: ImportDraft
    lines: list[tuple[int, str]]
    event_lines: list[tuple[int, str]] = field(default_factory=list)  # the date and venue lines, for the zone
    description: list[list[str]] = field(default_factory=list)
    description_line: int = 0
    title_line: int = 0
    event_end: tuple[time | None, int] = (None, 0)  # the event's end on its date line, and that line's number

    def read_header(self) -> int:
        """Reads the event's lines; returns the index of the programme's first line."""
        event = self.draft.event
        paragraph: list[str] = []
        after_date = False
        under_title = False  # the line before was the title: a venue's line may follow it
        for index, (number, raw) in enumerate(self.lines):
            text = clean(raw)
            if not text:
                self.close_paragraph(paragraph)
                continue
            heading = HEADING.sub("", text).strip()
            if read_slot_times(SLOT_BULLET.sub("", text)) is not None or (event.title and self.starts_days(heading)):
                self.close_paragraph(paragraph)
                return index
            if not event.title:
                event.title = heading.strip("*_ ").strip()
                self.title_line = number
                under_title = True
                continue
            if PROGRAMME_HEADING.match(heading):
                self.close_paragraph(paragraph)
                return index + 1
            bullet = BULLET.match(text)
            if bullet and not text.startswith("#"):
                if text[bullet.end():].strip():
                    event.topics.append(text[bullet.end():].strip())
                continue
            if _TOPICS_HEADING.match(heading) and (heading.endswith(":") or len(heading.split()) <= 6):
                self.close_paragraph(paragraph)
                continue
            if self.read_label(number, heading):
                continue
            if event.date is None and self.read_date_line(number, heading):
                after_date = True
                continue
            if (after_date or under_title) and not event.venue_name and not event.venue_address and \
                    self.read_address(number, text, after_date=after_date):
                after_date = under_title = False
                continue
            after_date = under_title = False
            if text.startswith("#") or (not paragraph and _is_heading(heading)):
                self.draft.note(number, f"the heading '{heading}' is left out")
                continue
            if not self.description_line:
                self.description_line = number
            paragraph.append(heading)
        self.close_paragraph(paragraph)
        return len(self.lines)

    def starts_days(self, text: str) -> bool:
        """A day heading before the programme: `Day 1 …`, or a date alone once the event's date is known."""
        year = self.draft.event.date.year if self.draft.event.date else None
        heading = day_heading(text, year)
        return heading is not None and (heading[0] is not None or self.draft.event.date is not None)

    def close_paragraph(self, paragraph: list[str]) -> None:
        if paragraph:
            self.description.append(list(paragraph))
            paragraph.clear()

    def read_label(self, number: int, text: str) -> bool:
        """`Venue: …`, `Address: …`, `Organised by …`, `Time zone: …`, `Date: …`."""
        event = self.draft.event
        match = _NOUN_LABEL.match(text) or _BY_LABEL.match(text)
        if match is None:
            return False
        label, value = match.group("label").lower(), match.group("value").strip()
        if label.startswith(("organi", "hosted", "in collab")):
            event.organiser = value
        elif label in ("address", "adresse"):
            event.venue_address = value
            self.event_lines.append((number, value))
        elif label in ("time zone", "timezone", "fuseau horaire"):
            self.event_lines.append((number, value))
            zone = (iana_zone_in(value) or abbreviation_zone(value.strip()) or city_zone_in(value)[0]
                    or zone_phrase_in(value)[0])
            if not zone:
                self.draft.not_understood(number, f"'{value}' is not a time zone (use an IANA name such as "
                                                  f"Europe/Brussels)")
            event.timezone = zone
        elif label in ("date", "when", "quand"):
            if not self.read_date_line(number, value):
                self.draft.not_understood(number, f"'{value}' is not a date")
        else:
            self.set_venue(number, value)
        return True

    def read_date_line(self, number: int, text: str) -> bool:
        """A line that gives the event's date, perhaps with its hours and venue, and little else."""
        found = find_date(text)
        if found is None or found.day is None:
            return False
        leftover = text[:found.start] + " " + text[found.end:]
        while (other := find_date(leftover, found.day.year)) is not None:  # the last day of `30 Nov – 1 Dec 2023`
            leftover = leftover[:other.start] + " " + leftover[other.end:]
        leftover = re.sub(r"(?<![\w,])\s*\b(?:19|20)\d{2}\b(?!\s*\w)", " ", remove_time_range(leftover))
        leftover = re.sub(r"\s{2,}", " ", leftover).strip(LEFTOVER_EDGES)
        leftover = re.sub(r"^(?:from|de|du|van|von|fra|at|in|@|venue:?|location:?)(?:\s+|$)", "", leftover,
                          flags=re.IGNORECASE).strip(LEFTOVER_EDGES)
        if len(leftover.split()) > 14 or leftover.endswith("."):
            return False  # a sentence that mentions a date: the description's
        self.draft.event.date = found.day
        self.event_end = time_range_end(text), number
        self.event_lines.append((number, text))
        if leftover and _is_about_times(leftover):
            self.draft.note(number, f"'{leftover}' is about the times: not read as the venue (the projector "
                                    f"shows the venue; add it under event: venue: if the file names none)")
        elif leftover:
            self.set_venue(number, leftover)
        return True

    def read_address(self, number: int, text: str, *, after_date: bool) -> bool:
        """The venue's line right under the title or the date line: `Name, street 2, 0185 City`, `Hotel, City`;
        under the date line also a short line with a street word or a postcode. Never a line about the times."""
        if len(text.split()) > 14 or text.endswith(".") or _is_about_times(text):
            return False
        if not _reads_as_venue(text) and not (after_date and _ADDRESS_WORDS.search(text)):
            return False
        self.set_venue(number, text)
        return True

    def set_venue(self, number: int, text: str) -> None:
        event = self.draft.event
        name, _, address = (part.strip() for part in text.partition(","))
        self.event_lines.append((number, text))
        if not address and city_zone_in(name)[1] == name:
            event.venue_address = event.venue_address or name  # `Brussels`: a city, not a venue
        else:
            event.venue_name, event.venue_address = name, address or event.venue_address

    def date_from_title(self) -> None:
        """`Innovation Day, 30 November 2023`: the title's date when no line of its own gives one."""
        event = self.draft.event
        found = find_date(event.title) if event.date is None else None
        if found is not None and found.day is not None and found.has_year:
            event.date = found.day
            self.draft.note(self.title_line, f"the event's date, {found.day.isoformat()}, from the title")

    def settle_event(self, text: str) -> None:
        event = self.draft.event
        if self.description:
            event.description = "\n\n".join(" ".join(lines) for lines in self.description)
            count = sum(len(lines) for lines in self.description)
            self.draft.note(self.description_line, f"{count} line{'s' if count != 1 else ''} read as the event's "
                                                   f"description")
        if not event.timezone:
            self.settle_timezone(text)
        self.end_last_slot()

    def end_last_slot(self) -> None:
        """The last slot, given only a start, ends when the event does when its date line says (`de 9h00 à
        13h00`), rather than after the default length."""
        end, number = self.event_end
        slots = self.draft.slots
        if end is None or not slots or slots[-1].end is not None or slots[-1].duration is not None:
            return
        last = slots[-1]
        same_day = last.day is None or last.day == self.draft.event.date
        if last.start is not None and same_day and end > last.start:
            last.end = end
            self.draft.note(last.line, f"'{last.title}' ends at {end:%H:%M}, the event's end on line {number}")

    def settle_timezone(self, text: str) -> None:
        """An IANA name in the text; else the city of the venue or the date line; else an abbreviation that
        means one zone; else a city in the title."""
        event = self.draft.event
        zone = iana_zone_in(text)
        if zone:
            event.timezone = zone
            return
        for number, line in self.event_lines:
            zone, city = city_zone_in(line)
            if zone:
                event.timezone = zone
                self.draft.note(number, f"time zone {zone}, from '{city}'")
                return
        for number, line in self.event_lines:
            zone, phrase = zone_phrase_in(line)
            if zone:
                event.timezone = zone
                self.draft.note(number, f"time zone {zone}, from '{phrase}': a guess; give the zone with "
                                        f"--timezone if the show is elsewhere in it")
                return
        abbreviation = abbreviation_in(text) or next(
            (found.group(0) for _, line in self.event_lines if (found := _ZONE_ABBREVIATIONS.search(line))), "")
        zone = abbreviation_zone(abbreviation) if abbreviation else ""
        if zone:
            event.timezone = zone
            self.draft.note(0, f"time zone {zone}, from '{abbreviation}'")
            return
        zone, city = city_zone_in(event.title)
        if zone:
            event.timezone = zone
            self.draft.note(self.title_line, f"time zone {zone}, from '{city}' in the title")
            return
        if abbreviation:
            self.draft.note(0, f"the times are in {abbreviation}, which several time zones use: give the zone "
                               f"with --timezone (an IANA name such as Europe/Brussels or America/New_York)")


def _read(lines: list[tuple[int, str]], source: Path, text: str) -> ImportDraft:
    draft = ImportDraft(source)
    reader = _EventReader(draft, lines)
    begin = reader.read_header()
    reader.date_from_title()
    ProgrammeReader(draft).read(lines[begin:])
    reader.settle_event(text)
    _one_space(draft)
    return draft


def _one_space(draft: ImportDraft) -> None:
    """Runs of spaces a PDF copy leaves (`NORDIC  HEALTH  SUMMIT`) as one, in the event's and slots' one-line
    texts and in people, so that the preview shows what the agenda will say."""
    event = draft.event
    event.title, event.venue_name, event.venue_address, event.organiser = (
        _words(event.title), _words(event.venue_name), _words(event.venue_address), _words(event.organiser))
    for slot in draft.slots:
        slot.title = _words(slot.title)
        slot.speakers = [_person_words(person) for person in slot.speakers]
        slot.panellists = [_person_words(person) for person in slot.panellists]
        slot.moderator = _person_words(slot.moderator) if slot.moderator is not None else None


def _words(text: str) -> str:
    return " ".join(text.split())


def _person_words(person: Person) -> Person:
    return Person(_words(person.name), _words(person.role), _words(person.organisation))


def read_programme_text(text: str, source: Path) -> ImportDraft:
    """The draft a programme's text makes; `source` names it in every note (a web page's HTML is read as
    the page's text)."""
    if source.suffix.lower() in _HTML_SUFFIXES or _LOOKS_HTML.match(text):
        lines = html_lines(text)
        return _read(lines, source, "\n".join(line for _, line in lines))
    return _read(_numbered(text), source, text)


def read_programme_file(path: Path) -> ImportDraft:
    """The draft a programme file makes: UTF-8 text (else Windows-1252, with a note), a web page's text for
    .html and .htm. Raises OSError when the file cannot be read, ValueError when it is not text at all."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
        note = ""
    elif b"\x00" in data[:4096]:
        raise ValueError("it is not a text file; save the programme as text (.txt) or a web page (.html)")
    else:
        try:
            text, note = data.decode("utf-8-sig"), ""
        except UnicodeDecodeError:
            text, note = data.decode("cp1252", errors="replace"), "not UTF-8: read as Windows-1252 text"
    draft = read_programme_text(text, path)
    if note:
        draft.note(0, note)
    return draft
