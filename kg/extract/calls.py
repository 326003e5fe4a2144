"""Phone and video calls: mentions, participants, initiator, date, grouped into calls per article.

A *mention* is a sentence with a call trigger (a call noun such as "entretien
téléphonique", or a verb such as "s'entretenir" with a phone cue).  Its
participants are the people, posts and sides syntactically linked to the
trigger; a reporting verb ("a annoncé", "selon") cuts the link.  Meetings, failed
attempts, wishes and plans are not calls.  Mentions are grouped: a mention that
refers back ("cet appel") or agrees with a call already found joins it; one that
names other people, another date, or an earlier time ("auparavant", "à
l'époque") starts another call.  Posts named as participants are matched with
the people named for the same call (giving holdings); sides ("la partie russe",
"Moscou") are matched with the article's officials of that country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import load_lexicon
from kg.extract.lexmatch import lex_spans
from kg.extract.model import CallFact, DateValue, Holding, Party
from kg.extract.names import fold
from kg.extract.offices import PostMention, find_posts
from kg.extract.people import PersonMention
from kg.extract.spans import evidence

EARLIER = ("auparavant", "a l'epoque", "le dernier appel", "le dernier entretien", "le dernier echange",
           "la derniere conversation", "la derniere fois", "le precedent", "la precedente", "appel precedent",
           "entretien precedent", "echange precedent", "remontait", "remonte a", "a ce moment-la",
           "avaient deja", "avait deja", "s'etaient deja", "s'etait deja")
THEN = ("a l'epoque", "a ce moment-la", "alors")
SINCE = frozenset(("depuis", "avant", "apres", "jusque", "jusqu'", "des", "d'ici"))
RELATION_NOUNS = frozenset(("predecesseur", "successeur", "homologue", "adjoint", "porte-parole"))
LIGHT_VERBS = frozenset(("avoir", "etre", "intervenir", "survenir", "agir", "derouler", "tenir", "marquer",
                         "rallumer", "porter", "durer", "eu"))


@lru_cache(maxsize=1)
def _vocab() -> dict[str, list[str]]:
    """The call wordings (``calls.json``), folded like the text they are compared with."""
    return {k: [fold(w) for w in v] for k, v in load_lexicon().calls.items() if isinstance(v, list)}


@lru_cache(maxsize=64)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    words = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


def _has(text: str, phrases: list[str] | tuple[str, ...]) -> bool:
    """Whether folded ``text`` contains one of the phrases as whole words."""
    return _pattern(tuple(phrases)).search(text) is not None


@dataclass
class Mention:
    sent: Span
    trigger: list[Token]
    referring: bool  # refers back to a call already mentioned
    earlier: bool  # explicitly about an earlier call
    persons: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)
    date: DateValue | None = None
    initiator: Party | None = None
    topics: list[str] = field(default_factory=list)


@dataclass
class Call:
    mentions: list[Mention]
    earlier: bool

    def persons(self) -> set[str]:
        return {p for m in self.mentions for p in m.persons}

    def date(self) -> DateValue | None:
        dates = [m.date for m in self.mentions if m.date]
        return min(dates, key=lambda d: d.width) if dates else None


# ------------------------------------------------------------------ triggers


def _sentence_text(sent: Span) -> str:
    return fold(sent.text)


def _trigger(sent: Span, phone_article: bool) -> tuple[list[Token], bool] | None:
    """The trigger tokens of a sentence and whether they only refer back to a known call."""
    vocab, text = _vocab(), _sentence_text(sent)
    phone = _has(text, vocab["phone_markers"])
    for t in sent:
        lemma = fold(t.lemma_)
        if t.pos_ in ("NOUN", "PROPN") and lemma in vocab["weak_nouns"] + ["ligne"]:
            if lemma == "ligne" and not phone:
                continue
            referring = _determiner(t) in ("ce", "cet", "cette", "le", "la", "l'", "leur") and not _names_in(t)
            strong = phone or (phone_article and lemma == "appel")
            if _not_an_event(t) or (not strong and not referring):
                continue
            return [t], referring or not strong
        if t.pos_ in ("VERB", "AUX") and lemma in vocab["verbs"] and _verb_is_call(t, phone, phone_article):
            return [t], False
    return None


def _verb_is_call(t: Token, phone: bool, phone_article: bool) -> bool:
    lemma = fold(t.lemma_)
    if _not_an_event(t) or "Fut" in t.morph.get("Tense"):
        return False
    reflexive = any(fold(c.text) in ("se", "s'") for c in t.children)
    if lemma == "entretenir":
        return reflexive and (phone or phone_article)
    if lemma in _vocab()["self_sufficient_verbs"]:
        return True
    return phone and lemma in ("parler", "discuter", "echanger", "converser", "appeler", "joindre")


def _determiner(t: Token) -> str | None:
    return next((fold(c.text) for c in t.children if c.dep_ in ("det",)), None)


def _names_in(t: Token) -> bool:
    return False


def _not_an_event(t: Token) -> bool:
    """A wish, an attempt, a refusal, a plan, a call *for* something, or a meeting."""
    vocab = _vocab()
    left = t.doc[max(t.sent.start, t.i - 6): t.i + 3]
    text = " ".join(fold(x.text) for x in left)
    if fold(t.lemma_) == "appel" and t.i + 1 < len(t.doc) and fold(t.doc[t.i + 1].text) in ("a", "au", "aux"):
        after = " ".join(fold(x.text) for x in t.doc[t.i + 1: t.i + 4])
        if "initiative" not in after and "demande" not in after:
            return True
    if _has(text, vocab["non_event_cues"]) or any(fold(a.lemma_) in (
            "tenter", "vouloir", "souhaiter", "refuser", "proposer", "envisager", "esperer") for a in t.ancestors):
        return True
    sent_text = _sentence_text(t.sent)
    return _has(sent_text, vocab["in_person_markers"]) and not _has(sent_text, vocab["phone_markers"])


# ------------------------------------------------------------------ linking


def _linked(token: Token, trigger: list[Token]) -> bool:
    """Whether ``token`` depends on the trigger (or its light verb) before any reporting verb."""
    anchors = set(trigger)
    reporting = set(_vocab()["reporting_verbs"]) | {"selon"}
    for t in trigger:
        light = fold(t.head.lemma_) in LIGHT_VERBS or t.dep_ in ("nsubj", "obj", "nsubj:pass")
        if t.pos_ == "NOUN" and light and fold(t.head.lemma_) not in reporting:
            anchors.add(t.head)
    node = token
    for _ in range(40):
        if node in anchors:
            return True
        if node.i != token.i and fold(node.lemma_) in reporting and node not in anchors:
            return False
        if fold(node.head.lemma_) in RELATION_NOUNS and node.dep_.startswith("nmod"):
            return False  # "le prédécesseur de Brown": Brown is not on the call
        if node.head is node:
            return False
        node = node.head
    return False


def _dated(doc: Doc, m_sent: Span, trigger: list[Token]) -> DateValue | None:
    spans = [s for s in doc.spans.get("dates", []) if m_sent.start <= s.start < m_sent.end]
    for s in spans:
        if s._.date and _linked(s.root, trigger) and not _since(s):
            return s._.date
    return None


def _since(span: Span) -> bool:
    """A date under "depuis", "avant"… bounds something; it is not the call's date.  Looks back
    over the noun phrase before the date ("depuis la prise de fonctions de X en octobre 2023")."""
    doc = span.doc
    for i in range(span.start - 1, max(span.sent.start, span.start - 12) - 1, -1):
        word = fold(doc[i].text)
        if word in SINCE:
            return True
        if doc[i].pos_ in ("VERB", "AUX") or word in (",", ";", ":", "et", "qui", "que"):
            return False
    return False


def _then_date(doc: Doc, sent: Span) -> DateValue | None:
    """"À l'époque, …": the last date of the sentence before."""
    if not _has(_sentence_text(sent[:4]), THEN) or sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    dates = [s._.date for s in doc.spans.get("dates", []) if prev.start <= s.start < prev.end and s._.date]
    return dates[-1] if dates else None


def _participants(doc: Doc, m: Mention) -> None:
    for p in doc._.people or []:
        if m.sent.start <= p.span.start < m.sent.end and _linked(p.span.root, m.trigger):
            if not _is_initiator_only(p, m):
                m.persons.append(p.key)
    attached = {id(a.post) for a in doc.user_data.get("kg_attachments", []) if a.post}
    for post in find_posts(doc):
        if m.sent.start <= post.span.start < m.sent.end and id(post) not in attached:
            if _linked(post.span.root, m.trigger) or _plural_post(post):
                m.offices += post.offices()
    m.sides += _sides(doc, m)
    m.persons = list(dict.fromkeys(m.persons))


def _is_initiator_only(p: PersonMention, m: Mention) -> bool:
    return False


def _plural_post(post: PostMention) -> bool:
    return len(post.countries) > 1


def _sides(doc: Doc, m: Mention) -> list[str]:
    """Countries named as the ends of the call: "entre Washington et Moscou", "avec la Russie",
    attached to the trigger itself (not to some other noun of the sentence)."""
    anchors = set(m.trigger) | {t.head for t in m.trigger if t.pos_ == "NOUN"}
    out = []
    for s in lex_spans(doc, "COUNTRY", "METONYM"):
        if not m.sent.start <= s.start < m.sent.end:
            continue
        root = s.root
        head = root.head if root.dep_ == "conj" else root
        marked = any(fold(c.text) in ("entre", "avec") for c in head.children if c.dep_ == "case")
        if marked and head.head in anchors:
            out.append(s.kb_id_)
    return out


def _initiator(doc: Doc, sent: Span) -> Party | None:
    text = fold(sent.text)
    cues = _vocab()["initiator_cues"]
    at = min((text.find(c) for c in cues if c in text), default=-1)
    if at < 0:
        return None
    char = sent.start_char + at
    for p in sorted(doc._.people or [], key=lambda p: p.span.start):
        if char < p.span.start_char <= char + 80 and sent.start <= p.span.start < sent.end:
            return Party(person=p.key)
    for s in lex_spans(doc, "DEMONYM", "COUNTRY", "METONYM"):
        if char < s.start_char <= char + 90 and s.start < sent.end:
            return Party(country=s.kb_id_)
    return None


def _topics(sent: Span) -> list[str]:
    verbs = set(_vocab()["topic_verbs"])
    out = []
    for t in sent:
        if t.pos_ == "VERB" and fold(t.lemma_) in verbs:
            for c in t.children:
                if c.dep_ in ("obj", "obl:arg", "obl") and c.pos_ == "NOUN":
                    words = [x.text for x in c.subtree]
                    if 1 < len(words) <= 18:
                        out.append(" ".join(words).strip(" ,«»\"'"))
    return out


# ------------------------------------------------------------------ grouping


def _mentions(doc: Doc) -> list[Mention]:
    phone_article = _has(" ".join(fold(t.text) for t in doc), _vocab()["phone_markers"])
    out = []
    for sent in doc.sents:
        found = _trigger(sent, phone_article)
        if not found:
            topics = _topics(sent)
            if topics and out and out[-1].sent.end >= sent.start - 60:
                out[-1].topics += topics
            continue
        trigger, referring = found
        earlier = _has(_sentence_text(sent), EARLIER)
        m = Mention(sent, trigger, referring, earlier)
        _participants(doc, m)
        m.date = _then_date(doc, sent) or _dated(doc, sent, trigger)
        m.initiator = _initiator(doc, sent)
        m.topics = _topics(sent)
        out.append(m)
    return out


def _compatible(call: Call, m: Mention) -> bool:
    if m.earlier and not call.earlier:
        return False
    date = call.date()
    if date and m.date and not date.overlaps(m.date):
        return False
    mine, theirs = set(m.persons), call.persons()
    if mine and theirs and not (mine <= theirs or theirs <= mine or len(mine | theirs) <= 2):
        return False
    return not (mine and theirs and not mine & theirs)


def _group(mentions: list[Mention]) -> list[Call]:
    calls: list[Call] = []
    for m in mentions:
        target = None
        if m.referring and not m.earlier and not m.persons:
            target = next((c for c in calls if not c.earlier and _compatible(c, m)), None)
        target = target or next((c for c in reversed(calls) if _compatible(c, m)), None)
        if target:
            target.mentions.append(m)
        else:
            calls.append(Call([m], m.earlier))
    return calls


# ------------------------------------------------------------------ assembly


def find_calls(doc: Doc, holdings: list[Holding]) -> tuple[list[CallFact], list[Holding]]:
    """The article's calls, and its holdings completed by matching posts with the people of each call."""
    facts = []
    for call in _group(_mentions(doc)):
        fact, holdings = _assemble(doc, call, holdings)
        if fact:
            facts.append(fact)
    return facts, holdings


