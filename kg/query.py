"""Queries: stored ones by name, files, stdin or inline text; parameters bound; one surface to run them on.

A stored query is a ``.rq`` file in ``queries/`` whose header comments give a title, a
description, its parameters (``# param: NAME TYPE  description``) and an example value
for each (``# example: NAME VALUE``).  Parameters are bound as RDF terms in a VALUES
block (locally and remotely, so both give the same rows), never pasted into the query.

kg's prefixes (:data:`kg.namespaces.PREFIXES`: ``kgo:``, ``kgr:``, ``skos:``, ...) are
predeclared: a query may use them without a ``PREFIX`` line; its own declaration of
the same prefix wins.  The declarations and the VALUES block are added on the lines
they concern, and a syntax error is placed in the query as written (line:column).

A :class:`QueryTarget` (the embedded store or an RDF file: :class:`kg.query_run.LocalData`;
a remote endpoint: :class:`kg.store.remote.Endpoint`) answers ``select``, ``ask`` and
``construct`` with the plain result objects of :mod:`kg.results`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, QueryTriples, Store

from kg.errors import InputError, QueryNotFound, UsageError
from kg.namespaces import PREFIXES
from kg.query_text import (
    form,
    position,
    prefixes,
    refuse_network,
    refuse_update,
    structural_error,
    token_at,
    unresolved_prefix,
    values_slot,
)
from kg.resources import query_paths
from kg.results import Boolean, Graph, Result, Solutions

_HEADER = re.compile(r"^#\s*(title|description|param|example):\s*(.*)$")
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
EXAMPLES = {"xsd:date": "2023-03-15", "xsd:gYear": "2023", "xsd:integer": "1", "iri": "https://example.org/x"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # "string", "iri" or an xsd datatype such as "xsd:date"
    description: str = ""
    example: str = ""


@dataclass(frozen=True)
class StoredQuery:
    """A query's text and what its header says; ``path`` names where it came from (a file, ``<stdin>``,
    ``<--query>``) in error messages."""

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
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(getattr(e, "strerror", None) or str(e), path=str(path)) from None
        return cls.from_text(text, path.stem, path)

    @classmethod
    def from_text(cls, text: str, name: str, path: Path) -> StoredQuery:
        meta: dict[str, str] = {}
        params, examples = [], {}
        for line in text.splitlines():
            m = _HEADER.match(line.strip())
            if m and m.group(1) == "param":
                pname, type_, *rest = m.group(2).split(maxsplit=2) + [""]
                params.append(Param(pname, type_, rest[0].strip()))
            elif m and m.group(1) == "example":
                pname, _, value = m.group(2).strip().partition(" ")
                examples[pname] = value.strip()
            elif m:
                meta[m.group(1)] = m.group(2).strip()
        params = [Param(p.name, p.type, p.description, examples.get(p.name) or EXAMPLES.get(p.type, ""))
                  for p in params]
        return cls(name, path, text, meta.get("title", ""), meta.get("description", ""), tuple(params))


def list_queries() -> list[StoredQuery]:
    return [StoredQuery.from_file(p) for p in query_paths().values()]


def load_query(source: str) -> StoredQuery:
    """A stored query by name, ``-`` for standard input, or a query file of any suffix by path.  A stored
    name wins over a file of the same name in the current folder (write ``./name`` for the file)."""
    if source == "-":
        return StoredQuery.from_text(sys.stdin.read(), "stdin", Path("<stdin>"))
    stored = query_paths()
    if source in stored:
        return StoredQuery.from_file(stored[source])
    path = Path(source)
    if path.is_file():
        return StoredQuery.from_file(path)
    if path.suffix or "/" in source:
        raise QueryNotFound("no such query file", path=source)
    raise QueryNotFound(f"no stored query named {source!r} and no such file (see `kg queries`)")


def inline_query(text: str) -> StoredQuery:
    """The text of ``--query``."""
    return StoredQuery.from_text(text, "query", Path("<--query>"))


# ------------------------------------------------------------------ parameters


def bind(query: StoredQuery, values: dict[str, str]) -> dict[str, NamedNode | Literal]:
    """Parameter values as RDF terms, checked against the query's declared parameters."""
    declared = {p.name: p for p in query.params}
    unknown = set(values) - set(declared)
    if unknown:
        raise UsageError(f"query {query.name!r} has no parameter {', '.join(sorted(unknown))}")
    missing = [p for p in query.params if p.name not in values]
    if missing:
        example = f" (e.g. --param {missing[0].name}={missing[0].example})" if missing[0].example else ""
        raise UsageError(f"query {query.name!r} needs --param {missing[0].name}=VALUE{example}")
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


Edit = tuple[int, int, int]  # where a change starts, the characters it inserts, those it replaced


def _with_values(text: str, bindings: dict) -> tuple[str, Edit]:
    block = values_block(bindings).rstrip("\n")
    if not block:
        return text, (len(text), 0, 0)
    span = values_slot(text)
    if span is None:
        raise UsageError("cannot bind parameters: the query has no WHERE group")
    start, end = span
    piece = block if end > start else f" {block} "
    return text[:start] + piece + text[end:], (start, len(piece), end - start)


# ------------------------------------------------------------------ a query ready to run


@dataclass(frozen=True)
class Prepared:
    """A query's text as sent (predeclared prefixes, bound parameters), its form and the prefixes in scope."""

    query: StoredQuery
    text: str
    form: str
    prefixes: dict[str, str]
    edits: tuple[Edit, ...] = field(default=())

    @property
    def graph(self) -> bool:
        """Whether the answer is a graph (CONSTRUCT, DESCRIBE) rather than solutions or a boolean."""
        return self.form in ("CONSTRUCT", "DESCRIBE")

    def syntax_error(self, e: SyntaxError) -> InputError:
        return syntax_error(e, self.query, self.text, self.edits)


