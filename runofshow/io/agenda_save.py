"""Agenda -> the agenda file, changing only what the plan changed: comments, key order and layout stay.

The file is edited in place through ruamel.yaml's round-trip tree, never written from scratch: a slot is
matched by its id, only its fields that differ are rewritten, new slots take their neighbours' style
(key order, `end` or `duration`, flow or block), and a slot that moves or goes takes its comments along.

Comments in a YAML list belong to what comes before them, so the text after a slot (blank lines and
comment lines down to the next slot) is treated as the *next* slot's header: it moves with that slot.
The end-of-line comment stays on its line, the comments before the first slot stay at the top of the
list, the comments after the last slot stay at the end.

The new text is written atomically: a temporary file in the same folder, fsync, rename over the agenda,
fsync of the folder. A save that fails leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from runofshow.core.agenda import Agenda, Cue, Person, Slot, SlotKind
from runofshow.core.timeparse import format_duration, parse_date, parse_duration, parse_time_of_day
from runofshow.io.agenda_builder import slugify
from runofshow.io.agenda_yaml import parse_agenda

__all__ = ["AgendaSaveError", "NewAgenda", "new_agenda_text", "render_agenda", "save_agenda", "write_atomically"]

# New slots are written with their keys in this order, unless a neighbour shows another.
_KEY_ORDER = ("id", "date", "start", "end", "duration", "title", "kind", "hard", "skip", "speakers", "moderator",
              "panellists", "cues", "notes", "warning", "crew")
_BLANK_LINES = re.compile(r"^(?:[ \t]*\n)*")
# Text that reads back as itself unquoted inside `{…}`; anything else is quoted there (ruamel would write
# `{Audio: :5}`, which does not parse).
_PLAIN_IN_FLOW = re.compile(r"^[A-Za-z0-9\u00c0-\uffff][A-Za-z0-9\u00c0-\uffff .()/+'&-]*$")


class AgendaSaveError(ValueError):
    """The plan cannot be written into this text (it does not load as an agenda, or is not one we can edit)."""


@dataclass(frozen=True)
class NewAgenda:
    """File > New agenda: what the operator filled in, and where the file goes."""

    title: str
    day: date
    timezone: str  # an IANA name
    venue: str
    start: time  # the first slot's start
    first_slot: str  # the first slot's title
    path: Path


FIRST_SLOT_MINUTES = 15


def new_agenda_text(details: NewAgenda) -> str:
    """A new agenda: the event and one first slot (an agenda needs at least one), 15 minutes from `start`.

    Raises AgendaSaveError when the details do not make a valid agenda (an unknown time zone, an empty title).
    """
    event = CommentedMap()
    event["title"] = details.title.strip()
    event["date"] = details.day
    event["timezone"] = details.timezone
    if details.venue.strip():
        venue = CommentedMap()
        venue["name"] = details.venue.strip()
        event["venue"] = venue
    first = CommentedMap()
    first["start"] = details.start.strftime("%H:%M")
    first["duration"] = f"{FIRST_SLOT_MINUTES}m"
    first["title"] = details.first_slot.strip()
    document = CommentedMap()
    document["event"] = event
    document["slots"] = CommentedSeq([first])
    yaml = round_trip_yaml()
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    out.write("# Made with File > New agenda. The app saves every change to the plan here, and keeps your\n"
              "# comments. The format: docs/agenda-format.md in runofshow.\n\n")
    yaml.dump(document, out)
    text = out.getvalue()
    checked = parse_agenda(text, str(details.path))
    if checked.agenda is None:
        raise AgendaSaveError("; ".join(p.message for p in checked.errors))
    return text


def save_agenda(path: Path, agenda: Agenda, base: str | None = None) -> str:
    """Write `agenda` into the agenda file at `path`, atomically; returns the text written.

    `base` is the text to edit (default: the file as it is on disk); it must load as an agenda.
    """
    text = path.read_text(encoding="utf-8") if base is None else base
    new_text = render_agenda(text, agenda, str(path))
    write_atomically(path, new_text.encode("utf-8"))
    return new_text


def _umask() -> int:
    """The process's umask (reading it means setting it: it is set straight back)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_atomically(path: Path, data: bytes) -> None:
    """Temporary file beside `path`, fsync, rename over it, fsync the folder: the file is old or new, never half."""
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            wanted = path.stat().st_mode & 0o7777  # a replaced file keeps its permissions
        except OSError:
            wanted = 0o666 & ~_umask()  # a new one gets what any program's new file gets (mkstemp's is 0600)
        with contextlib.suppress(OSError):
            os.chmod(temporary, wanted)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def round_trip_yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never fold a long title or topic onto two lines
    return yaml


