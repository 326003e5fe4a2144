"""Sorting a SELECT's rows in Python when the engine would sort them slowly: on the on-disk store.

On the on-disk store, pyoxigraph's ``ORDER BY`` decodes the terms it compares at every
comparison (an IRI or a long literal is a RocksDB lookup of a few microseconds), so sorting
46,000 calls by date and IRI costs more than finding them (1.2 of 2.2 s for
``chair-at-each-call`` on the 1M-triple bench store).  Each row's terms are decoded once
anyway when the answer is written; sorting those decoded rows in Python takes a quarter of a
second.  In memory the engine's own sort is the faster, and it is left to it.

:func:`outer_order` recognises the one shape this applies to: a query whose text ends with
``ORDER BY`` over plain variables (``?x``, ``ASC(?x)``, ``DESC(?x)``), nothing after it.
The query is run without that clause and :meth:`OuterOrder.sort` puts the rows in the
order the engine gives: unbound first, then blank nodes, IRIs, literals; IRIs by their
text; strings by code point, then a language-tagged string before a plain one of the same
text, then by tag; rows equal on every key keep the order the engine produced them in
(both sorts are stable).  Where the engine's order is not so simple (numbers, dates and
other typed literals, blank nodes, which it orders by internal identifiers) ``sort``
returns None and the caller runs the query as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store

from kg.errors import UsageError

XSD_STRING_NODE = NamedNode("http://www.w3.org/2001/XMLSchema#string")

_KEY = r"(?:(?P<dir>ASC|DESC)\s*\(\s*[?$](?P<a>\w+)\s*\)|[?$](?P<b>\w+))"
_TAIL = re.compile(rf"\s*ORDER\s+BY\s+(?P<keys>(?:{_KEY}\s*)+)$", re.IGNORECASE)
_ONE_KEY = re.compile(_KEY, re.IGNORECASE)
_COMMENT = re.compile(r"#[^\n]*")


@dataclass(frozen=True)
class OuterOrder:
    """A query's outermost ``ORDER BY`` of plain variables, and its text without that clause."""

    text: str  # the query without its ORDER BY clause
    keys: tuple[tuple[str, bool], ...]  # (variable, descending)

    def sort(self, variables: Sequence[str], rows: Sequence[tuple]) -> list[tuple] | None:
        """The rows in the engine's order, or None when a key holds a term whose engine order is not
        the simple one above, or when a key is not among the variables (the caller then lets the engine
        sort).  The rows are sorted by the first key, then each run of rows tied on the keys so far by
        the next key: a later key is ranked only where rows tie before it, as the engine only compares
        it there (``chair-at-each-call``'s rows nearly all differ by date and call)."""
        if any(name not in variables for name, _ in self.keys):
            return None  # ordered by a variable the query does not return
        order, ties = list(range(len(rows))), [(0, len(rows))] if len(rows) > 1 else []
        for name, descending in self.keys:
            column, tied = variables.index(name), list[tuple[int, int]]()
            for start, end in ties:
                ranks = _ranks(rows, order[start:end], column)
                if ranks is None:
                    return None
                order[start:end] = sorted(order[start:end], key=ranks.__getitem__, reverse=descending)
                tied.extend(_runs(order, start, end, ranks))
            ties = tied
        return [rows[i] for i in order]


def _ranks(rows: Sequence[tuple], indices: list[int], column: int) -> dict[int, tuple] | None:
    """The sort key of each of these rows' term in ``column``, or None if one has no plain order."""
    ranks = {}
    for i in indices:
        rank = _rank(rows[i][column])
        if rank is None:
            return None
        ranks[i] = rank
    return ranks


def _runs(order: list[int], start: int, end: int, ranks: dict[int, tuple]) -> Iterator[tuple[int, int]]:
    """The runs of two or more rows of equal rank in ``order[start:end]``, sorted by that rank."""
    first = start
    for i in range(start + 1, end + 1):
        if i == end or ranks[order[i]] != ranks[order[first]]:
            if i - first > 1:
                yield first, i
            first = i


def outer_order(text: str) -> OuterOrder | None:
    """The ORDER BY that ends ``text``, when it orders by plain variables only and nothing follows it
    (no LIMIT, OFFSET or trailing VALUES, whose rows depend on the order); otherwise None."""
    close = text.rfind("}")
    if close < 0:
        return None
    tail = _COMMENT.sub(" ", text[close + 1:])
    found = _TAIL.fullmatch(tail.rstrip() or "-")
    if found is None:
        return None
    keys = tuple((m["a"] or m["b"], (m["dir"] or "").upper() == "DESC")
                 for m in _ONE_KEY.finditer(found["keys"]))
    return OuterOrder(text[:close + 1] + "\n", keys)


def _rank(term: object) -> tuple | None:
    """A sort key agreeing with pyoxigraph's ORDER BY, for the terms where that order is plain."""
    if term is None:
        return (0,)
    if isinstance(term, NamedNode):
        return (2, term.value)
    if isinstance(term, Literal):
        if term.language is not None:
            return (3, term.value, 0, term.language)
        if term.datatype == XSD_STRING_NODE:
            return (3, term.value, 1, "")
    return None  # other literals, blank nodes, triples: the engine's own order


def select_rows(store: Store, text: str, *, on_disk: bool) -> tuple[tuple[str, ...], list[tuple]]:
    """Run a SELECT over the union of ``store``'s graphs in this process and return its variables and
    rows, ordered as :meth:`kg.query_run.LocalData.select` orders them (what the benchmarks time): by
    Python on an on-disk store, by the engine in memory, where its own sort is the faster."""
    plan = outer_order(text) if on_disk else None
    if plan is not None:
        variables, rows = _materialised(store, plan.text)
        ordered = plan.sort(variables, rows)
        if ordered is not None:
            return variables, ordered
    return _materialised(store, text)


def _materialised(store: Store, text: str) -> tuple[tuple[str, ...], list[tuple]]:
    solutions = store.query(text, use_default_graph_as_union=True)
    if not isinstance(solutions, QuerySolutions):
        raise UsageError("a SELECT query is needed here")
    variables = tuple(v.value for v in solutions.variables)
    return variables, [tuple(row) for row in solutions]
