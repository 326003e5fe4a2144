"""Phone and video calls, first stage: call mentions with their participants, initiator and date.

A *mention* is one call trigger in a sentence: a call noun ("entretien
téléphonique", "appel"), a call verb ("s'entretenir", "téléphoner", "appeler",
"se parler"), or any verb with "au/par téléphone".  A sentence may hold several.
Each person, post, side ("entre Washington et Moscou") and unnamed counterpart
("son homologue russe") belongs to the nearest trigger it depends on; a
reporting verb ("a annoncé", "selon") cuts the link.  Meetings, failed
attempts, wishes, plans and calls *for* something are not calls.

Grouping mentions into calls is :mod:`kg.extract.callgroups`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.coref import (
    SUBJECT_DEPS,
    interviewee,
    pronoun_led,
    reported_speaker,
    reporting_phrase,
    reporting_verb,
    sentence_before,
    subject_node,
)
from kg.extract.dates import NUMBER_WORDS, TickerEntry, counts_from_reference, lead_month, normalise, ticker_entries
from kg.extract.lexicon import load_file, load_lexicon, title_cues
from kg.extract.lexmatch import lex_spans, lex_within
from kg.extract.model import DateValue, Party
from kg.extract.names import fold
from kg.extract.offices import OF, demonstrative_subject, find_posts, handed_over, known_countries, notes, posts_within
from kg.extract.people import PersonMention
from kg.extract.spanindex import dated_tokens, dates_within, people_within
from kg.extract.spans import folded, lead_sentence, own_line, past_dateline, phrase_pattern


@lru_cache(maxsize=32)
def _words(key: str) -> frozenset[str]:
    """One word list of ``calls.json`` as a set of folded words."""
    return frozenset(_vocab()[key])


@lru_cache(maxsize=1)
def _vocab() -> dict[str, list[str]]:
    """The call wordings (``calls.json``), folded like the text they are compared with."""
    return {k: [fold(w) for w in v] for k, v in load_lexicon().calls.items() if isinstance(v, list)}


def has_phrase(text: str, phrases: list[str] | tuple[str, ...]) -> bool:
    """Whether folded ``text`` contains one of the phrases as whole words."""
    return phrase_pattern(tuple(phrases)).search(text) is not None




@dataclass
class Mention:
    sent: Span
    trigger: list[Token]
    referring: bool  # refers back to a call already mentioned
    demonstrative: bool  # "cet appel": refers to the latest call whatever it says
    earlier: bool  # explicitly about an earlier call
    callers: list[str] = field(default_factory=list)  # people in subject position
    caller_offices: list[str] = field(default_factory=list)  # posts in subject position ("Le ministre a appelé")
    persons: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)
    role_sides: list[tuple[str, int]] = field(default_factory=list)  # "au dirigeant ukrainien": (country, token)
    counterparts: list[str] = field(default_factory=list)  # countries of unnamed "homologues"
    bare_counterpart: bool = False  # "avec son homologue", no name and no country
    unnamed_side: bool = False  # "A et B … avec leurs homologues japonais": the other side is named by no one
    respective: list[tuple[str, str]] = field(default_factory=list)  # "ses homologues A et B, X et Y"
    pair: str | None = None  # "les deux ministres": the noun naming the two participants
    each: bool = False  # "avec chacun des deux dirigeants": the pair is the other side of one call each
    pair_subject: bool = False  # "les deux hommes avaient échangé avec Y": the pair is the subject, Y a third party
    post_types: list[str] = field(default_factory=list)  # posts named without a country ("le chancelier")
    possessive: bool = False  # "leur conversation": its owners are the sentence's people
    weak: bool = False  # "lors d'un entretien avec …" with no medium: joins a call, never makes one
    frame: bool = False  # "a déclaré X à Y lors d'un appel": the clause around the noun is said in the call
    incise: Token | None = None  # "« J'ai appelé Y », a écrit X": the reporting verb of a first-person quote
    date: DateValue | None = None
    initiator: Party | None = None
    topics: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ triggers


def _call_context(doc: Doc) -> bool:
    """Whether the article is about calls at all (a phone word or a call noun somewhere)."""
    text = " ".join(_medium_told(s) for s in doc.sents)  # not a medium left open ("sans préciser si …")
    vocab = _vocab()
    return has_phrase(text, vocab["phone_markers"]) or has_phrase(text, vocab["strong_nouns"]) or has_phrase(
        text, ("appel", "appels", "l'appel", "joindre", "a appele", "ont appele", "avait appele", "avaient appele",
               "ete appele", "ete appelee", "ete appeles"))


def _triggers(sent: Span, context: bool, carried: bool = False) -> list[tuple[list[Token], bool, bool, bool]]:
    """The call triggers of a sentence: (tokens, referring, demonstrative, weak); ``carried``: the
    sentence before put its subject on the phone (:func:`_on_the_phone`)."""
    phone = carried or tells_medium(sent, _medium_told(sent))
    found, used = [], set()
    for t in sent:
        participle = _participle(t)
        if participle:  # "a téléphoné" tagged as a noun: a verb all the same
            hit = _verb_trigger(t, phone, context, participle)
        elif t.pos_ in ("NOUN", "PROPN") or _strong_phrase_at(t):
            hit = _noun_trigger(t, phone, context)
        else:
            hit = _verb_trigger(t, phone, context)
        if hit and t.i not in used:
            used.add(t.i)
            found.append(([t], *hit))
    verbs = {tokens[0].i for tokens, *_ in found if tokens[0].pos_ not in ("NOUN", "PROPN")}
    nouns = {tokens[0].i for tokens, *_ in found if tokens[0].pos_ in ("NOUN", "PROPN")}
    return [f for f in found if not _medium_of(f[0][0], verbs | nouns) and not _light_verb_of(f[0][0], nouns)
            and not _described_by_source(f[0][0], verbs) and not _source_incise_verb(f[0][0], verbs)]


def _source_incise_verb(verb: Token, verbs: set[int]) -> bool:
    """", a annoncé le ministère", ", a-t-on appris de source officielle" after the sentence's call verb
    (:func:`_reporting_incise`) is the source of that call, not another one, whatever complement ("au
    téléphone avec Y") the parser hangs on it."""
    return verb.pos_ in ("VERB", "AUX") and any(i < verb.i for i in verbs) and _reporting_incise(verb)


def tells_medium(sent: Span, text: str | None = None) -> bool:
    """Whether a sentence says a talk was remote: a medium word in its folded ``text`` (by default the
    whole sentence's, misspelt media read right: :func:`_spelled`), or a phone gesture
    (:func:`_phone_gesture`)."""
    text = _spelled(folded(sent)) if text is None else text
    return has_phrase(text, _vocab()["phone_markers"]) or _phone_gesture(sent)


def _phone_gesture(sent: Span) -> bool:
    """Whether the sentence picks up or hangs up a phone (:func:`_phone_gestures`)."""
    return bool(_phone_gestures(sent))


def _phone_gestures(sent: Span) -> list[Token]:
    """"Lorsqu'il a décroché, dimanche soir, X savait que l'appel de Y …": the verbs picking up or hanging
    up (``phone_gestures``) with nothing picked up but a phone, which say the sentence is about a phone call;
    not "a décroché un contrat" nor "s'est raccroché à cet espoir"."""
    out = []
    for t in sent:
        if t.pos_ != "VERB" or fold(t.lemma_) not in _words("phone_gestures"):
            continue
        objects = [c for c in t.children if c.dep_ in ("obj", "obl:arg")]
        reflexive = any(c.dep_.startswith("expl") or fold(c.text) in ("se", "s'") for c in t.children)
        if not reflexive and all(fold(c.lemma_) in _words("phone_nouns") for c in objects):
            out.append(t)
    return out


#: "…, sans préciser si l'entretien était téléphonique": what follows leaves the medium open.
UNSAID = re.compile(r"\bsans (?:preciser|dire|indiquer|confirmer|savoir) (?:si|s'il|s'ils|s'elle|s'elles|comment)\b")


#: Fewest letters of a one-word medium ("téléphonique") whose misspellings are read as it.
MISSPELT_MEDIUM_LENGTH = 8


@lru_cache(maxsize=1)
def _misspelt_media() -> dict[str, str]:
    """Each long one-word medium and each of its one-letter deletions -> the medium.  A word one letter
    added, dropped, changed or swapped away from a medium shares one of these keys with it, as the word
    itself or as one of its own deletions ("telephonne", "telphone", "telehpone" -> "telephone")."""
    out: dict[str, str] = {}
    for word in sorted(w for w in _vocab()["phone_markers"] if " " not in w and len(w) >= MISSPELT_MEDIUM_LENGTH):
        for variant in (word, *_deletions(word)):
            out.setdefault(variant, word)
    return out


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def _spelled(text: str) -> str:
    """Folded ``text`` with its misspelt media written right ("s'est entretenue par telephonne avec"): a
    typo in the one word that says a talk was remote must not hide the call."""
    return re.sub(rf"\b[^\W\d_]{{{MISSPELT_MEDIUM_LENGTH - 1},}}\b", lambda m: _right_spelling(m.group(0)), text)


@lru_cache(maxsize=65536)
def _right_spelling(word: str) -> str:
    """The medium a folded word misspells (one letter away, "f" written for "ph" aside), or the word; real
    words one letter away from a medium (``phone_marker_lookalikes``: "téléphonie") stay as they are."""
    media = _misspelt_media()
    if word in _words("phone_marker_lookalikes"):
        return word
    for spelling in dict.fromkeys((word, word.replace("f", "ph"))):  # "telefonique": "f" for "ph" as well
        if spelling in media:
            return media[spelling]
        if found := next((media[v] for v in sorted(_deletions(spelling)) if v in media), None):
            return found
    return word


def _medium_told(sent: Span) -> str:
    """The sentence's folded words up to a clause that leaves the medium open ("sans préciser si …");
    not one that only leaves open which remote medium it was ("s'il s'agissait d'un appel ou d'une
    visioconférence": remote all the same).  Misspelt media are read right (:func:`_spelled`)."""
    text = _spelled(folded(sent))
    unsaid = UNSAID.search(text)
    if unsaid is None:
        return text
    tail = text[unsaid.start():]
    media = [*_vocab()["phone_markers"], *_vocab()["strong_nouns"], "appel"]
    either = " ou " in tail and sum(has_phrase(part, media) for part in tail.split(" ou ")) >= 2
    return text if either else text[:unsaid.start()]


def _described_by_source(noun: Token, verbs: set[int]) -> bool:
    """"X et Y se sont entretenus …, a fait savoir l'Élysée, qui évoque une conversation consacrée au
    commerce": a call noun in a relative clause hung on something other than a person, after the
    sentence's call verb, is how the source describes that call, not another one."""
    if noun.pos_ not in ("NOUN", "PROPN") or not any(i < noun.i for i in verbs):
        return False
    head = _clause_head(noun)
    antecedent = head.head
    return head.dep_ == "acl:relcl" and head.i > min(verbs) and not people_within(
        noun.doc, antecedent.i, antecedent.i + 1)


def _announces_by_phone(sent: Span) -> bool:
    """"Le président a enchaîné les coups de fil jeudi : X a parlé à Y puis à Z": a sentence that ends on a
    colon after a remote medium lends it to the sentence it announces."""
    return sent.text.rstrip().endswith(":") and tells_medium(sent, _medium_told(sent))


def _on_the_phone(sent: Span, found: list) -> bool:
    """"Le chancelier a consacré sa matinée de mercredi au téléphone. Il a d'abord échangé avec A, puis
    avec B": a sentence whose only trigger is its subject on the phone with nobody on the other end
    lends its medium to the next sentence, when that one continues the subject with a pronoun."""
    if len(found) != 1 or found[0].trigger[0].pos_ not in ("VERB", "AUX"):
        return False
    verb = found[0].trigger[0]
    named = {p.key for p in people_within(sent.doc, sent.start, sent.end)}
    return len(named) <= 1 and not _has_avec(verb) and any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _light_verb_of(t: Token, nouns: set[int]) -> bool:
    """"avoir eu « un échange fructueux » au téléphone avec Y": a light verb made a trigger by the
    phone phrase its object carries is no second call when that object is itself a call noun; the
    noun is the call and the verb lends it its subject.  The object may be parsed as a bare oblique, with
    no preposition ("ont tenu mardi une visioconférence avec Y", the date before it)."""
    return t.pos_ in ("VERB", "AUX") and fold(t.lemma_) in _words("light_verbs") and any(
        c.i in nouns for c in t.children if c.dep_ == "obj" or (
            c.dep_.startswith("obl") and not any(x.dep_ == "case" for x in c.children)))


def _medium_of(t: Token, triggers: set[int]) -> bool:
    """"s'est entretenue en visioconférence avec X", "a parlé par visioconférence à Y", "un entretien
    en visioconférence avec X": the noun is the medium of the call verb or call noun it complements,
    one call with it; its complements are that trigger's."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    if t.i >= 2 and fold(t.doc[t.i - 1].text) in _words("medium_cases") and t.i - 2 in triggers:
        return True  # right after the trigger, whatever the parser attached it to
    if not any(fold(c.text) in _words("medium_cases") for c in t.children if c.dep_ == "case"):
        return False
    for a in t.ancestors:  # "s'est parlé le lendemain, cette fois par visioconférence": through nouns
        if a.i in triggers:
            return t.dep_.startswith(("obl", "nmod"))
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _noun_trigger(t: Token, phone: bool, context: bool) -> tuple[bool, bool, bool] | None:
    lemma = fold(t.lemma_)
    strong = _strong_phrase_at(t) or _on_the_line(t) or _phone_incise(t) is not None
    if lemma not in _vocab()["weak_nouns"] and not (lemma == "ligne" and phone) and not strong:
        return None
    phone = phone or strong
    if _noun_compound(t):
        return None  # "la réunion du groupe de contact", "la ligne de contact": a name, no talk
    if _denied(t):
        return None  # "Le coup de fil entre A et B dont la presse a fait état la semaine passée n'a jamais eu lieu"
    det = next((fold(c.text) for c in t.children if c.dep_ == "det"), None)
    if det in ("leur", "leurs") and _strong_possessive(t, phone):
        return False, False, False  # "leur conversation téléphonique de septembre": a call of its own
    if det in _words("definites") and phone and _dated_in_phrase(t):
        return False, False, False  # "la visioconférence que les deux ministres avaient tenue le 9 septembre"
    demonstrative = det in _words("demonstratives")
    referring = demonstrative or det in _words("definites")
    strong = phone or (context and lemma == "appel")
    weak = context and not (strong or referring) and (_framed(t) or _has_avec(t))
    if _not_an_event(t) or _press_interview(t) or not (strong or referring or weak):
        return None
    return referring or not strong, demonstrative, weak


def _noun_compound(t: Token) -> bool:
    """A call noun with a bare "de" and no article, complement of another noun ("groupe de contact",
    "ligne de contact", "numéro d'appel") names a thing, not a talk; a noun that counts or times talks
    ("deux heures d'entretien", "une série d'appels") keeps it one."""
    head = t.head
    return t.dep_.startswith("nmod") and head.pos_ == "NOUN" and head.i < t.i \
        and fold(head.lemma_) not in _words("count_nouns") \
        and any(c.dep_ == "case" and fold(c.text) in ("de", "d'") for c in t.children) \
        and not any(c.dep_ in ("det", "nummod") for c in t.children)


def _on_the_line(t: Token) -> bool:
    """"X était en ligne mercredi soir avec Y": "en ligne" with "avec" right after, past a date."""
    doc = t.doc
    if fold(t.text) != "ligne" or t.i == t.sent.start or fold(doc[t.i - 1].text) != "en":
        return False
    return _avec_past_a_date(t) is not None


def _avec_past_a_date(t: Token) -> Token | None:
    """The "avec" right after ``t``, past a date ("en ligne mercredi soir avec", "au téléphone avec")."""
    dated = dated_tokens(t.doc, t.i + 1, min(t.sent.end, t.i + 5))
    after = next((x for x in t.doc[t.i + 1: t.sent.end] if x.i not in dated), None)
    return after if after is not None and fold(after.text) == "avec" else None


def _phone_incise(t: Token) -> PersonMention | None:
    """"X, au téléphone avec Y jeudi, a salué …": a medium opening an incise set off right after a
    name, with "avec" and a name after it (past a date), puts that name's person on the phone with Y;
    the person, or None."""
    doc = t.doc
    if fold(t.lemma_) not in _vocab()["phone_nouns"] or t.i - 2 <= t.sent.start:
        return None
    if fold(doc[t.i - 1].text) not in ("au", "par", "en") or doc[t.i - 2].text != ",":
        return None
    after = _avec_past_a_date(t)
    if after is None or not people_within(doc, after.i + 1, min(t.sent.end, after.i + 8)):
        return None
    return next((p for p in people_within(doc, t.sent.start, t.i - 2) if p.span.end == t.i - 2), None)


def _incise_date(t: Token) -> DateValue | None:
    """The one date told inside the incise a medium opens, up to its closing comma ("…, au téléphone
    avec Y jeudi, a …"), which the parser hangs on the name before it."""
    end = next((x.i for x in t.doc[t.i + 1: t.sent.end] if x.text in (",", ";", ":")), t.sent.end)
    days = [s._.date for s in dates_within(t.doc, t.i + 1, end) if s._.date is not None]
    return days[0] if len(days) == 1 else None


PRESS_REACH = 8  # words after the noun where "accordé à l'AFP", "avec notre correspondant" stand


def _press_interview(t: Token) -> bool:
    """"Dans un entretien téléphonique accordé à l'AFP, X a critiqué Y", "un entretien avec notre
    journaliste": a call noun given to the press (a ``press_interview_cues`` phrase, or "avec"/"à"
    and a media outlet of ``titles.json``, in the words after it up to a comma) is an interview,
    not a call between the officials of the sentence."""
    words = []
    for x in t.doc[t.i + 1: min(t.sent.end, t.i + 1 + PRESS_REACH)]:
        if x.text in (",", ";", ".", ":"):
            break
        words.append(fold(x.text))
    after = " ".join(words)
    if has_phrase(after, _vocab()["press_interview_cues"]):
        return True
    outlets = tuple(f"{case} {name}" for case in ("avec", "a", "au") for name in title_cues("media_outlets"))
    return has_phrase(after, outlets)


STRONG_WORDS = 4  # the longest strong call noun phrase, in tokens ("entretien en visioconférence")


def _strong_phrase_at(t: Token) -> bool:
    """A strong call noun phrase of the lexicon opens at ``t``, whatever the tagger made of its
    head ("coup de fil", "coup de téléphone": "coup" is no call noun by itself)."""
    phrases = _strong_openers().get(fold(t.text))
    if not phrases:
        return False
    words = fold(" ".join(x.text for x in t.doc[t.i: min(t.sent.end, t.i + STRONG_WORDS)]))
    return any(words == p or words.startswith(p + " ") for p in phrases)


@lru_cache(maxsize=1)
def _strong_openers() -> dict[str, tuple[str, ...]]:
    """The strong call noun phrases by their first word (most tokens open none)."""
    by_first: dict[str, list[str]] = {}
    for phrase in _vocab()["strong_nouns"]:
        by_first.setdefault(phrase.split()[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in by_first.items()}


def _strong_possessive(t: Token, phone: bool) -> bool:
    """"leur conversation téléphonique du 12 février" with its own date names a call by itself."""
    dated = any(fold(c.text) in ("de", "du", "d'") for x in t.children for c in x.children) or any(
        s.root.head == t for s in dates_within(t.doc, t.sent.start, t.sent.end))
    return phone and dated


def _dated_in_phrase(t: Token) -> bool:
    """A date inside the noun's own phrase, after it (its relative clause or complement): the noun
    names a call of its own, not the one just told."""
    return any(t.i < s.start and s.end - 1 <= t.right_edge.i and t in s.root.ancestors
               for s in dates_within(t.doc, t.i + 1, t.right_edge.i + 1)) or bool(_relative_window(t))


RELATIVE_REACH = 12  # words of a relative clause after a call noun


def _relative_window(t: Token) -> Span | None:
    """"la visioconférence que les deux ministres avaient tenue le 9 septembre": the relative clause
    after the noun, up to the next comma, when it holds a date (by surface: the parser often hangs
    the clause elsewhere)."""
    doc = t.doc
    at = t.i + 1
    while at < t.sent.end and doc[at].head == t and doc[at].dep_ == "amod":
        at += 1  # "l'entretien téléphonique qu'il a eu lundi"
    if at >= t.sent.end or fold(doc[at].text) not in ("que", "qu'"):
        return None
    end = next((x.i for x in doc[at: min(t.sent.end, at + RELATIVE_REACH)] if x.text in (",", ";", ".")),
               min(t.sent.end, at + RELATIVE_REACH))
    return doc[at: end] if dates_within(doc, at, end) else None


def _attach_relative_clauses(doc: Doc, mentions: list[Mention]) -> None:
    """The date and the pair ("les deux ministres") of a call noun's relative clause are the call's.
    A light verb there ("l'entretien qu'il a eu lundi avec Y") makes the clause the call's own telling:
    its date beats that of the verb the noun hangs from ("est revenu jeudi sur l'entretien …")."""
    for m in mentions:
        window = _relative_window(m.trigger[0]) if m.trigger[0].pos_ in ("NOUN", "PROPN") else None
        if window is None:
            continue
        dates = [s._.date for s in dates_within(doc, window.start, window.end) if s._.date]
        held = any(fold(x.lemma_) in _words("light_verbs") for x in window)
        m.date = (dates[0] if dates and held else None) or m.date or (dates[0] if dates else None)
        nouns = set(_vocab()["pair_nouns"])
        pair = next((pair_phrase(x) for x in window[1:]
                     if fold(doc[x.i - 1].text) == "deux" and fold(x.text) in nouns), None)
        m.pair = m.pair or pair


def _participle(t: Token) -> str | None:
    """The infinitive of a call verb's past participle that the parser did not tag as a verb, when
    an auxiliary stands just before it ("a téléphoné", "s'est entretenu", "a longuement parlé")."""
    if t.pos_ in ("VERB", "AUX"):
        return None
    lemma = _participles().get(fold(t.text))
    if lemma is None:
        return None
    before = next((x for x in reversed(t.doc[t.sent.start: _before_adverbials(t)])
                   if x.pos_ != "ADV" and fold(x.text) != "pas"), None)
    if before is not None and before.pos_ == "DET" and before.i == t.i - 1:
        return None  # "à l'origine de cet échange": a noun, which folds like the participle "échangé"
    if before is None and _opens_sentence(t):  # "Joint par téléphone mardi par X, Y a …" tagged a name
        return lemma
    if before is not None and fold(before.lemma_) in ("avoir", "etre") or _auxiliary_before(t) is not None \
            or any(c.dep_.startswith("aux") and fold(c.lemma_) in ("avoir", "etre") for c in t.children if c.i < t.i):
        return lemma  # also past an incise: "a, de son côté, téléphoné", "a, d'après un communiqué, téléphoné"
    return _present_phoning(t)


#: Words that may stand between a verb and its complement: "téléphone | mardi soir | à X".
PHONING_REACH = 6


def _present_phoning(t: Token) -> str | None:
    """"La ministre X téléphone à son homologue", "X téléphone samedi au président Y": "téléphone" in
    the present, tagged a noun, right after its subject (a name, a post, a role noun, a subject
    pronoun; or the comma closing a name set off) and before "à"/"au"/"aux" (past a date and adverbs):
    no article or preposition of its own ("le téléphone", "au téléphone")."""
    if fold(t.text) not in ("telephone", "telephonent") or t.i + 1 >= t.sent.end or t.i == t.sent.start:
        return None
    doc = t.doc
    end = _subject_end(t)
    last = doc[end - 1]  # the subject's last word: a name, a post, a role noun or its adjective, a pronoun
    named = last.pos_ in ("NOUN", "PROPN", "ADJ") or fold(last.text) in _words("subject_pronouns") \
        or any(p.span.end == end for p in doc._.people or [])
    reach = min(t.sent.end, t.i + 1 + PHONING_REACH)
    dated = dated_tokens(doc, t.i + 1, reach)
    after = next((x for x in doc[t.i + 1: reach] if x.i not in dated and x.pos_ != "ADV"), None)
    return "telephoner" if named and after is not None and fold(after.text) in ("a", "au", "aux") else None


def _subject_end(verb: Token) -> int:
    """Where the subject right before a verb ends: at the verb, or at the comma that closes a name set
    off before it ("Le chef de la diplomatie allemande, X, téléphone à Y")."""
    return verb.i - 1 if verb.doc[verb.i - 1].text == "," else verb.i


ADVERBIAL_WORDS = 4  # the longest ``adverbial_phrases`` entry, in tokens


def _before_adverbials(t: Token) -> int:
    """Where the words before ``t`` end once adverbial locutions the parser takes for nouns are
    skipped ("a en revanche | téléphoné", "a de son côté | appelé")."""
    end = t.i
    while end > t.sent.start:
        for n in range(ADVERBIAL_WORDS, 0, -1):
            if end - n >= t.sent.start and folded(t.doc[end - n: end]) in _words("adverbial_phrases"):
                end -= n
                break
        else:
            return end
    return end


@lru_cache(maxsize=1)
def _participles() -> dict[str, str]:
    return {fold(form): fold(lemma) for form, lemma in load_lexicon().calls["participles"].items()}


#: Call verbs told again ("se sont reparlé jeudi"): read as the verb itself.
AGAIN_VERBS = {"reparler": "parler", "rediscuter": "discuter", "retelephoner": "telephoner"}
CALLING_LEMMAS = ("appeler", "joindre", "contacter")  # verbs whose object is the one called


def _verb_trigger(t: Token, phone: bool, context: bool, lemma: str | None = None) -> tuple[bool, bool, bool] | None:
    if lemma is None and t.pos_ not in ("VERB", "AUX"):
        return None
    lemma = lemma or fold(t.lemma_)
    lemma = AGAIN_VERBS.get(lemma, lemma)
    complements = [c for c in t.children if c.dep_.startswith("obl")] + [  # "a eu Y au bout du fil", hung on Y
        g for c in t.children if _object_like(t, c) for g in c.subtree  # or on a word of Y's name or title
        if g.dep_ in ("nmod", "obl:mod", "dep") and g is not c
        and any(fold(x.text) in ("au", "par") for x in g.children if x.dep_ == "case")]
    complements += _hung_on_a_date(t)
    by_phone = any(_phone_complement(c) for c in complements) or _cleft_medium(t) or (
        lemma == "avoir" and (_phone_phrase_after(t) or _had_someone(t))) or _fronted_medium(t)
    could_be = by_phone or lemma in _words("verbs") or lemma in _vocab()["self_sufficient_verbs"]
    if not could_be or _not_an_event(t) or future_form(t):
        return None  # the cheap test first: most verbs are not about calling
    if by_phone and _reached_by_the_press(t):
        return None
    reflexive = _reflexive(t)
    if negated(t):
        return (False, False, False) if _last_spoke(t, context) else None
    if lemma == "entretenir":
        ok = reflexive and (phone or context)
    elif lemma in _vocab()["self_sufficient_verbs"] or by_phone:
        ok = True
    elif lemma == "parler":
        told = (context or _first_person_answer(t)) and (reflexive or _has_avec(t)) or _spells_out_calls(t)
        ok = phone or told or _dated_talk_with_official(t)
    elif lemma in CALLING_LEMMAS:
        agent = _passive_agent(t)
        each_other = lemma == "appeler" and reflexive and _called_each_other(t)  # "s'est joint aux entretiens": no
        ok = (phone or context or agent or each_other or _official_object(t)) \
            and (agent or each_other or _has_object(t)) and not _calls_on(t)
    elif lemma == "rappeler":  # "X a rappelé mardi Y, qui avait tenté de le joindre": a call back
        ok = (phone or context) and _called_back(t) and not _calls_on(t)
    else:  # "a échangé le 14 octobre avec Y" in an article that tells calls, as "parler" above
        ok = lemma in ("discuter", "echanger", "converser") and (phone or context and _has_avec(t))
    return (False, False, False) if ok else None


def _reflexive(verb: Token) -> bool:
    """The verb has a reflexive clitic ("s'est entretenu", "se sont parlé"), on itself or on its
    auxiliary, where the parser hangs it when an incise parts them ("s'est, selon l'Elysée, entretenu")."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if verb.head.pos_ == "AUX" and fold(verb.head.lemma_) == "etre" and verb.head.i < verb.i:
        auxiliaries.append(verb.head)  # or the parser made "est" the head of the participle
    return any(fold(c.text) in _words("reflexive_clitics") and c.dep_ not in SUBJECT_DEPS
               for x in (verb, *auxiliaries) for c in x.children) or _reflexive_by_surface(verb)


REFLEXIVE_REACH = 8  # words between "s'est" and its participle ("s'est de son côté entretenu")


def _reflexive_by_surface(verb: Token) -> bool:
    """"s'est de son côté entretenu", "se sont pour leur part parlé": a reflexive clitic right before a
    form of "être" a few words before the participle, with no other verb between, whatever the parser
    hung the participle on (a noun of the phrase between)."""
    doc = verb.doc
    for x in reversed(doc[max(verb.sent.start + 1, verb.i - REFLEXIVE_REACH):verb.i]):
        if fold(x.lemma_) == "etre":
            return fold(doc[x.i - 1].text) in _words("reflexive_clitics")
        if x.pos_ in ("VERB", "AUX") or x.text in (";", ":"):
            return False
    return False


def _spells_out_calls(verb: Token) -> bool:
    """"X a enchaîné les appels avec ses partenaires : il a d'abord parlé à A, puis à B": a talking verb
    after a colon that follows a call noun of its sentence spells out those calls, whatever it says of
    the medium."""
    doc = verb.doc
    colon = next((x.i for x in reversed(doc[verb.sent.start:verb.i]) if x.text == ":"), None)
    return colon is not None and any(x.pos_ in ("NOUN", "PROPN") and _is_call_word(x)
                                     for x in doc[verb.sent.start:colon])


def _spelled_out_date(doc: Doc, m: Mention, here: list[Mention]) -> DateValue | None:
    """The day of the calls a colon spells out (:func:`_spells_out_calls`): the call noun's before it."""
    verb = m.trigger[0]
    if verb.pos_ not in ("VERB", "AUX") or not _spells_out_calls(verb):
        return None
    return next((o.date for o in reversed(here) if o.trigger[0].i < verb.i and o.trigger[0].pos_ in ("NOUN", "PROPN")
                 and o.date is not None), None)


CALLBACK_REACH = 4  # words between "rappeler" and the name it calls back (a date, an adverb)
CALLBACK_PHRASE = 8  # words of the object phrase before its name ("le président indonésien X")


def _called_back(verb: Token) -> bool:
    """"rappeler" as a call back: a named person right after it (past a date or an adverb) or an object
    pronoun before it ("qui l'a rappelé mardi"), and no "que", "à" or "de" after the object: not "a
    rappelé que …", "a rappelé X à l'ordre", nor "a rappelé son ambassadeur" (a post, no name)."""
    doc = verb.doc
    dated = dated_tokens(doc, verb.i + 1, min(verb.sent.end, verb.i + 1 + CALLBACK_REACH))
    after = next((x for x in doc[verb.i + 1: verb.sent.end] if x.i not in dated and x.pos_ != "ADV"), None)
    end = next((x.i for x in doc[after.i: verb.sent.end] if x.text in (",", ";", ":") or fold(x.text) in (
        "que", "qu'")), verb.sent.end) if after is not None else verb.i  # the object phrase ("le président X")
    named = next(iter(people_within(doc, after.i, min(end, after.i + CALLBACK_PHRASE))), None) \
        if after is not None and fold(after.text) not in ("que", "qu'") else None
    if named is not None:
        follow = doc[named.span.end] if named.span.end < verb.sent.end else None
        return follow is None or fold(follow.text) not in ("que", "qu'", "a", "au", "aux", "de", "d'", "du")
    clitic = verb.i > verb.sent.start + 1 and fold(doc[verb.i - 2].text) in ("l'", "le", "la") \
        and doc[verb.i - 1].pos_ == "AUX"  # "qui l'a rappelé mardi"
    return clitic and (after is None or fold(after.text) not in ("que", "qu'", "a", "au", "de", "d'"))


def _called_each_other(verb: Token) -> bool:
    """"A et son homologue B se sont appelés lundi", "Les deux hommes se sont appelés": a reflexive
    "s'appeler" with a plural subject (two people joined, a pair noun, a plural pronoun, or a plural
    participle) is a call between them; not "s'appelle X", where a name after the verb is what
    someone is called."""
    doc = verb.doc
    dated = dated_tokens(doc, verb.i + 1, min(verb.sent.end, verb.i + 4))
    if any(c.dep_ in ("obj", "xcomp", "attr") and c.pos_ == "PROPN" and c.i not in dated for c in verb.children):
        return False
    joined = any(c.dep_ in SUBJECT_DEPS and any(g.dep_ == "conj" for g in c.subtree) for c in verb.children)
    return joined or _reciprocal_plural(verb) or "Plur" in verb.morph.get("Number")


def _hung_on_a_date(verb: Token) -> list[Token]:
    """"a eu vendredi au téléphone Y", "a parlé mardi soir par visioconférence avec Y": a medium phrase
    right after a date that complements the verb, which the parser hangs on the date's noun; it is the
    verb's complement all the same (only a phrase opened by a ``medium_cases`` word)."""
    return [g for c in verb.children if _date_adjunct(c) for g in c.children if g.dep_ == "nmod" and g.i > c.i
            and any(x.dep_ == "case" and fold(x.text) in _words("medium_cases") for x in g.children)]


def _date_adjunct(t: Token) -> bool:
    """A date complementing the word it hangs on ("a eu vendredi …"), which the parser often makes the
    head of what follows it (:func:`_hung_on_a_date`, :func:`_verb_past_date`)."""
    return t.dep_ == "obl:mod" and bool(dated_tokens(t.doc, t.i, t.i + 1))


def _object_like(verb: Token, child: Token) -> bool:
    """The verb's object, or a noun after it parsed as its subject ("J'ai eu ce matin le président X au
    téléphone": the parser makes "le président" a second subject when a date comes between)."""
    after = child.i > verb.i  # "j'ai eu Wang | Yi au téléphone": a name's last word hung on the verb
    return child.dep_ == "obj" or after and (
        child.dep_ in SUBJECT_DEPS and child.pos_ in ("NOUN", "PROPN") or child.dep_ == "flat:name")


def _first_person_answer(verb: Token) -> bool:
    """"J'ai parlé hier avec mon homologue" in an interview's answer: the interviewee telling a talk of
    their own is the article's call context, as a phone word elsewhere would be."""
    pronoun = _subject_pronoun(verb, "first_person_pronouns")
    return pronoun is not None and _interview_answer(pronoun) is not None


#: The endings of every French future and conditional form: "appellera", "parleraient".
FUTURE_ENDING = re.compile(r"r(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$")


def future_form(t: Token) -> bool:
    """A call verb in the future or the conditional ("s'entretiendrait", "appellera"): by the parser's
    morphology, or by the verb's future stem (``future_stems``), as the parser often tags
    "s'entretiendrait" an imperfect."""
    if ("Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood")) and FUTURE_ENDING.search(fold(t.text)):
        return True  # the tagger's future only where the word has a future's ending: not "(ne) discute"
    if "Inf" in t.morph.get("VerbForm") and t.dep_ == "xcomp" and fold(t.head.lemma_) == "aller":
        return True  # "va appeler", "vont se parler": the near future
    word = fold(t.text)
    if "Inf" in t.morph.get("VerbForm") or word == fold(t.lemma_):
        return False  # "joindre" is no future of "joindr-"
    return any(word.startswith(stem) and len(word) > len(stem) for stem in _vocab()["future_stems"])


def _reached_by_the_press(t: Token) -> bool:
    """"Interrogé au téléphone, X a répondu …", "Joint par téléphone, X a critiqué Y": a bare
    participle opening the sentence, set off by a comma, tells how a journalist reached X, not a
    call between X and anyone named; a named agent ("Joint par téléphone par le ministre Y, X …")
    is a caller all the same."""
    if t.i - t.sent.start > 1 or "Part" not in t.morph.get("VerbForm") or any(
            c.dep_.startswith("aux") for c in t.children):
        return False
    comma = next((x for x in t.doc[t.i + 1: min(t.sent.end, t.i + 8)] if x.text == ","), None)
    return comma is not None and not people_within(t.doc, t.i + 1, comma.i)


def _cleft_medium(verb: Token) -> bool:
    """"C'est au téléphone qu'il a fait le point avec Y", "c'est par visioconférence que les deux
    ministres ont échangé": the medium is the focus of a cleft whose clause the verb heads."""
    focus = _cleft_focus(verb)
    return focus is not None and fold(focus.lemma_) in _vocab()["phone_nouns"]


PHONE_PHRASE_REACH = 12  # "a eu son homologue iranien X au bout du fil": words between the verb and the medium


def _phone_phrase_after(verb: Token) -> bool:
    """"X a eu son homologue Y au bout du fil", "avait déjà eu M. Y en ligne": a medium phrase after the
    object of "avoir", by surface when the parser hung it elsewhere (a name it made a second root): no
    other verb between, and a person named between ("avoir quelqu'un en ligne" is to have them on the
    line)."""
    doc = verb.doc
    end = min(verb.sent.end, verb.i + PHONE_PHRASE_REACH)
    for x in doc[verb.i + 1: end]:
        if x.pos_ in ("VERB", "AUX") or x.text in (",", ";", ":"):
            return False
        if fold(x.text) in ("au", "par", "en") and people_within(doc, verb.i + 1, x.i):
            if fold(x.text) == "en":
                return x.i + 1 < end and fold(doc[x.i + 1].text) == "ligne"
            return _phone_complement(x.head) if x.dep_ == "case" else False
    return False


DASHES = ("–", "-", "—")


def _fronted_medium(verb: Token) -> bool:
    """"Au téléphone, un peu plus tôt dans la journée, il avait assuré Y …": a medium phrase opening
    the sentence (past a dateline's dash) and set off by a comma is the medium of the first verb after
    it that has its own subject, whatever the parser hung the phrase on."""
    doc, sent = verb.doc, verb.sent
    k = next((x.i for x in sent[:6] if fold(x.text) in ("au", "par", "en")
              and (x.i == sent.start or doc[x.i - 1].text in DASHES)), None)
    if k is None or k + 3 >= sent.end or verb.i <= k + 2 or doc[k + 2].text != "," \
            or fold(doc[k + 1].lemma_) not in _vocab()["phone_nouns"]:
        return False
    first = next((x for x in doc[k + 3:sent.end] if x.pos_ == "VERB"
                  and any(c.dep_ in SUBJECT_DEPS for c in x.children)), None)
    return first is not None and first.i == verb.i


HAD_REACH = 6  # words of a date and adverbs between "avoir" and the person it has on the line


def _had_someone(verb: Token) -> bool:
    """"J'ai eu hier soir mon homologue allemand X", "Y a eu mardi son homologue Z": "avoir" with a
    person (named, maybe after a title, or a counterpart) for object is to have them on the line, when
    a date or adverb comes between or the speaker says it of themselves; a light verb's noun object
    ("a eu un entretien") is another rule's."""
    doc, end = verb.doc, min(verb.sent.end, verb.i + 1 + HAD_REACH)
    if verb.pos_ != "VERB" or fold(verb.lemma_) != "avoir":
        return False
    dated = dated_tokens(doc, verb.i + 1, end)
    i = verb.i + 1
    while i < end and (i in dated or doc[i].pos_ == "ADV"):
        i += 1
    first_person = any(c.dep_ in SUBJECT_DEPS and fold(c.text) in ("j'", "je", "nous") for c in verb.children)
    if i == verb.i + 1 and not first_person or i >= end or doc[i].pos_ not in ("DET", "NOUN", "PROPN"):
        return False  # "l'a eue lundi avec Y": the clitic stands for a call noun, "avec" is not an object
    if any(c.dep_ == "obj" and c.pos_ == "PRON" for c in verb.children):
        return False
    j = i + 1 if doc[i].pos_ == "DET" else i
    if j < verb.sent.end and fold(doc[j].lemma_) == "homologue":
        return True
    stop = next((x.i for x in doc[i:min(verb.sent.end, i + HAD_REACH)] if x.pos_ in ("VERB", "AUX", "PUNCT", "ADP")
                 or _is_call_word(x)), min(verb.sent.end, i + HAD_REACH))  # "le président paraguayen X": a title
    # before the name; not "a eu hier un entretien avec X", a light verb's call noun
    return bool(people_within(doc, i, stop))


def _phone_complement(c: Token) -> bool:
    """"au téléphone", "par visioconférence", or a complement that is a phone phrase of the lexicon
    as a whole ("au bout du fil"; not "dans un discours vidéo")."""
    if fold(c.lemma_) in _vocab()["phone_nouns"]:
        return True
    text = " ".join(fold(x.text) for x in c.subtree)
    return any(" " in p and (text == p or text.startswith(p + " ")) for p in _vocab()["phone_markers"])


def _calls_on(t: Token) -> bool:
    """"appeler X à faire Y", "appelé à la retenue": a call *on* someone, not a phone call (a purpose
    clause, "pour éviter …", is not).  By tree, or by surface when the parser hangs the infinitive
    elsewhere ("a appelé les pays de la région à « ne pas détourner le regard »")."""
    if _urged_by_surface(t):
        return True
    dated = {s.root.i for s in dates_within(t.doc, t.sent.start, t.sent.end)}
    has_object = any(c.dep_ == "obj" for c in t.children)
    named = {i for p in people_within(t.doc, t.sent.start, t.sent.end) for i in range(p.span.start, p.span.end)}
    for c in t.children:
        if c.i in named:
            continue  # "… avec le Premier ministre indien Narendra Modi": a name the tagger read as a verb
        marks = {fold(x.text) for x in c.children if x.dep_ in ("mark", "case")}
        if c.dep_ == "xcomp" and c.pos_ == "NOUN" and not marks and not has_object:
            continue  # "a appelé lui-même le président X": the object the parser took for a predicate
        if c.pos_ == "NOUN" and not marks & {"a", "au", "aux"}:
            continue  # "appelle X, une première depuis leur rencontre": one is called on *to* something
        relative = any(x.dep_ in SUBJECT_DEPS and fold(x.text) == "qui" for x in c.children) or (  # a relative
            fold(t.doc[c.left_edge.i].text) in _words("relative_pronouns"))  # clause ("X, dont les propos avaient …")
        # a clause of its own after a semicolon ("il avait appelé X ; en mars, les deux hommes …")
        relative = relative or c.i > t.i and any(x.text == ";" for x in t.doc[t.i:c.i])
        if c.dep_ in ("xcomp", "ccomp") and not marks & {"pour", "afin"} and c.i not in dated and not relative \
                and c.pos_ != "PROPN" and not _reporting_incise(c):  # "appelé jeudi"; a name is no act
            return True
        if c.pos_ == "VERB" and c.dep_.startswith(("advcl", "obl")) and marks & {"a", "de", "d'"}:
            return True
    return False


def _reporting_incise(verb: Token) -> bool:
    """", a annoncé la Maison Blanche", ", a-t-on appris" after the call: a reporting verb ("apprendre"
    with an inverted "on" too) set off by a comma, in the tree or by surface past its auxiliary and
    clitics, which the parser may hang on "appeler" as its complement, is the report, not what one was
    called on to do."""
    doc, start, i = verb.doc, verb.left_edge.i, verb.i - 1
    while i > verb.sent.start and doc[i].pos_ in ("AUX", "PRON"):  # "a", "a-t-on", "s'est"
        i -= 1
    learnt = fold(verb.lemma_) == "apprendre" and "-t-" in doc[i: verb.i].text
    set_off = doc[start].text == "," or start > 0 and doc[start - 1].text == "," or doc[i].text == ","
    return (reporting_phrase(verb) or learnt) and set_off


URGE_REACH = 12  # words after "appeler" where "à" + infinitive may stand


def _urged_by_surface(t: Token) -> bool:
    """"à" then an infinitive or an urging noun ("à la retenue") after the verb, in the same clause;
    not in a purpose clause after it ("a appelé Y pour l'exhorter à la retenue" is a call)."""
    doc = t.doc
    for x in doc[t.i + 1: min(t.sent.end, t.i + URGE_REACH)]:
        if x.text in (",", ";", ":", ".") or _is_call_word(x) or fold(x.text) in ("pour", "afin"):
            return False
        if fold(x.text) in ("a", "au", "aux"):
            nxt = [y for y in doc[x.i + 1: min(t.sent.end, x.i + 5)] if y.text not in ("«", '"') and fold(y.text) not in
                   ("ne", "n'", "pas", "la", "le", "l'", "les", "un", "une")]
            if nxt and ("Inf" in nxt[0].morph.get("VerbForm") or fold(nxt[0].lemma_) in _words("urge_nouns")):
                return True
    return False


def _has_object(t: Token) -> bool:
    """A direct object in the tree, or by surface: a person, post or "homologue" within a few words
    after the verb, past dates and adverbs ("a appelé le 14 mars le général X")."""
    if any(c.dep_ == "obj" for c in t.children):
        return True
    end = min(t.sent.end, t.i + 10)
    dated = dated_tokens(t.doc, t.i + 1, end) | _locution_tokens(t.doc, t.i + 1, end)
    people = {p.span.start for p in t.doc._.people or []}
    for x in t.doc[t.i + 1: end]:
        if x.i in dated or x.pos_ in ("ADV", "DET") or fold(x.text) in ("au", "par", "telephone", "fil") \
                or fold(x.text) in EMPHATIC_PRONOUNS:  # "a appelé lui-même le président X"
            continue
        return x.i in people or fold(x.lemma_) in _vocab()["object_nouns"]
    return False


EMPHATIC_PRONOUNS = frozenset(("lui-meme", "elle-meme", "eux-memes", "elles-memes"))


def _locution_tokens(doc: Doc, lo: int, hi: int) -> set[int]:
    """Tokens in ``[lo, hi)`` inside an adverbial locution or a same-day cue ("de son côté", "dans la
    journée", "dans la nuit"), which the parser often takes for the head of the object after them
    ("a appelé dans la nuit le Premier ministre X": "le Premier ministre" hangs on "nuit")."""
    phrases = _words("adverbial_phrases") | _words("same_day_cues")
    longest = max(len(p.split()) for p in phrases)
    out: set[int] = set()
    for i in range(lo, hi):
        for n in range(min(longest, hi - i), 0, -1):
            if folded(doc[i:i + n]) in phrases:
                out.update(range(i, i + n))
                break
    return out


AGENT_REACH = 10  # words after a passive participle where "par" + its agent may stand


DAY_PARTS = frozenset(("matin", "soir", "soiree", "nuit", "apres-midi", "midi"))  # "avant-hier soir"


def _passive_agent(t: Token) -> bool:
    """"X a été appelé mardi par le secrétaire d'Etat Y": a passive "appeler" whose agent, after
    "par" (past dates, adverbs, articles), is a person or a post: a call placed by the agent."""
    return _agent_at(t) is not None


def _agent_at(t: Token) -> int | None:
    """Where the agent of a passive calling verb (:func:`_passive_agent`) starts, past a medium
    between ("a été joint avant-hier soir au téléphone par son homologue Y"), or None."""
    doc = t.doc
    if not (_passive(t) or _opens_sentence(t)
            or any(fold(x.text) in ("ete", "etait", "sera") for x in doc[max(t.sent.start, t.i - 3): t.i])):
        return None
    end = min(t.sent.end, t.i + AGENT_REACH)
    dated = dated_tokens(doc, t.i + 1, end)
    words = [x for x in doc[t.i + 1: end] if x.i not in dated and x.pos_ != "ADV" and fold(x.text) not in DAY_PARTS]
    phones = _vocab()["phone_nouns"]
    while len(words) > 2 and fold(words[0].text) in ("au", "par", "en") and fold(words[1].lemma_) in phones:
        words = words[2:]  # the medium, not the agent ("joint par téléphone par Y")
    if not words or fold(words[0].text) != "par":
        return None
    rest = [x.i for x in words[1:] if x.pos_ != "DET" and not (x.pos_ == "ADJ" and x.text.islower())
            and not x.is_punct and fold(x.text) not in _words("counterpart_nouns")]  # "par son homologue turc, X"
    found = bool(rest) and bool(people_within(doc, rest[0], rest[0] + 1) or posts_within(doc, rest[0], rest[0] + 1))
    return rest[0] if found else None


def _opens_sentence(t: Token) -> bool:
    """The participle opens its sentence, a clause fronted before the main one ("Appelé mardi par son
    homologue turc X, le ministre Y a …", "Joint par téléphone par X, Y a …"): passive, with no
    auxiliary."""
    return t.i == t.sent.start and t.text[:1].isupper() and fold(t.text) in _participles()


def _official_object(t: Token) -> bool:
    """"affirme avoir appelé mercredi le Premier ministre X": a person, a post or a counterpart right after the verb
    (past dates and adverbs) makes "appeler" a call in an article with no other call word; "appeler
    X à …" is still an urging (:func:`_calls_on`)."""
    end = min(t.sent.end, t.i + 10)
    dated = dated_tokens(t.doc, t.i + 1, end) | _locution_tokens(t.doc, t.i + 1, end)  # "à son tour"
    for x in t.doc[t.i + 1: end]:
        if x.i in dated or x.pos_ in ("ADV", "DET"):
            continue
        return bool(people_within(t.doc, x.i, x.i + 1) or posts_within(t.doc, x.i, x.i + 1)) \
            or fold(x.text) in _words("counterpart_nouns")  # "a appelé mardi son homologue …"
    return False


TALK_DATE_REACH = 4  # "a parlé hier avec", "a parlé mardi soir avec": the date next to the verb


def _dated_talk_with_official(t: Token) -> bool:
    """"X a parlé hier avec le président turc": "parler" dated next to the verb, with an official
    right after "avec" (a person, a post or a counterpart, past determiners), or two people named as
    the subject of "se parler" ("A et B se sont parlé ce vendredi matin"), tells a call even in an
    article with no other call word; a meeting is still told apart by :func:`_not_an_event`."""
    doc = t.doc
    window = (max(t.sent.start, t.i - TALK_DATE_REACH), min(t.sent.end, t.i + 1 + TALK_DATE_REACH))
    if not dated_tokens(doc, *window):
        return False
    avec = next((x for x in doc[t.i + 1: window[1] + 1] if fold(x.text) == "avec"), None)
    if avec is None:  # "A et B se sont parlé ce vendredi matin": two people named as the subject
        reflexive = _reflexive(t)
        before = doc[t.sent.start:t.i]
        return reflexive and any(fold(x.text) == "et" for x in before) \
            and len({p.key for p in people_within(doc, before.start, before.end)}) >= 2
    official = next((x for x in doc[avec.i + 1: min(t.sent.end, avec.i + 4)] if x.pos_ != "DET"), None)
    return official is not None and bool(
        people_within(doc, official.i, official.i + 1) or posts_within(doc, official.i, official.i + 1)
        or fold(official.text) in _words("counterpart_nouns"))


def _last_spoke(t: Token, context: bool) -> bool:
    """"X et Y ne se sont plus parlé depuis mars 2023": they last spoke then (an earlier call dated
    by the "depuis" date); not "… depuis leur conversation de mars" (that noun is a trigger itself)."""
    if fold(t.lemma_) not in ("parler", "entretenir") or not context:
        return False
    if not any(fold(c.lemma_) == "plus" for c in t.children):
        return False
    dates = dates_within(t.doc, t.i + 1, t.i + 4)
    return bool(dates) and any(fold(t.doc[s.start - 1].text) == "depuis" for s in dates)


#: Words that make a "ne" a negation in the verb's clause ("ne … aucun", "n'a parlé à personne").
NEGATIVE_WORDS = frozenset({"pas", "plus", "jamais", "guere", "point", "rien", "personne", "aucun", "aucune", "nul",
                            "nulle", "ni"})
#: Conjunctions after which a bare "ne" is expletive and denies nothing ("avant que X ne l'appelle").
EXPLETIVE_NE_AFTER = ("avant que", "avant qu'", "a moins que", "a moins qu'", "de peur que", "de peur qu'",
                      "de crainte que", "de crainte qu'")
RESTRICTIVE_REACH = 14  # tokens after the verb where the "que" of "ne … que le 25" may stand


def negated(t: Token) -> bool:
    """"ne se sont plus parlé", "n'a pas appelé", "ne s'est entretenu avec aucun dirigeant"; not the
    restrictive "ne s'est entretenu avec Y que le 25" (only then, but then) nor the expletive "ne" of
    "avant que X ne s'entretienne avec Y"."""
    if any(fold(c.lemma_) in ("pas", "plus", "jamais") and c.dep_ == "advmod" for c in t.children):
        return True
    ne = next((c for c in t.children if fold(c.text) in ("ne", "n'")), None)
    if ne is None:
        return False
    doc = t.doc
    clause = doc[ne.i: min(t.sent.end, t.i + 1 + RESTRICTIVE_REACH)]
    if any(fold(x.text) in NEGATIVE_WORDS for x in clause):
        return True
    before = " ".join(fold(x.text) for x in doc[max(t.sent.start, ne.i - 6): ne.i])
    if any(before.endswith(c) or f"{c} " in before for c in EXPLETIVE_NE_AFTER):
        return False
    return not any(fold(x.text) in ("que", "qu'") for x in doc[t.i + 1: clause.end])


AVEC_REACH = 3  # tokens after a call noun where its "avec" may stand ("conversation » avec", "échange franc avec")


def _has_avec(t: Token) -> bool:
    """The noun has an "avec" complement: by the tree, or by surface right after it past a closing
    quote or an adjective ("avoir eu « une très bonne conversation » avec Y", which the parser may
    hang on the verb)."""
    if any(fold(x.text) == "avec" for c in t.children if c.dep_.startswith(("obl", "nmod")) for x in c.children):
        return True
    for x in t.doc[t.i + 1: min(t.sent.end, t.i + 1 + AVEC_REACH)]:
        if fold(x.text) == "avec":
            return True
        if not (x.pos_ == "ADJ" or x.text in _vocab()["closing_quotes"]):
            return False
    return False


def _framed(t: Token) -> bool:
    """"lors d'un appel", "au cours de leur conversation", "pendant l'entretien": said by surface."""
    before = folded(t.doc[max(t.sent.start, t.i - 4): t.i])
    return has_phrase(before, _vocab()["frame_cues"])


def _in_a_name(token: Token) -> bool:
    """The token is a word of a person's name, whatever the tagger made of it ("Narendra" as a verb)."""
    return bool(people_within(token.doc, token.i, token.i + 1))


def _frame_verb(t: Token) -> Token | None:
    """The verb a framed call noun hangs from, directly or through "lors"."""
    head = t.head if fold(t.head.text) != "lors" else t.head.head
    phrase = t  # the frame's whole phrase ("lors d'un …", "au cours d'une …"), up to the verb it hangs on
    for _ in range(2):
        if phrase.head.i != phrase.i and phrase.head.pos_ in ("NOUN", "ADV"):
            phrase = phrase.head
    set_off = phrase.left_edge.i > 0 and t.doc[phrase.left_edge.i - 1].text == ","
    for _ in range(3):  # "a prévenu le président X, lors d'un entretien": "lors" hangs on the object
        named = _in_a_name(head)
        if set_off and head.pos_ == "VERB" and "Inf" in head.morph.get("VerbForm") and head.head.i != head.i:
            head = head.head  # "a proposé à Y d'accueillir …, lors d'un entretien": the proposal's, not the hosting's
            continue
        if head.pos_ in ("VERB", "AUX") and head.i != t.i and not named:
            return head
        if head.head.i == head.i or not (head.pos_ in ("NOUN", "PROPN") or named):
            return None  # a word of a name the tagger made a verb ("Mette") is climbed past like a noun
        head = head.head
    return None


#: "appeler à son tour", "appelé à nouveau", "à plusieurs reprises": adverbials after the verb, no urging "à".
NOT_URGED = re.compile(r"a (?:(?:son|sa|leur|mon|ton|notre|votre) tour|nouveau"
                       r"|(?:plusieurs|deux|trois|maintes) reprises"
                       r"|(?:deux|trois|quatre|cinq|six|plusieurs)(?! reprises))\b")  # "un appel à trois": among three


def _not_an_event(t: Token) -> bool:
    """A wish, an attempt, a refusal, a plan, a call *for* something, or a meeting."""
    vocab = _vocab()
    addressed = fold(t.text).startswith("appel") and t.i + 1 < len(t.doc) and (
        _addressed(t) or NOT_URGED.match(folded(t.doc[t.i + 1: t.i + 4])) is not None)
    # the auxiliary "a" is written "avoir" so that "Cet appel a été passé" is not "appel à"; the
    # words after a call placed to someone ("un appel au dirigeant X") are its addressee, and those of
    # "un appel à trois" its count, no cue
    # the words keep their own spacing, so that an elided article stays glued ("pas l'intention de")
    window = "".join(("avoir" if x.pos_ == "AUX" and fold(x.text) == "a" else fold(x.text)) + x.whitespace_
                     for x in t.doc[max(t.sent.start, t.i - 6): t.i + (1 if addressed else 3)])
    if fold(t.text).startswith("appel") and t.i + 1 < len(t.doc):
        after = folded(t.doc[t.i + 1: t.i + 4])
        urge = re.match(r"(a|au|aux|a la|a l') ", after + " ") and not re.search(r"initiative|demande", after) \
            and t.doc[t.i + 1].pos_ != "AUX" and not NOT_URGED.match(after)  # "L'appel a été passé": not "à"
        if urge and not has_phrase(after, _vocab()["phone_nouns"]) and not addressed:
            return True  # "appeler à la retenue", not "appeler au téléphone"
        if _urged_after_author(t):
            return True
    if has_phrase(window, vocab["non_event_cues"]) or _planned(t) and not _held_after_all(t) or _denied(t) \
            or _summit(t) or _habitual(t):
        return True
    if _broadcast(t) or _asked_of_someone(t) or _none_of(t):
        return True
    if _asked(t):
        return True
    if _object_of_denial(t):
        return True
    if _open_question(t):
        return True
    # a call framing the act ("Au cours d'un appel avec Y, X a proposé …", "a refusé, lors d'un appel,
    # de …") took place whatever was proposed or refused in it; only a wish keeps it from being one
    # ("veut aborder la question lors d'un appel avec Y")
    failing = _words("intention_verbs") if _framed(t) else set(vocab["failure_verbs"])
    heads = [t.head] if _answered(t) else [a for a in t.ancestors if not _past_headline_colon(t, a)]
    if any(fold(a.lemma_) in failing and not _in_relative_after(t, a) for a in heads):
        return True  # "n'est pas parvenu à le joindre", not "sont parvenus à un accord lors d'un appel"
    if any(fold(a.lemma_) in _words("negated_failure_verbs") and negated(a) for a in heads):
        return True  # "n'a pas pu joindre son homologue"
    if tells_medium(t.sent):
        return False
    after = folded(t.doc[t.i:t.sent.end])  # "a parlé avec Y, …, lors d'une rencontre en marge de …"
    return has_phrase(_clause_text(t), vocab["in_person_markers"]) or _at_a_place(t) or _where_at_a_place(t) \
        or has_phrase(after, vocab["meeting_frames"])


#: ", qui a eu lieu dans la soirée", ", qui s'est tenu mardi": a relative clause telling the call took place.
HELD_AFTER_ALL = re.compile(r", (?:qui|lequel|laquelle) (?:a finalement |a bien )?(?:eu lieu|a eu lieu"
                            r"|s'est (?:finalement |bien )?(?:tenue?|deroulee?)|a dure)\b")


def _held_after_all(t: Token) -> bool:
    """A call noun someone asked for or planned, which a relative clause after it says took place ("a
    sollicité un entretien téléphonique avec Y, qui a eu lieu dans la soirée"), by surface (the
    parser hangs the relative on the last name)."""
    return HELD_AFTER_ALL.search(folded(t.doc[t.i: t.sent.end])) is not None


def _none_of(t: Token) -> bool:
    """"qu'aucun appel n'avait eu lieu", "aucune conversation téléphonique": a call noun denied by its
    own determiner (in the tree, or the word right before it)."""
    dets = {fold(c.text) for c in t.children if c.dep_ == "det"}
    before = fold(t.doc[t.i - 1].text) if t.i > t.sent.start else ""
    return t.pos_ in ("NOUN", "PROPN") and bool((dets | {before}) & {"aucun", "aucune", "nul", "nulle"})


def _asked_of_someone(t: Token) -> bool:
    """"X a demandé à Y d'appeler Z", "a chargé Y de joindre Z": an infinitive someone is asked, urged
    or charged to do is no call that took place (nor is its asker on it)."""
    return "Inf" in t.morph.get("VerbForm") and t.head.i != t.i and fold(t.head.lemma_) in _words("asking_verbs")


def _broadcast(t: Token) -> bool:
    """"un appel vidéo diffusé sur Telegram", "un appel lancé aux Occidentaux": a call noun that a
    participle of broadcasting or launching qualifies is an address or an appeal, not a call between
    two people.  Read by surface, past the medium's own words ("vidéo", "téléphonique")."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    mediums = _words("phone_nouns") | _words("conference_cues")
    for x in t.doc[t.i + 1: min(t.sent.end, t.i + 4)]:
        if x.pos_ == "ADJ" and fold(x.text) not in _words("address_participles") or fold(x.text) in mediums:
            continue
        return fold(x.text) in _words("address_participles")
    return False


def _past_headline_colon(t: Token, verb: Token) -> bool:
    """"Entretien téléphonique Trump-Xi : Washington et Pékin veulent …": a verb after the colon of a
    headline that opens on the call noun is the next clause's, whatever the parser hung the noun on."""
    return verb.i > t.i and t.i == t.sent.start and any(x.text == ":" for x in t.doc[t.i + 1:verb.i])


def _asked(t: Token) -> bool:
    """The call is what a question asks about ("Friedrich Merz va-t-il appeler Vladimir Poutine ?",
    "Un appel a-t-il eu lieu ?"): the clause of the trigger ends with a question mark."""
    end = next((x for x in t.doc[t.i: t.sent.end] if x.text in (".", "!", "?", "»", ";")), None)
    return end is not None and end.text == "?"


def _where_at_a_place(t: Token) -> bool:
    """"… une visite officielle en Turquie, où il s'était entretenu avec Y": a call verb in a relative
    clause opened by "où" whose antecedent is a place or an in-person event (a visit, a summit) tells a
    talk held there.  A sentence naming a medium never gets here."""
    if t.pos_ not in ("VERB", "AUX") or t.dep_ != "acl:relcl" or not any(c.text.lower() == "où" for c in t.children):
        return False
    antecedent = t.head
    places = lex_spans(t.doc, "PLACE", "METONYM", "COUNTRY")
    near = {antecedent.i} | {c.i for c in antecedent.children if c.dep_ == "nmod"}
    return fold(antecedent.lemma_) in _words("other_event_nouns") or any(s.start <= i < s.end for s in places
                                                                         for i in near)


def _in_relative_after(t: Token, verb: Token) -> bool:
    """Whether ``verb`` stands after the call in a relative clause of its own ("un appel avec Y, lors
    duquel il a proposé de …"), which the parser may make the call's head: what is proposed or tried
    there is another act, not the call."""
    return verb.i > t.i and any(fold(x.text) in _words("relative_pronouns") for x in t.doc[t.i + 1: verb.i])


def _habitual(t: Token) -> bool:
    """"Ils se parlent régulièrement au téléphone", "dit s'entretenir chaque semaine avec Y", "des échanges
    téléphoniques réguliers": a habit of calling, not one call; its frequency word hangs on the trigger
    (or, for a call noun, on the noun or its light verb)."""
    heads = [t, t.head] if t.pos_ in ("NOUN", "PROPN") and t.head.pos_ in ("VERB", "AUX") else [t]
    return any(has_phrase(folded(t.doc[c.left_edge.i: c.right_edge.i + 1]), _vocab()["habitual_cues"])
               for h in heads for c in h.children if c.dep_ in ("advmod", "amod", "obl:mod", "obl", "nmod")
               and c.i != t.i and not any(x.pos_ == "PROPN" for x in c.subtree)) or _undated_round(t)


def _undated_round(t: Token) -> bool:
    """"X multiplie les échanges avec ses partenaires": calls in the plural, object of a light verb in a
    simple tense, with no date in the sentence (but in an aside), tell a habit; not "a multiplié samedi
    les échanges"."""
    verb = t.head  # the tagger's tense is unreliable here ("multiplie" read as a past subjunctive)
    return plural_noun(t) and t.dep_ == "obj" and fold(verb.lemma_) in _words("light_verbs") \
        and "Fin" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children) \
        and all(_aside(s[0]) is not None for s in dates_within(t.doc, t.sent.start, t.sent.end))


ADDRESSEE_REACH = 4  # words after "appel à" where the person or post it is placed to stands


AUTHOR_REACH = 14  # "un appel du secrétaire d'Etat américain Marco Rubio à": the noun to the "à"


def _urged_after_author(t: Token) -> bool:
    """"un appel du secrétaire d'Etat américain X à « l'isolement » de Caracas": past the "de"
    complement naming its author, an "à" phrase that opens on a quote, an infinitive or an urging noun
    ("à la retenue") makes the noun a call *for* something; "un appel du président X à son homologue Y"
    and "un appel du Premier ministre X au sujet de …" stay calls."""
    doc = t.doc
    if t.i + 2 >= t.sent.end or fold(doc[t.i + 1].text) not in ("de", "du", "d'", "des"):
        return False
    at = next((x.i for x in doc[t.i + 2: min(t.sent.end, t.i + AUTHOR_REACH)] if fold(x.text) in ("a", "au", "aux")
               or x.text in (",", ";", ":")), None)  # the author's phrase ends on a name or a post
    if at is None or fold(doc[at].text) not in ("a", "au", "aux") or not (
            any(p.span.end == at for p in people_within(doc, t.i + 2, at))
            or any(p.span.end == at for p in posts_within(doc, t.i + 2, at))):
        return False
    x = next((y for y in doc[at + 1: min(t.sent.end, at + 4)] if y.pos_ != "DET"), None)
    if x is None:
        return False
    return x.text in _vocab()["opening_quotes"] or "Inf" in x.morph.get("VerbForm") \
        or fold(x.lemma_) in _words("urge_nouns")


def _addressed(t: Token) -> bool:
    """"un appel au dirigeant ukrainien", "son appel à M. X", "un appel à son homologue": a call
    noun whose "à" complement is a person, a post or an official's noun (``object_nouns``) is a
    call placed to that official, not a call *for* something ("l'appel au calme")."""
    doc = t.doc
    end = min(t.sent.end, t.i + 1 + ADDRESSEE_REACH)
    for x in doc[t.i + 2: end]:  # t.i + 1 is "à"/"au"
        if x.pos_ == "DET":
            continue
        return bool(people_within(doc, x.i, x.i + 1) or posts_within(doc, x.i, x.i + 1)) \
            or fold(x.lemma_) in _words("object_nouns")
    return False


def _object_of_denial(t: Token) -> bool:
    """"Athènes dément tout contact avec Ankara", "le Kremlin a nié tout appel": the noun is what a
    denial verb denies, by tree or by surface (the verb right before it, past its determiners; the
    parser often mistags a headline's verb)."""
    if t.dep_ == "obj" and fold(t.head.lemma_) in _words("denial_verbs"):
        return True
    before = next((x for x in reversed(t.doc[max(t.sent.start, t.i - 3): t.i]) if x.pos_ != "DET"
                   and fold(x.text) not in ("tout", "toute", "tous", "toutes")), None)
    return before is not None and fold(before.text) in _words("denial_forms") or _in_denied_report(t)


DENIED_REPORT_REACH = 10  # "dément les informations de presse faisant état d'un appel": denial to call noun


def _in_denied_report(t: Token) -> bool:
    """"Peskov dément les informations de presse faisant état d'un appel entre A et B": the call noun
    is told inside the report a denial form denies (a ``denied_objects`` noun right after it, past its
    determiners), by surface (the parser tags "dément" an adverb), with no clause or phrase boundary
    (punctuation, conjunction, finite verb) between that report and the noun."""
    doc = t.doc
    for x in reversed(doc[max(t.sent.start, t.i - DENIED_REPORT_REACH): t.i]):
        denial = fold(x.text) in _words("denial_forms")
        if not denial and (x.is_punct or x.pos_ == "CCONJ" or "Fin" in x.morph.get("VerbForm")):
            return False
        if denial and not negated(x):
            report = next((y for y in doc[x.i + 1: t.i] if y.pos_ != "DET"), None)
            return report is not None and fold(report.text) in _words("denied_objects")
    return False


def _denied(t: Token) -> bool:
    """A call noun whose own predicate says it never took place ("le coup de fil entre A et B
    annoncé par la presse n'a jamais eu lieu", "un appel qui n'a jamais eu lieu"): the noun is the
    subject of that predicate (or of a verb it is coordinated with, as the parser often makes the
    participle after a long noun phrase the main verb), or its relative clause is that predicate."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    verbs = [c for c in t.children if c.dep_ == "acl:relcl"]
    if t.dep_ in SUBJECT_DEPS:
        verbs += [t.head, *(c for c in t.head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    denials = _vocab()["denial_predicates"]
    if any(has_phrase(folded(t.doc[max(v.i - 3, v.sent.start): v.i + 2]), denials) for v in verbs):
        return True
    # "Un appel entre A et B, évoqué par …, n'a en revanche toujours pas eu lieu": adverbs inside the
    # predicate, and a long noun phrase after which the parser loses the subject of "avoir lieu"
    return any(_took_place(v) and negated(v) and not any(c.dep_ in SUBJECT_DEPS for c in v.children)
               for v in t.sent[t.i + 1 - t.sent.start:])


def _open_question(t: Token) -> bool:
    """A call told in a clause opened by "si" ("n'a pas précisé si X avait eu un entretien téléphonique
    avec Y", "s'il s'agissait d'appels téléphoniques", "S'il y a un appel, …"): a question or a
    condition, not a call; "même si" and "comme si" grant what follows."""
    node = t
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return any(c.dep_ == "mark" and _si(c) and fold(c.doc[c.i - 1].text) not in ("meme", "comme")
               for c in node.children if c.i > 0)


def _si(t: Token) -> bool:
    """"si", or its elided "s'" before "il"/"ils" (not the reflexive "s'" of "s'étaient parlé")."""
    doc = t.doc
    return fold(t.text) == "si" or (
        fold(t.text) == "s'" and t.i + 1 < len(doc) and fold(doc[t.i + 1].text) in ("il", "ils"))


def _took_place(v: Token) -> bool:
    """"a eu lieu": the verb "avoir" with "lieu" for object."""
    return fold(v.lemma_) == "avoir" and any(c.dep_ == "obj" and fold(c.text) == "lieu" for c in v.children)


def _summit(t: Token) -> bool:
    """"a participé à un sommet des BRICS en visioconférence", "un sommet en visioconférence": a
    summit held by video is a meeting of many, not a call between the people it names.  The summit
    is the noun the medium qualifies, or the object ("à", or none) of a verb told with a video
    medium; not a summit prepared in a call ("a préparé le sommet au cours d'un appel avec Y") or
    one that dates it ("avant le sommet de l'OTAN")."""
    summits = _words("summit_nouns")
    if t.pos_ in ("NOUN", "PROPN"):  # "un sommet (de la CELAC) en visioconférence"
        if _of_many(t):
            return True
        node = t
        while node.dep_.startswith("nmod") and node.head.i != node.i:
            node = node.head
            if fold(node.lemma_) in summits:
                return True
        video = has_phrase(fold(t.text), _vocab()["conference_cues"])
        return video and t.dep_.startswith("obl") and t.head.pos_ == "VERB" and _summit(t.head)
    if not has_phrase(_clause_text(t), _vocab()["conference_cues"]):
        return False
    if any(_of_many(n) for n in _own_conference(t)) or _gathers_many(t):
        return True  # "a échangé avec Y lors d'une visioconférence de la coalition", "a réuni … les dirigeants"
    return any(fold(c.lemma_) in summits and c.dep_ in ("obj", "obl:arg", "obl:mod")
               and all(fold(x.text) in ("a", "au", "un", "une", "le", "la", "l'") for x in c.children
                       if x.dep_ == "case")
               for c in t.children)


def _of_many(noun: Token) -> bool:
    """"une visioconférence de la coalition des volontaires", "… des ministres de l'UE", "… réunissant
    une trentaine de pays": a call or video noun owned by a group, by many people or states, or
    gathering them, tells a meeting of many.  Not "l'entretien des deux ministres", nor one that
    gathers the people it names ("un appel réunissant X et Y", "a réuni par visioconférence ses
    homologues X et Y": a call of three)."""
    for c in noun.children:
        owned = any(fold(x.text) in OF for x in c.children if x.dep_ == "case")  # not "entre les chefs …"
        if c.dep_.startswith("nmod") and owned and fold(c.text) in _words("gathering_nouns") and not _few(c):
            return True
        if c.dep_ == "acl" and _gathers_many(c):
            return True
    return False


def _gathers_many(verb: Token) -> bool:
    """"réunissant une trentaine de pays", "a réuni par visioconférence les dirigeants de la
    coalition": a gathering verb whose object is a group noun that is not a few people it names."""
    if fold(verb.lemma_) not in _words("gathering_verbs"):
        return False
    gathered = next((x for x in verb.children if x.dep_ == "obj"), None)
    if gathered is None and not _reflexive(verb):
        for x in verb.doc[verb.i + 1: verb.sent.end]:  # the parser lost the object: the first noun past
            if x.pos_ in ("VERB", "AUX") or x.text in (",", ";", ":"):  # the adverbials, in the clause
                break
            if x.pos_ == "NOUN" and not x.dep_.startswith("obl") and not any(c.dep_ == "case" for c in x.children):
                gathered = x
                break
    return gathered is not None and gathered.pos_ == "NOUN" and not _few(gathered)


def _few(n: Token) -> bool:
    """Two or three, a name that is no group, or people it names: not the examples a group's members
    are given by ("les dirigeants de la coalition, dont le Premier ministre X": X is one of many)."""
    cue = next((x.i for x in n.subtree if x.i > n.i and fold(x.text) in _words("member_cues")), n.right_edge.i + 1)
    named = people_within(n.doc, n.left_edge.i, cue)
    sides = any(a.dep_ == "amod" and any(c.dep_ == "conj" for c in a.children) for a in n.children)
    return bool(named) or sides or any(fold(x.text) in ("deux", "trois") for x in n.children) or (
        n.pos_ == "PROPN" and fold(n.text) not in _words("gathering_nouns"))


def _own_conference(verb: Token) -> list[Token]:
    """The video nouns that are the medium of ``verb``'s act: "par visioconférence", "lors d'une
    visioconférence", "au cours d'une vidéoconférence"; not one it is only dated by ("avant la
    visioconférence du G7")."""
    cues = _vocab()["conference_cues"]
    out = []
    for n in verb.subtree:
        if n.pos_ != "NOUN" or not has_phrase(fold(n.text), cues) or n.sent != verb.sent:
            continue
        case = {fold(c.text) for c in n.children if c.dep_ == "case"}
        if case & (_words("medium_cases") | {"pendant", "durant"}) or fold(n.head.text) in ("lors", "cours"):
            out.append(n)
    return out


def _planned(t: Token) -> bool:
    """A call noun whose predicate plans or asks for it: "un appel est prévu", "l'entretien aura
    lieu jeudi", "a demandé un entretien"; or that sits, through nouns ("l'axe de la conversation"),
    in a clause told in the future or the conditional ("sera l'axe de leur conversation")."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    if t.dep_ == "nmod":  # "n'a pas donné suite à la proposition d'entretien": a call proposed, not held
        proposed = fold(t.head.lemma_) in _words("proposal_nouns") and not _held_after_all(t)
        return proposed or _unrealised(_clause_head(t))
    if t.dep_ not in (*SUBJECT_DEPS, "obj") or _past_headline_colon(t, t.head):
        return False  # "Échange A-B : Pretoria et Abuja veulent …": the verb is the next clause's
    if _in_a_name(t.head):
        return False  # a name the tagger made a verb ("un appel du Premier ministre indien Narendra Modi")
    head = t.head
    if t.dep_ == "obj":  # "a demandé un entretien téléphonique", "propose un appel"
        return fold(head.lemma_) in _vocab()["plan_predicates"] and _requested(t) is None
    plans = _vocab()["plan_predicates"]
    if head.pos_ == "NOUN" and any(c.dep_ in ("acl", "xcomp") and fold(c.lemma_) in plans for c in head.children):
        return True  # "Un échange … est en revanche prévu": the parser made "revanche" the predicate
    if _requested(t) is not None:
        return False  # "L'appel avait été sollicité par la partie russe": asked for, and held
    return _unrealised(head) or fold(head.lemma_) in plans or fold(head.text) in plans


def _requested(noun: Token) -> Token | None:
    """The verb of "C'est X qui avait sollicité cet échange", "Kiev avait demandé l'appel": a call
    already told, named by a demonstrative or a definite article, or one a relative clause says took
    place, that someone asked for in the past; it took place, and the verb's subject placed it. Not a
    call asked for and still to come ("a demandé un entretien", "demandera cet appel")."""
    verb = _verb_past_date(noun)  # "a sollicité jeudi un entretien": the parser hangs it on the day
    asked_for = noun.dep_ == "obj" and not _passive(verb) or noun.dep_ in SUBJECT_DEPS and _request_agent(verb)
    if not asked_for or fold(verb.lemma_) not in _words("request_verbs") or _unrealised(verb) or negated(verb):
        return None
    det = next((fold(c.text) for c in noun.children if c.dep_ == "det"), None)
    held = _held_after_all(noun)  # "a sollicité un entretien avec Y, qui a eu lieu …": it took place
    return verb if det in _words("demonstratives") or det in _words("definites") or held else None


PLACE_WORDS = 4  # the longest place name a request's subject may open ("Buenos Aires", "La Nouvelle-Delhi")


def _request_agent(verb: Token) -> Token | None:
    """The agent of a passive request verb: "L'appel avait été sollicité par la partie russe", "Cet
    entretien a été demandé par Kiev" (the parser may call the "par" phrase a plain modifier)."""
    if not _passive(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "obl:agent" or c.dep_.startswith("obl") and any(
        x.dep_ == "case" and fold(x.text) == "par" for x in c.children)), None)


def _requester(doc: Doc, verb: Token) -> Party | None:
    """Who asked for a call by name, a post or a place: the subject of the request verb, or the focus of its
    cleft ("C'est le chef de l'État français qui avait sollicité …", "Bratislava avait demandé …"), or the
    agent of a passive ("L'appel avait été sollicité par la partie russe")."""
    subject = _request_agent(verb) or next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and fold(subject.text) == "qui":
        if verb.dep_ == "acl:relcl" or _cleft_focus(verb):
            subject = verb.head  # "… qui avait sollicité", a relative or a cleft ("C'est Vienne qui …")
        elif (focus := _written_cleft_focus(doc, subject.i)) is not None:
            subject = focus  # "Selon Pékin, c'est Washington qui a demandé …": the parser glued "c'est X"
    if subject is None:  # a pronoun names no post or place below (the tagger takes "Vienne" for one)
        return None
    named = next((p for p in doc._.people or [] if p.span.start <= subject.i < p.span.end), None)
    if named is not None:  # "X a sollicité un entretien avec Y, qui a eu lieu …": X by name
        return Party(person=named.key)
    lo, hi = subject.left_edge.i, subject.i + 1
    post = next((p for p in posts_within(doc, lo, hi) if p.offices(with_default=True)), None)
    if post is not None:
        return Party(office=post.offices(with_default=True)[0])
    place = next((s for s in lex_within(doc, lo, subject.i + PLACE_WORDS, "COUNTRY", "METONYM")
                  if s.start <= subject.i < s.end), None) or next(  # "Buenos Aires", headed by its first word
        iter(lex_within(doc, subject.i + 1, subject.i + 2, "DEMONYM")), None)  # "le ministre néerlandais"
    return Party(country=place.kb_id_) if place is not None else None


CLEFT_COPULAS = frozenset(("est", "etait"))


def _written_cleft_focus(doc: Doc, qui: int) -> Token | None:
    """The first word of X in "c'est X qui", read from the words when the parser did not build the cleft
    (after a fronted "Selon Y," it glues "c'est" into an adverb): X is at most :data:`PLACE_WORDS` words."""
    for k in range(qui - 1, max(0, qui - 1 - PLACE_WORDS), -1):
        if fold(doc[k].text) in CLEFT_COPULAS:
            opens = k > 0 and fold(doc[k - 1].text) in ("c'", "ce")
            return doc[k + 1] if opens and k + 1 < qui else None
    return None


def _clause_head(t: Token) -> Token:
    """The predicate of the clause a noun sits in, climbing through the nouns it modifies."""
    head = t
    while head.dep_ in ("nmod", "obj", "nsubj", "nsubj:pass") and head.head.i != head.i and \
            head.pos_ in ("NOUN", "PROPN", "PRON"):
        head = head.head
    return head


def _unrealised(head: Token) -> bool:
    """A predicate in the future or the conditional, itself or through its auxiliary or copula."""
    verbs = [head] + [c for c in head.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    return any("Fut" in v.morph.get("Tense") or "Cnd" in v.morph.get("Mood") for v in verbs)


CLAUSE_DEPS = ("obl", "obl:mod", "obl:arg", "advcl", "advmod", "nmod", "acl")


def _clause_text(t: Token) -> str:
    """The trigger with its own complements (not its subject's appositions), less the infinitive
    clauses of other acts ("après avoir reçu à Vienne X", "pour préparer leur rencontre"), here or
    deeper in a complement ("un appel de X, qui souhaitait coordonner … avant le sommet")."""
    parts = [t] + [x for c in t.children if c.dep_ in CLAUSE_DEPS and not _other_act(c) for x in c.subtree]
    others = {x.i for p in parts if p.i != t.i and _marked_other(p) for x in p.subtree}
    return " ".join(fold(x.text) for x in sorted(parts, key=lambda x: x.i) if x.i not in others)


def _other_act(clause: Token) -> bool:
    """An adverbial clause opened by a ``clause_marks`` word ("avant de", "après", "pour")."""
    return clause.dep_ == "advcl" and _marked_other(clause)


def _marked_other(node: Token) -> bool:
    """A phrase opened by a ``clause_marks`` word ("avant le sommet", "après la réunion", "pour
    préparer …"): it tells another event than the one it hangs in."""
    return any(fold(c.text) in _words("clause_marks") for c in node.children if c.dep_ in ("mark", "case"))


def _at_a_place(t: Token) -> bool:
    """"s'est entretenu avec Y à Moscou", "… au palais présidentiel", "… dans son bureau": a place or a
    building (``venue_nouns``) as the verb's own complement means a meeting."""
    places = {s.root.i for s in lex_spans(t.doc, "PLACE", "METONYM") if t.sent.start <= s.start < t.sent.end}
    venues = _words("venue_nouns")
    return t.pos_ == "VERB" and any(
        (c.i in places or fold(c.lemma_) in venues)
        and any(fold(x.text) in ("a", "au", "dans") for x in c.children if x.dep_ == "case")
        for c in t.children if c.dep_.startswith("obl"))


# ------------------------------------------------------------------ linking


def _anchors(trigger: list[Token]) -> set[Token]:
    """The trigger and, for a noun, the light verb it is the subject or object of ("a eu lieu")."""
    reporting = set(_vocab()["reporting_verbs"]) | {"selon"}
    anchors = set(trigger)
    for t in trigger:
        if t.dep_ == "xcomp" and "Inf" in t.morph.get("VerbForm") and fold(t.head.lemma_) in _words("control_verbs"):
            anchors.add(t.head)  # "X a tenu à appeler Y", "n'a pas manqué de joindre Y": X's own act
        auxiliary = _auxiliary_before(t)
        if auxiliary is not None and auxiliary.dep_ == "ROOT":  # "X a de son côté appelé Y": the parser's root
            anchors.add(auxiliary)
        elif auxiliary is not None and auxiliary.dep_.startswith(("aux", "cop")) and auxiliary.head.pos_ in (
                "NOUN", "ADV") and auxiliary.head.i < t.i:  # "X a tour à tour appelé", "X a en revanche
            # téléphoné": the incise's noun made the auxiliary's head (or the root it is the copula of)
            anchors.add(auxiliary.head)
        frame = _frame_verb(t) if t.pos_ in ("NOUN", "PROPN") and _framed(t) else None
        if frame is not None:  # "a déclaré à Y lors d'un appel": what is said is said in the call
            anchors.add(frame)
        if _answered(t):  # "Répondant à un appel de X, Y a évoqué lundi …": the main clause is the answer
            anchors.add(t.head.head)
        head = _verb_past_date(t)
        light = fold(head.lemma_) in _words("light_verbs") or (  # "leur échange remontait à janvier"
            t.dep_ in SUBJECT_DEPS and fold(head.lemma_) in _words("dating_verbs"))
        taker = _initiative_taker(t) or _phone_taker(t)
        if taker is not None:  # "a pris jeudi l'initiative d'un entretien": the day and the caller are the verb's
            anchors.add(taker)
        adverbial = t.dep_.startswith("obl") and head.pos_ == "VERB"  # "a prévenu X lors d'un appel"
        attending = fold(head.lemma_) in _words("attendance_verbs")  # "X a assisté à l'entretien": no party
        if t.pos_ in ("NOUN", "PROPN") and (light or adverbial) and fold(head.lemma_) not in reporting \
                and not attending:
            anchors.add(head)
    return anchors


def _answered(t: Token) -> bool:
    """A call noun a fronted present participle answers ("Répondant à un appel du président X, Y a
    évoqué lundi …"): what the main clause tells, and its day, are the call's."""
    participle = t.head
    return t.pos_ in ("NOUN", "PROPN") and fold(participle.lemma_) == "repondre" and _present_participle(participle) \
        and participle.head.pos_ in ("VERB", "AUX") and participle.i < participle.head.i


def _present_participle(t: Token) -> bool:
    """"répondant", "affichant": the tagger's present participle."""
    return "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")


def _verb_past_date(t: Token) -> Token:
    """The word a noun depends on, past a date the parser hung it on ("a enchaîné jeudi les entretiens
    téléphoniques avec Y": "entretiens" made the object of "jeudi", itself a complement of the verb)."""
    if _date_adjunct(t.head) and t.head.head.pos_ in ("VERB", "AUX"):
        return t.head.head
    return _verb_before_incise(t) or t.head


def _verb_before_incise(t: Token) -> Token | None:
    """"X a eu lundi, à la demande de Y, un échange téléphonique avec Z": the parser makes the object
    after an incise an apposition of the incise's last noun (or hangs it on its comma); an indefinite
    noun so hung, whose chain of complements leads back to a light verb before it, is that verb's
    object.  So is one after a subordinate clause set off by commas, which the parser gives the
    clause's verb ("a reçu, mardi, alors qu'il rentrait de Moldavie, un appel de Y")."""
    if not any(c.dep_ == "det" and fold(c.text) in ("un", "une") for c in t.children):
        return None
    set_off = t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
    if t.dep_ not in ("appos", "fixed", "dep") and not (t.dep_ == "obj" and set_off):
        return None
    head = t.head.head if t.head.pos_ == "PUNCT" else t.head  # or of the incise's closing comma
    while head.dep_ in ("nmod", "obl", "obl:mod", "obl:arg", "appos") and head.pos_ in ("NOUN", "PROPN") \
            and head.head.i != head.i:
        head = head.head
    if head.dep_ == "advcl" and head.pos_ == "VERB" and any(c.dep_ == "mark" for c in head.children) and set_off:
        head = head.head  # the verb the subordinate clause is set off from
    elif t.dep_ == "obj":
        return None
    light = head.pos_ in ("VERB", "AUX") and head.i < t.i and fold(head.lemma_) in _words("light_verbs")
    return head if light and not any(c.dep_ == "obj" and c is not t for c in head.children) else None


def _phone_taker(verb: Token) -> Token | None:
    """The verb of "X a pris son téléphone mercredi pour appeler Y" (a phone as its object, the call
    verb its "pour" clause): its subject placed the call, on its day."""
    head = verb.head
    if verb.pos_ != "VERB" or verb.dep_ != "advcl" or head.i == verb.i \
            or not any(fold(c.text) == "pour" for c in verb.children if c.dep_ == "mark"):
        return None
    # the phone between the two verbs, under the first, whatever a date between made of it ("a
    # décroché jeudi son téléphone pour joindre Y": "téléphone" hung on "jeudi")
    phone = any(fold(x.lemma_) in _vocab()["phone_nouns"] and head in x.ancestors
                for x in verb.doc[head.i + 1: verb.i])
    return head if phone else None


def _initiative_taker(noun: Token) -> Token | None:
    """The verb of "prendre l'initiative d'un appel" or "a pris l'initiative d'appeler lundi Y": whose
    subject placed the call."""
    initiative = noun.head
    infinitive = noun.pos_ == "VERB" and "Inf" in noun.morph.get("VerbForm")
    if noun.pos_ not in ("NOUN", "PROPN") and not infinitive or initiative == noun or fold(
            initiative.lemma_) not in _words("initiative_nouns"):
        return None
    return initiative.head if fold(initiative.head.lemma_) in _words("initiative_verbs") else None


def _owner(token: Token, mentions: list[Mention], *, parties: bool = True) -> tuple[Mention, str] | None:
    """The mention whose trigger ``token`` depends on first, and the dependency that enters it.
    For parties (people, posts), a light verb only lends its subject and "entre"/"avec" complements."""
    reporting = set(_vocab()["reporting_verbs"]) | {"selon"}
    anchors = {a: m for m in mentions for a in _anchors(m.trigger)}
    anchors |= {t: m for m in mentions for t in m.trigger}  # a trigger owns its own token first
    node, entry, child = token, token.dep_, token
    for _ in range(40):
        if node in anchors:
            m = anchors[node]
            if node.i in {t.i for t in m.trigger}:
                return m, entry
            if _shifted_anchor(node, m):  # its date too is the other act's
                return (m, entry) if parties and child.dep_ in SUBJECT_DEPS else None
            return (m, entry) if not parties or _enters_light_verb(child) or _own_auxiliary(node, m) else None
        if node.i != token.i and fold(node.lemma_) in reporting:
            return _completive_owner(token, node, mentions, entry)
        if fold(node.head.lemma_) in _words("relation_nouns") and node.dep_.startswith("nmod"):
            return None  # "le prédécesseur de Brown": Brown is not on the call
        if node.i != token.i and node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and (
                entry in SUBJECT_DEPS or entry in ("obj", "iobj") and node.head in anchors):
            return None  # "X a appelé Y, et Z a salué …", "… avec Y, puis a reçu à Ankara Z": a clause of its own
        if node.i != token.i and _before_or_after_clause(node):
            return None  # "Après avoir reçu lundi son homologue Z, X a téléphoné à Y": Z was at another act
        if node.i != token.i and node not in anchors and _participle_clause(node):
            return None  # "…, affichant leur soutien à la pression américaine sur Z": what the clause is about
        if node.head.i == node.i:
            return None
        through_auxiliary = node.dep_.startswith("aux") and entry in SUBJECT_DEPS  # the parser hung the
        entry = entry if through_auxiliary else node.dep_  # subject on "a" ("Le ministre a cette fois appelé Y")
        child, node = node, node.head
    return None


def _participle_clause(verb: Token) -> bool:
    """The verb is a present participle heading a clause of its own set off by a comma ("…, affichant
    leur soutien à …", "…, soulignant que …")."""
    return verb.pos_ == "VERB" and verb.dep_ == "advcl" and _present_participle(verb) \
        and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","


def _before_or_after_clause(verb: Token) -> bool:
    """The verb heads a clause of time of its own ("après avoir reçu …", "avant de rencontrer …")."""
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ == "advcl" and any(
        fold(c.text) in ("apres", "avant") for c in verb.children if c.dep_ == "mark")


def _completive_owner(token: Token, verb: Token, mentions: list[Mention], entry: str) -> tuple[Mention, str] | None:
    """"Il a confirmé que M. X a téléphoné jeudi à son homologue chypriote, Y": the parser hangs the
    call's object on the reporting verb; a party told after the call verb of the verb's completive,
    in the same clause (no finite verb, no ";" between), is that call's, not the reporter's; so is one
    told after a call in a perfect infinitive ("a affirmé mardi avoir appelé son homologue, Y")."""
    for m in mentions:
        t = m.trigger[0]
        completive = t.head == verb and t.dep_ == "ccomp" or _reporting_head(t) == verb  # or "affirme avoir appelé"
        if not completive or not verb.i < t.i < token.i or entry in SUBJECT_DEPS:
            continue
        between = token.doc[t.i + 1: token.i]
        if not any("Fin" in x.morph.get("VerbForm") or x.text in (";", ":") for x in between):
            return m, entry
    return None


def _shifted_anchor(verb: Token, m: Mention) -> bool:
    """"Trois jours après son appel avec X, Y a reçu Z": the verb tells another act, later than the
    call (or before it, "avant", "depuis"); its subject is the one whose call it was, its objects
    were not on the call."""
    return any(t.head == verb and t.pos_ in ("NOUN", "PROPN") and any(
        fold(c.text) in _words("since_words") for c in t.children if c.dep_ == "case") for t in m.trigger)


def _own_auxiliary(anchor: Token, m: Mention) -> bool:
    """"X a indiqué avoir téléphoné samedi à Y", the participle parsed as the object of the infinitive
    "avoir" and "à Y" hung on "avoir": that "avoir" is the call verb's own auxiliary, not a light verb,
    and every complement it carries is the call verb's."""
    verb = m.trigger[0]
    return verb.head == anchor and verb.dep_ == "obj" and _participle(verb) is not None \
        and fold(anchor.lemma_) in ("avoir", "etre") and "Inf" in anchor.morph.get("VerbForm")


def _enters_light_verb(child: Token) -> bool:
    """Through a light verb ("a eu lieu", "a eu un échange"), only its subject and its "entre"/"avec"
    complements are the call's: not "intervenu à deux mois du retour de X"."""
    if child.dep_ in SUBJECT_DEPS or child.dep_ == "obj":
        return True
    return any(fold(c.text) in ("entre", "avec") for c in child.children if c.dep_ == "case") or (
        child.dep_.startswith(("obl", "nmod")) and child.pos_ in ("NOUN", "PROPN")
        and any(fold(c.text) in ("lors", "pendant", "durant", "au cours") for c in child.children))


def _phrase_start(span: Span) -> int:
    """Where the person's phrase starts: at the post attached before the name ("le ministre de la
    Défense, X"), else at the name."""
    return min([span.start] + [a.post.span.start for a in notes(span.doc).attachments
                               if a.post and a.person.span == span and a.post.span.end <= span.start])


STAND_IN_REACH = 9  # words back from a name to "en l'absence du" ("… du ministre de la Défense X")


def _not_a_party(span: Span) -> bool:
    """Named in the call's sentence but not on the call: "selon X", "au sujet de X", "la libération
    de X", "en remplacement de X" (the cue in the few words before, within the same clause: not
    "a annoncé que X"); the one someone stands in for ("en l'absence du ministre X", "au nom de X")."""
    doc = span.doc
    anchor = _phrase_start(span)  # "en présence du ministre de la Défense, X": the cue stands before the post

    def spaced(tokens) -> str:  # the words as written apart, so that "l'absence" stays whole
        return "".join(fold(x.text) + (" " if x.whitespace_ else "") for x in tokens)

    def cue_before(reach: int, key: str) -> bool:
        window = [x for x in doc[max(span.sent.start, anchor - reach): anchor]]
        cut = max((i for i, x in enumerate(window) if x.text in (",", ";", ":", "(") or fold(x.text) in ("que", "qu'")),
                  default=-1)  # a clause boundary: "a annoncé que X …" makes X the subject of the completive
        return has_phrase(spaced(window[cut + 1:]), _vocab()[key])

    def reporter_before() -> bool:  # ", a indiqué le porte-parole X", not "a indiqué avoir discuté avec X"
        i = anchor - 1
        while i > span.sent.start and doc[i].pos_ == "DET":
            i -= 1
        words = spaced(doc[max(span.sent.start, i - 3): i + 1]).strip()
        return any(f" {words}".endswith(f" {c}") for c in _vocab()["reporter_cues"])

    return cue_before(6, "non_party_cues") or reporter_before() or cue_before(STAND_IN_REACH, "stand_in_cues") or \
        handed_over(span) or _of_another_event(span) or _in_purpose_clause(span) or _in_topic_phrase(span) or \
        (_second_subject(span) and reported_speaker(span)) or \
        _served_by_title(span)  # ", a fait savoir le porte-parole, Z"; "le conseiller de X, Y, a …"


def _served_by_title(span: Span) -> bool:
    """"Le conseiller principal de Donald Trump pour l'Afrique, X, s'est entretenu avec …", "l'émissaire
    du président américain Donald Trump, X, a appelé …": a person named after "de" as the complement of
    a title that has another person in apposition is the one that title serves, not a party."""
    node = _phrase_noun(span)
    title = node.head
    if node.dep_ != "nmod" or title.pos_ != "NOUN" or _is_call_word(title) \
            or not any(c.dep_ == "case" and fold(c.text) in OF for c in node.children):
        return False
    # the one in apposition may be hung on the principal's own noun ("du président X, Y,"): after a comma
    return any(p.span.start > span.end and p.span.root.dep_ == "appos" and span.doc[p.span.start - 1].text == ","
               and p.span.root.head in (title, node) for p in people_within(span.doc, span.end, title.right_edge.i + 1))



PURPOSE_REACH = 10  # words back from a name to the "pour" of a purpose clause
TOPIC_REACH = 14  # words back from a name to the participle of a call's topic ("consacrée à la … de la X")


def _in_topic_phrase(span: Span) -> bool:
    """A name inside the topic a participle gives the call: "une visioconférence avec ses homologues,
    consacrée à la force unifiée de la Confédération des États du Sahel", "un appel portant sur le sort
    de X"; not one named after a later "avec" or "entre" ("consacré à l'Ukraine avec Y")."""
    doc, start = span.doc, _phrase_start(span)
    window = doc[max(span.sent.start, start - TOPIC_REACH): start]
    words = ""
    for x in window:  # the words since the last clause mark, "avec"/"entre" or call word
        cut = x.text in (";", ":", "(") or fold(x.text) in ("avec", "entre") or _is_call_word(x)
        words = "" if cut else words + fold(x.text) + " "
    return has_phrase(words, _topic_cues())


@lru_cache(maxsize=1)
def _topic_cues() -> tuple[str, ...]:
    """``topic_participles`` with the article "à" may merge with ("consacrée aux menaces")."""
    cues = _vocab()["topic_participles"]
    return tuple(cues) + tuple(c[:-1] + a for c in cues if c.endswith(" a") for a in ("au", "aux"))


def _in_purpose_clause(span: Span) -> bool:
    """A name inside an infinitive clause of another act after the call: "a téléphoné à Y pour
    réclamer son aide en faveur du gendarme X" (X is what the call is about), "a téléphoné à Y
    avant de recevoir X", "après avoir reçu X" (X is met, not called).  The marks are
    ``clause_marks``; an infinitive that is itself a call word ("avant de parler à X") keeps X."""
    doc = span.doc
    for x in reversed(doc[max(span.sent.start, span.start - PURPOSE_REACH): span.start]):
        if x.text in (",", ";", ":", "(") or _is_call_word(x):
            return False
        if fold(x.text) in _words("clause_marks"):
            after = [y for y in doc[x.i + 1: span.start] if fold(y.text) not in _words("clause_glue")]
            return bool(after) and "Inf" in after[0].morph.get("VerbForm") and not any(
                _is_call_word(y) for y in after[:2])
    return False


EVENT_REACH = 8  # words back from a name to the event noun it complements


def _of_another_event(span: Span) -> bool:
    """A name that complements another event's noun: "à quelques jours du sommet prévu en Alaska entre
    X et Y", "au lendemain de la visite de X" (the noun within a few words before, no comma, call
    word or finite verb between)."""
    doc, nouns = span.doc, _words("other_event_nouns")
    before = _phrase_start(span) - 1
    while before > span.sent.start and doc[before].pos_ == "DET":
        before -= 1  # "avec le Premier ministre indien X"
    partner = before >= span.sent.start and fold(doc[before].text) == "avec"
    for x in reversed(doc[max(span.sent.start, span.start - EVENT_REACH): span.start]):
        if _is_call_word(x) and _told_of(x):
            return True  # "a informé Y par téléphone des résultats de ses discussions avec l'émissaire"
        if x.text in (",", ";", ":", "(") or "Fin" in x.morph.get("VerbForm") or _is_call_word(x):
            return False
        if fold(x.lemma_) in nouns or fold(x.text) in nouns:
            # "depuis son investiture avec X": an event that takes no partner leaves "avec X" to the verb
            return not partner or fold(x.lemma_) in _words("partner_event_nouns") or fold(x.text) in _words(
                "partner_event_nouns")
    return False


def _told_of(t: Token) -> bool:
    """A talk noun with a possessive that only says what a call was about: "des résultats de ses
    discussions avec X", "la teneur de ses entretiens avec X" (the complement of another noun, with
    no medium of its own): talks held before, not this call."""
    possessive = any(c.dep_ == "det" and fold(c.text) in _words("possessives") | _words("plural_possessives") | {"ses"}
                     for c in t.children)
    return t.pos_ == "NOUN" and t.dep_ == "nmod" and t.head.pos_ == "NOUN" and possessive \
        and not _is_call_word(t.head) and not _strong_phrase_at(t) and not any(
            fold(c.text) in _words("phone_nouns") or fold(c.text).startswith("telephon") for c in t.subtree)


def _is_call_word(t: Token) -> bool:
    memo = _call_word_memo(t.doc)
    if t.i not in memo:
        memo[t.i] = _is_call_word_at(t)
    return memo[t.i]


def _call_word_memo(doc: Doc) -> dict[int, bool]:
    """:func:`_is_call_word` by token index, once per token of a doc (the clause tests ask about the same
    words for every name); made again if the doc's people are replaced (:func:`_present_phoning` reads them)."""
    people = doc._.people
    held = doc._.call_words
    if held is None or held[0] is not people:
        held = doc._.call_words = (people, {})
    return held[1]


if not Doc.has_extension("call_words"):
    Doc.set_extension("call_words", default=None)


def _is_call_word_at(t: Token) -> bool:
    lemma = fold(t.lemma_)
    return lemma in _vocab()["weak_nouns"] or lemma in _words("verbs") or _participle(t) is not None \
        or _split_medium(t) or _strong_phrase_at(t)  # "une réunion virtuelle avec X": a call, no meeting


def _split_medium(t: Token) -> bool:
    """The last word of a medium the tokenizer cut apart ("visio-conférence", "visio conférence",
    "vidéo - conférence"): glued back, it is one of the medium nouns."""
    doc = t.doc
    glued = "".join(fold(x.text) for x in doc[max(t.sent.start, t.i - 2): t.i + 1] if x.text != "-")
    word = fold(t.text)
    return t.i > t.sent.start and any(glued.endswith(w) and len(glued) > len(word)
                                      for w in _folded_weak_nouns() if word != w)


@lru_cache(maxsize=1)
def _folded_weak_nouns() -> tuple[str, ...]:
    return tuple(fold(w) for w in _vocab()["weak_nouns"])


def _in_sentence(mentions: list[Mention]) -> Callable[[Token], list[Mention]]:
    """The mentions of a token's sentence, looked up (not scanned) for each token."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sent.start, []).append(m)
    return lambda t: by_sentence.get(t.sent.start, []) if by_sentence else []


def _other_triggers(m: Mention, mentions: list[Mention]) -> list[int]:
    """The token indices of the other calls' triggers in ``m``'s sentence: the bounds of its clause."""
    return [t.i for n in mentions if n is not m and n.sent == m.sent for t in n.trigger]


def _infinitive_subject(doc: Doc, m: Mention, mentions: list[Mention]) -> None:
    """"X a téléphoné à Y, avant de recevoir un appel de Z": a call told in an infinitive clause of
    time ("avant de", "après avoir") has the subject of the call it follows in the sentence as its
    own, the person on the other end of "recevoir un appel de Z".  Not a purpose ("pour appeler Y"
    after another act keeps nobody: the call is only planned there, see ``_not_an_event``)."""
    verb = next((a for a in [*m.trigger, *_anchors(m.trigger)] if "Inf" in a.morph.get("VerbForm")), None)
    if verb is None or m.callers or not _of_time(doc, verb, m.sent.start, 3):
        return
    main = next((n for n in reversed(mentions) if n is not m and n.sent == m.sent and n.trigger[0].i < verb.i
                 and len(n.callers) == 1), None)
    if main is not None and main.callers[0] not in m.persons:
        m.persons.insert(0, main.callers[0])


def _participle_head(t: Token) -> Token | None:
    """The verb a present participle with no subject of its own hangs on ("X a multiplié les appels,
    s'entretenant avec A"), or None."""
    if t.pos_ != "VERB" or "Part" not in t.morph.get("VerbForm") or "Pres" not in t.morph.get("Tense"):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in t.children) or t.head.i == t.i or t.head.pos_ not in ("VERB", "AUX"):
        return None
    return t.head


def _main_clause_date(doc: Doc, head: Token, participle: Token) -> DateValue | None:
    """The date told in the clause of ``head`` before the participle's ("a multiplié les appels ce
    week-end, s'entretenant …")."""
    for span in dates_within(doc, head.sent.start, participle.i):
        if span._.date is not None and head in span.root.ancestors and participle not in span.root.ancestors:
            return span._.date
    return None


def _present_participle_subject(doc: Doc, m: Mention) -> None:
    """"X a multiplié les appels, s'entretenant successivement avec A, B et C": a call told by a present
    participle with no subject of its own is made by the subject of the verb it hangs on."""
    t = m.trigger[0]
    head = _participle_head(t)
    if m.callers or head is None:
        return
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    person = next((p for p in people_within(doc, m.sent.start, t.i)  # "Le président Lula a passé …, s'entretenant"
                   if subject is not None and subject.left_edge.i <= p.span.start <= subject.right_edge.i), None)
    if person is not None and person.key not in m.persons:
        m.persons.insert(0, person.key)
        m.callers.append(person.key)


def _own_clause_subject(doc: Doc, m: Mention, mentions: list[Mention]) -> None:
    """"A, B et C ont tenu une réunion, avant que C ne discute avec D": when the call has a subject of
    its own named after another call's trigger in the sentence, the people named only before that
    trigger are that call's, not this one's (the parser may hang them on either verb)."""
    cut = _earlier_clause_end(doc, m, mentions)
    if cut is None:
        return
    earlier = {p.key for p in people_within(doc, m.sent.start, cut)} - {
        p.key for p in people_within(doc, cut, m.sent.end)}
    m.persons = [k for k in m.persons if k not in earlier]
    m.callers = [k for k in m.callers if k not in earlier]


def _earlier_clause_end(doc: Doc, m: Mention, mentions: list[Mention]) -> int | None:
    """The last trigger of another call before ``m``'s in its sentence, when ``m`` has a caller named
    between that trigger and its own (see :func:`_own_clause_subject`); else None."""
    before = [i for i in _other_triggers(m, mentions) if i < m.trigger[0].i]
    if not before or not m.callers:
        return None
    cut = max(before)
    named = people_within(doc, cut + 1, m.trigger[0].i)
    return cut if any(p.key in m.callers for p in named) else None


ASIDE_REACH = 30  # words back from a token to the ", qui" opening the aside it may stand in


def _aside(t: Token) -> Span | None:
    """The relative or participial clause set off by commas that ``t`` stands in (", qui avait reçu au
    Kremlin Y le 23 juin,", ", nommé en octobre dans le gouvernement de Y,"), by surface: the parser
    often hangs its words on the main clause."""
    doc = t.doc
    for x in reversed(doc[max(t.sent.start, t.i - ASIDE_REACH): t.i]):
        if x.text in (",", ";", "(") or x.text in _vocab()["closing_quotes"]:
            opener = doc[x.i + 1] if x.i + 1 < t.sent.end else None
            if x.text != "," or opener is None or not (fold(opener.text) in ("qui", "dont") or (
                    "Part" in opener.morph.get("VerbForm") and "Past" in opener.morph.get("Tense"))):
                return None  # ", qui avait reçu Y", ", nommé en octobre dans le gouvernement de Y,"
            end = next((y.i for y in doc[t.i: t.sent.end] if y.text in (",", ";", ".", ")")), t.sent.end)
            return doc[x.i + 1: end]
    return None


def _in_other_aside(t: Token, m: Mention) -> bool:
    """``t`` is in a relative clause set off by commas that tells another act than the call ("X, qui
    avait reçu Y le 23 juin, ne s'est entretenu avec Z que le 25"): Y and the 23rd are not the call's."""
    aside = _aside(t)
    return aside is not None and not aside.start <= m.trigger[0].i < aside.end \
        and not any(_is_call_word(x) for x in aside)


BETWEEN_REACH = 3  # words between a call noun and its "entre" ("un échange téléphonique entre")


def _between_pair(doc: Doc, mentions: list[Mention]) -> None:
    """"X a parlé jeudi avec Y, au lendemain d'un échange téléphonique entre A et B": the people of
    "entre A et B" right after a call noun are that call's parties, and no other call's, however the
    parser hung them (it often ties them to the sentence's main verb)."""
    mentions_of = _in_sentence(mentions)
    for m in mentions:
        noun = m.trigger[-1]
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if _anchored_noun(doc, m) and _with_after_noun(doc, m, mentions_of(noun)):
            continue
        at = next((t.i for t in doc[noun.i + 1:min(m.sent.end, noun.i + 1 + BETWEEN_REACH)]
                   if fold(t.text) == "entre"), None)
        if at is None or any(t.is_punct for t in doc[noun.i + 1:at]):
            continue
        end = next((t.i for t in doc[at + 1:m.sent.end] if t.text in (";", ".", ":") or (
            t.text == "," and not (t.i + 1 < m.sent.end and doc[t.i + 1].text[:1].isupper()))), m.sent.end)
        pair = [p for p in people_within(doc, at + 1, end)]  # past a comma before a name ("…, David Lammy")
        if not pair or not any(fold(t.text) == "et" for t in doc[at + 1:end]):
            continue  # "entre A et B", "entre la ministre A et son homologue nigérien" (a post for a party)
        titled = {t.i for s in lex_within(doc, at + 1, pair[0].span.start, *TITLE_SPANS) for t in s}
        if any(t.i not in titled and not (t.pos_ in ("DET", "ADJ") and t.text.islower())
               for t in doc[at + 1:pair[0].span.start]):
            continue  # "un contact entre les deux ministères depuis … entre A et B": not this noun's pair
        keys = list(dict.fromkeys(p.key for p in pair))
        _taken_from_others(m, keys, mentions_of(noun))
        m.persons = keys  # the call "entre" them is theirs alone, not the sentence's subject's
        m.callers = [k for k in m.callers if k in keys] or keys[:1]  # whose "son homologue" the second is
        for t in doc[at + 1:end]:  # "… et son homologue nigérien": the counterpart's country
            if fold(t.lemma_) == "homologue":
                countries = [d.kb_id_ for d in lex_within(doc, t.i + 1, t.i + 3, "DEMONYM") if d.start == t.i + 1]
                m.counterparts += [c for c in countries[:1] if c not in m.counterparts]


def _taken_from_others(m: Mention, keys: list[str], others: list[Mention]) -> None:
    """The people ``keys`` are ``m``'s parties, not those of the sentence's other calls."""
    for other in others:
        if other is not m:
            other.persons = [k for k in other.persons if k not in keys]
            other.callers = [k for k in other.callers if k not in keys]


def _noun_lead(doc: Doc, m: Mention) -> str:
    """The folded words right before a call noun ("au lendemain d'un"), for :data:`EVE_OF_CALL`."""
    noun = m.trigger[0]
    return fold(doc[max(m.sent.start, noun.i - 4):noun.i].text).replace("à", "a").replace("' ", "'")


def _anchored_noun(doc: Doc, m: Mention) -> bool:
    """A call noun in a phrase of time that counts the sentence's call from it ("au lendemain d'un appel",
    "après son entretien"): it is another call than the sentence's main one."""
    return m.trigger[0].pos_ in ("NOUN", "PROPN") and ANCHORED_NOUN.search(_noun_lead(doc, m)) is not None


def _with_after_noun(doc: Doc, m: Mention, here: list[Mention]) -> bool:
    """"…, au lendemain d'un appel de ce dernier avec Y": the person after the noun's own "avec" (past
    "de ce dernier") is that call's party and no other call's, however the parser hung it."""
    noun = m.trigger[0]
    window = doc[noun.i + 1:min(m.sent.end, noun.i + 1 + DEMONSTRATIVE_REACH)]
    at = next((t.i for t in window if fold(t.text) == "avec"), None)
    if at is None or any(t.is_punct for t in doc[noun.i + 1:at]):
        return False
    end = next((t.i for t in doc[at + 1:m.sent.end] if t.text in (",", ";", ".", ":")), m.sent.end)
    party = next(iter(people_within(doc, at + 1, end)), None)
    if party is None:
        return False
    _taken_from_others(m, [party.key], [o for o in here if o.trigger[0].i < noun.i])
    m.persons = list(dict.fromkeys([*m.persons, party.key]))
    _demonstrative_party(doc, m)
    return True


def _attach_people(doc: Doc, mentions: list[Mention]) -> None:
    mentions_of = _in_sentence(mentions)
    for p in doc._.people or []:
        sent_mentions = mentions_of(p.span[0])
        owner = _owner(p.span.root, sent_mentions) if sent_mentions and not _not_a_party(p.span) else None
        if owner and _in_other_aside(p.span[0], owner[0]):
            continue
        if owner:
            owner = _time_clause_owner(p.span, owner, sent_mentions)
            m, entry = owner
            m.persons.append(p.key)
            if (entry in SUBJECT_DEPS or _subject_of(p.span, m)) and not _second_subject(p.span):
                m.callers.append(p.key)
    for m in mentions:
        _own_clause_subject(doc, m, mentions)
        if _present_phoning(m.trigger[0]):  # "X téléphone à Y": X, right before (or set off), is the subject
            end = _subject_end(m.trigger[0])
            named = next((p.key for p in doc._.people or [] if p.span.end == end), None)
            m.persons += [named] if named and named not in m.persons else []
            m.callers += [named] if named and named not in m.callers else []
    _anchor_phrase_people(doc, mentions)
    _named_in_turn(doc, mentions)
    for m in mentions:
        _relative_clause_subject(doc, m)
        _reported_subject(doc, m)
        _pronoun_subject(doc, m)
        _main_clause_subject(doc, m)
        _object_pronoun(doc, m)
        _speaker_called(doc, m)
        _placed_by(doc, m)
        _demonstrative_party(doc, m)
        if m.persons:
            _coordinated(doc, m, mentions)
        m.persons, m.callers = list(dict.fromkeys(m.persons)), list(dict.fromkeys(m.callers))
    _possessive_anchor_owner(doc, mentions)
    _plural_pronoun_pair(doc, mentions)


def _time_clause_owner(span: Span, owner: tuple[Mention, str], here: list[Mention]) -> tuple[Mention, str]:
    """"X a téléphoné à Y, avant de recevoir un appel du président Z": a person named past the verb of a
    clause of time ("avant de", "après avoir") that hangs on the call verb belongs to the call told in
    that clause, before the person, whatever the parser hung the name on."""
    verb = owner[0].trigger[0]
    for clause in verb.children:
        if _before_or_after_clause(clause) and verb.i < clause.i < span.start:
            later = [m for m in here if clause.i <= m.trigger[0].i < span.start]
            if later:
                return later[-1], "nmod"
    return owner


TURN_WORDS = frozenset(("puis", "ensuite", "enfin", "et"))
TURN_REACH = 10  # words from "puis avec" to the name ("puis avec le secrétaire général de l'Otan, X")


def _named_in_turn(doc: Doc, mentions: list[Mention]) -> None:
    """"s'est entretenu avec A, puis avec le président américain B, a précisé …": the person after a
    "puis avec" (``TURN_WORDS``) that follows a person of the call is on the call too, however the
    parser hung that phrase (often on a reporting verb after it); the grouping then tells one call
    each (:func:`kg.extract.callgroups._split`)."""
    for m in mentions:
        trigger = m.trigger[0]
        if not m.persons or trigger.pos_ in ("NOUN", "PROPN") and not plural_noun(trigger):
            continue
        for x in doc[trigger.i + 2: m.sent.end - 1]:
            if fold(x.text) != "avec" or not (fold(doc[x.i - 1].text) in TURN_WORDS or _listed_avec(doc, x, trigger)):
                continue
            if not any(p.key in m.persons for p in people_within(doc, trigger.i + 1, x.i)):
                continue
            end = min(m.sent.end, x.i + 1 + TURN_REACH)
            end = next((t.i for t in doc[x.i + 1:end] if t.pos_ in ("VERB", "AUX") or t.text in (";", ":")), end)
            person = next(iter(people_within(doc, x.i + 1, end)), None)
            if person is not None and person.key not in m.persons and not _not_a_party(person.span):
                m.persons.append(person.key)


def plural_noun(t: Token) -> bool:
    """A call noun in the plural ("les échanges", "les contacts") stands for several calls ("a multiplié
    les échanges téléphoniques : avec A, avec B")."""
    return t.pos_ in ("NOUN", "PROPN") and "Plur" in t.morph.get("Number")


def _listed_avec(doc: Doc, x: Token, trigger: Token) -> bool:
    """"avec A, avec B, puis avec C": an "avec" after a comma that follows another "avec" of the
    trigger's list (not "avec qui …", a relative clause)."""
    after = fold(doc[x.i + 1].text) if x.i + 1 < len(doc) else ""
    return doc[x.i - 1].text == "," and after not in RELATIVE_WORDS and any(
        fold(y.text) == "avec" for y in doc[trigger.i + 1: x.i - 1])


RELATIVE_WORDS = frozenset(("qui", "lequel", "laquelle", "lesquels", "lesquelles", "quoi"))


def _apposed_subject_by_surface(doc: Doc, m: Mention) -> None:
    """"La secrétaire d'État auprès du ministre des Armées, X, a téléphoné à Y": a name set off by
    commas right before the call verb's auxiliaries is its subject's apposition, whatever the parser
    hung it on (here the minister of the complement).  A party already found becomes the caller, or a
    person set off after the post attached to them; only when the call has no caller."""
    verb = m.trigger[0]
    if m.callers or verb.pos_ not in ("VERB", "AUX") and _participle(verb) is None:
        return
    i = _before_adverbials(verb)
    while i > verb.sent.start and (doc[i - 1].pos_ == "AUX" or fold(doc[i - 1].text) in _words("clitics")
                                   or doc[i - 1].pos_ == "ADV" or doc[i - 1].dep_ == "fixed"  # "quant à lui"
                                   or doc[i - 1].dep_.startswith("aux")):
        i -= 1
    if i - 1 <= verb.sent.start or i == verb.i:
        return
    if doc[i - 1].text != ",":  # "Pour préparer cet entretien, le ministre … X a téléphoné": the post and the
        _subject_after_a_clause(doc, m, i)  # name right before the auxiliaries, after a fronted clause's comma
        return
    comma = i - 1
    i = _before_participle_clause(doc, comma) + 1
    if i - 1 < comma and doc[i - 2].text != ",":  # "le chancelier X, qui se trouvait à Bruxelles, a téléphoné":
        _subject_after_a_clause(doc, m, i - 1)  # the post and name right before the clause set off
        if m.callers:
            return
    person = next((p for p in people_within(doc, verb.sent.start, i - 1) if p.span.end == i - 1), None)
    if person is None:
        _name_before_apposition(doc, m, i - 1)
        return
    titles = {t.i for x in lex_within(doc, verb.sent.start, person.span.start, "TITLE") for t in x}
    honorifics = title_cues("honorifics_fr")
    start = person.span.start
    while start - 1 > verb.sent.start and (start - 1 in titles or fold(doc[start - 1].text) in honorifics or (
            start in titles and fold(doc[start - 1].text) in ("le", "la", "l'"))):
        start -= 1  # ", cheikh X,", ", le général X,": a title (with its article) before the name
    if start <= verb.sent.start or doc[start - 1].text != ",":
        return
    # a person the call has not found yet only when the phrase set off is a post's apposition ("l'émir du
    # Qatar, cheikh X, a téléphoné à Y", the parser lost in "Dans le Golfe, l'émir …")
    opening = _past_fronted_adverbial(doc[verb.sent.start: start - 1])
    subject_phrase = _opening_noun_phrase(opening)  # "Le conseiller du président
    if person.key in m.persons or _phrase_start(person.span) < start - 1 or subject_phrase:  # nigérian, X, …"
        m.callers.append(person.key)
        m.persons = [person.key, *(k for k in m.persons if k != person.key)]


APPOSITION_WORDS = 10  # ", le secrétaire d'Etat américain,": a post phrase set off after a name


def _name_before_apposition(doc: Doc, m: Mention, comma: int) -> None:
    """"Jeudi, X, le secrétaire d'Etat, a téléphoné à Y": a name set off before a post phrase that is
    set off in turn right before the call verb's auxiliaries is the subject, the post its apposition,
    whatever the parser made of the verb (often a conjunct of the name).  Only a party already found."""
    sent_start = m.sent.start
    opening = next((x.i for x in reversed(doc[max(sent_start, comma - APPOSITION_WORDS): comma])
                    if x.text == ","), None)
    if opening is None or not _opening_noun_phrase(doc[opening + 1: comma]):
        return
    person = next((p for p in people_within(doc, sent_start, opening) if p.span.end == opening), None)
    if person is not None and person.key in m.persons and (
            person.span.start == sent_start or doc[person.span.start - 1].text == ","):
        m.callers.append(person.key)
        m.persons = [person.key, *(k for k in m.persons if k != person.key)]


PARTICIPLE_CLAUSE_WORDS = 10  # ", arrivé la veille à Washington,": a participle clause set off after a name


def _before_participle_clause(doc: Doc, comma: int) -> int:
    """The comma that opens a participle or relative clause set off before the one at ``comma`` (", X, attendu à
    Kigali cette semaine, a échangé …", "X, qui se trouvait à Bruxelles, a téléphoné"), or ``comma`` itself when
    what precedes it is no such clause."""
    sent_start = doc[comma].sent.start
    opening = next((x.i for x in reversed(doc[max(sent_start, comma - PARTICIPLE_CLAUSE_WORDS): comma])
                    if x.text == ","), None)
    if opening is None or opening + 1 >= comma:
        return comma
    first = doc[opening + 1]
    clause = doc[opening + 1: comma]
    participle = "Part" in first.morph.get("VerbForm") and first.pos_ in ("VERB", "AUX", "ADJ")
    finite = any("Fin" in x.morph.get("VerbForm") for x in clause)
    relative = fold(first.text) in ("qui", "dont")  # ", qui se trouvait à Bruxelles,"
    return opening if participle and not finite or relative else comma


POST_PHRASE_WORDS = 8  # "le ministre des Affaires étrangères et de la Coopération"


def _subject_after_a_clause(doc: Doc, m: Mention, i: int) -> None:
    """A party of the call named right before the verb's auxiliaries at ``i``, after a post phrase that
    opens the sentence or follows a comma, is the verb's subject, whatever the parser made of a fronted
    clause ("Pour préparer cet entretien, le ministre des Affaires étrangères X a téléphoné à Y")."""
    person = next((p for p in people_within(doc, m.sent.start, i) if p.span.end == i), None)
    if person is None or person.key not in m.persons and m.persons:
        return  # a call that has found no party at all takes the name too ("Mette" read as a verb)
    comma = next((x.i for x in reversed(doc[m.sent.start:person.span.start]) if x.text == ","), m.sent.start - 1)
    phrase = doc[comma + 1:person.span.start]  # the post before the name ("le ministre des Affaires étrangères")
    if len(phrase) <= POST_PHRASE_WORDS and all(x.pos_ in ("DET", "NOUN", "ADJ", "ADP", "PROPN") for x in phrase):
        m.callers.append(person.key)
        m.persons = [person.key, *(k for k in m.persons if k != person.key)]


def _second_subject(span: Span) -> bool:
    """A "subject" after its verb when the verb has a subject before it already ("J'ai eu ce matin le
    président X au téléphone"): the parser's second subject is the object."""
    node = subject_node(span) or span.root
    verb = node.head
    return node.i > verb.i and any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children)


def _subject_of(span: Span, m: Mention) -> bool:
    """The person is the subject of the trigger through another word of the name than the one the
    parser hangs on the verb ("Le président français Emmanuel | Macron a appelé": "Emmanuel" in
    apposition to the subject, "Macron" an adverb of the verb)."""
    subject = subject_node(span)
    if subject is None:
        return False
    anchors = _anchors(m.trigger)  # or the subject of its auxiliary ("X a quant à lui appelé Y")
    return subject.head in anchors or subject.head.dep_.startswith("aux") and subject.head.head in anchors


INCISE_REACH = 6  # words of an incise between an auxiliary and its participle ("a, de son côté, appelé")


def _auxiliary_before(verb: Token) -> Token | None:
    """The auxiliary a past participle is told with past an incise the parser made the clause's head
    of ("X a de son côté appelé Y": "appelé" hung on "côté", "X" on "a"): no other verb between."""
    if not (verb.pos_ == "VERB" and "Part" in verb.morph.get("VerbForm") or fold(verb.text) in _participles()):
        return None  # a participle, or a call verb's one the tagger made a noun ("téléphoné")
    for x in reversed(verb.doc[max(verb.sent.start, verb.i - INCISE_REACH): verb.i]):
        if fold(x.lemma_) in ("avoir", "etre") and "Fin" in x.morph.get("VerbForm"):
            return x
        if x.pos_ in ("VERB", "AUX", "PROPN") or x.text in (";", ":"):
            return None
    return None


#: Sentences back where "Ils se sont parlé" finds the pair it stands for.
PAIR_REACH = 2


def _plural_pronoun_pair(doc: Doc, mentions: list[Mention], *, verbs_only: bool = False) -> None:
    """"A et B se sont entretenus mardi. … Ils s'étaient déjà parlé la veille": a plural subject
    (a pronoun, or "les deux dirigeants") of a reciprocal call verb, or "leur" before a call noun
    ("Leur dernier échange téléphonique remontait à janvier"), stands for the two people of the
    latest call mention in the sentences just before, when it names exactly two.  When "leur" has
    its owners in its own sentence ("A et B ne se sont plus parlé depuis leur conversation de
    septembre"), they are left to the sentence's own reading; a reciprocal verb keeps the pair when
    the only people of its sentence are of that pair.  ``verbs_only``: the reciprocal verbs alone."""
    for n, m in enumerate(mentions):
        verb = m.trigger[0]
        their = _their_call(verb) and not verbs_only
        if not (their or _reciprocal_plural(verb)) or m.persons and not _reciprocal_plural(verb):
            continue
        if their and len(people_within(doc, verb.sent.start, verb.i)) >= 2:
            continue
        start, pair = _latest_pair_before(doc, mentions[:n], verb.sent)
        if pair is None and not any(start <= p.trigger[0].i < verb.sent.start for p in mentions[:n]):
            pair = _pair_told_since(doc, mentions[:n], verb) or _only_two_named(doc, start, verb.sent.start)
        if pair is not None and len(pair) == 2 and set(m.persons) <= set(pair):
            m.persons = list(pair)  # one of them named again in the sentence ("peu après la nomination de A")
            if m.pair and m.pair_subject and _reciprocal_plural(verb):  # "Les deux ministres ne s'étaient plus
                m.pair_subject = False  # parlé": the pair noun is these two, with no third party


def _latest_pair_before(doc: Doc, before: list[Mention], sent: Span) -> tuple[int, list[str] | None]:
    """Where the :data:`PAIR_REACH` sentences before ``sent`` start, and the people of the latest call
    told there that names two or more (None when none does)."""
    start = sent.start
    for _ in range(PAIR_REACH):
        start = doc[max(start - 1, 0)].sent.start
    return start, next((p.persons for p in reversed(before) if start <= p.trigger[0].i < sent.start
                        and len(p.persons) >= 2), None)


def _their_call_pair(doc: Doc, mentions: list[Mention]) -> None:
    """"A et B ont tenu mercredi une visioconférence. Il s'agit de leur premier entretien depuis
    l'entrée en fonctions de B, nommé dans le gouvernement de C": "leur" + call noun refers back to
    the pair of the latest call just before; people its sentence names after it, but not as its
    partner ("leur entretien avec X") nor as its owners before it, are another act's (C named in an
    aside) and give way to that pair when it includes every one of them but one at most."""
    for n, m in enumerate(mentions):
        noun = m.trigger[0]
        if not m.persons or not m.referring or not _their_call(noun) or _partner_named(doc, noun) \
                or len(people_within(doc, noun.sent.start, noun.i)) >= 2:
            continue
        pair = _latest_pair_before(doc, mentions[:n], noun.sent)[1]
        if pair is not None and len(pair) == 2 and set(m.persons) != set(pair) \
                and len(set(m.persons) - set(pair)) <= 1:
            m.persons, m.callers = list(pair), []


def _partner_named(doc: Doc, noun: Token) -> bool:
    """The call noun names its partner in a complement of its own ("leur entretien avec X", "l'appel
    entre A et B")."""
    return any(any(fold(x.text) in ("avec", "entre") for x in c.children if x.dep_ == "case")
               and people_within(doc, c.left_edge.i, c.right_edge.i + 1)
               for c in noun.children if c.dep_.startswith(("nmod", "obl")))


def _pair_told_since(doc: Doc, before: list[Mention], verb: Token) -> list[str] | None:
    """The two people of the latest earlier call, further back than the usual reach, when it names two
    and nobody else has been named since ("A a appelé B … [two sentences on them] … Leur dernier échange
    datait de mai")."""
    last = before[-1] if before else None
    if last is None or len(last.persons) != 2:
        return None  # the latest call is not between two named people: "leur" is not known
    since = {p.key for p in people_within(doc, last.sent.start, verb.sent.start)}
    return list(last.persons) if since <= set(last.persons) else None


def _only_two_named(doc: Doc, start: int, end: int) -> list[str] | None:
    """The two people named between ``start`` and ``end`` when there are exactly two (a meeting of A
    and B told just before "Ils s'étaient parlé au téléphone"), else None: with a third one named, the
    pair is not known.  Only asked when no call is told in that window (a call there decides)."""
    keys = list(dict.fromkeys(p.key for p in people_within(doc, start, end)))
    return keys if len(keys) == 2 else None


def _reciprocal_plural(verb: Token) -> bool:
    """"Ils se sont parlé", "Les deux ministres s'étaient entretenus": a plural subject of a
    reflexive call verb ("ils ont appelé Y" is not each other)."""
    if verb.pos_ in ("NOUN", "PROPN") or not _reflexive(verb):
        return False
    pair = any(c.dep_ in SUBJECT_DEPS and fold(c.text) in _words("pair_nouns")
               and any(fold(x.text) == "deux" for x in c.children) for c in verb.children)
    return pair or _subject_pronoun(verb, "plural_subject_pronouns") is not None


def _their_call(noun: Token) -> bool:
    """"leur dernier échange", "leurs entretiens": a call noun owned by a plural possessive."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(fold(c.text) in _words("plural_possessives") for c in noun.children if c.dep_ in ("det", "nmod:poss")):
        return True
    before = next((x for x in reversed(noun.doc[noun.sent.start: noun.i]) if x.pos_ != "ADJ"), None)
    return before is not None and fold(before.text) in _words("plural_possessives")  # "leur précédent échange"


def _possessive_anchor_owner(doc: Doc, mentions: list[Mention]) -> None:
    """"Y s'est entretenu avec Z, deux jours après son appel avec X": "son" is the caller of the
    sentence's other call; that earlier call is theirs too."""
    mentions_of = _in_sentence(mentions)
    for s in doc.spans.get("dates", []):
        here = mentions_of(s[0])
        noun = _call_noun_after(s, here) if _anchor_relative(s) else None
        owner = next((m for m in here if m is not noun and len(m.callers) == 1), None)
        if noun is None or owner is None or not any(
                fold(c.text) in _words("possessives") for c in noun.trigger[0].children if c.dep_ == "det"):
            continue
        if owner.callers[0] not in noun.persons:
            noun.persons.insert(0, owner.callers[0])


def _anchor_phrase_people(doc: Doc, mentions: list[Mention]) -> None:
    """"(Deux jours) après son appel avec X": the people of that phrase, up to its comma, are the
    earlier call's, not the sentence's other call's, wherever the parser hangs them ("Y s'est
    entretenu jeudi avec Z, deux jours après son appel avec X").  When the phrase is fronted
    ("Trois jours après son appel avec M. X, M. Y s'est entretenu avec Z"), the parser often runs Y
    into it in apposition to X; a person between its comma and the next call verb is that verb's
    subject."""
    mentions_of = _in_sentence(mentions)
    for s in doc.spans.get("dates", []):
        here = mentions_of(s[0])
        noun = _call_noun_after(s, here) if _anchor_relative(s) else None
        if noun is None:
            continue
        comma = next((t.i for t in doc[noun.trigger[0].i: s.sent.end] if t.text in (",", ";")), s.sent.end)
        others = [m for m in here if m is not noun]
        for p in people_within(doc, noun.trigger[0].i + 1, comma):
            for m in others:
                if p.key in m.persons:
                    m.persons.remove(p.key)
                    m.callers = [k for k in m.callers if k != p.key]
            if p.key not in noun.persons:
                noun.persons.append(p.key)
        verb = next((m for m in others if m.trigger[0].i > comma), None)
        if s.start != s.sent.start or verb is None or verb.callers:
            continue
        for p in people_within(doc, comma + 1, verb.trigger[0].i):
            if p.key in noun.persons and p.key not in verb.persons:
                noun.persons.remove(p.key)
                verb.persons.insert(0, p.key)
                verb.callers.append(p.key)


def _relative_clause_subject(doc: Doc, m: Mention) -> None:
    """"X, qui s'était entretenu avec Y": X is the caller; so is X of "C'est X qui a pris l'initiative
    d'un appel à Y" or "C'est X qui avait sollicité cet échange" (the relative clause of the cleft is
    the verb the call noun depends on)."""
    verb = _initiative_taker(m.trigger[0]) or _requested(m.trigger[0]) or m.trigger[0]
    if verb is m.trigger[0] and verb.dep_ in ("advcl", "xcomp") and "Inf" in verb.morph.get("VerbForm"):
        verb = verb.head  # "C'est X qui a pris son téléphone pour appeler Y": the infinitive's subject
    if (verb.dep_ != "acl:relcl" or not any(fold(c.text) == "qui" for c in verb.children)) and not _cleft_focus(verb):
        return
    antecedent = verb.head
    for p in doc._.people or []:
        near = p.span.start <= antecedent.i < p.span.end or p.span.root.head == antecedent or (
            antecedent.head == p.span.root)
        near = near and p.span.start < verb.i  # the antecedent comes before its relative, not a name the
        # parser glued to it after the verb ("C'est X qui a appelé mardi Y": "Y" hung on "X")
        if near and p.key not in m.persons:
            m.persons.insert(0, p.key)
        if near and p.key not in m.callers:  # a party found by another path is the caller all the same
            m.callers.append(p.key)


def _reporting_head(trigger: Token) -> Token | None:
    """The reporting verb whose infinitive complement the trigger is ("dit s'être entretenu",
    "affirme avoir appelé", "a confié avoir téléphoné"), or None."""
    verb = trigger
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("obj", "conj", "nmod", "appos"):
        head, dated = verb.head, False
        while head.i != head.head.i and dated_tokens(head.doc, head.i, head.i + 1):
            head, dated = head.head, True  # "avoir eu jeudi un entretien": the parser hangs the noun on the day
        if fold(head.lemma_) in _words("light_verbs") and (verb.dep_ == "obj" or dated) and head.i < verb.i:
            verb = head  # "affirme avoir eu une conversation avec Y": the light verb's infinitive
    if verb.dep_ == "obj" and verb.head.pos_ == "AUX" and "Inf" in verb.head.morph.get("VerbForm"):
        verb = verb.head  # "indique avoir téléphoné", the participle parsed as the object of "avoir"
    infinitive = "Inf" in verb.morph.get("VerbForm") or any(
        "Inf" in c.morph.get("VerbForm") for c in verb.children if c.dep_.startswith("aux"))
    bare = verb.dep_ == "advcl" and not any(c.dep_ in ("mark", "case") and c.pos_ in ("ADP", "SCONJ")
                                            for c in verb.children)
    if verb.dep_ not in ("xcomp", "ccomp") and not bare or not reporting_verb(verb.head):
        # an adverbial infinitive with no "pour" or "après" is the parser's xcomp; a perfect infinitive
        # the parser hung elsewhere ("a affirmé dimanche sur son réseau avoir eu …") is read by surface
        return _reporting_verb_before(verb) if infinitive and verb.pos_ in ("VERB", "AUX") else None
    return verb.head if infinitive else None


def _reporting_verb_before(verb: Token) -> Token | None:
    """The reporting verb of a perfect infinitive by surface: the nearest verb before it in its
    sentence, when that is a reporting verb and no clause mark or other verb comes between."""
    aux = min((c.i for c in verb.children if c.dep_.startswith("aux")), default=verb.i)
    for x in reversed(verb.doc[verb.sent.start:aux]):
        if x.text in (";", ":", "«", "»") or fold(x.text) in _words("relative_pronouns") | {"que", "qu'"}:
            return None
        if x.pos_ == "VERB":
            return x if reporting_verb(x) else None
    return None


def _reported_perfect(trigger: Token) -> Token | None:
    """The reporting verb of a call told in a perfect infinitive ("a indiqué s'être entretenu", "dit
    avoir appelé", "a annoncé avoir reçu un appel"), not a present one ("dit s'entretenir souvent avec Y": a habit)."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "obj" and fold(trigger.head.lemma_) in _words(
            "light_verbs"):
        trigger = trigger.head  # "a annoncé avoir reçu un appel de Y": the light verb's infinitive
    head = _reporting_head(trigger)
    perfect = any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in trigger.children) \
        or trigger.dep_ == "obj" and trigger.head.pos_ == "AUX"
    return head if perfect else None


def _reported_subject(doc: Doc, m: Mention) -> None:
    """"X dit s'être entretenu avec Y", "X affirme avoir appelé Y": the infinitive's subject is the
    reporting verb's; so is that of an infinitive a call noun frames ("X a indiqué avoir évoqué avec Y,
    lors d'un appel, …")."""
    head = _reporting_head(m.trigger[0])
    if head is None and m.frame and (frame := _frame_verb(m.trigger[0])) is not None \
            and not any(c.dep_ in SUBJECT_DEPS for c in frame.children):
        head = _reporting_head(frame)
    if head is None:
        return
    for p in people_within(doc, head.sent.start, head.i):
        subject = subject_node(p.span)
        if subject is not None and subject.head == head and p.key not in m.callers:
            m.persons = [p.key, *(k for k in m.persons if k != p.key)]
            m.callers.append(p.key)


def _pronoun_subject(doc: Doc, m: Mention) -> None:
    """"Deux jours plus tard, il s'est entretenu avec Y", "il avait eu un entretien téléphonique avec
    Y" (the subject of the light verb), "il a confié s'être entretenu avec Y" (of the reporting verb):
    the pronoun is the person last named as a subject, in this sentence or the two before."""
    if m.callers:
        return
    pronoun = _subject_pronoun(m.trigger[0])
    if pronoun is None and (head := _reporting_head(m.trigger[0])) is not None:
        pronoun = _subject_pronoun(head)  # "Il a confié s'être entretenu avec Y"
    if pronoun is None and (m.trigger[0].dep_ == "xcomp" or m.trigger[0].dep_ == "advcl" and "Inf" in (
            m.trigger[0].morph.get("VerbForm"))):  # "Elle a pu s'entretenir avec Y": the modal's subject;
        pronoun = _subject_pronoun(m.trigger[0].head)  # "il a reçu X, avant de s'entretenir avec Y": the main verb's
    if pronoun is None and _fronted_participle(m.trigger[0]):  # "Joint au téléphone par Y, il a évoqué …":
        pronoun = _subject_pronoun(m.trigger[0].head)  # the main clause's subject is the one joined
    if pronoun is None and m.trigger[0].pos_ in ("NOUN", "PROPN"):  # "il avait eu un entretien téléphonique"
        pronoun = next((p for a in _anchors(m.trigger) if a not in m.trigger and a.pos_ in ("VERB", "AUX")
                        for p in [_subject_pronoun(a)] if p is not None), None)
    if pronoun is None:
        verbal = m.trigger[0].pos_ in ("VERB", "AUX") or _participle(m.trigger[0]) is not None
        stand_in = demonstrative_subject(doc, m.sent) if verbal else None
        if stand_in is not None and stand_in.key not in m.persons:  # "Ce dernier a ensuite appelé Y"
            m.persons.insert(0, stand_in.key)
            m.callers.append(stand_in.key)
            return
        _first_person_subject(doc, m)
        return
    start = _pronoun_window(doc, m.sent)
    subjects = _subjects_before(doc, start, pronoun.i) or _sole_person_before(doc, m.sent)
    role = _role_noun_subject_of(doc[m.sent.start - 1].sent) if m.sent.start > 0 else []
    if role and not [p for p in subjects if p.span.start >= m.sent.start]:
        # "Lundi, le ministre … a reçu son homologue, Y. Mardi, il s'est entretenu avec Z": the sentence
        # before has a role noun as its subject, so a person the parser also calls a subject there is not it
        m.caller_offices += role
        m.offices += [o for o in role if o not in m.offices]
    elif subjects and subjects[-1].key not in m.persons:
        m.persons.insert(0, subjects[-1].key)
        m.callers.append(subjects[-1].key)


def _fronted_participle(t: Token) -> bool:
    """The trigger heads a participle clause set off before its main verb ("Joint au téléphone par Y dans
    la soirée, il a …"): an adverbial clause whose head comes after it, past a comma."""
    head = t.head
    return t.dep_ == "advcl" and head.i > t.i and head.pos_ in ("VERB", "AUX") \
        and any(x.text == "," for x in t.doc[t.right_edge.i + 1: head.i])


def _listed_subject(span: Span, m: Mention) -> bool:
    """The post is an item of a subject list right before the call's verb ("Le président français, la
    présidente du Conseil italien et le chancelier allemand ont tenu … une visioconférence"), read on
    the surface: the parser often hangs the first items of such a list anywhere.  The list is posts
    and names joined by commas and one "et"; the verb group after it (auxiliaries, a reflexive
    clitic, adverbs) leads to the call's trigger or its light verb."""
    doc, sent = span.doc, m.sent
    items = [(p.span.start, p.span.end) for p in find_posts(doc) if p.span.sent == sent]
    items += [(p.span.start, p.span.end) for p in doc._.people or [] if p.span.sent == sent]
    covered = {i for a, b in items for i in range(a, b)}

    def joining(x: Token) -> bool:
        return x.i in covered or x.text == "," or x.pos_ == "DET" or fold(x.text) == "et"

    start, end = span.start, span.end
    while start > sent.start and joining(doc[start - 1]):
        start -= 1
    while end < sent.end and joining(doc[end]):
        end += 1
    run = doc[start:end]
    if sum(fold(x.text) == "et" for x in run) != 1 or not any(x.text == "," or fold(x.text) == "et" for x in run):
        return False
    verb = next((x for x in doc[end: sent.end] if x.pos_ not in ("AUX", "ADV") and fold(x.text) not in ("se", "s'")),
                None)
    return verb is not None and doc[end].pos_ in ("AUX", "VERB", "PRON") and (
        verb in _anchors(m.trigger) or verb in m.trigger)


DEMONSTRATIVES = (("ce", "dernier"), ("cette", "derniere"), ("celui-ci",), ("celle-ci",))
DEMONSTRATIVE_REACH = 6  # words between "ce dernier" and the call's trigger ("ce dernier a reçu un appel")


def _demonstrative_party(doc: Doc, m: Mention) -> None:
    """"X a parlé avec Y, deux jours après que ce dernier a reçu un appel de Z", "au lendemain d'un appel
    de ce dernier avec Z": "ce dernier" next to a call with one party named is the person named last
    before it, the call's other party."""
    if len(m.persons) != 1:
        return
    at = m.trigger[0].i
    lo, hi = max(m.sent.start, at - DEMONSTRATIVE_REACH), min(m.sent.end, at + 4)
    words = [fold(t.text) for t in doc[lo:hi]]
    for k in range(len(words)):
        form = next((d for d in DEMONSTRATIVES if tuple(words[k:k + len(d)]) == d), None)
        if form is None:
            continue
        named = [p for p in people_within(doc, m.sent.start, lo + k) if p.span.end <= lo + k]
        if named and named[-1].key not in m.persons:
            m.persons.append(named[-1].key)
        return


def _topic_phrase(span: Span) -> bool:
    """"C'est au tour du président français, X, de décrocher son téléphone : il …", "Quant au chef
    d'état-major, le général X, il …": the person whose turn it is, or set up as the topic, acts in
    what follows, as a subject would."""
    doc, anchor = span.doc, _phrase_start(span)
    before = folded(doc[max(span.sent.start, anchor - 3): anchor])
    return re.search(r"(?:(?<![\w'])au tour (?:de|du|d')|^quant (?:a|au|aux))$", before) is not None


PRONOUN_REACH = 2  # sentences back where a subject pronoun finds its person
PRONOUN_CHAIN = 6  # sentences back at most, through sentences whose subject is itself a pronoun


def _pronoun_window(doc: Doc, sent: Span) -> int:
    """Where the person a subject pronoun stands for is looked for: the two sentences before, and
    further back through sentences whose own subject is a pronoun with no person as subject (a topic
    the text keeps: "X est … . Formé en Russie, il a … . Ces derniers mois, il a … . Mardi, il s'est
    entretenu avec Y"); paragraph breaks kept as sentences of their own do not count."""
    reach, start = PRONOUN_REACH, sent.start
    for _ in range(PRONOUN_CHAIN):
        if start == 0 or reach == 0:
            break
        prev = doc[start - 1].sent
        start = prev.start
        if not prev.text.strip():
            continue
        if not (pronoun_led(prev) and not any(_is_subject(p.span) for p in people_within(doc, prev.start, prev.end))):
            reach -= 1
    return start


def _role_noun_subject_of(sent: Span) -> list[str]:
    """The offices of a sentence's subject when it is a role noun with a post and no name ("Le
    ministre de l'Europe et des Affaires étrangères a reçu …"): what a pronoun opening the next
    sentence stands for when no person was named as a subject.  Its holder is then the article's
    (:func:`~kg.extract.callgroups.find_calls` matches posts with people)."""
    doc = sent.doc
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN"), None)
    if subject is None or "Plur" in subject.morph.get("Number") \
            or people_within(doc, subject.left_edge.i, subject.right_edge.i + 1):
        return []
    post = next((p for p in posts_within(doc, subject.left_edge.i, subject.right_edge.i + 1)
                 if p.span.start <= subject.i < p.span.end), None)
    return post.offices(with_default=True) if post is not None else []


def _first_person_subject(doc: Doc, m: Mention) -> None:
    """"« J'ai eu un bon échange téléphonique avec mon homologue Y … », a écrit X sur X": a call
    told in the first person inside a quote is the quote's speaker's (see :func:`_quote_speaker`),
    and so is a call noun that opens a verbless sentence of the quote, as posts are written
    ("« Excellent échange téléphonique avec Y », a écrit X"), when it names one other party at most
    (not "« Entretien entre A et B », a indiqué le porte-parole")."""
    verb = m.trigger[0]
    verbless = verb.pos_ in ("NOUN", "PROPN") and _opens_quote(verb) and len(m.persons) <= 1 and not m.sides
    if verb.pos_ in ("NOUN", "PROPN"):  # "J'ai eu un entretien téléphonique": the light verb's subject
        verb = next((a for a in _anchors(m.trigger) if a not in m.trigger and a.pos_ in ("VERB", "AUX")
                     and _subject_pronoun(a, "first_person_pronouns") is not None), verb)
    pronoun = _subject_pronoun(verb, "first_person_pronouns")
    if pronoun is None and not m.persons and _we_spoke(doc, m):
        return
    at = pronoun.i if pronoun is not None else verb.i if verbless else None
    speaker, m.incise = _quote_speaker(doc, at) if at is not None else (None, None)
    if speaker is None and pronoun is not None:
        speaker = _interview_answer(pronoun)
    if speaker is not None and speaker.key not in m.callers:
        m.persons = [speaker.key, *(k for k in m.persons if k != speaker.key)]
        m.callers.append(speaker.key)
        if verbless:
            m.persons += [k for k in _with_whom(m.trigger[-1]) if k not in m.persons]


def _placed_by(doc: Doc, m: Mention) -> None:
    """"L'appel passé jeudi par X à son homologue suédois Y a porté sur …", "le coup de fil donné mardi par X
    au président Y": a call noun with the participle of its placing phrase right after it names its caller
    in the "par" phrase and the one called in the "à" phrase, read up to the clause's verb (the parser
    often takes the participle for the sentence's verb and the noun for its subject)."""
    participle = _placing_participle(m)
    if m.callers or participle is None:
        return
    end = next((x.i for x in doc[participle.i + 1: m.sent.end] if x.pos_ == "AUX" or x.text in (";", ":", ".")),
               m.sent.end)
    by = next((x.i for x in doc[participle.i + 1: end] if fold(x.text) == "par"), None)
    to = next((x.i for x in doc[participle.i + 1: end] if fold(x.text) in ("a", "au", "aux")), None)
    if by is None or to is None:
        return
    caller = next(iter(people_within(doc, by + 1, to if to > by else end)), None)
    called = next(iter(people_within(doc, to + 1, by if by > to else end)), None)
    if caller is None or called is None or caller.key == called.key:
        return
    if not m.persons:
        m.persons = [caller.key, called.key]
    if caller.key in m.persons and called.key in m.persons:
        m.callers = [caller.key]


def _placing_participle(m: Mention) -> Token | None:
    """The participle of a call noun's placing phrase right after it, past adjectives ("l'appel
    téléphonique passé par X", "le coup de fil donné par X")."""
    noun = m.trigger[-1]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    subtree = {x.i for x in noun.subtree}  # past the noun's adjectives and "de fil", "de téléphone"
    after = next((x for x in noun.doc[noun.i + 1: m.sent.end] if x.pos_ in ("VERB", "AUX") or x.i not in subtree), None)
    if after is None or f"{fold(after.lemma_)} {fold(m.trigger[0].lemma_)}" not in _words("placing_phrases"):
        return None
    return after


def _we_spoke(doc: Doc, m: Mention) -> bool:
    """"« Nous nous sommes parlé hier soir, et le président Y m'a assuré … », a déclaré X": a reciprocal
    call verb whose subject is "nous" inside a quote joins the quote's speaker and the one other person
    the quote names; with none or several others named, nobody."""
    verb = m.trigger[0]
    bounds = _quote_bounds(doc, verb.i) if _we_reciprocal(verb) else None
    speaker, incise = _quote_speaker(doc, verb.i) if bounds is not None else (None, None)
    if bounds is None or speaker is None:
        return False
    others = {p.key for p in people_within(doc, bounds[0] + 1, bounds[1])} - {speaker.key}
    m.persons, m.incise = [speaker.key, *(others if len(others) == 1 else ())], incise
    return True


def _we_reciprocal(verb: Token) -> bool:
    """"Nous nous sommes parlé": a reflexive call verb whose subject is "nous" (see :func:`_reciprocal_plural`
    for the third person)."""
    return verb.pos_ in ("VERB", "AUX") and _reflexive(verb) \
        and _subject_pronoun(verb, "first_person_plural") is not None


def _speaker_called(doc: Doc, m: Mention) -> None:
    """"« Le président X m'a téléphoné ce matin », a déclaré Y": the first-person object clitic of a
    calling verb inside a quote ("m'a appelé", "m'a longuement téléphoné") is the quote's speaker, the
    party called."""
    verb = m.trigger[0]
    if (_participle(verb) or fold(verb.lemma_)) not in (*CALLING_LEMMAS, "rappeler", "telephoner"):
        return  # "m'a téléphoné" tagged as a noun is still the verb
    first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux"))])
    if first == 0 or fold(doc[first - 1].text) not in _words("first_person_objects"):
        return
    speaker, incise = _quote_speaker(doc, first - 1)
    if speaker is None or speaker.key in m.persons:
        return
    m.persons.append(speaker.key)
    m.incise = m.incise or incise  # "hier soir" counts from the day the speaker spoke
    subject = next((p for p in doc._.people or [] if p.span.end == first - 1), None)  # "X m'a téléphoné"
    if not m.callers and subject is not None and subject.key != speaker.key:
        m.persons = [subject.key, *(k for k in m.persons if k != subject.key)]
        m.callers.append(subject.key)


def _interview_answer(t: Token) -> PersonMention | None:
    """"— J'ai parlé hier avec mon homologue allemand": in an interview, a first person outside any
    quote, on a line that is no question, is the interviewee (see :func:`coref.interviewee`)."""
    doc = t.doc
    start, end = doc.text.rfind("\n", 0, t.idx) + 1, doc.text.find("\n", t.idx)
    line = doc.text[start: end if end >= 0 else len(doc.text)].strip()
    if line.endswith("?") or _quote_bounds(doc, t.i) is not None:
        return None
    return interviewee(doc)


WITH_REACH = 3  # "conversation téléphonique très cordiale avec": words between the noun and "avec"
WITH_PHRASE = 12  # "avec mon homologue belge, le ministre des Affaires étrangères Y"


def _with_whom(t: Token) -> list[str]:
    """The person of the "avec" phrase right after a verbless quoted call noun, by surface (the
    parser hangs it on the reporting verb around the quote): up to the next punctuation."""
    doc = t.doc
    avec = next((x.i for x in doc[t.i + 1: min(t.sent.end, t.i + 1 + WITH_REACH)] if fold(x.text) == "avec"), None)
    if avec is None:
        return []
    end = next((x.i for x in doc[avec + 1: min(t.sent.end, avec + 1 + WITH_PHRASE)] if x.is_punct and x.text != "-"),
               min(t.sent.end, avec + 1 + WITH_PHRASE))
    found = people_within(doc, avec + 1, end)
    return [found[0].key] if found else []


QUOTE_OPENING_WORDS = 3  # "« Très bonne conversation téléphonique avec Y »": the noun's words before it


def _opens_quote(t: Token) -> bool:
    """The noun opens a quote or a sentence of it, with at most a few adjectives or determiners
    before it and no verb: a verbless post ("« Bon appel avec mon homologue Y »")."""
    doc = t.doc
    start = max(t.sent.start, t.i - QUOTE_OPENING_WORDS)
    opening = next((x.i for x in reversed(doc[start: t.i]) if x.text in _vocab()["opening_quotes"]), None)
    first = opening + 1 if opening is not None else t.sent.start
    if opening is None and (t.dep_ != "ROOT" or _quote_bounds(doc, t.i) is None):
        return False
    return t.i - first <= QUOTE_OPENING_WORDS and all(x.pos_ not in ("VERB", "AUX", "PRON") for x in doc[first: t.i])


#: A quote runs over a few sentences at most; its speaker's name comes a few words after the closing
#: quote (", a écrit mardi le ministre ukrainien des Affaires étrangères, X") past its reporting verb.
QUOTE_REACH = 150
SPEAKER_REACH = 20
INCISE_VERB_REACH = 4


def _quote_bounds(doc: Doc, i: int) -> tuple[int, int] | None:
    """The token indices of the opening and closing quotation marks around token ``i``."""
    marks = _vocab()
    opening = next((t.i for t in reversed(doc[max(0, i - QUOTE_REACH): i])
                    if t.text in marks["opening_quotes"] or t.text in marks["closing_quotes"]), None)
    closing = next((t.i for t in doc[i: i + QUOTE_REACH]
                    if t.text in marks["closing_quotes"] or t.text in marks["opening_quotes"]), None)
    if opening is None or closing is None:
        return None
    if doc[opening].text not in marks["opening_quotes"] or doc[closing].text not in marks["closing_quotes"]:
        return None
    return opening, closing


def _quote_speaker(doc: Doc, i: int) -> tuple[PersonMention | None, Token | None]:
    """The named speaker of the quote around token ``i``: the person right after the reporting verb
    of an incise that follows the closing mark ("», a écrit mardi X sur Telegram"), or else the
    subject of a reporting verb before the opening mark ("X a écrit sur X : « … »").  A speaker
    given by a pronoun ("», a-t-il écrit") or not at all gives nobody.  The incise's reporting verb
    comes along (its date is the post's)."""
    bounds = _quote_bounds(doc, i)
    if bounds is None:
        return None, None
    opening, closing = bounds
    verb = next((t for t in doc[closing + 1: closing + 1 + INCISE_VERB_REACH]
                 if t.pos_ in ("VERB", "AUX") and reporting_phrase(t)), None)
    if verb is not None:
        after = people_within(doc, verb.i + 1, min(verb.sent.end, verb.i + 1 + SPEAKER_REACH))
        return (after[0], verb) if after else (None, None)
    sent = doc[opening].sent
    before = [p for p in people_within(doc, sent.start, opening)
              if (node := subject_node(p.span)) is not None and reporting_phrase(node.head)]
    return (before[-1], None) if before else (None, None)


def _speaker_of_an_incise(p: PersonMention, subjects: list[PersonMention]) -> bool:
    """"X a annoncé …, a fait savoir le porte-parole, Y. Il a téléphoné …": the speaker Y of a
    reporting incise only vouches for the main clause, whose person subject X stays the topic that
    the next sentence's "il" continues; Y is skipped when such an X is in Y's sentence."""
    if not reported_speaker(p.span):
        return False
    sent = p.span.sent
    return any(q.span.sent == sent and q.span.start != p.span.start and not reported_speaker(q.span)
               for q in subjects)


def _emphatic(pronoun: Token) -> bool:
    """A pronoun set off by commas after a name ("X a, elle, eu …", "Y, lui, a appelé …"): it stresses
    that subject rather than standing for one."""
    doc = pronoun.doc
    commas = 0 < pronoun.i < len(doc) - 1 and doc[pronoun.i - 1].text == "," and doc[pronoun.i + 1].text == ","
    return commas and bool(people_within(doc, pronoun.sent.start, pronoun.i))


def _subject_pronoun(verb: Token, key: str = "subject_pronouns") -> Token | None:
    """"il"/"elle" (or the pronouns of another ``calls.json`` list, "je") as the trigger's subject: in
    the tree (the parser calls it ``expl:subj`` when it takes "téléphoné" for a noun), or by surface
    just before the verb, past auxiliaries, adverbs and clitics ("Il a ensuite téléphoné", "elle
    s'est longuement entretenue")."""
    pronouns = _words(key)
    found = next((c for c in verb.children
                  if c.dep_ in (*SUBJECT_DEPS, "expl:subj") and fold(c.text) in pronouns), None)
    if found is not None and _emphatic(found):
        return None  # "Kaja Kallas a, elle, eu un entretien": the pronoun stresses the subject named before it
    if found is not None:
        return found
    if _recent_past(verb):  # "Je viens de m'entretenir avec Y": the subject of "venir"
        return _subject_pronoun(verb.head, key)
    for x in reversed(verb.doc[verb.sent.start: _before_adverbials(verb)]):
        if fold(x.text) in pronouns:
            return x
        if fold(x.text) == "qui" and key == "subject_pronouns":
            return _cleft_pronoun(x)  # "C'est lui qui a téléphoné vendredi à Y"
        auxiliary = x.pos_ == "AUX" or fold(x.lemma_) in ("avoir", "etre")  # "Il a | par ailleurs eu": "a" as a verb
        adverb = x.pos_ == "ADV" or x.dep_ in ("advmod", "fixed")  # "Il a d'abord échangé": "d'" + "abord"
        if not (auxiliary or adverb or fold(x.text) in _words("clitics")):
            return None
    return None


def _recent_past(verb: Token) -> bool:
    """The infinitive of a recent past ("vient de s'entretenir", "viens de parler"): done, not planned."""
    return verb.dep_ == "xcomp" and fold(verb.head.lemma_) == "venir" and any(
        fold(c.text) in ("de", "d'") for c in verb.children if c.dep_ == "mark")


def _cleft_pronoun(relative: Token) -> Token | None:
    """The stressed pronoun of a cleft subject ("C'est lui qui a téléphoné", "c'était elle qui"): it
    stands, like "il"/"elle", for the person last named as a subject."""
    doc = relative.doc
    words = [fold(x.text) for x in doc[max(relative.sent.start, relative.i - 3): relative.i]]
    cleft = words[:2] in (["c'", "est"], ["c'", "etait"], ["ce", "fut"])
    if len(words) == 3 and cleft and words[2] in _words("cleft_pronouns"):
        return doc[relative.i - 1]
    return None


def _subjects_before(doc: Doc, start: int, end: int) -> list[PersonMention]:
    """The people named as subjects (or set up as topics) between ``start`` and ``end``, in text order,
    without the speakers of incises: where a pronoun looks for its person."""
    subjects = [p for p in people_within(doc, start, end)
                if _is_subject(p.span) or _topic_phrase(p.span) or _caseless_subject(p.span)
                or _set_off_subject(p.span)]
    return [p for p in subjects if not _speaker_of_an_incise(p, subjects)]


def _set_off_subject(span: Span) -> bool:
    """"La ministre déléguée auprès de la ministre des Armées, X, a représenté …": a name set off by commas
    right before a finite verb or its auxiliary, after a phrase that opens the sentence with an article and
    holds no verb or comma, is the subject's apposition, whatever noun of that phrase the parser hung it on."""
    doc = span.doc
    if span.start < 2 or span.end + 1 >= len(doc) or doc[span.start - 1].text != "," or doc[span.end].text != ",":
        return False
    after = doc[span.end + 1]
    return after.pos_ in ("AUX", "VERB") and "Fin" in after.morph.get("VerbForm") \
        and _opening_noun_phrase(doc[span.sent.start: span.start - 1])


def _past_fronted_adverbial(words: Span) -> Span:
    """``words`` past a fronted adverbial set off by a comma ("Quelques jours plus tôt, | le chef de
    l'armée …"): one with no verb and no person named in it; else ``words`` as they are."""
    comma = next((x.i for x in words if x.text == ","), None)
    if comma is None or any(x.pos_ in ("VERB", "AUX") for x in words.doc[words.start:comma]) \
            or people_within(words.doc, words.start, comma):
        return words
    return words.doc[comma + 1: words.end]


def _opening_noun_phrase(words: Span) -> bool:
    """The words opening a sentence before a name set off by commas are a subject's noun phrase ("Le
    conseiller du président nigérian", "La ministre déléguée auprès de la ministre des Armées"): an article
    first, then no finite verb, pronoun or punctuation."""
    return len(words) > 1 and words[0].pos_ == "DET" and not any(
        x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm") or x.pos_ == "PRON"
        or x.text in (",", ";", ":") for x in words)


def _time_clause_head(doc: Doc, m: Mention) -> Token | None:
    """The main verb of the infinitive clause of time ("avant de", "après avoir") the call verb opens
    ("X a adressé dimanche ses vœux …, avant de s'entretenir avec Z": "adressé"), or None."""
    verb = m.trigger[0]
    if verb.dep_ != "advcl" or "Inf" not in verb.morph.get("VerbForm") or verb.head.i >= verb.i:
        return None
    return verb.head if _of_time(doc, verb, m.sent.start, 4) else None


def _of_time(doc: Doc, verb: Token, start: int, reach: int) -> bool:
    """"avant de" or "après (avoir)" in the ``reach`` words before an infinitive: a clause of time."""
    return any(fold(x.text) in ("avant", "apres") for x in doc[max(start, verb.i - reach): verb.i])


def _main_clause_day(doc: Doc, m: Mention) -> DateValue | None:
    """The day of the main verb a call's infinitive clause of time hangs on: the same account's day."""
    head = _time_clause_head(doc, m)
    days = [s._.date for s in dates_within(doc, m.sent.start, m.sent.end)
            if head is not None and s.root.head == head and s._.date and not _anchor_relative(s)]
    return days[0] if len(days) == 1 else None


def _main_clause_subject(doc: Doc, m: Mention) -> None:
    """"X a adressé ses vœux au roi Y, avant de s'entretenir au téléphone avec Z": a call verb in an
    infinitive clause of time ("avant de", "après avoir") has the main verb's named subject as its
    caller, not the other people of the main clause."""
    head = _time_clause_head(doc, m)
    if m.callers or head is None:
        return
    subject = next((p for p in people_within(doc, m.sent.start, head.i)
                    if (node := subject_node(p.span)) is not None and node.head == head), None)
    if subject is not None and subject.key not in m.persons:
        m.persons.insert(0, subject.key)
        m.callers.append(subject.key)


CLEFT_OPENINGS = (("c'", "est"), ("c'", "etait"), ("ce", "fut"), ("c'", "a"))  # "c'a été"


def _cleft_frame(m: Mention) -> tuple[int, int] | None:
    """"C'est par un coup de fil à X que Y a entamé sa journée de jeudi", "C'est lors d'un appel avec X
    que Y a annoncé …": a call noun in the focus of an adverbial cleft, by surface (the parser often
    hangs the focus on the dateline).  The "que" that opens the clause and that clause's first verb,
    with no other verb between the cleft's opening and the "que"; None for any other noun."""
    t = m.trigger[0]
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    doc, sent = t.doc, m.sent
    words = [fold(x.text) for x in doc[sent.start:t.i]]
    opening = next((sent.start + i for i in range(len(words) - 1) if (words[i], words[i + 1]) in CLEFT_OPENINGS), None)
    if opening is None or any(x.pos_ == "VERB" for x in doc[opening + 2:t.i]):
        return None
    que = next((x for x in doc[t.i + 1:sent.end] if fold(x.text) in ("que", "qu'") or x.pos_ in ("VERB", "AUX")), None)
    if que is None or fold(que.text) not in ("que", "qu'"):
        return None
    verb = next((x for x in doc[que.i + 1:sent.end] if x.pos_ in ("VERB", "AUX")), None)
    return (que.i, verb.i) if verb is not None else None


def _cleft_frame_subject(doc: Doc, m: Mention) -> None:
    """The one person named between the "que" of a cleft framed by a call noun (:func:`_cleft_frame`)
    and its verb is that clause's subject and a party (see :func:`_cleft_placed` for who placed it)."""
    frame = _cleft_frame(m)
    if frame is None:
        return
    named = list(dict.fromkeys(p.key for p in people_within(doc, frame[0] + 1, frame[1])))
    if len(named) != 1:
        return
    if named[0] not in m.persons:
        m.persons.insert(0, named[0])
    if named[0] not in m.callers:
        m.callers.append(named[0])


def _cleft_placed(m: Mention) -> bool:
    """"C'est par un coup de fil au Premier ministre X que Y a …": a call noun addressed to someone
    ("à", "au") in the focus of a cleft was placed by the clause's subject."""
    frame = _cleft_frame(m)
    if frame is None:
        return False
    t = m.trigger[0]
    after = folded(t.doc[t.i + 1:min(frame[0], t.i + 5)])
    return re.match(r"(de fil |telephonique )?(a|au|aux|a la|a l') ", after + " ") is not None


def _sole_person_before(doc: Doc, sent: Span) -> list[PersonMention]:
    """"Dans un entretien accordé samedi au Figaro, la ministre X a estimé … Elle a indiqué …": when the
    parser found no subject, the one person the sentence before names, outside any prepositional
    phrase ("la décision de X" is not who acts), is whom a subject pronoun stands for."""
    prev = sentence_before(doc, sent)
    named = people_within(doc, prev.start, prev.end) if prev is not None else []
    if len({p.key for p in named}) != 1:
        return []
    return [] if any(c.dep_ == "case" for c in _phrase_noun(named[0].span).children) else named[:1]


def _phrase_noun(span: Span) -> Token:
    """The noun a name stands in apposition to or is joined to before it ("le roi de Jordanie, Abdallah
    II": "roi"), else the name's own root."""
    node = span.root
    while node.dep_ in ("appos", "flat:name", "conj") and node.head.i < node.i:
        node = node.head
    return node


def _caseless_subject(span: Span) -> bool:
    """"Rarement le président émirien, X, aura autant décroché son téléphone": a noun phrase before a
    verb that has no subject, hung on it as an oblique with no preposition, is the subject the parser
    lost (a fronted adverb misleads it); the person is that phrase, or in apposition to it."""
    node = _phrase_noun(span)  # "le roi de Jordanie, Abdallah II,": the person joined to the noun before it
    verb = node.head.head if node.head.pos_ == "ADV" else node.head  # or hung on the fronted adverb
    return (node.dep_.startswith("obl") or node.dep_ == "dep") and node.i < verb.i and verb.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ == "case" for c in node.children) and not dated_tokens(node.doc, node.i, node.i + 1) \
        and not any(c.dep_ in (*SUBJECT_DEPS, "expl:subj") for c in verb.children)