def _dash_offset(text: str) -> int:
    """How far the slots' `- ` stands in from `slots:` (`slots:\\n  - id:` is 2): the whole file is written so."""
    match = re.search(r"^slots:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)-", text, re.MULTILINE)
    return len(match.group(1)) if match else 0


def render_agenda(text: str, agenda: Agenda, filename: str = "<agenda>") -> str:
    """The agenda file's text with the plan of `agenda`, everything else as written in `text`."""
    loaded = parse_agenda(text, filename)
    if loaded.agenda is None:
        raise AgendaSaveError(f"{filename} does not load as an agenda now ({len(loaded.errors)} problem(s))")
    yaml = round_trip_yaml()
    offset = _dash_offset(text)
    yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    try:
        document = yaml.load(text)
    except YAMLError as exc:  # the loader took it: only a YAML feature ruamel reads otherwise
        raise AgendaSaveError(f"{filename} cannot be edited in place: {exc}") from exc
    slots = document["slots"]
    if not isinstance(slots, CommentedSeq) or len(slots) != len(loaded.agenda.slots):
        raise AgendaSaveError(f"{filename}: the slots list cannot be edited in place")
    if agenda.columns != loaded.agenda.columns:
        _set_columns(document, agenda.columns)
    _SlotsEditor(slots, loaded.agenda, agenda, offset).apply()
    out = io.StringIO()
    yaml.dump(document, out)
    written = out.getvalue()
    if text.startswith("---") and not written.startswith("---"):
        written = "---\n" + written
    # Never write a file that would not load back as this very plan (a YAML quirk, a case not foreseen).
    check = parse_agenda(written, filename)
    if check.agenda != agenda:
        reasons = "; ".join(str(p) for p in check.errors[:3]) or "it would load as another plan"
        raise AgendaSaveError(f"{filename}: the plan cannot be written into this file ({reasons})")
    return written


