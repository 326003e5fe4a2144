"""Figure 3: the stored queries on the 1M-triple store, and against rdflib's engine.

Each query runs through :func:`kg.query.run_query` (parameters bound by a VALUES block, union of
the graphs) and every row is materialised, on the embedded on-disk store opened read-only (what
``kg query`` does) and on an in-memory store (what ``kg query --data FILE`` does).  Next to each
stored query, its proposed rewrite in ``bench/proposed/`` (same rows, checked).  rdflib's engine
cannot hold 1M triples in reasonable time, so that comparison runs on a smaller graph of the same
shape, both engines on the same query text.
"""

from __future__ import annotations

from pathlib import Path

from bench.timing import Row, median_run, median_time, timed
from kg.query import StoredQuery, bind, load_query, run_query, with_values

PROPOSED = Path(__file__).parent / "proposed"
QUERIES = {
    "holder-at-date": ({"office": "US.chief_of_defence", "date": "2022-10-24"}, 0.050),
    "chair-at-each-call": ({}, 1.5),
    "roles-at-each-call": ({}, 1.5),
}


def run(store_dir: Path, graph: Path, triples: int, repeat: int) -> list[Row]:
    from pyoxigraph import RdfFormat, Store

    memory = Store()
    memory.bulk_load(path=str(graph), format=RdfFormat.N_QUADS)
    stores = {"on-disk store": Store.read_only(str(store_dir)), "in-memory store": memory}
    rows = []
    for name, (params, limit) in QUERIES.items():
        stored, proposed = load_query(name), StoredQuery.from_file(PROPOSED / f"{name}.rq")
        for where, store in stores.items():
            expected = None
            for label, query in (("stored query", stored), ("proposed rewrite", proposed)):
                t, runs, found = median_run(lambda q=query, s=store, p=params: _solutions(s, q, p), max(repeat, 3))
                expected = _rows(*found) if expected is None else expected
                rows.append(_row(name, where, label, t, limit, triples, len(expected), _rows(*found) == expected,
                                 runs))
    return rows


def _solutions(store, query: StoredQuery, params: dict) -> tuple[list[str], list]:
    """Run and materialise every row (what is timed)."""
    solutions = run_query(store, query, params)
    return [v.value for v in solutions.variables], list(solutions)


def _rows(names: list[str], solutions: list) -> list[tuple]:
    return sorted(tuple(str(s[n]) for n in names) for s in solutions)


def _row(name: str, where: str, label: str, t: float, limit: float, triples: int, count: int, same: bool,
         runs: list[float]) -> Row:
    target = f"≤ {limit * 1000:.0f} ms" if limit < 1 else f"≤ {limit} s"
    value, unit = (t * 1000, "ms") if limit < 1 else (t, "s")
    note = f"{count} rows" + ("" if label == "stored query" else f"; same rows: {'yes' if same else 'NO'}")
    return Row("3 queries", f"{name}, {label}, {where} ({triples / 1e6:.1f}M)", value, unit, target, t <= limit,
               note=note, runs=runs)


def versus_rdflib(graph: Path, triples: int, repeat: int) -> list[Row]:
    """pyoxigraph against rdflib's SPARQL engine on the same (smaller) graph and query texts."""
    import rdflib
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.bulk_load(path=str(graph), format=RdfFormat.N_QUADS)
    load_time, union = timed(lambda: _rdflib_union(graph, rdflib))
    rows = [Row("3 queries", f"rdflib: parse the {triples / 1e3:.0f}k-triple graph", load_time, "s")]
    for name, (params, _limit) in QUERIES.items():
        query = load_query(name)
        text = with_values(query.text, bind(query, params))
        ox_time, _ = median_time(lambda q=query, p=params: list(run_query(store, q, p)), max(repeat, 5))
        rdf_time, result = timed(lambda t=text: list(union.query(t)))
        rows.append(Row("3 queries", f"{name}: pyoxigraph speed-up over rdflib", rdf_time / ox_time, "x",
                        note=f"on {triples / 1e3:.0f}k triples in memory: rdflib {rdf_time:.1f} s, "
                             f"pyoxigraph {ox_time * 1000:.0f} ms, {len(result)} rows"))
    return rows


def _rdflib_union(graph: Path, rdflib):
    dataset = rdflib.Dataset()
    dataset.parse(str(graph), format="nquads")
    union = rdflib.Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
