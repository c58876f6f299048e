"""The printed rundown (and the report as a PDF): one painter-based layout for a PDF file and a printer.

`write_rundown_pdf` and `print_rundown` both lay the table of `ui/print_table.py` out on landscape pages
with `paint_rundown`, so File > Print… on paper and the PDF are the same document. Everything is
measured on the device it is painted on (its resolution), in two passes: the rows are wrapped and
placed on pages first, so the footer can say "page N of M" on every page.

Rules of the page: the event's header on the first page, a running title on the others; the table's
header on every page; a row is never split across pages unless it is taller than a whole page (then it
breaks between lines, never through one); a day heading never ends a page.

Just over 400 lines, not split: the two passes share one set of measurements (fonts, widths, heights on
this device); apart, they would hand each other a dozen values. What the cells say is already apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter

from runofshow.core.agenda import Agenda
from runofshow.io.report import Report
from runofshow.qt.translation import translate
from runofshow.ui.print_table import Block, DayHeading, Row, RundownTable, Style, build_table

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 10.0
PDF_RESOLUTION = 600  # dots per inch the layout is measured in: fine enough for exact text positions

# Sizes in points; colours that stay readable on a black-and-white printer.
SIZES = {Style.BODY: 8.5, Style.STRONG: 8.5, Style.STRUCK: 8.5, Style.SMALL: 7.0, Style.TAG: 6.5, Style.OVER: 8.5}
COLOURS = {Style.BODY: "#000000", Style.STRONG: "#000000", Style.STRUCK: "#6b6b6b", Style.SMALL: "#4a4a4a",
           Style.TAG: "#4a4a4a", Style.OVER: "#a00000"}
HEADER_SIZE = 7.5
TITLE_SIZE = 16.0
DETAILS_SIZE = 9.5
DAY_SIZE = 10.0
FOOTER_SIZE = 7.0
GRID = QColor("#b8b8b8")
HEADER_FILL = QColor("#e4e4e4")
BREAK_FILL = QColor("#eef0f4")
DAY_FILL = QColor("#d4d4d4")
MIN_SPLIT_ROOM = 60.0  # points: a row taller than a page starts on the page it reaches only with this much room


@dataclass
class _Line:
    layout: QTextLayout  # kept alive with its line
    index: int
    top: float
    bottom: float
    colour: QColor


@dataclass
class _Cell:
    lines: list[_Line] = field(default_factory=list)

    @property
    def height(self) -> float:
        return self.lines[-1].bottom if self.lines else 0.0


@dataclass
class _Piece:
    """A row, or the part of a row taller than a page, at `top` on its page: lines [start, stop) of each cell."""

    row: Row
    cells: list[_Cell]
    starts: list[int]
    stops: list[int]
    height: float
    top: float = 0.0


@dataclass
class _Day:
    text: str
    top: float = 0.0


class _Page:
    def __init__(self, device: QPagedPaintDevice, table: RundownTable) -> None:
        self.device = device
        self.table = table
        self.dots = device.logicalDpiY() / 72.0  # device pixels per point
        self.width = float(device.width())
        self.height = float(device.height())
        self.pad = 2.5 * self.dots

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def style_font(self, style: Style) -> QFont:
        font = self.font(SIZES[style], bold=style in (Style.STRONG, Style.TAG, Style.OVER))
        font.setStrikeOut(style is Style.STRUCK)
        if style is Style.TAG:
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        return font

    def _detail_format(self, start: int, length: int) -> QTextLayout.FormatRange:
        detail = QTextLayout.FormatRange()
        detail.start, detail.length = start, length
        detail.format = QTextCharFormat()
        detail.format.setFont(self.style_font(Style.SMALL))
        detail.format.setForeground(QColor(COLOURS[Style.SMALL]))
        return detail

    def wrap(self, blocks: tuple[Block, ...], width: float, font: QFont | None = None) -> _Cell:
        """The blocks wrapped to `width` (at word boundaries, inside a word only when it is wider than the column),
        each in its style's font, or all in `font`."""
        cell = _Cell()
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        y = 0.0
        for number, block in enumerate(blocks):
            text = f"{block.text}, {block.detail}" if block.detail else block.text
            layout = QTextLayout(text, font or self.style_font(block.style), self.device)
            layout.setTextOption(option)
            if block.detail:
                layout.setFormats([self._detail_format(len(text) - len(block.detail), len(block.detail))])
            layout.beginLayout()
            if number:
                y += 0.8 * self.dots  # a little air between a name and the next one
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 1.0))
                line.setPosition(QPointF(0.0, y))
                cell.lines.append(_Line(layout, line.lineNumber(), y, y + line.height(), QColor(COLOURS[block.style])))
                y += line.height()
            layout.endLayout()
        return cell


