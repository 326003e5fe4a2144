"""Facts an analyst adds by hand: a kgo:AnalystAssertion (who asserted it, when) as their evidence.

The fixture ``tests/fixtures/analyst/analyst-facts.ttl`` refers to people and offices of the example
corpus's graph; it conforms against that graph on both engines, stops conforming when an assertion loses
its author or its date or a fact its evidence (with a message naming what is missing), and its facts
come back from the stored queries like extracted ones.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.namespaces import KGO
from kg.validate import ValidationReport, load_data, validate
from tests.conftest import EXAMPLES, FIXTURES, ROOT, run_kg

FIXTURE = FIXTURES / "analyst" / "analyst-facts.ttl"
PROV = "http://www.w3.org/ns/prov#"
ATTRIBUTED, GENERATED = URIRef(PROV + "wasAttributedTo"), URIRef(PROV + "generatedAtTime")
AN = "https://example.org/analyst/"
CALL, TERM, PERSON = URIRef(AN + "call-milley-gerasimov-2022-05-19"), URIRef(AN + "term-syrsky-ua-chief"), \
    URIRef(AN + "person-syrsky")
CALL_ASSERTION, TERM_ASSERTION = URIRef(AN + "assertion-call-0519"), URIRef(AN + "assertion-syrsky")
ENGINES = ["fast", "pyshacl"]


def facts() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def outcome(report: ValidationReport) -> set[tuple[str, str, str]]:
    """What a verdict is made of, engine aside: (focus, shape, component) of every result."""
    return {(r.focus, (r.shape or "").rsplit("#", 1)[-1], r.component) for r in report.results}


@pytest.fixture(scope="module")
def context(built_examples: Path):
    """The example graph, read once; the fixture only refers to IRIs that are in it."""
    data = load_data([built_examples])
    subjects = {str(s) for s, _p, _o, _g in data.quads((None, None, None, None))}
    refs = {str(o) for o in facts().objects() if str(o).startswith("https://w3id.org/kg-news/id/")}
    assert refs and refs <= subjects, f"the fixture refers to IRIs the example graph lacks: {refs - subjects}"
    return data


# ----------------------------------------------------------------- the shapes accept analyst facts


@pytest.mark.parametrize("engine", ENGINES)
def test_analyst_facts_conform_against_the_example_graph(context, engine: str) -> None:
    report = validate(facts(), against=context, engine=engine)
    assert report.conforms, report.text()
    assert report.results == ()
    assert report.engine.name == engine


def test_kg_shapes_stay_with_the_fast_engine(context) -> None:
    """The new constraints (sh:or of classes, a qualified alternative path) are compiled, not handed to
    pySHACL: auto runs the fast engine, and no reason for a fallback is given."""
    report = validate(facts(), against=context)
    assert (report.engine.name, report.engine.reason) == ("fast", None)


def test_analyst_facts_alone_only_miss_the_graph_they_refer_to() -> None:
    """On its own the file lacks the types of the people and office it borrows; nothing else."""
    report = validate(facts())
    assert {(shape, component) for _focus, shape, component in outcome(report)} == {
        ("Call-participant", "sh:ClassConstraintComponent"), ("OfficeTerm-office", "sh:ClassConstraintComponent")}


# ----------------------------------------------------------------- and reject incomplete ones


def without(*triples: tuple) -> Graph:
    graph = facts()
    for triple in triples:
        assert any(graph.triples(triple)), triple
        graph.remove(triple)
    return graph


CASES = {
    "no author": (
        [(CALL_ASSERTION, ATTRIBUTED, None)],
        {(str(CALL_ASSERTION), "AnalystAssertion-who", "sh:MinCountConstraintComponent")},
        "prov:wasAttributedTo"),
    "no date": (
        [(TERM_ASSERTION, GENERATED, None)],
        {(str(TERM_ASSERTION), "AnalystAssertion-when-required", "sh:MinCountConstraintComponent")},
        "prov:generatedAtTime"),
    "call without evidence": (
        [(CALL, KGO.evidence, None)],
        {(str(CALL), "evidence-required", "sh:MinCountConstraintComponent"),
         (str(CALL), "Call-source", "sh:QualifiedMinCountConstraintComponent")},
        "kgo:evidence"),
    "term without evidence": (
        [(TERM, KGO.evidence, None)],
        {(str(TERM), "evidence-required", "sh:MinCountConstraintComponent")},
        "kgo:evidence"),
    "untyped assertion": (
        [(CALL_ASSERTION, RDF.type, KGO.AnalystAssertion)],
        {(str(CALL), "evidence-required", "sh:OrConstraintComponent"),
         (str(CALL), "Call-source", "sh:QualifiedMinCountConstraintComponent")},
        "kgo:AnalystAssertion"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_incomplete_analyst_fact_does_not_conform_on_either_engine(context, case: str) -> None:
    removed, expected, named = CASES[case]
    graph = without(*removed)
    reports = {engine: validate(graph, against=context, engine=engine) for engine in ENGINES}
    for engine, report in reports.items():
        assert not report.conforms, engine
        assert outcome(report) == expected, (engine, report.text())
        assert all(r.severity == "Violation" for r in report.results)
        assert all(named in r.message for r in report.results if (r.focus, r.component) in
                   {(f, c) for f, _s, c in expected}), report.text()


def test_a_literal_author_is_not_an_agent(context) -> None:
    graph = without((CALL_ASSERTION, ATTRIBUTED, None))
    graph.add((CALL_ASSERTION, ATTRIBUTED, Literal("Camille Roux")))
    for engine in ENGINES:
        report = validate(graph, against=context, engine=engine)
        assert outcome(report) == {(str(CALL_ASSERTION), "AnalystAssertion-who", "sh:NodeKindConstraintComponent")}
        assert report.results[0].value == '"Camille Roux"'


@pytest.mark.parametrize(("when", "problem"), [
    ("2022-02-30", "not a valid xsd:date (day 30 does not exist in February)"),
    ("le 20 mai", "not a valid xsd:date (expected YYYY-MM-DD, optionally with a time zone)"),
])
def test_an_ill_typed_date_is_explained_by_both_engines(context, when: str, problem: str) -> None:
    """Both engines find it under --against (pySHACL's focus-node option used to let it through)."""
    graph = without((CALL_ASSERTION, GENERATED, None))
    graph.add((CALL_ASSERTION, GENERATED, Literal(when, datatype=XSD.date, normalize=False)))
    for engine in ENGINES:
        report = validate(graph, against=context, engine=engine)
        assert outcome(report) == {(str(CALL_ASSERTION), "AnalystAssertion-when", "sh:OrConstraintComponent")}, engine
        assert report.results[0].value_problem == problem


def test_a_month_is_not_a_date_of_assertion(context) -> None:
    graph = without((CALL_ASSERTION, GENERATED, None))
    graph.add((CALL_ASSERTION, GENERATED, Literal("2022-05", datatype=XSD.gYearMonth)))
    for engine in ENGINES:
        report = validate(graph, against=context, engine=engine)
        assert outcome(report) == {(str(CALL_ASSERTION), "AnalystAssertion-when", "sh:OrConstraintComponent")}
        assert "xsd:dateTime or xsd:date" in report.results[0].message


# ----------------------------------------------------------------- on the command line


def test_kg_validate_against_a_built_graph(built_examples: Path, tmp_path: Path) -> None:
    code, out, err = run_kg("validate", str(FIXTURE), "--against", str(built_examples))
    assert (code, err) == (0, ""), out
    assert out.startswith("Conforms: 0 violations, 0 warnings, 0 infos")
    assert "kg's fast engine" in out

    broken = tmp_path / "no-author.ttl"
    broken.write_text(re.sub(r"\n\s*prov:wasAttributedTo an:camille-roux ;", "",
                             FIXTURE.read_text(encoding="utf-8")), encoding="utf-8")
    for engine in ENGINES:
        code, out, err = run_kg("validate", str(broken), "--against", str(built_examples), "--engine", engine,
                                "--format", "json")
        assert (code, err) == (1, "")
        results = json.loads(out)["results"]
        assert {r["focus"] for r in results} == {str(CALL_ASSERTION), str(TERM_ASSERTION)}
        assert all("needs prov:wasAttributedTo" in r["message"] for r in results)


# ----------------------------------------------------------------- stored queries


@pytest.fixture(scope="module")
def with_facts(built_examples: Path, tmp_path_factory) -> Path:
    """The example graph with the analyst's file appended (Turtle is TriG: its triples go to the default
    graph), as the README says to do."""
    path = tmp_path_factory.mktemp("analyst") / "with-my-facts.trig"
    path.write_text(built_examples.read_text(encoding="utf-8") + "\n" + FIXTURE.read_text(encoding="utf-8"),
                    encoding="utf-8")
    return path


def rows(*args: str) -> list[dict[str, str]]:
    code, out, err = run_kg("query", *args, "--format", "csv")
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_an_analyst_call_has_its_chair_and_roles(with_facts: Path) -> None:
    """The stored queries read no evidence: an analyst's call is answered like an extracted one."""
    chair = [r for r in rows("chair-at-each-call", "--data", str(with_facts)) if r["call"] == str(CALL)]
    assert [(r["date"], r["chairName"]) for r in chair] == [("2022-05-19", "Mark Milley")]
    roles = {(r["participantName"], r["officeName"]) for r in rows("roles-at-each-call", "--data", str(with_facts))
             if r["call"] == str(CALL)}
    assert ("Mark Milley", "Chairman of the Joint Chiefs of Staff") in roles
    assert any(name == "Valéri Guérassimov" and office.startswith("Chief of the General Staff")
               for name, office in roles)
    calls = {r["call"]: r for r in rows("calls", "--data", str(with_facts))}
    assert calls[str(CALL)]["sources"] == "", "no article reports it"


def test_an_analyst_term_answers_holder_at_date(with_facts: Path) -> None:
    held = rows("holder-at-date", "--data", str(with_facts), "--param", "office=UA.chief_of_defence",
                "--param", "date=2024-06-01")
    assert ("Oleksandr Syrsky", "2024-02-08") in {(r["personName"], r["start"]) for r in held}
    before = rows("holder-at-date", "--data", str(with_facts), "--param", "office=UA.chief_of_defence",
                  "--param", "date=2024-01-15")
    assert str(PERSON) not in {r["person"] for r in before}, "the term starts on 8 February 2024"


# ----------------------------------------------------------------- the README's example


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Adding your own facts", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```turtle\n(.*?)```", section, re.S).group(1)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_readme_example_conforms_against_the_example_graph(context, engine: str) -> None:
    graph = Graph().parse(data=readme_example(), format="turtle")
    assert any(graph.subjects(RDF.type, KGO.AnalystAssertion))
    report = validate(graph, against=context, engine=engine)
    assert report.conforms and report.results == (), report.text()


