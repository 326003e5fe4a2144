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

from kg.errors import InputError, NetworkRefused, QueryNotFound, UsageError
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


_SLOT = re.compile(r"^[ \t]*#[ \t]*values[ \t]*$", re.MULTILINE | re.IGNORECASE)


def with_values(text: str, bindings: dict) -> str:
    """The query with a VALUES block opening its WHERE group, so filters see the bound values; a
    ``# values`` comment line puts it elsewhere (inside a subquery that must see the parameters)."""
    block = values_block(bindings)
    if not block:
        return text
    slot = _SLOT.search(text)
    if slot is not None:
        return text[: slot.start()] + "  " + block + text[slot.end():]
    m = _WHERE.search(_strip_comments(text))
    if m is None:
        raise UsageError("cannot bind parameters: the query has no WHERE group")
    return text[: m.end()] + "\n  " + block + text[m.end():]


def _strip_comments(text: str) -> str:
    """Comments blanked out (same length), so positions still match the original text; a ``#``
    inside an IRI or a string is not a comment."""
    return re.sub(r'''(<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|#[^\n]*''',
                  lambda m: m.group(1) or " " * len(m.group(0)), text)


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_STRINGS = re.compile("|".join((r'"""[\s\S]*?"""', r"'''[\s\S]*?'''", r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'")))
_IRIS = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:)?[^<>\"{}|^`\\\s]*>")
_REACHING = re.compile(r"\b(SERVICE|LOAD)\b|\bFROM\s+(?:NAMED\s+)?<(?!https?:)", re.IGNORECASE)


def refuse_network(text: str, path: str | None = None) -> None:
    """Refuse a query that could reach the network or local files: ``SERVICE``, ``LOAD``, or ``FROM``
    with an IRI that is not http(s) (``FROM <file:///etc/passwd>``).  Escapes (``\\u0053ERVICE``)
    are decoded first, as SPARQL does; strings and comments cannot hide or fake a keyword."""
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    plain = _IRIS.sub(lambda m: f"<{m.group(1) or ''}>", _STRINGS.sub('""', _strip_comments(decoded)))
    m = _REACHING.search(plain)
    if m:
        word = m.group(1).upper() if m.group(1) else "FROM with a non-http IRI"
        where = f"{path}: " if path else ""
        raise NetworkRefused(f"{where}the query uses {word}, which reaches other servers or files; "
                             "refused (allow it with --allow-network)")


def run_query(store: Store, query: StoredQuery, values: dict[str, str] | None = None, *,
              allow_network: bool = False) -> QuerySolutions:
    """Run a SELECT query on a pyoxigraph store, over the union of its graphs.

    pyoxigraph executes ``SERVICE`` clauses (an HTTP request from the query engine): they are
    refused unless ``allow_network``.
    """
    if not allow_network:
        refuse_network(query.text, str(query.path))
    check_syntax(query)
    bindings = bind(query, values or {})
    return store.query(with_values(query.text, bindings), use_default_graph_as_union=True)


_POSITION = re.compile(r"^error at (\d+):(\d+): ")


def check_syntax(query: StoredQuery) -> None:
    """Parse the query as written (on an empty store), so that a syntax error points to its own
    line and column, before any VALUES block is inserted."""
    try:
        Store().query(query.text)
    except SyntaxError as e:
        m = _POSITION.match(str(e))
        line, column = (int(m.group(1)), int(m.group(2))) if m else (e.lineno, e.offset)
        message = _POSITION.sub("", str(e)).splitlines()[0]
        raise InputError(f"SPARQL syntax error: {message}", path=str(query.path), line=line,
                         column=column) from None


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
