"""An import draft -> the agenda's YAML, loaded back the way `runofshow check` loads it.

Every reader (programme text, CSV, XLSX) fills an `ImportDraft`; this module works out what the source
left implicit (each slot's day and end, its kind and id, the event's date and time zone), writes the
agenda file's text and loads it back with the real loader. The result passes `check`, or there is no
agenda and `problems` says why, each reason naming the line (or row) of the source it is about.

The draft's notes are formatted here, `FILE:LINE: text` (`FILE: text` for line 0). A note that a line was
not understood (`understood=False`) reads `FILE:LINE: not understood: text`: a reader gives the line's
content or the reason in `text`, without that prefix.

Over 400 lines and not split: it is one pass over one draft (the event, each slot's day and start, the
ends, the overlaps, the text, the check), and every step reports at the source's line it works on.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from runofshow.core.agenda import Agenda, Person
from runofshow.core.timeparse import format_duration
from runofshow.io.agenda_builder import slugify, time_zone
from runofshow.io.agenda_save import cues_node, person_node, round_trip_yaml  # the saver's emitters: one YAML style
from runofshow.io.agenda_yaml import parse_agenda
from runofshow.io.import_draft import DraftSlot, ImportDraft, ImportNote, guess_kind
from runofshow.io.problems import Severity

__all__ = ["ImportOptions", "ImportOutcome", "finish_import"]

# A start earlier than the slot before it is read as after midnight only within this much of that slot's start
# (a concert at 22:00, the after-party at 01:00); a longer wrap is a typo or another day that needs a date.
NEXT_DAY_WITHIN = timedelta(hours=12)
# An end earlier than its start is read as past midnight only when the slot then lasts at most this long.
LONGEST_OVERNIGHT = timedelta(hours=12)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ImportOptions:
    # The operator's word wins over the file's: a zone or date the file only implies (a city, `Central Time`)
    # is a guess, and even one it states may be an old copy; a note says when the two differ.
    date: date | None = None  # --date: the first day; the programme's days move with it
    timezone: str = ""  # --timezone
    default_length: int = 1800  # --default-length, seconds, for a last slot with only a start


@dataclass(frozen=True)
class ImportOutcome:
    yaml_text: str | None  # the agenda, None when it does not pass check
    agenda: Agenda | None  # the same, loaded back (as `runofshow check` loads it)
    notes: tuple[str, ...]  # "FILE:LINE: text" for every note and every line not understood
    problems: tuple[str, ...]  # why there is no agenda (the check's problems, or a missing date/zone)


@dataclass
class _Timed:
    """A draft slot placed in time: naive local wall times on the event's days."""

    draft: DraftSlot
    start: datetime
    end: datetime | None = None  # the end as a time of day to write (`end:`), or None with `duration`
    duration: int | None = None  # seconds, written as `duration:` (real time)
    real_end: datetime | None = None  # where the slot ends on the wall clock, for days and overlaps


