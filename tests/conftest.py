"""Shared fixtures: the example corpus built once per session (it loads the real French model)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from click.testing import CliRunner

from kg.cli import cli

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
EXAMPLES = ROOT / "examples" / "corpus"
#: Material beside the checkout (seeds, dev set, W3C suites, the scorer); tests that need it skip without it.
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
#: Test data: fixtures, golden cases of extraction and of mapping.
FIXTURES = TESTS / "fixtures"
CASES = TESTS / "cases"
MAPPING_CASES = TESTS / "mapping_cases"
SHAPE_FIXTURES = FIXTURES / "shapes"


@pytest.fixture(scope="session")
def built_examples(tmp_path_factory) -> Path:
    """The example corpus built to a TriG file with the real model."""
    out = tmp_path_factory.mktemp("examples") / "graph.trig"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def extractor():
    """The real pipeline (French model plus kg's components), loaded once for the session."""
    from kg.extract.pipeline import Extractor

    return Extractor()


def text_holdings(extractor, text: str, published) -> set[tuple[str, str]]:
    """(person name, office id) of every holding extracted from one article's text."""
    from kg.corpus import RawArticle

    raw = RawArticle(id="t.txt", path="t.txt", text=text, sha256="", published=published)
    facts = next(extractor.extract([raw]))
    names = {p.key: p.name for p in facts.persons}
    return {(names[h.person], h.office) for h in facts.holdings}


@cache
def blank_pipeline():
    """A blank French pipeline with sentences, kg's lexicon matcher and date spans (built once: the
    matcher takes a while)."""
    import spacy

    import kg.extract.lexmatch  # noqa: F401
    import kg.extract.people  # noqa: F401  (registers Doc._.people, which the rules read)
    import kg.extract.pipeline  # noqa: F401  (registers kg_dates)

    blank = spacy.blank("fr")
    for name in ("sentencizer", "kg_lexicon", "kg_dates"):
        blank.add_pipe(name)
    return blank


def annotate(nlp, doc, ref=None, article_id: str = "t.txt"):
    """``doc`` run through the components of a hand-built pipeline, with its publication date and
    article id set as the Extractor sets them."""
    doc._.ref, doc._.article_id = ref, article_id
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


@contextmanager
def served(server):
    """A socketserver answering on a daemon thread for the duration of the block."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


class Ran(NamedTuple):
    """What ``kg ARGS`` did: its exit code and what it wrote (unpacks and indexes as ``code, out, err``)."""

    code: int
    out: str
    err: str


def run_kg(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Ran:
    """Run ``kg ARGS`` in this process through click's CliRunner; the group maps errors to exit codes, so
    the code is the one the shell sees.  The one CLI harness of the tests (signal and lock tests that need a
    real process use :func:`kg_process`)."""
    result = CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)


def kg_process(*args: str, env: dict[str, str] | None = None, **popen: Any) -> subprocess.Popen:
    """``python -m kg ARGS`` as a real child process (text mode; stdout and stderr piped unless given), for
    the tests that signal it, kill it or hold a lock against it."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", **(env or {})}
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, **popen}
    return subprocess.Popen([sys.executable, "-m", "kg", *args], env=environment, **options)
