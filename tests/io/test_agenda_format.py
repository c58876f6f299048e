"""The agenda format reads the way a stage manager writes it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from runofshow.core.agenda import Person, SlotKind
from runofshow.core.timeparse import format_duration, parse_duration
from runofshow.io.agenda_yaml import parse_agenda, slugify

BRUSSELS = ZoneInfo("Europe/Brussels")
EVENT = """event:
  title: Test show
  date: 2023-11-30
  timezone: Europe/Brussels
"""


def load(slots: str, event: str = EVENT):  # type: ignore[no-untyped-def]
    result = parse_agenda(event + "slots:\n" + slots, "t.yaml")
    assert result.agenda is not None, [str(p) for p in result.problems]
    return result


def test_unquoted_times_are_read_as_times_of_day_not_base_60_numbers() -> None:
    agenda = load("  - {title: A, start: 13:30, end: 13:45}\n").agenda
    slot = agenda.slots[0]
    assert slot.start == datetime(2023, 11, 30, 13, 30, tzinfo=BRUSSELS)
    assert slot.end == datetime(2023, 11, 30, 13, 45, tzinfo=BRUSSELS)
    assert slot.duration == 15 * 60


def test_quoted_times_and_seconds_work_too() -> None:
    slot = load('  - {title: A, start: "9:05:30", end: "09:10"}\n').agenda.slots[0]
    assert (slot.start.hour, slot.start.minute, slot.start.second) == (9, 5, 30)
    assert slot.duration == 270


def test_durations_in_hours_minutes_and_seconds() -> None:
    assert parse_duration("15m") == 900
    assert parse_duration("1h30m") == 5400
    assert parse_duration("90s") == 90
    assert parse_duration("1h 5m 30s") == 3930
    assert format_duration(5400) == "1h30m"
    slot = load("  - {title: A, start: 10:00, duration: 1h30m}\n").agenda.slots[0]
    assert slot.end == datetime(2023, 11, 30, 11, 30, tzinfo=BRUSSELS)


def test_a_slot_can_cross_midnight_with_plus_one_day_or_a_duration() -> None:
    agenda = load("""  - {title: Late, start: 23:30, end: 00:30 +1d}
  - {title: Later, start: 00:30, duration: 45m}
  - {title: Latest, start: 01:15, end: 02:00}
""").agenda
    late, later, latest = agenda.slots
    assert late.end == datetime(2023, 12, 1, 0, 30, tzinfo=BRUSSELS)
    # A slot without a date starts on the day the previous slot ended.
    assert later.start == datetime(2023, 12, 1, 0, 30, tzinfo=BRUSSELS)
    assert latest.start.date() == date(2023, 12, 1)


def test_a_multi_day_show_dates_its_slots() -> None:
    agenda = load("""  - {title: Day one, start: 09:00, end: 17:00}
  - {title: Day two, date: 2023-12-01, start: 09:00, end: 17:00}
""").agenda
    assert agenda.slots[1].start == datetime(2023, 12, 1, 9, 0, tzinfo=BRUSSELS)


def test_a_slot_across_a_daylight_saving_change_keeps_its_real_length() -> None:
    event = EVENT.replace("2023-11-30", "2023-10-29")
    slot = load("  - {title: Night, start: 01:30, duration: 2h}\n", event).agenda.slots[0]
    assert slot.end - slot.start == timedelta(hours=2) or (slot.end.astimezone(BRUSSELS).hour == 2)
    assert (slot.end.timestamp() - slot.start.timestamp()) == 7200


def test_a_gap_between_slots_is_a_note_not_an_error() -> None:
    result = load("""  - {title: A, start: 10:00, end: 10:10}
  - {title: B, start: 10:30, end: 10:40}
""")
    assert [str(p) for p in result.problems] == ["t.yaml:7:23: note: a gap of 20m between 'A' and 'B'"]


def test_speakers_in_short_and_long_form() -> None:
    slot = load("""  - title: A
    start: 10:00
    end: 10:10
    speakers:
      - Anders H. Eide, Norwegian ambassador to the EU
      - name: Ingebjørg Harto
        role: Programme Director
        organisation: LUP
      - Jo
""").agenda.slots[0]
    assert slot.speakers == (
        Person("Anders H. Eide", organisation="Norwegian ambassador to the EU"),
        Person("Ingebjørg Harto", "Programme Director", "LUP"),
        Person("Jo"),
    )
    assert slot.speakers[1].label() == "Ingebjørg Harto, Programme Director, LUP"


def test_a_panel_has_a_moderator_panellists_and_cues() -> None:
    slot = load("""  - title: Panel
    kind: panel
    start: 10:00
    end: 10:30
    warning: 5m
    moderator: Ingebjørg Harto, LUP
    panellists:
      - {name: Massimo Busuoli, organisation: NTNU}
      - Anne Romsaas
    cues:
      - {title: Opening, duration: 5m, speaker: Massimo Busuoli}
      - {title: Questions and answers, duration: 20m}
    notes: Cut to Q&A at 10:10
""").agenda.slots[0]
    assert slot.kind is SlotKind.PANEL
    assert slot.moderator == Person("Ingebjørg Harto", organisation="LUP")
    assert [p.name for p in slot.panellists] == ["Massimo Busuoli", "Anne Romsaas"]
    assert [(c.title, c.duration) for c in slot.cues] == [("Opening", 300), ("Questions and answers", 1200)]
    assert slot.cues[0].speaker == Person("Massimo Busuoli")
    assert slot.warning == 300
    assert slot.notes == "Cut to Q&A at 10:10"


def test_ids_are_derived_from_titles_when_omitted() -> None:
    assert slugify("Policy panel: Scaling Up the Solutions") == "policy-panel-scaling-up-the-solutions"
    assert slugify("Ståle's Q&A") == "stales-q-a"
    agenda = load("""  - {title: Welcoming remarks, start: 10:00, end: 10:10}
  - {id: custom, title: B, start: 10:10, end: 10:20}
""").agenda
    assert [s.id for s in agenda.slots] == ["welcoming-remarks", "custom"]
    assert agenda.index_of("custom") == 1
    assert agenda.index_of("missing") is None


def test_the_default_warning_comes_from_the_event_and_a_slot_can_override_it() -> None:
    agenda = load("""  - {title: A, start: 10:00, end: 10:10}
  - {title: B, start: 10:10, end: 10:20, warning: 30s}
""", EVENT + "  warning: 3m\n").agenda
    assert [agenda.warning_for(s) for s in agenda.slots] == [180, 30]


def test_a_byte_order_mark_is_accepted() -> None:
    result = parse_agenda(("\ufeff" + EVENT + "slots:\n  - {title: A, start: 10:00, end: 10:10}\n").encode(), "t")
    assert result.agenda is not None
