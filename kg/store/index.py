"""The resolution index of a store folder: which stored article touches which resolution key.

``<store>/kg-index.sqlite`` maps each stored article (id, content hash, facts-cache source key) to the keys
of :func:`kg.resolve.article_keys` (its people's name keys, the offices they hold, the offices its call
parties are named by, its missiles and treaties), indexed both ways.  An incremental commit
(:func:`kg.merge.incremental_state`) looks up the articles that share a key with the changed ones, so its
work follows what the change touches, not the size of the store: a lookup is a B-tree search, and nothing
here is read whole.  The index grows with the articles (a few dozen bytes per key) but holds no
evidence: that stays in the facts cache and the article graphs.

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
_SCHEMA = """
CREATE TABLE IF NOT EXISTS article (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS touch (key TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (key, article))
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS touch_article ON touch (article);
CREATE TABLE IF NOT EXISTS name (name TEXT PRIMARY KEY, person TEXT NOT NULL) WITHOUT ROWID;
"""
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

    def update(self, put: Mapping[str, tuple[str, str, Iterable[str]]], drop: Iterable[str] = (),
               names: Mapping[str, str] | None = None) -> None:
        """In one transaction: forget the ``drop`` articles, (re)write ``put`` (id -> (sha256, source,
        keys)) and record the person key of ``names``.  A name no stored article uses any more may stay:
        it is looked up only for names of stored articles, and written again whenever its people change."""
        gone = sorted(set(drop) | set(put))
        with self.db:
            self.db.execute("BEGIN")
            for chunk in _chunks(gone):
                marks = ",".join("?" * len(chunk))
                self.db.execute(f"DELETE FROM touch WHERE article IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM article WHERE id IN ({marks})", chunk)
            self.db.executemany("INSERT INTO article VALUES (?, ?, ?)",
                                [(i, sha, src) for i, (sha, src, _) in put.items()])
            self.db.executemany("INSERT INTO touch VALUES (?, ?)",
                                [(k, i) for i, (_, _, keys) in put.items() for k in sorted(set(keys))])
            self.db.executemany("INSERT OR REPLACE INTO name VALUES (?, ?)", sorted((names or {}).items()))

    def clear(self) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM touch")
            self.db.execute("DELETE FROM name")
            self.db.execute("DELETE FROM article")


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
