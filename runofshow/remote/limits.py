"""How many sockets the server holds, in total and per address, and how its WebSocket slots are shared.

Every open connection costs a file descriptor, and a process has a fixed number of them (RLIMIT_NOFILE,
often 1,024). A machine that opens connections and never sends a byte would otherwise take them all, and
then nothing is accepted any more: not the operator's own /api/state, not a command, not a display. So:

- at start, the soft limit is raised towards the hard one (`raise_open_file_limit`);
- every connection is counted at accept, and one over the caps (total, or from one address) is reset at
  once, before a byte of it is read (`ConnectionGate`; `GatedListener` accepts by itself, so a refusal
  costs an accept and a close, no transport, which a flood of connects makes matter). The total cap stays
  below the file limit, keeping FD_RESERVE descriptors for the rest of the app (Qt, the show record, logs);
- a connection that does not complete a request within the idle timeout is closed (aiohttp's keep-alive
  timer, which runs from the moment a connection is made: it bounds a silent one and a slow one alike);
- WebSockets: at most so many per address, and some of the slots only for displays that came with a token
  (`DisplaySlots`), so neither one address nor a crowd of tokenless views can lock out the stage display.

An IPv6 address counts by its /64: one machine there usually holds a whole /64 of addresses.

About 400 lines, not split: the file limit, the caps at accept and the display slots are one policy, and
each of its numbers is chosen against the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import logging
import os
import socket
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum

from aiohttp import web

from runofshow.remote.options import RemoteOptions

try:
    import resource
except ImportError:  # Windows: no RLIMIT_NOFILE (its sockets are not counted against a small fixed limit)
    resource = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

FD_RESERVE = 256  # descriptors kept for everything but connections (Qt, fonts, the show record, logs, pictures)
NOFILE_TARGET = 16384  # the soft limit asked for at start (never above the hard limit): room for every cap
UNKNOWN_ADDRESS = "?"  # a peer whose address the transport does not give (counted together)
BACKLOG = 256  # connections the kernel queues before we accept them: forty phones reconnecting at once
DISPLAY_REFUSED = "displays refused: over a cap"  # its kind in the log's summary of refusals
ACCEPTS_PER_WAKE = 64  # connections accepted in one go: a flood of connects never holds the loop long
ACCEPT_PAUSE = 0.1  # seconds without accepting when the process is out of descriptors (asyncio waits 1 s)
# Connections from the laptop itself (Companion, the operator's browser) let in above the caps: machines on the
# venue network that fill the caps must not lock the operator out. Taken from FD_RESERVE's room.
OWN_RESERVE = 64
OPERATOR_SLOTS = 8  # displays kept for the control token and the laptop itself, on top of --max-displays


# -- the file limit ---------------------------------------------------------------------------------------


def raise_open_file_limit(target: int = NOFILE_TARGET) -> int:
    """Raise the soft RLIMIT_NOFILE to `target` (at most the hard limit); the soft limit now in force.

    Never lowers it. Logged either way, so a show's log says how many sockets the server could hold."""
    if resource is None:
        return NOFILE_TARGET
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = target if hard == resource.RLIM_INFINITY else min(target, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError) as exc:  # macOS refuses more than its kern.maxfilesperproc
            log.warning("open files: %s (could not raise the soft limit to %d: %s)", soft, wanted, exc)
            return int(soft)
        log.info("open files: %d (soft limit raised from %d; hard limit %s)", wanted, soft, _shown(hard))
        return wanted
    log.info("open files: %s (hard limit %s)", _shown(soft), _shown(hard))
    return NOFILE_TARGET if soft == resource.RLIM_INFINITY else int(soft)


def _shown(limit: int) -> str:
    return "unlimited" if resource is not None and limit == resource.RLIM_INFINITY else str(limit)


