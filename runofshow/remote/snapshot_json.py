"""ShowState -> JSON-ready dict: what GET /api/state returns and the WebSocket pushes.

A pure function of the snapshot (no clock reads): run on the Qt thread when the bridge emits
`taken`, so the engine's objects never cross into the network thread (but for the expected starts: frozen
values, made into JSON there only when `/api/state` asks for them). Times are given twice,
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
from dataclasses import asdict, dataclass
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any, Protocol

from runofshow.core.agenda import Cue, Person, Slot
from runofshow.core.phase_style import (
    CUE_WARNING_SECONDS,
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
from runofshow.core.snapshot import ExpectedStart
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


def _run(run: SlotRun, tz: tzinfo) -> dict[str, Any]:
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


@dataclass(frozen=True)
class Part:
    """A large part of the snapshot (the rundown, the runs) as JSON text, with the version of that text.

    Made again only when what it is made of changes (another plan, another slot ended), so a tick costs the
    same after 4,000 slots as after 10; the version changes exactly when the text does (docs/architecture.md)."""

    version: int
    text: str


class _PartCache:
    """The last few texts of one part, each with the objects it was made from (compared by identity) and its
    version. A few, not one: two shows in one process (the tests, two servers) must not make each other's
    parts anew at every tick. Only touched on the Qt thread."""

    SIZE = 4

    def __init__(self) -> None:
        self.entries: list[tuple[tuple[object, ...], Part]] = []  # the newest first
        self.made = 0  # how many times a text was made (for the tests: never at a tick that changed nothing)

    def find(self, *source: object) -> Part | None:
        for kept, part in self.entries:
            if len(kept) == len(source) and all(a is b for a, b in zip(kept, source, strict=True)):
                return part
        return None

    def keep(self, source: tuple[object, ...], text: str) -> Part:
        self.made += 1
        newest = self.entries[0][1] if self.entries else None
        if newest is not None and newest.text == text:
            part = newest  # the same text (an edit of what the part does not hold): the same version
        else:
            global _versions  # noqa: PLW0603  (one counter for every part: a version never names two texts)
            _versions += 1
            part = Part(_versions, text)
        self.entries.insert(0, (source, part))
        del self.entries[self.SIZE:]
        return part


_versions = 0
RUNDOWN = _PartCache()
RUNS = _PartCache()


def rundown_part(slots: tuple[Slot, ...]) -> Part:
    """The rundown as JSON text, made once per plan: a tick must not cost more with 5,000 slots."""
    return RUNDOWN.find(slots) or RUNDOWN.keep((slots,), dumps(_rundown(slots)))


def rundown_json(slots: tuple[Slot, ...]) -> str:
    """The rundown's JSON text (see `rundown_part`)."""
    return rundown_part(slots).text


def runs_part(runs: tuple[SlotRun, ...], tz: tzinfo) -> Part:
    """The slot runs as JSON text, made again only when a run ends (or an undo takes one back).

    A run that ended is appended to the text made before: a slot ending late in a long show costs that
    one run, not the whole history again."""
    found = RUNS.find(runs, tz)
    if found is not None:
        return found
    for (before, zone), part in RUNS.entries:
        if (zone is tz and isinstance(before, tuple) and before and len(runs) > len(before)
                and runs[len(before) - 1] is before[-1] and runs[:len(before)] == before):
            added = ",".join(dumps(_run(run, tz)) for run in runs[len(before):])
            return RUNS.keep((runs, tz), f"{part.text[:-1]},{added}]")
    return RUNS.keep((runs, tz), dumps([_run(run, tz) for run in runs]))


_EXPECTED_TEXT: dict[int, tuple[ExpectedStart, str]] = {}  # id -> (the entry, kept alive; its JSON text)
_EXPECTED_KEPT = 50_000


def expected_json(expected: tuple[ExpectedStart, ...]) -> str:
    """The expected starts as JSON text: for /api/state and command replies, made when one is asked for.

    Most entries are the very objects of the last request (the part as planned, `ShowState.expected_settled`):
    their text is kept, so a request late in a 5,000-slot show writes the few entries that moved, not all."""
    kept = _EXPECTED_TEXT
    texts = []
    for entry in expected:
        found = kept.get(id(entry))
        if found is None or found[0] is not entry:
            if len(kept) >= _EXPECTED_KEPT:
                kept.clear()
            found = kept[id(entry)] = (entry, dumps(_expected(entry)))
        texts.append(found[1])
    return f"[{','.join(texts)}]"


def _expected(entry: ExpectedStart) -> dict[str, Any]:
    return {"start": _iso(entry.start), "late_hard": entry.late_hard, "gap": entry.gap}


def state_to_json(state: ShowState, speed: float = 1.0, *, with_rundown: bool = True,
                  journal: HealthLike | None = None) -> dict[str, Any]:
    """The whole snapshot as plain JSON types. `speed` is show seconds per real second (1 at a show).

    `with_rundown=False` leaves the rundown out. `journal` is the record's health (the bridge's
    `journal_health`: ShowState does not carry it). What `/api/state` returns; the WebSocket sends
    `live_to_json` and the parts."""
    return live_to_json(state, speed, journal=journal) | {
        "runs": [_run(r, state.event.tz) for r in state.runs],
        # Per rundown slot: when it is now expected to start (null: done or skipped), a hard start it will
        # miss, and the gap opening before a hard start (seconds).
        "expected": [_expected(entry) for entry in state.expected],
    } | ({"rundown": _rundown(state.slots)} if with_rundown else {})


def live_to_json(state: ShowState, speed: float = 1.0, *, journal: HealthLike | None = None,
                 versions: dict[str, int] | None = None, pair: dict[str, Any] | None = None) -> dict[str, Any]:
    """The snapshot without the parts whose size grows with the plan and the show (the rundown, the runs,
    the expected starts): what every WebSocket push carries, the same size on day 70 as at 09:00.
    `pair`: this laptop's standing (core/standing.py), primary or a backup following one.

    `versions`: the version of each part this state goes with (the WebSocket's "versions")."""
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
        # `warning`: the turn's amber zone, seconds (its digits turn amber at this many left, red at 00:00).
        "cue_timer": None if cue is None else {"elapsed": cue.elapsed, "remaining": cue.remaining,
                                               "warning": CUE_WARNING_SECONDS},
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
    } | ({"journal": journal_to_json(journal)} if journal is not None else {}) \
      | ({"versions": versions} if versions is not None else {}) \
      | ({"pair": pair} if pair is not None else {})


def content_key(snapshot: dict[str, Any]) -> str:
    """What a display shows apart from the clock: a change here is pushed at once.

    Which cue is on stays in; only its seconds are clock fields. The slot phase stays in too, so
    the moment a countdown turns amber or red is pushed, not left to the once-a-second beat."""
    return json.dumps({k: v for k, v in snapshot.items() if k not in CLOCK_FIELDS}, sort_keys=True)
