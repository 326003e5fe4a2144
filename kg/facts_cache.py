"""The facts cache: each article's extracted facts as JSON, addressed by article and content hash.

``<store>/kg-facts/<digest of the article id>-<sha256 of its bytes>[-<source>].json`` holds
:meth:`ArticleFacts.to_json` plus the identity of the extractor that produced it
(model name and a digest of the extraction code and lexicons, see
:func:`kg.build.extractor_id`), so an upgrade of kg re-extracts what it changed.  The merged layer
is recomputed from these files without running spaCy again.  Files are never
overwritten in place: a changed article gets a new file (its hash changed), so
a crash can never leave the store's articles without the facts they were built
from.  ``source`` is :attr:`kg.corpus.RawArticle.source`, a digest of the manifest
metadata that feeds extraction (publication date, URL, language; absent when there
is none): editing the manifest makes a new version too.  A stored article is found
again by its content hash and the metadata its graph holds (:meth:`FactsCache.find`).
The RDF store stays the single source of truth for *which* version of an
article is current; files that no stored article refers to are removed by
:meth:`FactsCache.keep_only` after a successful build (until then they save the
NLP work of an interrupted build).

Beside these files, the resolution index (:mod:`kg.store.index`) keeps each stored article's facts in a
compact form (:func:`compact` / :func:`from_compact`) that an incremental commit reads instead of the JSON:
decoding JSON through the typed decoder of :mod:`kg.extract.model` was 40 % of such a commit's work.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import marshal
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import InputError, StoreError, reason, short
from kg.extract.model import Article, ArticleFacts, encode_json, typed_fields

FORMAT = "kg-facts/1"
#: The first byte of a compact record (:func:`compact`); another byte is another format, read as absent.
COMPACT_FORMAT = b"\x01"


class FactsCache:
    """A folder of content-addressed ``ArticleFacts`` JSON files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: dict[str, list[str]] | None = None  # id digest -> file names

    def path(self, article_id: str, sha256: str, source: str = "") -> Path:
        """The file of one version of one article."""
        return self.folder / f"{_prefix(article_id, sha256)}{'-' + source if source else ''}.json"

    def get(self, article_id: str, sha256: str, source: str = "", *,
            extractor: str | None = None) -> ArticleFacts | None:
        """The cached facts of this version (by this extractor, when given); None if absent or unreadable."""
        return self._read(self.path(article_id, sha256, source), article_id, extractor)

    def find(self, article_id: str, sha256: str, meta: tuple) -> tuple[str, ArticleFacts] | None:
        """The source key and cached facts of the version of an article whose metadata (see :func:`meta`)
        is ``meta``: the one a stored article graph was built from.  None if there is none."""
        return next(self.versions(article_id, sha256, meta), None)

    def versions(self, article_id: str, sha256: str, meta: tuple) -> Iterator[tuple[str, ArticleFacts]]:
        """Every cached version that fits a stored graph: two manifest entries can give one graph (a date in
        the manifest, or the same date found in the article's dateline), and each is kept."""
        prefix = _prefix(article_id, sha256)
        for name in self._names(article_id):
            rest = name[len(prefix):]
            if not name.startswith(prefix) or rest[:1] not in ("-", "."):
                continue
            facts = self._read(self.folder / name, article_id, None)
            if facts is not None and article_meta(facts.article) == meta:
                yield rest.removesuffix(".json").removeprefix("-"), facts

    def _read(self, path: Path, article_id: str, extractor: str | None) -> ArticleFacts | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("article") != article_id:
            return None
        if extractor is not None and data.get("extractor") != extractor:
            return None
        try:
            return ArticleFacts.from_json(data["facts"])
        except (KeyError, TypeError, ValueError):
            return None

    def _names(self, article_id: str) -> list[str]:
        """The cached files of every version of an article (one listing of the folder per run)."""
        if self._index is None:
            self._index = defaultdict(list)
            for p in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
                self._index[p.name[:16]].append(p.name)
        return self._index.get(_digest(article_id), [])

    def put(self, facts: ArticleFacts, *, extractor: str, source: str = "") -> None:
        """Write one article's facts atomically (temporary file, fsync, rename); a full or read-only disk
        is a store error (exit code 4)."""
        from kg.rdfio import atomic_write

        article = facts.article
        record = {"format": FORMAT, "article": article.id, "sha256": article.sha256, "source": source,
                  "extractor": extractor, "facts": facts.to_json()}
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path = self.path(article.id, article.sha256, source)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write(path, lambda f: f.write(text))
        except InputError as e:
            raise StoreError(f"{short(self.folder)}: cannot cache the facts of {article.id!r}: {e.reason}") from None
        except OSError as e:
            raise StoreError(f"{short(self.folder)}: cannot cache the facts of {article.id!r}: {reason(e)}") from None
        if self._index is not None and path.name not in self._index[path.name[:16]]:
            self._index[path.name[:16]].append(path.name)

    def keep_only(self, versions: Collection[tuple[str, ...]]) -> int:
        """Delete the files of every (article id, sha256[, source]) not in ``versions``; return how many went."""
        wanted = {self.path(*v).name for v in versions}
        gone = 0
        if not self.folder.is_dir():
            return 0
        for f in [*self.folder.glob("*.json"), *self.folder.glob(".*.tmp")]:  # .tmp: left by a killed write
            if f.name not in wanted:
                f.unlink(missing_ok=True)
                gone += 1
        self._index = None
        return gone


