"""The operator's big panel: what is on now, its timer in its phase colour, what is next, and the plan."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from runofshow.core.phase_style import (
    ON_TIME,
    OVER_TIME,
    PAUSED_COLOUR,
    PHASE_COLOURS,
    WRAP_UP,
    later_day_words,
    next_at,
    phase_word,
)
from runofshow.core.show import ShowPhase, ShowState
from runofshow.core.timing import format_countdown, format_drift, format_short
from runofshow.qt.translation import translate
from runofshow.ui.crew_columns import CUE_SEPARATOR, standby_cues, standby_label
from runofshow.ui.theme import ACCENT, ALERT, MUTED, NOTICE, digits_font, phase_colour, text_font
from runofshow.ui.widgets import DigitsLabel, StyledLabel


def played_on(state: ShowState) -> date:
    """The day the plan's first day is played on, as the engine chose it (the agenda's own date or another)."""
    return state.played_on if state.played_on is not None else state.event.date


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def people_line(state: ShowState) -> str:
    slot = state.current
    if slot is None:
        return ""
    if slot.moderator is not None:
        names = ", ".join(p.name for p in slot.panellists)
        return translate("NowPanel", "Moderator: {moderator} · Panel: {names}").format(moderator=slot.moderator.name,
                                                                                       names=names)
    return " · ".join(p.label() for p in slot.speakers)


# On a small screen every line shrinks together, step by step, until all fit (never below MIN_TEXT_PX).
FIT_SCALES = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6, 0.54)
MIN_TEXT_PX = 10
TIMER_MIN_PX = 40
FIT_SLACK = 8  # pixels to spare: Qt's line breaking at the final width can differ from the estimate by a pixel or two


class NowPanel(QFrame):
    """Current slot, timer, phase word, cue, next slot, drift and projected end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.heading = StyledLabel()
        self.heading.setFont(text_font(15, bold=True))
        self.heading.setWordWrap(True)
        self.heading.set_colour(ACCENT)
        self.clock = QLabel()
        self.clock.setFont(digits_font(30))
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.clock.setToolTip(self.tr("Time of day at the venue"))
        # A plan dated for another day (a template reused, a rehearsal): said for as long as it is so.
        self.played_on = StyledLabel()
        self.played_on.setObjectName("playedOn")
        self.played_on.setFont(text_font(14, bold=True))
        self.played_on.set_colour(NOTICE)
        self.played_on.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.played_on.setVisible(False)
        self.title = QLabel()
        self.title.setFont(text_font(26, bold=True))
        self.title.setWordWrap(True)
        self.speakers = StyledLabel()
        self.speakers.setFont(text_font(17))
        self.speakers.setWordWrap(True)
        self.speakers.set_colour(MUTED)
        self.timer = DigitsLabel()  # big digits every second: from glyph pictures (ui/glyphs.py)
        self.timer.setFont(digits_font(112))
        self.timer.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.phase = StyledLabel()
        self.phase.setFont(text_font(24, bold=True))
        self.phase.setWordWrap(True)
        self.detail = StyledLabel()
        self.detail.setFont(text_font(15))
        self.detail.set_colour(MUTED)
        self.detail.setWordWrap(True)
        self.cue = StyledLabel()
        self.cue.setFont(text_font(17, bold=True))
        self.cue.setWordWrap(True)
        self.next_cue = StyledLabel()
        self.next_cue.setFont(text_font(14))
        self.next_cue.set_colour(MUTED)
        self.next_cue.setWordWrap(True)
        self.next = QLabel()
        self.next.setFont(text_font(17))
        self.next.setWordWrap(True)
        # The next slot's crew cues, for the whole crew to stand by (every crew column, shown or not).
        self.standby = QLabel()
        self.standby.setObjectName("standby")
        self.standby.setFont(text_font(15))
        self.standby.setWordWrap(True)
        self.standby.setVisible(False)
        self.plan = StyledLabel()
        self.plan.setFont(text_font(17, bold=True))
        self.plan.setWordWrap(True)
        self.banner = StyledLabel()
        self.banner.setFont(text_font(15, bold=True))
        self.banner.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        clock_box = QVBoxLayout()
        clock_box.setSpacing(0)
        clock_box.addWidget(self.clock)
        clock_box.addWidget(self.played_on)
        top.addLayout(clock_box)
        phase_box = QVBoxLayout()
        phase_box.addStretch(1)
        phase_box.addWidget(self.phase)
        phase_box.addWidget(self.detail)
        phase_box.addStretch(1)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.timer)
        timer_row.addSpacing(24)
        timer_row.addLayout(phase_box, 1)
        grid = QGridLayout()
        grid.addWidget(self.cue, 0, 0)
        grid.addWidget(self.next_cue, 1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.speakers)
        layout.addLayout(timer_row)
        layout.addLayout(grid)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addWidget(self.next)
        layout.addWidget(self.standby)
        layout.addWidget(self.plan)
        # Each line's full size, shrunk together on a small screen (see `_fit`).
        self._full_fonts = {label: QFont(label.font()) for label in self.findChildren(QLabel)
                            if label is not self.timer}
        self._full_spacing = layout.spacing()
        self._fitted: tuple[object, ...] = ()
        self._fitting = False
        self.full_height = 0  # how tall the lines are at full size: the operator window gives this room first

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def timer_size(self, scale: float) -> int:
        """The timer grows with the panel: as large as fits, for a glance from across the desk."""
        return max(TIMER_MIN_PX, round(min(150, max(44, self.width() * 0.12)) * scale))

    def _fit(self) -> None:
        """The largest of FIT_SCALES at which every line fits the panel's height, so no line ever lies on
        another on a small screen; the panel never gets smaller than its lines at the smallest scale."""
        key = (self.width(), self.height(),
               tuple((label.isVisibleTo(self), len(label.text())) for label in self._full_fonts))
        if self._fitting or key == self._fitted:
            return  # nothing that could change a line's height has changed (most seconds)
        self._fitting = True
        try:
            self._scale(FIT_SCALES[-1])
            smallest = self._needed_height() + FIT_SLACK
            for scale in FIT_SCALES:
                self._scale(scale)
                needed = self._needed_height() + FIT_SLACK
                if scale == FIT_SCALES[0]:
                    self.full_height = needed
                if scale == FIT_SCALES[-1] or needed <= self.height():
                    break
            self.setMinimumHeight(smallest)
            self._fitted = key
        finally:
            self._fitting = False

    def _scale(self, scale: float) -> None:
        for label, full in self._full_fonts.items():
            font = QFont(full)
            font.setPixelSize(max(MIN_TEXT_PX, round(full.pixelSize() * scale)))
            if label.font() != font:
                label.setFont(font)
        size = self.timer_size(scale)
        if self.timer.font().pixelSize() != size:
            self.timer.setFont(digits_font(size))
        layout = self.layout()
        if layout is not None:
            layout.setSpacing(max(2, round(self._full_spacing * scale)))
            layout.setContentsMargins(round(18 * scale), round(14 * scale), round(18 * scale), round(14 * scale))

    def _needed_height(self) -> int:
        """How tall the panel's lines are at their present fonts, wrapped to the panel's width."""
        layout = self.layout()
        if layout is None:
            return 0
        layout.invalidate()
        if layout.hasHeightForWidth():
            return layout.heightForWidth(self.width())
        return layout.sizeHint().height()

    def update_state(self, state: ShowState) -> None:
        self.clock.setText(state.time_of_day.strftime("%H:%M:%S"))
        self._played_on(state)
        self._current(state)
        self._cue(state)
        self._next(state)
        self._standby(state)
        self._plan(state)
        self._banner(state)
        self._fit()  # a longer title or a new banner line may need smaller fonts

    def _played_on(self, state: ShowState) -> None:
        day, plan = played_on(state), state.event.date
        if day == plan:
            self.played_on.setVisible(False)
            return
        self.played_on.set_text_if_changed(self.tr("Plan of {plan}, played on {day}").format(plan=_day(plan),
                                                                                             day=_day(day)))
        tip = self.tr("The agenda is dated {plan}: its times are played on {day}. Change the "
                      "agenda's date if that is not meant.").format(plan=_day(plan), day=_day(day))
        if self.played_on.toolTip() != tip:  # set every second otherwise, and a tooltip is not free
            self.played_on.setToolTip(tip)
        self.played_on.setVisible(True)

    def _current(self, state: ShowState) -> None:
        slot = state.current
        colour = phase_colour(state).name()
        self.phase.set_colour(colour)
        self.phase.set_text_if_changed(phase_word(state))
        if state.phase is ShowPhase.PRE_SHOW:
            self.timer.setVisible(True)
            self.heading.set_text_if_changed(self.tr("BEFORE THE SHOW"))
            self.title.setText(state.event.title)
            self.speakers.set_text_if_changed("")
            self.timer.set_colour(MUTED)
            remaining = state.target_remaining
            self.timer.set_text_if_changed(format_countdown(remaining) if remaining is not None else "")
            # The phase word says what the digits count (until / past the planned start), as the stage does.
            self.detail.set_text_if_changed(self.tr("planned start {time} · press GO to begin").format(
                time=state.target_text) if state.target else self.tr("press GO to begin"))
            return
        if state.phase is ShowPhase.FINISHED or slot is None:
            self.heading.set_text_if_changed(self.tr("THE SHOW IS OVER"))
            self.title.setText(state.event.title)
            self.speakers.set_text_if_changed("")
            # No big digits: a time of day there reads as a timer. The phase word says "ENDED AT 17:00" and
            # the plan line below how far behind or ahead it ended.
            self.timer.set_text_if_changed("")
            self.timer.setVisible(False)
            self.detail.set_text_if_changed("")
            return
        self.timer.setVisible(True)
        self.heading.set_text_if_changed(self.tr("NOW · {kind} · {start}–{end}").format(
            kind=slot.kind.value.upper(), start=f"{slot.start:%H:%M}", end=f"{slot.end:%H:%M}"))
        self.title.setText(slot.title)
        self.speakers.set_text_if_changed(people_line(state))
        self.timer.set_colour(colour if state.phase is not ShowPhase.BETWEEN else MUTED)
        self.timer.set_text_if_changed(state.countdown)
        parts = [self.tr("{elapsed} of {duration}").format(elapsed=format_short(round(state.elapsed)),
                                                           duration=format_short(round(state.duration)))]
        if state.added:
            sign = "+" if state.added > 0 else "-"
            parts.append(self.tr("{amount} added").format(amount=f"{sign}{format_short(abs(round(state.added)))}"))
        day = later_day_words(state) if state.phase is ShowPhase.BETWEEN else ""
        if day and state.target_remaining is not None and state.target is not None:
            # Overnight in a multi-day show: how long until the next day's first slot is planned to start.
            parts = [self.tr("planned {day} at {time}, in {wait} · press GO to begin").format(
                day=day, time=state.target_text, wait=format_countdown(state.target_remaining))]
        self.detail.set_text_if_changed(" · ".join(parts))

    def _cue(self, state: ShowState) -> None:
        cue = state.cue
        if cue is None:
            self.cue.set_text_if_changed("")
            self.next_cue.set_text_if_changed("")
            self.cue.setVisible(False)
            self.next_cue.setVisible(False)
            return
        self.cue.setVisible(True)
        self.next_cue.setVisible(True)
        who = f" — {cue.cue.speaker.label()}" if cue.cue.speaker else ""
        over = cue.remaining <= 0
        self.cue.set_colour(PHASE_COLOURS[state.slot_phase] if not over else OVER_TIME)
        self.cue.set_text_if_changed(self.tr("Cue {number}/{count}: {title}{who}  {countdown}").format(
            number=cue.index + 1, count=len(state.current.cues), title=cue.cue.title, who=who,  # type: ignore[union-attr]
            countdown=format_countdown(cue.remaining)))
        upcoming = state.next_cue
        self.next_cue.set_text_if_changed(
            self.tr("Next cue: {title}").format(title=upcoming.title)
            + (f" — {upcoming.speaker.name}" if upcoming and upcoming.speaker else "")
            if upcoming else self.tr("Last cue: then close the panel"))

    def _next(self, state: ShowState) -> None:
        slot = state.next
        if slot is None:
            self.next.setText(self.tr("Next: nothing — this is the last slot") if state.current is not None else "")
            return
        names = ", ".join(p.name for p in slot.people)
        planned, at = f"{slot.start:%H:%M}", next_at(state)  # in a break: when it says it is back (or at GO)
        label = (self.tr("NEXT {time}").format(time=planned) if at == planned
                 else self.tr("NEXT {time} (planned {planned})").format(time=at, planned=planned) if at
                 else self.tr("NEXT at GO (planned {planned})").format(planned=planned))
        html = f"<span style='color:{MUTED}'>{_esc(label)}</span>&nbsp; <b>{_esc(slot.title)}</b>"
        self.next.setText(html + (f"<span style='color:{MUTED}'> — {_esc(names)}</span>" if names else ""))

    def _standby(self, state: ShowState) -> None:
        """STAND BY for the next slot: its title, then each crew column's cue; hidden when it has none."""
        slot = state.next if state.phase is not ShowPhase.FINISHED else None
        cues = standby_cues(slot)
        if slot is None or not cues:
            self.standby.setVisible(False)
            self.standby.clear()
            self.standby.setToolTip("")
            return
        label = standby_label(slot.title)
        parts = CUE_SEPARATOR.join(f"<b>{_esc(column)}:</b> {_esc(cue)}" for column, cue in slot.crew if cue)
        html = f"<span style='color:{ACCENT}'><b>{_esc(label)}</b></span>&nbsp;&nbsp;{parts}"
        if self.standby.text() != html:
            self.standby.setText(html)
            self.standby.setToolTip(f"{label} {cues}")
        self.standby.setVisible(True)

    def _plan(self, state: ShowState) -> None:
        drift = format_drift(state.drift)
        colour = ON_TIME if round(state.drift) <= 0 else (WRAP_UP if state.drift < 300 else OVER_TIME)
        symbol = "▲" if round(state.drift) < 0 else ("▼" if round(state.drift) > 0 else "●")
        self.plan.set_colour(colour)
        self.plan.set_text_if_changed(self.tr("{symbol} {drift} · projected end {time}").format(
            symbol=symbol, drift=drift, time=f"{state.projected_end:%H:%M:%S}"))

    def _banner(self, state: ShowState) -> None:
        parts = []
        if state.message:
            stage = (self.tr("STAGE MESSAGE: {message}  (flashing)") if state.flashing
                     else self.tr("STAGE MESSAGE: {message}"))
            parts.append(stage.format(message=state.message))
        if state.blackout:
            parts.append(self.tr("BLACKOUT: {displays}").format(displays=", ".join(sorted(state.blackout))))
        if state.holding:  # the room sees the holding slide, not the session: say so until it is taken off (H)
            parts.append(self.tr("PROJECTOR: HOLDING SLIDE (H to show the session)"))
        if state.roll:
            parts.append(self.tr("ROLL MODE: the plan drives the show"))
        self.banner.set_colour(PAUSED_COLOUR if not state.blackout else ALERT)
        self.banner.set_text_if_changed("\n".join(parts))
        self.banner.setVisible(bool(parts))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
