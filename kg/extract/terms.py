"""Term bounds of holdings: appointments, replacements, departures, with their dates.

Cues are lemmas and folded words in one sentence: "prise de fonctions de X en
octobre 2023" (start), "X … remplacer Y au poste de … à partir de septembre
2023" (X starts, Y ends, X replaces Y), "X a été limogé" (end).  A holding gets
a bound only when its person is named in the cue's sentence and the sentence has
a date the cue can use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date as date_type
from datetime import timedelta
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.coref import reported_speaker
from kg.extract.dates import WEEKDAYS
from kg.extract.lexicon import load_lexicon, title_cues
from kg.extract.lexmatch import lex_within
from kg.extract.model import DateValue, Holding
from kg.extract.names import fold
from kg.extract.offices import (
    continued_subject,
    demonstrative_subject,
    find_posts,
    leaver,
    notes,
    sought_before,
    term_after,
)
from kg.extract.people import PersonMention
from kg.extract.portfolios import apposition_owner, fronted_subject, portfolio_after, portfolios_in
from kg.extract.spanindex import dates_within, people_within
from kg.extract.spans import evidence, folded


def apply_terms(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    by_key = {(h.person, h.office): h for h in holdings}
    _portfolio_periods(doc, by_key)
    for pred_holder, succ_or_pred, office in notes(doc).replaces:
        _link(by_key, successor=pred_holder, predecessor=succ_or_pred, office=office, date=None)
    for sent in doc.sents:
        _replacements(doc, sent, by_key)
        fronted = _fronted_replaced(doc, sent)
        if fronted is not None and fronted[1].span.end < sent.end:  # "Remplacée … par X, Y a quitté le
            _replacements(doc, doc[fronted[1].span.end:sent.end], by_key)  # gouvernement, tout comme Z, à qui W …"
        _appointed_after_departure(doc, sent, by_key)
        _overthrown(doc, sent, by_key)
        _interim_of_the_departed(doc, sent, by_key)
        _departed_before_an_interim(doc, sent, by_key)
        _successor_of_pronoun(doc, sent, by_key)
        _starts_and_ends(doc, sent, by_key)
        _since_after_name(doc, sent, by_key)
    _interims_ended(doc, by_key)
    return [h for h in by_key.values() if not _not_yet_held(doc, h)]


def _portfolio_periods(doc: Doc, by_key: dict) -> None:
    """"X a dirigé la Défense nationale de 2021 à 2023", "après avoir dirigé le ministère (2019-2022)": a
    term written right after a portfolio bounds the holding read from it, as after a post (see
    :func:`kg.extract.offices.term_after`); a holding already bounded keeps its bounds."""
    for key, h in list(by_key.items()):
        if h.start is not None or h.end is not None:
            continue
        for e in h.evidence:
            span = doc.char_span(e.start, e.end, alignment_mode="expand") if e.rule == "portfolio" else None
            start, end = term_after(doc, span.end) if span is not None else (None, None)
            if start is not None or end is not None:
                by_key[key] = replace(h, start=start, end=end)
                break


def _interims_ended(doc: Doc, by_key: dict) -> None:
    """"X assurait l'intérim à la tête de l'état-major … Y est nommé chef d'état-major": an acting holder
    (the holding told with an interim word) holds the post until the one successor the article names
    with a start takes it; that start ends the interim."""
    for (person, office), h in list(by_key.items()):
        if h.end is not None or not _acting(doc, h):
            continue
        starts = {o.start.value: o.start for (p, oo), o in by_key.items()
                  if oo == office and p != person and o.start is not None and o.replaces and not _acting(doc, o)}
        if len(starts) == 1:
            by_key[(person, office)] = replace(h, end=next(iter(starts.values())))


def _acting(doc: Doc, h: Holding) -> bool:
    """The holding is told as an interim ("assure l'intérim du ministère", "ministre par intérim")."""
    words = title_cues("acting_words_fr")  # words, not whitespace runs: "par intérim, X" ends the word at the comma
    return any(words & set(re.findall(r"[\w-]+", fold(doc.text[e.start:e.end]))) for e in h.evidence)


def _not_yet_held(doc: Doc, h: Holding) -> bool:
    """"le futur ministre des Affaires étrangères, X", "X sera le prochain chef d'état-major": a post
    the text only says someone is to take is no holding unless the text says when it starts ("il
    prendra ses fonctions le 6 mai") or whom they are to succeed ("Il succédera début mars au général Y"):
    a bare designation would read as held today."""
    return h.start is None and h.replaces is None and (h.person, _post_type(h.office)) in notes(doc).designated


def _people_in(doc: Doc, sent: Span) -> list[PersonMention]:
    return people_within(doc, sent.start, sent.end)


def _date_after(doc: Doc, sent: Span, char: int, *, skip_since: bool = False) -> DateValue | None:
    """The first date after a cue (else the sentence's last); with ``skip_since``, not a date that
    says since when a state lasts ("qui occupait ce poste depuis 2018")."""
    spans = [s for s in dates_within(doc, sent.start, sent.end) if s._.date and not _event_relative(s)
             and not (skip_since and s.start > 0 and fold(doc[s.start - 1].text) in ("depuis", "des"))
             and not _birth_date(doc, s)]
    after = [s for s in spans if s.start_char >= char]
    if not after and _offset_before(doc, sent, char):
        return None  # "trois jours après le limogeage de Y": the cue's day is not told
    before = [s for s in spans if s.start_char < char and not _in_closed_relative(doc, sent, s, char)
              and not _period(s._.date)]
    chosen = after[0] if after else (before[-1] if before else None)
    if chosen is None:
        return None
    if chosen.start > 0 and fold(doc[chosen.start - 1].text) == "depuis":
        return chosen._.date  # "Il travaillera avec X, en poste depuis juillet 2024": a past start, whatever the tense
    return _in_the_future_told(doc, sent, chosen._.date)


def _in_closed_relative(doc: Doc, sent: Span, span: Span, char: int) -> bool:
    """"X, qui a été ministre des Armées de 2017 à 2022, a été nommée …": a date inside a relative set off
    by commas before the cue dates the relative's own fact, never the cue's."""
    k = span.start - 1
    while k > sent.start and doc[k].text != ",":
        if fold(doc[k].text) in ("qui", "que", "qu'", "dont", "ou", "où"):
            return any(t.text == "," and t.idx < char for t in doc[span.end:sent.end])
        k -= 1
    return False


def _period(date: DateValue | None) -> bool:
    """A period of several years ("de 2017 à 2022"), which dates a term, not a day something happened."""
    return date is not None and date.value is None and date.earliest is not None and date.latest is not None \
        and date.earliest.year != date.latest.year


def _birth_date(doc: Doc, span: Span) -> bool:
    """"Née en 1970 à Lyon, X a été nommée …", "X, né le 3 mai 1965, …": a birth participle
    (``birth_words_fr``) right before the date (past "en" or "le") dates the birth, no term."""
    before = [fold(t.text) for t in doc[max(0, span.start - 2):span.start]]
    while before and before[-1] in ("en", "le"):
        before.pop()
    return bool(before) and before[-1] in title_cues("birth_words_fr")


OFFSET_REACH = 3  # tokens between an event-relative offset and the cue it dates ("trois jours après le limogeage")


def _offset_before(doc: Doc, sent: Span, char: int) -> bool:
    """An event-relative offset ends right before the cue at character ``char``."""
    cue = next((t.i for t in sent if t.idx >= char), sent.end)
    return any(_event_relative(s) and s.end <= cue <= s.end + OFFSET_REACH
               for s in dates_within(doc, sent.start, sent.end))


def _event_relative(span: Span) -> bool:
    """"trois jours après (le limogeage de Y)", "une semaine plus tard": an offset from another event
    the text tells, not from the day of publication, so no term bound can be read from it."""
    text = folded(span)
    return any(text.endswith(" " + end) for end in title_cues("event_relative_date_ends_fr"))


def _in_the_future_told(doc: Doc, sent: Span, date: DateValue) -> DateValue | None:
    """"Il prendra ses fonctions le 30 juin", "à partir du 1er août": a sentence in the future whose
    date was read as a past day (before publication) has its year wrong.  A day and month written
    without a year is the next such day (the year after); a date whose text gives its year is not
    trusted (no bound beats a wrong one).  Any other date stands."""
    ref = doc._.ref
    future = any("Fut" in t.morph.get("Tense") for t in sent)
    if ref is None or not future or date.latest >= ref:
        return date
    if date.precision != "day" or date.value is None or any(w.isdigit() and len(w) == 4 for w in date.text.split()):
        return None
    weekday = _bare_weekday(date.text)
    if weekday is not None:  # "Elle prendra ses fonctions lundi": the next Monday, not the last one
        nxt = ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)
        return DateValue(nxt.isoformat(), "day", nxt, nxt, date.text)
    try:
        nxt = date_type.fromisoformat(date.value).replace(year=date.earliest.year + 1)
    except ValueError:  # 29 February
        return None
    return DateValue(nxt.isoformat(), "day", nxt, nxt, date.text) if nxt >= ref else None


#: Words that open a date phrase without being part of the date span ("a succédé en avril à Y").
DATE_LEADS = frozenset(("en", "le", "des", "debut", "fin", "courant"))


def _bare_weekday(text: str) -> int | None:
    """The weekday a date written as a bare weekday names ("lundi", "ce lundi"), else None."""
    words = [w for w in fold(text).split() if w not in ("ce", "le")]
    return WEEKDAYS.get(words[0]) if len(words) == 1 else None


def _cue_at(sent: Span, cues: Iterable[str]) -> int | None:
    """Where the first cue of the sentence starts (a character offset), dates and adverbs inside
    it skipped ("succédera le 1er septembre au général Y", "remplace désormais Y").  Words that only
    look like a cue are blanked first (``term_not_cues_fr``: "qui l'a remercié pour son soutien" is
    thanks, "X a été remercié" a dismissal)."""
    text = _sentence_without_look_alikes(sent)
    hits = [text.find(c) for c in cues if c in text]
    if hits:
        return sent.start_char + min(hits)
    if not any(w in text for w in _main_words(frozenset(cues))):
        return None  # no cue's main word: nothing a date or an adverb could have split
    inside = {t.i for s in dates_within(sent.doc, sent.start, sent.end) for t in s}
    inside |= {i - 1 for i in inside if i - 1 not in inside and fold(sent.doc[i - 1].text) in DATE_LEADS}
    kept = [t for t in sent if t.i not in inside and t.pos_ != "ADV"
            and not (fold(t.text) == "depuis" and t.i + 1 < sent.end and fold(sent.doc[t.i + 1].text) == "par")]
    # "remplacé depuis par Y": "depuis" alone is an adverb there, though the parser may tag it a preposition
    if len(kept) == len(sent):
        return None
    words = [fold(t.text) for t in kept]
    squeezed = _without_look_alikes(" ".join(words).replace("' ", "'"))
    hits = [squeezed.find(c) for c in cues if c in squeezed]
    if not hits:
        return None
    first = min(hits)
    return max((t.idx for t, at in zip(kept, _squeezed_starts(words), strict=True) if at <= first),
               default=sent.start_char)


if not Doc.has_extension("cue_texts"):
    Doc.set_extension("cue_texts", default=None)


def _sentence_without_look_alikes(sent: Span) -> str:
    """:func:`_without_look_alikes` of the folded sentence, once per sentence of a doc (every cue list
    of every holding reads the same sentences)."""
    cache = sent.doc._.cue_texts
    if cache is None:
        cache = sent.doc._.cue_texts = {}
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _without_look_alikes(folded(sent))
    return cache[key]


@cache
def _main_words(cues: frozenset[str]) -> tuple[str, ...]:
    """Each cue's longest word (what :func:`_cue_at` looks for before reading past dates and adverbs)."""
    return tuple(max(c.split(" "), key=len) for c in cues)


def _without_look_alikes(text: str) -> str:
    """The folded text with the ``term_not_cues_fr`` phrases and the thanks ("remercié mardi pour",
    ``thanks_words_fr`` then up to two words then ``thanks_for_fr``) blanked, offsets kept."""
    for phrase in title_cues("term_not_cues_fr"):
        text = text.replace(phrase, " " * len(phrase))
    return _thanks().sub(lambda m: " " * len(m.group(0)), text)


@cache
def _thanks() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(title_cues("thanks_words_fr"), key=len, reverse=True))
    then = "|".join(re.escape(w) for w in sorted(title_cues("thanks_for_fr"), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})(?:\s+\S+){{0,2}}?\s+(?:{then})(?=\s|\w|$)")


def _squeezed_starts(words: list[str]) -> list[int]:
    """Start of each word in ``" ".join(words).replace("' ", "'")``."""
    starts, at = [], 0
    for w in words:
        starts.append(at)
        at += len(w) + (0 if w.endswith("'") else 1)
    return starts


def _replacements(doc: Doc, sent: Span, by_key: dict) -> None:
    """"X remplace Y", "X succède à Y" (the successor first) and "Y a été remplacé par X"; also "X a hérité
    d'un portefeuille que détenait Y", "X occupe un poste qu'avait occupé Y" (``term_held_before_fr``)."""
    people = _people_in(doc, sent)
    if _cue_at(sent, title_cues("term_replace_pronoun_fr")) is not None:
        return  # "a choisi pour le remplacer X": the one replaced is a pronoun (_successor_of_pronoun)
    by_at = _cue_at(sent, title_cues("term_replaced_by_fr"))
    fronted = _fronted_replaced(doc, sent) if by_at is None else None
    if fronted is not None:  # "Remplacée aux Affaires étrangères par X, Y a quitté le gouvernement"
        by_at, people = sent.start_char, list(fronted)
    at = by_at if by_at is not None else _cue_at(sent, title_cues("term_replace_fr"))
    split = by_at is None and at is not None and _passive_with_words_between(sent, at)
    if split:
        by_at = at  # "X a été remplacée lundi à la Défense par Y": a passive, its agent the successor
    held_before = at is None and (at := _cue_at(sent, title_cues("term_held_before_fr"))) is not None
    if at is None or not people or _sought(doc, at):
        return  # "X, pressenti pour succéder à Y": a succession expected, not told
    before = [m for m in people if m.span.start_char < at]
    after = [m for m in people if m.span.start_char > at]
    if fronted is not None:
        before, after = [fronted[1]], [fronted[0]]
    if held_before:  # "X occupe … dans le gouvernement de Y, un poste qu'occupait Z": Y is a complement, X took it
        before = [m for m in before if not (m.span.start > sent.start and fold(doc[m.span.start - 1].text) in
                                            ("de", "du", "d'"))]
    named_relative = by_at is None and not after and len(before) >= 2 and _named_relative(doc, sent, at, before)
    if named_relative:  # "tout comme Y, à qui X succède à la Défense": X, the relative's subject, took Y's post
        before, after = before[-1:], before[-2:-1]
    elif by_at is None and not after and before and _relative_to_predecessor(doc, sent, at, before[-1]):
        # "X a été nommée …, le gouvernement de Y, à qui elle succède"; "Il salue Y, auquel il succède"
        before, after = before[:-1] or _pronoun_subject(doc, sent, at, by_key), before[-1:]
    role_subject = False
    if not before and after:  # "L'ancien ministre de la Défense, remplacé à ce poste par Y": its referent
        before = _former_role_subject(doc, sent, at, by_key)
        role_subject = bool(before) and by_at is None
    if not before and by_at is None and after:
        before = _pronoun_subject(doc, sent, at, by_key) or _fronted_successor(doc, sent, at)
    elif not before and after and _agent(doc, after[0], at):
        before = _pronoun_subject(doc, sent, at, by_key)  # "X a été limogée jeudi. Elle est remplacée par Y"
    elif not before and after and by_at is not None and not _passive_cue(sent, at):
        before = _pronoun_subject(doc, sent, at, by_key)  # "Il cède son fauteuil de Premier ministre à Y"
    if not before and by_at is not None and after:
        _successor_of_role_noun(doc, sent, at, after[0], by_key)
    if not before or not after:
        return
    successor, predecessor = (after[0].key, before[-1].key) if by_at is not None else (before[-1].key, after[0].key)
    par = _par_after_replaced(doc, sent, at, after)
    if by_at is None and par is not None:  # "a remplacé Y par X"
        replaced = [m for m in after if m.span.end <= par]
        by = [m for m in after if m.span.start > par]
        if not replaced or not by:
            return
        successor, predecessor = by[0].key, replaced[0].key
    if successor == predecessor or by_at is None and par is None and _own_subordinate(doc, sent, at, after[0]):
        return
    where = _post_before_where(doc, sent, at)
    if where is None:
        where = _portfolio_just_before(doc, sent, at)
    if where is None and split:  # "Il est remplacé au Foreign Office par Y": that portfolio changes hands
        where = _split_portfolio(doc, sent, at)
    if held_before:  # "X devient chef d'état-major, un poste qu'occupait Y": X's post, the one just told
        office = _successor_post(by_key, successor, at)
    elif where is not None:  # "… le poste de secrétaire du Conseil, où il a remplacé Y": that post, or none
        office = next((o for (p, o) in by_key if p == successor and o.partition(".")[2] == where), None)
        if office is None and split:  # "X a été remplacée lundi à la Défense par Y": X's post of that portfolio
            office = next((o for (p, o) in by_key if p == predecessor and _post_type(o) == where), None)
    else:
        office = _office_in(doc, sent, at, by_key, successor, predecessor, role_subject)
    if office is None and named_relative:  # "à qui X succède à la Défense": the portfolio right after the cue
        cue = _token_at(sent, at)
        office = next((f"?.{t}" for s, _e, t in _portfolios_sent_to(doc, sent)
                       if cue is not None and cue < s <= cue + 3), None)
    if office:
        date = _date_in_clause(doc, sent, at) or _date_after(doc, sent, at, skip_since=True)
        if _purpose_cue(sent, at) and not _dated_after(doc, sent, at):
            date = None
        if held_before and any(d.start_char >= at for d in dates_within(doc, sent.start, sent.end)):
            date = None  # "un poste qu'occupait X depuis mai": a date after dates X's own term, not the handover
        if held_before:  # "qu'avait occupé Y": Y's term is over by the article's day
            notes(doc).former.add((predecessor, _post_type(office)))
        told = next((m for m in after if m.key == predecessor), None) if by_at is None else None
        if told is not None and _about_predecessor(doc, sent, told, date):
            _link(by_key, successor=successor, predecessor=predecessor, office=office, date=None, span=sent)
            pred = by_key[(predecessor, office)]
            by_key[(predecessor, office)] = replace(pred, end=pred.end or date)
        else:
            _link(by_key, successor=successor, predecessor=predecessor, office=office, date=date, span=sent)


FRONTED_REPLACED = frozenset(("remplacee", "remplaces", "remplacees"))
DATELINE_REACH = 6  # tokens of a capitalised dateline before its dash ("PORT-AU-PRINCE —")
FRONTED_REACH = 8  # tokens of the post between a fronted "Remplacé" and its "par" ("à la tête de la Marine")


def _fronted_replaced(doc: Doc, sent: Span) -> tuple[PersonMention, PersonMention] | None:
    """(successor, predecessor) of a sentence opening on a past participle, "Remplacée aux Affaires
    étrangères par X, Y a quitté le gouvernement", "Remplacé à la tête de la marine par l'amiral X, Y …":
    X took the post from Y, the main clause's subject right after the comma (titles between)."""
    start = sent.start
    dash = next((t.i for t in doc[sent.start:min(sent.end, sent.start + DATELINE_REACH)]
                 if t.text in ("—", "–", "-") and t.whitespace_), None)
    if dash is not None and all(t.text.isupper() or not t.is_alpha for t in doc[sent.start:dash]):
        start = dash + 1  # "PARIS — Remplacée aux Affaires étrangères par X, …"
    if start >= sent.end or not (doc[start].text.casefold().startswith("remplacé")
                                 or fold(doc[start].text) in FRONTED_REPLACED):
        return None
    lead = doc[start + 1:min(sent.end, start + FRONTED_REACH)]
    by = next((t.i for t in lead if fold(t.text) == "par"), None)
    if by is None:
        return None
    named = people_within(doc, by + 1, sent.end)
    successor = next((m for m in named if m.span.start == _past_name_titles(doc, by + 1, sent.end)), None)
    if successor is None or successor.span.end >= sent.end or doc[successor.span.end].text != ",":
        return None
    predecessor = next((m for m in named if m.span.start == _past_name_titles(doc, successor.span.end + 1, sent.end)),
                       None)
    return (successor, predecessor) if predecessor is not None and predecessor.key != successor.key else None


def _past_name_titles(doc: Doc, i: int, end: int) -> int:
    """Where a name may start from token ``i``, past articles and title words ("l'amiral", "M.")."""
    titles = {t.i for s in lex_within(doc, i, min(end, i + 6), "TITLE") for t in s}
    while i < end and (i in titles or fold(doc[i].text) in ("le", "la", "l'")
                       or doc[i].text == "." and i - 1 in titles):
        i += 1
    return i


def _former_role_subject(doc: Doc, sent: Span, at: int, by_key: dict) -> list[PersonMention]:
    """The person a former post's role noun opening the sentence stands for, as
    :func:`kg.extract.offices._former_role_subjects` found him ("L'ancien commandant de la marine, aujourd'hui
    à la retraite, remplace Y"), when that role noun ends before the cue."""
    for (person, _office), h in by_key.items():
        for e in h.evidence:
            if e.rule == "former-role-noun" and sent.start_char <= e.start and e.end <= at:
                span = doc.char_span(e.start, e.end, alignment_mode="expand")
                if span is not None:
                    return [PersonMention(span, key=person)]
    return []


ROLE_NOUN_OPENING = 3  # tokens before a role noun that opens its sentence ("L'ancien", "Le nouveau")


def _successor_of_role_noun(doc: Doc, sent: Span, at: int, successor: PersonMention, by_key: dict) -> None:
    """"L'ancien chef d'état-major de la défense, remplacé en octobre par le général X, …": a post
    phrase opening the sentence as its subject, then ", remplacé … par X": X holds that post (the one
    replaced is the role noun's referent, left to the role-noun rules)."""
    cue = _token_at(sent, at)
    if cue is None:
        return
    post = next((p for p in find_posts(doc) if sent.start <= p.span.start <= sent.start + ROLE_NOUN_OPENING
                 and p.span.end < cue), None)
    if post is None or doc[post.span.end].text != "," or people_within(doc, sent.start, post.span.end) \
            or any(t.is_punct and t.text != "," or t.pos_ == "VERB" and t.i != cue
                   for t in doc[post.span.end + 1:cue]):
        return
    office = (post.offices(with_default=True) or [f"?.{post.post_type}"])[0]
    if (successor.key, office) not in by_key:
        by_key[(successor.key, office)] = Holding(successor.key, office, (evidence(sent, "replacement"),))


def _current(doc: Doc, h: Holding) -> bool:
    """A holding neither ended by a date nor told as held before ("qui commandait auparavant …")."""
    return h.end is None and (h.person, _post_type(h.office)) not in notes(doc).former


def _successor_post(by_key: dict, successor: str, at: int) -> str | None:
    """The post a successor takes over in "X devient chef d'état-major, un poste qu'occupait Y" or "X a
    hérité d'un portefeuille que détenait Y": the one told right before the cue, else their one office
    without an end."""
    offices = [o for (p, o) in by_key if p == successor]
    near = [o for o in offices if _stated_just_before(by_key[(successor, o)], at)]
    if len(near) == 1:
        return near[0]
    current = [o for o in offices if by_key[(successor, o)].end is None]
    return current[0] if len(current) == 1 else None


def _post_before_where(doc: Doc, sent: Span, at: int) -> str | None:
    """The post type of the post named right before ", où" when the replacing cue at character ``at``
    is in that relative ("Il occupe le poste de secrétaire du Conseil, où il a remplacé Y"): the post
    changing hands is that one, not another the subject holds."""
    cue = next((t.i for t in sent if t.idx >= at), None)
    if cue is None:
        return None
    where = next((k for k in range(cue - 1, max(sent.start, cue - 5), -1) if fold(doc[k].text) in ("ou", "où")
                  and doc[k - 1].text == ","), None)
    if where is None:
        return None
    posts = [(p.span.end, p.post_type) for p in find_posts(doc) if sent.start <= p.span.start and p.span.end < where]
    # "a envoyé X, jusqu'ici représentant permanent …, aux Affaires étrangères, où il remplace Y": the
    # portfolio X is sent to, named last before the relative, changes hands, not the post X leaves
    posts += [(e, t) for s, e, t in _portfolios_sent_to(doc, sent) if e <= where]
    return max(posts)[1] if posts else ""


def _portfolio_just_before(doc: Doc, sent: Span, at: int) -> str | None:
    """The post type of a portfolio that ends right before the replacing cue at character ``at``, a
    comma between ("a propulsé X, chef d'état-major, aux Forces armées, à la place de Y"): the post
    changing hands is that portfolio, not the one X leaves."""
    cue = _token_at(sent, at)
    if cue is None:
        return None
    k = cue - 1 if cue - 1 >= sent.start and doc[cue - 1].text == "," else cue
    return next((t for s, e, t in _portfolios_sent_to(doc, sent) if e == k and k < cue), None)


def _portfolios_sent_to(doc: Doc, sent: Span) -> list[tuple[int, int, str]]:
    """The portfolios of the sentence someone is sent to: after "à", "au" or "aux" ("aux Affaires
    étrangères", "à la Défense"), not a post's complement ("secrétaire du Conseil de sécurité et de
    défense nationale", "chef d'état-major de la Défense")."""
    out = []
    for start, end, post_type in portfolios_in(doc, sent):
        i = start - 1
        while i > sent.start and fold(doc[i].text) in ("la", "l'", "le", "les"):
            i -= 1
        if i >= sent.start and fold(doc[i].text) in ("a", "au", "aux"):
            out.append((start, end, post_type))
    return out


def _purpose_cue(sent: Span, at: int) -> bool:
    """"Le gouvernement a désigné jeudi X pour succéder à Y": a succession told as the purpose of a
    designation is to come; the designation's day is neither X's start nor Y's end (a date after the
    cue still is: "pour remplacer Y à partir de juillet 2021")."""
    i = _token_at(sent, at)
    return i is not None and i > sent.start and fold(sent.doc[i - 1].text) == "pour" and any(
        fold(t.text) in DESIGNATING for t in sent.doc[max(sent.start, i - PURPOSE_REACH):i - 1])


#: Verbs that choose someone for a post still to take ("désigné pour succéder"); "nommé pour succéder" is
#: an appointment, whose day may well be the start.
DESIGNATING = frozenset(("designe", "designee", "choisi", "choisie", "retenu", "retenue", "propose", "proposee"))
PURPOSE_REACH = 14  # tokens from the designating verb to the "pour" (a date, a rank and a name between)


def _dated_after(doc: Doc, sent: Span, at: int) -> bool:
    """A date stands after the cue at character ``at`` ("pour remplacer Y … à partir de juillet 2021")."""
    return any(s._.date and s.start_char >= at for s in dates_within(doc, sent.start, sent.end))


def _handing_offices(by_key: dict, person: str, doc: Doc, sent: Span, at: int) -> list[str]:
    """The offices a handover told at ``at`` may be about: the person's present ones, or, told in the
    pluperfect ("X, ancien chef d'état-major, … Il avait succédé à Y"), the former ones as well."""
    offices = _offices_of(by_key, person, doc)
    return offices or (_offices_of(by_key, person) if _pluperfect_cue(doc, sent, at) else [])


PLUPERFECT = frozenset(("avait", "avaient"))


def _pluperfect_cue(doc: Doc, sent: Span, at: int) -> bool:
    """The cue at character ``at`` is told in the pluperfect ("Il avait succédé à Y"): a past handover."""
    cue = _token_at(sent, at)
    return cue is not None and any(fold(t.text) in PLUPERFECT for t in doc[max(sent.start, cue - 3):cue])


RELATIVE_DATIVES = ("a qui ", "auquel ", "a laquelle ")  # opening the relative cues of ``term_replace_fr``


def _relative_to_predecessor(doc: Doc, sent: Span, at: int, named: PersonMention) -> bool:
    """"…, à qui elle succède", "…, auquel il a succédé": a relative clause on the name just before it,
    whose subject pronoun stands for the sentence's subject; the name is the one replaced."""
    cue = _token_at(sent, at)
    if cue is None or not fold(doc[cue:cue + 3].text).startswith(RELATIVE_DATIVES):
        return False
    return all(t.text == "," for t in doc[named.span.end:cue])


NAMED_RELATIVE_OPENERS = (("à", "qui"), ("a", "qui"), ("auquel",), ("à", "laquelle"), ("a", "laquelle"))


def _named_relative(doc: Doc, sent: Span, at: int, before: list[PersonMention]) -> bool:
    """"Y, à qui X succède", "Y, auquel X a succédé": a relative clause on the name before last whose
    subject is the last name, right before the cue."""
    cue = _token_at(sent, at)
    if cue is None:
        return False
    one, two = before[-2], before[-1]
    between = tuple(fold(t.text) for t in doc[one.span.end:two.span.start])
    titles = {t.i for s in lex_within(doc, one.span.end, two.span.start, "TITLE") for t in s}
    between = tuple(w for i, w in zip(range(one.span.end, two.span.start), between, strict=True) if i not in titles)
    gap = [t for t in doc[two.span.end:cue] if t.pos_ not in ("AUX", "ADV")]
    return between[:1] == (",",) and between[1:] in NAMED_RELATIVE_OPENERS and not gap


def _token_at(sent: Span, at: int) -> int | None:
    """The first token of the sentence at or after character ``at`` (where a cue found on the folded
    text starts)."""
    return next((t.i for t in sent if t.idx >= at), None)


def _own_subordinate(doc: Doc, sent: Span, at: int, replaced: PersonMention) -> bool:
    """"Le président X a remplacé mercredi son ministre de la Défense, le général Y": the one replaced is
    named as the subject's own subordinate (a possessive and a post before the name), so the subject
    is who made the change, not the successor."""
    cue = _token_at(sent, at)
    if cue is None:
        return False
    dated = {t.i for d in dates_within(doc, cue + 1, replaced.span.start) for t in d}
    words = [t for t in doc[cue + 1:replaced.span.start] if t.i not in dated]
    return bool(words) and fold(words[0].text) in title_cues("possessive_determiners_fr") and any(
        p.span.start == words[0].i + 1 for p in find_posts(doc))


def _date_in_clause(doc: Doc, sent: Span, at: int) -> DateValue | None:
    """The date told in the cue's own clause, between the commas around it, before or after the cue
    ("X, nommé le 17 juillet en remplacement de Y, a reçu jeudi un appel": the 17th, not Thursday).
    Not a "depuis" date, which says how long a state lasted, nor an offset from another event."""
    cue = _token_at(sent, at)
    if cue is None:
        return None
    start = next((t.i + 1 for t in reversed(doc[sent.start:cue]) if t.text in (",", ";", "(")), sent.start)
    end = next((t.i for t in doc[cue:sent.end] if t.text in (",", ";", ")")), sent.end)
    spans = [d for d in dates_within(doc, start, end) if d._.date and not _event_relative(d) and not (
        d.start > 0 and fold(doc[d.start - 1].text) in ("depuis", "des"))]
    return _in_the_future_told(doc, sent, spans[0]._.date) if len(spans) == 1 else None


OVERTHROW_REACH = 3  # tokens of titles between the cue of an overthrow and the ousted one's name


def _overthrown(doc: Doc, sent: Span, by_key: dict) -> None:
    """"Le général X avait pris le pouvoir en août 2023 en renversant Y": the one named right after a
    cue of overthrow (``term_overthrow_fr``) held the head of state's post of the subject before the
    cue, who holds it in the article; Y's term is over, X replaces Y."""
    at = _cue_at(sent, title_cues("term_overthrow_fr"))
    if at is None:
        return
    cue = _token_at(sent, at)
    rest = folded(sent)[at - sent.start_char:]
    said = next((c for c in sorted(title_cues("term_overthrow_fr"), key=len, reverse=True) if rest.startswith(c)), None)
    if cue is None or said is None:
        return  # a cue split by a date or an adverb: left unread
    end = cue + len(said.split())
    ousted = [m for m in people_within(doc, end, min(sent.end, end + OVERTHROW_REACH + 4))
              if not any(t.is_punct or t.pos_ == "VERB" for t in doc[end:m.span.start])]
    before = [m for m in _people_in(doc, sent) if m.span.end_char <= at]
    if not ousted or not before or ousted[0].key == before[-1].key:
        return
    successor, predecessor = before[-1].key, ousted[0].key
    offices = [o for (p, o) in by_key if p == successor and _post_type(o) == "head_of_state"]
    if len(offices) == 1:
        _link(by_key, successor=successor, predecessor=predecessor, office=offices[0], date=None, span=sent)
        notes(doc).former.add((predecessor, "head_of_state"))


INVESTED_WORDS = frozenset(("investi", "investie", "serment", "devenu", "devenue"))  # taking office, no appointer
DEPARTED_REACH = 4  # tokens of titles between "après la mort de" and the name ("du général Y")


def _appointed_after_departure(doc: Doc, sent: Span, by_key: dict) -> None:
    """"X, nommé chef d'état-major après la mort de Y", "X a été nommé ministre des Affaires étrangères,
    une semaine après la démission de Y": an appointment told with the departure it follows names the
    predecessor.  Only when the sentence appoints (an appointing verb before the cue) and exactly one
    post was told in it between the verb and the cue, for someone other than Y: that post changes hands
    (not the appointer's own, "Le Premier ministre X a nommé … après la démission de Y")."""
    at = _cue_at(sent, title_cues("term_after_departure_fr"))
    if at is None or _cue_at(sent, title_cues("term_replace_fr")) is not None:
        return
    verbs = title_cues("appoint_verbs_fr") | INVESTED_WORDS  # "a prêté serment comme …, après la démission de Y"
    verb = next((t.idx for t in sent if t.idx < at and fold(t.text) in verbs), None)
    if verb is None:
        return
    after = _departed_named(doc, sent, at)
    if not after:
        return
    predecessor = after[0].key
    given = {(p, o) for (p, o), h in by_key.items() if p != predecessor and not h.replaces
             and any(sent.start_char <= e.start and verb < e.end <= at for e in h.evidence)}
    date = None
    if not given:  # "Le Premier ministre X, nommé en février après le limogeage de Y": the post told of X before
        given = _appointee_post_before(doc, sent, verb, by_key, predecessor)
        dated = [d for d in dates_within(doc, sent.start, sent.end) if d._.date and verb <= d.start_char < at]
        date = dated[0]._.date if len(dated) == 1 else None  # the appointment's day is the handover's
    if not given:  # "Il avait été nommé à la Primature …, après le limogeage de Y": the portfolio's one holder
        given = _portfolio_holder_between(doc, sent, verb, at, by_key, predecessor)
    if len(given) == 1:
        successor, office = given.pop()
        _link(by_key, successor=successor, predecessor=predecessor, office=office, date=date, span=sent)


def _portfolio_holder_between(doc: Doc, sent: Span, verb: int, at: int, by_key: dict, predecessor: str) -> set:
    """The post an appointment names as a portfolio between its verb at character ``verb`` and the
    departure cue at ``at`` ("nommé à la Primature …, après le limogeage de Y"), held in the article by
    exactly one person other than Y: that person's office changes hands."""
    types = {t for s, e, t in portfolios_in(doc, sent) if verb < doc[s].idx and doc[e - 1].idx < at}
    if len(types) != 1:
        return set()
    post_type = types.pop()
    found = {(p, o) for (p, o), h in by_key.items() if p != predecessor and not h.replaces
             and o.partition(".")[2] == post_type}
    return found if len({p for p, _ in found}) == 1 else set()


APPOINTEE_REACH = 3  # tokens between the appointee's name and the appointing participle (", nommé", "a été nommé")


def _appointee_post_before(doc: Doc, sent: Span, verb: int, by_key: dict, predecessor: str) -> set:
    """The one post the sentence gives, before the appointing word at character ``verb``, to the person
    named right before that word: the post an appointment after a departure hands over."""
    named = [m for m in _people_in(doc, sent) if m.span.end_char <= verb]
    if not named or named[-1].key == predecessor:
        return set()
    last = named[-1]
    k = _token_at(sent, verb)
    if k is None or len(doc[last.span.end:k]) > APPOINTEE_REACH or k == 0 \
            or fold(doc[k - 1].text) not in (",", "ete", "est", "etait", "fut"):
        return set()  # "Le Premier ministre X a nommé … après la démission de Y": X appoints, holds nothing of Y's
    return {(p, o) for (p, o), h in by_key.items() if p == last.key and not h.replaces
            and any(sent.start_char <= e.start and e.end <= verb for e in h.evidence)}


def _departed_keys(doc: Doc, sent: Span) -> set[str]:
    """The people the sentence names right after a departure cue ("après le limogeage de Y")."""
    at = _cue_at(sent, title_cues("interim_since_departure_fr") | title_cues("term_after_departure_fr"))
    return {m.key for m in _departed_named(doc, sent, at)} if at is not None else set()


def _departed_named(doc: Doc, sent: Span, at: int) -> list:
    """The people named just after the "de" of a departure cue at character ``at`` ("après la démission
    de Y", "depuis le départ du général Y")."""
    cue_end = next((t.i for t in sent if t.idx >= at and fold(t.text) in ("de", "du", "d'")), None)
    return people_within(doc, cue_end + 1, min(sent.end, cue_end + 1 + DEPARTED_REACH)) if cue_end else []


def _interim_of_the_departed(doc: Doc, sent: Span, by_key: dict) -> None:
    """"L'amiral X, qui assurait l'intérim depuis le départ du général Y, …": an interim told with no
    post of its own is of the post Y left, when Y holds exactly one known office; X held it (the end
    comes from the successor's start, :func:`_interims_ended`)."""
    at = _cue_at(sent, title_cues("interim_cues_fr"))
    since = _cue_at(sent, title_cues("interim_since_departure_fr"))
    if at is None or since is None or since < at:
        return
    departed = _departed_named(doc, sent, since)
    acting = [m for m in _people_in(doc, sent) if m.span.end_char <= at]
    if not departed or not acting or acting[-1].key == departed[0].key:
        return
    offices = _offices_of(by_key, departed[0].key, doc)
    offices = offices or [o for (p, o) in by_key if p == departed[0].key]
    if len(set(offices)) != 1 or (acting[-1].key, offices[0]) in by_key:
        return
    by_key[(acting[-1].key, offices[0])] = Holding(acting[-1].key, offices[0], (evidence(sent, "interim"),))


def _departed_before_an_interim(doc: Doc, sent: Span, by_key: dict) -> None:
    """"Le ministère est dirigé par intérim depuis décembre par X, après la démission de Y", "X dirige
    le ministère par intérim depuis la démission de Y": an interim told with its post, in the sentence
    of the departure it follows, is of the post Y left; Y held it, until the one date the sentence
    gives (none when it gives none or several).  Only when the interim is of exactly one office."""
    at = _cue_at(sent, title_cues("interim_since_departure_fr") | title_cues("term_after_departure_fr"))
    if at is None:
        return
    departed = _departed_named(doc, sent, at)
    if not departed:
        return
    gone = departed[0].key
    acting = {o for (p, o), h in by_key.items() if p != gone and _acting(doc, h)
              and any(sent.start_char <= e.start < sent.end_char for e in h.evidence)}
    if not acting and sent.start > 0 and fold(sent[0].text) in ("il", "elle"):
        told = doc[sent.start - 1].sent  # "Le ministre … par intérim, X, a présidé …. Il assure l'intérim depuis
        acting = {o for (p, o), h in by_key.items() if p != gone and _acting(doc, h)  # le départ de Y"
                  and any(told.start_char <= e.start < told.end_char for e in h.evidence)}
    if len(acting) != 1:
        return
    office = acting.pop()
    if any(p == gone and _post_type(o) == _post_type(office) for (p, o) in by_key):
        return
    dates = [d._.date for d in dates_within(doc, sent.start, sent.end) if d._.date]
    by_key[(gone, office)] = Holding(gone, office, (evidence(sent, "interim-departed"),),
                                     end=dates[0] if len(dates) == 1 else None)


def _sought(doc: Doc, at: int) -> bool:
    """The cue at character ``at`` is governed by a word of candidacy ("pressenti pour succéder")."""
    token = next((t for t in doc if t.idx >= at), None)
    return token is not None and sought_before(doc, token.i)


def _fronted_successor(doc: Doc, sent: Span, at: int) -> list[PersonMention]:
    """"Nommée à ce poste en remplacement de Y, Mme X a salué …": a sentence opening on an appointing
    participle whose clause holds the cue is about the name after its comma, the successor
    (:func:`kg.extract.portfolios.fronted_subject`)."""
    cue = _token_at(sent, at)
    subject = fronted_subject(doc, sent, cue) if cue is not None else None
    return [subject] if subject is not None else []


PAR_REACH = 8  # words of an apposition between the one replaced and the "par" of their successor


def _par_after_replaced(doc: Doc, sent: Span, at: int, after: list[PersonMention]) -> int | None:
    """The "par" of "a remplacé Y par X": after the name of the one replaced, maybe past an apposition
    with no verb ("a remplacé Y, chef de la marine, par X").  A "par" after a verb opens someone
    else's agent phrase ("succédant à Y, lors d'une cérémonie présidée par le ministre X", "en
    remplacement de Y, limogé par le président X"): X replaces nobody there."""
    for m in after:
        for t in doc[m.span.end:min(sent.end, m.span.end + PAR_REACH)]:
            if fold(t.text) == "par":
                return t.i
            if t.pos_ in ("VERB", "AUX") or people_within(doc, t.i, t.i + 1):
                break
    return None


def _successor_of_pronoun(doc: Doc, sent: Span, by_key: dict) -> None:
    """"Pour lui succéder, Z a désigné X", "Il a nommé pour la remplacer X": the one appointed (the
    first name after the appointing verb) takes the office of the person the pronoun stands for, the
    one whose departure the text told last in this sentence or the one before
    (:func:`kg.extract.offices.leaver`), else the last person named when a departure of theirs was told
    earlier, when that person holds exactly one known office.  Nothing when the sentence names nobody
    after the verb or no departure was told."""
    at = _cue_at(sent, title_cues("term_replace_pronoun_fr"))
    if at is None:
        return
    verb = next((t for t in sent if fold(t.text) in title_cues("appoint_verbs_fr")), None)
    if verb is None:
        return
    appointed = [m for m in _people_in(doc, sent) if m.span.start > verb.i and m.span.start_char > at]
    cue = _token_at(sent, at)
    if cue is None:
        return
    leaving = leaver(doc, sent, cue)  # whose departure was told last: "X a remis sa démission à la présidente Y.
    before = people_within(doc, max(0, sent.start - 80), sent.start)  # Pour prendre sa suite, …": X, not Y
    if leaving is None and before and any(_departing(doc, m) for m in before if m.key == before[-1].key):
        leaving = before[-1]  # further back: the last person named, whose departure was told before
    if not appointed or leaving is None:
        return
    predecessor = leaving.key
    offices = _offices_of(by_key, predecessor, doc) + [o for (p, o) in by_key if p == predecessor
                                                       and o not in _offices_of(by_key, predecessor)]
    if len(set(offices)) != 1 or appointed[0].key == predecessor:
        return
    _link(by_key, successor=appointed[0].key, predecessor=predecessor, office=offices[0], date=None, span=sent)


def _departing(doc: Doc, m: PersonMention) -> bool:
    """The mention is of the one whose departure its sentence tells: named after a departure cue
    ("a limogé son ministre, X", "le départ du général X"), or before a cue whose subject departs ("X a
    quitté ses fonctions", "X a été limogé"), with no other name in between."""
    sent = m.span.sent
    at = _cue_at(sent, title_cues("term_departure_fr"))
    if at is None:
        return False
    if m.span.start_char > at:
        return True
    subject_at = _cue_at(sent, title_cues("term_departure_subject_fr"))
    between = [p for p in _people_in(doc, sent) if m.span.end_char <= p.span.start_char < (subject_at or 0)]
    return subject_at is not None and subject_at > m.span.start_char and not between


def _about_predecessor(doc: Doc, sent: Span, predecessor: PersonMention, date: DateValue | None) -> bool:
    """"X remplace Y, démis de ses fonctions en octobre": a date in an incise after the predecessor's
    name tells when the predecessor left, not when the successor came."""
    if date is None:
        return False
    spans = [s for s in dates_within(doc, sent.start, sent.end) if s._.date == date]
    return any(s.start > predecessor.span.end and "," in [t.text for t in doc[predecessor.span.end:s.start]]
               for s in spans)


def _pronoun_subject(doc: Doc, sent: Span, at: int, by_key: dict) -> list[PersonMention]:
    """"… Il succède à Y", "… Elle remplace Y": a subject pronoun that opens the sentence stands for
    the last person named before it, when that person holds exactly one known post (the appointee
    the previous sentence was about); anyone else, or nobody, when that is not so."""
    demonstrative = demonstrative_subject(doc, sent)
    if demonstrative is not None:  # "Ce dernier, nommé …, a succédé à Y": the last person named, always
        return [demonstrative] if demonstrative.span.start_char < at else []
    continued = continued_subject(doc, sent)  # "X … Porte-parole …, l'ancien sénateur défend Y. Il a succédé à Z"
    if continued is not None and continued.span.start_char < at and sent.start > 0 and (
            continued.span.start > sent.start  # "Ancien député, il remplace Z": past an opening apposition
            or fold(continued.span[0].text) not in ("il", "elle")  # "Le quinquagénaire succède à Z": an epithet
            or continued_subject(doc, doc[sent.start - 1].sent) is not None):  # a chain of stand-ins: one story
        offices = _handing_offices(by_key, continued.key, doc, sent, at)  # the subject continued, not Y
        several = len(offices) > 1 and _appointed_office(doc, by_key, continued.key, sent) is not None
        return [continued] if len(offices) == 1 or several else []
    words = fold(doc[sent.start:sent.start + 2].text).split()
    pronoun = bool(words) and (words[0] in ("il", "elle") or _epithet_subject(sent, at))
    title = _role_subject(doc, sent, at) if words and not pronoun else None
    if not words or not (pronoun or title) or at - sent.start_char > 120:
        return []
    last = next((m for m in reversed(people_within(doc, 0, sent.start)) if not _passive_agent(doc, m)), None)
    if last is not None:  # "M. X, frère du président Y, détient … Il y a succédé à Z": not Y
        owner = apposition_owner(doc, last.span.sent, people_within(doc, last.span.sent.start, last.span.end))
        if owner is None:
            return []
        last = owner
    if title and _outgoing_role(sent):  # "La ministre sortante, en poste depuis …": the one a successor replaced
        left = {h.replaces for h in by_key.values() if h.replaces}
        gone = [m for m in reversed(people_within(doc, 0, sent.start)) if m.key in left]
        last = gone[0] if gone and len(left) == 1 else last
    if pronoun and words[0] not in ("il", "elle"):  # an epithet ("Cet avocat de formation") names the previous subject
        last = _subject_before(doc, sent) or last
    elif pronoun and last is not None:  # "Le patron du Centcom, l'amiral X, a pris ses fonctions en présence du
        last = _subject_over_aside(doc, sent, last) or last  # secrétaire à la Guerre, Y. Il succède à Z": X
    offices = _handing_offices(by_key, last.key, doc, sent, at) if last is not None else []
    if last is not None and not offices:  # "M. X a battu Y. Il succède à Z": the subject before, not Y
        last = _subject_before(doc, sent)
        offices = _handing_offices(by_key, last.key, doc, sent, at) if last is not None else []
    if last is not None and len(offices) > 1 and _appointed_office(doc, by_key, last.key, sent) is not None:
        return [last]  # "A a nommé X, chef de l'armée de terre, ministre de la Défense. Il remplace Y"
    if last is not None and len(offices) > 1:  # "M. X avait tenu la Défense de 2005 à 2007. Il a remplacé Z"
        current = [o for o in offices if _current(doc, by_key[(last.key, o)])]
        offices = current if len(current) == 1 else offices
    linked = _linked_post(doc, sent, at) if last is not None and len(offices) > 1 else None
    if linked is not None:  # "Il cède son fauteuil de Premier ministre à Y": the one post the sentence names
        offices = [o for o in offices if _post_type(o) == _post_type(linked)] or offices
    if last is not None and len(offices) > 1 and _this_post_after(doc, sent, at):
        near = [o for o in offices if _stated_just_before(by_key[(last.key, o)], at)]
        offices = near if len(near) == 1 else offices  # "… nommé X ministre de la Défense. Il remplace à ce poste Y"
    if last is None or len(offices) != 1:
        return []
    if title and title not in _title_words().get(_post_type(offices[0]), frozenset()):
        return []  # "Le ministre" does not stand for the last person named if that is the Premier ministre
    named = _role_subject_type(doc, sent, at) if title else None
    if named is not None and _post_type(offices[0]) != named:  # "X (Défense) et Y (Affaires étrangères).
        holder = next((m for m in reversed(people_within(doc, 0, sent.start))  # La ministre de la Défense …"
                       if [_post_type(o) for o in _offices_of(by_key, m.key, doc)] == [named]), None)
        return [holder] if holder is not None else []
    return [last]


EPITHET_REACH = 8  # tokens of a demonstrative epithet subject before its verb ("Cet ancien pilote de chasse")


def _epithet_subject(sent: Span, at: int) -> bool:
    """"Cet ancien pilote de F-16 succède à Y", "Cette diplomate de carrière remplace Y": a demonstrative
    noun phrase opening the sentence and running straight into the cue (no verb before it) is an epithet
    for the person the text is about, as "il" would be."""
    if fold(sent[0].text) not in title_cues("epithet_determiners_fr"):
        return False
    lead = [t for t in sent[1:EPITHET_REACH + 1] if t.idx < at]
    return bool(lead) and len(lead) < EPITHET_REACH and any(t.pos_ == "NOUN" for t in lead) \
        and not any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") for t in lead)


def _role_subject_type(doc: Doc, sent: Span, at: int) -> str | None:
    """The post type of the post phrase a role-noun subject opens the sentence with, before the cue
    ("La ministre de la Défense, en poste depuis juin 2018, …"), if it names one."""
    return next((p.post_type for p in find_posts(doc) if sent.start <= p.span.start < sent.start + 5
                 and p.span.start_char < at and p.post_type), None)


AGENT_REACH = 6  # words of a title between "par" and the name of a passive's agent


def _passive_agent(doc: Doc, m: PersonMention) -> bool:
    """The name is a passive's agent ("X a été nommée … par le Premier ministre Y"): it names who acted
    on the subject, and a pronoun opening the next sentence ("Elle remplace Z") still stands for X."""
    lead = list(doc[max(m.span.sent.start, m.span.start - AGENT_REACH):m.span.start])
    at = next((k for k in range(len(lead) - 1, -1, -1) if fold(lead[k].text) == "par"), None)
    return at is not None and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in lead[at + 1:])


