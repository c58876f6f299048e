"""No display covers another (issue 12, item 2): the pure rules of runofshow/qt/placement.py."""

from __future__ import annotations

from runofshow.qt.placement import DisplayChoice, Placement, ScreenInfo, place_all

LAPTOP = ScreenInfo("LAPTOP", 0, 0, 1366, 768)
HDMI = ScreenInfo("HDMI-1", 1366, 0, 1920, 1080)
SECOND = ScreenInfo("HDMI-2", 3286, 0, 1280, 720)
SHOWN = DisplayChoice(visible=True)


def test_the_speaker_countdown_never_goes_full_screen_over_the_projector() -> None:
    placed = place_all({"projector": SHOWN, "stage": SHOWN, "moderator": DisplayChoice()}, [LAPTOP, HDMI], "LAPTOP")
    assert placed["projector"] == Placement("HDMI-1", True, fallback=False)
    assert placed["stage"] == Placement("LAPTOP", False, fallback=False, displaced=True, cascade=0)
    assert placed["moderator"] is None


def test_the_order_a_display_was_shown_in_does_not_matter_the_room_keeps_its_screen() -> None:
    placed = place_all({"stage": SHOWN, "projector": SHOWN}, [LAPTOP, HDMI], "LAPTOP")
    assert placed["projector"] is not None and placed["projector"].screen == "HDMI-1"
    assert placed["stage"] is not None and placed["stage"].screen == "LAPTOP" and not placed["stage"].fullscreen


def test_each_display_gets_a_free_screen_while_there_is_one() -> None:
    placed = place_all({"projector": SHOWN, "stage": SHOWN}, [LAPTOP, HDMI, SECOND], "LAPTOP")
    assert (placed["projector"], placed["stage"]) == (Placement("HDMI-1", True, fallback=False),
                                                      Placement("HDMI-2", True, fallback=False))


def test_a_screen_chosen_by_the_operator_is_kept_and_an_unassigned_display_goes_elsewhere() -> None:
    chosen = DisplayChoice(screen="HDMI-1", fullscreen=True, visible=True)
    placed = place_all({"projector": SHOWN, "stage": chosen}, [LAPTOP, HDMI, SECOND], "LAPTOP")
    assert placed["stage"] == Placement("HDMI-1", True, fallback=False)
    assert placed["projector"] == Placement("HDMI-2", True, fallback=False)


def test_two_displays_chosen_full_screen_on_one_screen_the_room_keeps_it() -> None:
    both = DisplayChoice(screen="HDMI-1", fullscreen=True, visible=True)
    placed = place_all({"projector": both, "stage": both}, [LAPTOP, HDMI], "LAPTOP")
    assert placed["projector"] == Placement("HDMI-1", True, fallback=False)
    assert placed["stage"] == Placement("LAPTOP", False, fallback=False, displaced=True, cascade=0)


def test_full_screen_on_the_operators_own_screen_is_a_window_instead() -> None:
    own = DisplayChoice(screen="LAPTOP", fullscreen=True, visible=True)
    placed = place_all({"stage": own}, [LAPTOP, HDMI], "LAPTOP")
    assert placed["stage"] == Placement("LAPTOP", False, fallback=False, displaced=True, cascade=0)


def test_with_one_screen_the_displays_are_cascaded_windows() -> None:
    placed = place_all({"projector": SHOWN, "stage": SHOWN, "moderator": SHOWN}, [LAPTOP], "LAPTOP")
    assert [(p.screen, p.fullscreen, p.cascade) for p in placed.values() if p is not None] == [
        ("LAPTOP", False, 0), ("LAPTOP", False, 1), ("LAPTOP", False, 2)]
