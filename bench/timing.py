"""Measuring: medians of wall-clock runs, peak memory of child processes, the machine, the result rows."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    """One figure of the table: its value, the target it is held to and whether it meets it."""

    section: str
    figure: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    note: str = ""
    runs: list[float] = field(default_factory=list)

    def cells(self) -> list[str]:
        verdict = {True: "met", False: "MISSED", None: ""}[self.met]
        shown = f"{self.value:.3g} {self.unit}" if self.value < 1000 else f"{self.value:,.0f} {self.unit}"
        return [self.section, self.figure, shown, self.target, verdict, self.note]


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median_time(fn: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    runs = [timed(fn)[0] for _ in range(repeat)]
    return statistics.median(runs), runs


def median_run(fn: Callable[[], object], repeat: int) -> tuple[float, list[float], object]:
    """The median time of ``repeat`` runs, every run's time, and the last run's result."""
    runs, result = [], None
    for _ in range(repeat):
        t, result = timed(fn)
        runs.append(t)
    return statistics.median(runs), runs, result


def at_most(value: float, limit: float) -> bool:
    return value <= limit


_PEAK = """
import os, runpy, sys
path = os.environ["KG_BENCH_PEAK"]
try:
    sys.argv = sys.argv[1:]
    if sys.argv[0] == "-m":
        sys.argv = sys.argv[1:]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        code, sys.argv = sys.argv[1], ["-c", *sys.argv[2:]]
        exec(compile(code, "<bench>", "exec"), {"__name__": "__main__"})
finally:
    status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
    open(path, "w").write(status)
"""


def child_peak_rss(args: list[str], *, cwd: Path = ROOT) -> tuple[float, float, str]:
    """Run a Python child (``-m module ...`` or ``-c code ...``); returns (peak RSS in MiB, wall seconds,
    its stdout).  The peak is the child's own VmHWM, read as it ends: ``ru_maxrss`` of a child started
    from a large parent reports the parent's peak, not the child's."""
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".peak") as peak:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_BENCH_PEAK": peak.name}
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _PEAK, *args], cwd=cwd, capture_output=True, env=env)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{args} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
        return int(Path(peak.name).read_text()) / 1024, elapsed, proc.stdout.decode()


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    import pyoxigraph
    import spacy

    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    mem = next((line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), "0")
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": f"{int(mem) / 2**20:.1f} GiB",
            "python": platform.python_version(), "spacy": spacy.__version__, "pyoxigraph": pyoxigraph.__version__,
            "os": f"{platform.system()} {platform.release()}", "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def table(rows: list[Row]) -> str:
    """A Markdown table of the rows."""
    head = ["section", "figure", "measured", "target", "", "note"]
    cells = [r.cells() for r in rows]
    widths = [max(len(x) for x in col) for col in zip(head, *cells, strict=True)]
    line = lambda c: "| " + " | ".join(x.ljust(w) for x, w in zip(c, widths, strict=True)) + " |"  # noqa: E731
    return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, cells)])