#: Words of an aside that names someone beside the subject ("en présence du secrétaire Y", "aux côtés de Y").
ASIDE_WORDS = frozenset(("presence", "cotes", "accompagne", "accompagnee", "entoure", "entouree"))
ASIDE_REACH = 12  # tokens between an aside's word and the name it introduces ("du secrétaire à la Guerre, Y")


def _subject_over_aside(doc: Doc, sent: Span, last: PersonMention) -> PersonMention | None:
    """The subject of the sentence before (a name, or one apposed to a role noun: "Le patron du Centcom,
    l'amiral X, a pris …") when the last person named there stands in an aside ("en présence du secrétaire
    à la Guerre, Y", "aux côtés de Y"): a subject pronoun opening the next sentence continues that subject."""
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if not (before.start <= last.span.start < before.end):
        return None
    lead = doc[max(before.start, last.span.start - ASIDE_REACH):last.span.start]
    aside = next((t.i for t in reversed(lead) if fold(t.text) in ASIDE_WORDS), None)
    if aside is None or any(t.pos_ in ("VERB", "AUX") for t in doc[aside + 1:last.span.start]):
        return None
    subjects = {m.key: m for m in people_within(doc, before.start, aside)
                if m.key != last.key and _head_dep(m) in ("nsubj", "nsubj:pass")}
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _head_dep(m: PersonMention) -> str:
    """The dependency of a name, through its parts and an apposition to a noun ("l'amiral X": "amiral"'s)."""
    head = m.span.root
    while head.dep_ in ("flat:name", "appos") and head.head is not head:
        head = head.head
    return head.dep_


