"""The programme part of a programme's text: slots, their people, day headings.

A time or a time range at the start of a line starts a slot (`13:30 – 13:45`, `9.30 - 9.45:`, `08:00 -
Registration`, `9:30 am – 10:15 am`, `14h00`); the title follows on the line or on the next; the lines after
it name the people (`By A, role, and B, role`, `Name, role, organisation`, `-Name, org`, `• Name, org`,
`Chair:`, `Moderated by`, `Panellists:`), or are the slot's notes when they are sentences; a day heading
(`Day 2 – Friday 1 December 2023`, `Friday 1 December`) sets the day of the slots under it. A line it cannot
place is reported with its number. `import_text` reads the event's part before it and calls this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from runofshow.core.agenda import Person, SlotKind
from runofshow.io.import_draft import DraftSlot, ImportDraft, guess_kind
from runofshow.io.import_people import is_organisation, is_role, read_people, split_affiliation, starts_with_name
from runofshow.io.import_when import SlotTimes, find_date, read_slot_times

__all__ = ["BULLET", "HEADING", "LEFTOVER_EDGES", "PROGRAMME_HEADING", "SLOT_BULLET", "ProgrammeReader", "clean",
           "day_heading"]

HEADING = re.compile(r"^#+\s*")
_EMPHASIS = re.compile(r"\*\*|__")
BULLET = re.compile(r"^(?:[-–—•·*▪●◦‣>]+\s*|\d{1,2}[.)]\s+)")
SLOT_BULLET = re.compile(r"^[-•·*▪●]\s*(?=\d)")  # `• 09:00 Welcome`: a bullet before a slot's time
PROGRAMME_HEADING = re.compile(r"^(?:(?:the\s+)?programme|program|agenda|schedule|running order|timetable|"
                               r"programma|ordre du jour|dagsorden|rundown)\s*:?$", re.IGNORECASE)
_DAY_HEADING = re.compile(r"^(?:day|jour|dag|tag)\s+(?P<number>\d{1,2})\b\s*[:.,–—-]?\s*(?P<rest>.*)$",
                          re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|"
                           r"jeudi|vendredi|samedi|dimanche)$", re.IGNORECASE)
LEFTOVER_EDGES = " ,;|·•–—-:/\t"
_COLUMN_HEADS = frozenset({"time", "times", "when", "start", "end", "session", "sessions", "title", "item", "topic",
                           "what", "who", "speaker", "speakers", "presenter", "presenters", "programme", "program",
                           "heure", "horaire", "séance", "intervenants", "orateurs", "room", "location"})

# Who the people of a line are, from the word that introduces them.
_MODERATOR = "moderator"
_PANELLISTS = "panellists"
_SPEAKERS = "speakers"
BY_MARKS = {
    "moderated by": _MODERATOR, "chaired by": _MODERATOR, "facilitated by": _MODERATOR, "hosted by": _MODERATOR,
    "animé par": _MODERATOR, "animée par": _MODERATOR, "présidé par": _MODERATOR, "présidée par": _MODERATOR,
    "moderiert von": _MODERATOR, "with": _PANELLISTS, "avec": _PANELLISTS, "featuring": _PANELLISTS,
    "presented by": _SPEAKERS, "by": _SPEAKERS, "par": _SPEAKERS,
}
NOUN_MARKS = {
    "moderator": _MODERATOR, "moderators": _MODERATOR, "moderation": _MODERATOR, "chair": _MODERATOR,
    "chairs": _MODERATOR, "chairperson": _MODERATOR, "co-chair": _MODERATOR, "facilitator": _MODERATOR,
    "host": _MODERATOR, "modérateur": _MODERATOR, "modératrice": _MODERATOR, "modération": _MODERATOR,
    "modérateurs": _MODERATOR, "président de séance": _MODERATOR, "présidente de séance": _MODERATOR,
    "panellists": _PANELLISTS, "panelists": _PANELLISTS, "panel members": _PANELLISTS, "panel": _PANELLISTS,
    "discussants": _PANELLISTS, "panélistes": _PANELLISTS, "panelistes": _PANELLISTS, "with": _PANELLISTS,
    "avec": _PANELLISTS, "speaker": _SPEAKERS, "speakers": _SPEAKERS, "presenter": _SPEAKERS,
    "presenters": _SPEAKERS, "orateur": _SPEAKERS, "orateurs": _SPEAKERS, "oratrice": _SPEAKERS,
    "intervenant": _SPEAKERS, "intervenants": _SPEAKERS, "intervenante": _SPEAKERS, "intervenantes": _SPEAKERS,
    "keynote speaker": _SPEAKERS, "sprekers": _SPEAKERS, "spreker": _SPEAKERS, "by": _SPEAKERS,
}


def alternation(words: dict[str, str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MARKER_LINE = re.compile(rf"^(?:(?P<by>{alternation(BY_MARKS)})\s*:?\s+(?=\S)|(?P<noun>{alternation(NOUN_MARKS)})"
                          r"\s*:\s*)(?P<rest>.*)$", re.IGNORECASE)
# The same words inside a slot's line, after its title; capitalised, so that a title's "moderated by" stays.
INLINE_MARKER = re.compile(r"(?<=\s)(Moderated by|Chaired by|Moderators?\s*:|Chair\s*:|Panellists\s*:|"
                            r"Panelists\s*:|Speakers?\s*:|With\s*:|Modérat(?:eur|rice)s?\s*:|Animée? par|"
                            r"Intervenant(?:e)?s?\s*:|Panélistes\s*:)")
_PEOPLE_DASH = re.compile(r"\s[-–—]+\s*(?=\S)")
_CELL_SEPARATOR = re.compile(r"\t|\s+\|\s+")  # a table's cells: tabs (a web page, a sheet), ` | ` (markdown)
_RULE = re.compile(r"^(?:[-*_=─━]\s*){3,}$")  # a horizontal rule: `---`, `***`, `* * *`
_FIRESIDE = re.compile(r"\bfireside\b|\bin conversation\b", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")


def mark_role(mark: str) -> str:
    key = re.sub(r"\s*:\s*$", "", mark.strip()).lower()
    key = re.sub(r"\s+", " ", key)
    return BY_MARKS.get(key) or NOUN_MARKS.get(key, _SPEAKERS)


def clean(line: str) -> str:
    """A line without its surrounding spaces, markdown emphasis and non-breaking spaces; a markdown table's
    row as its cells between tabs, its rule (`|---|---|`) as nothing."""
    text = _EMPHASIS.sub("", line.replace("\xa0", " ").replace("\u202f", " ")).strip()
    if _TABLE_RULE.match(text) or _RULE.match(text):
        return ""
    if text.startswith("|") and text.endswith("|") and len(text) > 1:
        return "\t".join(cell.strip() for cell in text[1:-1].split("|") if cell.strip())
    return text


def _is_sentence(text: str) -> bool:
    words = text.split()
    return len(words) >= 15 or (len(words) >= 6 and text.rstrip()[-1:] in ".!?")


def _is_column_heads(text: str) -> bool:
    """A table's heading row pasted from a web page: `Time  Session  Speakers`."""
    cells = [cell.strip().lower() for cell in re.split(r"\t|\s{2,}|\|", text) if cell.strip()]
    return bool(cells) and all(cell in _COLUMN_HEADS for cell in cells)


