"""Which of a person's mentions an article shows first (issue 9, people round 4): the fullest, and of
two equally full, the one written in the case of prose rather than shouted in a capitals headline."""

from __future__ import annotations

from kg.extract.people import _fullest


def test_prose_case_beats_a_shouted_headline_form() -> None:
    names = ["OLEKSANDR SYRSKYI", "Oleksandr Syrskyi", "Syrskyi"]
    assert sorted(names, key=_fullest)[0] == "Oleksandr Syrskyi"


def test_more_words_still_come_first() -> None:
    names = ["Gilberto Teodoro", "GILBERTO TEODORO JR"]
    assert sorted(names, key=_fullest)[0] == "GILBERTO TEODORO JR"