def _object_pronoun(doc: Doc, m: Mention) -> None:
    """"Le lendemain, c'est Y qui l'a appelé", "Y l'a joint mardi", "Y lui avait téléphoné mardi": an
    object pronoun of a calling verb (the dative one of "téléphoner") whose caller is named stands for
    the person last named as a subject in the sentences before (as a subject pronoun does), who is the
    other party."""
    verb = m.trigger[0]
    connecting = _connecting_verb(verb)
    participle = _participle(verb)  # "lui avait téléphoné", the participle tagged a noun
    lemma = participle or fold(verb.lemma_)
    if connecting is not None:  # "Un autre appel l'a mis en relation avec Y": the call noun is the subject
        verb = connecting
    elif (verb.pos_ not in ("VERB", "AUX") and participle is None) or m.callers != m.persons \
            or lemma not in (*CALLING_LEMMAS, "rappeler", "telephoner") or len(m.persons) != 1:
        return
    if len(m.persons) > 1:  # the other party of a connecting verb may be attached only later
        return
    if lemma == "telephoner":  # "X lui a téléphoné": the dative clitic before the verb group, in the tree or
        clitic = next((c for c in verb.children if fold(c.text) == "lui" and c.pos_ == "PRON"), None)
        i = verb.i - 1  # right before the auxiliaries, however the parser hung it
        while i > m.sent.start and (fold(doc[i].lemma_) in ("avoir", "etre") or doc[i].pos_ == "ADV"):
            i -= 1
        clitic = clitic or (doc[i] if i < verb.i - 1 and fold(doc[i].text) == "lui" else None)
    else:
        clitic = next((c for c in verb.children if c.dep_ == "obj" and fold(c.text) in ("l'", "le", "la")), None)
    if clitic is None:
        return
    subjects = [p for p in _subjects_before(doc, _pronoun_window(doc, m.sent), m.sent.start)
                if p.key not in m.persons]
    if subjects:
        m.persons.append(subjects[-1].key)


