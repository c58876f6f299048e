"""Every menu of the operator window opens with its own Alt+letter, the Remote menu included.

Two menus with one mnemonic make Alt+letter open the first of them and only cycle on a second press: an
operator who learnt Alt+R for Remote lands in Rundown (seen on X11 while checking issue 16's Remote menu).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from runofshow.ui.remote_panel import install_remote_menu
from tests.ui.conftest import Rig
from tests.ui.test_remote_panel_tokens import FakeServer


def mnemonic(text: str) -> str:
    """The letter after a single "&" ("&&" is a literal ampersand), lower case; "" without one."""
    index = text.replace("&&", "\0\0").find("&")
    return text[index + 1].lower() if 0 <= index < len(text) - 1 else ""


def test_every_top_menu_has_a_mnemonic_of_its_own(rig: Rig) -> None:
    install_remote_menu(rig.window, FakeServer(), lambda title, text: False)  # type: ignore[arg-type]
    menus = [action.text() for action in rig.window.menuBar().actions()
             if isinstance(action.menu(), QMenu) and action.isVisible()]
    assert any("Remote" in text.replace("&", "") for text in menus), menus
    letters = [mnemonic(text) for text in menus]
    assert all(letters), menus
    assert len(set(letters)) == len(letters), menus
