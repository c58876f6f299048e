"""Big digits drawn from pictures of each glyph, made once, instead of from the font's outlines every second.

Qt keeps its own pictures of glyphs only up to 64 pixels; a bigger glyph (a display's countdown is several
hundred pixels tall) is filled from its outline at every paint, which is most of what a display costs each
second. Here each character of a digits line is drawn once into a small picture, in its colour, at the
fraction of a pixel where the line's baseline falls, and the picture is copied onto the screen from then on,
at a fraction of the cost. Across, each glyph goes to the whole pixel nearest to where the line puts it (less
than half a pixel away, on a glyph over 64 pixels tall): one picture per character, not one per character and
place, so the ten digits of a full-HD countdown keep to about 6 MiB.

A painter that moves and scales (the operator's thumbnails draw each display scaled down) gets pictures made
with the same scale. The pictures are kept within GLYPH_BUDGET_BYTES, least recently used
first out.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QTransform

QT_CACHED_GLYPH_PX = 64  # Qt caches glyphs up to this size itself (QT_MAX_CACHED_GLYPH_SIZE)
GLYPH_BUDGET_BYTES = 12 * 1024 * 1024
LARGEST_GLYPH_BYTES = GLYPH_BUDGET_BYTES // 8  # a glyph bigger than this (a 4K wall) is drawn as text
FRACTION_STEPS = 256  # the baseline's place within a pixel, in 1/256 (the same for every second of a line)
MARGIN = 2  # pixels around the glyph's box in its picture: antialiasing may reach past the font's box


@dataclass(frozen=True)
class Glyph:
    image: QImage
    left: int  # where the picture's top left goes, from the whole pixel of the pen position
    top: int


class GlyphCache:
    """Pictures of single characters at a font, a colour and a fraction of a pixel; `rendered` counts those made."""

    def __init__(self, budget_bytes: int = GLYPH_BUDGET_BYTES) -> None:
        self.budget_bytes = budget_bytes
        self.rendered = 0
        self._glyphs: OrderedDict[tuple[object, ...], Glyph | None] = OrderedDict()
        self._bytes = 0

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        self._glyphs.clear()
        self._bytes = 0

    def glyph(self, font: QFont, colour: str, char: str, scale: tuple[float, float],
              fraction: tuple[float, float]) -> Glyph | None:
        """The picture of `char` at `scale`, its pen at `fraction` of a device pixel; None when too big to keep."""
        key = (font.key(), colour, char, scale, fraction)
        if key in self._glyphs:
            self._glyphs.move_to_end(key)
            return self._glyphs[key]
        glyph = self._render(font, colour, char, scale, fraction)
        self._glyphs[key] = glyph
        if glyph is not None:
            self._bytes += glyph.image.sizeInBytes()
            while self._bytes > self.budget_bytes and len(self._glyphs) > 1:
                _key, dropped = self._glyphs.popitem(last=False)
                if dropped is not None:
                    self._bytes -= dropped.image.sizeInBytes()
        return glyph

    def _render(self, font: QFont, colour: str, char: str, scale: tuple[float, float],
                fraction: tuple[float, float]) -> Glyph | None:
        (sx, sy), (fx, fy) = scale, fraction
        box = QFontMetricsF(font).tightBoundingRect(char)  # the ink: the picture holds nothing else
        left, top = math.floor(box.left() * sx) - MARGIN, math.floor(box.top() * sy) - MARGIN
        width = math.ceil(box.right() * sx) + MARGIN - left + 1
        height = math.ceil(box.bottom() * sy) + MARGIN - top + 1
        if width <= 0 or height <= 0 or width * height * 4 > LARGEST_GLYPH_BYTES:
            return None
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # The same transform as on screen, moved by whole pixels only: the outline lands on the same fractions.
        painter.translate(fx - left, fy - top)
        painter.scale(sx, sy)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QPointF(0.0, 0.0), char)
        painter.end()
        self.rendered += 1
        return Glyph(image, left, top)


GLYPHS = GlyphCache()


def can_use_pictures(painter: QPainter, pixel_size: int) -> bool:
    """Whether a line at this size on this painter is drawn from pictures: big on the device, and the painter only
    moves and scales (a display window, a render, the operator's thumbnails)."""
    transform = painter.worldTransform()
    if transform.type().value > QTransform.TransformationType.TxScale.value:
        return False
    if transform.m11() <= 0 or transform.m22() <= 0:
        return False
    # Qt's own glyph cache already makes smaller glyphs cheap, and draws them its own way: keep it.
    return pixel_size * max(transform.m11(), transform.m22()) > QT_CACHED_GLYPH_PX


def _split(device: float) -> tuple[int, float]:
    """A device coordinate as its whole pixel and its fraction (in 1/FRACTION_STEPS)."""
    whole = math.floor(device)
    return whole, round((device - whole) * FRACTION_STEPS) / FRACTION_STEPS


def draw_line(painter: QPainter, font: QFont, colour: str, origin: QPointF, text: str, *,
              cache: GlyphCache = GLYPHS) -> bool:
    """Draw one line of `text` with its baseline starting at `origin`, glyph by glyph from pictures.

    False (nothing drawn) when a glyph is too big to keep: the caller draws the text itself.
    """
    transform = painter.worldTransform()
    scale = (transform.m11(), transform.m22())
    metrics = QFontMetricsF(font)
    base_y, fy = _split(origin.y() * scale[1] + transform.dy())
    placed: list[tuple[Glyph, int]] = []
    for index, char in enumerate(text):
        if char == " ":
            continue
        pen_x = origin.x() + metrics.horizontalAdvance(text[:index])
        base_x = round(pen_x * scale[0] + transform.dx())  # the nearest whole pixel: one picture per character
        glyph = cache.glyph(font, colour, char, scale, (0.0, fy))
        if glyph is None:
            return False
        placed.append((glyph, base_x))
    painter.save()
    painter.resetTransform()  # the pictures are in device pixels already (the clip stays where it was)
    for glyph, base_x in placed:
        painter.drawImage(base_x + glyph.left, base_y + glyph.top, glyph.image)
    painter.restore()
    return True


def line_origin(font: QFont, rect: QRectF, flags: int, text: str) -> QPointF:
    """Where QPainter.drawText(rect, flags, text) puts the baseline of a one-line text."""
    metrics = QFontMetricsF(font)
    used = metrics.boundingRect(rect, flags, text)
    return QPointF(used.left(), used.top() + metrics.ascent())