#: Words that may open a sentence before a call noun that is its subject ("Un bref entretien téléphonique").
SEQUEL_OPENING = 4


def _call_noun_sequel(doc: Doc, m: Mention, mentions: list[Mention]) -> None:
    """A call noun with only its other party named, told as the next (or the last) call of the one
    caller of the call told just before: opening its sentence as the subject right after that call's
    sentence ("Un entretien téléphonique avec Y a suivi dans la soirée"), or in a phrase of time after
    it in the same sentence ("X a appelé Y, avant un entretien téléphonique avec Z")."""
    noun = m.trigger[0]
    if noun.pos_ not in ("NOUN", "PROPN") or len(m.persons) != 1 or m.callers:
        return
    k = noun.i - 1
    while k > m.sent.start and doc[k].pos_ in ("DET", "ADJ", "NUM"):
        k -= 1
    if fold(doc[k].text) in ("avant", "apres") and k > m.sent.start and not m.weak:  # told before it in the sentence
        told = [x for x in mentions if x.sent.start == m.sent.start and x.trigger[0].i < k]
    elif k == m.sent.start and doc[k].pos_ in ("DET", "ADJ", "NUM") and noun.dep_ in SUBJECT_DEPS \
            and noun.i - m.sent.start <= SEQUEL_OPENING and m.sent.start > 0:  # the sentence before
        told = [x for x in mentions if x.sent.start == doc[m.sent.start - 1].sent.start]
    else:
        return
    callers = {c for x in told for c in x.callers} - set(m.persons)
    if len(callers) == 1:
        m.callers = list(callers)
        m.persons = [*callers, *m.persons]


