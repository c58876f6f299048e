"""Chimes at the warning threshold and at zero. Silent, with one logged warning, without an audio device."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from runofshow.core.show import ShowPhase, ShowState, SlotPhase
from runofshow.paths import resources_dir

log = logging.getLogger(__name__)

SOUNDS = {"warning": "chime-warning.wav", "zero": "chime-zero.wav"}


def chime_for(before: ShowState | None, after: ShowState) -> str | None:
    """Which chime a change of snapshot calls for: crossing into warning, or reaching zero, in one slot."""
    if before is None or after.current is None or before.current is None or after.current.id != before.current.id:
        return None
    if after.phase is not ShowPhase.RUNNING:
        return None
    if before.slot_phase is SlotPhase.NORMAL and after.slot_phase is SlotPhase.WARNING:
        return "warning"
    if before.slot_phase in (SlotPhase.NORMAL, SlotPhase.WARNING) and after.slot_phase is SlotPhase.OVERRUN:
        return "zero"
    return None


class Chimes(QObject):
    """Listens to snapshots and plays the matching chime when sound is on."""

    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.silent = False  # on a backup laptop: the chimes are the primary's to play
        self.played: list[str] = []  # every chime asked for, played or silent (for the log and tests)
        self._last: ShowState | None = None
        self._effects: dict[str, object] = {}
        self._device_ok: bool | None = None

    def show_state(self, state: ShowState) -> None:
        chime = chime_for(self._last, state)
        self._last = state
        if chime is not None and self.enabled and not self.silent:
            self.play(chime)

    def play(self, name: str) -> None:
        self.played.append(name)
        if not self._has_device():
            return
        effect = self._effect(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]

    def _has_device(self) -> bool:
        if self._device_ok is None:
            try:
                from PySide6.QtMultimedia import QMediaDevices

                self._device_ok = bool(QMediaDevices.audioOutputs())
            except ImportError as exc:  # QtMultimedia or its system libraries missing
                log.warning("sound is off: QtMultimedia is not available (%s)", exc)
                self._device_ok = False
                return False
            if not self._device_ok:
                log.warning("sound is off: no audio output device; the chimes stay silent")
        return self._device_ok

    def _effect(self, name: str) -> object | None:
        if name not in self._effects:
            from PySide6.QtMultimedia import QSoundEffect

            path = Path(resources_dir() / "sounds" / SOUNDS[name])
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[name] = effect
        return self._effects[name]
