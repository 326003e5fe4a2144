"""Opening stores: the embedded pyoxigraph store folder (for writing, read-only, or as an in-memory copy)
and the data a command reads (a store folder or an RDF file, parsed by :mod:`kg.rdfio`).

pyoxigraph is the engine everywhere data is held or queried: it parses Turtle
and N-Triples 15-60x faster than rdflib, reports syntax errors with line and
column, and its on-disk ``Store`` is transactional.  rdflib is used only where
pySHACL needs it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import Store

from kg.errors import StoreError, short
from kg.rdfio import load

DEFAULT_STORE = Path("kg-store")
#: Beside pyoxigraph's own files in a store folder: the facts cache and the writer's lock file.
FACTS_DIR, LOCK_FILE = "kg-facts", "kg.lock"

def open_store(path: str | Path | None = None, *, wait: float | None = None) -> Store:
    """The embedded store of the folder ``path`` (created if needed) for writing, or an in-memory one for
    None.  Call it under the writer's lock (:meth:`kg.store.embedded.KGStore.writing` does).

    RocksDB also locks an open store: when another process has it open for writing (an Oxigraph
    server, say), wait up to ``wait`` seconds (default ``KG_LOCK_TIMEOUT``) before failing with a
    store error (exit code 4).
    """
    if path is None:
        return Store()
    from kg.store.lock import lock_timeout

    folder = Path(path)
    deadline = time.monotonic() + (lock_timeout() if wait is None else wait)
    while True:
        try:
            return Store(str(folder))
        except OSError as e:
            if "LOCK" not in str(e):
                raise StoreError(f"{short(folder)}: cannot open the store: {e}") from None
            if time.monotonic() >= deadline:
                raise StoreError(f"{short(folder)}: {_in_use(folder)}; try again when it has finished "
                                 "(KG_LOCK_TIMEOUT sets the wait)") from None
            time.sleep(0.1)


def _in_use(folder: Path) -> str:
    """Who has the database open: a kg writer (named by its lock) or another program (by RocksDB's lock)."""
    from kg.store.lock import holder, lock_holders

    writers = [(pid, kind) for pid, kind in lock_holders(folder / LOCK_FILE) if kind == "WRITE"]
    if any(pid != os.getpid() for pid, _ in writers):
        return f"the store is in use by another kg process{holder(folder / LOCK_FILE)}"
    return f"the store's database is open in another program{holder(folder / 'LOCK')} (an Oxigraph server?)"


@contextmanager
def reading(path: str | Path) -> Iterator[Store]:
    """The store of the folder ``path`` opened read-only, under the readers' lock (shared with other readers,
    exclusive of a writer: pyoxigraph leaves a read-only open beside a writing process undefined)."""
    from kg.store.lock import shared

    folder = _existing_store(path)
    with shared(folder / LOCK_FILE):
        try:
            db = Store.read_only(str(folder))
        except OSError as e:
            raise StoreError(f"{short(folder)}: cannot open the store: {e}") from None
        try:
            yield db
        finally:
            del db


def open_read_only(path: str | Path) -> Store:
    """The store of the folder ``path`` opened read-only, with the readers' lock held until this process ends
    (or writes the store itself): for a command that reads the store until it exits (``kg query``)."""
    from kg.store.lock import hold_shared

    folder = _existing_store(path)
    hold_shared(folder / LOCK_FILE)
    try:
        return Store.read_only(str(folder))
    except OSError as e:
        raise StoreError(f"{short(folder)}: cannot open the store: {e}") from None


def _existing_store(path: str | Path) -> Path:
    """The folder of an existing store (reading never creates one, nor a lock file in another folder)."""
    folder = Path(path)
    if not (folder / "CURRENT").is_file():
        raise StoreError(f"{short(folder)}: not a store (no such folder, or not made by kg build)")
    return folder


def snapshot(path: str | Path) -> Store:
    """An in-memory copy of the store of the folder ``path``, read under the readers' lock and released at
    once: a slow consumer (a push to a remote endpoint) never keeps writers waiting."""
    memory = Store()
    with reading(path) as db:
        memory.bulk_extend(db)
    return memory


def open_data(data: str | Path, *, copy: bool = False) -> Store:
    """A store for ``data``: an RDF file parsed into memory (:func:`kg.rdfio.load`), or an embedded store
    folder, opened read-only with the readers' lock held until the process ends (:func:`open_read_only`),
    or with ``copy`` copied into memory and the lock released at once (:func:`snapshot`)."""
    path = Path(data)
    if path.is_dir():
        return snapshot(path) if copy else open_read_only(path)
    return load([path])