@dataclass
class _Finisher:
    draft: ImportDraft
    options: ImportOptions
    notes: list[tuple[int, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    day_shift: timedelta = timedelta(0)  # --date minus the file's first day: every dated slot moves by it

    @property
    def source(self) -> str:
        return str(self.draft.source)

    def at(self, line: int, text: str) -> str:
        return f"{self.source}:{line}: {text}" if line > 0 else f"{self.source}: {text}"

    def note(self, line: int, text: str) -> None:
        self.notes.append((line, text))

    def problem(self, line: int, text: str) -> None:
        self.problems.append((line, text))

    # -- the event ----------------------------------------------------------------------------

    def event_date(self) -> date | None:
        event = self.draft.event
        in_file = event.date or (self.draft.slots[0].day if self.draft.slots else None)
        given = self.options.date
        if given is not None:
            if in_file is not None and in_file != given:
                self.day_shift = given - in_file
                self.note(0, f"--date {given.isoformat()} used; the file says {in_file.isoformat()} (the "
                             f"programme's days move with it)")
            return given
        if in_file is not None:
            return in_file
        self.problem(0, "the file gives no date for the event; give its first day with --date YYYY-MM-DD")
        return None

    def timezone(self) -> tuple[str, tzinfo | None]:
        in_file, given = self.draft.event.timezone.strip(), self.options.timezone.strip()
        name = given or in_file
        if given and in_file and given != in_file:
            self.note(0, f"--timezone {given} used; the file suggests {in_file}")
        if not name:
            self.problem(0, "the file does not say in which time zone the times are; give it with --timezone "
                            "(an IANA name such as Europe/Brussels)")
            return "", None
        zone = time_zone(name)
        if isinstance(zone, str):
            self.problem(0, zone)
            return name, None
        return name, zone

    def title(self) -> str:
        title = _one_line(self.draft.event.title)
        if not title:
            title = self.draft.source.stem or "Imported programme"
            self.note(0, f"the file gives no title for the event; it is called '{title}' (the file's name): "
                         f"change it in the agenda")
        return title

    # -- the slots ----------------------------------------------------------------------------

    def place(self, first_day: date, tz: tzinfo) -> list[_Timed]:
        """Each slot's start on its day; an end or a length where the source gives one."""
        slots = self.draft.slots
        dated = any(slot.day is not None for slot in slots)
        placed: list[_Timed] = []
        day = first_day
        previous: _Timed | None = None
        for slot in slots:
            if not _one_line(slot.title):
                self.problem(slot.line, "a slot without a title")
            if slot.day is not None:
                day = slot.day + self.day_shift
            elif previous is not None:
                # A slot without a date starts on the day the previous one ended (the loader's rule).
                day = (previous.real_end or previous.start).date()
            if slot.start is None:
                if previous is None or previous.real_end is None:
                    self.problem(slot.line, f"'{_one_line(slot.title)}' has no start time, and the slot before it "
                                            "no end to follow")
                    previous = None
                    continue
                start = previous.real_end
            else:
                start = datetime.combine(day, slot.start)
                if previous is not None and slot.day is None and start < previous.start:
                    start = self.earlier_start(slot, previous, start, dated=dated)
            timed = _Timed(slot, start)
            self.own_end(timed, tz)
            placed.append(timed)
            previous = timed
        return placed

    def earlier_start(self, slot: DraftSlot, previous: _Timed, start: datetime, *, dated: bool) -> datetime:
        """A start before the previous slot's: after midnight when that is clearly meant, else left (and noted)."""
        next_day = start + timedelta(days=1)
        if not dated and next_day - previous.start <= NEXT_DAY_WITHIN:
            self.note(slot.line, f"'{_one_line(slot.title)}' starts at {_hhmm(start)}, before the slot on line "
                                 f"{previous.draft.line} ({_hhmm(previous.start)}): read as after midnight, on "
                                 f"{next_day.date().isoformat()}")
            return next_day
        self.note(slot.line, f"'{_one_line(slot.title)}' starts at {_hhmm(start)}, before the slot on line "
                             f"{previous.draft.line} ({_hhmm(previous.start)}): kept on "
                             f"{start.date().isoformat()}; if it is on another day, give the file a date for it")
        return start

    def own_end(self, timed: _Timed, tz: tzinfo) -> None:
        """The end the slot's own line gives: an end time (past midnight when it is before the start) or a length."""
        slot, start = timed.draft, timed.start
        if slot.end is not None:
            end = datetime.combine(start.date(), slot.end)
            if end == start:
                self.problem(slot.line, f"'{_one_line(slot.title)}' ends when it starts ({_hhmm(start)})")
                return
            if end < start:
                end += timedelta(days=1)
                if end - start > LONGEST_OVERNIGHT:
                    self.problem(slot.line, f"'{_one_line(slot.title)}' ends at {_hhmm(end)}, before it starts at "
                                            f"{_hhmm(start)}")
                    return
            timed.end = timed.real_end = end
            if slot.duration is not None and slot.duration != _real_seconds(start, end, tz):
                self.note(slot.line, f"'{_one_line(slot.title)}': the end ({_hhmm(end)}) and the length "
                                     f"({format_duration(slot.duration)}) disagree; the end is used")
        elif slot.duration is not None:
            if slot.duration <= 0:
                self.problem(slot.line, f"'{_one_line(slot.title)}' has a length of zero")
                return
            timed.duration = slot.duration
            timed.real_end = _after(start, slot.duration, tz)

    def ends(self, placed: list[_Timed], tz: tzinfo) -> None:
        """Ends from the next slot's start; the last slot with only a start gets the default length."""
        for index, timed in enumerate(placed):
            if timed.real_end is not None or timed.draft.duration is not None or timed.draft.end is not None:
                continue
            title = _one_line(timed.draft.title)
            following = placed[index + 1] if index + 1 < len(placed) else None
            if following is not None and following.draft.day is not None and \
                    following.start.date() > timed.start.date():
                following = None  # the source starts another day: the last slot of its day
                last = "the last slot of its day"
            else:
                last = "the last slot"
            if following is not None:
                if following.start <= timed.start:
                    continue  # reported as two slots at once by `overlaps`
                timed.end = timed.real_end = following.start
            else:
                timed.duration = self.options.default_length
                timed.real_end = _after(timed.start, timed.duration, tz)
                self.note(timed.draft.line, f"'{title}' is {last} and has only a start: it is given "
                                            f"{format_duration(timed.duration)} (--default-length); check its end")

    def overlaps(self, placed: list[_Timed], tz: tzinfo) -> None:
        """Two slots at once in the source are the source's to settle: reported with both lines, not moved."""
        for before, after in itertools.pairwise(placed):
            end = before.real_end or before.start
            if _epoch(after.start, tz) < _epoch(end, tz) or after.start <= before.start:
                what = "starts at the same time as" if after.start == before.start else "starts before the end of"
                self.problem(after.draft.line, f"'{_one_line(after.draft.title)}' (line {after.draft.line}, "
                                               f"{_hhmm(after.start)}) {what} '{_one_line(before.draft.title)}' "
                                               f"(line {before.draft.line}, {_hhmm(before.start)}-{_hhmm(end)}): "
                                               f"two slots at once")

    # -- the text -----------------------------------------------------------------------------

    def document(self, title: str, first_day: date, tz_name: str, placed: list[_Timed],
                 today: date) -> tuple[str, list[tuple[int, int, int]]]:
        """The agenda's text, and for each slot the range of its lines and the source line it came from."""
        yaml = round_trip_yaml()
        yaml.indent(mapping=2, sequence=4, offset=2)
        name = self.draft.source.name
        parts = [f"# Imported from {name} by `runofshow import` on {today.isoformat()}.\n"
                 "# Read it through before the show: the times, people and kinds are the importer's reading of\n"
                 "# the file. Check it with `runofshow check`; the format: docs/agenda-format.md in runofshow.\n\n"]
        parts.append(_dump(yaml, {"event": self.event_map(title, first_day, tz_name)}))
        columns = self.columns()
        if columns:
            flow = CommentedSeq(columns)
            flow.fa.set_flow_style()
            parts.append("\n" + _dump(yaml, CommentedMap([("columns", flow)])))
        parts.append("\nslots:\n")
        line = sum(part.count("\n") for part in parts) + 1
        ranges: list[tuple[int, int, int]] = []
        implied = first_day
        ids = _slot_ids([timed.draft for timed in placed])
        for index, (timed, slot_id) in enumerate(zip(placed, ids, strict=True)):
            text = _dump(yaml, CommentedSeq([self.slot_map(timed, slot_id, implied, columns)]))
            if index:
                text = "\n" + text
            lines = text.count("\n")
            ranges.append((line, line + lines - 1, timed.draft.line))
            line += lines
            parts.append(text)
            implied = (timed.real_end or timed.start).date()
        return "".join(parts), ranges

    def event_map(self, title: str, first_day: date, tz_name: str) -> CommentedMap:
        event = self.draft.event
        mapping = CommentedMap()
        mapping["title"] = title
        mapping["date"] = first_day
        mapping["timezone"] = tz_name
        venue = CommentedMap()
        if _one_line(event.venue_name):
            venue["name"] = _one_line(event.venue_name)
        if _one_line(event.venue_address):
            venue["address"] = _one_line(event.venue_address)
        if venue:
            mapping["venue"] = venue
        if _one_line(event.organiser):
            mapping["organiser"] = _one_line(event.organiser)
        if _block(event.description):
            mapping["description"] = _text_value(_block(event.description))
        topics = [_one_line(topic) for topic in event.topics if _one_line(topic)]
        if topics:
            mapping["topics"] = CommentedSeq(topics)
        return mapping

    def columns(self) -> list[str]:
        """The crew columns, with any a slot names that the draft's list lacks added after them."""
        columns = [_one_line(column) for column in self.draft.columns if _one_line(column)]
        for slot in self.draft.slots:
            for column, cue in slot.crew.items():
                if _one_line(cue) and _one_line(column) and _one_line(column) not in columns:
                    columns.append(_one_line(column))
        return columns

    def slot_map(self, timed: _Timed, slot_id: str, implied: date, columns: list[str]) -> CommentedMap:
        slot = timed.draft
        mapping = CommentedMap()
        mapping["id"] = slot_id
        if timed.start.date() != implied:
            mapping["date"] = timed.start.date()
        mapping["start"] = _hhmm(timed.start)
        if timed.end is not None:
            later = (timed.end.date() - timed.start.date()).days
            mapping["end"] = _hhmm(timed.end) + (f" +{later}d" if later else "")
        elif timed.duration is not None:
            mapping["duration"] = format_duration(timed.duration)
        mapping["title"] = _one_line(slot.title)
        kind = slot.kind if slot.kind is not None else guess_kind(_one_line(slot.title))
        mapping["kind"] = kind.value
        if slot.hard:
            mapping["hard"] = True
        if slot.skipped:
            mapping["skip"] = True
        if slot.speakers:
            mapping["speakers"] = CommentedSeq([_person_node(p) for p in slot.speakers])
        if slot.moderator is not None:
            mapping["moderator"] = _person_node(slot.moderator)
        if slot.panellists:
            mapping["panellists"] = CommentedSeq([_person_node(p) for p in slot.panellists])
        if slot.cues:
            mapping["cues"] = cues_node(tuple(slot.cues), False)
        crew = CommentedMap()
        cues = {_one_line(column): _one_line(cue) for column, cue in slot.crew.items()}
        for column in columns:
            if cues.get(column):
                crew[column] = cues[column]
        if crew:
            mapping["crew"] = crew
        if _block(slot.notes):
            mapping["notes"] = _text_value(_block(slot.notes))
        if slot.warning is not None:
            mapping["warning"] = format_duration(slot.warning)
        return mapping

    # -- the whole ----------------------------------------------------------------------------

    def finish(self, today: date) -> ImportOutcome:
        if not self.draft.slots:
            self.problem(0, "no slot was found in the file: no line or row with a time and a title")
            return self.outcome(None, None)
        title = self.title()
        first_day = self.event_date()
        tz_name, tz = self.timezone()
        if first_day is None or tz is None:
            return self.outcome(None, None)
        placed = self.place(first_day, tz)
        self.ends(placed, tz)
        self.overlaps(placed, tz)
        if self.problems:
            return self.outcome(None, None)
        text, ranges = self.document(title, first_day, tz_name, placed, today)
        loaded = parse_agenda(text, self.source)
        for found in loaded.problems:
            line = next((source for first, last, source in ranges if first <= found.line <= last), 0)
            if found.severity is Severity.NOTE:
                self.note(line, found.message)
            else:
                self.problem(line, found.message)
        if loaded.agenda is None:
            if not self.problems:  # cannot happen when the loader is consistent; never return a silent failure
                self.problem(0, "the agenda made from this file does not load")
            return self.outcome(None, None)
        return self.outcome(text, loaded.agenda)

    def outcome(self, text: str | None, agenda: Agenda | None) -> ImportOutcome:
        notes = [(note.line, _note_text(note)) for note in self.draft.notes] + self.notes
        notes.sort(key=lambda item: item[0])
        problems = sorted(self.problems, key=lambda item: item[0])
        return ImportOutcome(
            yaml_text=text if agenda is not None else None,
            agenda=agenda,
            notes=tuple(self.at(line, text) for line, text in notes),
            problems=tuple(self.at(line, text) for line, text in problems),
        )


def finish_import(draft: ImportDraft, options: ImportOptions, *, today: date | None = None) -> ImportOutcome:
    """The agenda a draft makes, checked; `today` is the date written in the file's header (default: today)."""
    return _Finisher(draft, options).finish(today if today is not None else date.today())


# -- helpers ------------------------------------------------------------------------------------


def _note_text(note: ImportNote) -> str:
    if note.understood or note.text.lower().startswith("not understood"):
        return note.text
    return f"not understood: {note.text}"


def _slot_ids(slots: list[DraftSlot]) -> list[str]:
    """Ids as the loader derives them (`slugify`, `-2` for a second `Break`); ids the source gives win."""
    explicit = {slot.id.strip() for slot in slots if slot.id.strip()}
    taken: set[str] = set()
    ids: list[str] = []
    for slot in slots:
        if slot.id.strip():
            ids.append(slot.id.strip())
            taken.add(slot.id.strip())
            continue
        base = slugify(_one_line(slot.title))
        slot_id, counter = base, 2
        while slot_id in taken or slot_id in explicit:
            slot_id, counter = f"{base}-{counter}", counter + 1
        taken.add(slot_id)
        ids.append(slot_id)
    return ids


def _dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _one_line(text: str) -> str:
    """Text for a one-line field: control characters and runs of white space become one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _block(text: str) -> str:
    """Text for notes or a description: its lines kept, each cleaned, blank lines at the ends dropped."""
    lines = [" ".join(_CONTROL.sub(" ", line).split()) for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _text_value(text: str) -> Any:
    return LiteralScalarString(text) if "\n" in text else text


def _clean_person(person: Person) -> Person:
    return Person(_one_line(person.name), _one_line(person.role), _one_line(person.organisation))


def _person_node(person: Person) -> Any:
    """The saver's form, but a role without an organisation as `{name: …, role: …}`: the one-line form
    `Name, role,` needs a trailing comma that a reader takes for a typo (and deletes, making the role an
    organisation)."""
    person = _clean_person(person)
    if person.role and not person.organisation:
        mapping = CommentedMap([("name", person.name), ("role", person.role)])
        mapping.fa.set_flow_style()
        return mapping
    return person_node(person)


def _hhmm(moment: datetime | time) -> str:
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")


def _epoch(moment: datetime, tz: tzinfo) -> float:
    """A wall time's real moment, read as the loader reads it (a skipped time forward, a repeated one first)."""
    return moment.replace(tzinfo=tz).timestamp()


def _real_seconds(start: datetime, end: datetime, tz: tzinfo) -> int:
    return round(_epoch(end, tz) - _epoch(start, tz))


def _after(start: datetime, seconds: int, tz: tzinfo) -> datetime:
    """The wall time `seconds` of real time after `start` (a length across a daylight-saving change)."""
    moment = datetime.fromtimestamp(_epoch(start, tz), UTC) + timedelta(seconds=seconds)
    return moment.astimezone(tz).replace(tzinfo=None)

