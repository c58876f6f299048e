"""The show engine: commands take `now` and change one immutable live state; `state(now)` draws a snapshot.

Nothing here reads a clock. A test is a list of numbers, and replaying a journal of
`(command, arguments, now)` records rebuilds exactly the show that wrote it.

Vocabulary:
- a slot is *loaded* when the cursor is on it; it is *running* once started (`go`), until the
  cursor moves on. A loaded slot that has not started is the BETWEEN phase (after `reset`, or in
  roll mode while the plan has a gap).
- *elapsed* is show time spent in the running slot, pauses excluded; *remaining* is the slot's
  length plus added time, minus elapsed (negative once over).
- *drift* is how far the show runs behind its plan (negative = ahead), in seconds.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from runofshow.core.agenda import Agenda, Cue, Event, Slot, SlotKind
from runofshow.core.clock import Instant
from runofshow.core.commands import DISPLAYS, check_arguments
from runofshow.core.timing import format_countdown, local_datetime, planned_epoch, until_display_changes

FLASH_SECONDS = 5.0
MAX_MESSAGE = 280
MAX_UNDO = 500
# Added time in total, per slot: from -(planned length - 1 s) up to a week. A week holds a slot open across
# a multi-day event's nights, and keeps every derived time of day (projected end, targets) within days of now.
MAX_ADDED = 7 * 24 * 3600


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
class SlotRun:
    """One stretch of a slot actually running: what the report is made of."""

    slot_id: str
    start: float  # show timeline seconds
    end: float
    paused: float  # seconds paused inside the stretch
    added: float  # seconds added to the slot's length


@dataclass(frozen=True)
class Outcome:
    """What a command did: accepted, or refused with a reason the caller can show."""

    accepted: bool
    message: str  # for the status bar: what happened, or why not
    invalid: bool = False  # malformed (unknown command, wrong arguments) rather than refused


@dataclass(frozen=True)
class CueState:
    index: int
    cue: Cue
    elapsed: float
    remaining: float


@dataclass(frozen=True)
class Live:
    """The engine's whole state between commands. Replaced, never changed."""

    index: int | None = None  # the loaded slot; None before the show and after it
    finished: bool = False
    running_since: float | None = None  # timeline second the loaded slot started; None = not started
    paused_at: float | None = None
    paused_total: float = 0.0
    added: float = 0.0
    cue_index: int = 0  # the cue that began at `cue_from` seconds of elapsed time
    cue_from: float = 0.0
    runs: tuple[SlotRun, ...] = ()
    message: str = ""
    flash_until: float | None = None
    blackout: frozenset[str] = frozenset()
    roll: bool = False
    anchor: date | None = None  # the day the agenda's first day is played on
    last_command: str = ""

    def elapsed(self, t: float) -> float:
        if self.running_since is None:
            return 0.0
        until = self.paused_at if self.paused_at is not None else t
        return max(0.0, until - self.running_since - self.paused_total)


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
    flash_until: float | None = field(default=None, repr=False)

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
    def is_break(self) -> bool:
        return self.current is not None and self.current.kind is SlotKind.BREAK


