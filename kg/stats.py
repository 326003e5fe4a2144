"""``kg stats``: what a graph holds at a glance: nodes per class, facts per article, people and calls per
country, the dates it covers.

Everything is counted with the SPARQL queries of ``queries/stats/`` over the union of the graph's named
graphs, so a graph file and a store give the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Store

from kg.graphexport import select_rows
from kg.namespaces import PREFIXES

#: The columns of an article's row in the text report, and the classes each one counts.
ARTICLE_COLUMNS = {"people": ("kgo:Person",), "terms": ("kgo:OfficeTerm",), "calls": ("kgo:Call",),
                   "launches": ("kgo:Launch",),
                   "treaty events": ("kgo:Signature", "kgo:Ratification", "kgo:EntryIntoForce", "kgo:Suspension",
                                     "kgo:Withdrawal", "kgo:Expiry")}


@dataclass
class Stats:
    """The figures of one graph."""

    source: str
    triples: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    articles: list[dict] = field(default_factory=list)
    countries: list[dict] = field(default_factory=list)
    dates: dict[str, str | int | None] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"source": self.source, "triples": self.triples, "classes": self.classes, "dates": self.dates,
                "countries": self.countries, "articles": self.articles}

    def text(self) -> str:
        """A report for a reader: totals, dates, then one table per country and per article."""
        lines = [f"{self.source}: {self.triples:,} triples"]
        lines += [f"  {name:24} {n:>8,}" for name, n in self.classes.items()]
        lines += ["", *self._dates(), "", "countries (offices, people who held them, calls they took part in):"]
        lines += [f"  {c['country']:8} {c['offices']:>6,} {c['people']:>6,} {c['calls']:>7,}" for c in self.countries]
        if not self.countries:
            lines.append("  none")
        lines += ["", "articles (published; " + ", ".join(ARTICLE_COLUMNS) + "):"]
        for a in self.articles:
            counts = " ".join(f"{sum(a['facts'].get(c, 0) for c in classes):>5,}"
                              for classes in ARTICLE_COLUMNS.values())
            lines.append(f"  {a['file']:40} {a['published'] or '-':10} {counts}")
        if not self.articles:
            lines.append("  none")
        return "\n".join(lines) + "\n"

    def _dates(self) -> list[str]:
        d = self.dates
        calls = (f"calls from {d['firstCall']} to {d['lastCall']}" if d.get("firstCall") else "no dated call")
        undated = d.get("undatedCalls") or 0
        published = (f"articles published from {d['firstPublished']} to {d['lastPublished']}"
                     if d.get("firstPublished") else "no article with a publication date")
        return [f"dates: {calls}" + (f" ({undated:,} undated)" if undated else ""), f"       {published}"]


def stats(store: Store, source: str | Path) -> Stats:
    """The figures of ``store`` (``source`` names it in the report)."""
    result = Stats(str(source))
    result.triples = int(_rows(store, "triples")[0]["triples"])
    result.classes = {curie(r["class"]): int(r["count"]) for r in _rows(store, "classes")}
    result.countries = [{"country": r["country"], **{k: int(r[k]) for k in ("offices", "people", "calls")}}
                        for r in _rows(store, "countries")]
    result.dates = _dates(_rows(store, "dates"))
    result.articles = _articles(_rows(store, "articles"))
    return result


def _dates(rows: list[dict[str, str]]) -> dict[str, str | int | None]:
    row = rows[0] if rows else {}
    dates: dict[str, str | int | None] = {k: row.get(k) for k in ("firstCall", "lastCall", "firstPublished",
                                                                   "lastPublished")}
    dates["undatedCalls"] = int(row.get("undatedCalls", 0))
    return dates


def _articles(rows: list[dict[str, str]]) -> list[dict]:
    """One entry per article: file, publication date and facts per class that cite it."""
    by_file: dict[str, dict] = {}
    for r in rows:
        entry = by_file.setdefault(r["file"], {"file": r["file"], "published": r.get("published"), "facts": {}})
        if "class" in r and int(r["count"]):
            entry["facts"][curie(r["class"])] = int(r["count"])
    return list(by_file.values())


def curie(iri: str) -> str:
    """``kgo:Person`` for a class IRI under one of kg's prefixes, else the IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _rows(store: Store, name: str) -> list[dict[str, str]]:
    return select_rows(store, "stats", name)
