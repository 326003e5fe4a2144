"""SHACL value tests (sh:datatype, sh:class, sh:languageIn, sh:or, ...) as SPARQL and as Python.

Each test exists twice with the same meaning: a SPARQL boolean expression over ``?v``, run by the
store on every value node, and a Python predicate on an rdflib term, applied by
:mod:`kg.validate.fast.engine` to the literals that the store rewrites or that are ill-typed.  The Python
side follows pySHACL's code (``ill_typed`` literals fail their datatype, a literal is never an
instance of a class, language tags match case-insensitively on their first subtag).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import BNode, Identifier, Node

from kg.errors import Unsupported


def short(iri: Node) -> str:
    """``sh:name`` for a SHACL term, else the term in N-Triples syntax (for messages)."""
    return f"sh:{iri[len(str(SH)):]}" if isinstance(iri, URIRef) and iri.startswith(str(SH)) else iri.n3()


@dataclass(frozen=True)
class ValueTest:
    """A test of one value node: a SPARQL boolean expression over ``?v`` and the same in Python."""

    sparql: str
    check: Callable[[Node], bool]


_SHAPE_TEXT = {RDF.type, SH.message, SH.severity, SH.name, SH.description, SH.flags}


def shape_test(g: Graph, shape: Node, seen: frozenset[Node] = frozenset()) -> ValueTest:
    """The conjunction of the value tests of a nested shape (members of sh:or, sh:node, ...)."""
    if shape in seen:
        raise Unsupported("a shape that refers to itself (recursive shapes)")
    seen = seen | {shape}
    params = set(g.predicates(shape, None)) - _SHAPE_TEXT
    if params - set(VALUE_TESTS) - _LOGICAL:
        names = ", ".join(sorted(short(p) for p in params - set(VALUE_TESTS) - _LOGICAL))
        raise Unsupported(f"a shape used by sh:node, sh:not, sh:and, sh:or, sh:xone or sh:qualifiedValueShape "
                          f"has {names}")
    known = sorted(p for p in params if isinstance(p, URIRef))  # all of them: each one has a test
    tests = [value_test(g, shape, p, o, seen) for p in known for o in g.objects(shape, p)]
    if not tests:
        return ValueTest("true", lambda _v: True)
    return reduce(_both, tests)


def _both(a: ValueTest, b: ValueTest) -> ValueTest:
    return ValueTest(f"({a.sparql} && {b.sparql})", lambda v: a.check(v) and b.check(v))


def value_test(g: Graph, shape: Node, param: URIRef, value: Node, seen: frozenset[Node] = frozenset()) -> ValueTest:
    """The test of parameter ``param`` = ``value`` of ``shape``."""
    if param in (SH["or"], SH.xone, SH["and"]):
        return _combine(param, [shape_test(g, s, seen | {shape}) for s in Collection(g, value)])
    if param == SH["not"]:
        inner = shape_test(g, value, seen | {shape})
        return ValueTest(f"!COALESCE({inner.sparql}, false)", lambda v: not inner.check(v))
    if param == SH.node:
        return shape_test(g, value, seen | {shape})
    return VALUE_TESTS[param](g, shape, value)


_LOGICAL = {SH["or"], SH.xone, SH["and"], SH["not"], SH.node}


def _combine(param: URIRef, tests: list[ValueTest]) -> ValueTest:
    guarded = [f"COALESCE({t.sparql}, false)" for t in tests] or ["false"]
    if param == SH["or"]:
        return ValueTest("(" + " || ".join(guarded) + ")", lambda v: any(t.check(v) for t in tests))
    if param == SH["and"]:
        return ValueTest("(" + " && ".join(guarded) + ")", lambda v: all(t.check(v) for t in tests))
    count = " + ".join(f"IF({s}, 1, 0)" for s in guarded)
    return ValueTest(f"(({count}) = 1)", lambda v: sum(t.check(v) for t in tests) == 1)


def as_int(node: Node) -> int:
    """``int()`` of a shape parameter's lexical form (sh:minCount 1, sh:maxLength "5")."""
    if not isinstance(node, Identifier):
        raise TypeError(f"not an RDF term: {node!r}")
    return int(node)


def _n3(node: Node) -> str:
    if isinstance(node, BNode):
        raise Unsupported("blank node used as a constant in a shape")
    return node.n3()


# ----------------------------------------------------------------- the tests


def _class(g: Graph, shape: Node, cls: Node) -> ValueTest:
    return ValueTest(f"(!isLiteral(?v) && EXISTS {{ ?v rdf:type/rdfs:subClassOf* {_n3(cls)} }})",
                     lambda v: False)  # only literals are tested in Python


_ACTUAL: dict[Node, type] = {XSD.string: str, RDF.langString: str, XSD.integer: int, XSD.float: float,
                             XSD.decimal: Decimal, XSD.boolean: bool}
#: The integer types derived from xsd:integer, by range (an embedded store keeps them as xsd:integer).
DERIVED_INTEGERS = {
    XSD.nonNegativeInteger: (0, None), XSD.positiveInteger: (1, None), XSD.nonPositiveInteger: (None, 0),
    XSD.negativeInteger: (None, -1), XSD.long: (-2**63, 2**63 - 1), XSD.int: (-2**31, 2**31 - 1),
    XSD.short: (-2**15, 2**15 - 1), XSD.byte: (-128, 127), XSD.unsignedLong: (0, 2**64 - 1),
    XSD.unsignedInt: (0, 2**32 - 1), XSD.unsignedShort: (0, 65535), XSD.unsignedByte: (0, 255),
}
INTEGER_TYPES = frozenset({XSD.integer, *DERIVED_INTEGERS})


