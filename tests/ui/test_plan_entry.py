"""What the operator types as a start: the clock times a programme uses, and the short forms of a time field."""

from __future__ import annotations

import pytest

from runofshow.ui.plan_entry import parse_time_of_day


@pytest.mark.parametrize(("typed", "expected"), [
    ("9:05", "09:05"), ("09:05", "09:05"), ("9.05", "09:05"), ("0905", "09:05"), ("905", "09:05"),
    ("9h05", "09:05"), ("9H05", "09:05"), ("21:30", "21:30"), ("9.30 pm", "21:30"), ("12 noon", "12:00"),
    ("9:30:15", "09:30:15"), (" 13:30 ", "13:30"),
])
def test_a_start_as_the_operator_types_it(typed: str, expected: str) -> None:
    assert parse_time_of_day(typed) == expected


@pytest.mark.parametrize("typed", ["", "9", "24:00", "9:60", "2500", "soon", "99h99"])
def test_what_is_not_a_time_of_day(typed: str) -> None:
    assert parse_time_of_day(typed) is None
