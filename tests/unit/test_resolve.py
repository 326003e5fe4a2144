"""Cross-article resolution on hand-made facts: people, terms, posts as call parties, call merging."""

from __future__ import annotations

from datetime import date

from kg.extract.model import CallFact, DateValue, Holding, Party
from kg.resolve import resolve
from tests.factories import article, day, ev, people, person

MONTH_2023_03 = DateValue("2023-03", "month", date(2023, 3, 1), date(2023, 3, 31))
SEPT_2023 = DateValue("2023-09", "month", date(2023, 9, 1), date(2023, 9, 30))


def test_transliterations_are_one_person_and_one_call() -> None:
    a = article("a.txt", "2024-12-05", people("a.txt", "Valéri Guérassimov", "Charles Brown"),
                calls=[CallFact((Party("p1"), Party("p2")), ev("a.txt"), day("2024-11-27"), Party("p1"))])
    b = article("b.txt", None, people("b.txt", "Valery V. Gerasimov", "Charles Q. Brown Jr."),
                calls=[CallFact((Party("p1"), Party("p2")), ev("b.txt"))])
    r = resolve([a, b])
    assert len(r.persons) == 2
    assert len(r.calls) == 1
    call = r.calls[0]
    assert call.date.value == "2024-11-27" and sorted(call.reports) == ["a.txt", "b.txt"]
    assert "2 reports merged" in call.note


def test_posts_named_as_parties_resolve_through_dated_terms() -> None:
    """"le dernier appel entre les chefs d'état-major remontait à mars 2023": Milley then, not Brown."""
    facts = article(
        "c.txt", "2024-12-05",
        people("c.txt", "Mark Milley", "CQ Brown", "Valery Gerasimov"),
        holdings=[Holding("p1", "US.chief_of_defence", ev("c.txt"), end=SEPT_2023),
                  Holding("p2", "US.chief_of_defence", ev("c.txt"), start=SEPT_2023, replaces="p1"),
                  Holding("p3", "RU.chief_of_defence", ev("c.txt"))],
        calls=[CallFact((Party(office="US.chief_of_defence"), Party(office="RU.chief_of_defence")), ev("c.txt"),
                        MONTH_2023_03)])
    r = resolve([facts])
    (call,) = r.calls
    names = sorted(r.persons[p].name for p in call.participants)
    assert names == ["Mark Milley", "Valery Gerasimov"]
    brown = next(t for t in r.terms if r.persons[t.person].name == "CQ Brown")
    assert brown.replaces and r.persons[brown.replaces].name == "Mark Milley"


def test_an_undated_report_joins_the_one_call_before_its_article() -> None:
    pair = people("x", "Mark Milley", "Valery Gerasimov")
    dated = [article(f"{d}.txt", "2024-01-01", pair,
                     calls=[CallFact((Party("p1"), Party("p2")), ev(f"{d}.txt"), day(d))])
             for d in ("2022-10-24", "2023-03-15")]
    undated = article("u.txt", "2022-10-28", pair, calls=[CallFact((Party("p1"), Party("p2")), ev("u.txt"))])
    r = resolve([*dated, undated])
    assert len(r.calls) == 2
    october = next(c for c in r.calls if c.date.value == "2022-10-24")
    assert "u.txt" in october.reports


def test_a_post_without_country_takes_the_persons_one_known_country() -> None:
    a = article("a.txt", "2024-01-01", [person("p1", "Lloyd Austin", "a.txt")],
                holdings=[Holding("p1", "US.defence_minister", ev("a.txt"))])
    b = article("b.txt", "2024-01-02", [person("p1", "Lloyd Austin", "b.txt")],
                holdings=[Holding("p1", "?.defence_minister", ev("b.txt"))])
    (term,) = resolve([a, b]).terms
    assert term.office == "US.defence_minister" and {e.article for e in term.evidence} == {"a.txt", "b.txt"}


def test_a_former_post_bound_gives_way_to_a_dated_end_and_to_a_later_holding() -> None:
    """"l'ancien ministre X" bounds the term by the article's day; a dated end from another article
    wins, and a later article that has X hold the post again lifts the bound."""
    bound = DateValue.no_later_than(date(2025, 6, 1))
    former = article("f.txt", "2025-06-01", people("f.txt", "Sébastien Lecornu"),
                     holdings=[Holding("p1", "FR.defence_minister", ev("f.txt"), end=bound)])
    dated = article("d.txt", "2025-06-02", people("d.txt", "Sébastien Lecornu"),
                    holdings=[Holding("p1", "FR.defence_minister", ev("d.txt"), end=day("2024-12-23"))])
    (term,) = resolve([former, dated]).terms
    assert term.end is not None and term.end.value == "2024-12-23"
    (term,) = resolve([former]).terms
    assert term.end == bound
    again = article("g.txt", "2026-01-10", people("g.txt", "Sébastien Lecornu"),
                    holdings=[Holding("p1", "FR.defence_minister", ev("g.txt"), attested=day("2026-01-10"))])
    (term,) = resolve([former, again]).terms
    assert term.end is None
