"""Per-document indexes over span groups, so that rules look spans up by position.

A rule such as "the demonyms within three tokens after the post" or "the dates of this sentence"
used to filter every span of the article; called once per sentence or per mention, that made an
article's cost grow with the square of its length.  An index sorts a group's spans (optionally
only some labels) by start once per Doc, and answers "which spans start in [lo, hi)" by bisection.

Indexes live in ``doc.user_data`` and are rebuilt when the group they were built from is replaced
or grows, so a component that sets a group needs no hook to invalidate them.  The lists they hand
out are shared: callers must not mutate them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from operator import attrgetter

from spacy.tokens import Doc, Span

_CACHE = "kg_span_index"
#: The ``doc.spans`` group of the date expressions, set by the ``kg_dates`` component.
DATES_KEY = "dates"


class SpanIndex:
    """Items (spans, or mentions holding a span) sorted by where they start, looked up by position."""

    __slots__ = ("spans", "_starts", "_ends", "_longest")

    def __init__(self, items: Iterable, start: Callable[[object], int] = attrgetter("start"),
                 end: Callable[[object], int] = attrgetter("end")) -> None:
        keyed = sorted(((start(x), -end(x), n, x) for n, x in enumerate(items)), key=lambda k: k[:3])
        self.spans: list = [x for *_, x in keyed]
        self._starts = [k[0] for k in keyed]
        self._ends = [-k[1] for k in keyed]
        self._longest = max((e - b for b, e in zip(self._starts, self._ends, strict=True)), default=0)

    def starting(self, lo: int, hi: int) -> list:
        """The items whose first token index is in ``[lo, hi)``, in text order."""
        return self.spans[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    def overlapping(self, lo: int, hi: int) -> list:
        """The items that share at least one token with ``[lo, hi)``."""
        first = bisect_left(self._starts, lo - self._longest + 1)
        last = bisect_left(self._starts, hi)
        return [x for x, e in zip(self.spans[first:last], self._ends[first:last], strict=True) if e > lo]

    def __len__(self) -> int:
        return len(self.spans)


def _cached(doc: Doc, key: tuple, source, build: Callable[[], SpanIndex]) -> SpanIndex:
    """The index cached under ``key``, rebuilt when ``source`` was replaced or has grown."""
    cache: dict = doc.user_data.setdefault(_CACHE, {})
    size = len(source) if source is not None else 0
    entry = cache.get(key)
    if entry is not None and entry[0] is source and entry[1] == size:
        return entry[2]
    index = build()
    cache[key] = (source, size, index)
    return index


def span_index(doc: Doc, group: str, labels: tuple[str, ...] = ()) -> SpanIndex:
    """The index of ``doc.spans[group]`` restricted to ``labels`` (all labels when empty)."""
    current = doc.spans.get(group)
    if labels:  # filtered from the whole group's index: each Span object is made once per Doc
        wanted = frozenset(labels)
        return _cached(doc, (group, labels), current,
                       lambda: SpanIndex(s for s in span_index(doc, group).spans if s.label_ in wanted))
    return _cached(doc, (group, labels), current, lambda: SpanIndex(current if current is not None else ()))


def dates_within(doc: Doc, lo: int, hi: int) -> list[Span]:
    """The date spans (``kg_dates``) that start at a token index in ``[lo, hi)``."""
    return span_index(doc, DATES_KEY).starting(lo, hi)


def dates_overlapping(doc: Doc, lo: int, hi: int) -> list[Span]:
    """The date spans that share a token with ``[lo, hi)``."""
    return span_index(doc, DATES_KEY).overlapping(lo, hi)


def dated_tokens(doc: Doc, lo: int, hi: int) -> set[int]:
    """The indices of the tokens of ``[lo, hi)`` that are part of a date expression (skipped by rules
    that read past dates: "a appelé le 14 mars le général X")."""
    return {i for s in dates_overlapping(doc, lo, hi) for i in range(max(s.start, lo), min(s.end, hi))}


def mention_index(doc: Doc, key: str, mentions: list | None) -> SpanIndex:
    """An index over mentions that hold a ``span`` (people, posts), cached under ``key``."""
    return _cached(doc, ("mentions", key), mentions, lambda: SpanIndex(
        mentions or (), start=lambda m: m.span.start, end=lambda m: m.span.end))  # type: ignore[attr-defined]


def people_within(doc: Doc, lo: int, hi: int) -> list:
    """The person mentions (``doc._.people``) that start at a token index in ``[lo, hi)``."""
    return mention_index(doc, "people", doc._.people).starting(lo, hi)
