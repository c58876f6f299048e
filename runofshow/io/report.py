"""Planned vs actual, built from the journal's replay, so it survives a crash."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from datetime import date, datetime

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.runs import merge_runs
from runofshow.core.show import ShowEngine, SlotRun
from runofshow.core.timing import format_short, local_datetime, planned_epoch


@dataclass(frozen=True)
class ReportRow:
    slot_id: str
    title: str
    planned_start: datetime | None
    planned_end: datetime | None
    actual_start: datetime | None
    actual_end: datetime | None
    actual_seconds: float | None  # time on stage: from first start to last end, pauses excluded
    status: str = "not run"  # done, running (the show was still on it), or not run

    @property
    def planned_seconds(self) -> float | None:
        if self.planned_start is None or self.planned_end is None:
            return None
        # Real seconds: two times of one zone subtract on the clock face, wrong by an hour on a DST night.
        return self.planned_end.timestamp() - self.planned_start.timestamp()

    @property
    def over_seconds(self) -> float | None:
        """Positive: ran longer than planned; negative: shorter."""
        if self.actual_seconds is None or self.planned_seconds is None or self.status == "running":
            return None
        return self.actual_seconds - self.planned_seconds


@dataclass(frozen=True)
class Report:
    title: str
    rows: tuple[ReportRow, ...]
    drift: float  # the show's drift at the end (or now): positive = behind plan


def build_report(engine: ShowEngine, now: float | None = None) -> Report:
    """Rows in agenda order, then any run slot that is no longer in the agenda.

    A slot still running at `now` (a show in progress, or one that crashed) is reported as running,
    with its actual start and its time so far.
    """
    agenda = engine.agenda
    # In roll mode the plan moves the show along with time: the runs up to `now`, read without changing it.
    live = engine.live_at(Instant(now, now)) if now is not None else engine.live
    runs = live.runs
    current = agenda.slots[live.index] if live.index is not None else None
    if current is not None and live.running_since is not None and now is not None:
        paused = live.paused_total + (now - live.paused_at if live.paused_at is not None else 0.0)
        runs = (*runs, SlotRun(current.id, live.running_since, now, paused, live.added))
    merged = merge_runs(runs)
    anchor = live.anchor or agenda.event.date
    rows = []
    for slot in agenda.slots:
        planned_start = local_datetime(_planned(agenda, anchor, slot.start), agenda.event.tz)
        planned_end = local_datetime(_planned(agenda, anchor, slot.end), agenda.event.tz)
        actual = merged.pop(slot.id, None)
        row = _row(agenda, slot.id, slot.title, (planned_start, planned_end), actual)
        if current is not None and slot.id == current.id and live.running_since is not None and actual:
            row = replace(row, status="running", actual_end=None)
        rows.append(row)
    for slot_id, actual in merged.items():
        rows.append(_row(agenda, slot_id, f"({slot_id}: no longer in the agenda)", (None, None), actual))
    last = live.runs[-1].end if live.runs else None
    at = now if now is not None else last
    drift = engine.state(Instant(at, at)).drift if at is not None else 0.0
    return Report(agenda.event.title, tuple(rows), drift)


def _planned(agenda: Agenda, anchor: date, moment: datetime) -> float:
    return planned_epoch(anchor, agenda.event.date, moment, agenda.event.tz)


def _row(agenda: Agenda, slot_id: str, title: str, planned: tuple[datetime | None, datetime | None],
         actual: tuple[float, float, float] | None) -> ReportRow:
    planned_start, planned_end = planned
    if actual is None:
        return ReportRow(slot_id, title, planned_start, planned_end, None, None, None)
    start, end, seconds = actual
    tz = agenda.event.tz
    return ReportRow(slot_id, title, planned_start, planned_end, local_datetime(start, tz), local_datetime(end, tz),
                     seconds, "done")


def _time(moment: datetime | None) -> str:
    return moment.strftime("%H:%M:%S") if moment else ""


def _length(seconds: float | None) -> str:
    return format_short(round(seconds)) if seconds is not None else ""


def _signed(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = round(seconds)
    return ("+" if whole > 0 else "-" if whole < 0 else "") + format_short(abs(whole))


HEADER = ("slot", "title", "planned start", "planned end", "planned length", "actual start", "actual end",
          "actual length", "over/under", "status")


def report_rows(report: Report) -> list[tuple[str, ...]]:
    return [(r.slot_id, r.title, _time(r.planned_start), _time(r.planned_end), _length(r.planned_seconds),
             _time(r.actual_start), _time(r.actual_end), _length(r.actual_seconds), _signed(r.over_seconds),
             r.status) for r in report.rows]


def to_csv(report: Report) -> str:
    """CSV, one header row; times of day in the event's zone, lengths as M:SS, over/under signed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(report_rows(report))
    return buffer.getvalue()


def to_table(report: Report) -> str:
    """A plain text table for the terminal, with the show's drift at the bottom."""
    rows = [HEADER, *report_rows(report)]
    titles = [row[1] if len(row[1]) <= 40 else row[1][:39] + "…" for row in rows]
    rows = [(row[0], title, *row[2:]) for row, title in zip(rows, titles, strict=True)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    drift = _signed(report.drift)
    verdict = "on time" if drift == "" or round(report.drift) == 0 else (
        f"{drift[1:]} behind plan" if report.drift > 0 else f"{drift[1:]} ahead of plan")
    return "\n".join([report.title, "", *lines, "", f"Show drift: {verdict}"]) + "\n"
