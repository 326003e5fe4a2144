"""Ambiguous system names (kg.extract.weapons): a missile only in a weapon context, never inside a
person's name."""

from __future__ import annotations

from datetime import date

import pytest

from kg.corpus import RawArticle

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor():
    from kg.extract.pipeline import Extractor

    return Extractor()


def systems(extractor, text: str) -> list[str]:
    raw = RawArticle(id="t.txt", path="t.txt", text=text, sha256="", published=date(2025, 3, 12))
    return [m.system for m in next(iter(extractor.extract([raw]))).missiles]


@pytest.mark.parametrize(("text", "expected"), [
    # a list closed by the ambiguous name after a system named without doubt
    ("La Russie a tiré des Kinjal et des Iskander, et le Fattah iranien a été présenté.",
     ["kinzhal", "iskander_m", "fattah"]),
    # a missile category in its clause
    ("Téhéran a montré le Fattah, que ses concepteurs disent hypersonique.", ["fattah"]),
    # a weapon word next to it
    ("Les batteries Patriot ont intercepté un missile Kinjal.", ["patriot", "kinzhal"]),
    # inside a person's name, beside a real system
    ("Le président Abdel Fattah al-Sissi a visité une usine qui produit des missiles Kinjal.", ["kinzhal"]),
    # no weapon context at all
    ("Les habitants de Dezful ont manifesté mardi devant la mairie.", []),
])
def test_ambiguous_names(extractor, text: str, expected: list[str]) -> None:
    assert systems(extractor, text) == expected
