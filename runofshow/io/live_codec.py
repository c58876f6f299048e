"""The engine's live state (and its undo history) as JSON: the body of a checkpoint in the show record.

Undo states mostly share the show's history of runs, which only grows: each one is written with
the number of runs it shares with the live state instead of the runs again, so a checkpoint of a
long show with 500 undo steps stays small.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from runofshow.core.commands import DISPLAYS
from runofshow.core.live import Place
from runofshow.core.show import Live, SlotRun

# The show timeline is epoch seconds: anything outside these years is damage, not a show.
EARLIEST = 946_684_800.0  # 2000-01-01
LATEST = 7_258_118_400.0  # 2200-01-01
MAX_SPAN = 10 * 365 * 86_400.0  # the longest a duration inside one show can be


class LiveDecodeError(ValueError):
    """A checkpoint whose state cannot be trusted."""


def plausible_time(value: object) -> bool:
    """A finite show-timeline second inside the years a show can run in."""
    return (isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
            and EARLIEST <= value <= LATEST)


def checkpoint_to_json(live: Live, undo: tuple[Live, ...]) -> dict[str, Any]:
    return {"live": _live_to_json(live, ()), "undo": [_live_to_json(state, live.runs) for state in undo]}


def checkpoint_from_json(data: object, slot_count: int) -> tuple[Live, tuple[Live, ...]]:
    """(live, undo) from checkpoint_to_json; indices are checked against the plan's `slot_count`."""
    try:
        root = _mapping(data)
        live = _live(root["live"], (), slot_count)
        undo_items = root["undo"]
        if not isinstance(undo_items, list):
            raise LiveDecodeError("undo is not a list")
        undo = tuple(_live(item, live.runs, slot_count) for item in undo_items)
    except LiveDecodeError:
        raise
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise LiveDecodeError(f"the checkpoint is damaged ({type(exc).__name__}: {exc})") from exc
    return live, undo


def _live_to_json(live: Live, shared_runs: tuple[SlotRun, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "index": live.index, "finished": live.finished, "running_since": live.running_since,
        "paused_at": live.paused_at, "paused_total": live.paused_total, "added": live.added,
        "cue_index": live.cue_index, "cue_from": live.cue_from, "message": live.message,
        "flash_until": live.flash_until, "blackout": sorted(live.blackout), "roll": live.roll,
        "holding": live.holding,
        "anchor": live.anchor.isoformat() if live.anchor else None, "last_command": live.last_command,
        "message_pinned": live.message_pinned, "message_at": _place_to_json(live.message_at),
        "moderator_message": live.moderator_message, "moderator_pinned": live.moderator_pinned,
        "moderator_at": _place_to_json(live.moderator_at),
    }
    shared = len(live.runs) if shared_runs[:len(live.runs)] == live.runs and shared_runs else -1
    if shared >= 0:
        data["runs_shared"] = shared
    else:
        data["runs"] = [[r.slot_id, r.start, r.end, r.paused, r.added] for r in live.runs]
    return data


def _live(data: object, shared_runs: tuple[SlotRun, ...], slot_count: int) -> Live:
    raw = _mapping(data)
    index = raw["index"]
    if index is not None and (isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < slot_count):
        raise LiveDecodeError(f"slot index {index!r} is not in the plan")
    if "runs_shared" in raw:
        count = raw["runs_shared"]
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= len(shared_runs):
            raise LiveDecodeError("runs_shared is out of range")
        runs = shared_runs[:count]
    else:
        runs = tuple(_run(item) for item in raw["runs"])
    blackout = raw["blackout"]
    if not isinstance(blackout, list) or not set(blackout) <= set(DISPLAYS):
        raise LiveDecodeError("blackout names an unknown display")
    cue_index = raw["cue_index"]
    if isinstance(cue_index, bool) or not isinstance(cue_index, int) or not 0 <= cue_index < 10_000:
        raise LiveDecodeError("cue_index is out of range")
    anchor = raw["anchor"]
    return Live(
        index=index, finished=_bool(raw["finished"]), running_since=_time_or_none(raw["running_since"]),
        paused_at=_time_or_none(raw["paused_at"]), paused_total=_span(raw["paused_total"]),
        added=_span(raw["added"], signed=True), cue_index=cue_index, cue_from=_span(raw["cue_from"]),
        runs=runs, message=_text(raw["message"]), flash_until=_time_or_none(raw["flash_until"]),
        blackout=frozenset(blackout), holding=_bool(raw.get("holding", False)),  # absent before holding slides
        roll=_bool(raw["roll"]),
        anchor=date.fromisoformat(_text(anchor)) if anchor is not None else None,
        last_command=_text(raw["last_command"]),
        # A checkpoint from before messages had places or a moderator: its stage message stays until
        # cleared, as it did when it was written.
        message_pinned=_bool(raw.get("message_pinned", False)), message_at=_place(raw.get("message_at")),
        moderator_message=_text(raw.get("moderator_message", "")),
        moderator_pinned=_bool(raw.get("moderator_pinned", False)), moderator_at=_place(raw.get("moderator_at")),
    )


def _place_to_json(place: Place | None) -> list[Any] | None:
    return None if place is None else [place.slot_id, place.runs, place.finished]


def _place(value: object) -> Place | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 3:
        raise LiveDecodeError("a message's place is not [slot, runs, finished]")
    slot_id, runs, finished = value
    if isinstance(runs, bool) or not isinstance(runs, int) or not 0 <= runs <= 10_000_000:
        raise LiveDecodeError(f"a message's place has {runs!r} runs")
    return Place(None if slot_id is None else _text(slot_id), runs, _bool(finished))


def _run(item: object) -> SlotRun:
    if not isinstance(item, list) or len(item) != 5:
        raise LiveDecodeError("a run is not [slot, start, end, paused, added]")
    slot_id, start, end, paused, added = item
    return SlotRun(_text(slot_id), _time(start), _time(end), _span(paused), _span(added, signed=True))


def _mapping(value: object) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise LiveDecodeError("not an object")
    return value


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise LiveDecodeError(f"{value!r} is not true or false")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise LiveDecodeError(f"{value!r} is not text")
    return value


def _time(value: object) -> float:
    if not plausible_time(value):
        raise LiveDecodeError(f"{value!r} is not a plausible time")
    return float(value)  # type: ignore[arg-type]


def _time_or_none(value: object) -> float | None:
    return None if value is None else _time(value)


def _span(value: object, *, signed: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise LiveDecodeError(f"{value!r} is not a number of seconds")
    if not (-MAX_SPAN if signed else 0.0) <= value <= MAX_SPAN:
        raise LiveDecodeError(f"{value!r} seconds is out of range")
    return float(value)