def _assemble(doc: Doc, call: Call, holdings: list[Holding]) -> tuple[CallFact | None, list[Holding]]:
    persons = list(dict.fromkeys(p for m in call.mentions for p in m.persons))
    offices = list(dict.fromkeys(o for m in call.mentions for o in m.offices))
    sides = list(dict.fromkeys(s for m in call.mentions for s in m.sides))
    initiator = next((m.initiator for m in call.mentions if m.initiator and m.initiator.person),
                     next((m.initiator for m in call.mentions if m.initiator), None))
    if initiator and initiator.person and initiator.person not in persons:
        persons.append(initiator.person)
    holdings, offices = _align(doc, call, persons, offices, holdings)
    persons, sides = _fill_sides(persons, sides, holdings)
    parties = [Party(person=p) for p in persons] + [Party(office=o) for o in offices]
    parties += [Party(country=c) for c in sides if not _covers(c, persons, offices, holdings)]
    if len(parties) < 2:
        return None, holdings
    ev = tuple(evidence(m.trigger[0].sent, "call-" + ("reference" if m.referring else "mention"))
               for m in call.mentions)
    topics = tuple(dict.fromkeys(t for m in call.mentions for t in m.topics))[:8]
    medium = "video" if any(_has(_sentence_text(m.sent), ("visioconference", "videoconference", "video"))
                            for m in call.mentions) else "phone"
    return CallFact(tuple(parties), ev, call.date(), _initiator_party(initiator, persons, holdings, offices),
                    topics, medium), holdings


