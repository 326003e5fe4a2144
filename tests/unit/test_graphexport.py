"""kg export --format graphml / neo4j-csv: people, offices and calls as nodes; participations and terms as edges."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from pyoxigraph import RdfFormat, Store

from kg.errors import InputError, UsageError
from kg.graphexport import export_graph, neo4j_paths, read_graph, to_graphml, to_neo4j_csv
from tests.conftest import run_kg

# A small graph in kg's vocabulary, written for these tests: two ministers on a dated call that one of them
# placed, a third person on an undated call, terms with and without bounds, and a participant that is not a
# kgo:Person (an edge to it would dangle, so it is left out).
GRAPH = """\
@prefix kgo: <https://w3id.org/kg-news/ontology#> .
@prefix kgr: <https://w3id.org/kg-news/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kgr:person\\/ana a kgo:Person ; skos:prefLabel "Ana Lopes" ; skos:altLabel "A. Lopes", "Lopes" .
kgr:person\\/bo a kgo:Person ; skos:prefLabel "Bo \\"Tiger\\" Kim, Jr.\\u0007" .
kgr:person\\/cy a kgo:Person ; skos:prefLabel "Cy Ortega" .
kgr:country\\/pt kgo:isoCode "PT" .
kgr:office\\/pt-defence a kgo:Office ; rdfs:label "ministre de la Défense"@fr, "Minister of Defence"@en ;
    kgo:jurisdiction kgr:country\\/pt .
kgr:term\\/ana-pt a kgo:OfficeTerm ; kgo:holder kgr:person\\/ana ; kgo:office kgr:office\\/pt-defence ;
    kgo:start "2021-06"^^xsd:gYearMonth ; kgo:heldOn "2022-03-01"^^xsd:date, "2023-01-09"^^xsd:date .
kgr:call\\/ana-bo a kgo:Call ; kgo:participant kgr:person\\/ana, kgr:person\\/bo ;
    kgo:initiator kgr:person\\/bo ; kgo:medium kgo:Telephone ; kgo:date "2023-01-09"^^xsd:date ;
    kgo:dateEarliest "2023-01-09"^^xsd:date ; kgo:dateLatest "2023-01-09"^^xsd:date .
