"""Validates kg data against the kg shapes with pySHACL and returns a report object.

Non-conformance is a result (:class:`ValidationReport`), never an exception; a :class:`kg.errors.KGError`
means the data or the shapes could not be read, or validation could not run.  Validation runs on the
union of all graphs of the data with the ontology mixed in (so that ``sh:class`` sees
``rdfs:subClassOf``), without inference, SHACL-JS, network access or ``owl:imports``.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph
import pyshacl
from pyparsing import ParseBaseException
from pyshacl.errors import ReportableRuntimeError
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import InputError, KGError, NetworkRefused, UsageError
from kg.namespaces import KGO, PREFIXES
from kg.rdfio import add_quads, read_dataset, to_bytes, to_ox
from kg.resources import ontology_path, shapes_path
from kg.shacl_sparql import refuse_unsupported

KGSH = "https://w3id.org/kg-news/shapes#"
KGSH_NS = Namespace(KGSH)  # kgsh:engine and kgsh:engineNote annotate the report
DISPLAY_PREFIXES = {**PREFIXES, "kgsh": KGSH}
SEVERITIES = ("Violation", "Warning", "Info")

XSD_NS = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD_NS + "string"

DataLike = Graph | pyoxigraph.Dataset | str | Path | Iterable[str | Path]


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result.  IRIs are absolute; ``path`` and ``value`` use N-Triples term syntax."""

    focus: str
    focus_label: str | None
    path: str | None
    value: str | None
    shape: str | None
    component: str
    severity: str  # "Violation" | "Warning" | "Info"
    message: str
    sentence: str | None  # the evidence sentence of the focus node, when the data has one


