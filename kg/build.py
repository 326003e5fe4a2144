"""``kg build``: articles -> facts -> resolved graph -> validated RDF in a file or the embedded store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, Quad, Store

from kg.corpus import read_corpus
from kg.errors import KGError
from kg.extract.model import ArticleFacts
from kg.mapping import MERGED, article_graph, to_quads
from kg.namespaces import KGO
from kg.resolve import Resolved, resolve
from kg.store import DEFAULT_STORE, open_store, write_quads


@dataclass(frozen=True)
class BuildSummary:
    articles: int
    people: int
    offices: int
    calls: int
    missiles: int
    treaties: int
    triples: int
    unresolved_calls: int
    output: str
    violations: int | None = None
    warnings: int | None = None

    @property
    def conforms(self) -> bool | None:
        return None if self.violations is None else self.violations == 0

    def text(self) -> str:
        shapes = ("not validated" if self.conforms is None else
                  f"{'conforms' if self.conforms else 'DOES NOT CONFORM'} to the shapes "
                  f"({self.violations} violations, {self.warnings} warnings)")
        return (f"{self.articles} articles: {self.people} people, {self.offices} offices, {self.calls} calls, "
                f"{self.missiles} missile systems, {self.treaties} treaties; {self.triples} triples; "
                f"{shapes}\nwritten to {self.output}")


class NonConforming(KGError):
    """--strict: the built graph violates the shapes; nothing was written."""

    exit_code = 1


def extract_all(sources: Iterable[str], *, model: str | None = None) -> list[ArticleFacts]:
    from kg.extract.pipeline import DEFAULT_MODEL, Extractor

    return list(Extractor(model or DEFAULT_MODEL).extract(read_corpus(sources)))


def build(sources: Iterable[str], *, out: str | Path | None = None, store: str | Path | None = None,
          model: str | None = None, validate: bool = True, strict: bool = False) -> BuildSummary:
    """Build the graph of the articles in ``sources`` and write it to ``out`` or the embedded store."""
    facts = extract_all(sources, model=model)
    resolved = resolve(facts)
    quads = to_quads(resolved)
    violations = warnings = None
    if validate:
        violations, warnings = _validate(quads)
        if strict and violations:
            raise NonConforming(f"the built graph has {violations} shape violations (--strict): nothing written")
    target = _write(quads, facts, out, store)
    return _summary(resolved, quads, target, violations, warnings)


def _validate(quads: list[Quad]) -> tuple[int, int]:
    from kg.validate import validate

    report = validate(quads_to_rdflib(quads))
    return report.violations, report.warnings


def quads_to_rdflib(quads: list[Quad]):
    """The union of the quads as one rdflib Graph (for pySHACL), through N-Triples."""
    from pyoxigraph import RdfFormat, serialize
    from rdflib import Graph

    graph = Graph()
    graph.parse(data=serialize({q.triple for q in quads}, format=RdfFormat.N_TRIPLES), format="nt")
    return graph


def _write(quads: list[Quad], facts: list[ArticleFacts], out: str | Path | None, store: str | Path | None) -> str:
    if out is not None:
        write_quads(quads, out)
        return str(out)
    path = Path(store) if store is not None else DEFAULT_STORE
    db = open_store(path)
    replace_articles(db, quads, [f.article.id for f in facts])
    return str(path)


def replace_articles(db: Store, quads: list[Quad], article_ids: list[str]) -> None:
    """Replace these articles' graphs and the merged graph in one store."""
    for graph in [article_graph(a) for a in article_ids] + [MERGED]:
        db.remove_graph(graph) if db.contains_named_graph(graph) else None
    db.extend(quads)
    db.flush()


def _summary(r: Resolved, quads: list[Quad], target: str, violations: int | None,
             warnings: int | None) -> BuildSummary:
    offices = {q.object for q in quads if q.predicate == NamedNode(str(KGO.office))}
    return BuildSummary(
        articles=len(r.articles), people=len(r.persons), offices=len(offices), calls=len(r.calls),
        missiles=len(r.missiles()), treaties=len(r.treaties()), triples=len({q.triple for q in quads}),
        unresolved_calls=r.unresolved_calls, output=target, violations=violations, warnings=warnings)
