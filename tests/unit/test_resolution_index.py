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
            def __init__(self, resolved, changed, pinned) -> None:
                skipped.append(len(pinned))
                super().__init__(resolved, changed, set())

        monkeypatch.setattr(merge, "_Closure", Whole)
        whole = merge.incremental_state(dict.fromkeys(new), new, index, kgs.load_indexed)
    assert skipping is not None and whole is not None and skipped and skipped[0] > 0
    assert skipping.rewrite == whole.rewrite and set(skipping.merged) == set(whole.merged)
    assert set(skipping.article_quads) == set(whole.article_quads) and skipping.names == whole.names
