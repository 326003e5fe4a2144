"""kg.validate: loading, the report object and its formats, `against`, and the safety rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.errors import InputError, NetworkRefused, UsageError
from kg.namespaces import KGG, KGO, KGR
from kg.validate import ValidationReport, load_data, validate
from tests.conftest import SHAPE_FIXTURES
from tests.factories import US, VALID, warning_only_graph

EXAMPLE = SHAPE_FIXTURES / "report-example.ttl"
NEW_CALL = SHAPE_FIXTURES / "against-new-call.ttl"


@pytest.fixture(scope="module")
def example() -> ValidationReport:
    return validate(EXAMPLE)


# ----------------------------------------------------------------- loading


def test_load_data_keeps_named_graphs() -> None:
    dataset = load_data([VALID])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert KGG["merged"] in names
    assert KGG["article/journal-2024-12-05-contact-militaire"] in names


def test_validation_runs_on_the_union_of_graphs() -> None:
    """Evidence is in an article graph, the call in the merged graph: still valid together."""
    assert validate(load_data([VALID])).results == ()


@pytest.mark.parametrize("fmt, suffix", [("nt", ".nt"), ("nquads", ".nq"), ("json-ld", ".jsonld"),
                                         ("xml", ".rdf"), ("trig", ".trig")])
def test_formats_by_suffix(tmp_path: Path, fmt: str, suffix: str) -> None:
    path = tmp_path / f"graph{suffix}"
    dataset = load_data([VALID])
    if fmt in ("nt", "xml", "json-ld"):
        graph = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        graph.serialize(path, format=fmt)
    else:
        dataset.serialize(path, format=fmt)
    assert validate(path).conforms


def test_syntax_error_names_file_line_and_column() -> None:
    with pytest.raises(InputError) as caught:
        validate(SHAPE_FIXTURES / "broken.ttl")
    assert (caught.value.line, caught.value.column) == (5, 51)
    assert "broken.ttl:5:51:" in str(caught.value)


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nothing.ttl"):
        validate(tmp_path / "nothing.ttl")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown RDF file suffix"):
        validate(tmp_path / "data.csv")


def test_remote_jsonld_context_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": "https://schema.org/", "@id": "https://x.example/a"}),
                    encoding="utf-8")
    with pytest.raises(NetworkRefused):
        validate(path)


# ----------------------------------------------------------------- report


def test_results_carry_focus_label_and_sentence(example: ValidationReport) -> None:
    call = next(r for r in example.results if r.shape and r.shape.endswith("#Call-participant"))
    assert call.focus == str(KGR["call/brown-c-guerassimov-v-2024-12-10-2c4e6a8b"])
    assert call.focus_label == "Appel Brown – Guerassimov du 10 décembre 2024"
    assert call.path == KGO.participant.n3()
    assert call.component == "sh:MinCountConstraintComponent"
    assert call.severity == "Violation"
    assert call.sentence is not None and call.sentence.startswith("Le général Brown")


def test_counts(example: ValidationReport) -> None:
    assert (example.violations, example.warnings, example.infos) == (5, 1, 0)
    assert not example.conforms


def test_text_matches_golden(example: ValidationReport) -> None:
    expected = (SHAPE_FIXTURES / "report-example.txt").read_text(encoding="utf-8")
    assert example.text() == expected


def test_text_of_a_conforming_graph() -> None:
    assert validate(VALID).text() == ("Conforms: 0 violations, 0 warnings, 0 infos on 0 focus nodes.\n"
                                      "Engine: kg's fast engine (shapes compiled to SPARQL, run by pyoxigraph).\n")


def test_json(example: ValidationReport) -> None:
    data = json.loads(json.dumps(example.to_json()))
    assert (data["conforms"], data["violations"], data["warnings"], data["infos"]) == (False, 5, 1, 0)
    assert len(data["results"]) == 6
    assert set(data["results"][0]) == {"focus", "focus_label", "path", "value", "shape", "component",
                                       "severity", "message", "sentence", "value_problem"}


def test_turtle(example: ValidationReport) -> None:
    text = example.to_turtle()
    assert "@prefix sh: <http://www.w3.org/ns/shacl#> ." in text
    graph = Graph().parse(data=text, format="turtle")
    report = graph.value(predicate=RDF.type, object=SH.ValidationReport)
    assert graph.value(report, SH.conforms) == Literal(False)
    assert len(list(graph.objects(report, SH.result))) == 6


def test_failed_on_warning_only_data() -> None:
    report = validate(warning_only_graph())
    assert [r.focus for r in report.results] == [str(US)]
    assert (report.violations, report.warnings) == (0, 1)
    assert not report.conforms
    assert not report.failed()
    assert not report.failed("violation")
    assert report.failed("warning")


def test_failed_on_violations(example: ValidationReport) -> None:
    assert example.failed() and example.failed("warning")


def test_failed_rejects_unknown_level(example: ValidationReport) -> None:
    with pytest.raises(UsageError):
        example.failed("error")


# ----------------------------------------------------------------- against


def test_new_call_alone_does_not_conform() -> None:
    report = validate(NEW_CALL)
    assert report.failed()
    assert {r.shape.rsplit("#", 1)[-1] for r in report.results if r.shape} == {"Call-participant",
                                                                               "Call-initiator"}


def test_new_call_against_existing_graph_conforms() -> None:
    report = validate(NEW_CALL, against=VALID)
    assert report.conforms, report.text()
    assert report.results == ()


def test_against_reports_only_nodes_of_the_new_data() -> None:
    """Problems of the existing graph are not the new data's: they are left out."""
    report = validate(NEW_CALL, against=[VALID, EXAMPLE])
    assert report.conforms, report.text()
    in_context = validate(EXAMPLE, against=VALID)
    assert in_context.violations == 5
    assert in_context.warnings == 0, "the existing graph knows the ISO code of the United States"


