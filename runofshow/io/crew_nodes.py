"""Crew columns in the agenda file: the top-level `columns:` list and a slot's `crew:` cues, every problem collected.

Apart from `agenda_builder.py` because it is a part of the format of its own (the crew's departments and
each slot's cue per department), read by the same walk: `AgendaReader` reads `columns:` first, then each
slot's `crew:` against them. The bounds are the command table's, so a cue the file holds can always be sent
back by the plan command `edit_slot`.
"""

from __future__ import annotations

import difflib
import re

from yaml.nodes import MappingNode, Node, SequenceNode

from runofshow.core.commands import MAX_CREW_COLUMN, MAX_CREW_CUE, MAX_CREW_ITEMS
from runofshow.io.yaml_nodes import NodeReader, where

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # what the command table refuses in one line of text


class CrewReader(NodeReader):
    """Reads the crew's columns, then each slot's crew cues against them."""

    crew_columns: tuple[str, ...] = ()  # the agenda's crew columns, read before the slots that name them
    columns_written: frozenset[str] = frozenset()  # every name in `columns:`, a refused one too (reported there)

    def columns(self, node: Node) -> tuple[str, ...]:
        """The crew's columns (departments), in order: each name fit for a rundown header and a `crew:` key."""
        if not isinstance(node, SequenceNode):
            self.error(node, "`columns` must be a list of crew column names, like `columns: [Audio, Video]`, "
                             f"found {self.describe(node)}")
            return ()
        found: dict[str, tuple[str, Node]] = {}  # the name without capitals -> the name as written, its node
        written: set[str] = set()
        for item in node.value:
            name = self.text(item, "a crew column's name", required=True)
            written.add(name)
            if not name:
                continue
            if len(found) == MAX_CREW_ITEMS:
                self.error(item, f"an agenda has at most {MAX_CREW_ITEMS} crew columns; '{name}' and those after "
                                 "it are one too many")
                break
            if ":" in name:
                self.error(item, f"the crew column '{name}' has a ':' in its name; a name is a word or a few, "
                                 "like Audio or Stage left")
            elif control := _CONTROL.search(name):
                self.error(item, f"the crew column '{_escaped(name)}' has a control character "
                                 f"(U+{ord(control.group()):04X})")
            elif len(name) > MAX_CREW_COLUMN:
                self.error(item, f"the crew column '{name}' has {len(name)} characters; a name has at most "
                                 f"{MAX_CREW_COLUMN}")
            elif name.casefold() in found:
                first, first_node = found[name.casefold()]
                line, column = where(first_node)
                self.error(item, f"the crew column '{name}' is given twice (first at line {line}, column {column})"
                           if first == name else
                           f"the crew column '{name}' is given twice (as '{first}' at line {line}, column "
                           f"{column}): names that differ only in capitals are one column")
            else:
                found[name.casefold()] = (name, item)
        self.columns_written = frozenset(written)
        return tuple(name for name, _node in found.values())


    def crew(self, key: Node, node: Node) -> tuple[tuple[str, str], ...]:
        """A slot's `crew:` mapping (column -> one line), in the agenda's column order; an empty cue is none."""
        if not any(self.columns_written):
            self.error(key, "`crew` gives cues for crew columns, but the agenda declares none: add a top-level "
                            "`columns:` list, like `columns: [Audio, Video, Lighting, Stage]`")
            return ()
        if not isinstance(node, MappingNode):
            self.error(node, "`crew` must be a mapping of `column: cue` lines, like `Audio: lectern mic`, "
                             f"found {self.describe(node)}")
            return ()
        cues: dict[str, str] = {}
        seen: set[str] = set()
        for name_node, cue_node in node.value:
            name = self.text(name_node, "a crew column in `crew`", required=True)
            if not name:
                continue
            if name in seen:
                self.error(name_node, f"`{name}` is given twice in `crew`")
                continue
            seen.add(name)
            if name in self.crew_columns:
                cues[name] = self.crew_cue(name, cue_node)
            elif name not in self.columns_written:  # a name refused in `columns:` was reported there
                self.error(name_node, f"unknown crew column `{name}` in `crew`{self.column_hint(name)} (the columns "
                                      f"are {', '.join(self.crew_columns)}, given in `columns:`)")
        return tuple((column, cues[column]) for column in self.crew_columns if cues.get(column))

    def column_hint(self, name: str) -> str:
        """`; did you mean `Audio`?` for a column misspelt or written in other capitals, else ''."""
        same = [column for column in self.crew_columns if column.casefold() == name.casefold()]
        close = same or difflib.get_close_matches(name, self.crew_columns, n=1, cutoff=0.6)
        return f"; did you mean `{close[0]}`?" if close else ""

    def crew_cue(self, column: str, node: Node) -> str:
        """One crew cue: one line of text the rundown's column can show, '' for none."""
        cue = self.text(node, f"the {column} cue")
        if "\n" in cue or "\r" in cue:
            self.error(node, f"the {column} cue must be one line of text")
        elif control := _CONTROL.search(cue):
            self.error(node, f"the {column} cue has a control character (U+{ord(control.group()):04X})")
        elif len(cue) > MAX_CREW_CUE:
            self.error(node, f"the {column} cue has {len(cue)} characters; a crew cue is one line of at most "
                             f"{MAX_CREW_CUE}")
        else:
            return cue
        return ""


def _escaped(text: str) -> str:
    """Text fit to quote in a message: a control character written as its escape (a tab as \\t)."""
    return repr(text)[1:-1]

