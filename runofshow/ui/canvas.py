"""Text that fits its box at any window size: the drawing layer of the displays.

A display describes what it shows as `TextItem`s in boxes that are fractions of the window; the
canvas picks for each the largest font that fits its box (wrapping where allowed) and paints it.
`fitted()` returns the same choice without painting, so tests prove that nothing is clipped and
nothing is tiny from 800x480 to 3840x2160.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QImage, QImageReader, QPainter, QRegion, QTransform
from PySide6.QtSvg import QSvgRenderer

from runofshow.ui.glyphs import can_use_pictures, draw_line, line_origin
from runofshow.ui.theme import digits_font, text_font

ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True)
class Box:
    """A rectangle as fractions of the window: x, y, width, height in 0..1."""

    x: float
    y: float
    w: float
    h: float

    def rect(self, width: float, height: float) -> QRectF:
        return QRectF(self.x * width, self.y * height, self.w * width, self.h * height)


@dataclass(frozen=True)
class TextItem:
    text: str
    box: Box
    colour: str = "#ffffff"
    max_fraction: float = 1.0  # largest font size as a fraction of the box height
    bold: bool = False
    digits: bool = False  # fixed-width digits (countdowns), never wrapped
    wrap: bool = True
    align: Qt.AlignmentFlag = ALIGN_CENTER
    min_px: int = 10
    tight: bool = False  # digits only: fit the ink of the digits, not the line (no room lost above and below)


@dataclass(frozen=True)
class Fill:
    box: Box
    colour: str
    radius: float = 0.0  # as a fraction of the window height


@dataclass(frozen=True)
class Picture:
    path: str  # an SVG file from resources/, or the holding slide (PNG, JPEG or SVG)
    box: Box
    centred: bool = False  # in the middle of its box (letterboxed, never stretched); else against its left edge


@dataclass
class Scene:
    """Everything one display draws at one moment."""

    background: str
    fills: list[Fill] = field(default_factory=list)
    texts: list[TextItem] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)

    def add(self, text: str, box: Box, colour: str = "#ffffff", **style: object) -> None:
        self.texts.append(TextItem(text, box, colour, **style))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Fitted:
    item: TextItem
    rect: QRectF  # the box in pixels
    pixel_size: int
    used: QRectF  # where the text's lines actually go (within rect when it fits)

    @property
    def fits(self) -> bool:
        return self.used.width() <= self.rect.width() + 0.5 and self.used.height() <= self.rect.height() + 0.5


def _font(item: TextItem, pixel_size: int) -> QFont:
    return digits_font(pixel_size) if item.digits else text_font(pixel_size, bold=item.bold)


def _flags(item: TextItem) -> int:
    flags = int(item.align.value)
    if item.wrap and not item.digits:
        flags |= int(Qt.TextFlag.TextWordWrap.value)
    return flags


INK_REFERENCE = "0123456789"  # every digit: the ink's height does not change from one second to the next


@lru_cache(maxsize=64)
def _ink(digits: bool, bold: bool, pixel_size: int) -> QRectF:
    """The ink of every digit at a font: the same every second, so measured once."""
    font = digits_font(pixel_size) if digits else text_font(pixel_size, bold=bold)
    return QFontMetricsF(font).tightBoundingRect(INK_REFERENCE)


def _tight_used(item: TextItem, rect: QRectF, pixel_size: int) -> QRectF:
    """Where a tight item's ink goes: its advance wide (steady as digits change), the digits' ink high."""
    metrics = QFontMetricsF(_font(item, pixel_size))
    ink = QRectF(_ink(item.digits, item.bold, pixel_size))
    width = metrics.horizontalAdvance(item.text)
    horizontal = item.align & Qt.AlignmentFlag.AlignHorizontal_Mask
    if horizontal == Qt.AlignmentFlag.AlignLeft:
        x = rect.left()
    elif horizontal == Qt.AlignmentFlag.AlignRight:
        x = rect.right() - width
    else:
        x = rect.center().x() - width / 2
    return QRectF(x, rect.center().y() - ink.height() / 2, width, ink.height())


def _tight_baseline(item: TextItem, used: QRectF, pixel_size: int) -> QPointF:
    ink = _ink(item.digits, item.bold, pixel_size)
    return QPointF(used.left(), used.top() - ink.top())


def _measure(item: TextItem, rect: QRectF, pixel_size: int) -> QRectF:
    if item.tight:
        return _tight_used(item, rect, pixel_size)
    return QFontMetricsF(_font(item, pixel_size)).boundingRect(rect, _flags(item), item.text)


@lru_cache(maxsize=1024)
def _best_size(item: TextItem, width: float, height: float) -> tuple[int, QRectF]:
    # Cached: a display redraws the same texts every second, and only the digits change.
    rect = item.box.rect(width, height)
    # A tight item's ink is smaller than its font's pixel size (digits are about 3/4 of it): room to grow.
    tallest = rect.height() * item.max_fraction * (2 if item.tight else 1)
    low, high = item.min_px, max(item.min_px, int(tallest))
    best = low
    while low <= high:
        middle = (low + high) // 2
        used = _measure(item, rect, middle)
        if used.width() <= rect.width() and used.height() <= rect.height():
            best, low = middle, middle + 1
        else:
            high = middle - 1
    return best, _measure(item, rect, best)


ALL_ZEROS = str.maketrans("123456789", "000000000")


@lru_cache(maxsize=1)
def _digits_fixed_pitch() -> bool:
    """Whether the digits font found on this machine gives every character one width (as it asks for)."""
    return QFontInfo(digits_font()).fixedPitch()


def _shape(item: TextItem) -> TextItem:
    """What the fitting of `item` depends on. Digits in a fixed-pitch font all have one width (and tight
    digits are measured by the ink of all ten), so 12:34 fits as 00:00 does: the search runs once per
    shape of countdown, not once per second."""
    if not item.digits or not _digits_fixed_pitch():
        return item
    zeros = item.text.translate(ALL_ZEROS)
    return item if zeros == item.text else replace(item, text=zeros)


def fit(item: TextItem, width: float, height: float) -> Fitted:
    """The largest font (by halving search) at which the text fits its box."""
    best, used = _best_size(_shape(item), width, height)
    return Fitted(item, item.box.rect(width, height), best, QRectF(used))


def fitted(scene: Scene, width: float, height: float) -> list[Fitted]:
    return [fit(item, width, height) for item in scene.texts if item.text]


def changed_rects(old: Scene | None, new: Scene, width: float, height: float) -> list[QRectF]:
    """The parts of the window to redraw going from `old` to `new`, apart: empty when nothing changed.

    Apart, so that the digits in the middle and a progress bar along the bottom changing in the same second
    do not redraw all that lies between them.
    """
    whole = [QRectF(0, 0, width, height)]
    if old is None or (old.background, old.pictures) != (new.background, new.pictures):
        return whole
    if len(old.texts) != len(new.texts) or len(old.fills) != len(new.fills):
        return whole
    rects: list[QRectF] = []
    for was, now in zip(old.fills, new.fills, strict=True):
        if was != now:
            if was.colour != now.colour and any(text.box == now.box for text in new.texts):
                return whole  # a background behind text
            rects.extend(fill.box.rect(width, height) for fill in (was, now))
    for before, after in zip(old.texts, new.texts, strict=True):
        if before == after:
            continue
        if before.box != after.box:
            return whole
        rects.append(after.box.rect(width, height))
    return rects


def changed_area(old: Scene | None, new: Scene, width: float, height: float) -> QRectF | None:
    """The part of the window to redraw going from `old` to `new`: None when nothing changed."""
    area: QRectF | None = None
    for rect in changed_rects(old, new, width, height):
        area = rect if area is None else area.united(rect)
    return area


def can_draw(path: str) -> bool:
    """Whether the picture at `path` can be drawn now (an SVG, or a PNG or JPEG Qt can decode)."""
    if _is_svg(path):
        return QSvgRenderer(path).isValid()
    return _raster(path, _stamp(path)) is not None


def _is_svg(path: str) -> bool:
    return path.lower().endswith((".svg", ".svgz"))


def _stamp(path: str) -> tuple[int, int]:
    """The file's change time and size: a picture replaced on disk is read again."""
    try:
        info = os.stat(path)
    except OSError:
        return (0, -1)
    return (info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=4)
