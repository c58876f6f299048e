"""The snapshot carries every display's words (docs/display-words.md), and nothing in it creeps with the clock."""

from __future__ import annotations

from runofshow.core.phase_style import display_words
from runofshow.remote.snapshot_json import content_key, state_to_json
from tests.core import word_cases
from tests.core.helpers import at, seed


def test_an_overrunning_break_pushes_no_news_as_the_clock_moves_on() -> None:
    # A "back at" that crept with the clock changed the snapshot's content every second: pushed as news,
    # and shown by any client that read it as a time already past.
    engine = word_cases.on_plan_until(seed(), at(14, 55))
    first, later = engine.state(at(15, 13, 21)), engine.state(at(15, 20))
    assert content_key(state_to_json(first)) == content_key(state_to_json(later))
    assert state_to_json(first)["target_text"] == "15:10"  # when the break was due to end, not now


def test_the_snapshot_has_the_words_of_each_zone_its_countdown_can_still_enter() -> None:
    for name, make in word_cases.CASES.items():
        state = make()
        snapshot = state_to_json(state)
        assert snapshot["words"][snapshot["words_zone"]]["speaker"] == display_words(state).speaker, name
        assert snapshot["phase_word"] == display_words(state).speaker, name
    before = state_to_json(word_cases.pre_show())
    assert before["words_clock"] == "target" and before["words"]["overrun"]["speaker"] == "PAST THE PLANNED START"
    assert list(state_to_json(word_cases.break_over())["words"]) == ["overrun"]
