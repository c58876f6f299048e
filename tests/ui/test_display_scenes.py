"""What the projector, the speaker countdown and the moderator view show in each phase, at any size."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from runofshow.core.phase_style import PAUSED_COLOUR, PHASE_COLOURS
from runofshow.core.show import ShowEngine, ShowState
from runofshow.ui.canvas import Scene, fitted
from runofshow.ui.display_base import DisplayOptions, is_flashing
from runofshow.ui.moderator_view import moderator_scene
from runofshow.ui.projector_view import projector_scene
from runofshow.ui.stage_view import stage_scene
from tests.core.helpers import at, seed

SIZES = [(800, 480), (1280, 720), (1920, 1080), (3840, 2160), (1080, 1920)]


def state_at(hour: int, minute: int, second: float = 0, *, commands: tuple[tuple[str, dict], ...] = ()) -> ShowState:
    """The seed show run on plan (roll mode) up to this moment, then the given commands."""
    engine = ShowEngine(seed())
    engine.execute("roll", at(13, 29), {"on": True})
    moment = at(hour, minute, second)
    engine.execute("roll", moment, {"on": False})
    for name, args in commands:
        assert engine.execute(name, moment, args).accepted, name
    return engine.state(moment)


PHASES = {
    "pre-show": lambda: ShowEngine(seed()).state(at(13, 20)),
    "talk": lambda: state_at(13, 36),
    "warning": lambda: state_at(13, 44),
    "overrun": lambda: state_at(13, 44, commands=(("pause", {}), ("resume", {}), ("add_time", {"seconds": -120}))),
    "paused": lambda: state_at(14, 5, commands=(("pause", {}),)),
    "message": lambda: state_at(14, 5, commands=(("message", {"text": "Please wrap up, the panel is waiting"}),)),
    "break": lambda: state_at(14, 55),
    "panel": lambda: state_at(15, 51),
    "reception": lambda: state_at(16, 20),
    "finished": lambda: state_at(17, 5),
    "between": lambda: state_at(14, 5, commands=(("reset", {}),)),
    "panel-between": lambda: state_at(15, 45, commands=(("reset", {}),)),
}
VIEWS = {"stage": lambda s: stage_scene(s, False), "projector": projector_scene, "moderator": moderator_scene}


def texts(scene: Scene) -> list[str]:
    return [item.text for item in scene.texts if item.text]


def colour_of(scene: Scene, text: str) -> str:
    return next(item.colour for item in scene.texts if item.text == text)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("view", list(VIEWS))
def test_text_fits_every_window_size_in_every_phase(qtbot: QtBot, view: str, size: tuple[int, int]) -> None:
    width, height = size
    for phase, make in PHASES.items():
        for placed in fitted(VIEWS[view](make()), width, height):
            assert placed.fits, (view, phase, placed.item.text, placed.pixel_size)
            assert placed.pixel_size >= 10, (view, phase, placed.item.text)


@pytest.mark.parametrize("size", [(800, 480), (1920, 1080), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_speaker_countdown_is_huge_at_every_size(qtbot: QtBot, size: tuple[int, int]) -> None:
    width, height = size
    scene = stage_scene(PHASES["talk"](), False)
    digits = next(p for p in fitted(scene, width, height) if p.item.digits and p.item.text == "09:00")
    # About a third of the screen height: on a 1080p monitor 10 m away, digits of 300+ pixels.
    assert digits.pixel_size >= 0.3 * height


def test_the_stage_shows_the_countdown_in_its_phase_colour_with_a_word(qtbot: QtBot) -> None:
    for phase, digits, word, colour in [
        ("talk", "09:00", "ON TIME", PHASE_COLOURS["normal"]),
        ("warning", "01:00", "WRAP UP", PHASE_COLOURS["warning"]),
        ("overrun", "+01:00", "OVER TIME", PHASE_COLOURS["overrun"]),
        ("paused", "15:00", "PAUSED", PAUSED_COLOUR),
    ]:
        scene = stage_scene(PHASES[phase](), False)
        assert digits in texts(scene) and word in texts(scene), (phase, texts(scene))
        assert colour_of(scene, digits) == colour and colour_of(scene, word) == colour


def test_the_stage_shows_speaker_title_next_and_the_time_of_day(qtbot: QtBot) -> None:
    shown = texts(stage_scene(PHASES["talk"](), False))
    assert "Welcoming remarks" in shown and "Anders H. Eide" in shown and "13:36:00" in shown
    assert any(t.startswith("Next 13:45: Ingebjørg Harto — Innovation procurement") for t in shown)


def test_the_stage_message_is_an_overlay_above_the_countdown(qtbot: QtBot) -> None:
    scene = stage_scene(PHASES["message"](), False)
    assert "Please wrap up, the panel is waiting" in texts(scene)
    assert any(fill.colour == "#ffd60a" for fill in scene.fills)
    assert "15:00" in texts(scene)  # the countdown stays, smaller


def test_the_stage_flash_turns_the_whole_screen_bright_and_blinks_at_zero(qtbot: QtBot) -> None:
    flashing = stage_scene(PHASES["warning"](), True)
    assert flashing.background == PHASE_COLOURS["warning"]
    assert all(item.colour == "#000000" for item in flashing.texts)
    engine = ShowEngine(seed())
    engine.execute("go", at(13, 30))
    zero = engine.state(at(13, 45, 2))  # 2 s over: within the flash-at-zero window
    assert is_flashing(zero, DisplayOptions(flash_at_zero=True))
    assert not is_flashing(zero, DisplayOptions(flash_at_zero=False))
    assert not is_flashing(engine.state(at(13, 45, 6)), DisplayOptions(flash_at_zero=True))


def test_the_stage_before_the_show_and_in_the_break(qtbot: QtBot) -> None:
    before = texts(stage_scene(PHASES["pre-show"](), False))
    assert "10:00" in before and "UNTIL THE PLANNED START" in before
    pause = texts(stage_scene(PHASES["break"](), False))
    assert "BREAK · BACK AT 15:10" in pause and "15:00" in pause


def test_the_projector_welcome_lists_the_programme(qtbot: QtBot) -> None:
    shown = texts(projector_scene(PHASES["pre-show"]()))
    assert "Welcome" in shown and "The programme starts at 13:30" in shown
    programme = next(t for t in shown if t.startswith("13:30"))
    assert programme.count("\n") == 9 and "16:15   Drinks Reception" in programme
    assert "Issues we will address" in shown
    topics = next(t for t in shown if t.startswith("• "))
    assert "• How to move beyond pilots and prototypes and move to innovation uptake at scale?" in topics
    assert "Norway House · Rue Archimède 17, 1000 Brussels · 30 November 2023" in shown


def test_the_projector_shows_the_session_and_its_speakers_like_a_lower_third(qtbot: QtBot) -> None:
    shown = texts(projector_scene(PHASES["talk"]()))
    assert "Welcoming remarks" in shown and "Anders H. Eide" in shown
    assert "Norwegian ambassador to the EU" in shown
    two = texts(projector_scene(state_at(15, 20)))
    assert "Ann-Helen Moum — CDO, Kristiansand municipality\nStåle Moe — CEO, Tellu AS" in two


def test_the_projector_in_the_break_says_when_it_is_back(qtbot: QtBot) -> None:
    shown = texts(projector_scene(PHASES["break"]()))
    assert "Break — back at 15:10" in shown and "15:00" in shown
    assert any(t.startswith("Next: Delivering better health") for t in shown)


def test_the_projector_panel_reception_and_goodbye(qtbot: QtBot) -> None:
    panel = texts(projector_scene(PHASES["panel"]()))
    assert "Moderated by Ingebjørg Harto, LUP" in panel
    assert "András G. Inotai — EC\nStåle Moe — Tellu AS\nMassimo Busuoli — NTNU\nAnne Romsaas — KS" in panel
    assert "Thank you for joining us" in texts(projector_scene(PHASES["reception"]()))
    assert "Thank you" in texts(projector_scene(PHASES["finished"]()))


def test_no_stage_managers_notes_reach_a_public_display(qtbot: QtBot) -> None:
    notes = seed().slots[7].notes
    for view in VIEWS.values():
        assert all(notes not in t for t in texts(view(PHASES["panel"]())))


def test_the_moderator_sees_the_panel_the_turn_and_when_to_cut_to_questions(qtbot: QtBot) -> None:
    shown = texts(moderator_scene(PHASES["panel"]()))
    assert "Now: Massimo Busuoli: Opening statement" in shown
    assert "04:00" in shown  # the cue's time left
    assert "19:00" in shown  # the panel's time left
    assert "Next: Anne Romsaas: Opening statement" in shown
    people = next(t for t in shown if "(moderator)" in t)
    assert "▶ 3. Massimo Busuoli, NTNU" in people and "1. András G. Inotai, EC" in people
    order = next(t for t in shown if "Questions and answers" in t)
    assert "15:59  Questions and answers" in order and "16:10  Close the panel" in order
    assert "After this: 16:10 Closing remarks" in shown


def test_the_moderator_cue_turns_amber_then_red(qtbot: QtBot) -> None:
    late_in_turn = moderator_scene(state_at(15, 54, 40))  # 20 s left of Busuoli's turn
    assert colour_of(late_in_turn, "00:20") == PHASE_COLOURS["warning"]


def test_the_moderator_view_outside_a_panel_shows_current_and_next(qtbot: QtBot) -> None:
    shown = texts(moderator_scene(PHASES["talk"]()))
    assert "Welcoming remarks" in shown and "09:00" in shown
    assert "After this: 13:45 Innovation procurement, challenges and possibilities for Europe; what's the " \
           "status in Norway?" in shown


def test_the_speaker_is_never_told_to_press_go_nor_shown_a_time_of_day_as_a_countdown(qtbot: QtBot) -> None:
    between = texts(stage_scene(PHASES["between"](), False))
    assert "STANDBY" in between and "READY: PRESS GO" not in between
    finished = stage_scene(PHASES["finished"](), False)
    assert "THE SHOW IS OVER" in texts(finished)
    assert not [item for item in finished.texts if item.digits and item.text and ":" in item.text
                and item.box.h > 0.3]  # no big digits after the show


def test_in_a_gap_of_the_plan_the_stage_counts_down_to_the_next_start(qtbot: QtBot) -> None:
    from tests.core.helpers import agenda_from

    engine = ShowEngine(agenda_from("  - {title: A, start: 14:00, end: 14:20}\n"
                                    "  - {title: B, start: 14:30, end: 15:00}\n"))
    engine.execute("roll", at(14, 0), {"on": True})
    shown = texts(stage_scene(engine.state(at(14, 27)), False))
    assert "STARTS AT 14:30" in shown and "03:00" in shown


def test_the_moderator_says_when_the_break_ends_like_the_stage(qtbot: QtBot) -> None:
    assert "BREAK · BACK AT 15:10" in texts(moderator_scene(PHASES["break"]()))
    assert "BREAK · BACK AT 15:10" in texts(stage_scene(PHASES["break"](), False))


def test_a_panel_up_next_names_its_moderator_apart_from_the_panellists(qtbot: QtBot) -> None:
    engine = ShowEngine(seed())
    engine.execute("goto", at(15, 40), {"slot": "policy-panel"})
    engine.execute("reset", at(15, 40))
    shown = texts(projector_scene(engine.state(at(15, 40))))
    assert "Moderated by Ingebjørg Harto, LUP" in shown
    assert not any(t.startswith("Ingebjørg Harto —") for t in shown)
