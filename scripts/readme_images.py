"""Makes the pictures in docs/images/ that the README shows. Run: python scripts/readme_images.py

Times on plan come from the same code as `runofshow render`; the overrun and message pictures
add the commands a stage manager would give.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from runofshow.core.clock import FakeClock
from runofshow.core.standing import Role, Standing
from runofshow.io.agenda_yaml import load_agenda
from runofshow.paths import bundled_agenda
from runofshow.render import moment_of, on_plan
from runofshow.ui.snapshots import grab_view

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"
PICTURES: list[tuple[str, str, str, tuple[int, int], Sequence[tuple[str, dict[str, object]]]]] = [
    ("operator-preshow", "operator", "13:20", (1400, 860), ()),
    ("operator-warning", "operator", "13:44", (1400, 860), ()),
    ("operator-break", "operator", "14:55", (1400, 860), ()),
    ("operator-panel", "operator", "15:51", (1400, 860), ()),
    ("operator-finished", "operator", "17:05", (1400, 860), ()),
    ("operator-1024x600", "operator", "15:51", (1024, 600), ()),  # a small laptop screen
    # The crew columns and the STAND BY line for the panel (the bundled agenda's crew cues).
    ("operator-crew", "operator", "15:30", (1400, 860), ()),
    ("projector-welcome", "projector", "13:20", (1280, 720), ()),
    ("projector-talk", "projector", "14:05", (1280, 720), ()),
    ("projector-break", "projector", "14:55", (1280, 720), ()),
    ("projector-panel", "projector", "15:51", (1280, 720), ()),
    ("stage-normal", "stage", "14:05", (1280, 720), ()),
    ("stage-warning", "stage", "14:18", (1280, 720), ()),
    ("stage-overrun", "stage", "14:18", (1280, 720), (("add_time", {"seconds": -150}),)),
    ("stage-message", "stage", "14:18", (1280, 720),
     (("message", {"text": "Two minutes please — the panel is waiting"}),)),
    ("moderator-panel", "moderator", "15:51", (1280, 800), ()),
    ("moderator-talk", "moderator", "14:05", (1280, 800), ()),
    # A backup laptop (`runofshow follow`) with its copy up to date: the FOLLOWING bar and its Take over button.
    ("operator-following", "operator", "14:05", (1400, 860), ()),
]
# The pictures of a laptop that is not a primary on its own (core/standing.py), by name.
STANDINGS: dict[str, Standing] = {
    "operator-following": Standing(Role.FOLLOWING, primary="192.168.1.20:8765", connected=True, behind_entries=0,
                                   behind_ms=40.0),
}


def main() -> None:
    path = bundled_agenda()
    agenda = load_agenda(path).agenda
    assert agenda is not None
    OUT.mkdir(parents=True, exist_ok=True)
    for name, view, when, size, commands in PICTURES:
        moment = moment_of(agenda, when)
        session = on_plan(agenda, path, moment)
        for command, args in commands:
            assert session.run(command, moment, args).accepted, command
        image = grab_view(view, session, FakeClock(moment.t), size,
                          f"Preview: {when} on the show day" if view == "operator" else "",
                          standing=STANDINGS.get(name))
        image.save(str(OUT / f"{name}.png"))
        print(f"{name}.png")


if __name__ == "__main__":
    main()