def _subject_before(doc: Doc, sent: Span) -> PersonMention | None:
    """The person named as the subject of the sentence just before ``sent`` (the name's head is its
    verb's subject), if one is."""
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    for m in people_within(doc, before.start, before.end):
        head = m.span.root
        while head.dep_ == "flat:name" and head.head is not head:
            head = head.head
        if head.dep_ in ("nsubj", "nsubj:pass"):
            return m
    return None


def _post_type(office: str) -> str:
    country, _, rest = office.partition(".")
    return rest if country == "?" else load_lexicon().office(office).type


@cache
def _title_words() -> dict[str, frozenset[str]]:
    """Post type -> the words its French wordings open with ("ministre", "secrétaire", "chef")."""
    lexicon = load_lexicon()
    out: dict[str, set[str]] = {}
    for phrase in lexicon.phrases:
        if phrase.label not in ("POST", "OFFICE", "OFFICE_WEAK") or not phrase.text.strip():
            continue
        kind = lexicon.offices[phrase.id].type if phrase.id in lexicon.offices else phrase.id
        out.setdefault(kind, set()).add(fold(phrase.text).split()[0])
    return {k: frozenset(v) for k, v in out.items()}


#: Words that may stand between the article and the title of a role-noun subject ("La nouvelle ministre").
ROLE_SUBJECT_LEADS = ("ex", "-", "nouveau", "nouvelle", "ancien", "ancienne", "futur", "future")


