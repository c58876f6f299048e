"""ShowState -> JSON-ready dict: what GET /api/state returns and the WebSocket pushes.

A pure function of the snapshot (no clock reads): run on the Qt thread when the bridge emits
`changed`, so the engine's objects never cross into the network thread. Times are given twice,
as ISO 8601 in the event's time zone (for people and for Companion) and as epoch seconds (for
the browser views, which count down locally from `server_time` and correct for their own clock).

Private slot notes are deliberately left out: they are for the operator, not for the venue network.

Whatever the snapshot holds, the text sent is JSON that every client can parse: `dumps` writes a
non-finite number as null and a character UTF-8 cannot carry (a lone surrogate) as U+FFFD, rather
than failing, so no content can stop `/api/state` or the displays.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol

from runofshow.core.agenda import Cue, Person, Slot
from runofshow.core.phase_style import (
    PAUSED_COLOUR,
    PHASE_COLOURS,
    colour_of,
    display_word,
    display_words,
    later_day_words,
    words_clock,
    zone_of,
)
from runofshow.core.show import ShowPhase, ShowState, SlotPhase, SlotRun
from runofshow.core.timing import format_drift, local_datetime

SCHEMA_VERSION = 1

# Fields that move with the clock alone. A snapshot that differs from the last one only here
# carries no news: the browsers compute these themselves, so it is pushed at most once a second.
CLOCK_FIELDS = frozenset({"server_time", "time_of_day", "timer", "cue_timer", "drift", "drift_text",
                          "projected_end", "target_remaining", "flash_remaining", "expected"})


_SURROGATES = re.compile("[\ud800-\udfff]")


class HealthLike(Protocol):
    """runofshow.io.session.JournalHealth, as far as the network needs it."""

    @property
    def ok(self) -> bool: ...
    @property
    def error(self) -> str: ...
    @property
    def unsaved(self) -> int: ...


def _finite(value: Any) -> Any:
    """The value with every NaN and infinity replaced by None (JSON has no such numbers)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Compact JSON text that any client can read: never NaN/Infinity, never a lone surrogate.

    The usual case costs one `json.dumps` and one regex search; only odd content takes the slow path."""
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except ValueError:  # a NaN or an infinity somewhere (a circular value fails again below, as it should)
        text = json.dumps(_finite(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    if _SURROGATES.search(text):
        # Only possible inside strings (JSON's own syntax is ASCII): sent as U+FFFD, as a decoder would show it.
        text = _SURROGATES.sub("\ufffd", text)
    return text


def journal_to_json(health: HealthLike) -> dict[str, Any]:
    """Whether the show's record is whole: so a browser view or an integrator can warn that it is not."""
    return {"ok": bool(health.ok), "error": str(health.error or ""), "unsaved": int(health.unsaved)}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _person(person: Person | None) -> dict[str, str] | None:
    if person is None:
        return None
    return {"name": person.name, "role": person.role, "organisation": person.organisation,
            "label": person.label()}


def _cue(cue: Cue) -> dict[str, Any]:
    return {"title": cue.title, "duration": cue.duration, "speaker": _person(cue.speaker)}


@lru_cache(maxsize=8)
def _slot(slot: Slot) -> dict[str, Any]:
    # Cached: slots are frozen and the same ones are serialised every second.
    return {
        "id": slot.id, "title": slot.title, "kind": slot.kind.value,
        "start": _iso(slot.start), "end": _iso(slot.end), "duration": slot.duration,
        "speakers": [_person(p) for p in slot.speakers], "moderator": _person(slot.moderator),
        "panellists": [_person(p) for p in slot.panellists], "cues": [_cue(c) for c in slot.cues],
        "warning": slot.warning, "hard": slot.hard, "skipped": slot.skipped,
    }


def _slot_or_none(slot: Slot | None) -> dict[str, Any] | None:
    return dict(_slot(slot)) if slot is not None else None


@lru_cache(maxsize=4)
def _rundown(slots: tuple[Slot, ...]) -> list[dict[str, Any]]:
    # `crew`: the crew's cues by column, in the columns' order (for /backstage; no room display shows them).
    return [{"id": s.id, "title": s.title, "kind": s.kind.value, "start": _iso(s.start), "end": _iso(s.end),
             "duration": s.duration, "people": [p.name for p in s.people], "hard": s.hard, "skipped": s.skipped,
             "crew": dict(s.crew)}
            for s in slots]


def _run(run: SlotRun, state: ShowState) -> dict[str, Any]:
    tz = state.event.tz
    return {"slot_id": run.slot_id, "start": _iso(local_datetime(run.start, tz)),
            "end": _iso(local_datetime(run.end, tz)), "length": run.end - run.start - run.paused,
            "paused": run.paused, "added": run.added}


def _words(state: ShowState) -> dict[str, str]:
    """The phase word for each slot phase, from the same function the Qt views use.

    A browser crosses into WRAP UP or OVER TIME by its own countdown, between two pushes. A phase already
    left reads as the present one: a break over time has no "back at" left to tell (the `words` field
    below carries every display's words; this one stays for the clients that read it)."""
    if state.phase is not ShowPhase.RUNNING:
        return {}
    order = (SlotPhase.NORMAL, SlotPhase.WARNING, SlotPhase.OVERRUN)
    now = order.index(state.slot_phase) if state.slot_phase in order else 0
    return {p.value: display_word(state, order[max(i, now)]) for i, p in enumerate(order)}


