"""Cross-article resolution: one node per real person, office term, call, missile system and treaty.

* People: every article's persons are clustered by transliteration-aware name
  matching (:class:`kg.extract.names.NameClusters`); a lone surname joins a
  person only when exactly one fits, and a lone word that is a known given name
  ("le prince Mohammed") joins no one (:func:`_lone_given_name`).  A name that
  ends in a second surname is compared without it when the corpus holds that
  shorter form ("Iván Velásquez Gómez" and "Iván Velásquez":
  :func:`kg.extract.gazetteer.with_second_surnames`).  Each person's key (:func:`identity_key`,
  the base of their IRI) comes from their own name forms only (and, for a
  known person, the gazetteer's standard name), so other articles never
  change it.
* Terms: the claims of one person in one office are merged; "X replaced Y"
  bounds Y's end by X's start.
* Calls: a participant named only by a post ("les chefs d'état-major russe et
  américain") becomes the unique known holder of that post on the call's date;
  then reports with the same participants and compatible dates are one call,
  the most precise date wins, and every reporting article is kept.  The
  initiator is the one most reports name (a report silent on it does not
  count; a tie leaves it unknown).
"""

from __future__ import annotations

import gc
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date as _date  # for the field type where "date" is a field name
from functools import lru_cache

from kg.extract.gazetteer import Gazetteer, _without_second_surname, load_gazetteer, with_second_surnames
from kg.extract.model import ArticleFacts, CallFact, DateValue, Evidence, Holding, Party
from kg.extract.names import (
    NameClusters,
    _surname_key,
    clean_name,
    fold,
    given_key,
    person_key,
    split_name,
    translit_key,
)


@dataclass
class Person:
    key: str
    name: str
    aliases: list[str]
    evidence: list[Evidence]


@dataclass
class Term:
    person: str
    office: str
    evidence: list[Evidence]
    start: DateValue | None = None
    end: DateValue | None = None
    held_on: list[DateValue] = field(default_factory=list)
    replaces: str | None = None  # person key of the predecessor in the same office

    def covers(self, when: DateValue) -> bool:
        starts_ok = self.start is None or self.start.earliest <= when.latest
        return starts_ok and (self.end is None or self.end.latest >= when.earliest)


@dataclass
class Call:
    participants: list[str]
    evidence: list[Evidence]
    date: DateValue | None
    initiators: list[str]
    topics: list[str]
    medium: str
    reports: list[str]  # article ids
    note: str = ""
    reported_by: _date | None = None  # the latest day the call can have happened: its article's publication
    #: how many merged reports name each initiator (see :func:`_agreed_initiator`); a single report's own
    initiator_votes: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if not self.initiator_votes:
            self.initiator_votes = Counter(self.initiators)


@dataclass
class Resolved:
    articles: list[ArticleFacts]
    persons: dict[str, Person]
    terms: list[Term]
    calls: list[Call]
    unresolved_calls: int
    local: dict[tuple[str, str], str]  # (article id, local person key) -> global person key

    def missiles(self) -> dict[str, list[tuple[str, Evidence]]]:
        return _gather((m.system, m.surface, m.evidence) for a in self.articles for m in a.missiles)

    def treaties(self) -> dict[str, list[tuple[str, Evidence]]]:
        return _gather((t.treaty, t.surface, t.evidence) for a in self.articles for t in a.treaties)


def _gather(items: Iterable[tuple[str, str, tuple[Evidence, ...]]]) -> dict[str, list[tuple[str, Evidence]]]:
    out: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
    for key, surface, evidence in items:
        out[key] += [(surface, e) for e in evidence]
    return dict(out)


