"""A given name told alone for a person named in full before (kg.extract.people._given_names_alone)."""

from __future__ import annotations

import pytest

from kg.corpus import RawArticle


def _people(extractor, text: str, lang: str = "en") -> list[tuple[str, str]]:
    raw = RawArticle(id="t.txt", path="t.txt", text=text, sha256="", published=None, lang=lang)
    doc, _ = next(iter(extractor.annotate([raw])))
    return [(p.span.text, p.key) for p in doc._.people or []]


def test_given_name_alone_as_a_subject_is_the_one_person_of_that_name(extractor) -> None:
    found = _people(extractor, "Defence minister Sjafrie Sjamsoeddin met Gen Nakatani in Tokyo on Monday. "
                               "Sjafrie also spoke by telephone with Richard Marles.")
    keys = dict(found)
    assert ("Sjafrie", keys["Sjafrie Sjamsoeddin"]) in found


@pytest.mark.parametrize("text", [
    # two people open their full names on that word: it is neither of them
    "Mohammed Ishaq Dar met Mohammed Aurangzeb in Islamabad. Mohammed also spoke by phone with Hakan Fidan.",
    # not as a subject ("of", "and" after it)
    "Defence minister Sjafrie Sjamsoeddin met Gen Nakatani. The visit of Sjafrie and his team ended on Monday.",
    # the word is a common one the article also writes in lower case
    "Foreign minister Rose Marie Claver met the envoy. Rose gardens lined the path; a rose was offered.",
    # a French noun and adjective after it: the word is no subject there
    "Marine Le Pen a critiqué le budget. Marine nationale et armée de Terre recevront davantage de crédits.",
])
def test_given_name_alone_is_not_read_elsewhere(extractor, text: str) -> None:
    assert all(" " in name for name, _ in _people(extractor, text)), _people(extractor, text)
