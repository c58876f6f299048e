"""The agenda's problems inside the operator window, while the show goes on.

A broken agenda during the show (a reload, an edit saved on disk, File > Open of a broken file) must
never put a box in front of the operator, or on the projector, nor take the keys: the show keeps its
last good agenda and GO keeps working. So the problems appear here, in a strip above the rundown,
every one as `file:line:col: message`, until the operator dismisses them or the next good load does.
Nothing in the strip takes the keyboard focus, so Space stays GO.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from runofshow.ui.theme import ALERT, TEXT, text_font

VISIBLE_LINES = 4  # the list shows this many problems before it scrolls; the rundown keeps the rest

PANEL_STYLE = f"""
QFrame#problemsPanel {{ background: #2a1717; border: 2px solid {ALERT}; border-radius: 8px; }}
QFrame#problemsPanel QLabel {{ color: {TEXT}; }}
QFrame#problemsPanel QLabel#problemsTitle {{ color: {ALERT}; }}
QFrame#problemsPanel QPlainTextEdit {{ background: #120b0b; color: {TEXT}; border: 1px solid #5a2a2a; }}
"""


class ProblemsPanel(QFrame):
    """A dismissable list of an agenda file's problems, with a short line saying what happened."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title = QLabel()
        self.title.setObjectName("problemsTitle")
        self.title.setFont(text_font(16, bold=True))
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setFont(text_font(14))
        self.intro.setWordWrap(True)
        self.list = QPlainTextEdit()
        self.list.setReadOnly(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # selectable with the mouse, never the focus
        self.list.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.list.setFont(text_font(14))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismissProblems")
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must stay GO
        self.dismiss_button.setToolTip(self.tr("Hide this list. The show already runs on the last good agenda."))
        self.dismiss_button.clicked.connect(self.dismiss)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        self.setVisible(False)

    def show_problems(self, title: str, intro: str, lines: Sequence[str]) -> None:
        """Show these problems in place of any shown before."""
        self.title.setText(f"⚠ {title}")
        self.intro.setText(intro)
        self.list.setPlainText("\n".join(lines))
        self.list.setVisible(bool(lines))
        rows = max(1, min(len(lines), VISIBLE_LINES))
        line_height = self.list.fontMetrics().lineSpacing()
        # Room for the rows and a horizontal scroll bar: a long path must not hide the last row.
        self.list.setFixedHeight(rows * line_height + 36)
        self.setVisible(True)

    def lines(self) -> list[str]:
        """The problems listed now (none once dismissed)."""
        if self.isHidden():
            return []
        text = self.list.toPlainText()
        return text.split("\n") if text else []

    def dismiss(self) -> None:
        if self.isHidden():
            return
        self.setVisible(False)
        self.dismissed.emit()
