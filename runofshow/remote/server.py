"""RemoteServer: the network thread, its event loop, and how it starts and stops with the app.

The Qt thread creates the server, which starts one daemon thread running an asyncio loop with the
HTTP/WebSocket site and, if asked, the OSC endpoint. Startup waits until the sockets are bound, so
the operator is told at once if the port is taken; the show runs either way.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from runofshow.io.server_address import forget_address, keep_address
from runofshow.paths import resources_dir
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.http_app import VIEWS, RemoteApp
from runofshow.remote.hub import Hub
from runofshow.remote.limits import (
    ACCEPT_PAUSE,
    DISPLAY_REFUSED,
    ConnectionCaps,
    ConnectionGate,
    GatedSite,
    raise_open_file_limit,
)
from runofshow.remote.options import (
    CONTROL_TOKEN,
    TOKEN_FILES,
    VIEW_TOKEN,
    VIEW_TOKEN_FILE,
    RemoteOptions,
    keep_token,
    load_or_create_token,
    new_token,
    options_from_args,
)
from runofshow.remote.osc import OscCounters, OscProtocol
from runofshow.remote.refusals import ACCEPT_OUT_OF_FILES, CONNECTION_OVER_CAP, Refusals
from runofshow.remote.relay import CommandRelay, Snapshot, SnapshotPublisher

log = logging.getLogger(__name__)
# aiohttp logs every unparseable request with a traceback: a client's garbage is not the operator's
# problem, so those go to a logger of their own, quiet unless someone turns it up.
bad_requests = logging.getLogger("runofshow.remote.bad_requests")
bad_requests.setLevel(logging.CRITICAL)
START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0
HANDOFF_WAIT = 0.01  # seconds the Qt thread waits at most for news to be written to every display


@dataclass(frozen=True)
class Bound:
    http_port: int
    osc_port: int | None


class RemoteServer:
    """HTTP + WebSocket + OSC in one background thread. `start()` and `stop()` from the Qt thread."""

    def __init__(self, bridge: ShowBridge, options: RemoteOptions, token: str, web_root: Path | None = None, *,
                 view_token: str = "", state_dir: Path | None = None) -> None:
        self.bridge = bridge
        self.options = options
        self.token = token  # the control token: typed into Companion etc., never put in an address
        self.view_token = view_token or new_token()  # the read-only views' token, in their addresses
        self.state_dir = state_dir  # where both are kept (a renewal too); None: in memory only
        self.web_root = web_root or resources_dir() / "web"
        self.error = ""  # why the server is not running, for the operator
        self.bound: Bound | None = None
        self._relay = CommandRelay(bridge, options.max_pending)
        self._publisher: SnapshotPublisher | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._hub: Hub | None = None
        self._app: RemoteApp | None = None
        self._runner: web.AppRunner | None = None
        self._osc: OscProtocol | None = None
        self._osc_transport: asyncio.DatagramTransport | None = None
        self.gate: ConnectionGate | None = None  # the connection caps, once serving (remote/limits.py)
        self.refusals = Refusals()  # what the server refuses, counted and summarised (never a line each)
        self.address_kept: str | None = None  # the line in <state folder>/remote-address, for a second copy

    # -- state for the Remote window (qt/remote_status.py) and the tests ------------------------

    @property
    def running(self) -> bool:
        return self.bound is not None

    @property
    def port(self) -> int:
        assert self.bound is not None, "the server is not running"
        return self.bound.http_port

    @property
    def host(self) -> str:
        return self.options.host

    @property
    def osc_port(self) -> int | None:
        return self.bound.osc_port if self.bound is not None else None

    @property
    def require_token(self) -> bool:
        return self.options.require_token

    @property
    def public_views(self) -> bool:
        return self.options.public_views

    @property
    def osc_counters(self) -> OscCounters | None:
        return self._osc.counters if self._osc is not None else None

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The network thread's event loop while serving (remote/pairing.py runs the record feed on it)."""
        return self._loop

    @property
    def hub(self) -> Hub:
        assert self._hub is not None
        return self._hub

    @property
    def app(self) -> RemoteApp:
        assert self._app is not None
        return self._app

    def url(self, path: str = "/", host: str | None = None, with_view_token: bool = False) -> str:
        """An address on this server; the only token an address ever carries is the read-only view token."""
        host = host or self.options.host
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        query = f"?token={self.view_token}" if with_view_token else ""
        return f"http://{host}:{self.port}{path}{query}"

    def view_urls(self, host: str | None = None) -> dict[str, str]:
        """Each browser view's address; with the view token when a display needs it to open."""
        needs = self.options.require_token and not self.options.public_views
        return {view: self.url(f"/{view}", host, with_view_token=needs) for view in VIEWS}

    def renew_token(self, kind: str) -> int:
        """A new control or view token (from the Qt thread): kept in the state folder first, then in force at
        once; whoever held the old one is refused from the next request or packet, and every WebSocket that
        came with it is closed. Returns how many displays were disconnected. Raises OSError, with the old
        token still in force, if the new one cannot be kept (it would come back on the next start)."""
        if kind not in (CONTROL_TOKEN, VIEW_TOKEN):
            raise ValueError(f"no such token: {kind!r}")
        token = new_token()
        if self.state_dir is not None:
            keep_token(self.state_dir, TOKEN_FILES[kind], token)
        if kind == CONTROL_TOKEN:
            self.token = token
        else:
            self.view_token = token
        log.info("remote: the %s token was renewed", kind)
        loop, app = self._loop, self._app
        if loop is None or app is None:
            return 0

        async def renew() -> int:
            if kind == CONTROL_TOKEN and self._osc is not None:
                self._osc.renew_token(token)
            return app.renew_token(kind, token)

        try:
            return asyncio.run_coroutine_threadsafe(renew(), loop).result(STOP_TIMEOUT)
        except RuntimeError:  # the loop is closing: the server is stopping, and starts again with the new token
            return 0
        except TimeoutError:
            # Still queued on a jammed network thread: it takes effect there when it gets to it.
            log.warning("remote: the %s token is renewed, but the network thread has not applied it yet", kind)
            return 0

    # -- starting and stopping ---------------------------------------------------------------------

    def start(self) -> bool:
        """Bind and serve. False (and `error` says why) if the address cannot be used."""
        ready: Future[Bound] = Future()
        self._thread = threading.Thread(target=self._thread_main, args=(ready,), name="runofshow-remote",
                                        daemon=True)
        self._thread.start()
        try:
            self.bound = ready.result(timeout=START_TIMEOUT)
        except Exception as exc:
            self.error = _describe(exc, self.options)
            log.warning("remote control is off: %s", self.error)
            self._thread.join(STOP_TIMEOUT)
            self._thread = None
            return False
        self._publisher = SnapshotPublisher(self.bridge, self._deliver)
        self._relay.after_durable = self._publisher.check_health  # a write's outcome is news at once
        self._publisher.publish(self.bridge.state)
        if self.state_dir is not None:  # a second copy on this folder finds it here (ui/folder_lock.py)
            try:
                self.address_kept = keep_address(self.state_dir, self.options.host, self.bound.http_port)
            except OSError as exc:
                log.warning("remote: cannot write where the server listens into %s: %s", self.state_dir, exc)
        log.info("remote control on %s (token %s)%s", self.url("/"),
                 "required" if self.options.require_token else "not required on loopback",
                 f", OSC on UDP {self.bound.osc_port}" if self.bound.osc_port else "")
        return True

    def _deliver(self, snapshot: Snapshot) -> None:
        """Hand a snapshot to the network thread (called on the Qt thread, before the views redraw).

        News for connected displays goes out at once: the Qt thread waits (at most HANDOFF_WAIT) until it has
        been written to every socket. Waiting frees the interpreter for the network thread, which would
        otherwise take turns with the views' redraw for every socket it writes to (the command-to-display
        latency of 200 displays); a clock-only snapshot, pushed later if at all, is not waited for."""
        loop, hub = self._loop, self._hub
        if loop is None or hub is None:
            return
        if not hub.clients or snapshot.key == hub.pushed_key:
            with contextlib.suppress(RuntimeError):  # the loop is closing: the app is shutting down
                loop.call_soon_threadsafe(hub.publish, snapshot)
            return
        pushed = threading.Event()

        def publish() -> None:
            try:
                hub.publish(snapshot)
            finally:
                pushed.set()

        try:
            loop.call_soon_threadsafe(publish)
        except RuntimeError:  # the loop is closing
            return
        pushed.wait(HANDOFF_WAIT)

    def stop(self) -> None:
        """Close every connection and end the thread. Safe to call twice."""
        if self.state_dir is not None and self.address_kept is not None:
            forget_address(self.state_dir, self.address_kept)
            self.address_kept = None
        if self._publisher is not None:
            self._relay.after_durable = None
            self._publisher.detach()
            self._publisher = None
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(STOP_TIMEOUT)
        except Exception as exc:
            log.warning("remote server did not stop cleanly: %s", exc)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(STOP_TIMEOUT)
        self._thread = None
        self.bound = None

    # -- the network thread ------------------------------------------------------------------------

    def _thread_main(self, ready: Future[Bound]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            bound = loop.run_until_complete(self._serve())
        except Exception as exc:
            loop.run_until_complete(self._shutdown())
            loop.close()
            ready.set_exception(exc)
            return
        self._loop = loop
        ready.set_result(bound)
        try:
            loop.run_forever()
        finally:
            self._loop = None
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _serve(self) -> Bound:
        options = self.options
        loop = asyncio.get_running_loop()
        self.refusals.attach(loop)  # asyncio's accept errors too
        self._hub = Hub(loop)
        self._app = RemoteApp(options, self.token, self._relay, self._hub, self.web_root, view_token=self.view_token)
        bridge = self.bridge
        self._app.standing = lambda: bridge.standing  # /api/role: primary or backup (remote/pairing.py moves it)
        self._runner = web.AppRunner(
            self._app.build(), handle_signals=False, shutdown_timeout=1.0, access_log=None, logger=bad_requests,
            keepalive_timeout=options.idle_timeout, lingering_time=0.5, max_line_size=4096, max_field_size=4096,
            max_headers=64)
        await self._runner.setup()
        # Counted at accept, below the open-file limit: idle sockets can never take the operator's requests away.
        caps = ConnectionCaps.within(options.max_connections, options.max_connections_per_address,
                                     raise_open_file_limit())
        log.info("remote: at most %d connections, %d from one address; %d displays, %d from one address",
                 caps.total, caps.per_address, options.max_clients, options.max_clients_per_address)
        gate = self.gate = ConnectionGate(caps)
        gate.on_refused = lambda address, cap: self.refusals.refuse(
            CONNECTION_OVER_CAP, address, f"a connection from {address} refused: over the cap of {cap} "
            "(see --max-connections and --displays-per-address)")
        gate.on_accept_failed = lambda exc: self.refusals.refuse(
            ACCEPT_OUT_OF_FILES, "", f"connections not accepted for {ACCEPT_PAUSE} s: {exc.strerror or exc}")
        self._app.on_display_refused = lambda address, why: self.refusals.refuse(
            DISPLAY_REFUSED, address, f"a display from {address} refused: {why}")
        site = GatedSite(self._runner, options.host, options.port, gate)
        await site.start()
        http_port = int(self._runner.addresses[0][1])
        osc_port = None
        if options.osc_port is not None:
            protocol = self._osc = OscProtocol(self._relay, self.token, options.require_token, self.refusals)
            transport, _protocol = await loop.create_datagram_endpoint(
                lambda: protocol, local_addr=(options.host, options.osc_port))
            self._osc_transport = transport
            osc_port = int(transport.get_extra_info("sockname")[1])
        return Bound(http_port, osc_port)

    async def _shutdown(self) -> None:
        if self._app is not None and self._app.feed is not None:
            await self._app.feed.close()
        if self._hub is not None:
            self._hub.close()
        if self._app is not None:
            await self._app.close_clients()
        if self._osc_transport is not None:
            self._osc_transport.close()
            self._osc_transport = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self.refusals.detach()  # the last period's counts


def _describe(exc: BaseException, options: RemoteOptions) -> str:
    if isinstance(exc, OSError):
        return f"cannot listen on {options.host}:{options.port} (or OSC {options.osc_port}): {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def start_server(bridge: ShowBridge, args: argparse.Namespace | RemoteOptions, state_dir: Path) -> RemoteServer | None:
    """Start the server from the parsed options. app.py calls this, then hands the server to the Remote menu.

    Returns None when `--no-remote` was given. A server that could not bind is returned anyway
    (not running, with `error` set), so the Remote window can say why.
    """
    options = args if isinstance(args, RemoteOptions) else options_from_args(args)
    forget_address(state_dir)  # this copy holds the folder: an address found there was left by a crash
    if not options.enabled:
        return None
    try:
        token = load_or_create_token(state_dir)
        view_token = load_or_create_token(state_dir, VIEW_TOKEN_FILE)
    except (OSError, ValueError) as exc:
        log.warning("remote control is off: no control or view token: %s", exc)
        token = view_token = ""
    server = RemoteServer(bridge, options, token, view_token=view_token, state_dir=state_dir)
    if not token:
        server.error = f"no control or view token could be kept in {state_dir}"
    else:
        server.start()
    return server
