"""A page whose accents were all stripped tells kg the same calls as the page itself (metamorphic check).

Some outlets and feeds strip every accent ("s'est entretenu jeudi au telephone avec le ministre des Affaires
etrangeres").  kg writes the accents of known words back before the model reads such a page
(kg/extract/accents.py); here each French article of two held-out probes is read twice, as written and
stripped, and the call pairs found must be the same.
"""

from __future__ import annotations

import unicodedata

import pytest

from kg.corpus import RawArticle, read_manifest
from kg.extract.pipeline import Extractor
from tests.conftest import FIXTURES

pytestmark = pytest.mark.model

SETS = ("fresh-probe91", "fresh-probe93")


def _stripped(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _pairs(fact) -> list[tuple[str, ...]]:
    names = {p.key: _stripped(p.name).lower() for p in fact.persons}
    return sorted(tuple(sorted(names.get(x.person, "?") for x in c.participants if x.person)) for c in fact.calls)


@pytest.mark.parametrize("name", SETS)
def test_a_stripped_page_tells_the_same_calls(name: str) -> None:
    folder = FIXTURES / name
    articles = []
    for file, entry in sorted(read_manifest(folder).items()):
        text = (folder / file).read_text(encoding="utf-8")
        for suffix, body in (("", text), ("#stripped", _stripped(text))):
            articles.append(RawArticle(id=file + suffix, path=file, text=body, sha256=suffix or "0",
                                       published=entry.published, lang="fr"))
    found = {f.article.id: _pairs(f) for f in Extractor().extract(articles)}
    differ = [a for a in found if not a.endswith("#stripped") and found[a] != found[a + "#stripped"]]
    assert not differ, {a: (found[a], found[a + "#stripped"]) for a in differ}
