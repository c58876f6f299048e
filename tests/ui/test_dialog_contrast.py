"""Every dialog over the operator window is readable: its text stands out from what is behind it.

The operator window's dark style sheet reaches every dialog parented to it (Qt cascades a parent's style
sheet into its child windows). On a real X server a message box once showed white text on a light grey
window. Each dialog is drawn offscreen as a child of a window in the operator's style; in each widget with
words, the words (the pixels most unlike the commonest colour there) and the background must have a
contrast ratio of at least 4.5 (WCAG AA). tests/xcb/test_dialog_pixels.py checks the same from a real X server's pixels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from runofshow.core.show import Outcome
from runofshow.io.import_read import read_import
from runofshow.ui.dialogs import OVER_OPERATOR_STYLE, ProblemsDialog, ShortcutsDialog
from runofshow.ui.import_dialog import ImportPreviewDialog
from runofshow.ui.new_agenda import NewAgendaDialog
from runofshow.ui.slot_dialog import SlotDialog
from runofshow.ui.theme import OPERATOR_STYLE, contrast_ratio
from tests.conftest import FakePrompts
from tests.ui.crew_agenda import CREW_COLUMNS, crew_agenda

SEED = Path(__file__).parents[1] / "data" / "programme.txt"
LEAST_CONTRAST = 4.5
KEPT: list[QPrinter] = []

def text_and_background(picture: QImage, area: QRect) -> tuple[QColor, QColor]:
    """In `area` of the picture: the commonest colour (the background) and the one that differs most from it."""
    counts: Counter[int] = Counter()
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            counts[picture.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    text = max((QColor.fromRgb(pixel) for pixel in counts), key=lambda colour: contrast_ratio(colour, background))
    return text, background


def has_words(widget: QWidget) -> bool:
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        return bool(widget.text().strip())
    if isinstance(widget, QComboBox):
        return bool(widget.currentText().strip())
    return isinstance(widget, QGroupBox) and bool(widget.title().strip())


def hard_to_read(dialog: QWidget) -> list[str]:
    """Every visible widget with words whose words do not stand out from the pixels around them (empty: all
    readable). The words are the pixels that differ most from the commonest colour in the widget's area."""
    picture = dialog.grab().toImage()
    scale = picture.devicePixelRatio()
    found = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible() or not has_words(widget) or widget.window() is not dialog:
            continue
        seen = widget.visibleRegion().boundingRect()  # a field scrolled out of view is not in the picture
        if seen.isEmpty():
            continue
        corner = widget.mapTo(dialog, seen.topLeft())
        area = QRect(int(corner.x() * scale), int(corner.y() * scale), int(seen.width() * scale),
                     int(seen.height() * scale)).intersected(picture.rect())
        if area.isEmpty():
            continue
        text, background = text_and_background(picture, area)
        ratio = contrast_ratio(text, background)
        if ratio < LEAST_CONTRAST:
            words = widget.currentText() if isinstance(widget, QComboBox) else getattr(widget, "text", str)()
            found.append(f"{type(widget).__name__} {widget.objectName()!r} {str(words)[:30]!r}: "
                         f"{text.name()} on {background.name()} = {ratio:.2f}")
    return found


@pytest.fixture
def operator(qtbot: QtBot) -> Iterator[QMainWindow]:
    """A window in the operator window's style: every dialog here is its child, as in the app."""
    window = QMainWindow()
    window.setObjectName("operatorWindow")
    window.setStyleSheet(OPERATOR_STYLE)
    qtbot.addWidget(window)
    window.show()
    yield window


def message_box(parent: QWidget) -> QDialog:
    """Qt's own question, as a file picker asks it before it replaces a file."""
    return QMessageBox(QMessageBox.Icon.Warning, "Confirm Save As", "agenda.yaml already exists.\n"
                       "Do you want to replace it?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                       parent)


def styled_box(parent: QWidget) -> QDialog:
    box = message_box(parent)
    box.setStyleSheet(OVER_OPERATOR_STYLE)
    return box


def file_picker(parent: QWidget) -> QDialog:
    picker = QFileDialog(parent, "Import a programme", str(SEED.parent), "All files (*)")
    picker.setOption(QFileDialog.Option.DontUseNativeDialog)
    return picker


def save_picker(parent: QWidget) -> QDialog:
    picker = file_picker(parent)
    assert isinstance(picker, QFileDialog)
    picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return picker


def overwrite_question(parent: QWidget) -> QDialog:
    """The question a save picker asks, over the picker over the operator window."""
    picker = save_picker(parent)
    picker.show()
    return message_box(picker)


def print_dialog(parent: QWidget) -> QDialog:
    from runofshow.ui.print_export import print_dialog_for  # the print dialog as File > Print… makes it

    printer = QPrinter()
    KEPT.append(printer)  # the dialog only points at its printer
    return print_dialog_for(printer, parent)


def slot_dialog(parent: QWidget) -> QDialog:
    slot = next(slot for slot in crew_agenda().slots if slot.id == "policy-panel")
    return SlotDialog(lambda name, args: Outcome(True, "done"), slot, parent=parent, crew_columns=CREW_COLUMNS)


def import_preview(parent: QWidget) -> QDialog:
    return ImportPreviewDialog(read_import(SEED), FakePrompts(), lambda path: None, lambda: None,  # type: ignore[arg-type]
                               parent)


DIALOGS: dict[str, Callable[[QWidget], QDialog]] = {
    "problems list": lambda parent: ProblemsDialog("This file cannot be imported", "Nothing in it reads as a "
                                                   "programme.", ["x.txt:1: not understood"], False, parent),
    "shortcuts": ShortcutsDialog,
    "message box": message_box,
    "question": styled_box,
    "open picker": file_picker,
    "save picker": save_picker,
    "overwrite question": overwrite_question,
    "print dialog": print_dialog,
    "slot dialog": slot_dialog,
    "import preview": import_preview,
    "new agenda": lambda parent: NewAgendaDialog(Path.home(), parent),
}


def test_the_contrast_ratio_is_wcags() -> None:
    from PySide6.QtGui import QColor

    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
    assert contrast_ratio(QColor("#f2f4f8"), QColor("#efefef")) < 1.1  # the unreadable box: white on grey


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_every_dialog_over_the_operator_window_is_readable(qtbot: QtBot, operator: QMainWindow, kind: str) -> None:
    dialog = DIALOGS[kind](operator)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()

    assert hard_to_read(dialog) == []
    dialog.reject()
