"""Name forms that several outlets give one person (issue 9, people round 4): a word of lineage or
honour before the given name ("Seyed", "Syed"), the Ukrainian h of a given name against the Russian g,
an Arabic name with or without its grandfathers and dynasty, a known person's given name shouted as
if it were the surname; and the people these must keep apart (brothers and their father)."""

from __future__ import annotations

import pytest

from kg.extract.gazetteer import load_gazetteer, without_dynasty, without_grandfathers
from kg.extract.names import group_names, same_person, split_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Seyed Abbas Araqchi", "Abbas Araghchi"),
        ("Syed Asim Munir", "Asim Munir"),
        ("Serhiy Kyslytsya", "Sergueï Kyslytsia"),
        ("Oleh Ivanenko", "Oleg Ivanenko"),
        ("Ihor Klymenko", "Igor Klimenko"),
        ("Heorhiy Tykhyi", "Gueorgui Tykhyi"),
        ("Hennadiy Moskal", "Guennadi Moskal"),
        ("Abderrahmane Saleh", "Abdulrahman Saleh"),  # the article of Abd assimilated to a sun letter
        ("Abdessalam Hamdi", "Abdul Salam Hamdi"),
        ("Abdennour Khelifa", "Abdel Nour Khelifa"),
        ("Ma. Teresita Daza", "Teresita Daza"),  # an abbreviated first given name one report leaves out
        ("Mohd Khaled Nordin", "Khaled Nordin"),
    ],
)
def test_report_forms_of_one_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammed ben Salmane", "Khalid ben Salmane"),  # brothers
        ("Hassan Nasser", "Ghassan Nasser"),  # h against gh stays apart
        ("Oleh Ivanenko", "Olha Ivanenko"),  # a man and a woman
        ("Ma. Teresita Daza", "Maria Daza"),  # the abbreviation is left out, not matched to another name
    ],
)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_an_honorific_alone_stays_the_given_name() -> None:
    assert split_name("Seyed Araqchi").given == ("Seyed",)
    assert split_name("Seyed Abbas Araqchi").given == ("Abbas",)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Khalid ben Salmane ben Abdelaziz", "Khalid ben Salmane"),
        ("Fayçal ben Farhane ben Abdallah Al Saoud", "Fayçal ben Farhane"),
        ("Tamim ben Hamad Al Thani", "Tamim ben Hamad"),
        ("Nasser ben Hamad ben Issa Al Khalifa", "Nasser ben Hamad"),
        ("Khalid ben Salmane", None),
        ("Ahmed Ben Bella", None),
        ("Salmane ben Abdelaziz", None),
    ],
)
def test_arabic_name_cut_to_own_and_father(name: str, short: str | None) -> None:
    assert without_dynasty(name) == short


def test_long_and_short_arabic_forms_are_one_person_but_brothers_and_father_three() -> None:
    known = load_gazetteer()
    names = ["Khalid ben Salmane", "Khalid ben Salmane ben Abdelaziz", "Mohammed ben Salmane",
             "Salmane ben Abdelaziz", "Saoud ben Abdulrahman ben Hassan Al Thani",
             "Saoud ben Abderrahmane Al Thani", "Abdellatif Al-Zayani", "Abdullatif bin Rashid Al Zayani"]
    groups = group_names(names, known.canonical)
    assert ["Khalid ben Salmane", "Khalid ben Salmane ben Abdelaziz"] in groups
    assert ["Saoud ben Abderrahmane Al Thani", "Saoud ben Abdulrahman ben Hassan Al Thani"] in groups
    assert ["Abdellatif Al-Zayani", "Abdullatif bin Rashid Al Zayani"] in groups  # an unknown's family name
    assert ["Mohammed ben Salmane"] in groups
    assert ["Salmane ben Abdelaziz"] in groups


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Khalid ben Salmane ben Abdelaziz", "Khalid ben Salmane"),
        ("Saoud ben Abdulrahman ben Hassan Al Thani", "Saoud ben Abdulrahman Al Thani"),
        ("Abdullatif bin Rashid Al Zayani", None),
        ("Khalid ben Salmane", None),
    ],
)
def test_arabic_name_without_grandfathers(name: str, short: str | None) -> None:
    assert without_grandfathers(name) == short


def test_a_shouted_given_name_of_a_known_person() -> None:
    known = load_gazetteer()
    assert known.canonical("SJAFRIE Sjamsoeddin") == known.canonical("Sjafrie Sjamsoeddin")
    assert known.identify("DUPONT Sjamsoeddin") is None


@pytest.mark.parametrize("name", ["Ishiba Shigeru", "ISHIBA Shigeru", "Shigeru Ishiba"])
def test_a_known_name_written_family_first(name: str) -> None:
    person = load_gazetteer().identify(name)
    assert person is not None and person.name == "Shigeru Ishiba"


def test_an_unknown_name_is_not_read_the_other_way_round() -> None:
    assert load_gazetteer().identify("Dupont Paul") is None
