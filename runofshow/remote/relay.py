"""The two crossings between the network thread and the Qt thread.

CommandRelay carries a command from the network thread to the Qt thread (a queued signal) and
its Outcome back (a concurrent Future): the engine is only ever touched on the Qt thread.
SnapshotPublisher goes the other way: it serialises every snapshot on the Qt thread, the moment
the bridge emits it, and hands the finished text to the network thread.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from runofshow.core.show import Outcome, ShowState
from runofshow.qt.bridge import ShowBridge
from runofshow.remote.snapshot_json import content_key, rundown_json, state_to_json

log = logging.getLogger(__name__)


class BusyError(Exception):
    """Too many commands are already waiting for the Qt thread."""


@dataclass(frozen=True)
class Snapshot:
    """One serialised snapshot, ready to send."""

    head: str  # the JSON of state_to_json without the rundown, and without its closing brace
    rundown: str  # the rundown's JSON, shared by every snapshot of one agenda
    key: str  # content_key: what changed apart from the clock
    made: float  # time.monotonic() when serialised, so a delayed push can say how old it is

    @property
    def text(self) -> str:
        """The whole JSON. Joined only when sent (at most once a second), not at every tick."""
        return f'{self.head},"rundown":{self.rundown}}}'



@dataclass(frozen=True)
class CommandResult:
    outcome: Outcome
    state: dict[str, Any]  # the snapshot right after the command


def serialise(state: ShowState, speed: float) -> Snapshot:
    # The rundown is serialised once per agenda and spliced in; its hash (cached by str) goes in the key.
    snapshot = state_to_json(state, speed, with_rundown=False)
    rundown = rundown_json(state.slots)
    text = json.dumps(snapshot, separators=(",", ":"), ensure_ascii=False)
    return Snapshot(text[:-1], rundown, f"{content_key(snapshot)}|{hash(rundown)}", time.monotonic())


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
        # A caller that gave up (timeout) cancelled the future: a late command must not run.
        if not future.set_running_or_notify_cancel():
            return
        try:
            outcome = self._bridge.run(name, args)
            snapshot = state_to_json(self._bridge.state, self._bridge.clock.speed)
        except Exception as exc:  # reported to the caller as a 500, the show goes on
            log.exception("remote command %s failed", name)
            future.set_exception(exc)
            return
        future.set_result(CommandResult(outcome, snapshot))


class SnapshotPublisher(QObject):
    """Lives in the Qt thread: serialises each snapshot and gives it to `deliver` (any thread safe)."""

    def __init__(self, bridge: ShowBridge, deliver: Callable[[Snapshot], None]) -> None:
        super().__init__(bridge)
        self._bridge = bridge
        self._deliver = deliver
        bridge.changed.connect(self.publish)

    @Slot(object)
    def publish(self, state: ShowState) -> None:
        self._deliver(serialise(state, self._bridge.clock.speed))

    def detach(self) -> None:
        self._bridge.changed.disconnect(self.publish)
