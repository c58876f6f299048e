"""The operator window: the stage manager's console for the whole show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runofshow.core.commands import DISPLAYS
from runofshow.core.show import Outcome, ShowState
from runofshow.paths import resources_dir
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.actions import SHOW_ACTIONS, ActionSpec, shortcut_text
from runofshow.ui.dialogs import ShortcutsDialog
from runofshow.ui.now_panel import NowPanel
from runofshow.ui.rundown import RundownModel, RundownView
from runofshow.ui.theme import ACCENT, CAUTION, MUTED, NOTICE, ON_ACCENT, OPERATOR_STYLE, display_name, text_font
from runofshow.ui.widgets import StyledLabel, TypingLineEdit


class FileActions(Protocol):
    """What the File menu asks of the app (opening, reloading, exporting, starting over)."""

    def open_agenda(self) -> None: ...
    def reload_agenda(self) -> None: ...
    def open_recent(self, path: Path) -> None: ...
    def recent_files(self) -> list[Path]: ...
    def export_report(self) -> None: ...
    def new_show(self) -> None: ...


def _always() -> bool:
    return True


class OperatorWindow(QMainWindow):
    """`may_quit` is asked before the window closes (File > Quit, Ctrl+Q, the close button, the app
    quitting): False keeps the window, the displays and the show as they are."""

    closing = Signal()

    def __init__(self, bridge: ShowBridge, files: FileActions, parent: QWidget | None = None, *,
                 may_quit: Callable[[], bool] = _always) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.files = files
        self.may_quit = may_quit
        self.setObjectName("operatorWindow")
        self.setWindowTitle("runofshow")
        icon = resources_dir() / "icons" / "runofshow.svg"
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.setStyleSheet(OPERATOR_STYLE)
        self.actions_by_key: dict[str, QAction] = {}

        self.now_panel = NowPanel()
        self.rundown_model = RundownModel(self)
        self.rundown = RundownView(self.rundown_model)
        self.rundown.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.rundown.doubleClicked.connect(lambda _index: self.goto_selected())

        self.notes_title = QLabel(self.tr("NOTES"))
        self.notes_title.setFont(text_font(13, bold=True))
        self.notes_title.setProperty("muted", True)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes.setFont(text_font(16))
        self.notes.setPlaceholderText(self.tr("No private notes for this slot."))

        self.message_title = QLabel(self.tr("MESSAGE TO THE STAGE  (M to type, Enter to send, Esc to leave)"))
        self.message_title.setFont(text_font(13, bold=True))
        self.message_title.setProperty("muted", True)
        self.message_title.setWordWrap(True)
        self.message_edit = TypingLineEdit()
        self.message_edit.setFont(text_font(18))
        self.message_edit.setPlaceholderText(self.tr("e.g. Please wrap up"))
        self.message_edit.setMaxLength(280)
        self.message_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # typing starts only on M or a click
        self.message_edit.returnPressed.connect(lambda: self.send_message(flash=False))
        send = QPushButton(self.tr("Send"))
        send.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        send.clicked.connect(lambda: self.send_message(flash=False))
        send_flash = QPushButton(self.tr("Send + flash"))
        send_flash.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        send_flash.clicked.connect(lambda: self.send_message(flash=True))
        clear = QPushButton(self.tr("Clear"))
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(lambda: self.run_action("clear_message"))

        side = QFrame()
        side.setObjectName("panel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(14, 12, 14, 12)
        side_layout.addWidget(self.notes_title)
        side_layout.addWidget(self.notes, 1)
        side_layout.addWidget(self.message_title)
        side_layout.addWidget(self.message_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(send)
        buttons.addWidget(send_flash)
        buttons.addWidget(clear)
        side_layout.addLayout(buttons)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.now_panel, 3)
        top_layout.addWidget(side, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.rundown)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        root = QWidget()
        root.setObjectName("operatorRoot")
        root_layout = QVBoxLayout(root)
        root_layout.setContentsMargins(8, 8, 8, 8)
        root_layout.addWidget(splitter)
        self.setCentralWidget(root)

        self.last_command = StyledLabel(self.tr("Ready. Press Space (GO) to start the show.")
                                        if bridge.state.phase.value == "pre-show" else
                                        self.tr("Last: {command}").format(command=bridge.state.last_command))
        self.journal_trouble = QLabel()
        self.journal_trouble.setObjectName("journalTrouble")
        self.journal_trouble.setVisible(False)
        self._journal_error = ""
        self.mode_banner = QLabel()
        self.mode_banner.setObjectName("modeBanner")
        self.mode_banner.setStyleSheet(f"color: {ON_ACCENT}; background: {ACCENT}; font-weight: bold; "
                                       "padding: 2px 8px;")
        self.mode_banner.setVisible(False)
        self.statusBar().addWidget(self.last_command, 1)
        self.statusBar().addPermanentWidget(self.journal_trouble)
        self.statusBar().addPermanentWidget(self.mode_banner)

        self._build_actions()
        self._build_menus()
        bridge.changed.connect(self.show_state)
        bridge.command_done.connect(self.show_outcome)
        bridge.journal_trouble.connect(self.show_journal_trouble)
        self.show_state(bridge.state)
        self.show_journal_trouble(bridge.journal_health.error)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- building -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.toolbar = QToolBar(self.tr("Show controls"))
        self.toolbar.setObjectName("showControls")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        for spec in SHOW_ACTIONS:
            action = QAction(spec.label(), self)
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(self.tr("{tip} ({keys})").format(tip=spec.tooltip(), keys=shortcut_text(spec)))
            action.setStatusTip(spec.tooltip())
            action.triggered.connect(lambda _checked=False, key=spec.key: self.run_action(key))
            self.addAction(action)
            self.actions_by_key[spec.key] = action
            if spec.toolbar:
                self.toolbar.addAction(action)
                button = self.toolbar.widgetForAction(action)
                if isinstance(button, QToolButton):
                    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must stay GO, not "press button"
                    button.setObjectName(spec.key)
                    button.setFont(text_font(15, bold=True))

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self._add(file_menu, self.tr("Open agenda…"), "Ctrl+O", self.files.open_agenda)
        self._add(file_menu, self.tr("Reload agenda"), "Ctrl+R", self.files.reload_agenda)
        self.recent_menu = file_menu.addMenu(self.tr("Recent agendas"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("Export report…"), "Ctrl+E", self.files.export_report)
        self._add(file_menu, self.tr("New show on this agenda…"), "Ctrl+N", self.files.new_show)
        file_menu.addSeparator()
        self.quit_action = self._add(file_menu, self.tr("Quit"), "Ctrl+Q", self.close)
        self.show_menu = show_menu = menu.addMenu(self.tr("&Show"))
        for spec in SHOW_ACTIONS:
            show_menu.addAction(self.actions_by_key[spec.key])
        blackout_menu = show_menu.addMenu(self.tr("Blackout one display"))
        self.blackout_actions: dict[str, QAction] = {}
        for display in DISPLAYS:
            action = blackout_menu.addAction(display_name(display))
            action.setCheckable(True)
            action.triggered.connect(lambda checked, d=display: self.bridge.run("blackout", {"display": d,
                                                                                           "on": checked}))
            self.blackout_actions[display] = action
        self.displays_menu = menu.addMenu(self.tr("&Displays"))
        help_menu = menu.addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("Shortcuts"), "F1", self.show_shortcuts)

    def _add(self, menu: QMenu, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        menu.addAction(action)
        self.addAction(action)
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.files.recent_files()
        if not recent:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.files.open_recent(p))

    # -- commands -------------------------------------------------------------------------------

    def spec(self, key: str) -> ActionSpec:
        return next(spec for spec in SHOW_ACTIONS if spec.key == key)

    def run_action(self, key: str) -> None:
        """Every button, key and menu entry of the show ends here, and goes to the bridge."""
        if key == "message":
            self.message_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.message_edit.selectAll()
            return
        if key == "goto":
            self.goto_selected()
            return
        spec = self.spec(key)
        if spec.command is None:
            return
        name, args = spec.command(self.bridge.state)
        self.bridge.run(name, args)

    def goto_selected(self) -> None:
        slot = self.rundown.selected_slot()
        if slot is None:
            self.last_command.set_colour(CAUTION)
            self.last_command.setText(self.tr("Select a slot in the rundown first, then press G"))
            return
        self.bridge.run("goto", {"slot": slot.id})

    def send_message(self, flash: bool) -> None:
        text = self.message_edit.text()
        outcome = self.bridge.run("message", {"text": text, "flash": flash})
        if outcome.accepted:
            self.message_edit.clear()
            self.message_edit.clearFocus()
            self.setFocus()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    # -- drawing --------------------------------------------------------------------------------

    def show_state(self, state: ShowState) -> None:
        if self._journal_error:
            self._show_record_health()
        self.now_panel.update_state(state)
        self.rundown_model.update(state)
        self.rundown.follow(state)
        notes = state.current.notes if state.current else (state.next.notes if state.next else "")
        if self.notes.toPlainText() != notes:
            self.notes.setPlainText(notes)
        title = state.current.title if state.current else state.event.title
        self.setWindowTitle(self.tr("runofshow — {title}").format(title=title))
        pause = self.actions_by_key["pause"]
        pause.setText(self.tr("Resume") if state.phase.value == "paused" else self.tr("Pause"))
        roll = self.actions_by_key["roll"]
        roll.setText(self.tr("Roll: ON") if state.roll else self.tr("Roll"))
        self.actions_by_key["blackout"].setText(self.tr("Unblack") if state.blackout else self.tr("Blackout"))
        for display, action in self.blackout_actions.items():
            action.setChecked(display in state.blackout)
        self.actions_by_key["undo"].setEnabled(state.can_undo)

    def show_outcome(self, outcome: Outcome) -> None:
        if outcome.accepted:
            self.last_command.set_colour(MUTED)
            self.last_command.setText(self.tr("Last: {command}").format(command=outcome.message))
        else:
            self.last_command.set_colour(CAUTION)
            self.last_command.setText(self.tr("Not done: {reason}").format(reason=outcome.message))

    def show_journal_trouble(self, error: str) -> None:
        self._journal_error = error
        self._show_record_health()

    def _show_record_health(self) -> None:
        error = self._journal_error
        self.journal_trouble.setVisible(bool(error))
        unsaved = self.bridge.journal_health.unsaved if error else 0
        if not error:
            text = ""
        elif unsaved:
            text = self.tr("⚠ RECORD NOT SAVED — {unsaved} not yet written: {error}").format(unsaved=unsaved,
                                                                                          error=error)
        else:
            text = self.tr("⚠ RECORD NOT SAVED: {error}").format(error=error)
        self.journal_trouble.setText(text)
        self.journal_trouble.setToolTip(self.tr("The show goes on. What it did since is kept in memory, in order, and "
                                                "written as soon as the disk takes it; until then a crash would lose "
                                                "it. Free disk space or check the state directory."))

    def set_mode_banner(self, text: str) -> None:
        """A permanent marker such as REHEARSAL, so nobody mistakes a rehearsal for the show."""
        self.mode_banner.setText(text)
        self.mode_banner.setVisible(bool(text))

    def show_notice(self, text: str) -> None:
        """A line in the status bar from the app (an agenda reload, a restore)."""
        self.last_command.set_colour(NOTICE)
        self.last_command.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.may_quit():
            event.ignore()  # declined: everything stays as it was
            return
        self.closing.emit()
        super().closeEvent(event)
