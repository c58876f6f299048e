"""The audience screen: the event, the session on now and who is speaking, breaks, welcome and goodbye."""

from __future__ import annotations

from functools import lru_cache

from runofshow.core.agenda import Person, Slot, SlotKind
from runofshow.core.phase_style import audience_countdown, audience_line
from runofshow.core.show import ShowPhase, ShowState
from runofshow.core.timing import format_countdown
from runofshow.paths import resources_dir
from runofshow.qt.translation import QT_TRANSLATE_NOOP, translate
from runofshow.ui.canvas import ALIGN_LEFT, ALIGN_TOP_LEFT, Box, Fill, Picture, Scene, can_draw
from runofshow.ui.display_base import DisplayWindow

# The default theme: deep navy, warm accent, light text. Real event colours, not a test pattern.
NAVY = "#14213d"
NAVY_LIGHT = "#1f2f55"
ACCENT = "#fca311"
LIGHT = "#f5f5f5"
SOFT = "#c9d1e3"


@lru_cache(maxsize=1)
def _logo() -> str:
    """The event's logo: found once (the scene is made every second, and finding it asks the disk)."""
    return str(resources_dir() / "logo.svg")


def _frame(state: ShowState) -> Scene:
    scene = Scene(NAVY)
    scene.fills.append(Fill(Box(0.0, 0.0, 1.0, 0.12), NAVY_LIGHT))
    scene.fills.append(Fill(Box(0.0, 0.12, 1.0, 0.006), ACCENT))
    scene.pictures.append(Picture(_logo(), Box(0.025, 0.015, 0.07, 0.09)))
    scene.add(state.event.title, Box(0.11, 0.015, 0.86, 0.09), LIGHT, bold=True, align=ALIGN_LEFT)
    venue = state.event.venue
    # Today's date in the event's zone: on day two of a conference the room reads day two's date.
    footer = " · ".join(part for part in (venue.name, venue.address, f"{state.time_of_day:%-d %B %Y}") if part)
    scene.add(footer, Box(0.03, 0.94, 0.94, 0.045), SOFT, align=ALIGN_LEFT)
    return scene


PROGRAMME_TITLE_CHARS = 60


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


PROGRAMME_LINES = 12


def _programme(slots: tuple[Slot, ...], title_chars: int = PROGRAMME_TITLE_CHARS) -> str:
    # Long titles are shortened, and a long programme cut, so that the list stays readable from the back row.
    shown = slots[:PROGRAMME_LINES]
    lines = [f"{slot.start:%H:%M}   {_short(slot.title, title_chars)}" for slot in shown]
    if len(slots) > len(shown):
        lines.append(translate("ProjectorView", "… and {count} more").format(count=len(slots) - len(shown)))
    return "\n".join(lines)


def _lower_third(scene: Scene, people: tuple[Person, ...], top: float = 0.64, height: float = 0.25) -> None:
    """Names and affiliations in a band with an accent bar, like a broadcast lower third."""
    if not people:
        return
    scene.fills.append(Fill(Box(0.05, top, 0.9, height), NAVY_LIGHT, radius=0.015))
    scene.fills.append(Fill(Box(0.05, top, 0.012, height), ACCENT))
    inner = Box(0.09, top + 0.02, 0.84, height - 0.04)
    if len(people) == 1:
        scene.add(people[0].name, Box(inner.x, inner.y, inner.w, inner.h * 0.55), LIGHT, bold=True, align=ALIGN_LEFT)
        scene.add(people[0].affiliation, Box(inner.x, inner.y + inner.h * 0.55, inner.w, inner.h * 0.45), SOFT,
                  align=ALIGN_LEFT)
        return
    lines = "\n".join(f"{p.name} — {p.affiliation}" if p.affiliation else p.name for p in people)
    scene.add(lines, inner, LIGHT, align=ALIGN_LEFT, wrap=False)


def holding_scene(state: ShowState) -> Scene:
    """The holding slide: the agenda's picture letterboxed on black, or (without one, or if it cannot be
    drawn now) the event's logo slide. Nothing on it moves, so a projector holding it never repaints."""
    picture = state.event.holding_slide
    if picture and can_draw(picture):
        scene = Scene("#000000")
        scene.pictures.append(Picture(picture, Box(0.0, 0.0, 1.0, 1.0), centred=True))
        return scene
    scene = Scene(NAVY)
    scene.pictures.append(Picture(_logo(), Box(0.3, 0.12, 0.4, 0.44), centred=True))
    scene.add(state.event.title, Box(0.08, 0.61, 0.84, 0.17), LIGHT, bold=True, max_fraction=0.42)
    scene.fills.append(Fill(Box(0.46, 0.805, 0.08, 0.006), ACCENT))
    venue = state.event.venue
    where = " · ".join(part for part in (venue.name, f"{state.time_of_day:%-d %B %Y}") if part)
    scene.add(where, Box(0.1, 0.84, 0.8, 0.05), SOFT)
    return scene


