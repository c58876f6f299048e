"""`Slot` sets its fields in a hand-written __init__ (faster than a frozen dataclass's): it must stay the
dataclass's own, the same fields in the same order with the same defaults, and the slot still frozen."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC, datetime

import pytest

from runofshow.core.agenda import Person, Slot, SlotKind


def test_the_init_takes_every_field_in_order_with_its_default() -> None:
    parameters = list(inspect.signature(Slot).parameters.values())
    fields = dataclasses.fields(Slot)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        expected = inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        assert parameter.default == expected, field.name


def test_a_slot_is_still_frozen_compared_and_replaced_by_its_fields() -> None:
    start, end = datetime(2024, 1, 1, 10, tzinfo=UTC), datetime(2024, 1, 1, 11, tzinfo=UTC)
    slot = Slot("a", "A", SlotKind.TALK, start, end, speakers=(Person("Jo"),), hard=True)
    assert vars(slot) == {f.name: getattr(slot, f.name) for f in dataclasses.fields(Slot)}
    assert slot == Slot("a", "A", SlotKind.TALK, start, end, speakers=(Person("Jo"),), hard=True)
    assert hash(slot) == hash(dataclasses.replace(slot))
    assert dataclasses.replace(slot, title="B").title == "B"
    with pytest.raises(dataclasses.FrozenInstanceError):
        slot.title = "B"  # type: ignore[misc]
