"""The real app on the real X11 platform, on a desktop with two monitors (see xdummy.py for why not Xvfb).

Without Xorg's dummy driver and the tools these tests drive it with, they are skipped with the list
of packages to install, except when the CI variable is set: `.ci/run` installs them, so their absence
there is a defect and the tests fail.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from runofshow.paths import bundled_agenda
from tests.xcb.xdummy import ROOM_MONITOR, AppProcess, DesktopError, DummyDesktop, missing_packages


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, and .ci/run installs these: a broken CI machine)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DummyDesktop]:
    missing = missing_packages()
    if missing:
        unavailable("no X11 desktop with two monitors here: apt-get install " + " ".join(missing))
    running = DummyDesktop(tmp_path_factory.mktemp("xorg-dummy"))
    try:
        running.start()
    except (DesktopError, TimeoutError, OSError) as exc:
        unavailable(f"Xorg's dummy driver would not start: {exc}")
    try:
        yield running
    finally:
        running.stop()


class Steps:
    """Screenshots of a test's steps, numbered, each monitor on its own as well; the paths are printed."""

    def __init__(self, desktop: DummyDesktop, folder: Path) -> None:
        self.desktop = desktop
        self.folder = folder
        self.count = 0

    def shot(self, step: str) -> Path:
        self.count += 1
        written = self.desktop.screenshot(self.folder / f"{self.count:02d}-{step}.png")
        print("screenshot:", *written, sep="\n  ")
        return written[0]


class Show:
    """Starts the app on a copy of the bundled agenda; every run shares the test's settings and journal."""

    def __init__(self, desktop: DummyDesktop, folder: Path) -> None:
        self.desktop = desktop
        self.folder = folder
        self.agenda = folder / "agenda.yaml"
        shutil.copy(bundled_agenda(), self.agenda)
        self.state_dir = folder / "state"
        self.runs: list[AppProcess] = []
        self.steps = Steps(desktop, folder / "screenshots")

    def start(self, *extra: str) -> AppProcess:
        # --no-remote: no network server, so runs side by side never compete for a port.
        command = [sys.executable, "-m", "runofshow", str(self.agenda), "--state-dir", str(self.state_dir),
                   "--no-remote", *extra]
        app = AppProcess(self.desktop, self.folder, command, name=f"run{len(self.runs) + 1}")
        self.runs.append(app)
        return app

    def stop(self) -> None:
        for app in self.runs:
            app.stop()


@pytest.fixture
def show(desktop: DummyDesktop, tmp_path: Path) -> Iterator[Show]:
    running = Show(desktop, tmp_path)
    # The pointer rests on the room's monitor: a window placed "where the mouse is" would land there.
    room = ROOM_MONITOR.area
    desktop.move_pointer(room.x + room.width // 2, room.y + room.height // 2)
    try:
        yield running
    finally:
        running.stop()

