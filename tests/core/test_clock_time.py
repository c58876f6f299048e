"""Clock times as programmes, spreadsheets and operators write them: one reader for all of them."""

from __future__ import annotations

from datetime import time

import pytest

from runofshow.core.timeparse import parse_clock_time


@pytest.mark.parametrize(("text", "expected"), [
    ("9:30", time(9, 30)),
    ("09:30", time(9, 30)),
    ("09.30", time(9, 30)),
    ("9h30", time(9, 30)),
    ("9H30", time(9, 30)),
    ("14h00", time(14, 0)),
    ("0930", time(9, 30)),
    ("2145", time(21, 45)),
    ("9:30:15", time(9, 30, 15)),
    ("9.30 am", time(9, 30)),
    ("9.30am", time(9, 30)),
    ("9:30 a.m.", time(9, 30)),
    ("9:30 p.m.", time(21, 30)),
    ("9 pm", time(21, 0)),
    ("12 am", time(0, 0)),
    ("12:15 pm", time(12, 15)),
    ("12 noon", time(12, 0)),
    ("12 midnight", time(0, 0)),
    ("Midday", time(12, 0)),
    ("noon", time(12, 0)),
    ("Noon", time(12, 0)),
    ("Midnight", time(0, 0)),
    (" 13:30\u00a0", time(13, 30)),
    ("9\u202fam", time(9, 0)),
])
def test_the_ways_people_write_a_time_of_day(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize("text", [
    "", "9", "930", "24:00", "9:60", "13:30 pm", "0 am", "13 pm", "9:5", "11 noon", "9:30 xm",
    "Break", "1.5", "12345",
])
def test_what_is_not_a_time_of_day(text: str) -> None:
    assert parse_clock_time(text) is None
