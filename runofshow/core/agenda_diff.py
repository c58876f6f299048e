"""What changed between two versions of an agenda, in words for the operator."""

from __future__ import annotations

from runofshow.core import words
from runofshow.core.agenda import Agenda, Slot


def _when(slot: Slot) -> str:
    return f"{slot.start:%H:%M}–{slot.end:%H:%M}"


def describe_changes(old: Agenda, new: Agenda) -> list[str]:
    """One line per added, removed, moved or edited slot, by id; empty when nothing that shows changed."""
    lines: list[str] = []
    if old.event != new.event:
        lines.append(words.EVENT_DETAILS_CHANGED)
    if old.messages != new.messages:
        lines.append(words.PRESET_MESSAGES_CHANGED)  # else a file edited only there would not be reloaded
    if old.columns != new.columns:
        lines.append(words.CREW_COLUMNS_CHANGED)  # the same: the crew's views must follow
    old_slots = {slot.id: slot for slot in old.slots}
    new_slots = {slot.id: slot for slot in new.slots}
    for slot in new.slots:
        before = old_slots.get(slot.id)
        if before is None:
            lines.append(words.slot_added(slot.title, _when(slot)))
            continue
        if before == slot:
            continue
        what = []
        if (before.start, before.end) != (slot.start, slot.end):
            what.append(words.changed_time(_when(before), _when(slot)))
        if before.title != slot.title:
            what.append(words.CHANGED_TITLE)
        if before.people != slot.people:
            what.append(words.CHANGED_SPEAKERS)
        if before.cues != slot.cues:
            what.append(words.CHANGED_CUES)
        if before.notes != slot.notes:
            what.append(words.CHANGED_NOTES)
        if (before.kind, before.warning) != (slot.kind, slot.warning):
            what.append(words.CHANGED_KIND)
        if before.crew != slot.crew:
            what.append(words.CHANGED_CREW)
        lines.append(words.slot_changed(slot.title, what))
    lines.extend(words.slot_removed(slot.title) for slot in old.slots if slot.id not in new_slots)
    order_before = [s for s in old_slots if s in new_slots]
    order_after = [s for s in new_slots if s in old_slots]
    if order_before != order_after:
        lines.append(words.SLOTS_REORDERED)
    return lines
