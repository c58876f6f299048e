"""What the printed rundown says: the header, the columns and every row's cells, as plain text blocks.

Kept apart from `ui/print_rundown.py`, which only measures, paginates and paints: a row's words can be
tested (and read) without a page. Crew cues are printed here; they never reach a room display.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from runofshow.core.agenda import Agenda, Slot, SlotKind
from runofshow.core.timing import format_drift
from runofshow.io.report import Report, report_rows
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate

KIND_WORDS = {SlotKind.REMARKS: QT_TRANSLATE_NOOP("PrintRundown", "Remarks"),
              SlotKind.BREAK: QT_TRANSLATE_NOOP("PrintRundown", "Break"),
              SlotKind.PANEL: QT_TRANSLATE_NOOP("PrintRundown", "Panel"),
              SlotKind.RECEPTION: QT_TRANSLATE_NOOP("PrintRundown", "Reception"),
              SlotKind.OTHER: QT_TRANSLATE_NOOP("PrintRundown", "Other")}


class Style(StrEnum):
    """How a block of text is set; `ui/print_rundown.py` maps each to a font and a colour."""

    BODY = "body"
    STRONG = "strong"  # a slot's title, its times
    STRUCK = "struck"  # a skipped slot's title
    SMALL = "small"  # roles, a panel's cues, lengths
    TAG = "tag"  # the kind of slot, "skipped": small capitals above the title
    OVER = "over"  # over time in a report


@dataclass(frozen=True)
class Block:
    """One paragraph of a cell, wrapped to the column's width."""

    text: str
    style: Style = Style.BODY
    detail: str = ""  # after the text, smaller and grey: a person's role and organisation


@dataclass(frozen=True)
class Column:
    """`width_sample`: the column is as wide as this text (times); else it shares the rest by `weight`."""

    header: str
    weight: float = 0.0
    width_sample: str = ""


@dataclass(frozen=True)
class Row:
    cells: tuple[tuple[Block, ...], ...]
    shaded: bool = False  # a break: set off from the talks around it
    skipped: bool = False


@dataclass(frozen=True)
class DayHeading:
    text: str


@dataclass(frozen=True)
class RundownTable:
    kind: str  # "Rundown" or the report's name, above the title
    title: str
    details: tuple[str, ...]  # dates, venue, time zone; the drift of a report
    running_title: str  # at the top of every page after the first
    columns: tuple[Column, ...]
    items: tuple[Row | DayHeading, ...]


def day_words(day: date) -> str:
    """`Thursday 30 November 2023`."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def length_words(seconds: int) -> str:
    """`15 min`, `1 h 30 min`, `2 min 30 s`: a length that cannot be read as a time of day."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(translate("PrintRundown", "{n} h").format(n=hours))
    if minutes:
        parts.append(translate("PrintRundown", "{n} min").format(n=minutes))
    if secs or not parts:
        parts.append(translate("PrintRundown", "{n} s").format(n=secs))
    return " ".join(parts)


def _days(agenda: Agenda) -> list[date]:
    return sorted({slot.start.date() for slot in agenda.slots})


def _dates(agenda: Agenda) -> str:
    first, last = agenda.event.date, max([agenda.event.date, *(slot.end.date() for slot in agenda.slots)])
    if last == first:
        return day_words(first)
    return translate("PrintRundown", "{first} to {last}").format(first=day_words(first), last=day_words(last))


def _people(slot: Slot) -> tuple[Block, ...]:
    blocks: list[Block] = []
    if slot.moderator is not None:
        label = translate("PrintRundown", "Moderator: {name}").format(name=slot.moderator.name)
        blocks.append(Block(label, detail=slot.moderator.affiliation))
    blocks += [Block(person.name, detail=person.affiliation) for person in (*slot.panellists, *slot.speakers)]
    for cue in slot.cues:
        line = f"{length_words(cue.duration)} · {cue.title}"
        if cue.speaker is not None:
            line += f" · {cue.speaker.name}"
        blocks.append(Block(line, Style.SMALL))
    return tuple(blocks)


