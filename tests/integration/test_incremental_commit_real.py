"""Incremental commits on real facts: the example corpus and a held-out fresh set, extracted once with the real
model, then committed in several orders without NLP (tests/unit/test_incremental_commit.py has the hand-made
cases): the store holds the quads of a one-shot build, and `kg build --force` of the same corpus agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.ingest import BuildStore
from kg.store.embedded import canonical
from tests.conftest import EXAMPLES, FIXTURES
from tests.factories import commit_in_steps, incremental_only, one_shot, orders


@pytest.fixture
def closures(monkeypatch) -> list[int | None]:
    """Every commit goes the incremental way; the size of each closure (None: re-resolved in full)."""
    return incremental_only(monkeypatch)


def stored_facts_of(store: Path) -> list:
    with BuildStore.writing(store) as kgs:
        stored = kgs.articles()
        facts = kgs.load_facts(stored.values())
    return [facts[i] for i in sorted(facts)]


@pytest.fixture(scope="module", params=[EXAMPLES, FIXTURES / "fresh-relay"], ids=["examples", "fresh-relay"])
def real(request, tmp_path_factory) -> tuple[Path, Path, list]:
    """The corpus, its store as one `kg build` leaves it (commits as it goes) and its stored facts."""
    store = tmp_path_factory.mktemp("real") / "s"
    build([str(request.param)], store=store, validate=False)
    return request.param, store, stored_facts_of(store)


def test_real_facts_in_any_order_give_the_one_shot_graph(real, tmp_path: Path, closures) -> None:
    _, store, facts = real
    expected = one_shot(facts)
    assert _quads(store) - _identity(store) == expected
    for name, steps in orders(facts).items():
        assert commit_in_steps(tmp_path / name, steps) == expected, name
    assert None not in closures and min(closures) < len(facts)  # incremental, and not always everything


def test_a_forced_rebuild_gives_what_the_commits_gave(real, tmp_path: Path) -> None:
    corpus, store, _ = real
    before = _quads(store)
    result = CliRunner().invoke(cli, ["build", str(corpus), "--store", str(store), "--force",
                                      "--no-validate"])
    assert result.exit_code == 0, result.output
    assert _quads(store) == before


def _quads(store: Path) -> set:
    from pyoxigraph import Store

    db = Store.read_only(str(store))
    try:
        return canonical(q for q in db)
    finally:
        del db


def _identity(store: Path) -> set:
    from kg.namespaces import IDENTITY

    return {q for q in _quads(store) if q.graph_name == IDENTITY}
