"""What the resolution index keeps for incremental commits besides its keys (kg.store.index): each article's facts in
the compact form of kg.facts_cache, read instead of the JSON files, and each name's name keys, read instead of
computed; an index written before them is migrated when a build opens the store, and commits stay exact."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from bench.resolution import synthetic_facts
from kg.extract.model import (
    Article,
    ArticleFacts,
    CallFact,
    DateValue,
    Evidence,
    Holding,
    LaunchFact,
    MissileMention,
    Party,
    PersonRef,
    TreatyEventFact,
    TreatyMention,
)
from kg.facts_cache import compact, from_compact
from kg.ingest import BuildStore
from kg.store import FACTS_DIR
from kg.store.index import INDEX_FILE, VERSION, ResolutionIndex
from tests.factories import commit_in_steps as build
from tests.factories import incremental_only, one_shot

CASES = Path(__file__).resolve().parent.parent / "mapping_cases"


def without_text(facts: ArticleFacts) -> ArticleFacts:
    return dataclasses.replace(facts, article=dataclasses.replace(facts.article, text=""))


def every_kind() -> ArticleFacts:
    """One article with a fact of every kind and every optional field set or left empty."""
    ev = (Evidence("a.txt", 3, 9, "Le 2 mars, A a appelé B.", "rule"),)
    day = DateValue.of_day(date(2024, 3, 2), "le 2 mars")
    bounded = DateValue(None, None, date(2024, 2, 1), date(2024, 2, 29), "en février")
    return ArticleFacts(
        Article("a.txt", "Le 2 mars, A a appelé B.", published=date(2024, 3, 3), url="https://x.org/a",
                title="Titre", sha256="ab" * 32),
        (PersonRef("p1", "Anne Dupont", ("Anne Dupont", "Dupont"), ev, "Mme"), PersonRef("p2", "Boris Ivanov", (), ev)),
        (Holding("p1", "FR.minister_of_defence", ev, start=day, end=None, attested=bounded, replaces="p2"),),
        (CallFact((Party(person="p1"), Party(office="RU.minister_of_defence"), Party(country="US")), ev, bounded,
                  initiator=Party(person="p1"), topics=("Ukraine",), medium="video"),),
        (MissileMention("oreshnik", "Orechnik", ev),),
        (LaunchFact("oreshnik", ev, day, by="RU", target="Dnipro"), LaunchFact(None, ev)),
        (TreatyMention("new_start", "New Start", ev),),
        (TreatyEventFact("new_start", "suspension", ev, None, ("RU",)),),
        extra={"note": [1, "deux"]})


def test_the_compact_form_gives_back_the_facts_without_their_text() -> None:
    facts = [every_kind(), *synthetic_facts(5)]
    for case in sorted(CASES.glob("*/facts.json")):  # hand-written facts shaped like real ones
        facts += map(ArticleFacts.from_json, json.loads(case.read_text(encoding="utf-8"))["facts"])
    for f in facts:
        back = from_compact(compact(f))
        assert back == without_text(f)
        assert back is not None and back.extra == f.extra and back.article.title == f.article.title
    assert len(compact(every_kind())) < len(json.dumps(every_kind().to_json()))


@pytest.mark.parametrize("record", [b"", b"\x02" + compact(every_kind())[1:], compact(every_kind())[:40],
                                    b"\x01" + __import__("marshal").dumps((1, 2))])
def test_a_record_this_kg_cannot_read_is_absent(record: bytes) -> None:
    assert from_compact(record) is None


def test_the_index_returns_a_record_only_for_the_version_it_indexes(tmp_path: Path) -> None:
    f = synthetic_facts(1)[0]
    index = ResolutionIndex(tmp_path)
    try:
        index.update({"a": ("sha1", "", {"n:x"}, compact(f), {"X": frozenset({"n:x"})})})
        assert index.records(["a", "b"]) == {"a": compact(f)}
        assert index.name_keys_of(["X", "Y"]) == {"X": frozenset({"n:x"})}
        index.db.execute("UPDATE article SET sha256 = 'sha2'")  # as a kg without records leaves a re-added article
        assert index.records(["a"]) == {}
        index.update({}, drop=["a"])
        assert index.db.execute("SELECT count(*) FROM facts").fetchone()[0] == 0
    finally:
        index.close()


def test_commits_read_the_stored_articles_from_the_index_not_from_json(tmp_path: Path, closures) -> None:
    facts = synthetic_facts(30)
    build(tmp_path / "s", [("add", facts[:20])])
    for f in (tmp_path / "s" / FACTS_DIR).glob("*.json"):
        f.unlink()  # only the index's records are left of the stored articles' facts
    assert build(tmp_path / "s", [("add", facts[20:])]) == one_shot(facts)
    assert closures[-1] is not None and closures[-1] > 10  # incremental, and it re-read stored articles


def test_commits_read_the_name_keys_of_stored_names_from_the_index(tmp_path: Path, closures, monkeypatch) -> None:
    facts = synthetic_facts(30)
    build(tmp_path / "s", [("add", facts[:20])])
    computed: list[str] = []
    from kg import merge

    real = merge.name_keys
    monkeypatch.setattr(merge, "name_keys", lambda name: computed.append(name) or real(name))
    assert build(tmp_path / "s", [("add", facts[20:])]) == one_shot(facts)
    stored_only = {p.name for f in facts[:20] for p in f.persons} - {p.name for f in facts[20:] for p in f.persons}
    assert closures[-1] and stored_only and not stored_only & set(computed)


def test_an_index_of_the_previous_version_is_migrated_and_commits_stay_exact(tmp_path: Path, closures) -> None:
    facts = synthetic_facts(30)
    build(tmp_path / "s", [("add", facts[:20])])
    db = sqlite3.connect(tmp_path / "s" / INDEX_FILE)
    db.executescript("DROP TABLE facts; DROP TABLE namekey; PRAGMA user_version = 0;")  # as kg wrote it before
    db.close()
    with BuildStore.writing(tmp_path / "s") as kgs:
        index = kgs.index()
        assert index.current and len(index.records(index.versions())) == 20
        assert len(index.name_keys_of(p.name for f in facts[:20] for p in f.persons)) > 0
    assert build(tmp_path / "s", [("add", facts[20:])]) == one_shot(facts)
    index = ResolutionIndex(tmp_path / "s")
    try:
        assert index.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert len(index.records(index.versions())) == 30
    finally:
        index.close()


@pytest.fixture
def closures(monkeypatch) -> list[int | None]:
    """Every commit goes the incremental way; the size of each closure (None: re-resolved in full)."""
    return incremental_only(monkeypatch)


def test_leaving_the_pinned_people_out_of_the_closure_mapping_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    """The closure's mapping skips its pinned people, their terms and the calls among them only (kg.merge._Closure):
    the change it gives is the one a mapping of the whole closure gives, and it did skip some."""
    from kg import merge

    facts = synthetic_facts(60)
    build(tmp_path / "s", [("add", facts[:50])])
    new = {f.article.id: f for f in facts[50:]}
    with BuildStore.writing(tmp_path / "s") as kgs:
        index = kgs.index()
        skipping = merge.incremental_state(dict.fromkeys(new), new, index, kgs.load_indexed)
        skipped: list[int] = []

        class Whole(merge._Closure):
            def __init__(self, resolved, changed, pinned, index) -> None:
                skipped.append(len(pinned))
                super().__init__(resolved, changed, set(), index)

        monkeypatch.setattr(merge, "_Closure", Whole)
        whole = merge.incremental_state(dict.fromkeys(new), new, index, kgs.load_indexed)
    assert skipping is not None and whole is not None and skipped and skipped[0] > 0
    assert skipping.rewrite == whole.rewrite and set(skipping.merged) == set(whole.merged)
    assert set(skipping.article_quads) == set(whole.article_quads) and skipping.names == whole.names


# ---------------------------------------------------------------- digests of the stored merged nodes


def stored_digests(path: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The digests the index records, and those of the store's merged nodes as they are."""
    from pyoxigraph import Store

    from kg.namespaces import MERGED
    from kg.store.embedded import is_lexicon, node_digests

    db = Store(str(path))
    try:
        actual = node_digests(q for q in db.quads_for_pattern(None, None, None, MERGED) if not is_lexicon(q.subject))
    finally:
        del db
    index = ResolutionIndex(path)
    try:
        return dict(index.db.execute("SELECT iri, digest FROM node").fetchall()), actual
    finally:
        index.close()


