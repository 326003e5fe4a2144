"""Figure 7: one long article, 10 KB, 100 KB and 1 MB of call sentences, extracted in a fresh process.

A news article is a few kilobytes, but kg accepts articles up to 1 MB, and a cost that grows with
the square of the length turns one such article into a denial of service.  Each size is one
article made of call sentences between generated officials (one sentence a line, with a dated
call, posts and counterparts, so every extraction rule has work to do), extracted in its own
child process: the figure is the wall time per KB of text and the child's peak memory, and the
target is linear growth (1 MB within 10x the time of 100 KB) under 2 GB.
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from bench.timing import Row, child_peak_rss

SIZES_KB = (10, 100, 1000)


def write_article(path: Path, kilobytes: int, *, seed: int = 13) -> Path:
    """One article of about ``kilobytes`` KB of call sentences (distinct lines, so none is dropped
    as repeated page furniture)."""
    from bench.corpus_gen import call_sentence, demonyms, french_date, officials

    rng = random.Random(seed)
    adj = demonyms()
    pool = officials(rng, 200)
    lines, size, day = [], 0, date(2024, 3, 1)
    while True:  # up to the size, never past it (kg refuses articles over 1,000,000 bytes)
        a, b = rng.sample(pool, 2)
        line = call_sentence(a, b, f"le {french_date(day)}", adj, rng) + "\n"
        if size + len(line.encode("utf-8")) > kilobytes * 1000:
            break
        lines.append(line)
        size += len(line.encode("utf-8"))
    path.write_text("".join(lines), encoding="utf-8")
    return path


def run(work: Path) -> list[Row]:
    rows, seconds = [], {}
    for kb in SIZES_KB:
        article = work / f"long-{kb}kb.txt"
        if not article.exists():
            write_article(article, kb)
        rss, _, out = child_peak_rss(["-m", "bench.long_article", "extract", str(article)])
        secs = float(out.split()[0])
        seconds[kb] = secs
        rows.append(Row("7 long article", f"one {kb} KB article: extraction time per KB", secs / kb * 1000, "ms/KB",
                        note=f"{secs:.1f} s, {out.split()[1]} calls, peak RSS {rss:.0f} MiB"))
        if kb == SIZES_KB[-1]:
            rows.append(Row("7 long article", f"peak memory, {kb} KB article", rss, "MiB", "< 2048 MiB", rss < 2048))
    ratio = seconds[1000] / seconds[100]
    rows.append(Row("7 long article", "time of 1 MB / time of 100 KB", ratio, "x", "≤ 10x", ratio <= 10,
                    note="linear growth gives 10x"))
    return rows


def extract(path: str) -> None:
    """Extract one article (model load not timed); print seconds and the number of calls."""
    import time

    from kg.corpus import read_corpus
    from kg.extract.pipeline import Extractor

    extractor = Extractor()
    articles = list(read_corpus([path]))
    start = time.perf_counter()
    facts = list(extractor.extract(articles))
    print(f"{time.perf_counter() - start:.3f} {sum(len(f.calls) for f in facts)}")


if __name__ == "__main__":
    if sys.argv[1] == "extract":
        extract(sys.argv[2])
