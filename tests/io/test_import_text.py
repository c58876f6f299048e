"""Programme text, as conferences publish it, read into an import draft: slots, times, people, kinds, and
every line that was not understood reported with its number. The fixtures in tests/data/import are
programmes in different house styles; tests/data/programme.txt is the seed programme."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from runofshow.core.agenda import Person, SlotKind
from runofshow.io.agenda_yaml import load_agenda
from runofshow.io.import_draft import DraftSlot, ImportDraft
from runofshow.io.import_finish import ImportOptions, finish_import
from runofshow.io.import_text import read_programme_file, read_programme_text
from runofshow.io.import_when import find_date, read_slot_times

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "programme.txt"
BUNDLED = ROOT / "agenda.yaml"
FIXTURES = ROOT / "tests" / "data" / "import"
P = Person
TALK, REMARKS, BREAK, PANEL, RECEPTION, OTHER = (SlotKind.TALK, SlotKind.REMARKS, SlotKind.BREAK, SlotKind.PANEL,
                                                 SlotKind.RECEPTION, SlotKind.OTHER)


def _t(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _line_of(path: Path, fragment: str) -> int:
    """The 1-based number of the file's first line that contains `fragment`: where a note must point."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} is not in {path}")


def _slots(draft: ImportDraft) -> list[tuple[time | None, time | None, SlotKind | None, str]]:
    return [(slot.start, slot.end, slot.kind, slot.title) for slot in draft.slots]


def _people(slot: DraftSlot) -> tuple[list[Person], Person | None, list[Person]]:
    return slot.speakers, slot.moderator, slot.panellists


def _not_understood(draft: ImportDraft) -> list[tuple[int, str]]:
    return [(note.line, note.text) for note in draft.notes if not note.understood]


def _expect(rows: list[tuple[str, str | None, SlotKind, str]]) -> list[tuple[time | None, time | None, SlotKind, str]]:
    return [(_t(start), _t(end), kind, title) for start, end, kind, title in rows]


# -- the seed programme and the bundled agenda ------------------------------------------------------


def test_the_seed_programme_reads_as_the_bundled_agenda_slot_by_slot() -> None:
    bundled = load_agenda(BUNDLED).agenda
    assert bundled is not None
    draft = read_programme_file(SEED)
    assert _slots(draft) == [(slot.start.time(), slot.end.time(), slot.kind, slot.title) for slot in bundled.slots]
    assert [(slot.speakers, slot.moderator, slot.panellists) for slot in draft.slots] == [
        (list(slot.speakers), slot.moderator, list(slot.panellists)) for slot in bundled.slots]


def test_the_seed_programme_gives_the_bundled_agendas_event() -> None:
    bundled = load_agenda(BUNDLED).agenda
    assert bundled is not None
    event = read_programme_file(SEED).event
    assert (event.title, event.date, event.timezone) == (bundled.event.title, bundled.event.date,
                                                         bundled.event.timezone)
    assert (event.venue_name, event.venue_address) == (bundled.event.venue.name, bundled.event.venue.address)
    assert event.description == bundled.event.description
    assert tuple(event.topics) == bundled.event.topics


def test_the_seeds_stray_line_is_reported_with_its_number() -> None:
    draft = read_programme_file(SEED)
    assert _not_understood(draft) == [(_line_of(SEED, "Davistanta"), "Davistanta")]


def test_the_finished_seed_import_is_the_bundled_agenda() -> None:
    bundled = load_agenda(BUNDLED).agenda
    assert bundled is not None
    outcome = finish_import(read_programme_file(SEED), ImportOptions())
    assert outcome.problems == ()
    assert outcome.agenda is not None
    agenda = outcome.agenda
    assert [(slot.title, slot.kind, slot.start, slot.end) for slot in agenda.slots] == [
        (slot.title, slot.kind, slot.start, slot.end) for slot in bundled.slots]
    assert [(slot.speakers, slot.moderator, slot.panellists) for slot in agenda.slots] == [
        (slot.speakers, slot.moderator, slot.panellists) for slot in bundled.slots]
    assert (agenda.event.title, agenda.event.date, agenda.event.timezone, agenda.event.venue) == (
        bundled.event.title, bundled.event.date, bundled.event.timezone, bundled.event.venue)
    assert f"{SEED}:{_line_of(SEED, 'Davistanta')}: not understood: Davistanta" in outcome.notes


@pytest.mark.parametrize("after", range(31, 44))  # after the `## Programme` heading, …, after `Davistanta`
def test_a_line_slipped_into_the_seeds_programme_is_reported_at_its_own_number(after: int) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert lines[30] == "## Programme"
    lines.insert(after, "Xyzzy plugh")
    draft = read_programme_text("\n".join(lines), Path("programme.txt"))
    assert (after + 1, "Xyzzy plugh") in _not_understood(draft)
    assert len(draft.slots) == 10


# -- house styles ----------------------------------------------------------------------------------


