"""The operator window on a small laptop screen: every control reachable, nothing on top of anything else.

Each check resizes the window offscreen to a common small screen (1280×720, 1024×600, and a readable
800×480) in the busiest moment of the programme: a panel with its cues, a stage message and a blackout
banner, and the longest title and names of the day.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QToolBar, QToolButton, QWidget

from runofshow.ui.actions import SHOW_ACTIONS
from runofshow.ui.rundown import COLUMNS
from tests.core.helpers import at
from tests.ui.conftest import Rig

ROOMY = [(1280, 720), (1024, 600)]
SIZES = [*ROOMY, (800, 480)]
TIMER_AT_LEAST = {(1280, 720): 72, (1024, 600): 56, (800, 480): 40}  # the timer's pixel size: a glance away


def busy_panel(rig: Rig) -> None:
    """The policy panel running, on its third cue, with a message to the stage and one display blacked out."""
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(15, 40))
    panel = next(slot for slot in bridge.state.slots if slot.cues)
    bridge.run("goto", {"slot": panel.id})
    bridge.run("next_cue")
    bridge.run("next_cue")
    rig.at(at(15, 52, 30))
    bridge.run("message", {"text": "Please wrap up, the panel runs late", "flash": False})
    bridge.run("blackout", {"display": "moderator", "on": True})


def long_talk(rig: Rig) -> None:
    """The talk with the longest title of the day, two speakers, over time."""
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(15, 10))
    longest = max(bridge.state.slots, key=lambda slot: len(slot.title))
    bridge.run("goto", {"slot": longest.id})
    rig.at(at(15, 45, 5))


def before_the_show(rig: Rig) -> None:
    """Ten minutes before the start, the programme's first slot next."""


MOMENTS = {"panel": busy_panel, "talk": long_talk, "preshow": before_the_show}


def sized(rig: Rig, width: int, height: int) -> None:
    rig.window.resize(width, height)
    for _ in range(6):  # a resize can refit fonts and share the splitter anew: a few layout passes
        QApplication.processEvents()


def on_window(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def wholly_visible(widget: QWidget) -> bool:
    """Shown, inside the window, and not cut by any parent (a splitter, a scroll area, the window's edge)."""
    return (widget.isVisible() and widget.window().rect().contains(on_window(widget))
            and widget.visibleRegion().boundingRect() == widget.rect())


def toolbar_button(rig: Rig, key: str) -> QToolButton:
    action = rig.window.actions_by_key[key]
    for toolbar in rig.window.findChildren(QToolBar):
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton) and button.isVisible():
            return button
    raise AssertionError(f"no visible button for {key}")


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_toolbar_action_has_a_button_in_the_window(rig: Rig, width: int, height: int, moment: str) -> None:
    MOMENTS[moment](rig)
    sized(rig, width, height)
    assert rig.window.width() <= width and rig.window.height() <= height  # the window fits the screen
    for spec in SHOW_ACTIONS:
        if spec.toolbar:
            button = toolbar_button(rig, spec.key)
            assert wholly_visible(button), (spec.key, on_window(button), rig.window.size())


def panel_labels(rig: Rig) -> list[QLabel]:
    panel = rig.window.now_panel
    return [label for label in panel.findChildren(QLabel) if label.isVisibleTo(panel) and label.text()]


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_now_panel_lines_neither_overlap_nor_spill(rig: Rig, width: int, height: int, moment: str) -> None:
    MOMENTS[moment](rig)
    sized(rig, width, height)
    panel = rig.window.now_panel
    labels = panel_labels(rig)
    assert len(labels) >= 8
    for label in labels:
        assert panel.rect().contains(label.geometry()), (label.text(), label.geometry(), panel.size())
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), (label.text(), label.size())
        else:
            assert label.width() >= label.sizeHint().width() and label.height() >= label.sizeHint().height(), (
                label.text(), label.size(), label.sizeHint())
    for index, label in enumerate(labels):
        for other in labels[index + 1:]:
            assert not label.geometry().intersects(other.geometry()), (label.text(), other.text())


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_timer_stays_big_and_whole(rig: Rig, width: int, height: int, moment: str) -> None:
    MOMENTS[moment](rig)
    sized(rig, width, height)
    timer = rig.window.now_panel.timer
    assert timer.font().pixelSize() >= TIMER_AT_LEAST[(width, height)]
    assert wholly_visible(timer)


@pytest.mark.parametrize(("width", "height"), ROOMY)
def test_the_message_field_and_its_buttons_stay_in_view(rig: Rig, width: int, height: int) -> None:
    busy_panel(rig)
    sized(rig, width, height)
    window = rig.window
    assert wholly_visible(window.message_edit)
    assert window.message_edit.height() >= window.message_edit.sizeHint().height()
    buttons = [button for button in window.findChildren(QPushButton) if button.isVisibleTo(window)]
    assert buttons
    for button in buttons:  # Send, Send + flash, Clear, and any other button the window shows
        assert wholly_visible(button), button.text()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_rundown_never_scrolls_sideways_and_titles_keep_room(rig: Rig, width: int, height: int) -> None:
    busy_panel(rig)
    sized(rig, width, height)
    rundown = rig.window.rundown
    assert not rundown.horizontalScrollBar().isVisible()
    assert rundown.columnWidth(COLUMNS.index("Title")) >= 200
    assert not any(rundown.isColumnHidden(COLUMNS.index(name)) for name in ("Status", "Start", "Title", "Speakers"))
