"""The browser views' clocks when a clock jumps: the device's (a phone set by hand, NTP) or the laptop's.

A running countdown must not move with either wall clock: it counts from the snapshot's remaining time
by monotonic time on both sides. The time of day shown is the laptop's, estimated from the snapshots.

Unlike test_browser_views.py, the server here runs on real time (a clock like SystemClock whose wall
clock the test can move), so the page and the laptop can be compared second by second. The page records
what it shows every 50 ms; the test maps the page's own monotonic time back to the laptop's and checks
every record. About five seconds a scenario.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from runofshow.core.clock import Instant
from runofshow.io.session import ShowSession
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.options import RemoteOptions, load_or_create_token
from runofshow.remote.server import RemoteServer
from tests.core.helpers import BRUSSELS, at, seed
from tests.remote.browser import CHROMIUM, Browser, Page
from tests.remote.conftest import LOOPBACK, Client, Remote

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")

JUMP = 45 * 60  # seconds: the jump of the issue ("+44:03 OVER TIME")
SETTLE_S, HOLD_S = 1.5, 3.0  # live before the first jump; how long each jump lasts
CONVERGE_S = 2.2  # after the laptop's clock jumps, the time of day follows within this (two snapshots)

# Runs before the page's own scripts: this device's wall clock (Date) can be moved by the test.
# performance.now() is left alone, as a real clock change leaves it alone.
FAKE_DEVICE_CLOCK = """
(() => {
  const RealDate = Date;
  let shift = 0;
  const now = () => RealDate.now() + shift;
  window.jumpDeviceClock = (seconds) => { shift += seconds * 1000; };
  window.Date = class extends RealDate {
    constructor(...args) { if (args.length) super(...args); else super(now()); }
    static now() { return now(); }
  };
})();
"""

# What the stage shows, every 50 ms, stamped with the page's monotonic time as epoch milliseconds.
RECORD = """
(() => {
  window.shown = [];
  const text = (id) => document.getElementById(id).textContent;
  setInterval(() => shown.push([performance.timeOrigin + performance.now(), text('digits'), text('word'),
                                text('clock')]), 50);
  return true;
})()
"""


class LiveClock:
    """Real time from `start`, as SystemClock: `t` from the monotonic clock; `wall_jump` moves only the wall."""

    speed = 1.0

    def __init__(self, start: Instant) -> None:
        self.start = start
        self.origin = time.monotonic()
        self.wall_jump = 0.0

    def show_time(self, monotonic: float) -> float:
        return self.start.t + (monotonic - self.origin)

    def now(self) -> Instant:
        t = self.show_time(time.monotonic())
        return Instant(t, t + self.wall_jump)


@pytest.fixture
def live(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Remote, LiveClock]]:
    """A running slot ("Welcoming remarks", 15 minutes) on a server that runs on real time."""
    clock = LiveClock(at(13, 35))
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), tmp_path / "state"), clock)
    server = RemoteServer(bridge, RemoteOptions(host=LOOPBACK, port=0), load_or_create_token(tmp_path / "state"))
    assert server.start(), server.error
    remote = Remote(bridge, clock, server, Client(), qtbot)  # type: ignore[arg-type]
    assert remote.command("go").status == 200
    yield remote, clock
    remote.client.close()
    server.stop()
    bridge.stop()
    bridge.session.close()


def open_stage(remote: Remote, browser: Browser) -> Page:
    page = remote.wait(browser.run(browser.open(f"{remote.base}/stage", init_script=FAKE_DEVICE_CLOCK)), 20000)
    remote.wait(browser.run(page.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null")), 13000)
    return page


def js(remote: Remote, browser: Browser, page: Page, expression: str) -> Any:
    return remote.wait(browser.run(page.evaluate(expression)), 15000)


def seconds(text: str) -> int:
    """'14:59' or '1:02:03' as seconds; '+00:05' as -5."""
    sign = -1 if text.startswith("+") else 1
    total = 0
    for part in text.lstrip("+").split(":"):
        total = total * 60 + int(part)
    return sign * total


def run_scenario(live: tuple[Remote, LiveClock], browser: Browser, jump: str) -> list[dict[str, Any]]:
    """Open the stage, jump one clock by 45 minutes and back again, and return what the page showed
    every 50 ms beside what the laptop's clock and countdown were at that moment."""
    remote, clock = live
    page = open_stage(remote, browser)
    try:
        assert js(remote, browser, page, RECORD) is True
        moves: list[tuple[float, float]] = []  # (monotonic, wall jump from then on)

        def move(by: float) -> None:
            if jump == "device":
                js(remote, browser, page, f"jumpDeviceClock({by})")
            else:
                clock.wall_jump += by
            moves.append((time.monotonic(), clock.wall_jump))

        remote.qtbot.wait(int(SETTLE_S * 1000))
        first = JUMP if jump == "device" else -JUMP  # each clock in the direction that showed OVER TIME
        move(first)
        remote.qtbot.wait(int(HOLD_S * 1000))
        move(-first)
        remote.qtbot.wait(int(HOLD_S * 1000))
        shown = js(remote, browser, page, "JSON.stringify(shown)")
    finally:
        remote.wait(browser.run(page.close()))

    # The page's epoch milliseconds (performance.timeOrigin + now) against this process's monotonic clock.
    to_monotonic = time.monotonic() - time.time()
    state = remote.bridge.state
    records = []
    for stamp, digits, word, clock_text in json.loads(shown):
        when = stamp / 1000 + to_monotonic
        t = clock.show_time(when)
        wall_jump = next((w for m, w in reversed(moves) if m <= when), 0.0)
        since_move = min((when - m for m, _ in moves if m <= when), default=math.inf)
        remaining = state.remaining - (t - state.at.t)
        laptop = datetime.fromtimestamp(t + (wall_jump if jump == "laptop" else 0.0), BRUSSELS)
        records.append({"when": when, "digits": digits, "word": word, "clock": clock_text,
                        "countdown": math.ceil(remaining), "laptop": laptop, "since_move": since_move,
                        "wall_jump": wall_jump})
    assert moves and records[-1]["when"] > moves[-1][0] + 2, "the page stopped recording"
    return records


