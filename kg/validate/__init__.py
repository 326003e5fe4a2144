"""Validates RDF against SHACL shapes (kg's own by default) and returns a report object.

Non-conformance is a result (:class:`ValidationReport`), never an exception; a :class:`kg.errors.KGError`
means the data or the shapes could not be read, or validation could not run.  Validation runs on the
union of all graphs of the data with the ontology mixed in (so that ``sh:class`` sees
``rdfs:subClassOf``), without inference, SHACL-JS, network access or ``owl:imports``.

* :mod:`kg.validate.report`: the report model; :mod:`kg.validate.render`: text and Turtle renderers.
* :mod:`kg.validate.shapes`: loading shapes and the network policy.
* :mod:`kg.validate.fast`: kg's engine (shapes compiled to SPARQL, run by pyoxigraph).
* :mod:`kg.validate.pyshacl_adapter`: pySHACL, for shapes the fast engine cannot decide exactly.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph

from kg.errors import Unsupported, UsageError
from kg.rdfio import read_dataset
from kg.resources import ontology_path, shapes_path
from kg.validate.report import Engine, ValidationReport, ValidationResult, make_report, shorten

__all__ = ["Engine", "ValidationReport", "ValidationResult", "load_data", "shorten", "validate"]

DataLike = Graph | pyoxigraph.Dataset | str | Path | Iterable[str | Path]


def load_data(paths: Iterable[str | Path]) -> Dataset:
    """Parse RDF files (format by suffix, :mod:`kg.rdfio`) into one dataset; named graphs are kept."""
    return read_dataset(paths)


def validate(data: DataLike, *, shapes: Path | None = None, against: DataLike | None = None,
             allow_network: bool = False, engine: str = "auto") -> ValidationReport:
    """Validate ``data`` (graphs, an in-memory pyoxigraph Dataset, or RDF files) against the kg shapes,
    or ``shapes``.

    With kg's own shapes the ontology is mixed into the data (``sh:class`` then sees
    ``rdfs:subClassOf``); shapes of the user's own see exactly the data given.  With ``against`` (an
    existing graph), the new data is validated in the context of the union of both, and only results
    about nodes that are subjects in the new data are reported.  ``engine``: "fast" (the shapes compiled
    to SPARQL on pyoxigraph, :mod:`kg.validate.fast`, which also takes embedded store folders; raises
    :class:`kg.errors.Unsupported` for shapes it cannot decide exactly), "pyshacl", or "auto"
    (fast unless a shape needs pySHACL; the report's ``engine`` says which ran and why).
    """
    from kg.validate.shapes import load_shapes

    if engine not in ("auto", "fast", "pyshacl"):
        raise UsageError(f"engine must be 'auto', 'fast' or 'pyshacl', not {engine!r}")
    shapes_file = Path(shapes) if shapes is not None else shapes_path()
    shapes_graph = load_shapes(shapes_file, allow_network)
    ontology = ontology_path() if shapes is None else None
    reason = "asked for"
    if engine != "pyshacl":
        try:
            with quiet_rdflib():
                return _validate_fast(data, shapes_graph, against, ontology)
        except Unsupported as err:
            if engine == "fast":
                raise Unsupported(f"the fast engine cannot decide these shapes exactly: {err}; "
                                  "use the engine auto or pyshacl") from err
            reason = f"fallback: {err}"
    with quiet_rdflib():
        return _validate_pyshacl(data, shapes_graph, shapes_file, against, ontology, Engine("pyshacl", reason))


@contextmanager
def quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback (or warns) for every ill-typed literal it reads; validation reports them."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            yield
    finally:
        logger.setLevel(level)


def _validate_fast(data: DataLike, shapes: Graph, against: DataLike | None,
                   ontology: Path | None) -> ValidationReport:
    """The fast engine's report; raises Unsupported when a shape needs pySHACL."""
    from kg.validate.fast import check

    report, context = check(data, shapes, ontology, against=against)
    return make_report(report, context, None, Engine("fast"))


def _validate_pyshacl(data: DataLike, shapes: Graph, shapes_file: Path, against: DataLike | None,
                      ontology: Path | None, engine: Engine) -> ValidationReport:
    """pySHACL's report on the data, in the context of ``against`` and the ontology when given."""
    from kg.validate.pyshacl_adapter import PreparedQueryGraph, as_graph, run_pyshacl, union
    from kg.validate.shapes import declared_prefixes, read_cached

    new = as_graph(data)
    context = [as_graph(against, context=True)] if against is not None else []
    extra = [read_cached(ontology)] if ontology is not None else []
    combined = union(new, *context, *extra, into=PreparedQueryGraph(declared_prefixes(shapes)))
    keep = set(new.subjects()) if against is not None else None
    return make_report(run_pyshacl(combined, shapes, shapes_file, keep), combined, keep, engine)
