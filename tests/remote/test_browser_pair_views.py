"""A browser view given both laptops of a pair (`backup=host:port`) shows the show from the primary (issue 17).

Two real servers on loopback, each with its own bridge and a standing put on it, both with the same view token,
and a real headless Chromium. The page stays on a primary; leaves a following laptop for the other one when that
one says it is the primary of the same epoch or a later one; leaves a laptop that has gone (stopped, or silent with
its socket open) for the other one if it answers at all; never goes where nothing answered; and never moves in its
first ten seconds.

Time in the page: the ten seconds a view stays after it opened are skipped, where a test is not about them, by
moving the page's monotonic clock (performance.now) ten seconds on before its scripts run: a page that has been
open a while. Everything else runs on the page's own timers, each wait bounded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Coroutine, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import pytest
from pytestqt.qtbot import QtBot

from runofshow.core.clock import FakeClock
from runofshow.core.standing import Epoch, Role, Standing
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.options import RemoteOptions, load_or_create_token
from runofshow.remote.server import RemoteServer
from tests.core.helpers import at, seed
from tests.remote.browser import CHROMIUM, Browser, Page
from tests.remote.conftest import LOOPBACK
from tests.remote.layout import SIZES, describe, layout, resize
from tests.remote.test_browser_offline import COVER, check_cover

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")

T = TypeVar("T")
VIEW_TOKEN = "the-view-token-both-laptops-share"
STAY_MS, GONE_MS, EVERY_MS = 10000, 4000, 2000  # common.js PAIR: stay after opening, gone after, checks


class Laptop:
    """One laptop of the pair: a bridge with a standing, and its server (stopped and started again on its port)."""

    def __init__(self, folder: Path) -> None:
        self.bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), folder / "state"), FakeClock(at(13, 30).t))
        self.token = load_or_create_token(folder / "state")
        self.options = RemoteOptions(host=LOOPBACK, port=0, force_token=True)  # the views need the view token
        self.servers: list[RemoteServer] = []
        self.port = 0
        self.start()

    def start(self) -> None:
        server = RemoteServer(self.bridge, replace(self.options, port=self.port), self.token, view_token=VIEW_TOKEN)
        assert server.start(), server.error
        # /api/role answers this laptop's standing: app.py hands it to the running server's app the same way.
        server.app.standing = lambda: self.bridge.standing
        self.servers.append(server)
        self.port = server.port

    def stop(self) -> None:
        self.servers[-1].stop()

    @property
    def address(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    def be(self, role: Role, epoch: int, followed: Laptop | None = None) -> None:
        primary = followed.address if followed is not None else ""
        self.bridge.set_standing(Standing(role=role, epoch=Epoch(epoch, "x"), primary=primary))

    def view(self, other: Laptop, name: str = "stage") -> str:
        return f"http://{self.address}/{name}?token={VIEW_TOKEN}&backup={other.address}"

    def close(self) -> None:
        for server in self.servers:
            server.stop()
        self.bridge.stop()
        self.bridge.session.close()


@pytest.fixture
def pair(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    first, second = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    yield first, second
    first.close()
    second.close()


def opened_a_while_ago(port: int) -> str:
    """A script run before the page's own: on this port, the page's monotonic clock starts ten seconds on."""
    return f"""(() => {{
      if (location.port !== "{port}") return;
      const real = performance.now.bind(performance);
      performance.now = () => real() + {STAY_MS};
    }})();"""


class View:
    """A tab, driven from the test while the Qt event loop runs (both bridges publish from it)."""

    def __init__(self, qtbot: QtBot, browser: Browser, url: str, init_script: str = "") -> None:
        self.qtbot, self.browser = qtbot, browser
        self.page: Page = self.run(browser.open(url, init_script=init_script), 20000)

    def run(self, coro: Coroutine[Any, Any, T], timeout_ms: int = 15000) -> T:
        future = self.browser.run(coro)
        self.qtbot.waitUntil(future.done, timeout=timeout_ms)
        return future.result()

    def js(self, expression: str) -> Any:
        return self.run(self.page.evaluate(expression))

    def wait_for(self, condition: str, timeout_ms: int = 8000) -> None:
        self.run(self.page.wait_for(condition, timeout_ms), timeout_ms + 5000)

    def wait_live_on(self, laptop: Laptop, timeout_ms: int) -> None:
        """Until the tab shows the show live from this laptop, through a navigation (which ends a page's waits)."""
        until = time.monotonic() + timeout_ms / 1000
        while True:
            try:
                self.wait_for(f"location.port === '{laptop.port}' && ROS.conn === 'live'", 1000)
                return
            except Exception:  # a wait ended by the navigation, or not there yet
                if time.monotonic() > until:
                    raise

    def close(self) -> None:
        self.run(self.page.close())


def stays(view: View, laptop: Laptop, checks: int, *, conn: str) -> dict[str, Any]:
    """Wait for `checks` more checks of the pair, and what the last one found: the tab is still on `laptop`."""
    done = view.js("ROS.pair.checks") + checks
    view.wait_for(f"ROS.pair.checks >= {done}", checks * EVERY_MS + 5000)
    seen: dict[str, Any] = view.js("({port: location.port, conn: ROS.conn, ...ROS.pair})")
    assert seen["port"] == str(laptop.port) and seen["conn"] == conn and seen["last"] == "stay", seen
    return seen


RULES = """
(() => {
  const live = (pair) => ({conn: "live", pair, downSince: 0});
  const following = {role: "following", epoch: 2}, primary = {role: "primary", epoch: 2};
  const down = (conn, since) => ({conn, pair: following, downSince: since});
  const step = ROS.pairStep;
  return [
    step(9999, live(following), {role: "primary", epoch: 2}),   // opened less than ten seconds ago
    step(20000, live(primary)),                                  // its own laptop is the primary
    step(20000, live(undefined)),                                // a laptop older than pairs
    step(20000, live(following)),                                // following: ask the other one
    step(20000, live(following), {role: "primary", epoch: 2}),   // the primary of the same epoch
    step(20000, live(following), {role: "primary", epoch: 3}),   // of a later one
    step(20000, live(following), {role: "primary", epoch: 1}),   // a former primary, not stepped down yet
    step(20000, live(following), {role: "following", epoch: 2}), // both follow: nobody drives, stay
    step(20000, live(following), null),                          // no answer
    step(20000, down("offline", 17000)),                         // down three seconds: not gone yet
    step(20000, down("offline", 16000)),                         // gone: ask the other one
    step(20000, down("offline", 16000), {role: "following", epoch: 1}), // it answers: it shows the show
    step(20000, down("offline", 16000), null),                   // nothing answers: never go there
    step(20000, down("connecting", 0), {role: "primary", epoch: 2}),   // never reached its own laptop
    step(20000, down("auth", 0), {role: "primary", epoch: 2}),   // its laptop answers, without the token
  ];
})()
"""


def test_the_rule_of_a_view_given_both_laptops(pair: tuple[Laptop, Laptop], qtbot: QtBot, browser: Browser) -> None:
    first, second = pair
    view = View(qtbot, browser, first.view(second))
    try:
        assert view.js(RULES) == ["stay", "stay", "stay", "ask", "move", "move", "stay", "stay", "stay",
                                  "stay", "ask", "move", "stay", "move", "stay"]
        assert view.js("ROS.pair.backup") == second.address
    finally:
        view.close()
    for malformed in ("127.0.0.1", f"127.0.0.1:{second.port}/x", "a b:80", f"user@127.0.0.1:{second.port}"):
        view = View(qtbot, browser, f"http://{first.address}/stage?token={VIEW_TOKEN}&backup={malformed}")
        try:
            assert view.js("ROS.pair.backup") == "", malformed  # not an address: no other laptop is asked
        finally:
            view.close()


@pytest.mark.parametrize("case", [
    ((Role.PRIMARY, 1), (Role.FOLLOWING, 1), False),  # on the primary: it never even asks
    ((Role.FOLLOWING, 1), (Role.FOLLOWING, 1), True),  # both follow (nobody drives yet): no move either way
    ((Role.FOLLOWING, 2), (Role.PRIMARY, 1), True),  # a former primary back on an older epoch is not followed
], ids=["on-the-primary", "both-following", "older-epoch"])
def test_a_view_stays_where_it_is_right(case: tuple[tuple[Role, int], tuple[Role, int], bool],
                                        pair: tuple[Laptop, Laptop], qtbot: QtBot, browser: Browser) -> None:
    own, other, asks = case  # this laptop's role and epoch, the other one's, and whether the view asks it
    first, second = pair
    first.be(*own, followed=second if own[0] is Role.FOLLOWING else None)
    second.be(*other, followed=first if other[0] is Role.FOLLOWING else None)
    view = View(qtbot, browser, first.view(second), opened_a_while_ago(first.port))
    try:
        view.wait_for("ROS.conn === 'live' && ROS.state !== null && ROS.state.pair !== undefined", 15000)
        assert view.js("ROS.state.pair.role") == own[0].value
        seen = stays(view, first, 3, conn="live")
        assert (seen["asked"] >= 2) is asks, seen
    finally:
        view.close()


def test_a_view_on_a_following_laptop_moves_to_the_primary_with_its_token_and_a_way_back(
        pair: tuple[Laptop, Laptop], qtbot: QtBot, browser: Browser) -> None:
    first, second = pair
    second.be(Role.PRIMARY, 2)
    first.be(Role.FOLLOWING, 2, followed=second)
    view = View(qtbot, browser, first.view(second, "moderator"))  # no clock moved: the ten seconds are real
    try:
        opened = view.js("performance.timeOrigin")
        view.wait_live_on(second, STAY_MS + 2 * EVERY_MS + 10000)
        moved = view.js("performance.timeOrigin") - opened
        assert STAY_MS <= moved <= STAY_MS + 2 * EVERY_MS + 3000, moved  # not before ten seconds, soon after
        address = urlsplit(view.js("location.href"))
        assert address.path == "/moderator"
        assert parse_qs(address.query) == {"token": [VIEW_TOKEN], "backup": [first.address]}
        assert view.js("ROS.state.pair") == {"role": "primary", "epoch": 2, "primary": "", "connected": False,
                                             "lost_since": None}
        assert view.js("ROS.pair.backup") == first.address  # the way back, should that laptop take over one day
    finally:
        view.close()


def test_a_view_whose_laptop_stops_moves_to_the_other_one(
        pair: tuple[Laptop, Laptop], qtbot: QtBot, browser: Browser) -> None:
    first, second = pair
    first.be(Role.PRIMARY, 1)
    second.be(Role.FOLLOWING, 1, followed=first)  # not taken over yet: it still shows the show, and will
    view = View(qtbot, browser, first.view(second, "backstage"), opened_a_while_ago(first.port))
    try:
        view.wait_for("ROS.conn === 'live' && ROS.state !== null", 15000)
        stopped = time.monotonic()
        first.stop()
        view.wait_live_on(second, GONE_MS + 2 * EVERY_MS + 10000)
        took = time.monotonic() - stopped
        assert took <= (GONE_MS + 2 * EVERY_MS + 3000) / 1000, took
        assert parse_qs(urlsplit(view.js("location.href")).query) == {"token": [VIEW_TOKEN],
                                                                      "backup": [first.address]}
    finally:
        view.close()


# A laptop frozen mid-show (SIGSTOP, a hung disk): its socket stays open and says nothing more. `silent` stops
# the page hearing its snapshots; `lastHeard` is the wall time of the last one it heard.
FALLS_SILENT = """(() => {
  const Real = window.WebSocket;
  window.silent = false;
  window.WebSocket = function (url, protocols) {
    const socket = new Real(url, protocols);
    Object.defineProperty(socket, "onmessage", { set(handler) {
      socket.addEventListener("message", (event) => {
        if (window.silent) return;
        window.lastHeard = Date.now();
        handler(event);
      });
    } });
    return socket;
  };
  window.WebSocket.prototype = Real.prototype;
})();"""


def test_a_view_whose_laptop_falls_silent_moves_within_seconds_of_its_last_word(
        pair: tuple[Laptop, Laptop], qtbot: QtBot, browser: Browser) -> None:
    first, second = pair
    first.be(Role.PRIMARY, 1)
    second.be(Role.FOLLOWING, 1, followed=first)
    view = View(qtbot, browser, first.view(second), opened_a_while_ago(first.port) + FALLS_SILENT)
    try:
        view.wait_for("ROS.conn === 'live' && ROS.state !== null", 15000)
        last_heard = view.js("window.silent = true; window.lastHeard")
        view.wait_live_on(second, 2 * GONE_MS + 2 * EVERY_MS + 10000)
        # Silence is counted from the last snapshot, not from the moment the view gave up on the socket (4 s later).
        took = view.js("performance.timeOrigin") - last_heard
        assert took <= GONE_MS + EVERY_MS + 1000, took
    finally:
        view.close()


@pytest.mark.parametrize("back", ["the-other-laptop", "its-own-laptop"])
def test_with_both_laptops_gone_a_view_says_offline_and_goes_nowhere_until_one_answers(
        back: str, pair: tuple[Laptop, Laptop], qtbot: QtBot, browser: Browser) -> None:
    first, second = pair
    first.be(Role.PRIMARY, 1)
    second.be(Role.FOLLOWING, 1, followed=first)
    second.stop()
    view = View(qtbot, browser, first.view(second), opened_a_while_ago(first.port))
    try:
        view.wait_for("ROS.conn === 'live' && ROS.state !== null", 15000)
        first.stop()
        view.wait_for("ROS.conn === 'offline'")
        seen = stays(view, first, 4, conn="offline")  # past the four seconds: it asked, nothing answered
        assert seen["asked"] >= 2, seen
        text = view.js("document.getElementById('status').innerText")
        assert "OFFLINE" in text and f"trying the other laptop, {second.address}" in text, text
        if back == "the-other-laptop":
            second.start()
            view.wait_live_on(second, 2 * EVERY_MS + 8000)
        else:
            first.start()
            view.wait_for("ROS.conn === 'live'", 20000)
            stays(view, first, 2, conn="live")
    finally:
        view.close()


@pytest.mark.parametrize("name", ["stage", "projector", "moderator", "backstage"])
def test_offline_with_the_other_laptop_named_still_reads_from_the_back_of_the_room(
        name: str, pair: tuple[Laptop, Laptop], qtbot: QtBot, browser: Browser) -> None:
    """The OFFLINE note names the other laptop it tries: the cover and the layout hold at every screen size."""
    first, second = pair
    second.stop()
    view = View(qtbot, browser, first.view(second, name))
    pictures = os.environ.get("RUNOFSHOW_LAYOUT_PICTURES")
    try:
        view.wait_for("ROS.conn === 'live' && ROS.state !== null", 15000)
        first.stop()
        view.wait_for("ROS.conn === 'offline'")
        failures = []
        for size in SIZES:
            view.run(resize(view.page, *size))
            seen = view.js(COVER)
            check_cover(seen, "OFFLINE")
            assert f"trying the other laptop, {second.address}" in seen["text"], seen["text"]
            found = view.run(layout(view.page))
            if pictures:
                view.run(view.page.screenshot(Path(pictures) / f"pair-{name}-offline-{size[0]}x{size[1]}.png"))
            if found.problems:
                failures.append(describe(name, "offline, with a backup", size, found))
        assert not failures, "\n".join(failures)
    finally:
        view.close()
