"""Phone and video calls, second stage: mentions grouped into the article's calls.

One caller with several people on the other side ("X a appelé A, B et C") makes
one call per pair, unless the sentence tells one conference ("en visioconférence avec
ses homologues A et B").  A demonstrative ("cet appel") refers to the latest call; a
mention that agrees with a call (people, date) joins it; other people, another
date or an earlier time ("auparavant", "à l'époque") start another call.  Posts
named as participants are matched with the people of the same call, giving
holdings (rule ``call-role``); sides and unnamed counterparts become the
article's officials of that country.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.extract.calls import (
    Mention,
    find_mentions,
    future_form,
    has_phrase,
    in_series,
    negated,
    pair_post_type,
    plural_noun,
    tells_medium,
)
from kg.extract.coref import known_in_other_post, office_type
from kg.extract.dates import normalise, shared_precision
from kg.extract.gazetteer import load_gazetteer
from kg.extract.lexicon import load_lexicon
from kg.extract.lexmatch import lex_spans
from kg.extract.model import CallFact, DateValue, Holding, Party
from kg.extract.names import fold
from kg.extract.offices import counterpart_type, known_countries, notes
from kg.extract.people import name_text
from kg.extract.spanindex import dates_within, people_within
from kg.extract.spans import evidence, folded


@dataclass
class Call:
    mentions: list[Mention]
    earlier: bool

    def persons(self) -> set[str]:
        return {p for m in self.mentions for p in m.persons}

    def date(self) -> DateValue | None:
        dates = [m.date for m in self.mentions if m.date]
        return min(dates, key=lambda d: d.width) if dates else None


def _split(m: Mention) -> list[Mention]:
    """One caller with several people on the other side: one call each ("s'est entretenu par
    téléphone avec ses homologues lituanien et finlandais"), unless the sentence tells one
    conference of them all ("en visioconférence avec ses homologues allemand et polonais"); several
    callers with one person on the other side, each on their own (``each_apart_cues``): one call each."""
    others = [p for p in m.persons if p not in m.callers]
    if len(m.callers) >= 2 and len(others) + len(m.offices) == 1 and has_phrase(
            folded(m.sent), load_lexicon().calls["each_apart_cues"]):
        # "A et B se sont entretenus, chacun de leur côté, avec C": one call of each with C
        return [replace(m, persons=[c, *others], callers=[c]) for c in m.callers]
    if not m.callers and len(others) >= 2 and _in_turn(m, others):
        # "il s'est entretenu avec A, puis, mercredi, avec B" with the subject unknown: A and B are
        # each the other side of a call of their own, never each other's party
        return [replace(m, persons=[p], offices=list(m.caller_offices), date=day)
                for p, day in _days_in_turn(m, others)] if m.caller_offices else []
    conference = has_phrase(folded(m.sent), load_lexicon().calls["conference_cues"]) and not _in_turn(m, others)
    named_here = {p.key for p in people_within(m.sent.doc, m.sent.start, m.sent.end)}
    by_post = not m.callers and len(set(m.caller_offices)) == 1 and set(others) <= named_here  # "Le Premier
    # ministre britannique s'est entretenu avec A et B": not the pair a later sentence names for the posts
    if not (len(m.callers) == 1 or by_post) or len(others) < 2 or conference:
        return [m]
    days = dict(_days_in_turn(m, others)) if _in_turn(m, others) else {}  # "avec A samedi, puis, le lendemain, avec B"
    if by_post:  # the post stands for its holder on each call, found with the call's people
        return [replace(m, persons=[p], offices=m.caller_offices[:1], sides=[], counterparts=[],
                        date=days.get(p, m.date)) for p in others]
    return [replace(m, persons=[m.callers[0], p], offices=[], sides=[], counterparts=[], date=days.get(p, m.date))
            for p in others]


def _in_turn(m: Mention, others: list[str]) -> bool:
    """"en visioconférence avec A, puis avec B": a sequel word ("puis", "ensuite") between the people
    on the other side tells one call after the other, not one conference."""
    spans = [p.span for p in people_within(m.sent.doc, m.sent.start, m.sent.end) if p.key in others]
    if len(spans) < 2:
        return False
    between = m.sent.doc[spans[0].end: spans[-1].start]
    before = m.sent.doc[m.sent.start: spans[0].start]  # "a tour à tour appelé A et B", "successivement"
    return has_phrase(folded(between), load_lexicon().calls["sequel_cues"]) or has_phrase(
        folded(before), load_lexicon().calls["one_by_one_cues"])


def _on_each_day(m: Mention) -> list[Mention]:
    """"s'est entretenu à deux reprises au téléphone avec Y, lundi puis mercredi": a repeated call
    (``repetition_cues``) told with a list of days is one call on each day."""
    if not has_phrase(folded(m.sent), load_lexicon().calls["repetition_cues"]):
        return [m]
    doc = m.sent.doc
    days = [d for d in dates_within(doc, m.sent.start, m.sent.end) if d._.date and d._.date.precision == "day"]
    listed = days[:1]
    for before, after in itertools.pairwise(days):
        between = [fold(t.text) for t in doc[before.end:after.start]]
        if between and set(between) <= {"puis", "et", ",", "ensuite", "enfin"} and before is listed[-1]:
            listed.append(after)
    if len(listed) < 2:
        return [m]
    return [replace(m, date=d._.date) for d in listed]


def _days_in_turn(m: Mention, others: list[str]) -> list[tuple[str, DateValue | None]]:
    """Each person of "avec A, puis, mercredi, avec B" with the day told between them and the one
    before ("mercredi" is B's day); the first keeps the mention's day."""
    doc = m.sent.doc
    spans = {p.key: p.span for p in people_within(doc, m.sent.start, m.sent.end) if p.key in others}
    out: list[tuple[str, DateValue | None]] = []
    day, last = m.date, None
    for key in sorted(others, key=lambda k: spans[k].start if k in spans else m.sent.end):
        span = spans.get(key)
        if span is not None and last is not None:
            told = [_day_told(d, day) for d in dates_within(doc, last.end, span.start)]
            told = [d for d in told if d is not None]
            day = told[-1] if told else day
        out.append((key, day))
        last = span or last
    return out


def _day_told(span: Span, before: DateValue | None) -> DateValue | None:
    """A date told between two people of "avec A samedi, puis, le lendemain, avec B": its own value, or
    for a day shift ("le lendemain", "la veille") the day after (before) the one told for A, not the
    article's day it would count from alone; None when A's day is not a day."""
    shifts = {fold(w) for w in load_lexicon().calls["day_shifts"]}
    if fold(span.text) not in shifts:
        return span._.date or None
    return normalise(span.text, None, anchor=before) if before is not None and before.precision == "day" else None


def _compatible(call: Call, m: Mention, holders: Mapping[str, set[str]] | None = None) -> bool:
    if m.earlier and not call.earlier:
        return False
    if call.earlier and not m.earlier and m.persons and not call.persons():
        return False  # "lors de la première, le 3 janvier, le chef de l'État …" then "X s'est entretenu avec Y"
    date = call.date()
    if date and m.date and not date.overlaps(m.date):
        return False
    mine, theirs = set(m.persons), call.persons()
    if mine and theirs and not (mine <= theirs or theirs <= mine or len(mine | theirs) <= 2):
        return False
    if holders and _third_party(theirs, m, holders):
        return False
    return not (mine and theirs and not mine & theirs)


def _third_party(theirs: set[str], m: Mention, holders: Mapping[str, set[str]]) -> bool:
    """The mention names a post that, by the article's own account, only someone outside a call of
    two people holds ("X avait appelé le président turc" after a call of X with the Kazakh president,
    the Turkish one named elsewhere): joining would make that call one of three."""
    return len(theirs) >= 2 and any((who := holders.get(o)) and not who & theirs for o in m.offices)


class _CallsByPerson:
    """The calls grouped so far, found by the people a mention names: a mention with people can
    only join a call that shares one of them or has none (see :func:`_compatible`), so it is not
    tried against every call of a long article."""

    def __init__(self, calls: list[Call], holders: Mapping[str, set[str]] | None = None) -> None:
        self.calls, self.by_person, self.anonymous = calls, {}, set()  # type: ignore[var-annotated]
        self.position: dict[int, int] = {}
        self.holders = holders or {}  # office -> who holds it in the article (see :func:`_third_party`)

    def add(self, call: Call) -> None:
        self.position[id(call)] = len(self.calls)
        self.calls.append(call)
        self.update(call)

    def update(self, call: Call) -> None:
        index = self.position[id(call)]
        persons = call.persons()
        if persons:
            self.anonymous.discard(index)
        else:
            self.anonymous.add(index)
        for p in persons:
            self.by_person.setdefault(p, set()).add(index)

    def latest_compatible(self, m: Mention) -> Call | None:
        """The most recent call the mention may join; one told without people ("l'appel de la veille
        avec le chancelier") prefers the latest call with a post of the type it names."""
        if not m.persons:
            compatible = [c for c in reversed(self.calls) if _compatible(c, m, self.holders)]
            return next((c for c in compatible if _has_post_type(c, m.post_types)), next(iter(compatible), None))
        candidates = set(self.anonymous).union(*(self.by_person.get(p, ()) for p in m.persons))
        return next((self.calls[i] for i in sorted(candidates, reverse=True)
                     if _compatible(self.calls[i], m, self.holders)), None)


def _has_post_type(call: Call, post_types: list[str]) -> bool:
    """Whether a post of the call's mentions is of one of the types ("DE.head_of_government" for
    "le chancelier")."""
    lexicon = load_lexicon()
    return bool(post_types) and any(lexicon.office(o).type in post_types for x in call.mentions for o in x.offices)


def _plural(m: Mention) -> bool:
    return plural_noun(m.trigger[0])


def _their_earlier_call(m: Mention) -> bool:
    """"Comme lors de leur précédent échange, le 14 février, …" after a call of the pair: a framed
    noun with no medium names that pair's earlier call of its own date, not a meeting, when "leur"
    took its two people from the call just told (:func:`calls._plural_pronoun_pair`) and its
    sentence names no place and no meeting ("le 3 septembre à Santiago" was a visit)."""
    if not (m.earlier and m.date is not None and len(m.persons) == 2 and not m.callers):
        return False
    sent = m.sent
    place = any(sent.start < x.start < sent.end and fold(sent.doc[x.start - 1].text) in ("a", "au", "aux", "en")
                for x in lex_spans(sent.doc, "PLACE", "METONYM", "COUNTRY"))  # "à Santiago", "en Turquie"
    return not place and not has_phrase(folded(sent), load_lexicon().calls["in_person_markers"])


def _medium_for_weak(m: Mention, weak: list[Mention]) -> Mention | None:
    """The waiting weak mention ("a affirmé avoir eu une très bonne conversation avec Y", no medium)
    that a bare reference right after it shows to be a call: "l'appel" (a call noun in an article
    about calls) or a reference whose sentence names a medium ("cet échange téléphonique").  Only
    the latest weak mention, one or two sentences back, and never a meeting's noun ("l'entretien"
    stays what it was)."""
    if not weak or m.earlier:
        return None
    last = weak[-1]
    sentences = list(m.sent.doc[last.sent.start:m.sent.start].sents) if last.sent.start < m.sent.start else []
    if not 0 < len(sentences) <= JOIN_REACH or last.earlier:
        return None
    medium = fold(m.trigger[0].lemma_) == "appel" or tells_medium(m.sent)
    return last if medium else None


def _group(mentions: list[Mention], holdings: Iterable[Holding] = ()) -> list[Call]:
    """The calls the mentions tell, each mention joined to the latest call it may be part of; ``holdings``
    (the article's current ones) tell who holds a post a mention names (:func:`_third_party`)."""
    calls: list[Call] = []
    holders: dict[str, set[str]] = {}
    for h in holdings:
        if h.end is None:
            holders.setdefault(h.office, set()).add(h.person)
    index = _CallsByPerson(calls, holders)
    pending: list[Mention] = []
    weak: list[Mention] = []
    for m in mentions:
        target = None
        bare = not (m.persons or m.offices or m.sides or m.counterparts or m.pair or m.post_types)
        if m.referring and _plural(m) and not m.persons and not m.pair and not m.earlier and not bare:
            continue  # "Le président ukrainien a multiplié les contacts": a series, its calls told one by one
        if m.referring and bare and not m.earlier:
            latest = [c for c in calls if not c.earlier]
            target = latest[-1] if latest else None
            if target is None:
                told = _medium_for_weak(m, weak)
                if told is not None:  # "avoir eu une conversation avec Y. … l'appel …": a call after all
                    weak.remove(told)
                    index.add(Call([told, m], False))
                elif not _plural(m):  # "revient sur les échanges de la semaine": several calls, told after
                    pending.append(m)
                continue
            if m.date and target.date() and not target.date().overlaps(m.date):  # type: ignore[union-attr]
                m.date = None  # a bare reference keeps its call; its date was about something else
            target.mentions.append(m)
            continue
        target = target or index.latest_compatible(m)
        if target:
            target.mentions.append(m)
            index.update(target)
        elif m.weak and not _their_earlier_call(m):
            weak.append(m)  # "lors d'un entretien avec …": waits for a call with a medium
        else:
            call = Call([*pending, m], m.earlier)
            call.mentions[:0] = [w for w in weak if _compatible(call, w)]
            weak = [w for w in weak if w not in call.mentions]
            index.add(call)
            pending = []
    return calls


# ------------------------------------------------------------------ assembly


def find_calls(doc: Doc, holdings: list[Holding]) -> tuple[list[CallFact], list[Holding]]:
    """The article's calls, and its holdings completed by matching posts with the people of each call."""
    facts = []
    joiners = _joiners(doc)
    joined = {c.i for j in joiners for c in _complements(j.trigger[0])}  # "à la conversation": the joiner's
    mentions = find_mentions(doc)
    for m in mentions:  # "les deux présidents" resolved before grouping, so that no other call joins it
        if m.pair and m.each and len(m.callers) == 1:
            pair = [k for k in _pair_named_before(doc, m.sent.start) if k not in m.callers]
            m.persons = m.callers + pair if len(pair) == 2 else m.persons
            m.pair = None  # "X s'est entretenu avec chacun des deux dirigeants": one call with each
        elif m.pair and not m.persons and not m.offices and not m.referring:
            m.persons = _fill_pair(doc, m.pair, [], holdings, m.sent.start)
        elif m.pair and m.pair_subject and m.persons and not m.callers and not m.referring:
            pair = _fill_pair(doc, m.pair, [], holdings, m.sent.start)  # "les deux hommes … avec Y": three
            if len(pair) == 2 and not set(pair) & set(m.persons):
                m.persons, m.callers, m.pair = pair + m.persons, pair, None
    _series(mentions)
    calls = _group([part for m in mentions if m.trigger[0].i not in joined
                    for each in _on_each_day(m) for part in _split(each)], holdings)
    for joining in joiners:
        call = _call_just_before(calls, joining.sent)
        if call is not None:
            call.mentions.append(joining)
    _announced_day(doc, calls)
    for call in calls:
        fact, holdings = _assemble(doc, call, holdings)
        if fact:
            facts.append(fact)
    return facts, holdings


#: Sentences after a plural call noun within which the calls it announces are told.
ANNOUNCED_REACH = 2


def _announced_day(doc: Doc, calls: list[Call]) -> None:
    """"Le président a multiplié les contacts samedi … Après un appel avec A en fin de matinée, il s'est
    entretenu par téléphone avec B": a dated plural call noun with a subject ("les contacts", "les échanges")
    announces that person's calls of that day; each call of that person told undated within
    :data:`ANNOUNCED_REACH` sentences after it, and not as earlier, takes the day."""
    sentence_of = {s.start: k for k, s in enumerate(doc.sents)}
    for call in calls:
        for m in call.mentions:
            if not (_plural(m) and m.date and m.callers):
                continue
            at = sentence_of.get(m.sent.start, -1)
            for other in calls:
                first = other.mentions[0]
                gap = sentence_of.get(first.sent.start, -1) - at
                if other is not call and other.date() is None and not other.earlier and 0 <= gap <= ANNOUNCED_REACH \
                        and set(m.callers) & other.persons():
                    first.date = m.date


def _series(mentions: list[Mention]) -> None:
    """"Après un premier appel le 12 février, puis un deuxième le 18 mars, A et B se sont de nouveau
    parlé lundi": the dated calls a sentence counts in a series (:func:`kg.extract.calls.in_series`),
    with no party of their own, are calls of the parties of the sentence's call, each on its day."""
    for m in mentions:
        if m.persons or m.offices or m.date is None or not in_series(m.trigger[0]):
            continue
        main = next((x for x in mentions if x is not m and x.sent.start == m.sent.start and len(x.persons) >= 2), None)
        if main is not None:
            m.persons = list(main.persons)


JOIN_REACH = 2  # sentences back from "X y participait" to the call it joins
RELATIVE_LEMMAS = frozenset(("lequel", "laquelle", "auquel", "auxquels", "auxquelles"))  # "à laquelle", "auquel"


def _joiners(doc: Doc) -> list[Mention]:
    """People said to have taken part in a call told just before: "Le ministre X y participait
    également", "X a pris part à la conversation", "X s'est joint à l'échange".  Each becomes a
    mention of that call with the subject's people as parties (a conference of three).  Only a
    realised joining counts ("y participera", "doit y participer" do not); the complement is the
    clitic "y" or a call noun with nothing after it that names another event ("à la réunion de
    l'Otan à Bruxelles"); mere attendance ("a assisté à l'entretien") stays no party."""
    out = []
    for sent in doc.sents:
        for verb in sent:
            if not _joining_verb(verb) or not _realised(verb) or not _joins_a_call(verb):
                continue
            people = _subject_people(doc, verb)
            if people:
                out.append(Mention(sent, [verb], referring=True, demonstrative=False, earlier=False, persons=people))
    return out


def _joining_verb(t: Token) -> bool:
    lemma = fold(t.lemma_)
    verbs = load_lexicon().calls["joining_verbs"]
    if t.pos_ not in ("VERB", "AUX") or not any(fold(v.split()[0]) == lemma for v in verbs):
        return False
    if lemma == "joindre":  # "s'est joint à": the reflexive one only ("X a joint Y" reached Y)
        return any(fold(c.text) in ("se", "s'") for c in t.children)
    objects = {fold(v.split()[1]) for v in verbs if len(v.split()) == 2 and fold(v.split()[0]) == lemma}
    return not objects or any(fold(c.lemma_) in objects for c in t.children if c.dep_ == "obj")


def _realised(verb: Token) -> bool:
    """A past or present joining: not a future, a conditional, an infinitive ("doit y participer") or
    a negation ("n'a pas pris part à ces échanges"), read as the call verbs are read."""
    return not (negated(verb) or future_form(verb) or "Inf" in verb.morph.get("VerbForm"))


def _joins_a_call(verb: Token) -> bool:
    """The verb's complement is "y" or a call noun ("à la conversation", "à cet échange") whose
    phrase names nothing else (no place, no person, no "de" complement)."""
    nouns = {fold(n) for n in load_lexicon().calls["weak_nouns"]}
    for c in _complements(verb) + [c for c in verb.children if c.dep_ == "dep"]:
        if fold(c.text) == "y" and c.i < verb.i:
            return True
        if fold(c.lemma_) in RELATIVE_LEMMAS and c.i < verb.i:  # "une visioconférence …, à laquelle s'est joint X"
            return any(fold(x.lemma_) in nouns for x in verb.doc[verb.sent.start:c.i])
        if fold(c.lemma_) in nouns and not [x for x in c.children if x.dep_ in ("nmod", "amod")
                                           and x.pos_ in ("PROPN", "NOUN")]:
            return any(fold(x.text) in ("a", "au") for x in c.children if x.dep_ == "case")
    return False


def _complements(verb: Token) -> list[Token]:
    """The oblique and indirect complements of a joining verb, and of its object ("prendre part à")."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "obj"]
    return [c for h in heads for c in h.children if c.dep_.startswith("obl") or c.dep_ in ("iobj", "expl:comp")]


def _subject_people(doc: Doc, verb: Token) -> list[str]:
    """The people the verb's subject names: the subject and its appositions and conjuncts ("Le
    ministre X", "X et Y"), not people in a complement of it ("un conseiller de X")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        return []
    out = []
    for p in people_within(doc, subject.left_edge.i, subject.right_edge.i + 1):
        node = p.span.root
        while node.i != subject.i and _apposed(node) and node.head.i != node.i:
            node = node.head
        if node.i == subject.i and p.key not in out:
            out.append(p.key)
    return out


def _apposed(node: Token) -> bool:
    """Whether a name stands beside its head rather than in a complement of it: an apposition, a
    conjunct, a part of the name, or a "nmod" with no preposition (the parser's reading of ", X," after
    a title); "de X" is a complement ("un conseiller de X")."""
    if node.dep_ in ("appos", "conj", "flat:name", "flat"):
        return True
    return node.dep_ == "nmod" and not any(c.dep_ == "case" for c in node.children)


def _call_just_before(calls: list[Call], sent: Span) -> Call | None:
    """The call told last before the sentence, when it is told in one of the few sentences before
    (or in the sentence itself) and no other call comes between."""
    doc = sent.doc
    told = [(max(m.sent.start for m in c.mentions if m.sent.start <= sent.start), c) for c in calls
            if not c.earlier and any(m.sent.start <= sent.start for m in c.mentions)]
    if not told:
        return None
    start, call = max(told, key=lambda x: x[0])
    between = [s for s in doc[start:sent.start].sents] if start < sent.start else []
    return call if len(between) <= JOIN_REACH else None


def _said_undated(call: Call) -> bool:
    """The text says the call's day is not known ("n'a pas précisé quand l'appel avait eu lieu",
    "a confirmé l'échange sans le dater"): a day borrowed from the reporting verb or the dateline
    would be a guess, so the call stays undated."""
    return any(has_phrase(folded(m.sent), load_lexicon().calls["undated_cues"]) for m in call.mentions)


def _assemble(doc: Doc, call: Call, holdings: list[Holding]) -> tuple[CallFact | None, list[Holding]]:
    persons = list(dict.fromkeys(p for m in call.mentions for p in m.persons))
    offices = list(dict.fromkeys(o for m in call.mentions for o in m.offices))
    sides = list(dict.fromkeys(s for m in call.mentions for s in m.sides))
    initiator = next((m.initiator for m in call.mentions if m.initiator and m.initiator.person),
                     next((m.initiator for m in call.mentions if m.initiator), None))
    if initiator and initiator.person and initiator.person not in persons and len(persons) < 2:
        persons.append(initiator.person)  # "X a reçu un appel de Y": Y is the other party
    counterpart_offices = _counterpart_offices(call, persons, holdings)
    offices += counterpart_offices
    persons += _post_type_holders(call, persons, holdings)
    holdings, offices = _align(doc, call, persons, offices, holdings)
    if not counterpart_offices:  # "Vous avez parlé avec votre homologue ukrainien ?" — "J'ai eu X au téléphone":
        late = [o for o in _counterpart_offices(call, persons, holdings) if o not in offices]  # the owner's post
        if late:  # is known only once the interviewee's post is aligned with them
            holdings, offices = _align(doc, call, persons, offices + late, holdings)
    holdings = holdings + _counterpart_holdings(doc, call, persons, holdings)
    holdings = holdings + _respective_holdings(call, persons, holdings)
    persons = _fill_sides(persons, sides, holdings)
    persons += _named_before(doc, call, persons, holdings)
    persons += _bare_counterpart(call, persons, holdings)
    persons += _counterpart_in_country(call, persons, offices, holdings)
    pair = next((m.pair for m in call.mentions if m.pair), None)
    if pair and len(persons) + len(offices) < 2:
        persons = _fill_pair(doc, pair, persons, holdings, call.mentions[0].sent.start)
    holdings = holdings + _pair_holdings(doc, call, persons, holdings)
    parties = [Party(person=p) for p in persons] + [Party(office=o) for o in dict.fromkeys(offices)]
    if len(parties) < 2 or _one_side_only(call, persons):
        return None, holdings
    ev = tuple(evidence(m.sent, "call-" + ("reference" if m.referring else "mention")) for m in call.mentions)
    topics = tuple(dict.fromkeys(t for m in call.mentions for t in m.topics))[:8]
    video = any(_told_by_video(m) for m in call.mentions)
    day = None if _said_undated(call) else call.date()
    fact = CallFact(tuple(parties), tuple(dict.fromkeys(ev)), shared_precision(day) if day else None,
                    _initiator_party(doc, initiator, persons, holdings, offices), topics,
                    "video" if video else "phone")
    return fact, holdings


def _one_side_only(call: Call, persons: list[str]) -> bool:
    """"Penny Wong et Richard Marles ont tenu une visioconférence avec leurs homologues japonais": the
    people named are the subjects, all on one side, and the other side is a group no one names; the
    call is one with unnamed counterparts, not a call between the subjects."""
    callers = {c for m in call.mentions for c in m.callers}
    return any(m.unnamed_side for m in call.mentions) and len(persons) >= 2 and set(persons) <= callers


def _told_by_video(m: Mention) -> bool:
    """The medium word nearest the mention's trigger in its sentence is a video one: "ont tenu une
    réunion par visioconférence, avant que X ne s'entretienne avec Y, au téléphone cette fois" tells
    a video meeting and a phone call."""
    at, doc = m.trigger[0].i, m.sent.doc
    media = [(abs(t.i - at), fold(t.text).startswith(("visio", "video"))) for t in m.sent
             if fold(t.text).startswith(("visio", "video", "telephon"))
             and not any(fold(x.text) in CLAUSE_OPENERS for x in doc[min(t.i, at) + 1: max(t.i, at)])]
    return bool(media) and min(media)[1]


#: Words that open another clause between a medium word and a trigger: the medium is that clause's.
CLAUSE_OPENERS = frozenset({"que", "qu'", ";", "tandis", "alors"})


def _fill_pair(doc: Doc, noun: str, persons: list[str], holdings: list[Holding], at: int) -> list[str]:
    """"les deux ministres": the article's first two officials of different countries whose posts
    fit the noun (any post for "hommes", "dirigeants"); when the article states no such posts, the
    last two people named together before the call's first sentence (:func:`_pair_named_before`)."""
    order = [m.key for m in doc._.people or []]
    post_type = pair_post_type(noun)
    fits = [h for h in holdings if post_type is None or load_lexicon().office(h.office).type.startswith(post_type)]
    chosen = list(persons)
    for key in sorted({h.person for h in fits}, key=order.index):
        countries = {c for p in chosen for c in _country_of(p, holdings)}
        if key not in chosen and not _country_of(key, holdings) & countries:
            chosen.append(key)
    if len(chosen) < 2 and not persons:
        chosen = _pair_named_before(doc, at)
    return chosen[:2] if len(chosen) >= 2 else persons


def _pair_named_before(doc: Doc, at: int) -> list[str]:
    """The last two people named together ("A et B") before token ``at``, or else the two people of
    the nearest sentence before that names anyone, when it names exactly two ("A a multiplié les
    échanges avec B"), when the posts that would tell "les deux présidents" apart are not stated:
    the pair noun stands for them."""
    before = [p for p in doc._.people or [] if p.span.end <= at]
    for first, second in reversed(list(itertools.pairwise(before))):
        if [fold(t.text) for t in doc[first.span.end:second.span.start]] == ["et"] and first.key != second.key:
            return [first.key, second.key]
    if not before:
        return []
    sent = before[-1].span.sent  # else the nearest sentence naming anyone, when it names exactly two
    keys = list(dict.fromkeys(p.key for p in before if p.span.sent == sent))
    return keys if len(keys) == 2 else []


def _post_type_holders(call: Call, persons: list[str], holdings: list[Holding]) -> list[str]:
    """"le chancelier" with no country: the article's one holder of a post of that type."""
    lexicon, out = load_lexicon(), []
    for post_type in dict.fromkeys(t for m in call.mentions for t in m.post_types):
        holders = {h.person for h in holdings if lexicon.office(h.office).type == post_type}
        if len(holders) == 1 and (key := holders.pop()) not in persons:
            out.append(key)
    return out


def _only_post_type(persons: Iterable[str], holdings: list[Holding]) -> str | None:
    """The one post type the people hold between them, or of several the one a country has a single
    holder of ("vice-Premier ministre et ministre des Affaires étrangères": the foreign minister, see
    :func:`kg.extract.offices.counterpart_type`); None when they hold none or it stays ambiguous (a
    counterpart's post is read from it only when it is unambiguous)."""
    wanted = set(persons)
    return counterpart_type({load_lexicon().office(h.office).counterpart_type for h in holdings if h.person in wanted})


def _counterpart_holding(person: str, post_type: str, country: str, span: Span, call: Call,
                         rule: str = "call-counterpart") -> Holding:
    """A counterpart's post in ``country`` (rule ``call-counterpart``), attested on the call's day."""
    date = call.date()
    return Holding(person, load_lexicon().office_for(post_type, country).id, (evidence(span, rule),),
                   attested=date if date and date.precision == "day" else None)


def _pair_holdings(doc: Doc, call: Call, persons: list[str], holdings: list[Holding]) -> list[Holding]:
    """"La dernière conversation entre les deux présidents remonte au 19 septembre": a pair noun naming
    one post type states that post of each of the two people it stands for (rule ``call-pair``), in the
    country the gazetteer knows each by (where a stated post with no country is held), never a guessed
    one; a person who holds a post of that type already keeps theirs."""
    mention = next((m for m in call.mentions if m.pair), None)
    if mention is None or mention.pair is None:
        return []
    post_type = pair_post_type(mention.pair)
    if not post_type or post_type not in load_lexicon().post_types or len(persons) != 2 \
            or set(mention.persons) != set(persons):  # the pair is the call's people only when they come
        return []  # from it ("sans que les deux présidents se parlent" beside a call between two others)
    out = []
    for person in persons:
        country = _surname_country(doc, person)
        if country and not any(h.person == person and office_type(h.office) == post_type for h in holdings):
            out.append(_counterpart_holding(person, post_type, country, mention.sent, call, "call-pair"))
    return out


def _counterpart_offices(call: Call, persons: list[str], holdings: list[Holding]) -> list[str]:
    """"son homologue russe": the post of the other participant, in that country."""
    lexicon, out = load_lexicon(), []
    countries = [c for m in call.mentions for c in m.counterparts]
    for country in dict.fromkeys(countries):
        post_type = _only_post_type(persons, holdings)
        if post_type is not None:
            out.append(lexicon.office_for(post_type, country).id)
    return out


def _counterpart_holdings(doc: Doc, call: Call, persons: list[str], holdings: list[Holding]) -> list[Holding]:
    """"Le ministre s'est également entretenu avec son homologue néerlandais Y": a named counterpart
    whose owner the post rules could not place (a role noun, a pronoun) holds, in the demonym's
    country, the post of the call's one other party, when that party holds posts of one type only
    (rule ``call-counterpart``)."""
    out = []
    sents = {m.sent.start for m in call.mentions}
    for a in notes(doc).attachments:
        if a.rule != "counterpart" or a.counterpart_of is not None or a.post is None or len(a.post.countries) != 1:
            continue
        if a.person.key not in persons or a.person.span.sent.start not in sents:
            continue
        others = [p for p in persons if p != a.person.key]
        post_type = _only_post_type(others, holdings) if len(others) == 1 else None
        country = a.post.countries[0]
        if post_type is None or country in _country_of(a.person.key, holdings):
            continue
        out.append(_counterpart_holding(a.person.key, post_type, country, a.evidence_span, call))
    return out


def _respective_holdings(call: Call, persons: list[str], holdings: list[Holding]) -> list[Holding]:
    """"X a appelé ses homologues allemand, britannique et française, A, B et C": each named
    counterpart holds, in the country its demonym gives, the post of the caller when the caller
    holds posts of one type only (rule ``call-counterpart``)."""
    lexicon, out = load_lexicon(), []
    callers = {c for m in call.mentions for c in m.callers}
    post_type = _only_post_type(callers, holdings) if len(callers) == 1 else None
    if post_type is None:
        return []
    held = {(h.person, h.office) for h in holdings}
    for m in call.mentions:
        for person, country in m.respective:
            office = lexicon.office_for(post_type, country).id
            if person in persons and person not in callers and (person, office) not in held and \
                    country not in _country_of(person, holdings):
                held.add((person, office))
                out.append(_counterpart_holding(person, post_type, country, m.sent, call))
    return out


def _country_of(person: str, holdings: list[Holding]) -> set[str]:
    return {h.office.split(".")[0] for h in holdings if h.person == person} - {"?"}


def _align(doc: Doc, call: Call, persons: list[str], offices: list[str],
           holdings: list[Holding]) -> tuple[list[Holding], list[str]]:
    """Match posts named for a call with its people; each match is a holding (rule call-role)."""
    held = {(h.person, h.office) for h in holdings}
    free_people = [p for p in persons if not any((p, o) in held for o in offices)]
    free_offices = [o for o in offices if not any((p, o) in held for p in persons)]
    if not call.earlier:  # the article's one holder of a post named for a current call
        holders = {o: {h.person for h in holdings if h.office == o} for o in free_offices}
        persons += [next(iter(h)) for h in holders.values() if len(h) == 1 and next(iter(h)) not in persons]
        free_offices = [o for o in free_offices if len(holders[o]) != 1]
    countries = _counterpart_countries(doc)  # cached: read for every call
    known = known_countries(doc)  # the gazetteer's: "Le locataire de l'Élysée" is the one French party

    def served(p: str) -> set[str]:
        """The countries the article has the person serve: as a counterpart or by a post."""
        return countries.get(p, set()) | _country_of(p, holdings)

    def known_to_serve(p: str) -> set[str]:
        """Those, and the country the gazetteer knows the person for."""
        return served(p) | {c for c in [known.get(p) or _surname_country(doc, p)] if c}

    def elsewhere(p: str, o: str) -> bool:
        """The gazetteer knows the person to hold another post that day ("Emmanuel Macron et Friedrich Merz
        se sont parlé. Les ministres des Affaires étrangères français et allemand ont eu …")."""
        return known_in_other_post(doc, p, office_type(o))

    new = []
    for o in list(free_offices):
        country = o.split(".")[0]
        match = [p for p in free_people if country in known_to_serve(p) and not elsewhere(p, o)]
        if len(match) == 1:
            new.append((match[0], o))
            free_people.remove(match[0])
            free_offices.remove(o)
    if len(persons) >= 2 and len(free_people) == 1 and len(free_offices) == 1 and _may_hold(
            free_offices[0], known_to_serve(free_people[0])) and not elsewhere(free_people[0], free_offices[0]):
        new.append((free_people[0], free_offices[0]))
        free_offices = []
    ev = (evidence(call.mentions[0].sent, "call-role"),)
    date = call.date()
    holdings = holdings + [Holding(p, o, ev, attested=date if date and date.precision == "day" else None)
                           for p, o in new]
    return holdings, free_offices


def _surname_country(doc: Doc, person: str) -> str | None:
    """The country of the known person a surname alone denotes ("Appel Trump-Xi"), read only to match a
    post named for the same call with its party: a surname the gazetteer calls ambiguous identifies
    nobody elsewhere (:meth:`~kg.extract.gazetteer.Gazetteer.person_of`)."""
    gazetteer = load_gazetteer()
    found = {k.country for m in doc._.people or [] if m.key == person
             if (k := gazetteer.identify(name_text(m.span))) is not None}
    return found.pop() if len(found) == 1 else None


def _may_hold(office: str, served: set[str]) -> bool:
    """The one person and the one post left on a call of two or more people go together unless the
    person is known to serve another country (``served``).  With one person only, the post is the
    other party ("le prince héritier X avait reçu un appel du président français": X is no French
    president; a wrong post is worse than none); nor to one the gazetteer knows for another country
    ("Le Premier ministre polonais, … ont parlé avec Volodymyr Zelensky", the Pole named elsewhere)."""
    return not served or office.split(".")[0] in served


def _counterpart_countries(doc: Doc) -> dict[str, set[str]]:
    """Each person's countries as a counterpart ("son homologue russe, X"), from the attachments."""
    state = notes(doc)
    if state.counterparts is None:
        state.counterparts = {}
        for a in state.attachments:
            if a.rule == "counterpart" and a.post and a.post.countries:
                state.counterparts.setdefault(a.person.key, set()).update(a.post.countries)
    return state.counterparts


def _named_before(doc: Doc, call: Call, persons: list[str], holdings: list[Holding]) -> list[str]:
    """"… d'un appel au dirigeant ukrainien": the latest person named before the role noun who serves
    that country (by a post of the article or as the gazetteer knows them), when the call has no
    party of that country yet."""
    known, vocab, lexicon = known_countries(doc), load_lexicon().calls, load_lexicon()
    out: list[str] = []
    for country, i in dict.fromkeys(r for m in call.mentions for r in m.role_sides):
        if any(country in _country_of(p, holdings) | {known.get(p)} for p in persons + out):
            continue
        before = [p.key for p in doc._.people or [] if p.span.end <= i]
        serving = [k for k in before if country in _country_of(k, holdings) | {known.get(k)}]
        if fold(doc[i].lemma_) in {fold(w) for w in vocab["leader_nouns"]}:
            leaders = [k for k in serving if any(h.person == k and lexicon.office(h.office).type in
                                                 vocab["leader_post_types"] for h in holdings)]
            serving = leaders or serving  # "le dirigeant ukrainien": its president before its minister
        if serving and serving[-1] not in persons:
            out.append(serving[-1])
    return out


def _bare_counterpart(call: Call, persons: list[str], holdings: list[Holding]) -> list[str]:
    """"Mardi, X s'est entretenu par téléphone avec son homologue", the homologue named in another
    sentence: on a call with one person, the article's one holder of that person's post type (of
    one type only) in another country."""
    if len(persons) != 1 or not any(m.bare_counterpart for m in call.mentions):
        return []
    lexicon, post_type = load_lexicon(), _only_post_type(persons, holdings)
    if post_type is None:
        return []
    own = _country_of(persons[0], holdings)
    holders = {h.person for h in holdings if h.person != persons[0] and lexicon.office(h.office).type == post_type
               and h.office.split(".")[0] not in own | {"?"}}
    return list(holders) if len(holders) == 1 else []


def _counterpart_in_country(call: Call, persons: list[str], offices: list[str], holdings: list[Holding]) -> list[str]:
    """"X s'est entretenu avec son homologue chinois" with X's own post not said (so no counterpart post
    could be read from it), the counterpart named in another sentence ("Le ministre chinois des Affaires
    étrangères Y a salué …"): on a call with one person and no other party, the article's one holder of
    a post in that country, of a kind one has counterparts in (``counterpart_post_types``: a minister, a
    leader, a chief of defence; not the spokesperson who reports the call), of X's post type when X has one."""
    countries = {c for m in call.mentions for c in m.counterparts}
    if len(persons) != 1 or offices or len(countries) != 1:
        return []
    lexicon, country = load_lexicon(), countries.pop()
    kinds = set(lexicon.calls["counterpart_post_types"])
    post_type = _only_post_type(persons, holdings)
    holders = {h.person for h in holdings if h.person != persons[0] and h.office.split(".")[0] == country
               and lexicon.office(h.office).type in kinds
               and (post_type is None or lexicon.office(h.office).type == post_type)}
    return list(holders) if len(holders) == 1 else []


def _fill_sides(persons: list[str], sides: list[str], holdings: list[Holding]) -> list[str]:
    """A side named without its person gets the article's one official of that country."""
    for c in sides:
        if any(c in _country_of(p, holdings) for p in persons):
            continue
        officials = {h.person for h in holdings if h.office.startswith(c + ".")}
        if len(officials) == 1:
            persons.append(officials.pop())
    return persons


def _known_countries_of(doc: Doc, person: str) -> set[str]:
    """The countries a person is known to serve without a post of the text: the gazetteer's, and the
    one of a counterpart phrase ("son homologue iranien, X")."""
    known = known_countries(doc).get(person)
    return _counterpart_countries(doc).get(person, set()) | ({known} if known else set())


def _initiator_party(doc: Doc, initiator: Party | None, persons: list[str], holdings: list[Holding],
                     offices: list[str]) -> Party | None:
    if initiator is None or initiator.person:
        return initiator if initiator is None or initiator.person in persons else None
    if initiator.office:  # "Le chef de la diplomatie turque a appelé Y": the post's holder on the call
        holders = [p for p in persons if any(h.person == p and h.office == initiator.office for h in holdings)]
        return Party(person=holders[0]) if len(holders) == 1 else None
    side = [p for p in persons if initiator.country in _country_of(p, holdings)]
    if not side:  # "à l'initiative de l'Elysée" with no post of Macron's in the text: the gazetteer
        side = [p for p in persons if initiator.country in _known_countries_of(doc, p)]
    if len(side) == 1:
        return Party(person=side[0])
    office = [o for o in offices if o.startswith(f"{initiator.country}.")]
    return Party(office=office[0]) if len(office) == 1 else None
