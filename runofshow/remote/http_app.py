"""The aiohttp application: the JSON API, the WebSocket and the browser views.

Everything here runs on the network thread's event loop. It reads only serialised snapshots
(text handed over by SnapshotPublisher) and sends commands through CommandRelay; nothing here
touches the engine. Malformed input is refused here, before anything is queued for the Qt thread.

A controller is never told something false about a command: 503 "not run" only when the command was
cancelled before the Qt thread took it; once taken, the reply waits for its real result. An
`Idempotency-Key` header makes a retried command run once. Nothing a client does, and nothing a
snapshot holds, may stop the pushes to the other displays.

Over 400 lines, not split: every route passes the one guard (origin, token) of this one application; what a
push carries and how it is shared between displays is in hub.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import json
import logging
import re
from collections.abc import Awaitable, Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiohttp import WSCloseCode, WSMsgType, web

from runofshow.core.commands import COMMANDS, check_arguments
from runofshow.core.standing import Standing
from runofshow.io.pictures import read_picture
from runofshow.paths import resources_dir
from runofshow.remote.hub import Client, Hub, wanted_parts
from runofshow.remote.idempotency import IDEMPOTENCY_KEY, IdempotencyCache, Reply, fingerprint_of
from runofshow.remote.limits import DisplaySlots, Rank, address_key, from_itself
from runofshow.remote.options import CONTROL_TOKEN, VIEW_TOKEN, RemoteOptions, is_loopback, new_token
from runofshow.remote.relay import BusyError, CommandRelay, CommandResult
from runofshow.remote.snapshot_json import dumps, journal_to_json

if TYPE_CHECKING:
    from runofshow.remote.feed import RecordFeed

log = logging.getLogger(__name__)

VIEWS = ("stage", "projector", "moderator", "backstage")
# Set by the guard on every request: which token it presented, "control" | "view" | None (none presented).
# A wrong token never gets this far (403). Read by the WebSocket slots (token holders get reserved ones).
TOKEN_KIND: web.RequestKey[str | None] = web.RequestKey("runofshow.token_kind", str)  # read: request.get(TOKEN_KIND)
# The token (bytes) the guard accepted: a WebSocket checks that it is still current once its handshake is out.
_TOKEN_SEEN: web.RequestKey[bytes] = web.RequestKey("runofshow.token_seen", bytes)
_CONTENT_TYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml",
                  ".png": "image/png", ".ico": "image/x-icon", ".woff2": "font/woff2"}
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # view URLs may carry the token
    "Cache-Control": "no-store",
}
_PAGE_POLICY = ("default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; "
                "script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
_PICTURE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
# A Host header is a name or an address, and a port: nothing else (no '@', '#', '/', spaces, second colon).
_PLAIN_HOST = re.compile(r"(?P<name>[A-Za-z0-9_.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::(?P<port>[0-9]{1,5}))?")
# Once the Qt thread has taken a command, its result will come: wait this much longer before saying
# that it is unknown (never "not run"). A slow disk's fsync is seconds at worst.
RESULT_GRACE = 60.0
WRITE_TIMEOUT = 10.0  # seconds a display may take to accept one snapshot


class Access(Enum):
    PUBLIC = "public"  # the shipped page code: it carries no show data
    VIEW = "view"  # the show's state: read-only
    CONTROL = "control"  # commands


def _json(status: int, body: bytes, **headers: str) -> web.Response:
    return web.Response(body=body, status=status, content_type="application/json", charset="utf-8",
                        headers={**_SECURITY_HEADERS, **headers})


def _error(status: int, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status, headers=_SECURITY_HEADERS, dumps=dumps)


class RemoteApp:
    """Builds the aiohttp application around one Hub and one CommandRelay."""

    def __init__(self, options: RemoteOptions, token: str, relay: CommandRelay, hub: Hub, web_root: Path, *,
                 view_token: str = "") -> None:
        self.options = options
        # What each token opens; replaced whole on the loop's thread when the operator renews one.
        self._tokens = {CONTROL_TOKEN: token.encode(), VIEW_TOKEN: (view_token or new_token()).encode()}
        self._relay = relay
        self.hub = hub
        self._web_root = web_root.resolve()
        self.commands_run = 0
        self.idempotency = IdempotencyCache()
        self._running: set[asyncio.Task[Reply]] = set()  # commands whose reply is still to come
        self._closing: set[asyncio.Task[None]] = set()  # WebSockets of a renewed token, being closed
        # A backup laptop's stream of the record (remote/feed.py), and this laptop's standing for /api/role.
        self.feed: RecordFeed | None = None
        self.standing: Callable[[], Standing] = Standing

    def build(self) -> web.Application:
        app = web.Application(client_max_size=self.options.max_body, middlewares=[self._guard])
        app.router.add_get("/", self._index)
        for view in VIEWS:
            app.router.add_get(f"/{view}", self._view)
        app.router.add_get("/web/{name:.+}", self._asset)
        app.router.add_get("/api/state", self._state)
        app.router.add_get("/api/commands", self._commands)
        app.router.add_get("/api/holding-slide", self._holding_slide)
        app.router.add_post("/api/command/{name}", self._command)
        for path in ("/api/state", "/api/commands", "/api/command/{name}"):
            app.router.add_route("OPTIONS", path, self._preflight)
        app.router.add_get("/ws", self._websocket)
        app.router.add_get("/api/follow", self._follow)
        app.router.add_get("/api/role", self._role)
        return app

    # -- the guard: every request passes here first ---------------------------------------------

    def _access(self, request: web.Request) -> Access:
        if request.path == "/api/role":
            return Access.PUBLIC  # primary or backup, and the epoch: what a view given both laptops asks each
        if request.path == "/api/follow":
            return Access.CONTROL  # a backup laptop copies the whole record: the control token beyond loopback
        if request.path.startswith("/api/") or request.path == "/ws":
            return Access.CONTROL if request.method == "POST" else Access.VIEW
        return Access.PUBLIC

    @web.middleware
    async def _guard(self, request: web.Request,
                     handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        access = self._access(request)
        request[TOKEN_KIND] = None
        try:
            refusal = _refuse_headers(request)  # every route, the page code too: nothing ambiguous gets past
            if refusal is None and access is not Access.PUBLIC:
                refusal = self._refuse_origin(request) or self._refuse_token(request, access)
        except Exception:  # aiohttp would log it where nobody looks (bad_requests): refused, and logged here
            log.exception("remote: the guard failed on %s %s; refused", request.method, request.path)
            return _error(500, "internal error; the show goes on")
        if refusal is not None:
            return refusal
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if access is Access.PUBLIC and exc.status == 404:
                return web.Response(status=404, text="not found\n", headers=_SECURITY_HEADERS)
            return _error(exc.status, exc.reason)
        except (ConnectionResetError, asyncio.CancelledError):
            raise  # the client went away: nothing to answer
        except Exception:
            log.exception("remote: %s %s failed", request.method, request.path)
            return _error(500, "internal error; the show goes on")
        origin = request.headers.get("Origin")
        if origin and origin in self.options.cors and not response.prepared:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"
        return response

    def _refuse_origin(self, request: web.Request) -> web.Response | None:
        """No other web page may drive the show from a browser, and no DNS-rebinding name may reach loopback."""
        if is_loopback(self.options.host) and not self._is_loopback_name(_host_name(request) or ""):
            return _error(403, "this server answers only to localhost names and loopback addresses")
        origin = request.headers.get("Origin")
        if origin and origin != f"{request.scheme}://{request.host}" and origin not in self.options.cors:
            return _error(403, f"requests from {origin} are not allowed (see --cors)")
        return None

    def _is_loopback_name(self, name: str) -> bool:
        """localhost, the address we listen on, or any loopback literal (127.0.0.0/8, ::1): none can be rebound."""
        if name in ("localhost", self.options.host.strip("[]").lower()):
            return True
        try:
            return ipaddress.ip_address(name).is_loopback
        except ValueError:
            return False

    def _refuse_token(self, request: web.Request, access: Access) -> web.Response | None:
        given = _token_of(request)
        if given is not None:
            kind = self.token_kind(given)
            if kind is None:
                return _error(403, "wrong token")
            if access is Access.CONTROL and kind != CONTROL_TOKEN:
                return _error(403, "the view token opens the read-only views only: commands need the control token")
            if access is Access.CONTROL and _token_in_address(request):
                # An address is copied, photographed, kept in histories: one that runs commands must not exist.
                return _error(403, "a command takes the control token in a header (Authorization: Bearer TOKEN or "
                                   "X-Runofshow-Token: TOKEN), never in the address")
            request[TOKEN_KIND] = kind
            request[_TOKEN_SEEN] = self._tokens[kind]
            return None
        if not self.options.require_token or (access is Access.VIEW and self.options.public_views):
            return None
        needed = "the control token" if access is Access.CONTROL else "the view token (or the control token)"
        where = ("Authorization: Bearer TOKEN or X-Runofshow-Token: TOKEN" if access is Access.CONTROL
                 else "Authorization: Bearer TOKEN, X-Runofshow-Token: TOKEN or ?token=TOKEN")
        return web.json_response({"error": f"this needs {needed} ({where})"}, status=401,
                                 headers={**_SECURITY_HEADERS, "WWW-Authenticate": 'Bearer realm="runofshow"'})

    def token_kind(self, given: str) -> str | None:
        """CONTROL_TOKEN, VIEW_TOKEN or None (wrong). Compared with both, in constant time: the reply's timing
        says nothing about how much of a guess was right, nor which token it was close to."""
        try:
            presented = given.encode()
        except UnicodeEncodeError:  # bytes that are not UTF-8 (kept as surrogates): no token of ours
            return None
        matches = {kind: hmac.compare_digest(presented, token) for kind, token in self._tokens.items()}
        return next((kind for kind, matched in matches.items() if matched and presented), None)

    def _renewed_since(self, request: web.Request) -> bool:
        """True if the token this request came with has been renewed since the guard let it in."""
        kind = request[TOKEN_KIND]
        return kind is not None and request[_TOKEN_SEEN] is not self._tokens[kind]

    def renew_token(self, kind: str, token: str) -> int:
        """From now on only `token` is the `kind` token (on the loop's thread): every request with the old one
        is refused, and every WebSocket that came with it is dropped now (closed in the background).
        Returns how many were dropped."""
        self._tokens = {**self._tokens, kind: token.encode()}
        gone = [client for client in self.hub.clients if client.token_kind == kind]
        for client in gone:
            self.hub.clients.discard(client)  # no push reaches it from now on
            task = asyncio.get_running_loop().create_task(self._drop(client, WSCloseCode.POLICY_VIOLATION))
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)
        return len(gone)

    # -- pages -----------------------------------------------------------------------------------

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return self._file("index.html")

    async def _view(self, request: web.Request) -> web.StreamResponse:
        response = self._file(request.path.strip("/") + ".html")
        backup = _backup_origin(request.query.get("backup", ""))
        if backup:
            # A view given the other laptop's address may ask it whether it is the primary (/api/role).
            response.headers["Content-Security-Policy"] = _PAGE_POLICY.replace(
                "connect-src 'self'", f"connect-src 'self' {backup}")
        return response

    async def _role(self, request: web.Request) -> web.StreamResponse:
        """Primary or backup, and the epoch: no show data, so no token; any page may ask (a view on the other
        laptop deciding where the show runs)."""
        standing = self.standing()
        body = dumps({"role": standing.role.value, "epoch": standing.epoch.number}).encode()
        return _json(200, body, **{"Access-Control-Allow-Origin": "*"})

    async def _follow(self, request: web.Request) -> web.StreamResponse:
        """A backup laptop copies the record as it is written (remote/feed.py)."""
        if self.feed is None:
            return _error(503, "this laptop does not stream its record (it is a backup itself, or stopping)")
        return await self.feed.serve(request)

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        return self._file(request.match_info["name"])

    def _file(self, name: str) -> web.StreamResponse:
        """A file from resources/web/ and nowhere else: no '..', no hidden files, no symlink out."""
        parts = name.split("/")
        if any(p in ("", ".", "..") or p.startswith(".") or "\\" in p or "\0" in p for p in parts):
            raise web.HTTPNotFound()
        path = (self._web_root / name).resolve()
        suffix = path.suffix.lower()
        if not path.is_relative_to(self._web_root) or not path.is_file() or suffix not in _CONTENT_TYPES:
            raise web.HTTPNotFound()
        headers = dict(_SECURITY_HEADERS)
        headers["Content-Type"] = _CONTENT_TYPES[suffix] + ("; charset=utf-8" if suffix in (".html", ".css", ".js")
                                                            else "")
        if suffix == ".html":
            headers["Content-Security-Policy"] = _PAGE_POLICY
        return web.Response(body=path.read_bytes(), headers=headers)

    # -- the API ----------------------------------------------------------------------------------

    async def _state(self, request: web.Request) -> web.StreamResponse:
        if self.hub.latest is None:
            return _error(503, "the show has not published a state yet")
        # The text is valid by construction (snapshot_json.dumps); "replace" only keeps that a promise.
        return _json(200, self.hub.latest.text.encode("utf-8", "replace"))

    async def _holding_slide(self, request: web.Request) -> web.StreamResponse:
        """The projector's holding slide for the browser projector: the agenda's picture, else the logo.

        A view route (the token rules of /api/state). The picture is read off the loop; one that went
        missing since the agenda was loaded gives the logo, as on the Qt projector."""
        latest = self.hub.latest
        wanted = latest.holding_slide if latest is not None else ""
        picture = await asyncio.to_thread(read_picture, wanted) if wanted else None
        if picture is None:
            if wanted:
                log.warning("remote: the holding slide %s cannot be read; the browser projector shows the logo", wanted)
            picture = await asyncio.to_thread(read_picture, str(resources_dir() / "logo.svg"))
        if picture is None:
            raise web.HTTPNotFound()
        data, content_type = picture
        # An SVG opened on its own must not run scripts in this origin: sandboxed, nothing loaded from it.
        return web.Response(body=data, headers={**_SECURITY_HEADERS, "Content-Type": content_type,
                                                "Content-Security-Policy": _PICTURE_POLICY})

    async def _commands(self, request: web.Request) -> web.StreamResponse:
        table = [{"name": spec.name, "help": spec.help,
                  "params": [{"name": p.name, "type": p.kind.__name__, "required": p.required, "help": p.help}
                             for p in spec.params]}
                 for spec in COMMANDS.values()]
        return web.json_response({"commands": table}, headers=_SECURITY_HEADERS)

    async def _command(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in COMMANDS:
            return _error(400, check_arguments(name, {})[1])
        key = request.headers.get("Idempotency-Key")
        if key is not None and not IDEMPOTENCY_KEY.fullmatch(key):
            return _error(400, "an Idempotency-Key is 1 to 200 printable ASCII characters")
        try:
            async with asyncio.timeout(self.options.body_timeout):
                body = await request.read()
        except TimeoutError:
            response = _error(408, "the request body did not arrive in time")
            response.force_close()  # the rest of that body must not be read as the next request
            return response
        args, problem = _parse_body(body, request.content_type)
        if problem:
            return _error(415 if problem.startswith("send") else 400, problem)
        clean, problem = check_arguments(name, args)
        if problem:
            return _error(400, problem)
        if key is None:
            reply = await self._await(self._start(name, clean, str(request.remote)))
            return _json(reply.status, reply.body)
        fingerprint = fingerprint_of(name, clean)
        entry = self.idempotency.find(key)
        if entry is not None:
            if entry.fingerprint != fingerprint:
                return _error(422, "this Idempotency-Key was already used for another command or other arguments")
            # A retry: the first reply, once it is there; the command does not run again.
            self.idempotency.joined += 1
            log.info("remote %s from %s: a retry (Idempotency-Key), answered with the first reply", name,
                     request.remote)
            reply = await self._await(entry.reply)
            return _json(reply.status, reply.body, **{"Idempotent-Replayed": "true"})
        task = self._start(name, clean, str(request.remote))
        entry = self.idempotency.remember(key, fingerprint, task)

        def settled(done: asyncio.Future[Reply]) -> None:
            # A command that certainly did not run (busy, cancelled in time) may run on a retry.
            if done.cancelled() or done.exception() is not None or not done.result().ran:
                self.idempotency.forget(key, entry)

        task.add_done_callback(settled)
        reply = await self._await(task)
        return _json(reply.status, reply.body)

    def _start(self, name: str, args: dict[str, object], remote: str) -> asyncio.Task[Reply]:
        """Run the command as a task of its own: a caller that disconnects must not lose its result for a retry."""
        task = asyncio.get_running_loop().create_task(self._execute(name, args, remote))
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        return task

    async def _await(self, reply: asyncio.Future[Reply]) -> Reply:
        """The reply of a running command, or 504 if it takes far longer than it ever should."""
        try:
            return await asyncio.wait_for(asyncio.shield(reply), self.options.command_timeout + RESULT_GRACE)
        except TimeoutError:
            return Reply.of(504, {"error": "the command was taken by the show but its result has not come; "
                                  "check /api/state before trying again (or retry with the same Idempotency-Key)"})

    async def _execute(self, name: str, args: dict[str, object], remote: str) -> Reply:
        try:
            future = self._relay.submit(name, args)
        except BusyError:
            return Reply.of(429, {"error": "too many commands at once; try again"}, ran=False)
        waiting = asyncio.wrap_future(future)
        try:
            # Shielded: a timeout here must not cancel the future behind our back; cancelling is decided below.
            result = await asyncio.wait_for(asyncio.shield(waiting), self.options.command_timeout)
        except TimeoutError:
            if future.cancel():
                return Reply.of(503, {"error": "the show did not answer in time; the command was not run"}, ran=False)
            # Too late to cancel: the Qt thread has taken it (it runs, or waits for its journal entry to be
            # on disk). Its real result will come; a controller told "not run" would retry and run it twice.
            log.warning("remote %s from %s: slower than %.1f s; waiting for its result", name, remote,
                        self.options.command_timeout)
            try:
                result = await waiting
            except Exception:
                log.exception("remote: %s from %s failed", name, remote)
                return Reply.of(500, {"error": "internal error; the show goes on"})
        except Exception:
            log.exception("remote: %s from %s failed", name, remote)
            return Reply.of(500, {"error": "internal error; the show goes on"})
        self.commands_run += 1
        feed = self.feed
        if feed is not None and result.position is not None:
            # A backup laptop holds the entry on its disk before the controller is told: a take-over keeps it.
            await feed.acked(result.position)
            if feed.stepped_down is not None:
                log.warning("remote %s from %s: run as this laptop stepped down; not part of the show", name, remote)
                return Reply.of(409, {"error": f"this laptop stepped down: the show runs on {feed.stepped_down_to}; "
                                               "this command is not part of it", "refused": True}, ran=True)
        return self._reply(name, remote, result)

    def _reply(self, name: str, remote: str, result: CommandResult) -> Reply:
        outcome = result.outcome
        log.info("remote %s from %s: %s", name, remote, outcome.message)
        journal = journal_to_json(result.journal)
        record: dict[str, Any] = {"journal_ok": journal["ok"]}
        if not journal["ok"]:
            record |= {"journal_error": journal["error"], "unsaved": journal["unsaved"]}
        if outcome.invalid:
            return Reply.of(400, {"error": outcome.message, **record})
        # The snapshot's text is spliced in as it is (it is large on a long plan): never parsed and written again.
        if not outcome.accepted:
            return Reply.with_state(409, {"error": outcome.message, "refused": True, **record}, result.state_text())
        return Reply.with_state(200, {"ok": True, "message": outcome.message, **record}, result.state_text())

    async def _preflight(self, request: web.Request) -> web.StreamResponse:
        origin = request.headers.get("Origin", "")
        if origin not in self.options.cors:
            return _error(403, "cross-origin requests are not allowed (see --cors)")
        return web.Response(status=204, headers={
            "Access-Control-Allow-Origin": origin, "Vary": "Origin",
            "Access-Control-Allow-Methods": "GET, POST",
            "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Runofshow-Token, Idempotency-Key",
            "Access-Control-Max-Age": "600"})

    # -- the WebSocket ----------------------------------------------------------------------------

    # Told of each display refused (its address, why), for the log's summary of refusals: never a line each.
    on_display_refused: Callable[[str, str], None] | None = None

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        # Neither one address nor a crowd of tokenless views may take the slots the stage display needs.
        address, token_kind = address_key(request.remote or ""), request.get(TOKEN_KIND)
        transport = request.transport
        itself = transport is not None and from_itself(transport.get_extra_info("peername"),
                                                       transport.get_extra_info("sockname"))
        rank = (Rank.OPERATOR if token_kind == CONTROL_TOKEN or itself
                else Rank.VIEW if token_kind is not None else Rank.TOKENLESS)
        refusal = DisplaySlots.of(self.options).refusal(
            ((client.address, Rank(client.rank)) for client in self.hub.clients), address, rank)
        if refusal:
            if self.on_display_refused is not None:
                self.on_display_refused(address, refusal)
            return _error(503, refusal)
        ws = web.WebSocketResponse(heartbeat=10.0, max_msg_size=4096, compress=False)
        await ws.prepare(request)
        client = Client(ws, wanted_parts(request.query.get("parts")), request.transport, token_kind=token_kind,
                        address=address, rank=rank)
        if self._renewed_since(request):  # its token was renewed while the handshake went out
            await ws.close(code=WSCloseCode.POLICY_VIOLATION)
            return ws
        self.hub.clients.add(client)
        client.wake.set()  # the snapshot (with every part it wants) at once
        writer = asyncio.create_task(self._write(client))
        try:
            async for message in ws:
                # Read-only: a display may only ask for every part again ({"type": "resync"}) or close.
                if message.type in (WSMsgType.ERROR, WSMsgType.BINARY):
                    break
                if message.type is WSMsgType.TEXT and _is_resync(message.data):
                    client.resync(asyncio.get_running_loop().time())
        finally:
            self.hub.clients.discard(client)
            writer.cancel()
            if not ws.closed:
                with contextlib.suppress(Exception):  # it is gone either way
                    await ws.close(code=WSCloseCode.UNSUPPORTED_DATA)
        return ws

    async def _write(self, client: Client) -> None:
        """Sends the newest snapshot whenever the hub says so; a slow display skips to the newest.

        Whatever goes wrong for this display (it left, it is too slow, or anything else) ends with this
        display closed, so it reconnects: never a writer that died while its socket stays open."""
        ws = client.ws
        try:
            while not ws.closed:
                await client.wake.wait()
                client.wake.clear()
                if self.hub.latest is None:
                    continue
                message, snapshot = self.hub.message_for(client)
                client.busy = True
                try:
                    async with asyncio.timeout(WRITE_TIMEOUT):
                        await ws.send_frame(message, WSMsgType.TEXT)  # the push's bytes, shared: not encoded again
                finally:
                    client.busy = False
                client.sent(snapshot)
        except (ConnectionResetError, TimeoutError, RuntimeError):  # it left, or is too slow to keep
            await self._drop(client, WSCloseCode.GOING_AWAY)
        except Exception as exc:
            log.warning("remote: a display's WebSocket failed (%s: %s); it is closed and will reconnect",
                        type(exc).__name__, exc, exc_info=True)
            await self._drop(client, WSCloseCode.INTERNAL_ERROR)

    async def _drop(self, client: Client, code: int) -> None:
        self.hub.clients.discard(client)
        with contextlib.suppress(Exception):
            async with asyncio.timeout(WRITE_TIMEOUT):
                await client.ws.close(code=code)

    async def close_clients(self) -> None:
        for client in list(self.hub.clients):
            with contextlib.suppress(Exception):
                await client.ws.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")
        for task in list(self._running):
            task.cancel()
        self.idempotency.clear()


def _refuse_headers(request: web.Request) -> web.Response | None:
    """400 unless there is one plain Host header and at most one Origin: with two, which one counts would
    depend on who reads them (a proxy, aiohttp, a check here), and a Host like `evil.example#@localhost` reads
    as two different names."""
    if _host_name(request) is None:
        return _error(400, "a request needs exactly one Host header: a host name or address, and a port")
    if len(request.headers.getall("Origin", [])) > 1:
        return _error(400, "a request may have one Origin header at most")
    return None


def _host_name(request: web.Request) -> str | None:
    """The one Host header's name (lower case, an IPv6 address without brackets), or None if it is not exactly
    one plain host[:port]."""
    hosts = request.headers.getall("Host", [])
    found = _PLAIN_HOST.fullmatch(hosts[0]) if len(hosts) == 1 else None
    if found is None or int(found["port"] or 0) > 65535:
        return None
    name = found["name"].lower()
    if name.startswith("["):
        try:
            name = str(ipaddress.IPv6Address(name[1:-1]))
        except ValueError:
            return None
    return name


def _backup_origin(text: str) -> str:
    """`http://host:port` for a view's `backup=host:port` (the other laptop of a pair), '' if it is not one."""
    found = _PLAIN_HOST.fullmatch(text) if len(text) <= 260 else None
    if found is None or found["port"] is None or not 0 < int(found["port"]) <= 65535:
        return ""
    return f"http://{found['name'].lower()}:{int(found['port'])}"


def _token_of(request: web.Request) -> str | None:
    auth = request.headers.get("Authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return request.headers.get("X-Runofshow-Token") or request.query.get("token") or None


def _token_in_address(request: web.Request) -> bool:
    """True when the token the guard read came from the query string (no header carries one)."""
    return (request.headers.get("Authorization", "")[:7].lower() != "bearer "
            and not request.headers.get("X-Runofshow-Token") and bool(request.query.get("token")))


def _is_resync(data: str) -> bool:
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and value.get("type") == "resync"


def _parse_body(body: bytes, content_type: str) -> tuple[dict[str, object], str]:
    """The JSON object of arguments, or what is wrong with it. An empty body means no arguments."""
    if not body.strip():
        return {}, ""
    # A JSON content type makes a cross-site form post impossible without a CORS preflight.
    if content_type != "application/json":
        return {}, f"send the arguments as application/json, not {content_type or 'no content type'}"
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return {}, f"the body is not valid JSON: {str(exc)[:120]}"
    if not isinstance(value, dict):
        return {}, "the body must be a JSON object of arguments, e.g. {\"seconds\": 60}"
    return value, ""
