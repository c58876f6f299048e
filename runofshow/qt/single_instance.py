"""The running copy listens, so a second copy on the same show can bring its operator window to the front.

The state-folder lock (io/state_lock.py) decides who runs the show; this is only the courtesy on top
of it: a stage manager who starts runofshow again (a double-click on the launcher, the window hidden
behind another) gets the running operator window back instead of a second show.

The channel is a local socket (a Unix socket, a named pipe on Windows) named after the state folder
and the user, so it only reaches a copy of the same user on the same show on this machine. The only
message is `raise`; anything else is ignored.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("runofshow")

RAISE = b"raise\n"
MAX_MESSAGE = 64  # bytes read from one caller: the message is one short word
SEND_TIMEOUT_MS = 1000  # the running copy's event loop answers within a frame; a hung one gets no wait


def channel_name(state_dir: Path) -> str:
    """The local socket's name: one per state folder and user, short enough for a Unix socket path."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (a container without a passwd entry)
        user = ""
    folder = str(Path(state_dir).expanduser().resolve())
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:24]
    return f"runofshow-{digest}"


class RaiseListener(QObject):
    """Held by the copy that runs the show: `raise_requested` when a second copy asks for its window."""

    raise_requested = Signal()

    def __init__(self, state_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = channel_name(state_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        if not self.server.listen(self.name):
            # Whoever listened before us is gone (we hold the state lock): its socket file is stale.
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning("a second copy cannot bring this window to the front: %s", self.server.errorString())

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            caller = self.server.nextPendingConnection()  # a child of the server: deleted with it at the latest
            caller.readyRead.connect(self._read)
            caller.disconnected.connect(caller.deleteLater)
            if caller.bytesAvailable():
                self._read_from(caller)

    def _read(self) -> None:
        caller = self.sender()
        if isinstance(caller, QLocalSocket):
            self._read_from(caller)

    def _read_from(self, caller: QLocalSocket) -> None:
        data = bytes(caller.read(MAX_MESSAGE).data())
        caller.disconnectFromServer()
        if data.strip() == RAISE.strip():
            self.raise_requested.emit()


def ask_running_copy_to_raise(state_dir: Path, timeout_ms: int = SEND_TIMEOUT_MS) -> bool:
    """From the second copy: ask the copy running this show to bring its window to the front.

    True once the message was handed over. Blocks for at most about twice `timeout_ms`: the second
    copy has no show to run and exits right after.
    """
    socket = QLocalSocket()
    socket.connectToServer(channel_name(state_dir))
    if not socket.waitForConnected(timeout_ms):
        log.info("the running copy did not answer: %s", socket.errorString())
        return False
    socket.write(RAISE)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent
