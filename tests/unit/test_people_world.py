"""Names of the whole world (issue 9, people round 5): a country after a sovereign's name, places named
after a person in hyphenated form, hard-wrapped wire copy and Spanish second surnames across articles."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.corpus import unwrapped
from kg.extract.gazetteer import load_gazetteer, with_second_surnames
from kg.extract.names import NameClusters
from kg.extract.people import (
    PersonMention,
    _cut_before_overlaps,
    _hyphenated_start,
    _name_after_portfolio,
    _short_forms,
    _without_country,
)
from kg.resolve import _lone_given_name

VOCAB = Vocab()


def _doc(words: list[str], glued: set[int] = frozenset()) -> Doc:
    """A Doc of ``words``; the words whose index is in ``glued`` have no space after them."""
    return Doc(VOCAB, words=words, spaces=[i not in glued and i < len(words) - 1 for i in range(len(words))])


def test_a_country_after_a_sovereigns_name_is_cut_off() -> None:
    doc = _doc(["le", "roi", "Abdallah", "II", "de", "Jordanie", "a", "appelé"])
    m = _without_country(PersonMention(doc[2:6]), {5: 6})
    assert m.span.text == "Abdallah II"


def test_an_elided_country_is_cut_off_too() -> None:
    doc = _doc(["le", "sultan", "Haïtham", "ben", "Tariq", "d'", "Oman", "a"], glued={5})
    assert _without_country(PersonMention(doc[2:7]), {6: 7}).span.text == "Haïtham ben Tariq"


def test_a_particle_before_a_surname_that_is_no_country_stays() -> None:
    doc = _doc(["Juan", "Ramón", "de", "la", "Fuente"])
    assert _without_country(PersonMention(doc[0:5]), {}).span.text == "Juan Ramón de la Fuente"


@pytest.mark.parametrize(("words", "glued", "start", "expected"), [
    (["aéroport", "Jomo", "-", "Kenyatta"], {1, 2}, 3, 1),
    (["université", "Cheikh", "-", "Anta", "-", "Diop"], {1, 2, 3, 4}, 5, 1),
    (["base", "Prince", "-", "Sultan"], {1, 2}, 2, 1),
    (["le", "ministre", "Kenyatta"], set(), 2, 2),
])
def test_the_start_of_a_hyphen_glued_name(words: list[str], glued: set[int], start: int, expected: int) -> None:
    assert _hyphenated_start(_doc(words, glued), start) == expected


def test_a_mention_running_into_a_longer_one_is_cut_before_it() -> None:
    doc = _doc(["le", "parti", "Pastef", "d'", "Ousmane", "Sonko", "a", "gagné"], glued={3})
    found = _cut_before_overlaps([PersonMention(doc[2:5]), PersonMention(doc[4:6])])
    assert [m.span.text for m in found] == ["Pastef", "Ousmane Sonko"]


WRAPPED = ("Titre de la dépêche\n\nABUJA, 10 mai -- Le président a parlé jeudi avec son homologue John\n"
           "Dramani Mahama, a annoncé la présidence, au sujet de la force régionale\n"
           "de la CEDEAO.\n\nUne seconde ligne courte.\n")


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = unwrapped(WRAPPED)
    assert "John Dramani Mahama" in text and "régionale de la CEDEAO" in text
    assert text.startswith("Titre de la dépêche\n\nABUJA")


def test_a_text_with_long_lines_is_not_unwrapped() -> None:
    text = "Titre\nLe président " + "très " * 30 + "long a parlé.\nDeuxième ligne\nTroisième ligne\n\nFin."
    assert unwrapped(text) == text


@pytest.mark.parametrize(("names", "together"), [
    (["Iván Velásquez Gómez", "Iván Velásquez"], True),
    (["Rafael Correa Delgado", "Rafael Correa", "Correa"], True),
    (["Mohammed Ali Hassan", "Mohammed Ali"], False),  # "Ali" is a given name: no second surname
    (["Pedro Arnulfo Sánchez Suárez", "Pedro Sánchez"], False),  # a known person's long form is known
])
def test_a_second_surname_left_out_by_another_report(names: list[str], together: bool) -> None:
    clusters = NameClusters(canonical=with_second_surnames(names, load_gazetteer()))
    clusters.update(names)
    assert (len(clusters.clusters()) == 1) is together, clusters.clusters()


@pytest.mark.parametrize(("clusters", "joined"), [
    ([["Hanke Bruins Slot"], ["Bruins Slot"]], {1: 0}),
    ([["Marta Lucía Ramírez Blanco"], ["Ramírez Blanco"]], {1: 0}),
    ([["Mahamat Idriss Déby"], ["Idriss Déby"]], {}),  # "Idriss" is a known given name: the father
])
def test_a_two_word_surname_written_alone_joins_its_person(clusters: list[list[str]], joined: dict[int, int]) -> None:
    assert _short_forms(clusters, load_gazetteer().given_names)[0] == joined


def test_only_the_name_after_a_glued_portfolio_is_taken() -> None:
    words = ["Phone", "Call", "With", "Israeli", "Minister", "of", "Defense", "Yoav", "Gallant"]
    doc = Doc(VOCAB, words=words, pos=["NOUN", "NOUN", "ADP", "ADJ", "NOUN", "ADP", "NOUN", "PROPN", "PROPN"])
    assert _name_after_portfolio(doc, list(doc), frozenset({"defense"})) == 7


def test_one_word_after_a_portfolio_is_no_name() -> None:
    words = ["ministère", "de", "la", "Défense", "Nationale"]
    doc = Doc(VOCAB, words=words, pos=["NOUN", "ADP", "DET", "NOUN", "ADJ"])
    assert _name_after_portfolio(doc, list(doc), frozenset({"defense"})) is None


def test_a_lone_given_name_joins_no_one_across_articles() -> None:
    known = load_gazetteer()
    petro = known.identify("Gustavo Petro")
    assert petro is not None
    assert _lone_given_name("Mohammed", known, set())
    assert _lone_given_name("Ibrahim", known, set())  # Anwar Ibrahim is known, but no article names him
    assert not _lone_given_name("Petro", known, {id(petro)})  # Gustavo Petro is named in full elsewhere
    assert not _lone_given_name("Camara", known, set())  # a surname, not a given name
    assert not _lone_given_name("Aisha Mohammed", known, set())


def test_ticker_entries_and_ended_sentences_keep_their_line() -> None:
    text = "Titre\n\n22h10 - Le président a parlé\n22h30 - Le ministre a répondu à\nson homologue.\nFin du direct\n"
    assert unwrapped(text).split("\n")[2:5] == ["22h10 - Le président a parlé",
                                                "22h30 - Le ministre a répondu à son homologue.", "Fin du direct"]


def test_a_short_form_by_the_given_name_leaves_a_known_person_known() -> None:
    known = load_gazetteer()
    khalid = known.person_of(["Khalid ben Salmane", "Khalid"])
    assert khalid is not None and khalid.country == "SA"
    anutin = known.person_of(["Anutin Charnvirakul", "Anutin"])
    assert anutin is not None and anutin.country == "TH"
    assert known.person_of(["Khalid"]) is None
