"""The crew's cues in the browser: /backstage shows the crew columns and a standby line for the next slot;
/stage, /projector and /moderator never show a crew cue (headless Chromium, as in test_browser_views.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from runofshow.core.clock import Instant
from tests.core.helpers import at
from tests.remote.browser import CHROMIUM, Browser
from tests.remote.conftest import Remote
from tests.remote.test_browser_views import View
from tests.ui.crew_agenda import CREW_COLUMNS, CREW_CUES, crew_agenda

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
CUE_TEXTS = sorted({cue for cues in CREW_CUES.values() for cue in cues.values()})


@pytest.fixture
def crew_view(remote_factory: Callable[..., Remote], browser: Browser) -> Iterator[Callable[..., View]]:
    """A page of the show on the seed agenda with crew columns and cues."""
    pages: list[View] = []

    def open_view(name: str, start: Instant, commands: list[tuple[str, dict[str, Any] | None]], now: Instant,
                  size: tuple[int, int] = (1920, 1080)) -> View:
        remote = remote_factory(start, agenda=crew_agenda())
        for command, args in commands:
            assert remote.command(command, args).status == 200, command
        remote.set_time(now)
        page = remote.wait(browser.run(browser.open(f"{remote.base}/{name}", *size)), 20000)
        opened = View(remote, browser, page)
        pages.append(opened)
        opened.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null")
        return opened

    yield open_view
    for opened in pages:
        opened.call(opened.page.close())


def table(view: View) -> list[list[str]]:
    """The rundown table as shown: the headings, then each row's visible cells."""
    rows: list[list[str]] = view.js("""[...document.querySelectorAll('.rundown tr')]
        .filter(tr => getComputedStyle(tr).display !== 'none').map(tr =>
        [...tr.children].filter(td => getComputedStyle(td).display !== 'none').map(td => td.innerText.trim()))""")
    return rows


def test_backstage_shows_the_crew_columns_and_stands_by_for_the_next_slot(
        crew_view: Callable[..., View], tmp_path: Path) -> None:
    backstage = crew_view("backstage", at(15, 40), [("goto", {"slot": "agder"})], at(15, 52))
    rows = table(backstage)
    assert rows[0] == ["Plan", "Actual", "Slot", "Who", *CREW_COLUMNS]
    panel = next(row for row in rows if row[2] == "Policy panel: Scaling Up the Solutions")
    assert panel[4:] == ["handhelds 3-5", "camera wide", "", "panel state: four chairs"]
    closing = next(row for row in rows if row[2] == "Closing remarks")
    assert closing[4:] == ["lectern mic live", "", "stage wash up", "strike the panel chairs"]
    standby = backstage.texts("standby")["standby"]
    assert standby == ("Stand by for Policy panel: Scaling Up the Solutions: Audio: handhelds 3-5 · "
                       "Video: camera wide · Stage: panel state: four chairs")
    backstage.shot(tmp_path, "web-backstage-crew.png")
    # The rows are taller with the cues: the slot on now is scrolled into view, with the one before it.
    assert backstage.js("""(() => {
        const box = document.querySelector('.rundown').getBoundingClientRect();
        const row = document.querySelector('tr.current').getBoundingClientRect();
        return row.top >= box.top && row.bottom <= box.bottom;
    })()""")
    # Every cell whole on a wide screen: none of these cues is cut.
    cut = backstage.js("""[...document.querySelectorAll('td.crew')].filter(td => td.scrollWidth > td.clientWidth)
        .map(td => td.innerText)""")
    assert cut == []

    # GO to the panel: the standby line moves on to the closing remarks.
    assert backstage.remote.command("next").status == 200
    backstage.wait_for("document.getElementById('standby').innerText.includes('Closing remarks')")
    assert backstage.texts("standby")["standby"] == (
        "Stand by for Closing remarks: Audio: lectern mic live · Lighting: stage wash up · "
        "Stage: strike the panel chairs")


def test_backstage_follows_a_crew_cue_edited_in_the_plan(crew_view: Callable[..., View]) -> None:
    backstage = crew_view("backstage", at(13, 20), [], at(13, 20))
    assert backstage.texts("standby")["standby"].startswith("Stand by for Welcoming remarks: Audio: lectern mic live")
    reply = backstage.remote.command("edit_slot", {"slot": "welcome", "crew": ["Video: camera 3 tight"]})
    assert reply.status == 200, reply.body
    backstage.wait_for("document.getElementById('standby').innerText.includes('camera 3 tight')")
    assert backstage.texts("standby")["standby"] == "Stand by for Welcoming remarks: Video: camera 3 tight"
    assert table(backstage)[1][4:] == ["", "camera 3 tight", "", ""]


def test_backstage_has_no_standby_line_when_the_next_slot_has_no_cue(crew_view: Callable[..., View]) -> None:
    backstage = crew_view("backstage", at(13, 30), [("go", None), ("next", None)], at(13, 50))
    assert backstage.js("ROS.state.next.id") == "ec-objectives"
    assert backstage.js("document.getElementById('standby').hidden") is True
    assert backstage.texts("standby")["standby"] == ""


def test_on_a_phone_the_cues_go_under_each_title(crew_view: Callable[..., View], tmp_path: Path) -> None:
    backstage = crew_view("backstage", at(15, 40), [("goto", {"slot": "agder"})], at(15, 52), size=(390, 844))
    rows = table(backstage)
    assert rows[0] == ["Plan", "Actual", "Slot", "Who"]  # no room for four more columns
    panel = next(place for place, row in enumerate(rows) if row[2:3] == ["Policy panel: Scaling Up the Solutions"])
    assert rows[panel + 1] == ["Audio: handhelds 3-5 · Video: camera wide · Stage: panel state: four chairs"]
    # Every column on the phone's screen, none cut off at its right edge.
    assert backstage.js("""[...document.querySelectorAll('.rundown th')].filter(th => th.offsetWidth)
        .every(th => th.getBoundingClientRect().right <= 390)""")
    assert backstage.texts("standby")["standby"].startswith("Stand by for Policy panel")
    backstage.shot(tmp_path, "web-backstage-crew-phone.png")


MOMENTS = {
    "pre-show": (at(13, 20), [], at(13, 20)),
    "talk": (at(13, 30), [("go", None)], at(13, 35)),
    "break": (at(14, 50), [("goto", {"slot": "break"})], at(14, 55)),
    "panel": (at(15, 40), [("goto", {"slot": "policy-panel"}), ("next_cue", None)], at(15, 41)),
    "closing": (at(16, 10), [("goto", {"slot": "closing"})], at(16, 12)),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("name", ["stage", "projector", "moderator"])
def test_no_room_display_shows_a_crew_cue(crew_view: Callable[..., View], name: str, moment: str) -> None:
    start, commands, now = MOMENTS[moment]
    page = crew_view(name, start, commands, now, size=(1280, 720))
    assert page.js("ROS.state.columns") == list(CREW_COLUMNS)  # the snapshot has them; the page must not show them
    shown = str(page.js("document.body.innerText"))
    assert shown.strip()
    assert [cue for cue in CUE_TEXTS if cue in shown] == []
    assert [column for column in CREW_COLUMNS if f"{column}:" in shown] == []