def test_a_one_day_conference_with_a_tab_after_each_range() -> None:
    path = FIXTURES / "oneday-tab.txt"
    draft = read_programme_file(path)
    event = draft.event
    assert (event.title, event.date, event.timezone) == ("Nordic Cities Climate Forum 2024", date(2024, 3, 14),
                                                         "Europe/Copenhagen")
    assert (event.venue_name, event.venue_address) == ("Nordatlantens Brygge", "Strandgade 91, 1401 Copenhagen")
    assert event.topics == ["Heat pumps and district heating at scale", "Public transport procurement",
                            "Citizens' climate assemblies"]
    assert event.description.startswith("Cities across the Nordic region")
    assert _slots(draft) == _expect([
        ("09:00", "09:15", REMARKS, "Welcome and introduction"),
        ("09:15", "09:45", TALK, "Keynote: what the Nordics learned from a decade of climate budgets"),
        ("09:45", "10:15", TALK, "District heating without fossil fuels"),
        ("10:15", "10:35", BREAK, "Coffee break"),
        ("10:35", "11:35", PANEL, "Panel: Buying zero-emission buses"),
        ("11:35", "12:20", TALK, "Citizens' assemblies in practice"),
        ("12:20", "12:30", REMARKS, "Closing remarks"),
    ])
    slots = draft.slots
    assert _people(slots[0]) == ([P("Mette Kjær", "Deputy Mayor for Climate", "City of Copenhagen")], None, [])
    assert slots[1].speakers == [P("Prof. Lars Eriksson", "Professor of Urban Planning", "Lund University")]
    assert slots[2].speakers == [P("Anna Lindqvist", "Head of Energy Systems", "Stockholm Exergi AB"),
                                 P("Jonas Berg", "CTO", "Fjernvarme Fyn")]
    assert _people(slots[4]) == ([], P("Sigrid Nilsen", "", "Nordic Council of Ministers"),
                                 [P("Pekka Virtanen", "", "HSL"), P("Kari Solberg", "", "Ruter AS"),
                                  P("Emil Andersen", "", "Movia")])
    assert slots[5].speakers == [P("Helle Madsen")]
    assert slots[6].speakers == [P("Mette Kjær", "", "City of Copenhagen")]
    assert _not_understood(draft) == [(_line_of(path, "Photo:"), "Photo: Municipality press office")]


def test_times_on_their_own_lines_and_titles_below() -> None:
    path = FIXTURES / "own-lines.txt"
    draft = read_programme_file(path)
    event = draft.event
    assert (event.title, event.date, event.timezone) == ("Health Data Innovation Day", date(2024, 6, 4),
                                                         "Europe/Brussels")
    assert (event.venue_name, event.venue_address) == ("Maison de la Poste", "Rue de la Loi 42, 1040 Brussels")
    assert _slots(draft) == _expect([
        ("08:30", None, BREAK, "Registration and welcome coffee"),
        ("09:00", "09:20", REMARKS, "Opening address"),
        ("09:20", "10:00", TALK, "Keynote: One patient, one record"),
        ("10:00", "11:00", PANEL, "Panel discussion: Who owns health data?"),
        ("11:00", "11:15", BREAK, "Coffee break"),
        ("11:15", "12:00", TALK, "Lightning talks from the start-ups"),
        ("12:00", "12:15", REMARKS, "Closing remarks"),
    ])
    starts = ("08:30", "09:00 –", "09:20 –", "10:00 –", "11:00 –", "11:15 –", "12:00 –")
    assert [slot.line for slot in draft.slots] == [_line_of(path, start) for start in starts]
    slots = draft.slots
    assert slots[1].speakers == [P("Jan De Smet", "Director-General", "Federal Public Service Health")]
    assert slots[2].speakers == [P("Dr. Ingrid Solheim", "Chief Medical Officer", "Helse Bergen")]
    assert slots[2].notes == "This talk shows how a Norwegian hospital trust joined up its records in three years."
    assert _people(slots[3]) == (
        [], P("Marie Dubois", "Senior Policy Officer", "European Patients' Forum"),
        [P("Tomasz Nowak", "Head of Unit", "DG SANTE, European Commission"), P("Laura Rossi", "CEO", "MedData Srl"),
         P("Peter Janssens", "", "Ghent University Hospital")])
    assert slots[5].speakers == [P("Sara Holm", "", "Vitalis AB"), P("Mark Evans", "", "Carely Ltd"),
                                 P("Julia Weber", "", "Docu GmbH")]
    assert slots[6].speakers == [P("Jan De Smet")]
    assert _not_understood(draft) == [(_line_of(path, "Room 2"), "Room 2 is reserved for press interviews")]
    # The talk's abstract was taken as its notes: said, not silent.
    assert any(note.line == _line_of(path, "This talk shows") and note.understood for note in draft.notes)