def _display_words(state: ShowState) -> dict[str, dict[str, Any]]:
    """Every display's words (docs/display-words.md), for the zone the show is in and each one its countdown
    can still enter before the next push: a browser picks the zone by `words_clock`, as the Qt displays do.
    Zones already left are not sent (a break over time has no "back at" left to tell)."""
    now = zone_of(state)
    order = (SlotPhase.NORMAL, SlotPhase.WARNING, SlotPhase.OVERRUN)
    zones = order[order.index(now):] if words_clock(state) != "none" and now in order else (now,)
    return {zone.value: asdict(display_words(state, zone)) for zone in zones}


_rundown_text: tuple[tuple[Slot, ...] | None, str] = (None, "[]")


def rundown_json(slots: tuple[Slot, ...]) -> str:
    """The rundown as JSON text, made once per agenda: a tick must not cost more with 5,000 slots."""
    global _rundown_text  # noqa: PLW0603  (a one-entry cache, only touched on the Qt thread)
    if _rundown_text[0] is not slots:
        _rundown_text = (slots, dumps(_rundown(slots)))
    return _rundown_text[1]


def state_to_json(state: ShowState, speed: float = 1.0, *, with_rundown: bool = True,
                  journal: HealthLike | None = None) -> dict[str, Any]:
    """The whole snapshot as plain JSON types. `speed` is show seconds per real second (1 at a show).

    `with_rundown=False` leaves the rundown out, for the caller that splices in `rundown_json`.
    `journal` is the record's health (the bridge's `journal_health`: ShowState does not carry it)."""
    event = state.event
    flash_remaining = (state.flash_until - state.at.t) if state.flash_until is not None else 0.0
    cue = state.cue
    return {
        "schema": SCHEMA_VERSION,
        "server_time": state.at.wall,
        "speed": speed,
        "event": {"title": event.title, "date": event.date.isoformat(), "timezone": event.timezone,
                  "venue": {"name": event.venue.name, "address": event.venue.address},
                  "organiser": event.organiser},
        "phase": state.phase.value,
        "slot_phase": state.slot_phase.value,
        "phase_word": display_word(state),
        "later_day": later_day_words(state),
        "words": _display_words(state),
        "words_clock": words_clock(state),
        "words_zone": zone_of(state).value,
        "colour": colour_of(state),
        "theme": {"colours": {p.value: c for p, c in PHASE_COLOURS.items()} | {"paused": PAUSED_COLOUR},
                  "words": _words(state)},
        "index": state.index,
        "columns": list(state.columns),  # the crew columns, in order: each rundown item's `crew` names them
        "current": _slot_or_none(state.current),
        "next": _slot_or_none(state.next),
        "timer": {"elapsed": state.elapsed, "duration": state.duration, "added": state.added,
                  "remaining": state.remaining, "overtime": state.overtime, "countdown": state.countdown,
                  "warning": state.warning},
        "cue": None if cue is None else {"index": cue.index, **_cue(cue.cue)},
        "cue_timer": None if cue is None else {"elapsed": cue.elapsed, "remaining": cue.remaining},
        "next_cue": None if state.next_cue is None else _cue(state.next_cue),
        "message": state.message,
        "message_pinned": state.message_pinned,
        "moderator_message": state.moderator_message,
        "moderator_message_pinned": state.moderator_message_pinned,
        "flashing": state.flashing,
        "flash_remaining": max(0.0, flash_remaining),
        "blackout": sorted(state.blackout),
        "holding": state.holding,
        "holding_slide": "image" if state.event.holding_slide else "logo",
        "time_of_day": _iso(state.time_of_day),
        "drift": state.drift,
        "drift_text": format_drift(state.drift),
        "projected_end": _iso(state.projected_end),
        "target": _iso(state.target),
        "target_text": state.target_text,
        "target_remaining": state.target_remaining,
        "planned_start": _iso(state.planned_start),
        "roll": state.roll,
        "last_command": state.last_command,
        "can_undo": state.can_undo,
        "runs": [_run(r, state) for r in state.runs],
        # Per rundown slot: when it is now expected to start (null: done or skipped), a hard start it will
        # miss, and the gap opening before a hard start (seconds).
        "expected": [{"start": _iso(e.start), "late_hard": e.late_hard, "gap": e.gap} for e in state.expected],
    } | ({"journal": journal_to_json(journal)} if journal is not None else {}) \
      | ({"rundown": _rundown(state.slots)} if with_rundown else {})


def content_key(snapshot: dict[str, Any]) -> str:
    """What a display shows apart from the clock: a change here is pushed at once.

    Which cue is on stays in; only its seconds are clock fields. The slot phase stays in too, so
    the moment a countdown turns amber or red is pushed, not left to the once-a-second beat."""
    return json.dumps({k: v for k, v in snapshot.items() if k not in CLOCK_FIELDS}, sort_keys=True)
