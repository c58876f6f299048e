"""YAML -> Agenda. Every problem is collected as `file:line:col: message`; nothing is executed.

The loader works on PyYAML's node tree rather than on constructed Python values: nodes keep
their line and column, and a scalar keeps the text as written, so an unquoted `13:30` (which
YAML 1.1 would turn into the integer 810) is read as the time it looks like.

Three steps, one module each: `yaml_guard` refuses what cannot be an agenda and composes the node
tree (with libyaml's C composer when PyYAML has it, the pure-Python one wording every refusal),
`yaml_nodes` reads values out of nodes collecting problems, `agenda_builder` builds the
event, slots, people and cues. This module is the door: `load_agenda` and `parse_agenda`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.io.agenda_builder import AgendaReader, slugify
from runofshow.io.problems import Problem, Severity
from runofshow.io.yaml_guard import MAX_BYTES, MAX_DEPTH, FatalError, compose, decode

__all__ = ["MAX_BYTES", "MAX_DEPTH", "LoadResult", "load_agenda", "parse_agenda", "slugify"]


@dataclass(frozen=True)
class LoadResult:
    """An agenda (None when there were errors) and every problem found, errors and notes."""

    agenda: Agenda | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def notes(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.NOTE)


def load_agenda(path: str | Path) -> LoadResult:
    """Read and validate an agenda file. Never raises for anything wrong with the file."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return LoadResult(None, (Problem(name, 1, 1, f"cannot read the file: {exc.strerror or exc}"),))
    return parse_agenda(data, name)


def parse_agenda(data: bytes | str, filename: str = "<agenda>") -> LoadResult:
    """Validate agenda text (bytes as read from disk, or already decoded text)."""
    reader = AgendaReader(filename)
    # The node tree is handed straight to the reader so that it is freed before the collector runs again.
    with collector_paused():
        try:
            agenda = reader.agenda(compose(decode(data)))
        except FatalError as fatal:
            return LoadResult(None, (Problem(filename, fatal.line, fatal.column, fatal.message),))
    errors = [p for p in reader.problems if p.severity is Severity.ERROR]
    # In file order, the way an editor shows them.
    problems = sorted(reader.problems, key=lambda p: (p.line, p.column))
    return LoadResult(None if errors else agenda, tuple(problems))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while an agenda is read: a 5,000-slot agenda is some 100,000 new
    objects with no cycle among them, and the collector would scan them again and again as they come
    (a third of the load). Nested or threaded uses are fine: a use turns it back on only if it was on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
