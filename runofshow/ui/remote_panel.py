"""The Remote menu: where the server listens, the control token and the browser views' addresses.

The token is shown hidden until asked for (the laptop's screen may be on a projector), with a
button to copy it; every address can be copied to paste into a display's browser or Companion.
The server is seen only through `RemoteStatus` (qt/remote_status.py): app.py hands it over, so
nothing here imports the network side.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runofshow.qt.remote_status import RemoteStatus
from runofshow.qt.translation import translate
from runofshow.ui.theme import BACKGROUND, OPERATOR_STYLE, display_name


def lan_addresses() -> list[str]:
    """This laptop's IPv4 addresses on the venue network (no traffic is sent to find them)."""
    found = []
    for address in QNetworkInterface.allAddresses():
        if address.protocol() is QAbstractSocket.NetworkLayerProtocol.IPv4Protocol and not address.isLoopback():
            found.append(address.toString())
    return found


def display_hosts(server: RemoteStatus) -> list[str]:
    """The host names to put in the view URLs: the LAN addresses when listening on all interfaces."""
    host = server.host
    if host in ("0.0.0.0", "::"):
        return lan_addresses() or ["127.0.0.1"]
    return [host]


class RemotePanel(QDialog):
    """A dialog listing the server's state, the token and one line per address to copy."""

    def __init__(self, server: RemoteStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = server
        self.setWindowTitle(self.tr("Remote control and browser displays"))
        self.setObjectName("remotePanel")
        self.setStyleSheet(OPERATOR_STYLE + f"QDialog {{ background: {BACKGROUND}; }}")
        layout = QVBoxLayout(self)
        self.status = QLabel(self._status_text())
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.urls: dict[str, str] = {}
        self.token_edit: QLineEdit | None = None
        grid = QGridLayout()
        row = 0
        if server.running and server.token:
            self.token_edit = QLineEdit(server.token)
            self.token_edit.setObjectName("token")
            self.token_edit.setReadOnly(True)
            self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
            show = QPushButton(self.tr("Show"))
            show.setCheckable(True)
            show.toggled.connect(self._show_token)
            grid.addWidget(QLabel(self.tr("Control token")), row, 0)
            grid.addWidget(self.token_edit, row, 1)
            grid.addWidget(show, row, 2)
            grid.addWidget(self._copy_button(server.token), row, 3)
            row += 1
        if server.running:
            for host in display_hosts(server):
                for view, url in server.view_urls(host).items():
                    self.urls[f"{view}@{host}"] = url
                    row = self._add_line(grid, row, display_name(view), url)
                self.urls[f"api@{host}"] = server.url("/api/state", host)
                row = self._add_line(grid, row, self.tr("API"), server.url("/api/", host))
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 120 + 34 * row)

    def _status_text(self) -> str:
        server = self.server
        if not server.running:
            return self.tr("Remote control is OFF: {why}.").format(why=server.error or self.tr("not started"))
        lines = [self.tr("Listening on {host}:{port} (HTTP and WebSocket).").format(host=server.host, port=server.port)]
        if server.osc_port:
            osc = (self.tr("OSC on UDP port {port}: /runofshow/COMMAND [args] with the token as the first argument.")
                   if server.require_token else self.tr("OSC on UDP port {port}: /runofshow/COMMAND [args]."))
            lines.append(osc.format(port=server.osc_port))
        if server.require_token:
            lines.append(self.tr("Every command needs the control token.") + " "
                         + (self.tr("The read-only views open without it (--public-views).") if server.public_views
                            else self.tr("The view addresses below carry it: treat them like the token.")))
        else:
            lines.append(self.tr("Loopback only: nothing on the network can reach it, so no token is needed here."))
        return "\n".join(lines)

    def _add_line(self, grid: QGridLayout, row: int, label: str, url: str) -> int:
        field = QLineEdit(url)
        field.setReadOnly(True)
        field.setCursorPosition(0)
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(field, row, 1, 1, 2)
        grid.addWidget(self._copy_button(url), row, 3)
        return row + 1

    def _copy_button(self, text: str) -> QPushButton:
        button = QPushButton(self.tr("Copy"))
        button.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        return button

    def _show_token(self, shown: bool) -> None:
        assert self.token_edit is not None
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)


def install_remote_menu(window: QMainWindow, server: RemoteStatus) -> QMenu:
    """Adds the Remote menu to the operator window, before Help."""
    bar = window.menuBar()
    menu = QMenu(translate("RemoteMenu", "&Remote"), bar)
    menu.setObjectName("remoteMenu")
    help_text = translate("OperatorWindow", "&Help").replace("&", "")  # the operator window's Help menu
    help_action = next((a for a in bar.actions() if a.text().replace("&", "") == help_text), None)
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    open_panel = menu.addAction(translate("RemoteMenu", "Remote control and browser displays (on)…") if server.running
                                else translate("RemoteMenu", "Remote control and browser displays (OFF)…"))
    open_panel.triggered.connect(lambda: RemotePanel(server, window).exec())
    notice = getattr(window, "show_notice", None)  # the operator window's status line
    if not server.running and server.error and callable(notice):
        notice(translate("RemoteMenu", "Remote control is off: {why}").format(why=server.error))
    return menu
