"""Injection: a ``--param`` value is always one escaped literal, locally and on a real Oxigraph server.

The server (``oxigraph serve`` on 127.0.0.1, a free port) holds the reference graph, a canary named
graph, and one office whose notation *is* each hostile value: the query must find exactly that
office (the value was bound whole, as a literal) and the canary must survive every attempt.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

from kg.mapping import mint
from kg.query import bind, load_query, run_query, with_values
from tests.conftest import SHAPE_FIXTURES, run_kg

pytestmark = pytest.mark.server

CANARY = NamedNode("urn:kg-test:canary")
HOSTILE = [
    '"} ; DROP ALL ; INSERT DATA {',
    'US.chief_of_defence" ) } } ; DROP ALL ; #',
    "'} DROP GRAPH <urn:kg-test:canary> ; {'",
    '\\" } } DELETE WHERE { ?s ?p ?o } #',
    "x\n} }\nCLEAR ALL\n#",
    '""" } DROP ALL { """',
    "> <urn:x> } ; DROP ALL ; #",
    "\u0022) } ; DROP SILENT ALL",
]
SKOS_NOTATION = NamedNode("http://www.w3.org/2004/02/skos/core#notation")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
KGO = "https://w3id.org/kg-news/ontology#"


def _seed(store: Store) -> None:
    """The reference graph, the canary, and one office and term per hostile notation."""
    store.bulk_load(path=str(SHAPE_FIXTURES / "valid-graph.trig"), format=RdfFormat.TRIG)
    store.add(Quad(CANARY, CANARY, Literal("still here"), CANARY))
    for i, value in enumerate(HOSTILE):
        office, term, person = mint("office", value), mint("term", f"t{i}"), mint("person", f"p{i}", f"Holder {i}")
        g = NamedNode("urn:kg-test:hostile")
        store.extend([Quad(office, NamedNode(PREFIX_RDF + "type"), NamedNode(KGO + "Office"), g),
                      Quad(office, SKOS_NOTATION, Literal(value), g),
                      Quad(office, RDFS_LABEL, Literal(f"Office {i}", language="en"), g),
                      Quad(term, NamedNode(KGO + "office"), office, g),
                      Quad(term, NamedNode(KGO + "holder"), person, g),
                      Quad(person, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                           Literal(f"Holder {i}", language="fr"), g)])


PREFIX_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    location = tmp_path_factory.mktemp("oxigraph")
    store = Store(str(location))
    _seed(store)
    store.flush()
    del store
    port = _free_port()
    proc = subprocess.Popen([_oxigraph(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _canary_alive(url: str) -> bool:
    query = "ASK { GRAPH <urn:kg-test:canary> { <urn:kg-test:canary> ?p \"still here\" } }"
    request = urllib.request.Request(url + "/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["boolean"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_param_is_one_literal_on_a_real_server(server: str, value: str) -> None:
    assert _canary_alive(server)
    code, out, err = run_kg("query", "holder-at-date", "--endpoint", server + "/query", "--profile", "oxigraph",
                            "--param", f"office={value}",
                            "--param", "date=2024-01-01", "--format", "csv")
    assert code == 0, err
    index = HOSTILE.index(value)
    assert out.splitlines()[1:] == [f"{mint('person', f'p{index}', f'Holder {index}').value},Holder {index},"
                                    f"{mint('office', value).value},Office {index},,"]
    assert _canary_alive(server)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_param_is_one_literal_locally(value: str) -> None:
    store = Store()
    _seed(store)
    query = load_query("holder-at-date")
    rows = list(run_query(store, query, {"office": value, "date": "2024-01-01"}))
    assert [r["officeName"].value for r in rows] == [f"Office {HOSTILE.index(value)}"]
    assert len(store) == len(_seeded())
    text = with_values(query.text, bind(query, {"office": value, "date": "2024-01-01"}))
    assert text.count("VALUES") == 1 and "DROP" not in text.replace(_escaped(value), "")


def _seeded() -> Store:
    store = Store()
    _seed(store)
    return store


def _escaped(value: str) -> str:
    return str(Literal(value))[1:-1]


@pytest.mark.parametrize("param", ["date=2024-01-01\" } ; DROP ALL ; #", "date=01/01/2024", "date="])
def test_typed_params_are_checked_before_anything_is_sent(param: str) -> None:
    code, _, err = run_kg("query", "holder-at-date", "--endpoint", "http://127.0.0.1:9/query", "--param", "office=x",
                          "--param", param)
    assert code == 2
    assert "expected a date" in err


SLOT_QUERY = """# param: office string  An office notation.
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?post WHERE {
  { SELECT ?post WHERE {
      # values
      ?post skos:notation ?n FILTER(STR(?n) = STR(?office))
  } }
}
"""


@pytest.mark.parametrize("value", HOSTILE)
def test_values_slot_in_a_subquery_binds_the_same_way(tmp_path: Path, value: str) -> None:
    """A ``# values`` line places the VALUES block inside a subquery (which cannot see outer values)."""
    from kg.query import StoredQuery

    path = tmp_path / "slot.rq"
    path.write_text(SLOT_QUERY, encoding="utf-8")
    query = StoredQuery.from_file(path)
    text = with_values(query.text, bind(query, {"office": value}))
    inner = text.index("WHERE {", text.index("WHERE {") + 1)
    assert "# values" not in text and text.index("VALUES") > inner
    rows = list(run_query(_seeded(), query, {"office": value}))
    assert [r["post"] for r in rows] == [mint("office", value)]
