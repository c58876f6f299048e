"""The agenda's parts built from a YAML node tree: event, slots, people and cues, every problem collected.

Works on PyYAML's node tree rather than on constructed Python values: nodes keep their line and
column, and a scalar keeps the text as written, so an unquoted `13:30` (which YAML 1.1 would turn
into the integer 810) is read as the time it looks like.

Over 400 lines and not split: it is one reader walking one tree, and each check (a time a DST night
skips, a `[Name, Organisation]` list, an overlap that wants a `date:`) needs the node it reports at;
the shapes shared by every part of the format already live in `yaml_nodes.py`.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import unicodedata
import zoneinfo
from collections.abc import Container
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from yaml.nodes import Node, ScalarNode, SequenceNode

from runofshow.core.agenda import Agenda, Cue, Event, Person, Slot, SlotKind, Venue, real_seconds
from runofshow.core.commands import check_arguments
from runofshow.core.live import MAX_MESSAGE
from runofshow.core.messages import MAX_PRESETS
from runofshow.core.timeparse import TimeOfDay, format_duration, parse_date, parse_duration, parse_time_of_day
from runofshow.io.crew_nodes import CrewReader
from runofshow.io.pictures import picture_problem
from runofshow.io.yaml_nodes import field_node, where

TOP_KEYS = ("event", "slots", "messages", "columns")
EVENT_KEYS = ("title", "date", "timezone", "venue", "organiser", "description", "topics", "warning", "holding_slide")
VENUE_KEYS = ("name", "address")
SLOT_KEYS = (
    "id", "title", "kind", "date", "start", "end", "duration", "speakers", "moderator",
    "panellists", "cues", "notes", "warning", "hard", "skip", "crew",
)
PERSON_KEYS = ("name", "role", "organisation")
CUE_KEYS = ("title", "duration", "speaker")

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_END_OF_DAY = re.compile(r"^\s*24:00(?::00)?\s*(?:\+\s*(\d+)\s*d)?\s*$")


def time_zone(name: str) -> tzinfo | str:
    """The zone with this IANA name, or why there is none (with the closest name, when one is close)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        hint = difflib.get_close_matches(name, sorted(zoneinfo.available_timezones()), n=1, cutoff=0.6)
        suggestion = f"; did you mean `{hint[0]}`?" if hint else " (use an IANA name like Europe/Brussels)"
        return f"unknown time zone '{name}'{suggestion}"


def slugify(title: str) -> str:
    """A stable id from a title: 'Welcoming remarks' -> 'welcoming-remarks'."""
    # Apostrophes vanish rather than split a word: "what's" -> "whats".
    unquoted = title.replace("'", "").replace("\u2019", "")
    ascii_text = unicodedata.normalize("NFKD", unquoted).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:48].rstrip("-") or "slot"


