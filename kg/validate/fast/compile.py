"""SHACL shapes compiled to SPARQL queries, for the fast validation path (:mod:`kg.validate.fast.engine`).

pySHACL checks one focus node at a time in Python (about 100 s for a million triples); here each
constraint component of each shape becomes one SPARQL SELECT that returns all of its violations at
once, evaluated by pyoxigraph.  The semantics follow pySHACL's (what each component reports, with
which value) so that both engines give the same report; ``tests/unit/test_robust_validation_engine.py``
checks that on every shape fixture.  Value tests also exist as Python predicates, applied to the
literals the store would rewrite (``"4"^^xsd:nonNegativeInteger`` is stored as an ``xsd:integer``)
or that are ill-typed.  Any SHACL feature not compiled here raises :class:`Unsupported`, and
:func:`kg.validate.validate` then falls back to pySHACL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from kg.validate.fast.sparql import PREFIXES, join_prebinds, strip_comments
from kg.validate.fast.values import Unsupported, ValueTest, as_int, shape_test, short, value_test

FOCUS = "%FOCUS%"  # in a check's query: the plan's focus group
KEEP = "%KEEP%"  # in a plan's focus group: an optional VALUES block restricting the focus nodes

#: Shape predicates that carry no constraint (or are read together with one).  ``sh:property`` is
#: read by :func:`_node_checks` on a targeted node shape only: anywhere else it is unsupported.
_INERT = {SH.message, SH.severity, SH.name, SH.description, SH.path, SH.targetClass, SH.targetNode,
          SH.targetSubjectsOf, SH.targetObjectsOf, SH.deactivated, SH.order, SH.group,
          SH.defaultValue, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount,
          SH.qualifiedValueShapesDisjoint, SH.declare, SH.prefixes}
_VALUE = {SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.languageIn, SH.pattern, SH.minLength,
          SH.maxLength, SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH["or"],
          SH.xone, SH["and"], SH["not"], SH.node}
_PROPERTY = {SH.minCount, SH.maxCount, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan,
             SH.lessThanOrEquals, SH.qualifiedValueShape}


@dataclass(frozen=True)
class Check:
    """One constraint component of one shape, as a query selecting ``?this`` and maybe ``?v``."""

    shape: Node
    component: URIRef
    severity: Node  # sh:severity as the shape writes it (an IRI in valid shapes)
    messages: tuple[Literal, ...]
    path: Node | None
    query: str
    test: ValueTest | None = None  # value-test components, for the literals re-checked in Python
    predicate: URIRef | None = None  # the path when it is a single predicate
    constraint: Node | None = None  # the sh:sparql node of a SPARQL-based constraint
    other: Node | None = None  # the compared property of sh:lessThan and sh:lessThanOrEquals
    node_level: bool = False
    reads: frozenset[URIRef] = frozenset()  # predicates whose literal objects only SPARQL tests (no audit)


@dataclass(frozen=True)
class Plan:
    """A node shape with targets: a group pattern binding ``?this`` and the checks on it."""

    shape: Node
    focus: str
    checks: tuple[Check, ...]
    objects_of: frozenset[URIRef] = frozenset()  # sh:targetObjectsOf: focus nodes may be literals


def component(name: str) -> URIRef:
    return SH[f"{name}ConstraintComponent"]


def term(node: Node) -> str:
    """A shapes-graph term in SPARQL syntax."""
    if isinstance(node, BNode):
        raise Unsupported("blank node used as a constant in a shape")
    return node.n3()


# ----------------------------------------------------------------- shapes and targets


def compile_shapes(g: Graph) -> list[Plan]:
    """A plan for every active node shape of ``g`` that has targets.

    This is the support check: every parameter of every shape reached from a target is either
    compiled exactly or raises :class:`Unsupported` (nothing is dropped), before any data is read.
    """
    plans = []
    for shape in sorted(set(_targeted(g)), key=str):
        if not _deactivated(g, shape):
            _literal_targets(g, shape)
            path = g.value(shape, SH.path)
            checks = _node_checks(g, shape) if path is None else _constraints(g, shape, path)
            objects_of = frozenset(o for o in g.objects(shape, SH.targetObjectsOf) if isinstance(o, URIRef))
            plans.append(Plan(shape, _focus(g, shape), tuple(checks), objects_of))
    return plans


def _name(node: Node) -> str:
    return f"<{node}>" if isinstance(node, URIRef) else "a blank-node shape"


def _literal_targets(g: Graph, shape: Node) -> None:
    """A literal focus node the store would rewrite (or an ill-typed one) would be validated and
    reported in its stored form: such targets are left to pySHACL."""
    import pyoxigraph

    from kg.rdfio import to_ox
    from kg.validate.fast.load import canonical_forms

    terms = [to_ox(n, {}) for n in g.objects(shape, SH.targetNode) if isinstance(n, Literal)]
    literals = [t for t in terms if isinstance(t, pyoxigraph.Literal)]  # all of them: to_ox keeps literals literals
    for lit, (stored, original) in canonical_forms(literals).items():
        if stored != lit or getattr(original, "ill_typed", False):
            raise Unsupported(f"literal focus node {lit} is ill-typed or not in canonical form")


def _targeted(g: Graph):
    for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
        yield from g.subjects(p, None)
    for cls in (RDFS.Class, OWL.Class):
        yield from (s for s in g.subjects(RDF.type, cls) if (s, RDF.type, SH.NodeShape) in g)


def _deactivated(g: Graph, shape: Node) -> bool:
    return g.value(shape, SH.deactivated) == Literal(True)


def _focus(g: Graph, shape: Node) -> str:
    """``{ SELECT DISTINCT ?this WHERE { target1 UNION target2 ... } }``."""
    parts = [f"?this rdf:type/rdfs:subClassOf* {term(c)} ." for c in g.objects(shape, SH.targetClass)]
    parts += [f"?this rdf:type/rdfs:subClassOf* {term(shape)} ." for cls in (RDFS.Class, OWL.Class)
              if (shape, RDF.type, cls) in g]
    parts += [f"VALUES ?this {{ {term(n)} }}" for n in g.objects(shape, SH.targetNode)]
    parts += [f"?this {term(p)} [] ." for p in g.objects(shape, SH.targetSubjectsOf)]
    parts += [f"[] {term(p)} ?this ." for p in g.objects(shape, SH.targetObjectsOf)]
    union = " UNION ".join("{ " + p + " }" for p in parts)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {KEEP} {union} }} }}"


def _node_checks(g: Graph, shape: Node) -> list[Check]:
    checks = _constraints(g, shape, None)
    for prop in g.objects(shape, SH.property):
        if not _deactivated(g, prop):
            path = g.value(prop, SH.path)
            if path is None:
                raise Unsupported(f"sh:property of {_name(shape)} without sh:path")
            checks += _constraints(g, prop, path)
    return checks


def _constraints(g: Graph, shape: Node, path: Node | None) -> list[Check]:
    """The checks of one shape's own parameters (a node shape when ``path`` is None)."""
    checks = []
    custom = custom_parameters(g)
    predicates = {p for p in g.predicates(shape, None) if isinstance(p, URIRef)}  # RDF has no other predicates
    for param in sorted(predicates - _INERT - {RDF.type, RDFS.label, RDFS.comment}):
        if param == SH.property and path is None:
            continue  # read by _node_checks
        if param == SH.property:
            raise Unsupported(f"sh:property nested in the property shape {_name(shape)}")
        if not str(param).startswith(str(SH)) and param not in custom:
            continue  # an annotation: no constraint component has this parameter
        for value in g.objects(shape, param):
            checks.append(_check(g, shape, path, param, value))
    return [c for c in checks if c is not None]


