"""The speaker countdown (confidence monitor): huge digits in the phase colour, readable from 10 m."""

from __future__ import annotations

from runofshow.core.phase_style import PAUSED_COLOUR, PHASE_COLOURS, display_word, next_at
from runofshow.core.show import ShowPhase, ShowState, SlotPhase
from runofshow.core.timing import format_countdown
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate
from runofshow.ui.canvas import ALIGN_LEFT, ALIGN_RIGHT, Box, Fill, Scene
from runofshow.ui.display_base import DisplayWindow
from runofshow.ui.theme import MUTED

MESSAGE_BACKGROUND = "#ffd60a"
MESSAGE_TEXT = "#101010"


def _speaker_line(state: ShowState) -> str:
    if state.cue is not None:
        who = f"{state.cue.cue.speaker.name} · " if state.cue.cue.speaker else ""
        return f"{who}{state.cue.cue.title} · {format_countdown(state.cue.remaining)}"
    if state.current is None:
        return ""
    return ", ".join(p.name for p in state.current.people)


def _next_line(state: ShowState) -> str:
    slot = state.next
    if slot is None:
        return translate("StageView", "Last slot of the day") if state.current is not None else ""
    names = ", ".join(p.name for p in slot.people)
    start = next_at(state)  # in a break: the time it says it is back at; none once over it (it starts at GO)
    if not start:
        return (translate("StageView", "Next: {names} — {title}").format(names=names, title=slot.title) if names
                else translate("StageView", "Next: {title}").format(title=slot.title))
    if names:
        return translate("StageView", "Next {time}: {names} — {title}").format(time=start, names=names,
                                                                              title=slot.title)
    return translate("StageView", "Next {time}: {title}").format(time=start, title=slot.title)


PROGRESS_BOX = Box(0.03, 0.945, 0.94, 0.025)  # a thin bar along the bottom of the screen
PROGRESS_TRACK = "#2e2e2e"


def _dimmed(colour: str, keep: float = 0.4) -> str:
    """The colour darkened towards black: the warning zone, marked but quieter than the fill."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * keep) for c in (red, green, blue)))


def progress(state: ShowState) -> tuple[float, float] | None:
    """How far the running slot (a break too: it is timed) is, and where its warning zone starts, in 0..1.

    None when no slot is timed: before the show, between slots and after it.
    """
    if state.current is None or state.phase not in (ShowPhase.RUNNING, ShowPhase.PAUSED) or state.duration <= 0:
        return None
    done = 1.0 if state.remaining <= 0 else min(1.0, max(0.0, state.elapsed / state.duration))
    zone = min(1.0, max(0.0, (state.duration - state.warning) / state.duration))
    # Rounded so the scene changes (and the bar redraws) only when the fill visibly moves.
    return round(done, 3), round(zone, 3)


def progress_fills(state: ShowState) -> list[Fill]:
    """The progress bar: the track, the warning zone in (dimmed) amber with a bright mark where it starts,
    and the fill in the phase colour: full and red once over time."""
    shown = progress(state)
    if shown is None:
        return []
    done, zone = shown
    bar = PROGRESS_BOX
    warning = PHASE_COLOURS[SlotPhase.WARNING]
    colour = PAUSED_COLOUR if state.phase is ShowPhase.PAUSED else PHASE_COLOURS[state.slot_phase]
    fills = [Fill(bar, PROGRESS_TRACK)]
    if zone < 1.0:
        fills.append(Fill(Box(bar.x + bar.w * zone, bar.y, bar.w * (1 - zone), bar.h), _dimmed(warning)))
    if done > 0:
        fills.append(Fill(Box(bar.x, bar.y, bar.w * done, bar.h), colour))
    if zone < 1.0:
        fills.append(Fill(Box(bar.x + bar.w * zone - 0.002, bar.y - bar.h * 0.4, 0.004, bar.h * 1.8), warning))
    return fills


def stage_scene(state: ShowState, flash: bool) -> Scene:
    """What the speaker sees. `flash` is the bright half of a blink."""
    colour = PHASE_COLOURS[state.slot_phase]
    word = display_word(state)
    digits = state.countdown
    title = state.current.title if state.current else state.event.title
    if state.phase is ShowPhase.PAUSED:
        colour = PAUSED_COLOUR
    elif state.phase is ShowPhase.PRE_SHOW:
        colour = MUTED
        digits = format_countdown(state.target_remaining) if state.target_remaining is not None else ""
    elif state.phase is ShowPhase.BETWEEN:
        colour = MUTED
        if state.target_remaining is not None:  # a gap in the plan: how long until this slot starts
            digits = format_countdown(state.target_remaining)
    elif state.phase is ShowPhase.FINISHED:
        colour, digits = MUTED, ""  # no digits at all: a time of day there would read as time left
    background = "#000000"
    text = "#ffffff"
    if flash:
        # The bright half of a flash: the whole screen in the phase colour (white when all is well).
        background = colour if state.slot_phase in (SlotPhase.WARNING, SlotPhase.OVERRUN) else "#ffffff"
        colour = text = "#000000"
    scene = Scene(background)
    scene.add(title, Box(0.03, 0.02, 0.66, 0.10), text, bold=True, align=ALIGN_LEFT)
    scene.add(state.time_of_day.strftime("%H:%M:%S"), Box(0.72, 0.02, 0.25, 0.10), text if flash else MUTED,
              digits=True, align=ALIGN_RIGHT)
    scene.add(_speaker_line(state), Box(0.03, 0.12, 0.94, 0.07), text if flash else MUTED, align=ALIGN_LEFT)
    if state.phase is ShowPhase.FINISHED and not state.message:
        # No countdown after the show: the words take the middle of the screen instead.
        scene.add(word, Box(0.05, 0.30, 0.90, 0.30), colour, bold=True)
    elif state.message:
        # The digits are fitted by their ink, so they keep a third of the height above the message.
        scene.add(digits, Box(0.02, 0.19, 0.96, 0.34), colour, digits=True, tight=True)
        scene.add(word, Box(0.05, 0.535, 0.90, 0.06), colour, bold=True)
        scene.fills.append(Fill(Box(0.03, 0.605, 0.94, 0.235), MESSAGE_BACKGROUND, radius=0.02))
        scene.add(state.message, Box(0.05, 0.615, 0.90, 0.215), MESSAGE_TEXT, bold=True)
    else:
        scene.add(digits, Box(0.02, 0.20, 0.96, 0.50), colour, digits=True, tight=True)
        scene.add(word, Box(0.05, 0.72, 0.90, 0.10), colour, bold=True)
    scene.add(_next_line(state), Box(0.03, 0.85, 0.94, 0.07), text if flash else MUTED, align=ALIGN_LEFT)
    if not flash:  # the bright half of a flash is the signal on its own
        scene.fills.extend(progress_fills(state))
    return scene


class StageWindow(DisplayWindow):
    kind = "stage"
    title = QT_TRANSLATE_NOOP("DisplayWindow", "Speaker countdown")

    @classmethod
    def scene(cls, state: ShowState, flash: bool) -> Scene:
        return stage_scene(state, flash)
