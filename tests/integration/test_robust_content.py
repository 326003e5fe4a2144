"""Articles that are odd but readable go through the real pipeline: one with no entity, the same
article under two names, an HTML page, Windows-1252 text and text with control characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.corpus import read_corpus
from kg.mapping import to_quads
from kg.resolve import resolve
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model

CALL = (EXAMPLES / "01_appel_lecornu_choigou.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def extractor():
    from kg.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("odd")
    (folder / "a_call.txt").write_text(CALL, encoding="utf-8")
    (folder / "b_same_call.txt").write_text(CALL, encoding="utf-8")
    (folder / "c_nothing.txt").write_text("Il a plu toute la journée sur la côte, et la mer était grise.\n",
                                          encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in CALL.splitlines())
    (folder / "d_page.txt").write_text(f"<!DOCTYPE html><html><body><nav>Menu</nav>{paragraphs}"
                                       "<script>x()</script></body></html>", encoding="utf-8")
    (folder / "e_cp1252.txt").write_bytes(CALL.encode("cp1252", errors="replace"))
    (folder / "f_controls.txt").write_text(CALL.replace(" ", "\x00", 3).replace(".", ".\x1b", 2), encoding="utf-8")
    (folder / "manifest.json").write_text('[{"file": "a_call.txt", "published": "2024-04-04"},'
                                          '{"file": "b_same_call.txt", "published": "2024-04-04"}]',
                                          encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def facts(extractor, corpus: Path) -> dict:
    return {f.article.id: f for f in extractor.extract(read_corpus([str(corpus)]))}


def test_every_article_is_read(facts: dict) -> None:
    assert sorted(facts) == ["a_call.txt", "b_same_call.txt", "c_nothing.txt", "d_page.txt", "e_cp1252.txt",
                             "f_controls.txt"]


def test_an_article_with_no_entity_is_kept_without_facts(facts: dict) -> None:
    nothing = facts["c_nothing.txt"]
    assert (nothing.persons, nothing.calls, nothing.holdings) == ((), (), ())
    quads = to_quads(resolve([nothing]))
    assert any(q.object.value.endswith("#Article") for q in quads)


def test_the_same_article_twice_gives_the_same_facts_once(facts: dict) -> None:
    one, two = facts["a_call.txt"], facts["b_same_call.txt"]
    assert len(one.calls) == len(two.calls) >= 1
    alone, both = resolve([one]), resolve([one, two])
    assert (len(both.calls), len(both.persons)) == (len(alone.calls), len(alone.persons))
    assert all(set(c.reports) == {"a_call.txt", "b_same_call.txt"} for c in both.calls)


def test_html_cp1252_and_control_characters_read_like_the_text(facts: dict) -> None:
    names = {p.name for p in facts["a_call.txt"].persons}
    for other in ("d_page.txt", "e_cp1252.txt", "f_controls.txt"):
        assert {p.name for p in facts[other].persons} == names, other


def test_the_graph_of_the_odd_corpus_conforms(facts: dict) -> None:
    from kg.build import in_memory
    from kg.validate import validate

    report = validate(in_memory(to_quads(resolve(list(facts.values())))))
    assert report.violations == 0, report.text()
