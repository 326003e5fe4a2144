"""Real triplestores: kg push and kg build/remove --endpoint against Oxigraph and Virtuoso servers.

Servers are started on free loopback ports in the test's temporary folder and
stopped afterwards; nothing leaves 127.0.0.1.  Oxigraph comes from PyPI (the
``oxigraph`` test dependency).  Virtuoso 7.2 is Debian's build, unpacked by
``.ci/fetch-virtuoso`` (or any ``virtuoso-t`` on PATH or in ``$KG_VIRTUOSO``);
without it the Virtuoso tests skip and say why.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from kg.errors import EXIT_USAGE, UsageError
from kg.mapping import MERGED, article_graph
from kg.namespaces import KGO
from kg.query import list_queries
from kg.store import open_data as open_any
from kg.store.embedded import KGStore, canonical
from kg.store.push import push
from kg.store.remote import Endpoint
from tests.conftest import EXAMPLES, run_kg
from tests.test_incremental import FIRST, SECOND, corpus


def open_data(path: Path):
    """The data as `kg push --data` reads it: a store folder copied into memory, or a parsed file."""
    return open_any(path, copy=True)

pytestmark = pytest.mark.server

SAMPLE_PARAMS = {"office": "US.chief_of_defence", "date": "2022-10-24"}
VIRTUOSO_CACHE = Path(os.environ.get("KG_TEST_CACHE", Path.home() / ".cache" / "kg-tests")) / "virtuoso"


# ------------------------------------------------------------------ servers


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


@pytest.fixture(scope="session")
def start_oxigraph(tmp_path_factory) -> Iterator[Callable[[], Server]]:
    """A function that starts a fresh Oxigraph server; all are stopped at the end of the session."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    started: list[Server] = []

    def start() -> Server:
        folder, port = tmp_path_factory.mktemp("oxigraph"), free_port()
        log = folder / "server.log"
        process = subprocess.Popen([exe, "serve", "--location", str(folder / "data"), "--bind",
                                    f"127.0.0.1:{port}"], stdout=log.open("wb"), stderr=subprocess.STDOUT)
        server = Server("oxigraph", f"http://127.0.0.1:{port}/query", "oxigraph", process, log)
        started.append(server)
        return wait_ready(server, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", 30)

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def oxigraph(start_oxigraph) -> Iterator[Server]:
    server = start_oxigraph()
    yield server
    server.stop()


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


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Iterator[Server]:
    exe, reason = find_virtuoso()
    if exe is None:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("virtuoso")
    port = free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(sql=free_port(), http=port))
    libs = [str(VIRTUOSO_CACHE / "root" / d / "x86_64-linux-gnu") for d in ("usr/lib", "lib")]
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join([*libs, os.environ.get("LD_LIBRARY_PATH", "")])}
    log = folder / "server.log"
    process = subprocess.Popen([str(exe), "-f", "-c", "virtuoso.ini"], cwd=folder, env=env,
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
    server = Server("virtuoso", f"http://127.0.0.1:{port}/sparql", "virtuoso", process, log,
                    {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": "dba"})
    try:
        wait_ready(server, f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", 90)
    except RuntimeError as e:
        pytest.skip(f"Virtuoso {exe} did not start: {str(e)[-300:]}")
    yield server
    server.stop()


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


# ------------------------------------------------------------------ the example graph


@pytest.fixture(scope="session")
def examples(tmp_path_factory) -> tuple[Path, Path]:
    """The example corpus built into a store and into a TriG file (one model load)."""
    import functools

    import kg.extract.pipeline as pipeline
    from kg.build import build

    folder = tmp_path_factory.mktemp("examples-store")
    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline, "load_nlp", functools.cache(pipeline.load_nlp))
    try:
        build([str(EXAMPLES)], store=folder / "store", validate=False)
        build([str(EXAMPLES)], out=folder / "graph.trig", validate=False)
    finally:
        patch.undo()
    return folder / "store", folder / "graph.trig"


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


@pytest.fixture(scope="session")
def oxigraph_with_examples(start_oxigraph, examples) -> Server:
    server = start_oxigraph()
    push(open_data(examples[0]), Endpoint(server.url, profile="oxigraph"))
    return server


@pytest.fixture(scope="session")
def virtuoso_with_examples(virtuoso, examples) -> Server:
    patch = pytest.MonkeyPatch()
    try:
        push(open_data(examples[0]), endpoint(virtuoso, patch))
    finally:
        patch.undo()
    return virtuoso


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(q.name for q in list_queries()))
def test_every_stored_query_gives_the_same_rows_on_store_file_and_oxigraph(name, examples, oxigraph_with_examples):
    args = query_args(name)
    store, trig = examples
    local = rows(*args, "--data", str(store))
    assert len(local) > 1 or name == "holder-at-date", "the example graph should answer every query"
    assert rows(*args, "--data", str(trig)) == local
    assert rows(*args, "--endpoint", oxigraph_with_examples.url, "--profile", "oxigraph") == local


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(q.name for q in list_queries()))
def test_every_stored_query_gives_the_same_rows_on_virtuoso(name, examples, virtuoso_with_examples):
    args = query_args(name)
    local = rows(*args, "--data", str(examples[0]))
    assert rows(*args, "--endpoint", virtuoso_with_examples.url, "--profile", "virtuoso") == local


@pytest.mark.model
def test_push_to_virtuoso_is_idempotent(examples, virtuoso_with_examples, monkeypatch) -> None:
    e = endpoint(virtuoso_with_examples, monkeypatch)
    count = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg-news/')) }")
    before = e.select_json(count)
    push(open_data(examples[0]), e)
    assert e.select_json(count) == before
    assert int(json.loads(before)["results"]["bindings"][0]["n"]["value"]) == len(open_data(examples[0]))


# ------------------------------------------------------------------ pushes


@pytest.mark.model
def test_push_replaces_each_graph_and_is_idempotent(examples, oxigraph) -> None:
    store, trig = examples
    result = run_kg("push", "--endpoint", oxigraph.url, "--profile", "oxigraph", "--data", str(store))
    assert result.code == 0, result.err
    assert "11 graphs" in result.out
    local = canonical(open_data(store))
    assert remote_quads(oxigraph) == local
    push(open_data(trig), endpoint(oxigraph))  # the same graph from a file: nothing changes
    assert remote_quads(oxigraph) == local


@pytest.mark.model
def test_big_graphs_go_in_chunks_with_progress(examples, oxigraph) -> None:
    result = run_kg("push", "--endpoint", oxigraph.url, "--profile", "oxigraph", "--data", str(examples[0]),
                    "--batch", "200")
    assert result.code == 0, result.err
    assert "/merged: 200/" in result.err
    assert remote_quads(oxigraph) == canonical(open_data(examples[0]))


@pytest.mark.model
def test_push_through_sparql_update(examples, oxigraph) -> None:
    e = Endpoint(oxigraph.url, profile="oxigraph")
    e.gsp_url = None  # as on a server without the Graph Store protocol
    push(open_data(examples[0]), e, batch=300)
    push(open_data(examples[0]), e, batch=300)
    assert remote_quads(oxigraph) == canonical(open_data(examples[0]))


def test_a_turtle_file_needs_a_graph_name(tmp_path: Path, oxigraph) -> None:
    ttl = tmp_path / "g.ttl"
    ttl.write_text('<http://example.org/s> <http://example.org/p> "v" .\n', encoding="utf-8")
    base = ["push", "--endpoint", oxigraph.url, "--profile", "oxigraph", "--data", str(ttl)]
    refused = run_kg(*base)
    assert refused.code == EXIT_USAGE and "--graph" in refused.err
    assert run_kg(*base, "--graph", "http://example.org/g").code == 0
    ttl.write_text('<http://example.org/s> <http://example.org/p> "w" .\n', encoding="utf-8")
    assert run_kg(*base, "--graph", "http://example.org/g").code == 0
    assert {str(q.object) for q in remote_quads(oxigraph)} == {'"w"'}  # replaced, not added to


# ------------------------------------------------------------------ builds and removals mirrored


@pytest.mark.model
def test_build_and_remove_mirror_to_the_endpoint(tmp_path: Path, oxigraph, monkeypatch) -> None:
    import kg.store.push as push_module
    from kg.build import build, remove

    sent: list[str] = []
    original = push_module.send_graph

    def spy(e, g, *args, **kwargs):
        sent.append(g.value)
        return original(e, g, *args, **kwargs)

    monkeypatch.setattr(push_module, "send_graph", spy)
    src, store = corpus(tmp_path / "c", FIRST, SECOND), tmp_path / "s"
    args = {"store": store, "endpoint": oxigraph.url, "profile": "oxigraph", "validate": False}
    build([str(src)], **args)
    assert remote_quads(oxigraph) == quads_of(store)
    sent.clear()
    build([str(src)], **args)
    assert sent == [MERGED.value]  # unchanged articles are not sent again
    (src / SECOND).write_text((src / SECOND).read_text(encoding="utf-8") + "\nFin.\n", encoding="utf-8")
    sent.clear()
    build([str(src)], **args)
    assert sent == [article_graph(SECOND).value, MERGED.value]
    assert remote_quads(oxigraph) == quads_of(store)
    remove([SECOND], store=store, endpoint=oxigraph.url, profile="oxigraph")
    assert remote_quads(oxigraph) == quads_of(store)
    assert not any(q.graph_name == article_graph(SECOND) for q in remote_quads(oxigraph))


def quads_of(store: Path) -> set:
    with KGStore.writing(store) as kgs:
        return set(kgs.db)


def test_virtuoso_skip_reason_is_precise(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("KG_VIRTUOSO", raising=False)
    monkeypatch.setattr(sys.modules[__name__], "VIRTUOSO_CACHE", tmp_path / "none")
    exe, reason = find_virtuoso()
    assert exe is None and ".ci/fetch-virtuoso" in reason and "apt-get download" in reason


def test_named_graph_iri_must_be_absolute(tmp_path: Path, oxigraph) -> None:
    ttl = tmp_path / "g.ttl"
    ttl.write_text('<http://example.org/s> <http://example.org/p> "v" .\n', encoding="utf-8")
    with pytest.raises(UsageError, match="absolute IRI"):
        push(open_data(ttl), endpoint(oxigraph), graph="not an iri")



@pytest.mark.model
def test_sync_to_virtuoso_sends_only_what_changed(examples, virtuoso_with_examples, monkeypatch) -> None:
    from kg.store.push import sync

    e = endpoint(virtuoso_with_examples, monkeypatch)
    assert len(e.article_versions()) == 10
    with KGStore.writing(examples[0]) as kgs:
        assert sync(kgs, e) == 1  # the merged graph only


def test_virtuoso_graph_store_replaces_and_deletes_graphs(virtuoso, monkeypatch) -> None:
    from pyoxigraph import Literal, NamedNode, Triple

    e = endpoint(virtuoso, monkeypatch)
    g = NamedNode("http://example.org/scratch")
    triple = Triple(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("é"))
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"
    e.write_graph(g, [triple], replace=True)
    e.write_graph(g, [triple], replace=True)
    assert json.loads(e.select_json(count))["results"]["bindings"][0]["n"]["value"] == "1"
    e.drop_graph(g)
    e.drop_graph(g)  # a missing graph is not an error
    assert json.loads(e.select_json(count))["results"]["bindings"][0]["n"]["value"] == "0"


@pytest.mark.model
def test_sync_resends_an_article_whose_metadata_changed_on_the_mirror(examples, start_oxigraph) -> None:
    """A mirror is compared on each article's whole version key: the same text with another publication
    date there (as after a manifest edit here) is sent again; an unchanged mirror gets the merged graph only."""
    from kg.store.push import sync

    server = start_oxigraph()
    e = Endpoint(server.url, profile="oxigraph")
    push(open_data(examples[0]), e)
    with KGStore.writing(examples[0]) as kgs:
        assert sync(kgs, e) == 1
        graph = min(a.graph.value for a in kgs.articles().values())
    day = '"1999-01-01"^^<http://www.w3.org/2001/XMLSchema#date>'
    update = (f"DELETE {{ GRAPH <{graph}> {{ ?a <{KGO.published}> ?d }} }} "
              f"INSERT {{ GRAPH <{graph}> {{ ?a <{KGO.published}> {day} }} }} "
              f"WHERE {{ GRAPH <{graph}> {{ ?a <{KGO.published}> ?d }} }}")
    request = urllib.request.Request(server.url.replace("/query", "/update"), data=update.encode("utf-8"),
                                     headers={"Content-Type": "application/sparql-update"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status in (200, 204)
    assert e.article_versions()[graph][1] == "1999-01-01"
    with KGStore.writing(examples[0]) as kgs:
        assert sync(kgs, e) == 2
        assert sync(kgs, e) == 1
