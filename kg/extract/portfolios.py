"""Posts named by their portfolio rather than by a title: "X prend la tête du ministère de la Défense",
"la diplomatie revient à X", "X est reconduit à la Défense", "a proposé X pour les Affaires étrangères".

A portfolio phrase ("la Défense", "les Affaires étrangères", "la diplomatie", "l'armée de terre") is
a post only next to a cue that hands it to someone, and its holder is the person the cue links it
to: the name right before a taking cue, the name right after a giving cue, or the object of an
appointing verb.  All word lists are in ``titles.json`` (``portfolio_fr_<post type>``,
``portfolio_take_fr``, ``portfolio_give_fr``).
"""

from __future__ import annotations

import dataclasses
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.coref import known_in_other_post
from kg.extract.lexicon import load_lexicon, title_cues
from kg.extract.lexmatch import lex_within
from kg.extract.model import Holding
from kg.extract.names import fold
from kg.extract.people import PersonMention
from kg.extract.spanindex import dated_tokens, dates_within, people_within
from kg.extract.spans import evidence, without_fillers

ARTICLES = frozenset(("le", "la", "l'", "les", "ce", "cet", "cette", "de", "du", "des", "d'", "a", "au", "aux"))
REACH = 25  # tokens between a taker's name and the cue


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(fold(phrase).replace("'", "' ").split())


@cache
def _portfolios() -> dict[tuple[str, ...], str]:
    """Folded word tuple -> post type, from the ``portfolio_fr_<post type>`` lists."""
    titles = load_lexicon().titles
    return {_words(p): key.removeprefix("portfolio_fr_") for key, phrases in titles.items()
            if key.startswith("portfolio_fr_") for p in phrases}


SERVICE_CHIEFS = frozenset(("navy_chief", "air_force_chief", "army_chief"))


def service_opening(words: list[str]) -> tuple[str, int] | None:
    """The armed service named at the head of ``words`` (folded tokens: "marine", "armée de l'air",
    "forces terrestres", from the ``portfolio_fr_<service chief>`` lists): its chief's post type and how
    many words name it, the longest naming."""
    found = [(len(w), t) for w, t in _portfolios().items() if t in SERVICE_CHIEFS and tuple(words[:len(w)]) == w]
    return (max(found)[1], max(found)[0]) if found else None


