"""Tests of the people gazetteer (kg/lexicons/people.json, kg.extract.gazetteer) and of the kg_people
component on hand-annotated Docs: known names the model misses, role words and government names,
invisible characters, and the guarantee that no two different real people merge."""

from __future__ import annotations

import json
from datetime import date
from itertools import combinations

import pytest

from kg.extract.gazetteer import load_gazetteer
from kg.extract.names import NameClusters, clean_name, fold, group_names, same_person, translit_key
from kg.extract.people import PeopleFinder, person_refs
from kg.resources import lexicon_path
from tests.conftest import SHARED
from tests.factories import lexicon_pipeline, people_found

DEVSET_GOLD = SHARED / "devset" / "gold.json"

# ------------------------------------------------------------------ the data file


def test_people_file_is_pretty_printed_json() -> None:
    raw = lexicon_path("people").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert data["version"] == 1
    assert raw == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert "\u2019" not in raw  # ASCII apostrophes only, as in every lexicon


def test_people_entries_are_well_formed() -> None:
    countries = {e["id"] for e in json.loads(lexicon_path("countries").read_text(encoding="utf-8"))["entries"]}
    entries = json.loads(lexicon_path("people").read_text(encoding="utf-8"))["people"]
    post_types = {t["id"] for t in json.loads(lexicon_path("offices").read_text(encoding="utf-8"))["post_types"]
                  if t["single_holder"]}  # the posts a role noun may name
    assert len(entries) >= 400
    assert len({e["name"] for e in entries}) == len(entries)
    for e in entries:
        assert set(e) - {"home", "terms"} == {"name", "country", "forms"}, e
        for t in e.get("terms", ()):  # a leader's posts, a veto only: exact, dated, of known post types
            assert set(t) - {"to"} == {"post", "from"} and t["post"] in post_types, e
            assert date.fromisoformat(t["from"]) < date.fromisoformat(t.get("to", "9999-12-31")), e
        assert e["country"] in countries, e
        if "home" in e:  # a person known by an organisation: the state whose national posts they held
            assert e["home"] in countries and e["home"] != e["country"], e
        assert e["name"] not in e["forms"] and len(set(e["forms"])) == len(e["forms"]), e


REQUIRED = ["US", "RU", "UA", "CN", "FR", "GB", "DE", "IL", "IR", "TR", "IN", "PK", "KP", "KR", "JP", "BY", "NATO"]


@pytest.mark.parametrize("country", REQUIRED)
def test_people_cover_the_main_countries(country: str) -> None:
    people = [p for p in load_gazetteer().people if p.country == country]
    assert len(people) >= (8 if country not in ("KP", "NATO") else 5), country


def test_every_spelling_identifies_its_own_person() -> None:
    known = load_gazetteer()
    wrong = [(form, p.name) for p in known.people for form in p.forms if known.identify(form) is not p]
    assert not wrong, wrong[:10]


def test_no_two_known_people_merge() -> None:
    """Issue 13 point 11: the rules never make one person of two real, different people."""
    people = load_gazetteer().people
    merged = [(a.name, b.name) for a, b in combinations(people, 2)
              if any(same_person(x, y) for x in a.forms for y in b.forms)]
    assert not merged, merged


def test_known_people_stay_apart_when_clustered_together() -> None:
    known = load_gazetteer()
    names = [form for p in known.people for form in p.forms]
    groups = group_names(names, known.canonical)
    owners = [{known.identify(n).name for n in g} for g in groups]
    assert all(len(o) == 1 for o in owners), [o for o in owners if len(o) > 1][:5]
    assert len(groups) == len(known.people)


