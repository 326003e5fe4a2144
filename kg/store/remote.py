"""Remote SPARQL 1.1 endpoints through SPARQLWrapper.

Queries go as form POSTs with an explicit ``Accept`` (some servers hang on a
direct ``application/sparql-query`` POST or answer XML to ``*/*``).  Parameters
are bound through a ``VALUES`` block of escaped RDF terms placed at the start of
the query's WHERE group.  Credentials come from the environment
(``KG_ENDPOINT_USER``/``KG_ENDPOINT_PASSWORD`` or ``KG_ENDPOINT_TOKEN``) or
``~/.netrc``, never from the command line.  Every request has connect and read
timeouts; 5xx, 429 and connection errors are retried a bounded number of times.
"""

from __future__ import annotations

import netrc
import os
import time
import urllib.error
from urllib.parse import urlsplit, urlunsplit

from pyoxigraph import QueryResultsFormat, parse_query_results

from kg.errors import StoreError
from kg.query import StoredQuery, bind, render, with_values

RETRIES = 3
TIMEOUT = 30.0


def redact(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class Endpoint:
    """One SPARQL endpoint; ``select`` runs a stored query there."""

    def __init__(self, url: str, *, timeout: float = TIMEOUT, retries: int = RETRIES) -> None:
        self.url, self.timeout, self.retries = url, timeout, retries

    def _wrapper(self):
        from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper

        sparql = SPARQLWrapper(self.url)
        sparql.setMethod(POST)
        sparql.setRequestMethod(URLENCODED)
        sparql.setReturnFormat(JSON)
        sparql.setTimeout(int(self.timeout))
        sparql.addCustomHttpHeader("Accept", "application/sparql-results+json")
        self._credentials(sparql)
        return sparql

    def _credentials(self, sparql) -> None:
        from SPARQLWrapper import BASIC, DIGEST

        token = os.environ.get("KG_ENDPOINT_TOKEN")
        if token:
            sparql.addCustomHttpHeader("Authorization", f"Bearer {token}")
            return
        user, password = os.environ.get("KG_ENDPOINT_USER"), os.environ.get("KG_ENDPOINT_PASSWORD")
        if not user:
            user, password = _from_netrc(self.url)
        if user:
            sparql.setHTTPAuth(DIGEST if os.environ.get("KG_ENDPOINT_AUTH", "").lower() == "digest" else BASIC)
            sparql.setCredentials(user, password or "")

    def select_json(self, text: str) -> bytes:
        sparql = self._wrapper()
        sparql.setQuery(text)
        for attempt in range(self.retries + 1):
            try:
                return sparql.query().response.read()
            except urllib.error.HTTPError as e:
                if e.code in (429, 500, 502, 503, 504) and attempt < self.retries:
                    time.sleep(_retry_after(e, attempt))
                    continue
                raise StoreError(f"{redact(self.url)}: HTTP {e.code} {e.reason}") from None
            except Exception as e:  # noqa: BLE001 - SPARQLWrapper raises many kinds; all mean "endpoint failed"
                if attempt < self.retries and _transient(e):
                    time.sleep(0.5 * 2**attempt)
                    continue
                raise StoreError(f"{redact(self.url)}: {type(e).__name__}: {_reason(e)}") from None
        raise StoreError(f"{redact(self.url)}: no answer after {self.retries + 1} tries")

    def select(self, query: StoredQuery, values: dict[str, str], fmt: str) -> str:
        body = self.select_json(with_values(query.text, bind(query, values)))
        try:
            solutions = parse_query_results(body, format=QueryResultsFormat.JSON)
        except SyntaxError:
            raise StoreError(f"{redact(self.url)}: the answer is not SPARQL JSON results") from None
        return render(solutions, fmt)


def _from_netrc(url: str) -> tuple[str | None, str | None]:
    try:
        auth = netrc.netrc().authenticators(urlsplit(url).hostname or "")
    except (FileNotFoundError, netrc.NetrcParseError, OSError):
        return None, None
    return (auth[0], auth[2]) if auth else (None, None)


def _retry_after(e: urllib.error.HTTPError, attempt: int) -> float:
    value = e.headers.get("Retry-After") if e.headers else None
    if value and value.strip().isdigit():
        return min(float(value), 30.0)
    return 0.5 * 2**attempt


def _transient(e: Exception) -> bool:
    return isinstance(e, urllib.error.URLError | ConnectionError | TimeoutError)


def _reason(e: Exception) -> str:
    return str(getattr(e, "reason", e)).splitlines()[0][:200]
