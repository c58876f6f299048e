"""`runofshow rehearse`: the real app on an accelerated clock, so a crew can run an afternoon in minutes."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.clock import ScaledClock, SystemClock
from runofshow.io.loading import load_or_complain
from runofshow.io.logsetup import configure_logging
from runofshow.paths import bundled_agenda
from runofshow.remote.options import add_arguments as add_remote_arguments

LEAD_IN_SECONDS = 60  # without --from, start a minute before the first slot: the pre-show countdown shows


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="runofshow rehearse",
                                     description="Rehearse the show on a clock running N times faster.")
    parser.add_argument("agenda", nargs="?", type=Path, default=None, help="agenda (default: the bundled one)")
    parser.add_argument("--speed", type=float, default=10.0, help="show seconds per real second (default 10)")
    parser.add_argument("--from", dest="from_slot", default=None, help="start at this slot id, running")
    parser.add_argument("--state-dir", type=Path, default=None,
                        help="where the rehearsal's journal goes (default: a new temporary folder); started "
                             "again on the same folder without --from, a rehearsal carries on where it would be")
    parser.add_argument("--resume", choices=("ask", "always", "never"), default="ask",
                        help="a rehearsal in progress found in the journal: ask (default), resume it without "
                             "asking, or start a new one")
    add_remote_arguments(parser)  # browser displays can be rehearsed too
    return parser


def start_epoch(agenda: Agenda, from_slot: str | None) -> float:
    """Where the rehearsal clock starts: at the slot's planned start, or just before the first slot."""
    if from_slot is None:
        return agenda.slots[0].start.timestamp() - LEAD_IN_SECONDS
    index = agenda.index_of(from_slot)
    assert index is not None
    return agenda.slots[index].start.timestamp()


def rehearsal_clock(state_dir: Path, speed: float, agenda: Agenda, from_slot: str | None) -> tuple[ScaledClock, bool]:
    """The rehearsal's clock, and whether it carries on an earlier run in the same folder.

    The origin is kept in `rehearsal.json`: after a crash or a kill, the restarted rehearsal's clock
    is where it would have been had nothing happened, exactly as the real show's clock is.
    """
    base = SystemClock()
    record = state_dir / "rehearsal.json"
    if from_slot is None and record.is_file():
        try:
            saved = json.loads(record.read_text(encoding="utf-8"))
            if float(saved["speed"]) == speed:
                return ScaledClock(base, speed, start=float(saved["start"]), origin=float(saved["origin"])), True
        except (OSError, ValueError, KeyError, TypeError):
            pass  # an unreadable record: start a new rehearsal
    clock = ScaledClock(base, speed, start=start_epoch(agenda, from_slot))
    save_rehearsal(state_dir, clock)
    return clock, False


def save_rehearsal(state_dir: Path, clock: ScaledClock) -> None:
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        (state_dir / "rehearsal.json").write_text(
            json.dumps({"speed": clock.speed, "start": clock.start, "origin": clock.origin}), encoding="utf-8")
    except OSError:
        pass  # the rehearsal still runs; only a restart would begin again


def rehearse(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    path: Path = args.agenda or bundled_agenda()
    agenda = load_or_complain(path)
    if agenda is None:
        return 2
    if not 0.1 <= args.speed <= 1000:
        print("runofshow rehearse: --speed must be between 0.1 and 1000", file=sys.stderr)
        return 1
    if args.from_slot is not None and agenda.index_of(args.from_slot) is None:
        ids = ", ".join(slot.id for slot in agenda.slots)
        print(f"runofshow rehearse: no slot '{args.from_slot}' in {path}; slot ids: {ids}", file=sys.stderr)
        return 1

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from runofshow.app import AppController, install_excepthook
    from runofshow.ui.dialogs import DialogPrompts
    from runofshow.ui.folder_lock import lock_state_folder

    configure_logging(None)  # stderr until this copy holds the state folder (the log file is the folder's)
    state_dir = args.state_dir or Path(tempfile.mkdtemp(prefix="runofshow-rehearsal-"))
    lock = lock_state_folder(state_dir)  # one controller per folder, before its clock record or journal is read
    if lock is None:
        return 2
    with lock:
        configure_logging(state_dir)  # and <state folder>/logs/runofshow.log, rotating, capped
        app = QApplication.instance() or QApplication([sys.argv[0]])
        app.setApplicationName("runofshow")
        app.setOrganizationName("runofshow")
        clock, continuing = rehearsal_clock(state_dir, args.speed, agenda, args.from_slot)
        speed = f"{args.speed:g}"
        controller = AppController(QSettings(), DialogPrompts(), clock, state_dir,
                                   mode_banner=f"REHEARSAL ×{speed}: not the real show", resume_policy=args.resume)
        install_excepthook(controller)
        controller.remote_args = args
        if not controller.start(path, defer_extras=True):
            return 2
        if not continuing:
            # Starting the app took a moment of show time: begin the rehearsal exactly at its start now.
            clock.restart(start_epoch(agenda, args.from_slot))
            save_rehearsal(state_dir, clock)
            if controller.bridge is not None:
                controller.bridge.tick()
        if args.from_slot is not None and not continuing and controller.bridge is not None:
            controller.bridge.run("goto", {"slot": args.from_slot})
        return int(app.exec())
