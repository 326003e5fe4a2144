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
from kg.extract import calls, coref
from kg.extract.callgroups import _split
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


def test_an_intention_cue_with_an_elided_article_makes_the_call_verb_no_event() -> None:
    """"n'a pas l'intention de l'appeler": the cue is read with the article glued to its noun, as
    the lexicon writes it, not "l' intention" as the tokens split it."""
    words = ["X", "n'", "a", "pas", "l'", "intention", "de", "l'", "appeler", "."]
    spaces = [True, False, True, True, False, True, True, False, False, False]
    doc = Doc(VOCAB, words=words, spaces=spaces, pos=["PROPN", "ADV", "VERB", "ADV", "DET", "NOUN", "ADP", "PRON",
                                                      "VERB", "PUNCT"],
              sent_starts=[True] + [False] * (len(words) - 1))
    doc._.people = []
    doc.spans["dates"] = []
    assert calls._not_an_event(doc[8])


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


# ------------------------------------------------------------------ wordings of unseen news


def tagged(rows: list[tuple], people: list[tuple[int, int, str]] = ()) -> Doc:
    """Like :func:`parse`, with a sixth column of morphological features ("VerbForm=Inf")."""
    doc = parse([r[:5] for r in rows], people)
    for token, row in zip(doc, rows, strict=True):
        token.set_morph(row[5] if len(row) > 5 else "")
    return doc


INF = "VerbForm=Inf"
FIN = "VerbForm=Fin"


def test_urging_is_read_by_surface_when_the_infinitive_hangs_elsewhere() -> None:
    # "X a appelé les partenaires de l'Union à « ne pas céder »": the parser hangs "céder" on the noun
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("appelé", "VERB", "ROOT", 2, "appeler"), ("les", "DET", "det", 4, "le"),
            ("partenaires", "NOUN", "obj", 2, "partenaire"), ("de", "ADP", "case", 7, "de"),
            ("l'", "DET", "det", 7, "le"), ("Union", "PROPN", "nmod", 4, "Union"),
            ("à", "ADP", "mark", 12, "à"), ("«", "PUNCT", "punct", 12, "«"), ("ne", "ADV", "advmod", 12, "ne"),
            ("pas", "ADV", "advmod", 12, "pas"), ("céder", "VERB", "acl", 4, "céder", INF)]
    assert calls._calls_on(tagged(rows)[2])
    at_a_time = rows[:5] + [("à", "ADP", "case", 6, "à"), ("midi", "NOUN", "obl:mod", 2, "midi")]
    assert not calls._calls_on(tagged(at_a_time)[2])  # "à midi": when, not what for


def test_an_urging_noun_after_a_counts_too() -> None:
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("appelé", "VERB", "ROOT", 2, "appeler"), ("Moscou", "PROPN", "obj", 2, "Moscou"),
            ("à", "ADP", "case", 6, "à"), ("la", "DET", "det", 6, "le"), ("retenue", "NOUN", "nmod", 3, "retenue")]
    assert calls._urged_by_surface(tagged(rows)[2])


PURPOSE = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
           ("téléphoné", "VERB", "ROOT", 2, "téléphoner", "VerbForm=Part"), ("à", "ADP", "case", 4, "à"),
           ("Y", "PROPN", "obl", 2, "Y"), ("pour", "ADP", "mark", 6, "pour"),
           ("défendre", "VERB", "advcl", 2, "défendre", INF), ("le", "DET", "det", 8, "le"),
           ("pêcheur", "NOUN", "obj", 6, "pêcheur"), ("Z", "PROPN", "appos", 8, "Z")]


def test_a_name_inside_a_purpose_clause_is_not_a_party() -> None:
    doc = tagged(PURPOSE, people=[(0, 1, "p1"), (4, 5, "p2"), (9, 10, "p3")])
    assert calls._in_purpose_clause(doc[9:10])
    assert not calls._in_purpose_clause(doc[4:5])
    talk = [("X", "PROPN", "nsubj", 1, "X"), ("appelle", "VERB", "ROOT", 1, "appeler", FIN),
            ("pour", "ADP", "mark", 3, "pour"), ("parler", "VERB", "advcl", 1, "parler", INF),
            ("avec", "ADP", "case", 5, "avec"), ("Z", "PROPN", "obl", 3, "Z")]
    assert not calls._in_purpose_clause(tagged(talk)[5:6])  # "pour parler avec Z": the call word claims Z


