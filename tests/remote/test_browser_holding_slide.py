"""The browser projector's holding slide in headless Chromium: the logo slide, the agenda's picture, the token."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

from runofshow.core.agenda import Agenda
from tests.core.helpers import at, seed
from tests.remote.browser import CHROMIUM
from tests.remote.test_browser_views import View, view  # noqa: F401  (the fixtures)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")

HOLDING_SHOWN = ("getComputedStyle(document.getElementById('holding')).display === 'flex'"
                 " && document.getElementById('holding-picture').complete"
                 " && document.getElementById('holding-picture').naturalWidth > 0")


def with_picture(folder: Path) -> Agenda:
    image = QImage(1024, 768, QImage.Format.Format_RGB32)  # 4:3, as a sponsor slide often is
    gradient = QLinearGradient(0, 0, 1024, 768)
    gradient.setColorAt(0, QColor("#264653"))
    gradient.setColorAt(1, QColor("#2a9d8f"))
    painter = QPainter(image)
    painter.fillRect(0, 0, 1024, 768, gradient)
    painter.setPen(QColor("#e9c46a"))
    painter.drawRect(4, 4, 1015, 759)  # an edge that a stretch or a crop would move or cut
    painter.end()
    path = folder / "holding.png"
    assert image.save(str(path))
    agenda = seed()
    return replace(agenda, event=replace(agenda.event, holding_slide=str(path)))


def test_the_logo_slide_shows_the_event_title_and_goes_away_again(view: Callable[..., View],  # noqa: F811
                                                                   tmp_path: Path) -> None:
    projector = view("projector", at(13, 30), [("go", None), ("holding", {"on": True})], at(13, 35))
    projector.wait_for(HOLDING_SHOWN)
    assert projector.js("document.querySelector('#holding .headline').textContent") == seed().event.title
    assert projector.js("document.getElementById('holding-picture').naturalWidth") == 240  # the logo's SVG
    projector.shot(tmp_path, "web-projector-holding-logo.png")
    assert projector.remote.command("holding", {"on": False}).status == 200
    projector.wait_for("getComputedStyle(document.getElementById('holding')).display === 'none'")
    assert projector.texts("headline")["headline"] == "Welcoming remarks"


def test_the_agendas_picture_is_letterboxed_over_the_whole_screen(view: Callable[..., View],  # noqa: F811
                                                                  tmp_path: Path) -> None:
    projector = view("projector", at(13, 30), [("go", None), ("holding", {"on": True})], at(13, 35),
                     agenda=with_picture(tmp_path))
    projector.wait_for(HOLDING_SHOWN)
    assert projector.js("document.getElementById('holding-picture').naturalWidth") == 1024
    assert projector.js("getComputedStyle(document.getElementById('holding-picture')).objectFit") == "contain"
    box = projector.js("(() => { const r = document.getElementById('holding-picture').getBoundingClientRect();"
                       " return [r.width, r.height]; })()")
    assert box == [1280, 720]  # the whole screen; `contain` keeps the picture's shape inside it
    assert projector.js("getComputedStyle(document.getElementById('holding')).backgroundColor") == "rgb(0, 0, 0)"
    assert projector.js("document.querySelector('#holding .headline').style.display") == "none"
    projector.shot(tmp_path, "web-projector-holding-image.png")


def test_blackout_covers_the_holding_slide(view: Callable[..., View]) -> None:  # noqa: F811
    projector = view("projector", at(13, 30), [("go", None), ("holding", {"on": True}),
                                               ("blackout", {"display": "projector", "on": True})], at(13, 35))
    projector.wait_for("getComputedStyle(document.getElementById('holding')).display === 'flex'")
    on_top = projector.js("document.elementFromPoint(640, 360).id")
    assert on_top == "blackout"


def test_a_guarded_projector_fetches_the_slide_with_its_token(view: Callable[..., View]) -> None:  # noqa: F811
    projector = view("projector", at(13, 30), [], at(13, 35), force_token=True)
    assert projector.remote.command("holding", {"on": True},
                                    headers={"X-Runofshow-Token": projector.remote.token}).status == 200
    projector.wait_for(HOLDING_SHOWN)
    assert "token=" in projector.js("document.getElementById('holding-picture').src")
