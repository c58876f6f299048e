"""A plan (Agenda) as plain JSON, for the show record.

The record keeps the plan itself, not the YAML it came from: a replay must rebuild what the
operator saw even after the agenda file, or the YAML loader's rules, changed. Decoding checks
every field and raises PlanDecodeError with what is wrong; it never trusts the record blindly.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from runofshow.core.agenda import Agenda, Cue, Event, Person, Slot, SlotKind, Venue
from runofshow.core.commands import MAX_CREW_COLUMN, MAX_CREW_CUE, MAX_CREW_ITEMS
from runofshow.core.live import MAX_MESSAGE
from runofshow.core.messages import MAX_PRESETS

PLAN_FORMAT = 1


class PlanDecodeError(ValueError):
    """A recorded plan that cannot be read back (damaged, or from an incompatible version)."""


def plan_to_json(agenda: Agenda) -> dict[str, Any]:
    event = agenda.event
    return {
        "format": PLAN_FORMAT,
        "event": {"title": event.title, "date": event.date.isoformat(), "timezone": event.timezone,
                  "venue": {"name": event.venue.name, "address": event.venue.address},
                  "organiser": event.organiser, "description": event.description, "topics": list(event.topics),
                  "warning": event.warning, "holding_slide": event.holding_slide},
        "slots": [_slot_to_json(slot) for slot in agenda.slots],
        "messages": list(agenda.messages),
        "columns": list(agenda.columns),
    }


def _person_to_json(person: Person | None) -> list[str] | None:
    return None if person is None else [person.name, person.role, person.organisation]


def _slot_to_json(slot: Slot) -> dict[str, Any]:
    return {
        "id": slot.id, "title": slot.title, "kind": slot.kind.value,
        "start": slot.start.isoformat(), "end": slot.end.isoformat(),
        "speakers": [_person_to_json(p) for p in slot.speakers],
        "moderator": _person_to_json(slot.moderator),
        "panellists": [_person_to_json(p) for p in slot.panellists],
        "cues": [[cue.title, cue.duration, _person_to_json(cue.speaker)] for cue in slot.cues],
        "notes": slot.notes, "warning": slot.warning, "hard": slot.hard, "skipped": slot.skipped,
        "crew": [[column, cue] for column, cue in slot.crew],
    }


def undo_plans_to_json(agenda: Agenda, undo_plans: tuple[Agenda, ...]) -> dict[str, Any]:
    """The plans a checkpoint's undo entries go back to: `plans` (each distinct plan once) and `undo_plans`
    (per undo entry, its index in `plans`, or None for the checkpoint's own plan). {} when all are that plan."""
    if all(plan is agenda or plan == agenda for plan in undo_plans):
        return {}
    plans: list[dict[str, Any]] = []
    seen: dict[int, int] = {}
    indexes: list[int | None] = []
    for plan in undo_plans:
        if plan is agenda or plan == agenda:
            indexes.append(None)
            continue
        if id(plan) not in seen:
            seen[id(plan)] = len(plans)
            plans.append(plan_to_json(plan))
        indexes.append(seen[id(plan)])
    return {"plans": plans, "undo_plans": indexes}


def checkpoint_plans(body: Mapping[str, Any]) -> list[Agenda]:
    """The distinct plans a checkpoint's undo entries go back to (`plans`). Raises PlanDecodeError."""
    return [plan_from_json(item) for item in _list(body.get("plans", []), "plans")]


def undo_plans_from_json(body: Mapping[str, Any], agenda: Agenda, undo_count: int,
                         plans: list[Agenda] | None = None) -> tuple[Agenda, ...]:
    """The plans of a checkpoint's undo entries (see `undo_plans_to_json`); `plans` as `checkpoint_plans`
    read them, if already read. Raises PlanDecodeError."""
    if "undo_plans" not in body:
        return (agenda,) * undo_count
    plans = checkpoint_plans(body) if plans is None else plans
    indexes = _list(body["undo_plans"], "undo_plans")
    if len(indexes) != undo_count:
        raise PlanDecodeError("the checkpoint's undo plans do not match its undo history")
    out: list[Agenda] = []
    for index in indexes:
        if index is None:
            out.append(agenda)
        elif isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(plans):
            out.append(plans[index])
        else:
            raise PlanDecodeError(f"undo plan {index!r} is not in the checkpoint")
    return tuple(out)


def plan_from_json(data: object) -> Agenda:
    """The Agenda recorded by plan_to_json. Raises PlanDecodeError naming the first bad field."""
    try:
        return _plan(data)
    except PlanDecodeError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, zoneinfo.ZoneInfoNotFoundError) as exc:
        raise PlanDecodeError(f"the recorded plan is damaged ({type(exc).__name__}: {exc})") from exc