def _role_subject(doc: Doc, sent: Span, at: int) -> str | None:
    """The title word of a definite title opening the sentence as its subject ("Le ministre succède à
    Y", "L'ex-ministre du Travail … succède à Y"), before the cue: it stands for the person the
    article is about, as a pronoun would.  None when the sentence does not open so."""
    if fold(sent[0].text) not in ("le", "la", "l'"):
        return None
    heads = {fold(h) for h in load_lexicon().titles.get("post_heads_fr", ())}
    for token in sent[1:5]:
        if token.idx >= at:
            return None
        word = fold(token.text)
        word = word[3:] if word.startswith("ex-") else word
        if word in heads:
            return word
        if word not in ROLE_SUBJECT_LEADS:
            return None
    return None


def _office_in(doc: Doc, sent: Span, at: int, by_key: dict, successor: str, predecessor: str,
               role_subject: bool = False) -> str | None:
    """The office changing hands: the predecessor's one known office (of several, the one they are
    leaving: not one they were just given in someone's place, "Y remplace Z à la Défense … X succède
    à Y"), else a post the sentence links to the cue ("pour remplacer Y au poste de …", "en tant que
    …"), else the successor's one known office.  Never just any post of the sentence."""
    linked = _linked_post(doc, sent, at) or _portfolio_after_name(doc, sent, predecessor)
    if linked and linked.startswith("?."):  # the portfolio's country: that of the post either of them holds
        placed = {o for (p, o) in by_key if p in (successor, predecessor) and _post_type(o) == _post_type(linked)
                  and not o.startswith("?.")}
        linked = placed.pop() if len(placed) == 1 else linked
    if linked:  # "X a succédé à Y comme ministre des Affaires étrangères", "… à Y à la tête de l'armée": the
        return linked  # sentence says which (not the other post Y holds now)
    held = {person: _handing_offices(by_key, person, doc, sent, at) for person in (successor, predecessor)}
    if role_subject:  # "L'ancien chef d'état-major, …, remplace Y": not the post the role noun says he held
        former = notes(doc).former
        held[successor] = [o for o in held[successor] if (successor, _post_type(o)) not in former]
    held[predecessor] = held[predecessor] or _offices_of(by_key, predecessor)  # "le chancelier sortant X a cédé …"
    held[predecessor] = [o for o in held[predecessor] if not _taken_in(doc, sent, at, by_key[(predecessor, o)])]
    if len(held[successor]) == 1 and _this_post_after(doc, sent, at):  # "Le technocrate remplace à ce poste Y":
        this = held[successor][0]  # the post just told of the successor, unless Y is known by others only
        return this if not held[predecessor] or this in held[predecessor] else None
    if len(held[predecessor]) == 1:
        return held[predecessor][0]
    told_here = [o for o in held[predecessor] if any(sent.start_char <= e.start and e.end <= at
                                                     for e in by_key[(predecessor, o)].evidence)]
    if len(told_here) == 1 and _this_post_after(doc, sent, at):  # "L'ancien ministre de la Défense, remplacé à
        return told_here[0]  # ce poste par Y": the post the sentence gives the one replaced, before the cue
    leaving = [o for o in held[predecessor] if not by_key[(predecessor, o)].replaces]
    if len(held[predecessor]) > 1 and len(leaving) == 1:
        return leaving[0]
    linked = _portfolio_after_name(doc, sent, predecessor)
    if linked:
        return linked
    if not held[predecessor] and len(held[successor]) == 1:
        return _elect_to_office(held[successor][0])
    appointed = _appointed_office(doc, by_key, successor, sent) if not held[predecessor] else None
    if appointed is not None:
        return appointed
    current = [o for o in held[successor] if _current(doc, by_key[(successor, o)])]
    if not held[predecessor] and len(held[successor]) > 1 and len(current) == 1:
        return _elect_to_office(current[0])  # "… après avoir dirigé la Défense de 2021 à 2023. Elle a succédé à Y"
    near = [o for o in held[successor] if _stated_just_before(by_key[(successor, o)], at)]
    if not held[predecessor] and len(near) == 1:  # "X prend la tête du ministère de la Défense à la place de Y"
        return _elect_to_office(near[0])
    return None


