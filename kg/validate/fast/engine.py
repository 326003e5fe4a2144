"""Fast SHACL validation: the shapes compiled to SPARQL (:mod:`kg.validate.fast.compile`), run by pyoxigraph.

Data is streamed into a store by :mod:`kg.validate.fast.load`; each check is one SPARQL query returning
all its violations; value tests on literals the store rewrote or that are ill-typed are applied in
Python to their original form; comparisons SPARQL cannot make are made as pySHACL makes them.  The
outcome is a pySHACL-style report graph, read by :mod:`kg.validate` like pySHACL's own, so that
both engines give the same report (``tests/unit/test_robust_validation_engine.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Identifier, Node

from kg.namespaces import KGO
from kg.rdfio import to_rdflib
from kg.validate.fast.compile import FOCUS, KEEP, Check, Plan, compile_shapes
from kg.validate.fast.load import Loader, workspace
from kg.validate.fast.sparql import PREFIXES
from kg.validate.fast.values import Unsupported, ValueTest, short


def check(data, shapes: Graph, ontology: Path | None, *, against=None) -> tuple[Graph, Graph]:
    """Validate ``data`` (RDF files, rdflib graphs or an embedded store folder) against ``shapes``.

    Returns the report graph and a small graph with the labels and evidence sentences of the
    reported focus nodes.  With ``against``, only the subjects of ``data`` are validated, in the
    context of both.  Raises :class:`kg.validate.fast.values.Unsupported` for shapes it cannot compile.
    """
    plans = compile_shapes(shapes)
    with workspace(data, against, ontology) as (store, loader, keep):
        refuse_rewritten(plans, loader)
        found = [f for plan in plans for f in run_plan(store, plan, loader, keep)]
        return report_graph(found, shapes, loader), focus_context(store, found, loader)


def refuse_rewritten(plans: list[Plan], loader: Loader) -> None:
    """Unsupported where a literal the store rewrote (or an ill-typed one) would be judged or reported
    in its stored form: a literal focus node, a value reached by a longer path, two literals stored as one."""
    if loader.collapsed:
        raise Unsupported("two literals of one subject and property are one value once stored")
    rewritten = {URIRef(p.value) for p in loader.rewritten}
    for plan in plans:
        for p in plan.objects_of & rewritten:
            raise Unsupported(f"focus nodes (objects of <{p}>) include ill-typed or rewritten literals")
        for c in plan.checks:
            if c.reads & rewritten:
                raise Unsupported(f"a path of {short(c.component)} reaches ill-typed or rewritten literals")


# ----------------------------------------------------------------- running the checks


@dataclass(frozen=True)
class Found:
    """One validation result, before it becomes RDF."""

    check: Check
    focus: object  # a pyoxigraph term
    value: Node | None
    path: Node | None = None  # overrides the check's path (SPARQL constraints)
    bindings: tuple[tuple[str, str], ...] = ()


def run_plan(store: ox.Store, plan: Plan, loader: Loader, keep: set | None) -> Iterator[Found]:
    """Every result of the checks of one node shape."""
    restrict = keep is not None and all(isinstance(k, ox.NamedNode) for k in keep)
    values = "VALUES ?this { " + " ".join(str(k) for k in keep) + " }" if restrict and keep is not None else ""
    focus = plan.focus.replace(KEEP, values)
    focus_set: list[set] = []
    for c in plan.checks:
        rows = store.query(PREFIXES + c.query.replace(FOCUS, focus), use_default_graph_as_union=True)
        for found in _results(c, rows, loader, lambda: _focus_set(store, focus, focus_set)):
            if keep is None or found.focus in keep:
                yield found


def _focus_set(store: ox.Store, focus: str, cache: list[set]) -> set:
    if not cache:
        rows = store.query(PREFIXES + f"SELECT ?this WHERE {{ {focus} }}", use_default_graph_as_union=True)
        if not isinstance(rows, ox.QuerySolutions):  # never: a SELECT query
            raise TypeError(f"not the solutions of a SELECT query: {rows!r}")
        cache.append({r["this"] for r in rows})
    return cache[0]


def _results(c: Check, rows, loader: Loader, focus_set) -> Iterator[Found]:
    if c.constraint is not None:
        yield from _sparql_results(c, rows, loader)
        return
    p = ox.NamedNode(str(c.predicate)) if c.predicate is not None else None
    test = c.test if p is not None and p in loader.by_predicate else None
    audited = test is not None
    names = [v.value for v in rows.variables]
    for row in rows:
        focus, value = row["this"], row["v"] if "v" in names else None
        if audited and isinstance(value, ox.Literal) and loader.original(focus, p, value) is not None:
            continue  # decided on the original literal below
        if "cmp" in names and row["cmp"].value == "2" and _ordered(c, loader, focus, p, value, row["w"]):
            continue  # not comparable in SPARQL, but in order for pySHACL
        yield Found(c, focus, _value(loader, focus, p, value))
    if test is not None and p is not None:
        yield from _audited(c, test, p, loader, focus_set())


def _audited(c: Check, test: ValueTest, p: ox.NamedNode, loader: Loader, focus_set: set) -> Iterator[Found]:
    """The value test on the original form of the rewritten or ill-typed literals."""
    for subject in sorted(loader.by_predicate[p] & focus_set, key=str):
        for _stored, original in loader.audit[(subject, p)]:
            if not test.check(original):
                yield Found(c, subject, original)


def _ordered(c: Check, loader: Loader, focus, p, value, other) -> bool:
    """pySHACL's sh:lessThan(OrEquals) on a pair SPARQL cannot compare: IRIs and strings compare as
    text, a string never with a non-string, anything else in rdflib's literal order."""
    w_prop = ox.NamedNode(str(c.other))
    v, w = _value(loader, focus, p, value), _value(loader, focus, w_prop, other)
    if not isinstance(v, Identifier) or not isinstance(w, Identifier):
        return False  # unbound: nothing to compare (None < None was a TypeError)
    v_text = isinstance(v, URIRef) or (isinstance(v, Literal) and isinstance(v.value, str))
    w_text = isinstance(w, URIRef) or (isinstance(w, Literal) and isinstance(w.value, str))
    if v_text != w_text or isinstance(v, BNode) or isinstance(w, BNode):
        return False
    a, b = (str(v), str(w)) if v_text else (v, w)
    try:
        return a < b if c.component == SH.LessThanConstraintComponent else a <= b
    except TypeError:
        return False


