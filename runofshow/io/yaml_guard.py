"""Agenda text -> a YAML node tree, refusing what cannot be an agenda before anything is read from it.

The guards come first because the file is the user's (or anybody's): a size cap, no NUL bytes,
UTF-8 only, no anchors or aliases (the 'billion laughs' size bomb), no absurd nesting. Each
refusal is one `FatalError` with a line and column and plain words; the caller turns it into a
problem. Only composing happens here, never constructing Python values, so nothing is executed.

Two composers give the same node tree: libyaml's (C, when PyYAML was built with it: a 5,000-slot
agenda in a tenth of the time) and PyYAML's pure-Python one, guarded while it composes. The C tree is
looked over afterwards for what the guard refuses; anything the C path refuses or finds is composed
again by the pure one, whose words (and line and column) every refusal keeps.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from itertools import chain
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import Reader
from yaml.resolver import Resolver

from runofshow.io.problems import line_and_column

MAX_BYTES = 4 * 1024 * 1024  # a 5,000-slot agenda is about 1 MiB
MAX_DEPTH = 24  # the format nests five levels deep; anything far deeper is not an agenda
LIBYAML: bool = getattr(yaml, "__with_libyaml__", False)  # PyYAML built with libyaml's C parser and composer
_NON_PRINTABLE = Reader.NON_PRINTABLE  # what the pure reader refuses (libyaml's list differs a little)
_PRINTABLE_ASCII = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])  # the ASCII part of what it allows


class FatalError(Exception):
    """Stops reading a file that cannot be an agenda at all; carries the one problem."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


