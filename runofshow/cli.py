"""Command line: `runofshow [AGENDA]` runs the show; `check` and `report` work without a window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from runofshow.core.agenda import real_seconds
from runofshow.core.clock import SystemClock
from runofshow.core.timeparse import format_duration
from runofshow.io.agenda_yaml import load_agenda
from runofshow.io.journal import default_state_dir, latest_journal, read_journal, replay
from runofshow.io.loading import load_or_complain
from runofshow.io.report import build_report, to_csv, to_table
from runofshow.paths import bundled_agenda

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_PROBLEMS = 2


def _agenda_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("agenda", nargs="?", type=Path, default=None,
                        help="the agenda file (default: the bundled programme)")


def build_check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="runofshow check",
                                     description="Validate an agenda and print a one-line summary.")
    _agenda_argument(parser)
    return parser


def check(argv: Sequence[str]) -> int:
    """`runofshow check [FILE]`: exit 0 with a summary, or 2 with every problem on stderr."""
    args = build_check_parser().parse_args(argv)
    path: Path = args.agenda or bundled_agenda()
    result = load_agenda(path)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.agenda is None:
        count = len(result.errors)
        print(f"{path}: {count} problem{'s' if count != 1 else ''}; the agenda was not loaded", file=sys.stderr)
        return EXIT_PROBLEMS
    agenda = result.agenda
    first, last = agenda.slots[0], agenda.slots[-1]
    span = real_seconds(first.start, last.end)  # real seconds, a daylight-saving change counted
    slots = f"{len(agenda.slots)} slot{'s' if len(agenda.slots) != 1 else ''}"
    print(f"{path}: ok: {slots}, {first.start:%Y-%m-%d %H:%M} to {last.end:%Y-%m-%d %H:%M} "
          f"({format_duration(span)}), time zone {agenda.event.timezone}")
    return EXIT_OK


def build_report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="runofshow report",
                                     description="Planned vs actual for every slot, from the show's journal.")
    _agenda_argument(parser)
    parser.add_argument("--state-dir", type=Path, default=None, help="where journals are kept "
                        "(default: the user's data directory)")
    parser.add_argument("--journal", type=Path, default=None, help="a journal file (default: the agenda's latest)")
    parser.add_argument("--out", type=Path, default=None, help="write CSV here (default: print a table)")
    return parser


def report_time(last_command: float) -> float:
    """The moment a show still running is reported at: now during the show, else its last command.

    A rehearsal's journal runs on its own accelerated clock, and an old journal ended long ago; for
    those the last command is the only meaningful "now".
    """
    now = SystemClock().now().wall
    return now if 0 <= now - last_command < 6 * 3600 else last_command


def report(argv: Sequence[str]) -> int:
    """`runofshow report [--state-dir DIR] [AGENDA] [--out FILE.csv]`."""
    args = build_report_parser().parse_args(argv)
    path: Path = args.agenda or bundled_agenda()
    agenda = load_or_complain(path)
    if agenda is None:
        return EXIT_PROBLEMS
    journal_path = args.journal or latest_journal(args.state_dir or default_state_dir(), path)
    if journal_path is None:
        print(f"no show has been run on {path} yet (no journal in {args.state_dir or default_state_dir()})",
              file=sys.stderr)
        return EXIT_PROBLEMS
    contents = read_journal(journal_path)
    if not contents.entries:  # a journal of a show that continues elsewhere may hold only a checkpoint
        for problem in contents.problems:
            print(problem, file=sys.stderr)
        print(f"{journal_path}: no commands to report on", file=sys.stderr)
        return EXIT_PROBLEMS
    if contents.agenda and Path(contents.agenda) != path.resolve():
        print(f"warning: {journal_path} was written for {contents.agenda}; reporting it against {path} "
              "(slots are matched by id)", file=sys.stderr)
    replayed = replay(agenda, contents)
    for problem in replayed.problems:
        print(problem, file=sys.stderr)
    built = build_report(replayed.engine, report_time(contents.entries[-1].now.t))
    if args.out is None:
        sys.stdout.write(to_table(built))
        return EXIT_OK
    try:
        args.out.write_text(to_csv(built), encoding="utf-8")
    except OSError as exc:
        print(f"{args.out}: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {args.out} ({len(built.rows)} slots)")
    return EXIT_OK


def render(argv: Sequence[str]) -> int:
    from runofshow.render import render as render_view

    return render_view(argv)


def rehearse(argv: Sequence[str]) -> int:
    from runofshow.rehearse import rehearse as run_rehearsal

    return run_rehearsal(argv)


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "check": check, "report": report, "render": render, "rehearse": rehearse,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]](args[1:])
    from runofshow.app import run_app  # Qt is imported only when a window is wanted

    return run_app(args)
