"""Small widgets shared by the windows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


class TypingLineEdit(QLineEdit):
    """A text field that keeps every key while it has focus: no show shortcut fires while typing.

    Qt asks the focused widget first (ShortcutOverride); accepting every key here means Space,
    letters, Backspace, + and -, and even Page Up/Down type or edit text instead of running the show.
    Escape hands the keyboard back to the show.
    """

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.clearFocus()
            window = self.window()
            if window is not None:
                window.setFocus()
            return
        super().keyPressEvent(event)


class StyledLabel(QLabel):
    """A label that changes its colour sheet only when the colour changes (restyling is costly)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._colour = ""

    def set_colour(self, colour: str) -> None:
        if colour != self._colour:
            self._colour = colour
            self.setStyleSheet(f"color: {colour};")

    def set_text_if_changed(self, text: str) -> None:
        if self.text() != text:
            self.setText(text)
