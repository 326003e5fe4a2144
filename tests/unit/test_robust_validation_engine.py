"""The fast SHACL engine (shapes compiled to SPARQL on pyoxigraph) agrees with pySHACL.

Every shape fixture (each invalid and valid twin), the reference graph, the golden report example
and the ``against`` cases are validated by both engines; the reports must be equal result for
result (focus, label, path, value, shape, component, severity, message, sentence).  Then the
literals the store rewrites (derived integers, non-canonical booleans) and ill-typed literals,
which the fast engine re-checks in Python, and the fallback to pySHACL for unsupported shapes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace

from kg.validate import load_data, validate
from tests.conftest import SHAPE_FIXTURES

T = Namespace("urn:kg-test:")
CASE_FILES = sorted(p.name for p in SHAPE_FIXTURES.glob("case-*.trig"))


def _graph(file: str, variant: str) -> Graph:
    data = load_data([SHAPE_FIXTURES / file])
    graph = Graph()
    for name in (variant, "both"):
        graph += data.graph(T[name])
    return graph


def _same(data, **kwargs) -> None:
    fast = validate(data, engine="fast", **kwargs)
    slow = validate(data, engine="pyshacl", **kwargs)
    assert sorted(fast.results, key=repr) == sorted(slow.results, key=repr)
    assert fast.conforms == slow.conforms


@pytest.mark.parametrize("variant", ["invalid", "valid"])
@pytest.mark.parametrize("file", CASE_FILES)
def test_engines_agree_on_shape_cases(file: str, variant: str) -> None:
    _same(_graph(file, variant))


@pytest.mark.parametrize("name", ["valid-graph.trig", "report-example.ttl", "against-new-call.ttl"])
def test_engines_agree_on_files(name: str) -> None:
    _same(SHAPE_FIXTURES / name)


def test_engines_agree_against_a_context() -> None:
    _same(SHAPE_FIXTURES / "against-new-call.ttl", against=SHAPE_FIXTURES / "valid-graph.trig")
    _same(SHAPE_FIXTURES / "report-example.ttl", against=SHAPE_FIXTURES / "valid-graph.trig")


EVIDENCE = """@prefix kgo: <https://w3id.org/kg-news/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix x: <https://w3id.org/kg-news/id/test/> .
x:a a kgo:Article ; kgo:fileName "a.txt" ; kgo:language "fr"^^xsd:language ;
    kgo:textLength "100"^^xsd:nonNegativeInteger .
x:e a kgo:Evidence ; kgo:inArticle x:a ; kgo:sentence "Une phrase." ; kgo:rule "r" ;
    kgo:charStart {start} ; kgo:charEnd {end} .
"""


@pytest.mark.parametrize("start, end", [
    ('"4"^^xsd:nonNegativeInteger', '"16"^^xsd:nonNegativeInteger'),  # stored as xsd:integer
    ("4", '"16"^^xsd:nonNegativeInteger'),  # a plain integer where a nonNegativeInteger is due
    ('"-4"^^xsd:nonNegativeInteger', '"16"^^xsd:nonNegativeInteger'),  # ill-typed, stored as a valid integer
    ('"4"^^xsd:nonNegativeInteger', '"016"^^xsd:nonNegativeInteger'),  # non-canonical, stored as 16
    ('"20"^^xsd:nonNegativeInteger', '"16"^^xsd:nonNegativeInteger'),  # order, reported with the original
    ('"4"^^xsd:nonNegativeInteger', '"700"^^xsd:nonNegativeInteger'),  # past the text (SPARQL constraint)
])
def test_rewritten_and_ill_typed_literals(tmp_path: Path, start: str, end: str) -> None:
    path = tmp_path / "e.ttl"
    path.write_text(EVIDENCE.replace("{start}", start).replace("{end}", end), encoding="utf-8")
    _same(path)


def test_a_literal_pyshacl_cannot_compare(tmp_path: Path) -> None:
    """pySHACL crashes comparing "abc"^^xsd:nonNegativeInteger with an integer (a TypeError it does
    not catch); the fast engine reports the ill-typed value and the failed comparison."""
    from kg.errors import KGError

    path = tmp_path / "e.ttl"
    path.write_text(EVIDENCE.replace("{start}", '"abc"^^xsd:nonNegativeInteger')
                    .replace("{end}", '"16"^^xsd:nonNegativeInteger'), encoding="utf-8")
    with pytest.raises(KGError, match="pySHACL failed: TypeError"):
        validate(path, engine="pyshacl")
    fast = {(r.shape.rsplit("#")[1], r.component, r.value) for r in validate(path, engine="fast").results}
    bad = '"abc"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>'
    assert fast == {("Evidence-charStart", "sh:DatatypeConstraintComponent", bad),
                    ("Evidence-offsets", "sh:LessThanOrEqualsConstraintComponent", bad),
                    ("Article-sha256-required", "sh:MinCountConstraintComponent", None)}


def test_ill_typed_dates_and_booleans(tmp_path: Path) -> None:
    path = tmp_path / "d.ttl"
    path.write_text("""@prefix kgo: <https://w3id.org/kg-news/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix x: <https://w3id.org/kg-news/id/test/> .
