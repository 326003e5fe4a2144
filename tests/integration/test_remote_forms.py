"""kg query and kg push against a real Oxigraph server: every query form on an endpoint, the same answers as
the same data queried locally, and the hints that name the --profile when a generic client meets Oxigraph
(data in named graphs: 0 rows; writes: HTTP 400).  The server comes from the ``oxigraph`` test dependency and
listens on a free loopback port; nothing leaves 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.namespaces import PREFIXES
from tests.conftest import run_kg

pytestmark = pytest.mark.server

KGR = PREFIXES["kgr"]
DATA = f"""\
@prefix kgo: <{PREFIXES['kgo']}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<{PREFIXES['kgg']}article/a.txt> {{
  <{KGR}person/ada> a kgo:Person ; skos:prefLabel "Ada\\tL." .
  <{KGR}person/bo> a kgo:Person ; skos:prefLabel "Bo"@fr .
  <{KGR}call/1> a kgo:Call ; kgo:participant <{KGR}person/ada> , <{KGR}person/bo> .
}}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory) -> Iterator[str]:
    """The query URL of a fresh Oxigraph server, stopped after the module."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    folder, port = tmp_path_factory.mktemp("oxigraph"), _free_port()
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen([exe, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/query"
    try:
        _wait_ready(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def _wait_ready(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("the oxigraph server did not start")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "data.trig"
    path.write_text(DATA, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pushed(oxigraph: str, data: Path) -> str:
    from kg.store import open_data
    from kg.store.push import push
    from kg.store.remote import Endpoint

    push(open_data(data), Endpoint(oxigraph, profile="oxigraph"), force=True)
    return oxigraph


def kg(capsys, *args: str) -> tuple[int, str, str]:
    return run_kg("query", *args)


QUERIES = {
    "select": "SELECT ?p ?name WHERE { ?p a kgo:Person ; skos:prefLabel ?name } ORDER BY ?name",
    "ask": "ASK { ?c kgo:participant ?p }",
    "construct": "CONSTRUCT { ?p kgo:spokeWith ?q } WHERE { ?c kgo:participant ?p , ?q FILTER(?p != ?q) }",
    "describe": f"DESCRIBE <{KGR}person/ada>",
}


@pytest.mark.parametrize("form, fmt", [(form, fmt) for form in ("select", "ask") for fmt in ("tsv", "json", "xml")]
                         + [("construct", "ntriples"), ("describe", "ntriples")])
def test_every_form_answers_on_the_endpoint_as_on_the_file(pushed: str, data: Path, capsys, form: str,
                                                           fmt: str) -> None:
    graph_form = form in ("construct", "describe")
    local = kg(capsys, "--data", str(data), "--query", QUERIES[form], "--format", fmt)
    remote = kg(capsys, "--endpoint", pushed, "--profile", "oxigraph", "--query", QUERIES[form], "--format", fmt)
    assert local[0] == remote[0] == 0, (local[2], remote[2])
    if graph_form:  # blank-node-free N-Triples: the same lines, in any order
        assert sorted(remote[1].splitlines()) == sorted(local[1].splitlines()) and remote[1]
    else:
        assert remote[1] == local[1]


def test_no_rows_on_oxigraph_without_its_profile_names_the_profile(pushed: str, capsys) -> None:
    code, out, err = kg(capsys, "people", "--endpoint", pushed)
    assert code == 0 and out == "?person\t?name\t?aliases\t?sources\n"
    assert err.count("\n") == 1 and "named graphs" in err and "Oxigraph/" in err and "--profile oxigraph" in err


def test_no_hint_when_the_profile_is_right(pushed: str, capsys) -> None:
    code, out, err = kg(capsys, "--endpoint", pushed, "--profile", "oxigraph", "--query",
                        "SELECT ?x WHERE { ?x a kgo:Nothing }")
    assert code == 0 and err == ""


def test_push_without_the_profile_says_which_to_give(oxigraph: str, data: Path, capsys) -> None:
    code, _, err = run_kg("push", "--endpoint", oxigraph, "--data", str(data), "--force")
    assert code == 4 and err.count("\n") == 1
    assert "HTTP 400" in err and "Oxigraph/" in err and "give --profile oxigraph" in err
