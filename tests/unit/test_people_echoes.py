"""kg_people on the names that outlets telling the same event write differently (issue 9, people3): a
capitalised article before a post is no name, a headline pairing two people's surnames is no third
person, a short form two people of the article share is neither of them nor a third, and a by-name the
gazetteer lists ("MBS") is its person under his standard name, never the surname his brother shares."""

from __future__ import annotations

import pytest

from kg.extract.gazetteer import load_gazetteer
from kg.extract.lexmatch import lex_spans
from kg.extract.names import NameClusters
from tests.factories import lexicon_pipeline, people_found


@pytest.fixture(scope="module")
def nlp():
    return lexicon_pipeline()


@pytest.mark.parametrize(("text", "entities", "expected"), [
    ("BAGDAD, 7 juillet – Le Premier ministre irakien Mohammed Chia al-Soudani a parlé.",
     [("Le Premier ministre irakien Mohammed Chia al-Soudani", "MISC")], ["Mohammed Chia al-Soudani"]),
    ("Le Drian a parlé au Premier ministre.", [("Le Drian", "PER")], ["Le Drian"]),
    ("Entretien Macron-Modi\nEmmanuel Macron a reçu Narendra Modi.",
     [("Entretien Macron-Modi", "PER"), ("Emmanuel Macron", "PER"), ("Narendra Modi", "PER")],
     ["Emmanuel Macron", "Narendra Modi"]),
    ("Władysław Kosiniak-Kamysz a appelé Pete Hegseth.",
     [("Władysław Kosiniak-Kamysz", "PER"), ("Pete Hegseth", "PER")], ["Władysław Kosiniak-Kamysz", "Pete Hegseth"]),
    ("Kim Jong-un a reçu sa sœur Kim Yo-jong. M. Kim a salué la visite.",
     [("Kim Jong-un", "PER"), ("Kim Yo-jong", "PER"), ("M. Kim", "PER")], ["Kim Jong-un", "Kim Yo-jong"]),
    ("Le prince héritier d'Arabie saoudite, MBS, a appelé l'émir.", [("MBS", "PER")], ["MBS"]),
    ("Le SGDSN a publié une note.", [("SGDSN", "PER")], []),
])
def test_people_of_echoed_reports(nlp, text: str, entities: list[tuple[str, str]], expected: list[str]) -> None:
    assert people_found(nlp, text, entities) == expected


@pytest.mark.parametrize(("by_name", "standard"), [
    ("MBS", "Mohammed bin Salman"), ("MBZ", "Mohamed bin Zayed"), ("AMLO", "Andrés Manuel López Obrador"),
    ("Jokowi", "Joko Widodo"),
])
def test_a_by_name_is_matched_under_the_standard_name(by_name: str, standard: str) -> None:
    known = load_gazetteer()
    assert known.is_by_name(by_name) and known.canonical(by_name) == standard


def test_a_by_name_never_joins_a_relative_with_the_same_surname() -> None:
    known = load_gazetteer()
    assert not known.is_by_name("Salmane") and not known.is_by_name("Khalid ben Salmane")
    clusters = NameClusters(["Khalid ben Salmane", "MBS", "Mohammed ben Salmane"], canonical=known.canonical)
    assert sorted(map(sorted, clusters.clusters())) == [["Khalid ben Salmane"], ["MBS", "Mohammed ben Salmane"]]


def test_the_alliance_alone_is_nato(nlp) -> None:
    doc = nlp("La porte-parole de l'Alliance a parlé ; l'Alliance des États du Sahel aussi.")
    found = [(s.text, s.label_, s.ent_id_ or s.kb_id_) for s in lex_spans(doc, "COUNTRY")]
    assert [f[0] for f in found] == ["Alliance", "Alliance des États du Sahel"]


@pytest.mark.parametrize(("with_dynasty", "without"), [
    ("Mohammed bin Salman Al Saoud", "Mohammed ben Salmane"),
    ("Tamim ben Hamad Al Thani", "Tamim ben Hamad"),
    ("Mohammed ben Zayed Al Nahyane", "Mohamed bin Zayed"),
])
def test_a_royal_is_known_with_or_without_his_dynasty(with_dynasty: str, without: str) -> None:
    known = load_gazetteer()
    assert known.identify(with_dynasty) is not None and known.identify(with_dynasty) is known.identify(without)


def test_the_dynasty_never_joins_two_brothers() -> None:
    known = load_gazetteer()
    clusters = NameClusters(["Khalid bin Salman Al Saoud", "Mohammed bin Salman"], canonical=known.canonical)
    assert len(clusters.clusters()) == 2


@pytest.mark.parametrize(("usual", "standard"), [("Lula da Silva", "Luiz Inácio Lula da Silva"),
                                                 ("Tayyip Erdogan", "Recep Tayyip Erdoğan")])
def test_usual_shorter_forms_of_known_people(usual: str, standard: str) -> None:
    person = load_gazetteer().identify(usual)
    assert person is not None and person.name == standard
