"""Command line: `runofshow [AGENDA]` runs the show, `runofshow follow PRIMARY` a backup laptop; `check`, `report`,
`import` and `print` need no window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from runofshow.core.agenda import real_seconds
from runofshow.core.timeparse import format_duration
from runofshow.io.agenda_yaml import collector_paused, load_agenda
from runofshow.io.journal_report import report_from_journal
from runofshow.io.loading import load_or_complain
from runofshow.io.report import to_csv, to_table
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
    # The collector paused until the agenda is freed again: turned back on right after the load, it would scan
    # every slot of a long agenda once for garbage a one-shot check never makes (some 15 ms for 5,000 slots).
    with collector_paused():
        return _check(path)


def _check(path: Path) -> int:
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


def report(argv: Sequence[str]) -> int:
    """`runofshow report [--state-dir DIR] [AGENDA] [--out FILE.csv]`."""
    args = build_report_parser().parse_args(argv)
    path: Path = args.agenda or bundled_agenda()
    agenda = load_or_complain(path)
    if agenda is None:
        return EXIT_PROBLEMS
    found = report_from_journal(agenda, path, args.state_dir, args.journal)
    if found is None:
        return EXIT_PROBLEMS
    built = found.report
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


def import_programme(argv: Sequence[str]) -> int:
    from runofshow.importer import run_import

    return run_import(argv)


def print_rundown(argv: Sequence[str]) -> int:
    from runofshow.printer import run_print  # Qt's PDF output: imported only for this command

    return run_print(argv)


def follow(argv: Sequence[str]) -> int:
    from runofshow.app import run_follow  # Qt and the network: only for a backup laptop

    return run_follow(argv)


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "check": check, "report": report, "render": render, "rehearse": rehearse,
    "import": import_programme, "print": print_rundown, "follow": follow,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        return SUBCOMMANDS[args[0]](args[1:])
    from runofshow.app import run_app  # Qt is imported only when a window is wanted

    return run_app(args)
