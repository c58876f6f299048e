"""What a stage manager sees and presses of a pair of laptops: the banner, Take over, the displays' tag.

Each standing is put on the window with `bridge.set_standing` (the pairing in remote/pairing.py does it
in the app); taking over goes through `bridge.run("take_over")`, the command HTTP and OSC send too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from runofshow.core import words
from runofshow.core.show import Outcome
from runofshow.core.standing import Epoch, Role, Standing
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.display_base import DisplayWindow
from runofshow.ui.displays import WINDOW_CLASSES
from runofshow.ui.pair_banner import FOLLOWING_BACKGROUND, LOST_BACKGROUND, PairBanner
from runofshow.ui.theme import CAUTION, MUTED, PANEL
from tests.core.helpers import at
from tests.ui.conftest import Rig

PRIMARY = "192.168.1.20:8765"
# 14:03:27 in the event's time zone (the seed's Brussels), as the operator window's clock shows the time.
LOST_AT = datetime(2026, 11, 27, 14, 3, 27, tzinfo=ZoneInfo("Europe/Brussels")).timestamp()


def bridge_of(rig: Rig) -> ShowBridge:
    assert rig.controller.bridge is not None
    return rig.controller.bridge


def banner(rig: Rig) -> PairBanner:
    return rig.window.pair_banner


def following(**changes: object) -> Standing:
    fields: dict[str, object] = {"role": Role.FOLLOWING, "primary": PRIMARY, "connected": True,
                                 "behind_entries": 0, "behind_ms": 35.0}
    fields.update(changes)
    return Standing(**fields)  # type: ignore[arg-type]


def painted_background(widget: QWidget) -> str:
    """The colour the bar is painted in, read from a grab of it (a strip above its words)."""
    image = widget.grab().toImage()
    return QColor(image.pixel(widget.width() // 2, 2)).name()


def press_ctrl_shift_t(rig: Rig) -> None:
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_T,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def status(rig: Rig) -> str:
    return rig.window.last_command.text()


class Asker:
    """Stands in for the operator answering the take-over question."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.answer


