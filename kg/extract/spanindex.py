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
from collections.abc import Iterable

from spacy.tokens import Doc, Span

_CACHE = "kg_span_index"


class SpanIndex:
    """Spans sorted by (start, -end), looked up by where they start."""

    __slots__ = ("spans", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans: list[Span] = sorted(spans, key=lambda s: (s.start, -s.end))
        self._starts = [s.start for s in self.spans]

    def starting(self, lo: int, hi: int) -> list[Span]:
        """The spans whose first token index is in ``[lo, hi)``, in text order."""
        return self.spans[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    def __len__(self) -> int:
        return len(self.spans)


def span_index(doc: Doc, group: str, labels: tuple[str, ...] = ()) -> SpanIndex:
    """The index of ``doc.spans[group]`` restricted to ``labels`` (all labels when empty)."""
    cache: dict = doc.user_data.setdefault(_CACHE, {})
    current = doc.spans.get(group)
    size = len(current) if current is not None else 0
    entry = cache.get((group, labels))
    if entry is not None and entry[0] is current and entry[1] == size:
        return entry[2]
    if labels:  # filtered from the whole group's index: each Span object is made once per Doc
        wanted = frozenset(labels)
        index = SpanIndex(s for s in span_index(doc, group).spans if s.label_ in wanted)
    else:
        index = SpanIndex(current if current is not None else ())
    cache[(group, labels)] = (current, size, index)
    return index
