"""What the page shows, read from a graph with the view's SPARQL queries (``kg/view/queries/``).

The result is one compact JSON-ready dict: tables of rows that refer to each other by index (people,
offices, terms, calls, evidence, sentences, articles), dates as day numbers since 1970-01-01 so the
page compares integers, and each sentence stored once however many facts it supports.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pyoxigraph import Store

QUERIES = Path(__file__).resolve().parent / "queries"
EPOCH = date(1970, 1, 1).toordinal()
SEP = "\x1f"  # separator of the GROUP_CONCAT lists in the view's queries


def select(store: Store, name: str) -> Iterator[list[Any]]:  # str, or None where OPTIONAL left it unbound
    """The adapter to kg's query surface: run the view's query ``name`` and yield plain rows (values or None)."""
    from kg.query import StoredQuery, run_select

    for solution in run_select(store, StoredQuery.from_file(QUERIES / f"{name}.rq")):
        yield [None if term is None else term.value for term in solution]  # in the SELECT's order


def day(text: str | None) -> int | None:
    """An ``xsd:date`` lexical form as a day number, None when absent or not a plain date."""
    try:
        return date.fromisoformat(text[:10]).toordinal() - EPOCH if text else None
    except ValueError:
        return None


def bounds(text: str | None) -> tuple[int | None, int | None]:
    """First and last day of a date written at any precision: 2023-03-15, 2023-03 or 2023."""
    if not text:
        return None, None
    parts = text.split("-")
    if len(parts) == 3:
        return day(text), day(text)
    try:
        year, month = int(parts[0]), int(parts[1]) if len(parts) == 2 else None
        first = date(year, month or 1, 1)
        last = date(year + (month or 12) // 12, (month or 12) % 12 + 1, 1).toordinal() - 1
    except ValueError:
        return None, None
    return first.toordinal() - EPOCH, last - EPOCH


class Tables:
    """Interns values into index-addressed tables (IRIs, countries, sentences, articles)."""

    def __init__(self) -> None:
        self.index: dict[str, dict[str, int]] = defaultdict(dict)
        self.rows: dict[str, list] = defaultdict(list)

    def add(self, table: str, key: str, row: object) -> int:
        known = self.index[table]
        if key not in known:
            known[key] = len(self.rows[table])
            self.rows[table].append(row)
        return known[key]

    def find(self, table: str, key: str | None) -> int:
        return self.index[table].get(key, -1) if key is not None else -1


def read_model(store: Store) -> dict:
    """Everything the page needs, as a JSON-ready dict."""
    t = Tables()
    for iri, label_en, label, notation, country in select(store, "offices"):
        t.add("offices", iri, [label_en or label or iri, notation or "", _country(t, country)])
    for iri, name, aliases in select(store, "people"):
        t.add("people", iri, [name or iri.rsplit("/", 1)[-1], -1, (aliases or "").replace(SEP, "; ")])
    evidence = _evidence(store, t)
    terms = _terms(store, t, evidence)
    calls = _calls(store, t, evidence)
    _people_countries(t, terms)
    return {"countries": t.rows["countries"], "people": t.rows["people"], "offices": t.rows["offices"],
            "terms": terms, "calls": calls, "evidence": t.rows["evidence"], "sentences": t.rows["sentences"],
            "articles": t.rows["articles"]}


def _country(t: Tables, code: str | None) -> int:
    return t.add("countries", code, code) if code else -1


def _evidence(store: Store, t: Tables) -> dict[str, list[int]]:
    """Evidence rows ``[sentence, quote start, quote length, article]`` and, per subject IRI, its evidence."""
    by_subject: dict[str, list[int]] = defaultdict(list)
    for subject, iri, sentence, quote, article, file, url, published in select(store, "evidence"):
        sentence_index = t.add("sentences", sentence, sentence)
        article_index = t.add("articles", article, [file or article, url or "", published or ""]) if article else -1
        at = sentence.find(quote) if quote else -1
        row = [sentence_index, at, len(quote) if at >= 0 else 0, article_index]
        by_subject[subject].append(t.add("evidence", iri, row))
    return by_subject


def _terms(store: Store, t: Tables, evidence: dict[str, list[int]]) -> list[list]:
    """Term rows: office, holder, start as written, earliest, latest; end likewise; first and last attested
    day; evidence."""
    rows = []
    for iri, office, holder, start, s_early, s_late, end, e_early, e_late, held in select(store, "terms"):
        attested = [b for text in (held or "").split() for b in bounds(text) if b is not None]
        rows.append([t.find("offices", office), t.find("people", holder),
                     start or "", day(s_early), day(s_late), end or "", day(e_early), day(e_late),
                     min(attested, default=None), max(attested, default=None), sorted(evidence.get(iri, []))])
    rows.sort(key=lambda r: (r[0], _first_day(r)))
    return rows


def _first_day(term: list) -> int:
    known = [d for d in (term[3], term[4], term[8], term[6]) if d is not None]
    return min(known, default=0)


def _calls(store: Store, t: Tables, evidence: dict[str, list[int]]) -> list[list]:
    """Call rows: date as written, earliest and latest day, medium, topics, participants, initiators, evidence."""
    people: dict[str, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for call, person, role in select(store, "participants"):
        index = t.find("people", person)
        if index >= 0:
            people[call][0].add(index)
            if role == "initiator":
                people[call][1].add(index)
    calls: dict[str, list] = {}
    for iri, written, early, late, medium, topic in select(store, "calls"):
        if iri not in calls:
            lo, hi = day(early), day(late)
            if lo is None or hi is None:
                lo, hi = bounds(written)
            who, initiators = people[iri]
            calls[iri] = [written or "", lo, hi, (medium or "").rsplit("#", 1)[-1], [], sorted(who),
                          sorted(initiators), sorted(evidence.get(iri, []))]
        if topic and topic not in calls[iri][4]:
            calls[iri][4].append(topic)
    rows = sorted(calls.values(), key=lambda r: (r[1] is None, r[1] or 0, r[2] or 0))
    for row in rows:
        row[4] = "; ".join(row[4])
    return rows


def _people_countries(t: Tables, terms: list[list]) -> None:
    """A person's country: the jurisdiction of most of the offices they held (none when they held none)."""
    counts: dict[int, Counter] = defaultdict(Counter)
    for office, person, *_ in terms:
        if office >= 0 and person >= 0 and t.rows["offices"][office][2] >= 0:
            counts[person][t.rows["offices"][office][2]] += 1
    for person, counter in counts.items():
        t.rows["people"][person][1] = min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]
