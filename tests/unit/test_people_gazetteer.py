"""The gazetteer's breadth and hygiene (kg/lexicons/people.json): the countries of defence news beyond the
main powers are covered, every word list is deduplicated as the matcher compares words, and a known
surname that is also a common word, a place or a given name is marked ambiguous (issue 9)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.extract.gazetteer import load_gazetteer
from kg.extract.names import fold, same_person, split_name
from kg.resources import lexicon_path


def _data() -> dict:
    return json.loads(lexicon_path("people").read_text(encoding="utf-8"))


#: Countries and organisations of defence and diplomatic news beyond the main powers (whose coverage
#: tests/unit/test_people.py checks), with the fewest known people each must have.
BROADER = {"IT": 8, "ES": 8, "NL": 5, "BE": 5, "SE": 5, "FI": 5, "NO": 3, "DK": 3, "EE": 3, "LV": 3, "LT": 3,
           "CA": 8, "AU": 8, "SA": 4, "AE": 3, "QA": 2, "EG": 3, "IQ": 3, "LB": 3, "ID": 5, "PH": 4, "ZA": 3,
           "NG": 4, "DZ": 3, "BR": 4, "AR": 4, "MX": 3, "VE": 3, "EU": 8, "IAEA": 2}


@pytest.mark.parametrize(("country", "least"), sorted(BROADER.items()))
def test_gazetteer_covers_the_wider_field(country: str, least: int) -> None:
    assert sum(p.country == country for p in load_gazetteer().people) >= least


@pytest.mark.parametrize("key", ["ambiguous_surnames"])
def test_top_level_word_lists_are_deduplicated(key: str) -> None:
    words = [fold(w) for w in _data()[key]]
    assert len(words) == len(set(words))


@pytest.mark.parametrize("key", ["lead_words", "government_words", "portfolio_words", "named_after_words",
                                 "organisation_words"])
def test_not_names_lists_are_deduplicated(key: str) -> None:
    words = [fold(w) for w in _data()["not_names"][key]]
    assert words and len(words) == len(set(words))


def test_apposition_roles_are_deduplicated_lower_case_nouns() -> None:
    words = _data()["apposition_roles"]["words"]
    assert words and len({fold(w) for w in words}) == len(words)
    assert all(w == w.lower() for w in words)  # the rule matches them in lower case only


def test_no_form_is_listed_twice_across_entries() -> None:
    owner: dict[str, str] = {}
    for entry in _data()["people"]:
        for form in (entry["name"], *entry["forms"]):
            assert owner.setdefault(fold(form), entry["name"]) == entry["name"], form


@pytest.mark.parametrize("word", ["Mille", "Bonne", "Champagne", "Cassis", "Marin", "Golan", "Montenegro", "Breton",
                                  "Conte", "Chrétien", "Jonathan", "Petro", "Pavel", "George", "Traoré"])
def test_surnames_that_are_common_words_places_or_given_names_are_ambiguous(word: str) -> None:
    known = load_gazetteer()
    assert known.knows_surname(word) and known.is_ambiguous(word)


@pytest.mark.parametrize(("french", "english"), [
    ("Fayçal ben Farhane", "Faisal bin Farhan"),
    ("Badr al-Boussaïdi", "Badr Albusaidi"),
    ("Salmane ben Abdelaziz", "Salman bin Abdulaziz"),
    ("Hemedti", "Mohamed Hamdan Dagalo"),
    ("Jokowi", "Joko Widodo"),
    ("Lula", "Luiz Inácio Lula da Silva"),
])
def test_known_spellings_the_rules_keep_apart(french: str, english: str) -> None:
    known = load_gazetteer()
    assert known.identify(french) is not None and known.identify(french) is known.identify(english)


@pytest.mark.parametrize(("name", "surname"), [
    ("Ma Ying-jeou", "Ma"), ("Song Young-moo", "Song"), ("Bui Thanh Son", "Bui"), ("Wi Sung-lac", "Wi"),
])
def test_more_east_asian_family_names_come_first(name: str, surname: str) -> None:
    assert split_name(name).surname == surname


def test_jd_vance_and_a_namesake_with_the_same_initial_would_merge() -> None:
    """Why the Canadian general Jonathan Vance is not listed: his name fits 'J. D. Vance'."""
    assert same_person("Jonathan Vance", "J. D. Vance")
    assert load_gazetteer().identify("Jonathan Vance").name == "JD Vance"


@pytest.mark.parametrize(("short", "full"), [
    ("Mike Pompeo", "Michael Pompeo"), ("Bob Gates", "Robert Gates"), ("Dick Cheney", "Richard Cheney"),
    ("Bill Burns", "William Burns"), ("Tony Blinken", "Antony Blinken"),
])
def test_usual_short_forms_of_english_given_names_match(short: str, full: str) -> None:
    assert same_person(short, full)


@pytest.mark.parametrize(("a", "b"), [("Mike Milley", "Mark Milley"), ("Chris Brown", "Charles Brown"),
                                      ("Pat Ryder", "Patricia Ryder")])
def test_other_given_names_still_differ(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_each_short_form_belongs_to_one_group() -> None:
    names = [fold(n) for group in _data()["given_name_variants"]["groups"] for n in group]
    assert len(names) == len(set(names))


def test_leader_terms_veto_a_role_noun_of_another_post() -> None:
    macron = load_gazetteer().identify("Emmanuel Macron")
    assert macron is not None and macron.other_post("foreign_minister", date(2025, 6, 12))
    assert not macron.other_post("head_of_state", date(2025, 6, 12))
    assert not macron.other_post("foreign_minister", date(2015, 6, 12))  # before his term: no veto
    assert macron.other_post("defence_minister", None)  # undated: listed with no term of that post
    mbs = load_gazetteer().identify("Mohammed bin Salman")  # defence minister until he became prime minister
    assert mbs is not None and not mbs.other_post("defence_minister", date(2020, 1, 1))
    assert mbs.other_post("defence_minister", date(2023, 1, 1)) and not mbs.other_post("defence_minister", None)
    nobody = load_gazetteer().identify("Sébastien Lecornu")
    assert nobody is not None and not nobody.other_post("foreign_minister", None)  # no terms: never a veto
