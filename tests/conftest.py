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


def run_kg(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``kg ARGS`` as the console script does: (exit code, stdout, stderr)."""
    from kg.cli import main

    with pytest.raises(SystemExit) as e:
        main(list(args))
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return e.value.code, out, err