def test_a_name_after_another_events_noun_belongs_to_that_event() -> None:
    # "..., à la veille de la réunion prévue à Bruxelles entre A et B"
    rows = [(",", "PUNCT", "punct", 0, ","), ("à", "ADP", "case", 3, "à"), ("la", "DET", "det", 3, "le"),
            ("veille", "NOUN", "ROOT", 3, "veille"), ("de", "ADP", "case", 6, "de"), ("la", "DET", "det", 6, "le"),
            ("réunion", "NOUN", "nmod", 3, "réunion"), ("prévue", "VERB", "acl", 6, "prévoir", "VerbForm=Part"),
            ("à", "ADP", "case", 9, "à"), ("Bruxelles", "PROPN", "obl", 7, "Bruxelles"),
            ("entre", "ADP", "case", 11, "entre"), ("A", "PROPN", "nmod", 6, "A"),
            ("et", "CCONJ", "cc", 13, "et"), ("B", "PROPN", "conj", 11, "B")]
    doc = tagged(rows)
    assert calls._of_another_event(doc[11:12]) and calls._of_another_event(doc[13:14])
    called = tagged([("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
                     ("appelé", "VERB", "ROOT", 2, "appeler"), ("Y", "PROPN", "obj", 2, "Y")])
    assert not calls._of_another_event(called[3:4])


@pytest.mark.parametrize("rows, pronoun", [
    ([("Elle", "PRON", "expl:subj", 3, "elle"), ("a", "AUX", "aux:tense", 3, "avoir"),
      ("ensuite", "ADV", "advmod", 3, "ensuite"), ("téléphoné", "NOUN", "ROOT", 3, "téléphoné")], 0),
    ([("Il", "PRON", "dep", 4, "il"), ("s'", "PRON", "expl:comp", 4, "se"), ("est", "AUX", "aux:tense", 4, "être"),
      ("longuement", "ADV", "advmod", 4, "longuement"), ("entretenu", "VERB", "ROOT", 4, "entretenir")], 0),
    ([("Le", "DET", "det", 1, "le"), ("ministre", "NOUN", "nsubj", 3, "ministre"),
      ("a", "AUX", "aux:tense", 3, "avoir"), ("téléphoné", "VERB", "ROOT", 3, "téléphoner")], None),
])
def test_the_subject_pronoun_is_found_in_the_tree_or_just_before_the_verb(rows, pronoun: int | None) -> None:
    doc = parse(rows)
    found = calls._subject_pronoun(doc[len(doc) - 1])
    assert (found.i if found is not None else None) == pronoun


def test_the_subject_of_a_reporting_verb_is_the_caller_of_its_infinitive() -> None:
    # "X affirme s'être entretenu avec Y"
    rows = [("X", "PROPN", "nsubj", 1, "X"), ("affirme", "VERB", "ROOT", 1, "affirmer", FIN),
            ("s'", "PRON", "expl:comp", 4, "se"), ("être", "AUX", "aux:tense", 4, "être", INF),
            ("entretenu", "VERB", "xcomp", 1, "entretenir", "VerbForm=Part"),
            ("avec", "ADP", "case", 6, "avec"), ("Y", "PROPN", "obl", 4, "Y")]
    doc = tagged(rows, people=[(0, 1, "p1"), (6, 7, "p2")])
    m = calls.Mention(doc[:], [doc[4]], False, False, False, persons=["p2"])
    calls._reported_subject(doc, m)
    assert m.persons == ["p1", "p2"] and m.callers == ["p1"]


@pytest.mark.parametrize("ref, expected", [
    (date(2025, 1, 27), ("2025-01-27", date(2025, 1, 27), date(2025, 1, 27))),
    (date(2025, 1, 29), ("2025-01", date(2025, 1, 27), date(2025, 1, 29))),
    (date(2025, 2, 2), None),  # across a month: unknown rather than a guess
])
def test_a_call_told_next_is_bounded_by_the_last_call_and_the_dispatch(ref: date, expected) -> None:
    got = calls._between(day("2025-01-27"), ref)
    assert (got and (got.value, got.earliest, got.latest)) == expected


def test_a_demonym_before_a_name_is_the_persons_post_not_the_initiator() -> None:
    from kg.extract.lexmatch import SPANS_KEY

    # "... un appel du président péruvien Z": Z placed the call, not Peru
    words = ["un", "appel", "du", "président", "péruvien", "Z"]
    doc = parse([(w, "NOUN", "dep", 0, w) for w in words], people=[(5, 6, "p1")])
    doc.spans[SPANS_KEY] = [Span(doc, 4, 5, label="DEMONYM", kb_id="PE")]
    assert calls._party_at(doc, 3, len(doc)) == Party(person="p1")
    side = parse([(w, "NOUN", "dep", 0, w) for w in ["de", "la", "partie", "péruvienne"]])
    side.spans[SPANS_KEY] = [Span(side, 3, 4, label="DEMONYM", kb_id="PE")]
    assert calls._party_at(side, 0, len(side)) == Party(country="PE")


@pytest.mark.parametrize("second, urged", [(("a", "AUX", "aux:tense", 3, "avoir"), False),
                                           (("à", "ADP", "case", 3, "à"), True)])
def test_the_auxiliary_a_after_appel_is_not_a_call_for(second, urged: bool) -> None:
    from kg.extract.lexmatch import SPANS_KEY

    # "Cet appel a été passé …" is a call; "cet appel à la retenue" is not
    rows = [("Cet", "DET", "det", 1, "ce"), ("appel", "NOUN", "nsubj:pass", 4, "appel"), second,
            ("été", "AUX", "aux:pass", 4, "être"), ("passé", "VERB", "ROOT", 4, "passer")]
    if urged:
        rows[3:] = [("la", "DET", "det", 4, "le"), ("retenue", "NOUN", "nmod", 1, "retenue")]
    doc = parse(rows)
    doc.spans[SPANS_KEY] = []
    assert calls._not_an_event(doc[1]) is urged


def test_the_frame_verb_is_found_when_lors_hangs_on_the_object() -> None:
    # "X a averti le roi Y, lors d'un entretien téléphonique": the parser hangs "lors" on "roi"
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("averti", "VERB", "ROOT", 2, "avertir"), ("le", "DET", "det", 4, "le"),
            ("roi", "NOUN", "obj", 2, "roi"), ("lors", "ADV", "advmod", 4, "lors"),
            ("d'", "ADP", "case", 8, "de"), ("un", "DET", "det", 8, "un"),
            ("entretien", "NOUN", "obl:arg", 5, "entretien")]
    doc = parse(rows)
    assert calls._frame_verb(doc[8]) == doc[2]


