"""The web /stage changes its picture only where a shown digit changes (issue 19, item 10: its cost).

A page's CPU in the browser is its frames: each DOM change costs a frame (style, layout, paint, raster, the
compositor), whatever its size. The stage shows two things that move by themselves at two moments of each
second: the countdown (on the slot's second) and the laptop's clock (on the laptop's second). The progress bar
moves with the digits, never in the clock's frame: a bar that moved at every redraw made the clock's flip a
full repaint of its own.

Measured in the page: a MutationObserver sees each redraw's changes as one batch (the redraw is one task);
over a few live seconds, every batch that moves the bar also changes the countdown's digits.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.remote.browser import CHROMIUM, Browser
from tests.remote.conftest import Remote
from tests.remote.test_browser_flip import live_server, open_window  # noqa: F401  (a fixture)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")

WATCH_MS = 4500  # four or five flips of the clock and as many of the countdown

# Each batch of changes the view made to the screen, over WATCH_MS: what changed in it.
WATCH = """
new Promise((resolve) => {
  const batches = [];
  const what = (node) => {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (el.closest("#digits")) return "digits";
    if (el.closest("#clock")) return "clock";
    if (el.closest("#progress")) return "bar";
    return el.id || el.className || el.tagName;
  };
  const observer = new MutationObserver((records) => {
    batches.push({ at: performance.now(), changed: [...new Set(records.map((r) => what(r.target)))] });
  });
  observer.observe(document.getElementById("screen"),
                   { subtree: true, childList: true, characterData: true, attributes: true });
  setTimeout(() => { observer.disconnect(); resolve(batches); }, WATCH_MS);
})
""".replace("WATCH_MS", str(WATCH_MS))


def test_the_stage_bar_moves_only_in_the_frame_of_the_countdown(
        live_server: Remote, browser: Browser) -> None:  # noqa: F811
    remote = live_server
    assert remote.command("goto", {"slot": "policy-panel"}).status == 200
    assert remote.bridge.state.phase.value == "running"
    page, context = remote.wait(browser.run(open_window(browser, f"{remote.base}/stage")), 20000)
    try:
        remote.wait(browser.run(page.wait_for("ROS.conn === 'live' && ROS.state !== null")), 15000)
        batches: list[dict[str, Any]] = remote.wait(browser.run(page.evaluate(WATCH, WATCH_MS / 1000 + 10)),
                                                    WATCH_MS + 15000)
    finally:
        remote.wait(browser.run(page.close()))
        remote.wait(browser.run(browser.send("Target.disposeBrowserContext", {"browserContextId": context})))
    summary = [f"{batch['at']:.0f} ms: {', '.join(batch['changed'])}" for batch in batches]
    flips = [batch for batch in batches if "digits" in batch["changed"]]
    ticks = [batch for batch in batches if "clock" in batch["changed"]]
    assert len(flips) >= 3 and len(ticks) >= 3, summary  # the page was live and both moved
    for batch in batches:
        if "bar" in batch["changed"]:
            assert "digits" in batch["changed"], summary
    # The slot's second and the laptop's second fall at different moments here: two frames a second, no more.
    assert len(batches) <= len(flips) + len(ticks), summary
