"""The embedded store without the model: update text, facts cache, transactional commits, removal, locks.

Facts are built by hand (two officials, their posts and a call reported by two
articles), so these tests run in well under a second each.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.corpus import RawArticle
from kg.errors import EXIT_STORE, StoreError, UsageError
from kg.extract.model import Article, ArticleFacts
from kg.facts_cache import FactsCache
from kg.ingest import BuildStore, plan, stored_facts
from kg.mapping import MERGED, article_graph, mint
from kg.store import FACTS_DIR, LOCK_FILE, open_store, sparql
from kg.store.embedded import KGStore, canonical
from kg.store.lock import StoreLocked, exclusive
from tests.factories import commit, facts


def graph(db: Store, name: NamedNode) -> set[Quad]:
    return set(db.quads_for_pattern(None, None, None, name))


# ------------------------------------------------------------------ update text


LITERALS = st.one_of(
    st.builds(Literal, st.text(max_size=40)),
    st.builds(lambda v, lang: Literal(v, language=lang), st.text(max_size=20),
              st.sampled_from(["fr", "en-GB"])),
    st.builds(lambda n: Literal(str(n), datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
              st.integers()),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(LITERALS, min_size=1, max_size=8))
def test_update_text_round_trips_any_literal(values: list[Literal]) -> None:
    g, s, p = NamedNode("http://example.org/g"), NamedNode("http://example.org/s"), NamedNode("http://example.org/p")
    quads = [Quad(s, p, v, g) for v in values]
    db = Store()
    db.update(sparql.insert_data(quads))
    assert graph(db, g) == set(quads)
    db.update(sparql.join(sparql.delete_data(quads[:1]), sparql.insert_data(quads[:1])))
    assert graph(db, g) == set(quads)
    db.update(sparql.drop(g))
    assert len(db) == 0


def test_empty_operations_are_skipped() -> None:
    assert sparql.insert_data([]) == "" and sparql.join("", "") == ""
    assert sparql.join("A", "", "B") == "A ;\nB"


# ------------------------------------------------------------------ facts cache


def test_facts_cache_round_trip_and_keys(tmp_path: Path) -> None:
    cache = FactsCache(tmp_path / "facts")
    f = facts("a.txt")
    assert cache.get("a.txt", f.article.sha256) is None
    cache.put(f, extractor="m1")
    assert cache.get("a.txt", f.article.sha256) == f
    assert cache.get("a.txt", f.article.sha256, extractor="m1") == f
    assert cache.get("a.txt", f.article.sha256, extractor="m2") is None  # another extractor: extract again
    assert cache.get("b.txt", f.article.sha256) is None
    assert not list((tmp_path / "facts").glob(".*.tmp"))


def test_facts_cache_ignores_corrupt_files_and_collects_garbage(tmp_path: Path) -> None:
    cache = FactsCache(tmp_path)
    f, g = facts("a.txt"), facts("b.txt")
    cache.put(f, extractor="m")
    cache.put(g, extractor="m")
    cache.path("a.txt", f.article.sha256).write_text("{not json", encoding="utf-8")
    assert cache.get("a.txt", f.article.sha256) is None
    (tmp_path / ".x.json.123.tmp").write_text("left by kill -9")
    assert cache.keep_only({("b.txt", g.article.sha256)}) == 2
    assert cache.get("b.txt", g.article.sha256) == g
    assert sorted(p.name for p in tmp_path.iterdir()) == [cache.path("b.txt", g.article.sha256).name]


# ------------------------------------------------------------------ commits


def test_commit_is_idempotent_and_layered(tmp_path: Path) -> None:
    both = {"a.txt": facts("a.txt"), "b.txt": facts("b.txt")}
    with BuildStore.writing(tmp_path / "s") as kgs:
        quads = canonical(commit(kgs, both, replaced=["a.txt", "b.txt"]))
        assert set(kgs.db) == quads
        size = len(kgs.db)
        commit(kgs, both, replaced=["a.txt", "b.txt"])
        assert len(kgs.db) == size and set(kgs.db) == quads
        assert kgs.changes(kgs.state(both)[1]) == ""  # the merged layer is diffed like with like
        assert {a.id for a in kgs.articles().values()} == {"a.txt", "b.txt"}
        assert set(kgs.db.named_graphs()) == {article_graph("a.txt"), article_graph("b.txt"), MERGED}
    assert (tmp_path / "s" / "CURRENT").is_file()  # a plain pyoxigraph folder, for any reader


def test_changing_one_article_touches_only_its_graph_and_the_merged_facts(tmp_path: Path) -> None:
    one = {"a.txt": facts("a.txt"), "b.txt": facts("b.txt")}
    with BuildStore.writing(tmp_path / "s") as kgs:
        commit(kgs, one, replaced=list(one))
        before_a, before_b = (graph(kgs.db, article_graph(x)) for x in ("a.txt", "b.txt"))
        before_m = graph(kgs.db, MERGED)
        two = {**one, "b.txt": facts("b.txt", "Lloyd Austin a appelé Valéri Guérassimov.", milley=False)}
        commit(kgs, two, replaced=["b.txt"])
        assert graph(kgs.db, article_graph("a.txt")) == before_a
        assert graph(kgs.db, article_graph("b.txt")) != before_b
        after_m = graph(kgs.db, MERGED)
        assert any("Lloyd Austin" in str(q) for q in after_m - before_m)
        assert before_m & after_m  # what a.txt says is still there


def test_remove_leaves_no_trace(tmp_path: Path) -> None:
    both = {"a.txt": facts("a.txt"), "b.txt": facts("b.txt", milley=False)}
    with BuildStore.writing(tmp_path / "s") as kgs:
        commit(kgs, both, replaced=list(both))
        only_a = commit(kgs, {"a.txt": both["a.txt"]}, removed=["b.txt"])
        assert set(kgs.db) == canonical(only_a)
        text = "\n".join(str(q) for q in kgs.db)
        assert "b.txt" not in text and "Austin" not in text
        assert mint("article", "b.txt").value not in text


def test_build_then_remove_through_the_library(tmp_path: Path) -> None:
    from kg.build import remove

    store = tmp_path / "s"
    with BuildStore.writing(store) as kgs:
        for f in (facts("a.txt"), facts("b.txt")):
            kgs.facts.put(f, extractor="m")
        commit(kgs, {"a.txt": facts("a.txt"), "b.txt": facts("b.txt")}, replaced=["a.txt", "b.txt"])
    assert "removed 1 article from" in remove([str(tmp_path / "elsewhere" / "b.txt")], store=store)
    with KGStore.writing(store) as kgs:
        assert list(kgs.articles()) == ["a.txt"]
        assert len(list((store / FACTS_DIR).iterdir())) == 1
    with pytest.raises(UsageError, match="no article 'nope.txt'"):
        remove(["nope.txt"], store=store)


def test_a_folder_of_other_files_is_not_made_a_store(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("article")
    with pytest.raises(StoreError, match="not a store, and not empty"), KGStore.writing(tmp_path / "corpus"):
        pass
    assert [p.name for p in (tmp_path / "corpus").iterdir()] == ["a.txt"]
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / LOCK_FILE).write_text("")  # a build killed before its first write
    with KGStore.writing(tmp_path / "new") as kgs:
        assert len(kgs.db) == 0


def test_missing_facts_of_a_stored_article_is_a_store_error(tmp_path: Path) -> None:
    with BuildStore.writing(tmp_path / "s") as kgs:
        commit(kgs, {"a.txt": facts("a.txt")}, replaced=["a.txt"])
        with pytest.raises(StoreError, match="no cached facts for the stored article 'a.txt'"):
            kgs.load_facts(kgs.articles().values())


# ------------------------------------------------------------------ locks


def test_second_writer_waits_then_fails_with_exit_4(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    with exclusive(tmp_path / "s" / "lock"):
        with pytest.raises(StoreLocked, match=r"locked by another kg process \(pid \d+\)") as info, \
                exclusive(tmp_path / "s" / "lock", timeout=0.3):
            pass
        assert info.value.exit_code == EXIT_STORE
    with exclusive(tmp_path / "s" / "lock", timeout=0):  # released
        pass


HOLD = textwrap.dedent("""
    import sys, time
    from kg.store.embedded import KGStore
    with KGStore.writing(sys.argv[1]):
        print("holding", flush=True)
        time.sleep(30)
