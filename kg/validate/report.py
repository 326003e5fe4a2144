"""The validation report: results, the engine that ran, and the report graph (``sh:ValidationReport``).

Non-conformance is a result, never an exception.  Results are read from a SHACL report graph (pySHACL's
or the fast engine's): only the top-level ``sh:result`` nodes (those nested under ``sh:detail`` stay in
their parent), each with the focus node's label and evidence sentence from the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Identifier, Node

from kg.errors import UsageError
from kg.namespaces import KGO, PREFIXES
from kg.validate.lexical import explain

KGSH = "https://w3id.org/kg-news/shapes#"
KGSH_NS = Namespace(KGSH)  # kgsh:engine and kgsh:engineNote annotate the report
DISPLAY_PREFIXES = {**PREFIXES, "kgsh": KGSH}
SEVERITIES = ("Violation", "Warning", "Info")


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
    value_problem: str | None = None  # what is wrong with an ill-typed literal value (kg.validate.lexical)


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
        from kg.validate.render import render_text

        return render_text(self)

    def to_json(self) -> dict[str, Any]:
        return {"conforms": self.conforms, "violations": self.violations, "warnings": self.warnings,
                "infos": self.infos, "others": self.others,
                "engine": {"name": self.engine.name, "fallback": self.engine.reason},
                "results": [asdict(r) for r in self.results]}

    def to_turtle(self) -> str:
        """The report graph in Turtle, each literal exactly as written."""
        from kg.validate.render import render_turtle

        return render_turtle(self)


def make_report(report: Graph, data: Graph, keep: set[Node] | None, engine: Engine) -> ValidationReport:
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
        value_problem=explain(value),
    )


def _term_id(term: Node | None) -> str:
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


def _label(data: Graph, focus: Node | None) -> str | None:
    for prop in (SKOS.prefLabel, RDFS.label):
        labels = list(data.objects(focus, prop))
        for lang in ("fr", "en"):
            found = sorted(str(x) for x in labels if getattr(x, "language", None) == lang)
            if found:
                return found[0]
        if labels:
            return sorted(str(x) for x in labels)[0]
    return None


def _sentence(data: Graph, focus: Node | None) -> str | None:
    own = min(_terms(data.objects(focus, KGO.sentence)), default=None)  # min: the same one whatever the order
    if own is not None:
        return str(own)
    sentences = [min(_terms(data.objects(e, KGO.sentence)), default=None)
                 for e in sorted(_terms(data.objects(focus, KGO.evidence)))]
    return next((str(s) for s in sentences if s is not None), None)


def _terms(nodes: Iterable[Node]) -> list[Identifier]:
    """The RDF terms (URIRef, BNode, Literal), which rdflib orders, among a graph's nodes: all of them
    in a parsed RDF graph (an N3 formula is a node, not a term)."""
    return [n for n in nodes if isinstance(n, Identifier)]


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



def shorten(iri: str) -> str:
    """An absolute IRI with a known namespace as prefix:rest, for display only."""
    for prefix, namespace in sorted(DISPLAY_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
