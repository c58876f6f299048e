"""Command-line options of the remote server, the listen address rules and the control token.

Secure by default: the server listens on loopback unless told otherwise, and listening on any
other address always requires the control token, which is made once with `secrets` and kept in
the state directory readable by the user alone.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from runofshow.io.server_address import keep_line, on_loopback

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4790
TOKEN_FILE = "remote-token"  # the control token: commands and everything else
VIEW_TOKEN_FILE = "remote-view-token"  # the view token: the read-only views, and nothing else
# The kinds of token, as the guard records them (http_app.TOKEN_KIND) and as renew_token takes them.
CONTROL_TOKEN = "control"
VIEW_TOKEN = "view"
TOKEN_FILES = {CONTROL_TOKEN: TOKEN_FILE, VIEW_TOKEN: VIEW_TOKEN_FILE}
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,128}")
MAX_COUNT = 100_000  # the largest number of displays or connections an option takes
CONNECTIONS_PER_DISPLAY = 4  # its WebSocket, and its page's requests kept alive a few seconds


@dataclass(frozen=True)
class RemoteOptions:
    """How the remote server listens and whom it lets in."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT  # 0 picks a free port (tests)
    osc_port: int | None = None  # None: OSC is off
    public_views: bool = False  # read-only views without the token beyond loopback
    cors: tuple[str, ...] = ()  # origins allowed to call the API from another page
    enabled: bool = True
    # Forces the token even on loopback: how tests check the rules without leaving 127.0.0.1.
    force_token: bool = False
    max_body: int = 16 * 1024  # a command's JSON is a few dozen bytes; a message at most 280 characters
    body_timeout: float = 10.0  # seconds to receive a request body
    idle_timeout: float = 15.0  # seconds a connection may stay open without completing a request
    command_timeout: float = 5.0  # seconds to wait for the Qt thread to run a command
    max_clients: int = 200  # open WebSockets
    # One address may be a whole guest Wi-Fi behind NAT (forty phones and their reconnects): --displays-per-address.
    max_clients_per_address: int = 64  # open WebSockets from one address
    reserved_clients: int = 40  # WebSockets that only displays with a token may take
    # Every connection (HTTP or WebSocket) holds a file descriptor: caps lowered at start to fit the open-file
    # limit (remote/limits.py), so that idle sockets can never take the operator's own requests away.
    max_connections: int = 2048
    max_connections_per_address: int = 256
    max_pending: int = 32  # commands queued for the Qt thread at once

    @property
    def require_token(self) -> bool:
        return self.force_token or not is_loopback(self.host)


def is_loopback(host: str) -> bool:
    """True only for addresses nobody else on the network can reach ('0.0.0.0' and names are not)."""
    return on_loopback(host)


