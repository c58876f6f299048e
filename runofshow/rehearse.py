"""`runofshow rehearse`: the real app on an accelerated clock, so a crew can run an afternoon in minutes."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.clock import SystemClock
from runofshow.io.agenda_yaml import load_agenda
from runofshow.paths import bundled_agenda

LEAD_IN_SECONDS = 60  # without --from, start a minute before the first slot: the pre-show countdown shows


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="runofshow rehearse",
                                     description="Rehearse the show on a clock running N times faster.")
    parser.add_argument("agenda", nargs="?", type=Path, default=None, help="agenda (default: the bundled one)")
    parser.add_argument("--speed", type=float, default=10.0, help="show seconds per real second (default 10)")
    parser.add_argument("--from", dest="from_slot", default=None, help="start at this slot id, running")
    parser.add_argument("--state-dir", type=Path, default=None,
                        help="where the rehearsal's journal goes (default: a new temporary folder)")
    return parser


def start_epoch(agenda: Agenda, from_slot: str | None) -> float:
    """Where the rehearsal clock starts: at the slot's planned start, or just before the first slot."""
    if from_slot is None:
        return agenda.slots[0].start.timestamp() - LEAD_IN_SECONDS
    index = agenda.index_of(from_slot)
    assert index is not None
    return agenda.slots[index].start.timestamp()


def rehearse(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    path: Path = args.agenda or bundled_agenda()
    result = load_agenda(path)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.agenda is None:
        return 2
    agenda = result.agenda
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
    from runofshow.core.clock import ScaledClock
    from runofshow.ui.dialogs import DialogPrompts

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("runofshow")
    app.setOrganizationName("runofshow")
    clock = ScaledClock(SystemClock(), args.speed, start=start_epoch(agenda, args.from_slot))
    state_dir = args.state_dir or Path(tempfile.mkdtemp(prefix="runofshow-rehearsal-"))
    speed = f"{args.speed:g}"
    controller = AppController(QSettings(), DialogPrompts(), clock, state_dir,
                               mode_banner=f"REHEARSAL ×{speed}: not the real show")
    install_excepthook(controller)
    if not controller.start(path, defer_extras=True):
        return 2
    if args.from_slot is not None and controller.bridge is not None:
        controller.bridge.run("goto", {"slot": args.from_slot})
    return int(app.exec())
