"""What `kg validate` and `kg build` say: ill-typed literals explained in words, no library traceback on
stderr, and one wording for one result in both commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.validate.lexical import explain
from tests.conftest import SHAPE_FIXTURES, run_kg

XSD = "http://www.w3.org/2001/XMLSchema#"
VALID = SHAPE_FIXTURES / "valid-graph.trig"
US_ISO = ("<https://w3id.org/kg-news/id/country/us-9b7e2c41>", "<https://w3id.org/kg-news/ontology#isoCode>")


def typed(text: str, datatype: str) -> Literal:
    return Literal(text, datatype=URIRef(XSD + datatype), normalize=False)


@pytest.mark.parametrize(("text", "datatype", "expected"), [
    ("2023-02-30", "date", "not a valid xsd:date (day 30 does not exist in February)"),
    ("2023-02-29", "date", "not a valid xsd:date (day 29 does not exist in February 2023, not a leap year)"),
    ("2023-04-31", "date", "not a valid xsd:date (day 31 does not exist in April)"),
    ("2023-13-01", "date", "not a valid xsd:date (month 13 does not exist)"),
    ("2023-00-10", "date", "not a valid xsd:date (month 0 does not exist)"),
    ("2023-01-00", "date", "not a valid xsd:date (day 0 does not exist)"),
    ("le 3 mars", "date", "not a valid xsd:date (expected YYYY-MM-DD, optionally with a time zone)"),
    ("2023-01-05+15:00", "date", "not a valid xsd:date (time zone +15:00 is beyond ±14:00)"),
    ("2023-13", "gYearMonth", "not a valid xsd:gYearMonth (month 13 does not exist)"),
    ("23", "gYear", "not a valid xsd:gYear (expected a year of four digits or more, YYYY)"),
    ("2023-01-05T24:30:00", "dateTime", "not a valid xsd:dateTime (hour 24 is only allowed as 24:00:00)"),
    ("2023-01-05T10:61:00Z", "dateTime", "not a valid xsd:dateTime (minute 61 does not exist)"),
    ("-4", "nonNegativeInteger", "not a valid xsd:nonNegativeInteger (-4 is below the minimum 0)"),
    ("300", "unsignedByte", "not a valid xsd:unsignedByte (300 is above the maximum 255)"),
    ("4.5", "integer", "not a valid xsd:integer (expected an optional sign and digits only)"),
    ("1,5", "decimal", "not a valid xsd:decimal (expected digits with at most one decimal point)"),
    ("oui", "boolean", "not a valid xsd:boolean (expected true, false, 1 or 0)"),
])
def test_an_ill_typed_literal_is_explained(text: str, datatype: str, expected: str) -> None:
    assert explain(typed(text, datatype)) == expected


@pytest.mark.parametrize(("text", "datatype"), [
    ("2024-02-29", "date"), ("2000-02-29", "date"), ("2023-01-05Z", "date"),
    ("2023-01-05T23:59:59.5+02:00", "dateTime"),
    ("2023-01", "gYearMonth"), ("-0044", "gYear"), ("+7", "nonNegativeInteger"), (".5", "decimal"),
    ("INF", "double"), ("1", "boolean"), ("anything", "string"),
])
def test_a_valid_literal_has_no_explanation(text: str, datatype: str) -> None:
    assert explain(typed(text, datatype)) is None


@pytest.fixture
def ill_typed(tmp_path: Path) -> Path:
    """kg's valid example graph with the dates of 27 November 2024 made impossible."""
    text = VALID.read_text(encoding="utf-8")
    assert '"2024-11-27"^^xsd:date' in text
    path = tmp_path / "ill-typed.trig"
    path.write_text(text.replace('"2024-11-27"^^xsd:date', '"2024-02-30"^^xsd:date'), encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["auto", "pyshacl"])
@pytest.mark.parametrize("fmt", ["text", "json", "turtle"])
def test_ill_typed_literals_are_explained_without_a_traceback(ill_typed: Path, capsys, engine: str,
                                                             fmt: str) -> None:
    code, out, err = run_kg("validate", str(ill_typed), "--engine", engine, "--format", fmt)
    assert code == 1 and err == ""
    if fmt == "text":
        assert '"2024-02-30"^^xsd:date: not a valid xsd:date (day 30 does not exist in February)' in out
    if fmt == "json":
        problems = {r["value_problem"] for r in json.loads(out)["results"]}
        assert "not a valid xsd:date (day 30 does not exist in February)" in problems


def test_build_and_validate_word_one_result_alike(tmp_path: Path, capsys, monkeypatch) -> None:
    """A graph with one warning and no violation: SHACL says it does not conform; both commands say so,
    with the same counts (build still succeeds: it fails on violations only)."""
    from pyoxigraph import parse

    from kg.merge import merged_state

    quads = [q for q in parse(path=str(VALID)) if (str(q.subject), str(q.predicate)) != US_ISO]
    (tmp_path / "a.txt").write_text("Un texte.", encoding="utf-8")
    monkeypatch.setattr("kg.build.extract", lambda raws, **kwargs: iter(()))
    monkeypatch.setattr("kg.build.merged_state", lambda facts: (merged_state(facts)[0], quads))
    out = tmp_path / "g.trig"
    code, built, err = run_kg("build", str(tmp_path / "a.txt"), "--out", str(out))
    assert code == 0, err
    assert "does not conform to the shapes: 0 violations, 1 warning, 0 infos" in built
    code, validated, err = run_kg("validate", str(out))
    assert code == 0, err
    assert "Does not conform: 0 violations, 1 warning, 0 infos on 1 focus node." in validated


def test_build_and_validate_word_conformance_alike(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("Un texte.", encoding="utf-8")
    monkeypatch.setattr("kg.build.extract", lambda raws, **kwargs: iter(()))
    out = tmp_path / "g.ttl"
    code, built, err = run_kg("build", str(tmp_path / "a.txt"), "--out", str(out))
    assert code == 0 and "; conforms to the shapes: 0 violations, 0 warnings, 0 infos" in built, err
    code, validated, _ = run_kg("validate", str(out))
    assert code == 0 and "Conforms: 0 violations, 0 warnings, 0 infos" in validated
