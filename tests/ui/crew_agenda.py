"""The seed show with crew columns and cues, made in Python (the same cues whatever agenda.yaml holds)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from ruamel.yaml import YAML

from runofshow.core.agenda import Agenda
from runofshow.paths import bundled_agenda
from tests.core.helpers import seed

CREW_COLUMNS = ("Audio", "Video", "Lighting", "Stage")
CREW_CUES: dict[str, dict[str, str]] = {
    "welcome": {"Audio": "lectern mic live", "Video": "camera 1 on the lectern", "Lighting": "house to half"},
    "status-norway": {"Audio": "lectern mic", "Video": "slides from the lectern laptop"},
    "break": {"Audio": "walk-in music", "Lighting": "house full", "Stage": "reset lectern"},
    "agder": {"Audio": "lectern mic, headset for the second speaker", "Video": "camera 2 wide"},
    "policy-panel": {"Audio": "handhelds 3-5", "Video": "camera wide", "Stage": "panel state: four chairs"},
    "closing": {"Audio": "lectern mic live", "Lighting": "stage wash up", "Stage": "strike the panel chairs"},
    "reception": {"Audio": "reception playlist", "Lighting": "house full, stage off"},
}


def crew_agenda(columns: tuple[str, ...] = CREW_COLUMNS) -> Agenda:
    agenda = seed()
    slots = tuple(replace(slot, crew=tuple((column, CREW_CUES.get(slot.id, {}).get(column, "")) for column in columns
                                           if CREW_CUES.get(slot.id, {}).get(column)))
                  for slot in agenda.slots)
    return replace(agenda, columns=columns, slots=slots)


def write_crew_agenda(path: Path, columns: tuple[str, ...] = CREW_COLUMNS) -> Path:
    """The bundled agenda file with these crew columns and the cues above (whatever crew it has already)."""
    yaml = YAML()
    tree = yaml.load(bundled_agenda().read_text(encoding="utf-8"))
    tree.pop("columns", None)
    tree.insert(1, "columns", list(columns))
    for slot in tree["slots"]:
        slot.pop("crew", None)
        cues = {column: cue for column, cue in CREW_CUES.get(str(slot["id"]), {}).items() if column in columns}
        if cues:
            slot["crew"] = cues
    stream = io.StringIO()
    yaml.dump(tree, stream)
    path.write_text(stream.getvalue(), encoding="utf-8")
    return path