def _connecting_verb(noun: Token) -> Token | None:
    """The verb a call noun is the subject of when it puts someone in touch with someone ("Un autre appel,
    dimanche, l'a mis en relation avec Y", "l'a mis en contact avec", "l'a relié à"): the lexicon's
    connecting phrases, read on the verb's lemma and the words right after it."""
    verb = noun.head
    subject = noun.dep_ == "nsubj" or noun.i < verb.i and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    if noun.pos_ not in ("NOUN", "PROPN") or not subject or verb.pos_ != "VERB":
        return None  # the subject, or the noun before a verb the parser left without one ("Un second appel, …")
    after = " ".join([fold(verb.lemma_)] + [fold(x.text) for x in verb.doc[verb.i + 1:min(verb.sent.end, verb.i + 3)]])
    return verb if has_phrase(after, _vocab()["connecting_phrases"]) else None


def _is_subject(span: Span) -> bool:
    """The person is a clause's subject, in apposition to it or coordinated with it ("Le ministre,
    X, a …", "Le président X et le président Y ont …")."""
    return subject_node(span) is not None


def _coordinated(doc: Doc, m: Mention, mentions: list[Mention]) -> None:
    """"A et B ont eu un entretien", "A, B et C ont tenu une visioconférence", "A a appelé B et son
    homologue C": a person joined by "et" (or listed before such a pair) to a party of the call is a
    party too, in the same role (by surface: the parser often loses it). The party must be named in
    the call's own clause: not across another call's trigger ("A et B ont tenu une réunion, avant que
    A ne s'entretienne avec C": B is not on A's call with C)."""
    here = people_within(doc, m.sent.start, m.sent.end)
    others = _other_triggers(m, mentions)
    for p in here:
        if p.key in m.persons or _not_a_party(p.span):
            continue
        for q in here:
            if q.key not in m.persons or q.key == p.key or any(
                    min(q.span.start, m.trigger[0].i) < i < max(q.span.end, m.trigger[0].i) for i in others) \
                    or min(p.span.end, q.span.end) <= m.trigger[0].i < max(p.span.start, q.span.start):
                continue  # nor across the call's own trigger ("A, au lendemain d'un appel entre B et C")
            if _joined_by_and(doc, q.span, p.span) or _listed_before(doc, p.span, q.span, here):
                m.persons.append(p.key)
                m.callers += [p.key] if q.key in m.callers else []
                break


