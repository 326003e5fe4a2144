"""Old IRIs stay resolvable: when the merged graph changes, each retired IRI is linked to its successor.

IRIs depend only on what they name (see :mod:`kg.mapping`), so adding or removing
unrelated articles changes none.  An identity can still genuinely change: a
surname-only "Choïgou" becomes "Sergueï Choïgou" once an article gives his first
name, a call's date bounds narrow when a report dates it more precisely.  The
store then records ``old dcterms:isReplacedBy new`` in the graph ``kgg:identity``
(:data:`kg.namespaces.IDENTITY_GRAPH`), which the store keeps across builds and
``kg push`` sends with the others.  ``dcterms:isReplacedBy`` rather than
``owl:sameAs``: a split is not an identity, and a reasoner must not merge what
the new build tells apart.

The record of issued IRIs is the merged graph the store holds: an IRI it held
that the new graph lacks is retired.  Its successor is the node of the same
type that carries most of its evidence (the same sentences of the same
articles), on a tie (one sentence reporting two calls) the one that shares
most of its statements, read through the successors already certain (its
participants' new IRIs); failing that (its article was edited, so its evidence moved), the
node of the same type, sourced by one of its articles, that shares at least half
of its statements (labels, participants, holder and office).  An IRI with no
successor (its articles were removed) gets no link.  Links always point to a
current IRI: a link to an IRI that is retired in turn is moved on, and a link
from an IRI that is issued again is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from pyoxigraph import NamedNode, Quad

from kg.namespaces import IDENTITY, KGO, PREFIXES

IS_REPLACED_BY = NamedNode(PREFIXES["dcterms"] + "isReplacedBy")
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
EVIDENCE, SOURCE = NamedNode(str(KGO.evidence)), NamedNode(str(KGO.source))
_PROVENANCE = {RDF_TYPE, EVIDENCE, SOURCE, NamedNode(str(KGO.mergeNote))}


class _Nodes:
    """The minted nodes of a merged graph (those with evidence), indexed for matching."""

    def __init__(self, quads: Iterable[Quad]) -> None:
        self.subjects: set[object] = set()
        self.types: dict[object, set[object]] = defaultdict(set)
        self.evidence: dict[object, set[object]] = defaultdict(set)
        self.sources: dict[object, set[object]] = defaultdict(set)
        self.statements: dict[object, set[tuple[object, object]]] = defaultdict(set)
        for q in quads:
            self._add(q)

    def _add(self, q: Quad) -> None:
        s = q.subject
        self.subjects.add(s)
        if q.predicate == RDF_TYPE:
            self.types[s].add(q.object)
        elif q.predicate == EVIDENCE:
            self.evidence[s].add(q.object)
        elif q.predicate == SOURCE:
            self.sources[s].add(q.object)
        if q.predicate not in _PROVENANCE:
            self.statements[s].add((q.predicate, q.object))

    def by(self, index: dict[object, set[object]]) -> dict[object, set[object]]:
        """The inverse of an index: value -> nodes."""
        out: dict[object, set[object]] = defaultdict(set)
        for node, values in index.items():
            for v in values:
                out[v].add(node)
        return out


def successors(old: Iterable[Quad], new: Iterable[Quad]) -> dict[NamedNode, NamedNode]:
    """Each minted IRI of the ``old`` merged graph that the ``new`` one lacks -> its successor there."""
    old, new = list(old), list(new)
    live = {q.subject for q in new}
    if not {q.subject for q in old if q.predicate == EVIDENCE} - live:
        return {}  # nothing retired: the common case, kept cheap
    before, after = _Nodes(old), _Nodes(new)
    holders, sourced = after.by(after.evidence), after.by(after.sources)
    retired = sorted(set(before.evidence) - after.subjects, key=str)
    options = {n: _by_evidence(n, before, after, holders) for n in retired}
    sure = {n: found[0] for n, found in options.items() if len(found) == 1}
    out: dict[NamedNode, NamedNode] = {}
    for node in retired:
        found = _by_statements(node, options[node] or _sourced(node, before, after, sourced), before, after,
                               sure, half=not options[node])
        if found is not None:
            out[node] = found  # type: ignore[index]
    return out


def _by_evidence(node, before: _Nodes, after: _Nodes, holders) -> list:
    """The nodes of the same type that hold most of ``node``'s evidence (several on a tie)."""
    votes = Counter(n for ev in before.evidence[node] for n in holders.get(ev, ())
                    if after.types[n] & before.types[node])
    top = max(votes.values(), default=0)
    return [n for n, k in votes.items() if k == top]


def _sourced(node, before: _Nodes, after: _Nodes, sourced) -> list:
    """The nodes of the same type sourced by one of ``node``'s articles."""
    return sorted({n for src in before.sources[node] for n in sourced.get(src, ())
                   if after.types[n] & before.types[node]}, key=str)


def _by_statements(node, candidates: list, before: _Nodes, after: _Nodes, sure: dict, *, half: bool):
    """The candidate sharing most of ``node``'s statements, its objects read through the successors
    already certain (the participants of a call); with ``half``, only one sharing half of them."""
    mine = {(p, sure.get(o, o)) for p, o in before.statements[node]}
    shared = {n: len(mine & after.statements[n]) for n in candidates}
    if half:
        shared = {n: k for n, k in shared.items() if mine and 2 * k >= len(mine)}
    return min(shared, key=lambda n: (-shared[n], str(n))) if shared else None


def relink(old: Iterable[Quad], new: Iterable[Quad], links: Iterable[Quad]) -> set[Quad]:
    """The identity graph after the merged graph moves from ``old`` to ``new``, given its quads
    ``links`` so far: earlier links kept (moved on to current IRIs), retired IRIs linked."""
    new = list(new)
    target: dict = {q.subject: q.object for q in links if q.predicate == IS_REPLACED_BY}
    target.update(successors(old, new))
    live = {q.subject for q in new}
    out = set()
    for node in target:
        if node not in live:
            out.add(Quad(node, IS_REPLACED_BY, _current(node, target), IDENTITY))
    return out


def _current(node, target: dict) -> NamedNode:
    """Follow links from ``node`` to the last IRI of the chain."""
    seen = {node}
    while target.get(node) is not None and target[node] not in seen:
        node = target[node]
        seen.add(node)
    return node


def resolve_iri(links: Iterable[Quad], iri: NamedNode) -> NamedNode:
    """The current IRI of ``iri`` according to the identity graph ``links`` (itself when not retired)."""
    return _current(iri, {q.subject: q.object for q in links if q.predicate == IS_REPLACED_BY})
