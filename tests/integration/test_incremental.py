"""Incremental, idempotent and crash-safe builds into the embedded store, with the real model.

Small corpora (two or three example articles) keep these fast; the model is
loaded once for the module.  The kill test runs real ``kg build`` processes on
the whole example corpus and interrupts them with SIGKILL and SIGINT.
"""

from __future__ import annotations

import functools
import signal
import subprocess
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from kg.build import DEFAULT_MODEL, build
from kg.identity import IDENTITY
from kg.ingest import BuildStore
from kg.mapping import MERGED, article_graph, mint
from kg.namespaces import KGO
from kg.store import FACTS_DIR
from kg.store.embedded import KGStore, canonical
from tests.conftest import EXAMPLES, kg_process, run_kg
from tests.factories import FIRST, SECOND, THIRD, corpus

pytestmark = pytest.mark.model

@pytest.fixture(autouse=True, scope="module")
def _one_model_load():
    """Load the French model once for the module instead of once per build."""
    import kg.extract.pipeline as pipeline

    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline, "load_nlp", functools.cache(pipeline.load_nlp))
    yield
    patch.undo()


def quads(store: Path) -> set:
    with KGStore.writing(store) as kgs:
        return set(kgs.db)


def graph(store: Path, name: NamedNode) -> set:
    return {q for q in quads(store) if q.graph_name == name}


def test_the_default_model_name_matches_the_pipeline() -> None:
    from kg.extract import pipeline

    assert DEFAULT_MODEL == pipeline.DEFAULT_MODEL


def test_rebuilding_changes_nothing_and_loads_no_model(tmp_path: Path, monkeypatch) -> None:
    src, store = corpus(tmp_path / "c", FIRST, SECOND), tmp_path / "s"
    first = build([str(src)], store=store, validate=False)
    before = quads(store)
    monkeypatch.setattr("kg.extract.pipeline.Extractor.__init__", _no_model)
    again = build([str(src)], store=store, validate=False)
    assert quads(store) == before and again.triples == first.triples
    assert (again.added, again.changed, again.unchanged) == (0, 0, 2)
    assert len(list((store / FACTS_DIR).iterdir())) == 2


def _no_model(*_args, **_kwargs) -> None:
    raise AssertionError("the model was loaded for unchanged articles")


def test_adding_an_article_extracts_only_that_one(tmp_path: Path, monkeypatch) -> None:
    from kg.extract.pipeline import Extractor

    store = tmp_path / "s"
    build([str(corpus(tmp_path / "c", FIRST, SECOND))], store=store, validate=False)
    seen: list[str] = []
    original = Extractor.extract

    def spy(self, raws, **kwargs):
        raws = list(raws)
        seen.extend(r.id for r in raws)
        return original(self, raws, **kwargs)

    monkeypatch.setattr(Extractor, "extract", spy)
    summary = build([str(corpus(tmp_path / "c", THIRD))], store=store, validate=False)
    assert seen == [THIRD]
    assert (summary.articles, summary.added, summary.unchanged) == (3, 1, 2)


def test_store_holds_the_same_graph_as_a_file_build(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c", FIRST, SECOND, THIRD)
    build([str(src)], store=tmp_path / "s", validate=False)
    build([str(src)], out=tmp_path / "g.trig", validate=False)
    assert quads(tmp_path / "s") == canonical(parse(path=str(tmp_path / "g.trig"), format=RdfFormat.TRIG))


def test_editing_one_article_changes_its_graph_and_the_facts_it_touched(tmp_path: Path) -> None:
    src, store = corpus(tmp_path / "c", FIRST, SECOND, THIRD), tmp_path / "s"
    build([str(src)], store=store, validate=False)
    before = quads(store)
    edited = src / SECOND
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Choïgou", "Sergueï Choïgou", 1) + "\nLe ministre a ensuite appelé son "
                      "homologue turc, Hulusi Akar, le 24 octobre 2022.\n", encoding="utf-8")
    summary = build([str(src)], store=store, validate=False)
    after = quads(store)
    assert (summary.added, summary.changed, summary.unchanged) == (0, 1, 2)
    for name in (FIRST, THIRD):
        g = article_graph(name)
        assert {q for q in before if q.graph_name == g} == {q for q in after if q.graph_name == g}
    g = article_graph(SECOND)
    assert {q for q in before if q.graph_name == g} != {q for q in after if q.graph_name == g}
    touched = {q.subject for q in (before ^ after) if q.graph_name == MERGED}
    assert touched and all(_about(s, SECOND, before | after) for s in touched)


