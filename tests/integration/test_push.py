"""Real triplestores: kg push and kg build/remove --endpoint against Oxigraph and Virtuoso servers.

Servers are started on free loopback ports in the test's temporary folder and
stopped afterwards; nothing leaves 127.0.0.1.  Oxigraph comes from PyPI (the
``oxigraph`` test dependency).  Virtuoso 7.2 is Debian's build, unpacked by
``.ci/fetch-virtuoso`` (or any ``virtuoso-t`` on PATH or in ``$KG_VIRTUOSO``);
without it the Virtuoso tests skip and say why.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.errors import EXIT_USAGE, UsageError
from kg.mapping import MERGED, article_graph
from kg.namespaces import KGO
from kg.query import list_queries
from kg.store import open_data as open_any
from kg.store.embedded import KGStore, canonical
from kg.store.push import push
from kg.store.remote import Endpoint
from tests.conftest import EXAMPLES, run_kg
from tests.factories import FIRST, SECOND, corpus
from tests.servers import (
    Server,
    endpoint,
    find_virtuoso,
    query_args,
    remote_quads,
    rows,
    start_oxigraph_server,
    start_virtuoso_server,
)


def open_data(path: Path):
    """The data as `kg push --data` reads it: a store folder copied into memory, or a parsed file."""
    return open_any(path, copy=True)

pytestmark = pytest.mark.server

@pytest.fixture(scope="session")
def start_oxigraph(tmp_path_factory) -> Iterator[Callable[[], Server]]:
    """A function that starts a fresh Oxigraph server; all are stopped at the end of the session."""
    started: list[Server] = []

    def start() -> Server:
        started.append(start_oxigraph_server(tmp_path_factory.mktemp("oxigraph")))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def oxigraph(start_oxigraph) -> Iterator[Server]:
    server = start_oxigraph()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Iterator[Server]:
    server = start_virtuoso_server(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


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
    monkeypatch.setattr("tests.servers.VIRTUOSO_CACHE", tmp_path / "none")
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
