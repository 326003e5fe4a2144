"""``kg export``: any RDF file or the embedded store, re-serialised in another format."""

from __future__ import annotations

import sys
from pathlib import Path

from pyoxigraph import Store

from kg.store import load_files, open_store, rdf_format, serialize_to, write_quads
from kg.namespaces import PREFIXES


def open_data(data: str | Path) -> Store:
    """A store for ``data``: an RDF file (parsed into memory) or an embedded store folder."""
    path = Path(data)
    return open_store(path) if path.is_dir() else load_files([path])


def export(data: str | Path, fmt: str, out: str | Path | None = None) -> None:
    """Write ``data`` as ``fmt`` to ``out`` (atomically) or to standard output."""
    rdf = rdf_format(fmt)
    quads = list(open_data(data))
    if out is not None:
        write_quads(quads, out, rdf)
        return
    from kg.store import _union

    data_out = quads if rdf.supports_datasets else list(_union(quads))
    serialize_to(data_out, sys.stdout.buffer, rdf, PREFIXES if rdf.name in ("Turtle", "TriG") else None)
    sys.stdout.buffer.flush()
