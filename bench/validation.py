"""Figure 5: SHACL validation of the 1M-triple graph, and of one new article against the store.

Both run :func:`kg.validate.validate` with kg's shapes, as ``kg validate`` does: the fast engine
(shapes compiled to SPARQL on pyoxigraph).  For scale, pySHACL runs once on a smaller graph of the
same shape; the two engines' reports are compared there too.
"""

from __future__ import annotations

from pathlib import Path

from bench.timing import Row, median_run, timed
from kg.validate import validate


def run(graph: Path, store_dir: Path, new_article: Path, triples: int, repeat: int) -> list[Row]:
    t, runs, full = median_run(lambda: validate(graph, engine="fast"), repeat)
    t_new, runs_new, report = median_run(lambda: validate(new_article, against=store_dir), max(repeat, 5))
    return [
        Row("5 validation", f"full SHACL validation, {triples / 1e6:.1f}M triples", t, "s", "≤ 60 s", t <= 60,
            note=f"{full.violations} violations, {full.warnings} warnings", runs=runs),
        Row("5 validation", f"one new article against the {triples / 1e6:.1f}M-triple store", t_new, "s", "≤ 2 s",
            t_new <= 2,
            note=f"store checkpoint + focus-restricted checks; conforms: {report.conforms}", runs=runs_new),
    ]


def versus_pyshacl(graph: Path, triples: int) -> list[Row]:
    """pySHACL on a smaller graph of the same shape, with the fast engine on the same file."""
    t_py, slow = timed(lambda: validate(graph, engine="pyshacl"))
    t_fast, fast = timed(lambda: validate(graph, engine="fast"))
    same = sorted(slow.results, key=repr) == sorted(fast.results, key=repr)
    return [Row("5 validation", f"pySHACL on {triples / 1e3:.0f}k triples", t_py, "s",
                note=f"fast engine {t_fast:.1f} s on the same file ({t_py / t_fast:.0f}x); "
                     f"same report: {'yes' if same else 'NO'}")]
