"""`kg validate` exit codes through the real entry point: 0 conforms, 1 does not, warnings only
count with --fail-on warning, 3 for unparsable input (with file:line:column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main
from tests.test_validate import VALID, warning_only_graph

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"


def exit_code(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as e:
        return e.code or 0
    return 0


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
def test_exit_codes(name: str, extra: list[str], code: int, warning_only: Path, capsys) -> None:
    path = {"valid": VALID, "violation": FIXTURES / "report-example.ttl", "warning": warning_only,
            "broken": FIXTURES / "broken.ttl"}[name]
    assert exit_code(["validate", str(path), *extra]) == code
    out = capsys.readouterr()
    if name == "broken":
        assert "broken.ttl:" in out.err and len(out.err.strip().splitlines()) == 1
    elif name == "violation":
        assert "Violation" in out.out


def test_json_and_turtle_reports_are_machine_readable(capsys) -> None:
    exit_code(["validate", str(FIXTURES / "report-example.ttl"), "--format", "turtle"])
    report = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert len(report) > 0