def test_the_fast_canonical_form_is_the_stores() -> None:
    from kg.merge import merged_state
    from kg.store.embedded import canonical, canonical_by_store

    facts = [every_kind(), *synthetic_facts(40)]
    for case in sorted(CASES.glob("*/facts.json")):
        facts += map(ArticleFacts.from_json, json.loads(case.read_text(encoding="utf-8"))["facts"])
    quads = merged_state({f.article.id: f for f in facts})[1]
    assert canonical(quads) == canonical_by_store(quads)
    from pyoxigraph import Literal, NamedNode, Quad

    odd = [Quad(NamedNode("https://x.org/a"), NamedNode("https://x.org/p"), o, NamedNode("https://x.org/g"))
           for o in (Literal("x", language="FR"), Literal("x", language="fr-FR"), Literal("x", language="fr"),
                     Literal("5", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")),
                     Literal("x", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#string")), Literal(" a\u0301 "))]
    assert canonical(odd) == canonical_by_store(odd)


def test_the_index_records_the_digest_of_every_stored_merged_node_after_each_kind_of_commit(
        tmp_path: Path, monkeypatch) -> None:
    facts = synthetic_facts(40)
    ids = [f.article.id for f in facts]
    build(tmp_path / "s", [("add", facts[:20])])  # a new store: re-resolved in full
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded == actual and len(actual) > 20
    closures = incremental_only(monkeypatch)
    for step in [("add", facts[20:30]), ("remove", ids[:5]), ("add", facts[:5]), ("remove", ids[30:])]:
        build(tmp_path / "s", [step])
        assert closures[-1] is not None  # incremental
        recorded, actual = stored_digests(tmp_path / "s")
        assert recorded == actual, step[0]


@pytest.fixture
def both_ways(monkeypatch) -> list[int]:
    """Every incremental commit's update is also computed reading every rewritten node (no digest known):
    they must be the same update (the same lines: a set of quads is written in any order).  The list it
    returns: how many nodes each commit left unread."""
    from kg.store.embedded import KGStore

    unread: list[int] = []
    real = KGStore.change_update

    def update(self, change, **kwargs):
        with_digests = real(self, change, **kwargs)
        digests, known = self.digests, self.stored_digests
        unread.append(len(change.rewrite | self.rewrite_stored(change)) - len(digests.put) - len(digests.drop))
        self.stored_digests = lambda nodes: {}
        try:
            assert sorted(real(self, change, **kwargs).splitlines()) == sorted(with_digests.splitlines())
        finally:
            self.stored_digests, self.digests = known, digests
        return with_digests

    monkeypatch.setattr(KGStore, "change_update", update)
    return unread


def test_a_commit_makes_the_update_it_would_make_reading_every_node(tmp_path: Path, closures, both_ways) -> None:
    facts = synthetic_facts(60)
    ids = [f.article.id for f in facts]
    build(tmp_path / "s", [("add", facts[:50])])
    assert build(tmp_path / "s", [("add", facts[50:])]) == one_shot(facts)
    assert build(tmp_path / "s", [("remove", ids[45:55])]) == one_shot(facts[:45] + facts[55:])
    assert build(tmp_path / "s", [("add", facts[45:55])]) == one_shot(facts)
    assert len(both_ways) == 4 and all(n > 0 for n in both_ways[1:])  # (the first commit: a new store, no digest)
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded == actual


def test_a_lone_surname_retired_is_linked_with_digests_known(tmp_path: Path, closures, both_ways) -> None:
    """Identity links choose a retired IRI's successor among the rewritten nodes, read or not."""
    stored = synthetic_facts(30)
    lone = ArticleFacts(Article("z.txt", "Lavrov.", published=date(2023, 3, 1), sha256="1" * 64),
                        (PersonRef("p1", "Lavrov", ("Lavrov",), (Evidence("z.txt", 0, 6, "Lavrov.", "t"),)),))
    full = ArticleFacts(Article("y.txt", "Sergueï Lavrov.", published=date(2023, 3, 2), sha256="2" * 64),
                        (PersonRef("p1", "Sergueï Lavrov", ("Sergueï Lavrov",),
                                   (Evidence("y.txt", 0, 14, "Sergueï Lavrov.", "t"),)),))
    build(tmp_path / "s", [("add", [*stored, lone])])
    assert build(tmp_path / "s", [("add", [full])]) == one_shot([*stored, lone, full])
    db = __import__("pyoxigraph").Store(str(tmp_path / "s"))
    try:
        from kg.namespaces import IDENTITY

        links = {(q.subject.value, q.object.value) for q in db.quads_for_pattern(None, None, None, IDENTITY)}
    finally:
        del db
    assert any("lavrov" in s and "lavrov-sergei" in o for s, o in links)


def retire_a_stored_person(monkeypatch, target: str, held, on_change) -> None:
    """Patch ``target`` (an ``incremental_state``) so that the change no longer issues one stored person it
    rewrites; ``on_change(change, gone)`` sees the change and that person's IRI."""
    from kg import merge

    real_state = merge.incremental_state

    def with_a_retired_node(*args, **kwargs):
        change = real_state(*args, **kwargs)
        gone = sorted(s for s in change.rewrite if "/person/" in s.value and s.value in held)[0]
        change.merged = [q for q in change.merged if q.subject != gone]
        on_change(change, gone)
        return change

    monkeypatch.setattr(target, with_a_retired_node)


def test_a_commit_retiring_a_node_beside_unchanged_ones_makes_the_same_update(tmp_path: Path, closures, both_ways,
                                                                             monkeypatch) -> None:
    """Unchanged nodes left unread still count as stored for the identity links of a node the change retires."""
    facts = synthetic_facts(60)
    build(tmp_path / "s", [("add", facts[:50])])
    held, _ = stored_digests(tmp_path / "s")
    retired: list[str] = []
    retire_a_stored_person(monkeypatch, "kg.ingest.incremental_state", held,
                           lambda change, gone: retired.append(gone.value))
    build(tmp_path / "s", [("add", facts[50:])])
    assert retired and both_ways[-1] > 0
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded == actual and retired[0] not in recorded


def test_digests_going_stale_are_forgotten_before_the_store_moves(tmp_path: Path, closures, monkeypatch) -> None:
    facts = synthetic_facts(40)
    build(tmp_path / "s", [("add", facts[:30])])
    before, _ = stored_digests(tmp_path / "s")

    class Crash(Exception):
        pass

    class Db:  # the store, whose update fails (a crash between forgetting digests and moving the store)
        def __init__(self, db) -> None:
            self.db = db

        def __getattr__(self, name: str):
            return getattr(self.db, name)

        def update(self, update: str) -> None:
            raise Crash

    from kg.ingest import BuildStore as BS

    real_apply = BS.apply_change

    def apply_then_crash(self, change, **kwargs):
        real_db, self.db = self.db, Db(self.db)
        try:
            real_apply(self, change, **kwargs)
        finally:
            self.db = real_db

    monkeypatch.setattr(BS, "apply_change", apply_then_crash)
    with pytest.raises(Crash):
        build(tmp_path / "s", [("add", facts[30:])])
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded.items() <= actual.items() and len(recorded) < len(before)  # none wrong, some forgotten
    monkeypatch.setattr(BS, "apply_change", real_apply)
    assert build(tmp_path / "s", [("add", facts[30:])]) == one_shot(facts)


def test_an_index_of_version_2_gets_the_node_digests_from_the_store(tmp_path: Path, closures) -> None:
    facts = synthetic_facts(30)
    build(tmp_path / "s", [("add", facts[:20])])
    db = sqlite3.connect(tmp_path / "s" / INDEX_FILE)
    db.executescript("DROP TABLE node; PRAGMA user_version = 2;")  # as kg wrote it before the digests
    db.close()
    with BuildStore.writing(tmp_path / "s") as kgs:
        assert kgs.index().current
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded == actual and recorded
    assert build(tmp_path / "s", [("add", facts[20:])]) == one_shot(facts)


def test_a_full_commit_records_the_digests_even_in_an_index_the_run_did_not_open(tmp_path: Path) -> None:
    facts = synthetic_facts(30)
    build(tmp_path / "s", [("add", facts[:20])])
    from kg.merge import merged_state

    with BuildStore.writing(tmp_path / "s") as kgs:  # a commit with nothing pending: the merged layer again
        kgs.apply(merged_state({f.article.id: f for f in facts[:10]})[1])  # (here: another one, to see it)
        assert kgs._index is None
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded == actual


class _NoInputs:
    """The index, without the recorded call inputs: every call of a closure is mapped."""

    def __init__(self, index) -> None:
        self.index = index

    def __getattr__(self, name: str):
        return getattr(self.index, name)

    def node_inputs(self, nodes) -> dict:
        return {}


@pytest.fixture
def kept_or_not(monkeypatch, closures) -> list[int]:
    """Every incremental commit's update is also computed with every call of its closure mapped (no call input
    known): it must be the same update.  The list it returns: how many calls each commit kept unmapped."""
    from kg import merge
    from kg.store.embedded import KGStore

    kept: list[int] = []
    plain: dict[int, object] = {}

    def state(old, new, index, load, **kwargs):
        change = merge.incremental_state(old, new, index, load, **kwargs)  # (as a test may have patched it)
        if change is not None:
            plain[id(change)] = merge.incremental_state(old, new, _NoInputs(index), load, **kwargs)
            kept.append(len(change.kept))
        return change

    monkeypatch.setattr("kg.ingest.incremental_state", state)
    real = KGStore.change_update

    def update(self, change, **kwargs):
        other = plain.pop(id(change), None)
        if other is not None:
            assert not other.kept
            without = real(self, other, **kwargs)
            with_kept = real(self, change, **kwargs)
            assert sorted(without.splitlines()) == sorted(with_kept.splitlines())
            return with_kept
        return real(self, change, **kwargs)

    monkeypatch.setattr(KGStore, "change_update", update)
    return kept


def test_calls_mapped_from_the_same_resolved_call_are_kept_unmapped(tmp_path: Path, kept_or_not) -> None:
    facts = synthetic_facts(60)
    ids = [f.article.id for f in facts]
    assert build(tmp_path / "s", [("add", facts[:50])]) == one_shot(facts[:50])
    assert build(tmp_path / "s", [("add", facts[50:])]) == one_shot(facts)
    assert build(tmp_path / "s", [("remove", ids[45:55])]) == one_shot(facts[:45] + facts[55:])
    assert build(tmp_path / "s", [("add", facts[45:55])]) == one_shot(facts)
    assert kept_or_not[0] == 0 and all(n > 0 for n in kept_or_not[1:])  # (the first: nothing recorded yet)
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded == actual


def test_kept_calls_sharing_an_article_with_a_retired_node_count_for_its_successor(
        tmp_path: Path, kept_or_not, monkeypatch) -> None:
    """A retired IRI's successor is chosen among the nodes sourced by its articles: the kept calls among them
    are mapped for it (Change.kept_quads), and the update is the one mapping every call gives."""
    facts = synthetic_facts(60)
    build(tmp_path / "s", [("add", facts[:50])])
    held, _ = stored_digests(tmp_path / "s")
    asked: list[int] = []

    def counting_kept_quads(change, gone) -> None:
        kept_quads = change.kept_quads
        change.kept_quads = lambda sources: asked.append(len(quads := kept_quads(sources))) or quads

    retire_a_stored_person(monkeypatch, "kg.merge.incremental_state", held, counting_kept_quads)
    build(tmp_path / "s", [("add", facts[50:])])
    assert kept_or_not[-1] > 0 and asked and asked[0] > 0
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded == actual


def test_a_full_commit_records_the_calls_inputs_and_the_next_commit_keeps_calls(tmp_path: Path, monkeypatch) -> None:
    from kg.merge import call_inputs, merged_state

    facts = synthetic_facts(60)
    build(tmp_path / "s", [("add", facts[:50])])  # a new store: re-resolved in full
    index = ResolutionIndex(tmp_path / "s")
    try:
        expected = call_inputs(merged_state({f.article.id: f for f in facts[:50]})[0])
        assert expected and index.node_inputs(expected) == expected
    finally:
        index.close()
    kept: list[int] = []
    from kg import merge

    real = merge.incremental_state

    def spy(*args, **kwargs):
        change = real(*args, **kwargs)
        kept.append(len(change.kept) if change else -1)
        return change

    monkeypatch.setattr(BuildStore, "full_share", 100.0)
    monkeypatch.setattr("kg.ingest.incremental_state", spy)
    assert build(tmp_path / "s", [("add", facts[50:])]) == one_shot(facts)
    assert kept and kept[0] > 0


def test_nodes_that_differ_only_in_citing_the_changed_articles_are_not_read(tmp_path: Path, closures, both_ways,
                                                                         monkeypatch) -> None:
    """People and terms an added (or removed) article names gain (or lose) only its evidence and source: their
    stored quads are found from the new ones and the stored quads citing it (KGStore._guess), and the update is
    the one reading every node gives (both_ways)."""
    from kg.store.embedded import KGStore

    facts = synthetic_facts(60)
    ids = [f.article.id for f in facts]
    build(tmp_path / "s", [("add", facts[:50])])
    guessed: list[int] = []
    real = KGStore._guess
    monkeypatch.setattr(KGStore, "_guess", lambda self, *args: guessed.append(len(g := real(self, *args))) or g)
    assert build(tmp_path / "s", [("add", facts[50:])]) == one_shot(facts)
    assert build(tmp_path / "s", [("remove", ids[50:])]) == one_shot(facts[:50])
    assert len(guessed) == 4 and all(guessed[::2])  # (both_ways makes each update twice, the second knowing no digest)
    recorded, actual = stored_digests(tmp_path / "s")
    assert recorded == actual


def test_an_incremental_commit_runs_without_automatic_garbage_collection(tmp_path: Path, monkeypatch) -> None:
    import gc

    from kg import merge

    facts = synthetic_facts(30)
    build(tmp_path / "s", [("add", facts[:20])])
    during: list[bool] = []
    real = merge.incremental_state
    monkeypatch.setattr(BuildStore, "full_share", 100.0)
    monkeypatch.setattr("kg.ingest.incremental_state", lambda *a, **k: during.append(gc.isenabled()) or real(*a, **k))
    assert gc.isenabled()
    assert build(tmp_path / "s", [("add", facts[20:25])]) == one_shot(facts[:25])
    assert during == [False] and gc.isenabled()
    gc.disable()
    try:
        assert build(tmp_path / "s", [("add", facts[25:])]) == one_shot(facts)
        assert not gc.isenabled()  # left as it was
    finally:
        gc.enable()


def test_no_call_input_is_recorded_for_an_iri_two_calls_share() -> None:
    from pyoxigraph import NamedNode

    from kg.merge import _inputs_by_iri
    from kg.resolve import Call

    a, b, c = (Call([p, "x"], [], None, [], [], "phone", [f"{p}.txt"]) for p in ("a", "b", "c"))
    one, two = NamedNode("https://x.org/call/1"), NamedNode("https://x.org/call/2")
    inputs = _inputs_by_iri([(one, a), (one, b), (two, c)], {})
    assert set(inputs) == {two.value}
