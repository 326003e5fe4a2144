"""Validating a user's own shapes: each engine answers exactly or hands over, the report says which ran.

The shapes and data here are small cases in kg's domain (calls between ministers), each isolating one
thing the W3C suite found wrong before: a nested ``sh:property`` dropped, a literal focus node, a
severity of the shapes' own, pySHACL's nested ``sh:detail`` results, an ill-typed literal target,
SPARQL that SHACL does not support, and ``$this`` pre-bound by a join where a join cannot bind it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, SH

from kg.errors import InputError, Unsupported
from kg.validate import validate
from kg.validate.fast.sparql import PREFIXES, join_prebinds
from tests.conftest import run_kg

HEAD = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <urn:ex:> .
"""
EX = Namespace("urn:ex:")
KGSH = Namespace("https://w3id.org/kg-news/shapes#")
CALLS = HEAD + """
ex:call1 a ex:Call ; ex:participant ex:minister1 , ex:minister2 .
ex:minister1 rdfs:label "Ministre des Armées"@fr ; ex:office ex:defence .
ex:minister2 ex:office ex:foreign .
"""


def files(tmp_path: Path, shapes: str, data: str = CALLS) -> tuple[Path, Path]:
    (tmp_path / "shapes.ttl").write_text(HEAD + shapes, encoding="utf-8")
    (tmp_path / "data.ttl").write_text(data, encoding="utf-8")
    return tmp_path / "data.ttl", tmp_path / "shapes.ttl"


NESTED = """
ex:CallShape a sh:NodeShape ; sh:targetClass ex:Call ;
    sh:property [ sh:path ex:participant ; sh:property [ sh:path rdfs:label ; sh:minCount 1 ] ] .
"""


def test_a_nested_property_shape_is_never_dropped(tmp_path: Path) -> None:
    data, shapes = files(tmp_path, NESTED)
    report = validate(data, shapes=shapes)
    assert [(r.focus, r.component) for r in report.results] == [(str(EX.minister2), "sh:MinCountConstraintComponent")]
    assert report.engine.name == "pyshacl"
    assert "sh:property nested in the property shape" in report.engine.reason
    with pytest.raises(Unsupported, match="nested in the property shape"):
        validate(data, shapes=shapes, engine="fast")


def test_the_report_names_its_engine_in_every_format(tmp_path: Path, capsys) -> None:
    data, shapes = files(tmp_path, NESTED)
    code, out, _ = run_kg("validate", str(data), "--shapes", str(shapes))
    assert code == 1 and out.splitlines()[-1].startswith("Engine: pySHACL (fallback: sh:property nested")
    code, out, _ = run_kg("validate", str(data), "--shapes", str(shapes), "--format", "json")
    assert json.loads(out)["engine"]["name"] == "pyshacl"
    code, out, _ = run_kg("validate", str(data), "--shapes", str(shapes), "--format", "turtle")
    graph = Graph().parse(data=out, format="turtle")
    report = graph.value(None, RDF.type, SH.ValidationReport)
    assert graph.value(report, KGSH.engine) == Literal("pyshacl")
    assert "nested" in str(graph.value(report, KGSH.engineNote))
    code, out, err = run_kg("validate", str(data), "--shapes", str(shapes), "--engine", "fast")
    assert code == 2 and "the fast engine cannot decide these shapes exactly" in err


def test_the_fast_engine_says_so(tmp_path: Path) -> None:
    data, shapes = files(tmp_path, """
ex:CallShape a sh:NodeShape ; sh:targetClass ex:Call ; rdfs:seeAlso <https://example.org/doc> ;
    sh:property [ sh:path ex:participant ; sh:minCount 2 ] .""")
    report = validate(data, shapes=shapes)
    assert report.conforms and report.engine.name == "fast" and report.engine.reason is None
    assert report.text().endswith("Engine: kg's fast engine (shapes compiled to SPARQL, run by pyoxigraph).\n")


@pytest.mark.parametrize("engine", ["auto", "pyshacl"])
def test_a_severity_of_the_shapes_own(tmp_path: Path, capsys, engine: str) -> None:
    data, shapes = files(tmp_path, """
ex:LabelShape a sh:NodeShape ; sh:targetSubjectsOf ex:office ;
    sh:property [ sh:path rdfs:label ; sh:minCount 1 ; sh:severity ex:Blocking ] .""")
    report = validate(data, shapes=shapes, engine=engine)
    assert [r.severity for r in report.results] == [str(EX.Blocking)]
    assert (report.others, report.violations, report.failed(), report.conforms) == (1, 0, True, False)
    assert "1 of other severities" in report.text()
    code, _, _ = run_kg("validate", str(data), "--shapes", str(shapes), "--engine", engine)
    assert code == 1


