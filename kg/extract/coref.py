"""Role nouns that stand for a person the article names: "le président russe", "le chef du Kremlin".

A role noun is a definite, singular post mention that no name is attached to.  It resolves to a
person named earlier in the article, in this order, and to nobody when a step is ambiguous:

1. the one person already known to hold that post in that country;
2. the one person named with that post and no country ("le président X" … "le président russe"),
   unless the gazetteer puts them in another country or also puts in that country someone the
   article gives no post ("Emmanuel Macron a reçu le roi X … Le locataire de l'Élysée …": unknown);
3. topic continuation: the role noun is the subject of its sentence and the previous sentence's
   subject is a person ("X a appelé son homologue russe Y … Le secrétaire à la Défense a insisté …"),
   who holds no other post, is not named in the role noun's sentence and, when the role noun names
   a country, is known to be of that country (or is the previous sentence's only person);
4. the one person of the role noun's country: among all the article's people, exactly one is known
   to be of that country (gazetteer or a post held there), holds no other post, and nobody of
   unknown country without a post could be meant ("le ministre chinois de la Défense" in a headline
   about Dong Jun and Pete Hegseth).

A role noun with no country ("Le secrétaire à la Défense a …") only resolves by step 3.  Whatever the
step, a leader the gazetteer knows to hold another post on the article's day is never the referent
("Emmanuel Macron a reçu X. Le ministre français des Affaires étrangères …": unknown).

The extraction of holdings uses it to give that person the post; the call rules may use
:func:`person_for` for call parties named by their role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.gazetteer import load_gazetteer
from kg.extract.lexicon import load_lexicon
from kg.extract.names import fold
from kg.extract.people import PersonMention, interview_credits, name_text
from kg.extract.spanindex import people_within

DEFINITE = frozenset(("le", "la", "l'", "du", "au", "ce", "cet", "cette", "the"))
UNKNOWN = "?"
SUBJECT_WINDOW = 3  # "Le président russe a …", "Vladimir Poutine a …": the subject comes first


def person_for(doc: Doc, post_type: str, countries: Iterable[str], at: int,
               held: dict[str, set[str]], known: dict[str, str] | None = None) -> PersonMention | None:
    """The person a role noun at token ``at`` refers to, given who holds what (person key ->
    office ids) and the countries the gazetteer knows people by (person key -> country); None when
    nobody or more than one person fits."""
    countries = set(countries)
    known = known or {}
    if _new_holder_word(doc, at):  # "la nouvelle ministre", "the new defence minister": the successor told before
        successor = successor_before(doc, post_type, countries, at, held, known)[0]
        if successor is not None:
            return None if known_in_other_post(doc, successor.key, post_type) else successor
    before = [m for m in doc._.people or [] if m.span.end <= at]
    if before and countries:
        latest = {m.key: m for m in before}  # the most recent mention of each person
        exact = {k for k in latest if any(_fits(o, post_type, countries) for o in held.get(k, ()))}
        if exact:
            return latest[exact.pop()] if len(exact) == 1 else None
        unknown = {k for k in latest if f"{UNKNOWN}.{post_type}" in held.get(k, ())
                   and known.get(k, next(iter(countries))) in countries}
        if unknown:  # people the gazetteer places in that country, with no post here, fit as well
            unknown |= {k for k in latest if not held.get(k) and known.get(k) in countries}
            return latest[unknown.pop()] if len(unknown) == 1 else None
    subject = _continued_subject(doc, at, held, post_type, countries, known) if before else None
    if subject is None and countries:
        subject = _only_of_country(doc, post_type, countries, at, held, known)
    return None if subject is not None and known_in_other_post(doc, subject.key, post_type) else subject


def known_in_other_post(doc: Doc, key: str, post_type: str) -> bool:
    """The gazetteer knows the person (a leader listed with their terms) to hold another post than
    ``post_type`` on the article's day: "Emmanuel Macron a reçu X. Le ministre français des Affaires
    étrangères …" is not Macron, whom nothing else in the article gives a post
    (:meth:`~kg.extract.gazetteer.KnownPerson.other_post`)."""
    names = {name_text(m.span) for m in doc._.people or [] if m.key == key}
    person = load_gazetteer().person_of(names) if names else None
    ref = doc._.ref if Doc.has_extension("ref") and isinstance(doc._.ref, date) else None
    return person is not None and person.other_post(post_type, ref)


def country_of(key: str, held: dict[str, set[str]], known: dict[str, str]) -> str | None:
    """The country a person is known by: the gazetteer's, else the one country of the posts the
    article gives them; None when unknown or when their posts disagree."""
    if key in known:
        return known[key]
    placed = {o.split(".")[0] for o in held.get(key, ()) if not o.startswith(UNKNOWN + ".")}
    return placed.pop() if len(placed) == 1 else None


def office_type(office_id: str) -> str:
    """The post type of an office id, also of one with no country yet ("?.defence_minister")."""
    country, _, rest = office_id.partition(".")
    return rest if country == UNKNOWN else load_lexicon().office(office_id).type


def _other_post(key: str, post_type: str, held: dict[str, set[str]]) -> bool:
    """The person holds, in this article, a post of another type than ``post_type``."""
    return any(office_type(o) != post_type and o.partition(".")[2] != post_type for o in held.get(key, ()))


GENDERED_WORDS = {"m.": "Masc", "monsieur": "Masc", "le": "Masc", "un": "Masc",
                  "ce": "Masc", "cet": "Masc", "mme": "Fem", "madame": "Fem", "la": "Fem", "une": "Fem", "cette": "Fem"}
GENDER_REACH = 5  # words before a name where the words that give its gender stand


def mention_gender(doc: Doc, span: Span) -> str | None:
    """"Masc" or "Fem" as the words introducing a person say ("son homologue lituanienne, X", "le
    ministre …, X", "Mme X"), else None: the noun the name stands in apposition to, by its
    adjectives then its article; or, by surface, an honorific or the nearest gendered adjective in
    the words right before the name, back to a preposition."""
    if span.root.dep_ == "appos" and span.root.head.i < span.start:
        noun = span.root.head
        adjectives = [c.morph.get("Gender") for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"]
        found = next((g[0] for g in adjectives if len(g) == 1), None)
        det = next((GENDERED_WORDS.get(fold(c.text)) for c in noun.children if c.dep_ == "det"), None)
        if found or det:
            return found or det
    for t in reversed(doc[max(0, span.start - GENDER_REACH): span.start]):
        word = fold(t.text)
        if word in ("m.", "monsieur", "mme", "madame"):
            return GENDERED_WORDS[word]
        if t.pos_ == "ADJ" and len(t.morph.get("Gender")) == 1:
            return t.morph.get("Gender")[0]
        if t.pos_ == "ADP" or t.pos_ in ("VERB", "AUX"):
            return None
    return None


def _only_of_country(doc: Doc, post_type: str, countries: set[str], at: int,
                     held: dict[str, set[str]], known: dict[str, str]) -> PersonMention | None:
    mentions: dict[str, list[PersonMention]] = {}
    for m in doc._.people or []:
        mentions.setdefault(m.key, []).append(m)
    fitting, open_ = [], []
    article = {"le": "Masc", "la": "Fem"}.get(fold(doc[at - 1].text)) if at > 0 else None  # the role noun's
    for key in mentions:
        country = country_of(key, held, known)
        if country is None:
            if not held.get(key) and not any(m.apposed for m in mentions[key]) and not _other_gender(
                    doc, mentions[key], article):
                open_.append(key)  # nothing says where this person belongs: they could be meant
                # (not one named after a role of their own: "selon le gouverneur de la région, X")
        elif country in countries and not _other_post(key, post_type, held):
            fitting.append(key)
    if len(fitting) != 1 or open_:
        return None
    return min(mentions[fitting[0]], key=lambda m: abs(m.span.start - at))


def _other_gender(doc: Doc, mentions: list[PersonMention], gender: str | None) -> bool:
    """The words introducing the person give the other gender than the role noun's article ("le chef de
    l'État ukrainien" is not "La présidente de l'institution, Roberta Metsola")."""
    told = {g for m in mentions if (g := mention_gender(doc, m.span)) is not None}
    return gender is not None and bool(told) and gender not in told


def _fits(office_id: str, post_type: str, countries: set[str]) -> bool:
    country, _, rest = office_id.partition(".")
    if country == UNKNOWN:
        return False
    office = load_lexicon().office(office_id)
    return country in countries and (office.type == post_type or rest == post_type)


def _continued_subject(doc: Doc, at: int, held: dict[str, set[str]], post_type: str, countries: set[str],
                       known: dict[str, str]) -> PersonMention | None:
    token = doc[at]
    sent = token.sent
    if not _is_subject(token, sent) or sent.start == 0:
        return None
    previous = _subject_sentence_before(doc, sent)
    people = people_within(doc, previous.start, previous.end)
    subjects = {m.key: m for m in people if opens_as_subject(m.span.root, previous) or _quote_speaker(m.span, previous)}
    if len(subjects) != 1:
        return None
    person = next(iter(subjects.values()))
    if _new_holder_word(doc, at):  # "X a transmis le commandement à Y. Le nouveau chef d'état-major …": Y
        receiver = _receiver_after(doc, person)
        if receiver is not person:
            where = country_of(receiver.key, held, known) if receiver is not None else None
            fits = receiver is not None and not _other_post(receiver.key, post_type, held) \
                and not any(m.key == receiver.key for m in people_within(doc, sent.start, sent.end))
            return receiver if fits and (not countries or where is None or where in countries) else None
    alone = len({m.key for m in people}) == 1
    in_sentence = any(m.key == person.key for m in people_within(doc, sent.start, sent.end))
    if in_sentence or _other_post(person.key, post_type, held) or (held.get(person.key) and alone):
        return None  # the old rule (one person, no post at all) stays as strict as it was
    if countries and not alone and country_of(person.key, held, known) not in countries:
        return None  # several people before: only a person known to be of that country
    return person


def _new_holder_word(doc: Doc, at: int, *keys: str) -> bool:
    """"Le nouveau chef d'état-major", "the new defence minister": a word of a new holder
    (``new_holder_fr``, ``new_holder_en``) opens the role noun."""
    titles = load_lexicon().titles
    words = {fold(w) for key in keys or ("new_holder_fr", "new_holder_en") for w in titles.get(key, ())}
    return any(fold(doc[k].text) in words for k in range(max(0, at - 1), min(len(doc), at + 1)))


def successor_before(doc: Doc, post_type: str, countries: set[str], at: int, held: dict[str, set[str]],
                     known: dict[str, str]) -> tuple[PersonMention | None, str | None]:
    """The one successor the article names before a new holder's role noun (:func:`_new_holder_word`):
    the first name after a cue of
    being replaced ("Il est remplacé par Y", "He was replaced by Y", ``term_replaced_by_fr``,
    ``successor_cues_en``) in an earlier sentence, where the one replaced (a person of that sentence or
    the one before, other than Y) holds the role noun's post; Y holds no other post, is of the role
    noun's country when known and not told of the other gender than the role noun's article.  With the
    successor, the one person they replaced who held that post (else None); (None, None) when there are
    two such successors or none."""
    if not _new_holder_word(doc, at):
        return None, None
    titles = load_lexicon().titles
    cues = [tuple(fold(c).replace("'", "' ").split()) for key in ("term_replaced_by_fr", "successor_cues_en")
            for c in titles.get(key, ())]
    folded = [fold(t.text) for t in doc[:at]]
    found: dict[str, PersonMention] = {}
    replaced_holders: set[str] = set()
    for k in range(doc[at].sent.start):
        if not any(tuple(folded[k:k + len(c)]) == c for c in cues):
            continue
        sent = doc[k].sent
        after = people_within(doc, k, sent.end)
        previous = sentence_before(doc, sent)
        start = previous.start if previous is not None else sent.start
        replaced = {m.key for m in people_within(doc, start, k)}
        holders = {key for key in replaced if after and key != after[0].key
                   and any(office_type(o) == post_type for o in held.get(key, ()))}
        if holders:
            found[after[0].key] = after[0]
            replaced_holders |= holders
    if len(found) != 1:
        return None, None
    person = next(iter(found.values()))
    article = {"le": "Masc", "la": "Fem"}.get(fold(doc[at - 1].text)) if at > 0 else None
    where = country_of(person.key, held, known)
    if _other_post(person.key, post_type, held) or countries and where is not None and where not in countries \
            or _other_gender(doc, [m for m in doc._.people or [] if m.key == person.key], article):
        return None, None
    return person, (replaced_holders.pop() if len(replaced_holders) == 1 else None)


def _receiver_after(doc: Doc, subject: PersonMention) -> PersonMention | None:
    """Who took the post in the subject's sentence, for a role noun of the new holder: the subject,
    unless a verb of handing over or of being replaced comes after it ("X a transmis lundi le
    commandement au général Y", "X a été remplacé par Y", ``portfolio_hand_over_fr``,
    ``term_replaced_by_fr``); then the first name after that verb, or nobody."""
    sent = subject.span.sent
    titles = load_lexicon().titles
    cues = [tuple(fold(c).replace("'", "' ").split()) for key in ("portfolio_hand_over_fr", "term_replaced_by_fr")
            for c in titles.get(key, ())]
    folded = [fold(t.text) for t in doc]
    for k in range(subject.span.end, sent.end):
        if any(tuple(folded[k:k + len(c)]) == c for c in cues):
            after = [m for m in people_within(doc, k, sent.end) if m.key != subject.key]
            return after[0] if after else None
    return subject


def sentence_before(doc: Doc, sent: Span) -> Span | None:
    """The nearest sentence before ``sent`` that holds words (paragraph breaks kept as sentences of their
    own are passed over), or None at the start of the text."""
    prev = sent
    while prev.start > 0:
        prev = doc[prev.start - 1].sent
        if prev.text.strip():
            return prev
    return None


def _subject_sentence_before(doc: Doc, sent: Span) -> Span:
    """The sentence before, or the one before that when it only continues its subject through a
    pronoun ("X a appelé Y. Il a ensuite téléphoné à Z. Le ministre …": the ministre is X)."""
    previous = doc[sent.start - 1].sent
    if pronoun_subject(previous) and previous.start > 0:
        return doc[previous.start - 1].sent
    if _plural_unnamed(doc, previous) and previous.start > 0:  # "X a parlé avec Y. Selon la chancellerie, les
        return doc[previous.start - 1].sent  # deux dirigeants ont évoqué … Le chancelier …": X
    return previous


def _plural_unnamed(doc: Doc, sent: Span) -> bool:
    """A sentence that names nobody and whose subject is a plural noun ("les deux dirigeants ont évoqué
    …"): it tells of the people of the sentence before together, and names no one else a role noun after
    it could stand for."""
    if people_within(doc, sent.start, sent.end):
        return False
    subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubj:pass") and t.head.dep_ == "ROOT"]
    return len(subjects) == 1 and subjects[0].pos_ == "NOUN" and "Plur" in subjects[0].morph.get("Number")


CREDIT_REACH = 4  # "Propos recueillis par Elise Vincent": words between the credit and the journalist


def interviewee(doc: Doc) -> PersonMention | None:
    """The person an interview gives the floor to, whose answers are told in the first person: in an
    article marked as an interview (a kicker line in capitals, "ENTRETIEN.", a heading line "Entretien
    avec X", or a credit, "Propos recueillis par"), the first person named who is not the journalist
    the credit names."""
    calls = load_lexicon().calls
    kickers = "|".join(re.escape(k) for k in calls.get("interview_kickers", ()))
    kicker = bool(kickers) and re.search(rf"(?m)^\s*(?:{kickers})(?:\s*[.:—–-]|\s*$)", doc.text) is not None
    headings = "|".join(re.escape(h) for h in calls.get("interview_headings", ()))  # "Entretien avec X, …"
    kicker = kicker or bool(headings) and re.search(rf"(?m)^\s*(?:{headings})\s", doc.text) is not None
    credits = interview_credits()
    text = fold(doc.text)
    if not kicker and not any(c in text for c in credits):
        return None
    for p in doc._.people or []:
        before = fold(doc[max(0, p.span.start - CREDIT_REACH): p.span.start].text)
        if not any(c.split()[-1] in before.split() and c.split()[0] in before.split() for c in credits):
            return p
    return None


def pronoun_subject(sent: Span) -> bool:
    """The sentence's main verb has "il"/"elle" as its subject (the parser tags it ``expl:subj``
    when it takes "téléphoné" for a noun): the sentence continues the subject of the one before."""
    pronouns = frozenset(fold(w) for w in load_lexicon().calls.get("subject_pronouns", ()))
    subject = next((t for t in sent if t.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and t.head.dep_ == "ROOT"),
                   None)
    return subject is not None and fold(subject.text) in pronouns


def pronoun_led(sent: Span) -> bool:
    """The sentence's subject is "il"/"elle": by the parser, or by the surface when the sentence opens
    (past a short fronted adverbial, "Dans la foulée,") on the pronoun and a verb or an auxiliary, as
    the parser sometimes leaves it unattached ("Il succède au général X, qui …")."""
    pronouns = frozenset(fold(w) for w in load_lexicon().calls.get("subject_pronouns", ()))
    if any(t.dep_ in SUBJECT_DEPS and fold(t.text) in pronouns for t in sent):
        return True
    start = _after_fronted_adverbial(sent)
    doc = sent.doc
    return start + 1 < sent.end and fold(doc[start].text) in pronouns and doc[start + 1].pos_ in ("AUX", "VERB")


def _is_subject(token, sent: Span) -> bool:
    """The token opens its sentence (a few words in) as the subject of the main verb."""
    head = token
    while head.dep_ == "flat:name" and head.head is not head:
        head = head.head
    return (head.i - sent.start <= SUBJECT_WINDOW and head.dep_ in ("nsubj", "nsubj:pass")
            and head.head.dep_ == "ROOT" and head.head.sent == sent)


def _quote_speaker(span: Span, sent: Span) -> bool:
    """"« … », a déclaré lundi X lors d'un déplacement": a sentence that opens on a quote is said by the
    inverted subject of the reporting incise after it, who is the sentence's subject as the next one
    continues it ("Le chef de l'État a précisé …")."""
    quotes = load_lexicon().calls  # the straight quote both opens and closes
    first = next((t for t in sent if not t.is_space), None)
    if first is None or first.text not in (*quotes["opening_quotes"], '"') or span.start <= first.i:
        return False
    close = next((t.i for t in sent if t.i > first.i and t.text in (*quotes["closing_quotes"], '"')), None)
    if close is None or span.start < close:
        return False
    verb = next((t for t in span.doc[close + 1: span.start] if t.pos_ in ("VERB", "AUX") and reporting_phrase(t)), None)
    return verb is not None and span.start - verb.i <= INCISE_GAP


def opens_as_subject(token, sent: Span) -> bool:
    """The token opens its sentence as the subject of a verb, the main one or one a reporting clause
    took the root from ("X a reçu un appel de Y, a confirmé le ministère, …")."""
    head = token
    while head.dep_ in ("flat:name", "appos") and head.head is not head and head.head.i < head.i:
        head = head.head  # "le secrétaire d'État Antony Blinken": the name stands in apposition to the subject
    verb = head.head
    return (head.i - _after_fronted_adverbial(sent) <= SUBJECT_WINDOW and head.dep_ in ("nsubj", "nsubj:pass")
            and verb.sent == sent and (verb.dep_ == "ROOT" or verb.head.dep_ == "ROOT" and verb.i < verb.head.i))


FRONTED_REACH = 5  # "Depuis,", "Mardi soir,", "Le 3 mars," before the subject


def _after_fronted_adverbial(sent: Span) -> int:
    """Where the sentence's clause starts: after a short fronted adverbial set off by a comma ("Depuis,
    le secrétaire d'État …"), which has no verb and no subject of its own; else the sentence's start."""
    for t in sent[:FRONTED_REACH + 1]:
        if t.text == ",":
            before = sent.doc[sent.start: t.i]
            if len(before) and not any(x.pos_ in ("VERB", "AUX") or x.dep_.startswith("nsubj") for x in before):
                return t.i + 1
            break
    return sent.start


def is_role_noun(doc: Doc, span: Span) -> bool:
    """A definite, singular post phrase ("le président russe", "du chef du Kremlin"), also with an
    adjective that keeps it the present holder between ("le nouveau secrétaire à la Défense")."""
    start = span.start
    titles = load_lexicon().titles
    adjectives = frozenset(fold(w) for key in ("role_noun_adjectives_fr", "new_holder_en") for w in titles.get(key, ()))
    while start > 0 and fold(doc[start - 1].text) in adjectives:
        start -= 1
    if start == 0:
        return False
    before = fold(doc[start - 1].text)
    head = span[0]
    return before in DEFINITE and "Plur" not in head.morph.get("Number") and not fold(head.text).endswith("s")

# ------------------------------------------------------------------ who speaks, who is spoken of
# A reporting clause names a source, not a topic: ", a indiqué le porte-parole, Y" or "selon Y" vouch
# for the sentence; the rules that look for a sentence's actor (the caller of a call, the owner of
# "son homologue") skip such a speaker.

SUBJECT_DEPS = ("nsubj", "nsubj:pass")


@cache
def _reporting_verbs() -> tuple[str, ...]:
    """``calls.json``'s reporting verbs, folded."""
    return tuple(fold(v) for v in load_lexicon().calls["reporting_verbs"])


STEM_MIN = 6  # shortest infinitive whose stem is matched when the lemma is wrong


def reporting_verb(verb: Token) -> bool:
    """A reporting verb, by lemma or, when the model leaves the form as its lemma ("indique"), by
    the stem of a long enough infinitive of ``reporting_verbs``."""
    verbs = _reporting_verbs()
    word = fold(verb.text)
    return fold(verb.lemma_) in verbs or any(len(v) >= STEM_MIN and word.startswith(v[:-2]) for v in verbs)


SELON_REACH = 10  # "selon le porte-parole du ministère des Affaires étrangères, Y"


def reported_speaker(span: Span) -> bool:
    """The person is the inverted subject of a reporting incise (", a indiqué Y", ", a fait savoir le
    porte-parole, Y") or is introduced by "selon"; a reporting verb that opens its clause ("X a
    annoncé …") is a main clause, not an incise."""
    node = subject_node(span)
    if node is not None and node.head.i < span.start:
        verb = node.head if reporting_phrase(node.head) else _verb_right_before(node)
        if verb is not None and reporting_phrase(verb):
            return opens_incise(verb)
    if node is not None and node.head.i > span.start:
        return False  # "Selon Moscou, X a appelé …": X is its clause's own subject
    for t in reversed(span.doc[max(span.sent.start, span.start - SELON_REACH): span.start]):
        if fold(t.text) == "selon":
            return True
        if t.pos_ in ("VERB", "AUX") or any(c.dep_.startswith("aux") for c in t.children):
            return False  # a verb, or a participle the tagger made a noun ("a, selon X, téléphoné à Y")
    return False


INCISE_GAP = 6  # words of a date or a source between a reporting verb and its inverted subject


def _verb_right_before(node: Token) -> Token | None:
    """The verb just before a subject hung on another verb: "X a eu un entretien avec Y, a fait savoir
    jeudi le porte-parole, Z", where the parser makes "le porte-parole" the subject of "eu"; only a date,
    an adverb or a short phrase ("dans un communiqué") may stand between."""
    doc = node.doc
    for t in reversed(doc[max(node.sent.start, node.left_edge.i - INCISE_GAP): node.left_edge.i]):
        if t.pos_ == "VERB":
            return t
        if t.is_punct or t.pos_ not in ("NOUN", "ADV", "ADJ", "DET", "ADP", "NUM"):
            return None
    return None


def opens_incise(verb: Token) -> bool:
    """The verb group (auxiliaries, "fait" of "fait savoir") follows a comma: ", a précisé"."""
    for t in reversed(verb.doc[verb.sent.start: verb.i]):
        if t.text == ",":
            return True
        if not (t.pos_ == "AUX" or t.pos_ == "VERB" and t.i == verb.i - 1):
            return False
    return False


def reporting_phrase(verb: Token) -> bool:
    """A reporting verb, or the last verb of a multi-word one ("faire savoir") with the word before
    it completing the phrase."""
    if reporting_verb(verb):
        return True
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    pair = f"{fold(before.lemma_)} {fold(verb.lemma_)}" if before is not None else ""
    return pair in {v for v in _reporting_verbs() if " " in v}


def subject_node(span: Span) -> Token | None:
    """The subject token the person is, or stands in apposition or coordination to; tried from each
    word of the name, as the parser may hang its last word elsewhere ("Le ministre Boris | Pistorius
    a reçu": "Boris" in apposition to the subject, "Pistorius" an adverb of the verb; "Le ministre
    Nasser | Bourita s'est entretenu": "Nasser" a verb the tagger made a clause, or a modifier, of the noun)."""
    for start in [span.root, *(t for t in span if t != span.root)]:
        node = start
        for _ in range(4):
            if node.dep_ in SUBJECT_DEPS:
                return node
            misread = node.dep_ in ("acl", "amod") and span.start <= node.i < span.end and node.head.i < span.start
            if node.dep_ not in ("appos", "nmod", "flat:name", "conj") and not misread or node.head.i == node.i:
                break
            node = node.head
    return None
