"""`read_import(path)`: the reader a programme's file needs, chosen by its name's suffix.

.csv and .tsv are spreadsheets as text, .xlsx a workbook; anything else (.txt, .html, .md, a text copied
out of a Word or PDF programme) is read as programme text. A file that cannot be read at all raises
`ImportReadError` with one sentence naming the file, never a traceback for the operator.
"""

from __future__ import annotations

from pathlib import Path

from runofshow.io.import_draft import ImportDraft
from runofshow.io.import_sheet import SheetReadError, read_csv, read_xlsx
from runofshow.io.import_text import read_programme_file

__all__ = ["MAX_IMPORT_BYTES", "ImportReadError", "read_import"]

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # a programme, even a workbook with pictures, is far smaller
# Files that are not read, and what to do instead: the reader would see only their binary insides.
_SAVE_AS = {
    ".xls": "an old Excel file (.xls) cannot be read; save it as .xlsx or .csv",
    ".ods": "a LibreOffice sheet (.ods) cannot be read; save it as .xlsx or .csv",
    ".numbers": "a Numbers sheet cannot be read; export it as .xlsx or .csv",
    ".docx": "a Word document cannot be read; copy its text into a .txt file, or save it as a web page (.html)",
    ".doc": "a Word document cannot be read; copy its text into a .txt file, or save it as a web page (.html)",
    ".odt": "a text document (.odt) cannot be read; copy its text into a .txt file",
    ".pages": "a Pages document cannot be read; copy its text into a .txt file",
    ".pdf": "a PDF cannot be read; copy its text into a .txt file",
}


class ImportReadError(ValueError):
    """The file cannot be read at all: not there, not readable, or not what its name says."""


def read_import(path: Path, *, year: int | None = None) -> ImportDraft:
    """The draft a programme file makes: CSV/TSV, XLSX, or programme text. `year`: the year of a workbook's
    sheet named by a day without one ("Day 2 – 15 Oct") when the workbook does not say (from --date)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportReadError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    if path.is_dir():
        raise ImportReadError(f"{path}: is a folder, not a programme file")
    if size > MAX_IMPORT_BYTES:
        raise ImportReadError(f"{path}: is {size // (1024 * 1024)} MiB; a programme is at most "
                              f"{MAX_IMPORT_BYTES // (1024 * 1024)} MiB")
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            return read_csv(path)
        if suffix in (".xlsx", ".xlsm"):
            return read_xlsx(path, year=year)
        if suffix in _SAVE_AS:
            raise ImportReadError(f"{path}: {_SAVE_AS[suffix]}")
        return read_programme_file(path)
    except ImportReadError:
        raise
    except SheetReadError as exc:
        raise ImportReadError(str(exc)) from exc
    except OSError as exc:
        raise ImportReadError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except (UnicodeError, ValueError) as exc:
        raise ImportReadError(f"{path}: cannot be read as a programme: {exc}") from exc
