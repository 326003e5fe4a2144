"""Every constraint of the kg shapes fires on a minimal invalid fixture and not on its valid twin.

Cases live in ``tests/fixtures/shapes/case-*.trig`` (see the README there): expectations in the
default graph, the data in the ``:invalid``, ``:valid`` and ``:both`` named graphs.  A last test
checks that the cases cover every (shape, constraint component) pair of ``shapes/kg-shapes.ttl``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import SH

from kg.resources import shapes_path
from kg.validate import load_data, shorten, validate
from tests.conftest import SHAPE_FIXTURES

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
    return load_data([SHAPE_FIXTURES / name])


def _cases() -> list[Case]:
    cases = []
    for path in sorted(SHAPE_FIXTURES.glob("case-*.trig")):
        default = _dataset(path.name).default_graph
        for focus, expectation in default.subject_objects(T.fires):
            shape, component = default.value(expectation, T.shape), default.value(expectation, T.component)
            cases.append(Case(path.name, str(focus), str(shape), shorten(str(component))))
    return cases


CASES = _cases()


@cache
def _shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@cache
def _fired(file: str, variant: str) -> dict[tuple[str, str | None, str], str]:
    """(focus, shape, component) of each result, with its severity."""
    data = _dataset(file)
    graph = Graph()
    for name in (variant, "both"):
        graph += data.graph(T[name])
    return {(r.focus, r.shape, r.component): r.severity for r in validate(graph).results}


def _declared_severity(shape: str) -> str:
    return str(_shapes().value(URIRef(shape), SH.severity, default=SH.Violation)).rsplit("#", 1)[-1]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_fires_on_invalid(case: Case) -> None:
    fired = _fired(case.file, "invalid")
    assert (case.focus, case.shape, case.component) in fired
    assert fired[case.focus, case.shape, case.component] == _declared_severity(case.shape)


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
    declared = _constraints(_shapes())
    covered = {(c.shape, c.component) for c in CASES}
    assert declared - covered == set(), "constraints without a fixture case"
    assert covered - declared == set(), "cases for constraints the shapes do not declare"


def test_every_property_shape_is_named() -> None:
    """Property shapes are IRIs, so that reports and cases can name them."""
    shapes = _shapes()
    anonymous = [s for s in shapes.subjects(SH.path, None)
                 if not isinstance(s, URIRef) and (None, SH.property, s) in shapes]
    assert anonymous == []


def test_shapes_use_at_prefix_only() -> None:
    text = shapes_path().read_text(encoding="utf-8")
    assert not any(line.upper().startswith("PREFIX ") for line in text.splitlines())


@pytest.mark.parametrize("shape", sorted({s for s, _ in _constraints(_shapes())}), ids=shorten)
def test_every_constraint_has_message_and_severity(shape: str) -> None:
    shapes, node = _shapes(), URIRef(shape)
    assert shapes.value(node, SH.severity) is not None
    message_holder = shapes.value(node, SH.sparql, default=node)
    assert shapes.value(message_holder, SH.message) is not None


def test_valid_graph_conforms_without_warnings() -> None:
    report = validate(SHAPE_FIXTURES / "valid-graph.trig")
    assert report.results == (), report.text()
    assert report.conforms