@pytest.mark.parametrize("words, expected", [
    (["averti", "la", "veille", "le", "roi"], True),
    (["averti", "la", "veille", "du", "sommet"], False),  # the eve of something else
    (["deux", "jours", "plus", "tard"], False),
])
def test_a_day_shift_standing_alone(words: list[str], expected: bool) -> None:
    doc = Doc(VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    start = 1 if words[0] == "averti" else 0
    end = 3 if words[0] == "averti" else len(words)
    assert calls._standalone_day_shift(doc, Span(doc, start, end)) is expected


# "X a téléphoné à Y avant de recevoir Z" / "… après avoir appelé Z"
def _then(mark: list[tuple], verb: tuple) -> Doc:
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("téléphoné", "VERB", "ROOT", 2, "téléphoner", "VerbForm=Part"), ("à", "ADP", "case", 4, "à"),
            ("Y", "PROPN", "obl:arg", 2, "Y"), *mark, verb, ("Z", "PROPN", "obj", 5 + len(mark), "Z")]
    return tagged(rows, people=[(0, 1, "p1"), (4, 5, "p2"), (len(rows) - 1, len(rows), "p3")])


def test_a_name_in_the_infinitive_clause_of_another_act_is_not_a_party() -> None:
    before = _then([("avant", "ADP", "mark", 7, "avant"), ("de", "ADP", "mark", 7, "de")],
                   ("recevoir", "VERB", "advcl", 2, "recevoir", INF))
    assert calls._in_purpose_clause(before[8:9]) and not calls._in_purpose_clause(before[4:5])
    assert calls._other_act(before[7])
    after = _then([("après", "ADP", "mark", 7, "après"), ("avoir", "AUX", "aux:tense", 7, "avoir", INF)],
                  ("appelé", "VERB", "advcl", 2, "appeler", "VerbForm=Part"))
    assert not calls._in_purpose_clause(after[8:9])  # "après avoir appelé Z": Z is called


