"""The words each Qt display shows in each case of docs/display-words.md (issue 12, item 7)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from runofshow.core.phase_style import display_word
from runofshow.ui.canvas import Scene
from runofshow.ui.moderator_view import moderator_scene
from runofshow.ui.now_panel import NowPanel
from runofshow.ui.projector_view import projector_scene
from runofshow.ui.stage_view import stage_scene
from tests.core import word_cases
from tests.core.word_cases import CASES

VIEWS = {"stage": lambda s: stage_scene(s, False), "projector": projector_scene, "moderator": moderator_scene}


def texts(scene: Scene) -> list[str]:
    return [item.text for item in scene.texts if item.text]


def digits(scene: Scene) -> list[str]:
    return [item.text for item in scene.texts if item.text and item.digits]


def operator_texts(qtbot: QtBot, case: str) -> dict[str, str]:
    panel = NowPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.update_state(CASES[case]())
    labels = {"heading": panel.heading, "title": panel.title, "speakers": panel.speakers, "timer": panel.timer,
              "phase": panel.phase, "detail": panel.detail, "next": panel.next, "plan": panel.plan}
    return {name: label.text() for name, label in labels.items()}


# -- before the start, without GO --------------------------------------------------------------------------


def test_the_stage_past_the_planned_start_reads_past_not_until(qtbot: QtBot) -> None:
    shown = texts(stage_scene(word_cases.pre_show_late(), False))
    assert "+02:47" in shown and "PAST THE PLANNED START" in shown
    assert "UNTIL THE START" not in shown


def test_the_moderator_past_the_planned_start_says_what_its_digits_count(qtbot: QtBot) -> None:
    shown = texts(moderator_scene(word_cases.pre_show_late()))
    assert "+02:47" in shown and "PAST THE PLANNED START" in shown


def test_the_room_past_the_planned_start_is_not_told_a_start_time_in_the_past(qtbot: QtBot) -> None:
    shown = texts(projector_scene(word_cases.pre_show_late()))
    assert "The programme starts shortly" in shown
    assert not any("13:30" in text and "starts" in text for text in shown)


def test_the_operator_before_the_show_says_before_the_show_once(qtbot: QtBot) -> None:
    before = operator_texts(qtbot, "pre-show")
    assert sum("BEFORE THE SHOW" in text for text in before.values()) == 1
    assert before["timer"] == "10:00" and before["phase"] == "UNTIL THE PLANNED START"
    late = operator_texts(qtbot, "pre-show-late")
    assert late["timer"] == "+02:47" and late["phase"] == "PAST THE PLANNED START"  # as the stage reads it


# -- a break started early: one "back at" ---------------------------------------------------------------------


def test_the_stage_in_an_early_break_says_next_at_the_time_it_says_back_at(qtbot: QtBot) -> None:
    shown = texts(stage_scene(word_cases.break_early(), False))
    assert "BREAK · BACK AT 14:57" in shown
    assert any(text.startswith("Next 14:57: ") for text in shown), shown
    assert not any("15:10" in text for text in shown)


def test_the_moderator_in_an_early_break_says_after_this_at_the_back_at_time(qtbot: QtBot) -> None:
    shown = texts(moderator_scene(word_cases.break_early()))
    assert "BREAK · BACK AT 14:57" in shown
    assert any(text.startswith("After this: 14:57 ") for text in shown), shown


def test_the_operator_in_an_early_break_has_next_at_back_at_and_the_plan_beside_it(qtbot: QtBot) -> None:
    shown = operator_texts(qtbot, "break-early")
    assert shown["phase"] == "BREAK · BACK AT 14:57"
    assert "NEXT 14:57 (planned 15:10)" in shown["next"]
    assert "back at" not in shown["detail"]  # said once, by the phase word


# -- a break over its time --------------------------------------------------------------------------------------


def test_the_projector_in_an_overrunning_break_shows_no_frozen_zero_and_no_back_at(qtbot: QtBot) -> None:
    scene = projector_scene(word_cases.break_over())
    shown = texts(scene)
    assert "Break — we resume shortly" in shown
    assert digits(scene) == []  # never 00:00 frozen
    assert not any("back at" in text.lower() for text in shown)


def test_the_stage_in_an_overrunning_break_counts_up_and_says_break_over_time(qtbot: QtBot) -> None:
    shown = texts(stage_scene(word_cases.break_over(), False))
    assert "+03:21" in shown and "BREAK OVER TIME" in shown
    assert not any("BACK AT" in text for text in shown)
    assert any(text.startswith("Next: Ann-Helen Moum") for text in shown), shown  # no time: it starts at GO


def test_the_operator_in_an_overrunning_break_has_no_creeping_back_at(qtbot: QtBot) -> None:
    shown = operator_texts(qtbot, "break-over")
    assert shown["timer"] == "+03:21" and shown["phase"] == "BREAK OVER TIME"
    assert "back at" not in shown["detail"].lower()


# -- a later day, and after the show ------------------------------------------------------------------------------


def test_the_moderator_counts_down_to_a_later_day_as_the_stage_does(qtbot: QtBot) -> None:
    state = word_cases.later_day()
    assert "15:55:00" in digits(stage_scene(state, False))
    assert "15:55:00" in digits(moderator_scene(state))


def test_after_the_show_the_operator_has_no_big_digits_that_read_like_a_timer(qtbot: QtBot) -> None:
    shown = operator_texts(qtbot, "finished")
    assert shown["timer"] == ""
    assert shown["phase"] == "ENDED AT 17:00"  # the time of day, labelled
    assert shown["heading"] == "THE SHOW IS OVER"
    assert "SHOW OVER" not in shown["phase"]


# -- every case, every display ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(CASES))
def test_no_sentence_appears_twice_on_one_screen(qtbot: QtBot, case: str) -> None:
    state = CASES[case]()
    for view, scene_of in VIEWS.items():
        shown = [text.casefold() for text in texts(scene_of(state))]
        assert len(shown) == len(set(shown)), (view, case, shown)
    operator = [text.casefold() for text in operator_texts(qtbot, case).values() if text]
    assert len(operator) == len(set(operator)), (case, operator)


@pytest.mark.parametrize("case", list(CASES))
def test_the_stage_and_the_moderator_say_the_same_word_as_the_core(qtbot: QtBot, case: str) -> None:
    state = CASES[case]()
    word = display_word(state)
    assert word in texts(stage_scene(state, False)), case
    if case not in ("finished",):  # the moderator says "The show is over" as its headline instead
        assert word in texts(moderator_scene(state)), case
