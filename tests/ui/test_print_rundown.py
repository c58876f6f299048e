"""The printed rundown and the report as a PDF, read back as text (QtPdf); File > Print… and Export PDF…."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, QSettings, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from runofshow.app import AppController
from runofshow.core.agenda import Agenda, Cue, Person, Slot, SlotKind
from runofshow.core.clock import FakeClock
from runofshow.core.show import ShowPhase
from runofshow.io.report import build_report
from runofshow.io.session import ShowSession
from runofshow.paths import bundled_agenda
from runofshow.ui.dialogs import DialogPrompts
from runofshow.ui.print_rundown import print_rundown, write_rundown_pdf
from runofshow.ui.print_table import Block, Row, Style, build_table
from tests.conftest import FakePrompts
from tests.core.helpers import BRUSSELS, at, seed
from tests.ui.conftest import Rig
from tests.ui.crew_agenda import CREW_COLUMNS, CREW_CUES, crew_agenda
from tests.ui.pdf_text import page_points, pdf_pages, squeezed, text_box
from tests.ui.test_dialog_parents import activate, when_shown

PRINTED = datetime(2023, 11, 30, 12, 5, tzinfo=BRUSSELS)
A4_LANDSCAPE = (842, 595)
LETTER_LANDSCAPE = (792, 612)
# The event's title in a footer, cut short to fit (where exactly depends on the device), squeezed.
FOOTER_TITLE = r"StrategicPublicProcurementtodriveEuropeanResilience,Innovation[a-z]{0,3}…"


def written(agenda: Agenda, path: Path, **options: object) -> list[str]:
    pages = write_rundown_pdf(agenda, path, printed_at=options.pop("printed_at", PRINTED), **options)  # type: ignore[arg-type]
    text = pdf_pages(path)
    assert len(text) == pages
    return text


def test_the_rundown_has_the_event_every_slot_and_every_crew_cue(qapp: object, tmp_path: Path) -> None:
    agenda = crew_agenda()
    pages = written(agenda, tmp_path / "rundown.pdf")
    first = pages[0]
    assert first.startswith("RUNDOWN\r\nStrategic Public Procurement to drive European Resilience, Innovation and "
                            "Growth\r\n")
    assert "Thursday 30 November 2023 · Norway House, Rue Archimède 17, 1000 Brussels · times in Europe/Brussels" \
        in first
    assert squeezed("Time Title Speakers Notes Audio Video Lighting Stage 13:30–13:45") in squeezed(first)
    everything = squeezed("".join(pages))
    for slot in agenda.slots:
        assert squeezed(slot.title) in everything, slot.title
        assert squeezed(f"{slot.start:%H:%M}–{slot.end:%H:%M}") in everything
    for cues in CREW_CUES.values():
        for cue in cues.values():
            assert squeezed(cue) in everything, cue
    # Speakers with their role and organisation; a panel's moderator, panellists and cues; the notes.
    for line in ("Ingebjørg Harto, Programme Director, LUP", "Moderator: Ingebjørg Harto, LUP", "Anne Romsaas, KS",
                 "3 min · Introduction by the moderator · Ingebjørg Harto", "9 min · Questions and answers",
                 "Four chairs and five handheld mics on stage before the break ends."):
        assert squeezed(line) in everything, line
    # The kind when it is not a talk, the length under the times.
    assert "BREAK\r\nBreak" in "".join(pages) and "PANEL\r\nPolicy panel" in "".join(pages)
    assert "14:50–15:10\r\n20 min" in "".join(pages)


def test_every_page_says_its_number_of_the_total_and_when_it_was_printed(qapp: object, tmp_path: Path) -> None:
    pages = written(crew_agenda(), tmp_path / "rundown.pdf")
    assert len(pages) == 2  # the panel, with its cues, does not fit under the first seven slots
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of 2" in text
        assert "printed 2023-11-30 12:05 CET" in text
        assert "Speakers" in text and "Lighting" in text  # the table's header on every page
    assert pages[1].startswith("Rundown · Strategic Public Procurement")  # a running title after the first page


def test_a4_and_letter_are_landscape_pages_of_their_size(qapp: object, tmp_path: Path) -> None:
    written(crew_agenda(), tmp_path / "a4.pdf")
    letter = written(crew_agenda(), tmp_path / "letter.pdf", paper="letter")
    assert page_points(tmp_path / "a4.pdf") == A4_LANDSCAPE
    assert page_points(tmp_path / "letter.pdf") == LETTER_LANDSCAPE
    assert all(squeezed(slot.title) in squeezed("".join(letter)) for slot in crew_agenda().slots)


def test_without_crew_columns_or_notes_the_table_has_only_the_plan(qapp: object, tmp_path: Path) -> None:
    agenda = seed()
    agenda = replace(agenda, columns=(), slots=tuple(replace(slot, notes="", crew=()) for slot in agenda.slots))
    first = written(agenda, tmp_path / "plain.pdf")[0]
    assert squeezed("Time Title Speakers 13:30–13:45") in squeezed(first)
    assert "Notes" not in first and "Audio" not in first


def test_a_long_title_wraps_whole_and_a_long_word_breaks_inside_its_column(qapp: object, tmp_path: Path) -> None:
    agenda = crew_agenda()
    title = ("Delivering better health and care, economic growth and resilient health systems through joint "
             "innovation partnerships and pre-commercial procurement in the Agder region in Norway, with a look at "
             "what comes next for the municipalities, the hospitals and the suppliers who work with them every day")
    word = "https://example.org/programme/2023/strategic-public-procurement/agder-region-innovation-partnership"
    slots = list(agenda.slots)
    slots[6] = replace(slots[6], title=title, notes=word)
    pages = written(replace(agenda, slots=tuple(slots)), tmp_path / "long.pdf")
    everything = "".join(pages)
    assert squeezed(title) in squeezed(everything)
    assert squeezed(word) in squeezed(everything)
    assert title not in everything  # not on one line: wrapped inside its column
    assert everything.count("\r\n") > 10


def test_a_skipped_slot_is_marked(qapp: object, tmp_path: Path) -> None:
    agenda = crew_agenda()
    slots = tuple(replace(slot, skipped=slot.id == "whitepaper") for slot in agenda.slots)
    everything = "".join(written(replace(agenda, slots=slots), tmp_path / "skipped.pdf"))
    assert "SKIPPED\r\nNew whitepaper on" in everything
    row = next(item for item in build_table(replace(agenda, slots=slots)).items
               if isinstance(item, Row) and item.skipped)
    assert Block("New whitepaper on Innovation Partnerships in Norway", Style.STRUCK) in row.cells[1]


def many_days(days: int = 3, per_day: int = 100) -> Agenda:
    """A festival: `per_day` ten-minute slots a day from 07:00, every tenth a break, crew cues on each."""
    agenda = crew_agenda()
    first = agenda.event.date
    slots = []
    for day in range(days):
        start = datetime.combine(first + timedelta(days=day), datetime.min.time(), tzinfo=BRUSSELS) + timedelta(hours=7)
        for number in range(per_day):
            begins = start + timedelta(minutes=10 * number)
            kind = SlotKind.BREAK if number % 10 == 9 else SlotKind.TALK
            slots.append(Slot(f"d{day + 1}-{number:03d}", f"Talk {day + 1}.{number:03d} on procurement", kind,
                              begins, begins + timedelta(minutes=10),
                              speakers=(Person(f"Speaker {day + 1}.{number:03d}", "Director", "LUP"),),
                              crew=(("Audio", f"mic {number % 6 + 1}"), ("Video", f"camera {number % 3 + 1}"))))
    return replace(agenda, slots=tuple(slots))


@pytest.mark.slow
def test_a_300_slot_plan_over_three_days_paginates_with_headers_and_day_headings(qapp: object,
                                                                                 tmp_path: Path) -> None:
    agenda = many_days()
    pages = written(agenda, tmp_path / "festival.pdf")
    total = len(pages)
    assert 10 < total < 60
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {total}" in text
        assert all(header in text for header in ("Time", "Title", "Speakers", *CREW_COLUMNS))
    # Every row whole on exactly one page (its times, title, speaker and cues together), in order.
    where = []
    for slot in agenda.slots:
        row = " ".join((f"{slot.start:%H:%M}–{slot.end:%H:%M} 10 min", "BREAK" if slot.kind is SlotKind.BREAK else "",
                        slot.title, slot.speakers[0].label(), *(cue for _column, cue in slot.crew)))
        found = [number for number, text in enumerate(pages) if squeezed(row) in squeezed(text)]
        assert len(found) == 1, (row, found)
        where.append(found[0])
    assert where == sorted(where)
    # A day heading on the page of its day's first slot, just above it, never alone at the foot of a page.
    for day, heading in enumerate(("Thursday 30 November 2023", "Friday 1 December 2023",
                                   "Saturday 2 December 2023")):
        first_slot = agenda.slots[day * 100]
        page = pages[where[day * 100]]
        assert f"{heading}\r\n{first_slot.start:%H:%M}–" in page, heading
    assert sum(text.count("December 2023\r\n") + text.count("November 2023\r\n") for text in pages) >= 3


def test_a_row_taller_than_a_page_breaks_between_lines_and_loses_nothing(qapp: object, tmp_path: Path) -> None:
    agenda = crew_agenda()
    notes = " ".join(f"Step {n}: check the radio mics, the lectern and the confidence monitor." for n in range(160))
    slots = tuple(replace(slot, notes=notes if slot.id == "ec-objectives" else slot.notes) for slot in agenda.slots)
    pages = written(replace(agenda, slots=slots), tmp_path / "tall.pdf")
    assert len(pages) >= 3
    # Read on, page after page, past each page's footer and the next one's titles: the notes are all there.
    pages_read = re.sub(FOOTER_TITLE + r"printed2023-11-3012:05CETpage\d+of\d+", "",
                        squeezed("".join(pages)))
    for repeated in (squeezed(f"Rundown · {agenda.event.title} · Thursday 30 November 2023"),
                     squeezed("Time Title Speakers Notes Audio Video Lighting Stage")):
        pages_read = pages_read.replace(repeated, "")
    assert squeezed(notes) in pages_read
    assert all(f"page {n} of {len(pages)}" in text for n, text in enumerate(pages, start=1))


def afternoon() -> ShowSession:
    """The show as tests/io/test_report.py runs it: a minute late, over, under, paused, still on the third slot."""
    session = ShowSession(crew_agenda(), Path("agenda.yaml"), None)
    session.run("go", at(13, 31))
    session.run("next", at(13, 47))
    session.run("pause", at(13, 50))
    session.run("resume", at(13, 52))
    session.run("next", at(14, 3))
    return session


def test_the_report_pdf_has_the_actual_times_beside_the_plan(qapp: object, tmp_path: Path) -> None:
    session = afternoon()
    report = build_report(session.engine, at(14, 5).t)
    pages = written(session.engine.agenda, tmp_path / "report.pdf", report=report)
    first = pages[0]
    assert first.startswith("REPORT: PLANNED AND ACTUAL\r\n")
    assert "show drift: 3:00 behind" in first
    for header in ("Actual start", "Actual end", "Actual length", "Over/under"):
        assert squeezed(header) in squeezed(first)
    # welcome: 13:31 to 13:47, 16 minutes, a minute over; status-norway 14 minutes, a minute under.
    assert squeezed("13:30–13:45 15 min 13:31:00 13:47:00 16:00 +1:00 REMARKS Welcoming remarks") in squeezed(first)
    assert squeezed("13:45–14:00 15 min 13:47:00 14:03:00 14:00 -1:00 Innovation procurement") in squeezed(first)
    assert squeezed("14:00–14:20 20 min 14:03:00 2:00 running EC strategic") in squeezed(first)
    assert all(squeezed(cue) in squeezed("".join(pages)) for cues in CREW_CUES.values() for cue in cues.values())


def test_a_slot_run_then_taken_out_of_the_plan_stays_in_the_report(qapp: object, tmp_path: Path) -> None:
    session = afternoon()
    assert session.run("delete_slot", at(14, 4), {"slot": "welcome"}).accepted
    report = build_report(session.engine, at(14, 5).t)
    table = build_table(session.engine.agenda, report)
    assert all(len(item.cells) == len(table.columns) for item in table.items if isinstance(item, Row))
    pages = written(session.engine.agenda, tmp_path / "report.pdf", report=report)
    last = squeezed(pages[-1])
    assert squeezed("13:31:00 13:47:00 16:00 (welcome: no longer in the agenda)") in last  # no plan, no over


def test_print_to_a_printer_is_the_same_document_as_the_pdf(qapp: object, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)  # the rundown is landscape whatever was chosen
    printer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)  # as the PDF's
    assert print_rundown(crew_agenda(), printer, printed_at=PRINTED) == 2
    printed = pdf_pages(tmp_path / "printed.pdf")
    written_pages = written(crew_agenda(), tmp_path / "written.pdf")
    assert page_points(tmp_path / "printed.pdf") == A4_LANDSCAPE
    # The same text on the same pages; only where the footer's title is cut depends on the device's resolution.
    assert [footless(page) for page in printed] == [footless(page) for page in written_pages]


def test_a_printer_gets_the_pdfs_margins_whatever_its_own(qapp: object, tmp_path: Path) -> None:
    """A printer's own margins are often ~4 mm (its unprintable edge): the printed rundown keeps the PDF's 10 mm."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)  # as a printer's driver gives it
    print_rundown(crew_agenda(), printer, printed_at=PRINTED)
    written(crew_agenda(), tmp_path / "written.pdf")
    printed_box, written_box = text_box(tmp_path / "printed.pdf"), text_box(tmp_path / "written.pdf")
    ten_mm = 10 / 25.4 * 72
    assert printed_box[0] == pytest.approx(written_box[0], abs=1.5)  # the left edge, in points
    assert printed_box[1] == pytest.approx(written_box[1], abs=1.5)  # the top
    assert printed_box[0] >= ten_mm - 1 and printed_box[1] >= ten_mm - 1
    width, height = A4_LANDSCAPE
    assert width - printed_box[2] >= ten_mm - 1 and height - printed_box[3] >= ten_mm - 1  # right, bottom