def _about(subject: NamedNode, article: str, data: set) -> bool:
    """Whether a merged node is sourced by ``article``, or is a lexicon node (office, country) without sources."""
    sources = {q.object for q in data if q.subject == subject and q.predicate == NamedNode(str(KGO.source))}
    return mint("article", article) in sources or not sources


def test_remove_leaves_no_trace(tmp_path: Path) -> None:
    src, store = corpus(tmp_path / "c", FIRST, SECOND, THIRD), tmp_path / "s"
    build([str(src)], store=store, validate=False)
    result = run_kg("remove", SECOND, "--store", str(store))
    assert result.code == 0, result.err
    assert "removed 1 article from" in result.out
    build([str(corpus(tmp_path / "rest", FIRST, THIRD))], out=tmp_path / "rest.trig", validate=False)
    stored = quads(store)
    links = {q for q in stored if q.graph_name == IDENTITY}
    assert stored - links == canonical(parse(path=str(tmp_path / "rest.trig"), format=RdfFormat.TRIG))
    # A node the removed report alone made more precise (a call it dated to the day, which another
    # article dates to the month) is retired: the identity graph links its old IRI to the node that
    # stands now, which is in the merged layer; nothing else of the article stays.
    current = {q.subject for q in stored if q.graph_name == MERGED}
    assert all(q.object in current for q in links)
    assert SECOND not in "".join(str(q) for q in stored)
    assert len(list((store / FACTS_DIR).iterdir())) == 2
    listing = run_kg("articles", "--store", str(store))
    assert [line.split("\t")[0] for line in listing.out.splitlines()[1:]] == [FIRST, THIRD]  # under a header


def test_cli_build_prints_the_run_counts(tmp_path: Path) -> None:
    src = corpus(tmp_path / "c", FIRST)
    result = run_kg("build", str(src), "--store", str(tmp_path / "s"), "--no-validate")
    assert result.code == 0, result.err
    assert "1 article (1 added, 0 changed, 0 unchanged)" in result.out
    assert "stored 1/1" in result.err  # the progress line


# ------------------------------------------------------------------ crash safety


def interrupted_build(store: Path, sig: int, *, after: str = "stored ") -> tuple[int, str]:
    """Run ``kg build`` on the example corpus in a child process and send ``sig`` once it has committed
    (its first progress line); returns the exit status and the rest of its stderr."""
    child = kg_process("build", str(EXAMPLES), "--store", str(store), "--no-validate", stdout=subprocess.DEVNULL)
    assert child.stderr is not None
    for line in child.stderr:
        if after in line:
            child.send_signal(sig)
            break
    rest = child.stderr.read()
    return child.wait(timeout=120), rest


def consistent(store: Path) -> set[str]:
    """The stored articles, after checking that the store holds exactly their graph (merged layer included)."""
    with BuildStore.writing(store) as kgs:
        stored = kgs.articles()
        _, expected = kgs.state(kgs.load_facts(stored.values()))
        assert without_links(set(kgs.db)) == canonical(expected)
        return set(stored)


def without_links(data: set) -> set:
    """The quads without the graph of links from retired IRIs (kg.identity)."""
    return {q for q in data if q.graph_name != IDENTITY}


def whole_build(store: Path) -> subprocess.Popen:
    return kg_process("build", str(EXAMPLES), "--store", str(store), "-q", "--no-validate",
                      stdout=subprocess.DEVNULL)


def finished(child: subprocess.Popen) -> None:
    _, stderr = child.communicate(timeout=300)
    assert child.returncode == 0, stderr


def test_killed_builds_leave_a_consistent_store_and_the_rerun_completes_it(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    uninterrupted = whole_build(reference)  # a child process too, alongside: the same code as the others
    store = tmp_path / "s"
    assert interrupted_build(store, signal.SIGKILL)[0] == -signal.SIGKILL
    after_kill = consistent(store)
    assert 0 < len(after_kill) < 10  # killed mid-way, at a commit boundary
    status, stderr = interrupted_build(store, signal.SIGINT)
    assert status in (130, 0), stderr
    assert consistent(store) >= after_kill
    finished(whole_build(store))
    finished(uninterrupted)
    # The interrupted runs' commits issued IRIs (undated calls dated by a later article) that the rerun
    # retired: the store links them to their successors, which the uninterrupted build holds.
    assert without_links(quads(store)) == quads(reference)
    assert {q.object for q in quads(store) if q.graph_name == IDENTITY} <= {q.subject for q in quads(reference)}
    assert len(list((store / FACTS_DIR).iterdir())) == 10  # no stray facts or temporary files left

