"""Agenda text -> a YAML node tree, refusing what cannot be an agenda before anything is read from it.

The guards come first because the file is the user's (or anybody's): a size cap, no NUL bytes,
UTF-8 only, no anchors or aliases (the 'billion laughs' size bomb), no absurd nesting. Each
refusal is one `FatalError` with a line and column and plain words; the caller turns it into a
problem. Only composing happens here, never constructing Python values, so nothing is executed.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import Node

from runofshow.io.problems import line_and_column

MAX_BYTES = 4 * 1024 * 1024  # a 5,000-slot agenda is about 1 MiB
MAX_DEPTH = 24  # the format nests five levels deep; anything far deeper is not an agenda


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


def compose(text: str) -> Node:
    """The one document's node tree (lines and columns kept), or FatalError with the YAML mistake in plain words."""
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