""")


def test_a_build_holding_the_store_blocks_other_processes(tmp_path: Path, monkeypatch) -> None:
    store = tmp_path / "s"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        monkeypatch.setenv("KG_LOCK_TIMEOUT", "0.2")
        with pytest.raises(StoreLocked, match=f"pid {holder.pid}"), KGStore.writing(store):
            pass
        with pytest.raises(StoreError, match="in use by another kg process"):
            open_store(store)
    finally:
        holder.kill()
        holder.wait()
    with KGStore.writing(store) as kgs:  # the lock died with its process
        assert len(kgs.db) == 0


def test_cli_reports_a_locked_store_with_exit_4(tmp_path: Path, monkeypatch) -> None:
    from tests.conftest import run_kg

    monkeypatch.setenv("KG_LOCK_TIMEOUT", "0")
    (tmp_path / "s").mkdir()
    with exclusive(tmp_path / "s" / LOCK_FILE):
        assert run_kg("remove", "a.txt", "--store", str(tmp_path / "s")).code == EXIT_STORE


# ------------------------------------------------------------------ planning


def raw(f: ArticleFacts) -> RawArticle:
    return RawArticle(f.article.id, f.article.id, f.article.text, f.article.sha256)


def test_plan_sorts_articles_by_what_the_hash_and_the_cache_say(tmp_path: Path) -> None:
    a, b = facts("a.txt"), facts("b.txt")
    b2 = facts("b.txt", "Lloyd Austin a appelé Valéri Guérassimov.", milley=False)
    c = facts("c.txt")
    with BuildStore.writing(tmp_path / "s") as kgs:
        for f in (a, b, c):
            kgs.facts.put(f, extractor="x@1")
        commit(kgs, {"a.txt": a, "b.txt": b}, replaced=["a.txt", "b.txt"])
        work = plan(kgs, [raw(a), raw(b2), raw(c)], extractor="x@1")
        assert work.unchanged == ["a.txt"] and work.cached == [c] and [r.id for r in work.todo] == ["b.txt"]
        assert work.replacing == {"b.txt"}
        assert [r.id for r in plan(kgs, [raw(a)], extractor="x@2").todo] == ["a.txt"]  # a new extractor
        assert [r.id for r in plan(kgs, [raw(a)], extractor="x@1", force=True).todo] == ["a.txt"]
        assert stored_facts(kgs, work) == {"a.txt": a, "b.txt": b}  # b keeps its old facts until replaced


def test_the_extractor_id_names_the_model_and_the_code() -> None:
    from kg.build import extractor_id

    assert extractor_id("fr_core_news_md") == extractor_id("fr_core_news_md")
    assert extractor_id("fr_core_news_md").startswith("fr_core_news_md@")
    assert extractor_id("fr_core_news_md") != extractor_id("fr_core_news_lg")


# ------------------------------------------------------------------ build() without the model


def fake_extract(raws, **_kwargs):
    """Hand-made facts for each raw article, with its real content hash (no spaCy)."""
    for r in raws:
        f = facts(r.id, r.text)
        yield ArticleFacts(Article(r.id, r.text, sha256=r.sha256), f.persons, f.holdings, f.calls)


def test_strict_store_build_writes_nothing_when_the_graph_violates_a_shape(tmp_path: Path, monkeypatch) -> None:
    from kg.build import build
    from kg.errors import NonConforming

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Mark Milley a appelé Valéri Guérassimov.", encoding="utf-8")
    monkeypatch.setattr("kg.build.extract", fake_extract)
    monkeypatch.setattr("kg.build._validate", lambda quads: (2, 0, 0, 0))  # violations, warnings, infos, others
    with pytest.raises(NonConforming, match="2 shape violations"):
        build([str(tmp_path / "c")], store=tmp_path / "s", strict=True)
    with KGStore.writing(tmp_path / "s") as kgs:
        assert len(kgs.db) == 0
    summary = build([str(tmp_path / "c")], store=tmp_path / "s")  # not strict: written, and counted
    assert summary.violations == 2 and summary.added == 1 and summary.triples > 0


def test_jobs_reach_the_extractor(tmp_path: Path, monkeypatch) -> None:
    from kg.build import extract
    from kg.extract import pipeline

    seen = {}

    class Fake:
        def __init__(self, model: str) -> None:
            seen["model"] = model

        def extract(self, raws, **kwargs):
            seen.update(kwargs)
            return iter(())

    monkeypatch.setattr(pipeline, "Extractor", Fake)
    list(extract([RawArticle("a.txt", "a.txt", "x", "0" * 64)], jobs=3))
    assert seen == {"model": "fr_core_news_md", "jobs": 3}
    seen.clear()
    list(extract([], jobs=3))
    assert seen == {}  # nothing to read: no model


def test_the_store_imports_nothing_of_the_pipeline() -> None:
    """kg/store applies quads and answers queries: resolution, mapping and extraction stay in the build
    pipeline (kg.merge, kg.ingest), so a change to name matching never reaches the store."""
    import ast

    from tests.conftest import ROOT

    forbidden = ("kg.resolve", "kg.mapping", "kg.extract", "kg.merge", "kg.ingest", "kg.facts_cache")
    found = []
    for path in sorted((ROOT / "kg" / "store").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.name}:{node.lineno} {n}" for n in names
                      if any(n == f or n.startswith(f + ".") for f in forbidden)]
    assert found == []
