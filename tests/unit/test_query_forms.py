"""kg query as arq and oxigraph users expect it: every form, query from a name, a file, stdin or the command
line, predeclared prefixes, W3C result formats that rdflib's parsers read back, a table that fits and pastes
back, and syntax errors that point at the culprit.  Model-free: a small hand-written graph."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rdflib import Graph as RdfGraph
from rdflib import Literal as RdfLiteral
from rdflib import URIRef
from rdflib.query import Result

from kg.namespaces import PREFIXES
from kg.results import Solutions
from kg.table import fit, sparql_iri, to_table
from tests.conftest import run_kg

KGO, KGR = PREFIXES["kgo"], PREFIXES["kgr"]
DATA = f"""\
@prefix kgo: <{KGO}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{KGR}person/ada-1> a kgo:Person ; skos:prefLabel "Ada\\tLovelace"@en ;
    skos:altLabel "line one\\nline \\"two\\"" .
<{KGR}p2> a kgo:Person ; skos:prefLabel "Brune" ; kgo:published "2024-05-01"^^xsd:date .
<{KGR}c1> a kgo:Call ; kgo:participant <{KGR}person/ada-1> , <{KGR}p2> .
"""
PEOPLE = "SELECT ?p ?name ?alt WHERE { ?p a kgo:Person ; skos:prefLabel ?name OPTIONAL { ?p skos:altLabel ?alt } }"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "data.ttl"
    path.write_text(DATA, encoding="utf-8")
    return path


def reference(data: Path, query: str):
    """rdflib's own answer, with kg's prefixes declared as kg predeclares them."""
    graph = RdfGraph()
    graph.parse(data)
    return graph.query(query, initNs=PREFIXES)


def kg(*args: str, input: str | None = None) -> str:
    code, out, err = run_kg("query", *args, input=input)
    assert code == 0, err
    return out


def as_set(result) -> set[tuple]:
    return {tuple(row) for row in result}


# ------------------------------------------------------------------ result formats read back by rdflib


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "xml"])
def test_select_results_parse_with_rdflib_and_match_its_engine(data: Path, fmt: str) -> None:
    out = kg("--data", str(data), "--query", PEOPLE, "--format", fmt)
    parsed = Result.parse(io.StringIO(out) if fmt != "xml" else io.BytesIO(out.encode()), format=fmt)
    expected = reference(data, PEOPLE)
    assert [str(v) for v in parsed.vars] == ["p", "name", "alt"]
    if fmt == "csv":  # CSV keeps plain values only
        expected = {tuple(None if t is None else str(t) for t in row) for row in expected}
        assert {tuple(None if t is None or str(t) == "" else str(t) for t in row) for row in parsed} == expected
    else:
        assert as_set(parsed) == as_set(expected)


def test_tsv_escapes_tabs_and_newlines_so_each_row_is_one_line(data: Path) -> None:
    out = kg("--data", str(data), "--query", PEOPLE, "--format", "tsv")
    lines = out.splitlines()
    assert lines[0] == "?p\t?name\t?alt" and len(lines) == 3
    assert all(line.count("\t") == 2 for line in lines)
    assert f'<{KGR}person/ada-1>\t"Ada\\tLovelace"@en\t"line one\\nline \\"two\\""' in lines


def test_json_ends_with_a_newline_and_ask_works_in_every_format(data: Path) -> None:
    ask = "ASK { ?c kgo:participant ?p }"
    assert json.loads(kg("--data", str(data), "--query", ask, "--format", "json")) == {
        "head": {}, "boolean": True}
    assert kg("--data", str(data), "--query", ask, "--format", "json").endswith("}\n")
    xml = kg("--data", str(data), "--query", "ASK { ?c kgo:participant kgo:Nobody }", "--format", "xml")
    assert Result.parse(io.BytesIO(xml.encode()), format="xml").askAnswer is False
    for fmt in ("table", "tsv", "csv"):
        assert kg("--data", str(data), "--query", ask, "--format", fmt) == "true\n"


# ------------------------------------------------------------------ CONSTRUCT and DESCRIBE


@pytest.mark.parametrize("args, parse_as", [
    ([], "turtle"), (["--format", "ntriples"], "nt"), (["--format", "jsonld"], "json-ld"),
    (["--format", "rdfxml"], "xml"),
])
def test_construct_writes_the_graph_rdflib_constructs(data: Path, args: list[str], parse_as: str) -> None:
    query = "CONSTRUCT { ?p kgo:spokeWith ?q } WHERE { ?c kgo:participant ?p , ?q FILTER(?p != ?q) }"
    out = kg("--data", str(data), "--query", query, *args)
    got = RdfGraph().parse(data=out, format=parse_as)
    assert set(got) == set(reference(data, query).graph) and len(got) == 2


def test_describe_goes_to_the_file_the_suffix_names(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "ada.nt"
    assert kg("--data", str(data), "--query", f"DESCRIBE <{KGR}person/ada-1>", "-o", str(out)) == ""
    got = RdfGraph().parse(out, format="nt")
    ada = URIRef(f"{KGR}person/ada-1")
    assert set(got) == set(reference(data, f"DESCRIBE <{ada}>").graph)
    assert (ada, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), RdfLiteral("Ada\tLovelace", lang="en")) in got


def test_turtle_output_declares_only_prefixes_whose_names_read_plainly(data: Path) -> None:
    out = kg("--data", str(data), "--query", "CONSTRUCT WHERE { ?p a kgo:Person ; skos:prefLabel ?n }")
    assert "@prefix kgo:" in out and "@prefix skos:" in out
    assert "@prefix sh:" not in out and "\\/" not in out  # kgr:person\/ada-1 would be valid but unreadable


def test_a_graph_form_refuses_a_table_format(data: Path) -> None:
    code, _, err = run_kg("query", "--data", str(data), "--query", "DESCRIBE ?p WHERE { ?p a kgo:Person }",
                          "--format", "csv")
    assert code == 2 and "--format turtle" in err


# ------------------------------------------------------------------ where the query comes from


def test_query_from_a_file_of_any_suffix_from_stdin_and_inline(data: Path, tmp_path: Path,
                                                                monkeypatch) -> None:
    query = "SELECT ?name WHERE { ?p skos:prefLabel ?name } ORDER BY ?name"
    (tmp_path / "names.sparql").write_text(query, encoding="utf-8")
    from_file = kg(str(tmp_path / "names.sparql"), "--data", str(data), "--format", "csv")
    from_stdin = kg("-", "--data", str(data), "--format", "csv", input=query)
    inline = kg("--query", query, "--data", str(data), "--format", "csv")
    assert from_file == from_stdin == inline == "name\nAda\tLovelace\nBrune\n"


def test_no_query_or_two_queries_is_a_usage_error(data: Path) -> None:
    assert run_kg("query", "--data", str(data))[0] == 2
    assert run_kg("query", "people", "--query", "ASK {}", "--data", str(data))[0] == 2


def test_a_declared_prefix_wins_over_kgs(data: Path) -> None:
    mine = "PREFIX kgo: <http://example.org/other#> ASK { ?p a kgo:Person }"
    assert kg("--data", str(data), "--query", mine, "--format", "tsv") == "false\n"
    assert kg("--data", str(data), "--query", "ASK { ?p a kgo:Person }", "--format", "tsv") == "true\n"


# ------------------------------------------------------------------ errors that point somewhere


def test_an_unresolved_prefix_is_named_with_its_line_and_column(data: Path) -> None:
    code, _, err = run_kg("query", "--data", str(data), "--query", "SELECT * WHERE {\n  ?p a foo:Person }")
    assert code == 3 and err.count("\n") == 1
    assert "<--query>:2:8: SPARQL syntax error: unresolved prefixed name foo:Person" in err


def test_an_unexpected_token_is_named_in_the_query_as_written(data: Path, tmp_path: Path) -> None:
    rq = tmp_path / "bad.rq"
    rq.write_text("# a comment\nSELECT ?x WHERE { ?x a kgo:Person }\nLIMIT ten\n", encoding="utf-8")
    code, _, err = run_kg("query", str(rq), "--data", str(data))
    assert code == 3 and err.count("\n") == 1
    assert f"{rq}:3:7: SPARQL syntax error: unexpected 'ten'" in err  # the predeclared prefixes moved nothing


@pytest.mark.parametrize("query, where, message", [
    ("SELCT ?x WHERE { ?x a kgo:Person }", "1:1", "unexpected 'SELCT': a query starts with SELECT, ASK"),
    ("SELECT ?x WHERE {\n  ?x a kgo:Person ", "2:18", "unexpected end of query: the '{' at 1:17 is not closed"),
    ("SELECT ?x WHERE { ?x a kgo:Person FILTER(?x = 1 }", "1:49", "unexpected '}' (the '(' at 1:41 is not closed)"),
    ('SELECT ?x WHERE {\n ?x a "unterminated }', "2:7", "unexpected '\"': an unterminated string"),
])
def test_mistakes_the_tokens_show_are_placed_exactly(data: Path, query: str, where: str,
                                                     message: str) -> None:
    code, _, err = run_kg("query", "--data", str(data), "--query", query)
    assert code == 3 and err.count("\n") == 1
    assert f"<--query>:{where}: SPARQL syntax error: {message}" in err


def test_an_unknown_name_says_neither_stored_nor_a_file(data: Path) -> None:
    code, _, err = run_kg("query", "no-such-thing", "--data", str(data))
    assert code == 3 and "no stored query named 'no-such-thing' and no such file" in err


# ------------------------------------------------------------------ the table


def test_table_iris_paste_back_into_sparql(data: Path) -> None:
    out = kg("--data", str(data), "--query", "SELECT ?p WHERE { ?p a kgo:Person } ORDER BY ?p",
             "--format", "table")
    cells = [line.strip() for line in out.splitlines()[2:4]]
    assert cells == ["kgr:p2", f"<{KGR}person/ada-1>"]  # kgr:person/ada-1 is not valid SPARQL
    for cell in cells:
        assert kg("--data", str(data), "--query", f"ASK {{ {cell} a kgo:Person }}") == "true\n"


@pytest.mark.parametrize("iri, shown", [
    (KGO + "Call", "kgo:Call"),
    (KGR + "person/x", f"<{KGR}person/x>"),
    (KGR + "x.", f"<{KGR}x.>"),
    ("http://example.org/a b", "<http://example.org/a\\u0020b>"),
])
def test_sparql_iri(iri: str, shown: str) -> None:
    assert sparql_iri(iri, PREFIXES) == shown


def test_table_fits_the_width_cutting_long_cells_with_an_ellipsis() -> None:
    from pyoxigraph import Literal

    result = Solutions(("a", "b"), ((Literal("x" * 100), Literal("short")),))
    lines = to_table(result, {}, 40).splitlines()
    assert max(len(line) for line in lines[:-1]) <= 40
    assert lines[2].startswith("x" * 10) and "…" in lines[2] and lines[2].endswith("short")
    assert fit([3, 3], 10) == [3, 3] and sum(fit([50, 50, 50], 60)) == 56


def test_iri_columns_are_cut_last_so_they_still_paste_back() -> None:
    from pyoxigraph import Literal, NamedNode

    result = Solutions(("p", "name"), ((NamedNode(KGR + "p2"), Literal("a rather long name " * 3)),))
    line = to_table(result, PREFIXES, 30).splitlines()[2]
    assert line.startswith("kgr:p2  ") and line.endswith("…")
    assert fit([40, 40], 60, [True, False]) == [40, 18]
    assert fit([40, 40], 40, [True, False]) == [19, 19]  # no room to keep it whole: shared fairly


def test_the_terminal_width_is_used_but_not_for_a_file(data: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    out = kg("--data", str(data), "--query", PEOPLE, "--format", "table")
    assert max(len(line) for line in out.splitlines()) <= 30 and "…" in out
    kg("--data", str(data), "--query", PEOPLE, "-o", str(tmp_path / "people.txt"))
    assert "…" not in (tmp_path / "people.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------ kg queries


def test_queries_lists_each_parameter_with_its_description_and_an_example(capsys) -> None:
    code, out, _ = run_kg("queries")
    assert code == 0
    assert "--param office=<string>  The post" in out and "(e.g. US.chief_of_defence)" in out
    assert "--param date=<xsd:date>  The day, as YYYY-MM-DD. (e.g. 2022-10-24)" in out


def test_a_missing_parameter_shows_an_example(data: Path) -> None:
    code, _, err = run_kg("query", "holder-at-date", "--data", str(data), "--param", "date=2024-01-01")
    assert code == 2 and "needs --param office=VALUE (e.g. --param office=US.chief_of_defence)" in err


def test_a_missing_output_folder_is_refused_before_the_query_runs(data: Path, tmp_path: Path) -> None:
    code, _, err = run_kg("query", "--data", str(data), "--query", "ASK {}", "-o",
                          str(tmp_path / "nowhere" / "r.json"))
    assert code == 3 and "nowhere: no such folder" in err
    code, _, err = run_kg("query", "--data", str(data), "--query", "CONSTRUCT WHERE { ?s ?p ?o }", "-o",
                          str(data))
    assert code == 2 and "-o is the data" in err and "Person" in data.read_text(encoding="utf-8")


def test_local_data_and_endpoints_are_query_targets(data: Path) -> None:
    from kg.query import QueryTarget
    from kg.query_run import LocalData
    from kg.store.remote import Endpoint

    assert isinstance(LocalData(data), QueryTarget)
    assert isinstance(Endpoint("http://127.0.0.1:9/query", profile="oxigraph"), QueryTarget)
