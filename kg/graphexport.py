"""The graph for tools that are not RDF tools: GraphML (Gephi, yEd, networkx) and Neo4j's bulk-import CSV.

People, offices and calls become nodes (with labels, countries and dates); a person's part in a call and a
person's term in an office become edges (person -> call, person -> office).  Everything is read from the
graph with the SPARQL queries of ``queries/export/`` over the union of its named graphs, so a graph file and a
store give the same export.  Every edge's two ends are nodes of the export (an edge to anything else is left
out), which both formats require.

Neo4j (5.x) loads the CSV pair with::

    neo4j-admin database import full --nodes=kg.nodes.csv --relationships=kg.relationships.csv \\
        --multiline-fields=true neo4j

Headers follow neo4j-admin's conventions: ``iri:ID`` (the node's IRI, also kept as the ``iri`` property),
``:LABEL`` (Person, Office or Call), ``:START_ID``/``:END_ID``/``:TYPE`` (PARTICIPATED_IN, HELD), a ``:boolean``
or ``:string[]`` type suffix where a property is not a plain string (arrays split on ``;``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree as ET

from pyoxigraph import QuerySolutions, Store

from kg.errors import InputError, UsageError
from kg.resources import data_dir

#: The non-RDF export formats, by the name ``kg export --format`` takes.
FORMATS = ("graphml", "neo4j-csv")
#: What a Neo4j export writes beside ``-o NAME.csv``: ``NAME.nodes.csv`` and ``NAME.relationships.csv``.
NEO4J_FILES = ("nodes", "relationships")

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

#: Node attributes (in column order) and edge attributes, with their GraphML types.
NODE_KEYS = {"label": "string", "kind": "string", "country": "string", "aliases": "string", "date": "string",
             "dateEarliest": "string", "dateLatest": "string", "medium": "string"}
EDGE_KEYS = {"type": "string", "initiator": "boolean", "start": "string", "end": "string", "firstSeen": "string",
             "lastSeen": "string"}


@dataclass
class Graph:
    """Nodes by IRI (kind and attributes) and edges (source, target, type and attributes)."""

    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    edges: list[dict[str, str]] = field(default_factory=list)


def is_graph_format(fmt: str) -> bool:
    return fmt.lower() in FORMATS


def read_graph(store: Store) -> Graph:
    """The people, offices and calls of a store, and the participations and terms between them."""
    graph = Graph()
    for kind, query in (("Person", "people"), ("Office", "offices"), ("Call", "calls")):
        for row in select_rows(store, "export", query):
            iri = row.pop("id")
            graph.nodes[iri] = {"kind": kind, **row, **_sorted_lists(row)}
    for row in select_rows(store, "export", "participants"):
        graph.edges.append({"type": "PARTICIPATED_IN", **row})
    for row in select_rows(store, "export", "terms"):
        row.pop("id")
        graph.edges.append({"type": "HELD", **row})
    graph.edges = [e for e in graph.edges if e["source"] in graph.nodes and e["target"] in graph.nodes]
    _label_calls(graph)
    return graph


def _sorted_lists(row: dict[str, str]) -> dict[str, str]:
    """Lists a query concatenates (aliases, countries) in a stable order: GROUP_CONCAT has none."""
    return {k: "; ".join(sorted(_split(row[k]))) for k in ("aliases", "country") if k in row}


def select_rows(store: Store, folder: str, name: str) -> list[dict[str, str]]:
    """The rows of the query ``queries/FOLDER/NAME.rq`` over the union of the store's graphs: each bound
    variable's lexical value (booleans as true/false), empty strings left out."""
    text = (data_dir("queries") / folder / f"{name}.rq").read_text(encoding="utf-8")
    solutions = store.query(text, use_default_graph_as_union=True)
    assert isinstance(solutions, QuerySolutions), f"{name}.rq is not a SELECT query"
    names = [v.value for v in solutions.variables]
    return [{name: term.value for name in names if (term := solution[name]) is not None and term.value != ""}
            for solution in solutions]


def _label_calls(graph: Graph) -> None:
    """A call's label: its date (or date range) and who took part, as Gephi or Neo4j Browser would show it."""
    names: dict[str, list[str]] = {}
    for e in graph.edges:
        if e["type"] == "PARTICIPATED_IN":
            names.setdefault(e["target"], []).append(graph.nodes[e["source"]].get("label", "?"))
    for iri, node in graph.nodes.items():
        if node["kind"] == "Call":
            when = node.get("date") or "–".join(filter(None, (node.get("dateEarliest"), node.get("dateLatest"))))
            node["label"] = f"call {when or 'undated'}: {' – '.join(sorted(names.get(iri, [])))}"


# ----------------------------------------------------------------- GraphML


