"""What each part of the operator window shows in each phase of the show."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from runofshow.core.phase_style import PAUSED_COLOUR, PHASE_COLOURS
from runofshow.ui.rundown import COLUMNS
from tests.core.helpers import at
from tests.ui.conftest import Rig


def cell(rig: Rig, row: int, column: str) -> str:
    model = rig.window.rundown_model
    return str(model.data(model.index(row, COLUMNS.index(column)), Qt.ItemDataRole.DisplayRole))


def timer_colour(rig: Rig) -> str:
    return rig.window.now_panel.timer.styleSheet()


def test_before_the_show(rig: Rig) -> None:
    panel = rig.window.now_panel
    assert panel.heading.text() == "BEFORE THE SHOW"
    assert panel.timer.text() == "10:00"  # 13:20, the programme starts at 13:30
    assert panel.phase.text() == "UNTIL THE PLANNED START"  # what the timer counts, as the stage says it
    assert panel.detail.text() == "planned start 13:30 · press GO to begin"
    assert panel.clock.text() == "13:20:00"
    assert "Welcoming remarks" in panel.next.text()
    assert panel.plan.text() == "● on time · projected end 17:00:00"
    assert cell(rig, 0, "Status") == "next"


@pytest.mark.parametrize(
    ("moment", "timer", "word", "colour"),
    [
        ((13, 35, 0), "10:00", "ON TIME", PHASE_COLOURS["normal"]),
        ((13, 43, 30), "01:30", "WRAP UP", PHASE_COLOURS["warning"]),
        ((13, 45, 0), "00:00", "OVER TIME", PHASE_COLOURS["overrun"]),
        ((13, 46, 30), "+01:30", "OVER TIME", PHASE_COLOURS["overrun"]),
    ],
)
def test_the_timer_in_each_phase_has_its_colour_and_its_word(
    rig: Rig, moment: tuple[int, int, int], timer: str, word: str, colour: str
) -> None:
    rig.at(at(13, 30))
    rig.controller.bridge.run("go")  # type: ignore[union-attr]
    rig.at(at(*moment))
    panel = rig.window.now_panel
    assert panel.timer.text() == timer
    assert panel.phase.text() == word
    assert colour in timer_colour(rig) and colour in panel.phase.styleSheet()
    assert panel.title.text() == "Welcoming remarks"
    assert panel.speakers.text() == "Anders H. Eide, Norwegian ambassador to the EU"
    assert panel.heading.text() == "NOW · REMARKS · 13:30–13:45"


def test_paused_is_blue_and_says_so(rig: Rig) -> None:
    rig.at(at(13, 30))
    rig.controller.bridge.run("go")  # type: ignore[union-attr]
    rig.controller.bridge.run("pause")  # type: ignore[union-attr]
    assert rig.window.now_panel.phase.text() == "PAUSED"
    assert PAUSED_COLOUR in timer_colour(rig)
    assert rig.window.actions_by_key["pause"].text() == "Resume"


def test_drift_and_projected_end_are_shown(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 30))
    bridge.run("go")
    rig.at(at(13, 49, 30))
    bridge.run("next")
    rig.at(at(13, 55, 30))
    assert rig.window.now_panel.plan.text() == "▼ 4:30 behind · projected end 17:04:30"


def test_the_rundown_shows_status_actual_times_and_over_under(rig: Rig) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 31))
    bridge.run("go")
    rig.at(at(13, 47))
    bridge.run("next")
    rig.at(at(13, 50))
    assert [cell(rig, row, "Status") for row in range(4)] == ["✓ done", "▶ NOW", "next", ""]
    assert cell(rig, 0, "Actual start") == "13:31:00" and cell(rig, 0, "Actual end") == "13:47:00"
    assert cell(rig, 0, "Over/under") == "+1:00"
    assert cell(rig, 1, "Actual start") == "13:47:00" and cell(rig, 2, "Title").startswith("EC strategic")
    assert cell(rig, 7, "Speakers") == "Ingebjørg Harto, András G. Inotai, Ståle Moe, Massimo Busuoli, Anne Romsaas"
    bridge.run("goto", {"slot": "break"})
    assert cell(rig, 2, "Status") == "skipped"


def test_the_current_slots_private_notes_are_visible(rig: Rig) -> None:
    rig.at(at(15, 40))
    rig.controller.bridge.run("goto", {"slot": "policy-panel"})  # type: ignore[union-attr]
    assert "Cut to Q&A at 15:59" in rig.window.notes.toPlainText()
    rig.controller.bridge.run("next")  # type: ignore[union-attr]
    assert rig.window.notes.toPlainText() == ""


def test_the_panel_shows_its_cues_and_what_comes_next(rig: Rig) -> None:
    rig.at(at(15, 40))
    rig.controller.bridge.run("goto", {"slot": "policy-panel"})  # type: ignore[union-attr]
    rig.at(at(15, 41))
    panel = rig.window.now_panel
    assert panel.cue.text() == "Cue 1/7: Introduction by the moderator — Ingebjørg Harto, LUP  02:00"
    assert panel.next_cue.text() == "Next cue: Opening statement — András G. Inotai"
    assert panel.speakers.text().startswith("Moderator: Ingebjørg Harto · Panel: András G. Inotai")


def test_a_break_says_when_the_show_is_back(rig: Rig) -> None:
    rig.at(at(14, 50))
    rig.controller.bridge.run("goto", {"slot": "break"})  # type: ignore[union-attr]
    rig.at(at(14, 55))
    assert rig.window.now_panel.phase.text() == "BREAK · BACK AT 15:10"  # once: the detail does not repeat it
    assert rig.window.now_panel.detail.text() == "5:00 of 20:00"


def test_the_rundown_follows_the_current_slot(rig: Rig) -> None:
    rig.window.resize(1200, 500)
    rig.at(at(16, 15))
    rig.controller.bridge.run("goto", {"slot": "reception"})  # type: ignore[union-attr]
    view = rig.window.rundown
    rect = view.visualRect(view.model().index(9, 0))
    assert view.viewport().rect().intersects(rect)


def test_a_journal_that_cannot_be_written_shows_in_red_in_the_status_bar(rig: Rig, tmp_path: Path) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    blocker = tmp_path / "blocked"
    blocker.write_text("")
    bridge.session.state_dir = blocker
    bridge.session.journal = None
    bridge.run("go")
    assert not rig.window.journal_trouble.isHidden()
    assert rig.window.journal_trouble.text().startswith("⚠ RECORD NOT SAVED")
    assert bridge.state.current is not None


@pytest.mark.parametrize("size", [(1024, 640), (1920, 1080)])
def test_the_window_renders_in_every_phase(rig: Rig, tmp_path: Path, size: tuple[int, int]) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.window.resize(*size)
    moments = [("pre-show", at(13, 20), None), ("running", at(13, 31), "go"), ("warning", at(13, 44), None),
               ("overrun", at(13, 47), None), ("panel", at(15, 42), "goto"), ("finished", at(17, 1), "finish")]
    for name, moment, command in moments:
        rig.at(moment)
        if command == "goto":
            bridge.run("goto", {"slot": "policy-panel"})
        elif command == "finish":
            bridge.run("goto", {"slot": "reception"})
            bridge.run("next")
        elif command:
            bridge.run(command)
        path = tmp_path / f"operator-{name}-{size[0]}x{size[1]}.png"
        assert rig.window.grab().save(str(path))
        assert path.stat().st_size > 10_000
