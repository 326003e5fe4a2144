"""Figure 8: extraction on a local Dask cluster, two workers against one (``kg build --cluster local:N``).

Two local clusters are started side by side (one worker, two workers; one thread each, every worker
with the model already loaded), and the runs alternate within each round so that a busy moment of the
machine hits both alike.  Start-up (model loading) is not timed: it is paid once per worker, not per
article.  The facts of the two clusters are compared.
"""

from __future__ import annotations

import os
import statistics
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
        one_runs, two_runs, same = [], [], True
        for _ in range(repeat):
            t1, facts1 = timed(lambda: list(one.extract(articles, model=DEFAULT_MODEL)))
            t2, facts2 = timed(lambda: list(two.extract(articles, model=DEFAULT_MODEL)))
            one_runs.append(t1), two_runs.append(t2)
            same = same and facts1 == facts2 and len(facts1) == len(articles)
    return _rows(len(articles), one_runs, two_runs, same)


def _rows(n: int, one_runs: list[float], two_runs: list[float], same: bool) -> list[Row]:
    t1, t2 = statistics.median(one_runs), statistics.median(two_runs)
    return [
        Row("8 cluster", f"kg extraction on a local Dask cluster, 1 worker, {n} articles", t1, "s",
            runs=one_runs, note=f"{n / t1:.0f} articles/s"),
        Row("8 cluster", f"kg extraction on a local Dask cluster, 2 workers, {n} articles", t2, "s",
            runs=two_runs, note=f"{n / t2:.0f} articles/s"),
        Row("8 cluster", "speed-up 2 workers / 1 worker", t1 / t2, "x", "≥ 1.6x", t1 / t2 >= 1.6,
            note=f"same facts: {'yes' if same else 'NO'}; {os.cpu_count()} cores; one task per article"),
    ]
