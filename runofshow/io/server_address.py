"""Where the running copy's network server listens, kept in its state folder for a second copy to find.

The copy that holds a state folder writes `remote-address` (one line, `host:port`) once its server has
bound, and removes it when the server stops cleanly. A second copy started on the same folder reads it to
offer following that copy as a backup (ui/folder_lock.py). A file left by a crash says nothing by itself:
the reader asks the address whether a runofshow answers there before trusting it.

Qt-free and network-free: only the file.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
from pathlib import Path

ADDRESS_FILE = "remote-address"
MAX_ADDRESS = 300  # one short line; a file grown larger is not ours
# host:port, the host an IPv4 address, a name or an [IPv6] address; nothing a shell or URL could misread.
_ADDRESS_SHAPE = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+):[0-9]{1,5}")


def host_of(address: str) -> str:
    """The host of `host:port`, without an IPv6 address's brackets."""
    return address.rpartition(":")[0].strip("[]")


def on_loopback(host: str) -> bool:
    """Whether a server listening on `host` is reachable from this computer only: there it needs no token
    (remote/options.is_loopback is this rule; here so that the ui layer can use it too)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def reachable_here(address: str) -> str:
    """Where this computer reaches a server listening on `address`: a wildcard host is reached on loopback."""
    host, port = host_of(address), address.rpartition(":")[2]
    wildcard = {"0.0.0.0": "127.0.0.1", "::": "::1"}
    return address_text(wildcard.get(host, host), int(port))


def address_text(host: str, port: int) -> str:
    """`host:port`, an IPv6 host in brackets."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


def keep_address(state_dir: Path, host: str, port: int) -> str:
    """Write where the server listens: whole to a fresh file, then renamed over the old one (a crash leaves the
    old line or the new one, never half of one). Returns the line written. Raises OSError if it cannot."""
    text = address_text(host, port)
    keep_line(state_dir / ADDRESS_FILE, text, 0o644)
    return text


def keep_line(path: Path, text: str, mode: int, durable: bool = False) -> None:
    """One line of ASCII whole to a fresh file (with `mode`), then renamed over `path`: a crash leaves the old
    line or the new one, never half of one. `durable` fsyncs it first. Raises OSError if it cannot."""
    fresh = path.with_name(f".{path.name}.new")
    with contextlib.suppress(FileNotFoundError):
        fresh.unlink()
    fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(text + "\n")
        if durable:
            out.flush()
            os.fsync(out.fileno())
    os.replace(fresh, path)


def forget_address(state_dir: Path, written: str | None = None) -> None:
    """Remove the address file (when the server stops): only the line `written`, when given, so that a stop
    never removes what a later start wrote. Errors are ignored: a file left behind is checked before use."""
    path = state_dir / ADDRESS_FILE
    if written is not None and read_address(state_dir) != written:
        return
    with contextlib.suppress(OSError):
        path.unlink()


def read_address(state_dir: Path) -> str | None:
    """The `host:port` the running copy wrote, or None if there is none or it is not one."""
    try:
        with (state_dir / ADDRESS_FILE).open("rb") as source:
            data = source.read(MAX_ADDRESS + 1)
    except OSError:
        return None
    if len(data) > MAX_ADDRESS:
        return None
    text = data.decode("ascii", errors="replace").strip()
    if not _ADDRESS_SHAPE.fullmatch(text) or not 1 <= int(text.rpartition(":")[2]) <= 65535:
        return None
    return text
