"""/backstage fits every screen from a phone to 4K (issue 19, item 4), in headless Chromium.

The four summary boxes read whole (their values at the largest font that fits), the rundown stays inside
the screen's width and shows only whole rows with the slot on now among them, the "Next:" line and a
280-character stage message read whole, and the crew is told which displays are blacked out and whether
the projector shows the holding slide. Crew columns sit in columns on a wide screen and under each title
on a narrow one. The page is opened once per phase and resized in place, as tests/remote/layout.py does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from runofshow.core.agenda import Agenda
from tests.core.helpers import seed
from tests.remote.browser import CHROMIUM, Browser
from tests.remote.conftest import Remote
from tests.remote.layout import LONG_MESSAGE, PHASES, PHONE, SIZES, layout, resize
from tests.remote.test_browser_views import View
from tests.ui.crew_agenda import CREW_CUES, crew_agenda

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
LIVE = "document.body.dataset.conn === 'live' && ROS.state !== null"
# The 200 ms watchdog of today's common.js is not a redraw this view may count on (issue 19, item 9):
# the pages below run without any setInterval, so they draw only on a snapshot and on a resize.
NO_INTERVAL = "window.setInterval = () => 0;"
WIDE = 1100  # from this width on, crew cues have columns of their own


def no_crew() -> Agenda:
    agenda = seed()
    return replace(agenda, columns=(), slots=tuple(replace(slot, crew=()) for slot in agenda.slots))


@pytest.fixture
def backstage(remote_factory: Callable[..., Remote], browser: Browser) -> Iterator[Callable[..., View]]:
    """/backstage in one of layout.py's phases, on this agenda, at this size."""
    pages: list[View] = []

    def open_backstage(phase: str, size: tuple[int, int] = PHONE, agenda: Agenda | None = None) -> View:
        plan = PHASES[phase]
        remote = remote_factory(plan.start, agenda=agenda)
        for command, args in plan.commands:
            assert remote.command(command, args).status == 200, command
        remote.set_time(plan.now)
        page = remote.wait(browser.run(browser.open(f"{remote.base}/backstage", *size, init_script=NO_INTERVAL)),
                           20000)
        opened = View(remote, browser, page)
        pages.append(opened)
        opened.wait_for(LIVE)
        at_size(opened, size)
        return opened

    yield open_backstage
    for opened in pages:
        opened.call(opened.page.close())


def at_size(view: View, size: tuple[int, int]) -> None:
    view.call(resize(view.page, *size))


# Each summary box: its heading and values inside the box, none cut, none too small to read at arm's
# length (values: at least 1/40 of the screen's shorter side, and 16 px; the title on now, which may be
# long and wraps, 1/60 and 14 px). The title reads whole, but on a screen under 500 px high, where whole
# words and an ellipsis may end it (the rundown has it whole).
SUMMARY_SCRIPT = r"""
(() => {
  const bad = [];
  const short = Math.min(innerWidth, innerHeight);
  const current = document.getElementById('current').textContent;
  if (ROS.state.current && innerHeight >= 500 && current !== ROS.state.current.title) bad.push(`current: "${current}"`);
  for (const el of document.querySelectorAll('.summary h2, .summary .value')) {
    if (!el.textContent.trim() || getComputedStyle(el).display === 'none') continue;
    const name = el.id || el.textContent;
    const cell = el.closest('.cell').getBoundingClientRect();
    if (cell.left < -1 || cell.right > innerWidth + 1 || cell.bottom > innerHeight + 1) {
      bad.push(`${name}: its box leaves the screen`);
    }
    const range = document.createRange();
    range.selectNodeContents(el);
    const out = [...range.getClientRects()].some((r) => r.width >= 1 && (r.left < cell.left - 1 ||
      r.right > cell.right + 1 || r.top < cell.top - 1 || r.bottom > cell.bottom + 1));
    if (out) bad.push(`${name}: text leaves its box`);
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) bad.push(`${name}: cut`);
    const px = parseFloat(getComputedStyle(el).fontSize);
    const least = el.tagName === 'H2' ? 13 : el.id === 'current' ? Math.max(14, short / 60) : Math.max(16, short / 40);
    if (px < least - 0.5) bad.push(`${name}: ${px} px, under ${least}`);
  }
  return bad;
})()
"""

