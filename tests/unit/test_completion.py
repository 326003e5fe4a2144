"""Shell completion (click's ``_KG_COMPLETE``): commands, and stored-query names for ``kg query NAME``."""

from __future__ import annotations

from click.shell_completion import ShellComplete

from kg.cli import cli
from kg.resources import query_paths
from tests.conftest import run_kg


def completions(*words: str, incomplete: str) -> list[tuple[str, str]]:
    items = ShellComplete(cli, {}, "kg", "_KG_COMPLETE").get_completions(list(words), incomplete)
    return [(item.value, item.type) for item in items]


def test_stored_query_names_are_completed() -> None:
    assert completions("query", incomplete="") == [(name, "plain") for name in query_paths()]
    assert completions("query", incomplete="ho") == [("holder-at-date", "plain"), ("holdings", "plain")]


def test_anything_else_is_completed_as_a_file() -> None:
    assert completions("query", incomplete="my-queries/") == [("my-queries/", "file")]


def test_commands_are_completed() -> None:
    assert ("queries", "plain") in completions(incomplete="qu") and ("query", "plain") in completions(incomplete="qu")


def test_the_bash_protocol_end_to_end() -> None:
    env = {"_KG_COMPLETE": "bash_complete", "COMP_WORDS": "kg query chair", "COMP_CWORD": "2"}
    assert tuple(run_kg(env=env)) == (0, "plain,chair-at-each-call\n", "")
    script = run_kg(env={"_KG_COMPLETE": "bash_source"})
    assert script.code == 0 and "complete -o nosort -F _kg_completion kg" in script.out
