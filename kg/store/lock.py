"""One writer per store: an ``fcntl`` lock on ``<store>/lock``.

``flock`` locks belong to the open file and vanish when the process dies, even
under ``kill -9``, so a crashed build never leaves a stale lock behind.  The
holder writes its pid into the file so that the second build can say who holds
the store.  A second writer waits up to ``timeout`` seconds (``KG_LOCK_TIMEOUT``,
default 10) and then fails with :class:`StoreLocked` (exit code 4).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import StoreError

DEFAULT_TIMEOUT = 10.0
POLL = 0.1


class StoreLocked(StoreError):
    """Another kg process is writing the store."""


def lock_timeout() -> float:
    """The wait for a busy store, from ``KG_LOCK_TIMEOUT`` (seconds) or the default."""
    try:
        return max(0.0, float(os.environ.get("KG_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


@contextmanager
def exclusive(path: Path, *, timeout: float | None = None, what: str = "store") -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` for the ``with`` block, waiting up to ``timeout``."""
    timeout = lock_timeout() if timeout is None else timeout
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, timeout, what)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _acquire(fd: int, path: Path, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StoreLocked(f"{path.parent}: {what} is locked by another kg process{holder(path)}; "
                                  f"waited {timeout:g} s (set KG_LOCK_TIMEOUT to wait longer)") from None
            time.sleep(POLL)


def holder(path: Path) -> str:
    """" (pid N)" for the process named in a lock file, or "" when unknown."""
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