class _SlotsEditor:
    """Rebuilds the `slots` list from the new plan, reusing each kept slot's mapping."""

    def __init__(self, slots: CommentedSeq, old: Agenda, new: Agenda, offset: int) -> None:
        self.slots = slots
        self.offset = offset
        self.old = old
        self.new = new
        self.tz: tzinfo = new.event.tz
        self.nodes: dict[str, Any] = {slot.id: slots[i] for i, slot in enumerate(old.slots)}
        self.old_slots = {slot.id: slot for slot in old.slots}
        self.key_orders: dict[int, list[str]] = {}  # a new slot's mapping -> its model neighbour's key order

    def apply(self) -> None:
        slots, old_ids = self.slots, [s.id for s in self.old.slots]
        # Each slot's header (the blank lines and comments above it), the list's tail, and the usual separator.
        headers: dict[str, str] = {}
        trailing = [_take_trailing(slots, i) for i in range(len(slots))]
        # ruamel keeps some blank lines above a slot as the slot's own "before" comment: part of its header too.
        before = [_take_before(slots, i) for i in range(len(slots))]
        for i, slot_id in enumerate(old_ids):
            if i > 0:
                headers[slot_id] = trailing[i - 1] + before[i]
        tail = trailing[-1]
        # A flow-style slot's end-of-line comment is kept by the list under the slot's position: it moves along.
        own_line = {slot_id: slots.ca.items.pop(i) for i, slot_id in enumerate(old_ids) if i in slots.ca.items}
        separator = _usual_separator(list(headers.values()))
        new_nodes: list[Any] = []
        for index, slot in enumerate(self.new.slots):
            node = self.nodes.get(slot.id)
            if node is None:
                node = self._new_node(index)
            new_nodes.append(node)
        slots.clear()
        for node in new_nodes:
            slots.append(node)
        for i, slot in enumerate(self.new.slots):
            if slot.id in own_line:
                slots.ca.items[i] = own_line[slot.id]
        self._set_times_and_fields()
        self._keep_ids()
        for node in slots:
            if id(node) in self.key_orders:
                _order_keys(node, self.key_orders[id(node)])
        top = headers.get(self.new.slots[0].id, "") + before[0]
        if top.strip():  # a commented slot moved to the top: its comments go under the list's own
            _append_list_header(slots, _BLANK_LINES.sub("", top))
        for i, slot in enumerate(self.new.slots[1:], start=1):
            _put_trailing(slots, i - 1, headers.get(slot.id, separator))
        _put_trailing(slots, len(slots) - 1, tail)
        _avoid_lost_line_break(slots, self.offset)

    # -- the fields -------------------------------------------------------------------------------

    def _set_times_and_fields(self) -> None:
        day = self.new.event.date
        for i, slot in enumerate(self.new.slots):
            node = self.slots[i]
            old = self.old_slots.get(slot.id)
            self._set_times(node, slot, day)
            self._set_fields(node, slot, old)
            day = slot.end.date()

    def _set_times(self, node: Any, slot: Slot, implied: date) -> None:
        node_day = _read_date(node.get("date"), implied)
        if _reads_as(node.get("start"), node_day, self.tz) != slot.start:
            if "date" in node or slot.start.date() != implied:
                _set_before(node, "date", slot.start.date(), "start")
            node["start"] = _hhmm(slot.start)
            node_day = slot.start.date()
        if "duration" in node:
            start = _reads_as(node.get("start"), node_day, self.tz)
            current = _duration(node["duration"]) if start is not None else -1
            if current != slot.duration:
                node["duration"] = format_duration(slot.duration)
            return
        end_text = _end_text(slot.end, node_day)
        if _reads_as(node.get("end"), node_day, self.tz) == slot.end:
            return
        if _reads_as(end_text, node_day, self.tz) == slot.end:
            node["end"] = end_text
        else:  # an end the clock lives twice (fall back) cannot be written as a time: give the length
            _replace_key(node, "end", "duration", format_duration(slot.duration))

    def _set_fields(self, node: Any, slot: Slot, old: Slot | None) -> None:
        flow = _is_flow(node)
        if old is None or old.title != slot.title:
            node["title"] = slot.title
        if old is None or old.kind != slot.kind:
            if slot.kind is SlotKind.TALK and "kind" not in node:
                pass
            else:
                node["kind"] = slot.kind.value
        for key, value in (("hard", slot.hard), ("skip", slot.skipped)):
            if value:
                if node.get(key) is not True:
                    _set_after_times(node, key, True)
            elif key in node and key in node.ca.items:
                node[key] = False  # the line carries the user's comment: keep both, say false
            elif key in node:
                del node[key]
        if old is None or old.speakers != slot.speakers:
            _set_or_drop(node, "speakers", _people(slot.speakers, flow, node.get("speakers"),
                                                   old.speakers if old else ()) if slot.speakers else None)
        if old is None or old.moderator != slot.moderator:
            _set_or_drop(node, "moderator", person_node(slot.moderator) if slot.moderator else None)
        if old is None or old.panellists != slot.panellists:
            _set_or_drop(node, "panellists", _people(slot.panellists, flow, node.get("panellists"),
                                                     old.panellists if old else ()) if slot.panellists else None)
        if old is None or old.cues != slot.cues:
            _set_or_drop(node, "cues", cues_node(slot.cues, flow, node.get("cues"), old.cues if old else ())
                         if slot.cues else None)
        if old is None or old.notes != slot.notes:
            _set_or_drop(node, "notes", slot.notes or None)
        if old is None or old.warning != slot.warning:
            _set_or_drop(node, "warning", None if slot.warning is None else format_duration(slot.warning))
        if old is None or old.crew != slot.crew:
            was = _flow_width(node.get("crew"))  # a `{Audio: …}` on the slot's line: its comment keeps its gap
            _set_or_drop(node, "crew", _crew(slot.crew, flow, node.get("crew"), self.new.columns)
                         if slot.crew else None)
            if was and "crew" in node:
                _keep_comment_gap(node, "crew", was, _flow_width(node["crew"]))

    def _keep_ids(self) -> None:
        """Write `id:` wherever the id the loader would derive from the title is not the slot's id."""
        explicit = {str(node["id"]) for node in self.slots if "id" in node}
        taken: set[str] = set()
        for node, slot in zip(self.slots, self.new.slots, strict=True):
            if "id" in node:
                if str(node["id"]) != slot.id:
                    node["id"] = slot.id
                taken.add(slot.id)
                continue
            base = slugify(slot.title)
            derived, counter = base, 2
            while derived in taken or derived in explicit:
                derived, counter = f"{base}-{counter}", counter + 1
            if derived != slot.id:
                node.insert(0, "id", slot.id)
                derived = slot.id
            taken.add(derived)

    # -- a new slot, in its neighbours' style -----------------------------------------------------

    def _new_node(self, index: int) -> CommentedMap:
        neighbours = [self.nodes.get(s.id) for s in (self.new.slots[index - 1:index] + self.new.slots[index + 1:])]
        model = next((n for n in neighbours if n is not None), None)
        node = CommentedMap()
        order = list(model.keys()) if model is not None else []
        uses_duration = model is not None and "duration" in model
        if model is None or "id" in model:
            node["id"] = self.new.slots[index].id
        node["start"] = "00:00"  # the real times come with the others, in `_set_times`
        if uses_duration:
            node["duration"] = "1m"
        else:
            node["end"] = "00:00"
        node["title"] = ""
        if model is not None and _is_flow(model):
            node.fa.set_flow_style()
        self.key_orders[id(node)] = order
        return node


