"""A synthetic kg graph of about N triples (1M by default), shaped like ``kg build`` output.

Offices, post types and countries come from kg's lexicon; every office has a succession of
dated terms (``kgo:replaces`` the previous one); articles are dated and each reports one to
four calls between the holders, at that date, of two offices of different countries.  Article
graphs hold the ``kgo:Article`` and ``kgo:Evidence`` nodes, the merged graph everything else,
and every IRI is minted with :func:`kg.mapping.mint`, as the builder does.  The facts the pipeline derives
(each call participant's post at the call, :class:`kg.mapping.PostsAtCalls`) follow, derived by the same
code and not counted in N.  The graph conforms
to the shapes (up to a few warnings on calls dated only by a week), so validation times are realistic.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kg.extract.lexicon import load_lexicon
from kg.mapping import MERGED, PostsAtCalls, article_graph, mint
from kg.namespaces import KGO, PREFIXES

XSD = PREFIXES["xsd"]
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
LABEL = NamedNode(PREFIXES["rdfs"] + "label")
PREF = NamedNode(PREFIXES["skos"] + "prefLabel")
ALT = NamedNode(PREFIXES["skos"] + "altLabel")
NOTATION = NamedNode(PREFIXES["skos"] + "notation")
FIRST = date(1995, 1, 1)
LAST = date(2025, 12, 31)
NAMES = ["Jean", "Marc", "Sergueï", "Valeri", "Lloyd", "Mark", "Charles", "Andriï", "Oleksiï", "Rustem",
         "Boris", "Ivan", "Dmitri", "Hakan", "Minoru", "Kenji", "Anne", "Olga", "Yuki", "Sofia", "Lina"]
SURNAMES = ["Durand", "Guérassimov", "Choïgou", "Austin", "Milley", "Brown", "Reznikov", "Zaloujny",
            "Pistorius", "Akar", "Kihara", "Singh", "Mercier", "Novak", "Kowalski", "Petrenko", "Sokolov",
            "Tanaka", "Fischer", "Weber", "Lambert", "Leclerc", "O'Brien", "Nuñez", "Østergaard"]


def k(name: str) -> NamedNode:
    return NamedNode(str(KGO[name]))


def lit(value: object, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


@dataclass
class TermInfo:
    iri: NamedNode
    person: NamedNode
    office: str
    start: date
    end: date | None


@dataclass
class World:
    """The offices with their successions of holders, the people and a random generator."""

    rng: random.Random
    terms: dict[str, list[TermInfo]] = field(default_factory=dict)
    people: dict[NamedNode, str] = field(default_factory=dict)

    def holder(self, office: str, day: date) -> TermInfo | None:
        for t in self.terms[office]:
            if t.start <= day and (t.end is None or day <= t.end):
                return t
        return None


class Generator:
    """Yields the quads of the synthetic graph; stops once ``target`` quads have been written."""

    def __init__(self, target: int = 1_000_000, seed: int = 6) -> None:
        self.target, self.count = target, 0
        self.world = World(random.Random(seed))
        self.lex = load_lexicon()
        self.offices = sorted(self.lex.offices)
        self.bio_evidence: dict[NamedNode, tuple[NamedNode, NamedNode]] = {}

    def quads(self) -> Iterator[Quad]:
        """The graph's quads, then the facts the pipeline derives from them (``kgo:PostAtCall``, by
        :class:`kg.mapping.PostsAtCalls`, as :func:`kg.mapping.to_quads` does), which ``target`` does not
        count (``self.derived`` does)."""
        derived = PostsAtCalls()
        for q in self._base():
            derived.add(q)
            yield q
        self.derived = 0
        for q in derived.quads():
            self.derived += 1
            yield q

    def _base(self) -> Iterator[Quad]:
        for q in self._static():
            self.count += 1
            yield q
        n = 0
        while self.count < self.target:
            for q in self._article(n):
                self.count += 1
                yield q
            n += 1
        self.articles = n

    # -- offices, countries, people and their terms

    def _static(self) -> Iterator[Quad]:
        yield from self._offices()
        for office in self.offices:
            yield from self._succession(office)

    def _offices(self) -> Iterator[Quad]:
        types, actors = set(), set()
        for office_id in self.offices:
            o = self.lex.offices[office_id]
            node, post = mint("office", o.id, o.id), mint("post-type", o.type, o.type)
            yield Quad(node, RDF_TYPE, k("Office"), MERGED)
            yield Quad(node, NOTATION, Literal(o.id), MERGED)
            yield Quad(node, LABEL, Literal(o.label_en, language="en"), MERGED)
            yield Quad(node, LABEL, Literal(o.label_fr, language="fr"), MERGED)
            yield Quad(node, k("postType"), post, MERGED)
            yield Quad(node, k("jurisdiction"), self._actor(o.country), MERGED)
            types.add(o.type)
            actors.add(o.country)
        for t in sorted(types):
            yield from self._post_type(t)
        for a in sorted(actors):
            yield from self._actor_quads(a)

    def _post_type(self, type_id: str) -> Iterator[Quad]:
        pt, node = self.lex.post_types[type_id], mint("post-type", type_id, type_id)
        yield Quad(node, RDF_TYPE, k("PostType"), MERGED)
        yield Quad(node, NOTATION, Literal(pt.id), MERGED)
        yield Quad(node, LABEL, Literal(pt.label_en, language="en"), MERGED)
        yield Quad(node, LABEL, Literal(pt.label_fr, language="fr"), MERGED)
        yield Quad(node, k("singleHolder"), lit("true" if pt.single_holder else "false", "boolean"), MERGED)

    def _actor(self, code: str) -> NamedNode:
        a = self.lex.actors.get(code)
        return mint("actor", code, a.label_en if a else code)

    def _actor_quads(self, code: str) -> Iterator[Quad]:
        a, node = self.lex.actors.get(code), self._actor(code)
        if a is None:
            return
        yield Quad(node, RDF_TYPE, k("Organisation" if a.kind == "organisation" else "Country"), MERGED)
        yield Quad(node, LABEL, Literal(a.label_en, language="en"), MERGED)
        yield Quad(node, LABEL, Literal(a.label_fr, language="fr"), MERGED)
        if a.kind != "organisation":
            yield Quad(node, k("isoCode"), Literal(a.id), MERGED)
        yield Quad(node, NOTATION, Literal(a.id), MERGED)

    def _succession(self, office: str) -> Iterator[Quad]:
        """Consecutive terms of one office from 1995 to today, each with a new holder."""
        rng, start, previous = self.world.rng, FIRST + timedelta(days=self.world.rng.randrange(900)), None
        self.world.terms[office] = []
        while start < LAST:
            end = start + timedelta(days=rng.randrange(300, 2200))
            end = None if end > LAST else end
            name = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)} {office.split('.')[0]}{len(self.world.people)}"
            person = mint("person", name.casefold(), name)
            term = TermInfo(mint("term", f"{name}|{office}", f"{name} {office}"), person, office, start, end)
            yield from self._person(person, name, term)
            yield from self._term(term, previous)
            self.world.terms[office].append(term)
            previous, start = term, (end or LAST) + timedelta(days=1)

    def _person(self, person: NamedNode, name: str, term: TermInfo) -> Iterator[Quad]:
        self.world.people[person] = name
        ev, art = yield from self._bio_article(name, term)
        self.bio_evidence[person] = (ev, art)
        yield Quad(person, RDF_TYPE, k("Person"), MERGED)
        yield Quad(person, LABEL, Literal(name, language="fr"), MERGED)
        yield Quad(person, PREF, Literal(name, language="fr"), MERGED)
        yield Quad(person, ALT, Literal(name.split()[1], language="fr"), MERGED)
        yield Quad(person, k("evidence"), ev, MERGED)
        yield Quad(person, k("source"), art, MERGED)

    def _bio_article(self, name: str, term: TermInfo):
        """A one-sentence article announcing a nomination: the evidence of a person and their term."""
        article_id = f"bio-{hashlib.sha1(name.encode()).hexdigest()[:12]}.txt"
        sentence = f"{name} a été nommé {term.office} le {term.start.isoformat()}."
        yield from self._article_node(article_id, term.start, len(sentence))
        ev = yield from self._evidence(article_id, sentence, 0, name, "person.nomination")
        return ev, mint("article", article_id)

    def _term(self, t: TermInfo, previous: TermInfo | None) -> Iterator[Quad]:
        ev, art = self.bio_evidence[t.person]
        yield Quad(t.iri, RDF_TYPE, k("OfficeTerm"), MERGED)
        yield Quad(t.iri, k("holder"), t.person, MERGED)
        yield Quad(t.iri, k("office"), mint("office", t.office, t.office), MERGED)
        yield from self._date(t.iri, t.start, "start")
        if t.end is not None:
            yield from self._date(t.iri, t.end, "end")
        if previous is not None:
            yield Quad(t.iri, k("replaces"), previous.iri, MERGED)
        yield Quad(t.iri, k("evidence"), ev, MERGED)
        yield Quad(t.iri, k("source"), art, MERGED)

    def _date(self, node: NamedNode, day: date, prop: str, precision: str = "day") -> Iterator[Quad]:
        if precision == "day":
            yield Quad(node, k(prop), lit(day.isoformat(), "date"), MERGED)
            first = last = day
        elif precision == "month":
            yield Quad(node, k(prop), lit(day.isoformat()[:7], "gYearMonth"), MERGED)
            first = day.replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        else:  # only bounds: "la semaine dernière"
            first, last = day - timedelta(days=day.weekday() + 7), day - timedelta(days=day.weekday() + 1)
        yield Quad(node, k(prop + "Earliest"), lit(first.isoformat(), "date"), MERGED)
        yield Quad(node, k(prop + "Latest"), lit(last.isoformat(), "date"), MERGED)

    # -- articles and calls

    def _article_node(self, article_id: str, published: date, length: int) -> Iterator[Quad]:
        g, node = article_graph(article_id), mint("article", article_id)
        yield Quad(node, RDF_TYPE, k("Article"), g)
        yield Quad(node, k("fileName"), Literal(article_id), g)
        yield Quad(node, k("textLength"), lit(length, "nonNegativeInteger"), g)
        yield Quad(node, k("language"), lit("fr", "language"), g)
        yield Quad(node, k("sha256"), Literal(hashlib.sha256(article_id.encode()).hexdigest()), g)
        yield Quad(node, k("published"), lit(published.isoformat(), "date"), g)

    def _evidence(self, article_id: str, sentence: str, start: int, quote: str, rule: str):
        """An evidence node: ``quote`` found at ``start`` in the article text, within ``sentence``."""
        g, end = article_graph(article_id), start + len(quote)
        node = mint("evidence", f"{article_id}|{start}|{end}|{rule}", f"{article_id}-{start}")
        yield Quad(node, RDF_TYPE, k("Evidence"), g)
        yield Quad(node, k("inArticle"), mint("article", article_id), g)
        yield Quad(node, k("sentence"), Literal(sentence), g)
        yield Quad(node, k("quote"), Literal(quote), g)
        yield Quad(node, k("charStart"), lit(start, "nonNegativeInteger"), g)
        yield Quad(node, k("charEnd"), lit(end, "nonNegativeInteger"), g)
        yield Quad(node, k("rule"), Literal(rule), g)
        return node

    def _article(self, n: int) -> Iterator[Quad]:
        rng = self.world.rng
        article_id = f"article-{n:07d}.txt"
        published = date(2000, 1, 1) + timedelta(days=rng.randrange((LAST - date(2000, 1, 1)).days))
        calls = rng.randint(1, 4)
        yield from self._article_node(article_id, published, 400 * calls + 200)
        for i in range(calls):
            yield from self._call(article_id, i, published - timedelta(days=rng.randrange(0, 10)))

    def _call(self, article_id: str, i: int, day: date) -> Iterator[Quad]:
        rng = self.world.rng
        first, second = self._two_holders(day)
        if first is None or second is None:
            return
        a, b = self.world.people[first.person], self.world.people[second.person]
        sentence = f"{a} s'est entretenu par téléphone avec son homologue, {b}, le {day.isoformat()}."
        ev = yield from self._evidence(article_id, sentence, 400 * i + 20, a, "call.verb")
        node = mint("call", f"{first.person.value}|{second.person.value}|{day}|{article_id}|{i}", f"{a} {b} {day}")
        precision = rng.choices(["day", "month", "bounds"], weights=[7, 2, 1])[0]
        yield Quad(node, RDF_TYPE, k("Call"), MERGED)
        yield Quad(node, k("participant"), first.person, MERGED)
        yield Quad(node, k("participant"), second.person, MERGED)
        yield Quad(node, k("initiator"), first.person, MERGED)
        yield Quad(node, k("medium"), k("Telephone" if i % 4 else "VideoConference"), MERGED)
        yield Quad(node, k("topic"), Literal(rng.choice(["sécurité", "Ukraine", "mer Noire"]), language="fr"),
                   MERGED)
        yield from self._date(node, day, "date", precision)
        yield Quad(node, k("evidence"), ev, MERGED)
        yield Quad(node, k("source"), mint("article", article_id), MERGED)

    def _two_holders(self, day: date) -> tuple[TermInfo | None, TermInfo | None]:
        rng = self.world.rng
        one, two = rng.sample(self.offices, 2)
        if one.split(".")[0] == two.split(".")[0]:
            return None, None
        return self.world.holder(one, day), self.world.holder(two, day)


def write_new_article(path: Path, *, seed: int = 6, number: int = 9_999_999) -> int:
    """One more article (its graph and its calls in the merged graph) about the people of the graph
    written with the same seed: the input of the incremental validation benchmark."""
    gen, derived = Generator(0, seed), PostsAtCalls()
    for q in gen.quads():  # replays the offices, terms and people of that seed
        derived.add(q)
    quads = list(gen._article(number))
    for q in quads:
        derived.add(q)
    quads += derived.quads()  # the posts at the new calls, as the pipeline derives them
    with path.open("wb") as f:
        serialize(quads, f, format=RdfFormat.TRIG)
    return len(quads)


def write_graph(path: Path, triples: int = 1_000_000, *, seed: int = 6) -> dict[str, int]:
    """Write the synthetic graph as N-Quads (or any format by suffix); returns its composition."""
    gen = Generator(triples, seed)
    fmt = RdfFormat.from_extension(path.suffix.lstrip(".")) or RdfFormat.N_QUADS
    with path.open("wb") as f:
        serialize(gen.quads(), f, format=fmt)
    terms = sum(len(t) for t in gen.world.terms.values())
    return {"quads": gen.count + gen.derived, "derived": gen.derived, "articles": gen.articles,
            "people": len(gen.world.people), "terms": terms, "offices": len(gen.offices)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic kg graph for the benchmarks.")
    parser.add_argument("path", type=Path, help="output file (.nq, .trig)")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    print(write_graph(args.path, args.triples, seed=args.seed))


if __name__ == "__main__":
    main()