def resolve(articles: list[ArticleFacts], pinned: Mapping[str, str] | None = None) -> Resolved:
    """The articles' facts resolved together.  ``pinned`` (name -> person key) gives the key of names whose
    people an incremental commit does not rewrite (:mod:`kg.merge`): they are not clustered again, and the
    people they make are partial (only the articles at hand); the others cluster as in a full resolution,
    which is the same since no pinned name shares a name key with them (:func:`name_keys`)."""
    with frozen_heap():
        persons, local = _people(articles, pinned or {})
        terms = _terms(articles, local)
        calls, unresolved = _calls(articles, local, terms)
    return Resolved(articles, persons, terms, calls, unresolved, local)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the objects that exist on entry (the facts of every article, millions of them in a big
    build) out of the garbage collector's full passes while the block runs: they outlive it, and
    scanning them again at each pass made resolution's cost per article grow with the corpus
    (73 against 54 µs per article at 1M synthetic articles).  New objects are collected as usual."""
    if gc.get_freeze_count():  # already inside a frozen block: leave the outer one in charge
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# ------------------------------------------------------------------ what resolution compares


def name_keys(name: str) -> frozenset[str]:
    """Keys under which resolution can compare this person name with another (``n:``), for an incremental
    commit to find the articles whose people can interact with it (:mod:`kg.merge`).  Two names that
    :func:`_people` may put in one person, or whose clusters it may compare, share one: the surname bucket
    of :class:`NameClusters` under either canonical form (the gazetteer's standard form, or that form
    without a second surname, :func:`with_second_surnames`), the surname of :func:`identity_key` (the
    written one and a known person's standard one: clusters with colliding keys are told apart
    together), and a known person's entry (``present`` of :func:`_lone_given_name`)."""
    return _name_keys(name) | _name_keys(clean_name(name))


@lru_cache(maxsize=65536)
def _name_keys(name: str) -> frozenset[str]:
    known = load_gazetteer()
    standard = known.canonical(name)
    forms = [standard, _without_second_surname(standard, known) or standard]
    keys = {_surname_key(f) for f in forms} | {person_key(f).partition("|")[0] for f in forms}
    keys.add(_name_key_parts(name)[0])
    entry = known.identify(name)
    if entry is not None:
        keys |= {"=" + entry.name, _name_key_parts(entry.name)[0]}
    return frozenset("n:" + k for k in keys)


def office_keys(office: str) -> tuple[str, ...]:
    """Keys of an office's terms (``o:``): its id, and its post type for claims made without a country
    (``?.type``), which :func:`_place_unknown_countries` may place in it."""
    post_type = office.partition(".")[2]
    return ("o:?" + post_type,) if office.startswith("?.") else ("o:" + office, "o:?" + post_type)


def person_keys(r: Resolved) -> dict[str, str]:
    """Each name of the resolved articles' people -> its person key (a function of the name: see
    :func:`_people`), which the resolution index keeps to pin unchanged people (:mod:`kg.merge`)."""
    return {p.name: r.local[(a.article.id, p.key)] for a in r.articles for p in a.persons}


def article_keys(a: ArticleFacts) -> set[str]:
    """Everything in one article's facts that resolution compares across articles: its people's names
    (:func:`name_keys`), the offices they hold (:func:`office_keys`), the offices its call parties are
    named by (``p:``: resolved to the holder on the day; ``p?:`` their post type, which claims of a post
    without a country may fill) and its missile systems and treaties (``m:``, ``t:``: gathered across
    articles)."""
    keys = {k for p in a.persons for k in name_keys(p.name)}
    keys.update(k for h in a.holdings for k in office_keys(h.office))
    for office in {x.office for c in a.calls for x in (*c.participants, c.initiator) if x and x.office}:
        keys |= {"p:" + office, "p?:" + office.partition(".")[2]}
    keys.update("m:" + m.system for m in a.missiles)
    keys.update("t:" + t.treaty for t in a.treaties)
    keys.update("t:" + e.treaty for e in a.treaty_events)
    return keys


# ------------------------------------------------------------------ people


