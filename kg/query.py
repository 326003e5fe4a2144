"""Stored queries: list them, load them by name or path, bind parameters, run them, render results.

A stored query is a ``.rq`` file in ``queries/`` whose header comments give a
title, a description and its parameters (``# param: NAME TYPE  description``).
Parameters are bound as RDF terms (pyoxigraph substitutions locally, a VALUES
block remotely), never pasted into the query text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QueryResultsFormat, QuerySolutions, Store

from kg.errors import InputError, QueryNotFound, UsageError
from kg.namespaces import PREFIXES
from kg.resources import query_paths

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # "string", "iri" or an xsd datatype such as "xsd:date"
    description: str = ""


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()

    @classmethod
    def from_file(cls, path: Path) -> StoredQuery:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(e.strerror or str(e), path=str(path)) from None
        meta: dict[str, str] = {}
        params = []
        for line in text.splitlines():
            m = _HEADER.match(line.strip())
            if m and m.group(1) == "param":
                name, type_, *rest = m.group(2).split(maxsplit=2) + [""]
                params.append(Param(name, type_, rest[0].strip()))
            elif m:
                meta[m.group(1)] = m.group(2).strip()
        return cls(path.stem, path, text, meta.get("title", ""), meta.get("description", ""), tuple(params))


def list_queries() -> list[StoredQuery]:
    return [StoredQuery.from_file(p) for p in query_paths().values()]


def load_query(name_or_path: str) -> StoredQuery:
    """A stored query by name, or any ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.exists():
        return StoredQuery.from_file(path)
    stored = query_paths()
    if name_or_path in stored:
        return StoredQuery.from_file(stored[name_or_path])
    raise QueryNotFound(f"no stored query named {name_or_path!r} (see `kg queries`)")


def bind(query: StoredQuery, values: dict[str, str]) -> dict[str, NamedNode | Literal]:
    """Parameter values as RDF terms, checked against the query's declared parameters."""
    declared = {p.name: p for p in query.params}
    unknown = set(values) - set(declared)
    if unknown:
        raise UsageError(f"query {query.name!r} has no parameter {', '.join(sorted(unknown))}")
    missing = [p.name for p in query.params if p.name not in values]
    if missing:
        raise UsageError(f"query {query.name!r} needs --param {missing[0]}=VALUE")
    return {name: _term(declared[name], value) for name, value in values.items()}


def _term(param: Param, value: str) -> NamedNode | Literal:
    if param.type == "iri":
        try:
            return NamedNode(value)
        except ValueError:
            raise UsageError(f"parameter {param.name}: not an IRI: {value!r}") from None
    if param.type.startswith("xsd:"):
        datatype = NamedNode(PREFIXES["xsd"] + param.type[4:])
        literal = Literal(value, datatype=datatype)
        if param.type == "xsd:date" and not re.fullmatch(r"-?\d{4,}-\d{2}-\d{2}", value):
            raise UsageError(f"parameter {param.name}: expected a date YYYY-MM-DD, got {value!r}")
        return literal
    return Literal(value)


def values_block(bindings: dict) -> str:
    """``VALUES (?a ?b) { (term term) }`` from RDF terms (their N-Triples form is already escaped)."""
    if not bindings:
        return ""
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(str(v) for v in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}\n"


def with_values(text: str, bindings: dict) -> str:
    """The query with a VALUES block opening its WHERE group, so filters see the bound values."""
    block = values_block(bindings)
    if not block:
        return text
    m = _WHERE.search(_strip_comments(text))
    if m is None:
        raise UsageError("cannot bind parameters: the query has no WHERE group")
    return text[: m.end()] + "\n  " + block + text[m.end():]


def _strip_comments(text: str) -> str:
    """Comments blanked out (same length), so positions still match the original text."""
    return re.sub(r"(?m)#[^\n]*", lambda m: " " * len(m.group(0)), text)


def run_query(store: Store, query: StoredQuery, values: dict[str, str] | None = None) -> QuerySolutions:
    """Run a SELECT query on a pyoxigraph store, over the union of its graphs."""
    bindings = bind(query, values or {})
    try:
        return store.query(with_values(query.text, bindings), use_default_graph_as_union=True)
    except SyntaxError as e:
        raise InputError(str(e), path=str(query.path), line=e.lineno, column=e.offset) from None


# ------------------------------------------------------------------ rendering


def render(solutions: QuerySolutions, fmt: str) -> str:
    """Results as ``json`` (W3C SPARQL 1.1 Query Results JSON), ``csv``, ``tsv`` or ``table``."""
    if fmt == "json":
        return solutions.serialize(format=QueryResultsFormat.JSON).decode("utf-8")
    names = [v.value for v in solutions.variables]
    rows = [[_plain(s[n]) for n in names] for s in solutions]
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return out.getvalue()
    return _table(names, rows)


def _plain(term: object) -> str:
    if term is None:
        return ""
    return getattr(term, "value", str(term))


def _table(names: list[str], rows: list[list[str]]) -> str:
    shown = [[_short(c) for c in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in shown]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in shown]
    return "\n".join([line, "  ".join("-" * w for w in widths), *body, f"({len(rows)} rows)"]) + "\n"


def _short(value: str) -> str:
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value if len(value) <= 70 else value[:67] + "..."


def json_rows(text: str) -> list[dict[str, str]]:
    """Plain rows of a SPARQL JSON result (used by tests and remote endpoints)."""
    data = json.loads(text)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