@pytest.mark.parametrize("engine", ["auto", "pyshacl"])
def test_a_literal_focus_node(tmp_path: Path, engine: str) -> None:
    data, shapes = files(tmp_path, """
ex:YearShape a sh:NodeShape ; sh:targetNode 2024 , "2024" ; sh:datatype xsd:string .""")
    report = validate(data, shapes=shapes, engine=engine)
    integer = '"2024"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert [(r.focus, r.value) for r in report.results] == [(integer, integer)]
    assert integer.split("^^")[0] in report.text()


def test_an_ill_typed_literal_target_fails_its_datatype(tmp_path: Path) -> None:
    data, shapes = files(tmp_path, """
ex:CountShape a sh:NodeShape ; sh:targetNode "douze"^^xsd:integer , 12 ; sh:datatype xsd:integer .""")
    report = validate(data, shapes=shapes)
    assert [r.focus for r in report.results] == ['"douze"^^<http://www.w3.org/2001/XMLSchema#integer>']
    assert "literal focus node" in report.engine.reason


def test_nested_detail_results_are_not_top_level(tmp_path: Path) -> None:
    """pySHACL nests the results of the shape behind sh:node under sh:detail: one result, not two."""
    data, shapes = files(tmp_path, """
ex:NamedShape a sh:NodeShape ; sh:property [ sh:path rdfs:label ; sh:minCount 1 ] .
ex:ParticipantShape a sh:NodeShape ; sh:targetObjectsOf ex:participant ; sh:node ex:NamedShape .""")
    report = validate(data, shapes=shapes)
    assert [(r.focus, r.component) for r in report.results] == [(str(EX.minister2), "sh:NodeConstraintComponent")]


def test_user_shapes_see_only_the_users_data(tmp_path: Path) -> None:
    """kg's ontology is mixed in for kg's own shapes only: it would add subjects of rdfs:label here."""
    data, shapes = files(tmp_path, """
ex:LabelShape a sh:NodeShape ; sh:targetSubjectsOf rdfs:label ; sh:class ex:Person .""",
                         HEAD + 'ex:minister1 a ex:Person ; rdfs:label "Ministre"@fr .\n')
    assert validate(data, shapes=shapes).conforms


def test_a_property_shape_with_its_own_targets_runs_fast(tmp_path: Path) -> None:
    data, shapes = files(tmp_path, """
ex:ParticipantLabel a sh:PropertyShape ; sh:targetObjectsOf ex:participant ; sh:path rdfs:label ;
    sh:minCount 1 .""")
    report = validate(data, shapes=shapes)
    assert report.engine.name == "fast"
    assert [r.focus for r in report.results] == [str(EX.minister2)]


# ----------------------------------------------------------------- SHACL-SPARQL


def sparql_shapes(tmp_path: Path, select: str) -> tuple[Path, Path]:
    return files(tmp_path, f"""
ex:CallShape a sh:NodeShape ; sh:targetClass ex:Call ;
    sh:sparql [ sh:select \"\"\"PREFIX ex: <urn:ex:>
{select}\"\"\" ] .""")


@pytest.mark.parametrize("select, problem", [
    ("SELECT $this WHERE { $this ex:participant ?p MINUS { ?p ex:office ex:defence } }", "uses MINUS"),
    ("SELECT $this WHERE { VALUES ?o { ex:defence } $this ex:participant/ex:office ?o }", "uses VALUES"),
    ("SELECT $this WHERE { BIND (ex:call1 AS $this) }", "assigns the pre-bound variable $this"),
    ("SELECT $this WHERE { { SELECT ?p WHERE { ?p ex:office ?o } } $this ex:participant ?p }",
     "nested SELECT that does not return $this"),
])
@pytest.mark.parametrize("engine", ["auto", "pyshacl"])
def test_sparql_that_shacl_does_not_support(tmp_path: Path, select: str, problem: str, engine: str) -> None:
    data, shapes = sparql_shapes(tmp_path, select)
    with pytest.raises(InputError, match=rf"shapes.ttl: the SPARQL query of .* {re.escape(problem)}"):
        validate(data, shapes=shapes, engine=engine)


def test_words_inside_strings_and_comments_are_not_keywords(tmp_path: Path) -> None:
    data, shapes = sparql_shapes(tmp_path, '# no MINUS here\nSELECT $this WHERE { $this ex:note "VALUES" }')
    assert validate(data, shapes=shapes).conforms


