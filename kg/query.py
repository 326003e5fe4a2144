"""Stored queries: list them, load them by name or path, bind parameters, run them, render results.

A stored query is a ``.rq`` file in ``queries/`` whose header comments give a
title, a description and its parameters (``# param: NAME TYPE  description``).
Parameters are bound as RDF terms in a VALUES block (locally and remotely, so both
give the same rows), never pasted into the query text.
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
from kg.query_text import refuse_network, refuse_update, values_slot
from kg.resources import query_paths

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")


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
    if path.suffix == ".rq":
        if not path.is_file():
            raise QueryNotFound("no such query file", path=str(path))
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
    """The query with a VALUES block opening its WHERE group, so filters see the bound values; a
    ``# values`` comment line puts it elsewhere (inside a subquery that must see the parameters).
    The block goes on the same line, so line numbers of the query stay as written."""
    return _with_values(text, bindings)[0]


def _with_values(text: str, bindings: dict) -> tuple[str, int, int, int]:
    """The bound text; where the change starts, the characters it inserts and those it replaced."""
    block = values_block(bindings).rstrip("\n")
    if not block:
        return text, len(text), 0, 0
    span = values_slot(text)
    if span is None:
        raise UsageError("cannot bind parameters: the query has no WHERE group")
    start, end = span
    piece = block if end > start else f" {block} "
    return text[:start] + piece + text[end:], start, len(piece), end - start


def run_query(store: Store, query: StoredQuery, values: dict[str, str] | None = None, *,
              allow_network: bool = False) -> QuerySolutions:
    """Run a SELECT query on a pyoxigraph store, over the union of its graphs.

    pyoxigraph executes ``SERVICE`` clauses (an HTTP request from the query engine): they are
    refused unless ``allow_network``, decided on the query's tokens before it is parsed or run.
    Updates are refused.  A syntax error names the line and column of the query as written.
    """
    refuse_update(query.text, str(query.path))
    if not allow_network:
        refuse_network(query.text, str(query.path))
    text, *change = _with_values(query.text, bind(query, values or {}))
    try:
        return store.query(text, use_default_graph_as_union=True)  # type: ignore[return-value]  # SELECT only (issue 11)
    except SyntaxError as e:
        raise syntax_error(e, query, text, *change) from None


_POSITION = re.compile(r"^error at (\d+):(\d+): ")


def syntax_error(e: SyntaxError, query: StoredQuery, text: str, at: int = 0, inserted: int = 0,
                 replaced: int = 0) -> InputError:
    """pyoxigraph's syntax error, placed in the query as written (before a VALUES block was added)."""
    m = _POSITION.match(str(e))
    message = _POSITION.sub("", str(e)).splitlines()[0]
    if m is None:
        return InputError(f"SPARQL syntax error: {message}", path=str(query.path))
    offset = _offset(text, int(m.group(1)), int(m.group(2)))
    if offset >= at + inserted:
        offset -= inserted - replaced
    elif offset > at:
        offset = at
    line = query.text.count("\n", 0, offset) + 1
    column = offset - (query.text.rfind("\n", 0, offset) + 1) + 1
    return InputError(f"SPARQL syntax error: {message}", path=str(query.path), line=line, column=column)


def _offset(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    return min(start + column - 1, len(text))


# ------------------------------------------------------------------ rendering


def render(solutions: QuerySolutions, fmt: str) -> str:
    """Results as ``json`` (W3C SPARQL 1.1 Query Results JSON), ``csv``, ``tsv`` or ``table``."""
    if fmt == "json":
        return (solutions.serialize(format=QueryResultsFormat.JSON) or b"").decode("utf-8")
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