def test_against_still_reports_new_problems() -> None:
    graph = Graph().parse(NEW_CALL, format="turtle")
    call = URIRef(KGR["call/brown-c-guerassimov-v-2024-12-19-7a8b9c0d"])
    graph.remove((call, KGO.source, None))
    report = validate(graph, against=load_data([VALID]))
    assert [(r.focus, r.shape.rsplit("#", 1)[-1]) for r in report.results] == [(str(call), "Call-source")]


# ----------------------------------------------------------------- safety


def test_owl_imports_in_shapes_are_refused() -> None:
    with pytest.raises(NetworkRefused, match="owl:imports"):
        validate(VALID, shapes=SHAPE_FIXTURES / "imports-shapes.ttl")


def test_owl_imports_accepted_with_allow_network_but_not_followed() -> None:
    report = validate(VALID, shapes=SHAPE_FIXTURES / "imports-shapes.ttl", allow_network=True)
    assert report.conforms


def test_shapes_syntax_error_is_an_input_error() -> None:
    with pytest.raises(InputError, match="broken.ttl:5:51"):
        validate(VALID, shapes=SHAPE_FIXTURES / "broken.ttl")


def sparql_shapes(tmp_path: Path, select: str) -> Path:
    shapes = tmp_path / "sparql-shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix kgo: <https://w3id.org/kg-news/ontology#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetClass kgo:Call ;\n"
        f"  sh:sparql [ sh:select \"{select}\" ] .\n",
        encoding="utf-8")
    return shapes


def test_sparql_reaching_out_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NetworkRefused, match="FROM or SERVICE"):
        validate(VALID, shapes=sparql_shapes(tmp_path, "SELECT $this FROM <file:///etc/hostname> WHERE { ?s ?p ?o }"))


@pytest.mark.parametrize("allow_network", [False, True])
def test_service_is_never_allowed(tmp_path: Path, allow_network: bool) -> None:
    """SHACL-SPARQL does not support SERVICE at all (SHACL 5.2.1.1), network or not."""
    shapes = sparql_shapes(tmp_path, "SELECT $this WHERE { SERVICE <https://x.example/sparql> { ?s ?p ?o } }")
    with pytest.raises(InputError, match=r"sparql-shapes.ttl: .* uses SERVICE"):
        validate(VALID, shapes=shapes, allow_network=allow_network)


def test_broken_sparql_is_wrapped(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="SPARQL syntax error"):
        validate(VALID, shapes=sparql_shapes(tmp_path, "SELECT $this WHERE { ?s ?p }"))
