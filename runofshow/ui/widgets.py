"""Small widgets shared by the windows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QWidget

from runofshow.ui.glyphs import can_use_pictures, draw_line, line_origin


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


class DigitsLabel(StyledLabel):
    """The operator's big timer: one line of digits, drawn from glyph pictures once it is too big for Qt's own
    glyph cache (as the displays draw theirs, ui/glyphs.py); `picture_paints` counts those paints."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.picture_paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        text, font = self.text(), self.font()
        if not text or "\n" in text or self.textFormat() is Qt.TextFormat.RichText or self.wordWrap():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        if not can_use_pictures(painter, font.pixelSize()):
            painter.end()
            super().paintEvent(event)
            return
        # Where QLabel puts a plain line: its contents rectangle, aligned; in the colour its style sheet gives.
        origin = line_origin(font, QRectF(self.contentsRect()), int(self.alignment().value), text)
        colour = self.palette().color(self.foregroundRole()).name()
        drawn = draw_line(painter, font, colour, origin, text)
        painter.end()
        if drawn:
            self.picture_paints += 1
        else:
            super().paintEvent(event)


class ElidedLabel(QLabel):
    """One line that never asks for more width than it gets: cut with "…" when narrow, whole in its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        if text == self.full_text and self.toolTip() == text:
            return  # asked again every second with the same line: a tooltip and an elision are not free
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
