"""A real browser view opened from its view address (the view token): live, then NO ACCESS the moment the
operator renews the view token, and live again from the new address."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.core.helpers import at
from tests.remote.browser import CHROMIUM, Browser
from tests.remote.conftest import Remote
from tests.remote.layout import SIZES
from tests.remote.test_browser_offline import wait_for

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")


def test_renewing_the_view_token_takes_an_open_view_to_no_access(
        remote_factory: Callable[..., Remote], browser: Browser) -> None:
    remote = remote_factory(at(13, 30), force_token=True)
    old_address = remote.server.view_urls()["stage"]
    assert remote.token not in old_address
    page = remote.wait(browser.run(browser.open(old_address, *SIZES[0])), 20000)
    try:
        wait_for(remote, browser, page, "document.body.dataset.conn === 'live' && ROS.state !== null", 15000)
        assert remote.server.renew_token("view") == 1
        wait_for(remote, browser, page, "document.body.dataset.conn === 'auth'", 12000)
    finally:
        remote.wait(browser.run(page.close()))
    page = remote.wait(browser.run(browser.open(remote.server.view_urls()["stage"], *SIZES[0])), 20000)
    try:
        wait_for(remote, browser, page, "document.body.dataset.conn === 'live' && ROS.state !== null", 15000)
    finally:
        remote.wait(browser.run(page.close()))