THIS_POST_REACH = 5  # tokens after a replacement cue where "à ce poste" may stand


def _this_post_after(doc: Doc, sent: Span, at: int) -> bool:
    """"X remplace à ce poste Y", "succède à ce poste à Y": the cue names the post by a demonstrative
    (``post_anaphors_fr``), the one the text just gave the successor."""
    words = " ".join(fold(t.text) for t in sent if t.idx >= at)
    head = " ".join(words.split()[:THIS_POST_REACH])
    return any(f" {a} " in f" {head} " for a in title_cues("post_anaphors_fr"))


def _taken_in(doc: Doc, sent: Span, at: int, h: Holding) -> bool:
    """The holding is told in this sentence, after the cue, as a post taken ("X a succédé à Y, devenu
    secrétaire du Conseil de sécurité", "… à Y, nommé ambassadeur") or still held ("… à son père, Y, qui
    préside désormais le Sénat et reste le chef du parti"): the one replaced moved to it or keeps it, so
    it is not the office changing hands."""
    taking = _taking_words() | title_cues("still_holding_fr")
    for e in h.evidence:
        if not at <= e.start < sent.end_char:
            continue
        words = [fold(t.text) for t in doc[sent.start:sent.end] if at <= t.idx < e.end]
        if taking & set(words):
            return True
    later = [e for e in h.evidence if e.start >= sent.end_char]
    return bool(later) and len(later) == len(h.evidence) and all(_told_as_taken(doc, e.start, e.end) for e in later)


