"""Displays > Identify screens: every screen shows its own name, size and what it shows, large, for 3 s.

At a venue the Displays menu lists screens as the graphics card names them ("HDMI-1", "DP-2"), which
nobody can match to the projector by looking at it. The signs answer "which one is that?" from the
back of the room. They never take the keyboard: the operator window keeps it, so Space stays GO and
every show key works while the signs are up, and a timer takes them away by themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPaintEvent, QPen, QScreen, QShowEvent
from PySide6.QtWidgets import QWidget

from runofshow.qt.placement import Placement
from runofshow.qt.translation import translate
from runofshow.ui.theme import ACCENT, BACKGROUND, MUTED, TEXT, text_font

IDENTIFY_MS = 3000  # long enough to look up at every screen, short enough never to be in the show's way
SIGN_SHARE = (0.7, 0.6)  # of the screen's width and height: unmistakably big, yet clearly not a display
BORDER = 0.02  # of the sign's height: the accent frame that says "this is not the show"


def what_it_shows(screen: str, operator_screen: str, placements: Mapping[str, Placement | None],
                  titles: Mapping[str, str]) -> list[str]:
    """The lines under a screen's name: the operator window and each display placed on it, or nothing."""
    lines = []
    if screen == operator_screen:
        lines.append(translate("IdentifyScreens", "Operator window"))
    for kind, placement in placements.items():
        if placement is None or placement.screen != screen:
            continue
        title = titles.get(kind, kind)
        if placement.fallback:
            line = translate("IdentifyScreens", "{display} (stand-in window: its screen is missing)")
        elif placement.fullscreen:
            line = translate("IdentifyScreens", "{display}, full screen")
        else:
            line = translate("IdentifyScreens", "{display}, as a window")
        lines.append(line.format(display=title))
    return lines or [translate("IdentifyScreens", "No display on this screen")]


def fitted(font: QFont, text: str, width: int, height: int) -> QFont:
    """The font at the largest pixel size (up to `height`) at which `text` fits `width`."""
    size = max(1, height)
    font.setPixelSize(size)
    measured = QFontMetrics(font).horizontalAdvance(text)
    if measured > width > 0:
        font.setPixelSize(max(1, int(size * width / measured)))
    return font


class IdentifySign(QWidget):
    """One screen's sign: frameless, on top, never focused; it closes itself when its timer fires."""

    def __init__(self, screen: QScreen, lines: Sequence[str], duration_ms: int = IDENTIFY_MS) -> None:
        super().__init__(None)
        area = screen.geometry()
        self.screen_name = screen.name()
        self.size_text = self.tr("{width} × {height}").format(width=area.width(), height=area.height())
        self.lines = list(lines)
        self.setWindowTitle(self.tr("Identify screen {screen}").format(screen=self.screen_name))
        # A tool window above everything (a full-screen display too) that the window manager neither
        # decorates nor focuses, shown without activation: the operator window keeps the keyboard.
        self.setWindowFlags(Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.WindowDoesNotAcceptFocus
                            | Qt.WindowType.X11BypassWindowManagerHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        width, height = int(area.width() * SIGN_SHARE[0]), int(area.height() * SIGN_SHARE[1])
        self.setScreen(screen)
        self.setGeometry(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2,
                         width, height)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(duration_ms)
        self.timer.timeout.connect(self.close)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.timer.start()  # three seconds from when it is seen, however late that is

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect()
        painter.fillRect(rect, QColor(BACKGROUND))
        border = max(4, int(rect.height() * BORDER))
        pen = QPen(QColor(ACCENT))
        pen.setWidth(border)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(border // 2, border // 2, -(border // 2), -(border // 2)))
        margin = border * 3
        inner = rect.adjusted(margin, margin, -margin, -margin)
        # The name as large as it fits, then the size, then what the screen shows.
        name_height = int(inner.height() * 0.42)
        size_height = int(inner.height() * 0.14)
        line_height = int(inner.height() * 0.44 / max(3, len(self.lines)))
        top = inner.y()
        painter.setPen(QColor(ACCENT))
        painter.setFont(fitted(text_font(bold=True), self.screen_name, inner.width(), int(name_height * 0.8)))
        painter.drawText(QRect(inner.x(), top, inner.width(), name_height), Qt.AlignmentFlag.AlignCenter,
                         self.screen_name)
        top += name_height
        painter.setPen(QColor(MUTED))
        painter.setFont(fitted(text_font(), self.size_text, inner.width(), int(size_height * 0.8)))
        painter.drawText(QRect(inner.x(), top, inner.width(), size_height), Qt.AlignmentFlag.AlignCenter,
                         self.size_text)
        top += size_height + (inner.bottom() - top - size_height - line_height * len(self.lines)) // 2
        painter.setPen(QColor(TEXT))
        longest = max(self.lines, key=len) if self.lines else ""
        font = fitted(text_font(bold=True), longest, inner.width(), int(line_height * 0.75))
        painter.setFont(font)
        for line in self.lines:
            painter.drawText(QRect(inner.x(), top, inner.width(), line_height), Qt.AlignmentFlag.AlignCenter, line)
            top += line_height
        painter.end()


class ScreenIdentifier(QObject):
    """Puts a sign on every screen at once; asked again, it replaces the signs still up."""

    def __init__(self, operator: QWidget, duration_ms: int = IDENTIFY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.operator = operator
        self.duration_ms = duration_ms
        self.signs: list[IdentifySign] = []

    def identify(self, operator_screen: str, placements: Mapping[str, Placement | None],
                 titles: Mapping[str, str]) -> list[IdentifySign]:
        self.close_all()
        operator_had_keyboard = self.operator.isActiveWindow()
        for screen in QGuiApplication.screens():
            lines = what_it_shows(screen.name(), operator_screen, placements, titles)
            sign = IdentifySign(screen, lines, self.duration_ms)
            sign.timer.timeout.connect(lambda s=sign: self._forget(s))
            self.signs.append(sign)
            sign.show()
        if operator_had_keyboard and not self.operator.isActiveWindow():
            self.operator.activateWindow()  # a platform that activated a sign anyway: the keys go back
        return list(self.signs)

    def _forget(self, sign: IdentifySign) -> None:
        if sign in self.signs:
            self.signs.remove(sign)

    def close_all(self) -> None:
        for sign in list(self.signs):
            sign.close()
        self.signs.clear()
