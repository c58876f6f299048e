"""The plan as a CSV with every column, for a spreadsheet or the crew; `runofshow import` reads it back.

The event sits in rows above the header (`Event`, `Date`, `Time zone`, `Venue` … with the value beside
the word), then one header row and one row per slot, the crew columns last. The sheet reader
(`import_sheet`) understands exactly this layout, so exporting and importing gives the same plan.

What a plan CSV does not carry: the preset messages for the stage, the event's default warning and its
holding slide (they are the operator's setup, not the running order).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from runofshow.core.agenda import Agenda, Cue, Person, Slot
from runofshow.core.timeparse import format_duration
from runofshow.io.import_cells import CUE_SPEAKER
from runofshow.io.import_finish import LONGEST_OVERNIGHT

__all__ = ["PLAN_COLUMNS", "plan_to_csv"]

PLAN_COLUMNS = ("ID", "Date", "Start", "End", "Duration", "Title", "Kind", "Speakers", "Moderator", "Panellists",
                "Cues", "Notes", "Warning", "Hard", "Skip")


def plan_to_csv(agenda: Agenda) -> str:
    """The plan: the event's rows, a blank row, the header, a row per slot (`\\r\\n` line ends, as CSV has them)."""
    out = io.StringIO()
    writer = csv.writer(out)
    event = agenda.event
    writer.writerow(["Event", event.title])
    writer.writerow(["Date", event.date.isoformat()])
    writer.writerow(["Time zone", event.timezone])
    if event.venue.name:
        writer.writerow(["Venue", event.venue.name])
    if event.venue.address:
        writer.writerow(["Address", event.venue.address])
    if event.organiser:
        writer.writerow(["Organiser", event.organiser])
    if event.description:
        writer.writerow(["Description", event.description])
    for topic in event.topics:
        writer.writerow(["Topic", topic])
    writer.writerow([])
    writer.writerow([*PLAN_COLUMNS, *agenda.columns])
    for slot in agenda.slots:
        writer.writerow(_row(slot, agenda.columns))
    return out.getvalue()


def _row(slot: Slot, columns: tuple[str, ...]) -> list[str]:
    return [
        slot.id,
        slot.start.date().isoformat(),
        _hhmm(slot.start),
        _end(slot),
        format_duration(slot.duration),
        slot.title,
        slot.kind.value,
        "\n".join(_person(person) for person in slot.speakers),
        _person(slot.moderator) if slot.moderator else "",
        "\n".join(_person(person) for person in slot.panellists),
        "\n".join(_cue(cue) for cue in slot.cues),
        slot.notes,
        format_duration(slot.warning) if slot.warning is not None else "",
        "yes" if slot.hard else "",
        "yes" if slot.skipped else "",
        *(slot.crew_cue(column) for column in columns),
    ]


def _end(slot: Slot) -> str:
    """The end as a time of day when the importer reads it back as this very moment, else "" (the length
    says it): an end the clock lives twice, or one more than a night after the start."""
    tz = slot.start.tzinfo
    local_end = slot.end.astimezone(tz)
    wall_start = slot.start.replace(tzinfo=None)
    wall_end = local_end.replace(tzinfo=None, fold=0)
    if wall_end.date() > wall_start.date() and wall_end - wall_start > LONGEST_OVERNIGHT:
        return ""
    if wall_end.date() - wall_start.date() > timedelta(days=1) or wall_end.time() == wall_start.time():
        return ""
    read_back = datetime.combine(wall_start.date(), wall_end.time(), tzinfo=tz)
    if read_back.replace(tzinfo=None) <= wall_start:
        read_back += timedelta(days=1)
    return _hhmm(local_end) if read_back.timestamp() == slot.end.timestamp() else ""


def _person(person: Person) -> str:
    """One line when `Person.from_line` reads it back the same, else `Name | Role | Organisation`."""
    for line in (person.label(), f"{person.name}, {person.role},"):
        if Person.from_line(line) == person and not any(mark in line for mark in ";|\n"):
            return line
    return " | ".join((person.name, person.role, person.organisation))


def _cue(cue: Cue) -> str:
    speaker = f"{CUE_SPEAKER}{_person(cue.speaker)}" if cue.speaker else ""
    return f"{format_duration(cue.duration)} {cue.title}{speaker}"


def _hhmm(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")
