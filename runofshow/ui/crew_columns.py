"""The crew's columns in the operator window: which ones the rundown shows, and the standby line.

A crew column (Audio, Video, Lighting, Stage: the agenda's `columns:`) holds each slot's cue for that
department. The operator hides the ones they do not need from the rundown (right-click its header, or
Rundown > Crew columns); the choice is kept by column name in the settings, so it survives a restart and
a reloaded agenda. Hiding a column never hides its cues from the standby line: that is for the whole crew.
Crew cues are never drawn on a room display (projector, stage, moderator).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import QMenu, QWidget

from runofshow.core.agenda import Slot
from runofshow.qt.settings import read_strings
from runofshow.qt.translation import translate

HIDDEN_SETTING = "rundown/hidden_crew_columns"  # the names of the crew columns the operator hid
CUE_SEPARATOR = " · "


def standby_cues(slot: Slot | None) -> str:
    """'Audio: handhelds 3-5 · Video: camera wide': the slot's crew cues in column order, only those it has."""
    if slot is None:
        return ""
    return CUE_SEPARATOR.join(f"{column}: {cue}" for column, cue in slot.crew if cue)


def standby_label(title: str) -> str:
    """'STAND BY for Welcoming remarks:', but 'STAND BY for What now?' with no colon after the title's own stop."""
    title = title.rstrip()
    if title.endswith(("?", "!", ".", "…", ":")):
        return translate("CrewColumns", "STAND BY for {title}").format(title=title)
    return translate("CrewColumns", "STAND BY for {title}:").format(title=title)


class CrewColumnChoice(QObject):
    """Which crew columns the rundown shows, remembered by name (ignoring case, as the agenda compares them).

    `changed` is emitted with the hidden names whenever the operator ticks or unticks a column.
    Without settings (a picture for the README) the choice lasts as long as the window.
    """

    changed = Signal(frozenset)

    def __init__(self, settings: QSettings | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._hidden: list[str] = read_strings(settings, HIDDEN_SETTING) if settings is not None else []
        self.columns: tuple[str, ...] = ()  # the agenda's crew columns, in order
        self.no_room: tuple[str, ...] = ()  # shown by choice, but the window is too narrow for them now

    @property
    def hidden(self) -> frozenset[str]:
        """The hidden names, case-folded."""
        return frozenset(name.casefold() for name in self._hidden)

    def is_shown(self, column: str) -> bool:
        return column.casefold() not in self.hidden

    def set_shown(self, column: str, shown: bool) -> None:
        kept = [name for name in self._hidden if name.casefold() != column.casefold()]
        self._hidden = kept if shown else [*kept, column]
        if self.settings is not None:
            self.settings.setValue(HIDDEN_SETTING, list(self._hidden))
        self.changed.emit(self.hidden)

    def fill(self, menu: QMenu) -> None:
        """A checkable entry per crew column: ticked, the rundown shows it."""
        menu.clear()
        if not self.columns:
            menu.addAction(self.tr("This agenda has no crew columns")).setEnabled(False)
            return
        for column in self.columns:
            text = (self.tr("{column} (no room at this width)").format(column=column)
                    if column in self.no_room else column)
            action = menu.addAction(text)
            action.setData(column)
            action.setCheckable(True)
            action.setChecked(self.is_shown(column))
            action.setToolTip(self.tr("Show the {column} cues in the rundown").format(column=column))
            action.toggled.connect(lambda on, name=column: self.set_shown(name, on))

    def menu(self, title: str, parent: QWidget) -> QMenu:
        """A menu that lists the agenda's crew columns afresh each time it opens (Rundown > Crew columns)."""
        menu = QMenu(title, parent)
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(lambda: self.fill(menu))
        return menu

    def popup(self, header: QWidget, at: QPoint) -> QMenu:
        """The same list under the mouse, from a right-click on the rundown's header."""
        menu = QMenu(header)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one right-click, one menu: gone once closed
        menu.setToolTipsVisible(True)
        self.fill(menu)
        menu.popup(header.mapToGlobal(at))
        return menu

    def set_columns(self, columns: Iterable[str]) -> None:
        self.columns = tuple(columns)
