"""The gazetteer of the field's people (``kg/lexicons/people.json``): known names and their spellings.

It serves two purposes and no other: recognising a name the statistical model
misses or mislabels ("Poutine" tagged as a place, a lower-case "zelensky"),
and standardising spellings the transliteration rules of :mod:`kg.extract.names`
cannot merge (Ukrainian against Russian forms: Shmyhal/Shmygal; press
misspellings).  It never adds a post, a call or any other fact.  A known person's
country serves one purpose only: a post the text states and attaches to that
person without a country ("le président Ilham Aliyev") is placed in it, and
the article-wide guesses of :func:`kg.extract.offices.place_in_article` never
place the person elsewhere (see :meth:`Gazetteer.person_of`).

A name *identifies* a known person when exactly one entry has a spelling with
the same surname key that :func:`~kg.extract.names.same_person` accepts.  A
surname is *ambiguous* when the data says so (a common word, a place or a given
name: "Austin", "Hollande", "May"), when several entries share it (Sharif,
Koizumi) or when it has three letters or fewer (Xi, Li): alone it counts as a
person only when the model or a title says so.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from kg.extract.names import (
    DEFAULT_PARTICLES,
    fold,
    given_key,
    lineage,
    person_key,
    same_person,
    split_name,
    translit_key,
)
from kg.resources import lexicon_path

#: The most words a known surname spans ("von der Leyen", "de Hoop Scheffer").
MAX_SURNAME_WORDS = 4


@dataclass(frozen=True)
class KnownPerson:
    name: str  # the standard (English Wikipedia) form
    country: str  # where a stated post without a country is held (kg.extract.offices); never a post itself
    forms: tuple[str, ...]  # every spelling, the standard one first
    home: str | None = None  # for one known by an organisation: the state whose national posts they held
    #: a leader's posts of the field with their terms (post type, first day, last day or None): a veto only
    terms: tuple[tuple[str, date, date | None], ...] = ()

    def other_post(self, post_type: str, day: date | None) -> bool:
        """The person is known to hold another post than ``post_type`` on ``day`` (a leader listed with
        every post of the field they held), so a role noun of that post is not them; undated: they are
        listed with terms and none of ``post_type``.  Never a reason to give them a post."""
        if not self.terms:
            return False
        if day is None:
            return all(t != post_type for t, _, _ in self.terms)
        current = {t for t, start, end in self.terms if start <= day and (end is None or day <= end)}
        return bool(current) and post_type not in current


class Gazetteer:
    def __init__(self, people: list[KnownPerson], ambiguous: list[str], lead_words: list[str],
                 government_words: list[str], portfolio_words: Iterable[str] = (),
                 role_words: Iterable[str] = (), named_after_words: Iterable[str] = (),
                 organisation_words: Iterable[str] = (), title_heads: Iterable[str] = (),
                 family_first: Iterable[str] = ()) -> None:
        self.people = tuple(people)
        self.lead_words = frozenset(map(fold, lead_words))  # folded, as tokens are compared
        self.government_words = frozenset(map(fold, government_words))
        #: a minister's portfolio that the model glues before a name ("ministre des Finances X")
        self.portfolio_words = frozenset(map(fold, portfolio_words))
        #: role nouns outside the post lexicon that a name may follow in apposition ("le diplomate X")
        self.role_words = frozenset(map(fold, role_words))
        #: capitalised English heads of a title kg has no office for ("Treasury Secretary X"), as written
        self.title_heads = frozenset(title_heads)
        #: Korean and Chinese family names, which open a name ("Cho Hyun"), as written
        self.family_first = frozenset(family_first)
        #: nouns before a ship, building or street named after someone ("le porte-avions Charles de Gaulle")
        self.named_after_words = frozenset(map(fold, named_after_words))
        #: words of institutions, companies and media: a span holding one is no person ("Naval Group")
        self.organisation_words = frozenset(map(fold, organisation_words))
        self._by_surname: dict[str, list[KnownPerson]] = defaultdict(list)
        for person in self.people:
            for form in person.forms:
                bucket = self._by_surname[_surname_key(form)]
                if person not in bucket:
                    bucket.append(person)
        self.given_names = frozenset(_given_names(self.people))
        self._last_words = frozenset(key.split()[-1] for key in self._by_surname)
        self._long_last_words = frozenset(key.split()[-1] for key in self._by_surname if " " in key)
        shared = {key for key, found in self._by_surname.items() if len(found) > 1}
        short = {key for key in self._by_surname if len(key.replace(" ", "")) <= 3}
        self._ambiguous = {translit_key(s) for s in ambiguous} | shared | short
        self.identify = lru_cache(maxsize=8192)(self._identify)
        self.canonical = lru_cache(maxsize=8192)(self._canonical)

    # ------------------------------------------------------------ surnames

    def may_end_surname(self, word: str) -> bool:
        """Cheap first test for a token: can it be the last word of a known surname?"""
        key = translit_key(word)
        return bool(key) and key.split()[-1] in self._last_words

    def may_end_long_surname(self, word: str) -> bool:
        """Can the token be the last word of a surname of several words ("Le Drian")?"""
        key = translit_key(word)
        return bool(key) and key.split()[-1] in self._long_last_words

    def knows_surname(self, text: str) -> bool:
        return translit_key(text) in self._by_surname

    def is_ambiguous(self, surname: str) -> bool:
        return translit_key(surname) in self._ambiguous

    # ------------------------------------------------------------ names

    def _identify(self, name: str) -> KnownPerson | None:
        """The one known person the name can denote, or None (unknown, or several fit).  A name that
        fits nobody as written is read once more in each other way the press writes known names:
        without the dynasty or grandfathers ("Mohammed bin Salman Al Saoud"), with a shouted given
        name in plain case ("SJAFRIE Sjamsoeddin"), family name first ("Ishiba Shigeru")."""
        fits = self._fits(name)
        if fits is None:
            return None
        for other in (without_dynasty(name), _recased(name), _swapped(name)) if not fits else ():
            if other and (found := self._fits(other)):
                fits = found
                break
        return fits[0] if len(fits) == 1 else None

    def _fits(self, name: str) -> list[KnownPerson] | None:
        """The known people one of whose spellings the name as written can be; None for no name.  A
        name with a generational suffix fits only a spelling with that suffix ("Donald Trump Jr." is
        not Donald Trump; the data lists "Gilberto Teodoro Jr." among Gilberto Teodoro's forms)."""
        try:
            key = _surname_key(name)
        except ValueError:
            return None
        suffix = lineage(name)
        return [p for p in self._by_surname.get(key, ())
                if any(same_person(name, f) and (not suffix or lineage(f) == suffix) for f in p.forms)
                and not _middle_initials_clash(name, p.name)]

    def person_of(self, names: Iterable[str]) -> KnownPerson | None:
        """The one known person that all the names of one article's person denote, or None: a name
        that denotes nobody known (or several people) leaves the person unknown, and a person named
        only by ambiguous bare surnames ("le secrétaire Austin") is not identified.  A one-word name
        that denotes nobody known is a short form by another word than the surname ("Khalid" beside
        "Khalid ben Salmane", "Anutin" beside "Anutin Charnvirakul") and is left out."""
        found = set()
        for name in names:
            try:
                parts = split_name(name)
            except ValueError:  # nothing name-like left
                return None
            if not parts.given and (self.is_ambiguous(parts.surname) or self.identify(name) is None):
                continue  # an ambiguous surname, or a short form by another word ("le prince Khalid")
            found.add(self.identify(name))
        return found.pop() if len(found) == 1 else None

    def _canonical(self, name: str) -> str:
        """The form a name is matched under: the known person's standard name (or surname, for a
        surname alone), otherwise the name itself without the grandfathers of an Arabic name
        (:func:`without_grandfathers`: "Saoud ben Abdulrahman ben Hassan Al Thani" is "Saoud ben
        Abdulrahman Al Thani" whoever he is; the family name stays, since an unknown person's other
        reports may write it without the father, "Abdellatif Al-Zayani").  A by-name of the data ("MBS", "Jokowi",
        "Prabowo") stands for the whole person, not for a surname that relatives share (Mohammed
        and Khalid bin Salman), so it is matched under the standard name."""
        person = self.identify(name)
        if person is None:
            return without_grandfathers(name) or name
        if split_name(name).given or self.is_by_name(name, person):
            return person.name
        return split_name(person.name).surname

    def is_by_name(self, name: str, person: KnownPerson | None = None) -> bool:
        """Whether ``name`` is one of the forms the data lists for a known person that is not that
        person's surname: an acronym or a usual short name ("MBS", "AMLO", "Lula", "Hemedti")."""
        person = person or self.identify(name)
        if person is None or fold(name) not in {fold(f) for f in person.forms}:
            return False
        return not split_name(name).given and _surname_key(name) != _surname_key(person.name)


#: Patronymic particles: "X bin Y" names X by his father Y.
_PATRONYMIC = frozenset(("bin", "ben", "ibn"))


def without_dynasty(name: str) -> str | None:
    """An Arabic name cut to the person's own name and their father's, the form the press uses most:
    without the dynasty it may add or leave out ("Mohammed bin Salman Al Saoud", "Tamim ben Hamad
    Al Thani" -> "Tamim ben Hamad") and without the grandfathers of a longer chain ("Khalid ben
    Salmane ben Abdelaziz" -> "Khalid ben Salmane", "Fayçal ben Farhane ben Abdallah Al Saoud" ->
    "Fayçal ben Farhane").  The own name comes first, so a father ("Salmane ben Abdelaziz") never
    meets his son.  None for any other name."""
    try:
        parts = split_name(name)
    except ValueError:
        return None
    given = parts.given
    if len(given) < 3 or fold(given[1]) not in _PATRONYMIC:
        return None
    words = re.split(r"[\s-]+", fold(parts.surname))
    dynasty = len(words) == 2 and words[0] in ("al", "el")
    chain = len(words) == 2 and words[0] in _PATRONYMIC
    return " ".join(given[:3]) if dynasty or chain else None


def without_grandfathers(name: str) -> str | None:
    """An Arabic name whose chain of fathers goes beyond the first cut to the person's own name, their
    father's and the family or dynasty name, if any ("Khalid ben Salmane ben Abdelaziz" -> "Khalid ben
    Salmane", "Saoud ben Abdulrahman ben Hassan Al Thani" -> "Saoud ben Abdulrahman Al Thani"); None
    for a name with one father or none."""
    try:
        parts = split_name(name)
    except ValueError:
        return None
    given, words = parts.given, re.split(r"[\s-]+", fold(parts.surname))
    if len(given) < 3 or fold(given[1]) not in _PATRONYMIC:
        return None
    if len(words) == 2 and words[0] in _PATRONYMIC:
        return " ".join(given[:3])
    if len(given) > 3 and fold(given[3]) in _PATRONYMIC:
        return " ".join((*given[:3], parts.surname))
    return None


def _recased(name: str) -> str | None:
    """The name with its upper-case words written like the others, when it has both ("SJAFRIE
    Sjamsoeddin" -> "Sjafrie Sjamsoeddin"): a known person whose own given name a report shouts reads
    as a surname first (the French NOM Prénom habit), so the plain reading is tried when that one
    identifies nobody.  None for a name in one case."""
    words = name.split()
    shouted = [w.isupper() and len(w) > 2 for w in words]
    if not any(shouted) or all(shouted):
        return None
    return " ".join(w.capitalize() if loud else w for w, loud in zip(words, shouted, strict=True))


def _swapped(name: str) -> str | None:
    """A two-word name with its words the other way round ("Ishiba Shigeru" -> "Shigeru Ishiba"): the
    family-first order Japanese and Hungarian sources keep; None for any other name."""
    words = name.split()
    return f"{words[1]} {words[0]}" if len(words) == 2 else None


def _given_names(people: Iterable[KnownPerson]) -> set[str]:
    """The keys (:func:`~kg.extract.names.given_key`) of known people's first given names ("Vladimir",
    "Sergueï", "Fatemeh"), initials and short names aside: a mislabelled entity that opens with one
    is shaped like a person's name."""
    out = set()
    for person in people:
        for form in person.forms:
            given = split_name(form).given
            key = given_key(given[0]) if given else ""
            if len(key) > 2 and "-" not in given[0] and fold(given[0]) not in DEFAULT_PARTICLES:
                out.add(key)
    return out


def _surname_key(name: str) -> str:
    return translit_key(split_name(name).surname)


@cache
def load_gazetteer() -> Gazetteer:
    data = json.loads(lexicon_path("people").read_text(encoding="utf-8"))
    people = [KnownPerson(e["name"], e["country"], _with_bare_forms((e["name"], *e["forms"])), e.get("home"),
                          _terms(e.get("terms", ())))
              for e in data["people"]]
    openers = data["not_names"]
    return Gazetteer(people, data["ambiguous_surnames"], openers["lead_words"], openers["government_words"],
                     openers["portfolio_words"], data["apposition_roles"]["words"], openers["named_after_words"],
                     openers["organisation_words"], data["apposition_roles"]["title_heads_en"],
                     data["family_first_surnames"]["names"])


def _terms(entries: Iterable[dict[str, str]]) -> tuple[tuple[str, date, date | None], ...]:
    """An entry's ``terms`` as (post type, first day, last day or None while in office)."""
    return tuple((t["post"], date.fromisoformat(t["from"]), date.fromisoformat(t["to"]) if t.get("to") else None)
                 for t in entries)


def _with_bare_forms(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The forms of an entry and, for a royal listed with his dynasty, the same forms without it."""
    bare = [b for f in forms if (b := without_dynasty(f)) and b not in forms]
    return tuple(dict.fromkeys((*forms, *bare)))


def with_second_surnames(names: Iterable[str], gazetteer: Gazetteer) -> Callable[[str], str]:
    """The gazetteer's standard form of a name, or, for a name ending in a second surname, its form
    without it when another name of the corpus is that form: Spanish and Portuguese names add the
    mother's surname ("Iván Velásquez Gómez", "Gustavo Petro Urrego") that other reports leave out, and
    names are compared under their last word.  The word before the dropped one must be no known given
    name ("Mohammed Ali Hassan" is not "Mohammed Ali"), and the name hold no particle (Arabic and Dutch
    names carry their own rules).  A function of the set of names only, so of no article order."""
    standard = gazetteer.canonical
    names = sorted(set(names))
    shorter = {name: short for name in names if (short := _without_second_surname(standard(name), gazetteer))}
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_key[person_key(standard(name))].append(name)

    def fits(short: str, long: str, other: str) -> bool:
        # an unknown long name never joins a known person (the gazetteer lists that person's long forms)
        return other != long and same_person(short, standard(other)) and (
            gazetteer.identify(other) is None or gazetteer.identify(long) is not None)

    def canonical(name: str) -> str:
        short = shorter.get(name)
        if short and any(fits(short, name, other) for other in by_key.get(person_key(short), ())):
            return short
        return standard(name)

    return canonical


def _without_second_surname(name: str, gazetteer: Gazetteer) -> str | None:
    words = name.split()
    if len(words) < 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return None
    if any(fold(w) in DEFAULT_PARTICLES for w in words) or given_key(words[-2]) in gazetteer.given_names:
        return None
    return " ".join(words[:-1]) if len(words[-2]) > 2 else None


def _middle_initials_clash(name: str, standard: str) -> bool:
    """Both names write initials after the first given name, and not the same ones: "George H.W. Bush" is
    not George W. Bush, though both fit the shorter form "George Bush" of the data."""
    def initials(text: str) -> tuple[str, ...]:
        given = split_name(text).given
        return tuple(fold(part) for g in given[1:] for part in g.replace(".", " ").split() if len(part) == 1)
    try:
        mine, theirs = initials(name), initials(standard)
    except ValueError:
        return False
    return bool(mine) and bool(theirs) and mine != theirs