def test_an_am_pm_programme_with_by_lines() -> None:
    path = FIXTURES / "us-ampm.txt"
    draft = read_programme_file(path)
    event = draft.event
    assert (event.title, event.date, event.timezone) == ("Civic Tech Summit 2024", date(2024, 4, 18),
                                                         "America/New_York")
    assert event.venue_name == "Georgetown University Hotel and Conference Center"
    assert event.venue_address == "3800 Reservoir Rd NW, Washington, DC 20057"
    assert event.description.startswith("Public agencies are rebuilding")
    assert _slots(draft) == _expect([
        ("08:30", "09:00", BREAK, "Breakfast and registration"),
        ("09:00", "09:15", REMARKS, "Welcome remarks"),
        ("09:15", "10:00", TALK, "Keynote: Designing services people can actually use"),
        ("10:00", "10:45", TALK, "Modernizing unemployment insurance"),
        ("10:45", "11:00", BREAK, "Coffee break"),
        ("11:00", "12:00", PANEL, "Panel: Open data after the pandemic"),
        ("12:00", "13:00", BREAK, "Lunch"),
        ("13:00", "13:45", TALK, "Lessons from 311 call centers"),  # `1:00 – 1:45` after noon
        ("13:45", "14:30", PANEL, "Q&A with the organizers"),
    ])
    slots = draft.slots
    assert slots[1].speakers == [P("Maria Gonzalez", "Executive Director", "Code for DC")]
    assert slots[2].speakers == [P("Jennifer Park", "Chief Digital Officer", "State of Maryland"),
                                 P("David Chen", "Senior Fellow", "Brookings Institution")]
    assert slots[3].speakers == [P("Robert Johnson"), P("Aisha Williams", "", "U.S. Digital Service")]
    assert _people(slots[5]) == ([], P("Kevin O'Brien", "Reporter", "The Washington Post"),
                                 [P("Linda Martinez", "", "City of Austin"), P("Tom Becker", "", "Socrata"),
                                  P("Grace Kim", "", "Sunlight Foundation")])
    assert slots[7].speakers == [P("Samuel Wright", "Director of Customer Service", "City of Boston")]
    assert _not_understood(draft) == [(_line_of(path, "Tickets:"), "Tickets: civictechsummit.example.org")]
    guesses = {(note.line, note.text) for note in draft.notes if note.understood}
    afternoon = "01:00 read as 13:00, after 12:00 (the programme writes am and pm)"
    assert (_line_of(path, "1:00 – 1:45"), afternoon) in guesses
    assert (_line_of(path, "About the summit"), "the heading 'About the summit' is left out") in guesses


def test_a_belgian_programme_with_9h30_times_moderateur_and_bullets() -> None:
    path = FIXTURES / "belgian-9h30.txt"
    draft = read_programme_file(path)
    event = draft.event
    assert (event.title, event.date, event.timezone) == ("Journée de l'innovation sociale", date(2023, 10, 12),
                                                         "Europe/Brussels")
    assert (event.venue_name, event.venue_address) == ("Hôtel de Ville de Bruxelles", "Grand-Place 1, 1000 Bruxelles")
    assert _slots(draft) == _expect([
        ("09:00", None, OTHER, "Accueil des participants"),
        ("09:30", None, REMARKS, "Mot de bienvenue"),
        ("09:45", None, TALK, "Les entreprises sociales à Bruxelles : état des lieux"),
        ("10:30", None, PANEL, "Table ronde : financer l'innovation sociale"),
        ("11:30", None, BREAK, "Pause café"),
        ("11:45", None, TALK, "Témoignages de terrain"),
        ("12:45", "13:00", REMARKS, "Conclusions et clôture"),  # the event's end, `de 9h00 à 13h00`
    ])
    slots = draft.slots
    assert slots[1].speakers == [P("Philippe Close", "Bourgmestre de Bruxelles")]
    assert slots[2].speakers == [P("Sophie Lambert", "Directrice", "Observatoire de l'économie sociale")]
    assert _people(slots[3]) == ([], P("Pierre Dumont", "journaliste", "Le Soir"),
                                 [P("Claire Martin", "", "Fondation Roi Baudouin"),
                                  P("Ahmed Benali", "", "Brupartners"), P("Nathalie Peeters", "", "Crédal asbl")])
    # A chaired session of talks keeps its speakers and gains a moderator.
    assert _people(slots[5]) == ([P("Julien Renard", "", "coopérative Terre d'Avenir"),
                                  P("Marie Claes", "", "Les Petits Riens")],
                                 P("Isabelle Lemaire", "", "Université libre de Bruxelles"), [])
    assert slots[6].speakers == [P("Barbara Trachte", "Secrétaire d'État à la Transition économique")]
    assert _not_understood(draft) == [(_line_of(path, "Inscription"), "Inscription gratuite mais obligatoire")]
    assert any(note.line == _line_of(path, "12h45") and note.text.endswith("the event's end on line 3")
               for note in draft.notes)


