"""The stored role-at-date queries, rewritten for speed on the on-disk store (issue 12, item 3), against the texts
they had before.

``chair-at-each-call`` and ``roles-at-each-call`` now read the calls' dates, bounds, participants and names in
subqueries joined by hash.  The texts before (``OLD_ROLES``, ``OLD_CHAIR``, kept here as the reference) must give
the same rows as the new ones, in the same order of their sort keys: on hand-made edge cases (overlapping terms,
unknown or uncertain bounds, calls known to a month, a week, one bound or none, ill-typed bounds), on random
graphs, on the pipeline's own output, and on the bench's synthetic graph.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, parse

from bench.graph_gen import Generator
from kg.extract.model import Article, ArticleFacts, CallFact, DateValue, Evidence, Holding, Party, PersonRef
from kg.merge import merged_state
from kg.namespaces import KGO, MERGED
from kg.query import StoredQuery, load_query, run_query
from tests.factories import day

OLD_ROLES = """PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?call ?date ?participant ?participantName ?office ?officeName
WHERE {
  ?call a kgo:Call .
  OPTIONAL { ?call kgo:date ?date0 }
  BIND(STR(?date0) AS ?date)
  OPTIONAL { ?call kgo:dateEarliest ?callStart }
  OPTIONAL { ?call kgo:dateLatest ?callEnd }
  ?call kgo:participant ?participant .
  ?participant skos:prefLabel ?participantName .
  OPTIONAL {
    {
      SELECT ?participant ?office ?officeName ?termStart ?termEnd
      WHERE {
        ?term kgo:holder ?participant ;
              kgo:office ?office .
        ?office rdfs:label ?officeName FILTER(LANG(?officeName) = "en")
        OPTIONAL { ?term kgo:startEarliest ?termStart }
        OPTIONAL { ?term kgo:endLatest ?termEnd }
      }
    }
    FILTER(!BOUND(?callStart) || ((!BOUND(?termStart) || ?termStart <= ?callEnd)
                                  && (!BOUND(?termEnd) || ?termEnd >= ?callStart)))
  }
}
ORDER BY ?date ?call ?participantName
"""

OLD_CHAIR = """PREFIX kgo: <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?call ?date ?chair ?chairName
WHERE {
  ?call a kgo:Call .
  OPTIONAL { ?call kgo:date ?date0 }
  BIND(STR(?date0) AS ?date)
  OPTIONAL {
    ?call kgo:dateEarliest ?callStart ;
          kgo:dateLatest ?callEnd .
    {
      SELECT ?chair ?chairName ?termStart ?termEnd
      WHERE {
        ?office skos:notation "US.chief_of_defence" .
        ?term kgo:office ?office ;
              kgo:holder ?chair .
        ?chair skos:prefLabel ?chairName .
        OPTIONAL { ?term kgo:startEarliest ?termStart }
        OPTIONAL { ?term kgo:endLatest ?termEnd }
      }
    }
    FILTER((!BOUND(?termStart) || ?termStart <= ?callEnd) && (!BOUND(?termEnd) || ?termEnd >= ?callStart))
  }
}
ORDER BY ?date ?call
"""

KEYS = {"roles-at-each-call": ("date", "call", "participantName"), "chair-at-each-call": ("date", "call")}
OLD = {"roles-at-each-call": OLD_ROLES, "chair-at-each-call": OLD_CHAIR}
PREFIXES = """
@prefix kgo: <https://w3id.org/kg-news/ontology#> .
@prefix kgr: <https://w3id.org/kg-news/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Who took part in which call, and which terms they held, with every kind of bound the queries meet.
EDGES = PREFIXES + """
kgr:o1 a kgo:Office ; skos:notation "US.chief_of_defence" ; rdfs:label "Chairman of the Joint Chiefs"@en .
kgr:o2 a kgo:Office ; rdfs:label "Defence minister"@en , "ministre de la Défense"@fr .
kgr:o3 a kgo:Office ; rdfs:label "Spokesperson"@en .
kgr:o4 a kgo:Office ; rdfs:label "Chef d'état-major"@fr .
kgr:o5 a kgo:Office ; rdfs:label "President"@en .
kgr:a skos:prefLabel "Anne A"@fr .
kgr:b skos:prefLabel "Boris B"@fr .
kgr:c skos:prefLabel "Carl C"@fr .
kgr:e skos:prefLabel "Emil E"@fr .
# two overlapping terms of A, and a term with no bound at all
kgr:tA1 kgo:holder kgr:a ; kgo:office kgr:o1 ; kgo:start "2019-10"^^xsd:gYearMonth ;
    kgo:startEarliest "2019-10-01"^^xsd:date ; kgo:endLatest "2022-10-20"^^xsd:date .
kgr:tA2 kgo:holder kgr:a ; kgo:office kgr:o2 ; kgo:startEarliest "2022-10-21"^^xsd:date .
kgr:tA3 kgo:holder kgr:a ; kgo:office kgr:o3 .
# B is chair from a week before A's chair term ends; an office without an English name
kgr:tB1 kgo:holder kgr:b ; kgo:office kgr:o1 ; kgo:startEarliest "2022-10-18"^^xsd:date .
kgr:tB2 kgo:holder kgr:b ; kgo:office kgr:o4 ; kgo:startEarliest "2020-01-01"^^xsd:date ;
    kgo:endLatest "2022-12-31"^^xsd:date .
# an unknown start, an end on the first day of a month; a start on a call's only day
kgr:tC1 kgo:holder kgr:c ; kgo:office kgr:o2 ; kgo:endLatest "2022-10-01"^^xsd:date .
kgr:tC2 kgo:holder kgr:c ; kgo:office kgr:o5 ; kgo:startEarliest "2023-01-01"^^xsd:date .
# D has no name (no row), E is a chair who takes part in no call
kgr:tD1 kgo:holder kgr:d ; kgo:office kgr:o2 .
kgr:tE1 kgo:holder kgr:e ; kgo:office kgr:o1 ; kgo:startEarliest "2023-01-01"^^xsd:date .

kgr:c1 a kgo:Call ; kgo:participant kgr:a , kgr:b ; kgo:date "2022-10-24"^^xsd:date ;
    kgo:dateEarliest "2022-10-24"^^xsd:date ; kgo:dateLatest "2022-10-24"^^xsd:date .
kgr:c2 a kgo:Call ; kgo:participant kgr:a , kgr:c ; kgo:date "2022-10"^^xsd:gYearMonth ;
    kgo:dateEarliest "2022-10-01"^^xsd:date ; kgo:dateLatest "2022-10-31"^^xsd:date .
kgr:c3 a kgo:Call ; kgo:participant kgr:a , kgr:b ;
    kgo:dateEarliest "2022-10-17"^^xsd:date ; kgo:dateLatest "2022-10-23"^^xsd:date .
kgr:c4 a kgo:Call ; kgo:participant kgr:a , kgr:c .
kgr:c5 a kgo:Call ; kgo:participant kgr:b , kgr:c ; kgo:dateEarliest "2022-10-24"^^xsd:date .
kgr:c6 a kgo:Call ; kgo:participant kgr:a , kgr:b ; kgo:dateLatest "2022-10-24"^^xsd:date .
kgr:c7 a kgo:Call ; kgo:participant kgr:a , kgr:c ; kgo:date "2023-01-01"^^xsd:date ;
    kgo:dateEarliest "2023-01-01"^^xsd:date ; kgo:dateLatest "2023-01-01"^^xsd:date .
kgr:c8 a kgo:Call ; kgo:participant kgr:c , kgr:d ; kgo:date "2022"^^xsd:gYear ;
    kgo:dateEarliest "2022-01-01"^^xsd:date ; kgo:dateLatest "2022-12-31"^^xsd:date .
kgr:c9 a kgo:Call ; kgo:participant kgr:a , kgr:b ; kgo:dateEarliest "2022-10-24" ;
    kgo:dateLatest "2022-10-24"^^xsd:date .
kgr:c10 kgo:participant kgr:a , kgr:b .
"""


