"""The agenda model: frozen, typed, and already validated by the loader.

Times are aware datetimes in the event's time zone. The engine maps them onto the day a show
actually runs, so the model keeps the planned calendar dates as written. Lengths are real seconds
(`real_seconds`), never a clock-face difference: on a daylight-saving night they differ by the shift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum


class SlotKind(StrEnum):
    TALK = "talk"
    REMARKS = "remarks"
    BREAK = "break"
    PANEL = "panel"
    RECEPTION = "reception"
    OTHER = "other"


@dataclass(frozen=True)
class Person:
    name: str
    role: str = ""
    organisation: str = ""

    @property
    def affiliation(self) -> str:
        """Role and organisation as one line, e.g. 'Programme Director, LUP'."""
        return ", ".join(part for part in (self.role, self.organisation) if part)

    def label(self) -> str:
        """Name with role and organisation, as printed in a programme."""
        return ", ".join(part for part in (self.name, self.affiliation) if part)

    @classmethod
    def from_line(cls, line: str) -> Person | None:
        """A person written on one line, as a programme prints one; None without a name.

        The one rule, wherever a person is read from text: the parts between commas are
        `Name` → the name; `Name, organisation` → a single part after the name is the organisation;
        `Name, role, organisation` → all three; with more commas the role is everything between the
        name and the last part (`Jo, Head of Unit, Policy, EC` → role `Head of Unit, Policy`).
        An empty part is left empty: `Jo, Chair,` is a role alone, `Jo, , LUP` an organisation alone.
        """
        parts = [part.strip() for part in line.split(",")]
        if not parts[0]:
            return None
        if len(parts) == 1:
            return cls(parts[0])
        return cls(parts[0], ", ".join(parts[1:-1]).strip(", "), parts[-1])


@dataclass(frozen=True)
class Cue:
    """A segment inside a slot, e.g. one panellist's opening turn or the Q&A."""

    title: str
    duration: int  # seconds
    speaker: Person | None = None


def real_seconds(start: datetime, end: datetime) -> int:
    """Whole real seconds from `start` to `end` (aware datetimes), daylight-saving changes counted."""
    return round(end.timestamp() - start.timestamp())


@dataclass(frozen=True, init=False)
class Slot:
    id: str
    title: str
    kind: SlotKind
    start: datetime
    end: datetime
    speakers: tuple[Person, ...] = ()
    moderator: Person | None = None
    panellists: tuple[Person, ...] = ()
    cues: tuple[Cue, ...] = ()
    notes: str = ""
    warning: int | None = None  # seconds before the end; None = the event's default
    hard: bool = False  # keeps its start time of day when the plan is edited (soft: follows its predecessor)
    skipped: bool = False  # passed over by GO and next, and not expected
    # The crew's cues for this slot, one per crew column that has one, in the agenda's column order:
    # (("Audio", "handhelds 3-5"), ("Video", "camera wide")). Never shown on a room display.
    crew: tuple[tuple[str, str], ...] = ()

    def __init__(self, id: str, title: str, kind: SlotKind, start: datetime, end: datetime,  # noqa: PLR0917
                 speakers: tuple[Person, ...] = (), moderator: Person | None = None,
                 panellists: tuple[Person, ...] = (), cues: tuple[Cue, ...] = (), notes: str = "",
                 warning: int | None = None, hard: bool = False, skipped: bool = False,
                 crew: tuple[tuple[str, str], ...] = ()) -> None:
        # Every field at once: the generated __init__ of a frozen dataclass sets each one through
        # object.__setattr__, some 2 µs more a slot, 10 ms of loading a 5,000-slot agenda. The generated
        # signature kept (the fields in order, positional too, the same defaults): tests/core/test_slot_fields.py.
        object.__setattr__(self, "__dict__", {
            "id": id, "title": title, "kind": kind, "start": start, "end": end, "speakers": speakers,
            "moderator": moderator, "panellists": panellists, "cues": cues, "notes": notes, "warning": warning,
            "hard": hard, "skipped": skipped, "crew": crew,
        })

    @property
    def duration(self) -> int:
        """Planned length in whole real seconds.

        Through epoch seconds, not `end - start`: two datetimes in the same zone subtract on the clock
        face, so a slot across a daylight-saving change would be an hour too long or too short.
        """
        return real_seconds(self.start, self.end)

    def crew_cue(self, column: str) -> str:
        """This slot's cue in one crew column, "" when it has none."""
        return next((cue for name, cue in self.crew if name == column), "")

    @property
    def people(self) -> tuple[Person, ...]:
        """Everyone on stage in this slot, moderator first for a panel."""
        mod = (self.moderator,) if self.moderator else ()
        return mod + self.panellists + self.speakers


@dataclass(frozen=True)
class Venue:
    name: str = ""
    address: str = ""


@dataclass(frozen=True)
class Event:
    title: str
    date: date
    timezone: str  # IANA name, e.g. "Europe/Brussels"
    tz: tzinfo = field(compare=False)
    venue: Venue = Venue()
    organiser: str = ""
    description: str = ""
    topics: tuple[str, ...] = ()
    warning: int = 120  # default warning threshold, seconds before a slot's end
    holding_slide: str = ""  # the projector's holding slide: a picture's absolute path, "" for the logo slide


@dataclass(frozen=True)
class Agenda:
    event: Event
    slots: tuple[Slot, ...]
    messages: tuple[str, ...] = ()  # preset messages for the stage, keys 1-9 in the operator window
    columns: tuple[str, ...] = ()  # the crew's departments (Audio, Video, Lighting, Stage), in rundown order
    _positions: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A lookup table so that finding a slot by id costs the same for 5 or 5,000 slots.
        object.__setattr__(self, "_positions", {s.id: i for i, s in enumerate(self.slots)})

    def index_of(self, slot_id: str) -> int | None:
        """Position of the slot with this id, or None when the agenda has no such slot."""
        return self._positions.get(slot_id)

    def warning_for(self, slot: Slot) -> int:
        """The warning threshold that applies to a slot, in seconds."""
        return self.event.warning if slot.warning is None else slot.warning