def _datatype(g: Graph, shape: Node, dt: Node) -> ValueTest:
    if dt == RDF.langString:
        sparql = "(isLiteral(?v) && LANG(?v) != \"\")"
    elif dt == RDFS.Literal:
        sparql = "isLiteral(?v)"
    else:
        sparql = f"(isLiteral(?v) && (DATATYPE(?v) = {_n3(dt)}{_stored_integer(dt)}))"

    def check(v: Node) -> bool:
        if not isinstance(v, Literal):
            return False
        if v.datatype == dt:
            return not v.ill_typed and isinstance(v.value, _ACTUAL.get(dt, object))
        return (dt == RDFS.Literal or (dt == XSD.string and v.datatype is None and v.language is None)
                or (dt == RDF.langString and bool(v.language)))

    return ValueTest(sparql, check)


def _stored_integer(dt: Node) -> str:
    """For a derived integer type: an xsd:integer in its range passes, as the store keeps such values.
    Literals read from files are all re-checked in Python on their original form."""
    if not isinstance(dt, URIRef) or dt not in DERIVED_INTEGERS:
        return ""
    low, high = DERIVED_INTEGERS[dt]
    bounds = [f"?v >= {low}" if low is not None else "", f"?v <= {high}" if high is not None else ""]
    return " || (DATATYPE(?v) = xsd:integer && " + " && ".join(b for b in bounds if b) + ")"


_KINDS: dict[Node, tuple[str, bool]] = {
    SH.IRI: ("isIRI(?v)", False), SH.BlankNode: ("isBlank(?v)", False), SH.Literal: ("isLiteral(?v)", True),
    SH.BlankNodeOrIRI: ("!isLiteral(?v)", False), SH.BlankNodeOrLiteral: ("!isIRI(?v)", True),
    SH.IRIOrLiteral: ("!isBlank(?v)", True)}


def _node_kind(g: Graph, shape: Node, kind: Node) -> ValueTest:
    sparql, literal_ok = _KINDS[kind]
    return ValueTest(sparql, lambda v: literal_ok)


def _in(g: Graph, shape: Node, members: Node) -> ValueTest:
    values = list(Collection(g, members))
    sparql = "(" + " || ".join(f"sameTerm(?v, {_n3(m)})" for m in values) + ")" if values else "false"
    return ValueTest(sparql, lambda v: v in values)


def _language_in(g: Graph, shape: Node, members: Node) -> ValueTest:
    tags = sorted({str(t).lower() for t in Collection(g, members)})
    if "*" in tags:
        return ValueTest("(isLiteral(?v) && LANG(?v) != \"\")", lambda v: bool(getattr(v, "language", None)))
    listed = ", ".join(f'"{t}"' for t in tags)
    sparql = (f"(isLiteral(?v) && LANG(?v) != \"\" && (LCASE(LANG(?v)) IN ({listed}) "
              f"|| LCASE(STRBEFORE(LANG(?v), \"-\")) IN ({listed})))")

    def check(v: Node) -> bool:
        lang = str(getattr(v, "language", None) or "").lower()
        return bool(lang) and (lang in tags or lang.split("-")[0] in tags)

    return ValueTest(sparql, check)


def _pattern(g: Graph, shape: Node, pattern: Node) -> ValueTest:
    flags = str(g.value(shape, SH.flags) or "")
    compiled = re.compile(str(pattern), _regex_flags(flags))
    literal = Literal(str(pattern)).n3()
    return ValueTest(f"(!isBlank(?v) && REGEX(STR(?v), {literal}, \"{flags}\"))",
                     lambda v: bool(compiled.search(str(v))))


def _regex_flags(flags: str) -> int:
    table = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}
    return reduce(lambda acc, f: acc | table.get(f, 0), flags, 0)


def _length(op: str) -> Callable[[Graph, Node, Node], ValueTest]:
    def make(g: Graph, shape: Node, n: Node) -> ValueTest:
        limit = as_int(n)
        ok = (lambda size: size >= limit) if op == ">=" else (lambda size: size <= limit)
        return ValueTest(f"(!isBlank(?v) && STRLEN(STR(?v)) {op} {limit})", lambda v: ok(len(str(v))))
    return make


def _range(op: str) -> Callable[[Graph, Node, Node], ValueTest]:
    compare = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
               "<": lambda a, b: a < b}[op]

    def make(g: Graph, shape: Node, bound: Node) -> ValueTest:
        def check(v: Node) -> bool:
            try:
                return isinstance(v, Literal) and not v.ill_typed and bool(compare(v.value, _literal_value(bound)))
            except TypeError:
                return False
        return ValueTest(f"(isLiteral(?v) && ?v {op} {_n3(bound)})", check)
    return make


def _literal_value(bound: Node) -> object:
    """The Python value of a literal bound; an IRI or blank node has none (AttributeError)."""
    if not isinstance(bound, Literal):
        raise AttributeError(f"{bound!r} is not a literal: it has no value")
    return bound.value


VALUE_TESTS: dict[URIRef, Callable[[Graph, Node, Node], ValueTest]] = {
    SH["class"]: _class, SH.datatype: _datatype, SH.nodeKind: _node_kind, SH["in"]: _in,
    SH.languageIn: _language_in, SH.pattern: _pattern, SH.minLength: _length(">="),
    SH.maxLength: _length("<="), SH.minInclusive: _range(">="), SH.minExclusive: _range(">"),
    SH.maxInclusive: _range("<="), SH.maxExclusive: _range("<"),
}
