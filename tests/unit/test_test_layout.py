"""The test suite's own rule: test modules share helpers through ``tests/conftest.py``, ``tests/factories.py`` and
``tests/servers.py``, never by importing another test module (whose fixtures and collection would come along)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent


def _imported_modules(path: Path) -> set[str]:
    """Every module name a file imports, including those in strings run by subprocesses."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    for node in ast.walk(tree):  # scripts handed to `python -c`
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "import" in node.value:
            names |= {word for word in node.value.replace(",", " ").split() if word.startswith("tests.")}
    return names


def test_no_test_module_imports_another() -> None:
    offenders = sorted(f"{path.name} imports {name}" for path in TESTS.rglob("*.py")
                       for name in _imported_modules(path) if name.split(".")[-1].startswith("test_"))
    assert offenders == []


def test_test_modules_live_in_unit_or_integration() -> None:
    """``tests/unit/``: no spaCy model, no server, no cluster at module level; ``tests/integration/``: the rest
    (module-level marks model, server or cluster, or a real browser).  Data: ``fixtures/``, ``cases/``,
    ``mapping_cases/``."""
    misplaced = sorted(str(p.relative_to(TESTS)) for p in TESTS.rglob("test_*.py")
                       if p.parent.name not in ("unit", "integration"))
    assert misplaced == []
    for path in (TESTS / "unit").glob("test_*.py"):
        marks = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("pytestmark")]
        assert not any(word in line for line in marks for word in ("model", "server", "cluster")), path.name
