"""Arms-control treaties named or described in an article, and their life-cycle events.

A treaty is a lexicon name or acronym, or a description ("le dernier traité de
limitation des armes nucléaires") resolved to the one treaty of that category in
force, or most recently ended, at the article's date.  An event is a treaty
mention with a life-cycle word in its sentence (expiration, suspension,
retrait, signature, ratification, entrée en vigueur), dated from the sentence;
"au lendemain de l'expiration" dates the expiry the day before the sentence's date.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc, Span

from kg.extract.lexicon import load_lexicon
from kg.extract.lexmatch import lex_spans
from kg.extract.model import DateValue, TreatyEventFact, TreatyMention
from kg.extract.names import fold
from kg.extract.spans import evidence

EVENT_WORDS = {
    "expiry": ("expiration", "expire", "expirer", "expiré", "echeance", "caduc", "fin du"),
    "suspension": ("suspension", "suspendu", "suspendre", "suspend", "gele"),
    "withdrawal": ("retrait", "retire", "retirer", "sortie", "sortir", "denonce", "denoncer", "quitte"),
    "signature": ("signature", "signe", "signer", "signataires"),
    "ratification": ("ratification", "ratifie", "ratifier"),
    "entry_into_force": ("entree en vigueur", "entre en vigueur"),
}
SHIFT = {"lendemain de": -1, "lendemain du": -1, "veille de": 1, "veille du": 1}


def find_treaties(doc: Doc) -> tuple[list[TreatyMention], list[TreatyEventFact]]:
    spans = [(s, s.kb_id_) for s in lex_spans(doc, "TREATY")]
    spans += [(s, t) for s in lex_spans(doc, "TREATY_DESC") if (t := _described(doc, s))]
    mentions = [TreatyMention(t, s.text, (evidence(s, "treaty-" + s.label_.lower()),)) for s, t in spans]
    events = [e for s, t in spans if (e := _event(doc, s, t))]
    return mentions, _unique(events)


def _described(doc: Doc, span: Span) -> str | None:
    """The treaty a description stands for at the article's date, when only one fits."""
    day = doc._.ref if isinstance(doc._.ref, date) else None
    if day is None:
        return None
    candidates = [t for t in load_lexicon().treaties.values() if t.category == span.kb_id_]
    live = [t for t in candidates if t.in_force_on(day)]
    if len(live) == 1:
        return live[0].id
    ended = [t for t in candidates if t.last_day() and t.last_day() <= day + timedelta(days=7)]
    latest = max(ended, key=lambda t: t.last_day(), default=None)
    return latest.id if latest and not live else None


def _event(doc: Doc, span: Span, treaty: str) -> TreatyEventFact | None:
    sent = span.sent
    near = fold(doc[max(sent.start, span.start - 10): span.start].text)
    kind = next((k for k, words in EVENT_WORDS.items() if any(w in near for w in words)), None)
    if kind is None:
        return None
    return TreatyEventFact(treaty, kind, (evidence(sent, f"treaty-{kind}"),), _event_date(doc, sent, near),
                           _parties(doc, sent))


def _event_date(doc: Doc, sent: Span, near: str) -> DateValue | None:
    dates = [s._.date for s in doc.spans.get("dates", []) if sent.start <= s.start < sent.end and s._.date]
    if not dates:
        return None
    shift = next((d for cue, d in SHIFT.items() if cue in near), 0)
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