def test_a_two_day_programme_with_day_headings() -> None:
    path = FIXTURES / "two-day.txt"
    draft = read_programme_file(path)
    event = draft.event
    assert (event.title, event.date, event.timezone) == ("European Open Science Conference 2023", date(2023, 11, 30),
                                                         "Europe/Brussels")
    assert (event.venue_name, event.venue_address) == ("Egmont Palace", "Place du Petit Sablon 8, 1000 Brussels")
    assert _slots(draft) == _expect([
        ("09:00", "09:30", OTHER, "Registration"),
        ("09:30", "09:45", REMARKS, "Opening by the Rector"),
        ("09:45", "10:30", TALK, "Keynote: Open access ten years on"),
        ("10:30", "11:00", BREAK, "Coffee"),
        ("11:00", "12:30", TALK, "Workshops in parallel rooms"),
        ("12:30", "13:30", BREAK, "Lunch"),
        ("13:30", "15:00", PANEL, "Panel: Rewarding open science in careers"),
        ("15:00", "17:00", RECEPTION, "Poster session and drinks"),
        ("09:00", "10:00", TALK, "Data stewardship in practice"),
        ("10:00", "10:30", BREAK, "Coffee break"),
        ("10:30", "11:30", PANEL, "Q&A with the funders"),
        ("11:30", "12:00", REMARKS, "Closing remarks"),
    ])
    assert [slot.day for slot in draft.slots] == [date(2023, 11, 30)] * 8 + [date(2023, 12, 1)] * 4
    slots = draft.slots
    assert slots[1].speakers == [P("Prof. Hanne Aas", "Rector", "University of Oslo")]
    assert _people(slots[6]) == ([], P("Eva Lindgren", "", "Science Europe"),
                                 [P("Marco Bianchi", "", "University of Bologna"), P("Ines Costa", "", "FCT"),
                                  P("Paul Meyer", "", "DFG")])
    assert slots[8].speakers == [P("Julia Novak", "Data Steward", "TU Delft"),
                                 P("Karl Huber", "Head of Library Services", "University of Vienna")]
    assert slots[11].speakers == [P("Hanne Aas")]
    assert _not_understood(draft) == [(_line_of(path, "Lunch vouchers"), "Lunch vouchers are at the registration desk")]


def test_a_programme_pasted_from_a_web_page() -> None:
    path = FIXTURES / "webpage.html"
    draft = read_programme_file(path)
    event = draft.event
    assert (event.title, event.date, event.timezone) == ("Ocean Energy Forum 2024", date(2024, 9, 25),
                                                         "Europe/Brussels")
    assert (event.venue_name, event.venue_address) == ("The Square", "Mont des Arts, 1000 Brussels")
    assert event.description == ("Wave and tidal energy are ready to scale. The forum brings developers, investors "
                                 "and policy makers together to agree on what the next five years need.")
    assert event.topics == ["Grid connections for offshore projects", "Revenue support and auctions"]
    assert _slots(draft) == _expect([
        ("14:00", "14:10", REMARKS, "Welcome"),
        ("14:10", "14:40", TALK, "The EU offshore strategy one year on"),
        ("14:40", "15:40", PANEL, "Panel: Financing the first arrays"),
        ("15:40", "16:00", BREAK, "Coffee break"),
        ("16:00", "17:00", TALK, "Tidal projects in France and Scotland"),
        ("17:00", "18:00", RECEPTION, "Networking reception"),
    ])
    # Each slot's line is the page's line where its row's text starts.
    assert [slot.line for slot in draft.slots] == [_line_of(path, f"<td>{start} &ndash;") for start in
                                                   ("14:00", "14:10", "14:40", "15:40", "16:00", "17:00")]
    slots = draft.slots
    assert slots[0].speakers == [P("Rémi Gruet", "CEO", "Ocean Energy Europe")]
    assert slots[1].speakers == [P("Kadri Simson", "Commissioner for Energy", "European Commission")]
    assert _people(slots[2]) == ([], P("Helen Brooks", "", "Energy Monitor"),
                                 [P("Luc Verbeke", "", "EIB"), P("Ana Sousa", "", "CorPower Ocean"),
                                  P("Niall O'Connor", "", "Orbital Marine Power")])
    assert slots[4].speakers == [P("Marie Lefèvre", "Project Director", "Normandie Hydroliennes"),
                                 P("Callum Stewart", "Head of Operations", "MeyGen")]
    # The menu, the script and the page's <title> are not the programme; the footer is reported.
    footer = "Ocean Energy Europe, Rue d'Arlon 63, 1040 Brussels · Register by 20 September"
    assert _not_understood(draft) == [(_line_of(path, "Register by 20 September"), footer)]


@pytest.mark.parametrize("name", ["oneday-tab.txt", "own-lines.txt", "us-ampm.txt", "belgian-9h30.txt", "two-day.txt",
                                  "webpage.html"])
def test_every_fixture_finishes_as_an_agenda_that_passes_check(name: str) -> None:
    outcome = finish_import(read_programme_file(FIXTURES / name), ImportOptions())
    assert outcome.problems == ()
    assert outcome.agenda is not None


