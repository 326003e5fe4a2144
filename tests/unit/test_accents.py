"""Lemmas of words written without their accents (kg/extract/accents.py)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import load_nlp

pytestmark = pytest.mark.model


def lemmas(text: str) -> dict[str, str]:
    return {t.text: t.lemma_ for t in load_nlp()(text)}


def test_an_accentless_participle_gets_its_verb() -> None:
    found = lemmas("Le president turc a appele lundi son homologue, a indique Ankara.")
    assert found["appele"] == "appeler"
    assert found["indique"] == "indiquer"


def test_words_the_lemmatizer_knows_are_left_alone() -> None:
    found = lemmas("Il a tenu à joindre son homologue et à lui parler.")
    assert found["joindre"] == "joindre"  # no spelling of it with an accent is a word ("joindré")
    assert found["parler"] == "parler"
