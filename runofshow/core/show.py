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

Where the rest lives: the live state in `live.py`, the snapshot and how it is drawn in `snapshot.py`,
the plan on the show's day and roll mode in `plan.py`, what each command does in `handlers.py`, and
every sentence for the operator in `words.py`. The names below are imported from here by the layers above.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from runofshow.core import words
from runofshow.core.agenda import Agenda
from runofshow.core.clock import Instant
from runofshow.core.commands import COMMANDS, PLAN_COMMANDS, check_arguments
from runofshow.core.handlers import HANDLERS, describe
from runofshow.core.live import FLASH_SECONDS, MAX_ADDED, MAX_MESSAGE, Live, SlotRun
from runofshow.core.plan import rolled
from runofshow.core.plan_edits import PLAN_HANDLERS, describe_edit
from runofshow.core.snapshot import CueState, ShowPhase, ShowState, SlotPhase, draw

__all__ = [
    "FLASH_SECONDS", "MAX_ADDED", "MAX_MESSAGE", "MAX_UNDO", "CueState", "Live", "Outcome", "ShowEngine",
    "ShowPhase", "ShowState", "SlotPhase", "SlotRun",
]

MAX_UNDO = 500


@dataclass(frozen=True)
class Outcome:
    """What a command did: accepted, or refused with a reason the caller can show."""

    accepted: bool
    message: str  # for the status bar: what happened, or why not
    invalid: bool = False  # malformed (unknown command, wrong arguments) rather than refused


@dataclass(frozen=True)
class _Rolled:
    """The last live state drawn in roll mode: which state and plan it came from, and at what moment."""

    source: Live
    agenda: Agenda
    t: float
    correction: float  # the clock's correction it was rolled at: another one starts afresh
    live: Live