def _country_of(person: str, holdings: list[Holding]) -> set[str]:
    return {h.office.split(".")[0] for h in holdings if h.person == person}


def _align(doc: Doc, call: Call, persons: list[str], offices: list[str],
           holdings: list[Holding]) -> tuple[list[Holding], list[str]]:
    """Match posts named for a call with its people; each match is a holding (rule call-role)."""
    held = {(h.person, h.office) for h in holdings}
    free_people = [p for p in persons if not any((p, o) in held for o in offices)]
    free_offices = [o for o in offices if not any((p, o) in held for p in persons)]
    countries = _counterpart_countries(doc)
    new = []
    for o in list(free_offices):
        country = o.split(".")[0]
        match = [p for p in free_people if country in (countries.get(p, set()) | _country_of(p, holdings))]
        if len(match) == 1:
            new.append((match[0], o))
            free_people.remove(match[0])
            free_offices.remove(o)
    if len(free_people) == 1 and len(free_offices) == 1:
        new.append((free_people[0], free_offices[0]))
        free_offices = []
    ev = (evidence(call.mentions[0].sent, "call-role"),)
    date = call.date()
    holdings = holdings + [Holding(p, o, ev, attested=date if date and date.precision == "day" else None)
                           for p, o in new]
    return holdings, free_offices


