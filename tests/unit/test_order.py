"""A final ORDER BY applied in Python (kg.order) gives exactly the engine's rows in the engine's order, and
hands back to the engine whenever its order is not the plain one.  Model-free: generated stores."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store

from kg.order import outer_order, select_rows
from kg.query import inline_query, prepare
from kg.query_run import LocalData

EX = "http://example.org/"
HEAD = f"PREFIX ex: <{EX}> SELECT DISTINCT ?s ?a ?b WHERE {{ ?s ex:p ?x OPTIONAL {{ ?s ex:a ?a }} " \
       "OPTIONAL { ?s ex:b ?b } }"


def _store(seed: int, terms: list) -> Store:
    """Subjects with optional ``ex:a`` and ``ex:b`` values drawn from ``terms`` (some left unbound)."""
    rng, store = random.Random(seed), Store()
    for i in range(300):
        subject = NamedNode(f"{EX}s/{rng.randrange(10**6):06d}")
        store.add(Quad(subject, NamedNode(f"{EX}p"), Literal(str(i))))
        for predicate in ("a", "b"):
            if rng.random() < 0.85:
                store.add(Quad(subject, NamedNode(EX + predicate), rng.choice(terms)))
    return store


PLAIN_TERMS = [NamedNode(f"{EX}{w}") for w in ("zeta", "Alpha", "alpha", "é", "a/b")] + [
    Literal(w) for w in ("b", "B", "a", "ab", "", "É", "z z", "10", "9")] + [
    Literal(w, language=tag) for w in ("a", "b", "ab") for tag in ("en", "fr", "fr-ca")] + [
    Literal("a", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#string"))]


def _engine(store: Store, text: str) -> list[tuple]:
    return [tuple(row) for row in store.query(text)]


@pytest.mark.parametrize("seed", range(6))
def test_same_rows_in_the_same_order_as_the_engine(seed: int) -> None:
    store, rng = _store(seed, PLAIN_TERMS), random.Random(seed)
    names = ["?s", "?a", "?b"]
    rng.shuffle(names)
    keys = " ".join(name if rng.random() < 0.5 else f"{rng.choice(['ASC', 'DESC', 'desc'])}({name})"
                    for name in names)
    text = f"{HEAD}\nORDER BY {keys}\n"
    plan = outer_order(text)
    assert plan is not None and len(plan.keys) == 3
    variables, rows = select_rows(store, text, on_disk=True)
    assert variables == ("s", "a", "b")
    assert rows == _engine(store, text), keys
    assert select_rows(store, text, on_disk=False)[1] == rows  # in memory the engine sorts


def test_orders_that_only_the_engine_knows_go_back_to_it() -> None:
    """Numbers, dates and blank nodes are ordered by the engine: select_rows then lets it sort."""
    typed = [Literal(n) for n in (10, 9, 2, -1)] + [Literal("2024-05-01", datatype=NamedNode(
        "http://www.w3.org/2001/XMLSchema#date")), BlankNode("x"), BlankNode("y"), Literal("b")]
    store = _store(7, typed)
    text = f"{HEAD} ORDER BY ?a ?s ?b"
    plan = outer_order(text)
    assert plan is not None
    variables, rows = (lambda r: (("s", "a", "b"), [tuple(x) for x in r]))(store.query(plan.text))
    assert plan.sort(variables, rows) is None
    assert select_rows(store, text, on_disk=True)[1] == _engine(store, text)


@pytest.mark.parametrize("tail", [
    "ORDER BY ?a LIMIT 5", "ORDER BY ?a OFFSET 2", "GROUP BY ?a ORDER BY ?a", "ORDER BY STR(?a)",
    "ORDER BY ?a VALUES ?a { 1 }", "", "LIMIT 3", "ORDER BY (?a)",
])
def test_only_a_final_order_by_of_variables_is_taken(tail: str) -> None:
    assert outer_order(f"SELECT ?a WHERE {{ ?a ?b ?c }} {tail}") is None


def test_the_clause_is_found_after_comments_and_in_any_case() -> None:
    plan = outer_order("SELECT * WHERE { ?a ?b ?c } # done\norder by  desc( ?a )\n  $b # then b\n")
    assert plan is not None
    assert plan.keys == (("a", True), ("b", False))
    assert "order" not in plan.text.lower() and plan.text.rstrip().endswith("}")


def test_a_key_the_query_does_not_return_goes_back_to_the_engine() -> None:
    store = _store(3, PLAIN_TERMS)
    text = f"PREFIX ex: <{EX}> SELECT ?s WHERE {{ ?s ex:a ?a }} ORDER BY ?a ?s"
    plan = outer_order(text)
    assert plan is not None and plan.sort(("s",), [(NamedNode(f"{EX}x"),)]) is None
    assert select_rows(store, text, on_disk=True)[1] == _engine(store, text)


@pytest.fixture(scope="module")
def store_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ordered") / "store"
    store = Store(str(folder))
    for quad in _store(11, PLAIN_TERMS):
        store.add(quad)
    store.flush()
    del store
    return folder


def test_kg_query_on_a_store_orders_as_the_engine(store_folder: Path) -> None:
    """The command's own path (a child process, SPARQL JSON back to the parent) sorts in the parent."""
    query = inline_query(f"{HEAD} ORDER BY DESC(?b) ?a ?s")
    prepared = prepare(query)
    ordered = LocalData(store_folder).select(prepared)
    engine = LocalData(store_folder)._run(prepared)
    assert ordered == engine and len(ordered.rows) > 100


def test_a_later_key_is_only_ranked_where_the_rows_before_it_tie() -> None:
    """Like the engine, the sort looks at a later key only between rows tied on the keys before it: a
    date in ?b beside distinct ?s orders in Python, but the same dates on tied rows go back to the engine."""
    date = NamedNode("http://www.w3.org/2001/XMLSchema#date")
    store = Store()
    for i, day in enumerate(("2024-05-03", "2024-05-01", "2024-05-02")):
        subject = NamedNode(f"{EX}s/{i}")
        store.add(Quad(subject, NamedNode(f"{EX}p"), Literal(str(i))))
        store.add(Quad(subject, NamedNode(f"{EX}a"), Literal("same")))
        store.add(Quad(subject, NamedNode(f"{EX}b"), Literal(day, datatype=date)))
    untied = outer_order(f"{HEAD} ORDER BY ?s ?b")
    tied = outer_order(f"{HEAD} ORDER BY ?a ?b")
    assert untied is not None and tied is not None
    rows = [tuple(row) for row in store.query(untied.text)]
    assert untied.sort(("s", "a", "b"), rows) == _engine(store, f"{HEAD} ORDER BY ?s ?b")
    assert tied.sort(("s", "a", "b"), rows) is None
    assert select_rows(store, f"{HEAD} ORDER BY ?a ?b", on_disk=True)[1] == _engine(store, f"{HEAD} ORDER BY ?a ?b")
