"""Run every benchmark and print the table: ``.venv/bin/python -m bench`` (or ``bench/run.py``).

Generated inputs (the synthetic corpus, the 1M-triple graph, its embedded store, a smaller graph
for rdflib and pySHACL, one new article) are cached in the work folder and reused.  ``--quick``
shrinks everything for a smoke run; ``--only 3,5`` runs some figures.  Results also go to
``WORK/results.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

if __package__ in (None, ""):  # run as a script: bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import ROOT, Row, machine, table  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles (default 1000)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="synthetic graph size (default 1M)")
    parser.add_argument("--subset", type=int, default=80_000, help="graph size for rdflib and pySHACL")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is shown")
    parser.add_argument("--quick", action="store_true", help="200 articles, 200k triples, one run each")
    parser.add_argument("--only", default="1,2,3,4,5,6,7,8,9,10,11,12", help="figures to run, e.g. 3,5")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / ".work", help="cache folder")
    parser.add_argument("--resolution-sizes", default="1000,4000,16000,64000",
                        help="figure 10: corpus sizes (articles' facts, no NLP) to resolve")
    parser.add_argument("--incremental-sizes", default="10000,100000",
                        help="figure 12: sizes of the stores (synthetic articles) that 100 articles are added to")
    parser.add_argument("--copies", type=int, default=10, help="figure 11: times the dev set is repeated")
    args = parser.parse_args(argv)
    args.resolution_sizes = [int(x) for x in args.resolution_sizes.split(",")]
    args.incremental_sizes = [int(x) for x in args.incremental_sizes.split(",")]
    if args.quick:
        args.articles, args.triples, args.subset, args.repeat = 200, 200_000, 70_000, 1
        args.resolution_sizes = [1000, 4000]
        args.copies = 3
        args.incremental_sizes = [1000, 4000]
    args.only = {int(x) for x in args.only.split(",")}
    return args


class Inputs:
    """The generated inputs, made once and cached in the work folder."""

    def __init__(self, work: Path, args: argparse.Namespace) -> None:
        self.work, self.args = work, args
        work.mkdir(parents=True, exist_ok=True)

    def corpus(self) -> Path:
        from bench.corpus_gen import write_corpus

        folder = self.work / f"corpus-{self.args.articles}"
        if not (folder / "manifest.json").exists():
            write_corpus(folder, self.args.articles)
        return folder

    def graph(self, triples: int) -> Path:
        from bench.graph_gen import write_graph

        path = self.work / f"graph-{triples}.nq"
        if not path.exists():
            write_graph(path, triples)
        return path

    def store(self) -> Path:
        from pyoxigraph import RdfFormat, Store

        folder = self.work / f"store-{self.args.triples}"
        if not (folder / "CURRENT").exists():
            store = Store(str(folder))
            store.bulk_load(path=str(self.graph(self.args.triples)), format=RdfFormat.N_QUADS)
            store.flush()
            del store
        return folder

    def new_article(self) -> Path:
        from bench.graph_gen import write_new_article

        path = self.work / "new-article.trig"
        if not path.exists():
            write_new_article(path)
        return path


def figures(inputs: Inputs, args: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    if args.only & {1, 2}:
        from bench import extraction

        rows += extraction.run(inputs.corpus(), args.repeat)
    if 3 in args.only:
        from bench import queries

        rows += queries.run(inputs.store(), inputs.graph(args.triples), args.triples, args.repeat)
        rows += queries.versus_rdflib(inputs.graph(args.subset), args.subset, args.repeat)
    if 4 in args.only:
        from bench import rdfio

        rows += rdfio.run(inputs.store(), inputs.work, args.triples, args.repeat)
    if 5 in args.only:
        from bench import validation

        rows += validation.run(inputs.graph(args.triples), inputs.store(), inputs.new_article(), args.triples,
                               args.repeat)
        rows += validation.versus_pyshacl(inputs.graph(args.subset), args.subset)
    if 6 in args.only:
        from bench import memory

        rows += memory.run(inputs.corpus(), args.articles, inputs.work)
    if 7 in args.only:
        from bench import long_article

        rows += long_article.run(inputs.work)
    if 8 in args.only:
        from bench import view

        rows += view.run(inputs.graph(view.TRIPLES), inputs.work, args.repeat)
    if 9 in args.only:
        from bench import cluster

        rows += cluster.run(inputs.corpus(), args.repeat)
    if 10 in args.only:
        from bench import resolution

        rows += resolution.run(args.resolution_sizes)
    if 11 in args.only:
        from bench import whole_build

        rows += whole_build.run(inputs.work, inputs.corpus(), args.repeat, args.copies)
    if 12 in args.only:
        from bench import incremental

        rows += incremental.run(inputs.work, args.incremental_sizes, args.repeat)
    return rows


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    inputs = Inputs(args.work, args)
    before, start = machine(), time.perf_counter()
    rows = figures(inputs, args)
    after = machine()
    minutes = (time.perf_counter() - start) / 60
    print(table(rows))
    print(f"\nmachine: {before['cpu']}, {before['cores']} cores, {before['memory']}; Python {before['python']}, "
          f"spaCy {before['spacy']}, pyoxigraph {before['pyoxigraph']}; {before['os']}")
    print(f"load average before/after: {before['load']} / {after['load']}; {minutes:.1f} min; "
          f"median of {args.repeat} run(s)")
    results = {"machine": before, "load_after": after["load"], "minutes": minutes, "args": vars(args) | {
        "work": str(args.work), "only": sorted(args.only)}, "rows": [asdict(r) for r in rows]}
    (args.work / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
