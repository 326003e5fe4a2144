"""The SPARQL of SHACL-SPARQL shapes: what SHACL forbids in it, and when pre-binding is a join.

SHACL 5.2.1 pre-binds ``$this`` (and ``$value``, ``$currentShape``, ``$shapesGraph``, ``$PATH``, the
parameters of a component) and declares queries that use ``MINUS``, ``SERVICE``, ``VALUES``, a nested
``SELECT`` or ``AS`` on a pre-bound variable unsupported: :func:`refuse_unsupported` makes them an input
error for both engines.  The fast engine pre-binds ``$this`` by joining the focus nodes at the start of
the query's WHERE group; :func:`join_prebinds` says when that gives the same rows.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Variable
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, URIRef

from kg.errors import InputError

PREFIXES = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n")  # what the fast engine declares for every query
PREBOUND = ("this", "value", "currentShape", "shapesGraph", "PATH")
_VALIDATORS = (SH.validator, SH.nodeValidator, SH.propertyValidator)
_FORBIDDEN = re.compile(r"\b(MINUS|SERVICE|VALUES)\b", re.IGNORECASE)


def strip_comments(text: str) -> str:
    """SPARQL without its comments (a ``#`` inside an IRI or a string is kept)."""
    return re.sub(r"""(<[^>\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|#[^\n]*""",
                  lambda m: m.group(1) or "", text)


def keywords_only(text: str) -> str:
    """SPARQL without comments, strings and IRIs: what is left are keywords, names and variables."""
    text = re.sub(r'"""(?:[^"\\]|\\.|"(?!""))*"""|' + r"'''(?:[^'\\]|\\.|'(?!''))*'''", '""', text)
    return re.sub(r"""<[^>\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*""", " ", text)


def refuse_unsupported(shapes: Graph, path: Path) -> None:
    """An input error for a query of the shapes that SHACL declares unsupported (SHACL 5.2.1.1)."""
    for holder, query in [*shapes.subject_objects(SH.select), *shapes.subject_objects(SH.ask)]:
        problem = _unsupported(keywords_only(str(query)), (*PREBOUND, *_parameters(shapes, holder)),
                               ask=(holder, SH.ask, query) in shapes)
        if problem:
            raise InputError(f"the SPARQL query of {_name(holder)} {problem}, which SHACL-SPARQL does not "
                             "support (SHACL 5.2.1.1)", path=str(path))


def _unsupported(words: str, prebound: tuple[str, ...], *, ask: bool) -> str | None:
    found = _FORBIDDEN.search(words)
    if found:
        return f"uses {found.group(1).upper()}"
    names = "|".join(re.escape(n) for n in prebound)
    bound = re.search(r"\b(?i:AS)\s*[?$](" + names + r")\b", words)
    if bound:
        return f"assigns the pre-bound variable ${bound.group(1)}"
    used = {n for n in prebound if re.search(r"[?$]" + re.escape(n) + r"\b", words)}
    for projection in re.findall(r"\b(?i:SELECT)\b(.*?)(?:\b(?i:WHERE)\b|\{)", words, re.DOTALL)[0 if ask else 1:]:
        missing = sorted(n for n in used if not re.search(r"[?$]" + re.escape(n) + r"\b", projection))
        if missing:
            return f"has a nested SELECT that does not return ${missing[0]}"
    return None


def _parameters(shapes: Graph, validator: Node) -> list[str]:
    """The names of the parameters of the component whose validator ``validator`` is."""
    components = [c for p in _VALIDATORS for c in shapes.subjects(p, validator)]
    paths = [shapes.value(p, SH.path) for c in components for p in shapes.objects(c, SH.parameter)]
    return [re.split(r"[#/]", str(p))[-1] for p in paths if isinstance(p, URIRef)]


def _name(node: Node) -> str:
    return f"<{node}>" if isinstance(node, URIRef) else "a shape"


# ----------------------------------------------------------------- pre-binding by a join

THIS = Variable("this")


def join_prebinds(query: str) -> bool:
    """Whether joining the focus nodes at the start of the WHERE group equals pre-binding ``$this``.

    ``query`` has the focus already in place as a triple pattern on ``?this``.  Joining differs from
    pre-binding only where an expression (FILTER, BIND, OPTIONAL's condition) reads ``$this`` in a
    group that does not itself bind it: a nested group, a UNION branch.
    """
    try:
        algebra = prepareQuery(query).algebra
    except Exception:  # noqa: BLE001 - rdflib raises plain exceptions; pySHACL will name the problem
        return False
    return _safe(algebra)


def _safe(node: object) -> bool:
    if isinstance(node, list | tuple):
        return all(_safe(n) for n in node)
    if not isinstance(node, CompValue):
        return True
    expr = node.get("expr")
    if node.name in ("Filter", "Extend") and _mentions(expr) and not _binds(node.p):
        return False
    if node.name == "LeftJoin" and _mentions(expr) and not (_binds(node.p1) or _binds(node.p2)):
        return False
    return all(_safe(v) for k, v in node.items() if k not in ("expr", "_vars"))


def _mentions(expr: object) -> bool:
    if isinstance(expr, Variable):
        return expr == THIS
    if isinstance(expr, CompValue):
        return any(_mentions(v) for k, v in expr.items() if k != "_vars")
    if isinstance(expr, list | tuple):
        return any(_mentions(v) for v in expr)
    return False


def _binds(node: object) -> bool:
    """Whether every solution of the pattern binds ``?this``."""
    if not isinstance(node, CompValue):
        return False
    if node.name == "BGP":
        return any(THIS in triple for triple in node.triples)
    if node.name == "Join":
        return _binds(node.p1) or _binds(node.p2)
    if node.name == "Union":
        return _binds(node.p1) and _binds(node.p2)
    if node.name == "LeftJoin":
        return _binds(node.p1)
    if node.name == "Extend" and node.var == THIS:
        return True
    return "p" in node and _binds(node.p)
