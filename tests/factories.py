"""Small, model-free building blocks that several test modules share: hand-made article facts, a commit to a
store, corpora of example articles, a validation fixture graph and an extractor stub."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from pyoxigraph import Quad, Store
from rdflib import Graph

from kg.extract.model import Article, ArticleFacts, CallFact, DateValue, Evidence, Holding, Party, PersonRef
from kg.ingest import BuildStore
from kg.namespaces import IDENTITY, KGO, KGR
from kg.validate import load_data
from tests.conftest import EXAMPLES, SHAPE_FIXTURES

VALID = SHAPE_FIXTURES / "valid-graph.trig"
US = KGR["country/us-9b7e2c41"]


CALL_DAY = date(2022, 10, 24)


def facts(article_id: str, text: str = "", *, milley: bool = True) -> ArticleFacts:
    """One article reporting a call between Mark Milley (or Lloyd Austin) and Valéri Guérassimov."""
    text = text or f"Le général Mark Milley a appelé Valéri Guérassimov. ({article_id})"
    sha = hashlib.sha256(text.encode()).hexdigest()
    us = "Mark Milley" if milley else "Lloyd Austin"
    office = "US.chief_of_defence" if milley else "US.defence_minister"
    ev = Evidence(article_id, 0, len(text), text, "test")
    people = (PersonRef("p1", us, (us,), (ev,)),
              PersonRef("p2", "Valéri Guérassimov", ("Guérassimov",), (ev,)))
    holdings = (Holding("p1", office, (ev,)), Holding("p2", "RU.chief_of_defence", (ev,)))
    call = CallFact((Party(person="p1"), Party(person="p2")), (ev,), DateValue.of_day(CALL_DAY))
    article = Article(article_id, text, published=CALL_DAY, sha256=sha)
    return ArticleFacts(article, people, holdings, (call,))


def commit(kgs: BuildStore, all_facts: dict[str, ArticleFacts], **changes) -> list[Quad]:
    _, quads = kgs.state(all_facts)
    kgs.apply(quads, **changes)
    return quads


FIRST, SECOND, THIRD = "01_appel_lecornu_choigou.txt", "02_shoigu_bombe_sale.txt", "03_milley_guerassimov_pologne.txt"


def corpus(folder: Path, *names: str) -> Path:
    """A corpus folder with these example articles added, and their manifest entries beside those of the
    articles already there (a manifest edit is a change of those articles)."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = json.loads((EXAMPLES / "manifest.json").read_text(encoding="utf-8"))
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
    present = {p.name for p in folder.iterdir()}
    chosen = [e for e in entries if e["file"] in present]
    (folder / "manifest.json").write_text(json.dumps(chosen), encoding="utf-8")
    return folder


def warning_only_graph() -> Graph:
    graph = Graph()
    for s, p, o, _ in load_data([VALID]).quads((None, None, None, None)):
        graph.add((s, p, o))
    graph.remove((US, KGO.isoCode, None))
    return graph


def fake_extract(seen: list[str]):
    """An extractor stub that records the ids it reads and keeps each article's metadata in its facts."""

    def extract(raws, **_kwargs):
        for r in raws:
            seen.append(r.id)
            f = facts(r.id, r.text)
            article = Article(r.id, r.text, published=r.published, url=r.url, lang=r.lang, sha256=r.sha256)
            yield ArticleFacts(article, f.persons, f.holdings, f.calls)

    return extract


# -- one-line facts for resolution tests


def ev(article: str) -> tuple[Evidence, ...]:
    return (Evidence(article, 0, 5, "Une phrase.", "test"),)


def person(key: str, name: str, article: str) -> PersonRef:
    return PersonRef(key, name, (name,), ev(article))


def people(article_id: str, *names: str) -> list[PersonRef]:
    return [person(f"p{i}", n, article_id) for i, n in enumerate(names, 1)]


def day(text: str) -> DateValue:
    return DateValue.of_day(date.fromisoformat(text))


