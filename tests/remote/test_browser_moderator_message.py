"""The moderator's own message in the browser: on /moderator, never on /stage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.core.helpers import at
from tests.remote.test_browser_views import View, pytestmark, view  # noqa: F401 (fixtures, skip mark)

COMMANDS = [("go", None), ("message", {"text": "Mic 3 is dead, use 4"}),
            ("message", {"text": "Take one more question", "to": "moderator"})]


def test_the_moderator_page_shows_its_message_above_the_stage_s(view: Callable[..., View],  # noqa: F811
                                                                 tmp_path: Path) -> None:
    moderator = view("moderator", at(13, 30), COMMANDS, at(13, 31))
    moderator.wait_for("document.getElementById('moderator-message') !== null")
    shown = moderator.texts("moderator-message", "message")
    assert shown == {"moderator-message": "Take one more question", "message": "On stage: Mic 3 is dead, use 4"}
    assert moderator.js("document.getElementById('moderator-message').hidden") is False
    moderator.shot(tmp_path, "web-moderator-message.png")


def test_the_stage_page_never_shows_the_moderator_s_message(view: Callable[..., View]) -> None:  # noqa: F811
    stage = view("stage", at(13, 30), COMMANDS, at(13, 31))
    assert stage.texts("message") == {"message": "Mic 3 is dead, use 4"}
    assert "Take one more question" not in stage.js("document.body.innerText")


def test_the_moderator_message_leaves_with_its_slot(view: Callable[..., View]) -> None:  # noqa: F811
    moderator = view("moderator", at(13, 30), [*COMMANDS, ("go", None)], at(13, 46))
    moderator.wait_for("document.getElementById('moderator-message') !== null")
    assert moderator.js("document.getElementById('moderator-message').hidden") is True
    assert moderator.js("document.getElementById('message').hidden") is True
