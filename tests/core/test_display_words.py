"""One wording per case (issue 12, item 7; docs/display-words.md): the speaker's, the room's and the operator's
words come from `core/phase_style.py` and agree on the state. Pure: snapshots at FakeClock-free instants."""

from __future__ import annotations

from runofshow.core.phase_style import display_word, display_words, phase_word, zone_of
from runofshow.core.show import ShowEngine, SlotPhase
from tests.core import word_cases
from tests.core.helpers import at, seed
from tests.core.test_multi_day import CONFERENCE, on


def test_past_the_planned_start_without_go_the_speaker_reads_past_not_until() -> None:
    state = word_cases.pre_show_late()
    assert state.target_remaining == -167  # the stage's digits read +02:47
    assert display_word(state) == "PAST THE PLANNED START"
    assert phase_word(state) == display_word(state)  # the operator reads the same idea


def test_before_the_planned_start_speaker_and_operator_read_until_the_planned_start() -> None:
    state = word_cases.pre_show()
    assert display_word(state) == phase_word(state) == "UNTIL THE PLANNED START"


def test_the_word_turns_past_at_the_second_the_countdown_reads_zero() -> None:
    engine = ShowEngine(seed())
    assert display_word(engine.state(at(13, 29, 59))) == "UNTIL THE PLANNED START"
    assert display_word(engine.state(at(13, 30))) == "PAST THE PLANNED START"


def test_the_room_is_never_promised_a_start_time_already_past() -> None:
    assert display_words(word_cases.pre_show()).audience == "The programme starts at 13:30"
    assert display_words(word_cases.pre_show_late()).audience == "The programme starts shortly"


def test_an_early_break_says_back_at_and_next_at_the_same_time() -> None:
    state = word_cases.break_early()
    words = display_words(state)
    assert display_word(state) == "BREAK · BACK AT 14:57"
    assert words.audience == "Break — back at 14:57" and words.audience_countdown
    assert words.next_at == "14:57"  # not the next slot's planned 15:10


def test_an_overrunning_break_never_tells_a_creeping_back_at() -> None:
    state = word_cases.break_over()
    words = display_words(state)
    assert display_word(state) == phase_word(state) == "BREAK OVER TIME"  # the digits read +03:21, in red
    assert words.audience == "Break — we resume shortly"
    assert not words.audience_countdown  # no 00:00 frozen on the projector
    assert words.next_at == ""  # the next session starts at GO, whenever that is
    later = word_cases.on_plan_until(seed(), at(14, 55)).state(at(15, 20))
    assert display_words(later) == words  # the clock moving on changes none of it


def test_after_the_show_the_operator_reads_when_it_ended_as_a_time_of_day() -> None:
    state = word_cases.finished()
    assert phase_word(state) == "ENDED AT 17:00"
    assert display_word(state) == "THE SHOW IS OVER"


def test_a_later_day_past_its_planned_start_without_go_reads_past_the_planned_start() -> None:
    engine = ShowEngine(CONFERENCE)
    engine.execute("go", on(1, 9, 0))
    engine.execute("next", on(1, 10, 0))
    engine.execute("next", on(1, 17, 0))  # day one over: day two's keynote waits for 09:00 tomorrow
    assert display_word(engine.state(on(1, 17, 5))) == "STARTS TOMORROW AT 09:00"
    late = engine.state(on(2, 9, 2))
    assert display_word(late) == "PAST THE PLANNED START"
    assert display_words(late).audience == "Up next"


def test_each_case_has_one_zone_and_the_words_of_every_zone_are_known() -> None:
    for name, make in word_cases.CASES.items():
        state = make()
        words = display_words(state)
        assert words == display_words(state, zone_of(state)), name
        assert words.speaker == display_word(state) and words.operator == phase_word(state), name
    assert zone_of(word_cases.pre_show_late()) is SlotPhase.OVERRUN
    assert zone_of(word_cases.between()) is SlotPhase.NONE
