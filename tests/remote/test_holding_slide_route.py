"""GET /api/holding-slide: the browser projector's holding slide, under the same token rules as /api/state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.paths import resources_dir
from tests.core.helpers import seed
from tests.io.test_holding_slide_agenda import PNG_1X1
from tests.remote.conftest import Remote


def with_slide(picture: Path) -> Agenda:
    agenda = seed()
    return replace(agenda, event=replace(agenda.event, holding_slide=str(picture)))


def published(remote: Remote) -> None:
    """Wait until the show's first snapshot reached the network thread (the route reads the latest one)."""
    remote.qtbot.waitUntil(lambda: remote.server._hub is not None and remote.server._hub.latest is not None)


def picture_reply(remote: Remote, path: str = "/api/holding-slide", **kwargs: object) -> tuple[int, bytes, dict]:
    async def go() -> tuple[int, bytes, dict]:
        async with remote.client.session.get(remote.base + path, **kwargs) as response:  # type: ignore[arg-type]
            return response.status, await response.read(), dict(response.headers)

    return remote.wait(remote.client.run_soon(go()))


def test_the_agendas_picture_is_served_as_what_it_is(remote_factory: Callable[..., Remote], tmp_path: Path) -> None:
    picture = tmp_path / "holding.png"
    picture.write_bytes(PNG_1X1)
    remote = remote_factory(agenda=with_slide(picture))
    published(remote)
    status, body, headers = picture_reply(remote)
    assert status == 200 and body == PNG_1X1
    assert headers["Content-Type"] == "image/png"
    assert headers["Cache-Control"] == "no-store" and headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]


def test_without_a_picture_the_logo_is_served(remote: Remote) -> None:
    published(remote)
    status, body, headers = picture_reply(remote)
    assert status == 200 and headers["Content-Type"] == "image/svg+xml"
    assert body == (resources_dir() / "logo.svg").read_bytes()


def test_a_picture_gone_from_disk_gives_the_logo(remote_factory: Callable[..., Remote], tmp_path: Path) -> None:
    picture = tmp_path / "holding.png"
    picture.write_bytes(PNG_1X1)
    remote = remote_factory(agenda=with_slide(picture))
    published(remote)
    picture.unlink()
    status, body, headers = picture_reply(remote)
    assert status == 200 and headers["Content-Type"] == "image/svg+xml" and body.startswith(b"<svg")


def test_beyond_loopback_the_holding_slide_needs_the_token_like_the_other_views(guarded: Remote) -> None:
    published(guarded)
    assert picture_reply(guarded)[0] == 401
    assert picture_reply(guarded, headers={"X-Runofshow-Token": "wrong"})[0] == 403
    assert picture_reply(guarded, f"/api/holding-slide?token={guarded.token}")[0] == 200
    assert guarded.get("/api/state").status == 401  # the same rule as the snapshot's


def test_with_public_views_it_opens_without_the_token(remote_factory: Callable[..., Remote]) -> None:
    remote = remote_factory(force_token=True, public_views=True)
    published(remote)
    assert picture_reply(remote)[0] == 200
    assert remote.command("holding", {"on": True}).status == 401  # the command is control, never a view


def test_the_command_and_the_snapshot_over_http(remote_factory: Callable[..., Remote], tmp_path: Path) -> None:
    picture = tmp_path / "holding.png"
    picture.write_bytes(PNG_1X1)
    remote = remote_factory(agenda=with_slide(picture))
    reply = remote.command("holding", {"on": True})
    assert reply.status == 200 and reply.body["message"] == "holding slide on the projector"
    assert reply.body["state"]["holding"] is True and reply.body["state"]["holding_slide"] == "image"
    assert str(picture) not in str(reply.body)  # the laptop's file path stays on the laptop
    refused = remote.command("holding", {"on": True})
    assert refused.status == 409 and refused.body["error"] == "the holding slide is already on"
    assert remote.command("holding", {"on": "yes"}).status == 400
    undone = remote.command("undo")
    assert undone.status == 200 and undone.body["state"]["holding"] is False
