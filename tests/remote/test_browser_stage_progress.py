"""The web /stage in headless Chromium: its countdown keeps 0.3 of the height under a message (issue 12,
item 9) and its progress bar marks the warning zone (item 14), like the Qt speaker display."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.core.helpers import at
from tests.remote.test_browser_views import CHROMIUM, View, view  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
SHORT = "Please wrap up, Q&A after the break"
LONGEST = ("Mic 3 is dead, use 4. " * 13)[:280]
SIZES = [(800, 480), (1280, 720), (1920, 1080), (3840, 2160)]
INK = ("(() => { const d = document.getElementById('digits'), cs = getComputedStyle(d);"
       " const c = document.createElement('canvas').getContext('2d');"
       " c.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;"
       " const m = c.measureText(d.textContent);"
       " return (m.actualBoundingBoxAscent + m.actualBoundingBoxDescent) / window.innerHeight; })()")
INSIDE = ("(() => { const e = document.getElementById('{id}'), r = e.getBoundingClientRect();"
          " return (e.id !== 'message' || e.scrollHeight <= e.clientHeight + 1)"
          " && r.bottom <= window.innerHeight + 1 && r.top >= 0; })()")


@pytest.mark.parametrize("text", [SHORT, LONGEST], ids=["short", "longest"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_web_countdown_keeps_three_tenths_of_the_height_under_a_message(
        view: Callable[..., View], size: tuple[int, int], text: str) -> None:  # noqa: F811
    stage = view("stage", at(13, 30), [("go", None), ("message", {"text": text})], at(13, 36), size=size)
    assert stage.texts("message")["message"] == text
    ink = stage.js(INK)
    assert ink >= 0.3, ink
    for element in ("message", "progress", "next"):  # all of the message reads, nothing falls off
        assert stage.js(INSIDE.replace("{id}", element)) is True, element


def test_the_web_bar_is_a_third_full_with_the_warning_zone_from_13_of_15_minutes(
        view: Callable[..., View], tmp_path: Path) -> None:  # noqa: F811
    stage = view("stage", at(13, 30), [("go", None)], at(13, 35))
    width = stage.js("document.getElementById('progress').getBoundingClientRect().width")
    fill = stage.js("document.querySelector('#progress .fill').getBoundingClientRect().width") / width
    zone = stage.js("(() => { const b = document.getElementById('progress').getBoundingClientRect();"
                    " return (document.querySelector('#progress .zone').getBoundingClientRect().left - b.left)"
                    " / b.width; })()")
    assert 1 / 3 - 0.003 <= fill <= 1 / 3 + 0.01  # it moves on by itself between snapshots
    assert abs(zone - 13 / 15) < 0.002
    assert stage.js("getComputedStyle(document.querySelector('#progress .fill')).backgroundColor") \
        == "rgb(52, 210, 123)"
    stage.shot(tmp_path, "web-stage-progress.png")


def test_the_web_bar_is_full_and_red_over_time(view: Callable[..., View]) -> None:  # noqa: F811
    stage = view("stage", at(13, 30), [("go", None)], at(13, 46))
    assert stage.js("document.getElementById('progress').dataset.done") == "1.000"
    assert stage.js("getComputedStyle(document.querySelector('#progress .fill')).backgroundColor") \
        == "rgb(255, 59, 48)"


def test_no_web_bar_before_the_show(view: Callable[..., View]) -> None:  # noqa: F811
    stage = view("stage", at(13, 20), [], at(13, 20))
    assert stage.js("document.getElementById('progress').hidden") is True
