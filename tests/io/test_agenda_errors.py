"""Every kind of broken agenda is rejected with a clear `file:line:col: message`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from runofshow.io.agenda_yaml import MAX_BYTES, load_agenda, parse_agenda

BAD = Path(__file__).parent.parent / "data" / "bad"
EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.+)$")


def annotated_files() -> list[Path]:
    return sorted(p for p in BAD.glob("*.yaml") if p.read_bytes().startswith(b"# expect:"))


def test_the_bad_corpus_has_at_least_forty_files() -> None:
    assert len(list(BAD.glob("*.yaml"))) >= 40


@pytest.mark.parametrize("path", annotated_files(), ids=lambda p: p.stem)
def test_each_bad_agenda_is_rejected_at_the_line_and_column_it_names(path: Path) -> None:
    match = EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} has no '# expect: LINE:COL: text' first line"
    line, column, text = int(match[1]), int(match[2]), match[3]
    result = load_agenda(path)
    assert result.agenda is None
    rendered = [str(p) for p in result.errors]
    assert f"{path}:{line}:{column}: {text}" in "\n".join(rendered), rendered


@pytest.mark.parametrize(
    ("name", "where", "text"),
    [
        ("empty.yaml", "1:1", "the file is empty"),
        ("latin1.yaml", "2:13", "the file is not UTF-8 text (byte 0xe9)"),
        ("binary.yaml", "1:1", "the file is binary"),
    ],
)
def test_files_that_are_not_text_get_one_clear_error(name: str, where: str, text: str) -> None:
    result = load_agenda(BAD / name)
    assert result.agenda is None
    assert len(result.errors) == 1
    assert str(result.errors[0]).startswith(f"{BAD / name}:{where}: {text}")


def test_a_file_too_large_to_be_an_agenda_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    result = load_agenda(huge)
    assert [str(p) for p in result.errors] == [f"{huge}:1:1: the file is larger than 4 MiB; this is not an agenda"]


def test_a_missing_file_is_an_error_not_an_exception(tmp_path: Path) -> None:
    result = load_agenda(tmp_path / "nope.yaml")
    assert result.agenda is None
    assert str(result.errors[0]).startswith(f"{tmp_path / 'nope.yaml'}:1:1: cannot read the file")


def test_all_problems_are_collected_not_just_the_first(tmp_path: Path) -> None:
    text = """event:
  title: ""
  date: 2023-13-01
  timezone: Mars/Olympus
slots:
  - title: A
    start: 10:00
    end: 9:00
  - id: a
    title: B
    start: 10:00
    end: 10:10
    colour: blue
"""
    errors = [str(p) for p in parse_agenda(text, "x.yaml").errors]
    assert errors == [
        "x.yaml:2:10: the event's title is empty",
        "x.yaml:3:9: the event's date: '2023-13-01' is not a date: month must be in 1..12",
        "x.yaml:4:13: unknown time zone 'Mars/Olympus' (use an IANA name like Europe/Brussels)",
        "x.yaml:8:10: end 09:00 is not after start 10:00; for a slot that runs past midnight write "
        "`end: 09:00 +1d` or give a `duration`",
        "x.yaml:13:5: unknown key `colour` in a slot; known keys: id, title, kind, date, start, end, duration, "
        "speakers, moderator, panellists, cues, notes, warning, hard, skip, crew",
    ]


def test_a_derived_id_that_clashes_with_an_explicit_one_is_made_unique() -> None:
    text = """event: {title: x, date: 2023-11-30, timezone: UTC}
slots:
  - {title: Break, start: 10:00, end: 10:10}
  - {title: Break, start: 10:10, end: 10:20}
"""
    agenda = parse_agenda(text).agenda
    assert agenda is not None
    assert [s.id for s in agenda.slots] == ["break", "break-2"]


def test_the_common_hand_written_yaml_mistakes_come_with_a_hint() -> None:
    head = "event:\n  title: x\n  date: 2023-11-30\n  timezone: UTC\nslots:\n"
    colon = parse_agenda(head + "  - title: Policy panel: Scaling\n    start: 10:00\n    duration: 5m\n", "c.yaml")
    assert str(colon.errors[0]).endswith("(hint: a value that contains ': ' must be in quotes, e.g. "
                                         "title: \"Policy panel: Scaling up\")")
    tab = parse_agenda(head + "  - title: A\n\tstart: 10:00\n", "t.yaml")
    assert "(hint: indent with spaces, not tabs)" in str(tab.errors[0])


def test_problems_are_listed_in_file_order() -> None:
    text = """event: {title: x, date: 2023-11-30, timezone: UTC}
slots:
  - title: A
    colour: red
    start: 25:00
    end: 10:10
"""
    problems = parse_agenda(text, "o.yaml").problems
    assert [(p.line, p.column) for p in problems] == sorted((p.line, p.column) for p in problems)
    assert len(problems) == 2


def test_a_warning_as_long_as_the_slot_is_noted() -> None:
    text = "event: {title: x, date: 2023-11-30, timezone: UTC, warning: 10m}\nslots:\n" \
           "  - {title: Short, start: 10:00, duration: 5m}\n"
    result = parse_agenda(text, "w.yaml")
    assert result.agenda is not None
    assert [str(p) for p in result.notes] == [
        "w.yaml:3:5: note: the warning (10m) is not shorter than 'Short' (5m): its timer is amber from the start"]
