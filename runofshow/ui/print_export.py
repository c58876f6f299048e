"""File > Print… and File > Export PDF…: the rundown on paper or as a PDF, with the actual times once the show ran.

Both send the same document (`ui/print_rundown.py`): the plan as it runs now (in-app edits included),
and, as soon as any slot has run, its actual start, end, length and over/under beside it (the report).
Neither stops the show: the print dialog and the file picker open without blocking the operator window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Clock
from runofshow.io.report import Report, build_report
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.translation import translate
from runofshow.ui.dialogs import Prompts
from runofshow.ui.print_rundown import print_rundown, write_rundown_pdf


def what_to_print(bridge: ShowBridge, clock: Clock) -> tuple[Agenda, Report | None]:
    """The plan the show runs on, and its report once any slot has run (None before the show)."""
    engine = bridge.session.engine
    report = build_report(engine, clock.now().t)
    ran = any(row.status != "not run" for row in report.rows)
    return engine.agenda, report if ran else None


def printed_at(agenda: Agenda, clock: Clock) -> datetime:
    """The time in the footer: the show's clock, in the event's zone (the times in the table are in it too)."""
    return datetime.fromtimestamp(clock.now().wall, agenda.event.tz)


def local_paper() -> str:
    """Letter where the locale measures in inches (the US), else A4."""
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def _pages(count: int) -> str:
    if count == 1:
        return translate("PrintExport", "1 page")
    return translate("PrintExport", "{count} pages").format(count=count)


def suggested_pdf(bridge: ShowBridge, agenda_path: Path, clock: Clock) -> Path:
    """Where a PDF of the show is offered: beside the agenda (as File > Import… offers its agenda), named after
    it, "-report" once a slot has run, else "-rundown"."""
    _agenda, report = what_to_print(bridge, clock)
    kind = "report" if report is not None else "rundown"
    return agenda_path.parent / f"{agenda_path.stem}-{kind}.pdf"


def export_pdf(prompts: Prompts, bridge: ShowBridge, agenda_path: Path, clock: Clock,
               notice: Callable[[str], None]) -> None:
    """Ask where (offered: beside the agenda, named after it), write the PDF, say where it went."""
    target = prompts.save_pdf(suggested_pdf(bridge, agenda_path, clock))
    if target is None:
        return
    agenda, report = what_to_print(bridge, clock)  # the show went on while the picker was open
    try:
        pages = write_rundown_pdf(agenda, target, paper=local_paper(), printed_at=printed_at(agenda, clock),
                                  report=report)
    except OSError as exc:
        prompts.problems(translate("PrintExport", "The PDF was not saved"), f"{target}: {exc.strerror or exc}", [])
        return
    notice(translate("PrintExport", "PDF saved to {path} ({pages})").format(path=target, pages=_pages(pages)))


def print_dialog_for(printer: QPrinter, parent: QWidget | None) -> QPrintDialog:
    """Qt's print dialog for `printer`, titled, not modal."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("PrintExport", "Print the rundown"))
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    return dialog


def open_print_dialog(parent: QWidget, bridge: ShowBridge, agenda_path: Path, clock: Clock,
                      notice: Callable[[str], None]) -> QPrintDialog:
    """The system's print dialog over the operator window, not modal: the show keeps running while it is open.

    The document is made when the operator presses Print, with the show as it is at that moment.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(bridge.session.engine.agenda.event.title)
    if not QPrinterInfo.availablePrinters():  # only "print to file": offered the name Export PDF would offer
        printer.setOutputFileName(str(suggested_pdf(bridge, agenda_path, clock)))
    dialog = print_dialog_for(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def print_now() -> None:
        agenda, report = what_to_print(bridge, clock)
        try:
            pages = print_rundown(agenda, printer, printed_at=printed_at(agenda, clock), report=report)
        except OSError as exc:
            notice(translate("PrintExport", "Not printed: {reason}").format(reason=exc))
            return
        notice(translate("PrintExport", "Sent to {printer} ({pages})").format(
            printer=printer.outputFileName() or printer.printerName(), pages=_pages(pages)))

    dialog.accepted.connect(print_now)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
