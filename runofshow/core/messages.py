"""Messages to the stage and to the moderator: where each was sent, and whether it still shows.

A message belongs to the slot on when it was sent. It shows while the show is still there and is gone
once the show moves to another slot (GO, next, previous, goto, roll mode's own slot changes, the show's
end), unless the operator pinned it. "Mic 3 is dead, use 4" is about this speaker, not the next one.

The place is stored with the message rather than the message being cleared on a move: roll mode changes
slots without any command, and `ShowEngine.state` only reads. So the snapshot asks `shown` at every
moment, and an undo, a replay or a checkpoint brings a message back exactly with the live state.
Putting the loaded slot back to its start (reset) or starting it (GO on a loaded slot) is no move: the
slot is the same, and so is what the speaker needs to know.
"""

from __future__ import annotations

from dataclasses import replace

from runofshow.core.agenda import Agenda
from runofshow.core.live import Live, Place

TARGETS = ("stage", "moderator")  # where a message can go; "stage" when a command does not say
MAX_PRESETS = 9  # preset messages have the keys 1-9 in the operator window


def place_of(agenda: Agenda, live: Live) -> Place:
    """Where the show stands: a message sent now belongs here."""
    slot_id = agenda.slots[live.index].id if live.index is not None else None
    return Place(slot_id, len(live.runs), live.finished)


def _fields(live: Live, to: str) -> tuple[str, bool, Place | None]:
    if to == "moderator":
        return live.moderator_message, live.moderator_pinned, live.moderator_at
    return live.message, live.message_pinned, live.message_at


def shown(agenda: Agenda, live: Live, to: str) -> str:
    """The message for `to` as the displays show it now: '' once the show has moved on, unless pinned."""
    text, pinned, at = _fields(live, to)
    if not text or pinned or at is None:
        return text
    return text if at == place_of(agenda, live) else ""


def pinned(agenda: Agenda, live: Live, to: str) -> bool:
    """Whether the message shown for `to` is pinned (False when none shows)."""
    return bool(shown(agenda, live, to)) and _fields(live, to)[1]


def with_message(agenda: Agenda, live: Live, to: str, text: str, pin: bool) -> Live:
    """`live` with `text` as the message for `to`, belonging to where the show stands ('' clears it)."""
    at = place_of(agenda, live) if text else None
    pin = pin and bool(text)
    if to == "moderator":
        return replace(live, moderator_message=text, moderator_pinned=pin, moderator_at=at)
    return replace(live, message=text, message_pinned=pin, message_at=at)
