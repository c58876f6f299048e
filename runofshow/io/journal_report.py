"""A show's report from its record, for the commands that need one: `runofshow report` and `print --report`.

Below `cli.py` and `printer.py` so that both read a journal the same way without importing each other.
Problems go to stderr, as `io/loading.py` does for an agenda.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.clock import SystemClock
from runofshow.io.journal import default_state_dir, latest_journal, read_journal, replay
from runofshow.io.report import Report, build_report


@dataclass(frozen=True)
class JournalReport:
    report: Report
    agenda: Agenda  # the plan the show ran on at its end (its in-app edits included), the report's slots


def report_time(last_command: float) -> float:
    """The moment a show still running is reported at: now during the show, else its last command.

    A rehearsal's journal runs on its own accelerated clock, and an old journal ended long ago; for
    those the last command is the only meaningful "now".
    """
    now = SystemClock().now().wall
    return now if 0 <= now - last_command < 6 * 3600 else last_command


def report_from_journal(agenda: Agenda, path: Path, state_dir: Path | None,
                        journal: Path | None) -> JournalReport | None:
    """The report of `journal`, else of the latest show on the agenda at `path`; None after saying why on stderr."""
    journal_path = journal or latest_journal(state_dir or default_state_dir(), path)
    if journal_path is None:
        print(f"no show has been run on {path} yet (no journal in {state_dir or default_state_dir()})",
              file=sys.stderr)
        return None
    contents = read_journal(journal_path)
    if not contents.entries:  # a journal of a show that continues elsewhere may hold only a checkpoint
        for problem in contents.problems:
            print(problem, file=sys.stderr)
        print(f"{journal_path}: no commands to report on", file=sys.stderr)
        return None
    if contents.agenda and Path(contents.agenda) != path.resolve():
        print(f"warning: {journal_path} was written for {contents.agenda}; reporting it against {path} "
              "(slots are matched by id)", file=sys.stderr)
    replayed = replay(agenda, contents)
    for problem in replayed.problems:
        print(problem, file=sys.stderr)
    built = build_report(replayed.engine, report_time(contents.entries[-1].now.t))
    return JournalReport(built, replayed.engine.agenda)
