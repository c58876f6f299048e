"""take_over is a command like the others: over HTTP and OSC it makes a backup laptop the primary, and on a
primary it is refused (409) with the reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from runofshow.core.standing import Role, Standing
from runofshow.remote.pairing import Pairing
from tests.remote.conftest import Remote
from tests.remote.test_osc import send
from tests.remote.test_pairing import Host, freed_on_the_qt_thread  # noqa: F401  (autouse: frees the pairings)


def as_backup(remote: Remote, tmp_path: Path) -> Pairing:
    host = Host(tmp_path, tmp_path / "agenda.yaml")
    host.fsync.set_listener(remote.bridge.on_synced_callback())  # as the app does: replies wait for the disk
    pairing = Pairing(remote.bridge, host)
    remote.bridge.set_standing(Standing(Role.FOLLOWING, primary="192.168.1.20:8765", connected=True))
    return pairing


def test_take_over_over_http(remote: Remote, tmp_path: Path) -> None:
    refused = remote.command("take_over")
    assert refused.status == 409 and "take_over is for a backup laptop" in refused.body["error"]
    as_backup(remote, tmp_path)
    go = remote.command("go")
    assert go.status == 409 and go.body["error"] == "following 192.168.1.20:8765; take over first"
    taken = remote.command("take_over")
    assert taken.status == 200, taken.body
    assert taken.body["state"]["pair"]["role"] == "primary" and taken.body["state"]["pair"]["epoch"] == 2
    assert remote.command("go").status == 200


@pytest.fixture
def osc(remote_factory: Callable[..., Remote]) -> Remote:
    return remote_factory(osc_port=0)


def test_take_over_over_osc(osc: Remote, tmp_path: Path) -> None:
    as_backup(osc, tmp_path)
    with osc.qtbot.wait_signal(osc.bridge.command_done, timeout=5000) as done:
        send(osc, "/runofshow/take_over")
    assert done.args is not None and done.args[0].accepted, done.args
    assert osc.bridge.standing.role is Role.PRIMARY
