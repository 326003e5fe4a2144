"""Who a pronoun or an epithet subject stands for (kg.extract.offices.continued_subject) on hand-parsed
Docs: the name opening the sentence before, through a chain of such stand-ins; nobody when that
sentence's verb has another person for object, or when the subject is a noun of no epithet list."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.offices import continued_subject
from kg.extract.people import PersonMention

Row = tuple[str, int, str, str]  # word, head offset in its sentence, dependency, part of speech

NAMED: list[Row] = [("Alpha", 2, "nsubj", "PROPN"), ("a", 2, "aux:tense", "AUX"), ("quitté", 2, "ROOT", "VERB"),
                    ("Rome", 2, "obj", "NOUN"), (".", 2, "punct", "PUNCT")]
RECEIVED: list[Row] = [("Alpha", 2, "nsubj", "PROPN"), ("a", 2, "aux:tense", "AUX"), ("reçu", 2, "ROOT", "VERB"),
                       ("Xavier", 2, "obj", "PROPN"), (".", 2, "punct", "PUNCT")]
PRONOUN: list[Row] = [("Il", 2, "nsubj", "PRON"), ("a", 2, "aux:tense", "AUX"), ("dirigé", 2, "ROOT", "VERB"),
                      ("tout", 2, "obj", "PRON"), (".", 2, "punct", "PUNCT")]
EPITHET: list[Row] = [("L'", 1, "det", "DET"), ("ex-aviateur", 3, "nsubj", "NOUN"), ("a", 3, "aux:tense", "AUX"),
                      ("commandé", 3, "ROOT", "VERB"), ("tout", 3, "obj", "PRON"), (".", 3, "punct", "PUNCT")]
AGED: list[Row] = [("Le", 1, "det", "DET"), ("quinquagénaire", 2, "nsubj", "NOUN"), ("succède", 2, "ROOT", "VERB"),
                   ("à", 4, "case", "ADP"), ("Bravo", 2, "obl:arg", "PROPN"), (".", 2, "punct", "PUNCT")]
OPENED: list[Row] = [("À", 2, "case", "ADP"), ("68", 2, "nummod", "NUM"), ("ans", 9, "obl:mod", "NOUN"),
                     (",", 2, "punct", "PUNCT"), ("au", 5, "case", "ADP"), ("Cap", 9, "obl:mod", "NOUN"),
                     (",", 5, "punct", "PUNCT"), ("il", 9, "nsubj", "PRON"), ("a", 9, "aux:tense", "AUX"),
                     ("dirigé", 9, "ROOT", "VERB"), (".", 9, "punct", "PUNCT")]
COUNTRY: list[Row] = [("Le", 1, "det", "DET"), ("pays", 2, "nsubj", "NOUN"), ("pleure", 2, "ROOT", "VERB"),
                      ("tout", 2, "obj", "PRON"), (".", 2, "punct", "PUNCT")]


@pytest.fixture(scope="module")
def nlp() -> Language:
    import kg.extract.lexmatch  # noqa: F401  (registers the lexicon matcher, which post lookups need)

    blank = spacy.blank("fr")
    blank.add_pipe("kg_lexicon")
    return blank


def _doc(nlp: Language, *sentences: list[Row]) -> Doc:
    rows, offset, starts = [], 0, []
    for sentence in sentences:
        rows += [(w, h + offset, d, p) for w, h, d, p in sentence]
        starts += [True] + [False] * (len(sentence) - 1)
        offset += len(sentence)
    doc = Doc(nlp.vocab, words=[r[0] for r in rows], heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], sent_starts=starts)
    doc = nlp.get_pipe("kg_lexicon")(doc)
    doc._.people = [PersonMention(doc[t.i:t.i + 1], key=t.text.lower()) for t in doc if t.pos_ == "PROPN"]
    return doc


def _stands_for(nlp: Language, *sentences: list[Row]) -> str | None:
    doc = _doc(nlp, *sentences)
    last = list(doc.sents)[-1]
    m = continued_subject(doc, last)
    return m.key if m is not None else None


def test_a_pronoun_continues_the_subject_of_the_sentence_before(nlp: Language) -> None:
    assert _stands_for(nlp, NAMED, PRONOUN) == "alpha"


def test_an_ex_word_epithet_continues_it_too(nlp: Language) -> None:
    assert _stands_for(nlp, NAMED, EPITHET) == "alpha"


def test_a_chain_of_stand_ins_reaches_the_name(nlp: Language) -> None:
    assert _stands_for(nlp, NAMED, PRONOUN, AGED) == "alpha"


def test_an_object_person_before_makes_the_stand_in_nobody(nlp: Language) -> None:
    assert _stands_for(nlp, RECEIVED, EPITHET) is None
    assert _stands_for(nlp, RECEIVED, PRONOUN) is None


def test_a_noun_of_no_epithet_list_stands_for_nobody(nlp: Language) -> None:
    assert _stands_for(nlp, NAMED, COUNTRY) is None


def test_a_pronoun_past_two_opening_phrases_continues_the_subject(nlp: Language) -> None:
    assert _stands_for(nlp, NAMED, OPENED) == "alpha"  # "À 68 ans, au Cap, il a dirigé …"
