"""Small live pictures of the projector, stage and moderator in the operator window: what the room sees.

Each thumbnail draws the very scene its display draws (`room_scene`: the view's scene, pure black when
blacked out, the bright half of a flash while the stage flashes), laid out at a projector's width and
scaled down, so it is a true miniature rather than a second design. It repaints only the part of itself
whose scene changed, as the display windows do: the bridge wakes at most once a second for the digits,
and a wake-up that changes nothing on a display repaints nothing here. Folded away, nothing is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QRegion, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QSizePolicy, QWidget

from runofshow.core.commands import DISPLAYS
from runofshow.core.show import ShowState
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.first_paint import FirstPaint
from runofshow.qt.placement import Placement
from runofshow.qt.translation import translate
from runofshow.ui.canvas import Scene, changed_rects, paint
from runofshow.ui.display_base import BLINK_MS, DisplayOptions, DisplayWindow, follow_flash, is_flashing, room_scene
from runofshow.ui.moderator_view import ModeratorWindow
from runofshow.ui.projector_view import ProjectorWindow
from runofshow.ui.stage_view import StageWindow
from runofshow.ui.theme import MUTED, PANEL, display_name, text_font
from runofshow.ui.widgets import ElidedLabel

VIEWS: dict[str, type[DisplayWindow]] = {"projector": ProjectorWindow, "stage": StageWindow,
                                         "moderator": ModeratorWindow}
# Scenes are laid out as on a full-HD display, then scaled down: the thumbnail wraps text as the room's screen does.
REFERENCE_WIDTH, REFERENCE_HEIGHT = 1920, 1080
ASPECT = REFERENCE_HEIGHT / REFERENCE_WIDTH
MIN_WIDTH = 64
LABEL_PX = 11
EDGE = "#3a4766"


class DisplayThumbnail(QWidget):
    """One display's scene, scaled down; `paints` counts the repaints (what the thumbnails cost)."""

    def __init__(self, view: type[DisplayWindow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.scene: Scene | None = None
        self.drawing = True  # False: only the empty screen is drawn (the strip's first paint, on a cold start)
        self.paints = 0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(MIN_WIDTH, round(MIN_WIDTH * ASPECT))
        self.setToolTip(view.display_title())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, 90)

    def screen_rect(self) -> QRect:
        """Where the display's picture goes: the largest 16:9 rectangle in the middle of this widget."""
        width = min(self.width(), round(self.height() / ASPECT))
        height = min(self.height(), round(width * ASPECT))
        return QRect((self.width() - width) // 2, (self.height() - height) // 2, width, height)

    def _scale(self) -> float:
        return max(1, self.screen_rect().width()) / REFERENCE_WIDTH

    def show_scene(self, scene: Scene) -> None:
        """Take the scene the display shows now; schedule a repaint of what changed, or of nothing."""
        old, self.scene = self.scene, scene
        rects = changed_rects(old, scene, REFERENCE_WIDTH, REFERENCE_HEIGHT)
        if not rects:
            return
        scale, origin = self._scale(), self.screen_rect().topLeft()
        region = QRegion()
        for rect in rects:
            shrunk = QRectF(origin.x() + rect.x() * scale, origin.y() + rect.y() * scale, rect.width() * scale,
                            rect.height() * scale)
            region = region.united(shrunk.toAlignedRect().adjusted(-1, -1, 1, 1))
        self.update(region)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.paints += 1
        painter = QPainter(self)
        screen = self.screen_rect()
        painter.fillRect(self.rect(), QColor(PANEL))  # beside the picture: the panel it sits on
        painter.fillRect(screen, QColor("#000000"))
        if self.scene is not None and self.drawing:
            scale = self._scale()
            painter.save()
            painter.translate(screen.topLeft())
            painter.scale(scale, scale)
            whole = event.rect().contains(screen)
            # The region on this widget: the canvas maps each text's box onto it through the painter's scale.
            paint(painter, self.scene, REFERENCE_WIDTH, REFERENCE_HEIGHT, None if whole else event.region())
            painter.restore()
        painter.setPen(QColor(EDGE))  # a thin edge, so a black (blacked-out) screen still reads as a screen
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(screen.adjusted(0, 0, -1, -1))
        painter.end()


def place_words(placement: Placement | None) -> str:
    """Where a display is, as the operator reads it under its thumbnail."""
    if placement is None:
        return translate("ThumbnailStrip", "not shown")
    if placement.fullscreen:
        return translate("ThumbnailStrip", "full screen on {screen}").format(screen=placement.screen)
    if placement.fallback:
        return translate("ThumbnailStrip", "stand-in window on {screen}").format(screen=placement.screen)
    return translate("ThumbnailStrip", "window on {screen}").format(screen=placement.screen)


class ThumbnailStrip(QFrame):
    """The three thumbnails side by side, each with its display's name and where it is shown."""

    def __init__(self, bridge: ShowBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnails")
        self.options = DisplayOptions()  # the display manager hands over its own (flash at zero)
        self.thumbnails = {kind: DisplayThumbnail(VIEWS[kind]) for kind in DISPLAYS}
        self.labels: dict[str, ElidedLabel] = {}
        self._placements: Mapping[str, Placement | None] = {}
        self._state = bridge.state
        self._blink_on = True
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self.blink)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(2)
        for column, kind in enumerate(DISPLAYS):
            label = ElidedLabel()  # one line, cut with … when narrow: the whole of it in its tooltip
            label.setFont(text_font(LABEL_PX))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setStyleSheet(f"color: {MUTED};")
            self.labels[kind] = label
            layout.addWidget(self.thumbnails[kind], 0, column)
            layout.addWidget(label, 1, column)
            layout.setColumnStretch(column, 1)
        layout.setRowStretch(0, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._first_paint: FirstPaint | None = None
        bridge.changed.connect(self.show_state)
        self.show_state(bridge.state)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Thumbnails a third of the width each, at the displays' shape; less when the panel is short."""
        layout = self.layout()
        spacing = layout.horizontalSpacing() if isinstance(layout, QGridLayout) else 0
        thumbnail = max(MIN_WIDTH, (self.width() - 2 * spacing) // len(self.thumbnails))
        return QSize(3 * 160, round(thumbnail * ASPECT) + self._label_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(3 * MIN_WIDTH, round(MIN_WIDTH * ASPECT) + self._label_height())

    def _label_height(self) -> int:
        layout = self.layout()
        spacing = layout.verticalSpacing() if isinstance(layout, QGridLayout) else 0
        return next(iter(self.labels.values())).sizeHint().height() + spacing

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the thumbnails' best height follows the width

    @property
    def blinking(self) -> bool:
        return self._blink.isActive()

    def set_placements(self, placements: Mapping[str, Placement | None]) -> None:
        """Where each display is now (from the display manager), for the labels."""
        self._placements = dict(placements)
        self._label()

    def show_state(self, state: ShowState) -> None:
        self._state = state
        # The same rule as the display windows: a flash (asked for, or at zero) blinks until it ends.
        if follow_flash(self._blink, is_flashing(state, self.options)):
            self._blink_on = True
        self._refresh()

    def blink(self) -> None:
        """The other half of a flash's blink."""
        self._blink_on = not self._blink_on
        self._refresh()

    def draw_after_first_paint(self) -> None:
        """On a cold start: the pictures come just after the strip's first paint, so that the operator window
        is painted first (three displays' scenes cost as much as the rest of that paint); the displays
        themselves come after it too."""
        for thumbnail in self.thumbnails.values():
            thumbnail.drawing = False
        self._first_paint = FirstPaint(self, self._go_live)

    def _go_live(self) -> None:
        for thumbnail in self.thumbnails.values():
            thumbnail.drawing = True
            thumbnail.update()

    def _refresh(self) -> None:
        if not self.isVisible():
            return  # folded away (or the window not shown yet): nothing to draw
        flash = self._blink.isActive() and self._blink_on
        for thumbnail in self.thumbnails.values():
            thumbnail.show_scene(room_scene(thumbnail.view, self._state, flash))
        self._label()

    def _label(self) -> None:
        for kind, label in self.labels.items():
            where = place_words(self._placements.get(kind))
            if kind in self._state.blackout:
                where = self.tr("{where} · blacked out").format(where=where)
            text = self.tr("{display} — {where}").format(display=display_name(kind), where=where)
            if label.full_text != text:
                label.set_full_text(text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._refresh()  # unfolded: catch up with the show
