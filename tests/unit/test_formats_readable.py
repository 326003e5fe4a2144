"""Honest formats (issue 11, item 2): Turtle and TriG one block per subject, no escaped local names, only the
prefixes used; ``.jsonld`` compacted with kg's shipped ``@context``, holding the union of the graphs, read back
(by pyoxigraph, without network) as the same triples."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import resources
from kg.namespaces import KGO, PREFIXES
from kg.rdfio import read_quads, to_rdflib
from kg.rdfio.jsonld import context
from kg.rdfio.write import serialize_to, used_prefixes
from tests.conftest import EXAMPLES, run_kg

XSD = PREFIXES["xsd"]
KGR = "https://w3id.org/kg-news/id/"
_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"')
_PREFIX = re.compile(r"^@prefix ([A-Za-z][\w.-]*)?: <([^>]*)> \.$")


def _body(text: str) -> tuple[dict[str, str], list[str]]:
    """The declared prefixes of a Turtle or TriG text, and its other lines with string literals blanked out."""
    prefixes, lines = {}, []
    for line in _STRING.sub('""', text).splitlines():
        declared = _PREFIX.match(line)
        if declared:
            prefixes[declared.group(1) or ""] = declared.group(2)
        elif line.strip():
            lines.append(line)
    return prefixes, lines


def _rdflib(triples) -> Graph:
    """An rdflib graph of pyoxigraph triples, literals as written (rdflib's parsers would normalise ``"01"``)."""
    graph, bnodes = Graph(), {}
    for t in triples:
        graph.add(tuple(to_rdflib(term, bnodes) for term in (t.subject, t.predicate, t.object)))
    return graph


def _graph(path: Path) -> Graph:
    """The union of the graphs of an RDF file, read by kg's reader (pyoxigraph, no network)."""
    return _rdflib(q.triple for q in read_quads(path))


def _triples(path: Path) -> set[ox.Triple]:
    return {q.triple for q in read_quads(path)}


def _check_readable(text: str, subjects_per_block: bool = True) -> dict[str, str]:
    """The three promises of a readable Turtle or TriG text: no escaped local name, every declared prefix used,
    and (Turtle, or each graph of TriG) each subject in one block."""
    prefixes, lines = _body(text)
    body = "\n".join(lines)
    assert "\\" not in body, [line for line in lines if "\\" in line][:3]  # no kgr:person\/x, no escape at all
    for name in prefixes:
        assert re.search(rf"(?<![\w.-]){re.escape(name)}:", body), f"prefix {name}: declared but unused"
    if subjects_per_block:
        graph, seen = None, set()
        for line in lines:
            if line.endswith("{"):  # a TriG graph opens: subjects count per graph
                graph, seen = line, set()
            elif not line[0].isspace() and line != "}":
                subject = line.split()[0]
                assert (graph, subject) not in seen, f"{subject} has two blocks"
                seen.add((graph, subject))
            elif line.startswith("\t") and graph is not None and not line.startswith("\t\t") and line.strip() != "}":
                subject = line.split()[0]
                assert (graph, subject) not in seen, f"{subject} has two blocks in {graph}"
                seen.add((graph, subject))
    return prefixes


# ---- Turtle and TriG ----------------------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_export_is_readable_and_the_same_data(built_examples: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{'ttl' if fmt == 'turtle' else 'trig'}"
    assert run_kg("export", "--data", str(built_examples), "--format", fmt, "-o", str(out)).code == 0
    prefixes = _check_readable(out.read_text(encoding="utf-8"))
    assert prefixes["person"] == KGR + "person/" and "kgr" not in prefixes  # every minted IRI has its kind's
    if fmt == "trig":
        assert prefixes["article-graph"] == "https://w3id.org/kg-news/graph/article/"
        assert {(q.graph_name, q.triple) for q in read_quads(out)} == {
            (q.graph_name, q.triple) for q in read_quads(built_examples)}
    else:
        assert _triples(out) == _triples(built_examples)
    text = out.read_text(encoding="utf-8")
    assert re.search(r"^\t*person:\S+ a kgo:Person ;$", text, re.M)  # rdf:type first in a block


@pytest.mark.model
def test_build_out_ttl_is_readable(tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    assert run_kg("build", str(EXAMPLES), "--out", str(out), "--quiet").code == 0
    text = out.read_text(encoding="utf-8")
    _check_readable(text)
    subjects = {t.subject for t in _triples(out)}
    assert len([line for line in text.splitlines() if line and not line[0].isspace()
                and not line.startswith("@prefix")]) == len(subjects)  # one block per subject


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld"])
def test_store_export_is_readable(built_examples: Path, tmp_path: Path, fmt: str) -> None:
    from kg.store import open_store

    store = open_store(tmp_path / "store")
    store.bulk_load(path=str(built_examples), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    out = tmp_path / f"export.{ {'turtle': 'ttl', 'trig': 'trig', 'jsonld': 'jsonld'}[fmt] }"
    assert run_kg("export", "--data", str(tmp_path / "store"), "--format", fmt, "-o", str(out)).code == 0
    if fmt != "jsonld":
        _check_readable(out.read_text(encoding="utf-8"))
    # the store gives some literals as stored (xsd:integer for xsd:nonNegativeInteger): compare subjects
    assert {t.subject for t in _triples(out)} == {t.subject for t in _triples(built_examples)}
    assert len(_triples(out)) == len(_triples(built_examples))


def test_only_the_prefixes_used_and_none_that_needs_an_escape() -> None:
    kgo = str(KGO._NS)
    assert used_prefixes([kgo + "Person", KGR + "person/ana-1", XSD + "date"]) == {
        "kgo": kgo, "person": KGR + "person/", "xsd": XSD}
    # a local name that would need an escape under its namespace: that namespace is not declared
    assert used_prefixes([kgo + "Person", kgo + "a/b"]) == {}
    # kgr itself fits an IRI without a kind; a kind that is not a prefix name stays under kgr only if it fits
    assert used_prefixes([KGR + "x", KGR + "Not A Kind/x"]) == {}
    assert used_prefixes([KGR + "x"]) == {"kgr": KGR}


def _serialised(triples: list[ox.Triple], rdf: ox.RdfFormat, tmp_path: Path, suffix: str) -> Path:
    out = tmp_path / f"out.{suffix}"
    with out.open("wb") as f:
        serialize_to(triples, f, rdf)
    return out


def _t(s: str, p: str, o: ox.NamedNode | ox.Literal | ox.BlankNode) -> ox.Triple:
    return ox.Triple(ox.NamedNode(s), ox.NamedNode(p), o)


def _lit(value: str, datatype: str | None = None, language: str | None = None) -> ox.Literal:
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)


AWKWARD = [  # terms a compactor or a prefix table gets wrong when it is careless
    _t(KGR + "person/ana-1", PREFIXES["rdf"] + "type", ox.NamedNode(str(KGO.Person))),
    _t(KGR + "person/ana-1", PREFIXES["rdf"] + "type", ox.NamedNode("http://example.org/Other")),
    _t(KGR + "person/ana-1", PREFIXES["rdfs"] + "label", _lit("Ana", language="pt")),
    _t(KGR + "person/ana-1", PREFIXES["rdfs"] + "label", _lit("Ana L.", language="pt")),
    _t(KGR + "person/ana-1", PREFIXES["rdfs"] + "label", _lit("Ana", language="en-US")),  # not a lower-case tag
    _t(KGR + "person/ana-1", PREFIXES["rdfs"] + "label", _lit("plain label")),  # no language under a language map
    _t(KGR + "person/ana-1", str(KGO.quote), ox.NamedNode("http://example.org/iri-under-a-string-term")),
    _t(KGR + "person/ana-1", str(KGO.quote), _lit("01", XSD + "integer")),  # not canonical: stays "01"
    _t(KGR + "person/ana-1", str(KGO.quote), _lit("17", XSD + "integer")),
    _t(KGR + "person/ana-1", str(KGO.quote), _lit("123456789012345678901234", XSD + "integer")),  # beyond a double
    _t(KGR + "person/ana-1", str(KGO.quote), _lit("1.5", XSD + "double")),
    _t(KGR + "person/ana-1", str(KGO.quote), _lit("5.", XSD + "decimal")),
    _t(KGR + "call/c-1", str(KGO.date), _lit("2023-02", XSD + "gYearMonth")),
    _t(KGR + "call/c-1", str(KGO.date), _lit("2023-02-30", XSD + "date")),  # ill-typed: kept as written
    _t(KGR + "call/c-1", str(KGO.date), _lit("2023-02-21")),  # a plain string under a date term
    _t(KGR + "call/c-1", str(KGO.holder), _lit("a literal under an @id term")),
    _t(KGR + "call/c-1", str(KGO.holder), ox.BlankNode("b1")),
    _t(KGR + "call/c-1", str(KGO.charStart), _lit("7", XSD + "nonNegativeInteger")),
    _t(KGR + "call/c-1", str(KGO.charStart), _lit("8", XSD + "integer")),  # as a store gives it
    _t(KGR + "call/c-1", str(KGO.charStart), _lit("09", XSD + "nonNegativeInteger")),
    _t(KGR + "call/c-1", str(KGO.singleHolder), _lit("1", XSD + "boolean")),
    _t(KGR + "call/c-1", str(KGO.singleHolder), _lit("false", XSD + "boolean")),
    _t(KGR + "call/c-1", str(KGO.medium), ox.NamedNode(str(KGO.Telephone))),
    _t(KGR + "call/c-1", str(KGO.medium), ox.NamedNode("http://example.org/Pigeon")),
    _t(KGR + "call/c-1", "http://www.w3.org/ns/prov#wasAttributedTo", ox.NamedNode(KGR + "person/ana-1")),
    _t(KGR + "call/c-1", "http://example.org/no-prefix", _lit("x")),
    _t(KGR + "odd/a.b", str(KGO.rule), _lit('quotes " and \\ and \n newlines')),
    _t("http://example.org/a/b/c", str(KGO.rule), _lit("deep")),
]


@pytest.mark.parametrize("rdf, suffix", [(ox.RdfFormat.TURTLE, "ttl"), (ox.RdfFormat.JSON_LD, "jsonld")])
def test_awkward_terms_round_trip(tmp_path: Path, rdf: ox.RdfFormat, suffix: str) -> None:
    out = _serialised(AWKWARD, rdf, tmp_path, suffix)
    assert isomorphic(_graph(out), _rdflib(AWKWARD))  # read back by kg's reader (pyoxigraph, no network)
    if rdf == ox.RdfFormat.TURTLE:
        _check_readable(out.read_text(encoding="utf-8"))


def test_turtle_writes_bare_literals_without_declaring_xsd(tmp_path: Path) -> None:
    triples = [_t(KGR + "call/c-1", str(KGO.charStart), _lit("7", XSD + "integer")),
               _t(KGR + "call/c-1", str(KGO.singleHolder), _lit("true", XSD + "boolean"))]
    prefixes = _check_readable(_serialised(triples, ox.RdfFormat.TURTLE, tmp_path, "ttl").read_text())
    assert set(prefixes) == {"call", "kgo"}


# ---- JSON-LD ------------------------------------------------------------------------------------------------

@pytest.mark.model
def test_jsonld_is_compact_with_the_shipped_context(built_examples: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.jsonld"
    assert run_kg("export", "--data", str(built_examples), "--format", "jsonld", "-o", str(out)).code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    shipped = json.loads(resources.context_path().read_text(encoding="utf-8"))["@context"]
    assert list(doc) == ["@context", "@graph"] and doc["@context"] == shipped  # embedded: no fetch to read it
    nodes = {n["@id"]: n for n in doc["@graph"]}
    assert len(nodes) == len(doc["@graph"]) == len({t.subject for t in _triples(built_examples)})  # one per subject
    keys = {k for n in doc["@graph"] for k in n}
    assert not [k for k in keys if ":" in k], keys  # every property kg writes has a short key
    assert {"@id", "@type", "label", "prefLabel", "participant", "date", "charStart", "published"} <= keys
    assert all(":" not in t for n in doc["@graph"] for t in ([n["@type"]] if isinstance(n["@type"], str)
                                                               else n["@type"]))  # classes by their short names
    call = next(n for n in doc["@graph"] if n["@type"] == "Call" and isinstance(n.get("date"), str))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", call["date"]) and call["medium"] in ("Telephone", "VideoConference")
    assert isinstance(call["participant"], list) and all(p.startswith("kgr:person/") for p in call["participant"])
    evidence = next(n for n in doc["@graph"] if n["@type"] == "Evidence")
    assert isinstance(evidence["charStart"], int) and isinstance(evidence["sentence"], str)
    person = next(n for n in doc["@graph"] if n["@type"] == "Person")
    assert isinstance(person["prefLabel"], dict) and set(person["prefLabel"]) <= {"fr", "en"}
    partial = [d for n in doc["@graph"] for d in ([n["date"]] if "date" in n else []) if isinstance(d, dict)]
    assert all(set(d) == {"@value", "@type"} and d["@type"].startswith("xsd:g") for d in partial)  # typed values


@pytest.mark.model
@pytest.mark.parametrize("how", ["export", "build"])
def test_jsonld_reads_back_as_the_union_of_the_graphs(built_examples: Path, tmp_path: Path, how: str) -> None:
    """README: a .jsonld holds the union of the graphs in one graph; read back (pyoxigraph, and rdflib as a
    second reader) it is the same triples."""
    out = tmp_path / "graph.jsonld"
    if how == "export":
        assert run_kg("export", "--data", str(built_examples), "--format", "jsonld", "-o", str(out)).code == 0
    else:
        assert run_kg("build", str(EXAMPLES), "--out", str(out), "--quiet").code == 0
    assert all(isinstance(q.graph_name, ox.DefaultGraph) for q in read_quads(out))
    assert _triples(out) == _triples(built_examples)
    assert isomorphic(Graph().parse(out, format="json-ld"), Graph().parse(data=_nt(built_examples), format="nt"))


def _nt(path: Path) -> str:
    """The union of the graphs of a file as N-Triples text."""
    return ox.serialize([q.triple for q in read_quads(path)], format=ox.RdfFormat.N_TRIPLES).decode()


def test_the_context_has_a_term_for_every_ontology_term() -> None:
    ctx = context()
    names = {t.name for t in ctx.terms.values()}
    ours = {iri for iri in ctx.terms if iri.startswith(str(KGO._NS))}
    assert ours == {str(KGO._NS) + name for name in KGO.__annotations__}  # kg/namespaces.py, checked against kg.ttl
    assert len(names) == len(ctx.terms)  # one name per IRI
    assert {n: ns for n, ns in ctx.prefixes.items()} == PREFIXES  # the one prefix table
    for iri, term in ctx.terms.items():
        short = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        assert term.name == short, (term.name, iri)  # a term is its IRI's own local name


def test_the_context_is_package_data_found_from_a_checkout() -> None:
    assert resources.context_path().is_file()
    assert resources.context_path().parent == resources.ontology_path().parent


@pytest.mark.parametrize("rdf, suffix", [(ox.RdfFormat.TURTLE, "ttl"), (ox.RdfFormat.TRIG, "trig")])
def test_scattered_data_is_grouped_one_block_per_subject(tmp_path: Path, rdf: ox.RdfFormat, suffix: str) -> None:
    """Quads that come interleaved (subjects and graphs mixed, as an in-memory store or a hand-made file gives
    them) are grouped: one block per subject (per graph and subject in TriG), ``rdf:type`` first."""
    quads = []
    for i in range(60):
        subject = ox.NamedNode(f"{KGR}person/p-{i % 7}")
        graph = ox.NamedNode(f"https://w3id.org/kg-news/graph/article/a-{i % 3}") if i % 2 else ox.DefaultGraph()
        quads.append(ox.Quad(subject, ox.NamedNode(str(KGO.quote)), _lit(f"q{i}"), graph))
        quads.append(ox.Quad(subject, ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(str(KGO.Person)), graph))
    data = list(dict.fromkeys(q if rdf == ox.RdfFormat.TRIG else q.triple for q in quads))
    out = _serialised(data, rdf, tmp_path, suffix)  # type: ignore[arg-type]
    text = out.read_text(encoding="utf-8")
    _check_readable(text)
    starts = [line for line in text.splitlines() if re.match(r"\t?person:", line)]
    assert len(starts) == (7 if rdf == ox.RdfFormat.TURTLE else 7 * 4)  # 7 subjects; 4 graphs each in TriG
    assert all(re.fullmatch(r"\t?person:\S+ a kgo:Person ;", line) for line in starts), starts  # type first
    if rdf == ox.RdfFormat.TRIG:
        assert {(q.graph_name, q.triple) for q in read_quads(out)} == {(q.graph_name, q.triple) for q in quads}
    else:
        assert _triples(out) == {q.triple for q in quads}
