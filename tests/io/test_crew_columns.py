"""Crew columns in the agenda file: `columns:` at the top, `crew:` on a slot, every mistake at its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runofshow.core import words
from runofshow.core.agenda_diff import describe_changes
from runofshow.core.clock import Instant
from runofshow.core.show import ShowEngine
from runofshow.io.agenda_yaml import LoadResult, load_agenda, parse_agenda
from runofshow.paths import bundled_agenda
from runofshow.remote.snapshot_json import rundown_json, state_to_json

EVENT = """event:
  title: Test show
  date: 2023-11-30
  timezone: Europe/Brussels
"""
SLOTS = """slots:
  - id: welcome
    start: 13:30
    end: 13:45
    title: Welcome
    crew:
      Video: camera 1 on the lectern
      Audio: lectern mic live
  - id: panel
    start: 13:45
    end: 14:30
    title: Panel
    kind: panel
    crew: {Stage: four chairs, Lighting: ~, Audio: ""}
  - id: break
    start: 14:30
    end: 14:45
    title: Break
"""


def load(text: str) -> LoadResult:
    return parse_agenda(text, "t.yaml")


def errors(text: str) -> list[str]:
    result = load(text)
    assert result.agenda is None, "the agenda loaded"
    return [str(p) for p in result.errors]


def test_columns_and_crew_cues_are_read_in_the_columns_order_an_empty_cue_being_none() -> None:
    for columns in ("columns: [Audio, Video, Lighting, Stage]\n",
                    "columns:\n  - Audio\n  - Video\n  - Lighting\n  - Stage\n"):
        result = load(columns + EVENT + SLOTS)
        assert result.agenda is not None, [str(p) for p in result.problems]
        agenda = result.agenda
        assert agenda.columns == ("Audio", "Video", "Lighting", "Stage")
        welcome, panel, pause = agenda.slots
        assert welcome.crew == (("Audio", "lectern mic live"), ("Video", "camera 1 on the lectern"))
        assert panel.crew == (("Stage", "four chairs"),)
        assert pause.crew == ()
        assert (welcome.crew_cue("Video"), welcome.crew_cue("Stage")) == ("camera 1 on the lectern", "")


def test_an_agenda_without_columns_has_none_and_columns_may_come_after_the_slots() -> None:
    plain = load(EVENT + "slots:\n  - {title: A, start: 13:30, end: 13:45}\n").agenda
    assert plain is not None and plain.columns == () and plain.slots[0].crew == ()
    late = load(EVENT + SLOTS + "columns: [Stage, Audio, Video, Lighting]\n").agenda
    assert late is not None and late.columns == ("Stage", "Audio", "Video", "Lighting")
    assert late.slots[0].crew == (("Audio", "lectern mic live"), ("Video", "camera 1 on the lectern"))


def test_a_misspelt_column_in_a_slot_is_an_error_at_that_key_with_a_did_you_mean() -> None:
    text = "columns: [Audio, Video, Stage]\n" + EVENT + SLOTS.replace("      Video: camera", "      Vidoe: camera")
    problems = errors(text)
    assert problems == [
        "t.yaml:12:7: unknown crew column `Vidoe` in `crew`; did you mean `Video`? (the columns are Audio, Video, "
        "Stage, given in `columns:`)",
        # Even with no cue: a key naming no column is a typo to fix, not a cue to drop silently.
        "t.yaml:19:32: unknown crew column `Lighting` in `crew` (the columns are Audio, Video, Stage, given in "
        "`columns:`)"]


@pytest.mark.parametrize(("columns", "where", "says"), [
    ("columns: [Audio, Video, audio]", "1:25", "the crew column 'audio' is given twice (as 'Audio' at line 1, "
                                               "column 11): names that differ only in capitals are one column"),
    ("columns: [Audio, Audio]", "1:18", "the crew column 'Audio' is given twice (first at line 1, column 11)"),
    ("columns: [" + ", ".join(f"C{n}" for n in range(21)) + "]", "1:101",
     "an agenda has at most 20 crew columns; 'C20' and those after it are one too many"),
    ("columns: Audio", "1:10", "`columns` must be a list of crew column names, like `columns: [Audio, Video]`, "
                               "found 'Audio'"),
    ("columns: [Audio, '']", "1:18", "a crew column's name is empty"),
    ("columns: [Audio, 'Video: main']", "1:18", "the crew column 'Video: main' has a ':' in its name; "
                                                "a name is a word or a few, like Audio or Stage left"),
    ("columns: [Audio, [Video]]", "1:18", "a crew column's name must be text, found a list"),
    ("columns: [Audio, " + "A" * 41 + "]", "1:18", "the crew column '" + "A" * 41 + "' has 41 characters; "
                                                   "a name has at most 40"),
    ('columns: [Audio, "Vi\\tdeo"]', "1:18", "the crew column 'Vi\\tdeo' has a control character (U+0009)"),
])
def test_a_bad_column_is_an_error_at_its_name(columns: str, where: str, says: str) -> None:
    problems = errors(columns + "\n" + EVENT + "slots:\n  - {title: A, start: 13:30, end: 13:45}\n")
    assert f"t.yaml:{where}: {says}" in problems, problems


def test_crew_without_columns_is_an_error_at_the_crew_key_saying_what_to_add() -> None:
    problems = errors(EVENT + SLOTS)
    assert ("t.yaml:10:5: `crew` gives cues for crew columns, but the agenda declares none: add a top-level "
            "`columns:` list, like `columns: [Audio, Video, Lighting, Stage]`") in problems, problems


@pytest.mark.parametrize(("crew", "where", "says"), [
    ("    crew:\n      Audio: |\n        lectern mic\n        then handhelds\n", "12:14",
     "the Audio cue must be one line of text"),
    ("    crew:\n      Audio: \"lectern mic\\nthen handhelds\"\n", "12:14", "the Audio cue must be one line of text"),
    ("    crew:\n      Audio: [lectern mic, handhelds]\n", "12:14", "the Audio cue must be text, found a list"),
    ("    crew:\n      Audio: " + "x" * 201 + "\n", "12:14",
     "the Audio cue has 201 characters; a crew cue is one line of at most 200"),
    ("    crew:\n      Audio: \"mic\\t2\"\n", "12:14", "the Audio cue has a control character (U+0009)"),
    ("    crew:\n      Audio: mic 1\n      Audio: mic 2\n", "13:7", "`Audio` is given twice in `crew`"),
    ("    crew: [Audio, lectern mic]\n", "11:11",
     "`crew` must be a mapping of `column: cue` lines, like `Audio: lectern mic`, found a list"),
    ("    crew:\n      audio: lectern mic\n", "12:7", "unknown crew column `audio` in `crew`; did you mean `Audio`? "
                                                   "(the columns are Audio, Video, given in `columns:`)"),
])
def test_a_bad_crew_cue_is_an_error_at_the_cue(crew: str, where: str, says: str) -> None:
    text = ("columns: [Audio, Video]\n" + EVENT +
            "slots:\n  - id: a\n    start: 13:30\n    end: 13:45\n    title: A\n" + crew)
    problems = errors(text)
    assert f"t.yaml:{where}: {says}" in problems, problems


def test_a_cue_of_two_hundred_characters_and_a_quoted_number_are_fine() -> None:
    text = ("columns: [Audio, Stage]\n" + EVENT + "slots:\n  - id: a\n    start: 13:30\n    end: 13:45\n"
            "    title: A\n    crew:\n      Audio: " + "x" * 200 + "\n      Stage: 4\n")
    agenda = load(text).agenda
    assert agenda is not None and agenda.slots[0].crew == (("Audio", "x" * 200), ("Stage", "4"))


# -- the snapshot JSON: the crew views read `columns` and each rundown item's `crew` ---------------------------


def test_the_snapshot_gives_the_columns_and_each_rundown_items_crew_cues_made_once_per_agenda() -> None:
    agenda = load("columns: [Audio, Video, Lighting, Stage]\n" + EVENT + SLOTS).agenda
    assert agenda is not None
    engine = ShowEngine(agenda)
    state = engine.state(Instant(0.0, 1_701_347_000.0))
    data = state_to_json(state)
    assert data["columns"] == ["Audio", "Video", "Lighting", "Stage"]
    assert [item["crew"] for item in data["rundown"]] == [
        {"Audio": "lectern mic live", "Video": "camera 1 on the lectern"}, {"Stage": "four chairs"}, {}]
    assert list(data["rundown"][0]["crew"]) == ["Audio", "Video"]  # in the columns' order
    # The rundown's text is made once per agenda, the crew cues in it.
    text = rundown_json(state.slots)
    assert rundown_json(engine.state(Instant(1.0, 1_701_347_001.0)).slots) is text
    assert json.loads(text) == data["rundown"]
    plain = load(EVENT + "slots:\n  - {title: A, start: 13:30, end: 13:45}\n").agenda
    assert plain is not None
    plain_data = state_to_json(ShowEngine(plain).state(Instant(0.0, 1_701_347_000.0)))
    assert plain_data["columns"] == [] and plain_data["rundown"][0]["crew"] == {}


def test_a_reload_that_changes_only_the_columns_or_a_crew_cue_says_so() -> None:
    # The file watcher reloads only when something changed: crew columns and cues count.
    before = load("columns: [Audio, Video, Lighting, Stage]\n" + EVENT + SLOTS).agenda
    more = load("columns: [Audio, Video, Lighting, Stage, Catering]\n" + EVENT + SLOTS).agenda
    cue = load("columns: [Audio, Video, Lighting, Stage]\n" + EVENT
               + SLOTS.replace("four chairs", "five chairs")).agenda
    assert before is not None and more is not None and cue is not None
    assert describe_changes(before, more) == [words.CREW_COLUMNS_CHANGED]
    assert describe_changes(before, cue) == [words.slot_changed("Panel", [words.CHANGED_CREW])]


def test_the_docs_example_loads_with_its_crew_cues() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "agenda-format.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Crew columns"):doc.index("## What `check` reports")]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    result = load(example.replace("slots:\n", EVENT + "slots:\n"))
    assert result.agenda is not None and not result.errors, [str(p) for p in result.problems]
    assert result.agenda.columns == ("Audio", "Video", "Lighting", "Stage")
    assert result.agenda.slots[1].crew == (("Audio", "handhelds 1-5"), ("Video", "camera 2 wide"))


def test_the_bundled_agenda_gives_the_crew_a_cue_in_every_slot() -> None:
    agenda = load_agenda(bundled_agenda()).agenda
    assert agenda is not None
    assert agenda.columns == ("Audio", "Video", "Lighting", "Stage")
    assert all(slot.crew for slot in agenda.slots)
    by_id = {slot.id: slot for slot in agenda.slots}
    assert "lectern mic" in by_id["welcome"].crew_cue("Audio")
    assert "four chairs" in by_id["break"].crew_cue("Stage") and "house lights" in by_id["break"].crew_cue("Lighting")
    assert "handhelds" in by_id["policy-panel"].crew_cue("Audio")
    assert "camera" in by_id["policy-panel"].crew_cue("Video")
    assert "house lights" in by_id["reception"].crew_cue("Lighting")
