"""Saving a plan edit into the agenda file: comments and layout kept, the plan loads back the same."""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
import stat
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runofshow.core.agenda import Agenda, Person, Slot, SlotKind
from runofshow.io.agenda_save import AgendaSaveError, render_agenda, save_agenda
from runofshow.io.agenda_yaml import load_agenda, parse_agenda
from runofshow.paths import bundled_agenda

DATA = Path(__file__).parent.parent / "data" / "save"


def _load(text: str) -> Agenda:
    result = parse_agenda(text)
    assert result.agenda is not None, [str(p) for p in result.errors]
    return result.agenda


def _at(agenda: Agenda, hhmm: str) -> datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return datetime.combine(agenda.event.date, datetime.min.time(), agenda.event.tz).replace(hour=hours,
                                                                                                 minute=minutes)


def _golden_edits(agenda: Agenda) -> Agenda:
    """A title changed, a length changed, a guest inserted, a slot deleted, a slot moved."""
    by_id = {slot.id: slot for slot in agenda.slots}
    welcome = by_id["welcome"]
    guest = Slot(id="guest", title="Surprise guest", kind=SlotKind.TALK, start=_at(agenda, "09:45"),
                 end=_at(agenda, "09:50"), speakers=(Person("Kari Nordmann", "Mayor", "Oslo"),))
    keynote = dataclasses.replace(by_id["keynote"], title="Keynote: what changed, and why", start=_at(agenda, "09:50"))
    panel = dataclasses.replace(by_id["panel"], start=_at(agenda, "10:30"), end=_at(agenda, "11:20"))
    coffee = dataclasses.replace(by_id["coffee"], start=_at(agenda, "11:20"), end=_at(agenda, "11:35"))
    return dataclasses.replace(agenda, slots=(welcome, guest, keynote, panel, coffee))


