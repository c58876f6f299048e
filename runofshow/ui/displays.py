"""The display windows, their screens, and the Displays menu of the operator window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from runofshow.core.commands import DISPLAYS
from runofshow.qt.bridge import ShowBridge
from runofshow.qt.placement import DisplayChoice, Placement, ScreenInfo, place_all
from runofshow.qt.settings import read_bool
from runofshow.ui.display_base import DisplayOptions, DisplayWindow
from runofshow.ui.identify import IdentifySign, ScreenIdentifier
from runofshow.ui.moderator_view import ModeratorWindow
from runofshow.ui.projector_view import ProjectorWindow
from runofshow.ui.stage_view import StageWindow
from runofshow.ui.thumbnails import ThumbnailStrip

WINDOW_CLASSES: dict[str, type[DisplayWindow]] = {
    "projector": ProjectorWindow, "stage": StageWindow, "moderator": ModeratorWindow,
}
WINDOWED_SIZE = (960, 540)
CASCADE_STEP = 40  # pixels between windowed displays on the operator's screen
CASCADE_MARGIN = 48  # from the screen's edge, clear of a task bar
THUMBNAILS_KEY = "displays/thumbnails"  # the operator window shows its thumbnails of the displays


def screen_info(screen: QScreen) -> ScreenInfo:
    geometry = screen.geometry()
    return ScreenInfo(screen.name(), geometry.x(), geometry.y(), geometry.width(), geometry.height())


class DisplayManager(QObject):
    """Owns the three display windows and puts each where the operator chose, or safely back."""

    notice = Signal(str)  # a line for the operator's status bar

    def __init__(self, bridge: ShowBridge, operator: QWidget, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.operator = operator
        self.settings = settings
        self.options = DisplayOptions(flash_at_zero=read_bool(self.settings, "displays/flash_at_zero", True))
        self.windows: dict[str, DisplayWindow] = {
            kind: WINDOW_CLASSES[kind](bridge, self.options) for kind in DISPLAYS
        }
        self.choices: dict[str, DisplayChoice] = {kind: self._load(kind) for kind in DISPLAYS}
        self.placements: dict[str, Placement | None] = {}
        self.identifier = ScreenIdentifier(operator, parent=self)  # Displays > Identify screens
        # The operator window's thumbnails: the same flash rule, where each display is, shown or folded.
        self.thumbnails = operator.findChildren(ThumbnailStrip)
        for strip in self.thumbnails:
            strip.options = self.options
        self.show_thumbnails(read_bool(self.settings, THUMBNAILS_KEY, True))
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)

    # -- persistence ----------------------------------------------------------------------------

    def _load(self, kind: str) -> DisplayChoice:
        screen = self.settings.value(f"displays/{kind}/screen", None)
        return DisplayChoice(screen=str(screen) if screen else None,
                             fullscreen=read_bool(self.settings, f"displays/{kind}/fullscreen", True),
                             visible=read_bool(self.settings, f"displays/{kind}/visible", False))

    def choose(self, kind: str, *, screen: str | None = None, fullscreen: bool | None = None,
               visible: bool | None = None) -> None:
        """Change one display's choice, remember it, and place the window accordingly."""
        old = self.choices[kind]
        new = DisplayChoice(screen if screen is not None else old.screen,
                            old.fullscreen if fullscreen is None else fullscreen,
                            old.visible if visible is None else visible)
        self.choices[kind] = new
        self.settings.setValue(f"displays/{kind}/screen", new.screen or "")
        self.settings.setValue(f"displays/{kind}/fullscreen", new.fullscreen)
        self.settings.setValue(f"displays/{kind}/visible", new.visible)
        self.apply()

    def show_thumbnails(self, on: bool) -> None:
        """Show or fold away the operator window's thumbnails of the displays, and remember it."""
        self.settings.setValue(THUMBNAILS_KEY, on)
        for strip in self.thumbnails:
            strip.setVisible(on)

    def set_flash_at_zero(self, on: bool) -> None:
        self.options.flash_at_zero = on
        self.settings.setValue("displays/flash_at_zero", on)

    # -- placing windows ------------------------------------------------------------------------

    def screens(self) -> list[ScreenInfo]:
        return [screen_info(screen) for screen in QGuiApplication.screens()]

    def operator_screen(self) -> str:
        screen = self.operator.screen() or QGuiApplication.primaryScreen()
        return screen.name() if screen else ""

    def _screens_changed(self, _screen: QScreen) -> None:
        # Let Qt finish moving its own windows off a vanished screen before placing ours.
        QTimer.singleShot(0, self.apply)

    def apply(self, screens: list[ScreenInfo] | None = None) -> None:
        """Place every display for the given (or the current) screens."""
        available = screens if screens is not None else self.screens()
        operator = self.operator_screen()
        operator_had_keyboard = self.operator.isActiveWindow()
        placements = place_all(self.choices, available, operator)
        for kind, window in self.windows.items():
            placement = placements[kind]
            previous = self.placements.get(kind)
            self.placements[kind] = placement
            self._put(window, placement)
            if placement is not None and placement.fallback and (previous is None or not previous.fallback):
                self.notice.emit(self.tr("The {kind} screen '{screen}' is missing: the {kind} display is now a "
                                         "window on this screen").format(kind=kind, screen=self.choices[kind].screen))
            elif placement is not None and placement.displaced and (previous is None or not previous.displaced):
                self.notice.emit(self.tr("The {kind} display would cover another display or this window: it is a "
                                         "window on this screen instead (Displays menu: choose its screen)").format(
                                             kind=kind))
            elif placement is not None and previous is not None and previous.fallback and not placement.fallback:
                self.notice.emit(self.tr("The {kind} display is back on '{screen}'").format(kind=kind,
                                                                                             screen=placement.screen))
        for strip in self.thumbnails:
            strip.set_placements(self.placements)
        if operator_had_keyboard:
            # Showing a window can activate it on some platforms: give the keyboard back to the operator.
            self.operator.activateWindow()

    def _put(self, window: DisplayWindow, placement: Placement | None) -> None:
        if placement is None:
            window.hide()
            return
        target = next((s for s in QGuiApplication.screens() if s.name() == placement.screen), None)
        if target is None:
            target = QGuiApplication.primaryScreen()
        geometry = target.geometry()
        if window.isFullScreen() and not placement.fullscreen:
            window.showNormal()
        window.setScreen(target)
        if placement.fullscreen:
            window.setGeometry(geometry)
            window.showFullScreen()
        elif placement.screen == self.operator_screen():
            # On the operator's screen: lower right, cascaded, away from the timer at the top left.
            width, height = min(WINDOWED_SIZE[0], geometry.width() // 2), min(WINDOWED_SIZE[1], geometry.height() // 2)
            step = CASCADE_STEP * placement.cascade
            window.setGeometry(max(geometry.x(), geometry.right() - width - CASCADE_MARGIN - step),
                               max(geometry.y(), geometry.bottom() - height - CASCADE_MARGIN - step), width, height)
            window.showNormal()
        else:
            width, height = min(WINDOWED_SIZE[0], geometry.width()), min(WINDOWED_SIZE[1], geometry.height())
            window.setGeometry(geometry.x() + (geometry.width() - width) // 2,
                               geometry.y() + (geometry.height() - height) // 2, width, height)
            window.showNormal()
        window.update()

    def close_all(self) -> None:
        self.identifier.close_all()
        for window in self.windows.values():
            window.close()

    def identify_screens(self) -> list[IdentifySign]:
        """A sign on every screen for a few seconds: its name, its size, and what it shows."""
        titles = {kind: window_class.display_title() for kind, window_class in WINDOW_CLASSES.items()}
        return self.identifier.identify(self.operator_screen(), self.placements, titles)

    # -- the Displays menu ----------------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        """(Re)build the Displays menu: per display, show/hide, full screen, and the screen to use."""
        menu.clear()
        identify = menu.addAction(self.tr("&Identify screens"))
        identify.triggered.connect(lambda _checked=False: self.identify_screens())
        menu.addSeparator()
        screens = self.screens()
        for kind in DISPLAYS:
            choice = self.choices[kind]
            placement = self.placements.get(kind)
            title = WINDOW_CLASSES[kind].display_title()
            if placement is None:
                entry = title
            elif placement.fallback:
                entry = self.tr("{display} — on {screen} (stand-in window)").format(display=title,
                                                                                   screen=placement.screen)
            else:
                entry = self.tr("{display} — on {screen}").format(display=title, screen=placement.screen)
            sub = menu.addMenu(entry)
            shown = sub.addAction(self.tr("Show"))
            shown.setCheckable(True)
            shown.setChecked(choice.visible)
            shown.toggled.connect(lambda on, k=kind: self.choose(k, visible=on))
            full = sub.addAction(self.tr("Full screen"))
            full.setCheckable(True)
            full.setChecked(choice.fullscreen)
            full.toggled.connect(lambda on, k=kind: self.choose(k, fullscreen=on))
            sub.addSeparator()
            group = QActionGroup(sub)
            for screen in screens:
                action = QAction(screen.label(), sub)
                action.setCheckable(True)
                action.setChecked(choice.screen == screen.name)
                action.triggered.connect(lambda _c=False, k=kind, n=screen.name: self.choose(k, screen=n))
                group.addAction(action)
                sub.addAction(action)
            if choice.screen and choice.screen not in [s.name for s in screens]:
                missing = sub.addAction(self.tr("{screen} (not connected)").format(screen=choice.screen))
                missing.setCheckable(True)
                missing.setChecked(True)
                missing.setEnabled(False)
        menu.addSeparator()
        flash = menu.addAction(self.tr("Flash the stage display at zero"))
        flash.setCheckable(True)
        flash.setChecked(self.options.flash_at_zero)
        flash.toggled.connect(self.set_flash_at_zero)
        if self.thumbnails:
            thumbnails = menu.addAction(self.tr("Thumbnails in this window"))
            thumbnails.setCheckable(True)
            thumbnails.setChecked(self.thumbnails[0].isVisibleTo(self.operator))
            thumbnails.toggled.connect(self.show_thumbnails)
