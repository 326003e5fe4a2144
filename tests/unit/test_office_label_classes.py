"""Offices of posts the scorer has no class for keep labels that map to no class: an intelligence chief is no
chief of defence, a foreign-policy aide no foreign minister, a crown prince no head of state (the shared scorer
reads a post's class from its label, see ``kg.evaluate.ROLE_CLASSES``)."""

from __future__ import annotations

from kg.evaluate import role_class
from kg.extract.lexicon import load_lexicon

NO_CLASS_TYPES = frozenset(("crown_prince", "intelligence_chief", "diplomatic_adviser", "party_leader",
                            "national_security_adviser", "secretary_general", "service_secretary"))


def test_offices_of_posts_without_a_class_map_to_none() -> None:
    lexicon = load_lexicon()
    wrong = {o.id: (o.label_en, role_class(o.label_en)) for o in lexicon.offices.values()
             if o.type in NO_CLASS_TYPES and role_class(o.label_en) is not None}
    assert not wrong, wrong


def test_generic_labels_of_posts_without_a_class_map_to_none() -> None:
    lexicon = load_lexicon()
    for post_type in NO_CLASS_TYPES:
        office = lexicon.office_for(post_type, "RU")
        assert role_class(office.label_en) is None, (post_type, office.label_en)