def _listed_before(doc: Doc, first: Span, second: Span, here: list[PersonMention]) -> bool:
    """"A, le Premier ministre B et C": ``first`` heads a list whose next item ``second`` is joined by
    "et" to a third name; only a comma and a title stand between the first two."""
    return first.end <= second.start and _joined_by_and(doc, first, second, joiner=",") and any(
        r.span.start >= second.end and _joined_by_and(doc, second, r.span) for r in here)


#: Tokens between "et" and the second name: a title, a post with its portfolio ("et le ministre chinois
#: de la Défense, B").
JOIN_GAP = 12
#: Lexicon spans a title between "et" and a name may hold.
TITLE_SPANS = ("POST", "OFFICE", "OFFICE_WEAK", "DEMONYM", "COUNTRY", "TITLE")


def _joined_by_and(doc: Doc, first: Span, second: Span, joiner: str = "et") -> bool:
    """Only "et" (or another ``joiner``) and a title between two names ("A et son homologue turc B",
    "A et le ministre chinois de la Défense, B"); a comma may close the first name's apposition before
    "et" ("Le secrétaire américain, A, et le ministre chinois, B"), not end a clause ("A a appelé B,
    et C a salué ...")."""
    if first.end > second.start:
        first, second = second, first
    start = first.end + (joiner == "et" and first.end < second.start and doc[first.end].text == ","
                         and first.start > 0 and doc[first.start - 1].text == ",")
    end = second.start - (second.start > start + 1 and doc[second.start - 1].text == ",")
    gap = doc[start:end]
    if not 1 <= len(gap) <= JOIN_GAP or fold(gap[0].text) != joiner:
        return False
    titled = {t.i for s in lex_within(doc, gap.start, gap.end, *TITLE_SPANS) for t in s}
    return all(t.i in titled or t.pos_ in ("DET", "ADJ", "NOUN", "ADP") and not t.text[:1].isupper() or t.ent_type_
               for t in gap[1:])


