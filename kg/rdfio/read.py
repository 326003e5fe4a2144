"""Strict reading of RDF files, one policy for every entry point.

User RDF is parsed by pyoxigraph only: strict, fast, no recursion (20,000 nested blank nodes are fine),
a 16 MiB cap on one token (a longer literal is an input error, not a crash), no network (a JSON-LD
remote ``@context`` is refused, never fetched) and no DOCTYPE or ENTITY declaration in RDF/XML (the
parser would expand entities: billion laughs).  Relative IRIs resolve against the file's own URI.
Graph formats are read into the default graph; TriG, N-Quads and JSON-LD keep their named graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, Triple, parse
from rdflib import Dataset

from kg.errors import InputError, NetworkRefused, UsageError
from kg.rdfio.formats import FORMATS, Format, rdf_format
from kg.rdfio.terms import add_quads

MAX_PROLOG = 16 * 2**20  # bytes read to find the root element of an RDF/XML file
_CHUNK = 1 << 16
_SPACE = re.compile(rb"[ \t\r\n]+")
_ENDS = {b"<!--": b"-->", b"<?": b"?>"}


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


def file_format(path: Path) -> Format:
    """The format of a file by its suffix; an unknown suffix is an input error naming the file."""
    try:
        return rdf_format(path)
    except UsageError:
        known = ", ".join("." + s for f in FORMATS for s in f.suffixes)
        raise InputError(f"unknown RDF file suffix {path.suffix!r} (one of {known})", path=str(path)) from None


def refuse_doctype(path: Path) -> None:
    """Refuse RDF/XML whose prolog (what comes before the root element: the XML declaration, processing
    instructions, comments of any length) holds a DOCTYPE, ENTITY or any other markup declaration."""
    with parse_errors(path), path.open("rb") as f:
        _scan_prolog(f, path)


def _scan_prolog(f: BinaryIO, path: Path) -> None:
    buf = f.read(_CHUNK)
    read, buf = len(buf), buf.removeprefix(b"\xef\xbb\xbf")
    pos, inside = 0, b""  # inside: the end of the comment or processing instruction being skipped
    while True:
        if inside:
            found = buf.find(inside, pos)
            if found >= 0:
                pos, inside = found + len(inside), b""
                continue
            pos = max(pos, len(buf) - len(inside) + 1)
        else:
            space = _SPACE.match(buf, pos)
            pos = space.end() if space else pos
            rest = buf[pos:pos + 4]
            opener = next((o for o in _ENDS if rest.startswith(o)), None)
            if opener is not None:
                inside, pos = _ENDS[opener], pos + len(opener)
                continue
            if rest.startswith(b"<!") and len(rest) == 4:
                raise InputError("RDF/XML with a DOCTYPE, ENTITY or other declaration is refused (entities "
                                 "would be expanded)", path=str(path))
            if len(rest) == 4 or (rest and not rest.startswith(b"<")):
                return  # the root element (or not XML at all: the parser says where)
        chunk = f.read(_CHUNK) if read < MAX_PROLOG else b""
        if not chunk and read >= MAX_PROLOG:
            raise InputError(f"no RDF/XML root element in the first {MAX_PROLOG >> 20} MiB", path=str(path))
        if not chunk:
            return  # the end of the file: the parser reports what is missing
        buf, pos, read = buf[pos:] + chunk, 0, read + len(chunk)


def read_quads(path: str | Path) -> Iterator[Quad]:
    """Stream the quads of an RDF file (format from its suffix), strictly and without network."""
    path = Path(path)
    fmt = _checked(path)
    with parse_errors(path):  # a graph format's triples come as quads of the default graph
        yield from parse(path=str(path), format=fmt.rdf, base_iri=path.resolve().as_uri())


def read_answer(stream: IO[bytes], fmt: str = "turtle") -> Iterator[Triple]:
    """The triples of an RDF answer read from a stream (an endpoint's CONSTRUCT or DESCRIBE, which the
    caller asked for in ``fmt``), each once."""
    seen: set[Triple] = set()
    for quad in parse(stream, format=rdf_format(fmt).rdf):
        if quad.triple not in seen:
            seen.add(quad.triple)
            yield quad.triple


def _checked(path: Path) -> Format:
    fmt = file_format(path)
    if fmt.rdf == RdfFormat.RDF_XML:
        refuse_doctype(path)
    return fmt


def load(paths: Iterable[str | Path], store: Store | None = None) -> Store:
    """Parse RDF files into a store (in memory by default) with pyoxigraph's bulk loader."""
    store = store if store is not None else Store()
    for path in map(Path, paths):
        fmt = _checked(path)
        with parse_errors(path):
            if fmt.rdf.supports_datasets:
                store.bulk_load(path=str(path), format=fmt.rdf, base_iri=path.resolve().as_uri())
            else:  # a graph format's triples go to the default graph
                store.bulk_load(path=str(path), format=fmt.rdf, base_iri=path.resolve().as_uri(),
                                to_graph=DefaultGraph())
    return store


def read_dataset(paths: Iterable[str | Path]) -> Dataset:
    """Parse RDF files into one rdflib dataset (for pySHACL); named graphs are kept, literals as written."""
    dataset = Dataset()
    for path in paths:
        add_quads(dataset, read_quads(path), path)
    return dataset