x:c kgo:date "2024-02-31"^^xsd:date ; kgo:dateEarliest "2024-02-01"^^xsd:date ; kgo:dateLatest "2024-02-29"^^xsd:date .
x:t a kgo:PostType ; kgo:singleHolder "1"^^xsd:boolean , "yes"^^xsd:boolean .
""", encoding="utf-8")
    _same(path)


def test_unsupported_shapes_fall_back_to_pyshacl(tmp_path: Path) -> None:
    shapes = tmp_path / "closed.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kgo: <https://w3id.org/kg-news/ontology#> .
<urn:s> a sh:NodeShape ; sh:targetClass kgo:Person ; sh:closed true .
""", encoding="utf-8")
    from kg.errors import Unsupported

    with pytest.raises(Unsupported):
        validate(SHAPE_FIXTURES / "valid-graph.trig", shapes=shapes, engine="fast")
    report = validate(SHAPE_FIXTURES / "valid-graph.trig", shapes=shapes)  # auto: pySHACL
    assert not report.conforms


def test_validates_an_embedded_store_without_touching_it(tmp_path: Path) -> None:
    from pyoxigraph import RdfFormat, Store

    folder = tmp_path / "store"
    store = Store(str(folder))
    store.bulk_load(path=str(SHAPE_FIXTURES / "valid-graph.trig"), format=RdfFormat.TRIG)
    before = len(store)
    del store
    new = SHAPE_FIXTURES / "against-new-call.ttl"
    assert validate(new, against=folder).conforms
    # The store keeps "4"^^xsd:nonNegativeInteger as an xsd:integer: valid where it is in range.
    assert validate(folder).conforms
    assert not validate(new).conforms
    assert len(Store.read_only(str(folder))) == before
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_stored_integers_out_of_range_still_fail(tmp_path: Path) -> None:
    from pyoxigraph import RdfFormat, Store

    data = tmp_path / "e.ttl"
    data.write_text(EVIDENCE.replace("{start}", "-4").replace("{end}", '"16"^^xsd:nonNegativeInteger'),
                    encoding="utf-8")
    folder = tmp_path / "store"
    store = Store(str(folder))
    store.bulk_load(path=str(data), format=RdfFormat.TURTLE)
    del store
    found = {(r.shape.rsplit("#")[1], r.value) for r in validate(folder).results if r.severity == "Violation"}
    assert found == {("Evidence-charStart", '"-4"^^<http://www.w3.org/2001/XMLSchema#integer>')}


def test_a_literal_evidence_is_reported_not_a_crash(tmp_path: Path) -> None:
    """A person whose kgo:evidence is a literal violates the shapes; the text report's context lookup skips it."""
    (tmp_path / "d.ttl").write_text('@prefix kgo: <https://w3id.org/kg-news/ontology#> .\n'
                                    '<http://example.org/p> a kgo:Person ; kgo:evidence "not a node" .\n',
                                    encoding="utf-8")
    fast = validate([tmp_path / "d.ttl"], engine="fast")
    assert not fast.conforms and fast.engine.name == "fast"
    assert fast.violations == validate([tmp_path / "d.ttl"], engine="pyshacl").violations


def test_a_sparql_constraint_without_a_group_goes_to_pyshacl(tmp_path: Path) -> None:
    """The fast engine cannot join a query with no WHERE group: it hands over, and pySHACL's syntax error is a
    shapes error naming the file, not a crash."""
    from kg.errors import KGError

    (tmp_path / "d.ttl").write_text("<http://example.org/p> a <http://example.org/T> .\n", encoding="utf-8")
    (tmp_path / "s.ttl").write_text('@prefix sh: <http://www.w3.org/ns/shacl#> .\n'
                                    '<http://example.org/S> a sh:NodeShape ; sh:targetNode <http://example.org/p> ;\n'
                                    '  sh:sparql [ sh:select "SELECT $this WHERE ?x" ] .\n', encoding="utf-8")
    with pytest.raises(KGError, match="s.ttl"):
        validate([tmp_path / "d.ttl"], shapes=tmp_path / "s.ttl")
