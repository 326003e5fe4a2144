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

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from pyoxigraph import NamedNode, Quad, Store

from kg.errors import KGError, StoreError, store_error
from kg.identity import relink
from kg.namespaces import IDENTITY, KGO, MERGED, article_graph
from kg.store import FACTS_DIR, LOCK_FILE, open_store, reading, sparql
from kg.store.lock import exclusive

SHA256, FILE_NAME = NamedNode(str(KGO.sha256)), NamedNode(str(KGO.fileName))
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


class KGStore:
    """A store folder opened for writing (under its lock); see the module docstring for the layout.  It applies
    quads the build pipeline computed (:mod:`kg.ingest`) and answers for what it holds."""

    def __init__(self, path: Path, db: Store) -> None:
        self.path, self.db = path, db
        self._issued: tuple[set[Quad], set[Quad]] | None = None  # merged and identity graphs when opened

    @classmethod
    @contextmanager
    def writing(cls, path: str | Path) -> Iterator[Self]:
        """Lock the store folder (created if needed), open it and yield it; release both afterwards."""
        path = Path(path)
        ours = {LOCK_FILE, FACTS_DIR, "CURRENT"}
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
                del store.db  # pyoxigraph has no close(): the last reference releases RocksDB's lock

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

    def identity_links(self, current: set[Quad], merged: set[Quad]) -> tuple[set[Quad], set[Quad]]:
        """The identity graph as stored and as it must become for the merged layer ``merged``: the IRIs
        retired since this run opened the store linked to their successors (:mod:`kg.identity`).  IRIs
        that only an intermediate commit of this run held get no link."""
        held = set(self.db.quads_for_pattern(None, None, None, IDENTITY))
        if self._issued is None:
            self._issued = (current, held)
        before, links = self._issued
        return held, relink(before, merged, links)


def canonical(quads: Iterable[Quad]) -> set[Quad]:
    """The quads as pyoxigraph stores them, so that a diff against the store compares like with like.

    pyoxigraph keeps some literals in a canonical form: integer subtypes such as
    ``xsd:nonNegativeInteger`` come back as ``xsd:integer``.
    """
    memory = Store()
    memory.extend(quads)
    return set(memory)


def list_articles(path: Path) -> list[tuple[StoredArticle, int]]:
    """The stored articles of a store folder, by id, with the number of triples in each one's graph
    (read under the readers' lock, opened read-only)."""
    with reading(path) as db:
        store = KGStore(path, db)
        return [(a, sum(1 for _ in db.quads_for_pattern(None, None, None, a.graph)))
                for a in sorted(store.articles().values(), key=lambda a: a.id)]
