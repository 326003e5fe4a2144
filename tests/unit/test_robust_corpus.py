"""Articles and manifests as scrapers and users leave them: every case survives, without a traceback.

Reading is tested on :func:`kg.corpus.read_corpus`; the command line is tested where a case stops the
build (before the model is loaded, so these are fast); the cases that build are in one model test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.corpus import MAX_ARTICLE_BYTES, read_corpus, read_manifest
from kg.errors import InputError
from kg.textfile import decode, html_to_text, looks_like_html
from tests.conftest import run_kg

PROSE = "Le ministre turc de la Défense, Yasar Güler, s'est entretenu mardi avec son homologue grec."


kg = run_kg  # (exit code, stdout, stderr) of `kg ARGS`


def articles(folder: Path) -> list:
    return list(read_corpus([str(folder)]))


# ----------------------------------------------------------------- encodings and bytes


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-32", "latin-1",
                                      "cp1252"])
def test_encodings(tmp_path: Path, capsys, encoding: str) -> None:
    text = PROSE + " « Œuvre » – 5 €." if encoding != "latin-1" else PROSE
    data = (b"\xff\xfe" + text.encode("utf-16-le")) if encoding == "utf-16-le-bom" else text.encode(encoding)
    (tmp_path / "a.txt").write_bytes(data)
    [article] = articles(tmp_path)
    assert article.text == text
    warned = "read as Windows-1252" in capsys.readouterr().err
    assert warned == (encoding in ("latin-1", "cp1252"))


def test_bytes_undefined_in_windows_1252_do_not_crash(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(PROSE.encode("latin-1") + b" \x81\x8d\x9d fin.")
    [article] = articles(tmp_path)
    assert article.text.startswith(PROSE) and article.text.endswith("fin.")


def test_nul_and_control_characters_become_spaces(tmp_path: Path) -> None:
    raw = PROSE + " Le\x00ministre\x07 a\x1b parlé\x0c hier.\tFin\x85.\r\nSuite\x7f. " + PROSE
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    [article] = articles(tmp_path)
    assert article.text == PROSE + " Le ministre  a  parlé  hier.\tFin .\r\nSuite . " + PROSE
    assert len(article.text) == len(raw)  # one space per control character: offsets keep their meaning


@pytest.mark.parametrize("data, message", [
    (bytes(range(256)) * 40, "binary file"),
    ("Élysée".encode("utf-16-le"), "byte-order mark"),
    (b"\xff\xfe" + b"\x00\xd8", "invalid UTF-16 text"),  # a lone surrogate
])
def test_binary_and_broken_files_are_input_errors(tmp_path: Path, data: bytes, message: str) -> None:
    (tmp_path / "bad.txt").write_bytes(data)
    with pytest.raises(InputError, match=message) as e:
        articles(tmp_path)
    assert str(tmp_path / "bad.txt") in str(e.value)


def test_empty_articles_are_skipped_with_a_warning(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "real.txt").write_text(PROSE, encoding="utf-8")
    assert [a.id for a in articles(tmp_path)] == ["real.txt"]
    err = capsys.readouterr().err
    assert "empty.txt: empty article, skipped" in err and "blank.txt: empty article, skipped" in err


def test_a_50_mb_article_is_refused_before_it_is_read(tmp_path: Path, capsys) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # a sparse file: 50 MB on paper, nothing on disk
        f.truncate(50 * 10**6)
    with pytest.raises(InputError, match="larger than"):
        articles(tmp_path)
    code, out, err = kg("build", str(big), "--out", str(tmp_path / "g.trig"))
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and f"{big}: article larger than" in err and "Traceback" not in err
    assert not (tmp_path / "g.trig").exists()


def test_stdin_is_bounded(monkeypatch) -> None:
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(b"x" * (MAX_ARTICLE_BYTES + 10))

    monkeypatch.setattr(sys, "stdin", Stdin)
    with pytest.raises(InputError, match="-: article larger than"):
        list(read_corpus(["-"]))


# ----------------------------------------------------------------- HTML pages

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><title>Le Monde - International</title><script>var tracker = 1;</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Accueil</a> | <a href="/monde">Monde</a></nav>
<article><h1>Appel entre ministres</h1>
<p>Le ministre des Armées, Sébastien Lecornu, s&#39;est entretenu mercredi par téléphone avec
son homologue russe, Sergueï Choïgou.</p><p>L&rsquo;appel a duré une heure&nbsp;environ.</p></article>
<footer>© Le Monde</footer></body></html>"""


