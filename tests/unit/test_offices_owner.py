"""Whose counterpart "son homologue" names (kg.extract.offices._other_party) on hand-parsed Docs: a
name in the same sentence, or through a pronoun subject the person opening the sentence before;
never the nearest name of another sentence (a spokesman quoted there).  Also the wire dateline's
place, which leaves the prose but still tells where the dispatch was written."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.coref import pronoun_subject
from kg.extract.dates import wire_dateline_place
from kg.extract.offices import _other_party
from kg.extract.people import PersonMention

#: (word, head offset in its sentence, dependency, part of speech)
FIRST = [("Alpha", 2, "nsubj", "PROPN"), ("a", 2, "aux:tense", "AUX"), ("appelé", 2, "ROOT", "VERB"),
         ("Xavier", 2, "obj", "PROPN"), (",", 6, "punct", "PUNCT"), ("a", 6, "aux:tense", "AUX"),
         ("dit", 2, "parataxis", "VERB"), ("Bruno", 6, "nsubj", "PROPN"), (".", 2, "punct", "PUNCT")]


def _second(subject: list[tuple[str, int, str, str]]) -> list[tuple[str, int, str, str]]:
    n = len(subject)
    return [*subject, ("a", n + 1, "aux:tense", "AUX"), ("reçu", n + 1, "ROOT", "VERB"),
            ("son", n + 3, "det", "DET"), ("homologue", n + 1, "obj", "NOUN"), ("turc", n + 3, "amod", "ADJ"),
            ("Cem", n + 3, "appos", "PROPN"), (".", n + 1, "punct", "PUNCT")]


def _doc(second: list[tuple[str, int, str, str]]) -> tuple[Doc, dict[str, PersonMention]]:
    rows = [(w, h, d, p) for w, h, d, p in FIRST] + [(w, h + len(FIRST), d, p) for w, h, d, p in second]
    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows])
    people = {t.text: PersonMention(doc[t.i:t.i + 1], key=t.text.lower()) for t in doc if t.pos_ == "PROPN"}
    doc._.people = list(people.values())
    return doc, people


def _owner(second: list[tuple[str, int, str, str]]) -> str | None:
    doc, people = _doc(second)
    word = next(t.i for t in doc if t.text == "homologue")
    cem = people["Cem"]
    owner = _other_party(cem, [m for m in people.values() if m.span.sent == cem.span.sent], doc, word)
    return owner.span.text if owner else None


def test_a_pronoun_subject_reaches_the_subject_of_the_sentence_before_not_its_last_name() -> None:
    assert _owner(_second([("Il", 2, "nsubj", "PRON")])) == "Alpha"


def test_the_parser_calling_the_pronoun_expl_subj_changes_nothing() -> None:
    assert _owner(_second([("Il", 2, "expl:subj", "PRON")])) == "Alpha"


def test_a_nominal_subject_is_left_to_the_role_nouns() -> None:
    assert _owner(_second([("Le", 1, "det", "DET"), ("chef", 3, "nsubj", "NOUN")])) is None


def test_a_name_of_the_sentence_itself_comes_first() -> None:
    assert _owner(_second([("Dara", 2, "nsubj", "PROPN")])) == "Dara"


def test_pronoun_subject() -> None:
    doc, _ = _doc(_second([("Il", 2, "nsubj", "PRON")]))
    first, second = list(doc.sents)
    assert not pronoun_subject(first) and pronoun_subject(second)


@pytest.mark.parametrize(("text", "place"), [
    ("Titre\n\nRIYAD, 15 janvier 2025 (SPA) -- Le prince a reçu un appel.", "RIYAD"),
    ("MOSCOU, 13 juillet. /TASS/. Le ministre a parlé.", "MOSCOU"),
    ("Le ministre a parlé à Moscou, 13 juillet.", None),
])
def test_wire_dateline_place(text: str, place: str | None) -> None:
    assert wire_dateline_place(text) == place
