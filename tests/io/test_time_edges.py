"""Time at the edges of the agenda format (issue 11, items 1 and 7).

Item 1: the loader, `check` and the report count lengths, gaps and spans in real seconds, and every
local time that a daylight-saving night skips or lives twice gets a note saying how it was read.
Item 7: the traps of the format get a note or a hint: a `[Name, Organisation]` list, `24:00`, and a
second day's slot without `date:`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from runofshow.cli import main
from runofshow.core.show import ShowEngine
from runofshow.io.agenda_yaml import LoadResult, parse_agenda
from runofshow.io.problems import Problem, Severity
from runofshow.io.report import build_report, to_csv
from tests.core.helpers import seed

BRUSSELS = ZoneInfo("Europe/Brussels")


def load(slots: str, date: str) -> LoadResult:
    return parse_agenda(f"event: {{title: Night, date: {date}, timezone: Europe/Brussels}}\nslots:\n{slots}",
                        "night.yaml")


def notes(result: LoadResult) -> list[Problem]:
    return [p for p in result.problems if p.severity is Severity.NOTE]


def errors(result: LoadResult) -> list[str]:
    return [str(p) for p in result.problems if p.severity is Severity.ERROR]


# -- item 1: times a daylight-saving night skips or repeats ---------------------------------------------


def test_a_time_the_spring_night_skips_is_noted_with_the_real_time_it_was_read_as() -> None:
    result = load("  - {title: A, start: '02:30', end: '04:00'}\n", "2024-03-31")
    assert result.agenda is not None
    assert [str(p) for p in notes(result)] == [
        "night.yaml:3:23: note: 02:30 does not exist on 2024-03-31 in Europe/Brussels (the clocks go forward "
        "1h that night); read as 03:30 (CEST, UTC+02:00)",
    ]
    slot = result.agenda.slots[0]
    assert slot.start == datetime(2024, 3, 31, 3, 30, tzinfo=BRUSSELS)
    assert slot.start.utcoffset() is not None and slot.start.utcoffset().total_seconds() == 7200  # type: ignore[union-attr]
    assert slot.duration == 1800


def test_a_time_the_autumn_night_lives_twice_is_noted_as_read_the_first_time() -> None:
    result = load("  - {title: A, start: '02:30', end: '04:00'}\n", "2024-10-27")
    assert result.agenda is not None
    assert [str(p) for p in notes(result)] == [
        "night.yaml:3:23: note: 02:30 happens twice on 2024-10-27 in Europe/Brussels (the clocks go back 1h that "
        "night); read as the first one, 02:30 (CEST, UTC+02:00), not the second, 02:30 (CET, UTC+01:00); to end "
        "a slot at the second one, give its `duration` instead of `end`",
    ]
    slot = result.agenda.slots[0]
    assert slot.start.fold == 0 and slot.start.tzname() == "CEST"
    assert slot.duration == 9000  # 02:30 CEST to 04:00 CET


def test_every_skipped_or_repeated_time_gets_its_own_note_at_its_own_place() -> None:
    result = load("  - {title: A, start: '02:15', end: '02:45'}\n  - {title: B, start: '02:45', end: '05:00'}\n",
                  "2024-10-27")
    assert [(p.line, p.column, p.message.split(" ")[0]) for p in notes(result)] == [
        (3, 23, "02:15"), (3, 37, "02:45"), (4, 23, "02:45")]


def test_an_ordinary_night_and_the_bundled_agenda_get_no_time_notes() -> None:
    result = load("  - {title: A, start: '02:30', end: '04:00'}\n", "2024-03-30")
    assert result.agenda is not None and notes(result) == []
    bundled = [p.message for p in parse_agenda(Path("agenda.yaml").read_text(encoding="utf-8")).problems]
    assert not [m for m in bundled if "does not exist" in m or "happens twice" in m or "two people" in m]
    assert seed().slots[0].duration == 15 * 60


def test_a_gap_across_the_autumn_night_is_measured_in_real_time() -> None:
    result = load("  - {title: A, start: '01:00', end: '01:30'}\n  - {title: B, start: '03:00', end: '04:00'}\n",
                  "2024-10-27")
    assert [p.message for p in notes(result)] == ["a gap of 2h30m between 'A' and 'B'"]


def test_slots_overlapping_in_real_time_across_the_repeated_hour_are_refused() -> None:
    # A ends at the second 02:30 (CET); B's 02:45 is read as the first one (CEST), an hour before.
    result = load("  - {title: A, start: '02:00', duration: 1h30m}\n  - {title: B, start: '02:45', end: '04:00'}\n",
                  "2024-10-27")
    assert result.agenda is None
    assert len(errors(result)) == 1 and "'B' starts at 02:45, before 'A' ends at 02:30" in errors(result)[0]


def test_a_start_on_the_clock_face_the_previous_slot_ends_on_is_not_back_to_back_an_hour_apart() -> None:
    # A ends at the second 02:30 (CET); B's 02:30 is read as the first one (CEST): the same clock face and
    # zone (equal for `==`), an hour before A's end, so an overlap and not two slots back to back.
    result = load("  - {title: A, start: '01:30', duration: 2h}\n  - {title: B, start: '02:30', end: '04:00'}\n",
                  "2024-10-27")
    assert result.agenda is None
    assert len(errors(result)) == 1 and "'B' starts at 02:30, before 'A' ends at 02:30" in errors(result)[0]


def test_cues_longer_than_a_slot_shortened_by_the_spring_night_are_refused() -> None:
    result = load("  - {title: A, start: '01:30', end: '04:00', cues: [{title: Q, duration: 2h}]}\n", "2024-03-31")
    assert errors(result) == [
        "night.yaml:3:46: the cues of 'A' add up to 2h, longer than the slot's 1h30m"]


def write(tmp_path: Path, date: str) -> Path:
    path = tmp_path / f"night-{date}.yaml"
    path.write_text(f"event: {{title: Night, date: {date}, timezone: Europe/Brussels}}\nslots:\n"
                    "  - {id: night, title: Night shift, start: '01:30', end: '04:00'}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("date", "span"), [("2024-03-31", "1h30m"), ("2024-10-27", "3h30m"), ("2024-10-26", "2h30m")])
def test_check_sums_up_the_span_in_real_time(tmp_path: Path, capsys: pytest.CaptureFixture[str], date: str,
                                             span: str) -> None:
    path = write(tmp_path, date)
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"{path}: ok: 1 slot, {date} 01:30 to {date} 04:00 ({span}), time zone Europe/Brussels\n")


@pytest.mark.parametrize(("date", "seconds", "shown"), [("2024-03-31", 5400, "1:30:00"),
                                                        ("2024-10-27", 12600, "3:30:00")])
def test_the_report_gives_the_planned_length_in_real_time(date: str, seconds: int, shown: str) -> None:
    result = load("  - {id: night, title: Night shift, start: '01:30', end: '04:00'}\n", date)
    assert result.agenda is not None
    report = build_report(ShowEngine(result.agenda))
    assert report.rows[0].planned_seconds == seconds
    assert to_csv(report).splitlines()[1] == f"night,Night shift,01:30:00,04:00:00,{shown},,,,,not run"


# -- item 7: the format's traps --------------------------------------------------------------------------


def test_a_name_and_an_organisation_in_a_flow_list_get_a_note_and_still_load_as_written() -> None:
    result = load("  - {title: A, start: '10:00', end: '11:00', speakers: [Thomas Koetz, IPBES Secretariat]}\n",
                  "2023-11-30")
    assert result.agenda is not None
    assert [p.name for p in result.agenda.slots[0].speakers] == ["Thomas Koetz", "IPBES Secretariat"]
    assert [str(p) for p in notes(result)] == [
        "night.yaml:3:71: note: `speakers` reads 'Thomas Koetz' and 'IPBES Secretariat' as two people (in [ ], a "
        "comma separates people); if 'IPBES Secretariat' is Thomas Koetz's organisation or role, write one person: "
        "`\"Thomas Koetz, IPBES Secretariat\"` in quotes, or "
        "`{name: Thomas Koetz, organisation: IPBES Secretariat}`",
    ]


@pytest.mark.parametrize("people", [
    "[Jane Doe, Director General]", "[Jane Doe, EU]", "[Anna Smith, University of Ghent]",
])
def test_a_role_or_an_acronym_after_a_name_is_noted_too(people: str) -> None:
    result = load(f"  - {{title: A, start: '10:00', end: '11:00', panellists: {people}}}\n", "2023-11-30")
    assert result.agenda is not None and len(result.agenda.slots[0].panellists) == 2
    assert [p.message.split(" (")[0] for p in notes(result)] == [
        f"`panellists` reads 'Jane Doe' and '{people[11:-1]}' as two people" if "Jane" in people else
        "`panellists` reads 'Anna Smith' and 'University of Ghent' as two people"]


@pytest.mark.parametrize("people", [
    "[Alice Martin, Bob Jones]",  # two people
    "['Thomas Koetz, IPBES Secretariat']",  # one person, quoted: name and role
    "[Thomas Koetz, 'IPBES Secretariat']",  # quoted on purpose
    "[IPBES Secretariat, UNEP]",  # two organisations, no name before them
    "\n      - Thomas Koetz\n      - IPBES Secretariat\n",  # one per line: no comma trap
])
def test_people_lists_that_are_not_the_trap_get_no_note(people: str) -> None:
    text = f"  - title: A\n    start: '10:00'\n    end: '11:00'\n    speakers: {people}\n"
    result = load(text, "2023-11-30")
    assert result.agenda is not None
    assert notes(result) == []


@pytest.mark.parametrize(("written", "hint"), [("24:00", "00:00 +1d"), ("24:00:00", "00:00 +1d"),
                                               ("24:00 +1d", "00:00 +2d")])
def test_24_00_is_refused_with_the_way_to_write_midnight(written: str, hint: str) -> None:
    result = load(f"  - {{title: A, start: '22:00', end: '{written}'}}\n", "2023-11-30")
    assert result.agenda is None
    assert errors(result) == [
        f"night.yaml:3:37: end: '{written}' is not a time of day (hours 0-23); for midnight at the end of the day "
        f"write `{hint}`"]


def test_a_second_days_slot_without_a_date_gets_the_hint_to_add_one() -> None:
    result = load("  - {title: Day one, start: '09:00', end: '17:00'}\n"
                  "  - {title: Day two, start: '09:00', end: '10:00'}\n", "2023-11-30")
    assert errors(result) == [
        "night.yaml:4:29: 'Day two' starts at 09:00, before 'Day one' ends at 17:00; slots must not overlap and "
        "must be in order; if 'Day two' is on the next day, give it `date: 2023-12-01` (a slot without `date` is "
        "on the day the slot before it ends)"]


def test_an_overlap_that_a_next_day_would_not_cure_gets_no_date_hint() -> None:
    result = load("  - {title: A, start: '09:00', end: '17:00'}\n  - {title: B, date: 2023-11-30, start: '10:00', "
                  "end: '11:00'}\n", "2023-11-30")
    assert len(errors(result)) == 1 and "date:" not in errors(result)[0]
