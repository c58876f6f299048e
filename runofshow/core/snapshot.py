"""The snapshot: everything a view needs at one instant, drawn from a live state and the plan.

`draw` reads and never changes anything: the engine gives it the live state as it stands at `now`
(already moved along the plan in roll mode) and gets back one immutable `ShowState`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from runofshow.core import messages
from runofshow.core.agenda import Agenda, Cue, Event, Slot, SlotKind
from runofshow.core.clock import Instant
from runofshow.core.live import Live, SlotRun
from runofshow.core.plan import anchor_of, planned, starts_a_new_day
from runofshow.core.timing import (
    format_countdown,
    format_time_of_day,
    local_datetime,
    until_display_changes,
    whole_seconds,
)


class ShowPhase(StrEnum):
    PRE_SHOW = "pre-show"
    RUNNING = "running"
    PAUSED = "paused"
    BETWEEN = "between"
    FINISHED = "finished"


class SlotPhase(StrEnum):
    NONE = "none"  # no slot running
    NORMAL = "normal"
    WARNING = "warning"
    OVERRUN = "overrun"


@dataclass(frozen=True)
class CueState:
    index: int
    cue: Cue
    elapsed: float
    remaining: float


@dataclass(frozen=True)
class ExpectedStart:
    """When a slot still to come is now expected to start, at the current slot's projected end."""

    start: datetime | None  # None for a slot done, skipped, or after the show
    late_hard: bool = False  # a hard start the show will miss at the current pace
    gap: int = 0  # seconds of gap opening before a hard start (the show is early for it)


@dataclass(frozen=True)
class ShowState:
    """Everything a view needs at one instant. Views draw this and nothing else."""

    at: Instant
    event: Event
    slots: tuple[Slot, ...]
    phase: ShowPhase
    index: int | None
    current: Slot | None
    next: Slot | None
    elapsed: float
    duration: float  # planned length plus added time
    added: float
    remaining: float
    slot_phase: SlotPhase
    warning: int  # the current slot's warning threshold, seconds
    countdown: str  # the remaining time as every display shows it
    cue: CueState | None
    next_cue: Cue | None
    message: str
    flashing: bool
    blackout: frozenset[str]
    time_of_day: datetime  # wall clock in the event's zone
    drift: float  # seconds behind plan (negative: ahead)
    projected_end: datetime  # when the show ends if every remaining slot takes its planned length
    target: datetime | None  # before the start, in a break or a gap: when the next thing starts
    target_remaining: float | None
    roll: bool
    runs: tuple[SlotRun, ...]
    last_command: str
    can_undo: bool
    planned_start: datetime | None = None  # the current (or next) slot's planned start, on the show's day
    current_started: datetime | None = None  # when the current slot's running stretch began (None: not started)
    played_on: date | None = None  # the day the plan's first day is played on (the agenda's own date, or another)
    flash_until: float | None = field(default=None, repr=False)
    holding: bool = False  # the projector shows the holding slide (the stage and moderator never do)
    message_pinned: bool = False  # the stage message stays through slot changes
    moderator_message: str = ""  # for the moderator's views only
    moderator_message_pinned: bool = False
    message_presets: tuple[str, ...] = ()  # the agenda's messages, keys 1-9 in the operator window
    expected: tuple[ExpectedStart, ...] = ()  # aligned with `slots`: when each slot still to come starts
    # `expected[expected_settled:]` are the very objects of every snapshot of this plan and day (as planned, or
    # none once the show is over); only the entries before it can change between two ticks: a view compares
    # those, not the whole plan. Entries before `index` are none in every snapshot too.
    expected_settled: int = 0
    columns: tuple[str, ...] = ()  # the agenda's crew columns (each slot's `crew` cues): for crew views only

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining) if self.current is not None else 0.0

    def until_change(self) -> float:
        """Show seconds from this snapshot until the next moment a displayed digit changes."""
        counting = self.phase is ShowPhase.RUNNING
        return until_display_changes(
            self.at.wall,
            self.remaining if counting else None,
            self.cue.remaining if counting and self.cue is not None else None,
            self.target_remaining,
            self.flash_until - self.at.t if self.flash_until is not None else None,
        )

    @property
    def target_text(self) -> str | None:
        """The target as a display writes it ('back at …', 'starts at …'): the moment its countdown ends."""
        return format_time_of_day(self.target) if self.target is not None else None

    @property
    def is_break(self) -> bool:
        return self.current is not None and self.current.kind is SlotKind.BREAK


