"""/moderator fits the panel's tablet, a phone and a big screen (issue 19, items 1, 2, 3 and 6).

A phone gets one column with the turn and its digits first; a long "Now"/"After this" line wraps inside
its column instead of widening it; a 280-character message reads whole; the turn's digits turn amber in
its last half minute (the rule the Qt moderator view follows, sent in the snapshot) by the page's own
countdown, at the second the digits say 00:30.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.core.helpers import at
from tests.remote.layout import LONG_MESSAGE, PHASES, SIZES, layout, resize
from tests.remote.test_browser_views import AMBER, GREEN, RED, View, pytestmark, view  # noqa: F401

# ruff: noqa: F811 (every test takes the `view` fixture imported above)

PANEL = [("goto", {"slot": "policy-panel"}), ("next_cue", None)]  # András G. Inotai's turn from 15:40, 4 min

# Where an element is and how its text is laid out: its box, its font, the lines its text takes.
BOX = """((id) => {
  const box = document.getElementById(id);
  const el = box.querySelector('*:not(:has(*))') || box; // what holds the text (a message's, in its box)
  const r = box.getBoundingClientRect(), cs = getComputedStyle(el);
  const range = document.createRange(); range.selectNodeContents(el);
  const tops = new Set([...range.getClientRects()].filter((q) => q.width > 1).map((q) => Math.round(q.top)));
  const text = range.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
          font: parseFloat(cs.fontSize), lines: tops.size, textWidth: text.width, textHeight: text.height,
          whole: [box, el].every((e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1),
          clamp: cs.webkitLineClamp, shown: !box.hidden && getComputedStyle(box).display !== 'none' && r.height > 0,
          text: box.textContent};
})"""


def box(page: View, element_id: str) -> dict[str, Any]:
    found: dict[str, Any] = page.js(f"{BOX}('{element_id}')")
    return found


def text(page: View, element_id: str) -> str:
    return str(page.js(f"document.getElementById('{element_id}').textContent"))


def at_size(page: View, width: int, height: int) -> None:
    page.call(resize(page.page, width, height))


def problems(page: View) -> list[str]:
    return page.call(layout(page.page)).problems


# -- 1. a phone, a phone on its side, a tablet ------------------------------------------------------------


def test_on_a_phone_the_turn_and_its_digits_come_first_in_one_column(view: Callable[..., View]) -> None:
    moderator = view("moderator", at(15, 40), PANEL, at(15, 41), size=(390, 844))
    assert moderator.js("document.documentElement.scrollWidth") <= 390
    assert problems(moderator) == []
    now, digits, upcoming = box(moderator, "now"), box(moderator, "cue-digits"), box(moderator, "next")
    people, order = box(moderator, "people"), box(moderator, "order")
    # One column: each part takes the phone's width, in the order a moderator reads them.
    for part in (now, digits, upcoming, people, order):
        assert part["left"] >= 0 and part["right"] <= 390 and part["width"] >= 0.8 * 390, part
    assert now["top"] < digits["top"] < upcoming["top"] < people["top"] < order["top"]
    assert digits["textWidth"] >= 0.55 * 390, digits  # read at arm's length: most of the phone's width
    assert now["text"] == "Now: András G. Inotai: Opening statement" and now["lines"] <= 2


def test_a_phone_on_its_side_and_a_tablet_fit_the_panel_with_big_digits(view: Callable[..., View]) -> None:
    moderator = view("moderator", at(15, 40), PANEL, at(15, 41), size=(844, 390))
    for width, height in ((844, 390), (768, 1024), (1024, 768)):
        at_size(moderator, width, height)
        assert problems(moderator) == [], (width, height)
        digits = box(moderator, "cue-digits")
        assert digits["textHeight"] >= 0.14 * height or digits["textWidth"] >= 0.4 * width, (width, height, digits)
        for element in ("people", "order", "panel-digits", "now", "next"):
            assert box(moderator, element)["whole"], (width, height, element)


def test_a_talk_on_a_phone_shows_its_digits_big(view: Callable[..., View]) -> None:
    moderator = view("moderator", at(13, 30), [("go", None)], at(13, 35), size=(390, 844))
    assert moderator.js("document.documentElement.scrollWidth") <= 390
    assert problems(moderator) == []
    digits = box(moderator, "panel-digits")
    assert digits["textWidth"] >= 0.6 * 390, digits
    assert box(moderator, "after")["whole"]


# -- 2. a big screen outside a panel: the lines wrap in their column, the speaker is a speaker -------------


def test_at_1080p_and_720p_a_talk_and_the_break_keep_within_the_screen(view: Callable[..., View]) -> None:
    for phase in ("running", "break", "between"):
        plan = PHASES[phase]
        moderator = view("moderator", plan.start, list(plan.commands), plan.now, size=(1920, 1080))
        for width, height in ((1920, 1080), (1280, 720)):
            at_size(moderator, width, height)
            assert moderator.js("document.documentElement.scrollWidth") <= width, (phase, width)
            after = box(moderator, "after")
            assert after["text"].startswith("After this: ") and after["whole"], (phase, width, after)
            assert after["right"] <= width and after["lines"] <= 2, (phase, width, after)
            assert problems(moderator) == [], (phase, width)


def test_a_talk_s_speaker_is_headed_speaker_and_reads_on_one_line(view: Callable[..., View]) -> None:
    moderator = view("moderator", at(13, 30), [("go", None)], at(13, 35), size=(1920, 1080))
    assert text(moderator, "people-title") == "Speaker"
    people = box(moderator, "people")
    assert people["text"] == "Anders H. Eide, Norwegian ambassador to the EU" and people["lines"] == 1, people
    assert people["width"] >= 0.5 * 1920, people  # never a narrow column of one word a line
    assert box(moderator, "panel-digits")["textHeight"] >= 0.25 * 1080  # the talk's digits, big as the Qt view's


def test_two_speakers_are_speakers_and_a_panel_is_on_the_panel(view: Callable[..., View]) -> None:
    moderator = view("moderator", at(15, 10), [("goto", {"slot": "agder"})], at(15, 12), size=(1280, 720))
    assert text(moderator, "people-title") == "Speakers"
    panel = view("moderator", at(15, 40), PANEL, at(15, 41), size=(1920, 1080))
    assert text(panel, "people-title") == "On the panel"
    people = box(panel, "people")
    assert people["width"] >= 0.35 * 1920 and people["whole"], people


# -- 3. long messages read whole ---------------------------------------------------------------------------


def test_two_long_messages_read_whole_on_every_screen(view: Callable[..., View]) -> None:
    plan = PHASES["panel-messages"]
    moderator = view("moderator", plan.start, list(plan.commands), plan.now, size=SIZES[0])
    for width, height in SIZES:
        at_size(moderator, width, height)
        for element in ("moderator-message", "message"):
            shown = box(moderator, element)
            assert shown["shown"] and shown["whole"], (width, height, element, shown)
            assert shown["clamp"] in ("none", ""), (width, height, element)  # no line cut short
            assert LONG_MESSAGE in shown["text"]
            # Read at arm's length: never smaller than a phone's body text, and larger on larger screens.
            assert shown["font"] >= max(13.0, 0.017 * min(width, height)), (width, height, element, shown["font"])
        assert problems(moderator) == [], (width, height)


def test_a_long_stage_message_in_a_talk_reads_whole(view: Callable[..., View]) -> None:
    plan = PHASES["warning-message"]
    moderator = view("moderator", plan.start, list(plan.commands), plan.now, size=(1280, 720))
    for width, height in ((390, 844), (1280, 720), (1920, 1080)):
        at_size(moderator, width, height)
        shown = box(moderator, "message")
        assert shown["whole"] and shown["text"] == LONG_MESSAGE, (width, shown)
        assert shown["font"] >= max(14.0, 0.02 * min(width, height)), (width, shown["font"])
        assert problems(moderator) == [], (width, height)


# -- 6. the turn's digits: green, amber in the last half minute, red over ---------------------------------

# Every frame, what the cue digits say and in which colour: no frame may say 00:31 in amber or 00:30 in green.
WATCH = """(() => {
  window.__seen = [];
  const el = document.getElementById('cue-digits');
  const look = () => { window.__seen.push([el.textContent, getComputedStyle(el).color]); requestAnimationFrame(look); };
  look();
})()"""


def test_the_turn_s_digits_turn_amber_by_themselves_at_00_30(view: Callable[..., View]) -> None:
    # András G. Inotai's four minutes from 15:40. The laptop's clock stands still between the test's steps:
    # from its last snapshot (30.6 s left) the page counts down by itself and must turn amber on its own,
    # at the second its digits read 00:30, not a frame before or after.
    moderator = view("moderator", at(15, 40), PANEL, at(15, 43, 29), size=(1280, 720))
    assert moderator.js("ROS.state.cue_timer.warning") == 30
    assert moderator.js("document.getElementById('cue-digits').textContent") == "00:31"
    assert moderator.colour("cue-digits") == GREEN
    moderator.js(WATCH)
    moderator.remote.set_time(at(15, 43, 29.4))
    moderator.wait_for(f"window.__seen.some(([t, c]) => t === '00:30' && c === '{AMBER}')", 4000)
    seen = {tuple(pair) for pair in moderator.js("window.__seen")}
    assert ("00:31", GREEN) in seen and ("00:30", AMBER) in seen, seen
    assert ("00:31", AMBER) not in seen and ("00:30", GREEN) not in seen, seen


def test_a_turn_with_another_after_it_stops_at_00_00_in_amber(view: Callable[..., View]) -> None:
    # The laptop moves on to the next turn at 00:00; until its snapshot comes the page must not show a red
    # 00:00 or count on over (a flash of red no moderator should see at every change of turn).
    moderator = view("moderator", at(15, 40), PANEL, at(15, 43, 59.6), size=(1280, 720))
    moderator.js(WATCH)
    moderator.wait_for("window.__seen.some(([t]) => t === '00:00')", 4000)
    seen = {tuple(pair) for pair in moderator.js("window.__seen")}
    assert ("00:00", AMBER) in seen and not [pair for pair in seen if pair[1] == RED or "+" in pair[0]], seen


def test_the_last_turn_over_its_time_is_red(view: Callable[..., View]) -> None:
    # The turns from 15:40 (the introduction cut): the wrap-up is due to end at 16:07.
    moderator = view("moderator", at(15, 40), PANEL, at(16, 11), size=(1280, 720))
    assert moderator.texts("now")["now"] == "Now: Ingebjørg Harto: Wrap-up by the moderator"
    assert moderator.texts("cue-digits")["cue-digits"] in ("+04:00", "+04:01")
    assert moderator.colour("cue-digits") == RED
