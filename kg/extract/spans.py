"""Small helpers shared by the fact-finding modules: evidence from spans, sentence lookups."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.model import Evidence


def evidence(span: Span, rule: str) -> Evidence:
    """Evidence for a fact supported by ``span``: its article, sentence, offsets and the rule."""
    sent = span.doc[span.start].sent
    return Evidence(article=span.doc._.article_id, start=span.start_char, end=span.end_char,
                    sentence=sent.text.strip(), rule=rule)


def in_sentence(spans: list[Span], sent: Span) -> list[Span]:
    """The spans that lie inside one sentence."""
    return [s for s in spans if s.start >= sent.start and s.end <= sent.end]


def sentence_of(doc: Doc, token_index: int) -> Span:
    return doc[token_index].sent


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
