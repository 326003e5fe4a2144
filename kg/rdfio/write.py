"""Writing RDF: atomically, with ordinary permissions, each quad once.

A file is written beside its target and renamed into place (a killed or failed write leaves the old
file), with the mode a new file gets from the umask (not the 0600 of a temporary file); standard
output is written only once the whole serialisation succeeded.  Dataset formats (TriG, N-Quads) get
the distinct quads; graph formats (Turtle, N-Triples, JSON-LD, RDF/XML) the distinct triples of the
union of the graphs.

Turtle and TriG are written to be read: one block per subject (per graph and subject in TriG; data that
does not come grouped so is grouped, ``rdf:type`` first), and only the prefixes the file uses, from kg's
table plus one per kind of minted IRI (``person:`` for ``https://w3id.org/kg-news/id/person/``,
``article-graph:`` for the article graphs), so that no prefixed name needs an escape (``kgr:person\\/x``).
JSON-LD is compacted with kg's shipped ``@context`` (:mod:`kg.rdfio.jsonld`).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from typing import IO, BinaryIO

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    serialize,
)

from kg.errors import InputError, KGError, reason
from kg.namespaces import KGG, KGR, PREFIXES
from kg.query_text import PN_CHARS, PN_CHARS_BASE
from kg.rdfio.formats import Format, writable_format

Writer = Callable[[BinaryIO], object]  # what it returns (a byte count, None) is ignored


RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
_XSD = PREFIXES["xsd"]
_READABLE = (RdfFormat.TURTLE, RdfFormat.TRIG)
# Literals Turtle writes without their datatype (pyoxigraph writes these lexical forms bare: 1, 1.5, 1E5, true).
_BARE = {_XSD + "integer": re.compile(r"[+-]?[0-9]+"), _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         _XSD + "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
         _XSD + "boolean": re.compile(r"true|false"), _XSD + "string": re.compile(r".*", re.S),
         PREFIXES["rdf"] + "langString": re.compile(r".*", re.S)}
# A Turtle local name that needs no escape (PN_LOCAL without PLX): what follows ``prefix:``.
_LOCAL = re.compile(rf"(?:[{PN_CHARS_BASE}_:0-9](?:[{PN_CHARS}.:]*[{PN_CHARS}:])?)?")
_KIND = re.compile(r"[a-z](?:[a-z0-9-]*[a-z0-9])?")


def kind_prefixes(iris: Iterable[str]) -> dict[str, str]:
    """One prefix per kind of minted IRI among ``iris``: ``person`` for ``kgr:`` + ``person/``, ``article-graph``
    for ``kgg:`` + ``article/`` (namespace -> prefix name); a name kg's table already has is left out."""
    found: dict[str, str] = {}
    taken = set(PREFIXES)
    for iri in iris:
        for base, suffix in ((str(KGR), ""), (str(KGG), "-graph")):
            if iri.startswith(base) and "/" in iri[len(base):]:
                kind = iri[len(base):].split("/", 1)[0]
                namespace, name = f"{base}{kind}/", kind + suffix
                if namespace not in found and _KIND.fullmatch(kind) and name not in taken:
                    found[namespace] = name
                    taken.add(name)
    return found


