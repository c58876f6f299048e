"""What a display costs each second: big digits from glyph pictures, one fit per countdown shape, the repaint
of only the rectangles that changed, one scene per snapshot, and a cold start that loads only what the
operator window's first paint needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRegion
from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.ui import canvas
from runofshow.ui.canvas import Box, Scene, TextItem, paint
from runofshow.ui.display_base import room_scene
from runofshow.ui.glyphs import GlyphCache, can_use_pictures, draw_line, line_origin
from runofshow.ui.stage_view import StageWindow, stage_scene
from runofshow.ui.theme import digits_font
from runofshow.ui.thumbnails import ThumbnailStrip
from runofshow.ui.widgets import DigitsLabel, ElidedLabel, StyledLabel
from tests.core.helpers import at, seed

ROOT = Path(__file__).resolve().parents[2]
DIGITS_BOX = Box(0.02, 0.20, 0.96, 0.50)  # the stage's countdown


def running_states() -> tuple[object, object]:
    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), None), clock)
    bridge.run("go")
    clock.advance(300)
    first = bridge.tick()
    clock.advance(1)
    return first, bridge.tick()


def image(width: int = 1920, height: int = 1080) -> QImage:
    picture = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    picture.fill(0xFF0B0F18)  # opaque, as a display's background is
    return picture


def largest_difference(first: QImage, second: QImage) -> int:
    a, b = bytes(first.constBits()), bytes(second.constBits())
    assert len(a) == len(b)
    return max((abs(x - y) for x, y in zip(a, b, strict=True) if x != y), default=0)


def draw_both_ways(item: TextItem, scale: float) -> tuple[QImage, QImage, QFont, QPointF]:
    """The item drawn by Qt from the font, and from glyph pictures, on a painter moved (and scaled) as given."""
    placed = canvas.fit(item, 1920, 1080)
    assert placed.pixel_size > 64  # a size Qt fills from the outline at every paint
    font = digits_font(placed.pixel_size)
    origin = (canvas._tight_baseline(item, placed.used, placed.pixel_size) if item.tight
              else line_origin(font, placed.rect, canvas._flags(item), item.text))
    drawn_by_qt, from_pictures = image(), image()
    for target, pictures in ((drawn_by_qt, False), (from_pictures, True)):
        painter = QPainter(target)
        painter.translate(3, 7)
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if pictures:
            assert can_use_pictures(painter, placed.pixel_size)
            assert draw_line(painter, font, item.colour, origin, item.text, cache=GlyphCache())
        else:
            painter.setFont(font)
            painter.setPen(QColor(item.colour))
            if item.tight:
                painter.drawText(origin, item.text)
            else:
                painter.drawText(placed.rect, canvas._flags(item), item.text)
        painter.end()
    return drawn_by_qt, from_pictures, font, origin


def ink_columns(picture: QImage) -> list[int]:
    """The columns where some pixel is bright (the background is dark): where the glyphs' strokes are."""
    columns = []
    for x in range(picture.width()):
        if any(picture.pixelColor(x, y).lightness() > 128 for y in range(0, picture.height(), 2)):
            columns.append(x)
    return columns


@pytest.mark.parametrize("char", ["0", "8", ":", "-"])
def test_a_glyph_from_its_picture_looks_as_the_font_draws_it(qtbot: QtBot, char: str) -> None:
    # A glyph whose pen falls on a whole pixel: the very pixels, to a rounding of the antialiased edge.
    font = digits_font(612)
    origin = QPointF(200, 700.37)
    drawn_by_qt, from_pictures = image(), image()
    for target, pictures in ((drawn_by_qt, False), (from_pictures, True)):
        painter = QPainter(target)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if pictures:
            assert draw_line(painter, font, "#ffd60a", origin, char, cache=GlyphCache())
        else:
            painter.setFont(font)
            painter.setPen(QColor("#ffd60a"))
            painter.drawText(origin, char)
        painter.end()
    assert ink_columns(drawn_by_qt)  # something was drawn
    assert largest_difference(drawn_by_qt, from_pictures) <= 8


@pytest.mark.parametrize(("text", "tight", "scale"), [("29:00", True, 1.0), ("-01:07", False, 1.0),
                                                      ("15:41:00", False, 1.0), ("12:34", True, 0.2)])
def test_big_digits_from_glyph_pictures_land_within_half_a_pixel(qtbot: QtBot, text: str, tight: bool,
                                                                 scale: float) -> None:
    item = TextItem(text, DIGITS_BOX, "#34d27b", digits=True, tight=tight)
    drawn_by_qt, from_pictures, _font, _origin = draw_both_ways(item, scale)
    height = round(1080 * scale) + 8
    by_qt = ink_columns(drawn_by_qt.copy(0, 0, round(1920 * scale) + 4, height))
    by_pictures = ink_columns(from_pictures.copy(0, 0, round(1920 * scale) + 4, height))
    # Every stroke's edge is where Qt draws it, or one pixel beside it (a glyph moves by less than half a pixel).
    assert by_qt and abs(len(by_qt) - len(by_pictures)) <= 2 * len(text)
    assert all(min(abs(x - y) for y in by_pictures) <= 1 for x in by_qt)
    assert all(min(abs(x - y) for y in by_qt) <= 1 for x in by_pictures)


