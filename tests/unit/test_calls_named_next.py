"""Unit tests (no model) of a call told between two posts only whose next sentence names the two
people by what they discussed: "Le président a eu un entretien avec son homologue. A et B ont évoqué
la crise" is a call between A and B; "A et B ont signé …" is not."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import kg.extract.people  # noqa: F401  (registers Doc._.people)
import kg.extract.pipeline  # noqa: F401  (registers Doc._.ref and Span._.date)
from kg.extract import calls
from kg.extract.people import PersonMention

VOCAB = spacy.blank("fr").vocab


def story(verb: str, lemma: str, joiner: str = "et") -> Doc:
    """"Le président a téléphoné . A <joiner> B ont <verb> la crise ." with A at 5, B at 7."""
    rows = [("Le", "DET", "det", 1, "le"), ("président", "NOUN", "nsubj", 3, "président"),
            ("a", "AUX", "aux:tense", 3, "avoir"), ("téléphoné", "VERB", "ROOT", 3, "téléphoner"),
            (".", "PUNCT", "punct", 3, "."), ("A", "PROPN", "nsubj", 9, "A"),
            (joiner, "CCONJ", "cc", 7, joiner), ("B", "PROPN", "conj", 5, "B"),
            ("ont", "AUX", "aux:tense", 9, "avoir"), (verb, "VERB", "ROOT", 9, lemma),
            ("la", "DET", "det", 11, "le"), ("crise", "NOUN", "obj", 9, "crise"), (".", "PUNCT", "punct", 9, ".")]
    words, pos, deps, heads, lemmas = (list(x) for x in zip(*rows, strict=True))
    doc = Doc(VOCAB, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
              sent_starts=[i in (0, 5) for i in range(len(words))])
    doc._.people = [PersonMention(Span(doc, 5, 6), key="A"), PersonMention(Span(doc, 7, 8), key="B")]
    doc.spans["dates"] = []
    return doc


def between_posts(doc: Doc, **kw) -> calls.Mention:
    return calls.Mention(doc[0:5], [doc[3]], False, False, False, offices=["TR.head_of_state"],
                         counterparts=["AZ"], **kw)


def test_two_names_discussing_in_the_next_sentence_are_the_parties() -> None:
    doc = story("évoqué", "évoquer")
    m = between_posts(doc)
    calls._named_in_next_sentence(doc, [m])
    assert m.persons == ["A", "B"] and m.offices == [] and m.counterparts == []


@pytest.mark.parametrize("verb, lemma, joiner", [("signé", "signer", "et"), ("évoqué", "évoquer", "ou")])
def test_another_act_or_no_pair_leaves_the_posts(verb: str, lemma: str, joiner: str) -> None:
    doc = story(verb, lemma, joiner)
    m = between_posts(doc)
    calls._named_in_next_sentence(doc, [m])
    assert m.persons == [] and m.offices == ["TR.head_of_state"]


def test_a_call_with_one_post_only_is_left_alone() -> None:
    doc = story("évoqué", "évoquer")
    m = calls.Mention(doc[0:5], [doc[3]], False, False, False, offices=["TR.head_of_state"])
    calls._named_in_next_sentence(doc, [m])
    assert m.persons == []