def footless(page: str) -> str:
    return re.sub(FOOTER_TITLE, "", squeezed(page))


def test_an_unwritable_path_raises_the_systems_reason_and_leaves_nothing(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(OSError, match="No such file or directory"):
        write_rundown_pdf(crew_agenda(), tmp_path / "no-such-folder" / "rundown.pdf", printed_at=PRINTED)
    assert not (tmp_path / "no-such-folder").exists()


def test_a_printed_time_without_a_zone_is_printed_as_given(qapp: object, tmp_path: Path) -> None:
    pages = written(crew_agenda(), tmp_path / "naive.pdf", printed_at=datetime(2024, 2, 29, 23, 59))
    assert "printed 2024-02-29 23:59" in pages[0] and "CET" not in pages[0]


def test_cues_of_a_panel_are_listed_under_its_people(qapp: object) -> None:
    panel = next(slot for slot in seed().slots if slot.kind is SlotKind.PANEL)
    panel = replace(panel, cues=(Cue("Opening", 240, Person("Ståle Moe", "", "Tellu AS")),))
    row = next(item for item in build_table(replace(seed(), slots=(panel,))).items if isinstance(item, Row))
    people = row.cells[2]
    assert people[0] == Block("Moderator: Ingebjørg Harto", detail="LUP")
    assert people[-1] == Block("4 min · Opening · Ståle Moe", Style.SMALL)


# -- the window: File > Print… and File > Export PDF… ------------------------------------------------------


def page_count(pages: list[str]) -> str:
    return "1 page" if len(pages) == 1 else f"{len(pages)} pages"


def file_action(rig: Rig, text: str) -> QDialog | None:
    action = next(action for action in rig.window.findChildren(type(rig.window.quit_action)) if action.text() == text)
    action.trigger()
    return rig.controller.print_dialog


def test_file_print_opens_a_dialog_beside_the_running_show_and_prints_on_accept(rig: Rig, tmp_path: Path,
                                                                               qtbot: QtBot) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    print_action = next(action for action in rig.window.findChildren(type(rig.window.quit_action))
                        if action.text() == "Print…")
    assert print_action.shortcut() == QKeySequence("Ctrl+P")
    rig.at(at(13, 30))
    bridge.run("go")
    dialog = file_action(rig, "Print…")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.parent() is rig.window
    # The show goes on while it is open: GO from the operator window moves to the next slot.
    rig.at(at(13, 45))
    rig.window.actions_by_key["go"].trigger()
    assert bridge.state.current is not None and bridge.state.current.id == "status-norway"
    assert file_action(rig, "Print…") is dialog  # asked again: the open one, not a second one
    printer = dialog.printer()  # type: ignore[attr-defined]
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    rig.at(at(13, 46))
    dialog.done(QDialog.DialogCode.Accepted)  # Print, with the settings the printer has
    pages = pdf_pages(tmp_path / "printed.pdf")
    assert pages[0].startswith("REPORT: PLANNED AND ACTUAL")  # a slot has run: the actual times are in it
    assert squeezed("13:30–13:45 15 min 13:30:00 13:45:00 15:00 0:00") in squeezed(pages[0])
    assert "printed 2023-11-30 13:46 CET" in pages[0]
    assert f"Sent to {tmp_path / 'printed.pdf'} ({page_count(pages)})" in rig.window.last_command.text()
    qtbot.waitUntil(lambda: rig.controller.print_dialog is None)
    assert bridge.state.phase is ShowPhase.RUNNING


def test_print_with_no_printer_but_a_file_prints_there_on_the_print_button(rig: Rig, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    if QPrinterInfo.availablePrinters():
        pytest.skip("a printer is installed here: the dialog would offer it, not a file")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    dialog = file_action(rig, "Print…")
    assert dialog is not None
    dialog.accept()  # the Print button: the dialog's own settings go to the printer first
    beside_the_agenda = rig.agenda_path.parent / "agenda-rundown.pdf"  # named and placed as Export PDF… does
    pages = pdf_pages(beside_the_agenda)
    width, height = page_points(beside_the_agenda)  # the system's paper (A4 or Letter), landscape
    assert pages[0].startswith("RUNDOWN") and width > height


def test_export_pdf_offers_a_name_beside_the_agenda_not_in_home(rig: Rig, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    file_action(rig, "Export PDF…")
    assert rig.prompts.pdf_offers == [rig.agenda_path.parent / "agenda-rundown.pdf"]


def test_export_pdf_before_the_show_is_the_rundown_and_after_a_slot_the_report(rig: Rig, tmp_path: Path) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.prompts.pdf_path = tmp_path / "out" / "plan.pdf"
    (tmp_path / "out").mkdir()
    file_action(rig, "Export PDF…")
    assert rig.prompts.pdf_offers == [rig.agenda_path.parent / "agenda-rundown.pdf"]
    pages = pdf_pages(tmp_path / "out" / "plan.pdf")
    assert pages[0].startswith("RUNDOWN") and "Actual start" not in pages[0]
    assert "printed 2023-11-30 13:20 CET" in pages[0]
    assert f"PDF saved to {tmp_path / 'out' / 'plan.pdf'} ({page_count(pages)})" in rig.window.last_command.text()
    rig.at(at(13, 31))
    bridge.run("go")
    rig.at(at(13, 40))
    rig.prompts.pdf_path = tmp_path / "out" / "report.pdf"
    file_action(rig, "Export PDF…")
    assert rig.prompts.pdf_offers[-1] == rig.agenda_path.parent / "agenda-report.pdf"
    report = pdf_pages(tmp_path / "out" / "report.pdf")[0]
    assert report.startswith("REPORT: PLANNED AND ACTUAL")
    assert squeezed("13:30–13:45 15 min 13:31:00 9:00 running") in squeezed(report)


def test_export_pdf_cancelled_writes_nothing_and_an_unwritable_place_is_said(rig: Rig, tmp_path: Path) -> None:
    rig.prompts.pdf_path = None
    file_action(rig, "Export PDF…")
    assert rig.prompts.problem_calls == [] and not list(tmp_path.glob("*.pdf"))
    rig.prompts.pdf_path = tmp_path / "missing" / "plan.pdf"
    file_action(rig, "Export PDF…")
    title, intro, _lines = rig.prompts.problem_calls[-1]
    assert title == "The PDF was not saved" and intro.endswith("No such file or directory")
    assert bridge_is_untouched(rig)


def bridge_is_untouched(rig: Rig) -> bool:
    assert rig.controller.bridge is not None
    return rig.controller.bridge.state.phase is ShowPhase.PRE_SHOW


def test_the_operators_file_menu_lists_print_and_export_pdf(rig: Rig) -> None:
    menu = rig.window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    texts = [action.text() for action in menu.actions()]
    assert texts.index("Print…") == texts.index("Export report…") + 1
    assert "Export PDF…" in texts



def test_the_real_export_pdf_picker_is_over_the_window_and_go_works_while_it_is_open(qtbot: QtBot,
                                                                                    tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.yaml"
    shutil.copy(bundled_agenda(), agenda)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    clock = FakeClock(at(13, 20).t)
    controller = AppController(settings, DialogPrompts(), clock, tmp_path / "state")
    assert controller.start(agenda)
    rig = Rig(controller, clock, FakePrompts(), agenda, tmp_path / "state", qtbot)
    try:
        qtbot.waitExposed(rig.window)
        activate(rig, rig.window)
        rig.at(at(13, 30))
        qtbot.keyClick(rig.window, Qt.Key.Key_Space)
        facts: dict[str, object] = {}

        def answer(widget: QWidget) -> None:
            assert isinstance(widget, QFileDialog)
            facts["parent"] = widget.parentWidget()
            facts["modal"] = QApplication.activeModalWidget()
            facts["offered"] = widget.selectedFiles()[0].rsplit("/", 1)[-1]
            activate(rig, rig.window)
            qtbot.keyClick(rig.window, Qt.Key.Key_Space)  # GO, while the picker is open
            facts["after space"] = rig.controller.bridge.state.current.id  # type: ignore[union-attr]
            widget.selectFile(str(tmp_path / "crew.pdf"))
            widget.accept()

        when_shown(QFileDialog, answer)
        rig.at(at(13, 46))
        controller.export_pdf()
        assert facts == {"parent": rig.window, "modal": None, "offered": "agenda-report.pdf",
                         "after space": "status-norway"}
        assert pdf_pages(tmp_path / "crew.pdf")[0].startswith("REPORT: PLANNED AND ACTUAL")
    finally:
        controller.shutdown()
        rig.window.close()
        rig.window.deleteLater()


def test_notes_of_several_lines_print_as_several_lines(qapp: object, tmp_path: Path) -> None:
    agenda = crew_agenda()
    slots = tuple(replace(slot, notes="Two lines of notes.\nThe second one.") if slot.id == "closing" else slot
                  for slot in agenda.slots)
    everything = "".join(written(replace(agenda, slots=slots), tmp_path / "notes.pdf"))
    assert re.search(r"Two lines of notes\.\s+The second one\.", everything)  # was glued: "notes.The second"
    row = next(item for item in build_table(replace(agenda, slots=slots)).items
               if isinstance(item, Row) and "Two lines of notes." in str(item.cells))
    assert (Block("Two lines of notes."), Block("The second one.")) in row.cells


def test_a_page_that_goes_on_with_a_day_says_which_day_above_its_first_row(qapp: object, tmp_path: Path) -> None:
    agenda = many_days()
    pages = written(agenda, tmp_path / "festival.pdf")
    days = ("Thursday 30 November 2023", "Friday 1 December 2023", "Saturday 2 December 2023")
    for number, text in enumerate(pages[1:], start=2):
        header_end = text.index(CREW_COLUMNS[-1]) + len(CREW_COLUMNS[-1])  # the table's header, under the title
        first_row = re.search(r"\d\d:\d\d–\d\d:\d\d", text[header_end:])
        assert first_row is not None
        # The day's own heading, or the day again with "(continued)", between the header and the first row.
        between = text[header_end:header_end + first_row.start()]
        assert any(day in between for day in days), (number, between)
