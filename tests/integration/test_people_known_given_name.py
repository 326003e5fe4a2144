"""A title word that is a known person's given name ("Gen Nakatani") stays in the name
(kg/extract/people.py).  Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import load_nlp

pytestmark = pytest.mark.model


def names(text: str) -> list[str]:
    return [m.span.text for m in load_nlp()(text)._.people or []]


def test_known_given_name_is_not_a_title() -> None:
    assert "Gen Nakatani" in names("Le ministre japonais de la Défense Gen Nakatani a reçu son homologue.")


def test_the_abbreviation_before_another_name_is_still_a_title() -> None:
    found = names("Selon le Pentagone, Gen Mark Milley a rencontré ses homologues européens.")
    assert "Mark Milley" in found and not any(n.startswith("Gen") for n in found)
