"""`runofshow print`: the rundown (or, with --report, the show's report) as a landscape PDF, without a window.

Qt draws it (`ui/print_rundown.py`, the very layout File > Print… sends to a printer), offscreen when
there is no display: it runs on a server or over ssh as well as on the venue laptop.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from runofshow.core.clock import SystemClock
from runofshow.io.journal_report import report_from_journal
from runofshow.io.loading import load_or_complain
from runofshow.paths import bundled_agenda

EXIT_OK = 0
EXIT_PROBLEMS = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="runofshow print",
                                     description="The rundown as a landscape PDF: every slot with its times, "
                                                 "speakers, notes and crew columns; with --report the show's "
                                                 "actual times beside the plan.")
    parser.add_argument("agenda", nargs="?", type=Path, default=None,
                        help="the agenda file (default: the bundled programme)")
    parser.add_argument("--out", type=Path, default=None,
                        help="the PDF to write (default: AGENDA-rundown.pdf, or AGENDA-report.pdf with --report, "
                             "in the current folder)")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    parser.add_argument("--report", action="store_true",
                        help="the report: planned and actual times from the show's journal")
    parser.add_argument("--state-dir", type=Path, default=None,
                        help="where journals are kept, for --report (default: the user's data directory)")
    parser.add_argument("--journal", type=Path, default=None,
                        help="a journal file, for --report (default: the agenda's latest)")
    return parser


def _offscreen_without_display() -> None:
    """No display to talk to (a server, ssh, CI) and no platform chosen: Qt draws offscreen."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_print(argv: Sequence[str]) -> int:
    """`runofshow print [AGENDA] [--out FILE.pdf] [--paper a4|letter] [--report] [--state-dir D] [--journal J]`."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if (args.journal or args.state_dir) and not args.report:
        parser.error("--journal and --state-dir choose the show for --report")  # exits 2
    if args.out is not None and args.out.suffix.lower() != ".pdf":
        # A PDF under another name is a file nobody's viewer opens: say it rather than write it.
        parser.error(f"--out {args.out}: the rundown is a PDF; name it {args.out.with_suffix('.pdf').name}")
    path: Path = args.agenda or bundled_agenda()
    agenda = load_or_complain(path)
    if agenda is None:
        print(f"{path}: the agenda has problems (above); nothing was printed", file=sys.stderr)
        return EXIT_PROBLEMS
    report = None
    if args.report:
        found = report_from_journal(agenda, path, args.state_dir, args.journal)
        if found is None:
            return EXIT_PROBLEMS
        agenda, report = found.agenda, found.report
    out: Path = args.out or Path(f"{path.stem}-{'report' if args.report else 'rundown'}.pdf")

    _offscreen_without_display()
    from PySide6.QtGui import QGuiApplication

    from runofshow.ui.print_rundown import write_rundown_pdf  # Qt only once the agenda is known to be good

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "runofshow"])
    printed_at = datetime.fromtimestamp(SystemClock().now().wall, agenda.event.tz)
    try:
        pages = write_rundown_pdf(agenda, out, paper=args.paper, printed_at=printed_at, report=report)
    except OSError as exc:
        print(f"{out}: cannot write the PDF: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    what = "report" if report is not None else "rundown"
    print(f"wrote {out} ({what}, {len(agenda.slots)} slots on {pages} page{'s' if pages != 1 else ''}, "
          f"{args.paper.upper() if args.paper == 'a4' else 'Letter'} landscape)")
    return EXIT_OK
