"""Local queries that can be stopped: each runs in a child process, killed on ``--timeout`` or Ctrl-C.

pyoxigraph evaluates a query in Rust and does not come back to Python until it has an
answer (a COUNT over a cross join stays inside one call), so a signal handler never
runs, and a worker thread could only be abandoned, still holding the CPU, its memory
and the store until the process ends.  A child process can be killed, which frees all
of it at once.  The child opens the data (read-only), runs the query and writes its
answer to a temporary file, as an endpoint would send it (SPARQL JSON results, or
N-Triples for a graph); the parent waits in short slices (so Ctrl-C reaches it), then
reads the file into :mod:`kg.results` objects.  With ``fork`` (Linux) the child costs a
few milliseconds.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from pyoxigraph import QueryResultsFormat, QueryTriples, RdfFormat

from kg.errors import InputError, KGError, StoreError
from kg.order import outer_order
from kg.query import Prepared, QueryTarget
from kg.results import Boolean, Graph, Result, Solutions, read

SLICE = 0.1  # seconds between two looks at the clock and the child


class QueryTimeout(StoreError, TimeoutError):
    """A local query ran longer than ``--timeout`` and was stopped (exit code 4)."""


def open_target(*, data: Path | None, endpoint: str | None, profile: str | None = None,
                timeout: float | None = None) -> QueryTarget:
    """The store folder or RDF file ``data`` (default: the store), or the endpoint at ``endpoint``."""
    from kg.errors import UsageError

    if endpoint is not None:
        from kg.store.remote import Endpoint

        if data is not None:
            raise UsageError("give --data or --endpoint, not both")
        return Endpoint(endpoint, profile=profile, request_deadline=timeout)
    return LocalData(_existing(data), timeout=timeout)


def _existing(path: Path | None) -> Path:
    """``path`` or the default store, which must exist (reading never creates a store)."""
    from kg.store import DEFAULT_STORE

    path = path or DEFAULT_STORE
    if not path.exists():
        raise InputError("no such file or store (build one with `kg build`)", path=str(path))
    return path


class LocalData:
    """A store folder or an RDF file, queried over the union of its graphs in a child process that is
    stopped after ``timeout`` seconds (:class:`QueryTimeout`) or on Ctrl-C."""

    def __init__(self, data: Path, *, timeout: float | None = None) -> None:
        self.data, self.timeout = data, timeout

    def select(self, query: Prepared) -> Solutions:
        """The solutions; on the on-disk store a final ORDER BY of plain variables is applied here rather
        than by the engine, which is slow at it there (:mod:`kg.order`), unless the rows hold terms only
        it can order."""
        plan = outer_order(query.text) if self.data.is_dir() else None
        if plan is not None:
            unordered = self._run(replace(query, text=plan.text))
            assert isinstance(unordered, Solutions)
            rows = plan.sort(unordered.variables, unordered.rows)
            if rows is not None:
                return Solutions(unordered.variables, tuple(rows))
        result = self._run(query)
        assert isinstance(result, Solutions)
        return result

    def ask(self, query: Prepared) -> Boolean:
        result = self._run(query)
        assert isinstance(result, Boolean)
        return result

    def construct(self, query: Prepared) -> Graph:
        result = self._run(query)
        assert isinstance(result, Graph)
        return result

    def empty_hint(self) -> str | None:
        return None  # a local query always sees the union of every graph

    def _run(self, query: Prepared) -> Result:
        fd, name = tempfile.mkstemp(prefix="kg-query-", suffix=".out")
        os.close(fd)
        try:
            _wait(_start(self.data, query, name), self.timeout)
            with open(name, "rb") as answer:
                return read(answer, graph=query.graph)
        finally:
            Path(name).unlink(missing_ok=True)


def _start(data: Path, query: Prepared, out: str) -> tuple[multiprocessing.process.BaseProcess, object]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(writer, str(data), query, out, os.getpid()),  # type: ignore[attr-defined]
                            daemon=True)
    child.start()
    writer.close()
    return child, reader


def _wait(started: tuple, timeout: float | None) -> None:
    """Wait for the child's word; kill it when time is up or when the wait is interrupted."""
    child, reader = started
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        while not reader.poll(SLICE):
            if not child.is_alive() and not reader.poll(0):
                raise StoreError(f"the query process ended without an answer (exit status {child.exitcode})")
            if deadline is not None and time.monotonic() >= deadline:
                raise QueryTimeout(f"the query ran longer than {timeout:g} s (--timeout); stopped")
        outcome, error = reader.recv()
    except EOFError:
        raise StoreError(f"the query process ended without an answer (exit status {child.exitcode})") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        reader.close()
    if outcome == "error":
        raise error
    if outcome == "crash":
        raise RuntimeError(error)


def _child(writer, data: str, query: Prepared, out: str, parent: int) -> None:
    """In the child: run, write the answer to ``out``, and send ("ok" | "error" | "crash", detail)."""
    from kg.store import open_data

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it kills this process
    _die_with(parent)
    try:
        store = open_data(data)
        try:
            answer = store.query(query.text, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise query.syntax_error(e) from None
        _write_answer(answer, out)
        writer.send(("ok", None))
    except KGError as e:
        writer.send(("error", e))
    except Exception as e:  # noqa: BLE001 - reported by the parent as an internal error
        writer.send(("crash", f"{type(e).__name__}: {e}"))
    finally:
        writer.close()


PR_SET_PDEATHSIG = 1  # prctl(2) option: the signal a Linux process gets when its parent dies


def _die_with(parent: int) -> None:
    """Ask Linux to kill this query process when its parent dies, however it dies (SIGKILL, the OOM
    killer), so that no query runs on for hours with nobody to answer; where prctl is not to be had,
    the parent's own clean-ups are all there is.  A parent already gone ends the child at once."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent:
        os._exit(1)


def _write_answer(answer, out: str) -> None:
    try:
        if isinstance(answer, QueryTriples):
            answer.serialize(out, format=RdfFormat.N_TRIPLES)
        else:
            answer.serialize(out, format=QueryResultsFormat.JSON)
    except OSError as e:
        raise InputError(f"cannot hold the results: {e.strerror or e}", path=out) from None
