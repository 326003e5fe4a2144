"""RDF and SPARQL from users: broken, huge, deep or hostile input gives one line and exit 3, never a
traceback; outputs are atomic.  Every case goes through the console entry point ``kg.cli.main``."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from tests.conftest import run_kg

GOOD = """@prefix ex: <http://example.org/> .
ex:a ex:p "un"@fr ; ex:q "4"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .
"""


kg = run_kg  # (exit code, stdout, stderr) of `kg ARGS`


def one_line_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith("kg: error:"), err
    for needle in needles:
        assert needle in lines[0], err


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.ttl"
    path.write_text(GOOD, encoding="utf-8")
    return path


# ----------------------------------------------------------------- syntax errors


def test_turtle_syntax_error_is_exit_3_with_line_and_column(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:p "open .\n', encoding="utf-8")
    for args in (["export", "--data", str(bad), "--format", "nt"], ["query", "people", "--data", str(bad)],
                 ["validate", str(bad)]):
        code, out, err = kg(*args)
        assert code == 3, (args, err)  # an input error, never "does not conform" (1)
        one_line_error(err, f"{bad}:2:")
        assert out == ""


def test_sparql_syntax_error_names_file_line_column(tmp_path: Path, good: Path, capsys) -> None:
    rq = tmp_path / "bad.rq"
    rq.write_text("SELECT ?s WHERE {\n  ?s ?p \n}\n", encoding="utf-8")
    code, _, err = kg("query", str(rq), "--data", str(good))
    assert code == 3
    one_line_error(err, f"{rq}:3:")


def test_unknown_stored_query_and_missing_query_file(tmp_path: Path, good: Path, capsys) -> None:
    code, _, err = kg("query", "no-such-query", "--data", str(good))
    assert code == 3
    one_line_error(err, "no stored query named 'no-such-query'")
    code, _, err = kg("query", str(tmp_path / "missing.rq"), "--data", str(good))
    assert code == 3
    one_line_error(err, "missing.rq", "no such query file")


# ----------------------------------------------------------------- size and depth


def test_deeply_nested_turtle_is_parsed(tmp_path: Path, capsys) -> None:
    """rdflib overflows its stack at ~200 nested blank nodes; pyoxigraph does not recurse."""
    depth = 20_000
    deep = tmp_path / "deep.ttl"
    deep.write_text("<http://a> <http://p> " + "[ <http://p> " * depth + '"x"' + " ]" * depth + " .\n",
                    encoding="utf-8")
    out = tmp_path / "deep.nt"
    code, _, err = kg("export", "--data", str(deep), "--format", "nt", "-o", str(out))
    assert code == 0, err
    assert len(list(parse(path=str(out), format=RdfFormat.N_TRIPLES))) == depth + 1


def test_16_mib_literal_is_an_input_error(tmp_path: Path, capsys) -> None:
    huge = tmp_path / "huge.nt"
    with huge.open("w", encoding="utf-8") as f:
        f.write('<http://a> <http://p> "' + "x" * (16 * 2**20) + '" .\n')
    out = tmp_path / "out.ttl"
    code, _, err = kg("export", "--data", str(huge), "--format", "turtle", "-o", str(out))
    assert code == 3
    one_line_error(err, str(huge), "too long")
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["huge.nt"]


# ----------------------------------------------------------------- network and entities


RDF_XML = """<?xml version="1.0"?>
{prolog}<!DOCTYPE rdf:RDF [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&b;</ex:p></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize("prolog", ["", "<!-- " + "padding " * 20_000 + "-->\n"])
def test_rdf_xml_with_doctype_is_refused(tmp_path: Path, capsys, prolog: str) -> None:
    """Entities are expanded by the parser (billion laughs); the DOCTYPE is refused even after a
    comment longer than any fixed-size look-ahead."""
    xml = tmp_path / "laughs.rdf"
    xml.write_text(RDF_XML.replace("{prolog}", prolog), encoding="utf-8")
    for args in (["export", "--data", str(xml), "--format", "nt"], ["query", "people", "--data", str(xml)],
                 ["validate", str(xml)]):
        code, out, err = kg(*args)
        assert code == 3, (args, err)
        one_line_error(err, str(xml), "DOCTYPE")
        assert out == ""


def test_jsonld_remote_context_is_refused(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "remote.jsonld"
    doc.write_text('{"@context": "https://schema.org/", "@id": "http://example.org/a", "name": "x"}',
                   encoding="utf-8")
    for args in (["export", "--data", str(doc), "--format", "nt"], ["validate", str(doc)]):
        code, out, err = kg(*args)
        assert code == 3, (args, err)
        one_line_error(err, str(doc), "remote @context")


@pytest.mark.parametrize("text, word", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
])
def test_queries_reaching_out_are_refused(tmp_path: Path, good: Path, capsys, text: str, word: str) -> None:
    rq = tmp_path / "out.rq"
    rq.write_text(text, encoding="utf-8")
    code, out, err = kg("query", str(rq), "--data", str(good))
    assert code == 3
    one_line_error(err, str(rq), word, "--allow-network")
    assert out == ""


def test_keywords_inside_strings_iris_and_comments_are_not_refused(tmp_path: Path, good: Path, capsys) -> None:
    rq = tmp_path / "fine.rq"
    rq.write_text('# SERVICE LOAD\nSELECT ?s WHERE { ?s <http://example.org/p> ?o '
                  'FILTER(?o != "SERVICE <x>" && ?s != <http://example.org/#LOAD>) }\n', encoding="utf-8")
    code, out, err = kg("query", str(rq), "--data", str(good), "--format", "csv")
    assert code == 0, err
    assert out.splitlines() == ["s", "http://example.org/a"]


def test_refuse_network_allows_when_asked() -> None:
    from kg.errors import NetworkRefused
    from kg.query import refuse_network

    with pytest.raises(NetworkRefused):
        refuse_network("SELECT * WHERE { SERVICE <http://x/> {} }")
    refuse_network("SELECT * FROM <https://w3id.org/kg-news/graph/merged> WHERE { ?s ?p ?o }")


# ----------------------------------------------------------------- outputs


def test_export_round_trip_is_lossless_and_has_no_bom(tmp_path: Path, good: Path, capsys) -> None:
    for fmt, suffix in (("turtle", "ttl"), ("ntriples", "nt"), ("nquads", "nq"), ("trig", "trig"),
                        ("jsonld", "jsonld")):
        out = tmp_path / f"g.{suffix}"
        code, _, err = kg("export", "--data", str(good), "--format", fmt, "-o", str(out))
        assert code == 0, err
        assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
        assert set(parse(path=str(out))) == set(parse(path=str(good)))  # xsd:nonNegativeInteger kept


def test_output_folder_missing(tmp_path: Path, good: Path, capsys) -> None:
    code, _, err = kg("export", "--data", str(good), "--format", "nt", "-o",
                      str(tmp_path / "nowhere" / "g.nt"))
    assert code == 3
    one_line_error(err, "nowhere", "does not exist")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_folder_read_only(tmp_path: Path, good: Path, capsys) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = kg("export", "--data", str(good), "--format", "nt", "-o", str(folder / "g.nt"))
    finally:
        folder.chmod(0o700)
    assert code == 3
    one_line_error(err, "g.nt", "cannot write")


def test_read_only_folder_simulated(tmp_path: Path, good: Path, capsys, monkeypatch) -> None:
    """The same as above where tests run as root: creating the temporary file is refused."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, err = kg("export", "--data", str(good), "--format", "nt", "-o", str(tmp_path / "g.nt"))
    assert code == 3
    one_line_error(err, "g.nt", "cannot write", "Permission denied")


def test_disk_full_leaves_the_old_output(tmp_path: Path, good: Path, capsys, monkeypatch) -> None:
    out = tmp_path / "g.nt"
    out.write_text("previous export\n", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kg.rdfio.write.serialize", full)
    code, _, err = kg("export", "--data", str(good), "--format", "nt", "-o", str(out))
    assert code == 3
    one_line_error(err, "g.nt", "No space left on device")
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nt", "good.ttl"]


def test_output_equal_to_input_is_refused(good: Path, capsys) -> None:
    before = good.read_bytes()
    code, _, err = kg("export", "--data", str(good), "--format", "turtle", "-o", str(good))
    assert code == 2
    assert "input" in err and "Traceback" not in err
    assert good.read_bytes() == before


def test_stdout_gets_nothing_when_the_input_breaks_late(tmp_path: Path, capsys) -> None:
    data = tmp_path / "late.nt"
    data.write_text("<http://a> <http://p> <http://b> .\n" * 1000 + "<http://a> <http://p> oops .\n",
                    encoding="utf-8")
    code, out, err = kg("export", "--data", str(data), "--format", "nt")
    assert code == 3
    one_line_error(err, f"{data}:1001:")
    assert out == ""


def test_exported_files_get_ordinary_permissions(tmp_path: Path, good: Path, capsys) -> None:
    """Not the 0600 of the temporary file they were written to."""
    out = tmp_path / "g.nt"
    umask = os.umask(0o022)
    try:
        code, _, err = kg("export", "--data", str(good), "--format", "nt", "-o", str(out))
    finally:
        os.umask(umask)
    assert code == 0, err
    assert out.stat().st_mode & 0o777 == 0o644


def test_store_export_gives_each_triple_once(tmp_path: Path, capsys) -> None:
    from pyoxigraph import NamedNode, Quad, Store

    folder = tmp_path / "store"
    store = Store(str(folder))
    a, p, b = NamedNode("http://example.org/a"), NamedNode("http://example.org/p"), NamedNode("http://example.org/b")
    store.extend([Quad(a, p, b, NamedNode("http://example.org/g1")), Quad(a, p, b, NamedNode("http://example.org/g2"))])
    store.flush()
    del store
    for suffix, quads in (("nt", 1), ("ttl", 1), ("nq", 2)):
        out = tmp_path / f"g.{suffix}"
        code, _, err = kg("export", "--data", str(folder), "--format", suffix, "-o", str(out))
        assert code == 0, err
        assert len(list(parse(path=str(out)))) == quads