def draw(agenda: Agenda, live: Live, now: Instant, can_undo: bool) -> ShowState:
    """The snapshot of `live` at `now`. Costs the same whatever the agenda's length or the show's history."""
    event, slots = agenda.event, agenda.slots
    anchor = anchor_of(agenda, live, now)
    current = slots[live.index] if live.index is not None else None
    phase = _phase(live)
    if current is not None:
        duration = current.duration + live.added
        elapsed = live.elapsed(now.t)
        remaining = duration - elapsed
        following = live.index + 1 if live.index is not None else len(slots)
        while following < len(slots) and slots[following].skipped:
            following += 1  # GO and next pass over a skipped slot
        next_slot = slots[following] if following < len(slots) else None
    else:
        duration = elapsed = remaining = 0.0
        next_slot = slots[0] if phase is ShowPhase.PRE_SHOW else None
    started = current is not None and live.running_since is not None
    warning = agenda.warning_for(current) if current is not None else event.warning
    slot_phase = _slot_phase(started, remaining, warning)
    cue = current_cue(current, live, elapsed) if started and current is not None else None
    next_cue = None
    if cue is not None and current is not None and cue.index + 1 < len(current.cues):
        next_cue = current.cues[cue.index + 1]

    # Where the show stands against its plan: planned epochs against `now.plan`, the timeline on the
    # corrected wall clock, and a stored timeline value `v` as `v + moved` (see `clock.Instant`).
    target: float | None = None
    moved, on_plan = now.correction, now.plan
    if phase is ShowPhase.FINISHED:
        # Measured from the last run; with none (roll mode turned on after the plan's end claims no
        # runs, as it claims none for the slots it missed mid-plan), the plan's end stands: drift 0,
        # never a drift that grows with the clock.
        planned_end = planned(agenda, anchor, slots[-1].end)
        drift = live.runs[-1].end + moved - planned_end if live.runs else 0.0
    elif current is None:  # pre-show
        start = planned(agenda, anchor, slots[0].start)
        target = start
        drift = max(0.0, on_plan - start)
    elif not started:  # loaded, waiting for GO or for its planned start in roll mode
        start = planned(agenda, anchor, current.start)
        # A countdown to its planned start in roll mode, and overnight before a later day's first slot.
        target = start if live.roll or starts_a_new_day(agenda, live.index or 0) else None
        drift = max(on_plan, start) + duration - planned(agenda, anchor, current.end)
    else:
        planned_end = planned(agenda, anchor, current.end)
        # In roll mode a running slot ends at its planned end, whatever its countdown (one started late
        # by hand and taken over, or started when an overrun ended): the show is where the plan is.
        drift = 0.0 if live.roll else on_plan + max(remaining, 0.0) - planned_end
        if current.kind is SlotKind.BREAK:
            # When its countdown ends; once over, when it ended (never "now", a "back at" creeping on).
            target = on_plan + remaining
    # One rounding for the figures shown together (`timing.whole_seconds`): the projected end moves the
    # plan's end by the drift as the drift is shown, and a target is the second its countdown ends on.
    projected_end = planned(agenda, anchor, slots[-1].end) + whole_seconds(drift)
    shown = current if current is not None else next_slot
    flashing = live.flash_until is not None and now.t < live.flash_until
    expected, settled = _expected_starts(agenda, live, now, anchor, on_plan + max(remaining, 0.0) if started else None)
    return ShowState(
        at=now, event=event, slots=slots, phase=phase, index=live.index, current=current, next=next_slot,
        elapsed=elapsed, duration=duration, added=live.added, remaining=remaining, slot_phase=slot_phase,
        warning=warning, countdown=format_countdown(remaining) if current is not None else "",
        cue=cue, next_cue=next_cue, message=messages.shown(agenda, live, "stage"), flashing=flashing,
        blackout=live.blackout,
        time_of_day=local_datetime(now.wall, event.tz), drift=drift,
        projected_end=local_datetime(projected_end, event.tz),
        target=local_datetime(whole_seconds(target), event.tz) if target is not None else None,
        target_remaining=(target - on_plan) if target is not None else None,
        roll=live.roll, runs=live.runs, last_command=live.last_command, can_undo=can_undo,
        planned_start=local_datetime(planned(agenda, anchor, shown.start), event.tz) if shown else None,
        flash_until=live.flash_until if flashing else None,
        current_started=(local_datetime(live.running_since, event.tz)
                         if current is not None and live.running_since is not None else None),
        played_on=anchor,
        holding=live.holding,
        message_pinned=messages.pinned(agenda, live, "stage"),
        moderator_message=messages.shown(agenda, live, "moderator"),
        moderator_message_pinned=messages.pinned(agenda, live, "moderator"),
        message_presets=agenda.messages,
        columns=agenda.columns,
        expected=expected, expected_settled=settled,
    )


def expected_starts(agenda: Agenda, live: Live, now: Instant, anchor: date,
                    current_end: float | None) -> tuple[ExpectedStart, ...]:
    """Every slot's expected start (plan seconds, shown in the event's zone): the slots still to come follow
    the current slot's projected end; a soft slot keeps its planned distance to the slot before it, a hard
    one (or a later day's first slot) starts at its planned time, and is late if the show runs past it.

    Once a slot is expected at its planned time, every later one is too: that tail is worked out once per
    plan and day (`_on_plan`), so a tick costs the slots up to the first one back on plan, not the whole plan.
    """
    return _expected_starts(agenda, live, now, anchor, current_end)[0]