class AgendaReader(CrewReader):
    """Walks the node tree once, building the model and collecting every problem on the way."""

    # -- the document -------------------------------------------------------------------------

    def agenda(self, root: Node) -> Agenda | None:
        if isinstance(root, ScalarNode):
            self.error(root, "this is not an agenda: the file is plain text, not a YAML mapping with "
                             "`event:` and `slots:`")
            return None
        fields = self.mapping(root, "the agenda", TOP_KEYS)
        if fields is None:
            return None
        event_node = self.required(fields, "event", root, "the agenda")
        slots_node = self.required(fields, "slots", root, "the agenda")
        event = self.event(event_node) if event_node is not None else None
        if "columns" in fields:
            self.crew_columns = self.columns(fields["columns"][1])
        presets = self.messages(fields["messages"][1]) if "messages" in fields else ()
        if slots_node is None or event is None:
            if slots_node is not None and event is None:
                self.slots(slots_node, None)  # still report what is wrong with the slots
            return None
        slots = self.slots(slots_node, event)
        if slots is None:
            return None
        return Agenda(event, slots, presets, self.crew_columns)

    def messages(self, node: Node) -> tuple[str, ...]:
        """The preset messages for the stage, sent with keys 1-9: each one line the stage can show."""
        if not isinstance(node, SequenceNode):
            self.error(node, f"`messages` must be a list (lines starting with `- `), found {self.describe(node)}")
            return ()
        found: list[str] = []
        for item in node.value:
            raw = self.text(item, "a message", required=True)
            text = " ".join(raw.split())
            if not text:
                continue
            _args, problem = check_arguments("message", {"text": raw})  # what the stage could never be sent
            if len(text) > MAX_MESSAGE:
                self.error(item, f"the message '{text[:30]}…' has {len(text)} characters; the stage shows at most "
                                 f"{MAX_MESSAGE}")
            elif problem:
                self.error(item, f"the message '{text[:30]}' cannot be sent: {problem}")
            elif text in found:
                self.note(item, f"the message '{text}' is listed twice; it gets one key")
            elif len(found) == MAX_PRESETS:
                self.note(item, f"only the first {MAX_PRESETS} messages get a key (1-{MAX_PRESETS}); "
                                "this one and those after it are left out")
                break
            else:
                found.append(text)
        return tuple(found)

    def event(self, node: Node) -> Event | None:
        fields = self.mapping(node, "`event`", EVENT_KEYS)
        if fields is None:
            return None
        title_node = self.required(fields, "title", node, "the event")
        title = self.text(title_node, "the event's title", required=True) if title_node else ""
        date_node = self.required(fields, "date", node, "the event")
        event_date = self.parsed(date_node, "the event's date", parse_date) if date_node else None
        tz_node = self.required(fields, "timezone", node, "the event")
        tz_name, tz = self.timezone(tz_node) if tz_node else ("", None)
        venue = Venue()
        if "venue" in fields:
            venue_fields = self.mapping(fields["venue"][1], "`venue`", VENUE_KEYS)
            if venue_fields is not None:
                venue = Venue(self.optional_text(venue_fields, "name", "the venue's name"),
                              self.optional_text(venue_fields, "address", "the venue's address"))
        topics: list[str] = []
        if "topics" in fields:
            topics_node = fields["topics"][1]
            if isinstance(topics_node, SequenceNode):
                topics = [t for t in (self.text(item, "a topic", required=True) for item in topics_node.value) if t]
            else:
                self.error(topics_node, f"`topics` must be a list (lines starting with `- `), "
                                        f"found {self.describe(topics_node)}")
        warning = 120
        if "warning" in fields:
            parsed_warning = self.parsed(fields["warning"][1], "the event's warning", parse_duration)
            warning = parsed_warning if parsed_warning is not None else warning
        holding_slide = self.holding_slide(fields["holding_slide"][1]) if "holding_slide" in fields else ""
        if not title or event_date is None or tz is None:
            return None
        return Event(
            title=title, date=event_date, timezone=tz_name, tz=tz, venue=venue,
            organiser=self.optional_text(fields, "organiser", "the organiser"),
            description=self.optional_text(fields, "description", "the description"),
            topics=tuple(topics), warning=warning, holding_slide=holding_slide,
        )

    def holding_slide(self, node: Node) -> str:
        """The projector's holding slide: a picture beside the agenda (its path relative to the agenda's
        folder), checked now so that a typo is found at the desk, not on the projector mid-show."""
        written = self.text(node, "the holding slide", required=True)
        if not written:
            return ""
        path = (Path(self.filename).parent / Path(written).expanduser()).resolve()
        problem = picture_problem(path)
        if problem and not path.exists():
            self.error(node, f"the holding slide '{written}' is not there (looked for {path}); put the picture "
                             f"beside the agenda or give its path relative to the agenda's folder")
        elif problem:
            self.error(node, f"the holding slide '{written}' {problem}")
        return "" if problem else str(path)

    def timezone(self, node: Node) -> tuple[str, tzinfo | None]:
        name = self.text(node, "the time zone", required=True)
        if not name:
            return "", None
        zone = time_zone(name)
        if isinstance(zone, str):
            self.error(node, zone)
            return name, None
        return name, zone

    # -- slots --------------------------------------------------------------------------------

    def slots(self, node: Node, event: Event | None) -> tuple[Slot, ...] | None:
        if not isinstance(node, SequenceNode):
            self.error(node, f"`slots` must be a list of slots (each starting with `- `), found {self.describe(node)}")
            return None
        if not node.value:
            self.error(node, "`slots` is empty; an agenda needs at least one slot")
            return None
        built: list[Slot] = []
        id_nodes: dict[str, Node] = {}
        day = event.date if event else date(2000, 1, 1)
        previous: Slot | None = None
        complete = True
        explicit = _WrittenIds(node.value)
        for item in node.value:
            slot = self.slot(item, event, day, id_nodes, explicit)
            if slot is None:
                complete = False
                previous = None  # no gap or overlap claims across a slot that could not be read
                continue
            # Back to back, as most are: nothing to say, and no zone looked up to find the gap is none.
            if previous is not None and not _same_moment(previous.end, slot.start):
                gap = real_seconds(previous.end, slot.start)
                if gap:
                    self.check_sequence(previous, slot, item, gap)
            # A slot without a date starts on the day the previous slot ended.
            day = slot.end.date()
            previous = slot
            built.append(slot)
        return tuple(built) if complete else None

    def check_sequence(self, previous: Slot, slot: Slot, item: Node, gap: int) -> None:
        """An overlap or a gap (`gap`: real seconds from the previous end to this start, not zero): in real
        seconds because on a daylight-saving night the clock face misleads."""
        start_node = field_node(item, "start") or item
        if gap < 0:
            hint = ""
            if field_node(item, "date") is None and real_seconds(previous.end, slot.start + timedelta(days=1)) >= 0:
                next_day = slot.start.date() + timedelta(days=1)
                hint = (f"; if '{slot.title}' is on the next day, give it `date: {next_day.isoformat()}` "
                        "(a slot without `date` is on the day the slot before it ends)")
            self.error(start_node, f"'{slot.title}' starts at {_hhmm(slot.start)}, before '{previous.title}' "
                                   f"ends at {_hhmm(previous.end)}; slots must not overlap and must be in order"
                                   f"{hint}")
        else:
            self.note(start_node, f"a gap of {format_duration(gap)} between '{previous.title}' and '{slot.title}'")

    def slot(self, node: Node, event: Event | None, day: date, id_nodes: dict[str, Node],
             explicit: Container[str]) -> Slot | None:
        fields = self.mapping(node, "a slot", SLOT_KEYS)
        if fields is None:
            return None
        title_node = self.required(fields, "title", node, "a slot")
        title = self.text(title_node, "the slot's title", required=True) if title_node else ""
        slot_id = self.slot_id(fields, title, id_nodes, explicit)
        kind = SlotKind.TALK
        if "kind" in fields:
            kind_text = self.text(fields["kind"][1], "the slot's kind")
            try:
                kind = SlotKind(kind_text)
            except ValueError:
                names = [k.value for k in SlotKind]
                hint = difflib.get_close_matches(kind_text, names, n=1, cutoff=0.6)
                suggestion = f"; did you mean `{hint[0]}`?" if hint else ""
                self.error(fields["kind"][1], f"unknown kind '{kind_text}' (one of {', '.join(names)}){suggestion}")
        if "date" in fields:
            day = self.parsed(fields["date"][1], "the slot's date", parse_date) or day
        start, end, length = self.slot_times(fields, node, day, event.tz if event else UTC)
        speakers = self.people(fields["speakers"][1], "`speakers`") if "speakers" in fields else ()
        moderator = self.person(fields["moderator"][1], "the moderator") if "moderator" in fields else None
        panellists = self.people(fields["panellists"][1], "`panellists`") if "panellists" in fields else ()
        cues = self.cues(fields["cues"][1]) if "cues" in fields else ()
        crew = self.crew(*fields["crew"]) if "crew" in fields else ()
        warning: int | None = None
        if "warning" in fields:
            warning = self.parsed(fields["warning"][1], "the slot's warning", parse_duration)
        if start is None or end is None or not title or not slot_id or event is None:
            return None
        slot_warning = warning if warning is not None else event.warning
        if slot_warning >= length:
            where = fields["warning"][1] if "warning" in fields else node
            self.note(where, f"the warning ({format_duration(slot_warning)}) is not shorter than '{title}' "
                             f"({format_duration(length)}): its timer is amber from the start")
        if cues:
            total = sum(cue.duration for cue in cues)
            if total > length:
                self.error(fields["cues"][0], f"the cues of '{title}' add up to {format_duration(total)}, "
                                              f"longer than the slot's {format_duration(length)}")
        return Slot(
            id=slot_id, title=title, kind=kind, start=start, end=end, speakers=tuple(speakers),
            moderator=moderator, panellists=tuple(panellists), cues=tuple(cues),
            notes=self.optional_text(fields, "notes", "the notes"), warning=warning,
            hard=self.flag(fields, "hard"), skipped=self.flag(fields, "skip"), crew=crew,
        )

    def flag(self, fields: dict[str, tuple[Node, Node]], key: str) -> bool:
        """`hard: true` or `skip: true` on a slot (false, or left out, is the default)."""
        if key not in fields:
            return False
        node = fields[key][1]
        if isinstance(node, ScalarNode) and node.tag.endswith(":bool"):
            return str(node.value).strip().lower() in ("true", "yes", "on")
        self.error(node, f"`{key}` must be true or false, found {self.describe(node)}")
        return False

    def slot_id(self, fields: dict[str, tuple[Node, Node]], title: str, id_nodes: dict[str, Node],
                explicit: Container[str]) -> str:
        if "id" in fields:
            id_node = fields["id"][1]
            slot_id = self.text(id_node, "the slot's id", required=True)
            if slot_id and not _ID.match(slot_id):
                self.error(id_node, f"id '{slot_id}' may hold only letters, digits, '-', '_' and '.'")
                return ""
            if slot_id in id_nodes:
                line, column = where(id_nodes[slot_id])
                self.error(id_node, f"duplicate id '{slot_id}' (first used at line {line}, column {column})")
                return ""
            if slot_id:
                id_nodes[slot_id] = id_node
            return slot_id
        if not title:
            return ""
        # Derived ids are made unique by a counter, so two slots called "Break" are break and break-2.
        base = slugify(title)
        slot_id, counter = base, 2
        while slot_id in id_nodes or slot_id in explicit:
            slot_id, counter = f"{base}-{counter}", counter + 1
        id_nodes[slot_id] = fields["title"][1]
        return slot_id

    def slot_times(self, fields: dict[str, tuple[Node, Node]], node: Node, day: date,
                   tz: tzinfo) -> tuple[datetime | None, datetime | None, int]:
        """The slot's start, its end and its length in real seconds (0 when either is missing)."""
        start_node = self.required(fields, "start", node, "a slot")
        start_tod: TimeOfDay | None = self.parsed(start_node, "start", _parse_time) if start_node else None
        start = self.moment(start_node, day, start_tod, tz) if start_node and start_tod else None
        if "end" in fields and "duration" in fields:
            self.error(fields["duration"][0], "give either `end` or `duration`, not both")
            return start, None, 0
        if "duration" in fields:
            seconds = self.parsed(fields["duration"][1], "duration", parse_duration)
            if seconds is None or start is None:
                return start, None, 0
            if seconds <= 0:
                self.error(fields["duration"][1], "duration must be longer than zero")
                return start, None, 0
            # Add in UTC so that a slot across a daylight-saving change keeps its real length.
            return start, (start.astimezone(UTC) + timedelta(0, seconds)).astimezone(tz), seconds
        if "end" not in fields:
            self.error(node, "a slot needs an `end` or a `duration`")
            return start, None, 0
        end_node = fields["end"][1]
        end_tod: TimeOfDay | None = self.parsed(end_node, "end", _parse_time)
        if start is None or end_tod is None:
            return start, None, 0
        end = self.moment(end_node, day, end_tod, tz)
        length = real_seconds(start, end)
        if length <= 0:
            self.error(end_node, f"end {_hhmm(end)} is not after start {_hhmm(start)}; for a slot that runs "
                                 f"past midnight write `end: {_hhmm(end)} +1d` or give a `duration`")
            return start, None, 0
        return start, end, length

    def moment(self, node: Node, day: date, when: TimeOfDay, tz: tzinfo) -> datetime:
        """A written time of day on `day` as a real moment, with a note when the day skips it or lives it twice.

        A time in a spring-forward gap is read forward by the size of the gap (02:30 -> 03:30 in
        Brussels) and kept as that real time; a time in a fall-back fold is read as its first
        occurrence (fold=0), the way `planned_epoch` reads it again on the day the show is played.
        """
        on = day + timedelta(when.days_later) if when.days_later else day
        # Both built by `combine` from times made once: `replace(fold=1)` costs five times as much, per slot.
        first = datetime.combine(on, when.time, tz)
        second = datetime.combine(on, _second_occurrence(when.time), tz)
        before, after = first.utcoffset(), second.utcoffset()
        if before is None or after is None or before == after:
            return first
        written = _hhmm(first)
        shift = format_duration(abs(round((after - before).total_seconds())))
        zone = getattr(tz, "key", str(tz))
        if after > before:  # the clocks go forward: the written time is skipped
            real = datetime.fromtimestamp(first.timestamp(), tz)
            self.note(node, f"{written} does not exist on {on.isoformat()} in {zone} (the clocks go forward "
                            f"{shift} that night); read as {_hhmm(real)} {_zone_label(real)}")
            return real
        self.note(node, f"{written} happens twice on {on.isoformat()} in {zone} (the clocks go back {shift} that "
                        f"night); read as the first one, {written} {_zone_label(first)}, not the second, "
                        f"{written} {_zone_label(second)}; to end a slot at the second one, give its "
                        f"`duration` instead of `end`")
        return first

    # -- people and cues ----------------------------------------------------------------------

    def people(self, node: Node, what: str) -> list[Person]:
        if isinstance(node, ScalarNode) and not node.tag.endswith(":null"):
            person = self.person(node, what)
            return [person] if person else []
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list of people, found {self.describe(node)}")
            return []
        self.note_affiliations_as_people(node, what)
        return [p for p in (self.person(item, "a person") for item in node.value) if p]

    def note_affiliations_as_people(self, node: SequenceNode, what: str) -> None:
        """A note when a `[Name, Organisation]` list probably means one person, not two.

        In a flow list the comma separates people, so `[Thomas Koetz, IPBES Secretariat]` is two. The
        list is read as written (a valid agenda loads unchanged); the note fires for each unquoted item
        that reads as a role or an organisation (`_looks_like_affiliation`) right after one that does not.
        """
        if not node.flow_style:
            return
        items = node.value
        for name_node, other in itertools.pairwise(items):
            if not (_plain(name_node) and _plain(other)):
                continue
            name, affiliation = str(name_node.value).strip(), str(other.value).strip()
            if not name or _looks_like_affiliation(name) or not _looks_like_affiliation(affiliation):
                continue
            self.note(other, f"{what} reads '{name}' and '{affiliation}' as two people (in [ ], a comma "
                             f"separates people); if '{affiliation}' is {name}'s organisation or role, write one "
                             f"person: `\"{name}, {affiliation}\"` in quotes, or "
                             f"`{{name: {name}, organisation: {affiliation}}}`")

    def person(self, node: Node, what: str) -> Person | None:
        if isinstance(node, ScalarNode):
            # One line, "Name, role, organisation": the rule is `Person.from_line`'s.
            return Person.from_line(self.text(node, what, required=True))
        fields = self.mapping(node, what, PERSON_KEYS)
        if fields is None:
            return None
        name_node = self.required(fields, "name", node, what)
        name = self.text(name_node, "a name", required=True) if name_node else ""
        if not name:
            return None
        return Person(name, self.optional_text(fields, "role", "the role"),
                      self.optional_text(fields, "organisation", "the organisation"))

    def cues(self, node: Node) -> list[Cue]:
        if not isinstance(node, SequenceNode):
            self.error(node, f"`cues` must be a list, found {self.describe(node)}")
            return []
        cues: list[Cue] = []
        for item in node.value:
            fields = self.mapping(item, "a cue", CUE_KEYS)
            if fields is None:
                continue
            title_node = self.required(fields, "title", item, "a cue")
            title = self.text(title_node, "the cue's title", required=True) if title_node else ""
            duration_node = self.required(fields, "duration", item, "a cue")
            seconds = self.parsed(duration_node, "the cue's duration", parse_duration) if duration_node else None
            if seconds is not None and seconds <= 0:
                self.error(duration_node, "a cue's duration must be longer than zero")  # type: ignore[arg-type]
                seconds = None
            speaker = self.person(fields["speaker"][1], "the cue's speaker") if "speaker" in fields else None
            if title and seconds:
                cues.append(Cue(title, seconds, speaker))
        return cues


