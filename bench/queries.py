"""Figure 3: the stored queries on the 1M-triple store, and against rdflib's engine.

Each query runs as ``kg query`` runs it (parameters bound by a VALUES block, union of the graphs, a
final ORDER BY of plain variables applied in Python on disk: :mod:`kg.order`) and every row is materialised,
on the embedded on-disk store opened read-only (what ``kg query`` does) and on an in-memory store (what
``kg query --data FILE`` does).  Next to a stored query, in the same run on the same store, the text it
had before (``bench/before/``: same rows, checked), alternating them in each round.  rdflib's engine
cannot hold 1M triples in reasonable time, so that comparison runs on a smaller graph of the same
shape, both engines on the same query text.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

from bench.timing import Row, median_run, median_time, timed
from kg.order import outer_order, select_rows
from kg.query import StoredQuery, bind, load_query, prepare, run_query, with_values

BEFORE = Path(__file__).parent / "before"
_SELECT = re.compile(r"^SELECT\b", re.MULTILINE)
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
    triples = len(memory)
    rows = []
    for name, (params, limit) in QUERIES.items():
        texts = [("stored query", load_query(name))]
        if (BEFORE / f"{name}.rq").exists():
            texts.insert(0, ("text before", StoredQuery.from_file(BEFORE / f"{name}.rq")))
        for where, store in stores.items():
            runs: dict[str, list[float]] = {label: [] for label, _ in texts}
            found: dict[str, list[tuple]] = {}
            for _ in range(max(repeat, 3)):  # alternate the texts, so that both see the same load
                for label, query in texts:
                    t, result = timed(lambda q=query, s=store, p=params, d=where == "on-disk store":
                                      _solutions(s, q, p, d))
                    runs[label].append(t)
                    found[label] = _rows(*result)
            expected = found[texts[0][0]]
            for label, _ in texts:
                rows.append(_row(name, where, label, statistics.median(runs[label]), limit, triples,
                                 len(found[label]), found[label] == expected, runs[label], len(texts) > 1))
            for label, _ in texts[1:] if texts[0][0] == "text before" else ():
                ratio = statistics.median(runs["text before"]) / statistics.median(runs[label])
                rows.append(Row("3 queries", f"{name}: text before / {label}, {where}", ratio, "x",
                                note=f"same store, same run; load {_load()}"))
        if limit >= 1:
            rows += _breakdown(stores["on-disk store"], name, load_query(name), params, repeat)
    return rows


def _breakdown(store, name: str, query: StoredQuery, params: dict, repeat: int) -> list[Row]:
    """Where a stored query's time goes on disk, each step timed alone (medians): the joins (the rows
    counted inside the engine, no term decoded), the rows read (every term decoded, not sorted), and the
    sort in Python (:mod:`kg.order`) of those rows.  The first two are what no ordering can save."""
    text = prepare(query, params).text
    plan = outer_order(text)
    if plan is None:
        return []
    select = _SELECT.search(plan.text)
    assert select is not None, name
    count = f"{plan.text[:select.start()]}SELECT (COUNT(*) AS ?rows) WHERE {{\n{plan.text[select.start():]}}}\n"
    join, _ = median_time(lambda: list(store.query(count, use_default_graph_as_union=True)), max(repeat, 3))
    read, _, found = median_run(lambda: _read(store, plan.text), max(repeat, 3))
    variables, rows = found
    ordering, _ = median_time(lambda: plan.sort(variables, rows), max(repeat, 3))
    where = "on-disk store, step alone"
    return [Row("3 queries", f"{name}: joins only (COUNT(*)), {where}", join, "s"),
            Row("3 queries", f"{name}: rows read, every term decoded, unsorted, {where}", read, "s",
                note=f"{len(rows)} rows of {len(variables)} columns"),
            Row("3 queries", f"{name}: those rows sorted in Python (kg.order), {where}", ordering, "s")]


def _read(store, text: str) -> tuple[list[str], list[tuple]]:
    solutions = store.query(text, use_default_graph_as_union=True)
    return [v.value for v in solutions.variables], [tuple(row) for row in solutions]


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def _solutions(store, query: StoredQuery, params: dict, on_disk: bool) -> tuple[tuple[str, ...], list[tuple]]:
    """Run and materialise every row, in order, as ``kg query`` does (what is timed): on the on-disk
    store a final ORDER BY of plain variables is applied in Python (:mod:`kg.order`)."""
    return select_rows(store, prepare(query, params).text, on_disk=on_disk)


def _rows(names: tuple[str, ...], rows: list[tuple]) -> list[tuple]:
    """The rows as a sorted list, to compare two texts whose ORDER BY may order ties differently."""
    return sorted(tuple(str(term) for term in row) for row in rows)


def _row(name: str, where: str, label: str, t: float, limit: float, triples: int, count: int, same: bool,
         runs: list[float], compared: bool) -> Row:
    target = "" if label == "text before" else f"≤ {limit * 1000:.0f} ms" if limit < 1 else f"≤ {limit} s"
    value, unit = (t * 1000, "ms") if limit < 1 else (t, "s")
    note = f"{count} rows" + (f"; same rows: {'yes' if same else 'NO'}" if compared and label != "text before" else "")
    met = t <= limit if label == "stored query" else None
    return Row("3 queries", f"{name}, {label}, {where} ({triples / 1e6:.2f}M)", value, unit, target, met,
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
