"""Dialogs: every problem in one box, the resume prompt, the shortcuts sheet, and file pickers.

`Prompts` is the one place the app asks the operator something. Tests pass their own object with
the same methods, so no test ever blocks on a modal dialog.

Where and how they open (a show is watched by an audience, and GO is one key):
- Every dialog belongs to the operator window (`attach`) and opens over it, on the operator's screen.
  Before that window exists (a broken first agenda) it opens centred on the operator's screen (the
  saved window's screen, else the primary), never under the mouse pointer, which may be on the projector.
- During the show nothing takes the keys away from the operator window: a question or a file picker
  is non-modal, so the operator can click back into the window and press GO while it is open. The
  caller still gets its answer in line: it waits in a local event loop that keeps the show running.
  One such question at a time: asking another brings the open one to the front instead.
- What is asked at startup (resume the show? which plan?) and while switching agendas is decided
  before any show runs, so it is window-modal over the operator window: GO has nothing to start yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
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
from runofshow.qt.operator_screen import centre_on_screen
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate
from runofshow.ui.actions import SHOW_ACTIONS, shortcut_text
from runofshow.ui.theme import ACCENT, ON_ACCENT, PANEL, TEXT

if TYPE_CHECKING:  # the agenda writer (ruamel) loads with its dialog, not with the operator window
    from runofshow.io.agenda_save import NewAgenda

# The file picker's filter: the words are translated where it is shown, the patterns stay as they are.
AGENDA_FILTER = QT_TRANSLATE_NOOP("DialogPrompts", "Agendas (*.yaml *.yml);;All files (*)")
IMPORT_FILTER = QT_TRANSLATE_NOOP("DialogPrompts", "Programmes and spreadsheets (*.csv *.tsv *.xlsx *.txt *.md "
                                                    "*.html *.htm);;All files (*)")

# A box over the operator window inherits its dark style sheet's light text: it gets the dark panel
# behind it too, and its default button stands out in the accent colour.
OVER_OPERATOR_STYLE = f"""
QMessageBox {{ background: {PANEL}; }}
QMessageBox QLabel {{ color: {TEXT}; font-size: 15px; }}
QPushButton {{ background: #24304a; color: {TEXT}; border-radius: 4px; padding: 7px 16px; font-size: 14px; }}
QPushButton:default {{ background: {ACCENT}; color: {ON_ACCENT}; font-weight: bold; }}
"""


class Prompts(Protocol):
    def attach(self, window: QWidget) -> None:
        """From now on every question opens over this window (the operator's)."""
        ...

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

    def open_during_show(self, running: Path, other: Path) -> bool:
        """Another agenda is about to be opened while the show on `running` is under way: True = open it
        (the displays switch to its event), False = keep the show (the default)."""
        ...

    def open_agenda(self, start: Path) -> Path | None: ...

    def changed_on_disk(self, path: Path) -> bool:
        """The plan was edited in the app and the agenda file was also changed on disk since the app read it.

        True = the file gets the app's plan (the version on disk is kept beside it as a copy); False = the
        app takes the file on disk (the app's plan is kept beside it as a copy).
        """
        ...

    def save_report(self, suggested: Path) -> Path | None: ...

    def save_pdf(self, suggested: Path) -> Path | None:
        """File > Export PDF…: where to write the printed rundown (None = cancelled)."""
        ...

    def new_agenda(self, folder: Path) -> NewAgenda | None:
        """File > New agenda: the event and where to save it (None = cancelled)."""
        ...

    def open_import(self, start: Path) -> Path | None:
        """File > Import…: the programme or spreadsheet to import (None = cancelled)."""
        ...

    def save_import(self, suggested: Path) -> Path | None:
        """Where to keep an imported agenda; the picker asks before replacing a file (None = cancelled)."""
        ...

    def save_csv(self, suggested: Path) -> Path | None:
        """File > Export CSV…: where to write the plan (None = cancelled)."""
        ...


class ProblemsDialog(QDialog):
    """All problems of a file in one list, file:line:col first, so they can be fixed in one go."""

    def __init__(self, title: str, intro: str, lines: Sequence[str], offer_other_file: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # With nothing to list (a file that cannot be read at all) the sentence is the whole message.
        self.setMinimumSize(720, 320 if lines else 0)
        self.wants_other_file = False
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QPlainTextEdit("\n".join(lines))
        self.list.setReadOnly(True)
        self.list.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.list.setVisible(bool(lines))
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


TYPING_KEYS = frozenset({"message"})  # show keys that start typing in the operator window


@runtime_checkable
class HasShowKeys(Protocol):
    """A window with the show's key actions (the operator window), without importing it here."""

    actions_by_key: dict[str, QAction]


def carry_show_keys(dialog: QWidget, window: QWidget | None) -> None:
    """The window's show keys (Space = GO, P, Page Down…) work in `dialog` too, while it is the active window.

    Only for boxes of buttons: a dialog with a text field keeps Space for typing. M (type a message) is
    left out: the message field is in the operator window, so M there is where it works.
    """
    if isinstance(window, HasShowKeys):
        dialog.addActions([action for key, action in window.actions_by_key.items() if key not in TYPING_KEYS])


class DialogPrompts:
    """The real prompts: Qt dialogs over the operator window (see the module's notes for which wait how)."""

    def __init__(self, parent: QWidget | None = None, home_screen: QScreen | None = None) -> None:
        self.parent = parent
        self.home_screen = home_screen  # where a dialog opens before the operator window exists
        self.open_question: QDialog | None = None  # the non-modal question waiting for its answer

    def attach(self, window: QWidget) -> None:
        self.parent = window

    def _place(self, dialog: QWidget) -> None:
        """Over the operator window (Qt centres a dialog over its parent); before it, on the operator's screen."""
        if self.parent is None:
            centre_on_screen(dialog, self.home_screen or QGuiApplication.primaryScreen())

    def _busy(self) -> bool:
        """True (and the open question brought to the front) while another question waits for its answer."""
        if self.open_question is None:
            return False
        self.open_question.show()
        self.open_question.raise_()
        self.open_question.activateWindow()
        return True

    def _wait_for(self, dialog: QDialog) -> int:
        """Shows `dialog` over the operator window without blocking it, and returns once it is answered.

        The local event loop runs the whole app meanwhile: the clock, the displays, the network and
        every key of the operator window. Quitting the app ends the wait (as an unanswered question).
        """
        loop = QEventLoop()
        dialog.finished.connect(loop.quit)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(loop.quit)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        self._place(dialog)
        self.open_question = dialog
        try:
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
            if dialog.isVisible():
                loop.exec()
        finally:
            self.open_question = None
            if app is not None:
                app.aboutToQuit.disconnect(loop.quit)
        return dialog.result()

    def problems(self, title: str, intro: str, lines: Sequence[str], offer_other_file: bool = False) -> bool:
        dialog = ProblemsDialog(title, intro, lines, offer_other_file, self.parent)
        if not offer_other_file:
            # Nothing to decide: the list stays open beside the show, which goes on.
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            carry_show_keys(dialog, self.parent)
            self._place(dialog)
            dialog.show()
            return False
        # The first agenda is broken: no show yet, the operator chooses another file or quits.
        self._place(dialog)
        dialog.exec()
        return dialog.wants_other_file

    def _startup_question(self, box: QMessageBox) -> None:
        """Asked before any show runs: window-modal over the operator window (its keys have nothing to do yet)."""
        if self.parent is not None:
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.setStyleSheet(OVER_OPERATOR_STYLE)
        self._place(box)
        box.exec()

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
        self._startup_question(box)
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
        self._startup_question(box)
        return box.clickedButton() is apply

    def confirm(self, title: str, text: str) -> bool:
        """Yes or no, without taking the show keys: they work on the box too, and Enter or Esc answer No."""
        if self._busy():
            return False
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        box.setStyleSheet(OVER_OPERATOR_STYLE)
        yes = box.addButton(QMessageBox.StandardButton.Yes)
        no = box.addButton(QMessageBox.StandardButton.No)
        box.setDefaultButton(no)  # a stray Enter must not start anything over
        box.setEscapeButton(no)
        carry_show_keys(box, self.parent)
        self._wait_for(box)
        clicked: QAbstractButton | None = box.clickedButton()
        box.deleteLater()
        return clicked is yes

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

    def open_during_show(self, running: Path, other: Path) -> bool:
        """Non-modal, the show keys on it; Enter and Esc answer No: the show on the displays stays."""
        if self._busy():
            return False
        box = QMessageBox(QMessageBox.Icon.Question, translate("DialogPrompts", "Open another agenda?"),
                          translate("DialogPrompts", "A show is running on {running}: open {other} now?")
                          .format(running=running.name, other=other.name),
                          QMessageBox.StandardButton.NoButton, self.parent)
        box.setInformativeText(translate("DialogPrompts", "The displays will show the new event. This show's record "
                                                          "is kept and can be resumed from File > Recent agendas."))
        box.setStyleSheet(OVER_OPERATOR_STYLE)
        open_it = box.addButton(translate("DialogPrompts", "Open {name}").format(name=other.name),
                                QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(translate("DialogPrompts", "Keep the show"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # a stray Enter must not switch the displays
        box.setEscapeButton(keep)
        carry_show_keys(box, self.parent)
        self._wait_for(box)
        clicked: QAbstractButton | None = box.clickedButton()
        box.deleteLater()
        return clicked is open_it

    def _pick_file(self, dialog: QFileDialog) -> Path | None:
        """Qt's own picker (a system one may be modal whatever we ask), non-modal once the show runs."""
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        if self.parent is None:
            self._place(dialog)  # no show yet (the first agenda was broken): it may wait modally
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        else:
            if self._busy():
                return None
            accepted = self._wait_for(dialog) == QDialog.DialogCode.Accepted
        files = dialog.selectedFiles() if accepted else []
        dialog.deleteLater()
        return Path(files[0]) if files else None

    def open_agenda(self, start: Path) -> Path | None:
        dialog = QFileDialog(self.parent, translate("DialogPrompts", "Open agenda"), str(start),
                             translate("DialogPrompts", AGENDA_FILTER))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        return self._pick_file(dialog)

    def new_agenda(self, folder: Path) -> NewAgenda | None:
        """Non-modal over the operator window: the show goes on while the new agenda is filled in."""
        if self._busy():
            return None
        from runofshow.ui.new_agenda import NewAgendaDialog

        dialog = NewAgendaDialog(folder, self.parent)
        accepted = self._wait_for(dialog) == QDialog.DialogCode.Accepted
        details = dialog.details() if accepted else None
        dialog.deleteLater()
        return details

    def changed_on_disk(self, path: Path) -> bool:
        """Non-modal, the show keys on it: Enter keeps the app's plan, the one the displays show."""
        if self._busy():
            return True
        box = QMessageBox(self.parent)
        box.setStyleSheet(OVER_OPERATOR_STYLE)
        box.setWindowTitle(translate("DialogPrompts", "The agenda file was changed on disk"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(translate("DialogPrompts", "{name} was changed on disk (in a text editor?) while the plan was "
                                               "edited here.").format(name=path.name))
        box.setInformativeText(translate("DialogPrompts", "Keep the plan edited here (what the displays show) and "
                                                          "save it, or take the file on disk? Neither is lost: the "
                                                          "other one is kept as a copy beside {name}.")
                               .format(name=path.name))
        keep = box.addButton(translate("DialogPrompts", "Keep the plan edited here"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("DialogPrompts", "Take the file on disk"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        carry_show_keys(box, self.parent)
        self._wait_for(box)
        clicked: QAbstractButton | None = box.clickedButton()
        box.deleteLater()
        return clicked is keep or clicked is None

    def _save_as(self, title: str, file_filter: str, suffix: str, suggested: Path) -> Path | None:
        """Where to write a new file; Qt's own picker asks before it replaces one."""
        dialog = QFileDialog(self.parent, title, str(suggested.parent), file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(suffix)
        dialog.selectFile(suggested.name)
        return self._pick_file(dialog)

    def save_report(self, suggested: Path) -> Path | None:
        return self._save_as(translate("DialogPrompts", "Export report"), translate("DialogPrompts", "CSV (*.csv)"),
                             "csv", suggested)

    def save_pdf(self, suggested: Path) -> Path | None:
        return self._save_as(translate("DialogPrompts", "Export PDF"), translate("DialogPrompts", "PDF (*.pdf)"),
                             "pdf", suggested)

    def open_import(self, start: Path) -> Path | None:
        dialog = QFileDialog(self.parent, translate("DialogPrompts", "Import a programme"), str(start),
                             translate("DialogPrompts", IMPORT_FILTER))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        return self._pick_file(dialog)

    def save_import(self, suggested: Path) -> Path | None:
        return self._save_as(translate("DialogPrompts", "Save the imported agenda as"),
                             translate("DialogPrompts", "Agendas (*.yaml *.yml)"), "yaml", suggested)

    def save_csv(self, suggested: Path) -> Path | None:
        return self._save_as(translate("DialogPrompts", "Export the plan as CSV"),
                             translate("DialogPrompts", "CSV (*.csv)"), "csv", suggested)
