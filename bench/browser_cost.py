"""The browser views' CPU against a blank page in the same headless Chromium (issue 19, item 10).

    python bench/browser_cost.py SECONDS RUNS SET [SET ...]
        SET: blank | blankN (N blank windows) | floor | tiny | fair | a view (stage) | views joined by "+"
             (stage+projector+moderator+backstage)
        -> one JSON line: {"seconds": SECONDS, "cpu": {SET: [CPU seconds of each run], ...},
                           "kinds": {SET: {process kind: CPU seconds, summed over the runs}}}

The real app serves (app_probe.py serve: its network server, a slot running). One Chromium, started once.
Each run opens each SET in turn: one window per page, each in a browser context of its own, at 1920x1080, as
each display is a device of its own (a tab behind another is throttled; pages of one site in one context share
a renderer), and measures the CPU of Chromium's whole process tree (browser, GPU, network, renderers: utime +
stime from /proc) over SECONDS, from two seconds after the pages are live, with no DevTools session attached
while it counts. The sets take turns, so a noisy moment on a shared machine hurts each alike.

`blank` is about:blank. `floor` is the least a display can do: a page that shows the time, HH:MM:SS, half the
screen high, and changes it once a second on the second. `tiny` changes 16 px of text once a second: the least
any page that changes costs. `fair` is /stage's fair floor: two big texts, flipped at two moments of the second.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.ws_latency import serving, stop  # noqa: E402
from tests.remote.browser import CHROMIUM, Browser, Page  # noqa: E402

SETTLE_S = 2.0  # a tab's load and first frames are not what a display costs all day
TICKS = os.sysconf("SC_CLK_TCK")
FLOOR = "data:text/html," + urllib.parse.quote(
    "<!doctype html><body style='margin:0;height:100vh;display:flex;align-items:center;justify-content:center;"
    "background:#000;color:#fff;font:bold 50vh monospace'><div id=t></div><script>"
    "const t = document.getElementById('t');"
    "function tick() { const d = new Date(); t.textContent = d.toTimeString().slice(0, 8);"
    " setTimeout(tick, 1002 - d.getMilliseconds()); }"
    "tick();</script>")
# The least a page can do that changes at all: one small text (16 px, 8 characters), flipped once a second.
TINY = "data:text/html," + urllib.parse.quote(
    "<!doctype html><body style='margin:0;background:#000;color:#fff;font:16px monospace'><div id=t></div>"
    "<script>const t = document.getElementById('t');"
    "function tick() { const d = new Date(); t.textContent = d.toTimeString().slice(0, 8);"
    " setTimeout(tick, 1002 - d.getMilliseconds()); }"
    "tick();</script>")
# The fair floor of /stage: the least page doing its job, the laptop's clock (9vh) and a countdown (45vh, about
# the stage's digits) each flipping once a second, at two moments of the second (the slot's second and the
# laptop's are seldom in step): two frames a second.
FAIR = "data:text/html," + urllib.parse.quote(
    "<!doctype html><body style='margin:0;height:100vh;background:#000;color:#fff;font:bold 9vh monospace'>"
    "<div id=t></div><div id=u style='font-size:45vh'></div><script>"
    "const t = document.getElementById('t'), u = document.getElementById('u');"
    "function tick() { const d = new Date(); t.textContent = d.toTimeString().slice(0, 8);"
    " setTimeout(tick, 1002 - d.getMilliseconds()); }"
    "function tock() { const d = new Date(); u.textContent = d.toTimeString().slice(3, 8);"
    " setTimeout(tock, 1002 - (d.getMilliseconds() + 500) % 1000); }"
    "tick(); tock();</script>")


def tree(root: int) -> list[int]:
    """`root` and every process under it."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    return found