def custom_parameters(g: Graph) -> set[Node | None]:
    """The parameters of the constraint components the shapes graph declares (SHACL-SPARQL), whatever
    the class of the component (a subclass of sh:ConstraintComponent is one too)."""
    return {g.value(p, SH.path) for p in g.objects(None, SH.parameter)}


def _base(g: Graph, shape: Node, path: Node | None, name: str, query: str, **extra) -> Check:
    severity = g.value(shape, SH.severity) or SH.Violation
    messages = tuple(m for m in g.objects(shape, SH.message) if isinstance(m, Literal))
    simple = path if isinstance(path, URIRef) else None
    return Check(shape, component(name), severity, messages, path, query, predicate=simple,
                 node_level=path is None, **extra)


def _check(g: Graph, shape: Node, path: Node | None, param: URIRef, value: Node) -> Check | None:
    name = str(param).rsplit("#", 1)[1]
    if param in _VALUE:
        test = value_test(g, shape, param, value)
        query = _value_query(None if path is None else sparql_path(g, path), test)
        reads = path_predicates(g, path) if path is not None and not isinstance(path, URIRef) else frozenset()
        return _base(g, shape, path, name[0].upper() + name[1:], query, test=test, reads=reads)
    if param == SH.sparql and path is None:
        return _sparql_check(g, shape, value)
    if path is None or param not in _PROPERTY:
        raise Unsupported(f"{short(param)} on {_name(shape)}")
    return _property_check(g, shape, path, param, value)