def _people(articles: list[ArticleFacts], pinned: Mapping[str, str]) -> tuple[dict[str, Person],
                                                                              dict[tuple[str, str], str]]:
    # known people's spellings are compared under the gazetteer's standard form (Shmygal = Shmyhal)
    # each distinct name is weighed once, however many articles write it: the work follows the
    # people of the corpus, not its articles
    counts = Counter(p.name for a in articles for p in a.persons if p.name not in pinned)
    known = load_gazetteer()
    present = {id(entry) for name in counts if len(name.split()) > 1 and (entry := known.identify(name))}
    clusters = NameClusters(canonical=with_second_surnames(counts, known),
                            apart=lambda name: _lone_given_name(name, known, present))
    clusters.add_counts(counts)
    keys = _identity_keys(clusters.clusters(), counts)
    key_of = {name: keys[clusters.cluster_of(name)] for name in counts}
    persons: dict[str, Person] = {}
    local: dict[tuple[str, str], str] = {}
    for a in articles:
        for p in a.persons:
            key = key_of[p.name] if p.name in key_of else pinned[p.name]
            person = persons.get(key) or persons.setdefault(key, Person(
                key, clusters.best_name(clusters.cluster_of(p.name)) if p.name in key_of else p.name, [], []))
            person.aliases += [m for m in p.mentions if m not in person.aliases]
            person.evidence += p.evidence
            local[(a.article.id, p.key)] = key
    return persons, local


def _lone_given_name(name: str, known: Gazetteer, present: set[int]) -> bool:
    """Whether an article's whole name for a person is one word that is a known given name, and not the
    name of a known person another article names in full (``present``: ids of those people; "Petro" with
    "Gustavo Petro"): "le cheikh Ibrahim" is not another article's "Yassin Ibrahim", nor "le prince
    Mohammed" its "Aisha Mohammed", since Arabic, Ethiopian and Somali names end with the father's given
    name.  Such a name joins no one across articles; in its own article it joins as before."""
    if len(name.split()) != 1 or given_key(name) not in known.given_names:
        return False
    person = known.identify(name)
    return person is None or id(person) not in present


def identity_key(names: dict[str, int], *, gazetteer: Gazetteer | None = None) -> str:
    """The key of one person, from their own name forms and how many articles use each.

    ``surname key|first given name key`` ("shoigu|sergei").  The surname key
    is that of the gazetteer's standard name when the forms identify one known
    person (:func:`_known_surname`), so Shmygal and Shmyhal give "shmihal"
    whichever spellings the corpus brings; otherwise the one most articles
    use.  The first given name is the one most articles use, its spellings
    pooled by transliteration key (Sergueï and Sergei count together).  So a
    new spelling of a known person, or a fuller form ("Charles Q. Brown Jr"
    beside "Charles Brown"), leaves the key alone unless it outnumbers the
    usual one; ties go to the form with more diacritics (the French press
    form, which is what the corpus mostly prints), then to the smaller key.
    Only the first given name counts, since middle initials and suffixes come
    and go between articles.  Without a full first given name the initial
    stands in ("brovn|c"); without any given name the key is "surname|".
    East Asian names keep their whole given name ("kim|jongun"), as in
    :func:`person_key`, so that Kim Jong-un and Kim Jong-il stay apart.
    """
    parts = {name: _name_key_parts(name) for name in sorted(names)}
    surname = _known_surname(names, gazetteer or load_gazetteer()) or _most_used(
        (p[0], names[n], p[3]) for n, p in parts.items())
    firsts = [(p[1], names[n], p[3]) for n, p in parts.items() if p[1]]
    if firsts:
        return f"{surname}|{_most_used(firsts)}"
    initials = [p[2] for p in parts.values() if p[2]]  # of the first form, in sorted order, that has one
    return f"{surname}|{initials[0] if initials else ''}"


def _known_surname(names: Iterable[str], gazetteer: Gazetteer) -> str | None:
    """The surname key of the gazetteer's standard name of the one known person the forms identify;
    None when they identify nobody, or several people."""
    known = {k for name in names if (k := gazetteer.identify(name)) is not None}
    if len(known) != 1:
        return None
    return _name_key_parts(known.pop().name)[0]


