"""The kg_people component on hand-annotated Docs: names in apposition to a role (one-word names
included), portfolio words the model glues to a name, long hyphenated Korean given names, particles
after a title, and rank words used as adjectives (issue 9)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.extract.gazetteer import load_gazetteer
from kg.extract.people import PeopleFinder
from tests.factories import lexicon_pipeline, people_found


@pytest.fixture(scope="module")
def nlp():
    return lexicon_pipeline()




@pytest.mark.parametrize(("text", "entities", "proper", "expected"), [
    # a one-word name the model tags, supported by the role noun before it
    ("Le diplomate Wiranto prend la tête du ministère.", [("Wiranto", "PER")], (), ["Wiranto"]),
    # after a post of the lexicon and a comma, a name the model calls a place
    ("Le ministre des Affaires étrangères, Budiman Sudjatmiko, a répondu.",
     [("Budiman Sudjatmiko", "LOC")], ("Budiman", "Sudjatmiko"), ["Budiman Sudjatmiko"]),
    # a post, a demonym, then a one-word name the model left alone
    ("Le roi jordanien Hussein a reçu la délégation.", [], ("Hussein",), ["Hussein"]),
    # the name ends at the sentence: the next sentence's capitalised opener is not part of it
    ("Il a appelé le Premier ministre pakistanais Shehbaz Sharif. Il a insisté.", [], ("Shehbaz", "Sharif"),
     ["Shehbaz Sharif"]),
])
def test_names_in_apposition_to_a_role(nlp, text: str, entities: list[tuple[str, str]], proper: tuple[str, ...],
                                       expected: list[str]) -> None:
    assert people_found(nlp, text, entities, proper) == expected


@pytest.mark.parametrize(("text", "entities", "expected"), [
    # a given name and a surname the model calls a place, neither tagged a proper noun
    ("Il a joint son homologue maltais, Carmelo Abela, dimanche.", [("Carmelo Abela", "LOC")], ["Carmelo Abela"]),
    ("La ministre chypriote de la Défense, Vasilis Palmas, a répondu.", [("Vasilis Palmas", "LOC")],
     ["Vasilis Palmas"]),
])
def test_two_words_tagged_as_a_place_after_a_role(nlp, text: str, entities: list[tuple[str, str]],
                                                  expected: list[str]) -> None:
    assert people_found(nlp, text, entities, nouns=tuple(expected[0].split())) == expected


def test_one_word_tagged_as_a_place_after_a_role_stays_a_place(nlp) -> None:
    """A one-word place after a role and a comma is more often the place it seems ("son homologue, Ankara …")."""
    assert people_found(nlp, "Il a joint son homologue, Valletta refusant tout contact.", [("Valletta", "LOC")],
                        nouns=("Valletta",)) == []


@pytest.mark.parametrize(("text", "entities", "proper"), [
    ("Le ministre de la Défense, Paris a réagi.", [], ("Paris",)),  # a place
    ("Le porte-parole, Naval Group, a confirmé.", [("Naval Group", "ORG")], ("Naval", "Group")),  # an organisation
    ("Le ministre des Armées était absent.", [], ()),  # no name at all
    ("Le diplomate Budiman a parlé.", [], ()),  # neither a proper noun nor a person for the model
])
def test_no_name_in_apposition(nlp, text: str, entities: list[tuple[str, str]], proper: tuple[str, ...]) -> None:
    assert people_found(nlp, text, entities, proper) == []


@pytest.mark.parametrize(("text", "entity", "expected"), [
    ("La ministre des Finances Retno Sulistyowati est reconduite.", "Finances Retno Sulistyowati",
     "Retno Sulistyowati"),
    ("Le secrétaire à la Défense Lloyd Austin a parlé.", "Défense Lloyd Austin", "Lloyd Austin"),
    ("Le ministre de l'Intérieur Bruno Retailleau a parlé.", "Intérieur Bruno Retailleau", "Bruno Retailleau"),
])
def test_portfolio_glued_to_a_name_is_cut_off(nlp, text: str, entity: str, expected: str) -> None:
    assert people_found(nlp, text, [(entity, "PER")]) == [expected]


def test_a_portfolio_word_opening_a_name_stays(nlp) -> None:
    """Only after a preposition or an article is the word a portfolio: "Justice" may open a name."""
    assert people_found(nlp, "Hier, Justice Malala a parlé.", [("Justice Malala", "PER")]) == ["Justice Malala"]


@pytest.mark.parametrize(("text", "entity"), [
    ("Le président Lee Jae-myung a désigné un civil.", "Lee Jae-myung"),
    ("La Première ministre Kim Min-seok a parlé.", "Kim Min-seok"),
    ("Le ministre Kim Yong-hyun a démissionné.", "Kim Yong-hyun"),
])
def test_long_hyphenated_korean_given_names_stay_whole(nlp, text: str, entity: str) -> None:
    assert people_found(nlp, text, [(entity, "PER")]) == [entity]


def test_particle_between_a_rank_and_a_surname_belongs_to_the_name(nlp) -> None:
    assert people_found(nlp, "Le général de Lattre a parlé.", [("Lattre", "PER")]) == ["de Lattre"]


def test_a_rank_word_used_as_an_adjective_names_no_one(nlp) -> None:
    text = "Le directeur général de Naval Group, Pierre Éric Pommellet, a salué la commande."
    found = people_found(nlp, text, [("Naval Group", "ORG"), ("Pierre Éric Pommellet", "PER")], nouns=("directeur",))
    assert found == ["Pierre Éric Pommellet"]


@pytest.mark.parametrize("text", [
    "Personne n'a répondu à l'appel.",  # Persson's key: the mute e and the double n fold away
    "Le pays a ouvert la boîte de Pandore.",  # Naledi Pandor
    "Vrai ou faux, la rumeur a couru.",  # Christopher Wray
    "Marine et armée de l'air ont défilé.",  # Sanna Marin
    "Mille soldats ont défilé, Bonne nouvelle pour la région.",
])
def test_common_words_that_spell_a_known_surname_are_no_one(nlp, text: str) -> None:
    assert people_found(nlp, text) == []


@pytest.mark.parametrize(("text", "entities"), [
    ("Le porte-avions Charles de Gaulle a appareillé.", [("Charles de Gaulle", "PER")]),
    ("Le USS Gerald R. Ford croise en Méditerranée.", [("USS Gerald R. Ford", "PER")]),
    ("Il a atterri à l'aéroport John F. Kennedy.", [("John F. Kennedy", "PER")]),
])
def test_ships_and_buildings_named_after_people_are_no_one(nlp, text: str, entities: list[tuple[str, str]]) -> None:
    assert people_found(nlp, text, entities) == []


def test_the_person_a_ship_is_named_after_is_still_a_person_elsewhere(nlp) -> None:
    assert people_found(nlp, "Le général de Gaulle a parlé.", [("Gaulle", "PER")]) == ["de Gaulle"]


def test_a_date_after_a_role_is_no_name(nlp) -> None:
    text = "Le ministre de la Défense, Lundi, a annoncé un plan."
    doc: Doc = nlp(text)
    day = text.index("Lundi")
    doc.spans["dates"] = [doc.char_span(day, day + len("Lundi"), label="DATE")]
    for token in doc:
        token.pos_ = "PROPN" if token.text == "Lundi" else token.pos_
    assert PeopleFinder(load_gazetteer())(doc)._.people == []


@pytest.mark.parametrize(("text", "entities", "expected"), [
    ("Wiranto, le ministre indonésien de la Défense, a parlé.", [("Wiranto", "PER")], ["Wiranto"]),
    ("Hier, Salmane, roi d'Arabie saoudite, a reçu le visiteur.", [("Salmane", "PER")], ["Salmane"]),
    ("À Wonsan, le dirigeant a inspecté un navire.", [("Wonsan", "PER")], []),  # a town, after a preposition
    ("Wonsan, le port, a été bombardé.", [("Wonsan", "PER")], []),  # no role after it
])
def test_one_word_names_a_role_follows(nlp, text: str, entities: list[tuple[str, str]], expected: list[str]) -> None:
    assert people_found(nlp, text, entities) == expected


@pytest.mark.parametrize(("text", "entities"), [
    ("Le contrat avec General Dynamics a été signé.", [("General Dynamics", "ORG")]),
    ("Naval Group a livré la frégate.", [("Naval Group", "PER")]),
])
def test_companies_are_no_one(nlp, text: str, entities: list[tuple[str, str]]) -> None:
    assert people_found(nlp, text, entities) == []


@pytest.mark.parametrize(("text", "entities", "expected"), [
    ("Sergueï Tchemezov a visité l'usine.", [("Sergueï Tchemezov", "LOC")], ["Sergueï Tchemezov"]),
    ("Hier, Abbas Kamel est arrivé.", [("Abbas Kamel", "ORG")], ["Abbas Kamel"]),
    ("Il a visité Abu Dhabi.", [("Abu Dhabi", "LOC")], []),  # a place the lexicon knows
    ("Il a visité Santa Cruz.", [("Santa Cruz", "LOC")], []),  # no known given name
])
def test_mislabelled_entities_opening_with_a_known_given_name(nlp, text: str, entities: list[tuple[str, str]],
                                                             expected: list[str]) -> None:
    assert people_found(nlp, text, entities) == expected


def test_an_adjective_between_a_role_and_its_holder(nlp) -> None:
    text = "Le ministre de la Défense sortant, Wiranto, a passé la main."
    assert people_found(nlp, text, [("Wiranto", "PER")], adjectives=("sortant",)) == ["Wiranto"]
    assert people_found(nlp, text, [("Wiranto", "PER")]) == []  # without the tag, nothing links them


@pytest.mark.parametrize(("text", "entity"), [
    ("Selon Al-Arabiya, la trêve tient.", "Al-Arabiya"),  # a news outlet of titles.json
    ("Selon Al Arabiya, la trêve tient.", "Al Arabiya"),
    ("La chaîne Al Mayadeen a diffusé la vidéo.", "Al Mayadeen"),  # an organisation word
])
def test_news_outlets_are_no_one(nlp, text: str, entity: str) -> None:
    assert people_found(nlp, text, [(entity, "PER")]) == []


def _people_with_flat_name(nlp, text: str, entities: list[tuple[str, str]], flat: tuple[str, str]) -> list[str]:
    """People found when the parser ties ``flat[1]`` to ``flat[0]`` as two parts of one name (``flat:name``)."""
    from spacy.tokens import Span

    doc = nlp(text)
    doc.ents = [s for surface, label in entities
                if isinstance(s := doc.char_span(text.index(surface), text.index(surface) + len(surface), label=label),
                              Span)]
    words = {t.text: t for t in doc}
    words[flat[1]].head = words[flat[0]]
    words[flat[1]].dep_ = "flat:name"
    return [m.span.text for m in PeopleFinder(load_gazetteer())(doc)._.people]


@pytest.mark.parametrize(("text", "entities", "flat", "expected"), [
    # the given name the model calls a place, head of the surname it calls a person
    ("Hier, Aurelio Vasconcelos a appelé son homologue.", [("Aurelio", "LOC"), ("Vasconcelos", "PER")],
     ("Aurelio", "Vasconcelos"), ["Aurelio Vasconcelos"]),
    # the surname left out after the given name the model tags
    ("Hier, Aurelio Vasconcelos a appelé son homologue.", [("Aurelio", "PER"), ("Vasconcelos", "MISC")],
     ("Aurelio", "Vasconcelos"), ["Aurelio Vasconcelos"]),
])
def test_parts_of_one_name_the_model_labels_apart(nlp, text: str, entities: list[tuple[str, str]],
                                                  flat: tuple[str, str], expected: list[str]) -> None:
    assert _people_with_flat_name(nlp, text, entities, flat) == expected


def test_a_dateline_in_capitals_is_no_given_name(nlp) -> None:
    """"LIMA - Vasconcelos a appelé": a whole upper-case word before the name is the dateline's place."""
    found = _people_with_flat_name(nlp, "LIMA Vasconcelos a appelé son homologue.", [("Vasconcelos", "PER")],
                                   ("LIMA", "Vasconcelos"))
    assert not any("LIMA" in name for name in found)


def test_an_honorific_opening_a_headline_is_no_given_name(nlp) -> None:
    """"Cheikh Hamdan ben Zayed reçoit un appel": the parser ties the capitalised honorific to the name."""
    found = _people_with_flat_name(nlp, "Cheikh Hamdan ben Zayed reçoit un appel.", [("Hamdan ben Zayed", "PER")],
                                   ("Cheikh", "Hamdan"))
    assert found == ["Hamdan ben Zayed"]


def test_words_cut_off_the_same_entity_stay_off(nlp) -> None:
    """"Deputy Secretary Feinberg" tagged whole as a person: the post cut off before the name is not taken back
    because the parser ties the name to it."""
    found = _people_with_flat_name(nlp, "Hier, Deputy Secretary Vasconcelos reiterated the commitment.",
                                   [("Deputy Secretary Vasconcelos", "PER")], ("Secretary", "Vasconcelos"))
    assert not any("Secretary" in name for name in found)
