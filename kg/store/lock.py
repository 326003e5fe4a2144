"""One writer or many readers per store: ``fcntl`` locks on ``<store>/kg.lock``.

A build or removal holds an exclusive lock; ``kg query``, ``kg export``, ``kg articles``,
``kg push`` and ``kg validate`` of a store hold a shared one while they read it.  pyoxigraph
documents a read-only open beside a writing process as undefined behaviour (RocksDB may delete
files the reader has not opened yet), so readers and writers exclude each other, and readers
share.  ``flock`` locks belong to the open file and vanish when the process dies, even under
``kill -9``, so a crashed command never leaves a stale lock behind.  While a writer holds the
lock its pid is in the file (and only then: it empties the file as it leaves).  Who holds a
busy lock is read from the kernel's lock table (``/proc/locks``) where there is one, so a
message never names a dead process; elsewhere from the pid in the file, if that process is
alive.  A waiting command gives up after ``timeout`` seconds (``KG_LOCK_TIMEOUT``, default
10) with :class:`StoreLocked` (exit code 4).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import StoreError, short

DEFAULT_TIMEOUT = 10.0
POLL = 0.1
PROC_LOCKS = Path("/proc/locks")


class StoreLocked(StoreError):
    """Another kg process is writing the store (or reading it, when this one wants to write)."""


def lock_timeout() -> float:
    """The wait for a busy store, from ``KG_LOCK_TIMEOUT`` (seconds) or the default."""
    try:
        return max(0.0, float(os.environ.get("KG_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


@contextmanager
def exclusive(path: Path, *, timeout: float | None = None, what: str = "store") -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` for the ``with`` block, waiting up to ``timeout``;
    the file names this process while it holds the lock."""
    release_held(path)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, timeout, fcntl.LOCK_EX, what)
        _write_pid(fd, f"{os.getpid()}\n")
        try:
            yield
        finally:
            _write_pid(fd, "")  # the file names a holder only while there is one
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def shared(path: Path, *, timeout: float | None = None, what: str = "store") -> Iterator[None]:
    """Hold a shared (reader's) lock on ``path`` for the ``with`` block: readers share it, a writer waits for
    them and they for it."""
    fd = _shared_fd(path, timeout, what)
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)


#: Readers' locks this process keeps until it ends (see :func:`hold_shared`), by lock file.
_HELD: dict[str, list[int]] = {}


def hold_shared(path: Path, *, timeout: float | None = None, what: str = "store") -> None:
    """Take a reader's lock on ``path`` for the rest of this process (a command's lifetime: ``kg query``
    reads a store opened by :func:`kg.store.open_read_only`).  A writer of this same process releases it;
    taking it again while it is held costs nothing (no descriptor piles up in a long-lived program)."""
    key = os.path.abspath(path)
    if _HELD.get(key):
        return
    fd = _shared_fd(path, timeout, what)
    if fd is not None:
        _HELD.setdefault(key, []).append(fd)


def release_held(path: Path) -> None:
    """Drop the readers' locks this process holds on ``path`` (it is about to write the store itself)."""
    for fd in _HELD.pop(os.path.abspath(path), []):
        os.close(fd)


def _shared_fd(path: Path, timeout: float | None, what: str) -> int | None:
    """A descriptor of ``path`` holding a shared lock; None when the lock file cannot be made (read-only
    media: no kg process can be writing there either)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
    try:
        _acquire(fd, path, timeout, fcntl.LOCK_SH, what)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _write_pid(fd: int, text: str) -> None:
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode(), 0)
    except OSError:
        pass  # a full disk: the lock holds all the same, only its holder goes unnamed


def _acquire(fd: int, path: Path, timeout: float | None, mode: int, what: str) -> None:
    timeout = lock_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StoreLocked(f"{short(path.parent)}: {what} is {_busy(path, mode)}; waited {timeout:g} s "
                                  "(set KG_LOCK_TIMEOUT to wait longer)") from None
            time.sleep(POLL)


def _busy(path: Path, mode: int) -> str:
    """What keeps the lock: "locked by another kg process (pid N)", or "being read by ..." for readers."""
    holders = lock_holders(path)
    if not holders:  # no kernel lock table, and no live writer named in the file: readers, most likely
        return "in use by another kg process (reading or writing it)"
    if mode == fcntl.LOCK_EX and all(kind == "READ" for _, kind in holders):
        return f"being read by another kg process{_pids(holders)}"
    return f"locked by another kg process{_pids([h for h in holders if h[1] == 'WRITE'] or holders)}"


def _pids(holders: list[tuple[int, str]]) -> str:
    pids = sorted({pid for pid, _ in holders})
    if not pids:
        return ""
    return f" (pid {pids[0]})" if len(pids) == 1 else f" (pids {', '.join(map(str, pids))})"


def lock_holders(path: Path) -> list[tuple[int, str]]:
    """The (pid, "READ" or "WRITE") of every process holding a lock on ``path``: from the kernel's
    table when there is one, else the pid written in the file if that process is alive."""
    try:
        st = path.stat()
    except OSError:
        return []
    table = _kernel_holders(st.st_dev, st.st_ino)
    if table is not None:
        return table
    pid = _pid_in(path)
    return [(pid, "WRITE")] if pid is not None and _alive(pid) else []


def _kernel_holders(dev: int, ino: int) -> list[tuple[int, str]] | None:
    """Holders from ``/proc/locks`` (lines like ``1: FLOCK ADVISORY WRITE 4242 fe:00:123 0 EOF``)."""
    try:
        lines = PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return None
    wanted = f"{os.major(dev):02x}:{os.minor(dev):02x}:{ino}"
    out = []
    for line in lines:
        fields = line.split()
        if "->" in fields:  # a process waiting for the lock, not holding it
            continue
        if len(fields) >= 6 and fields[5] == wanted and fields[4].isdigit():
            out.append((int(fields[4]), fields[3]))
    return out


def _pid_in(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder(path: Path) -> str:
    """" (pid N)" for the process holding the lock file ``path`` (never a dead one), or ""."""
    return _pids(lock_holders(path))