class _WrittenIds:
    """The ids written out in the slot list: they win over derived ones, wherever in the list they stand.
    Gathered the first time a derived id is checked against them (a plan whose every slot has an id never asks)."""

    def __init__(self, items: list[Node]) -> None:
        self._items = items
        self._ids: set[str] | None = None

    def __contains__(self, slot_id: object) -> bool:
        if self._ids is None:
            found = (field_node(item, "id") for item in self._items)
            self._ids = {n.value for n in found if isinstance(n, ScalarNode)}
        return slot_id in self._ids


def _parse_time(text: str) -> TimeOfDay:
    """A time of day as the format writes it; `24:00` is refused with the way to write midnight."""
    match = _END_OF_DAY.match(text)
    if match:
        days = int(match.group(1) or 0) + 1
        raise ValueError(f"'{text.strip()}' is not a time of day (hours 0-23); for midnight at the end of "
                         f"the day write `00:00 +{days}d`")
    return parse_time_of_day(text)


def _same_moment(one: datetime, other: datetime) -> bool:
    """Whether two moments are one for certain: the same clock face, fold and zone (the fold counts, unlike in
    `==`: 02:30 before and after the clocks go back are an hour apart). Else their epoch seconds tell."""
    return one == other and one.fold == other.fold and one.tzinfo is other.tzinfo


