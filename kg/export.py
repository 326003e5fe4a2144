"""``kg export``, and reading RDF that users give kg (``--data`` files of ``kg query`` and ``kg export``).

User RDF is parsed by pyoxigraph only: strict, fast, no recursion (20,000 nested blank nodes are
fine), a 16 MiB cap on one token (a longer literal is an input error, not a crash), no network
(a JSON-LD remote ``@context`` is refused) and no DOCTYPE in RDF/XML (entity expansion and
external entities are refused).  A file is re-serialised by streaming from the parser, so literals
keep their exact datatype; the embedded store normalises some of them (``xsd:nonNegativeInteger``
is stored as ``xsd:integer``), so an export of a store gives them as stored.  Output is atomic:
a file is written beside its target and renamed; standard output is written only once the whole
export succeeded.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, Triple, parse, serialize

from kg.errors import InputError, KGError, NetworkRefused, UsageError, reason
from kg.namespaces import PREFIXES
from kg.store import atomic_write, open_read_only, rdf_format, reading

MAX_PROLOG = 16 * 2**20  # bytes read to find the root element of an RDF/XML file
_ELEMENT = re.compile(rb"<[A-Za-z_:]")
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)


# ----------------------------------------------------------------- reading


@contextmanager
def parse_errors(path: Path) -> Iterator[None]:
    """pyoxigraph's parse failures as one-line input errors naming file:line:column."""
    try:
        yield
    except SyntaxError as e:
        message = re.sub(r"^Parser error at line \d+ column \d+: ", "", str(e.msg or e))
        if "remote context" in message.lower():
            raise NetworkRefused(f"{path}: JSON-LD remote @context is not loaded: {message}") from None
        raise InputError(message, path=str(path), line=e.lineno, column=e.offset) from None
    except MemoryError as e:  # pyoxigraph caps one token at 16 MiB
        raise InputError(f"a term is too long to parse ({e})", path=str(path)) from None
    except OSError as e:
        raise InputError(e.strerror or str(e), path=str(path)) from None


def refuse_doctype(path: Path) -> None:
    """Refuse RDF/XML whose prolog (before the root element) declares a DOCTYPE or entities."""
    with parse_errors(path), path.open("rb") as f:
        head = b""
        while len(head) < MAX_PROLOG:
            chunk = f.read(1 << 16)
            head = _COMMENT.sub(b"", head + chunk)
            element = _ELEMENT.search(head)
            prolog = head[: element.start()] if element else head
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                raise InputError("RDF/XML with DOCTYPE or ENTITY declarations is refused", path=str(path))
            if element or not chunk:
                return
    raise InputError(f"no RDF/XML root element in the first {MAX_PROLOG >> 20} MiB", path=str(path))


def read_quads(path: str | Path) -> Iterator[Quad]:
    """Stream the quads of an RDF file (format from its suffix), strictly and without network."""
    path = Path(path)
    fmt = rdf_format(path)
    if fmt == RdfFormat.RDF_XML:
        refuse_doctype(path)
    with parse_errors(path):
        yield from parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())


def open_data(data: str | Path) -> Store:
    """A store for ``data``: an embedded store folder (opened read-only, under the readers' lock until the
    process ends: :func:`kg.store.open_read_only`) or an RDF file (in memory)."""
    path = Path(data)
    if path.is_dir():
        return open_read_only(path)
    fmt = rdf_format(path)
    if fmt == RdfFormat.RDF_XML:
        refuse_doctype(path)
    store = Store()
    with parse_errors(path):
        store.bulk_load(path=str(path), format=fmt, base_iri=path.resolve().as_uri(),
                        **({} if fmt.supports_datasets else {"to_graph": DefaultGraph()}))  # type: ignore[arg-type]
    return store


# ----------------------------------------------------------------- writing


