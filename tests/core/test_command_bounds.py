"""Every argument is bounded where it enters the command table, and no accepted command breaks a snapshot."""

from __future__ import annotations

import json
import math
import time
from datetime import datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.commands import COMMANDS, DISPLAYS, CommandSpec, Param, check_arguments
from runofshow.core.show import ShowEngine, ShowPhase, ShowState
from tests.core.helpers import agenda_from, at, seed

DAY = 24 * 3600
WEEK = 7 * DAY

SEED = seed()

# Three days: a slot on the first day, a break on the second, the last slot on the third.
MULTI_DAY = agenda_from("""\
  - {id: opening, title: Opening, start: 09:00, end: 10:00}
  - {id: lunch, title: Lunch, kind: break, date: 2023-12-01, start: 12:00, end: 13:00}
  - {id: closing, title: Closing, date: 2023-12-02, start: 16:00, end: 17:00}
""")


def assert_valid(state: ShowState) -> None:
    """What every view and the network need from a snapshot: real times of day, finite numbers, UTF-8 text."""
    moments = {"time_of_day": state.time_of_day, "projected_end": state.projected_end, "target": state.target,
               "planned_start": state.planned_start}
    for name, moment in moments.items():
        if moment is not None:
            assert isinstance(moment, datetime), name
            assert moment.isoformat(), name
    numbers = {"elapsed": state.elapsed, "duration": state.duration, "added": state.added,
               "remaining": state.remaining, "drift": state.drift, "target_remaining": state.target_remaining,
               "until_change": state.until_change()}
    for name, number in numbers.items():
        assert number is None or math.isfinite(number), name
    texts = {"message": state.message, "last_command": state.last_command, "countdown": state.countdown}
    for text in texts.values():
        text.encode("utf-8")
    json.dumps({**numbers, **texts, **{k: v.isoformat() if v else None for k, v in moments.items()}},
               allow_nan=False, ensure_ascii=False).encode("utf-8")


def running(agenda: Agenda, slot: str, now: Instant) -> ShowEngine:
    engine = ShowEngine(agenda)
    assert engine.execute("goto", now, {"slot": slot}).accepted
    return engine


# -- time changes ---------------------------------------------------------------------------------


def test_a_time_change_of_three_hundred_billion_seconds_is_malformed_and_changes_nothing() -> None:
    engine = running(SEED, "welcome", at(13, 30))
    before = engine.state(at(13, 31))
    outcome = engine.execute("add_time", at(13, 31), {"seconds": 300_000_000_000})
    assert not outcome.accepted and outcome.invalid
    assert "'seconds'" in outcome.message
    after = engine.state(at(13, 31))
    assert after.added == 0 and after.last_command == before.last_command
    assert_valid(after)


@pytest.mark.parametrize("seconds", [DAY, -DAY, 1, -1])
def test_a_time_change_of_up_to_a_day_either_way_passes_the_table(seconds: int) -> None:
    assert check_arguments("add_time", {"seconds": seconds}) == ({"seconds": seconds}, "")


@pytest.mark.parametrize("seconds", [DAY + 1, -DAY - 1, 10**30, -(10**30)])
def test_a_time_change_of_more_than_a_day_is_refused_by_the_table_naming_the_parameter(seconds: int) -> None:
    clean, problem = check_arguments("add_time", {"seconds": seconds})
    assert clean == {}
    assert problem.startswith("'seconds' must be between")


def test_added_time_in_total_cannot_exceed_a_week_and_the_refusal_says_why() -> None:
    engine = running(SEED, "welcome", at(13, 30))
    for step in range(7):
        assert engine.execute("add_time", at(13, 31, step), {"seconds": DAY}).accepted
    outcome = engine.execute("add_time", at(13, 32), {"seconds": 1})
    assert not outcome.accepted and not outcome.invalid
    assert "cannot be longer than" in outcome.message
    assert engine.state(at(13, 32)).added == WEEK


