"""Bulk paths to big triplestores: N-Quads shards (``kg export --shards``), Virtuoso's bulk loader run on
them as the README says, and ``kg push --bulk`` through Oxigraph's non-transactional endpoint.

Servers are fresh ones on free loopback ports (the helpers of ``tests/integration/test_push.py``); Virtuoso is Debian's
build unpacked by ``.ci/fetch-virtuoso``, and its tests skip, saying why, without it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from kg.identity import IDENTITY
from kg.mapping import MERGED
from kg.query import list_queries
from kg.shards import ARTICLE_GRAPHS, export_shards
from kg.store import reading
from tests.conftest import EXAMPLES, run_kg
from tests.servers import find_virtuoso, query_args, remote_quads, rows, start_oxigraph_server, start_virtuoso_server

pytestmark = pytest.mark.model

#: The README's recipe for Virtuoso's bulk loader, run through isql.
VIRTUOSO_LOAD = ("ld_dir('{folder}', '*.nq', 'https://w3id.org/kg-news/graph/default'); rdf_loader_run(); "
                 "checkpoint; SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The example corpus in an embedded store (the model is loaded once per test process)."""
    from kg.build import build

    folder = tmp_path_factory.mktemp("bulk") / "store"
    build([str(EXAMPLES)], store=folder, validate=False)
    return folder


def quads_of_store(folder: Path) -> set:
    with reading(folder) as db:
        return set(db)


def quads_of_files(files) -> list:
    return [q for f in files for q in parse(path=str(f), format=RdfFormat.N_QUADS)]


# ------------------------------------------------------------------ shards


def test_every_quad_is_in_exactly_one_shard(store, tmp_path) -> None:
    summary = export_shards(store, tmp_path / "shards", per_shard=3)
    assert summary.files == [*(f"articles-0000{n}.nq" for n in (1, 2, 3, 4)), "merged.nq", "identity.nq"]
    assert summary.articles == 10
    quads = quads_of_files(tmp_path / "shards" / f for f in summary.files)
    assert len(quads) == summary.quads == len(set(quads))
    assert set(quads) == quads_of_store(store)
    for name in summary.files[:4]:
        graphs = {q.graph_name for q in quads_of_files([tmp_path / "shards" / name])}
        assert 1 <= len(graphs) <= 3 and all(g.value.startswith(ARTICLE_GRAPHS) for g in graphs)
    assert {q.graph_name for q in quads_of_files([tmp_path / "shards" / "merged.nq"])} == {MERGED}
    assert {q.graph_name for q in quads_of_files([tmp_path / "shards" / "identity.nq"])} <= {IDENTITY}


def test_a_graph_file_outside_kg_goes_to_other(tmp_path) -> None:
    (tmp_path / "g.nt").write_text('<http://e.org/a> <http://e.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#'
                                   'nonNegativeInteger> .\n', encoding="utf-8")
    summary = export_shards(tmp_path / "g.nt", tmp_path / "out")
    assert summary.files == ["merged.nq", "identity.nq", "other.nq"] and summary.quads == 1
    assert "nonNegativeInteger" in (tmp_path / "out" / "other.nq").read_text()  # as written, not normalised


def test_cli_shards_and_their_usage_errors(capsys, store, tmp_path) -> None:
    out = tmp_path / "shards"
    code, stdout, _ = run_kg("export", "--data", str(store), "--shards", str(out))
    assert code == 0 and "10 article graphs" in stdout and (out / "articles-00001.nq").is_file()
    code, _, err = run_kg("export", "--data", str(store), "--shards", str(out))
    assert code == 2 and "new or empty folder" in err
    for args, message in ((["--shards", str(tmp_path / "b"), "-o", str(tmp_path / "f.nq")], "not both"),
                          (["--shards", str(tmp_path / "c"), "--format", "turtle"], "N-Quads only"),
                          ([], "--format")):
        code, _, err = run_kg("export", "--data", str(store), *args)
        assert code == 2 and message in err, err


# ------------------------------------------------------------------ Virtuoso's bulk loader


@pytest.fixture(scope="module")
def virtuoso_bulk_loaded(store, tmp_path_factory):
    """A fresh Virtuoso that loaded the store's shards with ld_dir + rdf_loader_run + checkpoint."""
    folder = tmp_path_factory.mktemp("virtuoso-bulk")
    shards = folder / "shards"
    export_shards(store, shards, per_shard=4)
    server = start_virtuoso_server(folder, dirs_allowed=(shards,))
    exe = find_virtuoso()[0]
    isql = next((exe.parent / n for n in ("isql-vt", "isql") if exe and (exe.parent / n).is_file()), None)
    if isql is None:
        server.stop()
        pytest.skip(f"no isql-vt beside {exe}")
    env = {**os.environ, "LD_LIBRARY_PATH": server.library_path}
    try:
        load = subprocess.run([str(isql), f"127.0.0.1:{server.sql_port}", "dba", "dba",
                               f"exec={VIRTUOSO_LOAD.format(folder=shards)}"],
                              env=env, capture_output=True, text=True, timeout=300)
        yield server, load
    finally:
        server.stop()


def test_the_virtuoso_recipe_loads_every_shard(virtuoso_bulk_loaded) -> None:
    _, load = virtuoso_bulk_loaded
    assert load.returncode == 0, load.stdout + load.stderr
    assert "0 Rows." in load.stdout, load.stdout  # no file of the load list has an error
    assert "Error" not in load.stdout + load.stderr


@pytest.mark.server
@pytest.mark.parametrize("name", sorted(q.name for q in list_queries()))
def test_every_stored_query_answers_the_same_after_the_bulk_load(name, store, virtuoso_bulk_loaded) -> None:
    server, _ = virtuoso_bulk_loaded
    args = query_args(name)
    local = rows(*args, "--data", str(store))
    assert rows(*args, "--endpoint", server.url, "--profile", "virtuoso") == local


# ------------------------------------------------------------------ kg push --bulk


@pytest.fixture
def oxigraph(tmp_path):
    server = start_oxigraph_server(tmp_path)
    yield server
    server.stop()


@pytest.mark.server
def test_push_bulk_replaces_the_graphs_through_the_bulk_endpoint(capsys, store, oxigraph) -> None:
    from kg.store.remote import Endpoint

    local = quads_of_store(store)
    article = next(q.graph_name for q in local if q.graph_name.value.startswith(ARTICLE_GRAPHS))
    stale = f"INSERT DATA {{ GRAPH <{article.value}> {{ <http://e.org/old> <http://e.org/p> <http://e.org/o> }} }}"
    Endpoint(oxigraph.url, profile="oxigraph").update(stale)
    for _ in range(2):  # a second bulk push leaves the same data
        code, out, _ = run_kg("push", "--endpoint", oxigraph.url, "--profile", "oxigraph", "--bulk",
                              "--data", str(store), "-q")
        assert code == 0 and "through its bulk endpoint (POST /store?no_transaction: not transactional)" in out, out
        assert remote_quads(oxigraph) == local


@pytest.mark.parametrize("profile", ["virtuoso", "generic", "fuseki"])
def test_push_bulk_says_when_a_profile_has_no_bulk_endpoint(capsys, store, profile) -> None:
    code, _, err = run_kg("push", "--endpoint", "http://127.0.0.1:9/sparql", "--profile", profile,
                          "--bulk", "--data", str(store))
    assert code == 2 and f"the {profile} profile has no bulk endpoint" in err