# -- times, dates and zones ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "start", "end", "rest"),
    [
        ("13:30 – 13:45 Welcome", "13:30", "13:45", "Welcome"),
        ("13:30 - 13:45\tWelcome", "13:30", "13:45", "Welcome"),
        ("9.30 - 9.45: Welcome", "09:30", "09:45", "Welcome"),
        ("9.00-9.30 Welcome", "09:00", "09:30", "Welcome"),
        ("08:00 - Registration", "08:00", None, "Registration"),
        ("9:30 am – 10:15 am Welcome", "09:30", "10:15", "Welcome"),
        ("2:00 PM - 3:30 PM Panel", "14:00", "15:30", "Panel"),
        ("9:30–10:15 am Welcome", "09:30", "10:15", "Welcome"),
        ("11:30-12:30 pm Lunch", "11:30", "12:30", "Lunch"),
        ("14h00 Accueil", "14:00", None, "Accueil"),
        ("9h30 – 10h Accueil", "09:30", "10:00", "Accueil"),
        ("14:00", "14:00", None, ""),
        ("9:30 am EST Welcome", "09:30", None, "Welcome"),
        ("9:00 - 10 things to know about AI", "09:00", None, "10 things to know about AI"),
        ("18:00 onwards Dinner", "18:00", None, "Dinner"),
    ],
)
def test_a_time_or_range_at_the_start_of_a_line_starts_a_slot(line: str, start: str, end: str | None,
                                                               rest: str) -> None:
    timed = read_slot_times(line)
    assert timed is not None
    assert (timed.start, timed.end, timed.rest) == (_t(start), _t(end), rest)


@pytest.mark.parametrize("line", ["2024 objectives", "10 ways to buy better", "1. Introduction", "3.5 billion",
                                  "Davistanta", "1000 Brussels"])
def test_numbers_that_are_not_times_start_no_slot(line: str) -> None:
    assert read_slot_times(line) is None


@pytest.mark.parametrize(
    "text",
    ["30 November 2023", "November 30, 2023", "2023-11-30", "30.11.2023", "Thursday 30 November 2023",
     "Thursday, November 30th, 2023", "jeudi 30 novembre 2023", "30 November – 1 December 2023", "30/11/2023"],
)
def test_the_ways_programmes_write_a_date(text: str) -> None:
    found = find_date(text)
    assert found is not None
    assert found.day == date(2023, 11, 30)


def test_a_date_without_a_year_takes_the_one_it_is_given() -> None:
    found = find_date("Friday 1 December", 2023)
    assert found is not None and found.day == date(2023, 12, 1) and not found.has_year
    unknown = find_date("Friday 1 December")
    assert unknown is not None and unknown.day is None


def _draft(text: str) -> ImportDraft:
    return read_programme_text(text, Path("programme.txt"))


def test_an_iana_zone_named_in_the_text_is_the_zone() -> None:
    draft = _draft("Town hall\nDate: 2024-05-02\nTime zone: America/Chicago\n\n09:00 Welcome\n")
    assert draft.event.timezone == "America/Chicago"


def test_an_abbreviation_that_means_one_zone_gives_it_with_a_note() -> None:
    draft = _draft("Robotics meetup\n2 May 2024\n\n09:00 (JST) Welcome\n")
    assert draft.event.timezone == "Asia/Tokyo"
    assert any("Asia/Tokyo" in note.text for note in draft.notes)


def test_an_abbreviation_several_zones_use_is_not_guessed() -> None:
    draft = _draft("Online workshop\n2 May 2024, all times 9:00 CET\n\n09:00 Welcome\n")
    assert draft.event.timezone == ""
    assert any("CET" in note.text and "--timezone" in note.text for note in draft.notes)


def test_a_city_in_the_description_does_not_set_the_zone() -> None:
    draft = _draft("Climate talks\n2 May 2024\n\nWhat the Paris agreement asks of cities.\n\n09:00 Welcome\n")
    assert draft.event.timezone == ""


def test_a_city_in_the_title_sets_the_zone_when_nothing_else_does() -> None:
    draft = _draft("Brussels Innovation Summit\n2 May 2024\n\n09:00 Welcome\n")
    assert draft.event.timezone == "Europe/Brussels"
    assert any(note.line == 1 and "Brussels" in note.text for note in draft.notes)


# -- days, titles and people in other layouts ------------------------------------------------------


def test_a_day_heading_without_a_date_counts_from_the_events_first_day() -> None:
    draft = _draft("Summit\n30 November 2023, Brussels\n\nDay 1\n09:00 Welcome\nDay 2\n09:00 Recap of day one\n")
    assert [(slot.day, slot.title) for slot in draft.slots] == [(date(2023, 11, 30), "Welcome"),
                                                                (date(2023, 12, 1), "Recap of day one")]


def test_a_date_alone_under_the_programme_is_a_day_heading() -> None:
    text = ("Summit\n30 November – 1 December 2023\n\nThursday 30 November\n09:00 Welcome\n\nFriday 1 December\n"
            "09:00 Recap\n")
    draft = _draft(text)
    assert [slot.day for slot in draft.slots] == [date(2023, 11, 30), date(2023, 12, 1)]
    assert draft.event.date == date(2023, 11, 30)
    assert _not_understood(draft) == []


def test_a_day_heading_without_a_date_or_a_first_day_is_reported() -> None:
    draft = _draft("Summit\n\nDay 2\n09:00 Welcome\n")
    assert [line for line, _ in _not_understood(draft)] == [3]


