"""A view whose drawing fails once keeps counting: the next redraw is still set (the show loop's rule,
for the browser views: one bad draw never freezes the digits until the next snapshot or the stale check)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.core.helpers import at
from tests.remote.browser import CHROMIUM, Browser
from tests.remote.conftest import Remote

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")

# Snapshots can be held back from the view (window.holdSnapshots): the view must go on by its own timer.
HOLD_SNAPSHOTS = """
(() => {
  const Real = window.WebSocket;
  window.WebSocket = class extends Real {
    constructor(...args) {
      super(...args);
      // Registered before the view's onmessage, so it can stop the view from seeing a snapshot.
      this.addEventListener("message", (event) => { if (window.holdSnapshots) event.stopImmediatePropagation(); });
    }
  };
})();
"""

FAIL_ONCE_THEN_COUNT_FLIPS = """
new Promise((resolve) => {
  window.holdSnapshots = true;
  const write = ROS.text;
  let failed = false;
  ROS.text = (id, value) => {
    if (!failed && id === "digits") { failed = true; throw new Error("a bad draw"); }
    return write(id, value);
  };
  const digits = document.getElementById("digits");
  const seen = [digits.textContent];
  new MutationObserver(() => {
    if (digits.textContent !== seen[seen.length - 1]) seen.push(digits.textContent);
  }).observe(digits, { childList: true, characterData: true, subtree: true });
  dispatchEvent(new Event("resize"));  // a redraw now, which fails
  // Under the stale check (4 s): only the view's own timer can change the digits meanwhile.
  setTimeout(() => resolve({ failed, seen, conn: document.body.dataset.conn }), 2600);
})
"""


def test_a_failed_draw_does_not_stop_the_countdown(remote_factory: Callable[..., Remote], browser: Browser) -> None:
    remote = remote_factory(at(13, 30))
    assert remote.command("go", None).status == 200
    remote.set_time(at(13, 35))
    page = remote.wait(browser.run(browser.open(f"{remote.base}/stage", 1280, 720, init_script=HOLD_SNAPSHOTS)),
                       20000)
    try:
        remote.wait(browser.run(page.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null")), 15000)
        result = remote.wait(browser.run(page.evaluate(FAIL_ONCE_THEN_COUNT_FLIPS, timeout=15)), 20000)
        assert result["failed"], result
        assert result["conn"] == "live", result
        # 2.6 s with no snapshot: two or three flips of the countdown, by the view's own timer.
        assert len(result["seen"]) >= 3, f"the digits stopped after the failed draw: {result['seen']}"
    finally:
        remote.wait(browser.run(page.close()))
