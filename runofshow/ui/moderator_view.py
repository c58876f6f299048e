"""The moderator's view: who is on the panel, whose turn it is, how long it and the panel have left."""

from __future__ import annotations

from runofshow.core.phase_style import colour_of, cue_colour, display_word, next_at
from runofshow.core.show import ShowPhase, ShowState
from runofshow.core.timing import format_countdown, local_datetime
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate
from runofshow.ui.canvas import ALIGN_LEFT, ALIGN_RIGHT, ALIGN_TOP_LEFT, Box, Fill, Scene
from runofshow.ui.display_base import DisplayWindow
from runofshow.ui.theme import MUTED

BACKGROUND = "#0b0f18"
PANEL = "#161d2c"
TEXT = "#f2f4f8"
HIGHLIGHT = "#fca311"
MESSAGE_STRIP = Box(0.02, 0.85, 0.96, 0.13)  # where a message for the moderator shows


def cue_schedule(state: ShowState) -> str:
    """When each remaining cue starts if every one keeps its length: when to cut to Q&A, when to close."""
    slot, cue = state.current, state.cue
    if slot is None or cue is None:
        return ""
    # Counted on the real clock (epoch seconds), then written in the event's zone: right across a DST change.
    tz, now = state.event.tz, state.time_of_day.timestamp()
    begins = now - cue.elapsed
    lines = []
    for index in range(cue.index, len(slot.cues)):
        item = slot.cues[index]
        who = f" — {item.speaker.name}" if item.speaker else ""
        marker = "▶" if index == cue.index else "  "
        lines.append(f"{marker} {local_datetime(begins, tz):%H:%M}  {item.title}{who}")
        begins += item.duration
    end = local_datetime(now + max(state.remaining, 0.0), tz)
    lines.append(f"   {end:%H:%M}  " + translate("ModeratorView", "Close the panel"))
    return "\n".join(lines)


def panel_lines(state: ShowState) -> str:
    slot = state.current
    if slot is None:
        return ""
    speaking = state.cue.cue.speaker.name if state.cue and state.cue.cue.speaker else None
    lines = []
    if slot.moderator is not None:
        moderator = translate("ModeratorView", "{name} (moderator)").format(name=slot.moderator.label())
        lines.append(f"{'▶' if slot.moderator.name == speaking else ' '} {moderator}")
    for number, person in enumerate(slot.panellists, 1):
        org = f", {person.affiliation}" if person.affiliation else ""
        lines.append(f"{'▶' if person.name == speaking else ' '} {number}. {person.name}{org}")
    for person in slot.speakers:
        lines.append(f"{'▶' if person.name == speaking else ' '} {person.label()}")
    return "\n".join(lines)


def _message_strip(scene: Scene, message: str) -> None:
    """The stage manager's message for the moderator, across the foot of the screen where "After this" was."""
    scene.fills.append(Fill(MESSAGE_STRIP, HIGHLIGHT, radius=0.012))
    scene.add(message, Box(MESSAGE_STRIP.x + 0.015, MESSAGE_STRIP.y + 0.01, MESSAGE_STRIP.w - 0.03,
                           MESSAGE_STRIP.h - 0.02), BACKGROUND, bold=True)