class TakeOver:
    """Stands in for the pairing's take-over (qt/bridge.py asks it when `take_over` is run)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Outcome:
        self.calls += 1
        return Outcome(True, "take_over: this laptop drives the show now")


def test_a_primary_on_its_own_shows_no_banner(rig: Rig) -> None:
    assert not banner(rig).isVisible()
    bridge_of(rig).set_standing(Standing(epoch=Epoch(2, "a")))
    assert not banner(rig).isVisible()


def test_a_backup_up_to_date_says_whom_it_follows_in_a_violet_bar(rig: Rig) -> None:
    bridge_of(rig).set_standing(following())
    bar = banner(rig)
    assert bar.isVisible() and bar.take_over_button.isVisible()
    assert bar.headline.text() == "FOLLOWING 192.168.1.20:8765"
    assert bar.detail.text() == "up to date · show commands are refused here until you take over"
    assert bar.headline.font().pixelSize() >= 20  # large: nobody drives the room from this laptop by mistake
    assert painted_background(bar) == FOLLOWING_BACKGROUND
    # Full width, above the now panel.
    assert bar.width() >= rig.window.now_panel.width() + 100
    assert bar.mapTo(rig.window, bar.rect().bottomLeft()).y() < rig.window.now_panel.mapTo(rig.window, (
        rig.window.now_panel.rect().topLeft())).y()


@pytest.mark.parametrize(("entries", "ms", "connected", "lag"), [
    (3, 120.0, True, "3 entries, 120 ms behind"),
    (1, 80.4, True, "1 entry, 80 ms behind"),
    (12, 2500.0, True, "12 entries, 2.5 s behind"),
    (0, None, True, "lag unknown"),
    (4, None, True, "4 entries behind, lag unknown"),
    (0, None, False, "connecting…"),
])
def test_a_backup_says_how_far_behind_it_is(rig: Rig, entries: int, ms: float | None, connected: bool,
                                             lag: str) -> None:
    bridge_of(rig).set_standing(following(behind_entries=entries, behind_ms=ms, connected=connected))
    assert banner(rig).detail.text() == f"{lag} · show commands are refused here until you take over"
    assert banner(rig).headline.text() == "FOLLOWING 192.168.1.20:8765"


def test_a_lost_primary_turns_the_bar_to_the_alarm_with_the_time_and_the_key(rig: Rig) -> None:
    bridge_of(rig).set_standing(following(behind_entries=2))
    bridge_of(rig).set_standing(following(connected=False, lost_since=LOST_AT))
    bar = banner(rig)
    assert bar.headline.text() == "PRIMARY LOST SINCE 14:03:27"
    assert "192.168.1.20:8765" in bar.detail.text() and "Ctrl+Shift+T" in bar.detail.text()
    assert painted_background(bar) == LOST_BACKGROUND
    assert bar.take_over_button.isVisible()
    # The primary answers again (before anyone took over): back to the calm violet bar.
    bridge_of(rig).set_standing(following())
    assert bar.headline.text() == "FOLLOWING 192.168.1.20:8765"
    assert painted_background(bar) == FOLLOWING_BACKGROUND


def test_a_primary_with_a_backup_has_a_small_calm_line(rig: Rig) -> None:
    bridge_of(rig).set_standing(Standing(backups=("192.168.1.21",)))
    bar = banner(rig)
    assert bar.isVisible() and not bar.take_over_button.isVisible() and not bar.detail.isVisible()
    assert bar.headline.text() == "Backup: 192.168.1.21 following"
    assert bar.headline.styleSheet() == f"color: {MUTED};"
    assert bar.headline.font().pixelSize() <= 14
    assert painted_background(bar) == PANEL
    rig.qtbot.waitUntil(lambda: bar.height() == bar.sizeHint().height(), timeout=2000)  # laid out anew
    assert bar.height() < 40  # one line: the primary's window keeps its room


def test_a_lost_backup_and_held_commands_are_amber(rig: Rig) -> None:
    bridge_of(rig).set_standing(Standing(backups=("192.168.1.21",)))
    bridge_of(rig).set_standing(Standing(backup_lost_since=LOST_AT))
    bar = banner(rig)
    assert bar.headline.text() == "BACKUP LOST SINCE 14:03:27"
    assert bar.headline.styleSheet() == f"color: {CAUTION};"
    assert not bar.detail.isVisible()
    bridge_of(rig).set_standing(Standing(backup_lost_since=LOST_AT, held="waiting for the backup after a freeze"))
    assert bar.detail.isVisible()
    assert bar.detail.text() == "Commands wait: waiting for the backup after a freeze"
    assert bar.detail.styleSheet() == f"color: {CAUTION};"
    bridge_of(rig).set_standing(Standing(held="waiting for the backup after a freeze"))
    assert bar.headline.text() == "Commands wait: waiting for the backup after a freeze"
    assert bar.headline.styleSheet() == f"color: {CAUTION};" and not bar.detail.isVisible()
    bridge_of(rig).set_standing(Standing())
    assert not bar.isVisible()


def test_take_over_asks_first_while_the_primary_is_connected(rig: Rig) -> None:
    bridge = bridge_of(rig)
    take_over = TakeOver()
    bridge.take_over = take_over
    bridge.set_standing(following())
    no = Asker(False)
    banner(rig).confirm = no
    rig.qtbot.mouseClick(banner(rig).take_over_button, Qt.MouseButton.LeftButton)
    assert len(no.asked) == 1 and "192.168.1.20:8765 is still connected" in no.asked[0][1]
    assert take_over.calls == 0  # declined: nothing happens
    yes = Asker(True)
    banner(rig).confirm = yes
    rig.qtbot.mouseClick(banner(rig).take_over_button, Qt.MouseButton.LeftButton)
    assert len(yes.asked) == 1 and take_over.calls == 1
    assert status(rig) == "Last: take_over: this laptop drives the show now"


def test_take_over_from_a_lost_primary_asks_nothing(rig: Rig) -> None:
    bridge = bridge_of(rig)
    take_over = TakeOver()
    bridge.take_over = take_over
    bridge.set_standing(following(connected=False, lost_since=LOST_AT))
    asker = Asker(False)
    banner(rig).confirm = asker
    rig.qtbot.mouseClick(banner(rig).take_over_button, Qt.MouseButton.LeftButton)
    assert asker.asked == [] and take_over.calls == 1


def test_ctrl_shift_t_is_the_same_take_over(rig: Rig) -> None:
    bridge = bridge_of(rig)
    take_over = TakeOver()
    bridge.take_over = take_over
    asker = Asker(True)
    banner(rig).confirm = asker
    bridge.set_standing(following())
    press_ctrl_shift_t(rig)
    assert len(asker.asked) == 1 and take_over.calls == 1
    bridge.set_standing(following(connected=False, lost_since=LOST_AT))
    press_ctrl_shift_t(rig)
    assert len(asker.asked) == 1 and take_over.calls == 2


def test_take_over_on_a_primary_is_refused_by_the_engine_and_changes_nothing(rig: Rig) -> None:
    rig.at(at(13, 30))
    rig.qtbot.keyClick(rig.window, Qt.Key.Key_Space)  # the show runs
    bridge = bridge_of(rig)
    before = bridge.state
    asker = Asker(True)
    banner(rig).confirm = asker
    press_ctrl_shift_t(rig)
    assert status(rig) == f"Not done: {words.ALREADY_PRIMARY}"
    assert asker.asked == []  # nothing to ask: the command itself says why not
    assert bridge.state.runs == before.runs and bridge.state.current == before.current
    assert bridge.state.last_command == before.last_command
    assert bridge.standing == Standing() and not banner(rig).isVisible()


def test_take_over_is_in_the_show_menu_with_its_key_and_not_on_the_toolbar(rig: Rig) -> None:
    action = rig.window.actions_by_key["take_over"]
    assert action in rig.window.show_menu.actions()
    assert [key.toString() for key in action.shortcuts()] == ["Ctrl+Shift+T"]
    assert "Ctrl+Shift+T" in action.toolTip()
    assert "take_over" not in [key for key, _action in rig.window.toolbar_rows.entries]
    others = [a for k, a in rig.window.actions_by_key.items() if k != "take_over"]
    assert all("Ctrl+Shift+T" not in [s.toString() for s in a.shortcuts()] for a in others)


def test_a_take_over_or_step_down_note_is_told_once_on_the_status_line(rig: Rig) -> None:
    bridge = bridge_of(rig)
    bridge.set_standing(Standing(epoch=Epoch(2, "b"), note="took over from 192.168.1.20:8765 (epoch 2)"))
    assert status(rig) == "took over from 192.168.1.20:8765 (epoch 2)"
    rig.window.show_notice("something else")
    bridge.set_standing(Standing(epoch=Epoch(2, "b"), backups=("192.168.1.20",),
                                 note="took over from 192.168.1.20:8765 (epoch 2)"))
    assert status(rig) == "something else"  # the same note is not told again
    bridge.set_standing(following(epoch=Epoch(3, "c"), note="stepped down: 192.168.1.21 took over (epoch 3)"))
    assert status(rig) == "stepped down: 192.168.1.21 took over (epoch 3)"


@pytest.mark.parametrize("kind", list(WINDOW_CLASSES))
def test_every_display_wears_a_following_tag_only_while_following(rig: Rig, kind: str) -> None:
    bridge = bridge_of(rig)
    window: DisplayWindow = WINDOW_CLASSES[kind](bridge)
    rig.qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    rig.qtbot.waitExposed(window)
    tag = window.following_tag
    assert not tag.isVisible()
    bridge.set_standing(following())
    assert tag.isVisible() and tag.text() == "FOLLOWING"
    # Small, in the bottom right corner, wholly inside the window.
    assert window.rect().contains(tag.geometry())
    assert tag.geometry().right() >= window.width() - 10 and tag.geometry().bottom() >= window.height() - 10
    assert tag.height() <= 0.05 * window.height() and tag.width() <= 0.15 * window.width()
    bridge.set_standing(following(connected=False, lost_since=LOST_AT))
    assert tag.isVisible()
    bridge.set_standing(Standing(epoch=Epoch(2, "b")))  # took over
    assert not tag.isVisible()
    window.close()


@pytest.mark.parametrize("kind", list(WINDOW_CLASSES))
def test_a_blacked_out_display_stays_pure_black_while_following(rig: Rig, kind: str) -> None:
    bridge = bridge_of(rig)
    window: DisplayWindow = WINDOW_CLASSES[kind](bridge)
    rig.qtbot.addWidget(window)
    window.resize(640, 360)
    window.show()
    rig.qtbot.waitExposed(window)
    assert bridge.run("blackout", {"display": kind, "on": True}).accepted  # by the primary, before it fell
    bridge.set_standing(following())  # a backup's copy of a blacked-out show
    assert not window.following_tag.isVisible()
    corner = window.grab().toImage().pixel(window.width() - 8, window.height() - 8)
    assert QColor(corner).name() == "#000000"
    bridge.set_standing(Standing(epoch=Epoch(2, "b")))  # took over, and brings the display back
    assert bridge.run("blackout", {"display": kind, "on": False}).accepted
    bridge.set_standing(following(epoch=Epoch(3, "c")))  # stepped down again
    assert window.following_tag.isVisible()
    window.close()


def test_a_backup_whose_clock_differs_from_the_primarys_says_so(qtbot: QtBot) -> None:
    from runofshow.core.clock import FakeClock
    from runofshow.io.session import ShowSession
    from tests.core.helpers import seed

    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), None), FakeClock(at(13, 30).t))
    banner = PairBanner(bridge, lambda _title, _text: True)
    qtbot.addWidget(banner)
    bridge.set_standing(Standing(Role.FOLLOWING, primary="192.168.1.20:8765", connected=True, behind_ms=0.0,
                                 clock_offset=0.4))
    assert "CLOCK" not in banner.detail.text()  # within a second: nothing to say
    bridge.set_standing(replace(bridge.standing, clock_offset=4.2))
    assert "THIS CLOCK IS 4.2 s BEHIND THE PRIMARY'S" in banner.detail.text()
    bridge.set_standing(replace(bridge.standing, clock_offset=-2.0))
    assert "THIS CLOCK IS 2.0 s AHEAD OF THE PRIMARY'S" in banner.detail.text()
