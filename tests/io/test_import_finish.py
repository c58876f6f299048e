"""An import draft made into an agenda: ends, days, the last slot's length, what is missing, overlaps."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from runofshow.core.agenda import Person, SlotKind
from runofshow.io.agenda_yaml import parse_agenda
from runofshow.io.import_draft import DraftSlot, ImportDraft
from runofshow.io.import_finish import ImportOptions, finish_import

OPTIONS = ImportOptions(date=date(2025, 5, 2), timezone="Europe/Brussels")
BRUSSELS = ZoneInfo("Europe/Brussels")


def _draft(*slots: DraftSlot, title: str = "Spring forum") -> ImportDraft:
    draft = ImportDraft(Path("programme.csv"))
    draft.event.title = title
    draft.slots = list(slots)
    return draft


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 5, day, hour, minute, tzinfo=BRUSSELS)


def test_a_slot_with_only_a_start_ends_where_the_next_one_starts() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(9, 0), title="Welcome"),
                                   DraftSlot(3, time(9, 15), title="Keynote", duration=2700),
                                   DraftSlot(4, time(10, 0), end=time(10, 20), title="Coffee")), OPTIONS)
    assert outcome.problems == ()
    assert outcome.agenda is not None
    welcome, keynote, coffee = outcome.agenda.slots
    assert (welcome.start, welcome.end) == (_at(2, 9), _at(2, 9, 15))
    assert keynote.end == _at(2, 10)
    assert (coffee.kind, welcome.kind, keynote.kind) == (SlotKind.BREAK, SlotKind.REMARKS, SlotKind.TALK)
    assert [slot.id for slot in outcome.agenda.slots] == ["welcome", "keynote", "coffee"]


def test_the_last_slot_with_only_a_start_gets_the_default_length_with_a_note_naming_its_line() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(16, 0), title="Closing"),
                                   DraftSlot(5, time(16, 10), title="Drinks")),
                            ImportOptions(date=date(2025, 5, 2), timezone="Europe/Brussels", default_length=2700))
    assert outcome.agenda is not None
    assert outcome.agenda.slots[-1].end == _at(2, 16, 55)
    assert [note for note in outcome.notes if note.startswith("programme.csv:5: 'Drinks' is the last slot")]


def test_without_a_date_or_a_time_zone_there_is_no_agenda_and_the_problems_name_the_flags() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(9, 0), end=time(10, 0), title="Welcome")), ImportOptions())
    assert outcome.agenda is None and outcome.yaml_text is None
    assert any("--date" in problem for problem in outcome.problems)
    assert any("--timezone" in problem for problem in outcome.problems)


def test_the_sources_date_and_zone_are_used_when_no_flag_is_given() -> None:
    draft = _draft(DraftSlot(2, time(9, 0), end=time(10, 0), title="Welcome"))
    draft.event.date, draft.event.timezone = date(2025, 6, 1), "Europe/Oslo"
    outcome = finish_import(draft, ImportOptions())
    assert outcome.agenda is not None
    assert (outcome.agenda.event.date, outcome.agenda.event.timezone) == (date(2025, 6, 1), "Europe/Oslo")
    assert not any("used" in note for note in outcome.notes)


def test_the_flags_win_over_the_sources_date_and_zone_with_a_note_when_they_differ() -> None:
    draft = _draft(DraftSlot(2, time(9, 0), end=time(10, 0), title="Welcome"),
                   DraftSlot(3, time(9, 0), end=time(10, 0), day=date(2025, 6, 2), title="Day two"))
    draft.event.date, draft.event.timezone = date(2025, 6, 1), "Europe/Oslo"
    outcome = finish_import(draft, OPTIONS)
    assert outcome.agenda is not None
    assert (outcome.agenda.event.date, outcome.agenda.event.timezone) == (date(2025, 5, 2), "Europe/Brussels")
    # The programme moves with its first day: its second day is the day after the one given.
    assert outcome.agenda.slots[1].start == _at(3, 9)
    assert "programme.csv: --timezone Europe/Brussels used; the file suggests Europe/Oslo" in outcome.notes
    assert any("--date 2025-05-02 used" in note and "2025-06-01" in note for note in outcome.notes)


def test_a_flag_equal_to_the_sources_value_gives_no_note() -> None:
    draft = _draft(DraftSlot(2, time(9, 0), end=time(10, 0), title="Welcome"))
    draft.event.date, draft.event.timezone = date(2025, 5, 2), "Europe/Brussels"
    outcome = finish_import(draft, OPTIONS)
    assert outcome.agenda is not None
    assert not any("used" in note for note in outcome.notes)


def test_two_slots_at_once_are_a_problem_naming_both_lines_not_fixed() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(9, 0), end=time(10, 0), title="Keynote"),
                                   DraftSlot(3, time(9, 30), end=time(10, 30), title="Workshop")), OPTIONS)
    assert outcome.agenda is None
    (problem,) = outcome.problems
    assert problem.startswith("programme.csv:3: 'Workshop' (line 3, 09:30)")
    assert "'Keynote' (line 2, 09:00-10:00)" in problem


def test_a_start_after_midnight_in_an_undated_programme_is_the_next_day_with_a_note() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(22, 0), title="Concert"),
                                   DraftSlot(3, time(1, 0), end=time(2, 0), title="After party")), OPTIONS)
    assert outcome.agenda is not None
    concert, party = outcome.agenda.slots
    assert (concert.end, party.start, party.end) == (_at(3, 1), _at(3, 1), _at(3, 2))
    assert any(note.startswith("programme.csv:3: 'After party' starts at 01:00") and "2025-05-03" in note
               for note in outcome.notes)


def test_an_earlier_start_that_is_not_clearly_the_next_day_is_not_moved() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(14, 0), end=time(15, 0), title="Talk"),
                                   DraftSlot(3, time(13, 0), end=time(13, 30), title="Lunch")), OPTIONS)
    assert outcome.agenda is None
    assert any(note.startswith("programme.csv:3:") and "kept on 2025-05-02" in note for note in outcome.notes)
    assert any(problem.startswith("programme.csv:3:") and "two slots at once" in problem
               for problem in outcome.problems)


def test_in_a_dated_programme_a_slot_is_on_its_own_day() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(17, 0), end=time(18, 0), title="Day one", day=date(2025, 5, 2)),
                                   DraftSlot(3, time(9, 0), end=time(10, 0), title="Day two", day=date(2025, 5, 3))),
                            ImportOptions(timezone="Europe/Brussels"))
    assert outcome.agenda is not None
    assert outcome.agenda.event.date == date(2025, 5, 2)
    assert outcome.agenda.slots[1].start == _at(3, 9)


def test_the_yaml_says_where_it_came_from_and_passes_check_with_people_as_lines_or_mappings() -> None:
    slot = DraftSlot(2, time(9, 0), end=time(9, 30), title="Keynote: the sea",
                     speakers=[Person("Ola Hansen", "CTO", "Havdata AS"), Person("Ann", "", "Studio 4, Malmö")])
    outcome = finish_import(_draft(slot), OPTIONS, today=date(2026, 1, 2))
    assert outcome.yaml_text is not None
    assert outcome.yaml_text.startswith("# Imported from programme.csv by `runofshow import` on 2026-01-02.")
    assert "      - Ola Hansen, CTO, Havdata AS\n" in outcome.yaml_text
    assert "{name: Ann, organisation: 'Studio 4, Malmö'}" in outcome.yaml_text
    checked = parse_agenda(outcome.yaml_text, "imported.yaml")
    assert checked.errors == () and checked.agenda == outcome.agenda


def test_lines_not_understood_are_notes_with_their_line() -> None:
    draft = _draft(DraftSlot(2, time(9, 0), end=time(9, 30), title="Welcome"))
    draft.not_understood(7, "'Parking: level -2'")
    draft.note(0, "the programme's title is its first line")
    outcome = finish_import(draft, OPTIONS)
    assert outcome.notes == ("programme.csv: the programme's title is its first line",
                             "programme.csv:7: not understood: 'Parking: level -2'")


def test_a_problem_the_loader_finds_names_the_sources_line() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(9, 0), end=time(9, 30), title="Welcome"),
                                   DraftSlot(6, time(9, 30), end=time(10, 0), title="Talk", id="bad id!")), OPTIONS)
    assert outcome.agenda is None
    assert any(problem.startswith("programme.csv:6: id 'bad id!'") for problem in outcome.problems)


def test_an_unknown_time_zone_is_a_problem_with_a_suggestion() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(9, 0), end=time(9, 30), title="Welcome")),
                            ImportOptions(date=date(2025, 5, 2), timezone="Europe/Brusels"))
    assert outcome.agenda is None
    assert outcome.problems == ("programme.csv: unknown time zone 'Europe/Brusels'; did you mean `Europe/Brussels`?",)


def test_the_last_slot_of_a_day_with_only_a_start_does_not_last_until_the_next_morning() -> None:
    outcome = finish_import(_draft(DraftSlot(2, time(19, 0), title="Dinner", day=date(2025, 5, 2)),
                                   DraftSlot(3, time(9, 0), end=time(10, 0), title="Day two", day=date(2025, 5, 3))),
                            ImportOptions(timezone="Europe/Brussels"))
    assert outcome.agenda is not None
    assert outcome.agenda.slots[0].end == _at(2, 19, 30)
    assert any(note.startswith("programme.csv:2: 'Dinner' is the last slot of its day") for note in outcome.notes)


def test_a_person_with_a_role_and_no_organisation_is_written_without_a_trailing_comma() -> None:
    draft = _draft(DraftSlot(2, time(9, 0), end=time(10, 0), title="Opening remarks",
                             speakers=[Person("Kari Nordmann", "Mayor of Oslo", ""), Person("Eva Lind", "CEO", "")]))
    outcome = finish_import(draft, OPTIONS)
    assert outcome.yaml_text is not None and outcome.agenda is not None
    assert "Mayor of Oslo," not in outcome.yaml_text and "CEO," not in outcome.yaml_text
    assert outcome.agenda.slots[0].speakers == (Person("Kari Nordmann", "Mayor of Oslo", ""),
                                                Person("Eva Lind", "CEO", ""))
