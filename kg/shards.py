"""``kg export --shards DIR``: a store or graph file as N-Quads files for a triplestore's bulk loader.

Big triplestores load files much faster than they take requests (Virtuoso's ``ld_dir`` +
``rdf_loader_run``, QLever's index builder, ``oxigraph load``), and load several files in
parallel.  The folder gets:

- ``articles-00001.nq``, ``articles-00002.nq``, ...: the article graphs, ``per_shard`` articles a
  file, in graph-name order;
- ``merged.nq``: the merged layer (``kgg:merged``);
- ``identity.nq``: the identity graph (``kgg:identity``, links from retired IRIs; empty when there are none);
- ``other.nq``: any other graph and the default graph, only when there is such data.

Every quad of the source is in exactly one file.  Each file is written atomically, and the folder
must be new or empty: a shard left over from an earlier export would be loaded with the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import BlankNode, Dataset, DefaultGraph, NamedNode, Quad, RdfFormat, Store

from kg.errors import UsageError, printable
from kg.identity import IDENTITY
from kg.mapping import MERGED
from kg.namespaces import KGG

#: Articles per shard file by default: about 150 triples an article, so files of some 20 MB.
PER_SHARD = 1000
ARTICLE_GRAPHS = str(KGG) + "article/"


@dataclass(frozen=True)
class ShardSummary:
    files: list[str]
    articles: int
    quads: int
    folder: str

    def text(self) -> str:
        return (f"{self.articles} article graphs, the merged and identity graphs: {self.quads} quads in "
                f"{len(self.files)} N-Quads files in {self.folder}")


def export_shards(data: str | Path, folder: str | Path, *, per_shard: int = PER_SHARD) -> ShardSummary:
    """Write ``data`` (a store folder or an RDF file) as N-Quads shards into ``folder`` (new or empty)."""
    folder = Path(folder)
    _ready(folder)
    with _source(Path(data)) as source:
        graphs = _graph_names(source)
        articles: list[Graph] = [g for g in graphs if isinstance(g, NamedNode) and g.value.startswith(ARTICLE_GRAPHS)]
        shards: list[tuple[str, list[Graph]]] = [(f"articles-{n:05d}.nq", articles[i:i + per_shard])
                  for n, i in enumerate(range(0, len(articles), per_shard), 1)]
        shards += [("merged.nq", [MERGED]), ("identity.nq", [IDENTITY])]
        rest = [g for g in graphs if g not in {*articles, MERGED, IDENTITY}]
        if rest:
            shards.append(("other.nq", rest))
        quads = sum(_write(folder / name, _quads_of(source, names)) for name, names in shards)
    return ShardSummary([name for name, _ in shards], len(articles), quads, str(folder))


def _ready(folder: Path) -> None:
    """``folder`` exists and is empty, or is created; anything else is a usage error."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"--shards {printable(str(folder))}: give a new or empty folder (a shard left there "
                         "would be bulk-loaded with the new ones)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        from kg.errors import InputError, reason

        raise InputError(f"cannot create the folder: {reason(e)}", path=str(folder)) from None


@contextmanager
def _source(data: Path) -> Iterator[Store | Dataset]:
    """What to read: a store folder under the readers' lock, or an RDF file parsed into an in-memory
    dataset (which keeps every literal as written, where a store normalises some datatypes)."""
    from kg.errors import InputError
    from kg.rdfio import rdf_format, read_quads
    from kg.store import reading

    if not data.exists():
        raise InputError("no such file or store", path=str(data))
    if data.is_dir():
        with reading(data) as store:
            yield store
    elif rdf_format(data).rdf.supports_datasets:
        yield Dataset(read_quads(data))
    else:  # a graph file: its triples in the default graph
        yield Dataset(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in read_quads(data))


Graph = NamedNode | BlankNode | DefaultGraph


def _graph_names(source: Store | Dataset) -> list[Graph]:
    """Every graph holding data (the default graph last), named ones in name order."""
    if isinstance(source, Store):
        named = list(source.named_graphs())
        default = next(iter(source.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None
    else:
        names = {q.graph_name for q in source}
        default = DefaultGraph() in names
        named = [g for g in names if not isinstance(g, DefaultGraph)]
    return [*sorted(named, key=lambda g: (isinstance(g, BlankNode), g.value)), *([DefaultGraph()] if default else [])]


def _quads_of(source: Store | Dataset, graphs: Iterable[Graph]) -> Iterator[Quad]:
    for graph in graphs:
        if isinstance(source, Store):
            yield from source.quads_for_pattern(None, None, None, graph)
        else:
            yield from sorted(source.quads_for_graph_name(graph), key=str)


def _write(path: Path, quads: Iterable[Quad]) -> int:
    """Serialise ``quads`` as N-Quads into ``path`` atomically; return how many there were."""
    from kg.rdfio import atomic_write, serialize_to

    count = 0

    def counted() -> Iterator[Quad]:
        nonlocal count
        for q in quads:
            count += 1
            yield q

    atomic_write(path, lambda f: serialize_to(counted(), f, RdfFormat.N_QUADS))
    return count