def _most_used(votes: Iterable[tuple[str, int, int]]) -> str:
    """The key most used among (key, count, diacritics) votes; ties go to more diacritics (the French
    press form), then to the smaller key, so that the order of the votes never matters."""
    counts: Counter[str] = Counter()
    marks: Counter[str] = Counter()
    for key, count, accents in votes:
        counts[key] += count
        marks[key] += count * accents
    return min(counts, key=lambda k: (-counts[k], -marks[k], k), default="")


@lru_cache(maxsize=65536)
def _name_key_parts(name: str) -> tuple[str, str, str, int]:
    """Surname key, first given name key (when written in full; the whole given name of an East Asian
    name), initial, and the number of diacritics of one name form (cached: every build re-resolves)."""
    surname, _, initial = person_key(name).partition("|")
    if len(initial) > 1:  # East Asian: person_key keeps the whole given name
        return surname, initial, initial, 0
    given = [g for part in split_name(name).given for g in part.split("-") if g]
    first = given[0] if given else ""
    full = translit_key(first) if len(re.sub(r"[\W\d_]", "", first)) > 1 else ""
    marks = sum(1 for c in unicodedata.normalize("NFD", name) if unicodedata.combining(c))
    return surname, full, initial, marks


def _identity_keys(clusters: list[list[str]], counts: Counter[str]) -> list[str]:
    """The identity key of each cluster; clusters whose keys collide (two different people with one
    surname and one first name, like two Bushes) add their full given names, then a digest of their
    name forms.  Only colliding clusters change, and only by what tells them apart."""
    keys = [identity_key({n: counts[n] for n in c}) for c in clusters]
    for step in (_full_given, _forms_digest):
        seen = Counter(keys)
        keys = [k if seen[k] == 1 else f"{k}|{step(c)}" for k, c in zip(keys, clusters, strict=True)]
    return keys


def _full_given(cluster: list[str]) -> str:
    """Every given name and the suffix of the cluster's most complete form, as keys."""
    def parts(name: str) -> tuple[int, str]:
        n = split_name(name)
        words = [translit_key(g) or g.lower() for g in n.given] + ([fold(n.suffix)] if n.suffix else [])
        return len(words), " ".join(words)
    return max(parts(n) for n in cluster)[1]


def _forms_digest(cluster: list[str]) -> str:
    return hashlib.sha256("\x1f".join(sorted(cluster)).encode("utf-8")).hexdigest()[:8]


# ------------------------------------------------------------------ terms


def _terms(articles: list[ArticleFacts], local: dict[tuple[str, str], str]) -> list[Term]:
    merged: dict[tuple[str, str], Term] = {}
    for a in articles:
        for h in a.holdings:
            person = local.get((a.article.id, h.person))
            if person:
                _add_claim(merged, person, h, local.get((a.article.id, h.replaces or "")))
    for term in merged.values():  # each piece of evidence once, in the order first seen
        term.evidence = list(dict.fromkeys(term.evidence))
    merged = _place_unknown_countries(merged)
    for term in merged.values():
        _bound_predecessor(term, merged)
        _unbound_if_held_later(term)
    return list(merged.values())


def _unbound_if_held_later(term: Term) -> None:
    """A bound with no date of its own ("l'ancien ministre", over by an article's day) gives way to a later
    day another article says the person held the post on: the person held it again, or the bound was
    too strict; an end the text dates stays."""
    if term.end is not None and term.end.value is None and any(d.latest > term.end.latest for d in term.held_on):
        term.end = None


