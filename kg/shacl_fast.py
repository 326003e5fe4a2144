"""Fast SHACL validation: the shapes compiled to SPARQL (:mod:`kg.shacl_compile`), run by pyoxigraph.

Data files are streamed into a pyoxigraph store; an embedded store given as data or as the
``against`` context is validated on a throw-away checkpoint (hard links, milliseconds), never in
place.  The store rewrites some literals (``"4"^^xsd:nonNegativeInteger`` becomes ``"4"^^xsd:integer``,
``"1"^^xsd:boolean`` becomes ``true``): every such literal, and every ill-typed one, is remembered
with its original form while loading (:class:`Audit`), and the value tests are applied to the
original in Python, so results match pySHACL's.  Data already in an embedded store was rewritten
when it was stored and is validated as stored.  The outcome is a pySHACL-style report graph, read
by :mod:`kg.validate` like pySHACL's own.
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg.errors import InputError, StoreError, UsageError
from kg.export import parse_errors, refuse_doctype
from kg.namespaces import KGO
from kg.shacl_compile import FOCUS, KEEP, Check, Plan, compile_shapes

PREFIXES = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
           ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
           ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
           ".n3": ox.RdfFormat.N3}
BATCH = 50_000


def check(data, shapes: Graph, ontology: Path, *, against=None) -> tuple[Graph, Graph]:
    """Validate ``data`` (RDF files, rdflib graphs or an embedded store folder) against ``shapes``.

    Returns the report graph and a small graph with the labels and evidence sentences of the
    reported focus nodes.  With ``against``, only the subjects of ``data`` are validated, in the
    context of both.  Raises :class:`kg.shacl_values.Unsupported` for shapes it cannot compile.
    """
    plans = compile_shapes(shapes)
    with workspace(data, against, ontology) as (store, loader, keep):
        found = [f for plan in plans for f in run_plan(store, plan, loader, keep)]
        return report_graph(found, shapes, loader), focus_context(store, found, loader)


# ----------------------------------------------------------------- loading


@dataclass
class Loader:
    """Streams quads into a store, remembering the literals the store rewrites or that are ill-typed."""

    store: ox.Store
    audit: dict[tuple, list[tuple[ox.Literal, Literal]]] = field(default_factory=lambda: defaultdict(list))
    by_predicate: dict[ox.NamedNode, set] = field(default_factory=lambda: defaultdict(set))
    bnodes: dict[BNode, ox.BlankNode] = field(default_factory=dict)  # rdflib input -> store
    back: dict[ox.BlankNode, BNode] = field(default_factory=dict)  # store -> rdflib input
    _memo: dict[ox.Literal, tuple[ox.Literal, Literal | None]] = field(default_factory=dict)

    def add(self, quads: Iterable[ox.Quad], subjects: set | None = None) -> None:
        batch: list[ox.Quad] = []
        for quad in quads:
            batch.append(quad)
            if len(batch) >= BATCH:
                self._flush(batch, subjects)
                batch = []
        self._flush(batch, subjects)

    def _flush(self, batch: list[ox.Quad], subjects: set | None) -> None:
        typed = [q for q in batch if isinstance(q.object, ox.Literal)
                 and q.object.datatype.value not in (XSD_STRING, LANG_STRING)]
        self._memo.update(canonical_forms({q.object for q in typed} - self._memo.keys()))
        for q in typed:
            stored, original = self._memo[q.object]
            if original is not None:
                self.audit[(q.subject, q.predicate)].append((stored, original))
                self.by_predicate[q.predicate].add(q.subject)
        if subjects is not None:
            subjects.update(q.subject for q in batch)
        self.store.extend(batch)

    def original(self, subject, predicate, value):
        """The literal as written in the input, for a value read back from the store."""
        for stored, original in self.audit.get((subject, predicate), ()):
            if stored == value:
                return original
        return None


def canonical_forms(literals: Iterable[ox.Literal]) -> dict[ox.Literal, tuple[ox.Literal, Literal | None]]:
    """For each literal: its form once stored, and its rdflib form when the store changes it or it is
    ill-typed (else None)."""
    literals = list(literals)
    scratch = ox.Store()
    predicate = ox.NamedNode("urn:kg:value")
    scratch.extend(ox.Quad(ox.NamedNode(f"urn:kg:{i}"), predicate, lit) for i, lit in enumerate(literals))
    stored = {int(q.subject.value[7:]): q.object for q in scratch}
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, lit in enumerate(literals):
            original = to_rdflib(lit)
            changed = stored[i] != lit or bool(getattr(original, "ill_typed", False))
            out[lit] = (stored[i], original if changed else None)
    return out


def parse_file(path: Path) -> Iterator[ox.Quad]:
    """Stream the quads of an RDF file; syntax errors name file:line:column."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unknown RDF file suffix {path.suffix!r} (one of {', '.join(FORMATS)})", path=str(path))
    if fmt == ox.RdfFormat.RDF_XML:
        refuse_doctype(path)
    with parse_errors(path):
        yield from ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())


