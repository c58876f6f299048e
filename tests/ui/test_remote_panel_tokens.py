"""The Remote window and menu: both tokens, view addresses that carry only the view token, a QR code per view
that reads back as its address, and renewing a token only once the operator confirms."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from runofshow.ui.remote_panel import QR_BORDER, RemotePanel, install_remote_menu, qr_image, renew_token

VIEWS = ("stage", "projector", "moderator", "backstage")


class FakeServer:
    """RemoteStatus without a network: what the window is shown, and which renewals it asked for."""

    def __init__(self, host: str = "192.168.1.20", require_token: bool = True) -> None:
        self.running = True
        self.error = ""
        self.token = "C" * 43
        self.view_token = "v" * 43
        self.host = host
        self.port = 4790
        self.osc_port: int | None = 9000
        self.require_token = require_token
        self.public_views = False
        self.renewed: list[str] = []
        self.fail_with: OSError | None = None

    def url(self, path: str = "/", host: str | None = None, with_view_token: bool = False) -> str:
        return f"http://{host or self.host}:{self.port}{path}" + (f"?token={self.view_token}" if with_view_token
                                                                    else "")

    def view_urls(self, host: str | None = None) -> dict[str, str]:
        return {view: self.url(f"/{view}", host, with_view_token=self.require_token) for view in VIEWS}

    def renew_token(self, kind: str) -> int:
        if self.fail_with is not None:
            raise self.fail_with
        self.renewed.append(kind)
        return 3


class NoticeWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.notices: list[str] = []

    def show_notice(self, text: str) -> None:
        self.notices.append(text)


def test_the_window_shows_both_tokens_and_no_address_carries_the_control_token(qtbot: QtBot) -> None:
    server = FakeServer()
    panel = RemotePanel(server)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    assert panel.token_edit is not None and panel.token_edit.text() == server.token
    assert panel.token_edit.echoMode() is QLineEdit.EchoMode.Password  # the screen may be on a projector
    assert panel.view_token_edit is not None and panel.view_token_edit.text() == server.view_token
    addresses = [w.text() for w in panel.findChildren(QLineEdit) if w.text().startswith("http")]
    assert len(addresses) == 5 and all(server.token not in a for a in addresses)
    assert f"http://192.168.1.20:4790/stage?token={server.view_token}" in addresses
    assert "view token" in panel.status.text() and "control token" in panel.status.text()


def test_each_view_has_a_qr_code_of_its_own_address(qtbot: QtBot) -> None:
    server = FakeServer()
    panel = RemotePanel(server)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    assert sorted(panel.qr_codes) == sorted(f"{view}@192.168.1.20" for view in VIEWS)
    for view in VIEWS:
        url = panel.urls[f"{view}@192.168.1.20"]
        shown = panel.qr_codes[f"{view}@192.168.1.20"].pixmap().toImage()
        expected = [list(row) for row in segno.make(url, error="m", micro=False).matrix_iter(border=QR_BORDER)]
        scale = shown.width() // len(expected)
        assert scale >= 3 and shown.width() == shown.height() == scale * len(expected)
        read = [[shown.pixelColor(x * scale + scale // 2, y * scale + scale // 2).lightness() < 128
                 for x in range(len(expected))] for y in range(len(expected))]
        assert read == [[bool(m) for m in row] for row in expected], view


def test_a_qr_code_decodes_to_its_address(tmp_path: Path) -> None:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (zbar-tools) is not installed; the module-by-module test above still runs")
    url = f"http://192.168.1.20:4790/stage?token={'v' * 43}"
    picture = tmp_path / "stage.png"
    assert qr_image(url).save(str(picture))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(picture)], capture_output=True, text=True, timeout=30,
                             check=True)
    assert decoded.stdout.strip() == url


def test_no_qr_code_for_a_loopback_address(qtbot: QtBot) -> None:
    panel = RemotePanel(FakeServer(host="127.0.0.1", require_token=False))  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    assert panel.qr_codes == {}  # a phone scanning 127.0.0.1 would reach itself
    assert any("QR codes" in label.text() for label in panel.findChildren(QLabel))


@pytest.mark.parametrize("kind", ["view", "control"])
def test_renewing_a_token_asks_first(qtbot: QtBot, kind: str) -> None:
    window = NoticeWindow()
    qtbot.addWidget(window)
    server = FakeServer()
    asked: list[tuple[str, str]] = []
    answer = [False]

    def confirm(title: str, text: str) -> bool:
        asked.append((title, text))
        return answer[0]

    menu = install_remote_menu(window, server, confirm)  # type: ignore[arg-type]
    action = next(a for a in menu.actions() if a.objectName() == f"renew-{kind}")
    assert action.isEnabled()
    action.trigger()
    assert len(asked) == 1 and kind in asked[0][0] and server.renewed == []
    answer[0] = True
    action.trigger()
    assert server.renewed == [kind]
    assert "3" in window.notices[-1]


def test_a_renewal_that_cannot_be_kept_says_so(qtbot: QtBot) -> None:
    window = NoticeWindow()
    qtbot.addWidget(window)
    server = FakeServer()
    server.fail_with = OSError(28, "No space left on device")
    assert not renew_token(window, server, "view", lambda title, text: True)  # type: ignore[arg-type]
    assert "NOT renewed" in window.notices[-1] and "No space left" in window.notices[-1]


def test_renewal_is_off_while_the_server_is_off(qtbot: QtBot) -> None:
    window = NoticeWindow()
    qtbot.addWidget(window)
    server = FakeServer()
    server.running = False
    server.error = "cannot listen"
    menu = install_remote_menu(window, server, lambda title, text: True)  # type: ignore[arg-type]
    assert not any(a.isEnabled() for a in menu.actions() if a.objectName().startswith("renew-"))


def test_the_backup_laptops_command_line_is_copied_whole_and_shown_without_the_token(qtbot: QtBot) -> None:
    server = FakeServer()
    panel = RemotePanel(server)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    shown = panel.findChild(QLineEdit, "backupCommand")
    assert shown is not None and shown.text() == "runofshow follow 192.168.1.20:4790 --token ••••"
    assert panel.urls["backup@192.168.1.20"] == f"runofshow follow 192.168.1.20:4790 --token {server.token}"
    loopback = RemotePanel(FakeServer(host="127.0.0.1", require_token=False))  # type: ignore[arg-type]
    qtbot.addWidget(loopback)
    assert loopback.findChild(QLineEdit, "backupCommand") is None  # a backup on another laptop cannot reach it
