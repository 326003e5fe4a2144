"""A call's date found in its verb group by position when the parser hangs the call noun elsewhere
(kg/extract/calls.py, ``_date_in_verb_group``).  Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from kg.corpus import RawArticle
from kg.extract.pipeline import Extractor

pytestmark = pytest.mark.model


def call_dates(extractor: Extractor, text: str, published: date = date(2025, 2, 8)) -> list[str | None]:
    raw = RawArticle(id="t.txt", path="t.txt", text=text, sha256="", published=published)
    facts = next(extractor.extract([raw]))
    return [c.date.value if c.date else None for c in facts.calls]


@pytest.mark.parametrize("text, wanted", [
    # "entretien" parsed as the subject of "a annoncé": the date hangs on "eu", not on the noun
    ("Le chef de la diplomatie turque Hakan Fidan a eu hier un entretien téléphonique avec Sergueï Lavrov, "
     "a annoncé Ankara.", "2025-02-07"),
    ("Boris Pistorius a eu lundi soir un long échange téléphonique avec Rustem Oumerov, a fait savoir Berlin.",
     "2025-02-03"),
])
def test_date_between_light_verb_and_call_noun(extractor: Extractor, text: str, wanted: str) -> None:
    assert call_dates(extractor, text) == [wanted]


@pytest.mark.parametrize("text", [
    # a date under "depuis" bounds the silence before the call: not its date
    "Emmanuel Macron a eu un entretien téléphonique avec Vladimir Poutine, le premier depuis le 12 mars, "
    "a annoncé l'Elysée.",
    # a future date is not when a past call took place
    "Boris Pistorius a eu un échange téléphonique avec Rustem Oumerov avant leur rencontre prévue le 20 février.",
])
def test_dates_that_are_not_the_calls(extractor: Extractor, text: str) -> None:
    # never the other date's day: the call, told with no day of its own in the report's lead, is of the
    # report's month (dates.lead_month)
    assert call_dates(extractor, text) == ["2025-02"]