TAKING_HEAD_VERBS = frozenset(("prend", "prendra", "reprend", "reprendra"))


def _taking_words() -> frozenset[str]:
    """The words that tell a post being taken: becoming ("devenu"), appointing ("nommé") or taking the head of
    a body ("qui prend la tête du Conseil de sécurité")."""
    return title_cues("become_verbs_fr") | title_cues("appoint_verbs_fr") | TAKING_HEAD_VERBS


def _told_as_taken(doc: Doc, start: int, end: int) -> bool:
    """A post told after the handover as one its holder is given ("X succède à Y. M. Y a été nommé
    secrétaire du Conseil de sécurité"): an appointing or becoming word before it in its sentence,
    not in the pluperfect ("Y avait été nommé ministre en 2022" tells the office Y leaves)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = {fold(t.text) for t in doc[span.sent.start:span.end]}
    taking = _taking_words()
    return bool(taking & words) and not words & {"avait", "avaient", "etait", "etaient"}


def _appointed_office(doc: Doc, by_key: dict, person: str, sent: Span) -> str | None:
    """The office the sentence before ``sent`` appoints the person to, when they hold several: that
    sentence names them after an appointing verb ("a nommé X, chef de l'armée de terre, ministre de la
    Défense", "a choisi X ... pour diriger le ministère de la Défense"), and the office stated last
    there is the new one; the others are the posts they leave."""
    named = [m for m in people_within(doc, max(0, sent.start - 80), sent.start) if m.key == person]
    if not named:
        return None
    before = named[-1].span.sent
    verbs = title_cues("appoint_verbs_fr")
    if not any(fold(t.text) in verbs for t in doc[before.start:named[-1].span.start]):
        return None
    ends = {o: max(e.end for e in by_key[(person, o)].evidence if before.start_char <= e.start < before.end_char)
            for o in _offices_of(by_key, person, doc)
            if any(before.start_char <= e.start < before.end_char for e in by_key[(person, o)].evidence)}
    if len(ends) < 2:
        return None
    last = max(ends.values())
    latest = [o for o, end in ends.items() if end == last]
    return latest[0] if len(latest) == 1 else None


def _portfolio_after_name(doc: Doc, sent: Span, person: str) -> str | None:
    """"Y a succédé à X au ministère des Armées": the portfolio right after the predecessor's name."""
    named = [m for m in _people_in(doc, sent) if m.key == person]
    return portfolio_after(doc, sent, named[-1].span.end) if named else None


def _elect_to_office(office: str) -> str:
    """A president-elect succeeds a president: the office changing hands is the presidency."""
    country, _, post_type = office.partition(".")
    return f"{country}.head_of_state" if post_type == "president_elect" else office


def _stated_just_before(h: Holding, at: int) -> bool:
    return any(0 <= at - e.end <= 12 for e in h.evidence)


def _offices_of(by_key: dict, person: str, doc: Doc | None = None) -> list[str]:
    """The person's offices, an unknown-country one dropped when the same post is known with its
    country, and (given the doc) the posts the text says they held before ("ancien", "jusqu'ici")."""
    outgoing = notes(doc).outgoing if doc is not None else set()
    offices = [o for (p, o) in by_key if p == person and (person, o.partition(".")[2]) not in outgoing]
    known = {o.partition(".")[2] for o in offices if not o.startswith("?.")}
    return [o for o in offices if not (o.startswith("?.") and o[2:] in known)]


def _linked_post(doc: Doc, sent: Span, at: int) -> str | None:
    for post in find_posts(doc):
        if not (sent.start <= post.span.start < sent.end) or post.span.start_char < at:
            continue
        lead = fold(doc[max(sent.start, post.span.start - 4):post.span.start].text)
        offices = post.offices(with_default=True) or [f"?.{post.post_type}"]
        if any(lead.endswith(c) for c in title_cues("term_post_links_fr")):
            return offices[0]
    return None


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


def _active(sent: Span, at: int) -> bool:
    """The cue is a transitive verb in the active voice ("a limogé Y", "ont nommé Y"), not a
    passive ("a été limogé") nor an intransitive one ("a pris ses fonctions")."""
    before = fold(sent.text[:at - sent.start_char]).split()
    after = fold(sent.text[at - sent.start_char:])
    transitive = any(after.startswith(c) for c in title_cues("term_object_cues_fr"))
    return transitive and bool(before) and before[-1] in ("a", "ont", "avait", "avaient")


def _plural_at(sent: Span, at: int) -> bool:
    token = next((t for t in sent if t.idx <= at < t.idx + len(t.text)), None)
    return token is not None and "Plur" in token.morph.get("Number")


OUTGOING_WORDS = frozenset(("sortant", "sortante", "sortants", "sortantes"))


def _outgoing_role(sent: Span) -> bool:
    """The sentence opens on an outgoing holder's role noun ("La ministre sortante", "Le chef d'état-major
    sortant"): it stands for the one replaced, not for the newcomer named last."""
    return any(fold(t.text) in OUTGOING_WORDS for t in sent[:6])


PASSIVE_SPLIT = re.compile(r"^remplace(?:e|s|es)?\s+(?:[^\s,;.]+\s+){1,6}?par\s")


def _passive_with_words_between(sent: Span, at: int) -> bool:
    """A passive participle of "remplacer" at character ``at`` whose "par" comes a few words later, after a
    date or a portfolio ("a été remplacée lundi à la Défense par Y"), with no comma between."""
    doc = sent.doc
    cue = _token_at(sent, at)
    hit = PASSIVE_SPLIT.match(fold(doc.text[at:at + 80]))
    if hit is None or cue is None or cue == sent.start or fold(doc[cue - 1].text) not in PASSIVE_AUXILIARIES:
        return False
    par = next((t.i for t in doc[cue + 1:sent.end] if fold(t.text) == "par"), None)
    if par is None or people_within(doc, cue + 1, par):
        return False
    return all(t.i in allowed for t in doc[cue + 1:par]) if (allowed := _split_words(doc, sent)) else False


def _split_words(doc: Doc, sent: Span) -> set[int]:
    """Tokens that may split a passive from its "par": dates, adverbs, and a portfolio it is sent to with its
    "à"/"au" ("remplacée lundi à la Défense par"), not an idiom ("remplacé au pied levé par")."""
    out = {t.i for s in dates_within(doc, sent.start, sent.end) for t in s} | {t.i for t in sent if t.pos_ == "ADV"}
    for start, end, _type in _portfolios_sent_to(doc, sent):
        i = start - 1
        while i > sent.start and fold(doc[i].text) in ("la", "l'", "le", "les"):
            i -= 1
        out |= set(range(i, end))
    return out


def _split_portfolio(doc: Doc, sent: Span, at: int) -> str | None:
    """The post type of the portfolio between a split passive and its "par" ("remplacé au Foreign Office
    par Y"): the post changing hands."""
    cue = _token_at(sent, at)
    if cue is None:
        return None
    par = next((t.i for t in doc[cue + 1:sent.end] if fold(t.text) == "par"), None)
    return next((t for s, _e, t in _portfolios_sent_to(doc, sent) if par is not None and cue < s < par), None)


PASSIVE_AUXILIARIES = frozenset(("ete", "est", "sont", "sera", "seront", "etait", "etaient"))


def _passive_cue(sent: Span, at: int) -> bool:
    """The replacing cue at character ``at`` is a passive one ("remplacé par", "remplacée à ce poste par"),
    not a handing over by its subject ("cède sa place à", "passe le relais à")."""
    return fold(sent.doc.text[at:at + 10]).startswith("remplace")


def _agent(doc: Doc, m: PersonMention, at: int) -> bool:
    """The name is the agent of a passive cue: "par" (maybe "son prédécesseur,") before it, after the cue."""
    lead = [t for t in doc[max(0, m.span.start - 4):m.span.start] if t.idx > at]
    return any(fold(t.text) == "par" for t in lead)


def _starts_and_ends(doc: Doc, sent: Span, by_key: dict) -> None:
    for cues, field in ((title_cues("term_start_fr"), "start"), (title_cues("term_end_fr"), "end")):
        at = _cue_at(sent, cues)
        if at is None or _cue_at(sent, title_cues("term_replace_fr")) is not None:
            continue
        people = _people_in(doc, sent)
        if _active(sent, at):  # "X a limogé Y", "X a nommé Y": the term is Y's, never X's
            people = [m for m in people if m.span.start_char > at][:1]
        genitive = _genitive_of_noun_cue(doc, sent, at)
        if genitive is not None:  # "X assurera l'intérim jusqu'à la prise de fonctions de Y": Y's start, not X's
            people = [m for m in people if genitive[0] is not None and m.key == genitive[0].key]
        people = [m for m in people if not _agent(doc, m, at)]  # "nommés par X": X appointed them
        people = [m for m in people if not (m.span.start_char > at and reported_speaker(m.span))]
        if _plural_at(sent, at):  # "les chefs militaires nommés par …": nobody's term in particular
            continue
        date = _date_after(doc, sent, at, skip_since=not _since_cue(sent, at))
        if date is not None and _after_another_event(doc, sent, at, date):
            date = None  # "ne prendra ses fonctions qu'après son audition, prévue le mois prochain"
        if date is not None and field == "start" and _until_before(sent, at, date):
            date = None  # "a prêté serment comme chef de l'État par intérim, jusqu'aux élections d'avril 2026"
        people = [m for m in people if not _beyond_semicolon(doc, sent, at, m)]
        if field == "start" and _titular_cue(sent, at):  # "le ministère …, dont il est le titulaire depuis 2019":
            people = [m for m in people if _portfolio_holder_in(by_key, m.key, sent)]  # its head, no one else
        if field == "start":  # "Il avait été nommé en novembre, après le limogeage de Y": Y's term ends, not starts
            people = [m for m in people if m.key not in _departed_keys(doc, sent)]
        if _pronoun_opens(sent, at) and not _active(sent, at):  # "Il prendra ses fonctions le 6 mai, jour de …
            people = _pronoun_subject(doc, sent, at, by_key)  # l'élection de Y": the subject, not a name after
        if not people and not _active(sent, at) and _new_holder_subject(sent):
            people = _successor_before(doc, sent, at, by_key)
        elif not people and not _active(sent, at):  # "Elle prendra ses fonctions le 1er août": the appointee before
            people = _pronoun_subject(doc, sent, at, by_key)
        if not people or date is None:
            continue
        person = min(people, key=lambda m: abs(m.span.start_char - at)).key
        offices = [office for (p, office) in by_key if p == person and not office.endswith(".president_elect")]
        if len(offices) > 1:  # "X, chef de la diplomatie, a été nommé mercredi vice-Premier ministre"
            told = _post_type_after(doc, sent, at)
            offices = [o for o in _offices_of(by_key, person) if _post_type(o) == told]
        if len(offices) == 1:
            h = by_key[(person, offices[0])]
            if getattr(h, field) is None:
                by_key[(person, offices[0])] = replace(h, **{field: date}, evidence=_merge(
                    h.evidence, (evidence(sent, f"term-{field}"),)))


#: The words of a verbless incise that says since when (", en poste depuis", ", à ce poste depuis"); a relative in the
#: imperfect (", qui occupait ce poste depuis 2021") tells how long a predecessor held it and is left alone.
SINCE_INCISE_WORDS = frozenset(("ce", "poste", "fonction", "fonctions", "en", "a", "place"))
SINCE_INCISE_REACH = 4  # words between the comma after a name and "depuis" ("en poste", "à ce poste")


def _since_after_name(doc: Doc, sent: Span, by_key: dict) -> None:
    """"Il succède à Y, en poste depuis février 2019", "… remplace Y, en fonctions depuis 2018": a verbless
    incise set off right after a name that says since when they are or were in post ("en poste", "en
    fonctions", "à ce poste", then "depuis" and a date) starts that person's one post, even in a sentence of
    replacement, where the general cues leave dates to the successor."""
    for m in _people_in(doc, sent):
        i = m.span.end
        if i >= sent.end or doc[i].text != ",":
            continue
        k = i + 1
        while k < min(sent.end, i + 1 + SINCE_INCISE_REACH) and fold(doc[k].text) in SINCE_INCISE_WORDS:
            k += 1
        if k == i + 1 or k + 1 >= sent.end or fold(doc[k].text) != "depuis" \
                or not any(fold(doc[j].text) in ("poste", "fonction", "fonctions", "place") for j in range(i + 1, k)):
            continue
        date = next((d._.date for d in dates_within(doc, k + 1, sent.end) if d.start == k + 1 and d._.date), None)
        offices = [office for (p, office) in by_key if p == m.key and not office.endswith(".president_elect")]
        if date is None or len(offices) != 1 or by_key[(m.key, offices[0])].start is not None:
            continue
        h = by_key[(m.key, offices[0])]
        by_key[(m.key, offices[0])] = replace(h, start=date,
                                              evidence=_merge(h.evidence, (evidence(sent, "term-start"),)))


def _until_before(sent: Span, at: int, date: DateValue) -> bool:
    """"jusqu'" stands between the start cue at character ``at`` and the date read after it: the date
    bounds the term from the other end (or dates what the term lasts until), it starts nothing."""
    rest = sent.text[at - sent.start_char:]
    i = rest.find(date.text) if date.text else -1
    return i > 0 and "jusqu" in fold(rest[:i])


EVENT_LINKS = frozenset(("apres", "avant"))


def _after_another_event(doc: Doc, sent: Span, at: int, date: DateValue) -> bool:
    """The date read after a start or end cue dates another event the cue is told relative to: "après"
    or "avant" stands between the cue and that date."""
    i = _token_at(sent, at)
    span = next((s for s in dates_within(doc, sent.start, sent.end) if s._.date == date and s.start_char >= at), None)
    return i is not None and span is not None and any(fold(t.text) in EVENT_LINKS for t in doc[i:span.start])


def _beyond_semicolon(doc: Doc, sent: Span, at: int, m: PersonMention) -> bool:
    """A name after the cue, past a semicolon: another clause's ("… prendra ses fonctions le mois prochain ;
    d'ici là, l'amiral Y reste en poste")."""
    i = _token_at(sent, at)
    return i is not None and m.span.start > i and any(t.text == ";" for t in doc[i:m.span.start])


NOUN_CUES = ("prise de fonction",)  # cues that are nouns: whose start they tell, a "de" complement says
GENITIVE_REACH = 8  # tokens from a noun cue's "de" to the name it complements, past a noun and titles


def _genitive_of_noun_cue(doc: Doc, sent: Span, at: int) -> tuple[PersonMention | None] | None:
    """"… jusqu'à la prise de fonctions de son successeur, le général Y, attendue le 1er octobre": a noun
    cue with a "de" complement tells the complement's term, never the subject's.  Returns the name of the
    complement (None in it when the complement names a successor or a newcomer, whose new post may be
    another than the one the name holds now: nobody's term is then bounded), None when the cue is no noun
    with a "de" complement."""
    text = folded(sent)[at - sent.start_char:]
    if not any(text.startswith(c) for c in NOUN_CUES):
        return None
    cue = _token_at(sent, at)
    if cue is None:
        return None
    k = cue + 3  # "prise de fonction(s)"
    if k >= sent.end or fold(doc[k].text) not in ("de", "du", "d'", "des"):
        return None
    named = [m for m in people_within(doc, k, min(sent.end, k + GENITIVE_REACH))]
    words = {fold(t.text) for t in doc[k:named[0].span.start]} if named else set()
    if not named or words & {"successeur", "successeure", "remplacant", "remplacante", "nouveau", "nouvelle"}:
        return (None,)
    return (named[0],)


PRONOUN_CUE_REACH = 3  # tokens from a subject pronoun opening the sentence to the cue that is its verb


def _pronoun_opens(sent: Span, at: int) -> bool:
    """The sentence opens on "Il" or "Elle" with the cue right after it ("Il prendra ses fonctions …")."""
    return fold(sent[0].text) in ("il", "elle") and len(sent) > PRONOUN_CUE_REACH \
        and sent[PRONOUN_CUE_REACH].idx >= at


def _new_holder_subject(sent: Span) -> bool:
    """The sentence opens on "Le nouveau …", "La nouvelle …" (a title for whoever was just appointed)."""
    words = [fold(t.text) for t in sent[:2]]
    return len(words) == 2 and words[0] in ("le", "la", "l'", "les") and words[1] in title_cues("new_holder_fr")


def _successor_before(doc: Doc, sent: Span, at: int, by_key: dict) -> list[PersonMention]:
    """"Le nouveau chef d'état-major prendra ses fonctions le 16 décembre": the one the text named as
    someone's successor in the post the subject names, not merely the last person named (who may be the
    predecessor or an interim holder); nobody unless exactly one such successor was named before."""
    told = _role_subject_type(doc, sent, at)
    successors = {p for (p, o), h in by_key.items() if h.replaces and (told is None or _post_type(o) == told)}
    if len(successors) != 1:
        return []
    key = successors.pop()
    return [m for m in people_within(doc, 0, sent.start) if m.key == key][-1:]


CUE_POST_REACH = 6  # tokens between a start or end cue and the post it governs ("nommé mercredi vice-Premier ministre")


def _post_type_after(doc: Doc, sent: Span, at: int) -> str | None:
    """The post type of the post phrase right after the cue at character ``at``, if one follows closely."""
    cue = _token_at(sent, at)
    post = next((p for p in find_posts(doc) if cue is not None and sent.start <= p.span.start < sent.end
                 and p.span.start_char >= at and p.span.start - cue <= CUE_POST_REACH), None)
    return post.post_type if post is not None else None


def _since_cue(sent: Span, at: int) -> bool:
    """The cue at ``at`` itself says since when ("en poste depuis 2019", "qui occupe ce poste depuis
    octobre 2024", in the present): only then is a "depuis" date the bound; elsewhere it tells how long
    someone held a post ("nommé à la place de Y, qui occupait ce poste depuis 2018")."""
    text = folded(sent)[at - sent.start_char:]  # "en poste depuis", "qui occupe ce poste depuis octobre 2024",
    return any(text.startswith(c) for c in _since_cues())  # "en fonctions depuis", "la titulaire depuis"


TITULAR_CUES = ("le titulaire depuis", "la titulaire depuis")


def _titular_cue(sent: Span, at: int) -> bool:
    """The start cue at ``at`` is a ministry's "titulaire" in a relative clause ("dont elle est la titulaire
    depuis juillet 2024"): the start is that ministry's holder's."""
    return folded(sent)[at - sent.start_char:].startswith(TITULAR_CUES)


def _portfolio_holder_in(by_key: dict, person: str, sent: Span) -> bool:
    """The person holds a post read in this sentence through a portfolio (a ministry and who heads it)."""
    return any(p == person and any(e.rule == "portfolio" and sent.start_char <= e.start < sent.end_char
                                   for e in h.evidence) for (p, _o), h in by_key.items())


@cache
def _since_cues() -> tuple[str, ...]:
    """The start cues that say since when a state lasts (those ending on "depuis"), folded."""
    return tuple(fold(c) for c in title_cues("term_start_fr") if c.endswith(" depuis"))