def _order_keys(node: CommentedMap, model: list[str]) -> None:
    """A new slot's keys in its neighbour's order, the keys it lacks in the format's usual order."""
    rank = {key: i for i, key in enumerate(model)}
    usual = {key: len(model) + i for i, key in enumerate(_KEY_ORDER)}
    items = sorted(node.items(), key=lambda item: rank.get(item[0], usual.get(item[0], len(rank) + len(usual))))
    for key in list(node.keys()):
        del node[key]
    for key, value in items:
        node[key] = value


def _duration(value: Any) -> int:
    try:
        return parse_duration(str(value))
    except ValueError:
        return -1


def _is_flow(node: Any) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and bool(node.fa.flow_style())


def _read_date(value: Any, implied: date) -> date:
    if value is None:
        return implied
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    try:
        return parse_date(str(value))
    except ValueError:
        return implied


def _reads_as(value: Any, day: date, tz: tzinfo) -> datetime | None:
    """The moment a written time of day stands for on `day`, read as the loader reads it."""
    if value is None:
        return None
    try:
        when = parse_time_of_day(str(value))
    except ValueError:
        return None
    first = datetime.combine(day + timedelta(days=when.days_later), when.time, tzinfo=tz)
    if first.utcoffset() != first.replace(fold=1).utcoffset() and \
            (first.replace(fold=1).utcoffset() or timedelta(0)) > (first.utcoffset() or timedelta(0)):
        return datetime.fromtimestamp(first.timestamp(), tz)  # a skipped time is read forward
    return first


