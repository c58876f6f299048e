"""A desktop with two monitors on the real X11 (xcb) platform: Xorg's dummy driver, and openbox.

Issue 12 asks for these checks "under Xvfb", but Xvfb gives Qt one screen only: `xrandr --setmonitor`
is accepted and ignored, and Xvfb with Xinerama still makes one QScreen. Xorg's dummy video driver
(Debian: xserver-xorg-core, xserver-xorg-video-dummy) has real RandR outputs, so Qt sees two screens
exactly as on a laptop with a projector: DUMMY0 (the operator's, primary) and DUMMY1 (the room's).
openbox is the window manager, so full screen, dialogs and focus behave as on a desktop.

Used by tests/xcb/ and by scripts/rehearsal_xcb.py. Nothing here needs Qt: it drives the X server
with the command-line tools a person would use (xrandr, xdotool, xwininfo, xprop, ImageMagick).
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# The Debian package of every program used here: what .ci/run installs, and what a skip names.
TOOLS = {
    "Xorg": "xserver-xorg-core",
    "xrandr": "x11-xserver-utils",
    "openbox": "openbox",
    "xdotool": "xdotool",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "import": "imagemagick",
    "convert": "imagemagick",
}
DUMMY_DRIVER = Path("/usr/lib/xorg/modules/drivers/dummy_drv.so")
START_TIMEOUT = 15.0  # seconds for Xorg and openbox to come up (a cold start on a busy CI machine)


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    def inside(self, other: Rect) -> bool:
        return (other.x <= self.x and other.y <= self.y and self.x + self.width <= other.x + other.width
                and self.y + self.height <= other.y + other.height)

    def overlaps(self, other: Rect) -> bool:
        return (self.x < other.x + other.width and other.x < self.x + self.width
                and self.y < other.y + other.height and other.y < self.y + self.height)

    def crop(self) -> str:
        """ImageMagick's geometry for this rectangle."""
        return f"{self.width}x{self.height}+{self.x}+{self.y}"


@dataclass(frozen=True)
class Monitor:
    name: str  # the RandR output, which is also the QScreen's name
    area: Rect
    role: str  # who looks at it, for file names: "operator" or "room"


OPERATOR_MONITOR = Monitor("DUMMY0", Rect(0, 0, 1920, 1080), "operator")
ROOM_MONITOR = Monitor("DUMMY1", Rect(1920, 0, 1600, 900), "room")
MONITORS = (OPERATOR_MONITOR, ROOM_MONITOR)

XORG_CONF = """\
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0 - 1000.0
  VertRefresh 5.0 - 200.0
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual {width} {height}
  EndSubSection
EndSection
Section "ServerFlags"
  Option "AutoAddDevices" "false"
  Option "DontVTSwitch" "true"
EndSection
"""


class DesktopError(RuntimeError):
    """The X server or the window manager did not come up; the message says what its log said."""


