"""Where each display window goes: pure rules, so unplugging a screen is tested without hardware.

The stage manager assigns each display to a screen by name, full screen or windowed. When that
screen is missing (unplugged, or not connected yet) the display comes to the operator's screen as a
window, so nothing is lost or hidden off screen; when the screen is back, so is the display.

A screen shows at most one full-screen display, and never the operator's screen: a display that
would cover another (or the operator's timer) opens as a window on the operator's screen instead,
cascaded in its lower right so that none hides another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

DISPLAY_ORDER = ("projector", "stage", "moderator")  # who keeps a contested screen: the room first


@dataclass(frozen=True)
class ScreenInfo:
    name: str
    x: int
    y: int
    width: int
    height: int

    def label(self) -> str:
        return f"{self.name} ({self.width}x{self.height})"


@dataclass(frozen=True)
class DisplayChoice:
    """What the operator chose for one display (persisted between runs)."""

    screen: str | None = None  # a screen name; None = not chosen yet
    fullscreen: bool = True
    visible: bool = False


@dataclass(frozen=True)
class Placement:
    screen: str
    fullscreen: bool
    fallback: bool  # True when the chosen screen is missing and the display stands in on the operator's
    displaced: bool = False  # its screen already shows another display full screen (or is the operator's)
    cascade: int = 0  # windows on the operator's screen: the 1st, 2nd, 3rd… so none hides another


def place(choice: DisplayChoice, screens: list[ScreenInfo], operator_screen: str,
          taken: frozenset[str] = frozenset()) -> Placement | None:
    """Where a display goes now, or None when it is hidden. `taken`: screens another display fills."""
    if not choice.visible:
        return None
    names = [screen.name for screen in screens]
    if choice.screen is not None and choice.screen in names:
        if choice.fullscreen and (choice.screen in taken or choice.screen == operator_screen):
            return Placement(operator_screen, False, fallback=False, displaced=True)
        return Placement(choice.screen, choice.fullscreen, fallback=False)
    if choice.screen is None:
        # Never assigned: the first screen that is neither the operator's nor another display's.
        others = [name for name in names if name != operator_screen and name not in taken]
        if others:
            return Placement(others[0], choice.fullscreen, fallback=False)
        return Placement(operator_screen, False, fallback=False, displaced=any(n != operator_screen for n in names))
    return Placement(operator_screen, False, fallback=True)


def place_all(choices: Mapping[str, DisplayChoice], screens: list[ScreenInfo],
              operator_screen: str) -> dict[str, Placement | None]:
    """Every display at once, so no display covers another: those the operator put on a screen first,
    then the rest, each in the room-first order of DISPLAY_ORDER."""
    def rank(kind: str) -> tuple[bool, int]:
        return choices[kind].screen is None, DISPLAY_ORDER.index(kind) if kind in DISPLAY_ORDER else len(DISPLAY_ORDER)

    taken: set[str] = set()
    cascade = 0
    placements: dict[str, Placement | None] = {}
    for kind in sorted(choices, key=rank):
        placement = place(choices[kind], screens, operator_screen, frozenset(taken))
        if placement is not None and placement.fullscreen:
            taken.add(placement.screen)
        elif placement is not None and placement.screen == operator_screen:
            placement = replace(placement, cascade=cascade)
            cascade += 1
        placements[kind] = placement
    return {kind: placements[kind] for kind in choices}