def test_people_after_a_dash_that_is_no_name_stay_in_the_title() -> None:
    draft = _draft("Summit\n2 May 2024, Brussels\n\n09:00 - 09:30 Keynote - The Future of Work -Jane Doe, Acme AS\n")
    assert draft.slots[0].title == "Keynote - The Future of Work"
    assert draft.slots[0].speakers == [P("Jane Doe", "", "Acme AS")]


def test_a_moderator_line_then_a_bullet_list_makes_a_panel() -> None:
    text = ("Summit\n2 May 2024, Brussels\n\n10:00 - 11:00 Round table on housing\nModerator: Ann Berg, NRK\n"
            "• Jo Lie, Oslo kommune\n• Per Moe, Husbanken\n")
    slot = _draft(text).slots[0]
    assert (slot.kind, slot.moderator, slot.speakers, slot.panellists) == (
        PANEL, P("Ann Berg", "", "NRK"), [], [P("Jo Lie", "", "Oslo kommune"), P("Per Moe", "", "Husbanken")])


def test_a_panellists_heading_collects_the_lines_under_it() -> None:
    text = ("Summit\n2 May 2024, Brussels\n\n10:00 - 11:00 What next for housing\nChaired by Ann Berg\nPanellists:\n"
            "Jo Lie, Oslo kommune\nPer Moe, Husbanken\n")
    slot = _draft(text).slots[0]
    assert (slot.kind, slot.moderator, slot.panellists) == (
        PANEL, P("Ann Berg"), [P("Jo Lie", "", "Oslo kommune"), P("Per Moe", "", "Husbanken")])


def test_a_markdown_table_reads_row_by_row() -> None:
    text = ("# Forum\n2 May 2024, Oslo\n\n| Time | Session | Speakers |\n|------|---------|----------|\n"
            "| 09:00 - 09:30 | Welcome | Ann Berg, NRK |\n| 09:30 - 10:00 | Coffee | |\n\n---\n")
    draft = _draft(text)
    assert [(slot.start, slot.title, slot.speakers) for slot in draft.slots] == [
        (time(9), "Welcome", [P("Ann Berg", "", "NRK")]), (time(9, 30), "Coffee", [])]
    assert draft.notes == [note for note in draft.notes if note.understood]


def test_a_bar_between_title_and_speaker_separates_them() -> None:
    draft = _draft("Forum\n2 May 2024, Oslo\n\n09:00 - 09:30 | Welcome | Ann Berg, NRK\n")
    assert (draft.slots[0].title, draft.slots[0].speakers) == ("Welcome", [P("Ann Berg", "", "NRK")])


def test_the_title_gives_the_date_when_no_line_of_its_own_does() -> None:
    draft = _draft("Innovation Day, 30 November 2023\n\n09:00 Welcome\n")
    assert draft.event.date == date(2023, 11, 30)
    assert any(note.line == 1 and "from the title" in note.text for note in draft.notes)


def test_a_role_on_the_line_under_a_name_is_that_persons() -> None:
    text = ("Forum\n2 May 2024, Oslo\n\n09:00 - 09:30 Keynote\nJane Doe\nDirector, Acme AS\nJohn Roe\nNTNU\n"
            "10:00 - 11:00 Panel on housing\nModerator: Ann Berg\nEditor, NRK\n• Jo Lie\n• Per Moe, Husbanken\n")
    slots = _draft(text).slots
    assert slots[0].speakers == [P("Jane Doe", "Director", "Acme AS"), P("John Roe", "", "NTNU")]
    assert (slots[1].moderator, slots[1].panellists) == (P("Ann Berg", "Editor", "NRK"),
                                                         [P("Jo Lie"), P("Per Moe", "", "Husbanken")])


def test_a_stray_line_under_a_name_is_not_taken_as_its_affiliation() -> None:
    draft = _draft("Forum\n2 May 2024, Oslo\n\n09:00 - 09:30 Keynote\nJane Doe\nPhoto: CC BY\n")
    assert draft.slots[0].speakers == [P("Jane Doe")]
    assert _not_understood(draft) == [(6, "Photo: CC BY")]


def test_a_marker_whose_people_cannot_be_read_is_reported() -> None:
    draft = _draft("Summit\n2 May 2024, Brussels\n\n09:00 Welcome\nSpeakers: to be confirmed\n")
    assert _not_understood(draft) == [(5, "'to be confirmed' is not read as people")]


# -- files -------------------------------------------------------------------------------------------


def test_a_windows_1252_file_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "programme.txt"
    path.write_bytes("Forum\n2 May 2024, Oslo\n\n09:00 Welcome -Ståle Moe, Tellu AS\n".encode("cp1252"))
    draft = read_programme_file(path)
    assert draft.slots[0].speakers == [P("Ståle Moe", "", "Tellu AS")]
    assert draft.event.timezone == "Europe/Oslo"
    assert any(note.line == 0 and "Windows-1252" in note.text for note in draft.notes)


