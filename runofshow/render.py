"""`runofshow render`: a picture of a view at a time of the show day, as if the show ran exactly on plan.

For checking a programme before the day and for documentation. Nothing is journaled.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.clock import FakeClock, Instant
from runofshow.core.timeparse import parse_time_of_day
from runofshow.io.loading import load_or_complain
from runofshow.io.session import ShowSession
from runofshow.paths import bundled_agenda

VIEWS = ("operator", "projector", "stage", "moderator")
DEFAULT_SIZES = {"operator": (1400, 860), "projector": (1920, 1080), "stage": (1920, 1080), "moderator": (1280, 800)}


def on_plan(agenda: Agenda, agenda_path: Path, moment: Instant) -> ShowSession:
    """A session whose show ran exactly on plan up to `moment` (every slot started at its planned start)."""
    session = ShowSession(agenda, agenda_path, None)
    first = agenda.slots[0].start.timestamp()
    if moment.t >= first:
        # Roll mode from just before the first start walks the plan and records each slot as run;
        # turning it off at `moment` leaves an ordinary show, as the operator would have it.
        before = Instant(first - 1, first - 1)
        session.run("roll", before, {"on": True})
        session.run("roll", moment, {"on": False})
    return session


def moment_of(agenda: Agenda, text: str) -> Instant:
    """HH:MM[:SS] on the agenda's first day (add +1d for the next day), in the event's zone."""
    when = parse_time_of_day(text)
    day = agenda.event.date.toordinal() + when.days_later
    local = datetime.combine(datetime.fromordinal(day).date(), when.time, tzinfo=agenda.event.tz)
    epoch = local.timestamp()
    return Instant(epoch, epoch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="runofshow render",
                                     description="Render a view offscreen as it looks at a time of the show day.")
    parser.add_argument("agenda", nargs="?", type=Path, default=None, help="agenda (default: the bundled one)")
    parser.add_argument("--view", choices=VIEWS, required=True)
    parser.add_argument("--at", required=True, help="time of day, HH:MM or HH:MM:SS (+1d for the next day)")
    parser.add_argument("--size", default=None, help="WIDTHxHEIGHT in pixels")
    parser.add_argument("--out", type=Path, required=True, help="the PNG to write")
    return parser


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (100 <= int(width) <= 8000 and 100 <= int(height) <= 8000):
        raise ValueError(f"'{text}' is not a size; write WIDTHxHEIGHT, e.g. 1920x1080")
    return int(width), int(height)


def render(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    path: Path = args.agenda or bundled_agenda()
    agenda = load_or_complain(path)
    if agenda is None:
        return 2
    try:
        moment = moment_of(agenda, args.at)
        size = parse_size(args.size) if args.size else DEFAULT_SIZES[args.view]
    except ValueError as exc:
        print(f"runofshow render: {exc}", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt only once the arguments are good.
    from PySide6.QtGui import QImageWriter

    from runofshow.ui.snapshots import grab_view

    caption = f"Preview: {args.at} on the show day, if the show runs exactly on plan"
    image = grab_view(args.view, on_plan(agenda, path, moment), FakeClock(moment.t), size, caption)
    # What QImage.save(path, "PNG") does inside; PySide6's save takes the format as str while its type
    # stubs say bytes, and the writer takes bytes in both. PNG whatever the file's suffix.
    if not QImageWriter(str(args.out), b"PNG").write(image):
        print(f"{args.out}: cannot write the picture (is the folder there and writable?)", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({args.view} at {args.at}, {size[0]}x{size[1]})")
    return 0