class ShowEngine:
    """Runs one show on one agenda. Every change goes through `execute`.

    `execute(name, now, args)` applies a command from `COMMANDS` and returns an `Outcome`;
    `state(now)` returns the `ShowState` snapshot. Accepted commands can be undone one by one;
    `undo` brings back the exact state before the command, so a slot's elapsed time carries on
    as if the mis-key had never happened.
    """

    def __init__(self, agenda: Agenda) -> None:
        self._agenda = agenda
        self._live = Live()
        self._undo: list[Live] = []

    @classmethod
    def restored(cls, agenda: Agenda, live: Live, undo: tuple[Live, ...] = ()) -> ShowEngine:
        """An engine carrying on from a checkpoint of the show record: its live state and undo history."""
        engine = cls(agenda)
        engine._live = live
        engine._undo = list(undo[-MAX_UNDO:])
        return engine

    @property
    def agenda(self) -> Agenda:
        return self._agenda

    @property
    def undo_stack(self) -> tuple[Live, ...]:
        """The states `undo` goes back to, oldest first (what a checkpoint must keep)."""
        return tuple(self._undo)

    @property
    def live(self) -> Live:
        return self._live

    # -- commands -------------------------------------------------------------------------------

    def execute(self, name: str, now: Instant, args: Mapping[str, object] | None = None) -> Outcome:
        """Run a command by name. Never raises for a bad name, bad arguments or a bad moment."""
        clean, problem = check_arguments(name, args or {})
        if problem:
            return Outcome(False, problem, invalid=True)
        self._live = self._rolled(self._live, now)
        if name == "undo":
            return self._undo_last()
        handler = getattr(self, f"_cmd_{name}")
        result: Live | str = handler(self._live, now, **clean)
        if isinstance(result, str):
            return Outcome(False, result)
        self._undo.append(self._live)
        del self._undo[:-MAX_UNDO]
        self._live = replace(result, last_command=self._describe(name, clean, result))
        return Outcome(True, self._live.last_command)

    def _undo_last(self) -> Outcome:
        if not self._undo:
            return Outcome(False, "nothing to undo")
        undone = self._live.last_command
        self._live = replace(self._undo.pop(), last_command=f"undid {undone}")
        return Outcome(True, self._live.last_command)

    def _describe(self, name: str, args: Mapping[str, object], after: Live) -> str:
        """A short line for the status bar saying what the command did."""
        if name in ("go", "next", "previous", "goto", "reset"):
            slot = self._slot(after.index)
            if after.finished:
                return f"{name}: the show is over"
            return f"{name}: {slot.title}" if slot else name
        if name == "add_time":
            seconds = int(args["seconds"])  # type: ignore[call-overload]
            return f"{'added' if seconds > 0 else 'removed'} {abs(seconds) // 60}:{abs(seconds) % 60:02d}"
        if name == "message":
            return f"message: {args['text']}"
        if name == "blackout":
            return f"blackout {args['display']} {'on' if args['on'] else 'off'}"
        if name == "roll":
            return f"roll mode {'on' if args['on'] else 'off'}"
        return name.replace("_", " ")

    def _slot(self, index: int | None) -> Slot | None:
        return self._agenda.slots[index] if index is not None else None

    # Each _cmd_ returns the new Live state, or a reason (str) for refusing.

    def _cmd_go(self, live: Live, now: Instant) -> Live | str:
        if live.roll:
            return _ROLL_REFUSAL
        if live.finished:
            return "the show is over; use previous or goto to run a slot again"
        if live.index is None:
            return self._start(live, 0, now)
        if live.running_since is None:
            return self._start(live, live.index, now)
        return self._cmd_next(live, now)

    def _cmd_next(self, live: Live, now: Instant) -> Live | str:
        if live.roll:
            return _ROLL_REFUSAL
        if live.finished:
            return "the show is over"
        if live.index is None:
            return "the show has not started; press GO to start it"
        if live.index + 1 >= len(self._agenda.slots):
            ended = self._end_run(live, now)
            return replace(ended, index=None, finished=True)
        return self._start(self._end_run(live, now), live.index + 1, now)

    def _cmd_previous(self, live: Live, now: Instant) -> Live | str:
        if live.roll:
            return _ROLL_REFUSAL
        if live.finished:
            return self._start(replace(live, finished=False), len(self._agenda.slots) - 1, now)
        if live.index is None:
            return "the show has not started"
        if live.index == 0:
            return "this is the first slot; use reset to start it again"
        return self._start(self._end_run(live, now), live.index - 1, now)

    def _cmd_goto(self, live: Live, now: Instant, slot: str) -> Live | str:
        if live.roll:
            return _ROLL_REFUSAL
        index = self._agenda.index_of(slot)
        if index is None:
            return f"there is no slot with id '{slot}'"
        if index == live.index and live.running_since is not None:
            return f"'{self._agenda.slots[index].title}' is already running; use reset to start it again"
        return self._start(replace(self._end_run(live, now), finished=False), index, now)

    def _cmd_pause(self, live: Live, now: Instant) -> Live | str:
        if live.roll:
            return _ROLL_REFUSAL
        if live.running_since is None:
            return "nothing is running"
        if live.paused_at is not None:
            return "already paused"
        return replace(live, paused_at=now.t)

    def _cmd_resume(self, live: Live, now: Instant) -> Live | str:
        if live.paused_at is None:
            return "nothing is paused"
        return replace(live, paused_at=None, paused_total=live.paused_total + (now.t - live.paused_at))

    def _cmd_add_time(self, live: Live, now: Instant, seconds: int) -> Live | str:
        slot = self._slot(live.index)
        if slot is None:
            return "no slot is loaded"
        if live.roll:
            return _ROLL_REFUSAL
        if seconds == 0:
            return "add_time needs a number of seconds other than zero"
        added = live.added + seconds
        if slot.duration + added <= 0:
            return f"'{slot.title}' cannot be shortened below zero"
        if added > MAX_ADDED:
            return f"'{slot.title}' cannot be longer than planned plus {MAX_ADDED // 86400} days"
        return replace(live, added=added)

    def _cmd_reset(self, live: Live, now: Instant) -> Live | str:
        if live.roll:
            return _ROLL_REFUSAL
        if live.index is None:
            return "no slot is loaded"
        if live.running_since is None and live.added == 0:
            return "the slot is already at its start"
        return replace(live, running_since=None, paused_at=None, paused_total=0.0, added=0.0,
                       cue_index=0, cue_from=0.0)

    def _cmd_message(self, live: Live, now: Instant, text: str, flash: bool = False) -> Live | str:
        text = " ".join(text.split())
        if not text:
            return "the message is empty; use clear_message to remove one"
        if len(text) > MAX_MESSAGE:
            return f"the message is longer than {MAX_MESSAGE} characters"
        return replace(live, message=text, flash_until=now.t + FLASH_SECONDS if flash else live.flash_until)

    def _cmd_clear_message(self, live: Live, now: Instant) -> Live | str:
        if not live.message:
            return "there is no message to clear"
        return replace(live, message="")

    def _cmd_flash(self, live: Live, now: Instant) -> Live | str:
        return replace(live, flash_until=now.t + FLASH_SECONDS)

    def _cmd_blackout(self, live: Live, now: Instant, display: str, on: bool) -> Live | str:
        if display != "all" and display not in DISPLAYS:
            return f"unknown display '{display}' (one of {', '.join(DISPLAYS)} or all)"
        chosen = frozenset(DISPLAYS) if display == "all" else frozenset({display})
        blackout = live.blackout | chosen if on else live.blackout - chosen
        if blackout == live.blackout:
            return f"{display} is already {'blacked out' if on else 'showing'}"
        return replace(live, blackout=blackout)

    def _cmd_next_cue(self, live: Live, now: Instant) -> Live | str:
        found = self._cue_now(live, now)
        if isinstance(found, str):
            return found
        slot_cues = self._agenda.slots[live.index].cues  # type: ignore[index]
        if found.index + 1 >= len(slot_cues):
            return "this is the last cue"
        return replace(live, cue_index=found.index + 1, cue_from=live.elapsed(now.t))

    def _cmd_previous_cue(self, live: Live, now: Instant) -> Live | str:
        found = self._cue_now(live, now)
        if isinstance(found, str):
            return found
        if found.index == 0:
            return "this is the first cue"
        return replace(live, cue_index=found.index - 1, cue_from=live.elapsed(now.t))

    def _cue_now(self, live: Live, now: Instant) -> CueState | str:
        if live.roll:
            return _ROLL_REFUSAL
        slot = self._slot(live.index)
        if slot is None or live.running_since is None:
            return "no slot is running"
        if not slot.cues:
            return f"'{slot.title}' has no cues"
        cue = _current_cue(slot, live, live.elapsed(now.t))
        assert cue is not None  # a running slot with cues always has a current cue
        return cue

    def _cmd_roll(self, live: Live, now: Instant, on: bool) -> Live | str:
        if on == live.roll:
            return f"roll mode is already {'on' if on else 'off'}"
        if not on:
            return replace(live, roll=False)
        ended = self._end_run(live, now)
        anchor = live.anchor if live.anchor is not None else self._roll_anchor(now)
        index = self._plan_position(anchor, now)
        rolled = replace(ended, roll=True, anchor=anchor, index=index, finished=False, running_since=None,
                         paused_at=None, paused_total=0.0, added=0.0, cue_index=0, cue_from=0.0)
        if index is None and now.t >= self._planned(anchor, self._agenda.slots[-1].end):
            rolled = replace(rolled, finished=True)
        return self._rolled(rolled, now)

    # -- moving the cursor ----------------------------------------------------------------------

    def _start(self, live: Live, index: int, now: Instant) -> Live:
        anchor = live.anchor if live.anchor is not None else self._nearest_anchor(self._agenda.slots[index], now)
        return replace(live, index=index, finished=False, running_since=now.t, paused_at=None, paused_total=0.0,
                       added=0.0, cue_index=0, cue_from=0.0, anchor=anchor)

    def _end_run(self, live: Live, now: Instant) -> Live:
        """Record the loaded slot's run (if it ran) in the show's history."""
        slot = self._slot(live.index)
        if slot is None or live.running_since is None:
            return live
        paused = live.paused_total + (now.t - live.paused_at if live.paused_at is not None else 0.0)
        run = SlotRun(slot.id, live.running_since, now.t, paused, live.added)
        return replace(live, runs=(*live.runs, run), running_since=None, paused_at=None, paused_total=0.0)

    # -- the plan on the show's day -------------------------------------------------------------

    def _today(self, now: Instant) -> date:
        return local_datetime(now.t, self._agenda.event.tz).date()

    def _planned(self, anchor: date, moment: datetime) -> float:
        return planned_epoch(anchor, self._agenda.event.date, moment, self._agenda.event.tz)

    def _nearest_anchor(self, slot: Slot, now: Instant) -> date:
        """The day to play the plan on so that this slot's planned start is nearest to now.

        A rehearsal the day before, a reused template, or a start just after midnight all give a
        drift of minutes, never of days.
        """
        offset = slot.start.date() - self._agenda.event.date
        base = self._today(now) - offset
        candidates = [base + timedelta(days=k) for k in (-1, 0, 1)]
        return min(candidates, key=lambda day: abs(self._planned(day, slot.start) - now.t))

    def _preshow_anchor(self, now: Instant) -> date:
        """Before the start: the agenda's own date while it is still to come, else the nearest day."""
        if self._today(now) <= self._agenda.event.date:
            return self._agenda.event.date
        return self._nearest_anchor(self._agenda.slots[0], now)

    def _roll_anchor(self, now: Instant) -> date:
        """The day whose plan contains now, or else the one whose first start is nearest."""
        slots = self._agenda.slots
        first = self._nearest_anchor(slots[0], now)
        for day in (first - timedelta(days=1), first, first + timedelta(days=1)):
            if self._planned(day, slots[0].start) <= now.t < self._planned(day, slots[-1].end):
                return day
        return first

    def _anchor(self, live: Live, now: Instant) -> date:
        return live.anchor if live.anchor is not None else self._preshow_anchor(now)

    # -- roll mode ------------------------------------------------------------------------------

    def _plan_position(self, anchor: date, now: Instant) -> int | None:
        """The slot the plan has on at `now`, or the next one in a gap; None before or after the plan."""
        slots = self._agenda.slots
        ends = [self._planned(anchor, slot.end) for slot in slots]
        index = bisect.bisect_right(ends, now.t)
        return index if index < len(slots) and now.t >= self._planned(anchor, slots[0].start) else None

    def _rolled(self, live: Live, now: Instant) -> Live:
        """In roll mode, move along the plan up to `now`, recording each slot as run to plan."""
        if not live.roll or live.anchor is None or live.finished:
            return live
        slots, anchor = self._agenda.slots, live.anchor
        while True:
            if live.index is None:  # before the plan's first slot
                if now.t < self._planned(anchor, slots[0].start):
                    return live
                live = replace(live, index=0, running_since=None)
                continue
            index = live.index
            slot = slots[index]
            start, end = self._planned(anchor, slot.start), self._planned(anchor, slot.end)
            if live.running_since is None and now.t < start:
                return live  # a gap in the plan: loaded, waiting for its start
            if now.t < end:
                if live.running_since is None:
                    live = replace(live, running_since=start, paused_at=None, paused_total=0.0, added=0.0,
                                   cue_index=0, cue_from=0.0)
                return live
            began = live.running_since if live.running_since is not None else start
            live = replace(live, runs=(*live.runs, SlotRun(slot.id, began, end, 0.0, 0.0)), running_since=None)
            if index + 1 >= len(slots):
                return replace(live, index=None, finished=True)
            live = replace(live, index=index + 1, cue_index=0, cue_from=0.0)

    # -- the snapshot ---------------------------------------------------------------------------

    def state(self, now: Instant) -> ShowState:
        """The snapshot at `now`. Costs the same whatever the agenda's length."""
        self._live = self._rolled(self._live, now)
        live, agenda, event = self._live, self._agenda, self._agenda.event
        slots = agenda.slots
        anchor = self._anchor(live, now)
        current = self._slot(live.index)
        phase = _phase(live)
        if current is not None:
            duration = current.duration + live.added
            elapsed = live.elapsed(now.t)
            remaining = duration - elapsed
            next_slot = slots[live.index + 1] if live.index is not None and live.index + 1 < len(slots) else None
        else:
            duration = elapsed = remaining = 0.0
            next_slot = slots[0] if phase is ShowPhase.PRE_SHOW else None
        started = current is not None and live.running_since is not None
        warning = agenda.warning_for(current) if current is not None else event.warning
        slot_phase = _slot_phase(started, remaining, warning)
        cue = _current_cue(current, live, elapsed) if started and current is not None else None
        next_cue = None
        if cue is not None and current is not None and cue.index + 1 < len(current.cues):
            next_cue = current.cues[cue.index + 1]

        # Where the show stands against its plan.
        target: float | None = None
        if phase is ShowPhase.FINISHED:
            last_end = live.runs[-1].end if live.runs else now.t
            drift = last_end - self._planned(anchor, slots[-1].end)
        elif current is None:  # pre-show
            start = self._planned(anchor, slots[0].start)
            target = start
            drift = max(0.0, now.t - start)
        elif not started:  # loaded, waiting for GO or for its planned start in roll mode
            start = self._planned(anchor, current.start)
            target = start if live.roll else None
            drift = max(now.t, start) + duration - self._planned(anchor, current.end)
        else:
            drift = now.t + max(remaining, 0.0) - self._planned(anchor, current.end)
            if current.kind is SlotKind.BREAK:
                target = now.t + max(remaining, 0.0)
        projected_end = self._planned(anchor, slots[-1].end) + drift
        shown = current if current is not None else next_slot
        flashing = live.flash_until is not None and now.t < live.flash_until
        return ShowState(
            at=now, event=event, slots=slots, phase=phase, index=live.index, current=current, next=next_slot,
            elapsed=elapsed, duration=duration, added=live.added, remaining=remaining, slot_phase=slot_phase,
            warning=warning, countdown=format_countdown(remaining) if current is not None else "",
            cue=cue, next_cue=next_cue, message=live.message, flashing=flashing, blackout=live.blackout,
            time_of_day=local_datetime(now.wall, event.tz), drift=drift,
            projected_end=local_datetime(projected_end, event.tz),
            target=local_datetime(target, event.tz) if target is not None else None,
            target_remaining=(target - now.t) if target is not None else None,
            roll=live.roll, runs=live.runs, last_command=live.last_command, can_undo=bool(self._undo),
            planned_start=local_datetime(self._planned(anchor, shown.start), event.tz) if shown else None,
            flash_until=live.flash_until if flashing else None,
        )

    def replace_agenda(self, agenda: Agenda) -> str:
        """Swap in an edited agenda, keeping the loaded slot by id. Returns what happened, for the operator."""
        live = self._live
        current = self._slot(live.index)
        self._agenda = agenda
        self._undo.clear()  # an undo across an agenda change could point at slots that moved
        if current is None:
            return "agenda reloaded"
        index = agenda.index_of(current.id)
        if index is None:
            # The loaded slot is gone: keep the position, clamped, and say so.
            fallback = min(live.index or 0, len(agenda.slots) - 1)
            self._live = replace(live, index=fallback, running_since=None, paused_at=None, paused_total=0.0,
                                 added=0.0, cue_index=0, cue_from=0.0)
            return (f"'{current.title}' is no longer in the agenda; loaded '{agenda.slots[fallback].title}', "
                    f"press GO to start it")
        cue_index = min(live.cue_index, max(len(agenda.slots[index].cues) - 1, 0))
        self._live = replace(live, index=index, cue_index=cue_index)
        return f"agenda reloaded; still on '{agenda.slots[index].title}'"


_ROLL_REFUSAL = "roll mode is on: the plan and the clock drive the show; turn roll mode off to take over"


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


def _current_cue(slot: Slot | None, live: Live, elapsed: float) -> CueState | None:
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
