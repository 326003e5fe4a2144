"""The extraction stage's output contract: small frozen dataclasses.

The spaCy stage produces an :class:`ArticleFacts` per article; cross-article
resolution and the RDF mapping consume them.  Nothing here knows spaCy or RDF,
and every class round-trips through plain JSON (``to_json`` / ``from_json``) so
that extracted facts can be cached and re-resolved without re-running NLP.

Identifiers used inside one article (``PersonRef.key``) are local to that
article; global identities are decided later by :mod:`kg.resolve`.  Offices,
countries, missile systems and treaties are referred to by lexicon ids
(``"US.chief_of_defence"``, ``"RU"``, ``"oreshnik"``, ``"new_start"``).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
#: The earliest day of a bound that only has a latest one ("ended no later than …").
UNKNOWN_START = date(1, 1, 1)
TreatyEventKind = Literal["signature", "ratification", "entry_into_force", "suspension", "withdrawal", "expiry"]


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: the article, the sentence, offsets and the rule."""

    article: str  # article id (the file name)
    start: int  # character offsets of the supporting span in the cleaned article text
    end: int
    sentence: str  # text of the sentence that supports the fact
    rule: str  # name of the rule or pattern that produced the fact


@dataclass(frozen=True)
class DateValue:
    """A date at the precision the text gives, with an earliest/latest day pair.

    ``value`` is ISO at its precision ("2024-11-27", "2024-11", "2024"), or None
    when the text only bounds the date ("la semaine dernière"); the bounds are
    always set.
    """

    value: str | None
    precision: Precision | None
    earliest: date
    latest: date
    text: str = ""

    def overlaps(self, other: DateValue) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def within(self, other: DateValue) -> bool:
        return other.earliest <= self.earliest and self.latest <= other.latest

    @property
    def width(self) -> int:
        return (self.latest - self.earliest).days

    @classmethod
    def of_day(cls, day: date, text: str = "") -> DateValue:
        return cls(day.isoformat(), "day", day, day, text)

    @classmethod
    def no_later_than(cls, day: date, text: str = "") -> DateValue:
        """A bound and no date: on or before ``day`` (a term the text says is over by then)."""
        return cls(None, None, UNKNOWN_START, day, text)


@dataclass(frozen=True)
class Article:
    id: str  # stable identifier: the file name
    text: str  # the cleaned text that offsets refer to
    published: date | None = None
    url: str | None = None
    lang: str = "fr"
    title: str | None = None
    sha256: str = ""  # hash of the raw file content


@dataclass(frozen=True)
class PersonRef:
    """One real person as one article refers to them."""

    key: str  # article-local id ("p1")
    name: str  # fullest name form in the article, titles stripped
    mentions: tuple[str, ...]  # every surface form (titles stripped), fullest first
    evidence: tuple[Evidence, ...]
    title: str | None = None  # rank or civil title seen ("général", "amiral", "M.")


@dataclass(frozen=True)
class Holding:
    """A claim that a person holds (or held) an office."""

    person: str  # PersonRef.key
    office: str  # office lexicon id, "US.chief_of_defence"
    evidence: tuple[Evidence, ...]
    start: DateValue | None = None
    end: DateValue | None = None
    attested: DateValue | None = None  # a date at which the text says the person held it
    replaces: str | None = None  # PersonRef.key of the predecessor, when stated


@dataclass(frozen=True)
class Party:
    """A call participant or initiator: a person, or an office whose holder is implied."""

    person: str | None = None  # PersonRef.key
    office: str | None = None  # office id, when only the post is named
    country: str | None = None  # country code, when only the side is named ("la partie russe")


@dataclass(frozen=True)
class CallFact:
    participants: tuple[Party, ...]
    evidence: tuple[Evidence, ...]
    date: DateValue | None = None
    initiator: Party | None = None
    topics: tuple[str, ...] = ()
    medium: Literal["phone", "video", "unknown"] = "phone"


@dataclass(frozen=True)
class MissileMention:
    system: str  # missile lexicon id
    surface: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class LaunchFact:
    system: str | None  # missile lexicon id, None when only described
    evidence: tuple[Evidence, ...]
    date: DateValue | None = None
    by: str | None = None  # launching country code
    target: str | None = None  # target as written


@dataclass(frozen=True)
class TreatyMention:
    treaty: str  # treaty lexicon id
    surface: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class TreatyEventFact:
    treaty: str
    kind: TreatyEventKind
    evidence: tuple[Evidence, ...]
    date: DateValue | None = None
    parties: tuple[str, ...] = ()  # country codes


@dataclass(frozen=True)
class ArticleFacts:
    article: Article
    persons: tuple[PersonRef, ...] = ()
    holdings: tuple[Holding, ...] = ()
    calls: tuple[CallFact, ...] = ()
    missiles: tuple[MissileMention, ...] = ()
    launches: tuple[LaunchFact, ...] = ()
    treaties: tuple[TreatyMention, ...] = ()
    treaty_events: tuple[TreatyEventFact, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def person(self, key: str) -> PersonRef:
        return next(p for p in self.persons if p.key == key)

    def to_json(self) -> dict[str, Any]:
        return encode_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleFacts:
        return _decode(cls, data)


# ----------------------------------------------------------------- JSON codec


def encode_json(value: Any) -> Any:
    """The JSON form of facts (dataclasses as objects, tuples as lists, dates in ISO); also what the
    compact records of :mod:`kg.facts_cache` keep for the undecoded ``extra`` field."""
    if dataclasses.is_dataclass(value):
        return {f.name: encode_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: encode_json(v) for k, v in value.items()}
    return value


def _decode(cls: type, data: Any) -> Any:
    kwargs = {}
    for name, hint in typed_fields(cls):
        if name in data:
            kwargs[name] = _decode_value(hint, data[name])
    return cls(**kwargs)


@functools.cache
def typed_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field of a facts dataclass with its resolved type, worked out once per class: resolving the
    string annotations took most of the time of reading cached facts back (10 ms per article)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _decode_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode_value(args[0], value)
    if origin is tuple:
        (item, *_rest) = typing.get_args(hint)
        return tuple(_decode_value(item, v) for v in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode(hint, value)
    if hint is date:
        return date.fromisoformat(value)
    return value