def test_an_html_page_is_read_as_its_text(tmp_path: Path, capsys) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    [article] = articles(tmp_path)
    assert article.text == ("Appel entre ministres\n\nLe ministre des Armées, Sébastien Lecornu, s'est "
                            "entretenu mercredi par téléphone avec son homologue russe, Sergueï Choïgou.\n\n"
                            "L’appel a duré une heure environ.")
    assert "page.txt: an HTML page" in capsys.readouterr().err


@pytest.mark.parametrize("text, html", [
    (PAGE, True), ("<?xml version='1.0'?>\n<html><body>x</body></html>", True),
    ("<!-- saved -->\n<HTML><BODY>x</BODY></HTML>", True),
    ("Le texte cite la balise <html> en passant.", False), ("a < b et c > d", False),
])
def test_html_detection(text: str, html: bool) -> None:
    assert looks_like_html(text) == html


def test_broken_html_does_not_crash() -> None:
    assert html_to_text("<html><body><p>Un <b>texte <i>mal</b> fermé<p>Deux &bogus; <script>x") == \
        "Un texte mal fermé\n\nDeux &bogus;"


def test_decode_is_total_on_random_bytes() -> None:
    import random

    rng = random.Random(6)
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        try:
            decode(data, "r.txt")
        except InputError as e:
            assert str(e).startswith("r.txt: ")


# ----------------------------------------------------------------- manifests


@pytest.mark.parametrize("content, message", [
    ('[{"file": "a.txt",}]', "manifest.json:1:19: malformed JSON"),
    ('{"file": "a.txt"}', "JSON list"),
    ('[{"published": "2024-01-01"}]', "without a 'file'"),
    ('[{"file": 7}]', "without a 'file'"),
    ('["a.txt"]', "without a 'file'"),
    ('[{"file": "a.txt", "published": "2024-02-31"}]', "impossible publication date"),
    ('[{"file": "a.txt", "published": "31/01/2024"}]', "impossible publication date"),
    ('[{"file": "a.txt", "published": 2024}]', "impossible publication date"),
    ('[{"file": "a.txt", "url": {"href": "x"}}]', "'url' must be a string"),
    ('[{"file": "a.txt", "lang": ["fr"]}]', "'lang' must be a string"),
    ('[{"file": "a.txt"}, {"file": "a.txt"}]', "listed twice"),
    (b"\xff\xfe[".decode("latin-1"), "malformed JSON"),
])
def test_bad_manifests(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "manifest.json").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as e:
        read_manifest(tmp_path)
    assert "manifest.json" in str(e.value)


def test_manifest_with_bom_unknown_files_and_missing_fields(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PROSE + " Deux.", encoding="utf-8")
    manifest = [{"file": "a.txt"}, {"file": "ghost.txt", "published": "2024-01-01"}]
    (tmp_path / "manifest.json").write_text("\ufeff" + json.dumps(manifest), encoding="utf-8")
    read = articles(tmp_path)
    assert [(a.id, a.published, a.url, a.lang) for a in read] == [("a.txt", None, None, "fr"),
                                                                    ("b.txt", None, None, "fr")]
    assert "lists ghost.txt, which is not in the folder" in capsys.readouterr().err


def test_bad_manifest_stops_the_build_with_exit_3(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "manifest.json").write_text('[{"file": "a.txt", "published": "2024-13-01"}]', encoding="utf-8")
    code, out, err = kg("build", str(tmp_path), "--out", str(tmp_path / "g.trig"))
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and "manifest.json: a.txt: impossible publication date" in err
    assert not (tmp_path / "g.trig").exists()


def test_same_article_under_two_names_is_kept_and_named(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(PROSE, encoding="utf-8")
    assert [a.id for a in articles(tmp_path)] == ["a.txt", "copy.txt"]
    assert f"copy.txt: same content as {tmp_path / 'a.txt'}" in capsys.readouterr().err