def prepare(query: StoredQuery, values: dict[str, str] | None = None, *, allow_network: bool = False) -> Prepared:
    """Check and complete a query: updates refused, SERVICE/LOAD/FROM <file:> refused unless
    ``allow_network``, kg's prefixes added where the query does not declare them, parameters bound."""
    path = str(query.path)
    refuse_update(query.text, path)
    if not allow_network:
        refuse_network(query.text, path)
    text, values_edit = _with_values(query.text, bind(query, values or {}))
    declared = prefixes(query.text)
    missing = {p: ns for p, ns in PREFIXES.items() if p not in declared}
    head = "".join(f"PREFIX {p}: <{ns}> " for p, ns in missing.items())
    keyword = form(query.text)
    return Prepared(query, head + text, keyword if keyword in FORMS else "SELECT", {**PREFIXES, **declared},
                    (values_edit, (0, len(head), 0)))


@runtime_checkable
class QueryTarget(Protocol):
    """Where a query runs: the embedded store, an RDF file or a remote endpoint, all alike."""

    def select(self, query: Prepared) -> Solutions: ...

    def ask(self, query: Prepared) -> Boolean: ...

    def construct(self, query: Prepared) -> Graph: ...  # CONSTRUCT and DESCRIBE

    def empty_hint(self) -> str | None:
        """Why a query may have found nothing here when the data is there (None: no reason known)."""
        ...


def execute(target: QueryTarget, query: Prepared) -> Result:
    """Run a prepared query of any form on ``target``."""
    if query.form == "ASK":
        return target.ask(query)
    if query.graph:
        return target.construct(query)
    return target.select(query)


def run_query(store: Store, query: StoredQuery, values: dict[str, str] | None = None, *,
              allow_network: bool = False) -> QuerySolutions | QueryBoolean | QueryTriples:
    """Run a query on a pyoxigraph store, over the union of its graphs, in this process (the library
    call behind the CLI's child process; tests, evaluation and benchmarks use it directly).

    pyoxigraph executes ``SERVICE`` clauses (an HTTP request from the query engine): they are
    refused unless ``allow_network``, decided on the query's tokens before it is parsed or run.
    Updates are refused.  A syntax error names the line and column of the query as written.
    """
    prepared = prepare(query, values, allow_network=allow_network)
    try:
        return store.query(prepared.text, use_default_graph_as_union=True)
    except SyntaxError as e:
        raise prepared.syntax_error(e) from None


def run_select(store: Store, query: StoredQuery, values: dict[str, str] | None = None, *,
               allow_network: bool = False) -> QuerySolutions:
    """:func:`run_query` for a query that must be a SELECT (evaluation, the view, the API's rows)."""
    result = run_query(store, query, values, allow_network=allow_network)
    if not isinstance(result, QuerySolutions):
        raise UsageError(f"{query.path}: a SELECT query is needed here")
    return result


# ------------------------------------------------------------------ syntax errors

_POSITION = re.compile(r"^error at (\d+):(\d+): ")


def syntax_error(e: SyntaxError, query: StoredQuery, text: str, edits: tuple[Edit, ...] = ()) -> InputError:
    """pyoxigraph's syntax error, placed in the query as written (before prefixes and VALUES were added),
    naming the token found there.  Mistakes the tokens alone show come first, placed exactly (pyoxigraph
    reports how far its parser read, which is often past the culprit): a prefixed name whose prefix is
    declared nowhere, a query that does not start with a query form, an unbalanced bracket.  A long list
    of expectations is left out."""
    unknown = unresolved_prefix(query.text, PREFIXES)
    if unknown is not None:
        line, column = position(query.text, unknown.start)
        return InputError(f"SPARQL syntax error: unresolved prefixed name {unknown.text} (declare it with "
                          f"PREFIX {unknown.text.split(':')[0]}: <...>)", path=str(query.path), line=line,
                          column=column)
    token, mistake = structural_error(query.text)
    if mistake:
        line, column = position(query.text, token.start if token else len(query.text.rstrip()))
        return InputError(f"SPARQL syntax error: {mistake}", path=str(query.path), line=line, column=column)
    m = _POSITION.match(str(e))
    message = _POSITION.sub("", str(e)).splitlines()[0]
    if m is None:
        return InputError(f"SPARQL syntax error: {message}", path=str(query.path))
    offset = _offset(text, int(m.group(1)), int(m.group(2)))
    for at, inserted, replaced in reversed(edits):
        if offset >= at + inserted:
            offset -= inserted - replaced
        elif offset > at:
            offset = at
    line, column = position(query.text, offset)
    return InputError(f"SPARQL syntax error: {_found(query.text, offset)}{_expected(message)}",
                      path=str(query.path), line=line, column=column)


def _found(text: str, offset: int) -> str:
    token = token_at(text, offset)
    if token is None:
        return "unexpected end of query"
    shown = token.text if len(token.text) <= 40 else token.text[:39] + "…"
    return f"unexpected {shown!r}"


def _expected(message: str) -> str:
    """pyoxigraph's 'expected one of ...', kept when short and readable."""
    message = re.sub(r"(?:, )?\[_\]", "", message).rstrip(", ")  # rust-peg's "any character"
    if "..=" in message or len(message) > 160 or message in ("expected", "expected one of"):
        return ""
    return f" ({message})" if message else ""


def _offset(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return len(text)
    return min(start + column - 1, len(text))
