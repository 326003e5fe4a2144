"""The public API of ``kg/__init__.py``: its doctests run here, one test per function (only ``build``'s
loads the spaCy model, on a one-sentence article); importing ``kg`` stays light; the functions that share
a name with a submodule (``kg.build`` and ``kg/build.py``) stay callable once the submodule is imported."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

import kg

EXAMPLES = {name: doctest.DocTestFinder().find(api, f"kg.{name}", globs={})[0] for name, api in kg._API.items()}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.model) if n == "build" else n
                                  for n in sorted(EXAMPLES)])
def test_doctest(name: str) -> None:
    assert EXAMPLES[name].examples, f"kg.{name} shows no example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    runner.run(EXAMPLES[name], out=out.append)
    assert runner.failures == 0, "".join(out)


@pytest.mark.parametrize("name", ["build", "validate", "export"])
def test_api_names_survive_their_submodule(name: str) -> None:
    module = __import__(f"kg.{name}", fromlist=["_"])
    assert getattr(kg, name) is module  # attributes of the submodule (monkeypatch "kg.build.extract") work
    assert callable(module)


def test_submodule_call_runs_the_api(tmp_path) -> None:
    import kg.export  # noqa: F401 - the submodule first, then the function of the same name

    data = tmp_path / "one.nt"
    data.write_text('<https://example.org/a> <https://example.org/b> "c" .\n', encoding="utf-8")
    kg.export(data, "turtle", tmp_path / "one.ttl")
    assert '"c"' in (tmp_path / "one.ttl").read_text(encoding="utf-8")


def test_import_kg_loads_no_heavy_library() -> None:
    code = "import sys, kg; print(sorted(m for m in ('spacy', 'rdflib', 'pyshacl', 'pyoxigraph') if m in sys.modules))"
    listed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert listed.strip() == "[]"
