"""Progress of long commands: plain lines off a terminal, a rich bar on one, silence under --quiet; --jobs."""

from __future__ import annotations

import io
import re

import pytest

from kg import progress
from kg.progress import Bar, Lines, Notes, Reporter, as_reporter, choose_jobs, count, default_jobs, to_stderr


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def lines(stream: io.StringIO) -> list[str]:
    return stream.getvalue().splitlines()


def running(out: io.StringIO, clock: Clock) -> Lines:
    """Lines of a command that has been running for a while (past the quiet first seconds)."""
    tell = Lines(out, clock=clock)
    clock.now += 6
    return tell


def test_a_quick_command_prints_only_its_notes() -> None:
    out, clock = io.StringIO(), Clock()
    with Lines(out, clock=clock) as tell:
        tell.stage("reading")
        tell.advance(3)
        tell.stage("extracting", total=2)
        clock.now += 1
        tell.advance(2)
        tell("stored 2/2 new or changed articles (b.txt)")
        tell.stage("resolving")
    assert lines(out) == ["kg: stored 2/2 new or changed articles (b.txt)"]


def test_lines_say_each_stage_and_each_tenth_with_rate_and_time_left() -> None:
    out, clock = io.StringIO(), Clock()
    tell = running(out, clock)
    tell.stage("extracting", total=200)
    for _ in range(40):
        clock.now += 0.1
        tell.advance()
    assert lines(out) == [
        "kg: extracting: 200 articles",
        "kg: extracting: 20/200 articles (10%), 10.0 articles/s, about 18 s left",
        "kg: extracting: 40/200 articles (20%), 10.0 articles/s, about 16 s left",
    ]


def test_lines_come_every_five_seconds_when_a_tenth_takes_longer() -> None:
    out, clock = io.StringIO(), Clock()
    tell = Lines(out, clock=clock)
    tell.stage("extracting", total=1000)  # said at the first count, five seconds in
    for _ in range(12):
        clock.now += 1.0
        tell.advance()
    assert lines(out) == ["kg: extracting: 5/1,000 articles (0%), 1.0 articles/s, about 16 min 35 s left",
                              "kg: extracting: 10/1,000 articles (1%), 1.0 articles/s, about 16 min 30 s left"]


def test_a_stage_ends_with_its_count_and_notes_are_printed() -> None:
    out, clock = io.StringIO(), Clock()
    with running(out, clock) as tell:
        tell.stage("reading")
        tell.advance(3)
        tell("stored 1/3 new or changed articles (a.txt)")
        tell.stage("resolving")
    assert lines(out) == ["kg: reading", "kg: stored 1/3 new or changed articles (a.txt)",
                          "kg: reading: 3 articles", "kg: resolving"]


def test_a_finished_stage_is_not_said_twice() -> None:
    out = io.StringIO()
    with running(out, Clock()) as tell:
        tell.stage("pushing", total=1, unit="graphs")
        tell.advance()
    assert lines(out) == ["kg: pushing: 1 graph", "kg: pushing: 1/1 graph (100%)"]


def test_quiet_is_silent_and_a_pipe_gets_lines(monkeypatch, capsys) -> None:
    quiet = to_stderr(quiet=True, stream=Terminal())
    assert type(quiet) is Reporter
    with quiet:
        quiet.stage("extracting", total=3)
        quiet.advance()
        quiet("note")
        quiet.say("--jobs 2")
    assert capsys.readouterr() == ("", "")
    assert isinstance(to_stderr(stream=io.StringIO()), Lines)
    monkeypatch.setenv("TERM", "dumb")
    assert isinstance(to_stderr(stream=Terminal()), Lines)


def test_a_terminal_gets_a_live_bar_with_counts_rate_and_note(monkeypatch) -> None:
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.setenv("COLUMNS", "160")
    screen = Terminal()
    with to_stderr(stream=screen) as bar:
        assert isinstance(bar, Bar)
        bar.stage("extracting", total=10)
        bar("stored 2/10 new or changed articles (a.txt)")
        for _ in range(10):
            bar.advance()
        bar.bar.refresh()
        bar.say("--jobs 2 (2 usable cores)")
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue()).replace("\r", "\n")
    assert "extracting" in drawn and "10/10 100%" in drawn and "articles/s" in drawn
    assert "stored 2/10 new or changed articles (a.txt)" in drawn and "kg: --jobs 2 (2 usable cores)\n" in drawn


