"""`runofshow import FILE`: an agenda from the programme the organisers sent (CSV, XLSX or text).

Notes go to standard error as `FILE:LINE: text`, the agenda's YAML to standard output (or atomically
to `--out`). Exit 0 with an agenda that passes `runofshow check`; 2 with the reasons there is none (or a
file that cannot be read, in one line); 1 for flags that make no sense, with the usage.
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
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _day(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _zone(text: str) -> str:
    try:
        zoneinfo.ZoneInfo(text.strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown time zone '{text}' (an IANA name such as Europe/Brussels)") from None
    return text.strip()


def _length(text: str) -> int:
    seconds = parse_length(text)
    if seconds is None or seconds <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a length (write 30m, 1h or 45)")
    return seconds


def build_import_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="runofshow import",
        description="Make an agenda from a programme: a CSV or XLSX running order, or the programme's text "
                    "(.txt, .html). Every line that is not understood is listed; the agenda passes "
                    "`runofshow check` or nothing is written.",
    )
    parser.add_argument("file", type=Path, help="the programme to read")
    parser.add_argument("--date", type=_day, default=None,
                        help="the event's (first) day, YYYY-MM-DD, when the file does not say")
    parser.add_argument("--timezone", type=_zone, default=None,
                        help="the time zone of the times, e.g. Europe/Brussels, when the file does not say")
    parser.add_argument("--default-length", type=_length, default=ImportOptions().default_length,
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
        draft = read_import(source)
    except ImportReadError as exc:
        print(exc, file=sys.stderr)
        return EXIT_PROBLEMS
    options = ImportOptions(date=args.date, timezone=args.timezone or "", default_length=args.default_length)
    outcome = finish_import(draft, options)
    for note in outcome.notes:
        print(note, file=sys.stderr)
    if outcome.agenda is None or outcome.yaml_text is None:
        for problem in outcome.problems:
            print(problem, file=sys.stderr)
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
