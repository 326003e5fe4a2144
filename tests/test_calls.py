"""Unit tests of the call rules on small hand-built inputs (no model): triggers that the parser
mis-tags, calls *on* someone, planned calls, people who are not parties, coordination, initiator
cues, and the merging of reports across articles."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc, Span

import kg.extract.people  # noqa: F401  (registers Doc._.people)
import kg.extract.pipeline  # noqa: F401  (registers Doc._.ref and Span._.date)
from kg.extract import calls
from kg.extract.model import CallFact, DateValue, Evidence, Party
from kg.extract.people import PersonMention
from kg.resolve import Call, _merge_reports, _report

VOCAB = spacy.blank("fr").vocab


def parse(rows: list[tuple[str, str, str, int, str]], people: list[tuple[int, int, str]] = ()) -> Doc:
    """A Doc from (word, pos, dep, head index, lemma) rows, with people as (start, end, key)."""
    words, pos, deps, heads, lemmas = zip(*[(w, p, d, h, lem) for w, p, d, h, lem in rows], strict=True)
    doc = Doc(VOCAB, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads), lemmas=list(lemmas),
              sent_starts=[True] + [False] * (len(words) - 1))
    doc._.people = [PersonMention(Span(doc, s, e), key=k) for s, e, k in people]
    doc.spans["dates"] = []
    return doc


# "Il a téléphoné vendredi au général X": the parser tags the participle as a noun
PHONED = [("Il", "PRON", "nsubj", 2, "il"), ("a", "AUX", "aux:tense", 2, "avoir"),
          ("téléphoné", "NOUN", "ROOT", 2, "téléphoné"), ("vendredi", "NOUN", "nmod", 2, "vendredi"),
          ("au", "ADP", "case", 5, "au"), ("général", "NOUN", "nmod", 2, "général")]


def test_a_participle_tagged_as_a_noun_is_a_call_verb_after_an_auxiliary() -> None:
    doc = parse(PHONED)
    assert calls._participle(doc[2]) == "telephoner"
    bare = parse([("le", "DET", "det", 1, "le"), ("téléphoné", "NOUN", "ROOT", 1, "téléphoné")])
    assert calls._participle(bare[1]) is None  # no auxiliary: not a verb form


def test_the_object_of_appeler_is_found_past_a_date() -> None:
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("appelé", "VERB", "ROOT", 2, "appeler"), ("le", "DET", "det", 4, "le"),
            ("14", "NUM", "obl:mod", 2, "14"), ("mars", "NOUN", "nmod", 4, "mars"),
            ("le", "DET", "det", 7, "le"), ("général", "NOUN", "nmod", 5, "général"),
            ("Y", "PROPN", "appos", 7, "Y")]
    doc = parse(rows, people=[(0, 1, "p1"), (8, 9, "p2")])
    doc.spans["dates"] = [Span(doc, 3, 6, label="DATE")]
    assert calls._has_object(doc[2])


@pytest.mark.parametrize("tail, expected", [
    ([("à", "ADP", "mark", 5, "à"), ("cesser", "VERB", "xcomp", 2, "cesser")], True),
    ([("pour", "ADP", "mark", 5, "pour"), ("éviter", "VERB", "advcl", 2, "éviter")], False),
])
def test_appeler_a_faire_is_a_call_on_someone_a_purpose_clause_is_not(tail, expected: bool) -> None:
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("appelé", "VERB", "ROOT", 2, "appeler"), ("Y", "PROPN", "obj", 2, "Y")] + tail
    assert calls._calls_on(parse(rows)[2]) is expected


@pytest.mark.parametrize("rows, expected", [
    ([("Un", "DET", "det", 1, "un"), ("appel", "NOUN", "nsubj:pass", 3, "appel"),
      ("est", "AUX", "aux:pass", 3, "être"), ("prévu", "VERB", "ROOT", 3, "prévoir")], True),
    ([("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
      ("demandé", "VERB", "ROOT", 2, "demander"), ("un", "DET", "det", 4, "un"),
      ("entretien", "NOUN", "obj", 2, "entretien")], True),
    ([("L'", "DET", "det", 1, "le"), ("appel", "NOUN", "nsubj", 3, "appel"),
      ("a", "AUX", "aux:tense", 3, "avoir"), ("duré", "VERB", "ROOT", 3, "durer")], False),
])
def test_a_call_noun_whose_predicate_plans_it_is_not_an_event(rows, expected: bool) -> None:
    doc = parse(rows)
    noun = next(t for t in doc if t.pos_ == "NOUN")
    assert calls._planned(noun) is expected


@pytest.mark.parametrize("words, expected", [
    (["pour", "obtenir", "la", "libération", "du", "reporter", "Z"], True),
    (["selon", "le", "porte-parole", "Z"], True),
    (["au", "sujet", "de", "Z"], True),
    (["avec", "son", "homologue", "Z"], False),
    (["selon", "la", "presse", ",", "avec", "Z"], False),  # the cue is in another clause
])
def test_people_named_after_a_non_party_cue_are_not_parties(words: list[str], expected: bool) -> None:
    doc = Doc(VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    assert calls._not_a_party(Span(doc, len(words) - 1, len(words))) is expected


@pytest.mark.parametrize("rows, expected", [
    ([("A", "PROPN", "nsubj", 0, "A"), ("et", "CCONJ", "cc", 4, "et"), ("son", "DET", "det", 3, "son"),
      ("homologue", "NOUN", "conj", 0, "homologue"), ("B", "PROPN", "appos", 3, "B")], True),
    ([("A", "PROPN", "nsubj", 0, "A"), ("et", "CCONJ", "cc", 3, "et"), ("parle", "VERB", "conj", 0, "parler"),
      ("avec", "ADP", "case", 4, "avec"), ("B", "PROPN", "obl", 2, "B")], False),
])
def test_and_with_only_a_title_between_two_names_coordinates_them(rows, expected: bool) -> None:
    doc = parse(rows)
    assert calls._joined_by_and(doc, doc[0:1], doc[4:5]) is expected


def test_initiator_cues_are_read_past_dates_and_adverbs() -> None:
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("reçu", "VERB", "ROOT", 2, "recevoir"), ("lundi", "NOUN", "obl:mod", 2, "lundi"),
            ("un", "DET", "det", 5, "un"), ("appel", "NOUN", "obj", 2, "appel"),
            ("de", "ADP", "case", 7, "de"), ("Y", "PROPN", "nmod", 5, "Y")]
    doc = parse(rows, people=[(0, 1, "p1"), (7, 8, "p2")])
    doc.spans["dates"] = [Span(doc, 3, 4, label="DATE")]
    [start] = calls._cue_objects(doc[:])
    assert start == 7
    assert calls._party_at(doc, start, len(doc)) == Party(person="p2")


def test_the_initiator_noun_names_the_one_after_the_copula() -> None:
    rows = [("L'", "DET", "det", 1, "le"), ("initiateur", "NOUN", "nsubj", 3, "initiateur"),
            ("était", "AUX", "cop", 3, "être"), ("lui-même", "PRON", "nmod", 4, "lui-même"),
            ("Z", "PROPN", "ROOT", 4, "Z")]
    doc = parse(rows, people=[(4, 5, "p1")])
    [start] = calls._cue_objects(doc[:])
    assert calls._party_at(doc, start, len(doc)) == Party(person="p1")


# ------------------------------------------------------------------ across articles


def day(text: str) -> DateValue:
    return DateValue.of_day(date.fromisoformat(text))


def report(article: str, when: DateValue | None, initiators: list[str], published: str | None = None) -> Call:
    ev = [Evidence(article, 0, 4, "Texte.", "test")]
    return Call(["a", "b"], ev, when, initiators, [], "phone", [article],
                reported_by=date.fromisoformat(published) if published else None)


def test_an_undated_report_joins_the_dated_call_and_brings_its_initiator() -> None:
    month = DateValue("2021-01", "month", date(2021, 1, 1), date(2021, 1, 31))
    merged = _merge_reports([report("a", month, []), report("b", day("2021-01-26"), []),
                             report("c", None, ["a"], "2021-01-28")])
    assert len(merged) == 1
    assert merged[0].date.value == "2021-01-26" and merged[0].initiators == ["a"]
    assert sorted(merged[0].reports) == ["a", "b", "c"]


def test_two_calls_on_different_days_stay_apart() -> None:
    merged = _merge_reports([report("a", day("2024-03-01"), []), report("b", day("2024-03-09"), [])])
    assert len(merged) == 2


def test_the_initiator_of_a_report_must_be_a_party() -> None:
    from kg.extract.model import Article, ArticleFacts

    fact = CallFact((Party("p1"), Party("p2")), (Evidence("a", 0, 4, "Texte.", "test"),), None, Party("p3"))
    facts = ArticleFacts(Article("a", "Texte."), (), (), (fact,))
    local = {("a", "p1"): "A", ("a", "p2"): "B", ("a", "p3"): "C"}
    assert _report(facts, fact, local, []).initiators == []
