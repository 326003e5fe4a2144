"""Issue 13, network and query holes: SERVICE refusal, redirects, deadlines and size caps, bounded queries.

Every test here talks only to listeners on 127.0.0.1 that it starts itself.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from pyoxigraph import Store

from kg.errors import NetworkRefused
from kg.query import refuse_network
from tests.conftest import kg_process, run_kg, served

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
    with served(Listener()) as server:
        yield server


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
    code, out, err = run_kg("query", str(rq), "--data", str(data), "--format", "csv")
    assert code == 3 and "SERVICE" in err and "--allow-network" in err, err
    assert listener.requests == []
    # the same query, allowed, does reach the listener: the refusal above is what kept it home
    code, out, err = run_kg("query", str(rq), "--data", str(data), "--format", "csv", "--allow-network")
    assert code == 0, err
    assert listener.requests


def test_a_service_variable_would_have_carried_the_names(listener: Listener, data: Path, tmp_path: Path,
                                                         capsys) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(REACHING["SERVICE ?var carrying data"].replace("{url}", listener.url), encoding="utf-8")
    run_kg("query", str(rq), "--data", str(data), "--allow-network")
    assert any("n=Ana" in r for r in listener.requests)


FINE = [
    "# SERVICE and LOAD in a comment\nSELECT ?s WHERE { ?s ?p ?o }",
    'SELECT ?s WHERE { ?s ?p ?o FILTER(?o != "SERVICE <x>" && ?o != """LOAD\n<y>""") }',
    "SELECT ?s WHERE { ?s <http://example.org/service#p> ?o }",
    "PREFIX svc: <http://example.org/service#>\nSELECT ?service WHERE { ?service svc:load ?o }",
    "PREFIX upload: <http://example.org/upload#>\nSELECT ?s WHERE { ?s upload:date ?o }",
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
    code, out, err = run_kg("query", str(rq), "--data", str(data))
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
    code, out, err = run_kg("query", str(rq), "--data", str(data), "--param", "who=Ana")
    where = str(parsed.value).split()[2].rstrip(":")
    assert code == 3 and err.startswith(f"kg: error: {rq}:{where}: SPARQL syntax error"), err


# ------------------------------------------------------------------ 2. redirects


class Scripted(ThreadingHTTPServer):
    """Runs ``respond(handler)`` for every request, after recording it (method, path, headers)."""

    daemon_threads = True

    def __init__(self, respond) -> None:
        super().__init__(("127.0.0.1", 0), _Scripted)
        self.respond, self.seen = respond, []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Scripted(BaseHTTPRequestHandler):
    server: Scripted

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append((self.command, self.path, dict(self.headers)))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.server.respond(self)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def serve() -> Iterator:
    with ExitStack() as stack:
        yield lambda respond: stack.enter_context(served(Scripted(respond)))


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", **headers: str) -> None:
    handler.send_response(status)
    for name, value in {"Content-Length": str(len(body)), **headers}.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture
def credentials(monkeypatch, tmp_path: Path) -> None:
    for name in ("KG_ENDPOINT_TOKEN", "KG_ENDPOINT_AUTH", "KG_ENDPOINT_PROFILE", "KG_ENDPOINT_TIMEOUT",
                 "KG_ENDPOINT_DEADLINE", "KG_ENDPOINT_MAX_BYTES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KG_ENDPOINT_USER", "ana")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "s3cret")
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


@pytest.fixture
def trig(tmp_path: Path) -> Path:
    path = tmp_path / "g.trig"
    path.write_text('<http://example.org/g> { <http://example.org/s> <http://example.org/p> "v" . }\n',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("profile", ["oxigraph", "generic"])
def test_a_redirected_push_fails_and_no_credential_leaves(status: int, profile: str, serve, credentials,
                                                          trig: Path, capsys) -> None:
    other = serve(lambda h: _send(h, 204))
    first = serve(lambda h: _send(h, status, Location=f"{other.base}/elsewhere?key=hidden"))
    code, out, err = run_kg("push", "--endpoint", f"{first.base}/query", "--profile", profile,
                            "--data", str(trig))
    assert code == 4 and out == "" and err.count("\n") == 1
    assert f"HTTP {status} redirect to {other.base}/elsewhere" in err and "hidden" not in err
    assert other.seen == []  # neither the write nor the credentials went to the other host
    assert len(first.seen) == 1 and first.seen[0][0] in ("PUT", "POST")


def test_a_redirected_query_fails_naming_the_location(serve, credentials, capsys) -> None:
    other = serve(lambda h: _send(h, 200, EMPTY_RESULTS))
    first = serve(lambda h: _send(h, 302, Location="/moved/sparql"))
    code, out, err = run_kg("query", "people", "--endpoint", f"{first.base}/sparql")
    assert code == 4 and f"HTTP 302 redirect to {first.base}/moved/sparql" in err
    assert other.seen == [] and len(first.seen) == 1


# ------------------------------------------------------------------ 5. deadlines and size caps


def _drip(handler: BaseHTTPRequestHandler, data: bytes, every: float) -> None:
    for i in range(len(data)):
        handler.wfile.write(data[i:i + 1])
        handler.wfile.flush()
        time.sleep(every)


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_dripping_server_meets_the_deadline(where: str, serve, credentials, monkeypatch, capsys) -> None:
    """Each byte comes well within the read timeout; only the deadline of the whole request stops it."""
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(EMPTY_RESULTS)}\r\n\r\n".encode()

    def respond(h: BaseHTTPRequestHandler) -> None:
        if where == "headers":
            _drip(h, head, 0.2)
        else:
            h.wfile.write(head)
            _drip(h, EMPTY_RESULTS, 0.2)

    server = serve(respond)
    monkeypatch.setenv("KG_ENDPOINT_TIMEOUT", "2")
    monkeypatch.setenv("KG_ENDPOINT_DEADLINE", "1.5")
    started = time.monotonic()
    code, out, err = run_kg("query", "people", "--endpoint", f"{server.base}/sparql")
    assert time.monotonic() - started < 4
    assert code == 4 and "no complete answer within 1.5 s (KG_ENDPOINT_DEADLINE)" in err
    assert len(server.seen) == 1  # a deadline is not retried


def _rows(n: int) -> bytes:
    row = '{"person": {"type": "uri", "value": "http://example.org/p%d"}}'
    body = ",".join(row % i for i in range(n))
    return f'{{"head": {{"vars": ["person"]}}, "results": {{"bindings": [{body}]}}}}'.encode()


@pytest.mark.parametrize("declared", [True, False])
def test_an_oversized_answer_is_refused(declared: bool, serve, credentials, monkeypatch, capsys) -> None:
    big = _rows(500)

    def respond(h: BaseHTTPRequestHandler) -> None:
        if declared:
            _send(h, 200, big)
        else:  # no Content-Length: the answer ends when the connection closes
            h.send_response(200)
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(big)
            h.close_connection = True

    server = serve(respond)
    monkeypatch.setenv("KG_ENDPOINT_MAX_BYTES", "4096")
    code, out, err = run_kg("query", "people", "--endpoint", f"{server.base}/sparql")
    assert code == 4 and out == "" and err.count("\n") == 1
    assert "the answer is larger than 4,096 bytes; refused (KG_ENDPOINT_MAX_BYTES" in err


def test_a_large_answer_streams_to_a_file_not_memory(serve, credentials) -> None:
    import tracemalloc

    from kg.store.http import Client

    big = _rows(200_000)  # about 13 MB
    server = serve(lambda h: _send(h, 200, big))
    client = Client(server.base, None)
    with tempfile.TemporaryFile() as sink:
        tracemalloc.start()
        try:
            assert client.request("POST", f"{server.base}/sparql", body=b"", sink=sink) == b""
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert sink.seek(0, 2) == len(big)
    assert peak < 2_000_000


def test_a_large_answer_is_read_whole(serve, credentials, capsys) -> None:
    server = serve(lambda h: _send(h, 200, _rows(30_000)))
    code, out, err = run_kg("query", "people", "--endpoint", f"{server.base}/sparql", "--format", "csv")
    assert code == 0, err
    assert len(out.splitlines()) == 30_001 and out.splitlines()[-1].startswith("http://example.org/p29999")


def test_deeply_nested_json_from_an_endpoint_is_exit_4(serve, credentials, capsys) -> None:
    nested = b'{"head": {"vars": ["x"]}, "link": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    server = serve(lambda h: _send(h, 200, nested))
    code, out, err = run_kg("query", "people", "--endpoint", f"{server.base}/sparql")
    assert code == 4 and err.count("\n") == 1 and "the answer is not SPARQL JSON results" in err


@pytest.mark.parametrize("name", ["KG_ENDPOINT_DEADLINE", "KG_ENDPOINT_MAX_BYTES", "KG_ENDPOINT_TIMEOUT"])
def test_bad_limits_are_usage_errors(name: str, credentials, monkeypatch, capsys) -> None:
    monkeypatch.setenv(name, "soon")
    code, out, err = run_kg("query", "people", "--endpoint", "http://127.0.0.1:9/sparql")
    assert code == 2 and f"{name}='soon': expected a positive number" in err


# ------------------------------------------------------------------ 6. queries that stop

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }\n"


@pytest.fixture
def endless(tmp_path: Path) -> tuple[Path, Path]:
    """A query that would count 300^5 rows (hours), and its data."""
    data = tmp_path / "many.ttl"
    data.write_text("".join(f"<http://example.org/s{i}> <http://example.org/p> {i} .\n" for i in range(300)),
                    encoding="utf-8")
    rq = tmp_path / "cross.rq"
    rq.write_text(CROSS_JOIN, encoding="utf-8")
    return rq, data


def test_timeout_stops_a_long_query(endless: tuple[Path, Path], capsys) -> None:
    import multiprocessing

    rq, data = endless
    started = time.monotonic()
    code, out, err = run_kg("query", str(rq), "--data", str(data), "--timeout", "1")
    assert time.monotonic() - started < 5
    assert code == 4 and out == "" and err == "kg: error: the query ran longer than 1 s (--timeout); stopped\n"
    assert multiprocessing.active_children() == []  # the query's process is gone


def test_a_query_within_its_timeout_answers(data: Path, tmp_path: Path, capsys) -> None:
    rq = tmp_path / "names.rq"
    rq.write_text("SELECT ?name WHERE { ?s <http://example.org/name> ?name }\n", encoding="utf-8")
    code, out, err = run_kg("query", str(rq), "--data", str(data), "--timeout", "30", "--format", "csv")
    assert code == 0, err
    assert out == "name\nAna\n"


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _gone(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return not status.exists() or "\nState:\tZ" in status.read_text()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the query's process")
def test_ctrl_c_stops_a_running_query_with_130(endless: tuple[Path, Path]) -> None:
    import signal

    rq, data = endless
    # Ctrl-C as at a terminal, though the test runner may have been started with SIGINT ignored (a
    # background job of a non-interactive shell is), which a child would inherit
    proc = kg_process("query", str(rq), "--data", str(data),
                      preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    workers: list[int] = []
    try:
        for _ in range(100):  # until the query runs (in its own process, or after a while)
            workers = _children(proc.pid)
            if workers:
                break
            time.sleep(0.05)
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        started = time.monotonic()
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
        for pid in workers:  # never leave a runaway query behind a failed test
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert time.monotonic() - started < 3
    assert proc.returncode == 130 and "interrupted" in err and out == ""
    assert all(_gone(pid) for pid in workers)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the query's process")
def test_a_query_process_dies_with_its_parent(endless: tuple[Path, Path]) -> None:
    """However the parent dies (SIGKILL here, the OOM killer elsewhere), its query process does not run on."""
    import signal

    rq, data = endless
    proc = kg_process("query", str(rq), "--data", str(data))
    workers: list[int] = []
    try:
        for _ in range(200):
            workers = _children(proc.pid)
            if workers:
                break
            time.sleep(0.05)
        assert workers, "the query process never started"
        time.sleep(0.5)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        for _ in range(100):
            if all(_gone(pid) for pid in workers):
                break
            time.sleep(0.05)
        assert all(_gone(pid) for pid in workers)
    finally:
        proc.kill()
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# ------------------------------------------------------------------ 11. a foreign push onto a kg mirror

KGG = "https://w3id.org/kg-news/graph/"
SHA = "<https://w3id.org/kg-news/ontology#sha256>"


@pytest.mark.parametrize("content, why", [
    (f'<{KGG}merged> {{ <http://example.org/s> <http://example.org/p> "mine" . }}\n'
     '<http://example.org/g> { <http://example.org/s> <http://example.org/p> "x" . }\n',
     "it has no article graph"),
    (f'<{KGG}article/a-1> {{ <http://example.org/s> <http://example.org/p> "x" . }}\n'
     f'<{KGG}merged> {{ <http://example.org/s> <http://example.org/p> "y" . }}\n',
     f"its graph <{KGG}article/a-1> has no kgo:sha256 article mark"),
])
def test_a_foreign_trig_does_not_replace_kg_graphs_without_force(content: str, why: str, serve, credentials,
                                                                  tmp_path: Path, capsys) -> None:
    server = serve(lambda h: _send(h, 204))
    trig = tmp_path / "foreign.trig"
    trig.write_text(content, encoding="utf-8")
    args = ["push", "--endpoint", f"{server.base}/query", "--profile", "oxigraph", "--data", str(trig)]
    code, out, err = run_kg(*args)
    assert code == 2 and err.count("\n") == 1 and server.seen == []
    assert "would replace kg's graph <" in err and why in err and "--force" in err
    code, out, err = run_kg(*args, "--force")
    assert code == 0, err
    assert f"graph={quote(KGG + 'merged', safe='')}" in {path.split("?")[-1] for _, path, _ in server.seen}


def test_graph_option_naming_a_kg_graph_needs_force(serve, credentials, tmp_path: Path, capsys) -> None:
    server = serve(lambda h: _send(h, 204))
    ttl = tmp_path / "mine.ttl"
    ttl.write_text('<http://example.org/s> <http://example.org/p> "v" .\n', encoding="utf-8")
    code, out, err = run_kg("push", "--endpoint", f"{server.base}/query", "--profile", "oxigraph",
                            "--data", str(ttl), "--graph", f"{KGG}merged")
    assert code == 2 and "--graph puts all the data into it" in err and server.seen == []


def test_kg_shaped_data_is_pushed_as_before(serve, credentials, tmp_path: Path, capsys) -> None:
    server = serve(lambda h: _send(h, 204))
    trig = tmp_path / "kg.trig"
    trig.write_text(f'<{KGG}article/a-1> {{ <https://w3id.org/kg-news/id/article/a-1> {SHA} "ab12" . }}\n'
                    f'<{KGG}merged> {{ <http://example.org/s> <http://example.org/p> "y" . }}\n'
                    '<http://example.org/other> { <http://example.org/s> <http://example.org/p> "z" . }\n',
                    encoding="utf-8")
    code, out, err = run_kg("push", "--endpoint", f"{server.base}/query", "--profile", "oxigraph",
                            "--data", str(trig))
    assert code == 0, err
    assert out.startswith("3 graphs, 3 triples pushed") and len(server.seen) == 3
