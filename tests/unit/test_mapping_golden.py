"""Model-free golden cases of the mapping: hand-written article facts (``tests/mapping_cases/*/facts.json``) go through
resolution and mapping, and the graph must be isomorphic to the reviewed ``expected.trig`` beside them, named graph
by named graph.  No spaCy model: a failure here is the mapping's (or resolution's), never the extractor's.

After a deliberate change of the graph's shape, ``KG_REGENERATE_GOLDEN=1 pytest tests/unit/test_mapping_golden.py``
rewrites the expected files; read their diff before committing them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.extract.model import ArticleFacts
from kg.merge import merged_state
from kg.rdfio import write_quads
from tests.conftest import MAPPING_CASES


def _built(case: Path, out: Path) -> Dataset:
    data = json.loads((case / "facts.json").read_text(encoding="utf-8"))
    facts = {f.article.id: f for f in map(ArticleFacts.from_json, data["facts"])}
    _, quads = merged_state(facts)
    write_quads(quads, out)
    return _dataset(out)


def _dataset(path: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(path, format="trig")
    return dataset


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def _diff(got: Graph, want: Graph) -> str:
    _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
    lines = [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(only_got)]
    lines += [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(only_want)]
    return "\n".join(lines[:40])


@pytest.mark.parametrize("case", sorted(p.name for p in MAPPING_CASES.iterdir() if p.is_dir()))
def test_mapping_matches_the_reviewed_graph(case: str, tmp_path: Path) -> None:
    folder = MAPPING_CASES / case
    got = _built(folder, tmp_path / "got.trig")
    expected = folder / "expected.trig"
    if os.environ.get("KG_REGENERATE_GOLDEN"):
        expected.write_bytes((tmp_path / "got.trig").read_bytes())
    want = _dataset(expected)
    got_graphs, want_graphs = _graphs(got), _graphs(want)
    assert sorted(got_graphs) == sorted(want_graphs)
    for name, graph in want_graphs.items():
        assert isomorphic(got_graphs[name], graph), f"graph {name} differs (+ built, - expected):\n" + _diff(
            got_graphs[name], graph)


def test_a_changed_fact_is_caught(tmp_path: Path) -> None:
    """The comparison is not vacuous: one date moved by a day gives a graph that is not the reviewed one."""
    folder = MAPPING_CASES / "one_call_two_posts"
    data = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
    call = data["facts"][0]["calls"][0]
    call["date"] = {**call["date"], "value": "2025-02-02", "earliest": "2025-02-02", "latest": "2025-02-02"}
    changed = tmp_path / "changed"
    changed.mkdir()
    (changed / "facts.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    got, want = _graphs(_built(changed, tmp_path / "got.trig")), _graphs(_dataset(folder / "expected.trig"))
    assert any(not isomorphic(got.get(name, Graph()), graph) for name, graph in want.items())
