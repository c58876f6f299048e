"""A display window: draws the scene its view makes from each snapshot, black when blacked out."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from runofshow.core.show import ShowState, SlotPhase
from runofshow.core.standing import Standing
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.translation import translate
from runofshow.ui.canvas import Scene, changed_rects, paint

FLASH_AT_ZERO_SECONDS = 5.0
BLINK_MS = 250
# A backup laptop's displays say so in a corner: small and grey (the room may see it if the backup's output
# reaches the projector), readable by the crew who check which laptop feeds a screen.
TAG_HEIGHT_SHARE = 0.017  # the tag's letters, as a share of the window's height
TAG_STYLE = ("color: #8a93a6; background: rgba(0, 0, 0, 170); border: 1px solid #3a4257; border-radius: 3px; "
             "padding: 1px 5px;")


@dataclass
class DisplayOptions:
    flash_at_zero: bool = True  # the stage display flashes for a few seconds when time is up


def is_flashing(state: ShowState, options: DisplayOptions) -> bool:
    """Flash on demand, and (if wanted) for the first seconds after the countdown reaches zero."""
    if state.flashing:
        return True
    return (options.flash_at_zero and state.current is not None and state.slot_phase is SlotPhase.OVERRUN
            and state.phase.value == "running" and state.overtime < FLASH_AT_ZERO_SECONDS)


def follow_flash(blink: QTimer, flashing: bool) -> bool:
    """Start the blink timer when a flash begins, stop it when the flash ends. True when it did either:
    the blink then starts (or rests) on its bright half."""
    if flashing == blink.isActive():
        return False
    if flashing:
        blink.start()
    else:
        blink.stop()
    return True


class DisplayWindow(QWidget):
    """Base of the projector, stage and moderator windows. Subclasses say what to draw."""

    kind = ""
    title = ""  # marked QT_TRANSLATE_NOOP("DisplayWindow", ...) by each subclass; shown through `display_title`

    def __init__(self, bridge: ShowBridge, options: DisplayOptions | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = options or DisplayOptions()
        self.setWindowTitle(self.tr("runofshow — {title}").format(title=self.display_title()))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # A display never takes the keyboard from the operator window: Space must stay GO.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setMinimumSize(320, 200)
        self._state = bridge.state
        self._drawn: Scene | None = None  # the scene on screen, to redraw only what changed
        self._blink_on = True
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._toggle_blink)
        bridge.for_the_room.connect(self.show_state)  # before the operator window's views: see _refresh
        self.following_tag = QLabel(self.tr("FOLLOWING"), self)
        self.following_tag.setObjectName("followingTag")
        self.following_tag.setStyleSheet(TAG_STYLE)
        self.following_tag.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.following_tag.hide()
        self._following = False
        bridge.standing_changed.connect(self.show_standing)
        self.show_standing(bridge.standing)

    @classmethod
    def display_title(cls) -> str:
        """The window's name (the Displays menu's entry too), in the operator's language."""
        return translate("DisplayWindow", cls.title)

    @property
    def state(self) -> ShowState:
        return self._state

    def show_standing(self, standing: Standing) -> None:
        """The FOLLOWING tag while this laptop is a backup; gone the moment it takes over."""
        self._following = standing.following
        self._show_tag()

    def _show_tag(self) -> None:
        # Not on a blacked-out display: blackout is pure black.
        wanted = self._following and self.kind not in self._state.blackout
        if wanted != (not self.following_tag.isHidden()):
            self.following_tag.setVisible(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_tag()

    def _place_tag(self) -> None:
        """The tag in the bottom right corner, clear of every view's words and bars."""
        tag = self.following_tag
        font = tag.font()
        font.setPixelSize(max(10, round(self.height() * TAG_HEIGHT_SHARE)))
        font.setBold(True)
        tag.setFont(font)
        tag.adjustSize()
        tag.move(self.width() - tag.width() - 2, self.height() - tag.height() - 2)

    def show_state(self, state: ShowState) -> None:
        self._state = state
        if follow_flash(self._blink, is_flashing(state, self.options) and self.kind not in state.blackout):
            self._blink_on = True
        if self._following:
            self._show_tag()
        self._refresh()

    def _refresh(self) -> None:
        """Redraw just the part of the window whose text changed (often only the digits), or nothing."""
        if not self.isVisible():
            return
        scene = self.current_scene()
        rects = changed_rects(self._drawn, scene, self.width(), self.height())
        if rects:
            self._drawn = scene
            region = QRegion()
            for rect in rects:
                region = region.united(rect.toAlignedRect())
            # Painted and put on screen now, not queued behind the operator window's paint: the room's new
            # second must not wait for the stage manager's window, its rundown and its thumbnails.
            self.repaint(region)

    def _toggle_blink(self) -> None:
        self._blink_on = not self._blink_on
        self._refresh()

    def current_scene(self) -> Scene:
        flash = self._blink.isActive() and self._blink_on
        return room_scene(type(self), self._state, flash)

    @classmethod
    def scene(cls, state: ShowState, flash: bool) -> Scene:
        """What this kind of display shows for a snapshot. A class method, so that the operator's
        thumbnails draw the very same scene without a display window."""
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        scene = self.current_scene()
        self._drawn = scene
        painter = QPainter(self)
        whole = event.rect() == self.rect()
        # The region, not its bounding rectangle: the digits and the clock in a corner are redrawn, not all between.
        paint(painter, scene, self.width(), self.height(), None if whole else event.region())
        painter.end()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._blink.stop()
        super().closeEvent(event)


# The last scene made for each kind of display: the window, its repaint and the operator's thumbnail all ask
# for the scene of the same snapshot in the same second, and get it made once.
_last_scenes: dict[type[DisplayWindow], tuple[ShowState, bool, Scene]] = {}


def room_scene(view: type[DisplayWindow], state: ShowState, flash: bool) -> Scene:
    """What the room sees on a display of this kind: pure black when blacked out, else its view's scene."""
    last = _last_scenes.get(view)
    if last is not None and last[0] is state and last[1] == flash:
        return last[2]
    scene = Scene("#000000") if view.kind in state.blackout else view.scene(state, flash)  # blackout: pure black
    _last_scenes[view] = (state, flash, scene)
    return scene
