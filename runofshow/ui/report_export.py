"""File > Export report: planned against actual, as a CSV file where the operator chooses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from runofshow.core.clock import Clock
from runofshow.io.report import build_report, to_csv
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.translation import translate
from runofshow.ui.dialogs import Prompts


def export_report(prompts: Prompts, bridge: ShowBridge, agenda_path: Path, clock: Clock,
                  notice: Callable[[str], None]) -> None:
    """Ask where to save it (offered: the home folder, named after the agenda), write it, say where it went.

    A file that cannot be written is said in a box; the show is not touched either way.
    """
    target = prompts.save_report(Path.home() / f"{agenda_path.stem}-report.csv")
    if target is None:
        return
    report = build_report(bridge.session.engine, clock.now().t)
    try:
        target.write_text(to_csv(report), encoding="utf-8")
    except OSError as exc:
        prompts.problems(translate("ReportExport", "The report was not saved"), f"{target}: {exc.strerror or exc}", [])
        return
    notice(translate("ReportExport", "Report saved to {path}").format(path=target))
