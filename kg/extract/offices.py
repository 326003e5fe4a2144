"""Posts and who holds them: post mentions with their country, and holdings with term bounds.

A post mention is a lexicon post or office phrase plus the country words that
follow it inside its noun phrase ("chef d'état-major des forces armées russes",
"les chefs d'état-major russe et américain").  Holdings come from appositions
("X, secrétaire américain à la Défense", "le président russe X"), counterparts
("son homologue russe, X"), predecessors ("le prédécesseur de X, Y") and
replacements ("remplacer X au poste de … à partir de septembre 2023").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.coref import (
    country_of,
    is_role_noun,
    known_in_other_post,
    mention_gender,
    office_type,
    opens_as_subject,
    person_for,
    pronoun_subject,
    reported_speaker,
    sentence_before,
    subject_node,
    successor_before,
)
from kg.extract.dates import TICKER_ENTRY
from kg.extract.gazetteer import load_gazetteer
from kg.extract.lexicon import Office, load_file, load_lexicon, title_cues
from kg.extract.lexmatch import lex_spans, lex_within, match_text
from kg.extract.model import DateValue, Holding
from kg.extract.names import fold
from kg.extract.people import PersonMention, name_text
from kg.extract.portfolios import (
    BULLETS,
    MINISTRY_REACH,
    bare_ministry,
    cleft_focus,
    fronted_subject,
    government_holdings,
    ministry_before,
    ministry_named_before,
    no_post_seat_before,
    portfolio_holdings,
    portfolios_in,
    presidency_holdings,
    service_opening,
)
from kg.extract.spanindex import SpanIndex, dated_tokens, dates_within, mention_index, people_within
from kg.extract.spans import evidence, folded, past_dateline, phrase_pattern, without_fillers, without_phrases

POST_LABELS = ("OFFICE", "POST", "OFFICE_WEAK", "OFFICE_WEAK?")  # on equal spans, the first wins
DEFAULT_MIN_WORDS = 3  # a weak wording this long, and owned by one office, names its country by default
COUNTRY_LABELS = ("DEMONYM", "COUNTRY", "COMBINING")
WINDOW = 9  # tokens after a post phrase that may still hold its country
PUNCT_GLUE = frozenset(("l'", "d'", ",", "(", ")", "-", "«", "»"))
PUNCT_STOP = frozenset((";", ":", ".", "«"))
OF = frozenset(("de", "du", "des", "d'"))


@cache
def glue() -> frozenset[str]:
    return title_cues("post_glue_fr") | PUNCT_GLUE


@cache
def stop() -> frozenset[str]:
    return title_cues("post_stop_fr") | PUNCT_STOP


@dataclass
class PostMention:
    span: Span  # the post phrase with its country words
    post_type: str
    countries: list[str] = field(default_factory=list)
    former: bool = False
    office_id: str | None = None  # the lexicon office the phrase names, when it names one
    default: bool = False  # the wording may name its office's country when nothing else does
    designated: bool = False  # "le futur ministre", "le prochain chef d'état-major": not held yet

    @property
    def default_country(self) -> str | None:
        """The country a specific but not country-proof wording ("chef d'état-major interarmées")
        stands for when nothing in the article says otherwise."""
        office = load_lexicon().offices.get(self.office_id or "")
        return office.country if office and self.default else None

    def offices(self, *, with_default: bool = False) -> list[str]:
        if with_default and not self.countries and self.default_country:
            return [load_lexicon().office_for(self.post_type, self.default_country).id]
        lexicon = load_lexicon()
        specific = lexicon.offices.get(self.office_id or "")
        return [specific.id if specific and specific.country == c else lexicon.office_for(self.post_type, c).id
                for c in self.countries]


@dataclass
class OfficeNotes:
    """What the post rules work out once per article and leave for the rules after them, on the
    registered ``Doc._.offices`` extension (:func:`notes`)."""

    posts: list[PostMention] | None = None  # every post mention (find_posts), computed once
    attachments: list[Attachment] = field(default_factory=list)  # each post linked to its holder (find_holdings)
    defaults: dict[tuple[str, str], str] = field(default_factory=dict)  # (person, post type) -> default country
    outgoing: set[tuple[str, str]] = field(default_factory=set)  # (person, post type) the person is leaving
    former: set[tuple[str, str]] = field(default_factory=set)  # (person, post type) named as held before
    designated: set[tuple[str, str]] = field(default_factory=set)  # (person, post type) the person is to take
    replaces: list[tuple[str, str, str]] = field(default_factory=list)  # (predecessor, successor, office)
    known: dict[str, str] | None = None  # person key -> the gazetteer's country for that person
    homes: dict[str, str] | None = None  # person key -> the home state of one known by an organisation
    counterparts: dict[str, set[str]] | None = None  # person key -> countries as someone's counterpart
    role_subjects: dict[int, str] = field(default_factory=dict)  # sentence start -> person its opening role noun is


if not Doc.has_extension("offices"):
    Doc.set_extension("offices", default=None)


def notes(doc: Doc) -> OfficeNotes:
    """The doc's :class:`OfficeNotes`, made empty on first use."""
    if doc._.offices is None:
        doc._.offices = OfficeNotes()
    return doc._.offices


def find_posts(doc: Doc) -> list[PostMention]:
    """Every post mention of the doc, cached on the doc."""
    state = notes(doc)
    if state.posts is None:
        spans = sorted(lex_spans(doc, *POST_LABELS), key=lambda s: POST_LABELS.index(s.label_))
        spans = [_with_charge(doc, _with_second_portfolio(doc, s)) for s in spans]
        spans = spans + _ex_prefixed(doc, spans) + _compound_portfolios(doc, spans) + _elliptic_deputies(doc, spans)
        spans += _elliptic_ministers(doc, spans) + _leaders_envoys(doc, spans)
        spans = [s for s in (_as_subordinate(doc, s) for s in spans) if s is not None and not _other_council(doc, s)]
        spans = [s for s in filter_spans(spans) if not _chair_of_a_body(doc, s) and not _junior_rank(doc, s)
                 and not _staff_title(doc, s) and not _honorary_chancellor(doc, s.start_char, s.end_char)]
        posts = [_post(doc, s) for s in sorted(spans, key=lambda s: s.start)]
        index = SpanIndex(posts, start=lambda m: m.span.start, end=lambda m: m.span.end)  # type: ignore[attr-defined]
        for inner in (p for p in posts if p.countries and _complement(doc, p, index)):
            owner = next((p for p in index.overlapping(inner.span.start - 4, inner.span.start)
                          if p is not inner and p.span.start < inner.span.start <= p.span.end + 3), None)
            if owner is not None and not owner.countries:  # "le porte-parole du président russe": Russian
                owner.countries = list(inner.countries)
        state.posts = posts
    return state.posts


EX_PREFIX = "ex-"
EX_REACH = 12  # tokens read after an "ex-" word to find the post it opens


def _ex_prefixed(doc: Doc, found: list[Span]) -> list[Span]:
    """Post phrases opened by a word glued to "ex-" ("l'ex-ministre de la Défense X", "ex-secrétaire
    américain à la Défense"): the tokenizer keeps "ex-ministre" whole, so the lexicon misses the post;
    the words without the prefix are matched again, and the phrase is a former post (see :func:`_post`)."""
    taken = {i for s in found for i in range(s.start, s.end)}
    out = []
    for t in doc:
        if not t.lower_.startswith(EX_PREFIX) or len(t.text) <= len(EX_PREFIX) or t.i in taken:
            continue
        rest = doc[t.i:min(len(doc), t.i + EX_REACH, t.sent.end)]
        text = t.text_with_ws[len(EX_PREFIX):] + "".join(u.text_with_ws for u in rest[1:])
        matched = [m for m in match_text(text) if m.start == 0 and m.label_ in POST_LABELS]
        if matched:
            best = max(matched, key=len)
            out.append(Span(doc, t.i, t.i + len(best), label=best.label_, kb_id=best.kb_id_))
    return out


COMPOUND_REACH = 8  # words of a first portfolio between "ministre de" and the "et" before a known one


def _compound_portfolios(doc: Doc, found: list[Span]) -> list[Span]:
    """"ministre de l'Intégration africaine et des Affaires étrangères": a minister of two portfolios
    whose known one comes second.  The lexicon only matches the words it lists side by side, so the
    title is matched again on the words after "et" ("ministre des Affaires étrangères"), and the
    whole phrase is that post.  (A known portfolio first is matched as it stands.)"""
    taken = {i for s in found for i in range(s.start, s.end)}
    heads = title_cues("minister_nouns_fr") - title_cues("ministry_nouns_fr")
    out = []
    for t in doc:
        if fold(t.text) not in heads or t.i in taken or t.i + 2 >= len(doc) or fold(doc[t.i + 1].text) not in OF:
            continue
        for k in range(t.i + 2, min(len(doc), t.i + 2 + COMPOUND_REACH)):
            word = doc[k]
            if fold(word.text) == "et":
                rest = doc[k + 1:min(len(doc), k + 1 + EX_REACH, word.sent.end)]
                text = t.text_with_ws + "".join(u.text_with_ws for u in rest)
                matched = [m for m in match_text(text) if m.start == 0 and m.label_ in POST_LABELS]
                if matched and rest[:1].text and fold(rest[0].text) in OF:
                    best = max(matched, key=len)
                    out.append(Span(doc, t.i, k + len(best), label=best.label_, kb_id=best.kb_id_))
                break
            if word.is_punct and word.text not in ("'", "’", "-") or word.pos_ in ("VERB", "AUX"):
                break
    return out


def _elliptic_deputies(doc: Doc, found: list[Span]) -> list[Span]:
    """"Le premier vice-ministre, X" after "vice-ministre de la Défense" or "le ministre de la Défense":
    a deputy minister named without a portfolio is the deputy of the ministry last named before
    (:func:`kg.extract.portfolios.ministry_before`); nothing when that ministry is of no list."""
    taken = {i for s in found for i in range(s.start, s.end)}
    nouns = title_cues("elliptic_deputy_nouns_fr")
    folded_doc = [fold(t.text) for t in doc]
    out = []
    for t in doc:
        if folded_doc[t.i] not in nouns or t.i in taken or (t.i + 1 < len(doc) and folded_doc[t.i + 1] in OF):
            continue
        ministry = ministry_before(doc, folded_doc, t.i)
        deputy = f"deputy_{ministry[0]}" if ministry else ""
        if deputy in load_lexicon().post_types:
            start = t.i - (t.i > 0 and f"{folded_doc[t.i - 1]} {folded_doc[t.i]}" in nouns)
            out.append(Span(doc, start, t.i + 1, label="POST", kb_id=deputy))
    return out


ELLIPTIC_MINISTER_NOUNS = frozenset(("ministre",))


def _elliptic_ministers(doc: Doc, found: list[Span]) -> list[Span]:
    """"Le chef de la diplomatie iranienne, X, a été reçu par le ministre omanais, Y": a minister named
    by a demonym alone, no portfolio after it, and followed by a name holds the portfolio last named before
    (:func:`kg.extract.portfolios.ministry_before`); nothing when that one is of no list, or when a
    complement follows the demonym ("le ministre omanais de l'Intérieur" is another ministry)."""
    taken = {i for s in found for i in range(s.start, s.end)}
    folded_doc = [fold(t.text) for t in doc]
    out = []
    for t in doc:
        k = t.i
        if folded_doc[k] not in ELLIPTIC_MINISTER_NOUNS or k in taken or k + 1 >= len(doc):
            continue
        current = _current_minister(folded_doc, k)  # "Le ministre actuel, X", "l'actuel ministre, X"
        if not (doc[k + 1]._.kg_demonym or current) or (k + 2 < len(doc) and folded_doc[k + 2] in OF) \
                or folded_doc[k + 1] in OF:
            continue
        j = k + 1 + (folded_doc[k + 1] in CURRENT_AFTER or bool(doc[k + 1]._.kg_demonym))
        j += j < len(doc) and doc[j].text == ","
        while j < len(doc) and folded_doc[j] in _titles() | {"le", "la", "l'"}:
            j += 1
        if not people_within(doc, j, j + 1):
            continue  # a role noun ("le ministre turc a téléphoné à …") is the call rules' to read, not a post here
        post_type = _ministry_last_named(doc, folded_doc, found, k)
        if post_type is not None:
            out.append(Span(doc, k, k + 1, label="POST", kb_id=post_type))
    return out


ENVOY_NOUNS_FR = frozenset(("envoye", "envoyee", "emissaire"))
REPRESENTATIVE_NOUNS_FR = frozenset(("representant", "representante"))
ENVOY_DETERMINERS = frozenset(("le", "la", "l'", "un", "une", "son", "sa", "leur", "cet", "cette", "du", "au", "de"))


def _leaders_envoys(doc: Doc, found: list[Span]) -> list[Span]:
    """"L'émissaire de Donald Trump, X", "l'envoyé du Kremlin X", "Le représentant de Xi Jinping pour les
    affaires eurasiennes, X": an envoy's noun (after an article, so not the participle of "a envoyé")
    whose complement is the leader who sends him, or the seat of power standing for his state, is a
    special envoy of that state; the sender is kept in the phrase (its state is the sender's, see
    :func:`_sender_country`), the seat left as the phrase's complement ("du Kremlin": Russia's).  A
    "représentant" is one only when a person sends him ("le représentant de l'UE" is no envoy here)."""
    taken = {i for s in found if len(s) > 1 for i in range(s.start, s.end)}  # the bare noun is read again
    folded_doc = [fold(t.text) for t in doc]
    seats = {s.start: s for s in lex_spans(doc, "METONYM")}
    out = []
    for t in doc:
        k = t.i
        noun = folded_doc[k]
        if noun not in ENVOY_NOUNS_FR | REPRESENTATIVE_NOUNS_FR or k == 0 or k + 2 >= len(doc) \
                or folded_doc[k - 1] not in ENVOY_DETERMINERS or folded_doc[k + 1] not in OF:
            continue
        if any(i in taken for i in range(k, k + 2)):
            continue
        sender = people_within(doc, k + 2, k + 3)
        if sender and sender[0].span.start == k + 2:
            out.append(Span(doc, k, sender[0].span.end, label="POST", kb_id="special_envoy"))
        elif noun in ENVOY_NOUNS_FR and (k + 2 in seats or (k + 3 in seats and folded_doc[k + 2] in ("la", "l'"))):
            out.append(Span(doc, k, k + 1, label="POST", kb_id="special_envoy"))
    return out


CURRENT_AFTER = frozenset(("actuel", "actuelle"))  # "le ministre actuel, X": the one in office now
CURRENT_BEFORE = frozenset(("actuel", "actuelle", "nouveau", "nouvelle"))  # "l'actuel ministre, X"


def _current_minister(folded_doc: list[str], k: int) -> bool:
    """"Le ministre actuel, X", "L'actuel ministre, X", "le nouveau ministre, X": a minister's word with an
    adjective of the present and a name after its comma stands for the ministry last named, as one with a
    demonym does ("le ministre omanais, Y")."""
    after = k + 1 < len(folded_doc) and folded_doc[k + 1] in CURRENT_AFTER \
        and k + 2 < len(folded_doc) and folded_doc[k + 2] == ","
    before = k > 0 and folded_doc[k - 1] in CURRENT_BEFORE and k + 1 < len(folded_doc) and folded_doc[k + 1] == ","
    return after or before


def _ministry_last_named(doc: Doc, folded_doc: list[str], found: list[Span], k: int) -> str | None:
    """The post type of the ministry named last before token ``k``: a minister's or ministry's word with
    its portfolio (:func:`kg.extract.portfolios.ministry_named_before`) or a post of the lists that
    stands for one ("le chef de la diplomatie iranienne"), whichever is nearer; None when a minister's
    word of another ministry ("le ministre des Finances") comes between."""
    lexicon = load_lexicon()
    posts = [s for s in found if s.end <= k and k - s.end <= MINISTRY_REACH and _span_type(s) in DELEGATED_MINISTRIES]
    nearest = max(posts, key=lambda s: s.end, default=None)
    word = ministry_named_before(doc, folded_doc, k)
    if word is not None and (nearest is None or word[0] >= nearest.start):
        return word[1] if word[1] in lexicon.post_types else None
    if nearest is None:
        return None
    nouns = title_cues("minister_nouns_fr") | title_cues("ministry_nouns_fr")
    if any(folded_doc[j] in nouns for j in range(nearest.end, k)):
        return None
    return _span_type(nearest)


def _span_type(span: Span) -> str:
    office = load_lexicon().offices.get(span.kb_id_)
    return office.type if office else span.kb_id_


def _with_second_portfolio(doc: Doc, span: Span) -> Span:
    """"ministre de la Défense et de la Production militaire", "ministre de la Défense et des Anciens
    combattants": a minister's known portfolio followed by a second one the lexicon does not list;
    the phrase takes it in, so that the name after it is still the minister's.  The second portfolio
    opens with "et de" and a capitalised word, and ends at a comma or the sentence's end before any
    verb, name or post head ("du ministre de la Défense et du chef d'état-major" is two people)."""
    heads = title_cues("minister_nouns_fr") - title_cues("ministry_nouns_fr")
    end = span.end
    if fold(span[0].text) not in heads or end + 2 >= len(doc) or fold(doc[end].text) != "et" \
            or fold(doc[end + 1].text) not in OF:
        return span
    post_heads = title_cues("post_heads_fr") | heads
    capitalised = False
    for k in range(end + 2, min(len(doc), end + 2 + COMPOUND_REACH)):
        word = doc[k]
        if word.text in (",", "(", ".", "!", "?") or "\n" in word.text:
            return Span(doc, span.start, k, label=span.label_, kb_id=span.kb_id_) if capitalised else span
        if word.is_punct and word.text not in ("'", "’", "-") or word.pos_ in ("VERB", "AUX") \
                or fold(word.text) in post_heads or people_within(doc, k, k + 1):
            return span
        capitalised = capitalised or word.text[:1].isupper()
    return span


def _with_charge(doc: Doc, span: Span) -> Span:
    """"Vice-Premier ministre chargé de l'Économie depuis 2023, X": a post followed by the field it is
    in charge of (``post_charge_fr`` then "de" and capitalised words) takes that complement in, so that
    the name after it is still the post's holder.  The complement ends before a comma, a bracket, a
    "depuis" or the sentence's end, and holds no verb, name or post head (else the span is left as is)."""
    end = span.end + (span.end < len(doc) and doc[span.end]._.kg_demonym)  # "Vice-Premier ministre vietnamien chargé"
    if end + 2 >= len(doc) or fold(doc[end].text) not in title_cues("post_charge_fr") \
            or fold(doc[end + 1].text) not in OF | {"la", "l'"}:
        return span
    post_heads = title_cues("post_heads_fr") | title_cues("minister_nouns_fr")
    capitalised = False
    for k in range(end + 1, min(len(doc), end + 1 + COMPOUND_REACH)):
        word = doc[k]
        if word.text in (",", "(", ".", ";", ":") or "\n" in word.text or fold(word.text) == "depuis":
            return Span(doc, span.start, k, label=span.label_, kb_id=span.kb_id_) if capitalised else span
        if word.pos_ in ("VERB", "AUX") or fold(word.text) in post_heads or people_within(doc, k, k + 1) \
                or not word.text[:1].isupper() and fold(word.text) not in OF | {"la", "l'", "le", "les", "et"}:
            return span
        capitalised = capitalised or word.text[:1].isupper()
    return span


def posts_within(doc: Doc, lo: int, hi: int) -> list[PostMention]:
    """The post mentions that start at a token index in ``[lo, hi)``."""
    return mention_index(doc, "posts", find_posts(doc)).starting(lo, hi)


def _junior_rank(doc: Doc, span: Span) -> bool:
    """"secrétaire d'État chargée des Anciens combattants", "secrétaire d'État auprès du ministre des
    Armées": a wording that is a junior rank when a portfolio of its own follows it (French and other
    governments' junior ministers), not the post it names alone (the US Secretary of State); also when
    the portfolio was taken into the span ("secrétaire d'État chargé de l'Approvisionnement de la
    Défense", see :func:`_with_charge`)."""
    wordings, links = title_cues("junior_rank_wordings_fr"), title_cues("junior_rank_links_fr")
    if fold(span.text) in wordings:
        return span.end < len(doc) and fold(doc[span.end].text) in links
    return any(fold(doc[span.start:k].text) in wordings and fold(doc[k].text) in title_cues("post_charge_fr")
               for k in range(span.start + 1, span.end))


SUPERIOR_REACH = 4  # words before "auprès du" that may hold the junior title ("ministre déléguée")
#: Principals whose delegate ("ministre délégué auprès du ministre de la Défense") is their ministry's deputy
#: minister; a minister delegate to a head of government is no deputy head of government.
DELEGATED_MINISTRIES = frozenset(("defence_minister", "foreign_minister"))


#: English words before a post that make it a lower one, and whether that lower one is the principal's
#: deputy ("Deputy Secretary of State": a deputy foreign minister) or a post kg cannot name ("Assistant
#: Secretary of Defense", "Under Secretary of State").  Capitalised only: lower-case "under" is a
#: preposition ("served under Secretary of State X"); the lexicon's own wordings that open with one of
#: them ("Deputy Prime Minister") are matched whole.
LOWER_RANKS_EN = {"Deputy": True, "Vice": True, "Assistant": False, "Associate": False, "Under": False,
                  "Principal": False}


def _as_subordinate(doc: Doc, span: Span) -> Span | None:
    """A post named as someone else's superior or principal is not the post of the name beside it:
    "la ministre déléguée auprès du ministre des Armées, X", "l'adjoint au chef d'état-major, le général
    X", "X, secrétaire général adjoint de l'OTAN".  The phrase becomes the deputy's post where the
    lexicon has one ("deputy_" and the principal's type: a junior defence or foreign minister, a deputy
    head of government), else it is dropped: the deputy holds no post kg can name (prefer unknown)."""
    if _proposer_before_appointee(doc, span):
        return None
    head = _junior_head(doc, span)
    english = head is not None and head == span.start - 1 and doc[head].text in LOWER_RANKS_EN
    if head is None or (not english and _name_follows(doc, span)):
        return span
    if english:  # "Deputy Secretary of State X": the name after is the deputy's own
        deputy_word, tail = LOWER_RANKS_EN[doc[head].text], 0
        if not deputy_word:
            return None
    else:
        deputy_word = span.end < len(doc) and fold(doc[span.end].text) in title_cues("deputy_words_fr")
        tail = int(deputy_word)
    lexicon = load_lexicon()
    office = lexicon.offices.get(span.kb_id_)
    principal = office.type if office else span.kb_id_
    deputy = "deputy_" + principal
    if deputy not in lexicon.post_types or not (deputy_word or principal in DELEGATED_MINISTRIES):
        return None
    return Span(doc, head, span.end + tail, label="POST", kb_id=deputy)


PROPOSAL_REACH = 4  # words between "Sur proposition" and the proposer's post ("de la ministre")


def _proposer_before_appointee(doc: Doc, span: Span) -> bool:
    """"Sur proposition du ministre des Armées, M. X est nommé directeur de cabinet": the post is the
    proposer's, and the name after the comma is the appointee's, not its holder (a minister named there,
    "Sur proposition du ministre des Armées, M. Y, le général X est nommé …", keeps it)."""
    lo = max(0, span.start - PROPOSAL_REACH)
    lead = fold(doc[lo:span.start].text).replace("' ", "'")
    if not any(f" {lead}".endswith(f" {link}") for link in title_cues("proposal_links_fr")):
        return False
    end, _ = _country_words(doc, span)
    after = people_within(doc, end, min(len(doc), end + 4))
    if not after or doc[end].text != ",":
        return False
    nxt = after[0].span.end
    return nxt < len(doc) and fold(doc[nxt].text) in title_cues("post_link_words_fr")


def _name_follows(doc: Doc, span: Span) -> bool:
    """"conseiller auprès du président Emmanuel Macron": the principal is named right after his post,
    which is then his (and the deputy's title is left as it stands)."""
    end = span.end
    while end < len(doc) and lex_within(doc, end, end + 1, *COUNTRY_LABELS):
        end += 1
    return bool(people_within(doc, end, end + 1))


def _junior_head(doc: Doc, span: Span) -> int | None:
    """Where the deputy's title opens when ``span`` names a principal's post: the deputy word after it
    ("secrétaire général adjoint"), an "adjoint au" before it, or a junior title before "auprès du"
    ("ministre délégué auprès du", "secrétaire d'État auprès de la"); None when the post is its own."""
    if span.end < len(doc) and fold(doc[span.end].text) in title_cues("deputy_words_fr"):
        return span.start
    if span.start > 0 and doc[span.start - 1].text in LOWER_RANKS_EN:
        return span.start - 1
    lo = max(0, span.start - 3 - SUPERIOR_REACH)
    lo = max([lo] + [t.i + 1 for t in doc[lo:span.start] if fold(t.text) in PUNCT_STOP])
    before = [fold(t.text) for t in doc[lo:span.start]]
    for link in title_cues("deputy_links_fr"):
        n = len(link.split())
        if before[-n:] == link.split() and len(before) > n and before[-n - 1] in title_cues("deputy_words_fr"):
            return span.start - n - 1
    for link in title_cues("superior_links_fr"):
        n = len(link.split())
        if before[-n:] != link.split():
            continue
        title = doc[lo:span.start - n]
        heads = title_cues("attached_heads_fr")
        if any(folded(title[k:]) in heads for k in range(len(title))):
            return next((t.i for t in title if fold(t.text) in title_cues("post_heads_fr")), title.start)
    return None


def _other_council(doc: Doc, span: Span) -> bool:
    """"le président du Conseil présidentiel libyen", "du Conseil de souveraineté": Italy's wording of its
    prime minister ("le président du Conseil", a weak match) followed by a qualifier names another council,
    whose president is either a head of state (:func:`_chair_of_a_body` keeps those) or a chair."""
    if span.label_ != "OFFICE_WEAK" or fold(span[-1].text) != "conseil" or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if fold(nxt.text) in ("des", "de") and span.end + 1 < len(doc) and fold(doc[span.end + 1].text) == "ministres":
        return False  # "président du Conseil des ministres": the prime minister
    return (nxt.pos_ == "ADJ" and nxt.text.islower() and not nxt._.kg_demonym) or fold(nxt.text) in ("de", "d'")


def _chair_of_a_body(doc: Doc, span: Span) -> bool:
    """A bare "président" of something that is not a country ("le président de la commission des
    Affaires étrangères", "du Sénat") chairs a body: not a head of state.  A state's governing council
    ("du Conseil présidentiel", ``state_councils_fr``) is the state's head."""
    if len(span) != 1 or fold(span.text) not in title_cues("chair_words_fr"):
        return False
    after = folded(doc[span.end + 1: min(len(doc), span.end + 8)])
    if any(after.startswith(c) and after[len(c):len(c) + 1] in ("", " ", ",", ";", ".", ")")
           for c in (fold(x) for x in title_cues("state_councils_fr"))):
        return False  # "président du Conseil de souveraineté, a désigné …": the comma ends the council's name
    i = span.end
    if i >= len(doc) or fold(doc[i].text) not in OF or _term_spans(doc, i):
        return False  # "Président de 2001 à 2008, il …": a term, not a body
    while i + 1 < len(doc) and fold(doc[i + 1].text) in ("la", "l'", "le", "les"):
        i += 1
    nxt = i + 1
    return not lex_within(doc, nxt, nxt + 1, "COUNTRY", "METONYM", "PLACE")


def _post(doc: Doc, span: Span) -> PostMention:
    lexicon = load_lexicon()
    office = lexicon.offices.get(span.kb_id_)
    post_type = office.type if office else span.kb_id_
    end, countries = _country_words(doc, span)
    end = _remit_end(doc, span, end)
    state = _possessing_state(doc, span) if not countries else None
    if state is not None:  # "Le Tchad avait dépêché son ministre des Armées": Chad's, not France's
        countries = [state]
        office = office if office and office.country == state else None
    start = span.start
    if not countries and (before := _capitalised_demonym_before(doc, span.start)) is not None:
        start, countries = before.start, [before.kb_id_]  # English "the French President"
    if not countries and office and span.label_ == "OFFICE":
        countries = [office.country]
    former = span.start > 0 and fold(doc[span.start - 1].text) in title_cues("former_fr")
    former = former or span[0].lower_.startswith(EX_PREFIX)  # "l'ex-ministre de la Défense"
    former = former or (end < len(doc) and fold(doc[end].text) in title_cues("outgoing_fr")) \
        or _former_lead(doc, span.start) \
        or any(fold(t.text) in title_cues("outgoing_fr") for t in span[1:3])  # "la ministre sortante de la Défense"
    default = span.label_ == "OFFICE_WEAK" and len(span) >= DEFAULT_MIN_WORDS
    if office is None and len(countries) == 1:  # "le chef de l'armée pakistanaise": Pakistan's own wording
        wording = span.text.casefold().replace("’", "'")
        office = lexicon.offices.get(_country_wordings().get((wording, countries[0]), ""))
    if post_type == "air_force_chief" and _branch_aviation(doc, span):
        post_type, countries, office = "military_commander", countries, None  # "commandant de l'aviation de l'armée"
    if office is None and post_type == "army_chief" and _army_of_a_state(doc, span, countries):
        post_type = "chief_of_defence"  # "chef d'état-major de l'armée tchèque": the Czech armed forces' chief
    elif office is None and post_type == "chief_of_defence" and _land_army_of_a_state(doc, span, countries):
        post_type = "army_chief"  # "le commandant en chef de l'armée thaïlandaise": Thailand's land army
    if office is None and not countries:
        office = _shared_wording_office(doc, span)
        default = office is not None
    post_type = office.type if office else post_type
    if post_type == "ambassador":
        posting = next((t.i for t in doc[span.start + 1:end] if fold(t.text) in POSTING_CASES), None)
        if posting is not None:  # "ambassador to the United Nations", "ambassadrice à l'ONU": the host, not the sender
            hosts = {s.kb_id_ for s in lex_within(doc, posting, end, *COUNTRY_LABELS, "METONYM")}
            countries = [c for c in countries if c not in hosts]
        countries = countries[:1]  # "l'ambassadeur d'Argentine aux États-Unis": Argentina's, posted there
        if span.end < len(doc) and fold(doc[span.end].text) in POSTING_CASES:
            # "SÉOUL — … l'ambassadeur en Arabie saoudite": posted there; sent by the dateline's state, if another
            home = _dateline_country(doc)
            countries = [home] if home is not None and home not in countries else []
        end = _posting_end(doc, end)
    designated = span.start > 0 and fold(doc[span.start - 1].text) in title_cues("designated_fr")
    service = _service_of_possessor(doc, span) if post_type == "chief_of_defence" and not countries else None
    if service is not None:  # "La marine indonésienne a reçu … présidée par son chef d'état-major"
        post_type, countries, office = service[0], service[1], None
    return PostMention(doc[start:end], post_type, countries, former, office.id if office else None, default,
                       designated)


REMIT_OPENERS = frozenset(("pour", "charge", "chargee", "aupres"))
REMIT_REACH = 9  # tokens of an envoy's remit ("pour la région des Grands Lacs") up to the comma before the name
MINISTER_POSTS = frozenset(("defence_minister", "foreign_minister", "deputy_defence_minister",
                            "deputy_foreign_minister"))


def _sender_country(doc: Doc, post: PostMention) -> str | None:
    """The state of the one person named inside an envoy's phrase (its sender), as the gazetteer knows him."""
    senders = [m for m in doc._.people or [] if post.span.start <= m.span.start and m.span.end <= post.span.end]
    country = known_countries(doc).get(senders[0].key) if len(senders) == 1 else None
    return country if country and _is_state(country) else None


def _sender_then_remit(doc: Doc, end: int) -> bool:
    """"l'émissaire de Donald Trump pour le Moyen-Orient, X": the envoy's sender, named, then the remit."""
    if fold(doc[end].text) not in ("de", "d'", "du"):
        return False
    sender = people_within(doc, end + 1, end + 2)
    after = sender[0].span.end if sender and sender[0].span.start == end + 1 else None
    return after is not None and after < len(doc) and fold(doc[after].text) in REMIT_OPENERS


def _remit_end(doc: Doc, span: Span, end: int) -> int:
    """Where a post phrase ends once its remit is read: an envoy's "pour la région des Grands Lacs" or
    "chargé du Sahel", a minister's second portfolio without its article ("ministre de la Défense
    nationale et Anciens combattants"), when a comma and a capitalised word (the holder's name) follow;
    else ``end``.  Only nouns, articles and prepositions may stand in it."""
    post_type = span.kb_id_
    office = load_lexicon().offices.get(post_type)
    post_type = office.type if office else post_type
    if end >= len(doc) or post_type not in MINISTER_POSTS | {"special_envoy"}:
        return end
    word = fold(doc[end].text)
    envoy_remit = post_type == "special_envoy" and (word in REMIT_OPENERS or _sender_then_remit(doc, end))
    second_portfolio = post_type in MINISTER_POSTS and word == "et" and end + 1 < len(doc) \
        and doc[end + 1].text[:1].isupper()
    if not (envoy_remit or second_portfolio):
        return end
    stop = span.sent.end
    for i in range(end + 1, min(stop, end + 1 + REMIT_REACH)):
        token = doc[i]
        if token.text == ",":
            nxt = i + 1
            return i if nxt < stop and doc[nxt].text[:1].isupper() and i > end + 1 else end
        if token.is_punct or token.pos_ in ("VERB", "AUX", "PRON") or fold(token.text) in ("et", "ou", "qui", "que"):
            return end
    return end


def _capitalised_demonym_before(doc: Doc, start: int) -> Span | None:
    """The capitalised demonym right before a post, as English writes a post's country ("the French
    President", "the South Korean Defence Minister"); French demonyms follow the post, in lower case."""
    if start == 0 or not doc[start - 1]._.kg_demonym:
        return None
    found = next((d for d in lex_within(doc, max(0, start - 3), start, "DEMONYM") if d.end == start), None)
    return found if found is not None and found.text[:1].isupper() else None


def _land_army_of_a_state(doc: Doc, span: Span, countries: list[str]) -> bool:
    """"le commandant en chef de l'armée thaïlandaise", "le chef de l'armée indienne": a chief of defence's
    wording that ends on a bare "armée" with the demonym of a land-army state (see :func:`_army_of_a_state`)
    names that state's land army, in the states whose army chief the press calls so ("land_army_commander_states":
    Thailand's commander-in-chief, India's, Britain's, the Spanish and Portuguese-speaking "Ejército").  Not
    the United States, South Korea, Japan or Indonesia, whose "chef de l'armée …" the press also gives the
    top officer of all the forces."""
    if len(countries) != 1 or fold(span[-1].text) != "armee" or span.end >= len(doc) \
            or not doc[span.end]._.kg_demonym:
        return False
    return countries[0] in {c.upper() for c in title_cues("land_army_commander_states")}


def _possessing_state(doc: Doc, span: Span) -> str | None:
    """"Le Tchad avait dépêché son ministre des Armées, le général X": a post opened by "son"/"sa"/"ses"/"leur"
    in a sentence whose subject is a state (a country's name as the subject of the main verb) is that
    state's, whatever country its wording would imply by itself."""
    if span.start == 0 or fold(doc[span.start - 1].text) not in ("son", "sa", "ses", "leur", "leurs"):
        return None
    sent = span.sent
    for s in lex_within(doc, sent.start, span.start - 1, "COUNTRY"):
        if any(t.dep_ in ("nsubj", "nsubj:pass") and t.head.dep_ == "ROOT" for t in s) \
                and not people_within(doc, s.end, span.start):
            return s.kb_id_ if _is_state(s.kb_id_) else None
    return None


BRANCH_AVIATION = (("de", "l'", "armee"), ("de", "la", "marine"), ("navale",), ("legere",))


def _branch_aviation(doc: Doc, span: Span) -> bool:
    """"commandant de l'aviation de l'armée (de terre)", "… de l'aviation navale": the aviation of another
    service is a command of its own, not the air force (whose chief "commandant de l'aviation" names alone)."""
    if fold(span[-1].text) != "aviation":
        return False
    after = tuple(fold(t.text) for t in doc[span.end:span.end + 3])
    return any(after[:len(b)] == b for b in BRANCH_AVIATION)


def _army_of_a_state(doc: Doc, span: Span, countries: list[str]) -> bool:
    """"le chef d'état-major de l'armée polonaise", "… de l'armée tchèque": a generic army chief's wording
    that ends on a bare "armée" with a state's demonym right after it names that state's armed forces as a
    whole, so their chief of defence, except in the states whose press calls their land army "l'armée X"
    beside a joint chief, or whose "Ejército" is the land army ("land_army_states": Pakistan, India, the
    United States, Spanish and Portuguese-speaking states).  A wording of the
    country's own (Pakistan's "chef de l'armée") was looked up before."""
    if len(countries) != 1 or fold(span[0].text) not in ("chef", "cheffe") or fold(span[-1].text) != "armee" \
            or span.end >= len(doc) \
            or not doc[span.end]._.kg_demonym:
        return False
    return countries[0] not in {c.upper() for c in title_cues("land_army_states")}


