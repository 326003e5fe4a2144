"""The resolution index of a store folder: which stored article touches which resolution key.

``<store>/kg-index.sqlite`` maps each stored article (id, content hash, facts-cache source key) to the keys
of :func:`kg.resolve.article_keys` (its people's name keys, the offices they hold, the offices its call
parties are named by, its missiles and treaties), indexed both ways.  An incremental commit
(:func:`kg.merge.incremental_state`) looks up the articles that share a key with the changed ones, so its
work follows what the change touches, not the size of the store: a lookup is a B-tree search, and nothing
here is read whole.  The index grows with the articles (a few dozen bytes per key).

It also keeps each article's facts in the compact form of :func:`kg.facts_cache.compact` (marshalled
positional rows, without the article text), which a commit reads for the articles it re-resolves in one
query instead of opening and decoding their JSON files (three times faster to decode): the JSON files of the
facts cache stay the reference, and a record that is missing, of another version of the article or not
readable is read from them instead.  And it keeps the name keys (:func:`kg.resolve.name_keys`, a gazetteer
lookup each) of the names of its articles, as they were when the article was indexed, like the keys of the
``touch`` table: a commit whose closure holds thousands of names reads them instead of computing them again
(a changed gazetteer changes the extractor, so every article is extracted and indexed again).  An index
written before these records (``PRAGMA user_version`` below :data:`VERSION`) is migrated when the store is
opened for a build: the records and name keys are filled in from the facts cache, without resolving anything
again (:meth:`kg.ingest.BuildStore.index`).

And it keeps a digest of each stored merged node's quads (:func:`kg.store.embedded.node_digests`), so that a
commit leaves as they are, without reading them from the store, the rewritten nodes whose new quads have the
recorded digest (most of them: the terms and calls of the people it touches).  A recorded digest is always that
of the node's stored quads: a commit forgets the digests of the nodes it changes before the store moves and
records the new ones after (a crash in between leaves nodes without digests, which are read); a full commit
forgets them all and records the new layer's; a migration or a rebuild records them from one pass over the
merged graph.  A node without a digest is read, as every node was before version 3.

The RDF store stays the source of truth.  The index is written after each store commit, so a crash
between the two leaves it behind the store; :meth:`ResolutionIndex.matches` tells (the build compares
it once per run with the store's articles) and a stale or missing index is rebuilt from the facts cache
before the run commits incrementally.  It also records the person key a full resolution gives each
name of the stored articles, which pins the people an incremental commit does not rewrite
(:func:`kg.merge.incremental_state`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

INDEX_FILE = "kg-index.sqlite"
#: The index's schema version (``PRAGMA user_version``): 2 added the ``facts`` table of compact records and the
#: ``namekey`` table of each name's :func:`kg.resolve.name_keys`, 3 the ``node`` table of each merged node's digest.
VERSION = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS article (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS touch (key TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (key, article))
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS touch_article ON touch (article);
CREATE TABLE IF NOT EXISTS name (name TEXT PRIMARY KEY, person TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS facts (article TEXT PRIMARY KEY, sha256 TEXT NOT NULL, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS namekey (name TEXT PRIMARY KEY, keys TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS node (iri TEXT PRIMARY KEY, digest BLOB NOT NULL, input BLOB) WITHOUT ROWID;
"""
_SEP = "\x1f"
#: SQLite's default limit on the parameters of one statement is 32766 since 3.32; stay well below.
_CHUNK = 900


