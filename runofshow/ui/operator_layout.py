"""How the operator window shares its room, from a 800×480 netbook to a 1920×1080 screen.

Qt's layouts count a wrapped line as one line when they work out how small a panel may get, so on a
small screen a panel could be squeezed until its lines lay on top of one another. The pieces here
count the wrapped lines: the side panel never gets smaller than its lines at its width, the rundown
keeps room for its rows, and when even that is more than the screen has (800×480) the window scrolls
instead of overlapping.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QTableView, QWidget

MIN_RUNDOWN_ROWS = 3  # the current slot and the two around it, at least


def needed_height(widget: QWidget, width: int) -> int:
    """The least height `widget` takes at `width` without cutting a line: wrapped lines counted."""
    if widget.hasHeightForWidth():
        wrapped = widget.heightForWidth(width)
        if wrapped >= 0:
            return max(wrapped, widget.minimumHeight())
    return max(widget.minimumSizeHint().height(), widget.minimumHeight())


class SidePanel(QFrame):
    """The panel beside the now panel (notes, the thumbnails, the message section): never shorter than
    what its widgets need at its width, so the message field and its buttons are never squeezed away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        inner = self.width() - margins.left() - margins.right()
        items = [layout.itemAt(i) for i in range(layout.count())]
        shown = [item.widget() for item in items if item is not None]
        heights = [needed_height(widget, inner) for widget in shown if widget is not None and not widget.isHidden()]
        least = margins.top() + margins.bottom() + sum(heights) + layout.spacing() * max(0, len(heights) - 1)
        if least != self.minimumHeight():
            self.setMinimumHeight(least)


class ShowSplitter(QSplitter):
    """The top of the window (now panel, side panel) over the rundown.

    Until the operator drags the handle, every resize gives the rundown room for its rows (its size
    hint: the whole programme up to a dozen slots), never fewer than MIN_RUNDOWN_ROWS, and the top the
    rest; what the top needs (`top_wants`) comes first on a small screen.
    """

    def __init__(self, top: QWidget, rundown: QTableView, top_wants: Callable[[], int]) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.top = top
        self.rundown = rundown
        self.top_wants = top_wants
        self.dragged = False
        self.addWidget(top)
        self.addWidget(rundown)
        self.setChildrenCollapsible(False)
        self.splitterMoved.connect(self._dragged)
        rundown.setMinimumHeight(self.rundown_least())

    def _dragged(self, _position: int, _index: int) -> None:
        self.dragged = True  # the operator's choice stands from now on

    def rundown_least(self) -> int:
        view = self.rundown
        rows = min(MIN_RUNDOWN_ROWS, max(1, view.model().rowCount()))
        return (view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
                + 2 * view.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self.dragged:
            self.share()

    def share(self) -> None:
        """The rundown its rows if the top keeps what it wants; else the top first, the rundown at least its
        least; any other pane (a problems list) its own size hint."""
        widgets = [w for w in (self.widget(i) for i in range(self.count())) if w is not None]
        handles = self.handleWidth() * max(0, sum(1 for w in widgets if not w.isHidden()) - 1)
        others = {w: (w.sizeHint().height() if not w.isHidden() else 0) for w in widgets
                  if w is not self.top and w is not self.rundown}
        room = self.height() - handles - sum(others.values())
        rundown = max(self.rundown_least(), min(self.rundown.sizeHint().height(), room - self.top_wants()))
        top = max(0, room - rundown)
        self.setSizes([top if w is self.top else rundown if w is self.rundown else others[w] for w in widgets])


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area: it fills the window, and scrolls only on a screen too small
    for it (800×480) rather than letting one panel lie on another."""
    area = QScrollArea()
    area.setObjectName("operatorScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area
