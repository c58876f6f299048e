"""The chimes, and the Show menu's check box that turns them on or off (remembered between runs)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMenu

from runofshow.core.show import ShowState
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.settings import read_bool
from runofshow.qt.sound import Chimes

SETTING = "sound_on"


class SoundSwitch(QObject):
    """Plays the chimes on the bridge's snapshots while its menu entry is checked."""

    def __init__(self, bridge: ShowBridge, menu: QMenu, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        on = read_bool(settings, SETTING, True)
        self.chimes = Chimes(enabled=on, parent=self)
        self._bridge = bridge
        bridge.changed.connect(self._show_state)
        menu.addSeparator()
        self.action = menu.addAction(self.tr("Sound: chime at the warning and at zero"))
        self.action.setCheckable(True)
        self.action.setChecked(on)
        self.action.toggled.connect(self.set)

    def _show_state(self, state: ShowState) -> None:
        # A backup laptop is silent until it takes over: the primary chimes for the room.
        self.chimes.silent = self._bridge.standing.following
        self.chimes.show_state(state)

    def set(self, on: bool) -> None:
        self.chimes.enabled = on
        self.settings.setValue(SETTING, on)