def article(name: str, published: str | None, persons, holdings=(), calls=()) -> ArticleFacts:
    pub = date.fromisoformat(published) if published else None
    return ArticleFacts(Article(name, "Une phrase.", published=pub), tuple(persons), tuple(holdings), tuple(calls))


# ------------------------------------------------------------------ the people finder on hand-annotated Docs


def lexicon_pipeline():
    """A blank French pipeline with sentences and kg's lexicon matcher: the model's work is given by hand."""
    import spacy

    import kg.extract.lexmatch  # noqa: F401  (registers kg_lexicon)
    import kg.extract.pipeline  # noqa: F401  (registers Doc._.article_id)

    blank = spacy.blank("fr")
    blank.add_pipe("sentencizer")
    blank.add_pipe("kg_lexicon")
    return blank


def people_found(nlp, text: str, entities=(), proper: tuple[str, ...] = (), nouns: tuple[str, ...] = (),
                 adjectives: tuple[str, ...] = ()) -> list[str]:
    """Person mentions kg_people finds in ``text``; the model's entities are given as (substring, label), and
    the words the tagger would call proper nouns, common nouns or adjectives as ``proper``, ``nouns`` and
    ``adjectives``."""
    from spacy.tokens import Span

    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.people import PeopleFinder

    doc = nlp(text)
    spans = []
    for surface, label in entities:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = [s for s in spans if isinstance(s, Span)]
    tags = {**dict.fromkeys(adjectives, "ADJ"), **dict.fromkeys(nouns, "NOUN"), **dict.fromkeys(proper, "PROPN")}
    for token in doc:
        if token.text in tags:
            token.pos_ = tags[token.text]
    doc = PeopleFinder(load_gazetteer())(doc)
    return [m.span.text for m in doc._.people]


# ---------------------------------------------------------------- incremental commits

Step = tuple[str, list]


def incremental_only(monkeypatch) -> list[int | None]:
    """Make every commit go the incremental way (no share of the store is too big); the list it returns
    records each closure's size (None: re-resolved in full)."""
    monkeypatch.setattr(BuildStore, "full_share", 100.0)
    seen: list[int | None] = []
    from kg import merge

    original = merge.incremental_state

    def spy(*args, **kwargs):
        change = original(*args, **kwargs)
        seen.append(None if change is None else change.closure)
        return change

    monkeypatch.setattr("kg.ingest.incremental_state", spy)
    return seen


def commit_in_steps(path: Path, steps: Iterable[Step]) -> set[Quad]:
    """Run each step as its own ``kg build`` would (one commit per step) and return the store's quads
    outside the identity graph."""
    from kg.ingest import Committer, Plan, remove_articles, stored_facts

    for kind, items in steps:
        with BuildStore.writing(path) as kgs:
            if kind == "add":
                committer = Committer(kgs, stored_facts(kgs, Plan()), total=len(items), grouped=False)
                for f in items:
                    committer.add(f, extractor="test")
                committer.commit()
            else:
                remove_articles(kgs, items)
    db = Store(str(path))
    try:
        return {q for q in db if q.graph_name != IDENTITY}
    finally:
        del db


def one_shot(facts: Iterable[ArticleFacts]) -> set[Quad]:
    """The quads of a one-shot build of these facts, as a store keeps them."""
    from kg.merge import merged_state
    from kg.store.embedded import canonical_by_store

    return canonical_by_store(merged_state({f.article.id: f for f in facts})[1])


def orders(facts: list[ArticleFacts], seed: int = 3) -> dict[str, list[Step]]:
    """Ways to reach a store of these facts in several commits: halves, one by one shuffled, in threes,
    and with a removal of half of them added back."""
    half, ids = len(facts) // 2, [f.article.id for f in facts]
    shuffled = random.Random(seed).sample(facts, len(facts))
    return {"halves": [("add", facts[:half]), ("add", facts[half:])],
            "one by one, shuffled": [("add", [f]) for f in shuffled],
            "in threes": [("add", facts[i:i + 3]) for i in range(0, len(facts), 3)],
            "add, remove half, add back": [("add", facts), ("remove", ids[:half]), ("add", facts[:half])]}
