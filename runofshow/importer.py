"""`runofshow import FILE`: an agenda from the programme the organisers sent (CSV, XLSX or text).

Notes go to standard error as `FILE:LINE: text`, the agenda's YAML to standard output (or atomically
to `--out`); at most 200 of them, then how many more. Exit 0 with an agenda that passes `runofshow check`;
2 with the reasons there is none (or a file that cannot be read, or a bad --date, --timezone or
--default-length value, in one line); 1 for flags that make no sense, with the usage.
"""

from __future__ import annotations

import argparse
import sys
import zoneinfo
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from runofshow.core.timeparse import format_duration, parse_date
from runofshow.io.agenda_save import write_atomically
from runofshow.io.import_cells import parse_length
from runofshow.io.import_finish import ImportOptions, finish_import
from runofshow.io.import_read import ImportReadError, read_import

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_PROBLEMS = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a flag that makes no sense exits 1 (2 is this command's "no agenda")."""

    def error(self, message: str) -> NoReturn:
        if "--default-length: expected one argument" in message:  # `--default-length -5m`: argparse saw a flag
            message += " (a length is not negative: write it as 30m, 1h or 45)"
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


MAX_NOTES_SHOWN = 200  # a 10 MB text file is thousands of lines not understood: the first ones say enough


class _BadValueError(ValueError):
    """A --date, --timezone or --default-length value that cannot be used: one line, exit 2."""


def _day(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise _BadValueError(f"--date {text}: {exc}") from None


def _zone(text: str) -> str:
    try:
        zoneinfo.ZoneInfo(text.strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise _BadValueError(f"--timezone: unknown time zone '{text}' (an IANA name such as Europe/Brussels)") from None
    return text.strip()


def _length(text: str) -> int:
    seconds = parse_length(text)
    if seconds is None or seconds <= 0:
        raise _BadValueError(f"--default-length: '{text}' is not a length (write 30m, 1h or 45)")
    return seconds


def _options(args: argparse.Namespace) -> ImportOptions:
    """The values of --date, --timezone and --default-length, read after the flags (a bad one: `_BadValueError`)."""
    day = _day(args.date) if args.date is not None else None
    zone = _zone(args.timezone) if args.timezone is not None else ""
    length = _length(args.default_length) if args.default_length is not None else ImportOptions().default_length
    return ImportOptions(date=day, timezone=zone, default_length=length)


def _print_lines(lines: Sequence[str], what: str) -> None:
    """The first 200 notes (or problems) on stderr, then how many more: a stage manager reads the first ones."""
    for line in lines[:MAX_NOTES_SHOWN]:
        print(line, file=sys.stderr)
    if len(lines) > MAX_NOTES_SHOWN:
        print(f"… and {len(lines) - MAX_NOTES_SHOWN} more {what} (the first {MAX_NOTES_SHOWN} are above)",
              file=sys.stderr)


def build_import_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="runofshow import",
        description="Make an agenda from a programme: a CSV or XLSX running order, or the programme's text "
                    "(.txt, .html). Every line that is not understood is listed; the agenda passes "
                    "`runofshow check` or nothing is written.",
    )
    parser.add_argument("file", type=Path, help="the programme to read")
    # Values read after the flags (`_options`): a bad one is one line and exit 2, not the usage and exit 1.
    parser.add_argument("--date", default=None,
                        help="the event's (first) day, YYYY-MM-DD; wins over a date the file gives")
    parser.add_argument("--timezone", default=None,
                        help="the time zone of the times, e.g. Europe/Brussels; wins over the file's")
    parser.add_argument("--default-length", default=None,
                        help="the length of a last slot that has only a start (default: 30m)")
    parser.add_argument("--out", type=Path, default=None, help="write the agenda here (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite the --out file if it exists")
    return parser


def run_import(argv: Sequence[str]) -> int:
    """`runofshow import FILE [--date D] [--timezone TZ] [--default-length 30m] [--out AGENDA] [--force]`."""
    try:
        args = build_import_parser().parse_args(argv)
    except SystemExit as leaving:  # --help (0) or a bad flag (1): a code, not an exception, for the caller
        return leaving.code if isinstance(leaving.code, int) else EXIT_USAGE
    source: Path = args.file
    out: Path | None = args.out
    if out is not None and out.exists() and not args.force:
        print(f"{out}: exists already; give --force to overwrite it, or another --out", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        options = _options(args)
    except _BadValueError as exc:
        print(exc, file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        draft = read_import(source, year=options.date.year if options.date is not None else None)
    except ImportReadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_PROBLEMS
    outcome = finish_import(draft, options)
    _print_lines(outcome.notes, "lines not understood")
    if outcome.agenda is None or outcome.yaml_text is None:
        _print_lines(outcome.problems, "problems")
        count = len(outcome.problems)
        print(f"{source}: no agenda was made ({count} problem{'s' if count != 1 else ''})", file=sys.stderr)
        return EXIT_PROBLEMS
    if out is None:
        sys.stdout.write(outcome.yaml_text)
        return EXIT_OK
    try:
        write_atomically(out, outcome.yaml_text.encode("utf-8"))
    except OSError as exc:
        print(f"{out}: cannot write the agenda: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    agenda = outcome.agenda
    span = format_duration(round(agenda.slots[-1].end.timestamp() - agenda.slots[0].start.timestamp()))
    print(f"wrote {out}: {len(agenda.slots)} slot{'s' if len(agenda.slots) != 1 else ''}, "
          f"{agenda.slots[0].start:%Y-%m-%d %H:%M} to {agenda.slots[-1].end:%Y-%m-%d %H:%M} ({span}), "
          f"time zone {agenda.event.timezone}")
    return EXIT_OK
