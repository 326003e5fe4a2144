"""Finds the data files kg ships (ontology and its JSON-LD context, shapes, stored queries) by name.

In a source checkout they live at the top of the repository; in an installed
wheel they are copied under ``kg/_data/``.  Nothing else in kg knows these paths.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(kind: str) -> Path:
    """The folder of one kind of data file: ``ontology``, ``shapes``, ``queries`` or ``lexicons``."""
    if kind == "lexicons":
        return _PACKAGE / "lexicons"
    for root in (_PACKAGE / "_data", _PACKAGE.parent):
        if (root / kind).is_dir():
            return root / kind
    raise FileNotFoundError(f"kg data folder {kind!r} not found next to {_PACKAGE}")


def ontology_path() -> Path:
    return data_dir("ontology") / "kg.ttl"


def context_path() -> Path:
    """kg's JSON-LD ``@context`` (embedded in every ``.jsonld`` kg writes)."""
    return data_dir("ontology") / "context.jsonld"


def shapes_path() -> Path:
    return data_dir("shapes") / "kg-shapes.ttl"


def lexicon_path(name: str) -> Path:
    return data_dir("lexicons") / f"{name}.json"


def lexicon_names() -> list[str]:
    """The names of kg's lexicon files (``kg/lexicons/<name>.json``)."""
    return sorted(p.stem for p in data_dir("lexicons").glob("*.json"))


def query_paths() -> dict[str, Path]:
    """Stored queries by name (file stem)."""
    return {p.stem: p for p in sorted(data_dir("queries").glob("*.rq"))}
