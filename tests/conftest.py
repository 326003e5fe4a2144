"""Shared fixtures: the example corpus built once per session (it loads the real French model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


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


def run_kg(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``kg ARGS`` as the console script does: (exit code, stdout, stderr)."""
    from kg.cli import main

    with pytest.raises(SystemExit) as e:
        main(list(args))
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return e.value.code, out, err