def _raster(path: str, stamp: tuple[int, int]) -> QImage | None:
    # Cached with its stamp: a holding slide is decoded once, not at every repaint.
    reader = QImageReader(path)
    reader.setDecideFormatFromContent(True)  # the bytes decide, as in io/pictures.py
    reader.setAutoTransform(True)  # a photo's EXIF rotation
    image = reader.read()
    return None if image.isNull() else image


@lru_cache(maxsize=4)
def _scaled(path: str, stamp: tuple[int, int], width: int, height: int) -> QImage | None:
    image = _raster(path, stamp)
    if image is None:
        return None
    return image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


def _paint_picture(painter: QPainter, picture: Picture, width: float, height: float) -> None:
    target = picture.box.rect(width, height)
    renderer: QSvgRenderer | None = None
    image: QImage | None = None
    if _is_svg(picture.path):
        renderer = QSvgRenderer(picture.path)
        if not renderer.isValid():
            return
        size = QSizeF(renderer.defaultSize()).scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    else:
        image = _scaled(picture.path, _stamp(picture.path), round(target.width()), round(target.height()))
        if image is None:
            return
        size = QSizeF(image.size())
    left = target.x() + ((target.width() - size.width()) / 2 if picture.centred else 0.0)
    placed = QRectF(left, target.y() + (target.height() - size.height()) / 2, size.width(), size.height())
    if renderer is not None:
        renderer.render(painter, placed)
    elif image is not None:
        painter.drawImage(placed.topLeft(), image)