def parse_listen(text: str) -> tuple[str, int]:
    """`HOST:PORT`, `HOST`, `:PORT`/`PORT` (loopback) or `[v6]:PORT` -> (host, port)."""
    text = text.strip()
    if not text:
        raise ValueError("empty address")
    if text.startswith("["):
        host, sep, rest = text[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            raise ValueError(f"'{text}': write an IPv6 address as [::1]:{DEFAULT_PORT}")
        port_text = rest[1:]
    elif text.count(":") > 1:
        raise ValueError(f"'{text}': write an IPv6 address in brackets, e.g. [::1]:{DEFAULT_PORT}")
    elif _digits(text):
        host, port_text = DEFAULT_HOST, text
    else:
        host, _sep, port_text = text.partition(":")
    host = host or DEFAULT_HOST
    if not port_text:
        return host, DEFAULT_PORT
    if not _digits(port_text) or not 0 <= int(port_text) <= 65535:
        raise ValueError(f"'{port_text}' is not a port number (0-65535)")
    return host, int(port_text)


def _listen_arg(text: str) -> tuple[str, int]:
    try:
        return parse_listen(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _port_arg(text: str) -> int:
    if not _digits(text) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (1-65535)")
    return int(text)


def _digits(text: str) -> bool:
    """Only 0-9: str.isdigit also takes '²' (which int() refuses) and fullwidth digits (which it reads)."""
    return text.isascii() and text.isdigit()


def _count_arg(text: str) -> int:
    if not _digits(text) or not 1 <= int(text) <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 1 to {MAX_COUNT}")
    return int(text)


def _origin_arg(text: str) -> str:
    if not re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:]+", text):
        raise argparse.ArgumentTypeError(f"'{text}' is not an origin like http://host:port")
    return text.rstrip("/")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The remote options of `runofshow [AGENDA]`."""
    group = parser.add_argument_group("network control and browser displays")
    group.add_argument("--listen", type=_listen_arg, default=(DEFAULT_HOST, DEFAULT_PORT), metavar="HOST:PORT",
                       help=f"where the HTTP/WebSocket server listens (default {DEFAULT_HOST}:{DEFAULT_PORT}); "
                            "any address other than loopback requires the control token")
    group.add_argument("--osc", type=_port_arg, default=None, metavar="PORT",
                       help="also listen for OSC on this UDP port, on the --listen host (default: off)")
    group.add_argument("--public-views", action="store_true",
                       help="let the read-only views (/stage, /projector, ..., /api/state) open without the token")
    group.add_argument("--cors", type=_origin_arg, action="append", default=[], metavar="ORIGIN",
                       help="allow web pages from this origin to call the API (default: none)")
    group.add_argument("--max-displays", type=_count_arg, default=RemoteOptions.max_clients, metavar="N",
                       help=f"browser displays connected at once (default {RemoteOptions.max_clients}, of which "
                            f"{RemoteOptions.reserved_clients} only with a token)")
    group.add_argument("--displays-per-address", type=_count_arg, default=RemoteOptions.max_clients_per_address,
                       metavar="N", help="browser displays from one network address (default "
                                         f"{RemoteOptions.max_clients_per_address}); raise it when a guest Wi-Fi "
                                         "puts many phones behind one address")
    group.add_argument("--max-connections", type=_count_arg, default=RemoteOptions.max_connections, metavar="N",
                       help=f"network connections held at once (default {RemoteOptions.max_connections}; "
                            "lowered to fit the system's open-file limit, raised to four per display)")
    group.add_argument("--no-remote", action="store_true", help="no network server at all")


def options_from_args(args: argparse.Namespace) -> RemoteOptions:
    host, port = args.listen
    displays, per_address = args.max_displays, args.displays_per_address
    # A display also loads its page (a few connections for some seconds): connections follow the displays.
    if args.max_connections < CONNECTIONS_PER_DISPLAY * displays:
        log.warning("--max-connections %d is below %d per display: %d displays allowed, so %d connections",
                    args.max_connections, CONNECTIONS_PER_DISPLAY, displays, CONNECTIONS_PER_DISPLAY * displays)
    return RemoteOptions(host=host, port=port, osc_port=args.osc, public_views=args.public_views,
                         cors=tuple(args.cors), enabled=not args.no_remote, max_clients=displays,
                         max_clients_per_address=per_address,
                         max_connections=max(args.max_connections, CONNECTIONS_PER_DISPLAY * displays),
                         max_connections_per_address=max(RemoteOptions.max_connections_per_address,
                                                         CONNECTIONS_PER_DISPLAY * per_address))


def load_or_create_token(state_dir: Path, name: str = TOKEN_FILE) -> str:
    """A token (the control token, or with VIEW_TOKEN_FILE the view token): made once, then read back, so
    displays and Companion keep working from one show to the next."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / name
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_token(path)
    token = new_token()
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(token + "\n")
    return token


def new_token() -> str:
    return secrets.token_urlsafe(32)


def keep_token(state_dir: Path, name: str, token: str) -> None:
    """Replace a kept token (a renewal): written whole to a private file, then renamed over the old one, so
    a crash leaves the old token or the new one, never half of one. Raises OSError if it cannot be kept."""
    state_dir.mkdir(parents=True, exist_ok=True)
    keep_line(state_dir / name, token, 0o600, durable=True)


def _read_token(path: Path) -> str:
    mode = stat.S_IMODE(path.stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        # Someone widened it: tighten rather than refuse, the token is still only ours.
        log.warning("%s was readable by others (mode %o); set to 0600", path, mode)
        path.chmod(0o600)
    token = path.read_text(encoding="ascii", errors="replace").strip()
    if not _TOKEN_SHAPE.fullmatch(token):
        raise ValueError(f"{path} does not hold a valid token; delete it and a new one is made")
    return token
