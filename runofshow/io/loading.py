"""Loading an agenda for a command-line command: the agenda, or every problem printed on stderr.

Below `cli.py`, `render.py` and `rehearse.py` so that all three can use it without importing each other.
"""

from __future__ import annotations

import sys
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.io.agenda_yaml import load_agenda


def load_or_complain(path: Path) -> Agenda | None:
    """The agenda, or None after printing every problem (notes too) on stderr: for every command."""
    result = load_agenda(path)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return result.agenda
