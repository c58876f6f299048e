"""Reading values out of a YAML node tree, collecting problems rather than stopping at the first.

Shared by the agenda's builders (`agenda_builder.py`): the shapes every part of the format is made
of (a mapping of known keys, text, a parsed scalar), each reporting what is wrong at the node's
own line and column and carrying on, so one load lists every mistake in the file.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from runofshow.io.problems import Problem, Severity

T = TypeVar("T")


def where(node: Node) -> tuple[int, int]:
    """The node's 1-based line and column, as editors count them."""
    return node.start_mark.line + 1, node.start_mark.column + 1


_KIND_NAMES = {MappingNode: "a mapping", SequenceNode: "a list", ScalarNode: "a value"}


class NodeReader:
    """Reads values out of nodes, collecting every problem (with its line and column) instead of raising."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        # What each parse function made of each text, kept: 5,000 slots write a few dozen start times
        # and durations between them. Only values: a text that does not parse is reported every time.
        self._parsed: dict[tuple[Callable[[str], object], str], object] = {}

    # -- reporting ----------------------------------------------------------------------------

    def error(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.filename, *where(node), message))

    def note(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.filename, *where(node), message, Severity.NOTE))

    # -- shapes -------------------------------------------------------------------------------

    def mapping(self, node: Node, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[Node, Node]] | None:
        """Keys of a mapping node (with their key and value nodes); unknown and repeated keys are errors."""
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of `key: value` lines, found {self.describe(node)}")
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.error(key_node, f"a key in {what} must be a plain word, found {self.describe(key_node)}")
                continue
            key = key_node.value
            if key in fields:
                self.error(key_node, f"`{key}` is given twice in {what}")
            elif key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                suggestion = f"; did you mean `{hint[0]}`?" if hint else f"; known keys: {', '.join(allowed)}"
                self.error(key_node, f"unknown key `{key}` in {what}{suggestion}")
            else:
                fields[key] = (key_node, value_node)
        return fields

    @staticmethod
    def describe(node: Node) -> str:
        if isinstance(node, ScalarNode):
            if node.tag.endswith(":null"):
                return "nothing"
            return f"'{node.value[:40]}'"
        return _KIND_NAMES.get(type(node), "something else")

    def text(self, node: Node, what: str, *, required: bool = False) -> str:
        if not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be text, found {self.describe(node)}")
            return ""
        value = "" if node.tag.endswith(":null") else str(node.value).strip()
        if required and not value:
            self.error(node, f"{what} is empty")
        return value

    def optional_text(self, fields: dict[str, tuple[Node, Node]], key: str, what: str) -> str:
        return self.text(fields[key][1], what) if key in fields else ""

    def required(self, fields: dict[str, tuple[Node, Node]], key: str, owner: Node, what: str) -> Node | None:
        if key not in fields:
            self.error(owner, f"{what} has no `{key}`")
            return None
        return fields[key][1]

    def parsed(self, node: Node, what: str, parse: Callable[[str], T]) -> T | None:
        """Apply a parse function to a scalar's text; its ValueError becomes a problem here."""
        raw = self.text(node, what)
        if not raw:
            if isinstance(node, ScalarNode):
                self.error(node, f"{what} is empty")
            return None
        known = self._parsed.get((parse, raw))
        if known is not None:
            return known  # type: ignore[return-value]  # what `parse` made of `raw` before: a T
        try:
            value = parse(raw)
        except ValueError as exc:
            self.error(node, f"{what}: {exc}")
            return None
        self._parsed[parse, raw] = value
        return value


def field_node(node: Node, key: str) -> Node | None:
    """The value node of `key` in a mapping node, without reporting anything (for looking ahead)."""
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return value_node  # type: ignore[no-any-return]
    return None
