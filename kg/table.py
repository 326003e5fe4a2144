"""The ``table`` result format: aligned columns that fit the terminal, with IRIs that paste back into SPARQL.

Long cells are cut with an ellipsis; the widest column gives way first, and IRI columns stay
whole while the others can still show a fair share.  An IRI is written ``prefix:local`` when
a prefix in scope (declared by the query or predeclared by kg) gives a local name that is
valid SPARQL without escapes, else ``<iri>``; a literal shows its lexical form on one line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pyoxigraph import BlankNode, NamedNode, Triple

from kg.errors import printable

if TYPE_CHECKING:
    from kg.results import Solutions, Term

ELLIPSIS = "…"
MIN_CELL = 6  # a column is never squeezed narrower than this
FAIR_CELL = 16  # what other columns keep at least when IRI columns stay whole


def to_table(result: Solutions, prefixes: dict[str, str], width: int) -> str:
    """Aligned columns within ``width`` characters (long cells cut with an ellipsis), then the row count;
    IRIs are ``prefix:local`` when that is valid SPARQL, else ``<iri>``."""
    names = list(result.variables)
    cells = [[_cell(t, prefixes) for t in row] for row in result.rows]
    iris = [all(row[i] is None or isinstance(row[i], NamedNode) for row in result.rows) for i in range(len(names))]
    widths = fit([max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)], width, iris)
    lines = [_line(names, widths), "  ".join("-" * w for w in widths)]
    lines += [_line(row, widths) for row in cells]
    count = len(result.rows)
    return "\n".join([*lines, f"({count} row{'s' if count != 1 else ''})"]) + "\n"


def _line(cells: Sequence[str], widths: list[int]) -> str:
    return "  ".join(_cut(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + ELLIPSIS


def fit(widths: list[int], total: int, keep: Sequence[bool] = ()) -> list[int]:
    """Column widths that fit ``total`` characters with two spaces between columns: the widest column
    gives up a character at a time, none below :data:`MIN_CELL` (a very narrow terminal wraps).  Columns
    marked ``keep`` (IRIs, which a cut would stop from pasting back) stay whole when the others can
    still show :data:`FAIR_CELL` characters each."""
    widths = list(widths)
    room = total - 2 * (len(widths) - 1)
    kept = [bool(k) for k in keep] or [False] * len(widths)
    if sum(w if k else min(w, FAIR_CELL) for w, k in zip(widths, kept, strict=True)) > room:
        kept = [False] * len(widths)
    while sum(widths) > room:
        shrinkable = [i for i, w in enumerate(widths) if w > MIN_CELL and not kept[i]]
        if not shrinkable:
            break
        widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    return widths


def _cell(term: Term | None, prefixes: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return sparql_iri(term.value, prefixes)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Triple):
        return f"<< {term} >>"
    return printable(term.value)


def sparql_iri(iri: str, prefixes: dict[str, str]) -> str:
    """``prefix:local`` when a prefix's namespace starts ``iri`` and the rest is a valid SPARQL local
    name without escapes (the longest namespace wins), else ``<iri>``: either pastes back into a query."""
    from kg.query_text import LOCAL_NAME

    best = ""
    for prefix, ns in prefixes.items():
        local = iri[len(ns):]
        if iri.startswith(ns) and (not local or LOCAL_NAME.fullmatch(local)) and (
                not best or len(ns) > len(prefixes[best])):
            best = prefix
    if best:
        return f"{best}:{iri[len(prefixes[best]):]}"
    return f"<{_iri_escape(iri)}>"


def _iri_escape(iri: str) -> str:
    """Characters that may not appear in a SPARQL IRI reference, as ``\\u`` escapes (rare in data)."""
    return re.sub(r'[\x00-\x20<>"{}|^`\\]', lambda m: f"\\u{ord(m.group()):04X}", iri)