def test_a_call_noun_that_is_the_medium_of_a_call_verb_is_no_call_of_its_own() -> None:
    # "X s'est entretenue en visioconférence avec Y"
    rows = [("X", "PROPN", "nsubj", 3, "X"), ("s'", "PRON", "expl:comp", 3, "se"),
            ("est", "AUX", "aux:tense", 3, "être"), ("entretenue", "VERB", "ROOT", 3, "entretenir"),
            ("en", "ADP", "case", 5, "en"), ("visioconférence", "NOUN", "obl:mod", 3, "visioconférence"),
            ("avec", "ADP", "case", 7, "avec"), ("Y", "PROPN", "nmod", 5, "Y")]
    doc = parse(rows, people=[(0, 1, "p1"), (7, 8, "p2")])
    assert calls._medium_of(doc[5], {3}) and not calls._medium_of(doc[5], set())
    found = calls._triggers(doc[:], True)
    assert [t[0][0].i for t in found] == [3]


@pytest.mark.parametrize("words, expected", [
    (["un", "coup", "de", "fil", "du", "ministre"], True),
    (["un", "coup", "de", "téléphone"], True),
    (["un", "coup", "d'", "Etat"], False),
])
def test_a_strong_call_phrase_is_a_trigger_whatever_its_head(words: list[str], expected: bool) -> None:
    doc = parse([(w, "NOUN", "dep", 0, w.lower()) for w in words])
    assert calls._strong_phrase_at(doc[1]) is expected


def test_the_subject_of_a_reporting_verb_is_found_through_a_misparsed_auxiliary() -> None:
    # "Le ministre X indique avoir téléphoné au président Y": "téléphoné" parsed as the object of
    # "avoir", the lemma of "indique" left as is, the name in apposition to the subject
    rows = [("Le", "DET", "det", 1, "le"), ("ministre", "NOUN", "nsubj", 3, "ministre"),
            ("X", "PROPN", "appos", 1, "X"), ("indique", "VERB", "ROOT", 3, "indique", FIN),
            ("avoir", "AUX", "xcomp", 3, "avoir", INF), ("téléphoné", "NOUN", "obj", 4, "téléphoné"),
            ("au", "ADP", "case", 7, "au"), ("président", "NOUN", "obl:arg", 4, "président"),
            ("Y", "PROPN", "appos", 7, "Y")]
    doc = tagged(rows, people=[(2, 3, "p1"), (8, 9, "p2")])
    m = calls.Mention(doc[:], [doc[5]], False, False, False, persons=["p1", "p2"])
    calls._reported_subject(doc, m)
    assert m.persons == ["p1", "p2"] and m.callers == ["p1"]


@pytest.mark.parametrize("medium, parts", [("visioconférence", 1), ("téléphone", 2)])
def test_one_caller_with_two_others_is_one_conference_or_two_calls(medium: str, parts: int) -> None:
    words = ["X", "a", "parlé", "par", medium, "avec", "Y", "et", "Z"]
    doc = parse([(w, "X", "dep", 0, w) for w in words])
    m = calls.Mention(doc[:], [doc[2]], False, False, False, callers=["p1"], persons=["p1", "p2", "p3"])
    assert len(_split(m)) == parts


