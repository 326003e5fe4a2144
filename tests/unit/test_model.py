"""The extraction contract round-trips through JSON."""

from __future__ import annotations

from datetime import date

from kg.extract.model import Article, ArticleFacts, CallFact, DateValue, Evidence, Holding, Party, PersonRef


def test_article_facts_json_round_trip() -> None:
    ev = Evidence("a.txt", 3, 9, "Une phrase.", "person-mention")
    month = DateValue("2023-03", "month", date(2023, 3, 1), date(2023, 3, 31), "en mars 2023")
    facts = ArticleFacts(
        article=Article("a.txt", "Une phrase.", published=date(2024, 1, 2)),
        persons=(PersonRef("p1", "Ada Test", ("Ada Test", "Test"), (ev,), "générale"),),
        holdings=(Holding("p1", "FR.defence_minister", (ev,), start=month),),
        calls=(CallFact((Party(person="p1"), Party(office="RU.defence_minister")), (ev,), month,
                        Party(country="FR"), ("Ukraine",)),),
    )
    assert ArticleFacts.from_json(facts.to_json()) == facts


def test_date_value_relations() -> None:
    day = DateValue.of_day(date(2024, 11, 27))
    week = DateValue(None, None, date(2024, 11, 25), date(2024, 12, 1))
    assert day.within(week) and day.overlaps(week) and not week.within(day)
    assert week.width == 6 and day.width == 0