# -- the caps ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConnectionCaps:
    """Open connections (HTTP and WebSocket alike) the server holds at once: in total, and from one address."""

    total: int
    per_address: int

    @classmethod
    def within(cls, wanted_total: int, wanted_per_address: int, open_file_limit: int) -> ConnectionCaps:
        """The caps asked for, lowered to fit the file limit: the total leaves FD_RESERVE descriptors to the
        app, and one address may hold at most half of the total (so one machine never holds them all)."""
        room = max(open_file_limit - FD_RESERVE, open_file_limit // 2)
        total = max(1, min(wanted_total, room))
        return cls(total, max(1, min(wanted_per_address, total // 2 or 1)))


@functools.lru_cache(maxsize=4096)  # the same few addresses connect over and over: parse each once
def address_key(host: str) -> str:
    """The address a connection is counted under: the IPv4 address (also when mapped into IPv6), an IPv6 /64."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return host or UNKNOWN_ADDRESS
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def from_itself(peer: object, local: object) -> bool:
    """True for a connection from the laptop itself: its source address is the address it connects to (no other
    machine can open a TCP connection from our own address: the replies would never reach it)."""
    return (isinstance(peer, tuple) and isinstance(local, tuple) and bool(peer) and bool(local)
            and peer[0] == local[0])


class ConnectionGate:
    """Counts the open connections by address; says whether one more may come in. Runs on the loop's thread."""

    def __init__(self, caps: ConnectionCaps) -> None:
        self.caps = caps
        self.open = 0
        self._by_address: dict[str, int] = {}
        self.refused = 0
        self.accept_failures = 0
        # Told of each refusal (the address, which cap), for the log's summary of refusals; must not raise.
        self.on_refused: Callable[[str, str], None] | None = None
        # Told when accepting failed (out of descriptors: the rest of the app holds them); must not raise.
        self.on_accept_failed: Callable[[OSError], None] | None = None

    def admit(self, address: str, own: bool = False) -> bool:
        """One more connection from `address`; `own`: from the laptop itself (it may go OWN_RESERVE over)."""
        held = self._by_address.get(address, 0)
        extra = OWN_RESERVE if own else 0
        if self.open >= self.caps.total + extra or held >= self.caps.per_address + extra:
            self.refused += 1
            if self.on_refused is not None:
                which = (f"{self.caps.total} in total" if self.open >= self.caps.total
                         else f"{self.caps.per_address} from one address")
                self.on_refused(address, which)
            return False
        self.open += 1
        self._by_address[address] = held + 1
        return True

    def accept_failed(self, exc: OSError) -> None:
        self.accept_failures += 1
        if self.on_accept_failed is not None:
            self.on_accept_failed(exc)

    def release(self, address: str) -> None:
        held = self._by_address.get(address, 0)
        if held <= 0:
            return
        self.open -= 1
        if held == 1:
            del self._by_address[address]
        else:
            self._by_address[address] = held - 1

    def held_by(self, address: str) -> int:
        return self._by_address.get(address, 0)


class CountedProtocol(asyncio.Protocol):
    """Stands in front of aiohttp's protocol for one connection, so that the gate is told when it ends.

    `admitted` False: the gate is asked here, as the connection is made (event loops without `add_reader`,
    i.e. Windows' proactor), and one over the caps is reset before aiohttp sees it."""

    __slots__ = ("_address", "_gate", "_inner", "_make", "admitted", "made")

    def __init__(self, gate: ConnectionGate, make: Callable[[], asyncio.Protocol], address: str = UNKNOWN_ADDRESS,
                 admitted: bool = False) -> None:
        self._gate = gate
        self._make = make
        self._inner: asyncio.Protocol | None = None
        self._address = address
        self.admitted = admitted
        self.made = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.made = True
        if not self.admitted:
            peer = transport.get_extra_info("peername")
            self._address = address_key(str(peer[0])) if isinstance(peer, tuple) and peer else UNKNOWN_ADDRESS
            if not self._gate.admit(self._address, from_itself(peer, transport.get_extra_info("sockname"))):
                sock = transport.get_extra_info("socket")
                if sock is not None:
                    with contextlib.suppress(OSError):  # a plain close then
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _RESET)
                transport.close()
                return
            self.admitted = True
        self._inner = self._make()
        self._inner.connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        inner, self._inner = self._inner, None
        if self.admitted:
            self.admitted = False
            self._gate.release(self._address)
        if inner is not None:
            inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._inner is not None:
            self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received() if self._inner is not None else None

    def pause_writing(self) -> None:
        if self._inner is not None:
            self._inner.pause_writing()

    def resume_writing(self) -> None:
        if self._inner is not None:
            self._inner.resume_writing()


_RESET = struct.pack("ii", 1, 0)  # SO_LINGER on, 0 s: close() resets (the client knows at once; no TIME_WAIT here)


def _reset(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _RESET)
    sock.close()


def listening_sockets(host: str, port: int, backlog: int, reuse_address: bool = True) -> list[socket.socket]:
    """Bound, listening, non-blocking sockets for `host` (every address it names, as asyncio's create_server)."""
    infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    made: list[socket.socket] = []
    seen: set[tuple[int, object]] = set()
    try:
        for family, kind, proto, _name, address in infos:
            if (family, address) in seen:
                continue
            seen.add((family, address))
            sock = socket.socket(family, kind, proto)
            made.append(sock)
            if reuse_address and os.name == "posix":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:  # as asyncio: the IPv6 socket does not take the IPv4 port too
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(backlog)
            sock.setblocking(False)
    except BaseException:
        for sock in made:
            sock.close()
        raise
    return made


class GatedListener(asyncio.AbstractServer):
    """Accepts connections itself, so that one over the caps costs an accept and a close and nothing else:
    no transport, no protocol, not a byte read. At most ACCEPTS_PER_WAKE a wake-up, so a flood of connects
    cannot hold the loop; out of descriptors all the same (the rest of the app opened files), it stops
    accepting for ACCEPT_PAUSE and says so once, where asyncio would log an error for every attempt."""

    def __init__(self, loop: asyncio.AbstractEventLoop, sockets: list[socket.socket], gate: ConnectionGate,
                 make: Callable[[], asyncio.Protocol]) -> None:
        self._loop = loop
        self._sockets = sockets
        self._gate = gate
        self._make = make
        self._serving = False
        self._resume: asyncio.TimerHandle | None = None
        self._starting: set[asyncio.Task[None]] = set()

    @property
    def sockets(self) -> tuple[socket.socket, ...]:
        return tuple(self._sockets)

    def get_loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def is_serving(self) -> bool:
        return self._serving

    async def start_serving(self) -> None:
        self._listen()

    async def serve_forever(self) -> None:
        raise NotImplementedError("the site runs the loop")

    async def wait_closed(self) -> None:
        return None

    def close(self) -> None:
        self._unlisten()
        if self._resume is not None:
            self._resume.cancel()
            self._resume = None
        for sock in self._sockets:
            sock.close()
        self._sockets = []

    def _listen(self) -> None:
        self._serving = True
        for sock in self._sockets:
            self._loop.add_reader(sock.fileno(), self._accept, sock)

    def _unlisten(self) -> None:
        if self._serving:
            self._serving = False
            for sock in self._sockets:
                self._loop.remove_reader(sock.fileno())

    def _accept(self, listener: socket.socket) -> None:
        for _ in range(ACCEPTS_PER_WAKE):
            try:
                sock, peer = listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except ConnectionAbortedError:
                continue  # the client gave up while it waited in the queue
            except OSError as exc:  # out of descriptors (EMFILE, ENFILE) or of memory: wait, do not spin
                self._gate.accept_failed(exc)
                self._unlisten()
                self._resume = self._loop.call_later(ACCEPT_PAUSE, self._resume_listening)
                return
            address = address_key(str(peer[0])) if isinstance(peer, tuple) and peer else UNKNOWN_ADDRESS
            try:
                own = from_itself(peer, sock.getsockname())
            except OSError:  # it is gone already
                own = False
            if not self._gate.admit(address, own):
                _reset(sock)
                continue
            task = self._loop.create_task(self._connect(sock, address))
            self._starting.add(task)
            task.add_done_callback(self._starting.discard)

    def _resume_listening(self) -> None:
        self._resume = None
        if self._sockets:
            self._listen()

    async def _connect(self, sock: socket.socket, address: str) -> None:
        protocol = CountedProtocol(self._gate, self._make, address, admitted=True)
        try:
            sock.setblocking(False)
            await self._loop.connect_accepted_socket(lambda: protocol, sock)
        except Exception as exc:  # it left at once; or it could not be set up: either way it is gone
            if not protocol.made:
                self._gate.release(address)
            sock.close()
            log.debug("remote: an accepted connection could not be set up: %s", exc)


class GatedSite(web.BaseSite):
    """aiohttp's TCPSite, with every connection passed through a ConnectionGate as it is accepted."""

    __slots__ = ("_gate", "_host", "_port", "_reuse_address")

    def __init__(self, runner: web.BaseRunner, host: str, port: int, gate: ConnectionGate, *,
                 backlog: int = BACKLOG, reuse_address: bool = True) -> None:
        super().__init__(runner, backlog=backlog)
        self._host, self._port, self._gate, self._reuse_address = host, port, gate, reuse_address

    @property
    def name(self) -> str:
        return f"http://{self._host}:{self._port}"

    async def start(self) -> None:
        await super().start()
        server = self._runner.server
        assert server is not None, "the runner is set up before its site starts"
        loop = asyncio.get_running_loop()
        gate = self._gate
        if isinstance(loop, asyncio.SelectorEventLoop):
            listener = GatedListener(loop, listening_sockets(self._host, self._port, self._backlog,
                                                             self._reuse_address), gate, server)
            await listener.start_serving()
            self._server = listener
        else:  # no add_reader (Windows' proactor): the gate decides as each connection is made
            self._server = await loop.create_server(lambda: CountedProtocol(gate, server), self._host, self._port,
                                                    backlog=self._backlog, reuse_address=self._reuse_address)


# -- WebSocket slots --------------------------------------------------------------------------------------


class Rank(IntEnum):
    """Who a display is, for the slots: the higher, the more of them it may take."""

    TOKENLESS = 0  # a public view (--public-views, or loopback without a token)
    VIEW = 1  # the view token: in every view address and QR code, so on guests' phones too
    OPERATOR = 2  # the control token, or the laptop itself


@dataclass(frozen=True)
class DisplaySlots:
    """Open WebSockets: `total` at most, `per_address` from one address; the last `operator` only for the control
    token and the laptop itself, and `reserved` more only for displays that came with a token (so tokenless
    public views take at most `total - reserved - operator`)."""

    total: int
    per_address: int
    reserved: int
    operator: int = 0

    @classmethod
    def of(cls, options: RemoteOptions) -> DisplaySlots:
        """The options' slots (--max-displays for everyone else), the operator's on top; at most half of them
        reserved for token holders, so tokenless views always have some."""
        total = max(1, options.max_clients)
        return cls(total + OPERATOR_SLOTS, max(1, options.max_clients_per_address),
                   min(options.reserved_clients, total // 2), OPERATOR_SLOTS)

    def refusal(self, open_displays: Iterable[tuple[str, Rank]], address: str, rank: Rank) -> str:
        """Why one more display of `rank` from `address` may not open now ("" if it may). `open_displays` gives
        each open one's address and rank."""
        total = here = guests = tokenless = 0
        for where, their_rank in open_displays:
            total += 1
            here += where == address
            guests += their_rank < Rank.OPERATOR
            tokenless += their_rank == Rank.TOKENLESS
        if total >= self.total:
            return "too many displays connected"
        if here >= self.per_address:
            return (f"too many displays from one address (at most {self.per_address}; the operator can allow "
                    "more with --displays-per-address)")
        if rank < Rank.OPERATOR and guests >= self.total - self.operator:
            return "the last display slots are kept for the operator (the control token, or this laptop)"
        if rank == Rank.TOKENLESS and tokenless >= self.total - self.reserved - self.operator:
            return "the remaining display slots are kept for displays that have a token"
        return ""
