"""Posts linked to a name by a verb across a relative clause or an adverbial (kg/extract/offices.py,
``_post_linked``).  Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import Extractor
from tests.conftest import text_holdings

pytestmark = pytest.mark.model


def offices_of(extractor: Extractor, text: str, name: str) -> set[str]:
    return {o for p, o in text_holdings(extractor, text, date(2025, 3, 4)) if p == name}


@pytest.mark.parametrize("text, name, office", [
    # a relative clause on the name between it and its verb
    ("Le président brésilien a remanié son équipe. José Múcio, qui dirigeait la Défense depuis 2023, "
     "est nommé ministre des Affaires étrangères du Brésil.", "José Múcio", "BR.foreign_minister"),
    # an adverbial between the verb and the post
    ("Au Pakistan, le général Asim Munir a été nommé à son tour chef d'état-major de l'armée pakistanaise.",
     "Asim Munir", "PK.army_chief"),
    # a title in apposition, set off by commas, before the name
    ("Le commandant de l'armée de terre, le général Metin Demir, a été nommé à son tour chef d'état-major "
     "général des forces armées turques.", "Metin Demir", "TR.chief_of_defence"),
    ("En Pologne, Władysław Kosiniak-Kamysz est désormais ministre de la Défense nationale.",
     "Władysław Kosiniak-Kamysz", "PL.defence_minister"),
])
def test_post_linked_past_a_clause_or_an_adverbial(extractor: Extractor, text: str, name: str, office: str) -> None:
    assert office in offices_of(extractor, text, name)


def test_a_relative_clause_naming_someone_else_breaks_the_link(extractor: Extractor) -> None:
    # the clause names another person: who "est nommé" is no longer clear from the surface
    text = ("José Múcio, qui a longtemps conseillé Luiz Inácio Lula da Silva, est nommé ministre des "
            "Affaires étrangères du Brésil.")
    assert "BR.foreign_minister" not in offices_of(extractor, text, "Luiz Inácio Lula da Silva")
