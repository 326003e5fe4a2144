"""Missile systems and launches (kg/extract/weapons.py) on small French inputs, without the model: the
blank pipeline of test_treaties, with lemmas and parts of speech set by hand on the firing words."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.weapons import find_weapons
from tests.conftest import annotate, blank_pipeline

# the parser's reading of the firing words (a blank pipeline has no lemmas or tags)
TAGS = {"tiré": ("tirer", "VERB"), "tirés": ("tirer", "VERB"), "tir": ("tir", "NOUN"), "lancé": ("lancer", "VERB"),
        "frappe": ("frappe", "NOUN"), "intercepté": ("intercepter", "VERB"), "équipe": ("équiper", "VERB")}


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def read(nlp, text: str, ref: date | None = None):
    doc = nlp.make_doc(text)
    for token in doc:
        token.lemma_, token.pos_ = TAGS.get(token.lower_, (token.lower_, "X"))
    return find_weapons(annotate(nlp, doc, ref))


@pytest.mark.parametrize("text, systems", [
    ("Des missiles Kinjal ont visé la capitale.", ["kinzhal"]),
    ("Le Kindjal est un missile aéroporté.", ["kinzhal"]),  # another transliteration
    ("Une batterie Patriot protège l'aéroport.", ["patriot"]),  # an ambiguous alias beside a weapon word
    ("Berlin hésite à livrer des missiles Taurus.", ["taurus"]),
    ("Le Patriot Act a été prolongé par le Congrès.", []),  # the same word, no weapon near it
    ("Le Taurus est une constellation du zodiaque.", []),
    ("Pyongyang a présenté le Hwasong-18 lors du défilé.", ["hwasong_18"]),
    # a designation the lexicon lacks, next to a weapon word, is a system named as written
    ("Pyongyang a tiré un missile balistique intercontinental Hwasong-21.", ["designation:Hwasong-21"]),
    ("Pékin a montré ses missiles DF-100 et le missile JL-1.", ["designation:DF-100", "designation:JL-1"]),
    ("North Korea fired a Hwasong-21 intercontinental ballistic missile.", ["designation:Hwasong-21"]),
    # one designation however its letters and number are joined: one system, not one per spelling
    ("Le missile Hwasong 21 et le missile HWASONG-21.", ["designation:Hwasong-21", "designation:Hwasong-21"]),
    ("Les missiles DF 27 ont été exhibés.", ["designation:DF-27"]),
    ("Le missile Hwasong-18 et le missile S-400.", ["hwasong_18", "s400"]),  # the lexicon's own, not twice
    ("Des missiles contre Kiev 3 et des roquettes de 155 mm.", []),  # no designation, a word of another phrase
    ("Le missile A4 est ancien.", []),  # a letter and a number alone: a paper size, a road
])
def test_systems(nlp, text: str, systems: list[str]) -> None:
    mentions, _ = read(nlp, text)
    assert [m.system for m in mentions] == systems


@pytest.mark.parametrize("text, system, by, target, day", [
    ("La marine russe a tiré le 3 mars 2024 des missiles Kalibr sur Odessa.", "kalibr", "RU", "Odessa",
     "2024-03-03"),
    ("La Corée du Nord a lancé un missile balistique vers la mer du Japon.", None, "KP", "la mer du Japon", None),
    ("L'armée ukrainienne a tiré des missiles Storm Shadow contre un pont, selon Kiev.", "storm_shadow", "UA",
     "un pont", None),
])
def test_launches(nlp, text: str, system: str | None, by: str | None, target: str | None, day: str | None) -> None:
    _, launches = read(nlp, text)
    [launch] = launches
    assert (launch.system, launch.by, launch.target) == (system, by, target)
    assert (launch.date.value if launch.date else None) == day
    assert launch.evidence[0].sentence == text


@pytest.mark.parametrize("text", [
    "Le Kalibr équipe les frégates de la flotte de la mer Noire.",  # a system, no firing word
    "Le général a tiré les leçons de la bataille.",  # a firing word, no weapon
])
def test_no_launch(nlp, text: str) -> None:
    assert read(nlp, text)[1] == []


def test_one_launch_per_sentence(nlp) -> None:
    text = "L'Iran a tiré des missiles Fattah sur Israël. Des batteries Patriot en ont intercepté une partie."
    mentions, launches = read(nlp, text)
    assert [m.system for m in mentions] == ["fattah", "patriot"]
    assert [(x.system, x.by) for x in launches] == [("fattah", "IR"), ("patriot", None)]


@pytest.mark.parametrize("text, system, target", [
    # English forms of firing, read by surface whatever the French model tags them
    ("North Korea fired a Hwasong-18 missile towards the sea of Japan.", "hwasong_18", "the sea of Japan"),
    ("Russia launched Kinzhal missiles against Kyiv overnight.", "kinzhal", "Kyiv overnight"),
])
def test_english_launches(nlp, text: str, system: str, target: str) -> None:
    _, launches = read(nlp, text)
    [launch] = launches
    assert (launch.system, launch.target) == (system, target)
