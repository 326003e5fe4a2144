"""Successions whose office or successor is not spelled out in the sentence (kg/extract/terms.py):
a chain of replacements (the predecessor hands over the post they are leaving, not the one they
just took) and a title opening the sentence as its subject.  Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import Extractor
from tests.conftest import text_holdings

pytestmark = pytest.mark.model


def holdings(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return text_holdings(extractor, text, date(2025, 3, 4))


def offices_of(found: set[tuple[str, str]], name: str) -> set[str]:
    return {office for person, office in found if person == name}


def test_chain_of_replacements_hands_over_the_post_being_left(extractor: Extractor) -> None:
    found = holdings(extractor, "Le Premier ministre japonais a limogé lundi son ministre de la Défense, Kenji Morita, "
                                "et l'a remplacé par l'actuel ministre des Affaires étrangères, Takeshi Arai. "
                                "Yuko Sato, actuelle ministre sans portefeuille, succède à M. Arai.")
    assert offices_of(found, "Takeshi Arai") == {"JP.defence_minister", "JP.foreign_minister"}
    assert offices_of(found, "Yuko Sato") == {"JP.foreign_minister"}  # not the post Arai just took


def test_title_subject_stands_for_the_appointee(extractor: Extractor) -> None:
    found = holdings(extractor, "Ana Ferreira nommée ministre de la Défense du Portugal\n\n"
                                "La nouvelle ministre, ancienne députée de Porto, succède à Paulo Mendes.")
    assert offices_of(found, "Ana Ferreira") == {"PT.defence_minister"}
    assert offices_of(found, "Paulo Mendes") == {"PT.defence_minister"}


def test_title_subject_must_fit_the_last_persons_post(extractor: Extractor) -> None:
    # the last person named is the Prime Minister: "La ministre" is not him, so nothing changes hands
    found = holdings(extractor, "Ana Ferreira nommée ministre de la Défense du Portugal\n\n"
                                "Le Premier ministre portugais Luis Costa a salué ce choix.\n\n"
                                "La ministre succède à Paulo Mendes.")
    assert not offices_of(found, "Paulo Mendes")
