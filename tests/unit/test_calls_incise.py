"""Unit tests (no model) of the antecedent of a call's subject pronoun when the sentence before ends
in a reporting incise: "X a annoncé …, a fait savoir le porte-parole, Y. Il a téléphoné à Z" makes X
the caller, never the speaker Y."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import kg.extract.people  # noqa: F401  (registers Doc._.people)
import kg.extract.pipeline  # noqa: F401  (registers Doc._.ref and Span._.date)
from kg.extract import calls, coref
from kg.extract.people import PersonMention

VOCAB = spacy.blank("fr").vocab

Row = tuple[str, str, str, int, str]

# "X a annoncé la reprise ," (indexes 0-5)
MAIN: list[Row] = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
                   ("annoncé", "VERB", "ROOT", 2, "annoncer"), ("la", "DET", "det", 4, "le"),
                   ("reprise", "NOUN", "obj", 2, "reprise"), (",", "PUNCT", "punct", 7, ",")]

# the incise, indexes 6-11, the speaker Y at 10; then "." at 11
INCISES: dict[str, list[Row]] = {
    "fait savoir": [("a", "AUX", "aux:tense", 7, "avoir"), ("fait", "VERB", "dep", 8, "faire"),
                    ("savoir", "VERB", "advmod", 2, "savoir"), ("le", "DET", "det", 10, "le"),
                    ("Y", "PROPN", "nsubj", 8, "Y"), (".", "PUNCT", "punct", 2, ".")],
    "a précisé": [("a", "AUX", "aux:tense", 7, "avoir"), ("précisé", "VERB", "parataxis", 2, "préciser"),
                  ("son", "DET", "det", 9, "son"), ("porte-parole", "NOUN", "nsubj", 7, "porte-parole"),
                  ("Y", "PROPN", "appos", 9, "Y"), (".", "PUNCT", "punct", 2, ".")],
    "selon": [("selon", "ADP", "case", 8, "selon"), ("le", "DET", "det", 8, "le"),
              ("porte-parole", "NOUN", "obl:mod", 2, "porte-parole"), (",", "PUNCT", "punct", 10, ","),
              ("Y", "PROPN", "appos", 8, "Y"), (".", "PUNCT", "punct", 2, ".")],
}

# "Il a téléphoné à Z ." (indexes 12-17)
SEQUEL: list[Row] = [("Il", "PRON", "nsubj", 14, "il"), ("a", "AUX", "aux:tense", 14, "avoir"),
                     ("téléphoné", "VERB", "ROOT", 14, "téléphoner"), ("à", "ADP", "case", 16, "à"),
                     ("Z", "PROPN", "obl:arg", 14, "Z"), (".", "PUNCT", "punct", 14, ".")]


def build(rows: list[Row], people: list[tuple[int, int, str]], starts: tuple[int, ...] = (0,)) -> Doc:
    """A Doc from (word, pos, dep, head, lemma) rows; sentences open at ``starts``."""
    words, pos, deps, heads, lemmas = (list(x) for x in zip(*rows, strict=True))
    doc = Doc(VOCAB, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
              sent_starts=[i in starts for i in range(len(words))])
    doc._.people = [PersonMention(Span(doc, s, e), key=k) for s, e, k in people]
    doc.spans["dates"] = []
    return doc


def story(incise: str) -> Doc:
    """The main clause, the incise, then the call sentence with its subject pronoun."""
    return build([*MAIN, *INCISES[incise], *SEQUEL], [(0, 1, "X"), (10, 11, "Y"), (16, 17, "Z")], starts=(0, 12))


@pytest.mark.parametrize("incise", sorted(INCISES))
def test_the_speaker_of_an_incise_is_not_the_antecedent(incise: str) -> None:
    doc = story(incise)
    m = calls.Mention(doc[12:], [doc[14]], False, False, False, persons=["Z"])
    calls._pronoun_subject(doc, m)
    assert m.callers == ["X"] and m.persons == ["X", "Z"]


@pytest.mark.parametrize("incise", sorted(INCISES))
def test_a_speaker_is_told_apart_from_the_main_clause_subject(incise: str) -> None:
    doc = story(incise)
    speaker, subject = doc._.people[1], doc._.people[0]
    assert coref.reported_speaker(speaker.span)
    assert not coref.reported_speaker(subject.span)  # "X a annoncé": a main clause, not an incise


def test_a_speaker_alone_in_the_sentence_is_still_the_antecedent() -> None:
    # "Le ministère a annoncé la reprise, a précisé Y. Il a téléphoné à Z": no person subject to prefer
    doc = story("a précisé")
    doc._.people = [p for p in doc._.people if p.key != "X"]
    m = calls.Mention(doc[12:], [doc[14]], False, False, False, persons=["Z"])
    calls._pronoun_subject(doc, m)
    assert m.callers == ["Y"]


def test_a_reporting_verb_opening_its_clause_is_no_incise() -> None:
    # "Y a précisé que …": nothing but the subject before the verb group
    doc = build([("Y", "PROPN", "nsubj", 2, "Y"), ("a", "AUX", "aux:tense", 2, "avoir"),
                 ("précisé", "VERB", "ROOT", 2, "préciser")], [(0, 1, "Y")])
    assert not coref.opens_incise(doc[2])
    assert coref.reporting_phrase(doc[2])


def test_a_subject_after_an_opening_selon_is_no_speaker() -> None:
    # "Selon Moscou , X a annoncé la reprise": X is the subject of its own clause
    doc = build([("Selon", "ADP", "case", 1, "selon"), ("Moscou", "PROPN", "obl:mod", 4, "Moscou"),
                 (",", "PUNCT", "punct", 1, ","), ("X", "PROPN", "nsubj", 4, "X"),
                 ("annonce", "VERB", "ROOT", 4, "annoncer")], [(3, 4, "X")])
    assert not coref.reported_speaker(doc._.people[0].span)