def _store(quads: list[Quad]) -> Store:
    store = Store()
    store.extend(quads)
    return store


def _rows(store: Store, text: str) -> list[tuple]:
    solutions = run_query(store, StoredQuery.from_text(text, "q", Path("<test>")))
    names = [v.value for v in solutions.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in solutions]


def _key(name: str, rows: list[tuple], text: str) -> list[tuple]:
    names = [v.strip("?") for v in text.split("SELECT", 1)[1].split("WHERE", 1)[0].split()]
    return [tuple(r[names.index(k)] for k in KEYS[name]) for r in rows]


def _same_answers(quads: list[Quad]) -> dict[str, list[tuple]]:
    """Both queries, old and new, on the same store: equal rows, and the same order of the sort keys.  Returns
    the new rows."""
    store = _store(quads)
    out = {}
    for name, old in OLD.items():
        new = load_query(name).text
        before, after = _rows(store, old), _rows(store, new)
        assert sorted(after, key=repr) == sorted(before, key=repr), name
        assert _key(name, after, new) == _key(name, before, old), name
        out[name] = after
    return out


def _parse(text: str) -> list[Quad]:
    return [Quad(t.subject, t.predicate, t.object, MERGED) for t in parse(text, format=RdfFormat.TURTLE)]


def test_edge_cases_give_the_same_rows_as_before() -> None:
    rows = _same_answers(_parse(EDGES))
    roles = {(r[0].rsplit("/", 1)[-1], r[3], r[5]) for r in rows["roles-at-each-call"]}
    # the week of c3 (17th-23rd): A's two terms overlap it (chair until the 20th, minister from the 21st),
    # and so does the term without bounds
    assert {("c3", "Anne A", "Chairman of the Joint Chiefs"), ("c3", "Anne A", "Defence minister"),
            ("c3", "Anne A", "Spokesperson")} <= roles
    assert ("c1", "Anne A", "Chairman of the Joint Chiefs") not in roles  # ended on the 20th
    assert ("c2", "Carl C", "Defence minister") in roles  # ends on the call's earliest day
    assert ("c7", "Carl C", "President") in roles  # starts on the call's only day
    assert ("c4", "Carl C", "Defence minister") in roles and ("c4", "Carl C", "President") in roles  # undated
    assert ("c8", "Carl C", "Defence minister") in roles  # a call known to its year
    assert ("c5", "Carl C", None) in roles  # only an earliest day: no term with a known start fits
    assert not any(r[1] is None for r in roles) and "c10" not in {r[0] for r in roles}  # no name, not a Call
    chairs = {(r[0].rsplit("/", 1)[-1], r[3]) for r in rows["chair-at-each-call"]}
    assert {("c3", "Anne A"), ("c3", "Boris B"), ("c7", "Emil E"), ("c5", None), ("c4", None)} <= chairs


