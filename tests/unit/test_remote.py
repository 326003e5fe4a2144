"""The endpoint client against a scripted local HTTP server: requests, auth, retries, timeouts, errors.

No network beyond 127.0.0.1.  Real triplestores are exercised in test_push.py.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from kg.errors import EXIT_STORE, EXIT_USAGE, StoreError, UsageError
from kg.query import load_query, prepare
from kg.results import Solutions
from kg.store.http import Client, Credentials, credentials, redact, retry_after
from kg.store.profiles import PROFILES, profile
from kg.store.remote import Endpoint
from tests.conftest import run_kg, served

RESULTS = {"head": {"vars": ["x", "d"]}, "results": {"bindings": [
    {"x": {"type": "uri", "value": "http://example.org/a"},
     "d": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#date", "value": "2022-10-24"}},
]}}


@dataclass
class Reply:
    status: int = 200
    body: bytes = json.dumps(RESULTS).encode()
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/sparql-results+json"})
    delay: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Scripted(ThreadingHTTPServer):
    """Answers each request with the next scripted reply (the last one repeats) and records it."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.replies: list[Reply] = [Reply()]
        self.seen: list[Seen] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"

    def next_reply(self) -> Reply:
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def handle_error(self, request, client_address) -> None:
        """A client that gave up (a timeout test) breaks the pipe of a late reply: not worth a traceback
        on stderr, where it would land in whichever test runs next."""


