"""The slot dialog on a small operator screen (1024×600): its fields scroll, OK and Cancel stay on the screen;
the crew cues get a whole row each, so a long cue can be read while it is typed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from runofshow.core.show import Outcome
from runofshow.ui.slot_dialog import SlotDialog
from tests.ui.crew_agenda import CREW_COLUMNS, crew_agenda

SMALL_SCREEN_ROOM = 600 - 60  # 1024×600, less a panel and the dialog's title bar


def dialog_for(qtbot: QtBot, slot_id: str, room: int) -> SlotDialog:
    slot = next(slot for slot in crew_agenda().slots if slot.id == slot_id)
    dialog = SlotDialog(lambda name, args: Outcome(True, "done"), slot, crew_columns=CREW_COLUMNS)
    qtbot.addWidget(dialog)
    dialog.fit_height(room)
    dialog.show()
    QApplication.processEvents()
    return dialog


@pytest.mark.parametrize("slot_id", ["policy-panel", "status-norway"])
def test_on_a_1024x600_screen_the_fields_scroll_and_ok_stays_on_it(qtbot: QtBot, slot_id: str) -> None:
    dialog = dialog_for(qtbot, slot_id, SMALL_SCREEN_ROOM)
    assert dialog.height() <= SMALL_SCREEN_ROOM
    ok = dialog.ok_button
    assert ok is not None and ok.mapTo(dialog, ok.rect().bottomLeft()).y() <= dialog.height()
    assert dialog.fields_area.verticalScrollBar().maximum() > 0  # the rest is reached by scrolling
    dialog.grab().save(f"/tmp/slot-dialog-{slot_id}-1024x600.png")


def test_on_a_tall_screen_every_field_shows_without_scrolling(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "policy-panel", 1400)
    assert dialog.fields_area.verticalScrollBar().maximum() == 0


def test_each_crew_cue_has_a_whole_row(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, "policy-panel", 1400)
    fields = list(dialog.crew.values())
    lefts = {field.mapTo(dialog, field.rect().topLeft()).x() for field in fields}
    tops = [field.mapTo(dialog, field.rect().topLeft()).y() for field in fields]
    assert len(lefts) == 1 and tops == sorted(set(tops))  # one under another, all starting at one edge
    assert all(field.width() >= dialog.title.width() - 80 for field in fields)  # about as wide as the title
