"""Headless Chromium driven over the DevTools protocol, to check what the browser views show.

One browser per test module; each page is a tab. Waiting happens inside the browser (a promise
that resolves when a condition holds), never as a sleep in Python. The host resolver maps every
name to nothing except 127.0.0.1, so the browser cannot reach anything else.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

T = TypeVar("T")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
         "--mute-audio", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0"]


class CdpError(Exception):
    pass


class Page:
    def __init__(self, browser: Browser, target_id: str, session_id: str) -> None:
        self.browser = browser
        self.target_id = target_id
        self.session_id = session_id

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        return await self.browser.send(method, params, self.session_id)

    async def evaluate(self, expression: str, timeout: float = 10.0) -> Any:
        reply = await asyncio.wait_for(self.send("Runtime.evaluate", expression=expression, awaitPromise=True,
                                                 returnByValue=True), timeout)
        if "exceptionDetails" in reply:
            raise CdpError(json.dumps(reply["exceptionDetails"])[:500])
        return reply["result"].get("value")

    async def wait_for(self, condition: str, timeout_ms: int = 8000) -> None:
        """Resolve when the JS condition is true in the page (checked on every animation frame)."""
        script = f"""new Promise((resolve, reject) => {{
            const until = performance.now() + {timeout_ms};
            const check = () => {{
                let ok = false;
                try {{ ok = Boolean({condition}); }} catch (e) {{}}
                if (ok) resolve(true);
                else if (performance.now() > until) reject(new Error("timed out: " + {json.dumps(condition)}));
                else setTimeout(check, 20);
            }};
            check();
        }})"""
        await self.evaluate(script, timeout=timeout_ms / 1000 + 5)

    async def texts(self, *ids: str) -> dict[str, str]:
        script = f"Object.fromEntries({json.dumps(list(ids))}.map(id => [id, "
        script += "(document.getElementById(id) || {innerText: null}).innerText]))"
        value: dict[str, str] = await self.evaluate(script)
        return value

    async def screenshot(self, path: Path) -> None:
        reply = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(reply["data"]))

    async def close(self) -> None:
        await self.browser.send("Target.closeTarget", {"targetId": self.target_id})


class Browser:
    """Chromium with a DevTools connection, driven from its own event loop thread."""

    def __init__(self) -> None:
        assert CHROMIUM is not None
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="test-chromium", daemon=True)
        self._thread.start()
        self.profile = Path(tempfile.mkdtemp(prefix="runofshow-chromium-"))
        self.process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None

    def run(self, coro: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    async def connect(self) -> None:
        # Chromium writes its DevTools port and path to this file once it listens.
        port_file = self.profile / "DevToolsActivePort"
        async with asyncio.timeout(20):
            while not port_file.is_file() or len(port_file.read_text().split()) < 2:
                if self.process.poll() is not None:
                    raise CdpError(f"chromium exited: {self.process.stderr.read()[-2000:]!r}")  # type: ignore[union-attr]
                await asyncio.sleep(0.05)  # waiting for a process to start, not timing logic
        port, path = port_file.read_text().split()[:2]
        self._session = aiohttp.ClientSession()
        self._ws = await self._session.ws_connect(f"ws://127.0.0.1:{port}{path}", max_msg_size=64 * 1024 * 1024)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            data = json.loads(message.data)
            waiter = self._waiting.pop(data.get("id", -1), None)
            if waiter is not None and not waiter.done():
                if "error" in data:
                    waiter.set_exception(CdpError(str(data["error"])))
                else:
                    waiter.set_result(data.get("result", {}))

    async def send(self, method: str, params: dict[str, Any] | None = None, session_id: str | None = None
                   ) -> dict[str, Any]:
        assert self._ws is not None
        ident = next(self._ids)
        waiter: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[ident] = waiter
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session_id:
            message["sessionId"] = session_id
        await self._ws.send_str(json.dumps(message))
        return await asyncio.wait_for(waiter, 30)

    async def open(self, url: str, width: int = 1280, height: int = 720, *, init_script: str = "") -> Page:
        """A new tab on `url`; `init_script` runs in the page before any of its own scripts (e.g. a fake clock)."""
        target = await self.send("Target.createTarget", {"url": "about:blank"})
        attached = await self.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})
        page = Page(self, target["targetId"], attached["sessionId"])
        await page.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                        mobile=False)
        await page.send("Page.enable")
        if init_script:
            await page.send("Page.addScriptToEvaluateOnNewDocument", source=init_script)
        await page.send("Page.navigate", url=url)
        await page.wait_for("document.readyState === 'complete' && typeof ROS !== 'undefined'")
        return page

    async def aclose(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
        if self._session is not None:
            await self._session.close()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.run(self.aclose()).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        if self.process.stderr is not None:
            self.process.stderr.close()
        shutil.rmtree(self.profile, ignore_errors=True)