def missing_packages() -> list[str]:
    """The Debian packages this desktop needs and this machine lacks (empty: all there)."""
    missing = {package for tool, package in TOOLS.items() if shutil.which(tool) is None}
    if not DUMMY_DRIVER.is_file():
        missing.add("xserver-xorg-video-dummy")
    return sorted(missing)


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = 10.0, step: float = 0.05) -> T:
    """Poll another process until `probe` gives a value: waiting for an X server or a window to appear."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value is not None:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout:g} s waiting for {what}")
        time.sleep(step)


class DummyDesktop:
    """Xorg (dummy driver) on a free display number, two monitors, openbox; stopped on exit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.display = ""
        self._xorg: subprocess.Popen[bytes] | None = None
        self._openbox: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> DummyDesktop:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # -- starting and stopping ------------------------------------------------------------------

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        width = sum(m.area.width for m in MONITORS)
        height = max(m.area.height for m in MONITORS)
        config = self.folder / "xorg.conf"
        config.write_text(XORG_CONF.format(width=width, height=height), encoding="utf-8")
        log = self.folder / "Xorg.log"
        # -displayfd: Xorg picks a free display number itself and writes it once it accepts clients,
        # so two runs side by side never race for ":N" and nobody has to poll for readiness.
        read_end, write_end = os.pipe()
        try:
            with (self.folder / "Xorg.stderr").open("wb") as stderr:
                self._xorg = subprocess.Popen(
                    ["Xorg", "-displayfd", str(write_end), "-noreset", "-nolisten", "tcp", "-config", str(config),
                     "-logfile", str(log)],
                    pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
        finally:
            os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            ready, _, _ = select.select([pipe], [], [], START_TIMEOUT)
            number = pipe.readline().strip() if ready else b""  # empty when Xorg died before it was ready
        if not number:
            self.stop()
            raise DesktopError(f"Xorg did not start: {self._log_tail(log)}")
        self.display = f":{number.decode()}"
        try:
            self._arrange_monitors()
            with (self.folder / "openbox.log").open("wb") as stderr:
                self._openbox = subprocess.Popen(["openbox", "--sm-disable"], env=self.env(),
                                                 stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
            wait_for("openbox", self._window_manager_running, START_TIMEOUT)
        except BaseException:
            self.stop()  # never leave an X server behind
            raise

    def _arrange_monitors(self) -> None:
        primary, room = OPERATOR_MONITOR, ROOM_MONITOR
        mode = f"{room.area.width}x{room.area.height}"
        self.run("xrandr", "--output", primary.name, "--mode", f"{primary.area.width}x{primary.area.height}",
                 "--pos", f"{primary.area.x}x{primary.area.y}", "--primary")
        self.run("xrandr", "--addmode", room.name, mode)
        self.run("xrandr", "--output", room.name, "--mode", mode, "--pos", f"{room.area.x}x{room.area.y}")
        listed = self.run("xrandr", "--listmonitors")
        if not listed.startswith(f"Monitors: {len(MONITORS)}"):
            raise DesktopError(f"xrandr did not make {len(MONITORS)} monitors: {listed}")

    def _window_manager_running(self) -> bool | None:
        answer = self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False)
        return True if "window id" in answer else None

    def stop(self) -> None:
        for process in (self._openbox, self._xorg):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self._openbox = self._xorg = None

    @staticmethod
    def _log_tail(log: Path) -> str:
        try:
            lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return f"no log at {log}"
        errors = [line for line in lines if "(EE)" in line or "Fatal" in line]
        return " | ".join((errors or lines)[-6:])

    # -- talking to the X server ----------------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        """The environment for a program on this desktop (Qt on xcb, this display)."""
        env = {key: value for key, value in os.environ.items() if not key.startswith(("WAYLAND_", "QT_"))}
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", XDG_SESSION_TYPE="x11")
        env.update(extra)
        return env

    def run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=20, check=False)
        if check and result.returncode != 0:
            raise DesktopError(f"{' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
        return result.stdout

    def windows(self, name: str) -> list[int]:
        """Visible windows whose title matches the regular expression `name`."""
        found = self.run("xdotool", "search", "--onlyvisible", "--name", name, check=False)
        return [int(line) for line in found.split()]

    def wait_window(self, name: str, timeout: float = 15.0) -> int:
        return wait_for(f"a window named {name!r}", lambda: next(iter(self.windows(name)), None), timeout)

    def wait_no_window(self, name: str, timeout: float = 10.0) -> None:
        wait_for(f"no window named {name!r}", lambda: True if not self.windows(name) else None, timeout)

    def geometry(self, window: int) -> Rect:
        """Where the window's contents are on the whole desktop (without the window manager's frame)."""
        info = self.run("xwininfo", "-id", str(window))

        def field(label: str) -> int:
            match = re.search(rf"{label}:\s+(-?\d+)", info)
            if match is None:
                raise DesktopError(f"xwininfo gave no {label!r} for {window}: {info}")
            return int(match.group(1))

        return Rect(field("Absolute upper-left X"), field("Absolute upper-left Y"), field("Width"), field("Height"))

    def is_fullscreen(self, window: int) -> bool:
        return "_NET_WM_STATE_FULLSCREEN" in self.run("xprop", "-id", str(window), "_NET_WM_STATE", check=False)

    def monitor_of(self, window: int) -> Monitor | None:
        """The monitor that holds the whole window, or None when it spans two or lies off screen."""
        rect = self.geometry(window)
        return next((monitor for monitor in MONITORS if rect.inside(monitor.area)), None)

    def active_window(self) -> int | None:
        answer = self.run("xdotool", "getactivewindow", check=False).strip()
        return int(answer) if answer.isdigit() else None

    def press(self, window: int, *keys: str) -> None:
        """Give `window` the keyboard (as a click on it would) and press the keys, one after another."""
        self.run("xdotool", "windowactivate", "--sync", str(window))
        self.press_where_focused(*keys)

    def press_where_focused(self, *keys: str) -> None:
        """Press keys into whichever window has the keyboard now, as a stage manager's hands would."""
        self.run("xdotool", "key", "--clearmodifiers", "--delay", "60", *keys)

    def type_text(self, window: int, text: str) -> None:
        self.run("xdotool", "windowactivate", "--sync", str(window))
        self.run("xdotool", "type", "--delay", "20", text)

    def move_pointer(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", str(x), str(y))

    # -- pictures -------------------------------------------------------------------------------

    def screenshot(self, path: Path, per_monitor: bool = True) -> list[Path]:
        """The whole desktop at `path` and, with `per_monitor`, each monitor on its own beside it
        (`…-operator.png`, `…-room.png`: the room's picture is exactly what the audience saw).

        Returns every file written. PNG at zlib level 1 (`-quality 10`): quick, and still lossless.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run("import", "-window", "root", "-quality", "10", str(path))
        written = [path]
        if per_monitor:
            crops: list[str] = []
            for monitor in MONITORS:
                part = path.with_name(f"{path.stem}-{monitor.role}{path.suffix}")
                crops += ["(", "+clone", "-crop", monitor.area.crop(), "+repage", "-write", str(part), "+delete", ")"]
                written.append(part)
            self.run("convert", str(path), "-quality", "10", *crops, "null:")
        return written


# -- the app on this desktop ---------------------------------------------------------------------

TITLE_PREFIX = "runofshow — "
DISPLAY_TITLES = {"projector": "Projector", "stage": "Speaker countdown", "moderator": "Moderator"}
# What the stage manager chose last time (Displays menu), as QSettings keeps it on Linux: the projector
# full screen on the room's monitor, the speaker countdown shown with no screen chosen (so it must not
# cover the operator's monitor: it opens as a window there).
TWO_DISPLAYS = f"""\
[displays]
projector\\screen={ROOM_MONITOR.name}
projector\\fullscreen=true
projector\\visible=true
stage\\fullscreen=true
stage\\visible=true
"""


class AppProcess:
    """The real app in its own process on the desktop, with its own settings, journal and home."""

    def __init__(self, desktop: DummyDesktop, folder: Path, arguments: list[str], settings: str = TWO_DISPLAYS,
                 name: str = "app") -> None:
        self.desktop = desktop
        self.folder = folder
        self.log = folder / f"{name}.log"
        home = folder / "home"
        config = home / ".config"
        (config / "runofshow").mkdir(parents=True, exist_ok=True)
        settings_file = config / "runofshow" / "runofshow.conf"
        if not settings_file.exists():  # a second run keeps what the first one remembered
            settings_file.write_text(settings, encoding="utf-8")
        runtime = folder / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = desktop.env(HOME=str(home), XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(home / ".local/share"),
                          XDG_RUNTIME_DIR=str(runtime), PYTHONUNBUFFERED="1")
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(arguments, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            cwd=Path(__file__).resolve().parents[2])

    def titled(self) -> dict[int, str]:
        """The app's visible windows and their titles."""
        found = self.desktop.run("xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid), check=False)
        titles = {}
        for window in (int(line) for line in found.split()):
            titles[window] = self.desktop.run("xdotool", "getwindowname", str(window), check=False).strip()
        return titles

    def _first(self, wanted: Callable[[str], bool]) -> int | None:
        self.check_alive()
        return next((window for window, title in self.titled().items() if wanted(title)), None)

    def operator_window(self, timeout: float = 20.0) -> int:
        displays = {TITLE_PREFIX + title for title in DISPLAY_TITLES.values()}
        return wait_for("the operator window",
                        lambda: self._first(lambda t: t.startswith(TITLE_PREFIX) and t not in displays), timeout)

    def display_window(self, kind: str, timeout: float = 20.0) -> int:
        title = TITLE_PREFIX + DISPLAY_TITLES[kind]
        return wait_for(f"the {kind} display", lambda: self._first(lambda t: t == title), timeout)

    def window_titled(self, title: str, timeout: float = 15.0) -> int:
        return wait_for(f"a window titled {title!r}", lambda: self._first(lambda t: t == title), timeout)

    def wait_title(self, window: int, title: str, timeout: float = 10.0) -> None:
        def has_title() -> bool | None:
            self.check_alive()
            return True if self.desktop.run("xdotool", "getwindowname", str(window)).strip() == title else None

        wait_for(f"the title {title!r}", has_title, timeout)

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            raise DesktopError(f"the app ended (exit {self.process.returncode}): {self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def wait_exit(self, timeout: float = 15.0) -> int:
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        """SIGKILL: the app gets no chance to tidy up, as in a crash or a power cut."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
