"""``kg push`` and the remote half of ``kg build --endpoint``: named graphs sent one by one, idempotently.

Each graph is replaced, never merged into: its first request is a Graph Store
``PUT`` (or ``DROP`` + ``INSERT DATA``), later chunks of ``batch`` triples are
added to it, so pushing twice leaves the same graph.  A graph with blank nodes
goes in one request, since blank node labels do not survive across requests.
An article graph's ``kgo:sha256`` triple is sent last: a remote article graph
holds its hash only once it is complete, so :func:`sync` re-sends a graph whose
push was interrupted.

kg's own graphs are named under ``kgg:`` (``kgg:article/…`` per article, ``kgg:merged``).
Data that uses those names without being shaped like kg's output (an article graph
without its ``kgo:sha256`` mark, a merged graph without article graphs, or everything
put into one of them with ``--graph``) would silently replace a kg mirror's graphs:
it is refused unless ``force``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, serialize

from kg.errors import StoreError, UsageError
from kg.namespaces import IDENTITY, KGG, MERGED, article_graph
from kg.progress import as_reporter, count
from kg.store import sparql
from kg.store.embedded import SHA256, KGStore
from kg.store.http import redact
from kg.store.remote import Endpoint

BATCH = 10_000
Progress = Callable[[str], None]


@dataclass(frozen=True)
class PushSummary:
    graphs: int
    triples: int
    endpoint: str

    def text(self) -> str:
        return f"{count(self.graphs, 'graph')}, {count(self.triples, 'triple')} pushed to {self.endpoint}"


class Throttled:
    """Progress lines at most once a second (and those marked ``always``), so thousands of small graphs
    stay readable while each chunk of a big graph is reported."""

    def __init__(self, progress: Progress | None, every: float = 1.0) -> None:
        self.progress, self.every, self.last = progress, every, 0.0

    def __call__(self, message: str, *, always: bool = False) -> None:
        now = time.monotonic()
        if self.progress and (always or now - self.last >= self.every):
            self.progress(message)
            self.last = now


def push(data: Store, endpoint: Endpoint, *, graph: str | None = None, batch: int = BATCH,
         progress: Progress | None = None, force: bool = False) -> PushSummary:
    """Send every named graph of ``data`` (or all of it into the graph ``graph``) to ``endpoint``;
    data that is not kg's own but would replace kg's graphs needs ``force``."""
    graphs = graphs_of(data, graph)
    if not force:
        refuse_foreign(graphs, one_graph=graph is not None)
    tell, bar = Throttled(progress), as_reporter(progress)
    bar.stage("pushing", total=len(graphs), unit="graphs")
    for n, (name, triples) in enumerate(graphs.items(), 1):
        try:
            send_graph(endpoint, name, triples, batch=batch, progress=tell)
        except StoreError as e:
            raise refused_with_hint(e, endpoint) from None
        bar.advance()
        tell(f"pushed {n}/{len(graphs)} graphs ({name.value})", always=n == len(graphs))
    return PushSummary(len(graphs), sum(len(t) for t in graphs.values()), redact(endpoint.url))


def refused_with_hint(error: StoreError, endpoint: Endpoint) -> StoreError:
    """A 400 or 405 to a write often means the wrong services for the server: say which --profile to give."""
    hint = endpoint.profile_hint() if any(f"HTTP {code} " in str(error) for code in (400, 405)) else ""
    return StoreError(f"{error} ({hint})") if hint else error


def graphs_of(data: Store, graph: str | None) -> dict[NamedNode, list[Triple]]:
    """The triples of each named graph, article graphs first and the merged graph last; or, with
    ``graph``, the union of everything under that one name.  Triples outside named graphs need ``graph``."""
    if graph is not None:
        try:
            return {NamedNode(graph): list(dict.fromkeys(q.triple for q in data))}
        except ValueError:
            raise UsageError(f"--graph wants an absolute IRI, got {graph!r}") from None
    out: dict[NamedNode, list[Triple]] = defaultdict(list)
    for q in data:
        if isinstance(q.graph_name, DefaultGraph):
            raise UsageError("the data has triples outside named graphs (a Turtle or N-Triples file?): "
                             "give --graph IRI to name the graph they go to")
        out[q.graph_name].append(q.triple)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == MERGED, kv[0].value)))


def refuse_foreign(graphs: dict[NamedNode, list[Triple]], *, one_graph: bool = False) -> None:
    """A usage error when ``graphs`` would replace kg's graphs on the endpoint but do not look like kg's."""
    ours = [g for g in graphs if g.value.startswith(str(KGG))]
    if not ours:
        return
    reason = "--graph puts all the data into it" if one_graph else _not_kg(graphs, ours)
    if reason:
        raise UsageError(f"the data would replace kg's graph <{ours[-1].value}> on the endpoint, but {reason}: "
                         "a mirror of a kg store would lose its facts. Push it under other graph names, "
                         "or give --force")


def _not_kg(graphs: dict[NamedNode, list[Triple]], ours: list[NamedNode]) -> str:
    """Why graphs named like kg's are not kg's output ('' when they are)."""
    articles = [g for g in ours if g != MERGED]
    for g in articles:
        if not any(t.predicate == SHA256 for t in graphs[g]):
            return f"its graph <{g.value}> has no kgo:sha256 article mark, as kg's article graphs do"
    if MERGED in graphs and not articles:
        return "it has no article graph, as kg's data always does"
    return ""


def send_graph(endpoint: Endpoint, graph: NamedNode, triples: list[Triple], *, batch: int = BATCH,
               progress: Throttled | None = None) -> None:
    """Replace ``graph`` on the endpoint with ``triples``, in chunks of ``batch`` triples."""
    ordered = sorted(triples, key=lambda t: t.predicate == SHA256)  # the completion mark goes last
    if any(isinstance(x, BlankNode) for t in ordered for x in (t.subject, t.object)):
        chunks = [ordered]
    else:
        chunks = [ordered[i:i + batch] for i in range(0, len(ordered), batch)] or [[]]
    for n, chunk in enumerate(chunks):
        endpoint.write_graph(graph, chunk, replace=n == 0)
        if progress and len(chunks) > 1:
            progress(f"{graph.value}: {min((n + 1) * batch, len(ordered))}/{len(ordered)} triples", always=True)


def triples_in(db: Store, graph: NamedNode) -> list[Triple]:
    return [q.triple for q in db.quads_for_pattern(None, None, None, graph)]


def sync(kgs: KGStore, endpoint: Endpoint, *, removed: Iterable[str] = (), batch: int = BATCH,
         progress: Progress | None = None) -> int:
    """Make the endpoint hold the store's article graphs (sending only those whose version key, hash and
    metadata, differs there), none of the ``removed`` articles, and the store's merged graph.  Returns
    graphs sent."""
    tell = Throttled(progress)
    for article in removed:
        endpoint.drop_graph(article_graph(article))
    remote = endpoint.article_versions()
    local = sorted(kgs.articles().values(), key=lambda a: a.id)
    stale = [a for a in local if remote.get(a.graph.value) != a.version]
    bar = as_reporter(progress)
    bar.stage("pushing", total=len(stale) + 1, unit="graphs")
    for n, a in enumerate(stale, 1):
        send_graph(endpoint, a.graph, triples_in(kgs.db, a.graph), batch=batch, progress=tell)
        bar.advance()
        tell(f"sent {n}/{len(stale)} article graphs to {redact(endpoint.url)}")
    send_graph(endpoint, MERGED, triples_in(kgs.db, MERGED), batch=batch, progress=tell)
    _send_links(kgs, endpoint, batch=batch, progress=tell)
    bar.advance()
    tell(f"sent {len(stale)} article graphs and the merged graph to {redact(endpoint.url)}", always=True)
    return len(stale) + 1


def _send_links(kgs: KGStore, endpoint: Endpoint, *, batch: int, progress: Throttled) -> None:
    """Mirror the identity graph (links from retired IRIs, :mod:`kg.identity`); none left drops it."""
    links = triples_in(kgs.db, IDENTITY)
    if links:
        send_graph(endpoint, IDENTITY, links, batch=batch, progress=progress)
    else:
        endpoint.drop_graph(IDENTITY)


# ------------------------------------------------------------------ bulk

#: Non-transactional bulk endpoints, by profile: the path from the server's base URL.  Oxigraph's
#: ``POST /store?no_transaction`` loads N-Quads without a transaction (much faster, but a failure midway
#: leaves part of the data: push again).  Virtuoso and QLever load files instead (``kg export --shards``).
BULK = {"oxigraph": "/store?no_transaction"}
#: Quads per bulk request.
BULK_QUADS = 200_000
NQUADS = "application/n-quads"


def bulk_url(endpoint: Endpoint) -> str:
    """The bulk endpoint of the endpoint's server; a usage error for a profile without one."""
    path = BULK.get(endpoint.profile.name)
    if path is None:
        raise UsageError(f"--bulk: the {endpoint.profile.name} profile has no bulk endpoint kg can use "
                         "(only oxigraph has one); push without --bulk, or load `kg export --shards` files "
                         "with the server's own loader (see the README)")
    return endpoint.profile.base(endpoint.url) + path


