"""How the importer reads a person printed in a programme: the name, then the role and the organisation."""

from __future__ import annotations

import pytest

from runofshow.core.agenda import Person
from runofshow.io.import_people import looks_like_name, read_people, read_person, split_affiliation


@pytest.mark.parametrize(
    ("parts", "role", "organisation"),
    [
        # The seed programme, as the bundled agenda.yaml writes each of them.
        (["Head of Unit", "Innovation Policy and Access to Finance", "DG Research&Innovation", "European Commission"],
         "Head of Unit, Innovation Policy and Access to Finance", "DG Research&Innovation, European Commission"),
        (["Government of Flanders", "Department Economy", "Science and Innovation"],
         "", "Government of Flanders, Department Economy, Science and Innovation"),
        (["CDO Kristiansand municipality"], "CDO", "Kristiansand municipality"),
        (["CEO Tellu AS"], "CEO", "Tellu AS"),
        (["Programme Director", "LUP"], "Programme Director", "LUP"),
        (["Lead health care", "LUP"], "Lead health care", "LUP"),
        (["Norwegian ambassador to the EU"], "", "Norwegian ambassador to the EU"),
        (["LUP"], "", "LUP"),
        (["Tellu AS"], "", "Tellu AS"),
        # Other programmes.
        (["Deputy Mayor for Climate", "City of Copenhagen"], "Deputy Mayor for Climate", "City of Copenhagen"),
        (["CTO Fjernvarme Fyn"], "CTO", "Fjernvarme Fyn"),
        (["Senior Policy Officer"], "Senior Policy Officer", ""),
        (["Director at Acme"], "Director", "Acme"),
        (["Minister of Economy"], "Minister of Economy", ""),
        (["Bourgmestre de Bruxelles"], "Bourgmestre de Bruxelles", ""),
        # A role `of` something keeps its words: the projector shows them as printed.
        (["Minister of Health and Care Services"], "Minister of Health and Care Services", ""),
        (["Mayor of Oslo"], "Mayor of Oslo", ""),
        (["CEO"], "CEO", ""),
        (["SVP Digital", "Alliant Credit Union"], "SVP Digital", "Alliant Credit Union"),
        (["Tellu AS", "CEO"], "CEO", "Tellu AS"),
        (["Director-General", "Federal Public Service Health"], "Director-General", "Federal Public Service Health"),
        # Where the words do not decide: the agenda format's rule (the last part is the organisation).
        (["Data Steward", "TU Delft"], "Data Steward", "TU Delft"),
        (["Head of Unit", "Policy", "Acme"], "Head of Unit, Policy", "Acme"),
        (["Le Soir"], "", "Le Soir"),
        ([], "", ""),
    ],
)
def test_the_parts_after_a_name_split_into_role_and_organisation(parts: list[str], role: str,
                                                                  organisation: str) -> None:
    assert split_affiliation(parts) == (role, organisation)


@pytest.mark.parametrize(
    "text",
    ["Anders H. Eide", "Ingebjørg Harto", "Ann-Helen Moum", "András G. Inotai", "Kevin O'Brien",
     "Prof. Lars Eriksson", "Ludwig van Beethoven", "J.-P. Dupont", "Jean DUPONT"],
)
def test_names_are_recognised(text: str) -> None:
    assert looks_like_name(text)


@pytest.mark.parametrize(
    "text",
    ["Davistanta", "Tellu AS", "Kristiansand municipality", "Government of Flanders", "Scaling Up the Solutions",
     "The Future of Work", "Senior Adviser", "Technology Policy", "Les Petits Riens", "EC DG", "Welcome remarks",
     "health care", "Photo: Municipality press office"],
)
def test_titles_roles_and_organisations_are_not_names(text: str) -> None:
    assert not looks_like_name(text)


def test_a_hyphen_inside_a_name_is_not_a_list_dash() -> None:
    assert read_people("Ann-Helen Moum, CDO Kristiansand municipality -Ståle Moe, CEO Tellu AS") == [
        Person("Ann-Helen Moum", "CDO", "Kristiansand municipality"), Person("Ståle Moe", "CEO", "Tellu AS")]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Anders H. Eide, Norwegian ambassador to the EU",
         Person("Anders H. Eide", "", "Norwegian ambassador to the EU")),
        ("Jane Doe (Acme AS)", Person("Jane Doe", "", "Acme AS")),
        ("Jane Doe (CEO, Acme AS)", Person("Jane Doe", "CEO", "Acme AS")),
        ("Jean Dupont – SPF Economie", Person("Jean Dupont", "", "SPF Economie")),
        ("Ingebjørg Harto", Person("Ingebjørg Harto")),
        ("Ingebjørg Harto, LUP,", Person("Ingebjørg Harto", "", "LUP")),
    ],
)
def test_one_person_in_the_ways_programmes_print_one(text: str, person: Person) -> None:
    assert read_person(text) == person


def test_a_line_that_does_not_start_with_a_name_is_no_person() -> None:
    assert read_person("Room 2 is reserved for press interviews") is None
    assert read_person("Davistanta") is None


def test_by_a_role_and_b_role_is_two_people() -> None:
    text = ("Jennifer Park, Chief Digital Officer, State of Maryland, and David Chen, Senior Fellow, "
            "Brookings Institution")
    assert read_people(text) == [Person("Jennifer Park", "Chief Digital Officer", "State of Maryland"),
                                 Person("David Chen", "Senior Fellow", "Brookings Institution")]


def test_an_and_inside_a_role_does_not_split_it() -> None:
    assert read_people("Ann Smith, Head of Research and Development, Acme AS") == [
        Person("Ann Smith", "Head of Research and Development", "Acme AS")]


def test_a_list_of_names_splits_at_its_commas_only_when_announced_as_a_list() -> None:
    assert read_people("Jane Doe, John Roe and Ann Poe", names_list=True) == [
        Person("Jane Doe"), Person("John Roe"), Person("Ann Poe")]
    # A line of its own: a person and an organisation that looks like a name.
    assert read_people("Marie Claes, Les Petits Riens") == [Person("Marie Claes", "", "Les Petits Riens")]
    assert read_people("Ana Sousa, CorPower Ocean; Luc Verbeke, EIB", names_list=True) == [
        Person("Ana Sousa", "", "CorPower Ocean"), Person("Luc Verbeke", "", "EIB")]


def test_dash_and_bullet_lists_of_people() -> None:
    assert read_people(" -András G. Inotai, EC -Ståle Moe, Tellu AS • Anne Romsaas, KS") == [
        Person("András G. Inotai", "", "EC"), Person("Ståle Moe", "", "Tellu AS"), Person("Anne Romsaas", "", "KS")]


def test_a_list_with_something_that_is_no_person_is_not_taken_at_all() -> None:
    assert read_people("Jane Doe, Acme; tickets at the door") is None