def test_golden_file_keeps_every_comment_and_the_layout(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_bytes((DATA / "commented.yaml").read_bytes())
    new = _golden_edits(_load(path.read_text(encoding="utf-8")))
    save_agenda(path, new)
    assert path.read_bytes() == (DATA / "commented.expected.yaml").read_bytes()
    loaded = load_agenda(path)
    assert loaded.agenda == new


def test_nothing_changed_writes_the_file_back_byte_for_byte() -> None:
    for source in (DATA / "commented.yaml", bundled_agenda()):
        text = source.read_text(encoding="utf-8")
        assert render_agenda(text, _load(text)) == text


def test_a_title_edit_on_a_slot_without_id_keeps_its_id() -> None:
    text = ("event: {title: T, date: 2024-05-02, timezone: UTC}\n"
            "slots:\n- start: 10:00\n  duration: 10m\n  title: Break\n"
            "- start: 10:10\n  duration: 10m\n  title: Break\n")
    agenda = _load(text)
    assert [s.id for s in agenda.slots] == ["break", "break-2"]
    renamed = dataclasses.replace(agenda, slots=(dataclasses.replace(agenda.slots[0], title="Coffee"),
                                                 agenda.slots[1]))
    written = render_agenda(text, renamed)
    assert _load(written) == renamed
    assert "id: break\n" in written and "id: break-2" not in written  # only the id that would change


def test_a_slot_after_midnight_and_a_second_day_are_written_as_the_loader_reads_them() -> None:
    text = ("event: {title: T, date: 2024-05-02, timezone: Europe/Oslo}\n"
            "slots:\n  - {id: a, start: 22:00, end: 23:00, title: A}\n"
            "  - {id: b, start: 23:00, duration: 30m, title: B}\n")
    agenda = _load(text)
    a, b = agenda.slots
    late = dataclasses.replace(a, end=a.end + timedelta(hours=1, minutes=30))  # 00:30 the next day
    b2 = dataclasses.replace(b, start=late.end, end=late.end + timedelta(minutes=30))
    day_two = Slot(id="c", title="Day two", kind=SlotKind.TALK, start=a.start + timedelta(days=1, hours=11),
                   end=a.start + timedelta(days=1, hours=12))  # 09:00 two days on: needs its date
    new = dataclasses.replace(agenda, slots=(late, b2, day_two))
    written = render_agenda(text, new)
    assert "end: 00:30 +1d" in written
    assert "date: 2024-05-04" in written
    assert _load(written) == new


def test_hard_and_skip_are_written_and_removed() -> None:
    text = (DATA / "commented.yaml").read_text(encoding="utf-8")
    agenda = _load(text)
    marked = dataclasses.replace(agenda, slots=tuple(
        dataclasses.replace(s, hard=s.id == "panel", skipped=s.id == "doors") for s in agenda.slots))
    written = render_agenda(text, marked)
    assert "hard: true" in written and "skip: true" in written
    assert _load(written) == marked
    assert render_agenda(written, agenda) == text


def test_a_file_that_does_not_load_is_refused_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_text("event: [broken\n", encoding="utf-8")
    agenda = _load((DATA / "commented.yaml").read_text(encoding="utf-8"))
    with pytest.raises(AgendaSaveError):
        save_agenda(path, agenda)
    assert path.read_text(encoding="utf-8") == "event: [broken\n"


def test_the_save_is_atomic_and_keeps_the_permissions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "agenda.yaml"
    original = (DATA / "commented.yaml").read_bytes()
    path.write_bytes(original)
    path.chmod(0o640)
    new = _golden_edits(_load(original.decode()))

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        save_agenda(path, new)
    assert path.read_bytes() == original  # the old file whole
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.yaml"]  # no temporary file left behind
    monkeypatch.undo()
    save_agenda(path, new)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- random edits: whatever the plan becomes, the file loads back as exactly that plan -------------------

_TITLES = st.text(alphabet=st.sampled_from("abcXYZ :'\"-,&é"), min_size=1, max_size=20).filter(
    lambda t: t.strip() == t and t != "" and not t.startswith(("#", "-", "'", '"', ":")))
_EDIT = st.one_of(
    st.tuples(st.just("title"), st.integers(0, 50), _TITLES),
    st.tuples(st.just("duration"), st.integers(0, 50), st.integers(1, 6 * 60)),
    st.tuples(st.just("insert"), st.integers(0, 50), _TITLES),
    st.tuples(st.just("delete"), st.integers(0, 50), st.none()),
    st.tuples(st.just("move"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("gap"), st.integers(0, 50), st.integers(0, 120)),
    st.tuples(st.just("flags"), st.integers(0, 50), st.tuples(st.booleans(), st.booleans())),
    st.tuples(st.just("people"), st.integers(0, 50), st.lists(_TITLES, max_size=3)),
    st.tuples(st.just("crew"), st.integers(0, 50), st.dictionaries(
        st.sampled_from(("Audio", "Video", "Lighting", "Stage")),
        # (no " #": the test's comment count would take the quoted text for a comment)
        st.text(alphabet=st.sampled_from("abcXYZ :'\"-,&é#0123456789[]{}"), max_size=30).filter(
            lambda t: t.strip() == t and " #" not in t),
        max_size=4)),
)
_CREW_COLUMNS = ("Audio", "Video", "Lighting", "Stage")  # a file without columns gets these with its first cue


def _apply(agenda: Agenda, edits: list[tuple[str, int, object]]) -> Agenda:
    """Random edits, then the slots laid out one after the other (gaps kept), as a valid plan must be."""
    slots = list(agenda.slots)
    gaps = {s.id: 0 for s in slots}
    for number, (kind, at, value) in enumerate(edits):
        i = at % len(slots)
        if kind == "title":
            slots[i] = dataclasses.replace(slots[i], title=str(value))
        elif kind == "duration":
            length = int(value) * 60  # type: ignore[call-overload]
            # As the plan commands do it, the cues that no longer fit go (a valid plan has no cues past its end).
            fitting = [total for total in itertools.accumulate(c.duration for c in slots[i].cues) if total <= length]
            slots[i] = dataclasses.replace(slots[i], end=slots[i].start + timedelta(seconds=length),
                                           cues=slots[i].cues[:len(fitting)])
        elif kind == "insert":
            new = Slot(id=f"new-{number}", title=str(value), kind=SlotKind.TALK, start=slots[i].end,
                       end=slots[i].end + timedelta(minutes=10))
            slots.insert(i + 1, new)
        elif kind == "delete" and len(slots) > 1:
            del slots[i]
        elif kind == "move":
            slots.insert(int(value) % len(slots), slots.pop(i))  # type: ignore[call-overload]
        elif kind == "gap":
            gaps[slots[i].id] = int(value)  # type: ignore[call-overload]
        elif kind == "flags":
            hard, skipped = value  # type: ignore[misc]
            slots[i] = dataclasses.replace(slots[i], hard=hard, skipped=skipped)
        elif kind == "people":
            slots[i] = dataclasses.replace(slots[i], speakers=tuple(
                p for p in (Person.from_line(str(line)) for line in value) if p))  # type: ignore[attr-defined]
        elif kind == "crew":
            agenda = agenda if agenda.columns else dataclasses.replace(agenda, columns=_CREW_COLUMNS)
            cues: dict[str, str] = value  # type: ignore[assignment]
            slots[i] = dataclasses.replace(slots[i], crew=tuple((c, cues[c]) for c in agenda.columns if cues.get(c)))
    laid: list[Slot] = []
    start = agenda.slots[0].start
    for slot in slots:
        start = start + timedelta(minutes=gaps.get(slot.id, 0))
        laid.append(dataclasses.replace(slot, start=start, end=start + timedelta(seconds=slot.duration)))
        start = laid[-1].end
    return dataclasses.replace(agenda, slots=tuple(laid))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(_EDIT, min_size=1, max_size=8), source=st.sampled_from(["commented", "bundled"]))
def test_random_edits_load_back_as_the_saved_plan(edits: list[tuple[str, int, object]], source: str) -> None:
    path = DATA / "commented.yaml" if source == "commented" else bundled_agenda()
    text = path.read_text(encoding="utf-8")
    agenda = _load(text)
    new = _apply(agenda, edits)
    written = render_agenda(text, new, str(path))
    result = parse_agenda(written, str(path))
    assert result.agenda == new, [str(p) for p in result.errors]
    kept, before = _comments(written), _comments(text)
    assert not kept - before  # no comment doubled or made up
    if len(new.slots) == len({s.id for s in new.slots} | {s.id for s in agenda.slots}):
        assert kept == before  # no slot deleted: every comment kept (a deleted slot takes its own along)
    # Saving the same plan again changes nothing more (but a blank line ruamel does not read back).
    again = render_agenda(written, new, str(path))
    assert _lines(again) == _lines(written)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _comments(text: str) -> Counter[str]:
    return Counter(match.group(1).strip() for line in text.splitlines() if (match := _COMMENT.search(line)))


_COMMENT = re.compile(r"(?:^|\s)(#.*)$")


def test_adding_a_speaker_keeps_the_others_as_they_were_written() -> None:
    text = bundled_agenda().read_text(encoding="utf-8")
    agenda = _load(text)
    slots = tuple(dataclasses.replace(s, speakers=(*s.speakers, Person("Jo Berg", "Chair")))
                  if s.id == "status-norway" else s for s in agenda.slots)
    new = dataclasses.replace(agenda, slots=slots)
    written = render_agenda(text, new)
    assert written == text.replace("        organisation: LUP\n    crew:\n      Audio: lectern mic\n",
                                   "        organisation: LUP\n      - Jo Berg, Chair,\n    crew:\n"
                                   "      Audio: lectern mic\n")
    assert _load(written) == new


def test_cutting_the_panel_and_undoing_it_gives_back_the_file_as_it_was_written() -> None:
    # The panel cut to 20 minutes drops its last cue; undone, the cue list must come back in its block
    # layout, not rewritten one cue a line in flow style.
    text = bundled_agenda().read_text(encoding="utf-8")
    agenda = _load(text)
    panel = next(slot for slot in agenda.slots if slot.id == "policy-panel")
    # As the plan commands cut it: the cues that no longer fit are shortened (Q&A to 1 minute) or dropped.
    cues = (*panel.cues[:-2], dataclasses.replace(panel.cues[-2], duration=60))
    cut = dataclasses.replace(panel, end=panel.start + timedelta(minutes=20), cues=cues)
    shorter = dataclasses.replace(agenda, slots=tuple(cut if s.id == panel.id else s for s in agenda.slots))
    written = render_agenda(text, shorter)
    assert "      - title: Introduction by the moderator\n        duration: 3m\n" in written
    assert "Wrap-up by the moderator" not in written
    assert render_agenda(written, agenda) == text


def test_a_hard_start_taken_off_keeps_the_comment_on_its_line() -> None:
    text = bundled_agenda().read_text(encoding="utf-8")
    agenda = _load(text)
    soft = dataclasses.replace(agenda, slots=tuple(dataclasses.replace(s, hard=False) for s in agenda.slots))
    written = render_agenda(text, soft)
    assert re.search(r"\n    hard: false +# the return from the break", written), written
    assert _load(written) == soft
    assert render_agenda(written, agenda) == text


# -- the crew's cues ------------------------------------------------------------------------------------------

CREW_TEXT = """\
columns: [Audio, Video, Lighting, Stage]   # the departments on the crew's rundown
event: {title: T, date: 2024-05-02, timezone: Europe/Oslo}

slots:
  - id: welcome
    start: 10:00
    end: 10:15
    title: Welcome
    crew:
      Audio: lectern mic live   # the grey one, not the spare
      # the director wants the wide shot first
      Video: camera 1 wide
    notes: Doors close at 09:58

  - id: panel
    start: 10:15
    end: 11:00
    title: Panel
    crew: {Stage: four chairs}  # flow, on purpose

  - id: coffee
    start: 11:00
    end: 11:20
    title: Coffee
    crew:
      Lighting: house lights up
# the end
"""


def _with_crew(agenda: Agenda, **crew: tuple[tuple[str, str], ...]) -> Agenda:
    return dataclasses.replace(agenda, slots=tuple(dataclasses.replace(s, crew=crew[s.id]) if s.id in crew else s
                                                   for s in agenda.slots))


def test_a_crew_cue_changed_added_and_removed_keeps_the_comments_and_the_layout() -> None:
    agenda = _load(CREW_TEXT)
    assert agenda.slots[0].crew == (("Audio", "lectern mic live"), ("Video", "camera 1 wide"))
    new = _with_crew(agenda, welcome=(("Audio", "lectern mic and handheld 2"), ("Video", "camera 1 wide"),
                                      ("Stage", "lectern centre")),
                     panel=(("Audio", "handhelds 3-5"), ("Stage", "four chairs")))
    written = render_agenda(CREW_TEXT, new)
    assert _load(written) == new
    assert written == CREW_TEXT.replace(
        "      Audio: lectern mic live   #", "      Audio: lectern mic and handheld 2   #").replace(
        "      Video: camera 1 wide\n", "      Video: camera 1 wide\n      Stage: lectern centre\n").replace(
        "crew: {Stage: four chairs}  #", "crew: {Audio: handhelds 3-5, Stage: four chairs}  #")
    assert render_agenda(written, agenda) == CREW_TEXT  # undone: the file as it was written


def test_a_slots_crew_cues_cleared_take_the_crew_key_away_and_a_new_slot_gets_block_style_cues() -> None:
    agenda = _load(CREW_TEXT)
    cleared = _with_crew(agenda, coffee=())
    written = render_agenda(CREW_TEXT, cleared)
    assert "house lights" not in written and written.count("crew:") == 2
    assert written.endswith("    title: Coffee\n# the end\n")
    assert _load(written) == cleared
    coffee = agenda.slots[-1]
    guest = Slot(id="guest", title="Guest", kind=SlotKind.TALK, start=coffee.end,
                 end=coffee.end + timedelta(minutes=5),
                 crew=(("Audio", "handheld 1"), ("Video", "yes"), ("Stage", "4")))
    added = dataclasses.replace(agenda, slots=(*agenda.slots, guest))
    written = render_agenda(CREW_TEXT, added)
    assert "    crew:\n      Audio: handheld 1\n      Video: yes\n      Stage: '4'\n" in written
    assert _load(written) == added


def test_crew_columns_given_to_a_file_without_them_are_written_at_the_top() -> None:
    text = (DATA / "commented.yaml").read_text(encoding="utf-8")
    agenda = _load(text)
    crewed = _with_crew(dataclasses.replace(agenda, columns=("Audio", "Video")), welcome=(("Audio", "lectern mic"),))
    written = render_agenda(text, crewed)
    assert _load(written) == crewed
    assert "columns: [Audio, Video]\n" in written
    assert render_agenda(written, agenda) == text