def test_a_slot_can_be_shortened_to_one_second_but_not_to_zero() -> None:
    engine = running(SEED, "welcome", at(13, 30))  # 15 minutes
    assert engine.execute("add_time", at(13, 30), {"seconds": -(15 * 60 - 1)}).accepted
    outcome = engine.execute("add_time", at(13, 30), {"seconds": -1})
    assert not outcome.accepted and "cannot be shortened below zero" in outcome.message
    assert engine.state(at(13, 30)).duration == 1


@pytest.mark.parametrize("slot", ["welcome", "break", "reception"])
def test_after_the_largest_accepted_additions_every_snapshot_is_valid(slot: str) -> None:
    engine = running(SEED, slot, at(13, 30))
    for step in range(7):
        assert engine.execute("add_time", at(13, 30, step), {"seconds": DAY}).accepted
    planned_end = engine.state(at(13, 30, 10)).projected_end
    for later in (0, 60, WEEK, WEEK + 3 * 3600, 30 * DAY):
        assert_valid(engine.state(at(13, 31).later(later)))
    engine.execute("pause", at(13, 40))
    assert_valid(engine.state(at(13, 40).later(WEEK)))
    assert planned_end.year == 2023 and planned_end.month == 12


@pytest.mark.parametrize("slot", ["opening", "lunch", "closing"])
def test_after_the_largest_accepted_additions_a_multi_day_agenda_still_has_valid_times(slot: str) -> None:
    start = {"opening": at(9, 0), "lunch": at(12, 0, day=1, month=12), "closing": at(16, 0, day=2, month=12)}[slot]
    engine = running(MULTI_DAY, slot, start)
    for step in range(7):
        assert engine.execute("add_time", start.later(step), {"seconds": DAY}).accepted
    assert not engine.execute("add_time", start.later(10), {"seconds": 1}).accepted
    state = engine.state(start.later(10))
    assert state.phase is ShowPhase.RUNNING and state.duration == 3600 + WEEK
    assert_valid(state)
    if slot == "lunch":
        assert state.target is not None and (state.target.timestamp() - start.later(10).t) == pytest.approx(
            3600 + WEEK - 10)
    for later in (DAY, WEEK, 3 * WEEK):
        assert_valid(engine.state(start.later(later)))


def test_removing_as_much_time_as_allowed_keeps_every_snapshot_valid() -> None:
    engine = running(MULTI_DAY, "opening", at(9, 0))
    assert engine.execute("add_time", at(9, 0), {"seconds": -3599}).accepted
    for later in (0, 1, 2, DAY):
        assert_valid(engine.state(at(9, 0).later(later)))


# -- text -----------------------------------------------------------------------------------------

TEXT_PARAMS = [("message", "text", {}), ("goto", "slot", {}), ("blackout", "display", {"on": True})]


@pytest.mark.parametrize(("command", "param", "others"), TEXT_PARAMS)
def test_a_lone_surrogate_is_refused_in_every_text_argument(command: str, param: str,
                                                             others: dict[str, object]) -> None:
    clean, problem = check_arguments(command, {param: "x\ud800", **others})
    assert clean == {}
    assert problem == f"'{param}' is not valid Unicode (a lone surrogate, U+D800)"


def test_a_message_with_a_lone_surrogate_changes_nothing_and_every_snapshot_stays_valid() -> None:
    engine = running(SEED, "welcome", at(13, 30))
    outcome = engine.execute("message", at(13, 31), {"text": "x\ud800"})
    assert not outcome.accepted and outcome.invalid
    state = engine.state(at(13, 31))
    assert state.message == ""
    assert_valid(state)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x0c", "\x7f", "\x85", "\x9f"])
@pytest.mark.parametrize(("command", "param", "others"), TEXT_PARAMS)
def test_a_control_character_is_refused_in_every_text_argument_with_its_code(
        command: str, param: str, others: dict[str, object], char: str) -> None:
    _, problem = check_arguments(command, {param: f"a{char}b", **others})
    assert problem == f"'{param}' contains a control character (U+{ord(char):04X})"


