"""A full rehearsal of the seed show on two monitors, photographed at every step.

    .venv/bin/python scripts/rehearsal_xcb.py [--out docs/images/rehearsal] [--speed 10]

Starts Xorg's dummy driver with two monitors (the operator's DUMMY0, 1920x1080; the room's DUMMY1,
1600x900, to its right) and openbox, runs `runofshow rehearse` on agenda.yaml with the projector
full screen on the room's monitor and the speaker countdown as a window on the operator's, and
presses the keys a stage manager would: Identify screens, GO, +1 min, a message, next through every
slot, a talk into its wrap-up and over time, the panel's cues, blackout and back, and quitting (asked
first, declined with Esc, then confirmed). After each step it saves the whole desktop as
`NN-step.png`, and each monitor on its own as `NN-step-operator.png` and `NN-step-room.png`: the
room's pictures show everything the audience saw, and nothing else.

Why Xorg's dummy driver and not Xvfb: Xvfb gives Qt one screen only (see tests/xcb/xdummy.py).
Needs (Debian): xserver-xorg-core xserver-xorg-video-dummy openbox xdotool x11-xserver-utils
x11-utils imagemagick, as `.ci/run` installs. Not a test: it waits in real time (well under 2 min).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from runofshow.io.agenda_yaml import load_agenda  # noqa: E402
from tests.xcb.xdummy import (  # noqa: E402
    OPERATOR_MONITOR,
    ROOM_MONITOR,
    AppProcess,
    DesktopError,
    DummyDesktop,
    missing_packages,
)

SETTLE = 0.6  # seconds for a redraw to reach the screen after a key, before the picture


class Rehearsal:
    def __init__(self, desktop: DummyDesktop, app: AppProcess, out: Path, *, titles: list[str], event_title: str,
                 speed: float) -> None:
        self.desktop = desktop
        self.speed = speed
        self.app = app
        self.out = out
        self.titles = titles
        self.event_title = event_title
        self.count = 0
        self.slot = -1  # the index of the slot running, -1 before the show
        self.operator = 0

    def shot(self, step: str) -> None:
        self.count += 1
        time.sleep(SETTLE)
        written = self.desktop.screenshot(self.out / f"{self.count:02d}-{step}.png")
        print(f"{self.count:02d} {step}: {', '.join(p.name for p in written)}")

    def keys(self, *keys: str) -> None:
        self.desktop.press(self.operator, *keys)

    def go(self, step: str) -> None:
        """Space: the next slot starts; waits until the operator window says which one."""
        self.keys("space")
        self.slot += 1
        title = self.titles[self.slot] if self.slot < len(self.titles) else self.event_title
        self.app.wait_title(self.operator, f"runofshow — {title}")
        self.shot(step)

    def run(self) -> None:
        self.operator = self.app.operator_window(timeout=30)
        projector = self.app.display_window("projector", timeout=30)
        self.app.display_window("stage", timeout=30)
        if not self.desktop.is_fullscreen(projector):
            raise DesktopError("the projector is not full screen on the room's monitor")
        time.sleep(1.5)  # the displays' first paint
        self.shot("before-the-doors-open")

        self.keys("alt+d", "i")  # Displays > Identify screens: which monitor is which, at set-up
        self.app.window_titled(f"Identify screen {ROOM_MONITOR.name}")
        self.shot("identify-screens")
        self.desktop.wait_no_window("^Identify screen")

        self.go("go-welcome")
        self.keys("plus")
        self.shot("plus-one-minute")
        self.keys("m")
        self.desktop.type_text(self.operator, "Two minutes please")
        self.keys("Return")
        self.shot("message-to-the-stage")

        self.go("next-status-norway")
        self.go("next-ec-objectives")
        self.go("next-belgian-presidency")
        self.go("next-whitepaper")
        # The talk runs long: 13 minutes off its 15 leave under the 2 minutes of the warning, WRAP UP.
        self.keys(*["minus"] * 13)
        self.shot("whitepaper-wrap-up")
        # One more minute off (refused if less than a minute is left), then a minute of show time: over.
        self.keys("minus")
        time.sleep(60 / self.speed + 0.5)
        self.shot("whitepaper-over-time")

        self.go("break")
        self.go("next-agder")
        self.go("panel")
        self.keys("c")
        self.shot("panel-cue-2")
        self.keys("c")
        self.shot("panel-cue-3")

        self.keys("b")
        self.shot("blackout")
        self.keys("b")
        self.shot("blackout-lifted")

        self.go("closing-remarks")
        self.go("reception")

        self.keys("ctrl+q")
        question = self.app.window_titled("Quit during the show?")
        if self.desktop.monitor_of(question) != OPERATOR_MONITOR:
            raise DesktopError(f"the quit question is not on the operator's monitor: {self.desktop.geometry(question)}")
        self.shot("quit-asked")
        self.desktop.press(question, "Escape")
        self.desktop.wait_no_window("Quit during the show")
        self.shot("quit-declined")
        self.keys("ctrl+q")
        question = self.app.window_titled("Quit during the show?")
        self.desktop.press(question, "Tab", "space")  # from "Keep running" to "Quit", and press it
        self.app.wait_exit(timeout=20)
        self.shot("quit")


def shrink(out: Path) -> None:
    """Halve every picture and drop the operator's crop (the whole desktop shows it): the room's pictures,
    and both monitors side by side, are what the docs need, at a fraction of the size."""
    for picture in sorted(out.glob("[0-9][0-9]-*.png")):
        if picture.stem.endswith("-operator"):
            picture.unlink()
            continue
        # 128 colours are plenty for flat UI colours and text, and keep each picture near 150 KB.
        subprocess.run(["convert", str(picture), "-resize", "50%", "-colors", "128",
                        "-define", "png:compression-level=9", f"PNG8:{picture}"], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images" / "rehearsal")
    parser.add_argument("--speed", type=float, default=10.0, help="the rehearsal clock's speed (default 10)")
    parser.add_argument("--agenda", type=Path, default=ROOT / "agenda.yaml")
    parser.add_argument("--full-size", action="store_true",
                        help="keep every picture at full size (by default each is halved and the operator's "
                             "crop dropped, so the pictures kept in docs/images stay small)")
    args = parser.parse_args()
    missing = missing_packages()
    if missing:
        print("needs: apt-get install " + " ".join(missing), file=sys.stderr)
        return 2
    loaded = load_agenda(args.agenda)
    if loaded.agenda is None:
        print("\n".join(str(problem) for problem in loaded.problems), file=sys.stderr)
        return 2
    agenda = loaded.agenda
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("[0-9][0-9]-*.png"):
        old.unlink()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="rehearsal-xcb-") as scratch:
        folder = Path(scratch)
        agenda_copy = folder / "agenda.yaml"
        shutil.copy(args.agenda, agenda_copy)
        with DummyDesktop(folder / "xorg") as desktop:
            room = ROOM_MONITOR.area
            desktop.move_pointer(room.x + room.width // 2, room.y + room.height // 2)  # where a stray window would go
            command = [sys.executable, "-m", "runofshow", "rehearse", "--speed", f"{args.speed:g}", "--state-dir",
                       str(folder / "state"), "--no-remote", str(agenda_copy)]
            app = AppProcess(desktop, folder, command)
            try:
                titles = [slot.title for slot in agenda.slots]
                Rehearsal(desktop, app, out, titles=titles, event_title=agenda.event.title, speed=args.speed).run()
            except (DesktopError, TimeoutError) as exc:
                print(f"rehearsal stopped: {exc}\n{app.log_tail()}", file=sys.stderr)
                return 1
            finally:
                app.stop()
    if not args.full_size:
        shrink(out)
    print(f"done in {time.monotonic() - started:.0f} s: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
