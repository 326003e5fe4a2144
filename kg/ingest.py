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
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pyoxigraph import Quad

from kg.corpus import RawArticle
from kg.errors import StoreError, short
from kg.extract.model import ArticleFacts
from kg.facts_cache import FactsCache, article_meta
from kg.merge import merged_state
from kg.resolve import Resolved
from kg.store import FACTS_DIR
from kg.store.embedded import KGStore, StoredArticle

Progress = Callable[[str], None]


class BuildStore(KGStore):
    """The store as a build writes it: the store folder plus the facts cache beside it, from which the
    merged layer of every stored article is computed (:func:`kg.merge.merged_state`) before the store
    applies it.  Open it with ``BuildStore.writing(path)``."""

    def __init__(self, path, db) -> None:
        super().__init__(path, db)
        self.facts = FactsCache(path / FACTS_DIR)

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
        else:
            out.todo.append(raw)
    return out


class Committer:
    """Collects new facts and commits them to the store in transactional groups."""

    #: A commit waits until the time since the last one is ``ratio`` times what that commit took.
    ratio = 4.0

    def __init__(self, kgs: BuildStore, facts: dict[str, ArticleFacts], *, total: int,
                 progress: Progress | None = None, grouped: bool = True) -> None:
        self.kgs, self.facts, self.total, self.progress = kgs, facts, total, progress
        self.grouped = grouped  # False: keep everything for one final commit (kg build --strict)
        self.pending: list[str] = []
        self.done = 0
        self.last_end, self.last_cost = time.monotonic(), 0.0

    def add(self, facts: ArticleFacts, *, extractor: str, cache: bool = True, source: str = "") -> None:
        """Cache one article's new facts (under its ``source`` key) and commit the group when it is due."""
        if cache:
            self.kgs.facts.put(facts, extractor=extractor, source=source)
        self.facts[facts.article.id] = facts
        self.pending.append(facts.article.id)
        if self.grouped and time.monotonic() - self.last_end >= self.ratio * self.last_cost:
            self.commit()

    def state(self) -> tuple[Resolved, list[Quad]]:
        """The graph the store will hold after the next commit."""
        return self.kgs.state(self.facts)

    def commit(self, state: tuple[Resolved, list[Quad]] | None = None) -> tuple[Resolved, list[Quad]]:
        """Commit the pending articles (with none, just bring the merged layer up to date)."""
        start = time.monotonic()
        state = state or self.state()
        self.kgs.apply(state[1], replaced=self.pending)
        self.done += len(self.pending)
        if self.pending and self.progress:
            self.progress(f"stored {self.done}/{self.total} new or changed articles ({self.pending[-1]})")
        self.pending = []
        self.last_end = time.monotonic()
        self.last_cost = self.last_end - start
        return state


def stored_facts(kgs: BuildStore, work: Plan) -> dict[str, ArticleFacts]:
    """The cached facts of every stored article, the base on which a run's changes are committed.

    Articles this run replaces keep their old facts until their new ones are committed, so that the
    merged layer of an intermediate commit still matches their old graphs; if those old facts are
    lost the article is left out.  Any other stored article without facts is a store error.
    """
    incoming = {r.id for r in work.todo} | {f.article.id for f in work.cached}
    stored = kgs.articles().values()
    facts = kgs.load_facts(a for a in stored if a.id not in incoming)
    for a in stored:
        old = kgs.facts.find(a.id, a.sha256, a.meta) if a.id in incoming else None
        if old is not None:
            facts[a.id] = old[1]
    return facts
