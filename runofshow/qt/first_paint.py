"""FirstPaint: run something once, right after the first paint.

Imports nothing but PySide6, so the bench's floor (a bare Qt program) can use the very same
object as the app without importing the app.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    """Calls back once, after the first paint of `watched` (a widget, or the application: any widget).

    The call comes from the event loop (a zero timer), never from inside the paint itself.
    """

    def __init__(self, watched: QObject, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self._then: Callable[[], None] | None = then
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)
        return False