def day_heading(text: str, year: int | None) -> tuple[int | None, date | None] | None:
    """(day number, date) for `Day 2 – Friday 1 December 2023`, `Day 2`, `Friday 1 December` (the year from
    `year` when the heading has none); None when the text is no day heading."""
    match = _DAY_HEADING.match(text)
    if match is not None:
        rest = match.group("rest").strip(LEFTOVER_EDGES)
        found = find_date(rest, year) if rest else None
        if rest and found is None and not _WEEKDAY_ONLY.match(rest):
            return None  # `Day 2 wrap-up`: a title, not a heading
        return int(match.group("number")), found.day if found else None
    found = find_date(text, year)
    if found is None:
        return None
    leftover = (text[:found.start] + text[found.end:]).strip(LEFTOVER_EDGES)
    return (None, found.day) if not leftover else None


@dataclass
class ProgrammeReader:
    draft: ImportDraft
    slot: DraftSlot | None = None
    role: str = _SPEAKERS  # where the next person line goes in the current slot
    day: date | None = None
    day_number_base: date | None = None  # the event's first day, for `Day 2` headings without a date
    previous_start: time | None = None
    half_day: bool = False  # the programme writes am/pm
    last_person: tuple[str, int] | None = None  # (role, index) of the person read last, for a line of affiliation

    def read(self, lines: list[tuple[int, str]]) -> None:
        """Reads the programme's lines into the draft's slots."""
        for number, raw in lines:
            text = clean(raw)
            if not text:
                continue
            timed = read_slot_times(SLOT_BULLET.sub("", text))
            if timed is not None:
                self.start_slot(number, timed)
                continue
            heading = HEADING.sub("", text).strip()
            if self.slot is not None and not self.slot.title:
                self.read_title(number, heading)
                continue
            day = self.day_heading(heading)
            if day is not None:
                self.set_day(number, heading, day)
                continue
            if PROGRAMME_HEADING.match(heading) or _is_column_heads(heading):
                continue
            if self.slot is None:
                self.draft.not_understood(number, text)
                continue
            self.read_people_line(number, text)
        self.finish_slot()

    def day_heading(self, text: str) -> tuple[int | None, date | None] | None:
        known = self.day or self.draft.event.date
        return day_heading(text, known.year if known else None)

    def set_day(self, number: int, text: str, heading: tuple[int | None, date | None]) -> None:
        self.finish_slot()
        day_number, day = heading
        event = self.draft.event
        if day is None and day_number is not None:
            first = self.day_number_base or event.date
            if first is None:
                self.draft.not_understood(number, f"'{text}' gives no date, and the programme no first day: "
                                                  f"give it with --date")
                return
            day = first + timedelta(days=day_number - 1)
        if day is None:
            self.draft.not_understood(number, f"'{text}' gives no year")
            return
        if day_number is not None and self.day_number_base is None:
            self.day_number_base = day - timedelta(days=day_number - 1)
        if event.date is None:
            event.date = day
        self.day = day
        self.previous_start = None

    def start_slot(self, number: int, timed: SlotTimes) -> None:
        self.finish_slot()
        start, end = timed.start, timed.end
        self.half_day = self.half_day or timed.half_day
        if self.half_day and not timed.half_day and self.previous_start is not None:
            start, end = self.afternoon(number, start, end)
        self.previous_start = start
        self.slot = DraftSlot(line=number, start=start, end=end, day=self.day)
        self.role = _SPEAKERS
        self.last_person = None
        if timed.rest:
            self.read_title(number, timed.rest)

    def afternoon(self, number: int, start: time, end: time | None) -> tuple[time, time | None]:
        """`1:30` in a programme written in am/pm, after `11:00 am`: 13:30."""
        assert self.previous_start is not None
        if start >= self.previous_start or start.hour >= 12:
            return start, end
        later = _plus_half_day(start)
        if end is not None and end < later:
            end = _plus_half_day(end)
        self.draft.note(number, f"{start:%H:%M} read as {later:%H:%M}, after {self.previous_start:%H:%M} "
                                f"(the programme writes am and pm)")
        return later, end

    def read_title(self, number: int, text: str) -> None:
        """A slot's title, and the people written on its line after it."""
        slot = self.slot
        assert slot is not None
        cells = [cell.strip() for cell in _CELL_SEPARATOR.split(text) if cell.strip()]
        pieces = INLINE_MARKER.split(cells[0] if cells else "")
        title, people = self.title_and_people(pieces[0])
        slot.title = title.strip().rstrip(":").strip()
        if people:
            self.add_people(number, _SPEAKERS, people)
        for mark, content in zip(pieces[1::2], pieces[2::2], strict=True):
            self.role = mark_role(mark)
            if content.strip():
                self.read_people_text(number, self.role, content.strip())
        for cell in cells[1:]:
            if not self.read_people_piece(number, cell):
                self.draft.not_understood(number, f"'{cell}' is not read as people")

    @staticmethod
    def title_and_people(text: str) -> tuple[str, list[Person]]:
        """`Welcoming remarks -Anders H. Eide, Norwegian ambassador to the EU` -> the title and the people after
        the first dash that a name follows; the whole text as the title when none does."""
        for match in _PEOPLE_DASH.finditer(text):
            people = read_people(text[match.start():]) if starts_with_name(text[match.end():]) else None
            if people:
                return text[:match.start()].strip(), people
        for match in re.finditer(r",\s*", text):
            # `Welcome, Dana Whitfield, Executive Director`: after a comma, only people with a role or an
            # organisation, so that `Paris, Los Angeles and Tokyo` stays a title
            people = read_people(text[match.end():]) if starts_with_name(text[match.end():]) else None
            if people and all(person.role or person.organisation for person in people):
                return text[:match.start()].strip(), people
        return text.strip(), []

    def read_people_piece(self, number: int, text: str) -> bool:
        """People, with or without the word that says who they are (`Chair: …`, `Panellists:`); False when
        the text is neither (a marker whose people cannot be read is reported here)."""
        marker = _MARKER_LINE.match(text)
        if marker is not None:
            self.role = mark_role(marker.group("by") or marker.group("noun"))
            rest = marker.group("rest").strip()
            if rest:
                self.read_people_text(number, self.role, rest)
            return True
        people = read_people(text)
        if people is None:
            return False
        self.add_people(number, self.role, people)
        return True

    def read_people_text(self, number: int, role: str, text: str) -> None:
        people = read_people(text, names_list=True)
        if people is None:
            self.draft.not_understood(number, f"'{text}' is not read as people")
        else:
            self.add_people(number, role, people)

    def read_people_line(self, number: int, text: str) -> None:
        """A line under a slot's title: people (with or without the word that says who they are), else the
        slot's notes when it is a sentence, else not understood."""
        slot = self.slot
        assert slot is not None
        bullet = BULLET.match(text)
        body = text[bullet.end():].strip() if bullet else text
        if self.read_people_piece(number, body) or self.read_affiliation(body):
            return
        if _is_sentence(body):
            if not slot.notes:
                self.draft.note(number, f"read as the notes of '{slot.title}'")
            slot.notes = f"{slot.notes} {body}".strip()
            return
        self.draft.not_understood(number, text)

    def read_affiliation(self, text: str) -> bool:
        """`Director, Acme AS` under `Jane Doe`: the role and organisation of the person on the line before,
        when that line gave only a name."""
        slot = self.slot
        if slot is None or self.last_person is None or len(text.split()) > 12 or ":" in text or text.endswith("."):
            return False
        where, index = self.last_person
        people = slot.speakers if where == _SPEAKERS else slot.panellists
        person = slot.moderator if where == _MODERATOR else people[index]
        parts = text.split(",")
        if person is None or person.role or person.organisation or not (is_role(parts[0])
                                                                         or is_organisation(parts[0])):
            return False
        role, organisation = split_affiliation(parts)
        if where == _MODERATOR:
            slot.moderator = Person(person.name, role, organisation)
        else:
            people[index] = Person(person.name, role, organisation)
        self.last_person = None
        return True

    def add_people(self, number: int, role: str, people: list[Person]) -> None:
        slot = self.slot
        assert slot is not None
        self.last_person = None
        if role == _MODERATOR:
            if slot.moderator is None:
                slot.moderator, people = people[0], people[1:]
                self.last_person = (_MODERATOR, 0)
            for person in people:
                self.draft.note(number, f"a slot has one moderator: {person.name} is read as a panellist")
            slot.panellists.extend(people)
            if self.role == _MODERATOR:
                self.role = _SPEAKERS  # the lines after a moderator's name the others
        elif role == _PANELLISTS:
            slot.panellists.extend(people)
        else:
            slot.speakers.extend(people)
        if people:
            where = _SPEAKERS if role == _SPEAKERS else _PANELLISTS
            self.last_person = (where, len(slot.speakers if where == _SPEAKERS else slot.panellists) - 1)

    def finish_slot(self) -> None:
        """The slot's kind: the title's (`guess_kind`), a panel when it has panellists; a panel's people are
        its panellists."""
        slot = self.slot
        if slot is None:
            return
        kind = guess_kind(slot.title)
        if slot.panellists and kind in (SlotKind.TALK, SlotKind.REMARKS, SlotKind.OTHER):
            kind = SlotKind.PANEL
        people = len(slot.speakers) + len(slot.panellists) + (slot.moderator is not None)
        if kind is SlotKind.PANEL and _FIRESIDE.search(slot.title) and people == 1:
            # A fireside chat with its one guest is that guest's talk (a panel needs several voices)
            kind = SlotKind.TALK
            slot.speakers, slot.panellists = slot.speakers + slot.panellists, []
        if kind is SlotKind.PANEL and slot.speakers and not slot.panellists:
            slot.panellists, slot.speakers = slot.speakers, []
        slot.kind = kind
        self.draft.slots.append(slot)
        self.slot = None


def _plus_half_day(moment: time) -> time:
    return (datetime.combine(date(2000, 1, 1), moment) + timedelta(hours=12)).time()

