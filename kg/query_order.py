"""A query's final ORDER BY done in Python, where the embedded engine sorts slowly.

pyoxigraph 0.5 sorts a query's solutions by decoding each term again at every comparison; on the
on-disk store every IRI or long string it decodes is a RocksDB read.  Over the 46,000 calls of the bench
graph, the final ``ORDER BY`` of ``chair-at-each-call`` and ``roles-at-each-call`` costs more than
finding the rows (figure 3).  Sorting the rows the engine returns, each term decoded once, gives
the same answer much faster.

This is done only where Python's order is SPARQL's order without doubt: the ``ORDER BY`` is the last
clause of the query (no LIMIT or OFFSET after it, which would need the order first), each key is a
variable the query returns, ascending or ``DESC``, and every key value is unbound, an IRI or a string
(``xsd:string`` or with a language tag).  SPARQL puts unbound first, then IRIs, then literals;
strings compare by code point; IRIs as their text.  Anything else (numbers and dates, whose order is
by value; blank nodes; two different literals with the same text) leaves the sorting to the engine,
which then runs the query as written.  Rows with equal keys keep the order the engine found them in,
as they do in the engine's own (stable) sort.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, QueryTriples, Store, Variable

from kg.query_text import Token, significant

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_CLOSERS = {"}": "{", ")": "(", "]": "["}


@dataclass(frozen=True)
class OrderKey:
    variable: str
    descending: bool = False


def final_order(text: str) -> tuple[str, tuple[OrderKey, ...]] | None:
    """``text`` without its final ORDER BY clause and that clause's keys, when the clause is the
    query's last and orders by plain variables only; None otherwise."""
    toks = significant(text)
    start = _order_start(toks)
    if start is None:
        return None
    keys = _keys(toks[start + 2:])
    if not keys:
        return None
    return text[:toks[start].start].rstrip() + "\n", keys


def _order_start(toks: list[Token]) -> int | None:
    """Index of the ORDER token of an ORDER BY that follows the outermost group, if any."""
    depth, last_close = 0, None
    for i, t in enumerate(toks):
        if t.kind != "punct":
            continue
        if t.text in ("{", "(", "["):
            depth += 1
        elif t.text in _CLOSERS:
            depth -= 1
            if depth == 0 and t.text == "}":
                last_close = i
    if last_close is None or len(toks) < last_close + 4:
        return None
    order, by = toks[last_close + 1], toks[last_close + 2]
    if order.text.upper() != "ORDER" or by.text.upper() != "BY":
        return None
    return last_close + 1


def _keys(toks: list[Token]) -> tuple[OrderKey, ...]:
    """``?a DESC(?b) ASC(?c)`` as keys; () when anything else is there (an expression, LIMIT, ...)."""
    keys, i = [], 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "var":
            keys.append(OrderKey(t.text[1:]))
            i += 1
        elif (t.text.upper() in ("ASC", "DESC") and i + 3 < len(toks) and toks[i + 1].text == "("
              and toks[i + 2].kind == "var" and toks[i + 3].text == ")"):
            keys.append(OrderKey(toks[i + 2].text[1:], t.text.upper() == "DESC"))
            i += 4
        else:
            return ()
    return tuple(keys)


class _Unsortable(Exception):
    """A key value whose SPARQL order Python does not reproduce: the engine sorts."""


class Row:
    """One solution, read like pyoxigraph's ``QuerySolution``: by variable name, ``Variable`` or index."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: tuple) -> None:
        self._index, self._values = index, values

    def __getitem__(self, key: str | Variable | int):
        if isinstance(key, int):
            return self._values[key]
        position = self._index.get(key.value if isinstance(key, Variable) else key)
        return None if position is None else self._values[position]

    def __iter__(self) -> Iterator:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class SortedSolutions:
    """The rows of a SELECT in their ORDER BY order; iterated like pyoxigraph's ``QuerySolutions``
    (``.variables``, and rows read by name, variable or index)."""

    def __init__(self, variables: list[Variable], rows: list[tuple]) -> None:
        self.variables = variables
        index = {v.value: i for i, v in enumerate(variables)}
        self._rows = [Row(index, values) for values in rows]

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def query(store: Store, text: str) -> QuerySolutions | SortedSolutions | QueryBoolean | QueryTriples:
    """``store.query(text)`` over the union of the graphs, with a final ORDER BY sorted in Python where
    that gives SPARQL's order (see the module's notes)."""
    found = final_order(text)
    if found is not None:
        unordered, keys = found
        result = store.query(unordered, use_default_graph_as_union=True)
        if isinstance(result, QuerySolutions):
            names = [v.value for v in result.variables]
            if all(k.variable in names for k in keys):
                variables, rows = list(result.variables), [tuple(row) for row in result]
                try:
                    return SortedSolutions(variables, sort_rows(rows, names, keys))
                except _Unsortable:
                    pass
    return store.query(text, use_default_graph_as_union=True)


def sort_rows(rows: list[tuple], names: list[str], keys: tuple[OrderKey, ...]) -> list[tuple]:
    """``rows`` (one value per name, None where unbound) in SPARQL's ORDER BY order for ``keys``.
    The sorts are stable, as the engine's is: rows with equal keys keep the order they came in."""
    columns = [names.index(k.variable) for k in keys]
    seen: list[dict[tuple[int, str], object]] = [{} for _ in columns]
    sort_keys = [tuple(_term_key(values[c], seen[p]) for p, c in enumerate(columns)) for values in rows]
    order = list(range(len(rows)))
    if all(not k.descending for k in keys):
        order.sort(key=sort_keys.__getitem__)
    else:
        for position in reversed(range(len(keys))):  # the last key first
            column = [k[position] for k in sort_keys]
            order.sort(key=column.__getitem__, reverse=keys[position].descending)
    return [rows[i] for i in order]


def _term_key(term: object, seen: dict[tuple[int, str], object]) -> tuple[int, str]:
    if term is None:
        return (0, "")
    if isinstance(term, NamedNode):
        return (1, term.value)
    if isinstance(term, Literal) and (term.language or term.datatype.value == XSD_STRING):
        key = (2, term.value)
        if seen.setdefault(key, term) != term:  # "a", "a"@en, "a"@fr: the engine breaks that tie its own way
            raise _Unsortable
        return key
    raise _Unsortable