def _column_widths(page: _Page, table: RundownTable) -> list[float]:
    """Times as wide as their longest text; the other columns share what is left by weight."""
    strong = QFontMetricsF(page.style_font(Style.STRONG), page.device)
    fixed = [strong.horizontalAdvance(column.width_sample) + 3 * page.pad if column.width_sample else 0.0
             for column in table.columns]
    weights = sum(column.weight for column in table.columns) or 1.0
    free = max(page.width - sum(fixed), 0.0)
    return [width or free * column.weight / weights for width, column in zip(fixed, table.columns, strict=True)]


def _split(cells: list[_Cell], starts: list[int], room: float) -> list[int]:
    """Where each cell stops within `room`: the lines that fit whole."""
    stops = []
    for cell, start in zip(cells, starts, strict=True):
        stop = start
        origin = cell.lines[start].top if start < len(cell.lines) else 0.0
        while stop < len(cell.lines) and cell.lines[stop].bottom - origin <= room:
            stop += 1
        stops.append(stop)
    return stops


def _piece_height(cells: list[_Cell], starts: list[int], stops: list[int]) -> float:
    heights = [cell.lines[stop - 1].bottom - cell.lines[start].top
               for cell, start, stop in zip(cells, starts, stops, strict=True) if stop > start]
    return max(heights, default=0.0)


class _Layout:
    """The table measured and placed on pages (the first pass)."""

    def __init__(self, page: _Page) -> None:
        self.page = page
        table = page.table
        self.widths = _column_widths(page, table)
        self.header_cells = [page.wrap((Block(column.header),), width - 2 * page.pad, page.font(HEADER_SIZE, True))
                             for column, width in zip(table.columns, self.widths, strict=True)]
        self.header_height = max(cell.height for cell in self.header_cells) + 2 * page.pad
        self.title = page.wrap((Block(table.title),), page.width, page.font(TITLE_SIZE, True))
        self.kind_height = QFontMetricsF(page.font(DETAILS_SIZE, True), page.device).height()
        self.details = page.wrap((Block("  ·  ".join(table.details)),), page.width, page.font(DETAILS_SIZE))
        small = QFontMetricsF(page.font(FOOTER_SIZE), page.device)
        self.running_height = small.height() + 3 * page.dots
        self.footer_height = small.height() + 5 * page.dots
        self.day_height = QFontMetricsF(page.font(DAY_SIZE, True), page.device).height() + 2 * page.pad
        first_top = self.kind_height + self.title.height + self.details.height + 6 * page.dots
        self.pages: list[list[_Piece | _Day]] = [[]]
        self.tops = [first_top]
        self.current_day = ""  # the day heading the rows being placed are under ("" for a one-day plan)
        self._place(table)

    def _room(self) -> tuple[float, float]:
        """Where the next item goes on the current page, and where its body ends."""
        items = self.pages[-1]
        if not items:
            top = self.tops[-1] + self.header_height
        else:
            last = items[-1]
            top = last.top + (last.height if isinstance(last, _Piece) else self.day_height)
        return top, self.page.height - self.footer_height

    def _new_page(self, *, day_goes_on: bool = True) -> None:
        """A fresh page; in a multi-day plan it names the day its first rows belong to, as a crew member who
        picks up page 4 alone must know whether 09:00 is Friday or Saturday."""
        self.pages.append([])
        self.tops.append(self.running_height)
        if day_goes_on and self.current_day:
            heading = _Day(translate("PrintRundown", "{day} (continued)").format(day=self.current_day))
            heading.top = self._room()[0]
            self.pages[-1].append(heading)

    def _place(self, table: RundownTable) -> None:
        pad = self.page.pad
        full = self.page.height - self.footer_height - self.running_height - self.header_height
        pending_day: _Day | None = None
        for item in table.items:
            if isinstance(item, DayHeading):
                pending_day = _Day(item.text)
                continue
            cells = [self.page.wrap(blocks, width - 2 * pad) for blocks, width in zip(item.cells, self.widths,
                                                                                       strict=True)]
            starts = [0] * len(cells)
            whole = max(cell.height for cell in cells) + 2 * pad
            top, bottom = self._room()
            day = self.day_height if pending_day else 0.0
            # The row moves whole to the next page (its day heading with it), unless it is taller than any
            # page: then it starts here, when there is a fair bit of room left.
            moves = day + whole <= full or bottom - top - day < MIN_SPLIT_ROOM * self.page.dots
            if top + day + whole > bottom and self.pages[-1] and moves:
                self._new_page(day_goes_on=pending_day is None)  # a new day brings its own heading
            if pending_day is not None:
                pending_day.top = self._room()[0]
                self.pages[-1].append(pending_day)
                self.current_day = pending_day.text
                pending_day = None
            while True:  # once, unless the row is taller than a whole page
                top, bottom = self._room()
                stops = _split(cells, starts, bottom - top - 2 * pad)
                unplaced = any(start < len(cell.lines) for start, cell in zip(starts, cells, strict=True))
                if stops == starts and unplaced and self.pages[-1]:  # not one line fits here: a fresh page
                    self._new_page()
                    continue
                if stops == starts and unplaced:  # a line taller than a page (a giant font?): one line a page
                    stops = [min(start + 1, len(cell.lines)) for start, cell in zip(starts, cells, strict=True)]
                height = _piece_height(cells, starts, stops) + 2 * pad
                self.pages[-1].append(_Piece(item, cells, starts, stops, height, top))
                if all(stop == len(cell.lines) for stop, cell in zip(stops, cells, strict=True)):
                    break
                starts = stops
                self._new_page()


