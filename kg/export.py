"""``kg export``: any RDF file or the embedded store, re-serialised in another format."""

from __future__ import annotations

import sys
from pathlib import Path

from pyoxigraph import Store

from kg.errors import InputError
from kg.namespaces import PREFIXES
from kg.store import load_files, open_store, rdf_format, serialize_to, write_quads


def open_data(data: str | Path) -> Store:
    """A store for ``data``: an RDF file (parsed into memory) or an embedded store folder."""
    path = Path(data)
    return open_store(path) if path.is_dir() else load_files([path])


def _read(path: Path) -> list:
    """The quads of a file, parsed straight (the store would rewrite some literals, e.g. an
    ``xsd:nonNegativeInteger`` becomes an ``xsd:integer``), or of an embedded store folder."""
    if path.is_dir():
        return list(open_store(path))
    from pyoxigraph import DefaultGraph, Quad, RdfFormat, parse

    fmt = rdf_format(path)
    if fmt == RdfFormat.RDF_XML:
        load_files([path])  # refuses DOCTYPE and ENTITY declarations
    try:
        return [q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, DefaultGraph())
                for q in parse(path=str(path), format=fmt)]
    except SyntaxError as e:
        raise InputError(str(e).split(": ", 1)[-1], path=str(path), line=e.lineno, column=e.offset) from None
    except OSError as e:
        raise InputError(e.strerror or str(e), path=str(path)) from None


def export(data: str | Path, fmt: str, out: str | Path | None = None) -> None:
    """Write ``data`` as ``fmt`` to ``out`` (atomically) or to standard output."""
    rdf = rdf_format(fmt)
    quads = _read(Path(data))
    if out is not None:
        write_quads(quads, out, rdf)
        return
    from kg.store import _union

    data_out = quads if rdf.supports_datasets else list(_union(quads))
    serialize_to(data_out, sys.stdout.buffer, rdf, PREFIXES if rdf.name in ("Turtle", "TriG") else None)
    sys.stdout.buffer.flush()