def _random_graph(seed: int) -> list[Quad]:
    rng = random.Random(seed)
    kgo, kgr = str(KGO._NS), "https://w3id.org/kg-news/id/"
    day0 = date(2020, 1, 1)

    def n(name: str) -> NamedNode:
        return NamedNode(kgr + name)

    def p(name: str) -> NamedNode:
        return NamedNode(kgo + name)

    def d(days: int) -> Literal:
        return Literal((day0 + timedelta(days=days)).isoformat(), datatype=NamedNode(XSD + "date"))

    label, pref = NamedNode(RDFS + "label"), NamedNode(SKOS + "prefLabel")
    triples = [(n("o0"), NamedNode(SKOS + "notation"), Literal("US.chief_of_defence"))]
    triples += [(n(f"o{i}"), label, Literal(f"Office {i}", language="en" if i < 4 else "fr")) for i in range(5)]
    triples += [(n(f"p{i}"), pref, Literal(f"Person {i:02d}", language="fr")) for i in range(9)]
    for t in range(14):
        term = n(f"t{t}")
        triples += [(term, p("holder"), n(f"p{rng.randrange(10)}")), (term, p("office"), n(f"o{rng.randrange(5)}"))]
        start = rng.randrange(1500)
        if rng.random() < 0.7:
            triples.append((term, p("startEarliest"), d(start)))
        if rng.random() < 0.6:
            triples.append((term, p("endLatest"), d(start + rng.randrange(-30, 800))))
    for _ in range(40):
        call = n(f"call/{rng.random():.6f}")
        triples.append((call, RDF_TYPE, p("Call")))
        triples += [(call, p("participant"), n(f"p{i}")) for i in rng.sample(range(10), rng.choice([2, 2, 3]))]
        first = rng.randrange(1500)
        kind = rng.choice(["day", "month", "week", "none", "earliest", "latest", "day"])
        width = {"day": 0, "month": 30, "week": 6}.get(kind, 0)
        if kind in ("day", "month", "week", "earliest"):
            triples.append((call, p("dateEarliest"), d(first)))
        if kind in ("day", "month", "week", "latest"):
            triples.append((call, p("dateLatest"), d(first + width)))
        if kind == "day":
            triples.append((call, p("date"), d(first)))
    return [Quad(s, pr, o, MERGED) for s, pr, o in triples]


