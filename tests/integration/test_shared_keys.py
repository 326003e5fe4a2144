"""The shared answer keys (``../shared/seeds`` and ``../shared/devset``) scored with ``kg eval``: the seeds'
figures, the chairman of the Joint Chiefs at each of their calls included, and the development set's floors.

The articles are real news that the project may read but never copy; when ``../shared`` is absent (a clone
on its own) the tests skip and say so."""

from __future__ import annotations

import pytest

from kg.evaluate import evaluate
from tests.conftest import SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "seeds").is_dir(),
                                reason=f"{SHARED} is absent: the shared seed and dev articles live beside the project")


@pytest.fixture(scope="module")
def seeds():
    return evaluate(SHARED / "seeds", SHARED / "seeds" / "gold.json", lang="fr")


@pytest.fixture(scope="module")
def devset():
    return evaluate(SHARED / "devset", SHARED / "devset" / "gold.json", lang="fr")


def test_seeds_are_read_in_full(seeds) -> None:
    for kind in ("calls", "holdings", "people"):
        assert seeds.kinds[kind].f1 == 1.0, (kind, seeds.kinds[kind].missed, seeds.kinds[kind].spurious)


def test_seeds_name_the_chairman_at_each_call_and_keep_each_call_dated(seeds) -> None:
    # "À l'époque, X s'était entretenu avec Y" after "la première depuis 2022": that call is of 2022, and stays
    # apart from the call of March 2023 another article tells
    merged = seeds.merged
    assert merged is not None
    assert merged.chairs == merged.chairs_wanted == 3
    assert merged.dated == merged.with_date


def test_devset_floors(devset) -> None:
    assert devset.kinds["calls"].f1 >= 0.95, devset.kinds["calls"].missed
    assert devset.kinds["holdings"].f1 >= 0.95, devset.kinds["holdings"].missed
    assert devset.kinds["people"].f1 >= 0.97
    assert devset.merged is not None and devset.merged.found >= 10
    assert devset.merged.dated >= 6  # 11 of 11 found, 7 of 7 dated in round 17 (the lead calls dated to their month)
