"""Merging reports of one call across articles (kg/resolve.py): a one-day tolerance between
day-dated reports of different articles, and an undated report joining the most recent call."""

from __future__ import annotations

from datetime import date

from kg.extract.model import CallFact, DateValue, Party
from kg.resolve import resolve
from tests.factories import article, day, ev, people

PAIR = ("Hakan Fidan", "Sergueï Lavrov")


def report(name: str, published: str, when: str | None) -> object:
    return article(name, published, people(name, *PAIR),
                   calls=[CallFact((Party("p1"), Party("p2")), ev(name), day(when) if when else None)])


def test_day_dated_reports_one_day_apart_are_one_call() -> None:
    r = resolve([report("a.txt", "2025-02-08", "2025-02-07"), report("b.txt", "2025-02-08", "2025-02-06")])
    (call,) = r.calls
    assert sorted(call.reports) == ["a.txt", "b.txt"]


def test_two_days_apart_or_one_article_stay_two_calls() -> None:
    apart = resolve([report("a.txt", "2025-02-08", "2025-02-07"), report("b.txt", "2025-02-08", "2025-02-05")])
    assert len(apart.calls) == 2
    same = article("s.txt", "2025-02-08", people("s.txt", *PAIR),
                   calls=[CallFact((Party("p1"), Party("p2")), ev("s.txt"), day("2025-02-06")),
                          CallFact((Party("p1"), Party("p2")), ev("s.txt"), day("2025-02-07"))])
    assert len(resolve([same]).calls) == 2  # "ils s'étaient déjà parlé la veille": one article, two calls


def test_undated_report_joins_the_recent_call_not_an_old_one() -> None:
    r = resolve([report("old.txt", "2025-01-10", "2025-01-09"), report("new.txt", "2025-02-08", "2025-02-07"),
                 report("u.txt", "2025-02-09", None)])
    assert len(r.calls) == 2
    recent = next(c for c in r.calls if c.date.value == "2025-02-07")
    assert "u.txt" in recent.reports


def test_undated_report_between_two_recent_calls_stays_apart() -> None:
    r = resolve([report("a.txt", "2025-02-05", "2025-02-04"), report("b.txt", "2025-02-08", "2025-02-07"),
                 report("u.txt", "2025-02-09", None)])
    assert len(r.calls) == 3  # both within a week: which one it tells is not known


def test_an_undated_call_beside_a_dated_one_of_its_own_article_stays_apart() -> None:
    both = article("s.txt", "2025-05-19", people("s.txt", *PAIR),
                   calls=[CallFact((Party("p1"), Party("p2")), ev("s.txt"), None),
                          CallFact((Party("p1"), Party("p2")), ev("s.txt"), day("2025-03-18"))])
    r = resolve([both])
    assert len(r.calls) == 2  # the article told a new undated call and an older one apart
    assert sorted(str(c.date and c.date.value) for c in r.calls) == ["2025-03-18", "None"]



def test_of_two_reports_one_day_apart_the_day_written_out_is_kept() -> None:
    def told(name: str, when: str, text: str) -> object:
        when_told = DateValue.of_day(date.fromisoformat(when), text)
        return article(name, "2026-11-27", people(name, *PAIR),
                       calls=[CallFact((Party("p1"), Party("p2")), ev(name), when_told)])

    for first, second in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        reports = {"a.txt": told("a.txt", "2026-11-24", "mardi"),
                   "b.txt": told("b.txt", "2026-11-25", "Le 25 novembre")}
        (call,) = resolve([reports[first], reports[second]]).calls
        assert call.date.value == "2026-11-25"  # "le 25 novembre" beats a day counted from a weekday
