"""Reading a PDF back the way a person reads it: its pages' text and size (QtPdf), and a page as a picture."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument


def _open(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_, f"{path} is not a readable PDF"
    return document


def pdf_pages(path: Path) -> list[str]:
    """The text of every page, in the order it was drawn (lines end in CR LF)."""
    document = _open(path)
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    document.close()
    return pages


def page_points(path: Path, page: int = 0) -> tuple[int, int]:
    """A page's width and height in points (1/72 inch), rounded."""
    document = _open(path)
    size = document.pagePointSize(page)
    document.close()
    return round(size.width()), round(size.height())


def squeezed(text: str) -> str:
    """The text without any white space: a title wrapped onto three lines is still found whole."""
    return "".join(text.split())


def render_page(path: Path, page: int, out: Path, width: int = 1754) -> Path:
    """One page as a PNG, `width` pixels wide (1754: A4 at 150 dpi), to look at."""
    document = _open(path)
    points = document.pagePointSize(page)
    image = document.render(page, QSize(width, round(width * points.height() / points.width())))
    document.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(out)), out
    return out


def text_box(path: Path, page: int = 0) -> tuple[float, float, float, float]:
    """Where a page's text is, in points from the page's top left: (left, top, right, bottom)."""
    document = _open(path)
    box = document.getAllText(page).boundingRectangle()
    document.close()
    return box.left(), box.top(), box.right(), box.bottom()
