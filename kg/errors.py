"""One error root for kg, each subclass mapped to a documented exit code.

Exit codes (the same for every command, never overloaded):
0 success or conforms, 1 data does not conform, 2 usage error, 3 input error,
4 store or endpoint error, 5 internal error.
"""

from __future__ import annotations

import errno
import re
import unicodedata

EXIT_OK = 0
EXIT_NONCONFORMING = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_STORE = 4
EXIT_INTERNAL = 5


class KGError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code = EXIT_INTERNAL


class UsageError(KGError, ValueError):
    """The call itself is wrong: an unknown option value, a missing parameter."""

    exit_code = EXIT_USAGE


class InputError(KGError, ValueError):
    """An input file is unreadable or unparsable; the message names file[:line[:column]]."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        self.path, self.line, self.column, self.reason = path, line, column, message
        where = ":".join(str(x) for x in (short(path) if path is not None else None, line, column)
                         if x is not None)
        super().__init__(f"{where}: {message}" if where else message)


class QueryNotFound(InputError, LookupError):
    """No stored query of that name, and no such .rq file."""


class ModelNotFound(KGError, OSError):
    """The spaCy pipeline is not installed; the message says how to install it."""

    exit_code = EXIT_INPUT


class StoreError(KGError, OSError):
    """The embedded store or a remote endpoint failed (locked, unreachable, HTTP error)."""

    exit_code = EXIT_STORE


class NetworkRefused(KGError, PermissionError):
    """Input asked for network access (SERVICE, LOAD, owl:imports, remote @context) without --allow-network."""

    exit_code = EXIT_INPUT


class NonConforming(KGError):
    """The data does not conform to the shapes where that stops the command (``kg build --strict``)."""

    exit_code = EXIT_NONCONFORMING


class Unsupported(KGError, NotImplementedError):
    """The shapes use a SHACL feature kg's fast engine does not decide exactly: pySHACL takes over, unless
    the fast engine was asked for (``--engine fast``), which is then a usage error."""

    exit_code = EXIT_USAGE


#: Paths longer than this are shortened in messages (a path can be as long as the system allows, 4 KiB).
MAX_SHOWN = 160
#: Characters that would break a one-line message or reorder it on screen: C0/C1 controls, line and paragraph
#: separators, format characters (bidi controls, zero-width spaces), and the backslash that escapes them.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
                     r"\ufff9-\ufffb\\]")
_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\"}


def printable(text: str) -> str:
    """``text`` on one line and in its logical order: controls, bidi and other format characters are
    escaped (``\\n``, ``\\t``, ``\\u202e``; a backslash as ``\\\\``), so a file name cannot forge a line of output."""
    if not _UNSAFE.search(text) and text.isprintable():
        return text
    return "".join(_escape(c) for c in text)


def _escape(c: str) -> str:
    if c in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[c]
    if _UNSAFE.match(c) or unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
        return f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
    return c


def short(path: object) -> str:
    """A path as a message shows it: printable, and when very long its start and end with the length between."""
    text = printable(str(path))
    if len(text) <= MAX_SHOWN:
        return text
    return f"{text[:80]}...{text[-60:]} ({len(str(path)):,} characters)"


def shorten_words(text: str) -> str:
    """``text`` with every very long word (a path, typically) shortened as :func:`short` does."""
    return re.sub(rf"\S{{{MAX_SHOWN + 1},}}", lambda m: short(m.group()), text)


#: errno values that mean "no room left" wherever they come from.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def no_space(e: BaseException) -> bool:
    """Whether an error says the disk (or quota, or file size limit) is full; pyoxigraph's errors carry no
    errno, only RocksDB's message."""
    return getattr(e, "errno", None) in NO_SPACE or "No space left on device" in str(e)


def reason(e: OSError) -> str:
    """What went wrong, without the path (which the message names once, shortened)."""
    if e.errno == errno.ENAMETOOLONG:
        return "file name too long for the system"
    if e.strerror:
        return e.strerror
    return str(e)


def input_error(e: OSError, path: object = None) -> InputError:
    """An OS failure on a file the user named (unreadable, unwritable, name too long, disk full) as a
    one-line input error (exit code 3) naming that file, shortened."""
    where = path if path is not None else e.filename
    return InputError(reason(e), path=None if where is None else str(where))


def store_error(e: OSError, folder: object) -> StoreError:
    """An OS failure inside a store folder (disk full, read-only, I/O error) as a store error (exit code 4)."""
    return StoreError(f"{short(folder)}: the store could not be written: {reason(e)}")
