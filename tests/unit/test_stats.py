"""kg stats: nodes per class, people and calls per country, facts per article, dates covered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

from kg.stats import curie, stats
from tests.conftest import run_kg

# Written for these tests: two articles (one without a publication date) in their own named graphs, the
# entities in the merged graph; a call known to the day, one known to the month, one undated.
GRAPH = """\
@prefix kgo: <https://w3id.org/kg-news/ontology#> .
@prefix kgr: <https://w3id.org/kg-news/id/> .
@prefix kgg: <https://w3id.org/kg-news/graph/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kgg:article\\/a { kgr:article\\/a a kgo:Article ; kgo:fileName "a.txt" ; kgo:published "2023-05-02"^^xsd:date . }
kgg:article\\/b { kgr:article\\/b a kgo:Article ; kgo:fileName "b.txt" . }
kgg:merged {
  kgr:article\\/a a kgo:Article .
  kgr:country\\/fr a kgo:Country ; kgo:isoCode "FR" .
  kgr:country\\/de a kgo:Country ; kgo:isoCode "DE" .
  kgr:office\\/fr a kgo:Office ; kgo:jurisdiction kgr:country\\/fr .
  kgr:office\\/de a kgo:Office ; kgo:jurisdiction kgr:country\\/de .
  kgr:office\\/de2 a kgo:Office ; kgo:jurisdiction kgr:country\\/de .
  kgr:p1 a kgo:Person ; kgo:source kgr:article\\/a .
  kgr:p2 a kgo:Person ; kgo:source kgr:article\\/a, kgr:article\\/b .
  kgr:t1 a kgo:OfficeTerm ; kgo:holder kgr:p1 ; kgo:office kgr:office\\/fr ; kgo:source kgr:article\\/a .
  kgr:t2 a kgo:OfficeTerm ; kgo:holder kgr:p2 ; kgo:office kgr:office\\/de ; kgo:source kgr:article\\/b .
  kgr:c1 a kgo:Call ; kgo:participant kgr:p1, kgr:p2 ; kgo:source kgr:article\\/a ;
      kgo:dateEarliest "2023-04-30"^^xsd:date ; kgo:dateLatest "2023-04-30"^^xsd:date .
  kgr:c2 a kgo:Call ; kgo:participant kgr:p1, kgr:p2 ; kgo:source kgr:article\\/b ;
      kgo:dateEarliest "2022-11-01"^^xsd:date ; kgo:dateLatest "2022-11-30"^^xsd:date .
  kgr:c3 a kgo:Call ; kgo:participant kgr:p2 ; kgo:source kgr:article\\/b .
  kgr:s1 a kgo:Suspension ; kgo:source kgr:article\\/b .
}
"""


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.trig"
    path.write_text(GRAPH, encoding="utf-8")
    return path


@pytest.fixture
def figures():
    store = Store()
    store.load(GRAPH.encode("utf-8"), format=RdfFormat.TRIG)
    return stats(store, "small.trig")


def test_nodes_are_counted_once_per_class_across_graphs(figures) -> None:
    assert figures.classes == {"kgo:Call": 3, "kgo:Office": 3, "kgo:Article": 2, "kgo:Country": 2,
                               "kgo:OfficeTerm": 2, "kgo:Person": 2, "kgo:Suspension": 1}
    assert figures.triples == 45  # 46 quads: kgr:article/a's type is in two graphs, one triple


def test_dates_covered_and_undated_calls(figures) -> None:
    assert figures.dates == {"firstCall": "2022-11-01", "lastCall": "2023-04-30", "undatedCalls": 1,
                             "firstPublished": "2023-05-02", "lastPublished": "2023-05-02"}


def test_countries_count_offices_holders_and_their_calls(figures) -> None:
    assert figures.countries == [{"country": "DE", "offices": 2, "people": 1, "calls": 3},
                                 {"country": "FR", "offices": 1, "people": 1, "calls": 2}]


def test_articles_count_the_facts_that_cite_them(figures) -> None:
    a, b = figures.articles
    assert a == {"file": "a.txt", "published": "2023-05-02",
                 "facts": {"kgo:Call": 1, "kgo:OfficeTerm": 1, "kgo:Person": 2}}
    assert b == {"file": "b.txt", "published": None,
                 "facts": {"kgo:Call": 2, "kgo:OfficeTerm": 1, "kgo:Person": 1, "kgo:Suspension": 1}}


def test_text_report(figures) -> None:
    text = figures.text()
    assert text.startswith("small.trig: 45 triples\n")
    assert "dates: calls from 2022-11-01 to 2023-04-30 (1 undated)" in text
    assert "articles published from 2023-05-02 to 2023-05-02" in text
    assert text.splitlines()[-1].split() == ["b.txt", "-", "1", "1", "2", "0", "1"]


def test_cli_json_and_text(graph_file: Path, capsys) -> None:
    code, out, err = run_kg("stats", "--data", str(graph_file), "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["classes"]["kgo:Call"] == 3 and data["dates"]["undatedCalls"] == 1
    assert [c["country"] for c in data["countries"]] == ["DE", "FR"]
    code, out, _ = run_kg("stats", "--data", str(graph_file))
    assert code == 0 and out.startswith(f"{graph_file}: 45 triples")


def test_an_empty_graph_and_a_missing_one(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    code, out, _ = run_kg("stats", "--data", str(empty))
    assert code == 0 and "0 triples" in out and "no dated call" in out and "no article with a publication" in out
    code, _, err = run_kg("stats", "--data", str(tmp_path / "none.trig"))
    assert code == 3 and "none.trig: no such file or store" in err


def test_curies() -> None:
    assert curie("https://w3id.org/kg-news/ontology#Call") == "kgo:Call"
    assert curie("http://example.org/Thing") == "http://example.org/Thing"
