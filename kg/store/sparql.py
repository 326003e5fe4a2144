"""SPARQL 1.1 Update text generated from RDF terms: DROP, INSERT DATA and DELETE DATA.

This is serialisation, not query writing: every term is written in its
N-Triples form by pyoxigraph (IRIs and literals already escaped), which is also
valid SPARQL, so no user text is ever pasted into an update.  Both the embedded
store (one ``Store.update`` call is one transaction) and remote endpoints
without the Graph Store protocol use it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import NamedNode, Quad, Triple


def triples_text(triples: Iterable[Triple | Quad]) -> str:
    """``s p o .`` lines in N-Triples syntax (the graph of a quad is ignored)."""
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def _data_block(keyword: str, quads: Iterable[Quad]) -> str:
    by_graph: dict[str, list[Quad]] = defaultdict(list)
    for q in quads:
        by_graph[str(q.graph_name)].append(q)
    if not by_graph:
        return ""
    body = "\n".join(f"GRAPH {g} {{\n{triples_text(qs)}\n}}" for g, qs in by_graph.items())
    return f"{keyword} {{\n{body}\n}}"


def insert_data(quads: Iterable[Quad]) -> str:
    """``INSERT DATA { GRAPH <g> { ... } ... }`` for quads in named graphs ('' when there are none)."""
    return _data_block("INSERT DATA", quads)


def delete_data(quads: Iterable[Quad]) -> str:
    """``DELETE DATA { GRAPH <g> { ... } ... }`` ('' when there are no quads)."""
    return _data_block("DELETE DATA", quads)


def drop(graph: NamedNode) -> str:
    """``DROP SILENT GRAPH <g>``: empty the graph, no error when it does not exist."""
    return f"DROP SILENT GRAPH {graph}"


def join(*operations: str) -> str:
    """One update request of several operations (empty ones skipped), executed in order."""
    return " ;\n".join(op for op in operations if op)
