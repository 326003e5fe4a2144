"""The initiator of a call merged from several reports (kg/resolve.py, issue 9, people3): carried over
from the one report that gives it, kept when reports agree, and left unknown when two reports name
different initiators equally often (one of them misread the call; a wrong initiator is worse than none)."""

from __future__ import annotations

from kg.extract.model import CallFact, Party
from kg.resolve import resolve
from tests.factories import article, day, ev, people

PAIR = ("Hakan Fidan", "Sergueï Lavrov")


def report(name: str, initiator: str | None) -> object:
    """A report of the one call of 2025-02-07 between the pair; ``initiator`` is p1, p2 or None."""
    call = CallFact((Party("p1"), Party("p2")), ev(name), day("2025-02-07"),
                    initiator=Party(initiator) if initiator else None)
    return article(name, "2025-02-08", people(name, *PAIR), calls=[call])


def initiators(*reports: object) -> list[str]:
    r = resolve(list(reports))
    (call,) = r.calls
    return [r.persons[k].name for k in call.initiators]


def test_the_initiator_of_one_report_is_carried_over() -> None:
    assert initiators(report("a.txt", None), report("b.txt", "p1"), report("c.txt", None)) == ["Hakan Fidan"]


def test_the_initiator_most_reports_name_wins() -> None:
    assert initiators(report("a.txt", "p2"), report("b.txt", "p1"), report("c.txt", "p2")) == ["Sergueï Lavrov"]


def test_two_initiators_named_equally_often_leave_it_unknown() -> None:
    assert initiators(report("a.txt", "p1"), report("b.txt", "p2")) == []
