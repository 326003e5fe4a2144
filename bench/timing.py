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


def at_most(value: float, limit: float) -> bool:
    return value <= limit


def child_peak_rss(args: list[str], *, cwd: Path = ROOT, env: dict | None = None) -> tuple[float, float, str]:
    """Run a Python child; returns (peak RSS in MiB, wall seconds, its stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{args} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start, out.decode()


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
