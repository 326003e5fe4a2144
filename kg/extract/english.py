"""English articles: calls, their dates and counterparts' posts, read from the surface.

kg's model is French.  On English text its tokenizer, its person entities and kg's gazetteer and
lexicon (English post wordings in ``offices.json``, English demonyms in ``countries.json``) still
work, so people and most posts come from the shared components; but the call rules read French
cues over a French parse, and find nothing true in English.  An article whose manifest says
``lang: en`` has its calls read here instead, sentence by sentence, with the cues of
``english.json`` and no parse:

* a sentence tells a call when it holds a call phrase ("spoke by phone", "held a video
  teleconference", "in a call") or a calling verb right before a party ("Mr Healey called X"),
  and no plan or denial before it ("expected to speak", "no such contact");
* the people named before the cue are one side, those after it the other: one caller and several
  people after the cue are that many calls ("with A and then with B"), unless a conference word
  makes them one; speakers of a reporting clause (", the spokesman said") are no party, and a
  pronoun subject is the person named first in the sentence before;
* "his Japanese counterpart, X" gives X the speaker's post in Japan, and stands for that post's
  holder when no name follows (the one person the article gives that post, if there is one);
  "his Japanese and Australian counterparts, A and B" are taken in order;
* people whom the callers serve ("aides to X and Y", "Trump's envoy") are no parties, and a
  calling verb that names ("called Putin a war criminal") tells no call;
* "X called Y", "Y received a call from X", "at the request of X" and "at the Japanese side's
  request" name the initiator;
* dates count from the publication day: a weekday is the last such day up to it ("last Friday" on a
  Friday the one a week before), "yesterday" the day before, "March 3" the last March 3 up to a week
  after it, "earlier this month" that month; the dateline's own date is the publication's, not the
  call's.

Posts English writes beside a name (:func:`posts`) complete the shared post rules: a rank between
post and name, an apposition on either side, a possessive country, two posts joined by "and",
"A succeeded B as <post>"; a post announced for someone ("nominee for") gives none.

Calls of one article with the same people and compatible dates are one call (a readout's heading
and its body), as in French.  Prefer a miss to a guess: a sentence with no second party gives no
call.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from kg.extract.coref import person_for
from kg.extract.dates import lead_month
from kg.extract.gazetteer import load_gazetteer
from kg.extract.lexicon import load_file, load_lexicon, title_cues
from kg.extract.lexmatch import lex_spans, lex_within
from kg.extract.model import CallFact, DateValue, Holding, Party
from kg.extract.names import fold, split_name
from kg.extract.offices import acting_bare_heads, bracketed_holders, counterpart_type, known_countries, notes
from kg.extract.people import misspelt_role_word, name_text
from kg.extract.spanindex import people_within
from kg.extract.spans import evidence, lead_sentence, phrase_pattern

#: A wire dateline at the head of an article ("WASHINGTON, March 12 (KGN) - "): its date is the
#: dispatch's, never an event's.
DATELINE = re.compile(r"^[A-Z][A-Z/ .'-]+(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]*\))?\s*[-\u2013\u2014]\s")


@cache
def cues() -> dict[str, Any]:
    """The cue lists of ``english.json``."""
    return load_file("english")


def _pattern(key: str) -> re.Pattern[str]:
    """The whole-word regex of one cue list of ``english.json``."""
    return phrase_pattern(tuple(cues()[key]))


# ------------------------------------------------------------------ dates


@cache
def _date_re() -> re.Pattern[str]:
    c = cues()
    months = "|".join(sorted(c["months"], key=len, reverse=True))
    days = "|".join(c["weekdays"])
    relative = "|".join(re.escape(k) for k in sorted(c["days_before"], key=len, reverse=True))
    monthly = "|".join(re.escape(k) for k in sorted(c["months_before"], key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
        rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{months})\.?(?:\s+(?P<year2>\d{{4}}))?"
        rf"|(?:(?P<lastwd>last)\s+)?(?P<weekday>{days})|(?P<relative>{relative})|(?P<ago>\d+|a|one|two|three|four|five|six|seven)\s+days?\s+ago"
        rf"|(?P<lastweek>last week)|(?P<thisweek>(?:earlier )?this week)|(?P<monthly>{monthly})"
        rf"|(?P<bound>since|after|before|until|by)?\s*(?:in\s+)?(?:(?:late|early|mid-?)\s*)(?P<season>(?:19|20)\d{{2}})(?![\d-])"
        rf"|(?P<bound2>since|after|before|until|by|in)\s+(?:(?P<inmonth>{months})\s+)?(?P<yearonly>(?:19|20)\d{{2}})(?![\d-])"
        rf"|in\s+(?P<monthonly>{months})(?!\.?\s+\d))\b")


#: Lexicon spans that may stand between a calling verb and the name it governs.
STYLING = ("DEMONYM", "POST", "OFFICE", "OFFICE_WEAK", "TITLE", "COUNTRY")
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


COARSE_GROUPS = ("season", "yearonly", "monthonly")


def english_dates(text: str, ref: date | None, *, coarse: bool = False) -> list[tuple[int, DateValue]]:
    """The dates of ``text`` (folded), each with its character offset, counted from ``ref``; a month or
    a year alone ("in October", "in late 2023") only with ``coarse`` (see :func:`_dates`)."""
    out = []
    for m in _date_re().finditer(text):
        if not coarse and any(m[g] for g in COARSE_GROUPS):
            continue
        value = _date_value(m, ref)
        if value is not None:
            out.append((m.start(), value))
    return out


PAGE_DATE_WINDOW = 300  # characters at the head and at the tail of a page where its date line may stand
#: What a page's date line may hold besides the date: publication and update words, a weekday, the
#: clock time and its zone, a byline ("By Jane Doe |"), separators.
PAGE_DATE_FILLER = re.compile(
    r"\b(?:published|updated|posted|last|modified|first|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|et|ist|bst|cet|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\d{1,2}[:.]\d{2}\s*(?:am|pm)?|\bby\s+[^|,\n]{2,40}[|,]|"
    r"[|,:;\-\u2013\u2014.()\s]")


def page_date(text: str) -> date | None:
    """The day a page states as its own on a line of its head or tail that holds nothing else
    ("Published March 14, 2026 10:05am", "Updated: 14 Mar 2026", "By Jane Doe | March 14, 2026"),
    or None; the first such line wins."""
    head, tail = text[:PAGE_DATE_WINDOW], text[-PAGE_DATE_WINDOW:] if len(text) > 2 * PAGE_DATE_WINDOW else ""
    for line in (head + "\n" + tail).splitlines():
        folded = fold(line)
        for at, value in english_dates(folded, None):
            if value.precision != "day" or value.earliest is None:
                continue
            rest = folded[:at] + folded[at + len(value.text):]
            if not PAGE_DATE_FILLER.sub("", rest):
                return value.earliest
    return None


def _date_value(m: re.Match[str], ref: date | None) -> DateValue | None:
    c = cues()
    g = m.groupdict()
    if g["season"] or g["yearonly"]:  # "in late 2023", "in March 2024", "in 2019"; not a bound ("since 2022")
        if g["bound"] or (g["bound2"] or "in") != "in":
            return None
        number = int(g["season"] or g["yearonly"])
        if g["inmonth"]:
            first = date(number, c["months"][g["inmonth"]], 1)
            return DateValue(first.isoformat()[:7], "month", first, _month_last(first), m.group(0))
        return DateValue(str(number), "year", date(number, 1, 1), date(number, 12, 31), m.group(0))
    if g["monthonly"]:  # "in October": the last such month on or before the reference day
        if ref is None:
            return None
        named = c["months"][g["monthonly"]]
        first = date(ref.year - (named > ref.month), named, 1)
        return DateValue(first.isoformat()[:7], "month", first, _month_last(first), m.group(0))
    if g["month"] or g["month2"]:
        month, day = c["months"][g["month"] or g["month2"]], int(g["day"] or g["day2"])
        year = g["year"] or g["year2"]
        return _calendar_day(int(year) if year else None, month, day, ref, m.group(0))
    if ref is None:
        return None
    if g["weekday"]:
        back = (ref.weekday() - c["weekdays"].index(g["weekday"])) % 7
        if g["lastwd"] and back == 0:
            back = 7  # "last Friday" in a Friday's article: a week before
        return DateValue.of_day(ref - timedelta(days=back), m.group(0))
    if g["relative"]:
        return DateValue.of_day(ref - timedelta(days=c["days_before"][g["relative"]]), m.group(0))
    if g["thisweek"]:
        monday = ref - timedelta(days=ref.weekday())
        return DateValue(None, None, monday, ref, m.group(0))
    if g["monthly"]:
        return _month_before(ref, c["months_before"][g["monthly"]], m.group(0))
    if g["ago"]:
        n = NUMBERS.get(g["ago"]) or int(g["ago"])
        return DateValue.of_day(ref - timedelta(days=n), m.group(0))
    monday = ref - timedelta(days=ref.weekday() + 7)
    return DateValue(None, None, monday, monday + timedelta(days=6), m.group(0))


def _month_last(first: date) -> date:
    """The last day of the month that ``first`` opens."""
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _month_before(ref: date, back: int, text: str) -> DateValue:
    """"earlier this month" (``back`` 0) is the publication's month up to its day, "last month" (1) the
    month before, at month precision."""
    first = ref.replace(day=1)
    if back:
        last = first - timedelta(days=1)
        first, ref = last.replace(day=1), last
    return DateValue(first.isoformat()[:7], "month", first, ref, text)


def _calendar_day(year: int | None, month: int, day: int, ref: date | None, text: str) -> DateValue | None:
    try:
        if year is not None:
            return DateValue.of_day(date(year, month, day), text)
        if ref is None:
            return None
        found = date(ref.year, month, day)
        if found > ref + timedelta(days=7):  # "Dec. 28" in a January article: last year's
            found = date(ref.year - 1, month, day)
        return DateValue.of_day(found, text)
    except ValueError:
        return None


# ------------------------------------------------------------------ people and posts


def drop_pronouns(doc: Doc) -> None:
    """"He also dismissed reports …": the French model may tag a capitalised English pronoun as a name
    (and "He" is a Chinese surname kg knows).  A one-word person mention that is an English pronoun
    with no title before it ("Mr He" keeps his) is no person of an English article; nor is a country's
    name cut before its possessive "s"."""
    pronouns = frozenset(cues()["pronouns"])
    titled = {t.i for s in lex_spans(doc, "TITLE") for t in s}

    def pronoun(m: Any) -> bool:
        i = m.span.start
        return len(m.span) == 1 and fold(m.span.text) in pronouns and i - 1 not in titled and not (
            i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].i != doc[i - 1].sent.start)

    def country(m: Any) -> bool:  # "New Zealand's foreign minister": the tokenizer leaves "New Zealand'"
        return fold(m.span.text.rstrip("'\u2019")) in _country_names()

    def post_verb(m: Any) -> bool:  # '"Conveyed India's condolences …," X posted': a verb opening a post
        i = m.span.start
        opening = i == m.span.sent.start or (i > 0 and doc[i - 1].text in QUOTES + ("\u201d", "'", "\u2018"))
        return opening and fold(doc[i].text) in cues()["post_opening_verbs"]

    doc._.people = [m for m in doc._.people or [] if not pronoun(m) and not _country_pair(m.span.text)
                    and not country(m) and not post_verb(m)]


def _country_pair(text: str) -> bool:
    """"the Japan-US alliance", "U.S.-Japan talks": a mention made only of country names or demonyms
    joined by hyphens is an adjective of two states, which the model may take for a name."""
    parts = fold(text).split("-")
    return len(parts) > 1 and all(p in _country_words() for p in parts)


@cache
def _country_words() -> frozenset[str]:
    return frozenset(fold(p.text) for p in load_lexicon().phrases if p.label in ("COUNTRY", "DEMONYM"))


@dataclass(frozen=True)
class _Named:
    key: str
    start: int  # token index
    end: int


def _people(doc: Doc, sent: Span) -> list[_Named]:
    return [_Named(m.key, m.span.start, m.span.end) for m in people_within(doc, sent.start, sent.end)]


NAME_REACH = 6  # tokens of the longest country name or demonym ("Democratic Republic of the Congo")


def sentences(doc: Doc) -> list[Span]:
    """The article's sentences, without the cut the model makes after a month written "Sept." ("on
    Sept. 9, 2025, in a call initiated by ..."): a sentence ending in an abbreviated month goes on
    into the next when that one opens with the day."""
    out: list[Span] = []
    for sent in doc.sents:
        if out and (_ends_in_month(out[-1]) and sent[0].text[:1].isdigit()
                    or _ends_in_title(out[-1]) and sent[0].text[:1].isupper() or _mid_word(out[-1])):
            out[-1] = doc[out[-1].start:sent.end]
        else:
            out.append(sent)
    return out


@cache
def _abbreviated_titles() -> frozenset[str]:
    """Titles written with a period ("Ms.", "Gen.", "Lt. Gen.", "H.E."), folded without their last one."""
    titles = load_lexicon().titles
    words = [w for key in ("civil_en", "ranks_en", "honorifics_en") for w in titles.get(key, ())]
    return frozenset(fold(w.split()[-1])[:-1] for w in words if w.endswith("."))


def _mid_word(sent: Span) -> bool:
    """Whether the model cut a sentence inside a word ("… Władysław Kosiniak-" then "Kamysz on Monday"):
    no space after its last token, which is no closing punctuation."""
    return not sent[-1].whitespace_ and sent.end < len(sent.doc) and sent[-1].text[-1:] not in '.!?;:"»”)\n'


def _ends_in_title(sent: Span) -> bool:
    """Whether the model cut a sentence after a title's period ("… held a telephone talk with Ms." then
    "Theresa Lazaro …"): the name that follows belongs to it."""
    last = fold(sent[-1].text)
    word = last[:-1] if last.endswith(".") and len(last) > 1 else fold(sent[-2].text) if len(sent) > 1 else ""
    return last.endswith(".") and word.rstrip(".") in _abbreviated_titles()


def _ends_in_month(sent: Span) -> bool:
    """Whether a sentence ends with a month's abbreviation and its period ("Sept." or "Sept" ".")."""
    last = fold(sent[-1].text)
    word = last[:-1] if last.endswith(".") and len(last) > 1 else fold(sent[-2].text) if len(sent) > 1 else ""
    return last.endswith(".") and word in cues()["months"]


def _country_before(doc: Doc, i: int) -> str | None:
    """The country of a demonym, or of a country's name used as one ("his U.S. counterpart", "NATO
    Secretary General"), ending right before token ``i``."""
    return next((s.kb_id_ for s in lex_within(doc, max(0, i - NAME_REACH), i, "DEMONYM", "COUNTRY") if s.end == i),
                None)


def _post_types(holdings: list[Holding], person: str, counterpart: bool = False) -> list[str]:
    """The types of the person's posts; with ``counterpart``, the types their counterparts hold
    (:attr:`~kg.extract.lexicon.Office.counterpart_type`: Iran's president's counterpart is a president)."""
    offices = load_lexicon().offices
    return [offices[h.office].counterpart_type if counterpart else offices[h.office].type
            for h in holdings if h.person == person and h.office in offices] + \
        [h.office.partition(".")[2] for h in holdings if h.person == person and h.office not in offices]


def _counterparts(doc: Doc, sent: Span, caller: str | None, holdings: list[Holding],
                  named: list[_Named]) -> tuple[list[Holding], list[str]]:
    """"his Japanese counterpart, X" (or "his colleague from the USA X"): X holds the caller's post in
    Japan (new holdings); with no name after it, that office stands for its holder (office ids).  X
    may begin a word or two later, when the model left a capitalised given name out of it."""
    lexicon = load_lexicon()
    types = _post_types(holdings, caller, counterpart=True) if caller else []
    new, offices = [], []
    for tok in sent:
        if fold(tok.text) not in cues()["counterpart_words"] or not types:
            continue
        found = _counterpart_country(doc, tok)
        if found is None:
            continue
        country, end = found
        chosen = counterpart_type(types)  # of a deputy prime minister and defence minister: the defence minister
        if chosen is None:
            continue
        office = lexicon.office_for(chosen, country).id
        after = _past_titles(doc, end + (end < len(doc) and doc[end].text == ","),
                             frozenset(n.start for n in named))  # "his U.S. counterpart Gen. X"
        holder = next((n for n in named if after <= n.start <= after + 2
                       and all(t.text[:1].isupper() and t.is_alpha for t in doc[after:n.start])), None)
        if holder is None:
            offices.append(office)
        elif not any(h.person == holder.key and h.office == office for h in holdings):
            new.append(Holding(holder.key, office, (evidence(doc[tok.i - 2: holder.end], "en-counterpart"),)))
    return new, offices


def _counterpart_country(doc: Doc, tok: Any) -> tuple[str, int] | None:
    """The country of a counterpart word after a possessive, and where the phrase ends: "his
    <Demonym> counterpart", or "his counterpart / colleague from (the) <Country>"."""
    if tok.i < 1:
        return None
    named = next((s for s in lex_within(doc, max(0, tok.i - NAME_REACH), tok.i, "DEMONYM", "COUNTRY")
                  if s.end == tok.i and s.start >= 1), None)  # "his South Korean counterpart"
    if named is not None and fold(doc[named.start - 1].text) in cues()["possessives"]:
        return named.kb_id_, tok.i + 1
    if fold(doc[tok.i - 1].text) not in cues()["possessives"] or tok.i + 2 >= len(doc) \
            or fold(doc[tok.i + 1].text) != "from":
        return None
    start = tok.i + 2 + (fold(doc[tok.i + 2].text) == "the")
    place = next(iter(lex_within(doc, start, start + 1, "COUNTRY")), None)
    return (place.kb_id_, place.end) if place is not None else None


def counterpart_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"A met his Chinese counterpart Dong Jun": a counterpart named in any sentence, call or not,
    holds the post of the person named last before the phrase, in the demonym's country."""
    out = list(holdings)
    words = cues()["counterpart_words"]
    for sent in sentences(doc):
        at = next((t.i for t in sent if fold(t.text) in words), None)
        if at is None:
            continue
        named = _people(doc, sent)
        speaker = next((n.key for n in reversed(named) if n.end <= at - 2), None) \
            or _fronted_speaker(doc, sent, at, named) or _their_owner(doc, sent, at, out)
        if speaker is not None:
            out += _counterparts(doc, sent, speaker, out, named)[0] + _respective(doc, at, speaker, out, named)
    return out


def _respective(doc: Doc, at: int, speaker: str, holdings: list[Holding], named: list[_Named]) -> list[Holding]:
    """"his Japanese and Australian counterparts, Shinjiro Koizumi and Richard Marles": two demonyms
    joined by "and" before the plural, and two names joined by "and" after it, taken in order."""
    types = _post_types(holdings, speaker, counterpart=True)
    second = next((s for s in lex_within(doc, max(0, at - NAME_REACH), at, "DEMONYM") if s.end == at), None)
    if not types or second is None or second.start < 3 or fold(doc[second.start - 1].text) != "and":
        return []
    first = next((s for s in lex_within(doc, max(0, second.start - 1 - NAME_REACH), second.start - 1, "DEMONYM")
                  if s.end == second.start - 1), None)
    if first is None or fold(doc[first.start - 1].text) not in cues()["possessives"]:
        return []
    start = at + 1 + (at + 1 < len(doc) and doc[at + 1].text == ",")
    one = next((n for n in named if n.start == start), None)
    two = next((n for n in named if one is not None and n.start == one.end + 1 and fold(doc[one.end].text) == "and"),
               None)
    if one is None or two is None:
        return []
    lexicon = load_lexicon()
    return [Holding(n.key, lexicon.office_for(types[0], place.kb_id_).id,
                    (evidence(doc[first.start - 1: two.end], "en-respective-counterparts"),))
            for n, place in ((one, first), (two, second))]


def _their_owner(doc: Doc, sent: Span, at: int, holdings: list[Holding]) -> str | None:
    """"Defence ministers X of Sweden, Y of Finland and Z of Norway agreed … Their Danish colleague, W, …":
    "their" before the counterpart word stands for the people the sentence before names, when there are
    several and they all hold the same posts; one of them, whose post the counterpart holds."""
    if fold(doc[max(sent.start, at - 2):at].text).split()[:1] != ["their"] or sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    owners = _people(doc, prev)
    kinds = {frozenset(_post_types(holdings, n.key, counterpart=True)) for n in owners}
    return owners[0].key if len(owners) >= 2 and len(kinds) == 1 and next(iter(kinds)) else None


def _fronted_speaker(doc: Doc, sent: Span, at: int, named: list[_Named]) -> str | None:
    """"In a call with his Chinese counterpart Wang Yi on Wednesday, Russian Foreign Minister Sergei
    Lavrov said": in a phrase fronted by "in" or "during" and naming nobody before it, "his" is the
    subject after the comma that closes the phrase, the first person named after the counterpart."""
    line = DATELINE.match(sent.text)  # "MOSCOW, May 8 (Reuters) - In a call with ..."
    first = next((t for t in sent if t.idx - sent.start_char >= (line.end() if line else 0) and not t.is_punct), None)
    if first is None or fold(first.text) not in cues()["frame_words"] and not _participle_opening(doc, first, at):
        return None
    comma = next((t.i for t in doc[at:sent.end] if t.text == ","), None)
    return next((n.key for n in named if comma is not None and n.start > comma), None)


def _participle_opening(doc: Doc, first: Any, at: int) -> bool:
    """"Speaking by phone with his French counterpart X, German Foreign Minister Y said": a clause opening on
    a present participle (maybe after "after" / "while"), naming nobody before the counterpart word, whose
    "his" is the subject told after it."""
    i = first.i + (fold(first.text) in ("after", "while", "when", "before"))
    word = doc[i] if i < at else None
    return word is not None and word.text.lower().endswith("ing") and word.is_alpha and len(word.text) > 5 \
        and word.text[:1].isupper() == (i == first.i)


# ------------------------------------------------------------------ calls


@dataclass
class _Call:
    parties: list[str]
    offices: list[str]
    date: DateValue | None
    initiator: str | None
    sentences: list[Span]
    video: bool


def find_calls(doc: Doc, holdings: list[Holding]) -> tuple[list[CallFact], list[Holding]]:
    """The calls of an English article, and its holdings completed with the counterparts' posts."""
    found: list[_Call] = []
    holdings = list(holdings)
    previous_subject: str | None = None
    talk = _article_tells_call(doc) or any(_calling(doc, s, t, named) for s in sentences(doc)
                                           for named in [_people(doc, s)] for t in s)  # once per sentence
    for sent in sentences(doc):
        named = [n for n in _people(doc, sent)
                 if not _reporting(doc, sent, n) and not _proxied(doc, sent, n) and not _owner_only(doc, n)]
        named = sorted(named + _quoted_self(doc, sent) + _owner_reported(doc, sent), key=lambda n: n.start)
        calls, more = _calls_in(doc, sent, named, holdings, previous_subject, found, talk)
        holdings += more
        if not calls and not named and talk:
            calls = _pair_spoke(doc, sent, found)
        if talk:
            calls += _pair_last_spoke(doc, sent, named, calls)
        if found and not calls and not named:
            _told_again(doc, sent, found[-1], holdings)
        _same_day(doc, sent, calls, found)
        _days_before_told(doc, sent, calls, found)
        found, named_posts = _merge(found, calls)
        holdings += named_posts
        if found:
            _cleft_initiator(doc, sent, found[-1])
        if named:
            previous_subject = named[0].key
    for call in found:
        _name_offices(call, holdings)
    _lead_month(doc, found)
    return [fact for c in found if (fact := _fact(c))], holdings