def _title(slot: Slot) -> tuple[Block, ...]:
    tags = [translate("PrintRundown", KIND_WORDS[slot.kind])] if slot.kind in KIND_WORDS else []
    if slot.skipped:
        tags.append(translate("PrintRundown", "skipped"))
    head = (Block(" · ".join(tags).upper(), Style.TAG),) if tags else ()
    return (*head, Block(slot.title, Style.STRUCK if slot.skipped else Style.STRONG))


def _time(slot: Slot) -> tuple[Block, ...]:
    return Block(f"{slot.start:%H:%M}–{slot.end:%H:%M}", Style.STRONG), Block(length_words(slot.duration), Style.SMALL)


def _text(text: str, style: Style = Style.BODY) -> tuple[Block, ...]:
    """A block per line: a text layout draws a line break as nothing, which glued notes' lines together."""
    return tuple(Block(line.strip(), style) for line in text.splitlines() if line.strip())


def _actual(row: tuple[str, ...] | None) -> tuple[tuple[Block, ...], ...]:
    """Actual start, end, length and over/under, from the report's own formatting (io/report.py)."""
    if row is None:
        return (), (), (), ()
    start, end, length, over, status = row[5:10]
    if status == "running":
        over_cell = _text(translate("PrintRundown", "running"), Style.SMALL)
    else:
        over_cell = _text(over, Style.OVER if over.startswith("+") else Style.BODY)
    return _text(start), _text(end), _text(length), over_cell


def build_table(agenda: Agenda, report: Report | None = None) -> RundownTable:
    """The rundown of `agenda`, and with a report its actual times beside the plan (the report as a PDF)."""
    with_notes = any(slot.notes for slot in agenda.slots)
    columns = [Column(translate("PrintRundown", "Time"), width_sample="00:00–00:00")]
    if report is not None:
        columns += [Column(translate("PrintRundown", "Actual start"), width_sample="00:00:00"),
                    Column(translate("PrintRundown", "Actual end"), width_sample="00:00:00"),
                    Column(translate("PrintRundown", "Actual length"), width_sample="0:00:00"),
                    Column(translate("PrintRundown", "Over/under"), width_sample="+0:00:00")]
    columns += [Column(translate("PrintRundown", "Title"), 3.5), Column(translate("PrintRundown", "Speakers"), 3.5)]
    if with_notes:
        columns.append(Column(translate("PrintRundown", "Notes"), 2.5))
    columns += [Column(name, 2.0) for name in agenda.columns]

    actual = {row[0]: row for row in report_rows(report)} if report is not None else {}
    multi_day = len(_days(agenda)) > 1
    items: list[Row | DayHeading] = []
    day: date | None = None
    for slot in agenda.slots:
        if multi_day and slot.start.date() != day:
            day = slot.start.date()
            items.append(DayHeading(day_words(day)))
        cells = [_time(slot)]
        if report is not None:
            cells += _actual(actual.pop(slot.id, None))
        cells += [_title(slot), _people(slot)]
        if with_notes:
            cells.append(_text(slot.notes))
        cells += [_text(slot.crew_cue(column)) for column in agenda.columns]
        items.append(Row(tuple(cells), shaded=slot.kind is SlotKind.BREAK, skipped=slot.skipped))
    for row in actual.values():  # run in this show, since taken out of the plan: the report keeps them
        blank: tuple[tuple[Block, ...], ...] = ((),) * (len(columns) - 6)
        items.append(Row(((), *_actual(row), _text(row[1]), *blank)))

    if report is None:
        kind = translate("PrintRundown", "Rundown")
    else:
        kind = translate("PrintRundown", "Report: planned and actual")
    venue = ", ".join(part for part in (agenda.event.venue.name, agenda.event.venue.address) if part)
    details = [_dates(agenda), venue, translate("PrintRundown", "times in {zone}").format(zone=agenda.event.timezone)]
    if report is not None:
        details.append(translate("PrintRundown", "show drift: {drift}").format(drift=format_drift(report.drift)))
    return RundownTable(kind, agenda.event.title, tuple(part for part in details if part),
                        f"{agenda.event.title} · {_dates(agenda)}", tuple(columns), tuple(items))