kgr:call\\/cy a kgo:Call ; kgo:participant kgr:person\\/cy, kgr:org\\/nato .
"""

ID = "https://w3id.org/kg-news/id/"


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


@pytest.fixture
def small():
    store = Store()
    store.load(GRAPH.encode("utf-8"), format=RdfFormat.TURTLE)
    return read_graph(store)


def test_nodes_carry_kind_label_country_and_dates(small) -> None:
    nodes = small.nodes
    assert {n["kind"] for n in nodes.values()} == {"Person", "Office", "Call"} and len(nodes) == 6
    assert nodes[ID + "person/ana"] == {"kind": "Person", "label": "Ana Lopes", "aliases": "A. Lopes; Lopes",
                                        "country": "PT"}
    assert nodes[ID + "office/pt-defence"] == {"kind": "Office", "label": "Minister of Defence", "country": "PT"}
    call = nodes[ID + "call/ana-bo"]
    assert (call["date"], call["dateEarliest"], call["medium"]) == ("2023-01-09", "2023-01-09", "Telephone")
    assert call["label"].startswith("call 2023-01-09: Ana Lopes – Bo") and "date" not in nodes[ID + "call/cy"]
    assert nodes[ID + "call/cy"]["label"] == "call undated: Cy Ortega"


def test_edges_are_participations_and_terms_between_exported_nodes(small) -> None:
    edges = {(e["source"].removeprefix(ID), e["target"].removeprefix(ID), e["type"]): e for e in small.edges}
    assert set(edges) == {("person/ana", "call/ana-bo", "PARTICIPATED_IN"), ("person/bo", "call/ana-bo",
                          "PARTICIPATED_IN"), ("person/cy", "call/cy", "PARTICIPATED_IN"),
                          ("person/ana", "office/pt-defence", "HELD")}  # not the organisation on call/cy
    assert edges["person/bo", "call/ana-bo", "PARTICIPATED_IN"]["initiator"] == "true"
    assert edges["person/ana", "call/ana-bo", "PARTICIPATED_IN"]["initiator"] == "false"
    term = edges["person/ana", "office/pt-defence", "HELD"]
    assert (term["start"], term["firstSeen"], term["lastSeen"], term.get("end")) == (
        "2021-06", "2022-03-01", "2023-01-09", None)


def test_networkx_reads_the_graphml_back(small) -> None:
    g = nx.read_graphml(io.BytesIO(to_graphml(small)))
    assert g.is_directed() and g.number_of_nodes() == 6 and g.number_of_edges() == 4
    assert g.nodes[ID + "person/bo"]["label"] == 'Bo "Tiger" Kim, Jr.\ufffd'  # a control character XML forbids
    assert g.nodes[ID + "office/pt-defence"]["kind"] == "Office"
    assert g.edges[ID + "person/bo", ID + "call/ana-bo"]["initiator"] is True  # a typed boolean
    assert g.edges[ID + "person/ana", ID + "office/pt-defence"]["start"] == "2021-06"


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_neo4j_csv_headers_follow_neo4j_admin_and_every_edge_end_is_a_node(small) -> None:
    nodes_text, edges_text = to_neo4j_csv(small)
    header, nodes = read_csv(nodes_text)
    assert header[0] == "iri:ID" and header[-1] == ":LABEL" and "aliases:string[]" in header
    edge_header, edges = read_csv(edges_text)
    assert edge_header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "initiator:boolean" in edge_header
    ids = {n["iri:ID"] for n in nodes}
    assert len(ids) == len(nodes) == 6 and {n[":LABEL"] for n in nodes} == {"Person", "Office", "Call"}
    assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges) and len(edges) == 4
    assert {e[":TYPE"] for e in edges} == {"PARTICIPATED_IN", "HELD"}
    ana = next(n for n in nodes if n["iri:ID"] == ID + "person/ana")
    assert ana["aliases:string[]"] == "A. Lopes;Lopes" and ana["name"] == "Ana Lopes"


def test_neo4j_files_are_named_after_out(tmp_path: Path) -> None:
    assert neo4j_paths(tmp_path / "kg.csv") == (tmp_path / "kg.nodes.csv", tmp_path / "kg.relationships.csv")
    assert neo4j_paths(tmp_path / "kg") == (tmp_path / "kg.nodes.csv", tmp_path / "kg.relationships.csv")


def test_export_command_writes_graphml_and_the_csv_pair(graph_file: Path, tmp_path: Path, capsys) -> None:
    code, out, err = run_kg("export", "--data", str(graph_file), "--format", "GraphML")
    assert code == 0 and err == "" and nx.read_graphml(io.StringIO(out)).number_of_nodes() == 6
    assert run_kg("export", "--data", str(graph_file), "--format", "neo4j-csv", "-o",
                  str(tmp_path / "kg.csv"))[0] == 0
    assert sorted(p.name for p in tmp_path.glob("kg.*.csv")) == ["kg.nodes.csv", "kg.relationships.csv"]
    assert (tmp_path / "kg.relationships.csv").read_text(encoding="utf-8").startswith(":START_ID,:END_ID,:TYPE")


def test_export_refuses_before_reading(graph_file: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="-o NAME.csv"):
        export_graph(graph_file, "neo4j-csv", None)
    with pytest.raises(InputError, match="output folder does not exist"):
        export_graph(graph_file, "graphml", tmp_path / "missing" / "kg.graphml")
    with pytest.raises(InputError, match="no such file or store"):
        export_graph(tmp_path / "none.ttl", "graphml", tmp_path / "kg.graphml")
    with pytest.raises(UsageError, match="is the input"):
        export_graph(graph_file, "graphml", graph_file)


@pytest.mark.model
def test_the_example_corpus_exports_the_joint_chiefs(built_examples: Path) -> None:
    from kg.store import open_data

    graph = read_graph(open_data(built_examples))
    g = nx.read_graphml(io.BytesIO(to_graphml(graph)))
    chairs = [n for n, d in g.nodes(data=True) if d["kind"] == "Office" and "Joint Chiefs" in d.get("label", "")]
    holders = {g.nodes[p]["label"] for chair in chairs for p in g.predecessors(chair)}
    assert any("Milley" in name for name in holders), holders
    calls = [n for n, d in g.nodes(data=True) if d["kind"] == "Call"]
    assert calls and all(g.in_degree(c) >= 2 for c in calls)  # every call has at least two people
