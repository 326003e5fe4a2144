"""urllib plumbing for endpoint requests: a deadline per request, and no redirects.

A :class:`Deadline` is a timer that shuts the request's socket when the time is up,
which wakes a read blocked in another thread; the connection classes below hand
it their socket once connected (a request carries its deadline as ``kg_deadline``).
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.request
from functools import partial


class Deadline:
    """Shuts a request's socket when its time is up: a per-read timeout cannot stop a server that
    sends one byte just before each read would time out."""

    def __init__(self, seconds: float) -> None:
        self.seconds, self.expired = seconds, False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._sock is not None:
                _shut(self._sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    """Wake a blocked read: the plain socket's shutdown (also under TLS), never a close from this thread."""
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watched:
    """A connection that hands its socket to the request's :class:`Deadline` once connected."""

    def __init__(self, *args, watch: Deadline, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.watch = watch

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.watch.attach(self.sock)  # type: ignore[attr-defined]


class _HTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(partial(_HTTPConnection, watch=req.kg_deadline), req)


class HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(partial(_HTTPSConnection, watch=req.kg_deadline), req, context=self._context)  # type: ignore[attr-defined]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Every 3xx reaches the caller as an HTTP error: kg does not follow redirects."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None
