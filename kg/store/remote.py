"""Remote SPARQL 1.1 endpoints: stored queries, updates and Graph Store writes, per server profile.

Queries go as form POSTs with an explicit ``Accept: application/sparql-results+json``
(Virtuoso hangs on a direct ``application/sparql-query`` POST and answers XML to
``*/*``); Virtuoso's non-standard ``typed-literal`` bindings are read as literals.
Parameters are bound through a ``VALUES`` block of escaped RDF terms opening the
query's WHERE group (:func:`kg.query.prepare`), never pasted as text.  An endpoint is
a :class:`kg.query.QueryTarget`: it answers with :mod:`kg.results` objects and renders
nothing.  CONSTRUCT and DESCRIBE ask for N-Triples (Turtle accepted).

Writes use the SPARQL 1.1 Graph Store HTTP Protocol where the profile has it
(``PUT`` replaces a graph, ``POST`` adds to it, N-Triples bodies) and SPARQL
Update otherwise (``DROP SILENT GRAPH`` + ``INSERT DATA``).  Every graph is a
named graph.  HTTP, credentials, retries and errors: :mod:`kg.store.http`.

The HTTP layer is urllib rather than SPARQLWrapper: the Graph Store protocol
needs ``PUT`` and ``DELETE``, and SPARQLWrapper turns HTTP statuses into
exception classes that drop the headers (``Retry-After``) needed for retries.
"""

from __future__ import annotations

import http.client
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from typing import IO, TypeVar
from urllib.parse import urlencode, urlsplit

from pyoxigraph import NamedNode, Quad, QueryResultsFormat, QuerySolutions, Triple, parse_query_results

from kg.errors import StoreError, UsageError
from kg.namespaces import KGO
from kg.query import Prepared
from kg.results import Boolean, Graph, Result, Solutions, read
from kg.store import sparql
from kg.store.http import RETRIES, Client, credentials, deadline, max_bytes, redact, timeout
from kg.store.profiles import PROFILES
from kg.store.profiles import profile as find_profile
from kg.store.transport import Deadline

FORM = "application/x-www-form-urlencoded; charset=utf-8"
RESULTS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"
HAS_NAMED_GRAPHS = "ASK { GRAPH ?g { ?s ?p ?o } }"
HAS_DEFAULT_GRAPH = "ASK { ?s ?p ?o }"
PROBE_SECONDS = 10.0  # the most a hint may cost
SPOOL = 2**20  # answers up to 1 MiB stay in memory, larger ones go to a temporary file
T = TypeVar("T")

#: Every article graph with the content hash of its article: what a remote store already holds.
#: Each article graph's version key as a mirror holds it: content hash, then the metadata kg also keys
#: an article version on (publication date, URL, language: :func:`kg.store.facts.article_meta`).
ARTICLE_VERSIONS = (
    f"SELECT ?g ?sha ?published ?url ?lang WHERE {{ GRAPH ?g {{ ?a a <{KGO.Article}> ; <{KGO.sha256}> ?sha "
    f"OPTIONAL {{ ?a <{KGO.published}> ?published }} OPTIONAL {{ ?a <{KGO.url}> ?url }} "
    f"OPTIONAL {{ ?a <{KGO.language}> ?lang }} }} }}")


