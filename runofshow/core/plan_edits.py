"""The plan commands: each turns the plan in force into a new one, or refuses with a reason.

Rules (what the operator is told in README's commands table):
- A *soft* slot keeps its distance to its predecessor's end: when the slot before it ends later or earlier,
  it moves by as much, and so on down the plan. A *hard* slot keeps its time of day and stops the ripple;
  so does the first slot of a later day. An edit that would make a slot overlap a hard start is refused.
- Times move in real seconds (`agenda.real_seconds`): across a daylight-saving night a 30-minute slot stays
  30 minutes long, and a slot's time of day is read in the event's zone on its own day.
- The slot on (loaded or running) cannot be deleted, moved or skipped ("end it first"); editing it is
  allowed, and its countdown follows its new length at once. The show stays on the same slot by id, so
  inserting or removing slots before it moves `Live.index` with it. Past runs keep their slot ids.
- Every result passes `plan_problem`, the loader's checks on a plan (order, no overlap, the event's days,
  cues within their slot); otherwise the edit is refused with the reason.

Pure functions, no clock: a handler takes the plan, the live state and the moment, as the other handlers do.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from runofshow.core import words
from runofshow.core.agenda import Agenda, Cue, Person, Slot, SlotKind, real_seconds
from runofshow.core.clock import Instant
from runofshow.core.commands import MAX_CREW_CUE
from runofshow.core.live import Live
from runofshow.core.timeparse import TimeOfDay, format_duration, parse_duration, parse_time_of_day

PlanHandler = Callable[..., tuple[Agenda, Live] | str]

_ID = re.compile(r"^[A-Za-z0-9._-]+$")  # the loader's rule for ids


def _hhmm(moment: datetime) -> str:
    return f"{moment:%H:%M}" if moment.second == 0 else f"{moment:%H:%M:%S}"


def moved_by(moment: datetime, seconds: float) -> datetime:
    """A moment `seconds` real seconds later, in the same zone (through UTC: a DST night counts right)."""
    tz = moment.tzinfo
    return (moment.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(tz)


def _slot_moved(slot: Slot, seconds: float) -> Slot:
    return replace(slot, start=moved_by(slot.start, seconds), end=moved_by(slot.end, seconds))


def _at_time(day: date, when: TimeOfDay, agenda: Agenda) -> datetime:
    """A written time of day on `day` as a real moment, read the way the loader reads it (a skipped time
    forward by the gap, a doubled one as its first occurrence)."""
    tz = agenda.event.tz
    local = datetime.combine(day + timedelta(days=when.days_later), when.time, tzinfo=tz)
    return datetime.fromtimestamp(local.timestamp(), tz)


def _starts_a_day(slots: list[Slot], index: int) -> bool:
    return index > 0 and slots[index].start.date() > slots[index - 1].end.date()


def _rippled(slots: list[Slot], first: int, seconds: float, old_ends: list[datetime] | None = None) -> list[Slot]:
    """Soft slots from `first` on move by `seconds`, until a hard slot or a new day stops the ripple.

    A slot the ripple pushed into a hard start is cut to end there (the break before the 15:10 return
    gets shorter); one that would be cut to nothing is left overlapping, and the plan check refuses it.
    """
    out = list(slots)
    for index in range(first, len(out)):
        slot = out[index]
        if seconds == 0:
            break
        if slot.hard or (index > 0 and slot.start.date() > _day_of(out, index - 1, old_ends)):
            before = out[index - 1] if index > first else None
            if before is not None and real_seconds(slot.start, before.end) > 0 \
                    and real_seconds(before.start, slot.start) > 0:
                length = real_seconds(before.start, slot.start)
                out[index - 1] = replace(before, end=slot.start, cues=_fit_cues(before.cues, length))
            break
        out[index] = _slot_moved(slot, seconds)
    return out


def _day_of(slots: list[Slot], index: int, old_ends: list[datetime] | None) -> date:
    # A new day is judged on the plan as written before the edit, not on the moved times.
    return (old_ends[index] if old_ends is not None and index < len(old_ends) else slots[index].end).date()


def plan_problem(agenda: Agenda, first_day: date | None = None, last_day: date | None = None) -> str:
    """What makes a plan invalid (the loader's checks), or ''."""
    slots = agenda.slots
    if not slots:
        return words.last_slot_not_deleted()
    if len({slot.id for slot in slots}) != len(slots):
        seen: set[str] = set()
        for slot in slots:
            if slot.id in seen:
                return words.slot_id_taken(slot.id)
            seen.add(slot.id)
    first = first_day or agenda.event.date
    for index, slot in enumerate(slots):
        if real_seconds(slot.start, slot.end) <= 0:
            return words.end_not_after_start(_hhmm(slot.end), _hhmm(slot.start))
        if slot.start.date() < first or (last_day is not None and slot.start.date() > last_day):
            return words.outside_the_event(slot.title)
        total = sum(cue.duration for cue in slot.cues)
        if total > slot.duration:
            return words.cues_longer(slot.title, format_duration(total), format_duration(slot.duration))
        if index > 0:
            previous = slots[index - 1]
            if real_seconds(previous.end, slot.start) < 0:
                return words.slots_overlap(slot.title, _hhmm(slot.start), previous.title, _hhmm(previous.end))
    return ""


def _last_day(agenda: Agenda) -> date:
    return max(slot.end.date() for slot in agenda.slots)


def _result(old: Agenda, slots: list[Slot], live: Live) -> tuple[Agenda, Live] | str:
    """The new plan checked, and the live state following the slot on by its id."""
    agenda = Agenda(old.event, tuple(slots), old.messages, old.columns)
    problem = plan_problem(agenda, old.event.date, _last_day(old))
    if problem:
        return problem
    if live.index is None:
        return agenda, live
    index = agenda.index_of(old.slots[live.index].id)
    assert index is not None  # the slot on is never deleted (refused before)
    cues = agenda.slots[index].cues
    return agenda, replace(live, index=index, cue_index=min(live.cue_index, max(len(cues) - 1, 0)))


def _on_now(agenda: Agenda, live: Live) -> Slot | None:
    """The slot loaded or running, which the show stands on."""
    return agenda.slots[live.index] if live.index is not None and not live.finished else None


def _people(lines: tuple[str, ...]) -> tuple[Person, ...] | str:
    people: list[Person] = []
    for line in lines:
        person = Person.from_line(line)
        if person is None:
            return words.speaker_without_name(line)
        people.append(person)
    return tuple(people)


def _moderator(line: str) -> Person | str | None:
    """The moderator written on one line; '' removes the moderator."""
    if not line.strip():
        return None
    person = Person.from_line(line)
    return person if person is not None else words.speaker_without_name(line)


def _cues(lines: tuple[str, ...]) -> tuple[Cue, ...] | str:
    """Cues written 'Title | 3m | Name, role, organisation' (the speaker may be left out), in order."""
    cues: list[Cue] = []
    for line in lines:
        parts = [part.strip() for part in line.split("|")]
        if len(parts) not in (2, 3):
            return words.cue_unreadable(line)
        if not parts[0]:
            return words.cue_without_title(line)
        try:
            length = parse_duration(parts[1])
        except ValueError as exc:
            return str(exc)
        if length <= 0:
            return words.cue_unreadable(line)
        speaker = None
        if len(parts) == 3 and parts[2]:
            speaker = Person.from_line(parts[2])
            if speaker is None:
                return words.speaker_without_name(parts[2])
        cues.append(Cue(parts[0], length, speaker))
    return tuple(cues)


def _crew(lines: tuple[str, ...], columns: tuple[str, ...]) -> tuple[tuple[str, str], ...] | str:
    """Crew cues written 'Column: cue', as the model keeps them: in the agenda's column order, the column as
    the agenda spells it (a desk may type 'audio'), an empty cue the same as none."""
    by_name = {column.casefold(): column for column in columns}
    given: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            continue
        name, colon, cue = (part.strip() for part in line.partition(":"))
        if not colon or not name:
            return words.crew_line_unreadable(line)
        if not columns:
            return words.no_crew_columns()
        column = by_name.get(name.casefold())
        if column is None:
            hint = difflib.get_close_matches(name, columns, n=1, cutoff=0.6)
            return words.unknown_crew_column(name, columns, hint[0] if hint else "")
        if column in given:
            return words.crew_column_twice(column)
        if len(cue) > MAX_CREW_CUE:
            return words.crew_cue_too_long(column, len(cue), MAX_CREW_CUE)
        given[column] = cue
    return tuple((column, given[column]) for column in columns if given.get(column))


def _kind(text: str) -> SlotKind | str:
    try:
        return SlotKind(text.strip())
    except ValueError:
        return words.unknown_kind(text, [k.value for k in SlotKind])


def _time(text: str) -> TimeOfDay | str:
    try:
        return parse_time_of_day(text)
    except ValueError as exc:
        return str(exc)


def _fit_cues(cues: tuple[Cue, ...], length: int) -> tuple[Cue, ...]:
    """Cues cut from the end to fit a shorter slot: the last ones shortened, then dropped."""
    kept: list[Cue] = []
    left = length
    for cue in cues:
        if left <= 0:
            break
        kept.append(cue if cue.duration <= left else replace(cue, duration=left))
        left -= kept[-1].duration
    return tuple(kept)


def _new_id(agenda: Agenda, title: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "slot"
    candidate, counter = base, 2
    while agenda.index_of(candidate) is not None:
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate


def _position_after(agenda: Agenda, after: str) -> int | str:
    """Where a slot goes when it follows `after` ('' for the top): its index in the new list."""
    if after == "":
        return 0
    index = agenda.index_of(after)
    return words.no_such_slot(after) if index is None else index + 1


# -- the commands ---------------------------------------------------------------------------------------


def insert_slot(agenda: Agenda, live: Live, now: Instant, *, after: str, title: str, duration: int,
                id: str = "", kind: str = "talk", speakers: tuple[str, ...] = (),
                start: str = "", crew: tuple[str, ...] = ()) -> tuple[Agenda, Live] | str:
    position = _position_after(agenda, after)
    if isinstance(position, str):
        return position
    if not title.strip():
        return words.empty_title()
    slot_id = id.strip() or _new_id(agenda, title)
    if not _ID.match(slot_id):
        return words.bad_slot_id(slot_id)
    if agenda.index_of(slot_id) is not None:
        return words.slot_id_taken(slot_id)
    slot_kind, people = _kind(kind), _people(speakers)
    if not isinstance(slot_kind, SlotKind):  # a SlotKind is a str too: test for the kind
        return slot_kind
    if isinstance(people, str):
        return people
    crew_cues = _crew(crew, agenda.columns)
    if isinstance(crew_cues, str):
        return crew_cues
    slots = list(agenda.slots)
    follows = slots[position - 1].end if position > 0 else slots[0].start
    begins, hard = follows, False
    if start:
        when = _time(start)
        if isinstance(when, str):
            return when
        begins, hard = _at_time(follows.date(), when, agenda), True
    new = Slot(slot_id, title.strip(), slot_kind, begins, moved_by(begins, duration), speakers=people, hard=hard,
               crew=crew_cues)
    old_ends = [s.end for s in slots]
    slots.insert(position, new)
    old_ends.insert(position, follows)
    # The slot after it followed `follows`; it now follows the new slot's end.
    slots = _rippled(slots, position + 1, real_seconds(follows, new.end), old_ends)
    return _result(agenda, slots, live)


def edit_slot(agenda: Agenda, live: Live, now: Instant, slot: str, *, title: str | None = None,
              duration: int | None = None, start: str | None = None, end: str | None = None,
              kind: str | None = None, speakers: tuple[str, ...] | None = None, notes: str | None = None,
              warning: int | None = None, moderator: str | None = None, panellists: tuple[str, ...] | None = None,
              cues: tuple[str, ...] | None = None, crew: tuple[str, ...] | None = None) -> tuple[Agenda, Live] | str:
    index = agenda.index_of(slot)
    if index is None:
        return words.no_such_slot(slot)
    old = agenda.slots[index]
    edited = old
    # An empty title, kind or end leaves it as it is: OSC fills its arguments by position, so a desk that
    # changes only the length sends '' for the title before it.
    if title is not None and title.strip():
        edited = replace(edited, title=title.strip())
    if kind is not None and kind.strip():
        slot_kind = _kind(kind)
        if not isinstance(slot_kind, SlotKind):
            return slot_kind
        edited = replace(edited, kind=slot_kind)
    if speakers is not None:
        people = _people(speakers)
        if isinstance(people, str):
            return people
        edited = replace(edited, speakers=people)
    if moderator is not None:
        chair = _moderator(moderator)
        if isinstance(chair, str):
            return chair
        edited = replace(edited, moderator=chair)
    if panellists is not None:
        panel = _people(panellists)
        if isinstance(panel, str):
            return panel
        edited = replace(edited, panellists=panel)
    if cues is not None:
        new_cues = _cues(cues)
        if isinstance(new_cues, str):
            return new_cues
        edited = replace(edited, cues=new_cues)
    if crew is not None:
        crew_cues = _crew(crew, agenda.columns)
        if isinstance(crew_cues, str):
            return crew_cues
        edited = replace(edited, crew=crew_cues)
    if notes is not None:
        edited = replace(edited, notes=notes)
    if warning is not None:
        edited = replace(edited, warning=warning)
    if start is not None:
        if start.strip() == "":
            edited = replace(edited, hard=False)  # soft again, at the same time
        else:
            when = _time(start)
            if isinstance(when, str):
                return when
            begins = _at_time(old.start.date(), when, agenda)
            edited = replace(edited, start=begins, end=moved_by(begins, old.duration), hard=True)
    if end is not None and end.strip():
        when = _time(end)
        if isinstance(when, str):
            return when
        ends = _at_time(edited.start.date(), when, agenda)
        if real_seconds(edited.start, ends) <= 0:
            return words.end_not_after_start(end.strip(), _hhmm(edited.start))
        edited = replace(edited, end=ends)
    if duration is not None:
        edited = replace(edited, end=moved_by(edited.start, duration))
    cue_total = sum(cue.duration for cue in edited.cues)
    if cues is not None and cue_total > edited.duration:  # cues written out must fit: they are not cut
        return words.cues_longer(edited.title, format_duration(cue_total), format_duration(edited.duration))
    if edited.duration < cue_total:
        edited = replace(edited, cues=_fit_cues(edited.cues, edited.duration))
    if edited == old:
        return words.nothing_changed(old.title)
    if live.index == index and not live.finished and edited.duration + live.added <= 0:
        return words.too_short_for_added_time(old.title)  # time taken off would leave it no length at all
    slots = list(agenda.slots)
    slots[index] = edited
    slots = _rippled(slots, index + 1, real_seconds(old.end, edited.end), [s.end for s in agenda.slots])
    return _result(agenda, slots, live)


def delete_slot(agenda: Agenda, live: Live, now: Instant, slot: str) -> tuple[Agenda, Live] | str:
    index = agenda.index_of(slot)
    if index is None:
        return words.no_such_slot(slot)
    gone = agenda.slots[index]
    on = _on_now(agenda, live)
    if on is not None and on.id == slot:
        return words.running_slot_not_deleted(gone.title)
    if len(agenda.slots) == 1:
        return words.last_slot_not_deleted()
    slots = list(agenda.slots)
    old_ends = [s.end for s in slots]
    follows = slots[index - 1].end if index > 0 else gone.start
    del slots[index], old_ends[index]
    slots = _rippled(slots, index, real_seconds(gone.end, follows), old_ends)
    return _result(agenda, slots, live)


def move_slot(agenda: Agenda, live: Live, now: Instant, slot: str, after: str) -> tuple[Agenda, Live] | str:
    index = agenda.index_of(slot)
    if index is None:
        return words.no_such_slot(slot)
    moving = agenda.slots[index]
    on = _on_now(agenda, live)
    if on is not None and on.id == slot:
        return words.running_slot_not_moved(moving.title)
    if after == slot:
        return words.move_after_itself(moving.title)
    if after and agenda.index_of(after) is None:
        return words.no_such_slot(after)
    # Out of its place (the slots after it close up), then in after `after`, starting at its end.
    slots = list(agenda.slots)
    old_ends = [s.end for s in slots]
    follows = slots[index - 1].end if index > 0 else moving.start
    del slots[index], old_ends[index]
    slots = _rippled(slots, index, real_seconds(moving.end, follows), old_ends)
    if after:
        position = next(i for i, s in enumerate(slots) if s.id == after) + 1
        begins = slots[position - 1].end
    else:
        position, begins = 0, slots[0].start
    placed = replace(moving, start=begins, end=moved_by(begins, moving.duration))
    old_ends = [s.end for s in slots]
    slots.insert(position, placed)
    old_ends.insert(position, begins)
    slots = _rippled(slots, position + 1, real_seconds(begins, placed.end), old_ends)
    if [s.id for s in slots] == [s.id for s in agenda.slots]:
        return words.nothing_changed(moving.title)
    return _result(agenda, slots, live)


def skip_slot(agenda: Agenda, live: Live, now: Instant, slot: str, on: bool) -> tuple[Agenda, Live] | str:
    index = agenda.index_of(slot)
    if index is None:
        return words.no_such_slot(slot)
    target = agenda.slots[index]
    if target.skipped == on:
        return words.already_skipped(target.title, on)
    current = _on_now(agenda, live)
    if on and current is not None and current.id == slot:
        return words.running_slot_not_skipped(target.title)
    slots = list(agenda.slots)
    slots[index] = replace(target, skipped=on)
    return _result(agenda, slots, live)


def shift(agenda: Agenda, live: Live, now: Instant, minutes: int, **named: str) -> tuple[Agenda, Live] | str:
    """Every slot from `from` on (default: every slot still to come) moves by `minutes`, hard ones too."""
    if minutes == 0:
        return words.shift_zero()
    first_id = named.get("from", "")
    if first_id:
        first = agenda.index_of(first_id)
        if first is None:
            return words.no_such_slot(first_id)
    elif live.finished:
        return words.nothing_to_shift()
    elif live.index is None:
        first = 0
    else:
        first = live.index + (1 if live.running_since is not None else 0)
    if first >= len(agenda.slots):
        return words.nothing_to_shift()
    slots = list(agenda.slots)
    slots[first:] = [_slot_moved(s, minutes * 60) for s in slots[first:]]
    return _result(agenda, slots, live)


PLAN_HANDLERS: Mapping[str, PlanHandler] = {
    "insert_slot": insert_slot, "edit_slot": edit_slot, "delete_slot": delete_slot, "move_slot": move_slot,
    "skip_slot": skip_slot, "shift": shift,
}


def describe_edit(before: Agenda, after: Agenda, name: str, args: Mapping[str, object]) -> str:
    """The status line for an accepted plan command."""
    slot_id = str(args.get("slot", ""))
    if name == "insert_slot":
        added = next(s for s in after.slots if before.index_of(s.id) is None)
        return words.slot_inserted(added.title, _hhmm(added.start))
    if name == "delete_slot":
        return words.slot_deleted(before.slots[before.index_of(slot_id) or 0].title)
    if name == "shift":
        return words.plan_shifted(int(args["minutes"]))  # type: ignore[call-overload]
    slot = after.slots[after.index_of(slot_id) or 0]
    if name == "skip_slot":
        return words.slot_skipped(slot.title, bool(args["on"]))
    return words.slot_edited(slot.title, _hhmm(slot.start), format_duration(slot.duration), moved=name == "move_slot")
