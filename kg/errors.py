"""One error root for kg, each subclass mapped to a documented exit code.

Exit codes (the same for every command, never overloaded):
0 success or conforms, 1 data does not conform, 2 usage error, 3 input error,
4 store or endpoint error, 5 internal error.
"""

from __future__ import annotations

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
        self.path, self.line, self.column = path, line, column
        where = ":".join(str(x) for x in (path, line, column) if x is not None)
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
