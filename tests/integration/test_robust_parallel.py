"""Parallel extraction gives the same facts, in the same order, as one process."""

from __future__ import annotations

import pytest

from kg.corpus import read_corpus
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor():
    from kg.extract.pipeline import Extractor

    return Extractor()


def test_jobs_two_equals_jobs_one(extractor) -> None:
    articles = list(read_corpus([str(EXAMPLES)]))
    one = list(extractor.extract(articles, batch_size=3))
    two = list(extractor.extract(articles, batch_size=3, jobs=2))
    assert [f.article.id for f in two] == [a.id for a in articles]
    assert two == one


def test_parallel_streams_a_generator(extractor) -> None:
    """The input is consumed lazily (a generator works) and an empty corpus gives nothing."""
    articles = (a for a in read_corpus([str(EXAMPLES)]))
    assert len(list(extractor.extract(articles, batch_size=4, jobs=2))) == 10
    assert list(extractor.extract(iter(()), jobs=2)) == []
