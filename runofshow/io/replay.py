"""Replay: the show rebuilt from its record, from the last good checkpoint on, with what could not be used.

A checkpoint holds the whole live state and the plan version it was taken on, so a resume replays
only the tail, and damage before it costs nothing. Anything that cannot be decoded or applied is
skipped and reported: a record written by another version of the app must never stop a restore.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.live import Live
from runofshow.core.show import ShowEngine
from runofshow.core.standing import Epoch
from runofshow.io.journal_format import CHECKPOINT, EPOCH, PLAN, Entry, JournalContents, iso_utc
from runofshow.io.live_codec import LiveDecodeError, checkpoint_from_json
from runofshow.io.plan_codec import PlanDecodeError, checkpoint_plans, plan_from_json, undo_plans_from_json


@dataclass
class Replay:
    """A show rebuilt from a journal, with what could not be replayed."""

    engine: ShowEngine
    entries: int  # commands in the journal
    problems: list[str] = field(default_factory=list)
    recorded_plan: bool = False  # the plan came from the record (not from today's file)
    from_checkpoint: int | None = None  # the line of the checkpoint the replay started from


def replay(agenda: Agenda, contents: JournalContents) -> Replay:
    """Rebuild the show: from the last good checkpoint (with the plan it was taken on), then the tail.

    `agenda` is used only where the record holds no plan (journals of version 1). Entries that cannot
    be applied are skipped and reported; nothing here raises for anything in the file.
    """
    entries = contents.entries
    result = Replay(ShowEngine(agenda), sum(1 for e in entries if e.is_command), list(contents.problems))
    plans: dict[int, Entry] = {e.seq: e for e in entries if e.name == PLAN}
    decoded: dict[int, Agenda | None] = {}

    def plan_at(seq: int) -> Agenda | None:
        if seq not in decoded:
            entry = plans.get(seq)
            decoded[seq] = _decode_plan(entry, contents.path, result.problems) if entry else None
        return decoded[seq]

    start = 0
    for position in range(len(entries) - 1, -1, -1):
        entry = entries[position]
        if entry.name != CHECKPOINT:
            continue
        plan_seq = entry.args.get("plan_seq")
        plan = plan_at(plan_seq) if isinstance(plan_seq, int) and plan_seq > 0 else None
        if plan is None and plan_seq:
            result.problems.append(f"{contents.path}:{entry.line}: checkpoint passed over: the plan it was taken "
                                   "on is not readable")
            continue
        try:
            live, undo, undo_plans = _checkpoint(entry, plan or agenda)
        except (LiveDecodeError, PlanDecodeError) as exc:
            result.problems.append(f"{contents.path}:{entry.line}: checkpoint passed over: {exc}")
            continue
        result.engine = ShowEngine.restored(plan or agenda, live, undo, undo_plans)
        result.recorded_plan = plan is not None
        result.from_checkpoint = entry.line
        start = position + 1
        break
    for entry in entries[start:]:
        if not entry.is_command and entry.name != PLAN:
            continue  # a checkpoint passed by, an epoch (record_epoch reads those), a record of a later version
        if entry.name == PLAN:
            plan = plan_at(entry.seq)
            if plan is not None and entry.args.get("edited") is True and plan == result.engine.agenda:
                continue  # the plan a plan command left: the command, replayed just before, made it again
            if plan is not None:
                result.engine.replace_agenda(plan, entry.now)
                result.recorded_plan = True
            continue
        try:
            outcome = result.engine.execute(entry.name, entry.now, entry.args)
        except Exception as exc:  # a record from another version must never stop a restore
            result.problems.append(f"{contents.path}:{entry.line}: entry {entry.seq} ({entry.name}) could not be "
                                   f"replayed: {type(exc).__name__}: {exc}")
            continue
        if not outcome.accepted:
            result.problems.append(f"entry {entry.seq} ({entry.name} at {iso_utc(entry.now.wall)}) no longer applies "
                                   f"to this agenda: {outcome.message}")
    return result


def _checkpoint(entry: Entry, plan: Agenda) -> tuple[Live, tuple[Live, ...], tuple[Agenda, ...]]:
    """A checkpoint's live state, undo history and the plan each undo entry goes back to.

    Each state's slot index is checked against its own plan: an undo entry from before a deletion may point
    past the end of the plan in force. Raises LiveDecodeError or PlanDecodeError.
    """
    body = entry.args
    state = body.get("state")
    if "undo_plans" not in body:
        live, undo = checkpoint_from_json(state, len(plan.slots))
        return live, undo, (plan,) * len(undo)
    plans = checkpoint_plans(body)
    widest = max([len(plan.slots), *(len(p.slots) for p in plans)])
    live, undo = checkpoint_from_json(state, widest)
    if live.index is not None and live.index >= len(plan.slots):
        raise LiveDecodeError(f"slot index {live.index} is past the plan's {len(plan.slots)} slots")
    undo_plans = undo_plans_from_json(body, plan, len(undo), plans)
    for state_then, plan_then in zip(undo, undo_plans, strict=True):
        if state_then.index is not None and state_then.index >= len(plan_then.slots):
            raise LiveDecodeError(f"undo slot index {state_then.index} is past its plan's slots")
    return live, undo, undo_plans


def _decode_plan(entry: Entry, path: Path, problems: list[str]) -> Agenda | None:
    try:
        return plan_from_json(entry.args.get("plan"))
    except PlanDecodeError as exc:
        problems.append(f"{path}:{entry.line}: plan version passed over: {exc}")
        return None



def record_epoch(entries: tuple[Entry, ...] | list[Entry]) -> Epoch:
    """The epoch a record ends on: its last readable `@epoch`, or the first epoch (no take-over yet)."""
    for entry in reversed(entries):
        if entry.name == EPOCH:
            found = Epoch.from_json(entry.args.get("epoch"))
            if found is not None:
                return found
    return Epoch()


class Mirror:
    """A backup laptop's show: the primary's record applied entry by entry as it arrives (remote/follow.py).

    The same rules as `replay`: a checkpoint rebuilds the show whole (so a copy joined mid-show, or one
    that differed, is made right by the next one), a plan version replaces the plan, a command runs at
    the moment it ran on the primary. Nothing here raises for anything the record holds."""

    def __init__(self, agenda: Agenda, source: Path) -> None:
        self.engine = ShowEngine(agenda)
        self.epoch = Epoch()
        self.last_seq = 0
        self.problems: list[str] = []
        self._source = source
        self._plans: dict[int, Agenda | None] = {}
        self._first_seq = 0  # the first entry of this journal applied here: every plan from there on came by

    def restart(self) -> None:
        """A new journal: its entries start again from 1 (the show itself comes with its first checkpoint)."""
        self.last_seq = 0
        self._plans.clear()
        self._first_seq = 0

    def apply(self, entry: Entry) -> None:
        if entry.seq <= self.last_seq:
            return  # already applied (a line sent twice across a reconnection)
        self.last_seq = entry.seq
        self._first_seq = self._first_seq or entry.seq
        try:
            self._apply(entry)
        except Exception as exc:  # a record from another version must never stop the copy
            self.problems.append(f"{self._source}: entry {entry.seq} ({entry.name}) could not be applied: "
                                 f"{type(exc).__name__}: {exc}")

    def _apply(self, entry: Entry) -> None:
        if entry.name == PLAN:
            plan = _decode_plan(entry, self._source, self.problems)
            self._plans[entry.seq] = plan
            if plan is None or (entry.args.get("edited") is True and plan == self.engine.agenda):
                return
            self.engine.replace_agenda(plan, entry.now)
        elif entry.name == CHECKPOINT:
            plan_seq = entry.args.get("plan_seq")
            plan = self._plans.get(plan_seq) if isinstance(plan_seq, int) else None
            if plan is None and isinstance(plan_seq, int) and plan_seq >= max(self._first_seq, 1):
                # Its plan came by unreadable (a damaged line): the live state would land on another plan.
                self.problems.append(f"{self._source}: entry {entry.seq}: checkpoint passed over: the plan it was "
                                     "taken on is not readable")
                return
            plan = plan or self.engine.agenda
            live, undo, undo_plans = _checkpoint(entry, plan)
            self.engine = ShowEngine.restored(plan, live, undo, undo_plans)
        elif entry.name == EPOCH:
            self.epoch = Epoch.from_json(entry.args.get("epoch")) or self.epoch
        elif entry.is_command:
            outcome = self.engine.execute(entry.name, entry.now, entry.args)
            if not outcome.accepted:
                self.problems.append(f"entry {entry.seq} ({entry.name}) was refused on this copy: {outcome.message}")
