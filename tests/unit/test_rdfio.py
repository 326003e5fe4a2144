"""kg.rdfio: one format table, one reading policy for every entry point, set semantics and ordinary
permissions for every output.  Entry points go through the console entry point ``kg.cli.main``."""

from __future__ import annotations

import ast
import io
import os
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, parse

from kg.errors import InputError, UsageError
from kg.rdfio import FORMATS, rdf_format, read_quads, refuse_doctype, writable_format, write_quads
from kg.rdfio.read import _scan_prolog
from tests.conftest import ROOT, run_kg

EX = "http://example.org/"
A, B, P = NamedNode(EX + "a"), NamedNode(EX + "b"), NamedNode(EX + "p")
G1, G2 = NamedNode(EX + "g1"), NamedNode(EX + "g2")

ENTITIES = """<!DOCTYPE rdf:RDF [ <!ENTITY e "expanded"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&e;</ex:p></rdf:Description>
</rdf:RDF>
"""
#: A comment longer than any fixed look-ahead, holding text that looks like a root element.
LONG_COMMENT = "<!-- " + "<ex:decoy> a comment about nothing " * 5_000 + "-->\n"
GOOD = '@prefix ex: <http://example.org/> .\nex:a ex:p "un"@fr .\n'


def one_line_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert all(n in lines[0] for n in needles), err


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.rdf"
    path.write_text('<?xml version="1.0"?>\n' + LONG_COMMENT + ENTITIES, encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.ttl"
    path.write_text(GOOD, encoding="utf-8")
    return path


# ----------------------------------------------------------------- the format table


def test_one_table_names_suffixes_and_media_types() -> None:
    for name in ("turtle", "TTL", "text/turtle", "g.ttl"):
        assert rdf_format(name).rdf == RdfFormat.TURTLE
    assert rdf_format("x.jsonld").name == rdf_format("application/ld+json").name == "jsonld"
    assert rdf_format("shapes.n3").rdf == RdfFormat.N3
    with pytest.raises(UsageError):
        rdf_format("csv")


def test_formats_kept_as_datasets_are_the_readme_ones() -> None:
    """README: .trig and .nq keep the named graphs; .ttl, .nt and .jsonld hold their union."""
    assert {f.name for f in FORMATS if f.dataset} == {"trig", "nquads"}
    with pytest.raises(UsageError, match="does not write"):
        writable_format("n3")


def test_unknown_suffix_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="data.csv: unknown RDF file suffix"):
        list(read_quads(path))


# ----------------------------------------------------------------- the DOCTYPE policy


@pytest.mark.parametrize("prolog", [
    "", '<?xml version="1.0"?>\n', "\ufeff", LONG_COMMENT, "<?pi " + "x" * 200_000 + "?>\n",
    "<!-- a -->\n<!-- b -->\n",
])
def test_a_doctype_after_any_prolog_is_refused(tmp_path: Path, prolog: str) -> None:
    path = tmp_path / "x.rdf"
    path.write_text(prolog + ENTITIES, encoding="utf-8")
    with pytest.raises(InputError, match="DOCTYPE"):
        refuse_doctype(path)


def test_a_doctype_split_across_reads_is_refused(tmp_path: Path) -> None:
    """The prolog is read in chunks: '<!' at the end of one and 'DOCTYPE' at the start of the next."""
    for pad in range(65_530, 65_540):
        head = b"<!--" + b"x" * (pad - 7) + b"-->"
        with pytest.raises(InputError, match="DOCTYPE"):
            _scan_prolog(io.BytesIO(head + ENTITIES.encode()), Path("x.rdf"))


def test_a_doctype_after_the_root_element_is_left_to_the_parser(tmp_path: Path) -> None:
    text = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            "<!-- <!DOCTYPE x> is only text here --></rdf:RDF>")
    path = tmp_path / "fine.rdf"
    path.write_text(text, encoding="utf-8")
    assert list(read_quads(path)) == []


def test_every_entry_point_refuses_a_doctype_after_a_long_comment(tmp_path: Path, hostile: Path, good: Path,
                                                                   capsys) -> None:
    """--data of query, export, eval and push; validate's files, --shapes and --against."""
    (tmp_path / "gold.json").write_text("{}", encoding="utf-8")
    entry_points = [
        ["query", "people", "--data", str(hostile)],
        ["export", "--data", str(hostile), "--format", "nt"],
        ["push", "--endpoint", "http://127.0.0.1:9/query", "--data", str(hostile)],
        ["validate", str(hostile)],
        ["validate", str(good), "--shapes", str(hostile)],
        ["validate", str(good), "--against", str(hostile)],
        ["validate", str(good), "--against", str(hostile), "--engine", "pyshacl"],
        ["eval", str(tmp_path), str(tmp_path / "gold.json"), "--data", str(hostile)],
    ]
    for args in entry_points:
        code, out, err = run_kg(*args)
        assert code == 3, (args, err)
        one_line_error(err, "hostile.rdf", "DOCTYPE")