def test_a_long_note_is_cut_so_the_counts_keep_their_room(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    screen = Terminal()
    with Bar(screen) as bar:
        bar.stage("pushing", total=3, unit="graphs")
        bar("x" * 200)
        bar.advance()
        bar.bar.refresh()
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "x" * (Bar.NOTE - 1) + "…" in drawn and "x" * Bar.NOTE not in drawn and "1/3  33%" in drawn


def test_plain_callables_get_the_notes_only() -> None:
    seen: list[str] = []
    tell = as_reporter(seen.append)
    assert isinstance(tell, Notes)
    tell.stage("extracting", total=2)
    tell.advance()
    tell("stored 1/2")
    assert seen == ["stored 1/2"]
    assert type(as_reporter(None)) is Reporter


def test_default_jobs_are_the_usable_cores_capped_by_memory(monkeypatch) -> None:
    monkeypatch.setattr(progress, "_usable_cores", lambda: 8)
    monkeypatch.setattr(progress, "_available_memory", lambda: 3 * 2**30)
    jobs, why = default_jobs()
    assert jobs == 6 and "8 usable cores" in why and "3.0 GB" in why and "512 MB a worker" in why
    monkeypatch.setattr(progress, "_available_memory", lambda: 100 * 2**20)
    assert default_jobs()[0] == 1
    monkeypatch.setattr(progress, "_available_memory", lambda: None)
    assert default_jobs() == (8, "8 usable cores")


def test_available_memory_is_read_from_meminfo(tmp_path) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       16000000 kB\nMemAvailable:    2000000 kB\n", encoding="ascii")
    assert progress._available_memory(str(meminfo)) == 2_000_000 * 1024
    assert progress._available_memory(str(tmp_path / "none")) is None


def test_chosen_jobs_are_said_and_given_jobs_are_kept(monkeypatch) -> None:
    monkeypatch.setattr(progress, "default_jobs", lambda: (4, "4 usable cores"))
    out = io.StringIO()
    assert choose_jobs(None, 100, Lines(out)) == 4
    assert choose_jobs(None, 20, Lines(out)) == 2  # one process per batch of 16 articles
    assert choose_jobs(None, 16, Lines(out)) == 1  # one batch: nothing to choose, nothing said
    assert choose_jobs(3, 1, Lines(out)) == 3
    assert lines(out) == ["kg: --jobs 4 (4 usable cores)", "kg: --jobs 4 (4 usable cores); 2 processes for 20 articles"]


@pytest.mark.parametrize("n, word, words, text", [
    (0, "warning", None, "0 warnings"), (1, "warning", None, "1 warning"), (2, "warning", None, "2 warnings"),
    (1, "person", "people", "1 person"), (3, "person", "people", "3 people"), (1200, "article", None, "1,200 articles"),
])
def test_counts_have_english_plurals(n: int, word: str, words: str | None, text: str) -> None:
    assert count(n, word, words) == text


def test_build_summary_words_its_counts() -> None:
    from kg.build import BuildSummary

    summary = BuildSummary(articles=1, people=1, offices=2, calls=1, missiles=0, treaties=1, triples=1,
                           unresolved_calls=0, output="g.trig", violations=1, warnings=1)
    assert summary.text() == ("1 article: 1 person, 2 offices, 1 call, 0 missile systems, 1 treaty; 1 triple; "
                              "does not conform to the shapes: 1 violation, 1 warning, 0 infos\nwritten to g.trig")


def test_a_real_pseudo_terminal_gets_the_bar() -> None:
    """stderr on a pty (as in an interactive shell): the bar is drawn there, with its counts."""
    import os
    import pty
    import subprocess
    import sys

    script = ("from kg.progress import to_stderr\n"
              "with to_stderr() as p:\n"
              "    print(type(p).__name__, flush=True)\n"
              "    p.stage('extracting', total=4)\n"
              "    [p.advance() for _ in range(4)]\n"
              "    p.bar.refresh()\n")
    main, child = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    run = subprocess.run([sys.executable, "-c", script], stderr=child, stdout=subprocess.PIPE, text=True,
                         env=env, timeout=60, check=True)
    os.close(child)
    drawn = os.read(main, 65536).decode("utf-8", "replace")
    os.close(main)
    assert run.stdout == "Bar\n"
    assert "extracting" in drawn and "4/4" in drawn and "\x1b[" in drawn  # drawn with terminal codes
