"""Issue 13, store holes: manifest edits re-extract, readers lock the store, OS failures get their documented
exit codes, a corpus folder never builds an empty graph in silence, and names cannot forge output lines.

Extraction is a stub (facts made by hand from each article's text and metadata), so nothing here loads spaCy.
"""

from __future__ import annotations

import errno
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import EXIT_INPUT, EXIT_STORE, InputError, StoreError, printable, short
from kg.ingest import BuildStore
from kg.store import FACTS_DIR, LOCK_FILE, reading
from kg.store.embedded import KGStore
from kg.store.lock import StoreLocked, holder, lock_holders
from tests.conftest import ROOT, kg_process, run_kg
from tests.factories import commit, facts, fake_extract

kg = run_kg
PROSE = "Le chef d'état-major a parlé au téléphone avec son homologue, a indiqué son cabinet."


# ------------------------------------------------------------------ helpers


def corpus(folder: Path, manifest: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, entry in enumerate(manifest):
        (folder / entry["file"]).write_text(f"{PROSE} ({n})", encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def quads(store: Path) -> set:
    with KGStore.writing(store) as kgs:
        return set(kgs.db)


def python(code: str, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


# ------------------------------------------------------------------ 3. manifest edits


MANIFEST = [{"file": "a.txt", "published": "2023-03-01", "url": "https://example.org/a"},
            {"file": "b.txt", "published": "2023-03-02"}]


@pytest.mark.parametrize("edit", [{"published": "2023-04-15"}, {"url": "https://example.org/moved"},
                                  {"lang": "en"}, {"published": None}])
def test_a_manifest_edit_re_extracts_that_article_only(tmp_path: Path, monkeypatch, edit: dict) -> None:
    seen: list[str] = []
    monkeypatch.setattr("kg.build.extract", fake_extract(seen))
    src, store = corpus(tmp_path / "c", MANIFEST), tmp_path / "s"
    build([str(src)], store=store, validate=False)
    edited = [{**MANIFEST[0], **edit}, MANIFEST[1]]
    (src / "manifest.json").write_text(json.dumps(edited), encoding="utf-8")
    seen.clear()
    summary = build([str(src)], store=store, validate=False)
    assert seen == ["a.txt"]
    assert (summary.added, summary.changed, summary.unchanged) == (0, 1, 1)
    build([str(src)], store=tmp_path / "fresh", validate=False)
    assert quads(store) == quads(tmp_path / "fresh")
    assert len(list((store / FACTS_DIR).iterdir())) == 2  # the old version's facts were collected
    seen.clear()
    assert build([str(src)], store=store, validate=False).unchanged == 2 and seen == []


def test_facts_cached_for_a_new_manifest_entry_are_committed_not_skipped(tmp_path: Path, monkeypatch) -> None:
    """A build killed after caching the new version's facts but before its commit: the rerun commits them."""
    from kg.corpus import read_corpus
    from kg.ingest import plan

    seen: list[str] = []
    monkeypatch.setattr("kg.build.extract", fake_extract(seen))
    src, store = corpus(tmp_path / "c", MANIFEST[:1]), tmp_path / "s"
    build([str(src)], store=store, validate=False)
    (src / "manifest.json").write_text(json.dumps([{**MANIFEST[0], "published": "2024-01-01"}]), encoding="utf-8")
    [raw] = list(read_corpus([str(src)]))
    new = next(fake_extract([])([raw]))
    with BuildStore.writing(store) as kgs:
        kgs.facts.put(new, extractor="x", source=raw.source)
        work = plan(kgs, [raw], extractor="x")
        assert work.unchanged == [] and work.cached == [new] and work.replacing == {"a.txt"}


def test_two_manifest_entries_that_give_one_graph_are_both_kept(tmp_path: Path, monkeypatch) -> None:
    """A date in the manifest, or none and the same date from the article's dateline: one graph, two versions.
    The facts of both are kept, so switching between them never extracts again."""
    seen: list[str] = []
    stub = fake_extract(seen)
    dateline = date(2023, 3, 1)

    def extract(raws, **kwargs):  # the extractor dates an undated article from its dateline
        for f in stub(raws, **kwargs):
            yield replace(f, article=replace(f.article, published=f.article.published or dateline))

    monkeypatch.setattr("kg.build.extract", extract)
    src, store = corpus(tmp_path / "c", [{"file": "a.txt", "published": dateline.isoformat()}]), tmp_path / "s"
    build([str(src)], store=store, validate=False)
    graph = quads(store)
    for manifest in ([{"file": "a.txt"}], [{"file": "a.txt", "published": dateline.isoformat()}],
                     [{"file": "a.txt"}]):
        (src / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        build([str(src)], store=store, validate=False)
        assert quads(store) == graph
    assert seen == ["a.txt", "a.txt"]  # each version extracted once, then reused
    assert len(list((store / FACTS_DIR).iterdir())) == 2


def test_the_version_key_covers_what_feeds_extraction() -> None:
    from kg.corpus import RawArticle

    base = RawArticle("a.txt", "a.txt", "texte", "0" * 64)
    assert base.source == ""  # no metadata: the cache file names of earlier stores still apply
    variants = [replace(base, published=date(2023, 1, 1)), replace(base, url="https://example.org/a"),
                replace(base, lang="en")]
    assert len({v.source for v in variants} | {base.source}) == 4


# ------------------------------------------------------------------ 7. locking


HOLD_WRITER = """
    import sys, time
    from kg.store.embedded import KGStore
    with KGStore.writing(sys.argv[1]):
        print("holding", flush=True)
        time.sleep(60)
"""

HOLD_READER = """
    import sys, time
    from kg.store import reading
    with reading(sys.argv[1]) as db:
        print("reading", len(db), flush=True)
        time.sleep(60)
"""


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store with two articles."""
    path = tmp_path / "s"
    with BuildStore.writing(path) as kgs:
        both = {"a.txt": facts("a.txt"), "b.txt": facts("b.txt", milley=False)}
        for f in both.values():
            kgs.facts.put(f, extractor="m")
        commit(kgs, both, replaced=list(both))
    return path


@pytest.fixture
def held(request):
    """Start a helper process holding the store (``request.param``: writer or reader code); kill it after."""
    children: list[subprocess.Popen] = []

    def start(code: str, path: Path) -> subprocess.Popen:
        child = python(code, str(path))
        children.append(child)
        assert child.stdout is not None and child.stdout.readline().split()[0] in ("holding", "reading")
        return child

    yield start
    for child in children:
        child.kill()
        child.wait()


@pytest.mark.parametrize("command", [
    ["articles", "--store", "{s}"],
    ["query", "calls", "--data", "{s}", "--format", "tsv"],
    ["export", "--data", "{s}", "--format", "nquads"],
    ["validate", "{s}"],
    ["push", "--endpoint", "http://127.0.0.1:9/x", "--data", "{s}"],
])
def test_readers_wait_for_a_writer_and_name_it(store: Path, held, capsys, monkeypatch, command) -> None:
    writer = held(HOLD_WRITER, store)
    monkeypatch.setenv("KG_LOCK_TIMEOUT", "0.3")
    code, out, err = kg(*(a.format(s=store) for a in command))
    assert code == EXIT_STORE and out == ""
    assert f"locked by another kg process (pid {writer.pid})" in err and err.count("\n") == 1


@pytest.mark.skipif(not Path("/proc/locks").is_file(), reason="no kernel lock table (/proc/locks) to name readers")
def test_readers_share_and_a_writer_names_them(store: Path, held, capsys, monkeypatch) -> None:
    reader = held(HOLD_READER, store)
    code, out, _ = kg("articles", "--store", str(store))  # a second reader is welcome
    assert code == 0 and len(out.splitlines()) == 3
    monkeypatch.setenv("KG_LOCK_TIMEOUT", "0.3")
    with pytest.raises(StoreLocked, match=rf"being read by another kg process \(pid {reader.pid}\)"), \
            KGStore.writing(store):
        pass


def test_the_lock_file_names_only_a_live_holder(store: Path, held, monkeypatch) -> None:
    lock = store / LOCK_FILE
    assert lock.read_text() == ""  # the writer that made the store has gone: it named itself only while there
    writer = held(HOLD_WRITER, store)
    assert lock.read_text().strip() == str(writer.pid)
    assert holder(lock) == f" (pid {writer.pid})"
    writer.kill()
    writer.wait()
    assert holder(lock) == ""  # a killed writer leaves its pid in the file, but it is never named
    monkeypatch.setattr("kg.store.lock.PROC_LOCKS", store / "no-such-table")  # systems without /proc/locks
    assert lock_holders(lock) == []
    with KGStore.writing(store):
        assert lock_holders(lock) == [(os.getpid(), "WRITE")]


def test_a_query_holds_one_readers_lock_until_its_process_writes(store: Path) -> None:
    from kg.store import open_data
    from kg.store.lock import _HELD

    for _ in range(3):
        assert len(open_data(store)) > 0
    assert [kind for _, kind in lock_holders(store / LOCK_FILE)] == ["READ"]  # once, however often it is opened
    with KGStore.writing(store):  # this process writing: its own reader's lock goes first
        assert lock_holders(store / LOCK_FILE) == [(os.getpid(), "WRITE")]
    assert not _HELD.get(str(store / LOCK_FILE))


def test_a_build_never_names_itself_as_the_holder(store: Path, monkeypatch) -> None:
    """A program other than kg holding the database open (an Oxigraph server): the message says so."""
    monkeypatch.setenv("KG_LOCK_TIMEOUT", "0.3")
    child = python("""
        import sys, time, pyoxigraph
        db = pyoxigraph.Store(sys.argv[1])
        print("holding", flush=True)
        time.sleep(60)
    """, str(store))
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        with pytest.raises(StoreError) as e, KGStore.writing(store):
            pass
        assert f"pid {os.getpid()}" not in str(e.value) and "open in another program" in str(e.value)
        assert f"pid {child.pid}" in str(e.value)
    finally:
        child.kill()
        child.wait()


class SlowEndpoint(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint that takes its time over every request."""

    started = threading.Event()
    release = threading.Event()

    def _slow(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        SlowEndpoint.started.set()
        SlowEndpoint.release.wait(30)
        self.send_response(204)
        self.end_headers()

    do_POST = do_PUT = do_GET = do_DELETE = _slow

    def log_message(self, *_args) -> None:
        pass


def test_a_push_to_a_slow_endpoint_does_not_block_writers(store: Path, monkeypatch) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowEndpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    SlowEndpoint.started.clear()
    SlowEndpoint.release.clear()
    url = f"http://127.0.0.1:{server.server_address[1]}/store"
    push = kg_process("push", "--endpoint", url, "--data", str(store), "-q")
    try:
        assert SlowEndpoint.started.wait(30), "the push never reached the endpoint"
        monkeypatch.setenv("KG_LOCK_TIMEOUT", "1")
        with KGStore.writing(store) as kgs:  # the push is still waiting on the endpoint
            assert push.poll() is None and len(kgs.articles()) == 2
    finally:
        SlowEndpoint.release.set()
        push.kill()
        push.wait()
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------ 8. exit codes


def test_a_full_disk_during_a_store_build_is_a_store_error(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("kg.build.extract", fake_extract([]))
    src = corpus(tmp_path / "c", MANIFEST)

    def full(*_args, **_kwargs):
        raise OSError("IO error: No space left on device: While appending to file: 000008.log")

    monkeypatch.setattr(KGStore, "apply", full)
    code, out, err = kg("build", str(src), "--store", str(tmp_path / "s"), "--no-validate", "-q")
    assert code == EXIT_STORE and out == ""
    assert err.count("\n") == 1 and "the store could not be written: IO error: No space left" in err


def test_a_full_facts_cache_is_a_store_error(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("kg.build.extract", fake_extract([]))
    src = corpus(tmp_path / "c", MANIFEST)

    def fsync(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("kg.store.os.fsync", fsync)
    code, _, err = kg("build", str(src), "--store", str(tmp_path / "s"), "--no-validate", "-q")
    assert code == EXIT_STORE and "cannot cache the facts of 'a.txt': cannot write: No space left on device" in err


def _unshare() -> bool:
    """Whether this user can mount a tmpfs in its own namespaces (``unshare -rm``), to fill a real disk."""
    if shutil.which("unshare") is None:
        return False
    probe = Path(tempfile.mkdtemp(prefix="kg-tmpfs-probe-"))
    try:
        return subprocess.run(["unshare", "-rm", "mount", "-t", "tmpfs", "-o", "size=64k", "none", str(probe)],
                              capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        shutil.rmtree(probe, ignore_errors=True)


needs_tmpfs = pytest.mark.skipif(not _unshare(), reason="no user and mount namespaces (unshare -rm) to mount a "
                                                        "small tmpfs, so no real full disk to test on")

IN_TMPFS = """
    mount -t tmpfs -o size={size} none "$1" && shift && "$@"
"""


def in_small_tmpfs(mount: Path, size: str, *command: str) -> subprocess.CompletedProcess:
    mount.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(["unshare", "-rm", "sh", "-c", IN_TMPFS.format(size=size), "sh", str(mount), *command],
                          capture_output=True, text=True, env=env, timeout=120)


STUB_BUILD = """
    import sys
    import kg.build
    from tests.factories import fake_extract
    kg.build.extract = fake_extract([])
    from kg.cli import main
    main(sys.argv[1:])
"""


@needs_tmpfs
def test_a_really_full_disk_during_a_store_build_is_exit_4(tmp_path: Path) -> None:
    src = tmp_path / "c"
    src.mkdir()
    for n in range(40):
        (src / f"{n:02}.txt").write_text(f"{PROSE} {n} " + "Texte de remplissage. " * 4000, encoding="utf-8")
    (src / "manifest.json").write_text("[]", encoding="utf-8")  # no warning that dates are guessed
    mount = tmp_path / "mnt"
    run = in_small_tmpfs(mount, "512k", sys.executable, "-c", textwrap.dedent(STUB_BUILD), "build", str(src),
                         "--store", str(mount / "s"), "--no-validate", "-q")
    assert run.returncode == EXIT_STORE, run.stderr
    assert run.stderr.count("\n") == 1 and "No space left on device" in run.stderr


@needs_tmpfs
def test_a_full_tmpdir_on_export_to_stdout_is_exit_3(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.nt"
    big.write_text("".join(f"<http://example.org/s{n}> <http://example.org/p> \"{'x' * 200}\" .\n"
                           for n in range(5000)), encoding="utf-8")
    mount = tmp_path / "mnt"
    script = "import os, sys; os.environ['TMPDIR'] = sys.argv[1]; from kg.cli import main; main(sys.argv[2:])"
    run = in_small_tmpfs(mount, "256k", sys.executable, "-c", script, str(mount), "export", "--data", str(big),
                         "--format", "turtle")
    assert run.returncode == EXIT_INPUT and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "No space left on device (set TMPDIR" in run.stderr


def test_a_full_tmpdir_is_an_input_error_without_a_mount(tmp_path: Path, monkeypatch, capsys) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full to stand for a full temporary folder")
    (tmp_path / "g.nt").write_text("<http://example.org/s> <http://example.org/p> \"o\" .\n", encoding="utf-8")
    monkeypatch.setattr("kg.rdfio.write.tempfile.TemporaryFile", lambda: open("/dev/full", "w+b"))  # noqa: SIM115
    code, out, err = kg("export", "--data", str(tmp_path / "g.nt"), "--format", "turtle")
    assert code == EXIT_INPUT and out == "" and "No space left on device" in err


def test_a_token_over_16_mib_in_push_data_is_an_input_error(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.nt"
    with big.open("w", encoding="ascii") as f:
        f.write('<http://example.org/s> <http://example.org/p> "')
        f.write("x" * (17 * 2**20))
        f.write('" .\n')
    code, out, err = kg("push", "--endpoint", "http://127.0.0.1:9/x", "--data", str(big),
                        "--graph", "http://example.org/g")
    assert code == EXIT_INPUT and out == ""
    assert err.count("\n") == 1 and str(big) in err


LONG = "dossier-" + "x" * 5000


@pytest.mark.parametrize("command", [
    ["build", LONG, "--out", "g.trig"],
    ["build", "{corpus}", "--out", LONG + "/g.trig"],
    ["build", "{corpus}", "--store", LONG],
    ["query", "calls", "--data", LONG],
    ["articles", "--store", LONG],
    ["export", "--data", "{corpus}/a.txt", "--format", "turtle", "-o", LONG + ".ttl"],
    ["export", "--data", LONG, "--format", "turtle"],
    ["push", "--endpoint", "http://127.0.0.1:9/x", "--data", LONG],
])
def test_a_path_too_long_for_the_system_is_one_short_line(tmp_path: Path, capsys, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("kg.build.extract", fake_extract([]))
    corpus(tmp_path / "c", MANIFEST)
    code, out, err = kg(*(a.format(corpus=tmp_path / "c") for a in command))
    assert code == EXIT_INPUT and out == "", err
    assert err.count("\n") == 1 and len(err) < 400 and "characters)" in err


def test_a_too_long_path_that_click_checks_is_a_short_usage_error(tmp_path: Path, capsys) -> None:
    code, out, err = kg("validate", str(tmp_path / "g.ttl"), "--shapes", LONG)
    assert code == 2 and out == "" and len(err) < 600 and "characters) does not exist" in err


def test_short_paths_and_printable_names() -> None:
    assert short("a" * 100) == "a" * 100
    long = short("/" + "b" * 5000)
    assert len(long) < 200 and long.endswith("(5,001 characters)")
    assert printable("a\nb\tc\u202ed\\e\u200bf") == "a\\nb\\tc\\u202ed\\\\e\\u200bf"
    assert str(InputError("bad", path="x\ny")) == "x\\ny: bad"


# ------------------------------------------------------------------ 9. what a corpus folder holds


def test_suffixes_are_read_in_any_case(tmp_path: Path) -> None:
    from kg.corpus import read_corpus

    for name in ("a.TXT", "b.Md", "c.txt"):
        (tmp_path / name).write_text(f"{PROSE} {name}", encoding="utf-8")
    assert [a.id for a in read_corpus([str(tmp_path)])] == ["a.TXT", "b.Md", "c.txt"]


def test_every_skipped_entry_is_named_in_a_warning(tmp_path: Path, capsys) -> None:
    from kg.corpus import read_corpus

    folder = tmp_path / "c"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "inside.txt").write_text(PROSE, encoding="utf-8")
    (folder / "a.txt").write_text(PROSE, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "alias.txt").symlink_to(folder / "a.txt")  # inside the folder: read
    os.mkfifo(folder / "pipe.txt")  # never opened (reading it would block)
    assert [a.id for a in read_corpus([str(folder)])] == ["a.txt", "alias.txt"]
    err = capsys.readouterr().err
    assert f"{folder}: skipped sub-folders, not read (give each one as its own argument): 2024\n" in err
    assert "skipped files that are not .txt or .md articles: notes.pdf\n" in err
    assert "skipped broken symlinks and symlink loops: dangling.txt, loop.txt\n" in err
    assert "skipped symlinks to files outside the folder, not followed: passwd.txt\n" in err
    assert "skipped FIFOs, sockets and devices (not regular files): pipe.txt\n" in err
    assert "root:" not in err


@pytest.mark.parametrize("layout", ["empty", "subfolder", "upper-case-elsewhere"])
def test_a_folder_without_articles_is_an_input_error(tmp_path: Path, capsys, layout: str) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    if layout == "subfolder":
        (folder / "2024").mkdir()
        (folder / "2024" / "a.txt").write_text(PROSE, encoding="utf-8")
    elif layout == "upper-case-elsewhere":
        (folder / "a.TXT.bak").write_text(PROSE, encoding="utf-8")
    code, out, err = kg("build", str(folder), "--out", str(tmp_path / "g.trig"))
    assert code == EXIT_INPUT and out == ""
    assert f"kg: error: {folder}: no article to build" in err
    assert not (tmp_path / "g.trig").exists()
    if layout == "subfolder":
        assert "sub-folders" in err and ": 2024" in err


def test_a_fifo_given_as_an_article_is_refused_not_read(tmp_path: Path, capsys) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    code, _, err = kg("build", str(tmp_path / "pipe.txt"), "--out", str(tmp_path / "g.trig"))
    assert code == EXIT_INPUT and "not a regular file" in err


# ------------------------------------------------------------------ 11. many names, strange names


def test_a_huge_manifest_of_missing_files_is_one_warning_line(tmp_path: Path, capsys) -> None:
    from kg.corpus import read_corpus

    (tmp_path / "a.txt").write_text(PROSE, encoding="utf-8")
    entries = [{"file": "a.txt"}] + [{"file": f"absent-{n:06}.txt"} for n in range(100_000)]
    (tmp_path / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
    assert [a.id for a in read_corpus([str(tmp_path)])] == ["a.txt"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "lists 100,000 files that are not in the folder: absent-000000.txt" in err
    assert "and 99,995 more" in err


def test_kg_articles_escapes_names_and_has_a_header(tmp_path: Path, capsys) -> None:
    names = ["plain.txt", "two\nlines.txt", "evil\u202etxt.exe", "tab\there.txt"]
    store = tmp_path / "s"
    with BuildStore.writing(store) as kgs:
        commit(kgs, {n: facts(n) for n in names}, replaced=names)
    code, out, _ = kg("articles", "--store", str(store))
    lines = out.splitlines()
    assert code == 0 and lines[0] == "file\tsha256\ttriples" and len(lines) == 1 + len(names)
    assert sorted(line.split("\t")[0] for line in lines[1:]) == sorted(printable(n) for n in names)
    assert all(line.count("\t") == 2 and "\u202e" not in line for line in lines)


def test_reading_a_store_never_creates_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError), reading(tmp_path / "nothing-here"):
        pass
    assert not (tmp_path / "nothing-here").exists()