def _hhmm(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")


def _end_text(end: datetime, day: date) -> str:
    later = (end.date() - day).days
    return _hhmm(end) + (f" +{later}d" if later > 0 else "")


def _set_before(node: CommentedMap, key: str, value: Any, before: str) -> None:
    if key in node:
        if node[key] != value:
            node[key] = value
        return
    keys = list(node.keys())
    node.insert(keys.index(before) if before in keys else len(keys), key, value)


def _set_after_times(node: CommentedMap, key: str, value: Any) -> None:
    """`hard: true` next to the times it is about (after `start` and `end`/`duration`)."""
    if key in node:
        node[key] = value
        return
    keys = list(node.keys())
    times = [keys.index(k) for k in ("start", "end", "duration", "hard") if k in keys]
    node.insert(max(times) + 1 if times else len(keys), key, value)


def _replace_key(node: CommentedMap, old: str, new: str, value: Any) -> None:
    keys = list(node.keys())
    position = keys.index(old) if old in keys else len(keys)
    if old in node:
        del node[old]
    node.insert(position, new, value)


def _set_or_drop(node: CommentedMap, key: str, value: Any) -> None:
    if value is None:
        if key in node:
            del node[key]
    else:
        node[key] = value


def person_node(person: Person) -> Any:
    """One line when it reads back the same (`Name, role, organisation`, `Name, role,`), else a mapping."""
    lines = (person.label(), f"{person.name}, {person.role},")
    for line in lines:
        if Person.from_line(line) == person and not any(c in line for c in "\n\r\t#"):
            return line
    mapping = CommentedMap()
    mapping["name"] = person.name
    if person.role:
        mapping["role"] = person.role
    if person.organisation:
        mapping["organisation"] = person.organisation
    mapping.fa.set_flow_style()
    return mapping


def _people(people: tuple[Person, ...], flow: bool, written: Any = None,
            was: tuple[Person, ...] = ()) -> CommentedSeq:
    """The people list; a person who was there already keeps the way they were written (line or mapping)."""
    kept: list[tuple[Person, Any]] = []
    if isinstance(written, CommentedSeq) and len(written) == len(was):
        kept = list(zip(was, written, strict=True))
        flow = flow or _is_flow(written)
    items: list[Any] = []
    for person in people:
        match = next((i for i, (before, _) in enumerate(kept) if before == person), None)
        items.append(kept.pop(match)[1] if match is not None else person_node(person))
    seq = CommentedSeq(items)
    if flow:
        seq.fa.set_flow_style()
    return seq


def cues_node(cues: tuple[Cue, ...], flow: bool, written: Any = None, was: tuple[Cue, ...] = ()) -> CommentedSeq:
    """The cue list: a cue that was there already keeps its node as written; a new one takes the layout of
    the cues written before it (a mapping per line in flow style, or block style), so that cutting a panel
    and undoing it gives the file back as it was."""
    kept: list[tuple[Cue, Any]] = []
    item_flow = True
    if isinstance(written, CommentedSeq):
        if len(written) == len(was):
            kept = list(zip(was, written, strict=True))
        if len(written) and isinstance(written[0], CommentedMap):
            item_flow = _is_flow(written[0])
        flow = flow or _is_flow(written)
    seq = CommentedSeq()
    for cue in cues:
        match = next((i for i, (before, _) in enumerate(kept) if before == cue), None)
        if match is not None:
            seq.append(kept.pop(match)[1])
            continue
        item = CommentedMap()
        item["title"] = cue.title
        item["duration"] = format_duration(cue.duration)
        if cue.speaker is not None:
            item["speaker"] = person_node(cue.speaker)
        if item_flow:
            item.fa.set_flow_style()
        seq.append(item)
    if flow:
        seq.fa.set_flow_style()
    return seq


def _set_columns(document: CommentedMap, columns: tuple[str, ...]) -> None:
    """The top-level `columns:` list: changed in place when written, else put first (`[Audio, Video]`)."""
    if not columns:
        if "columns" in document:
            del document["columns"]
        return
    written = document.get("columns")
    if isinstance(written, CommentedSeq):
        written[:] = list(columns)
        return
    seq = CommentedSeq(list(columns))
    seq.fa.set_flow_style()
    document.insert(0, "columns", seq)


def _crew(crew: tuple[tuple[str, str], ...], flow: bool, written: Any, columns: tuple[str, ...]) -> CommentedMap:
    """A slot's `crew:` mapping. One already written is changed in place, so each line keeps its comment and
    a new column's line goes where the columns' order puts it; a new one is a block under the slot (or flow
    in a flow slot)."""
    cues = dict(crew)
    if isinstance(written, CommentedMap):
        for column in [key for key in written if str(key) not in cues]:
            del written[column]
        for column, cue in crew:
            if column in written:
                if written[column] != cue:
                    _keep_comment_gap(written, column, len(str(written[column])), len(cue))
                    written[column] = _in_flow(cue) if _is_flow(written) else cue
                continue
            rank = columns.index(column)
            position = sum(1 for key in written if str(key) in columns and columns.index(str(key)) < rank)
            written.insert(position, *((_in_flow(column), _in_flow(cue)) if _is_flow(written) else (column, cue)))
        return written
    if not flow:
        return CommentedMap(crew)
    mapping = CommentedMap((_in_flow(column), _in_flow(cue)) for column, cue in crew)
    mapping.fa.set_flow_style()
    return mapping


def _in_flow(text: str) -> Any:
    """Text as it can stand inside `{…}`: plain when it reads back as itself there, else in single quotes."""
    return text if _PLAIN_IN_FLOW.match(text) else SingleQuotedScalarString(text)


# -- comments ---------------------------------------------------------------------------------------

def _flow_width(value: Any) -> int:
    """About how wide a flow mapping is written (`{Audio: mic, Stage: chairs}`), 0 for anything else."""
    if not (isinstance(value, CommentedMap) and _is_flow(value)):
        return 0
    return 2 + len(", ".join(f"{key}: {item}" for key, item in value.items()))


def _keep_comment_gap(mapping: CommentedMap, key: str, was: int, becomes: int) -> None:
    """A value `was` characters long becomes `becomes` long: its end-of-line comment moves by as much, so the
    gap before it stays (ruamel would keep the comment's column, or leave one space after a longer value)."""
    entry = mapping.ca.items.get(key)
    token = entry[2] if entry and len(entry) > 2 else None
    if isinstance(token, CommentToken) and token.start_mark is not None:
        token.start_mark = CommentMark(max(token.start_mark.column + becomes - was, 0))  # type: ignore[assignment]


def _holder(seq: CommentedSeq, index: int) -> tuple[dict[Any, Any], Any, int]:
    """Where ruamel keeps the comment that follows item `index` of a block list: (table, key, slot)."""
    node = seq[index]
    if isinstance(node, CommentedMap) and not _is_flow(node) and len(node):
        key = list(node.keys())[-1]
        value = node[key]
        if isinstance(value, (CommentedMap, CommentedSeq)) and not _is_flow(value) and len(value):
            if isinstance(value, CommentedSeq):
                return _holder(value, len(value) - 1)
            return _holder_in_map(value)
        return node.ca.items, key, 2
    return seq.ca.items, index, 0


def _holder_in_map(node: CommentedMap) -> tuple[dict[Any, Any], Any, int]:
    key = list(node.keys())[-1]
    value = node[key]
    if isinstance(value, CommentedSeq) and not _is_flow(value) and len(value):
        return _holder(value, len(value) - 1)
    if isinstance(value, CommentedMap) and not _is_flow(value) and len(value):
        return _holder_in_map(value)
    return node.ca.items, key, 2


def _take_before(seq: CommentedSeq, index: int) -> str:
    entry: list[Any] | None = seq.ca.items.get(index)
    if not entry or len(entry) < 2 or not entry[1]:
        return ""
    # Each line's token keeps its column apart from its text.
    text = "".join((" " * token.column if token.value.lstrip().startswith("#") and not token.value.startswith(" ")
                    else "") + token.value for token in entry[1] if isinstance(token, CommentToken))
    entry[1] = None
    if not any(entry):
        del seq.ca.items[index]
    return text


def _take_trailing(seq: CommentedSeq, index: int) -> str:
    """Removes and returns the lines after item `index`'s own line (blank lines, comments); keeps its eol comment."""
    table, key, position = _holder(seq, index)
    entry: list[Any] | None = table.get(key)
    token = entry[position] if entry and len(entry) > position else None
    if entry is None or not isinstance(token, CommentToken):
        return ""
    _forget_copy_in_flow_value(seq[index], token)
    value: str = token.value
    eol, newline, rest = value.partition("\n")
    if eol.strip():
        token.value = eol + "\n"
    else:
        entry[position] = None
        if not any(entry):
            del table[key]
    return rest if newline else ""


def _forget_copy_in_flow_value(node: Any, token: CommentToken) -> None:
    """ruamel keeps the comment after a flow value (`moderator: {…}  # c`) twice: on the key and in the value.
    The key's copy is the one edited here; the value's copy would come back on the next save."""
    while isinstance(node, CommentedMap) and not _is_flow(node) and len(node):
        node = node[list(node.keys())[-1]]
        if isinstance(node, CommentedSeq) and not _is_flow(node) and len(node):
            node = node[len(node) - 1]
    if _is_flow(node) and node.ca.comment and node.ca.comment[0] is token:
        node.ca.comment[0] = None


def _put_trailing(seq: CommentedSeq, index: int, text: str) -> None:
    """Puts `text` (whole lines) after item `index`, after its end-of-line comment if it has one."""
    if not text:
        return
    table, key, position = _holder(seq, index)
    if table is seq.ca.items and index + 1 < len(seq):
        # After a flow-style slot: above the next item, the way ruamel reads a blank line there.
        # (Appended to the flow slot's end-of-line comment, ruamel loses a line break after a list header.)
        before = seq.ca.items.setdefault(index + 1, [None, None, None, None])
        before[1] = [CommentToken(text, CommentMark(0), None)]
        return
    entry = table.get(key)
    token = entry[position] if entry and len(entry) > position else None
    if isinstance(token, CommentToken):
        token.value = token.value + text
        return
    new_token = CommentToken("\n" + text, CommentMark(0), None)
    if entry is None:
        entry = [None, None, None, None]
        table[key] = entry
    entry[position] = new_token


def _avoid_lost_line_break(seq: CommentedSeq, offset: int) -> None:
    """ruamel writes `- {…}  # c` first under a comment heading the list, then the next slot's first two keys on
    one line (`- id: a start: 10:10`): a broken file. Then that comment goes on its own line under the slot."""
    if len(seq) < 2 or not _is_flow(seq[0]) or not (seq.ca.comment and seq.ca.comment[1]):
        return
    entry = seq.ca.items.get(0)
    token = entry[0] if entry else None
    if entry is None or not isinstance(token, CommentToken):
        return
    entry[0] = None
    if not any(entry):
        del seq.ca.items[0]
    eol, _, rest = token.value.partition("\n")
    text = " " * offset + eol.strip() + "\n" + rest
    before = seq.ca.items.setdefault(1, [None, None, None, None])
    before[1] = [CommentToken(text, CommentMark(0), None), *(before[1] or [])]


def _append_list_header(seq: CommentedSeq, text: str) -> None:
    if seq.ca.comment is None:
        seq.ca.comment = [None, []]
    if seq.ca.comment[1] is None:
        seq.ca.comment[1] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped:
            seq.ca.comment[1].append(CommentToken(stripped + "\n", CommentMark(len(line) - len(line.lstrip())), None))


def _usual_separator(headers: list[str]) -> str:
    """The blank lines most slots have above them, for a new slot (one blank line, or none)."""
    blanks = [_BLANK_LINES.match(h).group(0) if _BLANK_LINES.match(h) else "" for h in headers]  # type: ignore[union-attr]
    if not blanks:
        return ""
    return Counter(blanks).most_common(1)[0][0]
