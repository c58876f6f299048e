"""A show session: the engine plus its record. Every command goes through `run`.

Qt-free, so the whole command path (execute, write the entry, keep it when the disk refuses, write
it once the disk takes it again) is tested with plain pytest; the Qt bridge only adds signals and
timers.

The order is write-ahead: a command's entry is written to the journal before `run` returns and
before anything shows its effect, so a crash of the app cannot lose a command anybody saw. When the
disk refuses, the show goes on (a stage cannot wait for a disk): the entry is kept in memory, in
order, the warning stays up, and the entries are written as soon as the disk takes them again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from runofshow.core.agenda import Agenda
from runofshow.core.agenda_diff import describe_changes
from runofshow.core.clock import Instant
from runofshow.core.show import Live, Outcome, ShowEngine, ShowPhase, ShowState
from runofshow.core.standing import Epoch
from runofshow.core.timing import format_short, local_datetime
from runofshow.io.fsync_worker import FsyncWorker
from runofshow.io.journal import (
    CHECKPOINT,
    EPOCH,
    PLAN,
    Journal,
    JournalContents,
    JournalWriteError,
    copy_aside,
    find_latest_journal,
    read_journal,
    replay,
)
from runofshow.io.live_codec import checkpoint_to_json
from runofshow.io.plan_codec import PlanDecodeError, plan_from_json, plan_to_json, undo_plans_to_json
from runofshow.io.record_tap import RecordTap

log = logging.getLogger(__name__)

CHECKPOINT_EVERY = 100  # commands between checkpoints: a resume replays at most this many
RETRY_EVERY_S = 5.0  # how often a refused record is tried again


@dataclass(frozen=True)
class JournalHealth:
    """Whether the show's record is whole: shown on the operator window, in every snapshot and reply."""

    ok: bool  # every accepted command is written (a crash loses nothing)
    error: str = ""  # the last problem writing the record, '' when ok
    unsaved: int = 0  # accepted commands and plan versions not yet written, kept in memory in order


@dataclass(frozen=True)
class Resumable:
    """A show found in a journal, offered to the operator at start: where it was, and its problems."""

    contents: JournalContents
    state: ShowState
    problems: tuple[str, ...]
    engine: ShowEngine | None = None  # the replayed show, so resuming does not replay it again
    plan_changes: tuple[str, ...] = ()  # how the agenda file differs from the plan in the record

    def summary(self) -> str:
        state = self.state
        count = f"({len(self.contents.commands)} commands in the journal)"
        if state.phase is ShowPhase.FINISHED:
            ended = state.runs[-1].end if state.runs else state.at.t
            return f"finished: the show ended at {local_datetime(ended, state.event.tz):%H:%M} {count}"
        if state.current is None:
            where = "not started"
        else:
            where = f"'{state.current.title}', {format_short(round(state.elapsed))} in, {state.countdown} left"
        return f"{state.phase.value}: {where} {count}"

    def file_behind_own_edits(self, file_plan: Agenda) -> bool:
        """The agenda file holds a plan this show ran before its last in-app edit: the app stopped between
        an edit (journaled, acknowledged) and the save of the file that follows it. The record is then the
        newer truth, and the file can be brought up to it without asking: nobody edited the file meanwhile."""
        plans = [entry for entry in self.contents.entries if entry.name == PLAN]
        if not plans or plans[-1].args.get("edited") is not True:
            return False
        for entry in plans[:-1]:
            try:
                if plan_from_json(entry.args.get("plan")) == file_plan:
                    return True
            except PlanDecodeError:
                continue  # a damaged version says nothing about the file
        return False


@dataclass(frozen=True)
class RecordSearch:
    """What looking for a show to resume found, and every journal it had to pass over."""

    resumable: Resumable | None
    notices: tuple[str, ...] = ()


