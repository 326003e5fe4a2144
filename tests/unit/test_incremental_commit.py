"""Incremental commits (kg.merge.incremental_state, KGStore.apply_change): a store built in several commits,
each re-resolving only the articles its changes can interact with, holds exactly the quads of a one-shot
build of the same articles, whatever the order of the commits and whether articles come, change or go."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import Store

from bench.resolution import synthetic_facts
from kg.extract.model import Article, ArticleFacts, CallFact, DateValue, Evidence, Holding, Party, PersonRef
from kg.ingest import BuildStore
from kg.namespaces import IDENTITY
from kg.store.index import INDEX_FILE, ResolutionIndex
from tests.factories import commit_in_steps as build
from tests.factories import incremental_only, one_shot, orders


@pytest.fixture
def closures(monkeypatch) -> list[int | None]:
    """Every commit goes the incremental way; the size of each closure (None: re-resolved in full)."""
    return incremental_only(monkeypatch)


# ---------------------------------------------------------------- hand-made facts


def article(article_id: str, people: dict[str, str], *, holdings: Iterable[Holding] = (),
            calls: Iterable[CallFact] = (), published: date = date(2023, 3, 1)) -> ArticleFacts:
    text = f"{article_id}: " + ", ".join(people.values())
    ev = (Evidence(article_id, 0, len(text), text, "test"),)
    persons = tuple(PersonRef(k, name, (name, name.split()[-1]), ev) for k, name in people.items())
    article = Article(article_id, text, published=published, sha256=hashlib.sha256(text.encode()).hexdigest())
    return ArticleFacts(article, persons, tuple(holdings), tuple(calls))


def holding(person: str, office: str, *, start: date | None = None, replaces: str | None = None) -> Holding:
    ev = (Evidence("x", 0, 1, "x", "test"),)
    return Holding(person, office, ev, start=DateValue.of_day(start) if start else None, replaces=replaces)


def call(*parties: Party, day: date | None = date(2023, 2, 27)) -> CallFact:
    return CallFact(parties, (Evidence("x", 0, 1, "x", "test"),), DateValue.of_day(day) if day else None)


def evidenced(facts: ArticleFacts) -> ArticleFacts:
    """The facts with every evidence placed in their own article (as extraction writes them)."""
    import dataclasses

    def fix(item):
        return dataclasses.replace(item, evidence=tuple(dataclasses.replace(e, article=facts.article.id)
                                                        for e in item.evidence))

    return dataclasses.replace(facts, holdings=tuple(map(fix, facts.holdings)), calls=tuple(map(fix, facts.calls)))


P1, P2, P3 = Party(person="p1"), Party(person="p2"), Party(person="p3")
CASES = {
    # a lone surname joins the one full name that fits, and none once two fit
    "lone surname": [
        article("a.txt", {"p1": "Lavrov", "p2": "Antony Blinken"}, calls=[call(P1, P2)]),
        article("b.txt", {"p1": "Sergueï Lavrov", "p2": "Wang Yi"}, calls=[call(P1, P2)]),
        article("c.txt", {"p1": "Ivan Lavrov", "p2": "Antony Blinken"}),
        article("d.txt", {"p1": "Blinken", "p2": "Dmytro Kouleba"}, calls=[call(P1, P2, day=None)])],
    # a call party named by its post is the holder on the day; a second holder makes it ambiguous
    "party by office": [
        article("a.txt", {"p1": "Lloyd Austin"}, holdings=[holding("p1", "US.defence_minister")]),
        article("b.txt", {"p1": "Sergueï Choïgou"}, holdings=[holding("p1", "RU.defence_minister")],
                calls=[call(P1, Party(office="US.defence_minister"))]),
        article("c.txt", {"p1": "Pete Hegseth", "p2": "Mark Esper"},
                holdings=[holding("p1", "US.defence_minister", start=date(2023, 1, 1), replaces="p2")]),
        article("d.txt", {"p1": "Andreï Belooussov", "p2": "Lloyd Austin"},
                holdings=[holding("p1", "RU.defence_minister")], calls=[call(P1, P2)])],
    # a successor's start bounds the predecessor's term; a post without a country takes the person's
    "successions and countries": [
        article("a.txt", {"p1": "Olaf Scholz"}, holdings=[holding("p1", "DE.head_of_government")]),
        article("b.txt", {"p1": "Friedrich Merz", "p2": "Olaf Scholz"},
                holdings=[holding("p1", "DE.head_of_government", start=date(2025, 5, 6), replaces="p2")]),
        article("c.txt", {"p1": "Friedrich Merz"}, holdings=[holding("p1", "?.head_of_government",
                                                                     start=date(2025, 5, 5))]),
        article("d.txt", {"p1": "Scholz", "p2": "Emmanuel Macron"}, calls=[call(P1, P2, day=date(2024, 5, 1))])],
    # a name ending in a second surname is compared without it when the corpus holds the shorter form
    "second surnames": [
        article("a.txt", {"p1": "Mariana Ortega Salgado", "p2": "Gustavo Petro"}, calls=[call(P1, P2)]),
        article("b.txt", {"p1": "Mariana Ortega", "p2": "Antony Blinken"}),
        article("c.txt", {"p1": "Gustavo Petro Urrego", "p2": "Nicolás Maduro"}, calls=[call(P1, P2)]),
        article("d.txt", {"p1": "Petro", "p2": "Ortega"}, calls=[call(P1, P2, day=None)])],
    # reports of one call from several articles merge; an undated one joins the recent call
    "merged reports": [
        article("a.txt", {"p1": "Emmanuel Macron", "p2": "Vladimir Poutine"}, calls=[call(P1, P2)],
                published=date(2023, 2, 28)),
        article("b.txt", {"p1": "Macron", "p2": "Poutine"}, calls=[call(P2, P1, day=None)],
                published=date(2023, 3, 2)),
        article("c.txt", {"p1": "Emmanuel Macron", "p2": "Vladimir Putin"},
                calls=[call(P1, P2, day=date(2023, 2, 28))]),
        article("d.txt", {"p1": "Olaf Scholz", "p2": "Vladimir Poutine", "p3": "Emmanuel Macron"},
                calls=[call(P1, P2, P3)])],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_commits_in_any_order_give_the_one_shot_graph(case: str, tmp_path: Path, closures) -> None:
    facts = [evidenced(f) for f in CASES[case]]
    expected = one_shot(facts)
    for name, steps in orders(facts).items():
        assert build(tmp_path / name, steps) == expected, name
    for last in facts:  # each article added last, alone, to a store of the others
        steps = [("add", [f for f in facts if f is not last]), ("add", [last])]
        assert build(tmp_path / last.article.id, steps) == expected, f"{last.article.id} last"
    assert closures and None not in closures  # every commit was incremental


@pytest.mark.parametrize("seed", [1])
def test_synthetic_corpus_in_commits_gives_the_one_shot_graph(seed: int, tmp_path: Path, closures) -> None:
    facts = synthetic_facts(60, seed=seed)
    expected = one_shot(facts)
    for name, steps in orders(facts, seed).items():
        assert build(tmp_path / name, steps) == expected, name
    assert None not in closures
    assert min(c for c in closures if c) < len(facts) // 2  # the closure is a part of the store, not all of it


def test_removing_articles_gives_the_graph_of_the_others(tmp_path: Path, closures) -> None:
    facts = [evidenced(f) for case in CASES.values() for f in case]
    facts = list({f.article.id: f for f in facts}.values())
    gone = [f.article.id for f in facts[::2]]
    got = build(tmp_path / "s", [("add", facts), ("remove", gone)])
    assert got == one_shot(f for f in facts if f.article.id not in gone)


def test_a_lone_surname_moves_to_the_full_name_an_added_article_brings(tmp_path: Path, closures) -> None:
    """The store's node for "Lavrov" alone is retired when "Sergueï Lavrov" arrives, and linked to it."""
    a, b = (evidenced(f) for f in CASES["lone surname"][:2])
    build(tmp_path / "s", [("add", [a])])
    build(tmp_path / "s", [("add", [b])])
    db = Store(str(tmp_path / "s"))
    links = {(q.subject.value, q.object.value) for q in db.quads_for_pattern(None, None, None, IDENTITY)}
    del db
    assert any("lavrov" in s and "lavrov-sergei" in o for s, o in links)


def test_a_stale_index_is_rebuilt_and_the_next_commit_stays_exact(tmp_path: Path, closures) -> None:
    facts = synthetic_facts(40)
    build(tmp_path / "s", [("add", facts[:20])])
    (tmp_path / "s" / INDEX_FILE).unlink()  # as if written by a kg without one, or lost
    assert build(tmp_path / "s", [("add", facts[20:])]) == one_shot(facts)
    index = ResolutionIndex(tmp_path / "s")
    try:
        assert len(index) == 40
    finally:
        index.close()


def test_a_big_closure_is_re_resolved_in_full(tmp_path: Path, monkeypatch) -> None:
    facts = synthetic_facts(30)  # 200 officials: the closure of 10 new articles is far below half of 20
    monkeypatch.setattr(BuildStore, "full_share", 0.0)
    assert build(tmp_path / "s", [("add", facts[:20]), ("add", facts[20:])]) == one_shot(facts)
