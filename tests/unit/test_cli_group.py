"""The ``kg`` group maps every error to its documented exit code and one stderr line itself, so click's
own ``CliRunner`` (and any program embedding the group) sees the codes the shell sees."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kg.query
from kg.cli import cli
from kg.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_USAGE, StoreError


def invoke(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


@pytest.mark.parametrize("raised, code, line", [
    (StoreError("kg-store: locked"), 4, "kg: error: kg-store: locked\n"),
    (PermissionError(13, "Permission denied", "/data/x.trig"), EXIT_INPUT, "kg: error: /data/x.trig: "),
    (RuntimeError("a bug"), EXIT_INTERNAL, "kg: internal error: RuntimeError: a bug\n"),
    (KeyboardInterrupt(), 130, "kg: interrupted\n"),
])
def test_errors_become_exit_codes_inside_the_group(monkeypatch, raised, code: int, line: str) -> None:
    def fail():
        raise raised

    monkeypatch.setattr(kg.query, "list_queries", fail)
    result = invoke("queries")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == code and result.stdout == ""
    assert result.stderr.startswith(line) and result.stderr.count("\n") == 1


def test_usage_errors_are_exit_2_with_click_message() -> None:
    result = invoke("query", "people", "--format", "yaml")
    assert result.exit_code == EXIT_USAGE and "Invalid value for '--format'" in result.stderr
    assert invoke("no-such-command").exit_code == EXIT_USAGE


def test_help_is_exit_0() -> None:
    assert invoke("query", "--help").exit_code == 0
    assert invoke("-h").exit_code == 0


def test_kg_debug_lets_a_bug_through(monkeypatch) -> None:
    monkeypatch.setattr(kg.query, "list_queries", lambda: 1 / 0)
    result = invoke("queries", env={"KG_DEBUG": "1"})
    assert isinstance(result.exception, ZeroDivisionError)
