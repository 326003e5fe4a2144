"""Progress of long commands (build, push, remove) on standard error.

A command reports stages (reading, extracting, resolving, validating, writing, pushing), the items of a stage
as they are done, and free notes ("stored 40/200 new or changed articles").  What the user sees depends on
where standard error goes: a live bar drawn by ``rich`` on a terminal (done/total, items per second, time
left, the stage and the last note); plain lines otherwise (after the first five seconds, a stage as it starts,
then a count every five seconds or each tenth of the stage; and every note), which read well in a log;
nothing under ``--quiet``.

Library code takes any :class:`Reporter`, or a plain ``Callable[[str], None]`` for notes only
(:func:`as_reporter`), so a test can collect the notes in a list.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import TaskID

#: The stages of a build, in order (a push has one stage, "pushing").
STAGES = ("reading", "extracting", "resolving", "validating", "writing", "pushing")
#: The memory one extraction worker needs (the French model and a batch of articles), for --jobs.
WORKER_BYTES = 512 * 2**20


class Reporter:
    """Progress that goes nowhere; the base of the others, and what ``--quiet`` gets."""

    def stage(self, name: str, total: int | None = None, unit: str = "articles") -> None:
        """A new stage begins, with ``total`` items to do when that is known."""

    def advance(self, n: int = 1) -> None:
        """``n`` more items of the current stage are done."""

    def __call__(self, message: str) -> None:
        """A note: something worth a line in a log (on a terminal, it stands beside the bar)."""

    def say(self, message: str) -> None:
        """A line that stays on the screen (the bar's notes are replaced by the next)."""

    def close(self) -> None:
        """The command has finished (or failed): stop drawing."""

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Notes(Reporter):
    """Notes only, passed to a plain callable (stages and counts are dropped)."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self.write = write

    def __call__(self, message: str) -> None:
        self.write(message)


#: What long commands accept as progress: a reporter, a function taking lines, or nothing.
Progress = Reporter | Callable[[str], None] | None


def as_reporter(progress: Progress) -> Reporter:
    """A reporter for what a library function was given: None is silence, a callable gets the notes."""
    if progress is None:
        return Reporter()
    return progress if isinstance(progress, Reporter) else Notes(progress)


class Stage:
    """The counts of the current stage: done, total, rate and time left."""

    def __init__(self, name: str, total: int | None, unit: str, now: float) -> None:
        self.name, self.total, self.unit, self.start, self.done = name, total, unit, now, 0

    def rate(self, now: float) -> float | None:
        elapsed = now - self.start
        return self.done / elapsed if self.done and elapsed > 0 else None

    def left(self, now: float) -> float | None:
        """Seconds left at the current rate (None while unknown)."""
        rate = self.rate(now)
        return (self.total - self.done) / rate if rate and self.total is not None else None

    def line(self, now: float) -> str:
        """``extracting: 40/200 articles (20%), 3.1 articles/s, about 52 s left``."""
        if self.total is None:
            text = f"{self.name}: {units(self.done, self.unit)}"
        else:
            percent = 100 * self.done // self.total if self.total else 100
            text = f"{self.name}: {self.done:,}/{units(self.total, self.unit)} ({percent}%)"
        rate, left = self.rate(now), self.left(now)
        if rate is not None:
            text += f", {rate:.1f} {self.unit}/s"
        if left is not None and self.done < (self.total or 0):
            text += f", about {duration(left)} left"
        return text


def duration(seconds: float) -> str:
    """``52 s``, ``3 min 05 s``, ``1 h 02 min``."""
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


class Lines(Reporter):
    """Plain progress lines for a log.  Nothing during the first ``every`` seconds (a quick command prints
    only its result); then each stage as it starts, its count every ``every`` seconds or each tenth of it
    (whichever comes first) and when it ends.  Notes are always printed."""

    #: Seconds between two count lines, and of silence at the start.
    EVERY = 5.0

    def __init__(self, stream: TextIO | None = None, *, every: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.every, self.clock = stream, self.EVERY if every is None else every, clock
        self.began = self.last = clock()
        self.current: Stage | None = None
        self.tenth, self.shown = 0, -1  # the tenth and the count of the current stage last said (-1: none)

    def _print(self, text: str) -> None:
        print(f"kg: {text}", file=self.stream or sys.stderr, flush=True)
        self.last = self.clock()

    def _started(self, now: float) -> bool:
        return now - self.began >= self.every

    def stage(self, name: str, total: int | None = None, unit: str = "articles") -> None:
        self._end()
        now = self.clock()
        self.current = Stage(name, total, unit, now)
        self.tenth, self.shown = 0, -1
        if self._started(now):
            self._print(name + ("" if total is None else f": {units(total, unit)}"))
            self.shown = 0

    def advance(self, n: int = 1) -> None:
        stage = self.current
        if stage is None:
            return
        stage.done += n
        now = self.clock()
        tenth = 10 * stage.done // stage.total if stage.total else 0
        if self._started(now) and (now - self.last >= self.every or tenth > self.tenth):
            self.tenth, self.shown = tenth, stage.done
            self._print(stage.line(now))

    def __call__(self, message: str) -> None:
        self._print(message)

    def say(self, message: str) -> None:
        self._print(message)

    def _end(self) -> None:
        """The last count of a stage that was said, unless the last line already gave it."""
        stage, self.current = self.current, None
        if stage is not None and self.shown >= 0 and stage.done != self.shown:
            self._print(stage.line(self.clock()))

    def close(self) -> None:
        self._end()


class Bar(Reporter):
    """A live bar on a terminal, drawn by rich: stage, bar, done/total, rate, time left, last note.  It is
    removed when the command ends (its summary follows on standard output)."""

    #: Characters of a note shown beside the bar (the counts and time left keep their room).
    NOTE = 48

    def __init__(self, stream: TextIO | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=stream or sys.stderr)
        self.bar = Progress(TextColumn("[bold]{task.description:>10}"), BarColumn(), TextColumn("{task.fields[count]}"),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            TextColumn("{task.fields[note]}", style="dim"), console=console, transient=True,
                            redirect_stdout=False)  # results stay on stdout; warnings print above the bar
        self.task: TaskID | None = None
        self.current: Stage | None = None
        self.bar.start()

    def stage(self, name: str, total: int | None = None, unit: str = "articles") -> None:
        self.current = Stage(name, total, unit, time.monotonic())
        if self.task is not None:
            self.bar.update(self.task, visible=False)
        self.task = self.bar.add_task(name, total=total, count=self._count(), rate="", note="")
        self.bar.refresh()

    def _count(self) -> str:
        """``3/9 33%`` with a total, ``9`` without one, nothing before the first item."""
        stage = self.current
        if stage is None or stage.total is None:
            return f"{stage.done:,}" if stage and stage.done else ""
        return f"{stage.done:,}/{stage.total:,} {100 * stage.done // max(stage.total, 1):>3}%"

    def advance(self, n: int = 1) -> None:
        if self.task is None or self.current is None:
            return
        self.current.done += n
        rate = self.current.rate(time.monotonic())
        shown = f"{rate:.1f} {self.current.unit}/s" if rate is not None else ""
        self.bar.update(self.task, advance=n, count=self._count(), rate=shown)

    def __call__(self, message: str) -> None:
        if self.task is not None:
            note = message if len(message) <= self.NOTE else message[: self.NOTE - 1] + "…"
            self.bar.update(self.task, note=note)
        else:
            self.say(message)

    def say(self, message: str) -> None:
        self.bar.console.print(f"kg: {message}", highlight=False, markup=False)

    def close(self) -> None:
        self.bar.stop()


def to_stderr(*, quiet: bool = False, stream: TextIO | None = None) -> Reporter:
    """What a command reports to: silence under ``--quiet``, a bar on a terminal, lines otherwise."""
    if quiet:
        return Reporter()
    out = stream or sys.stderr
    return Bar(out) if _is_terminal(out) else Lines(out)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def default_jobs() -> tuple[int, str]:
    """Extraction processes by default: the usable cores, capped by available memory (one model a worker);
    and why, in words."""
    cores = _usable_cores()
    available = _available_memory()
    if available is None:
        return cores, f"{cores} usable {plural(cores, 'core')}"
    by_memory = max(1, available // WORKER_BYTES)
    jobs = min(cores, by_memory)
    why = f"{cores} usable {plural(cores, 'core')}, {available / 2**30:.1f} GB of memory available"
    return jobs, why + (f" (about {WORKER_BYTES >> 20} MB a worker)" if by_memory < cores else "")


def _usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _available_memory(meminfo: str = "/proc/meminfo") -> int | None:
    """MemAvailable in bytes, None where the system does not say."""
    try:
        with open(meminfo, encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def plural(n: int, word: str, words: str | None = None) -> str:
    """``word`` or its plural for ``n`` (``1 warning``, ``0 warnings``, ``2 warnings``): English number."""
    return word if n == 1 else (words or word + "s")


def count(n: int, word: str, words: str | None = None) -> str:
    """``1 warning``, ``2 warnings``, ``1,200 articles``."""
    return f"{n:,} {plural(n, word, words)}"


def units(n: int, unit: str) -> str:
    """A count of a stage's items, whose unit is given in the plural: ``1 article``, ``3 articles``."""
    return count(n, unit.removesuffix("s"), unit)


#: Articles a worker takes at a time (kg.extract.pipeline's batch): fewer articles than this per worker
#: gain nothing from another process.
BATCH = 16


def choose_jobs(jobs: int | None, articles: int, progress: Reporter) -> int:
    """The extraction processes for ``articles``: ``jobs`` when given, else :func:`default_jobs` but no more
    than one per batch of articles, said in one line (unless the articles make one batch)."""
    if jobs is not None:
        return jobs
    chosen, why = default_jobs()
    used = max(1, min(chosen, -(-articles // BATCH)))
    if articles > BATCH:  # fewer articles make one batch: one process whatever the machine
        batches = (f"; {used} {plural(used, 'process', 'processes')} for {units(articles, 'articles')}"
                   if used < chosen else "")
        progress.say(f"--jobs {chosen} ({why}){batches}")
    return used