def _attach_posts(doc: Doc, mentions: list[Mention]) -> None:
    holder: dict[int, str] = {}
    for a in notes(doc).attachments:  # of two people given one post, the one named with it in its sentence,
        if a.post and a.person and (id(a.post) not in holder or a.person.span.sent == a.post.span.sent):
            holder[id(a.post)] = a.person.key  # not one given it from afar ("X a succédé à Y")
    for post in find_posts(doc):
        if _not_a_party(post.span):
            continue  # "après avoir reçu le président slovaque": the post of another act; "selon le porte-parole"
        here = [m for m in mentions if m.sent.start <= post.span.start < m.sent.end]
        owner = _owner(post.span.root, here) or next(
            ((m, "nsubj") for m in here if _listed_subject(post.span, m)), None)  # "A, B et C ont tenu …"
        if owner and (_in_other_aside(post.span[0], owner[0]) or post.span.end <= (
                _earlier_clause_end(doc, owner[0], mentions) or -1)):
            continue
        if id(post) in holder:
            key = holder[id(post)]  # "avec le ministre …, Wang Yi": the name hung apart from its post
            if owner and key not in owner[0].persons and post.span.sent == owner[0].sent:
                owner[0].persons.append(key)
            continue
        if owner:
            owner[0].offices += post.offices(with_default=True)
            owner[0].caller_offices += post.offices(with_default=True) if owner[1] in SUBJECT_DEPS else []
            owner[0].post_types += [post.post_type] if not post.countries and _singular(post) else []


#: Sentences back where a role-noun subject ("Le chef de l'État a ensuite appelé Y") finds its person.
ROLE_REACH = 3


def _role_subjects(doc: Doc, mentions: list[Mention]) -> None:
    """"X a reçu lundi le roi Y. Après son départ, le chef de l'État a appelé Z", "X a eu jeudi un
    entretien avec A. … Le ministre s'est également entretenu avec B": a call whose subject is a
    definite, singular role noun with no name of its own (a post, or a bare post head, "le
    ministre") is placed by the person last named as a subject (or a call's caller) in the
    sentences before, when that person fits the role (see :func:`_fits_role`).  Nobody when that
    sentence has two subjects or another role opens it: the person stays unknown, not guessed."""
    for m in mentions:
        if m.callers or m.referring or m.weak:
            continue
        subject = _role_subject(doc, m)
        if subject is None:
            continue
        post = next((p for p in posts_within(doc, subject.left_edge.i, subject.right_edge.i + 1)
                     if p.span.start <= subject.i < p.span.end), None)
        person = _newcomer(doc, post, subject) or _subject_before(doc, m, mentions, post, subject)
        if person is not None and person not in m.persons:
            m.persons.insert(0, person)
            m.callers.append(person)
            if post is not None:  # the role is that person's: it names no other holder
                m.post_types = [t for t in m.post_types if t != post.post_type]


def _newcomer(doc: Doc, post, subject: Token) -> str | None:
    """"la nouvelle ministre", "le nouveau chef d'état-major": the one person of the article who holds
    a post the role names, in a sentence that appoints (``appoint_verbs_fr``: "a été nommée"), and is
    not leaving it (the outgoing holder an appointment article also names is not "the new" one);
    nobody when two remain or none is told appointed."""
    if not any(c.dep_ == "amod" and fold(c.text) in title_cues("new_holder_fr") for c in subject.children):
        return None
    state, appointing = notes(doc), title_cues("appoint_verbs_fr")
    fits = {a.person.key for a in state.attachments if a.post and a.person and (
        a.post.post_type == post.post_type if post is not None else _head_fits(subject, a.post.post_type))
        and (a.person.key, a.post.post_type) not in state.outgoing
        and any(fold(t.text) in appointing for t in a.person.span.sent)}
    return fits.pop() if len(fits) == 1 else None


def _role_subject(doc: Doc, m: Mention) -> Token | None:
    """The role noun that is the subject of the trigger (or of its light verb, "Le ministre a eu un
    entretien"): definite, singular, a post head, no person named in it."""
    verbs = [a for a in _anchors(m.trigger) if a.pos_ in ("VERB", "AUX") or a in m.trigger]
    # "Sa première conversation, la ministre l'a eue …"; the parser may lose the subject altogether
    subject = next((c for v in verbs for c in v.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN"
                    and c not in m.trigger), None) or _subject_before_verb_group(doc, m)
    if subject is None or "Plur" in subject.morph.get("Number"):
        return None
    definite = any(c.dep_ == "det" and fold(c.text) in ("le", "la", "l'") for c in subject.children)
    # a name inside the subject, or right after it ("Le ministre letton X a …", X parsed apart)
    named = [p for p in people_within(doc, subject.left_edge.i, subject.right_edge.i + 2)
             if p.span.start <= subject.right_edge.i + 1]
    head = fold(subject.text) in title_cues("post_heads_fr") or any(
        p.span.start <= subject.i < p.span.end for p in posts_within(doc, subject.i, subject.i + 1))
    return subject if definite and head and not named else None


def _subject_before_verb_group(doc: Doc, m: Mention) -> Token | None:
    """A post phrase ending right before the verb group of the trigger (auxiliaries, adverbs, clitic
    pronouns, with an auxiliary among them): the trigger's subject where the parser lost it ("Le chef
    de l'État avait auparavant téléphoné à X", the participle taken for a noun and the subject hung on
    the adverb).  Surface order only; :func:`_role_subject` still asks for a definite, singular post."""
    first = min(m.trigger, key=lambda t: t.i)
    i = first.i - 1
    while i >= m.sent.start and (doc[i].pos_ in ("AUX", "ADV") or doc[i].dep_.startswith("expl")
                                 or fold(doc[i].text) in _words("clitics")):
        i -= 1
    if i < m.sent.start or not any(t.pos_ == "AUX" for t in doc[i + 1:first.i]):
        return None
    post = next((p for p in posts_within(doc, m.sent.start, i + 1) if p.span.end == i + 1), None)
    return post.span.root if post is not None else None


def _subject_before(doc: Doc, m: Mention, mentions: list[Mention], post, subject: Token) -> str | None:
    """The person the sentences before have as their one subject (or caller), walking back past
    sentences with no person as subject; None at two subjects or at another role noun as subject."""
    sent, reach = m.sent, ROLE_REACH
    while reach > 0:
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        if not sent.text.strip():
            continue  # a paragraph break the sentence splitter kept as a sentence of its own
        reach -= 1
        keys = [p.key for p in people_within(doc, sent.start, sent.end) if _names_a_subject(p.span)]
        keys += [k for x in mentions if x.sent.start == sent.start for k in x.callers]
        keys = list(dict.fromkeys(keys))
        if len(keys) > 1:
            return _one_of_role_country(doc, keys, post, subject)
        if keys:
            return keys[0] if _fits_role(doc, keys[0], post, subject) else None
        if _other_role_opens(doc, sent, post):
            return None
    return None


def _one_of_role_country(doc: Doc, keys: list[str], post, subject: Token) -> str | None:
    """"A et son homologue russe B se sont parlé. Le président américain a ensuite appelé C": of the
    sentence's several subjects, the one the role fits who is known to be of the country the role
    names (or the one country its wording stands for); with no country, the one introduced with the
    very title the role repeats ("le secrétaire d'État X et le ministre russe Y … Le secrétaire d'État
    a ensuite joint Z"); nobody when two fit ("Le ministre a ensuite appelé Y" after two ministers)."""
    held = notes(doc).attachments
    countries = set(post.countries) if post is not None else set()
    if post is not None and not countries and post.default_country:
        countries = {post.default_country}
    if not countries:
        title = _bare_title(doc[subject.left_edge.i: subject.right_edge.i + 1])
        same = {a.person.key for a in held if a.post and a.person and a.person.key in keys
                and _bare_title(a.post.span) == title}
        return same.pop() if len(same) == 1 else None  # the title the person was introduced with
    fits = [k for k in keys if _fits_role(doc, k, post, subject) and countries & _countries_of(doc, k)]
    return fits[0] if len(fits) == 1 else None


def _bare_title(span: Span) -> str:
    """A title's words less its leading determiners, folded ("Le secrétaire d'État" -> "secretaire d'etat")."""
    words = [fold(t.text) for t in span]
    while words and words[0] in ("le", "la", "l'", "les"):
        words.pop(0)
    return " ".join(words)


def _names_a_subject(span: Span) -> bool:
    """The person is a subject, or the name of one: hung on a subject post noun in any way, as the
    parser often takes a first name for an adjective ("Le ministre polonais … Radosław Sikorski a")."""
    return _is_subject(span) or (span.root.head.dep_ in SUBJECT_DEPS and span.root.head.pos_ == "NOUN"
                                 and span.root.head.i < span.start)


def _other_role_opens(doc: Doc, sent: Span, post) -> bool:
    """The sentence's subject is a post of another type or country than the role noun's ("Le
    président égyptien a …" between "X a …" and "Le ministre a …"); not a pair ("Les deux dirigeants
    ont discuté …", the call's two parties)."""
    for other in posts_within(doc, sent.start, sent.end):
        if other.span.root.dep_ in SUBJECT_DEPS and other.span.root.head.dep_ == "ROOT" and _singular(other):
            same = post is not None and other.post_type == post.post_type and (
                not other.countries or not post.countries or set(other.countries) & set(post.countries))
            return not same
    return False


def _fits_role(doc: Doc, key: str, post, subject: Token) -> bool:
    """The person may hold the role: a post of that type in the article, or none at all and either
    the role a leader's (``bare_name_roles``: the press names heads of state and government bare)
    or the person the only one named before ("Pete Hegseth a visité … Le secrétaire à la Défense a
    ensuite appelé Y"); not "Cyril Ramaphosa a reçu X. Le ministre des Affaires étrangères …", where
    the minister may be anyone; and, when the role names a country, known to be of it (gazetteer
    or a post held there).  A bare head noun ("le ministre", "la nouvelle ministre") fits a person
    holding a post that noun can name, not a president (:func:`_head_fits`)."""
    held = [a.post for a in notes(doc).attachments if a.post and a.person and a.person.key == key]
    if post is None:
        if held:
            return any(_head_fits(subject, h.post_type) for h in held)
        return _only_one_before(doc, key, subject.i)
    if held and all(h.post_type != post.post_type for h in held):
        return False
    if not held and post.post_type not in _vocab()["bare_name_roles"] and not _only_one_before(
            doc, key, post.span.start):
        return False
    return not post.countries or bool(_countries_of(doc, key) & set(post.countries))


def _countries_of(doc: Doc, key: str) -> set[str]:
    """The countries a person is of in the article: those of the posts attached to them, and the
    gazetteer's."""
    return {c for a in notes(doc).attachments if a.post and a.person and a.person.key == key
            for c in a.post.countries} | {known_countries(doc).get(key, "")}


def _head_fits(head: Token, post_type: str) -> bool:
    """Whether a post head noun ("ministre", "présidente", "chef") opens some French wording of the
    post type (the type's own or one of its offices'): "le ministre" may be a defence minister, not a
    head of state."""
    word = fold(head.text)
    heads = _post_type_heads().get(post_type, frozenset())
    return word in heads or (word.endswith("e") and word[:-1] in heads)


@lru_cache(maxsize=1)
def _post_type_heads() -> dict[str, frozenset[str]]:
    """Post type -> the first words of its French wordings in offices.json."""
    data = load_file("offices")
    heads: dict[str, set[str]] = {}
    for t in data["post_types"]:
        heads.setdefault(t["id"], set()).update(fold(p.split()[0]) for p in t.get("patterns_fr", []))
    for o in data["offices"]:
        heads.setdefault(o["type"], set()).update(fold(p.split()[0]) for p in o.get("patterns_fr", []))
    return {k: frozenset(v) for k, v in heads.items()}


def _only_one_before(doc: Doc, key: str, i: int) -> bool:
    """Nobody but the person is named in the article before token ``i`` (the role noun)."""
    return {p.key for p in doc._.people or [] if p.span.end <= i} == {key}


def _singular(post) -> bool:
    """"le chancelier" (one person the article names elsewhere), not "les deux dirigeants"."""
    return "Plur" not in post.span[0].morph.get("Number")


def _fallback(doc: Doc, mentions: list[Mention]) -> None:
    """A strong or possessive mention ("leur conversation téléphonique") left with fewer than two
    parties by a poor parse, and whose other side is not a group no one names, takes the sentence's
    people and posts that no other trigger owns and that "selon", a reporting verb or a relation
    noun ("le prédécesseur de X") does not cut off."""
    attached = {id(a.post) for a in notes(doc).attachments if a.post}
    mentions_of = _in_sentence(mentions)
    for m in mentions:
        if (m.referring and not m.possessive) or m.weak or len(m.persons) + len(m.offices) >= 2:
            continue
        if m.unnamed_side:
            continue  # "a appelé plusieurs de ses homologues": the other side is told, and named by no one
        if m.incise is not None and _we_reciprocal(m.trigger[0]):
            continue  # "« Nous nous sommes parlé, et A et B … », a déclaré X": X's other party is not told
        if sum(not x.referring for x in mentions_of(m.trigger[0])) > 1:
            continue  # another call in the sentence ("… de l'appel" refers to this one)
        for p in people_within(doc, m.sent.start, m.sent.end):
            if p.key not in m.persons and not _cut_off(p.span.root, m) and not _not_a_party(p.span):
                m.persons.append(p.key)
        for post in posts_within(doc, m.sent.start, m.sent.end):
            if id(post) not in attached and not _cut_off(post.span.root, m) and not _not_a_party(post.span):
                m.offices += post.offices(with_default=True)
                m.post_types += [post.post_type] if not post.countries and _singular(post) else []


def _cut_off(token: Token, m: Mention) -> bool:
    """Whether "selon", a relation noun or a reporting verb separates ``token`` from the call; in
    a framed mention ("a déclaré à Y lors d'un appel") the reporting verb is the call's speech."""
    reporting = set() if m.frame else set(_vocab()["reporting_verbs"]) | {"selon"}
    anchors = _anchors(m.trigger)
    node, entry = token, token.dep_
    for _ in range(12):
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and entry in ("obj", "iobj") \
                and node not in anchors and node.head in anchors:
            return True  # "… au téléphone avec X, puis a accueilli Y": the other verb's object
        incise = node.i > token.i  # ", a annoncé Moscou": the source of an incise comes after its verb
        if fold(node.lemma_) in reporting and node.i != token.i and not incise or any(
                fold(c.text) in ("selon", "d'apres") for c in node.children):
            return True
        if fold(node.head.lemma_) in _words("relation_nouns") and node.dep_.startswith("nmod"):
            return True
        if node.head.i == node.i:
            return False
        node, entry = node.head, node.dep_
    return False


def _attach_counterparts(doc: Doc, mentions: list[Mention]) -> None:
    """"son homologue russe" with no name after it: the counterpart's country; with one right after
    it (whatever the parser hung it on), that person."""
    named = {p.span.root.head.i for p in doc._.people or []}
    mentions_of = _in_sentence(mentions)
    for t in doc:
        if fold(t.lemma_) != "homologue":
            continue
        here = mentions_of(t)
        before = [m for m in here if m.trigger[0].i < t.i]  # the call the list follows, not a later trigger
        lister = before[-1] if before else here[0] if len(here) == 1 else None
        pairs = _respective(doc, t) if lister is not None else []
        if pairs and lister is not None:  # a list of pairs, whatever name the parser hangs on the noun
            lister.respective += pairs
            lister.persons += [k for k, _ in pairs if k not in lister.persons]  # its other side, however parsed
            continue
        if t.i in named:
            continue
        owner = _owner(t, here)
        if owner:
            demonyms = [s for s in lex_within(doc, t.i + 1, t.i + 3, "DEMONYM") if s.start == t.i + 1]
            after = demonyms[0].end if demonyms else t.i + 1
            name = next((p for p in people_within(doc, after, after + 1) if p.span.start == after), None)
            if name is not None and name.key not in owner[0].persons:  # "… de leur homologue espagnole X"
                owner[0].persons.append(name.key)
            owner[0].unnamed_side |= name is None and "Plur" in t.morph.get("Number") and owner[1] not in SUBJECT_DEPS
            countries = [s.kb_id_ for s in lex_within(doc, t.i + 1, t.i + 3, "DEMONYM")]
            if name is None and "Plur" in t.morph.get("Number") and _of_members(countries[:1]):
                continue  # "ses homologues européens": the ministers of the Union's members, no post of its own
            owner[0].counterparts += countries[:1]
            owner[0].bare_counterpart |= not countries and _bare_noun(t)


def _of_members(actors: list[str]) -> bool:
    """The demonym is an organisation's ("européens", "otaniens"): counterparts named by it are its
    members' office holders, not holders of an office of the organisation."""
    known = load_lexicon().actors
    return bool(actors) and all(a in known and known[a].kind != "country" for a in actors)


LIST_GLUE = (",", "et")  # what separates the items of a list


def _respective(doc: Doc, t: Token) -> list[tuple[str, str]]:
    """"ses homologues allemand, britannique et française, A, B et C": as many demonyms as names,
    both listed right after the plural noun, pair up in order (person key, country).  By surface:
    the parser rarely keeps such lists together."""
    i, countries = t.i + 1, []
    while i < t.sent.end:
        if fold(doc[i].text) in LIST_GLUE:
            i += 1
            continue
        found = lex_within(doc, i, i + 1, "DEMONYM")
        if not found:
            break
        countries.append(found[0].kb_id_)
        i = found[0].end
    keys = []
    while i < t.sent.end:
        if fold(doc[i].text) in LIST_GLUE:
            i += 1
            continue
        people = people_within(doc, i, i + 1)
        if not people:
            break
        keys.append(people[0].key)
        i = people[0].span.end
    if len(countries) == 1:  # "sud-africain, X, puis kényan, Y": one demonym before each name
        return _interleaved(doc, t)
    if len(countries) < 2 or len(keys) != len(countries) or len(set(keys)) != len(keys):
        return []
    return list(zip(keys, countries, strict=True))


INTERLEAVED_GLUE = (*LIST_GLUE, "puis")  # "ses homologues sud-africain, X, puis kényan, Y"


def _interleaved(doc: Doc, t: Token) -> list[tuple[str, str]]:
    """"ses homologues sud-africain, Ronald Lamola, puis kényan, Musalia Mudavadi": each demonym right
    before the name it qualifies, the pairs listed after the plural noun (two at least)."""
    i, pairs = t.i + 1, []
    while i < t.sent.end:
        while i < t.sent.end and fold(doc[i].text) in INTERLEAVED_GLUE:
            i += 1
        found = lex_within(doc, i, i + 1, "DEMONYM")
        if not found:
            break
        i = found[0].end
        while i < t.sent.end and fold(doc[i].text) in LIST_GLUE:
            i += 1
        people = people_within(doc, i, i + 1)
        if not people:
            return []
        pairs.append((people[0].key, found[0].kb_id_))
        i = people[0].span.end
    return pairs if len(pairs) >= 2 and len({k for k, _ in pairs}) == len(pairs) else []


def _bare_noun(t: Token) -> bool:
    """A singular noun with nothing that qualifies it after it ("avec son homologue pour …", "avec
    son homologue."), not "son homologue chypriote, Vasilis Palmas" whose words the lexicon or the
    NER may have missed."""
    doc = t.doc
    after = [x for x in doc[t.i + 1: min(t.sent.end, t.i + 3)] if x.text != ","]
    return "Plur" not in t.morph.get("Number") and not (after and after[0].pos_ in ("ADJ", "PROPN", "NOUN", "X"))


EACH_WORDS = frozenset(("chacun", "chacune"))  # "avec chacun des deux dirigeants": one call with each


def _attach_pairs(doc: Doc, mentions: list[Mention]) -> None:
    """"les deux ministres se sont parlé": the participants are a pair named elsewhere."""
    nouns = set(_vocab()["pair_nouns"])
    for t in doc:
        if fold(t.text) == "deux" and fold(t.head.text) in nouns:
            here = [m for m in mentions if m.sent.start <= t.i < m.sent.end]
            owner = _owner(t.head, here)
            mention = owner[0] if owner else _verb_after_subject(t.head, here) or next(
                (m for m in here if m.possessive and m.trigger[0].i > t.i and not m.persons), None) or next(
                (m for m in here if m.trigger[0].dep_ == "acl:relcl" and m.trigger[0].head == t.head), None)
            # the last: "Les deux dirigeants, qui s'étaient déjà parlé le 2 novembre, ont …"
            if mention:  # "Les deux présidents ne se sont plus parlé depuis leur entretien du 1er juillet"
                mention.pair = pair_phrase(t.head)
                mention.pair_subject = owner is None or owner[1] in SUBJECT_DEPS
                mention.each = t.i >= 2 and fold(doc[t.i - 1].text) == "des" and fold(doc[t.i - 2].text) in EACH_WORDS
            elif not here and t.head.dep_ in SUBJECT_DEPS and not any(_is_call_word_at(x) for x in t.sent) \
                    and (told := _call_just_before(doc, t, mentions)):
                told.pair = pair_phrase(t.head)  # "X appelle Y. Les deux présidents évoquent …": their posts


def _call_just_before(doc: Doc, t: Token, mentions: list[Mention]) -> Mention | None:
    """The one call of the sentence right before ``t``'s (past a paragraph break), when it has exactly
    two people and no pair noun of its own: the two a pair noun subject of a sentence with no call
    word (not "Les deux chefs de gouvernement doivent de nouveau s'entretenir", another pair's plan)
    stands for ("X appelle Y en fin de matinée. Les deux présidents évoquent …")."""
    start = t.sent.start
    while start > 0 and not doc[start - 1].sent.text.strip():
        start = doc[start - 1].sent.start
    if start == 0:
        return None
    before = [m for m in mentions if m.sent.start <= start - 1 < m.sent.end]
    if len(before) != 1 or len(set(before[0].persons)) != 2 or before[0].pair or before[0].referring:
        return None
    return before[0]


def _verb_after_subject(noun: Token, mentions: list[Mention]) -> Mention | None:
    """"Les deux chefs d'Etat s'étaient déjà parlé": the mention whose call verb comes right after
    the noun phrase, past its complement and the verb's clitics, auxiliaries and adverbs, by surface
    (the parser often makes the noun the root and the verb its modifier)."""
    doc, i = noun.doc, noun.i + 1
    while i < noun.sent.end and doc[i].pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ"):
        i += 1  # the complement: "d'Etat", "de la diplomatie"
    while i < noun.sent.end and doc[i].pos_ in ("PRON", "AUX", "ADV", "PART"):
        i += 1
    return next((m for m in mentions if m.trigger[0].i == i and m.trigger[0].pos_ in ("VERB", "AUX")), None)


PAIR_PHRASE_WORDS = 6  # "chefs de la diplomatie", "ministres des affaires étrangères"


def pair_phrase(noun: Token) -> str:
    """The pair noun with the complement that says which posts the two hold ("chefs d'Etat", not
    "chefs", which alone means military chiefs), as listed in ``pair_noun_posts``, folded."""
    text = folded(noun.doc[noun.i: min(noun.sent.end, noun.i + PAIR_PHRASE_WORDS)])
    phrases = sorted((fold(k) for k in load_lexicon().calls["pair_noun_posts"] if not k.startswith("_")),
                     key=len, reverse=True)
    return next((p for p in phrases if re.match(re.escape(p) + r"(?![\w-])", text)), fold(noun.text))


def pair_post_type(phrase: str) -> str | None:
    """The office type prefix the posts of a pair phrase start with ("" any post), or None when the
    phrase says nothing of their posts ("les deux hommes")."""
    table = {fold(k): v for k, v in load_lexicon().calls["pair_noun_posts"].items() if not k.startswith("_")}
    return table.get(phrase)


def _attach_sides(doc: Doc, mentions: list[Mention]) -> None:
    """Countries named as the ends of a call: "entre Washington et Moscou", "avec la Russie"."""
    for s in lex_spans(doc, "COUNTRY", "METONYM"):
        root = s.root
        head = root.head if root.dep_ == "conj" else root
        if not any(fold(c.text) in ("entre", "avec") for c in head.children if c.dep_ == "case"):
            continue
        for m in mentions:
            if m.sent.start <= s.start < m.sent.end and head.head in _anchors(m.trigger):
                m.sides.append(s.kb_id_)


def _attach_role_nouns(doc: Doc, mentions: list[Mention]) -> None:
    """"a pris l'initiative d'un appel au dirigeant ukrainien", "a appelé la responsable moldave":
    a singular official's noun (``object_nouns``) that is no post of the lexicon and names nobody,
    with a demonym right after it, refers to an official of that country named before it; the
    grouping picks that person (:func:`kg.extract.callgroups._named_before`)."""
    named = {p.span.root.head.i for p in doc._.people or []} | {p.span.root.i for p in doc._.people or []}
    starts = {p.span.start for p in doc._.people or []}
    nouns = _words("object_nouns") - _words("counterpart_nouns")
    mentions_of = _in_sentence(mentions)
    for t in doc:
        if fold(t.lemma_) not in nouns or t.i in named:
            continue
        if t.pos_ != "NOUN" or posts_within(doc, t.i - 2, t.i + 1) and any(
                p.span.start <= t.i < p.span.end for p in posts_within(doc, t.i - 2, t.i + 1)):
            continue
        countries = [x.kb_id_ for x in lex_within(doc, t.i + 1, t.i + 2, "DEMONYM")]
        if "Plur" in t.morph.get("Number"):  # "Les dirigeants arménien et azerbaïdjanais ont échangé": one each
            countries = _paired_demonyms(doc, t)
        if not countries or t.i + 2 in starts:
            continue  # "Le ministre letton Andris Sprūds a …": the noun is the title of the name after it
        owner = _owner(t, mentions_of(t))
        addressed = next((m for m in mentions_of(t) if m.trigger[0].i < t.i <= m.trigger[0].i + 1 + ADDRESSEE_REACH
                          and m.trigger[0].pos_ == "NOUN" and _addressed(m.trigger[0])), None)
        verb_on = next((m for m in mentions_of(t) if m.trigger[0].head == t and m.trigger[0].dep_ == "acl"
                        and t.dep_ in SUBJECT_DEPS), None)  # the subject made the head of its own verb
        target = owner[0] if owner else addressed or verb_on  # "un appel à la dirigeante X", however parsed
        if target is not None:
            target.role_sides += [(country, t.i) for country in countries]


def _paired_demonyms(doc: Doc, noun: Token) -> list[str]:
    """The two countries of a plural official's noun with two demonyms joined by "et" right after it ("les
    dirigeants arménien et azerbaïdjanais"); none otherwise."""
    if noun.i + 3 >= len(doc) or fold(doc[noun.i + 2].text) != "et":
        return []
    first = [x.kb_id_ for x in lex_within(doc, noun.i + 1, noun.i + 2, "DEMONYM")]
    second = [x.kb_id_ for x in lex_within(doc, noun.i + 3, noun.i + 4, "DEMONYM")]
    return [first[0], second[0]] if first and second and first[0] != second[0] else []


def _attach_dates(doc: Doc, mentions: list[Mention]) -> None:
    for m in mentions:
        m.date = _then_date(doc, m)
    mentions_of = _in_sentence(mentions)
    spans = doc.spans.get("dates", [])
    for s in spans:
        here = mentions_of(s[0])
        if _anchor_relative(s) and _call_noun_after(s, here) is not None:
            continue  # "deux jours après son appel avec X": counted from that call, below
        if _reported_on(s) and any(t.sent == s.sent and t.start > s.start and _anchor_relative(t)
                                   and _standalone_day_shift(doc, t) for t in spans):
            continue  # "a fait savoir mercredi avoir abordé la veille avec Y": the eve is the call's day
        value = _from_anchor(doc, s) if _anchor_relative(s) else s._.date
        if not value or _target_date(s):
            continue
        restricted = _restricted_to(s, here) or _set_off_by_elliptic(s, here)
        owner = restricted or _owner(s.root, here, parties=False) or next(
            ((m, "") for m in here if s.root in m.trigger[0].ancestors and s.root.pos_ != "VERB"
             and not _own_date(m)), None) or next(
            ((m, "") for m in here if _cleft_of(s.root.head, m.trigger[0])), None)
        if owner and not restricted and (_in_noun_clause(s.root, owner[0]) or _in_other_aside(s[0], owner[0])):
            continue  # "X, nommé le 17 juillet, a reçu jeudi un appel de Y": the day X was named
        since_ok = owner and negated(owner[0].trigger[0])  # "ne se sont plus parlé depuis mars 2023"
        if owner and owner[0].date is None and (since_ok or not _since(s, owner[0])):
            owner[0].date = value  # a date the trigger hangs from counts too ("a eu jeudi un entretien")
    for m in mentions:
        m.date = _series_date(doc, m) or _beside_a_dated_event(doc, m) or m.date or _spelled_out_date(
            doc, m, mentions_of(m.trigger[0])) or _date_after_parties(
            doc, m) or _date_in_verb_group(doc, m, mentions_of(m.trigger[0])) or _gesture_date(doc, m) or _fronted_date(
            doc, m) or _scene_date(doc, m, mentions) or _discussed_on(doc, m, mentions) or _held_date(
            doc, m, mentions_of(m.trigger[0])) or _posted_date(doc, m) or _main_clause_day(doc, m)
    _quoted_deixis(doc, mentions)
    _headline_dates(doc, mentions)
    _after_another_call(doc, mentions)
    _eve_of_a_call(doc, mentions)
    _ticker_dates(doc, mentions)
    _sequel_dates(doc, mentions)
    _readout_day(doc, mentions)
    _lead_month(doc, mentions)


HELD_REACH = 4  # words read back from a date for the predicate that holds the call ("a eu lieu mardi")


def _held_date(doc: Doc, m: Mention, here: list[Mention]) -> DateValue | None:
    """"Un appel entre X et Y a eu lieu mardi": a call noun whose predicate says it took place
    (``held_predicates``: "a eu lieu", "s'est tenu", "remonte à") takes the date right after that
    predicate, by surface (the parser often loses the noun's verb past its long complement), unless
    another call is told in between."""
    t = m.trigger[0]
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    later = [x.trigger[0].i for x in here if x.trigger[0].i > t.i]
    for s in dates_within(doc, t.i + 1, m.sent.end):
        if any(i < s.start for i in later) or not (s._.date and s._.date.value) or _anchor_relative(s):
            return None
        if has_phrase(folded(doc[max(t.i + 1, s.start - HELD_REACH): s.start]), _vocab()["held_predicates"]):
            return s._.date
    return None


def _own_date(m: Mention) -> bool:
    """The trigger has a date of its own as a complement ("a indiqué vendredi avoir parlé la veille
    avec Y", "parlé" hung on "vendredi" by the parser): the date it hangs from is another verb's."""
    doc = m.trigger[0].doc
    return any(s.root.head in m.trigger and s.root.dep_.startswith("obl")
               for s in dates_within(doc, m.sent.start, m.sent.end))


