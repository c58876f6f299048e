"""ShowBridge: runs every command, and wakes exactly when a displayed digit changes.

Buttons, keys, menus and (later) the network all call `run(name, args)`. After each command and
each wake-up the bridge emits `changed` with a fresh ShowState; views draw that and nothing else.
Between wake-ups the app sleeps: one precise single-shot timer, set for the next second boundary
of whatever is counting (a countdown, the clock), never a fast fixed interval.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from runofshow.core import words
from runofshow.core.agenda import Agenda
from runofshow.core.clock import CORRECTION_THRESHOLD, Clock, Instant
from runofshow.core.show import Outcome, ShowState
from runofshow.core.standing import Standing
from runofshow.core.timing import format_short, whole_seconds
from runofshow.io.session import JournalHealth, ShowSession

log = logging.getLogger(__name__)

# Wake a little after the boundary, never before it: an early wake-up would redraw the old digit.
LANDING_MARGIN_S = 0.002
LOOP_RETRY_MS = 1000  # after an error in the show loop, try again this soon


class ShowBridge(QObject):
    changed = Signal(object)  # ShowState, after every command and every wake-up
    # The same ShowState just before `changed`: the network publishes it before the views redraw (remote/relay.py).
    taken = Signal(object)
    # The same ShowState after `taken`, before `changed`: the displays the room sees paint it at once
    # (ui/display_base.py), so they never wait for the operator window's views and paints.
    for_the_room = Signal(object)
    command_done = Signal(object)  # Outcome of each command, accepted or refused
    journal_trouble = Signal(str)  # the journal cannot be written ('' once it can again)
    agenda_changed = Signal(object)  # the Agenda, after a reload
    # The new Agenda, after an accepted command (a plan command, or the undo of one) left another plan:
    # the agenda file is saved on it (a reload, which came from the file, emits agenda_changed instead).
    plan_edited = Signal(object)
    clock_corrected = Signal(str)  # the wall clock moved against the timeline: words for the operator
    standing_changed = Signal(object)  # Standing: primary or backup, its lag, a lost primary (remote/pairing.py)
    _synced = Signal()  # the fsync worker made more entries durable (emitted from its thread)

    def __init__(self, session: ShowSession, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._journal_error: str | None = session.journal_error
        self._loop_errors = 0
        self._synced.connect(self._deliver_durable, Qt.ConnectionType.QueuedConnection)
        first = clock.now()
        self._moved = first.wall - first.t  # the wall clock's correction last told (seconds)
        self._state = session.state(first)
        self._standing = Standing()
        # Set by the pairing of a backup laptop (remote/pairing.py): asked before every command, it returns why
        # the command may not run here ('' when it may), and answers take_over itself.
        self.gate: Callable[[str], str] | None = None
        self.take_over: Callable[[], Outcome] | None = None

    @property
    def session(self) -> ShowSession:
        return self._session

    @property
    def state(self) -> ShowState:
        return self._state

    @property
    def standing(self) -> Standing:
        """Primary or backup (remote/pairing.py): the operator window and the displays mark a backup."""
        return self._standing

    def set_standing(self, standing: Standing) -> None:
        if standing != self._standing:
            self._standing = standing
            self.standing_changed.emit(standing)

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def next_wake_ms(self) -> int:
        """Milliseconds until the scheduled wake-up (-1 when none is scheduled)."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    @property
    def journal_health(self) -> JournalHealth:
        """Whether every accepted command is on disk; goes into every snapshot and command reply."""
        return self._session.health()

    def when_durable(self, callback: Callable[[], None]) -> None:
        """Call back on the Qt thread once every entry written so far is on disk (or its write failed).

        Network replies wait on this, so a controller is told `ok` only for what a power cut cannot lose.
        """
        self._session.when_durable(callback)

    def _on_synced(self) -> None:
        """From the fsync worker's thread: hand over to the Qt thread (a queued signal)."""
        self._synced.emit()

    @Slot()
    def _deliver_durable(self) -> None:
        self._session.deliver_durable()
        self._report_journal()

    def start(self) -> None:
        """Draw the first snapshot and start waking on digit changes."""
        self.tick()

    def stop(self) -> None:
        self._timer.stop()

    def run(self, name: str, args: Mapping[str, object] | None = None) -> Outcome:
        """Run a command from the table at the clock's now; emits command_done and changed."""
        if name == "take_over" and self.take_over is not None:
            return self._answer(self.take_over)
        if self.gate is not None:
            refusal = self._answer_gate(name)
            if refusal is not None:
                self.command_done.emit(refusal)
                return refusal
        plan_before = self._session.engine.agenda
        try:
            outcome = self._session.run(name, self._clock.now(), args)
        except Exception as exc:  # the session already catches the engine's; this is the last guard
            log.exception("command %s failed", name)
            outcome = Outcome(False, f"internal error in '{name}' (logged): {exc}")
        self._report_journal()
        if outcome.accepted and self._session.engine.agenda is not plan_before:
            self.plan_edited.emit(self._session.engine.agenda)
        self.command_done.emit(outcome)
        if outcome.accepted:
            self.tick()
        return outcome

    def _answer(self, take_over: Callable[[], Outcome]) -> Outcome:
        try:
            outcome = take_over()
        except Exception as exc:
            log.exception("take_over failed")
            outcome = Outcome(False, f"internal error in 'take_over' (logged): {exc}")
        self.command_done.emit(outcome)
        self.tick()
        return outcome

    def _answer_gate(self, name: str) -> Outcome | None:
        """A refusal when this laptop may not run commands (a backup, or a primary checking after a freeze)."""
        assert self.gate is not None
        try:
            why = self.gate(name)
        except Exception as exc:  # a defect in the pairing must not let a backup write into the show
            log.exception("the pairing's gate failed on %s", name)
            why = f"internal error (logged): {exc}"
        return Outcome(False, why) if why else None

    def tick(self) -> ShowState:
        """Take a snapshot now, emit it, and sleep until the next displayed change.

        Nothing that goes wrong in here may stop the show loop: an error is logged, and the next
        wake-up is scheduled anyway (at the latest a second later).
        """
        try:
            now = self._clock.now()
            self._notice_correction(now)
            self._session.retry(now)
            self._report_journal()
            self._state = self._session.state(now)
        except Exception:
            self._log_loop_error("taking a snapshot")
            self._timer.setInterval(LOOP_RETRY_MS)
            self._timer.start()
            return self._state
        try:
            # Set before drawing: the time the views take must not push the next second later.
            self._schedule(self._state)
        except Exception:
            self._log_loop_error("scheduling the next wake-up")
            self._timer.setInterval(LOOP_RETRY_MS)
            self._timer.start()
        try:
            self.taken.emit(self._state)
            self.for_the_room.emit(self._state)
            self.changed.emit(self._state)
        except Exception:  # a view's slot raised; the other views and the timer carry on
            self._log_loop_error("drawing a snapshot")
        return self._state

    def _notice_correction(self, now: Instant) -> None:
        """Tell once when the wall clock moved against the timeline by more than the threshold (NTP, a
        manual change): the snapshot already follows it (`clock.Instant.plan`); the operator should know."""
        moved = now.wall - now.t
        step = moved - self._moved
        if abs(step) <= CORRECTION_THRESHOLD:
            return
        self._moved = moved
        log.warning("wall clock moved %+.3f s against the show timeline (now %+.3f s); the plan follows it",
                    step, moved)
        self.clock_corrected.emit(words.clock_corrected(format_short(abs(whole_seconds(step))), later=step > 0))

    def _log_loop_error(self, doing: str) -> None:
        # The 1st, 2nd, 4th, 8th… error: a fault that repeats on every tick must not flood the log.
        self._loop_errors += 1
        if self._loop_errors & (self._loop_errors - 1) == 0:
            log.exception("show loop: error while %s (%d so far); the show goes on", doing, self._loop_errors)

    def set_session(self, session: ShowSession) -> None:
        """Drive another session (another agenda, or a resumed show) from now on."""
        self._session = session
        self._journal_error = None
        self._report_journal()
        self.agenda_changed.emit(session.engine.agenda)
        self.tick()

    def on_synced_callback(self) -> Callable[[], None]:
        """What the fsync worker calls when more entries are durable (from its own thread)."""
        return self._on_synced

    def replace_agenda(self, agenda: Agenda) -> str:
        """A new plan version: recorded in the journal with the whole plan, then shown (a backup refuses it)."""
        if self.gate is not None and (refused := self._answer_gate("reload")) is not None:
            return refused.message
        message = self._session.replace_plan(agenda, self._clock.now())
        self._report_journal()
        self.agenda_changed.emit(agenda)
        self.tick()
        return message

    def _schedule(self, state: ShowState) -> None:
        real_seconds = state.until_change() / max(self._clock.speed, 1e-9) + LANDING_MARGIN_S
        self._timer.setInterval(max(1, round(real_seconds * 1000)))
        self._timer.start()

    def _report_journal(self) -> None:
        error = self._session.health().error
        if error != (self._journal_error or ""):
            self._journal_error = error
            if error:
                log.warning("journal: %s", error)
            self.journal_trouble.emit(error or "")
