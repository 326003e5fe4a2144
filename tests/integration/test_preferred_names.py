"""A person's preferred label is the spelling most articles use, other spellings stay as
skos:altLabel, and the person's IRI does not move when articles with another spelling arrive
(issue 11).  Articles written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import extract_all
from kg.mapping import ALT, PREF, to_quads
from kg.resolve import resolve

pytestmark = pytest.mark.model

FRENCH = [
    "Le général Valéri Guérassimov a inspecté lundi des unités près de Koursk.",
    "Selon Moscou, Valeri Guérassimov a présidé mardi une réunion de l'état-major.",
    "Le chef d'état-major russe Valéry Guérassimov a reçu mercredi des attachés militaires.",
]
ENGLISH_SPELLED = [
    "Valery Gerasimov a assisté jeudi à un exercice naval en mer Baltique.",
    "D'après une agence, Valery Gerasimov a visité vendredi une usine de blindés.",
]


def _build(folder: Path, texts: list[str]):
    folder.mkdir()
    entries = []
    for i, text in enumerate(texts):
        name = f"a{i:02d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        entries.append({"file": name, "published": f"2024-05-{10 + i:02d}", "url": None, "lang": "fr"})
    (folder / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
    r = resolve(extract_all([str(folder)]))
    quads = to_quads(r)
    labels = {}
    for q in quads:
        if q.predicate in (PREF, ALT) and ("Gerasimov" in q.object.value or "Guérassimov" in q.object.value):
            labels.setdefault(q.subject.value, {}).setdefault(q.predicate.value, set()).add(q.object.value)
    assert len(labels) == 1, labels
    ((iri, found),) = labels.items()
    return iri, found.get(PREF.value, set()), found.get(ALT.value, set())


def test_most_used_spelling_is_preferred_and_the_iri_stays(tmp_path: Path) -> None:
    iri_fr, pref_fr, _ = _build(tmp_path / "fr", FRENCH)
    assert pref_fr == {"Valéry Guérassimov"}  # one article each: accents, then the greatest string
    iri_all, pref_all, alt_all = _build(tmp_path / "all", FRENCH + ENGLISH_SPELLED)
    # three articles write "Guérassimov" (each with its own first name), two "Gerasimov": the French
    # spelling stays preferred although "Valery Gerasimov" is the single most frequent form
    assert pref_all == {"Valéry Guérassimov"}
    assert {"Valery Gerasimov", "Valéri Guérassimov", "Valeri Guérassimov"} <= alt_all
    assert iri_all == iri_fr  # a new spelling never moves the IRI


def test_english_spelling_wins_when_most_articles_use_it(tmp_path: Path) -> None:
    iri_one, pref_one, _ = _build(tmp_path / "one", FRENCH[:1] + ENGLISH_SPELLED)
    iri_rev, pref, alt = _build(tmp_path / "rev", list(reversed(FRENCH[:1] + ENGLISH_SPELLED)))
    assert pref_one == pref == {"Valery Gerasimov"}  # two articles against one, in any input order
    assert "Valéri Guérassimov" in alt
    assert iri_one == iri_rev
