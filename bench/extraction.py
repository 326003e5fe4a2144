"""Figures 1 and 2: kg's extraction against plain ``nlp.pipe``, and two processes against one.

The three measurements alternate within each round (kg, plain spaCy, kg with two jobs) so that a
busy moment of the machine hits all of them alike; each figure is the median over the rounds.  A
last, untimed pass splits kg's time by pipeline component, to say where the overhead goes.
"""

from __future__ import annotations

import os
import statistics
import time
from collections import defaultdict
from pathlib import Path

from bench.timing import Row, timed
from kg.corpus import RawArticle, read_corpus


def run(corpus: Path, repeat: int) -> list[Row]:
    import spacy

    from kg.extract.pipeline import DEFAULT_MODEL, Extractor

    articles = list(read_corpus([str(corpus)]))
    extractor, plain = Extractor(), spacy.load(DEFAULT_MODEL)
    texts = [a.text for a in articles]
    list(extractor.extract(articles[:20]))  # warm-up: lazy tables, first-call costs
    list(plain.pipe(texts[:20]))
    kg_runs, plain_runs, par_runs, kg_cpu, plain_cpu = [], [], [], [], []
    one = two = None
    for _ in range(repeat):
        t, c, one = _clocked(lambda: list(extractor.extract(articles)))
        kg_runs.append(t), kg_cpu.append(c)
        t, c, _ = _clocked(lambda: list(plain.pipe(texts)))
        plain_runs.append(t), plain_cpu.append(c)
        t, two = timed(lambda: list(extractor.extract(articles, jobs=2)))
        par_runs.append(t)
    return _rows(len(articles), kg_runs, plain_runs, par_runs, kg_cpu, plain_cpu, one == two) + \
        breakdown(extractor, articles)


def _clocked(fn) -> tuple[float, float, object]:
    cpu = time.process_time()
    wall, result = timed(fn)
    return wall, time.process_time() - cpu, result


def _rows(n: int, kg_runs, plain_runs, par_runs, kg_cpu, plain_cpu, same: bool) -> list[Row]:
    kg_t, plain_t, par_t = map(statistics.median, (kg_runs, plain_runs, par_runs))
    overhead, cpu_overhead, speedup = kg_t / plain_t, statistics.median(kg_cpu) / statistics.median(plain_cpu), \
        kg_t / par_t
    return [
        Row("1 extraction", f"plain nlp.pipe, {n} articles", plain_t, "s", runs=plain_runs),
        Row("1 extraction", f"kg extraction, {n} articles", kg_t, "s", runs=kg_runs,
            note=f"{n / kg_t:.0f} articles/s"),
        Row("1 extraction", "kg / plain spaCy (wall)", overhead, "x", "≤ 1.3x", overhead <= 1.3,
            note=f"CPU-time ratio {cpu_overhead:.2f}x"),
        Row("2 parallel", f"kg extraction --jobs 2, {n} articles", par_t, "s", runs=par_runs),
        Row("2 parallel", "speed-up jobs=2 / jobs=1", speedup, "x", "≥ 1.6x", speedup >= 1.6,
            note=f"same facts: {'yes' if same else 'NO'}; {os.cpu_count()} cores"),
    ]


def breakdown(extractor, articles: list[RawArticle]) -> list[Row]:
    """Seconds per pipeline step over the corpus, one Doc at a time (where kg's overhead goes)."""
    from kg.extract.pipeline import facts_from_doc

    spent: dict[str, float] = defaultdict(float)
    for raw in articles:
        start = time.perf_counter()
        doc = extractor.make_doc(raw)
        spent["clean + tokenizer"] += time.perf_counter() - start
        for name, proc in extractor.nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - start
        start = time.perf_counter()
        facts_from_doc(doc, raw)
        spent["facts_from_doc"] += time.perf_counter() - start
    total = sum(spent.values())
    kg_own = {k: v for k, v in spent.items() if k.startswith("kg_") or k == "facts_from_doc"}
    parts = ", ".join(f"{k} {v / total:.0%}" for k, v in sorted(kg_own.items(), key=lambda kv: -kv[1]))
    return [Row("1 extraction", "kg's own steps, share of kg's time", sum(kg_own.values()) / total * 100, "%",
                note=parts)]
