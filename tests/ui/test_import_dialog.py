"""File > Import…: the preview of what was understood, filled in, saved and opened as the show's agenda."""

from __future__ import annotations

import shutil
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from runofshow.core.agenda import Person, SlotKind
from runofshow.core.show import ShowPhase
from runofshow.io.agenda_yaml import load_agenda
from runofshow.io.import_draft import DraftEvent, DraftSlot, ImportDraft
from runofshow.io.import_read import read_import
from runofshow.ui.import_dialog import ImportPreviewDialog
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import Rig
from tests.ui.test_dialog_parents import activate, real_rig, when_shown  # noqa: F401 (real_rig: a fixture)

SEED = Path(__file__).parents[1] / "data" / "programme.txt"


class ImportPrompts(FakePrompts):
    """The fake prompts, answering File > Import…'s pickers too."""

    def __init__(self) -> None:
        super().__init__()
        self.import_source: Path | None = None  # the file picked in File > Import…
        self.import_starts: list[Path] = []
        self.import_target: Path | None = None  # where "Save and open…" saves
        self.save_suggestions: list[Path] = []

    def open_import(self, start: Path) -> Path | None:
        self.import_starts.append(start)
        return self.import_source

    def save_import(self, suggested: Path) -> Path | None:
        self.save_suggestions.append(suggested)
        return self.import_target

    def save_csv(self, suggested: Path) -> Path | None:
        return None


@pytest.fixture
def prompts() -> ImportPrompts:
    return ImportPrompts()


def run_sheet(folder: Path) -> ImportDraft:
    """A crew's run sheet as a spreadsheet reader gives it: a date, no time zone, two crew columns."""
    draft = ImportDraft(folder / "run-sheet.csv", DraftEvent(title="Board day", date=date(2026, 12, 3)))
    draft.columns = ["Audio", "Video"]
    draft.slots = [
        DraftSlot(2, time(9, 0), time(9, 30), title="Welcome", crew={"Audio": "lectern mic live"},
                  notes="Doors open 8:45"),
        DraftSlot(3, time(9, 30), title="Keynote: the year ahead", speakers=[Person("Ann Lee", "CEO", "Acme")],
                  crew={"Video": "camera 1 wide"}),
    ]
    draft.not_understood(5, "Davistanta")
    return draft


def preview(qtbot: QtBot, draft: ImportDraft, prompts: FakePrompts, opened: list[Path] | None = None,
            running: Path | None = None) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(draft, prompts, (opened if opened is not None else []).append, lambda: running)
    qtbot.addWidget(dialog)
    return dialog


