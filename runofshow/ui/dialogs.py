"""Dialogs: every problem in one box, the resume prompt, the shortcuts sheet, and file pickers.

`Prompts` is the one place the app asks the operator something. Tests pass their own object with
the same methods, so no test ever blocks on a modal dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runofshow.io.session import Resumable
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate
from runofshow.ui.actions import SHOW_ACTIONS, shortcut_text
from runofshow.ui.theme import ACCENT, ON_ACCENT, PANEL, TEXT

# The file picker's filter: the words are translated where it is shown, the patterns stay as they are.
AGENDA_FILTER = QT_TRANSLATE_NOOP("DialogPrompts", "Agendas (*.yaml *.yml);;All files (*)")

# A box over the operator window inherits its dark style sheet's light text: it gets the dark panel
# behind it too, and its default button stands out in the accent colour.
OVER_OPERATOR_STYLE = f"""
QMessageBox {{ background: {PANEL}; }}
QMessageBox QLabel {{ color: {TEXT}; font-size: 15px; }}
QPushButton {{ background: #24304a; color: {TEXT}; border-radius: 4px; padding: 7px 16px; font-size: 14px; }}
QPushButton:default {{ background: {ACCENT}; color: {ON_ACCENT}; font-weight: bold; }}
"""


class Prompts(Protocol):
    def problems(self, title: str, intro: str, lines: Sequence[str], offer_other_file: bool = False) -> bool:
        """Show every problem at once. Returns True when the operator wants to pick another file."""
        ...

    def resume(self, found: Resumable) -> bool:
        """Offer to resume the show found in the journal. True = resume, False = new show."""
        ...

    def plan_changed(self, changes: Sequence[str]) -> bool:
        """The agenda file differs from the plan in the resumed show's record. True = apply the file."""
        ...

    def confirm(self, title: str, text: str) -> bool: ...

    def confirm_quit(self, parent: QWidget | None) -> bool:
        """Quitting while a show is under way: True = quit, False = keep running (the default)."""
        ...

    def open_agenda(self, start: Path) -> Path | None: ...

    def save_report(self, suggested: Path) -> Path | None: ...


class ProblemsDialog(QDialog):
    """All problems of a file in one list, file:line:col first, so they can be fixed in one go."""

    def __init__(self, title: str, intro: str, lines: Sequence[str], offer_other_file: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(720, 320)
        self.wants_other_file = False
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QPlainTextEdit("\n".join(lines))
        self.list.setReadOnly(True)
        self.list.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        if offer_other_file:
            other = buttons.addButton(self.tr("Choose another file…"), QDialogButtonBox.ButtonRole.AcceptRole)
            other.clicked.connect(self._other)
            buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _other(self) -> None:
        self.wants_other_file = True
        self.accept()


class ShortcutsDialog(QDialog):
    """Help > Shortcuts: every show key, from the same table that binds them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(640, 520)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Keys work anywhere in the operator window except while you type in a text field "
                              "(press Esc to leave it)."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(len(SHOW_ACTIONS), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action"), self.tr("What it does")])
        for row, spec in enumerate(SHOW_ACTIONS):
            for column, text in enumerate((shortcut_text(spec), spec.label(), spec.tooltip())):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DialogPrompts:
    """The real prompts: modal Qt dialogs over the operator window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def problems(self, title: str, intro: str, lines: Sequence[str], offer_other_file: bool = False) -> bool:
        dialog = ProblemsDialog(title, intro, lines, offer_other_file, self.parent)
        dialog.exec()
        return dialog.wants_other_file

    def resume(self, found: Resumable) -> bool:
        box = QMessageBox(self.parent)
        box.setWindowTitle(translate("DialogPrompts", "Resume the show?"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(translate("DialogPrompts", "A show on this agenda was in progress when the app stopped."))
        box.setInformativeText(translate("DialogPrompts", "It was {summary}.\n\nResume it where it is now, or start a "
                                                          "new show? (A new show keeps the old journal.)")
                               .format(summary=found.summary()))
        if found.problems:
            box.setDetailedText("\n".join(found.problems))
        resume = box.addButton(translate("DialogPrompts", "Resume the show"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("DialogPrompts", "Start a new show"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(resume)
        box.exec()
        return box.clickedButton() is resume

    def plan_changed(self, changes: Sequence[str]) -> bool:
        box = QMessageBox(self.parent)
        box.setWindowTitle(translate("DialogPrompts", "The agenda file changed"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(translate("DialogPrompts", "The agenda file is not the plan this show was running on."))
        box.setInformativeText(translate("DialogPrompts", "It was edited while the app was closed. Keep running on "
                                                          "the plan from the show's record (what the displays "
                                                          "showed), or apply the file now as a reload?"))
        box.setDetailedText("\n".join(changes))
        keep = box.addButton(translate("DialogPrompts", "Keep the recorded plan"), QMessageBox.ButtonRole.RejectRole)
        apply = box.addButton(translate("DialogPrompts", "Apply the file"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is apply

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def confirm_quit(self, parent: QWidget | None) -> bool:
        # Over the operator window (never on a display's screen), "Keep running" on Enter and Esc:
        # a stray key must not take every display dark.
        box = QMessageBox(parent if parent is not None else self.parent)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setStyleSheet(OVER_OPERATOR_STYLE)
        box.setWindowTitle(translate("DialogPrompts", "Quit during the show?"))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(translate("DialogPrompts", "The show is under way. If you quit now, every display goes dark."))
        box.setInformativeText(translate("DialogPrompts", "The show can be resumed where it is: its record keeps it, "
                                                          "and runofshow offers to resume it when you start it "
                                                          "again."))
        keep = box.addButton(translate("DialogPrompts", "Keep running"), QMessageBox.ButtonRole.RejectRole)
        quit_now = box.addButton(translate("DialogPrompts", "Quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is quit_now

    def open_agenda(self, start: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.parent, translate("DialogPrompts", "Open agenda"), str(start),
                                              translate("DialogPrompts", AGENDA_FILTER))
        return Path(name) if name else None

    def save_report(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.parent, translate("DialogPrompts", "Export report"),
                                              str(suggested), translate("DialogPrompts", "CSV (*.csv)"))
        return Path(name) if name else None
