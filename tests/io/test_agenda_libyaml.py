"""libyaml (PyYAML's C composer) reads an agenda the way the pure-Python composer does, only faster.

The pure composer is the reference: the C one must give the same node tree (values, tags, styles, and
every node's line and column), so the loader builds the same agenda and says the same problems at the
same `file:line:col`. Whatever the C path cannot word the same way (a YAML mistake, an alias, nesting
too deep, a character YAML refuses) is read again by the pure composer, which says it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bench.big import generate
from runofshow.io import yaml_guard
from runofshow.io.agenda_yaml import LoadResult, parse_agenda
from runofshow.io.yaml_guard import FatalError, compose
from runofshow.paths import bundled_agenda

DATA = Path(__file__).parent.parent / "data"
HEAD = "event:\n  title: x\n  date: 2023-11-30\n  timezone: Europe/Brussels\nslots:\n"

# Texts where the two composers could part ways: columns after wide characters, line ends, quoting styles,
# flow lists, block scalars, complex keys, and every kind of mistake the guard refuses.
SNIPPETS: dict[str, str] = {
    "accents-before-a-mistake": HEAD + "  - title: Café — naïve 🎤 talk\n    start: 1O:00\n    end: 11:00\n",
    "emoji-in-a-flow-list": HEAD + "  - {title: \"🎤🎤 x\", start: 10:00, end: 09:00, kind: tlk}\n",
    "crlf-line-ends": HEAD.replace("\n", "\r\n") + "  - title: A\r\n    start: 10:00\r\n    end: 9:00\r\n",
    "next-line-and-line-separator": HEAD + "  - title: A\u2028B\n    start: 10:00\n    duration: 0m\n",
    "byte-order-mark": "\ufeff" + HEAD + "  - title: A\n    start: 10:00\n    duration: 5m\n",
    "quoted-and-block-scalars": HEAD + "  - title: 'it''s'\n    notes: |\n      one\n      two\n"
                                       "    start: \"10:00\"\n    duration: >-\n      5m\n    warning: 10m\n",
    "plain-scalars-of-every-tag": HEAD + "  - title: ~\n    start: 10:00\n    duration: 5m\n    hard: yes\n"
                                         "    skip: 1.5\n    notes: 2023-11-30\n    id: null\n",
    "every-implicit-tag": "event:\n  empty:\n  topics: [~, null, Null, yes, No, on, OFF, true, 1, -1, +1, 0x1F,"
                          " 0o17, 017, 1_000, 1.5, .inf, -.Inf, .nan, 1e3, 2023-11-30, 2023-11-30T10:00:00Z, <<, =,"
                          " 12:30, 190:20:30]\n"
                          "  title: \"\"\n  date: ''\n",
    "people-as-flow-list": HEAD + "  - title: Panel\n    kind: panel\n    start: 10:00\n    duration: 30m\n"
                                  "    panellists: [Thomas Koetz, IPBES Secretariat, {name: Jo, role: Chair}]\n",
    "complex-key": HEAD + "  - ? [a, b]\n    : x\n    title: A\n    start: 10:00\n    duration: 5m\n",
    "explicit-tags": HEAD + "  - title: !!str 10\n    start: !!str 10:00\n    duration: !custom 5m\n",
    "anchor-without-alias": HEAD + "  - title: &t A\n    start: 10:00\n    duration: 5m\n",
    "alias-to-a-scalar": HEAD + "  - title: &t A\n    start: 10:00\n    duration: 5m\n    notes: *t\n",
    "alias-to-its-own-list": "event: &e [a, *e]\n",
    "undefined-alias": HEAD + "  - title: *nothing\n",
    "twenty-four-levels": "event: " + "[" * 23 + "]" * 23 + "\n",
    "twenty-five-levels": "event: " + "[" * 24 + "]" * 24 + "\n",
    "deep-block-sequence": "event:\n  " + "- " * 30 + "x\n",
    "tab-indent": HEAD + "  - title: A\n\tstart: 10:00\n",
    "colon-in-a-value": HEAD + "  - title: Policy panel: Scaling\n    start: 10:00\n    duration: 5m\n",
    "two-documents": HEAD + "  - {title: A, start: 10:00, duration: 5m}\n---\nx: 1\n",
    "only-a-scalar": "just some words\n",
    "control-character-late": HEAD + "  - title: A\x07\n",
    "escape-in-double-quotes": HEAD + "  - title: \"A\\x07\"\n    start: 10:00\n    duration: 5m\n",
    "unclosed-quote": HEAD + "  - title: \"A\n    start: 10:00\n",
    "directive": "%YAML 1.1\n---\n" + HEAD + "  - {title: A, start: 10:00, duration: 5m}\n",
}


def corpus() -> Iterator[tuple[str, str]]:
    yield "bundled", bundled_agenda().read_text(encoding="utf-8")
    for folder in ("bad", "save", "import"):
        for path in sorted((DATA / folder).glob("*.yaml")):
            raw = path.read_bytes()
            try:
                yield f"{folder}/{path.stem}", raw.decode("utf-8")
            except UnicodeDecodeError:
                continue  # refused before composing, the same way on both paths
    yield from SNIPPETS.items()


CORPUS = dict(corpus())


def with_composer(monkeypatch: pytest.MonkeyPatch, libyaml: bool, text: str) -> LoadResult:
    monkeypatch.setattr(yaml_guard, "LIBYAML", libyaml)
    return parse_agenda(text, "a.yaml")


def tree(node: Node, depth: int = 0) -> Iterator[tuple[object, ...]]:
    """Everything the builders read from a node, node after node."""
    yield (depth, type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column,
           getattr(node, "style", None), getattr(node, "flow_style", None))
    if isinstance(node, ScalarNode):
        yield (depth, node.value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from tree(item, depth + 1)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from tree(key, depth + 1)
            yield from tree(value, depth + 1)


def composed(text: str, libyaml: bool) -> list[tuple[object, ...]] | str:
    try:
        return list(tree(compose(text, libyaml=libyaml)))
    except FatalError as fatal:
        return f"{fatal.line}:{fatal.column}: {fatal.message}"


def test_this_install_has_libyaml_so_the_fast_path_is_the_one_used() -> None:
    assert yaml.__with_libyaml__
    assert yaml_guard.LIBYAML


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_both_composers_give_the_same_tree_or_the_same_refusal(name: str) -> None:
    text = CORPUS[name]
    assert composed(text, libyaml=True) == composed(text, libyaml=False)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_both_composers_give_the_same_agenda_and_problems(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = CORPUS[name]
    fast = with_composer(monkeypatch, True, text)
    pure = with_composer(monkeypatch, False, text)
    assert fast.agenda == pure.agenda
    assert [str(p) for p in fast.problems] == [str(p) for p in pure.problems]


def test_a_long_agenda_is_the_same_on_both_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = generate(tmp_path / "big.yaml", slots=400).read_text(encoding="utf-8")
    text = text.replace("    start: 10:30\n", "    start: 10:35\n", 1)  # a gap, and an overlap after it
    fast = with_composer(monkeypatch, True, text)
    pure = with_composer(monkeypatch, False, text)
    assert fast.agenda is None and pure.agenda is None
    assert [str(p) for p in fast.problems] == [str(p) for p in pure.problems]
    assert any("slots must not overlap" in str(p) for p in fast.problems)


def test_a_good_agenda_is_composed_by_libyaml_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> None:
        raise AssertionError("the pure-Python composer was used for a good agenda")

    monkeypatch.setattr(yaml_guard, "_GuardedLoader", refuse)
    result = parse_agenda(bundled_agenda().read_bytes(), "agenda.yaml")
    assert result.agenda is not None and len(result.agenda.slots) == 10


@pytest.mark.parametrize("name", ["alias-to-a-scalar", "alias-to-its-own-list", "twenty-five-levels",
                                  "control-character-late", "colon-in-a-value", "two-documents"])
def test_what_libyaml_cannot_word_is_worded_by_the_pure_composer(name: str) -> None:
    refusal = composed(CORPUS[name], libyaml=True)
    assert isinstance(refusal, str), refusal
    assert refusal == composed(CORPUS[name], libyaml=False)


def test_without_libyaml_the_pure_composer_reads_the_agenda(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_guard, "LIBYAML", False)
    monkeypatch.setattr(yaml, "CSafeLoader", None)  # as on an install without the C extension
    result = parse_agenda(bundled_agenda().read_bytes(), "agenda.yaml")
    assert result.agenda is not None and len(result.agenda.slots) == 10


@pytest.mark.parametrize("code", [*range(128), 0x85, 0xA0, 0x2028, 0xD7FF, 0xE000, 0xFEFF, 0xFFFE, 0x1F3A4])
def test_every_character_is_refused_or_allowed_alike_on_both_paths(code: int) -> None:
    text = HEAD + f"  - title: 'A{chr(code)}B'  # and {chr(code)} in a comment\n    start: 10:00\n    duration: 5m\n"
    assert composed(text, libyaml=True) == composed(text, libyaml=False)
