"""The pySHACL adapter: the data, its context and the ontology as one rdflib graph, pySHACL run without
inference, SHACL-JS, network or ``owl:imports``, and its failures as kg errors naming the shapes file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph
import pyshacl
from pyparsing import ParseBaseException
from pyshacl.errors import ReportableRuntimeError
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import InputError, KGError
from kg.rdfio import add_quads, read_dataset


class PreparedQueryGraph(Graph):
    """A graph that parses each SPARQL text once.

    pySHACL sends the same query text for every focus node of a SPARQL-based constraint (and of some
    Core ones), with only the bindings changing; parsing dominates the run time without this cache.
    """

    def __init__(self, prefixes: dict[str, str] | None = None) -> None:
        super().__init__()
        self._prepared: dict[str, Query] = {}
        for prefix, namespace in (prefixes or {}).items():
            self.bind(prefix, namespace, override=True)

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Result:
        if isinstance(query_object, str) and not args and set(kwargs) <= {"initBindings"}:
            if query_object not in self._prepared:
                self._prepared[query_object] = prepareQuery(query_object, initNs=dict(self.namespaces()))
            query_object = self._prepared[query_object]
        return super().query(query_object, *args, **kwargs)


def union(*sources: Graph, into: Graph | None = None) -> Graph:
    """One plain graph with the triples of every graph of every source."""
    union = Graph() if into is None else into
    for source in sources:
        quads = source.quads((None, None, None, None)) if isinstance(source, Dataset) else (
            (*t, None) for t in source)
        for s, p, o, _ in quads:
            union.add((s, p, o))
    return union


def as_graph(data: Graph | pyoxigraph.Dataset | str | Path | Iterable[str | Path]) -> Graph:
    if isinstance(data, Graph):
        return union(data)
    if isinstance(data, pyoxigraph.Dataset):  # only the pySHACL fallback needs rdflib terms
        return union(add_quads(Dataset(), iter(data), "the built graph"))
    if isinstance(data, str | Path):
        data = [data]
    return union(read_dataset(data))



def run_pyshacl(data: Graph, shapes: Graph, shapes_file: Path, keep: set[Node] | None) -> Graph:
    """The pySHACL report graph; with ``keep``, pySHACL only looks at those focus nodes (when IRIs)."""
    if keep is not None and not keep:
        return Graph()
    iris = [n for n in keep if isinstance(n, URIRef)] if keep else []
    focus = sorted(iris) if keep and len(iris) == len(keep) else None
    try:
        _conforms, report, _text = pyshacl.validate(
            data, shacl_graph=shapes, inference="none", advanced=False, js=False, do_owl_imports=False,
            meta_shacl=False, abort_on_first=False, allow_infos=False, allow_warnings=False,
            inplace=True, focus_nodes=focus)
    except ReportableRuntimeError as err:
        raise InputError(f"cannot validate with these shapes: {_first_line(err.message)}",
                         path=str(shapes_file)) from err
    except ParseBaseException as err:  # rdflib's SPARQL parser, on a shape's query
        raise InputError(f"SPARQL syntax error in a shape: {err}", path=str(shapes_file)) from err
    except NotImplementedError as err:  # e.g. $shapesGraph in a SPARQL constraint
        raise InputError(f"pySHACL does not implement what these shapes use: {err}", path=str(shapes_file)) from err
    except Exception as err:  # pySHACL and rdflib raise plain exceptions on bad SPARQL or paths
        raise KGError(f"pySHACL failed: {type(err).__name__}: {err}") from err
    if isinstance(report, ReportableRuntimeError):  # pySHACL returns a ValidationFailure instead of a report
        raise InputError(f"cannot validate with these shapes: {_first_line(report.message)}", path=str(shapes_file))
    return report


def _first_line(message: str, limit: int = 300) -> str:
    """pySHACL's message, one line and not too long (a recursion error lists the whole path)."""
    line = message.strip().splitlines()[0] if message.strip() else message
    return line if len(line) <= limit else line[:limit] + "…"
