"""The fresh mixed set (tests/fixtures/fresh-mixed) scored with ``kg eval`` against its answer key.

Fourteen short articles written for issue 9 in styles the other fresh sets lack (a live ticker,
TASS/Xinhua/IRNA/VNA releases, a regional brief, a defence-trade paragraph, an opinion piece, a
meeting in person, a refused and a planned call, calls reported as "un échange"/"un entretien", and
appointments: "prend ses fonctions", "assure l'intérim", "reconduit", "remplacé au pied levé" as a
trap).  The answer key was written before kg was run on them; kg first scored calls F1 0.8 (three
spurious calls from a refusal and a plan), holdings F1 0.789.  The floors sit a little below the
figures reached (calls F1 1.0, holdings F1 0.938 at precision 1.0, merged calls 7/9 found, the two
ticker calls left undated, initiators 3/4), so a regression fails here.
"""

from __future__ import annotations

import pytest

from kg.evaluate import evaluate
from tests.conftest import FIXTURES

pytestmark = pytest.mark.model
FRESH = FIXTURES / "fresh-mixed"


@pytest.fixture(scope="module")
def scored():
    return evaluate(FRESH, FRESH / "gold.json", lang="fr")


def test_calls_no_meeting_refusal_or_plan(scored) -> None:
    calls = scored.kinds["calls"]
    assert calls.precision >= 0.95, calls.spurious
    assert calls.f1 >= 0.9, (calls.missed, calls.spurious)


def test_merged_calls(scored) -> None:
    merged = scored.merged
    assert merged is not None
    assert merged.found >= 7 and merged.split == 0, merged.to_json()
    assert merged.initiators >= 3, merged.to_json()


def test_holdings_and_people(scored) -> None:
    holdings = scored.kinds["holdings"]
    assert holdings.precision >= 0.95 and holdings.f1 >= 0.9, (holdings.missed, holdings.spurious)
    assert scored.kinds["people"].f1 >= 0.94
