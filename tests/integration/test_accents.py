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


def test_a_for_the_preposition_on_a_page_without_accents() -> None:
    from kg.extract.accents import model_text

    page = ("Le ministre s'est entretenu a deux reprises avec son homologue, a indique le ministere. "
            "Il a l'intention de se rendre a Ankara a l'issue du sommet, qui a lieu a la fin du mois. " * 2)
    shown = model_text(page)
    assert len(shown) == len(page)  # same offsets
    assert "entretenu à deux reprises" in shown and "se rendre à Ankara à l'issue" in shown
    assert "a indiqué le ministère" in shown and "Il a l'intention" in shown and "qui a lieu à la fin" in shown
    accented = page.replace("ministere", "ministère")
    assert model_text(accented) == accented  # a page with accents is read as written
