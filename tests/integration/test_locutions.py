"""Parses that survive a set phrase inside a verb group (kg/extract/locutions.py)."""

from __future__ import annotations

import pytest

from kg.extract.locutions import phrases, runs
from kg.extract.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_runs_of_consecutive_indices() -> None:
    assert runs({7, 3, 4, 5, 9}) == [(3, 5), (7, 7), (9, 9)]
    assert runs(set()) == []


def test_every_phrase_is_also_read_without_its_accents() -> None:
    assert "de son côté" in phrases() and "de son cote" in phrases()


def test_the_phrase_hangs_on_the_participle_and_the_tokens_stay(nlp) -> None:
    text = "Le ministre letton de la Défense Andris Spruds a de son côté téléphoné mardi à son homologue estonien."
    doc = nlp(text)
    assert doc.text == text and [t.text for t in doc] == [t.text for t in nlp.make_doc(text)]
    words = [t.text for t in doc]
    de, verb = doc[words.index("de", 7)], doc[words.index("téléphoné")]
    assert de.head == verb and de.dep_ == "advmod"
    assert [t.dep_ for t in doc[de.i + 1: verb.i]] == ["fixed", "fixed"]
    assert doc[words.index("a")].head == verb  # the auxiliary is the participle's again


def parsed_as_without_the_component(nlp, text: str) -> bool:
    """Whether the text's parse is the model's own, as without ``kg_locutions``."""
    with nlp.select_pipes(disable=["kg_locutions"]):
        plain = nlp(text)
    return [(t.dep_, t.head.i, t.pos_) for t in nlp(text)] == [(t.dep_, t.head.i, t.pos_) for t in plain]


def test_a_phrase_outside_a_verb_group_changes_nothing(nlp) -> None:
    assert parsed_as_without_the_component(nlp, "De son côté, le ministre a reçu mardi son homologue estonien à Riga.")


def test_a_source_incise_keeps_its_own_reading(nlp) -> None:
    text = "Le ministre Antti Häkkänen a, selon son cabinet, téléphoné jeudi à son homologue estonien."
    doc = nlp(text)
    words = [t.text for t in doc]
    verb, source = doc[words.index("téléphoné")], doc[words.index("cabinet")]
    assert len(list(doc.sents)) == 1
    assert source.head == verb and doc[words.index("selon")].head == source  # still "selon X", on the verb
    assert doc[words.index("a")].head == verb


def test_a_date_after_the_verb_gives_back_the_words_it_took(nlp) -> None:
    text = "Le chef de la diplomatie russe a eu mardi 24 novembre un entretien téléphonique avec son homologue iranien."
    doc = nlp(text)
    words = [t.text for t in doc]
    verb, noun = doc[words.index("eu")], doc[words.index("entretien")]
    assert noun.head == verb and noun.dep_ == "obj"
    assert doc[words.index("mardi")].head == verb  # the date stays the verb's


def test_a_date_the_model_reads_apart_changes_nothing(nlp) -> None:
    text = "Le président Alexander Stubb a téléphoné le 3 décembre à son homologue estonien Alar Karis."
    assert parsed_as_without_the_component(nlp, text)


def test_a_reporting_incise_hangs_on_the_participle(nlp) -> None:
    text = "M. Tokaïev avait, rappelle l'agence Kazinform, appelé le président turc."
    doc = nlp(text)
    words = [t.text for t in doc]
    verb, reporting = doc[words.index("appelé")], doc[words.index("rappelle")]
    assert verb.dep_ == "ROOT" and reporting.head == verb and reporting.dep_ == "parataxis"
    assert doc[words.index("président")].head == verb
