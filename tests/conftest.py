"""Test setup shared by every test: Qt renders offscreen, never on a real screen."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from runofshow.io.agenda_save import NewAgenda
from runofshow.io.session import Resumable


class FakePrompts:
    """Answers the app's questions without a modal dialog, and remembers what was asked."""

    def __init__(self) -> None:
        self.problem_calls: list[tuple[str, str, list[str]]] = []
        self.resume_answer = True
        self.resume_offers: list[Resumable] = []
        self.other_files: list[Path] = []
        self.confirm_answer = True
        self.quit_answer = True  # quit when asked mid-show
        self.quit_asks: list[object] = []  # the parent of each quit question
        self.plan_answer = False  # keep the recorded plan
        self.plan_offers: list[list[str]] = []
        self.report_path: Path | None = None
        self.pdf_path: Path | None = None  # File > Export PDF: where the operator saves it (None = cancelled)
        self.pdf_offers: list[Path] = []  # the names File > Export PDF offered
        self.window: object = None  # the window every question opens over, once the app attached it
        self.keep_app_plan = True  # the agenda file changed on disk too: keep the plan edited in the app
        self.disk_changes: list[Path] = []
        self.new_agenda_answer: NewAgenda | None = None  # File > New agenda: what the operator filled in
        self.new_agenda_asks: list[Path] = []
        self.open_during_show_answer = True  # another agenda opened mid-show: switch to it
        self.open_during_show_asks: list[tuple[Path, Path]] = []  # (the running agenda, the other one)

    def attach(self, window: object) -> None:
        self.window = window

    def problems(self, title: str, intro: str, lines: Sequence[str], offer_other_file: bool = False) -> bool:
        self.problem_calls.append((title, intro, list(lines)))
        return offer_other_file and bool(self.other_files)

    def resume(self, found: Resumable) -> bool:
        self.resume_offers.append(found)
        return self.resume_answer

    def plan_changed(self, changes: Sequence[str]) -> bool:
        self.plan_offers.append(list(changes))
        return self.plan_answer

    def confirm(self, title: str, text: str) -> bool:
        return self.confirm_answer

    def confirm_quit(self, parent: object) -> bool:
        self.quit_asks.append(parent)
        return self.quit_answer

    def open_agenda(self, start: Path) -> Path | None:
        return self.other_files.pop(0) if self.other_files else None

    def save_report(self, suggested: Path) -> Path | None:
        return self.report_path

    def save_pdf(self, suggested: Path) -> Path | None:
        self.pdf_offers.append(suggested)
        return self.pdf_path

    def changed_on_disk(self, path: Path) -> bool:
        self.disk_changes.append(path)
        return self.keep_app_plan

    def new_agenda(self, folder: Path) -> NewAgenda | None:
        self.new_agenda_asks.append(folder)
        return self.new_agenda_answer

    def open_during_show(self, running: Path, other: Path) -> bool:
        self.open_during_show_asks.append((running, other))
        return self.open_during_show_answer


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()