def test_every_parser_call_is_in_rdfio() -> None:
    """No module outside kg/rdfio calls a parser or a bulk loader (pyoxigraph's parse, bulk_load, rdflib's
    Graph.parse)."""
    calls = []
    for path in (ROOT / "kg").rglob("*.py"):
        if "rdfio" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name in ("parse", "bulk_load"):
                    calls.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert calls == []


def test_n3_data_is_read_by_query_like_validate(tmp_path: Path, capsys) -> None:
    data = tmp_path / "x.n3"
    data.write_text(GOOD, encoding="utf-8")
    rq = tmp_path / "all.rq"
    rq.write_text("SELECT ?s WHERE { ?s ?p ?o }", encoding="utf-8")
    code, out, err = run_kg("query", str(rq), "--data", str(data), "--format", "csv")
    assert code == 0, err
    assert out.split() == ["s", EX + "a"]


# ----------------------------------------------------------------- set semantics


def _repeated() -> list[Quad]:
    one, two = Quad(A, P, B, G1), Quad(A, P, Literal("x"), G2)
    return [one, two, one, Quad(A, P, B, G2), two, Quad(B, P, A, DefaultGraph())]


def _assert_each_once(path: Path, fmt) -> list[Quad]:
    quads = list(parse(path=str(path), format=fmt.rdf))
    assert len(quads) == len(set(quads)), path.read_text(encoding="utf-8")
    if not fmt.dataset:
        assert all(isinstance(q.graph_name, DefaultGraph) for q in quads), fmt.name
    return quads


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.writable], ids=lambda f: f.name)
def test_written_files_repeat_no_quad(tmp_path: Path, fmt) -> None:
    out = tmp_path / f"g.{fmt.suffixes[0]}"
    write_quads(_repeated(), out)
    quads = _assert_each_once(out, fmt)
    assert len(quads) == (4 if fmt.dataset else 3)  # the union: (a p b) is in two graphs


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.writable], ids=lambda f: f.name)
def test_exports_repeat_no_quad(tmp_path: Path, fmt, capsys) -> None:
    """From a file that repeats quads, and from a store holding one triple in two graphs."""
    source = tmp_path / "in.nq"
    source.write_text("".join(f"{q} .\n" for q in _repeated()), encoding="utf-8")
    folder = tmp_path / "store"
    store = Store(str(folder))
    store.extend(set(_repeated()))
    store.flush()
    del store
    for data in (source, folder):
        out = tmp_path / f"out-{data.name}.{fmt.suffixes[0]}"
        code, _, err = run_kg("export", "--data", str(data), "--format", fmt.name, "-o", str(out))
        assert code == 0, err
        assert len(_assert_each_once(out, fmt)) == (4 if fmt.dataset else 3)


def test_build_out_repeats_no_quad(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("Un texte sans appel.", encoding="utf-8")
    monkeypatch.setattr("kg.build.extract", lambda raws, **kwargs: iter(()))
    from kg.merge import merged_state

    monkeypatch.setattr("kg.build.merged_state", lambda facts: (merged_state(facts)[0], _repeated()))
    for fmt in (f for f in FORMATS if f.writable):
        out = tmp_path / f"g.{fmt.suffixes[0]}"
        code, _, err = run_kg("build", str(tmp_path / "a.txt"), "--out", str(out), "--no-validate")
        assert code == 0, err
        _assert_each_once(out, fmt)


@pytest.mark.model
def test_the_built_example_graph_repeats_no_quad_in_any_format(built_examples: Path, tmp_path: Path,
                                                               capsys) -> None:
    for fmt in (f for f in FORMATS if f.writable):
        out = tmp_path / f"g.{fmt.suffixes[0]}"
        code, _, err = run_kg("export", "--data", str(built_examples), "--format", fmt.name, "-o", str(out))
        assert code == 0, err
        _assert_each_once(out, fmt)
    _assert_each_once(built_examples, rdf_format("trig"))


# ----------------------------------------------------------------- permissions


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_build_out_and_export_get_the_same_ordinary_mode(tmp_path: Path, good: Path, capsys, monkeypatch,
                                                         umask: int) -> None:
    (tmp_path / "a.txt").write_text("Un texte sans appel.", encoding="utf-8")
    monkeypatch.setattr("kg.build.extract", lambda raws, **kwargs: iter(()))
    built, exported = tmp_path / "built.trig", tmp_path / "exported.trig"
    previous = os.umask(umask)
    try:
        assert run_kg("build", str(tmp_path / "a.txt"), "--out", str(built), "--no-validate")[0] == 0
        assert run_kg("export", "--data", str(good), "--format", "trig", "-o", str(exported))[0] == 0
    finally:
        os.umask(previous)
    assert built.stat().st_mode & 0o777 == exported.stat().st_mode & 0o777 == 0o666 & ~umask
