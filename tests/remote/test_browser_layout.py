"""Every browser view, in every phase of the bundled show, fits every screen from a phone to 4K (issue 19).

Checked in headless Chromium by bounding boxes (tests/remote/layout.py): nothing beyond the screen, no
text over other text, no line half shown. One page per view and phase, resized in place.
Set RUNOFSHOW_LAYOUT_PICTURES to a folder to keep a screenshot of each, to look at; RUNOFSHOW_WRITE_DOCS=1
writes the README's pictures of each view at phone and 1080p size (docs/images/web-VIEW-phone.png ...).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.remote.browser import CHROMIUM, Browser
from tests.remote.conftest import Remote
from tests.remote.layout import FULL_HD, PHASES, PHONE, SIZES, describe, layout, resize

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
PICTURES = os.environ.get("RUNOFSHOW_LAYOUT_PICTURES")
VIEWS = ("stage", "projector", "moderator", "backstage")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "images"
README_PHASE = {"stage": "warning-message", "projector": "long-title", "moderator": "panel-cue", "backstage": "running"}
README_SIZES = {PHONE: "phone", FULL_HD: "1080p"}


@pytest.mark.parametrize("phase", list(PHASES))
@pytest.mark.parametrize("name", VIEWS)
def test_a_view_fits_every_screen(name: str, phase: str, remote_factory: Callable[..., Remote],
                                  browser: Browser) -> None:
    plan = PHASES[phase]
    if name not in plan.views:
        pytest.skip(f"/{name} is not checked in {phase}")
    remote = remote_factory(plan.start)
    for command, args in plan.commands:
        assert remote.command(command, args).status == 200, command
    remote.set_time(plan.now)
    page = remote.wait(browser.run(browser.open(f"{remote.base}/{name}", *SIZES[0])), 20000)
    try:
        remote.wait(browser.run(page.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null")), 15000)
        failures = []
        for size in SIZES:
            remote.wait(browser.run(resize(page, *size)), 15000)
            found = remote.wait(browser.run(layout(page)), 15000)
            if PICTURES:
                remote.wait(browser.run(page.screenshot(Path(PICTURES) / f"{name}-{phase}-{size[0]}x{size[1]}.png")))
            if os.environ.get("RUNOFSHOW_WRITE_DOCS") and README_PHASE[name] == phase and size in README_SIZES:
                remote.wait(browser.run(page.screenshot(DOCS / f"web-{name}-{README_SIZES[size]}.png")))
            if found.problems:
                failures.append(describe(name, phase, size, found))
        assert not failures, "\n".join(failures)
    finally:
        remote.wait(browser.run(page.close()))