def _digest(article_id: str) -> str:
    return hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:16]


def _prefix(article_id: str, sha256: str) -> str:
    return f"{_digest(article_id)}-{sha256}"


def article_meta(article: Article) -> tuple[str | None, str | None, str | None]:
    """What an article graph says about its source besides the content hash: publication date (ISO),
    URL and language, as :meth:`kg.store.embedded.KGStore.articles` reads them back."""
    return (article.published.isoformat() if article.published else None, article.url or None,
            article.lang or None)


# ----------------------------------------------------------------- compact form (kept in the resolution index)
#
# Format 1: the byte 0x01, then :mod:`marshal` (version 4) of the facts as positional rows: each dataclass of
# :mod:`kg.extract.model` is a tuple of its fields in declaration order, each tuple field a list, each date its
# proleptic ordinal (``date.toordinal``), None and plain values as they are; the article's ``text`` is left
# out (an empty string), since resolution and the merged layer never read it: the article graphs that quote it
# are made from the full facts of the JSON files.  marshal is Python's own fast serializer of plain values
# (it runs no code when loading); its format may change between Python versions, so a record that does not
# decode is treated as absent and the JSON file is read instead.


def compact(facts: ArticleFacts) -> bytes:
    """The compact record of one article's facts (text left out: see the format note above)."""
    row = _pack(dataclasses.replace(facts, article=dataclasses.replace(facts.article, text="")))
    return COMPACT_FORMAT + marshal.dumps(row, 4)


def from_compact(record: bytes) -> ArticleFacts | None:
    """The facts of a compact record, with an empty article text; None when it is not one this kg reads."""
    if record[:1] != COMPACT_FORMAT:
        return None
    try:
        return _decoder(ArticleFacts)(marshal.loads(record[1:]))
    except (EOFError, ValueError, TypeError, IndexError):
        return None


def _pack(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return tuple(_pack(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, tuple | list):
        return [_pack(v) for v in value]
    if isinstance(value, date):
        return value.toordinal()
    if isinstance(value, dict):  # ``extra``: as in the JSON form, which it keeps undecoded
        return encode_json(value)
    return value


@functools.cache
def _decoder(cls: type) -> Callable[[Any], Any]:
    """A function that builds one ``cls`` from its positional row, its field converters worked out once from
    the type hints (building the objects is most of the cost: they are made without calling ``__init__``,
    which for a frozen dataclass sets each field through ``object.__setattr__``)."""
    fields = typed_fields(cls)
    names = [name for name, _ in fields]
    convert = [(i, c) for i, (_, hint) in enumerate(fields) if (c := _converter(hint)) is not None]
    new = object.__new__

    def build(row: Any) -> Any:
        values = list(row)
        if len(values) != len(names):
            raise ValueError(f"{cls.__name__}: {len(values)} fields, {len(names)} expected")
        for i, c in convert:
            if values[i] is not None:
                values[i] = c(values[i])
        obj: Any = new(cls)
        obj.__dict__.update(zip(names, values, strict=True))
        return obj

    return build


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    """How one field's packed value becomes the field's value (None: it is already)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _converter(next(a for a in typing.get_args(hint) if a is not type(None)))
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        return tuple if item is None else (lambda v: tuple(map(item, v)))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decoder(hint)
    if hint is date:
        return date.fromordinal
    return None