#: Words that put a lead's call before the last days or after them ("had spoken", "will call").
NOT_RECENT = re.compile(r"\b(?:had|previously|earlier|last (?:week|month|year)|ago|will|would|plans? to|expected to)\b")


def _lead_month(doc: Doc, found: list[_Call]) -> None:
    """"The newly appointed defence minister X and his US colleague Y held a telephone conversation for
    the first time" opening a dated report, with no day for it: a call of the last days, so of the
    report's month (:func:`~kg.extract.dates.lead_month`); not one the lead puts earlier or later."""
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    lead = lead_sentence(doc)
    if ref is None or lead is None or NOT_RECENT.search(fold(lead.text)):
        return
    for call in found:
        if call.date is None and call.sentences[0].start == lead.start:
            call.date = lead_month(ref)


QUOTES = ('"', "\u201c")


def _quoted_self(doc: Doc, sent: Span) -> list[_Named]:
    """'"I called Prime Minister Babis to congratulate him," Zelensky wrote': an "I" inside a quote
    that opens the sentence is the one person the sentence names as its source after the quote."""
    opened = sent[0].text in QUOTES or sent.start > 0 and doc[sent.start - 1].text in QUOTES
    close = next((t.i for t in sent[1:] if t.text in (*QUOTES, "\u201d")), None)
    if not opened or close is None or not _pattern("reporting_words").search(fold(doc[close:sent.end].text)):
        return []
    speakers = [n for n in _people(doc, sent) if n.start > close]
    me = next((t.i for t in doc[sent.start: close] if t.text == "I"), None)
    if me is None or len(speakers) != 1:
        return []
    return [_Named(speakers[0].key, me, me + 1)]


#: "X's office said he had spoken with Y": what follows an owner's name when a body speaking for that
#: person reports, and the pronoun that opens what is reported is the owner.
OWNER_REPORT = re.compile(r"'?s (?:[\w-]+ )?(?:office|spokes(?:man|woman|person)|press (?:office|service|secretary)"
                          r"|aides?|team|camp) (?:said|says|announced|confirmed|reported)(?: that)? (?:he|she)")
OWNER_REPORT_WORDS = 7  # "'s press office said that he": the words the pattern spans at most


def _owner_reported(doc: Doc, sent: Span) -> list[_Named]:
    """"Turkish President X's office said he had spoken by telephone with Y": the "he" that opens what a
    body speaking for a person reports is that person, a party (the owner alone is none, see
    :func:`_owner_only`)."""
    out = []
    for n in _people(doc, sent):
        if not _owner_only(doc, n):
            continue
        for end in range(n.end + 3, min(sent.end, n.end + OWNER_REPORT_WORDS) + 1):
            if OWNER_REPORT.fullmatch(fold(doc[n.end:end].text)):
                out.append(_Named(n.key, end - 1, end))
                break
    return out


def _name_offices(call: _Call, holdings: list[Holding]) -> None:
    """"Healey spoke to his Ukrainian counterpart" and, elsewhere in the article, "Ukraine's defence
    minister, Mykhailo Fedorov": a post standing for a party is the one person the article gives that
    post; with none or several (a former holder named too), the post stays, a name is not guessed."""
    for office in list(call.offices):
        holders = {h.person for h in holdings if h.office == office}
        if len(holders) == 1 and not holders <= set(call.parties):
            call.parties.append(holders.pop())
            call.offices.remove(office)


def _proxied(doc: Doc, sent: Span, n: _Named) -> bool:
    """"Aides to Russian President Vladimir Putin and U.S. President Donald Trump held a phone call":
    a person named after a proxy phrase ("aides to", "officials of"), with only names, posts and
    "and" between, is whom the callers serve, not a party."""
    naming = {t.i for s in lex_within(doc, sent.start, n.start, *STYLING) for t in s} | {
        t.i for m in people_within(doc, sent.start, n.start) for t in m.span}
    i = n.start
    while i > sent.start and (i - 1 in naming or fold(doc[i - 1].text) in ("and", ",", "the", ".")):
        i -= 1
    return bool(re.search(_pattern("proxy_words").pattern + r"\s*$", fold(doc[sent.start:i].text)))


#: Sentences that may stand between a dated call and a sequel of the same account ("A was called by B
#: on Tuesday. It was their first conversation since June. A later spoke with C").
SEQUEL_GAP = 2


def _same_day(doc: Doc, sent: Span, calls: list[_Call], found: list[_Call]) -> None:
    """"Earlier the same day, A had also spoken with B": an undated call of a sentence that places it
    on the day of the call told before takes that call's date; so does a sequel ("later", "then")
    told within :data:`SEQUEL_GAP` sentences of it with no date stated between.  With no dated call
    before it, "the same day" is the last day told in the sentences just before ("The cable was cut
    early on Monday … A phoned B the same day")."""
    text = fold(sent.text)
    if (not found or found[-1].date is None) and _pattern("same_day").search(text):
        before = [s for s in sentences(doc) if s.end <= sent.start and s.text.strip()][-SEQUEL_GAP - 1:]
        days = [d for s in before for _, d in _dates(doc, s) if d.precision == "day"]
        for call in calls:
            if call.date is None and days:
                call.date = days[-1]
        return
    if not found or found[-1].date is None:
        return
    if not _pattern("same_day").search(text) and not (
            _pattern("sequel_words").search(text) and _same_account(doc, found[-1].sentences[-1], sent)):
        return
    for call in calls:
        if call.date is None:
            call.date = found[-1].date


#: "a day earlier", "two days before" (and :data:`PREVIOUS_DAY`): counted back from the call told just before.
DAYS_EARLIER = re.compile(r"\b(?P<n>a|one|two|three|four|five|six) days? (?:earlier|before)\b"
                          r"(?!\s+(?:a|an|the|his|her|its|their)\b)")


def _days_before_told(doc: Doc, sent: Span, calls: list[_Call], found: list[_Call]) -> None:
    """"Sharif telephoned X on Monday … Sharif had spoken with Y a day earlier": an undated call of a
    sentence that counts days back with no anchor of its own ("a day earlier", not "a day before the
    summit") is dated from the call told just before, when that one has a day and is told within
    :data:`SEQUEL_GAP` sentences with no date between."""
    text = fold(sent.text)
    m = DAYS_EARLIER.search(text) or PREVIOUS_DAY.search(text)
    if m is None or not found or found[-1].date is None or found[-1].date.precision != "day" \
            or not found[-1].date.earliest or not _same_account(doc, found[-1].sentences[-1], sent):
        return
    back = NUMBERS[m["n"]] if m.re is DAYS_EARLIER else 1
    for call in calls:
        if call.date is None:
            call.date = DateValue.of_day(found[-1].date.earliest - timedelta(days=back), m.group(0))


def _same_account(doc: Doc, told: Span, sent: Span) -> bool:
    """``sent`` follows ``told`` closely, with no date stated in the sentences between."""
    between = [s for s in sentences(doc) if told.end <= s.start and s.end <= sent.start and s.text.strip()]
    return told.start < sent.start and len(between) <= SEQUEL_GAP and not any(_dates(doc, s) for s in between)


def _told_again(doc: Doc, sent: Span, call: _Call, holdings: list[Holding]) -> None:
    """"The call took place on Saturday at the request of the Chinese side": a sentence naming nobody
    whose subject is a call noun ("the call", "the conversation") speaks of the call told last; it
    gives that call a date it lacks (one of the same clause, no "after ..." between) and an initiator."""
    text = fold(sent.text)
    noun = _pattern("call_anaphora").search(text)
    if noun is None and (pair := _pattern("pair_anaphora").search(text)) is not None \
            and _cue(doc, sent, [], True) is not None:
        noun = pair  # "The two leaders spoke by phone on Thursday" after "Trump-Xi call": that call
    if noun is None:
        return
    if call.date is None:
        for at, value in _dates(doc, sent):
            between = text[noun.end(): at - sent.start_char]
            if at - sent.start_char > noun.start() and not _pattern("clause_breaks").search(between):
                call.date = value
                break
    if call.initiator is None:
        cue = next(t.i for t in sent if t.idx - sent.start_char >= noun.start())
        call.initiator = _initiator(doc, sent, cue, [], call.parties, holdings)


#: Words that may stand inside a call's verb group, between its subject (or auxiliary) and the verb: "The two
#: leaders last spoke on Oct. 16", "A and B also talked", "X was later called by Y".
VERB_GROUP_ADVERBS = ("also", "later", "then", "had", "have", "has", "last", "previously", "already", "most",
                      "recently", "first", "briefly", "separately", "again", "finally", "subsequently", "reportedly",
                      "personally")
ADVERB_RUN = rf"(?:\s+(?:{'|'.join(VERB_GROUP_ADVERBS)}))*"


def _pair_spoke(doc: Doc, sent: Span, found: list[_Call]) -> list[_Call]:
    """"Trump said he would speak with Putin soon. The two leaders last spoke on Oct. 16": a sentence
    naming nobody whose subject is a pair noun ("the two leaders") with a talk verb tells a call of
    the two people the sentence before names, when it names exactly two and no call was told there
    (a call told there is the one spoken of again, see :func:`_told_again`), unless the sentence says
    "last" or "previously" with a date the call told there does not have: an earlier call of its pair."""
    text = fold(sent.text)
    verbs = "|".join(map(re.escape, cues()["talk_verbs"]))
    m = re.match(rf"\s*{_pattern('pair_anaphora').pattern}{ADVERB_RUN}\s+(?:{verbs})\b", text)
    if m is None:
        return []
    before = [s for s in sentences(doc) if s.end <= sent.start and s.text.strip()]
    clause = re.split(r"[,;:]", text[m.end():], maxsplit=1)[0]
    if not before or _pattern("in_person").search(text[:m.end()] + clause) or _denied(doc, sent, sent.start + 2):
        return []  # "… last spoke on Oct. 16, a call that preceded a summit": the summit is another event
    prev = before[-1]
    date = next((d for at, d in _dates(doc, sent) if at - sent.start_char >= m.end()), None)
    video = bool(_pattern("video_words").search(text))
    told = [c for c in found if any(prev.start <= s.start < prev.end for s in c.sentences)]
    if told:  # "… held a phone call on Wednesday. The two leaders last spoke on Oct. 3": an earlier call
        earlier = re.search(r"\b(?:last|previously)\b", text[:m.end()]) and date is not None and len(
            told[-1].parties) == 2 and (told[-1].date is None or not told[-1].date.overlaps(date))
        return [_Call(list(told[-1].parties), [], date, None, [sent], video)] if earlier else []
    pair = list(dict.fromkeys(p.key for p in people_within(doc, prev.start, prev.end)))
    if len(pair) != 2:
        return []
    return [_Call(pair, [], date, None, [sent], video)]


def _pair_last_spoke(doc: Doc, sent: Span, named: list[_Named], calls: list[_Call]) -> list[_Call]:
    """"X will speak to Y later on Thursday, after the two leaders last spoke on Nov. 14": a pair noun
    after a comma, with "last" or "previously" and a talk verb and a date of its own, tells an earlier
    call of the two people the sentence names, when it names exactly two and tells no call of them on
    that date already."""
    text = fold(sent.text)
    verbs = "|".join(map(re.escape, cues()["talk_verbs"]))
    m = re.search(rf",[^,;]*?\b{_pattern('pair_anaphora').pattern}\s+(?:\w+\s+)?(?:last|previously)\s+(?:{verbs})\b",
                  text)
    pair = list(dict.fromkeys(n.key for n in named))
    if m is None or len(pair) != 2:
        return []
    date = next((d for at, d in _dates(doc, sent) if at - sent.start_char >= m.end()), None)
    if date is None or any(set(c.parties) == set(pair) and c.date is not None and c.date.overlaps(date) for c in calls):
        return []
    return [_Call(pair, [], date, None, [sent], bool(_pattern("video_words").search(text)))]


#: "It was Marcos who initiated the call": the person named in the cleft placed the call told before.
CLEFT_INITIATOR = re.compile(r"\bit was (.{2,60}?) who (?:initiated|requested|placed|made|asked for|sought) "
                             r"(?:the|this|that) (?:phone |telephone |video )?(?:call|conversation)")


def _cleft_initiator(doc: Doc, sent: Span, call: _Call) -> None:
    """The initiator a later sentence gives the call told last in a cleft ("It was X who initiated the
    call"), when X is one of its parties and it has none yet."""
    m = CLEFT_INITIATOR.search(fold(sent.text))
    if m is None or call.initiator is not None:
        return
    lo, hi = sent.start_char + m.start(1), sent.start_char + m.end(1)
    named = {p.key for p in people_within(doc, sent.start, sent.end)
             if lo <= p.span.start_char and p.span.end_char <= hi}
    if not named:  # a surname the model left alone ("It was Marcos who …"): a party's name or surname
        focus = m.group(1)
        named = {p.key for p in doc._.people or [] if p.key in call.parties
                 and focus in (fold(p.span.text), fold(split_name(name_text(p.span)).surname))}
    if len(named) == 1 and (key := next(iter(named))) in call.parties:
        call.initiator = key


#: A finite verb right after a name: the name is a clause's subject ("said Putin had spoken"), not an
#: inverted source ("…, said Dmitry Peskov").
CLAUSE_VERB = re.compile(r"(?:had|has|have|was|were|is|would|will|did|spoke|talked|called|phoned|held|"
                         r"discussed|agreed|dialed|dialled|telephoned)$")


def _reporting(doc: Doc, sent: Span, n: _Named) -> bool:
    """A person named as the source of the sentence (", the spokesman Sean Parnell said", "according
    to X"), not as a party; the one someone "told" is an addressee, who may be the other party ("A
    told B in a phone call")."""
    before = fold(doc[max(sent.start, n.start - 3): n.start].text)
    after = fold(doc[n.end: min(sent.end, n.end + 2)].text)
    completive = n.end < sent.end and CLAUSE_VERB.match(fold(doc[n.end].text)) is not None and not re.search(
        r"according to|spokes", before)  # "said (that) Putin had spoken with X": the subject of what is said
    return bool(_pattern("source_words").search(before)) and not completive or (
        n.start > sent.start + 2 and bool(_pattern("reporting_words").search(after)) and (
            doc[n.start - 1].text == "," or _titled_source(doc, sent, n)))


SOURCE_TITLE_WORDS = 4  # ", Kremlin aide Yuri Ushakov told reporters": the title between the comma and the name
#: What a source says or tells after its name: nobody of the call ("told reporters", not "told Y").
SOURCE_TAIL = re.compile(r"(?:said|says) ?[.,;]|(?:said|says)$|told (?:reporters|journalists|the |a |an |state |news )")


def _titled_source(doc: Doc, sent: Span, n: _Named) -> bool:
    """", Kremlin aide X told reporters": the name follows a comma past a short title, and what comes
    after it speaks to the press, not to a party."""
    j = n.start - 1  # the title's words may be tagged anything ("aide" a verb)
    while j > sent.start and n.start - j <= SOURCE_TITLE_WORDS and not doc[j].is_punct:
        j -= 1
    return doc[j].text == "," and j < n.start - 1 and SOURCE_TAIL.match(fold(doc[n.end:n.end + 3].text)) is not None


def _cue(doc: Doc, sent: Span, named: list[_Named], talk: bool) -> int | None:
    """The token where the sentence tells a call, or None (``talk``: the article speaks of a call,
    so that a talk verb may tell one, see :func:`_talk`)."""
    text = fold(sent.text)
    paired = _paired_event(doc, sent, named)
    if paired is not None:
        return paired
    m = _pattern("call_phrases").search(text) or _received(text) or QUALIFIED_CALL.search(text)
    for tok in sent:
        if _calling(doc, sent, tok, named) and (m is None or tok.idx - sent.start_char < m.start()):
            return tok.i
    if m is None:
        return _talk(doc, sent) if talk else None
    return next(t.i for t in sent if t.idx - sent.start_char + len(t.text) > m.start())


#: "During a 40-minute call on Wednesday, X told Y", "in an hour-long phone call": a call noun whose
#: article and noun a length or manner stands between ("in" only with a medium word: "in a call for calm").
QUALIFIED_CALL = re.compile(r"\bduring (?:a|an|the|their) (?:[\w-]+ ){1,2}(?:(?:phone|telephone|video) )?call\b"
                            r"|\bin (?:a|an|their) (?:[\w-]+ ){1,2}(?:phone|telephone|video) call\b")


def _paired_event(doc: Doc, sent: Span, named: list[_Named]) -> int | None:
    """"Trump-Xi call: …", "the Rubio-Lavrov phone call": a call named after its two parties, the
    hyphenated pair right before the call noun; the noun's token."""
    starts = {n.start: n for n in named}
    for n in named:
        other = starts.get(n.end + 1)
        if other is None or doc[n.end].text != "-" or other.key == n.key:
            continue
        rest = fold(doc[other.end:min(sent.end, other.end + 3)].text)
        if any(rest == w or rest.startswith(w + " ") or rest.startswith(w + ":") for w in cues()["pair_event_nouns"]):
            return other.end
    return None


def _calling(doc: Doc, sent: Span, tok: Any, named: list[_Named]) -> bool:
    """A calling verb ("called", "phoned", "dialed") that governs a name or a possessive right after
    it, past the name's styling ("called Polish Prime Minister X"), and does not name or judge."""
    if fold(tok.text) not in cues()["calling_verbs"]:
        return False
    if _object_pronoun_after(doc, sent, tok.i):
        return True  # "X called her on Thursday morning": the one named before
    starts = {n.start for n in named}
    styling = {t.i for s in lex_within(doc, sent.start, sent.end, *STYLING) for t in s}
    nxt = tok.i + 1 + (tok.i + 1 < sent.end and fold(doc[tok.i + 1].text) == "up")  # "called up X"
    if fold(doc[nxt:min(sent.end, nxt + 2)].text) == "out to":  # "reached out to X"
        nxt += 2
    while nxt < sent.end - 1 and (nxt in styling or doc[nxt].text in (".", ",")
                                  or _possessive_from(doc, nxt) is not None):  # "called Finland's minister X"
        nxt = _possessive_from(doc, nxt) or nxt + 1
    nxt = _past_title_head(doc, nxt, sent.end)
    return nxt in starts and not _named_as(doc, next(n for n in named if n.start == nxt)) or (
        nxt < sent.end and fold(doc[nxt].text) in cues()["possessives"])


def _object_pronoun_after(doc: Doc, sent: Span, i: int) -> bool:
    """"called her on Thursday", "phoned him": an object pronoun right after the calling verb at ``i``,
    not one the verb names ("called him a liar")."""
    if i + 1 >= sent.end or fold(doc[i + 1].text) not in ("him", "her"):
        return False
    return i + 2 >= sent.end or fold(doc[i + 2].text) not in cues()["naming_after"]


TITLE_HEAD_REACH = 4  # capitalised words of a title kg has no office for ("Deputy Trade Commissioner")


def _past_title_head(doc: Doc, i: int, end: int) -> int:
    """Past a capitalised title that ends in a head noun kg has no office for ("called Trade
    Commissioner X", "Energy Secretary X"): where the name after it starts; ``i`` when there is none."""
    heads = load_gazetteer().title_heads
    for k in range(i, min(end - 1, i + TITLE_HEAD_REACH)):
        if not doc[k].text[:1].isupper():
            break
        if doc[k].text in heads:
            return k + 1
    return i


def _cues(doc: Doc, sent: Span, named: list[_Named], talk: bool) -> list[int]:
    """Where the sentence tells its calls: the first cue (:func:`_cue`, or a talk verb before it), then
    each calling verb after a name told since the cue before ("spoke with X on Monday, then called Y":
    two calls)."""
    first = _cue(doc, sent, named, talk)
    if first is None:
        return []
    spoke = _talk(doc, sent) if talk else None
    found = [spoke] if spoke is not None and spoke < first else [first]
    starts = [n.start for n in named]
    for tok in doc[found[0] + 1: sent.end]:
        if _calling(doc, sent, tok, named) and any(found[-1] < s < tok.i for s in starts):
            found.append(tok.i)
    return found


def _named_as(doc: Doc, n: _Named) -> bool:
    """"Biden called Putin a killer", "called Putin's actions unacceptable": the calling verb names
    or judges, it does not call (a naming word or a possessive right after the name)."""
    return n.end < len(doc) and (fold(doc[n.end].text) in cues()["naming_after"] or _possessive_at(doc, n.end))


