"""Where each display window goes: pure rules, so unplugging a screen is tested without hardware.

The stage manager assigns each display to a screen by name, full screen or windowed. When that
screen is missing (unplugged, or not connected yet) the display comes to the operator's screen as a
window, so nothing is lost or hidden off screen; when the screen is back, so is the display.
"""

from __future__ import annotations

from dataclasses import dataclass


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


def place(choice: DisplayChoice, screens: list[ScreenInfo], operator_screen: str) -> Placement | None:
    """Where a display goes now, or None when it is hidden."""
    if not choice.visible:
        return None
    names = [screen.name for screen in screens]
    if choice.screen is not None and choice.screen in names:
        return Placement(choice.screen, choice.fullscreen, fallback=False)
    if choice.screen is None:
        # Never assigned: the first screen that is not the operator's, else a window beside the operator.
        others = [name for name in names if name != operator_screen]
        if others:
            return Placement(others[0], choice.fullscreen, fallback=False)
        return Placement(operator_screen, False, fallback=False)
    return Placement(operator_screen, False, fallback=True)