# "X a été appelé jeudi par Y"; the parser makes the day an xcomp of the participle
CALLED_BY = [("X", "PROPN", "nsubj:pass", 3, "X"), ("a", "AUX", "aux:tense", 3, "avoir"),
             ("été", "AUX", "aux:pass", 3, "être"), ("appelé", "VERB", "ROOT", 3, "appeler"),
             ("jeudi", "NOUN", "xcomp", 3, "jeudi"), ("par", "ADP", "case", 6, "par"),
             ("Y", "PROPN", "obl:agent", 3, "Y")]


def test_a_passive_appeler_with_a_named_agent_is_a_call_and_its_date_no_urging() -> None:
    doc = parse(CALLED_BY, people=[(0, 1, "p1"), (6, 7, "p2")])
    doc.spans["dates"] = [Span(doc, 4, 5, label="DATE")]
    assert calls._passive_agent(doc[3]) and not calls._calls_on(doc[3])
    active = parse([("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
                    ("appelé", "VERB", "ROOT", 2, "appeler"), ("Y", "PROPN", "obj", 2, "Y")],
                   people=[(0, 1, "p1"), (3, 4, "p2")])
    assert not calls._passive_agent(active[2])


def test_a_verb_told_after_a_call_lends_it_its_subject_only() -> None:
    # "Y a reçu Z deux jours après son appel avec X"
    rows = [("Y", "PROPN", "nsubj", 2, "Y"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("reçu", "VERB", "ROOT", 2, "recevoir"), ("Z", "PROPN", "obj", 2, "Z"),
            ("après", "ADP", "case", 6, "après"), ("son", "DET", "det", 6, "son"),
            ("appel", "NOUN", "obl:mod", 2, "appel"), ("avec", "ADP", "case", 8, "avec"),
            ("X", "PROPN", "nmod", 6, "X")]
    doc = parse(rows, people=[(0, 1, "p1"), (3, 4, "p2"), (8, 9, "p3")])
    m = calls.Mention(doc[:], [doc[6]], True, False, False)
    assert calls._shifted_anchor(doc[2], m)
    assert calls._owner(doc[0], [m]) == (m, "nsubj")
    assert calls._owner(doc[3], [m]) is None and calls._owner(doc[8], [m]) == (m, "nmod")


def test_the_pronoun_subject_of_a_light_verb_is_the_callers() -> None:
    # "X a reçu Z. Il avait eu un entretien téléphonique avec Y"
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("reçu", "VERB", "ROOT", 2, "recevoir"), ("Z", "PROPN", "obj", 2, "Z"), (".", "PUNCT", "punct", 2, "."),
            ("Il", "PRON", "nsubj", 7, "il"), ("avait", "AUX", "aux:tense", 7, "avoir"),
            ("eu", "VERB", "ROOT", 7, "avoir"), ("un", "DET", "det", 9, "un"),
            ("entretien", "NOUN", "obj", 7, "entretien"), ("téléphonique", "ADJ", "amod", 9, "téléphonique"),
            ("avec", "ADP", "case", 12, "avec"), ("Y", "PROPN", "obl:mod", 7, "Y")]
    doc = parse(rows, people=[(0, 1, "p1"), (3, 4, "p2"), (12, 13, "p3")])
    m = calls.Mention(doc[5:], [doc[9]], False, False, False, persons=["p3"])
    calls._pronoun_subject(doc, m)
    assert m.persons == ["p1", "p3"] and m.callers == ["p1"]


def test_a_name_is_a_subject_when_any_of_its_words_stands_in_apposition_to_it() -> None:
    # "Le ministre Boris Pistorius a reçu …": "Pistorius" hung on the verb as an adverb
    rows = [("Le", "DET", "det", 1, "le"), ("ministre", "NOUN", "nsubj", 5, "ministre"),
            ("Boris", "PROPN", "appos", 1, "Boris"), ("Pistorius", "PROPN", "advmod", 5, "Pistorius"),
            ("a", "AUX", "aux:tense", 5, "avoir"), ("reçu", "VERB", "ROOT", 5, "recevoir")]
    doc = parse(rows)
    subject = coref.subject_node(doc[2:4])
    assert subject is not None and subject.i == 1


def test_an_urging_inside_a_purpose_clause_leaves_the_call() -> None:
    # "X a appelé Y pour l'exhorter à la retenue"
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("appelé", "VERB", "ROOT", 2, "appeler"), ("Y", "PROPN", "obj", 2, "Y"),
            ("pour", "ADP", "mark", 6, "pour"), ("l'", "PRON", "obj", 6, "le"),
            ("exhorter", "VERB", "advcl", 2, "exhorter", INF), ("à", "ADP", "case", 9, "à"),
            ("la", "DET", "det", 9, "le"), ("retenue", "NOUN", "obl:arg", 6, "retenue")]
    doc = tagged(rows, people=[(0, 1, "p1"), (3, 4, "p2")])
    assert not calls._urged_by_surface(doc[2]) and not calls._calls_on(doc[2])