def check_countdown(records: list[dict[str, Any]]) -> None:
    for r in records:
        assert "OVER" not in r["word"] and not r["digits"].startswith("+"), r
        assert abs(seconds(r["digits"]) - r["countdown"]) <= 1, r


def clock_error(r: dict[str, Any]) -> int:
    """Seconds between the time of day shown and the laptop's, on a 24-hour dial."""
    h, m, s = (int(x) for x in r["clock"].split(":"))
    laptop: datetime = r["laptop"]
    diff = (h * 3600 + m * 60 + s) - (laptop.hour * 3600 + laptop.minute * 60 + laptop.second)
    return (diff + 43200) % 86400 - 43200


def test_a_device_clock_that_jumps_moves_neither_the_countdown_nor_the_time_of_day(
        live: tuple[Remote, LiveClock], browser: Browser) -> None:
    records = run_scenario(live, browser, "device")
    check_countdown(records)
    # The time of day is the laptop's: this device's clock never enters it.
    assert all(abs(clock_error(r)) <= 1 for r in records), [r for r in records if abs(clock_error(r)) > 1][:3]


def test_a_laptop_clock_that_jumps_moves_the_time_of_day_but_not_the_countdown(
        live: tuple[Remote, LiveClock], browser: Browser) -> None:
    records = run_scenario(live, browser, "laptop")
    check_countdown(records)
    # The time of day follows the laptop's clock within a couple of snapshots of each jump, and stays there.
    settled = [r for r in records if r["since_move"] > CONVERGE_S]
    assert len(settled) > 20
    assert all(abs(clock_error(r)) <= 1 for r in settled), [r for r in settled if abs(clock_error(r)) > 1][:3]
    jumped = [r for r in settled if r["wall_jump"] == -JUMP]
    assert jumped, "no record of the time of day while the laptop's clock was 45 minutes back"


# The estimator alone, fed by hand in the page. The laptop's clock is 100 s ahead of the page's; each
# sample is (the laptop's clock when sent, the page's when it arrived = sent - 100 + the network delay).
ESTIMATOR = """
(() => {
  const c = ROS.laptopClock(8, 1);
  const seen = {empty: c.now(0)};
  let moved = 0; // how far the laptop's clock has been set from the truth
  const send = (sent, delay) => c.add(sent + moved, sent - 100 + delay);
  send(1100, 0.30); send(1101, 0.05); send(1102, 0.20);
  seen.best = c.now(1003);                 // from the 0.05 s sample: 1101 + (1003 - 1001.05)
  send(1103, 1.50);                        // a stalled message: starts afresh...
  seen.slow = [c.size, c.now(1005)];
  send(1104, 0.06);                        // ...and the next quick one replaces it at once
  seen.recovered = [c.size, c.now(1005)];
  moved = -2700;                           // the laptop's clock is set back 45 minutes
  send(1105, 0.05);
  seen.jumped = [c.size, c.now(1006)];
  for (let i = 1; i <= 9; i++) send(1105 + i, i === 1 ? 0.01 : 0.3);
  seen.window = [c.size, c.now(1015)];     // the 0.01 s sample has left the window of 8
  const fast = ROS.laptopClock();          // a rehearsal at 10x: the laptop's clock runs 10x
  fast.add(1000, 0, 10);
  seen.rehearsal = fast.now(1);
  return seen;
})()
"""


def test_the_time_of_day_estimate_takes_the_quickest_sample_and_starts_afresh_when_a_clock_moves(
        live: tuple[Remote, LiveClock], browser: Browser) -> None:
    remote, _ = live
    page = open_stage(remote, browser)
    try:
        seen = js(remote, browser, page, ESTIMATOR)
    finally:
        remote.wait(browser.run(page.close()))
    assert seen["empty"] is None
    assert seen["best"] == pytest.approx(1102.95)  # the true 1103, less the quickest sample's delay
    assert seen["slow"][0] == 1 and seen["slow"][1] == pytest.approx(1103.5)
    assert seen["recovered"][0] == 1 and seen["recovered"][1] == pytest.approx(1104.94)
    assert seen["jumped"][0] == 1 and seen["jumped"][1] == pytest.approx(1105 - 2700 + 0.95)
    assert seen["window"][0] == 8 and seen["window"][1] == pytest.approx(1115 - 2700 - 0.3)
    assert seen["rehearsal"] == pytest.approx(1010)