def _outside(clip: QRectF | QRegion | None, transform: QTransform, rect: QRectF) -> bool:
    """Whether `rect` lies outside the part being redrawn: `clip` in the scene's coordinates (a QRectF), or the
    paint event's region on the device (a QRegion: the digits and a clock far apart are two small rectangles,
    and a line between them is not drawn again)."""
    if clip is None:
        return False
    if isinstance(clip, QRegion):
        return not clip.intersects(transform.mapRect(rect).toAlignedRect())
    return not clip.intersects(rect)


def paint(painter: QPainter, scene: Scene, width: float, height: float,
          clip: QRectF | QRegion | None = None) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    transform = painter.worldTransform()
    painter.fillRect(QRectF(0, 0, width, height), QColor(scene.background))
    painter.setPen(Qt.PenStyle.NoPen)
    for fill in scene.fills:
        painter.setBrush(QColor(fill.colour))
        radius = fill.radius * height
        painter.drawRoundedRect(fill.box.rect(width, height), radius, radius)
    for picture in scene.pictures:
        if not _outside(clip, transform, picture.box.rect(width, height)):
            _paint_picture(painter, picture, width, height)
    for item in scene.texts:
        if not item.text or _outside(clip, transform, item.box.rect(width, height)):
            continue  # outside the part being redrawn
        placed = fit(item, width, height)
        font = _font(placed.item, placed.pixel_size)
        if placed.item.digits and can_use_pictures(painter, placed.pixel_size):
            # Big digits (they change every second): from pictures of each glyph, made once (ui/glyphs.py).
            origin = (_tight_baseline(placed.item, placed.used, placed.pixel_size) if placed.item.tight
                      else line_origin(font, placed.rect, _flags(placed.item), placed.item.text))
            if draw_line(painter, font, placed.item.colour, origin, placed.item.text):
                continue
        painter.setFont(font)
        painter.setPen(QColor(placed.item.colour))
        if placed.item.tight:
            painter.drawText(_tight_baseline(placed.item, placed.used, placed.pixel_size), placed.item.text)
        else:
            painter.drawText(placed.rect, _flags(placed.item), placed.item.text)
