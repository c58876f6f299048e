"""Guards against a PySide6 release whose Signal.emit drops a reference to True on every call.

PySide6 6.12.0 on Python 3.11 does that: a show emits a snapshot every second, so the interpreter
aborts ("bool_dealloc") within hours. pyproject.toml keeps 6.12.0 out; this test says why if a
future pin lets such a release back in.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_a_signal_keeps_the_reference_count_of_true(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.fired.emit(1)
    assert len(received) == 500
    assert sys.getrefcount(True) >= before - 5
