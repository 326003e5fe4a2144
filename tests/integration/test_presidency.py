"""A presidency named by its holder (kg/extract/portfolios.py, ``presidency_holdings``).
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import Extractor
from tests.conftest import text_holdings

pytestmark = pytest.mark.model


def offices_of(extractor: Extractor, text: str, name: str) -> set[str]:
    return {o for p, o in text_holdings(extractor, text, date(2025, 3, 4)) if p == name}


def test_presidency_with_the_name_right_after(extractor: Extractor) -> None:
    text = "Les négociations sur le désarmement avaient stagné sous la présidence Barack Obama."
    assert offices_of(extractor, text, "Barack Obama") == {"US.head_of_state"}


def test_presidency_of_a_meeting_says_nothing(extractor: Extractor) -> None:
    # "sous la présidence de X" without years: X may chair the meeting
    text = "Le conseil de défense s'est réuni sous la présidence de Barack Obama pour évoquer la Syrie."
    assert offices_of(extractor, text, "Barack Obama") == set()
