"""Figure 6: peak memory of a build, and whether it grows with the batch size or with the corpus.

Every point is a fresh child process (peak RSS from ``wait4``).  ``stream`` extracts the first N
articles with a given batch size and drops each article's facts once made, as a streaming build
does; ``kg build`` is the whole command (extraction, resolution, mapping, validation, writing).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.timing import Row, child_peak_rss


def run(corpus: Path, articles: int, work: Path) -> list[Row]:
    rows = []
    base = _stream(corpus, 1, 16)[0]
    rows.append(Row("6 memory", "model loaded, 1 article extracted", base, "MiB"))
    for n, batch in ((articles // 4, 16), (articles, 16), (articles // 4, 64), (articles // 4, 256)):
        rss, secs = _stream(corpus, n, batch)
        rows.append(Row("6 memory", f"stream-extract {n} articles, batch {batch}", rss, "MiB",
                        note=f"+{rss - base:.0f} MiB over 1 article; {secs:.0f} s"))
    for n in (articles // 4, articles):
        rss, secs = _build(corpus, n, work)
        rows.append(Row("6 memory", f"kg build --out of {n} articles (peak RSS)", rss, "MiB",
                        note=f"{secs:.0f} s wall, model load included"))
    return rows


def _stream(corpus: Path, n: int, batch: int) -> tuple[float, float]:
    rss, secs, _ = child_peak_rss(["-m", "bench.memory", "stream", str(corpus), str(n), str(batch)])
    return rss, secs


def _build(corpus: Path, n: int, work: Path) -> tuple[float, float]:
    import json

    files = sorted(p for p in corpus.glob("*.txt"))[:n]
    folder = work / f"build-{n}"
    folder.mkdir(exist_ok=True)
    for f in files:
        target = folder / f.name
        if not target.exists():
            target.symlink_to(f.resolve())
    names = {f.name for f in files}
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    (folder / "manifest.json").write_text(json.dumps([e for e in manifest if e["file"] in names]), encoding="utf-8")
    script = "import sys; from kg.cli import main; main(sys.argv[1:])"
    rss, secs, _ = child_peak_rss(["-c", script, "build", str(folder), "--out", str(work / f"build-{n}.trig")])
    return rss, secs


def stream(corpus: str, n: int, batch: int) -> None:
    """Extract the first ``n`` articles of ``corpus``, batch by batch, keeping no facts."""
    from itertools import islice

    from kg.corpus import read_corpus
    from kg.extract.pipeline import Extractor

    extractor = Extractor()
    count = 0
    for _facts in extractor.extract(islice(read_corpus([corpus]), n), batch_size=batch):
        count += 1
    print(count)


if __name__ == "__main__":
    if sys.argv[1] == "stream":
        stream(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
