"""Incremental ingest into the embedded store: skip what is unchanged, commit the rest in safe steps.

For each incoming article its version decides (:func:`plan`): its content hash
and the manifest metadata that feed extraction (:attr:`RawArticle.source`).  An
article whose version matches the store, with facts cached by the same
extractor, is skipped without NLP; one
whose facts are already cached (an interrupted run got that far) is reused; the
rest go to the extractor.  New facts are cached as soon as they exist, then
committed in groups (:class:`Committer`): each commit replaces the group's
article graphs and moves the merged layer in one transaction.  Commits come
after every article while recomputing the merged layer is cheap, and further
apart as the store grows, so that they never take more than about a fifth of
the run (see :attr:`Committer.ratio`).

A commit is incremental when the store's resolution index (:mod:`kg.store.index`) holds exactly its
articles: only the articles the group's facts can interact with are read and re-resolved, and only the
merged nodes they produce are rewritten (:func:`kg.merge.incremental_state`), so its cost follows what
the group touches, not the size of the store.  A store without an index (or with one a crash left
behind the store) gets it rebuilt from the facts cache once, and a commit whose closure spans most of
the store is re-resolved in full; both give the same graph.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from pyoxigraph import Quad, Store

from kg.corpus import RawArticle
from kg.errors import StoreError, short
from kg.extract.model import ArticleFacts
from kg.facts_cache import FactsCache, article_meta, compact, from_compact
from kg.merge import call_inputs, incremental_state, merged_state
from kg.namespaces import MERGED
from kg.resolve import Resolved, article_keys, name_keys, person_keys, resolve
from kg.store import FACTS_DIR
from kg.store.embedded import Change, KGStore, StoredArticle, canonical, is_lexicon, node_digests
from kg.store.index import INDEX_FILE, ResolutionIndex

Progress = Callable[[str], None]


class BuildStore(KGStore):
    """The store as a build writes it: the store folder plus the facts cache beside it, from which the
    merged layer of every stored article is computed (:func:`kg.merge.merged_state`) before the store
    applies it.  Open it with ``BuildStore.writing(path)``."""

    def __init__(self, path, db) -> None:
        super().__init__(path, db)
        self.facts = FactsCache(path / FACTS_DIR)
        self._index: ResolutionIndex | None = None
        #: the last incremental commit's closure (articles re-resolved), merged nodes rewritten and rounds of key
        #: growth, for the bench (figure 12)
        self.last_change: tuple[int, int, int] | None = None

    #: A commit whose closure holds more than this share of the stored articles is re-resolved in full.
    full_share = 0.5

    def index(self) -> ResolutionIndex:
        """The resolution index, brought in line with the stored articles (rebuilt from the facts cache
        when it is missing or behind the store: once per store, or after a crash between the two)."""
        if self._index is None:
            self._index = ResolutionIndex(self.path)
            stored = self.articles()
            if not self._index.matches({a.id: a.sha256 for a in stored.values()}):
                self._rebuild_index(self._index, stored)
            elif not self._index.current:
                self._migrate_index(self._index)
        return self._index

    def _migrate_index(self, index: ResolutionIndex) -> None:
        """Give an index of an older version what this one keeps (once per store): the compact facts of its
        articles, from the facts cache (it reads every article's JSON, but resolves nothing again), and the
        digests of the stored merged nodes, from the store.  The digests are recorded again whatever the
        version: a kg of an older version may have moved the store without them."""
        if index.written_in < 2:
            records, names = {}, {}
            for i, (sha, source) in index.versions().items():
                facts = self.facts.get(i, sha, source)
                if facts is not None:  # a lost file stays a store error when the article is needed
                    records[i] = (sha, compact(facts))
                    names.update(names_keys(facts))
            index.put_records(records, names)
        self._record_node_digests(index)
        index.mark_current()

    def _record_node_digests(self, index: ResolutionIndex) -> None:
        """Record the digest of every stored merged node (one pass over the merged graph)."""
        index.put_node_digests(stored_node_digests(self.db), clear=True)

    def _rebuild_index(self, index: ResolutionIndex, stored: dict[str, StoredArticle]) -> None:
        """Index every stored article from its cached facts, with the person keys a full resolution gives."""
        found = {a.id: self.facts.find(a.id, a.sha256, a.meta) for a in stored.values()}
        missing = [stored[i] for i, f in found.items() if f is None]
        if missing:
            self.load_facts(missing)  # the store error naming the article
        versions = {i: f for i, f in found.items() if f is not None}
        resolved = resolve([versions[i][1] for i in sorted(versions)])
        index.clear()
        index.update({i: index_entry(facts, source) for i, (source, facts) in versions.items()},
                     names=person_keys(resolved))
        self._record_node_digests(index)

    def load_indexed(self, ids: Iterable[str]) -> dict[str, ArticleFacts]:
        """The cached facts of indexed articles, found by the version the index records: from the index's
        compact records (without the article text, which re-resolving them does not need), and from the JSON
        facts cache for any article whose record is missing or unreadable."""
        ids = set(ids)
        out = {i: f for i, rec in self.index().records(ids).items() if (f := from_compact(rec)) is not None}
        for i in sorted(ids - set(out)):
            version = self.index().version(i)
            facts = self.facts.get(i, *version) if version else None
            if facts is None:
                raise StoreError(f"{short(self.path)}: no cached facts for the stored article {i!r}: build "
                                 f"it again from its file (kg build FILE --store {short(self.path)}) or kg remove it")
            out[i] = facts
        return out

    def commit_incremental(self, old: Mapping[str, ArticleFacts | None], new: Mapping[str, ArticleFacts | None],
                           sources: Mapping[str, str]) -> bool:
        """Commit the change from ``old`` to ``new`` facts (None: absent) of a few articles incrementally and
        index it; False, with nothing done, when its closure spans over half the store (re-resolve in full)."""
        index = self.index()
        with paused_gc():
            change = incremental_state(old, new, index, self.load_indexed, limit=int(len(index) * self.full_share))
            if change is None:
                return False
            self.last_change = (change.closure, len(change.rewrite), change.rounds)
            self.apply_change(change, replaced=[i for i, f in new.items() if f is not None],
                              removed=[i for i, f in new.items() if f is None])
            self.reindex(new, sources, change.names)
        return True

    def stored_digests(self, nodes: set[str]) -> dict[str, tuple[bytes, bytes | None]]:
        return self.index().node_digests(nodes)

    def apply_change(self, change: Change, *, replaced: Iterable[str] = (), removed: Iterable[str] = ()) -> None:
        """:meth:`KGStore.apply_change`, with the digests of the nodes it rewrites kept in the index: those that
        go stale are forgotten before the store moves, the new ones recorded after."""
        update = self.change_update(change, replaced=replaced, removed=removed)
        digests, index = self.digests, self.index()
        if digests.stale:
            index.put_node_digests({}, digests.stale)
        if update:
            self.db.update(update)
        index.put_node_digests(digests.put, digests.drop)

    def apply(self, quads: list[Quad], *, replaced: Iterable[str] = (), removed: Iterable[str] = (),
              inputs: Mapping[str, bytes] | None = None) -> None:
        """:meth:`KGStore.apply`, with the index's node digests forgotten before the store moves and those of the
        new merged layer recorded after (also in an index this run has not checked: it holds no wrong digest),
        with ``inputs``, the digests of the resolved calls the quads were mapped from (:func:`call_inputs`)."""
        index = self._index
        if index is None and (self.path / INDEX_FILE).exists():
            index = ResolutionIndex(self.path)
        try:
            if index is not None:
                index.put_node_digests({}, clear=True)
            super().apply(quads, replaced=replaced, removed=removed)
            if index is not None:
                merged = canonical(q for q in quads if q.graph_name == MERGED and not is_lexicon(q.subject))
                inputs = inputs or {}
                index.put_node_digests({s: (d, inputs.get(s)) for s, d in node_digests(merged).items()},
                                       clear=True)
        finally:
            if index is not None and index is not self._index:
                index.close()

    def reindex(self, new: Mapping[str, ArticleFacts | None], sources: Mapping[str, str],
                names: Mapping[str, str] | None = None) -> None:
        """Record committed articles in the index (None: removed).  An index not opened in this run is
        left behind: the next run that needs it sees that and rebuilds it."""
        if self._index is None:
            return
        self._index.update({i: index_entry(f, sources.get(i, "")) for i, f in new.items() if f is not None},
                           drop=new, names=names)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None


    @staticmethod
    def state(facts: dict[str, ArticleFacts]) -> tuple[Resolved, list[Quad]]:
        """The graph of these articles' facts, resolved in id order (any run order gives the same graph)."""
        return merged_state(facts)

    def load_facts(self, articles: Iterable[StoredArticle]) -> dict[str, ArticleFacts]:
        """The cached facts of stored articles; a missing file is a store error naming the article."""
        out = {}
        for a in articles:
            found = self.facts.find(a.id, a.sha256, a.meta)
            if found is None:
                raise StoreError(f"{short(self.path)}: no cached facts for the stored article {a.id!r}: build "
                                 f"it again from its file (kg build FILE --store {short(self.path)}) or kg remove it")
            out[a.id] = found[1]
        return out

    def keep_facts_of_stored(self) -> int:
        """Delete cached facts that no stored article version refers to (call at the end of a run)."""
        keep = {(a.id, a.sha256, source) for a in self.articles().values()
                for source, _ in self.facts.versions(a.id, a.sha256, a.meta)}
        return self.facts.keep_only(keep)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic garbage collection while the block runs (an incremental commit): its objects (the closure's
    facts, their resolution and quads) are freed by reference counting, and the collector's full passes over
    them were a quarter of a commit's CPU at 100,000 articles, growing with the closure faster than it.  The
    collector runs again afterwards, as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def stored_node_digests(db: Store) -> dict[str, bytes]:
    """The digest (:func:`kg.store.embedded.node_digests`) of every merged node a store holds, lexicon nodes
    left out (one pass over the merged graph)."""
    return node_digests(q for q in db.quads_for_pattern(None, None, None, MERGED) if not is_lexicon(q.subject))


def index_entry(facts: ArticleFacts, source: str = "") -> tuple[str, str, set[str], bytes,
                                                                 dict[str, frozenset[str]]]:
    """What the resolution index records of one article: its content hash, facts-cache source key, resolution
    keys, compact facts and its names' keys (:meth:`ResolutionIndex.update`)."""
    return facts.article.sha256, source, article_keys(facts), compact(facts), names_keys(facts)


def names_keys(facts: ArticleFacts) -> dict[str, frozenset[str]]:
    """The name keys of an article's people's names, which the index keeps for incremental commits."""
    return {p.name: name_keys(p.name) for p in facts.persons}


def holds(stored: StoredArticle, facts: ArticleFacts) -> bool:
    """Whether a stored graph was built from a version with these facts' hash and metadata."""
    return stored.version == (facts.article.sha256, *article_meta(facts.article))


@dataclass
class Plan:
    """What a run has to do: articles to skip, facts to reuse, articles to extract."""

    unchanged: list[str] = field(default_factory=list)
    cached: list[ArticleFacts] = field(default_factory=list)
    todo: list[RawArticle] = field(default_factory=list)
    replacing: set[str] = field(default_factory=set)  # ids already stored in another version
    sources: dict[str, str] = field(default_factory=dict)  # id -> facts-cache source key of cached facts

    @property
    def changes(self) -> int:
        return len(self.cached) + len(self.todo)


def plan(kgs: BuildStore, raws: Iterable[RawArticle], *, extractor: str, force: bool = False) -> Plan:
    """Sort the incoming articles by what their version (content hash and manifest metadata) says about the
    store and the facts cache."""
    stored = kgs.articles()
    out = Plan()
    for raw in raws:
        old = stored.get(raw.id)
        facts = None if force else kgs.facts.get(raw.id, raw.sha256, raw.source, extractor=extractor)
        if facts is not None and old is not None and holds(old, facts):
            out.unchanged.append(raw.id)
            continue
        if old is not None:
            out.replacing.add(raw.id)  # stored in another version, or re-extracted (--force, new extractor)
        if facts is not None:
            out.cached.append(facts)
            out.sources[raw.id] = raw.source
        else:
            out.todo.append(raw)
    return out


class StoredFacts(Mapping[str, ArticleFacts]):
    """The cached facts of every stored article, the base on which a run's changes are committed, read
    only when something asks for all of them (a full re-resolution, the build's summary): an incremental
    commit needs only the old facts of the articles it replaces (:meth:`old`).

    Articles this run replaces keep their old facts until their new ones are committed, so that the
    merged layer of an intermediate commit still matches their old graphs; if those old facts are
    lost the article is left out.  Any other stored article without facts is a store error.
    """

    def __init__(self, kgs: BuildStore, work: Plan) -> None:
        self.kgs, self.work = kgs, work
        self._all: dict[str, ArticleFacts] | None = None

    def all(self) -> dict[str, ArticleFacts]:
        if self._all is None:
            incoming = {r.id for r in self.work.todo} | {f.article.id for f in self.work.cached}
            stored = self.kgs.articles().values()
            self._all = self.kgs.load_facts(a for a in stored if a.id not in incoming)
            for a in stored:
                old = self.kgs.facts.find(a.id, a.sha256, a.meta) if a.id in incoming else None
                if old is not None:
                    self._all[a.id] = old[1]
        return self._all

    def old(self, article: str) -> ArticleFacts | None:
        """The stored facts of one article (None: not stored, or its old facts are lost)."""
        if self._all is not None:
            return self._all.get(article)
        version = self.kgs.index().version(article)
        return self.kgs.facts.get(article, *version) if version else None

    def __getitem__(self, key: str) -> ArticleFacts:
        return self.all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.all())

    def __len__(self) -> int:
        return len(self.all())


