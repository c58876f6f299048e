"""Colours, words and fonts shared by every view, so a phase looks and reads the same everywhere."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from runofshow.core.show import ShowPhase, ShowState, SlotPhase

BACKGROUND = "#0f1420"
PANEL = "#171e2e"
TEXT = "#f2f4f8"
MUTED = "#9aa4b8"
ACCENT = "#fca311"

PHASE_COLOURS = {
    SlotPhase.NONE: "#9aa4b8",
    SlotPhase.NORMAL: "#34d27b",
    SlotPhase.WARNING: "#ffb000",
    SlotPhase.OVERRUN: "#ff3b30",
}
PAUSED_COLOUR = "#5aa9ff"


def phase_colour(state: ShowState) -> QColor:
    if state.phase is ShowPhase.PAUSED:
        return QColor(PAUSED_COLOUR)
    return QColor(PHASE_COLOURS[state.slot_phase])


def phase_word(state: ShowState) -> str:
    """The phase in a word, so it is never told by colour alone."""
    if state.phase is ShowPhase.PAUSED:
        return "PAUSED"
    if state.phase is ShowPhase.PRE_SHOW:
        return "BEFORE THE SHOW"
    if state.phase is ShowPhase.FINISHED:
        return "SHOW OVER"
    if state.phase is ShowPhase.BETWEEN:
        return "READY: PRESS GO" if not state.roll else "WAITING"
    return {
        SlotPhase.NORMAL: "ON TIME",
        SlotPhase.WARNING: "WRAP UP",
        SlotPhase.OVERRUN: "OVER TIME",
        SlotPhase.NONE: "",
    }[state.slot_phase]


def display_word(state: ShowState) -> str:
    """The phase word for the people on stage and at the lectern, not for the operator.

    "READY: PRESS GO" is an instruction for the stage manager; a speaker reads "STANDBY". In a break
    the word says when the show is back, on every display alike.
    """
    if state.phase is ShowPhase.BETWEEN:
        return f"STARTS AT {state.target:%H:%M}" if state.target is not None else "STANDBY"
    if state.is_break and state.phase is ShowPhase.RUNNING and state.target is not None:
        return f"BREAK · BACK AT {state.target:%H:%M}"
    if state.phase is ShowPhase.FINISHED:
        return "THE SHOW IS OVER"
    if state.phase is ShowPhase.PRE_SHOW:
        return "UNTIL THE START"
    return phase_word(state)


def digits_font(pixel_size: int = 48) -> QFont:
    """A bold font whose digits all have the same width, so a countdown never jiggles."""
    font = QFont()
    font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "Liberation Mono", "monospace"])
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setBold(True)
    font.setPixelSize(max(1, pixel_size))
    return font


def text_font(pixel_size: int = 16, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Helvetica Neue", "Segoe UI", "Arial", "sans-serif"])
    font.setPixelSize(max(1, pixel_size))
    font.setBold(bold)
    return font


OPERATOR_STYLE = f"""
QMainWindow, QWidget#operatorRoot {{ background: {BACKGROUND}; color: {TEXT}; }}
QLabel {{ color: {TEXT}; }}
QLabel[muted="true"] {{ color: {MUTED}; }}
QFrame#panel {{ background: {PANEL}; border-radius: 8px; }}
QTableView {{ background: {PANEL}; color: {TEXT}; gridline-color: #263049; selection-background-color: #2d3b5c;
             alternate-background-color: #1b2335; }}
QHeaderView::section {{ background: #1f2840; color: {MUTED}; border: none; padding: 4px; }}
QToolBar {{ background: {PANEL}; border: none; spacing: 4px; }}
QToolButton {{ color: {TEXT}; background: #24304a; border-radius: 6px; padding: 6px 10px; font-weight: bold; }}
QToolButton:hover {{ background: #2f3d5e; }}
QToolButton:checked {{ background: {ACCENT}; color: #14213d; }}
QToolButton#go {{ background: #1f9d55; }}
QLineEdit, QPlainTextEdit {{ background: #0b0f18; color: {TEXT}; border: 1px solid #2c3857; border-radius: 4px;
                            padding: 4px; }}
QPushButton {{ background: #24304a; color: {TEXT}; border-radius: 4px; padding: 5px 10px; }}
QStatusBar {{ background: {PANEL}; color: {MUTED}; }}
QStatusBar QLabel#journalTrouble {{ color: #ff6b5e; font-weight: bold; }}
QMenuBar {{ background: {PANEL}; color: {TEXT}; }}
QMenuBar::item:selected {{ background: #2f3d5e; }}
QMenu {{ background: {PANEL}; color: {TEXT}; }}
QMenu::item:selected {{ background: #2f3d5e; }}
"""
