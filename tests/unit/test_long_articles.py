"""Long articles: cut into pieces for the model without changing a fact, span lookups by position,
and the date selection that replaced a quadratic overlap test."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.lang.fr import French
from spacy.tokens import Span

from kg.extract import dates
from kg.extract.pipeline import split_at_lines
from kg.extract.spanindex import span_index


@given(st.text(alphabet="ab .\n", max_size=300), st.integers(min_value=1, max_value=40))
def test_pieces_join_back_to_the_text(text, size):
    pieces = split_at_lines(text, size)
    assert "".join(pieces) == text
    assert all(pieces)


def test_pieces_end_at_line_breaks_when_lines_fit():
    text = "".join(f"Ligne numéro {i} du texte.\n" for i in range(50))
    pieces = split_at_lines(text, 100)
    assert len(pieces) > 5
    assert all(p.endswith("\n") and len(p) <= 100 for p in pieces)


def test_a_line_longer_than_a_piece_is_cut_after_a_sentence():
    line = "Une phrase assez courte. " * 10
    pieces = split_at_lines(line, 60)
    assert "".join(pieces) == line
    assert all(p.endswith(". ") for p in pieces[:-1])


def _doc_with_spans():
    nlp = French()
    doc = nlp.make_doc("le ministre russe et le ministre turc ont parlé hier avec le général américain")
    doc.spans["kg"] = [Span(doc, 2, 3, label="DEMONYM"), Span(doc, 1, 2, label="POST"),
                       Span(doc, 6, 7, label="DEMONYM"), Span(doc, 5, 6, label="POST"),
                       Span(doc, 13, 14, label="DEMONYM")]
    return doc


def test_index_answers_windows_by_start_and_label():
    doc = _doc_with_spans()
    demonyms = span_index(doc, "kg", ("DEMONYM",))
    assert [s.text for s in demonyms.spans] == ["russe", "turc", "américain"]
    assert [s.text for s in demonyms.starting(3, 14)] == ["turc", "américain"]
    assert demonyms.starting(7, 13) == []
    assert [s.label_ for s in span_index(doc, "kg").spans] == ["POST", "DEMONYM", "POST", "DEMONYM", "DEMONYM"]


def test_index_follows_a_replaced_group():
    doc = _doc_with_spans()
    assert len(span_index(doc, "kg", ("POST",))) == 2
    doc.spans["kg"] = [Span(doc, 1, 2, label="POST")]
    assert len(span_index(doc, "kg", ("POST",))) == 1
    assert len(span_index(doc, "missing")) == 0


def test_date_selection_keeps_longest_then_leftmost_without_overlap():
    text = " ".join(f"le {d} mars 2024, puis le {d + 1} mars" for d in range(1, 25))
    found = dates.find_dates(text)
    assert [m.text for m in found[:2]] == ["le 1 mars 2024", "le 2 mars"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.model
def test_an_article_read_in_pieces_keeps_its_people_posts_and_calls(monkeypatch):
    """An article cut at line breaks into pieces for the model: the same people and posts as read
    whole, and its calls still found between the right people (the model's context differs a little
    at the cuts, so the calls are checked for what they say, not for identity with the whole)."""
    from kg.corpus import RawArticle
    from kg.extract import pipeline

    days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
    lines = []
    for i, day in enumerate(days):  # distinct lines: repeated paragraphs are dropped as page furniture
        lines += [
            f"Le ministre des Armées, Paul Verdier, s'est entretenu {day} par téléphone avec son homologue "
            f"allemand, Klaus Hartmann (entretien numéro {i + 1}).",
            f"Les deux hommes ont évoqué la défense aérienne et les munitions, pour la {i + 1}e fois.",
            f"Le chef d'état-major des armées, le général Henri Marchal, a appelé {day} son homologue "
            f"italien, le général Marco Ferri, au sujet de la mer Méditerranée ({i + 1}).",
        ]
    text = "\n".join(lines) + "\n"
    raw = RawArticle(id="long.txt", path="long.txt", text=text, sha256="0" * 64, published=date(2024, 5, 18))
    extractor = pipeline.Extractor()
    whole = next(extractor.extract([raw]))
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 400)
    assert len(split_at_lines(text, 400)) > 3
    pieces = next(extractor.extract([raw]))
    assert pieces.article.text == whole.article.text
    assert pieces.persons == whole.persons
    assert pieces.holdings == whole.holdings
    names = {p.key: p.name for p in pieces.persons}
    pairs = {frozenset(names[p.person] for p in c.participants) for c in pieces.calls}
    assert pairs == {frozenset({"Paul Verdier", "Klaus Hartmann"}), frozenset({"Henri Marchal", "Marco Ferri"})}
    assert len(pieces.calls) >= 9


@pytest.mark.model
def test_the_model_never_reads_more_than_a_piece_of_a_long_article(monkeypatch):
    """The parser's memory follows the text it is given (about 1 GB per 100,000 characters): a long
    article reaches the model's components in pieces, never whole."""
    from spacy.language import Language

    from kg.corpus import RawArticle
    from kg.extract import pipeline

    seen: list[int] = []
    if not Language.has_factory("kg_test_length_spy"):
        Language.component("kg_test_length_spy", func=lambda doc: seen.append(len(doc.text)) or doc)
    extractor = pipeline.Extractor()
    extractor.nlp.add_pipe("kg_test_length_spy", before="parser")
    try:
        monkeypatch.setattr(pipeline, "PIECE_CHARS", 500)
        text = "".join(f"Le ministre Paul Verdier a parlé avec Klaus Hartmann de la réunion numéro {i}.\n"
                       for i in range(60))
        raw = RawArticle(id="long.txt", path="long.txt", text=text, sha256="0" * 64, published=date(2024, 5, 18))
        facts = next(extractor.extract([raw]))
    finally:
        extractor.nlp.remove_pipe("kg_test_length_spy")
    assert len(facts.article.text) > 4000
    assert len(seen) > 8 and max(seen) <= 500
    assert sum(seen) == len(facts.article.text)
