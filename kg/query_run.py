"""Local queries that can be stopped: each runs in a child process, killed on ``--timeout`` or Ctrl-C.

pyoxigraph evaluates a query in Rust and does not come back to Python until it has an
answer (a COUNT over a cross join stays inside one call), so a signal handler never
runs, and a worker thread could only be abandoned, still holding the CPU, its memory
and the store until the process ends.  A child process can be killed, which frees all
of it at once.  The child opens the data (read-only), runs the query and writes the
rendered results to a temporary file; the parent waits in short slices (so Ctrl-C
reaches it), then copies the file to its output.  With ``fork`` (Linux) the child
costs a few milliseconds.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kg.errors import InputError, KGError, StoreError
from kg.query import StoredQuery, bind, render, run_query
from kg.query_text import refuse_network, refuse_update

SLICE = 0.1  # seconds between two looks at the clock and the child
CHUNK = 2**20


class QueryTimeout(StoreError, TimeoutError):
    """A local query ran longer than ``--timeout`` and was stopped (exit code 4)."""


def run_stoppable(data: Path, query: StoredQuery, values: dict[str, str], *, fmt: str,
                  write: Callable[[str], None], timeout: float | None = None,
                  allow_network: bool = False) -> None:
    """Run ``query`` on ``data`` (a store folder or an RDF file) in a child process and ``write`` its
    rendered results; stop it after ``timeout`` seconds (:class:`QueryTimeout`) or on Ctrl-C."""
    refuse_update(query.text, str(query.path))  # the cheap refusals come from the parent, at once
    if not allow_network:
        refuse_network(query.text, str(query.path))
    bind(query, values)
    fd, name = tempfile.mkstemp(prefix="kg-query-", suffix=".out")
    os.close(fd)
    try:
        _wait(_start(data, query, values, fmt, allow_network, name), timeout)
        with open(name, encoding="utf-8") as results:
            while chunk := results.read(CHUNK):
                write(chunk)
    finally:
        Path(name).unlink(missing_ok=True)


def _start(data: Path, query: StoredQuery, values: dict[str, str], fmt: str, allow_network: bool,
           out: str) -> tuple[multiprocessing.process.BaseProcess, object]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(writer, str(data), query, values, fmt, allow_network, out),
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


def _child(writer, data: str, query: StoredQuery, values: dict[str, str], fmt: str, allow_network: bool,
           out: str) -> None:
    """In the child: run, render to ``out``, and send ("ok" | "error" | "crash", detail) to the parent."""
    from kg.store import open_data

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it kills this process
    try:
        text = render(run_query(open_data(data), query, values, allow_network=allow_network), fmt)
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as e:
            raise InputError(f"cannot hold the results: {e.strerror or e}", path=out) from None
        writer.send(("ok", None))
    except KGError as e:
        writer.send(("error", e))
    except Exception as e:  # noqa: BLE001 - reported by the parent as an internal error
        writer.send(("crash", f"{type(e).__name__}: {e}"))
    finally:
        writer.close()
