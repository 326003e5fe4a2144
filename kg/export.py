"""``kg export``: a graph file or an embedded store re-serialised in another RDF format.

Reading and writing go through :mod:`kg.rdfio` (strict parsing, atomic output with ordinary
permissions, each quad once, the union of the graphs for graph formats).  A file is re-serialised by
streaming from the parser, so literals keep their exact datatype; the embedded store normalises some
of them (``xsd:nonNegativeInteger`` is stored as ``xsd:integer``), so an export of a store gives them
as stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError, UsageError
from kg.rdfio import Format, atomic_write, read_quads, to_stdout, writable_format, write_store
from kg.rdfio.write import serialize_to, shaped
from kg.store import reading


def export(data: str | Path, fmt: str, out: str | Path | None = None) -> None:
    """Write ``data`` (an RDF file or a store folder) as ``fmt`` to ``out`` (atomically) or to stdout."""
    form, data = writable_format(fmt), Path(data)
    if out is not None and Path(out).resolve() == data.resolve():
        raise UsageError(f"the output {out} is the input")
    if not data.exists():
        raise InputError("no such file or store", path=str(data))
    write = (lambda f: _from_store_folder(data, f, form)) if data.is_dir() else (
        lambda f: serialize_to(shaped(read_quads(data), form), f, form.rdf))
    if out is None:
        to_stdout(write)
    else:
        atomic_write(Path(out), write)


def _from_store_folder(path: Path, f: BinaryIO, fmt: Format) -> None:
    """A store folder as ``fmt``, read under the readers' lock (writers wait only while it is read)."""
    with reading(path) as store:
        write_store(store, f, fmt)