def search_record(state_dir: Path, agenda_path: Path, agenda: Agenda, now: Instant) -> RecordSearch:
    """The latest show on this agenda (running or finished), rebuilt from its record. Never raises."""
    found = find_latest_journal(state_dir, agenda_path)
    if found.path is None:
        return RecordSearch(None, found.skipped)
    contents = read_journal(found.path)
    try:
        replayed = replay(agenda, contents)
        nothing_happened = not contents.commands and replayed.engine.live == Live()
        if nothing_happened:
            return RecordSearch(None, found.skipped + contents.problems)
        changes = tuple(describe_changes(replayed.engine.agenda, agenda)) if replayed.recorded_plan else ()
        state = replayed.engine.state(now)
    except Exception as exc:  # a defect must not stop the app from starting; the journal stays as it is
        log.exception("show record: %s could not be restored", found.path)
        return RecordSearch(None, (*found.skipped, f"{found.path}: could not be restored ({type(exc).__name__}: "
                                   f"{exc}); a new show starts and the journal is kept as it is"))
    resumable = Resumable(contents, state, tuple(replayed.problems), replayed.engine, changes)
    return RecordSearch(resumable, found.skipped)


def find_resumable(state_dir: Path, agenda_path: Path, agenda: Agenda, now: Instant) -> Resumable | None:
    """The show on this agenda found in its latest journal, if any."""
    return search_record(state_dir, agenda_path, agenda, now).resumable


@dataclass(frozen=True)
class _Before:
    """The show as it was before an entry: where a new or continued journal has to start from."""

    agenda: Agenda
    live: Live
    undo: tuple[Live, ...]
    undo_plans: tuple[Agenda, ...]


def _checkpoint_body(show: _Before) -> dict[str, object]:
    """A checkpoint's body: the live state, the undo history, and the plans its undo entries go back to
    (only those other than the plan in force, so a show without plan edits writes what it always wrote)."""
    body: dict[str, object] = {"state": checkpoint_to_json(show.live, show.undo)}
    body.update(undo_plans_to_json(show.agenda, show.undo_plans))
    return body


