"""rdflib <-> pyoxigraph terms.

pyoxigraph reads and stores; rdflib is what pySHACL and the report model use.  Literals cross exactly
as written (``normalize=False``): an ill-typed ``"1"^^xsd:boolean`` stays ``"1"``, so the validator
sees what the input said.  Blank nodes are mapped through a dictionary the caller keeps, so that one
input blank node stays one node on the other side.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import IdentifiedNode, Node

from kg.errors import InputError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _IllTypedLiterals(logging.Filter):
    """rdflib logs a traceback for every ill-typed literal it builds (``"2023-02-30"^^xsd:date``); kg reads
    such literals on purpose and validation reports them, so those records are dropped (and only those)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Failed to convert Literal lexical form")


logging.getLogger("rdflib.term").addFilter(_IllTypedLiterals())


def to_ox(node: Node, bnodes: dict) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term of an rdflib term (``bnodes``: rdflib blank node -> pyoxigraph blank node)."""
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        if node not in bnodes:
            bnodes[node] = ox.BlankNode()
        return bnodes[node]
    if not isinstance(node, Literal):
        raise TypeError(f"not an RDF term: {node!r}")
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype))) if node.datatype else ox.Literal(str(node))


def to_rdflib(term: object, bnodes: dict | None = None, *, origin: str | Path | None = None) -> Node:
    """The rdflib term of a pyoxigraph term (``bnodes``: pyoxigraph blank node -> rdflib blank node);
    an RDF-star triple term is an input error naming ``origin``."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return (bnodes or {}).get(term) or BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language or term.datatype.value == XSD_STRING:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    raise InputError(f"RDF-star term {term!r}: not supported", path=str(origin) if origin is not None else None)


def rdflib_quads(graph: Graph, bnodes: dict) -> Iterator[ox.Quad]:
    """The triples of an rdflib graph (every graph of a Dataset, merged) as pyoxigraph quads of the
    default graph."""
    triples = (q[:3] for q in graph.quads((None, None, None, None))) if hasattr(graph, "quads") else graph
    for s, p, o in triples:
        subject, predicate = to_ox(s, bnodes), to_ox(p, bnodes)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise TypeError(f"not an RDF triple (literal subject or non-IRI predicate): {s!r} {p!r}")
        yield ox.Quad(subject, predicate, to_ox(o, bnodes))


def add_quads(dataset: Dataset, quads: Iterable[ox.Quad], origin: str | Path) -> Dataset:
    """Add pyoxigraph quads to an rdflib dataset, named graphs kept."""
    for quad in quads:
        name = quad.graph_name
        graph = dataset.default_graph if isinstance(name, ox.DefaultGraph) else dataset.graph(
            cast(IdentifiedNode, to_rdflib(name, origin=origin)))
        graph.add((to_rdflib(quad.subject, origin=origin), to_rdflib(quad.predicate, origin=origin),
                   to_rdflib(quad.object, origin=origin)))
    return dataset
