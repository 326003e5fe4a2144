"""Round 15 (helper posts15): units of the post rules added for held-out probes fresh-posts15a/b, read with
the real pipeline on short texts in new wordings (the golden cases hold whole articles)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import text_holdings

pytestmark = pytest.mark.model

DAY = date(2025, 6, 2)


def test_a_verb_of_sending_appoints_only_after_an_auxiliary(extractor) -> None:
    found = text_holdings(extractor, "NIAMEY — Le général Abdourahamane Tiani a bombardé lundi Bakary Yaou Sangaré "
                                     "aux Affaires étrangères.", DAY)
    assert ("Bakary Yaou Sangaré", "NE.foreign_minister") in found
    noun = text_holdings(extractor, "NIAMEY — L'envoyé spécial Bakary Yaou Sangaré aux Affaires étrangères "
                                    "de la CEDEAO a parlé.", DAY)
    assert ("Bakary Yaou Sangaré", "NE.foreign_minister") not in noun


def test_an_envoys_remit_before_the_name(extractor) -> None:
    found = text_holdings(extractor, "DAKAR — L'envoyé spécial de l'ONU chargé du Sahel, Leonardo Santos Simão, "
                                     "a été reçu par le ministre des Forces armées, Birame Diop.", DAY)
    assert ("Leonardo Santos Simão", "UN.special_envoy") in found
    assert ("Birame Diop", "UN.defence_minister") not in found


def test_overthrow_ends_the_ousted_head_of_states_term(extractor) -> None:
    found = text_holdings(extractor, "BAMAKO — Le président de la Transition, le général Assimi Goïta, a reçu "
                                     "les chefs militaires. Le général Goïta avait renversé Ibrahim Boubacar Keïta "
                                     "en août 2020.", DAY)
    assert ("Ibrahim Boubacar Keïta", "ML.head_of_state") in found


def test_an_acronym_with_an_elided_article_is_no_person(extractor) -> None:
    from kg.corpus import RawArticle

    raw = RawArticle(id="t.txt", path="t.txt", text="Les FAd'H ont défilé jeudi à Port-au-Prince.", sha256="")
    facts = next(extractor.extract([raw]))
    assert not [p.name for p in facts.persons if "FAd" in p.name]
