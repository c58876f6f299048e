"""What a browser view looks like at a given size, checked as a person would: nothing beyond the screen,
no text over other text, no line half cut by its box, and which texts end in an ellipsis.

`PHASES` are the moments of the bundled show each view is checked in; `SIZES` the screens, from a phone
held upright to a 4K monitor. A page is opened once per phase and resized in place (the DevTools device
metrics), which is what a tablet turned on its side does too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runofshow.core.clock import Instant
from tests.core.helpers import at
from tests.remote.browser import Page

# (width, height): phone upright, phone on its side, tablet upright, laptop, 1080p, 4K.
SIZES: tuple[tuple[int, int], ...] = ((390, 844), (844, 390), (768, 1024), (1280, 720), (1920, 1080), (3840, 2160))
PHONE, FULL_HD = (390, 844), (1920, 1080)

# 280 characters, the longest message the stage shows (core/live.py MAX_MESSAGE), with long words in it.
LONG_MESSAGE = ("Please wrap up now: the Minister's car is waiting outside and the livestream switches to the "
                "Brussels studio at 14:45 sharp. Thank the panel, skip the audience questions, and announce "
                "that the coffee break is in the Atrium, with the posters on the first floor after it. "
                "Thank you!")
assert len(LONG_MESSAGE) == 280, len(LONG_MESSAGE)


@dataclass(frozen=True)
class Phase:
    start: Instant
    commands: tuple[tuple[str, dict[str, Any] | None], ...]
    now: Instant
    views: frozenset[str] = field(default_factory=lambda: frozenset({"stage", "projector", "moderator", "backstage"}))


def _msg(text: str, to: str = "stage") -> tuple[str, dict[str, Any]]:
    return ("message", {"text": text, "to": to})


PHASES: dict[str, Phase] = {
    "pre-show": Phase(at(13, 10), (), at(13, 10)),
    "running": Phase(at(13, 30), (("go", None),), at(13, 35)),
    "long-title": Phase(at(15, 10), (("goto", {"slot": "agder"}),), at(15, 12)),
    "warning-message": Phase(at(13, 30), (("go", None), _msg(LONG_MESSAGE)), at(13, 43, 30)),
    "overrun": Phase(at(13, 30), (("go", None),), at(13, 46)),
    "paused": Phase(at(13, 30), (("go", None), ("pause", None)), at(13, 40)),
    "break": Phase(at(14, 50), (("goto", {"slot": "break"}),), at(14, 55)),
    "between": Phase(at(14, 0), (("goto", {"slot": "ec-objectives"}), ("reset", None)), at(14, 5)),
    "panel-cue": Phase(at(15, 40), (("goto", {"slot": "policy-panel"}), ("next_cue", None)), at(15, 41)),
    "panel-messages": Phase(at(15, 40), (("goto", {"slot": "policy-panel"}), ("next_cue", None),
                                         _msg(LONG_MESSAGE), _msg(LONG_MESSAGE, "moderator")), at(15, 43, 40)),
    "blackout": Phase(at(13, 30), (("go", None), ("blackout", {"display": "all", "on": True}),
                                   ("holding", {"on": True})), at(13, 35)),
    "finished": Phase(at(16, 15), (("goto", {"slot": "reception"}), ("next", None)), at(17, 0)),
}

# Runs in the page (layout_check.js): every problem a person would see, as plain strings, plus the texts cut with "…".
LAYOUT_SCRIPT = (Path(__file__).parent / "layout_check.js").read_text(encoding="utf-8")


@dataclass
class Layout:
    problems: list[str]
    ellipsed: list[str]


async def resize(page: Page, width: int, height: int) -> None:
    """Give the page another screen and let it lay out and redraw (two frames after the resize)."""
    await page.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                    mobile=width < 800)
    await page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => "
                        "setTimeout(done, 50))))")  # the views refit on 'resize'; this lets them


async def layout(page: Page) -> Layout:
    value = await page.evaluate(LAYOUT_SCRIPT)
    return Layout(list(value["problems"]), list(value["ellipsed"]))


def describe(view: str, phase: str, size: tuple[int, int], found: Layout) -> str:
    return f"/{view} {phase} at {size[0]}x{size[1]}:\n  " + "\n  ".join(found.problems) + \
        f"\n  (ellipsis: {json.dumps(found.ellipsed)})"
