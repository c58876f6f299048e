"""A plan played on another day than its own date says so in the operator window, and only there."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from runofshow.core.clock import Instant
from runofshow.core.show import ShowPhase
from tests.conftest import FakePrompts
from tests.core.helpers import BRUSSELS, at
from tests.ui.conftest import Rig, make_rig


def on(year: int, month: int, day: int, hour: int, minute: int) -> Instant:
    epoch = datetime(year, month, day, hour, minute, tzinfo=BRUSSELS).timestamp()
    return Instant(epoch, epoch)


def line(rig: Rig) -> str:
    label = rig.window.now_panel.played_on
    return label.text() if label.isVisible() else ""


def test_a_plan_dated_2023_played_in_2026_says_so_before_during_and_after_the_show(
        qtbot: QtBot, tmp_path: Path, prompts: FakePrompts) -> None:
    rig = make_rig(qtbot, tmp_path, prompts, on(2026, 11, 27, 13, 20))
    try:
        expected = "Plan of 30 Nov 2023, played on 27 Nov 2026"
        assert line(rig) == expected
        assert rig.controller.bridge is not None
        for slot in rig.controller.bridge.state.slots:
            rig.at(on(2026, 11, 27, slot.start.hour, slot.start.minute))
            rig.controller.bridge.run("go")
            assert line(rig) == expected
        rig.at(on(2026, 11, 27, 17, 0))
        rig.controller.bridge.run("go")
        assert rig.controller.bridge.state.phase is ShowPhase.FINISHED
        assert line(rig) == expected
    finally:
        rig.controller.shutdown()


def test_a_rehearsal_the_day_before_names_its_day_once_it_starts(qtbot: QtBot, tmp_path: Path,
                                                                   prompts: FakePrompts) -> None:
    rig = make_rig(qtbot, tmp_path, prompts, at(13, 20, day=29))
    try:
        assert line(rig) == ""  # before GO the day before, the plan still counts down to its own date
        rig.at(at(13, 30, day=29))
        assert rig.controller.bridge is not None
        rig.controller.bridge.run("go")
        assert line(rig) == "Plan of 30 Nov 2023, played on 29 Nov 2023"
    finally:
        rig.controller.shutdown()


def test_a_plan_played_on_its_own_date_says_nothing(rig: Rig) -> None:
    assert line(rig) == ""
    rig.at(at(13, 30))
    assert rig.controller.bridge is not None
    rig.controller.bridge.run("go")
    assert line(rig) == ""
