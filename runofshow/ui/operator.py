"""The operator window: the stage manager's console for the whole show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from runofshow.core.commands import DISPLAYS
from runofshow.core.messages import MAX_PRESETS
from runofshow.core.show import Outcome, ShowState
from runofshow.core.standing import Standing
from runofshow.paths import resources_dir
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.actions import RUNDOWN_KEYS, SHOW_ACTIONS, ActionSpec, shortcut_text
from runofshow.ui.crew_columns import CrewColumnChoice
from runofshow.ui.dialogs import DialogPrompts, ShortcutsDialog, carry_show_keys
from runofshow.ui.message_panel import MessagePanel
from runofshow.ui.now_panel import NowPanel
from runofshow.ui.operator_layout import ShowSplitter, SidePanel, scrolling
from runofshow.ui.pair_banner import PairBanner
from runofshow.ui.problems_panel import ProblemsPanel
from runofshow.ui.rundown import RundownModel, RundownView
from runofshow.ui.rundown_editing import RundownEditing
from runofshow.ui.theme import ACCENT, CAUTION, MUTED, NOTICE, ON_ACCENT, OPERATOR_STYLE, display_name, text_font
from runofshow.ui.thumbnails import ThumbnailStrip
from runofshow.ui.toolbar_rows import ToolbarRows
from runofshow.ui.widgets import StyledLabel


class FileActions(Protocol):
    """What the File menu asks of the app (opening, reloading, exporting, starting over)."""

    def open_agenda(self) -> None: ...
    def reload_agenda(self) -> None: ...
    def open_recent(self, path: Path) -> None: ...
    def recent_files(self) -> list[Path]: ...
    def export_report(self) -> None: ...
    def print_rundown(self) -> None: ...
    def export_pdf(self) -> None: ...
    def new_show(self) -> None: ...
    def new_agenda(self) -> None: ...
    def import_programme(self) -> None: ...
    def export_csv(self) -> None: ...


def _always() -> bool:
    return True


class OperatorWindow(QMainWindow):
    """`may_quit` is asked before the window closes (File > Quit, Ctrl+Q, the close button, the app
    quitting): False keeps the window, the displays and the show as they are."""

    closing = Signal()

    def __init__(self, bridge: ShowBridge, files: FileActions, parent: QWidget | None = None, *,
                 may_quit: Callable[[], bool] = _always, settings: QSettings | None = None) -> None:
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
        self._shortcuts: ShortcutsDialog | None = None  # Help > Shortcuts, made on first use

        self.now_panel = NowPanel()
        self.rundown_model = RundownModel(self)
        self.crew_columns = CrewColumnChoice(settings, self)  # which crew columns the rundown shows
        self.rundown = RundownView(self.rundown_model, crew=self.crew_columns)
        self.rundown.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.rundown.doubleClicked.connect(lambda _index: self.goto_selected())
        self.rundown_editing = RundownEditing(bridge, self.rundown_model, self.rundown, self._say, self)

        self.notes_title = QLabel(self.tr("NOTES"))
        self.notes_title.setFont(text_font(13, bold=True))
        self.notes_title.setProperty("muted", True)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes.setFont(text_font(16))
        self.notes.setPlaceholderText(self.tr("No private notes for this slot."))

        # The message section: typing for the stage or the moderator, both current messages, the presets.
        self.message_panel = MessagePanel(bridge)
        self.message_title = self.message_panel.title
        self.message_edit = self.message_panel.edit
        self.message_panel.sent.connect(self._message_sent)
        self.message_panel.presets_changed.connect(self._label_presets)

        side = SidePanel()  # never shorter than its wrapped lines: the message section is never squeezed
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(14, 12, 14, 12)
        side_layout.addWidget(self.notes_title)
        side_layout.addWidget(self.notes, 1)
        self.notes.setMinimumHeight(2 * self.notes.fontMetrics().lineSpacing() + 16)  # two lines on a small screen
        # What the room sees: the projector, stage and moderator, small (folded away from the Displays menu).
        self.thumbnails = ThumbnailStrip(bridge)
        side_layout.addWidget(self.thumbnails)
        side_layout.addWidget(self.message_panel)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.now_panel, 3)
        top_layout.addWidget(side, 2)
        # The rundown keeps room for its rows; the top what the now panel and the side panel need first.
        splitter = ShowSplitter(top, self.rundown, lambda: max(self.now_panel.full_height, side.minimumHeight()))
        # A broken agenda during the show is listed here, above the rundown: never a box that takes the keys.
        self.problems_panel = ProblemsPanel()
        splitter.insertWidget(splitter.indexOf(self.rundown), self.problems_panel)
        splitter.setCollapsible(splitter.indexOf(self.problems_panel), False)
        root = QWidget()
        root.setObjectName("operatorRoot")
        root_layout = QVBoxLayout(root)
        root_layout.setContentsMargins(8, 8, 8, 8)
        # Above everything, full width: a backup laptop says so before anything else (ui/pair_banner.py).
        # Its question opens over this window and leaves the show keys working (app.py may hand it its prompts).
        self.pair_banner = PairBanner(bridge, DialogPrompts(self).confirm)
        root_layout.addWidget(self.pair_banner)
        root_layout.addWidget(splitter)
        self.setCentralWidget(scrolling(root))  # scrolls only on a screen too small for it (800×480)

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
        self._standing_note = ""
        bridge.standing_changed.connect(self.show_standing)
        self.show_standing(bridge.standing)
        self.show_state(bridge.state)
        self.show_journal_trouble(bridge.journal_health.error)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- building -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        # One row of buttons when the window is wide enough; smaller, then two rows on a small screen.
        self.toolbar_rows = ToolbarRows(self, (self.tr("Show controls"), self.tr("More show controls")))
        self.toolbar = self.toolbar_rows.rows[0]
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
                self.toolbar_rows.add(spec.key, action)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self._add(file_menu, self.tr("New agenda…"), "", self.files.new_agenda)  # no key: not a show-day action
        self._add(file_menu, self.tr("Open agenda…"), "Ctrl+O", self.files.open_agenda)
        self._add(file_menu, self.tr("Import…"), "", self.files.import_programme)  # a programme, CSV or XLSX
        self._add(file_menu, self.tr("Reload agenda"), "Ctrl+R", self.files.reload_agenda)
        self.recent_menu = file_menu.addMenu(self.tr("Recent agendas"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("Export report…"), "Ctrl+E", self.files.export_report)
        self._add(file_menu, self.tr("Print…"), "Ctrl+P", self.files.print_rundown)  # the rundown, crew columns too
        self._add(file_menu, self.tr("Export PDF…"), "", self.files.export_pdf)  # the same, as a file
        self._add(file_menu, self.tr("Export CSV…"), "", self.files.export_csv)  # the plan, every crew column
        self._add(file_menu, self.tr("New show on this agenda…"), "Ctrl+N", self.files.new_show)
        file_menu.addSeparator()
        self.quit_action = self._add(file_menu, self.tr("Quit"), "Ctrl+Q", self.close)
        self.show_menu = show_menu = menu.addMenu(self.tr("&Show"))
        self.presets_menu = QMenu(self.tr("Send a preset message"), self)
        self.rundown_menu = QMenu(self.tr("&Rundown"), self)
        for spec in SHOW_ACTIONS:
            menu_for = self.presets_menu if spec.key.startswith("preset_") else show_menu
            menu_for = self.rundown_menu if spec.key in RUNDOWN_KEYS else menu_for
            menu_for.addAction(self.actions_by_key[spec.key])
        show_menu.addMenu(self.presets_menu)
        blackout_menu = show_menu.addMenu(self.tr("Blackout one display"))
        self.blackout_actions: dict[str, QAction] = {}
        for display in DISPLAYS:
            action = blackout_menu.addAction(display_name(display))
            action.setCheckable(True)
            action.triggered.connect(lambda checked, d=display: self.bridge.run("blackout", {"display": d,
                                                                                           "on": checked}))
            self.blackout_actions[display] = action
        for key in ("blackout_projector", "holding"):  # toggles: the Show menu ticks them while on
            self.actions_by_key[key].setCheckable(True)
        self.rundown_menu.addSeparator()
        self.crew_menu = self.crew_columns.menu(self.tr("Crew columns"), self)
        self.rundown_menu.addMenu(self.crew_menu)
        menu.addMenu(self.rundown_menu)
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
        if key == "take_over":
            self.pair_banner.take_over()  # asks first while the primary still answers
            return
        if key == "goto":
            self.goto_selected()
            return
        if key.startswith("preset_"):
            self.send_preset(int(key.removeprefix("preset_")))
            return
        if key in RUNDOWN_KEYS:
            self.rundown_editing.run(key)
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
        self.message_panel.send_typed(flash)

    def _message_sent(self) -> None:
        self.message_edit.clearFocus()  # sent: the keys run the show again
        self.setFocus()

    def _label_presets(self) -> None:
        """The Show menu's preset entries read as what they send."""
        for number in range(1, MAX_PRESETS + 1):
            text = self.message_panel.preset(number)
            action = self.actions_by_key[f"preset_{number}"]
            action.setText(self.tr("{number}: {message}").format(number=number, message=text) if text
                           else self.spec(f"preset_{number}").label())

    def send_preset(self, number: int) -> None:
        if not self.message_panel.send_preset(number):
            self.last_command.set_colour(CAUTION)
            self.last_command.setText(self.tr("No preset {number}: add `messages:` to the agenda, or use Show > "
                                              "Message presets…").format(number=number))

    def show_shortcuts(self) -> None:
        # Non-modal, with the show keys on it too: the sheet never stands between the operator and GO.
        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(self)
            carry_show_keys(self._shortcuts, self)
        self._shortcuts.show()
        self._shortcuts.raise_()
        self._shortcuts.activateWindow()

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
        # The button says what B does: with one display black (Shift+B) it blacks out all of them.
        all_black = len(state.blackout) == len(DISPLAYS)
        self.actions_by_key["blackout"].setText(self.tr("Unblack") if all_black else self.tr("Blackout"))
        for display, action in self.blackout_actions.items():
            action.setChecked(display in state.blackout)
        self.actions_by_key["blackout_projector"].setChecked("projector" in state.blackout)
        self.actions_by_key["holding"].setChecked(state.holding)
        self.actions_by_key["undo"].setEnabled(state.can_undo)
        self.message_panel.show_state(state)

    def show_outcome(self, outcome: Outcome) -> None:
        if outcome.accepted:
            self.last_command.set_colour(MUTED)
            self.last_command.setText(self.tr("Last: {command}").format(command=outcome.message))
        else:
            self.last_command.set_colour(CAUTION)
            self.last_command.setText(self.tr("Not done: {reason}").format(reason=outcome.message))

    def _say(self, text: str, refused: bool) -> None:
        """A line from the rundown's editing: why an edit was not done, or how to undo one."""
        self.last_command.set_colour(CAUTION if refused else MUTED)
        self.last_command.setText(text)

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

    def show_standing(self, standing: Standing) -> None:
        """The last take-over or step-down, once, on the status line (the pair banner shows the rest)."""
        if standing.note and standing.note != self._standing_note:
            self.show_notice(standing.note)
        self._standing_note = standing.note

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
