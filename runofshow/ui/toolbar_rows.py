"""The show's buttons on any laptop screen: one row when it fits, smaller buttons, then two rows.

A QToolBar that runs out of room hides its last buttons behind a small arrow at its edge: on a
1024×600 netbook Cue and Roll were gone. Here the buttons first get a smaller font and less padding,
and when even that does not fit they wrap into a second row, so every button is always on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar, QToolButton

from runofshow.ui.theme import text_font

# (font pixel size, padding) from the roomiest to the most compact; two rows use the middle one if it fits.
LEVELS = ((15, "6px 10px"), (13, "5px 7px"), (12, "4px 5px"))
SLACK = 8  # pixels kept free in a row: a style's rounding never pushes the last button behind the arrow


class ToolbarRows(QObject):
    """Two toolbars at the top of `window`; the second is shown only when the first cannot hold every button."""

    def __init__(self, window: QMainWindow, titles: tuple[str, str]) -> None:
        super().__init__(window)
        self.window = window
        self.rows: tuple[QToolBar, QToolBar] = (QToolBar(titles[0]), QToolBar(titles[1]))
        for row, name in zip(self.rows, ("showControls", "moreShowControls"), strict=True):
            row.setObjectName(name)
            row.setMovable(False)
            row.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.rows[0])
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.rows[1])
        self.rows[1].setVisible(False)
        self.entries: list[tuple[str, QAction]] = []
        self.level = 0
        self.split = 0  # how many buttons the first row holds
        self._fitted: tuple[int, tuple[str, ...]] = (0, ())  # the window's width and the texts last fitted
        window.installEventFilter(self)

    def add(self, key: str, action: QAction) -> None:
        """A button for `action`, named `key` (the style sheet and the tests find it by that name)."""
        self.entries.append((key, action))
        self.split = len(self.entries)
        self.rows[0].addAction(action)
        self._style_button(key, action)
        action.changed.connect(self.fit)  # "Roll" becomes "Roll: ON": a wider button

    def buttons(self) -> list[QToolButton]:
        found = []
        for _key, action in self.entries:
            for row in self.rows:
                button = row.widgetForAction(action)
                if isinstance(button, QToolButton):
                    found.append(button)
                    break
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """One row if it fits (the roomiest buttons that do), else two rows, each as wide as the window."""
        width = self.window.width()
        fitted = (width, tuple(action.text() for _key, action in self.entries))
        if fitted == self._fitted:
            return  # e.g. Undo enabled again: no button changed its width
        self._fitted = fitted
        for level in range(len(LEVELS)):
            self._restyle(level)
            if self._row_width(self._widths()) <= width:
                self._arrange(len(self.entries))
                return
        for level in (1, 2):
            self._restyle(level)
            widths = self._widths()
            split = len(widths)
            while split > 1 and self._row_width(widths[:split]) > width:
                split -= 1
            if self._row_width(widths[split:]) <= width or level == 2:
                self._arrange(split)
                return

    def _widths(self) -> list[int]:
        return [button.sizeHint().width() for button in self.buttons()]

    def _row_width(self, widths: list[int]) -> int:
        row = self.rows[0]
        style = row.style()
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_ToolBarItemSpacing, None, row)
        edges = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_ToolBarFrameWidth, None, row)
                     + style.pixelMetric(QStyle.PixelMetric.PM_ToolBarItemMargin, None, row))
        return sum(widths) + spacing * max(0, len(widths) - 1) + edges + SLACK

    def _restyle(self, level: int) -> None:
        if level == self.level:
            return
        self.level = level
        for row in self.rows:
            row.setStyleSheet(f"QToolButton {{ padding: {LEVELS[level][1]}; }}" if level else "")
        for button in self.buttons():
            button.setFont(text_font(LEVELS[level][0], bold=True))

    def _arrange(self, split: int) -> None:
        if split == self.split:
            return
        self.split = split
        first, second = self.rows
        first.clear()
        second.clear()
        for index, (key, action) in enumerate(self.entries):
            (first if index < split else second).addAction(action)
            self._style_button(key, action)
        second.setVisible(split < len(self.entries))

    def _style_button(self, key: str, action: QAction) -> None:
        for row in self.rows:
            button = row.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must stay GO, not "press button"
                button.setObjectName(key)
                button.setFont(text_font(LEVELS[self.level][0], bold=True))
