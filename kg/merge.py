"""The merged layer of a set of articles: their facts resolved together (:mod:`kg.resolve`) and mapped to
quads (:mod:`kg.mapping`).  The build pipeline computes it; the store only applies the quads."""

from __future__ import annotations

from collections.abc import Mapping

from pyoxigraph import Quad

from kg.extract.model import ArticleFacts
from kg.mapping import to_quads
from kg.resolve import Resolved, resolve


def merged_state(facts: Mapping[str, ArticleFacts]) -> tuple[Resolved, list[Quad]]:
    """The graph of these articles' facts (article graphs and merged layer), resolved in id order, so that
    any run order gives the same graph."""
    resolved = resolve([facts[k] for k in sorted(facts)])
    return resolved, to_quads(resolved)