def moderator_scene(state: ShowState) -> Scene:
    scene = Scene(BACKGROUND)
    message = state.moderator_message
    slot = state.current
    colour = colour_of(state)
    title = slot.title if slot else state.event.title
    scene.add(title, Box(0.03, 0.02, 0.74, 0.09), TEXT, bold=True, align=ALIGN_LEFT)
    scene.add(state.time_of_day.strftime("%H:%M:%S"), Box(0.79, 0.02, 0.18, 0.09), MUTED, digits=True,
              align=ALIGN_RIGHT)
    after, after_at = state.next, next_at(state)  # in a break: when it says it is back; none once over it
    after_text = (translate("ModeratorView", "After this: the end of the show") if after is None
                  else translate("ModeratorView", "After this: {title}").format(title=after.title) if not after_at
                  else translate("ModeratorView", "After this: {time} {title}").format(time=after_at,
                                                                                       title=after.title))
    if slot is None or state.phase in (ShowPhase.PRE_SHOW, ShowPhase.FINISHED):
        word = (translate("ModeratorView", "The show has not started") if state.phase is ShowPhase.PRE_SHOW
                else translate("ModeratorView", "The show is over"))
        scene.add(word, Box(0.05, 0.30, 0.9, 0.12), MUTED, bold=True)
        if state.phase is ShowPhase.PRE_SHOW and state.target_remaining is not None and state.next is not None:
            scene.add(format_countdown(state.target_remaining), Box(0.2, 0.43, 0.6, 0.21), MUTED, digits=True)
            scene.add(display_word(state), Box(0.05, 0.645, 0.9, 0.065), MUTED, bold=True)  # what they count
            scene.add(translate("ModeratorView", "First: {title}").format(title=state.next.title),
                      Box(0.05, 0.72 if message else 0.74, 0.9, 0.12), TEXT)
        if message:
            _message_strip(scene, message)
        return scene
    if state.cue is None:
        # Any slot without cues: current and next with the remaining time.
        scene.add(", ".join(p.label() for p in slot.people), Box(0.03, 0.12, 0.94, 0.1), MUTED, align=ALIGN_LEFT)
        # Waiting for a planned start (roll mode, a later day): the digits count to it, as on the stage.
        waiting = state.target_remaining if state.phase is ShowPhase.BETWEEN else None
        digits = format_countdown(waiting) if waiting is not None else state.countdown
        scene.add(digits, Box(0.05, 0.24, 0.9, 0.42), colour, digits=True)
        scene.add(display_word(state), Box(0.05, 0.67, 0.9, 0.08), colour, bold=True)
        if message:
            _message_strip(scene, message)
        else:
            scene.add(after_text, Box(0.03, 0.84, 0.94, 0.1), TEXT, align=ALIGN_LEFT)
        return scene
    # A panel: the people on the left, the turn and the clocks on the right.
    # With a message the left column ends above it: the running order keeps its lines, a little smaller.
    scene.fills.append(Fill(Box(0.02, 0.13, 0.47, 0.70 if message else 0.83), PANEL, radius=0.012))
    scene.add(translate("ModeratorView", "On the panel"), Box(0.04, 0.14, 0.43, 0.05), MUTED, bold=True,
              align=ALIGN_LEFT)
    scene.add(panel_lines(state), Box(0.04, 0.20, 0.43, 0.32), TEXT, align=ALIGN_TOP_LEFT, wrap=False,
              max_fraction=0.16)
    scene.add(translate("ModeratorView", "Running order"), Box(0.04, 0.54, 0.43, 0.05), MUTED, bold=True,
              align=ALIGN_LEFT)
    scene.add(cue_schedule(state), Box(0.04, 0.60, 0.43, 0.22 if message else 0.35), TEXT, align=ALIGN_TOP_LEFT,
              wrap=False, max_fraction=0.13)
    cue = state.cue
    who = f"{cue.cue.speaker.name}: " if cue.cue.speaker else ""
    scene.add(translate("ModeratorView", "Now: {who}{title}").format(who=who, title=cue.cue.title),
              Box(0.52, 0.13, 0.45, 0.09), HIGHLIGHT, bold=True, align=ALIGN_LEFT)
    # Green, amber in the turn's last half minute, red over: the one rule /moderator follows too.
    scene.add(format_countdown(cue.remaining), Box(0.52, 0.22, 0.45, 0.26), cue_colour(cue.remaining), digits=True)
    upcoming = state.next_cue
    next_text = translate("ModeratorView", "Next: close the panel") if upcoming is None else (
        translate("ModeratorView", "Next: {who}{title}").format(
            who=upcoming.speaker.name + ": " if upcoming.speaker else "", title=upcoming.title))
    scene.add(next_text, Box(0.52, 0.49, 0.45, 0.08), TEXT, align=ALIGN_LEFT)
    scene.add(translate("ModeratorView", "Panel time left"), Box(0.52, 0.60, 0.45, 0.05), MUTED, bold=True,
              align=ALIGN_LEFT)
    scene.add(state.countdown, Box(0.52, 0.65, 0.30, 0.14), colour, digits=True, align=ALIGN_LEFT)
    scene.add(display_word(state), Box(0.83, 0.65, 0.14, 0.14), colour, bold=True)
    if message:
        _message_strip(scene, message)
    else:
        scene.add(after_text, Box(0.52, 0.84, 0.45, 0.1), TEXT, align=ALIGN_LEFT)
    return scene


class ModeratorWindow(DisplayWindow):
    kind = "moderator"
    title = QT_TRANSLATE_NOOP("DisplayWindow", "Moderator")

    @classmethod
    def scene(cls, state: ShowState, flash: bool) -> Scene:
        return moderator_scene(state)