# ----------------------------------------------------------------- property components


def _property_check(g: Graph, shape: Node, path: Node, param: URIRef, value: Node) -> Check | None:
    p = sparql_path(g, path)
    if param == SH.minCount:
        return _base(g, shape, path, "MinCount", _count_query(p, "<", as_int(value)))
    if param == SH.maxCount:
        return _base(g, shape, path, "MaxCount", _count_query(p, ">", as_int(value)))
    if param == SH.uniqueLang:
        return _unique_lang(g, shape, path, p) if value == Literal(True) else None
    if param == SH.qualifiedValueShape:
        return _qualified(g, shape, path, p, value)
    other = term(value)
    name = str(param).rsplit("#", 1)[1]
    if param in (SH.lessThan, SH.lessThanOrEquals):
        op = "<" if param == SH.lessThan else "<="
        query = (f"SELECT DISTINCT ?this ?v ?w ?cmp WHERE {{ {FOCUS} ?this {p} ?v . ?this {other} ?w . "
                 f"BIND(COALESCE(IF(?v {op} ?w, 1, 0), 2) AS ?cmp) FILTER(?cmp != 1) }}")
        return _base(g, shape, path, name[0].upper() + name[1:], query, other=value)
    queries = {
        SH.equals: f"{{ ?this {p} ?v FILTER NOT EXISTS {{ ?this {other} ?v }} }} UNION "
                   f"{{ ?this {other} ?v FILTER NOT EXISTS {{ ?this {p} ?v }} }}",
        SH.disjoint: f"?this {p} ?v . ?this {other} ?v .",
    }
    query = f"SELECT DISTINCT ?this ?v WHERE {{ {FOCUS} {queries[param]} }}"
    return _base(g, shape, path, name[0].upper() + name[1:], query)


def _count_query(p: str, op: str, n: int) -> str:
    if op == "<" and n == 1:
        return f"SELECT DISTINCT ?this WHERE {{ {FOCUS} FILTER NOT EXISTS {{ ?this {p} ?v }} }}"
    optional = f"OPTIONAL {{ ?this {p} ?v }}" if op == "<" else f"?this {p} ?v ."
    return f"SELECT ?this WHERE {{ {FOCUS} {optional} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) {op} {n})"


def _unique_lang(g: Graph, shape: Node, path: Node, p: str) -> Check:
    query = (f"SELECT DISTINCT ?this ?lang WHERE {{ {FOCUS} ?this {p} ?a . ?this {p} ?b . "
             f"FILTER(!sameTerm(?a, ?b) && LANG(?a) != \"\" && LCASE(LANG(?a)) = LCASE(LANG(?b))) "
             f"BIND(LCASE(LANG(?a)) AS ?lang) }}")
    return _base(g, shape, path, "UniqueLang", query)


def _qualified(g: Graph, shape: Node, path: Node, p: str, inner: Node) -> Check | None:
    if g.value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
        raise Unsupported("sh:qualifiedValueShapesDisjoint")
    test = shape_test(g, inner)
    low, high = g.value(shape, SH.qualifiedMinCount), g.value(shape, SH.qualifiedMaxCount)
    if low is not None and high is not None:
        raise Unsupported("both qualified counts on one shape")
    if low is not None:
        op, n, name = "<", as_int(low), "QualifiedMinCount"
    elif high is not None:
        op, n, name = ">", as_int(high), "QualifiedMaxCount"
    else:
        return None
    if op == "<" and n == 1:  # "at least one": the first conforming value decides, nothing to count
        query = (f"SELECT DISTINCT ?this WHERE {{ {FOCUS} FILTER NOT EXISTS {{ ?this {p} ?v "
                 f"FILTER(COALESCE({test.sparql}, false)) }} }}")
        return _base(g, shape, path, name, query, reads=path_predicates(g, path))
    query = (f"SELECT ?this WHERE {{ {FOCUS} OPTIONAL {{ ?this {p} ?v FILTER(COALESCE({test.sparql}, false)) }} }} "
             f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) {op} {n})")
    return _base(g, shape, path, name, query, reads=path_predicates(g, path))


