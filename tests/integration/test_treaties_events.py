"""The treaties stored query's ``events`` column (issue 11): read from the data alone, the same from a file, the
store and the data with the ontology beside it (types inferred up the hierarchy)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.namespaces import KGO
from kg.query import load_query, run_query
from kg.rdfio import load
from kg.resources import ontology_path
from tests.conftest import run_kg

pytestmark = pytest.mark.model

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _fits(events: dict[str, set[str]]) -> bool:
    """What the example corpus reports: Russia suspended New START in February 2023 (article 04), North Korea
    withdrew from the NPT in 2003 (article 06), Russia withdrew its CTBT ratification (article 07); every event
    is named by its own class, with its date where it has one."""
    kinds = {"Signature", "Ratification", "EntryIntoForce", "Suspension", "Withdrawal", "Expiry"}
    return ("Suspension 2023-02" in events["New START"]
            and "Withdrawal 2003" in events["Treaty on the Non-Proliferation of Nuclear Weapons"]
            and any(e.startswith("Withdrawal") for e in events["Comprehensive Nuclear-Test-Ban Treaty"])
            and all(e.split(" ")[0] in kinds for found in events.values() for e in found))


def _events(store: ox.Store) -> dict[str, set[str]]:
    rows = run_query(store, load_query("treaties"), {})
    return {row["name"].value: set(row["events"].value.split("; ")) - {""} if row["events"] else set()
            for row in rows}


def test_events_from_the_built_file_on_the_command_line(built_examples: Path) -> None:
    code, out, err = run_kg("query", "treaties", "--data", str(built_examples), "--format", "csv")
    assert code == 0, err
    rows = {r["name"]: set(r["events"].split("; ")) - {""} for r in csv.DictReader(io.StringIO(out))}
    assert _fits(rows), rows
    assert rows == _events(load([built_examples]))


def test_events_from_a_store(built_examples: Path, tmp_path: Path) -> None:
    from kg.store import open_store

    store = open_store(tmp_path / "store")
    store.bulk_load(path=str(built_examples), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    code, out, err = run_kg("query", "treaties", "--data", str(tmp_path / "store"), "--format", "csv")
    assert code == 0, err
    assert {r["name"]: set(r["events"].split("; ")) - {""} for r in csv.DictReader(io.StringIO(out))} == _events(
        load([built_examples]))


def test_events_name_the_most_specific_class_when_the_hierarchy_is_there(built_examples: Path) -> None:
    store = load([built_examples, ontology_path()])
    event_types = [ox.NamedNode(str(KGO.TreatyEvent)), ox.NamedNode(str(KGO.Event))]
    events = {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(KGO.treaty)), None, None)}
    assert events
    for event in events:  # what a reasoner would add: the superclasses of each event's class
        for kind in event_types:
            store.add(ox.Quad(event, RDF_TYPE, kind))
    assert _events(store) == _events(load([built_examples])) and _fits(_events(store))