@pytest.mark.parametrize("char", ["\n", "\t", "\r\n"])
def test_a_message_may_hold_newlines_and_tabs(char: str) -> None:
    assert check_arguments("message", {"text": f"Please{char}wrap up"}) == ({"text": f"Please{char}wrap up"}, "")


@pytest.mark.parametrize("char", ["\n", "\t"])
@pytest.mark.parametrize(("command", "param", "others"), TEXT_PARAMS[1:])
def test_a_slot_id_or_a_display_name_may_not_hold_newlines_or_tabs(
        command: str, param: str, others: dict[str, object], char: str) -> None:
    _, problem = check_arguments(command, {param: f"a{char}b", **others})
    assert problem == f"'{param}' contains a control character (U+{ord(char):04X})"


def test_a_message_may_hold_bidi_marks_and_any_script() -> None:
    text = "\u202eemit no\u202c — 時間です 🎤 Åse"
    assert check_arguments("message", {"text": text}) == ({"text": text}, "")


@pytest.mark.parametrize(("command", "param", "others", "longest"),
                         [("message", "text", {}, 1000), ("goto", "slot", {}, 200),
                          ("blackout", "display", {"on": False}, 20)])
def test_every_text_argument_has_a_longest_length(command: str, param: str, others: dict[str, object],
                                                  longest: int) -> None:
    assert check_arguments(command, {param: "a" * longest, **others})[1] == ""
    _, problem = check_arguments(command, {param: "a" * (longest + 1), **others})
    assert problem == f"'{param}' is longer than {longest} characters"


def test_a_ten_megabyte_message_is_refused_at_the_table_at_once() -> None:
    started = time.perf_counter()
    outcome = ShowEngine(SEED).execute("message", at(13, 0), {"text": "x" * 10_000_000 + "\ud800"})
    assert not outcome.accepted and outcome.invalid
    assert outcome.message == "'text' is longer than 1000 characters"
    assert time.perf_counter() - started < 0.5


def test_a_message_within_the_table_but_over_the_stage_limit_is_refused_by_the_show() -> None:
    outcome = ShowEngine(SEED).execute("message", at(13, 0), {"text": "a" * 281})
    assert not outcome.accepted and not outcome.invalid
    assert outcome.message == "the message is longer than 280 characters"


# -- the table itself -----------------------------------------------------------------------------


def test_every_parameter_in_the_table_is_bounded() -> None:
    for spec in COMMANDS.values():
        for param in spec.params:
            if param.kind in (int, float):
                assert param.minimum is not None and param.maximum is not None, (spec.name, param.name)
            elif param.kind is str:
                assert param.max_length is not None, (spec.name, param.name)
            elif param.kind is list:  # a list of texts: bounded in count and in each text's length
                assert param.max_length is not None and param.max_items is not None, (spec.name, param.name)
            else:
                assert param.kind is bool, (spec.name, param.name)


@pytest.mark.parametrize(("value", "problem"), [
    (math.nan, "'level' must be a finite number"),
    (math.inf, "'level' must be a finite number"),
    (-math.inf, "'level' must be a finite number"),
    (10.5, "'level' must be between 0 and 10"),
    (-1, "'level' must be between 0 and 10"),
    (True, "'level' must be a number"),
    ("5", "'level' must be a number"),
    (2.5, ""),
    (10, ""),
])
def test_a_number_argument_is_finite_and_within_its_range(monkeypatch: pytest.MonkeyPatch, value: object,
                                                          problem: str) -> None:
    spec = CommandSpec("volume", "set the level", (Param("level", float, minimum=0, maximum=10),))
    monkeypatch.setitem(COMMANDS, "volume", spec)
    assert check_arguments("volume", {"level": value})[1] == problem


