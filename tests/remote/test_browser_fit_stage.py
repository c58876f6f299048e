"""/stage and /projector fit their text to the screen (issue 19, items 3, 7 and 8): the 280-character
message reads whole and large, the projector's long headline is never cut to two lines with "…", the
stage's title on a phone is not squeezed to "EC …" by the clock, and the stage's flash keeps time by
asking for its own redraws (ROS.soon), not by a fixed timer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.core.helpers import at
from tests.remote.browser import CHROMIUM, Browser
from tests.remote.conftest import Remote
from tests.remote.layout import FULL_HD, LONG_MESSAGE, PHONE
from tests.remote.test_browser_views import View, view  # noqa: F401  (the fixtures)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")

PHONE_ON_ITS_SIDE = (844, 390)
LAPTOP = (1280, 720)

# How an element's text lies in its box: every line inside the box (nothing cut, nothing hidden by a clamp or
# an ellipsis), the box inside the screen, and the font size in px.
WHOLE = """((id) => {
  const el = document.getElementById(id), box = el.getBoundingClientRect(), S = 1;
  const range = document.createRange();
  range.selectNodeContents(el);
  const lines = [...range.getClientRects()].filter((r) => r.width >= 1 && r.height >= 1);
  const inside = lines.length > 0 && lines.every((r) => r.left >= box.left - S && r.right <= box.right + S
                                                 && r.top >= box.top - S && r.bottom <= box.bottom + S);
  const onScreen = box.left >= -S && box.top >= -S && box.right <= innerWidth + S && box.bottom <= innerHeight + S;
  const unclipped = el.scrollWidth <= el.clientWidth + S && el.scrollHeight <= el.clientHeight + S;
  return { inside, onScreen, unclipped, font: parseFloat(getComputedStyle(el).fontSize), lines: lines.length,
           text: el.textContent };
})"""

# The ink of the countdown's digits as a fraction of the screen's height (as test_browser_stage_progress).
INK = ("(() => { const d = document.getElementById('digits'), cs = getComputedStyle(d);"
       " const c = document.createElement('canvas').getContext('2d');"
       " c.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;"
       " const m = c.measureText(d.textContent);"
       " return (m.actualBoundingBoxAscent + m.actualBoundingBoxDescent) / window.innerHeight; })()")


def whole(page: View, element_id: str) -> dict[str, Any]:
    result: dict[str, Any] = page.js(f"{WHOLE}('{element_id}')")
    return result


def readable(found: dict[str, Any]) -> bool:
    return bool(found["inside"] and found["onScreen"] and found["unclipped"])


# -- item 3: the longest message reads whole, as large as its box allows ---------------------------------

# The least font size (px) the 280 characters get: about what the Qt stage gives them in its message box
# (40 px at 1080p), and on a phone what reads at arm's length.
MESSAGE_FONT = {PHONE: 16, PHONE_ON_ITS_SIDE: 13, LAPTOP: 25, FULL_HD: 36}


@pytest.mark.parametrize("size", list(MESSAGE_FONT), ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_longest_stage_message_reads_whole_and_large(view: Callable[..., View],  # noqa: F811
                                                         size: tuple[int, int]) -> None:
    stage = view("stage", at(13, 30), [("go", None), ("message", {"text": LONG_MESSAGE})], at(13, 43, 30),
                 size=size)
    found = whole(stage, "message")
    assert found["text"] == LONG_MESSAGE
    assert readable(found), found
    assert found["font"] >= MESSAGE_FONT[size], found
    if size[0] > size[1] and size[1] >= 720:
        # The digits make room for it, as on the Qt display, but keep 0.3 of the height in ink.
        assert stage.js(INK) >= 0.3
    for element_id in ("digits", "word", "next", "title", "clock"):
        assert whole(stage, element_id)["onScreen"], element_id


# -- item 7: the projector's long headline is whole, and large --------------------------------------------

DELIVERING = "Delivering better health and care, economic growth and resilient health systems. Joint IP/PCP in " \
             "the Agder region in Norway"


@pytest.mark.parametrize("size", [FULL_HD, LAPTOP, PHONE, PHONE_ON_ITS_SIDE, (3840, 2160)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_projector_shows_a_long_title_whole(view: Callable[..., View],  # noqa: F811
                                                size: tuple[int, int]) -> None:
    projector = view("projector", at(15, 10), [("goto", {"slot": "agder"})], at(15, 12), size=size)
    found = whole(projector, "headline")
    assert found["text"] == DELIVERING
    assert readable(found), found
    # The largest font that fits: at least what two clamped lines had (7.5 % of the height) on a landscape
    # screen; on a phone at least a comfortable reading size.
    least = 0.06 * size[1] if size[0] > size[1] else 22
    assert found["font"] >= least, found


# -- item 8: the stage's title on a phone is not squeezed out by the clock ---------------------------------

EC_TITLE = "EC strategic objectives, initiatives and ongoing work on innovation procurement"


@pytest.mark.parametrize("size", [PHONE, PHONE_ON_ITS_SIDE, (768, 1024)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_stage_title_on_a_phone_reads_whole_beside_the_clock(view: Callable[..., View],  # noqa: F811
                                                                 size: tuple[int, int]) -> None:
    stage = view("stage", at(14, 0), [("goto", {"slot": "ec-objectives"})], at(14, 2), size=size)
    title, clock = whole(stage, "title"), whole(stage, "clock")
    assert title["text"] == EC_TITLE
    assert readable(title), title
    assert title["font"] >= 16, title
    assert readable(clock) and clock["lines"] == 1, clock
    assert clock["font"] >= 14, clock
    assert whole(stage, "digits")["font"] > title["font"] * 3  # the countdown stays the biggest thing


# -- the flash keeps its own time ---------------------------------------------------------------------------

NO_FIXED_TIMER = "window.setInterval = () => 0;"  # no 200 ms watchdog: only scheduled redraws draw
COUNT_FLASHES = """(() => {
  window.flashes = 0;
  let bright = document.body.classList.contains('bright');
  new MutationObserver(() => {
    const now = document.body.classList.contains('bright');
    if (now !== bright) { bright = now; window.flashes += 1; }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
})()"""


def test_the_stage_flash_asks_for_its_own_redraws(remote_factory: Callable[..., Remote],
                                                  browser: Browser) -> None:
    # One second over time: the stage flashes (bright, dark, every 250 ms) for four more seconds.
    remote = remote_factory(at(13, 30))
    assert remote.command("go", None).status == 200
    remote.set_time(at(13, 45, 1))
    page = remote.wait(browser.run(browser.open(f"{remote.base}/stage", *FULL_HD, init_script=NO_FIXED_TIMER)),
                       20000)
    try:
        remote.wait(browser.run(page.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null")),
                    15000)
        remote.wait(browser.run(page.evaluate(COUNT_FLASHES)))
        # Four halves of the flash take a second; the snapshots alone (about one a second) would give one.
        remote.wait(browser.run(page.wait_for("window.flashes >= 4", 1600)), 10000)
    finally:
        remote.wait(browser.run(page.close()))
