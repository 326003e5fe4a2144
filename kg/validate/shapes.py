"""Loading SHACL shapes, and the network policy: shapes that would reach the network or other files
(``owl:imports``, a SPARQL constraint with ``FROM`` or ``SERVICE``) are refused unless allowed."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, SH

from kg.errors import InputError, NetworkRefused
from kg.rdfio import read_dataset
from kg.validate.fast.sparql import refuse_unsupported
from kg.validate.pyshacl_adapter import union


@cache
def _read_rdf(path: Path, mtime: float) -> Graph:
    return union(read_dataset([path]))


def read_cached(path: Path) -> Graph:
    try:
        mtime = path.stat().st_mtime
    except OSError as err:
        raise InputError(err.strerror or str(err), path=str(path)) from err
    return _read_rdf(path.resolve(), mtime)


def declared_prefixes(shapes: Graph) -> dict[str, str]:
    """The sh:declare prefixes of the shapes, for pySHACL's queries: pySHACL reads only those of the
    sh:prefixes node itself, not those it reaches by owl:imports (a prefix declared twice is left out)."""
    found: dict[str, set[str]] = {}
    for decl in shapes.objects(None, SH.declare):
        prefix, namespace = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
        if prefix is not None and namespace is not None:
            found.setdefault(str(prefix), set()).add(str(namespace))
    return {p: next(iter(ns)) for p, ns in found.items() if len(ns) == 1}


_NETWORK_SPARQL = re.compile(r"\b(FROM|SERVICE)\b", re.IGNORECASE)


def load_shapes(path: Path, allow_network: bool) -> Graph:
    """The shapes graph; refuses what could reach the network or other files unless allowed."""
    shapes = read_cached(path)
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
