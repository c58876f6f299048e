"""Colours, words and fonts shared by every Qt view, so a phase looks and reads the same everywhere.

The phase colours and words themselves live in `core/phase_style.py` (no Qt), which the browser
views read too; this module adds the operator's palette, the fonts and Qt's objects.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from runofshow.core.phase_style import PAUSED_COLOUR, WRAP_UP, colour_of
from runofshow.core.show import ShowState
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate

BACKGROUND = "#0f1420"
PANEL = "#171e2e"
TEXT = "#f2f4f8"
MUTED = "#9aa4b8"
ACCENT = "#fca311"
ON_ACCENT = "#14213d"  # text on the accent colour
CAUTION = WRAP_UP  # a refused command or a missing choice in the status line
NOTICE = PAUSED_COLOUR  # the app's own news in the status line (a reload, a restore)
ALERT = "#ff6b5e"  # the show record is not saved; a display is blacked out


def phase_colour(state: ShowState) -> QColor:
    """The phase colour (core/phase_style.py) as Qt's colour."""
    return QColor(colour_of(state))


# The displays (and browser views) by name, as the operator reads them in the menus and the Remote window.
DISPLAY_NAMES = {
    "projector": QT_TRANSLATE_NOOP("DisplayNames", "Projector"),
    "stage": QT_TRANSLATE_NOOP("DisplayNames", "Stage"),
    "moderator": QT_TRANSLATE_NOOP("DisplayNames", "Moderator"),
    "backstage": QT_TRANSLATE_NOOP("DisplayNames", "Backstage"),
}


def display_name(kind: str) -> str:
    """A display kind ("stage") as a person reads it ("Stage"); a kind not named above, capitalised."""
    return translate("DisplayNames", DISPLAY_NAMES[kind]) if kind in DISPLAY_NAMES else kind.capitalize()


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
QToolButton:checked {{ background: {ACCENT}; color: {ON_ACCENT}; }}
QToolButton#go {{ background: #1f9d55; }}
QLineEdit, QPlainTextEdit {{ background: #0b0f18; color: {TEXT}; border: 1px solid #2c3857; border-radius: 4px;
                            padding: 4px; }}
QPushButton {{ background: #24304a; color: {TEXT}; border-radius: 4px; padding: 5px 10px; }}
QStatusBar {{ background: {PANEL}; color: {MUTED}; }}
QStatusBar QLabel#journalTrouble {{ color: {ALERT}; font-weight: bold; }}
QMenuBar {{ background: {PANEL}; color: {TEXT}; }}
QMenuBar::item:selected {{ background: #2f3d5e; }}
QMenu {{ background: {PANEL}; color: {TEXT}; }}
QMenu::item:selected {{ background: #2f3d5e; }}
"""

FIELD = "#0b0f18"  # behind what the operator types or picks from
EDGE = "#2c3857"
BUTTON = "#24304a"

# Qt cascades a window's style sheet into every dialog it is the parent of (message boxes, file pickers, the
# print dialog, Qt's own questions inside them): the rules above would give their labels light text on the
# system's light grey. So every dialog is dark as a whole: its background, every word in it, and every field,
# list, button and tab it has. (A dialog's own style sheet may add to this.)
DIALOG_STYLE = f"""
QDialog {{ background: {PANEL}; color: {TEXT}; }}
QDialog QWidget {{ color: {TEXT}; }}
QDialog QWidget:disabled {{ color: {MUTED}; }}
QDialog QLineEdit, QDialog QPlainTextEdit, QDialog QTextEdit, QDialog QAbstractSpinBox, QDialog QComboBox,
QDialog QAbstractItemView {{ background: {FIELD}; color: {TEXT}; selection-background-color: #2d3b5c;
                             selection-color: {TEXT}; }}
QDialog QComboBox {{ border: 1px solid {EDGE}; border-radius: 4px; padding: 3px 6px; }}
QDialog QComboBox QAbstractItemView {{ border: 1px solid {EDGE}; }}
QDialog QAbstractSpinBox {{ border: 1px solid {EDGE}; border-radius: 4px; padding: 3px 20px 3px 4px; }}
QDialog QSpinBox::up-button, QDialog QSpinBox::down-button, QDialog QTimeEdit::up-button,
QDialog QTimeEdit::down-button {{ subcontrol-origin: border; width: 18px; background: {BUTTON}; border: 0; }}
QDialog QSpinBox::up-button, QDialog QTimeEdit::up-button {{ subcontrol-position: top right; }}
QDialog QSpinBox::down-button, QDialog QTimeEdit::down-button {{ subcontrol-position: bottom right; }}
QDialog QDateEdit::drop-down {{ subcontrol-origin: border; subcontrol-position: center right; width: 18px;
    background: {BUTTON}; border: 0; }}
QDialog QAbstractSpinBox::up-arrow {{ width: 0; height: 0; border-left: 4px solid {BUTTON};
    border-right: 4px solid {BUTTON}; border-bottom: 5px solid {TEXT}; }}
QDialog QAbstractSpinBox::down-arrow {{ width: 0; height: 0; border-left: 4px solid {BUTTON};
    border-right: 4px solid {BUTTON}; border-top: 5px solid {TEXT}; }}
QDialog QAbstractItemView {{ alternate-background-color: #141b2a; }}
QDialog QPushButton {{ background: {BUTTON}; color: {TEXT}; border: 1px solid {EDGE}; border-radius: 4px;
                       padding: 5px 12px; }}
QDialog QPushButton:hover {{ background: #2f3d5e; }}
QDialog QPushButton:default {{ background: {ACCENT}; color: {ON_ACCENT}; }}
QDialog QPushButton:disabled {{ background: #1c2233; color: {MUTED}; }}
QDialog QToolButton {{ padding: 3px; font-weight: normal; }}
QDialog QGroupBox {{ border: 1px solid {EDGE}; border-radius: 4px; margin-top: 1.2em; padding-top: 4px; }}
QDialog QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}
QDialog QTabWidget::pane {{ border: 1px solid {EDGE}; }}
QDialog QTabBar::tab {{ background: #1f2840; color: {MUTED}; padding: 5px 12px; }}
QDialog QTabBar::tab:selected {{ background: {BUTTON}; color: {TEXT}; }}
QDialog QHeaderView::section {{ background: #1f2840; color: {TEXT}; border: none; padding: 4px; }}
"""

OPERATOR_STYLE += DIALOG_STYLE


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG's contrast ratio of two colours: 1 (the same) to 21 (black on white); text wants 4.5 or more."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
