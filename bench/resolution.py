"""Figure 10: resolution and mapping without NLP, and how their cost grows with the corpus (issue 12, item 2).

``synthetic_facts(n)`` makes the per-article facts a build would have extracted from ``n`` articles, shaped like
real ones (two officials named by full name and surname, each with the office they hold, one dated call between
them, an evidence sentence per fact), over a population of officials that grows more slowly than the corpus
(``people(n)``), as the people of a news archive do.  Each size runs in a fresh child process, which generates the
facts, resets its peak-memory mark (``/proc/self/clear_refs``), then times :func:`kg.resolve.resolve` and
:func:`kg.mapping.to_quads` and reads the peak resident memory they added.  Per-article time and memory that stay
flat as ``n`` grows mean resolution scales with the corpus; the ratio of the largest to the smallest size says
how far from flat it is.  Times are the child's CPU seconds (the wall time is in the note), so that a machine
shared with other work still gives comparable figures.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from bench.timing import Row

FIRST_DAY = date(2010, 1, 1)
GIVEN = ["Jean", "Marc", "Sergueï", "Valeri", "Lloyd", "Mark", "Charles", "Pierre", "Andriï", "Oleksiï", "Hakan",
         "Minoru", "Anne", "Olga", "Yuki", "Sofia", "Boris", "Dmitri", "Kenji", "Lina"]
SYLLABLES = ["ba", "ko", "ri", "ven", "stol", "mar", "del", "gu", "ras", "shi", "no", "tan", "fer", "lo", "vic", "zen"]


def people(articles: int) -> int:
    """Officials in an archive of ``articles`` articles: about one new one per 20 articles, at least 200."""
    return max(200, articles // 20)


def _surname(i: int) -> str:
    parts = []
    while True:
        parts.append(SYLLABLES[i % len(SYLLABLES)])
        i //= len(SYLLABLES)
        if not i:
            break
    return "".join(parts).capitalize() + "ov"


def synthetic_facts(n: int, *, seed: int = 10) -> list:
    """The facts of ``n`` synthetic articles (see the module docstring)."""
    from kg.extract.lexicon import load_lexicon
    from kg.extract.model import Article, ArticleFacts, CallFact, DateValue, Evidence, Holding, Party, PersonRef

    rng = random.Random(seed)
    offices = sorted(o for o in load_lexicon().offices if not o.startswith("?"))
    pool = [(f"{GIVEN[i % len(GIVEN)]} {_surname(i)}", offices[i % len(offices)]) for i in range(people(n))]
    out = []
    for i in range(n):
        published = FIRST_DAY + timedelta(days=i * 5000 // max(n, 1))
        (a, office_a), (b, office_b) = rng.sample(pool, 2)
        day = published - timedelta(days=rng.randrange(3))
        sentence = (f"Le {day.isoformat()}, {a}, qui occupe le poste {office_a}, s'est entretenu par téléphone "
                    f"avec {b}, en charge du poste {office_b}.")
        text = f"{sentence}\n{'Les deux responsables ont évoqué la situation régionale. ' * 6}"
        article_id = f"synthetic-{i:07d}.txt"
        ev = Evidence(article_id, 0, len(sentence), sentence, "bench")
        persons = (PersonRef("p1", a, (a, a.split()[-1]), (ev,)), PersonRef("p2", b, (b, b.split()[-1]), (ev,)))
        holdings = (Holding("p1", office_a, (ev,), attested=DateValue.of_day(day)),
                    Holding("p2", office_b, (ev,), attested=DateValue.of_day(day)))
        call = CallFact((Party(person="p1"), Party(person="p2")), (ev,), DateValue.of_day(day),
                        initiator=Party(person="p1"))
        article = Article(article_id, text, published=published, sha256=f"{i:064x}")
        out.append(ArticleFacts(article, persons, holdings, (call,)))
    return out


def _status(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


#: Above this many articles the mapping is not run: its list of quads (about 19 KiB per article) would
#: not fit the bench machine at 1M; resolution is still measured on its own.
MAP_LIMIT = 200_000


def measure(n: int) -> dict[str, float]:
    """In this process: generate the facts of ``n`` articles, then time and weigh resolution and, up to
    ``MAP_LIMIT`` articles, the mapping to quads.  The facts themselves are in memory before the mark
    (``facts_kib``): they are the input a build reads from the facts cache, not resolution's own."""
    import gc
    import time

    from kg.mapping import to_quads
    from kg.resolve import resolve

    base = _status("VmRSS")
    facts = synthetic_facts(n)
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # the peak-RSS mark starts again from here
    before = _status("VmRSS")
    facts_kib = before - base
    start, cpu_start = time.perf_counter(), time.process_time()
    resolved = resolve(facts)
    cpu_resolved = time.process_time()
    resolve_peak = _status("VmHWM") - before
    quads = to_quads(resolved) if n <= MAP_LIMIT else None
    mapped_at, cpu_mapped = time.perf_counter(), time.process_time()
    return {"articles": n, "people": len(resolved.persons), "calls": len(resolved.calls),
            "quads": len(quads) if quads is not None else None, "facts_kib": facts_kib,
            "resolve_s": cpu_resolved - cpu_start, "map_s": cpu_mapped - cpu_resolved if quads is not None else None,
            "wall_s": mapped_at - start, "resolve_peak_kib": resolve_peak,
            "peak_kib": _status("VmHWM") - before if quads is not None else None}


def run(sizes: list[int]) -> list[Row]:
    rows, points = [], []
    for n in sizes:
        done = subprocess.run([sys.executable, "-m", "bench.resolution", str(n)], capture_output=True, text=True,
                              check=True)
        point = json.loads(done.stdout)
        points.append(point)
        rows += _rows(point)
    if len(points) > 1:
        small, large = points[0], points[-1]
        ratio = (large["resolve_s"] / large["articles"]) / (small["resolve_s"] / small["articles"])
        rows.append(Row("10 resolution", f"resolution CPU time per article, {large['articles']:,} / "
                        f"{small['articles']:,} articles", ratio, "x", target="≤ 1.5x", met=ratio <= 1.5))
    return rows


def _rows(point: dict) -> list[Row]:
    n = point["articles"]
    per = 1e6 / n
    rows = [Row("10 resolution", f"resolve {n:,} articles' facts (no NLP), CPU", point["resolve_s"], "s",
                note=f"{point['resolve_s'] * per:.0f} µs/article; {point['people']:,} people, "
                     f"{point['calls']:,} calls"),
            Row("10 resolution", f"resolution's peak memory per article, {n:,} articles",
                point["resolve_peak_kib"] / n, "KiB", target="≤ 4 KiB at 1M",
                note=f"the facts read in come on top: {point['facts_kib'] / n:.1f} KiB/article")]
    if point["quads"] is not None:
        rows += [Row("10 resolution", f"map {n:,} articles to quads, CPU", point["map_s"], "s",
                     note=f"{point['map_s'] * per:.0f} µs/article; {point['quads']:,} quads; wall of both "
                          f"{point['wall_s']:.1f} s"),
                 Row("10 resolution", f"peak memory per article with the list of quads, {n:,} articles",
                     point["peak_kib"] / n, "KiB", note="mostly the quads, held for validation and writing")]
    return rows


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]))))
