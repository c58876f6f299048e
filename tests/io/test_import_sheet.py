"""Running orders from spreadsheets: CSV and XLSX in the layouts producers and organisers send."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from runofshow.core.agenda import Person
from runofshow.io.import_finish import ImportOptions, finish_import
from runofshow.io.import_read import ImportReadError, read_import
from runofshow.io.import_sheet import MAX_ROWS, read_csv, read_xlsx

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def _times(path: Path, options: ImportOptions | None = None) -> list[tuple[str, str, str]]:
    outcome = finish_import(read_import(path), options or ImportOptions())
    assert outcome.problems == ()
    assert outcome.agenda is not None
    return [(slot.title, f"{slot.start:%H:%M}", f"{slot.end:%H:%M}") for slot in outcome.agenda.slots]


def test_a_producers_csv_with_start_end_item_presenter_and_crew_columns() -> None:
    draft = read_csv(DATA / "producer-rundown.csv")
    assert draft.event.title == "Harbour Tech Summit 2025 - show running order"
    assert (draft.event.date, draft.event.timezone) == (date(2025, 6, 12), "Europe/Oslo")
    assert draft.event.venue_name == "Bergen Kulturhus - Main hall"
    assert draft.columns == ["Audio", "Video", "Lights"]
    panel = draft.slots[3]
    assert panel.speakers == [Person("Lin Zhou", "", "Port of Bergen"), Person("Mats Berg", "", "NTNU")]
    assert panel.crew == {"Audio": "handhelds 2-5", "Video": "cam 2 wide", "Lights": "panel state"}
    assert draft.slots[5].speakers == [Person("Ada Lie"), Person("Per Dahl", "", "Fjord Robotics")]
    assert draft.notes == []
    assert _times(DATA / "producer-rundown.csv")[4] == ("Coffee break", "10:30", "10:50")


def test_a_semicolon_csv_with_a_bom_french_style_times_and_a_duration_column() -> None:
    draft = read_csv(DATA / "european.csv")
    assert draft.event.title == "Forum Économique de Lyon"
    assert [slot.start for slot in draft.slots] == [time(9, 30), time(9, 45), time(10, 5), None, time(11, 5)]
    assert [slot.duration for slot in draft.slots] == [900, 1200, 2700, 900, 3600]
    assert draft.slots[2].moderator == Person("Julie Roux")
    assert draft.slots[2].speakers == [Person("Anne Petit", "Directrice", "CCI Lyon"), Person("Marc Blanc")]
    assert draft.columns == ["Sound"]
    assert _times(DATA / "european.csv")[3] == ("Questions de la salle", "10:50", "11:05")


def test_a_tab_separated_cp1252_export_from_an_old_excel(tmp_path: Path) -> None:
    path = tmp_path / "rundown.tsv"
    text = "Begin\tFinish\tSegment\tWho\tMics\r\n14:00\t14:30\tCafé débat\tRenée Noël\tHF 1\r\n"
    path.write_bytes(text.encode("cp1252"))
    draft = read_csv(path)
    assert draft.slots[0].title == "Café débat"
    assert draft.slots[0].speakers == [Person("Renée Noël")]
    assert (draft.slots[0].start, draft.slots[0].end) == (time(14, 0), time(14, 30))
    assert draft.columns == ["Mics"]


def test_rows_it_cannot_read_are_reported_with_their_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "messy.csv"
    path.write_text("Time,Title,Length\n9:00,Welcome,10\n\nTBC,Mystery guest,\n9:10,Keynote,half an hour\n"
                    ",,\n9:50,Lunch,1h\n10:50,Talk,20,an extra cell\n", encoding="utf-8")
    draft = read_csv(path)
    assert [slot.title for slot in draft.slots] == ["Welcome", "Keynote", "Lunch", "Talk"]
    lines = [(note.line, note.understood) for note in draft.notes]
    assert (4, False) in lines  # the start 'TBC'
    assert (5, False) in lines  # the length 'half an hour'
    assert any(note.line == 4 and "Mystery guest" in note.text for note in draft.notes)
    assert any(note.line == 8 and "an extra cell" in note.text and not note.understood for note in draft.notes)


def test_a_sheet_without_a_header_row_says_so() -> None:
    draft = read_csv(DATA / "no-header.csv")
    assert draft.slots == []
    assert len(draft.notes) == 1 and not draft.notes[0].understood and "header" in draft.notes[0].text


def test_an_xlsx_with_the_title_in_a1_and_the_header_on_row_3_with_real_time_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Board retreat 2025"
    sheet["A2"] = datetime(2025, 11, 13)
    sheet.append(["Start Time", "Duration (min)", "Session", "Presenters", "Camera", "Stage Manager Notes"])
    sheet.append([time(9, 0), 30, "Opening words", "Maria Sandberg, Chair, Board", "wide", "lectern stage left"])
    sheet.append([time(9, 30), time(0, 45), "Strategy 2030", "Tom Ek; Lisa Ek, CFO, Nordbank", "close up", None])
    sheet.append([None, None, None, None, None, None])
    sheet.append([time(10, 15), "0:15", "Coffee", None, None, None])
    path = tmp_path / "retreat.xlsx"
    book.save(path)
    draft = read_xlsx(path)
    assert draft.event.title == "Board retreat 2025"
    assert draft.event.date == date(2025, 11, 13)
    assert draft.columns == ["Camera", "Stage Manager Notes"]
    assert draft.slots[1].speakers == [Person("Tom Ek"), Person("Lisa Ek", "CFO", "Nordbank")]
    assert [slot.line for slot in draft.slots] == [4, 5, 7]
    assert _times(path, ImportOptions(timezone="Europe/Stockholm")) == [
        ("Opening words", "09:00", "09:30"), ("Strategy 2030", "09:30", "10:15"), ("Coffee", "10:15", "10:30")]


def test_an_xlsx_with_a_time_range_column_on_its_second_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover["A1"] = "Read me: the programme is on the next sheet"
    sheet = book.create_sheet("Programme")
    sheet.append(["Event:", "Open Data Day"])
    sheet.append(["Date:", "Saturday 1 March 2025"])
    sheet.append(["Time", "Topic", "Speaker", "Moderator", "Type", "Lighting"])
    sheet.append(["9:30-10:00", "Registration", None, None, "other", "house"])
    sheet.append(["10:00 – 10:45", "Panel on open budgets", "Eva Lund, City of Malmö", "Ian Moss", None, "panel"])
    sheet.append(["10.45 to 11.00", "Short break", None, None, None, None])
    path = tmp_path / "open-data.xlsx"
    book.save(path)
    draft = read_xlsx(path)
    assert draft.event.title == "Open Data Day"
    assert draft.event.date == date(2025, 3, 1)
    assert [(slot.start, slot.end) for slot in draft.slots] == [
        (time(9, 30), time(10, 0)), (time(10, 0), time(10, 45)), (time(10, 45), time(11, 0))]
    assert draft.slots[1].moderator == Person("Ian Moss")
    outcome = finish_import(draft, ImportOptions(timezone="Europe/Stockholm"))
    assert outcome.agenda is not None
    assert [slot.kind.value for slot in outcome.agenda.slots] == ["other", "panel", "break"]
    assert outcome.agenda.columns == ("Lighting",)


@pytest.mark.parametrize("name", ["missing.csv", "missing.xlsx"])
def test_a_file_that_is_not_there_is_one_clear_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(ImportReadError, match=f"{name}: cannot be read"):
        read_import(tmp_path / name)


def test_a_text_file_named_xlsx_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "programme.xlsx"
    path.write_text("Start,Title\n9:00,Welcome\n", encoding="utf-8")
    with pytest.raises(ImportReadError, match="cannot be read as an XLSX workbook"):
        read_import(path)


def test_day_headings_between_the_rows_give_the_days_of_a_two_day_sheet(tmp_path: Path) -> None:
    path = tmp_path / "two-days.csv"
    path.write_text("Nordic Sound Days\nTime zone,Europe/Stockholm\n\n"
                    "Time,Title,Presenter\n"
                    "Day 1 – Friday 5 September 2025,,\n"
                    "17:00-18:00,Soundcheck,\n"
                    "18:00 - 19:30,Opening concert,Eva Lund\n"
                    "Saturday 6 September 2025,,\n"
                    "9:30 - 10:15 am,Keynote,Jon Ek\n", encoding="utf-8")
    draft = read_csv(path)
    assert draft.event.title == "Nordic Sound Days"
    assert [(slot.day, slot.start, slot.end) for slot in draft.slots] == [
        (date(2025, 9, 5), time(17, 0), time(18, 0)), (date(2025, 9, 5), time(18, 0), time(19, 30)),
        (date(2025, 9, 6), time(9, 30), time(10, 15))]
    outcome = finish_import(draft, ImportOptions())
    assert outcome.agenda is not None
    assert outcome.agenda.event.date == date(2025, 9, 5)
    assert f"{outcome.agenda.slots[2].start:%Y-%m-%d %H:%M}" == "2025-09-06 09:30"


@pytest.mark.parametrize(("name", "advice"), [("programme.pdf", "copy its text into a .txt file"),
                                              ("programme.docx", "copy its text into a .txt file"),
                                              ("rundown.xls", "save it as .xlsx or .csv")])
def test_a_document_it_cannot_read_says_what_to_save_it_as(tmp_path: Path, name: str, advice: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 binary insides")
    with pytest.raises(ImportReadError, match=advice):
        read_import(path)


def _book(path: Path, sheets: list[tuple[str, list[list[object]]]]) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


_DAY_ROWS: list[list[object]] = [["Start", "End", "Title", "Speaker", "Audio"],
                                 [time(9, 0), time(9, 30), "Opening", "Ola Nordmann", "HH1"],
                                 [time(9, 30), time(10, 0), "Talk", "Kari Hansen", "lav 1"]]


def test_every_sheet_of_a_workbook_with_one_sheet_per_day_is_read_with_its_date_from_its_name(tmp_path: Path) -> None:
    path = _book(tmp_path / "twodays.xlsx", [("Cover", [["Gala 2025 – rundown"]]), ("Day 1 – 14 Oct", _DAY_ROWS),
                                             ("Day 2 – 15 Oct", _DAY_ROWS)])
    draft = read_xlsx(path, year=2025)
    assert [(slot.title, slot.day) for slot in draft.slots] == [
        ("Opening", date(2025, 10, 14)), ("Talk", date(2025, 10, 14)),
        ("Opening", date(2025, 10, 15)), ("Talk", date(2025, 10, 15))]
    assert draft.columns == ["Audio"]
    assert any("sheet 'Cover' has no header row: left out" in note.text for note in draft.notes)
    outcome = finish_import(draft, ImportOptions(timezone="Europe/Oslo"))
    assert outcome.agenda is not None, outcome.problems
    assert [f"{slot.start:%m-%d %H:%M}" for slot in outcome.agenda.slots] == [
        "10-14 09:00", "10-14 09:30", "10-15 09:00", "10-15 09:30"]


def test_a_sheets_date_year_comes_from_a_date_above_the_first_header(tmp_path: Path) -> None:
    path = _book(tmp_path / "days.xlsx", [("Day 1 – 14 Oct", [["Date", "14/10/2025"], *_DAY_ROWS]),
                                          ("Day 2 – 15 Oct", _DAY_ROWS)])
    draft = read_xlsx(path)
    assert [slot.day for slot in draft.slots] == [date(2025, 10, 14)] * 2 + [date(2025, 10, 15)] * 2


def test_a_later_sheet_without_a_date_of_its_own_is_not_silently_merged(tmp_path: Path) -> None:
    path = _book(tmp_path / "undated.xlsx", [("Monday", _DAY_ROWS), ("Tuesday", _DAY_ROWS)])
    draft = read_xlsx(path)
    assert len(draft.slots) == 4
    assert any("sheet 'Tuesday'" in note.text and "no date" in note.text and not note.understood
               for note in draft.notes)
    outcome = finish_import(draft, ImportOptions(date=date(2025, 10, 14), timezone="Europe/Oslo"))
    assert outcome.agenda is None


def test_hidden_rows_and_hidden_sheets_are_left_out_with_a_note(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [["Start", "End", "Title", "Speaker"], [time(9, 0), time(9, 30), "Opening", "Ola Nordmann"],
                [time(9, 30), time(10, 0), "CUT – Sponsor video", "n/a"], [time(10, 0), time(10, 30), "Keynote", None]]:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    spare = book.create_sheet("Old version")
    spare.append(["Start", "Title"])
    spare.append([time(11, 0), "Dropped talk"])
    spare.sheet_state = "hidden"
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    draft = read_xlsx(path)
    assert [slot.title for slot in draft.slots] == ["Opening", "Keynote"]
    assert any(note.line == 3 and "hidden" in note.text and "CUT – Sponsor video" in note.text
               for note in draft.notes)
    assert any("sheet 'Old version' is hidden: left out" in note.text for note in draft.notes)


def test_a_duration_cell_below_one_is_a_fraction_of_a_day(tmp_path: Path) -> None:
    path = _book(tmp_path / "fraction.xlsx", [("Sheet", [["Start", "Duration", "Title"],
                                                         [time(10, 0), 0.0208, "Break"],
                                                         [time(10, 30), 25, "Talk"]])])
    draft = read_xlsx(path)
    assert [slot.duration for slot in draft.slots] == [1800, 1500]
    assert any(note.line == 2 and "fraction of a day" in note.text for note in draft.notes)


@pytest.mark.parametrize(("cell", "moderator", "speakers", "panellists"), [
    ("Moderator: Johan Ek", "Johan Ek", [], []),
    ("Host: Nina Holm", "Nina Holm", [], []),
    ("Chair: Eva Lind", "Eva Lind", [], []),
    ("Modérateur : Jean Martin", "Jean Martin", [], []),
    ("Panellists: Ana Ruiz; Bo Li", None, [], ["Ana Ruiz", "Bo Li"]),
    ("Ana Ruiz; Bo Li; Moderator: Johan Ek", "Johan Ek", ["Ana Ruiz", "Bo Li"], []),
    ("Ana Ruiz\nModerator: Johan Ek", "Johan Ek", ["Ana Ruiz"], []),
    ("Par Larsson", None, ["Par Larsson"], []),
])
def test_labels_in_a_speakers_cell_name_the_moderator_and_panellists(
        tmp_path: Path, cell: str, moderator: str | None, speakers: list[str], panellists: list[str]) -> None:
    path = tmp_path / "labels.csv"
    path.write_text('Start,End,Title,Presenter\n11:15,11:45,Panel,"' + cell + '"\n', encoding="utf-8")
    slot = read_csv(path).slots[0]
    assert (slot.moderator.name if slot.moderator else None) == moderator
    assert [person.name for person in slot.speakers] == speakers
    assert [person.name for person in slot.panellists] == panellists


def test_a_continuation_row_adds_its_crew_cues_and_notes_to_the_slot_above() -> None:
    draft = read_csv(DATA / "continuation.csv")
    assert [slot.title for slot in draft.slots] == ["Doors / walk-in", "Welcome", "Partner awards"]
    welcome = draft.slots[1]
    assert welcome.crew == {"Cam": "cam 2 tight", "Mics": "HH1; HH2 spare", "LX": "stage wash"}
    assert welcome.notes == "Host at lectern\nEva may bring co-host"
    assert any(note.line == 8 and "added to 'Welcome'" in note.text for note in draft.notes)
    assert all(note.understood for note in draft.notes)


def test_a_csv_longer_than_the_row_limit_stops_the_import(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("Start,Title\n" + "9:00,Talk\n" * (MAX_ROWS + 5), encoding="utf-8")
    with pytest.raises(ImportReadError, match="more than 20,000 rows"):
        read_import(path)


def test_a_large_workbook_is_read_only_and_says_hidden_rows_could_not_be_seen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [["Start", "Title"], [time(9, 0), "Opening"], [time(9, 30), "Cut item"]]:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "large.xlsx"
    book.save(path)
    monkeypatch.setattr("runofshow.io.import_sheet.FULL_LOAD_BYTES", 0)
    draft = read_xlsx(path)
    assert [slot.title for slot in draft.slots] == ["Opening", "Cut item"]
    assert any(note.line == 0 and "hidden rows, if any, are read as slots" in note.text for note in draft.notes)


@pytest.mark.parametrize("header", [
    "Heure;Fin;Titre;Intervenant;Son;Lumière;Remarques",  # a French run sheet
    "Début;Fin;Intitulé;Orateurs;Son;Lumière;Remarques",
    "Start;End;Title;Talent;Son;Lumière;Notes",  # a US run of show: the people on air are the talent
])
def test_french_headers_and_talent_are_read_as_the_fields_they_name(tmp_path: Path, header: str) -> None:
    path = tmp_path / "conduite.csv"
    path.write_text(f"{header}\n09:00;09:30;Accueil;Jean Martin, Maire;HF 1;plein feux;café en salle\n",
                    encoding="utf-8")
    draft = read_csv(path)
    assert draft.columns == ["Son", "Lumière"]
    slot = draft.slots[0]
    assert (slot.start, slot.end, slot.title) == (time(9, 0), time(9, 30), "Accueil")
    assert slot.speakers == [Person("Jean Martin", "", "Maire")] or [p.name for p in slot.speakers] == ["Jean Martin"]
    assert slot.notes == "café en salle" and slot.crew == {"Son": "HF 1", "Lumière": "plein feux"}
