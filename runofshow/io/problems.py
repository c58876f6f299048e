"""Problems found in a user's file, each pointing at a line and column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    NOTE = "note"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) about a file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "note: " if self.severity is Severity.NOTE else ""
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"


def line_and_column(text: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character (or byte) offset."""
    before = text[:offset]
    newline = b"\n" if isinstance(before, bytes) else "\n"
    line = before.count(newline) + 1  # type: ignore[arg-type]
    column = offset - (before.rfind(newline) + 1) + 1  # type: ignore[arg-type]
    return line, column
