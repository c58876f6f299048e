"""The Remote menu: where the server listens, the two tokens, the browser views' addresses and their QR codes.

The control token runs commands: it is shown hidden until asked for (the laptop's screen may be on a
projector), with a button to copy it for Companion or a desk; no address ever carries it. The view
addresses carry the read-only view token, and each has a QR code for a phone or tablet on the venue
network. Either token can be renewed from the menu, after a confirmation. The server is seen only
through `RemoteStatus` (qt/remote_status.py): app.py hands it over, so nothing here imports the network side.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import segno
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from runofshow.qt.remote_status import RemoteStatus
from runofshow.qt.translation import translate
from runofshow.ui.dialogs import DialogPrompts
from runofshow.ui.theme import BACKGROUND, OPERATOR_STYLE, display_name

QR_SIZE = 180  # pixels: big enough for a phone a metre from the laptop's screen, four side by side
QR_BORDER = 4  # modules of white around the code (the QR standard's quiet zone)
QR_PER_ROW = 4  # the four views side by side
CONTROL_TOKEN = "control"  # RemoteStatus.renew_token's kinds (remote/options.py, which ui/ does not import)
VIEW_TOKEN = "view"


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


def reachable_from_elsewhere(host: str) -> bool:
    """False for loopback: a phone that scans 127.0.0.1 reaches itself, not this laptop."""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return True  # a name: the venue's DNS may know it


def qr_image(text: str, size: int = QR_SIZE) -> QImage:
    """`text` as a QR code, black on white, about `size` pixels square: whole pixels per module, so a
    camera sees sharp edges (never smoothed)."""
    code = segno.make(text, error="m", micro=False)
    rows = [list(row) for row in code.matrix_iter(border=QR_BORDER)]
    modules = len(rows)
    image = QImage(modules, modules, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, black)
    scale = max(1, size // modules)
    return image.scaled(modules * scale, modules * scale, Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.FastTransformation)


class RemotePanel(QDialog):
    """A dialog listing the server's state, the two tokens, one line per address to copy and a QR code per view."""

    def __init__(self, server: RemoteStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server = server
        self.setWindowTitle(self.tr("Remote control and browser displays"))
        self.setObjectName("remotePanel")
        self.setStyleSheet(OPERATOR_STYLE
                           + f"QDialog, QScrollArea, QWidget#remoteContent {{ background: {BACKGROUND}; }}")
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        room = screen.size() * 0.95
        # Four QR codes side by side where the screen is wide enough, else fewer: never one cut off.
        self._codes_per_row = max(1, min(QR_PER_ROW, (room.width() - 80) // (QR_SIZE + 24)))
        outer = QVBoxLayout(self)
        # Everything but Close scrolls: with two network addresses there are eight QR codes, taller than a
        # small laptop's screen.
        content = QWidget()
        content.setObjectName("remoteContent")
        layout = QVBoxLayout(content)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer.addWidget(scroll)
        self.status = QLabel(self._status_text())
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.urls: dict[str, str] = {}
        self.qr_codes: dict[str, QLabel] = {}  # "view@host" -> its QR code
        self.token_edit: QLineEdit | None = None
        self.view_token_edit: QLineEdit | None = None
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
            # The view token is in every view address below anyway: shown, not hidden.
            self.view_token_edit = QLineEdit(server.view_token)
            self.view_token_edit.setObjectName("viewToken")
            self.view_token_edit.setReadOnly(True)
            grid.addWidget(QLabel(self.tr("View token")), row, 0)
            grid.addWidget(self.view_token_edit, row, 1, 1, 2)
            grid.addWidget(self._copy_button(server.view_token), row, 3)
            row += 1
        codes = QGridLayout()
        if server.running:
            for host in display_hosts(server):
                for view, url in server.view_urls(host).items():
                    self.urls[f"{view}@{host}"] = url
                    row = self._add_line(grid, row, display_name(view), url)
                    if reachable_from_elsewhere(host):
                        self._add_code(codes, f"{view}@{host}", display_name(view), url)
                self.urls[f"api@{host}"] = server.url("/api/state", host)
                row = self._add_line(grid, row, self.tr("API"), server.url("/api/", host))
                if reachable_from_elsewhere(host):
                    row = self._add_backup_line(grid, row, host)
        layout.addLayout(grid)
        if self.qr_codes:
            layout.addWidget(QLabel(self.tr("Scan with a phone or tablet on the venue network:")))
            layout.addLayout(codes)
        elif server.running:
            hint = QLabel(self.tr("QR codes for phones and tablets appear here when the server listens on the "
                                  "venue network (--listen 0.0.0.0:PORT)."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        code_rows = (len(self.qr_codes) + self._codes_per_row - 1) // self._codes_per_row
        wanted = QSize(840, 170 + 34 * row + (QR_SIZE + 50) * code_rows)
        self.resize(wanted.boundedTo(room))

    def _status_text(self) -> str:
        server = self.server
        if not server.running:
            return self.tr("Remote control is OFF: {why}.").format(why=server.error or self.tr("not started"))
        lines = [self.tr("Listening on {host}:{port} (HTTP and WebSocket).").format(host=server.host, port=server.port)]
        if server.osc_port:
            osc = (self.tr("OSC on UDP port {port}: /runofshow/COMMAND [args] with the control token as the first "
                           "argument.")
                   if server.require_token else self.tr("OSC on UDP port {port}: /runofshow/COMMAND [args]."))
            lines.append(osc.format(port=server.osc_port))
        if server.require_token:
            lines.append(self.tr("Every command needs the control token: type it into Companion or a desk; no "
                                 "address carries it.") + " "
                         + (self.tr("The read-only views open without a token (--public-views).") if server.public_views
                            else self.tr("The view addresses and QR codes carry the view token: it opens the "
                                         "read-only views and nothing else.")))
        else:
            lines.append(self.tr("Loopback only: nothing on the network can reach it, so no token is needed here."))
        lines.append(self.tr("Renew a token from the Remote menu if it got out: whoever held it is cut off at once."))
        return "\n".join(lines)

    def _add_code(self, codes: QGridLayout, key: str, label: str, url: str) -> None:
        """One view's QR code with its name under it, four to a row."""
        index = len(self.qr_codes)
        picture = QLabel()
        picture.setObjectName(f"qr-{key}")
        picture.setPixmap(QPixmap.fromImage(qr_image(url)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setToolTip(url)
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        cell = QVBoxLayout()
        cell.addWidget(picture)
        cell.addWidget(caption)
        codes.addLayout(cell, index // self._codes_per_row, index % self._codes_per_row)
        self.qr_codes[key] = picture

    def _add_line(self, grid: QGridLayout, row: int, label: str, url: str) -> int:
        field = QLineEdit(url)
        field.setReadOnly(True)
        field.setCursorPosition(0)
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(field, row, 1, 1, 2)
        grid.addWidget(self._copy_button(url), row, 3)
        return row + 1

    def _add_backup_line(self, grid: QGridLayout, row: int, host: str) -> int:
        """What to type on a second laptop to make it this one's backup: the token is copied, not shown."""
        address = self.server.url("/", host).removeprefix("http://").rstrip("/")
        command = f"runofshow follow {address} --token {self.server.token}"
        self.urls[f"backup@{host}"] = command
        field = QLineEdit(f"runofshow follow {address} --token ••••")
        field.setObjectName("backupCommand")
        field.setReadOnly(True)
        field.setToolTip(self.tr("Run this on the backup laptop (Copy puts the whole line, token included, on "
                                 "the clipboard)"))
        grid.addWidget(QLabel(self.tr("Backup laptop")), row, 0)
        grid.addWidget(field, row, 1, 1, 2)
        grid.addWidget(self._copy_button(command), row, 3)
        return row + 1

    def _copy_button(self, text: str) -> QPushButton:
        button = QPushButton(self.tr("Copy"))
        button.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        return button

    def _show_token(self, shown: bool) -> None:
        assert self.token_edit is not None
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)


def renew_token(window: QMainWindow, server: RemoteStatus, kind: str, confirm: Callable[[str, str], bool]) -> bool:
    """Renew the control or the view token once the operator confirms; says on the status line what happened."""
    if kind == VIEW_TOKEN:
        title = translate("RemoteMenu", "Renew the view token?")
        question = translate("RemoteMenu", "Every browser display that opened a view address is disconnected now "
                                           "and shows NO ACCESS until it is given the new address or QR code from "
                                           "the Remote window. Companion and desks (the control token) go on.")
    else:
        title = translate("RemoteMenu", "Renew the control token?")
        question = translate("RemoteMenu", "Companion, desks and scripts with the current control token stop "
                                           "working now, until the new one is typed into each of them (Remote "
                                           "window, Show and Copy). The browser displays' view addresses go on.")
    if not confirm(title, question):
        return False
    notice = getattr(window, "show_notice", None)  # the operator window's status line
    try:
        dropped = server.renew_token(kind)
    except OSError as exc:
        text = translate("RemoteMenu", "The token was NOT renewed (it could not be saved): {why}").format(
            why=exc.strerror or exc)
        if callable(notice):
            notice(text)
        return False
    text = (translate("RemoteMenu", "New view token: {count} display(s) disconnected; give them the new "
                                    "addresses from the Remote window.") if kind == VIEW_TOKEN
            else translate("RemoteMenu", "New control token: type it into Companion and the desks (Remote "
                                         "window); {count} connection(s) closed."))
    if callable(notice):
        notice(text.format(count=dropped))
    return True


def install_remote_menu(window: QMainWindow, server: RemoteStatus,
                        confirm: Callable[[str, str], bool] | None = None) -> QMenu:
    """Adds the Remote menu to the operator window, before Help. `confirm` asks yes or no before a token is
    renewed (the app's prompts by default)."""
    bar = window.menuBar()
    menu = QMenu(translate("RemoteMenu", "Re&mote"), bar)  # Alt+M: Alt+R is Rundown
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
    menu.addSeparator()
    ask = confirm or DialogPrompts(window).confirm
    for kind, text in ((VIEW_TOKEN, translate("RemoteMenu", "Renew the view token…")),
                       (CONTROL_TOKEN, translate("RemoteMenu", "Renew the control token…"))):
        renew = menu.addAction(text)
        renew.setObjectName(f"renew-{kind}")
        renew.setEnabled(server.running)
        renew.triggered.connect(lambda _checked=False, kind=kind: renew_token(window, server, kind, ask))
    notice = getattr(window, "show_notice", None)  # the operator window's status line
    if not server.running and server.error and callable(notice):
        notice(translate("RemoteMenu", "Remote control is off: {why}").format(why=server.error))
    return menu
