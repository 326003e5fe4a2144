"""Authors and photographers of a page are no people of the news (issue 9, people3): a byline ("Par X et
Y, avec AFP") and a credit in brackets ("(Photo : X / AFP)") are page furniture that kg.corpus.clean
drops, while a sentence opening with "Par" stays prose."""

from __future__ import annotations

import pytest

from kg.corpus import clean


@pytest.mark.parametrize("line", [
    "Par Claire Dubois, avec AFP",
    "Par Anne Martin et Marc Petit",
    "Par Jean de La Fontaine, envoyée spéciale à Kiev",
    "By John Smith",
    "(Photo : Ludovic Marin / AFP)",
    "[Crédit photo : Sergueï Ivanov]",
])
def test_bylines_and_bracketed_credits_are_furniture(line: str) -> None:
    assert clean(f"Le ministre a parlé.\n{line}\nLa suite.") == "Le ministre a parlé.\nLa suite."


@pytest.mark.parametrize("line", [
    "Par ailleurs, Emmanuel Macron a appelé Donald Trump.",
    "Par Emmanuel Macron, la France a proposé une trêve.",
    "Par la voix de son porte-parole, Dmitri Peskov, le Kremlin a réagi.",
])
def test_sentences_opening_with_par_stay(line: str) -> None:
    assert line in clean(f"Titre\n{line}")
