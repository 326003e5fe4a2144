"""A post in the complement of an aide noun is the principal's (kg.extract.offices._aide_noun_before), on
hand-tagged Docs: "le conseiller principal du président", "le bras droit du président", "the senior adviser
to the President"; not "un proche du chef d'état-major, le général X" (an unnamed source), nor a post after
a plain noun ("la visite du président")."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.offices import _aide_noun_before


def _doc(tagged: list[tuple[str, str]]) -> Doc:
    nlp = spacy.blank("fr")
    return Doc(nlp.vocab, words=[w for w, _ in tagged], pos=[p for _, p in tagged])


@pytest.mark.parametrize(("tagged", "cues", "expected"), [
    ([("Le", "DET"), ("conseiller", "NOUN"), ("principal", "ADJ"), ("du", "ADP"), ("président", "NOUN")],
     "aide_nouns_fr", True),
    ([("Le", "DET"), ("bras", "NOUN"), ("droit", "ADJ"), ("du", "ADP"), ("président", "NOUN")],
     "aide_nouns_fr", True),
    ([("La", "DET"), ("porte-parole", "NOUN"), ("du", "ADP"), ("président", "NOUN")], "aide_nouns_fr", True),
    ([("un", "DET"), ("proche", "NOUN"), ("du", "ADP"), ("chef", "NOUN")], "aide_nouns_fr", False),
    ([("la", "DET"), ("visite", "NOUN"), ("du", "ADP"), ("président", "NOUN")], "aide_nouns_fr", False),
    ([("The", "DET"), ("senior", "ADJ"), ("adviser", "NOUN"), ("to", "ADP"), ("the", "DET"), ("President", "NOUN")],
     "aide_nouns_en", True),
])
def test_aide_noun_before(tagged: list[tuple[str, str]], cues: str, expected: bool) -> None:
    doc = _doc(tagged)
    preposition = next(i for i, (w, p) in enumerate(tagged) if p == "ADP")
    assert _aide_noun_before(doc, preposition, cues) is expected