_NONE = ExpectedStart(None)  # one object for every "no expected start": the same in every snapshot


def _expected_starts(agenda: Agenda, live: Live, now: Instant, anchor: date,
                     current_end: float | None) -> tuple[tuple[ExpectedStart, ...], int]:
    """`expected_starts`, and where the part that is the same in every snapshot of this plan and day begins."""
    slots, tz = agenda.slots, agenda.event.tz
    none = _NONE
    if live.finished:
        return (none,) * len(slots), 0
    first = 0 if live.index is None else live.index
    out: list[ExpectedStart] = [none] * first
    cursor: float | None = current_end  # when the slot before the next one is expected to end
    last_planned_end: float | None = None
    if current_end is not None and live.index is not None:
        assert live.running_since is not None  # `current_end` is given only for a started slot
        out.append(ExpectedStart(local_datetime(live.running_since, tz)))
        last_planned_end = planned(agenda, anchor, slots[live.index].end)
        first += 1
    on_plan = _on_plan(agenda, anchor)
    for index in range(first, len(slots)):
        slot = slots[index]
        if slot.skipped:
            out.append(none)
            continue
        begins = planned(agenda, anchor, slot.start)
        fixed = slot.hard or starts_a_new_day(agenda, index) or cursor is None
        if cursor is None:
            cursor = max(now.plan, begins)  # nothing on before it: now, or its planned start if later
        gap = 0.0
        if fixed:
            late = cursor > begins + 0.5
            gap = max(0.0, begins - cursor) if slot.hard else 0.0
            at = cursor if late else begins
        else:
            late = False
            at = cursor + max(0.0, begins - last_planned_end) if last_planned_end is not None else cursor
        out.append(ExpectedStart(local_datetime(whole_seconds(at), tz), late and slot.hard, whole_seconds(gap)))
        if abs(at - begins) < 0.5:
            return (*out, *on_plan[index + 1:]), index + 1  # back on plan: the rest is as planned
        cursor = at + slot.duration
        last_planned_end = planned(agenda, anchor, slot.end)
    return tuple(out), len(slots)


_ON_PLAN: dict[tuple[int, date], tuple[Agenda, tuple[ExpectedStart, ...]]] = {}


def _on_plan(agenda: Agenda, anchor: date) -> tuple[ExpectedStart, ...]:
    """Each slot's expected start when the show reaches it on time: its planned start, and the planned gap
    before a hard start. Kept for the last few plans (a plan is frozen; its id is checked by identity)."""
    key = (id(agenda), anchor)
    kept = _ON_PLAN.get(key)
    if kept is not None and kept[0] is agenda:
        return kept[1]
    tz = agenda.event.tz
    out: list[ExpectedStart] = []
    cursor: float | None = None
    for slot in agenda.slots:
        if slot.skipped:
            out.append(ExpectedStart(None))
            continue
        begins = planned(agenda, anchor, slot.start)
        gap = max(0.0, begins - cursor) if slot.hard and cursor is not None else 0.0
        out.append(ExpectedStart(local_datetime(begins, tz), False, whole_seconds(gap)))
        cursor = planned(agenda, anchor, slot.end)
    if len(_ON_PLAN) >= 8:
        _ON_PLAN.clear()
    _ON_PLAN[key] = (agenda, tuple(out))
    return _ON_PLAN[key][1]


def current_cue(slot: Slot | None, live: Live, elapsed: float) -> CueState | None:
    """The cue whose turn it is: cues follow one another by their lengths from the last nudge."""
    if slot is None or not slot.cues:
        return None
    index = min(live.cue_index, len(slot.cues) - 1)
    began = live.cue_from
    while index + 1 < len(slot.cues) and elapsed >= began + slot.cues[index].duration:
        began += slot.cues[index].duration
        index += 1
    cue = slot.cues[index]
    spent = elapsed - began
    return CueState(index, cue, spent, cue.duration - spent)


def _phase(live: Live) -> ShowPhase:
    if live.finished:
        return ShowPhase.FINISHED
    if live.index is None:
        return ShowPhase.PRE_SHOW
    if live.running_since is None:
        return ShowPhase.BETWEEN
    return ShowPhase.PAUSED if live.paused_at is not None else ShowPhase.RUNNING


def _slot_phase(started: bool, remaining: float, warning: int) -> SlotPhase:
    """Phase changes fall on the same instants as the displayed seconds change."""
    if not started:
        return SlotPhase.NONE
    if remaining <= 0:
        return SlotPhase.OVERRUN
    if remaining <= warning:
        return SlotPhase.WARNING
    return SlotPhase.NORMAL