def rdflib_quads(graph: Graph, bnodes: dict) -> Iterator[ox.Quad]:
    """The triples of an rdflib graph (every graph of a Dataset) as pyoxigraph quads."""
    triples = (q[:3] for q in graph.quads((None, None, None, None))) if hasattr(graph, "quads") else graph
    for s, p, o in triples:
        yield ox.Quad(to_ox(s, bnodes), to_ox(p, bnodes), to_ox(o, bnodes))


def to_ox(node: Node, bnodes: dict):
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        if node not in bnodes:
            bnodes[node] = ox.BlankNode()
        return bnodes[node]
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype))) if node.datatype else ox.Literal(str(node))


def to_rdflib(term, bnodes: dict | None = None) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return (bnodes or {}).get(term) or BNode(term.value)
    if term.language or term.datatype.value == XSD_STRING:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


# ----------------------------------------------------------------- the workspace


def _store_dir(source) -> Path | None:
    if isinstance(source, str | Path) and Path(source).is_dir():
        return Path(source)
    return None


def _sources(data) -> list:
    if isinstance(data, Graph | str | Path):
        return [data]
    return list(data)


@contextmanager
def workspace(data, against, ontology: Path):
    """A store holding the ontology, the data and the context, and the focus restriction."""
    data, context = _sources(data), _sources(against) if against is not None else []
    stores = [s for s in data + context if _store_dir(s)]
    if len(stores) > 1:
        raise UsageError("validate one embedded store at a time")
    tmp = store = None
    try:
        if stores:
            tmp = Path(tempfile.mkdtemp(prefix=".kg-validate-", dir=stores[0].resolve().parent))
            store = _checkpoint(stores[0], tmp / "copy")
        else:
            store = ox.Store()
        loader = Loader(store)
        loader.add(parse_file(ontology))
        keep: set | None = set() if against is not None else None
        for source in data:
            _load(loader, source, keep)
        for source in context:
            _load(loader, source, None)
        yield store, loader, keep
    finally:
        del store
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _checkpoint(path: Path, copy: Path) -> ox.Store:
    """A writable copy of an embedded store (RocksDB checkpoint: hard links, not a data copy)."""
    try:
        source = ox.Store.read_only(str(path))
        source.backup(str(copy))
        del source
        return ox.Store(str(copy))
    except OSError as err:
        raise StoreError(f"{path}: cannot open the store to validate it: {err}") from None