class ShowEngine:
    """Runs one show on one agenda. Every change goes through `execute`.

    `execute(name, now, args)` applies a command from `COMMANDS` and returns an `Outcome`;
    `state(now)` returns the `ShowState` snapshot and changes nothing. Accepted commands can be undone
    one by one; `undo` brings back the exact state before the command, so a slot's elapsed time carries
    on as if the mis-key had never happened.
    """

    def __init__(self, agenda: Agenda) -> None:
        self._agenda = agenda
        self._live = Live()
        # Each undo entry: the live state and the plan to go back to (a plan command's undo restores both).
        self._undo: list[tuple[Live, Agenda]] = []
        self._memo: _Rolled | None = None  # a cache for `live_at`, never a part of the show

    @classmethod
    def restored(cls, agenda: Agenda, live: Live, undo: tuple[Live, ...] = (),
                 undo_plans: tuple[Agenda, ...] | None = None) -> ShowEngine:
        """An engine carrying on from a checkpoint of the show record: its live state and undo history
        (with the plan each undo entry goes back to; by default the plan in force)."""
        engine = cls(agenda)
        engine._live = live
        plans = undo_plans if undo_plans is not None and len(undo_plans) == len(undo) else (agenda,) * len(undo)
        engine._undo = list(zip(undo, plans, strict=True))[-MAX_UNDO:]
        return engine

    @property
    def agenda(self) -> Agenda:
        return self._agenda

    @property
    def undo_stack(self) -> tuple[Live, ...]:
        """The states `undo` goes back to, oldest first (what a checkpoint must keep), each carrying as
        `last_command` the words of the command that left it: what undoing back to it undoes."""
        return tuple(live for live, _plan in self._undo)

    @property
    def undo_plans(self) -> tuple[Agenda, ...]:
        """The plan each entry of `undo_stack` goes back to (a plan command's undo restores its plan)."""
        return tuple(plan for _live, plan in self._undo)

    @property
    def live(self) -> Live:
        """The live state as the last command left it (in roll mode, `live_at` tells where the plan is now)."""
        return self._live

    # -- reading --------------------------------------------------------------------------------

    def state(self, now: Instant) -> ShowState:
        """The snapshot at `now`. Reads only, and costs the same whatever the agenda's length or history."""
        return draw(self._agenda, self.live_at(now), now, can_undo=bool(self._undo))

    def live_at(self, now: Instant) -> Live:
        """The live state as it stands at `now`: in roll mode moved along the plan, else `live` itself.

        Reads only. Roll mode asks for the same state a second later on every tick, so the last result is
        kept and moved on from, which costs one step whatever the show's history (`plan.rolled` lands in
        the same place in one step or in many). The memo is keyed by the very live state and plan it came
        from: any command, undo or plan change starts afresh from `live`.
        """
        live = self._live
        if not live.roll:
            return live
        memo = self._memo_of_live()
        if memo is not None and now.t < memo.t:
            return rolled(self._agenda, live, now)  # an earlier moment: worked out afresh, the memo kept
        if memo is not None and memo.correction != now.correction:
            memo = None  # the clock was corrected: from `live`, as a replay that never saw the ticks would
        result = rolled(self._agenda, memo.live if memo is not None else live, now)
        self._memo = _Rolled(live, self._agenda, now.t, now.correction, result)
        return result

    def _memo_of_live(self) -> _Rolled | None:
        """The memo, if it was rolled from the live state and plan the engine holds now."""
        memo = self._memo
        if memo is None or memo.source is not self._live or memo.agenda is not self._agenda:
            return None
        return memo

    # -- commands -------------------------------------------------------------------------------

    def execute(self, name: str, now: Instant, args: Mapping[str, object] | None = None) -> Outcome:
        """Run a command by name. Never raises for a bad name, bad arguments or a bad moment."""
        clean, problem = check_arguments(name, args or {})
        if problem:
            return Outcome(False, problem, invalid=True)
        self._live = self.live_at(now)  # the plan's moves up to now are part of the show from here on
        if name == "undo":
            return self._undo_last()
        agenda = self._agenda
        refusal = self._roll_refusal(name)
        if refusal:
            return Outcome(False, refusal)
        if name in PLAN_COMMANDS:
            edited = PLAN_HANDLERS[name](self._agenda, self._live, now, **clean)
            if isinstance(edited, str):
                return Outcome(False, edited)
            agenda, result = edited
            described = describe_edit(self._agenda, agenda, name, clean)
        else:
            handled = HANDLERS[name](self._agenda, self._live, now, **clean)
            if isinstance(handled, str):
                return Outcome(False, handled)
            result, described = handled, describe(self._agenda, name, clean, handled)
        # The entry keeps the words of the command that leaves it, so an undo can say what it undid even
        # after an undo before it ("undid pause" after "undid resume", never "undid undid resume").
        self._undo.append((replace(self._live, last_command=described), self._agenda))
        del self._undo[:-MAX_UNDO]
        self._agenda = agenda
        self._live = replace(result, last_command=described)
        return Outcome(True, self._live.last_command)

    def _roll_refusal(self, name: str) -> str:
        """The one place roll mode refuses a command: those marked `refused_in_roll` in the command table.

        add_time first says there is no slot to add time to, in roll mode as out of it.
        """
        live = self._live
        if not live.roll or not COMMANDS[name].refused_in_roll:
            return ""
        if name == "add_time" and live.index is None:
            return words.NO_SLOT_LOADED
        return words.ROLL_REFUSAL

    def _undo_last(self) -> Outcome:
        if not self._undo:
            return Outcome(False, words.NOTHING_TO_UNDO)
        before, self._agenda = self._undo.pop()  # a plan command's undo brings its plan back with the state
        self._live = replace(before, last_command=words.undid(before.last_command))
        return Outcome(True, self._live.last_command)

    # -- a new plan -----------------------------------------------------------------------------

    def replace_agenda(self, agenda: Agenda, now: Instant | None = None) -> str:
        """Swap in an edited agenda, keeping the loaded slot by id. Returns what happened, for the operator.

        In roll mode the show is first moved along the old plan up to `now`; without `now`, up to the
        last moment drawn (what the operator was looking at), as before `state()` stopped storing it.
        """
        if now is not None:
            live = self.live_at(now)
        else:
            memo = self._memo_of_live()
            live = memo.live if memo is not None else self._live
        current = self._agenda.slots[live.index] if live.index is not None else None
        self._agenda = agenda
        self._live = live
        self._memo = None
        self._undo.clear()  # an undo across an agenda change could point at slots that moved
        if current is None:
            return words.AGENDA_RELOADED
        index = agenda.index_of(current.id)
        if index is None:
            # The loaded slot is gone: keep the position, clamped, and say so.
            fallback = min(live.index or 0, len(agenda.slots) - 1)
            self._live = replace(live, index=fallback, running_since=None, paused_at=None, paused_total=0.0,
                                 added=0.0, cue_index=0, cue_from=0.0)
            return words.loaded_slot_gone(current.title, agenda.slots[fallback].title)
        cue_index = min(live.cue_index, max(len(agenda.slots[index].cues) - 1, 0))
        self._live = replace(live, index=index, cue_index=cue_index)
        return words.still_on(agenda.slots[index].title)
