"""What the wheel carries and how kg is started: the data folders mapped into ``kg/_data`` (read there
first by ``kg.resources``), ``python -m kg`` and ``kg -V``.  ``.ci/check-wheel`` installs the real wheel."""

from __future__ import annotations

import runpy
import sys
import tomllib
from importlib.metadata import version

import pytest

from kg import resources
from tests.conftest import ROOT, run_kg


def test_wheel_maps_every_data_folder() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    for kind in ("ontology", "shapes", "queries"):
        package = f"kg._data.{kind}"
        assert package in setuptools["packages"] and setuptools["package-dir"][package] == kind
        suffixes = {pattern.removeprefix("*") for pattern in setuptools["package-data"][package]}
        assert {p.suffix for p in (ROOT / kind).iterdir() if p.is_file()} <= suffixes, kind
    assert "kg.lexicons" in setuptools["packages"]


def test_installed_layout_is_read_first(tmp_path, monkeypatch) -> None:
    for kind, name in (("ontology", "kg.ttl"), ("shapes", "kg-shapes.ttl"), ("queries", "only.rq")):
        (tmp_path / "kg" / "_data" / kind).mkdir(parents=True)
        (tmp_path / "kg" / "_data" / kind / name).write_text("# installed\n", encoding="utf-8")
    monkeypatch.setattr(resources, "_PACKAGE", tmp_path / "kg")
    resources.data_dir.cache_clear()
    try:
        assert resources.ontology_path() == tmp_path / "kg" / "_data" / "ontology" / "kg.ttl"
        assert resources.shapes_path().parent == tmp_path / "kg" / "_data" / "shapes"
        assert list(resources.query_paths()) == ["only"]
    finally:
        monkeypatch.undo()
        resources.data_dir.cache_clear()
    assert resources.ontology_path() == ROOT / "ontology" / "kg.ttl"  # a checkout reads the top-level folders


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str) -> None:
    assert tuple(run_kg(flag)) == (0, f"kg, version {version('kg')}\n", "")


def test_python_dash_m_kg(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["kg", "queries"])
    with pytest.raises(SystemExit) as e:
        runpy.run_module("kg", run_name="__main__")
    assert e.value.code == 0
    assert "chair-at-each-call" in capsys.readouterr().out
