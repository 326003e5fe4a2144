"""Role nouns that stand for a person the article names: "le président russe", "le chef du Kremlin".

A role noun is a definite, singular post mention that no name is attached to.  It resolves to a
person named earlier in the article, in this order, and to nobody when a step is ambiguous:

1. the one person already known to hold that post in that country;
2. the one person named with that post and no country ("le président X" … "le président russe");
3. topic continuation: the role noun is the subject of its sentence and the previous sentence's
   only person was that sentence's subject ("X a déclaré … Le président russe a ordonné …"), the
   person holds no other post and is not named in the role noun's sentence.

The extraction of holdings uses it to give that person the post; the call rules may use
:func:`person_for` for call parties named by their role.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from kg.extract.lexicon import load_lexicon
from kg.extract.names import fold
from kg.extract.people import PersonMention
from kg.extract.spanindex import people_within

DEFINITE = frozenset(("le", "la", "l'", "du", "au", "ce", "cet", "cette"))
UNKNOWN = "?"
SUBJECT_WINDOW = 3  # "Le président russe a …", "Vladimir Poutine a …": the subject comes first


def person_for(doc: Doc, post_type: str, countries: Iterable[str], at: int,
               held: dict[str, set[str]]) -> PersonMention | None:
    """The person a role noun at token ``at`` refers to, given who holds what (person key ->
    office ids); None when nobody or more than one person fits."""
    countries = set(countries)
    before = [m for m in doc._.people or [] if m.span.end <= at]
    if not before or not countries:
        return None
    latest = {m.key: m for m in before}  # the most recent mention of each person
    exact = {k for k in latest if any(_fits(o, post_type, countries) for o in held.get(k, ()))}
    if exact:
        return latest[exact.pop()] if len(exact) == 1 else None
    unknown = {k for k in latest if f"{UNKNOWN}.{post_type}" in held.get(k, ())}
    if unknown:
        return latest[unknown.pop()] if len(unknown) == 1 else None
    return _continued_subject(doc, at, held)


def _fits(office_id: str, post_type: str, countries: set[str]) -> bool:
    country, _, rest = office_id.partition(".")
    if country == UNKNOWN:
        return False
    office = load_lexicon().office(office_id)
    return country in countries and (office.type == post_type or rest == post_type)


def _continued_subject(doc: Doc, at: int, held: dict[str, set[str]]) -> PersonMention | None:
    token = doc[at]
    sent = token.sent
    if not _is_subject(token, sent) or sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    people = people_within(doc, previous.start, previous.end)
    if len({m.key for m in people}) != 1:
        return None
    person = people[-1]
    in_sentence = any(m.key == person.key for m in people_within(doc, sent.start, sent.end))
    if held.get(person.key) or in_sentence or not _is_subject(person.span.root, previous):
        return None
    return person


def _is_subject(token, sent: Span) -> bool:
    """The token opens its sentence (a few words in) as the subject of the main verb."""
    head = token
    while head.dep_ == "flat:name" and head.head is not head:
        head = head.head
    return (head.i - sent.start <= SUBJECT_WINDOW and head.dep_ in ("nsubj", "nsubj:pass")
            and head.head.dep_ == "ROOT" and head.head.sent == sent)


def is_role_noun(doc: Doc, span: Span) -> bool:
    """A definite, singular post phrase ("le président russe", "du chef du Kremlin")."""
    if span.start == 0:
        return False
    before = fold(doc[span.start - 1].text)
    head = span[0]
    return before in DEFINITE and "Plur" not in head.morph.get("Number") and not fold(head.text).endswith("s")