def test_a_utf8_file_with_a_byte_order_mark_reads_its_first_line_as_the_title(tmp_path: Path) -> None:
    path = tmp_path / "programme.txt"
    path.write_bytes("\ufeffForum\n2 May 2024, Oslo\n\n09:00 Welcome\n".encode())
    draft = read_programme_file(path)
    assert draft.event.title == "Forum"
    assert not any("Windows-1252" in note.text for note in draft.notes)


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "programme.pdf"
    path.write_bytes(b"%PDF-1.7\x00\x01\x02")
    with pytest.raises(ValueError, match="not a text file"):
        read_programme_file(path)


def test_a_list_item_keeps_its_bullet_when_its_text_is_in_a_paragraph() -> None:
    page = "<h1>Forum</h1><p>2 May 2024, Oslo</p><ul><li><p>Grid connections</p></li></ul><h2>Programme</h2>"
    assert read_programme_text(page, Path("page.html")).event.topics == ["Grid connections"]


def test_an_empty_list_item_leaves_no_bullet_on_the_next_paragraph() -> None:
    page = "<h1>Forum</h1><p>2 May 2024, Oslo</p><ul><li></li></ul><p>09:00 Welcome</p>"
    draft = read_programme_text(page, Path("page.html"))
    assert [slot.title for slot in draft.slots] == ["Welcome"]


def test_html_given_as_text_is_read_as_a_page() -> None:
    page = "<html><body>\n<h1>Forum</h1>\n<p>2 May 2024, Oslo</p>\n<p>09:00 Welcome</p>\n</body></html>\n"
    draft = read_programme_text(page, Path("clipboard.html"))
    assert (draft.event.title, [slot.title for slot in draft.slots], draft.slots[0].line) == ("Forum", ["Welcome"], 4)


# -- the venue (it shows on the projector's footer), the zone, noon ---------------------------------


def test_a_line_about_times_or_zones_is_never_the_venue() -> None:
    central = _draft("Spring Donor Breakfast\nThursday, April 17, 2025 | Central Time\n\n7:30-8:00am Doors open\n")
    est = _draft("Webinar\n15 March 2025 · Times in EST\n\n10:00 Intro\n10:30 Talk\n")
    for draft in (central, est):
        assert (draft.event.venue_name, draft.event.venue_address) == ("", "")
        assert any("venue" in note.text for note in draft.notes)
    assert central.event.date == date(2025, 4, 17)


@pytest.mark.parametrize(("text", "name", "address", "zone"), [
    ("NORDIC  HEALTH  INNOVATION  SUMMIT  2025\nOslo Spektrum,   Sonja Henies plass 2, 0185 Oslo\n"
     "Thursday 12 June 2025\n\n08:30 – 09:15    Registration  and  coffee\n",
     "Oslo Spektrum", "Sonja Henies plass 2, 0185 Oslo", "Europe/Oslo"),
    ("2025 Midwest Credit Union Leadership Forum\nHilton Chicago, 720 S Michigan Ave, Chicago, IL 60605\n"
     "Tuesday, March 11, 2025\n\n8:00 AM - 8:45 AM   Breakfast & Check-in\n",
     "Hilton Chicago", "720 S Michigan Ave, Chicago, IL 60605", "America/Chicago"),
    ("Club Night – Winter Edition\nSaturday 6 December 2025\nBlå, Brenneriveien 9C, Oslo\n\n21:00 Doors\n",
     "Blå", "Brenneriveien 9C, Oslo", "Europe/Oslo"),
    ("Energy Forum 2025\n3 June 2025\nHotel Bristol, Oslo\n\n09:00 Welcome\n09:15 Keynote: What Europe can "
     "learn from Tokyo\n", "Hotel Bristol", "Oslo", "Europe/Oslo"),
])
def test_a_name_and_address_line_under_the_title_or_the_date_is_the_venue(text: str, name: str, address: str,
                                                                          zone: str) -> None:
    draft = _draft(text)
    assert (draft.event.venue_name, draft.event.venue_address, draft.event.timezone) == (name, address, zone)
    assert not draft.event.description


@pytest.mark.parametrize("line", ["Power, grids, people", "A day on health, care and 2030 goals",
                                  "Energy Forum, Edition 2", "Part one, 3 tracks"])
def test_a_short_line_under_the_title_that_is_no_address_is_not_the_venue(line: str) -> None:
    draft = _draft(f"Energy Forum 2025\n{line}\n3 June 2025\n\n09:00 Welcome\n")
    assert (draft.event.venue_name, draft.event.venue_address) == ("", "")


def test_central_time_is_guessed_as_the_canonical_zone_and_the_flag_wins_with_a_note() -> None:
    text = "Spring Donor Breakfast\nThursday, April 17, 2025 | Central Time\n\n8:00 – 8:45 a.m. Breakfast\n"
    draft = _draft(text)
    assert draft.event.timezone == "America/Chicago"
    outcome = finish_import(draft, ImportOptions(timezone="America/Denver"))
    assert outcome.agenda is not None and outcome.agenda.event.timezone == "America/Denver"
    assert any("--timezone America/Denver used" in note and "America/Chicago" in note for note in outcome.notes)


