"""`kg view` without a browser: what the page's data holds, how it is escaped, and the command's errors.

The browser tests are in tests/integration/test_view_browser.py."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from kg.cli import cli
from kg.store import open_data
from kg.view.data import QUERIES, bounds, read_model, select
from kg.view.page import render_page, safe_json
from tests.conftest import FIXTURES, run_kg

FIXTURE = FIXTURES / "view" / "hostile.trig"
EVIL = "</script><script>document.title='pwned'</script>"


def days(iso: str) -> int:
    return (date.fromisoformat(iso) - date(1970, 1, 1)).days


@pytest.fixture(scope="module")
def model() -> dict:
    return read_model(open_data(FIXTURE))


def by_name(model: dict, name: str) -> int:
    return next(i for i, p in enumerate(model["people"]) if p[0] == name)


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2023-03-15", "2023-03-15", "2023-03-15"),
    ("2023-03", "2023-03-01", "2023-03-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2023-12", "2023-12-01", "2023-12-31"),
    ("2023", "2023-01-01", "2023-12-31"),
])
def test_bounds_of_a_date_at_any_precision(text, first, last):
    assert bounds(text) == (days(first), days(last))


@pytest.mark.parametrize("text", [None, "", "soon", "2023-13", "-0044"])
def test_bounds_of_what_is_not_a_date_are_unknown(text):
    assert bounds(text) == (None, None)


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_every_view_query_parses_and_runs_on_an_empty_store(name):
    assert list(select(Store(), name)) == []


def test_terms_keep_uncertain_and_open_bounds(model):
    verne, office = by_name(model, "Paul Verne"), model["offices"]
    term = next(t for t in model["terms"] if t[1] == verne)
    assert office[term[0]][1] == "XA.defence_minister"
    assert term[2:5] == ["2020-03", days("2020-03-01"), days("2020-03-31")]  # start known to the month
    assert term[5:8] == ["", None, None]  # end not given: open
    assert term[8:10] == [days("2021-06-03"), days("2022-12-31")]  # attested on a day and in a year
    assert [model["sentences"][model["evidence"][e][0]] for e in term[10]] == [
        "Paul Verne, ministre de la défense depuis mars 2020, <b>reste</b> en poste."]


def test_calls_have_participants_initiator_dates_and_sources(model):
    verne, evil = by_name(model, "Paul Verne"), by_name(model, EVIL)
    first, second = model["calls"]  # sorted by date
    assert first[:4] == ["2021-06-03", days("2021-06-03"), days("2021-06-03"), "Telephone"]
    assert sorted(first[5]) == sorted([verne, evil]) and first[6] == [verne]
    sentence, at, length, article = model["evidence"][first[7][0]]
    assert EVIL in model["sentences"][sentence]
    assert model["sentences"][sentence][at:at + length] == "a appelé jeudi"
    assert model["articles"][article][0] == "a1.txt"
    assert second[:3] == ["2022-01", days("2022-01-01"), days("2022-01-31")] and second[6] == []


def test_a_person_takes_the_country_of_the_offices_they_held(model):
    countries = model["countries"]
    assert countries[model["people"][by_name(model, "Paul Verne")][1]] == "XA"
    assert countries[model["people"][by_name(model, EVIL)][1]] == "XB"


def test_text_from_the_graph_cannot_close_the_data_element(model):
    page = render_page(model)
    assert page.count("</script>") == 2  # the data element's and the script's own
    assert "<script>document.title" not in page and "<img src=x" not in page and "<b>reste" not in page
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(data) == model


def test_safe_json_escapes_what_html_and_javascript_would_read():
    text = safe_json({"s": "a</script>&b\u2028c<!--"})
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == {"s": "a</script>&b\u2028c<!--"}


def test_the_page_fetches_nothing(model):
    page = render_page(model)
    assert "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page.split('id="kg-data"')[0])
    assert "innerHTML" not in page and "insertAdjacentHTML" not in page and "document.write" not in page


def test_cli_writes_the_page(tmp_path):
    out = tmp_path / "kg.html"
    result = CliRunner().invoke(cli, ["view", "--data", str(FIXTURE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 calls, 2 terms, 2 people" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("data", "out", "exit_code", "message"), [
    ("missing.trig", "kg.html", 3, "missing.trig: no such file or store"),
    (str(FIXTURE), "no-folder/kg.html", 3, "no-folder: output folder does not exist"),
    (str(FIXTURE), ".", 2, "is a directory"),
])
def test_cli_errors_name_the_file(tmp_path, monkeypatch, data, out, exit_code, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_kg("view", "--data", data, "-o", out)
    assert code == exit_code and message in err


def test_cli_reports_bad_rdf_with_its_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kgo: <https://w3id.org/kg-news/ontology#> .\nkgo:a kgo:b .\nkgo:c kgo:d\n")
    code, _, err = run_kg("view", "--data", str(bad), "-o", str(tmp_path / "kg.html"))
    assert code == 3 and "bad.ttl:" in err
    assert not (tmp_path / "kg.html").exists()


def test_cli_reads_a_store_folder(tmp_path):
    from pyoxigraph import RdfFormat

    store = Store(str(tmp_path / "store"))
    store.bulk_load(path=str(FIXTURE), format=RdfFormat.TRIG)
    store.flush()
    del store
    out = tmp_path / "kg.html"
    result = CliRunner().invoke(cli, ["view", "--data", str(tmp_path / "store"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 calls, 2 terms, 2 people" in result.output