def _headline_dates(doc: Doc, mentions: list[Mention]) -> None:
    """"Conversation téléphonique entre X et Y" as a headline, then "Le président chinois et son
    homologue indonésien ont évoqué mardi …": a verbless headline's call, or one told in the headline's
    present ("A et B se parlent au téléphone"), takes the day of the lead sentence, when that sentence tells
    no call of its own and its subject comes before its verb."""
    told = {m.sent.start for m in mentions if not m.referring}  # "à l'issue de l'entretien" tells no new one
    for m in mentions:
        sent = m.sent
        colon = next((t.i for t in sent if t.text == ":" and t.i > m.trigger[0].i), sent.end)
        if m.date is not None or sent.end >= len(doc) or not all(
                t.pos_ == "VERB" and _plain_present(t) for t in doc[sent.start:colon] if t.pos_ in ("VERB", "AUX")):
            continue  # the headline's words up to a colon are verbless ("Entretien A-B : Alger et Rome veulent …")
            # or in the headline's present ("A et B se parlent au téléphone, une première depuis …")
        if colon < sent.end and any(o.sent == sent and o is not m and not o.referring for o in mentions):
            continue  # "Coup de fil à trois : A, B et C se sont entretenus mardi": the clause tells the call
        if not own_line(sent):
            continue  # not a line of its own
        lead = next((s for s in doc[sent.end:].sents if s.text.strip()), None)
        if lead is None or lead.start in told:
            continue
        root = lead.root
        if not any(c.dep_ in SUBJECT_DEPS and c.i < root.i for c in root.children):
            continue
        days = [s._.date for s in dates_within(doc, lead.start, lead.end) if s._.date
                and root in (s.root.head, s.root.head.head) and not _anchor_relative(s)  # "a fait le point jeudi"
                and not (s.start > 0 and fold(doc[s.start - 1].text) in _words("since_words"))]
        if days:
            m.date = days[0]


def _plain_present(verb: Token) -> bool:
    """A verb in the simple present of headlines and chronicles: indicative present, with no auxiliary
    ("se parlent", "appelle", "L'émir reçoit un appel")."""
    return verb.morph.get("Tense") == ["Pres"] and verb.morph.get("Mood") == ["Ind"] \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _restricted_to(span: Span, here: list[Mention]) -> tuple[Mention, str] | None:
    """"ne s'est entretenu avec Y que le 25": the date after the "que" of a restrictive "ne … que" is
    the day of the call whose verb carries the "ne" (the parser hangs it anywhere)."""
    doc = span.doc
    if span.start == 0 or fold(doc[span.start - 1].text) not in ("que", "qu'"):
        return None
    return next(((m, "") for m in here if m.trigger[0].i < span.start and not negated(m.trigger[0])
                 and any(fold(c.text) in ("ne", "n'") for c in m.trigger[0].children)), None)


def _set_off_by_elliptic(span: Span, here: list[Mention]) -> tuple[Mention, str] | None:
    """"au cours du précédent, le 2 septembre,": the date set off right after an elliptic earlier call
    (:func:`_framed_elliptic`) is that call's, whatever noun the parser hung it on."""
    return next(((m, "") for m in here if _elliptic(m) and _set_off_date(m.trigger[0]) == span), None)


def _in_noun_clause(token: Token, m: Mention) -> bool:
    """Whether ``token`` reaches the call through a clause that qualifies a person or a post rather
    than the call ("X, nommé le 17 juillet en remplacement de Y, a reçu un appel", "X, qui a pris ses
    fonctions lundi, a appelé Y"): a participle or a relative clause hung on a noun that is not the
    call word itself ("l'appel, intervenu jeudi" keeps its day), met before the call's own verbs ("C'est
    X qui a pris mercredi l'initiative d'un appel" keeps its day too)."""
    triggers = {t.i for t in m.trigger}
    anchors = {t.i for t in _anchors(m.trigger)} | triggers
    node = token
    for _ in range(40):
        if node.i in anchors or node.head.i == node.i:
            return False
        if node.dep_.startswith("acl") and node.head.pos_ in ("NOUN", "PROPN") and node.head.i not in triggers:
            return True
        node = node.head
    return False


def _cleft_of(root: Token, trigger: Token) -> bool:
    """"Mercredi, c'est X qui a appelé Y": ``root`` is the focus of a cleft ("c'est X") and the
    trigger (or the verb it is the initiative of) its relative clause, so what the parser hangs on
    the focus (a fronted date) belongs to the call."""
    verb = _initiative_taker(trigger) or trigger
    return _cleft_focus(verb) == root


def _cleft_focus(verb: Token) -> Token | None:
    """The focus X of "c'est X qui VERB" (or of an adverbial cleft, "c'est au téléphone qu'il a …")
    when ``verb`` is that clause (whatever dependency the parser gives it: "acl:relcl", or "dep" when it
    tags the participle as a noun), else None."""
    root = verb.head
    opened = any(fold(c.text) == "qui" for c in verb.children) or any(
        fold(c.text) in ("que", "qu'") for c in verb.children if c.dep_ == "mark")
    if root.i == verb.i or not opened:
        return None
    cleft = any(c.dep_ == "cop" for c in root.children) and any(
        c.dep_.startswith(("expl", "nsubj")) and fold(c.text) in ("c'", "ce") for c in root.children)
    return root if cleft else None


#: Words between "après"/"avant" and the call noun it counts from ("après son appel", "après leur
#: entretien téléphonique").
ANCHOR_NOUN_GAP = 2


def _call_noun_after(span: Span, here: list[Mention]) -> Mention | None:
    """The call noun an anchor-relative date counts from ("deux jours après | son appel avec X"); a
    standalone "la veille" is no such anchor ("a reçu la veille un appel de X": the call's own day)."""
    if _standalone_day_shift(span.doc, span):
        return None
    return next((m for m in here if m.trigger[0].pos_ in ("NOUN", "PROPN")
                 and span.end <= m.trigger[0].i <= span.end + ANCHOR_NOUN_GAP), None)


def _after_another_call(doc: Doc, mentions: list[Mention]) -> None:
    """"Deux jours après son appel avec X, Y a échangé par téléphone avec Z": the date counts from
    the call the noun refers to (the latest call dated to the day before it that shares a person
    with it, or the latest one when the noun names nobody, "après leur entretien"), and dates the
    sentence's other, undated calls; the noun keeps its own call's date.  Without such an earlier
    call nothing is dated (the date of the article is no anchor)."""
    mentions_of = _in_sentence(mentions)
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    for s in doc.spans.get("dates", []):
        here = mentions_of(s[0])
        anchor = _call_noun_after(s, here) if _anchor_relative(s) else None
        if anchor is None:
            continue
        before = [m for m in mentions if m.trigger[0].i < s.sent.start and m.date and m.date.precision == "day"]
        named = [m for m in before if set(m.persons) & set(anchor.persons)] if anchor.persons else before
        dated = [m.date for m in here if m is not anchor and m.date and m.date.precision == "day"]
        if named:
            base = named[-1].date
            anchor.date = base
            value = normalise(s.text, ref, anchor=base)
            for m in here:
                if m is not anchor and m.date is None:
                    m.date = value
        elif dated and anchor.date in (None, dated[0]):
            anchor.date = _counted_back(s, dated[0])  # "jeudi …, deux jours après son appel avec X"




#: ", deux jours après que X a reçu un appel de Y": a clause counted from the sentence's dated call.
COUNTED_CLAUSE_FR = re.compile(rf",\s*({'|'.join(NUMBER_WORDS)}|\d+) jours? (apres|avant) qu(?:e |')")


def _after_counting(doc: Doc, lo: int, hi: int) -> int:
    """The token after the "que" that closes ", deux jours après que" in ``[lo, hi)``."""
    return next((k + 1 for k in range(lo + 1, hi) if fold(doc[k].text) in ("que", "qu'")
                 and fold(doc[k - 1].text) in ("apres", "avant")), hi)


def _eve_of_a_call(doc: Doc, mentions: list[Mention]) -> None:
    """"X a téléphoné vendredi à Y, au lendemain d'un appel entre A et B": a call noun that a shift opens
    after a call dated to the day is that many days before (or after) it; so is the call of a clause
    counted from it (", deux jours après que ce dernier a reçu un appel de Z"); nothing else dates them."""
    mentions_of = _in_sentence(mentions)
    for m in mentions:
        noun = m.trigger[0]
        if m.date is not None:
            continue
        dated = [o for o in mentions_of(noun) if o is not m and o.trigger[0].i < noun.i and o.date
                 and o.date.precision == "day" and o.date.earliest]
        if not dated:
            continue
        shift = EVE_OF_CALL.search(_noun_lead(doc, m)) if noun.pos_ in ("NOUN", "PROPN") else None
        since = fold(doc[dated[-1].trigger[0].i:noun.i].text).replace("' ", "'")
        counted = COUNTED_CLAUSE_FR.search(since)
        if shift is not None:
            days = EVENT_SHIFTS[shift.group(1)]
        elif counted is not None and not dates_within(
                doc, _after_counting(doc, dated[-1].trigger[0].i, noun.i), noun.i):
            n = counted.group(1)
            days = (NUMBER_WORDS.get(n) or int(n)) * (1 if counted.group(2) == "apres" else -1)
        else:
            continue
        day = dated[-1].date.earliest - timedelta(days=days)  # type: ignore[union-attr]
        m.date = DateValue.of_day(day, (shift or counted).group(0).strip())  # type: ignore[union-attr]


def _counted_back(span: Span, later: DateValue) -> DateValue | None:
    """The day an anchor-relative date counts from, given the day it leads to ("deux jours après"
    X, leading to Thursday: X was on Tuesday)."""
    value = normalise(span.text, None, anchor=later)
    if value is None or value.precision != "day" or later.value is None:
        return None
    return DateValue.of_day(later.earliest - (value.earliest - later.earliest))


#: Openings that date what follows from an event the phrase names: days after (or before) it.
EVENT_SHIFTS = {"au lendemain": 1, "au surlendemain": 2, "a la veille": -1, "a l'avant-veille": -2}
_SHIFT_CUES = "|".join(map(re.escape, EVENT_SHIFTS))
_NOUN_DETERMINER = r"(?:un|une|l'|le|la|leur|son|sa|cet|cette|ce)?\s*$"
#: "au lendemain d'un [appel]": a call noun that a day shift opens (:data:`EVENT_SHIFTS`).
EVE_OF_CALL = re.compile(rf"({_SHIFT_CUES}) (?:de |d'|du ){_NOUN_DETERMINER}")
#: The same, or "après"/"avant" ("après son [entretien]").
ANCHORED_NOUN = re.compile(rf"(?:{_SHIFT_CUES}|apres|avant) (?:de |d'|du )?{_NOUN_DETERMINER}")


def _beside_a_dated_event(doc: Doc, m: Mention) -> DateValue | None:
    """"Au lendemain de la frappe sur Odessa, survenue samedi, X a téléphoné à Y", "À la veille du
    sommet du 24 juin, …": a sentence opening on the day after (or before) an event whose own day the
    phrase gives, in a participle ("survenue samedi") or a complement ("de samedi", "du 7 mars"),
    dates its call that many days from it, whatever the parser hung that day on.  A day set off on
    its own ("Au lendemain du vote, lundi, …") is the call's; one after the call's people is not the
    event's."""
    opening = fold(doc[m.sent.start:min(m.sent.end, m.sent.start + 3)].text).replace("à", "a")
    shift = next((n for cue, n in EVENT_SHIFTS.items() if opening.startswith(cue)), None)
    if shift is None:
        return None
    stop = min([m.trigger[0].i] + [p.span.start for p in people_within(doc, m.sent.start, m.trigger[0].i)])
    for s in dates_within(doc, m.sent.start, stop):
        value, before = s._.date, doc[s.start - 1]
        owned = fold(s[0].text) in OF or fold(before.text) in OF or "Part" in before.morph.get("VerbForm")
        if value and value.precision == "day" and value.earliest and owned and not _anchor_relative(s):
            return DateValue.of_day(value.earliest + timedelta(days=shift), f"{opening} … {s.text}")
    return None


def _posted_date(doc: Doc, m: Mention) -> DateValue | None:
    """"« J'ai eu un bon échange téléphonique avec Y », a écrit mardi X sur X": a call its caller tells
    in the first person and the present perfect, in a post or statement, happened on the day it was
    posted, the day the incise's reporting verb carries.  Not a pluperfect ("J'avais parlé"), nor a
    day that is only bounded or later than the article.  Told in the third person with a perfect
    infinitive ("X a indiqué samedi s'être entretenu avec Y"), the call is dated the same way, by the
    day the reporting verb carries."""
    verb = m.incise or _reported_perfect(m.trigger[0])
    if verb is None or _pluperfect(m.trigger[0]):
        return None
    return _speech_day(doc, verb)


def _speech_day(doc: Doc, verb: Token) -> DateValue | None:
    """The day a reporting verb carries ("a déclaré jeudi", "a écrit mardi"), not later than the
    article, nor one counted from another event."""
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    for s in dates_within(doc, verb.i + 1, verb.sent.end):
        value = s._.date
        if s.root.head == verb and value and value.precision == "day" and not _anchor_relative(s) \
                and not (ref and value.earliest > ref):
            return value
    return None


def _quoted_deixis(doc: Doc, mentions: list[Mention]) -> None:
    """"« J'ai eu ce matin X au téléphone », a déclaré jeudi Y": the speaker's "ce matin", "hier" or
    "mardi" count from the day they spoke, which the incise's reporting verb carries, not from the
    article's date.  A date the quotation spells out in full reads the same from either day and is
    left as it is."""
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    for m in mentions:
        if m.incise is None or m.date is None or ref is None:
            continue
        spoken = _speech_day(doc, m.incise)
        if spoken is None or spoken.earliest == ref:
            continue
        quoted = (m.sent.start, m.incise.i) if m.trigger[0].i < m.incise.i else (m.incise.i + 1, m.sent.end)
        own = [s for s in dates_within(doc, *quoted) if s._.date == m.date and not _anchor_relative(s)]
        again = normalise(own[0].text, spoken.earliest) if len(own) == 1 else None
        if again is not None and again != m.date:
            m.date = again


def _ticker_dates(doc: Doc, mentions: list[Mention]) -> None:
    """"11h05 — X s'est entretenu avec Y" under a heading "les événements du samedi 10 mai": an
    undated call told in the present perfect in a live ticker's entry happened on the heading's
    day.  A call told in the pluperfect ("avait parlé"), or as an earlier one, may be older, and
    so may one whose sentence holds another date ("la semaine dernière", left vague)."""
    if all(m.date is not None for m in mentions):
        return
    entries = ticker_entries(doc.text, doc._.ref if isinstance(doc._.ref, date) else None)
    for m in mentions:
        at = m.trigger[0].idx
        entry = next((e for e in entries if e.start <= at < e.end), None)
        if entry is None or m.date is not None or m.earlier or _pluperfect(m.trigger[0]):
            continue
        if not entry.headed and (_reported_perfect(m.trigger[0]) is not None or has_phrase(
                folded(m.sent), _vocab()["night_cues"])):
            continue  # on a page dated by itself alone, "dans la nuit" at 09h15 and "assure avoir reçu" stay open
        day = DateValue.of_day(entry.day)
        if all(s._.date and s._.date.value == day.value for s in dates_within(doc, m.sent.start, m.sent.end)):
            m.date = day


def _readout_day(doc: Doc, mentions: list[Mention]) -> None:
    """"Entretien téléphonique avec le Premier ministre de l'Inde" then "Vladimir Poutine a eu un
    entretien téléphonique avec X": a readout, as the Kremlin, the Élysée and many ministries publish
    them, titled by the call itself and dating nothing, since the call it tells in the present perfect
    happened on the day it was published.  Only such a readout: a news report that dates nothing may
    come days after the call ("a reçu un appel de Y, sans préciser la date"); only in an article with
    no date at all (a date elsewhere may be the call's, left unlinked); and only for a new call in the
    present perfect, not one told as earlier, referred back to or in the pluperfect."""
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    if ref is None or doc.spans.get("dates") or not len(doc) or not _strong_phrase_at(doc[0]):
        return
    for m in mentions:
        if m.date is None and not m.referring and not m.earlier and _present_perfect(m.trigger[0]):
            m.date = DateValue.of_day(ref)


def _lead_month(doc: Doc, mentions: list[Mention]) -> None:
    """"Le ministre X et son homologue Y ont eu un premier entretien téléphonique" opening a dated report,
    with no day anywhere for it: a news lead tells a call of the last days (:func:`~kg.extract.dates.lead_month`).
    Only a new call in the present perfect told in the lead (:func:`~kg.extract.spans.lead_sentence`), not one
    told as earlier, referred back to or in the pluperfect."""
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    lead = lead_sentence(doc)
    if ref is None or lead is None:
        return
    for m in mentions:
        if m.date is None and m.sent.start == lead.start and not m.referring and not m.earlier \
                and _present_perfect(m.trigger[0]):
            m.date = lead_month(ref)


def _present_perfect(trigger: Token) -> bool:
    """The call verb, or the light verb a call noun hangs from ("a eu un entretien"), in the present
    perfect: an auxiliary in the present tense."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") or _participle(trigger) else trigger.head
    return any(c.dep_.startswith("aux") and "Pres" in c.morph.get("Tense") for c in verb.children)


def _pluperfect(verb: Token) -> bool:
    """"avait appelé", "s'était entretenu": an auxiliary in the imperfect."""
    return any(c.dep_.startswith("aux") and "Imp" in c.morph.get("Tense") for c in verb.children)


#: Words that may stand between a date and the call noun it dates, in the verb group ("a eu hier un
#: entretien", "ont tenu mardi soir une visioconférence", "un entretien téléphonique jeudi avec").
VERB_GROUP_GAP = 3


def _date_in_verb_group(doc: Doc, m: Mention, here: list[Mention]) -> DateValue | None:
    """A past date in the call's own verb group, found by position when the parser hangs it on
    another word ("X a eu hier un entretien téléphonique avec Y, a annoncé …" parsed with the noun
    under "annoncé"): the sentence's only call, the date right after a verb or auxiliary and just
    before the call noun (articles, adjectives, adverbs between; the date may be set off by commas,
    "a eu, ce vendredi, un entretien"), or right after the noun and its adjectives.  Never a date
    under "depuis"/"avant", an anchor-relative one, or a future one."""
    if len(here) != 1 or not m.trigger:
        return None
    first, last = m.trigger[0].i, m.trigger[-1].i
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    for s in dates_within(doc, m.sent.start, m.sent.end):
        value = s._.date
        if value is None or _anchor_relative(s) or _since(s, m) or (ref and value.earliest > ref):
            continue
        if s.end <= first:
            gap = doc[s.end:first]
            before = s.start - 1 - (s.start > 1 and doc[s.start - 1].text == ",")  # "a eu, ce vendredi, un …"
            opens = s.start > 0 and doc[before].pos_ in ("VERB", "AUX")
        elif s.start > last:
            gap = doc[last + 1:s.start]
            opens = True
        else:
            continue
        words = [t for t in gap if t.text != ","]
        if opens and len(words) <= VERB_GROUP_GAP and all(t.pos_ in ("DET", "ADJ", "ADV") for t in words):
            return value
    return None


#: Prepositions that make a date a goal, not the day of the act ("du gaz pour l'hiver", "d'ici à mars").
TARGET_CASES = frozenset(("pour", "d'ici", "ici"))


def _target_date(span: Span) -> bool:
    """"c'est Y qui l'appelait pour lui proposer du gaz pour l'hiver": a date introduced by "pour" or
    "d'ici" is a goal or a deadline, never the day a call took place."""
    return any(c.dep_ == "case" and fold(c.text) in TARGET_CASES for c in span.root.children)


def _gesture_date(doc: Doc, m: Mention) -> DateValue | None:
    """"Quand X a décroché, jeudi soir, c'est Y qui l'appelait", "a raccroché jeudi après une demi-heure de
    conversation avec Y": the day of the phone gesture (:func:`_phone_gesture`) is the call's."""
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    gestures = _phone_gestures(m.sent)
    for s in dates_within(doc, m.sent.start, m.sent.end) if gestures else ():
        value = s._.date
        if value and s.root.head in gestures and not _anchor_relative(s) and not (ref and value.earliest > ref):
            return value
    return None


def _sequel_dates(doc: Doc, mentions: list[Mention]) -> None:
    """"Il a ensuite téléphoné à Y": an undated call told soon after a dated one, with no other
    date stated between them, continues that day's account and takes its date (a day, or a night
    "de dimanche à lundi"); told further on, or after another date, it happened between that date
    and the article's reference day, dated at the precision both ends share (the same day, the
    same month)."""
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    last: Mention | None = None
    for m in mentions:
        if m.date is None and last is not None and last.date and _also(m) and _same_account(
                doc, last.sent, m.sent, last.date):
            m.date = last.date  # "Il a précisé avoir également échangé par téléphone avec Y"
        elif m.date is None and has_phrase(folded(m.sent), _vocab()["sequel_cues"]):
            if last is not None and last.date:  # the caller's account moved on to another act's day: its sequel
                m.date = last.date if _same_account(doc, last.sent, m.sent) else _account_day(
                    doc, m.sent, last.sent.end, actor=m) or (
                    _between(last.date, ref) if ref and last.date.precision == "day" else None)
            else:
                m.date = _account_day(doc, m.sent)
        last = m if m.date and not m.referring else last


def _also(m: Mention) -> bool:
    """"X a également parlé avec Y" right after a dated call: another call of the same account, of
    that day; not "X avait aussi parlé avec Y" (the pluperfect steps back in time), nor a noun."""
    verb = m.trigger[0]
    return not m.referring and verb.pos_ not in ("NOUN", "PROPN") and not _pluperfect(verb) and has_phrase(
        folded(m.sent), _vocab()["also_cues"])


def _account_day(doc: Doc, sent: Span, after: int = 0, actor: Mention | None = None) -> DateValue | None:
    """"Pete Hegseth a visité lundi une base navale. … Le secrétaire à la Défense a ensuite appelé
    Y": a sequel told after another dated act, with no call before it, is of that act's day, when
    the sentences just before (:data:`SEQUEL_GAP` and the one before them) state exactly one date,
    a day.  Told after a call (since ``after``), only an act of the caller's own account counts, one
    whose subject is "il"/"elle" or a party of the sequel ("A a appelé lundi B. Mercredi, il a visité
    une usine. Il s'est ensuite entretenu avec C": Wednesday), not anyone's ("Des manifestations ont
    eu lieu jeudi. A a ensuite appelé C": somewhere after Monday)."""
    start, told = sent.start, 0
    while start > after and told <= SEQUEL_GAP:
        start = doc[start - 1].sent.start
        told += bool(doc[start].sent.text.strip())
    start = max(start, after)
    spans = [s for s in dates_within(doc, start, sent.start) if s._.date and not _anchor_relative(s)]
    days = {s._.date.value: s._.date for s in spans}
    value = next(iter(days.values())) if len(days) == 1 else None
    if actor is not None and not all(_acted_by(s.sent, actor) for s in spans):
        return None
    return value if value is not None and value.precision == "day" else None


def _acted_by(sent: Span, m: Mention) -> bool:
    """The sentence's subject is "il"/"elle" or one of the call's people."""
    subjects = [t for t in sent if t.dep_ in SUBJECT_DEPS]
    return any(fold(t.text) in _words("subject_pronouns") for t in subjects) or any(
        p.key in m.persons and _is_subject(p.span) for p in people_within(sent.doc, sent.start, sent.end))


#: Sentences that may stand between a dated call and its sequel in one account ("X a appelé mardi
#: Y. Les deux hommes ont évoqué Z. Il a ensuite appelé W").
SEQUEL_GAP = 2


def _same_account(doc: Doc, first: Span, second: Span, day: DateValue | None = None) -> bool:
    """``second`` follows ``first`` within :data:`SEQUEL_GAP` sentences (blank lines not counted)
    and no date is stated between them: the account has not moved to another time.  A date of the
    account's own ``day`` does not move it ("« J'ai parlé avec X. … », a écrit dimanche Y")."""
    if second.start <= first.start:
        return True
    between = doc[first.end:second.start]
    if not len(between):
        return True
    told = [s for s in between.sents if s.text.strip()]
    moved = [s for s in dates_within(doc, first.end, second.start) if day is None or s._.date != day]
    return len(told) <= SEQUEL_GAP and not moved


def _between(earlier: DateValue, ref: date) -> DateValue | None:
    start = earlier.earliest
    if ref < start:
        return None
    if ref == start:
        return DateValue.of_day(start)
    if (ref.year, ref.month) == (start.year, start.month):
        return DateValue(f"{start.year:04d}-{start.month:02d}", "month", start, ref)
    return None


FRONT_REACH = 2  # words before a date that still fronts its sentence ("Puis, le 5 mars, …")


def _fronted_date(doc: Doc, m: Mention) -> DateValue | None:
    """A date that frames the whole sentence dates each call told further in it that has no date of
    its own (:func:`_frame_date`), not an earlier call the sentence recalls."""
    return None if m.earlier else _frame_date(doc, m.sent, m.trigger[0].i)


def _frame_date(doc: Doc, sent: Span, before: int) -> DateValue | None:
    """The date that frames a sentence, before token ``before``: fronted and set off by a comma or a
    colon ("Le lendemain, c'est au tour de X de décrocher son téléphone : il s'entretient avec Y"), or
    in a verbless lead before a colon ("Dernier acte le 27 juin : A et B font le point au téléphone");
    not a bound ("Depuis mars, …")."""
    for s in dates_within(doc, sent.start, before):
        if s.end >= sent.end or doc[s.end].text not in (",", ":"):
            continue
        lead = doc[min(past_dateline(sent, title_case=True), s.start): s.start]  # "Rome – Vendredi, X a …"
        if any(fold(x.text) in _words("since_words") for x in lead):
            continue
        fronted = len(lead) <= FRONT_REACH and all(x.is_punct or x.pos_ in ("ADV", "CCONJ") for x in lead)
        colon = next((x for x in doc[s.end: before] if x.text == ":"), None)
        verbless = colon is not None and not any(x.pos_ in ("VERB", "AUX") for x in doc[sent.start: colon.i])
        if fronted or verbless:
            return _from_anchor(doc, s) if _anchor_relative(s) else s._.date
    return None


def _scene_date(doc: Doc, m: Mention, mentions: list[Mention]) -> DateValue | None:
    """A chronicle in the narrative present: "Le 23 juin, le Qatar entre en scène. L'émir reçoit un
    appel de X": the date fronting the sentence just before, in the same paragraph, with no call of its
    own, dates a call told in the present with no date of its sentence."""
    verbs = [a for a in [*m.trigger, *_anchors(m.trigger)] if a.pos_ in ("VERB", "AUX")]
    if not verbs or m.sent.start == 0 or dates_within(doc, m.sent.start, m.sent.end):
        return None
    verb = verbs[0]
    if not _plain_present(verb):
        return None
    prev = doc[m.sent.start - 1].sent
    if "\n" in doc[prev.end - 1: m.sent.start + 1].text or any(n.sent == prev for n in mentions):
        return None  # another paragraph, or a sentence with a call of its own
    return _frame_date(doc, prev, prev.end)


def _date_after_parties(doc: Doc, m: Mention) -> DateValue | None:
    """"… un appel entre A et son homologue B, le 21 octobre.": a date set off by a comma right
    after the call's last party, ending the clause, is the call's (the parser hangs it elsewhere); so
    is one right after a party of a call noun ("À la suite d'un appel avec le président X lundi, …")."""
    ends = {p.span.end for p in people_within(doc, m.sent.start, m.sent.end) if p.key in m.persons}
    noun = m.trigger[0].pos_ in ("NOUN", "PROPN")
    for s in (s for end in sorted(ends) for s in dates_within(doc, end, end + 2)):
        if not (s._.date and s._.date.value) or _anchor_relative(s):
            continue
        closes = s.end >= m.sent.end - 1 or doc[s.end].text in (",", ";", ".")
        set_off = s.start - 1 in ends and doc[s.start - 1].text == ","
        if closes and (set_off or noun and s.start in ends and s.start > m.trigger[0].i):
            return s._.date
    return None


def _anchor_relative(span: Span) -> bool:
    """"deux jours plus tard", "la veille", "trois jours après": counted from another event (not
    "plus tôt dans la journée", the dispatch's own day); a cue that opens a compound word is none
    ("mardi après-midi" is a day's afternoon, not "après")."""
    text = folded(span)
    cues = phrase_pattern(tuple(_vocab()["anchor_relative_dates"])).finditer(text)
    return any(not text.startswith("-", m.end()) for m in cues) and not counts_from_reference(span.text)


def _from_anchor(doc: Doc, span: Span) -> DateValue | None:
    """An anchor-relative date opening its sentence ("Deux jours plus tard, il a appelé …") counts
    from the last date stated before the sentence; anywhere else ("trois jours après un appel") it
    dates another event, and the call gets nothing from it.  "la veille", "le lendemain" standing
    alone further in ("Le chancelier avait prévenu la veille Y") count from the last *day* stated
    before, not from a month named in passing ("depuis décembre 2022"), or from the day of a report
    told earlier in the same sentence (:func:`_reported_on`)."""
    standalone = _standalone_day_shift(doc, span)
    if span.start - span.sent.start > 2 and not standalone:
        return None
    entry = _ticker_entry_of(doc, span.start_char)
    before = [s._.date for s in doc.spans.get("dates", [])
              if (s.end <= span.sent.start or standalone and s.end <= span.start and (
                  _reported_on(s) or _other_clause_day(s, span)))
              and (entry is None or s.start_char >= entry.start)
              and s._.date and not _anchor_relative(s) and (not standalone or s._.date.precision == "day")]
    if not before and entry is not None:
        before = [DateValue.of_day(entry.day)]  # "15h32 — … l'appel de la veille": the eve of the entry's day
    if not before and standalone and (later := _main_clause_day_after(doc, span)) is not None:
        before = [later]
    return normalise(span.text, doc._.ref if isinstance(doc._.ref, date) else None, anchor=before[-1]) \
        if before else None


def _main_clause_day_after(doc: Doc, span: Span) -> DateValue | None:
    """"X, qui s'était entretenu la veille avec Y, a présidé vendredi un conseil": a day shift in a
    relative clause on the subject counts from the day of the main verb told after the clause."""
    rel = next((a for a in span.root.ancestors if a.dep_ == "acl:relcl"), None)
    if rel is None or rel.head.dep_ not in SUBJECT_DEPS:
        return None
    verb = rel.head.head
    return next((s._.date for s in dates_within(doc, rel.right_edge.i + 1, span.sent.end)
                 if s.root.head == verb and s._.date and s._.date.precision == "day"), None)