# The rundown: inside the screen's width, every row it shows whole (under the headings, above the box's
# bottom), the slot on now (before the show: the next one) among them. Only when the slot on now is
# taller than the whole box (a phone on its side under a long message) does it show its top part, from
# right under the headings (tests/remote/layout.py checks that no line of it is cut).
ROWS_SCRIPT = r"""
(() => {
  const bad = [];
  const box = document.querySelector('.rundown').getBoundingClientRect();
  const table = document.querySelector('.rundown table').getBoundingClientRect();
  const head = document.querySelector('.rundown thead').getBoundingClientRect();
  const wide = document.documentElement.scrollWidth;
  if (wide > innerWidth + 1) bad.push(`the page is ${wide} px wide`);
  if (table.right > innerWidth + 1) bad.push(`the rundown reaches ${Math.round(table.right)} px of ${innerWidth}`);
  if (box.bottom > innerHeight + 1) bad.push('the rundown runs below the screen');
  const seen = (tr) => { // shown: neither left out nor see-through
    const style = getComputedStyle(tr);
    return style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) > 0;
  };
  const phase = ROS.state.phase;
  const key = document.querySelector('.rundown tr.slot.current')
    || (phase === 'pre-show' && document.querySelector('.rundown tr.slot.next'));
  const tall = key && key.getBoundingClientRect().height > box.bottom - head.bottom + 1;
  let whole = 0;
  for (const tr of document.querySelectorAll('.rundown tbody tr')) {
    if (!seen(tr)) continue;
    const r = tr.getBoundingClientRect();
    if (Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top) <= 1) continue; // out of the box: not shown
    if (tr === key && tall && Math.abs(r.top - head.bottom) <= 1) whole += 1;
    else if (r.top < head.bottom - 1 || r.bottom > box.bottom + 1)
      bad.push(`a row is cut: "${tr.innerText.slice(0, 40)}"`);
    else whole += 1;
  }
  if (!whole) bad.push('no row is shown');
  if (key) {
    const r = key.getBoundingClientRect();
    const inView = tall ? Math.abs(r.top - head.bottom) <= 1 : r.top >= head.bottom - 1 && r.bottom <= box.bottom + 1;
    if (!seen(key) || !inView) bad.push(`the slot on now is not in view: "${key.innerText.slice(0, 40)}"`);
  }
  return bad;
})()
"""

# The lines above the rundown that must read whole: the next slot, the standby line, the message, the
# blackout line. Each inside the screen and cut nowhere (no ellipsis, nothing below its box).
LINES_SCRIPT = r"""
(() => {
  const bad = [];
  for (const id of ['next', 'standby', 'message', 'room', 'journal']) {
    const el = document.getElementById(id);
    if (!el || el.hidden || !el.textContent.trim()) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
      bad.push(`#${id} leaves the screen`);
    }
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) bad.push(`#${id} is cut`);
    if (parseFloat(getComputedStyle(el).fontSize) < 14) bad.push(`#${id} is under 14 px`);
  }
  return bad;
})()
"""


def problems(view: View, script: str, size: tuple[int, int]) -> list[str]:
    found: list[str] = view.js(script)
    return [f"{size[0]}x{size[1]}: {problem}" for problem in found]


@pytest.mark.parametrize("phase", ["running", "long-title", "warning-message", "break", "pre-show", "finished"])
def test_the_summary_boxes_read_whole_on_every_screen(backstage: Callable[..., View], phase: str) -> None:
    view = backstage(phase)
    found: list[str] = []
    for size in SIZES:
        at_size(view, size)
        found += problems(view, SUMMARY_SCRIPT, size)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("phase", ["running", "warning-message", "panel-messages", "between", "pre-show", "finished"])
def test_the_rundown_fits_the_width_and_shows_whole_rows_with_the_slot_on_now(
        backstage: Callable[..., View], phase: str) -> None:
    view = backstage(phase)
    found: list[str] = []
    for size in SIZES:
        at_size(view, size)
        found += problems(view, ROWS_SCRIPT, size) + problems(view, LINES_SCRIPT, size)
        found += [f"{size}: {problem}" for problem in view.call(layout(view.page)).problems]
    assert not found, "\n".join(found)


