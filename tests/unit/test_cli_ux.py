"""The command line as a user meets it: inputs checked before any work, progress on stderr, option names."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.progress import Lines
from tests.conftest import run_kg

ARTICLE = ("Le ministre des Armées, Sébastien Lecornu, s'est entretenu le 4 mars 2025 par téléphone avec "
           "son homologue allemand Boris Pistorius.")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def no_reading(monkeypatch) -> None:
    """Reading the corpus fails the test: the options must be refused before it."""
    module = importlib.import_module("kg.build")  # the module, whatever the package exports as kg.build
    monkeypatch.setattr(module, "read_articles", lambda *a, **k: pytest.fail("read the corpus first"))


@pytest.fixture
def shared_model(monkeypatch, extractor) -> None:
    """Builds use the session's pipeline instead of loading the model again."""
    monkeypatch.setattr("kg.extract.pipeline.Extractor", lambda model: extractor)


SUFFIXES = "use .trig or .nq (one graph per article), .ttl, .nt or .jsonld (the merged graph)"


@pytest.mark.parametrize("out, code, error", [
    ("g.xyz", 2, "--out {dir}/g.xyz: unknown suffix '.xyz': " + SUFFIXES),
    ("graph", 2, "--out {dir}/graph: unknown suffix '(none)': " + SUFFIXES),
    ("missing/g.trig", 3, "{dir}/missing: output folder does not exist"),
])
def test_a_bad_out_is_refused_before_reading(tmp_path: Path, article: Path, no_reading, capsys, out: str,
                                             code: int, error: str) -> None:
    assert run_kg("build", str(article), "--out", str(tmp_path / out)) == (
        code, "", f"kg: error: {error.format(dir=tmp_path)}\n")


def test_an_out_that_is_a_folder_is_refused_before_reading(tmp_path: Path, article: Path, no_reading,
                                                           capsys) -> None:
    (tmp_path / "g.trig").mkdir()
    code, _, err = run_kg("build", str(article), "-o", str(tmp_path / "g.trig"))
    assert code == 2 and "g.trig" in err and "is a directory" in err  # click refuses it


def test_a_bad_endpoint_is_refused_before_reading(article: Path, no_reading, capsys) -> None:
    code, _, err = run_kg("build", str(article), "--endpoint", "ftp://example.org/sparql")
    assert code in (2, 4) and err.count("\n") == 1, err


@pytest.mark.parametrize("model, hint", [("no_such_model_xyz", "pip install no-such-model-xyz"),
                                         ("./no/such/folder", "cannot load the spaCy pipeline")])
def test_a_missing_model_is_refused_before_reading(article: Path, no_reading, capsys, model: str,
                                                   hint: str) -> None:
    code, out, err = run_kg("build", str(article), "--model", model, "--out", str(article.parent / "g.trig"))
    assert code == 3 and out == "" and err.count("\n") == 1 and hint in err


def test_an_rdf_file_given_to_build_names_the_commands_meant(tmp_path: Path, capsys) -> None:
    graph = tmp_path / "graph.ttl"
    graph.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", encoding="utf-8")
    code, _, err = run_kg("build", str(graph), "--out", str(tmp_path / "g.trig"))
    assert code == 3 and f"kg validate {graph}" in err and err.count("\n") == 1
    assert not (tmp_path / "g.trig").exists()


@pytest.mark.model
def test_quiet_builds_print_nothing_on_stderr(tmp_path: Path, article: Path, shared_model, monkeypatch) -> None:
    monkeypatch.setattr(Lines, "EVERY", 0.0)
    for target in (["--out", str(tmp_path / "g.trig")], ["--store", str(tmp_path / "store")]):
        result = run("build", str(article), *target, "--quiet")
        assert result.exit_code == 0, result.output
        assert result.stderr == "" and result.stdout.startswith("1 article")


@pytest.mark.model
def test_a_build_off_a_terminal_prints_its_stages(tmp_path: Path, article: Path, shared_model,
                                                  monkeypatch) -> None:
    monkeypatch.setattr(Lines, "EVERY", 0.0)  # no quiet first seconds, a line at every count
    result = run("build", str(article), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0, result.output
    said = [line.removeprefix("kg: ").split()[0].rstrip(":") for line in result.stderr.splitlines()]
    assert said[:3] == ["reading", "reading", "loading"] and "extracting" in said
    assert said.index("extracting") < said.index("stored") < said.index("resolving") < said.index("validating")
    assert said[-1] == "writing" and "kg: extracting: 1/1 article (100%)" in result.stderr
    built = run("build", str(article), "-o", str(tmp_path / "g.nt"), "--no-validate")
    assert [line for line in built.stderr.splitlines() if ":" not in line.removeprefix("kg:")] == [
        "kg: reading", "kg: loading the model", "kg: resolving", "kg: writing"]


def test_old_option_names_still_work_but_are_not_shown(tmp_path: Path, capsys) -> None:
    export_help, articles_help = run("export", "-h").output, run("articles", "-h").output
    assert "-o, --out" in export_help and "--output" not in export_help
    assert "--data" in articles_help and "--store" not in articles_help
    graph = tmp_path / "g.nt"
    graph.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    for name in ("-o", "--out", "--output"):
        target = tmp_path / f"copy{name.strip('-')}.ttl"
        result = run("export", "--data", str(graph), "--format", "turtle", name, str(target))
        assert result.exit_code == 0 and target.exists(), result.output
    for name in ("--data", "--store"):
        code, _, err = run_kg("articles", name, str(tmp_path / "none"))
        assert code == 3 and "none: no such file or store" in err