def projector_scene(state: ShowState) -> Scene:
    if state.holding:
        return holding_scene(state)
    scene = _frame(state)
    slot = state.current
    if state.phase is ShowPhase.PRE_SHOW:
        scene.add(translate("ProjectorView", "Welcome"), Box(0.05, 0.16, 0.9, 0.12), ACCENT, bold=True)
        # "The programme starts at 13:30", and "… starts shortly" once that is past: never a time gone by.
        scene.add(audience_line(state), Box(0.05, 0.28, 0.9, 0.07), LIGHT)
        topics = state.event.topics
        # With topics ("Issues we will address") the programme shares the screen with them.
        left, width = (0.04, 0.50) if topics else (0.12, 0.76)
        scene.fills.append(Fill(Box(left, 0.38, width, 0.53), NAVY_LIGHT, radius=0.015))
        scene.add(translate("ProjectorView", "Programme"), Box(left + 0.03, 0.395, width - 0.06, 0.06), ACCENT,
                  bold=True, align=ALIGN_LEFT)
        programme = _programme(state.slots, 42 if topics else PROGRAMME_TITLE_CHARS)
        scene.add(programme, Box(left + 0.03, 0.46, width - 0.06, 0.43), LIGHT, align=ALIGN_TOP_LEFT,
                  wrap=False, max_fraction=0.085)
        if topics:
            scene.fills.append(Fill(Box(0.56, 0.38, 0.40, 0.53), NAVY_LIGHT, radius=0.015))
            scene.add(translate("ProjectorView", "Issues we will address"), Box(0.59, 0.395, 0.34, 0.06), ACCENT,
                      bold=True, align=ALIGN_LEFT)
            scene.add("\n\n".join(f"• {topic}" for topic in topics), Box(0.59, 0.46, 0.34, 0.43), LIGHT,
                      align=ALIGN_TOP_LEFT, max_fraction=0.06)
        return scene
    if state.phase is ShowPhase.FINISHED or slot is None:
        scene.add(translate("ProjectorView", "Thank you"), Box(0.05, 0.30, 0.9, 0.2), ACCENT, bold=True)
        scene.add(translate("ProjectorView", "for joining {event}").format(event=state.event.title),
                  Box(0.1, 0.52, 0.8, 0.14), LIGHT)
        return scene
    if state.phase is ShowPhase.BETWEEN:
        # "Up next", or overnight in a multi-day show when the next day begins.
        scene.add(audience_line(state), Box(0.05, 0.18, 0.9, 0.08), ACCENT, bold=True)
        scene.add(slot.title, Box(0.07, 0.28, 0.86, 0.28), LIGHT, bold=True)
        if slot.moderator is not None:  # a panel: the moderator is named as such, not as a panellist
            scene.add(translate("ProjectorView", "Moderated by {moderator}").format(moderator=slot.moderator.label()),
                      Box(0.05, 0.56, 0.9, 0.06), ACCENT)
            _lower_third(scene, slot.panellists)
        else:
            _lower_third(scene, slot.people)
        return scene
    if slot.kind is SlotKind.BREAK:
        # "Break — back at 15:10" over its countdown; once over time (or paused) no time at all: the room
        # never reads 00:00 held or a "back at" that has gone by.
        line = audience_line(state) or translate("ProjectorView", "Break")
        if audience_countdown(state):
            scene.add(line, Box(0.05, 0.17, 0.9, 0.13), ACCENT, bold=True)
            scene.add(format_countdown(state.remaining), Box(0.2, 0.32, 0.6, 0.33), LIGHT, digits=True)
        else:  # the words alone, in the middle where the countdown was
            scene.add(line, Box(0.05, 0.30, 0.9, 0.2), ACCENT, bold=True)
        if state.next is not None:
            scene.add(translate("ProjectorView", "Next: {title}").format(title=state.next.title),
                      Box(0.07, 0.70, 0.86, 0.18), SOFT)
        return scene
    if slot.kind is SlotKind.RECEPTION:
        scene.add(slot.title, Box(0.05, 0.22, 0.9, 0.2), ACCENT, bold=True)
        scene.add(translate("ProjectorView", "Thank you for joining us"), Box(0.1, 0.46, 0.8, 0.1), LIGHT)
        scene.add(state.event.title, Box(0.1, 0.60, 0.8, 0.14), SOFT)
        return scene
    if slot.kind is SlotKind.PANEL:
        scene.add(slot.title, Box(0.05, 0.17, 0.9, 0.2), LIGHT, bold=True)
        if slot.moderator is not None:
            moderator = slot.moderator.label()
            scene.add(translate("ProjectorView", "Moderated by {moderator}").format(moderator=moderator),
                      Box(0.05, 0.38, 0.9, 0.07), ACCENT)
        _lower_third(scene, slot.panellists, top=0.48, height=0.42)
        return scene
    scene.add(slot.title, Box(0.05, 0.18, 0.9, 0.40), LIGHT, bold=True)
    _lower_third(scene, slot.people)
    return scene


class ProjectorWindow(DisplayWindow):
    kind = "projector"
    title = QT_TRANSLATE_NOOP("DisplayWindow", "Projector")

    @classmethod
    def scene(cls, state: ShowState, flash: bool) -> Scene:
        return projector_scene(state)
