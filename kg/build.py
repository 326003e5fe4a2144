"""``kg build``: articles -> facts -> resolved graph -> validated RDF in a file, the store or an endpoint.

A file build (``--out``) extracts every article and writes the whole graph.  A
store build is incremental (:mod:`kg.ingest`): unchanged articles are
skipped by content hash without loading the model, new facts are cached and
committed transactionally, and the merged layer is recomputed from the cached
facts of every stored article.  With ``--endpoint`` the store is then mirrored
to a remote SPARQL store, graph by graph (:func:`kg.store.push.sync`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import Dataset, NamedNode, Quad

from kg.corpus import RawArticle, read_corpus
from kg.errors import InputError, ModelNotFound, NonConforming, UsageError, short
from kg.extract.model import ArticleFacts
from kg.merge import merged_state
from kg.namespaces import KGO
from kg.progress import Progress, Reporter, as_reporter, choose_jobs, count
from kg.rdfio import writable_format, write_quads
from kg.resolve import Resolved
from kg.store import DEFAULT_STORE

if TYPE_CHECKING:
    from kg.cluster import Cluster

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
    infos: int | None = None
    others: int | None = None  # results of a severity the shapes define themselves
    added: int | None = None  # store builds: new, changed and unchanged articles of this run
    changed: int | None = None
    unchanged: int | None = None

    @property
    def counts(self) -> tuple[int, int, int, int] | None:
        """Violations, warnings, infos and results of other severities (None without validation)."""
        if self.violations is None:
            return None
        return (self.violations, self.warnings or 0, self.infos or 0, self.others or 0)

    @property
    def conforms(self) -> bool | None:
        """SHACL's conformance (no result of any severity), as ``kg validate`` reports it; None without
        validation.  A build fails (--strict) on violations only."""
        return None if self.counts is None else not any(self.counts)

    def text(self) -> str:
        from kg.validate.render import verdict

        shapes = "not validated"
        if self.counts is not None:
            word, counts = verdict(*self.counts)
            shapes = f"{word} to the shapes: {counts}"
        run = ("" if self.added is None else
               f" ({self.added} added, {self.changed} changed, {self.unchanged} unchanged)")
        return (f"{count(self.articles, 'article')}{run}: {count(self.people, 'person', 'people')}, "
                f"{count(self.offices, 'office')}, {count(self.calls, 'call')}, "
                f"{count(self.missiles, 'missile system')}, {count(self.treaties, 'treaty', 'treaties')}; "
                f"{count(self.triples, 'triple')}; {shapes}\nwritten to {self.output}")


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


def extract(raws: list[RawArticle], *, model: str | None = None, jobs: int | None = 1,
            progress: Progress = None, cluster: Cluster | None = None) -> Iterator[ArticleFacts]:
    """The facts of each article, streamed; the model is loaded only when there is something to read.
    ``jobs`` None picks the processes (:func:`kg.progress.choose_jobs`) and says so; ``cluster`` (a
    :class:`kg.cluster.Cluster`) sends the articles to its workers instead."""
    if not raws:
        return iter(())
    tell = as_reporter(progress)
    if cluster is not None:
        tell.stage("extracting on the cluster", total=len(raws))
        return _counted(cluster.extract(raws, model=model or DEFAULT_MODEL), tell)
    from kg.extract.pipeline import Extractor

    tell.stage("loading the model", unit="models")
    extractor = Extractor(model or DEFAULT_MODEL)
    tell.stage("extracting", total=len(raws))
    jobs = choose_jobs(jobs, len(raws), tell)
    return _counted(extractor.extract(raws, jobs=jobs), tell)


def _counted(items: Iterator, progress: Reporter) -> Iterator:
    for item in items:
        yield item
        progress.advance()


def read_articles(sources: Iterable[str], progress: Progress = None) -> list[RawArticle]:
    """The articles of the sources, each once; none at all is an input error naming the sources (a build
    never writes an empty graph without a word)."""
    sources, tell = list(sources), as_reporter(progress)
    tell.stage("reading")
    raws = unique_articles(_counted(read_corpus(sources), tell))
    if not raws:
        named = ", ".join(short(s) for s in sources[:3]) + (", ..." if len(sources) > 3 else "")
        raise InputError(f"{named}: no article to build: kg reads the .txt and .md files of a folder, not its "
                         "sub-folders (see the warnings above)")
    return raws


def extract_all(sources: Iterable[str], *, model: str | None = None, jobs: int | None = 1) -> list[ArticleFacts]:
    """The facts of every article of the sources, in id order."""
    facts = extract(read_articles(sources), model=model, jobs=jobs)
    return sorted(facts, key=lambda f: f.article.id)


def build(sources: Iterable[str], *, out: str | Path | None = None, store: str | Path | None = None,
          endpoint: str | None = None, profile: str | None = None, model: str | None = None,
          validate: bool = True, strict: bool = False, jobs: int | None = 1, force: bool = False,
          progress: Progress = None, cluster: Cluster | None = None) -> BuildSummary:
    """Build the graph of the articles in ``sources`` into the file ``out``, or else into the embedded
    store (``store``, default ``./kg-store``) and, when given, the remote ``endpoint``.  The output and the
    endpoint are checked before any article is read; ``jobs`` None picks the extraction processes."""
    tell = as_reporter(progress)
    if out is not None:
        check_output(Path(out))
    check_model(model or DEFAULT_MODEL)
    remote = _endpoint(endpoint, profile)
    raws = read_articles(sources, tell)
    if out is not None:
        return _build_file(raws, Path(out), model=model, validate=validate, strict=strict, jobs=jobs,
                           progress=tell, cluster=cluster)
    path = Path(store) if store is not None else DEFAULT_STORE
    return _build_store(raws, path, model=model or DEFAULT_MODEL, validate=validate, strict=strict,
                        jobs=jobs, force=force, progress=tell, remote=remote, cluster=cluster)


def check_output(out: Path) -> None:
    """Refuse an output file that cannot be written, before any work: an unknown suffix (usage error), a
    missing or read-only folder, an existing folder of that name (input errors naming it)."""
    import os

    try:
        writable_format(out.suffix.lstrip(".") or "none")
    except UsageError:
        raise UsageError(f"--out {short(str(out))}: unknown suffix {out.suffix or '(none)'!r}: use .trig or .nq "
                         "(one graph per article), .ttl, .nt or .jsonld (the merged graph)") from None
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("output folder does not exist", path=str(folder))
    if out.is_dir():
        raise InputError("is a folder, not a file to write", path=str(out))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError("output folder is not writable", path=str(folder))


def check_model(model: str) -> None:
    """Refuse, before any article is read, a model that is neither an installed package nor a folder (the
    error loading it would give, without importing spaCy)."""
    from importlib.util import find_spec

    try:
        there = Path(model).is_dir() if "/" in model or model.startswith(".") else find_spec(model) is not None
    except (ImportError, ValueError):
        there = False
    if not there:
        from kg.extract.pipeline import _model_hint

        raise ModelNotFound(_model_hint(model))


def _endpoint(url: str | None, profile: str | None):
    if url is None:
        return None
    from kg.store.remote import Endpoint

    return Endpoint(url, profile=profile)


def _build_file(raws: list[RawArticle], out: Path, *, model: str | None, validate: bool, strict: bool,
                jobs: int | None, progress: Reporter, cluster: Cluster | None = None) -> BuildSummary:
    facts = {f.article.id: f for f in extract(raws, model=model, jobs=jobs, progress=progress, cluster=cluster)}
    progress.stage("resolving")
    resolved, quads = merged_state(facts)
    counts = _check(quads, validate=validate, strict=strict, progress=progress)
    progress.stage("writing")
    write_quads(quads, out)
    return _summary(resolved, quads, str(out), counts)


def _build_store(raws: list[RawArticle], path: Path, *, model: str, validate: bool, strict: bool,
                 jobs: int | None, force: bool, progress: Reporter, remote,
                 cluster: Cluster | None = None) -> BuildSummary:
    from kg.ingest import BuildStore, Committer, plan, stored_facts

    with BuildStore.writing(path) as kgs:
        extractor = extractor_id(model)
        work = plan(kgs, raws, extractor=extractor, force=force)
        committer = Committer(kgs, stored_facts(kgs, work), total=work.changes, progress=progress,
                              grouped=not strict)
        for facts in work.cached:
            committer.add(facts, extractor=extractor, cache=False, source=work.sources[facts.article.id])
        sources = {raw.id: raw.source for raw in work.todo}
        for facts in extract(work.todo, model=model, jobs=jobs, progress=progress, cluster=cluster):
            committer.add(facts, extractor=extractor, source=sources[facts.article.id])
        progress.stage("resolving")
        resolved, quads = state = committer.state()
        counts = _check(quads, validate=validate, strict=strict, progress=progress)
        progress.stage("writing")
        committer.commit(state)
        kgs.keep_facts_of_stored()
        if remote is not None:
            from kg.store.push import sync

            sync(kgs, remote, progress=progress)
    target = str(path) if remote is None else f"{path} and {remote}"
    summary = _summary(resolved, quads, target, counts)
    changed = len(work.replacing)
    return replace(summary, added=work.changes - changed, changed=changed, unchanged=len(work.unchanged))


Counts = tuple[int, int, int, int] | None


def _check(quads: list[Quad], *, validate: bool, strict: bool, progress: Reporter | None = None) -> Counts:
    """Violations, warnings, infos and other results of the graph (None without validation); --strict
    refuses violations (and results of the shapes' own severities, which count as violations)."""
    if not validate:
        return None
    if progress is not None:
        progress.stage("validating")
    counts = _validate(quads)
    if strict and (counts[0] or counts[3]):
        raise NonConforming(f"the built graph has {count(counts[0] + counts[3], 'shape violation')} (--strict): "
                            "nothing written")
    return counts


def _validate(quads: list[Quad]) -> tuple[int, int, int, int]:
    from kg.validate import validate

    report = validate(in_memory(quads))
    return report.violations, report.warnings, report.infos, report.others


def in_memory(quads: list[Quad]) -> Dataset:
    """The built quads as an in-memory dataset, which the validator reads as they are: no re-parsing,
    and unlike a store it keeps every literal exactly as written."""
    return Dataset(quads)


def _summary(r: Resolved, quads: list[Quad], target: str, counts: Counts) -> BuildSummary:
    offices = {q.object for q in quads if q.predicate == NamedNode(str(KGO.office))}
    violations, warnings, infos, others = counts or (None, None, None, None)
    return BuildSummary(
        articles=len(r.articles), people=len(r.persons), offices=len(offices), calls=len(r.calls),
        missiles=len(r.missiles()), treaties=len(r.treaties()), triples=len({q.triple for q in quads}),
        unresolved_calls=r.unresolved_calls, output=target, violations=violations, warnings=warnings,
        infos=infos, others=others)


def remove(articles: Iterable[str], *, store: str | Path | None = None, endpoint: str | None = None,
           profile: str | None = None, progress: Callable[[str], None] | None = None) -> str:
    """Remove articles (by id, or a path whose file name is the id) and their cached facts from the store,
    recompute the merged layer from the others, and mirror that to ``endpoint`` when given."""
    from kg.ingest import BuildStore, remove_articles

    remote = _endpoint(endpoint, profile)
    path = Path(store) if store is not None else DEFAULT_STORE
    with BuildStore.writing(path) as kgs:
        stored = kgs.articles()
        ids = list(dict.fromkeys(_stored_id(a, stored, path) for a in articles))
        remove_articles(kgs, ids)
        kgs.keep_facts_of_stored()
        if remote is not None:
            from kg.store.push import sync

            sync(kgs, remote, removed=ids, progress=progress)
    return f"removed {count(len(ids), 'article')} from {path}; {len(stored) - len(ids):,} left"


def _stored_id(name: str, stored: dict, path: Path) -> str:
    for candidate in (name, Path(name).name):
        if candidate in stored:
            return candidate
    raise UsageError(f"no article {name!r} in the store {path} (`kg articles` lists them)")
