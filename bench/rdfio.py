"""Figure 4: export of the 1M-triple store to Turtle and N-Triples, and loading those files back.

Exports go through :func:`kg.export.export` (what ``kg export`` runs: atomic write, prefixes for
Turtle, the union of the graphs).  Loading uses ``Store.bulk_load``, into an in-memory store and into
a new on-disk store, as ``kg build``'s store and ``kg query --data FILE`` would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.timing import Row, median_time
from kg.export import export

FORMATS = {"turtle": "ttl", "ntriples": "nt"}


def run(store_dir: Path, work: Path, triples: int, repeat: int) -> list[Row]:
    rows = []
    for fmt, suffix in FORMATS.items():
        out = work / f"export.{suffix}"
        t, runs = median_time(lambda f=fmt, o=out: export(store_dir, f, o), repeat)
        size = out.stat().st_size / 2**20
        rows.append(Row("4 export/load", f"export {triples / 1e6:.1f}M triples to {fmt}", t, "s", "≤ 10 s",
                        t <= 10, note=f"{size:.0f} MiB", runs=runs))
    for fmt, suffix in FORMATS.items():
        rows += _loads(work / f"export.{suffix}", fmt, work, repeat)
    return rows


def _loads(path: Path, fmt: str, work: Path, repeat: int) -> list[Row]:
    from pyoxigraph import DefaultGraph, RdfFormat, Store

    rdf = RdfFormat.TURTLE if fmt == "turtle" else RdfFormat.N_TRIPLES

    def memory() -> int:
        store = Store()
        store.bulk_load(path=str(path), format=rdf, to_graph=DefaultGraph())
        return len(store)

    def disk() -> int:
        folder = work / "load-store"
        shutil.rmtree(folder, ignore_errors=True)
        store = Store(str(folder))
        store.bulk_load(path=str(path), format=rdf, to_graph=DefaultGraph())
        store.flush()
        return len(store)

    t_mem, runs_mem = median_time(memory, repeat)
    t_disk, runs_disk = median_time(disk, repeat)
    shutil.rmtree(work / "load-store", ignore_errors=True)
    return [Row("4 export/load", f"load the {fmt} file into an in-memory store", t_mem, "s", "≤ 10 s",
                t_mem <= 10, runs=runs_mem),
            Row("4 export/load", f"load the {fmt} file into an on-disk store", t_disk, "s", "≤ 10 s",
                t_disk <= 10, note="RocksDB bulk load, then flush", runs=runs_disk)]