def _possessive_at(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the "s" of a possessive the tokenizer cut off ("Putin'" + "s")."""
    cut = i > 0 and doc[i].text == "s" and doc[i - 1].text.endswith(("'", "\u2019"))
    return cut or doc[i].text in ("'s", "\u2019s")


def _owner_only(doc: Doc, n: _Named) -> bool:
    """"Trump's envoy Steve Witkoff spoke with Putin", "Putin's aide": the owner of what the sentence
    speaks of is no party, unless what is owned is the call ("Rubio's call with Lavrov")."""
    return n.end + 1 < len(doc) and _possessive_at(doc, n.end) \
        and fold(doc[n.end + 1].text) not in cues()["possessed_call_words"]


def _talk(doc: Doc, sent: Span) -> int | None:
    """"spoke to his Chinese counterpart on Thursday", "spoke on Dec. 6 with X": a talk verb with
    "with" or "to" within a few words tells a call only in an article that speaks of a call
    elsewhere (its event told again as "Brown's call", "the conversation"), and never beside an
    in-person cue ("met", "on the sidelines")."""
    if _pattern("in_person").search(fold(sent.text)):
        return None
    verbs, links, nouns = cues()["talk_verbs"], cues()["talk_links"], cues()["noun_makers"]
    for tok in sent:
        if tok.i > sent.start and fold(doc[tok.i - 1].text) in nouns and fold(tok.text) in cues()["talk_nouns"]:
            continue  # "held talks with X in Washington": the noun of a meeting, not "X talks with Y" ("has spoken")
        if fold(tok.text) not in verbs:
            continue
        window = doc[tok.i + 1: min(sent.end, tok.i + 1 + TALK_REACH)]
        stop = next((t.i for t in window if t.text in (",", ";", ":", "(", ")")), window.end)  # not "Dec."
        if any(fold(t.text) in links for t in doc[window.start: stop]) or _pair_subject(doc, sent, tok.i):
            return tok.i
    return None


def _pair_subject(doc: Doc, sent: Span, verb: int) -> bool:
    """"A and B talked on Tuesday": two people joined by "and" right before the talk verb, its
    subject, need no "with"."""
    named = sorted(people_within(doc, sent.start, verb), key=lambda p: p.span.start)
    end = verb
    while end > sent.start and fold(doc[end - 1].text) in VERB_GROUP_ADVERBS:
        end -= 1  # "A and B also talked", "A and B had briefly spoken"
    if len(named) < 2 or named[-1].span.end != end:
        return False
    return any(fold(t.text) == "and" for t in doc[named[-2].span.end: named[-1].span.start])


TALK_REACH = 7  # words between a talk verb and its "with"/"to" ("spoke for more than two hours with X"), in its clause


def _article_tells_call(doc: Doc) -> bool:
    """Whether any sentence of the article speaks of a call (a call phrase, "was called by", or "call"
    that is no urging), or the article reports an official readout or statement, which says "met" of a meeting
    and "spoke with" of a call: read once per article."""
    calls, readout, received = _pattern("call_phrases"), _pattern("readout_words"), _received_re()
    return any(calls.search(fold(s.text)) or readout.search(fold(s.text)) or received.search(fold(s.text))
               or re.search(r"(?<![\w-])calls?(?![\w-])", fold(s.text))
               and not re.search(r"\bcalls? (?:for|on|to)\b", fold(s.text)) for s in doc.sents)


@cache
def _received_re() -> re.Pattern[str]:
    """"received a phone call yesterday from X", "took a call from X": the verb, a call noun and "from"
    a few words apart; or a passive "was called by X", a day or adverb before "by" ("was called on
    Monday by X")."""
    verbs, nouns = _pattern("receive_verbs").pattern, _pattern("call_nouns").pattern
    between = r"(?:\s+(?!with\b)\S+){0,3}?"
    participles = "|".join(re.escape(w.removesuffix(" by")) for w in cues()["received_call"])
    passive = rf"\b(?:was|were|had been|has been|have been){ADVERB_RUN}\s+" \
              rf"(?:{participles})(?:\s+(?!by\b)\S+){{0,3}}?\s+by\b"  # "was later called (on Monday) by X"
    return re.compile(rf"{verbs}{between}\s+{nouns}{between}\s+from\b|{passive}")



def _received(text: str) -> re.Match[str] | None:
    return _received_re().search(text)


def _denied(doc: Doc, sent: Span, cue: int) -> bool:
    before = fold(doc[sent.start:cue].text)
    if _pattern("not_event_anywhere").search(fold(sent.text)):
        return True
    plans = [m.group(0) for m in _pattern("not_event_before").finditer(before)]
    if plans and all(p in cues()["content_cues"] for p in plans) and _framed(before):
        return False  # "agreed to deepen the alliance in Sunday's phone call": what the call agreed
    after = fold(doc[cue + 1:_clause_end(doc, sent, cue)].text)  # "A call between X and Y is expected"
    return bool(plans) or _pattern("not_event_after").search(after) is not None


def _framed(before: str) -> bool:
    """Whether the call phrase is the frame of what the sentence tells: "in" or "during" at most two
    words before it ("in Sunday's phone call", "during a video call")."""
    frames = "|".join(re.escape(w) for w in cues()["frame_words"])
    return bool(re.search(rf"\b(?:{frames})(?:\s+\S+){{0,2}}\s*$", before))


def _calls_in(doc: Doc, sent: Span, named: list[_Named], holdings: list[Holding],
              previous_subject: str | None, found: list[_Call], talk: bool) -> tuple[list[_Call], list[Holding]]:
    """The calls one sentence tells (``found``: the calls told before it, see :func:`_retold`;
    ``talk``: see :func:`_cue`)."""
    cues_at = _cues(doc, sent, named, talk)
    if not cues_at and _retold(found, named) and (referring := _referring(doc, sent)) is not None:
        cues_at = [referring]
    clause = _counted_clause(doc, sent, cues_at[-1], named) if cues_at else None
    if clause is not None:
        cues_at = [*cues_at, clause.cue]
    calls: list[_Call] = []
    more: list[Holding] = []
    subject: list[str] = []
    for k, cue in enumerate(cues_at):
        if _denied(doc, sent, cue):
            continue
        later = k + 1 < len(cues_at)
        hi = min(_clause_end(doc, sent, cue), cues_at[k + 1]) if later else _clause_end(doc, sent, cue)
        if clause is not None and cue == clause.cue:
            told, extra = _calls_of(doc, sent, cue, clause.start, hi, named, holdings + more, None, [],
                                    _post_party(doc, clause.start, cue))
            own = [v for at, v in _dates(doc, sent) if doc[clause.start].idx <= at < doc[hi - 1].idx]
            for c in told:  # its own date, else counted from the sentence's first call
                c.date = own[0] if own else _counted_day(calls[0].date if calls else None, clause.days)
            calls += told
            more += extra
            continue
        if k == 0:
            lo = _clause_start(doc, sent, cue) if fold(doc[cue].text) in cues()["talk_verbs"] else sent.start
        else:  # "…, then called Y": the subject of the clause, or the one of the call before
            lo = cues_at[k - 1] + 1
        opened = next((i for i in range(cue - 1, lo - 1, -1) if k and _and_new_subject(doc, i, cue)), None)
        lo = lo if opened is None else opened + 1  # "…, and Y called Z": Y's own clause, no subject carried
        told, extra = _calls_of(doc, sent, cue, lo, hi, named, holdings + more, previous_subject,
                                subject if k and opened is None else [])
        calls += told
        more += extra
        if k == 0:
            subject = list(dict.fromkeys(n.key for n in named if lo <= n.start < cue))
    counted = _counted_from_call(sent, found)
    if counted is not None:
        for c in calls:
            c.date = counted
    return calls, more


@dataclass
class _CountedClause:
    start: int  # the first token of the clause's subject, past "a day after"
    cue: int  # the clause's call cue
    days: int | None  # days after (+) or before (-) the sentence's first call; 0 for "hours after"


#: ", a day after X received a call from Y", ", hours before X spoke with Y": a clause counted from the
#: call the sentence told first (on folded text, the clause's subject right after it).
COUNTED_CLAUSE = re.compile(r"[,;]\s*(?:(a|one|two|three|four|five|six|\d) days?|(?:only |just |a few )?hours|shortly)"
                            r" (after|before)\s+")


def _counted_clause(doc: Doc, sent: Span, after: int, named: list[_Named]) -> _CountedClause | None:
    """A clause after the sentence's last call cue, counted from its first call, that tells a call of its
    own: a "received a call from" or a calling verb with its party named in it."""
    text = fold(sent.text)
    from_char = doc[after].idx - sent.start_char
    m = COUNTED_CLAUSE.search(text, from_char)
    if m is None:
        return None
    rest = text[m.end():]
    stop = re.search(r"[,;]", rest)
    rest = rest[:stop.start()] if stop else rest
    told = _received(rest) or _pattern("call_phrases").search(rest)
    if told is None:
        return None
    start = next(t.i for t in sent if t.idx - sent.start_char >= m.end())
    cue = next(t.i for t in sent if t.idx - sent.start_char + len(t.text) > m.end() + told.start())
    if not any(cue < n.start for n in named):
        return None
    n = m.group(1)
    days: int | None = (NUMBERS.get(n) or int(n)) if n else 0
    if n is None and "hours" not in m.group(0):
        days = None  # "shortly after": a day unknown
    return _CountedClause(start, cue, days if m.group(2) == "after" or days is None else -days)


def _counted_day(first: DateValue | None, days: int | None) -> DateValue | None:
    """The day ``days`` before the first call's day (the clause's call came that much earlier)."""
    if first is None or days is None or first.precision != "day" or first.earliest is None:
        return None
    return DateValue.of_day(first.earliest - timedelta(days=days), first.text) if days else first


def _post_party(doc: Doc, lo: int, hi: int) -> str | None:
    """The office a post stands for as a party where no name is ("Saudi Arabia's crown prince received
    a call from X"): a post in ``[lo, hi)`` with a country's possessive or a demonym right before it."""
    if people_within(doc, lo, hi):
        return None
    for post in lex_within(doc, lo, hi, "POST"):
        country = _possessor(doc, post.start) or _country_before(doc, post.start)
        if country is not None:
            return load_lexicon().office_for(post.kb_id_, country).id
    return None


#: "The call came a day after X dialed Y": the day of the call just told, counted back (or on).
COUNTED_FROM_CALL = re.compile(r"\b(?:the|that|this) (?:phone |telephone |video )?(?:call|conversation|exchange) "
                               r"(?:came|took place) (a|one|two|three|four|five|six|\d) days? (after|before)\b")


def _counted_from_call(sent: Span, found: list[_Call]) -> DateValue | None:
    """The day of a call told in a clause counted from the call told just before ("The call came a
    day after Araghchi dialed Lavrov": the day before that call's), when that call has a day."""
    m = COUNTED_FROM_CALL.search(fold(sent.text))
    last = found[-1].date if found else None
    if m is None or last is None or last.precision != "day" or last.earliest is None:
        return None
    n = NUMBERS.get(m.group(1)) or int(m.group(1))
    day = last.earliest - timedelta(days=n) if m.group(2) == "after" else last.earliest + timedelta(days=n)
    return DateValue.of_day(day, m.group(0))


def _calls_of(doc: Doc, sent: Span, cue: int, lo: int, hi: int, named: list[_Named], holdings: list[Holding],
              previous_subject: str | None, shared: list[str],
              near_office: str | None = None) -> tuple[list[_Call], list[Holding]]:
    """The calls one cue tells, its near side named in ``[lo, cue)`` and its far side in ``(cue, hi)``;
    ``shared``: the subject of the sentence's first call, for a later verb with none of its own;
    ``near_office``: the office that stands for an unnamed near side (:func:`_post_party`)."""
    before = list(dict.fromkeys(n.key for n in named if lo <= n.start < cue))
    after = list(dict.fromkeys(n.key for n in named if cue < n.start < hi and n.key not in before))
    if shared:  # the names between the two cues are the first call's far side
        before = shared
    if not before and previous_subject and (_pronoun_subject(doc, sent) or _role_noun_subject(
            doc, sent, cue, previous_subject, holdings) or _call_noun_subject(doc, sent, cue)):
        before = [previous_subject]
    if not after and previous_subject and previous_subject not in before and _object_pronoun_after(doc, sent, cue):
        after = [previous_subject]  # "Ukraine's Foreign Minister X called her on Thursday": the subject before
    caller = before[0] if len(before) == 1 else None
    more, offices = _counterparts(doc, sent, caller, holdings, [n for n in named if cue < n.start < hi])
    if near_office is not None and not before:
        offices = [near_office, *offices]
    text = fold(sent.text)
    video = any(fold(w) in text for w in cues()["video_words"])
    initiator = _initiator(doc, sent, cue, before, after, holdings + more)
    dates = _dates(doc, sent)
    if caller and after and not _pattern("conference_words").search(text):
        return [_Call([caller, other], [], _date_near(dates, doc, named, other, sent), initiator, [sent], video)
                for other in after], more
    parties = before + after
    if len(parties) + len(offices) < 2:
        return [], more
    return [_Call(parties, offices, _date_near(dates, doc, named, None, sent), initiator, [sent], video)], more


def _retold(found: list[_Call], named: list[_Named]) -> bool:
    """Whether a referring noun ("Brown's conversation with X") may be a call told before: one of those
    calls has a party the sentence names, or a post still waiting for a name.  "X held talks with Y in
    Washington", naming nobody of those calls, is another event."""
    names = {n.key for n in named}
    return any(c.offices or names & set(c.parties) for c in found)


def _referring(doc: Doc, sent: Span) -> int | None:
    m = _pattern("referring_phrases").search(fold(sent.text))
    return None if m is None else next(t.i for t in sent if t.idx - sent.start_char + len(t.text) > m.start())


def _clause_end(doc: Doc, sent: Span, cue: int) -> int:
    """Where the far side of a call ends: at a clause word, or at a comma that no name, post or list
    word follows ("with China's Gen. Liu Zhenli ended an impasse ..., a freeze sparked by X's visit":
    X is not a party)."""
    breaks, listing = cues()["clause_breaks"], cues()["list_words"]
    names = {m.span.end - 1 for m in people_within(doc, sent.start, sent.end)}
    naming = {t.i for s in lex_within(doc, sent.start, sent.end, *STYLING) for t in s} | {
        t.i for m in people_within(doc, sent.start, sent.end) for t in m.span}
    for i in range(cue + 1, sent.end):
        word = fold(doc[i].text)
        if word in breaks:
            return i
        if word == "," and i + 1 < sent.end and i + 1 not in naming and fold(doc[i + 1].text) not in listing:
            return i
        if not (doc[i].text.endswith("ed") and i > cue + 2):
            continue
        if doc[i].is_lower and doc[i].is_alpha and i - 1 in names and (comma := _new_subject_at(doc, cue, i, naming)):
            return comma  # "a call with X, and Y briefed reporters": Y opens a clause of its own
        if doc[i].pos_ == "VERB" and i - 1 in naming:
            return i  # "with X ended the impasse": a new predicate, the call's
    return sent.end


def _new_subject_at(doc: Doc, cue: int, verb: int, naming: set[int]) -> int | None:
    """The comma before ", and <name> <verb>": where the name before ``verb`` opens a new clause."""
    j = verb - 1
    while j > cue and (j in naming or doc[j].text[:1].isupper()):  # past "Under Secretary of State"
        j -= 1
    if j > cue + 1 and fold(doc[j].text) == "and" and doc[j - 1].text == ",":
        return j - 1
    return None


def _clause_start(doc: Doc, sent: Span, cue: int) -> int:
    """Where the clause of a talk verb starts: after the last clause word before it ("Brown's call
    is the first since Blinken spoke with X": Brown is not a party)."""
    for i in range(cue - 1, sent.start - 1, -1):
        if fold(doc[i].text) in CLAUSE_OPENERS:
            return i + 1
        if _and_new_subject(doc, i, cue):
            return i + 1
    return sent.start


def _and_new_subject(doc: Doc, i: int, cue: int) -> bool:
    """", and President Y called Z": token ``i`` is the "and" after a comma that opens a clause of its
    own, a person named between it and the cue as its subject."""
    return fold(doc[i].text) == "and" and i > 0 and doc[i - 1].text == "," and bool(people_within(doc, i + 1, cue))


#: Words that open a new clause before a talk verb.
CLAUSE_OPENERS = frozenset((";", ":", "since", "after", "before", "while", "when", "as", "but", "because",
                            "that", "which"))


def _pronoun_subject(doc: Doc, sent: Span) -> bool:
    """The sentence's subject is a pronoun among its first words, past an opening time phrase ("Later
    that day he also called Y")."""
    return any(fold(t.text) in ("he", "she", "they") for t in _opening(sent, 3))


def _opening(sent: Span, size: int) -> list[Any]:
    """The first ``size`` words of a sentence, or the first six past an opening time phrase ("Later that
    day", "The next day"), punctuation aside: where its subject stands."""
    words = [t for t in sent if not t.is_punct]
    opening = fold(" ".join(t.text for t in words[:4]))
    timed = any(opening.startswith(w) for w in [*cues()["sequel_words"], *cues()["same_day"]])
    return words[:6] if timed else words[:size]


#: What may stand before a call noun that opens its sentence ("A 45-minute call", "Another phone call").
CALL_NOUN_OPENERS = frozenset(("a", "an", "another", "the", "second", "third", "later", "separate", "phone",
                               "telephone", "video", "brief", "short", "long", "lengthy", "minute", "hour", "-"))
#: A length before a call noun ("45-minute", "two-hour").
CALL_LENGTH = re.compile(r"[\w]+-(?:minute|hour)")


def _call_noun_subject(doc: Doc, sent: Span, cue: int) -> bool:
    """"A 45-minute call with Y followed on Thursday": a call noun opening the sentence, nobody named
    before it, as the subject of the sentence after one told of a person's call: that person's next
    call (the caller of the sentence before is carried, as for a pronoun)."""
    if fold(doc[cue].lemma_) not in ("call", "conversation") or cue - sent.start > 5:
        return False
    words = [t for t in doc[sent.start:cue] if not t.is_punct or t.text == "-"]
    return bool(words) and all(fold(t.text) in CALL_NOUN_OPENERS or t.like_num or CALL_LENGTH.fullmatch(fold(t.text))
                               for t in words)


def _role_noun_subject(doc: Doc, sent: Span, cue: int, person: str, holdings: list[Holding]) -> bool:
    """"The minister also held a video call with Y": a sentence opening (past a time phrase) on "the"
    and a post with no name after it, before the cue, when the subject of the sentence before holds a
    post of that type: that person is the subject."""
    the = next((t for t in _opening(sent, 1) if fold(t.text) == "the"), None)
    if the is None:
        return False
    start = the.i + 1 + bool(lex_within(doc, the.i + 1, the.i + 2, "DEMONYM"))  # "The Australian minister"
    post = next((p for p in lex_within(doc, start, cue, "POST") if p.start == start), None)
    roles = cues()["role_nouns"]
    word = next((w for w in sorted(roles, key=len, reverse=True)
                 if fold(doc[start:min(cue, start + len(w.split()))].text) == w), None)
    end = post.end if post is not None else start + len(word.split()) if word else None
    if end is None or people_within(doc, end, min(cue, _past_titles(doc, end) + 1)):
        return False  # "The minister X …" names its own subject
    types = {post.kb_id_} if post is not None else set(roles[word])
    held = {t.split(".")[0] for t in _post_types(holdings, person)}
    return bool(held) and (not types or bool(held & types))


def _initiator(doc: Doc, sent: Span, cue: int, before: list[str], after: list[str],
               holdings: list[Holding]) -> str | None:
    text = fold(sent.text)
    received = _received(text)
    if received and received.start() <= doc[cue].idx - sent.start_char <= received.end():
        return after[0] if after else None  # not "… spoke with Y, a day after Z received a call from W"
    asked = _asked_for(doc, sent, text, before, after, holdings)
    if asked is not None or fold(doc[cue].text) not in cues()["calling_verbs"]:
        return asked
    return before[0] if len(before) == 1 else None  # "X called Y": no one else said to have asked


def _asked_for(doc: Doc, sent: Span, text: str, before: list[str], after: list[str],
               holdings: list[Holding]) -> str | None:
    """The party the sentence says asked for the call: "at the latter's request", "at the request of
    X", "at the Turkish leader's request", "with Y, who had requested the call"."""
    who = WHO_REQUESTED.search(text)
    if who is not None:
        owner = next((m.key for m in people_within(doc, sent.start, sent.end) if m.key in before + after
                      and m.span.end_char - sent.start_char == who.start()), None)
        if owner is not None:
            return owner
    order = LATTER.search(text)
    if order is not None and len(before + after) >= 2:  # "at the latter's request": by the order of naming
        return (before + after)[-1 if "latter" in (order.group(1), order.group(2)) else 0]
    request = _pattern("request_cues").search(text)
    if request:
        named = next((k for n, k in _named_after(doc, sent, request.end()) if k in before + after), None)
        place = _country_at(doc, sent, request.end()) if named is None else None
        if place is not None:  # "The call, requested by Tokyo, …": the party of that country asked
            return _party_of(place, before + after, holdings)
        side_after = SIDE_AFTER.search(text, request.end())
        if named is not None or side_after is None or side_after.start() != request.end():
            return named
        cut: int | None = side_after.end() - len("side")  # "at the request of the Chinese side"
    else:
        side = _side_request(text)  # "at the Chinese side's request", "at Ankara's request"
        cut = side.start() if side else None
    if cut is not None:
        owner = next((m.key for m in people_within(doc, sent.start, sent.end) if m.key in before + after
                      and abs(cut - (m.span.end_char - sent.start_char)) <= 1), None)
        if owner is not None:
            return owner  # "at Trump's request": a party of the call asked for it
        tokens = [t for t in sent if t.idx - sent.start_char < cut]
        country = _country_before(doc, tokens[-1].i + 1) if tokens else None
        if country is None and len(tokens) > 1:
            country = _country_before(doc, tokens[-2].i + 1)
        if country is None and tokens:  # "at Ankara's request": the tokenizer keeps the apostrophe
            country = _possessor(doc, tokens[-1].i + 2)
        return _party_of(country, before + after, holdings)
    return None


def _party_of(country: str | None, parties: list[str], holdings: list[Holding]) -> str | None:
    """The one party of the call whose posts the article places in ``country``."""
    lexicon = load_lexicon()
    sided = [p for p in parties for h in holdings
             if h.person == p and not h.office.startswith("?.") and lexicon.office(h.office).country == country]
    return sided[0] if len(set(sided)) == 1 else None


def _country_at(doc: Doc, sent: Span, at: int) -> str | None:
    """The country a capital (a place of the lexicon) or a country's name stands for right after
    character ``at`` of the sentence ("requested by Tokyo", "at the request of Washington")."""
    token = next((t for t in sent if t.idx - sent.start_char >= at), None)
    if token is None:
        return None
    spans = lex_within(doc, token.i, min(sent.end, token.i + NAME_REACH), "COUNTRY", "METONYM", "PLACE")
    return next((s.kb_id_ for s in spans if s.start == token.i and s.kb_id_), None)


#: "…, who had requested the call": the person named right before the comma asked for it.
WHO_REQUESTED = re.compile(r",\s+who\s+(?:had\s+)?(?:requested|asked\s+for|sought|initiated)\s+the\s+"
                           r"(?:phone\s+|telephone\s+|video\s+)?(?:call|conversation|talks)\b")

#: "at the latter's request", "at the request of the former": the party named last (or first) asked.
LATTER = re.compile(r"\b(?:at|on) the (latter|former)'s (?:request|initiative)\b|"
                    r"\b(?:at|on) the (?:request|initiative) of the (latter|former)\b")


def _side_request(text: str) -> re.Match[str] | None:
    """"the Chinese side's request", or a possessive glued to its owner ("Ankara's request"), which
    the whole-word pattern cannot find after a letter."""
    owned = [re.escape(w) for w in cues()["side_request"] if w.startswith("'")]
    return _pattern("side_request").search(text) or re.search(rf"(?<=\w)(?:{'|'.join(owned)})\b", text)


#: "... of the Chinese side" right after a request cue: the side's country asked for the call.
SIDE_AFTER = re.compile(r"\s*the\s+[^,;]{2,40}?\s+side\b")  # "the U.S. side" has dots


def _named_after(doc: Doc, sent: Span, char: int) -> list[tuple[int, str]]:
    return [(m.span.start, m.key) for m in people_within(doc, sent.start, sent.end)
            if m.span.start_char - sent.start_char >= char]


def _dates(doc: Doc, sent: Span) -> list[tuple[int, DateValue]]:
    """The sentence's dates with their character offsets in the doc; the dateline's date and the dates
    of the report itself (", state media reported on Sunday", "the ministry said in a statement on
    Wednesday") are left out; the dateline opens the article's body, after its headline."""
    text = sent.text
    skip = 0
    if _opens_line(doc, sent) and (m := DATELINE.match(text)):
        skip = m.end()
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    folded = fold(text[skip:])
    found = english_dates(folded, ref)
    own = [(sent.start_char + skip + at, d) for at, d in found if not _reported_on(folded, at)]
    reported = [d for at, d in found if _reported_on(folded, at) and d.precision == "day" and d.earliest]
    eve = PREVIOUS_DAY.search(folded)
    if eve and reported and reported[0].earliest:  # "said on Friday he had spoken with X the previous evening"
        own.append((sent.start_char + skip + eve.start(), DateValue.of_day(
            reported[0].earliest - timedelta(days=1), eve.group(0))))
    own += [(sent.start_char + skip + at, d) for at, d in english_dates(folded, ref, coarse=True)
            if d.precision in ("month", "year") and (WHEN_AFTER.match(folded, at + len(d.text))
                                                     or MEDIUM_BEFORE.search(folded[:at]))]
    if not own and not UNDATED_SPANS.search(folded):
        own += [(sent.start_char + skip + at, d) for at, d in found
                if _reported_on(folded, at) and d.precision == "day" and (
                    OWN_ACCOUNT.match(folded, at + len(d.text)) or SPEAKING_FRAME.match(folded))]
    return own


#: "Speaking by phone with X, Y said on Thursday that …": a sentence framed by the talk itself says what
#: was said in it, on the day it reports.
SPEAKING_FRAME = re.compile(r"(?:speaking|talking)\b[^,]*\b(?:by (?:tele)?phone|on the (?:tele)?phone"
                            r"|over the (?:tele)?phone|in a (?:tele)?phone call|by video|in a video call)\b[^,]*,")


#: "… resumed in late 2023, when A held a video call with B": a month or a year alone dates the clause
#: that "when" opens right after it (elsewhere it is mostly background: "a freeze sparked by a visit in
#: August 2022").
WHEN_AFTER = re.compile(r",?\s+when\b")

#: "… last spoke with Y by phone in March 2025", "held a video call in June": a month or a year right
#: after the call's medium dates that call.
MEDIUM_BEFORE = re.compile(r"\b(?:by (?:tele)?phone|over the (?:tele)?phone|by video(?:\s*(?:link|conference))?"
                           r"|(?:tele)?phone call|video call|phone conversation)\s+(?:in\s+)?$")

#: "X said on Tuesday he had a call with Y", "… she spoke with Y": after the day of a report, the
#: speaker's own account of a call in the simple past, which that day dates when the sentence gives no
#: other (as French "a annoncé jeudi s'être entretenu avec Y"); not a pluperfect ("he had spoken to Y"
#: is some time before) nor a span the dates do not read ("over the weekend", "without saying when").
OWN_ACCOUNT = re.compile(r"\s+(?:that\s+)?(?:he|she|i)\s+(?:had\s+(?:a|an)\s|held\s|spoke\s|talked\s)")
UNDATED_SPANS = re.compile(r"\b(?:weekend|last week|earlier|recently|ago|previous|when)\b")


#: A day counted back from the day a report in the same sentence carries.
PREVIOUS_DAY = re.compile(r"\b(?:the previous (?:day|evening|night|morning|afternoon)"
                          r"|the (?:day|night|evening) before(?!\s+(?:a|an|the|his|her|its|their)\b))\b")


def _opens_line(doc: Doc, sent: Span) -> bool:
    """Whether a sentence starts the text or a line: where a dateline stands, after the headline."""
    return sent.start_char == 0 or doc.text[sent.start_char - 1] == "\n"


REPORT_REACH = 4  # words between a reporting verb and its date ("said in a statement on")


#: A day owning a call noun ("Thursday's call", "Monday's phone conversation").
OWN_CALL_AFTER = re.compile(r"[a-z]+(?:'s|\u2019s)\s+"
                            r"(?:(?:phone|telephone|video|first|second|brief|hour-long|late-night)\s+)*"
                            r"(?:call|conversation|talks)\b")


def _reported_on(text: str, at: int) -> bool:
    """Whether the date at ``at`` is the report's: a reporting word ("said", "reported", "in a
    statement") at most a few words before it in its clause, with no call or talk word between ("said
    he spoke with X on Tuesday" dates the call)."""
    if OWN_CALL_AFTER.match(text, at):
        return False  # "the readout of Thursday's call": the call's own day
    clause = text[text.rfind(",", 0, at) + 1: at]
    words = list(_pattern("report_date_words").finditer(clause))
    if not words:
        return False
    tail = clause[words[-1].end():]
    return len(tail.split()) <= REPORT_REACH and not (
        _pattern("call_phrases").search(tail) or _pattern("talk_verbs").search(tail)
        or _pattern("calling_verbs").search(tail))


def _date_near(dates: list[tuple[int, DateValue]], doc: Doc, named: list[_Named], other: str | None,
               sent: Span) -> DateValue | None:
    """The sentence's date; with several, the one nearest the other party's name."""
    if not dates:
        return None
    anchor = next((doc[n.start].idx for n in named if n.key == other), sent.start_char)
    return min(dates, key=lambda d: abs(d[0] - anchor))[1]


def _merge(found: list[_Call], new: list[_Call]) -> tuple[list[_Call], list[Holding]]:
    """A call told again in the article (a readout's heading, then its body) is the same call; one
    told first with a post ("his Chinese counterpart") and then with a name ("Brown's conversation
    with Liu") is that call too, and the name holds that post.  Returns the calls and those posts."""
    named_posts: list[Holding] = []
    for c in new:
        same = next((f for f in found if set(f.parties) == set(c.parties) and set(f.offices) == set(c.offices)
                     and _dates_fit(f, c)), None)
        if same is None and (same := _named_counterpart(found, c)) is not None:
            (office,), (person,) = same.offices, set(c.parties) - set(same.parties)
            named_posts.append(Holding(person, office, tuple(evidence(s, "en-call-counterpart") for s in c.sentences)))
            same.parties, same.offices = same.parties + [person], []
        if same is None:
            found.append(c)
            continue
        same.date = min((d for d in (same.date, c.date) if d), key=lambda d: d.width, default=None)
        same.initiator = same.initiator or c.initiator
        same.sentences += c.sentences
        same.video = same.video or c.video
    return found, named_posts


def _dates_fit(a: _Call, b: _Call) -> bool:
    return a.date is None or b.date is None or a.date.overlaps(b.date)


def _named_counterpart(found: list[_Call], c: _Call) -> _Call | None:
    """The earlier call of one person with a post alone whose other party ``c`` names."""
    if c.offices or len(c.parties) != 2:
        return None
    fits = [f for f in found if len(f.offices) == 1 and len(f.parties) == 1 and f.parties[0] in c.parties
            and _dates_fit(f, c)]
    return fits[0] if len(fits) == 1 else None


def _fact(c: _Call) -> CallFact | None:
    parties = tuple([Party(person=p) for p in c.parties] + [Party(office=o) for o in dict.fromkeys(c.offices)])
    if len(parties) < 2:
        return None
    ev = tuple(dict.fromkeys(evidence(s, "en-call") for s in c.sentences))
    initiator = Party(person=c.initiator) if c.initiator in c.parties else None
    return CallFact(parties, ev, c.date, initiator, (), "video" if c.video else "phone")


POST_REACH = 16  # tokens of the longest post wording before a name


def countries_of_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """Posts named with no country take the demonym English writes before them ("Saudi Foreign
    Minister Prince X"): a holding of the type's unknown-country office gets that country when a
    demonym ends right before a post span that ends before the holder's name, or when "of <Country>"
    follows the name ("Acting Defense Minister X of Thailand")."""
    lexicon = load_lexicon()
    spans = {m.key: m.span for m in doc._.people or []}
    out = []
    for h in holdings:
        if not h.office.startswith("?.") or h.person not in spans:
            out.append(h)
            continue
        start = spans[h.person].start
        post = next((s for s in reversed(lex_within(doc, max(0, start - POST_REACH), start, "POST"))
                     if s.end <= start and start - s.end <= 2 and s.kb_id_ == h.office[2:]), None)
        country = _country_before(doc, post.start) if post is not None else None
        after = _of_country(doc, spans[h.person].end) if post is not None and country is None else None
        country = country or (after[0] if after else None)  # "Acting Defense Minister X of Thailand"
        out.append(replace(h, office=lexicon.office_for(h.office[2:], country).id) if country else h)
    return out


def _own_office(doc: Doc, post: Span, country: str) -> str | None:
    """The office of the possessor's country that a wording over the post names ("Pakistan's Chief of
    Defence Forces": that country's office of that name, not its generic chief of defence)."""
    return next((s.kb_id_ for s in lex_spans(doc, "OFFICE", "OFFICE_WEAK")
                 if s.start == post.start and s.end >= post.end and s.kb_id_.split(".")[0] == country), None)


def possessive_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """Posts English writes with the country as a possessive: "Australia's Deputy Prime Minister X",
    and in a relative clause or an apposition after the holder ("X, who is also Poland's defence
    minister", "X, Japan's defense minister").  A holder needs that link; a post with no name next
    to it gives nothing."""
    lexicon = load_lexicon()
    people = doc._.people or []
    out = list(holdings)
    for post in lex_spans(doc, "POST"):
        lead = post.start - _modifier_before(doc, post.start)  # "Ukraine's former defence minister"
        country = _possessor(doc, lead)
        if country is None or _aide_for(doc, post) is not None:  # "An aide to Britain's Prime Minister, X"
            continue
        holder = _holder_of(doc, post, people, lead) or _possessive_role_noun(doc, post, country, out)
        if holder is None:
            continue
        office = _own_office(doc, post, country) or lexicon.office_for(post.kb_id_, country).id
        out = [h for h in out if not (h.person == holder and h.office == f"?.{post.kb_id_}")]
        if not any(h.person == holder and h.office == office for h in out):
            out.append(Holding(holder, office, (evidence(post, "en-possessive-post"),)))
    return out


def _possessive_role_noun(doc: Doc, post: Span, country: str, holdings: list[Holding]) -> str | None:
    """"Iran's foreign minister has held talks by phone …" with no name beside the post: a role noun,
    the one person of the article that the gazetteer or a post of the article places in that country
    (:func:`~kg.extract.coref.person_for`), who holds no other post of that kind; else nobody."""
    lexicon = load_lexicon()
    if post.kb_id_ not in lexicon.post_types or not lexicon.post_types[post.kb_id_].single_holder:
        return None
    held: dict[str, set[str]] = {}
    for h in holdings:
        held.setdefault(h.person, set()).add(h.office)
    person = person_for(doc, post.kb_id_, [country], post.start, held, known_countries(doc))
    return person.key if person is not None else None


def _possessor(doc: Doc, i: int) -> str | None:
    """The country of "<Country>'s" right before token ``i`` (the French tokenizer cuts it as an
    elision: "Poland'" then "s"; "New Zealand'" then "s")."""
    found = [c for start in range(i - 2, max(-1, i - 1 - NAME_REACH), -1)
             if (c := _country_possessive(doc, start, i)) is not None]
    return found[-1] if found else None  # the longest: "South Sudan's", not "Sudan's"


def _possessive_from(doc: Doc, i: int) -> int | None:
    """Where a country's possessive that starts at token ``i`` ends ("Finland's", "New Zealand's"), or None."""
    end = next((e for e in range(i + 2, min(len(doc), i + NAME_REACH) + 1) if _cut_possessive(doc, e)), None)
    return end if end is not None and _country_possessive(doc, i, end) is not None else None


def _cut_possessive(doc: Doc, end: int) -> bool:
    """Tokens ``end - 2`` and ``end - 1`` are a possessive the tokenizer cut ("Zealand'" then "s")."""
    return end >= 2 and doc[end - 1].text == "s" and doc[end - 2].text.endswith(("'", "\u2019"))


def _country_possessive(doc: Doc, start: int, end: int) -> str | None:
    """The country whose name, cut before its possessive "s", the tokens ``[start, end)`` are."""
    if start < 0 or start > end - 2 or not _cut_possessive(doc, end):
        return None
    words = [t.text for t in doc[start:end - 2]] + [doc[end - 2].text[:-1]]
    return _country_names().get(fold(" ".join(words)))


@cache
def _country_names() -> dict[str, str]:
    return {fold(p.text): p.id for p in load_lexicon().phrases if p.label in ("COUNTRY", "METONYM")}


def _holder_of(doc: Doc, post: Span, people: list, lead: int | None = None) -> str | None:
    """The person a possessive post is linked to: the name right after it (titles between), or the
    name before ", who is (also)" / "," that opens the clause holding it (``lead``: where the post's
    modifiers start, "former")."""
    after = _coordinated_post_end(doc, post.end)
    titles = _title_tokens(doc, after)
    while after in titles:
        after += 1
    following = next((m.key for m in people if m.span.start == after), None)
    if following is not None:
        return following
    posted = _posting_end(doc, post.end)  # "Japan's ambassador to Washington, X", "… to China X"
    if posted is not None and posted < len(doc):
        start = _past_titles(doc, posted + (doc[posted].text == ","))
        following = next((m.key for m in people if m.span.start == start), None)
        if following is not None:
            return following
    start, words = (post.start if lead is None else lead) - 3, []  # the token before "<Country>' s"
    while start >= 0 and fold(doc[start].text) in CLAUSE_WORDS:
        words.append(doc[start].text)
        start -= 1
    if "," not in words:
        return None
    return next((m.key for m in people if m.span.end == start + 1), None)


POSTING_REACH = 5  # words of the place a post is held at ("to the United Nations", "in Washington")


def _posting_end(doc: Doc, i: int) -> int | None:
    """Where the place a post is held at ends, when one follows token ``i`` ("ambassador to Washington",
    "envoy to the United Nations", "ambassador in Paris"): capitalised words after "to"/"in"/"at"."""
    if i >= len(doc) or fold(doc[i].text) not in ("to", "in", "at"):
        return None
    j = i + 1
    j += j < len(doc) and fold(doc[j].text) == "the"
    start = j
    while j < min(len(doc), start + POSTING_REACH) and (doc[j].text[:1].isupper() or (
            fold(doc[j].text) in ("of", "and") and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())):
        j += 1
    return j if j > start else None


def _coordinated_post_end(doc: Doc, i: int) -> int:
    """"Australia's deputy prime minister and defence minister Richard Marles": past a second post
    joined by "and" to the one ending at ``i``, both held by the name that follows them."""
    if i + 1 >= len(doc) or fold(doc[i].text) != "and":
        return i
    reach = min(len(doc), i + 1 + POST_REACH)
    second = next((s for s in lex_within(doc, i + 1, reach, "POST") if s.start == i + 1), None)
    if second is not None:
        return second.end
    if i + 3 < len(doc) and fold(doc[i + 1].text) in ("minister", "secretary") and fold(doc[i + 2].text) in (
            "for", "of"):  # "… and Minister for Trade": a portfolio kg has no post for, in capitals
        j = i + 3
        while j < reach and (doc[j].text[:1].isupper() or fold(doc[j].text) in ("and", "the")):
            j += 1
        return j if j < len(doc) and doc[j].text == "," and doc[j - 1].text[:1].isupper() else i
    if any(fold(t.text) in ("of", "for") for t in doc[max(0, i - 3):i]) and doc[i - 1].text[:1].isupper():
        j = i + 1  # "Minister of Defence and Veteran Affairs, X": a second portfolio of the same ministry
        while j < min(reach, i + 5) and doc[j].text[:1].isupper() and doc[j].is_alpha:
            j += 1
        return j if j > i + 1 and j < len(doc) and doc[j].text == "," else i
    return i


#: Words between a holder's name and the possessive post of a clause about them.
CLAUSE_WORDS = frozenset((",", "who", "is", "was", "also", "now", "the", "became", "becomes"))


def apposed_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """Posts in apposition to a name, which English writes with commas around either side: "The chair
    of the Joint Chiefs of Staff, Gen. C.Q. Brown, said", "Gen. Oleksandr Syrskyi, the Ukrainian
    commander-in-chief".  The country is the one the text gives (a demonym before the post, "of
    <Country>" after it, a country's own office) or else the one kg knows of a known person; with
    neither, the post stays without a country rather than take a guessed one.  A country's office
    whose wording other countries share ("the foreign secretary": British, Mexican or Indian) is read
    as its post type in the same way."""
    lexicon = load_lexicon()
    people = doc._.people or []
    out = list(holdings)
    generic = {(p.start, p.end) for p in lex_spans(doc, "POST")}  # "President": not Iran's office alone
    posts = [(p, p.kb_id_, None) for p in lex_spans(doc, "POST")] + _possessive_inside(doc) + [
        (p, lexicon.offices[p.kb_id_].type, None) for p in lex_spans(doc, "OFFICE_WEAK")
        if p.kb_id_ in lexicon.offices and (p.start, p.end) not in generic]
    addressed = _ranks_of_address(doc)
    for post, post_type, given in posts:
        if (post.start, post.end) in addressed:
            continue  # "Special Envoy for the Mediterranean Ambassador X": the rank X is addressed by
        before_name = _named_right_after(doc, post, people)
        holder = before_name or _right_apposed(doc, post, people) or _left_apposed(doc, post, people)
        aide = _aide_for(doc, post)
        if aide is not None:  # "A spokesman for the Russian President, X": X speaks for the president
            spokes = _right_apposed(doc, post, people) if fold(aide) in title_cues("spokes_nouns_en") else None
            country = spokes and (given or _country_of_post(doc, post))
            if spokes is not None and country and not any(h.person == spokes.key and ".spokesperson" in h.office
                                                          for h in out):
                out.append(Holding(spokes.key, lexicon.office_for("spokesperson", country).id,
                                   (evidence(doc[post.start:spokes.span.end], "en-apposed-post"),)))
            continue
        if holder is None or before_name is not None and before_name.span.start == post.end \
                and not any(h.person == holder.key and h.office == f"?.{post_type}" for h in out):
            continue  # "<post> <Name>" with nothing between is the shared post rules' reading, if it has a country
        country = given or _country_of_post(doc, post) or _known_country(doc, holder)
        office = lexicon.office_for(post_type, country or "?").id
        if any(h.person == holder.key and h.office.endswith("." + post_type) and not h.office.startswith("?.")
               for h in out) or _read_already(out, holder.key, post):
            continue
        out = [h for h in out if not (h.person == holder.key and h.office == f"?.{post_type}")]
        out.append(Holding(holder.key, office, (evidence(post, "en-apposed-post"),)))
    for post in lex_spans(doc, "OFFICE"):  # a country's own office: "the Commander of U.S. Central Command, Adm. X"
        other = _of_country(doc, post.end)
        if other is not None and other[0] != lexicon.offices[post.kb_id_].country:
            continue  # "the Secretary of Defense of the Philippines, X": the post type's, read above
        titled = _named_right_after(doc, post, people)  # "Joint Staff chief Gen. X": past a rank only (the name
        titled = titled if titled is not None and titled.span.start > post.end else None  # right after: the
        holder = titled or _right_apposed(doc, post, people) or _left_apposed(doc, post, people)  # shared rules')
        if _aide_for(doc, post) is not None:
            continue  # "an aide to the Commander of U.S. Central Command, X": the aide's
        if holder is not None and not any(h.person == holder.key and h.office == post.kb_id_ for h in out):
            out.append(Holding(holder.key, post.kb_id_, (evidence(post, "en-apposed-post"),)))
    return out


#: A verb that makes the post after it the subject's: "X remains commander-in-chief", "X had been chief of
#: defence staff until October", "X, 39, previously served as first deputy prime minister".
PREDICATE = re.compile(r"(?:^|\s)(?:(?P<past>had been|previously served as|formerly served as|once served as|served as|"
                       r"resigned as|stepped down as|quit as|retired as|"
                       r"was (?:sacked|fired|dismissed|removed|ousted) as|"
                       r"previously was|was previously|was formerly|was once)|is|remains|remained|has been|"
                       r"serves as|has served as|is now|now serves as|will remain|continues as|doubles as|"
                       r"also serves as|"
                       r"becomes|became|has become|stays on as|stays as|stayed on as|"
                       r"(?:declared|named|appointed|proclaimed|made|installed) (?:himself|herself)(?: as)?|"
                       r"(?:took|takes|has taken) over"
                       r"(?: (?:this|last) (?:week|month|year)| on \w+day| in \w+)? as)\s*$")
COORDINATED_TITLE_WORDS = 4  # capitalised words of a title of no post type before "and" and the post
PREDICATE_REACH = 6  # tokens of the verb and of an age or rank between a name and its post ("X, 39, previously")


def predicate_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Gen. X remains commander-in-chief of the armed forces", "X had been chief of defence staff until
    October", "X, 39, previously served as first deputy prime minister": a post the verb after a name
    makes its subject's, the subject being the name right before the verb (past an age set off by commas);
    "had been" and "previously served as" make it a past holding.  The country is the one the post's
    wording gives, else the one kg knows of the holder."""
    lexicon = load_lexicon()
    people = doc._.people or []
    out = list(holdings)
    generic = {(p.start, p.end) for p in lex_spans(doc, "POST")}
    posts = [(p, p.kb_id_, None) for p in lex_spans(doc, "POST")] + [
        (p, lexicon.offices[p.kb_id_].type, None) for p in lex_spans(doc, "OFFICE_WEAK")
        if p.kb_id_ in lexicon.offices and (p.start, p.end) not in generic] \
        + _possessive_inside(doc)  # "X, who took over as Chief of the Kenya Defence Forces"
    for post, post_type, given in posts:
        i = post.start
        while i > post.sent.start and (fold(doc[i - 1].text) in ("the", "a", "an", "first")
                                       or _modifier_before(doc, i)):
            i -= _modifier_before(doc, i) or 1
        head = doc[max(post.sent.start, i - PREDICATE_REACH):i]
        hit = PREDICATE.search(fold(head.text))
        if hit is None and i - 2 > post.sent.start and fold(doc[i - 1].text) == "and":
            j = i - 2  # "X, who doubles as Prime Cabinet Secretary and head of the foreign ministry": a title
            while j > post.sent.start and i - 2 - j < COORDINATED_TITLE_WORDS and doc[j - 1].text[:1].isupper():
                j -= 1  # of no post type before "and" leaves the post after it to the same verb
            if doc[j].text[:1].isupper() and all(t.is_alpha for t in doc[j:i - 1]):
                head = doc[max(post.sent.start, j - PREDICATE_REACH):j]
                hit = PREDICATE.search(fold(head.text))
        if hit is None:
            continue
        k = next(t.i for t in head if t.idx - head.start_char >= hit.start() + (hit.group(0)[:1].isspace()))
        if k - 4 >= post.sent.start and doc[k - 1].text == "," and doc[k - 2].like_num and doc[k - 3].text == ",":
            k -= 3  # "X, 39, previously served as"
        holder = next((m for m in people if m.span.end == k), None)
        if holder is None:  # "X, who doubles as <post>", "X, who had been <post> since last year"
            holder = next((m for m in people if k - 2 >= 0 and doc[k - 2].text == "," and fold(doc[k - 1].text) == "who"
                           and (m.span.end == k - 2 or m.span.end == k - 3 and doc[k - 3].text == ".")), None) \
                or _apposed_before(doc, k, people, "who", False) \
                or _apposed_before(doc, k, people, "who", True)
            # "X, a former defence minister who became president in October"
        if holder is None:
            continue
        country = given or _country_of_post(doc, post) \
            or _possessor(doc, _past_titles_back(doc, holder.span.start)) \
            or _known_country(doc, holder)  # "Kazakhstan's X, who doubles as deputy prime minister"
        office = lexicon.office_for(post_type, country or "?").id
        if any(h.person == holder.key and h.office.endswith("." + post_type) and not h.office.startswith("?.")
               for h in out) or _read_already(out, holder.key, post):
            continue
        out = [h for h in out if not (h.person == holder.key and h.office == f"?.{post_type}")]
        gone = None if hit.group("past") else _replaced_after(doc, post, people) or (
            _taken_over_from(doc, post, people) if " over" in hit.group(0) else None)
        gone = gone if gone is not None and gone.key != holder.key else None
        out.append(Holding(holder.key, office, (evidence(doc[holder.span.start:post.end], "en-predicate-post"),),
                           replaces=gone.key if gone is not None else None))
        if hit.group("past"):
            notes(doc).former.add((holder.key, post_type))
        elif gone is not None and not any(h.person == gone.key and h.office == office for h in out):
            span = doc[holder.span.start:gone.span.end]  # "X took over as <post>, succeeding Y": Y held it before
            out.append(Holding(gone.key, office, (evidence(span, "en-predicate-post"),)))
    return out


def _taken_over_from(doc: Doc, post: Span, people: list) -> Any:
    """"X took over as <post> from Gen. Y": the name (past its ranks) right after "from" after the post."""
    m = next((m for m in people if post.end < m.span.start <= post.end + 6 and m.span.start < post.sent.end), None)
    if m is None:
        return None
    return m if fold(doc[post.end:_past_titles_back(doc, m.span.start)].text).strip(" ,") == "from" else None


def _read_already(holdings: list[Holding], person: str, post: Span) -> bool:
    """Whether the shared post rules already read this very phrase as one of the person's placed offices
    ("Iranian President X": Iran's president, whose office the lexicon knows apart from its head of state)."""
    return any(h.person == person and not h.office.startswith("?.") and any(
        e.start < post.end_char and post.start_char < e.end for e in h.evidence) for h in holdings)


POSSESSIVE_REACH = 5  # words of a post on either side of "of <Country>'s"


def _possessive_inside(doc: Doc) -> list[tuple[Span, str, str]]:
    """Posts English writes with the country inside them, as a possessive or a demonym after "of the":
    "the commander-in-chief of Ukraine's armed forces" and "chairman of the U.S. Joint Chiefs of Staff"
    are the posts "commander-in-chief of the armed forces" in Ukraine and "chairman of the joint chiefs
    of staff" in the United States.  Each as (span, post type, country), the longest wording of the
    lexicon that fits."""
    wordings = _post_wordings()
    out = []
    for tok in doc[:-3]:
        inside = _country_inside(doc, tok)
        if inside is None:
            continue
        country, resume = inside
        best = None
        for lo in range(max(0, tok.i - POSSESSIVE_REACH), tok.i):
            for hi in range(resume + 1, min(len(doc), resume + POSSESSIVE_REACH) + 1):
                before, after = doc[lo:tok.i], doc[resume:hi]
                post_type = wordings.get(" ".join([*(fold(t.text) for t in before), "of", "the",
                                                   *(fold(t.text) for t in after)]))
                if post_type and (best is None or hi - lo > best[0].end - best[0].start):
                    best = (doc[lo:hi], post_type, country)
        if best:
            out.append(best)
    return out


def _country_inside(doc: Doc, tok: Any) -> tuple[str, int] | None:
    """After the word "of": "<Country>'s" or "the <Country or demonym>", as (country, index of the
    token after it)."""
    if fold(tok.text) != "of":
        return None
    country = _possessor(doc, tok.i + 3) if tok.i + 3 <= len(doc) else None
    if country is not None:
        return country, tok.i + 3
    if tok.i + 2 >= len(doc) or fold(doc[tok.i + 1].text) != "the":
        return None
    named = next((s for s in lex_within(doc, tok.i + 2, tok.i + 2 + NAME_REACH, "DEMONYM", "COUNTRY")
                  if s.start == tok.i + 2), None)
    return (named.kb_id_, named.end) if named is not None else None


@cache
def _post_wordings() -> dict[str, str]:
    """Folded wording -> post type, for the post types' own wordings (``offices.json``)."""
    return {" ".join(fold(p.text).replace("-", " - ").split()): p.id for p in load_lexicon().phrases
            if p.label == "POST"}


TITLE_REACH = 6  # tokens of ranks and honorifics between a post and a name ("Son Altesse Royale le prince")


def _title_tokens(doc: Doc, i: int) -> set[int]:
    """The indices of the title tokens (ranks, honorifics) in the few words from ``i``."""
    return {t.i for s in lex_within(doc, i, i + TITLE_REACH, "TITLE") for t in s}


def _past_titles(doc: Doc, i: int, starts: frozenset[int] = frozenset()) -> int:
    """Where a name may start after the ranks and honorifics (and their periods) from ``i``; not past
    a name that starts on a title word (``starts``: "Gen Nakatani", whose given name is Gen)."""
    titles = _title_tokens(doc, i)
    while i not in starts and (i in titles or (i < len(doc) and doc[i].text == "." and i - 1 in titles)):
        i += 1
    return i


def _named_right_after(doc: Doc, post: Span, people: list) -> Any:
    """"Chairman of the Joint Chiefs of Staff Gen. Dan Caine", "Polish Prime Minister Donald Tusk":
    the name right after a post, ranks and honorifics between.  The post is that name's title, so
    it is never in apposition to a name before it ("French President X, British Prime Minister Y").
    Two posts joined by "and" are both the name's ("Polish Deputy Prime Minister and Defence Minister X"),
    and a country may come between ("President of the Republic of Kazakhstan X")."""
    after = _of_country(doc, post.end)
    i = after[1] if after else _coordinated_post_end(doc, post.end)
    if i + 1 < len(doc) and doc[i].text in ("-", "‑") and fold(doc[i + 1].text) == "designate":
        i += 2  # "Defense Secretary-designate X": named to the post, which the lexicon's "-designate" forms hold
    i = _past_titles(doc, i)
    found = next((m for m in people if m.span.start == i), None)
    if found is None and post.kb_id_ in REMIT_POSTS and i < len(doc) and fold(doc[i].text) == "for":
        return _named_past_remit(doc, i, people)  # "Navy spokesperson for the West Philippine Sea Rear Adm. X"
    return found


def _ranks_of_address(doc: Doc) -> set[tuple[int, int]]:
    """Bare "Ambassador" words right after another post (a remit in capitals between at most: "Foreign
    Ministry spokesperson Ambassador X", "Special Envoy for the Mediterranean Ambassador X"): the rank a
    career diplomat is addressed by, not a post."""
    posts = lex_spans(doc, "POST")
    out = set()
    for p in posts:
        if len(p) != 1 or p.kb_id_ != "ambassador" or not p[0].text[:1].isupper() \
                or p.end < len(doc) and fold(doc[p.end].text) in ("to", "of", "in", "at"):
            continue
        for q in posts:
            if q.kb_id_ == "ambassador" or q.end > p.start or q.end < p.start - REMIT_REACH - 2:
                continue
            between = doc[q.end:p.start]
            if not len(between) or fold(between[0].text) == "for" and all(
                    t.text[:1].isupper() or fold(t.text) == "the" for t in between[1:]):
                out.add((p.start, p.end))
    return out


REMIT_POSTS = frozenset(("spokesperson", "special_envoy"))
REMIT_REACH = 6  # capitalised words of a remit after "for" ("for the West Philippine Sea")


def _named_past_remit(doc: Doc, i: int, people: list) -> Any:
    """The name right after a remit in capitals that "for" at token ``i`` opens (ranks between)."""
    j = i + 1 + (i + 1 < len(doc) and fold(doc[i + 1].text) == "the")
    for k in range(j + 1, min(len(doc), j + REMIT_REACH + 1)):
        if not all(t.text[:1].isupper() and t.is_alpha for t in doc[j:k]):
            return None
        found = next((m for m in people if m.span.start == _past_titles(doc, k) and k < m.span.end), None) \
            or next((m for m in people if m.span.start == _past_titles(doc, k)), None)
        if found is not None:
            return found
    return None


def _aide_for(doc: Doc, post: Span) -> str | None:
    """"A spokesman for the Russian President", "a foreign-policy aide to the president", "the chief of staff
    of the Prime Minister": the noun of an aide or a spokesman (``aide_nouns_en``) before "for", "to" or "of"
    (past "the", a demonym or a country) whose principal the post names; the name apposed to the phrase is
    the aide's, not the post's.  Returns the aide noun, or None."""
    countries = {k for c in lex_spans(doc, "COUNTRY", "DEMONYM", "METONYM") for k in range(c.start, c.end)}
    i = post.start - 1
    while i >= 0 and (fold(doc[i].text) in ("the", "'s", "’s") or i in countries or doc[i].text[:1].isupper()
                      and doc[i].text.endswith(("'", "’"))
                      or doc[i].text == "s" and i and doc[i - 1].text.endswith("'")):
        i -= 1
    if i < 1 or fold(doc[i].text) not in ("for", "to", "of"):
        return None
    aides = title_cues("aide_nouns_en")
    for n in (3, 2, 1):
        words = " ".join(fold(t.text) for t in doc[max(0, i - n):i])
        if len(words.split()) == n and (words in aides or words.replace(" - ", "-") in aides):
            return words
    return None


def _right_apposed(doc: Doc, post: Span, people: list) -> Any:
    """"<post>, [rank] <Name>,": the name after the comma that follows the post, or its country ("the
    Defence Minister of Vietnam, General X")."""
    after = _of_country(doc, post.end)
    i = after[1] if after else _coordinated_post_end(doc, post.end)
    i = _posting_end(doc, i) or i  # "the ambassador to Washington, X"
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if i + 1 < len(doc) and fold(doc[i].text) == "the" and i + 1 in _title_tokens(doc, i + 1):
        i += 1  # ", the Hon X MP,"
    i = _past_titles(doc, i)
    return next((m for m in people if m.span.start == i), None)


def _left_apposed(doc: Doc, post: Span, people: list) -> Any:
    """"<Name>, the [demonym] <post>", "<Name>, who is also the <post> of <Country>": the name before
    the comma that opens the apposition or the relative clause."""
    i = _coordinated_post_start(doc, post.start) - 1
    while i >= 0 and (_modifier_before(doc, i + 1) or fold(doc[i].text) in ("the", "a")
                      or _country_before(doc, i + 1) is not None and doc[i].text[:1].isupper()
                      or fold(doc[i].text) in CLAUSE_WORDS - {","} or _state_noun_possessive(doc, i)):
        i -= _modifier_before(doc, i + 1) or (2 if _state_noun_possessive(doc, i) else 1)
    if i < 1 or doc[i].text != ",":
        return None
    name = next((m for m in people if m.span.end == i), None)
    if name is not None and _fronted_object(doc, name.span.start, post):
        return None  # "During the call with X, the emir stressed …": the emir is the clause's subject
    return name


#: Nouns standing for the state a text is about, before "'s": "X, the republic's defence minister since 2021".
STATE_NOUNS = frozenset(("republic", "country", "kingdom", "nation", "state", "emirate", "sultanate", "archipelago"))


def _state_noun_possessive(doc: Doc, i: int) -> bool:
    """Token ``i`` is the "'s" of a noun standing for a state ("the republic's", "the country's"): the post
    after it is that state's, which the rest of the text tells (a section, a delegation, the gazetteer)."""
    if i < 1:
        return False
    if doc[i].text in ("'s", "’s"):
        return fold(doc[i - 1].text) in STATE_NOUNS
    return doc[i].text == "s" and doc[i - 1].text[-1:] in ("'", "’") and fold(doc[i - 1].text[:-1]) in STATE_NOUNS


def _coordinated_post_start(doc: Doc, i: int) -> int:
    """"X, who is deputy prime minister as well as foreign minister": where the first of two posts joined by
    "and" or "as well as" starts, the second starting at token ``i`` (both are the name's before them)."""
    for joint in (("and",), ("as", "well", "as"), ("and", "later"), ("and", "then"), ("and", "also"), ("and", "now")):
        k = i - len(joint)
        if k > 0 and tuple(fold(t.text) for t in doc[k:i]) == joint:
            first = next((s for s in lex_within(doc, max(0, k - POST_REACH), k, "POST", "OFFICE", "OFFICE_WEAK")
                          if s.end == k), None)
            if first is not None:
                return first.start
    return i


#: Prepositions whose object a fronted phrase ends with ("During the call with X, the emir said").
FRONTED_PREPOSITIONS = frozenset(("with", "to", "from", "by", "after", "before", "for", "during", "at", "on"))


def _fronted_object(doc: Doc, start: int, post: Span) -> bool:
    """A name after a preposition, then a post phrase that no comma or full stop closes: the name ends a
    fronted phrase and the post opens the main clause, no apposition ("with X, the emir of Qatar, said"
    is one)."""
    if start == 0 or fold(doc[start - 1].text) not in FRONTED_PREPOSITIONS:
        return False
    end = (_of_country(doc, post.end) or (None, post.end))[1]
    return end < len(doc) and not doc[end].is_punct


def _modifier_before(doc: Doc, i: int) -> int:
    """The length of a word that qualifies a post without naming it, ending right before token ``i``:
    "the current chief of the defence staff", "the newly appointed defence minister", "the
    country's top diplomat" (whose country is then the one kg knows of the holder)."""
    words = [*cues()["post_modifiers"], *cues()["own_country"]]
    for size in (5, 4, 3, 2, 1):  # "the first woman to serve as secretary of state"
        if i - size >= 0 and fold(doc[i - size:i].text).replace(" '", "'").replace("' s", "'s") in words:
            return size
    return 0


def _country_of_post(doc: Doc, post: Span) -> str | None:
    """The country the text gives a post: a demonym right before it (after "the"), a possessive, the
    post's own office when the wording names one country's office only, or "of <Country>" after it."""
    before = post.start - 1 if post.start and fold(doc[post.start - 1].text) == "the" else post.start
    lead = post.start - _modifier_before(doc, post.start)  # "Tanzania's new defence minister, X"
    found = _country_before(doc, post.start) or _country_before(doc, before) or _possessor(doc, post.start) \
        or _its_country(doc, post.start) or (_possessor(doc, lead) or _country_before(doc, lead)
                                             if lead < post.start else None)
    if found:
        return found
    found_after = _of_country(doc, post.end)
    return found_after[0] if found_after else None


def _its_country(doc: Doc, i: int) -> str | None:
    """"Uganda was represented by its Minister of Defence, X, and the Chief of Defence Forces, Y": the country
    opening the sentence (past a dateline) that "its" right before the post at token ``i`` (or before the
    first post of the list it closes) refers back to, when no other country stands between."""
    sent = doc[i].sent
    listed = i >= 2 and fold(doc[i - 1].text) == "the" and fold(doc[i - 2].text) == "and" \
        and any(fold(t.text) == "its" for t in doc[sent.start:i - 2])  # "its Minister …, X, and the Chief …, Y"
    if i == 0 or fold(doc[i - 1].text) != "its" and not listed:
        return None
    start = _past_dateline(doc, sent)
    countries = lex_within(doc, start, i, "COUNTRY")
    if not countries or countries[0].start not in (start, start + 1) or len({c.kb_id_ for c in countries}) != 1:
        return None
    return countries[0].kb_id_


#: Words of a state's formal name before the country itself ("of the Republic of Kazakhstan", "of
#: the Islamic Republic of Iran", "of the Kingdom of Saudi Arabia").
STATE_FORM_WORDS = frozenset(("the", "republic", "of", "kingdom", "state", "federal", "islamic", "people's",
                              "democratic", "socialist", "arab", "federation", "sultanate", "principality"))


def _of_country(doc: Doc, i: int) -> tuple[str, int] | None:
    """"of Vietnam", "of the Republic of Kazakhstan" from token ``i``: the country and the index after it."""
    if i >= len(doc) or fold(doc[i].text) != "of":
        return None
    j = i + 1
    while j < len(doc) and fold(doc[j].text) in STATE_FORM_WORDS and not lex_within(doc, j, j + 1, "COUNTRY"):
        j += 1
    place = next((s for s in lex_within(doc, j, j + NAME_REACH, "COUNTRY") if s.start == j), None)
    return (place.kb_id_, place.end) if place is not None and place.kb_id_ else None


def _known_country(doc: Doc, holder: Any) -> str | None:
    """The country the gazetteer gives a known person (:func:`kg.extract.offices.known_countries`); none when
    the person may be a namesake ("BOGOTA - Defence Minister Pedro Sanchez": an article datelined in another
    state that never names the gazetteer's, :func:`kg.extract.offices._namesake_risk`)."""
    from kg.extract.offices import _namesake_risk, known_countries

    country = known_countries(doc).get(holder.key)
    return None if country is None or _namesake_risk(doc)(country) else country


def _read_at_posts(doc: Doc, read: Callable[[Doc, Span, list], Any]) -> Iterator[tuple[Span, Any]]:
    """Each post of the article with what ``read`` finds at it (the people of a succession or of an
    appointment), where it finds something."""
    people = doc._.people or []
    for post in lex_spans(doc, "POST"):
        found = read(doc, post, people)
        if found is not None:
            yield post, found


def succession_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Sir Rich Knighton, who succeeded Admiral Sir Tony Radakin as chief of the defence staff": the
    post after "as" is held by both, the successor and the one succeeded (a past holding).  The
    country is the one the text gives the post, or else the one kg knows of each holder."""
    lexicon = load_lexicon()
    out = list(holdings)
    for post, pair in _read_at_posts(doc, _succession):
        given = _country_of_post(doc, post) or _known_country(doc, pair[1]) or _known_country(doc, pair[0])
        for holder in pair:
            country = given  # one post changing hands: the holders' country, whichever kg knows
            if country is None or any(h.person == holder.key and h.office.endswith("." + post.kb_id_) for h in out):
                continue
            out.append(Holding(holder.key, lexicon.office_for(post.kb_id_, country).id,
                               (evidence(doc[post.sent.start:post.end], "en-succession-post"),),
                               replaces=pair[1].key if holder is pair[0] else None))
    return out


SUCCESSION_REACH = 4  # tokens between a successor's name and the verb (", who", ", 35,")


def _succession(doc: Doc, post: Span, people: list) -> tuple[Any, Any] | None:
    """(successor, predecessor) of "A [, who] succeeded B as <post>", ranks and honorifics before B."""
    at = post.start - (3 if _possessor(doc, post.start) else 1)  # "as Canada's chief of ..."
    at -= at > 0 and fold(doc[at].text) == "the"
    if at < 1 or fold(doc[at].text) != "as":
        return None
    before = next((m for m in people if m.span.end == at), None)
    if before is None:
        return None
    i = _past_titles_back(doc, before.span.start)
    verb = re.search(_pattern("succession_verbs").pattern + r"\s*$", fold(doc[post.sent.start:i].text))
    if verb is None:
        return None
    verb_start = next(t.i for t in doc[post.sent.start:i] if t.idx - post.sent.start_char >= verb.start())
    successor = next((m for m in people if 0 <= verb_start - m.span.end <= SUCCESSION_REACH
                      and m.span.end <= verb_start), None)
    return (successor, before) if successor is not None else None


def successor_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Koizumi, who took office in October 2025 after succeeding Gen Nakatani", "X, who replaced Y in
    March 2025": no post after the verb, so the one succeeded held the successor's post, when the
    successor holds exactly one post type in that sentence (else nobody's post is guessed); and
    "dismissed X and replaced him with his deputy, Y": Y took the post X held."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    verbs = _pattern("succession_verbs")
    for sent in doc.sents:
        text = fold(sent.text)
        for hit in verbs.finditer(text):
            at = next((t.i for t in sent if t.idx - sent.start_char >= hit.end()), None)
            if at is None:
                continue
            named = [m for m in people if sent.start <= m.span.start and m.span.end <= sent.end]
            before = [m for m in named if m.span.end < at]
            after = next((m for m in named if m.span.start in (at, _past_titles(doc, at))), None)
            titled = next((p.end for p in lex_within(doc, at, min(sent.end, at + POST_REACH), "POST", "OFFICE",
                                                     "OFFICE_WEAK") if p.start == at), None)
            if after is None and titled is not None:  # "replaced Defense Minister Y with X": past Y's post, only
                after = next((m for m in named if m.span.start == _past_titles(doc, titled)  # with "with" after Y
                              and _named_after_with(doc, m.span.end, sent.end, named) is not None), None)
            pronoun = at < sent.end and fold(doc[at].text) in ("him", "her")
            told_in = sent
            by = _passive_by(doc, text[:hit.start()], at, sent.end)
            if by is not None:  # "X, who was <post> until October, was replaced in that role by Y"
                successor = next((m for m in named if m.span.start == _past_titles(doc, by)), None)
                predecessor = before[-1] if before else _pronoun_opening_for(doc, sent, people)
                told_in = sent if before or predecessor is None else doc[sent.start - 1].sent  # "He": told before
                pronoun = True  # the post is the predecessor's, told beside him
            elif pronoun:  # "replaced him with (his deputy,) Y": Y succeeded the one named before
                successor = _named_after_with(doc, at + 1, sent.end, named)
                predecessor = before[-1] if len(before) >= 2 else None
            else:
                successor, predecessor = (before[-1] if before else None), after
                instead = _named_after_with(doc, after.span.end, sent.end, named) if after is not None else None
                if instead is not None:  # "Z replaced Defense Minister Y with Gen. X": X took Y's post
                    successor, pronoun = instead, True
                elif not before and after is not None and fold(text[:hit.start()]).strip() in ("he", "she"):
                    successor = _pronoun_opening_for(doc, sent, people)  # "X …. He replaced Y": the post told
                    told_in = doc[sent.start - 1].sent  # of X in the sentence before
            if successor is None or predecessor is None or successor.key == predecessor.key:
                continue
            out = _hand_over(doc, told_in, out, successor, predecessor, pronoun, lexicon)
    return _successor_named_after(doc, out, people, lexicon)


def _pronoun_opening_for(doc: Doc, sent: Span, people: list) -> Any:
    """"X, …, was killed in the strike. He was replaced by Y": the person a sentence opening on "He" or "She"
    stands for, when the sentence before names one person only."""
    start = sent.start
    if fold(doc[start].text) not in ("he", "she") or start == 0:
        return None
    prev = doc[start - 1].sent
    named = [m for m in people if prev.start <= m.span.start < prev.end]
    return named[0] if named and all(m.key == named[0].key for m in named) else None


PASSIVE_ROLE = re.compile(r"^(?:in (?:that|the|this) (?:role|post|job|position|office) )?by$")
PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|has been|have been|had been|is being|was being)\s*$"
                         r"|\b(?:was|were|has been|had been)\s+(?:[\w'-]+\s+){1,5}and\s*$")  # "was relieved … and"


def _passive_by(doc: Doc, before: str, at: int, end: int) -> int | None:
    """Where the agent's name may start in a passive succession ("was replaced [in that role] by Y"): the
    token after "by", or None when the verb is no passive or no "by" follows within a few words."""
    if not PASSIVE_AUX.search(before):
        return None
    for k in range(at, min(end, at + 6)):
        if fold(doc[k].text) == "by":
            return k + 1 if PASSIVE_ROLE.match(fold(doc[at:k + 1].text)) else None
    return None


#: "His successor, X," / "Her predecessor, Y," / "Nakatani's successor, X,": a relation noun whose owner is the
#: sentence before's subject (or the name before "'s", if it is named in the sentence before).
RELATED = re.compile(r"^(?:his|her|(?P<owner>[\w .'-]{2,40}?)\s*'\s*s) (successor|predecessor|replacement),\s*$")


def _successor_named_after(doc: Doc, holdings: list[Holding], people: list, lexicon: Any) -> list[Holding]:
    """"Former Prime Minister X, who stepped down in October, … His successor, Y, held …": the person
    set off after "His successor," (or "Her predecessor,") opening a sentence takes the one post type
    the first person of the sentence before holds there."""
    sents = list(doc.sents)
    out = holdings
    for prev, sent in itertools.pairwise(sents):
        named = next((m for m in people if sent.start <= m.span.start < sent.end), None)
        owner = next((m for m in people if prev.start <= m.span.start < prev.end), None)
        if named is not None and named.span.start == sent.start:  # "X's successor, Y": X named in the sentence before
            owner = next((m for m in people if prev.start <= m.span.start < prev.end and m.key == named.key), None)
            named = next((m for m in people if named.span.end <= m.span.start < sent.end), None)
        related = RELATED.match(fold(doc[sent.start:_past_titles_back(doc, named.span.start)].text)) \
            if named is not None else None  # "His predecessor, Gen. Y,": past Y's rank
        if related is not None and related.group("owner") and owner is not None \
                and fold(related.group("owner")) != fold(owner.span.text).split()[-1] \
                and fold(related.group("owner")) != fold(owner.span.text):
            continue  # "X's successor" where X is no person named in the sentence before
        if related is None or owner is None or named is None or owner.key == named.key:
            continue
        successor, predecessor = (named, owner) if related.group(2) != "predecessor" else (owner, named)
        out = _hand_over(doc, prev, out, successor, predecessor, predecessor is owner, lexicon)
    for sent in sents:  # "Outgoing Defence Minister X handed over to his successor, Y, on Monday": in one sentence
        named = [m for m in people if sent.start <= m.span.start < sent.end]
        for m in named[1:]:
            related = RELATED_INSIDE.search(fold(doc[sent.start:_past_titles_back(doc, m.span.start)].text))
            if related is not None and named[0].key != m.key:
                successor, predecessor = (m, named[0]) if related.group(1) != "predecessor" else (named[0], m)
                out = _hand_over(doc, sent, out, successor, predecessor, predecessor is named[0], lexicon)
    return out


#: "… handed over to his successor, Y", "… met with her predecessor, Y": a relation noun in the sentence whose owner
#: is the sentence's first person (its subject).
RELATED_INSIDE = re.compile(r"\b(?:to|with|by|from) (?:his|her) (successor|predecessor|replacement),?\s*$")


#: "His deputy, Y," opening a sentence: Y is the deputy of the post the one named before holds.
DEPUTY_RELATED = re.compile(r"^(?:his|her) (?:(?:first|top|new) )?deputy,\s*$")
DEPUTY_POSTS = {"defence_minister": "deputy_defence_minister", "foreign_minister": "deputy_foreign_minister",
                "head_of_government": "deputy_head_of_government"}


def deputy_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Defense Secretary X has leaned on aides. His deputy, Y, oversees the budget": Y holds the deputy post
    of the one post the first person of the sentence before holds there (a minister's or a head of
    government's), in that post's country; nothing when that person holds several posts there or one
    with no deputy post."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    for prev, sent in itertools.pairwise(list(doc.sents)):
        named = next((m for m in people if sent.start <= m.span.start < sent.end), None)
        owner = next((m for m in people if prev.start <= m.span.start < prev.end), None)
        if named is None or owner is None or named.key == owner.key \
                or not DEPUTY_RELATED.match(fold(doc[sent.start:_past_titles_back(doc, named.span.start)].text)):
            continue
        told = {h.office for h in out if h.person == owner.key and not h.office.startswith("?.")
                and any(prev.start_char <= e.start < prev.end_char for e in h.evidence)}
        if len(told) != 1:
            continue
        office = told.pop()
        deputy = DEPUTY_POSTS.get(lexicon.offices[office].type if office in lexicon.offices else "")
        if deputy is None or any(h.person == named.key and h.office.endswith("." + deputy) for h in out):
            continue
        out.append(Holding(named.key, lexicon.office_for(deputy, office.split(".")[0]).id,
                           (evidence(doc[sent.start:named.span.end], "en-deputy-of"),)))
    return out


WITH_REACH = 6  # "with his deputy, Y": words between "with" and the successor's name


def _named_after_with(doc: Doc, i: int, end: int, named: list) -> Any:
    """The name after "with" (a role noun and a comma between: "with his deputy, Y")."""
    if i >= end or fold(doc[i].text) != "with":
        return None
    return next((m for m in named if i < m.span.start <= i + WITH_REACH and not any(
        t.pos_ == "VERB" for t in doc[i + 1:m.span.start])), None)


def _hand_over(doc: Doc, sent: Span, holdings: list[Holding], successor_mention: Any, predecessor_mention: Any,
               backwards: bool, lexicon: Any) -> list[Holding]:
    """The post changing hands: the one post type the giver holds by this sentence's evidence or by a
    post right before the giver's name here (the successor's, or with ``backwards`` the predecessor's:
    "dismissed Foreign Minister X and replaced him with Y") is the taker's too; the successor's holding
    names whom it replaces."""
    successor, predecessor = successor_mention.key, predecessor_mention.key
    giver, taker = (predecessor, successor) if backwards else (successor, predecessor)
    named = predecessor_mention if backwards else successor_mention
    told = {h.office.partition(".")[2] for h in holdings if h.person == giver
            and any(sent.start_char <= e.start < sent.end_char for e in h.evidence)}
    told |= {p.kb_id_ for p in lex_within(doc, max(sent.start, named.span.start - POST_REACH), named.span.start, "POST")
             if _past_titles(doc, p.end) == named.span.start}
    if not told and not backwards and (named.span.start == sent.start  # "X, the new foreign secretary, …. X
                                       or _who_clause_after(doc, named)):  # "…, X, who took over from Y in July,"
        told = {h.office.partition(".")[2] for h in holdings if h.person == giver  # succeeds Y, who …": the one
                and all(e.end <= sent.start_char for e in h.evidence)  # post the article gave X before, not one
                and not any(o.office == h.office and o.replaces == giver for o in holdings)}  # X was replaced in
        appointed = {h.office.partition(".")[2] for h in holdings if h.person == giver and h.office.partition(".")[2]
                     in told and any(e.rule == "en-appointed-post" for e in h.evidence)}
        told = appointed if len(told) > 1 and len(appointed) == 1 else told  # "named army chief X as defence
    if not told and backwards and sent.start > 0:  # minister. X replaces Y": the post X was named to
        prev = doc[sent.start - 1].sent  # "X moved Y out of the Foreign Office …. Y was replaced by Z": the post
        told = {h.office.partition(".")[2] for h in holdings if h.person == giver  # the sentence before tells
                and (giver, h.office.partition(".")[2]) in notes(doc).former  # Y left
                and any(prev.start_char <= e.start < prev.end_char for e in h.evidence)}
    if len(told) != 1:
        return holdings
    post_type = told.pop()  # placed where the article places it ("Foreign Minister Kuleba", Ukraine's before)
    office = next((h.office for h in holdings if h.person == giver and h.office.partition(".")[2] == post_type
                   and not h.office.startswith("?.")), f"?.{post_type}")
    out = list(holdings)
    if not any(h.person == taker and h.office == office for h in out):
        out.append(Holding(taker, office, (evidence(sent, "en-succession"),),
                           replaces=predecessor if taker == successor else None))
    return [replace(h, replaces=predecessor) if h.person == successor and h.office == office and h.replaces is None
            else h for h in out]


def _who_clause_after(doc: Doc, named: Any) -> bool:
    """The name is set off before a relative clause of its own (", who took over from Y"): the succession
    it tells is that person's, whatever the sentence's main clause is about."""
    end = named.span.end
    return end + 1 < len(doc) and doc[end].text == "," and fold(doc[end + 1].text) == "who"


#: "X, who was moved to the defense ministry", "kept X at the foreign ministry": a ministry a name is sent to
#: or kept at; the verb is right before the name ("kept X at") or after it ("X was moved to").
MINISTRY_MOVE = re.compile(r"\b(?:(?P<kept>kept|keeps|keeping|retained|retains|retaining)\s+(?P<name>.+?)\s+at|"
                           r"(?P<named>named|appointed|tapped|picked|chose|naming|appointing|tapping)\s+"
                           r"(?P<appointee>.+?)\s+to\s+(?:run|head|lead|take\s+over)|"
                           r"(?P<moved>(?:was|has been|had been|is|were)\s+(?:moved|shifted|switched|transferred|sent)"
                           r"\s+to|(?:moved|moves|moving|switched|switches|shifted)\s+to|remains\s+at|stays\s+at|"
                           r"(?:returns|returned|returning|goes\s+back|went\s+back)\s+to|"
                           r"(?:took|takes|taking)\s+over|took\s+charge\s+of|(?:(?:had|has|have)\s+)?"
                           r"(?:heads|headed|leads|led|runs|ran|run)))"
                           r"\s+(?:(?P<owner>[a-z .-]{2,30}?)\s*'\s*s\s+|the\s+)"
                           r"(?P<ministry>foreign|defen[cs]e)\s+ministry\b(?!\s*'\s*s\b)(?:\s+from\s+)?")
MOVE_REACH = 3  # tokens between a moved name and its verb (", who")


def ministry_move_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"X, who was moved to the defense ministry", "President Y kept X at the foreign ministry": the ministry's
    post (its minister) is the name's.  The country is the one kg knows of the holder, else the one country of
    the holder's other posts, else the one country of all the article's posts."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    for sent in doc.sents:
        for hit in MINISTRY_MOVE.finditer(fold(sent.text)):
            at = next(t.i for t in sent if t.idx - sent.start_char >= hit.start())
            if hit.group("kept"):
                name_at = next(t.i for t in sent if t.idx - sent.start_char >= hit.start("name"))
                holder = next((m for m in people if m.span.start == _past_titles(doc, name_at)
                               and fold(doc[m.span.end].text) == "at"), None)
            elif hit.group("named"):  # "named X to run the defence ministry"
                if re.search(_pattern("not_realised_before").pattern + r"\s*$", fold(sent.text)[:hit.start()]):
                    continue
                name_at = next(t.i for t in sent if t.idx - sent.start_char >= hit.start("appointee"))
                holder = next((m for m in people if m.span.start == _past_titles(doc, name_at)
                               and fold(doc[m.span.end].text) == "to"), None)
            else:
                holder = next((m for m in people if 0 <= at - m.span.end <= MOVE_REACH and all(
                    fold(t.text) in (",", "who") for t in doc[m.span.end:at])), None) \
                    or _apposed_before(doc, at, people, "who", False) or _apposed_before(doc, at, people, ",", True)
            if holder is None:
                continue
            post_type = MINISTRY_POSTS[hit.group("ministry")]
            own = {h.office.split(".")[0] for h in out if h.person == holder.key and not h.office.startswith("?.")}
            ministry = next(t.i for t in sent if t.idx - sent.start_char >= hit.start("ministry"))
            country = _possessor(doc, ministry) if hit.group("owner") else None  # "heads Taiwan's defense ministry"
            country = country or _known_country(doc, holder) or (own.pop() if len(own) == 1 else None) \
                or _sole_country(out)
            if country is None or hit.group("owner") and not _possessor(doc, ministry):
                continue
            office = lexicon.office_for(post_type, country).id
            after = next((t.i for t in sent if t.idx - sent.start_char >= hit.end()), None)
            gone = next((m for m in people if after is not None and hit.group(0).endswith("from ")
                         and m.span.start == _past_titles(doc, after)), None)
            if gone is not None and gone.key != holder.key:  # "took over the defence ministry from Y": Y's before
                out = _succeeded(doc, out, (holder, gone), (office, post_type), sent, "en-ministry-move")
            elif not any(h.person == holder.key and h.office == office for h in out):
                out.append(Holding(holder.key, office, (evidence(sent, "en-ministry-move"),)))
    return out


#: "moved X out of the Foreign Office", "took X out of the defence ministry": X held that ministry's post.
MOVED_OUT = re.compile(r"\b(?:moved|moves|moving|shifted|shifts|took|takes|taking|removed|removes|pulled)\s+"
                       r"(?P<name>[^,;]+?)\s+out\s+of\s+the\s+(?P<ministry>foreign|defen[cs]e)\s+(?:ministry|office)\b")
#: ", making him Deputy Prime Minister and Justice Secretary": the posts a gerund clause gives the one moved.
MAKING = re.compile(r",\s*(?:making|naming|appointing)\s+(?:him|her)(?:\s+the)?(?:\s+new)?\s*$")


def moved_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Prime Minister X moved Y out of the Foreign Office on Friday, making him Deputy Prime Minister and
    Justice Secretary": Y held the ministry's post (a past one), and the posts right after ", making him"
    (joined by "and") are Y's, the last person named before the pronoun in the sentence.  The country is
    the one kg knows of Y, else the one country of the sentence's other placed holdings."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    for sent in doc.sents:
        text = fold(sent.text)
        named = [m for m in people if sent.start <= m.span.start and m.span.end <= sent.end]
        placed = {h.office.split(".")[0] for h in out if not h.office.startswith("?.") and any(
            sent.start_char <= e.start < sent.end_char for e in h.evidence)}
        for hit in MOVED_OUT.finditer(text):
            at = next(t.i for t in sent if t.idx - sent.start_char >= hit.start("name"))
            holder = next((m for m in named if m.span.start == _past_titles(doc, at)), None)
            country = (_known_country(doc, holder) or (next(iter(placed)) if len(placed) == 1 else None)) \
                if holder is not None else None
            if holder is None or country is None:
                continue
            post_type = MINISTRY_POSTS[hit.group("ministry")]
            office = lexicon.office_for(post_type, country).id
            if not any(h.person == holder.key and h.office == office for h in out):
                out.append(Holding(holder.key, office, (evidence(sent, "en-moved-out"),)))
            notes(doc).former.add((holder.key, post_type))
        for post in lex_spans(doc, "POST"):
            if not (sent.start <= post.start < sent.end) or not MAKING.search(fold(doc[sent.start:post.start].text)):
                continue
            pronoun = next(k for k in range(post.start - 1, sent.start, -1) if fold(doc[k].text) in ("him", "her"))
            before = [m for m in named if m.span.end <= pronoun]
            if not before:
                continue
            holder = before[-1]
            country = _known_country(doc, holder) or (next(iter(placed)) if len(placed) == 1 else None)
            if country is None:
                continue
            joined = [q for q in lex_spans(doc, "POST")
                      if q.start == post.end + 1 and fold(doc[post.end].text) == "and"]
            for p in [post, *joined]:  # "making him Deputy Prime Minister and Foreign Secretary"
                office = lexicon.office_for(p.kb_id_, country).id
                if not any(h.person == holder.key and h.office == office for h in out):
                    out.append(Holding(holder.key, office, (evidence(doc[pronoun - 2:p.end], "en-made-post"),)))
    return out


#: "Appointed commander-in-chief in February 2024, Gen. X …": a participle clause fronting a post before its holder.
FRONTED_APPOINTMENT = re.compile(r"^(?:[-\u2013\u2014:]\s*)?(?:newly\s+)?(?:appointed|named|sworn\s+in|elected|"
                                 r"promoted|confirmed|installed|reappointed|re-elected|tapped)(?:\s+(?:as|to\s+be|to))?(?:\s+the)?(?:\s+new)?\s*$")
FRONTED_REACH = 12  # words between the post and the comma ("in February 2024", "by President X last year")


def fronted_appointment_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Appointed commander-in-chief in February 2024, Gen. X has overseen …", "Sworn in as defence minister
    last year, X …": the post of a participle clause opening the sentence is the holder named right after the
    comma that closes it (ranks between), as in French ("Nommé ministre …, X").  The country is the one the
    post's wording gives, else the one kg knows of the holder, else left to be placed."""
    lexicon = load_lexicon()
    people = doc._.people or []
    out = list(holdings)
    generic = {(p.start, p.end) for p in lex_spans(doc, "POST")}
    for post in lex_spans(doc, "POST", "OFFICE", "OFFICE_WEAK"):
        if post.label_ != "POST" and ((post.start, post.end) in generic or post.kb_id_ not in lexicon.offices):
            continue
        sent = post.sent
        start = _past_dateline(doc, sent)
        if not FRONTED_APPOINTMENT.match(fold(doc[start:post.start].text)) or start == post.start:
            continue
        comma = next((t.i for t in doc[post.end:min(sent.end, post.end + FRONTED_REACH)] if t.text == ","), None)
        if comma is None or any(t.pos_ in ("AUX",) or t.text in (";", ":") for t in doc[post.end:comma]):
            continue
        holder = next((m for m in people if m.span.start == _past_titles(doc, comma + 1)), None)
        if holder is None:
            continue
        country = _country_of_post(doc, post) or _known_country(doc, holder)
        if post.label_ == "POST":
            post_type, office = post.kb_id_, lexicon.office_for(post.kb_id_, country or "?").id
        else:  # a country's own office; one whose wording others share only where the text places it there
            from kg.extract.offices import _dateline_country

            own = lexicon.offices[post.kb_id_]
            if post.label_ == "OFFICE_WEAK" and (country or _dateline_country(doc)) != own.country:
                continue  # "KYIV - Appointed commander-in-chief …, Gen. X": Ukraine's
            post_type, office = own.type, own.id
        if not any(h.person == holder.key and h.office.endswith("." + post_type) for h in out):
            out.append(Holding(holder.key, office, (evidence(doc[start:holder.span.end], "en-fronted-appointment"),)))
    return out


FORCES_WORDS = (("armed", "forces"), ("defence", "forces"), ("defense", "forces"), ("defence", "force"),
                ("defense", "force"), ("military",))


def forces_chief_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Armed Forces of the Philippines chief Gen. X", "Defence Forces of Malta chief Brig. X": a state's
    armed forces named in full, then "chief", then the name (ranks between) is that state's chief of defence."""
    lexicon = load_lexicon()
    out = list(holdings)
    countries = lex_spans(doc, "COUNTRY")
    for m in doc._.people or []:
        start = _past_titles_back(doc, m.span.start)
        if start < 5 or fold(doc[start - 1].text) != "chief":
            continue
        country = next((c for c in countries if c.end == start - 1), None)
        if country is None:
            continue
        k = country.start - (fold(doc[country.start - 1].text) == "the")
        if fold(doc[k - 1].text) != "of":
            continue
        words = tuple(fold(t.text) for t in doc[max(0, k - 3):k - 1])
        if not any(words[-len(w):] == w for w in FORCES_WORDS):
            continue
        office = lexicon.office_for("chief_of_defence", country.kb_id_).id
        if not any(h.person == m.key and h.office == office for h in out):
            out.append(Holding(m.key, office, (evidence(doc[k - 3:m.span.end], "en-forces-chief"),)))
    return out


def _apposed_before(doc: Doc, at: int, people: list, closing: str, articled: bool) -> Any:
    """The name before a short lower-case apposition set off by a comma and closed right before token
    ``at`` by ``closing`` ("who" or ","): "X, an economist who <verb>", "X, an economist, took over …".
    ``articled``: the apposition opens on "a", "an" or "the", and then no part of speech is asked (the
    French model may tag an English adjective as a verb: "X, a former defence minister who became …");
    else it may open on anything but has no verb."""
    if at < 3 or fold(doc[at - 1].text) != closing:
        return None
    comma = next((k for k in range(at - 2, max(0, at - 8), -1) if doc[k].text == ","), None)
    if comma is None:
        return None
    phrase = doc[comma + 1:at - 1]
    if articled:
        ok = fold(doc[comma + 1].text) in ("a", "an", "the") and all(t.text.islower() for t in phrase)
    else:
        ok = all(t.text.islower() and t.pos_ != "VERB" for t in phrase)
    return next((m for m in people if m.span.end == comma), None) if ok else None


#: "China's defense ministry, headed by Adm. X", "the foreign ministry, which is led by X": the ministry's head.
MINISTRY_HEADED = re.compile(r"\b(?P<ministry>foreign|defen[cs]e) ministry,?\s+(?:which\s+is\s+|is\s+|was\s+)?"
                             r"(?:headed|led|run)\s+(?:since\s+\S+(?:\s+\d{4})?\s+)?by\s+")


def ministry_headed_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"China's defense ministry, headed by Adm. X since December 2023, said …": the name after "headed by"
    (past its ranks) holds the ministry's minister post, in the country of the possessive or demonym before the
    ministry, else the one kg knows of the holder."""
    lexicon = load_lexicon()
    people = doc._.people or []
    out = list(holdings)
    for sent in doc.sents:
        for hit in MINISTRY_HEADED.finditer(fold(sent.text)):
            first = next(t.i for t in sent if t.idx - sent.start_char >= hit.start())
            by_end = next((t.i for t in sent if t.idx - sent.start_char >= hit.end()), None)
            if by_end is None:
                continue
            holder = next((m for m in people if m.span.start == _past_titles(doc, by_end)), None)
            if holder is None:
                continue
            country = _possessor(doc, first) or _country_before(doc, first) or _known_country(doc, holder)
            if country is None:
                continue
            office = lexicon.office_for(MINISTRY_POSTS[hit.group("ministry")], country).id
            if not any(h.person == holder.key and h.office == office for h in out):
                out.append(Holding(holder.key, office, (evidence(doc[first:holder.span.end], "en-ministry-headed"),)))
    return out


HEADS_BODY = re.compile(r"^,?\s*(?:now\s+|currently\s+|also\s+)?(?:heads|leads|runs|chairs|took\s+over|has\s+headed|"
                        r"has\s+led|has\s+run)\s+(?:the\s+)?(?:(?P<adj>[A-Z][a-z]+)\s+)?"
                        r"(?P<body>Security\s+Council|[Dd]efen[cs]e\s+[Mm]inistry|[Ff]oreign\s+[Mm]inistry)\b")
HEADED_POSTS = {"security": "security_council_secretary", "defence": "defence_minister", "defense": "defence_minister",
                "foreign": "foreign_minister"}
UNITED_NATIONS = re.compile(r"\bU\.N\.|\bUN\b|United Nations")


def headed_body_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"X now heads the Security Council", "Y, who was defence minister until 2024, now heads the Security
    Council", "Z runs the defence ministry": the name opening the clause (maybe past a relative clause set off
    by commas) holds the body's head post, in the country of a demonym before the body, else the one kg knows
    of the holder.  Never a Security Council in an article on the United Nations (its rotating presidency)."""
    lexicon = load_lexicon()
    out = list(holdings)
    for m in doc._.people or []:
        rest, skip = doc.text[m.span.end_char:m.span.sent.end_char], 0
        if rest.startswith(", who"):  # past "X, who was …, now heads …"
            skip = rest.find(",", 5)
            rest = rest[skip:] if skip > 0 else ""
        hit = HEADS_BODY.match(rest)
        if hit is None:
            continue
        kind = fold(hit.group("body").split()[0])
        if kind == "security" and UNITED_NATIONS.search(doc.text):
            continue
        adj = hit.group("adj")
        country = next((sp.kb_id_ for sp in lex_spans(doc, "DEMONYM") if adj and sp.text == adj), None) \
            or _known_country(doc, m)
        if country is None:
            continue
        office = lexicon.office_for(HEADED_POSTS[kind], country).id
        if not any(h.person == m.key and h.office == office for h in out):
            end = doc.char_span(m.span.end_char, m.span.end_char + max(skip, 0) + hit.end(), alignment_mode="expand")
            out.append(Holding(m.key, office, (evidence(doc[m.span.start:end.end if end is not None else m.span.end],
                                                        "en-heads-body"),)))
    return out


MINISTER_TITLES = frozenset(("minister", "secretary"))


#: Wordings of a state's top officer or (the bare "defence chief") its minister, told by the title before the
#: name: "Australia's defence force chief, Admiral X", "Japan's top general, Gen. Y", "Mali's military chief, Gen. Z".
DEFENCE_CHIEF_HEADS = (("defence", "chief"), ("defense", "chief"), ("defence", "force", "chief"),
                       ("defense", "force", "chief"), ("defence", "forces", "chief"), ("defense", "forces", "chief"),
                       ("armed", "forces", "chief"), ("military", "chief"), ("top", "general"),
                       ("top", "military", "officer"))


def defence_chief_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Indonesia's defence chief, Minister X", "Britain's defence chief, Adm. Y": "defence chief" names the
    minister or the top officer, as the title the name is written with says ("Minister" / a military rank);
    the country is the possessive or demonym before it.  No title, no post."""
    lexicon = load_lexicon()
    ranks = {fold(r) for r in title_cues("ranks_en")}
    people = doc._.people or []
    out = list(holdings)
    for t in doc[:-2]:
        words = tuple(fold(w.text) for w in doc[t.i:t.i + 4])
        size = next((len(h) for h in DEFENCE_CHIEF_HEADS if words[:len(h)] == h), None)
        if size is None or t.i + size >= len(doc):
            continue
        k = t.i + size + (doc[t.i + size].text == ",")
        holder = next((m for m in people if k < m.span.start <= k + 4), None)
        if holder is None:
            continue
        title = fold(doc[k:holder.span.start].text)
        minister = size == 2 and words[0] in ("defence", "defense")  # only the bare "defence chief" may name
        # the minister
        post_type = "defence_minister" if minister and title in MINISTER_TITLES \
            else "chief_of_defence" if title in ranks else None
        country = _possessor(doc, t.i) or _country_before(doc, t.i)
        if post_type is None or country is None:
            continue
        office = lexicon.office_for(post_type, country).id
        out = [h for h in out if not (h.person == holder.key and h.office == f"?.{post_type}")]
        if not any(h.person == holder.key and h.office == office for h in out):
            out.append(Holding(holder.key, office, (evidence(doc[t.i:holder.span.end], "en-defence-chief"),)))
    return out


RELATION_AS = {"successor": True, "predecessor": False}


def related_as_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Lt. Gen. X, Y's successor as chief of the general staff, …" and "Y's predecessor as <post>, X,": the
    person set off beside "<Name>'s successor as <post>" holds that post and the one named before "'s" held
    it before (a past holding); with "predecessor" the other way round.  The country is the one the text
    gives the post, else the one kg knows of either."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    posts = {p.start: p for p in lex_spans(doc, "POST")}
    out = list(holdings)
    for owner in people:
        i = owner.span.end + (owner.span.end < len(doc) and fold(doc[owner.span.end].text) in ("s", "'s"))
        if not doc[owner.span.end - 1].text.endswith(("'", "\u2019")) and i == owner.span.end:
            continue  # no possessive
        if i + 2 >= len(doc) or fold(doc[i].text) not in RELATION_AS or fold(doc[i + 1].text) != "as":
            continue
        k = i + 2 + (fold(doc[i + 2].text) == "the")
        post = posts.get(k)
        if post is None:
            post = _ranked_chief_of_staff(doc, k, owner, people)
        if post is None:
            continue
        holder = _left_set_off(doc, owner, people) or _right_apposed(doc, post, people)
        if holder is None or holder.key == owner.key:
            continue
        current, past = (holder, owner) if RELATION_AS[fold(doc[i].text)] else (owner, holder)
        country = _country_of_post(doc, post) or _known_country(doc, current) or _known_country(doc, past) \
            or _sole_country(out)
        if country is None:
            continue
        office = lexicon.office_for(post.kb_id_, country).id
        out = _succeeded(doc, out, (current, past), (office, post.kb_id_), doc[owner.span.start:post.end],
                         "en-related-as", unplaced=True)
    return out


REMOVED = re.compile(r"(?:,\s*who\s+)?(?:was|had been|has been|were)\s+(?:abruptly\s+|summarily\s+)?"
                     r"(?:removed|fired|dismissed|sacked|ousted|relieved)\s+(?:of\s+his\s+duties\s+|of\s+her\s+duties\s+)?"
                     r"as\s+(?:the\s+)?$")


def removed_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Adm. X, who was removed as chief of naval operations in February": the subject held the post (a past
    holding).  The country is the one the post's wording gives, else the one kg knows of the holder."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    for post in lex_spans(doc, "POST", "OFFICE"):
        sent = post.sent
        head = doc[max(sent.start, post.start - 12):post.start]
        hit = REMOVED.search(fold(head.text) + " ")
        if hit is None:
            continue
        k = next(t.i for t in head if t.idx - head.start_char >= hit.start())
        holder = next((m for m in people if m.span.end == k), None)
        if holder is None:
            continue
        if post.label_ == "OFFICE":
            office = post.kb_id_
        else:
            country = _country_of_post(doc, post) or _known_country(doc, holder)
            if country is None:
                continue
            office = lexicon.office_for(post.kb_id_, country).id
        if not any(h.person == holder.key and h.office == office for h in out):
            out.append(Holding(holder.key, office, (evidence(doc[holder.span.start:post.end], "en-removed-as"),)))
        notes(doc).former.add((holder.key, lexicon.office(office).type))
    return out


MINISTRY_RELATION = re.compile(r"\b(?:his|her) (successor|predecessor) (?:at|in) the (foreign|defen[cs]e) ministry"
                               r" ,\s*$")
MINISTRY_POSTS = {"foreign": "foreign_minister", "defence": "defence_minister", "defense": "defence_minister"}


def related_at_ministry_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Park Jin, a former foreign minister, …, while his successor at the foreign ministry, Cho Hyun, was …":
    the person set off after "his successor at the <foreign|defence> ministry," holds that ministry's post, and
    the one "his" stands for (the last person named before it in the sentence) held it before; "predecessor"
    the other way round."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    for named in people:
        i = _past_titles_back(doc, named.span.start)
        head = doc[max(named.span.sent.start, i - 9):i]
        hit = MINISTRY_RELATION.search(" ".join(fold(t.text) for t in head) + " ")  # words spaced, the comma too
        if hit is None:
            continue
        post_type = MINISTRY_POSTS[hit.group(2)]
        owner = next((m for m in reversed(people) if m.span.end <= head.start
                      and m.span.sent.start == named.span.sent.start), None)
        if owner is None or owner.key == named.key:
            continue
        current, past = (named, owner) if hit.group(1) == "successor" else (owner, named)
        placed = {h.office.split(".")[0] for h in out if h.person in (current.key, past.key)
                  and h.office.endswith("." + post_type) and not h.office.startswith("?.")}
        country = placed.pop() if len(placed) == 1 else _known_country(doc, past) or _known_country(doc, current)
        if country is None:
            continue
        office = lexicon.office_for(post_type, country).id
        out = _succeeded(doc, out, (current, past), (office, post_type), doc[head.start:named.span.end],
                         "en-related-at")
    return out


def _succeeded(doc: Doc, holdings: list[Holding], pair: tuple[Any, Any], post: tuple[str, str], span: Span, rule: str,
               unplaced: bool = False) -> list[Holding]:
    """The holdings with ``pair`` = (current, past) both holding the office of ``post`` = (office id, post
    type), the current one replacing the past one, whose holding is a past one; a holding either already
    has stays as it is; with ``unplaced``, one of that post with no country gives way to the placed one."""
    (current, past), (office, post_type) = pair, post
    out = list(holdings)
    for person in (current, past):
        if not any(h.person == person.key and h.office == office for h in out):
            if unplaced:
                out = [h for h in out if not (h.person == person.key and h.office == f"?.{post_type}")]
            out.append(Holding(person.key, office, (evidence(span, rule),),
                               replaces=past.key if person is current else None))
    notes(doc).former.add((past.key, post_type))
    return out


def _past_titles_back(doc: Doc, i: int) -> int:
    """Where the ranks and honorifics before a name at token ``i`` start."""
    titles = {t.i for s in lex_within(doc, max(0, i - TITLE_REACH), i, "TITLE") for t in s}
    while i - 1 in titles or (i > 1 and doc[i - 1].text == "." and i - 2 in titles):
        i -= 1
    return i


def former_role_subjects(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Few expected Israel Katz to last at the defence ministry. The former foreign minister, who took over …":
    a former post's role noun opening its sentence, set off by a comma and naming nobody (no name apposed to
    it), stands for the one person the sentence before names, who held that post (a past holding, in the
    country of that person's placed posts or the one kg knows of him)."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    sents = list(doc.sents)
    out = list(holdings)
    for post in lex_spans(doc, "POST"):
        sent = post.sent
        lead = [fold(t.text) for t in doc[sent.start:post.start]]
        if lead not in (["the", "former"], ["former"]) or post.end >= sent.end or doc[post.end].text != ",":
            continue
        if any(m.span.start == _past_titles(doc, post.end + 1) for m in people):
            continue  # "The former defence minister, X, said": the name set off is his
        if any(fold(t.text) in ("him", "her", "he", "she") for t in doc[post.end:sent.end]):
            continue  # "X spoke. The former defence minister, …, criticised him": the pronoun is X, not he
        k = next((i for i, s in enumerate(sents) if s.start == sent.start), 0)
        prev = next((s for s in reversed(sents[:k]) if s.text.strip()), None)
        named = {m.key: m for m in people if prev is not None and prev.start <= m.span.start < prev.end}
        if len(named) != 1:
            continue
        person = next(iter(named.values()))
        placed = {h.office.split(".")[0] for h in out if h.person == person.key and not h.office.startswith("?.")}
        country = placed.pop() if len(placed) == 1 else _known_country(doc, person)
        if country is None:
            continue
        office = lexicon.office_for(post.kb_id_, country).id
        if not any(h.person == person.key and h.office == office for h in out):
            out.append(Holding(person.key, office, (evidence(doc[sent.start:post.end], "en-former-role-noun"),)))
        notes(doc).former.add((person.key, post.kb_id_))
    return out


DEPARTED = re.compile(r"^(?:abruptly |suddenly )?(?:resigned|stepped down|quit|was (?:sacked|fired|dismissed|ousted|"
                      r"removed))\b")


def departed_predecessors(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"X, tapped as defence minister by President Z after Y resigned on health grounds": the one whose departure
    the appointment followed held the post given in that sentence (a past holding), when the sentence gives
    exactly one post by appointment."""
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    for sent in doc.sents:
        given = {h.office for h in out if any(e.rule == "en-appointed-post" and sent.start_char <= e.start
                                              < sent.end_char for e in h.evidence)}
        if len(given) != 1:
            continue
        office = given.pop()
        appointees = {h.person for h in out if h.office == office and any(
            e.rule == "en-appointed-post" and sent.start_char <= e.start < sent.end_char for e in h.evidence)}
        for t in sent:
            if fold(t.text) not in ("after", "following"):
                continue
            gone = next((m for m in people if m.span.start == _past_titles(doc, t.i + 1)), None)
            fired = _fired_after(doc, sent, t.i, people) if gone is None else None
            if fired is not None:  # "X was named defense minister after Prime Minister Z fired Y"
                gone = fired
            elif gone is None or gone.key in appointees or gone.span.end >= sent.end:
                continue
            rest = " ".join(fold(x.text) for x in doc[gone.span.end:min(sent.end, gone.span.end + 4)])
            if gone.key in appointees or fired is None and not DEPARTED.match(rest):
                continue
            if not any(h.person == gone.key and h.office == office for h in out):
                out.append(Holding(gone.key, office, (evidence(doc[t.i:gone.span.end + 2], "en-departed"),)))
            notes(doc).former.add((gone.key, load_lexicon().office(office).type))
    return out


FIRING = frozenset(("fired", "sacked", "dismissed", "ousted", "removed"))
FIRING_REACH = 8  # tokens between "after" and its firing verb ("after Prime Minister Benjamin Netanyahu fired")


def _fired_after(doc: Doc, sent: Span, after: int, people: list) -> Any:
    """The name right after the first firing verb of an "after" clause ("after Prime Minister Z fired Y"),
    past its ranks; None when a comma or another verb comes first."""
    for k in range(after + 1, min(sent.end - 1, after + 1 + FIRING_REACH)):
        if doc[k].text in (",", ";"):
            return None
        if fold(doc[k].text) in FIRING:
            return next((m for m in people if m.span.start == _past_titles(doc, k + 1)), None)
    return None


def _sole_country(holdings: list[Holding]) -> str | None:
    """The one country of all the placed holdings of the article (an analysis of one state's officials)."""
    countries = {h.office.split(".")[0] for h in holdings if not h.office.startswith("?.")}
    return countries.pop() if len(countries) == 1 else None


def _ranked_chief_of_staff(doc: Doc, k: int, owner: Any, people: list) -> Span | None:
    """"Lt. Gen. X, Y's successor as chief of staff,": a bare "chief of staff" (a civilian's post too) is the
    armed forces' chief when a general officer's rank stands right before the successor's name set off before."""
    if tuple(fold(t.text) for t in doc[k:k + 3]) != ("chief", "of", "staff") or k + 3 >= len(doc) \
            or doc[k + 3].text not in (",", ".", ";"):
        return None
    holder = _left_set_off(doc, owner, people)
    if holder is None:
        return None
    ranks = [s for s in lex_within(doc, max(0, holder.span.start - TITLE_REACH), holder.span.start, "TITLE")
             if s.kb_id_ == "ranks_en" and fold(s.text).rstrip(".").split()[-1:] in (["gen"], ["general"], ["adm"],
                                                                                      ["admiral"])]
    if not ranks:
        return None
    return Span(doc, k, k + 3, label="POST", kb_id="chief_of_defence")


def _left_set_off(doc: Doc, owner: Any, people: list) -> Any:
    """The name before the comma that opens the phrase of ``owner`` (ranks and honorifics of the owner between)."""
    i = _past_titles_back(doc, owner.span.start)
    if i < 1 or doc[i - 1].text != ",":
        return None
    return next((m for m in people if m.span.end == i - 1), None)


def appointed_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"appointed X, a five-term lawmaker, as defense minister", "X has been named the country's first
    Chief of Defence Forces": the post an appointment told as done gives its appointee (not one that
    "will be" made or is "expected"). The country is the one the text gives the post, else that of
    the appointer's post (active) or of the appointee's other posts in the sentence (passive), else
    the one kg knows of the appointee."""
    lexicon = load_lexicon()
    out = list(holdings)
    for post, (holder, appointer) in _read_at_posts(doc, _appointee):
        country = _country_of_post(doc, post) or _country_held(out, appointer or holder, post.sent) \
            or _known_country(doc, holder)
        office = (_own_office(doc, post, country) if country else None) or lexicon.office_for(
            post.kb_id_, country or "?").id
        if any(h.person == holder.key and h.office == office for h in out):
            continue
        out = [h for h in out if not (h.person == holder.key and h.office == f"?.{post.kb_id_}")]
        gone = _replaced_after(doc, post, doc._.people or [])
        out.append(Holding(holder.key, office, (evidence(doc[post.sent.start:post.end], "en-appointed-post"),),
                           replaces=gone.key if gone is not None and gone.key != holder.key else None))
        if gone is not None and gone.key != holder.key and not any(
                h.person == gone.key and h.office == office for h in out):  # "in place of Y": Y held it before
            out.append(Holding(gone.key, office, (evidence(doc[post.sent.start:gone.span.end], "en-appointed-post"),)))
    for office_span in lex_spans(doc, "OFFICE", "OFFICE_WEAK"):  # a country's own office: "named X as Armed
        if office_span.kb_id_ not in lexicon.offices:  # Forces Minister"; one other countries' wordings share
            continue  # (OFFICE_WEAK) only where the text places the appointment in that country
        found = _appointee(doc, office_span, doc._.people or [])
        if found is None:
            continue
        holder, appointer = found
        if office_span.label_ == "OFFICE_WEAK" and (_country_of_post(doc, office_span) or _country_held(
                out, appointer or holder, office_span.sent) or _known_country(doc, holder)) \
                != lexicon.offices[office_span.kb_id_].country:
            continue
        if not any(h.person == holder.key and h.office == office_span.kb_id_ for h in out):
            gone = _replaced_after(doc, office_span, doc._.people or [])
            gone = gone if gone is not None and gone.key != holder.key else None
            out.append(Holding(holder.key, office_span.kb_id_,
                               (evidence(doc[office_span.sent.start:office_span.end], "en-appointed-post"),),
                               replaces=gone.key if gone is not None else None))
            if gone is not None and not any(h.person == gone.key and h.office == office_span.kb_id_ for h in out):
                out.append(Holding(gone.key, office_span.kb_id_,  # "since Adm. Y was fired": Y held it before
                                   (evidence(doc[office_span.sent.start:gone.span.end], "en-appointed-post"),)))
    return out


#: "… as Chief of Defence Staff in place of Gen. Y", "…, replacing Y": the one an appointee replaces.
REPLACED_AFTER = re.compile(r"^,?\s*(?:in place of|replacing|succeeding|in replacement of|taking over from)\s*$")


#: "… as acting chief of naval operations since Adm. Y was fired": Y left the post the appointee holds.
DEPARTED_SINCE = re.compile(r"^,?\s*since\s*$")
DEPARTURE_AFTER = re.compile(r"^\s*(?:was|had been)\s+(?:fired|dismissed|sacked|removed|ousted|relieved)\b|"
                             r"^\s*(?:left|retired|resigned|stepped down|quit|died)\b")


def _replaced_after(doc: Doc, post: Span, people: list) -> Any:
    """The name (past its ranks) that "in place of" or "replacing" right after an appointee's post gives, or
    that "since Y was fired" (a departure) gives."""
    for m in people:
        if post.end < m.span.start <= post.end + 10 and m.span.start < post.sent.end:
            start = _past_titles_back(doc, m.span.start)
            between = fold(doc[post.end:start].text)
            if DEPARTED_SINCE.match(between):
                return m if DEPARTURE_AFTER.match(fold(doc[m.span.end:min(post.sent.end, m.span.end + 4)].text)) \
                    else None
            return m if REPLACED_AFTER.match(between) else None
    return None


APPOSITION_REACH = 12  # words of an apposition between an appointee and "as" (", a five-term lawmaker,")


def _appointee(doc: Doc, post: Span, people: list) -> tuple[Any, Any] | None:
    """(appointee, appointer or None) of "appointed X [, …,] as <post>" or "X [, …,] has been named
    [as] <post>", the post's own modifiers ("the country's first", "new") skipped."""
    i = post.start
    while i > post.sent.start and (fold(doc[i - 1].text) in ("the", "a", "first", "new", "its", "his", "her")
                                   or _modifier_before(doc, i) or _possessor(doc, i)):
        i -= _modifier_before(doc, i) or (3 if _possessor(doc, i) else 1)
    as_ = i > post.sent.start and fold(doc[i - 1].text) == "as"
    i -= as_
    name = next((m for m in people if m.span.end == i), None)
    if name is None and i > post.sent.start and doc[i - 1].text == ",":  # past an apposition
        comma = next((k for k in range(i - 2, max(post.sent.start, i - APPOSITION_REACH) - 1, -1)
                      if doc[k].text == ","), None)
        name = next((m for m in people if comma is not None and m.span.end == comma), None)
    text = fold(doc[post.sent.start:i].text)
    served = re.search(r"\b(?:served|serves|serving)\s*$", text) if as_ else None
    if served:  # "X, who had served as ambassador to Turkey": the subject held it
        k = next(t.i for t in doc[post.sent.start:i] if t.idx - post.sent.start_char >= served.start())
        while k > post.sent.start and fold(doc[k - 1].text) in (",", "who", "had", "has", "have", "also",
                                                                  "previously", "once", "earlier"):
            k -= 1
        subject = next((m for m in people if m.span.end == k), None)
        if subject is None:  # "Y, a career diplomat who had served as": past a short apposition
            comma = next((c for c in range(k - 1, max(post.sent.start, k - 6) - 1, -1) if doc[c].text == ","), None)
            lower = comma is not None and all(t.text.islower() and t.pos_ != "VERB" for t in doc[comma + 1:k])
            subject = next((m for m in people if lower and m.span.end == comma), None)
        return (subject, None) if subject is not None else None
    if name is not None:  # active: "<verb> X as <post>", "swore in retired Gen. X as <post>"
        start = _past_titles_back(doc, name.span.start)
        start -= start > post.sent.start and start < name.span.start and fold(doc[start - 1].text) in FORMER_WORDS
        verb = re.search(_pattern("appointment_verbs").pattern + r"\s*$", fold(doc[post.sent.start:start].text))
        held = next((p.start for p in lex_within(doc, post.sent.start, start, "POST", "OFFICE", "OFFICE_WEAK")
                     if p.end == start), None) if verb is None and as_ else None
        if held is not None:  # "named army chief Lt. Gen. X as defence minister": past the post X held
            verb = re.search(_pattern("appointment_verbs").pattern + r"\s*$", fold(doc[post.sent.start:held].text))
            start = held if verb is not None else start
        if verb is None and as_:  # a gerund clause: "…, naming Gen. X as chief of defence staff"
            verb = re.search(r"(?:^|,\s*|\band\s+)" + _pattern("appointment_gerunds").pattern + r"\s*$",
                             fold(doc[post.sent.start:start].text))
        if verb is None or not as_ and fold(doc[start - 1].text) != "named":
            return None
        head = fold(doc[post.sent.start:start].text)[:verb.start()]
        if re.search(_pattern("not_realised_before").pattern + r"\s*$", head):
            return None
        appointer = next((m for m in reversed(people) if post.sent.start <= m.span.start and m.span.end <= start
                          and m.key != name.key and m.span.end <= post.sent.start + len(head.split()) + 4), None)
        return name, appointer
    verb = re.search(r"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?" + _pattern("appointment_verbs").pattern
                     + r"\s*$", text)
    if verb is None and as_:  # a participle clause: "X, tapped as defence minister by Y"
        verb = re.search(r",\s*(?:recently\s+|newly\s+)?" + _pattern("appointment_verbs").pattern + r"\s*$", text)
        if verb is not None:
            verb = re.search(_pattern("appointment_verbs").pattern + r"\s*$", text)
    if verb is None:  # passive: "X has been named <post>"
        return None
    k = next(t.i for t in doc[post.sent.start:i] if t.idx - post.sent.start_char >= verb.start())
    while k > post.sent.start and doc[k - 1].text in (",", "who"):
        k -= 1
    subject = next((m for m in people if m.span.end == k), None)
    return (subject, None) if subject is not None else None


def _country_held(holdings: list[Holding], person: Any, sent: Span) -> str | None:
    """The one country of the person's placed posts that this sentence tells."""
    if person is None:
        return None
    countries = {h.office.split(".")[0] for h in holdings if h.person == person.key and not h.office.startswith("?.")
                 and any(sent.start_char <= e.start < sent.end_char for e in h.evidence)}
    return countries.pop() if len(countries) == 1 else None


def future_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Hegseth's nominee for Army chief of staff, Gen. X", "X, the government's nominee to become the
    next chief of the defence staff": a post announced for someone is not held yet; the holder that
    post's wording names gets no holding of its type."""
    people = doc._.people or []
    gone: set[tuple[str, str]] = set()
    for post in lex_spans(doc, "POST"):
        start = post.start - (3 if _possessor(doc, post.start) else 0)  # "to become Canada's ..."
        while start > 0 and fold(doc[start - 1].text) in ("the", "a", "next", "new"):
            start -= 1
        before = fold(doc[max(0, start - NOT_YET_REACH):start].text)
        if not re.search(_pattern("not_yet_before").pattern + r"\s*$", before):
            continue
        holder = _named_right_after(doc, post, people) or _right_apposed(doc, post, people) \
            or _left_apposed(doc, doc[start:post.end], people)
        if holder is not None:
            gone.add((holder.key, post.kb_id_))
    return [h for h in holdings if (h.person, h.office.partition(".")[2]) not in gone]


NOT_YET_REACH = 5  # tokens of the longest cue of a post not held yet ("nominated to become")

LEADER_POSTS = ("head_of_state", "head_of_government")


def leaders_spokespeople(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"South Africa's X took a call from Y on Wednesday, his spokesman Z said": a spokesperson read without a
    country, after "his"/"her" right before the post, speaks for the sentence's first person (its subject),
    and is that person's state's: the state of the one leader's post they hold, else the "<Country>'s" right
    before their name, else the gazetteer's.  Nothing when the subject is not told or not placed."""
    spans = {m.key: m.span for m in doc._.people or []}
    lexicon = load_lexicon()
    out = []
    for h in holdings:
        span = spans.get(h.person)
        if h.office != "?.spokesperson" or span is None:
            out.append(h)
            continue
        post = next((s for s in lex_within(doc, max(0, span.start - 4), span.start, "POST")
                     if s.kb_id_ == "spokesperson" and 0 <= span.start - s.end <= 1), None)
        if post is None or post.start == 0 or fold(doc[post.start - 1].text) not in ("his", "her"):
            out.append(h)
            continue
        subject = min((m for m in doc._.people or [] if m.span.sent == span.sent and m.span.end <= post.start - 1),
                      key=lambda m: m.span.start, default=None)
        country = None
        if subject is not None and subject.key != h.person:
            led = {g.office.split(".")[0] for g in holdings if g.person == subject.key
                   and g.office.partition(".")[2] in LEADER_POSTS and not g.office.startswith("?.")}
            country = (led.pop() if len(led) == 1 else None) or _possessor(doc, subject.span.start) \
                or known_countries(doc).get(subject.key)
        out.append(replace(h, office=lexicon.office_for("spokesperson", country).id) if country else h)
    return out


def posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """The article's holdings completed with the ways English writes a post beside a name."""
    # counterparts are read twice: once before the successions, which may hand a counterpart's post on
    # ("his Japanese counterpart, X. X, who took over from Y"), and once at the end, for a speaker whose
    # own post only the later rules read
    for step in (countries_of_posts, possessive_posts, apposed_posts, forces_chief_posts, defence_chief_posts,
                 fronted_appointment_posts,
                 predicate_posts,
                 appointed_posts,
                 misspelt_posts, ministry_move_posts, moved_posts, ministry_headed_posts, counterpart_posts,
                 succession_posts, successor_posts, related_as_posts, related_at_ministry_posts, removed_posts,
                 former_role_subjects,
                 departed_predecessors, vacated_posts, deputy_posts, listed_posts, counterpart_posts, pronoun_posts,
                 envoys_to_the_un, future_posts, institution_spokespeople, represented_states,
                 institution_posts, leaders_spokespeople, headed_body_posts, acting_bare_heads, term_starts):
        holdings = step(doc, holdings)
    _note_former(doc, holdings)
    return holdings


#: What tells since when a person named right before holds their post: "X, who took office in July 2024,",
#: "X, who took over from Gen. Y in 2021,", "X, in post since 2023,", "X, who has run the ministry since 2021".
START_AFTER_NAME = re.compile(
    r"^\s*,\s*(?:who\s+(?:took office|took over|assumed office|assumed the post|was appointed|was named|was sworn in|"
    r"has held the (?:post|job|portfolio|position)|has run the (?:ministry|department|portfolio)|"
    r"has led the (?:ministry|military|army|armed forces|force|forces)|has been in (?:office|post|the post|the job))"
    r"(?:\s+from\s+[^,.;]{1,60}?)?|in (?:office|post)|in the (?:post|job))\s+(?P<date>(?:since|in)\s+[^,.;]{3,30})")
#: A post apposed to a name, then since when: "X, the republic's defence minister since 2021".
START_AFTER_POST = re.compile(r"^\s*(?P<date>since\s+[^,.;]{3,30})")
#: A post, then the period it was held: "defence secretary from 2019 until his resignation in 2023",
#: "defence minister (2021-2023)", "foreign minister from March 2022 to July 2024".
YEAR = r"(?:(?:[a-z]+\s+)?(?:19|20)\d{2})"
PERIOD_AFTER_POST = re.compile(
    rf"^\s*(?:from\s+(?P<start>{YEAR})\s+(?:to|until|till)|\(\s*(?P<start2>{YEAR})\s*[-\u2013]|(?P<start3>{YEAR})\s*[-\u2013])"
    rf"\s*(?:(?:his|her)\s+(?:dismissal|resignation|removal|death|retirement|ouster|sacking|replacement|"
    rf"departure)\s+in\s+)?(?P<end>{YEAR})\b")


def term_starts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """The start of a post told right after its holder's name ("X, who took office in July 2024, …", "X, in post
    since 2023, …", "X, who took over from Y in 2021") when the person holds that one post in the article, or right
    after the post apposed to the name ("X, the republic's defence minister since 2021"): the date there, read
    as "in <date>".  A date that does not parse, or a person of several posts, gives no start."""
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    text = fold(doc.text)
    out = []
    for h in holdings:
        if h.start is not None or h.end is not None:
            out.append(h)
            continue
        start = None
        for e in h.evidence:  # the post apposed to the name, then "since …", or the period it was held
            hit = START_AFTER_POST.match(text[e.end:e.end + 40]) if e.rule == "en-apposed-post" else None
            start = start or (_start_date(hit["date"], ref) if hit else None)
            period = PERIOD_AFTER_POST.match(text[e.end:e.end + 80]) if start is None else None
            opening = period and (period["start"] or period["start2"] or period["start3"])
            begun = _start_date("in " + opening, ref) if period and opening else None
            ended = _start_date("in " + period["end"], ref) if period else None
            if begun is not None and ended is not None and begun.earliest <= ended.earliest:
                h = replace(h, end=ended)
                start = begun
        alone = len({g.office for g in holdings if g.person == h.person and g.end is None}) == 1
        for m in doc._.people or []:
            if start is not None or not alone or m.key != h.person:
                continue
            hit = START_AFTER_NAME.match(text[m.span.end_char:m.span.end_char + 120])
            start = _start_date(hit["date"], ref) if hit else None
        out.append(replace(h, start=start) if start is not None else h)
    return out


def _start_date(phrase: str, ref: date | None) -> DateValue | None:
    """The date a "since …" or "in …" phrase opens with, read as "in …" (a bound is a start here)."""
    rest = phrase.split(None, 1)[1]
    found = english_dates("in " + rest, ref, coarse=True)
    if not found or found[0][0] != 0:
        return None
    value = found[0][1]
    if re.search(r"\b(?:last|previous|next|past|coming)\b", rest):  # "in May last year": not this May
        return None
    return value


#: "Eritrea's delegation was led by …", "The Democratic Republic of Congo was represented by …", "Ethiopia sent …":
#: after a country opening the sentence, the verb that makes the officials named after it that country's.
REPRESENTED = re.compile(r"^(?:'?\s*s\s+delegation\s+)?(?:was|were|is|will be)\s+(?:represented|led|headed)\s+by\b"
                         r"|^(?:sent|dispatched|fielded)\b")


def represented_states(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Eritrea's delegation was led by Defence Minister X", "The Democratic Republic of Congo was represented by
    Deputy Prime Minister and Defence Minister Y", "…, while Eritrea's delegation was led by Z": a post read
    without a country is the country's that opens the sentence or a clause of it (past a dateline, "the", or a
    comma and "while", "whereas", "and", "but") when a verb of representing or sending (``REPRESENTED``) follows
    that country and the holder is named after the verb, with no other state named between."""
    lexicon = load_lexicon()
    out = []
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        at = doc.char_span(h.evidence[0].start, h.evidence[0].end, alignment_mode="expand") if h.evidence else None
        sent = at.sent if at is not None else None
        holder = next((m for m in doc._.people or [] if sent is not None and m.key == h.person
                       and sent.start <= m.span.start < sent.end), None)
        state = _representing_state(doc, holder) if country == "?" and holder is not None else None
        out.append(replace(h, office=lexicon.office_for(post_type, state).id) if state else h)
    return out


def _representing_state(doc: Doc, holder: Any) -> str | None:
    """The state whose representing verb the holder's name follows in its sentence (see :func:`represented_states`)."""
    sent = holder.span.sent
    start = _past_dateline(doc, sent)
    delegation = next((t.i for t in doc[start:holder.span.start] if fold(t.text) == "delegation"), None)
    owner = _possessor(doc, delegation) if delegation is not None else None
    if owner is not None and delegation is not None and re.match(r"^(?:was|were|is|will be)\s+(?:led|headed)\s+by\b",
                                      fold(doc[delegation + 1:holder.span.start].text)):
        return owner  # "…, while Eritrea's delegation was led by Defence Minister X"
    states = [c for c in lex_within(doc, start, holder.span.start, "COUNTRY", "DEMONYM") if c.end <= holder.span.start]
    if not states or states[-1].label_ != "COUNTRY":
        return None
    opening = states[-1]
    k = opening.start - (opening.start > start and fold(doc[opening.start - 1].text) == "the")
    if k != start and fold(doc[k - 1].text) not in ("while", "whereas", "and", "but", ";", ","):
        return None
    between = [fold(t.text) for t in doc[opening.end:holder.span.start]]
    if set(between) & {"while", "whereas", "but", ";"} or len(between) > REPRESENTED_REACH:
        return None  # "Ethiopia sent X, while Eritrea's delegation was led by Y": Y is another clause's
    hit = REPRESENTED.match(fold(doc[opening.end:holder.span.start].text))
    return opening.kb_id_ if hit is not None else None


REPRESENTED_REACH = 30  # tokens between a representing state and the holder's name


INSTITUTION_WORDS = 3  # capitalised words of an institution between a country and its spokesperson


def institution_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Gen. X, the Rwanda Defence Force chief of defence staff", "The Kenya Navy commander, Maj. Gen. Y,": a post after
    a country and the capitalised name of one of its institutions (up to three words) is that country's, held by
    the name set off before it (after "the") or after it."""
    lexicon = load_lexicon()
    people = doc._.people or []
    named = {k for m in people for k in range(m.span.start, m.span.end)}
    out = list(holdings)
    for post in lex_spans(doc, "POST"):
        ends = {c.end: c for c in lex_spans(doc, "COUNTRY")}
        k = post.start
        while k > post.sent.start and post.start - k < INSTITUTION_WORDS and k not in ends and doc[k - 1].is_alpha \
                and doc[k - 1].text[:1].isupper() and k - 1 not in named:
            k -= 1
        found = ends.get(k) if k < post.start else None
        country, start = (found.kb_id_, found.start) if found is not None else (None, None)
        if country is None or start is None or not _is_country(country):
            continue
        lead = start - 1 if start > 0 and fold(doc[start - 1].text) == "the" else start
        holder = next((m for m in people if lead >= 2 and doc[lead - 1].text == "," and m.span.end == lead - 1), None) \
            or _right_apposed(doc, post, people)
        if holder is None or any(h.person == holder.key and h.office.partition(".")[2] == post.kb_id_
                                 and not h.office.startswith("?.") for h in out):
            continue
        out = [h for h in out if not (h.person == holder.key and h.office == f"?.{post.kb_id_}")]
        span = doc[min(lead, holder.span.start):max(post.end, holder.span.end)]
        out.append(Holding(holder.key, lexicon.office_for(post.kb_id_, country).id,
                           (evidence(span, "en-institution-post"),)))
    return out


def _is_country(code: str) -> bool:
    found = load_lexicon().actors.get(code)
    return found is not None and found.kind == "country"


def institution_spokespeople(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Pakistan's Foreign Office spokesperson X", "Indian Army spokesperson Col. Y": a spokesperson read without a
    country is the country's whose possessive or demonym opens the institution named right before the post
    (up to three capitalised words)."""
    lexicon = load_lexicon()
    posts = [p for p in lex_spans(doc, "POST") if p.kb_id_ == "spokesperson"]
    out = []
    for h in holdings:
        if h.office == "?.spokesperson" and h.evidence:
            e = h.evidence[0]
            post = next((p for p in posts if e.start <= p.start_char < e.end), None)
            i = post.start if post is not None else 0
            k = i
            while post is not None and k > post.sent.start and i - k < INSTITUTION_WORDS \
                    and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
                k -= 1
            country = (_possessor(doc, k) or _country_before(doc, k + 1) or _country_before(doc, k)) \
                if post is not None and k < i else None
            if country:
                h = replace(h, office=lexicon.office_for("spokesperson", country).id)
        out.append(h)
    return out


#: "He was elected president in 1990", "she later served as foreign minister": a pronoun subject and the verb
#: that makes the post after it the subject's.
PRONOUN_PREDICATE = re.compile(r"(?:^|[,;]\s*|\band\s+)(?:he|she)\s+(?:later\s+|also\s+|then\s+|once\s+|briefly\s+)?"
                               r"(?:was|became|had been|has been|served as|was (?:elected|appointed|named|made)"
                               r"(?:\s+as)?)\s*$")
#: "Elected president in 1990 as a political outsider, he dissolved …": a fronted participle of the post's start.
FRONTED_PARTICIPLE = re.compile(r"^(?:first\s+)?(?:elected|appointed|named|sworn in as|installed as)\s*$")


def pronoun_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"X died on Wednesday. … He was elected president in 1990", "Elected president in 1990 …, he
    dissolved Congress": a post whose subject is "he" or "she" is the one person the text named before that
    sentence, when it named only one (an obituary, a portrait); else the pronoun may stand for anyone."""
    lexicon = load_lexicon()
    people = doc._.people or []
    out = list(holdings)
    for post in lex_spans(doc, "POST"):
        sent = post.sent
        i = post.start
        while i > sent.start and fold(doc[i - 1].text) in ("the", "a", "an", "first"):
            i -= 1
        head = fold(doc[sent.start:i].text)
        start = _past_dateline(doc, sent)
        fronted = FRONTED_PARTICIPLE.match(fold(doc[start:i].text)) is not None and any(
            fold(t.text) in ("he", "she") and doc[t.i - 1].text == "," for t in doc[post.end:sent.end])
        if not (PRONOUN_PREDICATE.search(head) or fronted):
            continue
        before = [m for m in people if m.span.end <= sent.start]
        if not before or any(m.key != before[0].key for m in before) \
                or any(sent.start <= m.span.start < post.end for m in people):
            continue
        holder = before[0]
        if any(h.person == holder.key and h.office.endswith("." + post.kb_id_) for h in out):
            continue
        country = _country_of_post(doc, post) or _known_country(doc, holder)
        out.append(Holding(holder.key, lexicon.office_for(post.kb_id_, country or "?").id,
                           (evidence(doc[sent.start:post.end], "en-pronoun-post"),)))
    return out


def _past_dateline(doc: Doc, sent: Span) -> int:
    """Where a sentence starts past a dateline ("LIMA - ")."""
    m = DATELINE.match(sent.text)
    if m is None:
        return sent.start
    return next((t.i for t in sent if t.idx - sent.start_char >= m.end()), sent.start)


#: The United Nations as a posting: a state's envoy there is its ambassador (permanent representative).
UN_POSTING = re.compile(r"^to the (?:united nations|un|u\.n\.?)(?![\w])")


def envoys_to_the_un(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Israel's envoy to the United Nations, X": a state's envoy posted to the United Nations is its
    ambassador there, not a special envoy; the holding the envoy wording gave (placed in a state) becomes
    the ambassador's post of that state."""
    lexicon = load_lexicon()
    spans = [p for p in lex_spans(doc, "POST") if p.kb_id_ == "special_envoy"
             and UN_POSTING.match(fold(doc[p.end:min(len(doc), p.end + 5)].text))]
    out = []
    for h in holdings:
        country, _, post_type = h.office.partition(".")
        if post_type == "special_envoy" and country not in ("?", "UN") and any(
                e.start <= p.start_char < e.end or p.start_char <= e.start < p.end_char
                for p in spans for e in h.evidence):
            h = replace(h, office=lexicon.office_for("ambassador", country).id)
        out.append(h)
    return out


def misspelt_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Defence Cabinet Secratary Soipan Tuya": a capitalised run right before a name whose one mistyped role
    word (:func:`kg.extract.people.misspelt_role_word`), once corrected, makes a post wording of the lexicon,
    gives the name that post, in the country the text gives it or the one kg knows of the holder."""
    lexicon = load_lexicon()
    wordings = _post_wordings()
    out = list(holdings)
    for m in doc._.people or []:
        start = _past_titles_back(doc, m.span.start)
        for size in (4, 3, 2):
            words = doc[max(m.span.sent.start, start - size):start]
            lower = all(t.text.islower() for t in words)  # "Brazilian defence minster X": a lower-case run too
            if len(words) < size or not all((t.text[:1].isupper() or lower) and t.is_alpha for t in words):
                continue
            fixed = [misspelt_role_word(t.text, any_case=lower) or fold(t.text) for t in words]
            post_type = wordings.get(" ".join(fixed))
            if post_type is None or fixed == [fold(t.text) for t in words]:
                continue
            country = _country_before(doc, words.start) or _known_country(doc, m)
            if not any(h.person == m.key and h.office.endswith("." + post_type) for h in out):
                out.append(Holding(m.key, lexicon.office_for(post_type, country or "?").id,
                                   (evidence(doc[words.start:m.span.end], "en-misspelt-post"),)))
            break
    people = doc._.people or []
    for tok in doc:  # "named X as defence minster": a mistyped post after an appointee's "as"
        if fold(tok.text) != "as":
            continue
        for size in (4, 3, 2, 1):
            words = doc[tok.i + 1:min(tok.sent.end, tok.i + 1 + size)]
            if len(words) < size or not all(t.is_alpha for t in words):
                continue
            fixed = [misspelt_role_word(t.text, any_case=True) or fold(t.text) for t in words]
            post_type = wordings.get(" ".join(fixed))
            if post_type is None or fixed == [fold(t.text) for t in words] or post_type not in lexicon.post_types:
                continue
            found = _appointee(doc, Span(doc, words.start, words.end, label="POST", kb_id=post_type), people)
            if found is None:
                break
            holder, appointer = found
            country = _country_before(doc, words.start) or _country_held(out, appointer or holder, tok.sent) \
                or _known_country(doc, holder)
            office = lexicon.office_for(post_type, country or "?").id
            if not any(h.person == holder.key and h.office.endswith("." + post_type) for h in out):
                out.append(Holding(holder.key, office, (evidence(doc[tok.sent.start:words.end], "en-appointed-post"),)))
            break
    return out


#: "…, filling a post left vacant since X resigned": the post the appointee of the sentence takes was X's.
LEFT_VACANT = re.compile(r"\b(?:post|position|job|seat|office|portfolio)\s+(?:that\s+|which\s+)?(?:had\s+been\s+)?"
                         r"(?:left\s+)?(?:vacant|empty|open)\s+(?:since|when|after)\s*$")


def _appointed_here(holdings: list[Holding], person: str, sent: Span) -> set[str]:
    """The placed offices an appointment told in this sentence gives the person."""
    return {h.office for h in holdings if h.person == person and not h.office.startswith("?.") and any(
        sent.start_char <= e.start < sent.end_char and e.rule == "en-appointed-post" for e in h.evidence)}


def vacated_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"X tapped Y as defense minister-designate, filling a post left vacant since Z resigned": Z, the
    name right after "left vacant since", held the one office the sentence's appointment gives Y (the
    nearest appointee before Z); nothing when the sentence tells no appointment."""
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    for m in people:
        sent = m.span.sent
        if not LEFT_VACANT.search(fold(doc[sent.start:_past_titles_back(doc, m.span.start)].text)):
            continue
        taker = next((n for n in reversed(people) if sent.start <= n.span.start and n.span.end <= m.span.start
                      and n.key != m.key and _appointed_here(out, n.key, sent)), None)
        offices = _appointed_here(out, taker.key, sent) if taker is not None else set()
        if taker is None or len(offices) != 1:
            continue
        office = offices.pop()
        if not any(h.person == m.key and h.office == office for h in out):
            out.append(Holding(m.key, office, (evidence(doc[sent.start:m.span.end], "en-vacated-post"),)))
        out = [replace(h, replaces=m.key) if h.person == taker.key and h.office == office and h.replaces is None
               else h for h in out]
    return out


def listed_posts(doc: Doc, holdings: list[Holding]) -> list[Holding]:
    """"Defence ministers X of Sweden, Y of Finland and Z of Norway", "the foreign ministers X and Y, of
    Sweden and Finland respectively": a plural post before a list of names gives each name the post in the
    country set right after it, or in the country of the same rank in a "respectively" list.  Nothing when
    a name of the list has no country, or the counts differ (no post is better than a wrong one)."""
    lexicon = load_lexicon()
    people = sorted(doc._.people or [], key=lambda m: m.span.start)
    out = list(holdings)
    for post in lex_spans(doc, "POST"):
        if not fold(post[-1].text).endswith("s") or fold(post[-1].text).endswith("ss"):
            continue
        for name, state in _countries_naming_holders(doc, post, people):  # "ministers from A (X) and B (Y)"
            office = lexicon.office_for(post.kb_id_, state).id
            out = [h for h in out if not (h.person == name.key and h.office == f"?.{post.kb_id_}")]
            if not any(h.person == name.key and h.office.endswith("." + post.kb_id_) for h in out):
                out.append(Holding(name.key, office, (evidence(doc[post.start:name.span.end], "en-listed-post"),)))
        names: list = []
        countries: list[str | None] = []
        i = post.end
        while True:
            name = next((m for m in people if m.span.start == _past_titles(doc, i) and m.span.start < post.sent.end),
                        None)
            if name is None:
                break
            names.append(name)
            country, i = _country_set_after(doc, name.span.end)
            countries.append(country)
            k = i + (i < len(doc) and doc[i].text == ",")
            k += k < len(doc) and fold(doc[k].text) == "and"
            if k == i:
                break
            i = k
        if len(names) < 2:
            continue
        placed = [c for c in countries if c is not None]
        if len(placed) != len(names):
            if placed:
                continue
            placed = _respective_countries(doc, names[-1].span.end)
            if len(placed) != len(names):
                continue
        for name, country in zip(names, placed, strict=True):
            office = lexicon.office_for(post.kb_id_, country).id
            if any(h.person == name.key and h.office.endswith("." + post.kb_id_) and not h.office.startswith("?.")
                   and h.office != office for h in out):
                continue
            out = [h for h in out if not (h.person == name.key and h.office == f"?.{post.kb_id_}")]
            if not any(h.person == name.key and h.office == office for h in out):
                out.append(Holding(name.key, office, (evidence(doc[post.start:name.span.end], "en-listed-post"),)))
    return out


def _countries_naming_holders(doc: Doc, post: Span, people: list) -> list[tuple[Any, str]]:
    """"Defence ministers from Chile (X) and Peru (Y)", "the army chiefs of Mali (X), Niger (Y) and Chad (Z)":
    after a plural post and "from"/"of", a list of countries each with its holder's name in brackets; every
    item must be so (else nothing, see :func:`kg.extract.offices.bracketed_holders`)."""
    if post.end >= len(doc) or fold(doc[post.end].text) not in ("from", "of"):
        return []
    return bracketed_holders(doc, post.end + 1, {"the"}, "and",
                             lambda k: next((m for m in people if m.span.start == _past_titles(doc, k)), None))


def _country_set_after(doc: Doc, i: int) -> tuple[str | None, int]:
    """The country "of <Country>" or "(<Country>)" right after a name ending at token ``i``, and where it ends."""
    if i + 1 < len(doc) and fold(doc[i].text) in ("of", "("):
        country = next((c for c in lex_within(doc, i + 1, i + 2, "COUNTRY")), None)
        if country is not None:
            end = country.end + (doc[i].text == "(" and country.end < len(doc) and doc[country.end].text == ")")
            if doc[i].text != "(" or doc[end - 1].text == ")":
                return country.kb_id_, end
    return None, i


def _respective_countries(doc: Doc, i: int) -> list[str]:
    """The countries of ", of A and B respectively" (or "…, respectively") right after token ``i``."""
    k = i + (i < len(doc) and doc[i].text == ",")
    if k >= len(doc) or fold(doc[k].text) != "of":
        return []
    countries, k = [], k + 1
    while k < len(doc):
        country = next((c for c in lex_within(doc, k, k + 1, "COUNTRY")), None)
        if country is None:
            return []
        countries.append(country.kb_id_)
        k = country.end
        if k < len(doc) and fold(doc[k].text) in (",", "and"):
            k += 1 + (fold(doc[k].text) == "," and k + 1 < len(doc) and fold(doc[k + 1].text) == "and")
            continue
        break
    k += k < len(doc) and doc[k].text == ","
    return countries if k < len(doc) and fold(doc[k].text) == "respectively" else []


FORMER_WORDS = frozenset(("former", "ex", "onetime", "erstwhile", "retired", "late", "outgoing"))
FORMER_REACH = 4  # words between "former" and its post ("a former Japanese defence minister")


def _note_former(doc: Doc, holdings: list[Holding]) -> None:
    """"Former Defence Secretary X", "X, a former chairman of the Joint Chiefs": a post held before, noted
    for :func:`~kg.extract.offices.bound_former_terms` (over by the article's day)."""
    lexicon = load_lexicon()
    by_char = {t.idx: t.i for t in doc}
    country = {t.i for s in lex_spans(doc, "DEMONYM", "COUNTRY") for t in s}
    for h in holdings:
        for e in h.evidence:
            i = by_char.get(e.start)
            if i is None:
                continue
            k = i - 1
            while k >= max(0, i - FORMER_REACH) and (k in country or fold(doc[k].text) in ("a", "the", "s", "-")):
                k -= 1
            if k >= 0 and fold(doc[k].text).rstrip("-") in FORMER_WORDS:
                notes(doc).former.add((h.person, lexicon.office(h.office).type))
