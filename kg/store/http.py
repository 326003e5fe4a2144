"""HTTP for SPARQL endpoints: credentials, timeouts, bounded retries and one-line errors.

Credentials never come from the command line (they would show in ``ps``):
``KG_ENDPOINT_TOKEN`` (Bearer), else ``KG_ENDPOINT_USER``/``KG_ENDPOINT_PASSWORD``,
else the endpoint host's entry in ``~/.netrc`` (or ``$NETRC``).  User and password
go as Basic or Digest auth, as the endpoint profile says or ``KG_ENDPOINT_AUTH``
(``basic``, ``digest``) overrides.  Every request has a timeout
(``KG_ENDPOINT_TIMEOUT`` seconds, default 30, for connecting and for each read);
429, 5xx and connection failures are retried ``RETRIES`` times with exponential
back-off, waiting what ``Retry-After`` asks when it is at most ``MAX_WAIT``.
Errors are :class:`~kg.errors.StoreError` (exit code 4), one line naming the
endpoint with credentials and query string removed.
"""

from __future__ import annotations

import base64
import email.utils
import http.client
import netrc
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from kg.errors import StoreError

RETRIES = 3
TIMEOUT = 30.0
MAX_WAIT = 30.0
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
SCHEMES = ("basic", "digest", "bearer")


def redact(url: str) -> str:
    """The URL without user, password, query string or fragment: safe to print."""
    parts = urlsplit(url)
    netloc = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


@dataclass(frozen=True)
class Credentials:
    scheme: str  # basic, digest or bearer
    user: str = ""
    password: str = ""
    token: str = ""

    def __repr__(self) -> str:  # never print a secret, even in a traceback
        return f"Credentials({self.scheme}, user={self.user!r})"


def credentials(url: str, default_scheme: str = "basic") -> Credentials | None:
    """The credentials for ``url`` from the environment or netrc (None: anonymous)."""
    env = os.environ
    scheme = (env.get("KG_ENDPOINT_AUTH") or default_scheme).lower()
    if scheme not in SCHEMES:
        raise StoreError(f"KG_ENDPOINT_AUTH={scheme!r}: use one of {', '.join(SCHEMES)}")
    if env.get("KG_ENDPOINT_TOKEN"):
        return Credentials("bearer", token=env["KG_ENDPOINT_TOKEN"])
    user, password = env.get("KG_ENDPOINT_USER"), env.get("KG_ENDPOINT_PASSWORD")
    if not user:
        user, password = _from_netrc(url)
    if not user:
        return None
    return Credentials("basic" if scheme == "bearer" else scheme, user, password or "")


def _from_netrc(url: str) -> tuple[str | None, str | None]:
    try:
        auth = netrc.netrc(os.environ.get("NETRC")).authenticators(urlsplit(url).hostname or "")
    except (FileNotFoundError, netrc.NetrcParseError, OSError):
        return None, None
    return (auth[0], auth[2]) if auth else (None, None)


def timeout() -> float:
    """The request timeout in seconds (``KG_ENDPOINT_TIMEOUT`` or 30)."""
    try:
        return float(os.environ.get("KG_ENDPOINT_TIMEOUT") or TIMEOUT)
    except ValueError:
        return TIMEOUT


class Client:
    """Sends requests with credentials, a timeout and bounded retries; returns the response body."""

    def __init__(self, url: str, creds: Credentials | None, *, timeout: float = TIMEOUT,
                 retries: int = RETRIES, sleep=time.sleep) -> None:
        self.creds, self.timeout, self.retries, self.sleep = creds, timeout, retries, sleep
        self.opener = self._opener(url)

    def _opener(self, url: str) -> urllib.request.OpenerDirector:
        """urllib's opener, with a Digest handler for the endpoint's host when Digest auth is used."""
        handlers: list[urllib.request.BaseHandler] = []
        if self.creds is not None and self.creds.scheme == "digest":
            root = "{0.scheme}://{0.netloc}/".format(urlsplit(url))
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, root, self.creds.user, self.creds.password)
            handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
        return urllib.request.build_opener(*handlers)

    def _auth_header(self) -> dict[str, str]:
        c = self.creds
        if c is None or c.scheme == "digest":
            return {}
        if c.scheme == "bearer":
            return {"Authorization": f"Bearer {c.token}"}
        pair = base64.b64encode(f"{c.user}:{c.password}".encode()).decode("ascii")
        return {"Authorization": f"Basic {pair}"}

    def request(self, method: str, url: str, *, body: bytes | None = None,
                headers: dict[str, str] | None = None, ok: frozenset[int] = frozenset()) -> bytes:
        """The body of a successful answer (2xx, or a status in ``ok``), after at most ``retries`` retries."""
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, data=body, method=method,
                                             headers={**(headers or {}), **self._auth_header()})
            try:
                with self.opener.open(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as e:
                if e.code in ok:
                    return b""
                wait = self._wait(e, attempt)
                if wait is None:
                    raise StoreError(_http_message(url, e)) from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
                if attempt >= self.retries:
                    raise StoreError(f"{redact(url)}: {_reason(e)} (after {attempt + 1} tries)") from None
                wait = backoff(attempt)
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, e: urllib.error.HTTPError, attempt: int) -> float | None:
        """Seconds to wait before retrying this HTTP error, or None to give up."""
        if e.code not in RETRY_STATUS or attempt >= self.retries:
            return None
        asked = retry_after(e.headers.get("Retry-After") if e.headers else None)
        if asked is None:
            return backoff(attempt)
        return asked if asked <= MAX_WAIT else None


def backoff(attempt: int) -> float:
    """0.5 s, 1 s, 2 s, ...: the wait before retry ``attempt + 1``."""
    return 0.5 * 2**attempt


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked by a ``Retry-After`` header (delay-seconds or an HTTP date), None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _http_message(url: str, e: urllib.error.HTTPError) -> str:
    hint = ""
    if e.code in (401, 403):
        hint = (" (credentials: KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, KG_ENDPOINT_TOKEN or ~/.netrc; "
                "KG_ENDPOINT_AUTH=digest for Digest auth)")
    elif e.code in RETRY_STATUS:
        asked = retry_after(e.headers.get("Retry-After") if e.headers else None)
        hint = f" (asks to retry after {asked:g} s)" if asked and asked > MAX_WAIT else " (gave up retrying)"
    return f"{redact(url)}: HTTP {e.code} {e.reason}{hint}{_detail(e)}"


def _detail(e: urllib.error.HTTPError) -> str:
    try:
        text = e.read(600).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    line = " ".join(text.split())[:200]
    return f": {line}" if line else ""


def _reason(e: BaseException) -> str:
    reason = getattr(e, "reason", None) or e
    text = str(reason).splitlines()[0][:200] if str(reason) else type(reason).__name__
    return f"cannot reach the endpoint: {text}"
