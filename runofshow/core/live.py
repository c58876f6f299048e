"""What the engine remembers between commands: the live state, and the runs that make the report.

A `Live` is replaced, never changed: undo keeps the old ones, a checkpoint of the show record stores
them (io/live_codec.py), and a snapshot (`snapshot.py`) is drawn from one at a given moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FLASH_SECONDS = 5.0
MAX_MESSAGE = 280
# Added time in total, per slot: from -(planned length - 1 s) up to a week. A week holds a slot open across
# a multi-day event's nights, and keeps every derived time of day (projected end, targets) within days of now.
MAX_ADDED = 7 * 24 * 3600


@dataclass(frozen=True)
class SlotRun:
    """One stretch of a slot actually running: what the report is made of."""

    slot_id: str
    start: float  # show timeline seconds
    end: float
    paused: float  # seconds paused inside the stretch
    added: float  # seconds added to the slot's length


@dataclass(frozen=True)
class Place:
    """Where the show stood when a message was sent: the slot on (None before and after the show), how many
    slot runs had ended, and whether the show was over. A message shows while the show is still there."""

    slot_id: str | None
    runs: int
    finished: bool


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
    message: str = ""  # the stage message as sent; whether it still shows: messages.shown
    flash_until: float | None = None
    message_pinned: bool = False
    message_at: Place | None = None  # None: from a record without places, shown until cleared as before
    moderator_message: str = ""
    moderator_pinned: bool = False
    moderator_at: Place | None = None
    blackout: frozenset[str] = frozenset()
    holding: bool = False  # the projector shows the holding slide instead of the show
    roll: bool = False
    anchor: date | None = None  # the day the agenda's first day is played on
    last_command: str = ""

    def elapsed(self, t: float) -> float:
        if self.running_since is None:
            return 0.0
        until = self.paused_at if self.paused_at is not None else t
        return max(0.0, until - self.running_since - self.paused_total)
