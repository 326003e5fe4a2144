"""Extraction on a Dask distributed cluster: ``kg build CORPUS --cluster tcp://HOST:PORT`` or ``--cluster local:N``.

Each task is a small batch of articles, run by the same extraction as ``--jobs 1``
(:meth:`kg.extract.pipeline.Extractor.extract`), so the facts are the same; they
come back to this process, which caches and commits them as any build does.  Each
worker loads the model once (:class:`ModelPlugin`, then the per-process
:func:`~kg.extract.pipeline.load_nlp` cache).  A task that raises runs once more
(``retries``); a task whose worker dies is rescheduled by Dask itself (on a local
cluster until it has killed two workers).  A batch that still fails is split into
one task per article, with the same second chance, so an article that fails twice is
left out of the build, named in :attr:`Cluster.failed`, and the rest go on.  At most a
few batches per worker thread are in flight, so the client's memory follows the
cluster's size, not the corpus'.  Every worker must run the same kg and model as this process
(checked before the first task: the facts are cached as this extractor's).  Dask is imported only
here (``pip install 'kg[cluster]'``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from kg.corpus import RawArticle
from kg.errors import StoreError, UsageError, printable
from kg.extract.model import ArticleFacts

try:
    import dask
    from distributed import Client, LocalCluster
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - the extra is installed with the test extras
    raise UsageError("--cluster needs Dask distributed: pip install 'kg[cluster]'") from None

LOCAL = "local:"
#: A task that raises is run once more; a second failure leaves its article out.
RETRIES = 1
#: Worker deaths a task may witness before the scheduler gives up on it (local clusters; a running
#: scheduler keeps its own ``distributed.scheduler.allowed-failures``, 3 by default).
ALLOWED_FAILURES = 1
#: Batches in flight per worker thread: enough to keep every worker busy while results are read in order.
IN_FLIGHT = 3
#: Articles per task: a scheduler round trip per batch, not per article, and spaCy batches them.
BATCH = 8
#: How long to wait for a scheduler and for its first worker, in seconds.
CONNECT_TIMEOUT = 60

Task = Callable[[list[RawArticle], str], list[ArticleFacts]]


def extract_articles(raws: list[RawArticle], model: str) -> list[ArticleFacts]:
    """The articles' facts, by the extraction ``kg build --jobs 1`` runs (the model cached per process)."""
    from kg.extract.pipeline import Extractor

    return list(Extractor(model).extract(raws))


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy pipeline when a worker starts (also a worker that replaces a dead one)."""

    idempotent = True

    def __init__(self, model: str) -> None:
        self.model = model
        self.name = f"kg-model-{model}"

    def setup(self, worker) -> None:
        from kg.extract.pipeline import load_nlp

        load_nlp(self.model)


def parse_address(spec: str) -> str | int:
    """``local:N`` as the number of local workers N; a scheduler address as it is; anything else a usage error."""
    if spec.startswith(LOCAL):
        n = spec[len(LOCAL):]
        if not n.isdigit() or int(n) < 1:
            raise UsageError(f"--cluster {printable(spec)}: give local:N with N a number of workers, 1 or more")
        return int(n)
    scheme, sep, rest = spec.partition("://")
    if not sep or scheme not in ("tcp", "tls", "ucx", "inproc", "ws", "wss") or not rest:
        raise UsageError(f"--cluster {printable(spec)}: give a scheduler address (tcp://HOST:PORT) or local:N")
    return spec


class Cluster:
    """A connection to a Dask cluster, opened on the first article to extract and closed on exit.

    ``with Cluster("local:2") as cluster: build(..., cluster=cluster)``; then :attr:`failed` lists
    ``(article id, reason)`` for every article left out.  ``client``: a ``distributed.Client`` already
    connected (to a dask-jobqueue ``SLURMCluster``, say), used as it is and left open.
    """

    def __init__(self, address: str | None = None, *, client: Client | None = None,
                 task: Task = extract_articles, batch: int = BATCH, timeout: float = CONNECT_TIMEOUT) -> None:
        if (address is None) == (client is None):
            raise UsageError("give either a cluster address or a connected Dask client")
        self.address = address if address is not None else _scheduler_address(client)
        self.spec = parse_address(address) if address is not None else self.address
        self.task, self.batch, self.timeout = task, batch, timeout
        self.failed: list[tuple[str, str]] = []
        self._client: Client | None = client
        self._own = client is None  # close only what this object opened
        self._local: LocalCluster | None = None

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect; a local cluster is shut down with its workers."""
        if not self._own:
            return
        for part in (self._client, self._local):
            if part is not None:
                part.close()
        self._client = self._local = None

    def client(self) -> Client:
        """The connected client, starting a local cluster first for ``local:N``."""
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> Client:
        if isinstance(self.spec, int):
            with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
                self._local = LocalCluster(n_workers=self.spec, threads_per_worker=1, processes=True,
                                           host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                           silence_logs=logging.ERROR)
            return Client(self._local)
        try:
            client = Client(self.spec, timeout=self.timeout)
            client.wait_for_workers(1, timeout=self.timeout)
        except (OSError, TimeoutError) as e:
            raise StoreError(f"--cluster {printable(self.address)}: no scheduler with a worker answered "
                             f"within {self.timeout:g} s ({type(e).__name__})") from None
        return client

    def threads(self) -> int:
        """Worker threads of the cluster now."""
        return max(1, sum(self.client().nthreads().values()))

    def extract(self, raws: Iterable[RawArticle], *, model: str) -> Iterator[ArticleFacts]:
        """The facts of each article, in input order, leaving out (and recording) those that fail."""
        self._same_extractor(model)
        self.client().register_plugin(ModelPlugin(model))
        source, pending = iter(raws), deque[tuple[list[RawArticle], Any]]()
        window = IN_FLIGHT * self.threads()
        while True:
            while len(pending) < window and (batch := list(islice(source, self.batch))):
                pending.append((batch, self._submit(batch, model)))
            if not pending:
                return
            batch, future = pending.popleft()
            yield from self._results(batch, future, model)

    def _same_extractor(self, model: str) -> None:
        """Refuse workers whose kg or model differs from this one's: their facts would be cached as this
        extractor's (:func:`kg.build.extractor_id`)."""
        from kg.build import extractor_id

        mine = extractor_id(model)
        try:
            theirs = self.client().run(extractor_id, model)
        except Exception as e:  # noqa: BLE001 - kg missing on a worker, or broken there
            raise StoreError(f"--cluster {printable(self.address)}: a worker cannot run kg "
                             f"({type(e).__name__}: {printable(str(e))[:200]}): install kg on every worker") from None
        for worker, theirs_id in sorted(theirs.items()):
            if theirs_id != mine:
                raise StoreError(f"--cluster {printable(self.address)}: worker {worker} runs another kg or model "
                                 f"({theirs_id}; here {mine}): install the same kg and model on every worker")

    def _submit(self, batch: list[RawArticle], model: str):
        return self.client().submit(self.task, batch, model, retries=RETRIES, pure=False)

    def _results(self, batch: list[RawArticle], future, model: str) -> list[ArticleFacts]:
        """The facts of a finished batch; a failed batch is tried again article by article, and an
        article that fails on its own is recorded in :attr:`failed`."""
        facts, reason = self._outcome(future)
        if reason is None:
            return facts
        if len(batch) == 1:
            self.failed.append((batch[0].id, reason))
            return []
        singles = [(raw, self._submit([raw], model)) for raw in batch]
        return [f for raw, single in singles for f in self._results([raw], single, model)]

    def _outcome(self, future) -> tuple[list[ArticleFacts], str | None]:
        """A task's result and None, or nothing and why it failed."""
        from distributed import KilledWorker

        try:
            return future.result(), None
        except KilledWorker:
            return [], "its worker died twice while extracting it"
        except Exception as e:  # noqa: BLE001 - the article's own error, raised on the worker
            if self._client is None or self._client.status != "running":
                raise StoreError(f"--cluster {printable(self.address)}: lost the scheduler") from None
            return [], f"{type(e).__name__}: {e}"
        finally:
            future.release()

    def check(self) -> None:
        """Raise :class:`ClusterFailures` naming the articles left out, if any."""
        if self.failed:
            raise ClusterFailures(self.failed)


class ClusterFailures(StoreError):
    """Articles that failed twice on the cluster; the rest were built (exit code 4)."""

    def __init__(self, failed: list[tuple[str, str]]) -> None:
        self.failed = failed
        first = "; ".join(f"{printable(a)}: {printable(r)[:200]}" for a, r in failed[:5])
        more = f"; and {len(failed) - 5} more" if len(failed) > 5 else ""
        super().__init__(f"{len(failed)} articles failed twice on the cluster and were left out of the build "
                         f"(the others were built; run the same command again to retry them): {first}{more}")


def _scheduler_address(client: Client | None) -> str:
    """The address of the scheduler a connected client talks to."""
    scheduler = client.scheduler if client is not None else None
    if scheduler is None:
        raise UsageError("the Dask client is not connected to a scheduler")
    return str(scheduler.address)
