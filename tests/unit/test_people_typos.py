"""Role words mistyped before a name (kg.extract.people.misspelt_role_word)."""

import pytest

from kg.extract.people import misspelt_role_word


@pytest.mark.parametrize(("word", "role"), [("Secratary", "secretary"), ("Minsiter", "minister"),
                                            ("Ambasador", "ambassador"), ("Pressident", "president")])
def test_a_mistyped_role_word_is_read_as_its_role(word: str, role: str) -> None:
    assert misspelt_role_word(word) == role


@pytest.mark.parametrize("word", ["Secretary", "Minister", "Cabinet", "Sinister", "Semitary", "Commandant",
                                  "minsiter", "Mister"])
def test_role_words_themselves_other_words_and_lower_case_are_not(word: str) -> None:
    assert misspelt_role_word(word) is None
