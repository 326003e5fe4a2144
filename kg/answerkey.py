"""Answer keys for ``kg eval``: reading and checking the file, and matching output names to its people.

An answer key is a JSON object.  Each key that names an article (a file name) holds the facts a
perfect extractor finds in it: ``persons``, ``holdings``, ``calls``, ``missiles`` and ``treaties``.
Keys starting with ``_`` are comments; ``merged`` holds the distinct calls of the whole corpus and
who chaired the Joint Chiefs at each.  The format is the seeds' (see the README, "Scoring kg").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.errors import InputError

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class Person:
    name: str
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Holding:
    person: str
    office: str
    optional: bool = False


@dataclass(frozen=True)
class Call:
    participants: frozenset[str]
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    initiator: frozenset[str] | None = None  # one person, or the people of one side
    optional: bool = False


@dataclass(frozen=True)
class Named:
    """A missile system or a treaty: its name and the forms the article writes."""

    name: str
    mentions: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class Article:
    id: str
    persons: tuple[Person, ...] = ()
    holdings: tuple[Holding, ...] = ()
    calls: tuple[Call, ...] = ()
    missiles: tuple[Named, ...] = ()
    treaties: tuple[Named, ...] = ()


@dataclass(frozen=True)
class Merged:
    calls: tuple[Call, ...]
    chairs: tuple[tuple[str, str], ...] = ()  # (call date, chairman of the Joint Chiefs)


@dataclass(frozen=True)
class AnswerKey:
    path: str
    articles: dict[str, Article]  # in the file's order
    merged: Merged | None = None  # None: the key has no "merged" part


def load_answer_key(path: str | Path) -> AnswerKey:
    """Read and check an answer key; a bad one is an :class:`InputError` naming the file and the field."""
    path = str(path)
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
    except OSError as e:
        raise InputError(e.strerror or str(e), path=path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"malformed JSON: {getattr(e, 'msg', e)}", path=path,
                         line=getattr(e, "lineno", None), column=getattr(e, "colno", None)) from None
    return _Reader(path).key(data)


class _Reader:
    """Builds the typed key, naming the field of the first problem (``d01.txt.calls[2].participants``)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> InputError:
        return InputError(f"{where}: {problem}", path=self.path)

    def key(self, data: object) -> AnswerKey:
        if not isinstance(data, dict):
            raise self.fail("top level", "an answer key is a JSON object of articles")
        articles = {k: self.article(k, v) for k, v in data.items() if not k.startswith("_") and k != "merged"}
        merged = data.get("merged")
        return AnswerKey(self.path, articles, self.merged(merged) if merged else None)

    def article(self, name: str, item: object) -> Article:
        if not isinstance(item, dict):
            raise self.fail(name, "an article's facts are a JSON object")
        persons = self.items(item, name, "persons", lambda o, w: Person(self.text(o, w, "name"),
                                                                        self.texts(o, w, "mentions")))
        holdings = self.items(item, name, "holdings", lambda o, w: Holding(
            self.text(o, w, "person"), self.text(o, w, "office"), self.flag(o, w)))
        named = lambda o, w: Named(self.text(o, w, "name"), self.texts(o, w, "mentions"), self.flag(o, w))  # noqa: E731
        return Article(name, persons, holdings, self.items(item, name, "calls", self.call),
                       self.items(item, name, "missiles", named), self.items(item, name, "treaties", named))

    def merged(self, item: object) -> Merged:
        if not isinstance(item, dict):
            raise self.fail("merged", "must be a JSON object")
        chairs = self.items(item, "merged", "chair_at_each_call", self.chair)
        return Merged(self.items(item, "merged", "distinct_calls", self.call), tuple(c for c in chairs if c))

    def items(self, item: dict, where: str, field: str, read) -> tuple:
        value = item.get(field) or []
        if not isinstance(value, list):
            raise self.fail(f"{where}.{field}", "must be a list")
        out = []
        for i, x in enumerate(value):
            here = f"{where}.{field}[{i}]"
            if not isinstance(x, dict):
                raise self.fail(here, "must be a JSON object")
            out.append(read(x, here))
        return tuple(out)

    def call(self, item: dict, where: str) -> Call:
        participants = self.texts(item, where, "participants")
        if len(set(participants)) < 2:
            raise self.fail(f"{where}.participants", "a call needs at least two different people")
        initiator = item.get("initiator") or None
        if isinstance(initiator, str):
            initiator = [initiator]
        if initiator is not None and not (isinstance(initiator, list) and all(isinstance(x, str) for x in initiator)):
            raise self.fail(f"{where}.initiator", "must be a name, a list of names or null")
        return Call(frozenset(participants), self.date(item, where, "date"),
                    frozenset(initiator) if initiator else None, self.flag(item, where))

    def chair(self, item: dict, where: str) -> tuple[str, str] | None:
        chair = item.get("chair")
        if chair is None:
            return None
        date = self.date(item, where, "call_date")
        if not isinstance(chair, str) or not chair.strip() or date is None:
            raise self.fail(where, "a chair entry needs a 'chair' name and a 'call_date'")
        return date, chair

    def text(self, item: dict, where: str, field: str) -> str:
        value = item.get(field)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{field}", "must be a non-empty string")
        return value

    def texts(self, item: dict, where: str, field: str) -> tuple[str, ...]:
        value = item.get(field) or []
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise self.fail(f"{where}.{field}", "must be a list of strings")
        return tuple(value)

    def date(self, item: dict, where: str, field: str) -> str | None:
        value = item.get(field)
        if value in (None, ""):
            return None
        if not isinstance(value, str) or not DATE.fullmatch(value) or not _real_date(value):
            raise self.fail(f"{where}.{field}", f"expected YYYY, YYYY-MM, YYYY-MM-DD or null, got {value!r:.40}")
        return value

    def flag(self, item: dict, where: str) -> bool:
        value = item.get("optional", False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.optional", "must be true or false")
        return value


def _real_date(value: str) -> bool:
    """A calendar date at its precision ("2024-02-30" and "2024-13" are not)."""
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------ names


_MARKS = re.compile(r"[’'`\-.]")
_IGNORED_WORDS = re.compile(r"\b(jr|general|gen|le|la|m|mr)\b")
# French and English transliterations of Russian and Ukrainian names, rewritten in this order.
_TRANSLITERATIONS = (("ou", "u"), ("gue", "ge"), ("ss", "s"), ("ch", "sh"), ("y", "i"), ("ei", "e"))


def plain(text: str) -> str:
    """Lower case without accents, one space between words."""
    text = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'").split())


def fold_name(name: str) -> str:
    """A name's comparison form: no accents, punctuation, titles ("M.", "général") or transliteration
    differences, so that "Sergueï Choïgou" and "Sergei Shoigu" fold alike."""
    text = unicodedata.normalize("NFKD", name or "")
    text = _MARKS.sub(" ", "".join(c for c in text if not unicodedata.combining(c)).lower())
    text = _IGNORED_WORDS.sub(" ", text)
    for written, said in _TRANSLITERATIONS:
        text = text.replace(written, said)
    return " ".join(text.split())


def _written(name: str) -> str:
    """A name as written, less case, accents and punctuation ("Donald Trump Jr" is "Donald Trump Jr.")."""
    return " ".join(_MARKS.sub(" ", plain(name)).split())


class People:
    """The key's people (over all its articles) with every form written for them; ``match`` maps an
    output name to a key name: the same folded form, or else the same surname with the same initial
    (or one of the two a bare surname)."""

    def __init__(self, key: AnswerKey) -> None:
        self.forms: dict[str, set[str]] = {}
        for article in key.articles.values():
            for p in article.persons:
                self.forms.setdefault(p.name, set()).update(fold_name(x) for x in (p.name, *p.mentions))
        self.first: dict[str, str] = {}
        for name, forms in self.forms.items():
            for form in forms:
                self.first.setdefault(form, name)
        #: names and mentions exactly as the key writes them: "Donald Trump Jr." is not "Donald Trump",
        #: though the two fold alike (the fold drops "Jr." so that "Charles Q. Brown Jr." finds "Charles Brown")
        self.exact = {_written(x): p.name for article in key.articles.values() for p in article.persons
                      for x in (p.name, *p.mentions)}
        self.memo: dict[str, str | None] = {}

    def match(self, name: str) -> str | None:
        if name not in self.memo:
            self.memo[name] = self.exact.get(_written(name)) or self._match(fold_name(name))
        return self.memo[name]

    def _match(self, folded: str) -> str | None:
        if not folded:
            return None
        if folded in self.first:
            return self.first[folded]
        words = folded.split()
        alike = [name for name, forms in self.forms.items() if any(_same_surname(f.split(), words) for f in forms)]
        return alike[-1] if alike else None


def _same_surname(a: list[str], b: list[str]) -> bool:
    return bool(a) and a[-1] == b[-1] and (len(a) == 1 or len(b) == 1 or a[0][0] == b[0][0])
