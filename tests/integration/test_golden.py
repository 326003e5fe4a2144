"""Golden cases: small articles written for kg, each with the facts a correct build finds.

Each folder of ``tests/cases`` holds one or more articles and ``expected.json`` (its ``lang``
"fr" unless said); the
traps (a meeting, a failed attempt, a wish, page furniture) expect *no* call.  Names
are compared with kg's transliteration-aware matching, so "Shoigu" finds "Choïgou".
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from kg.build import extract_all
from kg.resolve import Resolved, resolve
from tests.conftest import CASES

pytestmark = pytest.mark.model


def _corpus(case: Path, tmp_path: Path, expected: dict) -> Path:
    folder = tmp_path / case.name
    shutil.copytree(case, folder, ignore=shutil.ignore_patterns("expected.json"))
    if not (folder / "manifest.json").exists():
        entries = [{"file": p.name, "published": expected.get("published"), "url": None,
                    "lang": expected.get("lang", "fr")}
                   for p in sorted(folder.glob("*.txt"))]
        (folder / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
    return folder


def _names(r: Resolved, key: str) -> list[str]:
    p = r.persons[key]
    return [p.name, *p.aliases]


def _form(name: str) -> str:
    """A name as written, up to Unicode composition, spacing and case: nothing of kg's own name matching."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _find(r: Resolved, name: str) -> str | None:
    """The person one of whose forms (preferred name or alias) is ``name`` as written: the expectation says
    which form, and kg's name matching (``same_person``) decides nothing here."""
    return next((k for k in r.persons if _form(name) in {_form(n) for n in _names(r, k)}), None)


@pytest.fixture(scope="module", params=sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def case(request, tmp_path_factory) -> tuple[dict, Resolved]:
    path = CASES / request.param
    expected = json.loads((path / "expected.json").read_text(encoding="utf-8"))
    folder = _corpus(path, tmp_path_factory.mktemp("case"), expected)
    return expected, resolve(extract_all([str(folder)]))


def test_people(case) -> None:
    expected, r = case
    for name in expected.get("persons", []):
        assert _find(r, name), f"{name} not found among {[p.name for p in r.persons.values()]}"
    for name in expected.get("not_persons", []):
        assert not _find(r, name), f"{name} is page furniture, not a person of the article"
    if "distinct_persons" in expected:
        assert len(r.persons) == expected["distinct_persons"], [p.name for p in r.persons.values()]


def test_calls(case) -> None:
    expected, r = case
    want = expected.get("calls", [])
    assert len(r.calls) == len(want), [[r.persons[p].name for p in c.participants] for c in r.calls]
    for w in want:
        keys = {_find(r, n) for n in w["participants"]}
        # two calls of one pair (an earlier one told beside the new one) are told apart by their dates
        call = next((c for c in r.calls if set(c.participants) == keys
                     and ("date" not in w or (c.date and c.date.value == w["date"]))), None)
        assert call, f"no call between {w['participants']}" + (f" on {w['date']}" if "date" in w else "")
        if "date" in w:
            assert call.date and call.date.value == w["date"], call.date
        if "initiator" in w:
            assert call.initiators == [_find(r, w["initiator"])]
        if "medium" in w:
            assert call.medium == w["medium"]
        if "reported_by" in w:
            assert len(call.reports) == w["reported_by"]


def test_holdings(case) -> None:
    expected, r = case
    held = {(t.person, t.office) for t in r.terms}
    for name, office in expected.get("holdings", []):
        assert (_find(r, name), office) in held, f"{name} = {office} not in {sorted(held)}"
    for name, office in expected.get("not_holdings", []):  # a post given to the wrong person
        assert (_find(r, name), office) not in held, f"{name} = {office} is a wrong attachment"
    for successor, predecessor, office in expected.get("replaces", []):
        term = next(t for t in r.terms if t.person == _find(r, successor) and t.office == office)
        assert term.replaces == _find(r, predecessor), f"{successor} should replace {predecessor}"
    for name, office, bound, value in expected.get("terms", []):
        term = next(t for t in r.terms if t.person == _find(r, name) and t.office == office)
        assert getattr(term, bound) and getattr(term, bound).value == value
    for name, office, bound in expected.get("no_terms", []):  # a bound the text gives no date for
        term = next(t for t in r.terms if t.person == _find(r, name) and t.office == office)
        assert getattr(term, bound) is None, f"{name} {office} {bound} = {getattr(term, bound)}"


def test_weapons_and_treaties(case) -> None:
    expected, r = case
    assert set(expected.get("missiles", [])) <= set(r.missiles())
    assert set(expected.get("treaties", [])) <= set(r.treaties())
    assert not set(expected.get("not_treaties", [])) & set(r.treaties())
    launches = [x for a in r.articles for x in a.launches]
    for w in expected.get("launches", []):
        assert any(x.system == w["missile"] and x.by == w["by"] for x in launches), launches
    events = [x for a in r.articles for x in a.treaty_events]
    for w in expected.get("treaty_events", []):
        assert any(e.treaty == w["treaty"] and e.kind == w["kind"] and e.date and e.date.value == w["date"]
                   for e in events), events