class _GuardedLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (the 'billion laughs' size bomb) and absurd nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise FatalError(mark.line + 1, mark.column + 1,
                             "anchors and aliases (*name) are not supported in an agenda; write the value out")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise FatalError(mark.line + 1, mark.column + 1,
                                 f"nested more than {MAX_DEPTH} levels deep; this is not an agenda")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def decode(data: bytes | str) -> str:
    """The agenda's text, or FatalError when the bytes are too many, binary, not UTF-8 or nothing at all."""
    if isinstance(data, str):
        if len(data.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise FatalError(1, 1, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB; this is not an agenda")
        text = data
    else:
        if len(data) > MAX_BYTES:
            raise FatalError(1, 1, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB; this is not an agenda")
        nul = data.find(b"\x00")
        if nul >= 0:
            raise FatalError(*line_and_column(data, nul),
                             "the file is binary (it contains NUL bytes), not a YAML agenda")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FatalError(*line_and_column(data, exc.start),
                             f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FatalError(1, 1, "the file is empty; an agenda needs an `event:` and a list of `slots:`")
    return text


def compose(text: str, *, libyaml: bool | None = None) -> Node:
    """The one document's node tree (lines and columns kept), or FatalError with the YAML mistake in plain words.

    libyaml composes when it is there (ten times faster on a 5,000-slot agenda); anything it cannot
    word the way the pure-Python composer does is composed again by that one, which says it.
    """
    if LIBYAML if libyaml is None else libyaml:
        root = _compose_with_libyaml(text)
        if root is not None:
            return root
    return _compose_pure(text)


def _compose_with_libyaml(text: str) -> Node | None:
    """libyaml's node tree, or None for a text the pure composer must read: a YAML mistake (libyaml words
    them differently), an alias, nesting deeper than MAX_DEPTH, a character YAML does not allow."""
    if _refused_character(text):
        return None
    try:
        loader = yaml.CSafeLoader(text)
    except Exception:  # any refusal is the pure composer's to word
        return None
    if not loader.yaml_path_resolvers:
        # libyaml calls back into Python for every node: for its tag, and twice for a path that only path
        # resolvers use (a SafeLoader has none). Tags come from a cache, the path calls hit C functions
        # that do nothing with their arguments: a third less time to compose a long agenda.
        loader.resolve = functools.lru_cache(maxsize=None)(_quick_resolve(loader))  # type: ignore[method-assign]
        loader.descend_resolver = operator.is_  # type: ignore[method-assign,assignment]
        loader.ascend_resolver = tuple  # type: ignore[method-assign,assignment]
    try:
        root = loader.get_single_node()
    except Exception:  # any refusal is the pure composer's to word
        return None
    finally:
        loader.dispose()
    return root if root is not None and _plain_tree(root, aliases_possible="&" in text) else None


def _refused_character(text: str) -> bool:
    """Whether the text holds a character the pure reader refuses; plain ASCII is checked a byte at a time."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _PRINTABLE_ASCII))
    return _NON_PRINTABLE.search(text) is not None


def _quick_resolve(resolver: Resolver) -> Callable[[type[Node], str | None, tuple[bool, bool]], str]:
    """`Resolver.resolve` for a resolver without path resolvers, with each first character's implicit
    resolvers joined once rather than for every scalar (libyaml asks for every node): the same tags, sooner."""
    table = resolver.yaml_implicit_resolvers
    wildcard = tuple(table.get(None, []))
    by_first = {first: (*pairs, *wildcard) for first, pairs in table.items() if first is not None}
    defaults = {ScalarNode: resolver.DEFAULT_SCALAR_TAG, SequenceNode: resolver.DEFAULT_SEQUENCE_TAG,
                MappingNode: resolver.DEFAULT_MAPPING_TAG}

    def resolve(kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode and implicit[0]:
            for tag, pattern in by_first.get(value[:1], wildcard):  # type: ignore[index]
                if pattern.match(value):
                    return tag  # type: ignore[no-any-return]
        return defaults[kind]

    return resolve


def _plain_tree(root: Node, *, aliases_possible: bool = True) -> bool:
    """No node twice (libyaml composes an alias as the anchored node itself) and none deeper than MAX_DEPTH;
    a plain scalar's style made None on the way, as the pure composer leaves it.

    The guarded pure composer refuses both while composing; libyaml's composer cannot be told to, so
    the finished tree is looked over instead, one level at a time (libyaml itself stops at 1,000 levels,
    long before the stack would). Without an anchor (`&`) in the text there is no alias to look for.
    """
    seen: set[int] = set()
    counted = 0
    level: list[Node] = [root]
    for _depth in range(MAX_DEPTH):
        if aliases_possible:
            seen.update(map(id, level))
            counted += len(level)
            if len(seen) != counted:
                return False
        deeper: list[Node] = []
        for node in level:
            # Exact classes (libyaml makes no others): this loop sees every node of the file.
            if type(node) is ScalarNode:
                if not node.style:
                    node.style = None  # libyaml says '' for a plain scalar, the pure composer None
            elif type(node) is MappingNode:
                deeper.extend(chain.from_iterable(node.value))
            else:
                deeper.extend(node.value)
        if not deeper:
            return True
        level = deeper
    return False


def _compose_pure(text: str) -> Node:
    """The pure-Python composer, guarded while it composes: the reference for every refusal's words."""
    try:
        loader = _GuardedLoader(text)  # the reader already checks every character here
    except yaml.reader.ReaderError as exc:
        raise _unreadable(text, exc) from None
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            message = f"{exc.context}: {exc.problem}"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "expected a single document" in message:
            message = "the file holds more than one YAML document (`---`); an agenda is one document"
        raise FatalError(line, column, f"YAML syntax error: {message}{_syntax_hint(message)}") from None
    except yaml.reader.ReaderError as exc:
        raise _unreadable(text, exc) from None
    except yaml.YAMLError as exc:
        raise FatalError(1, 1, f"YAML error: {exc}") from None
    except RecursionError:
        raise FatalError(1, 1, "nested too deeply; this is not an agenda") from None
    finally:
        loader.dispose()
    if root is None:
        raise FatalError(1, 1, "the file is empty; an agenda needs an `event:` and a list of `slots:`")
    return root


_SYNTAX_HINTS = (
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed here", "a value that contains ': ' must be in quotes, e.g. "
                                            "title: \"Policy panel: Scaling up\""),
    ("expected <block end>", "check the indentation: keys of one slot line up under each other"),
    ("could not find expected ':'", "a line is missing its ':' or its indentation is off"),
)


def _syntax_hint(message: str) -> str:
    """A plain-words hint for the YAML mistakes people make by hand."""
    return next((f" (hint: {hint})" for needle, hint in _SYNTAX_HINTS if needle in message), "")


def _unreadable(text: str, exc: yaml.reader.ReaderError) -> FatalError:
    """A character YAML does not allow (a control character, say): where it is, and which."""
    line, column = line_and_column(text, exc.position)
    return FatalError(line, column, f"the file holds a character YAML does not allow (U+{exc.character:04X}); "
                                    "remove it or save the file as plain UTF-8 text")