@pytest.mark.parametrize("engine", ENGINES)
def test_an_ill_typed_date_on_the_command_line_is_explained_without_a_traceback(built_examples: Path, tmp_path: Path,
                                                                                 engine: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert '"2022-05-20"^^xsd:date' in text
    bad = tmp_path / "bad-date.ttl"
    bad.write_text(text.replace('"2022-05-20"^^xsd:date', '"2022-02-30"^^xsd:date'), encoding="utf-8")
    code, out, err = run_kg("validate", str(bad), "--against", str(built_examples), "--engine", engine)
    assert (code, err) == (1, "")
    assert '"2022-02-30"^^xsd:date: not a valid xsd:date (day 30 does not exist in February)' in out
    assert "Does not conform: 1 violation, 0 warnings, 0 infos on 1 focus node." in out


@pytest.fixture(scope="module")
def example_store(tmp_path_factory) -> Path:
    """The example corpus built into an embedded store."""
    store = tmp_path_factory.mktemp("store") / "kg-store"
    code, _out, err = run_kg("build", str(EXAMPLES), "--store", str(store), "-q")
    assert code == 0, err
    return store


def test_against_a_store_on_both_engines(example_store: Path, tmp_path: Path) -> None:
    """pySHACL reads an embedded store as the context too, and agrees with the fast engine on it."""
    broken = tmp_path / "no-date.ttl"
    broken.write_text(FIXTURE.read_text(encoding="utf-8").replace(
        '    prov:generatedAtTime "2022-05-20"^^xsd:date ;\n', ""), encoding="utf-8")
    for engine in ENGINES:
        assert validate(FIXTURE, against=example_store, engine=engine).results == (), engine
        report = validate(broken, against=example_store, engine=engine)
        assert outcome(report) == {(str(CALL_ASSERTION), "AnalystAssertion-when-required",
                                    "sh:MinCountConstraintComponent")}, engine


def test_pyshacl_refuses_a_store_as_the_data_in_words(example_store: Path) -> None:
    """The store keeps xsd:nonNegativeInteger offsets as xsd:integer: pySHACL would report every one."""
    code, out, err = run_kg("validate", str(example_store), "--engine", "pyshacl")
    assert code == 2 and out == ""
    assert "pySHACL cannot validate an embedded store folder" in err and "Traceback" not in err
    code, out, _err = run_kg("validate", str(example_store))
    assert code == 0 and out.startswith("Conforms")


# ----------------------------------------------------------------- the ontology


def test_the_ontology_models_the_assertion_with_prov() -> None:
    from rdflib.collection import Collection
    from rdflib.namespace import OWL, RDFS

    from kg.resources import ontology_path

    onto = Graph().parse(ontology_path(), format="turtle")
    assert (KGO.AnalystAssertion, RDFS.subClassOf, URIRef(PROV + "Entity")) in onto
    assert (KGO.AnalystAssertion, OWL.disjointWith, KGO.Evidence) in onto
    union = onto.value(onto.value(KGO.evidence, RDFS.range), OWL.unionOf)
    assert set(Collection(onto, union)) == {KGO.Evidence, KGO.AnalystAssertion}
    seen = set(onto.objects(KGO.AnalystAssertion, RDFS.seeAlso))
    assert {ATTRIBUTED, GENERATED, URIRef(PROV + "hadPrimarySource")} <= seen