def _counterpart_countries(doc: Doc) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a in doc.user_data.get("kg_attachments", []):
        if a.rule == "counterpart" and a.post and a.post.countries:
            out.setdefault(a.person.key, set()).update(a.post.countries)
    return out


def _fill_sides(persons: list[str], sides: list[str], holdings: list[Holding]) -> tuple[list[str], list[str]]:
    """A side named without its person gets the article's one official of that country."""
    for c in sides:
        if any(c in _country_of(p, holdings) for p in persons):
            continue
        officials = {h.person for h in holdings if h.office.startswith(c + ".")}
        if len(officials) == 1:
            persons.append(officials.pop())
    return persons, sides


def _covers(country: str, persons: list[str], offices: list[str], holdings: list[Holding]) -> bool:
    return any(country in _country_of(p, holdings) for p in persons) or any(
        o.startswith(country + ".") for o in offices)


def _initiator_party(initiator: Party | None, persons: list[str], holdings: list[Holding],
                     offices: list[str]) -> Party | None:
    if initiator is None or initiator.person:
        return initiator
    side = [p for p in persons if initiator.country in _country_of(p, holdings)]
    if len(side) == 1:
        return Party(person=side[0])
    office = [o for o in offices if o.startswith(f"{initiator.country}.")]
    return Party(office=office[0]) if len(office) == 1 else initiator


def replace_party(p: Party, **kw: str) -> Party:
    return replace(p, **kw)
