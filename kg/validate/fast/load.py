"""Loading data for the fast SHACL engine (:mod:`kg.validate.fast.engine`) into a pyoxigraph store.

The store rewrites some literals: ``"4"^^xsd:nonNegativeInteger`` becomes ``"4"^^xsd:integer``,
``"1"^^xsd:boolean`` becomes ``true``, and an ill-typed ``"-4"^^xsd:nonNegativeInteger`` a valid
``xsd:integer``.  While streaming data in, :class:`Loader` remembers, by subject and predicate, the
original form of every literal the store changes, every ill-typed literal and every integer, so that
value tests see what the input said.  Data already in an embedded store was rewritten when it was
stored: it is validated as stored (an ``xsd:integer`` then stands for any integer type whose range
holds it).  A store is validated on a checkpoint (hard links, milliseconds), never in place.
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal

from kg.errors import StoreError, UsageError
from kg.rdfio import rdflib_quads, read_quads, to_rdflib
from kg.validate.fast.values import INTEGER_TYPES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
BATCH = 50_000
_INTEGERS = {str(t) for t in INTEGER_TYPES}


@dataclass
class Loader:
    """Streams quads into a store, remembering the literals the store rewrites or that are ill-typed."""

    store: ox.Store
    audit: dict[tuple, list[tuple[ox.Literal, Literal]]] = field(default_factory=lambda: defaultdict(list))
    by_predicate: dict[ox.NamedNode, set] = field(default_factory=lambda: defaultdict(set))
    bnodes: dict[BNode, ox.BlankNode] = field(default_factory=dict)  # rdflib input -> store
    back: dict[ox.BlankNode, BNode] = field(default_factory=dict)  # store -> rdflib input
    rewritten: set[ox.NamedNode] = field(default_factory=set)  # predicates of a changed or ill-typed literal
    collapsed: bool = False  # two literals of one subject and predicate stored as one
    _memo: dict[ox.Literal, tuple[ox.Literal, Literal | None]] = field(default_factory=dict)
    _stored: dict[tuple, ox.Literal] = field(default_factory=dict)

    def add(self, quads: Iterable[ox.Quad], subjects: set | None = None) -> None:
        batch: list[ox.Quad] = []
        for quad in quads:
            batch.append(quad)
            if len(batch) >= BATCH:
                self._flush(batch, subjects)
                batch = []
        self._flush(batch, subjects)

    def _flush(self, batch: list[ox.Quad], subjects: set | None) -> None:
        typed = [(q, o) for q in batch if isinstance(o := q.object, ox.Literal)
                 and o.datatype.value not in (XSD_STRING, LANG_STRING)]
        self._memo.update(canonical_forms({o for _q, o in typed} - self._memo.keys()))
        for q, obj in typed:
            stored, original = self._memo[obj]
            if original is not None:
                self.audit[(q.subject, q.predicate)].append((stored, original))
                self.by_predicate[q.predicate].add(q.subject)
                if stored != obj or getattr(original, "ill_typed", False):
                    self.rewritten.add(q.predicate)
            key = (q.subject, q.predicate, stored)
            self.collapsed = self.collapsed or self._stored.setdefault(key, obj) != obj
        if subjects is not None:
            subjects.update(q.subject for q in batch)
        self.store.extend(batch)

    def original(self, subject, predicate, value):
        """The literal as written in the input, for a value read back from the store."""
        for stored, original in self.audit.get((subject, predicate), ()):
            if stored == value:
                return original
        return None


def canonical_forms(literals: Iterable[ox.Literal]) -> dict[ox.Literal, tuple[ox.Literal, Literal | None]]:
    """For each literal: its form once stored, and its rdflib form when the store changes it, when it is
    ill-typed or an integer (else None)."""
    literals = list(literals)
    scratch = ox.Store()
    predicate = ox.NamedNode("urn:kg:value")
    scratch.extend(ox.Quad(ox.NamedNode(f"urn:kg:{i}"), predicate, lit) for i, lit in enumerate(literals))
    stored = {int(q.subject.value[7:]): q.object for q in scratch}
    out: dict[ox.Literal, tuple[ox.Literal, Literal | None]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, lit in enumerate(literals):
            original = to_rdflib(lit)
            if not isinstance(original, Literal):  # never: to_rdflib keeps literals literals
                raise TypeError(f"not a literal: {original!r}")
            keep = stored[i] != lit or bool(getattr(original, "ill_typed", False)) or lit.datatype.value in _INTEGERS
            out[lit] = (stored[i], original if keep else None)
    return out


# ----------------------------------------------------------------- the workspace


def _store_dir(source) -> Path | None:
    if isinstance(source, str | Path) and Path(source).is_dir():
        return Path(source)
    return None


def _sources(data) -> list:
    if isinstance(data, Graph | str | Path | ox.Dataset):
        return [data]
    return list(data)


@contextmanager
def workspace(data, against, ontology: Path | None):
    """A store holding the ontology (when given), the data and the context, and the focus restriction."""
    data, context = _sources(data), _sources(against) if against is not None else []
    stores = [s for s in data + context if _store_dir(s)]
    if len(stores) > 1:
        raise UsageError("validate one embedded store at a time")
    tmp = store = None
    try:
        if stores:
            tmp = Path(tempfile.mkdtemp(prefix=".kg-validate-", dir=stores[0].resolve().parent))
            store = _checkpoint(stores[0], tmp / "copy")
        else:
            store = ox.Store()
        loader = Loader(store)
        if ontology is not None:
            loader.add(read_quads(ontology))
        keep: set | None = set() if against is not None else None
        for source in data:
            _load(loader, source, keep)
        for source in context:
            _load(loader, source, None)
        yield store, loader, keep
    finally:
        del store
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _checkpoint(path: Path, copy: Path) -> ox.Store:
    """A writable copy of an embedded store (RocksDB checkpoint: hard links, not a data copy)."""
    from kg.store import reading

    try:
        with reading(path) as source:  # the readers' lock: never beside a writing build
            source.backup(str(copy))
        return ox.Store(str(copy))
    except OSError as err:
        if isinstance(err, StoreError):
            raise
        raise StoreError(f"{path}: cannot open the store to validate it: {err}") from None


def _load(loader: Loader, source, subjects: set | None) -> None:
    if _store_dir(source):
        if subjects is not None:
            subjects.update(q.subject for q in loader.store.quads_for_pattern(None, None, None, None))
        return
    if isinstance(source, ox.Dataset):  # quads just built, kept exactly as written
        loader.add(iter(source), subjects)
    elif isinstance(source, Graph):
        loader.add(rdflib_quads(source, loader.bnodes), subjects)
    else:
        loader.add(read_quads(Path(source)), subjects)
    loader.back.update((v, k) for k, v in loader.bnodes.items())
