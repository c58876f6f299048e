"""Watches the agenda file and says when it has settled after a change on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

# Editors save in bursts (truncate, write, rename): wait for quiet before reading the file.
SETTLE_MS = 250


class AgendaWatcher(QObject):
    changed = Signal(object)  # Path of the agenda, once its change has settled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._path: Path | None = None
        self._last_seen: tuple[int, int] | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path) -> None:
        """Watch this file (and its folder, which sees an editor's save-by-rename)."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._path = path.resolve()
        self._last_seen = self._signature()
        self._watcher.addPath(str(self._path.parent))
        if self._path.exists():
            self._watcher.addPath(str(self._path))

    def stop(self) -> None:
        """Watch nothing more: after the app shut down, a late save must not reach a closed window."""
        self._settle.stop()
        for paths in (self._watcher.files(), self._watcher.directories()):
            if paths:
                self._watcher.removePaths(paths)
        self._path = None

    def note_own_save(self) -> None:
        """The app just wrote the file itself: that change is no news, and must not come back as a reload."""
        self._last_seen = self._signature()

    def check_now(self) -> None:
        """Look at the file at once (the watcher's events are not guaranteed on every file system)."""
        self._settled()

    def _poke(self, _path: str) -> None:
        self._settle.start()

    def _signature(self) -> tuple[int, int] | None:
        try:
            stat = self._path.stat() if self._path else None
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size) if stat else None

    def _settled(self) -> None:
        if self._path is None:
            return
        # A renamed-over file is a new inode: watch it again.
        if self._path.exists() and str(self._path) not in self._watcher.files():
            self._watcher.addPath(str(self._path))
        signature = self._signature()
        if signature is None or signature == self._last_seen:
            return
        self._last_seen = signature
        self.changed.emit(self._path)