class _Painter:
    """The second pass: every page drawn from the layout."""

    def __init__(self, layout: _Layout, painter: QPainter, printed_at: datetime) -> None:
        self.layout = layout
        self.page = layout.page
        self.painter = painter
        self.printed = translate("PrintRundown", "printed {moment}").format(moment=_moment(printed_at))

    def draw(self, device: QPagedPaintDevice) -> None:
        total = len(self.layout.pages)
        for number, items in enumerate(self.layout.pages):
            if number:
                device.newPage()
                self._running_title()
            else:
                self._heading()
            self._table_header(self.layout.tops[number])
            for item in items:
                if isinstance(item, _Day):
                    self._day(item)
                else:
                    self._piece(item)
            self._footer(number + 1, total)

    def _text(self, x: float, y: float, text: str, font: QFont, colour: str = "#000000", *,
              flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, width: float = 0.0) -> None:
        self.painter.setFont(font)
        self.painter.setPen(QColor(colour))
        metrics = QFontMetricsF(font, self.page.device)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width or self.page.width)
        rect = QRectF(x, y, width or self.page.width, metrics.height())
        self.painter.drawText(rect, flags | Qt.AlignmentFlag.AlignTop, shown)

    def _cell(self, cell: _Cell, x: float, y: float, start: int = 0, stop: int | None = None) -> None:
        lines = cell.lines[start:stop]
        if not lines:
            return
        shift = y - lines[0].top
        for line in lines:
            self.painter.setPen(line.colour)
            line.layout.lineAt(line.index).draw(self.painter, QPointF(x, shift))

    def _heading(self) -> None:
        layout, page = self.layout, self.page
        self._text(0, 0, self.page.table.kind.upper(), page.font(DETAILS_SIZE, True), "#4a4a4a")
        self._cell(layout.title, 0, layout.kind_height)
        self._cell(layout.details, 0, layout.kind_height + layout.title.height + 1.5 * page.dots)

    def _running_title(self) -> None:
        self._text(0, 0, f"{self.page.table.kind} · {self.page.table.running_title}", self.page.font(FOOTER_SIZE),
                   "#4a4a4a")

    def _columns(self) -> list[float]:
        xs, x = [], 0.0
        for width in self.layout.widths:
            xs.append(x)
            x += width
        return xs

    def _rules(self, top: float, height: float) -> None:
        """The thin lines between the columns and under a row."""
        self.painter.setPen(QPen(GRID, 0.4 * self.page.dots))
        for x in self._columns()[1:]:
            self.painter.drawLine(QLineF(x, top, x, top + height))
        self.painter.drawLine(QLineF(0, top + height, self.page.width, top + height))

    def _table_header(self, top: float) -> None:
        height = self.layout.header_height
        self.painter.fillRect(QRectF(0, top, self.page.width, height), HEADER_FILL)
        for x, cell in zip(self._columns(), self.layout.header_cells, strict=True):
            self._cell(cell, x + self.page.pad, top + self.page.pad)
        self._rules(top, height)
        self.painter.setPen(QPen(QColor("#000000"), 0.8 * self.page.dots))
        self.painter.drawLine(QLineF(0, top + height, self.page.width, top + height))

    def _day(self, day: _Day) -> None:
        height = self.layout.day_height
        self.painter.fillRect(QRectF(0, day.top, self.page.width, height), DAY_FILL)
        self._text(self.page.pad, day.top + self.page.pad, day.text, self.page.font(DAY_SIZE, True))

    def _piece(self, piece: _Piece) -> None:
        if piece.row.shaded:
            self.painter.fillRect(QRectF(0, piece.top, self.page.width, piece.height), BREAK_FILL)
        pad = self.page.pad
        for x, cell, start, stop in zip(self._columns(), piece.cells, piece.starts, piece.stops, strict=True):
            self._cell(cell, x + pad, piece.top + pad, start, stop)
        self._rules(piece.top, piece.height)

    def _footer(self, number: int, total: int) -> None:
        page = self.page
        top = page.height - self.layout.footer_height + 3 * page.dots
        self.painter.setPen(QPen(GRID, 0.4 * page.dots))
        self.painter.drawLine(QLineF(0, top - 1.5 * page.dots, page.width, top - 1.5 * page.dots))
        font = page.font(FOOTER_SIZE)
        third = page.width / 3
        self._text(0, top, page.table.title, font, "#4a4a4a", width=third)
        self._text(third, top, self.printed, font, "#4a4a4a", flags=Qt.AlignmentFlag.AlignHCenter, width=third)
        pages = translate("PrintRundown", "page {number} of {total}").format(number=number, total=total)
        self._text(2 * third, top, pages, font, "#4a4a4a", flags=Qt.AlignmentFlag.AlignRight, width=third)


def _moment(printed_at: datetime) -> str:
    zone = printed_at.strftime(" %Z") if printed_at.tzinfo is not None else ""
    return f"{printed_at:%Y-%m-%d %H:%M}{zone}".rstrip()


def paint_rundown(device: QPagedPaintDevice, table: RundownTable, printed_at: datetime) -> int:
    """Lays `table` out on `device`'s pages and paints them; returns the number of pages.

    Raises OSError when the device cannot be painted on (a printer gone, a file that cannot be written).
    """
    page = _Page(device, table)
    layout = _Layout(page)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("PrintRundown", "the printer or file cannot be written to"))
    try:
        _Painter(layout, painter, printed_at).draw(device)
    finally:
        painter.end()
    return len(layout.pages)


def write_rundown_pdf(agenda: Agenda, path: Path, *, paper: str = "a4", printed_at: datetime,
                      report: Report | None = None) -> int:
    """The rundown (with `report`: the report) as a landscape PDF at `path`; returns the number of pages.

    The PDF is made in memory and written in one go, so a path that cannot be written raises the
    system's OSError (with its reason) and leaves no half-written file.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("runofshow")
    writer.setTitle(agenda.event.title)
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Landscape,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    pages = paint_rundown(writer, build_table(agenda, report), printed_at)
    del writer  # the PDF's last bytes are written when the writer goes
    data: QByteArray = buffer.data()
    path.write_bytes(data.data())
    return pages


def print_rundown(agenda: Agenda, printer: QPrinter, *, printed_at: datetime, report: Report | None = None) -> int:
    """The same document on a printer (or the printer's PDF file): landscape whatever it was set to, with the
    PDF's margins (a printer's own are its unprintable edge, ~4 mm: too tight for a page held in a hand)."""
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    return paint_rundown(printer, build_table(agenda, report), printed_at)
