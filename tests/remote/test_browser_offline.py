"""A browser view that has lost the laptop, has not reached it yet, or lacks the token says so across the
whole view, on every view and every screen from a phone to 4K (issue 19, item 5).

Read from 10 m: the frozen picture is gone under an opaque layer that fills the view, the word (OFFLINE,
CONNECTING…, NO ACCESS) spans at least half the screen's width, and OFFLINE says since when and that it is
reconnecting. The layout check (tests/remote/layout.py) passes in each state. Coming back live shows the
view again at once. Set RUNOFSHOW_LAYOUT_PICTURES to a folder to keep a screenshot of each.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from runofshow.remote.server import RemoteServer
from tests.core.helpers import at
from tests.remote.browser import CHROMIUM, Browser, Page
from tests.remote.conftest import Remote
from tests.remote.layout import SIZES, describe, layout, resize

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
PICTURES = os.environ.get("RUNOFSHOW_LAYOUT_PICTURES")
VIEWS = ("stage", "projector", "moderator", "backstage")

# What the view shows, as a person at the back of the room would judge it.
COVER = r"""
(() => {
  const W = innerWidth, H = innerHeight;
  const status = document.getElementById("status");
  const cs = getComputedStyle(status), box = status.getBoundingClientRect();
  const alpha = (() => { const m = cs.backgroundColor.match(/rgba?\(([^)]*)\)/); if (!m) return 0;
                         const p = m[1].split(",").map(Number); return p.length > 3 ? p[3] : 1; })();
  // Every point of a grid over the view lands on the cover: nothing of the frozen picture shows through.
  const missed = [];
  for (let i = 0; i < 7; i++) for (let j = 0; j < 7; j++) {
    const x = (i + 0.5) * W / 7, y = (j + 0.5) * H / 7, hit = document.elementFromPoint(x, y);
    const what = hit ? hit.id || hit.className || hit.tagName : "nothing";
    if (!hit || !status.contains(hit)) missed.push(`${Math.round(x)},${Math.round(y)}: ${what}`);
  }
  const lines = [];
  const walker = document.createTreeWalker(status, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 1) lines.push({ text: node.textContent, width: r.width, height: r.height });
    }
  }
  return { W, H, shown: cs.display !== "none" && cs.visibility !== "hidden", position: cs.position,
           width: box.width, height: box.height, alpha, missed, lines, text: status.innerText };
})()
"""


def check_cover(seen: dict[str, Any], word: str) -> None:
    where = f"at {seen['W']}x{seen['H']}"
    assert seen["shown"] and seen["position"] == "fixed", where
    whole = seen["width"] >= seen["W"] - 1 and seen["height"] >= seen["H"] - 1
    assert whole, f"the cover is not the whole view {where}"
    assert seen["alpha"] == 1, f"the frozen picture shows through the cover {where}"
    assert not seen["missed"], f"the frozen picture shows {where}: {seen['missed'][:5]}"
    big = [line for line in seen["lines"] if word in line["text"]]
    assert big, f"no {word} {where}: {seen['text']!r}"
    assert big[0]["width"] >= 0.5 * seen["W"], f"{word} is {big[0]['width']:.0f} px wide of {seen['W']} {where}"


def js(remote: Remote, browser: Browser, page: Page, expression: str) -> Any:
    return remote.wait(browser.run(page.evaluate(expression)), 15000)


def wait_for(remote: Remote, browser: Browser, page: Page, condition: str, timeout_ms: int = 8000) -> None:
    remote.wait(browser.run(page.wait_for(condition, timeout_ms)), timeout_ms + 5000)


def every_size(remote: Remote, browser: Browser, page: Page, name: str, *, state: str, word: str,
               text: Callable[[str], None]) -> None:
    """The cover and the layout check at each screen size; `text` checks the cover's words."""
    failures = []
    for size in SIZES:
        remote.wait(browser.run(resize(page, *size)), 15000)
        seen = js(remote, browser, page, COVER)
        check_cover(seen, word)
        text(seen["text"])
        found = remote.wait(browser.run(layout(page)), 15000)
        if PICTURES:
            remote.wait(browser.run(page.screenshot(Path(PICTURES) / f"{name}-{state}-{size[0]}x{size[1]}.png")))
        if found.problems:
            failures.append(describe(name, state, size, found))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", VIEWS)
def test_a_view_that_loses_the_laptop_says_offline_across_the_whole_view_and_comes_back_at_once(
        name: str, remote_factory: Callable[..., Remote], browser: Browser) -> None:
    remote = remote_factory(at(13, 30))
    assert remote.command("go").status == 200
    remote.set_time(at(13, 35))
    page = remote.wait(browser.run(browser.open(f"{remote.base}/{name}", *SIZES[0])), 20000)
    try:
        wait_for(remote, browser, page, "document.body.dataset.conn === 'live' && ROS.state !== null", 15000)
        port = remote.server.port
        remote.server.stop()
        wait_for(remote, browser, page, "document.body.dataset.conn === 'offline'")

        def says(text: str) -> None:
            # Since when, in the laptop's time of day (its clock stands at 13:35:00 here), and that it retries.
            assert re.search(r"since 13:35:0\d", text), text
            assert "reconnecting" in text.lower(), text

        every_size(remote, browser, page, name, state="offline", word="OFFLINE", text=says)
        again = RemoteServer(remote.bridge, replace(remote.server.options, port=port), remote.token)
        assert again.start(), again.error
        try:
            wait_for(remote, browser, page, "document.body.dataset.conn === 'live'", 20000)
            # At once: in the very task that went live, the cover is gone and the view is on top again.
            back = js(remote, browser, page, """(() => {
                const s = getComputedStyle(document.getElementById("status"));
                const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
                return { cover: s.display !== "none" && s.visibility !== "hidden",
                         screen: Boolean(hit && document.getElementById("screen").contains(hit)) };
            })()""")
            assert back == {"cover": False, "screen": True}, back
        finally:
            again.stop()
    finally:
        remote.wait(browser.run(page.close()))


@pytest.mark.parametrize("name", VIEWS)
def test_a_view_without_the_token_says_so_across_the_whole_view(
        name: str, remote_factory: Callable[..., Remote], browser: Browser) -> None:
    remote = remote_factory(at(13, 30), force_token=True)
    page = remote.wait(browser.run(browser.open(f"{remote.base}/{name}", *SIZES[0])), 20000)
    try:
        wait_for(remote, browser, page, "document.body.dataset.conn === 'auth'", 12000)

        def says(text: str) -> None:
            assert "needs the access token" in text, text

        every_size(remote, browser, page, name, state="auth", word="NO ACCESS", text=says)
    finally:
        remote.wait(browser.run(page.close()))


# A WebSocket that never opens (a laptop that does not answer yet): the view stays "connecting".
NEVER_OPENS = """
window.WebSocket = class { constructor() {} send() {} close() {} };
"""


@pytest.mark.parametrize("name", VIEWS)
def test_a_view_that_has_not_reached_the_laptop_yet_says_connecting_across_the_whole_view(
        name: str, remote_factory: Callable[..., Remote], browser: Browser) -> None:
    remote = remote_factory(at(13, 30))
    page = remote.wait(browser.run(browser.open(f"{remote.base}/{name}", *SIZES[0], init_script=NEVER_OPENS)), 20000)
    try:
        wait_for(remote, browser, page, "document.body.dataset.conn === 'connecting'")

        def says(text: str) -> None:
            assert "runofshow" in text, text

        every_size(remote, browser, page, name, state="connecting", word="CONNECTING", text=says)
    finally:
        remote.wait(browser.run(page.close()))
