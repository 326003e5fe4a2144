"""Treaties and their life-cycle events (kg/extract/treaties.py) on small French inputs, without the model:
a blank French pipeline with kg's lexicon matcher and date spans."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.treaties import find_treaties
from tests.conftest import annotate, blank_pipeline


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def read(nlp, text: str, ref: date | None = None):
    return find_treaties(annotate(nlp, nlp.make_doc(text), ref))


def treaties(nlp, text: str, ref: date | None = None) -> set[str]:
    return {m.treaty for m in read(nlp, text, ref)[0]}


@pytest.mark.parametrize("text, treaty", [
    ("Le traité New START limite les ogives déployées.", "new_start"),
    ("Le FNI interdisait les missiles terrestres de moyenne portée.", "inf"),
    ("Le traité sur les forces nucléaires de portée intermédiaire a pris fin en 2019.", "inf"),
    ("Moscou a révoqué sa ratification du TICEN.", "ctbt"),
    ("Les signataires du TNP se réunissent à New York.", "npt"),
    ("Le traité Open Skies autorisait des survols.", "open_skies"),
    # a bare name that is also an everyday phrase, with the treaty word before it, quotes aside
    ("Washington a quitté le traité « Ciel ouvert » l'an dernier.", "open_skies"),
    ('Le traité dit "Open Skies" organisait des vols d\'observation.', "open_skies"),
    ("Ils défendent le traité sur le régime « Ciels ouverts » devant l'OSCE.", "open_skies"),
    ("Le Canada tient au traité sur les Cieux ouverts.", "open_skies"),
    ("« Open Skies » Treaty members met in Vienna.", "open_skies"),
])
def test_names_and_acronyms(nlp, text: str, treaty: str) -> None:
    assert treaties(nlp, text) == {treaty}


@pytest.mark.parametrize("text", [
    "La mine de cuivre est exploitée à ciel ouvert depuis des décennies.",
    "Un concert à ciel ouvert a réuni des milliers de personnes.",
    "Les compagnies aériennes réclament des cieux ouverts entre les deux continents.",
    "Les carrières à ciel ouvert dont le traité de 1990 ne parle pas",  # the treaty word is too far
])
def test_everyday_phrases_are_not_treaties(nlp, text: str) -> None:
    assert treaties(nlp, text) == set()


@pytest.mark.parametrize("text, treaty", [
    ("Moscou et Téhéran ont signé un traité de partenariat stratégique global.", "russia_iran_partnership_treaty"),
    ("La Russie et Pyongyang ont ratifié le traité de partenariat stratégique global.",
     "russia_dprk_partnership_treaty"),
    ("Le Kremlin vante son traité de partenariat stratégique global.", None),  # which one: unknown
])
def test_a_name_two_treaties_share_goes_to_the_one_whose_party_is_named(nlp, text: str, treaty: str | None) -> None:
    assert treaties(nlp, text) == ({treaty} if treaty else set())


def test_descriptions_resolve_at_the_article_date(nlp) -> None:
    text = "Le dernier traité de limitation des armes nucléaires entre les deux puissances arrive à son terme."
    assert treaties(nlp, text, date(2024, 6, 1)) == {"new_start"}  # the one in force
    assert treaties(nlp, text, date(2026, 3, 1)) == {"new_start"}  # the one that ended last
    assert treaties(nlp, text, date(2007, 1, 1)) == set()  # START I and SORT both in force
    assert treaties(nlp, text, date(2010, 6, 1)) == set()  # SORT in force, New START signed, not yet
    assert treaties(nlp, text, date(2011, 6, 1)) == {"new_start"}
    assert treaties(nlp, text) == set()  # no date, no resolution


def test_a_description_a_pending_treaty_may_answer_is_not_resolved(nlp) -> None:
    # the 1963 treaty is in force, but the 1996 one (never in force) is at least as likely meant
    text = "Moscou dit respecter le traité d'interdiction des essais nucléaires."
    assert treaties(nlp, text, date(2023, 11, 3)) == set()
    assert treaties(nlp, "Les signataires du traité d'interdiction des essais nucléaires.", date(1990, 1, 1)) \
        == {"ptbt"}  # before 1996 only the 1963 treaty existed


@pytest.mark.parametrize("text, ref, kind, day, parties", [
    ("La Russie a suspendu le 21 février 2023 sa participation au traité New START.", None, "suspension",
     "2023-02-21", ("RU",)),
    ("Les États-Unis se sont retirés du traité « Ciel ouvert » le 22 novembre 2020.", None, "withdrawal",
     "2020-11-22", ("US",)),
    ("Moscou a révoqué le 2 novembre 2023 sa ratification du TICE.", None, "withdrawal", "2023-11-02", ("RU",)),
    ("Le Sénat américain a ratifié le traité New START en décembre 2010.", None, "ratification", "2010-12",
     ("US",)),
    # "au lendemain de l'expiration": the expiry is the day before the sentence's date
    ("Au lendemain de l'expiration du traité New START, le 6 février 2026, Moscou a réagi.", None, "expiry",
     "2026-02-05", ("RU",)),
    ("La Russie reste attachée au traité New START.", None, None, None, ()),
])
def test_events(nlp, text: str, ref, kind: str | None, day: str | None, parties: tuple) -> None:
    _, events = read(nlp, text, ref)
    if kind is None:
        assert events == []
        return
    [event] = events
    assert (event.kind, event.parties) == (kind, parties)
    assert (event.date.value if event.date else None) == day
    assert event.evidence[0].sentence == text


def test_one_event_per_treaty_and_kind(nlp) -> None:
    text = "Washington s'est retiré du traité FNI. Le retrait du traité FNI a été critiqué."
    _, events = read(nlp, text)
    assert [(e.treaty, e.kind) for e in events] == [("inf", "withdrawal")]


@pytest.mark.parametrize("text, kind, day", [
    # English tells the event after the treaty as often as before it, and dates it in English
    ("The New START treaty expired on February 5, 2026.", "expiry", "2026-02-05"),
    ("The United States withdrew from the INF Treaty in August 2019.", "withdrawal", "2019-08"),
    ("Russia suspended its participation in the New START treaty in February 2023.", "suspension", "2023-02"),
])
def test_english_events_and_dates(nlp, text: str, kind: str, day: str) -> None:
    _, events = find_treaties(annotate(nlp, nlp.make_doc(text), date(2026, 11, 1)), english=True)
    [event] = events
    assert (event.kind, event.date.value if event.date else None) == (kind, day)


def test_an_english_treaty_with_no_event_word_has_no_event(nlp) -> None:
    _, events = find_treaties(annotate(nlp, nlp.make_doc("The New START treaty remains the last one."),
                                       date(2026, 11, 1)), english=True)
    assert events == []
