"""`kg validate` exit codes through the real entry point: 0 conforms, 1 does not, warnings only
count with --fail-on warning, 3 for unparsable input (with file:line:column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import SHAPE_FIXTURES, run_kg
from tests.factories import VALID, warning_only_graph


@pytest.fixture(scope="module")
def warning_only(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("warn") / "warning-only.ttl"
    warning_only_graph().serialize(path, format="turtle")
    return path


@pytest.mark.parametrize("name, extra, code", [
    ("valid", [], 0),
    ("violation", [], 1),
    ("warning", [], 0),
    ("warning", ["--fail-on", "warning"], 1),
    ("broken", [], 3),
])
def test_exit_codes(name: str, extra: list[str], code: int, warning_only: Path) -> None:
    path = {"valid": VALID, "violation": SHAPE_FIXTURES / "report-example.ttl", "warning": warning_only,
            "broken": SHAPE_FIXTURES / "broken.ttl"}[name]
    out = run_kg("validate", str(path), *extra)
    assert out.code == code
    if name == "broken":
        assert "broken.ttl:" in out.err and len(out.err.strip().splitlines()) == 1
    elif name == "violation":
        assert "Violation" in out.out


def test_json_and_turtle_reports_are_machine_readable() -> None:
    out = run_kg("validate", str(SHAPE_FIXTURES / "report-example.ttl"), "--format", "turtle").out
    report = Graph().parse(data=out, format="turtle")
    assert len(report) > 0