def _place_unknown_countries(merged: dict[tuple[str, str], Term]) -> dict[tuple[str, str], Term]:
    """A post named without its country ("?.head_of_state") takes the one country of the person's
    other posts, across all articles; with none or several, the claim is dropped."""
    from kg.extract.lexicon import load_lexicon

    out = {k: t for k, t in merged.items() if not t.office.startswith("?.")}
    for (person, office), term in merged.items():
        if not office.startswith("?."):
            continue
        countries = {o.split(".")[0] for (p, o) in out if p == person}
        if len(countries) == 1:
            real = load_lexicon().office_for(office[2:], countries.pop()).id
            target = out.setdefault((person, real), Term(person, real, []))
            target.evidence += [e for e in term.evidence if e not in target.evidence]
            target.held_on += term.held_on
            target.start, target.end = target.start or term.start, target.end or term.end
    return out


def _add_claim(merged: dict[tuple[str, str], Term], person: str, h: Holding, replaces: str | None) -> None:
    term = merged.setdefault((person, h.office), Term(person, h.office, []))
    term.evidence += h.evidence  # made distinct once all claims are in (_terms)
    if h.start and (term.start is None or h.start.earliest < term.start.earliest):
        term.start = h.start
    if h.end and (term.end is None or (h.end.value is not None, h.end.latest) > (term.end.value is not None,
                                                                                   term.end.latest)):
        term.end = h.end  # a dated end beats a bound with no date ("l'ancien …"), then the later one
    if h.attested:
        term.held_on.append(h.attested)
    term.replaces = term.replaces or replaces


def _bound_predecessor(term: Term, merged: dict[tuple[str, str], Term]) -> None:
    """A predecessor's term ended no later than the successor's started."""
    previous = merged.get((term.replaces or "", term.office))
    if previous and previous.end is None and term.start:
        previous.end = DateValue.no_later_than(term.start.latest)


# ------------------------------------------------------------------ calls


def _calls(articles: list[ArticleFacts], local: dict[tuple[str, str], str],
           terms: list[Term]) -> tuple[list[Call], int]:
    reports, unresolved = [], 0
    for a in articles:
        for c in a.calls:
            report = _report(a, c, local, terms)
            if report:
                reports.append(report)
            else:
                unresolved += 1
    return _merge_reports(reports), unresolved


def _report(a: ArticleFacts, c: CallFact, local: dict, terms: list[Term]) -> Call | None:
    when = c.date or (DateValue.of_day(a.article.published) if a.article.published else None)
    people = [p for p in (_party(a.article.id, x, local, terms, when) for x in c.participants) if p]
    people = list(dict.fromkeys(people))
    if len(people) < 2:
        return None
    init = _party(a.article.id, c.initiator, local, terms, when) if c.initiator else None
    initiators = [init] if init in people else []
    return Call(people, list(c.evidence), c.date, initiators, list(c.topics), c.medium,
                [a.article.id], reported_by=a.article.published)


def _party(article: str, party: Party, local: dict, terms: list[Term], when: DateValue | None) -> str | None:
    if party.person:
        return local.get((article, party.person))
    if party.office:
        candidates = [t for t in terms if t.office == party.office and (when is None or t.covers(when))]
        holders = {t.person for t in candidates}
        if len(holders) == 1:
            return holders.pop()
        return _nearest_holder(candidates, when) if when else None
    return None


def _nearest_holder(terms: list[Term], when: DateValue) -> str | None:
    """Among several possible holders, the one attested within a year of the date, when every
    other is attested only years away (a 2010 mention of one president, a 2022 one of another)."""
    def distance(t: Term) -> int:
        days = [d for x in [*t.held_on, t.start, t.end] if x for d in (x.earliest, x.latest)]
        return min((abs((d - when.earliest).days) for d in days), default=10**6)

    ranked = sorted((distance(t), t.person) for t in terms)
    if len(ranked) > 1 and ranked[0][0] <= 366 and ranked[1][0] >= 3 * 366 and ranked[0][1] != ranked[1][1]:
        return ranked[0][1]
    return None