def cells(dialog: ImportPreviewDialog, column: int) -> list[str]:
    table = dialog.slots_table
    return [table.item(row, column).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def headers(dialog: ImportPreviewDialog) -> list[str]:
    table = dialog.slots_table
    return [table.horizontalHeaderItem(column).text()  # type: ignore[union-attr]
            for column in range(table.columnCount())]


def notes(dialog: ImportPreviewDialog) -> list[str]:
    return [dialog.notes_list.item(row).text() for row in range(dialog.notes_list.count())]


def choose_zone(dialog: ImportPreviewDialog, zone: str) -> None:
    dialog.zone.setCurrentText(zone)


# -- the preview ------------------------------------------------------------------------------------


def test_the_preview_shows_the_seed_programmes_slots_and_reports_the_stray_line(
        qtbot: QtBot, prompts: ImportPrompts) -> None:
    dialog = preview(qtbot, read_import(SEED), prompts)
    choose_zone(dialog, "Europe/Brussels")  # whether the text says it or not, the slots are the same
    assert dialog.outcome.agenda is not None
    assert cells(dialog, 0) == ["13:30", "13:45", "14:00", "14:20", "14:35", "14:50", "15:10", "15:40", "16:10",
                                "16:15"]
    assert cells(dialog, 1)[-1] == "17:00"
    titles = cells(dialog, 2)
    assert titles[0] == "Welcoming remarks" and titles[5] == "Break" and titles[-1] == "Drinks Reception"
    assert cells(dialog, 3)[5] == SlotKind.BREAK.value
    assert "Ingebjørg Harto (moderator)" in cells(dialog, 4)[7]
    assert "line 43: not understood: Davistanta" in notes(dialog)
    assert dialog.save_button.isEnabled()


def test_a_missing_time_zone_keeps_save_disabled_and_choosing_one_enables_it(
        qtbot: QtBot, tmp_path: Path, prompts: ImportPrompts) -> None:
    dialog = preview(qtbot, run_sheet(tmp_path), prompts)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    assert dialog.problems_label.isVisible()
    assert "Choose the time zone above" in dialog.problems_label.text()
    assert "--timezone" not in dialog.problems_label.text()  # the window names its field, not a command's flag
    assert cells(dialog, 2) == ["Welcome", "Keynote: the year ahead"]  # the slots as read, meanwhile
    choose_zone(dialog, "Europe/Bruxelles")  # a typo: still not a zone
    assert not dialog.save_button.isEnabled()
    assert "Europe/Bruxelles is not a time zone" in dialog.problems_label.text()
    choose_zone(dialog, "Europe/Brussels")
    assert dialog.save_button.isEnabled()
    assert not dialog.problems_label.isVisible()
    assert dialog.outcome.agenda is not None and dialog.outcome.agenda.event.timezone == "Europe/Brussels"


def test_the_crew_columns_and_every_note_are_shown(qtbot: QtBot, tmp_path: Path, prompts: ImportPrompts) -> None:
    dialog = preview(qtbot, run_sheet(tmp_path), prompts)
    choose_zone(dialog, "Europe/Brussels")
    assert headers(dialog) == ["Start", "End", "Title", "Kind", "People", "Notes", "Audio", "Video"]
    assert cells(dialog, 6) == ["lectern mic live", ""]
    assert cells(dialog, 7) == ["", "camera 1 wide"]
    assert cells(dialog, 4) == ["", "Ann Lee"]
    assert cells(dialog, 5) == ["Doors open 8:45", ""]  # the slot's notes, as the file gave them
    assert "row 5: not understood: Davistanta" in notes(dialog)  # a spreadsheet's notes name its rows
    # The last slot's default length, named as the field above rather than as the command's option.
    assert any("Keynote: the year ahead" in note and "30m (the last slot's length above)" in note
               for note in notes(dialog))
    assert not any("--default-length" in note for note in notes(dialog))


def test_changing_the_default_length_runs_the_import_again(qtbot: QtBot, tmp_path: Path,
                                                           prompts: ImportPrompts) -> None:
    dialog = preview(qtbot, run_sheet(tmp_path), prompts)
    choose_zone(dialog, "Europe/Brussels")
    assert cells(dialog, 1) == ["09:30", "10:00"]
    dialog.length.setValue(45)
    assert cells(dialog, 1) == ["09:30", "10:15"]


def test_a_missing_date_is_asked_and_the_date_chosen_is_the_events(qtbot: QtBot, tmp_path: Path,
                                                                   prompts: ImportPrompts) -> None:
    draft = run_sheet(tmp_path)
    draft.event.date = None
    dialog = preview(qtbot, draft, prompts)
    choose_zone(dialog, "Europe/Brussels")
    assert not dialog.save_button.isEnabled()
    assert "Choose the date above" in dialog.problems_label.text()
    dialog.day.setDate(QDate(2027, 2, 11))
    assert dialog.save_button.isEnabled()
    assert dialog.outcome.agenda is not None and dialog.outcome.agenda.event.date == date(2027, 2, 11)


def test_a_zone_the_file_names_that_is_not_one_is_asked(qtbot: QtBot, tmp_path: Path,
                                                        prompts: ImportPrompts) -> None:
    draft = run_sheet(tmp_path)
    draft.event.timezone = "Central European Time"
    dialog = preview(qtbot, draft, prompts)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    assert dialog.zone.isVisible() and "Central European Time" in dialog.zone_from_file.text()
    choose_zone(dialog, "Europe/Brussels")
    assert dialog.save_button.isEnabled()
    assert dialog.outcome.agenda is not None and dialog.outcome.agenda.event.timezone == "Europe/Brussels"


@pytest.mark.qt_log_ignore("This plugin does not support grabbing")  # the offscreen platform, about the popup
def test_the_calendar_opens_on_this_month_while_no_date_is_chosen(qtbot: QtBot, tmp_path: Path,
                                                                    prompts: ImportPrompts) -> None:
    draft = run_sheet(tmp_path)
    draft.event.date = None
    dialog = preview(qtbot, draft, prompts)
    dialog.show()
    arrow = QPoint(dialog.day.width() - 8, dialog.day.height() // 2)
    qtbot.mouseClick(dialog.day, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = dialog.day.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert dialog.options().date is None  # opening the calendar chose nothing
    calendar.window().close()


def test_what_the_file_says_is_shown_and_needs_nothing_chosen(qtbot: QtBot, tmp_path: Path,
                                                              prompts: ImportPrompts) -> None:
    draft = run_sheet(tmp_path)
    draft.event.timezone = "Europe/Oslo"
    dialog = preview(qtbot, draft, prompts)
    dialog.show()
    assert dialog.save_button.isEnabled()
    assert dialog.options().date is None and dialog.options().timezone == ""  # nothing chosen: the file's
    assert dialog.zone_from_file.text().startswith("Europe/Oslo")
    assert dialog.day_from_file.text().startswith("2026-12-03")


def test_the_preview_fits_a_small_screen(qtbot: QtBot, tmp_path: Path, prompts: ImportPrompts) -> None:
    dialog = preview(qtbot, run_sheet(tmp_path), prompts)
    assert dialog.minimumSizeHint().width() <= 1024 and dialog.minimumSizeHint().height() <= 600


# -- saving and opening, in the app -------------------------------------------------------------------


def start_import(rig: Rig, prompts: ImportPrompts, source: Path) -> ImportPreviewDialog:
    prompts.import_source = source
    rig.controller.import_programme()
    dialog = rig.controller.import_preview
    assert dialog is not None
    return dialog


def file_menu_entry(rig: Rig, text: str) -> QAction:
    file_menu = rig.window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    return next(action for action in file_menu.actions() if action.text() == text)


def test_file_import_opens_the_picker_and_then_the_preview(rig: Rig, prompts: ImportPrompts) -> None:
    file_menu_entry(rig, "Import…").trigger()
    assert prompts.import_starts == [rig.agenda_path.parent] and rig.controller.import_preview is None  # cancelled
    prompts.import_source = SEED
    file_menu_entry(rig, "Import…").trigger()
    assert rig.controller.import_preview is not None and rig.controller.import_preview.isVisible()


def test_the_saved_import_loads_and_becomes_the_apps_agenda(rig: Rig, tmp_path: Path, prompts: ImportPrompts) -> None:
    source = tmp_path / "downloads" / "programme.txt"
    source.parent.mkdir()
    shutil.copy(SEED, source)
    dialog = start_import(rig, prompts, source)
    assert prompts.import_starts == [rig.agenda_path.parent]
    assert dialog.parentWidget() is rig.window and not dialog.isModal()
    choose_zone(dialog, "Europe/Brussels")
    target = tmp_path / "imported.yaml"
    prompts.import_target = target
    dialog.save_button.click()
    assert prompts.save_suggestions == [source.with_suffix(".yaml")]
    loaded = load_agenda(target)
    assert loaded.agenda is not None and not loaded.errors
    assert rig.controller.agenda_path == target
    assert rig.controller.bridge is not None
    assert rig.controller.bridge.session.engine.agenda == loaded.agenda
    assert [slot.title for slot in loaded.agenda.slots][-1] == "Drinks Reception"
    assert not dialog.isVisible() and rig.controller.import_preview is None
    # The next import starts where this one came from.
    prompts.import_source = None
    rig.controller.import_programme()
    assert prompts.import_starts[-1] == source.parent


def test_a_broken_import_never_replaces_the_running_agenda(rig: Rig, tmp_path: Path, prompts: ImportPrompts) -> None:
    source = tmp_path / "clash.txt"
    source.write_text("Clash day\n\n3 December 2026\n\n09:00 - 10:00 Opening\n09:30 - 10:30 Keynote\n",
                      encoding="utf-8")
    dialog = start_import(rig, prompts, source)
    choose_zone(dialog, "Europe/Brussels")
    assert not dialog.save_button.isEnabled()
    assert "two slots at once" in dialog.problems_label.text()
    prompts.import_target = tmp_path / "clash.yaml"
    dialog.save_and_open()  # even asked directly, nothing is saved or opened
    assert prompts.save_suggestions == [] and not (tmp_path / "clash.yaml").exists()
    assert rig.controller.agenda_path == rig.agenda_path


def test_a_file_that_cannot_be_read_is_said_in_a_box_and_nothing_opens(rig: Rig, tmp_path: Path,
                                                                       prompts: ImportPrompts) -> None:
    source = tmp_path / "programme.xlsx"
    source.write_bytes(b"this is not a spreadsheet")
    prompts.import_source = source
    rig.controller.import_programme()
    assert rig.controller.import_preview is None
    assert [call[0] for call in prompts.problem_calls] == ["This file cannot be imported"]
    assert str(source.name) in prompts.problem_calls[0][1]
    assert rig.controller.agenda_path == rig.agenda_path


def test_an_import_is_never_saved_over_the_running_agenda(rig: Rig, tmp_path: Path, prompts: ImportPrompts) -> None:
    before = rig.agenda_path.read_bytes()
    dialog = start_import(rig, prompts, SEED)
    choose_zone(dialog, "Europe/Brussels")
    prompts.import_target = rig.agenda_path
    dialog.save_button.click()
    assert rig.agenda_path.read_bytes() == before
    assert [call[0] for call in prompts.problem_calls] == ["The import was not saved"]
    assert dialog.isVisible()  # nothing lost: another name can be chosen


def test_a_save_that_fails_is_said_and_the_preview_stays(rig: Rig, tmp_path: Path, prompts: ImportPrompts) -> None:
    dialog = start_import(rig, prompts, SEED)
    choose_zone(dialog, "Europe/Brussels")
    prompts.import_target = tmp_path / "no such folder" / "programme.yaml"
    dialog.save_button.click()
    assert [call[0] for call in prompts.problem_calls] == ["The import was not saved"]
    assert dialog.isVisible()
    assert rig.controller.agenda_path == rig.agenda_path


def test_asking_again_brings_the_open_preview_to_the_front(rig: Rig, prompts: ImportPrompts) -> None:
    dialog = start_import(rig, prompts, SEED)
    rig.controller.import_programme()
    assert rig.controller.import_preview is dialog
    assert len(prompts.import_starts) == 1  # no second picker


def test_the_show_keeps_running_while_the_preview_is_open(rig: Rig, prompts: ImportPrompts) -> None:
    rig.at(at(13, 30))
    dialog = start_import(rig, prompts, SEED)
    rig.window.activateWindow()
    rig.qtbot.waitUntil(lambda: QApplication.activeWindow() is rig.window, timeout=2000)
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)
    assert rig.controller.bridge is not None and rig.controller.bridge.state.phase is ShowPhase.RUNNING
    assert dialog.isVisible()


# -- the real pickers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ask", ["import", "save"])
def test_the_pickers_are_over_the_window_not_modal_and_the_save_one_asks_before_replacing(
        real_rig: Rig, tmp_path: Path, ask: str) -> None:  # noqa: F811 (real_rig: the fixture imported above)
    rig = real_rig
    facts: dict[str, object] = {}

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog)
        facts["parent"] = widget.parentWidget()
        facts["modal"] = QApplication.activeModalWidget()
        facts["asks before replacing"] = not widget.testOption(QFileDialog.Option.DontConfirmOverwrite)
        widget.reject()

    when_shown(QFileDialog, answer)
    prompts = rig.controller.prompts
    if ask == "import":
        assert prompts.open_import(tmp_path) is None
    else:
        assert prompts.save_import(tmp_path / "programme.yaml") is None
    assert facts == {"parent": rig.window, "modal": None, "asks before replacing": True}


def test_a_zone_and_date_the_file_gives_can_still_be_changed_here(qtbot: QtBot, tmp_path: Path,
                                                                    prompts: ImportPrompts) -> None:
    # A zone guessed from a city in the text ("Central") must not be the last word: the field wins.
    draft = run_sheet(tmp_path)
    draft.event.timezone = "America/Chicago"
    dialog = preview(qtbot, draft, prompts)
    dialog.show()
    assert dialog.zone.isVisible() and dialog.day.isVisible()
    assert dialog.zone_from_file.text().startswith("America/Chicago")
    assert dialog.outcome.agenda is not None and dialog.outcome.agenda.event.timezone == "America/Chicago"
    dialog.zone.setCurrentText("America/Denver")
    dialog.day.setDate(QDate(2026, 12, 4))
    agenda = dialog.outcome.agenda
    assert agenda is not None and agenda.event.timezone == "America/Denver"
    assert agenda.slots[0].start.date() == date(2026, 12, 4)


def test_a_workbook_of_one_sheet_per_day_without_a_year_takes_it_from_the_date_chosen(
        qtbot: QtBot, tmp_path: Path, prompts: ImportPrompts) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    rows: list[list[object]] = [["Start", "End", "Title", "Speaker", "Audio"],
                                [time(9, 0), time(9, 30), "Opening", "Ola Nordmann", "HH1"]]
    book = openpyxl.Workbook()
    book.active.title = "Day 1 – 14 Oct"
    for row in rows:
        book.active.append(row)
    second = book.create_sheet("Day 2 – 15 Oct")
    for row in rows:
        second.append(row)
    path = tmp_path / "twodays.xlsx"
    book.save(path)
    dialog = preview(qtbot, read_import(path), prompts)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    dialog.zone.setCurrentText("Europe/Oslo")
    dialog.day.setDate(QDate(2025, 10, 14))
    agenda = dialog.outcome.agenda
    assert agenda is not None, dialog.outcome.problems
    assert [f"{slot.start:%Y-%m-%d %H:%M}" for slot in agenda.slots] == ["2025-10-14 09:00", "2025-10-15 09:00"]
    assert dialog.save_button.isEnabled()
