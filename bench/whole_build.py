"""Figure 11: the whole ``kg build`` command against plain ``nlp.pipe`` over the same articles (issue 12, item 5).

Both sides run as fresh child processes, alternating in each round, and both pay for loading the model: ``kg build
CORPUS --out graph.trig --jobs 1`` (reading, extraction, resolution, mapping, validation, writing) against a child
that loads the same spaCy pipeline and runs ``nlp.pipe`` over the texts of the same files.  The corpus is the dev
set's articles (``../shared/devset``; the project never holds them) repeated ``copies`` times under new file names
in the bench's work folder, so that the model load weighs as it would in a real run; without the dev set, the
synthetic corpus stands in and the figure says so.  CPU seconds come from the children's resource usage.
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.timing import ROOT, Row

DEVSET = ROOT.parent / "shared" / "devset"
PLAIN = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
for _ in nlp.pipe(texts):
    pass
"""


def repeated_corpus(source: Path, folder: Path, copies: int) -> Path:
    """``source``'s articles ``copies`` times under new names, with their manifest entries, in the bench's
    work folder (ignored by git)."""
    if (folder / "manifest.json").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    entries = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    if isinstance(entries, dict):
        entries = entries.get("articles", [])
    out = []
    for k in range(copies):
        for entry in entries:
            name = f"{k:03d}-{entry['file']}"
            shutil.copyfile(source / entry["file"], folder / name)  # kg follows no link out of a corpus folder
            out.append({**entry, "file": name})
    (folder / "manifest.json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return folder


def _child(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{args[:3]} failed ({done.returncode}): {done.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(work: Path, synthetic: Path, repeat: int, copies: int = 10) -> list[Row]:
    from kg.build import DEFAULT_MODEL

    if DEVSET.is_dir():
        corpus, what = repeated_corpus(DEVSET, work / f"devset-x{copies}", copies), f"the dev set x{copies}"
    else:
        corpus, what = synthetic, "the synthetic corpus (no ../shared/devset here)"
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    out = work / "whole-build.trig"
    kg_runs, plain_runs = [], []
    for _ in range(repeat):
        kg_runs.append(_child(["-m", "kg", "build", str(corpus), "--out", str(out), "--jobs", "1", "--quiet"]))
        plain_runs.append(_child(["-c", PLAIN, DEFAULT_MODEL, *files]))
    kg_wall, kg_cpu = (statistics.median(r[i] for r in kg_runs) for i in (0, 1))
    plain_wall, plain_cpu = (statistics.median(r[i] for r in plain_runs) for i in (0, 1))
    ratio = kg_wall / plain_wall
    out.unlink(missing_ok=True)
    return [
        Row("11 whole build", f"plain spaCy: load + nlp.pipe, {len(files)} articles", plain_wall, "s",
            runs=[r[0] for r in plain_runs], note=f"CPU {plain_cpu:.1f} s; {what}"),
        Row("11 whole build", f"kg build --out --jobs 1, {len(files)} articles", kg_wall, "s",
            runs=[r[0] for r in kg_runs], note=f"CPU {kg_cpu:.1f} s; validation and writing included"),
        Row("11 whole build", "kg build / plain spaCy (wall)", ratio, "x", "≤ 1.3x", ratio <= 1.3,
            note=f"CPU-time ratio {kg_cpu / plain_cpu:.2f}x"),
    ]
