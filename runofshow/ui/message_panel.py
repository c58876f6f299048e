"""The operator window's message section: type a message for the stage or the moderator, see both current
messages with their pins, and the preset messages on keys 1-9.

Every button ends in a command of the table (`message`, `clear_message`, `pin_message`) on the bridge,
as a key, HTTP or OSC would. The panel only draws snapshots and the presets it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from runofshow.core.live import MAX_MESSAGE
from runofshow.core.messages import MAX_PRESETS
from runofshow.core.show import ShowState
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.theme import ACCENT, MUTED, ON_ACCENT, text_font
from runofshow.ui.widgets import StyledLabel, TypingLineEdit

# Checked in the accent colour, not in bold: a bolder text would no longer fit the button made for it.
DISABLED_STYLE = "QPushButton:disabled { color: #56607a; }"  # nothing to pin or clear: greyed out
PIN_STYLE = f"QPushButton:checked {{ background: {ACCENT}; color: {ON_ACCENT}; }}" + DISABLED_STYLE
TARGET_STYLE = f"QPushButton:checked {{ background: {ACCENT}; color: {ON_ACCENT}; }}"
PRESET_STYLE = "QPushButton { text-align: left; padding: 3px 6px; }"
COMPACT_BELOW = 700  # window height in pixels under which the section keeps to its essentials
PRESETS_BELOW = 560  # and under which the presets are left to their keys and the Show menu
PRESET_PADDING = 14  # pixels of a preset button's width that its padding takes


def merged_presets(from_agenda: tuple[str, ...], from_settings: list[str]) -> tuple[str, ...]:
    """The agenda's presets, then the settings' ones, each once, at most nine (keys 1-9)."""
    merged: list[str] = []
    for preset in (*from_agenda, *from_settings):
        text = " ".join(preset.split())
        if text and len(text) <= MAX_MESSAGE and text not in merged:
            merged.append(text)
    return tuple(merged[:MAX_PRESETS])


class ElidedLabel(StyledLabel):
    """One line that ends in "…" when the panel is narrow, the whole text in its tooltip: a long message
    never pushes the buttons beside it out of the window, nor takes a second line on a small screen."""

    def __init__(self) -> None:
        super().__init__()
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        if text != self.full_text:
            self.full_text = text
            self.setToolTip(text)
            self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.set_text_if_changed(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                               max(self.width(), 1)))


class PresetButton(QPushButton):
    """A preset's number and text, cut with "…" to the button's width (the whole text in its tooltip)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.full_text = text
        self.setToolTip(text)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(PRESET_STYLE)
        self.setFont(text_font(12))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                              max(self.width() - PRESET_PADDING, 1))
        if self.text() != shown:
            self.setText(shown)


def _button(text: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must stay GO, not "press the button"
    if tip:
        button.setToolTip(tip)
    return button


class _CurrentMessage(QWidget):
    """One current message (stage or moderator): its text, a Pin toggle and Clear."""

    def __init__(self, bridge: ShowBridge, to: str, label: str) -> None:
        super().__init__()
        self.bridge, self.to = bridge, to
        self.message = ""
        self.pinned = False
        self.label = label
        self.text = ElidedLabel()
        self.text.setFont(text_font(14))
        self.pin = _button(self.tr("Pin"), self.tr("Pinned, the message stays through slot changes until "
                                                   "cleared; unpinned, it goes when the show moves on"))
        self.pin.setObjectName(f"pin_{to}")
        self.pin.setCheckable(True)
        self.pin.setStyleSheet(PIN_STYLE)
        self.pin.clicked.connect(self._pin_clicked)
        self.clear = _button(self.tr("Clear"))
        self.clear.setObjectName(f"clear_{to}")
        self.clear.setStyleSheet(DISABLED_STYLE)
        self.clear.clicked.connect(lambda: self.bridge.run("clear_message", {"to": self.to}))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.pin)
        row.addWidget(self.clear)

    def _pin_clicked(self, checked: bool) -> None:
        self.bridge.run("pin_message", {"on": checked, "to": self.to})
        self.pin.setChecked(self.pinned)  # what the show says, even when the command was refused

    def show_message(self, text: str, pinned: bool) -> None:
        self.message, self.pinned = text, pinned
        if text:
            shown = (self.tr("{where} (pinned): {message}") if pinned else self.tr("{where}: {message}"))
            self.text.set_colour(ACCENT)
        else:
            shown = self.tr("{where}: no message")
            self.text.set_colour(MUTED)
        self.text.set_full_text(shown.format(where=self.label, message=text))
        self.pin.setEnabled(bool(text))
        self.pin.setChecked(pinned)
        self.pin.setText(self.tr("Pinned") if pinned else self.tr("Pin"))
        self.clear.setEnabled(bool(text))


