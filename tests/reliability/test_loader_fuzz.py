"""No input, however broken, gets anything from the loader but a clean list of file:line:col problems."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from runofshow.io.agenda_yaml import parse_agenda

POSITION = re.compile(r"^fuzz\.yaml:\d+:\d+: .+")

# YAML-ish building blocks, so that the fuzzer reaches deep into the schema, not only the parser.
keys = st.sampled_from(["event", "slots", "title", "date", "timezone", "start", "end", "duration", "speakers",
                        "kind", "cues", "id", "warning", "venue", "name", "role", "moderator", "panellists",
                        "topics", "notes", "x", "- ", "&a", "*a", "!!python/object", "{", "[", "'", '"'])
values = st.sampled_from(["13:30", "25:61", "10m", "1h30m", "-5m", "2023-11-30", "2023-02-30", "Europe/Brussels",
                          "Mars/Base", "talk", "brake", "~", "null", "[]", "{}", "yes", "0", "-1", "\t", "\x00",
                          "é", "00:30 +1d", "!!binary AAAA", "|", ">", "*x", "&y"])
lines = st.lists(st.tuples(st.integers(0, 6), keys, values), max_size=40).map(
    lambda rows: "\n".join(" " * indent + f"{key}: {value}" for indent, key, value in rows))


def check(result_problems: tuple, agenda: object) -> None:  # type: ignore[type-arg]
    rendered = [str(p) for p in result_problems]
    if agenda is None:
        assert rendered, "a rejected file says why"
    for line in rendered:
        assert POSITION.match(line), line


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_give_a_clean_error(data: bytes) -> None:
    result = parse_agenda(data, "fuzz.yaml")
    check(result.problems, result.agenda)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=600))
def test_random_text_gives_a_clean_error(text: str) -> None:
    result = parse_agenda(text, "fuzz.yaml")
    check(result.problems, result.agenda)


@settings(max_examples=600, deadline=None)
@given(lines)
def test_random_agenda_shaped_yaml_gives_a_clean_error(text: str) -> None:
    result = parse_agenda(text, "fuzz.yaml")
    check(result.problems, result.agenda)


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6),
                                                                                      children, max_size=4),
                    max_leaves=30))
def test_random_yaml_documents_give_a_clean_error(document: object) -> None:
    import yaml

    text = yaml.safe_dump({"event": document, "slots": document})
    result = parse_agenda(text, "fuzz.yaml")
    check(result.problems, result.agenda)
