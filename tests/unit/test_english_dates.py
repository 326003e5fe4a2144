"""English dates counted from the publication day (kg.extract.english.english_dates), and the dateline
left out of a call's date."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kg.extract.english import DATELINE, english_dates, page_date

WEDNESDAY = date(2025, 3, 12)


@pytest.mark.parametrize(("text", "day"), [
    ("spoke on tuesday with", "2025-03-11"),
    ("the call on wednesday", "2025-03-12"),  # the publication's own weekday is that day
    ("spoke last wednesday", "2025-03-05"),  # but "last Wednesday" is the one a week before
    ("spoke last tuesday", "2025-03-11"),
    ("on thursday evening", "2025-03-06"),  # a weekday after the publication's is last week's
    ("yesterday evening", "2025-03-11"),
    ("earlier today", "2025-03-12"),
    ("last night", "2025-03-11"),
    ("three days ago", "2025-03-09"),
    ("on march 3", "2025-03-03"),
    ("on 3 march", "2025-03-03"),
    ("spoke on dec. 6 with", "2024-12-06"),  # a month well after the publication is last year's
    ("on march 14", "2025-03-14"),  # a day or two ahead stays this year (a scheduled call)
    ("on june 2, 2023", "2023-06-02"),
])
def test_days(text: str, day: str) -> None:
    found = english_dates(text, WEDNESDAY)
    assert [d.value for _, d in found] == [day]


def test_last_week_is_bounded_not_dated() -> None:
    (_, value), = english_dates("they spoke last week", WEDNESDAY)
    assert value.value is None and (value.earliest, value.latest) == (date(2025, 3, 3), date(2025, 3, 9))


def test_impossible_days_and_missing_publication_give_nothing() -> None:
    assert english_dates("on february 30", WEDNESDAY) == []
    assert english_dates("on tuesday", None) == []
    assert [d.value for _, d in english_dates("on june 2, 2023", None)] == ["2023-06-02"]


def test_words_inside_other_words_are_no_dates() -> None:
    assert english_dates("the mayday signal and the decembrist", WEDNESDAY) == []


@pytest.mark.parametrize("head", ["WASHINGTON, March 12 (KGN) - ", "MOSCOW/WASHINGTON (KGN) - ", "TOKYO - ",
                                  "NEW DELHI, Oct 9 - "])
def test_datelines(head: str) -> None:
    assert DATELINE.match(head + "The minister spoke.").end() == len(head)


def test_a_sentence_is_no_dateline() -> None:
    assert DATELINE.match("The minister spoke - briefly.") is None
    assert re.match(DATELINE, "U.S. Defense Secretary - X") is None


@pytest.mark.parametrize(("text", "month", "bounds"), [
    ("earlier this month, she spoke with", "2025-03", (date(2025, 3, 1), date(2025, 3, 12))),
    ("they had talked last month", "2025-02", (date(2025, 2, 1), date(2025, 2, 28))),
])
def test_months_before_are_months(text: str, month: str, bounds: tuple[date, date]) -> None:
    (_, value), = english_dates(text, WEDNESDAY)
    assert value.value == month and value.precision == "month" and (value.earliest, value.latest) == bounds


def test_this_week_is_bounded_up_to_the_publication() -> None:
    (_, value), = english_dates("they talked by telephone earlier this week", WEDNESDAY)
    assert value.value is None and (value.earliest, value.latest) == (date(2025, 3, 10), date(2025, 3, 12))


@pytest.mark.parametrize(("text", "day"), [
    ("Published March 14, 2026 10:05am\n\nThe minister spoke on Thursday.", date(2026, 3, 14)),
    ("Updated: 14 Mar 2026\n\nThe minister spoke.", date(2026, 3, 14)),
    ("By Jane Doe | March 14, 2026\nThe minister spoke.", date(2026, 3, 14)),
    ("Posted on Saturday, March 14, 2026 at 10:05 AM\nText.", date(2026, 3, 14)),
    ("On March 14, 2026 the minister called his counterpart.", None),  # a sentence, not the page's date
    ("WASHINGTON, March 14 (Reuters) - The minister spoke.", None),  # no year: the wire dateline's business
])
def test_page_date(text: str, day: date | None) -> None:
    assert page_date(text) == day