def cpu_of(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) by process. Not those of the children a process has reaped: a renderer
    that exits would bring its whole life into the window in which it is reaped."""
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        times[pid] = sum(int(value) for value in fields[11:13]) / TICKS  # utime stime
    return times


def kind_of(pid: int) -> str:
    """Chromium's name for the process (renderer, gpu-process, utility…); the browser has none."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ").split()
    except OSError:
        return "gone"
    return next((word.split("=", 1)[1] for word in words if word.startswith("--type=")), "browser")


def measure_tree(root: int, seconds: float) -> dict[str, float]:
    """CPU seconds Chromium's process tree used over `seconds`, by kind of process (a process that appears
    meanwhile counts whole)."""
    before = cpu_of(tree(root))
    time.sleep(seconds)  # the measurement window itself, not a wait for something to happen
    after = cpu_of(tree(root))
    kinds: dict[str, float] = {}
    for pid, cpu in after.items():
        kind = kind_of(pid)
        kinds[kind] = kinds.get(kind, 0.0) + cpu - before.get(pid, 0.0)
    return kinds


async def open_window(browser: Browser, url: str, live: bool) -> str:
    """A window of its own on `url`; for a view, held until it is live and drawn. No DevTools session stays
    attached. Its browser context's id."""
    context = (await browser.send("Target.createBrowserContext"))["browserContextId"]
    target = await browser.send("Target.createTarget", {"url": "about:blank", "newWindow": True,
                                                        "browserContextId": context})
    attached = await browser.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})
    page = Page(browser, target["targetId"], attached["sessionId"])
    await page.send("Emulation.setDeviceMetricsOverride", width=1920, height=1080, deviceScaleFactor=1, mobile=False)
    await page.send("Page.navigate", url=url)
    if live:
        await page.wait_for("typeof ROS !== 'undefined' && ROS.conn === 'live' && ROS.state !== null", 20000)
    else:
        await page.wait_for("document.readyState === 'complete'", 20000)
    await browser.send("Target.detachFromTarget", {"sessionId": attached["sessionId"]})
    return str(context)


def one_run(browser: Browser, urls: list[str], seconds: float) -> dict[str, float]:
    resting = set(tree(browser.process.pid))
    contexts = [browser.run(open_window(browser, url, url.startswith("http"))).result(60) for url in urls]
    try:
        time.sleep(SETTLE_S)  # let the load's work end before the window opens
        return measure_tree(browser.process.pid, seconds)
    finally:
        for context in contexts:
            browser.run(browser.send("Target.disposeBrowserContext", {"browserContextId": context})).result(30)
        # The next set is measured once this one's renderers have gone (waiting for processes to end).
        until = time.monotonic() + 10
        while set(tree(browser.process.pid)) - resting and time.monotonic() < until:
            time.sleep(0.1)


def main() -> None:
    if len(sys.argv) < 4 or CHROMIUM is None:
        raise SystemExit(__doc__ if CHROMIUM else "needs chromium")
    seconds, runs, sets = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    proc, port, token = serving(None, 3600)
    browser = Browser()

    def urls(name: str) -> list[str]:
        if name.startswith("blank"):
            return ["about:blank"] * int(name[len("blank"):] or 1)
        if name in ("floor", "tiny", "fair"):
            return [{"floor": FLOOR, "tiny": TINY, "fair": FAIR}[name]]
        return [f"http://127.0.0.1:{port}/{view}?token={token}" for view in name.split("+")]

    cpu: dict[str, list[float]] = {name: [] for name in sets}
    kinds: dict[str, dict[str, float]] = {name: {} for name in sets}
    try:
        browser.run(browser.connect()).result(30)
        for name in sets:  # the first page of each kind pays for loading the browser's parts: unmeasured
            one_run(browser, urls(name), 0.5)
        for _ in range(runs):
            for name in sets:
                found = one_run(browser, urls(name), seconds)
                cpu[name].append(sum(found.values()))
                for kind, used in found.items():
                    kinds[name][kind] = kinds[name].get(kind, 0.0) + used
    finally:
        browser.close()
        stop(proc)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "kinds": kinds}), flush=True)


if __name__ == "__main__":
    main()
