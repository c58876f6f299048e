"""The bundled agenda is the seed programme, complete and exact."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from runofshow.core.agenda import Agenda, SlotKind
from runofshow.io.agenda_yaml import load_agenda
from runofshow.paths import bundled_agenda

SEED = Path(__file__).parent.parent / "data" / "programme.txt"
LINE = re.compile(r"^(\d\d:\d\d) - (\d\d:\d\d)\t(.+)$")


def bundled() -> Agenda:
    result = load_agenda(bundled_agenda())
    assert result.problems == ()
    assert result.agenda is not None
    return result.agenda


def seed_programme() -> list[tuple[str, str, str]]:
    rows = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line)
        if match:
            rows.append((match[1], match[2], match[3]))
    return rows


def test_the_event_matches_the_seed() -> None:
    event = bundled().event
    seed = SEED.read_text(encoding="utf-8")
    assert event.title == "Strategic Public Procurement to drive European Resilience, Innovation and Growth"
    assert event.title in seed
    assert event.date == date(2023, 11, 30)
    assert event.timezone == "Europe/Brussels"
    assert (event.venue.name, event.venue.address) == ("Norway House", "Rue Archimède 17, 1000 Brussels")
    for paragraph in event.description.split("\n\n"):
        assert paragraph.strip() in seed
    assert len(event.topics) == 3
    for topic in event.topics:
        assert f"- {topic}" in seed


def test_every_slot_of_the_seed_is_there_with_its_times_in_order() -> None:
    agenda, rows = bundled(), seed_programme()
    assert len(rows) == 10
    assert [(f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in agenda.slots] == [(a, b) for a, b, _ in rows]
    for slot, (_, _, text) in zip(agenda.slots, rows, strict=True):
        assert text.startswith(slot.title) or text.replace("Moderated", "").startswith(slot.title), slot.title


def test_every_speaker_of_the_seed_is_there_with_role_and_organisation_as_written() -> None:
    agenda, rows = bundled(), seed_programme()
    for slot, (_, _, text) in zip(agenda.slots, rows, strict=True):
        for person in slot.people:
            assert person.name in text, (person.name, slot.id)
            # Role and organisation are copied from the seed line, in its words.
            for part in (person.role, person.organisation):
                assert part in text, (part, slot.id)
        # Every "-Name" in the seed line belongs to someone on the slot.
        names = re.findall(r"-\s?([A-ZÅØÆ][\w.\- ]+?)(?:,| CDO| CEO|$)", text.split("Panellists:")[-1])
        for name in names:
            assert any(p.name == name.strip() for p in slot.people), (name, slot.id)


def test_the_kinds_and_the_panel_are_right() -> None:
    agenda = bundled()
    kinds = {s.id: s.kind for s in agenda.slots}
    assert kinds["break"] is SlotKind.BREAK
    assert kinds["reception"] is SlotKind.RECEPTION
    assert kinds["welcome"] is SlotKind.REMARKS and kinds["closing"] is SlotKind.REMARKS
    panel = agenda.slots[agenda.index_of("policy-panel")]  # type: ignore[index]
    assert panel.kind is SlotKind.PANEL
    assert panel.moderator is not None and panel.moderator.name == "Ingebjørg Harto"
    assert [(p.name, p.organisation) for p in panel.panellists] == [
        ("András G. Inotai", "EC"), ("Ståle Moe", "Tellu AS"), ("Massimo Busuoli", "NTNU"), ("Anne Romsaas", "KS"),
    ]
    assert sum(c.duration for c in panel.cues) == panel.duration


def test_the_stray_word_after_the_programme_is_not_part_of_it() -> None:
    agenda = bundled()
    assert all("Davistanta" not in s.title for s in agenda.slots)
    assert agenda.slots[-1].title == "Drinks Reception"
