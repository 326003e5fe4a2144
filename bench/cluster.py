"""Figure 9: extraction on a local Dask cluster, two workers against one (``kg build --cluster local:N``).

Two local clusters are started side by side (one worker, two workers; one thread each, every worker
with the model already loaded), and the runs alternate within each round so that a busy moment of the
machine hits both alike.  Start-up (model loading) is not timed: it is paid once per worker, not per
article.  The facts of the two clusters are compared.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from bench.timing import Row, timed
from kg.corpus import read_corpus


def run(corpus: Path, repeat: int) -> list[Row]:
    from kg.cluster import Cluster
    from kg.extract.pipeline import DEFAULT_MODEL

    articles = list(read_corpus([str(corpus)]))
    with Cluster("local:1") as one, Cluster("local:2") as two:
        for cluster in (one, two):  # start the workers and load the model (untimed)
            list(cluster.extract(articles[:8], model=DEFAULT_MODEL))
        one_runs, two_runs, cores, same = [], [], {1: [], 2: []}, True
        for _ in range(repeat):
            (t1, c1), facts1 = _run(one, articles, DEFAULT_MODEL)
            (t2, c2), facts2 = _run(two, articles, DEFAULT_MODEL)
            one_runs.append(t1), two_runs.append(t2), cores[1].append(c1 / t1), cores[2].append(c2 / t2)
            same = same and facts1 == facts2 and len(facts1) == len(articles)
    return _rows(len(articles), one_runs, two_runs, cores, same)


def _run(cluster, articles, model) -> tuple[tuple[float, float], list]:
    """Wall seconds and the workers' CPU seconds of one extraction, and its facts."""
    client = cluster.client()
    before = sum(client.run(time.process_time).values())
    wall, facts = timed(lambda: list(cluster.extract(articles, model=model)))
    return (wall, sum(client.run(time.process_time).values()) - before), facts


def _rows(n: int, one_runs: list[float], two_runs: list[float], cores: dict, same: bool) -> list[Row]:
    t1, t2 = statistics.median(one_runs), statistics.median(two_runs)
    busy1, busy2 = statistics.median(cores[1]), statistics.median(cores[2])
    return [
        Row("9 cluster", f"kg extraction on a local Dask cluster, 1 worker, {n} articles", t1, "s",
            runs=one_runs, note=f"{n / t1:.0f} articles/s; the worker had {busy1:.2f} cores"),
        Row("9 cluster", f"kg extraction on a local Dask cluster, 2 workers, {n} articles", t2, "s",
            runs=two_runs, note=f"{n / t2:.0f} articles/s; the workers had {busy2:.2f} cores"),
        Row("9 cluster", "speed-up 2 workers / 1 worker", t1 / t2, "x", "≥ 1.6x", t1 / t2 >= 1.6,
            note=f"same facts: {'yes' if same else 'NO'}; {os.cpu_count()} cores; "
                 f"CPU per article 2 workers / 1: {busy2 * t2 / (busy1 * t1):.2f}"),
    ]