def test_a_phone_complement_hung_on_the_object_makes_a_call_verb() -> None:
    # "X a eu Y au bout du fil": the parser hangs "bout" on Y
    rows = [("X", "PROPN", "nsubj", 2, "X"), ("a", "AUX", "aux:tense", 2, "avoir"),
            ("eu", "VERB", "ROOT", 2, "avoir"), ("Y", "PROPN", "obj", 2, "Y"),
            ("au", "ADP", "case", 5, "au"), ("bout", "NOUN", "nmod", 3, "bout"),
            ("du", "ADP", "case", 7, "de"), ("fil", "NOUN", "nmod", 5, "fil")]
    doc = parse(rows, people=[(0, 1, "p1"), (3, 4, "p2")])
    assert calls._phone_complement(doc[5])
    assert calls._verb_trigger(doc[2], True, False) == (False, False, False)


def test_a_noun_with_a_video_modifier_is_no_phone_complement() -> None:
    # "X a salué Y dans un discours vidéo"
    rows = [("X", "PROPN", "nsubj", 1, "X"), ("salue", "VERB", "ROOT", 1, "saluer"), ("Y", "PROPN", "obj", 1, "Y"),
            ("dans", "ADP", "case", 5, "dans"), ("un", "DET", "det", 5, "un"),
            ("discours", "NOUN", "obl:mod", 1, "discours"), ("vidéo", "NOUN", "nmod", 5, "vidéo")]
    doc = parse(rows, people=[(0, 1, "p1"), (2, 3, "p2")])
    assert not calls._phone_complement(doc[5]) and calls._verb_trigger(doc[1], True, False) is None


def test_a_bare_participle_opening_the_sentence_with_a_phone_complement_is_the_press_reaching_someone() -> None:
    # "Interrogé au téléphone, X a répondu à Y"
    rows = [("Interrogé", "VERB", "advcl", 6, "interroger", "VerbForm=Part"), ("au", "ADP", "case", 2, "au"),
            ("téléphone", "NOUN", "obl:mod", 0, "téléphone"), (",", "PUNCT", "punct", 0, ","),
            ("X", "PROPN", "nsubj", 6, "X"), ("a", "AUX", "aux:tense", 6, "avoir"),
            ("répondu", "VERB", "ROOT", 6, "répondre", "VerbForm=Part"), ("à", "ADP", "case", 8, "à"),
            ("Y", "PROPN", "obl:arg", 6, "Y")]
    doc = tagged(rows, people=[(4, 5, "p1"), (8, 9, "p2")])
    assert calls._reached_by_the_press(doc[0]) and calls._verb_trigger(doc[0], True, False) is None
    agent = tagged([("Joint", "VERB", "advcl", 8, "joindre", "VerbForm=Part"), ("par", "ADP", "case", 2, "par"),
                    ("téléphone", "NOUN", "obl:mod", 0, "téléphone"), ("par", "ADP", "case", 4, "par"),
                    ("Z", "PROPN", "obl:agent", 0, "Z"), (",", "PUNCT", "punct", 0, ","),
                    ("X", "PROPN", "nsubj", 8, "X"), ("a", "AUX", "aux:tense", 8, "avoir"),
                    ("plaidé", "VERB", "ROOT", 8, "plaider", "VerbForm=Part")], people=[(4, 5, "p3"), (6, 7, "p1")])
    assert not calls._reached_by_the_press(agent[0])  # "Joint par téléphone par Z, X …": Z called X


