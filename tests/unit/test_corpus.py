"""Reading articles and manifests; cleaning page furniture without losing prose."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.corpus import clean, decode, header_date, read_corpus, read_manifest
from kg.errors import InputError

PROSE = "Le ministre turc de la Défense s'est entretenu mardi par téléphone avec son homologue ukrainien."


@pytest.mark.parametrize("furniture", [
    "Lire aussi : Un autre sujet sans rapport",
    "À LIRE AUSSI Les élections au Portugal",
    "À consulter également : une enquête sur le climat",
    "Lire également : des perquisitions en Roumanie",
    "Publicité",
    "Photo : AFP",
    "Crédit photo : Reuters",
    "Source : https://example.org/article",
    "Commentaires (3)",
    "Comment (0)",
    "© Agence France-Presse",
    # an English page's links to other stories: their headlines tell another article's news
    "READ MORE: Leaders speak by phone as talks stall",
    "Read also | Two ministers hold video call",
    "Related: Defence chiefs spoke on Monday",
    "Related Stories: A call between two presidents",
    "Advertisement",
    "Share this article",
    "Sign up for our daily newsletter",
])
def test_furniture_lines_are_dropped(furniture: str) -> None:
    assert clean(f"{PROSE}\n{furniture}\n{PROSE} Encore.") == f"{PROSE}\n{PROSE} Encore."


@pytest.mark.parametrize("prose", [
    PROSE,
    "Source de tensions, le tir a été condamné par Séoul.",
    "Lire entre les lignes du communiqué n'est pas simple, ont noté les diplomates.",
    "Photographiés ensemble à Genève, les deux ministres se sont serré la main.",
    # a caption is a sentence about the news, not a credit: its people and posts are kept
    "Photo : le ministre suédois de la Défense, Pål Jonson, accueille mardi son homologue finlandais à Stockholm.",
    "Related talks between the two ministers are planned for next week.",
    "Share prices fell after the call between the two leaders, traders said on Monday.",
    "Share prices fell on Monday.",
    "Watchdogs said the two presidents had spoken by phone on Sunday.",
])
def test_prose_lines_are_kept(prose: str) -> None:
    assert clean(prose) == prose


def test_repeated_paragraph_is_dropped_once() -> None:
    lead = ("Washington et Pékin ont repris leurs échanges militaires après deux ans d'interruption, "
            "a annoncé le Pentagone.")
    assert clean(f"{lead}\n\n{lead}\nSuite.") == f"{lead}\nSuite."


def test_header_dateline() -> None:
    raw = " date 2025-03-04 Le texte commence ici."
    assert header_date(raw) == date(2025, 3, 4)
    assert clean(raw) == "Le texte commence ici."


@pytest.mark.parametrize("data, text", [
    ("Élysée".encode(), "Élysée"),
    ("\ufeffÉlysée".encode(), "Élysée"),
    ("Élysée".encode("utf-16"), "Élysée"),
    ("Élysée".encode("cp1252"), "Élysée"),
])
def test_decode(data: bytes, text: str) -> None:
    assert decode(data, "a.txt") == text


def test_binary_is_an_input_error() -> None:
    with pytest.raises(InputError, match="bin.txt"):
        decode(b"\x00\x01\x02binary", "bin.txt")


def test_manifest_and_folder(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "b.md").write_text(PROSE, encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps(
        [{"file": "a.txt", "published": "2024-05-02", "url": "https://example.org/a", "lang": "fr"}]))
    articles = list(read_corpus([str(tmp_path)]))
    assert [a.id for a in articles] == ["a.txt", "b.md"]
    assert articles[0].published == date(2024, 5, 2) and articles[0].url == "https://example.org/a"
    assert articles[1].published is None and len(articles[0].sha256) == 64


@pytest.mark.parametrize("content, message", [
    ("[{\"file\": \"a.txt\",}]", "manifest.json:1:"),
    ("{\"file\": \"a.txt\"}", "JSON list"),
    ("[{\"published\": \"2024-01-01\"}]", "without a 'file'"),
    ("[{\"file\": \"a.txt\", \"published\": \"2024-02-31\"}]", "impossible publication date"),
])
def test_bad_manifests(tmp_path, content: str, message: str) -> None:
    (tmp_path / "manifest.json").write_text(content)
    with pytest.raises(InputError, match=message):
        read_manifest(tmp_path)


def test_missing_source_names_the_path() -> None:
    with pytest.raises(InputError, match="nowhere.txt"):
        list(read_corpus(["nowhere.txt"]))


# ------------------------------------------------------------------ RDF is not an article; a folder without manifest

TURTLE = "@prefix ex: <http://example.org/> .\nex:ministre ex:appelle ex:homologue .\n"


@pytest.mark.parametrize("name", ["graph.ttl", "graph.NT", "graph.nq", "graph.trig", "graph.jsonld", "graph.rdf",
                                  "ontology.owl"])
def test_rdf_files_are_refused_by_suffix_with_the_commands_meant(tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PROSE, encoding="utf-8")  # the suffix decides, before the file is read
    with pytest.raises(InputError, match=name) as e:
        list(read_corpus([str(path)]))
    for command in ("kg validate", "kg query NAME --data", "kg export --data"):
        assert command in str(e.value)


@pytest.mark.parametrize("content", [
    TURTLE,
    "# un graphe\n\n@base <http://example.org/> .\n",
    "PREFIX ex: <http://example.org/>\nex:a ex:b ex:c .\n",
    "<http://example.org/a> <http://example.org/b> \"Le ministre\"@fr .\n",
    "_:b0 <http://example.org/b> <http://example.org/c> <http://example.org/g> .\n",
    '{\n  "@context": {"ex": "http://example.org/"},\n  "@id": "ex:a"\n}\n',
    '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n',
])
def test_rdf_content_is_refused_whatever_the_suffix(tmp_path, content: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="RDF content.*kg validate"):
        list(read_corpus([str(path)]))


@pytest.mark.parametrize("prose", [
    PROSE,
    "Prefix et suffixe : le ministre a appelé son homologue.",
    "<Note de la rédaction> Le ministre a appelé son homologue.",
    "@Elysee a publié le compte rendu de l'appel.",
    '{"citation": "nous avons parlé"}, a dit le ministre.',
])
def test_prose_that_merely_starts_like_rdf_is_read(tmp_path, prose: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(prose, encoding="utf-8")
    assert [a.text for a in read_corpus([str(path)])] == [prose]


def test_a_folder_without_manifest_gets_one_warning_once_read(tmp_path, capsys) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(f"{PROSE} ({name})", encoding="utf-8")
    (tmp_path / "d.txt").write_text(f" date 2025-01-31 {PROSE}", encoding="utf-8")  # dated by its header
    articles = read_corpus([str(tmp_path)])
    assert next(articles).id == "a.txt" and capsys.readouterr().err == ""  # nothing said before the end
    assert len(list(articles)) == 3
    warnings = capsys.readouterr().err.splitlines()
    assert warnings == [f"warning: {tmp_path}: no manifest.json: the publication date of 3 of 4 articles is "
                        "guessed from the text only (a dateline), so calls reported without a date of their own "
                        "may stay undated"]
    (tmp_path / "manifest.json").write_text("[]", encoding="utf-8")
    list(read_corpus([str(tmp_path)]))
    assert "manifest" not in capsys.readouterr().err


def test_a_folder_of_dated_articles_needs_no_manifest(tmp_path, capsys) -> None:
    (tmp_path / "a.txt").write_text(f" date 2025-01-31 {PROSE}", encoding="utf-8")
    assert [a.published for a in read_corpus([str(tmp_path)])] == [date(2025, 1, 31)]
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("heading", ["Sur le même sujet", "À lire aussi", "Les plus lus", "Most read",
                                     "Related stories:"])
def test_headlines_listed_under_a_heading_of_links_are_dropped(heading: str) -> None:
    raw = (f"{PROSE}\n{heading}\nMacron et Poutine se sont entretenus au téléphone pendant deux heures\n"
           "1. Ukraine : Starmer et Merz ont parlé au téléphone avec Erdogan\n\n"
           "Zelensky a appelé Trump : « Nous avons besoin de missiles »")
    assert clean(raw) == PROSE


def test_a_prose_paragraph_ends_a_list_of_links() -> None:
    raw = f"Articles liés\nLe sommet de l'Otan s'ouvre à La Haye\n{PROSE}\nSous-titre court"
    assert clean(raw) == f"{PROSE}\nSous-titre court"


def test_markup_glue_and_character_references_are_undone() -> None:
    raw = "Le ministre s&#39;est entretenu avec Y sur l&rsquo;Ukraine.Le lendemain,il a appelé Z, soit 1,5 heure."
    want = "Le ministre s'est entretenu avec Y sur l’Ukraine. Le lendemain, il a appelé Z, soit 1,5 heure."
    assert clean(raw) == want


def test_initials_keep_their_stops() -> None:
    assert clean("J.D. Vance et U.S. officials.") == "J.D. Vance et U.S. officials."