class Committer:
    """Collects new facts and commits them to the store in transactional groups, incrementally when the
    store's resolution index allows (module docstring)."""

    #: A commit waits until the time since the last one is ``ratio`` times what that commit took.
    ratio = 4.0

    def __init__(self, kgs: BuildStore, facts: Mapping[str, ArticleFacts], *, total: int,
                 progress: Progress | None = None, grouped: bool = True) -> None:
        self.kgs, self.base, self.total, self.progress = kgs, facts, total, progress
        self.grouped = grouped  # False: keep everything for one final commit (kg build --strict)
        self.new: dict[str, ArticleFacts] = {}  # facts added in this run, committed or pending
        self.sources: dict[str, str] = {}
        self.pending: list[str] = []
        self.done = 0
        self.last_end, self.last_cost = time.monotonic(), 0.0

    @property
    def facts(self) -> dict[str, ArticleFacts]:
        """Every article's facts as the store holds them after the next commit (reads the whole base)."""
        return {**dict(self.base), **self.new}

    def add(self, facts: ArticleFacts, *, extractor: str, cache: bool = True, source: str = "") -> None:
        """Cache one article's new facts (under its ``source`` key) and commit the group when it is due."""
        if cache:
            self.kgs.facts.put(facts, extractor=extractor, source=source)
        self.new[facts.article.id] = facts
        self.sources[facts.article.id] = source
        self.pending.append(facts.article.id)
        if self.grouped and time.monotonic() - self.last_end >= self.ratio * self.last_cost:
            self.commit()

    def state(self) -> tuple[Resolved, list[Quad]]:
        """The graph the store will hold after the next commit."""
        return self.kgs.state(self.facts)

    def commit(self, state: tuple[Resolved, list[Quad]] | None = None) -> tuple[Resolved, list[Quad]] | None:
        """Commit the pending articles (with none, just bring the merged layer up to date): incrementally
        when the store allows (``state``, the whole graph, is then only checked against, never needed),
        otherwise by moving the store to ``state`` or the full state."""
        start = time.monotonic()
        if not (self.pending and self._incremental()):
            state = state or self.state()
            self.kgs.apply(state[1], replaced=self.pending, inputs=call_inputs(state[0]))
            self.kgs.reindex({i: self.new[i] for i in self.pending}, self.sources, person_keys(state[0]))
        self.done += len(self.pending)
        if self.pending and self.progress:
            self.progress(f"stored {self.done}/{self.total} new or changed articles ({self.pending[-1]})")
        self.pending = []
        self.last_end = time.monotonic()
        self.last_cost = self.last_end - start
        return state

    def _incremental(self) -> bool:
        """Commit the pending group incrementally; False when it must be re-resolved in full."""
        old = {i: self._old(i) for i in self.pending}
        return self.kgs.commit_incremental(old, {i: self.new[i] for i in self.pending}, self.sources)

    def _old(self, article: str) -> ArticleFacts | None:
        """The facts the store holds for an article before the pending commit."""
        if article in self.new and article not in self.pending:
            return self.new[article]  # pragma: no cover  (a run adds each article once)
        if isinstance(self.base, StoredFacts):
            return self.base.old(article)
        return self.base.get(article)


def stored_facts(kgs: BuildStore, work: Plan) -> StoredFacts:
    """The cached facts of every stored article (read when first needed): see :class:`StoredFacts`."""
    return StoredFacts(kgs, work)


def remove_articles(kgs: BuildStore, ids: list[str]) -> None:
    """Drop stored articles and move the merged layer to the others' facts: incrementally when their old
    facts are at hand (found by the version the index records) and the store allows, otherwise by
    re-resolving the rest in full."""
    index = kgs.index()
    versions = {i: index.version(i) for i in ids}
    old = {i: f for i, v in versions.items() if v and (f := kgs.facts.get(i, *v)) is not None}
    if len(old) == len(ids) and kgs.commit_incremental(old, dict.fromkeys(ids), {}):
        return
    stored = kgs.articles()
    resolved, quads = kgs.state(kgs.load_facts(a for a in stored.values() if a.id not in ids))
    kgs.apply(quads, removed=ids, inputs=call_inputs(resolved))
    kgs.reindex(dict.fromkeys(ids), {}, person_keys(resolved))
