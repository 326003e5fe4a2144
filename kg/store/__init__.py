"""RDF in and out: the embedded pyoxigraph store, strict parsing of files, atomic writes.

pyoxigraph is the engine everywhere data is held or queried: it parses Turtle
and N-Triples 15-60x faster than rdflib, reports syntax errors with line and
column, and its on-disk ``Store`` is transactional.  rdflib is used only where
pySHACL needs it.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store

from kg.errors import InputError, KGError, StoreError, UsageError, reason, short
from kg.namespaces import PREFIXES

DEFAULT_STORE = Path("kg-store")
#: Beside pyoxigraph's own files in a store folder: the facts cache and the writer's lock file.
FACTS_DIR, LOCK_FILE = "kg-facts", "kg.lock"

#: Accepted format names (short names, suffixes and media types) -> pyoxigraph format.
FORMATS: dict[str, RdfFormat] = {}
for _fmt, _names in (
    (RdfFormat.TURTLE, ("turtle", "ttl", "text/turtle")),
    (RdfFormat.N_TRIPLES, ("ntriples", "n-triples", "nt", "application/n-triples")),
    (RdfFormat.N_QUADS, ("nquads", "n-quads", "nq", "application/n-quads")),
    (RdfFormat.TRIG, ("trig", "application/trig")),
    (RdfFormat.JSON_LD, ("jsonld", "json-ld", "application/ld+json")),
    (RdfFormat.RDF_XML, ("rdfxml", "rdf/xml", "xml", "rdf", "owl", "application/rdf+xml")),
):
    for _name in _names:
        FORMATS[_name] = _fmt


def rdf_format(name_or_path: str | Path) -> RdfFormat:
    """The RDF format of a format name, media type or file suffix."""
    key = str(name_or_path).lower()
    fmt = FORMATS.get(key) or FORMATS.get(Path(key).suffix.lstrip("."))
    if fmt is None:
        raise UsageError(f"unknown RDF format {str(name_or_path)!r} "
                         "(use one of: turtle, ntriples, nquads, trig, jsonld)")
    return fmt


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


def load_files(paths: Iterable[str | Path], store: Store | None = None) -> Store:
    """Parse RDF files into a store (in memory by default); syntax errors name file:line:column, a token
    over pyoxigraph's 16 MiB cap or an unreadable file is an input error naming the file."""
    from kg.export import parse_errors

    store = store if store is not None else Store()
    for path in paths:
        path = Path(path)
        fmt = rdf_format(path)
        with parse_errors(path):
            if fmt == RdfFormat.RDF_XML:
                _refuse_doctype(path)
            if fmt.supports_datasets:
                store.bulk_load(path=str(path), format=fmt)
            else:
                store.bulk_load(path=str(path), format=fmt, to_graph=DefaultGraph())
    return store


def _refuse_doctype(path: Path) -> None:
    head = path.read_bytes()[:65536]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise InputError("RDF/XML with DOCTYPE or ENTITY declarations is refused", path=str(path))


def write_quads(quads: Iterable[Quad], path: str | Path, fmt: RdfFormat | None = None) -> None:
    """Serialise to ``path`` atomically (temporary file, then rename); graph formats get the union."""
    path = Path(path)
    fmt = fmt or rdf_format(path)
    data = quads if fmt.supports_datasets else _union(quads)
    prefixes = PREFIXES if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    atomic_write(path, lambda f: serialize_to(data, f, fmt, prefixes))


def serialize_to(data, f, fmt: RdfFormat, prefixes: dict | None) -> None:
    from pyoxigraph import serialize

    serialize(data, f, format=fmt, prefixes=prefixes) if prefixes else serialize(data, f, format=fmt)


def _union(quads: Iterable[Quad]):
    seen = set()
    for q in quads:
        t = q.triple
        if t not in seen:
            seen.add(t)
            yield t


def atomic_write(path: Path, write) -> None:
    """Run ``write(binary_file)`` on a temporary file beside ``path`` and rename it into place."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("output folder does not exist", path=str(folder))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise InputError(f"cannot write here: {reason(e)}", path=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:  # a full disk, a read-only target: nothing is left half-written
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, KGError):  # a store error of the data being written, not of this file
            raise
        raise InputError(f"cannot write: {reason(e)}", path=str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