def push_bulk(data: Store, endpoint: Endpoint, *, force: bool = False, progress: Progress | None = None,
              chunk: int = BULK_QUADS) -> PushSummary:
    """Replace the named graphs of ``data`` on ``endpoint`` through its profile's bulk endpoint: the graphs
    are dropped, then the quads are posted as N-Quads, article marks (``kgo:sha256``) last, so that an
    interrupted load is resent by the next push or build."""
    url = bulk_url(endpoint)
    graphs = graphs_of(data, None)
    if not force:
        refuse_foreign(graphs)
    tell = Throttled(progress)
    names = list(graphs)
    for i in range(0, len(names), 1000):
        endpoint.update(sparql.join(*(sparql.drop(g) for g in names[i:i + 1000])))
    quads = sorted((Quad(t.subject, t.predicate, t.object, g) for g, ts in graphs.items() for t in ts),
                   key=lambda q: q.predicate == SHA256)
    if any(isinstance(x, BlankNode) for q in quads for x in (q.subject, q.object)):
        chunk = max(chunk, len(quads))  # blank node labels do not survive across requests
    for i in range(0, len(quads), chunk):
        body = serialize(quads[i:i + chunk], format=RdfFormat.N_QUADS)
        endpoint.client.request("POST", url, body=body, headers={"Content-Type": NQUADS})
        tell(f"bulk-loaded {min(i + chunk, len(quads))}/{len(quads)} quads", always=i + chunk >= len(quads))
    how = f"through its bulk endpoint (POST {BULK[endpoint.profile.name]}: not transactional)"
    return PushSummary(len(graphs), len(quads), f"{redact(endpoint.url)} {how}")