class Handler(BaseHTTPRequestHandler):
    server: Scripted

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append(Seen(self.command, self.path, dict(self.headers), body))
        reply = self.server.next_reply()
        time.sleep(reply.delay)
        self.send_response(reply.status)
        for k, v in reply.headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[Scripted]:
    with served(Scripted()) as s:
        yield s


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch, tmp_path: Path) -> None:
    for name in ("KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD", "KG_ENDPOINT_TOKEN", "KG_ENDPOINT_AUTH",
                 "KG_ENDPOINT_PROFILE", "KG_ENDPOINT_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


def endpoint(url: str, **kwargs) -> Endpoint:
    e = Endpoint(url, **kwargs)
    e.client.sleep = lambda _s: None
    return e


# ------------------------------------------------------------------ queries


def test_select_is_a_form_post_asking_for_json(server: Scripted) -> None:
    result = endpoint(server.url).select(prepare(load_query("people")))
    seen = server.seen[0]
    assert seen.method == "POST" and seen.path == "/sparql"
    assert seen.headers["Accept"] == "application/sparql-results+json"
    assert seen.headers["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert "kgo:Person" in parse_qs(seen.body.decode())["query"][0]
    assert isinstance(result, Solutions) and result.variables == ("x", "d")
    assert [[t.value for t in row] for row in result.rows] == [["http://example.org/a", "2022-10-24"]]
    assert result.rows[0][1].datatype.value.endswith("#date")  # Virtuoso's typed-literal read as a literal


def test_parameters_are_bound_as_a_values_block_of_escaped_terms(server: Scripted) -> None:
    query = load_query("holder-at-date")
    endpoint(server.url).select(prepare(query, {"office": 'US.x" } DROP ALL #', "date": "2022-10-24"}))
    sent = parse_qs(server.seen[0].body.decode())["query"][0]
    assert 'VALUES (?office ?date) { ("US.x\\" } DROP ALL #" "2022-10-24"^^<' in sent


VIRTUOSO_ASK = ('{ "head": { "link": [], "vars": ["__ASK_RETVAL"] }, "results": { "distinct": false, '
                '"ordered": true, "bindings": [ %s ] } }')
VIRTUOSO_TRUE = ('{ "__ASK_RETVAL": { "type": "typed-literal", '
                 '"datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "1" }}')


@pytest.mark.parametrize("rows, answer", [(VIRTUOSO_TRUE, True), ("", False)])
def test_virtuoso_answers_ask_with_a_row_read_as_the_boolean(server: Scripted, rows: str, answer: bool) -> None:
    from kg.query import inline_query

    server.replies = [Reply(body=(VIRTUOSO_ASK % rows).encode())]
    assert endpoint(server.url, profile="virtuoso").ask(prepare(inline_query("ASK { ?s ?p ?o }"))).value is answer


def test_an_ask_answered_with_other_rows_is_a_store_error(server: Scripted) -> None:
    from kg.query import inline_query

    with pytest.raises(StoreError, match="an ASK was answered with rows"):
        endpoint(server.url).ask(prepare(inline_query("ASK { ?s ?p ?o }")))


def boolean(value: bool) -> Reply:
    return Reply(body=json.dumps({"head": {}, "boolean": value}).encode())


@pytest.mark.parametrize("default, named, server_name, hint", [
    (True, True, "Virtuoso/07.20", None),  # the default graph sees the data: nothing to explain
    (False, False, "Oxigraph/0.5", None),  # no data at all
    (False, True, "Oxigraph/0.5.13", "the server is Oxigraph/0.5.13: give --profile oxigraph"),
    (False, True, "Apache Jena Fuseki (5.1.0)", "give --profile fuseki, with unionDefaultGraph"),
    (False, True, "", "if the server can query their union, give its --profile"),
])
def test_empty_hint_names_the_profile_only_when_named_graphs_hide_the_data(
        server: Scripted, monkeypatch, default: bool, named: bool, server_name: str, hint: str | None) -> None:
    server.replies = [boolean(default), boolean(named)]
    e = endpoint(server.url)
    monkeypatch.setattr(e, "server_software", lambda: server_name)
    got = e.empty_hint()
    assert got is None if hint is None else hint in got
    assert endpoint(server.url, profile="oxigraph").empty_hint() is None  # it asks for the union already


def test_oxigraph_queries_ask_for_the_union_default_graph(server: Scripted) -> None:
    endpoint(server.url.replace("/sparql", "/query"), profile="oxigraph").select_json("ASK {}")
    form = parse_qs(server.seen[0].body.decode(), keep_blank_values=True)
    assert server.seen[0].path == "/query" and form["union-default-graph"] == [""]


def test_an_answer_that_is_not_sparql_json_is_a_store_error(server: Scripted) -> None:
    server.replies = [Reply(body=b"<html>login</html>", headers={"Content-Type": "text/html"})]
    with pytest.raises(StoreError, match=r"127.0.0.1:\d+/sparql: the answer is not SPARQL JSON results"):
        endpoint(server.url).select_json("SELECT * {}")


# ------------------------------------------------------------------ credentials


def test_basic_auth_from_the_environment(server: Scripted, monkeypatch) -> None:
    monkeypatch.setenv("KG_ENDPOINT_USER", "ana")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret")
    endpoint(server.url).select_json("ASK {}")
    assert server.seen[0].headers["Authorization"] == "Basic YW5hOnMzY3JldA=="


def test_bearer_token_from_the_environment(server: Scripted, monkeypatch) -> None:
    monkeypatch.setenv("KG_ENDPOINT_TOKEN", "tok")
    endpoint(server.url, profile="qlever").select_json("ASK {}")
    assert server.seen[0].headers["Authorization"] == "Bearer tok"


def test_netrc_credentials(server: Scripted, monkeypatch, tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login ana password s3cret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    endpoint(server.url).select_json("ASK {}")
    assert server.seen[0].headers["Authorization"] == "Basic YW5hOnMzY3JldA=="


def test_digest_auth_answers_the_challenge(server: Scripted, monkeypatch) -> None:
    monkeypatch.setenv("KG_ENDPOINT_USER", "dba")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "dba")
    challenge = 'Digest realm="SPARQL", nonce="abc", qop="auth"'
    server.replies = [Reply(401, b"", {"WWW-Authenticate": challenge}), Reply()]
    endpoint(server.url, profile="virtuoso").update("CLEAR GRAPH <http://example.org/g>")
    assert "Authorization" not in server.seen[0].headers
    assert server.seen[1].headers["Authorization"].startswith('Digest username="dba", realm="SPARQL"')
    assert server.seen[1].path == "/sparql-auth"


def test_credentials_in_the_url_are_refused() -> None:
    with pytest.raises(UsageError, match="not in the URL") as info:
        Endpoint("http://ana:s3cret@127.0.0.1:1/sparql")
    assert "s3cret" not in str(info.value)


def test_unknown_auth_scheme_and_profile_are_errors(monkeypatch) -> None:
    monkeypatch.setenv("KG_ENDPOINT_AUTH", "kerberos")
    with pytest.raises(StoreError, match="KG_ENDPOINT_AUTH"):
        credentials("http://127.0.0.1/")
    with pytest.raises(UsageError, match="unknown endpoint profile 'neptune'"):
        profile("neptune")


# ------------------------------------------------------------------ retries and errors


def test_retries_honour_retry_after(server: Scripted) -> None:
    waits: list[float] = []
    server.replies = [Reply(503, b"busy", {"Retry-After": "2"}), Reply(429, b"slow down", {}), Reply()]
    e = endpoint(server.url)
    e.client.sleep = waits.append
    e.select_json("ASK {}")
    assert waits == [2.0, 1.0] and len(server.seen) == 3


def test_gives_up_after_bounded_retries_with_one_line(server: Scripted) -> None:
    server.replies = [Reply(500, b"Virtuoso 37000 Error SP030: SPARQL compiler\nline 2", {})]
    with pytest.raises(StoreError) as info:
        endpoint(server.url + "?key=hidden").select_json("ASK {}")
    message = str(info.value)
    assert len(server.seen) == 4 and info.value.exit_code == EXIT_STORE
    assert message.startswith(f"{server.url}: HTTP 500") and "SP030" in message and "\n" not in message
    assert "hidden" not in message


def test_a_long_retry_after_is_not_waited_for(server: Scripted) -> None:
    server.replies = [Reply(503, b"", {"Retry-After": "120"})]
    with pytest.raises(StoreError, match="asks to retry after 120 s"):
        endpoint(server.url).select_json("ASK {}")
    assert len(server.seen) == 1


def test_401_says_where_credentials_come_from(server: Scripted) -> None:
    server.replies = [Reply(401, b"", {})]
    with pytest.raises(StoreError, match=r"HTTP 401 .*KG_ENDPOINT_USER"):
        endpoint(server.url).select_json("ASK {}")


def test_unreachable_endpoint(server: Scripted) -> None:
    url = server.url
    server.shutdown()
    server.server_close()
    with pytest.raises(StoreError, match=r"cannot reach the endpoint: .* \(after 2 tries\)"):
        endpoint(url, retries=1).select_json("ASK {}")


def test_read_timeout(server: Scripted) -> None:
    server.replies = [Reply(delay=1.0)]
    with pytest.raises(StoreError, match="timed out"):
        endpoint(server.url, retries=0, request_timeout=0.2).select_json("ASK {}")


def test_cli_endpoint_error_is_one_line_with_exit_4(server: Scripted) -> None:
    server.replies = [Reply(404, b"no such dataset", {})]
    code, _, err = run_kg("query", "people", "--endpoint", server.url)
    assert code == EXIT_STORE and err.count("\n") == 1
    assert err.startswith(f"kg: error: {server.url}: HTTP 404 Not Found: no such dataset")


def test_cli_refuses_data_and_endpoint_together(server: Scripted) -> None:
    code, _, err = run_kg("query", "people", "--endpoint", server.url, "--data", "x.trig")
    assert code == EXIT_USAGE and "give --data or --endpoint, not both" in err


def test_retry_after_dates_and_rubbish() -> None:
    from datetime import UTC, datetime

    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after("Wed, 01 Jan 2025 12:00:07 GMT", now) == 7.0
    assert retry_after("soon") is None and retry_after(None) is None and retry_after(" 3 ") == 3.0


def test_redact_drops_userinfo_query_and_fragment() -> None:
    assert redact("https://u:p@host:8890/sparql?token=x#f") == "https://host:8890/sparql"


# ------------------------------------------------------------------ graph store writes


def test_graph_store_put_then_post_with_the_graph_parameter(server: Scripted) -> None:
    from pyoxigraph import Literal, NamedNode, Triple

    e = endpoint(server.url, profile="virtuoso")
    g = NamedNode("http://example.org/g?x=1&y=2")
    t = Triple(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("é\n"))
    e.write_graph(g, [t], replace=True)
    e.write_graph(g, [t], replace=False)
    e.drop_graph(g)
    put, post, delete = server.seen
    assert (put.method, post.method, delete.method) == ("PUT", "POST", "DELETE")
    assert put.path == "/sparql-graph-crud-auth?graph-uri=http%3A%2F%2Fexample.org%2Fg%3Fx%3D1%26y%3D2"
    assert put.headers["Content-Type"] == "application/n-triples"
    assert put.body.decode() == '<http://example.org/s> <http://example.org/p> "é\\n" .\n'


def test_without_graph_store_writes_are_sparql_updates(server: Scripted) -> None:
    from pyoxigraph import Literal, NamedNode, Triple

    e = endpoint(server.url)  # generic: no Graph Store protocol
    t = Triple(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("x"))
    e.write_graph(NamedNode("http://example.org/g"), [t], replace=True)
    update = parse_qs(server.seen[0].body.decode())["update"][0]
    assert update.startswith("DROP SILENT GRAPH <http://example.org/g> ;\nINSERT DATA {")


@pytest.mark.parametrize("name, url, services", [
    ("oxigraph", "http://h:7878/query", ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
    ("oxigraph", "http://h:7878", ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
    ("fuseki", "http://h:3030/ds/sparql", ("http://h:3030/ds/query", "http://h:3030/ds/update",
                                           "http://h:3030/ds/data")),
    ("graphdb", "http://h:7200/repositories/kg", ("http://h:7200/repositories/kg",
                                                  "http://h:7200/repositories/kg/statements",
                                                  "http://h:7200/repositories/kg/rdf-graphs/service")),
    ("virtuoso", "http://h:8890/sparql/", ("http://h:8890/sparql", "http://h:8890/sparql-auth",
                                           "http://h:8890/sparql-graph-crud-auth")),
    ("qlever", "http://h:7001", ("http://h:7001", "http://h:7001", "http://h:7001")),
    ("generic", "http://h/any/path?x=1", ("http://h/any/path?x=1", "http://h/any/path?x=1", None)),
])
def test_profiles_find_their_services(name: str, url: str, services: tuple) -> None:
    assert PROFILES[name].services(url) == services


def test_client_never_prints_secrets() -> None:
    creds = Credentials("basic", "ana", "s3cret")
    assert "s3cret" not in repr(creds) and "s3cret" not in repr(Client("http://h/", creds))