def export(data: str | Path, fmt: str, out: str | Path | None = None) -> None:
    """Write ``data`` (an RDF file or a store folder) as ``fmt`` to ``out`` (atomically) or to stdout."""
    rdf, data = rdf_format(fmt), Path(data)
    if out is not None and Path(out).resolve() == data.resolve():
        raise UsageError(f"the output {out} is the input")
    if not data.exists():
        raise InputError("no such file or store", path=str(data))
    write = (lambda f: _from_store_folder(data, f, rdf)) if data.is_dir() else (
        lambda f: _serialize(read_quads(data), f, rdf, dataset_input=rdf_format(data).supports_datasets))
    if out is None:
        to_stdout(write)
    else:
        write_file(Path(out), write)


def _prefixes(rdf: RdfFormat) -> dict[str, str] | None:
    return dict(PREFIXES) if rdf in (RdfFormat.TURTLE, RdfFormat.TRIG) else None


def _serialize(quads: Iterable[Quad], f: BinaryIO, rdf: RdfFormat, *, dataset_input: bool) -> None:
    """Quads as ``rdf``; a graph format gets the union of the graphs (each triple once)."""
    data: Iterable[Quad] | Iterable[Triple] = quads
    if not rdf.supports_datasets:
        data = union(quads) if dataset_input else (q.triple for q in quads)
    prefixes = _prefixes(rdf)
    serialize(data, f, format=rdf, **({"prefixes": prefixes} if prefixes else {}))  # type: ignore[arg-type]


def union(quads: Iterable[Quad]) -> Iterator[Triple]:
    """The distinct triples of quads from several graphs."""
    seen: set[Triple] = set()
    for q in quads:
        if q.triple not in seen:
            seen.add(q.triple)
            yield q.triple


def _from_store_folder(path: Path, f: BinaryIO, rdf: RdfFormat) -> None:
    """A store folder as ``rdf``, read under the readers' lock (writers wait only while it is read)."""
    with reading(path) as store:
        _from_store(store, f, rdf)


def _from_store(store: Store, f: BinaryIO, rdf: RdfFormat) -> None:
    """The store as ``rdf``: a dump for dataset formats, the union of its graphs otherwise (a CONSTRUCT
    query, which yields each triple once; serialised without Python in the loop unless prefixes are due)."""
    prefixes = _prefixes(rdf)
    if rdf.supports_datasets:
        store.dump(f, format=rdf, **({"prefixes": prefixes} if prefixes else {}))  # type: ignore[arg-type]
        return
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    if prefixes:
        serialize(triples, f, format=rdf, prefixes=prefixes)  # type: ignore[arg-type]
    else:
        triples.serialize(f, format=rdf)  # type: ignore[arg-type]


def write_file(path: Path, write) -> None:
    """``write(binary_file)`` into ``path`` atomically, with the permissions a new file gets (not the
    0600 of a temporary file); an unwritable or full disk is an input error naming the file."""
    try:
        atomic_write(path, lambda f: (write(f), os.fchmod(f.fileno(), _new_file_mode())))  # type: ignore[func-returns-value]
    except OSError as e:
        raise InputError(f"cannot write: {e.strerror or e}", path=str(path)) from None


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def to_stdout(write) -> None:
    """``write`` into a temporary file, then copy it to standard output: nothing is printed on failure.  A full
    temporary folder (``TMPDIR``) or an unwritable standard output is an input error (exit code 3)."""
    try:
        with tempfile.TemporaryFile() as tmp:
            write(tmp)
            tmp.seek(0)
            _copy_out(tmp)
    except OSError as e:
        if isinstance(e, KGError):
            raise
        raise InputError(f"cannot hold the export in a temporary file: {reason(e)} (set TMPDIR to a folder "
                         "with room, or write a file with -o)", path=tempfile.gettempdir()) from None


def _copy_out(tmp: BinaryIO) -> None:
    try:
        shutil.copyfileobj(tmp, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    except OSError as e:
        if isinstance(e, BrokenPipeError):
            raise
        raise InputError(f"cannot write: {reason(e)}", path="<stdout>") from None