def _service_of_possessor(doc: Doc, span: Span) -> tuple[str, list[str]] | None:
    """"La marine indonésienne a reçu sa frégate. La cérémonie était présidée par son chef d'état-major,
    l'amiral X": a bare "chef d'état-major" after "son"/"sa", in the sentence right after one whose subject
    is a service ("la marine", "l'armée de l'air") and in which no person is named, is that service's
    chief, in the country of the service's demonym (none without one)."""
    if fold(span.text) not in BARE_CHIEF_WORDINGS or span.start == 0 \
            or fold(doc[span.start - 1].text) not in ("son", "sa"):
        return None
    sent = span.sent
    if sent.start == 0 or people_within(doc, sent.start, span.start):
        return None
    previous = doc[sent.start - 1].sent
    if people_within(doc, previous.start, previous.end):
        return None
    subject = next((t for t in previous if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
    if subject is None:
        return None
    service = service_opening([fold(t.text) for t in doc[subject.i:min(previous.end, subject.i + 8)]])
    if service is None:
        return None
    post_type, size = service
    demonyms = [s.kb_id_ for s in lex_within(doc, subject.i + size, subject.i + size + 1, "DEMONYM")]
    return (post_type, demonyms[:1]) if demonyms else None


POSTING_CASES = frozenset(("a", "au", "aux", "en", "aupres", "to"))  # "à Moscou", "auprès de l'ONU", "to the UN"
POSTING_GLUE = frozenset(("de", "du", "des", "d'", "la", "l'", "le", "les", "the"))


def _posting_end(doc: Doc, end: int) -> int:
    """Where an ambassador's phrase ends once the place of posting after it is taken in
    ("l'ambassadeur des États-Unis à Moscou, X": the name after the comma is still its holder)."""
    if end >= len(doc) or fold(doc[end].text) not in POSTING_CASES:
        return end
    i = end + 1
    while i < len(doc) and fold(doc[i].text) in POSTING_GLUE:
        i += 1
    place = next((s for s in lex_within(doc, i, i + 1, "PLACE", "METONYM", "COUNTRY") if s.start == i), None)
    if place is not None:
        return place.end
    j = i  # a place or a body the lexicon does not list ("à Kinshasa", "auprès de l'Otan"): its capitalised words
    while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha and not people_within(doc, j, j + 1):
        j += 1
    return j if j > i else end


@cache
def _country_wordings() -> dict[tuple[str, str], str]:
    """(casefolded wording, country) -> the office of that country a non-implying wording of its own
    names: Pakistan lists "chef de l'armée" for its army chief, where the generic wording names a
    state's top officer.  The generic match with that country's demonym is that office."""
    lexicon = load_lexicon()
    return {(p.text.casefold(), lexicon.offices[p.id].country): p.id for p in lexicon.phrases
            if p.label == "OFFICE_WEAK" and p.id in lexicon.offices}


def _shared_wording_office(doc: Doc, span: Span):
    """A wording several offices share ("chef d'état-major interarmées": the US and South Korea)
    stands for the one of them whose country the article mentions, if only one is."""
    lexicon = load_lexicon()
    candidates = lexicon.shared_wordings.get(span.text.casefold().replace("’", "'"), ())
    mentioned = {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING")}
    fitting = [lexicon.offices[o] for o in candidates if lexicon.offices[o].country in mentioned]
    return fitting[0] if len(fitting) == 1 else None



def _country_words(doc: Doc, span: Span) -> tuple[int, list[str]]:
    """Countries named inside the phrase or just after it, and where the phrase ends."""
    places = lex_within(doc, span.start, span.end + WINDOW, *COUNTRY_LABELS, "METONYM")
    people = mention_index(doc, "people", doc._.people)
    end, found = span.end, []
    later = [p.start for p in lex_within(doc, span.end, span.end + WINDOW, *POST_LABELS) if p.start >= span.end]
    for s in places:
        if s.label_ == "METONYM" and not _institution_of(doc, end, s):
            continue  # read as before: only an adjacent complement counts
        if later and s.start >= min(later):
            break  # "le ministre de la Défense et le chef de la diplomatie philippins": the second post's
        if people.overlapping(s.start, s.end):
            break  # "le ministre des Affaires étrangères, Israël Katz": a name, not a country
        between = doc[end:s.start] if s.start >= end else doc[s.start:s.start]
        if between and people.overlapping(between.start, between.end):
            break  # "Prime Minister X telephoned Saudi …": a country past the holder's name is another's
        if any(fold(t.text) in stop() or fold(t.text) in title_cues("relation_nouns_fr") or t.pos_ in ("VERB", "AUX")
               or t.ent_type_ == "PER" for t in between):
            break  # "X, commandant en chef de l'armée ukrainienne, et son homologue français": another's country
        if any(fold(t.text) not in glue() and t.pos_ and t.pos_ not in ("NOUN", "ADJ", "ADP", "DET", "PROPN")
               for t in between):
            break
        if any(fold(t.text) == "pour" for t in between):
            break  # "l'envoyé personnel du secrétaire général de l'ONU pour le Soudan": where sent, not who sends
        if _nationality_noun(doc, s, between):
            break  # "X, le ministre grec de la Défense, et le Turc Y": Y's nationality, another holder
        found.append(s.kb_id_)
        end = max(end, s.end)
    return end, list(dict.fromkeys(found))


NATIONALITY_DETERMINERS = frozenset(("le", "la", "l'", "les", "un", "une", "son", "sa", "leur"))


def _nationality_noun(doc: Doc, place: Span, between: Span) -> bool:
    """"…, et l'Espagnole Y", "…, et le Britannique Y": a capitalised demonym after a determiner, past a
    comma or "et" after the post phrase, is a noun of nationality naming another person, not the
    post's country (French writes that country as a lower-case adjective)."""
    if place.label_ != "DEMONYM" or not place.text[:1].isupper() or place.start == 0:
        return False
    words = {fold(t.text) for t in between}
    return fold(doc[place.start - 1].text) in NATIONALITY_DETERMINERS and bool(words & {",", "et"})


def _institution_of(doc: Doc, end: int, place: Span) -> bool:
    """"le porte-parole du Quai d'Orsay", "la porte-parole de la Maison Blanche": an institution that
    stands for its state ("metonyms_fr") names the post's country only as its complement right after the
    phrase ("de", an article), not further on ("le ministre de la Défense, reçu à Washington")."""
    between = [fold(t.text) for t in doc[end:place.start]]
    return bool(between) and between[0] in OF and all(w in OF or w in ("la", "l'", "le", "les") for w in between)


# ------------------------------------------------------------------ holdings


@dataclass
class Attachment:
    """A post (or a counterpart relation) attached to a person mention, before dates are added."""

    person: PersonMention
    post: PostMention | None
    rule: str
    evidence_span: Span
    counterpart_of: PersonMention | None = None  # "son homologue russe": same post type as this person
    predecessor_of: PersonMention | None = None  # "le prédécesseur de X": same office as X, ended before


def find_holdings(doc: Doc) -> list[Holding]:
    """Holdings stated in the article, counterparts and predecessors resolved where the text allows."""
    attachments = [a for sent in doc.sents for a in _attach_in(doc, sent)]
    attachments += _listed_lines(doc, attachments)
    state = notes(doc)
    state.attachments, state.counterparts = attachments, None  # counterparts follow the new links
    holdings = _direct(doc, attachments)
    attachments = _bare_minister_owners(doc, attachments, holdings)
    holdings += _relative(doc, attachments, holdings)
    roles = _role_nouns(doc, attachments, holdings)
    _note_role_subjects(doc, roles)
    if roles:  # a counterpart of a person the role noun just placed ("son homologue russe Y")
        holdings += roles
        attachments = _role_noun_owners(doc, attachments, roles)
        holdings += [h for h in _relative(doc, attachments, holdings) if h not in holdings]
    holdings += _unnamed_counterparts(doc, attachments, holdings)
    holdings += _counterparts_of_unnamed(doc, holdings)
    holdings += _bracketed_after_countries(doc, holdings)
    holdings = acting_bare_heads(doc, holdings)
    holdings += _former_role_subjects(doc, holdings)
    holdings += _service_counterparts(doc, holdings)
    holdings += _national_wordings(doc, portfolio_holdings(doc, _appointed, holder_of_clause_after, pronoun_owner))
    # a counterpart of someone only a portfolio placed ("X, qui pilote la diplomatie marocaine, a reçu son
    # homologue espagnol Y"), for people given no post yet
    # and a successor of someone only a portfolio placed ("X a été débarqué de la Défense. Son successeur, Y, …"):
    # the successor, given no post yet, takes X's (never X one of the successor's)
    held = {h.person for h in holdings}
    current = {h.person for h in holdings if not _left_before(doc, h.person, h.office)}
    later = [a for a in attachments if a.rule == "counterpart" or a.rule == "successor" and a.predecessor_of is not None
             and a.predecessor_of.key not in current and a.person.key in held]
    takers = {a.predecessor_of.key for a in later if a.rule == "successor" and a.predecessor_of is not None}
    holdings += [h for h in _relative(doc, later, holdings) if not any(g.person == h.person and not (
        g.person in takers and _left_before(doc, g.person, g.office)) for g in holdings)
                 and (h.person in takers or any(e.rule == "counterpart" for e in h.evidence))]
    holdings += presidency_holdings(doc) + government_holdings(doc)
    holdings += _named_successors(doc, holdings)
    holdings += _post_of_named(doc, holdings)
    holdings += _deputies_named(doc, holdings)
    holdings = _national_wordings(doc, _foreign_chancellors(doc, _service_chief_named(doc, holdings)))
    return _dedupe([h for h in holdings if not _state_secretary_general(h) and not _foreign_seat(doc, h, holdings)])


LINE_HEADING_REACH = 24  # words of a list line's heading before its colon (long portfolio titles)


def _national_wordings(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Tout juste nommée au ministère des Armées, X", "le ministre délégué à la présidence
    chargé de la Défense, X" (Cameroon's): a post read without a country whose wording is one state's own
    (``portfolio_country_<CC>``: France's "ministère des Armées"; for a post read otherwise than through a
    portfolio, only a full title, opening on "ministre") is that state's, unless the article's dateline is in
    another state (Togo too has a "ministère des Armées")."""
    dateline = _dateline_country(doc)
    out = []
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        if country == UNKNOWN and h.evidence:
            text = fold(doc.text[h.evidence[0].start:h.evidence[0].end])
            full = h.evidence[0].rule != "portfolio"  # a post read otherwise: only a full title of its own
            own = [key.rsplit("_", 1)[1] for key in load_lexicon().titles if key.startswith("portfolio_country_")
                   and any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in title_cues(key)
                           if not full or w.startswith("ministre "))]
            if len(own) == 1 and dateline in (None, own[0]):
                h = replace(h, office=_place(post_type, own[0]))
        out.append(h)
    return out


def _listed_lines(doc: Doc, found: list[Attachment]) -> list[Attachment]:
    """"Voici la composition du gouvernement : - Ministre des Armées, des Anciens combattants … : X ;":
    a line of a list (a bullet or not) whose heading holds posts and runs to a colon with no verb nor
    name, the line ending on one name (then only punctuation) gives that person every post of its heading.  The parser
    often ends the sentence at the colon, so the line, not the sentence, is read."""
    out: list[Attachment] = []
    people = doc._.people or []
    start = 0
    for line in doc.text.split("\n"):
        lo, hi = start, start + len(line)
        start = hi + 1
        colon = line.rfind(" :")
        if colon < 0 or ":" in line[:colon]:
            continue
        tokens = [t for t in doc if lo <= t.idx < hi and not t.is_space]
        at = next((k for k, t in enumerate(tokens) if t.idx >= lo + colon + 1), None)  # the colon
        if at is None or at == 0 or at + 1 >= len(tokens) or at > LINE_HEADING_REACH + 1:
            continue
        heading = [t for t in tokens[:at] if t.text not in BULLETS]
        named = [m for m in people if lo + colon < m.span.start_char < hi]
        if not heading or not heading[0].text[:1].isupper() or len(named) != 1 \
                or named[0].span.start != tokens[at + 1].i \
                or not all(t.is_punct for t in doc[named[0].span.end:tokens[-1].i + 1]) \
                or any(t.pos_ in ("VERB", "AUX") for t in heading) \
                or any(m.span.start_char < lo + colon and m.span.end_char > lo for m in people):
            continue
        posts = [p for p in posts_within(doc, heading[0].i, tokens[at].i) if not p.former]
        m = named[0]
        for post in posts:
            if not any(a.person.key == m.key and a.post is not None and a.post.post_type == post.post_type
                       for a in found):
                out.append(Attachment(m, post, "apposition", _cover(doc, m.span, post.span)))
    return out


def _foreign_seat(doc: Doc, h: Holding, holdings: list[Holding]) -> bool:
    """A national post read from a portfolio or a seat ("a quitté Matignon", "reste au Pentagone") in a
    state its holder is not from: the gazetteer knows them elsewhere, or the article gives them the same
    post in another state ("Le chancelier autrichien X a quitté Matignon"): a visitor, not the holder."""
    country, _, post_type = h.office.partition(".")
    if country == UNKNOWN or post_type not in NATIONAL_POSTS or not all(e.rule == "portfolio" for e in h.evidence):
        return False
    other = any(g.person == h.person and g.office.partition(".")[2] == post_type and not g.office.startswith(
        (country + ".", UNKNOWN + ".")) for g in holdings)
    return other or _elsewhere(known_countries(doc), h.person, post_type, country)


SUCCESSOR_REACH = 12  # tokens between a purpose phrase ("pour lui succéder") and the successor's name
APPOINT_REACH = 4  # tokens before the purpose phrase where its appointing verb may stand ("et désigné pour …")


def _named_successors(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"… a accepté la démission de son ministre de la Défense, X, et désigné pour lui succéder Y",
    "Pour la remplacer, le chef de l'État a fait appel à Y": a purpose phrase whose pronoun stands for
    the leaver (``successor_purpose_fr``) and a verb of an appointment made (``successor_appoint_fr``;
    not "a proposé", still to be confirmed) give the name after them the leaver's post.  The leaver is
    the last name before the phrase in its sentence that is not the subject (the appointer), else the
    subject of the sentence before; only a leaver with one post in the article passes it on."""
    out: list[Holding] = []
    folded_doc = [fold(t.text) for t in doc]
    verbs = {fold(v) for v in title_cues("successor_appoint_fr")}
    for cue in title_cues("successor_purpose_fr"):
        words = fold(cue).split()
        for k in range(len(doc) - len(words)):
            if folded_doc[k:k + len(words)] != words:
                continue
            sent, end = doc[k].sent, k + len(words)
            after = [m for m in people_within(doc, end, min(sent.end, end + SUCCESSOR_REACH))]
            if not after or people_within(doc, end, after[0].span.start):
                continue
            lead = set(folded_doc[max(sent.start, k - APPOINT_REACH):k]) | set(folded_doc[end:after[0].span.start])
            if not lead & verbs:
                continue
            gone = leaver(doc, sent, k)
            if gone is None or gone.key == after[0].key:
                continue
            offices = {h.office for h in holdings if h.person == gone.key}
            if len(offices) == 1:
                span = doc[k:after[0].span.end]
                out.append(Holding(after[0].key, offices.pop(), (evidence(span, "successor"),), replaces=gone.key))
    return out + _subject_successors(doc, holdings, folded_doc)


PAST_HOLD_FORMS = frozenset(("occupe", "tenu", "detenu", "exerce"))  # participles after "a"/"avait" (folded)
NAMED_POST_REACH = 4  # tokens of titles between "le poste de" and the holder's name ("de M.", "du général")


def _post_of_named(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"X avait lui-même occupé le poste de M. Y pendant quatorze ans": X holds (here held) the post Y is
    known to hold in the article, when Y holds one (or one single-holder post among several).  X is the
    name nearest before the verb in its sentence, with no other verb between; a past tense ("a occupé",
    "avait occupé") makes it a former post."""
    out: list[Holding] = []
    folded_doc = [fold(t.text) for t in doc]
    verbs = title_cues("post_hold_verbs_fr")
    for k, word in enumerate(folded_doc):
        if word not in verbs:
            continue
        j = k + 1
        while j < len(doc) and folded_doc[j] in ("lui-meme", "elle-meme", "deja", "aussi", "egalement"):
            j += 1
        if folded_doc[j:j + 2] != ["le", "poste"] or j + 2 >= len(doc) or folded_doc[j + 2] not in OF:
            continue
        i = j + 3
        while i < min(len(doc), j + 3 + NAMED_POST_REACH) and (folded_doc[i] in _titles() or doc[i].text in (
                "M.", "Mme", ".")):
            i += 1
        owner = next(iter(people_within(doc, i, i + 1)), None)
        sent = doc[k].sent
        before = [m for m in people_within(doc, sent.start, k) if m.span.end <= k]
        if owner is None or not before or before[-1].key == owner.key \
                or any(t.pos_ == "VERB" for t in doc[before[-1].span.end:k]):
            continue
        types = {load_lexicon().office(h.office).type: h.office for h in holdings if h.person == owner.key}
        chosen = counterpart_type(types)
        if chosen is None:
            continue
        holder = before[-1]
        past = word in PAST_HOLD_FORMS and k > 0 and folded_doc[k - 1] in ("a", "avait", "aura") or (
            k > 1 and folded_doc[k - 2] in ("a", "avait") and folded_doc[k - 1] in ("lui-meme", "elle-meme", "deja"))
        if past:
            notes(doc).outgoing.add((holder.key, chosen))
        out.append(Holding(holder.key, types[chosen], (evidence(doc[holder.span.start:owner.span.end], "post-of"),),
                           attested=None if past else _ref_day(doc)))
    return out


INCISE_REACH = 12  # tokens of an apposition set off between a successor's name and "le remplace"


def _subject_successors(doc: Doc, holdings: list[Holding], folded_doc: list[str]) -> list[Holding]:
    """"L'amiral X a présenté sa démission. Le général Y lui succède": a succession verb whose object
    pronoun stands for the leaver (``successor_pronoun_verbs_fr``) gives its subject, the name right
    before it (titles between), the leaver's post; the leaver as in :func:`_named_successors`."""
    out: list[Holding] = []
    for cue in title_cues("successor_pronoun_verbs_fr"):
        words = fold(cue).replace("'", "' ").split()
        for k in range(len(doc) - len(words)):
            if folded_doc[k:k + len(words)] != words:
                continue
            sent = doc[k].sent
            before = people_within(doc, sent.start, k)
            between = doc[before[-1].span.end:k] if before else doc[k:k]
            incise = len(between) >= 2 and between[0].text == between[-1].text == "," and len(between) <= INCISE_REACH \
                and not any(t.pos_ in ("VERB", "AUX") for t in between)  # "Y, jusqu'ici ministre de …, le remplace"
            if not before or not (incise or _only_glue(between, allow_title=True, former=False)):
                continue
            gone = leaver(doc, sent, k)
            moved = _mover_before(doc, sent, holdings) if gone is None else None
            if moved is not None:  # "X, qui occupait jusqu'ici le poste de A, devient B. Y lui succède": A
                gone, offices = moved
            elif gone is None or gone.key == before[-1].key:
                continue
            else:
                offices = {h.office for h in holdings if h.person == gone.key}
            if gone.key == before[-1].key:
                continue
            if len(offices) == 1:
                out.append(Holding(before[-1].key, offices.pop(), (evidence(doc[before[-1].span.start:k + len(words)],
                                                                              "successor"),), replaces=gone.key))
    return out


MOVE_VERBS = frozenset(("devient", "deviendra", "devenu", "devenue"))


def _mover_before(doc: Doc, sent: Span, holdings: list[Holding]) -> tuple[PersonMention, set[str]] | None:
    """The subject of the sentence before ``sent`` when its verb moves it to a new post ("X, qui occupait
    jusqu'ici le poste de A, devient B"), with the one post the text says that person is leaving (A)."""
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    verb = next((t for t in before if fold(t.text) in MOVE_VERBS), None)
    if verb is None:
        return None
    subjects = {m.key: m for m in people_within(doc, before.start, verb.i) if _subject_dep(m)}
    if len(subjects) != 1:
        return None
    subject = next(iter(subjects.values()))
    state = notes(doc)
    left = {h.office for h in holdings if h.person == subject.key
            and (subject.key, office_type(h.office)) in state.outgoing | state.former}
    return (subject, left) if len(left) == 1 else None


LEAVER_REACH = 16  # tokens after a word of departure to the leaver's name ("a limogé vendredi le chef …, X")


def leaver(doc: Doc, sent: Span, k: int) -> PersonMention | None:
    """Whom the pronoun of a purpose phrase at token ``k`` stands for: the person whose departure the
    text tells last before it, in its sentence or the one before.  After a departure verb or noun with
    its complement ("a limogé vendredi le chef d'état-major, le général X", "la démission de son
    ministre …, X": ``term_departure_fr``), the first name after it; before a departure its subject
    tells ("X a démissionné", ``term_departure_subject_fr``) or one owned by a possessive ("X a présenté
    sa démission au président Y"), the subject.  None without a departure: the appointer, the subject
    before, is never the leaver ("Il a désigné pour lui succéder Y")."""
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    folded_doc = [fold(t.text) for t in doc[lo:k]]
    words = {fold(c).split()[0] for c in title_cues("term_departure_fr")} - {"a", "quitte"}  # "relevé (de …)"
    subject_cues = [fold(c).split() for c in title_cues("term_departure_subject_fr")]
    for d in range(k - 1, lo - 1, -1):
        here = folded_doc[d - lo:]
        own = doc[d].sent
        named = people_within(doc, own.start, d)
        subjects = [m for m in named if _subject_dep(m)] or (named if len({m.key for m in named}) == 1 else [])
        ending = any(folded_doc[max(0, d - lo - len(c) + 1):d - lo + 1] == c for c in subject_cues)
        passive = any(c.dep_ == "aux:pass" for c in doc[d].children)
        if any(here[:len(c)] == c for c in subject_cues) or (here[0] in words and (ending or passive)):
            return subjects[-1] if subjects else None  # "X a démissionné", "X a été limogé"
        if here[0] not in words:
            continue
        if d > lo and folded_doc[d - lo - 1] in POSSESSIVES:  # "X a présenté sa démission au président Y"
            return subjects[-1] if subjects else None
        complement = d + 1 < len(doc) and fold(doc[d + 1].text) in OF  # "la démission de …"
        after = people_within(doc, d + 1, min(own.end, d + 1 + LEAVER_REACH, k))
        if after and (complement or doc[d].pos_ in ("VERB", "AUX")) \
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[d + 1:after[0].span.start]):
            return after[0]
        return None
    return None


def _bare_minister_owners(doc: Doc, attachments: list[Attachment], known: list[Holding]) -> list[Attachment]:
    """"« … », insiste le ministre, qui doit recevoir son homologue kazakh, X": a counterpart whose
    sentence names no one else, with a bare "le ministre" / "la ministre" (no portfolio, no demonym)
    before the word, is the counterpart of the one person the article has so far given a minister's
    post of the lists (defence or foreign affairs); of several, the one of the noun's gender told as a
    subject in the sentences just before ("M. X a rappelé …"), else nobody's."""
    nouns = title_cues("minister_nouns_fr")
    out = []
    for a in attachments:
        if a.rule == "counterpart" and a.counterpart_of is None and a.post is not None:
            word = a.post.span
            sent = word.sent
            bare = next((t for t in doc[sent.start:word.start] if fold(t.text) in nouns and t.i > sent.start
                         and fold(doc[t.i - 1].text) in ("le", "la") and t.i + 1 < len(doc)
                         and fold(doc[t.i + 1].text) not in OF and not doc[t.i + 1]._.kg_demonym
                         and not any(p.span.start <= t.i < p.span.end for p in find_posts(doc))), None)
            owners = {h.person for h in known if office_type(h.office) in DELEGATED_MINISTRIES
                      and any(e.end <= sent.start_char for e in h.evidence)} if bare is not None else set()
            if len(owners) > 1 and bare is not None:  # "M. X a rappelé que … Le ministre a démenti …"
                owners = _last_subject_among(doc, sent, _same_gender(doc, attachments, owners, doc[bare.i - 1]))
            owner = next((p for p in doc._.people or [] if p.key in owners), None) if len(owners) == 1 else None
            if owner is not None and owner.key != a.person.key:
                a = replace(a, counterpart_of=owner)
        out.append(a)
    return out


def _same_gender(doc: Doc, attachments: list[Attachment], keys: set[str], article: Token) -> set[str]:
    """Of ``keys``, those not introduced with a post of the other gender than the bare noun's article
    ("Le ministre" is not "la ministre lettonne …, Y")."""
    other = {"le": "la", "la": "le"}[fold(article.text)]
    return {k for k in keys if not any(a.person.key == k and a.post is not None and a.post.span.start > 0
                                       and fold(doc[a.post.span.start - 1].text) == other for a in attachments)}


#: Sentences back where a bare "le ministre" finds the minister told as a subject just before.
BARE_MINISTER_REACH = 2


def _last_subject_among(doc: Doc, sent: Span, keys: set[str]) -> set[str]:
    """Of ``keys``, the one person named as a subject in the sentences just before ``sent`` (the
    nearest such sentence decides; blank ones do not count), or nothing."""
    start, told = sent.start, 0
    while start > 0 and told < BARE_MINISTER_REACH:
        start = doc[start - 1].sent.start
        before = doc[start].sent
        if not before.text.strip():
            continue
        told += 1
        subjects = {m.key for m in people_within(doc, before.start, before.end)
                    if m.key in keys and subject_node(m.span) is not None}
        if subjects:
            return subjects
    return set()


def _state_secretary_general(h: Holding) -> bool:
    """A "secrétaire général" or "directeur général" of a state ("du ministère de la Défense", "du
    gouvernement", of a company) is a civil servant or an executive, not the head of an
    organisation's secretariat that the post type stands for."""
    country, _, post_type = h.office.partition(".")
    return post_type == "secretary_general" and _is_state(country)


def _named_after(doc: Doc, post: PostMention) -> bool:
    """A post followed by a capitalised word ("le président du Kazakhstan, Kassym-Jomart Tokaïev")
    has a holder of its own, even one the people finder missed: not a role noun."""
    i = post.span.end + (1 if post.span.end < len(doc) and doc[post.span.end].text == "," else 0)
    return i < len(doc) and doc[i].text[:1].isupper() and "\n" not in doc[i - 1].whitespace_


def _plural_role_noun(doc: Doc, post: PostMention) -> bool:
    """"Les ministres de la Défense américain et chinois ont eu jeudi leur premier échange": a definite
    plural post with one demonym per holder and no name of its own, read as one role noun per country
    (each must find its own person, all different, or none is given the post)."""
    start = post.span.start
    return (len(post.countries) > 1 and _plural(post) and start > 0 and fold(doc[start - 1].text) == "les"
            and not _named_after(doc, post))


def _role_nouns(doc: Doc, attachments: list[Attachment], known: list[Holding]) -> list[Holding]:
    """"Vladimir Poutine a déclaré … Le président russe a ordonné …": a definite post phrase with
    no name of its own gives its post to the person it refers to (see :mod:`kg.extract.coref`).
    "le président américain et son homologue russe" is two role nouns, one per country; a role noun
    with no country ("Le secrétaire à la Défense a …") gives the post in the holder's known country,
    else in the wording's own country, else in an unknown one that :func:`place_in_article` settles."""
    lexicon = load_lexicon()
    held: dict[str, set[str]] = {}
    for h in known:
        held.setdefault(h.person, set()).add(h.office)
    people_countries = known_countries(doc)
    attached = {a.post.span.start for a in attachments if a.post}
    out = []
    for post in find_posts(doc):
        replaced = None  # the one a new holder's role noun replaced
        single = lexicon.post_types[post.post_type].single_holder
        if (post.span.start in attached or post.former or not single or _complement(doc, post)
                or not (is_role_noun(doc, post.span) or _headline_new_holder(doc, post) or _plural_role_noun(doc, post))
                or _named_after(doc, post)):
            continue
        if len(post.countries) > 1:  # one person per country, all different, or nothing
            found = [person_for(doc, post.post_type, [c], post.span.start, held, people_countries)
                     for c in post.countries]
            if any(p is None for p in found) or len({p.key for p in found if p}) != len(found):
                continue
            pairs = [(p, o) for p, o in zip(found, post.offices(), strict=True) if p is not None]
        else:
            person = person_for(doc, post.post_type, post.countries, post.span.start, held,
                                _at_home(doc, people_countries, post.countries))
            if person is None and not _held_by_a_named_one(post, known):
                person = _lead_subject(doc, post) or _datelined_cataphor(doc, post, held, people_countries) \
                    or _next_sentence_cataphor(doc, post, held, people_countries) or _colon_cataphor(doc, post) \
                    or _dateline_sole_leader(doc, post, held, people_countries)
            if person is None or _someone_else(doc, post, person) or _close_to_another(doc, post, person, held) \
                    or known_in_other_post(doc, person.key, post.post_type):
                continue
            successor, replaced = successor_before(doc, post.post_type, set(post.countries), post.span.start, held,
                                                   people_countries)  # "He was replaced by Y. … the new defence
            if successor is None or successor.key != person.key:  # minister" is Y, who replaced X
                replaced = None
            pairs = [(person, _role_noun_office(post, country_of(person.key, held, people_countries)))]
            if _other_holder_named_later(doc, post, person, pairs[0][1], known, people_countries):
                continue
        for person, office in pairs:
            held.setdefault(person.key, set()).add(office)
            if post.default_country and office.startswith(UNKNOWN + "."):
                notes(doc).defaults[(person.key, post.post_type)] = post.default_country
            out.append(Holding(person.key, office, (evidence(post.span, "role-noun"),), attested=_ref_day(doc),
                               replaces=replaced if len(pairs) == 1 else None))
        if len(pairs) == 1:  # "Le chef de la diplomatie paraguayenne, qui a été ambassadeur à Washington, …"
            person = pairs[0][0]
            also = _copular_relative_post(doc, PersonMention(post.span, key=person.key))
            if also is not None and also.span.start > post.span.end:
                office = _role_noun_office(also, country_of(person.key, held, people_countries))
                held.setdefault(person.key, set()).add(office)
                out.append(Holding(person.key, office, (evidence(also.span, "role-noun"),)))
    return out


FORMER_SUBJECT_OPENING = 2  # tokens before a former post's noun opening its sentence ("L'ancien", "L'ex-")


def _former_role_subjects(doc: Doc, known: list[Holding]) -> list[Holding]:
    """"C'est X, secrétaire du Conseil, qui conduira la délégation. L'ancien ministre de la Défense, remplacé à ce
    poste par Y, …": a former post's role noun opening its sentence, set off by a comma and naming nobody,
    stands for the one person the sentence before names; that person held the post (a past holding, in the
    country the wording gives, else the one of the person's other posts here)."""
    out = []
    sents = list(doc.sents)
    for post in find_posts(doc):
        sent = post.span.sent
        if not post.former or post.span.start - sent.start > FORMER_SUBJECT_OPENING or post.span.end >= sent.end \
                or doc[post.span.end].text != "," or people_within(doc, sent.start, post.span.end) \
                or _apposed_name_after(doc, post.span.end + 1, sent.end) \
                or _object_pronoun(doc, post.span.end, sent.end):
            continue  # "L'ancien ministre de la Défense, le général X, …": the name set off is his, no anaphora;
            # "X s'est exprimé. L'ancien ministre …, l'a critiqué": the pronoun is X, the role noun another
        k = next((i for i, s in enumerate(sents) if s.start == sent.start), 0)
        prev = next((s for s in reversed(sents[:k]) if s.text.strip()), None)
        named = {m.key: m for m in people_within(doc, prev.start, prev.end)} if prev is not None else {}
        if len(named) != 1:
            continue
        person = next(iter(named.values()))
        countries = {h.office.split(".")[0] for h in known if h.person == person.key and not h.office.startswith("?.")}
        country = post.countries[0] if post.countries else (countries.pop() if len(countries) == 1 else None)
        office = _role_noun_office(post, country)
        notes(doc).former.add((person.key, post.post_type))
        out.append(Holding(person.key, office, (evidence(post.span, "former-role-noun"),)))
    return out


SERVICE_WORDS = (("armee", "de", "l'", "air"), ("armee", "de", "l'", "air", "et", "de", "l'", "espace"),
                 ("armee", "de", "terre"), ("marine",), ("aviation",), ("force", "aerienne"), ("forces", "navales"),
                 ("forces", "terrestres"), ("marine", "nationale"))
SERVICE_OF_WORDS = {"air": "air_force_chief", "espace": "air_force_chief", "aviation": "air_force_chief",
                    "aerienne": "air_force_chief", "terre": "army_chief", "terrestres": "army_chief",
                    "marine": "navy_chief", "navales": "navy_chief", "nationale": "navy_chief"}


def _service_counterparts(doc: Doc, known: list[Holding]) -> list[Holding]:
    """"Le commandant de l'armée de terre, le général X, et son homologue de l'armée de l'air, le
    lieutenant-brigadier Y, …": the counterpart of a service chief in another service is that service's chief,
    in the same country, when the person "son" stands for (named before in the sentence) heads a service."""
    out = []
    folded = [fold(t.text) for t in doc]
    for t in doc:
        if folded[t.i] not in ("homologue", "homologues") or t.i == 0 or folded[t.i - 1] not in ("son", "sa", "leur"):
            continue
        k = t.i + 1
        if k >= len(doc) or folded[k] not in ("de", "du", "d'"):
            continue
        k += 1 + (k + 1 < len(doc) and folded[k + 1] in ("la", "l'"))
        words = next((w for w in sorted(SERVICE_WORDS, key=len, reverse=True)
                      if tuple(folded[k:k + len(w)]) == w), None)
        if words is None or k + len(words) >= len(doc) or doc[k + len(words)].text != ",":
            continue
        j = k + len(words) + 1
        while j < len(doc) and j - k <= len(words) + 1 + TITLE_SKIP and folded[j] in _titles() | {"le", "la", "l'"}:
            j += 1
        holder = next((m for m in people_within(doc, j, j + 1) if m.span.start == j), None)
        owners = [m for m in people_within(doc, t.sent.start, t.i) if m.span.end <= t.i]
        owner = owners[-1] if owners else None
        if holder is None or owner is None or owner.key == holder.key:
            continue
        chief = next((h.office for h in known if h.person == owner.key
                      and h.office.partition(".")[2] in SERVICE_CHIEFS), None)
        post_type = SERVICE_OF_WORDS[words[-1]]
        if chief is None or chief.partition(".")[2] == post_type:
            continue
        country = chief.split(".")[0]  # unknown yet ("?"): placed with the owner's (place_in_article)
        office = f"{UNKNOWN}.{post_type}" if country == UNKNOWN else _place(post_type, country)
        out.append(Holding(holder.key, office, (evidence(doc[t.i - 1:holder.span.end], "service-counterpart"),)))
    return out


OBJECT_PRONOUNS = frozenset(("lui", "leur", "him", "her"))


def _object_pronoun(doc: Doc, lo: int, hi: int) -> bool:
    """An object pronoun between ``lo`` and ``hi`` ("l'a critiqué", "lui a succédé", "criticised him"): it
    stands for someone named before, so a role noun subject there is another person."""
    return any(fold(t.text) in OBJECT_PRONOUNS or fold(t.text) in ("l'", "le", "la") and t.pos_ == "PRON"
               for t in doc[lo:hi])


def _apposed_name_after(doc: Doc, k: int, end: int) -> bool:
    """A name (articles and ranks before it) right at token ``k``: an apposition, not an incise."""
    start = k
    while k < end and k - start <= TITLE_SKIP and fold(doc[k].text) in _titles() | {"le", "la", "l'", "."}:
        k += 1
    return any(m.span.start == k for m in people_within(doc, k, k + 1))


SERVICE_CHIEFS = frozenset(("army_chief", "navy_chief", "air_force_chief"))
BARE_CHIEF_WORDINGS = frozenset(("chef d'etat-major", "cheffe d'etat-major"))


def _service_chief_named(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Le général X prend la tête de l'armée de l'Air. … Le nouveau chef d'état-major a …": a bare
    "chef d'état-major" role noun naming someone the article makes a service chief is that post, not
    the chief of the defence staff the bare wording means alone; that role-noun holding is dropped."""
    lexicon = load_lexicon()
    chiefs = {h.person for h in holdings if lexicon.office(h.office).type in SERVICE_CHIEFS}
    return [h for h in holdings if not (
        h.person in chiefs and h.office.endswith(".chief_of_defence") and all(
            e.rule == "role-noun" and fold(doc.text[e.start:e.end]) in BARE_CHIEF_WORDINGS for e in h.evidence))]


def _datelined_cataphor(doc: Doc, post: PostMention, held: dict[str, set[str]],
                        people_countries: dict[str, str]) -> PersonMention | None:
    """"BERLIN — Le chancelier avait voulu une réunion courte. … Friedrich Merz recevait …": a role noun
    with no country that opens the story before anyone is named stands for the first person the article
    names, when that person is a subject, holds no post here and the gazetteer places them in the dateline's
    country."""
    if post.countries or people_within(doc, 0, post.span.start):
        return None
    country = _dateline_country(doc)
    if country is None:
        return None
    first = next((m for m in doc._.people or [] if m.span.start >= post.span.end), None)
    if first is None or people_countries.get(first.key) != country or held.get(first.key) \
            or not (_subject_dep(first) or opens_as_subject(first.span.root, first.span.sent)
                    or _opens_before_verb(doc, first)):
        return None  # "Le Premier ministre a reçu le chef de l'opposition, X": X is no subject, nor the premier
    return first


def _next_sentence_cataphor(doc: Doc, post: PostMention, held: dict[str, set[str]],
                            people_countries: dict[str, str]) -> PersonMention | None:
    """"PARIS — … Le président de la République a tenu à saluer … son ancien ministre. Emmanuel Macron,
    qui …": a role noun with no country opening its sentence as the subject, in a sentence naming nobody,
    stands for the name that opens the next sentence, when that person holds no post here and the
    gazetteer places them in the dateline's country."""
    sent = post.span.sent
    if post.countries or post.span.start > sent.start + 1 or people_within(doc, sent.start, sent.end):
        return None
    country = _dateline_country(doc)
    if country is None or sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    while not nxt.text.strip() and nxt.end < len(doc):
        nxt = doc[nxt.end].sent
    first = next((m for m in people_within(doc, nxt.start, nxt.end)), None)
    if first is None or first.span.start != nxt.start or held.get(first.key) \
            or people_countries.get(first.key) != country:
        return None
    return first


def _dateline_sole_leader(doc: Doc, post: PostMention, held: dict[str, set[str]],
                          people_countries: dict[str, str]) -> PersonMention | None:
    """"JAKARTA — Sugiono, ministre des Affaires étrangères, est un proche de Prabowo Subianto. Le chef de
    l'État, qui fut …": a head of state's or government's role noun with no country, in a datelined
    article, is the one person named before it whom the gazetteer places in the dateline's state and who
    holds no post here, when nobody there holds that post yet."""
    if post.countries or post.post_type not in TOP_POSTS:
        return None
    country = _dateline_country(doc)
    if country is None:
        return None
    before = [m for m in doc._.people or [] if m.span.end <= post.span.start]
    if any(o in (f"{country}.{post.post_type}", f"{UNKNOWN}.{post.post_type}") for m in before
           for o in held.get(m.key, ())):
        return None  # someone named before holds that post there already (or with no country yet)
    fits = {m.key: m for m in before if people_countries.get(m.key) == country and not held.get(m.key)}
    return next(iter(fits.values())) if len(fits) == 1 else None


NEW_HOLDER_WORDS = frozenset(("nouveau", "nouvelle", "nouvel"))


def _colon_cataphor(doc: Doc, post: PostMention) -> PersonMention | None:
    """"Le nouveau commandant général des forces militaires vient de la marine : l'amiral X remplace Y": a
    new holder's role noun opening its sentence, naming nobody before a colon, announces the name that
    opens the clause after the colon (a rank and an article may come first)."""
    sent = post.span.sent
    lead = [fold(t.text) for t in doc[sent.start:post.span.start]]
    if not lead or lead[-1] not in NEW_HOLDER_WORDS or len(lead) > 2:
        return None
    colon = next((t.i for t in doc[post.span.end:sent.end] if t.text == ":"), None)
    if colon is None or people_within(doc, sent.start, colon):
        return None
    k = colon + 1
    while k < sent.end and k - colon <= TITLE_SKIP and fold(doc[k].text) in _titles() | {"le", "la", "l'"}:
        k += 1
    first = next((m for m in people_within(doc, k, k + 1)), None)
    return first if first is not None and first.span.start == k else None


TITLE_SKIP = 5  # words of an article and a rank between the colon and the name ("l'amiral", "le général de brigade")


def _headline_new_holder(doc: Doc, post: PostMention) -> bool:
    """"Nouveau chef d'état-major : le général X": a headline drops the article of the new holder's role
    noun; the role noun opening its line after "Nouveau" announces the name after the colon."""
    sent = post.span.sent
    lead = doc[sent.start:post.span.start]
    opens_line = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    return (len(lead) == 1 and fold(lead[0].text) in NEW_HOLDER_WORDS and lead[0].text[0].isupper()
            and opens_line and _colon_cataphor(doc, post) is not None)


def _other_holder_named_later(doc: Doc, post: PostMention, person: PersonMention, office: str,
                              known: list[Holding], people_countries: dict[str, str]) -> bool:
    """"RDC : le chef d'état-major des FARDC en tournée … Le général X, chef d'état-major général des FARDC
    …": a role noun told before anyone is named refers to the one the article names in that very office
    (its country the one the role noun would give it), not to another person of that country (one whose
    own post the text fails to say)."""
    if people_within(doc, 0, post.span.start):
        return False
    country, post_type = office.partition(".")[0], office_type(office)
    holders = {h.person for h in known if office_type(h.office) == post_type and (
        h.office.partition(".")[0] == country or h.office.partition(".")[0] == UNKNOWN
        and people_countries.get(h.person, country) == country)}  # "?.chief_of_defence": placed later
    return bool(holders) and person.key not in holders


def _held_by_a_named_one(post: PostMention, known: list[Holding]) -> bool:
    """"Erevan – Le chef d'état-major arménien reconduit" over "Le Premier ministre X a reconduit le
    général Y, chef de l'état-major général": a role noun told before anyone is named is not read
    forward into the lead's subject when the article names someone else in that very office."""
    offices = set(post.offices())
    return bool(offices) and any(h.office in offices for h in known)


def _lead_subject(doc: Doc, post: PostMention) -> PersonMention | None:
    """"La ministre des Armées en visite à Lorient" over "Catherine Vautrin a passé la matinée …": a role
    noun opening the headline (the article's first line, which names nobody) is the one person the
    lead's first sentence opens with as its subject, when the gazetteer places that person in the
    post's country."""
    line_end = doc.text.find("\n")
    if line_end < 0 or post.span.end_char > line_end or people_within(doc, 0, post.span.sent.end):
        return None
    opening = doc[post.span.sent.start:post.span.start]
    if any(not (t.is_punct or t.pos_ == "DET") for t in opening):
        return None  # "l'opposition attaque la ministre de la Défense": the headline's object, not its topic
    after = [s for s in doc.sents if s.start_char > line_end and s.text.strip()]
    if not after:
        return None
    lead = after[0]
    found = {p.key: p for p in people_within(doc, lead.start, lead.end) if opens_as_subject(p.span.root, lead)}
    person = next(iter(found.values())) if len(found) == 1 else None
    if person is None or not post.countries or known_countries(doc).get(person.key) not in post.countries:
        return None  # "Le ministre indien … \n\n X a parlé …": X may be anyone the gazetteer does not place there
    return person


def _someone_else(doc: Doc, post: PostMention, person: PersonMention) -> bool:
    """"X s'entretient avec le ministre saoudien", "X a appelé le président russe": a role noun that
    is not a subject, after a person named as the subject of its own clause, is someone else."""
    root = post.span.root
    if root.dep_ in ("nsubj", "nsubj:pass") or person.span.sent != post.span.sent:
        return False
    subject = person.span.root
    while subject.dep_ == "flat:name" and subject.head is not subject:
        subject = subject.head
    if subject.dep_ in ("nsubj", "nsubj:pass") and root.i in {t.i for t in subject.head.subtree}:
        return True
    # "Le prince héritier et ministre de la Défense, X, a reçu le secrétaire américain à la Défense":
    # the parser hangs the titled name elsewhere, but it opens the sentence before the role noun's verb
    return _opens_with(doc, post.span.sent, person, joined=True) and person.span.end <= post.span.start \
        and root.dep_ in ("obj", "obl:arg", "obl", "iobj")


POSSESSIVES = frozenset(("son", "sa", "ses", "leur", "leurs"))
#: Nouns that tie a person to another ("X est un proche de Y", "l'allié de Y", "le fils de Y").
CLOSENESS_NOUNS = frozenset(("proche", "proches", "allie", "alliee", "fidele", "protege", "protegee", "ami", "amie",
                             "dauphin", "dauphine", "confident", "confidente", "favori", "favorite", "lieutenant"))


def _close_to_another(doc: Doc, post: PostMention, person: PersonMention, held: dict[str, set[str]]) -> bool:
    """"X est un proche du général Y. Le chef de l'État, qui …": a role noun resolved to X, from a sentence
    before its own that ties X to another person Y by a noun of closeness or kinship ("un proche de",
    "le frère de"), is as likely Y; unless X already holds a post of that type, it stays unknown."""
    if post.span.sent == person.span.sent or any(o.partition(".")[2] == post.post_type
                                                for o in held.get(person.key, set())):
        return False
    nouns = CLOSENESS_NOUNS | {fold(k) for k in title_cues("kinship_nouns_fr")}
    sent = person.span.sent
    for t in doc[person.span.end:sent.end]:
        if fold(t.text) not in nouns or t.i + 1 >= sent.end or fold(doc[t.i + 1].text) not in ("de", "du", "d'"):
            continue
        after = [m for m in people_within(doc, t.i + 2, min(sent.end, t.i + 6)) if m.key != person.key]
        if after:
            return True
    return False


def _unnamed_counterparts(doc: Doc, attachments: list[Attachment], known: list[Holding]) -> list[Holding]:
    """"X s'est entretenu avec ses homologues russe et ukrainien" with no name after: each demonym
    is a role noun for X's post in that country ("son homologue russe" = the Russian holder of X's
    post), resolved like one (:func:`kg.extract.coref.person_for`).  X is the one person whose posts
    the sentence states before the word; nothing when that is not one person with one post type."""
    lexicon = load_lexicon()
    held: dict[str, set[str]] = {}
    for h in known:
        held.setdefault(h.person, set()).add(h.office)
    people_countries = known_countries(doc)
    covered = {t.i for a in attachments if a.rule == "counterpart" and a.evidence_span is not None
               for t in a.evidence_span}
    out = []
    for t in doc:
        if fold(t.text) not in ("homologue", "homologues") or t.i == 0 or t.i in covered \
                or fold(doc[t.i - 1].text) not in POSSESSIVES:
            continue
        demonyms = [s for s in lex_within(doc, t.i + 1, t.i + 5, "DEMONYM") if s.start > t.i]
        if not demonyms or _named_after(doc, PostMention(doc[t.i:demonyms[-1].end], "")):
            continue
        sent = t.sent
        owners = {(h.person, h.office) for h in known if h.office.split(".")[0] != UNKNOWN and any(
            sent.start_char <= e.start and e.end <= t.idx for e in h.evidence)}
        if len({p for p, _ in owners}) != 1 or len({lexicon.office(o).type for _, o in owners}) != 1:
            continue
        owner, office = next(iter(owners))
        post_type, own_country = lexicon.office(office).type, office.split(".")[0]
        if not lexicon.post_types[post_type].single_holder:
            continue
        for s in demonyms:
            if s.kb_id_ == own_country:
                continue
            person = person_for(doc, post_type, [s.kb_id_], t.i, held, people_countries)
            if person is None or person.key == owner:
                continue
            found = lexicon.office_for(post_type, s.kb_id_).id
            held.setdefault(person.key, set()).add(found)
            out.append(Holding(person.key, found, (evidence(doc[t.i - 1:s.end], "counterpart-role"),),
                               attested=_ref_day(doc)))
    return out


def _counterparts_of_unnamed(doc: Doc, known: list[Holding]) -> list[Holding]:
    """"La ministre des Armées a reçu son homologue allemand, X", "Le chef d'état-major a reçu ses homologues
    allemand, X, et polonais, Y": the sentence's subject is a post phrase naming nobody (its opening words,
    past a dateline, with no name in the sentence before the counterpart word); each name set off after a
    demonym of the counterpart word holds that one-holder post in the demonym's state.  Names given a post
    already keep theirs."""
    lexicon = load_lexicon()
    people = doc._.people or []
    held = {h.person for h in known}
    out: list[Holding] = []
    for t in doc:
        if fold(t.text) not in ("homologue", "homologues") or t.i == 0 or fold(doc[t.i - 1].text) not in POSSESSIVES:
            continue
        sent = t.sent
        start = past_dateline(sent, title_case=True)
        posts = [p for p in posts_within(doc, start, t.i) if p.span.end <= t.i]
        if len(posts) != 1 or people_within(doc, sent.start, t.i) or not _single_holder(posts[0].post_type):
            continue
        subject = posts[0]
        if any(fold(w.text) not in ("le", "la", "l'") for w in doc[start:subject.span.start]) \
                or not (subject.span.end < len(doc) and doc[subject.span.end].pos_ in ("AUX", "VERB")):
            continue  # the post phrase opens the sentence and its verb follows: its subject, named nowhere here
        for demonym, name in _demonyms_naming(doc, t.i + 1, people):
            own = subject.countries[0] if len(subject.countries) == 1 else None
            if name.key in held or demonym.kb_id_ == own or not _is_state(demonym.kb_id_):
                continue
            held.add(name.key)
            out.append(Holding(name.key, lexicon.office_for(subject.post_type, demonym.kb_id_).id,
                               (evidence(doc[t.i - 1:name.span.end], "counterpart"),)))
    return out


COUNTRY_OF = frozenset(("de", "du", "des", "d'", "la", "l'"))


def bracketed_holders(doc: Doc, i: int, skip: AbstractSet[str], joiner: str,
                      name_at: Callable[[int], PersonMention | None]) -> list[tuple[PersonMention, str]]:
    """The "<country> (<name>)" items of a list starting at token ``i`` ("du Kazakhstan (X) et du Kirghizistan
    (Y)", "Chile (X) and Peru (Y)"), each with the ``skip`` words before its country ("du", "the"), joined by
    commas and ``joiner``; ``name_at`` finds the name that opens at a token, past its titles.  Every item must
    be so and there must be two at least, else nothing."""
    items: list[tuple[PersonMention, str]] = []
    while i < len(doc):
        while i < len(doc) and fold(doc[i].text) in skip:
            i += 1
        country = next((c for c in lex_within(doc, i, i + 4, "COUNTRY") if c.start == i), None)
        if country is None or country.end + 1 >= len(doc) or doc[country.end].text != "(":
            return []
        name = name_at(country.end + 1)
        if name is None or name.span.end >= len(doc) or doc[name.span.end].text != ")":
            return []
        items.append((name, country.kb_id_))
        i = name.span.end + 1
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i < len(doc) and fold(doc[i].text) == joiner:
            i += 1
        elif i >= len(doc) or doc[i - 1].text != ",":
            break
    return items if len(items) >= 2 else []


def _bracketed_after_countries(doc: Doc, known: list[Holding]) -> list[Holding]:
    """"Les ministres des Affaires étrangères du Kazakhstan (X) et du Kirghizistan (Y)": after a plural post,
    a list of "du <pays> (<nom>)" items joined by commas and "et" gives each name the post in its country; every
    item must be so, two at least (else nothing).  Names given that post type already keep theirs."""
    lexicon = load_lexicon()
    out: list[Holding] = []
    for post in find_posts(doc):
        if not fold(post.span[0].text).endswith(("s", "x")) or not _single_holder(post.post_type):
            continue
        countries = [c for c in lex_within(doc, post.span.start, post.span.end + 2, "COUNTRY")
                     if c.start > post.span.start]
        i = countries[0].start if countries else post.span.end
        while i > post.span.start and fold(doc[i - 1].text) in COUNTRY_OF:
            i -= 1
        items = bracketed_holders(doc, i, COUNTRY_OF, "et",  # "(le général X)"
                                  lambda k: _name_past_titles_at(doc, k, doc[k].sent))
        for name, country in items:
            if any(h.person == name.key and h.office.endswith("." + post.post_type) for h in known + out):
                continue
            out.append(Holding(name.key, lexicon.office_for(post.post_type, country).id,
                               (evidence(doc[post.span.start:name.span.end], "bracketed-countries"),)))
    return out


ACTING_HEADS = {"chef": "chief", "cheffe": "chief", "commandant": "chief", "chief": "chief", "commander": "chief",
                "head": "chief", "ministre": "minister", "minister": "minister"}
ACTING_LINKS = frozenset((",", "serves", "served", "is", "was", "as", "now", "named", "appointed", "became", "the",
                          "will", "serve", "has", "been", "designe", "designee", "nomme", "nommee", "comme", "le",
                          "la", "l'", "est", "devient", "assure", "en", "tant", "que"))


def acting_bare_heads(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"… a limogé le chef des forces de défense, Y, et désigné comme chef par intérim le général X", "The
    commander of the Malawi Defence Force, Y, was retained; his deputy, X, serves as acting chief": a bare head
    noun told as an interim ("chef par intérim", "acting chief", no complement of its own) stands for the one post
    of its kind (a chief's or a minister's) that another person named in the sentence holds; the name it is
    linked to (right after it past an article and ranks, or right before it past "serves as", "est") holds
    that post.  Nothing when the sentence gives that kind of post to nobody else or to several."""
    out = list(holdings)
    for t in doc:
        word = fold(t.text)
        english = word in ("acting", "interim") and t.i + 1 < len(doc) and fold(doc[t.i + 1].text) in ACTING_HEADS
        french = word in ACTING_HEADS and t.i + 2 < len(doc) and [fold(w.text) for w in doc[t.i + 1:t.i + 3]] == [
            "par", "interim"]
        if not (english or french):
            continue
        head = doc[t.i + 1] if english else t
        end = head.i + 1 if english else t.i + 3
        if end < len(doc) and (fold(doc[end].text) in ("of", "for", "de", "du", "des", "d'")
                               or doc[end].text[:1].isupper() and english):
            continue  # "acting chief of naval operations": a post of its own, read by the lexicon
        sent = t.sent
        named = people_within(doc, sent.start, sent.end)
        holder = _name_past_titles_at(doc, end, sent) if french else None
        if holder is None:
            before = [m for m in named if m.span.end <= t.i]
            holder = before[-1] if before and all(fold(w.text) in ACTING_LINKS for w in doc[before[-1].span.end:t.i]) \
                else None
        if holder is None:
            continue
        kind = ACTING_HEADS[fold(head.text)]
        others = {h.office for h in out if h.person != holder.key and any(m.key == h.person for m in named)
                  and _acting_kind(h.office.partition(".")[2]) == kind}
        if len(others) != 1 or any(h.person == holder.key for h in out if h.office in others):
            continue
        office = others.pop()
        out.append(Holding(holder.key, office, (evidence(doc[t.i:end], "acting-bare-head"),)))
    return out


def _acting_kind(post_type: str) -> str | None:
    if post_type.endswith("minister"):
        return "minister"
    return "chief" if "chief" in post_type or "commander" in post_type else None


def _demonyms_naming(doc: Doc, i: int, people: list[PersonMention]) -> list[tuple[Span, PersonMention]]:
    """"allemand, X, et polonais, Y", "russe X": each demonym and the name set off right after it."""
    found: list[tuple[Span, PersonMention]] = []
    while i < len(doc):
        demonym = next((s for s in lex_within(doc, i, i + 3, "DEMONYM") if s.start == i), None)
        if demonym is None:
            break
        k = demonym.end + (demonym.end < len(doc) and doc[demonym.end].text == ",")
        name = next((m for m in people if m.span.start == k), None)
        if name is None:
            break
        found.append((demonym, name))
        i = name.span.end + (name.span.end < len(doc) and doc[name.span.end].text == ",")
        if i >= len(doc) or fold(doc[i].text) != "et":
            break
        i += 1
    return found


def _role_noun_office(post: PostMention, country: str | None) -> str:
    offices = post.offices()
    if offices:
        return offices[0]
    return _place(post.post_type, country) if country else f"{UNKNOWN}.{post.post_type}"


def _attach_in(doc: Doc, sent: Span) -> list[Attachment]:
    posts = [p for p in posts_within(doc, sent.start, sent.end) if not _complement(doc, p)]
    mentions = people_within(doc, sent.start, sent.end)
    out: list[Attachment] = []
    used: set[int] = set()

    def attach(m: PersonMention, post: PostMention, rule: str = "apposition") -> None:
        used.add(id(post))
        out.append(Attachment(m, post, rule, _cover(doc, m.span, post.span)))

    linked: set[int] = set()  # mentions whose post was linked by a verb: a title before them still counts
    becoming: set[int] = set()  # ... by a verb of becoming: the title before them is the post they leave
    for m in mentions:
        post = _post_after(doc, m, posts)
        copular = _copular_relative_post(doc, m) if post is None else None
        if copular is not None:
            linked.add(id(m))  # "Le ministre … X, qui est aussi vice-Premier ministre": the title before counts
        relative = _post_in_relative_clause(doc, m) if post is None and copular is None else None
        if relative is not None:  # "Le Premier ministre par intérim, X, qui dirige par ailleurs la diplomatie"
            linked.add(id(m))  # the title before the name is X's too
        post = post or copular or relative
        if post is None:
            post = _post_linked(doc, m, posts) or _post_as_object(doc, m, posts)
            linked.add(id(m))
            if post is not None and _becomes(doc, m, post):
                becoming.add(id(m))
        if post is None or any(a.person is m for a in out):
            continue
        listed = _respectively(doc, post, _names_ending_at(doc, m, mentions))
        if listed is None:
            attach(m, post)
            if id(m) not in linked and relative is None:  # "X, vice-Premier ministre et ministre de la Défense"
                for q in _titles_listed_after(doc, post, posts):
                    attach(m, q)
            also = _post_linked(doc, m, posts, after=post)  # "X, ministre …, est aussi vice-président du Conseil"
            if also is None and relative is not None:  # "X, qui dirigeait la Défense, est nommé ministre …"
                also = _post_linked(doc, m, posts)
            if also is None and _appointed(doc, m):  # "la reconduction du général X, membre …, vice-président …,
                also = _past_apposed_titles(doc, m, posts)  # au poste de ministre de la Défense"
                also = also if also is not post else None
            if also is not None:  # "X, jusqu'ici chef de la diplomatie, devient vice-Premier ministre"
                attach(m, also)
        else:
            used.add(id(post))
            out += listed
    for m in mentions:
        if any(a.person is m for a in out) and id(m) not in linked and not _only_former_after(m, out) \
                and not _also_after(doc, m, out) and not _former_title_before(m, posts, used):
            continue
        post = _post_before(doc, m, [p for p in posts if id(p) not in used])
        if post is None or _listed_with_own_post(doc, sent, m, posts) or _kin_of_holder(doc, post, m):
            continue
        paired = _paired_posts(doc, post, posts, _names_starting_at(doc, m, mentions))
        if paired is not None:
            used.update(id(a.post) for a in paired)
            out += [a for a in paired if not any(b.person is a.person for b in out)]
            continue
        listed = _respectively(doc, post, _names_starting_at(doc, m, mentions))
        if listed is not None:
            used.add(id(post))
            out += [a for a in listed if not any(b.person is a.person for b in out)]
            continue
        owner = _owner_in_complement(doc, post, m)
        if owner is not None:
            used.add(id(post))
            out.append(Attachment(m, post, "aide", _cover(doc, m.span, post.span), counterpart_of=owner))
            continue
        bracketed = _bracketed_countries(doc, m, post, mentions)
        if bracketed:  # "les ministres de la Défense, X (Arabie saoudite), Y (Qatar) et Z (Bahreïn)"
            used.add(id(post))
            out += [a for a in bracketed if not any(b.person is a.person for b in out)]
            continue
        if id(m) in becoming:  # "le patron du MIT, X, devient ministre": X leaves the first post
            post = replace(post, former=True)
        attach(m, post)
        for q in _coordinated_before(doc, post, [p for p in posts if id(p) not in used]):
            attach(m, q)  # "Chef de la diplomatie depuis 2006 et vice-Premier ministre depuis 2024, X"
        out += _coordinated_posts(doc, m, post, posts, used)
        out += _plural_post_list(doc, m, post, mentions, out)
        out += _other_demonym_after(doc, m, post, mentions, out)
        out += _interleaved_countries(doc, m, post, mentions, out)
    for m in mentions:
        relation = _relation_before(doc, m, mentions) or _relation_after(doc, m, mentions)
        if relation:
            out.append(relation)
    out += _paired_counterparts(doc, sent, mentions, out)
    out += _post_taken_over(doc, posts, mentions, out)
    out += _cumulated_posts(doc, sent, posts, mentions, out)
    out += _fronted_posts(doc, sent, posts, out)
    out += _gapped_appointments(doc, sent, posts, mentions, out)
    out += _demonym_listed_counterparts(doc, sent, mentions, out)
    out += _demonstrative_subject(doc, sent, posts)
    out += _stand_in_posts(doc, sent, posts, mentions, out)
    out += _quoted_own_posts(doc, sent, posts, mentions, out)
    out += _plural_post_among(doc, sent, posts, mentions, out)
    out += _made_into_post(doc, sent, posts, mentions, out)
    out += _holders_listed_before(doc, sent, mentions, out)
    return out + _listed_counterparts(doc, sent, mentions, out)


def _holders_listed_before(doc: Doc, sent: Span, mentions: list[PersonMention],
                           found: list[Attachment]) -> list[Attachment]:
    """"Après X et Y, Z est le troisième ministre de la Défense": a post linked to its holder with an
    ordinal past the first, in a sentence that opens on "Après" and a list of names only: the names
    listed held that post before (a past term each)."""
    opener = next((t.i for t in sent[:4] if fold(t.text) == "apres"
                   and (t.i == sent.start or doc[t.i - 1].text in ("—", "–", "-", ":"))), None)
    if opener is None:  # "Après …" or "LONDRES — Après …"
        return []
    out = []
    for a in found:
        if a.post is None or a.post.former or a.person.span.start <= sent.start:
            continue
        between = [fold(t.text) for t in doc[a.person.span.end:a.post.span.start]]
        if not any(_ordinal(w) and w not in ("premier", "premiere") for w in between):
            continue
        listed = [m for m in mentions if opener < m.span.start and m.span.end <= a.person.span.start]
        covered = {i for m in listed for i in range(m.span.start, m.span.end)}
        glue = {",", "et", "m.", "mme"} | _titles()
        if not listed or not all(i in covered or fold(doc[i].text) in glue
                                 for i in range(opener + 1, a.person.span.start)):
            continue
        out += [Attachment(m, replace(a.post, former=True), "apposition", _cover(doc, m.span, a.post.span))
                for m in listed]
    return out


MAKING_VERBS = frozenset(("fait", "font", "faisait", "fera", "ferait", "fasse"))  # "(qui) fait de lui"
MADE_REACH = 25  # tokens from the name back before "qui fait de lui" to it


def _made_into_post(doc: Doc, sent: Span, posts: list[PostMention], mentions: list[PersonMention],
                    found: list[Attachment]) -> list[Attachment]:
    """"X, conseiller du Premier ministre, une fonction qui fait de lui le porte-parole du ministère", "Y a
    été nommé conseiller, ce qui fait d'elle la porte-parole du gouvernement": a post after "fait de lui /
    d'elle" (its article aside) is held by the last person named before the verb in the sentence."""
    out = []
    for p in posts:
        k = p.span.start - (p.span.start > sent.start and fold(doc[p.span.start - 1].text) in ("le", "la", "l'"))
        words = [fold(t.text) for t in doc[max(sent.start, k - 3):k]]
        if len(words) < 3 or words[-1] not in ("lui", "elle") or words[-2] not in ("de", "d'") \
                or words[-3] not in MAKING_VERBS:
            continue
        verb = k - 3
        before = [m for m in mentions if m.span.end <= verb and verb - m.span.end <= MADE_REACH]
        if not before or any(a.person is before[-1] and a.post is p for a in found):
            continue
        out.append(Attachment(before[-1], p, "apposition", _cover(doc, before[-1].span, p.span)))
    return out


AMONG_REACH = 8  # tokens between a plural post and the "dont" that names some of its holders


def _plural_post_among(doc: Doc, sent: Span, posts: list[PostMention], mentions: list[PersonMention],
                       found: list[Attachment]) -> list[Attachment]:
    """"cinq ministres de la Défense en seize mois, dont X et Y": the names a "dont" lists after a plural
    post (no verb nor other post between) held it."""
    out = []
    for p in posts:
        if not _plural(p) or fold(p.span[0].text) in ("homologues",):
            continue
        hi = min(sent.end, p.span.end + AMONG_REACH)
        among = next((t.i for t in doc[p.span.end:hi] if fold(t.text) == "dont"), None)
        if among is None or any(t.pos_ in ("VERB", "AUX") for t in doc[p.span.end:among]) \
                or posts_within(doc, p.span.end, among) or people_within(doc, p.span.end, among):
            continue
        first = _name_past_titles_at(doc, among + 1, sent)
        for m in ([first] + _names_starting_at(doc, first, mentions)[1:]) if first is not None else []:
            if not any(a.person is m and a.post is not None and a.post.post_type == p.post_type for a in found):
                out.append(Attachment(m, p, "apposition", doc[p.span.start:m.span.end]))
    return out


def _name_past_titles_at(doc: Doc, k: int, sent: Span) -> PersonMention | None:
    """The name that opens at token ``k`` past articles and titles ("dont le général X")."""
    while k < sent.end and fold(doc[k].text) in _titles() | {"le", "la", "l'", "m.", "mme"}:
        k += 1
    named = people_within(doc, k, k + 1)
    return named[0] if named else None


OWN_POST_LEADS = (("en", "tant", "que"), ("comme",))  # "« En tant que ministre de la Défense, je …"
OWN_PAST_LEADS = (("quand", "j'", "etais"), ("lorsque", "j'", "etais"), ("quand", "j'", "ai", "ete"),
                  ("lorsque", "j'", "ai", "ete"), ("j'", "ai", "ete"), ("j'", "etais"))  # "« Quand j'étais Premier
# ministre, je …", "« J'ai été ministre de la Défense »" (a former post)
OWN_FIRST_LEADS = (("je", "suis"), ("je", "reste"), ("je", "suis", "devenu"), ("je", "suis", "devenue"),
                   ("je", "suis", "desormais"))  # "« Je suis ministre de la Défense depuis 2023 »"
FIRST_PERSON = frozenset(("je", "j'", "nous"))
QUOTE_SPEAKER_REACH = 12  # tokens between a closing quote mark and the speaker's name (", a prévenu M. X")


def _quoted_own_posts(doc: Doc, sent: Span, posts: list[PostMention], mentions: list[PersonMention],
                      found: list[Attachment]) -> list[Attachment]:
    """A post the speaker gives themself in the first person inside a quote, and the speaker named in the
    reporting incise after it: "« En tant que ministre de la Défense, je ne signerai rien », a prévenu
    M. X" (X holds it), "« Quand j'étais Premier ministre, je pensais … », a confié M. Y" (Y held it)."""
    out = []
    for p in posts:
        words = [fold(t.text) for t in doc[max(sent.start, p.span.start - 4):p.span.start]]
        while words and words[-1] in ("le", "la", "l'"):
            words.pop()
        now = any(tuple(words[-len(lead):]) == lead for lead in OWN_POST_LEADS)
        past = any(tuple(words[-len(lead):]) == lead for lead in OWN_PAST_LEADS)
        first = any(tuple(words[-len(lead):]) == lead for lead in OWN_FIRST_LEADS)
        if not (now or past or first):
            continue
        opening = next((t.i for t in reversed(doc[sent.start:p.span.start]) if t.text in ("«", "»", '"')), None)
        if opening is None or doc[opening].text == "»":
            continue  # not inside a quote
        after = [fold(t.text) for t in doc[p.span.end:min(sent.end, p.span.end + 3)]]
        if not past and not first and not FIRST_PERSON & set(after):
            continue  # "en tant que ministre, il …" names the post of someone else's clause
        closing = next((t.i for t in doc[p.span.end:sent.end] if t.text in ("»", '"')), None)
        speaker = next((m for m in mentions if closing is not None
                        and closing < m.span.start <= closing + QUOTE_SPEAKER_REACH
                        and _inverted_speaker(doc, closing, m)), None) or _speaker_before_colon(doc, sent, opening)
        if speaker is None or any(a.person is speaker and a.post is not None and a.post.post_type == p.post_type
                                  for a in found):
            continue
        post = replace(p, former=True) if past else p
        out.append(Attachment(speaker, post, "apposition", doc[p.span.start:speaker.span.end]))
    return out


def _speaker_before_colon(doc: Doc, sent: Span, opening: int) -> PersonMention | None:
    """"X explique : « Je suis ministre … »": the one person named before a colon that opens the quote,
    as the subject of the sentence's verb of saying."""
    if opening - 1 <= sent.start or doc[opening - 1].text != ":":
        return None
    named = {m.key: m for m in people_within(doc, sent.start, opening - 1)}
    if len(named) != 1:
        return None
    m = next(iter(named.values()))
    return m if any(t.dep_ in ("nsubj", "nsubj:pass") for t in m.span) else None


def _inverted_speaker(doc: Doc, closing: int, m: PersonMention) -> bool:
    """The name is the inverted subject of the reporting incise right after a closing quote mark
    ("», a prévenu M. X", "», a confié jeudi le général Y"): a comma, a verb, then only adverbs, dates,
    articles and titles before the name."""
    between = doc[closing + 1:m.span.start]
    if not len(between) or between[0].text != "," or not any(t.pos_ == "VERB" for t in between):
        return False
    skipped = dated_tokens(doc, between.start, between.end) | _retired_words(doc, between)
    return all(t.pos_ in ("AUX", "VERB", "ADV", "DET", "PUNCT") or t.i in skipped or fold(t.text) in _titles()
               or t.text in ("M.", "Mme", "MM.") for t in between[1:])


def _retired_words(doc: Doc, span: Span) -> set[int]:
    """Tokens of the span that belong to a retirement phrase after a rank ("à la retraite", ``retired_fr``)."""
    words = [fold(t.text) for t in span]
    out: set[int] = set()
    for phrase in title_cues("retired_fr"):
        cue = phrase.replace("'", "' ").split()
        out |= {span.start + i + k for i in range(len(words) - len(cue) + 1)
                if words[i:i + len(cue)] == cue for k in range(len(cue))}
    return out


def _stand_in_posts(doc: Doc, sent: Span, posts: list[PostMention], mentions: list[PersonMention],
                    found: list[Attachment]) -> list[Attachment]:
    """"Il a ensuite occupé le poste de …", "Porte-parole du gouvernement depuis 2024, l'ancien sénateur
    défend …": a post linked to a stand-in subject (:func:`continued_subject`) or set before it is the
    continued person's, when no name of the sentence took it and that person is not named here."""
    m = continued_subject(doc, sent)
    if m is None or any(q.key == m.key for q in mentions):
        return []
    free = [p for p in posts if not any(a.post is p for a in found)]
    linked = _post_linked(doc, m, free)
    pronoun = fold(m.span[0].text) in _subject_pronouns()
    stressed = any(fold(t.text) in ("lui-meme", "elle-meme") for t in doc[m.span.end:min(sent.end, m.span.end + 3)])
    if linked is not None and pronoun and not stressed and not _sole_antecedent(doc, sent, m) \
            and not dates_within(doc, linked.span.end, min(sent.end, linked.span.end + 8)):
        linked = None  # a pronoun's post comes with its years in a career ("Il a ensuite occupé le poste de … de
        # 2010 à 2014"); without them "Il" may as well be someone the sentence before named last, unless
        # stressed ("Il était lui-même chef d'état-major des armées sous le président Y")
    found_posts = [_post_after(doc, m, free) or linked, _post_before(doc, m, free)]  # "Porte-parole …, il avait
    if pronoun and found_posts[0] is not None:  # "Il fut conseiller à la sécurité nationale puis secrétaire d'État"
        found_posts += _career_sequel(doc, found_posts[0], free)
    return [Attachment(m, p, "apposition", _cover(doc, m.span, p.span))  # été ministre de la Défense de … à …"
            for k, p in enumerate(found_posts) if p is not None and p not in found_posts[:k]]


CAREER_JOINTS = (["puis"], [",", "puis"], ["et"], ["avant", "d'etre"], [",", "avant", "d'etre"])


def _career_sequel(doc: Doc, post: PostMention, posts: list[PostMention]) -> list[PostMention]:
    """The posts a career sentence lists after ``post``, joined by "puis" or "et" ("conseiller à la sécurité
    nationale puis secrétaire d'État")."""
    out = []
    for q in sorted((p for p in posts if p.span.start >= post.span.end), key=lambda p: p.span.start):
        if [fold(t.text) for t in doc[post.span.end:q.span.start]] not in CAREER_JOINTS:
            break
        out.append(q)
        post = q
    return out


def _sole_antecedent(doc: Doc, sent: Span, m: PersonMention) -> bool:
    """"X s'est éteint mercredi … Il fut secrétaire d'État": the pronoun can stand for nobody else, as the
    text before the sentence names one person only, the one it continues."""
    before = people_within(doc, 0, sent.start)
    return bool(before) and all(p.key == m.key for p in before)


DEMONSTRATIVE_REACH = 80  # tokens back from a "ce dernier" to the person it stands for


def demonstrative_subject(doc: Doc, sent: Span) -> PersonMention | None:
    """"… le général X. Ce dernier, nommé chef d'état-major, a succédé à Y": a sentence opening (past
    a dateline) on a demonstrative pronoun (``demonstrative_subjects_fr``) is about the last person
    named before it; that mention, its span moved onto the pronoun."""
    start = past_dateline(sent)
    for cue in title_cues("demonstrative_subjects_fr"):
        words = cue.replace("-", " - ").split()
        span = doc[start:min(sent.end, start + len(words))]
        if [fold(t.text) for t in span] == words or fold(span.text).replace(" ", "") == cue.replace(" ", ""):
            before = people_within(doc, max(0, sent.start - DEMONSTRATIVE_REACH), sent.start)
            gender = "Fem" if fold(span[0].text) in ("cette", "celle") else "Masc"
            fits = [p for p in before if mention_gender(doc, p.span) in (gender, None)]
            return PersonMention(span, key=fits[-1].key) if fits else None
    return None


def _demonstrative_subject(doc: Doc, sent: Span, posts: list[PostMention]) -> list[Attachment]:
    """"Ce dernier, nommé chef d'état-major des armées, …", "Celle-ci, ministre de la Défense depuis
    2022, …", "Ce dernier est devenu ministre": the post goes to the person the pronoun stands for."""
    m = demonstrative_subject(doc, sent)
    post = (_post_after(doc, m, posts) or _post_linked(doc, m, posts)) if m is not None else None
    if m is None or post is None:
        return []
    return [Attachment(m, post, "apposition", _cover(doc, m.span, post.span))]


DEFINITE_SUBJECT_OPENERS = frozenset(("le", "la", "l'", "les", "ce", "cet", "cette"))
STAND_IN_DEPTH = 5  # sentences back through stand-in subjects to the name they all continue
EPITHET_NP_REACH = 5  # tokens of an epithet subject after its noun ("Le technocrate de 61 ans")
OPENING_INCISE_REACH = 16  # tokens of a verbless opening apposition ("Porte-parole du gouvernement depuis mars 2024,")


def continued_subject(doc: Doc, sent: Span, depth: int = STAND_IN_DEPTH) -> PersonMention | None:
    """"X a été nommé … Il a ensuite occupé le poste de …", "L'ex-aviateur a commandé …", "La
    quinquagénaire succède à Y": a personal pronoun or an epithet noun phrase (``epithet_nouns_fr``,
    an "ex-" word, "ancien …") as the subject of a sentence's clause says nothing of who it is; it
    continues the subject of the sentence before, a name there or, through that sentence's own stand-in,
    the name before it.  Careers are told so, one post a sentence.  The mention returned is that
    person's, its span moved onto the stand-in; None when the clause opens otherwise or the sentence
    before has no single person for subject."""
    span = _stand_in_span(doc, sent)
    if span is None or sent.start == 0 or depth == 0:
        return None
    previous = doc[sent.start - 1].sent
    person = _previous_subject(doc, sent, None, past_opening=True) or continued_subject(doc, previous, depth - 1) \
        or demonstrative_subject(doc, previous)
    if person is None or _object_introduced(doc, previous, person):
        return None
    return PersonMention(span, key=person.key)


def _object_introduced(doc: Doc, sent: Span, subject: PersonMention) -> bool:
    """Someone other than the subject is an object of a verb after it ("X a reçu le général Y", "X a
    nommé Y ministre", "a confié ce portefeuille à Y"): a pronoun or an epithet after it ("Il remplace
    Z", "L'ex-aviateur …") may as well stand for the newcomer, so the subject is not taken for it."""
    for m in people_within(doc, sent.start, sent.end):
        head = m.span.root
        while head.dep_ in ("flat:name", "appos") and head.head is not head and head.head.i < head.i:
            head = head.head
        if m.key != subject.key and m.span.start > subject.span.end \
                and head.dep_ in ("obj", "iobj", "obl:arg", "nmod", "dep") \
                and head.head.pos_ == "VERB" and head.head.i < head.i:
            return True  # "a confié ce portefeuille à Y"; the parser may take an object's title for an "nmod"
    return False


OBJECT_CLITICS = frozenset(("y", "en", "se", "s'", "ne", "n'", "lui", "leur", "le", "la", "l'", "les"))


def _stand_in_span(doc: Doc, sent: Span) -> Span | None:
    """The pronoun ("Il", "elle") or epithet noun phrase ("L'ex-aviateur", "le quinquagénaire", "Le
    technocrate de 61 ans") opening the sentence's clause as its subject, if one does."""
    start = _clause_start(doc, sent)
    if start + 1 >= sent.end:
        return None
    first = fold(doc[start].text)
    if first in _subject_pronouns():
        k = start + 1
        while k + 1 < sent.end and fold(doc[k].text) in OBJECT_CLITICS:
            k += 1  # "il y revient", "elle en a dirigé", "il s'est vu confier"
        return doc[start:start + 1] if doc[k].pos_ in ("AUX", "VERB") or doc[start].dep_.startswith(
            "nsubj") else None
    if first not in ("le", "la", "l'"):
        return None
    k = start + 1 + (fold(doc[start + 1].text) in title_cues("epithet_qualifiers_fr"))  # "L'ancien légionnaire"
    noun = _epithet_noun(doc, k, sent.end)
    if noun is None:
        return None
    end = k + noun
    if _in_post_or_name(doc, start, end + 1) or end < sent.end and doc[end].pos_ == "PROPN":
        return None  # "Le nouveau chef d'état-major …" is a role noun (:mod:`kg.extract.coref`); "Le général X" a name
    head = doc[k]
    verb_at = next((t.i for t in doc[end:min(sent.end, end + EPITHET_NP_REACH + 1)]
                    if t.pos_ in ("AUX", "VERB") or t.is_punct), None)
    if people_within(doc, end, verb_at if verb_at is not None else min(sent.end, end + EPITHET_NP_REACH)):
        return None  # "Le vice-amiral d'escadre X est nommé": a rank before a name, not an epithet
    runs_into_verb = verb_at is not None and doc[verb_at].pos_ in ("AUX", "VERB")
    if not (head.dep_ in ("nsubj", "nsubj:pass") or runs_into_verb):
        return None
    return doc[start:verb_at if runs_into_verb and verb_at is not None else end]


def _epithet_noun(doc: Doc, k: int, end: int) -> int | None:
    """How many words of an epithet noun start at ``k``: one of ``epithet_nouns_fr`` ("quinquagénaire",
    "haut fonctionnaire") or a rank ("L'ex-général"), maybe glued to "ex-" ("L'ex-aviateur"); never a
    post's head ("la nouvelle ministre" is a role noun, which :mod:`kg.extract.coref` reads)."""
    if k >= end:
        return None
    first = fold(doc[k].text)
    epithets = title_cues("epithet_nouns_fr") | title_cues("ranks_fr")
    if first.startswith(EX_PREFIX) and first[len(EX_PREFIX):] in epithets:
        return 1
    if first in title_cues("ranks_fr") and doc[k].pos_ == "NOUN":
        return 1
    for phrase in sorted(title_cues("epithet_nouns_fr"), key=len, reverse=True):
        words = phrase.split()
        if k + len(words) <= end and [fold(t.text) for t in doc[k:k + len(words)]] == words:
            return len(words)
    return None


def _in_post_or_name(doc: Doc, start: int, end: int) -> bool:
    """A post phrase or a person's name overlaps tokens ``start`` to ``end``."""
    return bool(posts_within(doc, start, end)) or any(
        m.span.start < end and m.span.end > start for m in doc._.people or [])


def _clause_start(doc: Doc, sent: Span) -> int:
    """Where the sentence's clause opens: past a dateline, then past a verbless apposition or
    participle phrase set off by a comma ("Porte-parole du gouvernement depuis mars 2024, l'ancien
    sénateur défend …", "Médecin de formation, il avait été …"), if one opens it."""
    start = past_dateline(sent)
    for _ in range(OPENING_SEGMENTS):  # "Née en 1968 à Asbestos, au Québec, elle …": a phrase per comma
        if start >= sent.end or fold(doc[start].text) in DEFINITE_SUBJECT_OPENERS and not dated_tokens(
                doc, start, start + 1):
            break  # "L'ex-général, chef du …, a été nommé": the subject itself, an incise after it
        after = _past_opening_segment(doc, sent, start)
        if after == start:
            break
        start = after
    return start


OPENING_SEGMENTS = 3  # comma-separated verbless phrases that may open a sentence before its subject


def _past_opening_segment(doc: Doc, sent: Span, start: int) -> int:
    """Past one verbless phrase from ``start`` up to a comma, or ``start`` when none opens there."""
    for t in doc[start:min(sent.end, start + OPENING_INCISE_REACH)]:
        if t.text == ",":
            return t.i + 1 if t.i > start else start
        if t.pos_ == "AUX" or t.pos_ == "VERB" and "Part" not in t.morph.get("VerbForm") \
                and not _infinitive_of_noun(t) \
                or fold(t.text) in _subject_pronouns() or t.i == start and any(
                m.span.start == t.i for m in doc._.people or []):
            return start  # a clause, or a sentence opening on a name ("X, ministre …, a …")
    return start


def _infinitive_of_noun(t: Token) -> bool:
    """An infinitive a noun phrase governs through "à" / "de" ("Première femme à occuper ce poste,"): part
    of a verbless opening phrase, no clause of its own."""
    return "Inf" in t.morph.get("VerbForm") and t.i > 0 and fold(t.doc[t.i - 1].text) in ("a", "de", "d'") \
        and t.i > 1 and t.doc[t.i - 2].pos_ in ("NOUN", "ADJ", "PROPN")


def _demonym_listed_counterparts(doc: Doc, sent: Span, mentions: list[PersonMention],
                                 found: list[Attachment]) -> list[Attachment]:
    """"X s'est entretenu avec ses homologues lituanien, A, et finlandais, B": each name after its
    own demonym is X's counterpart in that country (X: the last person named before the word)."""
    out = []
    for t in sent:
        if fold(t.text) != "homologues" or t.i == sent.start or fold(doc[t.i - 1].text) not in POSSESSIVES:
            continue
        owner = next((m for m in reversed(mentions) if m.span.end <= t.i), None)
        pairs = _demonym_name_pairs(doc, t.i + 1, mentions)
        if len(pairs) < 2:
            pairs = _demonyms_then_names(doc, t.i + 1, mentions)
        if owner is None or len(pairs) < 2 or any(a.person is m for _, m in pairs for a in found):
            continue
        for country, m in pairs:
            post = PostMention(doc[t.i:t.i + 1], "", [country])
            out.append(Attachment(m, post, "counterpart", doc[t.i:m.span.end], counterpart_of=owner))
    return out


def _demonym_name_pairs(doc: Doc, i: int, mentions: list[PersonMention]) -> list[tuple[str, PersonMention]]:
    """From token ``i``: "lituanien, A, et finlandais B" as [(LT, A), (FI, B)], demonym then name,
    the pairs joined by a comma and/or "et"; the list stops at the first thing that is not so."""
    pairs: list[tuple[str, PersonMention]] = []
    while True:
        demonym = next((s for s in lex_within(doc, i, i + 1, "DEMONYM") if s.start == i), None)
        if demonym is None:
            return pairs
        name = next((m for m in mentions if demonym.end <= m.span.start <= demonym.end + 4), None)
        if name is None or not _only_glue(doc[demonym.end:name.span.start], allow_title=True) \
                or "et" in [fold(x.text) for x in doc[demonym.end:name.span.start]]:
            return pairs
        pairs.append((demonym.kb_id_, name))
        j = name.span.end
        while j < len(doc) and fold(doc[j].text) in (",", "et") and j < name.span.end + 2:
            j += 1
        if j == name.span.end:  # no comma nor "et": the list ends with this name
            return pairs
        i = j


def _demonyms_then_names(doc: Doc, i: int, mentions: list[PersonMention]) -> list[tuple[str, PersonMention]]:
    """From token ``i``: "nigérien et burkinabè, les généraux A et B" as [(NE, A), (BF, B)], the demonyms
    listed first and then as many names in the same order, the names maybe after titles ("les généraux",
    "MM."); nothing when the counts differ or something else stands between."""
    countries: list[str] = []
    while True:
        demonym = next((s for s in lex_within(doc, i, i + 1, "DEMONYM") if s.start == i), None)
        if demonym is None:
            break
        countries.append(demonym.kb_id_)
        i = demonym.end
        if i < len(doc) and fold(doc[i].text) in (",", "et") and lex_within(doc, i + 1, i + 2, "DEMONYM"):
            i += 1
    if len(countries) < 2 or i >= len(doc) or doc[i].text != ",":
        return []
    names: list[PersonMention] = []
    j = i + 1
    while len(names) < len(countries):
        name = next((m for m in mentions if j <= m.span.start <= j + 3), None)
        if name is None or not all(_title_or_plural(fold(x.text)) for x in doc[j:name.span.start]):
            return []
        names.append(name)
        j = name.span.end
        if j < len(doc) and fold(doc[j].text) in (",", "et"):
            j += 1
    return list(zip(countries, names, strict=True))


def _title_or_plural(word: str) -> bool:
    """A glue word, a title, or a title in the plural ("les généraux", "les amiraux", "MM.")."""
    singular = word[:-3] + "al" if word.endswith("aux") else word.removesuffix("s")
    return word in glue() | _titles() | {"mm", ".", "et"} or singular in _titles()


def _gapped_appointments(doc: Doc, sent: Span, posts: list[PostMention], mentions: list[PersonMention],
                         found: list[Attachment]) -> list[Attachment]:
    """"A est nommé chef d'état-major de la marine et le général B chef d'état-major de l'armée de
    l'air" (or ", B chef d'état-major …, C …"): after "et" or a comma, a name and a post side by side
    (no comma) share the linking verb of the clause before, whose own name holds a post through that verb."""
    out = []
    verbs = title_cues("post_link_verbs_fr")
    for m in mentions:
        post = next((p for p in posts if p.span.start == m.span.end), None)
        if post is None or any(a.person is m for a in found):
            continue
        i = _list_joint_before(doc, sent, m)
        if i is None:
            continue
        ends = [a.post.span.end for a in found if a.post is not None and a.person.span.end <= i
                and a.post.span.end <= i
                and any(fold(t.text) in verbs for t in doc[a.person.span.end:a.post.span.start])]
        if ends and not any((t.is_punct and t.text != ",") or t.pos_ in ("VERB", "AUX") for t in doc[ends[-1]:i]):
            out.append(Attachment(m, post, "apposition", _cover(doc, m.span, post.span)))
    return out


def _cumulated_posts(doc: Doc, sent: Span, posts: list[PostMention], mentions: list[PersonMention],
                     found: list[Attachment]) -> list[Attachment]:
    """"X, vice-Premier ministre, qui cumule cette charge avec celle de ministre de la Défense" (and
    "… avec celles de ministre de la Défense et de ministre des Anciens combattants"): the posts after
    the link are X's too, X being the nearest name before the verb of cumulating."""
    out: list[Attachment] = []
    links = [tuple(c.replace("'", "' ").split()) for c in title_cues("cumul_links_fr")]
    for p in posts:
        lead = tuple(fold(t.text) for t in doc[max(sent.start, p.span.start - 3):p.span.start])
        link = next((n for n in links if lead[-len(n):] == n), None)
        if link is None or any(a.post is p for a in found + out):
            continue
        at = p.span.start - len(link)
        verb = next((t.i for t in reversed(doc[max(sent.start, at - 6):at])
                     if fold(t.text) in title_cues("cumul_verbs_fr")), None)
        holder = next((m for m in reversed(mentions) if verb is not None and m.span.end <= verb), None)
        if holder is None:
            continue
        for q in [p, *_coordinated_after(doc, p, posts)]:
            out.append(Attachment(holder, q, "apposition", _cover(doc, holder.span, q.span)))
    return out


def _fronted_posts(doc: Doc, sent: Span, posts: list[PostMention], found: list[Attachment]) -> list[Attachment]:
    """"Devenue ministre des Affaires étrangères en 2024, X a …": the posts of an opening participle
    clause are the subject's (:func:`kg.extract.portfolios.fronted_subject`)."""
    out = []
    for p in posts:
        holder = fronted_subject(doc, sent, p.span.start)
        if holder is not None and not any(a.post is p for a in found):
            out.append(Attachment(holder, p, "apposition", _cover(doc, p.span, holder.span)))
    return out


def _coordinated_after(doc: Doc, first: PostMention, posts: list[PostMention]) -> list[PostMention]:
    """The posts listed after ``first`` with only "et", "de" and commas in between ("celles de
    ministre de la Défense et de ministre de l'Intérieur")."""
    out, end = [], first.span.end
    for q in posts:
        if q.span.start < end:
            continue
        if not {fold(t.text) for t in doc[end:q.span.start]} <= {",", "et", "de", "d'"}:
            break
        out.append(q)
        end = q.span.end
    return out


def _coordinated_before(doc: Doc, last: PostMention, posts: list[PostMention]) -> list[PostMention]:
    """The posts listed before ``last`` and joined to it by "et" (or a comma), each maybe with its own
    "depuis …" date: "Chef de la diplomatie émiratie depuis 2006 et vice-Premier ministre depuis 2024, X"
    gives X both."""
    out: list[PostMention] = []
    start = last.span.start
    for q in sorted((q for q in posts if q.span.end <= start and q is not last), key=lambda q: -q.span.start):
        if q.span.end > start:
            continue
        between = doc[q.span.end:start]
        dated = dated_tokens(doc, between.start, between.end)
        words = [fold(t.text) for t in between if t.i not in dated]
        words = [w for w in words if w != "depuis"] if len(words) < len(between) else words
        bare = words == [","] and doc[last.span.start - 1].text == "," and last.span[0].text[:1].islower()
        also = [w for w in words if w not in {fold(c) for c in title_cues("also_posts_fr")}]
        if also == [","] and len(words) == 2:  # "Le ministre belge des Affaires étrangères, également vice-Premier …"
            words, bare = [",", "et"], True
        if not words or not set(words) <= {",", "et"} or "et" not in words and out == [] and not bare:
            break  # "le vice-Premier ministre, ministre de la Défense, X": a bare title after the comma, both
        out.append(q)
        start = q.span.start
    return out


def _former_title_before(m: PersonMention, posts: list[PostMention], used: set[int]) -> bool:
    """"L'ancien patron de la marine, l'amiral X, aujourd'hui commandant suprême allié …": a former
    title just before the name (a few words of rank and punctuation between) is a past post of its own,
    beside the current one after the name."""
    return any(p.former and id(p) not in used and 0 <= m.span.start - p.span.end <= FORMER_TITLE_REACH
               for p in posts)


FORMER_TITLE_REACH = 5


def _only_former_after(m: PersonMention, found: list[Attachment]) -> bool:
    """"Le président indonésien X, lui-même ancien ministre de la Défense": what the apposition after
    the name gives is a former post only, so the title before the name (the one held now) is read too."""
    after = [a.post for a in found if a.person is m and a.rule == "apposition"]
    return bool(after) and all(p is not None and p.former for p in after)


def _also_after(doc: Doc, m: PersonMention, found: list[Attachment]) -> bool:
    """"Le vice-Premier ministre italien X, également ministre des Affaires étrangères": the apposition
    after the name says it is a post held besides another (``also_posts_fr``), so the title before the
    name is read too."""
    after = [a.post for a in found if a.person is m and a.rule == "apposition" and a.post is not None]
    pattern = phrase_pattern(tuple(sorted(title_cues("also_posts_fr"))))
    return any(pattern.search(" ".join(fold(t.text) for t in doc[m.span.end:p.span.start])) for p in after)


def _titles_listed_after(doc: Doc, first: PostMention, posts: list[PostMention]) -> list[PostMention]:
    """The further titles of an apposition ("X, prince héritier de Dubaï, vice-Premier ministre et
    ministre de la Défense", "X, ministre d'État, ministre de la Défense"): posts that follow the first
    with only a comma or "et" before each, up to the clause's end.  Not "X, ministre de la Défense, et
    le chef d'état-major Y" (an article opens another holder) nor a post with a name of its own."""
    out: list[PostMention] = []
    end = first.span.end
    for q in posts:
        if q.span.start < end:
            continue
        glue_words = [fold(t.text) for t in doc[_past_place_complement(doc, end, q.span.start):q.span.start]]
        if glue_words not in ([","], ["et"], [",", "et"]) or _holder_after(doc, q):
            break
        out.append(q)
        end = q.span.end
    return out


def _past_place_complement(doc: Doc, i: int, hi: int) -> int:
    """Past "de Dubaï" after a title ("prince héritier de Dubaï"): a place or country complement the
    post phrase left out; ``i`` itself when none opens there."""
    if i >= hi or fold(doc[i].text) not in OF:
        return i
    place = next(iter(lex_within(doc, i + 1, i + 2, "PLACE", "COUNTRY", "METONYM")), None)
    return place.end if place is not None and place.end <= hi else i


def _kin_of_holder(doc: Doc, post: PostMention, m: PersonMention) -> bool:
    """"Le frère du président, X": a post that is the complement of a kinship noun names the holder's
    relative when a comma sets the name off (X is the brother); "le fils du président X" with the name
    right after the post is the president's name, and stays his."""
    i = post.span.start - 1
    while i > 0 and fold(doc[i].text) in ("la", "le", "l'", "les"):
        i -= 1
    if i < 1 or fold(doc[i].text) not in OF or fold(doc[i - 1].text) not in title_cues("kinship_nouns_fr"):
        return False
    return any(t.text == "," for t in doc[post.span.end:m.span.start])


def _list_joint_before(doc: Doc, sent: Span, m: PersonMention) -> int | None:
    """The index of the "et" or the comma that opens a list item at the name (titles and articles
    skipped: ", le général X"), or None."""
    i = m.span.start - 1
    while i > sent.start and (fold(doc[i].text) in _titles() or fold(doc[i].text) in ("le", "la", "l'")):
        i -= 1
    return i if fold(doc[i].text) in ("et", ",") else None


def _listed_with_own_post(doc: Doc, sent: Span, m: PersonMention, posts: list[PostMention]) -> bool:
    """"X est nommé ministre des Armées, Y ministre de l'Intégration africaine et des Affaires
    étrangères, Z ministre de l'Intérieur": a list item whose name is followed by its own post (no
    comma; maybe a post the lexicon lacks, opened by a post noun) does not take the post of the item
    before (:func:`_gapped_appointments` reads it)."""
    own = any(p.span.start == m.span.end for p in posts) or (
        m.span.end < sent.end and fold(doc[m.span.end].text) in title_cues("post_heads_fr"))  # a post of no list
    return own and _list_joint_before(doc, sent, m) is not None


def _post_taken_over(doc: Doc, posts: list[PostMention], mentions: list[PersonMention],
                     found: list[Attachment]) -> list[Attachment]:
    """"Y devient ministre de la Défense, un poste qu'occupait jusqu'ici X", "…, poste que X
    détenait depuis 2019" and "Y est vice-président du Conseil, un rang que détient déjà X": the post
    named just before the relative clause is X's too (see :func:`holder_of_clause_after`)."""
    out = []
    for p in posts:
        held = holder_of_clause_after(doc, p.span.end) or holder_of_clause_after(doc, _clause_after(doc, p, posts))
        if held is None:
            continue
        holder, former = held
        if holder in mentions and not any(a.person is holder and a.post is not None and a.post.post_type == p.post_type
                                          for a in found):  # a second post of someone titled there
            out.append(Attachment(holder, replace(p, former=former), "apposition", _cover(doc, holder.span, p.span)))
    return out


CLAUSE_REACH = 8  # words between a post and a ", un rang que …" clause that still speaks of it


def _clause_after(doc: Doc, post: PostMention, posts: list[PostMention]) -> int:
    """The comma that may open a clause about the post a few words after it ("promu vice-Premier
    ministre tout en conservant son portefeuille, un rang que …"), when no name, post or clause
    punctuation comes in between; the post's end otherwise."""
    sent_end = doc[post.span.start].sent.end
    for i in range(post.span.end, min(sent_end, post.span.end + CLAUSE_REACH)):
        t = doc[i]
        if t.text == ",":
            return i
        if t.is_punct or people_within(doc, i, i + 1) or any(p.span.start == i for p in posts):
            break
    return post.span.end


def holder_of_clause_after(doc: Doc, i: int) -> tuple[PersonMention, bool] | None:
    """The holder a relative clause right after token ``i`` names for the post (or portfolio) that ends
    there: ", un poste qu'occupait jusqu'ici X", ", un rang que détient déjà X", with whether the
    verb says the holding is over (any tense but the present: "occupait", "a détenu").  The clause
    must follow with only a comma and an article in between, and X must be the subject of a verb of
    holding (inverted after it, or right after X)."""
    words = [fold(t.text) for t in doc[i:min(len(doc), i + 4)]]
    if words[:1] != [","]:
        return None
    k = 2 if len(words) > 2 and words[1] in ("un", "une", "le", "la", "ce", "cette") else 1
    if len(words) > 1 and words[1] in ("que", "qu'"):
        k = 0  # "hérite du ministère des Armées, qu'occupait jusque-là X": the clause right after the portfolio
    elif len(words) <= k + 1 or words[k] not in title_cues("post_hold_nouns_fr") or words[k + 1] not in ("que", "qu'"):
        return None
    mentions = people_within(doc, i, min(len(doc), i + k + 2 + 16))
    holder = _subject_of_holding(doc, i + k + 2, mentions)
    if holder is None:
        return None
    verbs = {fold(t.text) for t in doc[i + k + 2:holder.span.end + 1]}
    return holder, not verbs & (title_cues("post_hold_present_fr") | {"dirige"})


def _subject_of_holding(doc: Doc, start: int, mentions: list[PersonMention]) -> PersonMention | None:
    """The name that holds in "qu'occupait [par intérim] X" (verb first, a few words, the name) or
    "que X occupait" (the name, maybe a title, then the verb), from ``start`` just after "que"."""
    holds = title_cues("post_hold_verbs_fr") | title_cues("clause_hold_verbs_fr")  # "que dirigeait X" too
    name = next((m for m in mentions if start <= m.span.start <= start + 14), None)
    if name is None:
        return None
    titled = {i for p in posts_within(doc, start, name.span.start) for i in range(p.span.start, p.span.end)}
    before = [fold(t.text) for t in doc[start:name.span.start]]
    if before and before[0] in holds:  # "que détient déjà [le ministre de la Défense,] X": the name's own title
        rest = [fold(t.text) for t in doc[start + 1:name.span.start] if t.i not in titled]
        if titled and rest[-1:] == [","]:
            rest = rest[:-1]
        return name if len(rest) <= 4 and not any(w in stop() or w in (",", "et") for w in rest) else None
    if name.span.start > start + 6:
        return None
    after = fold(doc[name.span.end].text) if name.span.end < len(doc) else ""
    return name if after in holds and all(w in _titles() | glue() for w in before) else None


def _paired_posts(doc: Doc, post: PostMention, posts: list[PostMention],
                  names: list[PersonMention]) -> list[Attachment] | None:
    """"le ministre de la Défense et le chef de la diplomatie philippins, A et B": two posts, each
    with its article, then two names: A holds the first, B the second, and a country word after the
    second post is both posts'.  None when the post is not the second of such a pair."""
    earlier = [p for p in posts if p.span.end <= post.span.start]
    if not earlier or len(names) != 2:
        return None
    first = earlier[-1]
    between = [fold(t.text) for t in doc[first.span.end:post.span.start]]
    if len(between) != 2 or between[0] != "et" or between[1] not in ("le", "la", "l'"):
        return None
    countries = first.countries or post.countries
    pair = (replace(first, countries=first.countries or countries),
            replace(post, countries=post.countries or countries))
    return [Attachment(m, p, "apposition", _cover(doc, m.span, p.span)) for m, p in zip(names, pair, strict=True)]


def _paired_counterparts(doc: Doc, sent: Span, mentions: list[PersonMention],
                         found: list[Attachment]) -> list[Attachment]:
    """"A et B ont reçu leurs homologues japonais, C et D": C is A's counterpart, D is B's."""
    out = []
    for t in sent:
        if fold(t.text) != "homologues":
            continue
        demonyms = [s for s in lex_within(doc, t.i + 1, t.i + 2, "DEMONYM") if s.start == t.i + 1]
        after = [m for m in mentions if t.i < m.span.start <= t.i + 5]
        before = [m for m in mentions if m.span.end <= t.i]
        if not demonyms or not after or not before:
            continue
        names = _names_starting_at(doc, after[0], mentions)
        owners = _names_ending_at(doc, before[-1], mentions)
        if len(names) < 2 or len(owners) != len(names) or any(a.person in names for a in found):
            continue
        for m, owner in zip(names, owners, strict=True):
            post = PostMention(doc[t.i:t.i + 1], "", [demonyms[0].kb_id_])
            out.append(Attachment(m, post, "counterpart", doc[t.i:m.span.end], counterpart_of=owner))
    return out


def _staff_title(doc: Doc, span: Span) -> bool:
    """"chef d'état-major particulier du président": a title followed by a word of personal staff
    (``staff_qualifiers_fr``) is a post on someone's staff, not the post its first words name."""
    return span.end < len(doc) and fold(doc[span.end].text) in title_cues("staff_qualifiers_fr")


def _complement(doc: Doc, post: PostMention, posts: SpanIndex | None = None) -> bool:
    """A post that only says whose: "le porte-parole du président russe" (the president is not
    the one named next), "le chef d'état-major particulier du président"."""
    i = post.span.start - 1
    while i >= 0 and (fold(doc[i].text) in ("la", "l'", "le", "les", "the") or _possessor_piece(doc, i)):
        i -= 1
    if i >= 0 and fold(doc[i].text) in ("to", "for", "of") and not _name_follows(doc, post.span):
        # "the senior adviser to the US President, X", "A spokesman for the Russian President, X": in English
        return _aide_noun_before(doc, i, "aide_nouns_en", indefinite=True)  # the one named is the aide either way
    if i < 0 or fold(doc[i].text) not in OF:
        return False
    if _name_follows(doc, post.span):  # "ministre de la Défense du président Joko Widodo", "… particulier du
        return False  # président Emmanuel Macron": the principal named right after is his post's holder
    if i > 0 and fold(doc[i - 1].text) in title_cues("staff_qualifiers_fr"):
        return True  # "le chef d'état-major particulier du président"
    if _aide_noun_before(doc, i):
        return True  # "le conseiller principal du président américain pour l'Afrique, X": X advises him
    index = posts or mention_index(doc, "posts", find_posts(doc))
    return any(q.span.start < post.span.start for q in index.overlapping(i - 1, post.span.start) if q is not post)


def _possessor_piece(doc: Doc, i: int) -> bool:
    """Token ``i`` is part of an English possessive before a post ("Britain's", which the tokenizer may cut
    as "Britain'" and "s", or "Britain" and "'s")."""
    text = doc[i].text
    return text in ("'s", "’s") or text == "s" and i > 0 and doc[i - 1].text.endswith(("'", "’")) \
        or text[:1].isupper() and (text.endswith(("'", "’")) or i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s"))


def _aide_noun_before(doc: Doc, i: int, cues: str = "aide_nouns_fr", *, indefinite: bool = False) -> bool:
    """"le conseiller (principal) du", "le porte-parole de", "le chef de cabinet du", "the senior adviser to":
    the words before the preposition at ``i`` (past adjectives) end in a noun of someone's aide or circle
    (``aide_nouns_fr``, ``aide_nouns_en``) opened by no indefinite article, so the post after it is the
    principal's, not the one of the name apposed to the phrase.  "un proche du chef d'état-major, le
    général X" (an unnamed source) leaves the apposed name to the post."""
    aides = title_cues(cues)
    j = i - 1
    while j >= 0:
        words = [fold(t.text) for t in doc[max(0, j - 2): j + 1]]
        k = next((k for k in range(len(words)) if " ".join(words[k:]).replace("' ", "'") in aides), None)
        if k is not None:
            first = j - (len(words) - 1 - k)
            while first > 0 and doc[first - 1].pos_ == "ADJ":
                first -= 1  # "le proche conseiller", "the senior adviser"
            return indefinite or first == 0 or fold(doc[first - 1].text) not in INDEFINITE
        if doc[j].pos_ != "ADJ":
            return False
        j -= 1
    return False


INDEFINITE = frozenset(("un", "une", "des", "a", "an"))


def _plural(post: PostMention) -> bool:
    return "Plur" in post.span[0].morph.get("Number") or fold(post.span[0].text).endswith("s")


def _names_ending_at(doc: Doc, last: PersonMention, mentions: list[PersonMention]) -> list[PersonMention]:
    """"A, B et C" ending at C (a list of names joined by commas and "et")."""
    names = [last]
    for m in reversed([m for m in mentions if m.span.end <= last.span.start]):
        if not _list_joint(doc[m.span.end:names[0].span.start]):
            break
        names.insert(0, m)
    return names


def _names_starting_at(doc: Doc, first: PersonMention, mentions: list[PersonMention]) -> list[PersonMention]:
    names = [first]
    for m in [m for m in mentions if m.span.start >= first.span.end]:
        if not _list_joint(doc[names[-1].span.end:m.span.start]):
            break
        names.append(m)
    return names


def _list_joint(between: Span) -> bool:
    """", " or " et " between two names of a list, maybe with articles and titles ("et l'amiral")."""
    words = [fold(t.text) for t in between if fold(t.text) not in _titles() | {"le", "la", "l'"}]
    return words in ([","], ["et"], [",", "et"])


def _respectively(doc: Doc, post: PostMention, names: list[PersonMention]) -> list[Attachment] | None:
    """"les ministres de la Défense japonais et sud-coréen, A et B": A gets the first country, B the
    second.  None when the post is not a plural with several countries; [] when the counts differ
    (no post is better than a wrong one)."""
    if len(post.countries) < 2 or not _plural(post):
        return None
    if len(names) != len(post.countries):
        return []
    return [Attachment(m, replace(post, countries=[c], office_id=None), "apposition",
                       _cover(doc, m.span, post.span)) for m, c in zip(names, post.countries, strict=True)]


def _other_demonym_after(doc: Doc, first: PersonMention, post: PostMention, mentions: list[PersonMention],
                         found: list[Attachment]) -> list[Attachment]:
    """"les chefs de la diplomatie américaine A et russe B": B holds the same post for Russia."""
    if not _plural(post):
        return []
    nxt = next((m for m in mentions if m.span.start > first.span.end), None)
    if nxt is None or any(a.person is nxt for a in found):
        return []
    between = doc[first.span.end:nxt.span.start]
    demonyms = [s for s in lex_spans(doc, "DEMONYM") if between.start < s.start and s.end == nxt.span.start]
    if not between or fold(between[0].text) != "et" or len(demonyms) != 1 or demonyms[0].start != between.start + 1:
        return []
    other = PostMention(post.span, post.post_type, [demonyms[0].kb_id_])
    return [Attachment(nxt, other, "apposition", _cover(doc, nxt.span, post.span))]


PAIR_GLUE = frozenset(("de", "du", "d'", "des", "la", "l'", "le", "les"))  # "et de la Pologne, X"


def _interleaved_countries(doc: Doc, first: PersonMention, post: PostMention, mentions: list[PersonMention],
                           found: list[Attachment]) -> list[Attachment]:
    """"les ministres de la Défense du Royaume-Uni, A, d'Allemagne, B, et de Pologne, C", "les ministres
    … français, A, et allemand, B", "le ministre … de la Suède, A, et celui de la Finlande, B": each
    later name holds the post for the country told between commas just before it.  The chain stops at
    the first gap that is not exactly one country (a clause, a second post, a verb)."""
    out: list[Attachment] = []
    last = first
    for nxt in [m for m in mentions if m.span.start > first.span.end]:
        country = _country_between(doc, doc[last.span.end:nxt.span.start], plural=_plural(post))
        if country is None or any(a.person is nxt for a in found):
            break
        other = replace(post, countries=[country], office_id=None)
        out.append(Attachment(nxt, other, "apposition", _cover(doc, nxt.span, post.span)))
        last = nxt
    return out


def _country_between(doc: Doc, gap: Span, plural: bool) -> str | None:
    """The country of ", d'Allemagne," / ", et allemand," / ", et celui de la Finlande," between two
    names, or None.  A singular post continues only through "celui"/"celle" (its pronoun)."""
    countries = [s for s in lex_within(doc, gap.start, gap.end, "COUNTRY", "DEMONYM") if s.end <= gap.end]
    if len(countries) != 1 or countries[0].start <= gap.start:
        return None
    span = countries[0]
    lead = [fold(t.text) for t in doc[gap.start:span.start]]
    tail = [fold(t.text) for t in doc[span.end:gap.end]]  # ", le général X": a rank may open the name
    if lead[:1] != [","] or tail[:1] != [","] or not set(tail[1:]) <= _titles() | {"le", "la", "l'"}:
        return None
    lead = lead[1:]
    if lead[:1] == ["et"]:
        lead = lead[1:]
    pronoun = lead[:1] in (["celui"], ["celle"])
    if pronoun:
        lead = lead[1:]
    if not (plural or pronoun):
        return None
    glue_ok = not lead if span.label_ == "DEMONYM" else bool(lead) and set(lead) <= PAIR_GLUE
    return span.kb_id_ if glue_ok else None


def _coordinated_posts(doc: Doc, m: PersonMention, post: PostMention, posts: list[PostMention],
                       used: set[int]) -> list[Attachment]:
    """"la vice-Première ministre et ministre de l'Économie X": the earlier title is X's too."""
    out = []
    earlier = [p for p in posts if p.span.end <= post.span.start and id(p) not in used]
    while earlier:
        prev = earlier.pop()
        between = [fold(t.text) for t in doc[prev.span.end:post.span.start]]
        if between != ["et"]:
            break
        used.add(id(prev))
        out.append(Attachment(m, prev, "apposition", _cover(doc, m.span, prev.span)))
        post = prev
    return out


def _listed_counterparts(doc: Doc, sent: Span, mentions: list[PersonMention],
                         found: list[Attachment]) -> list[Attachment]:
    """"ses homologues …, le Français X, le Turc Y et le Britannique Z": each a counterpart of
    the person before "homologues", in the country of their nationality."""
    out = []
    for t in sent:
        if fold(t.text) != "homologues":
            continue
        before = [p for p in mentions if p.span.end <= t.i]
        for m in mentions:
            country = _nationality(doc, m)
            if before and country and t.i < m.span.start <= t.i + 30 and not any(a.person is m for a in found):
                post = PostMention(doc[t.i:t.i + 1], "", [country])
                out.append(Attachment(m, post, "counterpart", doc[t.i:m.span.end], counterpart_of=before[-1]))
    return out


def _bracketed_country(doc: Doc, m: PersonMention) -> tuple[str, int] | None:
    """"X (Qatar)": a name followed by a country alone in brackets, with where the bracket closes."""
    i = m.span.end
    if i >= len(doc) or doc[i].text != "(":
        return None
    close = next((t.i for t in doc[i + 1:min(len(doc), i + 8)] if t.text == ")"), None)
    if close is None:
        return None
    found = [s for s in lex_within(doc, i + 1, close, "COUNTRY") if s.start == i + 1 and s.end == close]
    return (found[0].kb_id_, close + 1) if found else None


def _bracketed_countries(doc: Doc, first: PersonMention, post: PostMention,
                         mentions: list[PersonMention]) -> list[Attachment]:
    """"Les ministres de la Défense du Golfe, X (Arabie saoudite), Y (Qatar) et Z (Bahreïn)", "le
    ministre de la Défense, X (Qatar)": a post with no country of its own before names that each
    carry their country in brackets is each one's post in that country; a singular post only the
    first's.  A name of the list without its bracket ends the list."""
    if post.countries and not _plural(post):
        return []
    out: list[Attachment] = []
    m: PersonMention | None = first
    while m is not None:
        bracket = _bracketed_country(doc, m)
        if bracket is None:
            break
        country, end = bracket
        out.append(Attachment(m, replace(post, countries=[country], office_id=None), "apposition",
                              _cover(doc, m.span, post.span)))
        if not _plural(post):
            break
        m = next((q for q in mentions if q.span.start >= end), None)
        if m is not None and not _list_joint(doc[end:m.span.start]):
            break
    return out


def _plural_post_list(doc: Doc, first: PersonMention, post: PostMention, mentions: list[PersonMention],
                      found: list[Attachment]) -> list[Attachment]:
    """"les présidents X et Y": a plural post before a pair of names is held by both."""
    if "Plur" not in post.span[0].morph.get("Number"):
        return []
    nxt = next((m for m in mentions if m.span.start > first.span.end), None)
    if nxt is None or fold(doc[first.span.end:nxt.span.start].text) != "et" or any(a.person is nxt for a in found):
        return []
    return [Attachment(nxt, post, "apposition", _cover(doc, nxt.span, post.span))]


def _post_after(doc: Doc, m: PersonMention, posts: list[PostMention]) -> PostMention | None:
    """"X, ministre de la Défense", "X, 62 ans, ancien commandant …", "X, jusqu'ici chef …",
    "A et B (les ministres …)" (a comma or a bracket, maybe an age, an article or a word of
    former office, then the post).  A post with its own name after it ("Selon X, le chef
    d'état-major, Y") is Y's, never X's."""
    start = m.span.end + (1 if m.span.end < len(doc) and doc[m.span.end].text == "." else 0)
    for p in posts:
        between = doc[start:p.span.start]
        tokens = _without_membership(_without_incise(between))
        listed = any(fold(t.text) in ("et", "ou") for t in tokens)  # ", et le ministre …" is the next item
        if p.span.start >= start and between.text.strip()[:1] in (",", "(") and not listed \
                and (_only_glue(_without_since(doc, tokens), allow_title=False, former=True)
                     or _appointed_incise(between)):
            if _bare_former_apposition(tokens):  # "X, jusque-là Premier ministre, M. Y conserve …"
                return p
            return None if _holder_after(doc, p) or _subject_of_next_verb(doc, p, between) else p
    return None


ARTICLES = frozenset(("le", "la", "l'", "les"))


def _bare_former_apposition(tokens: list) -> bool:
    """", jusque-là Premier ministre," ", ancien chef d'état-major," ", également vice-Premier ministre," just
    after a name: a post with no article and a word of former or added office is an apposition of the name
    before it, even when another name follows (that one would take "le Premier ministre", with an article)."""
    words = [fold(t.text) for t in tokens]
    if words[:1] != [","] or ARTICLES & set(words):
        return False
    text = " ".join(words[1:]).replace("' ", "'")
    cues = {fold(c) for c in _former_words() | title_cues("also_posts_fr") | title_cues("former_lead_fr")}
    return any(text == c or text.startswith(c + " ") for c in cues) and len(words) > 1


SUBJECT_REACH = 4  # tokens after a post phrase where the finite verb it is the subject of may stand


def _subject_of_next_verb(doc: Doc, p: PostMention, between: Span) -> bool:
    """"Reçu par le président, le capitaine X, l'ambassadeur de Russie a remis un message": a definite post
    after the comma that runs on into a finite verb with no comma closing it is the subject of the main
    clause, not an apposition of the name before it (which would be set off: "X, l'ambassadeur, a dit")."""
    if not {"le", "la", "l'"} & {fold(t.text) for t in between}:
        return False
    for t in doc[p.span.end:min(p.span.sent.end, p.span.end + SUBJECT_REACH)]:
        if t.is_punct:
            return False
        if t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm"):
            return True
    return False


MEMBERSHIP_REACH = 16  # words of a "membre du …" title before the post it is chained to


def _without_membership(tokens: list) -> list:
    """The tokens with a leading membership title or rank and its "et" or comma left out: "X, membre du
    Bureau politique du Comité central du Parti et ministre des Affaires étrangères", "X, conseiller
    fédéral, chef du DFAE", "X, ministre d'État, ministre des Armées" (state media and protocol chain
    a seat in a body or a rank, which is no post, before the post).  Only a verbless title naming
    nobody is skipped, so ", membre du parti, a reçu le ministre" keeps its words."""
    words = [fold(t.text) for t in tokens]
    if len(words) > 2 and words[0] == "," and words[1] in {fold(w) for w in title_cues("also_posts_fr")}:
        tokens, words = tokens[:1] + tokens[2:], words[:1] + words[2:]  # ", également membre du Bureau …"
    text = " ".join(words[1:]).replace("' ", "'")
    if words[:1] != [","] or len(words) < 3 or not any(
            text == head or text.startswith(head + " ") for head in title_cues("membership_heads_fr")):
        return tokens
    for i, t in enumerate(tokens[2:MEMBERSHIP_REACH], start=2):
        if words[i] in ("et", ","):
            return tokens[:1] + tokens[i + 1:]
        if t.is_punct and t.text not in ("-", "'") or t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PER":
            return tokens
    return tokens


def _without_since(doc: Doc, tokens: list) -> list:
    """The tokens with a "depuis <date>" left out: "X, depuis février 2024 commandant en chef …", and a
    term's bounds ("Commandant des forces terrestres de 1994 à 2004, il …")."""
    for t in tokens:
        dated = _since(doc, t.i, undated=True)  # "depuis février" on an undated page: a date all the same
        if dated is not None:
            return [u for u in tokens if not t.i <= u.i < dated.end]
        if fold(t.text) in ("de", "entre", "(") and t.i == tokens[0].i:
            end = _past_term(doc, t.i)
            if end > t.i:
                return [u for u in tokens if not t.i <= u.i < end]
    return tokens


def _since_date(doc: Doc, a: Attachment) -> DateValue | None:
    """When the apposition says the post is held since ("X, ministre de la Défense depuis septembre
    2023", "X, depuis 2024 chef d'état-major"): that date, a start; not a span of time ("depuis
    deux ans" is no date)."""
    assert a.post is not None
    inside = [t.i for t in a.post.span[1:] if fold(t.text) == "depuis"]  # "X, qui dirige la diplomatie depuis octobre"
    for i in (a.post.span.end, a.post.span.start - 1 - _since_length(doc, a.post.span.start), *inside):
        dated = _since(doc, i)
        if dated is not None and (i > a.post.span.start or dated.end == a.post.span.start):
            return dated._.date
    return None


def _since(doc: Doc, i: int, undated: bool = False) -> Span | None:
    """The date span right after a "depuis" at token ``i`` ("depuis septembre 2023"), if there is one
    (with ``undated``, also one the page's missing date leaves without a value: "depuis février")."""
    if not 0 <= i < len(doc) or fold(doc[i].text) != "depuis":
        return None
    return next((d for d in dates_within(doc, i + 1, i + 2) if d._.date or undated), None)


def _since_length(doc: Doc, start: int) -> int:
    """Length of the date span ending right before ``start``, 0 when there is none."""
    spans = [d for d in dates_within(doc, max(0, start - 6), start) if d.end == start]
    return len(spans[0]) if spans else 0


def _appointed_incise(between: Span) -> bool:
    """", tout juste nommé " or ", récemment promue " between a name and a post: an incise that
    says the named person was just given the post (no agent: ", nommé par le président," names the
    appointer, and "par" is no word of the list)."""
    words = [fold(t.text) for t in between]
    if words[:1] != [","] or len(words) > 6:
        return False
    rest = without_fillers(without_phrases([w for w in words[1:] if w not in glue()],
                                           title_cues("appointed_incise_fr")))  # ", devenu ensuite …"
    verbs = title_cues("appoint_verbs_fr") | {"devenu", "devenue"}
    return not rest and any(w in verbs for w in words)


def _holder_after(doc: Doc, post: PostMention) -> bool:
    """The post is followed by a name of its own, maybe after a comma, an article and a title
    ("le chef d'état-major, le général X")."""
    if _named_after(doc, post):
        return True
    i = post.span.end
    if i >= len(doc) or doc[i].text != ",":
        return False
    nxt = people_within(doc, i + 1, min(len(doc), i + 6))
    between = doc[i:nxt[0].span.start] if nxt else doc[i:i]
    listed = any(fold(t.text) in ("et", "ou") for t in between)  # "X, le ministre, et Y": Y is the next item
    return bool(nxt) and not listed and _only_glue(between, allow_title=True)


NICKNAME_CUES = frozenset(("dit", "dite", "surnomme", "surnommee", "alias"))
NICKNAME_REACH = 8  # tokens of a nickname incise up to its closing comma


def _without_incise(between: Span) -> list:
    """The tokens between a name and its post, an age incise (", 62 ans,") or a nickname's (", dit « Idi
    Amin »,") left out."""
    words = [fold(t.text) for t in between]
    for i in range(len(words) - 2):
        if words[i] == "," and words[i + 1].isdigit() and words[i + 2] == "ans":
            return list(between[:i]) + list(between[i + 3:])
    if len(words) > 2 and words[0] == "," and words[1] in NICKNAME_CUES and "," in words[2:NICKNAME_REACH]:
        return list(between[words.index(",", 2):])  # "X, dit « Idi Amin », est relevé de ses fonctions de …"
    return list(between)


def _post_linked(doc: Doc, m: PersonMention, posts: list[PostMention],
                 after: PostMention | None = None) -> PostMention | None:
    """"X est nommé ministre des Armées", "X devient chef d'état-major", and "X … en tant que
    Premier ministre" (the nearest name before "en tant que" in the clause)."""
    end = _past_term(doc, after.span.end) if after is not None else m.span.end  # past an apposition already read
    if after is not None:
        end = _past_complement(doc, end)  # "X, chef d'état-major général de l'Armée populaire, devient aussi …"
    for p in posts:
        if p.span.start < end:
            continue
        between = doc[end:p.span.start]
        if after is None and len(between) and fold(between[0].text) == "qui" and cleft_focus(doc, m):
            between = between[1:]  # "c'est le général X qui devient chef d'état-major": X is the subject
        if after is None and [fold(t.text) for t in between[:2]] == [",", "qui"] and _as_phrase_before(doc, p, m):
            return p  # "X, qui a entamé en mars son deuxième mandat de Premier ministre": the relative's subject
        if after is None and not _may_be_subject(doc, m, between):
            break
        dated = _with_date_leads(doc, dated_tokens(doc, between.start, between.end))  # "a été nommé dimanche …"
        words = without_fillers(_without_apposition(_without_rank_title(
            [fold(t.text) if t.i not in dated else "," if t.text == "," else "" for t in between]), between))
        words = [w for w in words if w and not _ordinal(w)]  # "X est le troisième ministre de la Défense"
        if not words and _opens_on_verb(p):
            return p
        active = bool({"a", "avait"} & set(words)) and "ete" not in words and not set(words) & title_cues(
            "post_holding_verbs_fr")  # "X a nommé le ministre Y": X appoints; "X a occupé le poste de": X held
        if words and not active and set(words) <= title_cues("post_link_words_fr") and set(words) & title_cues(
                "post_link_verbs_fr"):
            return p
        if _as_phrase_before(doc, p, m):
            return p
        break
    return None


DATE_LEADS = frozenset(("depuis", "jusqu'", "jusqu'a", "jusqu'au", "jusque", "en", "le", "au", "des", "a"))


def _with_date_leads(doc: Doc, dated: set[int]) -> set[int]:
    """"X occupait jusqu'en octobre le poste de …", "occupe depuis 2023 le poste de": the prepositions that
    open a date ("jusqu'", "en", "depuis") are skipped with it, as the date is."""
    out = set(dated)
    for k in sorted(dated, reverse=True):
        j = k - 1
        while j >= 0 and j not in out and fold(doc[j].text) in DATE_LEADS:
            out.add(j)
            j -= 1
    return out


def _ordinal(word: str) -> bool:
    """A folded ordinal ("troisième", "2e", "premier"): what rank a holder has among a post's holders."""
    return word in ("premier", "premiere") or (len(word) > 4 and word.endswith("ieme")) \
        or (word[:-1].isdigit() and word[-1:] == "e")


APPOSITION_COMPLEMENT_REACH = 7  # tokens of a "de …" complement closing an apposed post before its comma


def _past_complement(doc: Doc, i: int) -> int:
    """Token ``i``, or the comma closing a "de …" complement that opens there and names no one and holds no
    verb ("(chef d'état-major général) de l'Armée populaire,"): the apposition ends at that comma."""
    if i >= len(doc) or fold(doc[i].text) not in OF:
        return i
    hi = min(doc[i].sent.end, i + APPOSITION_COMPLEMENT_REACH)
    comma = next((t.i for t in doc[i:hi] if t.text == ","), None)
    if comma is None or people_within(doc, i, comma) or any(t.pos_ in ("VERB", "AUX") for t in doc[i:comma]):
        return i
    return comma


def _without_rank_title(words: list[str]) -> list[str]:
    """The words between a linking verb and its post, a membership title or protocol rank and its comma
    or "et" at their end left out: "a été nommé ministre d'État, ministre de la Défense" (see
    :func:`_without_membership`)."""
    for head in title_cues("membership_heads_fr"):
        for joint in (",", "et"):
            tail = fold(head).replace("'", "' ").split() + [joint]
            if len(words) > len(tail) and words[-len(tail):] == tail:
                return words[:-len(tail)]
    return words


def _opens_on_verb(post: PostMention) -> bool:
    """A post wording that holds its own verb ("dirige le gouvernement", ``post_verb_openers_fr``):
    the name right before it is its subject ("X dirige le gouvernement par intérim")."""
    return fold(post.span[0].text) in title_cues("post_verb_openers_fr")


def _becomes(doc: Doc, m: PersonMention, post: PostMention) -> bool:
    """The verb linking the name to the post says the person takes it now ("devient", "deviendra"), so
    a post stated before the name is the one they held until then."""
    return any(fold(t.text) in title_cues("become_verbs_fr") for t in doc[m.span.end:post.span.start])


def _post_as_object(doc: Doc, m: PersonMention, posts: list[PostMention]) -> PostMention | None:
    """"A a nommé vendredi X ministre de la Défense", "a désigné le général X comme prochain chef
    d'état-major": the object of an appointing verb holds the post that follows it (the subject,
    who appoints, never does)."""
    if not _appointed(doc, m):
        return None
    if _opens_post_headline(doc, m):  # the name's last words may open the next sentence (cut after "Ma.")
        last = doc[m.span.end - 1].sent
        posts = [p for p in posts_within(doc, last.start, last.end) if not _complement(doc, p)]
    nxt = next((p for p in posts if p.span.start >= m.span.end), None)
    if nxt is None or nxt.span.start - m.span.end > 6:
        return _past_apposed_titles(doc, m, posts)  # "la nomination de X, membre du Parti, au poste de …"
    between = {fold(t.text) for t in doc[m.span.end:nxt.span.start]}
    return nxt if between <= title_cues("appointed_as_fr") | glue() and not _holder_after(doc, nxt) else None


APPOSED_TITLES_REACH = 24  # tokens of the titles set off between an appointee's name and the new post


def _past_apposed_titles(doc: Doc, m: PersonMention, posts: list[PostMention]) -> PostMention | None:
    """"la reconduction du général X, membre du Bureau politique, vice-président de la Commission militaire
    centrale, au poste de ministre de la Défense": past the titles set off by commas after the name (short
    verbless phrases or post phrases), the post the appointment gives."""
    end = min(len(doc), m.span.end + APPOSED_TITLES_REACH, m.span.sent.end)
    if m.span.end >= end or doc[m.span.end].text != ",":
        return None
    commas = [t.i for t in doc[m.span.end:end] if t.text == ","]
    for last in reversed(commas):
        target = next((p for p in posts if last < p.span.start <= last + 4), None)
        if target is None:
            continue
        inside = doc[m.span.end:last]
        lead = {fold(t.text) for t in doc[last + 1:target.span.start]}
        if any(t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PER" for t in inside) or not lead \
                or not lead <= title_cues("appointed_as_fr") | glue() or _holder_after(doc, target):
            return None
        return target
    return None


#: Tokens between an appointing verb and its object's name ("a parachuté mardi le général de l'armée de l'air X").
OBJECT_REACH = 10


def _appointed(doc: Doc, m: PersonMention) -> bool:
    """The name follows an active appointing verb ("a nommé", "ont choisi"), maybe with a date, an
    adverb, an article and a title or a noun in between ("a désigné lundi le député X"), or the noun
    of an appointment ("ont approuvé la nomination de X"; see :func:`_appointment_noun_before`)."""
    if _appointment_noun_before(doc, m) or _opens_post_headline(doc, m):
        return True
    i = m.span.start - 1
    skipped = 0
    # "a envoyé X aux Affaires étrangères", "a bombardé X à la Défense": verbs of sending that appoint only
    # after an auxiliary (checked below), as "l'envoyé spécial" is a noun
    verbs = title_cues("appoint_verbs_fr") | title_cues("appoint_present_fr") | title_cues("appoint_sending_fr") \
        | title_cues("appoint_participle_fr")
    kin = {fold(k) for k in title_cues("kinship_nouns_fr")}
    while i >= 0 and skipped < OBJECT_REACH and fold(doc[i].text) not in verbs:
        token = doc[i]
        # "a reconduit son frère cadet, X, au ministère": a kinship apposition set off before the name
        kin_apposition = i == m.span.start - 1 and token.text == "," \
            and any(fold(t.text) in kin for t in doc[max(0, i - 3):i])
        if token.text == "," and _only_glue(doc[i + 1:m.span.start], allow_title=True):
            post = next((p for p in find_posts(doc) if p.span.end == i), None)
            if post is not None:  # "a choisi le chef d'état-major de l'armée, le général X, pour …": the
                i, skipped = post.span.start - 1, skipped + 1  # object is the post the name is apposed to
                continue
        if (token.is_punct and not kin_apposition) or token.pos_ in ("VERB", "AUX", "PROPN") \
                or token.ent_type_ == "PER":
            return False
        i, skipped = i - 1, skipped + 1
    if i < 1 or fold(doc[i].text) not in verbs:
        return False
    if fold(doc[i].text) in title_cues("appoint_participle_fr"):  # "un décret nommant le général X ministre …"
        return True
    j = i - 1
    # "a également proposé", "a par ailleurs envoyé", "a en outre nommé" (a preposition opening an adverbial)
    while j > 0:
        n = _filler_ending_at(doc, j) or (doc[j].pos_ == "ADV")
        if not n:
            break
        j -= n
    if fold(doc[j].text) in ("a", "ont", "avait"):
        return True
    if fold(doc[i].text) in title_cues("appoint_sending_fr"):
        return False
    # headline style, a present tense after its subject: "Le capitaine X reconduit le général Y à la Défense"
    return fold(doc[i].text) in title_cues("appoint_present_fr") and doc[i].pos_ == "VERB" \
        and doc[j].pos_ != "AUX" and fold(doc[j].text) not in OBJECT_CLITICS | {"est", "sont", "sera", "qui", "que"}


def _filler_ending_at(doc: Doc, j: int) -> int:
    """The number of tokens of an adverbial of ``post_link_fillers_fr`` ("par ailleurs", "en outre", "à son
    tour") that ends at token ``j``; 0 if none does."""
    for phrase in sorted(title_cues("post_link_fillers_fr") | {"en outre", "de surcroit"}, key=len, reverse=True):
        words = fold(phrase).replace("'", "' ").split()
        n = len(words)
        if j - n + 1 >= 0 and [fold(t.text) for t in doc[j - n + 1:j + 1]] == words:
            return n
    return 0


def _opens_post_headline(doc: Doc, m: PersonMention) -> bool:
    """"Sébastien Lecornu au poste de Premier ministre": a name opening its sentence (a headline, or the
    part of one the sentence splitter cut after an abbreviated given name, "… a nommé mardi Ma. | Theresa
    Lazaro au poste de secrétaire …") and followed right away by "au poste de" is appointed to it."""
    sent = doc[m.span.end - 1].sent  # the sentence of the name's last word, which may open inside the name
    words = [fold(t.text) for t in doc[m.span.end:min(sent.end, m.span.end + 3)]]
    return m.span.start <= sent.start and words[:2] == ["au", "poste"] and words[2:3] in (["de"], ["d'"])


def _appointment_noun_before(doc: Doc, m: PersonMention) -> bool:
    """"la nomination de X (comme secrétaire d'État)", "après la désignation du général X": the name is
    the complement of a noun of appointment (a title may come between), unless a word close before
    says the appointment was blocked or is only considered ("a rejeté la nomination de X")."""
    i = m.span.start - 1
    while i > 0 and fold(doc[i].text) in _titles() - OF:
        i -= 1
    if i < 1 or fold(doc[i].text) not in OF or fold(doc[i - 1].text) not in title_cues("appoint_nouns_fr"):
        return False
    before = {fold(t.text) for t in doc[max(doc[i].sent.start, i - 6):i - 1]}
    return not before & title_cues("appoint_blockers_fr")


def _without_apposition(words: list[str], between: Span) -> list[str]:
    """The words between a name and a linking verb, a closing comma or a verbless incise
    (", ancien négociateur en chef du dossier,") left out: "X, ancien …, devient ministre"; so is a
    relative clause on the name (", qui dirigeait le ministère depuis 2012,"): the name is still the
    subject of the verb after it."""
    if words[:1] != [","]:
        return words
    if "," not in words[1:]:
        return words[1:]  # "Le patron du MIT, X, devient ministre": the comma closes an apposition
    close = words.index(",", 1)
    incise = between[1:close]
    relative = words[1:2] == ["qui"] and len(incise) <= RELATIVE_INCISE
    appointed = words[1] in title_cues("appointed_incise_fr") | title_cues("birth_words_fr")  # ", nommé le 6 mai,"
    # or ", né en 1965," before "devient ministre …"
    if words[1] in NICKNAME_CUES and len(incise) <= NICKNAME_REACH:
        return words[close + 1:]  # "X, dit « Idi Amin », est relevé de ses fonctions de …": a nickname
    if any(t.ent_type_ == "PER" for t in incise) or (not relative and (len(incise) > 10 or any(
            t.pos_ in ("VERB", "AUX") and not (appointed and t.i == incise.start) for t in incise))):
        return words
    rest = words[close + 1:]
    if "," in rest and 0 < rest.index(",") <= TRAILING_INCISE:  # ", mort vendredi dans les Pyrénées, à 74 ans, fut …"
        tail = between[close + 1:close + 1 + rest.index(",")]
        if not any(t.ent_type_ == "PER" or t.pos_ in ("VERB", "AUX") for t in tail) \
                and not set(words[close + 1:close + 1 + rest.index(",")]) & title_cues("post_link_verbs_fr"):
            return rest[rest.index(",") + 1:]
    return rest


TRAILING_INCISE = 4  # words of a second verbless incise right after the first (", à 74 ans,")



SOUGHT_REACH = 3  # words between a word of candidacy and the post or cue it governs


def sought_before(doc: Doc, i: int) -> bool:
    """A word of candidacy or expectation stands just before token ``i`` ("candidat au poste de",
    "pressenti pour succéder à", "brigue le poste de"): what follows is sought, not held."""
    words = {fold(t.text) for t in doc[max(0, i - SOUGHT_REACH):i]}
    return bool(words & title_cues("post_sought_fr"))


def _may_be_subject(doc: Doc, m: PersonMention, between: Span) -> bool:
    """A name followed by a lone closing comma ("Le patron du MIT, X, devient ministre") is the
    subject of the verb after it only when it is itself set off (a comma, a bracket or the sentence
    start before it), not the object inside a relative clause ("Y, qui a conseillé X, est nommé …")."""
    if not len(between) or between[0].text != "," or "," in [t.text for t in between[1:]]:
        return True
    i = m.span.start - 1
    while i >= m.span.sent.start and not doc[i].is_punct and fold(doc[i].text) in _titles() | glue():
        i -= 1
    return i < m.span.sent.start or doc[i].text in (",", "(", ":") or doc[i].is_sent_start


RELATIVE_INCISE = 12  # the most words of a relative clause set off between a name and its verb


def _as_phrase_before(doc: Doc, p: PostMention, m: PersonMention) -> bool:
    """"X … en tant que <post>", "X a prêté serment lundi comme <post>": an as-phrase (``post_as_fr``)
    right before the post, dates between its words left out."""
    lo = max(m.span.end, p.span.start - 6)
    dated = dated_tokens(doc, lo, p.span.start)
    text = " ".join(fold(t.text) for t in doc[lo:p.span.start] if t.i not in dated)
    cue = next((c for c in title_cues("post_as_fr") if text.endswith(c)), None)
    if cue is None and p.post_type == "ambassador" and text.endswith("comme"):
        cue = "comme"  # "X représente désormais l'Ukraine à Londres comme ambassadeur"
    if cue is None or p.span.start - m.span.end > 14 or sought_before(doc, p.span.start - len(cue.split())):
        return False  # "X, candidat au poste de Premier ministre": a post sought, not held
    between = _without_incise(doc[m.span.end:p.span.start])  # "X, dit « Idi Amin », est relevé de ses fonctions de"
    others = people_within(doc, m.span.end, p.span.start)
    return not others and not any(fold(t.text) in (";", ":", "«", "»") for t in between)


def _post_before(doc: Doc, m: PersonMention, posts: list[PostMention]) -> PostMention | None:
    """"le président russe X", "le chef d'état-major russe, le général X" (no "et" in between), and
    "le porte-parole du ministère russe de la Défense, X" (a complement, then a comma).  A name right
    after "de" is the complement, never the holder ("le porte-parole du général X")."""
    nationality = _nationality_before_name(doc, m)
    for p in reversed(posts):
        if p.span.end > m.span.start:
            continue
        if nationality is not None and p.span.end <= nationality.start - 1:
            p = _of_nationality(p, nationality)  # "le ministre de la Défense, l'Azerbaïdjanais X": X's post,
            between = doc[p.span.end:nationality.start - 1]  # in Azerbaijan
        else:
            between = doc[p.span.end:m.span.start]
        kept = _without_since(doc, _without_relative(between))  # "entre 2019 et 2022": no list
        kept = _without_reign(kept)
        listed = any(fold(t.text) in ("et", "ou") for t in kept)
        if _only_glue(kept, allow_title=True) and not listed \
                and not _name_is_complement(between):
            return _addressed_by_rank(doc, p, posts) or p
        if _complement_then_name(doc, between) or _coordinated_title(doc, between) \
                or _copula_to_name(doc, p, between) or _portfolios_then_name(doc, between):
            return p
        return None
    return None


def _nationality_before_name(doc: Doc, m: PersonMention) -> Span | None:
    """The noun of nationality set right before a name after a comma ("…, l'Azerbaïdjanais X", "…, la
    Lettone Y"): a capitalised demonym after a determiner, the comma before the determiner."""
    at = m.span.start
    if at < 3 or fold(doc[at - 2].text) not in NATIONALITY_DETERMINERS or doc[at - 3].text != ",":
        return None
    demonym = next((s for s in lex_within(doc, at - 1, at, "DEMONYM") if s.start == at - 1 and s.end == at), None)
    return demonym if demonym is not None and demonym.text[:1].isupper() else None


def _of_nationality(p: PostMention, nationality: Span) -> PostMention:
    """A post set off before a noun of nationality and its name is held in that nationality's state,
    unless the phrase already names a state or is another state's own office."""
    if p.countries:
        return p
    office = load_lexicon().offices.get(p.office_id or "")
    if office is not None and office.country not in (UNKNOWN, nationality.kb_id_):
        return p
    return replace(p, countries=[nationality.kb_id_])


RANKS_OF_ADDRESS = frozenset(("ambassadeur", "ambassadrice", "ambassador"))


def _addressed_by_rank(doc: Doc, p: PostMention, posts: list[PostMention]) -> PostMention | None:
    """"Le porte-parole du ministère des Affaires étrangères, l'ambassadeur X, a déclaré": a bare
    "ambassadeur" (no state, no posting) set off right after another post is the rank a career diplomat
    is addressed by, and the post said first is the one X holds; that post, else None."""
    if p.post_type != "ambassador" or p.countries or len(p.span) != 1 or fold(p.span.text) not in RANKS_OF_ADDRESS:
        return None
    for q in reversed(posts):
        if q.span.end > p.span.start:
            continue
        between = [fold(t.text) for t in doc[q.span.end:p.span.start]]
        if q.post_type != "ambassador" and p.span[0].text == "Ambassador" and "," not in between and (
                not between or between[0] == "for" and all(
                    t.text[:1].isupper() or fold(t.text) == "the" for t in doc[q.span.end + 1:p.span.start])):
            return q  # English: "Special Envoy for the Mediterranean Ambassador X"
        if q.post_type == "ambassador" or "," not in between:
            return None
        comma = len(between) - 1 - between[::-1].index(",")
        complement = between[:comma]  # "le porte-parole de la présidence, l'ambassadeur X"
        plain = not complement or complement[0] in ("de", "du", "des", "d'") and "," not in complement and not any(
            t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PER" for t in doc[q.span.end:q.span.end + comma])
        return q if plain and all(w in ("l'", "le", "la") for w in between[comma + 1:]) else None
    return None


REIGN_REACH = 12  # tokens of a ", sous X puis Y," incise


def _without_reign(tokens: list) -> list:
    """The tokens with a leading ", sous X (puis Y)," incise left out ("Chef d'état-major des armées de
    2006 à 2010, sous Jacques Chirac puis Nicolas Sarkozy, il …": the presidents the post was held under,
    not its holders); no verb may stand inside."""
    words = [fold(t.text) for t in tokens]
    if len(words) < 4 or words[0] != "," or words[1] != "sous":
        return tokens
    close = next((i for i in range(2, min(len(words), REIGN_REACH)) if words[i] == ","), None)
    if close is None or any(t.pos_ in ("VERB", "AUX") for t in tokens[2:close]):
        return tokens
    return tokens[:1] + tokens[close + 1:]


def _capitalised_portfolio(words: Span) -> bool:
    """A portfolio as titles write it: "de", an article, then a capitalised noun ("de la Sécurité",
    "des Anciens combattants"); not an aside ("de l'avis des observateurs")."""
    rest = [t for t in words[1:4] if fold(t.text) not in ("la", "le", "l'", "les")]
    return bool(rest) and rest[0].text[:1].isupper()


PORTFOLIO_REACH = 16  # words of the further portfolios a title lists between commas


def _portfolios_then_name(doc: Doc, between: Span) -> bool:
    """"le ministre des Affaires étrangères, de la Communauté nationale à l'étranger et des Affaires
    africaines, M. X", "… et des Marocains résidant à l'étranger, M. X": the further portfolios of a
    long title, set off by commas, each opened by "de", "du" or "des" (after "et" too) and
    capitalised, or the participle that ends the last one, then the name.  A finite verb or a person
    inside is another phrase, and an aside in lower case ("de l'avis des observateurs") no portfolio."""
    words = [fold(t.text) for t in between]
    if "," not in words or len(between) > PORTFOLIO_REACH:
        return False
    last = between.start + len(words) - 1 - words[::-1].index(",")
    inside = doc[between.start:last]
    finite = any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in inside)
    if not len(inside) or finite or people_within(doc, inside.start, inside.end) \
            or not _only_glue(doc[last + 1:between.end], allow_title=True):
        return False
    cuts = [i for i, t in enumerate(inside) if fold(t.text) in (",", "et")]
    segments = [inside[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(inside)], strict=True)]
    if segments and not len(segments[0]):
        segments = segments[1:]  # the comma right after the title
    elif segments and "Part" in segments[0][0].morph.get("VerbForm") and segments[0][0].text.islower():
        segments = segments[1:]  # "… et des Marocains | résidant à l'étranger": the title's own last words
    return all(len(g) and fold(g[0].text) in OF and _capitalised_portfolio(g) for g in segments)


def _copula_to_name(doc: Doc, post: PostMention, between: Span) -> bool:
    """"Le porte-parole du gouvernement sera désormais X", "le nouveau chef d'état-major est le général
    Y": a post that is the subject of its clause, a copula (``post_copulas_fr``; adverbs and dates left
    out) and the name as its attribute.  A name in the post's clause before it ("X, ministre …, est Y")
    or any other word (a negation, a verb, "par") breaks the link."""
    words = [fold(t.text) for t in between if t.i not in dated_tokens(doc, between.start, between.end)]
    words = without_fillers(words)
    titles = _titles()
    while words and (words[-1] in titles or words[-1] in ("le", "la", "l'")):
        words = words[:-1]
    if not words or " ".join(words).replace("' ", "'") not in {fold(c) for c in title_cues("post_copulas_fr")}:
        return False  # "est", "sera désormais", "s'appelle"
    i = post.span.start - 1
    while i >= post.span.sent.start and fold(doc[i].text) in title_cues("role_noun_adjectives_fr") | {
            "le", "la", "l'", "les"}:  # "Le nouveau chef d'état-major est …"
        i -= 1
    if i >= post.span.sent.start and doc[i].text == ",":  # "À Jakarta, le nouveau chef d'état-major est …"
        opening = doc[post.span.sent.start:i]
        return not people_within(doc, opening.start, opening.end) and not any(
            t.pos_ in ("VERB", "AUX") for t in opening)
    return i < post.span.sent.start or doc[i].text in ("—", "–", "-", ":") or doc[i].is_sent_start


def _without_relative(between: Span) -> list:
    """The tokens between a post and a name, a relative clause on the post set off by commas left out
    ("le chef d'état-major des armées, qui a pris ses fonctions le 1er septembre, le général X"); a
    clause that names someone stays."""
    words = [fold(t.text) for t in between]
    if words[:2] != [",", "qui"] or "," not in words[2:]:
        return list(between)
    close = words.index(",", 2)
    clause = between[1:close]
    if len(clause) > RELATIVE_INCISE or any(t.ent_type_ == "PER" for t in clause) \
            or people_within(between.doc, clause.start, clause.end):
        return list(between)
    return list(between[:1]) + list(between[close:])


def _owner_in_complement(doc: Doc, post: PostMention, m: PersonMention) -> PersonMention | None:
    """"le porte-parole du général Y, le colonel X": X speaks for Y, in Y's country."""
    if post.countries:
        return None
    return next((q for q in doc._.people or [] if post.span.end < q.span.start and q.span.end <= m.span.start), None)


def _coordinated_title(doc: Doc, between: Span) -> bool:
    """"la vice-Première ministre et ministre de l'Économie X": a second title, outside the lexicon,
    joined by a bare "et" (no article: "et le ministre X" is someone else)."""
    titles = _titles()
    end = between.end
    while end > between.start and (fold(doc[end - 1].text) in glue() or fold(doc[end - 1].text) in titles):
        end -= 1  # ", Mme" before the name
    words = [fold(t.text) for t in doc[between.start:end]]
    if len(words) < 2 or len(words) > 7 or words[0] != "et" or words[1] not in title_cues("post_heads_fr"):
        return False
    names = people_within(doc, between.start, between.end)
    return not names and all(t.pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN") for t in doc[between.start + 2:end])


def _name_is_complement(between: Span) -> bool:
    words = [fold(t.text) for t in between if fold(t.text) not in ("la", "l'", "le", "les")]
    return bool(words) and words[0] in OF and "," not in words


def _complement_then_name(doc: Doc, between: Span) -> bool:
    """"du ministère russe de la Défense, " or "du général Y, le colonel " between a post and a name."""
    words = [fold(t.text) for t in between]
    lead = 0
    while lead < len(words) - 1 and between[lead].pos_ == "ADJ" and between[lead].text.islower() \
            and not between[lead]._.kg_demonym:
        lead += 1  # "le porte-parole militaire des Houthis, X"
    between, words = between[lead:], words[lead:]
    if not words or words[0] not in OF or "," not in words or len(between) > 12:
        return False
    comma = between.start + words.index(",")
    tail = doc[comma + 1:between.end]
    inside = doc[between.start:comma]
    return _only_glue(tail, allow_title=True) and not any(
        fold(t.text) in stop() | {"et", "ou"} or t.pos_ in ("VERB", "AUX") for t in inside)


AGENT_NOUNS = {"command": "commandant", "dirig": "chef", "presid": "président"}  # verb stem -> agent noun


def _copular_relative_post(doc: Doc, m: PersonMention) -> PostMention | None:
    """"X, qui est aussi vice-Premier ministre", "X, qui est désormais haute représentante …": the post
    right after "qui" and a form of "être" (adverbs may come between).  It adds to a title before the
    name ("Le ministre … X, qui est aussi …" holds both)."""
    clause = _relative_after(doc, m)
    if clause is None:
        return None
    words = doc[clause[0]: clause[1]]
    k = clause[1]
    serving = [fold(t.text) for t in doc[k:min(len(doc), k + 3)]]
    if serving[:1] in (["sert"], ["servait"], ["servira"]) and serving[1:2] in (["de"], ["d'"]):
        return next(iter(posts_within(doc, k + 2, k + 3)), None)  # "X, qui sert de porte-parole à l'exécutif"
    if serving[:1] in (["fait"], ["faisait"]) and serving[1:2] == ["office"] and serving[2:3] in (["de"], ["d'"]):
        return next(iter(posts_within(doc, k + 3, k + 4)), None)  # "X, qui fait office de chef d'état-major"
    becoming = {fold(w) for w in title_cues("become_verbs_fr")}
    if not any(fold(t.lemma_) == "etre" or fold(t.text) in becoming for t in words):
        words = doc[clause[0]: clause[1] + 1]  # "X, qui devient vice-Premier ministre": the verb is no auxiliary
        if not any(fold(t.text) in becoming for t in words):
            return None
        return next(iter(posts_within(doc, clause[1] + 1, clause[1] + 2)), None)
    return next(iter(posts_within(doc, clause[1], clause[1] + 1)), None)


def _relative_after(doc: Doc, m: PersonMention) -> tuple[int, int] | None:
    """Where a relative clause on the name ("X, qui a longtemps dirigé …", "X, qui est aussi …")
    starts after "qui", and where its first word past auxiliaries, adverbs and glue stands."""
    i = m.span.end if m.span.end < len(doc) and doc[m.span.end].text == "," else m.span.end - 1
    if i + 2 >= len(doc) or fold(doc[i + 1].text) != "qui":
        return None
    j = i + 2
    while j < min(len(doc) - 1, i + 6) and (doc[j].pos_ in ("AUX", "ADV") or fold(doc[j].text) in glue()):
        j += 1  # "qui a longtemps dirigé", "qui a lui-même occupé"
    return i + 2, j


def _post_in_relative_clause(doc: Doc, m: PersonMention) -> PostMention | None:
    """"X, qui commande les forces américaines en Europe" read as "commandant des forces …", "X, qui
    dirigeait le ministère de la Défense" as "ministre de la Défense", and "X, qui a occupé le poste de
    chef d'état-major" as the post named after "le poste de" (an auxiliary and adverbs may come first)."""
    clause = _relative_after(doc, m)
    if clause is None:
        return None
    headed = _headship_in_clause(doc, clause) or _ruled_by_an_officer(doc, m, clause) or _preceded_in_post(doc, m)
    if headed is not None:  # "X, qui est à la tête du commandement indo-pacifique": "chef du commandement …"
        return headed
    verb = doc[clause[1]]
    noun = next((n for stem, n in AGENT_NOUNS.items() if fold(verb.text).startswith(stem)), None)
    holds = fold(verb.text) in title_cues("post_hold_verbs_fr")
    obj = next((c for c in verb.children if c.dep_ == "obj"), None)
    if (noun is None and not holds) or obj is None:
        return None
    if holds and _bare_post_noun(doc, obj):
        if m.span.start > 0 and fold(doc[m.span.start - 1].text) in title_cues("minister_nouns_fr"):
            return _ministry_named_before(doc, m.span.start)  # "L'ancien ministre X, qui avait occupé le poste"
        return _post_named_before(doc, m.span.start)  # "un Lecornu qui a lui-même occupé le poste entre …"
    # "qui dirigeait le ministère depuis 2012"
    if noun is not None and fold(obj.text) in title_cues("ministry_nouns_fr"):
        folded = [fold(t.text) for t in doc]
        ministry = bare_ministry(folded, obj.sent, obj.i)
        if ministry is not None:
            return PostMention(doc[verb.i:obj.i + 1], ministry[0], [ministry[1]] if ministry[1] else [])
    words = [t.text_with_ws for t in doc[verb.i + 1: verb.right_edge.i + 1] if t.text not in (",", ";")
             and t.i >= obj.left_edge.i]  # "qui commandait auparavant / naguère le district militaire de …"
    phrase = _agent_phrase(noun, words) if noun else _held_phrase(words)
    if phrase is None:
        return None
    found = [s for s in match_text(phrase) if s.label_ in POST_LABELS]
    if not found:
        return None
    best = max(found, key=len)
    if noun is not None and best.end <= len(noun.split()):
        return None  # "qui présidait la réunion": "président" alone, its object no part of any post
    if _cut_name(best):
        return None
    post = _post(best.doc, best)
    countries = post.countries or _places_in(doc, obj)  # "qui commandait le district militaire de Tachkent"
    return PostMention(doc[verb.i:_before_term(doc, verb.i + 1, verb.right_edge.i + 1)], post.post_type,
                       countries, post.former or _past_verb(verb), post.office_id)


def _places_in(doc: Doc, obj: Token) -> list[str]:
    """The one state a verb's object names by a place, capital or demonym in it ("le district militaire de
    Tachkent": Uzbekistan's), as a post phrase's own complement would; none when it names several."""
    found = {s.kb_id_ for s in lex_within(doc, obj.left_edge.i, obj.right_edge.i + 1, "PLACE", "METONYM",
                                          "COUNTRY", "DEMONYM") if _is_state(s.kb_id_)}
    return list(found) if len(found) == 1 else []


def _past_verb(verb: Token) -> bool:
    """"qui commandait le district", "qui avait dirigé la marine", "qui a commandé la région militaire": a verb
    of leading in the imperfect or a compound past tells a post held before, not one held now; not with a
    "depuis" in its clause ("qui dirigeait la diplomatie depuis 2014" tells the start of a term the sentence
    goes on to end, read as such)."""
    close = next((t.i for t in verb.doc[verb.i:verb.sent.end] if t.text in (",", ";", ")")), verb.sent.end)
    if any(fold(t.text) == "depuis" for t in verb.doc[verb.i:close]):  # within the relative, to its comma
        return False
    if "Imp" in verb.morph.get("Tense") and "Ind" in verb.morph.get("Mood"):
        return True
    return "Part" in verb.morph.get("VerbForm") and any(
        c.dep_ == "aux:tense" or c.dep_ == "aux" and fold(c.text) in ("a", "avait", "ont", "avaient")
        for c in verb.children)


def _before_term(doc: Doc, lo: int, end: int) -> int:
    """Where a relative's post phrase ends before the term its object carries ("qui a commandé la marine
    de 2019 à 2022": the years are the term's, read after the phrase by :func:`term_after`)."""
    return next((i for i in range(lo, end) if _term_spans(doc, i)), end)


def _cut_name(best: Span) -> bool:
    """A post matched on the first words of a longer body's name: "(qui préside) le Conseil de sécurité
    nationale" is read "président du Conseil" (Italy's head of government) then "de sécurité": a "de"
    and a lower-case noun right after the match go on the name, so the match names no post."""
    rest = [t for t in best.doc[best.end:best.end + 3]]
    if not rest or fold(rest[0].text) not in OF:
        return False
    nxt = next((t for t in rest[1:] if fold(t.text) not in ("la", "l'", "le", "les")), None)
    return nxt is not None and nxt.is_alpha and nxt.text.islower()


PRECEDED_OBJECTS = ("m'", "l'", "me", "nous", "vous", "les")
PRECEDED_POSTS = ("poste", "fonction", "fonctions", "portefeuille", "ministere")


def _preceded_in_post(doc: Doc, m: PersonMention) -> PostMention | None:
    """"X, qui m'a précédée à ce poste", "Y, qui l'avait précédé à ce ministère": X held, before, the post
    last named before the name (as "le poste" stands for it, :func:`_post_named_before`)."""
    i = m.span.end + (1 if m.span.end < len(doc) and doc[m.span.end].text == "," else 0)
    words = [fold(t.text) for t in doc[i:i + 8]]
    if len(words) < 6 or words[0] != "qui" or words[1] not in PRECEDED_OBJECTS:
        return None
    k = 2
    while k < len(words) and doc[i + k].pos_ in ("AUX", "ADV"):
        k += 1
    if k + 3 > len(words) or not words[k].startswith("preced") or words[k + 1] not in ("a", "au") \
            or words[k + 2] not in ("ce", "cette", "ces") + PRECEDED_POSTS:
        return None
    post = _post_named_before(doc, m.span.start)
    return replace(post, former=True) if post is not None else None


RULING_STEMS = ("dirig", "gouvern")  # "qui dirige le Mali", "qui gouverne le Niger"


def _ruled_by_an_officer(doc: Doc, m: PersonMention, clause: tuple[int, int]) -> PostMention | None:
    """"le colonel X, qui dirige le Mali depuis le coup d'État", "le général Y, qui gouverne le Niger": an
    officer (a military rank right before the name) who leads a country heads its state, as juntas do.  A
    civilian who "dirige" a country may head its government instead (a prime minister): no post then."""
    verb = doc[clause[1]]
    if not fold(verb.text).startswith(RULING_STEMS) or m.span.start == 0 \
            or fold(doc[m.span.start - 1].text) not in title_cues("ranks_fr"):
        return None
    k = verb.i + 1
    while k < len(doc) and fold(doc[k].text) in ("le", "la", "l'", "les"):
        k += 1
    country = next((s for s in lex_within(doc, k, k + 1, "COUNTRY") if s.start == k), None)
    if country is None:
        return None
    return PostMention(doc[verb.i:country.end], "head_of_state", [country.kb_id_])


HEADSHIP_WORDS = ("a", "la", "tete")


def _headship_in_clause(doc: Doc, clause: tuple[int, int]) -> PostMention | None:
    """"X, qui est à la tête du commandement indo-pacifique des États-Unis", "qui est désormais à la tête de
    l'armée de terre": a form of "être" (adverbs may come between) then "à la tête de" is read as the
    head noun of the body named after it ("chef du commandement …", "chef de l'armée de terre"), a ministry
    as its minister; the phrase must be a post of the lexicon, and a whole one (:func:`_cut_name`)."""
    k = clause[0]
    if not any(fold(t.lemma_) == "etre" for t in doc[k:clause[1] + 1]):
        return None
    while k < len(doc) - 4 and (doc[k].pos_ in ("AUX", "ADV") or fold(doc[k].lemma_) == "etre"):
        k += 1
    if tuple(fold(t.text) for t in doc[k:k + 3]) != HEADSHIP_WORDS or fold(doc[k + 3].text) not in OF:
        return None
    end = doc[k + 2].right_edge.i + 1
    words = [t.text_with_ws for t in doc[k + 3:end] if t.text not in (",", ";")]
    if len(words) < 2:
        return None
    folded = [fold(w.strip()) for w in words]
    lead = "chef "
    if folded[0] == "du" and folded[1] == "ministere":
        lead, words = "ministre ", words[2:]
    found = [s for s in match_text(lead + "".join(words)) if s.label_ in POST_LABELS]
    best = max(found, key=len) if found else None
    if best is None or best.end <= 1 or _cut_name(best):
        return None
    post = _post(best.doc, best)
    return PostMention(doc[k:end], post.post_type, post.countries, post.former, post.office_id)


def _bare_post_noun(doc: Doc, obj) -> bool:
    """"(occuper) le poste", "ce portefeuille": a post noun with a determiner and no "de" after it."""
    nxt = fold(doc[obj.i + 1].text) if obj.i + 1 < len(doc) else ""
    return fold(obj.text) in title_cues("post_hold_nouns_fr") and obj.i > 0 \
        and fold(doc[obj.i - 1].text) in ("le", "la", "ce", "cette") and nxt not in OF


def _post_named_before(doc: Doc, i: int) -> PostMention | None:
    """The post a bare "le poste" stands for: the nearest post or ministry named before token ``i``
    ("le portefeuille des Armées a été confié à Y … un X qui a lui-même occupé le poste")."""
    posts = [p for p in find_posts(doc) if p.span.end <= i and i - p.span.end <= MINISTRY_REACH]
    folded = [fold(t.text) for t in doc]
    ministry = ministry_named_before(doc, folded, i)
    seat = no_post_seat_before(folded, i)  # "À Bercy, X succède à Y, qui occupait le poste": no post of ours
    if seat is not None and (ministry is None or seat > ministry[0]) and (not posts or seat >= posts[-1].span.start):
        return None
    if ministry is not None and (not posts or ministry[0] >= posts[-1].span.start):
        k, post_type, country = ministry
        return PostMention(doc[k:k + 1], post_type, [country] if country else [])
    return posts[-1] if posts else None


def _ministry_named_before(doc: Doc, i: int) -> PostMention | None:
    """The ministry a bare "le poste" stands for when its holder is titled a minister ("L'ancien ministre
    X, qui avait occupé le poste en 2023"): the last ministry named before, never a post of another kind
    named nearer (a chief of staff's)."""
    ministry = ministry_named_before(doc, [fold(t.text) for t in doc], i)
    if ministry is None:
        return None
    k, post_type, country = ministry
    return PostMention(doc[k:k + 1], post_type, [country] if country else [])


def _agent_phrase(noun: str, words: list[str]) -> str:
    """The post phrase a verb of leading and its object (``words``: its tokens with their spacing)
    stand for: "diriger le ministère X" is to be "ministre X" (the ministry's head), "diriger l'armée
    de terre" is to be "chef de l'armée de terre"."""
    folded = [fold(w.strip()) for w in words]
    if len(folded) > 1 and folded[0] in ("le", "l'") and folded[1] == "ministere":
        return "".join(["ministre ", *words[2:]])
    if words and folded[0] in ("le", "la", "les", "l'"):
        words = [{"les": "des ", "le": "du ", "la": "de la ", "l'": "de l'"}[folded[0]], *words[1:]]
    return f"{noun} {''.join(words)}"


def _held_phrase(words: list[str]) -> str | None:
    """"(occuper) le poste de chef d'état-major": the words after "le poste de"; None when the object
    is not such a post noun (", qui occupait ce poste": no post of its own)."""
    folded = [fold(w.strip()) for w in words]
    if len(folded) < 4 or folded[0] not in ("le", "la", "les", "l'") \
            or folded[1] not in title_cues("post_hold_nouns_fr") \
            or folded[2] not in OF:
        return None
    return "".join(words[3:])


def _title_cues() -> frozenset[str]:
    """Ranks, civil titles and honorifics, as the lexicon lists them."""
    return title_cues("ranks_fr") | title_cues("civil_fr") | title_cues("honorifics_fr")


def _title_words() -> list[list[str]]:
    """Each rank, civil title and honorific, folded and split into words as text is ("marechal de l' air")."""
    return [fold(t).replace("'", "' ").split() for t in _title_cues()]


@cache
def _titles() -> frozenset[str]:
    """Ranks, civil titles and honorifics, with each word of a long rank ("général de brigade",
    "le prince"): an apposition may put them between a post and its holder."""
    return _title_cues() | frozenset(w for words in _title_words() for w in words)


@cache
def _long_titles() -> frozenset[str]:
    """The ranks and titles of several words, as folded text writes them ("marechal de l' air")."""
    return frozenset(" ".join(words) for words in _title_words() if len(words) > 1)


def _only_glue(between, *, allow_title: bool, former: bool = False) -> bool:
    """Only articles, punctuation and (if allowed) titles, or words of former office ("ancien",
    "jusqu'ici"), between a name and a post."""
    # "le président par intérim, X"; "X, également ministre de …" (``post_link_fillers_fr``)
    words = without_fillers(without_phrases([fold(t.text) for t in _without_acronym(list(between))],
                                            title_cues("acting_fr") | title_cues("retired_fr")))
    counted = without_phrases(words, _long_titles()) if allow_title else words  # "maréchal de l'air": one title
    if len(counted) > 5:
        return False
    allowed = glue() | (_titles() if allow_title else frozenset()) | (_former_words() if former else frozenset())
    return all(w in allowed for w in words)


def _without_acronym(tokens: list) -> list:
    """The tokens with a bracketed acronym left out: "le commandant du Commandement des États-Unis pour
    l'Afrique (AFRICOM), le général X", "de l'US Africa Command (Africom), le général X" (written in
    capitals or as a word; never a name the people finder found)."""
    for i in range(len(tokens) - 2):
        word = tokens[i + 1]
        acronym = word.text.isupper() or (word.text.istitle() and word.text.isalpha()
                                          and not people_within(word.doc, word.i, word.i + 1))
        if tokens[i].text == "(" and tokens[i + 2].text == ")" and acronym:
            return tokens[:i] + tokens[i + 3:]
    return tokens


@cache
def _former_words() -> frozenset[str]:
    leads = title_cues("former_lead_fr")
    return title_cues("former_fr") | frozenset(w for lead in leads for w in lead.replace("'", "' ").split())


def _former_lead(doc: Doc, start: int) -> bool:
    """"jusqu'ici chef de …", "jusque-là ministre …": a post held until the news; also a post of a sentence
    opening on "Jusqu'à sa nomination," or "Avant sa nomination," (``former_fronted_fr``): "Jusqu'à sa
    nomination, le général X était chef d'état-major" tells the post X left."""
    before = fold(doc[max(0, start - 3):start].text).replace(" ", "")
    if any(before.endswith(lead.replace(" ", "")) for lead in title_cues("former_lead_fr")):
        return True
    if not doc.has_annotation("SENT_START"):  # a post phrase read on its own (a relative clause's copy)
        return False
    sent = doc[start].sent
    opening = fold(doc[sent.start:min(start, sent.start + 6)].text).replace(" ", "")
    return any(opening.startswith(lead.replace(" ", "") + ",") for lead in title_cues("former_fronted_fr"))


def _relation_after(doc: Doc, m: PersonMention, mentions: list[PersonMention]) -> Attachment | None:
    """"X, son homologue russe," and "X, prédécesseur de M. Y," just after a name."""
    window = doc[m.span.end: min(m.span.sent.end, m.span.end + 6)]
    words = [RELATION_FORMS.get(fold(t.text), fold(t.text)) for t in window]
    if len(words) >= 4 and words[0] == "," and words[1] in ("le", "la"):  # "X, le prédécesseur de M. Y à …,"
        window, words = window[1:], words[1:]
    if len(words) >= 3 and words[0] in (",", "le", "la") and words[1] in ("predecesseur", "successeur") \
            and words[2] in OF:
        of = next(iter(people_within(doc, window.start + 3, min(m.span.sent.end, window.start + 6))), None)
        if of is None or of.key == m.key or not _only_glue(doc[window.start + 3:of.span.start], allow_title=True):
            return None
        span = doc[m.span.start:of.span.end]
        if words[1] == "successeur":
            return Attachment(of, None, "successor", span, predecessor_of=m)
        return Attachment(m, None, "predecessor", span, predecessor_of=of)
    if len(words) < 3 or words[0] != "," or words[1] not in ("son", "sa", "leur") or words[2] != "homologue":
        return None
    i = window.start + words.index("homologue")
    countries = [s.kb_id_ for s in lex_within(doc, i + 1, i + 4, "DEMONYM")]
    other = _other_party(m, mentions, doc, m.span.start)
    return Attachment(m, PostMention(doc[i:i + 1], "", countries), "counterpart", doc[m.span.start:i + 2],
                      counterpart_of=other)


#: Feminine forms of the relation nouns ("Sa prédécesseure, X"), read as the masculine.
RELATION_FORMS = {"predecesseure": "predecesseur", "predecesseuse": "predecesseur", "successeure": "successeur",
                  "remplacant": "successeur", "remplacante": "successeur"}  # "Son remplaçant, Y, a prêté serment"


def _relation_before(doc: Doc, m: PersonMention, mentions: list[PersonMention]) -> Attachment | None:
    """"son homologue russe, X" and "le prédécesseur de Y, X" just before a name."""
    window = doc[max(m.span.sent.start, m.span.start - 12):m.span.start]
    words = [RELATION_FORMS.get(fold(t.text), fold(t.text)) for t in window]
    for rel in ("homologue", "predecesseur", "successeur"):
        if rel in words:
            i = window.start + words.index(rel)
            if not _only_glue(doc[_rel_end(doc, i, m):m.span.start], allow_title=True):
                continue
            return _relation(doc, m, rel, i, mentions)
    return None


def _counterpart_place(doc: Doc, i: int) -> list[str]:
    """The country of "son homologue de la Royal Navy", "son homologue du Royaume-Uni": a country or an
    institution standing for it, as the complement right after the word."""
    place = _place_complement(doc, i + 1)
    return [place.kb_id_] if place is not None else []


def _place_complement(doc: Doc, j: int) -> Span | None:
    """The state or the institution standing for it named by a "de" complement opening at ``j``."""
    if j >= len(doc) or fold(doc[j].text) not in OF:
        return None
    j += 1
    while j < len(doc) and fold(doc[j].text) in ("la", "l'", "le", "les"):
        j += 1
    place = next((s for s in lex_within(doc, j, j + 1, "COUNTRY", "METONYM") if s.start == j), None)
    return place if place is not None and _is_state(place.kb_id_) else None


def _rel_end(doc: Doc, i: int, m: PersonMention) -> int:
    """End of "homologue russe" / "prédécesseur de Brown" before the name."""
    j = i + 1
    while j < m.span.start and (doc[j]._.kg_demonym or doc[j].pos_ in ("ADJ",) or fold(doc[j].text) in ELECT):
        j += 1
    if j < m.span.start and fold(doc[j].text) in ("de", "du", "d'"):
        k = j + 1  # "prédécesseur de Mme X", "successeur du général Y": titles before the other's name
        while k < min(m.span.start, j + 4) and fold(doc[k].text) in _titles() | {"."}:
            k += 1
        other = next(iter(people_within(doc, k, k + 1)), None)
        place = _place_complement(doc, j) if other is None else None  # "son homologue de la Royal Navy, X"
        if other:
            j = other.span.end
        elif place is not None and place.end <= m.span.start:
            j = place.end
    if fold(doc[i].text) != "homologue" and folded(doc[j:j + 4]).startswith(SAME_POST_PHRASES):
        # "son prédécesseur à la tête du ministère, X", "son successeur à ce poste, X": the post just named;
        # not "son prédécesseur au poste de Premier ministre, X", which names a post of its own
        comma = next((t.i for t in doc[j:m.span.start] if t.text == ","), j)
        j = j if posts_within(doc, j, comma) else comma
    return j


SAME_POST_PHRASES = ("a la tete d", "a ce poste", "au poste", "au ministere", "a ces fonctions")


def _relation(doc: Doc, m: PersonMention, rel: str, i: int, mentions: list[PersonMention]) -> Attachment:
    span = doc[i:m.span.end]
    if rel == "homologue":
        countries = [s.kb_id_ for s in lex_within(doc, i + 1, i + 4, "DEMONYM")] or _counterpart_place(doc, i)
        post = PostMention(doc[i:i + 1], "", countries)
        other = _other_party(m, mentions, doc, i)
        return Attachment(m, post, "counterpart", span, counterpart_of=other)
    of = next(iter(people_within(doc, i + 1, m.span.start)), None)
    if of is None and i > 0 and fold(doc[i - 1].text) in ("son", "sa"):  # "X … son prédécesseur, Y"
        of = next((p for p in reversed(people_within(doc, m.span.sent.start, i)) if p.key != m.key), None) \
            or _pronoun_subject_owner(doc, m.span.sent, m)  # "X … . Il a succédé à son prédécesseur, Y"
        if of is None and i - 1 == m.span.sent.start:  # "X a salué ce choix. Son prédécesseur Y, …"
            of = _possessor_before(doc, m.span.sent, m)
    if rel == "successeur":
        return Attachment(of, None, "successor", span, predecessor_of=m) if of else Attachment(m, None, "none", span)
    return Attachment(m, None, "predecessor", span, predecessor_of=of)


HANDOVER_REACH = 6  # words back from a name to the cue of the handover it is the other side of


@cache
def _handover_cues() -> re.Pattern[str]:
    return phrase_pattern(tuple(sorted(title_cues("term_replace_fr") | title_cues("term_replaced_by_fr"))))


def handed_over(span: Span) -> bool:
    """The name is the other side of a handover told just before it, in its clause ("X, nommé le 17
    juillet en remplacement de Y, a appelé Z", "X, qui succède à Y", "X, remplacé par Y"): Y is
    neither a party of the sentence's call nor the one whose counterpart "son homologue" is."""
    doc = span.doc
    window = doc[max(span.sent.start, span.start - HANDOVER_REACH):span.start]
    cut = max((t.i + 1 for t in window if t.text in (",", ";", ":", "(")), default=window.start)
    return _handover_cues().search(" ".join(fold(t.text) for t in doc[cut:span.start])) is not None


def _other_party(m: PersonMention, mentions: list[PersonMention], doc: Doc, i: int) -> PersonMention | None:
    """Whose counterpart ("son homologue"): the possessor, linked by the sentence itself: the nearest
    other person before the word in its sentence, else one after it there.  A sentence naming nobody
    else reaches back only through a pronoun subject ("Il a appelé son homologue …") to the person
    who opens the sentence before as its subject; a nominal subject ("Le chef de la diplomatie
    égyptienne a décliné … son homologue israélien") is settled once role nouns are placed
    (:func:`_role_noun_owners`).  The nearest name of another sentence is never taken, nor the speaker
    of a reporting clause of this one ("Selon le porte-parole, Y, le secrétaire devrait appeler son
    homologue philippin X"): a quoted spokesman's post is not the counterpart's, nor the one a
    handover names ("X, nommé en remplacement de Y, a appelé son homologue Z": X's)."""
    sent = doc[i].sent
    before = next((p for p in reversed(people_within(doc, sent.start, i)) if p.span.end <= i and p.key != m.key
                   and not reported_speaker(p.span) and not handed_over(p.span)), None)
    if before:
        shared = _shared_subject(doc, sent, i, before)
        if shared is not None:
            return shared[0]
        return _subject_of_partner_list(doc, sent, i, m) or before
    after = next((p for p in mentions if p.key != m.key and sent.start <= p.span.start < sent.end
                  and not reported_speaker(p.span)), None)
    if after is None and i > 0 and i - 1 == past_dateline(sent) and fold(doc[i - 1].text) in ("son", "sa"):
        return _possessor_before(doc, sent, m)  # "X a salué l'accord. Son homologue suédoise, Y, …"
    return after or _pronoun_subject_owner(doc, sent, m)


def _shared_subject(doc: Doc, sent: Span, i: int, before: PersonMention) -> tuple[PersonMention | None] | None:
    """"Le chef de la diplomatie turque s'est entretenu avec X, puis a reçu son homologue iranien Y": "son
    homologue" (token ``i``), object of a verb coordinated with the main one and of no subject of its own,
    is the main verb's subject's, not that of the name just before it (``before``, a complement of the first
    verb).  The subject is returned when a name ("Z a appelé X, puis a reçu son homologue …"); (None,) when
    a role noun, which :func:`_role_noun_owners` settles once placed; None when the sentence is not so."""
    verb, steps = doc[i].head, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and steps < 2:
        verb, steps = verb.head, steps + 1  # "a accueilli à Oslo son homologue": the parser may hang it on Oslo
    root = sent.root
    if fold(doc[i].text) != "homologue" or doc[i].dep_ not in ("obj", "nmod") or verb.i == root.i \
            or verb.pos_ != "VERB" or verb.dep_ != "conj" \
            or verb.head.i != root.i or any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1 or before.span.start <= root.i or subject_node(before.span) is not None:
        return None
    subject = subjects[0]
    named = [p for p in people_within(doc, sent.start, root.i) if p.span.start <= subject.i < p.span.end]
    if named:
        return (named[0],)
    if subject.pos_ == "NOUN" and posts_within(doc, subject.i, subject.i + 1) and is_role_noun(
            doc, next(p for p in posts_within(doc, subject.i, subject.i + 1)).span):
        return (None,)
    return None


def _subject_of_partner_list(doc: Doc, sent: Span, i: int, m: PersonMention) -> PersonMention | None:
    """"X s'est entretenu avec A, puis avec son homologue estonien, B": in a list of partners each
    opened by "avec", "son homologue" is the subject's, not the partner named just before."""
    if i < 2 or fold(doc[i - 1].text) not in ("son", "sa") or fold(doc[i - 2].text) != "avec":
        return None
    first = next((t.i for t in doc[sent.start: i - 2] if fold(t.text) == "avec"), None)
    if first is None:
        return None
    return next((p for p in people_within(doc, sent.start, first) if p.key != m.key
                 and subject_node(p.span) is not None and not reported_speaker(p.span)), None)


def _pronoun_subject_owner(doc: Doc, sent: Span, m: PersonMention) -> PersonMention | None:
    """"X a … . Il a ensuite appelé son homologue russe", "… Il avait succédé à son prédécesseur, Y":
    the person opening the previous sentence as its subject, when this sentence's subject is a
    personal pronoun."""
    if not (pronoun_subject(sent) or _opens_on_pronoun(doc, sent)):
        return None
    return _previous_subject(doc, sent, m)


def _opens_on_pronoun(doc: Doc, sent: Span) -> bool:
    """The sentence opens (past a dateline) on a subject pronoun and its verb or auxiliary ("Il a en
    outre démenti …"), whatever the parser made of it: an adverb after the auxiliary makes it take
    "Il" for the auxiliary's subject, not the main verb's."""
    start = past_dateline(sent)
    return start + 1 < sent.end and fold(doc[start].text) in _subject_pronouns() and doc[start + 1].pos_ in (
        "AUX", "VERB")


@cache
def _subject_pronouns() -> frozenset[str]:
    """"il", "elle": the personal pronouns that may stand for a person as a clause's subject."""
    return frozenset(fold(w) for w in load_lexicon().calls.get("subject_pronouns", ()))


def pronoun_owner(doc: Doc, sent: Span) -> PersonMention | None:
    """"X a présenté son gouvernement. Il détient lui-même le portefeuille de la Défense": the person
    opening the previous sentence as its subject, when this sentence's subject is a personal pronoun; or
    the person a role noun opening the sentence was found to be ("La nouvelle ministre des Affaires
    étrangères avait occupé la Défense nationale": the successor told before)."""
    owner = _previous_subject(doc, sent, None) if pronoun_subject(sent) or _opens_on_pronoun(doc, sent) else None
    role = notes(doc).role_subjects.get(sent.start)
    named = next((m for m in doc._.people or [] if m.key == role), None) if role is not None else None
    return owner or continued_subject(doc, sent) or demonstrative_subject(doc, sent) or named  # "L'ex-aviateur …"


DEPUTY_POSTS = {"defence_minister": "deputy_defence_minister", "foreign_minister": "deputy_foreign_minister",
                "head_of_government": "deputy_head_of_government"}
DEPUTY_OPENINGS = (("son", "adjoint", ","), ("sa", "adjointe", ","), ("son", "adjointe", ","))


def _deputies_named(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Le ministre de la Défense, X, s'est rendu à … . Son adjoint, Y, a présenté …": Y holds the deputy post
    of the one minister's (or head of government's) post the possessor holds by the sentence before (the
    possessor as for "Son prédécesseur, Y"); nothing when that person holds several posts there."""
    out: list[Holding] = []
    for m in doc._.people or []:
        sent = m.span.sent
        k = m.span.start
        while k > sent.start and (fold(doc[k - 1].text) in _titles() or doc[k - 1].text == "."):
            k -= 1  # "Son adjoint, le général Y": past the rank
        words = tuple(fold(t.text) for t in doc[sent.start:k] if fold(t.text) not in ("le", "la", "l'"))
        if words not in DEPUTY_OPENINGS or sent.start == 0:
            continue
        owner = _possessor_before(doc, sent, m)
        previous = doc[sent.start - 1].sent
        told = {h.office for h in holdings if owner is not None and h.person == owner.key
                and any(previous.start_char <= e.start < previous.end_char for e in h.evidence)}
        if len(told) != 1:
            continue
        office = told.pop()
        deputy = DEPUTY_POSTS.get(office_type(office))
        if deputy is None or any(h.person == m.key and office_type(h.office) == deputy for h in holdings):
            continue
        country = office.split(".")[0]
        placed = f"{UNKNOWN}.{deputy}" if country == UNKNOWN else load_lexicon().office_for(deputy, country).id
        out.append(Holding(m.key, placed, (evidence(doc[sent.start:m.span.end], "deputy-of"),)))
    return out


def _note_role_subjects(doc: Doc, roles: list[Holding]) -> None:
    """Notes, for each sentence that opens on a role noun found to be the successor told before (an article
    or a word of a new holder before it at most: "Elle est remplacée par Y. La nouvelle ministre des
    Affaires étrangères a …"), who that is: only a role noun read with the one it replaces, the surest
    reading."""
    for h in roles:
        if h.replaces is None:
            continue
        for e in h.evidence:
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None or e.rule != "role-noun" or span.start - span.sent.start > 2:
                continue
            if all(t.pos_ in ("DET", "ADJ") for t in doc[span.sent.start:span.start]):
                notes(doc).role_subjects.setdefault(span.sent.start, h.person)


def _previous_subject(doc: Doc, sent: Span, m: PersonMention | None, *, past_opening: bool = False
                      ) -> PersonMention | None:
    """The one person (other than ``m``) opening the sentence before ``sent`` as its subject; with
    ``past_opening``, also past an opening apposition ("Né en 1952 à …, X a …") or as a who's who entry."""
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    clause = _clause_start(doc, previous) if past_opening else previous.start
    found = {p.key: p for p in people_within(doc, previous.start, previous.end)
             if (m is None or p.key != m.key)
             and (opens_as_subject(p.span.root, previous) or _opens_with(doc, previous, p)
                  or past_opening and p.span.start >= clause and _opens_with(doc, previous, p, start=clause)
                  and _subject_dep(p)
                  or past_opening and heading_entry(doc, previous, p.span.start))}
    return next(iter(found.values())) if len(found) == 1 else None


def _possessor_before(doc: Doc, sent: Span, m: PersonMention) -> PersonMention | None:
    """Whose "Son homologue, Y" or "Son prédécesseur, Y" opening a sentence: the subject of the sentence
    before, or the person its pronoun subject stands for, or the one person it names when its subject
    is no person ("… une visite du ministre X. Son homologue, Y, l'avait invité")."""
    return _previous_subject(doc, sent, m) or _pronoun_led_before(doc, sent, m) or _only_person_before(doc, sent, m) \
        or _cleft_focus_before(doc, sent, m) or _possessor_through_possessive(doc, sent, m) \
        or _name_closing_before_root(doc, sent, m) \
        or _subject_after_lead_colon(doc, sent, m)  # "Relevé de ses fonctions par Y, le ministre X, devient …"


def _subject_after_lead_colon(doc: Doc, sent: Span, m: PersonMention) -> PersonMention | None:
    """The subject opening the clause after a verbless lead closed by a colon in the sentence before
    ("Autre changement notable : X quitte la Défense. Son successeur, Y, …"): X, as if the lead were not
    there."""
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    colon = next((t.i for t in previous if t.text == ":"), None)
    if colon is None or colon - previous.start > 6 or any(t.pos_ in ("VERB", "AUX") for t in doc[previous.start:colon]):
        return None
    named = [p for p in people_within(doc, colon + 1, previous.end) if p.key != m.key]
    first = named[0] if named else None
    return first if first is not None and first.span.start == colon + 1 and subject_node(first.span) is not None \
        else None


def _name_closing_before_root(doc: Doc, sent: Span, m: PersonMention) -> PersonMention | None:
    """The person whose name, set off by commas, stands right before the main verb of the sentence before
    ("Relevé … par la présidente Y, le ministre de la Défense, X, devient …"): that verb's subject, however
    the parser hung the name (as an apposition of Y)."""
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    root = previous.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    k = root.i  # past the auxiliaries and adverbs of the verb ("X, a quitté …", "X, a finalement accepté …")
    while k > previous.start and doc[k - 1].pos_ in ("AUX", "ADV") and doc[k - 1].head.i == root.i:
        k -= 1
    if k < previous.start + 2 or doc[k - 1].text != ",":
        return None
    named = [p for p in people_within(doc, previous.start, k) if p.span.end == k - 1 and p.key != m.key]
    if not named:
        return None
    opening = next((t.i for t in reversed(doc[previous.start:named[0].span.start]) if t.text == ","), previous.start)
    if any(fold(t.text) in ("qui", "que", "qu'", "dont") for t in doc[opening:named[0].span.start]):
        return None  # "Le ministre, qui fut un proche du président X, a défendu …": X ends a relative clause
    return named[0]


def _cleft_focus_before(doc: Doc, sent: Span, m: PersonMention) -> PersonMention | None:
    """The person the sentence before puts in focus with a cleft ("Pour la Pologne, c'est le ministre …,
    X, qui a pris la parole au nom du Premier ministre Y. Son homologue allemand, Z": X's, not Y's)."""
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    found = {p.key: p for p in people_within(doc, previous.start, previous.end)
             if p.key != m.key and cleft_focus(doc, p)}
    return next(iter(found.values())) if len(found) == 1 else None


def _possessor_through_possessive(doc: Doc, sent: Span, m: PersonMention) -> PersonMention | None:
    """"X a pris la parole. Son discours a été applaudi. Son homologue allemand, Y, …": a sentence
    before that names nobody and opens on a possessive ("Son discours") has the same possessor, so
    the search goes on one sentence further back."""
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    start = past_dateline(previous)
    if people_within(doc, previous.start, previous.end) or fold(doc[start].text) not in POSSESSIVES \
            or previous.start == 0:
        return None
    return _previous_subject(doc, previous, m) or _cleft_focus_before(doc, previous, m)


def _pronoun_led_before(doc: Doc, sent: Span, m: PersonMention) -> PersonMention | None:
    """The person a pronoun subject of the sentence before stands for ("X est ministre depuis 2020. …
    Mardi, il s'est entretenu avec Y. Son prédécesseur, Z, …": "son" is X's, as "il" is), past a
    paragraph break; never ``m``."""
    start = sent.start
    while start > 0 and not doc[start - 1].sent.text.strip():
        start = doc[start - 1].sent.start  # a paragraph break kept as a sentence of its own
    if start == 0:
        return None
    person = continued_subject(doc, doc[start - 1].sent)
    return person if person is not None and person.key != m.key else None


def _only_person_before(doc: Doc, sent: Span, m: PersonMention) -> PersonMention | None:
    """The one person (other than ``m``) the sentence before names at all, when its subject is no person
    ("Il s'agit du premier échange depuis l'arrivée du général X. Son prédécesseur, Y, …"; "Aucun contact
    n'a eu lieu depuis l'entrée en fonctions de M. X. Son prédécesseur, Y, …"): "son" can only be theirs."""
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    named = people_within(doc, previous.start, previous.end)
    if any(subject_node(p.span) is not None for p in named):
        return None  # "…, le président X a salué …. Son successeur, Y": X is a subject, not whose successor
    if any(p.span.start <= previous.start + 1 and is_role_noun(doc, p.span) for p in find_posts(doc)
           if previous.start <= p.span.start < previous.end):
        return None  # "Le chef de l'État, qui fut ministre du président X, … . Sa prédécesseure, Y": a role noun's
    found = {p.key: p for p in named if p.key != m.key}
    return next(iter(found.values())) if len(found) == 1 else None


def _subject_dep(p: PersonMention) -> bool:
    """The parser makes the name (or the title it stands in apposition to) a subject: not a second
    apposition of an opening phrase ("Sur proposition de la ministre …, Mme X, le Conseil a …")."""
    head = p.span.root
    while head.dep_ in ("flat:name", "appos") and head.head is not head and head.head.i < head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubj:pass")


def heading_entry(doc: Doc, sent: Span, at: int) -> bool:
    """"Défense : Shinjiro Koizumi.", "Porte-parole : X": a who's who entry, a heading (a portfolio or a
    post) opening its own sentence, a colon, then the name at token ``at`` ending the sentence; the
    entry is about that person, as a sentence with them for subject would be."""
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is None or colon - sent.start > HEADING_REACH or any(
            t.pos_ in ("VERB", "AUX") or t.is_punct for t in doc[sent.start:colon]):
        return False
    named = next((m for m in people_within(doc, at, sent.end) if m.span.start == at), None)
    return named is not None and all(fold(t.text) in _titles() | {"le", "la", "l'"} for t in doc[colon + 1:at]) \
        and all(t.is_punct for t in doc[named.span.end:sent.end])


HEADING_REACH = 8  # words of a who's who heading before its colon ("Secrétaire général du cabinet :")


def _opens_with(doc: Doc, sent: Span, p: PersonMention, *, joined: bool = False, start: int | None = None) -> bool:
    """The name opens the sentence (or its clause from token ``start``), only an article, titles and a
    post before it ("Le général X, chef …, reste en fonction", "Le chef de la diplomatie, X, a salué …"):
    its subject, whatever the parser made of the title ("X" as an apposition of "général")."""
    start = past_dateline(sent) if start is None else start
    titled = {i for q in posts_within(doc, start, p.span.start) for i in range(q.span.start, q.span.end)}
    glue_words = _titles() | {"le", "la", "l'", ","} | ({"et"} if joined else set())  # "prince héritier et ministre"
    glue_words |= _qualifier_words()  # "Le Premier ministre de transition, le général X, a salué …"
    return all(t.i in titled or fold(t.text) in glue_words or t.is_space
               for t in doc[start:p.span.start])  # "Le chef de la diplomatie, X, a salué …" too


@cache
def _qualifier_words() -> frozenset[str]:
    """The words of the qualifiers a post may take before its holder's name (``post_qualifiers_fr``)."""
    return frozenset(w for q in title_cues("post_qualifiers_fr") for w in q.replace("'", "' ").split())


def _role_noun_owners(doc: Doc, attachments: list[Attachment], roles: list[Holding]) -> list[Attachment]:
    """A counterpart whose possessor is a role noun of its own sentence ("Le chef de la diplomatie
    égyptienne a décliné l'appel de son homologue israélien, X"): the person that role noun was
    found to be, when it stands before the word "homologue"."""
    out = []
    for a in attachments:
        if a.rule == "counterpart" and a.counterpart_of is None and a.post is not None:
            word = a.post.span
            sent = word.sent
            keys = {h.person for h in roles for e in h.evidence
                    if e.rule == "role-noun" and sent.start_char <= e.start and e.end <= word.start_char}
            owner = next((p for p in doc._.people if p.key in keys), None) if len(keys) == 1 else None
            a = replace(a, counterpart_of=owner) if owner else a
        out.append(a)
    return out


def _cover(doc: Doc, a: Span, b: Span) -> Span:
    return doc[min(a.start, b.start):max(a.end, b.end)]


def _direct(doc: Doc, attachments: list[Attachment]) -> list[Holding]:
    out = []
    for a in attachments:
        if a.rule != "apposition" or not a.post:
            continue
        country = _country_for(doc, a) if not a.post.offices() else UNKNOWN
        if country == UNKNOWN and not a.post.offices() and a.post.post_type == "special_envoy":
            country = _sender_country(doc, a.post) or UNKNOWN  # "l'émissaire de Donald Trump pour …"
        offices = a.post.offices() or [_place(a.post.post_type, country) if country != UNKNOWN
                                       else f"{UNKNOWN}.{a.post.post_type}"]
        if a.post.former:
            notes(doc).outgoing.add((a.person.key, a.post.post_type))
        if a.post.designated:
            notes(doc).designated.add((a.person.key, a.post.post_type))
        if a.post.default_country:
            notes(doc).defaults[(a.person.key, a.post.post_type)] = a.post.default_country
        since = None if a.post.former else _since_date(doc, a)
        start, end = term_after(doc, a.post.span.end)
        if since is None and start is None and end is None:  # "X occupait jusqu'en octobre le poste de …"
            since, end = _bounds_between(doc, a)
        if a.post.former:
            notes(doc).former.add((a.person.key, a.post.post_type))
        for office in offices:
            out.append(Holding(a.person.key, office, (evidence(a.evidence_span, "post-apposition"),),
                               attested=None if a.post.former or end else _attested(doc, a.person.span.sent),
                               start=since or start, end=end))
    return out


BOUND_GAP = 12  # tokens between a name and the post its verb links it to, where a bound may stand


def _bounds_between(doc: Doc, a: Attachment) -> tuple[DateValue | None, DateValue | None]:
    """"X occupe depuis 2023 le poste de …" (a start), "X occupait jusqu'en octobre le poste de …" (an end):
    a date opened by "depuis" or "jusqu'" between the name and the post a holding verb links it to."""
    assert a.post is not None
    lo, hi = a.person.span.end, a.post.span.start
    if not 0 < hi - lo <= BOUND_GAP or not any(fold(t.text) in title_cues("post_hold_verbs_fr") for t in doc[lo:hi]):
        return None, None
    since = until = None
    for d in dates_within(doc, lo, hi):
        lead = [fold(t.text) for t in doc[max(lo, d.start - 2):d.start]]
        if lead[-1:] == ["depuis"]:
            since = d._.date
        elif any(w.startswith("jusqu") for w in lead):
            until = d._.date
    return since, until


def term_after(doc: Doc, i: int) -> tuple[DateValue | None, DateValue | None]:
    """A term written right after the post: "ministre des Armées de mai 2022 à octobre 2025",
    "ministre de la Défense entre 2019 et 2022", "ministre de la Défense (2012-2017)"."""
    found = _term_spans(doc, i)
    if len(found) == 2:
        return found[0]._.date, found[1]._.date
    return _year_bounds(found[0]._.date) if found else (None, None)


def _term_spans(doc: Doc, i: int) -> list[Span]:
    """The date spans of a term right after token ``i``: two for "de D1 à D2", one period for "entre
    2019 et 2022" or "(2012-2017)"; none when no term follows."""
    spans = [s for s in dates_within(doc, i, min(len(doc), i + 9)) if s._.date]
    lead = fold(doc[i].text) if i < len(doc) else ""
    if len(spans) >= 2 and lead == "de" and spans[0].start == i + 1 and spans[1].start == spans[0].end + 1 \
            and fold(doc[spans[0].end].text) in ("a", "au"):
        return spans[:2]
    if spans and (spans[0].start == i + 1 and lead in ("entre", "(")
                  or spans[0].start == i and fold(spans[0].text).startswith(("entre", "de "))):
        return spans[:1]  # "de 1994 à 2004" is one period of whole years (see :func:`_year_bounds`)
    return []


DURATION_UNITS = frozenset(("an", "ans", "annee", "annees", "mois", "semaine", "semaines", "decennie", "decennies"))
DURATION_REACH = 6  # words of a length after "pendant" ("pendant plus de cinq ans")


def _past_duration(doc: Doc, i: int) -> int | None:
    """Where a length told at token ``i`` ends ("pendant plus de cinq ans", "durant deux décennies"): a term
    that lasted that long, past the post it follows; None when there is none."""
    if i >= len(doc) or fold(doc[i].text) not in ("pendant", "durant"):
        return None
    for k in range(i + 1, min(len(doc), i + 1 + DURATION_REACH)):
        if fold(doc[k].text) in DURATION_UNITS:
            return k + 1
        if doc[k].is_punct:
            return None
    return None


def _past_term(doc: Doc, i: int) -> int:
    """Token ``i``, or the end of a term written there ("de mai 2022 à octobre 2025", "(2012-2017)", "pendant
    plus de cinq ans")."""
    found = _term_spans(doc, i)
    if not found:
        return _past_duration(doc, i) or i
    end = found[-1].end
    return end + 1 if end < len(doc) and doc[end].text == ")" else end


def _year_bounds(period: DateValue) -> tuple[DateValue | None, DateValue | None]:
    """The first and last years of a period of whole years ("entre 2019 et 2022", "2012-2017")."""
    first, last = period.earliest, period.latest
    if period.value is not None or (first.month, first.day, last.month, last.day) != (1, 1, 12, 31) \
            or first.year == last.year:
        return None, None
    return (DateValue(str(first.year), "year", first, first.replace(month=12, day=31), str(first.year)),
            DateValue(str(last.year), "year", last.replace(month=1, day=1), last, str(last.year)))


def _attested(doc: Doc, sent: Span) -> DateValue | None:
    """When the sentence says the person held the post: its one past date ("signé le 8 avril 2010
    par les présidents X et Y"), else the publication day."""
    ref = doc._.ref
    days = {s._.date for s in dates_within(doc, sent.start, sent.end) if s._.date
            and s._.date.precision == "day" and (ref is None or s._.date.latest <= ref)}
    return days.pop() if len(days) == 1 else _ref_day(doc)


UNKNOWN = "?"  # country of a post the text does not tie to a country; resolved across articles


def _country_for(doc: Doc, a: Attachment) -> str:
    """The country of a post named without one: the person's nationality ("le Turc X"), or the place
    that opens the sentence ("À Kiev, le ministre …") unless the gazetteer knows the person elsewhere;
    else unknown until :func:`place_in_article` (which may use the gazetteer) and resolution."""
    assert a.post is not None
    nationality = _nationality(doc, a.person)
    if nationality:
        return nationality
    known, post_type = known_countries(doc), a.post.post_type
    sent = a.person.span.sent
    first = _after_timestamp(doc, sent)
    opening = lex_within(doc, first + 1, first + 3, "PLACE", "METONYM", "COUNTRY")
    if opening and fold(doc[first].text) in ("a", "au", "en") and opening[0].kb_id_:
        return UNKNOWN if _elsewhere(known, a.person.key, post_type, opening[0].kb_id_) else opening[0].kb_id_
    side = _side_opening(doc, first)
    if side is not None:  # "Côté américain, l'émissaire spécial X doit …"
        return UNKNOWN if _elsewhere(known, a.person.key, post_type, side) else side
    owner = _possessive_owner(doc, a)
    if owner is not None:  # "Pékin a dénoncé par la voix du porte-parole de son ministère …, X"
        return UNKNOWN if _elsewhere(known, a.person.key, post_type, owner) else owner
    if a.post.post_type == "spokesperson":
        return _subject_country(doc, a, known)
    before = {c for p in find_posts(doc) if sent.start <= p.span.start < a.post.span.start
              and p.post_type != a.post.post_type for c in p.countries
              if _is_state(c)}  # one head of state per country; "l'envoyé de l'ONU, reçu par le ministre": no UN one
    if len(before) == 1:  # "Le ministre japonais de la défense, X, …, et le premier ministre, Y"
        guess = before.pop()
        return UNKNOWN if _elsewhere(known, a.person.key, post_type, guess) else guess
    return UNKNOWN


def _side_opening(doc: Doc, first: int) -> str | None:
    """The country of a sentence that opens on the side it speaks for, "Côté américain," or "Du côté
    russe,": the demonym right after "côté", then a comma."""
    at = first + 1 if fold(doc[first].text) == "du" else first
    if at + 2 >= len(doc) or fold(doc[at].text) != "cote" or doc[at + 2].text != ",":
        return None
    demonym = next((s for s in lex_within(doc, at + 1, at + 2, "DEMONYM") if s.start == at + 1), None)
    return demonym.kb_id_ if demonym is not None and demonym.kb_id_ else None


def _subject_country(doc: Doc, a: Attachment, known: dict[str, str]) -> str:
    """A spokesperson named without a country ("…, a précisé le porte-parole du ministère, X")
    speaks for the one person the sentence opens with as its subject: the country the gazetteer
    knows them by; else unknown.  Not the country of another post in the sentence: that is most
    often the other party of the act reported ("a appelé le Premier ministre qatari")."""
    sent = a.person.span.sent
    subjects = {m.key for m in people_within(doc, sent.start, sent.end)
                if m.key != a.person.key and (opens_as_subject(m.span.root, sent) or _opens_before_verb(doc, m))}
    country = known.get(subjects.pop()) if len(subjects) == 1 else None
    if country is None or _elsewhere(known, a.person.key, "spokesperson", country):
        return UNKNOWN
    return country


def _opens_before_verb(doc: Doc, m: PersonMention) -> bool:
    """By surface, as the parser often hangs a sentence-initial name elsewhere: the name opens its
    sentence (a title may come first) and a verb, an auxiliary or a clitic follows it."""
    after = m.span.end
    clitics = load_lexicon().calls.get("clitics", ())
    return (m.span.start - m.span.sent.start <= 1 and after < m.span.sent.end
            and (doc[after].pos_ in ("AUX", "VERB") or fold(doc[after].text) in clitics))


def _possessive_owner(doc: Doc, a: Attachment) -> str | None:
    """The state a possessive before or inside the post phrase refers to: the sentence's subject when
    it is a state named by its country or its capital ("Moscou a dépêché son ministre …, X", "Pékin a
    dénoncé par la voix du porte-parole de son ministère …, X")."""
    assert a.post is not None
    lo, hi = a.post.span.start - 1, min(a.person.span.start, a.post.span.end + 6)
    if not any(fold(t.text) in POSSESSIVES for t in doc[max(lo, 0):hi]):
        return None
    sent = a.person.span.sent
    subjects = {s.kb_id_ for s in lex_within(doc, sent.start, a.post.span.start, "COUNTRY", "METONYM")
                if s.root.dep_ in ("nsubj", "nsubj:pass") and _is_state(s.kb_id_)}
    return subjects.pop() if len(subjects) == 1 else None


def _after_timestamp(doc: Doc, sent: Span) -> int:
    """Where a sentence's words begin, past a live ticker's clock time and its dash ("22h10 - A
    Washington, …"), the entry stamp of :data:`kg.extract.dates.TICKER_ENTRY`."""
    stamp = TICKER_ENTRY.match(sent.text)
    if stamp is None:
        return sent.start
    at = sent.start_char + stamp.end()
    return next((t.i for t in sent if t.idx >= at and not t.is_space), sent.start)


def _nationality(doc: Doc, m: PersonMention) -> str | None:
    return next((s.kb_id_ for s in lex_spans(doc, "DEMONYM") if s.end == m.span.start and s.text[:1].isupper()),
                None)


def _relative(doc: Doc, attachments: list[Attachment], known: list[Holding]) -> list[Holding]:
    """Counterparts and predecessors, from the posts already known in the article."""
    lexicon = load_lexicon()
    post_of = {h.person: h.office for h in known}
    counterpart_post = _counterpart_posts(known)
    out = []
    for a in attachments:
        country = _counterpart_country(doc, a, post_of) if a.rule == "counterpart" and a.counterpart_of \
            and a.counterpart_of.key in counterpart_post else None
        if country is not None:
            office = lexicon.office_for(counterpart_post[a.counterpart_of.key], country).id  # type: ignore[union-attr]
            out.append(Holding(a.person.key, office, (evidence(a.evidence_span, "counterpart"),),
                               attested=_ref_day(doc)))
        if a.rule == "aide" and a.counterpart_of and a.counterpart_of.key in post_of:
            country = post_of[a.counterpart_of.key].split(".")[0]
            if country != UNKNOWN:
                office = lexicon.office_for(a.post.post_type, country).id  # type: ignore[union-attr]
                out.append(Holding(a.person.key, office, (evidence(a.evidence_span, "aide"),),
                                   attested=_ref_day(doc)))
        if a.rule in ("predecessor", "successor") and a.predecessor_of and a.predecessor_of.key in post_of \
                and not _other_post_named(doc, a, post_of[a.predecessor_of.key]) \
                and not _left_before(doc, a.predecessor_of.key, post_of[a.predecessor_of.key]):
            office = post_of[a.predecessor_of.key]
            out.append(Holding(a.person.key, office, (evidence(a.evidence_span, a.rule),)))
            notes(doc).replaces.append((a.predecessor_of.key, a.person.key, office))
        elif a.rule == "successor" and a.predecessor_of and a.person.key in post_of:
            # "l'ex-chef de la diplomatie X a critiqué son successeur, Y": X's post
            office = _elect(post_of[a.person.key], a.evidence_span)
            out.append(Holding(a.predecessor_of.key, office, (evidence(a.evidence_span, a.rule),)))
            if office == post_of[a.person.key]:
                notes(doc).replaces.append((a.predecessor_of.key, a.person.key, office))
    return out


def _left_before(doc: Doc, person: str, office: str) -> bool:
    """The text gives the person that post as one held before ("Son successeur, Y, était jusqu'ici
    ambassadeur"): it is not the post the two share."""
    state = notes(doc)
    return (person, office_type(office)) in state.outgoing | state.former


def _other_post_named(doc: Doc, a: Attachment, office: str) -> bool:
    """"son prédécesseur au ministère de la Défense nationale, X" said by a minister who is also deputy
    prime minister: the relation names its own post, so X takes that one (see :func:`_from_relay`), never
    another post of the person he preceded."""
    span = a.evidence_span
    named = {p.post_type for p in posts_within(doc, span.start, span.end)
             if not (a.person.span.start <= p.span.start < a.person.span.end)}
    named |= {t for i, _, t in portfolios_in(doc, a.person.span.sent) if span.start <= i < a.person.span.start}
    return bool(named) and office.partition(".")[2] not in named


SIDE_NOUNS = frozenset(("partie", "cote"))  # "à la demande de la partie japonaise", "côté allemand"


def _counterpart_country(doc: Doc, a: Attachment, post_of: dict[str, str]) -> str | None:
    """The country of "son homologue X": the demonym the text gives, else for a counterpart named
    without one ("avec son homologue Takeshi Iwaya") the one side its sentence names that is not the
    owner's ("à la demande de la partie japonaise"), else the state the gazetteer knows the person by
    (as :func:`_from_known_people` places "le président Ilham Aliyev") when it is not the owner's.
    None when nothing tells it: a counterpart is by definition abroad, so neither the dateline nor
    the article's country may stand in."""
    if a.post.countries:  # type: ignore[union-attr]
        return a.post.countries[0]  # type: ignore[union-attr]
    owner = post_of.get(a.counterpart_of.key, "").split(".")[0]  # type: ignore[union-attr]
    if owner == UNKNOWN:  # the owner's post is placed later: the gazetteer's state for them stands in
        owner = known_countries(doc).get(a.counterpart_of.key, UNKNOWN)  # type: ignore[union-attr]
    sent = a.person.span.sent
    sides = {s.kb_id_ for s in lex_within(doc, sent.start, sent.end, "DEMONYM")
             if s.start > sent.start and fold(doc[s.start - 1].text) in SIDE_NOUNS} - {owner, UNKNOWN}
    if len(sides) == 1:
        return sides.pop()
    home = known_countries(doc).get(a.person.key)
    return home if _is_state(home) and home != owner and owner not in ("", UNKNOWN) else None


ELECT = frozenset(("elu", "elue"))  # "son successeur élu": elected, not yet in office


def _elect(office: str, span: Span) -> str:
    """"Le président X … Son successeur élu, Y": a head of state's successor said to be elected holds
    the office of president-elect, not yet the presidency.  Any other office stands."""
    country, _, rest = office.partition(".")
    if rest != "head_of_state" or not ELECT & {fold(t.text) for t in span}:
        return office
    if country == UNKNOWN:
        return f"{UNKNOWN}.president_elect"
    return load_lexicon().office_for("president_elect", country).id


def _counterpart_posts(known: list[Holding]) -> dict[str, str]:
    """Person key -> the post type a counterpart of theirs holds: their one post, or of several
    ("le vice-Premier ministre et ministre de la Défense"), the one single-holder post (a country
    has one defence minister, several deputy prime ministers), else the last one stated."""
    lexicon = load_lexicon()
    types: dict[str, list[str]] = {}
    for h in known:
        types.setdefault(h.person, []).append(lexicon.office(h.office).counterpart_type)  # of a president: a president
    return {person: counterpart_type(found) or found[-1] for person, found in types.items()}


def counterpart_type(types: Iterable[str]) -> str | None:
    """The post type a counterpart of someone holding posts of these types holds: the one type, or of
    several the one single-holder type (a country has one defence minister, several deputy prime
    ministers); None when that leaves more than one or none."""
    found = set(types)
    if len(found) == 1:
        return found.pop()
    single = {t for t in found if _single_holder(t)}
    return single.pop() if len(single) == 1 else None


def bound_former_terms(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """A post the article names as held before ("l'ancien ministre X", "X, ex-chef d'état-major") ended no
    later than the article's day when no rule dated its end: a bound with no date, so that role-at-date
    questions after that day leave the former holder out.  Run last, once every rule had its chance to
    date the end ("de 2010 à 2014")."""
    former = notes(doc).former
    if not former or not isinstance(doc._.ref, date):
        return holdings
    lexicon = load_lexicon()
    return [replace(h, end=DateValue.no_later_than(doc._.ref, "former"))
            if h.end is None and (h.person, lexicon.office(h.office).type) in former else h for h in holdings]


def _ref_day(doc: Doc) -> DateValue | None:
    return DateValue.of_day(doc._.ref) if doc._.ref else None


def _dedupe(holdings: list[Holding]) -> list[Holding]:
    """One holding per person and office: what either copy knows of the term (its bounds, whom it
    replaced) is kept, so a post placed late ("?." made "US.") never loses a start stated earlier."""
    merged: dict[tuple[str, str], Holding] = {}
    for h in holdings:
        key = (h.person, h.office)
        if key in merged:
            old = merged[key]
            merged[key] = replace(old, evidence=old.evidence + tuple(e for e in h.evidence if e not in old.evidence),
                                  attested=old.attested or h.attested, start=old.start or h.start,
                                  end=old.end or h.end, replaces=old.replaces or h.replaces)
        else:
            merged[key] = h
    return list(merged.values())



def place_in_article(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """A post held without a known country ("?.chief_of_defence") takes the country of its holder when
    the gazetteer knows them (see :func:`_from_known_people`), else the one country the article names
    for that kind of post and that none of its other holders has: in an article about the French and
    Russian chiefs of staff, where the Russian one is named, the other is French.  No guess places a
    person the gazetteer knows in another country."""
    known = known_countries(doc)
    holdings = _default_wordings_elsewhere(doc, _from_known_people(doc, _acting_bare_minister(doc, holdings), known),
                                           known)
    holdings = _from_section_place(doc, holdings, known, opened_only=True)  # "In Doha, X, Deputy Prime Minister"
    holdings = _from_rank_demonym(doc, holdings, known)
    named: dict[str, set[str]] = {}
    for post in find_posts(doc):
        if not _named_after(doc, post):  # "le président du Kazakhstan, X": that country is X's
            named.setdefault(post.post_type, set()).update(post.countries)
    outgoing = notes(doc).outgoing
    unplaced = _unplaced_holders(holdings)
    out = []
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        if country == UNKNOWN:
            taken = {o.split(".")[0] for o in (x.office for x in holdings)
                     if o.endswith("." + post_type)} if (h.person, post_type) not in outgoing else set()
            free = named.get(post_type, set()) - taken
            if unplaced.get(post_type, 0) > 1 and _single_holder(post_type):
                free = set()  # two holders without a country: the one free country cannot be both's
            guess = free.pop() if len(free) == 1 else notes(doc).defaults.get((h.person, post_type))
            if guess and not _elsewhere(known, h.person, post_type, guess):
                h = replace(h, office=_place(post_type, guess))
        out.append(h)
    placed = _from_delegation(doc, _from_possessor(doc, _from_institution_possessor(doc, out, known), known), known)
    placed = _from_dateline_country(doc, _from_article_country(doc, placed, known), known)
    placed = _from_dominant_state(doc, _from_home_posts(doc, placed, known), known)
    placed = _envoy_of_own_state(_from_successions(_from_section_place(doc, _from_relay(doc, placed), known)), known)
    placed = _foreign_chancellors(doc, _namesakes_at_home(doc, placed, known))
    return [h for h in _own_wordings(doc, placed) if not _state_secretary_general(h) and not _civil_servant(doc, h)]


def _civil_servant(doc: Doc, h: Holding) -> bool:
    """India's (Pakistan's, Bangladesh's …) "Foreign Secretary" and "Defence Secretary" are civil servants
    under the minister, not ministers (``civil_service_secretary_states``): a minister's post read in such a
    state from such a wording alone (``civil_service_secretary_wordings``, no "minister" in it) is dropped."""
    country, _, post_type = h.office.partition(".")
    if country == UNKNOWN:
        country = _dateline_country(doc) or UNKNOWN  # "NEW DELHI: Defence Secretary X": the dateline's
    if post_type not in ("foreign_minister", "defence_minister") \
            or country not in {c.upper() for c in title_cues("civil_service_secretary_states")}:
        return False
    wordings = title_cues("civil_service_secretary_wordings")
    for e in h.evidence:
        text = fold(doc.text[e.start:e.end]) if e.end <= len(doc.text) else ""
        if re.search(r"\bminist", text) or not any(w in text for w in wordings):
            return False
    return bool(h.evidence)


#: A deputy's post type -> the minister's post a bare "ministre" / "minister" given to the deputy stands for.
DEPUTY_BASE = {"deputy_defence_minister": "defence_minister", "deputy_foreign_minister": "foreign_minister"}
#: "X a été nommé ministre par intérim", "X was named acting minister": after a holder's name (past an
#: apposition set off by commas), an appointing verb and "ministre" / "minister" with no portfolio after it.
BARE_MINISTER = re.compile(
    r"^\s*(?:,\s*|,[^,.;]{0,80},\s*)?"
    r"(?:(?:a|avait|aura|ont) [ée]t[ée]|est|sera|vient d'[êe]tre|was|has been|had been|is|will be)"
    r"\s+(?:\w+\s+){0,2}?(?:nomm[ée]e?|d[ée]sign[ée]e?|promue?|named|appointed|made|designated|promoted to)\s+"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|soir|matin|on|\w+day)\s+)*"
    r"(?:(?:as|the)\s+)*(?P<acting>(?:acting|interim|caretaker)\s+)?(?:ministre|minister)"
    r"(?P<interim>\s+(?:par int[ée]rim|int[ée]rimaire|ad interim|de transition))?"  # accents or none
    r"(?=\s*(?:[,.;:)]|$|par\b|en attendant|jusqu|dans\b|apr[èe]s\b|until\b|pending\b|after\b|following\b|by\b"
    r"|on\b))",
    re.IGNORECASE)


def _acting_bare_minister(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Le vice-ministre de la Défense X a été nommé ministre par intérim", "Deputy Defence Minister X was named
    acting minister": a deputy minister appointed (acting) minister with no portfolio named holds the minister's
    post of his own portfolio, in the same state."""
    deputies = {(h.person, h.office.partition(".")[2]): h.office.partition(".")[0] for h in holdings
                if h.office.partition(".")[2] in DEPUTY_BASE}
    if not deputies:
        return holdings
    out = list(holdings)
    for m in doc._.people or []:
        for (person, post_type), country in deputies.items():
            if person != m.key:
                continue
            sent = doc[m.span.start].sent
            found = BARE_MINISTER.match(doc.text[m.span.end_char:sent.end_char])
            if found is None:
                continue
            office = f"{country}.{DEPUTY_BASE[post_type]}" if country == UNKNOWN \
                else load_lexicon().office_for(DEPUTY_BASE[post_type], country).id
            span = doc.char_span(m.span.start_char, m.span.end_char + found.end(), alignment_mode="expand")
            if span is not None and not any(h.person == person and h.office == office for h in out):
                out.append(Holding(person, office, (evidence(span, "acting-minister"),)))
    return out


#: Post types an officer may hold for an organisation rather than his own state ("le général sénégalais X,
#: commandant de la force de l'ONU"): a demonym on his rank does not place them.
SUPRANATIONAL_TYPES = frozenset(("military_commander", "special_envoy", "secretary_general", "organisation_president"))


def _from_rank_demonym(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """"Le contre-amiral togolais X, qui commande la marine nationale …", "le général malien Y, chef d'état-major
    général des armées": a demonym right after the rank before a name is the person's state, and a post the
    article gives that person without a country is that state's (unless the gazetteer knows them elsewhere)."""
    if not any(h.office.startswith(UNKNOWN + ".") for h in holdings):
        return holdings
    ranks = title_cues("ranks_fr") | title_cues("ranks_en")
    demonyms = {s.end: s for s in lex_spans(doc, "DEMONYM")}
    states: dict[str, set[str]] = {}
    for m in doc._.people or []:
        d = demonyms.get(m.span.start)
        if d is None or d.start == 0 or fold(doc[d.start - 1].text) not in ranks:
            k = m.span.start - 1  # English "Malian General X", "Togolese Rear Adm. Y": the demonym before the rank
            while k > 0 and (fold(doc[k].text) in ranks or doc[k].text == "." or fold(doc[k - 1].text + " "
                                                                                    + doc[k].text) in ranks):
                k -= 1
            d = demonyms.get(k + 1) if k + 1 < m.span.start else None
        if d is not None and _is_state(d.kb_id_):
            states.setdefault(m.key, set()).add(d.kb_id_)
    out = []
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        found = states.get(h.person, set())
        if country == UNKNOWN and len(found) == 1 and post_type.split(".")[0] not in SUPRANATIONAL_TYPES:
            state = next(iter(found))
            if not _elsewhere(known, h.person, post_type, state):
                h = replace(h, office=_place(post_type, state))
        out.append(h)
    return _dedupe(out)


def _default_wordings_elsewhere(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """A post read in its default state from a wording that state uses but does not own ("le ministre
    des Armées", "le CEMA": France's by default, but Chad, Senegal or Cameroon name theirs so too) is
    not that state's on a page that says another: its holder's same post placed elsewhere in the article
    is the one post ("le général X, chef d'état-major des armées … Le nouveau CEMA": Cameroon's), and on
    a page datelined in another state that never names the default one, the post is the dateline's."""
    shared = title_cues("shared_national_wordings")
    countries = lex_spans(doc, "COUNTRY", "DEMONYM", "COMBINING")
    defaults = [p for p in find_posts(doc) if len(p.countries) == 1 and fold(p.span.text) in shared
                and not any(p.span.start <= s.start < p.span.end for s in countries)]
    if not defaults:
        return holdings
    dateline = _dateline_country(doc)
    named = {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING", "PLACE")}
    named |= {c for p in find_posts(doc) if p not in defaults for c in p.countries}
    out: list[Holding] = []
    moved: dict[tuple[str, str], str] = {}  # (person, office read) -> the office it is
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        wording = next((p for p in defaults if p.countries[0] == country and any(
            p.span.start_char < e.end and e.start < p.span.end_char for e in h.evidence)), None)
        if wording is None or country in named or known.get(h.person) == country:
            out.append(h)
            continue
        same = next((g.office for g in holdings if g.person == h.person and g.office.partition(".")[2] == post_type
                     and g.office.partition(".")[0] not in (country, UNKNOWN)), None)
        if same is not None:  # the same post, placed in its own state by another wording
            moved[(h.person, h.office)] = same
            if h.replaces:
                moved[(h.replaces, h.office)] = same
            continue
        if _is_state(dateline) and dateline != country and not _elsewhere(known, h.person, post_type, dateline or ""):
            moved[(h.person, h.office)] = _place(post_type, dateline or "")
            moved[(h.person, f"{UNKNOWN}.{post_type}")] = moved[(h.person, h.office)]  # the same post read unplaced
            if h.replaces:
                moved[(h.replaces, h.office)] = moved[(h.person, h.office)]
            h = replace(h, office=moved[(h.person, h.office)])
        out.append(h)
    # "Il remplace à ce poste Y": the predecessor of a post read elsewhere held it in the same state
    out = [replace(h, office=moved[(h.person, h.office)]) if (h.person, h.office) in moved else h for h in out]
    return _dedupe(out)


@cache
def _own_generic_wordings() -> dict[str, list[str]]:
    """Folded generic wording -> the offices that list it as their state's own name for an office of
    another type (``own_generic_wordings`` in ``offices.json``: Belgium's "chef de la Défense")."""
    out: dict[str, list[str]] = {}
    for o in load_file("offices")["offices"]:
        for w in o.get("own_generic_wordings", ()):
            out.setdefault(fold(w), []).append(o["id"])
    return out


def _own_wordings(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """A generic post wording that one state uses for an office of another type, read as that office once
    the holding is placed in that state: "le chef de la Défense, le général X" is a defence minister's
    wording elsewhere, Belgium's chief of defence in a Belgian page (``own_generic_wordings``, over the
    very span the holding's post was read from)."""
    lexicon = load_lexicon()
    owned = _own_generic_wordings()
    posts = lex_spans(doc, "POST")
    weak = [s for s in posts if fold(s.text) in owned]
    if not weak:
        return holdings
    generic = {(p.start, p.end): p.kb_id_ for p in posts}

    def read_from(h: Holding, s: Span, post_type: str) -> bool:  # the one post of that type its evidence holds
        return any(e.start <= s.start_char and s.end_char <= e.end and not any(
            p.kb_id_ == post_type and e.start <= p.start_char and p.end_char <= e.end and p.start != s.start
            for p in posts) for e in h.evidence)

    out = []
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        own = next((lexicon.offices[o] for s in weak for o in owned[fold(s.text)]
                    if lexicon.offices[o].country == country and lexicon.offices[o].type != post_type
                    and generic.get((s.start, s.end)) == post_type and read_from(h, s, post_type)), None)
        out.append(replace(h, office=own.id) if own is not None and not any(
            g.person == h.person and g.office == own.id for g in holdings) else h)
    return out


#: States whose press calls the foreign minister "le chancelier" (Haiti; Latin America's "canciller",
#: Brazil's "chanceler"): there the word never names a head of government.
CHANCELLOR_FOREIGN_MINISTER_STATES = frozenset((
    "HT", "AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "MX", "NI", "PA", "PE", "PY", "SV",
    "UY", "VE"))
CHANCELLOR_WORD = re.compile(r"(?<![\w-])chanceli[eè]re?s?\b", re.IGNORECASE)
GOVERNMENT_HEAD_WORD = re.compile(r"premi[eè]re? ministre|chef(fe)? du gouvernement|primature", re.IGNORECASE)
#: A chancellor who heads no government: the grand chancellor of an order ("Grand chancelier de la Légion
#: d'honneur"), a university's, an academy's, Britain's Chancellor of the Exchequer (the finance minister).
HONORARY_CHANCELLOR_BEFORE = re.compile(r"(?<![\w-])grande?[\s-]+$", re.IGNORECASE)
HONORARY_CHANCELLOR_AFTER = re.compile(
    r"^\s+(?:de\s+l['’]|du\s+|des\s+|de\s+la\s+|of\s+the\s+)(?:ordre|order|l[ée]gion|universit|[ée]chiquier"
    r"|exchequer|acad[ée]mi|institut|coll[èe]ge)", re.IGNORECASE)


def _honorary_chancellor(doc: Doc, start: int, end: int) -> bool:
    """"Grand chancelier de la Légion d'honneur", "chancelier de l'Échiquier": the chancellor word of
    ``start:end`` names no head of government."""
    text = doc.text[start:end]
    m = CHANCELLOR_WORD.search(text)
    if not m:
        return False
    at, to = start + m.start(), start + m.end()
    return bool(HONORARY_CHANCELLOR_BEFORE.search(doc.text[max(0, at - 12):at])
                or HONORARY_CHANCELLOR_AFTER.search(doc.text[to:to + 20]))


def _foreign_chancellors(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Le chancelier Jean-Victor Harvel Jean-Baptiste conserve les Affaires étrangères" in a Haitian
    paper, "l'ancien chancelier" of Brazil: where the press calls the foreign minister "chancelier", a
    head of government read from that word alone is the foreign minister."""
    out = []
    states = {o.office.partition(".")[0] for o in holdings} - {UNKNOWN}
    home = states.pop() if len(states) == 1 else None
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        if post_type == "head_of_government" and h.evidence \
                and all(_honorary_chancellor(doc, e.start, e.end) for e in h.evidence):
            continue  # "Grand chancelier de la Légion d'honneur ensuite, il …": no head of government
        if country == UNKNOWN and home in CHANCELLOR_FOREIGN_MINISTER_STATES:
            country = home  # "Le chancelier X" with no country, in an article whose every post is Haitian
        if post_type == "head_of_government" and country in CHANCELLOR_FOREIGN_MINISTER_STATES and h.evidence \
                and all(CHANCELLOR_WORD.search(doc.text[e.start:e.end]) for e in h.evidence):
            foreign = replace(h, office=_place("foreign_minister", country))
            if (h.person, post_type) in notes(doc).former:  # "ancien chancelier": a former foreign minister
                notes(doc).former.add((h.person, "foreign_minister"))
            if any(GOVERNMENT_HEAD_WORD.search(doc.text[e.start:e.end]) for e in h.evidence):
                out.append(foreign)  # "ancien chancelier devenu Premier ministre": both posts
            else:
                h = foreign
        out.append(h)
    return _dedupe(out)


def _from_relay(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Le prédécesseur de Y à la Défense, X": X's post without a country is that of Y's same post (the one
    other person named in the phrase), when Y holds it in one country."""
    out = []
    for h in holdings:
        post_type = h.office.partition(".")[2]
        if h.office.startswith(UNKNOWN + ".") and any(e.rule == "relay-portfolio" for e in h.evidence):
            ev = h.evidence[0]
            before = [m for m in doc._.people or [] if m.key != h.person and m.span.end_char <= ev.start
                      and m.span.sent.start_char <= ev.start < m.span.sent.end_char]
            others = {before[-1].key} if before else set()  # the "de Y" of the relay noun, before the portfolio
            states = {o.office.split(".")[0] for o in holdings if o.person in others
                      and o.office.partition(".")[2] == post_type} - {UNKNOWN}
            if len(others) == 1 and len(states) == 1:
                h = replace(h, office=_place(post_type, states.pop()))
        out.append(h)
    return out


TOP_POSTS = frozenset(("head_of_state", "head_of_government", "president_elect"))


def _namesakes_at_home(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """"« Le ministre de la Défense, Pedro Sánchez, et moi … »" in a Colombian piece: the gazetteer knows a
    namesake in a state the article never names (Spain), so it does not hold the person there; a national
    post without a country is then the one state every other post of the piece is of (2+ holdings), as
    for anyone the gazetteer does not know.  Never a head of state's or government's post (a foreign leader
    named bare), nor one another holds there."""
    named = {sp.kb_id_ for sp in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING", "PLACE")}
    named |= {c for p in find_posts(doc) for c in p.countries}
    governing = {h.office.split(".")[0] for h in holdings if not h.office.startswith(UNKNOWN + ".")}
    if len(governing) != 1 or len([h for h in holdings if not h.office.startswith(UNKNOWN + ".")]) < GOVERNING_MIN:
        return holdings
    home = next(iter(governing))
    if not _is_state(home):
        return holdings
    out = []
    for h in holdings:
        post_type = h.office.partition(".")[2]
        elsewhere = known.get(h.person)
        if h.office.startswith(UNKNOWN + ".") and post_type in NATIONAL_POSTS and post_type not in TOP_POSTS \
                and elsewhere is not None and elsewhere != home and elsewhere not in named \
                and not _held_by_another(doc, h, _place(post_type, home), holdings):
            h = replace(h, office=_place(post_type, home))
        out.append(h)
    return _dedupe(out)


ENVOY_POSTS = frozenset(("ambassador",))


def _envoy_of_own_state(holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """"Il avait remplacé le général X, devenu ensuite ambassadeur au Royaume-Uni": an ambassador with no
    sending state, whose holder holds or held posts of one state only in the article, is that state's
    envoy (states send their own generals and ministers abroad), unless the gazetteer knows otherwise."""
    out = []
    for h in holdings:
        post_type = h.office.partition(".")[2]
        if h.office.startswith(UNKNOWN + ".") and post_type in ENVOY_POSTS:
            states = {o.office.split(".")[0] for o in holdings if o.person == h.person and o is not h} - {UNKNOWN}
            states = {c for c in states if _is_state(c)}
            if len(states) == 1 and not _elsewhere(known, h.person, post_type, next(iter(states))):
                h = replace(h, office=_place(post_type, states.pop()))
        out.append(h)
    return _dedupe(out)


def _from_possessor(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """"Le chef de la junte malienne, X, est attendu. Il sera accompagné de son ministre de la Défense,
    Y": a national post opened by a possessive, in a sentence whose subject is a pronoun, belongs to
    the state of the person the pronoun stands for (the subject of the sentence before), when that
    person holds posts of one country only."""
    def side(h: Holding, post_type: str, countries: dict[str, set[str]]) -> str | None:
        owner = _possessor_of(doc, h, post_type)
        theirs = countries.get(owner.key, set()) - {UNKNOWN} if owner is not None else set()
        return next(iter(theirs)) if len(theirs) == 1 else None

    return _place_national(holdings, known, side)


DELEGATION_REACH = 12  # tokens from a delegation cue to the member's name ("accompagné du ministre d'État …, X")


def _from_delegation(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """"Le Qatar était représenté par cheikh X, vice-Premier ministre et ministre d'État …": a national
    post named without a country, held by a delegation's member, is the country of what the member
    stands for: the state the sentence names last before "représenté par", or the one country of the
    person named last before "accompagné de" ("Y, ministre de la Défense des Émirats, conduisait la
    délégation, accompagné du ministre d'État chargé de la Défense, X")."""
    return _dedupe(_place_national(holdings, known, lambda h, _, countries: _delegation_side(doc, h, countries)))


def _place_national(holdings: list[Holding], known: dict[str, str],
                    side: Callable[[Holding, str, dict[str, set[str]]], str | None]) -> list[Holding]:
    """The holdings with each national post of unknown country placed in the country ``side`` gives it
    (from the holding, its post type and the countries each person's posts are in), unless the person
    is known to hold that post elsewhere."""
    if not any(h.office.startswith(UNKNOWN + ".") for h in holdings):
        return holdings
    countries: dict[str, set[str]] = {}
    for h in holdings:
        countries.setdefault(h.person, set()).add(h.office.split(".")[0])
    out = []
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        where = side(h, post_type, countries) if country == UNKNOWN and post_type in NATIONAL_POSTS else None
        if where is not None and not _elsewhere(known, h.person, post_type, where):
            h = replace(h, office=_place(post_type, where))
        out.append(h)
    return out


def _delegation_side(doc: Doc, h: Holding, countries: dict[str, set[str]]) -> str | None:
    """The country a delegation cue right before the holder's name gives (see :func:`_from_delegation`)."""
    holder = next((m for m in doc._.people or [] if m.key == h.person and h.evidence
                   and h.evidence[0].start <= m.span.start_char < h.evidence[0].end), None)
    if holder is None:
        return None
    sent = holder.span.sent
    lo = max(sent.start, holder.span.start - DELEGATION_REACH)
    member = _last_cue(doc, max(sent.start, holder.span.start - 3 * DELEGATION_REACH), holder.span.start,
                       title_cues("delegation_members_fr"))
    if member is not None and not people_within(doc, member, holder.span.start) \
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[member + 1:holder.span.start]
                        if fold(t.text) != "par"):
        state = _delegation_state(doc, sent.start, member)
        if state is not None:  # "La délégation arménienne comprenait le chef d'état-major, le général X"
            return state
    for cues, by_state in ((title_cues("delegation_represented_by_fr"), True),
                           (title_cues("delegation_accompanied_fr"), False)):
        cue = _last_cue(doc, lo, holder.span.start, cues)
        if cue is None:
            cue = _listed_member_cue(doc, sent, holder, cues)
        elif people_within(doc, cue, holder.span.start):
            continue
        if cue is None:
            continue
        if by_state:
            states = [s.kb_id_ for s in lex_within(doc, sent.start, cue, "COUNTRY", "METONYM") if _is_state(s.kb_id_)]
            return states[-1] if states else None
        before = people_within(doc, sent.start, cue)
        head = before[-1] if before else (pronoun_owner(doc, sent) if pronoun_subject(sent) else None)
        theirs = countries.get(head.key, set()) - {UNKNOWN} if head else set()  # "Il est accompagné du …"
        return theirs.pop() if len(theirs) == 1 else None
    return None


DELEGATION_NOUNS = frozenset(("delegation", "delegations"))


def _delegation_state(doc: Doc, lo: int, cue: int) -> str | None:
    """The state of the delegation a verb of comprising or leading is told of ("La délégation arménienne
    comprenait …", "la délégation du Kazakhstan, conduite par …"): the one state named by a demonym or a
    "de <pays>" right after the last "délégation" before the verb, with no person between."""
    noun = max((t.i for t in doc[lo:cue] if fold(t.text) in DELEGATION_NOUNS), default=None)
    if noun is None or people_within(doc, noun, cue):
        return None
    states = {s.kb_id_ for s in lex_within(doc, noun + 1, min(cue, noun + 5), "DEMONYM", "COUNTRY")
              if s.start <= noun + 3 and _is_state(s.kb_id_)}
    return states.pop() if len(states) == 1 else None


def _listed_member_cue(doc: Doc, sent: Span, holder: PersonMention, cues: frozenset[str]) -> int | None:
    """"accompagné du vice-ministre …, le général X, et du commandant des forces aériennes, le général Y":
    a later member of the list the cue opens (an "et" before their post, no verb between the cue and them)
    is a member too."""
    lo = max(sent.start, holder.span.start - 3 * DELEGATION_REACH)
    cue = _last_cue(doc, lo, holder.span.start, cues)
    if cue is None or not any(fold(t.text) == "et" for t in doc[cue:holder.span.start]):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[cue + 2:holder.span.start]):
        return None
    return cue


def _last_cue(doc: Doc, lo: int, hi: int, cues: frozenset[str]) -> int | None:
    """Where the last of the (folded, whole-word) ``cues`` between tokens ``lo`` and ``hi`` opens."""
    words = [fold(t.text) for t in doc[lo:hi]]
    found = [lo + k for k in range(len(words)) for c in cues if words[k:k + len(c.split())] == c.split()]
    return max(found, default=None)


def _from_institution_possessor(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """"Le Kremlin a dénoncé … Son porte-parole, X, a assuré …": a post opened by a possessive that
    opens its sentence belongs to the state of the institution or capital (a ``METONYM`` of the
    lexicon) that is the subject of the sentence before."""
    out = []
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        where = _institution_owner(doc, h, post_type) if country == UNKNOWN and h.evidence else None
        if where is not None and not _elsewhere(known, h.person, post_type, where):
            h = replace(h, office=_place(post_type, where))
        out.append(h)
    return out


def _institution_owner(doc: Doc, h: Holding, post_type: str) -> str | None:
    """The state of the institution a sentence-opening possessive before the holding's post stands for
    (see :func:`_from_institution_possessor`), or None."""
    post = _possessive_post(doc, h, post_type)
    if post is None:
        return None
    sent = post.span.sent
    if next((t.i for t in sent if not (t.is_space or t.is_punct)), None) != post.span.start - 1:
        return None
    prev = sentence_before(doc, sent)
    if prev is None:
        return None
    subject = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    owner = next((s for s in lex_within(doc, prev.start, prev.end, "METONYM")
                  if subject is not None and s.start <= subject.i < s.end), None)
    return owner.kb_id_ if owner is not None else None


def _possessive_post(doc: Doc, h: Holding, post_type: str) -> PostMention | None:
    """The post of the holding's evidence when a possessive opens it ("son ministre de la Défense"), else
    None."""
    ev = h.evidence[0]
    post = next((p for p in find_posts(doc) if ev.start <= p.span.start_char < ev.end and p.post_type == post_type),
                None)
    if post is None or post.span.start == 0 or fold(doc[post.span.start - 1].text) not in POSSESSIVES:
        return None
    return post


def _possessor_of(doc: Doc, h: Holding, post_type: str) -> PersonMention | None:
    """The person a possessive before the holding's post stands for ("Il … son ministre de la
    Défense, Y"): the previous sentence's subject, when a pronoun is this sentence's subject."""
    if not h.evidence or not doc.has_annotation("SENT_START"):
        return None
    post = _possessive_post(doc, h, post_type)
    if post is None:
        return None
    holder = next((m for m in people_within(doc, post.span.start, post.span.sent.end) if m.key == h.person), None)
    return _pronoun_subject_owner(doc, post.span.sent, holder) if holder is not None else None


def _unplaced_holders(holdings: list[Holding]) -> dict[str, int]:
    """Post type -> how many people hold it without a known country."""
    people: dict[str, set[str]] = {}
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        if country == UNKNOWN:
            people.setdefault(post_type, set()).add(h.person)
    return {post_type: len(found) for post_type, found in people.items()}


def _place(post_type: str, country: str) -> str:
    """The office a post named without a country stands for once its country is known: the
    country's own office when the generic wording names it there ("le président" of Iran is the
    President, ``IR.head_of_government``, not the Supreme Leader), else the office of that type."""
    return (_generic_wording_offices().get((post_type, country)) or _wording_offices_abroad().get((post_type, country))
            or load_lexicon().office_for(post_type, country).id)


@cache
def _generic_wording_offices() -> dict[tuple[str, str], str]:
    """(post type, country) -> the one office of another type whose own wordings include the head
    wording of that post type (``offices.json`` lists "président" for ``IR.head_of_government``).
    Only the head wording: other wordings differ in meaning from country to country."""
    lexicon = load_lexicon()
    generic: dict[str, set[str]] = {}
    heads: set[str] = set()
    for p in lexicon.phrases:  # the first wording of each post type is its head word ("président")
        if p.label == "POST" and p.id not in heads:
            heads.add(p.id)
            generic.setdefault(fold(p.text), set()).add(p.id)
    found = _offices_named_by(generic, lambda _post_type, _office: True)
    own = {(lexicon.offices[p.id].type, lexicon.offices[p.id].country) for p in lexicon.phrases
           if p.label.startswith("OFFICE") and lexicon.offices[p.id].type in generic.get(fold(p.text), ())}
    # where a generic wording also names the country's own office of that type (Ukraine's
    # "commandant en chef des forces armées"), the wording decides and a placement cannot
    return {key: ids.pop() for key, ids in found.items() if len(ids) == 1 and key not in own}


@cache
def _wording_offices_abroad() -> dict[tuple[str, str], str]:
    """(post type, country) -> the one office of another type some generic wording of that post
    type names in a country that has no office of that type ("chef d'état-major de l'armée" in
    Israel is the Chief of the General Staff: Israel lists no separate army chief)."""
    lexicon = load_lexicon()
    generic: dict[str, set[str]] = {}
    for p in lexicon.phrases:
        if p.label == "POST":
            generic.setdefault(fold(p.text), set()).add(p.id)
    found = _offices_named_by(generic, lambda post_type, office: f"{office.country}.{post_type}" not in lexicon.offices)
    return {key: ids.pop() for key, ids in found.items() if len(ids) == 1}


def _offices_named_by(generic: dict[str, set[str]],
                      keep: Callable[[str, Office], bool]) -> dict[tuple[str, str], set[str]]:
    """(post type, country) -> the offices of another type among whose own wordings is a generic wording
    (``generic``: folded wording -> post types) of that post type, where ``keep(post type, office)``."""
    lexicon = load_lexicon()
    found: dict[tuple[str, str], set[str]] = {}
    for p in lexicon.phrases:
        office = lexicon.offices.get(p.id) if p.label.startswith("OFFICE") else None
        if office is None:
            continue
        for post_type in generic.get(fold(p.text), ()):
            if post_type != office.type and keep(post_type, office):
                found.setdefault((post_type, office.country), set()).add(office.id)
    return found


#: Post types a state fills with one of its own people, so that a known person's country is the
#: post's country.  Not envoys, ambassadors, commanders or spokespeople (organisations have them too,
#: and a country may have several), nor the posts of organisations.
NATIONAL_POSTS = frozenset((
    "head_of_state", "head_of_government", "deputy_head_of_government", "vice_president", "president_elect",
    "crown_prince", "defence_minister", "deputy_defence_minister", "foreign_minister", "deputy_foreign_minister",
    "chief_of_defence", "chief_of_general_staff", "army_chief", "navy_chief", "air_force_chief",
    "service_secretary", "national_security_adviser", "security_council_secretary",
    "security_council_deputy_chair", "intelligence_chief", "chief_of_staff", "spokesperson"))


def known_countries(doc: Doc) -> dict[str, str]:
    """Person key -> the gazetteer country of the one known person all that person's names denote
    (:meth:`~kg.extract.gazetteer.Gazetteer.person_of`); people it does not know are absent."""
    state = notes(doc)
    if state.known is None:
        names: dict[str, set[str]] = {}
        for m in doc._.people or []:
            names.setdefault(m.key, set()).add(name_text(m.span))
        gazetteer = load_gazetteer()
        people = {key: p for key, found in names.items() if (p := gazetteer.person_of(found))}
        state.known = {key: p.country for key, p in people.items()}
        state.homes = {key: p.home for key, p in people.items() if p.home}
    return state.known


def _at_home(doc: Doc, countries: dict[str, str], posts_countries: list[str]) -> dict[str, str]:
    """The gazetteer's countries of the article's people, with the home state of one known by an
    organisation put in its place where a national post of that state is read: "le Premier ministre
    polonais" may be Donald Tusk, whom the gazetteer knows as a president of the European Council."""
    homes = {k: h for k, h in known_homes(doc).items() if h in posts_countries}
    return countries | homes if homes else countries


def known_homes(doc: Doc) -> dict[str, str]:
    """Person key -> the home state of a known person the gazetteer knows by an organisation."""
    known_countries(doc)
    return notes(doc).homes or {}


def _is_state(actor: str | None) -> bool:
    found = load_lexicon().actors.get(actor or "")
    return found is not None and found.kind == "country"


def _from_known_people(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """A national post the text states without a country and attaches to its holder ("le président
    Ilham Aliyev", "le chef de la diplomatie Radosław Sikorski") is held in the state the gazetteer
    knows that person by.  Only "?." posts change (a country the text gives always stands); a person
    known through an organisation (a NATO secretary general, once a prime minister) is placed in the
    home state the gazetteer gives them ("le Premier ministre Donald Tusk"), and keeps "?." without one.
    Nor does a person of an article datelined in another country that never names their state
    (:func:`_namesake_risk`)."""
    out = []
    risky: Callable[..., bool] | None = None  # read from the article once, when a post needs it
    homes = known_homes(doc)
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        home = known.get(h.person) if _is_state(known.get(h.person)) else homes.get(h.person)
        if country == UNKNOWN and post_type in NATIONAL_POSTS and _is_state(home):
            risky = risky or _namesake_risk(doc)
            if not risky(home or UNKNOWN, post_type):
                h = replace(h, office=_place(post_type, home or UNKNOWN))
        out.append(h)
    return _dedupe(out)


def _namesake_risk(doc: Doc) -> Callable[..., bool]:
    """Whether a person the gazetteer knows in a state may be a namesake in this article: "BOGOTA -
    … le ministre de la Défense, Pedro Sánchez", an article datelined in one country that never names
    the state (no name, demonym, capital or place of it).  The gazetteer's country is then no
    evidence, and the post stays without a country rather than take a guessed one.  The person is
    still known elsewhere, so no other guess places them either.  A dateline in title case ("Bogota – ")
    counts for a post below the top ones (``post_type`` given and no head of state's or government's: a
    foreign leader named bare, "« Le président Macron m'a téléphoné »" datelined Helsinki, is no namesake)."""
    strict, loose = _dateline_country(doc), _dateline_country(doc, title_case=True)
    if loose is None:
        return lambda home, post_type=None: False
    named = {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "DEMONYM", "METONYM", "COMBINING", "PLACE")}

    def risky(home: str, post_type: str | None = None) -> bool:
        dateline = strict if post_type is None or post_type in TOP_POSTS else loose
        return dateline is not None and home != dateline and home not in named
    return risky


def _elsewhere(known: dict[str, str], person: str, post_type: str, country: str) -> bool:
    """Whether the gazetteer contradicts placing the person's post in ``country``: it knows the person
    in another state, or in an organisation when the post is not a national one."""
    home = known.get(person)
    if home is None or home == country:
        return False
    return _is_state(home) or post_type not in NATIONAL_POSTS


def _from_successions(holdings: list[Holding]) -> list[Holding]:
    """A successor and a predecessor hold the same office: an unknown country on one side takes
    the other side's."""
    known = {(h.person, h.office.partition(".")[2]): h.office for h in holdings if not h.office.startswith("?.")}
    pairs = {(h.person, h.replaces) for h in holdings if h.replaces} | {(h.replaces, h.person) for h in holdings
                                                                        if h.replaces}
    out = []
    for h in holdings:
        post_type = h.office.partition(".")[2]
        if h.office.startswith("?."):
            sides = {known[(other, post_type)] for (me, other) in pairs if me == h.person
                     and (other, post_type) in known}
            if len(sides) == 1:
                h = replace(h, office=sides.pop())
        out.append(h)
    return _dedupe(out)


def _from_article_country(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """In an article that names one country and no other (a counterpart's demonym, "son homologue
    italien", names the other side, not the article's), and where someone holds a post of that country
    or a post of it is named, a post named without a country is that country's ("le président de la République X" in
    a piece about French ministers only) unless the gazetteer knows its holder elsewhere (a visiting
    foreign leader the article names without a country)."""
    if not any(h.office.startswith("?.") for h in holdings):
        return holdings
    lexicon = load_lexicon()
    named = {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING", "PLACE")
             if not _counterpart_demonym(s)}
    own_posts = {c for p in find_posts(doc) if not _counterpart_demonym(p.span) for c in p.countries}
    named |= own_posts
    governing = ({h.office.split(".")[0] for h in holdings if not _as_counterpart(h)} | own_posts) - {UNKNOWN}
    named |= governing
    states = {c for c in named if c in lexicon.actors and lexicon.actors[c].kind == "country"}
    if len(states) != 1 or states != governing or any(c and c not in lexicon.actors for c in named):
        return _government_posts(doc, holdings, known, {c for c in governing if c in lexicon.actors
                                                        and lexicon.actors[c].kind == "country"})
    country = states.pop()
    out = []
    for h in holdings:
        post_type = h.office[2:]
        if h.office.startswith("?.") and not _elsewhere(known, h.person, post_type, country) \
                and not _held_by_another(doc, h, _place(post_type, country), holdings):
            h = replace(h, office=_place(post_type, country))
        out.append(h)
    return _dedupe(out)


GOVERNMENT_POST_TYPES = frozenset(("spokesperson", "head_of_government", "deputy_prime_minister", "chief_of_defence",
                                   "defence_minister", "foreign_minister", "army_chief", "navy_chief",
                                   "air_force_chief"))
GOVERNMENT_OWN_WORDS = ("du gouvernement", "notre", "nos")  # "notre chef des forces de défense": the speaker's
GOVERNING_MIN = 2  # holdings of the one governing country before its government's posts are read as its own


def _government_posts(doc: Doc, holdings: list[Holding], known: dict[str, str], governing: set[str]) -> list[Holding]:
    """"La porte-parole du gouvernement, X" in a piece where every post held is of one country (several of
    them), though other countries are named as places ("se rendre à Kiev"): "du gouvernement" without a
    demonym is that country's government.  Only a government's own posts, never one the gazetteer places
    elsewhere or another holds."""
    if len(governing) != 1:
        return holdings
    country = next(iter(governing))
    if sum(h.office.startswith(country + ".") for h in holdings) < GOVERNING_MIN:
        return holdings
    out = []
    for h in holdings:
        post_type = h.office[2:]
        said = " ".join(fold(doc.char_span(e.start, e.end, alignment_mode="expand").text)
                        for e in h.evidence if doc.char_span(e.start, e.end, alignment_mode="expand") is not None)
        if h.office.startswith("?.") and post_type in GOVERNMENT_POST_TYPES \
                and any(f" {w} " in " " + re.sub(r"[^\w'-]+", " ", said) + " " for w in GOVERNMENT_OWN_WORDS) \
                and not _elsewhere(known, h.person, post_type, country) \
                and not _held_by_another(doc, h, _place(post_type, country), holdings):
            h = replace(h, office=_place(post_type, country))
        out.append(h)
    return _dedupe(out)


COUNTERPART_RULES = frozenset(("counterpart", "call-counterpart"))


def _as_counterpart(h: Holding) -> bool:
    """A post known only as someone's counterpart's ("son homologue allemand Y"): the other side's."""
    return all(e.rule in COUNTERPART_RULES for e in h.evidence)


def _counterpart_demonym(span: Span) -> bool:
    """A demonym that qualifies a counterpart noun ("son homologue allemand"): it names the other side,
    not the article's own country."""
    return any(fold(t.head.lemma_) in ("homologue", "homologues") and t.dep_ == "amod" for t in span)


def _held_by_another(doc: Doc, h: Holding, office: str, holdings: list[Holding]) -> bool:
    """"Le ministre de la Défense, X, a reçu un appel du ministre portugais de la Défense, Y": a
    one-holder post that someone else holds now in that country is not the one X holds now; the
    article's one country does not make X Portuguese.  A post left or ended is no clash."""
    post_type = h.office.partition(".")[2]
    if not _single_holder(post_type) or h.end is not None \
            or (h.person, post_type) in notes(doc).outgoing:
        return False
    return any(o.person != h.person and o.office == office and o.end is None
               and (o.person, post_type) not in notes(doc).outgoing for o in holdings)


#: Post types a dateline article's own country fills when its text names no other country for them:
#: the national posts and a spokesperson (of its presidency, government or ministry).
DATELINE_POSTS = NATIONAL_POSTS | {"spokesperson"}
NATIONAL_FORCES = ("gendarmerie nationale",)  # a command that is always a state's own, never a coalition's


def _dateline_post(doc: Doc, h: Holding) -> bool:
    """A post the dateline's (or section's, or home) state may own when the text names none: a national
    post, a spokesperson, or the command of a national force ("commandant supérieur de la gendarmerie
    nationale")."""
    post_type = h.office.partition(".")[2]
    if post_type in DATELINE_POSTS:
        return True
    return post_type == "military_commander" and any(
        w in fold(doc.text[e.start:e.end]) for e in h.evidence for w in NATIONAL_FORCES)


def _from_dateline_country(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """In an article datelined in a country ("BUENOS AIRES - …") where every post placed so far is
    that country's, a national post or a spokesperson named without a country ("Le ministre de la
    Défense, X, …") is that country's too, though the article mentions other countries (a vote at the
    UN, an embargo); with no post placed yet, only when the article names no other state.  Never for
    a person the gazetteer knows elsewhere.  A headline's kicker ("Sénégal : …") counts as a dateline."""
    if not any(h.office.startswith(UNKNOWN + ".") for h in holdings):
        return holdings
    country = _dateline_country(doc, title_case=True)
    # an organisation's post ("l'envoyé spécial de l'ONU") competes with no state's
    governing = {h.office.split(".")[0] for h in holdings if _is_state(h.office.split(".")[0])}
    if country is None:
        return holdings
    alone = not governing and _names_no_other_state(doc, country)
    # "NIAMEY – Le ministre de la Défense, X, a reçu l'ambassadeur de Chine au Niger": states placed only by
    # their envoys are guests of the dateline's state, whose posts the unplaced ones are
    guests = bool(governing) and all(h.office.partition(".")[2].split(".")[0] in GUEST_POSTS for h in holdings
                                     if _is_state(h.office.split(".")[0]) and h.office.split(".")[0] != country)
    out = []
    for h in holdings:
        post_type = h.office.partition(".")[2]
        fits = (governing == {country} or _presidency_spokesperson(doc, h, country, holdings)
                or _before_other_states(doc, h, country)
                if country in governing else _other_side_of(h, country, holdings) or alone or guests
                or _before_other_states(doc, h, country) or _speaks_for_dateline(doc, h, country))
        if h.office.startswith(UNKNOWN + ".") and _dateline_post(doc, h) and fits \
                and not _elsewhere(known, h.person, post_type, country):
            h = replace(h, office=_place(post_type, country))
        out.append(h)
    return _dedupe(out)


GUEST_POSTS = frozenset(("ambassador", "special_envoy"))  # a state's posts held as a guest of another state

DOMINANT_MIN = 3  # places in the text that name the article's own state before it counts as the home one
DOMINANT_RATIO = 2  # ... and how many times more often than any other state


def _state_mentions(doc: Doc) -> dict[str, int]:
    """How many places in the text name each state (its name, demonym, capital or a place in it);
    a word matched as both a place and a metonym counts once, a counterpart's demonym not at all."""
    lexicon = load_lexicon()
    seen: dict[str, set[int]] = {}
    for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING", "PLACE"):
        found = lexicon.actors.get(s.kb_id_)
        if found is not None and found.kind == "country" and not _counterpart_demonym(s):
            seen.setdefault(s.kb_id_, set()).add(s.start)
    return {c: len(at) for c, at in seen.items()}


def _from_dominant_state(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """A national outlet speaks of its own state without naming it by each post ("Le Conseil
    présidentiel a installé le nouveau Premier ministre, X" in a Haitian paper that writes "Haïti" only
    in "l'ambassadeur d'Haïti", "les Forces armées d'Haïti", "la diplomatie haïtienne"): with no
    dateline, where every post placed so far is one state's and the text names that
    state at least three times and twice as often as any other, a national post still without a
    country is that state's.  Never for a person the gazetteer knows elsewhere, nor for a one-holder
    post another person holds there now."""
    if not any(h.office.startswith(UNKNOWN + ".") for h in holdings) or _dateline_country(doc) is not None:
        return holdings
    governing = {h.office.split(".")[0] for h in holdings if not _as_counterpart(h)
                 and _is_state(h.office.split(".")[0])}  # an organisation's envoy or secretary competes with none
    if len(governing) != 1:
        return holdings
    country = next(iter(governing))
    counts = _state_mentions(doc)
    mine = counts.pop(country, 0)
    if mine < DOMINANT_MIN or mine < DOMINANT_RATIO * max(counts.values(), default=0):
        return holdings
    out = []
    for h in holdings:
        post_type = h.office.partition(".")[2]
        if h.office.startswith(UNKNOWN + ".") and _dateline_post(doc, h) \
                and not _elsewhere(known, h.person, post_type, country) \
                and not _held_by_another(doc, h, _place(post_type, country), holdings):
            h = replace(h, office=_place(post_type, country))
        out.append(h)
    return _dedupe(out)


def _from_home_posts(doc: Doc, holdings: list[Holding], known: dict[str, str]) -> list[Holding]:
    """An article speaks of its own state's office holders without naming the state ("Le président
    de la République, X, … Le chef d'état-major général des armées, le général Y, …") and qualifies
    the foreign ones ("son homologue italien", "le président français").  Where every post the text
    names without a country and whose holder is placed (by the gazetteer, a dateline, a post only
    one state has) is one state's, and two people hold such posts or one who is the article's first
    person, a national post still without a country is that state's too, though the article names
    other states.  Two states among those posts (a piece on "le président Trump" and "le président
    Poutine"), one holder named late (a foreign leader named bare in a Seoul dispatch) or a dateline of
    another state place nobody, and no
    guess places a person the gazetteer knows elsewhere or a one-holder post another holds there."""
    if not any(h.office.startswith(UNKNOWN + ".") for h in holdings):
        return holdings
    placed = {(h.person, h.office.partition(".")[2]): h.office.partition(".")[0] for h in holdings}
    holders: dict[str, set[str]] = {}  # state -> the people holding a post of it named without a country
    for a in notes(doc).attachments:
        if a.post is not None and not a.post.countries and a.post.post_type in NATIONAL_POSTS \
                and a.counterpart_of is None and a.predecessor_of is None:
            holders.setdefault(placed.get((a.person.key, a.post.post_type), UNKNOWN), set()).add(a.person.key)
    holders.pop(UNKNOWN, None)
    if len(holders) != 1:
        return holdings
    home, people = holders.popitem()
    first = min(doc._.people or [], key=lambda m: m.span.start, default=None)
    lead = len(people) > 1 or (first is not None and first.key in people) \
        or _dateline_country(doc, title_case=True) == home  # the dateline's state confirms the one home
    if not lead or not _is_state(home) or _dateline_country(doc) not in (None, home):
        return holdings  # one such holder, later, may be a foreign leader named bare ("la Première ministre X")
    out = []
    for h in holdings:
        post_type = h.office.partition(".")[2]
        if h.office.startswith(UNKNOWN + ".") and post_type in NATIONAL_POSTS \
                and not _elsewhere(known, h.person, post_type, home) \
                and not _held_by_another(doc, h, _place(post_type, home), holdings):
            h = replace(h, office=_place(post_type, home))
        out.append(h)
    return _dedupe(out)


def _before_other_states(doc: Doc, h: Holding, country: str) -> bool:
    """"ALGER - Le général X, chef d'état-major de l'Armée nationale populaire, … À Rabat, le ministre
    marocain …": a post named without a country, in a sentence ending before the article names any
    state but its dateline's, is the dateline's, as a wire lead speaks of its dateline's state first;
    another state named later (a reaction abroad) changes nothing before it."""
    if not h.evidence:
        return False
    token = next((t for t in doc if t.idx >= h.evidence[0].start), None)
    if token is None:
        return False
    at = token.sent.end_char  # the post's own sentence names no other state either ("X, prince héritier de Dubaï")
    lexicon = load_lexicon()
    named = {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING", "PLACE")
             if s.start_char < at}
    named |= {c for p in find_posts(doc) if p.span.start_char < at for c in p.countries}
    return all(c == country or (c in lexicon.actors and lexicon.actors[c].kind != "country") for c in named)


def _speaks_for_dateline(doc: Doc, h: Holding, country: str) -> bool:
    """"PÉKIN — « La Chine s'oppose … », a déclaré le porte-parole X, interrogé sur les propos du ministre
    japonais …": a spokesperson named without a country, whose own sentence names the dateline's state
    before the post and no other state until the post; the states named after it are whom the words answer."""
    if h.office.partition(".")[2] != "spokesperson" or not h.evidence:
        return False
    token = next((t for t in doc if t.idx >= h.evidence[0].start), None)
    if token is None:
        return False
    sent, at = token.sent, h.evidence[0].start
    lexicon = load_lexicon()
    named = [s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING", "PLACE")
             if sent.start_char <= s.start_char < at]
    named += [c for p in find_posts(doc) if sent.start_char <= p.span.start_char < at for c in p.countries]
    return country in named and all(
        c == country or (c in lexicon.actors and lexicon.actors[c].kind != "country") for c in named)


def _names_no_other_state(doc: Doc, country: str) -> bool:
    """The article names no state but its dateline's ("LIMA - X a été nommé ministre de la Défense …"
    under "Pérou : …"): with no post placed yet, nothing else could own its national posts."""
    lexicon = load_lexicon()
    named = {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "METONYM", "DEMONYM", "COMBINING", "PLACE")}
    named |= {c for p in find_posts(doc) for c in p.countries}
    return all(c == country or (c in lexicon.actors and lexicon.actors[c].kind != "country") for c in named)


def _single_holder(post_type: str) -> bool:
    """Whether a post type has one holder at a time; a sub-type ("spokesperson.kremlin", the office part
    of a placed-later office) is its type's."""
    types = load_lexicon().post_types
    found = types.get(post_type) or types.get(post_type.split(".")[0])
    return found is not None and found.single_holder


def _other_side_of(h: Holding, country: str, holdings: list[Holding]) -> bool:
    """"RIYAD, … -- Le prince X, ministre de la Défense, a reçu un appel du ministre turc de la
    Défense, Y": a one-holder post with no country, in an article datelined in a country where no post
    is placed yet, while every country that is placed already has its own holder of that post: it is
    none of theirs, and the dateline is where the article speaks from."""
    post_type = h.office.partition(".")[2]
    if not _single_holder(post_type):
        return False
    placed = {o.office.split(".")[0] for o in holdings if o.person != h.person} - {UNKNOWN}
    held = {o.office.split(".")[0] for o in holdings if o.person != h.person and o.office.endswith("." + post_type)}
    return bool(placed) and country not in placed and placed <= held


def _presidency_spokesperson(doc: Doc, h: Holding, country: str, holdings: list[Holding]) -> bool:
    """"le porte-parole de la présidence, X" in an article datelined where its president is named (a
    call between two presidents reported from Pretoria): the spokesperson of the dateline's presidency,
    though the other country is named too."""
    if not h.office.endswith(".spokesperson") or not h.evidence:
        return False
    text = fold(doc.text[h.evidence[0].start:h.evidence[0].end]).replace(",", " ")
    lexicon = load_lexicon()
    president = any(lexicon.office(o.office).type == "head_of_state" and o.office.startswith(country + ".")
                    for o in holdings)
    return president and any(w in text.split() for w in title_cues("presidency_words_fr"))


def _dateline_country(doc: Doc, title_case: bool = False) -> str | None:
    """The country of the article's dateline: a place in capitals opening one of its first lines and
    followed by a dash or a comma ("BUENOS AIRES - ", "PRETORIA, 3 mars"); with ``title_case``, also a
    place in title case before a dash ("Yaoundé – ", as African outlets write it)."""
    span = _dateline_span(doc, title_case)
    if span is not None:
        return span.kb_id_ if _is_state(span.kb_id_) else None
    return _wire_place_country(doc) or _kicker_country(doc)


def _dateline_span(doc: Doc, title_case: bool = False) -> Span | None:
    """The place of a dateline opening one of the article's first lines ("LE CAIRE - "); a city that
    bears its state's name ("MEXICO - ", "KOWEÏT - ") is matched as that state."""
    for span in sorted(lex_spans(doc, "PLACE", "METONYM", "COUNTRY"), key=lambda s: s.start):  # a capital is a metonym
        if span.start > 60:
            break
        opens_line = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ or "\n" in doc[span.start - 1].text
        after = doc[span.end].text if span.end < len(doc) else ""
        if opens_line and span.text.isupper() and after == "(":  # "N'DJAMENA (Tchad) - ": its state after it
            close = next((t.i for t in doc[span.end:span.end + 6] if t.text == ")"), None)
            if close is not None and close + 1 < len(doc) and doc[close + 1].text in ("-", "–", "—", ","):
                return next((s for s in lex_spans(doc, "COUNTRY") if span.end < s.start < close), span)
        if opens_line and span.text.isupper() and after in ("-", "–", "—", ",", ":"):
            return span
        dashes = ("–", "—", "-") if doc[span.end - 1].whitespace_ else ("–", "—")
        if title_case and opens_line and span.text[:1].isupper() and after in dashes:
            return span  # "Yaoundé – Le ministre …": an African outlet's dateline in title case, before a dash
    return None


def _from_section_place(doc: Doc, holdings: list[Holding], known: dict[str, str], *,
                        opened_only: bool = False) -> list[Holding]:
    """A round-up from several capitals ("MEXICO - Le secrétaire à la Défense nationale, X, … A Bogota,
    le ministre de la Défense Y …"): a national post or a spokesperson named without a country is
    the country of its section, the one a sentence opening with "A <ville>," starts, or before any
    such sentence the dateline's, within the dateline's paragraph.  Not when the gazetteer knows the
    holder elsewhere, nor when someone else holds that one-holder post there."""
    out = []
    states = {h.office.partition(".")[0] for h in holdings} - {UNKNOWN}
    round_up = any(_section_opener(doc, sent, sides=False) for sent in doc.sents) \
        if doc.has_annotation("SENT_START") else False  # "Côté burkinabè," is one side of a meeting, no round-up
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        where = _section_country(doc, h.evidence[0].start, round_up, opened_only) \
            if country == UNKNOWN and h.evidence and _dateline_post(doc, h) else None
        if where and not round_up and states - {where}:
            where = None  # a dateline alone, with another state's official in the article: a guess
        stated = where is not None and where == _section_country(doc, h.evidence[0].start, round_up, True)
        if where and (not _elsewhere(known, h.person, post_type, where)
                      or stated and post_type not in TOP_POSTS and known.get(h.person) not in _named_states(doc)) \
                and not _held_by_another(doc, h, _place(post_type, where), holdings):
            h = replace(h, office=_place(post_type, where))  # "In neighbouring Colombia, Defense Minister X":
        out.append(h)  # the section's state beats a namesake the gazetteer knows in a state the text never names
    return _dedupe(out)


def _named_states(doc: Doc) -> set[str]:
    """The states the text names (a name, demonym, capital or place of theirs)."""
    return {s.kb_id_ for s in lex_spans(doc, "COUNTRY", "DEMONYM", "METONYM", "COMBINING", "PLACE")}


def _section_country(doc: Doc, char: int, round_up: bool = False, opened_only: bool = False) -> str | None:
    """The country of the section holding character ``char``: the last sentence of its paragraph, up to
    it, that opens with "A <lieu>," names it; else the dateline, when the paragraph is the dateline's, or
    in a round-up (``round_up``: sections opened by "A <lieu>,") when no section opens between the
    dateline and ``char`` (the dateline's section runs on over its next paragraphs)."""
    if not doc.has_annotation("SENT_START"):
        return None
    line = doc.text.rfind("\n", 0, char) + 1
    found = None
    opened = False
    for sent in doc.sents:
        if sent.start_char > char:
            break
        opener = _section_opener(doc, sent)
        opened = opened or opener is not None
        if sent.end_char > line:
            found = opener or found
    if found is not None or opened_only:  # ``opened_only``: a section an opener starts, not the dateline's
        return found
    dateline = _dateline_span(doc)
    if dateline is None or not (line <= dateline.start_char < char or round_up and not opened
                                and dateline.start_char < char):
        return None
    return dateline.kb_id_ if _is_state(dateline.kb_id_) else None


NEIGHBOUR_WORDS = frozenset(("neighbouring", "neighboring", "nearby", "voisin", "voisine"))


def _section_opener(doc: Doc, sent: Span, *, sides: bool = True) -> str | None:
    """The state of a place that opens the sentence as "A Bogota," / "À Téhéran," / "In Doha," / "Au Niger,", or
    of a demonym after "Côté" ("Côté burkinabè,"), or a round-up's heading: a state's name opening a line
    of the body before a full stop, a colon or a dash ("SERBIE. Le président …", "Moldova: President …",
    "Namibie – La présidente …"; :func:`_heading_state`)."""
    heading = _heading_state(doc, sent)
    if heading is not None:
        return heading
    if len(sent) < 3 or fold(sent[0].text) not in ("a", "in", "au", "en", "aux") + (("cote",) if sides else ()):
        return None
    labels = ("DEMONYM",) if fold(sent[0].text) == "cote" else ("PLACE", "METONYM", "COUNTRY")
    at = sent.start + 1 + (fold(sent[1].text) in NEIGHBOUR_WORDS)  # "In neighbouring Colombia,"
    place = next(iter(lex_within(doc, at, at + 1, *labels)), None)
    if place is None or place.end >= sent.end or doc[place.end].text != ",":
        return None
    return place.kb_id_ if _is_state(place.kb_id_) else None


HEADING_MARKS = frozenset((".", ":", "–", "—", "-"))


def _heading_state(doc: Doc, sent: Span) -> str | None:
    """The state a round-up's section heading names: a country's name (not a city's) opening a line that is
    not the article's first, right before a full stop, a colon or a dash, with the section's text after it
    on the same line ("CROATIE. Le ministre …", "Romania: Defence Minister …", "Zambie – Le chef de l'Etat
    …").  A dateline names the article's place, not a section: the first line and a dateline are left to
    :func:`_dateline_span`."""
    start = sent.start_char
    if start == 0 or doc.text[start - 1] != "\n" or not doc.text[:start].strip():
        return None
    spans = lex_within(doc, sent.start, min(sent.end, sent.start + 6), "COUNTRY")
    country = next((s for s in spans if s.start == sent.start), None)
    if country is None or country.end >= len(doc) or doc[country.end].text not in HEADING_MARKS:
        return None
    mark = doc[country.end].idx
    line_end = doc.text.find("\n", mark)
    rest = doc.text[mark + 1:line_end if line_end >= 0 else len(doc.text)]
    if len(rest.split()) < 3:
        return None  # a heading on a line of its own, or a list's item: no section text after it
    dateline = _dateline_span(doc)
    if dateline is not None and dateline.start == country.start:
        return None
    return country.kb_id_ if _is_state(country.kb_id_) else None


KICKER_REACH = 8  # tokens of a headline that may hold its kicker and its colon


def _kicker_country(doc: Doc) -> str | None:
    """The state a headline's kicker names ("Sénégal : le chef de l'État préside …", "Côte d'Ivoire :
    …"): the headline opens with that state's name and a colon right after it.  The press files such a
    piece under that country as it does under a dateline; a kicker of two states ("Égypte-Éthiopie :")
    or of a region ("Sahel :") names none."""
    first = doc[0:min(len(doc), KICKER_REACH)]
    colon = next((t.i for t in first if t.text == ":"), None)
    if colon is None or "\n" in first[:colon - first.start].text:
        return None
    spans = lex_within(doc, 0, colon, "COUNTRY")
    if len(spans) != 1 or spans[0].start != 0 or spans[0].end != colon:
        return None
    return spans[0].kb_id_ if _is_state(spans[0].kb_id_) else None


def _wire_place_country(doc: Doc) -> str | None:
    """The country of a wire dateline's place, taken out of the prose when the article was read
    ("RIYAD, 15 janvier 2025 (SPA) --"): only a place the lexicon knows, in capitals as datelines are."""
    place = doc._.dateline_place
    if not place or not place.isupper():
        return None
    found = {s.kb_id_ for s in match_text(place) if s.label_ in ("PLACE", "METONYM") and s.text == place}
    country = found.pop() if len(found) == 1 else None
    return country if country and _is_state(country) else None

