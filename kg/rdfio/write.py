"""Writing RDF: atomically, with ordinary permissions, each quad once.

A file is written beside its target and renamed into place (a killed or failed write leaves the old
file), with the mode a new file gets from the umask (not the 0600 of a temporary file); standard
output is written only once the whole serialisation succeeded.  Dataset formats (TriG, N-Quads) get
the distinct quads; graph formats (Turtle, N-Triples, JSON-LD, RDF/XML) the distinct triples of the
union of the graphs.  Turtle and TriG are written with kg's prefix table.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import Quad, QueryTriples, RdfFormat, Store, Triple, serialize

from kg.errors import InputError, KGError, reason
from kg.namespaces import PREFIXES
from kg.rdfio.formats import Format, writable_format

Writer = Callable[[BinaryIO], object]  # what it returns (a byte count, None) is ignored


def prefixes_for(rdf: RdfFormat) -> dict[str, str] | None:
    return dict(PREFIXES) if rdf in (RdfFormat.TURTLE, RdfFormat.TRIG) else None


def serialize_to(data: Iterable[Quad] | Iterable[Triple], f: BinaryIO, rdf: RdfFormat) -> None:
    """Serialise quads or triples as they come (the callers make them distinct)."""
    prefixes = prefixes_for(rdf)
    if prefixes:
        serialize(data, f, format=rdf, prefixes=prefixes)
    else:
        serialize(data, f, format=rdf)


def to_bytes(triples: Iterable[Triple], fmt: str = "turtle", prefixes: dict[str, str] | None = None) -> bytes:
    """A few triples (a validation report) serialised in memory, with these prefixes."""
    rdf = writable_format(fmt).rdf
    out = serialize(distinct(triples), format=rdf, prefixes=prefixes) if prefixes else serialize(
        distinct(triples), format=rdf)
    assert out is not None  # no output file given: pyoxigraph returns the bytes
    return out


def distinct(items: Iterable) -> Iterator:
    """Each quad or triple once, in the order first seen."""
    seen: set = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def shaped(quads: Iterable[Quad], fmt: Format) -> Iterator[Quad] | Iterator[Triple]:
    """What a format holds of these quads: the distinct quads, or the distinct triples of their union."""
    return distinct(quads) if fmt.dataset else distinct(q.triple for q in quads)


def write_quads(quads: Iterable[Quad], path: str | Path, fmt: str | None = None) -> None:
    """Serialise quads to ``path`` atomically (format from ``fmt`` or the suffix)."""
    path = Path(path)
    form = writable_format(fmt or path)
    atomic_write(path, lambda f: serialize_to(shaped(quads, form), f, form.rdf))


def write_store(store: Store, f: BinaryIO, fmt: Format) -> None:
    """A store as ``fmt``: a dump for dataset formats (a store holds each quad once), the union of its
    graphs otherwise (a CONSTRUCT, which yields each triple once: serialised without Python in the loop
    unless prefixes are due)."""
    prefixes = prefixes_for(fmt.rdf)
    if fmt.dataset:
        if prefixes:
            store.dump(f, format=fmt.rdf, prefixes=prefixes)
        else:
            store.dump(f, format=fmt.rdf)
        return
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    assert isinstance(triples, QueryTriples)
    if prefixes:
        serialize_to(triples, f, fmt.rdf)
    else:
        triples.serialize(f, format=fmt.rdf)


def new_file_mode() -> int:
    """The mode a file created now gets (0666 less the umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, write: Writer) -> None:
    """Run ``write(binary_file)`` on a temporary file beside ``path`` and rename it into place, with the
    permissions of a new file; an unwritable folder or a full disk is an input error naming the file."""
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
            os.fchmod(f.fileno(), new_file_mode())
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


def to_stdout(write: Writer) -> None:
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
