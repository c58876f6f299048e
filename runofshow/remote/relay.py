"""The two crossings between the network thread and the Qt thread.

CommandRelay carries a command from the network thread to the Qt thread (a queued signal) and
its Outcome back (a concurrent Future): the engine is only ever touched on the Qt thread.
SnapshotPublisher goes the other way: it serialises every snapshot on the Qt thread, the moment
the bridge emits it, and hands the finished text to the network thread.

A command's reply waits for its journal entry: the future is completed from the bridge's
`when_durable`, so a controller is told `ok` only for what a crash cannot lose, and every reply and
snapshot says whether the record is whole. Neither crossing may ever raise into a Qt signal: what
cannot be serialised is logged once and the displays keep the last good snapshot.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from functools import cached_property

from PySide6.QtCore import QObject, Qt, Signal, Slot

from runofshow.core.show import Outcome, ShowState
from runofshow.core.snapshot import ExpectedStart
from runofshow.core.standing import Standing
from runofshow.io.record_tap import RecordPosition
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.snapshot_json import (
    HealthLike,
    Part,
    content_key,
    dumps,
    expected_json,
    journal_to_json,
    live_to_json,
    rundown_part,
    runs_part,
)

log = logging.getLogger(__name__)


class LogOnce:
    """Logs each distinct problem once: a fault that recurs every second must not flood the log."""

    def __init__(self, logger: logging.Logger, limit: int = 100) -> None:
        self._logger = logger
        self._seen: dict[str, None] = {}
        self._limit = limit

    def __call__(self, what: str, exc: BaseException) -> None:
        key = f"{what}|{type(exc).__name__}: {exc}"
        if key in self._seen:
            return
        if len(self._seen) >= self._limit:
            self._seen.pop(next(iter(self._seen)))
        self._seen[key] = None
        self._logger.error("%s (%s: %s); the show goes on", what, type(exc).__name__, exc,
                           exc_info=(type(exc), exc, exc.__traceback__))


class BusyError(Exception):
    """Too many commands are already waiting for the Qt thread."""


@dataclass(frozen=True)
class Snapshot:
    """One serialised snapshot, ready to send: the live state, and the large parts made once per change."""

    live: str  # JSON object: snapshot_json.live_to_json, with the parts' versions (and the record's health)
    rundown: Part  # the same object for every snapshot of one plan
    runs: Part  # the same object until a slot run ends
    expected: tuple[ExpectedStart, ...]  # frozen values: made into JSON only when /api/state asks for them
    key: str  # content_key: what changed apart from the clock (the parts' versions included)
    made: float  # time.monotonic() when serialised, so a delayed push can say how old it is
    holding_slide: str = ""  # the agenda's holding slide picture (a path on this laptop, never sent), "" for the logo

    @cached_property
    def text(self) -> str:
        """The whole snapshot, as `/api/state` returns it: made on the network thread the first time it is
        asked for, never at a tick (its size grows with the plan and the history)."""
        return (f'{self.live[:-1]},"runs":{self.runs.text},"expected":{expected_json(self.expected)},'
                f'"rundown":{self.rundown.text}}}')


@dataclass(frozen=True)
class CommandResult:
    outcome: Outcome
    state: Snapshot  # the snapshot right after the command (without the record's health: see `journal`)
    journal: HealthLike  # the record's health once the command's entry was durable (or its write failed)
    position: RecordPosition | None = None  # where the record stood after the command (a backup must hold it)

    def state_text(self) -> str:
        """The reply's `state`: the whole snapshot with the record's health once the entry was written."""
        return f'{self.state.text[:-1]},"journal":{dumps(journal_to_json(self.journal))}}}'


def serialise(state: ShowState, speed: float, journal: HealthLike | None = None,
              standing: Standing | None = None) -> Snapshot:
    """The snapshot's text, always valid JSON whatever it holds (see snapshot_json.dumps).

    `journal` (the bridge's journal_health) is spliced in as `"journal"`: it is not a clock field, so a
    change of the record's health changes the key and is pushed at once. The rundown and the runs are
    made again only when they change (`snapshot_json.Part`): a tick costs the same on any day of any plan."""
    rundown = rundown_part(state.slots)
    runs = runs_part(state.runs, state.event.tz)
    live = live_to_json(state, speed, journal=journal, versions={"rundown": rundown.version, "runs": runs.version},
                        pair=standing.to_json() if standing is not None else None)
    return Snapshot(dumps(live), rundown, runs, state.expected, content_key(live), time.monotonic(),
                    state.event.holding_slide)


class CommandRelay(QObject):
    """Lives in the Qt thread. `submit` may be called from any thread."""

    _requested = Signal(str, object, object)

    def __init__(self, bridge: ShowBridge, max_pending: int) -> None:
        super().__init__(bridge)  # a child of the bridge: same thread, same lifetime
        self._bridge = bridge
        self._max_pending = max_pending
        self._pending = 0
        self._lock = threading.Lock()
        self._requested.connect(self._run, Qt.ConnectionType.QueuedConnection)
        # Called on the Qt thread once a command's entry is durable (the publisher checks the health).
        self.after_durable: Callable[[], None] | None = None

    def submit(self, name: str, args: Mapping[str, object]) -> Future[CommandResult]:
        """Queue a command (already checked against the table) for the Qt thread."""
        with self._lock:
            if self._pending >= self._max_pending:
                raise BusyError(f"{self._pending} commands are already waiting")
            self._pending += 1
        future: Future[CommandResult] = Future()
        self._requested.emit(name, dict(args), future)
        return future

    @Slot(str, object, object)
    def _run(self, name: str, args: dict[str, object], future: Future[CommandResult]) -> None:
        with self._lock:
            self._pending -= 1
        # A caller that gave up (timeout) cancelled the future: a late command must not run. From here on
        # the future is running and cannot be cancelled: the caller must wait for this result.
        if not future.set_running_or_notify_cancel():
            return
        try:
            outcome = self._bridge.run(name, args)
            state = serialise(self._bridge.state, self._bridge.clock.speed, standing=self._bridge.standing)
            tap = self._bridge.session.tap
            position = tap.position if tap is not None and outcome.accepted else None
        except Exception as exc:  # reported to the caller as a 500, the show goes on
            log.exception("remote command %s failed", name)
            future.set_exception(exc)
            return

        def durable() -> None:
            self._complete(name, future, outcome, state, position)

        try:
            self._bridge.when_durable(durable)
        except Exception:
            log.exception("remote command %s: cannot wait for its journal entry; answering now", name)
            durable()

    def _complete(self, name: str, future: Future[CommandResult], outcome: Outcome, state: Snapshot,
                  position: RecordPosition | None = None) -> None:
        """On the Qt thread, once the command's entry is on disk (or its write failed): the reply may go."""
        if future.done():
            return
        try:
            health = self._bridge.journal_health
        except Exception as exc:
            log.exception("remote command %s: its journal's health is unknown", name)
            future.set_exception(exc)
            return
        future.set_result(CommandResult(outcome, state, health, position))
        if self.after_durable is not None:
            try:
                self.after_durable()
            except Exception:
                log.exception("remote: publishing after %s failed; the show goes on", name)


class SnapshotPublisher(QObject):
    """Lives in the Qt thread: serialises each snapshot and gives it to `deliver` (any thread safe).

    Connected to the bridge's `taken` (emitted just before `changed`), so it must never raise: a snapshot that
    cannot be serialised or delivered is logged (once per distinct error) and the displays keep the last good one."""

    def __init__(self, bridge: ShowBridge, deliver: Callable[[Snapshot], None]) -> None:
        super().__init__(bridge)
        self._bridge = bridge
        self._deliver = deliver
        self._log_once = LogOnce(log)
        self.last_good: Snapshot | None = None
        self._health: HealthLike | None = None  # the record's health in the last snapshot published
        bridge.taken.connect(self.publish)  # before the views' `changed`: the displays' latency is the network's
        bridge.journal_trouble.connect(self._journal_trouble)
        bridge.standing_changed.connect(self._standing_changed)  # a take-over is news for every display at once

    @Slot(object)
    def publish(self, state: ShowState) -> None:
        try:
            health = self._bridge.journal_health
            snapshot = serialise(state, self._bridge.clock.speed, health, self._bridge.standing)
        except Exception as exc:
            self._log_once("remote: a snapshot could not be serialised; the displays keep the last good one", exc)
            return
        self._health = health
        self.last_good = snapshot
        try:
            self._deliver(snapshot)
        except Exception as exc:
            self._log_once("remote: a snapshot could not be handed to the network thread", exc)

    def check_health(self) -> None:
        """Publish at once if the record's health changed since the last snapshot (not at the next wake-up)."""
        try:
            changed = self._bridge.journal_health != self._health
        except Exception as exc:
            self._log_once("remote: the journal's health is unknown", exc)
            return
        if changed:
            self.publish(self._bridge.state)

    @Slot(str)
    def _journal_trouble(self, _error: str) -> None:
        self.check_health()

    @Slot(object)
    def _standing_changed(self, _standing: object) -> None:
        self.publish(self._bridge.state)

    def detach(self) -> None:
        self._bridge.taken.disconnect(self.publish)
        self._bridge.journal_trouble.disconnect(self._journal_trouble)
        self._bridge.standing_changed.disconnect(self._standing_changed)
