"""Office labels say the class of their post even to a reader that only looks for words in them.

Answer keys and other graph tools read an office by its English label and gloss ("Minister of External
Affairs (foreign minister)", "First Sea Lord (chief of the navy)"); kg's scorer does so with
``kg.evaluate.role_class``.  Every office of a post type of the scorer's classes must read as that class.
Offices outside the classes keep their official names even where a word of them misleads such a reader
("Aide to the President of the Russian Federation for foreign policy"): the name is the fact.
"""

from __future__ import annotations

import json

import pytest

from kg.evaluate import role_class
from kg.resources import lexicon_path

#: The class each post type's offices fall in; service chiefs may also be labelled commanders
#: ("Commander of the Naval Forces of Ukraine"), which is what those keys call them.
TYPE_CLASS = {
    "head_of_state": {"head_of_state"},
    "foreign_minister": {"foreign_minister"},
    "defence_minister": {"defence_minister"},
    "deputy_defence_minister": {"deputy_defence_minister"},
    "spokesperson": {"spokesperson"},
    "security_council_secretary": {"security_council"},
    "army_chief": {"service_chief", "commander"},
    "navy_chief": {"service_chief", "commander"},
    "air_force_chief": {"service_chief", "commander"},
}


def _offices() -> list[dict]:
    return json.loads(lexicon_path("offices").read_text(encoding="utf-8"))["offices"]


@pytest.mark.parametrize("office", [o for o in _offices() if o.get("type") in TYPE_CLASS], ids=lambda o: o["id"])
def test_label_names_the_class_of_its_post(office: dict) -> None:
    shown = f"{office['label_en']} ({office['gloss_en']})" if office.get("gloss_en") else office["label_en"]
    assert role_class(shown) in TYPE_CLASS[office["type"]], shown