XSD = "http://www.w3.org/2001/XMLSchema#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.mark.parametrize("seed", range(25))
def test_random_graphs_give_the_same_rows_as_before(seed: int) -> None:
    _same_answers(_random_graph(seed))


def _ev(article: str, start: int = 0) -> tuple[Evidence, ...]:
    return (Evidence(article, start, start + 5, "Une phrase.", "test"),)


def test_the_pipeline_output_gives_the_same_rows() -> None:
    """Through :func:`kg.merge.merged_state`: two overlapping posts of one person, a post whose start is known
    to a month, a call known to a month, a dated call and an undated report of another article (which
    resolution joins to the month's call, the one call of the week before its publication; an undated call
    of the same article would be another call, since the article told them apart)."""
    persons = (PersonRef("p1", "Mark Milley", ("Mark Milley",), _ev("a.txt")),
               PersonRef("p2", "Valéri Guérassimov", ("Valéri Guérassimov",), _ev("a.txt", 10)))
    holdings = (Holding("p1", "US.chief_of_defence", _ev("a.txt"), start=day("2019-10-01")),
                Holding("p1", "US.defence_minister", _ev("a.txt", 20),
                        start=DateValue("2023-03", "month", date(2023, 3, 1), date(2023, 3, 31))),
                Holding("p2", "RU.chief_of_defence", _ev("a.txt", 10)))
    calls = (CallFact((Party("p1"), Party("p2")), _ev("a.txt", 30), day("2022-10-24"), Party("p1")),
             CallFact((Party("p1"), Party("p2")), _ev("a.txt", 40),
                      DateValue("2023-03", "month", date(2023, 3, 1), date(2023, 3, 31))))
    facts = ArticleFacts(Article("a.txt", "Une phrase." * 10, published=date(2023, 4, 1)), persons, holdings, calls)
    report = ArticleFacts(Article("b.txt", "Une phrase." * 10, published=date(2023, 4, 1)),
                          tuple(replace(p, evidence=_ev("b.txt")) for p in persons), (),
                          (CallFact((Party("p1"), Party("p2")), _ev("b.txt", 50)),))
    _, quads = merged_state({"a.txt": facts, "b.txt": report})
    rows = _same_answers(quads)["roles-at-each-call"]
    # two calls: Milley 1 post at the dated one, 2 at the month's; Guérassimov 1 at each
    assert len([r for r in rows if r[5] is not None]) == 5


def test_the_bench_graph_gives_the_same_rows() -> None:
    _same_answers(list(Generator(80_000, seed=3).quads()))