@functools.cache
def _second_occurrence(when: time) -> time:
    """The time of day as its second occurrence on a night the clocks go back (fold=1)."""
    return when.replace(fold=1)


def _zone_label(moment: datetime) -> str:
    """`CEST, UTC+02:00`: the zone's abbreviation and offset at this moment."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(round(offset.total_seconds())) // 60
    return f"({moment.tzname()}, UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"


# Words that make an item of a people list read as an organisation or a role rather than a person.
_AFFILIATION_WORDS = frozenset({
    "academy", "agency", "alliance", "association", "authority", "bank", "board", "centre", "center", "college",
    "commission", "committee", "company", "corporation", "council", "department", "directorate", "embassy",
    "federation", "forum", "foundation", "fund", "government", "group", "initiative", "institute", "institut",
    "institution", "laboratory", "lab", "ministry", "network", "observatory", "office", "organisation",
    "organization", "parliament", "partners", "platform", "programme", "program", "school", "secretariat", "service",
    "services", "society", "team", "trust", "union", "unit", "universit", "university", "adviser", "advisor",
    "ambassador", "ceo", "cfo", "chair", "chairman", "chairperson", "chairwoman", "commissioner", "coordinator",
    "cto", "deputy", "director", "editor", "executive", "founder", "head", "journalist", "manager", "mayor",
    "minister", "moderator", "officer", "president", "professor", "rapporteur", "researcher", "secretary",
    "spokesperson", "asbl", "gmbh", "inc", "ltd", "llc", "ngo",
})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,}$")


def _plain(node: Node) -> bool:
    """An unquoted scalar: a quoted one was written as one value on purpose."""
    return isinstance(node, ScalarNode) and node.style is None and not node.tag.endswith(":null")


def _looks_like_affiliation(text: str) -> bool:
    """Whether a people list's item reads as an organisation or a role: a word such as Secretariat,
    University, Ministry, Director (`_AFFILIATION_WORDS`), or an acronym of two capitals or more (IPBES, EU)."""
    words = re.findall(r"[\w&]+", text)
    return any(word.lower() in _AFFILIATION_WORDS or _ACRONYM.match(word) for word in words)


def _hhmm(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")