def test_no_legacy_zone_name_is_guessed_from_a_word() -> None:
    for word in ("Central", "Eastern", "Pacific", "Mountain", "Atlantic"):
        zone = _draft(f"{word} Region Town Hall\n2 May 2024\n\n09:00 Welcome\n").event.timezone
        assert "/" not in zone or zone.split("/")[0] not in ("Canada", "US", "Brazil", "Chile", "Mexico")


def test_noon_starts_a_slot_and_ends_one() -> None:
    draft = _draft("Breakfast\nApril 17, 2025\n\n9:00 a.m. – Noon Talks\nNoon – 1:00 p.m. Lunch\n"
                   "midnight - 1 am Last call\n")
    assert _slots(draft) == _expect([("09:00", "12:00", TALK, "Talks"), ("12:00", "13:00", BREAK, "Lunch"),
                                     ("00:00", "01:00", TALK, "Last call")])
    assert not _not_understood(draft)


def test_a_name_with_a_role_after_a_comma_on_the_slots_line_is_its_speaker() -> None:
    draft = _draft("Breakfast\nApril 17, 2025\n\n8:45 a.m. Welcome, Dana Whitfield, Executive Director\n"
                   "9:00 a.m. Paris, Los Angeles and Tokyo\n")
    assert [slot.title for slot in draft.slots] == ["Welcome", "Paris, Los Angeles and Tokyo"]
    assert draft.slots[0].speakers == [P("Dana Whitfield", "Executive Director", "")]
    assert draft.slots[0].kind is REMARKS and not draft.slots[1].speakers


@pytest.mark.parametrize(("title", "kind"), [
    ("Doors / walk-in", OTHER), ("Doors open", OTHER), ("Doors", OTHER), ("Walk-in", OTHER),
])
def test_the_doors_are_not_a_talk(title: str, kind: SlotKind) -> None:
    assert _draft(f"Night\n6 December 2025\n\n21:00 – 22:00 {title}\n").slots[0].kind is kind


def test_a_fireside_chat_with_one_guest_is_a_talk_with_a_speaker() -> None:
    draft = _draft("Summit\n12 June 2025\n\n11:20 – 12:00 Fireside chat with the Minister of Health\n"
                   "Jan Christian Vestre, Minister of Health and Care Services\n"
                   "12:00 – 13:00 Fireside chat\nModerator: Ingrid Berg, NRK\nJan Christian Vestre, Minister\n")
    one, two = draft.slots
    assert (one.kind, one.speakers, one.panellists) == (TALK, [P("Jan Christian Vestre",
                                                                 "Minister of Health and Care Services", "")], [])
    assert two.kind is PANEL and two.moderator is not None


def test_runs_of_spaces_from_a_pdf_copy_are_one_space() -> None:
    draft = _draft("NORDIC  HEALTH  SUMMIT\nThursday 12 June 2025\n\n09:15 – 09:30    Opening   remarks\n"
                   "                 Kari  Nordmann,  Mayor  of  Oslo\n")
    assert draft.event.title == "NORDIC HEALTH SUMMIT"
    assert draft.slots[0].title == "Opening remarks"
    assert draft.slots[0].speakers == [P("Kari Nordmann", "Mayor of Oslo", "")]


def test_a_programme_copied_from_a_pdf_imports_with_its_venue_zone_and_people_as_printed() -> None:
    path = FIXTURES / "pdf-copy.txt"
    outcome = finish_import(read_programme_file(path), ImportOptions())
    assert outcome.agenda is not None and outcome.yaml_text is not None
    event = outcome.agenda.event
    assert (event.title, event.timezone) == ("NORDIC HEALTH INNOVATION SUMMIT 2025", "Europe/Oslo")
    assert event.venue is not None
    assert (event.venue.name, event.venue.address) == ("Oslo Spektrum", "Sonja Henies plass 2, 0185 Oslo")
    fireside = next(slot for slot in outcome.agenda.slots if slot.title.startswith("Fireside"))
    assert fireside.kind is TALK
    assert fireside.speakers == (P("Jan Christian Vestre", "Minister of Health and Care Services", ""),)
    assert "Mayor of Oslo," not in outcome.yaml_text


def test_a_us_breakfast_in_central_time_imports_in_the_zone_the_flag_gives() -> None:
    path = FIXTURES / "us-central-time.txt"
    draft = read_programme_file(path)
    draft.slots = [slot for slot in draft.slots if slot.title != "Duplicate lunch slot"]  # the file's own overlap
    outcome = finish_import(draft, ImportOptions(timezone="America/Denver"))
    assert outcome.agenda is not None
    assert outcome.agenda.event.timezone == "America/Denver"
    assert outcome.agenda.event.venue is None or outcome.agenda.event.venue.name == ""
    assert f"{path}: --timezone America/Denver used; the file suggests America/Chicago" in outcome.notes
    lunch = next(slot for slot in outcome.agenda.slots if slot.title == "Lunch")
    welcome = next(slot for slot in outcome.agenda.slots if slot.title == "Welcome")
    assert (lunch.start.hour, lunch.kind) == (12, BREAK)
    assert [person.name for person in welcome.speakers] == ["Dana Whitfield"]
    assert outcome.agenda.slots[0].kind is OTHER  # Doors open