def _plan(data: object) -> Agenda:
    root = _mapping(data, "plan")
    if root.get("format") != PLAN_FORMAT:
        raise PlanDecodeError(f"unknown plan format {root.get('format')!r}")
    raw_event = _mapping(root["event"], "event")
    timezone = _text(raw_event["timezone"], "timezone")
    tz = zoneinfo.ZoneInfo(timezone)
    venue = _mapping(raw_event["venue"], "venue")
    event = Event(
        title=_text(raw_event["title"], "title"), date=date.fromisoformat(_text(raw_event["date"], "date")),
        timezone=timezone, tz=tz, venue=Venue(_text(venue["name"], "venue"), _text(venue["address"], "venue")),
        organiser=_text(raw_event["organiser"], "organiser"),
        description=_text(raw_event["description"], "description"),
        topics=tuple(_text(t, "topic") for t in _list(raw_event["topics"], "topics")),
        warning=_whole(raw_event["warning"], "warning"),
        holding_slide=_text(raw_event.get("holding_slide", ""), "holding_slide"),  # absent in older records
    )
    columns = _columns(root.get("columns", []))  # a plan recorded before crew columns has none
    slots = tuple(_slot(item, tz) for item in _list(root["slots"], "slots"))
    if not slots:
        raise PlanDecodeError("the recorded plan has no slots")
    if len({slot.id for slot in slots}) != len(slots):
        raise PlanDecodeError("the recorded plan has two slots with one id")
    # A plan recorded before preset messages has none.
    presets = tuple(_text(m, "message") for m in _list(root.get("messages", []), "messages"))
    if len(presets) > MAX_PRESETS or any(len(m) > MAX_MESSAGE for m in presets):
        raise PlanDecodeError("the recorded plan's preset messages are too many or too long")
    return Agenda(event, slots, presets, columns)


def _columns(data: object) -> tuple[str, ...]:
    columns = tuple(_text(name, "crew column") for name in _list(data, "columns"))
    if len(columns) > MAX_CREW_ITEMS or not all(0 < len(name) <= MAX_CREW_COLUMN for name in columns) \
            or len({name.casefold() for name in columns}) != len(columns):
        raise PlanDecodeError("the recorded plan's crew columns are too many, empty, too long or repeated")
    return columns


def _crew(data: object) -> tuple[tuple[str, str], ...]:
    """A slot's crew cues, (column, cue) pairs, as recorded: a replay must rebuild the very plan the operator had,
    so only their shape is checked (the loader and the plan command keep them to the agenda's columns)."""
    crew = tuple((_text(column, "crew column"), _text(cue, "crew cue"))
                 for column, cue in (_pair(item) for item in _list(data, "crew")))
    if len(crew) > MAX_CREW_ITEMS or not all(column and len(cue) <= MAX_CREW_CUE for column, cue in crew):
        raise PlanDecodeError("a recorded slot's crew cues are too many, too long or without a column")
    return crew


def _pair(data: object) -> tuple[object, object]:
    item = _list(data, "crew cue")
    if len(item) != 2:
        raise PlanDecodeError("a crew cue is not a column and a cue")
    return item[0], item[1]


def _slot(data: object, tz: zoneinfo.ZoneInfo) -> Slot:
    raw = _mapping(data, "slot")
    start, end = _moment(raw["start"], tz), _moment(raw["end"], tz)
    if end <= start:
        raise PlanDecodeError(f"slot {raw.get('id')!r} ends before it starts")
    warning = raw["warning"]
    return Slot(
        id=_text(raw["id"], "id"), title=_text(raw["title"], "title"), kind=SlotKind(raw["kind"]),
        start=start, end=end,
        speakers=tuple(_person(p) for p in _list(raw["speakers"], "speakers")),
        moderator=None if raw["moderator"] is None else _person(raw["moderator"]),
        panellists=tuple(_person(p) for p in _list(raw["panellists"], "panellists")),
        cues=tuple(_cue(c) for c in _list(raw["cues"], "cues")),
        notes=_text(raw["notes"], "notes"),
        warning=None if warning is None else _whole(warning, "warning"),
        hard=_flag(raw.get("hard", False), "hard"),  # absent in records from before plan editing
        skipped=_flag(raw.get("skipped", False), "skipped"),
        crew=_crew(raw.get("crew", [])),  # absent in records from before crew columns
    )


def _flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise PlanDecodeError(f"{what} is not true or false")
    return value


def _cue(data: object) -> Cue:
    title, duration, speaker = _list(data, "cue")
    return Cue(_text(title, "cue title"), _whole(duration, "cue duration"),
               None if speaker is None else _person(speaker))


def _person(data: object) -> Person:
    name, role, organisation = _list(data, "person")
    return Person(_text(name, "name"), _text(role, "role"), _text(organisation, "organisation"))


def _moment(value: object, tz: zoneinfo.ZoneInfo) -> datetime:
    moment = datetime.fromisoformat(_text(value, "time"))
    if moment.tzinfo is None:
        raise PlanDecodeError(f"time {value!r} has no UTC offset")
    return moment.astimezone(tz)  # back in the event's zone; astimezone keeps DST folds right


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise PlanDecodeError(f"{what} is not an object")
    return value


def _list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise PlanDecodeError(f"{what} is not a list")
    return value


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise PlanDecodeError(f"{what} is not text")
    return value


def _whole(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10 * 365 * 86400:
        raise PlanDecodeError(f"{what} is not a whole number of seconds")
    return value
