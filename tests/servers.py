"""Real SPARQL servers for tests, started on free loopback ports and stopped afterwards, and what tests ask them.

Oxigraph comes from PyPI (the ``oxigraph`` test dependency).  Virtuoso 7.2 is Debian's build, unpacked by
``.ci/fetch-virtuoso`` (or any ``virtuoso-t`` on PATH or in ``$KG_VIRTUOSO``); without it a test that needs it
skips and says why.  Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from kg.query import list_queries
from kg.store.remote import Endpoint
from tests.conftest import run_kg

#: Parameter values for the stored queries that take some (the example corpus has answers for them).
SAMPLE_PARAMS = {"office": "US.chief_of_defence", "date": "2022-10-24"}
VIRTUOSO_CACHE = Path(os.environ.get("KG_TEST_CACHE", Path.home() / ".cache" / "kg-tests")) / "virtuoso"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    url: str  # the URL given to kg (the query service)
    profile: str
    process: subprocess.Popen
    log: Path
    env: dict[str, str] = field(default_factory=dict)
    sql_port: int = 0  # Virtuoso's isql port
    library_path: str = ""  # LD_LIBRARY_PATH for Virtuoso's binaries

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wait_ready(server: Server, probe: str, timeout: float) -> Server:
    """Poll ``probe`` until it answers 200, or fail with the end of the server's log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(probe, timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{server.name} did not start: {server.log.read_text(errors='replace')[-2000:]}")


def start_oxigraph_server(folder: Path) -> Server:
    """An Oxigraph server on a free port with its data in ``folder``; the test skips without the binary."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port, log = free_port(), folder / "server.log"
    process = subprocess.Popen([exe, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
    server = Server("oxigraph", f"http://127.0.0.1:{port}/query", "oxigraph", process, log)
    return wait_ready(server, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", 30)


def start_virtuoso_server(folder: Path, *, dirs_allowed: tuple[Path, ...] = ()) -> Server:
    """A Virtuoso server in ``folder`` on free ports (``dirs_allowed``: folders its bulk loader may read); the
    test skips, saying why, when Virtuoso is missing or does not start.  ``server.env`` holds the credentials
    and, under ``SQL_PORT`` and ``LD_LIBRARY_PATH``, what isql needs."""
    exe, reason = find_virtuoso()
    if exe is None:
        pytest.skip(reason)
    sql, http = free_port(), free_port()
    allowed = ", ".join([".", *map(str, dirs_allowed)])
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(sql=sql, http=http).replace(
        "DirsAllowed = .", f"DirsAllowed = {allowed}"))
    libs = [str(VIRTUOSO_CACHE / "root" / d / "x86_64-linux-gnu") for d in ("usr/lib", "lib")]
    library_path = os.pathsep.join([*libs, os.environ.get("LD_LIBRARY_PATH", "")])
    log = folder / "server.log"
    process = subprocess.Popen([str(exe), "-f", "-c", "virtuoso.ini"], cwd=folder,
                               env={**os.environ, "LD_LIBRARY_PATH": library_path},
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
    server = Server("virtuoso", f"http://127.0.0.1:{http}/sparql", "virtuoso", process, log,
                    {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": "dba"})
    try:
        wait_ready(server, f"http://127.0.0.1:{http}/sparql?query=ASK%7B%7D", 90)
    except RuntimeError as e:
        pytest.skip(f"Virtuoso {exe} did not start: {str(e)[-300:]}")
    server.sql_port, server.library_path = sql, library_path
    return server


VIRTUOSO_INI = """\
[Database]
DatabaseFile = ./virtuoso.db
ErrorLogFile = ./virtuoso.log
LockFile = ./virtuoso.lck
TransactionFile = ./virtuoso.trx
xa_persistent_file = ./virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = ./virtuoso-temp.db
TransactionFile = ./virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = .
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def find_virtuoso() -> tuple[Path | None, str]:
    """The virtuoso-t binary, or None and why not."""
    for candidate in (os.environ.get("KG_VIRTUOSO"), shutil.which("virtuoso-t"),
                      str(VIRTUOSO_CACHE / "root" / "usr" / "bin" / "virtuoso-t")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate), ""
    return None, (f"Virtuoso 7 not found: no $KG_VIRTUOSO, no virtuoso-t on PATH, nothing in {VIRTUOSO_CACHE} "
                  "(run .ci/fetch-virtuoso, which unpacks Debian's virtuoso-opensource-7-bin with apt-get "
                  "download and dpkg -x)")


def remote_quads(server: Server) -> set:
    """Every quad an Oxigraph server holds (Graph Store GET of the whole dataset)."""
    request = urllib.request.Request(server.url.replace("/query", "/store"), headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as r:
        return set(parse(r.read(), format=RdfFormat.N_QUADS))


def endpoint(server: Server, monkeypatch=None) -> Endpoint:
    if monkeypatch is not None:
        for k, v in server.env.items():
            monkeypatch.setenv(k, v)
    return Endpoint(server.url, profile=server.profile)


def rows(*args: str) -> list[tuple[str, ...]]:
    """A stored query's CSV rows through the CLI, sorted, with each '; '-joined list sorted (SPARQL leaves
    the order of GROUP_CONCAT open, and servers differ)."""
    result = run_kg("query", *args, "--format", "csv")
    assert result.code == 0, result.err
    table = list(csv.reader(io.StringIO(result.out)))
    body = sorted(tuple("; ".join(sorted(cell.split("; "))) for cell in row) for row in table[1:])
    return [tuple(table[0]), *body]


def query_args(name: str) -> list[str]:
    query = next(q for q in list_queries() if q.name == name)
    missing = [p.name for p in query.params if p.name not in SAMPLE_PARAMS]
    if missing:
        pytest.skip(f"no sample value for parameter {missing[0]} of {name}")
    return [name, *(f"--param={p.name}={SAMPLE_PARAMS[p.name]}" for p in query.params)]
