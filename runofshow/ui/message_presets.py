"""The app's own preset messages (kept in the settings, for every show) and Show > Message presets…

The agenda's `messages:` come first on keys 1-9, these after them: the house's standing lines ("Mic
check", "Please wrap up") need no agenda, and a show's own lines travel with its file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QPlainTextEdit, QVBoxLayout, QWidget

from runofshow.core.live import MAX_MESSAGE
from runofshow.core.messages import MAX_PRESETS
from runofshow.qt.settings import read_strings
from runofshow.ui.theme import OPERATOR_STYLE, text_font

SETTING = "messages/presets"


def cleaned(lines: list[str]) -> list[str]:
    """One preset a line: white space collapsed, empty lines and repeats left out, cut to the stage's length."""
    kept: list[str] = []
    for line in lines:
        text = " ".join(line.split())[:MAX_MESSAGE]
        if text and text not in kept:
            kept.append(text)
    return kept[:MAX_PRESETS]


class PresetsEditor(QDialog):
    """A small window, not modal: the show keeps running (and its keys keep working) while it is open."""

    saved = Signal(list)

    def __init__(self, presets: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Message presets"))
        self.setModal(False)
        self.setStyleSheet(OPERATOR_STYLE)
        intro = QLabel(self.tr("One message a line, at most {count}. They come after the agenda's own "
                               "`messages:` on keys 1-9, for every show on this computer.").format(count=MAX_PRESETS))
        intro.setWordWrap(True)
        self.edit = QPlainTextEdit("\n".join(presets))
        self.edit.setFont(text_font(15))
        self.edit.setPlaceholderText(self.tr("Please wrap up\nMic check\n5 minutes left"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(460, 320)

    def save(self) -> None:
        presets = cleaned(self.edit.toPlainText().splitlines())
        self.edit.setPlainText("\n".join(presets))
        self.saved.emit(presets)


class MessagePresets(QObject):
    """Reads and keeps the app's presets, and puts "Message presets…" in the Show menu."""

    changed = Signal(list)

    def __init__(self, settings: QSettings, menu: QMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.editor: PresetsEditor | None = None
        self.action = menu.addAction(self.tr("Message presets…"))
        self.action.triggered.connect(self.edit)

    @property
    def presets(self) -> list[str]:
        return cleaned(read_strings(self.settings, SETTING))

    def set(self, presets: list[str]) -> None:
        presets = cleaned(presets)
        self.settings.setValue(SETTING, presets)
        self.changed.emit(presets)

    def edit(self) -> None:
        if self.editor is None:
            parent = self.parent()
            self.editor = PresetsEditor(self.presets, parent if isinstance(parent, QWidget) else None)
            self.editor.saved.connect(self.set)
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()
