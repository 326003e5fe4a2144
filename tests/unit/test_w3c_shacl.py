"""The W3C SHACL test suite (core and SHACL-SPARQL) through ``kg validate``, whichever engine runs.

Every ``sht:Validate`` entry of the manifests under ``../shared/w3c-shacl-tests/tests`` is run as a user
would run it (``kg validate DATA --shapes SHAPES --format turtle``, then ``--format json``).  The report
is compared as the suite defines it: the ``sh:conforms`` flag and the multiset of top-level results,
each keyed by focus node, path, value, source shape, constraint component and severity (messages
are free; a blank node matches any blank node, a path is compared by its structure).  An entry
expecting ``sht:Failure`` must end in a documented input error, never a crash.  The tests pySHACL
itself fails are marked xfail with the reason.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, SH
from rdflib.term import Node

from tests.conftest import SHARED, run_kg

SUITE = SHARED / "w3c-shacl-tests" / "tests"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
KGSH = Namespace("https://w3id.org/kg-news/shapes#")

_SHAPES_GRAPH = ("pySHACL does not pre-bind $shapesGraph, and the fast engine leaves $shapesGraph to pySHACL: "
                 "kg refuses the shapes (exit 3, no crash)")
#: Entries kg gets wrong because pySHACL (0.30), which runs them, gets them wrong too.
PYSHACL_FAILS: dict[str, str] = {"sparql/pre-binding/shapesGraph-001": _SHAPES_GRAPH}
#: The same with pySHACL forced (--engine pyshacl), where the fast engine would have decided right.
PYSHACL_ONLY_FAILS: dict[str, str] = {
    **PYSHACL_FAILS,
    "core/property/uniqueLang-002": "pySHACL takes sh:uniqueLang \"1\"^^xsd:boolean for true",
}


@dataclass(frozen=True)
class Entry:
    """One manifest entry: the files to validate and the expected report (None: sht:Failure)."""

    name: str
    data: Path
    shapes: Path
    expected: Graph
    report: Node | None


def _local(iri: Node) -> Path:
    return Path(str(iri).removeprefix("file://"))


def _entries(manifest: Path) -> list[Entry]:
    graph = Graph().parse(manifest, format="turtle")
    found = []
    for include in sorted(graph.objects(None, MF.include)):
        found += _entries(_local(include))
    for listing in graph.objects(None, MF.entries):
        for entry in Collection(graph, listing):
            if (entry, RDF.type, SHT.Validate) not in graph:
                continue
            action, result = graph.value(entry, MF.action), graph.value(entry, MF.result)
            name = str(_local(entry).relative_to(SUITE))
            report = None if result == SHT.Failure else result
            found.append(Entry(name, _local(graph.value(action, SHT.dataGraph)),
                               _local(graph.value(action, SHT.shapesGraph)), graph, report))
    return found


def _params(engine: str, fails: dict[str, str]) -> list:
    if not SUITE.is_dir():
        return [pytest.param(None, engine, marks=pytest.mark.skip(reason=f"{SUITE} is absent (the shared W3C suite)"))]
    return [pytest.param(e, engine, id=f"{engine}-{e.name}",
                         marks=[pytest.mark.xfail(reason=fails[e.name], strict=True)] if e.name in fails else [])
            for e in _entries(SUITE / "manifest.ttl")]


# ----------------------------------------------------------------- comparing reports


def _term(node: Node | None) -> str:
    if node is None:
        return "-"
    return "_:" if isinstance(node, BNode) else node.n3()


def _path(graph: Graph, path: Node | None) -> str:
    """A SHACL path by its structure, so that blank path nodes of two graphs compare."""
    if path is None or isinstance(path, URIRef):
        return _term(path)
    if (path, RDF.first, None) in graph:
        return "(" + " / ".join(_path(graph, p) for p in Collection(graph, path)) + ")"
    for prop, o in sorted(graph.predicate_objects(path)):
        if prop == SH.alternativePath:
            return "(" + " | ".join(_path(graph, p) for p in Collection(graph, o)) + ")"
        return f"{prop.n3()}({_path(graph, o)})"
    return "_:"


def _results(graph: Graph, report: Node) -> tuple[bool, Counter]:
    conforms = graph.value(report, SH.conforms)
    keys = Counter()
    for r in graph.objects(report, SH.result):
        keys[(_term(graph.value(r, SH.focusNode)), _path(graph, graph.value(r, SH.resultPath)),
              _term(graph.value(r, SH.value)), _term(graph.value(r, SH.sourceShape)),
              _term(graph.value(r, SH.sourceConstraintComponent)), _term(graph.value(r, SH.resultSeverity)))] += 1
    return conforms == Literal(True), keys


def _kg(entry: Entry, fmt: str, engine: str = "auto") -> tuple[int, str, str]:
    """kg refuses shapes with owl:imports unless --allow-network (and follows none even then, like the
    pySHACL runs the suite expects): the entries that declare imports are run with the flag."""
    shapes = Graph().parse(entry.shapes, format="turtle")
    network = ["--allow-network"] if (None, OWL.imports, None) in shapes else []
    return run_kg("validate", str(entry.data), "--shapes", str(entry.shapes), "--format", fmt,
                  "--engine", engine, *network)


def _exit_code(results: Counter) -> int:
    """1 when a result is neither a Warning nor an Info (kg's default --fail-on violation), else 0."""
    light = {SH.Warning.n3(), SH.Info.n3()}
    return 1 if any(key[5] not in light for key in results) else 0


def _check(capsys, entry: Entry, engine: str) -> str | None:
    """Run the entry on ``engine``; the name of the engine that ran (None: the shapes were refused)."""
    code, out, err = _kg(entry, "turtle", engine)
    if entry.report is None:
        assert code == 3 and err.startswith("kg: error: "), (code, out, err)
        return None
    if engine == "fast" and code == 2:
        assert "the fast engine cannot decide these shapes exactly" in err
        return None
    assert code in (0, 1), err
    actual = Graph().parse(data=out, format="turtle")
    report = actual.value(None, RDF.type, SH.ValidationReport, any=False)
    conforms, results = _results(actual, report)
    assert (conforms, results) == _results(entry.expected, entry.report)
    assert code == _exit_code(results)
    return str(actual.value(report, KGSH.engine))


@pytest.mark.parametrize("entry, engine", _params("auto", PYSHACL_FAILS))
def test_w3c_entry(capsys, entry: Entry, engine: str) -> None:
    """The default engine choice, as a user runs it; the JSON report agrees and names the engine."""
    ran = _check(capsys, entry, engine)
    if ran is None:
        return
    code, out, _ = _kg(entry, "json")
    summary = json.loads(out)
    results = sum(_results(entry.expected, entry.report)[1].values())
    assert (code, len(summary["results"]), summary["engine"]["name"]) == (code, results, ran)
    assert (summary["engine"]["fallback"] is None) == (ran == "fast")


@pytest.mark.parametrize("entry, engine", _params("fast", {}) + _params("pyshacl", PYSHACL_ONLY_FAILS))
def test_w3c_entry_on_each_engine(capsys, entry: Entry, engine: str) -> None:
    """Each engine alone: pySHACL always answers; the fast engine answers right or declines (exit 2)."""
    _check(capsys, entry, engine)