def test_a_new_second_is_drawn_from_glyphs_already_made(qtbot: QtBot) -> None:
    cache = GlyphCache()
    font = digits_font(600)
    target = image()
    painter = QPainter(target)
    ten_minutes = [f"{left // 60:02d}:{left % 60:02d}" for left in range(599, -1, -1)]
    for text in ten_minutes:
        assert draw_line(painter, font, "#ffffff", QPointF(40.25, 700.5), text, cache=cache)
    made = cache.rendered
    # One picture per character and place at most (0 | 0-9 | : | 0-5 | 0-9), not one per second.
    assert made <= 1 + 10 + 1 + 6 + 10
    for text in ten_minutes:  # the next ten minutes: no glyph laid out or filled again, only pictures copied
        assert draw_line(painter, font, "#ffffff", QPointF(40.25, 700.5), text, cache=cache)
    painter.end()
    assert cache.rendered == made


def test_the_glyph_pictures_stay_within_their_budget(qtbot: QtBot) -> None:
    cache = GlyphCache(budget_bytes=2 * 1024 * 1024)
    target = image()
    painter = QPainter(target)
    for size in (300, 320, 340, 360):
        draw_line(painter, digits_font(size), "#ffffff", QPointF(10, 500), "0123456789", cache=cache)
    painter.end()
    assert 0 < cache.size_bytes <= 2 * 1024 * 1024


def test_a_countdown_is_fitted_once_per_shape_not_once_per_second(qtbot: QtBot) -> None:
    canvas._best_size.cache_clear()
    canvas.fit(TextItem("29:00", DIGITS_BOX, digits=True, tight=True), 1920, 1080)
    searches = canvas._best_size.cache_info().misses
    fitted = [canvas.fit(TextItem(text, DIGITS_BOX, digits=True, tight=True), 1920, 1080)
              for text in ("28:59", "28:58", "17:43", "00:01")]
    assert canvas._best_size.cache_info().misses == searches
    assert {placed.pixel_size for placed in fitted} == {canvas.fit(TextItem("29:00", DIGITS_BOX, digits=True,
                                                                           tight=True), 1920, 1080).pixel_size}


def test_a_repaint_of_the_clock_and_the_digits_does_not_draw_the_lines_between(qtbot: QtBot,
                                                                               monkeypatch: pytest.MonkeyPatch
                                                                               ) -> None:
    _, second = running_states()
    scene = stage_scene(second, False)  # type: ignore[arg-type]
    clock = Box(0.72, 0.02, 0.25, 0.10).rect(1920, 1080).toAlignedRect()
    digits = DIGITS_BOX.rect(1920, 1080).toAlignedRect()
    fitted: list[str] = []
    real_fit = canvas.fit

    def counting_fit(item: TextItem, width: float, height: float) -> canvas.Fitted:
        fitted.append(item.text)
        return real_fit(item, width, height)

    monkeypatch.setattr(canvas, "fit", counting_fit)
    target = image()
    painter = QPainter(target)
    paint(painter, scene, 1920, 1080, QRegion(clock).united(QRegion(digits)))
    painter.end()
    assert second.countdown in fitted  # type: ignore[attr-defined]
    assert second.time_of_day.strftime("%H:%M:%S") in fitted  # type: ignore[attr-defined]
    title = second.current.title  # type: ignore[attr-defined]
    assert title not in fitted  # inside the two rectangles' bounding box, outside the two rectangles


