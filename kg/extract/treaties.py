"""Arms-control treaties named or described in an article, and their life-cycle events.

A treaty is a lexicon name or acronym, or a description ("le dernier traité de
limitation des armes nucléaires") resolved to the one treaty of that category in
force, or most recently ended, at the article's date; of several in force, the one
whose parties the sentence, else the article, names most.  A name the lexicon marks
ambiguous counts only next to a treaty word: a bare name that is also an everyday
phrase ("Ciel ouvert", "à ciel ouvert") needs one within a few words, quotes and
brackets aside (le traité « Ciel ouvert »); a name two treaties share goes to the
one whose other party the article names.  An event is a treaty mention with a
life-cycle word before it in its sentence (expiration, suspension, retrait,
signature, ratification, entrée en vigueur), dated from the sentence; "au
lendemain de l'expiration" dates the expiry the day before the sentence's date.
The cue words are in ``kg/lexicons/treaties.json`` (``cues``).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.lexicon import load_lexicon
from kg.extract.lexmatch import lex_spans
from kg.extract.model import DateValue, TreatyEventFact, TreatyMention
from kg.extract.names import fold
from kg.extract.spanindex import dates_within
from kg.extract.spans import evidence

WINDOW = 4  # words (punctuation aside) between a bare ambiguous name and its treaty word
EVENT_REACH = 10  # tokens before a mention searched for a life-cycle word
EVENT_AFTER = 5  # tokens after a mention searched in English, whose verb follows its subject ("the treaty expired")


@cache
def _cues() -> tuple[frozenset[str], dict[str, tuple[str, ...]], dict[str, int]]:
    """Treaty words, life-cycle words by event kind and date shifts, folded."""
    cues = load_lexicon().cues["treaties"]
    words = frozenset(fold(w) for w in cues["treaty_words"])
    events = {kind: tuple(fold(w) for w in ws) for kind, ws in cues["events"].items()}
    return words, events, {fold(k): v for k, v in cues["date_shifts"].items()}


@cache
def _owners() -> dict[str, tuple[str, ...]]:
    """Folded ambiguous form -> the treaties that list it."""
    out: dict[str, list[str]] = {}
    for t in load_lexicon().treaties.values():
        for form in t.ambiguous:
            out.setdefault(fold(form), []).append(t.id)
    return {k: tuple(v) for k, v in out.items()}


def find_treaties(doc: Doc, *, english: bool = False) -> tuple[list[TreatyMention], list[TreatyEventFact]]:
    """The treaties of an article and their events (``english``: its dates are read as English)."""
    spans = [(s, t) for s in lex_spans(doc, "TREATY") if (t := _named(doc, s))]
    spans += [(s, t) for s in lex_spans(doc, "TREATY_DESC") if (t := _described(doc, s))]
    mentions = [TreatyMention(t, s.text, (evidence(s, "treaty-" + s.label_.lower()),)) for s, t in spans]
    events = [e for s, t in spans if (e := _event(doc, s, t, english))]
    return mentions, _unique(events)


def _named(doc: Doc, span: Span) -> str | None:
    """The treaty a lexicon name stands for; None for an ambiguous name without a treaty word near
    it, or shared by treaties between which the article does not decide."""
    owners = _owners().get(fold(span.text))
    if owners is None:
        return span.kb_id_
    if not _near_treaty_word(doc, span):
        return None
    if len(owners) == 1:
        return owners[0]
    named = {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING")}
    lexicon = load_lexicon().treaties
    common = set.intersection(*(set(lexicon[t].parties) for t in owners))
    fitting = [t for t in owners if set(lexicon[t].parties) - common <= named and set(lexicon[t].parties) - common]
    return fitting[0] if len(fitting) == 1 else None


def _near_treaty_word(doc: Doc, span: Span) -> bool:
    """A treaty word in the span, among the few words before it, or right after it (quotes aside)."""
    words, _, _ = _cues()
    sent = span.sent
    before = [t for t in doc[sent.start: span.start] if not (t.is_punct or t.is_space)][-WINDOW:]
    after = [t for t in doc[span.end: sent.end] if not (t.is_punct or t.is_space)][:1]
    return any(fold(t.text) in words for t in [*span, *before, *after])


def _described(doc: Doc, span: Span) -> str | None:
    """The treaty a description stands for at the article's date, when only one fits: the one in
    force, else the one that ended last; none when a later treaty of the category was signed and
    is still pending ("le traité d'interdiction des essais nucléaires" may be the 1996 one, never in
    force, as well as the 1963 one)."""
    day = doc._.ref if isinstance(doc._.ref, date) else None
    if day is None:
        return None
    candidates = [t for t in load_lexicon().treaties.values() if t.category == span.kb_id_]
    live = [t for t in candidates if t.in_force_on(day)]
    if len(live) > 1:
        live = _between_named(doc, span, live)
    ended = [t for t in candidates if t.last_day() and t.last_day() <= day + timedelta(days=7)]  # type: ignore[operator]
    chosen = live[0] if len(live) == 1 else None if live else max(ended, key=lambda t: t.last_day(), default=None)  # type: ignore[arg-type,return-value]
    if chosen is None or any(_pending(t, day) and _signed(t) > _signed(chosen) for t in candidates):
        return None
    return chosen.id


def _between_named(doc: Doc, span: Span, treaties: list) -> list:
    """Of several treaties of a description's category in force, the one whose parties the sentence names
    most, else the article ("reaffirmed their commitment to the Mutual Defense Treaty" in a piece on the
    Philippine defence secretary: the US–Philippine treaty, not the US–Korean one); all of them when no
    one names more of its parties than every other does."""
    for start, end in ((span.sent.start, span.sent.end), (0, len(doc))):
        named = {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING")
                 if start <= s.start and s.end <= end}
        counts = [len(named & set(t.parties)) for t in treaties]
        best = max(counts)
        if best and counts.count(best) == 1:
            return [treaties[counts.index(best)]]
    return treaties


def _signed(treaty) -> date:
    return min((e.date for e in treaty.events if e.kind == "signature"), default=date.min)


def _pending(treaty, day: date) -> bool:
    """Signed by ``day``, not in force by then and not ended."""
    end = treaty.last_day()
    return (date.min < _signed(treaty) <= day and (end is None or end > day)
            and not any(e.kind == "entry_into_force" and e.date <= day for e in treaty.events))


def _event(doc: Doc, span: Span, treaty: str, english: bool = False) -> TreatyEventFact | None:
    _, event_words, _ = _cues()
    sent = span.sent
    near = fold(doc[max(sent.start, span.start - EVENT_REACH): span.start].text)
    if english and not any(w in near for words in event_words.values() for w in words):
        near = fold(doc[span.end: min(sent.end, span.end + EVENT_AFTER)].text)  # "the treaty expired on …"
    kind = next((k for k, words in event_words.items() if any(w in near for w in words)), None)
    if kind is None:
        return None
    return TreatyEventFact(treaty, kind, (evidence(sent, f"treaty-{kind}"),),  # type: ignore[arg-type]
                           _event_date(doc, sent, near, english), _parties(doc, sent))


def _event_date(doc: Doc, sent: Span, near: str, english: bool = False) -> DateValue | None:
    dates = [s._.date for s in dates_within(doc, sent.start, sent.end) if s._.date]
    if english and not dates:  # "withdrew from the INF Treaty in August 2019": English dates, coarse ones too
        from kg.extract.english import english_dates

        ref = doc._.ref if isinstance(doc._.ref, date) else None
        dates = [d for _, d in sorted(english_dates(fold(sent.text), ref, coarse=True), key=lambda x: x[0])]
    if not dates:
        return None
    _, _, shifts = _cues()
    shift = next((d for cue, d in shifts.items() if cue in near), 0)
    d = dates[0]
    if shift and d.precision == "day":
        return DateValue.of_day(d.earliest + timedelta(days=shift), d.text)
    return None if shift else d


def _parties(doc: Doc, sent: Span) -> tuple[str, ...]:
    """The countries of the event's sentence: named ("la Russie", "Moscou") or as adjectives
    ("la participation russe")."""
    found = [s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM")
             if sent.start <= s.start < sent.end and s.kb_id_ in load_lexicon().actors]
    return tuple(dict.fromkeys(found))


def _unique(events: list[TreatyEventFact]) -> list[TreatyEventFact]:
    seen, out = set(), []
    for e in events:
        if (e.treaty, e.kind) not in seen:
            seen.add((e.treaty, e.kind))
            out.append(e)
    return out
