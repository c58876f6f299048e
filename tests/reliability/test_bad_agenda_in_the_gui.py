"""Every broken agenda of the corpus, saved over the running show's agenda: clear errors, the show goes on."""

from __future__ import annotations

import re
from pathlib import Path

from runofshow.core.show import ShowPhase
from runofshow.io.agenda_yaml import MAX_BYTES
from tests.core.helpers import at
from tests.ui.conftest import Rig

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
POSITION = re.compile(r"^.+:\d+:\d+: .+")


def test_no_broken_agenda_stops_the_show_or_loses_the_last_good_one(rig: Rig, tmp_path: Path) -> None:
    bridge = rig.controller.bridge
    assert bridge is not None
    rig.at(at(13, 30))
    bridge.run("go")
    rig.at(at(13, 47))
    bridge.run("next")
    good_slots = bridge.state.slots
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    corpus = [*sorted(BAD.glob("*.yaml")), huge]
    assert len(corpus) >= 40
    for bad in corpus:
        rig.window.problems_panel.dismiss()
        rig.agenda_path.write_bytes(bad.read_bytes())
        rig.controller.watcher.check_now()
        assert rig.window.problems_panel.isVisibleTo(rig.window), bad.name
        intro, lines = rig.window.problems_panel.intro.text(), rig.window.problems_panel.lines()
        assert "last good agenda" in intro, bad.name
        assert lines and all(POSITION.match(line) for line in lines), (bad.name, lines)
        assert all("Traceback" not in line for line in lines)
        state = bridge.state
        assert state.slots is good_slots, bad.name  # the last good agenda, untouched
        assert state.phase is ShowPhase.RUNNING and state.current.id == "status-norway"  # type: ignore[union-attr]
    rig.at(at(13, 50))
    assert bridge.state.elapsed == 180  # the show's clock never stopped
