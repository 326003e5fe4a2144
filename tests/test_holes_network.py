"""Issue 13, network and query holes: SERVICE refusal, redirects, deadlines and size caps, bounded queries.

Every test here talks only to listeners on 127.0.0.1 that it starts itself.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest
from pyoxigraph import Store

from kg.errors import NetworkRefused
from kg.query import refuse_network
from tests.conftest import run_kg

EMPTY_RESULTS = b'{"head": {"vars": []}, "results": {"bindings": [{}]}}'


class Listener(ThreadingHTTPServer):
    """Records every request that reaches it and answers one empty solution."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Recorder)
        self.requests: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"


class _Recorder(BaseHTTPRequestHandler):
    server: Listener

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append(f"{self.command} {unquote(self.path)}")
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(EMPTY_RESULTS)))
        self.end_headers()
        self.wfile.write(EMPTY_RESULTS)

    do_GET = do_POST = _answer

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "data.ttl"
    path.write_text('<http://example.org/s> <http://example.org/name> "Ana" .\n'
                    "<http://example.org/s> <http://example.org/n> 1 .\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ 1. SERVICE refusal

#: Queries that pyoxigraph runs with a request to ``{url}``, each hiding its SERVICE from a reading
#: that is not a real SPARQL tokenizer.
REACHING = {
    "escaped # in a local name": "PREFIX ex: <http://example.org/>\n"
                                 "SELECT ?x WHERE { BIND(ex:a\\# AS ?b) SERVICE <{url}> { ?x ?y ?z } }\n",
    "# in a long string": 'SELECT ?x WHERE { BIND("""a"b # c""" AS ?b) SERVICE <{url}> { ?x ?y ?z } }\n',
    "SERVICE ?var carrying data": (
        "PREFIX ex: <http://example.org/>\nSELECT * WHERE { ?s ex:name ?name\n"
        '  BIND(ex:a\\# AS ?b) BIND(IRI(CONCAT("{url}?n=", ENCODE_FOR_URI(STR(?name)))) AS ?svc) '
        "LATERAL { SERVICE ?svc { ?x ?y ?z } } }\n"),
    "keyword glued to the next": "SELECT * WHERE { SERVICESILENT<{url}>{ ?a ?b ?c } }\n",
    "keyword glued to a literal": "SELECT * WHERE { ?s ?p 1SERVICE<{url}>{ ?a ?b ?c } }\n",
    "keyword glued to a prefix": "PREFIX e: <{url}>\nSELECT * WHERE { SERVICEe:{ ?a ?b ?c } }\n",
    "less-than read as an IRI, then a comment": (
        'SELECT * WHERE { ?s ?p ?o FILTER(!(?o<?o#>"""\n)) SERVICE <{url}> { ?a ?b ?c } #"""\n}\n'),
    "less-than read as an IRI, then a string": (
        "SELECT * WHERE { ?s ?p ?o FILTER(?o<'x>'||true) SERVICE <{url}> { ?a ?b ?c } #'\n}\n"),
    "less-than read as an IRI around the keyword": (
        "PREFIX e: <{url}>\nSELECT * WHERE { ?s ?p ?o FILTER(!(?o<?o))SERVICEe:#>\n{ ?a ?b ?c } }\n"),
}


@pytest.mark.parametrize("name", sorted(REACHING))
def test_hidden_service_is_refused_and_nothing_leaves(name: str, listener: Listener, data: Path,
                                                      tmp_path: Path, capsys) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(REACHING[name].replace("{url}", listener.url), encoding="utf-8")
    code, out, err = run_kg(capsys, "query", str(rq), "--data", str(data), "--format", "csv")
    assert code == 3 and "SERVICE" in err and "--allow-network" in err, err
    assert listener.requests == []
    # the same query, allowed, does reach the listener: the refusal above is what kept it home
    code, out, err = run_kg(capsys, "query", str(rq), "--data", str(data), "--format", "csv", "--allow-network")
    assert code == 0, err
    assert listener.requests


def test_a_service_variable_would_have_carried_the_names(listener: Listener, data: Path, tmp_path: Path,
                                                         capsys) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(REACHING["SERVICE ?var carrying data"].replace("{url}", listener.url), encoding="utf-8")
    run_kg(capsys, "query", str(rq), "--data", str(data), "--allow-network")
    assert any("n=Ana" in r for r in listener.requests)


FINE = [
    "# SERVICE and LOAD in a comment\nSELECT ?s WHERE { ?s ?p ?o }",
    'SELECT ?s WHERE { ?s ?p ?o FILTER(?o != "SERVICE <x>" && ?o != """LOAD\n<y>""") }',
    "SELECT ?s WHERE { ?s <http://example.org/service#p> ?o }",
    "PREFIX svc: <http://example.org/service#>\nSELECT ?service WHERE { ?service svc:load ?o }",
    "PREFIX ex: <http://example.org/>\nSELECT ?s WHERE { ?s ex:serviceLoad ?o FILTER(?o<2 && ?o>=0) }",
    "SELECT * FROM <https://w3id.org/kg-news/graph/merged> WHERE { ?s ?p ?o }",
    "PREFIX g: <https://w3id.org/kg-news/graph/>\nSELECT * FROM NAMED g:merged WHERE { GRAPH ?g { ?s ?p ?o } }",
]


@pytest.mark.parametrize("text", FINE)
def test_keywords_as_names_strings_and_comments_are_not_refused(text: str) -> None:
    refuse_network(text)


@pytest.mark.parametrize("text", [
    "PREFIX f: <file:///etc/>\nSELECT * FROM f:passwd WHERE { ?s ?p ?o }",
    "BASE <file:///etc/>\nSELECT * FROM NAMED <passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_from_a_non_http_iri_is_refused_however_written(text: str) -> None:
    with pytest.raises(NetworkRefused, match="FROM"):
        refuse_network(text)


def test_an_update_says_updates_are_not_allowed(tmp_path: Path, data: Path, capsys) -> None:
    rq = tmp_path / "wipe.rq"
    rq.write_text("PREFIX ex: <http://example.org/>\n# clears a graph\nDELETE WHERE { ?s ex:name ?o }\n",
                  encoding="utf-8")
    code, out, err = run_kg(capsys, "query", str(rq), "--data", str(data))
    assert code == 3 and err.count("\n") == 1
    assert f"{rq}: this is a SPARQL Update (DELETE); updates are not allowed" in err
    assert "CONSTRUCT" not in err


def test_a_syntax_error_points_into_the_query_as_written(tmp_path: Path, data: Path, capsys) -> None:
    """The error comes from the real run (nothing is run twice), placed in the text before binding:
    where pyoxigraph puts it in the query as written."""
    text = "# param: who string  A name.\nSELECT ?s WHERE { ?s ?p ?who } LIMIT x\n"
    with pytest.raises(SyntaxError, match=r"^error at 2:\d+") as parsed:
        Store().query(text)
    rq = tmp_path / "bad.rq"
    rq.write_text(text, encoding="utf-8")
    code, out, err = run_kg(capsys, "query", str(rq), "--data", str(data), "--param", "who=Ana")
    where = str(parsed.value).split()[2].rstrip(":")
    assert code == 3 and err.startswith(f"kg: error: {rq}:{where}: SPARQL syntax error"), err
