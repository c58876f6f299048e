"""Choosing the latest show of an agenda: by when each journal says its show started, not by file name.

The header's wall clock (else the first entry's) decides; the counter and the name only break
ties. A journal that cannot be read is passed over and said so, never deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from runofshow.io.journal_format import SUFFIX, journal_dir, read_created, read_journal

_COUNTER = re.compile(r"-(\d+)$")


@dataclass(frozen=True)
class JournalSearch:
    """The newest readable journal of an agenda, by what the journals record, and those passed over."""

    path: Path | None
    skipped: tuple[str, ...] = ()


def find_latest_journal(state_dir: Path, agenda_path: Path) -> JournalSearch:
    """The journal whose header (or first entry) says it was started last; file names only break ties."""
    folder = journal_dir(state_dir, agenda_path)
    try:
        names = sorted(p for p in folder.glob(f"show-*{SUFFIX}")) if folder.is_dir() else []
    except OSError as exc:
        return JournalSearch(None, (f"{folder}: cannot list the journals: {exc.strerror or exc}",))
    best: tuple[float, int, str] | None = None
    best_path: Path | None = None
    skipped: list[str] = []
    for path in names:
        started, problem = _started(path)
        if started is None:
            skipped.append(f"{path}: passed over: {problem}")
            continue
        counter = _COUNTER.search(path.stem)
        key = (started, int(counter.group(1)) if counter else 1, path.name)
        if best is None or key > best:
            best, best_path = key, path
    return JournalSearch(best_path, tuple(skipped))


def latest_journal(state_dir: Path, agenda_path: Path) -> Path | None:
    """The newest journal of this agenda, if a show on it was ever started."""
    return find_latest_journal(state_dir, agenda_path).path


def _started(path: Path) -> tuple[float | None, str]:
    """When the show in this journal started, read from its header, else from its first entry."""
    created, refusal = read_created(path)
    if refusal:
        return None, refusal
    if created is not None:
        return created, ""
    contents = read_journal(path)  # a damaged or old (version 1) header: the entries tell
    if contents.entries:
        return contents.entries[0].now.wall, ""
    return None, contents.problems[0] if contents.problems else "it holds no entries"