class Endpoint:
    """One remote SPARQL store, reached through the services its profile names."""

    def __init__(self, url: str, *, profile: str | None = None, retries: int = RETRIES,
                 request_timeout: float | None = None, request_deadline: float | None = None) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            raise UsageError(f"--endpoint wants an http(s) URL, got {redact(url)!r}")
        if "@" in urlsplit(url).netloc:
            raise UsageError(f"{redact(url)}: put credentials in KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD, "
                             "KG_ENDPOINT_TOKEN or ~/.netrc, not in the URL")
        self.url, self.profile = url, find_profile(profile)
        self.query_url, self.update_url, self.gsp_url = self.profile.services(url)
        self.client = Client(url, credentials(url, self.profile.auth), retries=retries,
                             timeout=request_timeout or timeout(), deadline=request_deadline or deadline(),
                             max_bytes=max_bytes())

    def __str__(self) -> str:
        return f"{redact(self.url)} ({self.profile.name})"

    # -- queries

    def select_json(self, text: str) -> bytes:
        """The SPARQL JSON results of a query, as the W3C format says (Virtuoso's ``typed-literal``
        read as ``literal``)."""
        return self._results(text, lambda r: r.serialize(format=QueryResultsFormat.JSON) or b"")

    def select(self, query: Prepared) -> Solutions:
        result = self._answer(query.text, graph=False)
        if not isinstance(result, Solutions):
            raise StoreError(f"{redact(self.query_url)}: a SELECT was answered with a boolean")
        return result

    def ask(self, query: Prepared) -> Boolean:
        return self._ask(query.text)

    def _ask(self, text: str) -> Boolean:
        result = self._answer(text, graph=False)
        if isinstance(result, Solutions) and [v.upper() for v in result.variables] == ["__ASK_RETVAL"]:
            # Virtuoso 7.2: one row holding 1 for true, no row for false
            return Boolean(any(getattr(row[0], "value", "0") not in ("0", "false") for row in result.rows))
        if not isinstance(result, Boolean):
            raise StoreError(f"{redact(self.query_url)}: an ASK was answered with rows")
        return result

    def construct(self, query: Prepared) -> Graph:
        result = self._answer(query.text, graph=True)
        assert isinstance(result, Graph)
        return result

    def empty_hint(self) -> str | None:
        """When the query's default graph is empty but named graphs hold data (the service does not query
        their union): the profile that would (from the ``Server`` header), or what to look for."""
        if self.profile.query_form:
            return None
        try:
            if self._ask(HAS_DEFAULT_GRAPH).value or not self._ask(HAS_NAMED_GRAPHS).value:
                return None  # the query saw the data (Virtuoso, GraphDB: the union), or there is none
        except StoreError:
            return None
        server = self.server_software()
        where = f"{redact(self.url)} keeps its data in named graphs, which this query's default graph does not see"
        if "oxigraph" in server.lower():
            return f"{where}; the server is {server}: give --profile oxigraph (it queries their union)"
        if "fuseki" in server.lower():
            return f"{where}; the server is {server}: give --profile fuseki, with unionDefaultGraph set on the dataset"
        return f"{where}; if the server can query their union, give its --profile (oxigraph, fuseki, ...)"

    def profile_hint(self) -> str:
        """For a request the server refused: the --profile to try (from its ``Server`` header), or a reminder
        that the generic profile sends everything to the URL given ('' when a profile was chosen)."""
        if self.profile.name != "generic":
            return ""
        server = self.server_software()
        known = next((name for name in PROFILES if name != "generic" and name in server.lower()), None)
        if known:
            return f"the server is {server}: give --profile {known}"
        return ("the generic profile sends updates to the URL given; name the kind of server with --profile "
                f"({', '.join(p for p in PROFILES if p != 'generic')})")

    def server_software(self) -> str:
        """The endpoint's ``Server`` header ('' when it sends none or cannot be reached): one GET."""
        probe = f"{self.query_url}{'&' if '?' in self.query_url else '?'}{urlencode({'query': 'ASK {}'})}"
        request = urllib.request.Request(probe, headers={"Accept": RESULTS_JSON, **self.client._auth_header()})
        watch = request.kg_deadline = Deadline(min(self.client.deadline, PROBE_SECONDS))  # type: ignore[attr-defined]
        try:
            with self.client.opener.open(request, timeout=min(self.client.timeout, PROBE_SECONDS)) as response:
                return response.headers.get("Server", "")
        except urllib.error.HTTPError as e:
            return e.headers.get("Server", "") if e.headers else ""
        except (OSError, ValueError, http.client.HTTPException):
            return ""
        finally:
            watch.cancel()

    def _answer(self, text: str, *, graph: bool) -> Result:
        """The answer to a query as :mod:`kg.results` objects: SPARQL JSON results, or for a graph
        N-Triples (Turtle accepted)."""
        form = urlencode([("query", text), *self.profile.query_form]).encode("utf-8")
        accept = GRAPH_ACCEPT if graph else RESULTS_JSON
        with tempfile.SpooledTemporaryFile(max_size=SPOOL) as answer:
            self.client.request("POST", self.query_url, body=form, sink=answer,
                                headers={"Content-Type": FORM, "Accept": accept})
            answer.seek(0)
            try:
                return read(answer, graph=graph)
            except (SyntaxError, ValueError) as e:
                detail = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
                kind = "RDF (N-Triples or Turtle)" if graph else "SPARQL JSON results"
                raise StoreError(f"{redact(self.query_url)}: the answer is not {kind} ({detail})") from None

    def article_versions(self) -> dict[str, tuple[str | None, ...]]:
        """Article graph IRI -> the version key of the article it holds: (sha256, published, url, language)."""
        def value(term) -> str | None:
            return term.value if term is not None else None

        return self._results(ARTICLE_VERSIONS, lambda rows: {
            row["g"].value: tuple(value(row[v]) for v in ("sha", "published", "url", "lang"))
            for row in rows if row["g"] is not None and row["sha"] is not None})

    def _results(self, text: str, use: Callable[[QuerySolutions], T]) -> T:
        """``use`` applied to the results of a query, read as they are parsed from a temporary file
        (the answer is never held in memory whole; pyoxigraph's parser bounds nesting)."""
        form = urlencode([("query", text), *self.profile.query_form]).encode("utf-8")
        with tempfile.SpooledTemporaryFile(max_size=SPOOL) as answer:
            self.client.request("POST", self.query_url, body=form, sink=answer,
                                headers={"Content-Type": FORM, "Accept": RESULTS_JSON})
            answer.seek(0)
            return self._parsed(answer, use)

    def _parsed(self, answer: IO[bytes], use: Callable[[QuerySolutions], T]) -> T:
        try:
            return use(parse_query_results(answer, format=QueryResultsFormat.JSON))  # type: ignore[arg-type]
        except (SyntaxError, ValueError) as e:
            detail = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
            raise StoreError(f"{redact(self.query_url)}: the answer is not SPARQL JSON results ({detail})") from None

    # -- writes

    def update(self, text: str) -> None:
        """Run a SPARQL Update request."""
        form = urlencode({"update": text}).encode("utf-8")
        self.client.request("POST", self.update_url, body=form, headers={"Content-Type": FORM})

    def write_graph(self, graph: NamedNode, triples: Iterable[Triple], *, replace: bool) -> None:
        """Replace (``replace``) or add to the named graph ``graph``: one request."""
        triples = list(triples)
        if self.gsp_url is None:
            insert = sparql.insert_data(Quad(t.subject, t.predicate, t.object, graph) for t in triples)
            text = sparql.join(sparql.drop(graph) if replace else "", insert)
            if text:
                self.update(text)
            return
        body = sparql.triples_text(triples).encode("utf-8") + b"\n"
        self.client.request("PUT" if replace else "POST", self._graph_url(graph), body=body,
                            headers={"Content-Type": NTRIPLES})

    def drop_graph(self, graph: NamedNode) -> None:
        """Delete a named graph (no error when it does not exist)."""
        if self.gsp_url is None:
            self.update(sparql.drop(graph))
        else:
            self.client.request("DELETE", self._graph_url(graph), ok=frozenset({404}))

    def _graph_url(self, graph: NamedNode) -> str:
        assert self.gsp_url is not None
        sep = "&" if "?" in self.gsp_url else "?"
        return f"{self.gsp_url}{sep}{urlencode({self.profile.graph_param: graph.value})}"
