"""The fresh wire set (tests/fixtures/fresh-wire) scored with ``kg eval`` against its answer key.

Fifteen short articles written for issue 9, answer key first, in styles the other sets lacked:
state-media releases ("a reçu un appel téléphonique de", "à la demande de la partie omanaise"),
live tickers whose entries take their day from the page's heading, a ministry communiqué on a
three-way video conference, calls told as nouns, a call reported twice in two spellings, and
traps (meetings, plans, a refused and a declined call, "appeler X à", "selon X").  The floors sit
a little below the figures reached (calls F1 0.94, merged calls 15/17 found and dated,
initiators 9/10, holdings precision 0.94), so a regression fails here; the rules were checked
on other sentences (tests/cases/call_*, test_calls.py, test_dates.py).
"""

from __future__ import annotations

import pytest

from kg.evaluate import evaluate
from tests.conftest import FIXTURES

pytestmark = pytest.mark.model
FRESH = FIXTURES / "fresh-wire"


@pytest.fixture(scope="module")
def scored():
    return evaluate(FRESH, FRESH / "gold.json", lang="fr")


def test_calls_per_article(scored) -> None:
    calls = scored.kinds["calls"]
    assert calls.precision >= 0.9, calls.spurious
    assert calls.f1 >= 0.9, (calls.missed, calls.spurious)


def test_merged_calls_dates_and_initiators(scored) -> None:
    merged = scored.merged
    assert merged is not None
    assert merged.found >= 14 and merged.split == 0
    assert merged.dated >= 14, merged.to_json()
    assert merged.initiators >= 8, merged.to_json()


def test_people_and_holdings_do_not_drop(scored) -> None:
    assert scored.kinds["people"].f1 >= 0.95 and not scored.split_people
    holdings = scored.kinds["holdings"]
    assert holdings.precision >= 0.9 and holdings.f1 >= 0.85, (holdings.missed, holdings.spurious)
