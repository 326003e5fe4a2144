"""Failures of ``kg build`` from the console entry point: a missing model, unwritable or full outputs,
Ctrl-C and ``kill -9``.  Extraction is replaced by a stub where the model is not the subject, so
these tests do not load spaCy."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_kg

ARTICLE = "Le ministre des Armées s'est entretenu mardi avec son homologue allemand."


kg = run_kg  # (exit code, stdout, stderr) of `kg ARGS`


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def no_nlp(monkeypatch) -> None:
    """Extraction finds nothing, without loading the model."""
    monkeypatch.setattr("kg.build.extract", lambda raws, **kwargs: iter(()))


def only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("model", ["does_not_exist", "/nonexistent/model/dir"])
def test_missing_model_is_exit_3_with_a_hint_and_no_download(tmp_path: Path, article: Path, capsys,
                                                            monkeypatch, model: str) -> None:
    import spacy.cli

    monkeypatch.setattr(spacy.cli, "download", lambda *a, **k: pytest.fail("tried to download a model"))
    code, out, err = kg("build", str(article), "--model", model, "--out", str(tmp_path / "g.trig"))
    assert code == 3 and out == ""
    hint = "cannot load" if "/" in model else "pip install"  # a path is not a package to install
    assert err.count("\n") == 1 and model in err and hint in err and "Traceback" not in err
    assert only(tmp_path) == ["a.txt"]


def test_output_folder_missing(tmp_path: Path, article: Path, capsys, no_nlp) -> None:
    code, _, err = kg("build", str(article), "--out", str(tmp_path / "missing" / "g.trig"))
    assert code == 3
    assert err.count("\n") == 1 and "missing: output folder does not exist" in err


def test_output_equal_to_an_input(article: Path, capsys) -> None:
    before = article.read_bytes()
    code, _, err = kg("build", str(article), "--out", str(article))
    assert code == 2 and "one of the inputs" in err
    assert article.read_bytes() == before


@pytest.mark.parametrize("error", [errno.EACCES, errno.ENOSPC])
def test_unwritable_or_full_output_is_exit_3(tmp_path: Path, article: Path, capsys, monkeypatch, no_nlp,
                                             error: int) -> None:
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, err = kg("build", str(article), "--out", str(tmp_path / "g.trig"))
    assert code == 3 and "g.trig" in err


def test_ctrl_c_writes_nothing(tmp_path: Path, article: Path, capsys, monkeypatch) -> None:
    def interrupted(raws, **kwargs):
        raise KeyboardInterrupt
        yield

    out = tmp_path / "g.trig"
    monkeypatch.setattr("kg.build.extract", interrupted)
    code, stdout, err = kg("build", str(article), "--out", str(out))
    assert code == 130 and stdout == ""
    assert "interrupted" in err and "Traceback" not in err
    assert only(tmp_path) == ["a.txt"]


SLOW_WRITE = """
import sys, time
import kg.build, kg.rdfio.write
kg.build.extract = lambda raws, **kwargs: iter(())
def slow(data, f, rdf):
    f.write(b"@prefix partial")
    f.flush()
    print("writing", flush=True)
    time.sleep(60)
kg.rdfio.write.serialize_to = slow
from kg.cli import main
main(sys.argv[1:])
"""


def test_kill_9_during_the_write_keeps_the_previous_output(tmp_path: Path, article: Path) -> None:
    """The output is written to a temporary file and renamed: killed mid-write, the old file is intact."""
    out = tmp_path / "g.trig"
    out.write_text("previous graph\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, "build", str(article), "--out", str(out),
                             "--no-validate"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        line = proc.stdout.readline()
        assert line == b"writing\n", proc.stderr.read()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert out.read_text(encoding="utf-8") == "previous graph\n"
    leftovers = [p for p in tmp_path.iterdir() if p.name not in ("a.txt", "g.trig")]
    assert all(p.name.startswith(".g.trig.") and p.name.endswith(".tmp") for p in leftovers)


def test_the_next_run_after_a_kill_completes(tmp_path: Path, article: Path, capsys, no_nlp) -> None:
    out = tmp_path / "g.trig"
    (tmp_path / ".g.trig.abc123.tmp").write_bytes(b"@prefix partial")  # what a kill -9 leaves
    code, _, err = kg("build", str(article), "--out", str(out), "--no-validate")
    assert code == 0, err
    from pyoxigraph import RdfFormat, parse

    assert list(parse(path=str(out), format=RdfFormat.TRIG)) == []  # a complete (empty) graph