def test_an_unknown_argument_name_is_shown_safely_in_the_refusal() -> None:
    _, problem = check_arguments("go", {"x\ud800\x07" + "y" * 100: 1})
    problem.encode("utf-8")
    assert "\x07" not in problem and len(problem) < 120
    assert problem.startswith("'go' takes no argument 'x\\ud800\\x07yyy")


def test_an_unknown_command_name_is_shown_safely_in_the_refusal() -> None:
    _, problem = check_arguments("go\ud800\n", {})
    problem.encode("utf-8")
    assert problem.startswith("unknown command 'go\\ud800\\n'")


def test_argument_names_that_are_not_text_are_refused_not_raised() -> None:
    _, problem = check_arguments("go", {1: 2, "a": 3})  # type: ignore[dict-item]
    assert problem.startswith("'go' takes no argument")


# -- anything a network client can send -----------------------------------------------------------

# Any code point, with lone surrogates and control characters made common (as JSON can carry them).
any_text = st.text(st.characters(exclude_categories=()) | st.characters(categories=["Cs", "Cc"]), max_size=30)
json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=5,
)
EDGE_SECONDS = [DAY, -DAY, DAY + 1, -DAY - 1, WEEK, 300_000_000_000, -300_000_000_000, 2**63, 1, -1, 0]
SLOT_IDS = sorted({s.id for s in (*SEED.slots, *MULTI_DAY.slots)})


def plausible(param: Param) -> st.SearchStrategy[object]:
    if param.kind is bool:
        return st.booleans()
    if param.kind is int:
        return st.sampled_from(EDGE_SECONDS) | st.integers(-2 * DAY, 2 * DAY)
    known = {"slot": SLOT_IDS, "display": [*DISPLAYS, "all"]}.get(param.name, ["Wrap up", " \n "])
    return st.sampled_from(known) | any_text | st.text(max_size=1100)


def arguments(spec: CommandSpec) -> st.SearchStrategy[dict[str, object]]:
    """Mostly well-formed arguments with values at and past the bounds, sometimes anything at all."""
    plausible_args = st.fixed_dictionaries({p.name: plausible(p) for p in spec.params})
    wild = st.fixed_dictionaries(
        {}, optional={**{p.name: st.one_of(plausible(p), json_like) for p in spec.params}, "extra": json_like})
    return st.one_of(plausible_args, plausible_args, wild)


command = st.sampled_from(sorted(COMMANDS)).flatmap(lambda name: arguments(COMMANDS[name]).map(lambda a: (name, a)))
pause = st.sampled_from([0.0, 0.5, 59.9, 3600.0, DAY, WEEK]) | st.floats(0, 2 * DAY)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(SEED, 0, [(("add_time", {"seconds": 300_000_000_000}), 0.0)])  # issue 10, case 1
@example(SEED, 0, [(("message", {"text": "x\ud800"}), 0.0)])  # issue 10, case 2
@given(st.sampled_from([SEED, MULTI_DAY]), st.none() | st.integers(0, 20), st.lists(st.tuples(command, pause),
                                                                                    max_size=25))
def test_any_json_like_arguments_are_refused_by_the_table_or_leave_every_snapshot_valid(
        agenda: Agenda, first: int | None, sequence: list[tuple[tuple[str, dict[str, object]], float]]) -> None:
    engine = ShowEngine(agenda)
    now = at(8, 0)
    if first is not None:  # most sequences start on a running slot, where time changes count
        engine.execute("goto", now, {"slot": agenda.slots[first % len(agenda.slots)].id})
    for (name, args), wait in sequence:
        now = now.later(wait)
        clean, problem = check_arguments(name, args)
        before = engine.state(now)
        outcome = engine.execute(name, now, args)
        after = engine.state(now)
        assert_valid(after)
        if problem:
            assert clean == {} and outcome.invalid and not outcome.accepted
            assert outcome.message == problem
            problem.encode("utf-8")
            assert after == before
        else:
            assert not outcome.invalid
        assert abs(after.added) <= WEEK