def _other_clause_day(day: Span, shift: Span) -> bool:
    """"Lundi, il a reçu X, avant de s'entretenir, le lendemain, avec Y": a day hung on the sentence's
    main verb, and a standalone "le lendemain" in a clause of its own after it (an infinitive or a
    participle clause hung on that verb): the shift counts from that day."""
    verb = day.root.head
    clause = next((a for a in shift.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return clause is not None and clause.i != verb.i and clause.head.i == verb.i and clause.dep_ in (
        "advcl", "xcomp", "conj")


def _ticker_entry_of(doc: Doc, at: int) -> TickerEntry | None:
    """The live ticker entry holding character ``at``: its dates count from its own heading's day, not
    from the dates of the entries before it (see :func:`dates.ticker_entries`)."""
    entries = ticker_entries(doc.text, doc._.ref if isinstance(doc._.ref, date) else None)
    return next((e for e in entries if e.start <= at < e.end), None)


def _reported_on(span: Span) -> bool:
    """The date is the day of a report told in the sentence ("Le Kremlin a annoncé mercredi que A et B
    s'étaient parlé la veille"): it hangs on a reporting verb, so "la veille" after it is its eve."""
    head = span.root.head
    verbs = _vocab()["reporting_verbs"]
    if head.i == span.sent.start and head.i != head.head.i and "Part" in head.morph.get("VerbForm"):
        head = head.head  # "Invité mardi matin de la radio X, Y a raconté …": the day of the report
    if head.pos_ in ("VERB", "AUX") and (
            fold(head.lemma_) in verbs or f"{fold(head.head.lemma_)} {fold(head.lemma_)}" in verbs):  # "faire savoir"
        return True
    # by surface, right after the verb the parser lost ("a fait savoir mercredi")
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    return before is not None and before.pos_ in ("VERB", "AUX", "ADV") and reporting_phrase(before)


def _standalone_day_shift(doc: Doc, span: Span) -> bool:
    """"la veille", "le lendemain" not followed by what they are the eve of ("la veille de X")."""
    after = fold(doc[span.end].text) if span.end < len(doc) else ""
    return has_phrase(folded(span), _vocab()["day_shifts"]) and after not in ("de", "du", "d'", "des")


def _since(span: Span, m: Mention) -> bool:
    """A date under "depuis", "avant"… bounds something; it is not the call's date.  Looks back over
    the words before the date, and up the tree from the date to its call trigger."""
    doc = span.doc
    for i in range(span.start - 1, max(span.sent.start, span.start - 12) - 1, -1):
        word = fold(doc[i].text)
        if doc[i] in m.trigger:
            break  # "leur conversation téléphonique du 12 février": the call's own date
        if word in _words("since_words"):
            return True
        if doc[i].pos_ in ("VERB", "AUX") or word in (",", ";", ":", "et", "qui", "que"):
            break
    anchors = _anchors(m.trigger)
    node = span.root
    while node not in anchors and node.head.i != node.i:
        if any(fold(c.text) in _words("since_words") for c in node.children if c.dep_ in ("case", "mark")):
            return True
        node = node.head
    return False


def _then_date(doc: Doc, m: Mention) -> DateValue | None:
    """"À l'époque, …", "Le même jour, …" opening the sentence, or a same-day cue anywhere in it ("a
    parlé le soir même avec Y", "Dans la soirée, …"): the last date of the sentences just before, or
    the last day told before the cue in the sentence itself ("ont tenu le 24 juin une réunion, avant
    que X ne s'entretienne, le soir même, avec Y"); a call told before the cue with a date of its own
    between them keeps that date."""
    sent = m.sent
    cue = _same_day_at(sent)
    if sent.start == 0 and cue is None:
        return None
    if cue is None and not has_phrase(folded(sent[:6]), _vocab()["then_cues"]):
        return None
    spans = [s for s in doc.spans.get("dates", []) if s._.date]
    if cue is not None:
        if any(m.trigger[0].i < s.start < cue for s in spans):
            return None
        days = [_told_day(doc, s) for s in spans  # "Plus tard dans la journée": the last *day* told, past background
                if s.start < cue and s._.date.precision == "day" and not _planned_day(s)]
        return next((d for d in reversed(days) if d is not None), None)
    start = doc[sent.start - 1].sent.start
    for _ in range(2):  # the paragraph's last date, up to three sentences back
        if start > 0:
            start = doc[start - 1].sent.start
    # "Dans la foulée" after "qui occupait le poste depuis septembre 2021": a bound, not a day told; but "À
    # l'époque" after "la première depuis 2022" is that very time (``era_cues``)
    since = set() if has_phrase(folded(sent[:6]), _vocab()["era_cues"]) else _words("since_words")
    dates = [_told_day(doc, s) for s in spans if start <= s.start < sent.start
             and not (s.start > 0 and fold(doc[s.start - 1].text) in since)]
    return next((d for d in reversed(dates) if d is not None), None)


def _told_day(doc: Doc, span: Span) -> DateValue | None:
    """The day a date span tells in the story: "la veille" after "jeudi" is Wednesday, counted from
    the day told before it (:func:`_from_anchor`), not from the publication date."""
    return _from_anchor(doc, span) if _anchor_relative(span) else span._.date


def _planned_day(span: Span) -> bool:
    """The day of something planned ("la réunion prévue lundi à Genève", "doit se rendre mardi"): not a
    day the account tells, which a same-day cue ("Dans la soirée") would continue."""
    head = span.root.head
    if head.pos_ not in ("VERB", "AUX", "ADJ") or _in_a_name(head):
        return False  # a name the parser hung the day on ("avec … Narendra Modi, vendredi")
    scheduled = _words("schedule_predicates")  # not a request's day ("a sollicité mardi un entretien")
    return fold(head.lemma_) in scheduled or fold(head.text) in scheduled or future_form(head)


SAME_DAY_REACH = 8  # words read from a token for a same-day cue and what follows it


def _same_day_at(sent: Span) -> int | None:
    """Where a cue that puts the sentence on the day told before stands ("le soir même", "dans la
    soirée", "quelques heures plus tard"), not followed by a day of its own ("dans la soirée de
    mardi"): the index of its first word, or None."""
    pattern = phrase_pattern(tuple(_vocab()["same_day_cues"]))
    if not pattern.search(folded(sent)):
        return None  # the cheap test first
    for t in sent:
        text = folded(sent.doc[t.i: min(sent.end, t.i + SAME_DAY_REACH)])
        found = pattern.match(text)
        if found is not None and not _OWN_DAY.match(text, found.end()):
            return t.i
    return None


#: What follows a same-day cue that names its own day: "dans la soirée de mardi", "du 4 mars".
_OWN_DAY = re.compile(r"\s*(?:de|du|d')(?![\w])")


def _initiator(doc: Doc, m: Mention, mentions: list[Mention]) -> Party | None:
    """Who placed the call: the object of a cue ("à l'initiative de X", "à la demande de la partie
    russe", "a reçu un appel de X", "l'initiateur de l'entretien était X") with no other call's
    trigger between it and this one's, else the one subject of a calling verb ("X a appelé Y")."""
    at = m.trigger[0].i
    others = _other_triggers(m, mentions)
    for start in _cue_objects(m.sent):
        if any(min(start, at) < i < max(start, at) for i in others):
            continue  # "X a téléphoné à Y, avant de recevoir un appel de Z": Z placed the other call
        party = _latter(doc, start) or _party_at(doc, start, m.sent.end) or _past_relation(doc, start, m.sent.end)
        if party:
            return party
    if (party := _received_from(doc, m)) is not None:
        return party  # "a reçu, jeudi, alors qu'il …, un appel du président X": the cue's words parted
    verb = m.trigger[0]
    asker = _requested(verb) or _initiative_taker(verb)
    if asker is not None and not m.callers:
        party = _requester(doc, asker)
        if party is not None:
            return party  # "C'est le chef de l'État français qui avait sollicité cet appel", "Kiev avait demandé …"
    if (asker is not None or _phone_taker(verb) is not None or _placing_participle(m) or _cleft_placed(m)) \
            and len(m.callers) == 1:
        return Party(person=m.callers[0])  # "X a pris l'initiative d'un entretien avec Y", "… son téléphone pour"
    lemma = _participle(verb) or fold(verb.lemma_)  # "a téléphoné" tagged as a noun is still a verb
    placing = _placing(verb)
    if placing is not None and not _passive(placing) and len(m.callers) == 1:
        return Party(person=m.callers[0])  # "X a passé un coup de fil à Y", "X a pris contact avec Y"
    if placing is not None and not m.callers and len(set(m.caller_offices)) == 1:
        return Party(office=m.caller_offices[0])
    agent = _agent_at(verb) if verb.pos_ in ("VERB", "AUX") and lemma in _vocab()["initiator_verbs"] else None
    if agent is not None and (party := _party_at(doc, agent, m.sent.end)) is not None:
        return party  # "a été joint avant-hier soir au téléphone par son homologue Y"
    if lemma in _vocab()["initiator_verbs"] and not _passive(verb):
        if len(m.callers) == 1:
            return Party(person=m.callers[0])
        if not m.callers and len(set(m.caller_offices)) == 1:
            return Party(office=m.caller_offices[0])  # the post's holder is found with the call's people
    return None


def _received_from(doc: Doc, m: Mention) -> Party | None:
    """The one whose call was received, read in the tree when a clause set off between the verb and
    its object parts the words of the cue "a reçu un appel de X": the "de" complement of a call noun
    that "recevoir" takes as its object."""
    noun = m.trigger[0]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    relative = _received_in_relative(noun)
    if relative is not None:  # "un appel qu'il a reçu lundi du ministre X": the relative's "de" complement
        of = next((c for c in relative.children if c.dep_.startswith("obl") and c.i > relative.i and _of_case(c)), None)
        return _party_at(doc, of.left_edge.i, m.sent.end) if of is not None else None
    receiving = [a for a in _anchors(m.trigger) if fold(a.lemma_) == "recevoir" and a.pos_ in ("VERB", "AUX")]
    if not any(not _passive(a) for a in receiving):
        return None
    of = next((c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i and _of_case(c)), None)
    return _party_at(doc, of.left_edge.i, m.sent.end) if of is not None else None


def _of_case(node: Token) -> bool:
    """The phrase is opened by "de" ("du ministre X", "de la part de X" counts as well)."""
    return any(x.dep_ == "case" and fold(x.text) in ("de", "du", "d'", "des") for x in node.children)


def _received_in_relative(noun: Token) -> Token | None:
    """The verb "recevoir" of a relative clause on the call noun, past its adjectives ("un appel
    téléphonique qu'il a reçu lundi du ministre X"): the one it was received from placed the call."""
    doc, i = noun.doc, noun.i + 1
    while i < noun.sent.end and doc[i].pos_ == "ADJ":
        i += 1
    if i >= noun.sent.end or fold(doc[i].text) not in ("que", "qu'"):
        return None
    verb = doc[i].head
    return verb if verb.i > i and verb.pos_ in ("VERB", "AUX") and fold(verb.lemma_) == "recevoir" \
        and not _passive(verb) else None


def _placing(trigger: Token) -> Token | None:
    """The verb of "passer un appel", "passer un coup de fil", "prendre contact" (``placing_phrases``,
    verb and object lemmas) whose subject placed the call: the trigger itself or the verb it is
    the object of."""
    pairs = _words("placing_phrases")
    if any(c.dep_ == "obj" and f"{fold(trigger.lemma_)} {fold(c.lemma_)}" in pairs for c in trigger.children):
        return trigger
    if trigger.dep_ == "obj" and f"{fold(trigger.head.lemma_)} {fold(trigger.lemma_)}" in pairs:
        return trigger.head
    return None


#: Ordinals standing for the first or the last of the people named before ("à l'initiative du second").
FORMER_ORDINALS = frozenset(("premier", "premiere"))
LATTER_ORDINALS = frozenset(("second", "seconde", "dernier", "derniere"))


def _latter(doc: Doc, start: int) -> Party | None:
    """"à la demande de ce dernier", "à la demande de celui-ci" (the state-media wording): the
    person named last before the cue in its sentence; "à l'initiative du second" (an ordinal standing
    alone, no noun after it) the last of them too, "du premier" the first."""
    opening = " ".join(fold(t.text) for t in doc[start:start + 2])
    k = start + (fold(doc[start].text) in ("le", "la"))
    ordinal = fold(doc[k].text) if k < len(doc) else ""
    alone = k + 1 >= doc[start].sent.end or doc[k + 1].is_punct
    latter = phrase_pattern(tuple(_vocab()["latter_pronouns"])).match(opening) or (
        alone and ordinal in LATTER_ORDINALS)
    if not latter and not (alone and ordinal in FORMER_ORDINALS):
        return None
    sent = doc[start].sent
    before = [p for p in doc._.people or [] if sent.start <= p.span.start and p.span.end <= start]
    if not before:
        return None
    pick = max if latter else min
    return Party(person=pick(before, key=lambda p: p.span.start).key)


def _passive(verb: Token) -> bool:
    """The verb is passive: an auxiliary "être" of the passive, or a passive subject; not when the
    tense's only auxiliary is "avoir" ("Le président a ensuite appelé X", "La présidente a ensuite
    joint par téléphone X", the subject tagged nsubj:pass), as the French passive takes "être"."""
    auxiliaries = [fold(c.lemma_) for c in verb.children if c.dep_.startswith("aux")]
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    if "avoir" in auxiliaries and "etre" not in auxiliaries:
        return False
    return any(c.dep_ == "nsubj:pass" for c in verb.children)


def _cue_objects(sent: Span) -> list[int]:
    """Token indices where the object of an initiator cue starts."""
    words, starts = _joined(sent)
    media = _words("phone_nouns")  # "a joint par téléphone X": the medium, not the agent ("joint par X")
    out = [starts[hit.end() + 1] for hit in _cue_regex().finditer(words) if hit.end() + 1 in starts
           and fold(sent.doc[starts[hit.end() + 1]].text) not in media]
    nouns = _words("initiator_nouns")
    for t in sent:  # "l'initiateur de la conversation était (lui-même) X"
        if fold(t.text) in nouns:
            copula = next((x for x in sent[t.i - sent.start + 1:] if fold(x.lemma_) == "etre"), None)
            if copula is not None and copula.i - t.i <= 8:
                out.append(copula.i + 1)
        if subject := _origin_subject(t):
            out.append(subject.left_edge.i)  # "La partie indienne est à l'origine de cet entretien"
    return sorted(out)


def _origin_subject(t: Token) -> Token | None:
    """The subject of "être à l'origine de" a call or of the initiative ("La partie indienne est à
    l'origine de cet entretien"), the parser's subject of the copula; not a pronoun, which names no one."""
    if fold(t.lemma_) not in _words("origin_nouns") or not any(
            c.dep_ == "case" and fold(c.text) == "a" for c in t.children):
        return None
    of = {fold(c.lemma_) for c in t.children if c.dep_ == "nmod"}
    if not of & (_words("weak_nouns") | _words("initiative_nouns")):
        return None
    subject = next((c for c in t.children if c.dep_ in SUBJECT_DEPS and c is not t), None)
    if subject is None and t.dep_ == "nsubj:pass":  # the parser may make the copula's subject a sibling
        subject = next((c for c in t.head.children if c.dep_ in SUBJECT_DEPS and c is not t and c.i < t.i), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern:
    """The initiator cues over words joined by single spaces ("a l' initiative de")."""
    return phrase_pattern(tuple(c.replace("'", "' ").replace("  ", " ").strip() for c in _vocab()["initiator_cues"]))


def _joined(sent: Span) -> tuple[str, dict[int, int]]:
    """The sentence's folded words joined by single spaces, less dates and adverbs, and the token
    starting at each offset."""
    words, starts = "", {}
    dated = {i for s in dates_within(sent.doc, sent.start, sent.end) for i in range(s.start, s.end)}
    for t in sent:
        if t.i in dated or (t.pos_ == "ADV" and fold(t.text) not in ("lors", "ne", "n'")):
            continue  # "a reçu lundi un appel de X", "a été longuement appelé par X"
        if t.text == "," and (t.i - 1 in dated or t.i + 1 in dated):
            continue  # the commas around a date set off ("a reçu, jeudi, un appel de X")
        starts[len(words)] = t.i
        # any tense of "recevoir" reads as the cues write it: "reçoit un appel de X" as "reçu un appel de X"
        words += ("recu" if fold(t.lemma_) == "recevoir" and t.pos_ in ("VERB", "AUX") else fold(t.text)) + " "
    return words, starts


OBJECT_SKIP = 5  # "à la demande de la partie américaine": words before the party itself


def _party_at(doc: Doc, start: int, end: int) -> Party | None:
    """The person or country that begins within a few words after ``start``, before any comma."""
    stop = next((t.i for t in doc[start:end] if t.text in (",", ";", ":", ".") or t.pos_ == "VERB"), end)
    stop = min(stop, start + OBJECT_SKIP + 1)
    person = next((p for p in sorted(doc._.people or [], key=lambda p: p.span.start)
                   if start <= p.span.start < stop), None)
    place = next(iter(lex_within(doc, start, stop, "DEMONYM", "COUNTRY", "METONYM")), None)
    if person and (place is None or person.span.start <= place.start or place.label_ == "DEMONYM"):
        return Party(person=person.key)  # "du président ukrainien X": the demonym is X's post
    return _holder_after_post(doc, start, end) or (Party(country=place.kb_id_) if place else None)


#: Nouns of the relation a call's other party stands in, set off before their post and name ("un appel
#: de son frère, le Président de la République tunisienne, M. X", "de son homologue et ami, X").
RELATION_NOUNS = frozenset(("frere", "soeur", "ami", "amie", "homologue"))


def _past_relation(doc: Doc, start: int, end: int) -> Party | None:
    """The party named after a relation noun and a comma ("de son frère, le Président …, M. X")."""
    words = [fold(t.text) for t in doc[start:min(end, start + 5)]]
    k = 1 if words and words[0] in ("son", "sa", "leur") else 0
    if len(words) <= k or words[k] not in RELATION_NOUNS:
        return None
    k += 1
    if words[k:k + 2] and words[k] == "et" and len(words) > k + 1 and words[k + 1] in RELATION_NOUNS:
        k += 2  # "son homologue et frère"
    if start + k >= end or doc[start + k].text != ",":
        return None
    after = start + k + 1  # the name past the post first: "le président de l'État de Palestine, M. X"
    return _holder_after_post(doc, after, end) or _party_at(doc, after, end)


def _holder_after_post(doc: Doc, start: int, end: int) -> Party | None:
    """"un appel du ministre de la Défense nationale de la République de Turquie, Yaşar Güler": a
    post opening the cue's object (after an honorific, "Son Excellence"), too long for
    :func:`_party_at`'s reach, and the name set off right after it by a comma."""
    post = next(iter(posts_within(doc, start, min(start + OBJECT_SKIP, end))), None)
    if post is None:
        return _apposed_to_title(doc, start, end)
    if any(t.text in (",", ";", ":") for t in doc[start:post.span.start]):
        return None  # past an honorific ("de Son Excellence le président de la République française, X")
    after = post.span.end
    while after < end and doc[after].pos_ in ("ADP", "DET", "PROPN", "NOUN", "ADJ") and not (
            any(p.span.start == after for p in doc._.people or [])):
        after += 1  # the rest of the post's complement ("de la République de Turquie")
    if after < end and doc[after].text == ",":
        after += 1
    if after < end and fold(doc[after].text) in ("le", "la", "l'"):  # ", le vice-maréchal de l'air X": a rank
        rank = next((s for s in lex_within(doc, after + 1, min(end, after + 6), "TITLE") if s.start == after + 1), None)
        after = rank.end if rank is not None else after
    person = next((p for p in doc._.people or [] if p.span.start == after), None)
    return Party(person=person.key) if person else None


#: Words a title no post of the lexicon names may run to before the name set off after it.
TITLE_PHRASE_WORDS = 8


def _apposed_to_title(doc: Doc, start: int, end: int) -> Party | None:
    """"un appel du commissaire européen à l'élargissement, X, qui …": a title the lexicon has no post
    for (nouns, adjectives, their articles and prepositions, no name), then the name set off right
    after it by a comma: that person."""
    stop = min(end, start + TITLE_PHRASE_WORDS + 1)
    comma = next((t.i for t in doc[start:stop] if t.text == ","), None)
    if comma is None or comma == start or not any(t.pos_ == "NOUN" for t in doc[start:comma]) or any(
            t.pos_ not in ("NOUN", "ADJ", "ADP", "DET") for t in doc[start:comma]):
        return None
    if any(p.span.start < comma and p.span.end > start for p in doc._.people or []):
        return None
    person = next((p for p in doc._.people or [] if p.span.start == comma + 1), None)
    return Party(person=person.key) if person else None


def _topics(sent: Span) -> list[str]:
    verbs = set(_vocab()["topic_verbs"])
    out = []
    for t in sent:
        if t.pos_ == "VERB" and fold(t.lemma_) in verbs:
            for c in t.children:
                if c.dep_ in ("obj", "obl:arg", "obl") and c.pos_ == "NOUN":
                    words = t.doc[c.left_edge.i: c.right_edge.i + 1]
                    if 1 < len(words) <= 18:
                        out.append(words.text.strip(" ,«»\"'"))
    return out


# ------------------------------------------------------------------ mentions


def find_mentions(doc: Doc) -> list[Mention]:
    context = _call_context(doc)
    mentions: list[Mention] = []
    carried = False
    sents = [s for s in doc.sents if s.text.strip()]
    medium_after = [_medium_told_after(s) for s in sents]
    for n, sent in enumerate(sents):
        earlier = has_phrase(folded(sent), _vocab()["earlier_cues"])
        phoned = carried and pronoun_led(sent) or any(medium_after[n + 1: n + 1 + MEDIUM_AFTER]) \
            or n > 0 and _announces_by_phone(sents[n - 1])
        found = [Mention(sent, tokens, referring, demo, earlier or negated(tokens[0]),
                         possessive=_possessive(tokens[0]), weak=weak,
                         frame=tokens[0].pos_ in ("NOUN", "PROPN") and _framed(tokens[0]))
                 for tokens, referring, demo, weak in _triggers(sent, context, phoned)]
        carried = _on_the_phone(sent, found)
        found += [Mention(sent, [c], False, False, m.earlier) for m in found for c in _next_in_series(m.trigger[0])]
        if (t := _elliptic_call(sent, found, mentions)) is not None:
            found.append(Mention(sent, [t], False, False, True))
        found.sort(key=lambda m: m.trigger[0].i)
        if not found and mentions and _topics(sent) and sent.start - mentions[-1].sent.end < 60:
            mentions[-1].topics += _topics(sent)
        mentions += found
    _attach_people(doc, mentions)
    for m in mentions:
        _surname_pair(doc, m)
    _elliptic_pairs(mentions)
    _attach_posts(doc, mentions)
    _attach_counterparts(doc, mentions)
    _attach_pairs(doc, mentions)
    _attach_sides(doc, mentions)
    _attach_role_nouns(doc, mentions)
    _fallback(doc, mentions)
    # again for "Ils s'étaient parlé …": the pair's own call may have had its people only now
    _plural_pronoun_pair(doc, mentions, verbs_only=True)
    _their_call_pair(doc, mentions)
    _elliptic_pairs(mentions)  # again: the call counted from two may have had its people only now
    for m in mentions:
        _apposed_subject_by_surface(doc, m)
        _object_pronoun(doc, m)  # again: the subject found by surface just now may be the object pronoun's caller
        _call_noun_sequel(doc, m, mentions)
        incised = _phone_incise(m.trigger[0]) if m.trigger[0].pos_ in ("NOUN", "PROPN") else None
        if incised is not None and incised.key not in m.persons:  # "X, au téléphone avec Y, a …"
            m.persons.insert(0, incised.key)
    for m in mentions:
        _infinitive_subject(doc, m, mentions)
        _present_participle_subject(doc, m)
        _cleft_frame_subject(doc, m)
    _role_subjects(doc, mentions)
    _between_pair(doc, mentions)
    _attach_dates(doc, mentions)
    for m in mentions:
        if m.date is None and m.trigger[0].pos_ in ("NOUN", "PROPN") and _phone_incise(m.trigger[0]) is not None:
            m.date = _incise_date(m.trigger[0])
        if m.date is None and (head := _participle_head(m.trigger[0])) is not None:
            m.date = _main_clause_date(doc, head, m.trigger[0])
        if m.date is None and (frame := _cleft_frame(m)) is not None:
            m.date = next((d._.date for d in dates_within(doc, frame[0] + 1, m.sent.end)
                           if d._.date and d._.date.precision == "day" and not _anchor_relative(d)), None)
    _attach_relative_clauses(doc, mentions)
    _antecedents(doc, mentions)
    _named_in_next_sentence(doc, mentions)
    mentions = [m for m in mentions if not _after_publication(doc, m) and not _denied_next(doc, m)]
    for m in mentions:
        m.initiator = _initiator(doc, m, mentions)
        m.topics += _topics(m.sent)
    return mentions


def _surname_pair(doc: Doc, m: Mention) -> None:
    """"Entretien Tebboune-Meloni : …", "Appel téléphonique Macron-Poutine": a call noun (past its
    adjectives) followed by two surnames joined by a hyphen, each the surname of one person the article
    names, is a call between those two."""
    noun = m.trigger[0]
    if noun.pos_ not in ("NOUN", "PROPN") or len(m.persons) >= 2:
        return
    at = noun.i + 1
    while at < m.sent.end and doc[at].pos_ == "ADJ":
        at += 1
    if at + 2 >= len(doc) or doc[at + 1].text != "-":
        return
    by_surname: dict[str, set[str]] = {}
    for p in doc._.people or []:
        by_surname.setdefault(fold(p.span[-1].text), set()).add(p.key)
    pair = [by_surname.get(fold(doc[i].text), set()) for i in (at, at + 2)]
    if all(len(keys) == 1 for keys in pair) and pair[0] != pair[1]:
        m.persons = list(dict.fromkeys([*m.persons, *pair[0], *pair[1]]))


MEDIUM_AFTER = 2  # sentences before one that gives the medium of the exchange they told


def _medium_told_after(sent: Span) -> bool:
    """"L'échange s'est déroulé par téléphone", "Les deux conversations ont eu lieu par téléphone": a
    sentence naming nobody that opens on a definite or demonstrative call noun ("les deux" allowed) and
    gives a phone or video medium tells how the exchange told just before took place, so that the
    exchange ("un échange avec Y", a headline's "Entretien A-B") is a call."""
    words = [fold(t.text) for t in sent if not t.is_space][:4]
    if len(words) < 2 or people_within(sent.doc, sent.start, sent.end):
        return False
    opener, rest = words[0], words[1:]
    if opener not in _words("definites") | _words("demonstratives"):
        return False
    if rest[0] == "deux":
        rest = rest[1:]
    nouns = _vocab()["weak_nouns"]
    return bool(rest) and (rest[0] in nouns or rest[0].rstrip("s") in nouns) \
        and tells_medium(sent)


def in_series(t: Token) -> bool:
    """A call noun counted in a series ("un premier appel"), or the ordinal standing for one ("puis un
    deuxième le 18 mars")."""
    ordinals = _words("series_ordinals")
    return fold(t.text) in ordinals or any(c.dep_ == "amod" and fold(c.text) in ordinals for c in t.children)


def _next_in_series(noun: Token) -> list[Token]:
    """"un premier appel le 12 février, puis un deuxième le 18 mars": the ordinals coordinated with a
    counted call noun, each a call of its own whose noun is left out."""
    if noun.pos_ not in ("NOUN", "PROPN") or not in_series(noun):
        return []
    ordinals = _words("series_ordinals")  # the ordinal is the conjunct, or qualifies it ("une seconde le 17 avril")
    return [c if fold(c.text) in ordinals else next(x for x in c.children if fold(x.text) in ordinals)
            for c in noun.children if c.dep_ == "conj" and in_series(c)]


ELLIPTIC_WORDS = frozenset(("precedent", "precedente", "dernier", "derniere"))


def _elliptic_earlier(sent: Span, before: Mention) -> Token | None:
    """"Il s'agit de leur troisième échange téléphonique. Le précédent remontait au 12 juin": an
    adjective standing for the call noun of the sentence just before, as the subject of a dating verb
    ("remonter", "dater"), tells an earlier call of the same people."""
    doc = sent.doc
    if before.trigger[0].pos_ not in ("NOUN", "PROPN") or sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if before.sent != prev:
        return None
    return next((t for t in sent if fold(t.text) in ELLIPTIC_WORDS and t.i < t.head.i  # the subject, however
                 and fold(t.head.lemma_) in _words("dating_verbs")  # parsed ("La précédente datait" as amod)
                 and t.i > 0 and fold(doc[t.i - 1].text) in ("le", "la", "l'")), None)


#: Frames of time an elliptic ordinal stands in ("lors du premier, le 17 mars").
TIME_FRAMES = ("lors du", "lors de la", "au cours du", "au cours de la", "pendant le", "pendant la",
               "durant le", "durant la")
FIRST_WORDS = frozenset(("premier", "premiere"))


def _elliptic(m: Mention) -> bool:
    """The mention is an earlier call told by a word standing for a call noun ("Le précédent remontait
    au 12 juin", "lors du premier, le 17 mars"), see :func:`_elliptic_call`."""
    return m.earlier and fold(m.trigger[0].text) in ELLIPTIC_WORDS | FIRST_WORDS


def _set_off_date(t: Token) -> Span | None:
    """The date set off by a comma right after ``t`` ("lors du premier, le 17 novembre, …")."""
    doc = t.doc
    if t.i + 2 >= len(doc) or doc[t.i + 1].text != ",":
        return None
    return next((d for d in dates_within(doc, t.i + 2, t.i + 3) if d._.date), None)


def _counted_from_two(t: Token) -> bool:
    """A call noun counted from two on ("leur deuxième conversation", "le troisième échange")."""
    later = _words("series_ordinals") - FIRST_WORDS
    return t.pos_ in ("NOUN", "PROPN") and _is_call_word(t) and any(
        c.dep_ == "amod" and fold(c.text) in later for c in t.children)


def _framed_elliptic(sent: Span) -> Token | None:
    """"C'était leur deuxième échange : lors du premier, le 17 novembre, …": "premier" or "précédent"
    standing for a call noun counted from two on (in this sentence or the one before), in a frame of
    time and set off by its own date, tells an earlier call of the same people on that date."""
    doc = sent.doc
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    if not any(_counted_from_two(t) for t in doc[lo:sent.end]):
        return None
    for t in sent:
        if fold(t.text) not in ELLIPTIC_WORDS | FIRST_WORDS or t.i + 2 >= sent.end or _set_off_date(t) is None:
            continue
        if fold(doc[max(sent.start, t.i - 3):t.i].text).endswith(TIME_FRAMES):
            return t
    return None


def _elliptic_call(sent: Span, found: list[Mention], before: list[Mention]) -> Token | None:
    """The word standing for an earlier call in the sentence ("Le précédent remontait au 12 juin" after
    a call of the sentence before, "lors du premier, le 17 mars"), when no trigger of the sentence is it."""
    if not found and before and (t := _elliptic_earlier(sent, before[-1])) is not None:
        return t
    t = _framed_elliptic(sent)
    return t if t is not None and all(t not in m.trigger for m in found) else None


def _elliptic_pairs(mentions: list[Mention]) -> None:
    """An elliptic earlier call (:func:`_elliptic_earlier`, :func:`_framed_elliptic`) has the people
    of the latest call before it that names two or more."""
    for n, m in enumerate(mentions):
        if not _elliptic(m) or m.persons:
            continue
        before = next((b for b in reversed(mentions[:n]) if len(b.persons) >= 2), None)
        if before is not None:
            m.persons = list(before.persons)


def _series_date(doc: Doc, m: Mention) -> DateValue | None:
    """The day of an ordinal standing for a call of a series ("puis une seconde le 17 avril"): the date
    the ordinal qualifies or that hangs on it, not the one of the call noun it is coordinated with; the
    day an elliptic earlier call dates back to ("Le précédent remontait au jeudi 12 juin")."""
    t = m.trigger[0]
    if _elliptic(m) and (framed := _set_off_date(t)) is not None:
        return framed._.date
    if _elliptic(m) and t.pos_ not in ("NOUN", "PROPN"):
        spans = [d for d in dates_within(doc, t.head.i + 1, t.head.right_edge.i + 1) if d._.date]
        return spans[0]._.date if spans else None
    if t.pos_ in ("NOUN", "PROPN") or fold(t.text) not in _words("series_ordinals"):
        return None
    node = t.head if t.dep_ == "amod" else t
    spans = [d for d in dates_within(doc, node.left_edge.i, node.right_edge.i + 1) if d._.date]
    return spans[0]._.date if spans else None


def _antecedents(doc: Doc, mentions: list[Mention]) -> None:
    """"A et B ont renoué le dialogue mardi. Cette conversation téléphonique …": a call told first
    as a noun that refers back, with no call before it, takes the people the sentence just before
    has as its subjects (two or more), and that sentence's one date."""
    for m in mentions:
        first = all(x.sent.start >= m.sent.start for x in mentions if x is not m and x.persons)
        if not (m.referring and not m.weak and not m.persons and first and m.sent.start > 0):
            continue
        prev = doc[m.sent.start - 1].sent
        medium = tells_medium(m.sent) or tells_medium(prev)
        unreal = any(has_phrase(folded(x), _vocab()["non_event_cues"]) or "Fut" in x.root.morph.get("Tense")
                     for x in (prev, m.sent))
        if not medium or unreal or has_phrase(folded(prev), _vocab()["in_person_markers"]):
            continue  # "Ils se sont vus à Lima. Cet entretien …" is a meeting; "X souhaite …" a wish
        subjects = [p.key for p in people_within(doc, prev.start, prev.end) if _is_subject(p.span)]
        subjects = list(dict.fromkeys(subjects))
        if len(subjects) >= 2:
            m.persons, m.callers = subjects, list(subjects)
            dates = [s._.date for s in dates_within(doc, prev.start, prev.end) if s._.date]
            m.date = m.date or (dates[0] if len(dates) == 1 else None)


def _named_in_next_sentence(doc: Doc, mentions: list[Mention]) -> None:
    """"Le chef de l'Etat turc a eu un entretien téléphonique avec son homologue azerbaïdjanais. A et
    B ont évoqué …": a call told between two posts only, whose next sentence (no call of its own)
    says what was discussed or agreed (a topic verb whose subject is exactly two people joined by "et";
    the sentence may refer back to the call, "Au cours de cet échange, A et B sont convenus …") is
    between them. The posts are dropped: which name holds which is not said, and a post left over would
    count as a third party."""
    for m in mentions:
        sides = len(set(m.offices)) + len(set(m.counterparts))
        if m.persons or m.referring or m.weak or m.earlier or sides != 2 or m.sent.end >= len(doc):
            continue
        nxt = doc[m.sent.end].sent
        pair = _pair_discussing(doc, nxt, mentions)
        if pair is not None:
            m.persons, m.offices, m.counterparts, m.post_types = list(pair[0]), [], [], []


def _pair_discussing(doc: Doc, sent: Span, mentions: list[Mention]) -> tuple[tuple[str, str], Token] | None:
    """The two people and the topic verb of a sentence with no call of its own that says what two people
    discussed or agreed: a ``topic_verbs`` verb whose subject is exactly two people joined by "et" ("A et B
    ont évoqué …"); not "A et B ont signé …", another act than talking."""
    if any(x.sent.start == sent.start and not x.referring for x in mentions):
        return None
    here = people_within(doc, sent.start, sent.end)
    if len(here) != 2 or here[0].key == here[1].key or not _joined_by_and(doc, here[0].span, here[1].span):
        return None
    subject = subject_node(here[0].span)
    topics = _words("topic_verbs")
    if subject is not None and fold(subject.head.lemma_) in topics:
        return (here[0].key, here[1].key), subject.head
    after = [t for t in doc[here[1].span.end: min(sent.end, here[1].span.end + 4)] if t.pos_ not in ("AUX", "ADV")]
    if after and after[0].pos_ == "VERB" and fold(after[0].lemma_) in topics:  # the parser hung the pair elsewhere
        return (here[0].key, here[1].key), after[0]
    return None


def _discussed_on(doc: Doc, m: Mention, mentions: list[Mention]) -> DateValue | None:
    """"Un appel de deux heures et demie entre les deux dirigeants, selon le Kremlin. A et B ont abordé mardi
    …": the sentence right after an undated call, in its paragraph, saying what its two people discussed
    (:func:`_pair_discussing`) dates the call by the day hung on its topic verb."""
    if m.referring or m.earlier or m.sent.end >= len(doc) or "\n" in doc[m.sent.end - 1].whitespace_:
        return None
    found = _pair_discussing(doc, doc[m.sent.end].sent, mentions)
    if found is None or m.persons and set(m.persons) != set(found[0]):
        return None
    ref = doc._.ref if isinstance(doc._.ref, date) else None
    verb = found[1]
    for s in dates_within(doc, verb.sent.start, verb.sent.end):
        if s._.date and s.root.head == verb and s.root.dep_ == "obl:mod" and not _anchor_relative(s) \
                and not (ref and s._.date.earliest > ref):
            return s._.date
    return None


def _denied_next(doc: Doc, m: Mention) -> bool:
    """"Des médias ont affirmé que X avait appelé Y. Le Kremlin a démenti cette information": a call
    told in one sentence and denied in the next (a ``denial_verbs`` verb, not negated, whose object
    is a demonstrative ``denied_objects`` noun, or "aucun" before a call noun) never took place."""
    if m.referring:
        return False
    if _denied_after_in_sentence(m):
        return True
    if m.sent.end >= len(doc):
        return False
    nxt = doc[m.sent.end].sent
    verbs = [t for t in nxt if fold(t.lemma_) in _words("denial_verbs") and t.pos_ == "VERB" and not negated(t)]
    if not verbs:
        return False
    for v in verbs:
        for c in v.children:
            det = next((fold(x.text) for x in c.children if x.dep_ == "det"), None)
            if c.dep_ == "obj" and fold(c.lemma_) in _words("denied_objects") and det in _words("demonstratives"):
                return True
    return any(fold(t.text) in ("aucun", "aucune") and fold(t.head.lemma_) in _vocab()["weak_nouns"] for t in nxt)


def _denied_after_in_sentence(m: Mention) -> bool:
    """"X aurait parlé avec Y, ce que Riyad a formellement démenti", "…, une information démentie par
    Riyad": a denial after the trigger in its own sentence, whose object is the clause before it
    ("ce que", "ce qu'") or a ``denied_objects`` noun it qualifies."""
    doc, t = m.sent.doc, m.trigger[0]
    for x in doc[t.i + 1: m.sent.end]:
        denial = fold(x.lemma_) in _words("denial_verbs") or fold(x.text) in _words("denial_forms")
        if not denial or negated(x):
            continue
        before = " ".join(fold(y.text) for y in doc[max(t.i + 1, x.i - 5): x.i])
        if re.search(r"(^| )ce qu(e|')( |$)", before) or fold(x.head.lemma_) in _words("denied_objects"):
            return True
    return False


def _after_publication(doc: Doc, m: Mention) -> bool:
    """A call dated after its article was published is announced, not held ("la semaine prochaine")."""
    last = doc._.ref if isinstance(doc._.ref, date) else (doc._.ref_month.latest if doc._.ref_month else None)
    return bool(m.date and last and m.date.earliest > last)


def _possessive(t: Token) -> bool:
    return any(fold(c.text) in ("leur", "leurs") and c.dep_ == "det" for c in t.children)
