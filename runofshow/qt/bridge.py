"""ShowBridge: runs every command, and wakes exactly when a displayed digit changes.

Buttons, keys, menus and (later) the network all call `run(name, args)`. After each command and
each wake-up the bridge emits `changed` with a fresh ShowState; views draw that and nothing else.
Between wake-ups the app sleeps: one precise single-shot timer, set for the next second boundary
of whatever is counting (a countdown, the clock), never a fast fixed interval.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from runofshow.core.agenda import Agenda
from runofshow.core.clock import Clock
from runofshow.core.show import Outcome, ShowState
from runofshow.io.session import ShowSession

log = logging.getLogger(__name__)

# Wake a little after the boundary, never before it: an early wake-up would redraw the old digit.
LANDING_MARGIN_S = 0.002


class ShowBridge(QObject):
    changed = Signal(object)  # ShowState, after every command and every wake-up
    command_done = Signal(object)  # Outcome of each command, accepted or refused
    journal_trouble = Signal(str)  # the journal cannot be written ('' once it can again)
    agenda_changed = Signal(object)  # the Agenda, after a reload

    def __init__(self, session: ShowSession, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._journal_error: str | None = session.journal_error
        self._state = session.state(clock.now())

    @property
    def session(self) -> ShowSession:
        return self._session

    @property
    def state(self) -> ShowState:
        return self._state

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def next_wake_ms(self) -> int:
        """Milliseconds until the scheduled wake-up (-1 when none is scheduled)."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def start(self) -> None:
        """Draw the first snapshot and start waking on digit changes."""
        self.tick()

    def stop(self) -> None:
        self._timer.stop()

    def run(self, name: str, args: Mapping[str, object] | None = None) -> Outcome:
        """Run a command from the table at the clock's now; emits command_done and changed."""
        outcome = self._session.run(name, self._clock.now(), args)
        self._report_journal()
        self.command_done.emit(outcome)
        if outcome.accepted:
            self.tick()
        return outcome

    def tick(self) -> ShowState:
        """Take a snapshot now, emit it, and sleep until the next displayed change."""
        self._state = self._session.state(self._clock.now())
        self.changed.emit(self._state)
        self._schedule(self._state)
        return self._state

    def set_session(self, session: ShowSession) -> None:
        """Drive another session (another agenda, or a resumed show) from now on."""
        self._session = session
        self._journal_error = None
        self._report_journal()
        self.agenda_changed.emit(session.engine.agenda)
        self.tick()

    def replace_agenda(self, agenda: Agenda) -> str:
        message = self._session.engine.replace_agenda(agenda)
        self.agenda_changed.emit(agenda)
        self.tick()
        return message

    def _schedule(self, state: ShowState) -> None:
        real_seconds = state.until_change() / max(self._clock.speed, 1e-9) + LANDING_MARGIN_S
        self._timer.setInterval(max(1, round(real_seconds * 1000)))
        self._timer.start()

    def _report_journal(self) -> None:
        error = self._session.journal_error
        if error != self._journal_error:
            self._journal_error = error
            if error:
                log.warning("journal: %s", error)
            self.journal_trouble.emit(error or "")