def test_the_region_on_a_scaled_painter_is_matched_in_device_pixels(qtbot: QtBot,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    scene = Scene("#000000")
    scene.add("left", Box(0.0, 0.0, 0.2, 0.2))
    scene.add("right", Box(0.8, 0.8, 0.2, 0.2))
    fitted: list[str] = []
    real_fit = canvas.fit

    def counting_fit(item: TextItem, width: float, height: float) -> canvas.Fitted:
        fitted.append(item.text)
        return real_fit(item, width, height)

    monkeypatch.setattr(canvas, "fit", counting_fit)
    target = image(200, 120)
    painter = QPainter(target)
    painter.scale(0.1, 0.1)  # a thumbnail: 1920×1080 drawn as 192×108
    paint(painter, scene, 1920, 1080, QRegion(QRect(160, 90, 30, 15)))
    painter.end()
    assert fitted == ["right"]


def test_the_window_and_its_thumbnail_share_one_scene_per_snapshot(qtbot: QtBot) -> None:
    first, second = running_states()
    scene = room_scene(StageWindow, first, False)  # type: ignore[arg-type]
    assert room_scene(StageWindow, first, False) is scene  # type: ignore[arg-type]
    assert room_scene(StageWindow, first, True) is not scene  # type: ignore[arg-type]
    later = room_scene(StageWindow, second, False)  # type: ignore[arg-type]
    assert later is not scene and later.texts != scene.texts


def test_a_picture_drawn_scene_fills_only_what_it_is_asked_to(qtbot: QtBot) -> None:
    """Drawing from pictures keeps the painter's clip: nothing lands outside the region being redrawn."""
    scene = Scene("#000000")
    scene.add("88:88", DIGITS_BOX, "#ffffff", digits=True, tight=True)
    target = image()
    painter = QPainter(target)
    inside = QRect(0, 0, 960, 1080)
    painter.setClipRegion(QRegion(inside))
    paint(painter, scene, 1920, 1080, QRegion(inside))
    painter.end()
    right = target.copy(QRect(960, 0, 960, 1080))
    untouched = image(960, 1080)
    assert largest_difference(right, untouched) == 0
    assert largest_difference(target.copy(inside), untouched) > 0  # the left half was drawn


PROBE = """
import json, os, sys, tempfile
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import runofshow.app
after_import = sorted(sys.modules)
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from runofshow.app import AppController
from runofshow.core.clock import SystemClock
from runofshow.paths import bundled_agenda
class NoQuestions:  # (tests.conftest's FakePrompts would import the agenda writer itself)
    def attach(self, window): pass
    def resume(self, found): return False
    def problems(self, *args, **kwargs): return False
    def confirm(self, title, text): return False
app = QApplication([])
folder = Path(tempfile.mkdtemp())
controller = AppController(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat), NoQuestions(),
                           SystemClock(), folder / "state")
controller.remote_args = runofshow.app.build_parser().parse_args(["--listen", "127.0.0.1:0"])
assert controller.start(bundled_agenda(), defer_extras=True)
before_paint = sorted(sys.modules)
while controller.displays is None:
    app.processEvents()
print(json.dumps({"import": after_import, "before_paint": before_paint, "after_paint": sorted(sys.modules),
                  "listening": controller.listener is not None and controller.listener.listening}))
controller.shutdown()
"""
EXTRAS = ("aiohttp", "runofshow.remote.server", "runofshow.ui.displays", "runofshow.ui.import_dialog",
          "runofshow.ui.report_export", "runofshow.io.agenda_save", "ruamel.yaml", "runofshow.qt.sound",
          "runofshow.io.plan_csv", "runofshow.qt.single_instance", "PySide6.QtNetwork")


def test_the_operator_window_is_painted_before_the_extras_are_imported(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], check=False, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path,
                          env={"ROOT": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                               "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    for moment in ("import", "before_paint"):
        loaded = [name for name in EXTRAS if name in modules[moment]]
        assert loaded == [], f"{moment}: {loaded}"
    # …and they do come once the window is painted: the displays, the sound and the network server.
    assert {"runofshow.ui.displays", "runofshow.qt.sound", "runofshow.remote.server",
            "runofshow.qt.single_instance"} <= set(modules["after_paint"])
    assert modules["listening"]  # a second copy on this show can bring the window forward from then on


def test_the_operators_timer_draws_from_glyph_pictures_and_looks_as_a_label_does(qtbot: QtBot) -> None:
    def rendered(label: StyledLabel) -> QImage:
        label.setFont(digits_font(112))
        label.set_colour("#34d27b")
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        label.resize(420, 160)
        picture = image(420, 160)
        label.render(picture)
        return picture

    plain, timer = StyledLabel("12:34"), DigitsLabel("12:34")
    qtbot.addWidget(plain)
    qtbot.addWidget(timer)
    by_label, by_timer = rendered(plain), rendered(timer)
    assert timer.picture_paints == 1
    columns = ink_columns(by_label)
    assert columns and all(min(abs(x - y) for y in ink_columns(by_timer)) <= 1 for x in columns)
    small = DigitsLabel("12:34")  # Qt's own glyph cache already serves small digits: the label draws itself
    qtbot.addWidget(small)
    small.setFont(digits_font(30))
    small.render(image(200, 60))
    assert small.picture_paints == 0


def test_an_elided_line_set_again_unchanged_is_not_laid_out_again(qtbot: QtBot,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    label = ElidedLabel("Stage: no message")
    qtbot.addWidget(label)
    calls: list[str] = []
    monkeypatch.setattr(label, "setToolTip", calls.append)
    for _ in range(5):
        label.set_full_text("Stage: no message")
    assert calls == []
    label.set_full_text("Stage: Wrap up")
    assert calls == ["Stage: Wrap up"]


def test_the_thumbnails_draw_their_scenes_just_after_the_strips_first_paint(qtbot: QtBot) -> None:
    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), None), clock)
    strip = ThumbnailStrip(bridge)
    qtbot.addWidget(strip)
    thumbnails = list(strip.thumbnails.values())
    assert all(thumbnail.drawing for thumbnail in thumbnails)  # by default (a render, a test): at once
    strip.draw_after_first_paint()  # as the app's cold start asks
    assert not any(thumbnail.drawing for thumbnail in thumbnails)  # the first paint: empty screens only
    strip.resize(600, 140)
    strip.show()
    qtbot.waitUntil(lambda: all(thumbnail.drawing and thumbnail.scene is not None for thumbnail in thumbnails),
                    timeout=3000)
    qtbot.waitUntil(lambda: all(thumbnail.paints >= 2 for thumbnail in thumbnails), timeout=3000)
