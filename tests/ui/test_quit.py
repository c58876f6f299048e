"""Quitting mid-show asks first, over the operator window; before the show and after it, it just quits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from runofshow.core.show import ShowPhase, ShowState
from tests.core.helpers import at
from tests.ui.conftest import Rig


def state(rig: Rig) -> ShowState:
    assert rig.controller.bridge is not None
    return rig.controller.bridge.state


def with_the_stage_display_up(rig: Rig) -> None:
    assert rig.controller.displays is not None
    rig.controller.displays.choose("stage", visible=True, fullscreen=False)
    assert rig.controller.displays.windows["stage"].isVisible()


def go(rig: Rig) -> None:
    assert rig.controller.bridge is not None
    rig.controller.bridge.run("go")


def press_ctrl_q(rig: Rig) -> None:
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_mid_show_asks_over_the_operator_window_and_keep_running_changes_nothing(rig: Rig) -> None:
    with_the_stage_display_up(rig)
    rig.at(at(13, 30))
    go(rig)
    rig.prompts.quit_answer = False
    press_ctrl_q(rig)
    assert rig.prompts.quit_asks == [rig.window]
    assert rig.window.isVisible()
    assert rig.controller.displays is not None and rig.controller.displays.windows["stage"].isVisible()
    assert not rig.controller.shut_down
    rig.at(at(13, 31))
    assert state(rig).phase is ShowPhase.RUNNING and round(state(rig).elapsed) == 60
    assert rig.controller.bridge is not None and rig.controller.bridge.next_wake_ms >= 0  # the timer still runs
    rig.prompts.quit_answer = True


def test_the_close_button_and_the_quit_menu_ask_while_paused_or_between_slots(rig: Rig) -> None:
    rig.at(at(13, 30))
    go(rig)
    rig.prompts.quit_answer = False
    assert rig.controller.bridge is not None
    rig.controller.bridge.run("pause")
    assert state(rig).phase is ShowPhase.PAUSED
    assert not rig.window.close()
    rig.controller.bridge.run("resume")
    rig.controller.bridge.run("reset")  # loaded, waiting for GO
    assert state(rig).phase is ShowPhase.BETWEEN, state(rig).phase
    rig.window.quit_action.trigger()
    assert rig.prompts.quit_asks == [rig.window, rig.window]
    assert rig.window.isVisible() and state(rig).phase is ShowPhase.BETWEEN
    rig.prompts.quit_answer = True


def test_quitting_mid_show_when_the_operator_says_quit_shuts_everything_down(rig: Rig) -> None:
    with_the_stage_display_up(rig)
    rig.at(at(13, 30))
    go(rig)
    press_ctrl_q(rig)
    assert rig.prompts.quit_asks == [rig.window]
    assert not rig.window.isVisible()
    assert rig.controller.shut_down
    assert rig.controller.displays is not None and not rig.controller.displays.windows["stage"].isVisible()
    assert rig.controller.bridge is not None and rig.controller.bridge.next_wake_ms == -1


def test_before_the_show_quit_does_not_ask(rig: Rig) -> None:
    assert state(rig).phase is ShowPhase.PRE_SHOW
    press_ctrl_q(rig)
    assert rig.prompts.quit_asks == []
    assert not rig.window.isVisible() and rig.controller.shut_down


def test_after_the_show_quit_does_not_ask(rig: Rig) -> None:
    for slot in state(rig).slots:
        rig.at(at(slot.start.hour, slot.start.minute))
        go(rig)
    rig.at(at(17, 0))
    go(rig)
    assert state(rig).phase is ShowPhase.FINISHED
    assert rig.window.close()
    assert rig.prompts.quit_asks == []
    assert rig.controller.shut_down
