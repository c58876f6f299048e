"""Small widgets shared by the windows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QWidget


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


class ElidedLabel(QLabel):
    """One line that never asks for more width than it gets: cut with "…" when narrow, whole in its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(0, self.width()))
        if self.text() != shown:
            self.setText(shown)
