"""RemoteStatus: what the Remote window shows of the network server, as a protocol.

The window (ui/) and the server (remote/) sit side by side and never import each other: the
server has these properties and methods, the window is typed against this protocol, and app.py
hands the one to the other.
"""

from __future__ import annotations

from typing import Protocol


class RemoteStatus(Protocol):
    @property
    def running(self) -> bool: ...
    @property
    def error(self) -> str:
        """Why the server is not running, for the operator."""
        ...
    @property
    def token(self) -> str:
        """The control token: typed into Companion or a desk, never put in an address."""
        ...
    @property
    def view_token(self) -> str:
        """The read-only views' token: the one the view addresses carry."""
        ...
    @property
    def host(self) -> str:
        """The address it listens on, as given (0.0.0.0 or :: for every interface)."""
        ...
    @property
    def port(self) -> int: ...
    @property
    def osc_port(self) -> int | None: ...
    @property
    def require_token(self) -> bool: ...
    @property
    def public_views(self) -> bool: ...

    def url(self, path: str = "/", host: str | None = None, with_view_token: bool = False) -> str: ...

    def view_urls(self, host: str | None = None) -> dict[str, str]:
        """Each browser view's address; with the view token when a display needs it to open."""
        ...

    def renew_token(self, kind: str) -> int:
        """A new "control" or "view" token, in force at once; returns how many displays were disconnected.
        Raises OSError (the old token still in force) if the new one cannot be kept."""
        ...
