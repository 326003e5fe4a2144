"""Every constraint of the kg shapes fires on a minimal invalid fixture and not on its valid twin.

Cases live in ``tests/fixtures/shapes/case-*.trig`` (see the README there): expectations in the
default graph, the data in the ``:invalid``, ``:valid`` and ``:both`` named graphs.  A last test
checks that the cases cover every (shape, constraint component) pair of ``shapes/kg-shapes.ttl``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import SH

from kg.resources import shapes_path
from kg.validate import load_data, shorten, validate

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
T = Namespace("urn:kg-test:")

# SHACL parameters and the component each one belongs to, for the coverage check.
COMPONENTS = {
    "minCount": "MinCount", "maxCount": "MaxCount", "datatype": "Datatype", "class": "Class",
    "nodeKind": "NodeKind", "pattern": "Pattern", "languageIn": "LanguageIn", "uniqueLang": "UniqueLang",
    "in": "In", "or": "Or", "xone": "Xone", "and": "And", "not": "Not", "node": "Node",
    "equals": "Equals", "disjoint": "Disjoint", "lessThan": "LessThan",
    "lessThanOrEquals": "LessThanOrEquals", "minLength": "MinLength", "maxLength": "MaxLength",
    "minInclusive": "MinInclusive", "maxInclusive": "MaxInclusive", "hasValue": "HasValue",
    "qualifiedMinCount": "QualifiedMinCount", "qualifiedMaxCount": "QualifiedMaxCount",
    "closed": "Closed", "sparql": "SPARQL",
}


@dataclass(frozen=True)
class Case:
    file: str
    focus: str
    shape: str
    component: str

    @property
    def id(self) -> str:
        return f"{self.file.removeprefix('case-').removesuffix('.trig')}:{shorten(self.focus)}:" \
               f"{shorten(self.shape)}:{self.component.removeprefix('sh:').removesuffix('ConstraintComponent')}"


@cache
def _dataset(name: str) -> Dataset:
    return load_data([FIXTURES / name])


def _cases() -> list[Case]:
    cases = []
    for path in sorted(FIXTURES.glob("case-*.trig")):
        default = _dataset(path.name).default_graph
        for focus, expectation in default.subject_objects(T.fires):
            shape, component = default.value(expectation, T.shape), default.value(expectation, T.component)
            cases.append(Case(path.name, str(focus), str(shape), shorten(str(component))))
    return cases


CASES = _cases()


@cache
def _fired(file: str, variant: str) -> frozenset[tuple[str, str | None, str]]:
    data = _dataset(file)
    graph = Graph()
    for name in (variant, "both"):
        graph += data.graph(T[name])
    return frozenset((r.focus, r.shape, r.component) for r in validate(graph).results)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_fires_on_invalid(case: Case) -> None:
    assert (case.focus, case.shape, case.component) in _fired(case.file, "invalid")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_silent_on_valid_twin(case: Case) -> None:
    assert (case.focus, case.shape, case.component) not in _fired(case.file, "valid")


def _constraints(shapes: Graph) -> set[tuple[str, str]]:
    pairs = set()
    for shape in {s for s in shapes.subjects() if isinstance(s, URIRef)}:
        for parameter, component in COMPONENTS.items():
            if (shape, SH[parameter], None) in shapes:
                pairs.add((str(shape), f"sh:{component}ConstraintComponent"))
    return pairs


def test_every_constraint_has_a_case() -> None:
    declared = _constraints(Graph().parse(shapes_path(), format="turtle"))
    covered = {(c.shape, c.component) for c in CASES}
    assert declared - covered == set(), "constraints without a fixture case"
    assert covered - declared == set(), "cases for constraints the shapes do not declare"


def test_every_shape_iri_is_named() -> None:
    """Property shapes are IRIs, so that reports and cases can name them."""
    shapes = Graph().parse(shapes_path(), format="turtle")
    anonymous = [s for s in shapes.subjects(SH.path, None)
                 if not isinstance(s, URIRef) and (None, SH.property, s) in shapes]
    assert anonymous == []


def test_shapes_use_at_prefix_only() -> None:
    text = shapes_path().read_text(encoding="utf-8")
    assert not any(line.upper().startswith("PREFIX ") for line in text.splitlines())


def test_every_shape_has_message_and_severity() -> None:
    shapes = Graph().parse(shapes_path(), format="turtle")
    constrained = {s for s, _ in _constraints(shapes)}
    constraints = {URIRef(s) for s in constrained} | set(shapes.objects(None, SH.sparql))
    for node in constraints:
        if (node, SH.sparql, None) in shapes:
            continue  # the message and severity are on the SPARQL constraint itself
        assert shapes.value(node, SH.message) is not None, node
        assert shapes.value(node, SH.severity) is not None, node


def test_valid_graph_conforms_without_warnings() -> None:
    report = validate(FIXTURES / "valid-graph.trig")
    assert report.results == (), report.text()
    assert report.conforms
