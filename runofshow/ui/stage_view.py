"""The speaker countdown (confidence monitor): huge digits in the phase colour, readable from 10 m."""

from __future__ import annotations

from runofshow.core.phase_style import PAUSED_COLOUR, PHASE_COLOURS, display_word
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
    start = f"{slot.start:%H:%M}"
    if names:
        return translate("StageView", "Next {time}: {names} — {title}").format(time=start, names=names,
                                                                              title=slot.title)
    return translate("StageView", "Next {time}: {title}").format(time=start, title=slot.title)


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
    scene.add(title, Box(0.03, 0.02, 0.66, 0.11), text, bold=True, align=ALIGN_LEFT)
    scene.add(state.time_of_day.strftime("%H:%M:%S"), Box(0.72, 0.02, 0.25, 0.11), text if flash else MUTED,
              digits=True, align=ALIGN_RIGHT)
    scene.add(_speaker_line(state), Box(0.03, 0.13, 0.94, 0.08), text if flash else MUTED, align=ALIGN_LEFT)
    if state.phase is ShowPhase.FINISHED and not state.message:
        # No countdown after the show: the words take the middle of the screen instead.
        scene.add(word, Box(0.05, 0.30, 0.90, 0.30), colour, bold=True)
    elif state.message:
        scene.add(digits, Box(0.02, 0.21, 0.96, 0.36), colour, digits=True)
        scene.add(word, Box(0.05, 0.57, 0.90, 0.07), colour, bold=True)
        scene.fills.append(Fill(Box(0.03, 0.66, 0.94, 0.20), MESSAGE_BACKGROUND, radius=0.02))
        scene.add(state.message, Box(0.05, 0.67, 0.90, 0.18), MESSAGE_TEXT, bold=True)
    else:
        scene.add(digits, Box(0.02, 0.21, 0.96, 0.53), colour, digits=True)
        scene.add(word, Box(0.05, 0.75, 0.90, 0.09), colour, bold=True)
    scene.add(_next_line(state), Box(0.03, 0.88, 0.94, 0.09), text if flash else MUTED, align=ALIGN_LEFT)
    return scene


class StageWindow(DisplayWindow):
    kind = "stage"
    title = QT_TRANSLATE_NOOP("DisplayWindow", "Speaker countdown")

    def scene(self, state: ShowState, flash: bool) -> Scene:
        return stage_scene(state, flash)
