"""Each CLI command through click's CliRunner, on the example corpus built once."""

from __future__ import annotations

import json

import pytest
import rdflib
from pyoxigraph import RdfFormat, parse
from rdflib.compare import isomorphic

from tests.conftest import run_kg

pytestmark = pytest.mark.model


@pytest.mark.parametrize("name", ["calls", "holdings", "people", "missiles", "treaties", "chair-at-each-call",
                                  "roles-at-each-call"])
def test_query_json(built_examples, name: str) -> None:
    result = run_kg("query", name, "--data", str(built_examples), "--format", "json")
    assert result.code == 0, result.out
    data = json.loads(result.out)
    assert data["head"]["vars"] and data["results"]["bindings"]


def test_build_summary_and_conformance(tmp_path) -> None:
    from tests.conftest import EXAMPLES

    out = tmp_path / "g.ttl"
    result = run_kg("build", str(EXAMPLES / "01_appel_lecornu_choigou.txt"), "--out", str(out))
    assert result.code == 0, result.out
    assert "1 article:" in result.out and "conforms" in result.out
    assert out.read_text(encoding="utf-8").startswith("@prefix")


def test_query_formats(built_examples) -> None:
    table = run_kg("query", "people", "--data", str(built_examples), "--format", "table")
    tsv = run_kg("query", "people", "--data", str(built_examples), "--format", "tsv")
    csv = run_kg("query", "people", "--data", str(built_examples), "--format", "csv")
    assert table.out.splitlines()[0].split()[:2] == ["person", "name"]
    assert tsv.out.splitlines()[0].startswith("?person\t?name")  # W3C SPARQL TSV
    assert csv.out.splitlines()[0].startswith("person,name")


def test_holder_at_date(built_examples) -> None:
    result = run_kg("query", "holder-at-date", "--data", str(built_examples), "--format", "csv",
                 "--param", "office=US.chief_of_defence", "--param", "date=2022-10-24")
    assert result.code == 0, result.out
    assert "Milley" in result.out


def test_queries_lists_parameters() -> None:
    result = run_kg("queries")
    assert result.code == 0
    assert "chair-at-each-call" in result.out and "--param date=<xsd:date>" in result.out


def test_validate_built_graph_conforms(built_examples) -> None:
    result = run_kg("validate", str(built_examples))
    assert result.code == 0, result.out


@pytest.mark.parametrize("fmt, rdf", [("turtle", RdfFormat.TURTLE), ("ntriples", RdfFormat.N_TRIPLES),
                                      ("application/n-triples", RdfFormat.N_TRIPLES)])
def test_export_parses_back_isomorphic(built_examples, tmp_path, fmt: str, rdf: RdfFormat) -> None:
    out = tmp_path / f"g.{rdf.file_extension}"
    result = run_kg("export", "--data", str(built_examples), "--format", fmt, "-o", str(out))
    assert result.code == 0, result.out
    source = rdflib.Dataset()
    source.parse(built_examples, format="trig")
    union = rdflib.Graph()
    for s, p, o, _g in source.quads((None, None, None, None)):
        union.add((s, p, o))
    exported = rdflib.Graph().parse(out, format="turtle" if rdf == RdfFormat.TURTLE else "nt")
    assert isomorphic(union, exported)
    assert len(list(parse(path=str(out), format=rdf))) == len(union)


def test_exit_codes(tmp_path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b \"open .\n", encoding="utf-8")
    for argv, code in ((["query", "no-such-query", "--data", str(bad)], 3),
                       (["validate", str(bad)], 3),
                       (["export", "--data", str(bad), "--format", "klingon"], 2),
                       (["query", "calls", "--data", str(tmp_path / "missing.trig")], 3),
                       (["build"], 2)):
        ran = run_kg(*argv)
        assert ran.code == code, argv
        if argv[:2] == ["validate", str(bad)]:
            assert "bad.ttl:2:" in ran.err
