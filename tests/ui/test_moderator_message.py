"""The moderator's own message: on the moderator's views only, never on the stage or the projector."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from runofshow.remote.snapshot_json import state_to_json
from runofshow.ui.canvas import fitted
from runofshow.ui.moderator_view import moderator_scene
from runofshow.ui.projector_view import projector_scene
from runofshow.ui.stage_view import stage_scene
from tests.ui.test_display_scenes import SIZES, state_at, texts

FOR_THE_MODERATOR = "Take one more question, then close"
ON_STAGE = "Mic 3 is dead, use 4"


def with_messages(hour: int, minute: int) -> object:
    return state_at(hour, minute, commands=(("message", {"text": ON_STAGE}),
                                            ("message", {"text": FOR_THE_MODERATOR, "to": "moderator"})))


@pytest.mark.parametrize("moment", [(15, 51), (13, 36), (14, 55)], ids=["panel", "talk", "break"])
def test_the_moderator_view_shows_the_moderator_message_and_the_stage_and_projector_do_not(
        qtbot: QtBot, moment: tuple[int, int]) -> None:
    state = with_messages(*moment)
    assert FOR_THE_MODERATOR in texts(moderator_scene(state))  # type: ignore[arg-type]
    assert FOR_THE_MODERATOR not in texts(stage_scene(state, False))  # type: ignore[arg-type]
    assert FOR_THE_MODERATOR not in texts(projector_scene(state))  # type: ignore[arg-type]
    assert ON_STAGE in texts(stage_scene(state, False))  # type: ignore[arg-type]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_moderator_message_fits_with_the_panel_at_every_size(qtbot: QtBot, size: tuple[int, int]) -> None:
    for moment in ((15, 51), (13, 36)):
        for placed in fitted(moderator_scene(with_messages(*moment)), *size):  # type: ignore[arg-type]
            assert placed.fits and placed.pixel_size >= 10, (placed.item.text, placed.pixel_size)


def test_the_snapshot_json_carries_both_messages_and_their_pins_apart() -> None:
    state = state_at(13, 36, commands=(("message", {"text": ON_STAGE, "pin": True}),
                                       ("message", {"text": FOR_THE_MODERATOR, "to": "moderator"})))
    data = state_to_json(state)
    assert data["message"] == ON_STAGE and data["message_pinned"] is True
    assert data["moderator_message"] == FOR_THE_MODERATOR and data["moderator_message_pinned"] is False
