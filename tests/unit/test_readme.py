"""The README's command line is the real one (issue 11, acceptance): every command and option its command table,
its ``sh`` examples and its inline ``kg ...`` spans name exists in the click group (with the values a choice
option takes), and the examples that can run offline on the example corpus run, in a fresh folder."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest

from kg.cli import cli
from tests.conftest import EXAMPLES, ROOT, run_kg

README = (ROOT / "README.md").read_text(encoding="utf-8")
_OPTION = re.compile(r"(?<![\w/-])(--?[A-Za-z][\w-]*)")


def _command_table() -> list[tuple[str, str]]:
    """(usage, what it does) of each row of the table under "The command line"."""
    section = README.split("## The command line", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(kg [^`]*)` \| (.*) \|$", section, re.M)
    assert len(rows) >= 10, "the command table was not found"
    return [(usage.replace("\\|", "|"), doc.replace("\\|", "|")) for usage, doc in rows]


def _sh_lines() -> list[str]:
    """Every ``kg`` command line of the README's ``sh`` blocks, comments removed, ``.venv/bin/kg`` as ``kg``."""
    lines = []
    for block in re.findall(r"^```sh\n(.*?)^```", README, re.M | re.S):
        for line in block.splitlines():
            for part in re.split(r"\s*&&\s*", line):
                words = shlex.split(part, comments=True) if part.strip() else []
                if words and words[0] in ("kg", ".venv/bin/kg"):
                    lines.append(shlex.join(["kg", *words[1:]]))
    assert len(lines) >= 20, "the sh examples were not found"
    return lines


def _inline_spans() -> list[str]:
    """Every inline code span of the README that is a ``kg`` command (``kg query NAME --data FILE``)."""
    return [s for s in re.findall(r"(?<!`)`(kg [^`\n]+)`(?!`)", README) if not s.startswith("kg/")]


def _command(words: list[str]) -> click.Command:
    ctx = click.Context(cli)
    name = next((w for w in words[1:] if not w.startswith("-")), None)
    command = cli.get_command(ctx, name) if name else None
    assert command is not None, f"no command {name!r} in kg (from {' '.join(words)!r})"
    return command


def _options(command: click.Command) -> dict[str, click.Parameter]:
    found: dict[str, click.Parameter] = {}
    for param in command.get_params(click.Context(command)):
        for name in (*param.opts, *param.secondary_opts):
            if name.startswith("-"):
                found[name] = param
    return found


def _check(text: str, command: click.Command) -> None:
    """Every option ``text`` names is one of ``command``'s; after a choice option, ``a|b|c`` are its choices."""
    options = _options(command)
    for match in _OPTION.finditer(text):
        for name in match.group(1).split("/"):
            assert name in options, f"kg {command.name}: no option {name} (README: {text!r})"
        param = options[match.group(1).split("/")[-1]]
        values = re.match(r"[ =]([a-z0-9-]+(?:\|[a-z0-9-]+)+)(?![\w/])", text[match.end():])
        if values and isinstance(param.type, click.Choice):
            for value in values.group(1).split("|"):
                assert value in param.type.choices, f"kg {command.name} {match.group(1)}: no value {value}"


def test_the_command_table_names_every_command() -> None:
    named = {usage.split()[1] for usage, _ in _command_table()}
    assert named == set(cli.list_commands(click.Context(cli)))


@pytest.mark.parametrize("usage, doc", _command_table(), ids=lambda v: v.split()[1] if v.startswith("kg ") else "")
def test_command_table_row(usage: str, doc: str) -> None:
    command = _command(usage.split())
    _check(usage, command)
    named = {name for match in _OPTION.finditer(usage) for name in match.group(1).split("/")}
    missing = [param.opts for param in command.get_params(click.Context(command))
               if isinstance(param, click.Option) and "--help" not in param.opts
               and not named & {*param.opts, *param.secondary_opts}]
    assert not missing, f"kg {command.name}: the table row does not show {missing}"  # the row is the whole usage
    # options the description names as this command's (`--jobs`, `--format graphml`), not inside other commands
    for span in re.findall(r"`([^`]+)`", doc):
        if span.startswith("-"):
            _check(span, command)


@pytest.mark.parametrize("line", sorted(set(_sh_lines()) | set(_inline_spans())))
def test_every_example_names_real_commands_and_options(line: str) -> None:
    words = line.split()
    if len(words) == 1 or (words[1].startswith("-") and not any(w in cli.list_commands(click.Context(cli))
                                                                  for w in words[1:])):
        _check(line, cli)  # kg -V, kg --help
        return
    command = _command(words)
    _check(line[line.index(command.name or "") + len(command.name or ""):], command)


# ---- the examples run -------------------------------------------------------------------------------------

FACTS = """@prefix kgo: <https://w3id.org/kg-news/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/person/analyst-1> a kgo:Person ; rdfs:label "Analyst's person"@en .
"""
OFFLINE = ("--endpoint", "--cluster", "push")  # need a server or a cluster: tested in test_push, test_cluster


def _runnable(words: list[str], folder: Path) -> bool:
    """Offline, and every input it names (an argument or --data with a path) is there."""
    if any(w in OFFLINE for w in words) or any(w.startswith("/") for w in words):
        return False
    inputs = [w for i, w in enumerate(words[2:], 2) if not w.startswith("-") and words[i - 1] not in (
        "-o", "--out", "--format", "--param", "--query", "--profile", "--fail-on", "--lang", "--store", "--shards")]
    paths = [w for w in inputs if "/" in w or re.search(r"\.(ttl|trig|json|txt|nq|jsonld)$", w)]
    if words[1] == "remove":
        return True  # an article's file name, not a path here
    return all((folder / p).exists() for p in paths)


@pytest.mark.model
def test_the_examples_run_on_the_example_corpus(tmp_path: Path, monkeypatch) -> None:
    """In a fresh folder holding the example corpus (as ``examples/corpus`` and as ``my-articles/``, with its answer
    key) and a file of hand-made facts: each offline ``kg`` line of the README's sh blocks runs, in order, and
    ends with success (0), or for ``kg validate``, a verdict (0 or 1); never a usage (2) or internal (5) error."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    shutil.copytree(EXAMPLES, tmp_path / "my-articles")
    for name in ("my-new-facts.ttl", "new-facts.ttl"):
        (tmp_path / name).write_text(FACTS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ran = []
    for line in _sh_lines():
        words = shlex.split(line)
        if not _runnable(words, tmp_path):
            continue
        code, out, err = run_kg(*words[1:])
        allowed = (0, 1) if words[1] == "validate" else (0,)
        assert code in allowed, f"{line}: exit {code}\n{err}"
        ran.append(words[1])
    assert {"build", "query", "validate", "export", "view", "stats", "eval", "articles", "remove"} <= set(ran), ran
    assert (tmp_path / "graph.trig").is_file() and (tmp_path / "calls.ttl").is_file()
    assert (tmp_path / "kg.html").is_file() and (tmp_path / "kg.graphml").is_file()
    assert os.listdir(tmp_path / "kg-store")  # the store the bare `kg build examples/corpus` fills
