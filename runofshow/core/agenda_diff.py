"""What changed between two versions of an agenda, in words for the operator."""

from __future__ import annotations

from runofshow.core.agenda import Agenda, Slot


def _when(slot: Slot) -> str:
    return f"{slot.start:%H:%M}–{slot.end:%H:%M}"


def describe_changes(old: Agenda, new: Agenda) -> list[str]:
    """One line per added, removed, moved or edited slot, by id; empty when nothing that shows changed."""
    lines: list[str] = []
    if old.event != new.event:
        lines.append("event details changed")
    old_slots = {slot.id: slot for slot in old.slots}
    new_slots = {slot.id: slot for slot in new.slots}
    for slot in new.slots:
        before = old_slots.get(slot.id)
        if before is None:
            lines.append(f"added '{slot.title}' ({_when(slot)})")
            continue
        if before == slot:
            continue
        what = []
        if (before.start, before.end) != (slot.start, slot.end):
            what.append(f"time {_when(before)} → {_when(slot)}")
        if before.title != slot.title:
            what.append("title")
        if before.people != slot.people:
            what.append("speakers")
        if before.cues != slot.cues:
            what.append("cues")
        if before.notes != slot.notes:
            what.append("notes")
        if (before.kind, before.warning) != (slot.kind, slot.warning):
            what.append("kind or warning")
        lines.append(f"changed '{slot.title}': {', '.join(what)}")
    lines.extend(f"removed '{slot.title}'" for slot in old.slots if slot.id not in new_slots)
    order_before = [s for s in old_slots if s in new_slots]
    order_after = [s for s in new_slots if s in old_slots]
    if order_before != order_after:
        lines.append("slots reordered")
    return lines