class ShowSession:
    """Runs commands on the engine and records each accepted one, every plan version and checkpoints."""

    def __init__(self, agenda: Agenda, agenda_path: Path, state_dir: Path | None,
                 fsync: FsyncWorker | None = None) -> None:
        """`state_dir` None makes a preview session that keeps no journal (rendering pictures).

        `fsync` moves the fsync off the caller's thread (the app); without one it runs inline.
        """
        self.agenda_path = agenda_path
        self.state_dir = state_dir
        self.engine = ShowEngine(agenda)
        self.journal: Journal | None = None
        self.journal_error: str | None = None
        self.restore_problems: list[str] = []
        self._fsync = fsync
        self._unsaved: list[tuple[str, Instant, dict[str, object]]] = []
        self._base: _Before | None = None  # the show before the first unsaved entry
        self._needs_start = True  # the next entry first writes the plan and a checkpoint
        self._continues: Path | None = None  # a journal that could not be reopened: a new one carries on
        self._since_checkpoint = 0
        self._last_try = float("-inf")
        self._waiting: list[tuple[int, Callable[[], None]]] = []
        self.tap: RecordTap | None = None  # told where the record stands after each write (a backup laptop's feed)

    # -- starting and resuming --------------------------------------------------------------------

    def resume(self, found: Resumable | JournalContents, now: Instant | None = None) -> None:
        """Carry on the show from its record, appending to the same journal.

        A damaged journal is copied aside first; one that cannot be reopened is continued in a new
        journal that starts with the whole state, never silently replaced by an empty show.
        """
        if isinstance(found, Resumable) and found.engine is not None:
            contents, self.engine = found.contents, found.engine
            self.restore_problems = list(found.problems)
        else:
            contents = found.contents if isinstance(found, Resumable) else found
            replayed = replay(self.engine.agenda, contents)
            self.engine, self.restore_problems = replayed.engine, replayed.problems
        if contents.damaged:
            copy = copy_aside(contents.path, now or (contents.entries[-1].now if contents.entries else Instant(0, 0)))
            self.restore_problems.append(f"the damaged journal was copied to {copy} before going on"
                                         if copy else "the damaged journal could not be copied aside")
        try:
            self.journal = Journal.reopen(contents, self._fsync)
        except JournalWriteError as exc:
            self.journal = None
            self._continues = contents.path
            self.journal_error = f"{exc}; the show goes on and its record continues in a new journal"
        self._needs_start = True  # the plan in force and a checkpoint: the next resume starts there
        if now is not None:
            self.write_start(now)

    def write_start(self, now: Instant) -> None:
        """Write the plan in force and a checkpoint now (after a resume), so the record stands on its own."""
        if self.state_dir is None or not self._needs_start:
            return
        self._record([], self._before(), now)

    def new_show(self) -> None:
        """Forget the running show (its journal stays on disk) and start over on the same agenda."""
        self._close_journal()
        self._unsaved.clear()
        self._waiting_all()
        self.journal_error = None
        self._continues = None
        self._needs_start = True
        self.engine = ShowEngine(self.engine.agenda)

    # -- commands and plan changes -----------------------------------------------------------------

    def run(self, name: str, now: Instant, args: Mapping[str, object] | None = None) -> Outcome:
        """Execute a command; if accepted, write it before returning. A refused record never undoes it."""
        before = self._before()
        try:
            outcome = self.engine.execute(name, now, args)
        except Exception as exc:  # a defect in one command must not stop the show
            log.exception("command %s failed", name)
            return Outcome(False, f"internal error in '{name}' (logged): {exc}")
        if outcome.accepted:
            self._since_checkpoint += 1
            entries = [(name, now, dict(args or {}))]
            if self.engine.agenda is not before.agenda:
                # A plan command (or its undo): the plan it left, and a checkpoint on it, so a restart after
                # a crash finds the edited plan even from a record whose earlier entries are damaged.
                entries += [(PLAN, now, {"plan": plan_to_json(self.engine.agenda), "edited": True}),
                            self._checkpoint(now)]
            elif self._since_checkpoint >= CHECKPOINT_EVERY:
                entries.append(self._checkpoint(now))
            self._record(entries, before, now)
        return outcome

    def replace_plan(self, agenda: Agenda, now: Instant) -> str:
        """A new plan version (reload or edit): recorded with the whole plan and a checkpoint after it."""
        before = self._before()
        message = self.engine.replace_agenda(agenda, now)
        self._record([(PLAN, now, {"plan": plan_to_json(agenda)}), self._checkpoint(now)], before, now)
        return message

    def _before(self) -> _Before:
        return _Before(self.engine.agenda, self.engine.live, self.engine.undo_stack, self.engine.undo_plans)

    def _checkpoint(self, now: Instant) -> tuple[str, Instant, dict[str, object]]:
        self._since_checkpoint = 0
        return CHECKPOINT, now, _checkpoint_body(self._before())

    def _record(self, entries: list[tuple[str, Instant, dict[str, object]]], before: _Before, now: Instant) -> None:
        if self.state_dir is None:
            return
        if not self._unsaved:
            self._base = before
        if self._needs_start:
            self._unsaved += [(PLAN, now, {"plan": plan_to_json(before.agenda)}),
                              (CHECKPOINT, now, _checkpoint_body(before))]
            self._needs_start = False
        self._unsaved += entries
        self._flush(now)

    # -- writing, and writing again -----------------------------------------------------------------

    def retry(self, now: Instant) -> None:
        """Try again to write what the disk refused (called by the show loop, at most every few seconds)."""
        if self._unsaved and now.t - self._last_try >= RETRY_EVERY_S:
            self._flush(now)

    def _flush(self, now: Instant) -> None:
        assert self.state_dir is not None
        self._last_try = now.t
        first_failure = self.journal_error is None
        error = self._write_unsaved(now)
        if error and first_failure and self.journal is not None and self._continue_elsewhere(now):
            error = self._write_unsaved(now)
        if error:
            self.journal_error = error
            return
        self.journal_error = None
        self._continues = None

    def _write_unsaved(self, now: Instant) -> str:
        """Write every unsaved entry in order; '' when all are written, else the disk's refusal."""
        try:
            if self.journal is None:
                self._start_journal(now)
            while self._unsaved:
                assert self.journal is not None
                name, at, args = self._unsaved[0]
                self.journal.append(name, at, args)
                self._unsaved.pop(0)
        except JournalWriteError as exc:
            self._tell_tap()
            return str(exc)
        self._tell_tap()
        return ""

    def _tell_tap(self) -> None:
        journal = self.journal
        if self.tap is not None and journal is not None and journal.length:
            self.tap.wrote(journal.path, journal.length, journal.last_seq)

    def record_epoch(self, epoch: Epoch, address: str, now: Instant) -> None:
        """A take-over: the new epoch is written into the record (after the resume's plan and checkpoint), so a
        restart, or a laptop that copies this record, knows which laptop drives the show."""
        self._record([(EPOCH, now, {"epoch": epoch.to_json(), "address": address})], self._before(), now)

    def _start_journal(self, now: Instant) -> None:
        assert self.state_dir is not None
        self.journal = Journal.create(self.state_dir, self.agenda_path, now, self._fsync, continues=self._continues)
        first = self._unsaved[0][0] if self._unsaved else ""
        if first != PLAN and self._base is not None:
            # A continuation: the new journal must stand alone, from the show as it was before these entries.
            base = self._base
            self._unsaved[:0] = [(PLAN, now, {"plan": plan_to_json(base.agenda)}),
                                 (CHECKPOINT, now, _checkpoint_body(base))]

    def _continue_elsewhere(self, now: Instant) -> bool:
        """The open journal refused a line: try once to carry on in a new journal in the same folder."""
        old = self.journal
        assert old is not None
        self.journal, self._continues = None, old.path
        try:
            self._start_journal(now)
        except JournalWriteError:
            self.journal, self._continues = old, None  # the disk itself refuses: try the old one again later
            return False
        old.close()
        log.warning("journal: %s refused a line; the record continues in a new journal", old.path)
        return True

    # -- durability ---------------------------------------------------------------------------------

    def health(self) -> JournalHealth:
        fsync_error = self._fsync.last_error if self._fsync is not None and self.journal is not None else ""
        error = self.journal_error or fsync_error
        return JournalHealth(not error and not self._unsaved, error or "", len(self._unsaved))

    def when_durable(self, callback: Callable[[], None]) -> None:
        """Call back once every entry written so far survives a power cut (or could not be written)."""
        journal = self.journal
        if self._fsync is None or journal is None or self._unsaved or self._fsync.synced() >= journal.written:
            callback()
            return
        self._waiting.append((journal.written, callback))

    def deliver_durable(self) -> None:
        """Run the callbacks whose entries are now durable (the bridge calls this on its thread)."""
        if not self._waiting or self._fsync is None:
            return
        synced = self._fsync.synced()
        ready = [callback for token, callback in self._waiting if token <= synced]
        self._waiting = [(token, callback) for token, callback in self._waiting if token > synced]
        for callback in ready:
            callback()

    def _waiting_all(self) -> None:
        waiting, self._waiting = self._waiting, []
        for _token, callback in waiting:
            callback()

    # -- the rest -------------------------------------------------------------------------------------

    def state(self, now: Instant) -> ShowState:
        return self.engine.state(now)

    def _close_journal(self) -> None:
        if self.journal is not None:
            self.journal.close()
        self.journal = None

    def close(self) -> None:
        self._close_journal()
        self._waiting_all()
