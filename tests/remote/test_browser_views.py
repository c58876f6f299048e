"""The browser views in headless Chromium: what each shows in each phase, offline, and without the token.

The views count down by themselves from the snapshot, in real time, while the test's FakeClock stands
still between snapshots; so a countdown is checked as "this second or the one after".
Set RUNOFSHOW_WRITE_DOCS=1 to write the README's pictures to docs/images/web-*.png.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from runofshow.core.clock import Instant
from runofshow.remote.server import RemoteServer
from tests.core.helpers import at
from tests.remote.browser import CHROMIUM, Browser, Page
from tests.remote.conftest import Remote

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "images"
README_PICTURES = {"web-stage-offline.png"}  # the others come from test_browser_layout.py, at phone and 1080p
GREEN, AMBER, RED = "rgb(52, 210, 123)", "rgb(255, 176, 0)", "rgb(255, 59, 48)"


class View:
    """One open page, and the remote behind it."""

    def __init__(self, remote: Remote, browser: Browser, page: Page) -> None:
        self.remote, self.browser, self.page = remote, browser, page

    def call(self, coro: Any, timeout_ms: int = 15000) -> Any:
        return self.remote.wait(self.browser.run(coro), timeout_ms)

    def wait_for(self, condition: str, timeout_ms: int = 8000) -> None:
        self.call(self.page.wait_for(condition, timeout_ms), timeout_ms + 5000)

    def texts(self, *ids: str) -> dict[str, str]:
        result: dict[str, str] = self.call(self.page.texts(*ids))
        return result

    def js(self, expression: str) -> Any:
        return self.call(self.page.evaluate(expression))

    def colour(self, element_id: str) -> str:
        return str(self.js(f"getComputedStyle(document.getElementById('{element_id}')).color"))

    def shot(self, tmp_path: Path, name: str) -> Path:
        wanted = os.environ.get("RUNOFSHOW_WRITE_DOCS") and name in README_PICTURES
        target = DOCS / name if wanted else tmp_path / name
        self.call(self.page.screenshot(target))
        assert target.stat().st_size > 5000
        return target


@pytest.fixture
def view(remote_factory: Callable[..., Remote], browser: Browser) -> Iterator[Callable[..., View]]:
    pages: list[View] = []

    def open_view(name: str, start: Instant, commands: list[tuple[str, dict[str, Any] | None]], now: Instant,
                  size: tuple[int, int] = (1280, 720), **options: Any) -> View:
        remote = remote_factory(start, **options)
        for command, args in commands:
            assert remote.command(command, args).status == 200, command
        remote.set_time(now)
        token = f"?token={remote.token}" if options.get("force_token") else ""
        page = remote.wait(browser.run(browser.open(f"{remote.base}/{name}{token}", *size)), 20000)
        opened = View(remote, browser, page)
        pages.append(opened)
        opened.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null")
        return opened

    yield open_view
    for opened in pages:
        opened.call(opened.page.close())


def either(value: str, *allowed: str) -> bool:
    return value in allowed


# -- the stage ---------------------------------------------------------------------------------------


def test_stage_before_the_show_counts_down_to_the_start(view: Callable[..., View], tmp_path: Path) -> None:
    stage = view("stage", at(13, 20), [], at(13, 20))
    shown = stage.texts("title", "digits", "word", "next", "status")
    assert shown["title"].startswith("Strategic Public Procurement")
    assert either(shown["digits"], "10:00", "09:59") and shown["word"] == "UNTIL THE PLANNED START"
    assert shown["next"] == "Next 13:30: Anders H. Eide — Welcoming remarks"
    assert shown["status"] == ""  # the OFFLINE banner is hidden while live
    stage.shot(tmp_path, "web-stage-preshow.png")


def test_stage_on_time_is_green_with_the_speaker_and_who_is_next(view: Callable[..., View]) -> None:
    stage = view("stage", at(13, 30), [("go", None)], at(13, 35))
    shown = stage.texts("title", "speaker", "digits", "word", "next")
    assert shown["title"] == "Welcoming remarks" and shown["speaker"] == "Anders H. Eide"
    assert either(shown["digits"], "10:00", "09:59") and shown["word"] == "ON TIME"
    assert stage.colour("digits") == GREEN and stage.colour("word") == GREEN
    assert shown["next"].startswith("Next 13:45: Ingebjørg Harto — Innovation procurement")


def test_stage_in_the_warning_is_amber_with_the_message(view: Callable[..., View], tmp_path: Path) -> None:
    stage = view("stage", at(13, 30), [("go", None), ("message", {"text": "Please wrap up, Q&A after the break"})],
                 at(13, 43, 30))
    shown = stage.texts("digits", "word", "message")
    assert either(shown["digits"], "01:30", "01:29") and shown["word"] == "WRAP UP"
    assert stage.colour("digits") == AMBER
    assert shown["message"] == "Please wrap up, Q&A after the break"
    stage.shot(tmp_path, "web-stage.png")


def test_stage_over_time_is_red_and_counts_up(view: Callable[..., View], tmp_path: Path) -> None:
    stage = view("stage", at(13, 30), [("go", None)], at(13, 46, 0))
    shown = stage.texts("digits", "word")
    assert either(shown["digits"], "+01:00", "+01:01") and shown["word"] == "OVER TIME"
    assert stage.colour("digits") == RED
    stage.shot(tmp_path, "web-stage-overtime.png")


def test_stage_crosses_into_the_warning_by_its_own_countdown(view: Callable[..., View]) -> None:
    # 0.4 s before the warning: the browser turns amber by itself, whether or not a snapshot comes first.
    stage = view("stage", at(13, 30), [("go", None)], at(13, 43, 0).later(-0.4))
    assert stage.js("ROS.state.slot_phase") == "normal"  # the laptop's snapshot still says normal
    stage.wait_for("document.body.dataset.slotPhase === 'warning'", 3000)
    assert stage.texts("word")["word"] == "WRAP UP"


def test_stage_in_a_break_says_when_it_is_back(view: Callable[..., View]) -> None:
    stage = view("stage", at(14, 50), [("goto", {"slot": "break"})], at(14, 55))
    assert stage.texts("word")["word"] == "BREAK · BACK AT 15:10"


def test_stage_blackout_is_black(view: Callable[..., View]) -> None:
    stage = view("stage", at(13, 30), [("go", None), ("blackout", {"display": "stage", "on": True})], at(13, 31))
    assert stage.js("document.getElementById('blackout').hidden") is False
    assert stage.js("getComputedStyle(document.getElementById('blackout')).backgroundColor") == "rgb(0, 0, 0)"


# -- the projector --------------------------------------------------------------------------------------


def test_projector_before_the_show_welcomes_with_the_programme(view: Callable[..., View]) -> None:
    projector = view("projector", at(13, 10), [], at(13, 10))
    shown = projector.texts("kicker", "sub", "programme", "footer")
    assert shown["kicker"] == "WELCOME" and shown["sub"] == "The programme starts at 13:30"
    assert shown["programme"].splitlines()[0] == "13:30Welcoming remarks"
    assert shown["footer"] == "Norway House · Rue Archimède 17, 1000 Brussels · 30 November 2023"


def test_projector_shows_the_session_and_its_speakers(view: Callable[..., View], tmp_path: Path) -> None:
    projector = view("projector", at(13, 30), [("go", None), ("next", None)], at(13, 50))
    shown = projector.texts("kicker", "headline", "people")
    assert shown["kicker"] == "NOW"
    assert shown["headline"].startswith("Innovation procurement, challenges")
    assert shown["people"] == "Ingebjørg Harto — Programme Director, LUP"
    projector.shot(tmp_path, "web-projector.png")


def test_projector_in_a_break_counts_down_to_back_at(view: Callable[..., View], tmp_path: Path) -> None:
    projector = view("projector", at(14, 50), [("goto", {"slot": "break"})], at(14, 55))
    shown = projector.texts("kicker", "big", "headline")
    assert shown["kicker"] == "BREAK — BACK AT 15:10"
    assert either(shown["big"], "15:00", "14:59")
    assert shown["headline"].startswith("Next: Delivering better health")
    projector.shot(tmp_path, "web-projector-break.png")


def test_projector_after_the_show_thanks_and_blacks_out_when_told(view: Callable[..., View]) -> None:
    projector = view("projector", at(16, 15), [("goto", {"slot": "reception"}), ("next", None),
                                               ("blackout", {"display": "projector", "on": True})], at(17, 0))
    assert projector.texts("kicker")["kicker"] == "THANK YOU"
    assert projector.js("document.getElementById('blackout').hidden") is False


# -- the moderator and backstage --------------------------------------------------------------------------


def test_moderator_shows_the_panel_the_cue_and_the_time_left(view: Callable[..., View], tmp_path: Path) -> None:
    moderator = view("moderator", at(15, 40), [("goto", {"slot": "policy-panel"}), ("next_cue", None)],
                     at(15, 41))
    shown = moderator.texts("title", "now", "cue-digits", "next", "panel-digits", "word", "after", "people")
    assert shown["title"] == "Policy panel: Scaling Up the Solutions"
    assert shown["now"] == "Now: András G. Inotai: Opening statement"
    assert either(shown["cue-digits"], "03:00", "02:59")
    assert shown["next"] == "Next: Ståle Moe: Opening statement"
    assert either(shown["panel-digits"], "29:00", "28:59") and shown["word"] == "ON TIME"
    assert shown["after"] == "After this: 16:10 Closing remarks"
    assert shown["people"].splitlines()[:2] == ["Ingebjørg Harto (moderator)", "1. András G. Inotai, EC"]
    assert moderator.js("document.querySelector('#people li.on').textContent") == "1. András G. Inotai, EC"
    # The running order counts from when this turn really began (the intro was cut short at 15:40).
    order = [moderator.js(f"document.querySelectorAll('#order li')[{i}].textContent") for i in range(8)]
    assert order[0] == "Introduction by the moderator — Ingebjørg Harto"
    assert order[1] == "15:40  Opening statement — András G. Inotai"
    assert "15:56  Questions and answers" in order and order[-1] == "16:10  Close the panel"
    assert moderator.js("document.querySelector('#order li.on').textContent") == order[1]
    moderator.shot(tmp_path, "web-moderator.png")


def test_backstage_shows_the_rundown_the_drift_and_the_projected_end(view: Callable[..., View],
                                                                    tmp_path: Path) -> None:
    backstage = view("backstage", at(13, 32), [("go", None)], at(13, 40))
    shown = backstage.texts("current", "drift", "end", "next")
    assert shown["current"] == "Welcoming remarks"
    assert shown["drift"] == "2:00 behind" and shown["end"] == "17:02"
    assert shown["next"].startswith("Next: 13:45 Innovation procurement")
    assert backstage.js("document.querySelector('#rundown tr.current td:nth-child(3)').textContent") \
        == "Welcoming remarks"
    assert backstage.js("document.querySelector('#rundown tr.current td:nth-child(2)').textContent") == "on now"
    backstage.shot(tmp_path, "web-backstage.png")


def test_backstage_drift_grows_by_itself_while_a_slot_runs_over(view: Callable[..., View]) -> None:
    backstage = view("backstage", at(13, 30), [("go", None)], at(13, 46))
    assert either(backstage.texts("drift")["drift"], "1:00 behind", "1:01 behind", "1:02 behind")


# -- offline, reconnecting, and the token ----------------------------------------------------------------


def test_a_view_that_loses_the_laptop_says_offline_greys_out_and_comes_back(
        view: Callable[..., View], tmp_path: Path) -> None:
    stage = view("stage", at(13, 30), [("go", None)], at(13, 35))
    remote = stage.remote
    port = remote.server.port
    remote.server.stop()
    stage.wait_for("document.body.dataset.conn === 'offline'", 5000)
    shown = stage.texts("status", "digits")
    assert shown["status"].startswith("OFFLINE\nsince ") and "Reconnecting" in shown["status"]
    # The whole view is the OFFLINE layer (test_browser_offline.py checks it on every view and size).
    assert stage.js("document.elementFromPoint(innerWidth / 2, innerHeight / 2).closest('#status') !== null")
    # Frozen at the last snapshot's own value (10:00 exactly): it no longer counts, since it is not live.
    assert shown["digits"] == "10:00" == stage.js("ROS.formatCountdown(ROS.state.timer.remaining)")
    stage.shot(tmp_path, "web-stage-offline.png")
    # The laptop comes back on the same port: the view reconnects with its backoff and is live again.
    again = RemoteServer(remote.bridge, replace(remote.server.options, port=port), remote.token)
    assert again.start(), again.error
    try:
        stage.wait_for("document.body.dataset.conn === 'live'", 10000)
        assert stage.texts("status")["status"] == ""
    finally:
        again.stop()


def test_a_guarded_view_without_the_token_asks_for_it_and_shows_nothing(
        remote_factory: Callable[..., Remote], browser: Browser) -> None:
    remote = remote_factory(at(13, 30), force_token=True)
    page = remote.wait(browser.run(browser.open(f"{remote.base}/stage")), 20000)
    try:
        remote.wait(browser.run(page.wait_for("document.body.dataset.conn === 'auth'")), 12000)
        shown = remote.wait(browser.run(page.texts("status", "digits", "title")))
        assert "needs the access token" in shown["status"]
        assert shown["digits"] == "" and shown["title"] == ""
    finally:
        remote.wait(browser.run(page.close()))


def test_a_phone_sized_stage_still_fits_the_countdown(view: Callable[..., View], tmp_path: Path) -> None:
    stage = view("stage", at(13, 30), [("go", None)], at(13, 35), size=(390, 844))
    overflow = stage.js("(() => { const d = document.getElementById('digits');"
                        " return d.scrollWidth <= d.clientWidth + 1; })()")
    assert overflow is True
    stage.shot(tmp_path, "web-stage-phone.png")


# -- overnight in a multi-day show -------------------------------------------------------------------------


def test_overnight_the_stage_counts_down_to_tomorrow_and_the_room_is_told(
        view: Callable[..., View], remote_factory: Callable[..., Remote], tmp_path: Path) -> None:
    from tests.core.test_multi_day import CONFERENCE, on

    day_one = [("go", None), ("next", None)]
    stage = view("stage", on(1, 9, 0), day_one, on(1, 17, 5), agenda=CONFERENCE)
    stage.remote.command("next", None)  # day one is over
    stage.wait_for("document.getElementById('word').textContent === 'STARTS TOMORROW AT 09:00'")
    assert either(stage.texts("digits")["digits"], "15:55:00", "15:54:59")
    projector = view("projector", on(1, 9, 0), [*day_one, ("next", None)], on(1, 17, 5), agenda=CONFERENCE)
    shown = projector.texts("kicker", "headline")
    assert shown["kicker"] == "STARTING TOMORROW AT 09:00" and shown["headline"] == "Day two keynote"
    projector.shot(tmp_path, "web-projector-overnight.png")
    projector.remote.set_time(on(2, 8, 30))  # the next morning, before GO: the footer has the new day's date
    projector.wait_for("document.getElementById('footer').textContent.endsWith('1 December 2023')")
