"""What an importer understood of a programme, before it becomes an agenda.

Every reader (programme text, CSV, XLSX) fills the same draft; `import_finish` turns a draft into
an agenda's YAML, working out what the source left implicit (ends, days, kinds, ids) and checking
the result the way `runofshow check` does. A draft keeps the line (or spreadsheet row) each part
came from, so that every note the operator reads names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from runofshow.core.agenda import Cue, Person, SlotKind


@dataclass
class DraftSlot:
    line: int  # the 1-based line (text) or row (spreadsheet) the slot starts on
    start: time | None  # None: it follows the slot before it (a sheet that gives only lengths)
    end: time | None = None  # None: from `duration`, else the next slot's start, else the default length
    duration: int | None = None  # seconds, when the source gives a length rather than an end
    day: date | None = None  # the slot's date, when the source gives one (a Date column, a day heading)
    title: str = ""
    kind: SlotKind | None = None  # None: decided from the title by `guess_kind`
    speakers: list[Person] = field(default_factory=list)
    moderator: Person | None = None
    panellists: list[Person] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    notes: str = ""
    crew: dict[str, str] = field(default_factory=dict)  # crew column -> cue
    id: str = ""  # "" = made from the title
    warning: int | None = None  # seconds
    hard: bool = False
    skipped: bool = False


@dataclass
class DraftEvent:
    title: str = ""
    date: date | None = None
    timezone: str = ""  # an IANA name, "" when the source does not say
    venue_name: str = ""
    venue_address: str = ""
    organiser: str = ""
    description: str = ""
    topics: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportNote:
    """Something the operator must read: a line not understood, or a guess the importer made."""

    line: int  # 1-based; 0 = about the whole file
    text: str
    understood: bool = True  # False: the line was not understood and nothing was taken from it


@dataclass
class ImportDraft:
    source: Path
    event: DraftEvent = field(default_factory=DraftEvent)
    slots: list[DraftSlot] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # crew columns, in order
    notes: list[ImportNote] = field(default_factory=list)

    def note(self, line: int, text: str, *, understood: bool = True) -> None:
        self.notes.append(ImportNote(line, text, understood))

    def not_understood(self, line: int, text: str) -> None:
        self.notes.append(ImportNote(line, text, understood=False))


_KIND_WORDS: tuple[tuple[SlotKind, re.Pattern[str]], ...] = (
    (SlotKind.BREAK, re.compile(r"\b(break|pause|lunch|coffee|tea|dinner|breakfast|recess|déjeuner|lunsj|kaffe|"
                                r"kaffepause|pausa)\b", re.IGNORECASE)),
    # Before the doors open: not on stage, but in the plan so the room knows when the first item is.
    (SlotKind.OTHER, re.compile(r"\b(registration|check-in|doors open|arrivals?|accueil des participants|"
                                r"inscriptions?|enregistrement)\b|^\s*accueil\s*$|^\s*(?:doors|walk-in)\b",
                                re.IGNORECASE)),
    (SlotKind.PANEL, re.compile(r"\b(panel|q\s*&\s*a|q\s*and\s*a|q\s*/\s*a|questions and answers|round ?table|"
                                r"debate|fireside|discussion|in conversation|table ronde|débat|"
                                r"questions[- ]réponses|panelsamtale|paneldebatt)\b", re.IGNORECASE)),
    (SlotKind.RECEPTION, re.compile(r"\b(reception|drinks|cocktail|networking|apéro|aperitif|réception|"
                                    r"verre de l'amitié)\b", re.IGNORECASE)),
    (SlotKind.REMARKS, re.compile(r"\b(welcom\w*|remarks|closing|opening|introduction|concluding|"
                                  r"mot de bienvenue|mot d'accueil|allocution|discours|clôture|ouverture|"
                                  r"velkommen|wrap[- ]up)\b", re.IGNORECASE)),
)


def guess_kind(title: str) -> SlotKind:
    """The slot kind a programme's title implies: Break, Pause, Lunch, Coffee -> break; Registration, doors
    open, walk-in -> other; a panel, a discussion or Q&A -> panel; Drinks, Reception -> reception; welcoming, opening or
    closing remarks -> remarks; else a talk. English and French words, and a few Norwegian ones."""
    for kind, pattern in _KIND_WORDS:
        if pattern.search(title):
            return kind
    return SlotKind.TALK