def _value_query(p: str | None, test: ValueTest) -> str:
    bind = "BIND(?this AS ?v)" if p is None else f"?this {p} ?v ."
    return f"SELECT DISTINCT ?this ?v WHERE {{ {FOCUS} {bind} FILTER(!COALESCE({test.sparql}, false)) }}"


# ----------------------------------------------------------------- SPARQL-based constraints

_PROLOGUE = r"(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
_PROJECTS_THIS = re.compile(r"^\s*" + _PROLOGUE + r"SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(?:\*|[^{]*[?$]this\b)", re.I)
_WHERE_GROUP = re.compile(r"\bWHERE\s*\{|\{", re.I)


def _sparql_check(g: Graph, shape: Node, constraint: Node) -> Check | None:
    """A node shape's sh:sparql SELECT with the focus nodes joined at the start of its WHERE group
    (pre-binding ``$this`` by a join: the same rows for queries without LIMIT, OFFSET or subqueries)."""
    if _deactivated(g, constraint):
        return None
    select = g.value(constraint, SH.select)
    if select is None:
        raise Unsupported(f"sh:sparql without sh:select on {_name(shape)}")
    text = strip_comments(str(select))
    if not _PROJECTS_THIS.search(text) or re.search(r"\$(currentShape|shapesGraph|PATH)\b|\b(LIMIT|OFFSET)\b"
                                                    r"|\{\s*SELECT\b", text, re.I):
        raise Unsupported(f"the SPARQL constraint of {_name(shape)} needs pre-binding beyond a join")
    if re.search(r"\b(SERVICE|FROM|LOAD)\b", text, re.I):
        raise Unsupported(f"the SPARQL constraint of {_name(shape)} reaches other graphs")
    where = _WHERE_GROUP.search(text)
    if where is None:  # no group pattern: not a query kg can join; pySHACL decides (and names the syntax error)
        raise Unsupported(f"the SPARQL constraint of {_name(shape)} has no group pattern")
    query = _prefixes(g, constraint) + text[: where.end()] + f" {FOCUS} " + text[where.end():]
    _parses(query.replace(FOCUS, ""), shape)
    if not join_prebinds(PREFIXES + query.replace(FOCUS, "?this <urn:kg:focus> ?kgFocus .")):
        raise Unsupported(f"the SPARQL constraint of {_name(shape)} reads $this where a join cannot bind it")
    base = _base(g, shape, None, "SPARQL", query, constraint=constraint)
    extra = tuple(m for m in g.objects(constraint, SH.message) if isinstance(m, Literal))
    return Check(**{**base.__dict__, "messages": extra + tuple(m for m in base.messages if m not in extra)})


def _parses(query: str, shape: Node) -> None:
    """A query pyoxigraph cannot parse is left to pySHACL, whose error message names the shape."""
    import pyoxigraph

    try:
        pyoxigraph.Store().query(query)
    except SyntaxError:
        raise Unsupported(f"the SPARQL constraint of {_name(shape)} does not parse") from None


def _prefixes(g: Graph, constraint: Node) -> str:
    """The PREFIX lines of the sh:declare of every sh:prefixes value and of what it owl:imports, as far
    as the shapes graph itself describes them (SHACL 5.2.1; nothing is fetched)."""
    holders, todo = set(), list(g.objects(constraint, SH.prefixes))
    while todo:
        holder = todo.pop()
        if holder not in holders:
            holders.add(holder)
            todo += g.objects(holder, OWL.imports)
    lines = {f"PREFIX {g.value(decl, SH.prefix)}: <{g.value(decl, SH.namespace)}>\n"
             for holder in holders for decl in g.objects(holder, SH.declare)}
    return "".join(sorted(lines))


# ----------------------------------------------------------------- paths


def path_predicates(g: Graph, path: Node) -> frozenset[URIRef]:
    """Every predicate a SHACL path uses."""
    if isinstance(path, URIRef):
        return frozenset({path})
    return frozenset(o for _s, _p, o in g.cbd(path) if isinstance(o, URIRef) and o != RDF.nil)


def sparql_path(g: Graph, path: Node) -> str:
    """A SHACL property path as a SPARQL property path."""
    if isinstance(path, URIRef):
        return path.n3()
    if (path, RDF.first, None) in g:
        return "(" + "/".join(sparql_path(g, p) for p in Collection(g, path)) + ")"
    alternatives = g.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(sparql_path(g, p) for p in Collection(g, alternatives)) + ")"
    for prop, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                           (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = g.value(path, prop)
        if inner is not None:
            return "(" + template.format(sparql_path(g, inner)) + ")"
    raise Unsupported("a path that is not a SHACL path")
