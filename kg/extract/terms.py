"""Term bounds of holdings: appointments, replacements, departures, with their dates.

Cues are lemmas and folded words in one sentence: "prise de fonctions de X en
octobre 2023" (start), "X … remplacer Y au poste de … à partir de septembre
2023" (X starts, Y ends, X replaces Y), "X a été limogé" (end).  A holding gets
a bound only when its person is named in the cue's sentence and the sentence has
a date the cue can use.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from kg.extract.model import DateValue, Holding
from kg.extract.names import fold
from kg.extract.people import PersonMention
from kg.extract.spans import evidence

START_CUES = ("prise de fonction", "pris ses fonctions", "entre en fonction", "nomme", "nommee", "investi",
              "a pris la tete", "a succede", "succede", "en poste depuis")
END_CUES = ("limoge", "limogee", "demis de ses fonctions", "a quitte ses fonctions", "a demissionne", "remercie")
REPLACE_CUES = ("remplacer", "remplace", "remplacant", "en remplacement de", "succeder a", "succede a")


def apply_terms(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    by_key = {(h.person, h.office): h for h in holdings}
    for pred_holder, succ_or_pred, office in doc.user_data.get("kg_replaces", []):
        _link(by_key, successor=pred_holder, predecessor=succ_or_pred, office=office, date=None)
    for sent in doc.sents:
        _replacements(doc, sent, by_key)
        _starts_and_ends(doc, sent, by_key)
    return list(by_key.values())


def _people_in(doc: Doc, sent: Span) -> list[PersonMention]:
    return [m for m in doc._.people or [] if sent.start <= m.span.start < sent.end]


def _date_after(doc: Doc, sent: Span, char: int) -> DateValue | None:
    spans = [s for s in doc.spans.get("dates", []) if sent.start <= s.start < sent.end and s._.date]
    after = [s for s in spans if s.start_char >= char]
    chosen = after[0] if after else (spans[-1] if spans else None)
    return chosen._.date if chosen else None


def _cue_at(sent: Span, cues: tuple[str, ...]) -> int | None:
    text = fold(sent.text)
    hits = [text.find(c) for c in cues if c in text]
    return sent.start_char + min(hits) if hits else None


def _replacements(doc: Doc, sent: Span, by_key: dict) -> None:
    at = _cue_at(sent, REPLACE_CUES)
    people = _people_in(doc, sent)
    if at is None or len(people) < 2:
        return
    before = [m for m in people if m.span.start_char < at]
    after = [m for m in people if m.span.start_char > at]
    if not before or not after:
        return
    successor, predecessor = before[-1].key, after[0].key
    office = _office_in(doc, sent, by_key, successor, predecessor)
    if office:
        _link(by_key, successor=successor, predecessor=predecessor, office=office,
              date=_date_after(doc, sent, at), span=sent)


def _office_in(doc: Doc, sent: Span, by_key: dict, *keys: str) -> str | None:
    from kg.extract.offices import find_posts

    posts = [p for p in find_posts(doc) if sent.start <= p.span.start < sent.end
             and p.offices(with_default=True)]
    if posts:
        return posts[0].offices(with_default=True)[0]
    known = [office for (person, office) in by_key if person in keys]
    return known[0] if len(set(known)) == 1 else None


def _link(by_key: dict, *, successor: str, predecessor: str, office: str, date: DateValue | None,
          span: Span | None = None) -> None:
    ev = (evidence(span, "replacement"),) if span is not None else ()
    succ = by_key.get((successor, office)) or Holding(successor, office, ev)
    pred = by_key.get((predecessor, office)) or Holding(predecessor, office, ev)
    by_key[(successor, office)] = replace(succ, replaces=predecessor, start=date or succ.start,
                                          evidence=_merge(succ.evidence, ev))
    by_key[(predecessor, office)] = replace(pred, end=date or pred.end, evidence=_merge(pred.evidence, ev))


def _merge(a: tuple, b: tuple) -> tuple:
    return a + tuple(e for e in b if e not in a)


def _starts_and_ends(doc: Doc, sent: Span, by_key: dict) -> None:
    for cues, field in ((START_CUES, "start"), (END_CUES, "end")):
        at = _cue_at(sent, cues)
        if at is None or _cue_at(sent, REPLACE_CUES) is not None:
            continue
        people = _people_in(doc, sent)
        date = _date_after(doc, sent, at)
        if not people or date is None:
            continue
        person = min(people, key=lambda m: abs(m.span.start_char - at)).key
        offices = [office for (p, office) in by_key if p == person]
        if len(offices) == 1:
            h = by_key[(person, offices[0])]
            if getattr(h, field) is None:
                by_key[(person, offices[0])] = replace(h, **{field: date}, evidence=_merge(
                    h.evidence, (evidence(sent, f"term-{field}"),)))
