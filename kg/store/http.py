"""HTTP for SPARQL endpoints: credentials, timeouts, deadlines, size caps, bounded retries, no redirects.

Credentials never come from the command line (they would show in ``ps``):
``KG_ENDPOINT_TOKEN`` (Bearer), else ``KG_ENDPOINT_USER``/``KG_ENDPOINT_PASSWORD``,
else the endpoint host's entry in ``~/.netrc`` (or ``$NETRC``).  User and password
go as Basic or Digest auth, as the endpoint profile says or ``KG_ENDPOINT_AUTH``
(``basic``, ``digest``) overrides.  Every request has a timeout for connecting and
for each read (``KG_ENDPOINT_TIMEOUT`` seconds, default 30) and a deadline for the
whole exchange (``KG_ENDPOINT_DEADLINE``, default 300: a watchdog shuts the socket,
so a server dripping one byte at a time cannot hold kg); an answer larger than
``KG_ENDPOINT_MAX_BYTES`` (default 512 MiB) is refused, and answers are written to
a temporary file as they arrive rather than kept in memory.  429, 5xx and
connection failures are retried ``RETRIES`` times with exponential back-off,
waiting what ``Retry-After`` asks when it is at most ``MAX_WAIT``.

Redirects are never followed: kg only sends POST, PUT and DELETE, which urllib would
turn into a body-less GET (a push that writes nothing and reports success), and a
redirect to another host would carry the credentials there.  A 3xx is an error
naming its ``Location``, so the user can give that URL instead.

Errors are :class:`~kg.errors.StoreError` (exit code 4), one line naming the
endpoint with credentials and query string removed.
"""

from __future__ import annotations

import base64
import email.utils
import http.client
import io
import netrc
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO
from urllib.parse import urljoin, urlsplit, urlunsplit

from kg.errors import KGError, StoreError, UsageError
from kg.store.transport import Deadline, HTTPHandler, HTTPSHandler, NoRedirects

RETRIES = 3
TIMEOUT = 30.0
DEADLINE = 300.0
MAX_BYTES = 512 * 2**20
MAX_WAIT = 30.0
CHUNK = 2**16
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
    """Seconds allowed for connecting and for each read (``KG_ENDPOINT_TIMEOUT`` or 30)."""
    return _setting("KG_ENDPOINT_TIMEOUT", TIMEOUT)


def deadline() -> float:
    """Seconds allowed for a whole request, answer included (``KG_ENDPOINT_DEADLINE`` or 300)."""
    return _setting("KG_ENDPOINT_DEADLINE", DEADLINE)


def max_bytes() -> int:
    """The largest answer kg reads (``KG_ENDPOINT_MAX_BYTES`` or 512 MiB)."""
    return int(_setting("KG_ENDPOINT_MAX_BYTES", MAX_BYTES))


def _setting(name: str, default: float) -> float:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0 or number == float("inf"):
        raise UsageError(f"{name}={value!r}: expected a positive number")
    return number


class Client:
    """Sends requests with credentials, a timeout, a deadline and bounded retries; returns the answer."""

    def __init__(self, url: str, creds: Credentials | None, *, timeout: float = TIMEOUT,
                 retries: int = RETRIES, sleep=time.sleep, deadline: float = DEADLINE,
                 max_bytes: int = MAX_BYTES) -> None:
        self.creds, self.timeout, self.retries, self.sleep = creds, timeout, retries, sleep
        self.deadline, self.max_bytes = deadline, max_bytes
        self.opener = self._opener(url)

    def _opener(self, url: str) -> urllib.request.OpenerDirector:
        """urllib's opener without redirects, with watched connections, and with a Digest handler for
        the endpoint's host when Digest auth is used."""
        handlers: list[urllib.request.BaseHandler] = [NoRedirects(), HTTPHandler(), HTTPSHandler()]
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
                headers: dict[str, str] | None = None, ok: frozenset[int] = frozenset(),
                sink: IO[bytes] | None = None) -> bytes:
        """The answer to a successful request (2xx, or a status in ``ok``), after at most ``retries``
        retries: its body, or b'' when it went to ``sink`` (a binary file, written from its start)."""
        for attempt in range(self.retries + 1):
            wait = self._attempt(method, url, body, headers or {}, ok, sink, attempt)
            if not isinstance(wait, float):
                return wait
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
                 ok: frozenset[int], sink: IO[bytes] | None, attempt: int) -> bytes | float:
        """One try: the answer's body, or the seconds to wait before the next try."""
        request = urllib.request.Request(url, data=body, method=method, headers={**headers, **self._auth_header()})
        watch = request.kg_deadline = Deadline(self.deadline)  # type: ignore[attr-defined]
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                answer = self._read(response, sink, url)
            if watch.expired:  # the watchdog's shutdown reads as the end of an answer without a length
                raise http.client.IncompleteRead(b"")
            return answer
        except KGError:
            raise
        except urllib.error.HTTPError as e:
            if e.code in ok:
                return b""
            if 300 <= e.code < 400:
                raise StoreError(_redirect_message(url, e)) from None
            wait = self._wait(e, attempt)
            if wait is None:
                raise StoreError(_http_message(url, e)) from None
            return wait
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as e:
            if watch.expired:
                raise StoreError(f"{redact(url)}: no complete answer within {self.deadline:g} s "
                                 "(KG_ENDPOINT_DEADLINE)") from None
            if attempt >= self.retries:
                raise StoreError(f"{redact(url)}: {_reason(e)} (after {attempt + 1} tries)") from None
            return backoff(attempt)
        finally:
            watch.cancel()

    def _read(self, response: http.client.HTTPResponse, sink: IO[bytes] | None, url: str) -> bytes:
        """The body, chunk by chunk, into ``sink`` (or memory), refusing more than ``max_bytes``."""
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise StoreError(_too_big(url, self.max_bytes))
        out = sink if sink is not None else io.BytesIO()
        out.seek(0)
        out.truncate()
        total = 0
        while chunk := response.read1(CHUNK):
            total += len(chunk)
            if total > self.max_bytes:
                raise StoreError(_too_big(url, self.max_bytes))
            _write(out, chunk, url)
        if response.length:  # the connection closed before the declared length
            raise http.client.IncompleteRead(b"", response.length)
        return b"" if sink is not None else out.getvalue()  # type: ignore[attr-defined]

    def _wait(self, e: urllib.error.HTTPError, attempt: int) -> float | None:
        """Seconds to wait before retrying this HTTP error, or None to give up."""
        if e.code not in RETRY_STATUS or attempt >= self.retries:
            return None
        asked = retry_after(e.headers.get("Retry-After") if e.headers else None)
        if asked is None:
            return backoff(attempt)
        return asked if asked <= MAX_WAIT else None


def _write(out: IO[bytes], chunk: bytes, url: str) -> None:
    try:
        out.write(chunk)
    except OSError as e:  # a full temporary folder is not the endpoint's fault, and not worth a retry
        raise StoreError(f"{redact(url)}: cannot keep the answer in a temporary file: {e.strerror or e}") from None


def _too_big(url: str, limit: int) -> str:
    return (f"{redact(url)}: the answer is larger than {limit:,} bytes; refused "
            "(KG_ENDPOINT_MAX_BYTES sets the limit)")


def _redirect_message(url: str, e: urllib.error.HTTPError) -> str:
    location = e.headers.get("Location") if e.headers else None
    target = redact(urljoin(url, location)) if location else "no Location"
    return (f"{redact(url)}: HTTP {e.code} redirect to {target}; not followed (a redirect can turn a write "
            "into a read or carry credentials elsewhere): give that URL as --endpoint")


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
