"""The embedded store: a pyoxigraph store folder that also holds the facts cache and a lock.

::

    kg-store/           pyoxigraph (RocksDB): one named graph per article + the merged graph
                        + the identity graph (links from retired IRIs, kg.identity)
      kg-facts/         <article digest>-<sha256>[-<source>].json: the facts of each stored article version
                        (kept by the build pipeline, kg.facts_cache)
      kg.lock           fcntl lock: one writer (its pid inside while it writes) or many readers

RocksDB ignores files it did not name, so any pyoxigraph-based reader (``Store(path)``,
``Store.read_only(path)``, ``oxigraph serve --location``) opens the folder as it is.

Every change is one :meth:`Store.update` call, which pyoxigraph applies as one
transaction: an article's graph is replaced and the merged layer is moved from
its old to its new state (a ``DELETE DATA`` of the quads that went and an
``INSERT DATA`` of those that came) together or not at all.  A build killed at
any point therefore leaves the store at its last commit, with the merged layer
always matching the article graphs beside it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.errors import KGError, StoreError, store_error
from kg.identity import EVIDENCE, IS_REPLACED_BY, _current, relink, successors
from kg.namespaces import IDENTITY, KGO, KGR, MERGED, PREFIXES, article_graph
from kg.store import FACTS_DIR, LOCK_FILE, open_store, reading, sparql
from kg.store.index import INDEX_FILE
from kg.store.lock import exclusive

#: The kinds of minted IRIs that are lexicon constants, shared by every node that refers to them.
LEXICON_KINDS = ("office", "post-type", "actor", "missile-category")
_LEXICON = tuple(f"{KGR}{kind}/" for kind in LEXICON_KINDS)
_OFFICE = f"{KGR}office/"
SHA256, FILE_NAME = NamedNode(str(KGO.sha256)), NamedNode(str(KGO.fileName))
SOURCE = NamedNode(str(KGO.source))
HELD_ON = NamedNode(str(KGO.heldOn))
#: What an article graph says of its source besides the hash, in the order of
#: :func:`kg.facts_cache.article_meta`.
META = tuple(NamedNode(str(p)) for p in (KGO.published, KGO.url, KGO.language))


@dataclass(frozen=True)
class StoredArticle:
    """One article as the store knows it: its id (file name), content hash, named graph and the metadata
    its graph holds (publication date, URL, language: see :func:`kg.facts_cache.article_meta`)."""

    id: str
    sha256: str
    graph: NamedNode
    meta: tuple[str | None, ...] = (None, None, None)

    @property
    def version(self) -> tuple[str | None, ...]:
        """The article version's key: content hash, then its metadata (as a mirror's graph reports them)."""
        return (self.sha256, *self.meta)


def is_lexicon(node: object) -> bool:
    """Whether a node is a lexicon constant (an office, post type, country or organisation, category)."""
    return isinstance(node, NamedNode) and node.value.startswith(_LEXICON)


@dataclass
class Change:
    """What an incremental commit does to the store (computed by :func:`kg.merge.incremental_state`): the
    changed articles' graphs, the merged nodes to rewrite and their new quads, and the lexicon nodes those
    may refer to (with their constant quads)."""

    article_quads: list[Quad]
    rewrite: set[NamedNode]
    merged: list[Quad]
    lexicon: dict[NamedNode, list[Quad]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # the rewritten people's names -> their person keys
    closure: int = 0  # articles re-resolved
    rounds: int = 0
    #: the stored nodes to rewrite are these, the nodes sourced by ``sources`` (the changed articles) and
    #: every stored node that refers to one of them, repeatedly (found in the store: see ``rewrite_stored``)
    old_seeds: set[NamedNode] = field(default_factory=set)
    sources: set[NamedNode] = field(default_factory=set)
    #: rewritten nodes known to stay as stored (mapped from the very fact their stored quads were mapped from:
    #: see ``inputs``), left out of ``merged``; ``kept_quads`` maps those sourced by some of the given articles
    kept: set[NamedNode] = field(default_factory=set)
    kept_quads: Callable[[set[NamedNode]], list[Quad]] = lambda sources: []
    #: the digest of the resolved fact each mapped node of ``merged`` comes from, where there is one (IRI ->
    #: digest), which the index records beside the node's own digest
    inputs: dict[str, bytes] = field(default_factory=dict)
    #: the evidence nodes of the changed articles' old and new facts (see ``KGStore.change_update``)
    evidence: set[NamedNode] = field(default_factory=set)


class KGStore:
    """A store folder opened for writing (under its lock); see the module docstring for the layout.  It applies
    quads the build pipeline computed (:mod:`kg.ingest`) and answers for what it holds."""

    def __init__(self, path: Path, db: Store) -> None:
        self.path, self.db = path, db
        #: what the last :meth:`change_update` makes of the stored nodes' digests (:func:`node_digests`)
        self.digests = NodeDigests()
        self._issued: tuple[set[Quad], set[Quad]] | None = None  # merged and identity graphs when opened
        self._held_at_open: dict[object, bool] = {}  # merged nodes an incremental commit touched: held at open?

    @classmethod
    @contextmanager
    def writing(cls, path: str | Path) -> Iterator[Self]:
        """Lock the store folder (created if needed), open it and yield it; release both afterwards."""
        path = Path(path)
        ours = {LOCK_FILE, FACTS_DIR, "CURRENT", INDEX_FILE, INDEX_FILE + "-wal", INDEX_FILE + "-shm"}
        if path.is_dir() and not (path / "CURRENT").exists() and any(p.name not in ours for p in path.iterdir()):
            raise StoreError(f"{path}: not a store, and not empty: give a new or empty folder to --store")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"{path}: cannot create the store: {e.strerror or e}") from None
        with exclusive(path / LOCK_FILE):
            store = cls(path, open_store(path))
            try:
                yield store
                store.db.flush()
            except OSError as e:  # a full disk, an I/O error: the last commit stands (exit code 4)
                if isinstance(e, KGError):
                    raise
                raise store_error(e, path) from None
            finally:
                store.close()
                del store.db  # pyoxigraph has no close(): the last reference releases RocksDB's lock

    def close(self) -> None:
        """Release what a subclass opened beside the database (the build's resolution index)."""

    def articles(self) -> dict[str, StoredArticle]:
        """The stored articles by id, from the ``kgo:sha256`` and ``kgo:fileName`` of each article graph."""
        out: dict[str, StoredArticle] = {}
        for q in self.db.quads_for_pattern(None, SHA256, None, None):
            if q.graph_name == MERGED or not isinstance(q.graph_name, NamedNode):
                continue
            meta = tuple(self._value(q.subject, p, q.graph_name) for p in META)
            for name in self.db.quads_for_pattern(q.subject, FILE_NAME, None, q.graph_name):
                out[name.object.value] = StoredArticle(name.object.value, q.object.value, q.graph_name, meta)  # type: ignore[union-attr]
        return out

    def _value(self, subject, predicate: NamedNode, graph: NamedNode) -> str | None:
        return next((q.object.value for q in self.db.quads_for_pattern(subject, predicate, None, graph)), None)  # type: ignore[union-attr]

    def apply(self, quads: list[Quad], *, replaced: Iterable[str] = (), removed: Iterable[str] = ()) -> None:
        """In one transaction: replace the graphs of ``replaced`` with their quads in ``quads``, drop those
        of ``removed``, and move the merged layer to the merged quads of ``quads`` (sending the change)."""
        update = self.changes(quads, replaced=replaced, removed=removed)
        if update:
            self.db.update(update)

    def changes(self, quads: list[Quad], *, replaced: Iterable[str] = (), removed: Iterable[str] = ()) -> str:
        """The SPARQL Update that :meth:`apply` runs ('' when the store already holds that state)."""
        graphs = {article_graph(a) for a in replaced}
        fresh = [q for q in quads if q.graph_name in graphs]
        merged = canonical(q for q in quads if q.graph_name == MERGED)
        current = set(self.db.quads_for_pattern(None, None, None, MERGED))
        held, links = self.identity_links(current, merged)
        drops = [sparql.drop(g) for g in sorted(graphs | {article_graph(a) for a in removed}, key=str)]
        return sparql.join(sparql.delete_data((current - merged) | (held - links)), *drops,
                           sparql.insert_data(fresh + sorted((merged - current) | (links - held), key=str)))

    def apply_change(self, change: Change, *, replaced: Iterable[str] = (), removed: Iterable[str] = ()) -> None:
        """In one transaction: replace the graphs of ``replaced`` with the change's article quads, drop those of
        ``removed``, and rewrite the merged nodes of an incremental commit (:func:`kg.merge.incremental_state`):
        their stored quads go, their new ones come, lexicon nodes come or go as something refers to them, and
        retired IRIs are linked to their successors.  Reads only the nodes the change names."""
        update = self.change_update(change, replaced=replaced, removed=removed)
        if update:
            self.db.update(update)

    def change_update(self, change: Change, *, replaced: Iterable[str] = (), removed: Iterable[str] = ()) -> str:
        """The SPARQL Update that :meth:`apply_change` runs.

        A rewritten node whose new quads have the digest (:func:`node_digests`) that :meth:`stored_digests`
        records for its stored quads is not read from the store: its stored quads are its new ones.  Most of
        the nodes a commit rewrites (the terms and calls of the people it touches) come out unchanged, and the
        calls among them mapped from the same resolved call as before are not even mapped (``change.kept``):
        they are left out, unless the change retires a node they share an article with (a retired IRI's
        successor is chosen among the nodes sourced by its articles, :func:`kg.identity.successors`).
        :attr:`digests` then holds what the stored nodes' digests become: those to record and to forget."""
        graphs = {article_graph(a) for a in replaced}
        rewrite = (change.rewrite | self.rewrite_stored(change)) - change.kept
        after = canonical(change.merged)
        new = node_digests(after)
        known = self.stored_digests({s.value for s in rewrite})
        same = {s for s in rewrite if (d := known.get(s.value)) is not None and new.get(s.value) == d[0]}
        guessed = self._guess({s for s in rewrite - same if s.value in known}, after, known, change)
        before = (self._read(rewrite - same - guessed.keys()) | {q for q in after if q.subject in same}
                  | {q for qs in guessed.values() for q in qs})
        retired = {q.subject for q in before if q.predicate == EVIDENCE} - {q.subject for q in after}
        if retired and change.kept:
            sources = {q.object for q in before if q.predicate == SOURCE and q.subject in retired}
            kept = canonical(change.kept_quads(sources))  # type: ignore[arg-type]
            before, after = before | kept, after | kept
        held, links = self._relinked(before, after)
        gone, came = before - after, after - before
        self._lexicon(change.lexicon, gone, came)
        read = {s.value for s in rewrite - same}
        inputs = change.inputs
        put = {s: (new[s], inputs.get(s)) for s in read if s in new}
        put.update((s.value, (known[s.value][0], inputs[s.value])) for s in same
                   if s.value in inputs and known[s.value][1] != inputs[s.value])
        self.digests = NodeDigests(put, read - new.keys(), read & known.keys())
        drops = [sparql.drop(g) for g in sorted(graphs | {article_graph(a) for a in removed}, key=str)]
        return sparql.join(sparql.delete_data(gone | (held - links)), *drops,
                           sparql.insert_data(change.article_quads + sorted(came | (links - held), key=str)))

    def _guess(self, nodes: set[NamedNode], after: set[Quad], known: dict[str, tuple[bytes, bytes | None]],
               change: Change) -> dict[NamedNode, set[Quad]]:
        """The stored quads of the nodes among ``nodes`` that differ from their new quads only in what cites the
        changed articles (``kgo:evidence`` of their evidence, ``kgo:source``) and in the days a term is reported
        held (``kgo:heldOn``): an added article adds such quads to the people and terms it names.  Found without
        reading those nodes whole: their new quads but those, plus the stored ones (looked up by object, and
        by subject and ``kgo:heldOn``), taken when that set has the recorded digest of the node."""
        def varies(q: Quad) -> bool:
            return (q.predicate == EVIDENCE and q.object in change.evidence
                    or q.predicate == SOURCE and q.object in change.sources or q.predicate == HELD_ON)

        guess: dict[NamedNode, set[Quad]] = defaultdict(set)
        dated: set[NamedNode] = set()
        for q in after:
            if q.subject in nodes:
                if not varies(q):
                    guess[q.subject].add(q)  # type: ignore[index]
                elif q.predicate == HELD_ON:
                    dated.add(q.subject)  # type: ignore[arg-type]
        for predicate, objects in ((EVIDENCE, change.evidence), (SOURCE, change.sources)):
            for o in objects:
                for q in self.db.quads_for_pattern(None, predicate, o, MERGED):
                    if q.subject in nodes:
                        guess[q.subject].add(q)  # type: ignore[index]
        for s in dated:
            guess[s].update(self.db.quads_for_pattern(s, HELD_ON, None, MERGED))
        digests = node_digests(q for qs in guess.values() for q in qs)
        return {s: qs for s, qs in guess.items() if digests.get(s.value) == known[s.value][0]}

    def _read(self, nodes: Iterable[NamedNode]) -> set[Quad]:
        """The stored merged quads of these nodes."""
        return {q for s in nodes for q in self.db.quads_for_pattern(s, None, None, MERGED)}

    def stored_digests(self, nodes: set[str]) -> dict[str, tuple[bytes, bytes | None]]:
        """The digests (:func:`node_digests`) of the stored merged quads of these nodes, where known, each with
        the digest of the fact they were mapped from (or None): none here (a :class:`kg.ingest.BuildStore`
        keeps them in its resolution index)."""
        return {}

    def rewrite_stored(self, change: Change) -> set[NamedNode]:
        """The stored merged nodes a change rewrites: its old seeds, the nodes its changed articles source,
        and every node that refers to one of those, repeatedly (a term to its holder, a call to its
        participants); never a lexicon node.  The store holds the full resolution of the old facts, so
        these are the nodes that resolution made of what the change touches.  What refers to a kept node (a
        call: nothing does) is not looked up."""
        out = {q.subject for src in change.sources for q in self.db.quads_for_pattern(None, SOURCE, src, MERGED)}
        out |= change.old_seeds
        todo = [n for n in out if n not in change.kept]
        while todo:
            for q in self.db.quads_for_pattern(None, None, todo.pop(), MERGED):
                if q.subject not in out and not is_lexicon(q.subject) and q.predicate != SOURCE:
                    out.add(q.subject)  # type: ignore[arg-type]
                    if q.subject not in change.kept:
                        todo.append(q.subject)
        return out  # type: ignore[return-value]

    def _lexicon(self, lexicon: dict[NamedNode, list[Quad]], gone: set[Quad], came: set[Quad]) -> None:
        """Add to ``came`` the quads of the lexicon nodes something now refers to and the store lacks, and to
        ``gone`` those of the lexicon nodes nothing refers to any more (offices first: an office refers to its
        country and post type)."""
        todo = {q.object for q in (*gone, *came) if is_lexicon(q.object)}
        done: set[object] = set()
        while todo - done:
            node = min(todo - done, key=lambda n: (not n.value.startswith(_OFFICE), n.value))  # type: ignore[union-attr]
            done.add(node)
            stored = set(self.db.quads_for_pattern(node, None, None, MERGED))  # type: ignore[arg-type]
            if not self._referred(node, gone, came):
                own = stored
                gone |= own
            elif stored:
                own = set()
            else:
                own = canonical(lexicon.get(node, []))  # type: ignore[call-overload,arg-type]
                came |= own
            todo |= {q.object for q in own if is_lexicon(q.object)}

    def _referred(self, node, gone: set[Quad], came: set[Quad]) -> bool:
        """Whether a merged quad other than the node's own refers to it after the change."""
        if any(q.object == node and q.subject != node for q in came):
            return True
        return any(q not in gone and q.subject != node for q in self.db.quads_for_pattern(None, None, node, MERGED))

    def _relinked(self, before: set[Quad], after: set[Quad]) -> tuple[set[Quad], set[Quad]]:
        """The identity links the change touches, as stored and as they must become: links from IRIs issued
        again are dropped, links to retired IRIs moved on, and IRIs the store held when this run opened it
        that the change retires are linked to their successors (:mod:`kg.identity`)."""
        live = {q.subject for q in after}
        for q in before:
            self._held_at_open.setdefault(q.subject, True)
        for s in live:
            self._held_at_open.setdefault(s, False)
        retired = {q.subject for q in before if q.predicate == EVIDENCE} - live
        held = {q for s in live for q in self.db.quads_for_pattern(s, IS_REPLACED_BY, None, IDENTITY)}
        held |= {q for s in retired for q in self.db.quads_for_pattern(None, IS_REPLACED_BY, s, IDENTITY)}
        if not retired:
            return held, {q for q in held if q.subject not in live}
        target: dict = {q.subject: q.object for q in held}
        target.update(successors(before, after))
        links = {Quad(n, IS_REPLACED_BY, _current(n, target), IDENTITY) for n in target
                 if n not in live and (n not in retired or self._held_at_open.get(n, True))}
        return held, {q for q in links if q.object != q.subject}

    def identity_links(self, current: set[Quad], merged: set[Quad]) -> tuple[set[Quad], set[Quad]]:
        """The identity graph as stored and as it must become for the merged layer ``merged``: the IRIs
        retired since this run opened the store linked to their successors (:mod:`kg.identity`).  IRIs
        that only an intermediate commit of this run held get no link."""
        held = set(self.db.quads_for_pattern(None, None, None, IDENTITY))
        if self._issued is None:  # the nodes an incremental commit of this run issued were not held at open
            self._issued = ({q for q in current if self._held_at_open.get(q.subject, True)}, held)
        before, links = self._issued
        for q in before:
            self._held_at_open.setdefault(q.subject, True)
        for q in merged:
            self._held_at_open.setdefault(q.subject, False)
        return held, relink(before, merged, links)


_XSD_STRING = PREFIXES["xsd"] + "string"


def canonical(quads: Iterable[Quad]) -> set[Quad]:
    """The quads as pyoxigraph stores them, so that a diff against the store compares like with like.

    pyoxigraph keeps some literals in a canonical form: integer subtypes such as
    ``xsd:nonNegativeInteger`` come back as ``xsd:integer``, language tags in lower case.  IRIs, plain
    strings and strings with a lower-case language tag are kept as they are, so only the other literals
    go through an in-memory store (:func:`canonical_by_store` does it for all).
    """
    out: set[Quad] = set()
    other: list[Quad] = []
    for q in quads:
        if _verbatim(q.object):
            out.add(q)
        else:
            other.append(q)
    return out | canonical_by_store(other) if other else out


def _verbatim(o: object) -> bool:
    """Whether the store keeps an object term as it is: an IRI, a plain string, a lower-case language tag."""
    if type(o) is NamedNode:
        return True
    if type(o) is not Literal:
        return False
    lang = o.language
    return o.datatype.value == _XSD_STRING if lang is None else lang == lang.lower()


def canonical_by_store(quads: Iterable[Quad]) -> set[Quad]:
    """The quads as pyoxigraph stores them, each one read back from an in-memory store."""
    memory = Store()
    memory.extend(quads)
    return set(memory)


@dataclass
class NodeDigests:
    """What a commit makes of the digests of the stored merged nodes: the digests to record (node IRI ->
    digest and the digest of the fact it is mapped from), the nodes to forget (gone from the store), and those
    whose recorded digest goes stale when the store moves (to forget before it does, so that a crash between
    the two leaves no wrong digest)."""

    put: dict[str, tuple[bytes, bytes | None]] = field(default_factory=dict)
    drop: set[str] = field(default_factory=set)
    stale: set[str] = field(default_factory=set)


def node_digests(quads: Iterable[Quad]) -> dict[str, bytes]:
    """Each subject's digest (its IRI -> 16 bytes) of its quads, which must be canonical (:func:`canonical`,
    as the store keeps them): two nodes have one digest when they have the same quads."""
    lines: dict[str, list[str]] = defaultdict(list)
    for q in quads:
        lines[q.subject.value].append(str(q))  # type: ignore[union-attr]
    return {s: hashlib.blake2b("\n".join(sorted(ls)).encode(), digest_size=16).digest() for s, ls in lines.items()}


def list_articles(path: Path) -> list[tuple[StoredArticle, int]]:
    """The stored articles of a store folder, by id, with the number of triples in each one's graph
    (read under the readers' lock, opened read-only)."""
    with reading(path) as db:
        store = KGStore(path, db)
        return [(a, sum(1 for _ in db.quads_for_pattern(None, None, None, a.graph)))
                for a in sorted(store.articles().values(), key=lambda a: a.id)]