class ResolutionIndex:
    """The index file of one store folder (opened by the store's writer, under its lock)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / INDEX_FILE
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM article").fetchone()[0]

    def versions(self) -> dict[str, tuple[str, str]]:
        """Every indexed article: id -> (sha256, source key)."""
        return {i: (sha, src) for i, sha, src in self.db.execute("SELECT id, sha256, source FROM article")}

    def matches(self, stored: Mapping[str, str]) -> bool:
        """Whether the index holds exactly the stored articles (id -> sha256) and nothing else."""
        return {i: sha for i, (sha, _) in self.versions().items()} == dict(stored)

    @property
    def current(self) -> bool:
        """Whether the index was written in this schema version (an older one lacks the compact facts or the
        node digests)."""
        return self.written_in == VERSION

    @property
    def written_in(self) -> int:
        """The schema version the index was written in (``PRAGMA user_version``)."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def mark_current(self) -> None:
        """Record that the index is of this version (after a migration)."""
        self.db.execute(f"PRAGMA user_version = {VERSION}")

    def node_digests(self, nodes: Iterable[str]) -> dict[str, tuple[bytes, bytes | None]]:
        """The recorded digests (:func:`kg.store.embedded.node_digests`) of these merged nodes' stored quads, each
        with the digest of the resolved fact they were mapped from where it is recorded (calls:
        :func:`kg.merge.call_input`)."""
        out: dict[str, tuple[bytes, bytes | None]] = {}
        for chunk in _chunks(sorted(set(nodes))):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT iri, digest, input FROM node WHERE iri IN ({marks})", chunk)
            out.update((iri, (digest, inp)) for iri, digest, inp in rows)
        return out

    def node_inputs(self, nodes: Iterable[str]) -> dict[str, bytes]:
        """The recorded digests of the resolved facts these nodes' stored quads were mapped from (where known)."""
        return {n: inp for n, (_, inp) in self.node_digests(nodes).items() if inp is not None}

    def put_node_digests(self, put: Mapping[str, bytes | tuple[bytes, bytes | None]], drop: Iterable[str] = (), *,
                         clear: bool = False) -> None:
        """In one transaction: forget the digests of ``drop`` (or of every node, ``clear``) and record ``put``
        (node -> digest, or digest and input digest).  A node without a digest is read from the store when a
        commit rewrites it; a recorded digest must be that of the node's stored quads, and a recorded input
        digest that of the fact they were mapped from, so they are forgotten before the store moves and
        recorded after."""
        with self.db:
            self.db.execute("BEGIN")
            if clear:
                self.db.execute("DELETE FROM node")
            else:
                for chunk in _chunks(sorted(set(drop))):
                    self.db.execute(f"DELETE FROM node WHERE iri IN ({','.join('?' * len(chunk))})", chunk)
            self.db.executemany("INSERT OR REPLACE INTO node VALUES (?, ?, ?)",
                                [(n, *(d if isinstance(d, tuple) else (d, None))) for n, d in sorted(put.items())])

    def records(self, articles: Iterable[str]) -> dict[str, bytes]:
        """The compact facts records of these articles, for the version the index records for each (a record
        a kg without them left behind, for another version, is not returned)."""
        out: dict[str, bytes] = {}
        for chunk in _chunks(sorted(set(articles))):
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(f"SELECT f.article, f.record FROM facts f JOIN article a ON a.id = f.article "
                                       f"AND a.sha256 = f.sha256 WHERE f.article IN ({marks})", chunk).fetchall())
        return out

    def put_records(self, records: Mapping[str, tuple[str, bytes]], names: Mapping[str, Iterable[str]]) -> None:
        """Write the compact records (id -> (sha256, record)) of indexed articles and the keys of their
        ``names`` (the migration of an index older than version 2)."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?, ?)",
                                [(i, sha, rec) for i, (sha, rec) in sorted(records.items())])
            self._put_name_keys(names)

    def name_keys_of(self, names: Iterable[str]) -> dict[str, frozenset[str]]:
        """The recorded :func:`kg.resolve.name_keys` of these names (those the index knows)."""
        out: dict[str, frozenset[str]] = {}
        for chunk in _chunks(sorted(set(names))):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT name, keys FROM namekey WHERE name IN ({marks})", chunk)
            out.update((name, frozenset(keys.split(_SEP))) for name, keys in rows)
        return out

    def _put_name_keys(self, names: Mapping[str, Iterable[str]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO namekey VALUES (?, ?)",
                            [(n, _SEP.join(sorted(ks))) for n, ks in sorted(names.items())])

    def version(self, article: str) -> tuple[str, str] | None:
        row = self.db.execute("SELECT sha256, source FROM article WHERE id = ?", (article,)).fetchone()
        return (row[0], row[1]) if row else None

    def articles_of(self, keys: Iterable[str]) -> set[str]:
        """The indexed articles that touch any of ``keys``."""
        return self._touching("article", "key", keys)

    def keys_of(self, articles: Iterable[str]) -> set[str]:
        """The keys the indexed ``articles`` touch."""
        return self._touching("key", "article", articles)

    def _touching(self, wanted: str, given: str, values: Iterable[str]) -> set[str]:
        """One side of the ``touch`` table for the rows whose other side is one of ``values`` (the two
        column names are this module's constants, never input)."""
        out: set[str] = set()
        for chunk in _chunks(sorted(set(values))):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT {wanted} FROM touch WHERE {given} IN ({marks})", chunk)
            out.update(r[0] for r in rows)
        return out

    def persons_of(self, names: Iterable[str]) -> dict[str, str]:
        """The person key a full resolution gives each of these names (those the index knows)."""
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(names))):
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(f"SELECT name, person FROM name WHERE name IN ({marks})", chunk).fetchall())
        return out

    def any_with(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM touch WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def update(self, put: Mapping[str, tuple[str, str, Iterable[str], bytes, Mapping[str, Iterable[str]]]],
               drop: Iterable[str] = (), names: Mapping[str, str] | None = None) -> None:
        """In one transaction: forget the ``drop`` articles, (re)write ``put`` (id -> (sha256, source,
        keys, compact facts record, name keys of its names)) and record the person key of ``names``.  A name
        no stored article uses any more may stay: it is looked up only for names of stored articles, and
        written again whenever its people change."""
        gone = sorted(set(drop) | set(put))
        with self.db:
            self.db.execute("BEGIN")
            for chunk in _chunks(gone):
                marks = ",".join("?" * len(chunk))
                self.db.execute(f"DELETE FROM touch WHERE article IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM article WHERE id IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM facts WHERE article IN ({marks})", chunk)
            self.db.executemany("INSERT INTO article VALUES (?, ?, ?)",
                                [(i, sha, src) for i, (sha, src, *_) in put.items()])
            self.db.executemany("INSERT INTO touch VALUES (?, ?)",
                                [(k, i) for i, (_, _, keys, *_) in put.items() for k in sorted(set(keys))])
            self.db.executemany("INSERT INTO facts VALUES (?, ?, ?)",
                                [(i, sha, rec) for i, (sha, _, _, rec, _) in put.items()])
            self._put_name_keys({n: ks for *_, named in put.values() for n, ks in named.items()})
            self.db.executemany("INSERT OR REPLACE INTO name VALUES (?, ?)", sorted((names or {}).items()))

    def clear(self) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM touch")
            self.db.execute("DELETE FROM name")
            self.db.execute("DELETE FROM article")
            self.db.execute("DELETE FROM facts")
            self.db.execute("DELETE FROM namekey")
            self.db.execute("DELETE FROM node")
            self.db.execute(f"PRAGMA user_version = {VERSION}")


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
