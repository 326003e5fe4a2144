"""Role nouns resolved by country and by topic continuation across a reporting clause
(kg/extract/coref.py, steps 3 and 4), and pairs of role nouns ("le président américain et son
homologue russe").  Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import Extractor
from tests.conftest import text_holdings

pytestmark = pytest.mark.model


def holdings(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return text_holdings(extractor, text, date(2025, 6, 2))


def offices_of(found: set[tuple[str, str]], name: str) -> set[str]:
    return {office for person, office in found if person == name}


def test_headline_role_noun_before_the_name(extractor: Extractor) -> None:
    # the one Indian of the article, named only after the headline's role noun
    found = holdings(extractor, "Le ministre indien de la Défense plaide pour la retenue\n\n"
                                "Rajnath Singh a parlé mercredi au téléphone avec Pete Hegseth.")
    assert offices_of(found, "Rajnath Singh") == {"IN.defence_minister"}
    assert not offices_of(found, "Pete Hegseth")  # nothing states his post


def test_pair_of_role_nouns_one_per_country(extractor: Extractor) -> None:
    found = holdings(extractor, "Donald Trump et Vladimir Poutine ont eu mardi une conversation téléphonique. "
                                "L'appel entre le président américain et son homologue russe a duré deux heures.")
    assert offices_of(found, "Donald Trump") == {"US.head_of_state"}
    assert offices_of(found, "Vladimir Poutine") == {"RU.head_of_state"}


def test_subject_continues_past_a_reporting_clause_and_gives_the_counterpart(extractor: Extractor) -> None:
    # the root is "a indiqué": the subject of the first clause is still the topic; the role noun has
    # no country, the person's is known; then "son homologue polonais" follows from it
    found = holdings(extractor, "Boris Pistorius a reçu un appel de son homologue polonais Władysław "
                                "Kosiniak-Kamysz, a indiqué Berlin. Le ministre de la Défense a promis des blindés.")
    assert offices_of(found, "Boris Pistorius") == {"DE.defence_minister"}
    assert offices_of(found, "Władysław Kosiniak-Kamysz") == {"PL.defence_minister"}


@pytest.mark.parametrize("text, office", [
    # two Russians named: "le ministre russe" could be either
    ("Antony Blinken a reçu Sergueï Lavrov et Sergueï Choïgou à Genève. Le ministre russe a ensuite quitté la salle.",
     "RU.foreign_minister"),
    # the only Russian already holds another post: he is not "le président russe"
    ("Le chef de la diplomatie russe Sergueï Lavrov a rencontré Antony Blinken. "
     "Le président russe a salué la rencontre.",
     "RU.head_of_state"),
    # someone nothing places (not in the gazetteer) could be the Indian minister: nobody gets it
    ("Le ministre indien de la Défense plaide pour la retenue\n\n"
     "Arvind Kalra a parlé mercredi au téléphone avec Richard Marles.", "IN.defence_minister"),
    # a person nothing places could be the French president: nobody gets it
    ("Paul Vernier a rencontré Vladimir Poutine à Moscou. Le président français a salué la rencontre.",
     "FR.head_of_state"),
])
def test_unclear_country_gives_nothing(extractor: Extractor, text: str, office: str) -> None:
    found = holdings(extractor, text)
    assert not any(o == office for _, o in found), found


def test_unnamed_counterparts_are_role_nouns_per_country(extractor: Extractor) -> None:
    # "ses homologues polonais et lituanien": each is Pistorius's post in that country, held by the
    # one person of that country the article names
    found = holdings(extractor, "Le ministre allemand de la Défense Boris Pistorius s'est entretenu mardi par "
                                "téléphone avec ses homologues polonais et lituanien.\n\n"
                                "Władysław Kosiniak-Kamysz a ensuite réclamé des défenses aériennes.")
    assert offices_of(found, "Władysław Kosiniak-Kamysz") == {"PL.defence_minister"}


def test_unnamed_counterpart_skips_a_person_with_another_post(extractor: Extractor) -> None:
    found = holdings(extractor, "Le ministre allemand de la Défense Boris Pistorius s'est entretenu avec son "
                                "homologue polonais.\n\nLe président polonais Andrzej Duda a salué cet échange.")
    assert offices_of(found, "Andrzej Duda") == {"PL.head_of_state"}  # not also the defence ministry