@dataclass(frozen=True)
class Engine:
    """Which engine produced a report, and why pySHACL ran when it did."""

    name: str  # "fast" (kg's shapes compiled to SPARQL on pyoxigraph) or "pyshacl"
    reason: str | None = None  # why the fast engine did not run

    def describe(self) -> str:
        if self.name == "fast":
            return "kg's fast engine (shapes compiled to SPARQL, run by pyoxigraph)"
        return f"pySHACL ({self.reason})" if self.reason else "pySHACL"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`; ``graph`` is the ``sh:ValidationReport`` as RDF.

    ``conforms`` follows SHACL: no result at all, whatever its severity.  ``failed`` decides the exit
    code: a severity the shapes define themselves counts as a violation (never silently passed).
    """

    conforms: bool
    results: tuple[ValidationResult, ...]
    graph: Graph = field(compare=False, repr=False)
    engine: Engine = field(default=Engine("pyshacl"), compare=False)

    @property
    def violations(self) -> int:
        return self._count("Violation")

    @property
    def warnings(self) -> int:
        return self._count("Warning")

    @property
    def infos(self) -> int:
        return self._count("Info")

    @property
    def others(self) -> int:
        """Results with a severity of the shapes' own (neither Violation, Warning nor Info)."""
        return sum(1 for r in self.results if r.severity not in SEVERITIES)

    def _count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    def failed(self, fail_on: str = "violation") -> bool:
        """True if the report should fail a build: any Violation (or custom severity), with "warning"
        any Warning too."""
        if fail_on == "violation":
            return self.violations + self.others > 0
        if fail_on == "warning":
            return self.violations + self.others + self.warnings > 0
        raise UsageError(f"fail_on must be 'violation' or 'warning', not {fail_on!r}")

    def text(self) -> str:
        return render_text(self)

    def to_json(self) -> dict[str, Any]:
        return {"conforms": self.conforms, "violations": self.violations, "warnings": self.warnings,
                "infos": self.infos, "others": self.others,
                "engine": {"name": self.engine.name, "fallback": self.engine.reason},
                "results": [asdict(r) for r in self.results]}

    def to_turtle(self) -> str:
        """The report graph in Turtle, each literal exactly as written (rdflib's writer would turn an
        ill-typed ``"1"^^xsd:boolean`` into the integer ``1``)."""
        bnodes: dict = {}
        triples = [pyoxigraph.Triple(*(to_ox(t, bnodes) for t in triple)) for triple in self.graph]
        prefixes = {"sh": str(SH), "xsd": XSD_NS, "rdf": str(RDF), **DISPLAY_PREFIXES}
        return to_bytes(triples, "turtle", prefixes).decode()


# ----------------------------------------------------------------- loading


def load_data(paths: Iterable[str | Path]) -> Dataset:
    """Parse RDF files (format by suffix, :mod:`kg.rdfio`) into one dataset; named graphs are kept."""
    return read_dataset(paths)


class _PreparedQueryGraph(Graph):
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


def _union(*sources: Graph, into: Graph | None = None) -> Graph:
    """One plain graph with the triples of every graph of every source."""
    union = Graph() if into is None else into
    for source in sources:
        quads = source.quads((None, None, None, None)) if isinstance(source, Dataset) else (
            (*t, None) for t in source)
        for s, p, o, _ in quads:
            union.add((s, p, o))
    return union


def _as_graph(data: DataLike) -> Graph:
    if isinstance(data, Graph):
        return _union(data)
    if isinstance(data, pyoxigraph.Dataset):  # only the pySHACL fallback needs rdflib terms
        return _union(add_quads(Dataset(), iter(data), "the built graph"))
    if isinstance(data, str | Path):
        data = [data]
    return _union(load_data(data))


@cache
def _read_rdf(path: Path, mtime: float) -> Graph:
    return _union(load_data([path]))


def _read_cached(path: Path) -> Graph:
    try:
        mtime = path.stat().st_mtime
    except OSError as err:
        raise InputError(err.strerror or str(err), path=str(path)) from err
    return _read_rdf(path.resolve(), mtime)


def _declared_prefixes(shapes: Graph) -> dict[str, str]:
    """The sh:declare prefixes of the shapes, for pySHACL's queries: pySHACL reads only those of the
    sh:prefixes node itself, not those it reaches by owl:imports (a prefix declared twice is left out)."""
    found: dict[str, set[str]] = {}
    for decl in shapes.objects(None, SH.declare):
        prefix, namespace = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
        if prefix is not None and namespace is not None:
            found.setdefault(str(prefix), set()).add(str(namespace))
    return {p: next(iter(ns)) for p, ns in found.items() if len(ns) == 1}


_NETWORK_SPARQL = re.compile(r"\b(FROM|SERVICE)\b", re.IGNORECASE)


def _load_shapes(path: Path, allow_network: bool) -> Graph:
    """The shapes graph; refuses what could reach the network or other files unless allowed."""
    shapes = _read_cached(path)
    refuse_unsupported(shapes, path)
    if allow_network:
        return shapes
    if (None, OWL.imports, None) in shapes:
        raise NetworkRefused(f"{path}: shapes use owl:imports; pass allow_network to accept them "
                             "(imports are still not followed)")
    queries = [*shapes.objects(None, SH.select), *shapes.objects(None, SH.ask)]
    if any(_NETWORK_SPARQL.search(str(q)) for q in queries):
        raise NetworkRefused(f"{path}: a SPARQL constraint uses FROM or SERVICE, which load remote or "
                             "local graphs; pass allow_network to accept it")
    return shapes


# ----------------------------------------------------------------- validating


def validate(data: DataLike, *, shapes: Path | None = None, against: DataLike | None = None,
             allow_network: bool = False, engine: str = "auto") -> ValidationReport:
    """Validate ``data`` (graphs, an in-memory pyoxigraph Dataset, or RDF files) against the kg shapes,
    or ``shapes``.

    With kg's own shapes the ontology is mixed into the data (``sh:class`` then sees
    ``rdfs:subClassOf``); shapes of the user's own see exactly the data given.  With ``against`` (an
    existing graph), the new data is validated in the context of the union of both, and only results
    about nodes that are subjects in the new data are reported.  ``engine``: "fast" (the shapes compiled
    to SPARQL on pyoxigraph, :mod:`kg.shacl_fast`, which also takes embedded store folders; raises
    :class:`kg.shacl_values.Unsupported` for shapes it cannot decide exactly), "pyshacl", or "auto"
    (fast unless a shape needs pySHACL; the report's ``engine`` says which ran and why).
    """
    from kg.shacl_values import Unsupported

    if engine not in ("auto", "fast", "pyshacl"):
        raise UsageError(f"engine must be 'auto', 'fast' or 'pyshacl', not {engine!r}")
    shapes_file = Path(shapes) if shapes is not None else shapes_path()
    shapes_graph = _load_shapes(shapes_file, allow_network)
    ontology = ontology_path() if shapes is None else None
    reason = "asked for"
    if engine != "pyshacl":
        try:
            with _quiet_rdflib():
                return _validate_fast(data, shapes_graph, against, ontology)
        except Unsupported as err:
            if engine == "fast":
                raise Unsupported(f"the fast engine cannot decide these shapes exactly: {err}; "
                                  "use the engine auto or pyshacl") from err
            reason = f"fallback: {err}"
    with _quiet_rdflib():
        new = _as_graph(data)
        context = [_as_graph(against)] if against is not None else []
        extra = [_read_cached(ontology)] if ontology is not None else []
        combined = _union(new, *context, *extra, into=_PreparedQueryGraph(_declared_prefixes(shapes_graph)))
        keep = set(new.subjects()) if against is not None else None
        report_graph = _run_pyshacl(combined, shapes_graph, shapes_file, keep)
        return _make_report(report_graph, combined, keep, Engine("pyshacl", reason))


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
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
    from kg.shacl_fast import check

    report, context = check(data, shapes, ontology, against=against)
    return _make_report(report, context, None, Engine("fast"))


def _run_pyshacl(data: Graph, shapes: Graph, shapes_file: Path, keep: set[Node] | None) -> Graph:
    """The pySHACL report graph; with ``keep``, pySHACL only looks at those focus nodes (when IRIs)."""
    if keep is not None and not keep:
        return Graph()
    focus = sorted(keep) if keep and all(isinstance(n, URIRef) for n in keep) else None
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


def _make_report(report: Graph, data: Graph, keep: set[Node] | None, engine: Engine) -> ValidationReport:
    """The report of the top-level results (those nested under ``sh:detail`` stay in their parent)."""
    nodes = [r for root in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(root, SH.result)
             if keep is None or report.value(r, SH.focusNode) in keep]
    results = tuple(sorted((_result(report, r, data) for r in nodes), key=_sort_key))
    return ValidationReport(not results, results, _report_graph(report, nodes, not results, engine), engine)


def _report_graph(report: Graph, nodes: list[Node], conforms: bool, engine: Engine) -> Graph:
    graph = Graph()
    for prefix, namespace in DISPLAY_PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    root = BNode()
    graph.add((root, RDF.type, SH.ValidationReport))
    graph.add((root, SH.conforms, Literal(conforms)))
    graph.add((root, KGSH_NS.engine, Literal(engine.name)))
    if engine.reason:
        graph.add((root, KGSH_NS.engineNote, Literal(engine.reason)))
    for node in nodes:
        graph.add((root, SH.result, node))
        graph += report.cbd(node)
    return graph


def _sort_key(result: ValidationResult) -> tuple:
    rank = SEVERITIES.index(result.severity) if result.severity in SEVERITIES else len(SEVERITIES)
    return (result.focus, rank, result.severity, result.path or "", result.shape or "",
            result.component, result.value or "", result.message)


def _result(report: Graph, node: Node, data: Graph) -> ValidationResult:
    focus = report.value(node, SH.focusNode)
    path = report.value(node, SH.resultPath)
    value = report.value(node, SH.value)
    shape = report.value(node, SH.sourceShape)
    return ValidationResult(
        focus=_term_id(focus),
        focus_label=_label(data, focus),
        path=_path_text(report, path) if path is not None else None,
        value=value.n3() if value is not None else None,
        shape=str(shape) if isinstance(shape, URIRef) else None,
        component=_curie(report.value(node, SH.sourceConstraintComponent)),
        severity=_severity(report.value(node, SH.resultSeverity)),
        message=_message(report, node),
        sentence=_sentence(data, focus),
    )


def _term_id(term: Node) -> str:
    """A focus node: an absolute IRI, ``_:id``, or a literal in N-Triples syntax (a shape may target one)."""
    if isinstance(term, Literal):
        return term.n3()
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _severity(iri: Node | None) -> str:
    """"Violation", "Warning", "Info", or the full IRI of a severity of the shapes' own."""
    name = str(iri).removeprefix(str(SH))
    return name if name in SEVERITIES else str(iri)


def _message(report: Graph, node: Node) -> str:
    messages = sorted(report.objects(node, SH.resultMessage),
                      key=lambda m: (getattr(m, "language", None) != "en", str(m)))
    return str(messages[0]) if messages else ""


def _label(data: Graph, focus: Node) -> str | None:
    for prop in (SKOS.prefLabel, RDFS.label):
        labels = list(data.objects(focus, prop))
        for lang in ("fr", "en"):
            found = sorted(str(x) for x in labels if getattr(x, "language", None) == lang)
            if found:
                return found[0]
        if labels:
            return sorted(str(x) for x in labels)[0]
    return None


def _sentence(data: Graph, focus: Node) -> str | None:
    own = min(data.objects(focus, KGO.sentence), default=None)  # min: the same one whatever the order
    if own is not None:
        return str(own)
    sentences = [min(data.objects(e, KGO.sentence), default=None) for e in sorted(data.objects(focus, KGO.evidence))]
    return next((str(s) for s in sentences if s is not None), None)


def _path_text(graph: Graph, path: Node) -> str:
    """A SHACL path in SPARQL property-path syntax, with absolute IRIs."""
    if isinstance(path, URIRef):
        return path.n3()
    if (path, RDF.first, None) in graph:
        return "/".join(_path_text(graph, p) for p in Collection(graph, path))
    for prop, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                           (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = graph.value(path, prop)
        if inner is not None:
            return template.format(_group(graph, inner))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path_text(graph, p) for p in Collection(graph, alternatives)) + ")"
    return path.n3()


def _group(graph: Graph, path: Node) -> str:
    text = _path_text(graph, path)
    return text if isinstance(path, URIRef) or text.startswith("(") else f"({text})"


def _curie(iri: Node | None) -> str:
    return shorten(str(iri)) if iri is not None else ""


# ----------------------------------------------------------------- text


def shorten(iri: str) -> str:
    """An absolute IRI with a known namespace as prefix:rest, for display only."""
    for prefix, namespace in sorted(DISPLAY_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _shorten_terms(text: str) -> str:
    text = re.sub(r"<([^<>\s]*)>", lambda m: _angle(shorten(m.group(1)), m.group(1)), text)
    return re.sub(r"\^\^xsd:string\b", "", text)


def _angle(short: str, iri: str) -> str:
    return short if short != iri else f"<{iri}>"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _result_lines(result: ValidationResult) -> list[str]:
    where = _shorten_terms(result.path) if result.path else "(node)"
    details = [f"value {_shorten_terms(result.value)}"] if result.value else []
    details += [shorten(result.shape)] if result.shape else []
    details.append(result.component)
    message = re.sub(r"https?://[^\s<>\"'(),]+", lambda m: shorten(m.group()), result.message)
    return [f"  [{shorten(result.severity)}] {where}: {message}", f"      {' · '.join(details)}"]


def render_text(report: ValidationReport) -> str:
    """Results grouped by focus node: label, then each result, then the supporting sentence."""
    lines: list[str] = []
    focuses = list(dict.fromkeys(r.focus for r in report.results))
    for focus in focuses:
        group = [r for r in report.results if r.focus == focus]
        label = f"  “{group[0].focus_label}”" if group[0].focus_label else ""
        lines.append(f"{shorten(focus)}{label}")
        for result in group:
            lines += _result_lines(result)
        if group[0].sentence:
            lines.append(f"  sentence: « {group[0].sentence} »")
        lines.append("")
    counts = ", ".join((_plural(report.violations, "violation"), _plural(report.warnings, "warning"),
                        _plural(report.infos, "info")))
    counts += f", {report.others} of other severities" if report.others else ""
    verdict = "Conforms" if report.conforms else "Does not conform"
    lines.append(f"{verdict}: {counts} on {_plural(len(focuses), 'focus node')}.")
    lines.append(f"Engine: {report.engine.describe()}.")
    return "\n".join(lines) + "\n"