def test_a_long_message_reads_whole(backstage: Callable[..., View]) -> None:
    view = backstage("warning-message")
    assert view.texts("message")["message"] == f"Message on stage: {LONG_MESSAGE}"
    found: list[str] = []
    for size in SIZES:
        at_size(view, size)
        found += problems(view, LINES_SCRIPT, size)
        found += [f"{size}: {problem}" for problem in view.call(layout(view.page)).problems]
    assert not found, "\n".join(found)


def test_rows_stay_whole_when_a_message_comes_and_goes(backstage: Callable[..., View]) -> None:
    # The message takes room from the rundown with no change to the rundown itself, and no timer redraws it.
    view = backstage("running", size=(1280, 720))
    assert problems(view, ROWS_SCRIPT, (1280, 720)) == []
    assert view.remote.command("message", {"text": LONG_MESSAGE, "to": "stage"}).status == 200
    view.wait_for("!document.getElementById('message').hidden")
    view.js("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert problems(view, ROWS_SCRIPT, (1280, 720)) == []
    assert view.remote.command("clear_message", None).status == 200
    view.wait_for("document.getElementById('message').hidden")
    view.js("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert problems(view, ROWS_SCRIPT, (1280, 720)) == []


def test_backstage_says_which_displays_are_blacked_out_and_the_holding_slide(backstage: Callable[..., View]) -> None:
    view = backstage("running")
    assert view.js("document.getElementById('room').hidden") is True
    assert view.remote.command("blackout", {"display": "projector", "on": True}).status == 200
    view.wait_for("!document.getElementById('room').hidden")
    assert view.texts("room")["room"] == "BLACKOUT: projector"
    assert view.remote.command("blackout", {"display": "all", "on": True}).status == 200
    assert view.remote.command("holding", {"on": True}).status == 200
    view.wait_for("document.getElementById('room').innerText.includes('HOLDING')")
    # The blackout wins on the projector: the holding slide waits behind it.
    assert view.texts("room")["room"].splitlines() == [
        "BLACKOUT: moderator, projector, stage", "PROJECTOR: HOLDING SLIDE (behind the blackout)"]
    found: list[str] = []
    for size in SIZES:
        at_size(view, size)
        found += problems(view, LINES_SCRIPT, size) + problems(view, ROWS_SCRIPT, size)
        found += [f"{size}: {problem}" for problem in view.call(layout(view.page)).problems]
    assert not found, "\n".join(found)
    assert view.remote.command("blackout", {"display": "all", "on": False}).status == 200
    view.wait_for("!document.getElementById('room').innerText.includes('BLACKOUT')")
    assert view.texts("room")["room"] == "PROJECTOR: HOLDING SLIDE"
    assert view.remote.command("holding", {"on": False}).status == 200
    view.wait_for("document.getElementById('room').hidden")


def cue_layout(view: View) -> dict[str, Any]:
    shown: dict[str, Any] = view.js("""({
        columns: [...document.querySelectorAll('.rundown th.crew')].filter(th => th.offsetWidth).length,
        rows: [...document.querySelectorAll('.rundown tr.crew-row')].filter(tr => tr.offsetHeight).length,
        text: document.querySelector('.rundown').innerText})""")
    return shown


@pytest.mark.parametrize("columns", ["crew", "no crew"])
def test_crew_cues_have_columns_on_a_wide_screen_and_sit_under_each_title_on_a_narrow_one(
        backstage: Callable[..., View], columns: str) -> None:
    view = backstage("panel-cue", agenda=crew_agenda() if columns == "crew" else no_crew())
    found: list[str] = []
    for size in SIZES:
        at_size(view, size)
        shown = cue_layout(view)
        if columns == "no crew":
            assert shown["columns"] == shown["rows"] == 0, size
        elif size[0] >= WIDE:
            assert shown["columns"] == 4 and shown["rows"] == 0, size
        else:
            assert shown["columns"] == 0 and shown["rows"] > 0, size
        if columns == "crew":  # the panel is on now: its cues are there, whole, in either form
            assert all(cue in shown["text"] for cue in CREW_CUES["policy-panel"].values()), size
        found += problems(view, ROWS_SCRIPT, size)
        found += [f"{size}: {problem}" for problem in view.call(layout(view.page)).problems]
    assert not found, "\n".join(found)
