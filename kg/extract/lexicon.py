"""Loads the lexicon data files (``kg/lexicons/*.json``) into one read-only object.

The files are documented in ``kg/lexicons/README.md``.  Surface forms are kept
as written; the matcher folds case, accents and apostrophes itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import Any

from kg.extract.names import fold
from kg.resources import lexicon_path


@dataclass(frozen=True)
class Actor:
    id: str
    kind: str  # "country" | "organisation"
    label_en: str
    label_fr: str
    wikidata: str | None = None


@dataclass(frozen=True)
class PostType:
    id: str
    label_en: str
    label_fr: str
    single_holder: bool
    gloss_en: str = ""  # the common English name of the post, when the label does not say it


@dataclass(frozen=True)
class Office:
    id: str
    type: str
    country: str
    label_en: str
    label_fr: str
    gloss_en: str = ""  # what kind of post an official name stands for ("foreign minister")
    generic_for: tuple[str, ...] = ()  # generic post types that name this office in its country (Iran's president)

    @property
    def counterpart_type(self) -> str:
        """The post type a counterpart of its holder holds: the generic type its wording names when it has
        one (the counterpart of Iran's president is a president, not a head of government), else its own."""
        return self.generic_for[0] if self.generic_for else self.type

    @property
    def display_en(self) -> str:
        """The English label with its gloss: "Minister of External Affairs (foreign minister)"."""
        return f"{self.label_en} ({self.gloss_en})" if self.gloss_en else self.label_en


@dataclass(frozen=True)
class Missile:
    id: str
    label_en: str
    label_fr: str
    country: str | None
    categories: tuple[str, ...]


@dataclass(frozen=True)
class TreatyEvent:
    kind: str
    date: date
    party: str | None = None


@dataclass(frozen=True)
class Treaty:
    id: str
    label_en: str
    label_fr: str
    category: str | None
    parties: tuple[str, ...]
    events: tuple[TreatyEvent, ...]
    ambiguous: tuple[str, ...] = ()  # forms that count only near a treaty word, or that another treaty shares

    def in_force_on(self, day: date) -> bool:
        """Whether the treaty had entered into force and not yet ended on ``day``."""
        start = min((e.date for e in self.events if e.kind == "entry_into_force"), default=None)
        ends = [e.date for e in self.events if e.kind == "expiry" or (e.kind == "withdrawal" and self.bilateral)]
        return start is not None and start <= day and all(day < end for end in ends)

    @property
    def bilateral(self) -> bool:
        return len(self.parties) == 2

    def last_day(self) -> date | None:
        ends = [e.date for e in self.events if e.kind == "expiry" or (e.kind == "withdrawal" and self.bilateral)]
        return min(ends, default=None)


@dataclass(frozen=True)
class Phrase:
    """One surface form to match, with what it means."""

    text: str
    label: str  # COUNTRY, METONYM, DEMONYM, COMBINING, PLACE, POST, OFFICE, MISSILE, CATEGORY, TREATY, TREATY_DESC, ...
    id: str  # the lexicon id it stands for
    ambiguous: bool = False


#: The prefix of a missile system the text names by a designation the lexicon lacks.
DESIGNATION = "designation"


@dataclass(frozen=True)
class Lexicon:
    actors: dict[str, Actor]
    post_types: dict[str, PostType]
    offices: dict[str, Office]
    missiles: dict[str, Missile]
    missile_categories: dict[str, tuple[str, str]]  # id -> (label_en, label_fr)
    treaties: dict[str, Treaty]
    phrases: tuple[Phrase, ...]
    titles: dict[str, tuple[str, ...]]
    calls: dict[str, Any] = field(default_factory=dict)
    cues: dict[str, Any] = field(default_factory=dict)  # lexicon file -> its "cues" object

    @cached_property
    def shared_wordings(self) -> dict[str, tuple[str, ...]]:
        """Weak office wordings (casefolded) that several offices share, with those offices."""
        owners: dict[str, list[str]] = {}
        for p in self.phrases:
            if p.label == "OFFICE_WEAK" and p.ambiguous:
                owners.setdefault(p.text.casefold(), []).append(p.id)
        return {k: tuple(dict.fromkeys(v)) for k, v in owners.items()}

    @cached_property
    def generic_offices(self) -> dict[tuple[str, str], Office]:
        """(generic post type, country) -> the office that generic wording names there: in Iran a
        "président", a "President" or a president's counterpart is the president, not the head of state
        (the Supreme Leader)."""
        return {(t, o.country): o for o in self.offices.values() for t in o.generic_for}

    def office_for(self, post_type: str, country: str) -> Office:
        """The office of that type in that country: the lexicon's own (or the one that type's generic
        wording names there, :attr:`generic_offices`), or one composed from the type."""
        named = self.generic_offices.get((post_type, country))
        if named:
            return named
        exact = self.offices.get(f"{country}.{post_type}")
        if exact:
            return exact
        pt, actor = self.post_types[post_type], self.actors.get(country)
        where_en = actor.label_en if actor else country
        where_fr = actor.label_fr if actor else country
        return Office(f"{country}.{post_type}", post_type, country,
                      f"{pt.label_en} ({where_en})", f"{pt.label_fr} ({where_fr})", pt.gloss_en)

    def missile(self, system: str) -> Missile | None:
        """A lexicon system, or one the text names by a designation the lexicon lacks
        (``designation:Hwasong-21``, see :func:`kg.extract.weapons.designations`), labelled as written."""
        if system in self.missiles:
            return self.missiles[system]
        prefix, _, name = system.partition(":")
        return Missile(system, name, name, None, ()) if prefix == DESIGNATION and name else None

    def office(self, office_id: str) -> Office:
        if office_id in self.offices:
            return self.offices[office_id]
        country, _, post_type = office_id.partition(".")
        return self.office_for(post_type, country)


def load_file(name: str) -> Any:
    """One lexicon file (``kg/lexicons/<name>.json``) as parsed JSON."""
    with lexicon_path(name).open(encoding="utf-8") as f:
        return json.load(f)


def strings(value: Any, keys: bool = False) -> Iterator[str]:
    """Every string of a parsed lexicon file, depth first; with ``keys``, the keys of its objects too."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v, keys)
    elif isinstance(value, dict):
        for k, v in value.items():
            if keys:
                yield k
            yield from strings(v, keys)


def _actors(data: dict) -> tuple[dict[str, Actor], list[Phrase]]:
    actors, phrases = {}, []
    for e in data["entries"]:
        actors[e["id"]] = Actor(e["id"], e.get("kind", "country"), e["label_en"], e["label_fr"], e.get("wikidata"))
        for key, label in (("names_fr", "COUNTRY"), ("names_en", "COUNTRY"), ("metonyms_fr", "METONYM"),
                           ("demonyms_fr", "DEMONYM"), ("demonyms_en", "DEMONYM"),
                           ("combining_fr", "COMBINING")):
            phrases += [Phrase(t, label, e["id"]) for t in e.get(key, [])]
        phrases.append(Phrase(e["label_fr"], "COUNTRY", e["id"]))
    return actors, phrases


def _offices(data: dict) -> tuple[dict[str, PostType], dict[str, Office], list[Phrase]]:
    types, offices, phrases = {}, {}, []
    for t in data["post_types"]:
        types[t["id"]] = PostType(t["id"], t["label_en"], t["label_fr"], bool(t.get("single_holder", True)),
                                 t.get("gloss_en", ""))
        phrases += [Phrase(p, "POST", t["id"]) for p in t.get("patterns_fr", []) + t.get("patterns_en", [])]
    heads = data.get("command_heads", {}).get("fr", [])
    for o in data["offices"]:
        offices[o["id"]] = Office(o["id"], o["type"], o["country"], o["label_en"], o["label_fr"], o.get("gloss_en", ""),
                                  tuple(o.get("generic_for", ())))
        implying = set(o.get("implying_patterns") or (
            o.get("patterns_fr", []) + o.get("patterns_en", []) if o.get("implies_country") else []))
        french = o.get("patterns_fr", [])
        if o["type"] == "military_commander":
            french, implying = _with_heads(french, heads), set(_with_heads(sorted(implying), heads))
        phrases += [Phrase(p, "OFFICE" if p in implying else "OFFICE_WEAK", o["id"])
                    for p in [*french, *o.get("patterns_en", [])]]
    return types, offices, _mark_shared_wordings(phrases)


def _with_heads(patterns: list[str], heads: list[str]) -> list[str]:
    """The wordings and their twins with the other head nouns of a command ("commandant du Centcom",
    "chef du Centcom"), each once; an English wording (no French head noun) stays alone."""
    out = list(patterns)
    for p in patterns:
        head, _, rest = p.partition(" ")
        if head in heads and rest:
            out += [f"{h} {rest}" for h in heads]
    return list(dict.fromkeys(out))


def _mark_shared_wordings(phrases: list[Phrase]) -> list[Phrase]:
    """A weak office wording that several offices share ("ambassadeur auprès de l'ONU") is ambiguous:
    it never stands for one country by default."""
    owners: dict[str, set[str]] = {}
    for p in phrases:
        if p.label == "OFFICE_WEAK":
            owners.setdefault(p.text.casefold(), set()).add(p.id)
    return [Phrase(p.text, p.label, p.id, len(owners.get(p.text.casefold(), ())) > 1)
            if p.label == "OFFICE_WEAK" else p for p in phrases]


def _missiles(data: dict) -> tuple[dict[str, Missile], dict[str, tuple[str, str]], list[Phrase]]:
    missiles, phrases = {}, []
    cats = {c["id"]: (c["label_en"], c["label_fr"]) for c in data.get("categories", [])}
    for c in data.get("categories", []):
        phrases += [Phrase(p, "CATEGORY", c["id"]) for p in c.get("patterns_fr", [])]
    for e in data["entries"]:
        missiles[e["id"]] = Missile(e["id"], e["label_en"], e.get("label_fr") or e["label_en"], e.get("country"),
                                    tuple(e.get("categories", [])))
        risky = set(e.get("ambiguous_aliases", []))
        forms = {e["label_en"], e.get("label_fr") or e["label_en"], *e.get("aliases", []), *e.get("designations", [])}
        phrases += [Phrase(f, "MISSILE", e["id"], f in risky) for f in sorted(forms)]
    return missiles, cats, phrases


def _first_day(value: str) -> date:
    """The first day of an ISO date at any precision ("2011", "2011-02", "2011-02-05")."""
    parts = [int(x) for x in value.split("-")]
    return date(parts[0], *(parts[1:] + [1, 1])[:2])


def _treaties(data: dict) -> tuple[dict[str, Treaty], list[Phrase]]:
    treaties, phrases = {}, []
    for c in data.get("categories", []):
        descriptors = (*c.get("descriptors_fr", []), *c.get("descriptors_en", []))
        phrases += [Phrase(p, "TREATY_DESC", c["id"]) for p in descriptors]
    for e in data["entries"]:
        events = tuple(TreatyEvent(v["kind"], _first_day(v["date"]), v.get("party"))
                       for v in e.get("events", []) if v.get("date"))
        treaties[e["id"]] = Treaty(e["id"], e["label_en"], e.get("label_fr") or e["label_en"], e.get("category"),
                                   tuple(e.get("parties", [])), events, tuple(e.get("ambiguous_aliases", [])))
        forms = {e["label_en"], e.get("label_fr") or e["label_en"], *e.get("acronyms", []),
                 *e.get("aliases_fr", []), *e.get("aliases_en", [])}
        phrases += [Phrase(f, "TREATY", e["id"]) for f in sorted(forms)]
    return treaties, phrases


@cache
def load_lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    actors, phrases = _actors(load_file("countries"))
    phrases += [Phrase(p["name_fr"], "PLACE", p.get("country") or "")
                for p in load_file("places")["entries"]]
    phrases += [Phrase(a, "PLACE", p.get("country") or "")
                for p in load_file("places")["entries"] for a in p.get("aliases", [])]
    post_types, offices, more = _offices(load_file("offices"))
    missile_data, treaty_data = load_file("missiles"), load_file("treaties")
    missiles, cats, mphr = _missiles(missile_data)
    treaties, tphr = _treaties(treaty_data)
    titles = {k: tuple(v) for k, v in load_file("titles").items() if isinstance(v, list)}
    phrases += [Phrase(t, "TITLE", kind) for kind in ("ranks_fr", "ranks_en", "civil_fr", "civil_en", "honorifics_en")
                for t in titles.get(kind, ())]
    return Lexicon(actors, post_types, offices, missiles, cats, treaties,
                   tuple(phrases + more + mphr + tphr), titles, load_file("calls"),
                   {"missiles": missile_data.get("cues", {}), "treaties": treaty_data.get("cues", {})})


@cache
def title_cues(name: str) -> frozenset[str]:
    """One cue word list of ``titles.json`` ("post_glue_fr", "term_start_fr", "government_nouns_fr"...),
    folded as tokens are compared."""
    return frozenset(fold(w) for w in load_lexicon().titles.get(name, ()))