@cache
def _cues(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(_words(c) for c in load_lexicon().titles.get(name, ()))


def presidency_holdings(doc: Doc) -> list[Holding]:
    """"sous la présidence de X entre 2009 et 2012", "pendant la présidence de X (2012-2017)": a
    presidency with its years is a head of state's term.  Without years it may be the chair of a
    meeting ("réuni sous la présidence de X"), so it says nothing; "la présidence X" with the name
    right after the word (no "de") only ever names a head of state's term ("sous la présidence
    Donald Trump").  The country comes later (the gazetteer, or the person's other posts)."""
    out = []
    for sent in doc.sents:
        folded = [fold(t.text) for t in sent]
        for k in range(len(folded) - 1):
            if folded[k] != "presidence":
                continue
            named = next((m for m in people_within(doc, sent.start + k + 1, sent.start + k + 2)), None)
            if named is not None:  # "sous la présidence Donald Trump": a name right after, no "de"
                out.append(Holding(named.key, "?.head_of_state",
                                   (evidence(doc[sent.start + k:named.span.end], "presidency"),)))
                continue
            if k + 2 >= len(folded) or folded[k + 1] not in ("de", "d'", "du"):
                continue
            holder = next((m for m in people_within(doc, sent.start + k + 2, sent.start + k + 4)
                           if m.span.start <= sent.start + k + 3), None)
            if holder is None or not _years_follow(doc, holder.span.end, sent.end):
                continue
            out.append(Holding(holder.key, "?.head_of_state",
                               (evidence(doc[sent.start + k:holder.span.end], "presidency"),)))
    return out


def government_holdings(doc: Doc) -> list[Holding]:
    """"le gouvernement Lecornu II", "dans le gouvernement Borne": a government named after a person
    (the name right after the word, no "de") is led by them: its head of government.  The country
    comes later (the gazetteer, or the article's country)."""
    out = []
    nouns = title_cues("government_nouns_fr")
    for m in doc._.people or []:
        i = m.span.start
        if i > 0 and fold(doc[i - 1].text) in nouns and "\n" not in doc[i - 1].whitespace_:
            out.append(Holding(m.key, "?.head_of_government", (evidence(doc[i - 1:m.span.end], "government-name"),)))
    return out


def _years_follow(doc: Doc, i: int, end: int) -> bool:
    """A period right after the name: "entre 2009 et 2012", "de 2012 à 2017", "(2012-2017)"."""
    words = [t.text for t in doc[i:min(end, i + 5)]]
    years = [w for w in words if w[:4].isdigit() and len(w) >= 4]
    return bool(words) and fold(words[0]) in ("entre", "de", "(") and len(years) >= 1


def portfolio_holdings(doc: Doc, appointed, held_after, pronoun_owner) -> list[Holding]:
    """Holdings stated through a portfolio; ``appointed(doc, mention)`` says whether a name is the
    object of an active appointing verb (see :func:`kg.extract.offices._appointed`),
    ``held_after(doc, end)`` names the holder of a relative clause after the portfolio ("reprend la
    Défense, un portefeuille que détenait X": X's too; :func:`kg.extract.offices.holder_of_clause_after`),
    and ``pronoun_owner(doc, sent)`` the person a sentence's subject pronoun stands for
    (:func:`kg.extract.offices.pronoun_owner`)."""
    out = []
    folded = [fold(t.text) for t in doc]
    for sent in doc.sents:
        for start, end, post_type in _find(folded, sent):
            post_type = _forces_not_ministry(doc, folded, start, end, _headship(folded, end, post_type))
            if folded[start:end] == ["gouvernement"] and not _government_led(doc, folded, sent, start):
                continue  # "quitte le gouvernement", "entre au gouvernement": a minister's, no head's
            if post_type == "security_council_secretary" and _united_nations(folded):
                continue  # "X a dirigé le Conseil de sécurité en juillet": the UN's rotating presidency
            if post_type == "military_commander" and end < len(folded) and folded[end] in ("de", "du", "d'", "des"):
                continue  # "la gendarmerie nationale de la région de Kolda": a regional command, not the force's
            if post_type == "chief_of_defence" and folded[start:end] == ["armee"] and _army_named(doc) \
                    and not (end < len(doc) and doc[end]._.kg_demonym):  # "l'armée malienne": that state's forces
                post_type = "army_chief"  # "commandant général de l'armée … prend le commandement de l'armée"
            holder = _taker(doc, folded, sent, start, pronoun_owner) or _receiver(doc, folded, sent, start, end) \
                or _handed_to(doc, folded, sent, start, end) \
                or _object(doc, folded, sent, start, appointed) or _replacer(doc, folded, sent, start, end) \
                or fronted_subject(doc, sent, start) or _bracketed(doc, folded, sent, start, end) \
                or _headed(doc, folded, sent, start, end) or _fronted_seat(doc, folded, sent, start, end) \
                or _gapped_item(doc, folded, sent, start, end) or _successor_over(doc, folded, sent, start) \
                or _successor_noun_named(doc, folded, sent, start, end) \
                or _ministry_of_named(doc, folded, sent, start, end, post_type) \
                or _relative_head(doc, folded, sent, start, end)
            relay = _relay_noun_at(doc, folded, sent, start, end) if holder is None else None
            if relay is not None:  # "Le prédécesseur de Y à la Défense, X": placed later from Y's post
                taken = _holding(doc, folded, sent, relay, start, end, post_type)
                out.append(dataclasses.replace(taken, evidence=tuple(
                    dataclasses.replace(e, rule="relay-portfolio") for e in taken.evidence)))
                owner = _possessive_relay_owner(doc, folded, sent, start, relay)
                if owner is not None:  # "X a rappelé que son prédécesseur au ministère de la Défense, Y, …"
                    held = _holding(doc, folded, sent, owner, start, end, post_type)
                    out.append(dataclasses.replace(held, evidence=tuple(
                        dataclasses.replace(e, rule="relay-portfolio") for e in held.evidence)))
                continue
            ousted = _replaced_at_head(doc, folded, sent, start) if holder is None else None
            if ousted is not None:  # "X a remplacé en février Y à la tête du ministère de la Défense"
                holder = ousted[0]
                out.append(_holding(doc, folded, sent, ousted[1], start, end, post_type))
            held = held_after(doc, end)
            for person in (holder, held[0] if held else None):
                if person is not None:
                    out.append(_holding(doc, folded, sent, person, start, end, post_type))
            if ousted is not None and holder is not None:
                out[-1] = dataclasses.replace(out[-1], replaces=ousted[1].key)
            named = _successor_noun_named(doc, folded, sent, start, end) if holder is not None else None
            gone = _possessor_of_successor(doc, folded, sent, start, holder) \
                if named is not None and holder is not None and named.key == holder.key else None
            if gone is not None and holder is not None:  # "après la mort du général X, … son successeur …: Y"
                taken = _holding(doc, folded, sent, holder, start, end, post_type)
                out[-1] = dataclasses.replace(taken, replaces=gone.key)
                out.append(_holding(doc, folded, sent, gone, start, end, post_type))
            listed = _list_item(doc, folded, sent, start, end, post_type) or _heading_line(doc, folded, start, end,
                                                                                       post_type) \
                if holder is None else None
            if listed is not None:
                out.append(_holding(doc, folded, sent, listed[0], start, end, post_type, listed[1]))
            titular = _titular_next(doc, folded, sent, start) if holder is None else None
            if titular is not None:  # "Le ministère chinois de la Défense a … Son titulaire, X, a averti …"
                out.append(_holding(doc, folded, sent, titular, start, end, post_type))
            colleague = _colleague(doc, folded, sent, start, end) if holder is None else None
            if colleague is not None:
                out.append(_holding(doc, folded, sent, colleague[0], start, end, post_type, colleague[1]))
    return out


def _united_nations(folded: list[str]) -> bool:
    """Whether the article speaks of the United Nations ("l'ONU", "les Nations unies"): its Security Council
    is then the one a "Conseil de sécurité" may be, whose rotating presidency is no state's council."""
    return any(w in ("onu", "onusien", "onusienne") or w == "nations" and k + 1 < len(folded)
               and folded[k + 1] in ("unies", "united") for k, w in enumerate(folded))


def _ministry_of_named(doc: Doc, folded: list[str], sent: Span, start: int, end: int,
                       post_type: str) -> PersonMention | None:
    """"le ministère des Affaires étrangères de Sergueï Lavrov", "le ministère russe de la Défense d'Andreï
    Belooussov": a ministry's noun with its portfolio (past a demonym) and "de" + a name right after is that
    person's ministry; not a person who holds another post in the article or whom the gazetteer knows in one
    ("le ministère de la Défense de Donald Trump" is his government's), nor a name followed by a
    portfolio of its own."""
    if folded[start] not in title_cues("ministry_nouns_fr") or post_type not in DELEGATED_POSTS:
        return None
    i = end + 1 if end < sent.end and doc[end]._.kg_demonym else end
    if i + 1 >= sent.end or folded[i] not in ("de", "d'"):
        return None
    person = next((m for m in doc._.people or [] if m.span.start == i + 1), None)
    if person is None or (person.span.end < len(doc) and folded[person.span.end] in ("de", "du", "des", "d'")):
        return None
    return None if known_in_other_post(doc, person.key, post_type) else person


def _relative_head(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"…, a annoncé le ministère indien de la Défense, dont il est le titulaire depuis 2019", "selon le
    ministère des Affaires étrangères, qu'elle dirige", "…, à la tête duquel il se trouve": a ministry set off
    by a relative clause whose subject pronoun heads it ("ministry_head_relative_fr") is held by the subject of
    the sentence's main clause, a person named before the ministry (none when no person is that subject)."""
    if folded[start] not in title_cues("ministry_nouns_fr"):
        return None
    i = end + 1 if end < sent.end and doc[end]._.kg_demonym else end
    i = _past_joined_remit(doc, folded, sent, i)  # "le ministère de la Défense et des Anciens combattants, dont …"
    if i >= sent.end or folded[i] != ",":
        return None
    words = [("il" if w == "elle" else w) for w in folded[i + 1:min(sent.end, i + 9)]]
    words = [w for k, w in enumerate(words) if not (k and w in ("meme", "lui-meme", "elle-meme"))]
    if not any(tuple(words[:len(c)]) == c for c in _cues("ministry_head_relative_fr")):
        return None
    names = people_within(doc, sent.start, start)
    for m in names:
        head = m.span.root
        if head.dep_ in ("nsubj", "nsubj:pass") and (head.head == sent.root or head.head.head == sent.root):
            return m
    dash = next((t.i + 1 for t in sent[:6] if t.text in ("-", "–", "—")), sent.start)
    opening = names[0] if names else None  # "MANILLE — X s'est entretenu …": the parse may miss the subject
    if opening is None:
        return None
    nxt = opening.span.end
    if all(folded[k] in _title_words() for k in range(dash, opening.span.start)) and nxt < sent.end \
            and (doc[nxt].pos_ in ("AUX", "VERB") or folded[nxt] in ("s'", "se")):
        return opening
    # "Rien ne prédestinait X à diriger le ministère de la Défense, dont elle est la titulaire depuis 2024",
    # "a chargé X de piloter le ministère …, dont il est le titulaire": the name right before an infinitive
    # of heading whose object the ministry is (the object of the verb that governs the infinitive)
    return names[-1] if _infinitive_of_named(doc, names[-1], start) else None


JOINED_REMIT_REACH = 7  # tokens of a second remit joined to a ministry's name ("et des Anciens combattants")


def _past_joined_remit(doc: Doc, folded: list[str], sent: Span, i: int) -> int:
    """Past a second remit joined by "et" to the ministry's name, up to the comma after it ("… de la Défense
    et des Anciens combattants, dont …"): only nouns, adjectives, articles and prepositions in it."""
    if i >= sent.end or folded[i] != "et":
        return i
    comma = next((k for k in range(i + 1, min(sent.end, i + JOINED_REMIT_REACH)) if folded[k] == ","), None)
    if comma is None or not all(doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "DET") for k in range(i + 1, comma)):
        return i
    return comma


def _infinitive_of_named(doc: Doc, named: PersonMention, start: int) -> bool:
    """An infinitive of heading stands between the name and the ministry ("prédestinait X à diriger le
    ministère", "a chargé X de piloter le ministère"): the name is who heads it."""
    between = [t for t in doc[named.span.end:start]]
    return 0 < len(between) <= 4 and any(t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm")
                                         and fold(t.lemma_) in HEADING_INFINITIVES for t in between)


HEADING_INFINITIVES = frozenset(("diriger", "piloter", "conduire", "prendre", "occuper", "tenir", "reprendre"))


#: Ministries whose minister a genitive name after the ministry holds (:func:`_ministry_of_named`).
DELEGATED_POSTS = frozenset(("defence_minister", "foreign_minister"))


#: Nouns for the one who holds a ministry, after a possessive that stands for it ("Son titulaire, X").
TITULAR_NOUNS = frozenset(("titulaire", "patron", "patronne", "chef", "cheffe", "responsable"))


def _titular_next(doc: Doc, folded: list[str], sent: Span, start: int) -> PersonMention | None:
    """"Le ministère chinois de la Défense a convoqué … Son titulaire, X, a averti …": a portfolio opening
    its sentence as the subject (only an article before it), then the next sentence opening on a possessive
    and a holder's noun ("Son titulaire", "Son patron") set off by a comma before a name: that name holds it."""
    first = next((t.i + 1 for t in doc[sent.start:min(start, sent.start + 6)] if t.text in ("-", "–", "—")), sent.start)
    if any(folded[k] not in ("le", "la", "l'", "les") for k in range(first, start)) or sent.end >= len(doc):
        return None  # only an article before the portfolio, past a dateline ("TOKYO - Le ministère …")
    nxt = doc[sent.end].sent
    if nxt.end - nxt.start < 4 or folded[nxt.start] not in ("son", "sa") \
            or folded[nxt.start + 1] not in TITULAR_NOUNS or folded[nxt.start + 2] != ",":
        return None
    return _name_past_titles(doc, folded, nxt, nxt.start + 3)


def _army_named(doc: Doc) -> bool:
    """The article names an army chief's post in so many words ("chef de l'armée de terre", "commandant
    général de l'armée"): a bare "l'armée" it hands over or heads afterwards is that service, not the
    armed forces as a whole the word means alone ("Son successeur à la tête de l'armée, le général Y")."""
    lexicon = load_lexicon()
    return any((lexicon.offices[s.kb_id_].type if s.kb_id_ in lexicon.offices else s.kb_id_) == "army_chief"
               for s in lex_within(doc, 0, len(doc), *POST_LABELS))


OF_WORDS = frozenset(("de", "du", "d'"))
SUCCESSOR_NOUNS = frozenset(("successeur", "successeure", "remplacant", "remplacante"))
HEADSHIP_LINKS = (("a", "la", "tete", "de"), ("a", "la", "tete", "du"), ("a", "la", "tete", "des"),
                  ("a", "la", "tete", "d'"), ("aux", "commandes", "de"), ("aux", "commandes", "du"),
                  ("aux", "commandes", "des"), ("aux", "commandes", "d'"))  # "son successeur à la tête de l'…"
COMPLEMENT_REACH = 6  # tokens of the portfolio's own complement before the colon ("… des forces armées :")


def _successor_noun_named(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"… a désigné son successeur à la tête de l'état-major général des forces armées : le général Y": a
    successor noun with its headship and then, after a colon or a comma, a name (past titles): that name
    takes the portfolio."""
    words = folded[max(sent.start, start - 7):start]
    while words and words[-1] in ("la", "l'", "le", "les"):
        words.pop()
    link = next((lnk for lnk in HEADSHIP_LINKS if tuple(words[-len(lnk):]) == lnk), None)
    if link is None or len(words) <= len(link) or words[-len(link) - 1] not in SUCCESSOR_NOUNS:
        return None
    colon = next((j for j in range(end, min(sent.end, end + COMPLEMENT_REACH)) if folded[j] in (":", ",")), None)
    if colon is None or people_within(doc, end, colon) or any(t.pos_ in ("VERB", "AUX") for t in doc[end:colon]):
        return None
    return _name_past_titles(doc, folded, sent, colon + 1)


PREDECESSOR_NOUNS = frozenset(("predecesseur", "predecesseure"))
RELAY_REACH = 8  # tokens from the relay noun to the portfolio ("prédécesseur de Denys Chmyhal à la")


def _relay_noun_at(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"Son prédécesseur à la Défense, X", "Le prédécesseur de Y à la Défense, X", "son successeur aux
    Affaires étrangères, X": a predecessor's or successor's noun, maybe with its "de" complement, then
    "à"/"au"/"aux" and the portfolio, a comma and a name (past titles): that name holds or held it."""
    j = start
    while j > sent.start and folded[j - 1] in ("la", "l'"):
        j -= 1
    if j - 1 <= sent.start or folded[j - 1] not in ("a", "au", "aux") or end >= sent.end or folded[end] != ",":
        return None
    k = next((i for i in range(j - 2, max(sent.start, j - 2 - RELAY_REACH) - 1, -1)
              if folded[i] in PREDECESSOR_NOUNS | SUCCESSOR_NOUNS), None)
    if k is None:
        return None
    gap = doc[k + 1:j - 1]
    qualified = len(gap) <= 2 and all(t.pos_ == "ADJ" for t in gap)  # "Son prédécesseur éphémère aux Affaires …"
    if len(gap) and not qualified and (folded[k + 1] not in OF_WORDS
                                       or any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in gap)):
        return None  # only "de Y" between the noun and "à la Défense"
    return _name_past_titles(doc, folded, sent, end + 1)


def _possessive_relay_owner(doc: Doc, folded: list[str], sent: Span, start: int,
                            relay: PersonMention) -> PersonMention | None:
    """"M. X a rappelé que son prédécesseur au ministère de la Défense, Y, avait …": the one person named
    before a possessive predecessor's or successor's noun in its sentence, opening it, holds or held the
    portfolio too (his predecessor there)."""
    k = next((i for i in range(start - 1, max(sent.start, start - RELAY_REACH - 3) - 1, -1)
              if folded[i] in PREDECESSOR_NOUNS | SUCCESSOR_NOUNS), None)
    if k is None or k - 1 < sent.start or folded[k - 1] not in ("son", "sa"):
        return None
    before = [m for m in people_within(doc, sent.start, k) if m.key != relay.key]
    if len({m.key for m in before}) != 1:
        return None
    lead = [t for t in doc[sent.start:before[0].span.start] if fold(t.text) not in _title_words()
            and not t.is_punct and fold(t.text) not in ("le", "la", "l'", "m.", "mme")]
    return before[0] if not lead else None


REPLACING_STEMS = ("remplac", "succed")  # "a remplacé", "remplacera", "succède à", "a succédé à"


def _replaced_at_head(doc: Doc, folded: list[str], sent: Span,
                      start: int) -> tuple[PersonMention, PersonMention] | None:
    """"X a remplacé en février Y à la tête du ministère de la Défense", "X succède à Y à la tête de la
    marine": a verb of replacing, its object's name (past titles and dates) and a headship link right
    before the portfolio: the subject X takes it, Y held it before (the subject as :func:`_taker` reads it:
    the last name before the verb, no "qui", "que", "et" or colon between)."""
    j = start
    while j > sent.start and folded[j - 1] in ("la", "l'", "le", "les"):
        j -= 1
    link = next((lnk for lnk in HEADSHIP_LINKS if tuple(folded[j - len(lnk):j]) == lnk), None)

    if link is None:
        return None
    gone = next((m for m in people_within(doc, max(sent.start, j - len(link) - 8), j - len(link))
                 if m.span.end == j - len(link)), None)
    if gone is None:
        return None
    dated = dated_tokens(doc, max(sent.start, gone.span.start - 8), gone.span.start)
    i = gone.span.start - 1
    while i > sent.start and (i in dated or folded[i] in _title_words() or folded[i] in ("m.", "mme", "a", "au")
                              or (i + 1 in dated and folded[i] in ("en", "le", "l'", "des"))):  # "en février"
        i -= 1
    if not folded[i].startswith(REPLACING_STEMS) or doc[i].pos_ not in ("VERB", "AUX"):
        return None
    while i > sent.start and (doc[i - 1].pos_ == "AUX" or doc[i - 1].pos_ == "ADV"):
        i -= 1
    names = [m for m in people_within(doc, sent.start, i) if i - m.span.end <= REACH]
    if not names:
        return None
    between = folded[names[-1].span.end:i]
    if between[:2] == [",", "qui"]:
        between = between[2:]
    if {"qui", "que", "et", ";", ":"} & set(between):
        return None
    return names[-1], gone


def _possessor_of_successor(doc: Doc, folded: list[str], sent: Span, start: int,
                            holder: PersonMention | None) -> PersonMention | None:
    """Whose successor "son successeur à la tête de …: Y" names: the one person named before the possessive
    in the sentence as a "de" complement, not the subject who appoints: "Après la mort du général X, le Guide Z a
    désigné son successeur …" is X's (the holder found by :func:`_successor_noun_named`)."""
    if holder is None:
        return None
    k = next((j for j in range(start - 1, max(sent.start, start - 8) - 1, -1) if folded[j] in SUCCESSOR_NOUNS), None)
    if k is None or folded[k - 1] not in ("son", "sa"):
        return None
    named = {m.key: m for m in people_within(doc, sent.start, k - 1)
             if m.key != holder.key and _genitive(folded, sent, m)}
    return next(iter(named.values())) if len(named) == 1 else None


def _genitive(folded: list[str], sent: Span, m: PersonMention) -> bool:
    """The name is a "de" complement, past titles ("la mort du général X", "le départ de M. X"): not the
    subject that appoints."""
    i = m.span.start - 1
    while i > sent.start and folded[i] not in OF_WORDS and (
            folded[i] in _title_words() or folded[i] in ("m.", "mme", ".", "le", "la", "l'")):
        i -= 1
    return folded[i] in OF_WORDS


LIST_PORTFOLIOS = frozenset(("defence_minister", "foreign_minister"))  # ministries a cabinet list hands out
LIST_JOINTS = frozenset((":", ",", ";", "et", "—", "-"))  # what opens an item of a list of portfolios


def _portfolio_item(doc: Doc, folded: list[str], k: int) -> PersonMention | None:
    """The name of a list item "X à la Défense", "Y aux Finances", "Z à l'Intérieur" whose "à", "au" or
    "aux" stands at token ``k``: a name ending right before it, opened by a list joint, and a capitalised
    portfolio word after the preposition and its article."""
    j = k + 1 + (k + 1 < len(folded) and folded[k + 1] in ("la", "l'"))
    if folded[k] not in ("a", "au", "aux") or j >= len(folded) or not doc[j].text[:1].isupper():
        return None
    m = next((m for m in people_within(doc, max(0, k - 8), k) if m.span.end == k), None)
    if m is None or m.span.start == 0:
        return None
    before = folded[m.span.start - 1]
    return m if before in LIST_JOINTS or m.span.start == doc[k].sent.start else None


HEADING_REACH = 14  # tokens of a list line's portfolio heading before its colon ("Affaires étrangères, Coopération …")


def _heading_line(doc: Doc, folded: list[str], start: int, end: int,
                  post_type: str) -> tuple[PersonMention, str] | None:
    """A cabinet list written "Défense et Anciens combattants : général X ;" line by line: a ministry's
    portfolio opens the line (after a bullet, if any), the heading runs to a colon with no verb nor name,
    and after it one name (past ranks and civil titles) ends the line, only punctuation after it.  The
    name holds the portfolio, in a country the article settles ("?" here)."""
    k = start - 1
    while k >= 0 and doc[k].text in BULLETS and "\n" not in doc[k].whitespace_:
        k -= 1
    if post_type not in LIST_PORTFOLIOS or (k >= 0 and "\n" not in doc[k].whitespace_ and "\n" not in doc[k].text):
        return None
    colon = next((i for i in range(end, min(len(doc), end + HEADING_REACH))
                  if doc[i].text == ":" or "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_), None)
    if colon is None or doc[colon].text != ":" or "\n" in doc[colon - 1].whitespace_ \
            or any(t.pos_ in ("VERB", "AUX") for t in doc[end:colon]) or people_within(doc, start, colon):
        return None
    i = colon + 1
    while i < len(doc) and folded[i].rstrip(".") in _name_title_words() and "\n" not in doc[i - 1].whitespace_:
        i += 1
    m = next((m for m in people_within(doc, i, i + 1) if m.span.start == i), None)
    if m is None:
        return None
    rest = m.span.end
    while rest < len(doc) and "\n" not in doc[rest - 1].whitespace_ and "\n" not in doc[rest].text:
        if not doc[rest].is_punct:
            return None
        rest += 1
    return m, "?"


def _list_item(doc: Doc, folded: list[str], sent: Span, start: int, end: int,
               post_type: str) -> tuple[PersonMention, str] | None:
    """"… a dévoilé son gouvernement : X à la Défense, Y aux Affaires étrangères et Z aux Finances": in a
    list of at least two items "name + à/au/aux + portfolio", each name holds its portfolio, in the
    government of the sentence's one state named before the list ("?" when none or several are).  A bare
    portfolio word only ("à la Défense", not "au ministère de la Défense", a place where one is received), and
    only a ministry's: in a cabinet list "Y à la Marine" is a navy secretary, no navy chief."""
    k = start - 1 - (folded[start - 1] in ("la", "l'"))
    if post_type not in LIST_PORTFOLIOS or folded[start] in title_cues("ministry_nouns_fr") or k < sent.start:
        return None
    m = _portfolio_item(doc, folded, k)
    if m is None:
        return None
    others = [i for i in range(sent.start, sent.end) if i != k and _portfolio_item(doc, folded, i) is not None]
    if not others:
        return None
    first = min([k, *others])
    countries = {s.kb_id_ for label in ("DEMONYM", "COUNTRY") for s in lex_within(doc, sent.start, first, label)}
    return m, (countries.pop() if len(countries) == 1 else "?")


@cache
def _name_title_words() -> frozenset[str]:
    """Each word of the ranks, civil titles and honorifics that may stand between a portfolio's cue and
    its holder's name ("le général de corps d'armée", "cheikh")."""
    return frozenset(w for key in ("ranks_fr", "civil_fr", "honorifics_fr") for t in title_cues(key)
                     for w in fold(t).replace("'", "' ").split())


COLLEAGUE_REACH = 10  # words between a colleague's portfolio and the name (", le général de corps d'armée")


def _colleague(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> tuple[PersonMention, str] | None:
    """"la secrétaire philippine aux Affaires étrangères, X, et son collègue de la Défense, Y": a
    colleague noun whose portfolio is followed by a name gives that person the portfolio, in the
    government of the sentence's one state named before it ("?" when none or several are)."""
    i = start - 1
    while i > sent.start and folded[i] in ARTICLES:
        i -= 1
    if folded[i] not in title_cues("colleague_nouns_fr") or i == start - 1:
        return None
    after = [m for m in people_within(doc, end, min(sent.end, end + COLLEAGUE_REACH))]
    titles = _name_title_words()
    if not after or not all(folded[k] in ARTICLES or folded[k] in titles or folded[k] in (",", "-")
                            for k in range(end, after[0].span.start)):
        return None
    countries = {s.kb_id_ for s in lex_within(doc, sent.start, i, "DEMONYM")}
    if not countries and i > sent.start and folded[i - 1] in ("son", "sa", "leur") and sent.start > 0:
        # "Le ministre azerbaïdjanais des Affaires étrangères, X, a dénoncé … Son collègue de la Défense,
        # Y, …": the possessive stands for the last sentence's holder, in the one state it names
        before = doc[sent.start - 1].sent
        countries = {s.kb_id_ for s in lex_within(doc, before.start, before.end, "DEMONYM")}
    return after[0], (countries.pop() if len(countries) == 1 else "?")


def _holding(doc: Doc, folded: list[str], sent: Span, holder: PersonMention, start: int, end: int,
             post_type: str, default: str = "?") -> Holding:
    inner = [s.kb_id_ for s in lex_within(doc, start + 1, start + 2, "DEMONYM")] \
        if folded[start] in title_cues("ministry_nouns_fr") else []  # "le ministère kazakh de la Défense"
    country = (inner[0] if inner else None) \
        or next((s.kb_id_ for s in lex_within(doc, end, end + 1, "DEMONYM")), None) \
        or _antecedent_country(doc, folded, sent, end) \
        or next((s.kb_id_ for s in lex_within(doc, start, end, "METONYM")), None) or default  # "Matignon"
    office = load_lexicon().office_for(post_type, country).id if country != "?" else f"?.{post_type}"
    acting = _acting_words(folded, end, min(sent.end, end + 3))  # "dirige le ministère par intérim": told as acting
    span = doc[min(holder.span.start, start):max(holder.span.end, end, max(acting, default=0) + 1)]
    return Holding(holder.key, office, (evidence(span, "portfolio"),))


@cache
def _by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the portfolio phrases it opens, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(_portfolios(), key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return {w: tuple(phrases) for w, phrases in out.items()}


def _find(folded: list[str], sent: Span) -> list[tuple[int, int, str]]:
    """Portfolio phrases of the sentence, longest first at each token, and bare "ce ministère" / "le
    ministère" standing for the last ministry named before (see :func:`ministry_before`)."""
    found, i = [], sent.start
    while i < sent.end:
        for words in _by_first_word().get(folded[i], ()):
            gap = _inner_demonym(sent.doc, folded, i, words)
            if tuple(folded[i:i + len(words)]) == words and i + len(words) <= sent.end:
                found.append((i, i + len(words), _portfolios()[words]))
                i += len(words) - 1
                break
            if gap and i + len(words) + 1 <= sent.end:  # "le ministère kazakh de la Défense"
                found.append((i, i + len(words) + 1, _portfolios()[words]))
                i += len(words)
                break
        else:
            ministry = bare_ministry(folded, sent, i)
            if ministry is not None:
                found.append((i - 1, i + 1, ministry[0]))
        i += 1
    return found


def portfolios_in(doc: Doc, sent: Span) -> list[tuple[int, int, str]]:
    """The portfolio phrases of a sentence ("aux Affaires étrangères", "la Défense"), as token spans with
    their post type (see :func:`_find`)."""
    folded = [fold(t.text) for t in doc]
    return [(start, end, _forces_not_ministry(doc, folded, start, end, _headship(folded, end, post_type)))
            for start, end, post_type in _find(folded, sent)]


def _inner_demonym(doc: Doc, folded: list[str], i: int, words: tuple[str, ...]) -> bool:
    """"ministère kazakh de la Défense", "ministère russe des Affaires étrangères": a ministry phrase
    with a demonym right after its ministry noun (the country it belongs to), or an adjective that names no
    portfolio ("ministère fédéral de la Défense")."""
    return len(words) > 2 and words[0] in title_cues("ministry_nouns_fr") and i + len(words) < len(folded) \
        and folded[i] == words[0] and (doc[i + 1]._.kg_demonym or folded[i + 1] in MINISTRY_ADJECTIVES) \
        and tuple(folded[i + 2:i + len(words) + 1]) == words[1:]


#: Adjectives of a ministry noun that name no portfolio ("le ministère fédéral de la Défense").
MINISTRY_ADJECTIVES = frozenset(("federal", "federale", "national", "nationale", "royal", "royale"))


def bare_ministry(folded: list[str], sent: Span, i: int) -> tuple[str, str | None] | None:
    """"(prend la tête de) ce ministère", "(dirigeait) le ministère": a ministry with no portfolio of
    its own words is the last one the text named (:func:`ministry_before`)."""
    if folded[i] not in title_cues("ministry_nouns_fr") or i == sent.start or folded[i - 1] not in (
            "ce", "cet", "le", "du"):
        return None
    if i + 1 < len(folded) and (folded[i + 1] in ("de", "du", "des", "d'") or sent.doc[i + 1]._.kg_demonym):
        return None  # "le ministère de l'Intérieur": a ministry of its own, maybe none of the lists
    return ministry_before(sent.doc, folded, i - 1)


#: Tokens back from a bare "ce ministère" to the ministry it stands for.
MINISTRY_REACH = 60


def ministry_before(doc: Doc, folded: list[str], i: int) -> tuple[str, str | None] | None:
    """The post type of the ministry last named before token ``i``, with its country when a demonym
    goes with it: the nearest minister's or ministry's word ("vice-ministre lettonne de la Défense",
    "au ministère de la Défense") whose portfolio the lists know.  None when that nearest word names
    a ministry of no list ("ministre des Finances"): the anaphor is that one, not an older one."""
    found = ministry_named_before(doc, folded, i)
    return found[1:] if found is not None else None


def ministry_named_before(doc: Doc, folded: list[str], i: int) -> tuple[int, str, str | None] | None:
    """:func:`ministry_before` with where the minister's or ministry's word stands."""
    nouns = title_cues("ministry_nouns_fr") | title_cues("minister_nouns_fr")
    for k in range(i - 1, max(-1, i - MINISTRY_REACH), -1):
        given = _given_portfolio(doc, folded, k)
        if given is not None:  # "nommer X aux Affaires étrangères. Le portefeuille est revenu à Y"
            return given
        if folded[k] not in nouns or k + 1 >= len(folded) or not (
                folded[k + 1] in ARTICLES or doc[k + 1]._.kg_demonym):
            continue  # "vice-Premier ministre." names no ministry
        j = k + 1
        while j < min(len(folded), k + 4) and (folded[j] in ARTICLES or doc[j]._.kg_demonym):
            j += 1
        words = next((w for w in _by_first_word().get(folded[j], ()) if j < len(folded)
                      and tuple(folded[j:j + len(w)]) == w), None) if j < len(folded) else None
        if words is None and j < len(folded) and people_within(doc, j, j + 1):
            continue  # "Ancienne ministre de Jacques Chirac, elle …": a person's minister names no ministry
        if words is None:
            return None
        demonyms = {s.kb_id_ for s in lex_within(doc, k + 1, j + len(words) + 1, "DEMONYM")}
        return k, _portfolios()[words], (demonyms.pop() if len(demonyms) == 1 else None)
    return None


def _given_portfolio(doc: Doc, folded: list[str], k: int) -> tuple[int, str, str | None] | None:
    """A portfolio phrase at token ``k`` that a post is given at ("nommé aux Affaires étrangères", "reconduit
    à la Défense"): "à", "au" or "aux" before it, maybe with "la" or "l'"; with its post type and demonym."""
    words = next((w for w in _by_first_word().get(folded[k], ()) if tuple(folded[k:k + len(w)]) == w), None)
    j = k - 1 - (k > 0 and folded[k - 1] in ("la", "l'"))
    if words is None or j < 0 or folded[j] not in ("a", "au", "aux"):
        return None
    demonyms = {s.kb_id_ for s in lex_within(doc, k, k + len(words) + 1, "DEMONYM")}
    if not demonyms:  # a seat that is its state's metonym: "à Brienne", "au Quai d'Orsay", "au Pentagone"
        demonyms = {s.kb_id_ for s in lex_within(doc, k, k + len(words), "COUNTRY") if s.start >= k}
    return k, _portfolios()[words], (demonyms.pop() if len(demonyms) == 1 else None)


def no_post_seat_before(folded: list[str], i: int) -> int | None:
    """Where a seat of a ministry of no post kg knows ("à Bercy", ``ministry_seats_no_post_fr``) stands,
    after "à" or "au", within reach before token ``i``: nearer than any other ministry or post, a bare
    "le poste" stands for that one."""
    seats = _cues("ministry_seats_no_post_fr")
    for k in range(i - 1, max(-1, i - MINISTRY_REACH), -1):
        if k > 0 and folded[k - 1] in ("a", "au") and any(tuple(folded[k:k + len(w)]) == w for w in seats):
            return k
    return None


def _antecedent_country(doc: Doc, folded: list[str], sent: Span, end: int) -> str | None:
    """The country of the ministry a bare "ce ministère" ending at ``end`` stands for, if stated."""
    ministry = bare_ministry(folded, sent, end - 1)
    return ministry[1] if ministry is not None else None


def _ends_with_cue(words: list[str], cues: tuple[tuple[str, ...], ...]) -> int | None:
    """Length of the cue the word list ends with, articles after it ignored."""
    while words and words[-1] in ARTICLES:
        words = words[:-1]
    for cue in cues:
        if tuple(words[-len(cue):]) == cue:
            return len(cue)
    return None


def _headship(folded: list[str], end: int, post_type: str) -> str:
    """"à la tête des armées", "aux commandes des armées": the headship of the armed forces is the
    chief of defence's, though "les Armées" alone is also the French defence ministry ("reconduit aux
    Armées")."""
    if any(tuple(folded[max(0, end - len(words)):end]) == words for words in _cues("chief_of_defence_headship_fr")):
        return "chief_of_defence"
    return post_type


GOVERNMENT_LEADS = (("a", "la", "tete", "du"), ("aux", "commandes", "du"))
LEADING_STEMS = ("dirig", "presid")


def _government_led(doc: Doc, folded: list[str], sent: Span, start: int) -> bool:
    """"à la tête du gouvernement", "X a dirigé le gouvernement pendant cinq ans": the government is a
    head of government's portfolio only when it is headed or led; joined, left or kept it is a minister's
    ("quitte le gouvernement", "entre au gouvernement")."""
    words = folded[max(sent.start, start - 4):start]
    if any(tuple(words[-len(lead):]) == lead for lead in GOVERNMENT_LEADS):
        return True
    return start - 2 >= sent.start and folded[start - 1] == "le" and folded[start - 2].startswith(LEADING_STEMS) \
        and doc[start - 2].pos_ in ("VERB", "AUX")


def _forces_not_ministry(doc: Doc, folded: list[str], start: int, end: int, post_type: str) -> str:
    """"qui avait dirigé les armées pendant quatre ans", "commande les armées rwandaises": "les armées"
    in lower case, a verb's object, are the armed forces, whose head is the chief of defence; the
    ministry is written "les Armées" ("reconduit aux Armées", "le ministère des Armées")."""
    if post_type == "defence_minister" and folded[start:end] == ["armees"] and doc[start].text.islower() \
            and start > 0 and folded[start - 1] == "les":
        return "chief_of_defence"
    if post_type == "chief_of_defence" and folded[start:end] == ["forces", "armees"] and doc[start].text == "Forces" \
            and start > 0 and folded[start - 1] == "aux" \
            and not (end < len(doc) and (doc[end]._.kg_demonym or folded[end] in ("de", "du", "des", "d'"))):
        return "defence_minister"  # "a propulsé X aux Forces armées": the ministry (Senegal's), not the forces
    return post_type


LEAD_REACH = 12  # tokens before a portfolio where the verb that takes or hands it over may stand


def _lead(doc: Doc, folded: list[str], sent: Span, start: int) -> list[str]:
    """The last words before the portfolio at ``start``, dates ("X, reconduit mardi au ministère de …",
    "a confié mardi la Défense au général Y") with a "depuis" before them ("X assure depuis lundi
    l'intérim du …") and fillers left out: where a cue of taking or handing over ends."""
    first = max(sent.start, start - LEAD_REACH)
    dated = dated_tokens(doc, first, start)
    dated |= {k - 1 for k in dated if folded[k - 1] == "depuis"}
    dated |= _acting_words(folded, first, start)  # "détient aussi par intérim le portefeuille de la Défense"
    return without_fillers([folded[k] for k in range(first, start) if k not in dated][-9:])


def _taker(doc: Doc, folded: list[str], sent: Span, start: int, pronoun_owner) -> PersonMention | None:
    """"X prend la tête du ministère de la Défense", "X est reconduit à la Défense", and "… Il détient
    lui-même le portefeuille de la Défense" (the person the subject pronoun stands for)."""
    if _ends_with_cue(_lead(doc, folded, sent, start), _cues("portfolio_take_fr")) is None:
        return None
    names = [m for m in people_within(doc, sent.start, start) if start - m.span.end <= REACH]
    if not names:
        return pronoun_owner(doc, sent)  # "Il a dirigé le ministère", "Le septuagénaire prend la Défense"
    last = apposition_owner(doc, sent, names)
    if last is None:
        return None
    between = folded[last.span.end:start]
    if between[:2] == [",", "qui"]:  # "X, qui a pris la tête de la diplomatie en 2024": the relative's subject
        between = between[2:]
        pairs = [k for k in range(len(between) - 1) if between[k:k + 2] == ["et", "qui"]]
        if len(pairs) == 1 and not {"qui", "que", ";", ":"} & set(between[:pairs[0]]):
            between = between[pairs[0] + 2:]  # "X, qui dirigeait le gouvernement … et qui prend la tête de …"
    elif between[:1] == [","] and "," in between[1:INCISE + 1] and not any(
            t.pos_ in ("VERB", "AUX") for t in doc[last.span.end:last.span.end + between.index(",", 1)]):
        between = between[between.index(",", 1) + 1:]  # "X, vice-Premier ministre et ministre de l'Intérieur, assure"
    if between[:1] == ["qui"] and cleft_focus(doc, last):  # "c'est X(, jusque-là …,) qui prend la tête de …"
        between = between[1:]
    if ":" in between and _pronoun_after_colon(folded, sent, last, between):
        between = between[len(between) - between[::-1].index(":") + 1:]  # "X connaît la maison : il a hérité de …"
    return None if {"qui", "que", "et", ";", ":"} & set(between) else last


def apposition_owner(doc: Doc, sent: Span, names: list[PersonMention]) -> PersonMention | None:
    """"M. Ouattara, frère cadet du chef de l'État Alassane Ouattara, détient le portefeuille …": the
    last name before the cue is a complement ("de", "du") inside an apposition set off by commas after a
    capitalised word (no verb, no other comma in it); the verb after the closing comma is that word's
    name's, the earlier mention ending there, or nobody kg can name (a surname two people of the text
    share)."""
    last = names[-1]
    if last.span.end >= len(doc) or doc[last.span.end].text != ",":
        return last
    k = last.span.start - 1
    while k > sent.start and doc[k].text != "," and k >= last.span.start - INCISE:
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].text in (";", ":", "(", ")", "«", "»"):
            return last
        k -= 1
    if k <= sent.start or doc[k].text != "," or k == last.span.start - 1 or not doc[k - 1].text[:1].isupper() \
            or not any(fold(t.text) in ("de", "du", "des", "d'") for t in doc[k + 1:last.span.start]):
        return last  # "À Islamabad, le vice-Premier ministre X, qui …": X heads the phrase, no complement
    return next((m for m in names[:-1] if m.span.end == k), None)


SUBJECT_OPENING = 4  # tokens of articles and titles before a name that opens its sentence as its subject


def _pronoun_after_colon(folded: list[str], sent: Span, last: PersonMention, between: list[str]) -> bool:
    """"Le général X connaît bien la maison : il a hérité du portefeuille …": a clause after a colon whose
    subject is "il"/"elle" goes on about the subject the sentence opened with (the name, past its titles)."""
    after = between[len(between) - between[::-1].index(":"):]
    return after[:1] in (["il"], ["elle"]) and between.count(":") == 1 \
        and last.span.start - sent.start <= SUBJECT_OPENING and not {"qui", "que", ";"} & set(between) \
        and any(t.dep_ in ("nsubj", "nsubj:pass") or t.head.dep_ in ("nsubj", "nsubj:pass") for t in last.span)


CLEFT_REACH = 8  # words of titles, posts and articles between "c'est" and the name it puts in focus
POST_LABELS = ("OFFICE", "POST", "OFFICE_WEAK", "OFFICE_WEAK?")


def cleft_focus(doc: Doc, m: PersonMention) -> bool:
    """"C'est l'amiral X qui prend la tête de la Marine", "c'est désormais Y qui dirige …": the name is
    the focus of a cleft (``cleft_openers_fr`` right before it, maybe with titles and an article
    between), so the "qui" after it is its own relative: the name is the subject of that verb."""
    i = m.span.start
    while i > max(m.span.sent.start, m.span.start - 3 * CLEFT_REACH):
        post = [s for s in lex_within(doc, max(m.span.sent.start, i - CLEFT_REACH), i, *POST_LABELS) if s.end == i]
        if post:  # "c'est le Premier ministre X qui assure l'intérim"
            i = min(s.start for s in post)
        elif fold(doc[i - 1].text) in _title_words() or doc[i - 1].text == "," or _post_and(doc, m, i):
            i -= 1
        else:
            break
    lead = " ".join(fold(t.text) for t in doc[max(m.span.sent.start, i - 3):i]).replace("' ", "'")
    return any(lead == c or lead.endswith(" " + c) for c in (fold(x) for x in title_cues("cleft_openers_fr")))


def _post_and(doc: Doc, m: PersonMention, i: int) -> bool:
    """"et" right before token ``i`` just after a post: "c'est le vice-Premier ministre et ministre de la
    Défense, X, qui …" (coordinated posts in a cleft's focus)."""
    lo = m.span.sent.start
    return fold(doc[i - 1].text) == "et" and i - 1 > lo and any(
        s.end == i - 1 for s in lex_within(doc, max(lo, i - 1 - CLEFT_REACH), i - 1, *POST_LABELS))


def _bracketed(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"entouré de X (Défense) et de Y (Affaires étrangères)": a portfolio alone in brackets right
    after a name is that person's (lists of ministers and group photos write posts so)."""
    if start - 1 <= sent.start or end >= sent.end or folded[start - 1] != "(" or folded[end] != ")":
        return None
    named = [m for m in people_within(doc, max(sent.start, start - 8), start - 1) if m.span.end == start - 1]
    return named[0] if named else None


def _headed(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"Défense : Shinjiro Koizumi.": a who's who of a government lists each portfolio as a heading
    that opens its line (past a bullet: "- Défense nationale : X ;"), a colon and the name of its holder,
    the entry ending there."""
    first = sent.start
    while first < sent.end and doc[first].text in BULLETS:
        first += 1
    if start != first or end >= sent.end or folded[end] != ":" or end + 1 >= len(doc):
        return None
    after = people_within(doc, end + 1, doc[end + 1].sent.end)  # the parser may end the sentence at the colon
    if not after or after[0].span.start != end + 1 or not all(
            t.is_punct or t.is_space for t in doc[after[0].span.end:after[0].span.sent.end]):
        return None
    return after[0]


DEFINITE = frozenset(("la", "l'", "le", "les"))
BULLETS = frozenset(("-", "–", "—", "•", "*", "·"))


def _word_before(folded: list[str], sent: Span, start: int) -> int:
    """The token before the portfolio at ``start``, past its definite article ("au ministère", "de la
    marine": "au", "de")."""
    i = start - 1
    while i > sent.start and folded[i] in DEFINITE:
        i -= 1
    return i


SEAT_REACH = 6  # tokens of a dateline before a fronted "Au Quai d'Orsay," that opens the sentence


def _fronted_seat(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"Au Quai d'Orsay, X est reconduit", "À la Défense, Y prend la suite": a portfolio fronted with
    "à" that opens the sentence (a dateline may come first), then a comma, a name and a cue of taking
    (``portfolio_take_fr``) right after it: the name takes the portfolio."""
    i = _word_before(folded, sent, start)
    for lead in _cues("headship_leads_fr"):  # "À la tête de l'armée de terre, le général X est confirmé"
        if i - len(lead) + 1 >= sent.start and tuple(folded[i - len(lead) + 1:i + 1]) == lead:
            i -= len(lead) - 1
            break
    if folded[i] not in ("a", "au", "aux") or end >= sent.end or folded[end] != ",":
        return None
    opening = [t for t in doc[max(sent.start, i - SEAT_REACH):i]]
    dash = next((t.i for t in reversed(opening) if t.text in ("-", "–", "—")), None)
    if i != sent.start and (dash is None or dash != i - 1):
        return None
    named = _name_past_titles(doc, folded, sent, end + 1)
    if named is None:
        return None
    after = named.span.end
    if _replaces_someone(doc, folded, sent, after):
        return named  # "Aux Affaires étrangères, X (, ancien ambassadeur …,) remplace Y"
    kept = [j for j in range(after, min(sent.end, after + 8)) if j not in dated_tokens(doc, after, after + 8)]
    words = without_fillers([folded[j] for j in kept])
    cue = next((c for c in _cues("portfolio_take_fr") if tuple(words[:len(c)]) == c), None)
    if cue is None:
        return _seat_given(doc, folded, sent, kept)
    fillers = {fold(f) for f in title_cues("post_link_fillers_fr") if " " not in f}
    words_seen, nxt = 0, None
    for j in kept:  # the first token after the cue's words ("est désormais reconduit ." -> ".")
        if folded[j] in fillers:
            continue
        if words_seen == len(cue):
            nxt = j
            break
        words_seen += 1
    if nxt is not None and doc[nxt].pos_ in ("DET", "NOUN", "PROPN", "PRON"):
        return None  # "Au ministère de la Défense, X a pris la parole": the verb has an object of its own
    return named


INCISE_REACH = 14  # tokens of an apposition between a fronted seat's holder and the verb
REPLACING_VERBS = ("remplace", "remplacera", "a remplace", "succede a", "succedera a", "a succede a",
                   "prend la suite de", "prend la suite d'", "prend la place de", "prend la place d'")


def _replaces_someone(doc: Doc, folded: list[str], sent: Span, after: int) -> bool:
    """After a fronted seat's holder (an apposition set off by commas may come first), a verb of replacing
    whose object is a person: "Aux Affaires étrangères, X, ancien ambassadeur, remplace Y"."""
    k = after
    if k < sent.end and folded[k] == ",":
        close = next((j for j in range(k + 1, min(sent.end, k + INCISE_REACH)) if folded[j] == ","), None)
        if close is None:
            return False
        k = close + 1
    words = " ".join(folded[k:min(sent.end, k + 5)]).replace("' ", "'")
    for verb in REPLACING_VERBS:
        if words == verb or words.startswith(verb + " "):
            n = len(verb.replace("'", "' ").split())
            return bool(people_within(doc, k + n, k + n + 3))
    return False


GIVEN_REACH = 8  # tokens from an appointing verb to the name of the one it puts in a fronted seat


def _seat_given(doc: Doc, folded: list[str], sent: Span, kept: list[int]) -> PersonMention | None:
    """"À la Défense, Prabowo a installé un autre fidèle, X": after a fronted portfolio, the name that
    opens the clause appoints ("a installé", "a nommé", "a placé") and the name its verb governs, past an
    article, adjectives, a noun and one comma, takes the portfolio."""
    if len(kept) < 2 or folded[kept[0]] not in ("a", "ont", "avait") or folded[kept[1]] not in \
            title_cues("appoint_verbs_fr") | title_cues("appoint_sending_fr"):
        return None
    verb = kept[1]
    for j in range(verb + 1, min(sent.end, verb + 1 + GIVEN_REACH)):
        named = people_within(doc, j, j + 1)
        if named and named[0].span.start == j:
            return named[0]
        if doc[j].pos_ in ("VERB", "AUX", "PRON", "ADP") or doc[j].is_punct and doc[j].text != ",":
            return None
    return None


TITLE_REACH = 6  # words of ranks, civil titles and articles before a name ("le maréchal de l'air X")


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for key in ("ranks_fr", "civil_fr", "honorifics_fr") for t in title_cues(key)
                     for w in _words(t)) | {"le", "la", "l'"}


TITLE_PHRASE_REACH = 8  # words of a title phrase set off before a name ("la ministre de la Justice, X")


def _name_past_title_phrase(doc: Doc, folded: list[str], sent: Span, k: int) -> PersonMention | None:
    """The name after a title phrase that opens at token ``k`` and a comma: "(confié par intérim) à la
    ministre de la Justice, X" — the phrase opens on an article and a head noun of posts
    (``post_heads_fr``) and holds no verb and no name."""
    if k < sent.end and folded[k] in ("le", "la", "l'"):
        k += 1  # "à la ministre …"; "au ministre …" has its article in the cue
    if k >= sent.end or not (folded[k] in {fold(h) for h in title_cues("post_heads_fr")}
                             or any(s.start == k for s in lex_within(doc, k, k + 1, *POST_LABELS))):
        return None
    comma = next((j for j in range(k + 1, min(sent.end, k + TITLE_PHRASE_REACH)) if folded[j] == ","), None)
    if comma is None or people_within(doc, k, comma) or any(t.pos_ in ("VERB", "AUX") for t in doc[k:comma]):
        return None
    return _name_past_titles(doc, folded, sent, comma + 1)


def _name_past_titles(doc: Doc, folded: list[str], sent: Span, k: int) -> PersonMention | None:
    """The name that starts at token ``k`` past ranks, titles and articles ("le maréchal de l'air X")."""
    lo = k
    while k < min(sent.end, lo + TITLE_REACH) and folded[k] in _title_words():
        k += 1
    for j in range(lo, k + 1):  # a title word that opens the name itself ("Cheikh Niang", "Prince X")
        named = people_within(doc, j, j + 1)
        if named and named[0].span.start == j:
            return named[0]
    return None


GAPPED_REACH = 40  # tokens back from an item of a gapped list to its plural head ("les commandants de …")


def _gapped_item(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"les commandants de l'armée de terre, le général X, de la marine, l'amiral Y, et de l'armée de
    l'air, Z": each portfolio of a list under one plural head noun (``plural_post_heads_fr``), told
    as a "de" complement and followed by a comma and a name, is that name's.  The head is the noun
    right before the first "de", or, for a later item opened by a comma or "et", the nearest such
    noun and "de" before it in the sentence."""
    i = _word_before(folded, sent, start)
    if i <= sent.start or folded[i] not in ("de", "du", "des", "d'") or end + 1 >= sent.end or folded[end] != ",":
        return None
    heads = {fold(h) for h in title_cues("plural_post_heads_fr")}
    if folded[i - 1] not in heads:
        if folded[i - 1] not in (",", "et"):
            return None
        first = next((k for k in range(i - 2, max(sent.start, i - GAPPED_REACH), -1)
                      if folded[k] in heads and folded[k + 1] in ("de", "du", "des", "d'")), None)
        if first is None or any(t.pos_ in ("VERB", "AUX") for t in doc[first:i]):
            return None
    named = _name_past_titles(doc, folded, sent, end + 1)
    if named is None or (named.span.end < sent.end and folded[named.span.end] not in (",", "et", ".", ")", ";")):
        return None
    return named


SUCCESSION_VERBS = frozenset(("remplace", "remplacera", "succede", "succedera", "succedait"))  # folded
SUCCESSION_REACH = 6  # tokens between the successor's name and the verb ("X a remplacé lundi Y")


def _successor_over(doc: Doc, folded: list[str], sent: Span, start: int) -> PersonMention | None:
    """"X a remplacé Y à la tête des forces armées", "X succède au général Y à la tête de la marine",
    "X remplace Y au ministère de la Défense": the subject of a verb of succession whose object, a name,
    is followed by the portfolio after "à la tête de" or "à"/"au" takes the portfolio (the predecessor
    held it: :mod:`kg.extract.terms` reads the replacement once the successor holds it)."""
    i = _word_before(folded, sent, start)
    lead = next((h for h in _cues("headship_leads_fr") if tuple(folded[i - len(h) + 1:i + 1]) == h), None)
    if lead is not None:
        i -= len(lead)
    elif folded[i] in ("a", "au", "aux"):
        i -= 1
    else:
        return None
    leaver = next((m for m in people_within(doc, max(sent.start, i - 8), i + 1) if m.span.end == i + 1), None)
    if leaver is None:
        return None
    k = leaver.span.start - 1
    dated = dated_tokens(doc, max(sent.start, k - SUCCESSION_REACH), k + 1)
    while k > sent.start and (folded[k] in _title_words() | {"a", "au"} or k in dated):
        k -= 1  # "succède au général Y", "a remplacé mardi l'amiral Y"
    if folded[k] not in SUCCESSION_VERBS:
        return None
    dated = dated_tokens(doc, max(sent.start, k - SUCCESSION_REACH), k)
    j = k - 1
    while j > sent.start and (j in dated or doc[j].pos_ in ("AUX", "ADV")):
        j -= 1
    successor = next((m for m in people_within(doc, max(sent.start, j - 8), j + 1) if m.span.end == j + 1), None)
    return successor if successor is not None and successor.key != leaver.key else None


NATIONAL = frozenset(("national", "nationale", "nationaux", "nationales"))


def _handed_to(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"X cède ce portefeuille à Y", "le président a confié la Défense à Y": a handing-over verb right
    before the portfolio and "à" with a name right after it give the portfolio to that name."""
    lead = _lead(doc, folded, sent, start)
    while lead and lead[-1] in ARTICLES:
        lead = lead[:-1]
    if lead and lead[-1] in ("portefeuille", "poste"):  # "a confié le portefeuille des Armées à Y"
        lead = lead[:-1]
    if _ends_with_cue(lead, _cues("portfolio_hand_over_fr")) is None:
        return None
    acting = _acting_words(folded, end, min(sent.end, end + 4))  # "a confié le portefeuille par intérim à Y"
    end = max(acting, default=end - 1) + 1 if acting and min(acting) == end else end
    while end < sent.end and end - start < 4 and (doc[end]._.kg_demonym or folded[end] in NATIONAL):
        end += 1  # "a confié le commandement de l'armée nationale au général Y"
    dated = dated_tokens(doc, end, min(sent.end, end + 4))
    while end in dated:
        end += 1  # "a confié ce portefeuille mardi au général Y"
    if end >= sent.end or folded[end] not in ("a", "au", "aux"):
        return None
    titles = _name_title_words()
    after = people_within(doc, end + 1, min(sent.end, end + 5))
    if not after or not all(folded[k] in ARTICLES or folded[k] in titles or folded[k] == "-"
                            for k in range(end + 1, after[0].span.start)):  # "au colonel-général Y"
        return _name_past_title_phrase(doc, folded, sent, end + 1)  # "… au ministre de l'Intérieur, Y"
    return after[0]


#: Participles that open a give cue without an auxiliary ("le ministère, dirigé par X"): they may agree
#: with the noun the portfolio complements ("une opération de la marine commandée par X").
PARTICIPLES = frozenset(("dirige", "dirigee", "commande", "commandee", "place", "placee", "places", "placees"))


def _receiver(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"La diplomatie revient à X", "le portefeuille des Armées a été confié dimanche à X" (dates
    inside the cue skipped)."""
    dated = {t.i for s in dates_within(doc, end, min(sent.end, end + 12)) for t in s}
    dated |= {k - 1 for k in dated if folded[k - 1] == "depuis"}  # "est dirigé depuis décembre par X"
    dated |= _acting_words(folded, end, min(sent.end, end + 12))  # "est dirigé par intérim par X"
    fillers = title_cues("post_link_fillers_fr")  # "est finalement revenu à X"
    kept = [i for i in range(end, min(sent.end, end + 12)) if i not in dated and folded[i] not in fillers
            and not (i == end and doc[i]._.kg_demonym)]  # "l'armée de l'air polonaise est commandée par X"
    i = _word_before(folded, sent, start)
    j = i - 1
    while j > sent.start and doc[j]._.kg_demonym:
        j -= 1
    complement = i >= sent.start and folded[i] in ("de", "du", "des", "d'") and not (
        j >= sent.start and folded[j] in title_cues("ministry_nouns_fr"))  # "le ministère polonais de la Défense"
    if kept and folded[kept[0]] == ",":  # "le ministère des Forces armées, dirigé par X"
        kept = kept[1:]
    for cue in _cues("portfolio_give_fr"):
        if cue[0] in PARTICIPLES and complement:
            continue  # "une opération de l'armée de l'air dirigée par X": the participle is the operation's
        if tuple(folded[i] for i in kept[:len(cue)]) == cue:
            last = kept[len(cue) - 1] + 1
            after = people_within(doc, last, min(sent.end, last + 4))
            return after[0] if after else _name_past_titles(doc, folded, sent, last) \
                or _name_past_title_phrase(doc, folded, sent, last)  # "par le maréchal de l'air X"
    return None


def _acting_words(folded: list[str], lo: int, hi: int) -> set[int]:
    """Tokens of an interim phrase ("par intérim", ``acting_fr``) between ``lo`` and ``hi``: the
    words of a give cue may stand around it ("Le ministère est dirigé par intérim par X")."""
    out: set[int] = set()
    for phrase in _cues("acting_fr"):
        for k in range(lo, hi - len(phrase) + 1):
            if tuple(folded[k:k + len(phrase)]) == phrase:
                out |= set(range(k, k + len(phrase)))
    return out


def _object(doc: Doc, folded: list[str], sent: Span, start: int, appointed) -> PersonMention | None:
    """"a proposé X pour les Affaires étrangères", "a nommé X à la Défense", "a choisi X pour diriger
    le ministère de la Défense", "a nommé X à la tête de l'état-major" (``headship_leads_fr``)."""
    i = start - 1
    while i > sent.start and folded[i] in ("le", "la", "l'", "les"):
        i -= 1
    for lead in _cues("headship_leads_fr"):  # "a nommé X à la tête de l'état-major interarmées"
        if i - len(lead) + 1 > sent.start and tuple(folded[i - len(lead) + 1: i + 1]) == lead:
            i -= len(lead) - 1
            break
    if i > sent.start and folded[i] in title_cues("portfolio_lead_verbs_fr") and folded[i - 1] == "pour":
        i -= 1  # "a choisi X pour diriger le ministère de la Défense"
    if folded[i] not in ("pour", "a", "au", "aux"):
        return None
    k = _before_incise(folded, sent, i)  # "a choisi X, chef d'état-major de l'armée, pour diriger …"
    before = [m for m in people_within(doc, sent.start, k) if m.span.end == k]
    if not before and k < i:  # "a reconduit son frère cadet, X, au ministère": the name is the incise, past its
        named = _name_past_titles(doc, folded, sent, k + 1)  # ranks ("a choisi le chef d'état-major de l'armée,
        before = [named] if named is not None and named.span.end == i - 1 else []  # le général X, pour diriger")
    return before[0] if before and appointed(doc, before[0]) else None


def _replacer(doc: Doc, folded: list[str], sent: Span, start: int, end: int) -> PersonMention | None:
    """"X est remplacé à la Défense par Y", "remplacée au Foreign Office par Y": the name after "par"
    takes the portfolio (X held it: the replacement rules of :mod:`kg.extract.terms` say so)."""
    lead = folded[max(sent.start, start - 7):start]
    while lead and lead[-1] in ARTICLES:
        lead = lead[:-1]
    for head in _cues("headship_leads_fr"):  # "est remplacé à la tête de l'état-major par X"
        bare = [w for w in head if w not in ARTICLES]
        if [w for w in lead if w not in ARTICLES][-len(bare):] == bare:
            while lead and (lead[-1] in ARTICLES or lead[-1] in bare):
                lead = lead[:-1]
            break
    replaced = {fold(c.split()[0]) for c in title_cues("term_replaced_by_fr") if c.endswith(" par")}
    if end < sent.end and doc[end]._.kg_demonym:  # "remplacé à la tête de la marine indienne par X"
        end += 1
    if not lead or lead[-1] not in replaced or end >= sent.end or folded[end] != "par":
        return None
    return _name_past_titles(doc, folded, sent, end + 1)  # "par le général de brigade X"


INCISE = 12  # the most tokens of an apposition set off by commas between a name and what follows it


def _before_incise(folded: list[str], sent: Span, i: int) -> int:
    """Where a comma-enclosed apposition that ends right before token ``i`` starts (the token index
    just after the name it follows), or ``i`` when there is none."""
    if i - 1 <= sent.start or folded[i - 1] != ",":
        return i
    for k in range(i - 2, max(sent.start, i - 2 - INCISE), -1):
        if folded[k] == ",":
            return k
        if folded[k] in (";", ":", ".", "qui", "que"):
            break
    return i


def fronted_subject(doc: Doc, sent: Span, i: int) -> PersonMention | None:
    """"Nommé en juillet à la tête du ministère de la Défense, X a …", "Devenue ministre des Affaires
    étrangères en 2024, X …": a sentence that opens on an appointing participle is about the name
    right after the comma that closes it (an article and titles may come first); token ``i`` must lie
    inside that opening clause."""
    dash = next((t.i for t in sent[:6] if t.text in ("-", "–", "—")), None)  # "KIEV - Nommé …": past a dateline
    opening = doc[dash + 1] if dash is not None and dash + 1 < sent.end else sent[0]
    if not _appointing_opening(doc, sent, opening.i, i):
        return None
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or not sent.start < i < comma:
        return None
    titles = {fold(t) for key in ("ranks_fr", "civil_fr", "honorifics_fr") for t in title_cues(key)}
    k = comma + 1
    while k < sent.end and (fold(doc[k].text) in titles or fold(doc[k].text) in ("le", "la", "l'")):
        k += 1
    epithets = {fold(t) for key in ("epithet_nouns_fr", "political_epithets_fr") for t in title_cues(key)}
    if k < sent.end and fold(doc[k].text) in epithets and fold(doc[k - 1].text) in ("le", "la", "l'"):
        k += 1  # "Nommé …, le centriste X", "…, le nationaliste flamand X": an epithet before the name
        k += k < sent.end and doc[k].text.islower() and doc[k].pos_ in ("ADJ", "NOUN")
    after = people_within(doc, k, k + 1)
    return after[0] if after and after[0].span.start == k else None


def _appointing_opening(doc: Doc, sent: Span, k: int, i: int) -> bool:
    """The words from token ``k`` open on an appointing participle or adverb (``appointed_incise_fr``, one
    to three words: "Nommé", "Tout juste nommée"), or, before the portfolio at token ``i``, on a participle
    of arrival in a seat (``appointed_seat_openers_fr``: "Arrivée au ministère des Armées en octobre, X")."""
    words = [fold(t.text) for t in doc[k:min(sent.end, k + 3)]]
    if any(" ".join(words[:n]) in title_cues("appointed_incise_fr") for n in range(1, len(words) + 1)):
        return True
    if len(words) == 3 and words[0] in ("depuis", "des", "apres", "lors") and words[1] in ("sa", "son") \
            and words[2] in title_cues("taking_office_nouns_fr"):
        return True  # "Depuis sa nomination à la tête de l'armée de l'air, X", "Dès son arrivée au ministère, X"
    if bool(words) and words[0] in title_cues("appointed_seat_openers_fr") and k + 1 < i <= k + 3 \
            and fold(doc[k + 1].text) in ("au", "a", "aux"):
        return True
    lead = [fold(t.text) for t in doc[k:i]]  # "À la tête de la diplomatie turque depuis 2023, X": a fronted headship
    heads = title_cues("headship_leads_fr")
    return any(" ".join(lead[:n]) in heads and all(w in ARTICLES for w in lead[n:]) for n in range(1, len(lead) + 1))


def portfolio_after(doc: Doc, sent: Span, i: int) -> str | None:
    """The office of a portfolio phrase at token ``i`` (after "à", "au", "aux" and articles): "Y a
    succédé à X au ministère des Armées"; "?.<post type>" unless a demonym follows the phrase."""
    folded = [fold(t.text) for t in doc]
    while i < sent.end and folded[i] in ARTICLES:
        i += 1
    if i + 1 < sent.end and folded[i] == "tete" and folded[i + 1] in ("de", "du", "des", "d'"):
        i += 1  # "succéder à X à la tête de l'armée"
        while i < sent.end and folded[i] in ARTICLES:
            i += 1
    found = next(((start, end, post_type) for start, end, post_type in _find(folded, sent) if start == i), None)
    if found is None:
        return None
    start, end, post_type = found
    post_type = _forces_not_ministry(doc, folded, start, end, _headship(folded, end, post_type))  # "des armées"
    country = next((s.kb_id_ for s in lex_within(doc, end, end + 1, "DEMONYM")), None)
    return load_lexicon().office_for(post_type, country).id if country else f"?.{post_type}"
