"""Figure 12: the store work of adding a few articles' facts to a big store (issue 12, item 2).

Two stores are prepared once in the work folder from :func:`bench.resolution.synthetic_facts` (no NLP): the
first ``n`` articles of ``n + k`` synthetic ones, written as a build leaves them (article graphs and merged
layer, facts cache, resolution index).  Each run, in a fresh child process, opens the store as ``kg build``
does, hands the last ``k`` articles' facts to the build's :class:`kg.ingest.Committer` (which caches them)
and commits, then removes them again (:func:`kg.ingest.remove_articles`), which brings the store back to
where it was for the next run.  The two sizes are run alternately, so that both see the same load.  The
figure is the wall and CPU time of the commit; the opening of the store (which reads the list of stored
articles and checks the index against it, once per run) is reported apart.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.timing import Row

EXTRACTOR = "bench-synthetic"


def prepare(folder: Path, n: int, k: int) -> Path:
    """A store of the first ``n`` of ``n + k`` synthetic articles, made once (minutes at 100,000)."""
    if (folder / "done").exists():
        return folder
    from pyoxigraph import Store

    from bench.resolution import synthetic_facts
    from kg.facts_cache import FactsCache
    from kg.ingest import index_entry, stored_node_digests
    from kg.mapping import Mapper
    from kg.merge import call_inputs
    from kg.resolve import person_keys, resolve
    from kg.store import FACTS_DIR
    from kg.store.index import ResolutionIndex

    shutil.rmtree(folder, ignore_errors=True)
    facts = synthetic_facts(n + k)[:n]
    resolved = resolve(facts)
    store = Store(str(folder))
    store.bulk_extend(Mapper(resolved).quads())  # streamed: the list of quads would not fit at 1M
    store.flush()
    del store
    cache = FactsCache(folder / FACTS_DIR)
    for f in facts:
        cache.put(f, extractor=EXTRACTOR)
    index = ResolutionIndex(folder)
    index.update({f.article.id: index_entry(f) for f in facts}, names=person_keys(resolved))
    inputs = call_inputs(resolved)  # as a full commit records them: each node's digest, each call's input
    index.put_node_digests({s: (d, inputs.get(s)) for s, d in stored_node_digests(Store(str(folder))).items()})
    index.mark_current()
    index.close()
    (folder / "done").write_text(f"{n} articles\n")
    return folder


def measure(folder: Path, n: int, k: int, share: float | None = None) -> dict[str, float]:
    """In this process: open the store, add the ``k`` new articles' facts and commit, then remove them.
    ``share`` replaces :attr:`BuildStore.full_share` (the closure above which a commit is re-resolved in full)."""
    from bench.resolution import synthetic_facts
    from kg.ingest import BuildStore, Committer, Plan, remove_articles, stored_facts

    if share is not None:
        BuildStore.full_share = share

    new = synthetic_facts(n + k)[n:]
    wall, cpu = time.perf_counter(), time.process_time()
    with BuildStore.writing(folder) as kgs:
        kgs.index()  # what every run does once: list the stored articles, check the index against them
        opened, opened_cpu = time.perf_counter(), time.process_time()
        committer = Committer(kgs, stored_facts(kgs, Plan()), total=k, grouped=False)
        for f in new:
            committer.add(f, extractor=EXTRACTOR)
        committer.commit()
        kgs.db.flush()
        added, added_cpu = time.perf_counter(), time.process_time()
        closure, rewritten, _ = kgs.last_change or (None, None, None)
        remove_articles(kgs, [f.article.id for f in new])
        kgs.db.flush()
        removed, removed_cpu = time.perf_counter(), time.process_time()
    return {"articles": n, "share": BuildStore.full_share, "closure": closure, "rewritten": rewritten,
            "open_s": opened - wall, "open_cpu": opened_cpu - cpu, "add_s": added - opened,
            "add_cpu": added_cpu - opened_cpu, "remove_s": removed - added, "remove_cpu": removed_cpu - added_cpu}


def run(work: Path, sizes: list[int], repeat: int, k: int = 100) -> list[Row]:
    """Each size as kg commits by default, and the smallest again with every commit incremental (its closure
    may span over half of the store, which kg re-resolves in full): the ratio compares like with like."""
    folders = {n: prepare(work / f"incremental-{n}", n, k) for n in sizes}
    small, large = min(sizes), max(sizes)
    runs = [(n, None) for n in sizes] + [(small, 100.0)]
    points: dict[tuple[int, float | None], list[dict]] = {r: [] for r in runs}
    for _ in range(repeat):
        for n, share in runs:  # alternately, so that every size sees the same load
            args = [str(folders[n]), str(n), str(k)] + ([str(share)] if share else [])
            done = subprocess.run([sys.executable, "-m", "bench.incremental", *args], capture_output=True,
                                  text=True, check=True)
            points[(n, share)].append(json.loads(done.stdout))
    rows = []
    for n, share in runs:
        rows += _rows(points[(n, share)], k, forced=share is not None)
    if small != large:
        for share in (None, 100.0):
            base = points[(small, share)]
            ratio = _median(points[(large, None)], "add_s") / _median(base, "add_s")
            cpu = _median(points[(large, None)], "add_cpu") / _median(base, "add_cpu")
            rows.append(Row("12 incremental", f"commit of {k} articles, store of {large:,} / of {small:,}"
                            + (" (incremental there too)" if share else ""), ratio, "x", target="≤ 1.5x",
                            met=ratio <= 1.5, note=f"CPU ratio {cpu:.2f}"))
    return rows


def _median(points: list[dict], key: str) -> float:
    values = sorted(p[key] for p in points)
    return values[len(values) // 2]


def _rows(points: list[dict], k: int, *, forced: bool = False) -> list[Row]:
    n = points[0]["articles"]
    add, remove = _median(points, "add_s"), _median(points, "remove_s")
    how = ", every commit incremental" if forced else ""
    shape = (f"; closure {points[0]['closure']:,} articles, {points[0]['rewritten']:,} merged nodes rewritten"
             if points[0].get("closure") is not None else "; re-resolved in full")
    return [Row("12 incremental", f"add {k} articles' facts to a store of {n:,}{how} (store work)", add, "s",
                target="≤ 5 s at 100,000", met=add <= 5 if n >= 100_000 else None,
                note=f"CPU {_median(points, 'add_cpu'):.2f} s{shape}", runs=[p["add_s"] for p in points]),
            Row("12 incremental", f"remove those {k} again, store of {n:,}{how}", remove, "s",
                note=f"CPU {_median(points, 'remove_cpu'):.2f} s", runs=[p["remove_s"] for p in points]),
            Row("12 incremental", f"open the store of {n:,} and check its index (once per run)",
                _median(points, "open_s"), "s", note=f"CPU {_median(points, 'open_cpu'):.2f} s")]


if __name__ == "__main__":
    share = float(sys.argv[4]) if len(sys.argv) > 4 else None
    print(json.dumps(measure(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), share)))
