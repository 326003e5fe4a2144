"""Posts held until the news or taken over, and counterparts listed by demonym (kg/extract/offices.py:
``without_fillers`` (kg/extract/spans.py), ``_appointed_incise``, ``_post_in_relative_clause``, ``_post_taken_over``,
``_demonym_listed_counterparts``; kg/extract/portfolios.py: ``bare_ministry``).  Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import Extractor
from tests.conftest import text_holdings

pytestmark = pytest.mark.model


def offices_of(extractor: Extractor, text: str, name: str) -> set[str]:
    return {o for p, o in text_holdings(extractor, text, date(2025, 3, 4)) if p == name}


@pytest.mark.parametrize("text, name, office", [
    # a copula with an adverb of time between it and the post
    ("Kajsa Ollongren était jusqu'à présent ministre néerlandaise de la Défense.",
     "Kajsa Ollongren", "NL.defence_minister"),
    ("M. Pál Kovács, juriste de formation, était jusqu'ici premier vice-Premier ministre hongrois.",
     "Pál Kovács", "HU.deputy_head_of_government"),
    # an appointing participle in the incise after the name
    ("Le général Jan Kowalski, récemment promu chef d'état-major des armées polonaises, a visité Vilnius.",
     "Jan Kowalski", "PL.chief_of_defence"),
    # a relative clause whose verb leads a ministry, or holds a post named after "le poste de"
    ("Dmytro Kuleba, qui dirigeait le ministère ukrainien des Affaires étrangères depuis 2020, a démissionné.",
     "Dmytro Kuleba", "UA.foreign_minister"),
    ("L'amiral Rob Bauer, qui a occupé le poste de chef d'état-major des armées néerlandaises, préside le comité.",
     "Rob Bauer", "NL.chief_of_defence"),
    # the post named just before "un poste que X occupait" / "poste qu'occupait X"
    ("Le Parlement a confirmé Lisa Berg au poste de ministre suédoise de la Défense, un poste que Pål Jonson "
     "occupait depuis 2022.", "Pål Jonson", "SE.defence_minister"),
    ("Ahmed Attaf devient ministre algérien des Affaires étrangères, poste qu'occupait depuis 2021 Omar Lamrani.",
     "Omar Lamrani", "DZ.foreign_minister"),
    # "ce ministère": the last ministry named, with its country
    ("Le général Tomasz Nowak, jusqu'ici vice-ministre polonais de la Défense, prend la tête de ce ministère.",
     "Tomasz Nowak", "PL.defence_minister"),
])
def test_post_held_before_or_taken_over(extractor: Extractor, text: str, name: str, office: str) -> None:
    assert office in offices_of(extractor, text, name)


def test_this_ministry_after_a_ministry_of_no_list_is_nobodys(extractor: Extractor) -> None:
    # the nearest ministry is Finance, which no portfolio list knows: not the older Defence one
    text = ("Le ministre grec de la Défense a salué la décision. La ministre des Finances a démissionné lundi. "
            "Le Premier ministre a nommé Eleni Pappa à la tête de ce ministère.")
    assert offices_of(extractor, text, "Eleni Pappa") == set()


def test_an_agent_in_the_incise_takes_no_post(extractor: Extractor) -> None:
    # ", nommé par le Premier ministre," names the appointer: the name before holds nothing of it
    text = "Le général Karel Novak, nommé par le Premier ministre tchèque, a visité Prague."
    assert not any(o.endswith("head_of_government") for o in offices_of(extractor, text, "Karel Novak"))


def test_counterparts_listed_each_after_their_demonym(extractor: Extractor) -> None:
    text = ("Le ministre roumain des Affaires étrangères, Emil Hurezeanu, a reçu jeudi ses homologues "
            "moldave, Mihai Popșoi, et bulgare Georg Georgiev.")
    assert offices_of(extractor, text, "Mihai Popșoi") == {"MD.foreign_minister"}
    assert offices_of(extractor, text, "Georg Georgiev") == {"BG.foreign_minister"}


def holdings_of(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return text_holdings(extractor, text, date(2025, 3, 4))


def test_pronoun_successor_takes_the_office_of_the_one_who_left(extractor: Extractor) -> None:
    text = ("Le chef de la diplomatie kényane, Musalia Mudavadi, a quitté ses fonctions. Le président "
            "William Ruto a choisi pour le remplacer l'ancienne députée Amina Mohamed.")
    found = holdings_of(extractor, text)
    assert ("Amina Mohamed", "KE.foreign_minister") in found
    assert ("William Ruto", "KE.foreign_minister") not in found  # the appointer replaces nobody


def test_pronoun_successor_needs_the_departure_of_the_last_named(extractor: Extractor) -> None:
    # the last person named is the one who accepted a resignation, not the one who left
    text = ("Le Premier ministre Keir Starmer a accepté la démission de sa ministre des Transports. "
            "Il a nommé à sa place Heidi Alexander.")
    assert not any(p == "Heidi Alexander" for p, _ in holdings_of(extractor, text))


def test_a_dateline_country_places_a_post_named_without_one(extractor: Extractor) -> None:
    text = ("Bolivie : le gouvernement face aux manifestants\n\nLA PAZ - Le président bolivien Luis Arce a "
            "reçu jeudi les syndicats, après un vote à l'ONU et une visite du ministre brésilien de "
            "l'Agriculture.\n\nLe ministre de la Défense, Edmundo Novillo, a appelé au calme.")
    assert ("Edmundo Novillo", "BO.defence_minister") in holdings_of(extractor, text)


def test_no_dateline_country_when_another_country_holds_a_post(extractor: Extractor) -> None:
    text = ("LA PAZ - Le président bolivien Luis Arce a reçu jeudi la présidente péruvienne Dina Boluarte. "
            "Le ministre de la Défense, Edmundo Novillo, était présent.")
    assert ("Edmundo Novillo", "BO.defence_minister") not in holdings_of(extractor, text)


def test_a_live_blog_time_stamp_before_the_opening_place(extractor: Extractor) -> None:
    text = "18h05 - A Ottawa, le porte-parole du Premier ministre, Mohammad Hussain, a confirmé l'appel."
    assert ("Mohammad Hussain", "CA.spokesperson") in holdings_of(extractor, text)


@pytest.mark.parametrize("text, name, office", [
    # a government named after its head (the country from the one other post the article places)
    ("Le gouvernement Kristersson a présenté jeudi son budget. Ulf Kristersson et le ministre suédois de la "
     "Défense, Pål Jonson, ont défendu les dépenses militaires.", "Ulf Kristersson", "SE.head_of_government"),
    # "par intérim" between a post and its holder's name
    ("Le Premier ministre thaïlandais par intérim, Phumtham Wechayachai, a reçu l'ambassadeur.",
     "Phumtham Wechayachai", "TH.head_of_government"),
    # a bracketed acronym between a post and its holder's name
    ("Le commandant des forces américaines dans le Pacifique (INDOPACOM), l'amiral Samuel Paparo, est arrivé à "
     "Manille.", "Samuel Paparo", "US.military_commander.indopacom"),
    # a chief of defence named by the staff they take over
    ("Le général Valeri Guerassimov a pris la tête de l'état-major général russe en 2012.",
     "Valeri Guerassimov", "RU.chief_of_defence"),
    # a post before the name, then a verb of becoming: the first post is the one left
    ("Le chef des services de renseignement turcs, Hakan Fidan, devient ministre des Affaires étrangères de "
     "la Turquie. Il succède à Mevlüt Çavuşoğlu.", "Mevlüt Çavuşoğlu", "TR.foreign_minister"),
])
def test_government_names_acting_posts_and_staffs(extractor: Extractor, text: str, name: str, office: str) -> None:
    assert office in offices_of(extractor, text, name)


def test_a_pronoun_subject_falls_back_on_the_subject_before(extractor: Extractor) -> None:
    # the last name before "Il" holds nothing; the subject of the sentence before does
    text = ("Le général Eirik Kristoffersen devient chef d'état-major des armées norvégiennes. Le général "
            "Kristoffersen a été préféré au général Lars Lervik. Il succède à l'amiral Haakon Bruun-Hanssen.")
    assert "NO.chief_of_defence" in offices_of(extractor, text, "Haakon Bruun-Hanssen")
    assert offices_of(extractor, text, "Lars Lervik") == set()


@pytest.mark.parametrize("text, name, office", [
    # a possessive whose owner is the sentence's subject, a state named by its capital
    ("Pékin a dénoncé par la voix du porte-parole de son ministère des Affaires étrangères, Mao Ning, une "
     "provocation.", "Mao Ning", "CN.spokesperson"),
    ("Téhéran a dépêché son ministre de la Défense, le général Aziz Nasirzadeh, à Riyad.",
     "Aziz Nasirzadeh", "IR.defence_minister"),
    # the presidency of the dateline's country, though another president is named
    ("NAIROBI - Le président kényan William Ruto s'est entretenu lundi avec son homologue ougandais Yoweri "
     "Museveni, a précisé le porte-parole de la présidence, Hussein Mohamed.", "Hussein Mohamed", "KE.spokesperson"),
])
def test_posts_placed_by_a_possessive_or_the_dateline_presidency(extractor: Extractor, text: str, name: str,
                                                                  office: str) -> None:
    assert office in offices_of(extractor, text, name)


def test_a_possessive_without_a_state_subject_places_nothing(extractor: Extractor) -> None:
    text = "Le président a reçu son ministre de la Défense, Ali Nasser, et le général Omar Saleh."
    assert offices_of(extractor, text, "Ali Nasser") <= {"?.defence_minister"}


def test_the_dateline_presidency_is_not_another_countrys_spokesperson(extractor: Extractor) -> None:
    # the spokesperson of the other president, named with his country, stays his
    text = ("NAIROBI - Le président kényan William Ruto a appelé lundi le président ougandais Yoweri Museveni, a "
            "précisé le porte-parole de la présidence ougandaise, Chris Baryomunsi.")
    assert "KE.spokesperson" not in offices_of(extractor, text, "Chris Baryomunsi")


def starts_of(extractor: Extractor, text: str) -> dict[tuple[str, str], str | None]:
    """(person name, office) -> the start bound's value, from one article's text."""
    from kg.corpus import RawArticle

    facts = next(extractor.extract([RawArticle(id="t.txt", path="t.txt", text=text, sha256="",
                                               published=date(2025, 3, 4))]))
    names = {p.key: p.name for p in facts.persons}
    return {(names[h.person], h.office): (h.start.value if h.start else None) for h in facts.holdings}


@pytest.mark.parametrize("text, name, office, start", [
    # "depuis <date>" after the post, or between the name's comma and the post
    ("Rustem Umerov, ministre ukrainien de la Défense depuis septembre 2023, a appelé Lloyd Austin.",
     "Rustem Umerov", "UA.defence_minister", "2023-09"),
    ("Oleksandr Syrsky, depuis février 2024 commandant en chef des forces armées ukrainiennes, a visité le front.",
     "Oleksandr Syrsky", "UA.chief_of_defence", "2024-02"),
    ("Le ministre estonien de la Défense depuis 2022, Hanno Pevkur, a reçu son homologue letton.",
     "Hanno Pevkur", "EE.defence_minister", "2022"),
    # a span of time is no start
    ("Le général Thierry Burkhard, chef d'état-major des armées françaises depuis deux ans, a visité Kiev.",
     "Thierry Burkhard", "FR.chief_of_defence", None),
])
def test_a_post_held_since_a_date_starts_then(extractor: Extractor, text: str, name: str, office: str,
                                              start: str | None) -> None:
    found = starts_of(extractor, text)
    assert (name, office) in found
    assert found[(name, office)] == start


def test_a_gapped_appointment_shares_the_verb_before(extractor: Extractor) -> None:
    text = ("Le contre-amiral Ahmed Bello est nommé chef d'état-major de la marine nigériane et le vice-maréchal "
            "de l'air Yusuf Danladi chef d'état-major de l'armée de l'air nigériane.")
    assert offices_of(extractor, text, "Yusuf Danladi") == {"NG.air_force_chief"}


def test_a_name_and_a_post_side_by_side_after_a_meeting_verb_are_not_gapped(extractor: Extractor) -> None:
    # no verb of appointment links the clause before: nothing is shared
    text = "Le président a reçu le ministre de la Défense Ali Nasser et le général Omar Saleh chef d'état-major."
    assert offices_of(extractor, text, "Omar Saleh") == set()


@pytest.mark.parametrize("text, name, office", [
    ("L'ex-ministre de la Défense Ben Wallace a critiqué le budget britannique.", "Ben Wallace", "GB.defence_minister"),
    ("Mark Esper, ex-secrétaire américain à la Défense, a témoigné devant le Congrès.",
     "Mark Esper", "US.defence_minister"),
    ("L'ex-chef d'état-major des armées françaises, le général Pierre de Villiers, publie un livre.",
     "Pierre de Villiers", "FR.chief_of_defence"),
])
def test_a_post_glued_to_ex_is_a_former_post(extractor: Extractor, text: str, name: str, office: str) -> None:
    assert office in offices_of(extractor, text, name)


def test_an_ex_word_that_opens_no_post_gives_nothing(extractor: Extractor) -> None:
    text = "L'ex-Yougoslavie a été évoquée par Goran Petrović, diplomate serbe."
    assert offices_of(extractor, text, "Goran Petrović") == set()
