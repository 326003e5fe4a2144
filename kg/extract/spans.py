"""Small helpers shared by the fact-finding modules: evidence from spans, span overlap."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.model import Evidence


def evidence(span: Span, rule: str) -> Evidence:
    """Evidence for a fact supported by ``span``: its article, sentence, offsets and the rule."""
    sent = span.doc[span.start].sent
    return Evidence(article=span.doc._.article_id, start=span.start_char, end=span.end_char,
                    sentence=sent.text.strip(), rule=rule)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