@pytest.mark.skipif(not DEVSET_GOLD.exists(), reason="../shared/devset is not there (developer data only)")
def test_devset_people_neither_merge_nor_split() -> None:
    """Every mention of the dev set's people, clustered at once: one cluster per real person."""
    gold = json.loads(DEVSET_GOLD.read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for key, doc in gold.items():
        if key.startswith("_") or key == "merged":
            continue
        for p in doc.get("persons", []):
            for m in [p["name"], *p.get("mentions", [])]:
                assert owner.setdefault(m, p["name"]) == p["name"], m
    clusters = NameClusters(owner, canonical=load_gazetteer().canonical)
    groups = clusters.clusters()
    assert all(len({owner[n] for n in g}) == 1 for g in groups), [g for g in groups if len({owner[n] for n in g}) > 1]
    full = [g for g in groups if any(len(n.split()) > 1 for n in g)]
    assert len(full) == len(set(owner.values()))


# ------------------------------------------------------------------ spellings


@pytest.mark.parametrize(("a", "b"), [
    ("Cline", "Kline"), ("Cramer", "Kramer"), ("Carr", "Karr"), ("Cohen", "Kohen"), ("Crane", "Krane"),
    ("Cahn", "Kahn"), ("Coch", "Koch"), ("Clein", "Klein"), ("Curtz", "Kurtz"), ("Carlson", "Karlson"),
])
def test_surnames_differing_by_c_and_k_stay_apart(a: str, b: str) -> None:
    assert translit_key(a) != translit_key(b)
    assert not same_person(f"John {a}", f"John {b}")


@pytest.mark.parametrize(("a", "b"), [
    ("Victor Goulevitch", "Viktor Gulevich"), ("Constantin Ivanov", "Konstantin Ivanov"),
    ("Nicolas Sarkozy", "Nikolas Sarkozy"), ("Alexeï Kudrin", "Aleksei Kudrin"),
])
def test_given_names_still_fold_c_and_k(a: str, b: str) -> None:
    assert same_person(a, b)


@pytest.mark.parametrize(("variant", "standard"), [
    ("Shmygal", "Denys Shmyhal"),  # Russian g for Ukrainian h: only the gazetteer knows they are one
    ("Denis Chmygal", "Denys Shmyhal"),
    ("Aliaksandr Lukashenka", "Alexander Lukashenko"),
    ("Gideon Saar", "Gideon Sa'ar"),
    ("Hassan Rohani", "Hassan Rouhani"),
    ("Abbas Araqchi", "Abbas Araghchi"),
    ("Poutine", "Vladimir Putin"),
    ("zelensky", "Volodymyr Zelenskyy"),
])
def test_gazetteer_identifies_spellings(variant: str, standard: str) -> None:
    assert load_gazetteer().identify(variant).name == standard


@pytest.mark.parametrize("name", ["Brown", "Sharif", "Koizumi", "Kim", "Mojtaba Khamenei", "Hunter Biden",
                                  "Jean Dupont"])
def test_gazetteer_does_not_guess(name: str) -> None:
    assert load_gazetteer().identify(name) is None


def test_clusters_merge_a_known_misspelling_and_keep_the_full_label() -> None:
    clusters = NameClusters(["Denys Shmyhal", "Shmigal", "Denys Shmyhal"], canonical=load_gazetteer().canonical)
    assert len(clusters.clusters()) == 1
    assert clusters.best_name(0) == "Denys Shmyhal"


# ------------------------------------------------------------------ invisible characters (issue 13, hole 10)


@pytest.mark.parametrize(("dirty", "clean"), [
    ("Mark Mil\ufeffley", "Mark Milley"),
    ("Valéri Guéras\u200bsimov", "Valéri Guérassimov"),
    ("\u200eLloyd Austin\u200f", "Lloyd Austin"),
    ("Antony\u2060 Blinken", "Antony Blinken"),
])
def test_invisible_characters_never_reach_names(dirty: str, clean: str) -> None:
    assert clean_name(dirty) == clean
    assert fold(dirty) == fold(clean)
    clusters = NameClusters([dirty, dirty, clean])  # the dirty form is the more frequent one
    assert clusters.clusters() == [[clean]]
    assert clusters.best_name(0) == clean
    assert clusters.cluster_of(dirty) == 0


# ------------------------------------------------------------------ the component on hand-annotated Docs


@pytest.fixture(scope="module")
def nlp():
    return lexicon_pipeline()




@pytest.mark.parametrize(("text", "entities", "expected"), [
    ("Hier soir, Poutine a menacé l'Europe.", [], ["Poutine"]),
    ("Selon Poutine, la guerre continue.", [], ["Poutine"]),
    ("La ministre Florence Parly était présente.", [("Florence", "LOC")], ["Florence Parly"]),
    ("Selon Lavrov et Rubio, rien n'est décidé.", [("Lavrov", "PER")], ["Lavrov", "Rubio"]),
    ("Le texte sera signé par zelensky demain.", [("zelensky", "PER")], ["zelensky"]),
    ("Il a été Conseiller de Bruno Le Maire à Bercy.", [("Conseiller de Bruno Le Maire", "PER")], ["Bruno Le Maire"]),
    ("Le gouvernement Lecornu II est nommé.", [("gouvernement Lecornu II", "PER")], ["Lecornu"]),
    ("Dans le gouvernement Lecornu I, rien.", [("Lecornu I", "PER")], ["Lecornu"]),
    ("Austin congratulated Umerov on Monday.", [("Austin congratulated Umerov", "PER")], ["Austin", "Umerov"]),
    ("Le sommet aura lieu mardi chez M. Austin.", [], ["Austin"]),
    ("Le général Kim Jong-un a parlé.", [("Kim Jong-un", "PER")], ["Kim Jong-un"]),
    ("after Speaker Nancy Pelosi\u2019s visit to Taiwan", [], ["Nancy Pelosi\u2019"]),
])
def test_people_found(nlp, text: str, entities: list[tuple[str, str]], expected: list[str]) -> None:
    assert people_found(nlp, text, entities) == expected


@pytest.mark.parametrize(("text", "entities"), [
    ("Le congrès se tient à Austin cette année.", []),  # a city, and an ambiguous surname
    ("Une borne a été posée.", []),  # a common word
    ("La France et la Hollande ont signé.", []),
    ("Hunter Biden a été entendu par le Congrès.", []),  # another person with a known surname
    ("Il a visité la Trump Tower hier.", []),
    ("Le texte sera signé par lavrov demain.", []),  # lower case, and the model does not call it a person
    ("Le maire de Vernon a parlé.", []),
    ("Monsieur le Président, merci.", [("Président", "PER")]),
])
def test_no_person_found(nlp, text: str, entities: list[tuple[str, str]]) -> None:
    assert people_found(nlp, text, entities) == []


def test_person_refs_labels_are_clean(nlp) -> None:
    text = "Le général Mark Mil\ufeffley a parlé. Mark Mil\ufeffley est parti."
    doc = nlp(text)
    first = text.index("Mark")
    second = text.index("Mark", first + 1)
    doc.ents = [doc.char_span(s, s + len("Mark Mil\ufeffley"), label="PER") for s in (first, second)]
    refs = person_refs(PeopleFinder(load_gazetteer())(doc))
    assert [(r.name, r.mentions) for r in refs] == [("Mark Milley", ("Mark Milley",))]
