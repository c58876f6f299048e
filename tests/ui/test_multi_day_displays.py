"""Time at the edges on the displays (issue 11): overnight in a multi-day show, and a DST night."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from runofshow.core.clock import Instant
from runofshow.core.phase_style import display_word
from runofshow.core.show import ShowEngine, ShowState
from runofshow.ui.moderator_view import cue_schedule, moderator_scene
from runofshow.ui.projector_view import projector_scene
from runofshow.ui.stage_view import stage_scene
from tests.core.helpers import agenda_from
from tests.core.test_multi_day import CONFERENCE, on


def overnight() -> ShowState:
    engine = ShowEngine(CONFERENCE)
    engine.execute("go", on(1, 9, 0))
    engine.execute("next", on(1, 10, 0))
    engine.execute("next", on(1, 17, 5))
    return engine.state(on(1, 17, 5))


def test_the_speaker_and_moderator_read_when_tomorrow_begins(qtbot: QtBot) -> None:
    state = overnight()
    assert display_word(state) == "STARTS TOMORROW AT 09:00"
    stage = [item.text for item in stage_scene(state, False).texts]
    assert "15:55:00" in stage and "STARTS TOMORROW AT 09:00" in stage
    assert "STARTS TOMORROW AT 09:00" in [item.text for item in moderator_scene(state).texts]


def test_the_room_reads_that_the_next_session_starts_tomorrow(qtbot: QtBot) -> None:
    shown = [item.text for item in projector_scene(overnight()).texts]
    assert "Starting tomorrow at 09:00" in shown and "Day two keynote" in shown


def test_after_a_rest_day_the_day_is_named() -> None:
    with_rest_day = agenda_from("""  - {id: a, title: Day one, start: 09:00, end: 17:00}
  - {id: b, title: Day three, date: 2023-12-02, start: 09:00, end: 17:00}
""")
    engine = ShowEngine(with_rest_day)
    engine.execute("go", on(1, 9, 0))
    engine.execute("next", on(1, 17, 0))
    assert display_word(engine.state(on(1, 17, 0))) == "STARTS SAT 2 DEC AT 09:00"


def test_the_moderators_cue_times_count_real_time_across_the_spring_change() -> None:
    text = """  - id: panel
    title: Night panel
    kind: panel
    start: 01:30
    end: 04:00
    moderator: {name: M}
    panellists: [{name: A}]
    cues:
      - {title: Opening, duration: 45m}
      - {title: Questions, duration: 45m}
"""
    agenda = agenda_from(text, date="2024-03-31")
    engine = ShowEngine(agenda)
    start = agenda.slots[0].start.timestamp()
    engine.execute("go", Instant(start, start))
    state = engine.state(Instant(start + 600, start + 600))
    # 01:30 + 45 min is 02:15, which does not exist that night: the clocks read 03:15.
    assert cue_schedule(state).splitlines() == ["▶ 01:30  Opening", "   03:15  Questions", "   04:00  Close the panel"]


def test_the_projector_footer_reads_the_day_being_played(qtbot: QtBot) -> None:
    engine = ShowEngine(CONFERENCE)
    engine.execute("goto", on(3, 9, 0), {"slot": "k3"})
    shown = [item.text for item in projector_scene(engine.state(on(3, 9, 10))).texts]
    assert any(text.endswith("2 December 2023") for text in shown)
    assert not any("30 November 2023" in text for text in shown)