def _value(loader: Loader, focus, p, value) -> Node | None:
    if value is None:
        return None
    if isinstance(value, ox.Literal) and p is not None:
        original = loader.original(focus, p, value)
        if original is not None:
            return original
    return to_rdflib(value, loader.back)


def _sparql_results(c: Check, rows, loader: Loader) -> Iterator[Found]:
    """pySHACL's reading of SPARQL rows: ``?this``, ``?path``, ``?value`` and the message variables."""
    names = [v.value for v in rows.variables]
    seen = set()
    for row in rows:
        bound = {n: row[n] for n in names if row[n] is not None}
        key = tuple(sorted((n, str(t)) for n, t in bound.items()))
        if key in seen:
            continue
        seen.add(key)
        focus, path = bound.get("this"), bound.get("path")
        value = _value(loader, focus, path if isinstance(path, ox.NamedNode) else None, bound.get("value"))
        value = value if value is not None else to_rdflib(focus, loader.back)
        text = {n: str(to_rdflib(t)) for n, t in bound.items()}
        text["value"] = str(value)
        yield Found(c, focus, value, to_rdflib(path) if path is not None else None, tuple(text.items()))


# ----------------------------------------------------------------- the report


def report_graph(found: list[Found], shapes: Graph, loader: Loader) -> Graph:
    """pySHACL's report vocabulary: a sh:ValidationReport with one sh:ValidationResult per result."""
    g = Graph()
    back = loader.back
    root = BNode()
    g.add((root, RDF.type, SH.ValidationReport))
    for f in found:
        r = BNode()
        c = f.check
        g.add((root, SH.result, r))
        g.add((r, RDF.type, SH.ValidationResult))
        g.add((r, SH.sourceConstraintComponent, c.component))
        g.add((r, SH.sourceShape, c.shape))
        g.add((r, SH.resultSeverity, c.severity))
        g.add((r, SH.focusNode, to_rdflib(f.focus, back)))
        if f.value is not None:
            g.add((r, SH.value, f.value))
        path = f.path if f.path is not None else c.path
        if path is not None:
            g.add((r, SH.resultPath, path))
            _copy_path(shapes, path, g)
        if c.constraint is not None:
            g.add((r, SH.sourceConstraint, c.constraint))
        for m in c.messages or (Literal(f"{c.component.rsplit('#', 1)[1]} not satisfied"),):
            g.add((r, SH.resultMessage, _format(m, dict(f.bindings)) if f.bindings else m))
    return g


def _copy_path(shapes: Graph, node: Node, into: Graph) -> None:
    if isinstance(node, BNode):
        for p, o in shapes.predicate_objects(node):
            into.add((node, p, o))
            _copy_path(shapes, o, into)


def _format(message: Literal, bindings: dict[str, str]) -> Literal:
    text = str(message)
    for name, value in bindings.items():
        text = re.sub("{[?$]" + re.escape(name) + "}", _verbatim(value), text)
    return Literal(text)


def _verbatim(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for re.sub that inserts ``text`` as it is (no backslash escapes)."""
    return lambda _m: text


def focus_context(store: ox.Store, found: list[Found], loader: Loader) -> Graph:
    """Labels and evidence sentences of the reported focus nodes (what the text report shows)."""
    g = Graph()
    back = loader.back
    props = [ox.NamedNode(str(p)) for p in (SKOS.prefLabel, RDFS.label, KGO.sentence, KGO.evidence)]
    evidence = ox.NamedNode(str(KGO.evidence))
    for focus in {f.focus for f in found if isinstance(f.focus, ox.NamedNode | ox.BlankNode)}:  # not a literal
        for prop in props:
            for q in store.quads_for_pattern(focus, prop, None, None):
                g.add((to_rdflib(focus, back), URIRef(prop.value), to_rdflib(q.object, back)))
                if prop == evidence:
                    if isinstance(q.object, ox.Literal):  # no sentence hangs from a literal (the shapes say so)
                        continue
                    for s in store.quads_for_pattern(q.object, props[2], None, None):
                        g.add((to_rdflib(q.object, back), KGO.sentence, to_rdflib(s.object, back)))
    return g
