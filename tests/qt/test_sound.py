"""Chimes at the warning and at zero; silence with one logged warning when there is no audio device."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from runofshow.core.show import ShowEngine
from runofshow.paths import resources_dir
from runofshow.qt.sound import SOUNDS, Chimes, chime_for
from tests.core.helpers import at, seed


def test_the_chimes_are_shipped_as_real_sounds() -> None:
    import wave

    for name in SOUNDS.values():
        with wave.open(str(Path(resources_dir() / "sounds" / name))) as sound:
            assert sound.getnframes() / sound.getframerate() > 0.5
            assert sound.getnchannels() == 1


def test_a_chime_at_the_warning_and_at_zero_in_the_same_slot_only() -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    states = [engine.state(at(13, 42, 59)), engine.state(at(13, 43)), engine.state(at(13, 44, 59)),
              engine.state(at(13, 45))]
    assert [chime_for(a, b) for a, b in itertools.pairwise(states)] == [
        "warning", None, "zero"]
    engine.execute("next", at(13, 46))  # a new slot starting normal is no chime
    assert chime_for(states[-1], engine.state(at(13, 46))) is None


def test_without_an_audio_device_it_stays_silent_and_warns_once(qtbot: QtBot,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    chimes = Chimes()
    chimes._device_ok = None
    with caplog.at_level(logging.WARNING, logger="runofshow.qt.sound"):
        chimes.play("warning")
        chimes.play("zero")
    assert chimes.played == ["warning", "zero"]
    warnings = [r for r in caplog.records if "sound is off" in r.getMessage()]
    assert len(warnings) <= 1  # at most one, and only when the machine has no audio device
    if chimes._device_ok is False:
        assert len(warnings) == 1


def test_sound_off_plays_nothing(qtbot: QtBot) -> None:
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    chimes = Chimes(enabled=False)
    chimes.show_state(engine.state(at(13, 42, 59)))
    chimes.show_state(engine.state(at(13, 43)))
    assert chimes.played == []
    chimes.enabled = True
    chimes.show_state(engine.state(at(13, 44, 59)))
    chimes.show_state(engine.state(at(13, 45)))
    assert chimes.played == ["zero"]


def test_a_backup_laptop_is_silent_until_it_takes_over(qtbot: QtBot) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from runofshow.core.clock import FakeClock
    from runofshow.core.standing import Role, Standing
    from runofshow.io.session import ShowSession
    from runofshow.qt.bridge import ShowBridge
    from runofshow.ui.sound_menu import SoundSwitch

    clock = FakeClock(at(13, 30).t)
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), None), clock)
    settings = QSettings("runofshow-tests", "sound-backup")
    settings.clear()
    menu = QMenu()
    switch = SoundSwitch(bridge, menu, settings)
    bridge.run("go")
    bridge.set_standing(Standing(Role.FOLLOWING, primary="192.168.1.20:8765"))
    clock.advance(12 * 60 + 59)
    bridge.tick()
    clock.advance(1)
    bridge.tick()  # the warning: the primary chimes for the room, not its backup
    assert switch.chimes.played == []
    bridge.set_standing(Standing())  # taken over
    clock.advance(120)
    bridge.tick()  # zero
    assert switch.chimes.played == ["zero"]
