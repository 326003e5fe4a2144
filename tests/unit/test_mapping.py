"""IRI minting: always valid, distinct for distinct keys, re-parseable by the strict parser."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, Quad, RdfFormat, parse, serialize

from kg.namespaces import mint, slug

NASTY = ["Valéri Guérassimov", 'a "quoted" name', "100% sure", "tab\there", "new\nline", "emoji 🚀",
         "\u200fright-to-left\u200f", "x" * 10_000, "", " ", "<>{}|^`\\"]


def _round_trip(node) -> None:
    data = serialize([Quad(node, node, Literal("v"))], format=RdfFormat.N_QUADS)
    assert next(iter(parse(data, format=RdfFormat.N_QUADS))).subject == node


def test_nasty_names_give_valid_distinct_iris() -> None:
    iris = {mint("person", name).value for name in NASTY}
    assert len(iris) == len(NASTY)
    for name in NASTY:
        node = mint("person", name)
        assert len(node.value) < 120 and " " not in node.value
        _round_trip(node)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=200), st.text(min_size=0, max_size=200))
def test_minting_is_valid_and_injective(a: str, b: str) -> None:
    node = mint("call", a)
    _round_trip(node)
    assert mint("call", a) == node
    if a != b:
        assert mint("call", b) != node


def test_slugs_are_readable_ascii() -> None:
    assert slug("Valéri Guérassimov") == "valeri-guerassimov"
    assert slug("Chef d’état-major") == "chef-d-etat-major"