def used_prefixes(iris: Iterable[str], extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The prefixes (name -> namespace) to declare for a file whose prefixed names are these IRIs: kg's table
    and the kinds of minted IRIs, only those some IRI uses, and none under which an IRI would need an escape.
    A writer abbreviates each IRI with its longest matching namespace; a namespace under which one IRI's local
    name would need an escape is dropped (its IRIs are then written in full, or under a shorter namespace if
    that one fits them all), until every declared namespace fits every IRI it abbreviates.  ``extra``
    (name -> namespace: a query's own PREFIX declarations) joins kg's table and wins over it on a name."""
    # Every namespace ends with "/" or "#", so the ones that start an IRI are those that start its own
    # namespace (up to its last "/" or "#"): IRIs are grouped by it, and namespaces matched once a group.
    groups: dict[str, list[str]] = {}
    for iri in iris:
        groups.setdefault(iri[:max(iri.rfind("/"), iri.rfind("#")) + 1], []).append(iri)
    table = {**PREFIXES, **(extra or {})}
    declared = {ns: name for name, ns in table.items() if ns.endswith(("/", "#"))} | kind_prefixes(groups)
    assert all(ns.endswith(("/", "#")) for ns in declared)
    candidates = {key: sorted((ns for ns in declared if key.startswith(ns)), key=len, reverse=True)
                  for key in groups}
    while True:
        chosen = {key: next((ns for ns in found if ns in declared), None) for key, found in candidates.items()}
        unfit = {ns for key, ns in chosen.items()
                 if ns is not None and not all(_LOCAL.fullmatch(iri, len(ns)) for iri in groups[key])}
        if not unfit:
            used = {ns for ns in chosen.values() if ns is not None}
            return {declared[ns]: ns for ns in sorted(used, key=declared.__getitem__)}
        declared = {ns: name for ns, name in declared.items() if ns not in unfit}


def written_iris(items: list) -> set[str]:
    """Every IRI Turtle or TriG would write as a name: subjects, predicates (but ``rdf:type``, written ``a``),
    objects, graph names and the datatypes of literals not written bare (each term looked at once)."""
    terms = set(map(attrgetter("subject"), items)) | set(map(attrgetter("object"), items))
    terms |= set(map(attrgetter("predicate"), items)) - {RDF_TYPE}
    if items and isinstance(items[0], Quad):
        terms |= set(map(attrgetter("graph_name"), items))
    iris = {t.value for t in terms if isinstance(t, NamedNode)}
    for term in terms:
        if isinstance(term, Literal):
            bare = _BARE.get(term.datatype.value)
            if bare is None or not bare.fullmatch(term.value):
                iris.add(term.datatype.value)
    return iris


def _order(term: object) -> tuple[int, str]:
    # the default graph, then blank nodes, then IRIs (and literals) by their text
    return (0, "") if isinstance(term, DefaultGraph) else (1 if isinstance(term, BlankNode) else 2, str(term))


def _in_block(item: Quad | Triple) -> str:
    return "" if item.predicate == RDF_TYPE else item.predicate.value


def by_subject(items: Iterable[Quad] | Iterable[Triple]) -> list:
    """Distinct quads or triples with one block per subject (per graph and subject for quads).  Items that
    already come so (a store's index order, kg's own files) keep their order, without Python work per item
    but a key each; others are grouped: blocks by graph then subject, ``rdf:type`` first in a block, then
    by predicate."""
    listed: list = list(items)
    if not listed:
        return listed
    key = attrgetter("graph_name", "subject") if isinstance(listed[0], Quad) else attrgetter("subject")
    keys = list(map(key, listed))
    if sum(1 for _ in groupby(keys)) == len(set(keys)):
        return listed
    blocks: dict = {}
    for k, item in zip(keys, listed, strict=True):
        blocks.setdefault(k, []).append(item)
    ordered: list = []
    for k in sorted(blocks, key=lambda k: (_order(k[0]), _order(k[1])) if isinstance(k, tuple) else _order(k)):
        ordered += sorted(blocks[k], key=_in_block)
    return ordered


def serialize_to(data: Iterable[Quad] | Iterable[Triple], f: IO[bytes], rdf: RdfFormat, *,
                 prefixes: Mapping[str, str] | None = None) -> None:
    """Serialise quads or triples (the callers make them distinct): Turtle and TriG one block per subject with
    the prefixes they use (kg's, and ``prefixes`` besides), JSON-LD compacted with kg's context, the others as
    they come."""
    if rdf in _READABLE:
        items = by_subject(data)
        serialize(items, f, format=rdf, prefixes=used_prefixes(written_iris(items), prefixes))
    elif rdf == RdfFormat.JSON_LD:
        from kg.rdfio.jsonld import write_jsonld

        write_jsonld((t.triple if isinstance(t, Quad) else t for t in data), f)
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
    """A store as ``fmt``: N-Quads as a dump (a store holds each quad once), TriG from its quads, the union of
    its graphs otherwise (a CONSTRUCT, which yields each triple once: serialised without Python in the loop
    for N-Triples and RDF/XML)."""
    if fmt.rdf == RdfFormat.N_QUADS:
        store.dump(f, format=fmt.rdf)
    elif fmt.dataset:
        serialize_to(store.quads_for_pattern(None, None, None, None), f, fmt.rdf)
    else:
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        assert isinstance(triples, QueryTriples)
        if fmt.rdf in (*_READABLE, RdfFormat.JSON_LD):
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