def to_graphml(graph: Graph) -> bytes:
    """The graph as GraphML 1.0: typed keys declared once, one ``data`` element per known value."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(_q("graphml"), {f"{{{_XSI}}}schemaLocation": _SCHEMA})
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys.items():
            ET.SubElement(root, _q("key"), {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name,
                                            "attr.type": kind})
    body = ET.SubElement(root, _q("graph"), {"id": "kg", "edgedefault": "directed"})
    for iri, node in graph.nodes.items():
        _data(ET.SubElement(body, _q("node"), {"id": iri}), "n", node, NODE_KEYS)
    for n, edge in enumerate(graph.edges):
        element = ET.SubElement(body, _q("edge"), {"id": f"e{n}", "source": edge["source"], "target": edge["target"]})
        _data(element, "e", edge, EDGE_KEYS)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _q(tag: str) -> str:
    return f"{{{GRAPHML_NS}}}{tag}"


def _data(element: ET.Element, prefix: str, values: dict[str, str], keys: dict[str, str]) -> None:
    for name in keys:
        if values.get(name):
            ET.SubElement(element, _q("data"), {"key": f"{prefix}_{name}"}).text = _xml_text(values[name])


def _xml_text(text: str) -> str:
    """Text XML 1.0 can hold: characters it forbids (C0 controls but tab and newlines) become U+FFFD."""
    return "".join(c if c in "\t\n\r" or ord(c) >= 0x20 else "\ufffd" for c in text)


# ----------------------------------------------------------------- Neo4j CSV

#: Node columns with their neo4j-admin headers.
NODE_COLUMNS = {"id": "iri:ID", "label": "name", "country": "country", "aliases": "aliases:string[]",
                "date": "date", "dateEarliest": "dateEarliest", "dateLatest": "dateLatest", "medium": "medium",
                "kind": ":LABEL"}
EDGE_COLUMNS = {"source": ":START_ID", "target": ":END_ID", "type": ":TYPE", "initiator": "initiator:boolean",
                "start": "start", "end": "end", "firstSeen": "firstSeen", "lastSeen": "lastSeen"}


def to_neo4j_csv(graph: Graph) -> tuple[str, str]:
    """The nodes file and the relationships file, as text with neo4j-admin headers."""
    nodes = ({"id": iri, **node, "aliases": ";".join(_split(node.get("aliases", "")))}
             for iri, node in graph.nodes.items())
    return _csv(NODE_COLUMNS, nodes), _csv(EDGE_COLUMNS, graph.edges)


def _split(aliases: str) -> list[str]:
    """The names of a ``; ``-separated list (neo4j-admin splits arrays on ``;`` alone)."""
    return [a.strip() for a in aliases.split("; ") if a.strip()]


def _csv(columns: dict[str, str], rows: Iterable[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns.values())
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    return out.getvalue()


def neo4j_paths(out: Path) -> tuple[Path, Path]:
    """``kg.csv`` -> ``kg.nodes.csv`` and ``kg.relationships.csv`` (the suffix ``.csv`` is optional)."""
    stem = out.name.removesuffix(".csv")
    return tuple(out.with_name(f"{stem}.{part}.csv") for part in NEO4J_FILES)  # type: ignore[return-value]


# ----------------------------------------------------------------- the command


def export_graph(data: Path, fmt: str, out: Path | None = None) -> list[Path]:
    """Write the graph of ``data`` (an RDF file or a store folder) as ``fmt`` (graphml or neo4j-csv) to
    ``out``, atomically, or GraphML to standard output.  Returns the files written."""
    from kg.rdfio import atomic_write, to_stdout
    from kg.store import open_data

    fmt = fmt.lower()
    if fmt == "neo4j-csv" and out is None:
        raise UsageError("--format neo4j-csv writes two files: give -o NAME.csv (NAME.nodes.csv and "
                         "NAME.relationships.csv are written)")
    targets: list[Path] = [] if out is None else [out] if fmt == "graphml" else list(neo4j_paths(out))
    for target in targets:
        if target.resolve() == data.resolve():
            raise UsageError(f"the output {target} is the input")
        if not target.parent.is_dir():
            raise InputError("output folder does not exist", path=str(target.parent))
    if not data.exists():
        raise InputError("no such file or store", path=str(data))
    graph = read_graph(open_data(data))
    contents = [to_graphml(graph)] if fmt == "graphml" else [t.encode("utf-8") for t in to_neo4j_csv(graph)]
    if not targets:
        to_stdout(lambda f: f.write(contents[0]))
        return []
    for target, content in zip(targets, contents, strict=True):
        atomic_write(target, _writer(content))
    return targets


def _writer(content: bytes) -> Callable[[BinaryIO], object]:
    """A writer of ``content`` for :func:`kg.rdfio.atomic_write`."""
    return lambda f: f.write(content)
