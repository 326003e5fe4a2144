"""Names and texts with spaces, quotes, %, tabs, newlines, emoji, right-to-left marks or 10,000
characters always give valid, distinct IRIs and output that pyoxigraph parses back to the same
quads, in every format, without a byte-order mark (property-based, a bounded number of examples)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, parse

from kg.mapping import MERGED, article_graph, mint
from kg.namespaces import KGO
from kg.rdfio import FORMATS, write_quads

TRICKY = ["", " ", "\"", "'", "%", "%20", "%zz", "\t", "\n", "\r\n", "\\", "<", ">", "{", "}", "|", "^", "`",
          "#", "?", "&", "😀", "\u200f", "\u202e", "\ufeff", "\x00", "\x7f", "é", "ﬁ", "Ω", "_:b0", "\"\"\"",
          "@fr", "^^", "x" * 10_000]
NAMES = st.lists(st.sampled_from(TRICKY) | st.text(max_size=30), min_size=1, max_size=6).map("".join)
KINDS = st.sampled_from(["person", "office", "call", "article", "evidence", "term"])
IRI = re.compile(r"^https://w3id\.org/kg-news/id/[a-z-]+/[a-z0-9-]+-[0-9a-f]{10}$")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(kind=KINDS, key=NAMES, label=st.none() | NAMES)
def test_minted_iris_are_valid_ascii_and_short(kind: str, key: str, label: str | None) -> None:
    iri = mint(kind, key, label).value
    assert IRI.match(iri), iri
    assert len(iri) < 120
    NamedNode(iri)  # pyoxigraph validates the IRI


@SETTINGS
@given(a=NAMES, b=NAMES)
def test_distinct_keys_give_distinct_iris(a: str, b: str) -> None:
    if a != b:
        assert mint("person", a, a) != mint("person", b, b)


@pytest.mark.parametrize("a, b", [("Choïgou", "Choigou"), ("O'Brien", "O Brien"), ("a b", "a-b"), ("x%20y", "x y"),
                                  ("😀", "😁"), ("\u200fabc", "abc"), ("x" * 10_000, "x" * 10_001)])
def test_names_that_slug_alike_stay_distinct(a: str, b: str) -> None:
    assert mint("person", a, a) != mint("person", b, b)
    assert article_graph(a) != article_graph(b)




@SETTINGS
@given(names=st.lists(NAMES, min_size=1, max_size=4), lang=st.sampled_from(["fr", "en", "fr-CA"]))
def test_serialised_literals_parse_back_identical(tmp_path_factory, names: list[str], lang: str) -> None:
    folder = tmp_path_factory.mktemp("out")
    quads = []
    for i, name in enumerate(names):
        node = mint("person", f"{i}|{name}", name)
        quads += [Quad(node, NamedNode(str(KGO.sentence)), Literal(name), MERGED),
                  Quad(node, NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal(name, language=lang),
                       article_graph(name))]
    for fmt in (f for f in FORMATS if f.writable):
        path = folder / f"g.{fmt.suffixes[0]}"
        write_quads(quads, path)
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        back = set(parse(path=str(path), format=fmt.rdf))
        expected = set(quads) if fmt.dataset else {Quad(q.subject, q.predicate, q.object) for q in quads}
        assert back == expected, fmt.name


@pytest.mark.model
def test_built_graph_has_no_ill_typed_literal_and_no_bom(built_examples: Path) -> None:
    """The example corpus, built with the real model, writes only well-typed literals."""
    import rdflib

    assert not built_examples.read_bytes().startswith(b"\xef\xbb\xbf")
    dataset = rdflib.Dataset()
    dataset.parse(built_examples, format="trig")
    literals = [o for _, _, o, _ in dataset.quads((None, None, None, None)) if isinstance(o, rdflib.Literal)]
    assert literals and [lit for lit in literals if lit.ill_typed] == []
