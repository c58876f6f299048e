"""The bar at the top of the operator window that says which laptop of a pair this one is.

On a backup laptop (`runofshow follow`) it is large and cannot be missed: every show command is refused
here until the operator takes over, so the operator must never press GO on it believing it drives the
room. It says how far behind the primary the copy is, turns to an alarm once the primary is lost, and
holds the Take over button. On a primary it is one small line while backups follow it (or one went
away, or commands wait for the backup after a freeze); on a primary on its own it is not there at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from runofshow.core.standing import CLOCKS_DIFFER_S, Standing
from runofshow.qt.bridge import ShowBridge
from runofshow.ui.actions import SHOW_ACTIONS, shortcut_text
from runofshow.ui.theme import CAUTION, MUTED, PANEL, text_font
from runofshow.ui.widgets import StyledLabel

FOLLOWING_BACKGROUND = "#4c36b8"  # no phase colour: a backup must not read as "on time" or "over"
LOST_BACKGROUND = "#b3261e"  # the alarm: the laptop that drives the room is gone
ON_BANNER = "#ffffff"  # 8.3:1 on the violet, 6.5:1 on the red

# The bar's looks, by what it says: (background, headline's pixel size, detail's pixel size).
FOLLOWING, LOST, PRIMARY, HIDDEN = "following", "lost", "primary", "hidden"
TONES: dict[str, tuple[str, int, int]] = {
    FOLLOWING: (FOLLOWING_BACKGROUND, 22, 15),
    LOST: (LOST_BACKGROUND, 24, 15),
    PRIMARY: (PANEL, 14, 14),
    HIDDEN: (PANEL, 14, 14),
}


def time_of_day(wall: float, tz: tzinfo | None = None) -> str:
    """A wall-clock epoch as hh:mm:ss in the event's time zone, as the operator window's clock shows the time
    (when the primary last spoke)."""
    return datetime.fromtimestamp(wall, tz).strftime("%H:%M:%S")


def take_over_keys() -> str:
    """The take-over key as the Help sheet writes it (one table binds and names it: ui/actions.py)."""
    return next(shortcut_text(spec) for spec in SHOW_ACTIONS if spec.key == "take_over")


class PairBanner(QFrame):
    """Primary or backup at a glance, and the backup's Take over button.

    `confirm(title, question)` asks yes or no without taking the show keys (ui/dialogs.py's Prompts)."""

    def __init__(self, bridge: ShowBridge, confirm: Callable[[str, str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairBanner")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # its words' height, no more
        self.bridge = bridge
        self.confirm = confirm
        self.tone = ""
        self.headline = StyledLabel()
        self.headline.setObjectName("pairHeadline")
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.detail = StyledLabel()
        self.detail.setObjectName("pairDetail")
        self.detail.setWordWrap(True)
        self.take_over_button = QPushButton(self.tr("Take over"))
        self.take_over_button.setObjectName("takeOver")
        self.take_over_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays GO, never this button
        self.take_over_button.setFont(text_font(16, bold=True))
        self.take_over_button.setToolTip(self.tr("Make this laptop the primary: it drives the show from its copy "
                                                 "({keys})").format(keys=take_over_keys()))
        self.take_over_button.clicked.connect(lambda _checked=False: self.take_over())
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(2)
        words.addWidget(self.headline)
        words.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.setSpacing(16)
        row.addLayout(words, 1)
        row.addWidget(self.take_over_button, 0, Qt.AlignmentFlag.AlignVCenter)
        bridge.standing_changed.connect(self.show_standing)
        self.show_standing(bridge.standing)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        # Its wrapped words would make the whole window's column height-for-width, and the window's scroll area
        # would then give every pane its preferred height and scroll: the bar says its height itself instead.
        return False

    def _wanted_height(self) -> int:
        """Its wrapped words at its width, the button's height, whichever is more."""
        layout = self.layout()
        assert layout is not None
        wrapped = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        return max(wrapped, layout.totalMinimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self._wanted_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), self._wanted_height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.height() != self._wanted_height():
            self.updateGeometry()  # narrower or wider: its words wrap anew; the window's layout asks again

    @property
    def background(self) -> str:
        return TONES[self.tone][0]

    def show_standing(self, standing: Standing) -> None:
        if standing.following:
            self._show_following(standing)
        else:
            self._show_primary(standing)
        self.updateGeometry()

    def _show_following(self, standing: Standing) -> None:
        if standing.lost_since is not None:
            self._set_tone(LOST)
            self.headline.set_text_if_changed(self.tr("PRIMARY LOST SINCE {time}").format(
                time=time_of_day(standing.lost_since, self._zone())))
            self.detail.set_text_if_changed(self.tr("{primary} has gone silent · {keys} or Take over drives the show "
                                                    "from here").format(primary=standing.primary,
                                                                        keys=take_over_keys()))
        else:
            self._set_tone(FOLLOWING)
            self.headline.set_text_if_changed(self.tr("FOLLOWING {primary}").format(primary=standing.primary))
            detail = self.tr("{lag} · show commands are refused here until you take over").format(
                lag=self.lag(standing))
            if abs(standing.clock_offset) > CLOCKS_DIFFER_S:
                # A take-over keeps the primary's recorded times: every countdown would move by the difference.
                detail = self.tr("{detail} · THIS CLOCK IS {seconds} s {way} THE PRIMARY'S: set both from one "
                                 "source").format(detail=detail, seconds=f"{abs(standing.clock_offset):.1f}",
                                                  way=self.tr("BEHIND") if standing.clock_offset > 0
                                                  else self.tr("AHEAD OF"))
            self.detail.set_text_if_changed(detail)
        self.headline.set_colour(ON_BANNER)
        self.detail.set_colour(ON_BANNER)
        self.take_over_button.setVisible(True)

    def _show_primary(self, standing: Standing) -> None:
        lines: list[tuple[str, str]] = []  # (words, colour)
        if standing.backups:
            lines.append((self.tr("Backup: {addresses} following").format(addresses=", ".join(standing.backups)),
                          MUTED))
        if standing.backup_lost_since is not None:
            lines.append((self.tr("BACKUP LOST SINCE {time}").format(time=time_of_day(
                standing.backup_lost_since, self._zone())),
                          CAUTION))
        if standing.held:
            lines.append((self.tr("Commands wait: {why}").format(why=standing.held), CAUTION))
        self._set_tone(PRIMARY if lines else HIDDEN)
        self.take_over_button.setVisible(False)
        for label, line in zip((self.headline, self.detail), (lines[0:1], lines[1:]), strict=True):
            label.setVisible(bool(line))
            if line:
                label.set_text_if_changed(" · ".join(text for text, _colour in line))
                label.set_colour(CAUTION if any(colour == CAUTION for _text, colour in line) else MUTED)

    def _zone(self) -> tzinfo:
        return self.bridge.state.event.tz

    def lag(self, standing: Standing) -> str:
        """How far behind the primary this copy is, in words."""
        if not standing.connected:
            return self.tr("connecting…")
        entries = standing.behind_entries
        if standing.behind_ms is None:
            if entries == 0:
                return self.tr("lag unknown")
            return (self.tr("1 entry behind, lag unknown") if entries == 1
                    else self.tr("{count} entries behind, lag unknown").format(count=entries))
        if entries == 0:
            return self.tr("up to date")
        delay = (self.tr("{ms} ms").format(ms=round(standing.behind_ms)) if standing.behind_ms < 1000
                 else self.tr("{s} s").format(s=f"{standing.behind_ms / 1000:.1f}"))
        return (self.tr("1 entry, {delay} behind").format(delay=delay) if entries == 1
                else self.tr("{count} entries, {delay} behind").format(count=entries, delay=delay))

    def _set_tone(self, tone: str) -> None:
        """Restyle only when the kind of bar changes: the lag changes twice a second, the looks rarely."""
        if tone == self.tone:
            return
        self.tone = tone
        background, headline_px, detail_px = TONES[tone]
        self.setVisible(tone != HIDDEN)
        self.headline.setVisible(True)
        self.detail.setVisible(True)
        self.headline.setFont(text_font(headline_px, bold=True))
        layout = self.layout()
        if layout is not None:  # a primary's line is small, a backup's bar is not
            margin = 4 if tone == PRIMARY else 8
            layout.setContentsMargins(14, margin, 14, margin)
        self.detail.setFont(text_font(detail_px, bold=tone == LOST))
        button_text = LOST_BACKGROUND if tone == LOST else FOLLOWING_BACKGROUND
        self.setStyleSheet(f"QFrame#pairBanner {{ background: {background}; border-radius: 6px; }}"
                           f"QPushButton#takeOver {{ background: {ON_BANNER}; color: {button_text}; "
                           "border-radius: 6px; padding: 8px 18px; }")

    def take_over(self) -> None:
        """The Take over button and its key: the `take_over` command, as HTTP and OSC send it.

        Taking over from a primary that still answers is a deliberate act and is asked first; once it is
        lost, seconds count and nothing is asked. Anywhere else the command itself says why not."""
        standing = self.bridge.standing
        if standing.following and standing.connected and not self.confirm(
                self.tr("Take over the show?"),
                self.tr("{primary} is still connected and drives the show. Taking over makes this laptop the "
                        "primary; the other one steps down and stops driving. Take over now?").format(
                    primary=standing.primary)):
            return
        self.bridge.run("take_over")
