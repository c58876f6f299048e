"""The app starts the server from its options, shows it in the Remote menu, and stops it on close."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from runofshow.app import start_remote
from runofshow.remote.options import RemoteOptions
from runofshow.ui.remote_panel import RemotePanel
from tests.conftest import FakePrompts
from tests.core.helpers import at
from tests.ui.conftest import make_rig


def test_the_operator_window_gets_a_remote_menu_with_the_token_and_the_view_urls(
        qtbot: QtBot, tmp_path: Path, prompts: FakePrompts) -> None:
    rig = make_rig(qtbot, tmp_path, prompts, at(13, 20))
    assert rig.controller.bridge is not None
    server = start_remote(rig.controller.bridge, rig.window, RemoteOptions(port=0, force_token=True), rig.state_dir)
    assert server is not None and server.running
    rig.controller.remote = server
    menus = [a.text() for a in rig.window.menuBar().actions()]
    assert "Re&mote" in menus and menus.index("Re&mote") == menus.index("&Help") - 1
    panel = RemotePanel(server, rig.window)
    qtbot.addWidget(panel)
    fields = [w.text() for w in panel.findChildren(QLineEdit)]
    assert server.token in fields and server.view_token in fields
    assert f"http://127.0.0.1:{server.port}/stage?token={server.view_token}" in fields
    assert not any(server.token in field for field in fields if field.startswith("http"))
    assert panel.token_edit is not None and panel.token_edit.echoMode() is QLineEdit.EchoMode.Password
    port = server.port
    rig.controller.shutdown()
    assert not server.running
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more


def test_a_port_in_use_leaves_the_show_running_and_says_why(qtbot: QtBot, tmp_path: Path,
                                                            prompts: FakePrompts) -> None:
    rig = make_rig(qtbot, tmp_path, prompts, at(13, 20))
    assert rig.controller.bridge is not None
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = start_remote(rig.controller.bridge, rig.window, RemoteOptions(port=port), rig.state_dir)
    assert server is not None and not server.running
    assert "cannot listen on 127.0.0.1" in server.error
    assert "Remote control is off" in rig.window.last_command.text()
    assert "OFF" in RemotePanel(server, rig.window).status.text()
    rig.controller.remote = server
    rig.controller.shutdown()


def test_no_remote_means_no_server(qtbot: QtBot, tmp_path: Path, prompts: FakePrompts) -> None:
    rig = make_rig(qtbot, tmp_path, prompts, at(13, 20))
    assert rig.controller.bridge is not None
    assert start_remote(rig.controller.bridge, rig.window, RemoteOptions(enabled=False), rig.state_dir) is None
    assert "Re&mote" not in [a.text() for a in rig.window.menuBar().actions()]
    rig.controller.shutdown()
