"""One rule for a person written on one line: `Name`, `Name, organisation`, `Name, role, organisation`."""

from __future__ import annotations

import pytest

from runofshow.core.agenda import Person
from runofshow.core.show import ShowEngine
from runofshow.io.agenda_yaml import load_agenda, parse_agenda
from runofshow.paths import bundled_agenda
from runofshow.remote.snapshot_json import state_to_json
from runofshow.ui.projector_view import projector_scene
from tests.core.helpers import at

EVENT = """event:
  title: Test show
  date: 2023-11-30
  timezone: Europe/Brussels
slots:
"""


@pytest.mark.parametrize(("line", "person"), [
    ("Jo", Person("Jo")),
    ("  Jo  ", Person("Jo")),
    ("Ståle Moe, Tellu AS", Person("Ståle Moe", organisation="Tellu AS")),
    ("Ingebjørg Harto, Programme Director, LUP", Person("Ingebjørg Harto", "Programme Director", "LUP")),
    ("András G. Inotai, Head of Unit, Innovation Policy, European Commission",
     Person("András G. Inotai", "Head of Unit, Innovation Policy", "European Commission")),
    ("Jo, , LUP", Person("Jo", organisation="LUP")),
    ("Jo, Chair,", Person("Jo", role="Chair")),
    ("Jo,", Person("Jo")),
])
def test_one_line_reads_name_role_and_organisation(line: str, person: Person) -> None:
    assert Person.from_line(line) == person


def test_a_line_without_a_name_is_no_person() -> None:
    assert Person.from_line(" , Tellu AS") is None
    assert Person.from_line("") is None


def test_the_line_reads_back_as_written() -> None:
    for line in ("Jo", "Ståle Moe, Tellu AS", "Ingebjørg Harto, Programme Director, LUP"):
        person = Person.from_line(line)
        assert person is not None and person.label() == line


def load_slot(slot: str):  # type: ignore[no-untyped-def]
    result = parse_agenda(EVENT + slot, "t.yaml")
    assert result.agenda is not None, [str(p) for p in result.problems]
    return result.agenda.slots[0]


def test_every_place_a_person_is_written_follows_the_rule() -> None:
    slot = load_slot("""  - title: Panel
    start: 10:00
    end: 10:30
    speakers:
      - Ann-Helen Moum, CDO, Kristiansand municipality
      - Riche Vestby, LUP
    moderator: Ingebjørg Harto, LUP
    panellists: ["Ståle Moe, Tellu AS", Anne Romsaas]
    cues:
      - {title: Opening, duration: 5m, speaker: "Ståle Moe, Tellu AS"}
""")
    assert slot.speakers == (Person("Ann-Helen Moum", "CDO", "Kristiansand municipality"),
                             Person("Riche Vestby", organisation="LUP"))
    assert slot.moderator == Person("Ingebjørg Harto", organisation="LUP")
    assert slot.panellists == (Person("Ståle Moe", organisation="Tellu AS"), Person("Anne Romsaas"))
    assert slot.cues[0].speaker == Person("Ståle Moe", organisation="Tellu AS")


def test_a_mapping_is_read_field_by_field_commas_and_all() -> None:
    slot = load_slot("""  - title: Talk
    start: 10:00
    end: 10:30
    speakers:
      - name: András G. Inotai
        role: Head of Unit, Innovation Policy and Access to Finance
        organisation: DG Research&Innovation, European Commission
      - {name: Jo, role: Chair}
""")
    assert slot.speakers == (
        Person("András G. Inotai", "Head of Unit, Innovation Policy and Access to Finance",
               "DG Research&Innovation, European Commission"),
        Person("Jo", "Chair"),
    )


def bundled_slots():  # type: ignore[no-untyped-def]
    result = load_agenda(bundled_agenda())
    assert result.problems == () and result.agenda is not None
    return {slot.id: slot for slot in result.agenda.slots}


def test_the_bundled_cue_speakers_have_organisations() -> None:
    cues = bundled_slots()["policy-panel"].cues
    speakers = [cue.speaker for cue in cues if cue.speaker is not None]
    assert Person("Ståle Moe", organisation="Tellu AS") in speakers
    assert all(not p.role and p.organisation for p in speakers)
    # The cue speaker is the same person as the panellist written as a mapping.
    panellists = bundled_slots()["policy-panel"].panellists
    assert set(speakers) <= set(panellists) | {Person("Ingebjørg Harto", organisation="LUP")}


def test_the_bundled_people_written_as_mappings_are_unchanged() -> None:
    slots = bundled_slots()
    assert slots["status-norway"].speakers == (Person("Ingebjørg Harto", "Programme Director", "LUP"),)
    assert slots["ec-objectives"].speakers == (
        Person("András G. Inotai", "Head of Unit, Innovation Policy and Access to Finance",
               "DG Research&Innovation, European Commission"),)
    assert slots["belgian-presidency"].speakers == (
        Person("Veerle Lories", "", "Government of Flanders, Department Economy, Science and Innovation"),)
    assert slots["whitepaper"].speakers == (Person("Riche Vestby", "Lead health care", "LUP"),)
    assert slots["agder"].speakers == (Person("Ann-Helen Moum", "CDO", "Kristiansand municipality"),
                                       Person("Ståle Moe", "CEO", "Tellu AS"))
    assert slots["policy-panel"].moderator == Person("Ingebjørg Harto", "", "LUP")
    assert [(p.name, p.organisation) for p in slots["policy-panel"].panellists] == [
        ("András G. Inotai", "EC"), ("Ståle Moe", "Tellu AS"), ("Massimo Busuoli", "NTNU"), ("Anne Romsaas", "KS")]
    assert slots["closing"].speakers == (Person("Ingebjørg Harto"),)


def test_the_api_and_the_projector_show_the_cue_speakers_organisation() -> None:
    result = load_agenda(bundled_agenda())
    assert result.agenda is not None
    engine = ShowEngine(result.agenda)
    assert engine.execute("goto", at(15, 40), {"slot": "policy-panel"}).accepted
    state = engine.state(at(15, 48))  # 3m introduction, 4m Inotai, then Moe
    assert state.cue is not None and state.cue.cue.speaker is not None
    assert state.cue.cue.speaker.name == "Ståle Moe"
    speaker = state_to_json(state)["cue"]["speaker"]
    assert speaker == {"name": "Ståle Moe", "role": "", "organisation": "Tellu AS", "label": "Ståle Moe, Tellu AS"}
    texts = [item.text for item in projector_scene(state).texts]
    assert "Tellu AS" in "\n".join(texts)
