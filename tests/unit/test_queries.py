"""Stored queries: each parses, declares what it needs, and binds parameters as RDF terms."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, Store

from kg.errors import QueryNotFound, UsageError
from kg.query import bind, list_queries, load_query, run_query
from kg.resources import query_paths

CONTRACT = {
    "calls": {"call", "date", "participants", "initiator", "sources"},
    "holdings": {"person", "personName", "office", "officeName", "country", "start", "end", "sources"},
    "people": {"person", "name", "aliases", "sources"},
    "missiles": {"missile", "name", "aliases", "sources"},
    "treaties": {"treaty", "name", "aliases", "events", "sources"},
    "chair-at-each-call": {"call", "date", "chair", "chairName"},
    "roles-at-each-call": {"call", "date", "participantName", "officeName"},
    "holder-at-date": {"person", "personName"},
}


@pytest.mark.parametrize("name", sorted(query_paths()))
def test_every_query_parses_and_has_a_header(name: str) -> None:
    q = load_query(name)
    assert q.title and q.description
    values = {p.name: "2024-01-01" if p.type == "xsd:date" else "x" for p in q.params}
    solutions = run_query(Store(), q, values)
    assert list(solutions) == []


@pytest.mark.parametrize("name, columns", sorted(CONTRACT.items()))
def test_contract_columns(name: str, columns: set[str]) -> None:
    q = load_query(name)
    values = {p.name: "2024-01-01" if p.type == "xsd:date" else "x" for p in q.params}
    names = {v.value for v in run_query(Store(), q, values).variables}
    assert columns <= names


def test_holder_at_date_declares_its_parameters() -> None:
    q = load_query("holder-at-date")
    assert [(p.name, p.type) for p in q.params] == [("office", "string"), ("date", "xsd:date")]


def test_parameters_are_bound_as_terms() -> None:
    q = load_query("holder-at-date")
    hostile = '"} ; DROP ALL ; INSERT DATA { <a> <b> <c> } #'
    terms = bind(q, {"office": hostile, "date": "2023-03-15"})
    assert terms["office"] == Literal(hostile)
    assert terms["date"].datatype.value.endswith("#date")


@pytest.mark.parametrize("values, message", [
    ({"office": "x"}, "needs --param date"),
    ({"office": "x", "date": "yesterday"}, "expected a date"),
    ({"office": "x", "date": "2023-01-01", "colour": "red"}, "no parameter colour"),
])
def test_bad_parameters(values: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        bind(load_query("holder-at-date"), values)


def test_unknown_query() -> None:
    with pytest.raises(QueryNotFound):
        load_query("no-such-query")


def test_listing_has_every_file() -> None:
    assert {q.name for q in list_queries()} == set(query_paths())


@pytest.mark.model
def test_treaties_query_lists_each_treaty_event_with_its_date(built_examples) -> None:
    """The events column is read from the data alone (no ontology in the graph): the example corpus
    reports Russia's suspension of New START."""
    from kg.rdfio import load

    store = load([built_examples])
    rows = {row["name"].value: row["events"].value if row["events"] else ""
            for row in run_query(store, load_query("treaties"), {})}
    assert any(e.startswith("Suspension 2023-02") for e in rows["New START"].split("; ")), rows