class MessagePanel(QWidget):
    """Typing and sending, the two current messages, and the presets. `sent` says a typed message went out."""

    sent = Signal()
    presets_changed = Signal()

    def __init__(self, bridge: ShowBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._settings_presets: list[str] = []
        self._presets: tuple[str, ...] = ()
        self._agenda_presets: tuple[str, ...] | None = None
        self._watched: QWidget | None = None  # the window whose height decides `compact`
        self.compact = False
        self.presets_shown = True

        self.title = QLabel(self.tr("MESSAGE  (M to type, Esc to leave)"))
        self.title.setFont(text_font(13, bold=True))
        self.title.setProperty("muted", True)
        self.title.setToolTip(self.tr("M to type, Enter to send, Esc to leave; keys 1-9 send a preset"))

        self.to_stage = _button(self.tr("Stage"), self.tr("To the speaker's display (and every view that "
                                                           "shows the stage message)"))
        self.to_moderator = _button(self.tr("Moderator"), self.tr("To the moderator's display and the "
                                                                   "/moderator page only"))
        self.targets = QButtonGroup(self)
        for button in (self.to_stage, self.to_moderator):
            button.setCheckable(True)
            button.setStyleSheet(TARGET_STYLE)
            self.targets.addButton(button)
        self.to_stage.setChecked(True)
        self.targets.buttonToggled.connect(lambda _button, _checked: self._target_changed())

        self.edit = TypingLineEdit()
        self.edit.setFont(text_font(18))
        self.edit.setPlaceholderText(self.tr("e.g. Please wrap up"))
        self.edit.setMaxLength(MAX_MESSAGE)
        self.edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # typing starts only on M or a click
        self.edit.returnPressed.connect(lambda: self.send_typed(flash=False))
        self.send = _button(self.tr("Send"))
        self.send.clicked.connect(lambda: self.send_typed(flash=False))
        self.send_flash = _button(self.tr("Send + flash"))
        self.send_flash.clicked.connect(lambda: self.send_typed(flash=True))
        self.send_pinned = _button(self.tr("Send pinned"), self.tr("Send it pinned: it stays through slot "
                                                                  "changes until cleared"))
        self.send_pinned.clicked.connect(lambda: self.send_typed(flash=False, pin=True))

        self.stage = _CurrentMessage(bridge, "stage", self.tr("Stage"))
        self.moderator = _CurrentMessage(bridge, "moderator", self.tr("Moderator"))

        self.preset_buttons: list[PresetButton] = []
        self.presets_grid = QGridLayout()
        self.presets_grid.setContentsMargins(0, 0, 0, 0)
        self.presets_grid.setSpacing(4)
        self.no_presets = ElidedLabel()
        self.no_presets.set_colour(MUTED)
        self.no_presets.setFont(text_font(12))
        self.no_presets.set_full_text(self.tr("Keys 1-9: no presets yet (the agenda's `messages:`, or Show > "
                                              "Message presets…)"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.heading = QHBoxLayout()  # the title and where the typed message goes, on one line
        self.heading.addWidget(self.title, 1)
        self.heading.addWidget(self.to_stage)
        self.heading.addWidget(self.to_moderator)
        layout.addLayout(self.heading)
        layout.addWidget(self.edit)
        self.sends = QHBoxLayout()
        for button in (self.send, self.send_flash, self.send_pinned):
            self.sends.addWidget(button)
        layout.addLayout(self.sends)
        layout.addWidget(self.stage)
        layout.addWidget(self.moderator)
        layout.addLayout(self.presets_grid)
        layout.addWidget(self.no_presets)

    # -- a short window ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._watched:
            self._watched = window
            window.installEventFilter(self)
        self._fit_height(window.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self._fit_height(self._watched.height())
        return False

    def _fit_height(self, height: int) -> None:
        self.set_compact(height < COMPACT_BELOW, presets=height >= PRESETS_BELOW)

    def set_compact(self, on: bool, presets: bool = True) -> None:
        """On a short screen: the targets beside Send, no title, no "Send pinned" (the Pin toggle does it
        after sending), no empty current message, the presets on one line; on a very short one the presets
        only on their keys and in Show > Send a preset message. The timer and the rundown keep their room."""
        if (on, presets) == (self.compact, self.presets_shown):
            return
        was_compact = self.compact
        self.compact, self.presets_shown = on, presets
        self._place_presets()
        if on == was_compact:
            self._show_rows()
            return
        for button in (self.to_stage, self.to_moderator):
            (self.heading if on else self.sends).removeWidget(button)
        if on:
            self.sends.insertWidget(0, self.to_stage)
            self.sends.insertWidget(1, self.to_moderator)
        else:
            self.heading.addWidget(self.to_stage)
            self.heading.addWidget(self.to_moderator)
        self.title.setVisible(not on)
        self.send_pinned.setVisible(not on)
        self._show_rows()

    def _show_rows(self) -> None:
        for row in (self.stage, self.moderator):
            row.setVisible(not self.compact or bool(row.message))
        for button in self.preset_buttons:
            button.setVisible(self.presets_shown)
        self.no_presets.setVisible(self.presets_shown and not self.compact and not self._presets)

    def _place_presets(self) -> None:
        """Three to a line, or all on one line in a compact section."""
        columns = max(len(self.preset_buttons), 1) if self.compact else 3
        for index, button in enumerate(self.preset_buttons):
            self.presets_grid.removeWidget(button)
            self.presets_grid.addWidget(button, index // columns, index % columns)

    # -- sending ----------------------------------------------------------------------------------

    @property
    def target(self) -> str:
        return "moderator" if self.to_moderator.isChecked() else "stage"

    def _target_changed(self) -> None:
        self.send_flash.setEnabled(self.target == "stage")  # only the stage display flashes

    def send_typed(self, flash: bool, pin: bool = False) -> None:
        args: dict[str, object] = {"text": self.edit.text(), "to": self.target}
        if flash:
            args["flash"] = True
        if pin:
            args["pin"] = True
        if self.bridge.run("message", args).accepted:
            self.edit.clear()
            self.sent.emit()

    # -- presets ----------------------------------------------------------------------------------

    @property
    def presets(self) -> tuple[str, ...]:
        """The presets in key order: the agenda's first, then the app's own."""
        return self._presets

    def set_settings_presets(self, presets: list[str]) -> None:
        self._settings_presets = list(presets)
        self._update_presets(self.bridge.state.message_presets)

    def preset(self, number: int) -> str | None:
        """The text of preset `number` (1-9), or None when there is none."""
        return self._presets[number - 1] if 1 <= number <= len(self._presets) else None

    def send_preset(self, number: int) -> bool:
        """Preset `number` to the stage. False when there is no such preset."""
        text = self.preset(number)
        if text is None:
            return False
        self.bridge.run("message", {"text": text})
        return True

    def _update_presets(self, from_agenda: tuple[str, ...]) -> None:
        self._agenda_presets = from_agenda
        presets = merged_presets(from_agenda, self._settings_presets)
        if presets == self._presets and len(self.preset_buttons) == len(presets):
            return
        self._presets = presets
        for button in self.preset_buttons:
            self.presets_grid.removeWidget(button)
            button.deleteLater()
        self.preset_buttons = []
        for index, text in enumerate(presets):
            button = PresetButton(self.tr("{number}  {message}").format(number=index + 1, message=text))
            button.setToolTip(self.tr("Key {number} sends this to the stage: {message}").format(
                number=index + 1, message=text))
            button.setObjectName(f"preset_{index + 1}")
            button.clicked.connect(lambda _checked=False, n=index + 1: self.send_preset(n))
            self.preset_buttons.append(button)
        self._place_presets()
        self._show_rows()
        self.presets_changed.emit()

    # -- drawing ----------------------------------------------------------------------------------

    def show_state(self, state: ShowState) -> None:
        self.stage.show_message(state.message, state.message_pinned)
        self.moderator.show_message(state.moderator_message, state.moderator_message_pinned)
        if self.compact:
            self._show_rows()
        if state.message_presets != self._agenda_presets:
            self._update_presets(state.message_presets)