def test_misspelt_media_are_read_right_and_lookalikes_kept() -> None:
    _spelled = calls._spelled
    assert _spelled("par telphone avec") == "par telephone avec"  # a letter dropped
    assert _spelled("un entretien telephoniqe") == "un entretien telephonique"  # a letter dropped at the end
    assert _spelled("par telehpone") == "par telephone"  # two letters swapped
    assert _spelled("un echange telefonique") == "un echange telephonique"  # "f" for "ph"
    assert _spelled("par visioconferance") == "par visioconference"  # a letter changed
    assert _spelled("la telephonie mobile") == "la telephonie mobile"  # a real word one letter away
    assert _spelled("il telephonait souvent") == "il telephonait souvent"  # farther than one letter


@pytest.mark.parametrize("rows, noun, expected", [
    # "la réunion du groupe de contact": a name, not a talk
    ([("la", "DET", "det", 1, "le"), ("réunion", "NOUN", "ROOT", 1, "réunion"), ("du", "ADP", "case", 3, "de"),
      ("groupe", "NOUN", "nmod", 1, "groupe"), ("de", "ADP", "case", 5, "de"),
      ("contact", "NOUN", "nmod", 3, "contact")], 5, True),
    # "deux heures d'entretien": the head counts the talk, which stays one
    ([("deux", "NUM", "nummod", 1, "deux"), ("heures", "NOUN", "ROOT", 1, "heure"), ("d'", "ADP", "case", 3, "de"),
      ("entretien", "NOUN", "nmod", 1, "entretien")], 3, False),
    # "le bilan de l'appel": an article before the noun, a talk
    ([("le", "DET", "det", 1, "le"), ("bilan", "NOUN", "ROOT", 1, "bilan"), ("de", "ADP", "case", 4, "de"),
      ("l'", "DET", "det", 4, "le"), ("appel", "NOUN", "nmod", 1, "appel")], 4, False),
])
def test_a_bare_call_noun_complementing_a_noun_names_a_thing(rows, noun: int, expected: bool) -> None:
    assert calls._noun_compound(parse(rows)[noun]) is expected


def test_a_call_noun_said_to_have_taken_place_takes_the_day_after_that_predicate() -> None:
    # "Un appel entre X et Y a eu lieu mardi", the noun hung on the dateline by a broken parse
    rows = [("Vienne", "PROPN", "ROOT", 0, "Vienne"), ("Un", "DET", "det", 2, "un"),
            ("appel", "NOUN", "nmod", 0, "appel"), ("entre", "ADP", "case", 4, "entre"), ("X", "PROPN", "nmod", 2, "X"),
            ("et", "CCONJ", "cc", 6, "et"),
            ("Y", "PROPN", "nsubj", 8, "Y"), ("a", "AUX", "aux:tense", 8, "avoir"), ("eu", "VERB", "advcl", 0, "avoir"),
            ("lieu", "NOUN", "obj", 8, "lieu"), ("mardi", "NOUN", "nmod", 9, "mardi")]
    doc = parse(rows, people=[(4, 5, "p1"), (6, 7, "p2")])
    tuesday = Span(doc, 10, 11, label="DATE")
    tuesday._.date = DateValue.of_day(date(2026, 11, 10), "mardi")
    doc.spans["dates"] = [tuesday]
    m = calls.Mention(doc[0:11], [doc[2]], False, False, False)
    assert calls._held_date(doc, m, [m]) == tuesday._.date
    later = calls.Mention(doc[0:11], [doc[8]], False, False, False)  # another call told before the day
    assert calls._held_date(doc, m, [m, later]) is None
