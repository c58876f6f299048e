"""The real app, on X11 with two monitors: the room only ever sees what is meant for it.

Each test starts `python -m runofshow` in its own process on Xorg's dummy driver (the operator's
monitor DUMMY0, primary, 1920x1080; the room's DUMMY1, 1600x900, to its right), with the projector
chosen full screen on the room's monitor, and the speaker countdown shown with no screen chosen.
The pointer rests on the room's monitor, where a window placed "by the mouse" would wrongly go.
Windows are found and measured from outside, as a person sees them (xdotool, xwininfo, xprop), and
every step leaves a screenshot whose path the test prints.
"""

from __future__ import annotations

import pytest

from tests.xcb.conftest import Show
from tests.xcb.xdummy import OPERATOR_MONITOR, ROOM_MONITOR, AppProcess, wait_for

pytestmark = pytest.mark.xcb

EVENT_TITLE = "Strategic Public Procurement to drive European Resilience, Innovation and Growth"
FIRST_SLOT = "Welcoming remarks"


def open_show(show: Show) -> tuple[AppProcess, int]:
    """The app with its displays placed; returns it and its operator window."""
    app = show.start()
    operator = app.operator_window()
    projector = app.display_window("projector")
    desktop = show.desktop
    wait_for("the projector full screen on the room's monitor",
             lambda: True if desktop.is_fullscreen(projector) and desktop.geometry(projector) == ROOM_MONITOR.area
             else None)
    return app, operator


def start_show(show: Show, app: AppProcess, operator: int) -> None:
    """Space, as the stage manager starts the show: the first slot runs."""
    show.desktop.press(operator, "space")
    app.wait_title(operator, f"runofshow — {FIRST_SLOT}")


def test_the_operator_window_opens_whole_on_the_primary_monitor(show: Show) -> None:
    _app, operator = open_show(show)
    show.steps.shot("opened")

    assert show.desktop.monitor_of(operator) == OPERATOR_MONITOR, show.desktop.geometry(operator)
    assert show.desktop.active_window() == operator  # the keyboard is the stage manager's


def test_the_projector_fills_the_room_monitor_and_nothing_fills_the_operators(show: Show) -> None:
    app, operator = open_show(show)
    desktop = show.desktop
    stage = app.display_window("stage")
    start_show(show, app, operator)
    show.steps.shot("show-running")

    projector = app.display_window("projector")
    assert desktop.geometry(projector) == ROOM_MONITOR.area
    assert desktop.is_fullscreen(projector)
    # The speaker countdown had no screen of its own left: a window on the operator's monitor, not over it.
    assert desktop.monitor_of(stage) == OPERATOR_MONITOR
    assert not desktop.is_fullscreen(stage)
    windows = app.titled()
    on_operator_monitor = [w for w in windows if desktop.geometry(w).overlaps(OPERATOR_MONITOR.area)]
    assert on_operator_monitor and not any(desktop.is_fullscreen(w) for w in on_operator_monitor), windows
    in_the_room = [windows[w] for w in windows if desktop.geometry(w).overlaps(ROOM_MONITOR.area)]
    assert in_the_room == ["runofshow — Projector"]


def test_ctrl_q_mid_show_asks_over_the_operator_and_esc_keeps_the_show(show: Show) -> None:
    app, operator = open_show(show)
    desktop = show.desktop
    start_show(show, app, operator)

    desktop.press(operator, "ctrl+q")
    question = app.window_titled("Quit during the show?")
    show.steps.shot("quit-asked")
    assert desktop.monitor_of(question) == OPERATOR_MONITOR, desktop.geometry(question)

    desktop.press(question, "Escape")
    desktop.wait_no_window("Quit during the show")
    show.steps.shot("quit-declined")
    app.check_alive()
    assert desktop.is_fullscreen(app.display_window("projector"))  # the room saw nothing change

    desktop.press(operator, "ctrl+q")
    question = app.window_titled("Quit during the show?")
    # "Keep running" has the focus; Tab moves it to "Quit", Space presses it.
    desktop.press(question, "Tab", "space")
    assert app.wait_exit() == 0
    show.steps.shot("quit")
    assert not app.titled()


def test_the_shortcuts_sheet_opens_inside_the_operators_monitor(show: Show) -> None:
    app, operator = open_show(show)
    start_show(show, app, operator)

    show.desktop.press(operator, "F1")
    sheet = app.window_titled("Keyboard shortcuts")
    show.steps.shot("shortcuts")

    assert show.desktop.monitor_of(sheet) == OPERATOR_MONITOR, show.desktop.geometry(sheet)


def test_after_a_crash_the_resume_question_opens_over_the_operator_window(show: Show) -> None:
    first, operator = open_show(show)
    start_show(show, first, operator)
    first.kill()  # kill -9 mid-show: no goodbye, no tidy journal end

    again = show.start()
    question = again.window_titled("Resume the show?", timeout=20)
    show.steps.shot("resume-asked")
    desktop = show.desktop
    assert desktop.monitor_of(question) == OPERATOR_MONITOR, desktop.geometry(question)
    # Asked over the operator window, which is already there: not alone on an empty desktop.
    operator_again = again.operator_window(timeout=1)
    assert desktop.geometry(question).overlaps(desktop.geometry(operator_again))

    desktop.press(question, "Return")  # the default: resume
    again.wait_title(operator_again, f"runofshow — {FIRST_SLOT}")
    show.steps.shot("resumed")


def test_identify_screens_signs_each_monitor_and_space_stays_go(show: Show) -> None:
    app, operator = open_show(show)
    desktop = show.desktop

    desktop.press(operator, "alt+d", "i")  # Displays > Identify screens, from the keyboard
    room_sign = app.window_titled(f"Identify screen {ROOM_MONITOR.name}")
    operator_sign = app.window_titled(f"Identify screen {OPERATOR_MONITOR.name}")
    show.steps.shot("identify")
    assert desktop.geometry(room_sign).inside(ROOM_MONITOR.area)
    assert desktop.geometry(operator_sign).inside(OPERATOR_MONITOR.area)
    assert desktop.active_window() == operator

    desktop.press_where_focused("space")  # no click first: the keyboard never left the operator window
    app.wait_title(operator, f"runofshow — {FIRST_SLOT}")
    show.steps.shot("identify-go")
    desktop.wait_no_window("^Identify screen")  # gone by themselves after three seconds
    show.steps.shot("identify-gone")
    assert desktop.is_fullscreen(app.display_window("projector"))
