"""Small helpers shared by the fact-finding modules: evidence from spans, span overlap, folded text,
word lists with cue phrases left out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.extract.lexicon import title_cues
from kg.extract.model import Evidence
from kg.extract.names import fold

if not Doc.has_extension("folded_spans"):
    Doc.set_extension("folded_spans", default=None)


def evidence(span: Span, rule: str) -> Evidence:
    """Evidence for a fact supported by ``span``: its article, sentence, offsets and the rule."""
    sent = span.doc[span.start].sent
    text = span.doc._.source_text or span.doc.text  # the page as written, not the model's reading of it
    return Evidence(article=span.doc._.article_id, start=span.start_char, end=span.end_char,
                    sentence=text[sent.start_char:sent.end_char].strip(), rule=rule)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def folded(span: Span) -> str:
    """The span's text folded (:func:`kg.extract.names.fold`), once per span of a doc: the cue lists of
    every rule look at the same sentences again and again."""
    cache = span.doc._.folded_spans
    if cache is None:
        cache = span.doc._.folded_spans = {}
    key = (span.start, span.end)
    if key not in cache:
        cache[key] = fold(span.text)
    return cache[key]


def without_fillers(words: list[str]) -> list[str]:
    """The words between a linking verb and its post, adverbials that change nothing ("a été nommé à
    son tour chef d'état-major", "est désormais ministre") left out."""
    fillers = title_cues("post_link_fillers_fr")
    return without_phrases(words, fillers | {f.replace("'", "' ") for f in fillers})  # tokens split after "jusqu'"


def without_phrases(words: list[str], phrases: Iterable[str]) -> list[str]:
    """``words`` with every whole-word occurrence of the (folded) ``phrases`` taken out, longest first."""
    text = " ".join(words)
    for phrase in sorted(phrases, key=len, reverse=True):
        text = f" {text} ".replace(f" {phrase} ", " ")
    return text.split()


@lru_cache(maxsize=128)
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A regex of the phrases, folded, as whole words of folded text (longest first, so that "phone
    call" wins over "call"); an apostrophe before a phrase glues it to the word before.  A quotation
    mark between two words of a phrase counts as the space it stands beside ('had "a productive
    conversation" with': "conversation with")."""
    words = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w).replace(r"\ ", QUOTED_SPACE) for w in words)
                      + r")(?![\w])")


#: A space between two words of a phrase, with the quotation marks a quote may put there.
QUOTED_SPACE = r"(?: |[ \u00a0\u202f]?[\"“”«»][ \u00a0\u202f]?)"


def own_line(sent: Span) -> bool:
    """Whether the sentence ends its line (a headline, a dateline, a list item), the line break in its
    trailing space or in the token the parser put after it."""
    doc = sent.doc
    return "\n" in sent.text_with_ws + (doc[sent.end].text if sent.end < len(doc) else "")


def lead_sentence(doc: Doc) -> Span | None:
    """The first sentence of a report: past a headline (a first line of its own with no full stop)."""
    sents = [s for s in doc.sents if s.text.strip()]
    if not sents:
        return None
    first = sents[0]
    headline = len(sents) > 1 and own_line(first) and not first.text.rstrip().endswith((".", "!", "?", "»", '"'))
    return sents[1] if headline else first


#: Words a dateline may run to before its dash ("N'DJAMENA -", "BUENOS AIRES (AFP) –", "Rome –").
DATELINE_WORDS = 6
DATELINE_DASHES = frozenset(("-", "–", "—", "--"))


def past_dateline(sent: Span, *, title_case: bool = False) -> int:
    """Where a sentence's words begin past a dateline and its dash ("N'DJAMENA - | Le …"): a few words
    before the sentence's first dash, all in capitals; with ``title_case``, also a place written in title
    case ("Rome – | Vendredi, …"), any words with no verb.  The sentence's start when it has none."""
    doc = sent.doc
    dash = next((t.i for t in sent[:DATELINE_WORDS] if t.text in DATELINE_DASHES), None)
    if dash is None or dash == sent.start:
        return sent.start
    words = doc[sent.start:dash]
    capitals = all(t.text.isupper() or t.is_punct for t in words)
    titled = title_case and words[0].text[:1].isupper() and not any(t.pos_ in ("VERB", "AUX") for t in words)
    return dash + 1 if capitals or titled else sent.start

