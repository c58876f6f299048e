"""Shared helpers for engine tests: the seed programme and instants written as times of day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.io.agenda_yaml import load_agenda, parse_agenda
from runofshow.paths import bundled_agenda

BRUSSELS = ZoneInfo("Europe/Brussels")


def seed() -> Agenda:
    agenda = load_agenda(bundled_agenda()).agenda
    assert agenda is not None
    return agenda


def agenda_from(slots: str, date: str = "2023-11-30", tz: str = "Europe/Brussels") -> Agenda:
    text = f"event: {{title: Test, date: {date}, timezone: {tz}}}\nslots:\n{slots}"
    result = parse_agenda(text, "test.yaml")
    assert result.agenda is not None, [str(p) for p in result.problems]
    return result.agenda


def at(hour: int, minute: int, second: float = 0.0, day: int = 30, month: int = 11) -> Instant:
    """The instant at this time of day in Brussels (30 November 2023 unless told)."""
    epoch = datetime(2023, month, day, hour, minute, tzinfo=BRUSSELS).timestamp() + second
    return Instant(epoch, epoch)


def hms(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S")
