"""The browser views with the WebSocket's parts (headless Chromium): /backstage draws a plan edit and a run
that ended from the parts sent when they changed; /stage and /moderator ask for no part and are sent none."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.core.helpers import at
from tests.remote.browser import CHROMIUM, Browser
from tests.remote.conftest import Remote
from tests.remote.test_browser_views import View

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")


def open_view(remote: Remote, browser: Browser, name: str) -> View:
    page = remote.wait(browser.run(browser.open(f"{remote.base}/{name}", 1920, 1080)), 20000)
    view = View(remote, browser, page)
    view.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null")
    return view


def test_backstage_draws_a_plan_edit_and_a_finished_run_and_the_room_views_get_no_parts(
        remote_factory: Callable[..., Remote], browser: Browser) -> None:
    remote = remote_factory(at(13, 29))
    assert remote.command("go").status == 200
    backstage, stage, moderator = (open_view(remote, browser, name) for name in ("backstage", "stage", "moderator"))
    try:
        assert remote.command("edit_slot", {"slot": "policy-panel", "title": "The panel, renamed"}).status == 200
        backstage.wait_for("document.getElementById('rundown').innerText.includes('The panel, renamed')")
        remote.set_time(at(13, 40))
        assert remote.command("next").status == 200
        # The slot that ended shows its actual times (the runs, sent when they changed): 13:29–13:40.
        backstage.wait_for("document.getElementById('rundown').innerText.includes('13:29–13:40')")
        assert backstage.js("ROS.state.runs.length") == 1
        for view in (stage, moderator):
            view.wait_for("ROS.state.index === 1")
            assert view.js("ROS.state.rundown === undefined && ROS.state.runs === undefined")
    finally:
        for view in (backstage, stage, moderator):
            view.call(view.page.close())


# Every WebSocket the page opens is kept, with what the page sends on it.
SOCKETS = """(() => {
  const Real = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = function (url, protocols) {
    const socket = new Real(url, protocols);
    socket.__sent = [];
    const send = socket.send.bind(socket);
    socket.send = (data) => { socket.__sent.push(String(data)); send(data); };
    window.__sockets.push(socket);
    return socket;
  };
  window.WebSocket.prototype = Real.prototype;
})();"""


def test_a_state_naming_a_rundown_the_page_lacks_is_not_drawn_and_every_part_is_asked_for_again(
        remote_factory: Callable[..., Remote], browser: Browser) -> None:
    remote = remote_factory(at(13, 29))
    assert remote.command("go").status == 200
    page = remote.wait(browser.run(browser.open(f"{remote.base}/backstage", 1920, 1080, init_script=SOCKETS)), 20000)
    view = View(remote, browser, page)
    try:
        view.wait_for("document.body.dataset.conn === 'live' && ROS.state !== null")
        # A state from a newer plan whose rundown never came (as a lost message would leave it).
        shown = view.js("""(() => {
            const socket = window.__sockets[window.__sockets.length - 1];
            const state = Object.assign({}, ROS.state, {message: "from a plan never seen",
                versions: Object.assign({}, ROS.state.versions, {rundown: -1})});
            delete state.rundown; delete state.runs;
            socket.onmessage({data: JSON.stringify({type: "state", age: 0, state})});
            return [ROS.state.message, socket.__sent];
        })()""")
        assert shown[0] != "from a plan never seen"  # the last whole state stays drawn
        assert {"type": "resync"} in [json.loads(sent) for sent in shown[1]]
        # The server answers with every part; the page draws the show's real state again with its rundown.
        assert remote.command("message", {"text": "after the resync"}).status == 200
        view.wait_for("ROS.state.message === 'after the resync' && ROS.state.rundown.length === 10")
        assert "Welcoming remarks" in view.texts("rundown")["rundown"]
    finally:
        view.call(view.page.close())
