"""A query's final ORDER BY sorted in Python (kg.query_order): which clauses qualify, and the same order as the
engine's own sort on every kind of value it accepts, with the engine sorting whatever it does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Store, Variable

from kg.query import StoredQuery, run_query
from kg.query_order import OrderKey, SortedSolutions, final_order

HEAD = "SELECT ?a ?b WHERE { ?s <http://x/p> ?a . OPTIONAL { ?s <http://x/q> ?b } }"


@pytest.mark.parametrize("tail, keys", [
    ("ORDER BY ?a", (OrderKey("a"),)),
    ("order by ?a DESC(?b)", (OrderKey("a"), OrderKey("b", True))),
    ("ORDER BY ASC(?b) ?a # the name last\n", (OrderKey("b"), OrderKey("a"))),
])
def test_plain_variable_keys_qualify(tail: str, keys: tuple[OrderKey, ...]) -> None:
    found = final_order(f"{HEAD}\n{tail}")
    assert found is not None
    text, got = found
    assert got == keys
    assert "ORDER" not in text.upper().replace("ORDERED", "")
    assert text.rstrip().endswith("}")


@pytest.mark.parametrize("tail", [
    "",
    "ORDER BY ?a LIMIT 10",           # the slice needs the order first
    "ORDER BY ?a OFFSET 2",
    "ORDER BY STR(?a)",               # an expression
    "ORDER BY (?a)",
    "ORDER BY DESC(?a + 1)",
    "GROUP BY ?a ORDER BY ?a",
    "ORDER BY",
])
def test_anything_else_is_left_to_the_engine(tail: str) -> None:
    assert final_order(f"{HEAD}\n{tail}") is None


def test_an_order_inside_a_subquery_is_not_the_final_one() -> None:
    text = "SELECT ?a WHERE { { SELECT ?a WHERE { ?s ?p ?a } ORDER BY ?a LIMIT 3 } }"
    assert final_order(text) is None


def test_a_string_that_looks_like_a_clause_is_not_one() -> None:
    text = 'SELECT ?a WHERE { ?s ?p ?a FILTER(?a != "} ORDER BY ?a") }'
    assert final_order(text) is None


# ------------------------------------------------------------------ same order as the engine

XSD = "http://www.w3.org/2001/XMLSchema#"
ACCEPTED = st.one_of(
    st.none(),
    st.sampled_from(["<http://x/a>", "<http://x/B>", "<http://x/a/b>", "<http://y/é>", "<urn:z>"]),
    st.sampled_from(['"a"', '"B"', '"é"', '"Z"', '"ab"', '""', '"2024-03-01"', '"2024-03"', '"10"', '"9"']),
    st.sampled_from(['"a"@en', '"b"@fr', '"Été"@fr', '"a b"@en']),
)
OTHERS = st.sampled_from([f'"2"^^<{XSD}integer>', f'"10"^^<{XSD}integer>', f'"2024-03-01"^^<{XSD}date>',
                          '"a"@de'])


def _values(rows: list[tuple[str | None, str | None]]) -> str:
    body = " ".join(f"({a or 'UNDEF'} {b or 'UNDEF'})" for a, b in rows)
    return f"SELECT ?a ?b WHERE {{ VALUES (?a ?b) {{ {body} }} }}"


def _both(text: str) -> tuple[list[tuple], list[tuple], object]:
    store = Store()
    ours = run_query(store, StoredQuery.from_text(text, "t", Path("t.rq")))
    engine = store.query(text)
    rows = lambda result: [tuple(None if s[n] is None else str(s[n]) for n in ("a", "b")) for s in result]  # noqa: E731
    return rows(ours), rows(engine), ours


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(ACCEPTED, ACCEPTED), min_size=1, max_size=25),
       st.sampled_from(["?a", "?b ?a", "DESC(?a)", "DESC(?b) ?a", "?a DESC(?b)"]))
def test_the_order_of_iris_strings_and_unbound_is_the_engines(rows, order) -> None:
    ours, engine, result = _both(f"{_values(rows)} ORDER BY {order}")
    keys = [name.strip("?") for name in order.replace("DESC(", "").replace(")", "").split()]
    assert sorted(ours, key=str) == sorted(engine, key=str)
    assert [[r["ab".index(k)] for k in keys] for r in ours] == [[r["ab".index(k)] for k in keys] for r in engine]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(ACCEPTED, ACCEPTED), min_size=0, max_size=12), OTHERS)
def test_numbers_dates_and_same_text_literals_are_sorted_by_the_engine(rows, other) -> None:
    mixed = [*rows, (other, None), ('"a"', None)]  # '"a"@de' beside '"a"': a tie the engine breaks its own way
    ours, engine, result = _both(f"{_values(mixed)} ORDER BY ?a")
    assert ours == engine
    assert not isinstance(result, SortedSolutions)


def test_blank_nodes_are_sorted_by_the_engine() -> None:
    text = "SELECT ?a WHERE { VALUES ?n { 1 2 3 } BIND(BNODE() AS ?a) } ORDER BY ?a"
    result = run_query(Store(), StoredQuery.from_text(text, "t", Path("t.rq")))
    assert not isinstance(result, SortedSolutions)
    assert len(list(result)) == 3


def test_sorted_rows_read_like_the_engines_solutions() -> None:
    text = '''SELECT ?a ?b WHERE { VALUES (?a ?b) { ("y" <http://x/1>) ("x" UNDEF) } } ORDER BY ?a'''
    result = run_query(Store(), StoredQuery.from_text(text, "t", Path("t.rq")))
    assert isinstance(result, SortedSolutions)
    assert [v.value for v in result.variables] == ["a", "b"]
    first, second = list(result)
    assert first["a"].value == "x" and first[Variable("b")] is None and first[0].value == "x"
    assert second["b"].value == "http://x/1" and len(second) == 2 and second["nothing"] is None
