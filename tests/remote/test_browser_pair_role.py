"""What a browser view given both laptops (`backup=host:port`) relies on from each laptop (issue 17).

`/api/role` says primary or following, and the epoch, to any page without a token (it carries no show data); a
view page's policy lets it ask the other laptop only when `backup=` is a plain host:port, and is the plain one
otherwise (never a way to open the page's connections to anything else)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from runofshow.core.standing import Epoch, Role, Standing
from tests.remote.conftest import Remote


@pytest.fixture
def laptop(remote_factory: Callable[..., Remote]) -> Remote:
    remote = remote_factory(force_token=True)  # the rules of a laptop on the venue's network
    # /api/role answers this laptop's standing: app.py hands it to the running server's app the same way.
    remote.server.app.standing = lambda: remote.bridge.standing
    return remote


def test_the_role_is_answered_without_a_token_to_any_page(laptop: Remote) -> None:
    reply = laptop.get("/api/role")
    assert reply.status == 200 and reply.body == {"role": "primary", "epoch": 1}
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    laptop.bridge.set_standing(Standing(role=Role.FOLLOWING, epoch=Epoch(3, "x"), primary="127.0.0.1:8765"))
    reply = laptop.get("/api/role", headers={"Origin": "http://192.168.1.21:8765"})
    assert reply.status == 200 and reply.body == {"role": "following", "epoch": 3}
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert laptop.get("/api/state").status == 401  # the show itself still needs the token


@pytest.mark.parametrize("backup", [
    "192.168.1.21", "192.168.1.21:0", "192.168.1.21:65536", "192.168.1.21:8765/x", "192.168.1.21:8765 evil.example",
    "user@192.168.1.21:8765", "http://192.168.1.21:8765", "*:8765", "192.168.1.21:8765;", "'unsafe-inline':80", "",
])
def test_a_view_with_a_malformed_backup_gets_the_plain_policy(backup: str, laptop: Remote) -> None:
    token = f"token={laptop.server.view_token}"
    plain = laptop.get(f"/stage?{token}").headers["Content-Security-Policy"]
    assert "connect-src 'self';" in plain
    reply = laptop.get("/stage", params={"token": laptop.server.view_token, "backup": backup})
    assert reply.status == 200 and reply.headers["Content-Security-Policy"] == plain


def test_a_view_with_the_other_laptop_may_ask_it_and_nothing_else(laptop: Remote) -> None:
    for view in ("stage", "projector", "moderator", "backstage"):
        reply = laptop.get(f"/{view}", params={"token": laptop.server.view_token, "backup": "Booth-Laptop.local:8765"})
        policy = reply.headers["Content-Security-Policy"]
        assert "connect-src 'self' http://booth-laptop.local:8765;" in policy, policy
        assert policy.count("http://") == 1, policy
