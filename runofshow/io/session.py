"""A show session: the engine plus its journal. Every command goes through `run`.

Qt-free, so the whole command path (execute, then journal, then report a write failure without
stopping the show) is tested with plain pytest; the Qt bridge only adds signals and timers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.show import Outcome, ShowEngine, ShowPhase, ShowState
from runofshow.core.timing import format_short
from runofshow.io.journal import Journal, JournalContents, JournalWriteError, latest_journal, read_journal, replay


@dataclass(frozen=True)
class Resumable:
    """A show found in a journal, offered to the operator at start: where it was, and its problems."""

    contents: JournalContents
    state: ShowState
    problems: tuple[str, ...]

    def summary(self) -> str:
        state = self.state
        if state.current is None:
            where = "not started"
        else:
            where = f"'{state.current.title}', {format_short(round(state.elapsed))} in, {state.countdown} left"
        return f"{state.phase.value}: {where} ({len(self.contents.entries)} commands in the journal)"


def find_resumable(state_dir: Path, agenda_path: Path, agenda: Agenda, now: Instant) -> Resumable | None:
    """The show in progress on this agenda, if its journal holds one that has not finished."""
    path = latest_journal(state_dir, agenda_path)
    if path is None:
        return None
    contents = read_journal(path)
    if not contents.entries:
        return None
    replayed = replay(agenda, contents)
    state = replayed.engine.state(now)
    if state.phase is ShowPhase.FINISHED:
        return None
    return Resumable(contents, state, tuple(replayed.problems))


class ShowSession:
    """Runs commands on the engine and records each accepted one in the journal."""

    def __init__(self, agenda: Agenda, agenda_path: Path, state_dir: Path | None) -> None:
        """`state_dir` None makes a preview session that keeps no journal (rendering pictures)."""
        self.agenda_path = agenda_path
        self.state_dir = state_dir
        self.engine = ShowEngine(agenda)
        self.journal: Journal | None = None
        self.journal_error: str | None = None
        self.restore_problems: list[str] = []

    def resume(self, contents: JournalContents) -> None:
        """Rebuild the show from a journal and keep appending to it."""
        replayed = replay(self.engine.agenda, contents)
        self.engine = replayed.engine
        self.restore_problems = replayed.problems
        try:
            self.journal = Journal.reopen(contents)
        except JournalWriteError as exc:
            self.journal_error = str(exc)

    def new_show(self) -> None:
        """Forget the running show (its journal stays on disk) and start over on the same agenda."""
        if self.journal is not None:
            self.journal.close()
        self.journal = None
        self.engine = ShowEngine(self.engine.agenda)

    def run(self, name: str, now: Instant, args: Mapping[str, object] | None = None) -> Outcome:
        """Execute a command; if accepted, journal it. A journal failure never undoes the command."""
        outcome = self.engine.execute(name, now, args)
        if outcome.accepted:
            self._record(name, now, args or {})
        return outcome

    def _record(self, name: str, now: Instant, args: Mapping[str, object]) -> None:
        if self.state_dir is None:
            return
        try:
            if self.journal is None:
                self.journal = Journal.create(self.state_dir, self.agenda_path, now)
            self.journal.append(name, now, args)
            self.journal_error = None
        except JournalWriteError as exc:
            self.journal_error = str(exc)

    def state(self, now: Instant) -> ShowState:
        return self.engine.state(now)

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()