def _load(loader: Loader, source, subjects: set | None) -> None:
    if _store_dir(source):
        if subjects is not None:
            subjects.update(q.subject for q in loader.store.quads_for_pattern(None, None, None, None))
        return
    if isinstance(source, Graph):
        loader.add(rdflib_quads(source, loader.bnodes), subjects)
    else:
        loader.add(parse_file(Path(source)), subjects)
    loader.back.update((v, k) for k, v in loader.bnodes.items())


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
    values = "VALUES ?this { " + " ".join(str(k) for k in keep) + " }" if restrict else ""
    focus = plan.focus.replace(KEEP, values)
    focus_set: list[set] = []
    for c in plan.checks:
        rows = store.query(PREFIXES + c.query.replace(FOCUS, focus), use_default_graph_as_union=True)
        for found in _results(c, rows, loader, lambda: _focus_set(store, focus, focus_set)):
            if keep is None or found.focus in keep:
                yield found


def _focus_set(store: ox.Store, focus: str, cache: list[set]) -> set:
    if not cache:
        cache.append({r["this"] for r in store.query(PREFIXES + f"SELECT ?this WHERE {{ {focus} }}",
                                                     use_default_graph_as_union=True)})
    return cache[0]


def _results(c: Check, rows, loader: Loader, focus_set) -> Iterator[Found]:
    if c.constraint is not None:
        yield from _sparql_results(c, rows, loader)
        return
    audited = c.test is not None and c.predicate is not None and ox.NamedNode(str(c.predicate)) in loader.by_predicate
    p = ox.NamedNode(str(c.predicate)) if c.predicate is not None else None
    names = [v.value for v in rows.variables]
    for row in rows:
        focus, value = row["this"], row["v"] if "v" in names else None
        if audited and isinstance(value, ox.Literal) and loader.original(focus, p, value) is not None:
            continue  # decided on the original literal below
        if "cmp" in names and row["cmp"].value == "2" and _ordered(c, loader, focus, p, value, row["w"]):
            continue  # not comparable in SPARQL, but in order for pySHACL
        yield Found(c, focus, _value(loader, focus, p, value))
    if audited:
        yield from _audited(c, p, loader, focus_set())


def _audited(c: Check, p: ox.NamedNode, loader: Loader, focus_set: set) -> Iterator[Found]:
    """The value test on the original form of the rewritten or ill-typed literals."""
    for subject in sorted(loader.by_predicate[p] & focus_set, key=str):
        for _stored, original in loader.audit[(subject, p)]:
            if not c.test.check(original):
                yield Found(c, subject, original)


def _ordered(c: Check, loader: Loader, focus, p, value, other) -> bool:
    """pySHACL's sh:lessThan(OrEquals) on a pair SPARQL cannot compare: IRIs and strings compare as
    text, a string never with a non-string, anything else in rdflib's literal order."""
    w_prop = ox.NamedNode(str(c.other))
    v, w = _value(loader, focus, p, value), _value(loader, focus, w_prop, other)
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
    """pySHACL's report vocabulary: one sh:ValidationResult per result."""
    g = Graph()
    back = loader.back
    for f in found:
        r = BNode()
        c = f.check
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
    import re

    text = str(message)
    for name, value in bindings.items():
        text = re.sub("{[?$]" + re.escape(name) + "}", lambda _m, v=value: v, text)
    return Literal(text)


def focus_context(store: ox.Store, found: list[Found], loader: Loader) -> Graph:
    """Labels and evidence sentences of the reported focus nodes (what the text report shows)."""
    g = Graph()
    back = loader.back
    props = [ox.NamedNode(str(p)) for p in (SKOS.prefLabel, RDFS.label, KGO.sentence, KGO.evidence)]
    evidence = ox.NamedNode(str(KGO.evidence))
    for focus in {f.focus for f in found}:
        for prop in props:
            for q in store.quads_for_pattern(focus, prop, None, None):
                g.add((to_rdflib(focus, back), URIRef(prop.value), to_rdflib(q.object, back)))
                if prop == evidence:
                    for s in store.quads_for_pattern(q.object, props[2], None, None):
                        g.add((to_rdflib(q.object, back), KGO.sentence, to_rdflib(s.object, back)))
    return g