@pytest.mark.parametrize("select", [
    "SELECT $this WHERE { { FILTER (false) } UNION { FILTER ($this = ex:call1) } }",
    "SELECT $this WHERE { { FILTER ($this = ex:call1) } }",
    "SELECT $this WHERE { { BIND ($this AS ?call) } ?call ex:participant ?p }",
])
def test_this_where_a_join_cannot_bind_it(tmp_path: Path, select: str) -> None:
    """Pre-binding puts the focus node everywhere; a join at the start of WHERE does not reach
    nested groups: such queries are left to pySHACL, which gives the one result."""
    data, shapes = sparql_shapes(tmp_path, select)
    report = validate(data, shapes=shapes)
    assert report.engine.name == "pyshacl" and "a join cannot bind it" in report.engine.reason
    assert [r.focus for r in report.results] == [str(EX.call1)]


FOCUS = "?this <urn:kg:focus> ?kgFocus . "


@pytest.mark.parametrize("where, safe", [
    ("$this ex:participant ?p . FILTER ($this != ?p)", True),
    ("{ $this ex:participant ?v } UNION { $this ex:observer ?v } FILTER (isIRI($this))", True),
    ("$this ex:participant ?p FILTER NOT EXISTS { ?p ex:office ?o FILTER (?o != $this) }", True),
    ("OPTIONAL { $this ex:date ?d FILTER (?d > 3) } BIND ($this AS ?call)", True),
    ("{ FILTER ($this = ex:call1) }", False),
    ("{ ?a ex:b ?c } UNION { BIND ($this AS ?c) }", False),
    ("OPTIONAL { ?x ex:y ?z FILTER (?z = $this) }", True),  # OPTIONAL's filter sees the left side
    ("{ OPTIONAL { ?x ex:y ?z FILTER (?z = $this) } }", False),
])
def test_join_prebinds(where: str, safe: bool) -> None:
    query = f"{PREFIXES}PREFIX ex: <urn:ex:>\nSELECT $this WHERE {{ {FOCUS}{where} }}"
    assert join_prebinds(query) is safe


# ----------------------------------------------------------------- literals the store would rewrite

LITERALS = HEAD + """
ex:call1 ex:duration "douze"^^xsd:integer , "-4"^^xsd:nonNegativeInteger , 40 ; ex:recorded "true"^^xsd:boolean .
"""


@pytest.mark.parametrize("shapes, reason", [
    ("ex:S a sh:NodeShape ; sh:targetObjectsOf ex:duration ; sh:datatype xsd:integer .", "focus nodes (objects of"),
    ("ex:S a sh:NodeShape ; sh:targetNode ex:call1 ; "
     "sh:property [ sh:path [ sh:alternativePath ( ex:duration ex:length ) ] ; sh:datatype xsd:integer ] .",
     "a path of sh:DatatypeConstraintComponent"),
])
def test_rewritten_literals_are_never_judged_in_their_stored_form(tmp_path: Path, shapes: str, reason: str) -> None:
    """The store keeps "-4"^^xsd:nonNegativeInteger as a valid integer: where the fast engine cannot
    see the literal as written (a literal focus node, a longer path), pySHACL decides."""
    data, shapes_file = files(tmp_path, shapes, LITERALS)
    report = validate(data, shapes=shapes_file)
    assert reason in report.engine.reason
    assert sorted(r.value.split("^^")[0] for r in report.results) == ['"-4"', '"douze"']


def test_two_literals_stored_as_one_value(tmp_path: Path) -> None:
    """"1"^^xsd:boolean and "true"^^xsd:boolean are two values of sh:maxCount, one once stored."""
    data, shapes = files(tmp_path, "ex:S a sh:NodeShape ; sh:targetNode ex:call1 ; "
                         "sh:property [ sh:path ex:recorded ; sh:maxCount 1 ] .",
                         LITERALS.replace('"true"^^xsd:boolean .', '"true"^^xsd:boolean , "1"^^xsd:boolean .'))
    report = validate(data, shapes=shapes)
    assert "one value once stored" in report.engine.reason
    assert [r.component for r in report.results] == ["sh:MaxCountConstraintComponent"]


def test_recursive_shapes_are_refused_in_one_line(tmp_path: Path) -> None:
    data, shapes = files(tmp_path, """
ex:S a sh:NodeShape ; sh:targetNode ex:call1 ; sh:node ex:T .
ex:T sh:or ( [ sh:class ex:Call ] ex:T ) .""")
    with pytest.raises(InputError, match=r"shapes.ttl: cannot validate with these shapes: Validation path too deep!$"):
        validate(data, shapes=shapes)
