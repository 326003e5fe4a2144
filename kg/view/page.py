"""The page itself: the template with its CSS, its script and the data inlined, nothing fetched when opened.

The data goes into a ``<script type="application/json">`` element; every ``<``, ``>`` and ``&`` in it is
written as a JSON escape, so no text from the graph (an article sentence holding ``</script>``) can end
that element or become markup. The script then puts text into the page only as text nodes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def safe_json(model: dict) -> str:
    """``model`` as JSON that can sit inside a script element as it is."""
    return json.dumps(model, ensure_ascii=False, separators=(",", ":")).translate(_SAFE)


@cache
def _static(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def render_page(model: dict) -> str:
    """The whole HTML page for ``model`` (see :func:`kg.view.data.read_model`)."""
    pieces = {"/*KG-CSS*/": _static("view.css"), "/*KG-JS*/": _static("view.js"), "/*KG-DATA*/": safe_json(model)}
    page = _static("view.html")
    for marker in pieces:  # each marker once, and none of them inside another piece
        assert page.count(marker) == 1, marker
    head, rest = page.split("/*KG-CSS*/")
    rest, tail = rest.split("/*KG-DATA*/")
    middle, end = tail.split("/*KG-JS*/")
    return "".join([head, pieces["/*KG-CSS*/"], rest, pieces["/*KG-DATA*/"], middle, pieces["/*KG-JS*/"], end])