#: Two day-dated reports from different articles one day apart are one call: a dispatch dated in
#: Moscow and one in Washington, or "hier" counted from a publication day past midnight.
DAY_TOLERANCE = 1
#: An undated report is about the latest of several earlier calls when that one happened at most this
#: many days before the article and every other one longer ago (news reports the newest call).
RECENT_DAYS = 7


def _merge_reports(reports: list[Call]) -> list[Call]:
    groups: dict[frozenset[str], list[Call]] = defaultdict(list)
    for r in reports:
        groups[frozenset(r.participants)].append(r)
    out = []
    for group in groups.values():
        dated = sorted((r for r in group if r.date), key=lambda r: r.date.width)  # type: ignore[union-attr]
        merged: list[Call] = []
        for r in dated:
            target = next((m for m in merged if m.date.overlaps(r.date)), None)  # type: ignore[union-attr,arg-type]
            target = target or _next_day(merged, r)
            _absorb(target, r) if target else merged.append(r)
        for r in (r for r in group if not r.date):
            # a call its own article tells apart from this one ("Le chef du Kremlin s'était déjà entretenu
            # avec Y le 18 mars" beside an undated new call) is another call
            fits = [m for m in merged if not set(m.reports) & set(r.reports)
                    and (m.date is None or r.reported_by is None or m.date.earliest <= r.reported_by)]
            if len(fits) > 1:
                fits = _most_recent(fits, r.reported_by)
            if len(fits) == 1:  # the one call that can precede the article reporting it
                _absorb(fits[0], r)
            else:
                merged.append(r)
        out += merged
    return out


def _next_day(merged: list[Call], r: Call) -> Call | None:
    """The one merged call dated to the day next to ``r``'s day, reported by other articles only."""
    if r.date is None or r.date.precision != "day":
        return None
    near = [m for m in merged if m.date and m.date.precision == "day" and not set(m.reports) & set(r.reports)
            and abs((m.date.earliest - r.date.earliest).days) <= DAY_TOLERANCE]
    return near[0] if len(near) == 1 else None


def _most_recent(fits: list[Call], reported_by: _date | None) -> list[Call]:
    """Of several calls that precede an undated report, the latest when it is recent and alone in
    being so; all of them (ambiguous) otherwise."""
    if reported_by is None or any(m.date is None for m in fits):
        return fits
    recent = [m for m in fits if (reported_by - m.date.latest).days <= RECENT_DAYS]  # type: ignore[union-attr]
    return recent if len(recent) == 1 else fits


def _absorb(into: Call, other: Call) -> None:
    into.evidence += other.evidence
    into.initiator_votes.update(other.initiator_votes)
    into.initiators = _agreed_initiator(into.initiator_votes)
    into.topics += [t for t in other.topics if t not in into.topics]
    into.reports += [r for r in other.reports if r not in into.reports]
    if other.date and (into.date is None or other.date.width < into.date.width or (
            other.date.width == into.date.width and _calendar_day(other.date) and not _calendar_day(into.date))):
        into.date = other.date
    when = into.date.value or f"{into.date.earliest}..{into.date.latest}" if into.date else "no date"
    into.note = (f"{len(into.reports)} reports merged ({', '.join(into.reports)}): same participants, "
                 f"compatible dates; date kept: {when}")


def _calendar_day(date: DateValue) -> bool:
    """The date was written with its day's number ("le 24 novembre", "Le 25,"), not found by counting
    from a weekday, a report's day or another event ("mardi", "hier", "au lendemain de …"): of two
    reports one day apart, the one that wrote the day out is the one to keep."""
    return any(c.isdigit() for c in date.text or "")


def _agreed_initiator(votes: Counter[str]) -> list[str]:
    """The initiator most of the merged reports name: a report silent on it casts no vote, and two
    initiators named equally often leave it unknown, since a call is placed by one side and one of
    the reports must have misread it (a wrong initiator is worse than none)."""
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return []
    return [ranked[0][0]]
