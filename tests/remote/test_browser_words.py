"""The browser views say what the Qt displays say, case by case (issue 12, item 7; docs/display-words.md).

Each case of `tests/core/word_cases.py` is played through the HTTP API on a FakeClock; the same snapshot is
drawn by the Qt scenes and by /stage, /projector, /moderator and /backstage in headless Chromium, and
their words compared. The browsers count down by themselves in real time while the FakeClock stands
still, so digits are checked as "this second or the one after".
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.phase_style import display_words
from runofshow.core.show import ShowState
from runofshow.ui.canvas import Scene
from runofshow.ui.moderator_view import moderator_scene
from runofshow.ui.projector_view import projector_scene
from runofshow.ui.stage_view import stage_scene
from tests.core.helpers import at
from tests.core.word_cases import conference
from tests.remote.browser import CHROMIUM, Browser, Page
from tests.remote.conftest import Remote

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
PICTURES = Path(os.environ.get("RUNOFSHOW_WORDS_PICTURES", "")) if os.environ.get("RUNOFSHOW_WORDS_PICTURES") \
    else None  # a folder: the web views of every case are saved there, to be looked at


@dataclass(frozen=True)
class Case:
    start: Instant
    steps: tuple[tuple[Instant, str, dict[str, Any] | None], ...]  # (when, command, arguments)
    now: Instant
    conference: bool = False


def _day_two(hour: int, minute: int) -> Instant:
    moment = at(hour, minute).t + 86400
    return Instant(moment, moment)


# The cases of word_cases.py, played through the network API instead of the engine.
CASES = {
    "pre-show": Case(at(13, 20), (), at(13, 20)),
    "pre-show-late": Case(at(13, 20), (), at(13, 32, 47)),
    "running": Case(at(13, 30), ((at(13, 30), "go", None),), at(13, 36)),
    "warning": Case(at(13, 30), ((at(13, 30), "go", None),), at(13, 44)),
    "overrun": Case(at(13, 30), ((at(13, 30), "go", None),), at(13, 46)),
    "break-early": Case(at(14, 37), ((at(14, 37), "goto", {"slot": "break"}),), at(14, 40)),
    "break-over": Case(at(14, 50), ((at(14, 50), "goto", {"slot": "break"}),), at(15, 13, 21)),
    "between": Case(at(14, 0), ((at(14, 0), "goto", {"slot": "ec-objectives"}), (at(14, 5), "reset", None)),
                    at(14, 5)),
    "later-day": Case(at(9, 0), ((at(9, 0), "go", None), (at(10, 0), "next", None), (at(17, 5), "next", None)),
                      at(17, 5), conference=True),
    "later-day-late": Case(at(9, 0), ((at(9, 0), "go", None), (at(10, 0), "next", None),
                                      (at(17, 5), "next", None)), _day_two(9, 2), conference=True),
    "paused": Case(at(14, 0), ((at(14, 0), "goto", {"slot": "ec-objectives"}), (at(14, 5), "pause", None)),
                   at(14, 5)),
    "finished": Case(at(16, 15), ((at(16, 15), "goto", {"slot": "reception"}), (at(17, 0), "next", None)),
                     at(17, 5)),
}
VIEWS = ("stage", "projector", "moderator", "backstage")


class Views:
    """One remote in one case, with its four browser views open on it."""

    def __init__(self, remote: Remote, browser: Browser, pages: dict[str, Page]) -> None:
        self.remote, self.browser, self.pages = remote, browser, pages

    def text(self, view: str, element_id: str) -> str:
        script = f"(document.getElementById('{element_id}') || {{textContent: ''}}).textContent"
        return str(self.remote.wait(self.browser.run(self.pages[view].evaluate(script))))

    def shown(self, view: str, element_id: str) -> bool:
        script = f"(() => {{ const e = document.getElementById('{element_id}'); return Boolean(e && !e.hidden" \
                 " && e.textContent && getComputedStyle(e).display !== 'none'); })()"
        return bool(self.remote.wait(self.browser.run(self.pages[view].evaluate(script))))

    def state(self, later: float = 0.0) -> ShowState:
        now = self.remote.clock.now()
        return self.remote.bridge.session.state(Instant(now.t + later, now.wall + later))


@pytest.fixture
def views(remote_factory: Callable[..., Remote], browser: Browser) -> Iterator[Callable[[str], Views]]:
    opened: list[Views] = []

    def open_case(name: str) -> Views:
        case = CASES[name]
        agenda: Agenda | None = conference() if case.conference else None
        remote = remote_factory(case.start, agenda=agenda)
        for moment, command, args in case.steps:
            remote.set_time(moment)
            assert remote.command(command, args).status == 200, (name, command)
        remote.set_time(case.now)
        pages = {}
        for view in VIEWS:
            page = remote.wait(browser.run(browser.open(f"{remote.base}/{view}", 1920, 1080)), 20000)
            condition = "document.body.dataset.conn === 'live' && ROS.state !== null"
            remote.wait(browser.run(page.wait_for(condition, 8000)), 13000)
            pages[view] = page
        opened.append(Views(remote, browser, pages))
        return opened[-1]

    yield open_case
    for case in opened:
        for page in case.pages.values():
            case.remote.wait(case.browser.run(page.close()))


def texts(scene: Scene) -> list[str]:
    return [item.text for item in scene.texts if item.text]


def digits(scene: Scene) -> list[str]:
    return [item.text for item in scene.texts if item.text and item.digits]


def counting_digits(scene: Scene) -> list[str]:
    """The big digits of a scene, not the time-of-day clock in its top tenth."""
    return [item.text for item in scene.texts if item.text and item.digits and item.box.y > 0.1]


@pytest.mark.parametrize("case", list(CASES))
def test_the_browser_views_say_what_the_qt_displays_say(views: Callable[[str], Views], case: str,
                                                        tmp_path: Path) -> None:
    shown = views(case)
    state = shown.state()
    words = display_words(state)

    # The stage: the word under the digits, the digits, and the "Next" line.
    stage = stage_scene(state, False)
    assert shown.text("stage", "word") == words.speaker, case
    assert shown.text("stage", "word") in texts(stage), case
    web_digits = shown.text("stage", "digits")
    qt_digits = {d for later in (0.0, 1.0) for d in counting_digits(stage_scene(shown.state(later), False))}
    assert web_digits in qt_digits or (web_digits == "" and not qt_digits), (case, web_digits, qt_digits)
    next_line = shown.text("stage", "next")
    assert next_line in texts(stage) or next_line == "", (case, next_line, texts(stage))

    # The projector: the line that says when, and the break's countdown only while it runs down.
    projector = projector_scene(state)
    if words.audience:
        assert words.audience in texts(projector), case
        web = {shown.text("projector", "kicker"), shown.text("projector", "sub")}
        assert words.audience in web, (case, web)
    assert shown.shown("projector", "big") is words.audience_countdown, case
    assert bool(digits(projector)) is words.audience_countdown, case

    # The moderator: the same word as the stage under its digits, and "after this" at the same time.
    moderator = moderator_scene(state)
    web_word = shown.text("moderator", "word")
    if case == "finished":  # both say it once, as their headline
        assert web_word == "" and "The show is over" in texts(moderator), case
    else:
        assert web_word == words.speaker and words.speaker in texts(moderator), (case, web_word)
    qt_counts = {d for later in (0.0, 1.0) for d in counting_digits(moderator_scene(shown.state(later)))}
    for element in ("cue-digits", "panel-digits"):
        web_count = shown.text("moderator", element)
        assert web_count == "" or web_count in qt_counts, (case, element, web_count, qt_counts)
    after = shown.text("moderator", "after")
    qt_after = [t for t in texts(moderator) if t.startswith("After this:")]
    assert (after in qt_after) if qt_after else after == "", (case, after, qt_after)

    # Backstage: the word, "Next" at the stage's time, never the same sentence twice.
    backstage_next = shown.text("backstage", "next")
    if state.next is not None:
        at = f"{words.next_at} " if words.next_at else ""
        assert backstage_next == f"Next: {at}{state.next.title}", (case, backstage_next)
    backstage_count = shown.text("backstage", "countdown")
    assert backstage_count == "" or backstage_count in qt_digits, (case, backstage_count, qt_digits)
    backstage_word = shown.text("backstage", "word")
    assert backstage_word == ("" if case == "finished" else words.speaker), case
    assert backstage_word.casefold() != shown.text("backstage", "current").casefold(), case

    if PICTURES is not None:
        PICTURES.mkdir(parents=True, exist_ok=True)
        for view, page in shown.pages.items():
            shown.remote.wait(shown.browser.run(page.send("Page.bringToFront")))  # a tab behind paints nothing
            shown.remote.wait(shown.browser.run(page.screenshot(PICTURES / f"web-{case}-{view}.png")), 30000)


def _open(remote: Remote, browser: Browser, view: str) -> Page:
    page = remote.wait(browser.run(browser.open(f"{remote.base}/{view}", 1280, 720)), 20000)
    remote.wait(browser.run(page.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null", 8000)),
                13000)
    return page


def _wait(remote: Remote, browser: Browser, page: Page, condition: str) -> None:
    remote.wait(browser.run(page.wait_for(condition, 3000)), 8000)


def test_the_stage_turns_past_the_planned_start_by_its_own_countdown(remote_factory: Callable[..., Remote],
                                                                     browser: Browser) -> None:
    # 0.4 s before the planned start: the snapshot still says "until"; the browser's countdown crosses by itself.
    remote = remote_factory(at(13, 20))
    remote.set_time(at(13, 30).later(-0.4))
    stage = _open(remote, browser, "stage")
    assert remote.wait(browser.run(stage.evaluate("ROS.state.words_zone"))) == "normal"
    _wait(remote, browser, stage, "document.getElementById('word').textContent === 'PAST THE PLANNED START'")


def test_the_projector_drops_a_breaks_countdown_by_itself_when_it_runs_out(remote_factory: Callable[..., Remote],
                                                                          browser: Browser) -> None:
    remote = remote_factory(at(14, 50))
    assert remote.command("goto", {"slot": "break"}).status == 200
    remote.set_time(at(15, 10).later(-0.4))
    projector = _open(remote, browser, "projector")
    assert remote.wait(browser.run(projector.evaluate("ROS.state.words_zone"))) == "warning"  # the snapshot: not over
    _wait(remote, browser, projector, "document.getElementById('kicker').textContent === 'Break — we resume shortly'"
          " && document.getElementById('big').hidden")
    stage = _open(remote, browser, "stage")
    _wait(remote, browser, stage, "document.getElementById('word').textContent === 'BREAK OVER TIME'")
