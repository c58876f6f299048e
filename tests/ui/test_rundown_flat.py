"""The rundown's cost per tick: the rows around the current slot, never the whole plan or the whole history."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, SupportsIndex

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from runofshow.core.agenda import Agenda
from runofshow.core.show import ShowState
from runofshow.core.snapshot import ExpectedStart
from runofshow.ui.rundown import RundownModel
from tests.long_show import after, later, long_plan

TICKS = 5


class Counted(tuple[ExpectedStart, ...]):
    """The expected starts, counting every entry a reader takes out (by index, slice or iteration)."""

    taken = 0

    def __iter__(self) -> Any:
        for entry in super().__iter__():
            Counted.taken += 1
            yield entry

    def __getitem__(self, key: SupportsIndex | slice) -> Any:
        got = super().__getitem__(key)
        Counted.taken += len(got) if isinstance(got, tuple) else 1
        return got


def counted(state: ShowState) -> ShowState:
    return replace(state, expected=Counted(state.expected))


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Agenda, Path]:
    return long_plan(tmp_path_factory.mktemp("long"), 1100)


def test_a_tick_and_a_slot_ending_cost_the_rundown_the_same_after_1000_slots_as_after_10(
        qtbot: QtBot, plan: tuple[Agenda, Path]) -> None:
    looked: dict[int, float] = {}
    redrawn: dict[int, list[int]] = {}
    reported: dict[int, RundownModel] = {}
    for finished in (10, 1000):
        session, now = after(*plan, finished)
        model = RundownModel()
        model.update(counted(session.state(now)))
        rows: list[int] = []

        def changed(first: QModelIndex, last: QModelIndex, *_roles: Any, into: list[int] = rows) -> None:
            into.append(last.row() - first.row() + 1)

        model.dataChanged.connect(changed)
        Counted.taken = 0
        for second in range(1, TICKS + 1):
            model.update(counted(session.state(later(now, second))))
        looked[finished] = Counted.taken / TICKS
        ticks = sum(rows)
        rows.clear()
        # The slot ends on time and the next one starts: the expected starts after it stay as planned.
        assert session.run("next", later(now, 570)).accepted
        model.update(counted(session.state(later(now, 570))))
        redrawn[finished] = [ticks, sum(rows)]
        reported[finished] = model
        session.close()
    assert looked[1000] == looked[10] and looked[10] <= 8, looked  # not the 1,100 slots' expected starts
    assert redrawn[1000] == redrawn[10], redrawn
    # A tick on plan redraws nothing; the slot ending redraws its row, the new current one and the next.
    assert redrawn[10][0] == 0 and redrawn[10][1] <= 4, redrawn
    assert [reported[n].rows_changed for n in (10, 1000)] == [redrawn[10][1]] * 2  # what the bench reads
